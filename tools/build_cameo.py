"""Write src/dyad/knowledge/data/events/cameo.tsv: every CAMEO code with its PLOVER event, mode, contexts and
Goldstein value.

    .venv/bin/python tools/build_cameo.py [ONTOLOGY_DIR]

ONTOLOGY_DIR (default ``../shared/ontology``) holds the published CAMEO-to-PLOVER conversion table and the
Goldstein scale. They are code tables: this script carries their codes and numbers over into dyad's own format
(and drops their prose). Modes that the conversion table puts in the wrong column, or that PLOVER no longer has,
are moved to the contexts or dropped. Codes of the roots PLOVER dropped (01 public statements, 02 appeals)
carry no event.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "dyad" / "knowledge" / "data" / "events" / "cameo.tsv"

MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "phone", "multilateral", "third-party"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "allege", "investigate"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence", "rights"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "arrest",
        "ban",
        "censor",
        "curfew",
        "cyber",
        "deport",
        "misinformation",
        "restrict",
        "seize",
        "withhold",
    },
    "ASSAULT": {
        "abduct",
        "aerial",
        "assassinate",
        "beat",
        "cleansing",
        "crowd-control",
        "destroy",
        "drone",
        "execute",
        "explosives",
        "firearms",
        "heavy-weapons",
        "massacre",
        "primitive",
        "sexual",
        "suicide-attack",
        "torture",
        "unconventional",
    },
}
CONTEXTS = set(
    [
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
        "humanitarian",
        "democracy",
    ]
)
_RENAME = {"democracy": "pro_democracy", "humanitarian": "human_security"}


def main(folder: Path) -> int:
    goldstein: dict[str, str] = {}
    for line in (folder / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, value = line.partition("\t")
        if code.strip():
            goldstein[code.strip()] = value.strip()
    rows: dict[str, tuple[str, str, str]] = {}
    roots: dict[str, str] = {}
    for line in (folder / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", body)
        if not match:
            continue
        code, rest = match.groups()
        cells = [c.strip() for c in rest.split(",")]
        event = cells[0] if cells and cells[0] in MODES else ""
        if len(code) == 2:
            roots[code] = event
            continue
        event = event or roots.get(code[:2], "")
        mode, contexts = "", []
        for cell in cells[1:]:
            for word in cell.split():
                if event and word in MODES[event] and not mode:
                    mode = word
                elif word in CONTEXTS:
                    contexts.append(_RENAME.get(word, word))
        rows[code] = (event, mode, "|".join(dict.fromkeys(contexts)))
    for code in goldstein:
        if code not in rows and len(code) >= 3:
            rows[code] = (roots.get(code[:2], ""), "", "")
    for code, event in roots.items():
        rows.setdefault(code, (event, "", ""))
    lines = ["code\tevent\tmode\tcontext\tgoldstein"]
    for code in sorted(rows):
        event, mode, context = rows[code]
        lines.append(f"{code}\t{event}\t{mode}\t{context}\t{goldstein.get(code, '')}")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "ontology"))

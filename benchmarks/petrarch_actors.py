"""How many actors of the PETRARCH2 validation suite dyad finds when given that suite's own dictionaries.

    .venv/bin/python -m benchmarks.petrarch_actors [--dir ../shared/dev-data/petrarch-unit-tests]

The suite's world is fictional (Arnor, Gondor, Mordor, ...); its actor and agent dictionaries are read with
``--actors``, as a PETRARCH user would. For each sentence with expected event codings, every expected source
and target code counts as found when dyad gives an actor whose id is that code, or whose id and sector make it
(``GON`` + ``MIL`` for ``GONMIL``, as for "the Gondor army"). The data is read at run time, for measuring only.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import dyad

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "petrarch-unit-tests"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    folder: Path = args.dir
    dictionaries = (str(folder / "PETR.Validate.actors.txt"), str(folder / "PETR.Validate.agents.txt"))
    text = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    root = ET.fromstring(text)
    expected = found = sentences = 0
    misses: dict[str, int] = {}
    for sentence in root.iter("Sentence"):
        codings = sentence.findall("EventCoding")
        body = sentence.find("Text")
        if body is None or not codings or not (body.text or "").strip():
            continue
        date = sentence.get("date", "")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        try:
            analysis = dyad.extract(" ".join(body.text.split()), date=iso, actors=dictionaries)
        except dyad.InputError:
            continue
        sentences += 1
        ids = set()
        for a in analysis.actors:
            base = a.actor_id.split(".")[0]
            ids |= {a.actor_id, base, f"{base}{a.sector or ''}"}
        for coding in codings:
            for code in (coding.get("sourcecode"), coding.get("targetcode")):
                if not code or code.startswith("---"):
                    continue
                expected += 1
                if code in ids or any(i.startswith(code) for i in ids):
                    found += 1
                else:
                    misses[code] = misses.get(code, 0) + 1
    sys.stdout.write(
        f"{sentences} sentences, {expected} expected actor codes, {found} found ({found / max(1, expected):.1%})\n"
    )
    common = sorted(misses.items(), key=lambda kv: -kv[1])[:15]
    sys.stdout.write("commonest misses: " + ", ".join(f"{c} x{n}" for c, n in common) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

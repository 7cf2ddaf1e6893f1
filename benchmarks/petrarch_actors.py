"""How many actors of the PETRARCH2 validation suite dyad finds when given that suite's own dictionaries.

    .venv/bin/python -m benchmarks.petrarch_actors [--dir ../shared/dev-data/petrarch-unit-tests]

The suite's world is fictional (Arnor, Gondor, Mordor, ...); its actor and agent dictionaries are read with
``--actors``, as a PETRARCH user would. For each sentence with expected event codings, every expected source
and target code counts as found when dyad gives an actor whose id is that code, or whose id and sector make it
(``GON`` + ``MIL`` for ``GONMIL``, as for "the Gondor army"). The data is read at run time, for measuring only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.petrarch import DEFAULT, sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    expected = found = count = 0
    misses: dict[str, int] = {}
    for sentence, _, analysis in sentences(args.dir):
        codings = sentence.findall("EventCoding")
        if not codings:
            continue
        count += 1
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
        f"{count} sentences, {expected} expected actor codes, {found} found ({found / max(1, expected):.1%})\n"
    )
    common = sorted(misses.items(), key=lambda kv: -kv[1])[:15]
    sys.stdout.write("commonest misses: " + ", ".join(f"{c} x{n}" for c, n in common) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

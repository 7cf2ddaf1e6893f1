"""dyad's events on the PETRARCH2 validation suite, scored as (source, target, PLOVER type) triples.

    .venv/bin/python -m benchmarks.petrarch_events [--dir ../shared/dev-data/petrarch-unit-tests] [--show N]

The suite's world is fictional; its actor and agent dictionaries are read with ``--actors`` (see
``benchmarks/petrarch_actors.py``). Each expected CAMEO code is converted to PLOVER with dyad's CAMEO table
(codes of the roots PLOVER dropped, 01 and 02, are left out). Per sentence, the expected triples are compared
with dyad's: a triple is found when dyad codes an event of that type whose actor and recipient carry the
expected codes (an id, or id and sector as in ``GONMIL``). Sentences that expect no event count dyad's events
on them as extra. The data is read at run time, for measuring only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from benchmarks.petrarch import DEFAULT, sentences
from dyad.knowledge.events import knowledge
from dyad.model import ActorRef


def _codes(ref: ActorRef) -> set[str]:
    base = ref.actor_id.split(".")[0]
    return {ref.actor_id, base, f"{base}{ref.sector or ''}", ref.country or ""}


def _fits(refs: tuple[ActorRef, ...], code: str | None) -> bool:
    if not code or code.startswith("---"):
        return True
    return any(
        code in _codes(r) or any(c and code.startswith(c) and len(c) >= 3 for c in _codes(r)) for r in refs
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print N sentences with misses")
    args = parser.parse_args(argv)
    kb = knowledge()
    expected = found = typed = paired = predicted = extra_on_empty = count = 0
    confusion: Counter[tuple[str, str]] = Counter()
    shown = 0
    for sentence, words, analysis in sentences(args.dir):
        count += 1
        gold = []
        for coding in sentence.findall("EventCoding"):
            code = (coding.get("eventcode") or "").strip()
            entry = kb.codes.get(code) or kb.codes.get(code[:3]) or kb.codes.get(code[:2])
            if entry is None or entry.event is None:
                continue
            gold.append((coding.get("sourcecode"), coding.get("targetcode"), entry.event))
        events = list(analysis.events)
        predicted += len(events)
        if not gold:
            extra_on_empty += len(events)
            continue
        missed = []
        for source, target, event in gold:
            expected += 1
            typed_here = [e for e in events if e.event == event]
            if typed_here:
                typed += 1
            if any(_fits(e.actor, source) and _fits(e.recipient, target) for e in events):
                paired += 1
            if any(_fits(e.actor, source) and _fits(e.recipient, target) for e in typed_here):
                found += 1
            else:
                missed.append((source, target, event))
                confusion[(event, ",".join(sorted({e.event for e in events})) or "-")] += 1
        if missed and shown < args.show:
            shown += 1
            sys.stdout.write(f"{sentence.get('id')}: {words}\n  expected {missed}\n")
            for e in events:
                sys.stdout.write(
                    f"  got {e.event} {[a.actor_id for a in e.actor]} -> {[r.actor_id for r in e.recipient]}\n"
                )
    sys.stdout.write(
        f"{count} sentences, {expected} expected events (CAMEO roots 03-20), {predicted} dyad events\n"
        f"type found in the sentence: {typed} ({typed / max(1, expected):.1%}); "
        f"source and target on an event of any type: {paired} ({paired / max(1, expected):.1%}); "
        f"whole triple: {found} ({found / max(1, expected):.1%}); "
        f"events on sentences that expect none: {extra_on_empty}\n"
    )
    common = ", ".join(f"{g}->{p} x{n}" for (g, p), n in confusion.most_common(12))
    sys.stdout.write(f"commonest misses (expected -> dyad's types in the sentence): {common}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

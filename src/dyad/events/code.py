"""Coding a detected event: PLOVER mode, the most specific CAMEO code that fits, contexts, quad class and score."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from importlib import resources

from dyad.knowledge.events import EventKnowledge, Predicate


@functools.lru_cache(maxsize=1)
def mode_cues() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Words that point to a mode, per event type, in the order of ``modes.tsv`` (first match wins)."""
    text = resources.files("dyad.knowledge").joinpath("data/events/modes.tsv").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        out.setdefault(row["event"], []).append((row["mode"], frozenset(row["cues"].split("|"))))
    return out


def mode_of(event: str, row: Predicate | None, near: Iterable[str], wide: Iterable[str]) -> str | None:
    """The mode: the lexicon row's, else the first mode whose cue words occur near the trigger (its own words
    and those it governs), else in the sentence."""
    if row is not None and row.event == event and row.mode:
        return row.mode
    cues = mode_cues().get(event, [])
    for words in (set(near), set(wide)):
        for mode, cue in cues:
            if words & cue:
                return mode
    return None


def cameo_of(kb: EventKnowledge, event: str, mode: str | None, row: Predicate | None) -> str | None:
    """The lexicon row's CAMEO code when its event is the one coded, else the most general code of the event and
    mode."""
    if row is not None and row.event == event:
        code = kb.codes.get(row.cameo)
        if code is not None and (code.event == event or row.event == event):
            if mode and code.mode and code.mode != mode:
                return kb.code_for(event, mode) or row.cameo
            return row.cameo
    return kb.code_for(event, mode)


def scores(kb: EventKnowledge, event: str, mode: str | None, cameo: str | None) -> tuple[int, float]:
    """Quad class and event scale: the PLOVER score of the event and mode, else the CAMEO Goldstein value."""
    kind = kb.types[event]
    value = kind.modes.get(mode or "")
    if value is None:
        value = kind.score
        goldstein = kb.codes[cameo].goldstein if cameo in kb.codes else None
        if event not in ("ACCUSE",) and value == 0 and goldstein is not None:
            value = goldstein
    return kind.quad, float(value)


def contexts_of(kb: EventKnowledge, cameo: str | None) -> tuple[str, ...]:
    if cameo is None or cameo not in kb.codes:
        return ()
    return kb.codes[cameo].contexts

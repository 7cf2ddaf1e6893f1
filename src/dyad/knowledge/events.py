"""dyad's event knowledge: the PLOVER types and scores, the CAMEO codes, and the lexicon of event predicates, read
from ``data/events/`` (see its ``README.md``)."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from dyad.errors import DyadError

EVENTS = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
_CONDITIONS = frozenset({"obj", "prep", "prt", "xcomp", "comp"})
_SLOTS = frozenset({"obj", "subj", "poss", "dative"})


class EventKnowledgeError(DyadError):
    """An event knowledge file that cannot be read or contradicts itself."""


@dataclass(frozen=True)
class PloverType:
    """One of the 16 PLOVER event types."""

    event: str
    quad: int
    score: float
    needs_recipient: bool
    modes: dict[str, float] = field(default_factory=dict, hash=False, compare=False)

    def score_of(self, mode: str | None) -> float:
        return self.modes.get(mode or "", self.score)


@dataclass(frozen=True)
class CameoCode:
    """A CAMEO code, the PLOVER event, mode and contexts it converts to, and its Goldstein value."""

    code: str
    event: str | None
    mode: str | None
    contexts: tuple[str, ...]
    goldstein: float | None


@dataclass(frozen=True)
class Condition:
    """A condition of a lexicon row: ``kind`` is obj, prep, prt, xcomp or comp; ``values`` the lemmas it allows."""

    kind: str
    values: frozenset[str]


@dataclass(frozen=True)
class Predicate:
    """A row of the predicate lexicon: a trigger lemma, under conditions, signals an event."""

    lemma: str
    pos: str  # verb or noun
    when: tuple[Condition, ...]
    cameo: str
    event: str
    mode: str | None
    actor: str  # subj, obj, poss or prep:X
    recipient: tuple[str, ...]
    prior: float
    line: int = 0


@dataclass
class EventKnowledge:
    """Everything the events stage knows, with lookups."""

    types: dict[str, PloverType]
    codes: dict[str, CameoCode]
    predicates: dict[tuple[str, str], list[Predicate]]
    default_codes: dict[tuple[str, str | None], str] = field(default_factory=dict)

    def rows(self, lemma: str, pos: str) -> list[Predicate]:
        """The rows of a lemma, most specific first."""
        return self.predicates.get((lemma, pos), [])

    def code_for(self, event: str, mode: str | None) -> str | None:
        """The most general CAMEO code that converts to ``event`` and ``mode`` (else to ``event``)."""
        return self.default_codes.get((event, mode)) or self.default_codes.get((event, None))


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    text = resources.files("dyad.knowledge").joinpath(f"data/events/{name}").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        yield number, {k: (v or "").strip() for k, v in row.items() if k is not None}


def _float(cell: str, where: str) -> float:
    try:
        return float(cell)
    except ValueError as exc:
        raise EventKnowledgeError(f"{where}: not a number: {cell!r}") from exc


def _conditions(cell: str, where: str) -> tuple[Condition, ...]:
    out = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        kind, _, values = part.partition(":")
        if kind not in _CONDITIONS:
            raise EventKnowledgeError(f"{where}: unknown condition {kind!r}")
        out.append(Condition(kind, frozenset(v.strip().lower() for v in values.split("|") if v.strip())))
    return tuple(out)


def _slots(cell: str, where: str) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in cell.split("|") if s.strip())
    for slot in slots:
        if slot not in _SLOTS and not slot.startswith("prep:"):
            raise EventKnowledgeError(f"{where}: unknown argument slot {slot!r}")
    return slots


def load() -> EventKnowledge:
    """Read the shipped tables; raises :class:`EventKnowledgeError` on a bad row."""
    types: dict[str, PloverType] = {}
    for number, row in _rows("plover.tsv"):
        where = f"plover.tsv:{number}"
        modes = {}
        for item in filter(None, row["modes"].split("|")):
            name, _, score = item.partition("=")
            modes[name] = _float(score, where)
        types[row["event"]] = PloverType(
            row["event"],
            int(row["quad"]),
            _float(row["score"], where),
            row["needs_recipient"] == "yes",
            modes,
        )
    codes: dict[str, CameoCode] = {}
    for number, row in _rows("cameo.tsv"):
        goldstein = _float(row["goldstein"], f"cameo.tsv:{number}") if row["goldstein"] else None
        codes[row["code"]] = CameoCode(
            row["code"],
            row["event"] or None,
            row["mode"] or None,
            tuple(c for c in row["context"].split("|") if c),
            goldstein,
        )
    default_codes: dict[tuple[str, str | None], str] = {}
    for code in sorted(codes, key=lambda c: (len(c), c)):
        entry = codes[code]
        if entry.event:
            default_codes.setdefault((entry.event, entry.mode), code)
            default_codes.setdefault((entry.event, None), code)
    predicates: dict[tuple[str, str], list[Predicate]] = {}
    for number, row in _rows("predicates.tsv"):
        where = f"predicates.tsv:{number}"
        cameo = codes.get(row["cameo"])
        if cameo is None:
            raise EventKnowledgeError(f"{where}: unknown CAMEO code {row['cameo']!r}")
        event = row["event"] or cameo.event or ""
        if event not in types:
            raise EventKnowledgeError(f"{where}: no PLOVER event for {row['lemma']!r} ({row['cameo']})")
        mode: str | None = row["mode"] or (cameo.mode if cameo.event == event else None)
        if mode and mode not in types[event].modes:
            raise EventKnowledgeError(f"{where}: {event} has no mode {mode!r}")
        pos = row["pos"]
        if pos not in ("verb", "noun"):
            raise EventKnowledgeError(f"{where}: pos must be verb or noun, not {pos!r}")
        actor = row["actor"] or ("subj" if pos == "verb" else "poss")
        if actor not in ("subj", "obj", "poss") and not actor.startswith("prep:"):
            raise EventKnowledgeError(f"{where}: unknown actor slot {actor!r}")
        predicate = Predicate(
            row["lemma"].lower(),
            pos,
            _conditions(row["when"], where),
            row["cameo"],
            event,
            mode,
            actor,
            _slots(row["recipient"], where),
            _float(row["prior"] or "0.7", where),
            number,
        )
        predicates.setdefault((predicate.lemma, pos), []).append(predicate)
    for rows in predicates.values():
        rows.sort(key=lambda p: -len(p.when))
    return EventKnowledge(types, codes, predicates, default_codes)


@functools.lru_cache(maxsize=1)
def knowledge() -> EventKnowledge:
    """The shipped event knowledge, loaded once per process."""
    return load()

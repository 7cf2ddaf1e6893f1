"""dyad's actor knowledge: states, blocs, organisations, armed groups, institutions, metonyms and office
holders, read from the data files beside this module (see ``data/README.md``) and from user files.

The knowledge is loaded once per process (:func:`knowledge`) and checked by :func:`validate`.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dyad.errors import DyadError
from dyad.model import ActorType

SECTORS = frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
    ]
)
OFFICES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "head_of_organization",
)


class KnowledgeError(DyadError):
    """A knowledge file that cannot be read, or whose facts contradict each other."""


@dataclass(frozen=True)
class Entity:
    """Anything that can be an actor: a state, a bloc, an organisation, a group or a person."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    members: tuple[str, ...] = ()
    parent: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Country:
    """A state (or a partially recognised or historical one) and the words that name it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    wikidata: str | None
    status: str
    claimant: str | None = None
    region: str | None = None
    successor: str | None = None

    def entity(self) -> Entity:
        return Entity(self.iso3, self.name, "state", self.iso3, "GOV", self.aliases, self.wikidata)


@dataclass(frozen=True)
class Institution:
    """A kind of state institution ("supreme court", "foreign ministry") or office ("foreign minister")."""

    phrase: str
    aliases: tuple[str, ...]
    sector: str
    name_template: str
    type: ActorType


@dataclass(frozen=True)
class Title:
    """A title that names one of the offices the knowledge tracks ("foreign minister" -> foreign_minister)."""

    title: str
    aliases: tuple[str, ...]
    office: str
    sector: str


@dataclass(frozen=True)
class Metonym:
    """A place or building that stands for a government or institution ("the Kremlin")."""

    phrase: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    actor_name: str


@dataclass(frozen=True)
class Term:
    """One term of a person in an office."""

    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    office: str
    title: str
    sector: str
    start: str | None
    end: str | None
    wikidata: str | None

    def covers(self, date: dt.date) -> bool:
        """Whether the term includes ``date`` (partial dates count from their first and to their last day)."""
        return (self.start is None or _first_day(self.start) <= date) and (
            self.end is None or date <= _last_day(self.end)
        )


@dataclass(eq=False)
class Knowledge:
    """All actor knowledge, with indexes for lookup."""

    countries: dict[str, Country] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    institutions: list[Institution] = field(default_factory=list)
    metonyms: list[Metonym] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    #: Sectors that changed over time: id -> [(sector, first day, last day)] ("the Taliban": REB, then GOV).
    sector_history: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)
    #: Codes that change with the date, from PETRARCH dictionaries: id -> [(code, first day, last day)].
    dated_codes: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)

    _office_index: dict[tuple[str, str], list[Term]] | None = field(default=None, repr=False, compare=False)
    _person_index: dict[str, list[Term]] | None = field(default=None, repr=False, compare=False)

    def reset_indexes(self) -> None:
        """Forget the lookup indexes after the tables change."""
        self._office_index = None
        self._person_index = None

    # Lookups ----------------------------------------------------------------------------------------
    def holders(self, country: str, office: str, date: dt.date | None) -> list[Term]:
        """The terms of ``office`` in ``country`` that cover ``date`` (all of them when the date is unknown)."""
        if self._office_index is None:
            self._office_index = {}
            for term in self.terms:
                self._office_index.setdefault((term.country, term.office), []).append(term)
        return [t for t in self._office_index.get((country, office), ()) if date is None or t.covers(date)]

    def terms_of(self, person_id: str) -> list[Term]:
        """Every term of a person, earliest first."""
        if self._person_index is None:
            self._person_index = {}
            for term in sorted(self.terms, key=lambda t: t.start or ""):
                self._person_index.setdefault(term.person_id, []).append(term)
        return self._person_index.get(person_id, [])

    def sector_at(self, entity: Entity, date: dt.date | None) -> str | None:
        """The entity's sector on ``date`` (its current one when the date is unknown)."""
        history = self.sector_history.get(entity.id)
        for code, start, end in self.dated_codes.get(entity.id, ()) if date is not None else ():
            assert date is not None
            if (start is None or _first_day(start) <= date) and (end is None or date <= _last_day(end)):
                rest = code[3:]
                return next(
                    (rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS), None
                )
        if not history or date is None:
            return entity.sector
        for sector, start, end in history:
            if (start is None or _first_day(start) <= date) and (end is None or date <= _last_day(end)):
                return sector
        return entity.sector

    def person(self, person_id: str) -> Entity | None:
        """A person as an entity: from the entities, or from their office terms."""
        if person_id in self.entities:
            return self.entities[person_id]
        terms = self.terms_of(person_id)
        if not terms:
            return None
        last = terms[-1]
        aliases = tuple(sorted({a for t in terms for a in t.aliases}))
        return Entity(person_id, last.name, "person", last.country, last.sector, aliases, last.wikidata)

    def names(self) -> Iterator[tuple[str, str, str]]:
        """Every ``(surface form, kind, key)`` the recogniser should look for.

        ``kind`` is ``entity`` (key: an entity id), ``adjective`` or ``capital`` (key: a country code),
        ``metonym`` (key: its index in :attr:`metonyms`) or ``person`` (key: a person id).
        """
        for entity in self.entities.values():
            for form in (entity.name, *entity.aliases):
                yield form, "entity", entity.id
        for country in self.countries.values():
            for adjective in country.adjectives:
                yield adjective, "adjective", country.iso3
            for capital in country.capitals:
                yield capital, "capital", country.iso3
        for i, metonym in enumerate(self.metonyms):
            for form in (metonym.phrase, *metonym.aliases):
                yield form, "metonym", str(i)
        seen: set[tuple[str, str]] = set()
        for term in self.terms:
            for form in (term.name, *term.aliases):
                if (form, term.person_id) not in seen:
                    seen.add((form, term.person_id))
                    yield form, "person", term.person_id


# Reading ----------------------------------------------------------------------------------------------
def _list(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _cell(cell: str | None) -> str | None:
    cell = (cell or "").strip()
    return cell or None


def _rows(text: str, where: str, required: Sequence[str]) -> Iterator[dict[str, str]]:
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise KnowledgeError(f"{where}: missing columns {', '.join(missing)}")
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeError(f"{where}:{number}: wrong number of columns")
        yield row


def _first_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _read_text(name: str) -> str:
    return resources.files("dyad.knowledge").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")


def _data_files() -> list[str]:
    folder = resources.files("dyad.knowledge").joinpath("data/actors")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv"))


def load_tables(read: Iterable[tuple[str, str]]) -> Knowledge:
    """Build knowledge from ``(file name, text)`` pairs of dyad's TSV tables."""
    kb = Knowledge()
    for name, text in read:
        if name == "countries.tsv":
            for row in _rows(
                text, name, ("iso3", "name", "aliases", "adjectives", "capital", "wikidata", "status")
            ):
                country = Country(
                    iso3=row["iso3"].strip(),
                    name=row["name"].strip(),
                    aliases=_list(row.get("aliases")),
                    adjectives=_list(row.get("adjectives")),
                    capitals=_list(row.get("capital")) + _list(row.get("capital_aliases")),
                    wikidata=_cell(row.get("wikidata")),
                    status=row["status"].strip(),
                    claimant=_cell(row.get("claimant")),
                    region=_cell(row.get("region")),
                    successor=_cell(row.get("successor")),
                )
                kb.countries[country.iso3] = country
                kb.entities[country.iso3] = country.entity()
        elif name == "blocs.tsv":
            for row in _rows(text, name, ("id", "name", "aliases", "type", "members")):
                kind = row["type"].strip()
                kb.entities[row["id"].strip()] = Entity(
                    id=row["id"].strip(),
                    name=row["name"].strip(),
                    type="igo" if kind == "igo" else "region",
                    sector="GOV",  # blocs and intergovernmental bodies act as governments do
                    aliases=_list(row.get("aliases")) + _list(row.get("adjectives")),
                    wikidata=_cell(row.get("wikidata")),
                    members=_list(row.get("members")),
                    notes=_cell(row.get("notes")),
                )
        elif name == "organizations.tsv":
            for row in _rows(text, name, ("id", "name", "aliases", "type", "country", "sector")):
                kind = row["type"].strip()
                kb.entities[row["id"].strip()] = Entity(
                    id=row["id"].strip(),
                    name=row["name"].strip(),
                    type="group" if kind == "group" else "igo" if kind == "igo" else "organization",
                    country=_cell(row.get("country")),
                    sector=_cell(row.get("sector")) or ("GOV" if kind == "igo" else None),
                    aliases=_list(row.get("aliases")),
                    wikidata=_cell(row.get("wikidata")),
                    parent=_cell(row.get("parent")),
                    notes=_cell(row.get("notes")),
                )
        elif name == "institutions.tsv":
            for row in _rows(text, name, ("phrase", "aliases", "sector", "name_template", "type")):
                kind = row["type"].strip()
                kb.institutions.append(
                    Institution(
                        phrase=row["phrase"].strip(),
                        aliases=_list(row.get("aliases")),
                        sector=row["sector"].strip(),
                        name_template=row["name_template"].strip(),
                        type="person" if kind == "person" else "group" if kind == "group" else "organization",
                    )
                )
        elif name == "metonyms.tsv":
            for row in _rows(text, name, ("phrase", "aliases", "country", "sector", "actor_name")):
                kb.metonyms.append(
                    Metonym(
                        phrase=row["phrase"].strip(),
                        aliases=_list(row.get("aliases")),
                        country=_cell(row.get("country")),
                        sector=_cell(row.get("sector")),
                        actor_name=row["actor_name"].strip(),
                    )
                )
        elif name == "sector_history.tsv":
            for row in _rows(text, name, ("id", "sector", "start", "end")):
                kb.sector_history.setdefault(row["id"].strip(), []).append(
                    (row["sector"].strip(), _cell(row.get("start")), _cell(row.get("end")))
                )
        elif name == "titles.tsv":
            for row in _rows(text, name, ("title", "aliases", "office", "sector")):
                kb.titles.append(
                    Title(
                        row["title"].strip(),
                        _list(row.get("aliases")),
                        row["office"].strip(),
                        row["sector"].strip(),
                    )
                )
        elif name.startswith("offices"):
            for row in _rows(
                text, name, ("person_id", "name", "country", "office", "title", "sector", "start", "end")
            ):
                kb.terms.append(
                    Term(
                        person_id=row["person_id"].strip(),
                        name=row["name"].strip(),
                        aliases=_list(row.get("aliases")),
                        country=row["country"].strip(),
                        office=row["office"].strip(),
                        title=row["title"].strip(),
                        sector=row["sector"].strip(),
                        start=_cell(row.get("start")),
                        end=_cell(row.get("end")),
                        wikidata=_cell(row.get("wikidata")),
                    )
                )
    return kb


@functools.lru_cache(maxsize=1)
def shipped() -> Knowledge:
    """The knowledge shipped with dyad, loaded once."""
    return load_tables((name, _read_text(name)) for name in _data_files())


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q\d+$")


def validate(kb: Knowledge) -> list[str]:
    """Every problem found in the knowledge (empty when it is consistent)."""
    problems: list[str] = []
    for country in kb.countries.values():
        if not re.fullmatch(r"[A-Z]{3}", country.iso3):
            problems.append(f"country {country.iso3!r}: not a three-letter code")
        for code in (country.claimant, country.successor):
            if code and code not in kb.countries:
                problems.append(f"country {country.iso3}: unknown country {code}")
    for entity in kb.entities.values():
        if entity.wikidata and not _QID.match(entity.wikidata):
            problems.append(f"{entity.id}: bad Wikidata id {entity.wikidata!r}")
        if entity.sector and entity.sector not in SECTORS:
            problems.append(f"{entity.id}: unknown sector {entity.sector!r}")
        if entity.country and entity.country not in kb.countries:
            problems.append(f"{entity.id}: unknown country {entity.country!r}")
        if entity.parent and entity.parent not in kb.entities:
            problems.append(f"{entity.id}: unknown parent {entity.parent!r}")
        problems.extend(f"{entity.id}: unknown member {m!r}" for m in entity.members if m not in kb.countries)
    for inst in kb.institutions:
        if inst.sector not in SECTORS:
            problems.append(f"institution {inst.phrase!r}: unknown sector {inst.sector!r}")
    for title in kb.titles:
        if title.office not in OFFICES or title.sector not in SECTORS:
            problems.append(f"title {title.title!r}: unknown office or sector")
    for term in kb.terms:
        where = f"{term.person_id} ({term.country} {term.office} {term.start})"
        if term.office not in (*OFFICES, "role"):
            problems.append(f"{where}: unknown office {term.office!r}")
        if term.sector not in SECTORS:
            problems.append(f"{where}: unknown sector {term.sector!r}")
        for value in (term.start, term.end):
            if value and not _DATE.match(value):
                problems.append(f"{where}: bad date {value!r}")
        dated = term.start and term.end and _DATE.match(term.start) and _DATE.match(term.end)
        if dated and _first_day(term.start or "") > _last_day(term.end or ""):
            problems.append(f"{where}: ends before it starts")
    return problems


@functools.lru_cache(maxsize=8)
def knowledge(extra: tuple[Path, ...] = ()) -> Knowledge:
    """The shipped knowledge, with the user's dictionaries added (they win where ids clash)."""
    if not extra:
        return shipped()
    from dyad.knowledge.dictionaries import read_user_files

    base = shipped()
    kb = Knowledge(
        countries=dict(base.countries),
        entities=dict(base.entities),
        institutions=list(base.institutions),
        metonyms=list(base.metonyms),
        terms=list(base.terms),
        titles=list(base.titles),
        sector_history=dict(base.sector_history),
    )
    read_user_files(kb, extra)
    return kb

"""User dictionaries: dyad's own YAML or CSV actor files, and PETRARCH/TABARI actor and agent dictionaries.

dyad's format (YAML: a list of mappings; CSV: one row per actor or per office term) has the fields ``id``,
``name``, ``type``, ``country``, ``sector``, ``aliases`` (a list, or ``|``-separated in CSV), ``wikidata``,
and for people ``roles``: a list of ``{title, office, country, sector, start, end}`` (in CSV the columns
``title``, ``office``, ``start``, ``end`` on the person's row, one row per role). A role with an ``office``
(``head_of_state``, ``head_of_government``, ``foreign_minister``, ``defence_minister``) lets "the
president" resolve to that person on dates inside the role. See ``docs/actors.md``.

PETRARCH/TABARI dictionaries are recognised by their ``[CODE]`` brackets: actor files give names (``_`` for
spaces), ``+`` synonym lines and dated codes (``[HOBGOV 19950601 - 19990815]``); agent files give
``PHRASE [~SEC]`` sector words. A code's first three letters are its country when they are a known country
code; the next three its sector when they are a PLOVER sector.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from dyad.knowledge.actors import OFFICES, SECTORS, Entity, Institution, Knowledge, KnowledgeError, Term
from dyad.model import ActorType

_TYPES: frozenset[str] = frozenset({"state", "group", "organization", "igo", "person", "region"})
_BRACKET = re.compile(r"\[([^\]]*)\]")
_PETRARCH_DATE = re.compile(r"^(\d{6}|\d{8})$")


def read_user_files(kb: Knowledge, paths: Sequence[Path]) -> None:
    """Add the actors of the user's files to ``kb`` (their entries win where ids clash)."""
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise KnowledgeError(f"{path}: no such actor dictionary") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            entries = _yaml_entries(text, str(path))
        elif suffix in (".csv", ".tsv"):
            entries = list(_csv_entries(text, str(path), "\t" if suffix == ".tsv" else ","))
        elif _BRACKET.search(text):
            _read_petrarch(kb, text, str(path))
            continue
        else:
            raise KnowledgeError(f"{path}: not a dyad YAML/CSV dictionary nor a PETRARCH one")
        for entry in entries:
            _add(kb, entry)


# dyad's own format ------------------------------------------------------------------------------------
def _yaml_entries(text: str, where: str) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{where}: malformed YAML ({exc})") from exc
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise KnowledgeError(f"{where}: expected a list of actors (mappings)")
    return [dict(item, _where=f"{where}: actor {i + 1}") for i, item in enumerate(data)]


def _csv_entries(text: str, where: str, delimiter: str) -> Iterator[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise KnowledgeError(f"{where}: a CSV dictionary needs at least a 'name' column")
    people: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(reader, start=2):
        entry: dict[str, Any] = {k: (v or "").strip() for k, v in row.items() if k}
        entry["aliases"] = [a.strip() for a in entry.get("aliases", "").split("|") if a.strip()]
        entry["_where"] = f"{where}:{number}"
        if entry.get("title") or entry.get("office"):
            entry["roles"] = [{k: entry.pop(k, "") for k in ("title", "office", "start", "end")}]
        key = entry.get("id") or entry["name"]
        if key in people and entry.get("roles"):
            people[key].setdefault("roles", []).extend(entry["roles"])
            continue
        people[key] = entry
    yield from people.values()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _add(kb: Knowledge, entry: dict[str, Any]) -> None:
    where = entry.get("_where", "dictionary")
    name = str(entry.get("name") or "").strip()
    if not name:
        raise KnowledgeError(f"{where}: no name")
    kind = str(entry.get("type") or "organization").strip()
    if kind not in _TYPES:
        raise KnowledgeError(f"{where}: type {kind!r} is not one of {', '.join(sorted(_TYPES))}")
    sector = str(entry.get("sector") or "").strip() or None
    if sector and sector not in SECTORS:
        raise KnowledgeError(f"{where}: sector {sector!r} is not a PLOVER sector")
    country = str(entry.get("country") or "").strip() or None
    prefix = {"person": "per", "group": "grp", "igo": "igo", "region": "bloc"}.get(kind, "org")
    actor_id = str(entry.get("id") or (country if kind == "state" else f"{prefix}:{_slug(name)}"))
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    type_: ActorType = kind  # type: ignore[assignment]
    entity = Entity(
        actor_id,
        name,
        type_,
        country,
        sector,
        tuple(str(a) for a in aliases),
        str(entry.get("wikidata") or "") or None,
    )
    kb.entities[actor_id] = entity
    for role in entry.get("roles") or []:
        if not isinstance(role, dict):
            raise KnowledgeError(f"{where}: a role must be a mapping")
        office = str(role.get("office") or "").strip()
        if office and office not in OFFICES:
            raise KnowledgeError(f"{where}: office {office!r} is not one of {', '.join(OFFICES)}")
        start = str(role.get("start") or "").strip() or None
        end = str(role.get("end") or "").strip() or None
        kb.terms.append(
            Term(
                actor_id,
                name,
                entity.aliases,
                str(role.get("country") or country or ""),
                office or "role",
                str(role.get("title") or office),
                str(role.get("sector") or sector or "GOV"),
                start,
                end,
                entity.wikidata,
            )
        )
    kb.reset_indexes()


# PETRARCH / TABARI ----------------------------------------------------------------------------------
def _strip_comments(text: str) -> Iterator[str]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for line in text.splitlines():
        yield line.split("#", 1)[0].rstrip()


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).strip()


def _petrarch_date(value: str) -> str:
    value = value.strip()
    if not _PETRARCH_DATE.match(value):
        raise ValueError(value)
    if len(value) == 6:  # YYMMDD
        year = int(value[:2])
        value = f"{1900 + year if year > 30 else 2000 + year}{value[2:]}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _code_parts(kb: Knowledge, code: str) -> tuple[str | None, str | None]:
    code = code.strip().upper()
    country = code[:3] if code[:3] in kb.countries else None
    rest = code[3:] if country else code
    sector = next((rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS), None)
    return country, sector


def _read_petrarch(kb: Knowledge, text: str, where: str) -> None:
    lines = list(_strip_comments(text))
    if any(re.search(r"\[\s*~|~\s*\]", line) for line in lines):
        _read_agents(kb, lines, where)
        return
    current: dict[str, Any] | None = None
    actors: list[dict[str, Any]] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("+") and current is not None:
            current["aliases"].append(_phrase(stripped[1:]))
            continue
        if line[:1] in (" ", "\t") and stripped.startswith("[") and current is not None:
            current["codes"].extend(_BRACKET.findall(stripped))
            continue
        codes = _BRACKET.findall(stripped)
        name = _phrase(_BRACKET.sub("", stripped).split("{", 1)[0])
        if not name:
            continue
        current = {"name": name, "aliases": [], "codes": codes}
        actors.append(current)
    for actor in actors:
        codes = [c.strip() for c in actor["codes"] if c.strip()]
        undated = [c for c in codes if not re.search(r"[<>]|\d{6}", c)]
        code = (undated or [c.split()[0] for c in codes] or [""])[0]
        if not code or set(code) <= set("-+#"):
            continue  # a discard or an unassigned code
        country, sector = _code_parts(kb, code)
        names = tuple(n for n in (actor["name"].title(), *(a.title() for a in actor["aliases"])) if n)
        known = kb.entities.get(code.upper())
        if known is not None:  # another name for an actor already known: "ISRAELI [ISR]"
            kb.entities[known.id] = replace(known, aliases=tuple(dict.fromkeys((*known.aliases, *names))))
            continue
        kind: ActorType = "state" if country and len(code) == 3 else "organization"
        entity = Entity(code.upper(), names[0], kind, country, sector, names[1:])
        kb.entities[entity.id] = entity
        dated: list[tuple[str, str | None, str | None]] = []
        for c in codes:
            bound = re.fullmatch(r"(\S+)\s*([<>])\s*(\d+)", c.strip())
            span = re.fullmatch(r"(\S+)\s+(\d+)\s*-\s*(\d+)", c.strip())
            try:
                if bound and bound.group(2) == "<":
                    dated.append((bound.group(1), None, _petrarch_date(bound.group(3))))
                elif bound:
                    dated.append((bound.group(1), _petrarch_date(bound.group(3)), None))
                elif span:
                    dated.append(
                        (span.group(1), _petrarch_date(span.group(2)), _petrarch_date(span.group(3)))
                    )
            except ValueError as exc:
                raise KnowledgeError(f"{where}: bad date in code [{c}]") from exc
        if dated:
            kb.dated_codes[entity.id] = dated
    kb.reset_indexes()


def _read_agents(kb: Knowledge, lines: Iterable[str], where: str) -> None:
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("!") or "=" in stripped.split("[", 1)[0]:
            continue
        codes = _BRACKET.findall(stripped)
        if not codes:
            continue
        phrase = _phrase(_BRACKET.sub("", stripped).split("{", 1)[0]).replace("!", "").lower()
        sector_code = codes[0].replace("~", "").strip().upper()
        sector = next(
            (
                sector_code[i : i + 3]
                for i in range(0, len(sector_code), 3)
                if sector_code[i : i + 3] in SECTORS
            ),
            None,
        )
        if phrase and sector:
            kb.institutions.append(Institution(phrase, (), sector, "{country} " + phrase, "organization"))

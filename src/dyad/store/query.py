"""Queries over the store, each returning a pandas DataFrame: events, quotes, actors, one actor's profile, the
relation of two actors over time, and full-text search of the articles.

Every query takes one :class:`Filters` object (the command line builds the same one from its options). An actor
filter matches an actor's id, its country code (both case-insensitive) or whole words of its name ("putin" finds
"Vladimir Putin"). Dates may be partial (``2025``, ``2025-04``): ``since`` starts on the first day of the period,
``until`` ends on its last day, and a record is kept when its whole date, at the precision it has, lies inside:
an event dated only ``2025-04`` is in ``since="2025-04"`` but not in ``since="2025-04-10"``.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from dyad.errors import ConfigurationError, DyadError
from dyad.knowledge.events import EVENTS
from dyad.model import Factuality
from dyad.store.search import bm25_sql, matching_sql, query_terms, snippet

if TYPE_CHECKING:
    import pandas as pd

    from dyad.store import Store

FACTUALITY: tuple[str, ...] = get_args(Factuality)
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
PERIODS = {"day": 10, "month": 7, "year": 4}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ACTOR_FIELDS = '[{"actor_id": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR"}]'


class NotFoundError(DyadError):
    """Nothing in the store matches what was asked for by name (an actor)."""


def _many(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str | int):
        return (value,)
    return tuple(value)


def date_bounds(value: str, last: bool) -> str:
    """The first (or, with ``last``, the last) day of a partial date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = _PARTIAL_DATE.match(value.strip())
    if not m:
        raise ConfigurationError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(m.group(1))
    month = int(m.group(2) or (12 if last else 1))
    try:
        end_of_month = calendar.monthrange(year, month)[1] if last else 1
        day = int(m.group(3)) if m.group(3) else end_of_month
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise ConfigurationError(f"not a date: {value!r} ({exc})") from exc


@dataclass(frozen=True)
class Filters:
    """What to keep: the options shared by ``dyad events``, ``quotes``, ``actors``, ``relation`` and ``export``.

    ``type``, ``quad`` and ``factuality`` accept one value or several (any of them matches). Each query says
    which filters apply to it; giving one that does not is an error rather than silently ignored.
    """

    actor: str | None = None
    recipient: str | None = None
    type: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    country: str | None = None
    since: str | None = None
    until: str | None = None
    factuality: tuple[str, ...] = ()
    text: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        types = tuple(str(t).upper() for t in _many(self.type))
        unknown = [t for t in types if t not in EVENTS]
        if unknown:
            raise ConfigurationError(f"unknown PLOVER event type {unknown[0]!r} (one of {', '.join(EVENTS)})")
        try:
            quads = tuple(int(q) for q in _many(self.quad))
        except ValueError as exc:
            raise ConfigurationError(f"a quad class is a number from 1 to 4, not {self.quad!r}") from exc
        if any(q not in QUADS for q in quads):
            raise ConfigurationError(f"a quad class is a number from 1 to 4, not {self.quad!r}")
        factuality = tuple(str(f).lower() for f in _many(self.factuality))
        wrong = [f for f in factuality if f not in FACTUALITY]
        if wrong:
            raise ConfigurationError(f"unknown factuality {wrong[0]!r} (one of {', '.join(FACTUALITY)})")
        for bound in (self.since, self.until):
            if bound is not None:
                date_bounds(bound, last=False)
        if self.since and self.until and date_bounds(self.since, False) > date_bounds(self.until, True):
            raise ConfigurationError(f"since {self.since} is after until {self.until}")
        if self.text is not None:
            query_terms(self.text)
        if self.limit is not None and self.limit < 0:
            raise ConfigurationError(f"a limit is 0 or more, not {self.limit}")
        object.__setattr__(self, "type", types)
        object.__setattr__(self, "quad", quads)
        object.__setattr__(self, "factuality", factuality)

    def given(self) -> list[str]:
        """The names of the filters that are set."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, ())]

    def only(self, allowed: Sequence[str], what: str) -> None:
        """An error naming the first filter that is set but does not apply to ``what``."""
        extra = [name for name in self.given() if name not in allowed]
        if extra:
            raise ConfigurationError(f"the {extra[0]} filter does not apply to {what}")


def filters(base: Filters | None = None, **given: Any) -> Filters:
    """``base`` (or no filter) with the filters named in ``given`` set; an unknown name is an error."""
    names = {f.name for f in fields(Filters)}
    unknown = sorted(set(given) - names)
    if unknown:
        raise ConfigurationError(f"unknown filter {unknown[0]!r} (one of {', '.join(sorted(names))})")
    return replace(base or Filters(), **given)


# SQL pieces ------------------------------------------------------------------------------------------------


def _date_start(d: str) -> str:
    return (
        f"CASE WHEN regexp_matches({d}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN substr({d}, 1, 10) "
        f"WHEN regexp_matches({d}, '^\\d{{4}}-\\d{{2}}(\\D|$)') THEN substr({d}, 1, 7) || '-01' "
        f"WHEN regexp_matches({d}, '^\\d{{4}}') THEN substr({d}, 1, 4) || '-01-01' "
        f"WHEN regexp_matches({d}, '^\\d{{3}}$') THEN {d} || '0-01-01' END"
    )


def _date_end(d: str) -> str:
    return (
        f"CASE WHEN regexp_matches({d}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN substr({d}, 1, 10) "
        f"WHEN regexp_matches({d}, '^\\d{{4}}-\\d{{2}}(\\D|$)') "
        f"THEN strftime(last_day(TRY_CAST(substr({d}, 1, 7) || '-01' AS DATE)), '%Y-%m-%d') "
        f"WHEN regexp_matches({d}, '^\\d{{4}}') THEN substr({d}, 1, 4) || '-12-31' "
        f"WHEN regexp_matches({d}, '^\\d{{3}}$') THEN {d} || '9-12-31' END"
    )


def _word_pattern(name: str) -> str:
    """An RE2 pattern for ``name`` as whole words, case-insensitive."""
    escaped = re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", name.strip())
    return "(?i)(^|[^[:alnum:]])" + escaped + "($|[^[:alnum:]])"


def _match_fields(actor_id: str, country: str, name: str, key: str) -> tuple[str, list[Any]]:
    """A condition: the actor of these SQL expressions has ``key`` as id or country, or in its name."""
    sql = f"(lower({actor_id}) = ? OR lower({country}) = ? OR regexp_matches(coalesce({name}, ''), ?))"
    return sql, [key.strip().lower(), key.strip().lower(), _word_pattern(key)]


def _match_list(column: str, key: str) -> tuple[str, list[Any]]:
    """A condition: some actor in the JSON list ``column`` matches ``key``."""
    test, params = _match_fields("a.actor_id", "a.country", "a.name", key)
    return f"len(list_filter(from_json({column}, '{_ACTOR_FIELDS}'), lambda a: {test})) > 0", params


def _match_one(column: str, key: str) -> tuple[str, list[Any]]:
    """A condition: the actor object ``column`` matches ``key``."""
    return _match_fields(
        f"json_extract_string({column}, '$.actor_id')",
        f"json_extract_string({column}, '$.country')",
        f"json_extract_string({column}, '$.name')",
        key,
    )


class _Where:
    """Conditions joined by AND, with their parameters in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(f"({p})" for p in self.parts) if self.parts else "TRUE"


def _dates(where: _Where, column: str, f: Filters) -> None:
    if f.since:
        where.add(f"{_date_start(column)} >= ?", [date_bounds(f.since, last=False)])
    if f.until:
        where.add(f"{_date_end(column)} <= ?", [date_bounds(f.until, last=True)])


def _text(where: _Where, column: str, f: Filters) -> None:
    if f.text:
        sql, params = matching_sql(query_terms(f.text))
        where.add(f"{column} IN ({sql})", params)


def _event_where(f: Filters) -> _Where:
    """The conditions of the event filters, on ``events e`` joined with ``documents d``."""
    where = _Where()
    if f.actor:
        where.add(*_match_list("e.actor", f.actor))
    if f.recipient:
        where.add(*_match_list("e.recipient", f.recipient))
    if f.type:
        where.add("list_contains(?, e.event)", [list(f.type)])
    if f.quad:
        where.add("list_contains(?, e.quad_code)", [list(f.quad)])
    if f.factuality:
        where.add("list_contains(?, e.factuality)", [list(f.factuality)])
    if f.country:
        code = f.country.strip().upper()
        where.add(
            "upper(json_extract_string(e.event_loc, '$.country_code')) = ? "
            "OR list_contains(list_transform(json_extract_string(e.actor, '$[*].country'), lambda c: upper(c)), ?) "
            "OR list_contains(list_transform(json_extract_string(e.recipient, '$[*].country'), "
            "lambda c: upper(c)), ?)",
            [code, code, code],
        )
    _dates(where, "coalesce(e.date, d.date)", f)
    _text(where, "e.doc_id", f)
    return where


def _limit(f: Filters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit is not None else ""


def _names(column: str, field: str) -> str:
    return f"nullif(array_to_string(json_extract_string({column}, '$[*].{field}'), '; '), '')"


def _frame(store: Store, sql: str, params: Sequence[Any]) -> pd.DataFrame:
    """The result of a query as a DataFrame; a DuckDB error as a one-line :class:`StoreError`."""
    import duckdb

    from dyad.store import StoreError

    try:
        return store.con.execute(sql, list(params)).df()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: {str(exc).splitlines()[0]}") from exc


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a query's result as JSON-ready dictionaries (missing values as None)."""
    loaded: list[dict[str, Any]] = json.loads(frame.to_json(orient="records", date_format="iso"))
    return loaded


# Queries ---------------------------------------------------------------------------------------------------

EVENT_FILTERS = (
    "actor",
    "recipient",
    "type",
    "quad",
    "country",
    "since",
    "until",
    "factuality",
    "text",
    "limit",
)
QUOTE_FILTERS = ("actor", "recipient", "country", "since", "until", "text", "limit")
ACTOR_FILTERS = ("actor", "country", "since", "until", "text", "limit")
RELATION_FILTERS = ("type", "quad", "country", "since", "until", "factuality", "text")

EVENTS_SQL = f"""
    SELECT e.doc_id, e.id, coalesce(e.date, d.date) AS date, e.event, e.mode,
        nullif(array_to_string(from_json(e.context, '["VARCHAR"]'), ', '), '') AS context,
        e.cameo, e.quad_code, e.event_scale, e.factuality, e.confidence,
        {_names("e.actor", "name")} AS actor, {_names("e.actor", "actor_id")} AS actor_id,
        {_names("e.actor", "country")} AS actor_country,
        {_names("e.recipient", "name")} AS recipient, {_names("e.recipient", "actor_id")} AS recipient_id,
        {_names("e.recipient", "country")} AS recipient_country,
        json_extract_string(e.event_loc, '$.name') AS location,
        json_extract_string(e.event_loc, '$.country_code') AS location_country,
        e.event_text,
        substr(d.text, CAST(json_extract(e.text_info, '$.start') AS BIGINT) + 1,
            CAST(json_extract(e.text_info, '$.end') AS BIGINT) - CAST(json_extract(e.text_info, '$.start') AS BIGINT))
            AS evidence,
        CAST(json_extract(e.text_info, '$.start') AS BIGINT) AS evidence_start,
        CAST(json_extract(e.text_info, '$.end') AS BIGINT) AS evidence_end,
        d.title, d.source, d.url
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
"""
_EVENT_ORDER = " ORDER BY date NULLS LAST, e.doc_id, CAST(json_extract(e.trigger, '$.start') AS BIGINT)"


def events(store: Store, f: Filters | None = None) -> pd.DataFrame:
    """The events that pass the filters, one row each, ordered by date: type, mode, codes, the two sides
    (names, ids and countries joined by ``; ``), place, trigger, evidence sentence and its article."""
    f = f or Filters()
    f.only(EVENT_FILTERS, "events")
    where = _event_where(f)
    return _frame(store, f"{EVENTS_SQL} WHERE {where.sql()}{_EVENT_ORDER}{_limit(f)}", where.params)


def event_keys_sql(f: Filters) -> tuple[str, list[Any]]:
    """A query giving the ``doc_id`` and ``id`` of the events that pass the filters, in the order of
    :func:`events`."""
    f.only(EVENT_FILTERS, "events")
    where = _event_where(f)
    sql = (
        "SELECT e.doc_id, e.id, coalesce(e.date, d.date) AS date FROM events e "
        f"LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE {where.sql()}{_EVENT_ORDER}{_limit(f)}"
    )
    return sql, where.params


QUOTES_SQL = """
    SELECT q.doc_id, q.id, coalesce(q.date, d.date) AS date,
        json_extract_string(q.speaker, '$.name') AS speaker,
        json_extract_string(q.speaker, '$.actor_id') AS speaker_id,
        json_extract_string(q.speaker, '$.country') AS speaker_country,
        q.quote_type, q.cue, q.text AS quote, q.start, q."end",
        nullif(array_to_string(json_extract_string(q.about, '$[*].name'), '; '), '') AS about,
        d.title, d.source, d.url
    FROM quotes q LEFT JOIN documents d ON d.doc_id = q.doc_id
"""


def quotes(store: Store, f: Filters | None = None, speakers: Sequence[str] = ()) -> pd.DataFrame:
    """The quotes that pass the filters: ``actor`` matches the speaker, ``recipient`` an actor the quote is
    about, ``country`` the speaker's country, the dates the quote's date (else its article's). ``speakers``
    keeps the quotes of those actor ids only."""
    f = f or Filters()
    f.only(QUOTE_FILTERS, "quotes")
    where = _Where()
    if f.actor:
        where.add(*_match_one("q.speaker", f.actor))
    if f.recipient:
        where.add(*_match_list("q.about", f.recipient))
    if f.country:
        where.add("upper(json_extract_string(q.speaker, '$.country')) = ?", [f.country.strip().upper()])
    if speakers:
        where.add("list_contains(?, json_extract_string(q.speaker, '$.actor_id'))", [list(speakers)])
    _dates(where, "coalesce(q.date, d.date)", f)
    _text(where, "q.doc_id", f)
    order = " ORDER BY date NULLS LAST, q.doc_id, q.start"
    return _frame(store, f"{QUOTES_SQL} WHERE {where.sql()}{order}{_limit(f)}", where.params)


def _actors_sql(where: _Where, limit: str) -> str:
    return f"""
        WITH sel AS (
            SELECT a.* FROM actors a LEFT JOIN documents d ON d.doc_id = a.doc_id WHERE {where.sql()}
        ),
        sides AS (
            SELECT doc_id, actor_id, sum(as_actor) AS as_actor, sum(as_recipient) AS as_recipient FROM (
                SELECT doc_id, unnest(json_extract_string(actor, '$[*].actor_id')) AS actor_id,
                    1 AS as_actor, 0 AS as_recipient FROM events
                UNION ALL
                SELECT doc_id, unnest(json_extract_string(recipient, '$[*].actor_id')), 0, 1 FROM events
            ) GROUP BY doc_id, actor_id
        ),
        spoke AS (
            SELECT doc_id, json_extract_string(speaker, '$.actor_id') AS actor_id, count(*) AS quotes
            FROM quotes GROUP BY ALL
        )
        SELECT sel.actor_id, mode(sel.name) AS name, mode(sel.type) AS type, mode(sel.country) AS country,
            mode(sel.sector) AS sector, max(sel.wikidata) AS wikidata,
            count(DISTINCT sel.doc_id) AS documents,
            CAST(sum(coalesce(json_array_length(sel.mentions), 0)) AS BIGINT) AS mentions,
            CAST(coalesce(sum(sides.as_actor), 0) AS BIGINT) AS as_actor,
            CAST(coalesce(sum(sides.as_recipient), 0) AS BIGINT) AS as_recipient,
            CAST(coalesce(sum(spoke.quotes), 0) AS BIGINT) AS quotes
        FROM sel LEFT JOIN sides USING (doc_id, actor_id) LEFT JOIN spoke USING (doc_id, actor_id)
        GROUP BY sel.actor_id
        ORDER BY documents DESC, mentions DESC, sel.actor_id{limit}
    """


def actors(store: Store, f: Filters | None = None) -> pd.DataFrame:
    """The actors of the stored articles, one row per actor id: its commonest name, type, country and sector,
    how many articles and mentions it has, its events as actor and as recipient, and its quotes. ``actor``
    and ``country`` match the actor; the dates and ``text`` choose the articles counted."""
    f = f or Filters()
    f.only(ACTOR_FILTERS, "actors")
    where = _Where()
    if f.actor:
        where.add(*_match_fields("a.actor_id", "a.country", "a.name", f.actor))
    if f.country:
        where.add("upper(a.country) = ?", [f.country.strip().upper()])
    _dates(where, "d.date", f)
    _text(where, "a.doc_id", f)
    return _frame(store, _actors_sql(where, _limit(f)), where.params)


@dataclass(frozen=True)
class ActorProfile:
    """What the store knows of the actors matching a name."""

    query: str
    actors: pd.DataFrame
    """One row per actor id, as :func:`actors` gives it."""
    roles: pd.DataFrame
    """The positions they held, with their dates, and how many articles give each."""
    events: pd.DataFrame
    """Their events by PLOVER type: how many as actor, how many as recipient."""
    quotes: pd.DataFrame
    """What they said, as :func:`quotes` gives it."""


def actor_ids(store: Store, name: str) -> list[str]:
    """The actor ids that ``name`` names: an id or a name, whole and case-insensitive; else whole words of a
    name. :class:`NotFoundError` when none does."""
    key = name.strip().lower()
    _, rows = store.query(
        "SELECT DISTINCT actor_id FROM actors WHERE lower(actor_id) = ? OR lower(name) = ? ORDER BY 1",
        [key, key],
    )
    if not rows:
        _, rows = store.query(
            "SELECT DISTINCT actor_id FROM actors WHERE regexp_matches(name, ?) ORDER BY 1",
            [_word_pattern(name)],
        )
    if not rows:
        raise NotFoundError(f"{store.path}: no actor named {name!r}")
    return [row[0] for row in rows]


ROLE_FIELDS = (
    '[{"title": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR", "start": "VARCHAR", "end": "VARCHAR"}]'
)


def actor(store: Store, name: str) -> ActorProfile:
    """The profile of the actors named ``name`` (see :func:`actor_ids`): their records, dated roles, events
    by type as actor and as recipient, and their quotes."""
    ids = actor_ids(store, name)
    where = _Where()
    where.add("list_contains(?, a.actor_id)", [ids])
    records_ = _frame(store, _actors_sql(where, ""), where.params)
    roles = _frame(
        store,
        f"""
        SELECT actor_id, r.title, r.country, r.sector, r.start, r."end", count(DISTINCT doc_id) AS documents
        FROM (SELECT actor_id, doc_id, unnest(from_json(roles, '{ROLE_FIELDS}')) AS r
              FROM actors WHERE list_contains(?, actor_id))
        GROUP BY ALL ORDER BY actor_id, r.start NULLS LAST, r.title
        """,
        [ids],
    )
    by_type = _frame(
        store,
        """
        SELECT event,
            CAST(sum(CAST(list_has_any(json_extract_string(actor, '$[*].actor_id'), ?) AS INTEGER)) AS BIGINT)
                AS as_actor,
            CAST(sum(CAST(list_has_any(json_extract_string(recipient, '$[*].actor_id'), ?) AS INTEGER))
                AS BIGINT) AS as_recipient
        FROM events
        WHERE list_has_any(json_extract_string(actor, '$[*].actor_id'), ?)
            OR list_has_any(json_extract_string(recipient, '$[*].actor_id'), ?)
        GROUP BY event ORDER BY as_actor + as_recipient DESC, event
        """,
        [ids, ids, ids, ids],
    )
    return ActorProfile(name, records_, roles, by_type, quotes(store, speakers=ids))


def relation(
    store: Store, a: str, b: str, by: str = "month", directed: bool = False, f: Filters | None = None
) -> pd.DataFrame:
    """The events between ``a`` and ``b`` (each matched as the actor filter is) per period (``day``, ``month``
    or ``year``): how many, their summed ``event_scale`` (PLOVER score), how many went each way, and how many
    of each quad class. Both directions count unless ``directed``, which keeps those of ``a`` on ``b``.
    Periods without events in between are rows of zeros; events whose date is coarser than the period (only a
    year, for months) are left out."""
    import pandas as pd

    f = f or Filters()
    f.only(RELATION_FILTERS, "a relation")
    if by not in PERIODS:
        raise ConfigurationError(f"a relation is counted by {', '.join(PERIODS)}, not {by!r}")
    # The pairs come from the typed ``dyads`` table (one row per actor and recipient of an event), so no
    # JSON is read. Who ``a`` and ``b`` are is settled first on the few distinct actors of that table; the pairs
    # are then a plain match of ids. The other filters, when given, keep the events of ``events e`` that pass.
    a_test, a_params = _match_fields("id", "country", "name", a)
    b_test, b_params = _match_fields("id", "country", "name", b)
    people = f"""
        WITH people AS (
            SELECT actor_id AS id, any_value(actor_name) AS name, any_value(actor_country) AS country
            FROM dyads GROUP BY actor_id
            UNION ALL
            SELECT recipient_id, any_value(recipient_name), any_value(recipient_country)
            FROM dyads GROUP BY recipient_id
        )
        SELECT DISTINCT id, {a_test} AS is_a, {b_test} AS is_b FROM people WHERE id IS NOT NULL
    """
    found = _frame(store, people, [*a_params, *b_params])
    a_ids = sorted(set(found.loc[found["is_a"], "id"])) if not found.empty else []
    b_ids = sorted(set(found.loc[found["is_b"], "id"])) if not found.empty else []
    a_to_b = "(list_contains(?, y.actor_id) AND list_contains(?, y.recipient_id))"
    b_to_a = "(list_contains(?, y.actor_id) AND list_contains(?, y.recipient_id))"
    where = _Where()
    if directed:
        where.add(a_to_b, [a_ids, b_ids])
    else:
        where.add(f"{a_to_b} OR {b_to_a}", [a_ids, b_ids, b_ids, a_ids])
    if f.type:
        where.add("list_contains(?, y.event)", [list(f.type)])
    if f.quad:
        where.add("list_contains(?, y.quad_code)", [list(f.quad)])
    _dates(where, "y.date", f)
    others = Filters(country=f.country, factuality=f.factuality, text=f.text)
    if f.country or f.factuality or f.text:
        inner = _event_where(others)
        where.add(
            f"y.event_id IN (SELECT e.id FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id "
            f"WHERE {inner.sql()})",
            inner.params,
        )
    n = PERIODS[by]
    quads = ", ".join(
        f"CAST(count(*) FILTER (WHERE quad_code = {q}) AS BIGINT) AS {name}" for q, name in QUADS.items()
    )
    sql = f"""
        WITH sel AS (
            SELECT any_value(y.date) AS date, any_value(y.event_scale) AS event_scale,
                any_value(y.quad_code) AS quad_code, bool_or({a_to_b}) AS a_to_b, bool_or({b_to_a}) AS b_to_a
            FROM dyads y
            WHERE {where.sql()}
            GROUP BY y.event_id
        ), periods AS (
            SELECT substr({_date_start("date")}, 1, {n}) AS period, substr({_date_end("date")}, 1, {n}) AS period_end,
                event_scale, quad_code, a_to_b, b_to_a
            FROM sel
        )
        SELECT period, CAST(count(*) AS BIGINT) AS events, coalesce(sum(event_scale), 0) AS event_scale,
            CAST(count(*) FILTER (WHERE a_to_b) AS BIGINT) AS a_to_b,
            CAST(count(*) FILTER (WHERE b_to_a) AS BIGINT) AS b_to_a, {quads}
        FROM periods WHERE period IS NOT NULL AND period = period_end
        GROUP BY period ORDER BY period
    """
    params = [a_ids, b_ids, b_ids, a_ids, *where.params]
    frame = _frame(store, sql, params)
    if frame.empty:
        return frame
    freq, shape = {"day": ("D", "%Y-%m-%d"), "month": ("M", "%Y-%m"), "year": ("Y", "%Y")}[by]
    full = pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq).strftime(shape)
    return frame.set_index("period").reindex(full, fill_value=0).rename_axis("period").reset_index()


def search(store: Store, query: str, limit: int = 10) -> pd.DataFrame:
    """The articles that best match ``query``, ranked by BM25: score, how many of the query's words each has,
    its title, date, source and url, and a snippet with its character offsets into the text."""
    import pandas as pd

    terms = query_terms(query)
    if limit < 0:
        raise ConfigurationError(f"a limit is 0 or more, not {limit}")
    ranked, params = bm25_sql(terms)
    frame = _frame(
        store,
        f"""
        SELECT r.doc_id, r.score, CAST(r.matched AS BIGINT) AS matched, d.title, d.date, d.source, d.url, d.text
        FROM ({ranked}) r JOIN documents d ON d.doc_id = r.doc_id
        ORDER BY r.score DESC, r.doc_id LIMIT {int(limit)}
        """,
        params,
    )
    starts, ends, texts = [], [], []
    for text in frame["text"]:
        found = snippet(text or "", terms)
        starts.append(found.start)
        ends.append(found.end)
        texts.append((text or "")[found.start : found.end])
    frame = frame.drop(columns=["text"])
    frame["snippet"] = pd.Series(texts, index=frame.index, dtype="str")
    frame["snippet_start"] = pd.Series(starts, index=frame.index, dtype="int64")
    frame["snippet_end"] = pd.Series(ends, index=frame.index, dtype="int64")
    return frame


# Event clusters (filled by dyad.store.merge) --------------------------------------------------------------

CLUSTERS_SQL = f"""
    SELECT e.cluster_id, e.date, e.date_precision, e.event, e.mode, e.cameo, e.quad_code, e.event_scale,
        e.factuality, e.confidence,
        {_names("e.actor", "name")} AS actor, {_names("e.actor", "actor_id")} AS actor_id,
        {_names("e.actor", "country")} AS actor_country,
        {_names("e.recipient", "name")} AS recipient, {_names("e.recipient", "actor_id")} AS recipient_id,
        {_names("e.recipient", "country")} AS recipient_country,
        json_extract_string(e.event_loc, '$.name') AS location,
        json_extract_string(e.event_loc, '$.country_code') AS location_country,
        e.num_events, e.num_mentions, e.num_articles, e.num_sources,
        e.first_date, e.last_date, e.first_doc_id, d.title AS first_title, d.source AS first_source,
        d.url AS first_url, e.best_doc_id, e.best_event_id, b.event_text,
        substr(bd.text, CAST(json_extract(b.text_info, '$.start') AS BIGINT) + 1,
            CAST(json_extract(b.text_info, '$.end') AS BIGINT) - CAST(json_extract(b.text_info, '$.start') AS BIGINT))
            AS evidence
    FROM event_clusters e LEFT JOIN documents d ON d.doc_id = e.first_doc_id
    LEFT JOIN events b ON b.doc_id = e.best_doc_id AND b.id = e.best_event_id
    LEFT JOIN documents bd ON bd.doc_id = e.best_doc_id
"""


def clusters(store: Store, f: Filters | None = None) -> pd.DataFrame:
    """The event clusters that pass the event filters, one row each, ordered by date (the most reported first
    on a day): the type, mode and codes of the event, its two sides, date and place, how many event records,
    mentions, articles and sources report it, its earliest report (``first_date``, ``first_doc_id`` and that
    article's title, source and url) and its best-dated report (``best_doc_id``, ``best_event_id``, its trigger
    and evidence sentence). The filters apply as for :func:`events`, to the cluster's type, sides, place and
    date; ``text`` keeps the clusters with a report in an article that has all the words."""
    f = f or Filters()
    f.only(EVENT_FILTERS, "event clusters")
    where = _event_where(replace(f, text=None))
    if f.text:
        sql, params = matching_sql(query_terms(f.text))
        where.add(
            f"e.cluster_id IN (SELECT cluster_id FROM event_cluster_members WHERE doc_id IN ({sql}))", params
        )
    order = " ORDER BY coalesce(e.date, d.date) NULLS LAST, e.num_articles DESC, e.cluster_id"
    return _frame(store, f"{CLUSTERS_SQL} WHERE {where.sql()}{order}{_limit(f)}", where.params)


def cluster(store: Store, cluster_id: str) -> pd.DataFrame:
    """The event records of the cluster ``cluster_id``, as :func:`events` gives them (with their evidence
    sentences and offsets), with ``duplicate_of``: the article each one's article copies, if any.
    :class:`NotFoundError` when there is no such cluster."""
    frame = _frame(
        store,
        f"""
        SELECT ev.*, l.duplicate_of FROM (
            {EVENTS_SQL}
            JOIN event_cluster_members m ON m.doc_id = e.doc_id AND m.event_id = e.id
            WHERE m.cluster_id = ?
        ) ev LEFT JOIN article_links l ON l.doc_id = ev.doc_id
        ORDER BY ev.date NULLS LAST, ev.doc_id, ev.evidence_start, ev.id
        """,
        [cluster_id],
    )
    if frame.empty:
        raise NotFoundError(f"{store.path}: no event cluster {cluster_id!r} (run `dyad merge` to make them)")
    return frame

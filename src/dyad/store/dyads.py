"""The ``dyads`` table: one row per actor and recipient of an event, with plain typed columns.

Events keep their actors and recipients as JSON lists, as the exchange format has them. Questions about a pair of
actors over time ("how did Russia and Afghanistan get on, month by month?") would have to unpack those lists for
every event; the ``dyads`` table holds them unpacked once, at write time: the event's id, type, quad class and
score, its date (the document's when the event has none), and the id, name and country of one actor and one
recipient. An event with two actors and one recipient has two rows; one with no recipient has none.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

COLUMNS: dict[str, str] = {
    "doc_id": "VARCHAR",
    "event_id": "VARCHAR",
    "event": "VARCHAR",
    "quad_code": "BIGINT",
    "event_scale": "DOUBLE",
    "date": "VARCHAR",
    "actor_id": "VARCHAR",
    "actor_name": "VARCHAR",
    "actor_country": "VARCHAR",
    "recipient_id": "VARCHAR",
    "recipient_name": "VARCHAR",
    "recipient_country": "VARCHAR",
}
_REF = '[{"actor_id": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR"}]'


def rows(event: Mapping[str, Any], document_date: str | None) -> Iterator[dict[str, Any]]:
    """The dyad rows of one event record."""
    for actor in event.get("actor") or ():
        for recipient in event.get("recipient") or ():
            yield {
                "doc_id": event["doc_id"],
                "event_id": event["id"],
                "event": event["event"],
                "quad_code": event.get("quad_code"),
                "event_scale": event.get("event_scale"),
                "date": event.get("date") or document_date,
                "actor_id": actor.get("actor_id"),
                "actor_name": actor.get("name"),
                "actor_country": actor.get("country"),
                "recipient_id": recipient.get("actor_id"),
                "recipient_name": recipient.get("name"),
                "recipient_country": recipient.get("country"),
            }


def fill(con: Any, version_column: bool = True) -> None:
    """Make the dyad rows of every event the store holds (for a store made before the table existed)."""
    version = ", e.dyad_version" if version_column else ""
    con.execute(
        f"""
        INSERT INTO dyads
        SELECT e.doc_id, e.id, e.event, e.quad_code, e.event_scale, coalesce(e.date, d.date),
            a.actor_id, a.name, a.country, r.actor_id, r.name, r.country{version}
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id,
            unnest(from_json(e.actor, '{_REF}')) AS ua(a),
            unnest(from_json(e.recipient, '{_REF}')) AS ur(r)
        """
    )

"""The one serializer: records to the JSON Lines exchange format (see ``docs/format.md``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from dyad.model import Actor, ActorRef, Analysis, Document, Event, Place, Quote, Sentence, Span, TimeValue

Record = dict[str, Any]


def _span(span: Span) -> Record:
    return {"start": span.start, "end": span.end}


def _text_info(analysis: Analysis, span: Span) -> Record:
    sentence: Sentence | None = analysis.sentence_of(span)
    if sentence is None:
        return {"start": span.start, "end": span.end, "sentence": None}
    return {"start": sentence.span.start, "end": sentence.span.end, "sentence": sentence.index}


def document_record(document: Document, include_text: bool = False) -> Record:
    record: Record = {
        "kind": "document",
        "doc_id": document.doc_id,
        "external_id": document.external_id,
        "title": document.title,
        "author": document.author,
        "source": document.source,
        "url": document.url,
        "path": document.path,
        "date": document.date.isoformat() if document.date else None,
        "date_source": document.date_source,
        "language": document.language,
        "n_chars": document.n_chars,
    }
    if include_text:
        record["text"] = document.text
    return record


def actor_ref(ref: ActorRef | None) -> Record | None:
    if ref is None:
        return None
    return {
        "actor_id": ref.actor_id,
        "name": ref.name,
        "type": ref.type,
        "country": ref.country,
        "sector": ref.sector,
    }


def actor_record(doc_id: str, actor: Actor) -> Record:
    return {
        "kind": "actor",
        "doc_id": doc_id,
        "actor_id": actor.actor_id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "roles": [
            {"title": r.title, "country": r.country, "sector": r.sector, "start": r.start, "end": r.end}
            for r in actor.roles
        ],
        "wikidata": actor.wikidata,
        "mentions": [_span(m.span) for m in actor.mentions],
    }


def timex_record(document: Document, timex: TimeValue) -> Record:
    return {
        "kind": "timex",
        "doc_id": document.doc_id,
        "text": document.slice(timex.span),
        **_span(timex.span),
        "type": timex.type,
        "value": timex.value,
        "precision": timex.precision,
        "anchor": timex.anchor,
        "inferred": timex.inferred,
        "mod": timex.mod,
    }


def place_object(document: Document, place: Place) -> Record:
    return {
        "text": document.slice(place.span),
        **_span(place.span),
        "name": place.name,
        "country_code": place.country_code,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "feature": place.feature,
        "metonymic": place.metonymic,
        "claimants": list(place.claimants),
    }


def event_record(analysis: Analysis, event: Event) -> Record:
    document = analysis.document
    return {
        "kind": "event",
        "doc_id": document.doc_id,
        "id": event.id,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "quad_code": event.quad_code,
        "event_scale": event.event_scale,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_inferred": event.date_inferred,
        "actor": [actor_ref(a) for a in event.actor],
        "recipient": [actor_ref(a) for a in event.recipient],
        "event_loc": place_object(document, event.event_loc) if event.event_loc else None,
        "factuality": event.factuality,
        "reported_by": actor_ref(event.reported_by),
        "event_text": document.slice(event.trigger),
        "trigger": _span(event.trigger),
        "text_info": _text_info(analysis, event.sentence),
        "confidence": round(event.confidence, 3),
        "quote_id": event.quote_id,
        "mentions": [_mention(analysis, m) for m in event.mentions],
    }


def _mention(analysis: Analysis, trigger: Span) -> Record:
    """A further mention of an event: its trigger's offsets and the index of its sentence."""
    sentence = analysis.sentence_of(trigger)
    return {"start": trigger.start, "end": trigger.end, "sentence": sentence.index if sentence else None}


def quote_record(analysis: Analysis, quote: Quote) -> Record:
    document = analysis.document
    return {
        "kind": "quote",
        "doc_id": document.doc_id,
        "id": quote.id,
        "speaker": actor_ref(quote.speaker),
        "text": document.slice(quote.span),
        **_span(quote.span),
        "quote_type": quote.quote_type,
        "parts": [_span(p) for p in quote.parts] or [_span(quote.span)],
        "cue": document.slice(quote.cue) if quote.cue else None,
        "cue_span": _span(quote.cue) if quote.cue else None,
        "source": _span(quote.source) if quote.source else None,
        "source_text": document.slice(quote.source) if quote.source else None,
        "date": quote.date,
        "date_precision": quote.date_precision,
        "about": [actor_ref(a) for a in quote.about],
        "text_info": _text_info(analysis, quote.sentence),
    }


def records(analysis: Analysis, include_text: bool = False) -> Iterator[Record]:
    """Every record of one analysed document: the document, then actors, timexes, places, events, quotes."""
    document = analysis.document
    yield document_record(document, include_text)
    for actor in analysis.actors:
        yield actor_record(document.doc_id, actor)
    for timex in analysis.timexes:
        yield timex_record(document, timex)
    for place in analysis.places:
        yield {"kind": "place", "doc_id": document.doc_id, **place_object(document, place)}
    for event in analysis.events:
        yield event_record(analysis, event)
    for quote in analysis.quotes:
        yield quote_record(analysis, quote)


def grouped(analysis: Analysis, include_text: bool = False) -> Record:
    """The records of one document as one object: ``{"document": ..., "actors": [...], ...}``."""
    out: Record = {"document": None, "actors": [], "timexes": [], "places": [], "events": [], "quotes": []}
    plural = {"actor": "actors", "timex": "timexes", "place": "places", "event": "events", "quote": "quotes"}
    for record in records(analysis, include_text):
        kind = record["kind"]
        if kind == "document":
            out["document"] = record
        else:
            out[plural[kind]].append(record)
    return out


def to_json_line(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def schema() -> Record:
    """The JSON Schema of one exchange-format record, shipped in the package."""
    text = resources.files("dyad").joinpath("schema/records.schema.json").read_text(encoding="utf-8")
    loaded: Record = json.loads(text)
    return loaded

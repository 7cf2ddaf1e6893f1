"""Write src/dyad/schema/records.schema.json, the JSON Schema of the exchange format (see docs/format.md).

    .venv/bin/python tools/build_schema.py

A test checks that the shipped file is what this script writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyad.knowledge.events import EVENTS

TARGET = Path(__file__).resolve().parents[1] / "src" / "dyad" / "schema" / "records.schema.json"


def S(*types: str) -> dict[str, Any]:
    return {"type": list(types) if len(types) > 1 else types[0]}


str_ = S("string")
nstr = S("string", "null")
nint = S("integer", "null")
offset = {"type": "integer", "minimum": 0}
date_iso = {"type": ["string", "null"], "description": "ISO 8601 at its precision"}
sector = {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"}


def obj(props: dict[str, Any], required: list[str] | None = None, extra: bool = False) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": required or sorted(props),
        "additionalProperties": extra,
    }


actor_type = {"enum": ["state", "group", "organization", "igo", "person", "region", None]}
place_props = {
    "text": str_,
    "start": offset,
    "end": offset,
    "name": str_,
    "country_code": nstr,
    "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
    "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
    "geonameid": nint,
    "feature": nstr,
    "metonymic": {"type": "boolean"},
    "claimants": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}},
}
defs = {
    "span": obj({"start": offset, "end": offset}),
    "actor_ref": obj({"actor_id": str_, "name": str_, "type": actor_type, "country": nstr, "sector": sector}),
    "place": obj(place_props),
    "text_info": obj(
        {"start": offset, "end": offset, "sentence": {"type": ["integer", "null"], "minimum": 0}}
    ),
    "precision": {
        "enum": [
            "millennium",
            "century",
            "decade",
            "year",
            "season",
            "quarter",
            "month",
            "week",
            "day",
            "hour",
            "minute",
            "second",
            "duration",
            "set",
            None,
        ]
    },
}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


base = {"doc_id": {"type": "string", "pattern": "^[0-9a-f]{16}$"}}
kinds = {
    "document": obj(
        {
            **base,
            "kind": {"const": "document"},
            "external_id": nstr,
            "title": nstr,
            "author": nstr,
            "source": nstr,
            "url": nstr,
            "path": nstr,
            "date": {"type": ["string", "null"], "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
            "date_source": {"enum": ["given", "metadata", "inferred", None]},
            "language": str_,
            "n_chars": offset,
            "text": str_,
        },
        required=[
            "kind",
            "doc_id",
            "external_id",
            "title",
            "author",
            "source",
            "url",
            "path",
            "date",
            "date_source",
            "language",
            "n_chars",
        ],
    ),
    "actor": obj(
        {
            **base,
            "kind": {"const": "actor"},
            "actor_id": str_,
            "name": str_,
            "type": actor_type,
            "country": nstr,
            "sector": sector,
            "roles": {
                "type": "array",
                "items": obj(
                    {"title": str_, "country": nstr, "sector": sector, "start": date_iso, "end": date_iso}
                ),
            },
            "wikidata": {"type": ["string", "null"], "pattern": "^Q[0-9]+$"},
            "mentions": {"type": "array", "items": ref("span"), "minItems": 1},
        }
    ),
    "timex": obj(
        {
            **base,
            "kind": {"const": "timex"},
            "text": str_,
            "start": offset,
            "end": offset,
            "type": {"enum": ["DATE", "DURATION", "SET", "TIME"]},
            "value": nstr,
            "precision": ref("precision"),
            "anchor": nstr,
            "inferred": {"type": "boolean"},
            "mod": {
                "enum": [
                    "START",
                    "MID",
                    "END",
                    "APPROX",
                    "LESS_THAN",
                    "MORE_THAN",
                    "EQUAL_OR_LESS",
                    "EQUAL_OR_MORE",
                    "BEFORE",
                    "AFTER",
                    "ON_OR_BEFORE",
                    "ON_OR_AFTER",
                    None,
                ]
            },
        }
    ),
    "place": obj({**base, "kind": {"const": "place"}, **place_props}),
    "event": obj(
        {
            **base,
            "kind": {"const": "event"},
            "id": str_,
            "event": {"enum": list(EVENTS)},
            "mode": nstr,
            "context": {"type": "array", "items": str_},
            "cameo": {"type": ["string", "null"], "pattern": "^[0-9]{2,4}$"},
            "quad_code": {"enum": [1, 2, 3, 4, None]},
            "event_scale": {"type": ["number", "null"], "minimum": -10, "maximum": 10},
            "date": date_iso,
            "date_precision": ref("precision"),
            "date_inferred": {"type": "boolean"},
            "actor": {"type": "array", "items": ref("actor_ref")},
            "recipient": {"type": "array", "items": ref("actor_ref")},
            "event_loc": {"anyOf": [ref("place"), {"type": "null"}]},
            "factuality": {"enum": ["asserted", "negated", "hypothetical", "conditional", "planned"]},
            "reported_by": {"anyOf": [ref("actor_ref"), {"type": "null"}]},
            "event_text": str_,
            "trigger": ref("span"),
            "text_info": ref("text_info"),
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "quote_id": nstr,
            "mentions": {"type": "array", "items": ref("text_info")},
        }
    ),
    "quote": obj(
        {
            **base,
            "kind": {"const": "quote"},
            "id": str_,
            "speaker": {"anyOf": [ref("actor_ref"), {"type": "null"}]},
            "text": str_,
            "start": offset,
            "end": offset,
            "quote_type": {"enum": ["direct", "indirect", "mixed"]},
            "parts": {"type": "array", "items": ref("span"), "minItems": 1},
            "cue": nstr,
            "cue_span": {"anyOf": [ref("span"), {"type": "null"}]},
            "source": {"anyOf": [ref("span"), {"type": "null"}]},
            "source_text": nstr,
            "date": date_iso,
            "date_precision": ref("precision"),
            "about": {"type": "array", "items": ref("actor_ref")},
            "text_info": ref("text_info"),
        }
    ),
}
for k, v in kinds.items():
    v["title"] = f"{k} record"
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://dyad.invalid/schema/records.schema.json",
    "title": "dyad exchange record",
    "description": "One line of dyad's JSON Lines output. See docs/format.md for the meaning of every field.",
    "type": "object",
    "required": ["kind", "doc_id"],
    "properties": {"kind": {"enum": list(kinds)}},
    "allOf": [{"if": {"properties": {"kind": {"const": k}}}, "then": ref(f"{k}_record")} for k in kinds],
    "$defs": {**defs, **{f"{k}_record": v for k, v in kinds.items()}},
}


def build() -> dict[str, Any]:
    return schema


if __name__ == "__main__":
    TARGET.write_text(json.dumps(schema, indent=1) + "\n", encoding="utf-8")

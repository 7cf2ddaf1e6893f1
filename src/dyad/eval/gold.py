"""Reading dyad's own gold files: JSON Lines, one text a line, with its ``text``, ``date`` and annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from dyad.errors import MalformedInputError
from dyad.options import parse_date

A = TypeVar("A")


@dataclass(frozen=True)
class GoldLine(Generic[A]):
    """One line of a gold file: where it is (``file:line``), its id, text, date and annotations."""

    where: str
    id: str
    text: str
    date: Any
    annotations: A


def gold_lines(
    path: str | os.PathLike[str], kind: str, read: Callable[[dict[str, Any]], A]
) -> Iterator[GoldLine[A]]:
    """The non-empty lines of a gold JSON Lines file, their annotations read by ``read``; a line that is not
    JSON, or that lacks what ``read`` or the text and date need, raises :class:`MalformedInputError`
    ("not a gold ``kind`` record")."""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            text = record["text"]
            annotations = read(record)
            date = parse_date(record["date"]) if record.get("date") else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise MalformedInputError(where, f"not a gold {kind} record ({exc})") from exc
        yield GoldLine(where, str(record.get("id") or where), text, date, annotations)

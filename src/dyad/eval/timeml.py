"""TimeML ``.tml`` files: the text, its document creation time and the gold time expressions.

The text is the content of the ``<TEXT>`` element with every tag taken out and XML entities decoded, so
``text[timex.start:timex.end] == timex.text`` for each gold TIMEX3 inside it. The document creation time
is the value of ``<DCT><TIMEX3 value=...>`` (a date or a date and time; the date is kept).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import InputError, MalformedInputError, MissingInputError

#: File extensions read from folders.
TIMEML_EXTENSIONS = (".tml",)


@dataclass(frozen=True)
class GoldTimex:
    """A gold TIMEX3: character offsets into the document text, its text and its TimeML attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    """One annotated document: where it was read from, its creation date, text and gold expressions."""

    where: str
    dct: dt.date | None
    text: str
    timexes: tuple[GoldTimex, ...]


def _dct(root: ET.Element, where: str) -> dt.date | None:
    timex = root.find("DCT/TIMEX3")
    value = timex.get("value") if timex is not None else None
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise MalformedInputError(where, f"the DCT value {value!r} is not a date") from None


class _Flattener:
    """The text inside an element with its tags taken out, and the offsets of the TIMEX3s in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.found: list[tuple[int, int, ET.Element]] = []

    def _add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.offset += len(text)

    def walk(self, element: ET.Element) -> None:
        start = self.offset
        self._add(element.text)
        for child in element:
            self.walk(child)
            self._add(child.tail)
        if element.tag == "TIMEX3":
            self.found.append((start, self.offset, element))


def parse_timeml(data: bytes | str, where: str) -> TimeMLDocument:
    """A TimeML document from its XML; raises :class:`~dyad.errors.MalformedInputError` when it is not one."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MalformedInputError(where, f"malformed XML ({exc})") from None
    body = root.find("TEXT")
    if body is None:
        raise MalformedInputError(where, "no <TEXT> element")
    flat = _Flattener()
    flat.walk(body)
    text = "".join(flat.parts)
    timexes = tuple(
        GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=element.get("type", ""),
            value=element.get("value"),
            mod=element.get("mod"),
        )
        for start, end, element in sorted(flat.found, key=lambda found: found[:2])
    )
    return TimeMLDocument(where=where, dct=_dct(root, where), text=text, timexes=timexes)


def read_timeml(path: str | Path) -> TimeMLDocument:
    """A TimeML file; raises an :class:`~dyad.errors.InputError` when it cannot be read or parsed."""
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise MissingInputError(where, f"cannot be read: {exc.strerror or exc}") from exc
    return parse_timeml(data, where)


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in TIMEML_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def iter_timeml(paths: Sequence[str | Path]) -> Iterator[TimeMLDocument | InputError]:
    """Every TimeML document of ``paths`` (files, or folders read recursively in sorted order).

    An input that cannot be read is yielded as its :class:`~dyad.errors.InputError`, not raised.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield MissingInputError(str(raw), "no such file or directory")
            continue
        files = _files(path) if path.is_dir() else [path]
        if not files:
            yield MissingInputError(str(raw), f"folder holds no {', '.join(TIMEML_EXTENSIONS)} files")
        for file in files:
            try:
                yield read_timeml(file)
            except InputError as exc:
                yield exc

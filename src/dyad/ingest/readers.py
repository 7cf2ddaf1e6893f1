"""Readers: paths, folders, standard input, plain text, HTML and JSON Lines, to :class:`Document` records.

Readers yield a :class:`~dyad.model.Document` for each article and an :class:`~dyad.errors.InputError`
(as a value, not raised) for each input that cannot be read, so that a batch goes on past a bad file.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from dyad.errors import (
    BinaryInputError,
    ConfigurationError,
    EmptyInputError,
    EncodingError,
    InputError,
    LanguageError,
    MalformedInputError,
    MissingInputError,
    NoTextError,
    TooLargeError,
)
from dyad.ingest.decode import decode, normalize, sniff_binary
from dyad.ingest.html import extract_html
from dyad.ingest.language import guess_language
from dyad.ingest.layout import analyze, parse_date_line, plain_layout
from dyad.model import DateSource, Document, Region, Span
from dyad.options import HTML_EXTENSIONS, JSONL_EXTENSIONS, TEXT_EXTENSIONS, Options, parse_date

STDIN = "-"
_STDIN_NAME = "<stdin>"
_KNOWN = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS

Item = Document | InputError


def doc_id(text: str) -> str:
    """The id of a document: a hash of its text with white space collapsed, so a re-read has the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _too_large(where: str, n: int, options: Options) -> TooLargeError:
    return TooLargeError(where, f"{_size(n)}, over the {_size(options.max_bytes)} limit (see --max-size)")


def _metadata_date(value: Any, where: str) -> Any:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedInputError(where, f"'date' is not a string: {value!r}")
    try:
        return parse_date(value)
    except ConfigurationError:
        found, _ = parse_date_line(value)
        if found is None:
            raise MalformedInputError(where, f"'date' is not a date: {value!r}") from None
        return found


def make_document(
    text: str,
    where: str,
    options: Options,
    *,
    path: str | None = None,
    title: str | None = None,
    author: str | None = None,
    source: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
    date: Any = None,
    headings: Sequence[Span] = (),
    title_span: Span | None = None,
    layout: bool = True,
) -> Document:
    """Build a document from decoded text: layout, metadata, language check and id.

    With ``layout=False`` every paragraph is body text (no title, byline, heading or boilerplate is looked
    for), as when scoring against gold annotations of the whole text. Raises
    :class:`~dyad.errors.InputError` subclasses when nothing is left to read or the text is not English.
    """
    text = normalize(text)
    if not text.strip():
        raise EmptyInputError(where, "empty text")
    found = (
        analyze(text, headings=headings, allow_title=title_span is None and title is None)
        if layout
        else plain_layout(text)
    )
    regions = list(found.regions)
    if title_span is not None:
        regions = [r for r in regions if not r.span.overlaps(title_span)] + [Region(title_span, "title")]
        regions.sort(key=lambda r: r.span)
    body = [text[r.span.start : r.span.end] for r in regions if r.kind == "body"]
    if not any(part.strip() for part in body):
        raise NoTextError(where, "no article text (only a title, headings or boilerplate)")
    code, described = guess_language(" ".join(body))
    if code != "en":
        raise LanguageError(where, f"the text is in {described}; dyad reads English")
    date_source: DateSource | None = None
    if options.date is not None:
        date, date_source = options.date, "given"
    elif date is not None or found.date is not None:
        date, date_source = date or found.date, "metadata"
    return Document(
        doc_id=doc_id(text),
        text=text,
        title=title or found.title,
        author=author or found.author,
        source=source,
        url=url,
        path=path,
        external_id=external_id,
        date=date,
        date_source=date_source,
        language="en",
        regions=tuple(regions),
    )


def _read_bytes(path: Path, where: str, options: Options) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise _too_large(where, size, options)
        with path.open("rb") as handle:
            return handle.read()
    except PermissionError as exc:
        raise MissingInputError(where, "cannot be read: permission denied") from exc
    except IsADirectoryError as exc:
        raise MissingInputError(where, "is a directory") from exc
    except OSError as exc:
        raise MissingInputError(where, f"cannot be read: {exc.strerror or exc}") from exc


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.lstrip().startswith("{") for line in lines[:5])


def read_text(data: bytes, where: str, options: Options, path: str | None = None) -> Document:
    """A plain-text article."""
    return make_document(decode(data, where, options.encoding), where, options, path=path)


def read_html(data: bytes, where: str, options: Options, path: str | None = None) -> Document:
    """An HTML page: its main text and metadata."""
    text = decode(data, where, options.encoding)
    article = extract_html(text, where)
    return make_document(
        article.text,
        where,
        options,
        path=path,
        title=article.title,
        author=article.author,
        source=article.site,
        url=article.url,
        date=_metadata_date(article.date, where),
        headings=article.headings,
        title_span=article.title_span,
    )


def _jsonl_record(line: str, where: str, options: Options, path: str | None) -> Document:
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise MalformedInputError(where, f"malformed JSON ({exc.msg}, column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise MalformedInputError(where, f"a JSON {type(record).__name__}, not an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedInputError(where, "no 'text' field" if text is None else "'text' is not a string")
    if len(text.encode("utf-8")) > options.max_bytes:
        raise _too_large(where, len(text.encode("utf-8")), options)

    def field(name: str) -> str | None:
        value = record.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise MalformedInputError(where, f"{name!r} is not a string: {value!r}")
        return str(value)

    return make_document(
        text,
        where,
        options,
        path=path,
        title=field("title"),
        author=field("author"),
        source=field("source"),
        url=field("url"),
        external_id=field("id"),
        date=_metadata_date(record.get("date"), where),
    )


def _decode_line(raw: str | bytes, where: str, options: Options) -> str:
    if isinstance(raw, str):
        return raw
    codec = "utf-8" if options.encoding == "auto" else options.encoding
    try:
        return raw.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            where, f"not {codec} (byte 0x{raw[exc.start]:02X} at column {exc.start + 1})"
        ) from exc


def read_jsonl_lines(
    lines: Iterable[str | bytes], where: str, options: Options, path: str | None = None
) -> Iterator[Item]:
    """One article per line; a bad line is reported as ``file:line`` and the rest are read."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        line_where = f"{where}:{number}"
        try:
            line = _decode_line(raw, line_where, options)
            if not line.strip():
                continue
            seen = True
            yield _jsonl_record(line, line_where, options, path)
        except InputError as exc:
            seen = True
            yield exc
    if not seen:
        yield EmptyInputError(where, "empty file")


def _read_jsonl_file(path: Path, where: str, options: Options) -> Iterator[Item]:
    """Stream a JSONL file line by line; the size limit applies to each article, not to the file."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield MissingInputError(where, f"cannot be read: {exc.strerror or exc}")
        return
    with handle:
        binary = sniff_binary(handle.read(8192))
        handle.seek(0)
        if binary:
            yield BinaryInputError(where, f"not text: {binary}")
            return
        yield from read_jsonl_lines(handle, where, options, str(path))


def read_path(path: Path, options: Options, where: str | None = None) -> Iterator[Item]:
    """The articles of one file, chosen by extension (or by content when the extension is unknown)."""
    where = where or str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_EXTENSIONS:
        yield from _read_jsonl_file(path, where, options)
        return
    try:
        data = _read_bytes(path, where, options)
        if suffix in HTML_EXTENSIONS:
            yield read_html(data, where, options, str(path))
        elif suffix in TEXT_EXTENSIONS:
            yield read_text(data, where, options, str(path))
        else:
            yield from _read_sniffed(data, where, options, str(path))
    except InputError as exc:
        yield exc


def _read_sniffed(data: bytes, where: str, options: Options, path: str | None) -> Iterator[Item]:
    text = decode(data, where, options.encoding)
    if _looks_like_html(text):
        yield read_html(data, where, options, path)
    elif _looks_like_jsonl(text):
        yield from read_jsonl_lines(iter(text.splitlines()), where, options, path)
    else:
        yield make_document(text, where, options, path=path)


def read_stream(stream: BinaryIO, options: Options, where: str = _STDIN_NAME) -> Iterator[Item]:
    """Articles from a stream (standard input): plain text, HTML or JSON Lines, told by content."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield TooLargeError(where, f"more than the {_size(options.max_bytes)} limit (see --max-size)")
        return
    try:
        yield from _read_sniffed(data, where, options, None)
    except InputError as exc:
        yield exc


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in _KNOWN
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def iter_documents(paths: Sequence[str | Path], options: Options | None = None) -> Iterator[Item]:
    """Every article of every input, in order; folders are read recursively by extension."""
    options = options or Options()
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_stream(sys.stdin.buffer, options)
            continue
        path = Path(raw)
        if not path.exists():
            yield MissingInputError(str(raw), "no such file or directory")
        elif path.is_dir():
            files = _folder_files(path)
            if not files:
                yield MissingInputError(str(raw), f"folder holds no {', '.join(_KNOWN)} files")
            for file in files:
                yield from read_path(file, options)
        else:
            yield from read_path(path, options, str(raw))


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def count_articles(paths: Sequence[str | Path]) -> int | None:
    """About how many articles (and unreadable inputs) :func:`iter_documents` will yield, from file names and
    line counts alone, for a progress bar; ``None`` when standard input is among the paths."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw)
        files = _folder_files(path) if path.is_dir() else [path]
        for file in files:
            total += _count_lines(file) if file.suffix.lower() in JSONL_EXTENSIONS else 1
    return total

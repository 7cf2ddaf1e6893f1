"""The Python API: what the command line does, as functions."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dyad.errors import InputError
from dyad.ingest import Item, iter_documents, make_document
from dyad.model import Analysis, Document
from dyad.options import Options, parse_date
from dyad.pipeline import Pipeline

_TEXT_NAME = "<text>"


def _options(options: Options | None, date: dt.date | str | None, settings: dict[str, Any]) -> Options:
    base = options or Options()
    if isinstance(date, str):
        date = parse_date(date)
    if date is not None:
        settings["date"] = date
    return base.with_(**settings) if settings else base


def _is_path(source: str | os.PathLike[str]) -> bool:
    if isinstance(source, os.PathLike):
        return True
    if "\n" in source or len(source) >= 1024:
        return False
    try:
        return source == "-" or Path(source).exists()
    except OSError:  # a one-line text too long to be a file name
        return False


def analyze(document: Document, options: Options | None = None, pipeline: Pipeline | None = None) -> Analysis:
    """Run the pipeline on one document."""
    return (pipeline or Pipeline())(document, options or Options())


def process(
    paths: Sequence[str | os.PathLike[str]], options: Options | None = None, pipeline: Pipeline | None = None
) -> Iterator[Analysis | InputError]:
    """Analyse every article of ``paths``, in order; an input that cannot be read is yielded as its error."""
    options = options or Options()
    pipeline = pipeline or Pipeline()
    item: Item
    for item in iter_documents([os.fspath(p) for p in paths], options):
        yield item if isinstance(item, InputError) else pipeline(item, options)


def extract(
    text_or_path: str | os.PathLike[str],
    date: dt.date | str | None = None,
    options: Options | None = None,
    **settings: Any,
) -> Analysis:
    """Analyse one article, given as its text or as the path of a file that holds one article.

    ``date`` (a ``datetime.date`` or ``YYYY-MM-DD``) is the publication date; other keyword arguments
    set fields of :class:`~dyad.options.Options`. Raises an :class:`~dyad.errors.InputError` when the
    input cannot be read, and when a file holds several articles (use :func:`process` for those).
    """
    opts = _options(options, date, settings)
    if not _is_path(text_or_path):
        return analyze(make_document(str(text_or_path), _TEXT_NAME, opts), opts)
    items = iter_documents([os.fspath(text_or_path)], opts)
    first = next(items)
    if isinstance(first, InputError):
        raise first
    if next(items, None) is not None:
        raise InputError(
            os.fspath(text_or_path), "holds several articles; use dyad.process() to read them all"
        )
    return analyze(first, opts)

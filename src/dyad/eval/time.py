"""The time stage scored against TimeML gold (TempEval-3 Task A style): what ``dyad eval time`` runs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from dyad import parse, time
from dyad.errors import InputError, MalformedInputError
from dyad.eval.scoring import TimeScores, score_document
from dyad.eval.timeml import TimeMLDocument, iter_timeml
from dyad.ingest import make_document
from dyad.options import Options
from dyad.pipeline import Pipeline

ErrorHandler = Callable[[InputError], None]


def time_pipeline() -> Pipeline:
    """The stages that find and resolve time expressions: the parse, then the time stage."""
    return Pipeline([parse.STAGE, time.STAGE])


def score_timeml(gold: TimeMLDocument, options: Options, pipeline: Pipeline) -> TimeScores:
    """Run ``pipeline`` on the text of one gold document, with its creation date, and score its timexes.

    Raises an :class:`~dyad.errors.InputError` when dyad does not read the text as an article.
    """
    opts = options.with_(date=gold.dct)
    document = make_document(gold.text, gold.where, opts, layout=False)
    if document.text != gold.text:
        raise MalformedInputError(
            gold.where, "the text changes under Unicode normalisation; offsets would slip"
        )
    analysis = pipeline(document, opts)
    return score_document(gold.timexes, analysis.timexes)


def evaluate_time(
    paths: Sequence[str | os.PathLike[str]],
    options: Options | None = None,
    *,
    pipeline: Pipeline | None = None,
    on_error: ErrorHandler | None = None,
) -> TimeScores:
    """Score the time stage on the TimeML files of ``paths`` (files, or folders read recursively), pooled.

    Each document is analysed with its own creation time as the publication date. A file that cannot be
    read, or that dyad refuses as an article, is passed to ``on_error`` and counted as skipped; without
    ``on_error`` its :class:`~dyad.errors.InputError` is raised.
    """
    options = options or Options()
    pipeline = pipeline or time_pipeline()
    total = TimeScores()
    for item in iter_timeml([os.fspath(p) for p in paths]):
        try:
            if isinstance(item, InputError):
                raise item
            total += score_timeml(item, options, pipeline)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            total += TimeScores(skipped=1)
    return total

"""Readable tables (rich) of evaluation scores; the command line prints them."""

from __future__ import annotations

from collections import Counter

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from dyad.eval.actors import ActorScores
from dyad.eval.events import EventScores
from dyad.eval.places import PlaceScores
from dyad.eval.quotes import QuoteScores
from dyad.eval.scoring import TimeScores


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def time_tables(scores: TimeScores, errors: int = 0) -> list[RenderableType]:
    """The scores of the time stage; with ``errors`` > 0, also the commonest errors and value shapes."""
    counts = scores.counts()
    metrics = scores.metrics()
    summary = Text(
        f"{counts['documents']} documents ({counts['skipped']} skipped), {counts['gold']} gold and "
        f"{counts['predicted']} predicted time expressions; scores in %"
    )
    table = Table(title="Time expressions (TempEval-3 Task A)")
    for column in ("Measure", "Precision", "Recall", "F1", "Accuracy"):
        table.add_column(column, justify="left" if column == "Measure" else "right")
    for name, label in (
        ("strict", "strict span"),
        ("relaxed", "relaxed span"),
        ("type", "type"),
        ("value", "value"),
    ):
        accuracy = metrics.get(f"{name}_accuracy")
        table.add_row(
            label,
            _pct(metrics[f"{name}_precision"]),
            _pct(metrics[f"{name}_recall"]),
            _pct(metrics[f"{name}_f1"]),
            "" if accuracy is None else _pct(accuracy),
        )
    out: list[RenderableType] = [summary, table]
    if errors > 0:
        out += [_errors_table(scores, errors), _shapes_table(scores, errors)]
    return out


def _errors_table(scores: TimeScores, n: int) -> Table:
    table = Table(title=f"Commonest errors (top {n})")
    for column in ("Count", "Gold text", "Gold value", "Predicted value"):
        table.add_column(column, justify="right" if column == "Count" else "left")
    for error in scores.errors(n):
        if not error.matched:
            predicted = "(missed)"
        else:
            predicted = "(no value)" if error.predicted_value is None else error.predicted_value
        table.add_row(str(error.count), error.text, str(error.gold_value), predicted)
    return table


def _shapes_table(scores: TimeScores, n: int) -> Table:
    table = Table(title=f"By shape of the gold value (top {n})")
    for column in ("Shape", "Gold", "Matched", "Value correct", "Value recall %"):
        table.add_column(column, justify="left" if column == "Shape" else "right")
    for shape in scores.shapes(n):
        table.add_row(
            shape.shape,
            str(shape.gold),
            str(shape.matched),
            str(shape.value_correct),
            _pct(shape.value_correct / shape.gold),
        )
    return table


def _score_tables(
    summary: str,
    title: str,
    metrics: dict[str, float],
    mistakes: Counter[tuple[str, str, str]],
    errors: int,
    first_column: str = "Text",
) -> list[RenderableType]:
    """A summary line, a table of scores in % (kilometres as they are), and the commonest mistakes."""
    table = Table(title=title)
    table.add_column("Measure")
    table.add_column("Score", justify="right")
    for name, value in metrics.items():
        table.add_row(name.replace("_", " "), f"{value:.1f}" if name.endswith("_km") else _pct(value))
    out: list[RenderableType] = [Text(summary), table]
    if errors > 0:
        worst = Table(title=f"Commonest mistakes (top {errors})")
        for column in ("Count", first_column, "Gold", "Predicted"):
            worst.add_column(column, justify="right" if column == "Count" else "left")
        for (text, gold, predicted), count in mistakes.most_common(errors):
            worst.add_row(str(count), text, gold, predicted)
        out.append(worst)
    return out


def actor_tables(scores: ActorScores, errors: int = 0) -> list[RenderableType]:
    """The scores of the actors stage; with ``errors`` > 0, also the commonest mistakes."""
    counts = scores.counts()
    summary = (
        f"{counts['documents']} documents, {counts['gold']} gold and {counts['predicted']} predicted mentions, "
        f"{counts['matched']} matched; scores in %"
    )
    return _score_tables(summary, "Actor mentions", scores.metrics(), scores.errors, errors)


def place_tables(scores: PlaceScores, errors: int = 0) -> list[RenderableType]:
    """The scores of the places stage; with ``errors`` > 0, also the commonest mistakes."""
    counts = scores.counts()
    summary = (
        f"{counts['documents']} documents, {counts['gold']} gold toponyms (with coordinates where the gold has "
        f"them), {counts['predicted']} predicted; scores in %, errors in km"
    )
    return _score_tables(summary, "Toponyms", scores.metrics(), scores.mistakes, errors)


def event_tables(scores: EventScores, errors: int = 0) -> list[RenderableType]:
    """The scores of the events stage; with ``errors`` > 0, also the commonest mistakes."""
    counts = scores.counts()
    summary = (
        f"{counts['texts']} texts, {counts['gold']} gold and {counts['predicted']} predicted events, "
        f"{counts['matched']} matched; scores in %"
    )
    return _score_tables(summary, "Events", scores.metrics(), scores.mistakes, errors, "Trigger")


def quote_tables(scores: QuoteScores, baseline: QuoteScores | None, errors: int = 0) -> list[RenderableType]:
    """The scores of the quotes stage, beside textacy's direct quotations when measured in the same run."""
    counts = scores.counts()
    summary = Text(
        f"{counts['articles']} articles ({counts['skipped']} skipped), {counts['gold']} gold attributions, "
        f"{counts['predicted']} predicted quotes, {counts['matched']} matched; scores in %"
    )
    table = Table(title="Quotes")
    table.add_column("Measure")
    table.add_column("dyad", justify="right")
    if baseline is not None:
        table.add_column("textacy direct_quotations", justify="right")
    other = baseline.metrics() if baseline is not None else {}
    for name, value in scores.metrics().items():
        row = [name.replace("_", " "), _pct(value)]
        if baseline is not None:
            row.append(_pct(other[name]))
        table.add_row(*row)
    out: list[RenderableType] = [summary, table]
    if errors > 0:
        out.extend(_score_tables("", "", {}, scores.mistakes, errors, "Content")[2:])
    return out

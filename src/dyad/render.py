"""Output of the command line: JSON Lines, JSON, or a readable table view (rich), with a progress bar."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from types import TracebackType
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from dyad.model import Analysis
from dyad.serialize import grouped, records, to_json_line


def _cut(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Renderer:
    """Writes analysed documents to ``handle`` in one of the formats, as they arrive."""

    def __init__(self, fmt: str, handle: IO[str], include_text: bool = False, progress: bool = False) -> None:
        self.fmt = fmt
        self.handle = handle
        self.include_text = include_text
        self.collected: list[dict[str, Any]] = []
        self.console = Console(file=handle, width=120 if not handle.isatty() else None, soft_wrap=False)
        self.bar = ArticleProgress(None, quiet=not progress)

    def __enter__(self) -> Renderer:
        self.bar.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.bar.__exit__(kind, value, tb)
        if self.fmt == "json" and kind is None:
            json.dump(self.collected, self.handle, ensure_ascii=False, indent=2)
            self.handle.write("\n")
        self.handle.flush()

    def clear_line(self) -> None:
        """Make room on standard error for a message while the progress bar runs."""
        self.bar.refresh()

    def write(self, analysis: Analysis) -> None:
        self.bar.advance()
        if self.fmt == "jsonl":
            for record in records(analysis, self.include_text):
                self.handle.write(to_json_line(record) + "\n")
        elif self.fmt == "json":
            self.collected.append(grouped(analysis, self.include_text))
        else:
            self._table(analysis)

    def _table(self, analysis: Analysis) -> None:
        doc = analysis.document
        text = doc.text
        head = Text()
        head.append(doc.title or doc.path or "untitled document", style="bold")
        details = [
            f"date {doc.date.isoformat()} ({doc.date_source})" if doc.date else "date unknown",
            f"by {doc.author}" if doc.author else "",
            doc.source or "",
            f"{len(analysis.sentences)} sentence{'' if len(analysis.sentences) == 1 else 's'}",
            f"id {doc.doc_id}",
        ]
        head.append("\n" + " · ".join(d for d in details if d), style="dim")
        self.console.rule()
        self.console.print(head)

        events = Table(title="Events", title_justify="left", expand=False)
        for column in ("date", "event", "mode", "actor", "recipient", "factuality", "evidence"):
            events.add_column(column)
        for e in analysis.events:
            events.add_row(
                e.date or "",
                e.event,
                e.mode or "",
                ", ".join(a.name for a in e.actor),
                ", ".join(a.name for a in e.recipient),
                e.factuality,
                _cut(text[e.trigger.start : e.trigger.end], 40),
            )
        self._print(events, "no events")

        quotes = Table(title="Quotes", title_justify="left")
        for column in ("speaker", "type", "date", "quote"):
            quotes.add_column(column)
        for q in analysis.quotes:
            quotes.add_row(
                q.speaker.name if q.speaker else "—", q.quote_type, q.date or "", _cut(doc.slice(q.span))
            )
        self._print(quotes, "no quotes")

        actors = Table(title="Actors", title_justify="left")
        for column in ("actor", "id", "type", "country", "sector", "mentions"):
            actors.add_column(column)
        for a in sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)):
            actors.add_row(
                a.name, a.actor_id, a.type or "", a.country or "", a.sector or "", str(len(a.mentions))
            )
        self._print(actors, "no actors")

        timexes = Table(title="Time expressions", title_justify="left")
        for column in ("text", "type", "value", "offsets"):
            timexes.add_column(column)
        for t in analysis.timexes:
            timexes.add_row(doc.slice(t.span), t.type, t.value or "", f"{t.span.start}-{t.span.end}")
        self._print(timexes, "no time expressions")

    def _print(self, table: Table, empty: str) -> None:
        if table.row_count:
            self.console.print(table)
        else:
            self.console.print(Text(f"{table.title}: {empty}", style="italic"))


class _RateColumn(ProgressColumn):
    """Articles a second, over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")


class ArticleProgress:
    """A progress bar of the articles a run (an ingest, an extract) has dealt with, on standard error: articles
    done (of about ``total``, when known), rate, time taken and time left. It shows only on a terminal, and not
    when quiet; ``total`` may be a function, called only when the bar shows."""

    def __init__(
        self,
        total: int | Callable[[], int | None] | None,
        quiet: bool = False,
        console: Console | None = None,
    ) -> None:
        console = console or Console(stderr=True)
        self.total: int | None = None
        self.progress: Progress | None = None
        if not quiet and console.is_terminal and not console.is_dumb_terminal:
            self.total = total() if callable(total) else total
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.task = self.progress.add_task("articles", total=self.total)

    def __enter__(self) -> ArticleProgress:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self) -> None:
        """One more input dealt with."""
        if self.progress:
            self.progress.advance(self.task)

    def refresh(self) -> None:
        """Draw the bar now, so that a message written to standard error comes after it."""
        if self.progress:
            self.progress.refresh()
            sys.stderr.flush()

    def update(self, done: int) -> None:
        """``done`` inputs dealt with so far."""
        if self.progress:
            total = None if self.total is None else max(self.total, done)
            self.progress.update(self.task, completed=done, total=total)

"""The command line: parse arguments, build one :class:`~dyad.options.Options`, call the library."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from rich.console import Console

from dyad import __version__
from dyad.api import process
from dyad.errors import ConfigurationError, DyadError, InputError
from dyad.eval import below_floors, evaluate_time, read_floors
from dyad.eval.actors import evaluate_actors
from dyad.eval.events import evaluate_events
from dyad.eval.floors import check_floors, load_floors
from dyad.eval.places import evaluate_places
from dyad.eval.quotes import evaluate_quotes
from dyad.eval.report import actor_tables, event_tables, place_tables, quote_tables, time_tables
from dyad.options import Options, parse_date
from dyad.render import Renderer
from dyad.serialize import schema

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$", re.IGNORECASE)
_UNITS = {
    "": 1,
    "b": 1,
    "k": 1_000,
    "kb": 1_000,
    "m": 1_000_000,
    "mb": 1_000_000,
    "g": 1_000_000_000,
    "gb": 1_000_000_000,
}


def _size(value: str) -> int:
    m = _SIZE.match(value)
    if not m:
        raise click.BadParameter(f"not a size: {value!r} (use e.g. 500k, 5MB, 20000000)")
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower()])


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ConfigurationError as exc:
        raise click.BadParameter(str(exc)) from exc


def _fail(message: str) -> None:
    click.echo(f"dyad: error: {message}", err=True)


@contextmanager
def _output(out: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file that replaces ``out`` only when the command succeeds."""
    if out is None:
        yield sys.stdout
        return
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Failed(Exception):
    """Every input failed, or one did under --strict: the output file is not written."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """dyad: event data from news and analysis articles.

    Reads articles (plain text, HTML, JSON Lines, folders, or - for standard input) and finds who did
    what to whom, when and where, and who said what, with the evidence for each record.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--date",
    "date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date; wins over the input's own.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json"]),
    default="table",
    show_default=True,
    help="table: a readable view; jsonl: one record per line (docs/format.md); json: an object per document.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of standard output."
)
@click.option("--strict", is_flag=True, help="Stop with an error at the first input that cannot be read.")
@click.option(
    "--max-size", default="5MB", show_default=True, help="Largest input file (or JSONL article) read."
)
@click.option(
    "--encoding", default="auto", show_default=True, help="Encoding of the inputs; auto accepts UTF-8/16."
)
@click.option(
    "--model", help="spaCy pipeline to use (package or path); default: en_core_web_sm if installed."
)
@click.option("--include-text", is_flag=True, help="Put the document text in document records.")
@click.option(
    "--actors",
    "dictionaries",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="An actor dictionary (dyad YAML/CSV or PETRARCH) to add to dyad's knowledge (repeatable).",
)
def extract(
    paths: tuple[str, ...],
    date: Any,
    fmt: str,
    out: str | None,
    strict: bool,
    max_size: str,
    encoding: str,
    model: str | None,
    include_text: bool,
    dictionaries: tuple[str, ...],
) -> None:
    """Print the records of each article in PATHS.

    A bad input is reported on standard error and skipped; the exit status is 1 when every input
    failed (or, with --strict, when any did).
    """
    try:
        options = Options(
            date=date,
            model=model,
            max_bytes=_size(max_size),
            encoding=encoding,
            strict=strict,
            include_text=include_text,
            actors=dictionaries,
        )
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc
    done = failed = 0
    try:
        with _output(out) as handle:
            renderer = Renderer(
                fmt, handle, include_text=include_text, progress=len(paths) > 1 or _is_batch(paths)
            )
            with renderer:
                for item in process(paths, options):
                    if isinstance(item, InputError):
                        failed += 1
                        renderer.clear_line()
                        _fail(str(item))
                        if strict:
                            raise _Failed
                        continue
                    done += 1
                    renderer.write(item)
            if done == 0:
                raise _Failed
    except _Failed:
        sys.exit(1)
    except ConfigurationError as exc:
        _fail(str(exc))
        sys.exit(2)
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)


def _is_batch(paths: tuple[str, ...]) -> bool:
    return any(Path(p).is_dir() or p.lower().endswith((".jsonl", ".ndjson")) for p in paths)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    default="dyad.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The store file (DuckDB); created when missing.",
)
@click.option(
    "--date",
    "date",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date; wins over the input's own.",
)
@click.option(
    "--reprocess", is_flag=True, help="Code again the articles the store holds, with this dyad version."
)
@click.option(
    "--batch", default=50, show_default=True, type=click.IntRange(min=1), help="Articles per transaction."
)
@click.option(
    "--max-size", default="5MB", show_default=True, help="Largest input file (or JSONL article) read."
)
@click.option(
    "--encoding", default="auto", show_default=True, help="Encoding of the inputs; auto accepts UTF-8/16."
)
@click.option(
    "--model", help="spaCy pipeline to use (package or path); default: en_core_web_sm if installed."
)
@click.option(
    "--actors",
    "dictionaries",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="An actor dictionary (dyad YAML/CSV or PETRARCH) to add to dyad's knowledge (repeatable).",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: Any,
    reprocess: bool,
    batch: int,
    max_size: str,
    encoding: str,
    model: str | None,
    dictionaries: tuple[str, ...],
) -> None:
    """Code the articles of PATHS into the store, skipping those it holds, and print a summary.

    Each batch is one transaction: an ingest stopped midway keeps what it committed, and a rerun finishes the
    rest without duplicates. A bad input is reported on standard error and skipped; the exit status is 1 when
    every input failed or the store cannot be used.
    """
    from dyad.store import Store
    from dyad.store.ingest import ingest as run_ingest

    try:
        options = Options(
            date=date, model=model, max_bytes=_size(max_size), encoding=encoding, actors=dictionaries
        )
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        with Store(db) as store:
            report = run_ingest(paths, store, options, reprocess=reprocess, batch_size=batch)
            counts = store.counts()
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)
    for error in report.failed:
        _fail(str(error))
    click.echo(
        f"{db}: {report.read} articles read, {report.coded} coded"
        f"{f' ({report.replaced} recoded)' if report.replaced else ''}, {report.skipped} already stored"
        f"{f', {len(report.failed)} unreadable' if report.failed else ''}"
    )
    click.echo("store: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    if report.read == 0 and report.failed:
        sys.exit(1)


@main.command("sql")
@click.argument("query")
@click.option(
    "--db", default="dyad.duckdb", show_default=True, type=click.Path(dir_okay=False), help="The store file."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table: readable; json: a list of objects; csv: a header line, then one line per row.",
)
def sql(query: str, db: str, fmt: str) -> None:
    """Run a read-only SQL QUERY on the store (tables: documents, actors, mentions, timexes, places, events,
    quotes) and print the result."""
    import csv as csv_module

    from dyad.store import Store

    try:
        with Store(db, read_only=True) as store:
            names, rows = store.query(query)
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)
    if fmt == "json":
        click.echo(
            json.dumps([dict(zip(names, row, strict=True)) for row in rows], default=str, ensure_ascii=False)
        )
    elif fmt == "csv":
        writer = csv_module.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    else:
        from rich.table import Table

        table = Table(*names)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160).print(table)


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the exchange-format records."""
    click.echo(json.dumps(schema(), indent=1))


@main.group("eval")
def eval_group() -> None:
    """Score dyad against gold annotations.

    Gold files are scored by the same code that users run; --floors makes a score a quality gate.
    """


F = TypeVar("F", bound=Callable[..., Any])


def _eval_options(errors_help: str, example: str) -> Callable[[F], F]:
    """The options every ``dyad eval`` command shares."""

    def wrap(function: F) -> F:
        function = click.option(
            "--floors",
            type=click.Path(exists=True, dir_okay=False),
            metavar="FILE",
            help=f"JSON object of minimum scores, e.g. {example}; exit status 1 when one is not met.",
        )(function)
        function = click.option(
            "--errors",
            type=click.IntRange(min=0),
            default=0,
            show_default=True,
            metavar="N",
            help=errors_help,
        )(function)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "json"]),
            default="table",
            show_default=True,
            help="table: a readable view; json: one object of counts and scores.",
        )(function)

    return wrap


def _report(fmt: str, data: dict[str, Any], tables: list[Any], failures: list[Any]) -> None:
    """Print an evaluation and exit with status 1 when a floor is not met."""
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 120)
        for table in tables:
            console.print(table)
    for failure in failures:
        click.echo(f"dyad: eval: {failure}", err=True)
    if failures:
        sys.exit(1)


def _scored(
    fmt: str,
    evaluate: Callable[[], Any],
    tables: Callable[[Any], list[Any]],
    floors: str | None,
    extra: Callable[[], dict[str, Any]] | None = None,
) -> None:
    """Run an evaluation, check its floors and print it; exit 2 for a bad floors file, 1 for bad gold.
    ``extra`` adds to the JSON output (a baseline's scores)."""
    try:
        scores = evaluate()
        metrics = scores.metrics()
        failures = check_floors(metrics, load_floors(floors, metrics)) if floors else []
    except ConfigurationError as exc:
        _fail(str(exc))
        sys.exit(2)
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)
    data = {"counts": scores.counts(), "scores": metrics, **(extra() if extra else {})}
    _report(fmt, data, tables(scores), failures)


@eval_group.command("time")
@click.argument("gold", nargs=-1, required=True, metavar="GOLD_DIR...", type=click.Path(exists=True))
@_eval_options(
    "Also show the N commonest misses and wrong values, and scores by shape of the gold value.",
    '{"value_f1": 0.8}',
)
@click.option(
    "--model", help="spaCy pipeline to use (package or path); default: en_core_web_sm if installed."
)
def eval_time(gold: tuple[str, ...], fmt: str, errors: int, floors: str | None, model: str | None) -> None:
    """Score the time expressions found in TimeML files against their gold TIMEX3s.

    GOLD_DIR holds .tml files (read recursively) or is one. Each document is analysed with its DCT as the
    publication date; spans, types and values are scored TempEval-3 style, pooled over the documents.
    """
    try:
        minimums = read_floors(floors) if floors else {}
        scores = evaluate_time(gold, Options(model=model), on_error=lambda exc: _fail(str(exc)))
    except ConfigurationError as exc:
        _fail(str(exc))
        sys.exit(2)
    if scores.documents == 0:
        _fail("no gold document could be scored")
        sys.exit(1)
    _report(fmt, scores.as_dict(errors), time_tables(scores, errors), below_floors(scores, minimums))


@eval_group.command("actors")
@click.argument(
    "gold", nargs=-1, required=True, metavar="GOLD_FILE...", type=click.Path(exists=True, dir_okay=False)
)
@_eval_options(
    "Also show the N commonest mistakes (missed, extra and wrongly resolved mentions).", '{"mention_f1": 0.8}'
)
@click.option(
    "--actors",
    "dictionaries",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    metavar="FILE",
    help="An actor dictionary to add to dyad's knowledge (repeatable).",
)
def eval_actors(
    gold: tuple[str, ...], fmt: str, errors: int, floors: str | None, dictionaries: tuple[str, ...]
) -> None:
    """Score the actor mentions dyad finds against gold JSON Lines files of actor mentions.

    Each document is analysed with its own date; mentions are matched by overlap and their resolution (id,
    type, country, sector) is compared. See tests/fixtures/actors/README.md for the format.
    """
    _scored(
        fmt,
        lambda: evaluate_actors(gold, Options(actors=dictionaries)),
        lambda scores: actor_tables(scores, errors),
        floors,
    )


@eval_group.command("places")
@click.argument(
    "gold", nargs=-1, required=True, metavar="GOLD_FILE...", type=click.Path(exists=True, dir_okay=False)
)
@_eval_options(
    "Also show the N commonest mistakes (missed, extra and far-off toponyms).", '{"accuracy_161km": 0.8}'
)
def eval_places(gold: tuple[str, ...], fmt: str, errors: int, floors: str | None) -> None:
    """Score the toponyms dyad finds and the places it gives them against gold files.

    GOLD_FILE is GeoWebNews XML (.xml) or dyad's JSON Lines (.jsonl, see tests/fixtures/places/README.md).
    Reports recognition precision, recall and F1, the share within 161 km, the median error, country and
    metonymy accuracy.
    """
    _scored(fmt, lambda: evaluate_places(gold), lambda scores: place_tables(scores, errors), floors)


@eval_group.command("events")
@click.argument(
    "gold", nargs=-1, required=True, metavar="GOLD_FILE...", type=click.Path(exists=True, dir_okay=False)
)
@_eval_options(
    "Also show the N commonest mistakes (missed, extra and mistyped events).", '{"type_accuracy": 0.75}'
)
def eval_events(gold: tuple[str, ...], fmt: str, errors: int, floors: str | None) -> None:
    """Score the events dyad codes against gold files.

    GOLD_FILE is JSON Lines, one sentence or article per line with its coded events (see
    tests/fixtures/events/GUIDELINES.md). Reports detection precision, recall and F1, extra events, type accuracy
    and macro-F1, mode, actor, recipient, factuality and date accuracy, triple accuracy, and the share right
    among events with a confidence of 0.8 or more.
    """
    _scored(fmt, lambda: evaluate_events(gold), lambda scores: event_tables(scores, errors), floors)


@eval_group.command("quotes")
@click.argument(
    "gold", nargs=-1, required=True, metavar="GOLD_DIR...", type=click.Path(exists=True, file_okay=False)
)
@_eval_options(
    "Also show the N commonest mistakes (missed quotes, extra ones, wrong speakers).", '{"content_f1": 0.75}'
)
@click.option(
    "--baseline/--no-baseline",
    default=True,
    show_default=True,
    help="Also score textacy's direct_quotations on the same parses (when textacy is installed).",
)
def eval_quotes(gold: tuple[str, ...], fmt: str, errors: int, floors: str | None, baseline: bool) -> None:
    """Score the quotes dyad finds, and their speakers, against brat attribution folders.

    GOLD_DIR holds text/NAME.txt and attributions/NAME*.ann (Source, Cue and Content spans, as in PolNeAR; see
    tests/fixtures/quotes/README.md). Reports content precision, recall and F1 (token overlap of half or more;
    also exact and any overlap), speaker accuracy on matched quotes, end-to-end F1, and the same split into direct
    and indirect speech, beside textacy's baseline.
    """
    runs: dict[str, Any] = {}

    def evaluate() -> Any:
        runs["ours"], runs["theirs"] = evaluate_quotes(gold, baseline=baseline)
        return runs["ours"]

    def extra() -> dict[str, Any]:
        theirs = runs.get("theirs")
        return (
            {"baseline": {"name": "textacy direct_quotations", "scores": theirs.metrics()}} if theirs else {}
        )

    _scored(fmt, evaluate, lambda ours: quote_tables(ours, runs.get("theirs"), errors), floors, extra)

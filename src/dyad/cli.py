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
from typing import IO, Any, TypeVar, get_args

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
from dyad.knowledge.events import EVENTS
from dyad.model import Factuality
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


F = TypeVar("F", bound=Callable[..., Any])


def _format_option(*choices: str) -> Callable[[F], F]:
    helps = {
        "table": "a readable view",
        "json": "a list of objects",
        "csv": "a header line, then one line per row",
    }
    text = "; ".join(f"{c}: {helps[c]}" for c in choices) + "."
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help=text
    )


def _store(help: str = "The store file.") -> Callable[[F], F]:
    """The ``--db`` option of the commands that use the store."""
    return click.option(
        "--db", default="dyad.duckdb", show_default=True, type=click.Path(dir_okay=False), help=help
    )


_db_option = _store()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store("The store file (DuckDB); created when missing.")
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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Processes that run the pipeline (default 1, this process; with --engine dask, the local cluster's "
    "workers, default one per core).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: processes of this machine; dask: a dask.distributed cluster (the [dask] extra), which also "
    "writes Parquet.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler of a running cluster (tcp://host:8786); default: a local cluster.",
)
@click.option(
    "--parquet",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Also write the tables as Parquet partitioned by document year (--engine dask: default DB with "
    ".parquet).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="No progress bar (there is none when stderr is not a terminal)."
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
    workers: int | None,
    engine: str,
    scheduler: str | None,
    parquet: str | None,
    quiet: bool,
) -> None:
    """Code the articles of PATHS into the store, skipping those it holds, and print a summary.

    Each batch is one transaction: an ingest stopped midway keeps what it committed, and a rerun finishes the
    rest without duplicates. A bad input is reported on standard error and skipped; the exit status is 1 when
    every input failed or the store cannot be used.
    """
    from dyad.ingest import count_articles
    from dyad.render import ArticleProgress
    from dyad.store import Store
    from dyad.store.engines import Dask, Local
    from dyad.store.ingest import ingest as run_ingest

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        options = Options(
            date=date, model=model, max_bytes=_size(max_size), encoding=encoding, actors=dictionaries
        )
        runner = Dask(scheduler, workers) if engine == "dask" else Local(workers or 1)
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc
    bar = ArticleProgress(lambda: count_articles(paths), quiet=quiet)
    try:
        with Store(db) as store, bar:
            report = run_ingest(
                paths,
                store,
                options,
                reprocess=reprocess,
                batch_size=batch,
                progress=lambda current: bar.update(current.done),
                engine=runner,
                parquet=parquet,
            )
            counts = store.counts()
    except ConfigurationError as exc:
        _fail(str(exc))
        sys.exit(2)
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
    if report.parquet is not None:
        click.echo(f"parquet: {report.parquet}")
    if report.read == 0 and report.failed:
        sys.exit(1)


@main.command("sql")
@click.argument("query")
@_db_option
@_format_option("table", "json", "csv")
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


# Querying the store ----------------------------------------------------------------------------------------

_FILTER_HELP: dict[str, tuple[str, dict[str, Any]]] = {
    "actor": (
        "--actor",
        {
            "metavar": "NAME",
            "help": "Keep records whose actor has this id or country code, or these words in its name "
            "(case-insensitive).",
        },
    ),
    "recipient": (
        "--recipient",
        {"metavar": "NAME", "help": "Keep records whose recipient matches NAME, as --actor does."},
    ),
    "type": (
        "--type",
        {
            "multiple": True,
            "type": click.Choice(EVENTS, case_sensitive=False),
            "metavar": "TYPE",
            "help": "PLOVER event type, e.g. ASSAULT (repeatable: any of them).",
        },
    ),
    "quad": (
        "--quad",
        {
            "multiple": True,
            "type": click.IntRange(1, 4),
            "metavar": "N",
            "help": "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material "
            "conflict (repeatable).",
        },
    ),
    "country": (
        "--country",
        {"metavar": "ISO3", "help": "Keep records that concern this country (ISO 3166-1 alpha-3 code)."},
    ),
    "since": (
        "--since",
        {"metavar": "DATE", "help": "Keep records dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."},
    ),
    "until": (
        "--until",
        {"metavar": "DATE", "help": "Keep records dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."},
    ),
    "factuality": (
        "--factuality",
        {
            "multiple": True,
            "type": click.Choice(get_args(Factuality), case_sensitive=False),
            "help": "Keep events with this factuality (repeatable).",
        },
    ),
    "text": (
        "--text",
        {
            "metavar": "WORDS",
            "help": "Keep records of the articles that have all these words (full-text index).",
        },
    ),
    "limit": ("--limit", {"type": click.IntRange(min=0), "metavar": "N", "help": "Show at most N rows."}),
}


def _filter_options(*names: str) -> Callable[[F], F]:
    """The filter options ``names`` (fields of :class:`dyad.store.query.Filters`), in that order."""

    def wrap(function: F) -> F:
        for name in reversed(names):
            flag, settings = _FILTER_HELP[name]
            function = click.option(flag, name, **settings)(function)
        return function

    return wrap


def _filters(given: dict[str, Any]) -> Any:
    """The one :class:`~dyad.store.query.Filters` object of the command's filter options."""
    from dyad.store.query import Filters

    try:
        return Filters(**{k: v for k, v in given.items() if v is not None})
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc


@contextmanager
def _reading(db: str) -> Iterator[Any]:
    """The store opened to read; its errors end the command with a one-line message."""
    from dyad.store import Store

    try:
        with Store(db, read_only=True) as store:
            yield store
    except ConfigurationError as exc:
        raise click.UsageError(str(exc)) from exc
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)


def _console() -> Console:
    return Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160)


def _table(frame: Any, columns: list[str], title: str | None = None) -> Any:
    from rich.table import Table

    table = Table(*columns, title=title, title_justify="left")
    for row in frame[columns].itertuples(index=False):
        cells = []
        for value in row:
            missing = value is None or (isinstance(value, float) and value != value)
            cell = "" if missing else f"{value:.2f}" if isinstance(value, float) else str(value)
            cells.append(" ".join(cell.split()))
        table.add_row(*cells)
    return table


def _show(frame: Any, fmt: str, columns: list[str], noun: str) -> None:
    """Print a query's result: a rich table of ``columns``, or every column as JSON or CSV."""
    from dyad.store.query import records

    if fmt == "json":
        click.echo(json.dumps(records(frame), ensure_ascii=False))
    elif fmt == "csv":
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        console = _console()
        console.print(_table(frame, columns))
        console.print(f"{len(frame)} {noun}")


@main.command("events")
@_db_option
@_format_option("table", "json", "csv")
@_filter_options(
    "actor", "recipient", "type", "quad", "country", "since", "until", "factuality", "text", "limit"
)
def events_command(db: str, fmt: str, **given: Any) -> None:
    """List the stored events that pass the filters, ordered by date.

    The table shows the main columns; json and csv give all of them (codes, ids and countries of both sides,
    place, evidence sentence and its offsets, the article's title and url).
    """
    f = _filters(given)
    with _reading(db) as store:
        frame = store.events(f)
    columns = ["date", "event", "mode", "actor", "recipient", "factuality", "event_text", "title"]
    _show(frame, fmt, columns, "events")


@main.command("quotes")
@_db_option
@_format_option("table", "json", "csv")
@_filter_options("actor", "recipient", "country", "since", "until", "text", "limit")
def quotes_command(db: str, fmt: str, **given: Any) -> None:
    """List the stored quotes that pass the filters: --actor matches the speaker, --recipient an actor the quote
    is about, --country the speaker's country."""
    f = _filters(given)
    with _reading(db) as store:
        frame = store.quotes(f)
    _show(frame, fmt, ["date", "speaker", "quote_type", "quote", "title"], "quotes")


@main.command("actors")
@_db_option
@_format_option("table", "json", "csv")
@_filter_options("actor", "country", "since", "until", "text", "limit")
def actors_command(db: str, fmt: str, **given: Any) -> None:
    """List the actors of the stored articles, one row per actor id, with their counts of articles, mentions,
    events as actor and as recipient, and quotes; the most frequent first."""
    f = _filters(given)
    with _reading(db) as store:
        frame = store.actors(f)
    columns = [
        "actor_id",
        "name",
        "type",
        "country",
        "sector",
        "documents",
        "mentions",
        "as_actor",
        "as_recipient",
        "quotes",
    ]
    _show(frame, fmt, columns, "actors")


@main.command("actor")
@click.argument("name")
@_db_option
@_format_option("table", "json")
def actor_command(name: str, db: str, fmt: str) -> None:
    """Show what the store knows of the actor NAME (an id, or a name): its records, the roles it held with
    their dates, its events by type as actor and as recipient, and its quotes."""
    from dyad.store.query import records

    with _reading(db) as store:
        profile = store.actor(name)
    parts = {
        "actors": profile.actors,
        "roles": profile.roles,
        "events": profile.events,
        "quotes": profile.quotes,
    }
    if fmt == "json":
        click.echo(json.dumps({k: records(v) for k, v in parts.items()}, ensure_ascii=False))
        return
    console = _console()
    console.print(
        _table(
            profile.actors,
            ["actor_id", "name", "type", "country", "sector", "documents", "mentions"],
            "Actor",
        )
    )
    if len(profile.roles):
        console.print(
            _table(profile.roles, ["actor_id", "title", "country", "sector", "start", "end"], "Roles")
        )
    if len(profile.events):
        console.print(_table(profile.events, ["event", "as_actor", "as_recipient"], "Events"))
    if len(profile.quotes):
        console.print(_table(profile.quotes, ["date", "quote_type", "quote", "title"], "Quotes"))


@main.command("relation")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option(
    "--by",
    type=click.Choice(["day", "month", "year"]),
    default="month",
    show_default=True,
    help="The period events are counted by.",
)
@click.option("--directed", is_flag=True, help="Count only the events of A on B (default: both ways).")
@_format_option("table", "json", "csv")
@_filter_options("type", "quad", "country", "since", "until", "factuality", "text")
def relation_command(a: str, b: str, db: str, by: str, directed: bool, fmt: str, **given: Any) -> None:
    """Count the events between actors A and B (each an id, a country code or a name) per period, with their
    summed event_scale (PLOVER score), the count each way and the count of each quad class."""
    f = _filters(given)
    with _reading(db) as store:
        frame = store.relation(a, b, by=by, directed=directed, filters=f)
    _show(frame, fmt, list(frame.columns), "periods")


@main.command("search")
@click.argument("query")
@_db_option
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(min=0), help="Show at most N articles."
)
@_format_option("table", "json", "csv")
def search_command(query: str, db: str, limit: int, fmt: str) -> None:
    """Search the text of the stored articles for the words of QUERY; the best matches first (BM25), each with
    a snippet and its character offsets into the article."""
    with _reading(db) as store:
        frame = store.search(query, limit=limit)
    _show(frame, fmt, ["score", "title", "date", "snippet"], "articles")


@main.command("export")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "jsonl", "plover", "gdelt", "graphml"]),
    required=True,
    help="parquet, csv: a folder with one file per table; jsonl: exchange records; plover: PLOVER JSON events; "
    "gdelt: a GDELT 2.0 event table (TSV); graphml: the actor network.",
)
@click.option(
    "--out",
    type=click.Path(writable=True),
    help="The file (the folder, for parquet and csv) to write; standard output when left out.",
)
@_filter_options(
    "actor", "recipient", "type", "quad", "country", "since", "until", "factuality", "text", "limit"
)
def export_command(db: str, fmt: str, out: str | None, **given: Any) -> None:
    """Export the store, or the events that pass the filters, with the other records of their articles."""
    f = _filters(given)
    if fmt in ("parquet", "csv") and out is None:
        raise click.UsageError(f"--format {fmt} writes a folder: give it with --out")
    with _reading(db) as store:
        if fmt in ("parquet", "csv"):
            report = store.export(fmt, out, f)
        else:
            with _output(out) as handle:
                report = store.export(fmt, handle, f)
    if out is not None:
        click.echo(f"{out}: " + ", ".join(f"{n} {kind}" for kind, n in report.rows.items()))


# Cross-article merging -------------------------------------------------------------------------------------


@main.command("merge")
@_store("The store file (made by dyad ingest).")
@click.option(
    "--threshold",
    default=0.8,
    show_default=True,
    type=click.FloatRange(0, 1, min_open=True),
    help="Estimated Jaccard similarity of word 5-grams from which two articles are near-duplicates.",
)
def merge_command(db: str, threshold: float) -> None:
    """Link the near-duplicate articles of the store (wire copies, reprints) and gather the reports of each
    event into clusters, for the whole store, in one transaction; print a summary.

    Run it again after an ingest: the links and clusters are computed anew each time (the same store gives the
    same tables).
    """
    from dyad.store import Store
    from dyad.store.merge import MergeOptions

    if not Path(db).exists():
        _fail(f"{db}: no such store (create one with `dyad ingest`)")
        sys.exit(1)
    try:
        with Store(db) as store:
            report = store.merge(MergeOptions(threshold=threshold))
    except DyadError as exc:
        _fail(str(exc))
        sys.exit(1)

    def n(count: int, noun: str) -> str:
        return f"{count} {noun}{'' if count == 1 else 's'}"

    click.echo(
        f"{db}: {n(report.documents, 'article')}, {report.duplicates} linked to a near-duplicate "
        f"({n(report.groups, 'group')}); {n(report.events, 'event')} in {n(report.clusters, 'cluster')}, "
        f"{report.merged} of several reports (the largest from {n(report.largest, 'article')})"
    )


@main.command("clusters")
@_db_option
@_format_option("table", "json", "csv")
@_filter_options(
    "actor", "recipient", "type", "quad", "country", "since", "until", "factuality", "text", "limit"
)
def clusters_command(db: str, fmt: str, **given: Any) -> None:
    """List the event clusters that pass the filters (as of the last dyad merge), ordered by date: each event
    once, with how many event records, articles and sources report it.

    The filters are those of dyad events, applied to the cluster's type, sides, place and date; --text keeps the
    clusters reported in an article with all the words. json and csv give every column.
    """
    f = _filters(given)
    with _reading(db) as store:
        frame = store.clusters(f)
    columns = [
        "cluster_id",
        "date",
        "event",
        "actor",
        "recipient",
        "num_articles",
        "num_sources",
        "first_date",
    ]
    _show(frame, fmt, columns, "clusters")


@main.command("cluster")
@click.argument("cluster_id")
@_db_option
@_format_option("table", "json", "csv")
def cluster_command(cluster_id: str, db: str, fmt: str) -> None:
    """List the event records of the cluster CLUSTER_ID (see dyad clusters), each with its article and evidence
    sentence."""
    with _reading(db) as store:
        frame = store.cluster(cluster_id)
    _show(frame, fmt, ["date", "event", "actor", "recipient", "evidence", "source", "duplicate_of"], "events")

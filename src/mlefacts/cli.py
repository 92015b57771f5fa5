"""The `mlefacts` command line: a thin layer over `mlefacts.api` and the publish modules.

Exit codes: 0 success; 1 the work ran but found problems (a run with failed sources, conflicts
of severity error with --fail-on-error, stale schema files with `schemas export --check`);
2 bad usage or input (unknown table or snapshot, bad or writing SQL, no data published yet,
a locked data directory, a bad manifest, an invalid cron, no reachable Prefect server).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from mlefacts.fail_on import FailOn

if TYPE_CHECKING:
    import pandas as pd

    from mlefacts.results import RunReport

app = typer.Typer(
    name="mlefacts",
    help="Facts about the Machine Learning Engineer role, extracted from web articles with "
    "provenance, validated, reconciled and published as Parquet + DuckDB.\n\n"
    "Quick start: [bold]mlefacts run[/], then [bold]mlefacts tables[/], "
    '[bold]mlefacts sql "SELECT * FROM salaries"[/], [bold]mlefacts conflicts[/], '
    "[bold]mlefacts report[/].",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
sources_app = typer.Typer(
    help="List and add the sources (articles) of a manifest.", no_args_is_help=True
)
schemas_app = typer.Typer(help="The published table schemas (JSON files).", no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(schemas_app, name="schemas")

console = Console()
errors = Console(stderr=True)

# Longest cell shown in a rich table; csv and json always carry the full value.
MAX_CELL = 160
# Words longer than this (hashes, long ids) may be broken across lines in a table; a table
# that cannot show every other word whole is printed as one block per row instead.
MAX_WORD = 32
# Sentences shown under each conflict, and the longest shown whole.
QUOTES_PER_CONFLICT = 3
MAX_SENTENCE = 400
MANIFEST_HINT = 'a manifest has one [[source]] table per source, with uri = "URL or path"'


class OutputFormat(StrEnum):
    """How listing commands print their rows."""

    table = "table"
    csv = "csv"
    json = "json"


class Severity(StrEnum):
    """Conflict severities, most serious first."""

    error = "error"
    warning = "warning"
    info = "info"


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Directory holding raw/ and curated/ (default: $MLEFACTS_DATA_DIR, else the "
        "repository root of an editable install, else the current directory).",
    ),
]
Manifest = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="Sources manifest (TOML). Default: sources.toml in the data directory if it "
        "exists (`sources add` creates it), else the bundled raw/bundled/sources.toml.",
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Read an older snapshot (ids: `mlefacts snapshots`)."),
]
Format = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (readable), csv or json (scripts).")
]
# The options of `run` and `schedule`: each is a setting (`mlefacts.settings`); one not given on
# the command line comes from $MLEFACTS_*, else the --config file, else its default.
ConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file (TOML, every key in README's Settings table); flags and "
        "MLEFACTS_* variables override it.",
    ),
]
KeepSnapshots = Annotated[
    int | None, typer.Option(min=1, help="Published snapshots to keep (run.keep_snapshots: 10).")
]
AllowPrivateHosts = Annotated[
    bool | None,
    typer.Option(
        help="Allow URL sources on loopback/private addresses (fetch.allow_private_hosts)."
    ),
]
AllowOutsidePaths = Annotated[
    bool | None,
    typer.Option(
        help="Allow manifest paths outside the manifest's directory (run.allow_outside_paths)."
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        help="What makes a run fail (exit 1, and a Failed flow run in Prefect that automations "
        "can notify on): 'errors' = a source failed; 'conflicts' = that, or a new conflict of "
        "severity error; 'never'. The data is published either way (run.fail_on: errors)."
    ),
]
AllowShrink = Annotated[
    bool | None,
    typer.Option(
        help="Publish even if the manifest drops more than max-shrink of the published sources "
        "(run.allow_shrink)."
    ),
]
MaxShrink = Annotated[
    float | None,
    typer.Option(
        min=0.0, max=1.0, help="Share of the published sources a run may drop (run.max_shrink)."
    ),
]


def _fail(message: str, hint: str | None = None, code: int = 2) -> NoReturn:
    """The error on one line (never wrapped: logs and grep see it whole), then the hint."""
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    if hint:
        errors.print(f"[dim]hint:[/] {escape(hint)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _resolve(data_dir: Path | None) -> Path:
    """The data directory every command uses: the option, else the same default as `run`."""
    from mlefacts.config import default_data_dir

    return (data_dir or default_data_dir()).resolve()


def _fail_reading(exc: BaseException, data_dir: Path) -> NoReturn:
    """Exit 2 with a message and the next step for an error reading the curated data."""
    import duckdb

    from mlefacts.publish.catalog import NoSnapshotError, UnknownSnapshotError, UnknownTableError
    from mlefacts.publish.parquet import IncompatibleSchemaError

    hints: list[tuple[type[BaseException], str]] = [
        (NoSnapshotError, f"publish data first with: mlefacts run --data-dir {data_dir}"),
        (UnknownSnapshotError, "list the snapshots with: mlefacts snapshots"),
        (UnknownTableError, "list the tables with: mlefacts tables"),
        (IncompatibleSchemaError, "publish again with: mlefacts run"),
        (duckdb.ParserException, "check the SQL syntax (DuckDB dialect)"),
        (duckdb.CatalogException, "list the tables and views with: mlefacts tables"),
        (duckdb.BinderException, 'see a table\'s columns with: mlefacts sql "DESCRIBE claims"'),
        (
            duckdb.PermissionException,
            "mlefacts sql only reads the curated tables; save results with --format csv > file",
        ),
    ]
    _fail_missing_data_dir(data_dir)
    hint = next((text for kind, text in hints if isinstance(exc, kind)), None)
    _fail(str(exc), hint)


def _fail_missing_data_dir(data_dir: Path) -> None:
    """A mistyped --data-dir is named as such, not reported as a directory with no data yet."""
    if not data_dir.is_dir():
        _fail(
            f"data directory {data_dir} does not exist",
            "check --data-dir and $MLEFACTS_DATA_DIR; to publish data there: "
            f"mlefacts run --data-dir {data_dir}",
        )


def _fail_unpublished(data_dir: Path) -> NoReturn:
    _fail_missing_data_dir(data_dir)
    _fail(
        f"no snapshot published yet in {data_dir / 'curated'}",
        f"publish data first with: mlefacts run --data-dir {data_dir}",
    )


def _reading_errors() -> tuple[type[BaseException], ...]:
    import duckdb

    from mlefacts.publish.parquet import IncompatibleSchemaError

    return (FileNotFoundError, LookupError, IncompatibleSchemaError, duckdb.Error)


def _cell(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return _shorten(str(value), MAX_CELL)


def _shorten(text: str, limit: int) -> str:
    """The text on one line (runs of whitespace as one space), cut at `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _is_missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _print_frame(frame: pd.DataFrame, fmt: OutputFormat, *, title: str | None = None) -> None:
    """Print rows as a rich table (long cells cut), CSV or JSON records (full values)."""
    import pandas as pd

    if fmt is OutputFormat.json:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
        return
    cells = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    columns = [str(column) for column in frame.columns]
    needed = sum(_longest_word(column, cells, i) + 3 for i, column in enumerate(columns)) + 1
    if needed > console.width:
        _print_records(columns, cells, title=title)
    else:
        table = Table(title=title, header_style="bold cyan")
        for column, dtype in zip(columns, frame.dtypes, strict=True):
            numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
            table.add_column(column, overflow="fold", justify="right" if numeric else "left")
        for row in cells:
            table.add_row(*row)
        console.print(table)
    console.print(f"[dim]{len(frame)} row(s)[/]")


def _print_rows(
    rows: list[dict[str, Any]], columns: list[str], fmt: OutputFormat, title: str
) -> None:
    """Rows of an API result (dicts), printed like a table of the curated data."""
    import pandas as pd

    _print_frame(pd.DataFrame(rows, columns=columns), fmt, title=title)


def _longest_word(column: str, cells: list[list[str]], index: int) -> int:
    """The width a column needs so that no word in it is broken (long hashes excepted)."""
    texts = [column, *(row[index] for row in cells)]
    return min(max(len(word) for text in texts for word in text.split() or [""]), MAX_WORD)


def _print_records(columns: list[str], cells: list[list[str]], *, title: str | None) -> None:
    """Rows too wide for the terminal, one block per row (empty values left out)."""
    if title:
        console.print(f"[bold]{title}[/]", highlight=False)
    for number, row in enumerate(cells, start=1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row, strict=True):
            if value:
                grid.add_row(column, value)
        console.rule(f"row {number}", align="left", style="dim")
        console.print(grid, highlight=False)


@contextmanager
def _flow_status(verbose: bool) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr showing the flow's latest event (Prefect's own lines with --verbose)."""
    if verbose:
        yield None
        return
    with errors.status(
        "starting Prefect (a temporary server unless PREFECT_API_URL is set)…"
    ) as status:
        yield lambda event: status.update(f"running the mlefacts flow… [dim]{escape(event)}[/]")


@app.command()
def run(
    config: ConfigFile = None,
    sources: Manifest = None,
    data_dir: DataDir = None,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Sources per Prefect task (run.batch_size: 100).")
    ] = None,
    keep_snapshots: KeepSnapshots = None,
    runner: Annotated[
        str | None,
        typer.Option(
            help="Batch stage: 'processes' (one per core), 'threads' or 'dask' (run.runner)."
        ),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Existing Dask scheduler, e.g. tcp://HOST:8786 (with --runner dask)."),
    ] = None,
    allow_private_hosts: AllowPrivateHosts = None,
    allow_outside_paths: AllowOutsidePaths = None,
    fail_on: FailOnOption = None,
    allow_shrink: AllowShrink = None,
    max_shrink: MaxShrink = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run record as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines.")
    ] = False,
) -> None:
    """Run the pipeline: ingest, extract, validate, reconcile and publish a new snapshot.

    Sources whose bytes did not change since the last run are not extracted again. A run that
    fails under --fail-on (by default: some sources failed; their last good claims stay
    published, marked stale) exits 1 and its Prefect flow run ends Failed. Every setting can
    come from a --config file or a MLEFACTS_* variable; a flag wins over both.

    Example: [bold]mlefacts run --config mlefacts.toml --sources my_sources.toml[/]
    """
    if not verbose:
        # Prefect's console lines only; its loggers (and the Prefect UI's logs) keep INFO.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    from mlefacts.api import run as run_pipeline

    options = {
        "sources": sources,
        "data_dir": data_dir,
        "batch_size": batch_size,
        "keep_snapshots": keep_snapshots,
        "runner": runner,
        "dask_address": dask_address,
        "allow_private_hosts": allow_private_hosts,
        "allow_outside_paths": allow_outside_paths,
        "fail_on": fail_on,
        "allow_shrink": allow_shrink,
        "max_shrink": max_shrink,
    }
    with _run_errors(), _flow_status(verbose) as on_event:
        report = run_pipeline(config, on_event=on_event, **options)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        _print_run(report)
    if not report.ok:
        errors.print(f"[bold red]failed:[/] {escape(report.fail_reason or '')}", highlight=False)
        raise typer.Exit(1)


@contextmanager
def _run_errors() -> Iterator[None]:
    """A run or schedule refused before it starts: one error line and a hint, exit 2."""
    from mlefacts.publish.lock import RunLockedError
    from mlefacts.runner import ShrinkRefusedError
    from mlefacts.settings import SettingsError
    from mlefacts.sources.manifest import ManifestError

    try:
        yield
    except SettingsError as exc:
        _fail(str(exc), "every setting is listed in README's Settings table")
    except RunLockedError as exc:
        _fail(str(exc))
    except ManifestError as exc:
        _fail(str(exc), MANIFEST_HINT)
    except ShrinkRefusedError as exc:
        _fail(str(exc), "check the manifest, or pass --allow-shrink if the sources are meant to go")


def _print_run(report: RunReport) -> None:
    data_dir = Path(report.data_dir)
    style = "green" if report.status == "completed" else "yellow"
    console.print(
        f"[bold {style}]{report.status}[/] run {report.run_id} -> snapshot {report.snapshot_id}",
        highlight=False,
    )
    console.print(
        f"sources: {report.n_sources} ({report.n_sources_failed} failed, "
        f"{report.n_extracted} extracted, {report.n_cached} unchanged)  "
        f"claims: {report.n_claims}  rejections: {report.n_rejections}  "
        f"conflicts: {report.n_conflicts}",
        highlight=False,
    )
    console.print(
        "tables: " + ", ".join(f"{k}={v}" for k, v in report.counts.items()), highlight=False
    )
    console.print(f"data: {data_dir / 'curated'}", highlight=False)
    from mlefacts.api import figure_coverage

    console.print(
        f"figures: {figure_coverage(data_dir)} (the rest: mlefacts figures --unclaimed)",
        highlight=False,
    )
    if report.n_sources_failed:
        from mlefacts.api import load

        sources = load("sources", data_dir)
        for row in sources[sources["status"] == "error"].itertuples(index=False):
            console.print(f"[yellow]failed[/] {row.uri}: {row.error}", highlight=False)
        console.print(f"[dim]history of each source: mlefacts sources list --data-dir {data_dir}")
    else:
        console.print("[dim]next: mlefacts tables · mlefacts conflicts · mlefacts report[/]")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query over the curated tables and views.")],
    data_dir: DataDir = None,
    as_of: AsOf = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """Run a read-only SQL query (DuckDB) over the curated tables and print the result.

    Tables: sources, documents, claims, conflicts, facts, consensus, rejections, runs, fetches;
    typed views over claims: salaries, market_estimates, skills, responsibilities, shares,
    rankings, job_demand. Statements that write (CREATE, DROP, COPY...) are refused.

    Example: [bold]mlefacts sql "SELECT kind, count(*) AS n FROM claims GROUP BY kind"[/]
    """
    from mlefacts.api import query as run_query

    folder = _resolve(data_dir)
    try:
        frame = run_query(query, folder, snapshot=as_of)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    except ValueError as exc:
        _fail(str(exc), "write a SELECT; save results with --format csv > file.csv")
    _print_frame(frame, fmt)


@app.command()
def tables(data_dir: DataDir = None, as_of: AsOf = None, fmt: Format = OutputFormat.table) -> None:
    """List the curated tables and typed views with their row counts.

    Example: [bold]mlefacts tables[/]
    """
    from mlefacts.api import tables as count_tables

    folder = _resolve(data_dir)
    try:
        counts = count_tables(folder, snapshot=as_of)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    _print_rows([count.to_dict() for count in counts], ["table", "rows"], fmt, "curated tables")


@app.command()
def show(
    table: Annotated[str, typer.Argument(help="A table or view name (see `mlefacts tables`).")],
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(min=0, help="Rows to show (0 = all).")] = 20,
    as_of: AsOf = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """Show the rows of one table or view.

    Example: [bold]mlefacts show salaries --limit 5[/]
    """
    from mlefacts.api import load

    folder = _resolve(data_dir)
    try:
        frame = load(table, folder, snapshot=as_of)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    shown = frame.head(limit) if limit else frame
    _print_frame(shown, fmt, title=table)
    if fmt is OutputFormat.table and len(shown) < len(frame):
        console.print(f"[dim]first {len(shown)} of {len(frame)} rows; all: --limit 0[/]")


@app.command()
def figures(
    data_dir: DataDir = None,
    unclaimed: Annotated[
        bool, typer.Option("--unclaimed", help="Only the figures no claim states, with why.")
    ] = False,
    source: Annotated[
        str | None, typer.Option(help="One source: its id, or part of its URI or title.")
    ] = None,
    limit: Annotated[int, typer.Option(min=0, help="Rows to show (0 = all).")] = 50,
    as_of: AsOf = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """List every figure the sources state (money, percentages, counts...) and what became of
    it: claimed (with its claim ids) or skipped with a reason code.

    Example: [bold]mlefacts figures --unclaimed --source salary[/]
    """
    from mlefacts.api import figure_coverage
    from mlefacts.api import figures as list_figures

    folder = _resolve(data_dir)
    try:
        frame = list_figures(folder, unclaimed=unclaimed, source=source, snapshot=as_of)
        covered = figure_coverage(folder, snapshot=as_of)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    columns = ["source_id", "text", "figure_type", "status", "reason", "sentence"]
    shown = frame.head(limit) if limit else frame
    _print_frame(shown[columns] if fmt is OutputFormat.table else shown, fmt, title="figures")
    if fmt is OutputFormat.table:
        console.print(
            f"{covered}; by reason: mlefacts sql "
            '"SELECT reason, count(*) FROM figures GROUP BY reason"',
            highlight=False,
        )
        if len(shown) < len(frame):
            console.print(f"[dim]first {len(shown)} of {len(frame)} rows; all: --limit 0[/]")


@app.command()
def conflicts(
    data_dir: DataDir = None,
    severity: Annotated[Severity | None, typer.Option(help="Only this severity.")] = None,
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON records for scripts.")] = False,
    fail_on_error: Annotated[
        bool, typer.Option(help="Exit 1 when a conflict of severity error exists.")
    ] = False,
) -> None:
    """Print the conflicts between and within sources, with the arithmetic and the quotes.

    Example: [bold]mlefacts conflicts --severity warning[/]
    """
    from mlefacts.api import conflicts as list_conflicts

    folder = _resolve(data_dir)
    try:
        frame = list_conflicts(
            folder, severity=severity.value if severity else None, snapshot=as_of
        )
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    if as_json:
        _print_frame(frame.drop(columns=["sentences"]), OutputFormat.json)
    else:
        _print_conflicts(frame)
    if fail_on_error and (frame["severity"] == Severity.error.value).any():
        raise typer.Exit(1)


def _print_conflicts(frame: pd.DataFrame) -> None:
    colour = {"error": "red", "warning": "yellow", "info": "blue"}
    for row in frame.itertuples(index=False):
        console.print(
            f"[bold {colour.get(row.severity, 'white')}]{row.severity:<7}[/] "
            f"[cyan]{row.kind}[/] [bold]{row.subject}[/]: {row.detail}",
            highlight=False,
        )
        lines = [
            f"[dim]{escape(name)}:[/] “{escape(_shorten(sentence, MAX_SENTENCE))}”"
            for name, sentence in row.sentences
        ]
        more = len(lines) - QUOTES_PER_CONFLICT
        if more > 0:
            lines = [*lines[:QUOTES_PER_CONFLICT], f"[dim]… and {more} more[/]"]
        for line in lines:
            console.print(Padding(line, (0, 0, 0, 4), expand=False), highlight=False)
    from mlefacts.reconcile import DEFAULT_CONFIG

    console.print(f"[dim]{len(frame)} conflict(s)[/]")
    console.print(f"[dim]{DEFAULT_CONFIG.severity_rule()} (ReconcileConfig)[/]", highlight=False)


@app.command()
def snapshots(data_dir: DataDir = None, fmt: Format = OutputFormat.table) -> None:
    """List the published snapshots, oldest first; the current one is marked.

    Example: [bold]mlefacts snapshots[/]
    """
    from mlefacts.api import snapshots as list_snapshots
    from mlefacts.publish.catalog import NoSnapshotError

    folder = _resolve(data_dir)
    try:
        summaries = list_snapshots(folder)
    except NoSnapshotError:
        _fail_unpublished(folder)
    columns = ["snapshot", "current", "claims", "conflicts"]
    _print_rows([summary.to_dict() for summary in summaries], columns, fmt, "snapshots")


@app.command()
def verify(
    data_dir: DataDir = None,
    all_snapshots: Annotated[
        bool, typer.Option("--all", help="Every kept snapshot, not only the current one.")
    ] = False,
) -> None:
    """Check published snapshots against the sha256 of every file their manifest recorded.

    Exit code 1 when a file is missing, extra or damaged (a run repairs the current snapshot
    by switching back to the newest sound one; `mlefacts rollback` does it by hand).

    Example: [bold]mlefacts verify --all[/]
    """
    from mlefacts.api import verify as verify_snapshots
    from mlefacts.publish.catalog import NoSnapshotError

    folder = _resolve(data_dir)
    try:
        results = verify_snapshots(folder, all_snapshots=all_snapshots)
    except NoSnapshotError:
        _fail_unpublished(folder)
    for snapshot, problems in results.items():
        if not problems:
            console.print(f"{snapshot}: ok", highlight=False)
        for problem in problems:
            console.print(f"[red]{snapshot}: {escape(problem)}[/]", highlight=False)
    if any(results.values()):
        errors.print(
            "[dim]hint:[/] switch to a sound snapshot with: mlefacts rollback SNAPSHOT",
            highlight=False,
        )
        raise typer.Exit(1)


@app.command()
def rollback(
    snapshot: Annotated[str, typer.Argument(help="The snapshot to make current again.")],
    data_dir: DataDir = None,
) -> None:
    """Make an earlier snapshot current again (verified first, switched atomically).

    Example: [bold]mlefacts rollback 20260101T060000000000Z-1a2b3c4d[/] (ids: mlefacts snapshots)
    """
    from mlefacts.api import rollback as switch_back
    from mlefacts.publish.lock import RunLockedError
    from mlefacts.publish.snapshots import SnapshotDamagedError

    folder = _resolve(data_dir)
    try:
        switch_back(snapshot, folder)
    except SnapshotDamagedError as exc:
        _fail(str(exc), "find a sound one with: mlefacts verify --all")
    except LookupError as exc:
        _fail(str(exc), "list the snapshots with: mlefacts snapshots")
    except RunLockedError as exc:
        _fail(str(exc))
    console.print(f"current snapshot: {snapshot}", highlight=False)


# The diff columns a readable table shows; csv and json carry every column.
_DIFF_SHOWN = ["change", "source_id", "kind", "subject", "old_value", "new_value", "quote"]


@app.command()
def diff(
    old: Annotated[str | None, typer.Argument(help="Older snapshot (default: previous).")] = None,
    new: Annotated[str | None, typer.Argument(help="Newer snapshot (default: current).")] = None,
    data_dir: DataDir = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """List the claims added, removed and changed between two snapshots.

    Example: [bold]mlefacts diff[/] (the previous snapshot against the current one)
    """
    from mlefacts.api import diff as diff_claims
    from mlefacts.publish.catalog import NoSnapshotError

    folder = _resolve(data_dir)
    try:
        frame = diff_claims(old, new, folder)
    except NoSnapshotError:
        _fail_unpublished(folder)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    if fmt is not OutputFormat.table:
        _print_frame(frame, fmt)
        return
    if frame.empty:
        console.print(f"no claim changed ({old or 'previous'} -> {new or 'current'})")
        return
    _print_frame(frame[_DIFF_SHOWN], fmt, title=f"claims {old or 'previous'} -> {new or 'current'}")
    summary = frame["change"].value_counts().sort_index()
    console.print(", ".join(f"{n} {change}" for change, n in summary.items()))


@sources_app.command("list")
def sources_list(
    sources: Manifest = None, data_dir: DataDir = None, fmt: Format = OutputFormat.table
) -> None:
    """Show each source of the manifest with its last fetch status.

    Example: [bold]mlefacts sources list --sources my_sources.toml[/]
    """
    from mlefacts.api import list_sources
    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import ManifestError

    folder = _resolve(data_dir)
    try:
        statuses = list_sources(folder, sources=sources)
    except ManifestError as exc:
        _fail(str(exc), "add a source with: mlefacts sources add URL --sources FILE")
    columns = ["source_id", "uri", "title", "last_status", "last_fetched", "error"]
    title = str(sources or default_manifest(folder))
    _print_rows([status.to_dict() for status in statuses], columns, fmt, title)


@sources_app.command("add")
def sources_add(
    uri: Annotated[
        str,
        typer.Argument(help="An http(s) URL, or a file (absolute, or relative to the manifest)."),
    ],
    sources: Manifest = None,
    data_dir: DataDir = None,
    title: Annotated[str | None, typer.Option(help="Title of the article.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    license: Annotated[
        str | None, typer.Option(help="Licence of the content, e.g. CC-BY-4.0.")
    ] = None,
    page_url: Annotated[
        str | None, typer.Option(help="The page a local copy was saved from (http(s) URL).")
    ] = None,
    accessed: Annotated[
        str | None, typer.Option(help="When the page was accessed, YYYY-MM-DD.")
    ] = None,
    citation: Annotated[
        str | None, typer.Option(help="How to cite it (default: composed from the rest).")
    ] = None,
) -> None:
    """Append a source to a manifest: --sources, else sources.toml in the data directory
    (created with the bundled sources that live in the data directory; never the bundled file).

    Example: [bold]mlefacts sources add https://example.com/ml-engineer --title "ML roles"
    --sources my_sources.toml[/]
    """
    from mlefacts.api import add_source
    from mlefacts.sources.manifest import ManifestError

    folder = _resolve(data_dir)
    try:
        added = add_source(
            uri,
            folder,
            sources=sources,
            title=title,
            publisher=publisher,
            published=published,
            license=license,
            page_url=page_url,
            accessed=accessed,
            citation=citation,
        )
    except FileNotFoundError as exc:
        from mlefacts.config import user_manifest

        folder_of = (sources or user_manifest(folder)).parent
        _fail(
            str(exc),
            f"a local source is an absolute path or a path relative to the manifest's folder "
            f"{folder_of}",
        )
    except ManifestError as exc:
        _fail(str(exc))
    console.print(f"added {added.uri} as {added.source_id} to {added.manifest}", highlight=False)
    for warning in added.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    shown = f"--sources {added.manifest}" if sources else f"--data-dir {folder}"
    console.print(f"[dim]fetch it with: mlefacts run {shown}[/]", highlight=False)


@schemas_app.command("export")
def schemas_export(
    out: Annotated[
        Path | None, typer.Option(help="Output folder (default: schemas/ in the repository).")
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Write nothing; exit 1 when the files differ from the code.")
    ] = False,
) -> None:
    """Export the Pandera schema of every table as JSON (run after changing a schema).

    Example: [bold]mlefacts schemas export[/]   (CI: [bold]mlefacts schemas export --check[/])
    """
    from mlefacts.api import check_schemas, export_schemas, schemas_folder

    folder = schemas_folder(out)
    if check:
        stale = check_schemas(folder)
        if stale:
            errors.print(f"out of date in {folder}: {', '.join(stale)}", highlight=False)
            errors.print(f"[dim]hint:[/] refresh them with: mlefacts schemas export --out {folder}")
            raise typer.Exit(1)
        console.print(f"{folder} matches the schemas in code", highlight=False)
        return
    for path in export_schemas(folder):
        console.print(f"wrote {path}", highlight=False)


@app.command()
def schedule(
    cron: Annotated[
        str, typer.Option(help="Cron expression, e.g. '0 6 * * *' (06:00 daily), in --timezone.")
    ],
    timezone: Annotated[
        str,
        typer.Option(help="IANA time zone the cron expression is read in, e.g. Europe/Paris."),
    ] = "UTC",
    config: ConfigFile = None,
    sources: Manifest = None,
    data_dir: DataDir = None,
    keep_snapshots: KeepSnapshots = None,
    allow_private_hosts: AllowPrivateHosts = None,
    allow_outside_paths: AllowOutsidePaths = None,
    fail_on: FailOnOption = None,
    allow_shrink: AllowShrink = None,
    max_shrink: MaxShrink = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "mlefacts-scheduled",
) -> None:
    """Serve the flow on a cron schedule through a running Prefect server (until Ctrl-C).

    The cron expression is read in UTC unless --timezone is given. Each scheduled run takes
    the settings this command resolves (--config, MLEFACTS_* variables, flags), stored as the
    deployment's parameters. The schedule stays active when this command stops: start it
    again (or let a service manager restart it) and it carries on.

    Needs a real Prefect API (schedules never fire on the temporary server): start one with
    `prefect server start` and `export PREFECT_API_URL=http://127.0.0.1:4200/api`.

    Example: [bold]mlefacts schedule --cron "0 6 * * *" --timezone Europe/Paris --config
    mlefacts.toml[/]
    """
    from mlefacts.api import schedule as serve
    from mlefacts.flows.scheduling import PrefectUnavailableError, UnknownTimezoneError

    options = {
        "sources": sources,
        "data_dir": data_dir,
        "keep_snapshots": keep_snapshots,
        "allow_private_hosts": allow_private_hosts,
        "allow_outside_paths": allow_outside_paths,
        "fail_on": fail_on,
        "allow_shrink": allow_shrink,
        "max_shrink": max_shrink,
    }
    with _run_errors():
        try:
            serve(cron, timezone=timezone, name=name, config=config, **options)
        except UnknownTimezoneError as exc:
            _fail(str(exc), "use an IANA name such as UTC, Europe/Paris or America/New_York")
        except PrefectUnavailableError as exc:
            _fail(str(exc))
        except ValueError as exc:
            if "cron" not in str(exc):
                raise
            _fail(str(exc), "a cron expression has five fields, e.g. '0 6 * * *'")


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            help="Folder for report.html, report.md and the SVG charts (default: report/ in "
            "the data directory)."
        ),
    ] = None,
    data_dir: DataDir = None,
    as_of: AsOf = None,
) -> None:
    """Write an HTML report (and the same in Markdown) with charts on the published data.

    Sources and their status, claims per kind, the conflicts with their sentences, market
    estimates over the years, salaries, percentage breakdowns, skills. Written to report/ in
    the data directory unless --out says where.

    Example: [bold]mlefacts report --out ./report[/] then open ./report/report.html
    """
    from mlefacts.api import write_report

    folder = _resolve(data_dir)
    try:
        files = write_report(folder, out=out, snapshot=as_of)
    except _reading_errors() as exc:
        _fail_reading(exc, folder)
    console.print(f"wrote {files.html} (open it in a browser)", highlight=False)
    console.print(f"wrote {files.markdown}", highlight=False)
    console.print(
        f"wrote {len(files.charts)} chart(s) in {Path(files.html).parent}", highlight=False
    )


if __name__ == "__main__":
    app()

"""The `mlefacts` command line: a thin layer over `mlefacts.api` and the publish modules.

Exit codes: 0 success; 1 the work ran but found problems (a run with failed sources, conflicts
of severity error with --fail-on-error); 2 bad usage or input (unknown table, bad SQL, no data
published yet, a locked data directory).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from mlefacts.prefect_defaults import apply_prefect_defaults

apply_prefect_defaults()

app = typer.Typer(
    name="mlefacts",
    help="Facts about the Machine Learning Engineer role, extracted from web articles with "
    "provenance, validated, reconciled and published as Parquet + DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
sources_app = typer.Typer(help="List and add the sources in a manifest.", no_args_is_help=True)
schemas_app = typer.Typer(help="The published table schemas.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(schemas_app, name="schemas")

console = Console()
errors = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Directory holding raw/ and curated/ (default: $MLEFACTS_DATA_DIR or the repo root).",
    ),
]
Manifest = Annotated[
    Path | None,
    typer.Option("--sources", help="Sources manifest (TOML). Default: raw/bundled/sources.toml."),
]
Format = Annotated[str, typer.Option("--format", "-f", help="Output format: table, csv or json.")]


def _fail(message: str, hint: str | None = None, code: int = 2) -> None:
    errors.print(f"[bold red]error:[/] {message}")
    if hint:
        errors.print(f"[dim]{hint}[/]")
    raise typer.Exit(code)


def _print_frame(frame: pd.DataFrame, fmt: str, *, title: str | None = None) -> None:
    """Print a DataFrame as a rich table, CSV or JSON records."""
    if fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt == "table":
        table = Table(title=title, show_lines=False, header_style="bold cyan")
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*("" if _is_missing(v) else str(v) for v in row))
        console.print(table)
        console.print(f"[dim]{len(frame)} row(s)[/]")
    else:
        _fail(f"unknown format {fmt!r}", "use --format table, csv or json")


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _data_errors() -> tuple[type[BaseException], ...]:
    import duckdb

    return (FileNotFoundError, LookupError, ValueError, duckdb.Error)


@app.command()
def run(
    sources: Manifest = None,
    data_dir: DataDir = None,
    batch_size: Annotated[int, typer.Option(help="Sources per Prefect task.")] = 100,
    keep_snapshots: Annotated[int, typer.Option(help="Published snapshots to keep.")] = 10,
    runner: Annotated[
        str, typer.Option(help="Task runner: 'default' (threads) or 'dask' (prefect-dask).")
    ] = "default",
    dask_address: Annotated[
        str | None,
        typer.Option(help="Existing Dask scheduler, e.g. tcp://HOST:8786 (with --runner dask)."),
    ] = None,
    allow_private_hosts: Annotated[
        bool, typer.Option(help="Allow URL sources on loopback/private addresses.")
    ] = False,
    allow_outside_paths: Annotated[
        bool, typer.Option(help="Allow manifest paths outside the manifest's directory.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run record as JSON.")] = False,
) -> None:
    """Run the pipeline: ingest, extract, validate, reconcile and publish.

    Example: [bold]mlefacts run --sources my_sources.toml --data-dir ./data[/]
    """
    from mlefacts.api import run as run_flow
    from mlefacts.publish.lock import RunLockedError
    from mlefacts.sources.manifest import ManifestError

    if runner not in {"default", "dask"}:
        _fail(f"unknown runner {runner!r}", "use --runner default or --runner dask")
    try:
        record = run_flow(
            sources=sources,
            data_dir=data_dir,
            batch_size=batch_size,
            keep_snapshots=keep_snapshots,
            runner=runner,  # type: ignore[arg-type]
            dask_address=dask_address,
            allow_private_hosts=allow_private_hosts,
            allow_outside_paths=allow_outside_paths,
        )
    except RunLockedError as exc:
        _fail(str(exc))
    except ManifestError as exc:
        _fail(str(exc), "check the manifest: one \\[[source]] table per source with a uri")
    except ValueError as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(record, indent=2) + "\n")
    else:
        _print_run(record)
    if record["status"] != "completed":
        raise typer.Exit(1)


def _print_run(record: dict[str, Any]) -> None:
    counts = json.loads(record["counts"])
    style = "green" if record["status"] == "completed" else "yellow"
    console.print(
        f"[bold {style}]{record['status']}[/] run {record['run_id']} -> snapshot "
        f"{record['snapshot_id']}"
    )
    console.print(
        f"sources: {record['n_sources']} ({record['n_sources_failed']} failed, "
        f"{record['n_extracted']} extracted, {record['n_cached']} unchanged)  "
        f"claims: {record['n_claims']}  rejections: {record['n_rejections']}  "
        f"conflicts: {record['n_conflicts']}"
    )
    console.print("tables: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    if record["n_sources_failed"]:
        console.print("[yellow]see failed sources:[/] mlefacts sources list")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL statement over the curated tables.")],
    data_dir: DataDir = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Query an older snapshot (see `snapshots`).")
    ] = None,
    fmt: Format = "table",
) -> None:
    """Run SQL over the curated tables (read-only) and print the result.

    Example: [bold]mlefacts sql "SELECT kind, count(*) AS n FROM claims GROUP BY kind"[/]
    """
    from mlefacts.api import query as run_query

    try:
        frame = run_query(query, data_dir, snapshot=as_of)
    except _data_errors() as exc:
        _fail(str(exc), "tables: mlefacts tables; publish data first with: mlefacts run")
    _print_frame(frame, fmt)


@app.command()
def tables(data_dir: DataDir = None, fmt: Format = "table") -> None:
    """List the curated tables and views with their row counts.

    Example: [bold]mlefacts tables[/]
    """
    from mlefacts.api import connect

    try:
        con = connect(data_dir)
        names = [
            row[0]
            for row in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1"
            ).fetchall()
        ]
        rows = [
            {"table": name, "rows": con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]}
            for name in names
        ]
    except _data_errors() as exc:
        _fail(str(exc), "publish data first with: mlefacts run")
    _print_frame(pd.DataFrame(rows), fmt, title="curated tables")


@app.command()
def show(
    table: Annotated[str, typer.Argument(help="A table or view name (see `mlefacts tables`).")],
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(help="Rows to show (0 = all).")] = 20,
    as_of: Annotated[str | None, typer.Option("--as-of", help="An older snapshot.")] = None,
    fmt: Format = "table",
) -> None:
    """Show the rows of one table.

    Example: [bold]mlefacts show salaries --limit 5[/]
    """
    from mlefacts.api import load

    try:
        frame = load(table, data_dir, snapshot=as_of)
    except _data_errors() as exc:
        _fail(str(exc), "list the tables with: mlefacts tables")
    _print_frame(frame.head(limit) if limit else frame, fmt, title=table)


@app.command()
def conflicts(
    data_dir: DataDir = None,
    severity: Annotated[
        str | None, typer.Option(help="Only this severity: info, warning or error.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON records for scripts.")] = False,
    fail_on_error: Annotated[
        bool, typer.Option(help="Exit 1 when a conflict of severity error exists.")
    ] = False,
) -> None:
    """Print the conflicts between and within sources, with the arithmetic.

    Example: [bold]mlefacts conflicts --severity error[/]
    """
    from mlefacts.api import load

    try:
        frame = load("conflicts", data_dir)
    except _data_errors() as exc:
        _fail(str(exc), "publish data first with: mlefacts run")
    if severity:
        frame = frame[frame["severity"] == severity]
    order = {"error": 0, "warning": 1, "info": 2}
    frame = frame.sort_values(
        ["severity", "kind", "conflict_id"],
        key=lambda s: s.map(order) if s.name == "severity" else s,
    )
    if as_json:
        _print_frame(frame, "json")
    else:
        colour = {"error": "red", "warning": "yellow", "info": "blue"}
        for row in frame.itertuples(index=False):
            console.print(
                f"[bold {colour.get(row.severity, 'white')}]{row.severity:<7}[/] "
                f"[cyan]{row.kind}[/] {row.subject}: {row.detail}"
            )
        console.print(f"[dim]{len(frame)} conflict(s)[/]")
    if fail_on_error and (frame["severity"] == "error").any():
        raise typer.Exit(1)


@app.command()
def snapshots(data_dir: DataDir = None, fmt: Format = "table") -> None:
    """List the published snapshots, newest last; the current one is marked.

    Example: [bold]mlefacts snapshots[/]
    """
    from mlefacts.config import default_data_dir
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots

    curated = (data_dir or default_data_dir()) / "curated"
    current = current_snapshot(curated)
    rows = [{"snapshot": s, "current": s == current} for s in list_snapshots(curated)]
    _print_frame(pd.DataFrame(rows, columns=["snapshot", "current"]), fmt, title="snapshots")


@app.command()
def diff(
    old: Annotated[str | None, typer.Argument(help="Older snapshot (default: previous).")] = None,
    new: Annotated[str | None, typer.Argument(help="Newer snapshot (default: current).")] = None,
    data_dir: DataDir = None,
    fmt: Format = "table",
) -> None:
    """List claims added, removed and changed between two snapshots.

    Example: [bold]mlefacts diff[/]   (previous snapshot -> current)
    """
    from mlefacts.config import default_data_dir
    from mlefacts.publish.diff import diff_snapshots

    curated = (data_dir or default_data_dir()) / "curated"
    try:
        frame = diff_snapshots(curated, old, new)
    except _data_errors() as exc:
        _fail(str(exc), "list the snapshots with: mlefacts snapshots")
    _print_frame(frame, fmt, title=f"changes {old or 'previous'} -> {new or 'current'}")


@sources_app.command("list")
def sources_list(sources: Manifest = None, data_dir: DataDir = None, fmt: Format = "table") -> None:
    """Show each source of the manifest with its last fetch status.

    Example: [bold]mlefacts sources list[/]
    """
    from mlefacts.config import default_data_dir, default_manifest
    from mlefacts.sources.manifest import ManifestError, load_manifest
    from mlefacts.sources.rawzone import RawZone

    manifest = sources or default_manifest()
    try:
        specs = load_manifest(manifest)
    except (ManifestError, OSError) as exc:
        _fail(str(exc))
    raw = RawZone((data_dir or default_data_dir()) / "raw")
    rows = []
    for spec in specs:
        last = raw.last_fetch(spec.source_id) or {}
        rows.append(
            {
                "source_id": spec.source_id,
                "uri": spec.uri,
                "title": spec.title,
                "last_status": last.get("status", "never fetched"),
                "last_fetched": last.get("time") or last.get("attempted_at"),
                "error": last.get("error"),
            }
        )
    _print_frame(pd.DataFrame(rows), fmt, title=str(manifest))


@sources_app.command("add")
def sources_add(
    uri: Annotated[str, typer.Argument(help="An http(s) URL, or a path relative to the manifest.")],
    sources: Manifest = None,
    title: Annotated[str | None, typer.Option(help="Title of the article.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
) -> None:
    """Append a source to the manifest.

    Example: [bold]mlefacts sources add https://example.com/ml-engineer --title "ML roles"[/]
    """
    import datetime as dt

    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import ManifestError, add_source

    try:
        date = dt.date.fromisoformat(published) if published else None
        spec = add_source(
            sources or default_manifest(), uri, title=title, publisher=publisher, published=date
        )
    except (ManifestError, ValueError) as exc:
        _fail(str(exc))
    console.print(f"added {spec.uri} as {spec.source_id}")


@schemas_app.command("export")
def schemas_export(
    out: Annotated[
        Path | None, typer.Option(help="Output folder (default: schemas/ in the repo).")
    ] = None,
) -> None:
    """Export the Pandera schemas of every table (run after changing a schema).

    Example: [bold]mlefacts schemas export[/]
    """
    from mlefacts.config import default_data_dir
    from mlefacts.publish.schema_export import export_schemas

    paths = export_schemas(out or default_data_dir() / "schemas")
    for path in paths:
        console.print(f"wrote {path}")


@app.command()
def schedule(
    cron: Annotated[str, typer.Option(help="Cron expression, e.g. '0 6 * * *'.")],
    sources: Manifest = None,
    data_dir: DataDir = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "mlefacts-scheduled",
) -> None:
    """Serve the flow on a cron schedule through a running Prefect server.

    Needs a real Prefect API (schedules never fire on the temporary server): start one with
    `prefect server start` and `export PREFECT_API_URL=http://127.0.0.1:4200/api`.

    Example: [bold]mlefacts schedule --cron "0 6 * * *"[/]
    """
    from mlefacts.scheduling import PrefectUnavailableError, serve_schedule

    try:
        serve_schedule(cron=cron, sources=sources, data_dir=data_dir, name=name)
    except PrefectUnavailableError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(str(exc), "a cron expression has five fields, e.g. '0 6 * * *'")


if __name__ == "__main__":
    app()

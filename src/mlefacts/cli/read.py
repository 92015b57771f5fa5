"""The commands that read the curated data: sql, tables, show, figures, conflicts.

They import what reading needs and no more (no Prefect, Pandera or matplotlib; `sql`, `tables`
and `show` no pandas either), so they answer at once in a new process.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.padding import Padding

from mlefacts.cli.errors import fail, fail_reading, reading_errors, resolve
from mlefacts.cli.options import AsOf, DataDir, Format
from mlefacts.cli.render import (
    OutputFormat,
    console,
    print_rows,
    record_rows,
    rows_of,
    shorten,
)
from mlefacts.contract import TABLE_NAMES
from mlefacts.publish.views import TYPED_VIEW_NAMES

if TYPE_CHECKING:
    from mlefacts.results import Rows

# Sentences shown under each conflict, and the longest shown whole.
QUOTES_PER_CONFLICT = 3
MAX_SENTENCE = 400


class Severity(StrEnum):
    """Conflict severities, most serious first."""

    error = "error"
    warning = "warning"
    info = "info"


def sql(
    query: Annotated[str, typer.Argument(help="A SQL query over the curated tables and views.")],
    data_dir: DataDir = None,
    as_of: AsOf = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """Run a read-only SQL query (DuckDB) over the curated tables and print the result.

    Tables: {tables}; typed views over claims: {views}.
    Statements that write (CREATE, DROP, COPY...) are refused.

    Example: [bold]mlefacts sql "SELECT kind, count(*) AS n FROM claims GROUP BY kind"[/]
    """
    from mlefacts.api import query_rows

    folder = resolve(data_dir)
    try:
        rows = query_rows(query, folder, snapshot=as_of)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    except ValueError as exc:
        fail(str(exc), "write a SELECT; save results with --format csv > file.csv")
    print_rows(rows, fmt)


# The help names the tables and views of the contract, so it cannot fall behind them.
sql.__doc__ = (sql.__doc__ or "").format(
    tables=", ".join(TABLE_NAMES), views=", ".join(TYPED_VIEW_NAMES)
)


def tables(data_dir: DataDir = None, as_of: AsOf = None, fmt: Format = OutputFormat.table) -> None:
    """List the curated tables and typed views with their row counts.

    Example: [bold]mlefacts tables[/]
    """
    from mlefacts.api import tables as count_tables

    folder = resolve(data_dir)
    try:
        counts = count_tables(folder, snapshot=as_of)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    records = [count.to_dict() for count in counts]
    print_rows(record_rows(records, ["table", "rows"]), fmt, title="curated tables")


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
    from mlefacts.api import table_rows

    folder = resolve(data_dir)
    try:
        rows = table_rows(table, folder, limit=limit or None, snapshot=as_of)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    print_rows(rows, fmt, title=table)
    if fmt is OutputFormat.table and len(rows.values) < rows.total:
        console.print(f"[dim]first {len(rows.values)} of {rows.total} rows; all: --limit 0[/]")


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
    from mlefacts.api import figure_coverage, figure_rows

    folder = resolve(data_dir)
    try:
        rows = figure_rows(
            folder, unclaimed=unclaimed, source=source, limit=limit or None, snapshot=as_of
        )
        covered = figure_coverage(folder, snapshot=as_of)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    if fmt is OutputFormat.table:
        rows = rows_of(rows, ["source_id", "text", "figure_type", "status", "reason", "sentence"])
    print_rows(rows, fmt, title="figures")
    if fmt is OutputFormat.table:
        console.print(
            f"{covered}; by reason: mlefacts sql "
            '"SELECT reason, count(*) FROM figures GROUP BY reason"',
            highlight=False,
        )
        if len(rows.values) < rows.total:
            console.print(f"[dim]first {len(rows.values)} of {rows.total} rows; all: --limit 0[/]")


def conflicts(
    data_dir: DataDir = None,
    severity: Annotated[Severity | None, typer.Option(help="Only this severity.")] = None,
    as_of: AsOf = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON records for scripts.")] = False,
    fail_on_error: Annotated[
        bool, typer.Option(help="Exit 1 when a conflict of severity error exists.")
    ] = False,
    limit: Annotated[
        int, typer.Option(min=0, help="Conflicts to show, most serious first (0 = all).")
    ] = 50,
) -> None:
    """Print the conflicts between and within sources, with the arithmetic and the quotes.

    Example: [bold]mlefacts conflicts --severity warning[/]
    """
    from mlefacts.api import conflict_rows

    folder = resolve(data_dir)
    try:
        rows = conflict_rows(
            folder,
            severity=severity.value if severity else None,
            limit=limit or None,
            snapshot=as_of,
        )
    except reading_errors() as exc:
        fail_reading(exc, folder)
    if as_json:
        columns = [column for column in rows.columns if column != "sentences"]
        print_rows(rows_of(rows, columns), OutputFormat.json)
    else:
        _print_conflicts(rows)
    if fail_on_error and any(row["severity"] == Severity.error.value for row in rows.to_dict()):
        raise typer.Exit(1)


def _print_conflicts(rows: Rows) -> None:
    colour = {"error": "red", "warning": "yellow", "info": "blue"}
    for row in rows.to_dict():
        console.print(
            f"[bold {colour.get(row['severity'], 'white')}]{row['severity']:<7}[/] "
            f"[cyan]{escape(row['kind'])}[/] [bold]{escape(row['subject'])}[/]: "
            f"{escape(str(row['detail']))}",
            highlight=False,
        )
        lines = [
            f"[dim]{escape(name)}:[/] “{escape(shorten(sentence, MAX_SENTENCE))}”"
            for name, sentence in row["sentences"]
        ]
        more = len(lines) - QUOTES_PER_CONFLICT
        if more > 0:
            lines = [*lines[:QUOTES_PER_CONFLICT], f"[dim]… and {more} more[/]"]
        for line in lines:
            console.print(Padding(line, (0, 0, 0, 4), expand=False), highlight=False)
    from mlefacts.reconcile.config import DEFAULT_CONFIG

    console.print(f"[dim]{rows.total} conflict(s)[/]")
    if len(rows.values) < rows.total:
        console.print(f"[dim]the {len(rows.values)} most serious shown; all: --limit 0[/]")
    console.print(f"[dim]{DEFAULT_CONFIG.severity_rule()} (ReconcileConfig)[/]", highlight=False)

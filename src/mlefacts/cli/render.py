"""How commands print results: a rich table for people (long cells cut, one block per row when
the table is too wide for the terminal), CSV or JSON records for scripts (full values).

Everything is printed from `Rows` (plain Python values), so the read commands need no pandas;
a command whose API result is a DataFrame turns it into rows with `frame_rows`. Cells, column
names and titles reach Rich as `Text`, never as markup: a page's '[edit]' or '[/]' is data.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from mlefacts.results import Rows

if TYPE_CHECKING:
    import pandas as pd

console = Console()
errors = Console(stderr=True)

# Longest cell shown in a rich table; csv and json always carry the full value.
MAX_CELL = 160
# Words longer than this (hashes, long ids) may be broken across lines in a table; a table
# that cannot show every other word whole is printed as one block per row instead.
MAX_WORD = 32
# DuckDB types printed right-aligned.
NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE")


class OutputFormat(StrEnum):
    """How listing commands print their rows."""

    table = "table"
    csv = "csv"
    json = "json"


def print_rows(rows: Rows, fmt: OutputFormat, *, title: str | None = None) -> None:
    """Print rows as a rich table, CSV or JSON records."""
    if fmt is OutputFormat.json:
        records = [
            {column: _plain(value) for column, value in record.items()} for record in rows.to_dict()
        ]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows([_csv_cell(value) for value in row] for row in rows.values)
        return
    cells = [[_cell(value) for value in row] for row in rows.values]
    needed = sum(_longest_word(column, cells, i) + 3 for i, column in enumerate(rows.columns)) + 1
    if needed > console.width:
        _print_blocks(rows.columns, cells, title=title)
    else:
        table = Table(title=Text(title) if title else None, header_style="bold cyan")
        for column, kind in zip(rows.columns, rows.types, strict=True):
            numeric = kind in NUMERIC_TYPES or kind.startswith("DECIMAL")
            table.add_column(Text(column), overflow="fold", justify="right" if numeric else "left")
        for row in cells:
            table.add_row(*map(Text, row))
        console.print(table)
    console.print(f"[dim]{len(rows.values)} row(s)[/]")


def record_rows(records: list[dict[str, Any]], columns: list[str]) -> Rows:
    """Rows of an API result's records (`to_dict()`): a column is numeric when its values are."""
    values = [tuple(record.get(column) for column in columns) for record in records]
    types = [
        "DOUBLE" if all(_is_number(row[i]) for row in values if row[i] is not None) else "VARCHAR"
        for i in range(len(columns))
    ]
    return Rows(columns, types, values, len(values))


def rows_of(rows: Rows, columns: list[str]) -> Rows:
    """Only these columns of `rows`, in this order."""
    at = [rows.columns.index(column) for column in columns]
    return Rows(
        columns,
        [rows.types[i] for i in at],
        [tuple(row[i] for i in at) for row in rows.values],
        rows.total,
    )


def frame_rows(frame: pd.DataFrame) -> Rows:
    """Rows of a DataFrame result (missing values as None, numpy scalars as Python ones)."""
    kinds = {"i": "BIGINT", "u": "BIGINT", "f": "DOUBLE", "b": "BOOLEAN"}
    types = [kinds.get(dtype.kind, "VARCHAR") for dtype in frame.dtypes]
    plain = frame.astype(object).where(frame.notna(), None)
    values = [tuple(_plain(value) for value in row) for row in plain.itertuples(index=False)]
    return Rows([str(column) for column in frame.columns], types, values, len(values))


def shorten(text: str, limit: int) -> str:
    """The text on one line (runs of whitespace as one space), cut at `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _plain(value: Any) -> Any:
    """A value JSON can carry: NaN as None, numpy scalars as Python ones, dates in ISO form."""
    if hasattr(value, "item") and not isinstance(value, list | dict):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _csv_cell(value: Any) -> Any:
    """A CSV cell: empty for a missing value, JSON for a STRUCT or LIST, else the value."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return shorten(str(value), MAX_CELL)


def _longest_word(column: str, cells: list[list[str]], index: int) -> int:
    """The width a column needs so that no word in it is broken (long hashes excepted)."""
    texts = [column, *(row[index] for row in cells)]
    return min(max(len(word) for text in texts for word in text.split() or [""]), MAX_WORD)


def _print_blocks(columns: list[str], cells: list[list[str]], *, title: str | None) -> None:
    """Rows too wide for the terminal, one block per row (empty values left out)."""
    if title:
        console.print(f"[bold]{escape(title)}[/]", highlight=False)
    for number, row in enumerate(cells, start=1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold cyan", no_wrap=True)
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row, strict=True):
            if value:
                grid.add_row(Text(column), Text(value))
        console.rule(f"row {number}", align="left", style="dim")
        console.print(grid, highlight=False)

"""Lazy validation that splits a table into rows that keep the contract and rejected rows.

Bad data is expected (articles are messy) and must not stop a run: each failing row leaves its
table and becomes a `rejections` row that says which column failed which check with which value.
A table that lacks a column is different: that is a bug in the code that built it, so it raises.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import pandera.pandas as pa

from mlefacts.contract import TABLE_COLUMNS
from mlefacts.schemas import ROW_CHECK_COLUMNS, table_schema

REJECTION_COLUMNS = TABLE_COLUMNS["rejections"]
_MAX_SHOWN_CHARS = 80


class TableSchemaError(ValueError):
    """A whole table breaks the contract (a missing column, a check that cannot run)."""


def validate_table(
    name: str, df: pd.DataFrame, *, run_id: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate `df` against the model of table `name`: (valid rows, rejection rows).

    Valid rows are coerced to the model's dtypes, model columns first; rejected rows never reach
    them. A value repeated in a unique column keeps its first row and rejects the others.
    """
    schema = table_schema(name)
    frame = df.reset_index(drop=True)
    _require_columns(name, schema, frame)
    reasons: dict[int, set[str]] = defaultdict(set)
    for index, reason in _duplicate_failures(schema, frame):
        reasons[index].add(reason)
    # Dropping no row still copies every column: most tables have no failing row.
    remaining = frame.drop(index=list(reasons)) if reasons else frame
    while True:
        try:
            valid = schema.validate(remaining, lazy=True)
            break
        except pa.errors.SchemaErrors as errors:
            failures = _row_failures(name, schema, frame, errors.failure_cases)
        for index, reason in failures:
            reasons[index].add(reason)
        remaining = frame.drop(index=list(reasons))
    rejections = _rejections(name, frame, reasons, run_id=run_id)
    return _ordered(schema, valid).reset_index(drop=True), rejections


def validate_tables(
    tables: Mapping[str, pd.DataFrame], *, run_id: str
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Validate tables lazily; failing rows leave their table and come back as rejections."""
    valid: dict[str, pd.DataFrame] = {}
    rejected: list[pd.DataFrame] = []
    for name, frame in tables.items():
        good, bad = validate_table(name, frame, run_id=run_id)
        valid[name] = good
        if not bad.empty:
            rejected.append(bad)
    return valid, concat_rejections(rejected)


def concat_rejections(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Rejection frames as one (with the rejection columns even when there are none)."""
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return empty_table("rejections")
    return pd.concat(frames, ignore_index=True)


def empty_table(name: str) -> pd.DataFrame:
    """A table with no rows, still with the table's columns."""
    return pd.DataFrame(columns=list(table_schema(name).columns))


def repeat_rejections(name: str, frame: pd.DataFrame, column: str, *, run_id: str) -> pd.DataFrame:
    """Rejections for rows whose `column` repeats the value of a row kept earlier, worded as
    `validate_table` words them: the whole-run check behind the per-batch one."""
    frame = frame.reset_index(drop=True)
    reasons = {
        index: {f"column {column!r} failed check unique: value {_show(value)} repeats"}
        for index, value in frame[column].items()
    }
    return _rejections(name, frame, reasons, run_id=run_id)


def orphan_rejections(
    name: str, frame: pd.DataFrame, column: str, referenced: str, *, run_id: str
) -> pd.DataFrame:
    """Rejections for rows whose `column` names no row of table `referenced` (a foreign key:
    a claim of a source whose own row was rejected cannot be cited)."""
    frame = frame.reset_index(drop=True)
    reasons = {
        index: {
            f"column {column!r} failed check foreign key: value {_show(value)} is not in "
            f"{referenced}"
        }
        for index, value in frame[column].items()
    }
    return _rejections(name, frame, reasons, run_id=run_id)


def unique_columns(name: str) -> list[str]:
    """The columns of a table whose values may appear once only."""
    return [column for column, spec in table_schema(name).columns.items() if spec.unique]


def _require_columns(name: str, schema: pa.DataFrameSchema, frame: pd.DataFrame) -> None:
    missing = [column for column in schema.columns if column not in frame.columns]
    if missing:
        raise TableSchemaError(
            f"table {name!r} lacks column(s) {', '.join(missing)}; the code that builds it must "
            f"add them (null where unknown). Columns present: {', '.join(map(str, frame.columns))}"
        )


def _duplicate_failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> list[tuple[int, str]]:
    failures = []
    for column_name, column in schema.columns.items():
        if not column.unique:
            continue
        repeated = frame[column_name].notna() & frame[column_name].duplicated(keep="first")
        for index in frame.index[repeated]:
            value = _show(frame.at[index, column_name])
            failures.append(
                (index, f"column {column_name!r} failed check unique: value {value} repeats")
            )
    return failures


def _row_failures(
    name: str, schema: pa.DataFrameSchema, frame: pd.DataFrame, cases: pd.DataFrame
) -> list[tuple[int, str]]:
    """Readable (row index, reason) pairs for the failing rows.

    A value that cannot be coerced makes its column's later checks fail for the whole table; those
    table-level failures are retried once the uncoercible rows are gone. Table-level failures
    without any row failure are the schema's, not the data's: they raise.
    """
    row_cases = cases[cases["index"].notna() & ~cases["check"].str.startswith("dtype(")]
    if row_cases.empty:
        details = "; ".join(
            f"{row.column}: {row.check} ({row.failure_case})" for row in cases.itertuples()
        )
        raise TableSchemaError(f"table {name!r} breaks its schema as a whole: {details}")
    descriptions = {check.name: check.description for check in schema.checks}
    failures = []
    for row in row_cases.itertuples():
        index = int(row.index)
        if row.schema_context == "Column":
            value = _show(frame.at[index, row.column])
            reason = f"column {row.column!r} failed check {row.check}: value {value}"
        else:
            shown = ", ".join(
                f"{column}={_show(frame.at[index, column])}"
                for column in ROW_CHECK_COLUMNS.get(row.check, ())
            )
            reason = f"row failed check {row.check} ({descriptions.get(row.check)}): {shown}"
        failures.append((index, reason))
    return failures


def _ordered(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """Model columns in model order, then any extra columns by name."""
    model_columns = list(schema.columns)
    extra = sorted(str(column) for column in frame.columns if column not in model_columns)
    return frame[model_columns + extra]


def _rejections(
    name: str, frame: pd.DataFrame, reasons: dict[int, set[str]], *, run_id: str
) -> pd.DataFrame:
    rows = []
    for index in sorted(reasons):
        record = {str(k): _plain(v) for k, v in frame.loc[index].items()}
        rows.append(
            {
                "run_id": run_id,
                "source_id": record.get("source_id"),
                "stage": "validate",
                "reason": f"[{name}] " + "; ".join(sorted(reasons[index])),
                "record": json.dumps(record, sort_keys=True, ensure_ascii=False, default=str),
            }
        )
    return pd.DataFrame(rows, columns=REJECTION_COLUMNS)


def _plain(value: Any) -> Any:
    """A JSON-friendly cell: NaN and pandas NA become None, numpy scalars Python scalars."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else str(value)
    return value


def _show(value: Any) -> str:
    """A short, unambiguous rendering of a cell for a reason text."""
    if isinstance(value, float) and math.isinf(value):
        return repr(float(value))
    plain = _plain(value)
    if plain is None:
        return "null"
    text = repr(plain)
    if len(text) > _MAX_SHOWN_CHARS:
        return text[: _MAX_SHOWN_CHARS - 3] + "..."
    return text

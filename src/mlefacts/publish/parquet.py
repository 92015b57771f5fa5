"""Deterministic Parquet encoding of the curated tables, and reading them back.

The same table always encodes to the same bytes: rows sorted by `TABLE_ORDER`, columns in model
order, an explicit Arrow schema (so an empty or all-null column keeps its type), fixed row groups
and compression, and no pandas metadata. Each file names its table and schema version in its
key-value metadata so a reader can refuse a file from an incompatible schema.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from mlefacts.schemas import SCHEMA_VERSION, TABLE_ORDER, column_specs

TABLE_KEY = b"mlefacts.table"
VERSION_KEY = b"mlefacts.schema_version"
ROW_GROUP_SIZE = 50_000
COMPRESSION = "zstd"
_ARROW_TYPES = {
    "string": pa.string(),
    "number": pa.float64(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
}


class IncompatibleSchemaError(RuntimeError):
    """A Parquet file written by a schema version this code cannot read."""


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    """The table in its canonical form: model columns first, then extras by name, rows sorted."""
    specs = column_specs(name)
    model_columns = [spec["name"] for spec in specs]
    missing = [column for column in model_columns if column not in frame.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks column(s) {', '.join(missing)}")
    extra = sorted(str(column) for column in frame.columns if column not in model_columns)
    ordered = frame.sort_values(
        TABLE_ORDER[name], kind="mergesort", na_position="last"
    ).reset_index(drop=True)
    arrays, fields = [], []
    for spec in specs:
        arrow_type = _ARROW_TYPES[spec["type"]]
        arrays.append(pa.array(_nullable(ordered[spec["name"]]), type=arrow_type, from_pandas=True))
        fields.append(pa.field(spec["name"], arrow_type, nullable=spec["nullable"]))
    for column in extra:
        array = pa.array(_nullable(ordered[column]), from_pandas=True)
        arrays.append(array)
        fields.append(pa.field(column, array.type))
    metadata = {TABLE_KEY: name.encode(), VERSION_KEY: SCHEMA_VERSION.encode()}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=metadata))


def _nullable(series: pd.Series) -> pd.Series:
    """Object values with None for every kind of missing value, which Arrow reads as null."""
    return series.astype(object).where(series.notna(), None)


def encode(name: str, frame: pd.DataFrame) -> bytes:
    """The Parquet bytes of a table; equal tables give equal bytes."""
    buffer = io.BytesIO()
    pq.write_table(
        to_arrow(name, frame),
        buffer,
        compression=COMPRESSION,
        row_group_size=ROW_GROUP_SIZE,
        write_statistics=True,
    )
    return buffer.getvalue()


def file_metadata(path: Path) -> dict[str, str]:
    """The table name and schema version a file was written with ('' when absent)."""
    metadata = pq.read_schema(path).metadata or {}
    return {
        "table": metadata.get(TABLE_KEY, b"").decode(),
        "schema_version": metadata.get(VERSION_KEY, b"").decode(),
    }


def check_schema_version(path: Path) -> str:
    """The file's schema version if this code can read it (same major version), else raise."""
    version = file_metadata(path)["schema_version"]
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        written = f"schema version {version}" if version else "no mlefacts schema version"
        raise IncompatibleSchemaError(
            f"{path} was written with {written}; this mlefacts reads schema version "
            f"{SCHEMA_VERSION} (major {SCHEMA_VERSION.split('.')[0]} only). Re-publish it with "
            "`mlefacts run`, or read it with the mlefacts release that wrote it."
        )
    return version


def read(name: str, path: Path) -> pd.DataFrame:
    """A published table as pandas, with the model's integer columns as (nullable) integers."""
    check_schema_version(path)
    frame = pq.read_table(path).to_pandas()
    for spec in column_specs(name):
        if spec["name"] not in frame.columns:
            continue
        if spec["type"] == "integer":
            dtype = "Int64" if spec["nullable"] else "int64"
            frame[spec["name"]] = frame[spec["name"]].astype(dtype)
        elif spec["type"] == "boolean":
            frame[spec["name"]] = frame[spec["name"]].astype(bool)
    return frame

"""Deterministic Parquet encoding of the curated tables, and reading them back.

The same table always encodes to the same bytes: rows sorted by `TABLE_ORDER`, columns in model
order, an explicit Arrow schema (so an empty or all-null column keeps its type), fixed row groups
and compression. Each file names its table and schema version in its key-value metadata so a
reader can refuse a file from an incompatible schema, and carries a minimal, fixed pandas
metadata entry that only names the nullable integer columns, so `pd.read_parquet` gives them as
`Int64` instead of float64 (pandas' own metadata would embed library versions and an index).
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from mlefacts.contract import ROW_GROUP_BYTES, ROW_GROUP_SIZE, SCHEMA_VERSION, TABLE_ORDER
from mlefacts.publish.schema_version import VERSION_KEY as _VERSION_KEY
from mlefacts.publish.schema_version import require_readable

if TYPE_CHECKING:  # reading a file's metadata (the read commands) needs no pandas
    import pandas as pd

TABLE_KEY = b"mlefacts.table"
VERSION_KEY = _VERSION_KEY.encode()
COMPRESSION = "zstd"
_ARROW_TYPES = {
    "string": pa.string(),
    "number": pa.float64(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
}


def arrow_type(spec: dict[str, Any]) -> pa.DataType:
    """The Arrow type of a column spec (an object column is a STRUCT of its typed fields)."""
    if spec["type"] == "object":
        return pa.struct([(field["name"], _ARROW_TYPES[field["type"]]) for field in spec["fields"]])
    return _ARROW_TYPES[spec["type"]]


def to_arrow(name: str, frame: pd.DataFrame, *, sort: bool = True) -> pa.Table:
    """The table in its canonical form: model columns first, then extras by name, rows sorted
    (unless `sort` is False: a batch's shard keeps its rows in the order they were made).

    Derived columns (`derived_from` in their spec) are computed here from their source column.
    """
    from mlefacts.schemas import column_specs, common_qualifiers  # writing needs the models

    specs = column_specs(name)
    stored = [spec["name"] for spec in specs if "derived_from" not in spec]
    missing = [column for column in stored if column not in frame.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks column(s) {', '.join(missing)}")
    model_columns = {spec["name"] for spec in specs}
    extra = sorted(str(column) for column in frame.columns if column not in model_columns)
    ordered = frame.reset_index(drop=True)
    if sort:
        ordered = ordered.sort_values(
            TABLE_ORDER[name], kind="mergesort", na_position="last"
        ).reset_index(drop=True)
    schema = canonical_schema(name)
    arrays, fields = [], list(schema)
    for spec, field in zip(specs, fields, strict=True):
        if "derived_from" in spec:
            values = [common_qualifiers(text) for text in ordered[spec["derived_from"]]]
        else:
            values = _nullable(ordered[spec["name"]])
        arrays.append(pa.array(values, type=field.type, from_pandas=True))
    for column in extra:
        array = pa.array(_nullable(ordered[column]), from_pandas=True)
        arrays.append(array)
        fields.append(pa.field(column, array.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=schema.metadata))


@functools.cache
def canonical_schema(name: str) -> pa.Schema:
    """The Arrow schema a table is published with: its columns, types and metadata (extra
    columns of a frame follow them, by name: `to_arrow`)."""
    from mlefacts.schemas import column_specs

    specs = column_specs(name)
    fields = [pa.field(spec["name"], arrow_type(spec), nullable=spec["nullable"]) for spec in specs]
    return pa.schema(fields, metadata=_metadata(name, specs))


def _metadata(name: str, specs: list[dict[str, Any]]) -> dict[bytes, bytes]:
    """The table name, schema version and the pandas dtype of each nullable integer column."""
    nullable_integers = [
        {"name": s["name"], "field_name": s["name"], "pandas_type": "int64", "numpy_type": "Int64"}
        for s in specs
        if s["type"] == "integer" and s["nullable"]
    ]
    pandas = {"index_columns": [], "column_indexes": [], "columns": nullable_integers}
    return {
        TABLE_KEY: name.encode(),
        VERSION_KEY: SCHEMA_VERSION.encode(),
        b"pandas": json.dumps(pandas, sort_keys=True).encode(),
    }


def _nullable(series: pd.Series) -> pd.Series:
    """Object values with None for every kind of missing value, which Arrow reads as null."""
    return series.astype(object).where(series.notna(), None)


def encode(name: str, frame: pd.DataFrame) -> bytes:
    """The Parquet bytes of a table; equal tables give equal bytes."""
    buffer = io.BytesIO()
    table = to_arrow(name, frame)
    write_row_groups([table], table.schema, buffer)
    return buffer.getvalue()


def write_row_groups(
    parts: Iterable[pa.Table | pa.RecordBatch], schema: pa.Schema, sink: str | Path | IO[bytes]
) -> int:
    """Write sorted rows arriving in parts of any size as Parquet, in row groups of
    `ROW_GROUP_SIZE` rows or fewer when their text reaches `ROW_GROUP_BYTES` (see
    `row_group_lengths`), and return the number of rows.

    The bytes depend only on the rows and the schema, never on how the rows were split into
    parts: a table compacted from a stream of shards encodes as the same table held whole
    would. Each row group is made one contiguous chunk first, since Parquet pages are cut
    at chunk boundaries; only the group is copied so, the rows after it stay in their parts
    (copying every pending row kept the copy alive under the rest: ~100 MB more while a
    large table's 64 MB groups were written).
    """
    pending: list[pa.Table] = []
    sizes = np.zeros(0, dtype=np.int64)
    written = 0
    with pq.ParquetWriter(sink, schema, compression=COMPRESSION, write_statistics=True) as writer:
        for part in parts:
            table = part if isinstance(part, pa.Table) else pa.Table.from_batches([part])
            table = table.cast(schema)
            pending.append(table)
            sizes = np.concatenate([sizes, _text_bytes(table)])
            lengths = row_group_lengths(sizes)
            # The last group may still grow with the next part: only the closed ones are written.
            for length in lengths[:-1]:
                rows = pa.concat_tables(pending)
                group = rows.slice(0, length).combine_chunks()
                # Only the rows after the group stay (with the parts they lie in): the parts
                # the group was copied from go before it is written (the writer takes about
                # three times a column's bytes where its values are large: under schema 2 a
                # conflict of 100,000 articles named every source it compared, 16 MB in one
                # row).
                pending, sizes = [rows.slice(length)], sizes[length:]
                del rows
                writer.write_table(group, row_group_size=ROW_GROUP_SIZE)
                del group
                written += length
            del part, table
        if len(sizes) or not written:
            rows = pa.concat_tables(pending) if pending else schema.empty_table()
            writer.write_table(rows.combine_chunks(), row_group_size=ROW_GROUP_SIZE)
            written += len(sizes)
    return written


def row_group_lengths(text_bytes: np.ndarray) -> list[int]:
    """The lengths of the row groups rows of these text sizes are cut into, in order: a group
    takes rows until it has `ROW_GROUP_SIZE` of them or the next would take its text past
    `ROW_GROUP_BYTES` (a group has at least one row). A row's text is the UTF-8 bytes of its
    string values. A table of fewer rows and less text than that is one row group.

    >>> row_group_lengths(np.array([1, 2, 3]))
    [3]
    """
    lengths = []
    start, total = 0, len(text_bytes)
    ends = np.cumsum(text_bytes)
    while start < total:
        before = ends[start - 1] if start else 0
        fits = int(np.searchsorted(ends, before + ROW_GROUP_BYTES, side="right")) - start
        length = min(ROW_GROUP_SIZE, total - start, max(1, fits))
        lengths.append(length)
        start += length
    return lengths


def _text_bytes(table: pa.Table) -> np.ndarray:
    """Each row's UTF-8 bytes of string values (nulls count 0), the measure of
    `ROW_GROUP_BYTES`."""
    sizes = np.zeros(table.num_rows, dtype=np.int64)
    for column, field in zip(table.columns, table.schema, strict=True):
        if pa.types.is_string(field.type):
            sizes += pc.fill_null(pc.binary_length(column), 0).to_numpy().astype(np.int64)
    return sizes


def file_metadata(path: Path) -> dict[str, str]:
    """The table name and schema version a file was written with ('' when absent)."""
    metadata = pq.read_schema(path).metadata or {}
    return {
        "table": metadata.get(TABLE_KEY, b"").decode(),
        "schema_version": metadata.get(VERSION_KEY, b"").decode(),
    }


def check_schema_version(path: Path) -> str:
    """The file's schema version if this code can read it (same major version), else raise."""
    return require_readable(file_metadata(path)["schema_version"], path)


def read(name: str, path: Path) -> pd.DataFrame:
    """A published table as pandas: nullable integers as Int64, STRUCT columns as dicts.

    Files written before the pandas metadata entry (schema 1.0) get the same dtypes by a cast.
    """
    check_schema_version(path)
    table = pq.read_table(path)
    if b"pandas" in (table.schema.metadata or {}):
        return table.to_pandas()  # the file's metadata gives the dtypes: no models to load
    return to_pandas(name, table)


def to_pandas(name: str, table: pa.Table) -> pd.DataFrame:
    """Rows of a table as pandas, with the dtypes a validated frame has (nullable integers as
    Int64, STRUCT columns as dicts)."""
    from mlefacts.schemas import column_specs

    frame = table.to_pandas()
    for spec in column_specs(name):
        if spec["type"] == "integer" and spec["name"] in frame.columns:
            frame[spec["name"]] = frame[spec["name"]].astype("Int64" if spec["nullable"] else int)
    return frame

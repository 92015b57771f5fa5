"""Row groups of the published files: at most 50,000 rows, and no more text than a group may
hold while written; the bytes never depend on how the rows arrived."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mlefacts.publish import parquet
from mlefacts.publish.parquet import canonical_schema, write_row_groups


def _documents(sizes: list[int]) -> pa.Table:
    ids = [f"s_{index:04d}" for index in range(len(sizes))]
    return pa.table(
        {
            "source_id": ids,
            "content_sha256": ["0" * 64] * len(sizes),
            "text": ["x" * n for n in sizes],
        }
    ).cast(canonical_schema("documents"))


def _written(parts: list[pa.Table]) -> bytes:
    buffer = io.BytesIO()
    write_row_groups(parts, canonical_schema("documents"), buffer)
    return buffer.getvalue()


def test_a_row_group_ends_before_its_text_passes_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 1_000)
    monkeypatch.setattr(parquet, "ROW_GROUP_SIZE", 4)
    # Each row's text counts its string values: 6 + 64 + n bytes.
    table = _documents([100, 100, 700, 2_000, 10, 10, 10, 10, 10, 500])
    whole = _written([table])
    groups = pq.ParquetFile(io.BytesIO(whole)).metadata
    assert [groups.row_group(i).num_rows for i in range(groups.num_row_groups)] == [2, 1, 1, 4, 2]
    # However the rows arrive, the same bytes.
    assert _written([table.slice(i, 1) for i in range(table.num_rows)]) == whole
    assert _written([table.slice(0, 5), table.slice(5)]) == whole
    assert pq.read_table(io.BytesIO(whole)).equals(table)


def test_a_small_table_is_one_row_group() -> None:
    table = _documents([1_000] * 10)
    groups = pq.ParquetFile(io.BytesIO(_written([table.slice(0, 3), table.slice(3)]))).metadata
    assert groups.num_row_groups == 1 and groups.num_rows == 10

"""The read-only file system the locked connection reads the snapshot through
(`mlefacts.publish.snapshot_fs`): reads only, and a position per thread."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from support.tables import sample_tables, validated

from mlefacts.publish.catalog import connect, write_catalog
from mlefacts.publish.snapshot_fs import PositionalFile, SnapshotFileSystem, snapshot_url
from mlefacts.publish.snapshots import publish_snapshot


@pytest.fixture
def table_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.parquet"
    path.write_bytes(bytes(range(100)))
    return path


def test_only_the_snapshot_tables_open_and_only_for_reading(table_file: Path) -> None:
    fs = SnapshotFileSystem({"claims": table_file})
    with fs.open(snapshot_url("claims"), "rb") as handle:
        assert handle.read(3) == b"\x00\x01\x02"
    assert fs.info(snapshot_url("claims"))["size"] == 100
    for mode in ("wb", "ab", "r+b"):
        with pytest.raises(PermissionError, match="read-only"):
            fs.open(snapshot_url("claims"), mode)
    with pytest.raises(FileNotFoundError):
        fs.open(snapshot_url("sources"), "rb")
    assert table_file.read_bytes() == bytes(range(100))


def test_each_thread_reads_from_where_it_sought(table_file: Path) -> None:
    """DuckDB's threads share a handle and seek, then read, in two steps: another thread's
    seek in between must not move this thread's position."""
    handle = PositionalFile(table_file)
    handle.seek(10)
    other: list[bytes] = []
    thread = threading.Thread(target=lambda: (handle.seek(50), other.append(handle.read(4))))
    thread.start()
    thread.join()
    assert handle.read(4) == bytes([10, 11, 12, 13])
    assert other == [bytes([50, 51, 52, 53])]
    assert handle.tell() == 14
    handle.seek(-2, 2)
    assert handle.read() == bytes([98, 99]) and handle.read(5) == b""
    handle.close()


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_connections_and_queries_leave_no_file_open(tmp_path: Path) -> None:
    """DuckDB drops the handles it opened without calling `close`: each must still close its
    file, or every connection and query leaves descriptors open until none are left."""
    publish_snapshot(validated(sample_tables()), curated_dir=tmp_path / "curated")
    write_catalog(tmp_path / "curated")
    with connect(tmp_path) as con:  # DuckDB's own first-use descriptors are not the leak
        con.execute("SELECT count(*) FROM claims").fetchall()
    before = _open_descriptors()
    for _ in range(20):
        with connect(tmp_path) as con:
            for _ in range(5):
                con.execute("SELECT count(*) FROM claims").fetchall()
                con.execute("SELECT * FROM salaries").fetchall()
    assert _open_descriptors() <= before + 2

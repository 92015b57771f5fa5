"""The read-only file system the locked connection reads the snapshot through
(`mlefacts.publish.snapshot_fs`): reads only, and a position per thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mlefacts.publish.snapshot_fs import PositionalFile, SnapshotFileSystem, snapshot_url


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

"""A read-only file system over one snapshot's Parquet files, for the locked DuckDB connection.

DuckDB reads a table through `mlefacts://<table>.parquet`, which this file system maps to the
snapshot's file and opens for reading only. The connection allows those paths alone
(`allowed_paths`) with every other file access disabled, so DuckDB's own Parquet reader (with its
projection and filter pushdown) reads the data, while nothing in SQL can write a file: a path
under `allowed_paths` would otherwise be writable too (`COPY ... TO` it with
`USE_TMP_FILE false` overwrote the snapshot), and here any mode but "rb" is refused.
"""

from __future__ import annotations

import os
import threading
import weakref
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fsspec import AbstractFileSystem

PROTOCOL = "mlefacts"


def snapshot_url(table: str) -> str:
    """The path DuckDB reads `table` by."""
    return f"{PROTOCOL}://{table}.parquet"


class PositionalFile:
    """A file opened for reading whose position is kept per thread.

    DuckDB's threads share one handle and call `seek` and then `read` as two steps, each taking
    the GIL on its own: with one shared position another thread may seek in between (the
    Parquet reader then fails with 'Out of buffer'). Here each thread reads from where it last
    sought, with `os.pread`, which does not move a shared offset.

    DuckDB never calls `close`: it drops the handle. The descriptor is closed when the handle is
    collected (or closed), else every query would leave its files open until the process runs
    out of descriptors.
    """

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        self._close_fd = weakref.finalize(self, os.close, self._fd)
        self._size = os.fstat(self._fd).st_size
        self._position = threading.local()

    def _at(self) -> int:
        return getattr(self._position, "offset", 0)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._at(), os.SEEK_END: self._size}[whence]
        self._position.offset = base + offset
        return self._position.offset

    def tell(self) -> int:
        return self._at()

    def read(self, size: int = -1) -> bytes:
        start = self._at()
        wanted = self._size - start if size is None or size < 0 else size
        chunks = []
        while wanted > 0:
            chunk = os.pread(self._fd, wanted, start)
            if not chunk:
                break
            chunks.append(chunk)
            start, wanted = start + len(chunk), wanted - len(chunk)
        self._position.offset = start
        return b"".join(chunks)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._close_fd()
        self._fd = -1

    def __enter__(self) -> PositionalFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class SnapshotFileSystem(AbstractFileSystem):
    """`mlefacts://<table>.parquet` -> that table's file, for reading only."""

    protocol = PROTOCOL

    def __init__(self, files: dict[str, Path]) -> None:
        # One instance per connection: fsspec would otherwise hand back a cached one.
        super().__init__(skip_instance_cache=True)
        self._files = {snapshot_url(table): path for table, path in files.items()}

    def _path(self, url: str) -> Path:
        if not url.startswith(f"{PROTOCOL}://"):
            url = f"{PROTOCOL}://{url}"
        try:
            return self._files[url]
        except KeyError:
            raise FileNotFoundError(url) from None

    def _open(self, path: str, mode: str = "rb", **kwargs: Any) -> PositionalFile:
        if mode != "rb":
            raise PermissionError(f"{path} is read-only")
        return PositionalFile(self._path(path))

    def info(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return {"name": path, "size": self._path(path).stat().st_size, "type": "file"}

    def ls(self, path: str, detail: bool = True, **kwargs: Any) -> list[Any]:
        return [self.info(path)] if detail else [path]

    def modified(self, path: str) -> datetime:
        return datetime.fromtimestamp(os.path.getmtime(self._path(path)), UTC)

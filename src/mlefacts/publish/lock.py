"""One run at a time per data directory: an exclusive `flock` on `curated/.lock`.

The kernel releases a flock when its holder dies, so a killed run never leaves a stale lock.
The file records who holds it, for the message the next run shows.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".lock"


class RunLockedError(RuntimeError):
    """Another mlefacts run holds the lock of this data directory."""


@contextmanager
def run_lock(data_dir: Path) -> Iterator[Path]:
    """Hold the run lock of `data_dir` for the block, or raise `RunLockedError` at once."""
    curated_dir = data_dir / "curated"
    curated_dir.mkdir(parents=True, exist_ok=True)
    path = curated_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLockedError(_locked_message(path, data_dir)) from None
        started = datetime.now(UTC).replace(microsecond=0).isoformat()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {started}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _locked_message(path: Path, data_dir: Path) -> str:
    holder = path.read_text(encoding="utf-8").split()
    pid, started = (holder + ["?", "?"])[:2]
    return (
        f"another mlefacts run (pid {pid}, started at {started}) is running in {data_dir}; "
        f"wait for it to finish, or stop it (kill {pid}) and run again"
    )

"""One run at a time per data directory: an exclusive `flock` on the data directory itself.

The kernel releases a flock when its holder dies, so a killed run never leaves a stale lock.
Locking the directory, not a file in it, means deleting a file (or `curated/`) during a run
cannot let a second run in. `curated/.lock` records who holds the lock, for the message the
next run shows.
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
    lock_fd = os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLockedError(_locked_message(path, data_dir)) from None
        started = datetime.now(UTC).replace(microsecond=0).isoformat()
        _write_holder(path, f"{os.getpid()} {started}\n")
        try:
            yield path
        finally:
            _write_holder(path, "")
            fcntl.flock(lock_fd, fcntl.LOCK_UN)
    finally:
        os.close(lock_fd)


def _write_holder(path: Path, text: str) -> None:
    """Record who holds the lock (a note for the message, not the lock itself)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _locked_message(path: Path, data_dir: Path) -> str:
    try:
        holder = path.read_text(encoding="utf-8").split()
    except OSError:
        holder = []
    pid, started = (holder + ["?", "?"])[:2]
    return (
        f"another mlefacts run (pid {pid}, started at {started}) is running in {data_dir}; "
        f"wait for it to finish, or stop it (kill {pid}) and run again"
    )

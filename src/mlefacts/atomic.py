"""Crash-safe file writes, the one place that knows how: readers see the old file or the new one,
never a torn half; logs of one JSON object per line where a line torn by a crash costs that line
only; and the durable writes and symlink switch that snapshots are built from."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def write_atomic(
    path: Path, data: bytes | Iterable[bytes], *, durable: bool = True, sync_dir: bool = True
) -> None:
    """Write `data` (bytes, or parts written one after another) to `path` via a temp file in the
    same directory and `os.replace`.

    `durable` also fsyncs the file and (unless `sync_dir` is false: the caller fsyncs the
    directory later, once for many files) its directory, so the new content survives a power
    loss; without it a crash may leave the old file (never a torn one).
    """
    with atomic_path(path, durable=durable and sync_dir) as temporary:
        with open(temporary, "xb") as tmp:
            _write_parts(tmp, data)
            tmp.flush()
            if durable:
                os.fsync(tmp.fileno())
        os.chmod(temporary, _mode_for(path))


@contextlib.contextmanager
def atomic_path(path: Path, *, durable: bool = True) -> Iterator[Path]:
    """A fresh temporary path beside `path` (not created) for a writer that makes the file itself,
    such as a DuckDB database; on success it replaces `path` in one step, on failure it is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0o644."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write and fsync a file that no reader sees yet (inside a snapshot being built), so a later
    COMPLETE marker never precedes its data on disk. `data` may come in parts (a file larger
    than is worth holding in memory at once)."""
    with open(path, "wb") as handle:
        _write_parts(handle, data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_parts(handle: Any, data: bytes | Iterable[bytes]) -> None:
    for part in [data] if isinstance(data, bytes) else data:
        handle.write(part)


def fsync_dir(directory: Path) -> None:
    """Make the directory entries (new files, renames) durable; a filesystem that cannot fsync a
    directory raises OSError, which is harmless."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_symlink(link: Path, target: str) -> None:
    """Point `link` at `target` in one step: readers see the old target or the new one."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    temporary = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, link)
    fsync_dir(link.parent)


def append_json_line(path: Path, record: dict[str, Any], *, durable: bool = True) -> None:
    """Append `record` as one line of `path`. A line left torn by a killed writer (no final
    newline) is ended first, so it cannot swallow this record when the log is read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    with open(path, "a+b") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() > 0:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                line = b"\n" + line
        handle.write(line)
        handle.flush()
        if durable:
            os.fsync(handle.fileno())


def read_json_lines(path: Path) -> list[dict[str, Any]]:
    """Every line of `path` that is a JSON object, in order (see `iter_json_lines`)."""
    return list(iter_json_lines(path))


def iter_json_lines(path: Path) -> Iterator[dict[str, Any]]:
    """Every line of `path` that is a JSON object, in order, read one line at a time (a log
    of every fetch grows with the corpus and the runs); torn or damaged lines (bad UTF-8, not
    JSON, not an object) are skipped: they are the records a crash did not finish."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            try:
                record = json.loads(line.decode("utf-8"))
            except ValueError:  # UnicodeDecodeError and JSONDecodeError both
                continue
            if isinstance(record, dict):
                yield record

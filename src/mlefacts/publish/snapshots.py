"""Snapshots: each publish writes a complete new directory, then switches one symlink to it.

    curated/
      snapshots/<snapshot_id>/   <table>.parquet..., manifest.json, datapackage.json, COMPLETE
      current -> snapshots/<snapshot_id>
      datapackage.json           the current snapshot's descriptor, paths into snapshots/<id>/
      mlefacts.duckdb            views over current/<table>.parquet

A reader follows `current` and sees either the old snapshot or the new one, never a mix: the
files are written and fsynced first, the COMPLETE marker last, and `current` is replaced by
`os.replace` of a temporary symlink (atomic on POSIX). A directory without COMPLETE is a publish
that died half-way; it is never listed and the next publish removes it. Publishing must run under
`mlefacts.publish.lock.run_lock`, which makes the publisher the only writer.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from mlefacts.atomic import fsync_dir, replace_symlink, write_file
from mlefacts.contract import SCHEMA_VERSION, TABLE_NAMES

if TYPE_CHECKING:  # finding snapshots (the read commands) needs neither pandas nor pyarrow
    import pandas as pd

SNAPSHOTS = "snapshots"
CURRENT = "current"
COMPLETE = "COMPLETE"
MANIFEST = "manifest.json"
# The tables each run adds rows to, whatever else changed: `runs` (which names the snapshot) and
# `fetches` (a page answered 304 is a fetch too). They are left out of a snapshot's content key.
LOG_TABLES = frozenset({"runs", "fetches"})
# Test hook: seconds to sleep after each table file, so a test can kill a publisher mid-write.
PAUSE_ENV = "MLEFACTS_TEST_PUBLISH_PAUSE"


class PublishError(RuntimeError):
    """A snapshot did not read back as written; `current` was left unchanged."""


class SnapshotDamagedError(PublishError):
    """A published snapshot's files do not match the hashes its manifest recorded."""


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """A published snapshot: its id, its directory and the row count of each table."""

    snapshot_id: str
    path: Path
    rows: Mapping[str, int]


# A table to publish: a frame to encode, or a Parquet file already encoded in canonical form
# (a run compacts its big tables from shards straight into a file, never into memory).
Table: TypeAlias = "pd.DataFrame | Path"


def publish_snapshot(
    tables: Mapping[str, Table], *, curated_dir: Path, keep: int = 10
) -> SnapshotInfo:
    """Write `tables` as a new snapshot, make it current, prune all but the newest `keep`.

    A table given as a file is moved into the snapshot (it must be on the same file system,
    e.g. in the run's staging area). `runs` rows of a run that did not fail and has no
    snapshot_id yet get this snapshot's id.
    """
    unknown = sorted(set(tables) - set(TABLE_NAMES))
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; known tables: {', '.join(TABLE_NAMES)}")
    if keep < 1:
        raise ValueError(f"keep must be at least 1, got {keep}")
    import pyarrow.parquet as pq

    from mlefacts.publish.parquet import encode

    encoded: dict[str, bytes | Path] = {}
    rows: dict[str, int] = {}
    for name in sorted(tables):
        table = tables[name]
        if isinstance(table, Path):
            rows[name] = pq.read_metadata(table).num_rows
            encoded[name] = table
        else:
            rows[name] = len(table)
            if name != "runs":
                encoded[name] = encode(name, table)
    runs = tables.get("runs")
    if isinstance(runs, Path):
        raise ValueError("the runs table must be given as rows: publishing names its snapshot")
    return _publish(encoded, rows, runs, curated_dir=curated_dir, keep=keep, move=True)


def republish_current(
    logs: Mapping[str, pd.DataFrame], *, curated_dir: Path, keep: int = 10
) -> SnapshotInfo:
    """A new snapshot with the current one's tables, byte for byte, but the logs given anew
    (`runs`, which names the snapshot, and `fetches`: each run adds rows to them).

    What a run publishes when its inputs did not change: nothing is encoded again but the
    logs; the files are copied (never linked: damage to one snapshot must not reach another).
    """
    if "runs" not in logs:
        raise ValueError("the runs table is required: publishing names its snapshot")
    current = current_snapshot(curated_dir)
    if current is None:
        raise PublishError(f"no complete current snapshot in {curated_dir} to publish again")
    tables = sound_tables(curated_dir, current)  # never republish bytes that do not match
    from mlefacts.publish.parquet import encode

    encoded: dict[str, bytes | Path] = {
        name: table.path for name, table in tables.items() if name not in logs
    }
    rows = {name: table.rows for name, table in tables.items() if name not in logs}
    # The digests just checked: the files are not read a second time to hash them.
    digests = {name: table.sha256 for name, table in tables.items() if name not in logs}
    for name, frame in logs.items():
        rows[name] = len(frame)
        if name != "runs":
            encoded[name] = encode(name, frame)
    return _publish(
        encoded,
        rows,
        logs["runs"],
        curated_dir=curated_dir,
        keep=keep,
        move=False,
        digests=digests,
        like=snapshot_dir(curated_dir, current),
    )


@dataclass(frozen=True, slots=True)
class SoundTable:
    """A snapshot's table file whose bytes match its manifest: where, its rows, its sha256."""

    path: Path
    rows: int
    sha256: str


def sound_tables(curated_dir: Path, snapshot_id: str) -> dict[str, SoundTable]:
    """Each table file, checked against the snapshot's manifest; raises
    `SnapshotDamagedError` naming every file that does not match."""
    problems, tables = _check(snapshot_dir(curated_dir, snapshot_id))
    if problems:
        raise SnapshotDamagedError(f"snapshot {snapshot_id} is damaged: {'; '.join(problems)}")
    return tables


def verify_snapshot(curated_dir: Path, snapshot_id: str) -> list[str]:
    """What is wrong with a snapshot (a file missing, extra, or not matching its recorded
    sha256 and size, an unreadable manifest, no COMPLETE marker); [] when it is sound."""
    return _check(snapshot_dir(curated_dir, snapshot_id))[0]


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks (a table file may be larger than memory allows)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check(path: Path) -> tuple[list[str], dict[str, SoundTable]]:
    if not path.is_dir():
        return [f"{path} does not exist"], {}
    problems = [] if (path / COMPLETE).is_file() else [f"no {COMPLETE} marker (unfinished)"]
    try:
        listed = json.loads((path / MANIFEST).read_text(encoding="utf-8"))["tables"]
        assert isinstance(listed, dict)
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as exc:
        return [*problems, f"{MANIFEST} is missing or unreadable ({type(exc).__name__})"], {}
    tables: dict[str, SoundTable] = {}
    for name, entry in sorted(listed.items()):
        file = path / f"{name}.parquet"
        try:
            # A file of another size is damaged whatever its bytes: not read to hash it.
            digest = file_sha256(file) if file.stat().st_size == entry.get("bytes") else None
        except OSError:
            problems.append(f"{name}.parquet is missing")
            continue
        if digest is None or digest != entry.get("sha256"):
            problems.append(f"{name}.parquet does not match its sha256 in {MANIFEST}")
            continue
        tables[name] = SoundTable(file, int(entry.get("rows", 0)), digest)
    extra = sorted(p.name for p in path.glob("*.parquet") if p.stem not in listed)
    problems.extend(f"{name} is not in {MANIFEST}" for name in extra)
    return problems, tables


def table_rows(curated_dir: Path, snapshot_id: str) -> dict[str, int]:
    """The row count of each table as the snapshot's manifest recorded it ({} when the
    manifest is missing or unreadable: `verify_snapshot` says why)."""
    try:
        listed = json.loads((snapshot_dir(curated_dir, snapshot_id) / MANIFEST).read_text("utf-8"))
        return {name: int(entry["rows"]) for name, entry in listed["tables"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def rollback(curated_dir: Path, snapshot_id: str) -> None:
    """Make an earlier snapshot current again, in one atomic switch, once it verifies.

    Raises `UnknownSnapshotError`-like `LookupError` for an id that is not a complete
    snapshot and `SnapshotDamagedError` when its files do not match its manifest. Run it under
    `run_lock`, like a publish.
    """
    if snapshot_id not in list_snapshots(curated_dir):
        raise LookupError(f"no complete snapshot {snapshot_id!r} in {curated_dir / SNAPSHOTS}")
    sound_tables(curated_dir, snapshot_id)
    _switch_current(curated_dir, snapshot_id)


def _publish(
    encoded: dict[str, bytes | Path],
    rows: Mapping[str, int],
    runs: pd.DataFrame | None,
    *,
    curated_dir: Path,
    keep: int,
    move: bool,
    digests: Mapping[str, str] | None = None,
    like: Path | None = None,
) -> SnapshotInfo:
    """Write encoded tables (and `runs`, which names the snapshot) and switch `current`.
    Files are moved into the snapshot when `move`, else copied. `digests`: the sha256 of
    files the caller has just checked (the others are hashed here). `like`: a snapshot whose
    data package may cite the same sources (`write_datapackage`'s `cites_of`)."""
    known = digests or {}
    digests = {name: known.get(name) or _sha256(data) for name, data in encoded.items()}
    snapshot_id = new_snapshot_id({n: d for n, d in digests.items() if n not in LOG_TABLES})
    if runs is not None:
        from mlefacts.publish.parquet import encode

        encoded["runs"] = encode("runs", _with_snapshot_id(runs, snapshot_id))
        digests["runs"] = hashlib.sha256(encoded["runs"]).hexdigest()
    snapshots_dir = curated_dir / SNAPSHOTS
    snapshots_dir.mkdir(parents=True, exist_ok=True)
    path = snapshots_dir / snapshot_id
    path.mkdir()
    from mlefacts.publish.datapackage import write_datapackage  # the schemas: writing only

    with _writing(path):
        try:
            _write_snapshot(path, encoded, digests, rows, move=move)
            write_datapackage(path, digests, rows, cites_of=like)
            write_file(path / COMPLETE, snapshot_id.encode())
            fsync_dir(path)
            fsync_dir(snapshots_dir)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
    _switch_current(curated_dir, snapshot_id)
    prune_snapshots(curated_dir, keep=keep)
    return SnapshotInfo(snapshot_id, path, dict(rows))


def _sha256(data: bytes | Path) -> str:
    return file_sha256(data) if isinstance(data, Path) else hashlib.sha256(data).hexdigest()


def new_snapshot_id(digests: Mapping[str, str]) -> str:
    """A sortable UTC timestamp and a short hash of the tables' sha256s:
    '20250101T120000123456Z-1a2b3c4d'."""
    digest = hashlib.sha256()
    for name in sorted(digests):
        digest.update(f"{name}\x1f{digests[name]}\n".encode())
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{digest.hexdigest()[:8]}"


def _with_snapshot_id(runs: pd.DataFrame, snapshot_id: str) -> pd.DataFrame:
    runs = runs.copy()
    if "snapshot_id" not in runs.columns:
        return runs
    unset = runs["snapshot_id"].isna() & runs["status"].ne("failed")
    runs["snapshot_id"] = runs["snapshot_id"].astype(object)
    runs.loc[unset, "snapshot_id"] = snapshot_id
    return runs


def _write_snapshot(
    path: Path,
    encoded: Mapping[str, bytes | Path],
    digests: Mapping[str, str],
    rows: Mapping[str, int],
    *,
    move: bool,
) -> None:
    import pyarrow.parquet as pq

    from mlefacts.publish.parquet import file_metadata

    pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
    manifest: dict[str, object] = {"schema_version": SCHEMA_VERSION, "tables": {}}
    for name, data in encoded.items():
        file = path / f"{name}.parquet"
        if isinstance(data, bytes):
            write_file(file, data)
        else:
            _place(data, file, move=move)
        if pause:
            time.sleep(pause)
    for name in encoded:
        file = path / f"{name}.parquet"
        written = pq.read_metadata(file).num_rows
        if written != rows[name] or file_metadata(file)["table"] != name:
            raise PublishError(f"{file} reads back {written} rows, expected {rows[name]}")
        manifest["tables"][name] = {  # type: ignore[index]
            "rows": written,
            "bytes": file.stat().st_size,
            "sha256": digests[name],
        }
    write_file(path / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())


def _place(source: Path, target: Path, *, move: bool) -> None:
    """Put an encoded file into a snapshot being written, durably (a move across file
    systems is a copy)."""
    try:
        if not move:
            raise OSError(errno.EXDEV, "copy requested")
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Hold a flock on a snapshot directory while it is written: a dead publisher's leftover
    is removable, a live one's never (even if a second run got past the run lock)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _being_written(path: Path) -> bool:
    """True while a live publisher holds the snapshot directory's flock (see `_writing`)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _switch_current(curated_dir: Path, snapshot_id: str) -> None:
    from mlefacts.publish.datapackage import write_current_datapackage

    replace_symlink(curated_dir / CURRENT, f"{SNAPSHOTS}/{snapshot_id}")
    write_current_datapackage(curated_dir, snapshot_id)


def list_snapshots(curated_dir: Path) -> list[str]:
    """Ids of the complete snapshots, oldest first."""
    snapshots_dir = curated_dir / SNAPSHOTS
    if not snapshots_dir.is_dir():
        return []
    return sorted(p.name for p in snapshots_dir.iterdir() if (p / COMPLETE).is_file())


def current_snapshot(curated_dir: Path) -> str | None:
    """The id of the snapshot `current` points at, or None before the first publish."""
    link = curated_dir / CURRENT
    if not link.is_symlink():
        return None
    return Path(os.readlink(link)).name


def snapshot_dir(curated_dir: Path, snapshot_id: str) -> Path:
    return curated_dir / SNAPSHOTS / snapshot_id


def content_key(snapshot_id: str) -> str:
    """The hash of a snapshot's tables other than the logs (`LOG_TABLES`): the same for a run
    that changed nothing ('20250101T120000123456Z-1a2b3c4d' -> '1a2b3c4d')."""
    return snapshot_id.rsplit("-", 1)[-1]


def _rollback_target(
    curated_dir: Path, complete: list[str], current: str | None, latest: list[str]
) -> set[str]:
    """The newest snapshot that verifies and holds other tables than `current` (what a
    rollback would go back to), when pruning is about to remove one such snapshot; verified
    newest first, so in the usual case only the snapshot before `current` is read (its files
    hashed: a file changed in place keeps its size). Empty when nothing of the kind goes or
    none verifies."""
    own = content_key(current) if current else None
    candidates = [snapshot for snapshot in complete if content_key(snapshot) != own]
    if all(snapshot in latest for snapshot in candidates):
        return set()
    for snapshot in reversed(candidates):
        if not verify_snapshot(curated_dir, snapshot):
            return {snapshot}
    return set()


def prune_snapshots(curated_dir: Path, *, keep: int) -> list[str]:
    """Keep the newest `keep` snapshots of distinct content (and `current`); remove the rest
    and dead publishes. Of consecutive snapshots with the same tables (runs that changed
    nothing, which only add rows to the logs) only the newest counts, so they never push real
    history out. A damaged snapshot counts too, so when the kept ones before `current` are
    all damaged the newest sound one is kept besides (`_rollback_target`): `rollback` always
    has a sound snapshot to go back to if there was one."""
    current = current_snapshot(curated_dir)
    complete = list_snapshots(curated_dir)
    latest = [
        snapshot
        for snapshot, after in zip(complete, [*complete[1:], None], strict=True)
        if after is None or content_key(after) != content_key(snapshot)
    ]
    newest = latest[-keep:]
    kept = {*newest, current, *_rollback_target(curated_dir, complete, current, newest)}
    removed = []
    for path in sorted((curated_dir / SNAPSHOTS).iterdir()):
        if path.name in kept or (not (path / COMPLETE).is_file() and _being_written(path)):
            continue
        shutil.rmtree(path)
        removed.append(path.name)
    for leftover in curated_dir.glob(".*.tmp-*"):
        if leftover.is_symlink():
            leftover.unlink()
    return removed

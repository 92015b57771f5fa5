"""The run's staging area: each batch's validated rows as Parquet shards, written by the worker.

    <data_dir>/staging/run/
      <table>/<batch>.parquet   one shard per batch and table (sources, documents, claims,
                                figures, rejections)
      reconciled/<part>/<table>/<chunk>.parquet
                                reconcile's tables (conflicts, facts, consensus and their
                                link tables), chunk by chunk of each part of the claims
      out/<table>.parquet       the tables compacted from the shards, which publish moves into
                                a snapshot

A batch task builds, validates and writes its own rows and returns only a `BatchSummary`, so
no process holds every document of a run, and a batch runs the same in a thread, a process or
on a Dask worker of another machine (the data directory is then on shared storage). Shards are
written under a temporary name and renamed: a worker killed mid-write leaves no partial shard.
Runs hold the data directory's lock, so a staging area left by a killed run is dead and the next
run removes it. A run removes only its own area, `staging/run/` holding the marker file the run
wrote into it first (and `staging/` once empty): the data directory is often the working
directory, and a folder of the user's found there is left alone (the run refuses to start). An
unmarked area that holds only what a run of a version before the marker writes is such a run's,
left by a crash: it is removed, and the run says so (`remove_earlier_staging`).

A batch starts as soon as its sources are ingested, before the run's id is known (it hashes the
content of every source of the run): shards hold `UNSTAMPED` where the run id goes, and the
run's tables read them with the id in its place (`mlefacts.assemble`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow.parquet as pq

from mlefacts.publish.parquet import COMPRESSION, to_arrow
from mlefacts.validate import concat_rejections, empty_table, validate_tables

if TYPE_CHECKING:
    from mlefacts.pipeline import BatchResult

SHARD_TABLES = ("sources", "documents", "claims", "figures", "rejections")
STAGING = "staging"
# Written into the staging area as a run creates it: only a folder holding it is ever removed.
MARKER = ".mlefacts-staging"
# The run id of a batch's rows (its `run_id` column, and inside the `record` of a rejection the
# batch's validation made) until the run's tables stamp the run's own.
UNSTAMPED = "r_unstamped"

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch task hands back: where its shards are and what it counted, never rows."""

    index: int
    shards: dict[str, str]
    rows: dict[str, int]
    n_extracted: int = 0
    n_cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def staging_dir(data_dir: Path) -> Path:
    """Where the batches of the run holding the data directory's lock write their shards."""
    return data_dir / STAGING / "run"


class StagingInUseError(FileExistsError):
    """The run's staging folder exists but no run made it (it holds no marker file)."""


def open_staging(data_dir: Path) -> Path:
    """A new, empty staging area for this run, marked as the run's; an earlier run's (left by a
    crash) is removed first."""
    clear_staging(data_dir)
    folder = staging_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("mlefacts removes this folder after the run\n", encoding="utf-8")
    return folder


# Every folder and file a run of a version before the marker (commits da769ca to 14eb3fd's
# parent) made in staging/run/, by its path there: batch shards, reconcile's chunks per part,
# the tables compacted (`out/`) and read in parts (`parts/`), sort buckets, DuckDB's spill
# files; a shard under its temporary name ('.00000003.parquet.tmp-4242') if killed mid-write.
_TABLES = "|".join(SHARD_TABLES)
_SHARD = r"\.?\d{8}\.parquet(\.tmp-\d+)?"
EARLIER_FOLDERS = re.compile(
    rf"{_TABLES}|reconciled(/\d{{8}}(/\w+)?)?|out|parts|sorting(/\w+)?|duckdb\.tmp"
)
EARLIER_FILES = re.compile(
    rf"({_TABLES})/{_SHARD}|reconciled/\d{{8}}/\w+/{_SHARD}"
    r"|(out|parts)/\w+\.parquet(\.tmp(-\d+)?)?|sorting/\w+/\d{8}\.arrow|duckdb\.tmp/[^/]+"
)


def remove_earlier_staging(data_dir: Path) -> str:
    """Remove the staging area a killed run of an earlier mlefacts version left (staging/run/
    without the marker) when it holds only files such a run writes there (`EARLIER_FILES`);
    says what was removed, for the run's message and the log ('' when there was none). A
    folder holding anything else is left whole (the run then refuses it: `StagingInUseError`)."""
    folder = staging_dir(data_dir)
    n_files = _earlier_run_files(folder)
    if n_files is None or not any(folder.iterdir()):
        return ""  # an empty folder is `clear_staging`'s to take away
    shutil.rmtree(folder)
    note = (
        f"removed {folder}: the staging area of an earlier mlefacts version's run that did not "
        f"finish ({n_files} files of its shards and tables)"
    )
    logger.warning(note)
    return note


def _earlier_run_files(folder: Path) -> int | None:
    """How many files `folder` holds, if it is an unmarked staging area holding only folders
    and files an earlier version's run makes there (no link, nothing else); else None."""
    if folder.is_symlink() or not folder.is_dir() or (folder / MARKER).exists():
        return None
    n_files = 0
    for parent, folders, files in os.walk(folder):  # links are not followed
        inside = Path(parent).relative_to(folder)
        for names, made in ((folders, EARLIER_FOLDERS), (files, EARLIER_FILES)):
            for name in names:
                if os.path.islink(Path(parent, name)) or not made.fullmatch(
                    (inside / name).as_posix()
                ):
                    return None
        n_files += len(files)
    return n_files


def clear_staging(data_dir: Path) -> None:
    """Remove the run's staging area, and `staging/` if nothing else is in it. Called under the
    run lock, so no live run's area is removed; a folder without the marker is refused."""
    folder = staging_dir(data_dir)
    if (folder / MARKER).is_file():
        for child in folder.iterdir():  # the marker last: a removal cut short stays marked
            if child.name == MARKER:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        (folder / MARKER).unlink()
    if folder.exists():
        try:
            folder.rmdir()
        except OSError:
            raise StagingInUseError(
                f"{folder} is in the way of the run's staging area and was not made by "
                f"mlefacts (no {MARKER} file in it, and files no mlefacts run writes); move it "
                "elsewhere"
            ) from None
    with contextlib.suppress(OSError):
        folder.parent.rmdir()


def batch_tables(result: BatchResult, *, run_id: str = UNSTAMPED) -> dict[str, pd.DataFrame]:
    """A batch's rows as tables, with the run id (claims start out fresh, not stale)."""
    tables = {name: rows_frame(name, getattr(result, name)) for name in SHARD_TABLES}
    tables["claims"]["stale"] = False
    for name in ("claims", "figures", "rejections"):
        tables[name]["run_id"] = run_id
    return tables


def rows_frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A table from rows; with no rows, still with the table's columns."""
    return pd.DataFrame(rows) if rows else empty_table(name)


def write_batch(result: BatchResult, *, folder: Path, index: int) -> BatchSummary:
    """Validate a batch's tables (failing rows become rejections) and write one shard per
    table, rows in the order they were made."""
    started = time.perf_counter()
    tables = batch_tables(result)
    earlier = tables.pop("rejections")
    valid, rejected = validate_tables(tables, run_id=UNSTAMPED)
    if len(valid["claims"]) < len(tables["claims"]):
        valid["figures"] = unclaim_rejected(valid["figures"], set(valid["claims"]["claim_id"]))
    valid["rejections"] = concat_rejections([earlier, rejected])
    seconds = dict(result.seconds)
    seconds["validate"] = time.perf_counter() - started
    shards = {}
    for name in SHARD_TABLES:
        path = shard_path(folder, name, index)
        write_shard(path, name, valid[name])
        shards[name] = str(path)
    return BatchSummary(
        index=index,
        shards=shards,
        rows={name: len(valid[name]) for name in SHARD_TABLES},
        n_extracted=result.n_extracted,
        n_cached=result.n_cached,
        seconds=seconds,
    )


def unclaim_rejected(figures: pd.DataFrame, kept: set[str]) -> pd.DataFrame:
    """Figures without the ids of claims that validation rejected: a figure left with none is
    `skipped` for reason `rejected` (its claims are in `rejections`), never claimed by an id
    that `claims` does not hold."""
    ids = figures["claim_ids"].map(json.loads)
    left = ids.map(lambda claim_ids: [claim_id for claim_id in claim_ids if claim_id in kept])
    changed = left.map(len) < ids.map(len)
    if not changed.any():
        return figures
    lost = changed & (left.map(len) == 0)
    return figures.assign(
        claim_ids=figures["claim_ids"].mask(changed, left.map(json.dumps)),
        status=figures["status"].mask(lost, "skipped"),
        reason=figures["reason"].mask(lost, "rejected"),
    )


def shard_path(folder: Path, name: str, index: int) -> Path:
    """Where chunk `index` of a table goes in `folder` (a batch's shard, a part's reconciled
    rows): names that sort in chunk order."""
    return folder / name / f"{index:08d}.parquet"


def write_shard(path: Path, name: str, frame: pd.DataFrame) -> None:
    """One table's rows of one batch, typed as the published table, renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(to_arrow(name, frame, sort=False), temporary, compression=COMPRESSION)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise

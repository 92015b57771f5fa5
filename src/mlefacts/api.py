"""The Python API that the command line wraps: run the flow, query and load the curated data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd

from mlefacts.config import default_data_dir
from mlefacts.fail_on import FailOn
from mlefacts.prefect_defaults import apply_prefect_defaults
from mlefacts.publish.catalog import connect as _connect
from mlefacts.publish.catalog import load as _load

Runner = Literal["processes", "threads", "dask"]


def run(
    *,
    sources: Path | str | None = None,
    data_dir: Path | str | None = None,
    batch_size: int = 100,
    keep_snapshots: int = 10,
    runner: Runner = "processes",
    dask_address: str | None = None,
    dask_workers: int | None = None,
    allow_private_hosts: bool = False,
    allow_outside_paths: bool = False,
    allow_shrink: bool = False,
    max_shrink: float = 0.5,
    fail_on: FailOn | str = FailOn.errors,
) -> dict[str, Any]:
    """Run the mlefacts flow once and return its `runs` row, plus `fail_reason`: why the run
    counts as failed under `fail_on` (its Prefect flow run then ends Failed), else None.

    A run that could not run at all (a bad manifest, another run holding the lock) raises.

    A manifest that drops more than `max_shrink` of the published sources is refused
    (`ShrinkRefusedError`, a ValueError) unless `allow_shrink`.

    The batches run in one worker process per core (`runner="processes"`), in threads, or on
    a Dask cluster through prefect-dask (`runner="dask"`: a LocalCluster of `dask_workers`
    processes, or the existing cluster at `dask_address`).
    """
    apply_prefect_defaults()
    from mlefacts.flows.mlefacts_flow import mlefacts_run, task_runner

    runners = task_runner(runner, dask_address=dask_address, dask_workers=dask_workers)
    state = mlefacts_run.with_options(task_runner=runners)(
        sources=str(sources) if sources else None,
        data_dir=str(data_dir) if data_dir else None,
        batch_size=batch_size,
        keep_snapshots=keep_snapshots,
        allow_private_hosts=allow_private_hosts,
        allow_outside_paths=allow_outside_paths,
        allow_shrink=allow_shrink,
        max_shrink=max_shrink,
        fail_on=FailOn(fail_on),
        return_state=True,
    )
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result


def connect(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with one view per curated table and the typed views.

    >>> con = mlefacts.connect()                                   # doctest: +SKIP
    >>> con.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall()  # doctest: +SKIP
    """
    return _connect(Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def load(
    table: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """One curated table as a pandas DataFrame (the current snapshot unless `snapshot`)."""
    return _load(table, Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def query(
    sql: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """The result of one SQL statement over the curated tables, as a DataFrame."""
    con = connect(data_dir, snapshot=snapshot)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def verify(
    data_dir: Path | str | None = None, *, all_snapshots: bool = False
) -> dict[str, list[str]]:
    """Each published snapshot (the current one unless `all_snapshots`) checked against the
    sha256 and size its manifest recorded for every file: {snapshot id: problems}, [] if sound.

    Raises `NoSnapshotError` when nothing has been published yet.
    """
    from mlefacts.publish.catalog import NoSnapshotError
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots, verify_snapshot

    curated = (Path(data_dir) if data_dir else default_data_dir()) / "curated"
    current = current_snapshot(curated)
    if current is None:
        raise NoSnapshotError(f"no snapshot published yet in {curated}")
    ids = list_snapshots(curated) if all_snapshots else [current]
    return {snapshot: verify_snapshot(curated, snapshot) for snapshot in ids}


def rollback(snapshot: str, data_dir: Path | str | None = None) -> None:
    """Make an earlier snapshot current again, atomically, after verifying its files; under
    the run lock, so never in the middle of a run. Raises `LookupError` for an unknown id,
    `SnapshotDamagedError` for a damaged snapshot, `RunLockedError` while a run holds the lock.
    """
    from mlefacts.publish.catalog import write_catalog
    from mlefacts.publish.lock import run_lock
    from mlefacts.publish.snapshots import rollback as switch_back

    folder = Path(data_dir) if data_dir else default_data_dir()
    with run_lock(folder):
        switch_back(folder / "curated", snapshot)
        write_catalog(folder / "curated")


@dataclass(frozen=True, slots=True)
class FigureCoverage:
    """How many of the money and percentage figures the sources state a claim publishes."""

    claimed: int
    total: int

    def __str__(self) -> str:
        return f"{self.claimed} of {self.total} money and percentage figures claimed"


def figures(
    data_dir: Path | str | None = None,
    *,
    unclaimed: bool = False,
    source: str | None = None,
    snapshot: str | None = None,
) -> pd.DataFrame:
    """The `figures` table with each figure's sentence: what every page states, claimed or not.

    `unclaimed` keeps the skipped figures only; `source` one source (by id, or a part of its
    URI or title). The `sentence` column is the figure's line of the document, for reading.
    """
    folder = Path(data_dir) if data_dir else default_data_dir()
    frame = _load("figures", folder, snapshot=snapshot)
    if unclaimed:
        frame = frame[frame["status"] == "skipped"]
    if source:
        sources = _load("sources", folder, snapshot=snapshot)
        matches = (
            (sources["source_id"] == source)
            | sources["uri"].str.contains(source, regex=False)
            | sources["title"].fillna("").str.contains(source, regex=False)
        )
        frame = frame[frame["source_id"].isin(sources.loc[matches, "source_id"])]
    texts = _load("documents", folder, snapshot=snapshot).set_index("source_id")["text"]
    frame = frame.reset_index(drop=True)
    frame["sentence"] = [
        _line_around(texts[row.source_id], row.char_start, row.char_end)
        for row in frame.itertuples(index=False)
    ]
    return frame


def figure_coverage(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> FigureCoverage:
    """Claimed vs all money and percentage figures in the published snapshot."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    frame = _load("figures", folder, snapshot=snapshot)
    counted = frame[frame["figure_type"].isin(["money", "percent"])]
    return FigureCoverage(int((counted["status"] == "claimed").sum()), len(counted))


def _line_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The line of `text` holding [start, end), cut to about `limit` characters around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = max(line_start, start - limit // 2)
    line_end = min(line_end, end + limit // 2)
    return " ".join(text[line_start:line_end].split())

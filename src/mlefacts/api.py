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

Runner = Literal["default", "dask"]


def run(
    *,
    sources: Path | str | None = None,
    data_dir: Path | str | None = None,
    batch_size: int = 100,
    keep_snapshots: int = 10,
    runner: Runner = "default",
    dask_address: str | None = None,
    dask_workers: int = 2,
    allow_private_hosts: bool = False,
    allow_outside_paths: bool = False,
    fail_on: FailOn | str = FailOn.errors,
) -> dict[str, Any]:
    """Run the mlefacts flow once and return its `runs` row, plus `fail_reason`: why the run
    counts as failed under `fail_on` (its Prefect flow run then ends Failed), else None.

    A run that could not run at all (a bad manifest, another run holding the lock) raises.

    `runner="dask"` sends the per-batch work to a Dask cluster through prefect-dask: a
    LocalCluster of `dask_workers` processes, or the existing cluster at `dask_address`.
    """
    apply_prefect_defaults()
    from mlefacts.flows.mlefacts_flow import mlefacts_run

    flow = mlefacts_run
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        task_runner = (
            DaskTaskRunner(address=dask_address)
            if dask_address
            else DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1})
        )
        flow = mlefacts_run.with_options(task_runner=task_runner)
    elif dask_address:
        raise ValueError("--dask-address needs --runner dask")
    state = flow(
        sources=str(sources) if sources else None,
        data_dir=str(data_dir) if data_dir else None,
        batch_size=batch_size,
        keep_snapshots=keep_snapshots,
        allow_private_hosts=allow_private_hosts,
        allow_outside_paths=allow_outside_paths,
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

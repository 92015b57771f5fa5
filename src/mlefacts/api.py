"""The Python API that the command line wraps: run the flow, query and load the curated data."""

from __future__ import annotations

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

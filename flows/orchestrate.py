"""Run the mlefacts flow once through Prefect, on the task runner the settings name."""

from __future__ import annotations

from typing import Any

from mlefacts.flows.mlefacts_flow import mlefacts_run
from mlefacts.settings import Settings


def run_flow(settings: Settings) -> dict[str, Any]:
    """The flow's result (`RunReport.to_dict()`); a run that could not run at all raises.

    Runner 'dask' sends the per-batch work to a Dask cluster through prefect-dask: a
    LocalCluster of `run.dask_workers` processes, or the existing cluster at `run.dask_address`.
    """
    flow = mlefacts_run
    if settings.run.runner == "dask":
        from prefect_dask import DaskTaskRunner

        task_runner = (
            DaskTaskRunner(address=settings.run.dask_address)
            if settings.run.dask_address
            else DaskTaskRunner(
                cluster_kwargs={"n_workers": settings.run.dask_workers, "threads_per_worker": 1}
            )
        )
        flow = mlefacts_run.with_options(task_runner=task_runner)
    state = flow(settings=settings.to_dict(), return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result

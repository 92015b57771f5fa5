"""Run the mlefacts flow once through Prefect, on the task runner the settings name."""

from __future__ import annotations

from typing import Any

from mlefacts.flows.mlefacts_flow import mlefacts_run, task_runner
from mlefacts.settings import Settings


def run_flow(settings: Settings) -> dict[str, Any]:
    """The flow's result (`RunReport.to_dict()`); a run that could not run at all raises.

    The batches run on the task runner `run.runner` names (`task_runner`: worker processes,
    threads, or a Dask cluster of `run.dask_workers` processes or at `run.dask_address`).
    """
    runner = task_runner(
        settings.run.runner,
        dask_address=settings.run.dask_address,
        dask_workers=settings.run.dask_workers,
    )
    state = mlefacts_run.with_options(task_runner=runner)(
        settings=settings.to_dict(), return_state=True
    )
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result

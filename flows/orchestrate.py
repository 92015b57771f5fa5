"""Run the mlefacts flow once through Prefect."""

from __future__ import annotations

from typing import Any

from mlefacts.flows.server import prefect_api
from mlefacts.settings import Settings


def run_flow(settings: Settings) -> dict[str, Any]:
    """The flow's result (`RunReport.to_dict()`); a run that could not run at all raises.

    The batches run on the task runner `run.runner` names (the flow starts it from its
    settings, as in a scheduled run). With no Prefect API configured, the temporary server
    starts first, and the flow's imports run while it starts.
    """
    with prefect_api(meanwhile=_prepare_flow):
        from mlefacts.flows.mlefacts_flow import mlefacts_run

        state = mlefacts_run(settings=settings.to_dict(), return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result


def _prepare_flow() -> None:
    """While the server starts: the flow's imports and the Pandera schemas that every run
    validates with in this process (~0.5 s of CPU in all, off the path of the run)."""
    import mlefacts.flows.mlefacts_flow  # noqa: F401
    from mlefacts.schemas import TABLE_MODELS, table_schema

    for name in TABLE_MODELS:
        table_schema(name)

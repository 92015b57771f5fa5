"""Run the mlefacts flow once through Prefect."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mlefacts.flows.server import prefect_api
from mlefacts.settings import Settings


def run_flow(settings: Settings) -> dict[str, Any]:
    """The flow's result (`RunReport.to_dict()`); a run that could not run at all raises.

    The batches run on the task runner `run.runner` names (the flow starts it from its
    settings, as in a scheduled run). With no Prefect API configured, the temporary server
    starts first, and the flow's imports run while it starts.
    """
    with prefect_api(meanwhile=_prepare_flow), _heartbeats_when_configured():
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


@contextmanager
def _heartbeats_when_configured() -> Iterator[None]:
    """The flow run sends Prefect's heartbeat events only when PREFECT_FLOWS_HEARTBEAT_FREQUENCY
    is set (environment or profile), as zombie-run automations need; not by Prefect's default.

    Prefect's heartbeat thread sleeps in whole seconds and the flow run waits for it to notice
    the end of the run: up to 1 s (0.5 s on average) added to every run, a third of a small
    run's budget. Scheduled runs (`mlefacts schedule`) keep Prefect's default."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(set_defaults={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield

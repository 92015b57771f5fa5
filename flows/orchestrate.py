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
    with prefect_api(meanwhile=prepare_flow), _heartbeats_when_configured():
        _start_prefect_services()
        from mlefacts.flows.mlefacts_flow import mlefacts_run

        state = mlefacts_run(settings=settings.to_dict(), return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result


def prepare_flow() -> None:
    """The flow's imports and the Pandera schemas that every run validates with in this
    process (~0.5 s of CPU in all): while the temporary server starts, off the path of the
    run; `mlefacts run` calls it first, within `frozen_imports`."""
    import mlefacts.flows.mlefacts_flow  # noqa: F401
    from mlefacts.schemas import TABLE_MODELS, table_schema

    for name in TABLE_MODELS:
        table_schema(name)


def _start_prefect_services() -> None:
    """Prefect's events and API-log workers, started outside the flow run (if the run will use
    them; one already running is kept).

    When a worker starts, Prefect keeps a call that drains it on its global event loop until
    the process exits (also once the worker is drained and stopped), and that call holds a
    copy of the context the worker started in. Left to start at the run's first log or event,
    the copy is the flow run's context (its engine context), or, when no heartbeat comes
    first, the first ingest task's, whose parameters are a batch of source specs: kept alive
    for as long as a long-lived process lasts. Started here, it holds the settings only."""
    from prefect.events.worker import EventsWorker, should_emit_events
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import get_current_settings

    if should_emit_events():
        EventsWorker.instance()
    if get_current_settings().logging.to_api.enabled:
        APILogWorker.instance()


@contextmanager
def _heartbeats_when_configured() -> Iterator[None]:
    """The flow run sends Prefect's heartbeat events only when PREFECT_FLOWS_HEARTBEAT_FREQUENCY
    is set (environment or profile), as zombie-run automations need; not by Prefect's default.

    Prefect's heartbeat thread sleeps in whole seconds and the flow run waits for it to notice
    the end of the run: up to 1 s (0.5 s on average) added to every run, a third of a small
    run's budget. Scheduled runs (`mlefacts schedule`) keep Prefect's default. (A copy of the
    settings, not `temporary_settings`, which validates them all again: 30-40 ms.)"""
    from prefect.context import SettingsContext, get_settings_context

    context = get_settings_context()
    flows = context.settings.flows
    if "heartbeat_frequency" in flows.model_fields_set:
        yield
        return
    unset = flows.model_copy(update={"heartbeat_frequency": None})
    with SettingsContext(
        profile=context.profile, settings=context.settings.model_copy(update={"flows": unset})
    ):
        yield

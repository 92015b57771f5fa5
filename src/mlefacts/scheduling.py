"""Scheduled runs through Prefect: a deployment of the flow with a cron schedule.

Prefect does not fire schedules on the temporary server it starts when no API is configured,
so serving a schedule needs a real one (`prefect server start`, or an existing PREFECT_API_URL).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

_SERVER_HINT = (
    "Start one in another terminal with `prefect server start`, then "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api` and run this command again."
)


class PrefectUnavailableError(RuntimeError):
    """No Prefect API that can run schedules is configured or reachable."""


def check_cron(cron: str) -> str:
    """Refuse a malformed cron expression before anything is registered."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError as exc:
        raise ValueError(f"not a valid cron expression: {cron!r}") from exc
    return cron


def scheduled_deployment(
    *, cron: str, sources: Path | None, data_dir: Path | None, name: str
) -> RunnerDeployment:
    """The flow as a deployment carrying the cron schedule and the run's parameters."""
    from prefect.types.entrypoint import EntrypointType

    from mlefacts.flows.mlefacts_flow import mlefacts_run

    parameters: dict[str, Any] = {}
    if sources:
        parameters["sources"] = str(Path(sources).resolve())
    if data_dir:
        parameters["data_dir"] = str(Path(data_dir).resolve())
    return mlefacts_run.to_deployment(
        name=name,
        cron=check_cron(cron),
        parameters=parameters,
        description="mlefacts on a schedule: ingest, extract, validate, reconcile, publish.",
        tags=["mlefacts"],
        # By module, not file path: the deployment runs from any working directory.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def require_prefect_api() -> str:
    """The configured Prefect API URL, if it answers; otherwise a clear error saying what to do."""
    url = os.environ.get("PREFECT_API_URL")
    if not url:
        from prefect.settings import PREFECT_API_URL

        url = PREFECT_API_URL.value()
    if not url:
        raise PrefectUnavailableError(
            "No Prefect API is configured, and schedules never fire on Prefect's temporary "
            "server. " + _SERVER_HINT
        )
    from prefect.client.orchestration import SyncPrefectClient

    # Ask that URL itself: a client from the settings context could reach another server.
    with SyncPrefectClient(url, httpx_settings={"timeout": 5}) as client:
        error = client.api_healthcheck()
    if error is not None:
        raise PrefectUnavailableError(
            f"The Prefect API at {url} is not reachable ({error}). " + _SERVER_HINT
        )
    return url


def serve_schedule(*, cron: str, sources: Path | None, data_dir: Path | None, name: str) -> None:
    """Register the scheduled deployment and serve it until interrupted (Ctrl-C)."""
    check_cron(cron)
    require_prefect_api()
    from prefect import serve

    serve(scheduled_deployment(cron=cron, sources=sources, data_dir=data_dir, name=name))

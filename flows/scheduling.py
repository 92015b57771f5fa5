"""Scheduled runs through Prefect: a deployment of the flow with a cron schedule.

Cron expressions are read in UTC unless a time zone is given (`Schedule(timezone=...)`).

Prefect does not fire schedules on the temporary server it starts when no API is configured,
so serving a schedule needs a real one (`prefect server start`, or an existing PREFECT_API_URL).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlefacts.flows.server import PrefectUnavailableError, check_api
from mlefacts.settings import Settings

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

_SERVER_HINT = (
    "Start one in another terminal with `prefect server start`, then "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api` and run this command again."
)


class UnknownTimezoneError(ValueError):
    """A time zone that is not an IANA name (e.g. Europe/Paris)."""


@dataclass(frozen=True, slots=True)
class Schedule:
    """When the flow runs: a cron expression read in an IANA time zone (UTC unless told)."""

    cron: str
    timezone: str = "UTC"

    def __post_init__(self) -> None:
        """Refuse a malformed cron expression or an unknown time zone before anything is
        registered."""
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=self.cron)
        except ValueError as exc:
            raise ValueError(f"not a valid cron expression: {self.cron!r}") from exc
        try:
            CronSchedule(cron=self.cron, timezone=self.timezone)
        except ValueError as exc:
            raise UnknownTimezoneError(f"unknown time zone: {self.timezone!r}") from exc


def scheduled_deployment(*, schedule: Schedule, name: str, settings: Settings) -> RunnerDeployment:
    """The flow as a deployment carrying the cron schedule and the run's settings (the flow's
    one parameter, `settings`, as `Settings.to_dict()` gives them). A manifest that is the
    data directory's default is left out: each run resolves it as `mlefacts run` would, so a
    later `mlefacts sources add` (which starts the data directory's own manifest) counts.

    One run at a time: a run due while another runs (the Late runs a restarted `schedule`
    starts together) is cancelled by Prefect before it starts, instead of failing at the data
    directory's lock."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from mlefacts.config import default_manifest
    from mlefacts.flows.mlefacts_flow import mlefacts_run

    parameters = settings.to_dict()
    if settings.manifest == default_manifest(settings.data_dir):
        del parameters["sources"]
    return mlefacts_run.to_deployment(
        name=name,
        schedule=Cron(schedule.cron, timezone=schedule.timezone),
        parameters={"settings": parameters},
        description="mlefacts on a schedule: ingest, extract, validate, reconcile, publish.",
        tags=["mlefacts"],
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW
        ),
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
            "No Prefect API is configured, and schedules never fire on Prefect's temporary server.",
            _SERVER_HINT,
        )
    check_api(url)
    return url


def serve_schedule(*, schedule: Schedule, name: str, settings: Settings) -> None:
    """Register the scheduled deployment and serve it until interrupted (Ctrl-C, SIGTERM).

    The schedule stays active when this process stops (Prefect would pause it by default), so
    a restarted process, or a service manager restarting it, keeps the schedule running; runs
    due while nothing serves them show up as Late in Prefect.
    """
    require_prefect_api()
    from prefect import serve

    serve(
        scheduled_deployment(schedule=schedule, name=name, settings=settings),
        pause_on_shutdown=False,
    )

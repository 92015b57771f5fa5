"""mlefacts against a real Prefect server (`prefect server start`, started by the tests): the
schedule of `mlefacts schedule` (cron, time zone, the run's options, the runner its config
names) survives the serving process stopping and a restarted process serves runs again; a
failed run fires README's automation and its notification arrives."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer

from mlefacts.flows.server import free_port

pytestmark = pytest.mark.e2e

DEPLOYMENT = "mlefacts-run/restart-test"


def _wait_for(what: str, check: Callable[[], Any], timeout: float) -> Any:
    """Poll `check` until it returns something truthy; fail naming `what` after `timeout`."""
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
        except (httpx.HTTPError, OSError, ObjectNotFound):
            value = None
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGINT) -> None:
    process.send_signal(sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """`prefect server start` on a free loopback port with its own PREFECT_HOME; yields the
    environment a client process needs to use it."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")},
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        # Future runs of a schedule appear within seconds instead of a minute.
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
    }
    log = (home / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
        + ["--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_for("the Prefect server", lambda: httpx.get(f"{url}/health").is_success, 120)
        yield {**env, "PREFECT_API_URL": url}
    finally:
        _stop(server, signal.SIGTERM)
        log.close()


def _serve(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "mlefacts.cli", "schedule", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _one_article(bundled_manifest: Path, tmp_path: Path) -> Path:
    """A manifest of one bundled article, in a folder of its own."""
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(bundled_manifest.parent / "002_00441e875b9b6758.txt", sources / "article.txt")
    manifest = sources / "sources.toml"
    manifest.write_text('[[source]]\nuri = "article.txt"\n', encoding="utf-8")
    return manifest


def _client_env(prefect_server: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The environment of a `mlefacts schedule` process: the test server, a home of its own,
    and scheduled runs picked up within a second."""
    return {
        **prefect_server,
        "PREFECT_HOME": str(tmp_path / "client-home"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
    }


@pytest.fixture
def dask_cluster(prefect_server: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """A Dask scheduler and one single-threaded worker, each a process of its own (`dask
    scheduler`, `dask worker`, as README's cluster steps start them); yields its address."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp_path / "dask.log").open("wb")
    commands = (
        ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port)],
        ["distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1"],
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", *command, "--no-dashboard"],
            env=prefect_server,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for command in commands
    ]
    try:
        _wait_for("the Dask worker", lambda: _dask_scheduler_info(address)["workers"], 120)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process, signal.SIGTERM)
        log.close()


def _dask_scheduler_info(address: str) -> dict[str, Any]:
    """What the Dask scheduler at `address` knows: its workers, and the prefixes of the keys of
    every task it was given (a task submitted by prefect-dask is named after its function)."""
    from distributed import Client

    with Client(address, timeout=5, set_as_default=False) as client:
        info: dict[str, Any] = client.scheduler_info()
        info["task_prefixes"] = client.run_on_scheduler(
            lambda dask_scheduler: sorted(dask_scheduler.task_prefixes)
        )
    return info


def test_a_served_schedule_stays_active_across_a_restart(
    prefect_server: dict[str, str], dask_cluster: str, bundled_manifest: Path, tmp_path: Path
) -> None:
    """The schedule, the options and a config naming a Dask cluster outlive the serving
    process: the restarted process runs the due runs, their batches on that cluster (Prefect
    loads the deployed flow afresh from its module for each run)."""
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    data_dir = tmp_path / "data"
    env = _client_env(prefect_server, tmp_path)
    config = tmp_path / "mlefacts.toml"
    config.write_text(f'[run]\nrunner = "dask"\ndask_address = "{dask_cluster}"\n', "utf-8")
    args = ["--cron", "0 6 * * *", "--timezone", "Europe/Paris", "--name", "restart-test"]
    args += ["--config", str(config)]
    args += [
        "--sources",
        str(_one_article(bundled_manifest, tmp_path)),
        "--data-dir",
        str(data_dir),
    ]
    args += ["--keep-snapshots", "3", "--fail-on", "conflicts"]
    log = tmp_path / "serve.log"

    with SyncPrefectClient(prefect_server["PREFECT_API_URL"]) as client:
        first = _serve(args, env, log)
        try:
            deployment = _wait_for(
                "the deployment", lambda: client.read_deployment_by_name(DEPLOYMENT), 90
            )
        finally:
            _stop(first)  # Ctrl-C, as an operator stops it
        assert first.returncode is not None

        def scheduled_runs() -> list[Any]:
            return client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(
                        type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])
                    )
                ),
            )

        stored = client.read_deployment(deployment.id)
        [schedule] = stored.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 6 * * *", "Europe/Paris")
        stored_settings = stored.parameters["settings"]
        assert stored_settings["run"]["keep_snapshots"] == 3
        assert stored_settings["run"]["fail_on"] == "conflicts"
        assert stored_settings["data_dir"] == str(data_dir.resolve())
        assert stored_settings["run"]["runner"] == "dask"
        assert stored_settings["run"]["dask_address"] == dask_cluster
        # Stopped, the schedule is still active: the server keeps planning its runs.
        assert not stored.paused and schedule.active, log.read_text()
        _wait_for("runs planned by the schedule", scheduled_runs, 30)

        # Three runs due while nothing served them (as Late runs are): the restarted process
        # starts them together; one runs, the others are cancelled before they start instead
        # of failing at the data directory's lock.
        due = [client.create_flow_run_from_deployment(deployment.id) for _ in range(3)]
        second = _serve(args, env, log)
        try:
            ended = [
                _wait_for(
                    f"flow run {run.id} to end",
                    lambda run=run: (got := client.read_flow_run(run.id)).state.is_final() and got,
                    120,
                )
                for run in due
            ]
        finally:
            _stop(second)
        states = sorted(run.state.type.value for run in ended)
        assert states == ["CANCELLED", "CANCELLED", "COMPLETED"], (states, log.read_text()[-3000:])
        assert not client.read_deployment(deployment.id).paused
    assert (data_dir / "curated" / "current" / "claims.parquet").is_file()
    assert _dask_scheduler_info(dask_cluster)["task_prefixes"] == ["extract"]


def test_a_failed_run_sends_the_notification_of_the_readme_automation(
    prefect_server: dict[str, str], httpserver: HTTPServer, tmp_path: Path
) -> None:
    """README's automation (a Failed run of the mlefacts-run flow -> SendNotification), with a
    webhook block aimed at a local HTTP server in place of Slack."""
    from prefect.automations import Automation
    from prefect.blocks.notifications import CustomWebhookNotificationBlock
    from prefect.events.actions import SendNotification
    from prefect.events.schemas.automations import EventTrigger
    from prefect.settings import PREFECT_API_URL, temporary_settings

    httpserver.expect_request("/notify", method="POST").respond_with_data("ok")
    with temporary_settings(updates={PREFECT_API_URL: prefect_server["PREFECT_API_URL"]}):
        block_id = CustomWebhookNotificationBlock(
            name="mlefacts-test",
            url=httpserver.url_for("/notify"),
            json_data={"subject": "{{subject}}", "body": "{{body}}"},
        ).save("mlefacts-alerts", overwrite=True)
        Automation(
            name="mlefacts run failed",
            trigger=EventTrigger(
                expect={"prefect.flow-run.Failed"},
                match_related={
                    "prefect.resource.role": "flow",
                    "prefect.resource.name": "mlefacts-run",
                },
                posture="Reactive",
                threshold=1,
            ),
            actions=[
                SendNotification(
                    block_document_id=block_id,
                    subject="mlefacts run failed",
                    body="{{ flow_run.name }}: {{ flow_run.state.message }}",
                )
            ],
        ).create()

    manifest = tmp_path / "sources.toml"
    manifest.write_text('[[source]]\nuri = "gone.txt"\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mlefacts.cli", "run", "--sources", str(manifest)]
        + ["--data-dir", str(tmp_path / "data")],
        env={**prefect_server, "PREFECT_HOME": str(tmp_path / "client-home")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr[-2000:]
    _wait_for("the notification", lambda: httpserver.log, 60)
    request, _ = httpserver.log[0]
    sent = request.get_json()
    assert sent["subject"] == "mlefacts run failed"
    assert "1 of 1 sources failed" in sent["body"]

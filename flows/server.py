"""The temporary Prefect server of `mlefacts run`, started before the pipeline is imported.

With no API configured, Prefect starts a temporary server at the first flow run: it first
imports the whole server package into this process (~5 s and ~70 MB here), then waits for
the server process to import it again and start (~6 s), while this process sits idle. Started
here instead, first, the server starts on another core while this process imports the
pipeline and Prefect's client, which never imports the server. It is the server Prefect would
start (the same uvicorn command, settings and environment), once per process, stopped at exit.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_servers: dict[str, subprocess.Popen[bytes]] = {}


class ServerStartError(RuntimeError):
    """The temporary server did not answer in time, or exited."""


@contextmanager
def prefect_api(*, meanwhile: Callable[[], object] = lambda: None) -> Iterator[str | None]:
    """Within the block, Prefect reports to the configured API, else to a temporary server
    of this process (started on first use; `meanwhile` runs while it starts, e.g. imports);
    yields the URL of the server started, if any."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        meanwhile()
        yield None  # the configured API; or Prefect's own error when there is none to use
        return
    url = temporary_server(
        env=settings.to_environment_variables(exclude_unset=True),
        timeout=settings.server.ephemeral.startup_timeout_seconds,
        meanwhile=meanwhile,
    )
    with use_api(url):
        yield url


@contextmanager
def use_api(url: str) -> Iterator[None]:
    """This process and the worker processes it starts report to `url` while the block runs.

    The setting goes into the current settings; into the environment, which worker processes
    inherit (Prefect hands each task its settings but restores the worker's environment after
    it, and a log flushed later would otherwise start a server in the worker); and into
    Prefect's process-wide settings, which its background threads read (they do not share the
    caller's context: the thread forwarding the workers' events and logs would start a second
    temporary server, ~250 MB, left running until the process ends)."""
    from prefect.context import refresh_global_settings_context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    refresh_global_settings_context()
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
        refresh_global_settings_context()


def temporary_server(
    *, env: dict[str, str], timeout: float, meanwhile: Callable[[], object] = lambda: None
) -> str:
    """The API URL of this process's temporary server, starting it if it is not running
    (and calling `meanwhile` before waiting for it to answer)."""
    for url, process in list(_servers.items()):
        if process.poll() is None:
            meanwhile()
            return url
        del _servers[url]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    from prefect.logging import get_logger
    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()
    # Prefect's own wording, on its console: one line per run, whoever starts the server.
    get_logger().info("Starting temporary server on %s", url.removesuffix("/api"))
    process = subprocess.Popen(_uvicorn_command(port), env={**os.environ, **_SERVER_ENV, **env})
    _servers[url] = process
    atexit.register(_stop, url)
    try:
        meanwhile()
    except BaseException:
        _stop(url)
        raise
    _wait_until_healthy(url, process, timeout=timeout)
    return url


# What Prefect sets for its temporary server: no UI, ephemeral services only.
_SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
}


def _uvicorn_command(port: int) -> list[str]:
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--app-dir",
        str(Path(spec.origin).parent.parent),
        "--factory",
        "prefect.server.api.server:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "error",
        "--lifespan",
        "on",
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _servers.pop(url, None)
            raise ServerStartError(
                f"the temporary Prefect server exited with code {process.returncode}"
            )
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    _stop(url)
    raise ServerStartError(
        f"the temporary Prefect server did not answer within {timeout:g} s "
        "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)"
    )


def _stop(url: str) -> None:
    process = _servers.pop(url, None)
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

"""The temporary Prefect server of `mlefacts run`, started before the pipeline is imported.

With no API configured, Prefect starts a temporary server at the first flow run: it first
imports the whole server package into this process (~5 s and ~70 MB here), then waits for
the server process to import it again and start (~6 s), while this process sits idle. Started
here instead, first, the server starts on another core while this process imports the
pipeline and Prefect's client, which never imports the server. It is the server Prefect would
start (the same uvicorn app, options, settings and environment, its imports made faster:
`server_process`), once per process, stopped at exit.
`mlefacts run` starts it earlier still (`early_server`), before it imports Prefect or pandas.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Server:
    process: subprocess.Popen[bytes]
    ready: bool = False


_servers: dict[str, _Server] = {}


class ServerStartError(RuntimeError):
    """The temporary server did not answer in time, or exited."""


class PrefectUnavailableError(RuntimeError):
    """No Prefect API that can run schedules is configured, or the configured one does not
    answer; `hint` says what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


# What to do when the configured API does not answer.
_UNREACHABLE_HINT = (
    "start the server PREFECT_API_URL names (`prefect server start`), point PREFECT_API_URL at "
    "one that runs, or unset it (`mlefacts run` then starts a temporary server; `schedule` "
    "needs a running one)"
)


def check_api(url: str) -> None:
    """Raise `PrefectUnavailableError` unless the Prefect API at `url` answers its health
    check (within 5 s): a run or a schedule says so at once, instead of Prefect's traceback
    after its retries."""
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.settings import get_current_settings

    api = get_current_settings().api
    key = api.key.get_secret_value() if api.key else None
    auth = api.auth_string.get_secret_value() if api.auth_string else None
    # Ask that URL itself (with the configured credentials): a client from the settings
    # context could reach another server.
    with SyncPrefectClient(
        url, api_key=key, auth_string=auth, httpx_settings={"timeout": 5}
    ) as client:
        error = client.api_healthcheck()
    if error is not None:
        raise PrefectUnavailableError(
            f"The Prefect API at {url} is not reachable ({error}).", _UNREACHABLE_HINT
        )


@contextmanager
def prefect_api(*, meanwhile: Callable[[], object] = lambda: None) -> Iterator[str | None]:
    """Within the block, Prefect reports to the configured API, else to a temporary server
    of this process (started on first use; `meanwhile` runs while it starts, e.g. imports);
    yields the URL of the server started, if any."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        for url in list(_servers):  # an early server, when a profile names the API after all
            _stop(url)
        meanwhile()
        if settings.api.url:
            check_api(settings.api.url)
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


@contextmanager
def early_server() -> Iterator[None]:
    """Within the block, the temporary server `prefect_api` will use is already starting.

    `mlefacts run` enters it before it imports Prefect, pandas or the pipeline (~2 s of CPU
    on this machine), so the server's start, the longest part of a small run, overlaps all of
    them; not when the environment or the active Prefect profile names an API. A server no run
    used (the run was refused, or Prefect's settings name an API after all) stops with the
    block; one that served a run stops at exit, after Prefect's workers sent it their last
    logs and events.
    """
    if _names_an_api() or _running_url():
        yield
        return
    url = _start({})
    try:
        yield
    finally:
        server = _servers.get(url)
        if server is not None and not server.ready:
            _stop(url)


def _names_an_api() -> bool:
    """Whether the environment or the active Prefect profile (`prefect config set`) names an
    API, read without importing Prefect. Prefect's other sources (prefect.toml, .env) are left
    to `prefect_api`, which stops an early server they make useless."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active")
    profile = profiles.get("profiles", {}).get(active, {})
    return isinstance(profile, dict) and bool(profile.get("PREFECT_API_URL"))


def temporary_server(
    *, env: dict[str, str], timeout: float, meanwhile: Callable[[], object] = lambda: None
) -> str:
    """The API URL of this process's temporary server, starting it if it is not running
    (and calling `meanwhile` before waiting for it to answer)."""
    url = _running_url() or _start(env)
    server = _servers[url]
    if server.ready:
        meanwhile()
        return url
    from prefect.logging import get_logger
    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()
    # Prefect's own wording, on its console: one line per run, whoever starts the server.
    get_logger().info("Starting temporary server on %s", url.removesuffix("/api"))
    try:
        meanwhile()
    except BaseException:
        _stop(url)
        raise
    _wait_until_healthy(url, server.process, timeout=timeout)
    server.ready = True
    return url


def _running_url() -> str | None:
    for url, server in list(_servers.items()):
        if server.process.poll() is None:
            return url
        del _servers[url]
    return None


def _start(env: dict[str, str]) -> str:
    """Start a server process on a free port (the environment's settings, then `env`)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    process = subprocess.Popen(_uvicorn_command(port), env={**os.environ, **_SERVER_ENV, **env})
    _servers[url] = _Server(process)
    atexit.register(_stop, url)
    _stop_servers_on_sigterm()
    return url


def _stop_servers_on_sigterm() -> None:
    """A process that SIGTERM ends runs no `atexit` hook, and Prefect sends a run's process the
    signal again once the flow run has ended Crashed: its temporary server (~230 MB, a port)
    would outlive it. Where SIGTERM still ends the process (the default), it first stops the
    servers, then ends the process as before."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def stop_then_end(signum: int, _frame: object) -> None:
        for url in list(_servers):
            _stop(url)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    signal.signal(signal.SIGTERM, stop_then_end)


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
        "mlefacts.flows.server_process",  # uvicorn, its imports faster
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


def free_port() -> int:
    """A loopback port free right now, for a Prefect server to listen on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers_health(url: str) -> bool:
    """Whether the Prefect server whose API is at `url` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _servers.pop(url, None)
            raise ServerStartError(
                f"the temporary Prefect server exited with code {process.returncode}"
            )
        if answers_health(url):
            return
        time.sleep(0.1)
    _stop(url)
    raise ServerStartError(
        f"the temporary Prefect server did not answer within {timeout:g} s "
        "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)"
    )


def _stop(url: str) -> None:
    server = _servers.pop(url, None)
    if server is None or server.process.poll() is not None:
        return
    process = server.process
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

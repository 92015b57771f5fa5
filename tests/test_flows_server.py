"""The temporary server `mlefacts run` starts before its imports (`early_server`): started only
when no API is configured, and stopped at once when no run used it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlefacts.flows import server


@pytest.fixture
def no_api(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No PREFECT_API_URL, a fresh PREFECT_HOME, and no server left from another test."""
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    yield
    for url in list(server._servers):
        server._stop(url)


def test_no_server_when_the_environment_names_an_api(
    monkeypatch: pytest.MonkeyPatch, no_api: None
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    with server.early_server():
        assert server._servers == {}


def test_no_server_when_the_active_profile_names_an_api(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, no_api: None
) -> None:
    """`prefect config set PREFECT_API_URL=...` writes the URL into the active profile."""
    profiles = tmp_path / "profiles.toml"
    profiles.write_text(
        'active = "local"\n[profiles.local]\nPREFECT_API_URL = "http://127.0.0.1:9/api"\n'
        '[profiles.other]\nPREFECT_LOGGING_LEVEL = "INFO"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(profiles))
    with server.early_server():
        assert server._servers == {}
    monkeypatch.setenv("PREFECT_PROFILE", "other")  # a profile without an API: a server starts
    with server.early_server():
        assert len(server._servers) == 1
    assert server._servers == {}


def test_a_server_no_run_used_stops_with_the_block(no_api: None) -> None:
    with pytest.raises(RuntimeError, match="refused"), server.early_server():
        (started,) = server._servers.values()
        raise RuntimeError("the run was refused before it started")
    assert started.process.poll() is not None
    assert server._servers == {}


def test_a_configured_api_stops_the_early_server(no_api: None) -> None:
    """A profile (here: the current settings) may name an API the environment does not."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with server.early_server():
        (started,) = server._servers.values()
        with (
            temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}),
            # nothing answers there: said before the run starts, not after Prefect's retries
            pytest.raises(server.PrefectUnavailableError, match=r"127\.0\.0\.1:9/api"),
            server.prefect_api(),
        ):
            pass
        assert started.process.poll() is not None


def test_a_process_ended_by_sigterm_stops_its_server_first(no_api: None) -> None:
    """As a scheduler stops a run (Prefect sends the signal again after the flow run crashed)."""
    script = (
        "import time\n"
        "from mlefacts.flows import server\n"
        "with server.early_server():\n"
        "    (started,) = server._servers.values()\n"
        "    print(started.process.pid, flush=True)\n"
        "    time.sleep(600)\n"
    )
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None
    server_pid = int(run.stdout.readline())
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == -signal.SIGTERM  # it still ends by the signal
    deadline = time.monotonic() + 30
    while _alive(server_pid):
        assert time.monotonic() < deadline, "the temporary server outlived its process"
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# The server process's entry, with uvicorn's `main` replaced by a report of the process's state.
_SERVER_PROCESS = """
import gc, importlib
command = importlib.import_module("uvicorn.main")  # the module, whose `main` is the command
command.main = lambda: print(gc.isenabled(), gc.get_freeze_count(), flush=True)
from mlefacts.flows import server_process
server_process.main()
"""


def test_the_server_process_imports_prefects_app_with_the_collector_paused() -> None:
    """The objects of Prefect's server app (imported with the collector paused: ~1 s of the
    server's start) are frozen, and uvicorn serves with the collector on again."""
    out = subprocess.run(
        [sys.executable, "-c", _SERVER_PROCESS], capture_output=True, text=True, check=True
    ).stdout
    enabled, frozen = out.split()
    assert enabled == "True"
    assert int(frozen) > 100_000  # Prefect's server modules, pydantic models, SQLAlchemy's

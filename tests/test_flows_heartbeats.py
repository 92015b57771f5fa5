"""`mlefacts run` sends Prefect's flow heartbeats only when they are configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_INSIDE = """
from prefect.settings import get_current_settings
from flows.orchestrate import _heartbeats_when_configured
with _heartbeats_when_configured():
    print(get_current_settings().flows.heartbeat_frequency)
"""


@pytest.mark.parametrize(("configured", "expected"), [(None, "None"), ("30", "30")])
def test_heartbeats_run_only_when_their_frequency_is_set(
    configured: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_FLOWS_HEARTBEAT_FREQUENCY"}
    if configured is not None:
        env["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] = configured
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", _INSIDE],
        cwd=root,
        env={**env, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == expected

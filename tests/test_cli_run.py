"""`mlefacts run`: the real flow (on the session's Prefect test server), its exit codes and the
checks it makes before starting Prefect."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlefacts.cli import app
from mlefacts.publish.lock import run_lock

runner = CliRunner()


def invoke(*args: str | Path) -> object:
    return runner.invoke(app, [str(arg) for arg in args])


CONSOLE_LEVEL = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"


@pytest.fixture
def quiet_prefect(monkeypatch: pytest.MonkeyPatch) -> None:
    """No console level set before the test: `run` sets one for its own run only."""
    monkeypatch.delenv(CONSOLE_LEVEL, raising=False)


@pytest.mark.e2e
def test_run_publishes_then_reports_failed_sources_with_exit_1(
    prefect_harness: None, quiet_prefect: None, bundled_manifest: Path, tmp_path: Path
) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(bundled_manifest.parent, sources)
    data_dir = tmp_path / "data"

    first = invoke("run", "--sources", sources / "sources.toml", "--data-dir", data_dir, "--json")
    assert first.exit_code == 0, first.output
    assert CONSOLE_LEVEL not in os.environ  # taken back: a later run in this process is not muted
    record = json.loads(first.stdout)
    assert record["status"] == "completed"
    assert record["n_sources"] == 3 and record["n_sources_failed"] == 0
    assert (data_dir / "curated" / "current" / "claims.parquet").is_file()
    tables = invoke("tables", "--data-dir", data_dir, "-f", "json")
    assert {"claims": record["n_claims"]}.items() <= {
        row["table"]: row["rows"] for row in json.loads(tables.stdout)
    }.items()

    manifest = sources / "sources.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + '\n[[source]]\nuri = "gone.txt"\n', encoding="utf-8"
    )
    second = invoke("run", "--sources", manifest, "--data-dir", data_dir)
    assert second.exit_code == 1, second.output
    assert "completed_with_errors" in second.stdout
    assert "1 failed" in second.stdout and "3 unchanged" in second.stdout
    assert "failed gone.txt" in second.stdout
    assert "mlefacts sources list" in second.stdout
    assert "failed: 1 of 4 sources failed" in second.stderr

    # Failed sources do not fail the run when told so; the record says the same.
    never = invoke("run", "--sources", manifest, "--data-dir", data_dir, "--fail-on", "never")
    assert never.exit_code == 0, never.output
    assert "completed_with_errors" in never.stdout


def test_run_refuses_a_bad_manifest_before_starting_prefect(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text('[[source]]\ntitle = "no uri"\n', encoding="utf-8")
    result = invoke("run", "--sources", manifest, "--data-dir", tmp_path / "data")
    assert result.exit_code == 2
    assert "missing uri" in result.stderr
    assert "[[source]]" in result.stderr
    missing = invoke("run", "--sources", tmp_path / "nope.toml", "--data-dir", tmp_path)
    assert missing.exit_code == 2 and "manifest not found" in missing.stderr


def test_run_refuses_a_locked_data_dir(bundled_manifest: Path, tmp_path: Path) -> None:
    with run_lock(tmp_path):
        result = invoke("run", "--sources", bundled_manifest, "--data-dir", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: another mlefacts run")
    assert "Traceback" not in result.output and "wait for it to finish" in result.stderr
    assert not (tmp_path / "curated" / "current").exists()


@pytest.mark.e2e
def test_a_run_that_meets_the_lock_inside_the_flow_fails_cleanly(
    prefect_harness: None,
    quiet_prefect: None,
    bundled_manifest: Path,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The lock taken after `run`'s own check (another run started meanwhile): the flow run
    ends Failed with the lock's message, and nothing prints a traceback."""
    import mlefacts
    from mlefacts.publish.lock import RunLockedError

    with run_lock(tmp_path), pytest.raises(RunLockedError, match="another mlefacts run"):
        mlefacts.run(sources=bundled_manifest, data_dir=tmp_path)
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    assert not (tmp_path / "curated" / "current").exists()


def test_run_usage_errors_exit_2(bundled_manifest: Path, tmp_path: Path) -> None:
    assert invoke("run", "--runner", "spark", "--data-dir", tmp_path).exit_code == 2
    assert invoke("run", "--batch-size", "0", "--data-dir", tmp_path).exit_code == 2
    dask = invoke(
        "run", "--sources", bundled_manifest, "--data-dir", tmp_path, "--dask-address", "tcp://x:1"
    )
    assert dask.exit_code == 2
    assert "--runner dask" in dask.stderr


def test_run_imports_its_code_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch, bundled_manifest: Path, tmp_path: Path
) -> None:
    """Prefect, pandas, Pandera and the pipeline are imported with the cyclic garbage collector
    paused, then frozen (`frozen_imports`): ~0.3 s of a small run."""
    import gc

    import mlefacts.flows.orchestrate as orchestrate
    from mlefacts import long_lived

    monkeypatch.setattr(long_lived, "_imports_frozen", False)  # as in a new process

    class Stop(Exception):
        pass

    paused = []

    def prepare_flow() -> None:
        paused.append(not gc.isenabled())
        raise Stop

    monkeypatch.setattr(orchestrate, "prepare_flow", prepare_flow)
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # no early server
    try:
        result = invoke("run", "--sources", bundled_manifest, "--data-dir", tmp_path)
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    assert isinstance(result.exception, Stop)
    assert paused == [True]
    assert gc.isenabled() and frozen > 0


def test_run_against_an_api_that_does_not_answer_says_so_in_one_line(
    bundled_manifest: Path, tmp_path: Path
) -> None:
    """PREFECT_API_URL naming a stopped server: an error line and a hint, exit 2, no traceback
    (it printed Prefect's 400-line traceback after its retries). A process of its own: Prefect
    reads the variable when it is imported."""
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"}
    done = subprocess.run(
        [sys.executable, "-m", "mlefacts.cli", "run", "--sources", str(bundled_manifest)]
        + ["--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "error: The Prefect API at http://127.0.0.1:9/api is not reachable" in done.stderr
    assert "hint:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "curated" / "current").exists()

"""The command line on inputs that must stop before any work: exit 2, one clear line, no
traceback, and never a hang (the checks `mlefacts run` makes before starting Prefect)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlefacts.cli import app

runner = CliRunner()


def invoke(*args: str | Path) -> object:
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[source]]\nuri = "http://[::1"\n', "bad uri 'http://[::1'"),
        ('[[sources]]\nuri = "a.txt"\n', "unknown key 'sources'"),
        ('[[source]]\nurl = "a.txt"\n', "did you mean 'uri'?"),
        ("", "no sources"),
    ],
)
def test_run_on_a_bad_manifest_exits_2_without_a_traceback(
    tmp_path: Path, body: str, message: str
) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text(body, encoding="utf-8")
    result = invoke("run", "--sources", manifest, "--data-dir", tmp_path / "data")
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.output
    assert not (tmp_path / "data" / "curated" / "current").exists()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_run_on_a_manifest_that_is_not_a_file_exits_2_at_once(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        manifest = tmp_path / "sources.toml"
        os.mkfifo(manifest)
    else:
        manifest = Path("/dev/zero")
        if not manifest.exists():
            pytest.skip("needs /dev/zero")
    started = time.monotonic()
    result = invoke("run", "--sources", manifest, "--data-dir", tmp_path / "data")
    assert result.exit_code == 2, result.output
    assert "not a regular file" in " ".join(result.stderr.split())
    assert time.monotonic() - started < 10

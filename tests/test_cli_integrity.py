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


def _publish(tmp_path: Path) -> Path:
    """Two published snapshots (the second with one more source) in a data directory."""
    from mlefacts.runner import run_pipeline
    from mlefacts.settings import Settings

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("Machine learning engineers earn a median salary of $150,000.")
    (folder / "b.txt").write_text("Machine learning engineers earn a median salary of $170,000.")
    data_dir = tmp_path / "data"
    for names in (["a.txt"], ["a.txt", "b.txt"]):
        manifest = folder / "sources.toml"
        manifest.write_text("".join(f'[[source]]\nuri = "{n}"\n' for n in names))
        run_pipeline(Settings(data_dir=data_dir, manifest=manifest))
    return data_dir


@pytest.mark.slow
def test_verify_then_rollback_on_the_command_line(tmp_path: Path) -> None:
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots, snapshot_dir

    data_dir = _publish(tmp_path)
    curated = data_dir / "curated"
    first, second = list_snapshots(curated)
    result = invoke("verify", "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    assert f"{second}: ok" in result.stdout

    claims = snapshot_dir(curated, first) / "claims.parquet"
    original = claims.read_bytes()
    data = bytearray(original)
    data[len(data) // 2] ^= 1
    claims.write_bytes(bytes(data))
    result = invoke("verify", "--all", "--data-dir", data_dir)
    assert result.exit_code == 1
    assert f"{first}: claims.parquet does not match its sha256" in " ".join(result.stdout.split())

    refused = invoke("rollback", first, "--data-dir", data_dir)
    assert refused.exit_code == 2 and "damaged" in refused.stderr
    assert current_snapshot(curated) == second
    unknown = invoke("rollback", "nope", "--data-dir", data_dir)
    assert unknown.exit_code == 2 and "mlefacts snapshots" in unknown.stderr

    claims.write_bytes(original)  # repaired
    done = invoke("rollback", first, "--data-dir", data_dir)
    assert done.exit_code == 0, done.output
    assert current_snapshot(curated) == first
    listed = invoke("sql", "SELECT count(*) AS n FROM claims", "--data-dir", data_dir, "-f", "csv")
    assert listed.stdout.splitlines()[-1] == "1"


@pytest.mark.slow
def test_snapshots_lists_a_snapshot_whose_manifest_is_gone(tmp_path: Path) -> None:
    from mlefacts.publish.snapshots import MANIFEST, list_snapshots, snapshot_dir

    data_dir = _publish(tmp_path)
    first, second = list_snapshots(data_dir / "curated")
    (snapshot_dir(data_dir / "curated", first) / MANIFEST).unlink()
    result = invoke("snapshots", "--data-dir", data_dir, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert first in result.stdout and second in result.stdout
    damaged = invoke("verify", "--all", "--data-dir", data_dir)
    assert damaged.exit_code == 1 and f"{first}: {MANIFEST} is missing" in damaged.stdout


def test_verify_with_nothing_published_exits_2(tmp_path: Path) -> None:
    result = invoke("verify", "--data-dir", tmp_path)
    assert result.exit_code == 2 and "no snapshot published yet" in result.stderr


def test_run_options_for_a_shrinking_manifest_are_documented() -> None:
    result = invoke("run", "--help")
    text = " ".join(result.stdout.split())
    assert "--allow-shrink" in text and "--max-shrink" in text


def test_sources_add_takes_one_file_by_any_path_once(tmp_path: Path) -> None:
    from mlefacts.sources.manifest import load_manifest

    manifest = tmp_path / "sources.toml"
    (tmp_path / "notes.txt").write_text("ML engineers deploy models.\n")
    added = invoke("sources", "add", tmp_path / "notes.txt", "--sources", manifest)
    assert added.exit_code == 0, added.output
    assert [spec.uri for spec in load_manifest(manifest)] == ["notes.txt"]
    for again in ("notes.txt", "./notes.txt", tmp_path / "sub" / ".." / "notes.txt"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = invoke("sources", "add", again, "--sources", manifest)
        assert result.exit_code == 2, again
        assert "already listed" in result.stderr
    assert len(load_manifest(manifest)) == 1


def test_sources_add_without_sources_writes_the_data_dirs_manifest(tmp_path: Path) -> None:
    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import load_manifest

    bundled = default_manifest()
    before = bundled.read_bytes()
    data_dir = tmp_path / "data"
    url = "https://example.com/ml-engineer"
    result = invoke("sources", "add", url, "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    assert bundled.read_bytes() == before
    own = data_dir / "sources.toml"
    assert url in [spec.uri for spec in load_manifest(own)]
    assert default_manifest(data_dir) == own  # what `mlefacts run --data-dir` then reads
    listed = invoke("sources", "list", "--data-dir", data_dir, "-f", "csv")
    assert url in listed.stdout


@pytest.mark.parametrize(
    ("uri", "word"),
    [("http://127.0.0.1:8000/page", "loopback"), ("http://10.1.2.3/page", "private")],
)
def test_sources_add_warns_about_a_host_runs_will_refuse(
    tmp_path: Path, uri: str, word: str
) -> None:
    result = invoke("sources", "add", uri, "--sources", tmp_path / "sources.toml")
    assert result.exit_code == 0, result.output
    warning = " ".join(result.stderr.split())
    assert "warning" in warning and word in warning and "--allow-private-hosts" in warning


def test_sources_add_warns_about_a_path_runs_will_refuse(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("ML engineers deploy models.\n")
    (tmp_path / "m").mkdir()
    result = invoke("sources", "add", outside, "--sources", tmp_path / "m" / "sources.toml")
    assert result.exit_code == 0, result.output
    assert "--allow-outside-paths" in " ".join(result.stderr.split())


def test_the_first_own_manifest_keeps_the_bundled_sources_of_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from mlefacts import config
    from mlefacts.sources.manifest import load_manifest

    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "raw" / "bundled", tmp_path / "raw" / "bundled")
    monkeypatch.setattr(config, "repository_root", lambda: tmp_path)
    result = invoke("sources", "add", "https://example.com/a", "--data-dir", tmp_path)
    assert result.exit_code == 0, result.output
    bundled = load_manifest(tmp_path / "raw" / "bundled" / "sources.toml")
    own = load_manifest(tmp_path / "sources.toml")
    assert [spec.uri for spec in own] == [
        *(f"raw/bundled/{spec.uri}" for spec in bundled),
        "https://example.com/a",
    ]
    assert [spec.title for spec in own[:-1]] == [spec.title for spec in bundled]


def test_run_on_a_manifest_that_drops_the_published_sources_exits_2_at_once(
    tmp_path: Path,
) -> None:
    data_dir = _publish(tmp_path)
    other = tmp_path / "sources" / "other.toml"
    (tmp_path / "sources" / "c.txt").write_text("ML engineers earn $150,000.")
    other.write_text('[[source]]\nuri = "c.txt"\n')
    result = invoke("run", "--sources", other, "--data-dir", data_dir)
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert "would drop 2 of the 2 published sources" in message and "--allow-shrink" in message
    assert "Traceback" not in result.output

"""`mlefacts sources add` and `sources list` on a manifest of one's own, `schemas export`,
`schedule` without a Prefect server, and every command named in the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlefacts.cli import app
from mlefacts.sources.manifest import load_manifest
from mlefacts.sources.rawzone import RawZone

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


def invoke(*args: str | Path, env: dict[str, str] | None = None) -> object:
    return runner.invoke(app, [str(arg) for arg in args], env=env)


def test_sources_add_then_list_on_a_new_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "my_sources.toml"
    (tmp_path / "notes.txt").write_text("ML engineers deploy models.\n", encoding="utf-8")
    url = "https://example.com/ml-engineer"
    added = invoke(
        "sources", "add", url, "--sources", manifest, "--title", "ML roles",
        "--published", "2024-03-01",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "added https://example.com/ml-engineer" in added.stdout
    assert invoke("sources", "add", "notes.txt", "--sources", manifest).exit_code == 0

    specs = load_manifest(manifest)
    assert [spec.uri for spec in specs] == [url, "notes.txt"]
    assert specs[0].title == "ML roles" and str(specs[0].published) == "2024-03-01"

    listed = invoke("sources", "list", "--sources", manifest, "--data-dir", tmp_path, "-f", "json")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [row["uri"] for row in rows] == [url, "notes.txt"]
    assert {row["last_status"] for row in rows} == {"never fetched"}
    assert rows[0]["source_id"] == specs[0].source_id


def test_sources_add_prints_a_bracketed_uri_and_folder_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "[red]feeds"
    folder.mkdir()
    url = "https://example.com/jobs/[draft]/ml-engineer"
    added = invoke("sources", "add", url, "--sources", folder / "sources.toml")
    assert added.exit_code == 0, added.output
    flat = "".join(added.stdout.split())
    assert url in flat and f"--sources{folder}/sources.toml" in flat


def test_sources_list_shows_the_last_fetch_status(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    url = "https://example.com/gone"
    assert invoke("sources", "add", url, "--sources", manifest).exit_code == 0
    (spec,) = load_manifest(manifest)
    RawZone(tmp_path / "raw").record_fetch(
        source_id=spec.source_id, uri=url, status="error", error="HTTP 404", http_status=404
    )
    listed = invoke("sources", "list", "--sources", manifest, "--data-dir", tmp_path, "-f", "json")
    rows = json.loads(listed.stdout)
    assert rows[0]["last_status"] == "error"
    assert rows[0]["error"] == "HTTP 404"


def test_sources_add_refuses_bad_input_with_exit_2(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    url = "https://example.com/a"
    assert invoke("sources", "add", url, "--sources", manifest).exit_code == 0
    before = manifest.read_text(encoding="utf-8")
    cases = {
        ("https://EXAMPLE.com/a",): "already listed",
        ("ftp://example.com/a",): "unknown scheme",
        ("missing.txt",): "relative to the manifest",
        ("https://example.com/b", "--published", "March 2024"): "YYYY-MM-DD",
        ("https://exa mple.com/c",): "bad host",
    }
    for args, message in cases.items():
        result = invoke("sources", "add", *args, "--sources", manifest)
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert "hint:" in result.stderr, (args, result.stderr)  # every refusal says what next
    assert manifest.read_text(encoding="utf-8") == before


def test_sources_list_of_a_bad_manifest_exits_2(tmp_path: Path) -> None:
    missing = invoke("sources", "list", "--sources", tmp_path / "nope.toml")
    assert missing.exit_code == 2 and "manifest not found" in missing.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nurl = "https://example.com"\n', encoding="utf-8")
    result = invoke("sources", "list", "--sources", bad)
    assert result.exit_code == 2
    assert "unknown key 'url'" in result.stderr


def test_schemas_export_writes_the_committed_files(tmp_path: Path) -> None:
    result = invoke("schemas", "export", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (REPO / "schemas").glob("*.schema.json"))
    assert written == committed
    for name in written:
        assert (tmp_path / name).read_bytes() == (REPO / "schemas" / name).read_bytes(), name


def test_schemas_export_check_exits_1_on_drift(tmp_path: Path) -> None:
    assert invoke("schemas", "export", "--out", tmp_path).exit_code == 0
    fresh = invoke("schemas", "export", "--out", tmp_path, "--check")
    assert fresh.exit_code == 0, fresh.output
    claims = tmp_path / "claims.schema.json"
    claims.write_text(claims.read_text(encoding="utf-8").replace('"quote"', '"cite"'))
    stale = invoke("schemas", "export", "--out", tmp_path, "--check")
    assert stale.exit_code == 1
    assert "claims.schema.json" in stale.stderr and "mlefacts schemas export" in stale.stderr
    assert '"cite"' in claims.read_text(encoding="utf-8")


def test_schedule_without_a_reachable_prefect_api_says_how_to_start_one() -> None:
    result = invoke(
        "schedule", "--cron", "0 6 * * *", env={"PREFECT_API_URL": "http://127.0.0.1:9/api"}
    )
    assert result.exit_code == 2
    assert "not reachable" in result.stderr
    assert "prefect server start" in result.stderr
    assert "PREFECT_API_URL" in result.stderr


def test_schedule_with_an_invalid_cron_exits_2() -> None:
    result = invoke("schedule", "--cron", "every morning")
    assert result.exit_code == 2
    assert "not a valid cron expression" in result.stderr
    assert "0 6 * * *" in result.stderr
    assert invoke("schedule").exit_code == 2  # --cron is required


def _command_lines() -> list[str]:
    """'run', 'sql', ..., 'sources add': every command a user can type."""
    lines = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    for group in app.registered_groups:
        for command in group.typer_instance.registered_commands:
            name = command.name or command.callback.__name__.replace("_", "-")
            lines.append(f"{group.name} {name}")
    return lines


def test_every_command_has_help_with_an_example() -> None:
    for line in _command_lines():
        result = invoke(*line.split(), "--help")
        assert result.exit_code == 0, line
        assert "Example" in result.stdout, line


def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source_lines() -> None:
    """A docstring's line breaks would break `--help` mid-sentence on a narrower terminal."""
    result = invoke("verify", "--help", env={"COLUMNS": "200"})
    assert "(a run repairs the current snapshot by switching back to the newest" in result.stdout
    example = 'mlefacts schedule --cron "0 6 * * *" --timezone Europe/Paris --config mlefacts.toml'
    assert example in invoke("schedule", "--help", env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize("command", _command_lines())
def test_every_command_appears_in_the_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"mlefacts {re.escape(command)}\b", readme), command


def test_the_fetch_hint_names_the_flag_a_run_needs_for_the_source(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    result = invoke("sources", "add", "http://127.0.0.1:8765/pay.html", "--sources", manifest)
    assert result.exit_code == 0 and "warning:" in result.stderr
    hint = f"mlefacts run --sources {manifest} --allow-private-hosts"
    assert "".join(hint.split()) in "".join(result.stdout.split())  # wrapped to the console

"""`mlefacts schedule` checks what it can before reaching Prefect: the time zone, the manifest,
and it says in its help that cron is read in UTC."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mlefacts.cli import app
from mlefacts.flows.scheduling import Schedule

runner = CliRunner()


def test_an_unknown_time_zone_exits_2_with_examples() -> None:
    result = runner.invoke(app, ["schedule", "--cron", "0 6 * * *", "--timezone", "Mars/Base"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown time zone: 'Mars/Base'")
    assert "Europe/Paris" in result.stderr


def test_a_bad_manifest_is_refused_before_serving(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text('[[source]]\ntitle = "no uri"\n', encoding="utf-8")
    result = runner.invoke(app, ["schedule", "--cron", "0 6 * * *", "--sources", str(manifest)])
    assert result.exit_code == 2 and "missing uri" in result.stderr


def test_help_says_cron_is_utc_and_lists_the_run_options() -> None:
    result = runner.invoke(app, ["schedule", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "read in UTC unless --timezone" in text
    for option in (
        "--timezone",
        "--keep-snapshots",
        "--runner",
        "--dask-address",
        "--allow-private-hosts",
        "--allow-outside-paths",
        "--fail-on",
    ):
        assert option in text, option


def test_a_schedule_defaults_to_utc() -> None:
    assert Schedule("0 6 * * *").timezone == "UTC"


def test_a_default_manifest_is_resolved_at_each_scheduled_run(tmp_path: Path) -> None:
    """A data directory's default manifest is not fixed in the deployment: a `sources add`
    after the schedule started (it writes the data directory's own sources.toml) reaches the
    next run. A manifest named by the user is kept as given."""
    from mlefacts.flows.scheduling import scheduled_deployment
    from mlefacts.settings import load_settings, settings_from_dict

    default = load_settings(env={}, data_dir=tmp_path)
    deployment = scheduled_deployment(schedule=Schedule("0 6 * * *"), name="t", settings=default)
    stored = deployment.parameters["settings"]
    assert "sources" not in stored
    (tmp_path / "mine.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[[source]]\nuri = "mine.md"\n', encoding="utf-8")
    assert settings_from_dict(stored).manifest == tmp_path.resolve() / "sources.toml"

    chosen = tmp_path / "other.toml"
    named = load_settings(env={}, data_dir=tmp_path, sources=chosen)
    kept = scheduled_deployment(schedule=Schedule("0 6 * * *"), name="t", settings=named)
    assert kept.parameters["settings"]["sources"] == str(chosen.resolve())

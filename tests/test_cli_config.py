"""One `Settings`: a TOML file, MLEFACTS_* variables and flags (in that order of precedence over
the defaults), clear errors naming a bad key, and README's table of every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mlefacts
from mlefacts.cli import app
from mlefacts.fail_on import FailOn
from mlefacts.reconcile.config import DEFAULT_CONFIG
from mlefacts.settings import (
    SettingsError,
    load_settings,
    settings_from_dict,
    settings_keys,
    settings_table,
)

README = Path(__file__).resolve().parents[1] / "README.md"
FACT = "Machine learning engineers earn a median salary of $150,000 a year."


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_readme_lists_every_key_with_its_default() -> None:
    text = README.read_text(encoding="utf-8")
    table = re.search(r"settings-table:start -->\n(.*?)<!-- settings-table:end", text, re.S)
    assert table is not None
    assert table.group(1) == settings_table()
    for key in settings_keys():
        assert f"`{key.key}`" in table.group(1) and key.help, key.key


def test_loading_settings_parses_no_source(monkeypatch: pytest.MonkeyPatch) -> None:
    # A flow run loads settings beside Prefect's threads; two `ast.parse` at once can fail in
    # CPython 3.11 (gh-106905), so only the settings' docs (README, --help) read the source.
    import mlefacts.settings as module

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("settings parsed source")

    monkeypatch.setattr(module.ast, "parse", no_parsing)
    settings_keys.cache_clear()
    module._field_docs.cache_clear()
    try:
        assert load_settings(None, env={"MLEFACTS_RUN_BATCH_SIZE": "7"}).run.batch_size == 7
        with pytest.raises(AssertionError, match="parsed source"):
            settings_table()
    finally:
        settings_keys.cache_clear()
        module._field_docs.cache_clear()


def test_flag_beats_environment_beats_file_beats_default(tmp_path: Path) -> None:
    config = write(tmp_path / "mlefacts.toml", "[run]\nbatch_size = 7\nkeep_snapshots = 4\n")
    env = {"MLEFACTS_RUN_KEEP_SNAPSHOTS": "5", "MLEFACTS_RUN_MAX_SHRINK": "0.9"}
    settings = load_settings(config, env=env, data_dir=tmp_path, max_shrink=0.2)
    assert settings.run.batch_size == 7  # file over default
    assert settings.run.keep_snapshots == 5  # environment over file
    assert settings.run.max_shrink == 0.2  # keyword (flag) over environment
    assert settings.run.dask_workers is None  # default
    unset = load_settings(config, env=env, data_dir=tmp_path, batch_size=None)
    assert unset.run.batch_size == 7  # None means "not given", as an absent flag


def test_file_paths_are_read_from_the_files_folder(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    config = write(folder / "mlefacts.toml", 'data_dir = "data"\nsources = "my.toml"\n')
    settings = load_settings(config, env={})
    assert settings.data_dir == (folder / "data").resolve()
    assert settings.manifest == (folder / "my.toml").resolve()
    assert load_settings(config, env={"MLEFACTS_DATA_DIR": str(tmp_path)}).data_dir == tmp_path


def test_every_section_is_settable(tmp_path: Path) -> None:
    config = write(
        tmp_path / "mlefacts.toml",
        '[run]\nfail_on = "never"\n[fetch]\nmax_bytes = 10\nrespect_robots = false\n'
        "retry_statuses = [503]\n[extract]\ncache = false\n"
        '[reconcile]\nvalue_tolerance = 0.2\nqualitative_categories = ["language"]\n',
    )
    env = {"MLEFACTS_FETCH_DEADLINE": "5", "MLEFACTS_RECONCILE_GROWTH_ATTRIBUTES": "cagr, x"}
    settings = load_settings(config, env=env, data_dir=tmp_path)
    assert settings.run.fail_on is FailOn.never
    assert (settings.fetch.max_bytes, settings.fetch.respect_robots) == (10, False)
    assert settings.fetch.retry_statuses == frozenset({503}) and settings.fetch.deadline == 5.0
    assert settings.extract.cache is False
    assert settings.reconcile.value_tolerance == 0.2
    assert settings.reconcile.qualitative_categories == ("language",)
    assert settings.reconcile.growth_attributes == ("cagr", "x")
    assert settings.reconcile.value_error == DEFAULT_CONFIG.value_error
    assert settings_from_dict(settings.to_dict()) == settings  # the flow's parameter


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[run]\nbatchsize = 5\n", "'run.batchsize' in .*did you mean 'run.batch_size'"),
        ("[fetch]\nmax_source_bytes = 5\n", "unknown setting 'fetch.max_source_bytes'"),
        ("[runs]\nbatch_size = 5\n", r"unknown section \[runs\] in .*did you mean 'run'"),
        ('[run]\nbatch_size = "many"\n', "run.batch_size in .* must be an integer, not 'many'"),
        ("[run]\nbatch_size = 0\n", "run.batch_size must be at least 1"),
        ('[run]\nfail_on = "always"\n', "run.fail_on .*one of errors, conflicts, never"),
        ("[fetch]\nrespect_robots = 1\n", "fetch.respect_robots .*true or false"),
        ("[run\n", "not valid TOML"),
    ],
)
def test_a_bad_setting_names_its_key(tmp_path: Path, text: str, message: str) -> None:
    config = write(tmp_path / "mlefacts.toml", text)
    with pytest.raises(SettingsError, match=message):
        load_settings(config, env={})


def test_bad_environment_and_keywords_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"run.batch_size \(from \$MLEFACTS_RUN_BATCH_SIZE\)"):
        load_settings(env={"MLEFACTS_RUN_BATCH_SIZE": "x"}, data_dir=tmp_path)
    with pytest.raises(SettingsError, match="did you mean 'value_tolerance'"):
        load_settings(env={}, value_tolerence=0.1)


@pytest.mark.parametrize("command", [["run"], ["schedule", "--cron", "0 6 * * *"]])
def test_the_command_line_refuses_a_bad_config_with_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    config = write(tmp_path / "mlefacts.toml", "[run]\nbatchsize = 5\n")
    result = CliRunner().invoke(app, [*command, "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert "error: unknown setting 'run.batchsize'" in result.stderr
    assert "did you mean 'run.batch_size'" in result.stderr
    assert "Traceback" not in result.output


def test_a_config_file_reaches_the_plain_pipeline(tmp_path: Path) -> None:
    """`orchestrate=False`: the same stages without Prefect, with the file's fetch limit."""
    folder = tmp_path / "project"
    folder.mkdir()
    write(folder / "pay.txt", FACT)
    write(folder / "sources.toml", '[[source]]\nuri = "pay.txt"\n')
    config = write(
        folder / "mlefacts.toml",
        'data_dir = "data"\nsources = "sources.toml"\n[fetch]\nmax_bytes = 10\n',
    )
    report = mlefacts.run(config, orchestrate=False, fail_on="errors")
    assert not report.ok and report.status == "completed_with_errors"
    assert report.fail_reason and "1 of 1 sources failed" in report.fail_reason
    assert report.to_dict()["counts"]["sources"] == 1  # a dict, not JSON text
    sources = mlefacts.load("sources", folder / "data")
    assert "larger than 10 bytes" in sources.loc[0, "error"]
    report = mlefacts.run(config, orchestrate=False, max_bytes=1000)
    assert report.ok and report.n_claims >= 1


def test_each_command_calls_an_api_function_shown_in_the_readme() -> None:
    """sqlite-utils style: every command has its Python function, listed by `dir(mlefacts)`."""
    from typer.main import get_command

    text = README.read_text(encoding="utf-8")
    python = text[text.index("### From Python") : text.index("## Example queries")]
    commands = get_command(app).commands  # type: ignore[attr-defined]
    names = {name for name, command in commands.items() if not hasattr(command, "commands")}
    names |= {
        f"{group} {sub}" for group in ("sources", "schemas") for sub in commands[group].commands
    }
    for name in names:
        assert f"`mlefacts {name}" in python, name
    api = set(dir(mlefacts))
    for function in re.findall(r"mlefacts\.([a-z_]+)\(", python):
        assert function in api, function


@pytest.mark.parametrize("command", [["run"], ["schedule", "--cron", "0 6 * * *"]])
def test_an_unknown_environment_variable_is_reported_with_the_closest_one(
    tmp_path: Path, command: list[str]
) -> None:
    """A misspelt MLEFACTS_* variable would otherwise be ignored without a word (here the run
    then stops at the bad config, before Prefect starts)."""
    config = write(tmp_path / "mlefacts.toml", "[run]\nbatchsize = 5\n")
    env = {
        "MLEFACTS_RUN_BATCHSIZE": "5",
        "MLEFACTS_FETCH_DEADLINE": "5",
        "MLEFACTS_TEST_PUBLISH_PAUSE": "0",
    }
    result = CliRunner().invoke(app, [*command, "--config", str(config)], env=env)
    assert result.exit_code == 2, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: unknown environment variable MLEFACTS_RUN_BATCHSIZE "
        "(did you mean 'MLEFACTS_RUN_BATCH_SIZE'?)"
    ]


def test_known_environment_variables_are_not_reported() -> None:
    from mlefacts.settings import unknown_environment

    known = {key.env: "1" for key in settings_keys()}
    assert unknown_environment({**known, "MLEFACTS_BENCH_FROZEN_CODE": "x", "HOME": "/"}) == []
    assert unknown_environment({"MLEFACTS_DATADIR": "/d"}) == [
        "unknown environment variable MLEFACTS_DATADIR (did you mean 'MLEFACTS_DATA_DIR'?)"
    ]

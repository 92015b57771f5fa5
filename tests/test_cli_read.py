"""The reading commands on published bundled data: tables, sql, show, conflicts, snapshots,
diff, report, as a user runs them (CliRunner), with their failure paths and exit codes."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from support.runs import run_plain
from typer.testing import CliRunner

import mlefacts
import mlefacts.api
from mlefacts.cli import app
from mlefacts.results import Rows

runner = CliRunner()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, bundled_manifest: Path) -> Path:
    """The bundled sources published once (no Prefect) into a fresh data dir."""
    data_dir = tmp_path_factory.mktemp("cli-read")
    run_plain(data_dir, bundled_manifest)
    return data_dir


@pytest.fixture(scope="module")
def republished(tmp_path_factory: pytest.TempPathFactory, bundled_manifest: Path) -> Path:
    """Two snapshots: the bundled articles, then again after one figure changed in one."""
    root = tmp_path_factory.mktemp("cli-diff")
    sources = root / "sources"
    shutil.copytree(bundled_manifest.parent, sources)
    data_dir = root / "data"
    run_plain(data_dir, sources / "sources.toml")
    article = sources / "001_7c46695f4dd9700d.txt"
    text = article.read_text(encoding="utf-8")
    assert "$96.7 billion" in text
    article.write_text(text.replace("$96.7 billion", "$98.2 billion"), encoding="utf-8")
    run_plain(data_dir, sources / "sources.toml")
    return data_dir


def invoke(*args: str | Path) -> object:
    return runner.invoke(app, [str(arg) for arg in args])


def test_tables_lists_every_table_and_view_with_its_row_count(published: Path) -> None:
    result = invoke("tables", "--data-dir", published, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["table"]: row["rows"] for row in json.loads(result.stdout)}
    assert {"sources", "claims", "conflicts", "salaries", "market_estimates", "skills"} <= set(rows)
    assert rows["sources"] == 3
    assert rows["claims"] > 100

    readable = invoke("tables", "--data-dir", published)
    assert readable.exit_code == 0
    assert "salaries" in readable.stdout and "row(s)" in readable.stdout


def test_sql_help_names_every_table_and_view(published: Path) -> None:
    listed = invoke("tables", "--data-dir", published, "--format", "json")
    names = {row["table"] for row in json.loads(listed.stdout)}
    assert {"figures", "fact_claims", "salaries"} <= names
    words = set(re.findall(r"[a-z_]+", invoke("sql", "--help").stdout))
    assert names <= words, names - words


def test_commands_without_published_data_exit_2_and_say_to_run(tmp_path: Path) -> None:
    for args in (
        ["tables"],
        ["sql", "SELECT 1"],
        ["show", "claims"],
        ["conflicts"],
        ["snapshots"],
        ["diff"],
        ["report", "--out", str(tmp_path / "report")],
    ):
        result = invoke(*args, "--data-dir", tmp_path)
        assert result.exit_code == 2, (args, result.output)
        assert "no snapshot published yet" in result.stderr, args
        assert "mlefacts run" in result.stderr, args
    assert not (tmp_path / "report").exists()


def test_sql_prints_csv_and_json_for_scripts(published: Path) -> None:
    query = "SELECT kind, count(*) AS n FROM claims GROUP BY kind ORDER BY kind"
    as_csv = invoke("sql", query, "--data-dir", published, "-f", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    frame = pd.read_csv(io.StringIO(as_csv.stdout))
    assert list(frame.columns) == ["kind", "n"]
    assert {"salary", "market_size", "skill", "responsibility"} <= set(frame["kind"])

    as_json = invoke("sql", query, "--data-dir", published, "-f", "json")
    records = json.loads(as_json.stdout)
    assert records == frame.to_dict("records")


def test_sql_is_read_only_and_leaves_the_catalog_untouched(published: Path) -> None:
    catalog = published / "curated" / "mlefacts.duckdb"
    assert invoke("sql", "SELECT count(*) FROM claims", "--data-dir", published).exit_code == 0
    before = hashlib.sha256(catalog.read_bytes()).hexdigest()
    for statement in (
        "CREATE TABLE x AS SELECT 1",
        "DROP VIEW claims",
        "SELECT 1; DROP VIEW claims",
        f"COPY (SELECT 1) TO '{published / 'out.csv'}'",
        "ATTACH ':memory:' AS other",
    ):
        result = invoke("sql", statement, "--data-dir", published)
        assert result.exit_code == 2, (statement, result.output)
        assert "read-only" in result.stderr, statement
    assert hashlib.sha256(catalog.read_bytes()).hexdigest() == before
    assert not (published / "out.csv").exists()
    after = invoke("sql", "SELECT count(*) AS n FROM claims", "--data-dir", published, "-f", "json")
    assert json.loads(after.stdout)[0]["n"] > 100


def test_sql_errors_exit_2_with_a_hint(published: Path) -> None:
    cases = {
        "SELEC 1": "syntax",
        "SELECT * FROM no_such_table": "mlefacts tables",
        "SELECT no_such_column FROM claims": "DESCRIBE",
    }
    for query, hint in cases.items():
        result = invoke("sql", query, "--data-dir", published)
        assert result.exit_code == 2, query
        assert "error:" in result.stderr and hint in result.stderr, (query, result.stderr)


def test_sql_as_of_reads_an_older_snapshot_and_refuses_writes(republished: Path) -> None:
    listed = json.loads(invoke("snapshots", "--data-dir", republished, "-f", "json").stdout)
    old, new = listed[0]["snapshot"], listed[1]["snapshot"]
    query = "SELECT DISTINCT value FROM claims WHERE kind = 'market_size' AND year = 2027"
    values_then = json.loads(
        invoke("sql", query, "--data-dir", republished, "--as-of", old, "-f", "json").stdout
    )
    values_now = json.loads(
        invoke("sql", query, "--data-dir", republished, "--as-of", new, "-f", "json").stdout
    )
    assert [row["value"] for row in values_then] == [96.7e9]
    assert [row["value"] for row in values_now] == [98.2e9]

    refused = invoke("sql", "DROP VIEW claims", "--data-dir", republished, "--as-of", old)
    assert refused.exit_code == 2 and "read-only" in refused.stderr
    unknown = invoke("sql", "SELECT 1", "--data-dir", republished, "--as-of", "nope")
    assert unknown.exit_code == 2
    assert "unknown snapshot 'nope'" in unknown.stderr and "mlefacts snapshots" in unknown.stderr


def test_show_prints_a_table_with_a_limit_and_refuses_unknown_tables(published: Path) -> None:
    result = invoke("show", "salaries", "--data-dir", published, "--limit", "2", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    assert {"amount", "currency", "quote", "source_id"} <= set(rows[0])

    readable = invoke("show", "salaries", "--data-dir", published, "--limit", "2")
    assert "first 2 of" in readable.stdout and "--limit 0" in readable.stdout

    unknown = invoke("show", "salary", "--data-dir", published)
    assert unknown.exit_code == 2
    assert "unknown table 'salary'" in unknown.stderr and "salaries" in unknown.stderr


def test_a_table_too_wide_for_the_terminal_prints_one_block_per_row(published: Path) -> None:
    result = invoke("show", "salaries", "--data-dir", published, "--limit", "1")
    assert result.exit_code == 0
    assert "row 1" in result.stdout
    lines = result.stdout.splitlines()
    assert any(line.startswith("amount") for line in lines)
    assert max(map(len, lines)) <= 80


# Page text is full of square brackets; none of it may be read as Rich markup.
BRACKETED = {
    "edit": "Salary [edit] rose [citation needed] to $150,000",
    "close": "a stray [/] closing tag",
    "link": "[link=https://example.com]hidden[/link]",
}


def test_sql_prints_bracketed_text_as_it_is(published: Path) -> None:
    columns = ", ".join(f"'{text}' AS \"{name} [x]\"" for name, text in BRACKETED.items())
    wide = "repeat('w', 40) AS w1, repeat('w', 40) AS w2"
    narrow = invoke("sql", f"SELECT {columns}, {wide}", "--data-dir", published)
    assert narrow.exit_code == 0, narrow.output
    assert "row 1" in narrow.stdout  # too wide for 80 columns: one block per row
    for name, text in BRACKETED.items():
        assert text in narrow.stdout and f"{name} [x]" in narrow.stdout

    for name, text in BRACKETED.items():
        result = invoke("sql", f"SELECT '{text}' AS \"{name} [x]\"", "--data-dir", published)
        assert result.exit_code == 0, result.output
        assert "row 1" not in result.stdout  # a table
        flat = " ".join(result.stdout.replace("│", " ").split())
        assert " ".join(text.split()) in flat and f"{name} [x]" in flat


def test_conflicts_print_bracketed_subjects_and_details_as_they_are(
    published: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = mlefacts.api.conflict_rows

    def bracketed(*args: object, **kwargs: object) -> Rows:
        rows = real(*args, **kwargs)
        first = dict(zip(rows.columns, rows.values[0], strict=True))
        first["subject"] = BRACKETED["link"]
        first["detail"] = f"{BRACKETED['edit']}; {BRACKETED['close']}"
        return Rows(rows.columns, rows.types, [tuple(first.values())], 1)

    monkeypatch.setattr(mlefacts.api, "conflict_rows", bracketed)
    result = invoke("conflicts", "--data-dir", published)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    for text in BRACKETED.values():
        assert text in flat


def test_unknown_format_is_a_usage_error(published: Path) -> None:
    result = invoke("tables", "--data-dir", published, "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output


def test_conflicts_shows_the_arithmetic_and_the_sentences(published: Path) -> None:
    result = invoke("conflicts", "--data-dir", published)
    assert result.exit_code == 0, result.output
    assert "forecast_divergence" in result.stdout
    assert "global machine learning market" in result.stdout
    # the sentences of the claims in conflict, with their source titles
    assert "Grand View Research" in result.stdout
    assert "conflict(s)" in result.stdout
    assert "error only when 2 of its sides are sure" in " ".join(result.stdout.split())


def test_conflicts_json_severity_filter_and_fail_on_error(published: Path) -> None:
    every = json.loads(invoke("conflicts", "--data-dir", published, "--json").stdout)
    assert every and {"conflict_id", "kind", "severity", "detail", "claim_ids"} <= set(every[0])
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[c["severity"]] for c in every] == sorted(order[c["severity"]] for c in every)

    warnings = invoke("conflicts", "--data-dir", published, "--severity", "warning", "--json")
    assert {c["severity"] for c in json.loads(warnings.stdout)} == {"warning"}

    has_error = any(c["severity"] == "error" for c in every)
    strict = invoke("conflicts", "--data-dir", published, "--fail-on-error")
    assert strict.exit_code == (1 if has_error else 0)
    only_info = invoke(
        "conflicts", "--data-dir", published, "--severity", "info", "--fail-on-error"
    )
    assert only_info.exit_code == 0

    bad = invoke("conflicts", "--data-dir", published, "--severity", "fatal")
    assert bad.exit_code == 2


def test_conflicts_frame_and_rows_agree(published: Path) -> None:
    """`mlefacts.conflicts` (pandas) and the pandas-free rows the CLI prints are one result."""
    rows = mlefacts.api.conflict_rows(published)
    frame = mlefacts.api.conflicts(published)
    assert rows.values and list(frame.columns) == rows.columns
    plain = frame.astype(object).where(frame.notna(), None)  # NaN as the rows' None
    assert [tuple(row) for row in plain.itertuples(index=False)] == rows.values
    assert frame["n_claims"].dtype == "int64" and frame["relative_difference"].dtype == "float64"
    every = {row[0] for row in rows.values}
    # every conflict's claims are the conflict_claims rows that name it
    with mlefacts.connect(published) as con:
        linked = con.execute("SELECT count(*) FROM conflict_claims").fetchone()
    assert sum(len(ids) for ids in frame["claim_ids"]) == linked[0]
    assert all(sentences for sentences in frame["sentences"]) and len(every) == len(frame)
    warnings = mlefacts.api.conflict_rows(published, severity="warning")
    at = rows.columns.index("severity")
    assert warnings.values == [row for row in rows.values if row[at] == "warning"]


def test_snapshots_lists_each_publish_and_marks_the_current_one(republished: Path) -> None:
    result = invoke("snapshots", "--data-dir", republished, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    assert [row["current"] for row in rows] == [False, True]
    assert rows[0]["snapshot"] < rows[1]["snapshot"]
    assert all(row["claims"] > 100 for row in rows)


def test_diff_after_a_rollback_to_the_oldest_snapshot_says_it_has_none_before(
    republished: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "data"
    shutil.copytree(republished, copy, symlinks=True)
    oldest = json.loads(invoke("snapshots", "--data-dir", copy, "-f", "json").stdout)[0]
    assert invoke("rollback", oldest["snapshot"], "--data-dir", copy).exit_code == 0
    result = invoke("diff", "--data-dir", copy, "-f", "json")
    assert result.exit_code == 0
    assert {row["change"] for row in json.loads(result.stdout)} == {"added"}
    assert f"no snapshot kept before {oldest['snapshot']}" in " ".join(result.stderr.split())


def test_diff_shows_the_changed_figure_between_two_snapshots(republished: Path) -> None:
    result = invoke("diff", "--data-dir", republished, "-f", "json")
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)
    market = [c for c in changes if c["kind"] == "market_size" and c["change"] == "changed"]
    assert {(c["old_value"], c["new_value"]) for c in market} == {(96.7e9, 98.2e9)}
    assert "$98.2 billion" in market[0]["quote"]

    readable = invoke("diff", "--data-dir", republished)
    assert readable.exit_code == 0
    assert "changed" in readable.stdout

    listed = json.loads(invoke("snapshots", "--data-dir", republished, "-f", "json").stdout)
    new = listed[1]["snapshot"]
    same = invoke("diff", new, new, "--data-dir", republished)
    assert same.exit_code == 0 and "no claim changed" in same.stdout

    unknown = invoke("diff", "nope", "--data-dir", republished)
    assert unknown.exit_code == 2 and "mlefacts snapshots" in unknown.stderr


@pytest.mark.slow
def test_report_writes_html_markdown_and_charts(
    published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    result = invoke("report", "--data-dir", published, "--out", out)
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html or "chart-" in html
    assert "forecast_divergence" in html or "forecast" in html.lower()
    assert (out / "report.md").is_file()
    assert list(out.glob("chart-*.svg"))
    assert str(out / "report.html") in "".join(result.stdout.splitlines())  # a long path wraps

    monkeypatch.chdir(tmp_path)
    default = invoke("report", "--data-dir", published)
    assert default.exit_code == 0, default.output
    assert (published / "report" / "report.html").is_file()  # beside the data, not in the cwd
    assert not (tmp_path / "mlefacts-report").exists() and not (tmp_path / "report").exists()


def test_report_as_of_an_unknown_snapshot_exits_2(published: Path, tmp_path: Path) -> None:
    result = invoke("report", "--data-dir", published, "--out", tmp_path, "--as-of", "nope")
    assert result.exit_code == 2
    assert "mlefacts snapshots" in result.stderr


def test_figures_lists_what_the_pages_state_with_their_sentence(published: Path) -> None:
    everything = ["--data-dir", str(published), "-f", "json", "--limit", "0"]
    every = json.loads(invoke("figures", *everything).stdout)
    skipped = json.loads(invoke("figures", "--unclaimed", *everything).stdout)
    assert skipped and {row["status"] for row in skipped} == {"skipped"}
    assert all(row["reason"] for row in skipped)
    assert len(every) == len(skipped) + sum(row["status"] == "claimed" for row in every)
    for row in every:  # the sentence is the figure's line, its whitespace made plain
        assert " ".join(row["text"].split()) in row["sentence"], row
    source = every[0]["source_id"]
    one = json.loads(
        invoke("figures", "--source", source, "--data-dir", published, "-f", "json").stdout
    )
    assert one and {row["source_id"] for row in one} == {source}
    readable = invoke("figures", "--unclaimed", "--limit", "2", "--data-dir", published)
    assert readable.exit_code == 0, readable.output
    assert "money and percentage figures claimed" in readable.stdout
    assert f"first 2 of {len(skipped)} rows" in readable.stdout
    frame = mlefacts.figures(published, unclaimed=True)
    assert frame["figure_id"].tolist() == [row["figure_id"] for row in skipped]


def test_conflicts_shows_the_most_serious_first_up_to_a_limit(published: Path) -> None:
    every = json.loads(
        invoke("conflicts", "--data-dir", published, "--json", "--limit", "0").stdout
    )
    assert len(every) >= 2
    first = json.loads(
        invoke("conflicts", "--data-dir", published, "--json", "--limit", "1").stdout
    )
    assert [c["conflict_id"] for c in first] == [every[0]["conflict_id"]]
    shown = invoke("conflicts", "--data-dir", published, "--limit", "1")
    assert f"{len(every)} conflict(s)" in shown.stdout
    assert "the 1 most serious shown; all: --limit 0" in shown.stdout
    rows = mlefacts.api.conflict_rows(published, limit=1)
    assert len(rows.values) == 1 and rows.total == len(every)

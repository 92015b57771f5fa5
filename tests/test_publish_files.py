"""The published files as their readers open them: Frictionless on the data package of a real
run, a copied data directory that reads its own files, pandas and DuckDB on the Parquet types."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from support.runs import run_plain
from typer.testing import CliRunner

import mlefacts
from mlefacts.cli import app
from mlefacts.schemas import TABLE_MODELS, column_specs

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, bundled_manifest: Path) -> Path:
    """The bundled sources run through every stage (no Prefect) into a fresh data dir."""
    data_dir = tmp_path_factory.mktemp("published") / "data"
    run_plain(data_dir, bundled_manifest)
    return data_dir


@pytest.mark.slow
def test_frictionless_validates_the_package_of_a_real_run(published: Path) -> None:
    package = published / "curated" / "datapackage.json"
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(package)],
        cwd="/",
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    errors = [
        (task["name"], error["type"], error["message"])
        for task in report["tasks"]
        for error in task["errors"]
    ]
    assert report["valid"] and result.returncode == 0, errors[:10]
    assert sorted(task["name"] for task in report["tasks"]) == sorted(TABLE_MODELS)


def test_the_package_describes_the_files_it_points_at(published: Path) -> None:
    curated = published / "curated"
    descriptor = json.loads((curated / "datapackage.json").read_text())
    snapshot = (curated / "current").resolve()
    assert descriptor["id"] == snapshot.name
    for resource in descriptor["resources"]:
        path = curated / resource["path"]
        assert path.parent == snapshot, resource["path"]
        assert resource["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        frame = pd.read_parquet(path)
        declared = [field["name"] for field in resource["schema"]["fields"]]
        assert declared == list(frame.columns), resource["name"]
        assert resource["rows"] == len(frame)


def test_runs_declares_every_column_it_has(published: Path) -> None:
    runs = pd.read_parquet(published / "curated" / "current" / "runs.parquet")
    declared = [spec["name"] for spec in column_specs("runs")]
    assert list(runs.columns) == declared
    assert {"n_cached", "n_conflicts", "n_extracted", "seconds"} <= set(declared)
    last = runs.iloc[-1]
    assert last["n_extracted"] == 3 and last["n_cached"] == 0
    assert "extract_wall" in json.loads(last["seconds"])


def test_pandas_reads_nullable_integers_and_typed_qualifiers(published: Path) -> None:
    current = published / "curated" / "current"
    claims = pd.read_parquet(current / "claims.parquet")
    assert str(claims["year"].dtype) == "Int64"
    assert claims["year"].isna().any() and claims["year"].notna().any()
    assert str(claims["char_start"].dtype) == "int64"
    assert str(pd.read_parquet(current / "fetches.parquet")["http_status"].dtype) == "Int64"
    sources = pd.read_parquet(current / "sources.parquet")
    assert str(sources["n_chars"].dtype) == "Int64" and str(sources["n_bytes"].dtype) == "Int64"

    for row in claims.itertuples():
        typed, raw = row.common_qualifiers, json.loads(row.qualifiers)
        for key, value in typed.items():
            assert value is None or raw[key] == value, (row.claim_id, key)
    assert any(q["period_end"] for q in claims["common_qualifiers"])
    assert {q["forecast"] for q in claims["common_qualifiers"]} >= {True, False}
    struct = pq.read_schema(current / "claims.parquet").field("common_qualifiers").type
    assert struct.field("period_end").type == pa.int64()
    assert struct.field("forecast").type == pa.bool_()


def test_duckdb_reads_the_qualifiers_struct(published: Path) -> None:
    path = published / "curated" / "current" / "claims.parquet"
    rows = duckdb.sql(
        f"SELECT common_qualifiers.company, common_qualifiers.period_start FROM '{path}' "
        "WHERE common_qualifiers.company IS NOT NULL OR common_qualifiers.period_start IS NOT NULL"
    ).fetchall()
    assert any(company for company, _ in rows)
    assert all(start is None or isinstance(start, int) for _, start in rows)


def test_a_copied_data_dir_reads_its_own_files(published: Path, tmp_path: Path) -> None:
    original = tmp_path / "original"
    shutil.copytree(published, original, symlinks=True)
    before = mlefacts.load("claims", original)
    copy = tmp_path / "copy"
    shutil.copytree(original, copy, symlinks=True)
    shutil.rmtree(original)

    with mlefacts.connect(copy) as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(before)
        assert con.execute("SELECT count(*) FROM salaries").fetchone()[0] > 0
    result = CliRunner().invoke(
        app, ["sql", "SELECT count(*) AS n FROM claims", "--data-dir", str(copy), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": len(before)}]

    # The catalog file for other DuckDB clients, opened from its own directory.
    code = (
        "import duckdb; con = duckdb.connect('mlefacts.duckdb', read_only=True); "
        "print(con.execute('SELECT count(*) FROM claims').fetchone()[0])"
    )
    opened = subprocess.run(
        [sys.executable, "-c", code], cwd=copy / "curated", capture_output=True, text=True
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split() == [str(len(before))]


def test_every_published_claim_has_a_rank_in_its_fact(published: Path) -> None:
    with mlefacts.connect(published) as con:
        unranked, doubled, bad_reason = con.execute(
            "SELECT (SELECT count(*) FROM claims c ANTI JOIN fact_claims f USING (claim_id)), "
            "(SELECT count(*) - count(DISTINCT claim_id) FROM fact_claims), "
            "(SELECT count(*) FROM fact_claims WHERE (reason IS NULL) <> (rank = 'preferred'))"
        ).fetchone()
    assert (unranked, doubled, bad_reason) == (0, 0, 0)

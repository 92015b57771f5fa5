from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from support.tables import sample_tables, validated

from mlefacts.contract import SCHEMA_VERSION, TABLE_ORDER
from mlefacts.publish.catalog import (
    NoSnapshotError,
    UnknownSnapshotError,
    UnknownTableError,
    connect,
    load,
    write_catalog,
)
from mlefacts.publish.parquet import check_schema_version
from mlefacts.publish.schema_version import IncompatibleSchemaError
from mlefacts.publish.snapshots import publish_snapshot


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    publish_snapshot(validated(sample_tables()), curated_dir=tmp_path / "curated")
    write_catalog(tmp_path / "curated")
    return tmp_path


def test_nothing_published_says_run_first(tmp_path):
    with pytest.raises(NoSnapshotError, match="run `mlefacts run` first"):
        load("claims", tmp_path)
    with pytest.raises(FileNotFoundError):
        connect(tmp_path)


def test_load_round_trips_the_published_table(data_dir):
    claims = load("claims", data_dir)
    expected = validated(sample_tables())["claims"].sort_values(list(TABLE_ORDER["claims"]))
    assert claims["claim_id"].tolist() == expected["claim_id"].tolist()
    assert str(claims["year"].dtype) == "Int64"
    assert claims["char_start"].dtype == "int64"
    assert claims["stale"].dtype == bool


def test_unknown_table_lists_known_names(data_dir):
    with pytest.raises(UnknownTableError, match="known tables and views: claims.*salaries"):
        load("claimz", data_dir)


def test_unknown_snapshot_lists_snapshots(data_dir):
    with pytest.raises(UnknownSnapshotError, match="snapshots: 2"):
        load("claims", data_dir, snapshot="19990101T000000Z-00000000")


def test_catalog_file_reads_current_beside_it(data_dir):
    """Other DuckDB clients open it from curated/, or anywhere with file_search_path set."""
    curated = data_dir / "curated"
    code = (
        "import duckdb, sys; con = duckdb.connect('mlefacts.duckdb', read_only=True); "
        "print(con.execute('SELECT count(*) FROM claims').fetchone()[0], "
        "con.execute('SELECT count(*) FROM salaries').fetchone()[0])"
    )
    beside = subprocess.run(
        [sys.executable, "-c", code], cwd=curated, capture_output=True, text=True, check=True
    )
    assert beside.stdout.split() == [str(len(sample_tables()["claims"])), "1"]
    elsewhere = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1] + '/mlefacts.duckdb', "
        "read_only=True); con.execute('SET file_search_path = ?', [sys.argv[1]]); "
        "print(con.execute('SELECT count(*) FROM claims').fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", elsewhere, str(curated)],
        cwd="/",
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [str(len(sample_tables()["claims"]))]


def test_typed_views_expose_qualifiers_as_columns(data_dir):
    with connect(data_dir) as con:
        salary = con.execute(
            "SELECT amount, currency, company, statistic, pay_period, year FROM salaries"
        ).fetchone()
        market = con.execute(
            "SELECT kind, forecast, period_start, period_end FROM market_estimates "
            "WHERE kind = 'growth_rate'"
        ).fetchone()
        share = con.execute("SELECT percent, dimension, category, partial FROM shares").fetchone()
        rank = con.execute("SELECT rank, text, dimension FROM rankings").fetchone()
        duty = con.execute("SELECT text, quote FROM responsibilities").fetchone()
        n_market = con.execute("SELECT count(*) FROM market_estimates").fetchone()[0]
    assert salary == (150000.0, "USD", "Acme", "median", "annual", 2024)
    assert market == ("growth_rate", True, 2023, 2030)
    assert n_market == 2
    assert share == (30.0, "industry", "finance", False)
    assert rank == (1.0, "python", "skill")
    assert duty == ("deploy models to production", "They deploy models to production.")


def test_typed_view_columns(data_dir):
    salaries = load("salaries", data_dir)
    assert {"company", "experience_level", "statistic", "pay_period", "country"} <= set(
        salaries.columns
    )
    assert {"claim_id", "source_id", "quote", "char_start", "char_end"} <= set(salaries.columns)
    shares = load("shares", data_dir)
    assert {"dimension", "category", "table_title", "partial"} <= set(shares.columns)
    markets = load("market_estimates", data_dir)
    assert {"forecast", "period_start", "period_end", "base_year"} <= set(markets.columns)
    for view in ("responsibilities", "skills", "job_demand", "rankings"):
        assert {"quote", "as_of", "context"} <= set(load(view, data_dir).columns)


def test_older_snapshot_is_readable_as_of(data_dir):
    curated = data_dir / "curated"
    old = load("claims", data_dir)
    tables = validated(sample_tables())
    tables["claims"] = tables["claims"].iloc[1:]
    first = sorted(p.name for p in (curated / "snapshots").iterdir())[0]
    publish_snapshot(tables, curated_dir=curated)
    assert len(load("claims", data_dir)) == len(old) - 1
    assert len(load("claims", data_dir, snapshot=first)) == len(old)
    with connect(data_dir, snapshot=first) as con:
        assert con.execute("SELECT count(*) FROM salaries").fetchone()[0] == 1


def test_catalog_is_rebuilt_only_when_needed(data_dir, tmp_path_factory):
    database = data_dir / "curated" / "mlefacts.duckdb"
    inode = database.stat().st_ino
    write_catalog(data_dir / "curated")
    assert database.stat().st_ino == inode
    moved = tmp_path_factory.mktemp("moved") / "data"
    shutil.move(data_dir, moved)
    write_catalog(moved / "curated")
    with connect(moved) as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 6


def test_the_default_data_dir_is_mlefacts_data_dir_when_set(tmp_path, monkeypatch):
    monkeypatch.setenv("MLEFACTS_DATA_DIR", str(tmp_path))
    with pytest.raises(NoSnapshotError, match="run `mlefacts run`"):
        load("claims")


def _with_version(source: Path, target: Path, version: str) -> Path:
    table = pq.read_table(source)
    metadata = {**table.schema.metadata, b"mlefacts.schema_version": version.encode()}
    pq.write_table(table.replace_schema_metadata(metadata), target)
    return target


MAJOR = int(SCHEMA_VERSION.split(".")[0])


@pytest.mark.parametrize("version", [f"{MAJOR - 1}.9.0", f"{MAJOR + 1}.0.0"])
def test_other_major_schema_version_is_refused(data_dir, tmp_path, version):
    path = _with_version(
        data_dir / "curated/current/claims.parquet", tmp_path / "c.parquet", version
    )
    expected = f"schema version {version}.*{SCHEMA_VERSION}"
    with pytest.raises(IncompatibleSchemaError, match=expected):
        check_schema_version(path)


def test_same_major_schema_version_is_read(data_dir, tmp_path):
    path = _with_version(
        data_dir / "curated/current/claims.parquet", tmp_path / "c.parquet", f"{MAJOR}.4.0"
    )
    assert check_schema_version(path) == f"{MAJOR}.4.0"


def test_load_refuses_a_snapshot_from_another_major_version(data_dir):
    current = (data_dir / "curated" / "current").resolve()
    claims = current / "claims.parquet"
    _with_version(claims, claims.with_suffix(".tmp"), f"{MAJOR + 1}.0.0").replace(claims)
    with pytest.raises(IncompatibleSchemaError, match=f"{MAJOR + 1}.0.0"):
        load("claims", data_dir)

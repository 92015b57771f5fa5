"""The SQL surface given to users cannot write files, change settings or load extensions.

The boundary is DuckDB's own configuration and a read-only file system (see
`mlefacts.publish.catalog.connect`), so each attack runs through `mlefacts.connect()` directly,
without the CLI's statement check, and again through `mlefacts sql`.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import duckdb
import pytest
from support.tables import sample_tables, validated
from typer.testing import CliRunner

import mlefacts
from mlefacts.cli import app
from mlefacts.publish.catalog import write_catalog
from mlefacts.publish.snapshots import publish_snapshot


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    publish_snapshot(validated(sample_tables()), curated_dir=data_dir / "curated")
    write_catalog(data_dir / "curated")
    return data_dir


def _attacks(data_dir: Path, outside: Path) -> list[str]:
    claims = data_dir / "curated" / "current" / "claims.parquet"
    forged = "SELECT * REPLACE ('forged' AS quote) FROM claims"
    return [
        f"EXPLAIN ANALYZE COPY ({forged}) TO '{claims}' (FORMAT parquet)",
        f"COPY ({forged}) TO '{claims}' (FORMAT parquet)",
        f"COPY ({forged}) TO '{claims}' (FORMAT parquet, USE_TMP_FILE false)",
        # The one path the connection reads by, written in place or through a temporary file.
        f"COPY ({forged}) TO 'mlefacts://claims.parquet' (FORMAT parquet, USE_TMP_FILE false)",
        f"COPY ({forged}) TO 'mlefacts://claims.parquet' (FORMAT parquet)",
        "SET allowed_paths = ['/etc']",
        "SET allowed_directories = ['/']",
        f"COPY claims TO '{data_dir / 'curated' / 'copy.csv'}'",
        f"COPY claims TO '{outside / 'out.csv'}'",
        f"EXPLAIN ANALYZE SET log_query_path = '{outside / 'log.txt'}'",
        f"SET log_query_path = '{outside / 'log.txt'}'",
        "SET enable_external_access = true",
        "SET lock_configuration = false",
        "RESET lock_configuration",
        "EXPLAIN ANALYZE INSTALL httpfs",
        "INSTALL httpfs",
        "LOAD httpfs",
        f"ATTACH '{outside / 'other.duckdb'}' AS other",
        f"EXPORT DATABASE '{outside / 'export'}'",
        "SELECT * FROM read_csv('/etc/passwd', sep = ':')",
        f"SELECT * FROM read_parquet('{claims}')",
    ]


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_connect_refuses_every_write_setting_and_extension(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    before = _digests(data_dir)
    with mlefacts.connect(data_dir) as con:
        for statement in _attacks(data_dir, outside):
            with pytest.raises(duckdb.Error):
                con.execute(statement).fetchall()
        # DuckDB may attach the read path as an (in-memory) database; writing there must
        # still leave every file as it was (checked below).
        for statement in (
            "ATTACH 'mlefacts://claims.parquet' AS attached",
            "CREATE TABLE attached.forged AS SELECT * FROM claims",
            "CHECKPOINT attached",
        ):
            with contextlib.suppress(duckdb.Error):
                con.execute(statement)
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 6
        settings = dict(
            con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('enable_external_access', 'lock_configuration', 'autoload_known_extensions', "
                "'autoinstall_known_extensions')"
            ).fetchall()
        )
    assert settings == {
        "enable_external_access": "false",
        "lock_configuration": "true",
        "autoload_known_extensions": "false",
        "autoinstall_known_extensions": "false",
    }
    assert _digests(data_dir) == before
    assert list(outside.iterdir()) == []


def test_an_older_snapshot_is_locked_down_too(data_dir: Path, tmp_path: Path) -> None:
    curated = data_dir / "curated"
    first = (curated / "current").resolve().name
    changed = sample_tables()  # other tables: identical ones would replace the first snapshot
    changed["rejections"] = changed["rejections"].assign(reason="changed")
    publish_snapshot(validated(changed), curated_dir=curated)
    with mlefacts.connect(data_dir, snapshot=first) as con:
        with pytest.raises(duckdb.Error):
            con.execute(f"COPY claims TO '{tmp_path / 'x.csv'}'")
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 6
    assert not (tmp_path / "x.csv").exists()


def test_mlefacts_sql_refuses_every_attack(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    before = _digests(data_dir)
    runner = CliRunner()
    for statement in _attacks(data_dir, outside):
        result = runner.invoke(app, ["sql", statement, "--data-dir", str(data_dir)])
        assert result.exit_code == 2, (statement, result.output)
        assert "error:" in result.stderr, statement
    assert _digests(data_dir) == before
    assert list(outside.iterdir()) == []
    query = "SELECT count(*) FROM claims WHERE quote = 'forged'"
    result = runner.invoke(app, ["sql", query, "--data-dir", str(data_dir), "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[1] == "0"

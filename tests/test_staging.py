"""The run's staging area (`mlefacts.staging`): a run removes its own area, an earlier run's
left by a crash, and nothing else of the data directory (often the working directory)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from support.runs import FACT, run_plain, write_manifest

from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings
from mlefacts.staging import (
    StagingInUseError,
    open_staging,
    shard_path,
    staging_dir,
    write_shard,
)
from mlefacts.validate import empty_table


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    (tmp_path / "pay.txt").write_text(FACT, encoding="utf-8")
    return write_manifest(tmp_path, ["pay.txt"])


def test_a_run_removes_its_own_and_a_crashed_runs_area_but_not_a_users_files(
    tmp_path: Path, manifest: Path
) -> None:
    data_dir = tmp_path / "data"
    mine = data_dir / "staging" / "notes.txt"
    mine.parent.mkdir(parents=True)
    mine.write_text("keep me", encoding="utf-8")
    crashed = open_staging(data_dir) / "claims" / "00000000.parquet"
    crashed.parent.mkdir()
    crashed.write_bytes(b"a shard a killed run left")

    run_plain(data_dir, manifest)
    assert mine.read_text(encoding="utf-8") == "keep me"
    assert not staging_dir(data_dir).exists()

    mine.unlink()
    run_plain(data_dir, manifest)
    assert not (data_dir / "staging").exists()


def test_a_staging_folder_no_run_made_is_refused_and_left_alone(
    tmp_path: Path, manifest: Path
) -> None:
    data_dir = tmp_path / "data"
    theirs = staging_dir(data_dir) / "draft.csv"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(StagingInUseError, match="not made by mlefacts"):
        run_plain(data_dir, manifest)
    assert theirs.read_text(encoding="utf-8") == "a,b\n"


def _earlier_versions_area(data_dir: Path) -> list[Path]:
    """staging/run/ as a run of a version before the marker left it when killed while
    compacting: shards (one half-written), reconcile's chunks, DuckDB's spill, a sort bucket,
    a compacted table; no marker. Returns its files."""
    folder = staging_dir(data_dir)
    for index in (0, 1):
        write_shard(shard_path(folder, "claims", index), "claims", empty_table("claims"))
    write_shard(
        shard_path(folder / "reconciled" / "00000000", "conflicts", 0),
        "conflicts",
        empty_table("conflicts"),
    )
    others = [
        folder / "claims" / ".00000002.parquet.tmp-4242",
        folder / "duckdb.tmp" / "duckdb_temp_storage_DEFAULT-0.tmp",
        folder / "sorting" / "documents" / "00000000.arrow",
        folder / "out" / "sources.parquet",
    ]
    for path in others:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"bytes an earlier run was writing")
    return sorted(path for path in folder.rglob("*") if path.is_file())


def test_a_killed_run_of_an_earlier_version_is_cleaned_up_and_nothing_else(
    tmp_path: Path, manifest: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    assert len(_earlier_versions_area(data_dir)) == 7
    mine = [data_dir / "staging" / "notes.txt", data_dir / "claims" / "00000000.parquet"]
    for path in mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("keep me", encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="mlefacts.staging"):
        record = run_pipeline(Settings(data_dir=data_dir, manifest=manifest)).record
    assert record.status == "completed" and record.snapshot_id
    assert not staging_dir(data_dir).exists()
    assert [path.read_text(encoding="utf-8") for path in mine] == ["keep me", "keep me"]
    said = f"removed {staging_dir(data_dir)}: the staging area of an earlier mlefacts version"
    assert said in record.message
    assert [r.getMessage() for r in caplog.records if said in r.getMessage()]


@pytest.mark.parametrize(
    "theirs",
    ["claims/notes.txt", "report.xlsx", "out/link", "duckdb.tmp"],
    ids=["a-file-of-another-kind", "a-file-at-the-top", "a-link", "a-file-named-as-a-folder"],
)
def test_an_earlier_versions_area_holding_anything_else_is_refused_and_left_whole(
    tmp_path: Path, manifest: Path, theirs: str
) -> None:
    data_dir = tmp_path / "data"
    folder = staging_dir(data_dir)
    (folder / "claims").mkdir(parents=True)
    (folder / "claims" / "00000000.parquet").write_bytes(b"a shard")
    path = folder / theirs
    path.parent.mkdir(parents=True, exist_ok=True)
    if theirs.endswith("link"):
        path.symlink_to(tmp_path)
    else:
        path.write_text("theirs", encoding="utf-8")
    before = sorted(folder.rglob("*"))
    with pytest.raises(StagingInUseError, match="not made by mlefacts"):
        run_plain(data_dir, manifest)
    assert sorted(folder.rglob("*")) == before

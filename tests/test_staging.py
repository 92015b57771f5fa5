"""The run's staging area (`mlefacts.staging`): a run removes its own area, an earlier run's
left by a crash, and nothing else of the data directory (often the working directory)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.runs import FACT, run_plain, write_manifest

from mlefacts.staging import StagingInUseError, open_staging, staging_dir


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

"""Published snapshots are verified against their manifest hashes: damaged bytes are never
republished, a run recovers from a damaged snapshot, `rollback` only switches to a sound one,
and runs that change nothing do not push history out of the kept snapshots."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from support.paths import BUNDLED
from support.runs import FACT, write_manifest

import mlefacts
from mlefacts.publish.diff import diff_snapshots
from mlefacts.publish.snapshots import (
    MANIFEST,
    SnapshotDamagedError,
    current_snapshot,
    list_snapshots,
    rollback,
    snapshot_dir,
    verify_snapshot,
)
from mlefacts.runner import run_pipeline
from mlefacts.schemas import TABLE_MODELS
from mlefacts.settings import RunOptions, Settings


@pytest.fixture
def published(tmp_path: Path) -> Settings:
    """One run over the bundled articles and a fact of one's own."""
    folder = tmp_path / "sources"
    folder.mkdir()
    names = sorted(p.name for p in BUNDLED.glob("*.txt"))
    for name in names:
        shutil.copy(BUNDLED / name, folder / name)
    (folder / "pay.txt").write_text(FACT)
    settings = Settings(
        data_dir=tmp_path / "data",
        manifest=write_manifest(folder, [*names, "pay.txt"]),
        run=RunOptions(keep_snapshots=3),
    )
    run_pipeline(settings)
    return settings


def _current_file(settings: Settings, table: str) -> Path:
    curated = settings.curated_dir
    return snapshot_dir(curated, str(current_snapshot(curated))) / f"{table}.parquet"


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _sound(settings: Settings) -> None:
    """The current snapshot verifies and lists every table its manifest names."""
    curated = settings.curated_dir
    current = str(current_snapshot(curated))
    assert verify_snapshot(curated, current) == []
    manifest = json.loads((snapshot_dir(curated, current) / MANIFEST).read_text())
    assert set(manifest["tables"]) == set(TABLE_MODELS)


def test_a_flipped_byte_is_found_and_never_republished(published: Settings) -> None:
    claims = mlefacts.load("claims", published.data_dir)
    damaged = _current_file(published, "claims")
    _flip_a_byte(damaged)
    problems = verify_snapshot(published.curated_dir, damaged.parent.name)
    assert problems and "claims.parquet" in problems[0]
    record = run_pipeline(published).record
    assert record.status == "completed"
    assert "damaged" in record.message
    _sound(published)
    pd.testing.assert_frame_equal(
        mlefacts.load("claims", published.data_dir).drop(columns="run_id"),
        claims.drop(columns="run_id"),
    )


@pytest.mark.parametrize("damage", ["delete claims", "truncate runs", "delete manifest"])
def test_a_run_after_damage_publishes_every_table_again(published: Settings, damage: str) -> None:
    claims = mlefacts.load("claims", published.data_dir)
    if damage == "delete claims":
        _current_file(published, "claims").unlink()
    elif damage == "truncate runs":
        runs = _current_file(published, "runs")
        runs.write_bytes(runs.read_bytes()[:100])
    else:
        (_current_file(published, "runs").parent / MANIFEST).unlink()
    run_pipeline(published)
    run_pipeline(published)  # and the run after it: nothing left broken
    _sound(published)
    assert len(mlefacts.load("claims", published.data_dir)) == len(claims)
    assert len(mlefacts.load("runs", published.data_dir)) == 3


def test_rollback_switches_only_to_a_sound_snapshot(published: Settings) -> None:
    curated = published.curated_dir
    first = str(current_snapshot(curated))
    old_claims = mlefacts.load("claims", published.data_dir)
    (published.manifest.parent / "more.txt").write_text(FACT.replace("150,000", "170,000"))
    write_manifest(
        published.manifest.parent,
        [s.uri for s in mlefacts.sources.manifest.load_manifest(published.manifest)] + ["more.txt"],
    )
    run_pipeline(published)
    second = str(current_snapshot(curated))
    assert second != first
    rollback(curated, first)
    assert current_snapshot(curated) == first
    pd.testing.assert_frame_equal(mlefacts.load("claims", published.data_dir), old_claims)
    _flip_a_byte(snapshot_dir(curated, second) / "claims.parquet")
    with pytest.raises(SnapshotDamagedError, match="claims.parquet"):
        rollback(curated, second)
    assert current_snapshot(curated) == first
    with pytest.raises(LookupError, match="nope"):
        rollback(curated, "nope")


@pytest.mark.slow
def test_unchanged_runs_do_not_evict_history(published: Settings) -> None:
    curated = published.curated_dir
    first = str(current_snapshot(curated))
    (published.manifest.parent / "pay.txt").write_text(FACT.replace("150,000", "160,000"))
    run_pipeline(published)
    changed = str(current_snapshot(curated))
    for _ in range(published.run.keep_snapshots + 2):
        assert run_pipeline(published).record.status == "completed"
    kept = list_snapshots(curated)
    assert first in kept and kept[-1] == current_snapshot(curated)
    assert len(kept) == 2
    assert changed.split("-")[-1] == kept[-1].split("-")[-1]  # the same tables, newer runs
    runs = mlefacts.load("runs", published.data_dir)
    assert len(runs) == published.run.keep_snapshots + 4
    changes = diff_snapshots(curated)
    assert not changes.empty  # `mlefacts diff` still compares with the real previous content


def test_identical_table_bytes_hash_the_same(published: Settings) -> None:
    current = _current_file(published, "claims").parent
    manifest = json.loads((current / MANIFEST).read_text())
    for name, entry in manifest["tables"].items():
        data = (current / f"{name}.parquet").read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_an_unchanged_run_reads_each_published_table_twice_at_most(
    published: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once when the run checks the current snapshot before it starts, once when it checks
    the bytes it republishes; the copy takes those digests (it used to hash them again)."""
    from mlefacts.publish import snapshots

    hashed: list[str] = []
    sha256 = snapshots.file_sha256

    def counted(path: Path) -> str:
        hashed.append(path.name)
        return sha256(path)

    monkeypatch.setattr(snapshots, "file_sha256", counted)
    before = str(current_snapshot(published.curated_dir))
    again = run_pipeline(published)
    assert again.record.n_extracted == 0 and again.record.snapshot_id != before
    current = snapshot_dir(published.curated_dir, str(again.record.snapshot_id))
    tables = sorted(path.name for path in current.glob("*.parquet"))
    assert len(tables) > 5
    assert {name: hashed.count(name) for name in tables if name != "runs.parquet"} == {
        name: 2 for name in tables if name != "runs.parquet"
    }

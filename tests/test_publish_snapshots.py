from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from support.tables import sample_tables, validated

from mlefacts.contract import SCHEMA_VERSION
from mlefacts.publish import snapshots
from mlefacts.publish.snapshots import (
    COMPLETE,
    MANIFEST,
    PAUSE_ENV,
    current_snapshot,
    list_snapshots,
    publish_snapshot,
    rollback,
    verify_snapshot,
)

TESTS_DIR = Path(__file__).parent


def _parquet_bytes(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.glob("*.parquet"))}


def _variant(number: int) -> dict[str, pd.DataFrame]:
    """The sample tables with a rejection that differs per number: distinct content."""
    tables = sample_tables()
    tables["rejections"] = tables["rejections"].assign(reason=f"no number ({number})")
    return validated(tables)


def test_same_tables_give_byte_identical_parquet(tmp_path):
    curated = tmp_path / "curated"
    first = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    first_bytes = _parquet_bytes(first.path)
    second = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    assert first.snapshot_id != second.snapshot_id
    assert first.snapshot_id.split("-")[1] == second.snapshot_id.split("-")[1]
    assert first_bytes == _parquet_bytes(second.path)
    assert len(first_bytes) == len(sample_tables())
    # The same tables again: the newer copy replaces the older one in the kept history.
    assert list_snapshots(curated) == [second.snapshot_id]


def test_a_run_that_only_adds_log_rows_replaces_the_copy_before_it(tmp_path):
    """A run that changed nothing but fetched its http sources again (a 304 is a fetch too)
    adds rows to `fetches` as to `runs`: the same content, so it never pushes history out."""
    curated = tmp_path / "curated"
    tables = validated(sample_tables())
    kept = publish_snapshot(_variant(1), curated_dir=curated)
    first = publish_snapshot(tables, curated_dir=curated)
    refetched = pd.concat([tables["fetches"], tables["fetches"].assign(status="not_modified")])
    second = snapshots.republish_current(
        {"runs": tables["runs"], "fetches": refetched}, curated_dir=curated, keep=2
    )
    assert first.snapshot_id.split("-")[1] == second.snapshot_id.split("-")[1]
    assert pq.read_metadata(second.path / "fetches.parquet").num_rows == 2
    assert list_snapshots(curated) == [kept.snapshot_id, second.snapshot_id]


def test_row_order_of_the_input_does_not_matter(tmp_path):
    tables = validated(sample_tables())
    shuffled = {**tables, "claims": tables["claims"].iloc[::-1]}
    first = publish_snapshot(tables, curated_dir=tmp_path / "a")
    second = publish_snapshot(shuffled, curated_dir=tmp_path / "b")
    assert (first.path / "claims.parquet").read_bytes() == (
        second.path / "claims.parquet"
    ).read_bytes()


def test_files_carry_table_schema_version_and_a_version_free_pandas_entry(tmp_path):
    info = publish_snapshot(validated(sample_tables()), curated_dir=tmp_path / "curated")
    file = pq.ParquetFile(info.path / "claims.parquet")
    metadata = file.schema_arrow.metadata
    assert metadata[b"mlefacts.table"] == b"claims"
    assert metadata[b"mlefacts.schema_version"] == SCHEMA_VERSION.encode()
    pandas = json.loads(metadata[b"pandas"])
    assert pandas["columns"] == [
        {"field_name": "year", "name": "year", "numpy_type": "Int64", "pandas_type": "int64"}
    ]
    assert "pandas_version" not in pandas and "creator" not in pandas
    assert file.metadata.row_group(0).column(0).compression == "ZSTD"
    assert file.metadata.num_rows == len(sample_tables()["claims"])


def test_current_switches_to_the_new_complete_snapshot(tmp_path):
    curated = tmp_path / "curated"
    first = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    assert os.readlink(curated / "current") == f"snapshots/{first.snapshot_id}"
    second = publish_snapshot(_variant(2), curated_dir=curated)
    assert current_snapshot(curated) == second.snapshot_id
    assert (curated / "current" / COMPLETE).is_file()
    assert (curated / "current" / "claims.parquet").is_file()
    assert list_snapshots(curated) == [first.snapshot_id, second.snapshot_id]


def test_prune_keeps_the_newest_n(tmp_path):
    curated = tmp_path / "curated"
    ids = [
        publish_snapshot(_variant(number), curated_dir=curated, keep=3).snapshot_id
        for number in range(5)
    ]
    assert list_snapshots(curated) == ids[-3:]
    assert current_snapshot(curated) == ids[-1]


def test_prune_never_removes_the_last_sound_snapshot_to_roll_back_to(tmp_path, monkeypatch):
    """Damaged snapshots count toward `keep`: the newest one that verifies is kept besides,
    until a sound snapshot comes to be the one before `current`; a publish that prunes reads
    that one snapshot only."""
    curated = tmp_path / "curated"
    ids = [
        publish_snapshot(_variant(number), curated_dir=curated, keep=2).snapshot_id
        for number in range(2)
    ]
    claims = curated / "snapshots" / ids[1] / "claims.parquet"
    data = bytearray(claims.read_bytes())
    data[len(data) // 2] ^= 0x01  # changed in place: its size stays
    claims.write_bytes(bytes(data))
    ids.append(publish_snapshot(_variant(2), curated_dir=curated, keep=2).snapshot_id)
    assert list_snapshots(curated) == ids
    assert verify_snapshot(curated, ids[1]) and not verify_snapshot(curated, ids[0])
    rollback(curated, ids[0])
    assert current_snapshot(curated) == ids[0]

    ids.append(publish_snapshot(_variant(3), curated_dir=curated, keep=2).snapshot_id)
    assert list_snapshots(curated) == ids[-2:]  # the one before current is sound
    hashed: list[str] = []
    sha256 = snapshots.file_sha256
    monkeypatch.setattr(snapshots, "file_sha256", lambda path: hashed.append(path) or sha256(path))
    ids.append(publish_snapshot(_variant(4), curated_dir=curated, keep=2).snapshot_id)
    assert list_snapshots(curated) == ids[-2:]
    assert {path.parent.name for path in hashed} == {ids[-2]}


def test_a_directory_without_complete_marker_is_ignored_then_removed(tmp_path):
    curated = tmp_path / "curated"
    first = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    dead = curated / "snapshots" / "99990101T000000000000Z-deadbeef"
    dead.mkdir()
    (dead / "claims.parquet").write_bytes(b"half")
    assert list_snapshots(curated) == [first.snapshot_id]
    publish_snapshot(validated(sample_tables()), curated_dir=curated)
    assert not dead.exists()


def test_runs_without_snapshot_id_get_the_published_one(tmp_path):
    runs = sample_tables()["runs"]
    later = runs.assign(run_id="r2", snapshot_id=None, started_at="2025-02-01T00:00:00+00:00")
    failed = later.assign(run_id="r3", status="failed", started_at="2025-03-01T00:00:00+00:00")
    tables = {**validated(sample_tables()), "runs": pd.concat([runs, later, failed])}
    info = publish_snapshot(tables, curated_dir=tmp_path / "curated")
    published = pq.read_table(info.path / "runs.parquet").to_pylist()
    assert [row["snapshot_id"] for row in published] == ["earlier", info.snapshot_id, None]


def test_unknown_table_is_refused_before_writing(tmp_path):
    with pytest.raises(ValueError, match="unknown table"):
        publish_snapshot({"stuff": sample_tables()["claims"]}, curated_dir=tmp_path / "c")
    assert not (tmp_path / "c" / "snapshots").exists()


def test_empty_tables_keep_their_column_types(tmp_path):
    tables = validated(sample_tables())
    tables["conflicts"] = tables["conflicts"].iloc[0:0]
    info = publish_snapshot(tables, curated_dir=tmp_path / "curated")
    schema = pq.read_schema(info.path / "conflicts.parquet")
    assert str(schema.field("relative_difference").type) == "double"
    assert pq.read_metadata(info.path / "conflicts.parquet").num_rows == 0


_PUBLISHER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from support.tables import sample_tables, validated
from mlefacts.publish.snapshots import publish_snapshot
publish_snapshot(validated(sample_tables()), curated_dir=Path({curated!r}))
"""


@pytest.mark.slow
def test_killed_publisher_leaves_the_previous_snapshot_current(tmp_path):
    curated = tmp_path / "curated"
    first = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    code = _PUBLISHER.format(tests=str(TESTS_DIR), curated=str(curated))
    env = {**os.environ, PAUSE_ENV: "30"}
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        new_dir = _wait_for_partial_snapshot(curated, first.snapshot_id, child)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert not (new_dir / COMPLETE).exists()
    assert current_snapshot(curated) == first.snapshot_id
    assert list_snapshots(curated) == [first.snapshot_id]
    assert (curated / "current" / "claims.parquet").read_bytes() == (
        first.path / "claims.parquet"
    ).read_bytes()
    third = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    assert current_snapshot(curated) == third.snapshot_id
    assert not new_dir.exists()


def _wait_for_partial_snapshot(curated: Path, done: str, child: subprocess.Popen) -> Path:
    """The killed publisher's directory, once it holds at least one table file."""
    for _ in range(600):
        assert child.poll() is None, "publisher exited before it could be killed"
        partial = [
            p
            for p in (curated / "snapshots").iterdir()
            if p.name != done and any(p.glob("*.parquet"))
        ]
        if partial:
            return partial[0]
        time.sleep(0.1)
    raise AssertionError("publisher never started writing")


def test_readers_only_ever_see_complete_snapshots(tmp_path, monkeypatch):
    """A reader follows `current` between every two file-system steps of five publishes (each
    write, fsync, rename, symlink switch and removal of a pruned snapshot): what it finds is
    always a complete snapshot with every table. Checked step by step, not by a reader thread
    racing the publisher (which under load could miss steps, or find the snapshot it had just
    resolved pruned under it)."""
    curated = tmp_path / "curated"
    tables = validated(sample_tables())
    publish_snapshot(tables, curated_dir=curated)
    seen: list[tuple[str, bool, int]] = []

    def read_current() -> None:
        target = curated / "snapshots" / Path(os.readlink(curated / "current")).name
        manifest = json.loads((target / MANIFEST).read_text())
        seen.append((target.name, (target / COMPLETE).is_file(), len(manifest["tables"])))

    def then_read(step):
        def stepped(*args, **kwargs):
            result = step(*args, **kwargs)
            read_current()
            return result

        return stepped

    for name in ("fsync", "replace", "rename", "symlink", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, then_read(getattr(os, name)))
    published = [publish_snapshot(tables, curated_dir=curated) for _ in range(5)]
    monkeypatch.undo()
    assert len(seen) > 5 * len(tables)  # every table file is at least written and fsynced
    assert all(complete and n == len(tables) for _, complete, n in seen)
    # The reader saw each new snapshot become current (and nothing else).
    assert {name for name, _, _ in seen} - {info.snapshot_id for info in published} == {seen[0][0]}
    assert [info.snapshot_id for info in published] == list(
        dict.fromkeys(name for name, _, _ in seen if name != seen[0][0])
    )

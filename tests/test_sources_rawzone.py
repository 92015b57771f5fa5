"""The content-addressed raw zone and its fetch log."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from mlefacts.sources.rawzone import RawZone, RawZoneError


def test_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    data = b"Machine learning engineer salaries"
    sha, path = raw.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert path == tmp_path / "objects" / sha[:2] / sha
    assert path.read_bytes() == data
    mtime = path.stat().st_mtime_ns
    assert raw.put(data) == (sha, path)
    assert path.stat().st_mtime_ns == mtime
    assert raw.has(sha) and raw.get(sha) == data
    assert not list(path.parent.glob(".*.tmp"))


def test_get_missing_and_corrupt(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    with pytest.raises(RawZoneError, match="not in the raw zone"):
        raw.get("0" * 64)
    sha, path = raw.put(b"original")
    path.write_bytes(b"tampered")
    with pytest.raises(RawZoneError, match="corrupt"):
        raw.get(sha)


def test_malformed_hash_cannot_escape(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    with pytest.raises(RawZoneError, match="not a sha256"):
        raw.get("../../etc/passwd")


def test_record_fetch_log_and_index(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    assert raw.last_fetch("s_1") is None
    raw.record_fetch(
        source_id="s_1",
        uri="https://a.example/x",
        status="ok",
        n_bytes=3,
        sha256="a" * 64,
        etag='"v1"',
        last_modified="Wed, 01 May 2024 10:00:00 GMT",
        elapsed_ms=12,
    )
    raw.record_fetch(
        source_id="s_1",
        uri="https://a.example/x",
        status="error",
        error="HTTP 500 ...",
    )
    raw.record_fetch(source_id="s_2", uri="b.txt", status="ok", n_bytes=1, sha256="b" * 64)
    lines = (tmp_path / "state" / "fetch_log.jsonl").read_text().splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["ok", "error", "ok"]
    assert set(json.loads(lines[0])) >= {
        "time",
        "source_id",
        "uri",
        "status",
        "bytes",
        "sha256",
        "error",
        "elapsed_ms",
        "etag",
        "last_modified",
    }
    assert raw.last_fetch("s_1")["status"] == "error"
    good = raw.last_good_fetch("s_1")
    assert (good["etag"], good["sha256"]) == ('"v1"', "a" * 64)
    states = sorted(p.name for p in (tmp_path / "state" / "sources").iterdir())
    assert states == ["s_1.json", "s_2.json"]


def test_state_rebuilt_from_log(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    raw.record_fetch(source_id="s_1", uri="a.txt", status="ok", sha256="c" * 64, n_bytes=1)
    (tmp_path / "state" / "sources" / "s_1.json").write_text("{torn")
    assert RawZone(tmp_path).last_good_fetch("s_1")["sha256"] == "c" * 64
    (tmp_path / "state" / "sources" / "s_1.json").write_bytes(b'{"last": "\xff"}')
    assert RawZone(tmp_path).last_good_fetch("s_1")["sha256"] == "c" * 64


def test_a_state_longer_than_one_read_is_read_whole(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    error = "refused: " + "x" * 200_000
    raw.record_fetch(source_id="s_1", uri="a.txt", status="error", error=error)
    assert RawZone(tmp_path).last_fetch("s_1")["error"] == error


def test_a_torn_log_line_does_not_swallow_the_next_record(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    raw.record_fetch(source_id="s_a", uri="a.txt", status="ok")
    with raw.log_path.open("a", encoding="utf-8") as log:
        log.write('{"time": "2026-01-01T00:00:00+00:00", "source_id": "s_b", "ur')  # killed
    raw.record_fetch(source_id="s_c", uri="c.txt", status="error", error="gone")
    assert [record["source_id"] for record in raw.fetch_log()] == ["s_a", "s_c"]


def test_a_log_with_bytes_that_are_not_utf8_is_still_read(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    raw.record_fetch(source_id="s_a", uri="a.txt", status="ok")
    with raw.log_path.open("ab") as log:
        log.write(b"\xff\xfe garbage\n")
    raw.record_fetch(source_id="s_c", uri="c.txt", status="ok")
    assert [record["source_id"] for record in raw.fetch_log()] == ["s_a", "s_c"]


def test_put_repairs_an_object_whose_bytes_were_damaged(tmp_path: Path) -> None:
    raw = RawZone(tmp_path)
    data = b"Machine learning engineer salaries"
    sha, path = raw.put(data)
    path.write_bytes(b"Machine learning engineer salarie5")
    assert not raw.verified(sha)
    assert raw.put(data) == (sha, path)
    assert raw.get(sha) == data and raw.verified(sha)


def _counting_fsync(synced: list[str], real: Callable[[int], None]) -> Callable[[int], None]:
    def fsync(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    return fsync


def test_a_batch_fsyncs_every_object_but_each_directory_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    monkeypatch.setattr(os, "fsync", _counting_fsync(synced, os.fsync))
    raw = RawZone(tmp_path)
    raw.put(b"outside a batch")
    assert synced == ["file", "dir"]
    synced.clear()
    pages = [f"page {i}".encode() for i in range(600)]
    with raw.batch():
        stored = [raw.put(page) for page in pages]
        assert all(raw.get(sha) == page for (sha, _), page in zip(stored, pages, strict=True))
        assert synced == ["file"] * len(pages)
    directories = {path.parent for _, path in stored}
    assert len(directories) < len(pages)
    assert synced == ["file"] * len(pages) + ["dir"] * len(directories)
    assert not list((tmp_path / "objects").glob("*/.*.tmp"))

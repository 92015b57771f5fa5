"""What the flow's process holds of the fetch log and of ingested sources: bounded parts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from mlefacts import pipeline
from mlefacts.pipeline import _fetch_frame, _held, fetches_table
from mlefacts.sources.ingest import IngestResult
from mlefacts.sources.manifest import make_source
from mlefacts.sources.rawzone import RawZone
from mlefacts.validate import validate_table


def _log(tmp_path: Path) -> RawZone:
    raw = RawZone(tmp_path / "raw")
    for number in range(7):
        raw.record_fetch(
            source_id=f"s_{number}",
            uri=f"https://a.example/{number}",
            status="ok" if number % 3 else "error",
            n_bytes=10 * number,
            sha256=f"{number:x}" * 64 if number % 3 else None,
            error=None if number % 3 else "HTTP 500",
            # One attempt the fetches model refuses (an HTTP status out of range).
            http_status=99 if number == 4 else 200,
            elapsed_ms=number,
            time=f"2026-01-0{1 + number % 2}T00:00:00+00:00",
        )
    with raw.log_path.open("a", encoding="utf-8") as log:
        log.write('{"time": "2026-01-03T00:00:00+00:00", "source_id": "s_x", "ur')  # killed
    return raw


def test_the_fetch_log_read_in_parts_gives_the_table_of_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = _log(tmp_path)
    whole, whole_rejected = validate_table(
        "fetches", _fetch_frame(list(raw.fetch_log())), run_id="r_1"
    )
    monkeypatch.setattr(pipeline, "FETCH_CHUNK_ROWS", 2)
    valid, rejected = fetches_table(raw, run_id="r_1")
    pd.testing.assert_frame_equal(valid, whole)
    pd.testing.assert_frame_equal(rejected, whole_rejected)
    assert list(valid["source_id"]) == ["s_0", "s_1", "s_2", "s_3", "s_5", "s_6"]
    assert list(rejected["source_id"]) == ["s_4"]


def test_an_empty_fetch_log_is_an_empty_table(tmp_path: Path) -> None:
    valid, rejected = fetches_table(RawZone(tmp_path / "raw"), run_id="r_1")
    assert valid.empty and rejected.empty
    assert list(valid.columns) == list(validate_table("fetches", _fetch_frame([]), run_id="r")[0])


def test_an_ingested_source_is_held_without_its_text_and_with_shared_strings() -> None:
    def ingested(number: int) -> IngestResult:
        return IngestResult(
            source_id=f"s_{number}",
            uri=f"{number}.html",
            status="".join(["o", "k"]),
            content_sha256="a" * 64,
            media_type="".join(["text/", "html"]),
            charset="".join(["utf-", "8"]),
            text="the page",
            n_bytes=8,
            fetched_at="".join(["2026-01-01T00:00:00", "+00:00"]),
            error=None,
            http_status=None,
        )

    first, second = (
        _held(make_source(f"{n}.html"), ingested(n), "".join(["2025-", "01-01"])) for n in (1, 2)
    )
    assert first.result.text is None
    assert replace(first.result, text="the page") == ingested(1)
    for name in ("status", "media_type", "charset", "fetched_at"):
        assert getattr(first.result, name) is getattr(second.result, name)
    assert first.seen_at is second.seen_at == "2025-01-01"


def test_fetches_written_in_shards_compact_to_the_bytes_of_the_table_held_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A run no longer holds the fetch log as one frame: its shards are compacted like the
    # other tables, into the bytes publishing the frame gave (ties kept in the order logged).
    import duckdb

    from mlefacts.assemble import RunTables
    from mlefacts.pipeline import fetch_shards
    from mlefacts.publish.parquet import encode

    raw = _log(tmp_path)
    for n_bytes in (5, 3, 4):  # the same attempt thrice but for its bytes: a tie
        raw.record_fetch(
            source_id="s_1",
            uri="https://a.example/1",
            status="ok",
            n_bytes=n_bytes,
            sha256="b" * 64,
            error=None,
            http_status=200,
            elapsed_ms=1,
            time="2026-01-01T00:00:00+00:00",
        )
    empty = RawZone(tmp_path / "empty")
    monkeypatch.setattr(pipeline, "FETCH_CHUNK_ROWS", 2)
    for zone, n_files in ((raw, 5), (empty, 1)):
        whole, whole_rejected = fetches_table(zone, run_id="r_1")
        folder = tmp_path / "run" / str(n_files)
        files, rejected = fetch_shards(zone, run_id="r_1", folder=folder / "fetches")
        assert len(files) == n_files
        pd.testing.assert_frame_equal(rejected, whole_rejected)
        run = RunTables(duckdb.connect(), folder, rejected, 0)
        run.attach("fetches", files)
        assert run.compact("fetches").read_bytes() == encode("fetches", whole)

"""The whole-run checks over the shards of many batches, which no single batch can make."""

from __future__ import annotations

import io
import json
import pickle
import random
from dataclasses import replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from mlefacts import assemble
from mlefacts.assemble import open_run
from mlefacts.extract import extraction_fingerprint
from mlefacts.pipeline import BatchResult, process_batch
from mlefacts.publish.parquet import canonical_schema, write_row_groups
from mlefacts.settings import Settings
from mlefacts.sources.manifest import make_source
from mlefacts.staging import UNSTAMPED, staging_dir, write_batch

FACT = "Machine learning engineers earn a median salary of $150,000 a year."


def _batch(tmp_path: Path, name: str, text: str) -> tuple[Settings, BatchResult]:
    (tmp_path / name).write_text(text)
    settings = Settings(data_dir=tmp_path / "data", manifest=tmp_path / "sources.toml")
    result = process_batch(
        [make_source(name)], settings=settings, fingerprint=extraction_fingerprint()
    )
    assert result.claims, result.rejections
    return settings, result


def _rejections(run) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    return run.rejected


def test_a_source_in_two_batches_is_kept_once_and_the_repeat_is_rejected(tmp_path: Path) -> None:
    settings, result = _batch(tmp_path, "a.txt", FACT)
    folder = staging_dir(settings.data_dir)
    summaries = [write_batch(result, folder=folder, index=i) for i in (1, 0)]
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        assert run.count("sources") == 1
        assert run.count("claims") == len(result.claims)
        reasons = set(run.rejected["reason"])
        assert any(
            r.startswith("[sources] column 'source_id' failed check unique") for r in reasons
        )
        assert any(r.startswith("[claims] column 'claim_id' failed check unique") for r in reasons)
        assert set(run.rejected["run_id"]) == {"r_test"}
        kept = run.frame("claims")
    assert (kept["claim_id"].to_list()) == [row["claim_id"] for row in result.claims]


def test_a_repeat_inside_one_batch_is_rejected_by_the_batch_itself(tmp_path: Path) -> None:
    # What lets a run of one batch leave out the whole-run check for repeated ids.
    settings, result = _batch(tmp_path, "a.txt", FACT)
    doubled = replace(result, claims=[*result.claims, result.claims[0]])
    folder = staging_dir(settings.data_dir)
    summary = write_batch(doubled, folder=folder, index=0)
    assert summary.rows["claims"] == len(result.claims)
    with open_run([summary], data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        assert run.count("claims") == len(result.claims)
        kept = run.frame("claims")["claim_id"]
        rejected = pd.read_parquet(run.compact("rejections", extra=run.rejected))
    assert kept.is_unique
    assert (
        rejected["reason"].str.startswith("[claims] column 'claim_id' failed check unique").sum()
        == 1
    )


def test_rows_of_a_source_whose_own_row_was_rejected_are_rejected_too(tmp_path: Path) -> None:
    settings, result = _batch(tmp_path, "a.txt", FACT)
    bad = replace(result, sources=[{**result.sources[0], "published": "last spring"}])
    folder = staging_dir(settings.data_dir)
    summary = write_batch(bad, folder=folder, index=0)
    assert summary.rows["sources"] == 0 and summary.rows["claims"] == len(result.claims)
    with open_run([summary], data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        assert run.count("claims") == run.count("documents") == run.count("figures") == 0
        reasons = run.rejected["reason"]
        assert reasons.str.contains("failed check foreign key").sum() == (
            len(result.claims) + len(result.documents) + len(result.figures)
        )
        compacted = pd.read_parquet(run.compact("rejections", extra=run.rejected))
    assert compacted["reason"].str.startswith("[sources] column 'published'").sum() == 1


def test_batches_written_before_the_run_id_is_known_publish_it_everywhere(tmp_path: Path) -> None:
    text = f"{FACT} Senior machine learning engineers earn $190,000 a year."
    settings, result = _batch(tmp_path, "a.txt", text)
    assert len(result.claims) > 1
    bad = replace(result, claims=[{**result.claims[0], "kind": "gossip"}, *result.claims[1:]])
    folder = staging_dir(settings.data_dir)
    summary = write_batch(bad, folder=folder, index=0)
    shard = pd.read_parquet(summary.shards["rejections"])
    assert set(shard["run_id"]) == {UNSTAMPED}
    with open_run([summary], data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        assert set(run.frame("claims", columns=["run_id"])["run_id"]) == {"r_test"}
        assert set(run.frame("figures", columns=["run_id"])["run_id"]) == {"r_test"}
        rejections = pd.read_parquet(run.compact("rejections"))
    [rejected] = rejections.itertuples()
    assert rejected.reason.startswith("[claims] column 'kind' failed check isin")
    assert rejected.run_id == "r_test"
    assert json.loads(rejected.record)["run_id"] == "r_test"
    assert UNSTAMPED not in rejected.record


def _wide_batches(tmp_path: Path, *, batches: int, per_batch: int, chars: int):  # type: ignore[no-untyped-def]
    """Shards of `batches` batches of documents of `chars` random characters each."""
    settings, result = _batch(tmp_path, "a.txt", FACT)
    source, document = result.sources[0], result.documents[0]
    folder = staging_dir(settings.data_dir)
    rng = random.Random(0)
    summaries = []
    for index in range(batches):
        ids = [f"s_{rng.randbytes(8).hex()}" for _ in range(per_batch)]
        wide = replace(
            result,
            sources=[{**source, "source_id": i} for i in ids],
            documents=[
                {**document, "source_id": i, "text": rng.randbytes(chars // 2).hex()} for i in ids
            ],
            claims=[],
            figures=[],
        )
        summaries.append(write_batch(wide, folder=folder, index=index))
    return settings, folder, summaries


def test_documents_beyond_duckdbs_memory_compact_sorting_only_their_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 20 MB of text against a 16 MB memory limit: sorting whole rows fails ("could not
    # allocate block"); the keys sort, the texts come through buckets of 2 MB.
    settings, folder, summaries = _wide_batches(tmp_path, batches=40, per_batch=5, chars=100_000)
    monkeypatch.setattr(assemble, "MEMORY_LIMIT", "16MB")
    monkeypatch.setattr(assemble, "SORT_MEMORY_LIMIT", "16MB")
    monkeypatch.setattr(assemble, "SORT_BUCKET_BYTES", 2 * 2**20)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        compacted = run.compact("documents").read_bytes()
        assert not list(folder.glob("sorting/**/*.arrow"))
    documents = pq.read_table(io.BytesIO(compacted))
    assert documents.num_rows == 200
    ids = documents["source_id"].to_pylist()
    assert ids == sorted(ids)
    # The same bytes as DuckDB sorting the whole rows, given the memory.
    monkeypatch.setattr(assemble, "MEMORY_LIMIT", "1GB")
    schema = canonical_schema("documents")
    whole = tmp_path / "whole.parquet"
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        columns = ", ".join(f'"{name}"' for name in schema.names)
        rows = run.con.sql(f"SELECT {columns} FROM documents ORDER BY source_id").to_arrow_table()
    write_row_groups(iter([rows]), schema, whole)
    assert whole.read_bytes() == compacted


def test_parts_beyond_duckdbs_memory_come_whole_in_the_order_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 20 MB of claims against a 16 MB memory limit: sorting whole claims by part fails
    # ("could not allocate"); each row goes to the file of its part, sorted there.
    settings, result = _batch(tmp_path, "a.txt", FACT)
    source, document, claim = result.sources[0], result.documents[0], result.claims[0]
    folder = staging_dir(settings.data_dir)
    rng = random.Random(0)
    made: list[list[str]] = [[] for _ in range(5)]
    summaries = []
    for index in range(40):
        ids = [f"s_{rng.randbytes(8).hex()}" for _ in range(5)]
        claims = []
        for source_id in ids:
            for part in rng.sample(range(5), 5):
                claim_id = f"c_{rng.randbytes(8).hex()}"
                made[part].append(claim_id)
                text = rng.randbytes(10_000).hex()
                claims.append(
                    {**claim, "claim_id": claim_id, "source_id": source_id, "text": text}
                    | {"subject": f"subject {part}"}
                )
        wide = replace(
            result,
            sources=[{**source, "source_id": i} for i in ids],
            documents=[{**document, "source_id": i} for i in ids],
            claims=claims,
            figures=[],
        )
        summaries.append(write_batch(wide, folder=folder, index=index))
    monkeypatch.setattr(assemble, "MEMORY_LIMIT", "16MB")
    monkeypatch.setattr(assemble, "SORT_MEMORY_LIMIT", "16MB")
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        parts = [
            pd.concat(list(frames), ignore_index=True)
            for frames in run.parts(
                "claims",
                ["claim_id", "subject", "text"],
                by={"subject": "subject"},
                assign=lambda counts: [
                    int(s.split()[1]) for chunk in counts for s in chunk["subject"]
                ],
                rows=30,
            )
        ]
        assert not list(folder.glob("parts/**/*.arrow"))
        # and the claims compact within the limit too, in publishing order
        compacted = pq.read_table(run.compact("claims"), columns=["kind", "source_id", "claim_id"])
    assert [part["claim_id"].tolist() for part in parts] == made
    assert compacted.num_rows == sum(map(len, made))
    keys = list(zip(*(compacted[c].to_pylist() for c in ("source_id", "claim_id")), strict=True))
    assert keys == sorted(keys)


def test_compaction_holds_a_few_bytes_per_row_beside_its_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where each row comes in publishing order is 4 bytes a row; the sorted keys are read a
    # batch at a time (whole, with the bytes of each row's text and each row's file and row
    # number as numpy, they took ~50 bytes a row: 4.4 million claims at 100,000 articles).
    import tracemalloc

    settings, result = _batch(tmp_path, "a.txt", FACT)
    claim = result.claims[0]
    folder = staging_dir(settings.data_dir)
    summaries = []
    n = 0
    for index in range(4):
        claims = [
            {**claim, "claim_id": f"c_{index:02d}{i:06d}", "subject": f"s {i % 97}"}
            for i in range(25_000)
        ]
        n += len(claims)
        summaries.append(write_batch(replace(result, claims=claims), folder=folder, index=index))
    monkeypatch.setattr(assemble, "KEY_READ_ROWS", 2_048)
    monkeypatch.setattr(assemble, "SORT_BUCKET_BYTES", 2**20)
    monkeypatch.setattr(assemble, "SCATTER_BYTES", 2**20)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        tracemalloc.start()
        try:
            path = run.compact("claims")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    compacted = pq.read_table(path, columns=["claim_id"])["claim_id"].to_pylist()
    assert len(compacted) == n
    assert peak < 12 * n, peak


def _limit(con: duckdb.DuckDBPyConnection) -> str:
    return str(con.sql("SELECT current_setting('memory_limit')").fetchall()[0][0])


def test_keys_sort_under_their_own_lower_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sort takes all the memory DuckDB may give it before it spills: the keys of a table
    # sort under `SORT_MEMORY_LIMIT` (the claims' keys of 100,000 articles took the whole
    # 256 MB), every other statement has `MEMORY_LIMIT` again.
    settings, folder, summaries = _wide_batches(tmp_path, batches=2, per_batch=5, chars=1_000)
    monkeypatch.setattr(assemble, "SORT_READ_BYTES", 5_000)  # more than one read: keys sorted
    seen: list[str] = []
    put = assemble._Places.put

    def recording(places, *arguments):  # type: ignore[no-untyped-def]
        seen.append(_limit(cursor))
        return put(places, *arguments)

    monkeypatch.setattr(assemble._Places, "put", recording)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        cursor = run.con.cursor()  # the setting is the database's; the reader holds `con`
        before = _limit(cursor)
        run.compact("documents")
        after = _limit(cursor)
    with duckdb.connect(config={"memory_limit": assemble.SORT_MEMORY_LIMIT}) as scratch:
        sorting = _limit(scratch)
    assert seen and set(seen) == {sorting}
    assert before == after != sorting


def test_duckdbs_allocator_gives_back_freed_memory_from_a_thread_of_its_own(
    tmp_path: Path,
) -> None:
    # Without it DuckDB kept ~80 MB it had freed after scattering the documents of 100,000
    # articles, under compaction's buffers.
    settings, folder, summaries = _wide_batches(tmp_path, batches=1, per_batch=1, chars=10)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        setting = "current_setting('allocator_background_threads')"
        assert run.con.sql(f"SELECT {setting}").fetchall()[0][0] is True


def test_a_table_of_one_reads_worth_is_sorted_whole_into_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The small tables of a small run are sorted whole, with no bucket files: the bytes are
    # those the keys' way writes.
    settings, folder, summaries = _wide_batches(tmp_path, batches=3, per_batch=4, chars=1_000)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        whole = run.compact("documents").read_bytes()
        assert not (folder / "sorting" / "documents").exists()
        monkeypatch.setattr(assemble, "SORT_READ_BYTES", 5_000)
        by_keys = run.compact("documents").read_bytes()
        assert (folder / "sorting" / "documents").is_dir()
    assert whole == by_keys
    assert pq.read_table(io.BytesIO(whole)).num_rows == 12


def test_tables_with_repeats_and_added_rows_sort_whole_as_by_their_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same source in three batches: the claims kept once, and the repeats' rejections
    # added on top of the batches' own (carried rows), write the same bytes either way.
    text = f"{FACT} Senior machine learning engineers earn $190,000 a year."
    settings, result = _batch(tmp_path, "a.txt", text)
    folder = staging_dir(settings.data_dir)
    summaries = [write_batch(result, folder=folder, index=i) for i in range(3)]
    written: dict[str, list[bytes]] = {"claims": [], "rejections": []}
    for read_bytes in (assemble.SORT_READ_BYTES, 1):
        monkeypatch.setattr(assemble, "SORT_READ_BYTES", read_bytes)
        with open_run(summaries, data_dir=settings.data_dir, run_id="r", folder=folder) as run:
            assert len(run.rejected) > 0
            written["claims"].append(run.compact("claims").read_bytes())
            extra = run.rejected
            written["rejections"].append(run.compact("rejections", extra=extra).read_bytes())
    for name, (whole, by_keys) in written.items():
        assert whole == by_keys, name


def test_wide_rows_are_read_a_few_at_a_time_for_compaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows are read for their buckets about `SORT_READ_BYTES` of text at a time, not
    # `SORT_READ_ROWS` whatever their width: the consensus of 100,000 articles is 100 rows of
    # 106 MB, read whole in one batch of 1,000 rows.
    settings, folder, summaries = _wide_batches(tmp_path, batches=4, per_batch=10, chars=20_000)
    monkeypatch.setattr(assemble, "SORT_READ_BYTES", 100_000)
    read: list[int] = []
    scatter = assemble._scatter

    def counted(tables, *arguments):  # type: ignore[no-untyped-def]
        def each():  # type: ignore[no-untyped-def]
            for table in tables:
                read.append(table.num_rows)
                yield table

        return scatter(each(), *arguments)

    monkeypatch.setattr(assemble, "_scatter", counted)
    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        compacted = pq.read_table(run.compact("documents"), columns=["source_id"])
    assert compacted.num_rows == sum(read) == 40
    assert max(read) <= 5


def test_a_part_written_to_a_file_reads_back_as_the_same_frames_once_unpickled(
    tmp_path: Path,
) -> None:
    # Reconcile's worker processes read their parts from such files, a frame at a time.
    settings, result = _batch(tmp_path, "a.txt", FACT)
    claim = result.claims[0]
    claims = [
        {**claim, "claim_id": f"c_{i:04d}", "subject": f"subject {i % 3}", "value": 1000.0 * i}
        for i in range(11)
    ]
    folder = staging_dir(settings.data_dir)
    summaries = [write_batch(replace(result, claims=claims), folder=folder, index=0)]
    columns = ["claim_id", "subject", "value"]

    def parts(run):  # type: ignore[no-untyped-def]
        return run.parts(
            "claims",
            columns,
            by={"subject": "subject"},
            assign=lambda counts: [int(s.split()[1]) for chunk in counts for s in chunk["subject"]],
            rows=2,
        )

    with open_run(summaries, data_dir=settings.data_dir, run_id="r_test", folder=folder) as run:
        iterated = [list(part) for part in parts(run)]
        files = [part.write(tmp_path / f"part-{i}.arrow") for i, part in enumerate(parts(run))]
    read = [list(pickle.loads(pickle.dumps(file))) for file in files]
    assert [len(frames) for frames in iterated] == [2, 2, 2]  # 4, 4 and 3 claims, 2 a frame
    for frames, again in zip(iterated, read, strict=True):
        assert len(again) == len(frames)
        for frame, same in zip(frames, again, strict=True):
            pd.testing.assert_frame_equal(frame, same)
    assert not list(tmp_path.glob("part-*.arrow"))  # removed once read


def test_an_empty_part_written_to_a_file_reads_back_as_one_empty_frame(tmp_path: Path) -> None:
    schema = pa.schema([("claim_id", pa.string()), ("value", pa.float64())])
    rows = assemble._MappedRows(schema.empty_table())
    part = assemble.PartRows("claims", rows, 20_000, np.zeros(0, np.int64))
    [frame] = list(pickle.loads(pickle.dumps(part.write(tmp_path / "empty.arrow"))))
    assert frame.empty and list(frame.columns) == ["claim_id", "value"]
    assert not (tmp_path / "empty.arrow").exists()


def test_each_bucket_is_written_in_batches_sorted_by_the_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sorted batches make a frame of the bucket sorted whole a slice of each batch (`_take`);
    # rows of equal keys keep the order they came in.
    monkeypatch.setattr(assemble, "SCATTER_BYTES", 1)  # a batch per table and bucket
    rng = np.random.default_rng(0)
    tables = [
        pa.table({"key": rng.integers(0, 50, 400), "made": np.arange(i * 400, (i + 1) * 400)})
        for i in range(6)
    ]
    files = assemble._scatter(
        iter(tables), lambda rows: rows["key"].to_numpy() % 3, tmp_path, ["key"]
    )
    assert sorted(files) == [0, 1, 2]
    seen = []
    for bucket, path in files.items():
        batches = pa.ipc.open_file(str(path)).read_all().to_batches()
        assert len(batches) > 1
        for batch in batches:
            keys, made = batch["key"].to_numpy(), batch["made"].to_numpy()
            assert (keys % 3 == bucket).all()
            assert list(zip(keys, made, strict=True)) == sorted(zip(keys, made, strict=True))
            seen += made.tolist()
    assert sorted(seen) == list(range(2400))


def test_taking_rows_from_many_batches_gives_arrows_take(tmp_path: Path) -> None:
    # Frames of a bucket sorted whole (slices of its sorted batches), any other order and
    # repeated rows (taken from each batch) alike.
    rng = np.random.default_rng(1)
    runs = [np.sort(rng.integers(0, 10_000, n)) for n in (30, 1, 57, 12, 40)]
    rows = pa.Table.from_batches(
        [pa.record_batch({"key": run, "text": [f"row {k}" * (k % 4) for k in run]}) for run in runs]
    )
    whole = rows.combine_chunks()
    order = pc.sort_indices(rows, sort_keys=[("key", "ascending")]).to_numpy()
    asked = [order[start : start + 25] for start in range(0, len(order), 25)]
    asked += [rng.permutation(len(order))[:40], np.array([5, 5, 70, 3, 3]), order[:0]]
    released = []
    for indices in asked:
        taken = assemble._take(rows, indices, lambda: released.append(1))
        assert taken.equals(whole.take(indices))
    assert len(released) == len(asked)

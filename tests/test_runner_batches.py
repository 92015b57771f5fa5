"""The batch stage keeps what the run's id needs of every source, never every ingested batch:
memory that does not grow with the corpus while the batches are extracted."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path
from typing import Any

import pytest
from support.corpus import generator

import mlefacts
from mlefacts import runner
from mlefacts.pipeline import IngestBatch, Ingested, RunInputs, spec_key
from mlefacts.settings import load_settings
from mlefacts.sources.ingest import IngestResult
from mlefacts.sources.manifest import SourceSpec


def _ingested(source_id: str, sha: str | None, status: str) -> Ingested:
    spec = SourceSpec(
        uri=f"{source_id}.txt", title=None, publisher=None, published=None, source_id=source_id
    )
    result = IngestResult(
        source_id=source_id,
        uri=spec.uri,
        status=status,
        content_sha256=sha,
        media_type=None,
        charset=None,
        text=None,
        n_bytes=0,
        fetched_at="2026-01-01T00:00:00+00:00",
        error=None,
        http_status=None,
    )
    return Ingested(spec, result, None)


def _sorted_fields_run_id(fingerprint: str, items: list[Ingested]) -> str:
    """The run id as a sort of each source's fields gives it (what published runs carry)."""
    digest = hashlib.sha256(fingerprint.encode())
    rows = sorted(
        (
            item.spec.source_id,
            item.result.content_sha256 or "",
            item.result.status,
            spec_key(item.spec),
        )
        for item in items
    )
    for row in rows:
        digest.update("\x1f".join(row).encode())
    return "r_" + digest.hexdigest()[:16]


def test_the_run_id_is_that_of_the_sources_fields_sorted_whatever_the_batches() -> None:
    sha = hashlib.sha256(b"x").hexdigest()
    items = [
        _ingested("s_ab", sha, "ok"),
        _ingested("s_a", None, "error"),
        _ingested("s_a.b", sha, "not_modified"),
        _ingested("s_a-b", hashlib.sha256(b"y").hexdigest(), "ok"),
        _ingested("s_A", sha, "ok"),
        _ingested("s_", None, "error"),
    ]
    expected = _sorted_fields_run_id("v1", items)
    for batches in ([items], [items[3:], items[:3]], [[item] for item in reversed(items)]):
        inputs = RunInputs()
        for batch in batches:
            inputs.add(IngestBatch(batch, 0.0))
        assert inputs.run_id("v1") == expected
        assert inputs.n_failed == 2
    assert inputs.run_id("v2") != expected


def _count_live_batches(module: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Before each batch `module` extracts, the ingested batches alive in this process."""
    alive: list[int] = []
    extract = module.extract_batch

    def counting(batch: IngestBatch, **kwargs: Any) -> Any:
        gc.collect()
        alive.append(sum(isinstance(thing, IngestBatch) for thing in gc.get_objects()))
        return extract(batch, **kwargs)

    monkeypatch.setattr(module, "extract_batch", counting)
    return alive


def test_the_plain_runner_lets_go_of_each_batch_once_it_is_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = generator().generate_corpus(tmp_path / "corpus", 6, seed=3)
    settings = load_settings(
        env={}, sources=str(manifest), data_dir=str(tmp_path / "data"), batch_size=1
    )
    alive = _count_live_batches(runner, monkeypatch)
    outcome = runner.run_pipeline(settings)
    assert outcome.record.status == "completed"
    assert len(alive) == 6
    assert max(alive) <= 2, alive  # the batch being extracted, give or take one


@pytest.mark.e2e
def test_the_flow_ingests_a_few_batches_ahead_of_extraction_not_the_whole_run(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlefacts.flows import mlefacts_flow

    manifest = generator().generate_corpus(tmp_path / "corpus", 16, seed=5)
    monkeypatch.setattr(mlefacts_flow, "EXTRACT_AHEAD", 2)
    alive = _count_live_batches(mlefacts_flow, monkeypatch)
    summary = mlefacts.run(
        sources=manifest, data_dir=tmp_path / "data", runner="threads", batch_size=1
    )
    assert summary.status == "completed", summary
    assert len(alive) == 16
    # Handed over and not extracted (2), ingested or being ingested (2), the one awaited, and
    # a few whose tasks end or start meanwhile: never the run's 16.
    assert max(alive) <= 8, alive


def test_planned_batches_give_back_the_specs_they_hold_packed() -> None:
    import datetime

    from mlefacts.pipeline import MAX_BATCHES, plan_batches

    def specs() -> list[SourceSpec]:
        return [
            SourceSpec(
                uri=f"a{i}.txt",
                title=None if i % 3 else f"Title {i}",
                publisher="Example",
                published=datetime.date(2024, 1, 1 + i % 28),
                source_id=f"s_{i:04d}",
                license="CC-BY-4.0" if i % 2 else None,
                accessed=datetime.date(2025, 2, 3),
            )
            for i in range(25)
        ]

    batches = plan_batches(specs(), 10)
    gc.collect()
    assert not any(isinstance(thing, SourceSpec) for thing in gc.get_objects())  # packed
    assert [len(batch) for batch in batches] == [10, 10, 5]
    assert [spec for batch in batches for spec in batch] == specs()
    assert batches[-1] == specs()[20:] and batches[1:] == [specs()[10:20], specs()[20:]]
    assert not batches.fetches
    url = SourceSpec(
        uri="https://example.org/a", title=None, publisher=None, published=None, source_id="s_u"
    )
    assert plan_batches([*specs(), url], 10).fetches
    # Batches grow past MAX_BATCHES' worth of sources.
    assert len(plan_batches(specs() * (MAX_BATCHES // 10), 1)) <= MAX_BATCHES

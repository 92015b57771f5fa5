"""Reconcile runs on parts of the claims (whole groups of each check) and writes forecast
divergences in chunks, so that the flow's memory does not grow with the corpus; the published
tables are the same bytes whatever the part and chunk sizes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from support.corpus import digests, generator

import mlefacts
from mlefacts import runner
from mlefacts.reconcile.config import DEFAULT_CONFIG
from mlefacts.reconcile.consensus import stem
from mlefacts.reconcile.keys import subject_key, text_key
from mlefacts.reconcile.parts import PROFILE, pack, reconcile_groups
from mlefacts.reconcile.shards import reconcile_parts
from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """36 generated pages (HTML, text and markdown)."""
    folder = tmp_path_factory.mktemp("corpus")
    return generator().generate_corpus(folder, 36, seed=5, text_fraction=0.3)


@pytest.fixture(scope="module")
def published(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data directory of one run of the corpus, reconciled at once (read only)."""
    data_dir = tmp_path_factory.mktemp("published")
    run_pipeline(Settings(data_dir=data_dir, manifest=corpus))
    return data_dir


def _run(data_dir: Path, manifest: Path) -> dict[str, str]:
    run_pipeline(Settings(data_dir=data_dir, manifest=manifest))
    return digests(data_dir)


def test_reconciling_in_parts_publishes_the_bytes_of_reconciling_at_once(
    corpus: Path, published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = digests(published)
    claims = mlefacts.load("claims", published)
    subjects = {subject_key(subject) for subject in claims["subject"]}
    assert len(claims) > 300 and len(subjects) > 5
    assert len(mlefacts.load("conflicts", published)) > 0
    seen: list[int] = []
    read: list[int] = []  # frames per part
    written: list[dict[str, list[str]]] = []

    def counted(parts, run_id, config):  # type: ignore[no-untyped-def]
        results = []
        for part in parts:
            frames = list(part.claims)
            assert all(len(frame) <= 80 for frame in frames)  # read 80 rows at a time
            seen.append(sum(len(frame) for frame in frames))
            read.append(len(frames))
            [(files, rejected)] = reconcile_parts([replace(part, claims=frames)], run_id, config)
            written.append(files)
            results.append((files, rejected))
        return results

    forecasts = mlefacts.load("conflicts", published)["kind"] == "forecast_divergence"
    assert forecasts.sum() > 3
    monkeypatch.setattr(runner, "RECONCILE_PART_ROWS", 80)
    monkeypatch.setattr(mlefacts.reconcile.stage, "FORECAST_CHUNK_ROWS", 12)
    parted = run_pipeline(
        Settings(data_dir=tmp_path / "parts", manifest=corpus),
        stages=runner.Stages(reconcile=counted),
    )
    assert len(seen) > 5 and sum(seen) == len(claims)
    assert max(read) > 1  # a group larger than 80 claims was read in frames
    assert parted.record.counts["claims"] == len(claims)
    assert digests(tmp_path / "parts") == whole
    # Forecast divergences came in chunks of 12 (each part's first chunk holds the others).
    chunks = [len(files["conflicts"]) for files in written]
    assert max(chunks) > 2 and 12 * (sum(chunks) - len(chunks)) >= forecasts.sum()


def test_each_part_is_given_the_sources_of_its_claims_and_of_their_bytes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two articles again under other names (copies: the same bytes): reconcile tells a copy
    # by the lowest id among the sources of its bytes, so a part reads those too; every source
    # in every part made reconcile's time grow with the square of the corpus.
    articles = sorted((corpus.parent / "articles").iterdir())[:2]
    manifest = corpus.with_name("copies.toml")
    extra = ""
    for article in articles:
        copy = article.with_name("copy-of-" + article.name)
        copy.write_bytes(article.read_bytes())
        extra += f'\n[[source]]\nuri = "articles/{copy.name}"\n'
    manifest.write_text(corpus.read_text() + extra)
    whole = _run(tmp_path / "whole", manifest)
    sources = mlefacts.load("sources", tmp_path / "whole")
    same_bytes = sources.groupby("content_sha256")["source_id"].agg(set)
    bytes_of = dict(zip(sources["source_id"], sources["content_sha256"], strict=True))
    reasons = set(mlefacts.load("fact_claims", tmp_path / "whole")["reason"].dropna())
    assert "duplicate_content" in reasons, reasons
    given: list[tuple[set[str], set[str]]] = []
    sizes: list[tuple[int, int]] = []  # (the part's claims, the run's largest part's)

    def counted(parts, run_id, config):  # type: ignore[no-untyped-def]
        results = []
        for part in parts:
            frames = list(part.claims)
            ids = set(pd.concat(frames)["source_id"])
            given.append((ids, set(part.sources["source_id"])))
            sizes.append((len(pd.concat(frames)), part.largest))
            results += reconcile_parts([replace(part, claims=frames)], run_id, config)
        return results

    monkeypatch.setattr(runner, "RECONCILE_PART_ROWS", 80)
    run_pipeline(
        Settings(data_dir=tmp_path / "parts", manifest=manifest),
        stages=runner.Stages(reconcile=counted),
    )
    assert len(given) > 5
    for ids, read in given:
        assert read == set().union(*(same_bytes[bytes_of[i]] for i in ids))
    assert min(len(read) for _, read in given) < len(sources) / 2
    assert digests(tmp_path / "parts") == whole
    # Each part knows the run's largest part before the first is reconciled.
    assert {largest for _, largest in sizes} == {max(n for n, _ in sizes)}


def test_the_summary_counts_claims_per_kind_and_names_failed_sources(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The outcome holds the most severe new conflicts only, and counts them all.
    monkeypatch.setattr(runner, "SHOWN_CONFLICTS", 3)
    failing = corpus.with_name("failing.toml")
    failing.write_text(corpus.read_text() + '\n[[source]]\nuri = "articles/missing.html"\n')
    outcome = run_pipeline(Settings(data_dir=tmp_path / "data", manifest=failing))
    claims = mlefacts.load("claims", tmp_path / "data")
    kinds = outcome.tables["claim_kinds"]
    counted = dict(zip(kinds["kind"], kinds["n"], strict=True))
    assert counted == claims["kind"].value_counts().to_dict()
    assert [Path(uri).name for uri in outcome.tables["sources"]["uri"]] == ["missing.html"]
    conflicts = mlefacts.load("conflicts", tmp_path / "data")
    assert outcome.n_new_conflicts == len(conflicts) == outcome.record.n_conflicts > 0
    assert outcome.n_new_errors == (conflicts["severity"] == "error").sum()
    assert len(outcome.new_conflicts) == 3
    severities = outcome.new_conflicts["severity"].map({"error": 0, "warning": 1, "info": 2})
    assert severities.is_monotonic_increasing
    # Another run (the failing source dropped) finds the same conflicts: none is new.
    again = run_pipeline(Settings(data_dir=tmp_path / "data", manifest=corpus))
    assert again.record.n_extracted == 0 and again.record.n_conflicts == len(conflicts)
    assert again.new_conflicts.empty and again.n_new_conflicts == 0


def test_claims_a_check_compares_share_a_group_and_others_do_not() -> None:
    rows = [
        ("ML engineer", "salary", "salary", "{}", 2024, "USD", True, None),
        # the same subject key and qualifiers: one fact
        ("machine learning engineers", "salary", "salary", "{}", 2024, "USD", True, None),
        ("ML engineer", "salary", "salary", "{}", 2025, "USD", True, None),  # another year
        ("ML engineer", "job_demand", "job_openings", "{}", 2024, "count", True, None),
        ("ML engineer", "skill", "skill", "{}", None, None, False, "Python"),
        # consensus groups skills by name, whatever the attribute
        ("ML engineer", "skill", "tool", "{}", None, None, False, "python"),
        ("ML engineer", "skill", "skill", "{}", None, None, False, "Docker"),
        ("ML market", "market_size", "market_size", "{}", 2024, "USD", True, None),
        # forecasts read a market's sizes and growth rates together
        ("ML market", "growth_rate", "cagr", "{}", None, "percent", True, None),
        ("AI market", "growth_rate", "cagr", "{}", None, "percent", True, None),
        ("ML market", "growth_rate", "cagr", '{"region": "Europe"}', None, "percent", True, None),
        # qualitative disagreement reads every language a source names
        (
            "ML engineer",
            "skill",
            "skill",
            '{"category_of_skill": "language"}',
            None,
            None,
            False,
            "Go",
        ),
        (
            "ML engineer",
            "skill",
            "skill",
            '{"category_of_skill": "language"}',
            None,
            None,
            False,
            "R",
        ),
    ]
    profiles = pd.DataFrame(rows, columns=list(PROFILE))
    groups = reconcile_groups(profiles, DEFAULT_CONFIG)
    assert groups[0] == groups[1] and groups[4] == groups[5] and groups[7] == groups[8]
    assert groups[11] == groups[12]
    assert len({groups[i] for i in (0, 2, 3, 4, 6, 7, 9, 10, 11)}) == 9


def test_parts_run_on_as_many_workers_as_parts_of_the_largest_size_fit() -> None:
    # Each worker holds its part: two parts of a group that grew with the corpus at once took
    # the 100,000-article run's peak to 1.31x a 10,000 run's.
    at_once = runner.RECONCILE_CLAIMS_AT_ONCE
    assert runner.reconcile_workers(2, 26_809) == 2  # the largest part at 10,000 articles
    assert runner.reconcile_workers(2, 265_615) == 1  # at 100,000
    assert runner.reconcile_workers(8, at_once // 4) == 4
    assert runner.reconcile_workers(2, at_once // 2 + 1) == 1
    assert runner.reconcile_workers(2, 10 * at_once) == 1
    assert runner.reconcile_workers(2, 0) == 2


def test_parts_hold_whole_groups_of_about_the_rows_asked() -> None:
    assert pack(["b", "a", "b", "c", "d"], [5, 4, 3, 30, 1], 10).tolist() == [1, 0, 1, 2, 3]
    assert pack(["b", "a", "b", "c", "d"], [5, 4, 3, 30, 1], 12).tolist() == [0, 0, 0, 1, 2]


def test_a_part_read_in_frames_reconciles_to_the_rows_of_reading_it_whole(
    published: Path,
) -> None:
    """The text facts and consensus groups gather their claims frame by frame; facts,
    fact_claims, consensus, conflicts and conflict_claims are the rows of reconciling every
    claim at once."""
    from mlefacts.reconcile.keys import CLAIM_COLUMNS
    from mlefacts.reconcile.stage import SOURCE_COLUMNS, reconcile, reconcile_chunks

    claims = mlefacts.load("claims", published)[list(CLAIM_COLUMNS)]
    sources = mlefacts.load("sources", published)[list(SOURCE_COLUMNS)]
    # Copies of other sources' bytes and a stale source take part as they would in a run.
    sources.loc[sources.index[1:4], "content_sha256"] = sources["content_sha256"].iloc[0]
    claims["stale"] = claims["source_id"].isin(sources["source_id"].iloc[4:6])
    whole = reconcile(claims, sources)
    frames = (claims.iloc[start : start + 23] for start in range(0, len(claims), 23))
    chunked: dict[str, list[pd.DataFrame]] = {}
    for tables in reconcile_chunks(frames, sources, rows=9):
        for name, frame in tables.items():
            chunked.setdefault(name, []).append(frame)
    keys = {
        "conflicts": ["conflict_id"],
        "conflict_claims": ["conflict_id", "claim_id"],
        "facts": ["fact_id"],
        "fact_claims": ["claim_id"],
    }
    for name, key in {**keys, "consensus": ["group_id"]}.items():
        got = pd.concat(chunked[name], ignore_index=True).sort_values(key, ignore_index=True)
        want = getattr(whole, name).sort_values(key, ignore_index=True)
        pd.testing.assert_frame_equal(got.astype(object), want.astype(object))
    assert len(chunked["fact_claims"]) > 3  # text fact_claims came 9 at a time
    reasons = set(whole.fact_claims["reason"].dropna())
    assert {"duplicate_content", "stale_source"} <= reasons, reasons


def test_the_caches_of_normalized_texts_are_emptied_once_the_parts_are_reconciled(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Filled as the claims are read, they grow with the corpus's distinct texts and hold the
    # pages of what reconcile freed around them through compaction.
    filled: list[int] = []

    def counted(parts, run_id, config):  # type: ignore[no-untyped-def]
        results = []
        for part in parts:
            results += reconcile_parts([part], run_id, config)
            filled.append(text_key.cache_info().currsize)
        return results

    run_pipeline(
        Settings(data_dir=tmp_path, manifest=corpus), stages=runner.Stages(reconcile=counted)
    )
    assert max(filled) > 0
    caches = (subject_key, text_key, stem)
    assert [cached.cache_info().currsize for cached in caches] == [0, 0, 0]


def test_a_chunks_tables_are_let_go_one_by_one_as_they_are_written(
    published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first chunk of the largest group at 100,000 articles holds its facts and consensus,
    # each row listing its ~265,000 claims: a table and its validated copy go before the next
    # table is validated, not once the whole chunk is written.
    import gc
    import weakref

    from mlefacts import validate
    from mlefacts.reconcile import shards
    from mlefacts.reconcile.keys import CLAIM_COLUMNS
    from mlefacts.reconcile.stage import SOURCE_COLUMNS

    claims = mlefacts.load("claims", published)[list(CLAIM_COLUMNS)]
    sources = mlefacts.load("sources", published)[list(SOURCE_COLUMNS)]
    held: list[weakref.ref[pd.DataFrame]] = []
    alive: list[int] = []
    checked = validate.validate_table

    def watched(name, frame, *, run_id):  # type: ignore[no-untyped-def]
        gc.collect()
        alive.append(sum(ref() is not None for ref in held))
        held.append(weakref.ref(frame))
        valid, bad = checked(name, frame, run_id=run_id)
        held.append(weakref.ref(valid))
        return valid, bad

    monkeypatch.setattr(validate, "validate_table", watched)
    monkeypatch.setattr(shards, "validate_table", watched)
    files, _ = shards.reconcile_tables(
        iter([claims]), sources, run_id="r_test", folder=tmp_path / "reconciled"
    )
    assert set(files) == set(runner.DERIVED)
    assert len(alive) >= 4 and set(alive) == {0}

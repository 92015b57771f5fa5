"""The benchmark's corpus generator: deterministic, loadable, realistic, and mlefacts reads it."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from support.corpus import generator

from mlefacts.extract import extraction_fingerprint
from mlefacts.pipeline import process_batch
from mlefacts.settings import Settings
from mlefacts.sources.manifest import load_manifest

PLANTED_KINDS = {"salary", "market_size", "growth_rate", "share", "skill", "responsibility"}


generate = generator()


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve articles, 40% of them plain text or markdown."""
    root = tmp_path_factory.mktemp("corpus")
    return generate.generate_corpus(root, 12, seed=7, text_fraction=0.4)


def test_same_seed_writes_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = generate.generate_corpus(tmp_path / "again", 12, seed=7, text_fraction=0.4)
    assert _files(again.parent) == _files(corpus.parent)


def test_another_seed_writes_other_articles(corpus: Path, tmp_path: Path) -> None:
    other = generate.generate_corpus(tmp_path / "other", 12, seed=8, text_fraction=0.4)
    mine, theirs = _files(corpus.parent / "articles"), _files(other.parent / "articles")
    assert all(mine[name] != theirs.get(name) for name in mine)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(corpus: Path, tmp_path: Path) -> None:
    small = generate.generate_corpus(tmp_path / "small", 5, seed=7, text_fraction=0.4)
    small_files = _files(small.parent / "articles")
    large_files = _files(corpus.parent / "articles")
    assert len(small_files) == 5
    assert all(large_files[name] == data for name, data in small_files.items())


def test_manifest_loads_and_names_every_article(corpus: Path) -> None:
    specs = load_manifest(corpus)
    assert len(specs) == 12
    assert len({spec.source_id for spec in specs}) == 12
    for spec in specs:
        assert (corpus.parent / spec.uri).is_file()
        assert spec.title and spec.publisher and spec.published is not None


def test_sizes_and_formats_are_realistic(corpus: Path) -> None:
    sizes: dict[str, list[int]] = {}
    for path in (corpus.parent / "articles").iterdir():
        sizes.setdefault(path.suffix, []).append(path.stat().st_size)
    assert ".html" in sizes and {".txt", ".md"} & sizes.keys()
    assert all(10_000 <= size <= 30_000 for size in sizes[".html"])
    text_sizes = sizes.get(".txt", []) + sizes.get(".md", [])
    assert all(4_000 <= size <= 30_000 for size in text_sizes)


def test_every_template_occurs() -> None:
    templates = {generate.build_article(i, seed=0, text_fraction=0.3).template for i in range(60)}
    assert templates == set(generate.HTML_TEMPLATES) | set(generate.TEXT_TEMPLATES)


def test_pages_carry_boilerplate_and_structures(corpus: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in (corpus.parent / "articles").iterdir()]
    html_pages = [page for page in pages if page.startswith("<!DOCTYPE html>")]
    assert html_pages and all("<nav" in page and "<script" in page for page in html_pages)
    assert all("cookie" in page and "<footer" in page for page in html_pages)
    assert all("<table" in page and "<li>" in page for page in html_pages)
    text = "\n".join(pages)
    for phrase in ("CAGR", "%", "Percentage of"):
        assert phrase in text


def test_indian_grouping() -> None:
    assert generate.indian_grouping(1_450_000) == "14,50,000"
    assert generate.indian_grouping(12_345_678) == "1,23,45,678"
    assert generate.indian_grouping(999) == "999"


def test_money_ranges_share_one_style() -> None:
    rng = random.Random(1)
    for currency in ("INR", "USD", "GBP", "EUR"):
        for _ in range(30):
            low, high = generate.money_range(rng, currency, 800_000, 1_500_000)
            assert re.split(r"\d", low)[0] == re.split(r"\d", high)[0]


def test_pipeline_extracts_the_planted_kinds(corpus: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", manifest=corpus)
    result = process_batch(
        load_manifest(corpus), settings=settings, fingerprint=extraction_fingerprint()
    )
    assert result.n_extracted == 12
    assert not [row for row in result.rejections if row["stage"] in ("ingest", "parse")]
    kinds = {claim["kind"] for claim in result.claims}
    assert kinds >= PLANTED_KINDS
    units = {claim["unit"] for claim in result.claims if claim["kind"] == "salary"}
    assert {"USD", "INR"} <= units
    markets = [claim for claim in result.claims if claim["kind"] == "market_size"]
    assert all(claim["unit"] == "USD" and claim["value"] >= 1e9 for claim in markets)
    growth = [claim for claim in result.claims if claim["kind"] == "growth_rate"]
    assert any(claim["attribute"] == "cagr" for claim in growth)


def test_sidebar_teasers_do_not_become_claims(corpus: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", manifest=corpus)
    result = process_batch(
        load_manifest(corpus), settings=settings, fingerprint=extraction_fingerprint()
    )
    teasers = ("Stock market jumps", "Crypto prices slide", "Cloud costs rise")
    quotes = json.dumps([claim["quote"] for claim in result.claims])
    assert not any(teaser in quotes for teaser in teasers)

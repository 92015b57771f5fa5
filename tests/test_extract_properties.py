"""Every extractor over generated documents, end to end through the pipeline's claim rows.

Documents are built from article-like fragments (figures with any grouping, currency markers,
scale words, periods, roles, skills), random unicode, and random HTML trees around them.
Properties: no extractor fails, every claim's quote is the document text at its offsets, values
are finite, and the pipeline keeps every claim an extractor returns.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, extractor_versions
from mlefacts.pipeline import _claim_payload, _claim_row, process_batch
from mlefacts.settings import Settings
from mlefacts.sources.manifest import make_source

FRAGMENTS = st.sampled_from(
    [
        "Machine learning engineers earn",
        "ML engineers in India make",
        "The median salary is",
        "a senior machine learning engineer earns",
        "The global machine learning market was valued at",
        "is expected to grow at a CAGR of",
        "from 2023 to 2030",
        "by 2030",
        "Demand for ML engineers grew by",
        "according to Glassdoor",
        "per annum",
        "a year",
        "per hour",
        "Python, TensorFlow and SQL are required.",
        "Responsibilities:",
        "Design and deploy machine learning models.",
        "“We hire every week,” said the CEO.",
        "Finance employs",
        "of them",
        "ranks first",
        "9.8 times",
        "between",
        "and",
        "to",
        "-",
        "–",
        ".",
        ",",
        "\n",
        "\n\n",
        "\n- ",
        "\n1. ",
        " | ",
        "\t",
    ]
)
SEPARATED = st.integers(min_value=0, max_value=10**13).map(lambda n: f"{n:,}")
FIGURES = st.one_of(
    st.tuples(
        st.sampled_from(["$", "US$", "₹", "Rs.", "€", "£", "USD ", "INR ", ""]),
        SEPARATED | st.floats(0, 1e6, allow_nan=False).map(lambda v: f"{v:.1f}"),
        st.sampled_from(["", " million", " billion", " bn", "k", " lakh", " crore", "%", " LPA"]),
    ).map("".join),
    st.integers(1900, 2100).map(str),
    st.sampled_from(["1e308 billion", "10^400", "9" * 40, "1,00,00,000", "$∞", "NaN%"]),
)
FACTS = st.tuples(
    st.sampled_from(
        [
            "Machine learning engineers earn",
            "The median salary of an ML engineer is",
            "Senior machine learning engineers in the US make",
            "The global machine learning market was valued at",
            "The AI market is expected to grow at a CAGR of",
            "Demand for machine learning engineers grew by",
            "Finance employs",
        ]
    ),
    FIGURES,
    st.sampled_from(["a year.", "in 2023.", "from 2023 to 2030.", ".", "per month.", "of them."]),
).map(" ".join)
PIECES = st.one_of(FACTS, FRAGMENTS, FIGURES, st.text(max_size=6))
PROSE = st.lists(PIECES, min_size=1, max_size=40).map(" ".join)


def _tag(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tags = st.sampled_from(["p", "div", "ul", "li", "ol", "h2", "h3", "table", "tr", "td", "th"])
    return st.tuples(tags, st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
    )


HTML = st.recursive(PROSE, _tag, max_leaves=15)
DOCUMENTS = st.one_of(
    st.tuples(st.just("text/plain"), PROSE),
    st.tuples(st.just("text/markdown"), PROSE),
    st.tuples(st.just("text/html"), HTML),
    st.tuples(st.sampled_from(["text/plain", "text/html"]), st.text(max_size=300)),
)


def assert_claims_sound(media_type: str, page: str) -> int:
    doc = build_document(source_id="s_p", text=page, media_type=media_type)
    claims, failures = extract_claims(doc)
    assert failures == []
    versions = extractor_versions()
    for claim in claims:
        assert 0 <= claim.char_start < claim.char_end <= len(doc.text)
        for value in (claim.value, claim.value_high):
            assert value is None or math.isfinite(value), claim
        row, problem = _claim_row("s_p", doc.text, _claim_payload(doc, claim, versions))
        assert problem is None, (problem, claim)
        assert row["quote"] == doc.text[claim.char_start : claim.char_end]
        assert row["quote"].strip()
    return len(claims)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_extractors_on_generated_documents(document: tuple[str, str]) -> None:
    assert_claims_sound(*document)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENTS, min_size=1, max_size=3), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_generated_sources_through_process_batch(
    tmp_path_factory, documents: list[tuple[str, str]], encoding: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("gen")
    specs = []
    for index, (media_type, page) in enumerate(documents):
        name = f"doc{index}.{'html' if media_type == 'text/html' else 'txt'}"
        (folder / name).write_bytes(page.encode(encoding, "replace"))
        specs.append(make_source(name))
    run = Settings(data_dir=folder / "data", manifest=folder / "sources.toml")
    result = process_batch(specs, settings=run, fingerprint="properties")
    assert len(result.sources) == len(specs)
    texts = {row["source_id"]: row["text"] for row in result.documents}
    for claim in result.claims:
        assert texts[claim["source_id"]][claim["char_start"] : claim["char_end"]] == claim["quote"]
    assert [r for r in result.rejections if r["stage"] == "extract"] == []
    for row in result.sources:
        assert row["status"] == "ok" or row["error"]


def test_a_generated_article_does_yield_claims() -> None:
    page = (
        "Machine learning engineers earn a median salary of $150,000 a year. "
        "The global machine learning market was valued at USD 12.5 bn in 2023 and is expected "
        "to grow at a CAGR of 38.1% from 2023 to 2030."
    )
    assert assert_claims_sound("text/plain", page) >= 3

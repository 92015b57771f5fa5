"""Words a case-insensitive pattern matches are looked up in their vocabulary as the regex engine
folds case: 'İ' (which `str.lower` writes as two characters) and 'ſ' match 'i' and 's', and a run
of spaces reads as one. Each of these sentences made the readers raise and lose it."""

from __future__ import annotations

import logging

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
from mlefacts.normalize.numbers import scale_factor
from mlefacts.normalize.text import unspin

CASES = [
    (
        "The global machine learning market was valued at USD 12.5 BİLLİON in 2024.",
        ("market_size", 12_500_000_000.0, "USD"),
    ),
    (
        "ML engineers ranked ſecond among the fastest-growing jobs in 2024.",
        ("ranking", 2.0, "rank"),
    ),
    ("Two-thİrds of machine learning engineers work remotely.", ("share", 66.7, "percent")),
    (
        "Machine learning engineers in Auſtralia earn AUD 150,000 a year on average.",
        ("salary", 150_000.0, "AUD"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_word_with_a_special_case_form_is_read(
    text: str, expected: tuple[str, float, str], caplog: pytest.LogCaptureFixture
) -> None:
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    with caplog.at_level(logging.ERROR):
        claims, failures = extract_claims(doc)
    assert failures == []
    assert [record.getMessage() for record in caplog.records] == []
    assert expected in [(claim.kind, claim.value, claim.unit) for claim in claims]


def test_scale_words_fold_as_the_patterns_read_them() -> None:
    assert scale_factor("BİLLİON") == scale_factor("billion") == 1e9
    assert scale_factor("Thouſand") == 1e3


def test_spun_phrases_fold_as_the_patterns_read_them() -> None:
    assert unspin("Information Scientiſt and Huge  Information") == "data scientist and big data"

"""Explicit counts in prose, and the numbers that are not counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlefacts.document import build_document
from mlefacts.extract import counts

FIXTURES = Path(__file__).parent / "fixtures" / "prose"


def test_counts_fixture_exact_claims() -> None:
    path = FIXTURES / "counts.txt"
    doc = build_document(source_id="c", text=path.read_text(), media_type="text/plain")
    found = {c.value: c for c in counts.extract(doc)}
    assert set(found) == {9000.0, 452.0}
    openings = found[9000.0]
    assert (openings.unit, openings.qualifiers["category"]) == ("count", "job openings")
    assert openings.subject == "machine learning engineer"
    startups = found[452.0]
    assert startups.qualifiers == {"category": "startups", "country": "United States"}
    assert doc.text[startups.char_start : startups.char_end].startswith("The United States has 452")


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow these 5 steps to land one of the jobs.",
        "Here are the Top 10 jobs for engineers.",
        "Python 3.11 added new typing features for developers.",
        "Call 555-123-4567 for details about openings.",
        "In 2021 companies slowed hiring.",
        "The course costs $499 for 12 students.",
        "Only 1 company replied.",
    ],
)
def test_non_counts(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert counts.extract(doc) == []

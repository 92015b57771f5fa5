"""Precision and recall of the structural extractors on the hand-labelled structure fixtures.

`fixtures/structure/expected_claims.json` lists, per fixture, the claims a reader expects (as
short keys); distractors (course prices, menus, tables of contents, takeaways, related links)
are in the fixtures and must not appear.
"""

from __future__ import annotations

import json

import pytest
from support.documents import STRUCTURE, fixture

from mlefacts.extract import responsibilities, skills, tables
from mlefacts.extract.claim import Claim

EXPECTED: dict[str, list[str]] = json.loads((STRUCTURE / "expected_claims.json").read_text())
_LABELS = ("category", "country", "company", "region", "experience_level")


def claim_key(claim: Claim) -> str:
    """A short, reader-checkable key: kind plus the value or text and the row label."""
    q = claim.qualifiers
    if claim.kind == "responsibility":
        return f"responsibility|{claim.text}"
    if claim.kind == "skill":
        return f"skill|{q.get('canonical') or claim.text}"
    if claim.kind == "comparison":
        return f"comparison|{claim.subject}|{claim.attribute}|{claim.text}"
    if claim.kind == "ranking":
        return f"ranking|{claim.value:g}|{claim.text}"
    label = "/".join(str(q[k]) for k in _LABELS if k in q)
    return f"{claim.kind}|{claim.value:g}|{label}"


def extracted_keys(name: str) -> set[str]:
    doc = fixture(name)
    return {
        claim_key(c) for module in (tables, responsibilities, skills) for c in module.extract(doc)
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_precision_and_recall(name: str) -> None:
    expected = set(EXPECTED[name])
    found = extracted_keys(name)
    assert found - expected == set(), "unexpected claims (precision)"
    assert expected - found == set(), "missed claims (recall)"


def test_distractors_never_become_claims() -> None:
    found = set().union(*(extracted_keys(name) for name in EXPECTED))
    for distractor in ("49", "1200", "Salaries by country", "Kubernetes", "feature store", "GPUs"):
        assert not [k for k in found if k.endswith(f"|{distractor}") and not k.startswith("skill")]
    assert not [k for k in found if "Home" in k or "Blog" in k or "takeaway" in k.lower()]

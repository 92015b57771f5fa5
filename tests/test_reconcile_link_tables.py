"""A group's row does not list its claims: fact_claims and consensus_claims hold one row per
claim, so no published value grows with the group (at 100,000 generated articles one group had
265,615 claims, and its lists were values of 5.8 MB)."""

from __future__ import annotations

import pandas as pd
import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile import ReconcileResult, reconcile

SUBJECT = "machine learning engineer"


def named_by(n: int) -> ReconcileResult:
    """n sources, each naming one skill and one responsibility and stating one salary."""
    claims = []
    for k in range(n):
        source = f"s{k:04d}"
        claims += [
            make_claim(
                claim_id=f"k{k:04d}",
                source_id=source,
                kind="skill",
                subject=SUBJECT,
                attribute="skill",
                text="Python",
                qualifiers={"canonical": "Python"},
            ),
            make_claim(
                claim_id=f"r{k:04d}",
                source_id=source,
                kind="responsibility",
                subject=SUBJECT,
                attribute="responsibility",
                text="Deploy models into production",
            ),
            make_claim(
                claim_id=f"v{k:04d}",
                source_id=source,
                kind="salary",
                subject=SUBJECT,
                attribute="salary",
                value=100_000.0 + (k % 3) * 500,
                unit="USD",
                year=2024,
                text="$100,000",
                qualifiers={"statistic": "median"},
            ),
        ]
    sources = sources_frame({f"s{k:04d}": f"Source {k}" for k in range(n)})
    return reconcile(claims_frame(*claims), sources)


def widest_row(frame: pd.DataFrame) -> int:
    """The characters of the widest row, every value written as text."""
    return int(frame.map(lambda value: len(str(value))).sum(axis=1).max())


@pytest.mark.parametrize(("table", "groups"), [("facts", 3), ("consensus", 2)])
def test_a_groups_row_does_not_grow_with_its_claims(table, groups):
    few, many = getattr(named_by(5), table), getattr(named_by(500), table)
    assert len(few) == len(many) == groups
    # n_sources and n_claims gain two digits each (5 -> 500), and nothing else grows
    assert widest_row(many) <= widest_row(few) + 2 * 2


def test_the_link_tables_hold_every_claim_of_every_group():
    result = named_by(500)
    assert sorted(result.fact_claims["claim_id"]) == sorted(
        f"{p}{k:04d}" for p in "krv" for k in range(500)
    )
    assert result.fact_claims.groupby("fact_id").size().to_dict() == dict(
        zip(result.facts["fact_id"], result.facts["n_claims"], strict=True)
    )
    assert set(result.fact_claims["supports"]) == {True}  # within tolerance: all agree
    members = result.consensus_claims
    assert sorted(members["claim_id"]) == sorted(f"{p}{k:04d}" for p in "kr" for k in range(500))
    assert members.groupby("group_id").size().to_dict() == dict(
        zip(result.consensus["group_id"], result.consensus["n_claims"], strict=True)
    )
    assert (members.groupby("group_id")["source_id"].nunique() == 500).all()
    assert list(result.consensus["n_sources"]) == [500, 500]

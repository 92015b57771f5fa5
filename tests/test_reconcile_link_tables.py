"""A group's or a conflict's row does not list its claims: fact_claims, consensus_claims and
conflict_claims hold one row per claim, so no published value grows with the group (at 100,000
generated articles one group had 265,615 claims, and its lists were values of 5.8 MB), and a
conflict names only the extremes of many sources."""

from __future__ import annotations

import pandas as pd
import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.stage import ReconcileResult, reconcile

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
            salary(k, 100_000.0 + (k % 3) * 500),
        ]
    return reconcile(claims_frame(*claims), sources(n))


def salary(k: int, value: float) -> dict:
    """Source k's median salary of 2024."""
    return make_claim(
        claim_id=f"v{k:04d}",
        source_id=f"s{k:04d}",
        kind="salary",
        subject=SUBJECT,
        attribute="salary",
        value=value,
        unit="USD",
        year=2024,
        text="$100,000",
        qualifiers={"statistic": "median"},
    )


def sources(n: int) -> pd.DataFrame:
    return sources_frame({f"s{k:04d}": f"Source {k}" for k in range(n)})


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


def disagreeing(n: int) -> ReconcileResult:
    """n sources stating salaries up to 90% apart, every other one naming R beside Python."""
    claims = []
    for k in range(n):
        claims.append(salary(k, 100_000.0 + (k % 10) * 10_000))
        for language in ("Python", "R")[: 1 + k % 2]:
            claims.append(
                make_claim(
                    claim_id=f"{language}{k:04d}",
                    source_id=f"s{k:04d}",
                    kind="skill",
                    subject=SUBJECT,
                    attribute="skill",
                    text=language,
                    qualifiers={"canonical": language, "category_of_skill": "language"},
                )
            )
    return reconcile(claims_frame(*claims), sources(n))


def test_a_conflicts_row_does_not_grow_with_its_sources():
    few, many = disagreeing(20).conflicts, disagreeing(500).conflicts
    kinds = ["cross_source_value", "qualitative_disagreement"]
    assert list(few["kind"]) == list(many["kind"]) == kinds
    # n_claims and the counts in the sentences gain a few digits, and nothing else grows
    assert widest_row(many) <= widest_row(few) + 12
    value, qualitative = many["detail"]
    assert value.startswith(
        f"Sources disagree on the salary of {SUBJECT} for 2024 (statistic median): "
        '"Source 0" says $100,000, "Source 10" says $100,000, "Source 20" says $100,000, '
        '"Source 479" says $190,000, "Source 489" says $190,000 and "Source 499" says $190,000; '
        "494 other sources lie between them, median $145,000 (90.0% apart)."
    )
    assert qualitative.endswith("R is named by 250 of 500 sources.")
    # one source more than are named: the one in the middle is counted
    value = disagreeing(7).conflicts["detail"][0]
    assert '"Source 2" says $120,000, "Source 4" says $140,000' in value
    assert "; 1 other source lies between them, median $130,000 (60.0% apart)" in value


def test_conflict_claims_hold_every_claim_with_the_value_it_compares():
    result = disagreeing(500)
    links = result.conflict_claims
    assert links.groupby("conflict_id").size().to_dict() == dict(
        zip(result.conflicts["conflict_id"], result.conflicts["n_claims"], strict=True)
    )
    value = links[links["claim_id"].str.startswith("v")]
    assert len(value) == 500 and value["source_id"].nunique() == 500
    assert set(value["value"]) == {100_000.0 + k * 10_000 for k in range(10)}
    assert set(value["unit"]) == {"USD"}
    skills = links[~links["claim_id"].str.startswith("v")]
    assert len(skills) == 750 and skills["value"].isna().all()

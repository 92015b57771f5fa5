"""fact_claims: every claim's rank in its fact and the coded reason it is not preferred,
on constructed claims, one test per reason."""

from __future__ import annotations

import pandas as pd
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.stage import reconcile
from mlefacts.schemas import FactClaims

SOURCES = sources_frame({"a": "Alpha", "b": "Beta", "c": "Gamma"})


def salary(source_id: str, value: float, claim_id: str) -> dict:
    return make_claim(
        claim_id=claim_id,
        source_id=source_id,
        kind="salary",
        subject="machine learning engineer",
        attribute="salary",
        value=value,
        unit="USD",
        year=2024,
        qualifiers={"statistic": "median"},
    )


def ranks(claims: pd.DataFrame, sources: pd.DataFrame = SOURCES) -> dict[str, tuple]:
    result = reconcile(claims, sources)
    table = FactClaims.validate(result.fact_claims)
    assert sorted(table["claim_id"]) == sorted(claims["claim_id"])
    for fact in result.facts.itertuples():
        assert fact.n_claims == (table["fact_id"] == fact.fact_id).sum()
    return {
        row.claim_id: (row.rank, None if pd.isna(row.reason) else row.reason)
        for row in table.itertuples()
    }


def test_agreeing_claims_are_preferred_without_a_reason():
    claims = claims_frame(salary("a", 100_000, "x"), salary("b", 101_000, "y"))
    assert ranks(claims) == {"x": ("preferred", None), "y": ("preferred", None)}


def test_an_outvoted_value_is_a_deprecated_outlier_and_a_tie_only_normal():
    three = claims_frame(
        salary("a", 100_000, "x"), salary("b", 103_000, "y"), salary("c", 180_000, "z")
    )
    assert ranks(three)["z"] == ("deprecated", "outlier")
    two = claims_frame(salary("a", 100_000, "x"), salary("b", 150_000, "y"))
    assert ranks(two) == {"x": ("normal", "outlier"), "y": ("normal", "outlier")}


def test_the_older_of_two_dated_sources_is_superseded_by_newer():
    claims = claims_frame(salary("a", 100_000, "x"), salary("b", 150_000, "y"))
    dated = SOURCES.assign(published=["2021-05-01", "2024-02-01", None])
    expected = {"x": ("normal", "superseded_by_newer"), "y": ("preferred", None)}
    assert ranks(claims, dated) == expected


def test_a_stale_source_yields_to_a_fresh_one():
    claims = claims_frame(salary("a", 100_000, "x"), salary("b", 101_000, "y"))
    claims["stale"] = [True, False]
    assert ranks(claims) == {"x": ("normal", "stale_source"), "y": ("preferred", None)}
    alone = claims_frame(salary("a", 100_000, "x"))
    alone["stale"] = [True]
    assert ranks(alone) == {"x": ("preferred", None)}


def test_the_same_bytes_under_another_uri_count_once():
    claims = claims_frame(
        salary("a", 100_000, "x"), salary("b", 100_000, "y"), salary("c", 150_000, "z")
    )
    sources = SOURCES.assign(content_sha256=["h1", "h1", "h2"])
    assert ranks(claims, sources)["y"] == ("deprecated", "duplicate_content")
    result = reconcile(claims, sources)
    fact = result.facts.iloc[0]
    assert fact["n_sources"] == 2 and fact["value"] == 125_000
    # a copy's claim counts neither for nor against the fact's value
    assert result.fact_claims.set_index("claim_id").loc["y", "reason"] == "duplicate_content"


def market(source_id: str, value: float, year: int, claim_id: str) -> dict:
    return make_claim(claim_id=claim_id, source_id=source_id, value=value, unit="USD", year=year)


def test_figures_that_break_their_own_growth_rate_are_arithmetic_inconsistent():
    # a: $10B (2020) -> $100B (2027) implies 38.9%/yr but a states 10%: internal_arithmetic.
    rate = make_claim(
        claim_id="a_rate",
        source_id="a",
        kind="growth_rate",
        attribute="cagr",
        value=10.0,
        unit="percent",
        qualifiers={"period_start": 2020, "period_end": 2027},
    )
    agreeing = claims_frame(
        market("a", 10e9, 2020, "a_2020"),
        market("a", 100e9, 2027, "a_2027"),
        rate,
        market("b", 100e9, 2027, "b_2027"),
    )
    conflicts = reconcile(agreeing, SOURCES).conflicts
    assert "internal_arithmetic" in set(conflicts["kind"])
    got = ranks(agreeing)
    assert got["a_2027"] == ("normal", "arithmetic_inconsistent")
    assert got["b_2027"] == ("preferred", None)
    assert got["a_2020"] == ("preferred", None)  # the only claim for 2020 keeps its preference

    outvoted = claims_frame(
        market("a", 10e9, 2020, "a_2020"),
        market("a", 100e9, 2027, "a_2027"),
        rate,
        market("b", 60e9, 2027, "b_2027"),
        market("c", 61e9, 2027, "c_2027"),
    )
    assert ranks(outvoted)["a_2027"] == ("deprecated", "arithmetic_inconsistent")


def ranking(source_id: str, item: str, rank: float, claim_id: str) -> dict:
    return make_claim(
        claim_id=claim_id,
        source_id=source_id,
        kind="ranking",
        subject="machine learning engineer",
        attribute="rank",
        value=rank,
        unit="rank",
        text=item,
        qualifiers={"dimension": "skill"},
    )


def test_ranks_of_different_items_are_different_facts():
    claims = claims_frame(
        ranking("a", "python", 1, "a_py"),
        ranking("a", "java", 3, "a_java"),
        ranking("b", "python", 1, "b_py"),
    )
    assert set(ranks(claims).values()) == {("preferred", None)}
    facts = reconcile(claims, SOURCES).facts
    assert sorted(facts["text"]) == ["java", "python"]
    assert facts.set_index("text").loc["python", "n_sources"] == 2


def test_a_copy_under_another_uri_is_one_witness_in_conflicts_and_consensus():
    def skill(source_id: str) -> dict:
        return make_claim(
            source_id=source_id,
            kind="skill",
            subject="machine learning engineer",
            attribute="skill",
            text="PyTorch",
            qualifiers={"category_of_skill": "framework"},
        )

    def market(source_id: str, value: float, year: int, **qualifiers: object) -> dict:
        return make_claim(
            source_id=source_id, value=value, unit="USD", year=year, qualifiers=qualifiers
        )

    def rate(source_id: str) -> dict:
        return make_claim(
            source_id=source_id, kind="growth_rate", attribute="cagr", value=20.0, unit="percent"
        )

    claims = claims_frame(
        *[part for s in ("a", "b") for part in (skill(s), market(s, 10e9, 2020), rate(s))],
        skill("c"),
        market("c", 40e9, 2025, forecast=True),
    )
    sources = SOURCES.assign(content_sha256=["h1", "h1", "h2"])
    result = reconcile(claims, sources)
    assert list(result.conflicts["kind"]) == ["forecast_divergence"]
    assert "Beta" not in result.conflicts.iloc[0]["detail"]
    assert result.consensus.iloc[0]["n_sources"] == 2
    assert sorted(set(result.consensus_claims["source_id"])) == ["a", "c"]

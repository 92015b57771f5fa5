"""Cross-source value conflicts: same quantity, different values; near-misses stay quiet."""

from __future__ import annotations

import json

from support.claims import claims_frame, make_claim, sources_frame
from support.links import conflict_claim_ids

from mlefacts.reconcile.stage import reconcile

SOURCES = sources_frame({"a": "Alpha report", "b": "Beta blog", "c": "Gamma guide"})


def salary(
    source_id: str, value: float, unit: str = "USD", claim_id: str | None = None, **qualifiers
) -> dict:
    ids = {"claim_id": claim_id} if claim_id else {}
    return make_claim(
        **ids,
        source_id=source_id,
        kind="salary",
        subject="machine learning engineer",
        attribute="salary",
        value=value,
        unit=unit,
        year=2023,
        qualifiers={"statistic": "median", "country": "united states", **qualifiers},
    )


def by_kind(result, kind: str):
    return result.conflicts[result.conflicts["kind"] == kind]


def test_two_sources_far_apart_are_flagged_with_their_numbers():
    claims = claims_frame(salary("a", 120_000), salary("b", 160_000))
    claims["attributed_to"] = ["Acme Research", "Beta Surveys"]  # both sides sure: an error
    result = reconcile(claims, SOURCES)
    conflicts = by_kind(result, "cross_source_value")
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    assert row["relative_difference"] == (160_000 - 120_000) / 120_000
    assert row["severity"] == "error"  # 33.3% > value_error 25%
    assert '"Alpha report" says $120,000' in row["detail"]
    assert '"Beta blog" says $160,000' in row["detail"]
    assert "(33.3% apart)" in row["detail"]
    assert conflict_claim_ids(result, row["conflict_id"]) == sorted(claims["claim_id"])
    assert row["n_claims"] == 2
    assert json.loads(row["values"])["b"]["value"] == 160_000


def test_moderate_gap_is_a_warning():
    claims = claims_frame(salary("a", 100_000), salary("b", 115_000))
    row = by_kind(reconcile(claims, SOURCES), "cross_source_value").iloc[0]
    assert row["severity"] == "warning"
    assert "15.0% apart" in row["detail"]


def test_same_value_written_differently_is_not_a_conflict():
    # '$1.2 billion' and '1,200 million' arrive as the same base-unit value.
    claims = claims_frame(
        make_claim(source_id="a", value=1.2e9, unit="USD", year=2022, text="$1.2 billion"),
        make_claim(source_id="b", value=1_200 * 1e6, unit="USD", year=2022, text="1,200 million"),
    )
    result = reconcile(claims, SOURCES)
    assert result.conflicts.empty
    fact = result.facts.iloc[0]
    assert (fact["method"], fact["n_sources"], fact["value"]) == ("agreement", 2, 1.2e9)


def test_rounding_within_tolerance_is_not_a_conflict():
    claims = claims_frame(
        make_claim(source_id="a", value=39_986.7e6, unit="USD", year=2025),
        make_claim(source_id="b", value=40e9, unit="USD", year=2025),
    )
    assert reconcile(claims, SOURCES).conflicts.empty


def test_wording_of_subject_and_qualifiers_does_not_prevent_matching():
    claims = claims_frame(
        make_claim(
            source_id="a",
            subject="worldwide ML market",
            value=10e9,
            unit="USD",
            year=2024,
            qualifiers={"region": "Worldwide"},
        ),
        make_claim(
            source_id="b",
            subject="the global machine learning market",
            value=20e9,
            unit="USD",
            year=2024,
            qualifiers={"region": "global"},
        ),
    )
    conflicts = by_kind(reconcile(claims, SOURCES), "cross_source_value")
    assert len(conflicts) == 1
    assert "100.0% apart" in conflicts.iloc[0]["detail"]


def test_average_and_mean_are_the_same_statistic():
    claims = claims_frame(salary("a", 100_000, statistic="average"), salary("b", 150_000))
    claims.loc[1, "qualifiers"] = json.dumps({"country": "united states", "statistic": "mean"})
    assert len(by_kind(reconcile(claims, SOURCES), "cross_source_value")) == 1


def test_different_qualifiers_are_different_quantities():
    claims = claims_frame(
        salary("a", 85_000, experience_level="entry"),
        salary("b", 170_000, experience_level="senior"),
        salary("c", 150_000, statistic="mean"),
        make_claim(source_id="a", value=8e9, unit="USD", year=2020),
        make_claim(source_id="b", value=12e9, unit="USD", year=2021),
    )
    assert reconcile(claims, SOURCES).conflicts.empty


def test_repeating_a_figure_does_not_outvote_another_source():
    claims = claims_frame(
        salary("a", 100_000, claim_id="prose"),
        salary("a", 100_000, claim_id="table"),
        salary("b", 140_000, claim_id="other"),
    )
    result = reconcile(claims, SOURCES)
    row = by_kind(result, "cross_source_value").iloc[0]
    assert row["relative_difference"] == 0.4
    assert len(conflict_claim_ids(result, row["conflict_id"])) == row["n_claims"] == 3


def test_currencies_are_compared_only_through_the_dated_rate_table():
    # 10 lakh INR at 0.0117 USD/INR = $11,700 vs $12,000 from another source: 2.6% apart, agree.
    claims = claims_frame(
        salary("a", 1_000_000, unit="INR", country="india"),
        salary("b", 12_000, country="india"),
    )
    assert reconcile(claims, SOURCES).conflicts.empty

    claims = claims_frame(
        salary("a", 1_000_000, unit="INR", country="india"),
        salary("b", 20_000, country="india"),
    )
    row = by_kind(reconcile(claims, SOURCES), "cross_source_value").iloc[0]
    assert "INR 1.00M ($11,700)" in row["detail"]
    assert "1 INR = 0.0117 USD" in row["detail"]
    assert "as of 2024-12-31" in row["detail"]
    assert "approximate" in row["detail"]
    assert abs(row["relative_difference"] - (20_000 - 11_700) / 11_700) < 1e-9
    values = json.loads(row["values"])
    assert values["a"]["stated_unit"] == "INR" and values["a"]["unit"] == "USD"


def test_currency_without_a_rate_is_not_compared():
    claims = claims_frame(
        salary("a", 1_000_000, unit="XAF", country="cameroon"),
        salary("b", 9_000, country="cameroon"),
    )
    assert reconcile(claims, SOURCES).conflicts.empty


def test_ranks_are_not_compared_as_values():
    claims = claims_frame(
        make_claim(
            source_id="a", kind="ranking", subject="python", attribute="rank", value=1, unit="rank"
        ),
        make_claim(
            source_id="b", kind="ranking", subject="python", attribute="rank", value=3, unit="rank"
        ),
    )
    assert reconcile(claims, SOURCES).conflicts.empty


def test_conflict_ids_are_stable_and_output_is_deterministic():
    claims = claims_frame(salary("a", 100_000), salary("b", 150_000), salary("c", 90_000))
    first = reconcile(claims, SOURCES)
    second = reconcile(claims.iloc[::-1], SOURCES)
    assert first.conflicts.equals(second.conflicts)
    assert first.facts.equals(second.facts)


def test_global_region_is_the_same_as_no_region():
    claims = claims_frame(
        make_claim(
            source_id="a", value=10e9, unit="USD", year=2024, qualifiers={"region": "global"}
        ),
        make_claim(source_id="b", value=13e9, unit="USD", year=2024),
        make_claim(
            source_id="c", value=30e9, unit="USD", year=2024, qualifiers={"region": "Europe"}
        ),
    )
    row = by_kind(reconcile(claims, SOURCES), "cross_source_value").iloc[0]
    assert sorted(json.loads(row["values"])) == ["a", "b"]

"""Forecast divergence and internal arithmetic on market series, including the bundled figures."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from support.claims import claims_frame, make_claim, sources_frame
from support.links import conflict_claim_ids

from mlefacts.reconcile.config import DEFAULT_CONFIG
from mlefacts.reconcile.forecast import implied_cagr, project_to_year
from mlefacts.reconcile.stage import reconcile

FIXTURE = Path(__file__).parent / "fixtures" / "reconcile" / "bundled_like_claims.json"
SOURCES = sources_frame({"a": "Alpha report", "b": "Beta blog"})


def market(source_id: str, value: float, year: int, **qualifiers: object) -> dict:
    return make_claim(
        source_id=source_id, value=value, unit="USD", year=year, qualifiers=qualifiers
    )


def growth(source_id: str, percent: float, **qualifiers: object) -> dict:
    return make_claim(
        source_id=source_id,
        kind="growth_rate",
        attribute="cagr",
        value=percent,
        unit="percent",
        qualifiers=qualifiers,
    )


def of_kind(conflicts, kind: str):
    return conflicts[conflicts["kind"] == kind].reset_index(drop=True)


def test_projection_and_implied_rate_arithmetic():
    assert project_to_year(100.0, 2020, 10.0, 2022) == pytest.approx(121.0)
    assert project_to_year(121.0, 2022, 10.0, 2020) == pytest.approx(100.0)
    assert implied_cagr(100.0, 2020, 121.0, 2022) == pytest.approx(10.0)


def test_different_years_with_consistent_growth_are_not_flagged():
    # a: $10B in 2020 growing 20%/yr -> 10 * 1.2**5 = $24.88B in 2025; b says $25B for 2025.
    claims = claims_frame(
        market("a", 10e9, 2020),
        growth("a", 20.0),
        market("b", 25e9, 2025, forecast=True),
    )
    assert reconcile(claims, SOURCES).conflicts.empty


def test_divergent_forecast_is_flagged_with_the_projection():
    claims = claims_frame(
        market("a", 10e9, 2020),
        growth("a", 20.0, period_start=2020, period_end=2026),
        market("b", 40e9, 2025, forecast=True),
    )
    result = reconcile(claims, SOURCES)
    conflicts = of_kind(result.conflicts, "forecast_divergence")
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    projected = 10e9 * 1.2**5
    assert row["relative_difference"] == pytest.approx((40e9 - projected) / 40e9)
    assert row["severity"] == "warning"  # 37.8% is between forecast_tolerance and forecast_error
    assert row["detail"] == (
        '"Alpha report"\'s 2020 figure of $10.0B projected to 2025 with its own 20% annual '
        'growth gives $24.9B; "Beta blog" says $40.0B for 2025 (37.8% apart).'
    )
    assert json.loads(row["values"])["projected"]["value"] == pytest.approx(projected)
    assert conflict_claim_ids(result, row["conflict_id"]) == sorted(claims["claim_id"])


def test_many_stating_sources_are_counted_and_only_the_median_ones_listed():
    # a projects $24.88B for 2025; seven sources state 2025 figures, median (b4) $40B.
    stating = {f"b{i}": (34 + 2 * i) * 1e9 for i in range(1, 8)}
    claims = claims_frame(
        market("a", 10e9, 2020),
        growth("a", 20.0),
        *[market(source, value, 2025, forecast=True) for source, value in stating.items()],
    )
    titles = {"a": "Alpha report", **{s: f"Source {s}" for s in stating}}
    sources = sources_frame(titles)
    result = reconcile(claims, sources)
    conflicts = of_kind(result.conflicts, "forecast_divergence")
    row = conflicts[conflicts["detail"].str.startswith('"Alpha report"')].iloc[0]
    assert row["detail"].endswith(
        "gives $24.9B; 7 sources say (median) $42.0B for 2025 (40.8% apart; median from "
        '"Source b4").'
    )
    stated = json.loads(row["values"])["stated"]
    assert (stated["n_sources"], stated["source_ids"], stated["value"]) == (7, ["b4"], 42e9)
    listed = set(claims[claims["source_id"].isin(["a", "b4"])]["claim_id"])
    assert set(conflict_claim_ids(result, row["conflict_id"])) == listed

    config = replace(DEFAULT_CONFIG, forecast_named_sources=7)
    result = reconcile(claims, sources, config=config)
    every = of_kind(result.conflicts, "forecast_divergence")
    row = every[every["detail"].str.startswith('"Alpha report"')].iloc[0]
    assert '"Source b1", "Source b2"' in row["detail"] and "say (median) $42.0B" in row["detail"]
    assert set(conflict_claim_ids(result, row["conflict_id"])) == set(claims["claim_id"])


def test_source_without_a_stated_rate_projects_with_its_implied_rate():
    claims = claims_frame(
        market("a", 10e9, 2020),
        market("a", 12.1e9, 2022),
        market("b", 30e9, 2025, forecast=True),
    )
    row = of_kind(reconcile(claims, SOURCES).conflicts, "forecast_divergence").iloc[0]
    assert "10.0% annual growth implied by its own figures gives $16.1B" in row["detail"]


def test_stated_rate_that_contradicts_own_figures_is_internal_arithmetic():
    # 10B (2020) -> 30B (2025) implies 24.6%/yr, stated 20%: 4.6 pp apart -> warning.
    claims = claims_frame(
        market("a", 10e9, 2020),
        market("a", 30e9, 2025, forecast=True),
        growth("a", 20.0, period_start=2020, period_end=2025),
    )
    row = of_kind(reconcile(claims, SOURCES).conflicts, "internal_arithmetic").iloc[0]
    implied = implied_cagr(10e9, 2020, 30e9, 2025)
    assert json.loads(row["values"])["implied_rate_percent"] == pytest.approx(implied)
    assert row["severity"] == "warning"
    assert f"imply a compound annual growth of {implied:.1f}%, but it states 20%" in row["detail"]
    assert f"({implied - 20:.1f} percentage points apart" in row["detail"]


def test_internal_arithmetic_names_the_figures_as_the_source_states_them():
    """Compared in USD, but the detail quotes the source's own currency: 'CAD 4.80B', not the
    USD amounts the page never states."""
    cad = [
        make_claim(source_id="a", value=value, unit="CAD", year=year)
        for value, year in ((4.8e9, 2025), (9.6e9, 2030))
    ]
    claims = claims_frame(*cad, growth("a", 25.0, period_start=2025, period_end=2030))
    row = of_kind(reconcile(claims, SOURCES).conflicts, "internal_arithmetic").iloc[0]
    assert "own figures CAD 4.80B (2025) -> CAD 9.60B (2030) imply" in row["detail"]
    assert json.loads(row["values"])["base"]["unit"] == "USD"  # what was compared


def test_stated_rate_far_from_own_figures_is_an_error_and_rounding_is_not_flagged():
    far = claims_frame(market("a", 10e9, 2020), market("a", 30e9, 2025), growth("a", 12.0))
    assert (
        of_kind(reconcile(far, SOURCES).conflicts, "internal_arithmetic").iloc[0]["severity"]
        == "error"
    )
    # 10B * 1.25**5 = 30.52B written as '$30.5 billion': implied 24.96%, stated 25%.
    rounded = claims_frame(market("a", 10e9, 2020), market("a", 30.5e9, 2025), growth("a", 25.0))
    assert reconcile(rounded, SOURCES).conflicts.empty


def test_range_with_low_end_above_high_end_is_an_error():
    claims = claims_frame(
        make_claim(
            source_id="a",
            kind="salary",
            subject="machine learning engineer",
            attribute="salary",
            value=150_000,
            value_high=120_000,
            unit="USD",
        ),
    )
    row = of_kind(reconcile(claims, SOURCES).conflicts, "internal_arithmetic").iloc[0]
    assert row["severity"] == "error"
    assert "low end $150,000 exceeds its high end $120,000 (by 25.0%)" in row["detail"]


def bundled_like():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    claims = claims_frame(*[make_claim(**c) for c in data["claims"]])
    return claims, sources_frame(data["sources"]), reconcile(claims, sources_frame(data["sources"]))


def test_bundled_market_figures_give_the_expected_conflicts():
    _, _, result = bundled_like()
    divergence = of_kind(result.conflicts, "forecast_divergence")
    assert len(divergence) == 1
    row = divergence.iloc[0]
    projected = 8.43e9 * 1.438**5  # 001's 2020 figure with its 43.8% to 2025: ~$51.8B
    assert projected == pytest.approx(51.83e9, rel=1e-3)
    assert row["relative_difference"] == pytest.approx((projected - 39_986.7e6) / 39_986.7e6)
    assert "2020 figure of $8.43B projected to 2025" in row["detail"]
    assert "gives $51.8B" in row["detail"] and "says $40.0B for 2025 (29.6% apart)" in row["detail"]
    assert set(conflict_claim_ids(result, row["conflict_id"])) == {
        "m001_2020_table",
        "g001_prose",
        "g001_table",
        "m000_2025",
    }

    arithmetic = of_kind(result.conflicts, "internal_arithmetic")
    assert len(arithmetic) == 1
    values = json.loads(arithmetic.iloc[0]["values"])
    implied = (96.7 / 8.43) ** (1 / 7) - 1
    assert values["implied_rate_percent"] == pytest.approx(implied * 100)
    assert round(values["implied_rate_percent"], 1) == 41.7
    assert values["stated_rate_percent"] == 43.8
    assert (
        "imply a compound annual growth of 41.7%, but it states 43.8%"
        in (arithmetic.iloc[0]["detail"])
    )


def test_bundled_figures_flag_nothing_else_as_error():
    _, _, result = bundled_like()
    # 000's 2025 figure with its own 49.7% to 2027 gives 39.99 * 1.497**2 = $89.6B vs 96.7B:
    # 7.3% apart, within forecast_tolerance, so no second divergence.
    assert pytest.approx(89.61e9, rel=1e-3) == 39_986.7e6 * 1.497**2
    assert (result.conflicts["severity"] != "error").all()
    assert sorted(result.conflicts["kind"]) == [
        "forecast_divergence",
        "internal_arithmetic",
        "qualitative_disagreement",
    ]

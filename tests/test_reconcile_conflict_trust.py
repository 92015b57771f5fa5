"""Conflicts a reader can act on: sources named by title, publisher or URI (never by id),
growth rates projected only inside the period they were stated for, and severity that weighs
how sure each side is. All on constructed claims."""

from __future__ import annotations

import json
import re

import pandas as pd
from support.claims import claims_frame, make_claim

from mlefacts.reconcile.config import DEFAULT_CONFIG
from mlefacts.reconcile.stage import reconcile

SOURCES = pd.DataFrame(
    {
        "source_id": ["s_0b2986ba8b372c24", "s_77aa", "s_91ff", "s_c0de"],
        "title": ["Market report", None, "  ", None],
        "publisher": [None, "Acme Analytics", None, None],
        "uri": ["https://a.example/r", "https://b.example/x", "https://c.example/page", None],
    }
)
IDS = re.compile(r"s_[0-9a-f]{4,}")


def market(source_id: str, value: float, year: int, **fields: object) -> dict:
    return make_claim(source_id=source_id, value=value, unit="USD", year=year, **fields)


def forecast(source_id: str, value: float, year: int) -> dict:
    return market(source_id, value, year, qualifiers={"forecast": True})


def growth(source_id: str, percent: float, start: int | None, end: int | None) -> dict:
    period = {k: v for k, v in (("period_start", start), ("period_end", end)) if v is not None}
    return make_claim(
        source_id=source_id,
        kind="growth_rate",
        attribute="cagr",
        value=percent,
        unit="percent",
        qualifiers=period,
    )


def of_kind(claims: pd.DataFrame, kind: str) -> pd.DataFrame:
    conflicts = reconcile(claims, SOURCES).conflicts
    return conflicts[conflicts["kind"] == kind].reset_index(drop=True)


def test_sources_are_named_by_title_else_publisher_else_uri_never_by_id():
    claims = claims_frame(
        market("s_0b2986ba8b372c24", 10e9, 2024),
        market("s_77aa", 20e9, 2024),
        market("s_91ff", 30e9, 2024),
        market("s_c0de", 40e9, 2024),
        market("s_not_listed", 50e9, 2024),
    )
    detail = of_kind(claims, "cross_source_value").iloc[0]["detail"]
    assert '"Market report" says $10.0B' in detail
    assert "Acme Analytics says $20.0B" in detail
    assert "https://c.example/page says $30.0B" in detail
    assert "an unlisted source says $40.0B" in detail
    assert not IDS.search(detail), detail


def test_a_rate_projects_only_inside_its_stated_period():
    # s_0b29: $55.4B in 2022 growing 40% a year over 2022-2027.
    own = [market("s_0b2986ba8b372c24", 55.4e9, 2022), growth("s_0b2986ba8b372c24", 40, 2022, 2027)]
    inside = of_kind(claims_frame(*own, forecast("s_77aa", 500e9, 2026)), "forecast_divergence")
    assert inside.iloc[0]["severity"] == "warning"  # in period; an error needs sure sides
    assert "projected to 2026" in inside.iloc[0]["detail"]

    beyond = of_kind(claims_frame(*own, forecast("s_77aa", 200e9, 2032)), "forecast_divergence")
    row = beyond.iloc[0]
    assert row["severity"] == "info"
    assert "extrapolated to 2032" in row["detail"]
    assert "rate holds for 2022-2027, and 2032 is outside that period" in row["detail"]
    assert json.loads(row["values"])["projected"]["extrapolated"] is True

    before = of_kind(claims_frame(*own, forecast("s_77aa", 5e9, 2018)), "forecast_divergence")
    assert before.iloc[0]["severity"] == "info"
    assert "2018 is outside that period" in before.iloc[0]["detail"]


def test_a_rate_without_a_stated_period_never_projects_backwards():
    own = [market("s_0b2986ba8b372c24", 10e9, 2022), growth("s_0b2986ba8b372c24", 40, None, None)]
    forward = of_kind(claims_frame(*own, forecast("s_77aa", 90e9, 2027)), "forecast_divergence")
    assert "projected to 2027" in forward.iloc[0]["detail"]
    back = of_kind(claims_frame(*own, forecast("s_77aa", 1e9, 2019)), "forecast_divergence")
    assert back.iloc[0]["severity"] == "info"
    assert "rate holds from 2022 on" in back.iloc[0]["detail"]


def test_an_error_needs_both_sides_sure():
    firm = {"attributed_to": "Acme Research"}
    both_named = claims_frame(
        market("s_0b2986ba8b372c24", 10e9, 2024, **firm),
        market("s_77aa", 20e9, 2024, attributed_to="Other Research"),
    )
    sure = of_kind(both_named, "cross_source_value").iloc[0]
    assert sure["severity"] == "error" and "not an error" not in sure["detail"]

    one_named = claims_frame(
        market("s_0b2986ba8b372c24", 10e9, 2024, **firm), market("s_77aa", 20e9, 2024)
    )
    row = of_kind(one_named, "cross_source_value").iloc[0]
    assert row["severity"] == "warning"
    assert row["detail"].endswith(
        "A warning, not an error: Acme Analytics names no origin for its figure."
    )


def test_a_subject_taken_from_context_makes_a_side_unsure():
    claims = claims_frame(
        market("s_0b2986ba8b372c24", 10e9, 2024, attributed_to="Acme Research"),
        market("s_77aa", 20e9, 2024, attributed_to="Other Research"),
    )
    claims["context"] = [None, "Market size by year › 2024"]
    row = of_kind(claims, "cross_source_value").iloc[0]
    assert row["severity"] == "warning"
    assert "Acme Analytics took its subject from the surrounding context" in row["detail"]


def test_the_rule_is_stated_by_the_config():
    rule = DEFAULT_CONFIG.severity_rule()
    assert "error only when 2 of its sides are sure" in rule
    assert "outside the period its growth rate was stated for is info" in rule

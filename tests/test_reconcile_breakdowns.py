"""Breakdown sums: complete breakdowns near 100%, partial (top-N) lists never above 100%."""

from __future__ import annotations

import json

import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.stage import reconcile

SOURCES = sources_frame({"a": "Alpha survey"})


def breakdown(shares: dict[str, float], *, dimension: str = "industry", **extra: object):
    return claims_frame(
        *[
            make_claim(
                source_id="a",
                kind="share",
                subject="machine learning engineer",
                attribute="share",
                value=value,
                unit="percent",
                qualifiers={"dimension": dimension, "category": category, **extra},
            )
            for category, value in shares.items()
        ]
    )


def conflicts(claims):
    return reconcile(claims, SOURCES).conflicts


@pytest.mark.parametrize(
    "shares",
    [
        {"male": 82, "female": 17, "other": 1},
        {"male": 82, "female": 16, "other": 1},  # 99: rounding
        {"male": 83, "female": 17, "other": 1},  # 101: rounding
    ],
)
def test_complete_breakdown_within_rounding_is_fine(shares):
    assert conflicts(breakdown(shares, dimension="gender")).empty


def test_top_five_list_summing_to_90_is_fine():
    top5 = {"it": 25, "finance": 20, "healthcare": 18, "retail": 15, "manufacturing": 12}
    assert conflicts(breakdown(top5, partial=True)).empty


def test_same_list_not_marked_partial_is_an_error_with_the_sum():
    top5 = {"it": 25, "finance": 20, "healthcare": 18, "retail": 15, "manufacturing": 12}
    row = conflicts(breakdown(top5)).iloc[0]
    assert (row["kind"], row["severity"]) == ("breakdown_sum", "error")
    assert row["relative_difference"] == pytest.approx(0.10)
    assert (
        "breakdown of machine learning engineer by industry sums to 90% instead of 100%"
        in (row["detail"])
    )
    assert json.loads(row["values"])["sum_percent"] == 90


def test_partial_list_above_100_is_an_error():
    row = conflicts(breakdown({"x": 60, "y": 50}, partial=True)).iloc[0]
    assert row["severity"] == "error"
    assert "partial (top-2) breakdown" in row["detail"] and "sums to 110%" in row["detail"]


def test_small_miss_is_a_warning():
    row = conflicts(breakdown({"x": 60, "y": 36}, dimension="region")).iloc[0]
    assert row["severity"] == "warning"
    assert "sums to 96%" in row["detail"]


def test_a_list_repeated_in_prose_and_table_counts_once():
    claims = breakdown({"male": 82, "female": 17, "other": 1}, dimension="gender")
    assert conflicts(
        claims_frame(
            *claims.to_dict("records"),
            *[{**row, "claim_id": row["claim_id"] + "-table"} for row in claims.to_dict("records")],
        )
    ).empty


def test_table_title_groups_shares_without_a_dimension():
    claims = claims_frame(
        *[
            make_claim(
                source_id="a",
                kind="share",
                subject="machine learning engineer",
                attribute="share",
                value=value,
                unit="percent",
                qualifiers={"table_title": "Job satisfaction", "category": c},
            )
            for c, value in {"high": 40, "low": 40}.items()
        ]
    )
    assert "sums to 80%" in conflicts(claims).iloc[0]["detail"]

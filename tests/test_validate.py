from __future__ import annotations

import json

import pandas as pd
import pytest
from support.tables import RUN_ID, sample_claims, sample_tables

from mlefacts.validate import REJECTION_COLUMNS, TableSchemaError, validate_table


def _claims_with(*changes: dict) -> pd.DataFrame:
    """The sample claims plus one copy of the share claim per change."""
    claims = sample_claims()
    share = claims[claims["kind"] == "share"].iloc[0].to_dict()
    extra = [{**share, "claim_id": f"bad{i}", **change} for i, change in enumerate(changes)]
    return pd.concat([claims, pd.DataFrame(extra)], ignore_index=True)


def _reasons(rejections: pd.DataFrame) -> dict[str, str]:
    return {
        json.loads(r)["claim_id"]: reason
        for r, reason in zip(rejections["record"], rejections["reason"], strict=True)
    }


def test_bad_rows_are_rejected_with_readable_reasons_and_good_rows_pass():
    frame = _claims_with(
        {"value": 130.0},
        {"quote": ""},
        {"char_start": 50, "char_end": 40},
        {"unit": "dollars"},
    )
    good, bad = validate_table("claims", frame, run_id=RUN_ID)
    assert list(good["claim_id"]) == list(sample_claims()["claim_id"])
    assert list(bad.columns) == REJECTION_COLUMNS
    assert set(bad["stage"]) == {"validate"}
    assert set(bad["run_id"]) == {RUN_ID}
    reasons = _reasons(bad)
    assert "share_in_percent" in reasons["bad0"] and "value=130.0" in reasons["bad0"]
    assert "column 'quote' failed check str_length" in reasons["bad1"]
    assert "value ''" in reasons["bad1"]
    assert "char_end_after_char_start" in reasons["bad2"]
    assert "char_start=50, char_end=40" in reasons["bad2"]
    assert "column 'unit' failed check allowed_unit: value 'dollars'" in reasons["bad3"]


def test_rejection_record_is_the_row_as_json():
    _, bad = validate_table("claims", _claims_with({"value": 130.0}), run_id=RUN_ID)
    record = json.loads(bad["record"].iloc[0])
    assert record["value"] == 130.0
    assert record["value_high"] is None
    assert bad["source_id"].iloc[0] == record["source_id"]


@pytest.mark.parametrize(
    ("change", "check"),
    [
        ({"kind": "salary", "unit": "percent"}, "money_needs_value_and_currency"),
        ({"kind": "market_size", "unit": "USD", "value": None}, "money_needs_value_and_currency"),
        ({"kind": "growth_rate", "unit": "count"}, "growth_rate_in_percent_or_ratio"),
        ({"kind": "ranking", "unit": "percent"}, "ranking_in_rank"),
        ({"kind": "skill", "text": "  "}, "textual_kind_needs_text"),
        ({"value_high": 10.0}, "value_high_not_below_value"),
        ({"value": float("inf")}, "finite"),
        ({"year": 1850}, "in_range"),
        ({"year": "soon"}, "coerce_dtype('Int64')"),
        ({"qualifiers": '{"z": 1, "a": 2}'}, "json_object"),
        ({"kind": "rumour"}, "isin"),
        ({"quote": "Finance employs 30%"}, "quote_length_matches_span"),
    ],
)
def test_kind_and_column_checks(change, check):
    good, bad = validate_table("claims", _claims_with(change), run_id=RUN_ID)
    assert len(good) == len(sample_claims())
    assert check in bad["reason"].iloc[0]


def test_repeated_claim_id_keeps_the_first_row():
    claims = sample_claims()
    frame = pd.concat([claims, claims.iloc[[0]].assign(value=99.0)], ignore_index=True)
    good, bad = validate_table("claims", frame, run_id=RUN_ID)
    assert good.loc[good["claim_id"] == claims["claim_id"][0], "value"].item() == 150000.0
    assert "failed check unique" in bad["reason"].iloc[0]


def test_valid_rows_are_coerced_to_model_dtypes():
    good, _ = validate_table("claims", sample_claims(), run_id=RUN_ID)
    assert str(good["year"].dtype) == "Int64"
    assert good["char_start"].dtype == "int64"
    assert good["stale"].dtype == bool


def test_missing_column_is_a_bug_not_bad_data():
    with pytest.raises(TableSchemaError, match="lacks column.*quote"):
        validate_table("claims", sample_claims().drop(columns="quote"), run_id=RUN_ID)


def test_unknown_table_lists_the_known_ones():
    with pytest.raises(KeyError, match="known tables: sources"):
        validate_table("nonsense", pd.DataFrame(), run_id=RUN_ID)


def test_extra_columns_are_kept_after_the_model_columns():
    good, _ = validate_table("runs", sample_tables()["runs"].assign(seconds="{}"), run_id=RUN_ID)
    assert list(good.columns)[-1] == "seconds"


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("facts", "n_claims", 0),
        ("facts", "n_sources", 0),
        ("conflicts", "severity", "fatal"),
        ("consensus", "n_claims", 0),
        ("sources", "status", "maybe"),
        ("sources", "fetched_at", "yesterday"),
        ("rejections", "stage", "guess"),
    ],
)
def test_other_tables_reject_bad_values(name, column, value):
    frame = sample_tables()[name]
    bad_row = frame.iloc[[0]].copy()
    bad_row[column] = value
    key = next(iter(frame.columns))
    bad_row[key] = bad_row[key] + "_bad" if name != "rejections" else bad_row[key]
    good, bad = validate_table(name, pd.concat([frame, bad_row]), run_id=RUN_ID)
    assert len(good) == len(frame)
    assert f"column {column!r} failed" in bad["reason"].iloc[0]


def test_empty_table_is_valid():
    good, bad = validate_table("claims", sample_claims().iloc[0:0], run_id=RUN_ID)
    assert good.empty and bad.empty

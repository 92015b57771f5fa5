"""The bundled-like claims reconcile to exactly the tables saved before reconcile was optimized:
every row, value, id and sentence, and the column dtypes (a guard for later speed work)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile import reconcile

FIXTURES = Path(__file__).parent / "fixtures" / "reconcile"


def as_saved(frame: pd.DataFrame) -> dict[str, list]:
    """A table as the fixture stores it: columns, dtypes and rows with missing values as None."""
    rows = [
        [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]
        for row in frame.astype(object).itertuples(index=False, name=None)
    ]
    return {
        "columns": list(frame.columns),
        "dtypes": [str(d) for d in frame.dtypes],
        "rows": rows,
    }


@pytest.fixture(scope="module")
def result():
    data = json.loads((FIXTURES / "bundled_like_claims.json").read_text(encoding="utf-8"))
    claims = claims_frame(*[make_claim(**c) for c in data["claims"]])
    return reconcile(claims, sources_frame(data["sources"]))


@pytest.mark.parametrize("table", ["conflicts", "facts", "consensus"])
def test_bundled_like_tables_match_the_saved_output(result, table):
    expected = json.loads((FIXTURES / "bundled_like_expected.json").read_text(encoding="utf-8"))
    got = as_saved(getattr(result, table))
    assert got["columns"] == expected[table]["columns"]
    assert got["dtypes"] == expected[table]["dtypes"]
    assert len(got["rows"]) == len(expected[table]["rows"])
    for got_row, expected_row in zip(got["rows"], expected[table]["rows"], strict=True):
        assert got_row == expected_row

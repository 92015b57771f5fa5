"""The bundled-like claims reconcile to exactly the tables saved before reconcile was optimized:
every row, value, id and sentence, and the column dtypes (a guard for later speed work)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.stage import reconcile

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


def with_listed_claims(result, table: str) -> pd.DataFrame:
    """A table as schema 1 published it: facts, consensus and conflicts with the lists of their
    claims (and sources) that schemas 2 and 3 keep in fact_claims, consensus_claims and
    conflict_claims only, rebuilt from those link tables as README's example query does (a
    `string_agg` over the link table)."""
    frame = getattr(result, table)
    if table == "facts":
        links = result.fact_claims
        counted = links[links["reason"] != "duplicate_content"]
        by_fact = {
            "supporting_claim_ids": counted[counted["supports"]],
            "contradicting_claim_ids": counted[~counted["supports"]],
        }
        lists = {
            column: frame["fact_id"].map(
                lambda f, rows=rows: json.dumps(sorted(rows.loc[rows["fact_id"] == f, "claim_id"]))
            )
            for column, rows in by_fact.items()
        }
        lists["statuses"] = frame["fact_id"].map(
            lambda f: json.dumps(
                dict(links.loc[links["fact_id"] == f, ["claim_id", "rank"]].values),
                sort_keys=True,
            )
        )
    elif table == "conflicts":
        members = {c: rows for c, rows in result.conflict_claims.groupby("conflict_id")}
        ids = frame["conflict_id"].map(lambda c: json.dumps(sorted(members[c]["claim_id"])))
        frame = frame.drop(columns="n_claims")
        frame.insert(4, "claim_ids", ids.astype(object))
        return frame
    elif table == "consensus":
        links = result.consensus_claims
        members = {g: rows for g, rows in links.groupby("group_id")}
        lists = {
            "source_ids": frame["group_id"].map(
                lambda g: json.dumps(sorted(set(members[g]["source_id"])))
            ),
            "claim_ids": frame["group_id"].map(
                lambda g: json.dumps(sorted(members[g]["claim_id"]))
            ),
        }
    else:
        return frame
    return frame.drop(columns="n_claims").assign(**{c: v.astype("str") for c, v in lists.items()})


@pytest.mark.parametrize("table", ["conflicts", "facts", "consensus"])
def test_bundled_like_tables_match_the_saved_output(result, table):
    expected = json.loads((FIXTURES / "bundled_like_expected.json").read_text(encoding="utf-8"))
    got = as_saved(with_listed_claims(result, table))
    assert got["columns"] == expected[table]["columns"]
    assert got["dtypes"] == expected[table]["dtypes"]
    assert len(got["rows"]) == len(expected[table]["rows"])
    for got_row, expected_row in zip(got["rows"], expected[table]["rows"], strict=True):
        assert got_row == expected_row


def test_a_group_counts_the_claims_its_link_table_lists(result):
    facts, consensus = result.facts, result.consensus
    per_fact = result.fact_claims.groupby("fact_id").size()
    per_group = result.consensus_claims.groupby("group_id").size()
    assert (facts["n_claims"].to_numpy() == per_fact[facts["fact_id"]].to_numpy()).all()
    assert (consensus["n_claims"].to_numpy() == per_group[consensus["group_id"]].to_numpy()).all()

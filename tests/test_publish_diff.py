from __future__ import annotations

import pandas as pd
import pytest
from support.tables import sample_tables, validated

from mlefacts.publish.catalog import UnknownSnapshotError
from mlefacts.publish.diff import DIFF_COLUMNS, diff_snapshots
from mlefacts.publish.snapshots import publish_snapshot


def _publish(curated, claims: pd.DataFrame) -> str:
    tables = validated(sample_tables())
    tables["claims"] = claims
    return publish_snapshot(tables, curated_dir=curated).snapshot_id


def test_added_removed_and_changed_claims(tmp_path):
    curated = tmp_path / "curated"
    before = validated(sample_tables())["claims"]
    first = _publish(curated, before)
    after = before[before["kind"] != "ranking"].copy()
    salary = after["kind"] == "salary"
    after.loc[salary, ["claim_id", "value"]] = ["c_salary_new", 155000.0]
    duty = after["kind"] == "responsibility"
    after.loc[duty, "text"] = "ship models"
    added = after[after["kind"] == "share"].assign(
        claim_id="c_extra", subject="data scientist", value=12.0
    )
    _publish(curated, pd.concat([after, added], ignore_index=True))

    diff = diff_snapshots(curated)
    assert list(diff.columns) == DIFF_COLUMNS
    changes = {(row.change, row.kind) for row in diff.itertuples()}
    assert changes == {
        ("added", "share"),
        ("removed", "ranking"),
        ("changed", "salary"),
        ("changed", "responsibility"),
    }
    salary_row = diff[diff["kind"] == "salary"].iloc[0]
    assert (salary_row.old_value, salary_row.new_value) == (150000.0, 155000.0)
    assert salary_row.claim_id == "c_salary_new"
    assert salary_row.old_claim_id == before.loc[before["kind"] == "salary", "claim_id"].item()
    duty_row = diff[diff["kind"] == "responsibility"].iloc[0]
    assert (duty_row.old_text, duty_row.new_text) == ("deploy models to production", "ship models")
    assert diff.loc[diff["change"] == "removed", "quote"].item().startswith("Python ranks")
    assert diff_snapshots(curated, old=first, new=first).empty


def test_first_snapshot_is_all_added(tmp_path):
    curated = tmp_path / "curated"
    _publish(curated, validated(sample_tables())["claims"])
    diff = diff_snapshots(curated)
    assert set(diff["change"]) == {"added"}
    assert len(diff) == len(sample_tables()["claims"])


def test_nothing_published(tmp_path):
    with pytest.raises(UnknownSnapshotError, match="no snapshot"):
        diff_snapshots(tmp_path / "curated")

"""What changed in `claims` between two snapshots.

Claim ids hash what a claim says, so a corrected figure shows up as one id removed and one added.
Such pairs (same source, kind, attribute, subject and qualifiers) are reported as one 'changed'.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from mlefacts.publish.catalog import UnknownSnapshotError, load
from mlefacts.publish.snapshots import current_snapshot, list_snapshots

DIFF_COLUMNS = [
    "change",
    "claim_id",
    "old_claim_id",
    "source_id",
    "kind",
    "subject",
    "attribute",
    "old_value",
    "new_value",
    "old_value_high",
    "new_value_high",
    "old_text",
    "new_text",
    "quote",
]
_COMPARED = ("value", "value_high", "text", "qualifiers")
_IDENTITY = ("source_id", "kind", "attribute", "subject", "qualifiers")


def diff_snapshots(
    curated_dir: Path, old: str | None = None, new: str | None = None
) -> pd.DataFrame:
    """Claims added, removed or changed from snapshot `old` to `new`.

    Defaults: `new` is the current snapshot, `old` the one published before it (when there is
    none, every claim of `new` is 'added').
    """
    snapshots = list_snapshots(curated_dir)
    new = new or current_snapshot(curated_dir)
    if new is None:
        raise UnknownSnapshotError(f"no snapshot published yet in {curated_dir}")
    if old is None:
        earlier = [snapshot for snapshot in snapshots if snapshot < new]
        old = earlier[-1] if earlier else None
    data_dir = curated_dir.parent
    after = load("claims", data_dir, snapshot=new)
    before = load("claims", data_dir, snapshot=old) if old else after.iloc[0:0]
    return compare_claims(before, after)


def compare_claims(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The diff rows between two claims tables (see `diff_snapshots`)."""
    old = {row["claim_id"]: row for row in before.to_dict("records")}
    new = {row["claim_id"]: row for row in after.to_dict("records")}
    rows = [
        _diff_row("changed", old[claim_id], new[claim_id])
        for claim_id in sorted(old.keys() & new.keys())
        if not all(_same(old[claim_id][c], new[claim_id][c]) for c in _COMPARED)
    ]
    added: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in sorted((new[c] for c in new.keys() - old.keys()), key=_position):
        added[_identity(row)].append(row)
    for row in sorted((old[c] for c in old.keys() - new.keys()), key=_position):
        successors = added.get(_identity(row))
        if successors:
            rows.append(_diff_row("changed", row, successors.pop(0)))
        else:
            rows.append(_diff_row("removed", row, None))
    rows.extend(_diff_row("added", None, row) for group in added.values() for row in group)
    frame = pd.DataFrame(rows, columns=DIFF_COLUMNS)
    return frame.sort_values(
        ["change", "source_id", "kind", "subject", "claim_id"], kind="mergesort"
    ).reset_index(drop=True)


def _position(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["source_id"], row["char_start"], row["claim_id"])


def _identity(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[column] for column in _IDENTITY)


def _same(a: Any, b: Any) -> bool:
    return bool(pd.isna(a) and pd.isna(b)) or a == b


def _diff_row(
    change: str, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> dict[str, Any]:
    shown = new if new is not None else old or {}
    return {
        "change": change,
        "claim_id": shown["claim_id"],
        "old_claim_id": old["claim_id"] if old else None,
        "source_id": shown["source_id"],
        "kind": shown["kind"],
        "subject": shown["subject"],
        "attribute": shown["attribute"],
        "old_value": old["value"] if old else None,
        "new_value": new["value"] if new else None,
        "old_value_high": old["value_high"] if old else None,
        "new_value_high": new["value_high"] if new else None,
        "old_text": old["text"] if old else None,
        "new_text": new["text"] if new else None,
        "quote": shown["quote"],
    }

"""Builders for the small claim tables the reconcile tests use (columns as in the brief)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pandas as pd

from mlefacts.contract import TABLE_COLUMNS

# The claims columns reconcile reads: all but as_of, context and stale.
CLAIM_COLUMNS = [c for c in TABLE_COLUMNS["claims"] if c not in ("as_of", "context", "stale")]


def make_claim(**kw: Any) -> dict[str, Any]:
    """One claims-table row; unspecified columns get neutral defaults, qualifiers a JSON string."""
    qualifiers = kw.pop("qualifiers", {})
    row: dict[str, Any] = {
        "source_id": "s1",
        "run_id": "run-1",
        "kind": "market_size",
        "subject": "global machine learning market",
        "attribute": "market_size",
        "value": None,
        "value_high": None,
        "unit": None,
        "text": None,
        "year": None,
        "attributed_to": None,
        "as_of": None,
        "extractor": "test",
        "extractor_version": "0",
    }
    row.update(kw)
    row["qualifiers"] = json.dumps(qualifiers, sort_keys=True)
    row.setdefault("quote", row["text"] or f"{row['value']} {row['unit']}")
    row.setdefault("char_start", 0)
    row.setdefault("char_end", len(row["quote"]))
    if "claim_id" not in row:
        digest = json.dumps({k: row[k] for k in sorted(row)}, default=str, sort_keys=True)
        row["claim_id"] = "c" + hashlib.sha1(digest.encode()).hexdigest()[:10]
    return row


def claims_frame(*rows: dict[str, Any]) -> pd.DataFrame:
    """A claims DataFrame with the contract's columns and dtypes."""
    frame = pd.DataFrame(list(rows), columns=CLAIM_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame["value_high"] = frame["value_high"].astype("float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def sources_frame(titles: dict[str, str]) -> pd.DataFrame:
    """A sources DataFrame: source_id -> title."""
    return pd.DataFrame({"source_id": list(titles), "title": list(titles.values())})

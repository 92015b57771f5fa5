"""The claims a link table lists for one row of reconcile's result."""

from __future__ import annotations

from typing import Any


def conflict_claim_ids(result: Any, conflict_id: str) -> list[str]:
    """The ids conflict_claims lists for `conflict_id`, in its order (sorted)."""
    links = result.conflict_claims
    return links.loc[links["conflict_id"] == conflict_id, "claim_id"].tolist()

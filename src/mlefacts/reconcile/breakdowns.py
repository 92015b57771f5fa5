"""Breakdown sums: the shares of one breakdown in one source should add up to 100%.

A breakdown is the set of share claims (unit 'percent') of one source with the same subject and
dimension (or table title when no dimension is known), year and scope. A complete breakdown may
miss 100 by rounding (`breakdown_tolerance_pp`); a partial one (qualifiers.partial: a top-N list)
may sum to less than 100 but never to more.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.conflicts import conflict_row, graded
from mlefacts.reconcile.keys import canonical_json, text_key
from mlefacts.reconcile.names import SourceNames


def breakdown_sums(
    claims: pd.DataFrame, names: SourceNames, config: ReconcileConfig
) -> list[dict[str, Any]]:
    """Conflicts for breakdowns whose shares do not sum as they should."""
    shares = claims[
        (claims["attribute"] == "share") & (claims["unit"] == "percent") & claims["value"].notna()
    ]
    shares = shares.assign(
        breakdown=[breakdown_of(q, idq) for q, idq in zip(shares["q"], shares["idq"], strict=True)]
    )
    shares = shares[shares["breakdown"].notna()]
    if shares.empty:
        return []
    shares = shares.assign(
        item=[
            str(idq.get("category", cid))
            for idq, cid in zip(shares["idq"], shares["claim_id"], strict=True)
        ],
        scope=[
            canonical_json({k: v for k, v in idq.items() if k in ("region", "country")})
            for idq in shares["idq"]
        ],
        year_key=shares["year"].fillna(-1),
        what=[
            idq.get("dimension") or q.get("table_title")
            for q, idq in zip(shares["q"], shares["idq"], strict=True)
        ],
    )
    keys = ["source_id", "skey", "breakdown", "year_key", "scope"]
    shares = shares.assign(partial=[bool(q.get("partial")) for q in shares["q"]])
    items = shares.groupby([*keys, "item"], sort=True)["value"].median().rename("share")
    groups = (
        shares.sort_values("claim_id", kind="stable")
        .groupby(keys, sort=True)
        .agg(
            claim_ids=("claim_id", list),
            partial=("partial", "any"),
            subject=("subject", "first"),
            what=("what", "first"),
        )
    )
    listed: dict[tuple[Any, ...], dict[str, float]] = {}
    for key, share in items.items():
        listed.setdefault(key[:-1], {})[str(key[-1])] = float(share)
    rows = []
    for key, group in zip(groups.index, groups.itertuples(index=False), strict=True):
        if len(listed[key]) < 2:
            continue
        row = _check(group, str(key[0]), listed[key], names, config)
        if row is not None:
            rows.append(row)
    return rows


def breakdown_of(q: dict[str, Any], idq: dict[str, Any]) -> str | None:
    """Which breakdown a share belongs to (its dimension, else its table), or None."""
    if "dimension" in idq:
        return f"dimension:{idq['dimension']}"
    title = q.get("table_title")
    return f"table:{text_key(str(title))}" if title else None


def _check(
    group: Any,
    source_id: str,
    items: dict[str, float],
    names: SourceNames,
    config: ReconcileConfig,
) -> dict[str, Any] | None:
    """A conflict for one breakdown (aggregated claims of one source), or None when it adds up."""
    total = sum(items.values())
    over = total - 100.0
    if group.partial:
        severity = "error" if over > config.breakdown_tolerance_pp else None
    else:
        severity = graded(abs(over), config.breakdown_tolerance_pp, config.breakdown_error_pp)
    if severity is None:
        return None
    name = names[source_id]
    listing = ", ".join(f"{item} {value:g}%" for item, value in items.items())
    kind = f"partial (top-{len(items)}) " if group.partial else ""
    expectation = "at most 100%" if group.partial else "100%"
    detail = (
        f"{name}'s {kind}breakdown of {group.subject} by {group.what} sums to {total:g}% "
        f"instead of {expectation} ({listing})."
    )
    return conflict_row(
        kind="breakdown_sum",
        subject=str(group.subject),
        attribute="share",
        claim_ids=[str(c) for c in group.claim_ids],
        values=canonical_json(
            {
                "source_id": source_id,
                "breakdown": str(group.what),
                "partial": bool(group.partial),
                "sum_percent": total,
                "items": items,
            }
        ),
        relative_difference=abs(over) / 100.0,
        severity=severity,
        detail=detail,
    )

"""Qualitative disagreement: lists that sources should agree on but do not.

For every subject and skill category in `ReconcileConfig.qualitative_categories` (programming
languages, degrees), each source's set of canonical names is compared with the union over all
sources; every item some source names and another omits is reported, with the sources that
name it and those that do not (beyond `ReconcileConfig.conflict_named_sources` sources, how many
name it). Severity is 'info': an article omitting a language is a difference of emphasis, not an
error.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.conflicts import conflict_row
from mlefacts.reconcile.describe import join_names
from mlefacts.reconcile.keys import canonical_json, text_key
from mlefacts.reconcile.names import SourceNames


def compared(claims: pd.DataFrame, config: ReconcileConfig) -> np.ndarray:
    """Which prepared claims `qualitative_disagreement` reads (before its label check)."""
    wanted = config.qualitative_categories
    listed = np.array([q.get("category_of_skill") in wanted for q in claims["q"]], dtype=bool)
    return (claims["attribute"] == "skill").to_numpy(dtype=bool) & listed


def qualitative_disagreement(
    claims: pd.DataFrame, names: SourceNames, config: ReconcileConfig
) -> list[dict[str, Any]]:
    """One 'info' conflict per (subject, category) whose sources name different items."""
    category = [q.get("category_of_skill") for q in claims["q"]]
    skills = claims.assign(category=category)
    skills = skills[
        (skills["attribute"] == "skill")
        & skills["category"].isin(config.qualitative_categories)
        & skills["label"].notna()
    ]
    if skills.empty:
        return []
    skills = skills.assign(item=[text_key(str(label)) for label in skills["label"]])
    rows = []
    for (_, cat), group in skills.groupby(["skey", "category"], sort=True):
        per_source = {
            str(sid): set(items) for sid, items in group.groupby("source_id", sort=True)["item"]
        }
        if len(per_source) < 2:
            continue
        union = set().union(*per_source.values())
        common = set.intersection(*per_source.values())
        if union == common:
            continue
        rows.append(_row(group, str(cat), per_source, union, common, names, config))
    return rows


def _row(
    group: pd.DataFrame,
    category: str,
    per_source: dict[str, set[str]],
    union: set[str],
    common: set[str],
    names: SourceNames,
    config: ReconcileConfig,
) -> dict[str, Any]:
    display = (
        group.sort_values(["item", "label"], kind="stable")
        .drop_duplicates("item")
        .set_index("item")["label"]
        .to_dict()
    )
    named = len(per_source) <= config.conflict_named_sources
    parts = []
    for item in sorted(union - common):
        have = [names[s] for s, items in per_source.items() if item in items]
        if named:
            lack = [names[s] for s, items in per_source.items() if item not in items]
            parts.append(
                f"{display[item]} is named by {join_names(have)} but not by {join_names(lack)}"
            )
        else:
            parts.append(
                f"{display[item]} is named by {len(have):,} of {len(per_source):,} sources"
            )
    subject = str(group["subject"].iloc[0])
    detail = f"Sources differ on the {category} skills of {subject}: " + "; ".join(parts) + "."
    shown = list(per_source)[: config.conflict_named_sources]
    values = {s: sorted(display[i] for i in per_source[s]) for s in shown}
    return conflict_row(
        kind="qualitative_disagreement",
        subject=subject,
        attribute=f"skill:{category}",
        claim_ids=list(group["claim_id"]),
        values=canonical_json(values),
        relative_difference=1 - len(common) / len(union),
        severity="info",
        detail=detail,
    )

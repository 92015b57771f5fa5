"""Parts of the claims that reconcile one at a time and give the rows of reconciling them all.

Each check compares claims only within its own groups, all inside one subject key
(`keys.subject_key`): facts and cross-source values within one key of identifying qualifiers
(`fact_key`, `cmp_key`), forecasts within one market (a subject and region, sizes with growth
rates), breakdowns within one breakdown of one year, consensus within one skill or
responsibility group, qualitative disagreement within one skill category. Those keys are
functions of a few columns of a claim (its profile: subject, kind, attribute, qualifiers, year,
unit, whether it has a value, and its text where a key reads it), so the run computes them once
per distinct profile, joins the groups that share a claim, and packs whole groups into parts of
bounded size (as bounded as the largest group), however many claims share one subject.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mlefacts.reconcile.breakdowns import breakdown_of
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.consensus import responsibility_groups
from mlefacts.reconcile.forecast import market_scope
from mlefacts.reconcile.keys import ITEM_UNITS, prepare_claims, text_key

# The SQL of each column of a claim's profile (see the module doc), over the claims table. The
# text counts only where a key reads it: claims without a value or in an item unit (facts),
# skills and responsibilities (consensus, qualitative disagreement).
_ITEM_UNITS = ", ".join(f"'{unit}'" for unit in sorted(ITEM_UNITS))
PROFILE = {
    "subject": "subject",
    "kind": "kind",
    "attribute": "attribute",
    "qualifiers": "qualifiers",
    "year": "year",
    "unit": "unit",
    "valued": "value IS NOT NULL",
    "text": (
        f"CASE WHEN value IS NULL OR unit IN ({_ITEM_UNITS}) "
        "OR kind IN ('skill', 'responsibility') OR attribute = 'skill' THEN text END"
    ),
}


def reconcile_groups(profiles: pd.DataFrame, config: ReconcileConfig) -> list[str]:
    """Per row of `profiles` (the columns of `PROFILE`), the key of the smallest group of rows
    whose claims a check may compare: equal keys must reconcile in one part."""
    if profiles.empty:
        return []
    prepared = prepare_claims(_as_claims(profiles), config)
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def root(node: tuple[str, ...]) -> tuple[str, ...]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    labels = [None if pd.isna(label) else str(label) for label in prepared["label"]]
    duties = [
        i for i, kind in enumerate(prepared["kind"]) if kind == "responsibility" and labels[i]
    ]
    duty_keys, _ = responsibility_groups([str(labels[i]) for i in duties], config)
    duty_group = dict(zip(duties, duty_keys, strict=True))
    linked = set(config.projected_attributes) | set(config.growth_attributes)
    firsts = []
    for i, row in enumerate(prepared[_READ].itertuples(index=False)):
        skey, kind, attribute = str(row.skey), str(row.kind), str(row.attribute)
        nodes = [("fact", skey, attribute, str(row.fact_key))]
        nodes.append(("value", skey, attribute, str(row.cmp_key)))
        if attribute in linked:
            nodes.append(("market", skey, market_scope(row.idq)))
        if attribute == "share" and (breakdown := breakdown_of(row.q, row.idq)):
            year = "" if pd.isna(row.year) else str(int(row.year))
            nodes.append(("breakdown", skey, breakdown, year, market_scope(row.idq)))
        if kind == "skill" and labels[i]:
            nodes.append(("skill", skey, text_key(str(labels[i]))))
        if i in duty_group:
            nodes.append(("responsibility", skey, duty_group[i]))
        category = row.q.get("category_of_skill")
        if attribute == "skill" and category in config.qualitative_categories:
            nodes.append(("category", skey, str(category)))
        first = root(nodes[0])
        for node in nodes[1:]:
            other = root(node)
            if other != first:
                first, second = sorted((first, other))
                parent[second] = first
        firsts.append(nodes[0])
    return ["\x1e".join(root(node)) for node in firsts]


_READ = ["skey", "kind", "attribute", "fact_key", "cmp_key", "year", "q", "idq"]


def _as_claims(profiles: pd.DataFrame) -> pd.DataFrame:
    """One claim per profile, with what `prepare_claims` reads (a value of 1 stands for any)."""
    n = len(profiles)
    return pd.DataFrame(
        {
            "claim_id": [str(i) for i in range(n)],
            "source_id": "",
            "kind": profiles["kind"].to_numpy(dtype=object),
            "subject": profiles["subject"].to_numpy(dtype=object),
            "attribute": profiles["attribute"].to_numpy(dtype=object),
            "value": np.where(profiles["valued"].to_numpy(dtype=bool), 1.0, np.nan),
            "value_high": np.nan,
            "unit": profiles["unit"].to_numpy(dtype=object),
            "text": profiles["text"].to_numpy(dtype=object),
            "year": profiles["year"].to_numpy(),
            "qualifiers": profiles["qualifiers"].to_numpy(dtype=object),
        }
    )


def pack(keys: list[str], sizes: list[int], rows: int) -> list[int]:
    """Part numbers for items of `sizes` rows, equal keys in one part, about `rows` rows per
    part (more only where one key has more), in key order."""
    totals: dict[str, int] = {}
    for key, size in zip(keys, sizes, strict=True):
        totals[key] = totals.get(key, 0) + size
    part_of: dict[str, int] = {}
    part = held = 0
    for key in sorted(totals):
        if held and held + totals[key] > rows:
            part, held = part + 1, 0
        held += totals[key]
        part_of[key] = part
    return [part_of[key] for key in keys]

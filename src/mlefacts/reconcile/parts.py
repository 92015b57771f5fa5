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

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

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
    return [str(group) for group in group_numbers([profiles], config)]


def group_numbers(chunks: Iterable[pd.DataFrame], config: ReconcileConfig) -> np.ndarray:
    """Per row of the `chunks` of profiles (the columns of `PROFILE`), in order, the number of
    its group (see `reconcile_groups`). The profiles are read a chunk at a time and each node
    of a group (a key some check groups on) is held as a 64-bit hash: two nodes of one hash
    (never seen) would only join their groups, which reconcile the same in one part. A
    corpus of 100,000 articles has ~400,000 profiles, whose keys and nodes as Python objects
    took ~600 MB at once."""
    firsts: list[np.ndarray] = []
    edges: list[np.ndarray] = []
    for chunk in chunks:
        first, linked = _nodes(chunk, config)
        firsts.append(first)
        edges.append(linked)
    first = np.concatenate(firsts) if firsts else np.zeros(0, np.uint64)
    pairs = np.concatenate(edges) if edges else np.zeros((0, 2), np.uint64)
    del firsts, edges
    nodes, dense = np.unique(np.concatenate([first, pairs.ravel()]), return_inverse=True)
    of_first, ends = dense[: len(first)], dense[len(first) :].reshape(-1, 2)
    del dense
    label = np.arange(len(nodes), dtype=np.int64)
    a, b = ends[:, 0], ends[:, 1]
    while True:
        # Each end of a link takes the smaller label of the two, then each label the label of
        # the node it names (labels only fall, and stay within a group): done when no link
        # joins two labels.
        lowest = np.minimum(label[a], label[b])
        np.minimum.at(label, a, lowest)
        np.minimum.at(label, b, lowest)
        label = label[label]
        if (label[a] == label[b]).all():
            break
    return label[of_first]


def _nodes(profiles: pd.DataFrame, config: ReconcileConfig) -> tuple[np.ndarray, np.ndarray]:
    """Per profile the hash of its first node (its fact), and the links (pairs of hashes)
    between it and the other nodes of the profile."""
    if profiles.empty:
        return np.zeros(0, np.uint64), np.zeros((0, 2), np.uint64)
    prepared = prepare_claims(_as_claims(profiles), config)
    labels = [None if pd.isna(label) else str(label) for label in prepared["label"]]
    duties = [
        i for i, kind in enumerate(prepared["kind"]) if kind == "responsibility" and labels[i]
    ]
    duty_keys, _ = responsibility_groups([str(labels[i]) for i in duties], config)
    duty_group = dict(zip(duties, duty_keys, strict=True))
    linked = set(config.projected_attributes) | set(config.growth_attributes)
    firsts = []
    links = []
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
        first = _hash(nodes[0])
        firsts.append(first)
        links += [(first, _hash(node)) for node in nodes[1:]]
    return np.array(firsts, np.uint64), np.array(links, np.uint64).reshape(-1, 2)


def _hash(node: tuple[str, ...]) -> int:
    """A node as 64 bits, the same in every process."""
    digest = hashlib.blake2b("\x1e".join(node).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


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


class PartPlan(NamedTuple):
    """Which part each claim profile goes to (`numbers`, per profile in order) and the claims
    of each part (`claims`, per part number)."""

    numbers: np.ndarray
    claims: np.ndarray


def plan_parts(chunks: Iterable[pd.DataFrame], config: ReconcileConfig, rows: int) -> PartPlan:
    """Per row of the `chunks` of profiles (the columns of `PROFILE` and `n`, the claims
    having the profile), in order, its part: whole groups (`group_numbers`) packed into parts
    of about `rows` claims (`pack`); and the claims of each part."""
    sizes: list[np.ndarray] = []

    def counted() -> Iterator[pd.DataFrame]:
        for chunk in chunks:
            sizes.append(chunk["n"].to_numpy(dtype=np.int64))
            yield chunk

    groups = group_numbers(counted(), config)
    counts = np.concatenate(sizes) if sizes else np.zeros(0, np.int64)
    numbers = pack(groups, counts, rows)
    return PartPlan(numbers, np.bincount(numbers, weights=counts).astype(np.int64))


def pack(groups: Sequence[object], sizes: Sequence[int], rows: int) -> np.ndarray:
    """Part numbers for items of `sizes` rows, equal groups in one part, about `rows` rows per
    part (more only where one group has more), in group order."""
    numbers, group_of = np.unique(np.asarray(groups), return_inverse=True)
    totals = np.bincount(
        group_of, weights=np.asarray(sizes, dtype=np.float64), minlength=len(numbers)
    )
    part_of = np.zeros(len(numbers), dtype=np.int64)
    part = held = 0
    for group, total in enumerate(totals.astype(np.int64).tolist()):
        if held and held + total > rows:
            part, held = part + 1, 0
        held += total
        part_of[group] = part
    return part_of[group_of]

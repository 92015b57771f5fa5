"""Parts of the claims that reconcile one at a time and give the rows of reconciling them all.

Every check groups claims within one subject key (`keys.subject_key`) and, inside it, within one
attribute, except where it reads several together: a market's size with its growth rates
(forecasts), and every claim of kind skill, or of kind responsibility (consensus). A part holds
whole groups of that kind, so a corpus whose claims are mostly about one subject still reconciles
in parts of bounded size (as bounded as its largest such group).
"""

from __future__ import annotations

import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import subject_key

# The kinds whose claims consensus groups across attributes.
_CONSENSUS_KINDS = frozenset({"skill", "responsibility"})


def reconcile_groups(counts: pd.DataFrame, config: ReconcileConfig) -> list[str]:
    """Per row of `counts` (columns subject, kind, attribute), the key of the smallest group
    of rows whose claims a check may compare: equal keys must reconcile in one part."""
    linked = set(config.projected_attributes) | set(config.growth_attributes)
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: tuple[str, str], b: tuple[str, str]) -> None:
        first, second = sorted((root(a), root(b)))
        parent[second] = first

    nodes = []
    for subject, kind, attribute in zip(
        counts["subject"], counts["kind"], counts["attribute"], strict=True
    ):
        skey = subject_key(str(subject))
        node = (skey, str(attribute))
        nodes.append(node)
        root(node)
        if attribute in linked:
            join(node, (skey, "\x1flinked"))
        if kind in _CONSENSUS_KINDS:
            join(node, (skey, f"\x1fkind {kind}"))
    return ["\x1e".join(root(node)) for node in nodes]


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

"""Reconcile: conflicts between and within sources, one preferred value per fact, and consensus.

    result = reconcile(claims, sources)
    result.conflicts  # conflict_id, kind, subject, attribute, claim_ids, values, ...
    result.facts      # one row per (subject, attribute, qualifier_key)
    result.fact_claims  # one row per claim: its fact, rank and the reason it is not preferred
    result.consensus  # skill and responsibility groups with the sources naming them

Pure pandas: claims are matched by keys (groupby/merge), never pairwise, and every output is
sorted with ids derived from content, so the same claims give the same tables. Claims that no
check compares can reconcile apart (`parts`): a run does so in parts of bounded size.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from mlefacts.reconcile.arithmetic import growth_mismatches, inverted_ranges
from mlefacts.reconcile.breakdowns import breakdown_sums
from mlefacts.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from mlefacts.reconcile.conflicts import Certainty, conflicts_frame, cross_source_value
from mlefacts.reconcile.consensus import consensus
from mlefacts.reconcile.facts import facts
from mlefacts.reconcile.forecast import forecast_divergence, market_series
from mlefacts.reconcile.keys import (
    CLAIM_COLUMNS,
    duplicate_sources,
    prepare_claims,
    source_names,
)
from mlefacts.reconcile.qualitative import qualitative_disagreement

__all__ = [
    "CLAIM_COLUMNS",
    "DEFAULT_CONFIG",
    "SOURCE_COLUMNS",
    "ReconcileConfig",
    "ReconcileResult",
    "reconcile",
]
# The sources columns reconcile reads (names in sentences, copies, publication dates).
SOURCE_COLUMNS = ("source_id", "title", "publisher", "uri", "published", "content_sha256")


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """The tables the reconcile stage produces."""

    conflicts: pd.DataFrame
    facts: pd.DataFrame
    fact_claims: pd.DataFrame
    consensus: pd.DataFrame


def reconcile(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    config: ReconcileConfig = DEFAULT_CONFIG,
) -> ReconcileResult:
    """Find conflicts, choose a value per fact and group qualitative claims.

    `claims` is the validated claims table (qualifiers as JSON object strings); `sources` needs
    `source_id` and `title` (used to name sources in sentences) and may have `published` (dates,
    enabling the 'most_recent' method) and `content_sha256` (same bytes, one witness).
    """
    prepared = prepare_claims(claims, config)
    # The same bytes under another URI are one witness: copies take no part in conflicts and
    # consensus, and facts rank their claims 'duplicate_content'.
    witnesses = prepared[~prepared["source_id"].astype(str).isin(duplicate_sources(sources))]
    names = source_names(sources)
    series = market_series(witnesses, config)
    certainty = Certainty.of(witnesses)
    rows = [
        *cross_source_value(witnesses, names, config, certainty),
        *forecast_divergence(series, names, config, certainty),
        *growth_mismatches(series, names, config),
        *inverted_ranges(witnesses, names),
        *breakdown_sums(witnesses, names, config),
        *qualitative_disagreement(witnesses, names, config),
    ]
    conflicts = conflicts_frame(rows)
    inconsistent = {
        claim_id
        for ids in conflicts.loc[conflicts["kind"] == "internal_arithmetic", "claim_ids"]
        for claim_id in json.loads(ids)
    }
    facts_table, fact_claims = facts(prepared, sources, config, inconsistent=inconsistent)
    return ReconcileResult(
        conflicts=conflicts,
        facts=facts_table,
        fact_claims=fact_claims,
        consensus=consensus(witnesses, config),
    )

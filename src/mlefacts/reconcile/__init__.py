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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mlefacts.chunks import chunks
from mlefacts.reconcile.arithmetic import growth_mismatches, inverted_ranges
from mlefacts.reconcile.breakdowns import breakdown_sums
from mlefacts.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from mlefacts.reconcile.conflicts import Certainty, conflicts_frame, cross_source_value
from mlefacts.reconcile.consensus import consensus
from mlefacts.reconcile.facts import facts
from mlefacts.reconcile.forecast import Series, forecast_divergence, market_series
from mlefacts.reconcile.keys import (
    CLAIM_COLUMNS,
    SourceNames,
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
    "reconcile_chunks",
]
# The sources columns reconcile reads (names in sentences, copies, publication dates).
SOURCE_COLUMNS = ("source_id", "title", "publisher", "uri", "published", "content_sha256")
# Forecast divergences `reconcile_chunks` holds at once (about 1 KB each as Python objects).
FORECAST_CHUNK_ROWS = 20_000


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
    checks = _Checks.of(claims, sources, config)
    others = checks.conflict_rows()
    conflicts = conflicts_frame([*others, *checks.forecast_rows()])
    facts_table, fact_claims = checks.facts(others)
    return ReconcileResult(
        conflicts=conflicts,
        facts=facts_table,
        fact_claims=fact_claims,
        consensus=checks.consensus(),
    )


def reconcile_chunks(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    config: ReconcileConfig = DEFAULT_CONFIG,
    rows: int | None = None,
) -> Iterator[dict[str, pd.DataFrame]]:
    """`reconcile`'s tables in chunks whose rows together are its rows: first facts,
    fact_claims, consensus and every conflict but forecast divergences, then those `rows`
    (default `FORECAST_CHUNK_ROWS`) at a time (a market stated by many sources has sources x
    target years of them). Each chunk's
    conflicts are sorted as `reconcile` sorts them; the run sorts the whole table when it
    compacts it."""
    checks = _Checks.of(claims, sources, config)
    others = checks.conflict_rows()
    facts_table, fact_claims = checks.facts(others)
    yield {
        "conflicts": conflicts_frame(others),
        "facts": facts_table,
        "fact_claims": fact_claims,
        "consensus": checks.consensus(),
    }
    del others, facts_table, fact_claims
    for chunk in chunks(checks.forecast_rows(), rows or FORECAST_CHUNK_ROWS):
        yield {"conflicts": conflicts_frame(chunk)}


@dataclass(frozen=True, slots=True)
class _Checks:
    """What every check reads: the prepared claims, the witnesses among them (copies of
    another source's bytes are not), the sources' names, the market series, the certainty."""

    config: ReconcileConfig
    sources: pd.DataFrame
    prepared: pd.DataFrame
    witnesses: pd.DataFrame
    names: SourceNames
    series: list[Series]
    certainty: Certainty

    @classmethod
    def of(cls, claims: pd.DataFrame, sources: pd.DataFrame, config: ReconcileConfig) -> _Checks:
        prepared = prepare_claims(claims, config)
        # The same bytes under another URI are one witness: copies take no part in conflicts
        # and consensus, and facts rank their claims 'duplicate_content'.
        witnesses = prepared[~prepared["source_id"].astype(str).isin(duplicate_sources(sources))]
        return cls(
            config=config,
            sources=sources,
            prepared=prepared,
            witnesses=witnesses,
            names=source_names(sources),
            series=market_series(witnesses, config),
            certainty=Certainty.of(witnesses),
        )

    def conflict_rows(self) -> list[dict[str, Any]]:
        """Every conflict but forecast divergences."""
        config, names = self.config, self.names
        return [
            *cross_source_value(self.witnesses, names, config, self.certainty),
            *growth_mismatches(self.series, names, config),
            *inverted_ranges(self.witnesses, names),
            *breakdown_sums(self.witnesses, names, config),
            *qualitative_disagreement(self.witnesses, names, config),
        ]

    def forecast_rows(self) -> Iterator[dict[str, Any]]:
        return forecast_divergence(self.series, self.names, self.config, self.certainty)

    def facts(self, conflict_rows: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Facts and fact_claims; claims in internal_arithmetic conflicts rank lower."""
        inconsistent = {
            claim_id
            for row in conflict_rows
            if row["kind"] == "internal_arithmetic"
            for claim_id in json.loads(row["claim_ids"])
        }
        return facts(self.prepared, self.sources, self.config, inconsistent=inconsistent)

    def consensus(self) -> pd.DataFrame:
        return consensus(self.witnesses, self.config)

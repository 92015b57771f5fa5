"""The reconcile stage: every check over the claims, as one call (`reconcile`) or in chunks of
bounded size (`reconcile_chunks`, what a run uses). See the package docstring for the tables."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd

from mlefacts.chunks import chunks
from mlefacts.reconcile import qualitative
from mlefacts.reconcile.arithmetic import growth_mismatches, inverted_ranges
from mlefacts.reconcile.breakdowns import breakdown_sums
from mlefacts.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from mlefacts.reconcile.conflicts import (
    Certainty,
    conflict_claims,
    conflicts_frame,
    cross_source_value,
)
from mlefacts.reconcile.consensus import Consensus, consensus_claims_frame, stem
from mlefacts.reconcile.facts import TextFacts, fact_claims_frame, is_textual, valued_facts
from mlefacts.reconcile.forecast import Series, forecast_divergence, market_series
from mlefacts.reconcile.keys import (
    duplicate_sources,
    prepare_claims,
    source_names,
    subject_key,
    text_key,
)
from mlefacts.reconcile.names import SourceNames

# The sources columns reconcile reads (names in sentences, copies, publication dates).
SOURCE_COLUMNS = ("source_id", "title", "publisher", "uri", "published", "content_sha256")
# Forecast divergences `reconcile_chunks` holds at once (about 1 KB each as Python objects).
FORECAST_CHUNK_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """The tables the reconcile stage produces."""

    conflicts: pd.DataFrame
    conflict_claims: pd.DataFrame
    facts: pd.DataFrame
    fact_claims: pd.DataFrame
    consensus: pd.DataFrame
    consensus_claims: pd.DataFrame


# The tables reconcile derives from the claims, in the order they are compacted and published.
DERIVED = tuple(field.name for field in fields(ReconcileResult))


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
    checks = _Checks.of([claims], sources, config)
    others = checks.conflict_rows()
    rows = [*others, *checks.forecast_rows()]
    inconsistent = _inconsistent(others)
    facts_table, valued_claims = checks.facts(inconsistent)
    # Every conflict's claims in one frame: a chunk as large as all of them.
    every = max(1, sum(row["n_claims"] for row in rows))
    return ReconcileResult(
        conflicts=conflicts_frame(rows),
        conflict_claims=next(conflict_claims(rows, checks.prepared, every)),
        facts=facts_table,
        fact_claims=fact_claims_frame([valued_claims, *checks.texts.fact_claims(inconsistent)]),
        consensus=checks.groups.table(),
        consensus_claims=consensus_claims_frame(list(checks.groups.claims())),
    )


def reconcile_chunks(
    claims: pd.DataFrame | Iterable[pd.DataFrame],
    sources: pd.DataFrame,
    *,
    config: ReconcileConfig = DEFAULT_CONFIG,
    rows: int | None = None,
) -> Iterator[dict[str, pd.DataFrame]]:
    """`reconcile`'s tables in chunks whose rows together are its rows: first facts,
    consensus, every conflict but forecast divergences and the fact_claims of valued claims,
    then the conflict_claims of those conflicts, the fact_claims of text claims
    (`facts.TextFacts`), the consensus_claims and the forecast divergences with their
    conflict_claims, each `rows` (default `FORECAST_CHUNK_ROWS`) at a time (a market stated by
    many sources has sources x target years of them; a group or a conflict its claims). `claims`
    may come in chunks (a part of a run, read a little at a time): the text claims (skills,
    responsibilities: most claims of the largest groups) are held as ids and counts, not rows.
    Each chunk's conflicts are sorted as `reconcile` sorts them; the run sorts the whole table
    when it compacts it."""
    parts = [claims] if isinstance(claims, pd.DataFrame) else claims
    checks = _Checks.of(parts, sources, config)
    others = checks.conflict_rows()
    inconsistent = _inconsistent(others)
    facts_table, valued_claims = checks.facts(inconsistent)
    first = {
        "conflicts": conflicts_frame(others),
        "facts": facts_table,
        "fact_claims": fact_claims_frame([valued_claims]),
        "consensus": checks.groups.table(),
    }
    # Only the chunk holds its tables, so that each goes once its reader is done with it; the
    # conflicts' rows stay for their claims' ids.
    del facts_table, valued_claims
    yield first
    size = rows or FORECAST_CHUNK_ROWS
    for frame in conflict_claims(others, checks.prepared, size):
        yield {"conflict_claims": frame}
    del others
    for frame in checks.texts.fact_claims(inconsistent, size):
        yield {"fact_claims": fact_claims_frame([frame])}
    for frame in checks.groups.claims(size):
        yield {"consensus_claims": consensus_claims_frame([frame])}
    for chunk in chunks(checks.forecast_rows(), size):
        yield {"conflicts": conflicts_frame(chunk)}
        for frame in conflict_claims(chunk, checks.prepared, size):
            yield {"conflict_claims": frame}


def forget_normalized_texts() -> None:
    """Empty the caches of normalized subjects, texts and stems, once every claim is
    reconciled: filled as the claims are read (~100,000 entries at 100,000 articles), their
    small strings lie among the pages of the millions of objects reconcile made and freed,
    and keep those pages with the process through compaction and publishing."""
    for cached in (subject_key, text_key, stem):
        cached.cache_clear()


def _inconsistent(conflict_rows: list[dict[str, Any]]) -> set[str]:
    """The ids of claims in internal_arithmetic conflicts (facts rank them lower)."""
    return {
        claim_id
        for row in conflict_rows
        if row["kind"] == "internal_arithmetic"
        for claim_id in row["claim_ids"]
    }


@dataclass(frozen=True, slots=True)
class _Checks:
    """What every check reads: the prepared claims that some conflict check or valued fact
    compares, the witnesses among them (copies of another source's bytes are not), the
    sources' names, the market series, the certainty; and the text facts and consensus groups,
    fed every claim."""

    config: ReconcileConfig
    sources: pd.DataFrame
    prepared: pd.DataFrame
    witnesses: pd.DataFrame
    names: SourceNames
    series: list[Series]
    certainty: Certainty
    texts: TextFacts
    groups: Consensus

    @classmethod
    def of(
        cls, parts: Iterable[pd.DataFrame], sources: pd.DataFrame, config: ReconcileConfig
    ) -> _Checks:
        # The same bytes under another URI are one witness: copies take no part in conflicts
        # and consensus, and facts rank their claims 'duplicate_content'.
        copies = duplicate_sources(sources)
        texts, groups = TextFacts(copies), Consensus(config)
        compared = []
        for part in parts:
            prepared = prepare_claims(part, config)
            groups.add(prepared[~prepared["source_id"].astype(str).isin(copies).to_numpy()])
            textual = is_textual(prepared)
            texts.add(prepared[textual])
            compared.append(prepared[~textual | qualitative.compared(prepared, config)])
        kept = [frame for frame in compared if not frame.empty] or compared[:1]
        prepared = pd.concat(kept, ignore_index=True) if len(kept) > 1 else kept[0]
        witnesses = prepared[~prepared["source_id"].astype(str).isin(copies)]
        return cls(
            config=config,
            sources=sources,
            prepared=prepared,
            witnesses=witnesses,
            names=source_names(sources),
            series=market_series(witnesses, config),
            certainty=Certainty.of(witnesses),
            texts=texts,
            groups=groups,
        )

    def conflict_rows(self) -> list[dict[str, Any]]:
        """Every conflict but forecast divergences."""
        config, names = self.config, self.names
        return [
            *cross_source_value(self.witnesses, names, config, self.certainty),
            *growth_mismatches(self.series, names, config),
            *inverted_ranges(self.witnesses, names),
            *breakdown_sums(self.witnesses, names, config),
            *qualitative.qualitative_disagreement(self.witnesses, names, config),
        ]

    def forecast_rows(self) -> Iterator[dict[str, Any]]:
        return forecast_divergence(self.series, self.names, self.config, self.certainty)

    def facts(self, inconsistent: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Every fact, and the fact_claims of valued claims (`texts` gives the others);
        `inconsistent` claims rank lower."""
        valued = self.prepared[~is_textual(self.prepared)]
        facts_table, fact_claims = valued_facts(
            valued, self.sources, self.config, inconsistent=inconsistent
        )
        return self.texts.joined(facts_table), fact_claims

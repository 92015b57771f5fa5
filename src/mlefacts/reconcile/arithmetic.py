"""Internal arithmetic: a source that disagrees with itself.

Two checks: a stated growth rate against the rate the source's own base and target figures
imply, and ranges written low-to-high whose low end exceeds the high end.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.conflicts import conflict_row, graded
from mlefacts.reconcile.describe import format_fraction, format_value
from mlefacts.reconcile.forecast import Rate, Series, implied_cagr
from mlefacts.reconcile.keys import canonical_json
from mlefacts.reconcile.names import SourceNames


def growth_mismatches(
    series: list[Series], names: SourceNames, config: ReconcileConfig
) -> list[dict[str, Any]]:
    """Stated growth rates further than `cagr_tolerance_pp` from what the figures imply."""
    rows = []
    for own in series:
        for rate in own.rates:
            span = _span(own, rate)
            if span is None:
                continue
            row = _mismatch(own, rate, *span, names=names, config=config)
            if row is not None:
                rows.append(row)
    return rows


def _span(own: Series, rate: Rate) -> tuple[int, int] | None:
    """The base and target years a rate is checked over: its stated period where the source
    gives figures for those years, else the source's earliest and latest figures."""
    start = rate.period_start if rate.period_start in own.figures else min(own.figures)
    end = rate.period_end if rate.period_end in own.figures else max(own.figures)
    return (start, end) if end > start else None


def _mismatch(
    own: Series,
    rate: Rate,
    start: int,
    end: int,
    *,
    names: SourceNames,
    config: ReconcileConfig,
) -> dict[str, Any] | None:
    start_value, start_claims = own.figures[start]
    end_value, end_claims = own.figures[end]
    if start_value <= 0 or end_value <= 0:
        return None
    implied = implied_cagr(start_value, start, end_value, end)
    gap_pp = abs(implied - rate.percent)
    severity = graded(gap_pp, config.cagr_tolerance_pp, config.cagr_error_pp)
    if severity is None:
        return None
    name = names[own.source_id]
    # As the source states them: in one currency the conversion leaves the rate as it is.
    said_start, said_end = own.stated.get(start), own.stated.get(end)
    if said_start and said_end and said_start[1] == said_end[1]:
        (start_said, unit), (end_said, _) = said_start, said_end
    else:
        start_said, end_said, unit = start_value, end_value, own.unit
    detail = (
        f"{name}'s own figures {format_value(start_said, unit)} ({start}) -> "
        f"{format_value(end_said, unit)} ({end}) imply a compound annual growth of "
        f"{implied:.1f}%, but it states {rate.percent:.3g}% ({gap_pp:.1f} percentage points "
        f"apart; tolerance {config.cagr_tolerance_pp:g})."
    )
    values = {
        "source_id": own.source_id,
        "base": {"year": start, "value": start_value, "unit": own.unit},
        "target": {"year": end, "value": end_value, "unit": own.unit},
        "stated_rate_percent": rate.percent,
        "implied_rate_percent": implied,
        "difference_pp": gap_pp,
    }
    return conflict_row(
        kind="internal_arithmetic",
        subject=own.subject,
        attribute=own.attribute,
        claim_ids=[*start_claims, *end_claims, *rate.claim_ids],
        values=canonical_json(values),
        relative_difference=gap_pp / abs(rate.percent) if rate.percent else None,
        severity=severity,
        detail=detail,
    )


def inverted_ranges(claims: pd.DataFrame, names: SourceNames) -> list[dict[str, Any]]:
    """Ranges whose low end exceeds their high end (always an 'error')."""
    bad = claims[claims["value"].notna() & claims["value_high"].notna()]
    bad = bad[bad["value"] > bad["value_high"]]
    rows = []
    for claim in bad.itertuples(index=False):
        name = names[str(claim.source_id)]
        low = format_value(claim.value, claim.unit)
        high = format_value(claim.value_high, claim.unit)
        rel = (claim.value - claim.value_high) / abs(claim.value_high) if claim.value_high else None
        rows.append(
            conflict_row(
                kind="internal_arithmetic",
                subject=str(claim.subject),
                attribute=str(claim.attribute),
                claim_ids=[str(claim.claim_id)],
                values=canonical_json(
                    {
                        "source_id": str(claim.source_id),
                        "low": claim.value,
                        "high": claim.value_high,
                        "unit": claim.unit,
                    }
                ),
                relative_difference=rel,
                severity="error",
                detail=(
                    f"{name} gives a range for the {str(claim.attribute).replace('_', ' ')} of "
                    f"{claim.subject} whose low end {low} exceeds its high end {high}"
                    + (f" (by {format_fraction(rel)})." if rel is not None else ".")
                ),
            )
        )
    return rows

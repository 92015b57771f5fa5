"""Forecast divergence: market sizes for different years, made comparable by compound growth.

Each source's series (its figures for one market, by year, plus its stated growth rate) is
projected from its base figure with its own rate to the target years other sources state. One
projection per (source, target year), compared with the median of what the other sources state
for that year, so the work grows with sources x target years, not with pairs of claims.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.conflicts import conflict_row, graded
from mlefacts.reconcile.describe import format_fraction, format_value, join_names
from mlefacts.reconcile.keys import canonical_json

_SCOPE_KEYS = ("region", "country")


def project_to_year(value: float, from_year: int, rate_percent: float, to_year: int) -> float:
    """Compound `value` at `rate_percent` a year from `from_year` to `to_year` (either way).

    >>> round(project_to_year(8.43e9, 2020, 43.8, 2025) / 1e9, 2)
    51.83
    """
    return value * (1 + rate_percent / 100) ** (to_year - from_year)


def implied_cagr(start_value: float, start_year: int, end_value: float, end_year: int) -> float:
    """The compound annual growth rate (percent) that takes start_value to end_value.

    >>> round(implied_cagr(8.43e9, 2020, 96.7e9, 2027), 2)
    41.7
    """
    return ((end_value / start_value) ** (1 / (end_year - start_year)) - 1) * 100


@dataclass(frozen=True, slots=True)
class Rate:
    """A growth rate one source states for a market, with the claims that state it."""

    percent: float
    period_start: int | None
    period_end: int | None
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Series:
    """One source's figures for one market (subject, scope, unit) by year, and its growth rates."""

    source_id: str
    subject: str
    attribute: str
    key: str
    unit: str
    figures: dict[int, tuple[float, tuple[str, ...]]]
    rates: tuple[Rate, ...]
    base_year: int
    forecast_years: frozenset[int]

    @property
    def anchor_year(self) -> int:
        """The earliest figure: the base value a stated growth rate compounds from."""
        return min(self.figures)

    def projection_rate(self) -> tuple[float, tuple[str, ...], bool] | None:
        """(rate, claims stating it, implied?) : the median stated rate, else the rate implied
        by the source's earliest and latest figures, else None."""
        if self.rates:
            ordered = sorted(self.rates, key=lambda r: r.percent)
            middle = ordered[(len(ordered) - 1) // 2]
            ids = tuple(i for r in ordered if r.percent == middle.percent for i in r.claim_ids)
            return middle.percent, ids, False
        if len(self.figures) >= 2:
            first, last = min(self.figures), max(self.figures)
            rate = implied_cagr(self.figures[first][0], first, self.figures[last][0], last)
            return rate, self.figures[first][1] + self.figures[last][1], True
        return None


def market_series(claims: pd.DataFrame, config: ReconcileConfig) -> list[Series]:
    """Every source's series for every projected attribute (market size) it states."""
    figures = claims[
        claims["attribute"].isin(config.projected_attributes)
        & claims["cmp_value"].notna()
        & claims["year"].notna()
    ]
    if figures.empty:
        return []
    growth = claims[
        claims["attribute"].isin(config.growth_attributes)
        & (claims["unit"] == "percent")
        & claims["value"].notna()
    ]
    growth = growth.assign(scope=[_scope(q) for q in growth["idq"]])
    rates_by = dict(iter(growth.groupby(["source_id", "skey", "scope"])))
    figures = figures.assign(
        scope=[_scope(q) for q in figures["idq"]],
        declared=[
            min(
                (y for y in (_int_or_none(q.get(k)) for k in _BASE_KEYS) if y is not None),
                default=None,
            )
            for q in figures["q"]
        ],
        flagged=[bool(q.get("forecast")) for q in figures["q"]],
    )
    keys = ["source_id", "skey", "scope", "attribute", "cmp_unit"]
    by_year = (
        figures.sort_values("claim_id", kind="stable")
        .groupby([*keys, "year"], sort=True)
        .agg(
            value=("cmp_value", "median"),
            claim_ids=("claim_id", tuple),
            subject=("subject", "first"),
            declared=("declared", "min"),
            flagged=("flagged", "any"),
        )
        .reset_index()
    )
    grouped: dict[tuple[Any, ...], list[Any]] = {}
    for row in by_year.itertuples(index=False):
        grouped.setdefault(tuple(getattr(row, k) for k in keys), []).append(row)
    return [
        _series(rows, _rates(rates_by.get(key[:3])), *key) for key, rows in sorted(grouped.items())
    ]


_BASE_KEYS = ("base_year", "period_start")


def _scope(idq: dict[str, Any]) -> str:
    return canonical_json({k: idq[k] for k in _SCOPE_KEYS if k in idq})


def _rates(group: pd.DataFrame | None) -> tuple[Rate, ...]:
    if group is None:
        return ()
    found: dict[tuple[float, int | None, int | None], list[str]] = {}
    for value, q, claim_id in zip(group["value"], group["q"], group["claim_id"], strict=True):
        start, end = _int_or_none(q.get("period_start")), _int_or_none(q.get("period_end"))
        found.setdefault((float(value), start, end), []).append(str(claim_id))
    return tuple(
        Rate(v, s, e, tuple(sorted(ids)))
        for (v, s, e), ids in sorted(
            found.items(), key=lambda item: (item[0][0], item[0][1] or 0, item[0][2] or 0)
        )
    )


def _series(
    rows: list[Any],
    rates: tuple[Rate, ...],
    source_id: str,
    skey: str,
    scope: str,
    attribute: str,
    unit: str,
) -> Series:
    """A series from its per-year aggregates (value, claim_ids, subject, declared, flagged)."""
    figures = {int(r.year): (float(r.value), tuple(r.claim_ids)) for r in rows}
    declared = [int(r.declared) for r in rows if not pd.isna(r.declared)]
    declared += [r.period_start for r in rates if r.period_start is not None]
    base_year = min(declared + list(figures))
    flagged = {int(r.year) for r in rows if r.flagged}
    return Series(
        source_id=str(source_id),
        subject=str(rows[0].subject),
        attribute=attribute,
        key=canonical_json(
            {"skey": skey, "scope": json.loads(scope), "unit": unit, "attribute": attribute}
        ),
        unit=unit,
        figures=figures,
        rates=rates,
        base_year=base_year,
        forecast_years=frozenset(flagged | {y for y in figures if y > base_year}),
    )


def _int_or_none(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def forecast_divergence(
    series: list[Series], names: dict[str, str], config: ReconcileConfig
) -> list[dict[str, Any]]:
    """Conflicts where a source's own projection misses other sources' forecasts for a year."""
    targets = pd.DataFrame(
        [
            {
                "key": s.key,
                "year": y,
                "source_id": s.source_id,
                "value": s.figures[y][0],
                "claim_ids": s.figures[y][1],
            }
            for s in series
            for y in sorted(s.forecast_years)
        ],
        columns=["key", "year", "source_id", "value", "claim_ids"],
    )
    projectors = pd.DataFrame(
        [{"key": s.key, "index": i} for i, s in enumerate(series) if s.projection_rate()],
        columns=["key", "index"],
    )
    if targets.empty or projectors.empty:
        return []
    by_year = targets.groupby(["key", "year"], sort=True).agg(
        value=("value", "median"), source_ids=("source_id", list), claim_ids=("claim_ids", _concat)
    )
    pairs = projectors.merge(by_year.reset_index(), on="key")
    rows = []
    for index, year, value, source_ids, claim_ids in zip(
        pairs["index"],
        pairs["year"],
        pairs["value"],
        pairs["source_ids"],
        pairs["claim_ids"],
        strict=True,
    ):
        own = series[index]
        if int(year) in own.figures:
            continue
        row = _divergence(
            own, int(year), float(value), sorted(source_ids), list(claim_ids), names, config
        )
        if row is not None:
            rows.append(row)
    return rows


def _concat(groups: pd.Series) -> tuple[str, ...]:
    return tuple(i for ids in groups for i in ids)


def _divergence(
    own: Series,
    year: int,
    stated: float,
    stated_sources: list[str],
    stated_claims: list[str],
    names: dict[str, str],
    config: ReconcileConfig,
) -> dict[str, Any] | None:
    rate, rate_claims, implied = own.projection_rate()  # type: ignore[misc]
    anchor = own.anchor_year
    anchor_value, anchor_claims = own.figures[anchor]
    projected = project_to_year(anchor_value, anchor, rate, year)
    rel = abs(projected - stated) / abs(stated) if stated else float("inf")
    severity = graded(rel, config.forecast_tolerance, config.forecast_error)
    if severity is None:
        return None
    name = names.get(own.source_id, own.source_id)
    others = join_names([names.get(s, s) for s in stated_sources])
    how = (
        f"the {rate:.1f}% annual growth implied by its own figures"
        if implied
        else f"its own {rate:.3g}% annual growth"
    )
    verb = "says" if len(stated_sources) == 1 else "say (median)"
    detail = (
        f"{name}'s {anchor} figure of {format_value(anchor_value, own.unit)} projected to {year} "
        f"with {how} gives {format_value(projected, own.unit)}; {others} {verb} "
        f"{format_value(stated, own.unit)} for {year} ({format_fraction(rel)} apart)."
    )
    values = {
        "projected": {
            "source_id": own.source_id,
            "from_year": anchor,
            "from_value": anchor_value,
            "rate_percent": rate,
            "rate_implied": implied,
            "year": year,
            "value": projected,
            "unit": own.unit,
        },
        "stated": {"source_ids": stated_sources, "year": year, "value": stated, "unit": own.unit},
    }
    return conflict_row(
        kind="forecast_divergence",
        subject=own.subject,
        attribute=own.attribute,
        claim_ids=[*anchor_claims, *rate_claims, *stated_claims],
        values=values,
        relative_difference=rel,
        severity=severity,
        detail=detail,
    )

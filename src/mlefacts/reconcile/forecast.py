"""Forecast divergence: market sizes for different years, made comparable by compound growth.

Each source's series (its figures for one market, by year, plus its stated growth rate) is
projected from its base figure with its own rate to the target years other sources state. One
projection per (source, target year), compared with the median of what the other sources state
for that year, so the work grows with sources x target years, not with pairs of claims.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.conflicts import Certainty, conflict_row, graded, weigh_certainty
from mlefacts.reconcile.describe import format_fraction, format_value, join_names
from mlefacts.reconcile.keys import canonical_json
from mlefacts.reconcile.names import SourceNames

_SCOPE_KEYS = ("region", "country")


def project_to_year(value: float, from_year: int, rate_percent: float, to_year: int) -> float:
    """Compound `value` at `rate_percent` a year from `from_year` to `to_year` (either way).

    >>> round(project_to_year(5e9, 2020, 40.0, 2025) / 1e9, 2)
    26.89
    """
    return value * (1 + rate_percent / 100) ** (to_year - from_year)


def implied_cagr(start_value: float, start_year: int, end_value: float, end_year: int) -> float:
    """The compound annual growth rate (percent) that takes start_value to end_value.

    >>> round(implied_cagr(5e9, 2020, 26.9e9, 2025), 2)
    40.01
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
    candidates: tuple[Candidate, ...]
    # Each year's figure as the source states it (value, unit), where its claims state it in
    # one unit: `figures` holds the compared values (money in USD).
    stated: dict[int, tuple[float, str]]

    def projection(self, year: int) -> Projection | None:
        """How this source's own figures reach `year`: the median of its stated rates whose
        period covers `year` and one of its figures (projected from the earliest such figure);
        else the rate its earliest and latest figures imply, when `year` lies between them.
        Failing both, the same choice ignoring periods, marked as an extrapolation. None when
        the source has no rate and a single figure."""
        if not self.candidates:
            return None
        inside = [c for c in self.candidates if _covers(c.period, year) and c.anchor is not None]
        ordered = inside or self.candidates
        chosen = ordered[(len(ordered) - 1) // 2]
        ids = tuple(i for c in ordered if c.rate == chosen.rate for i in c.claim_ids)
        return Projection(
            rate=chosen.rate,
            claim_ids=ids,
            implied=chosen.implied,
            period=chosen.period,
            anchor_year=min(self.figures) if not inside else chosen.anchor,
            inside=bool(inside),
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rate a series may project with: stated (or implied by its earliest and latest
    figures), the claims behind it, the years it holds for, and its earliest figure within
    them (None when it has none)."""

    rate: float
    claim_ids: tuple[str, ...]
    implied: bool
    period: tuple[int, int | None]
    anchor: int | None


def _candidates(
    figures: dict[int, tuple[float, tuple[str, ...]]], rates: tuple[Rate, ...]
) -> tuple[Candidate, ...]:
    """A series' candidate rates ordered by (rate, period start, period end): found once per
    series, not once per year it is projected to (a subset of them keeps this order).

    A stated rate without a stated start compounds from the earliest figure; without a stated
    end it is not bounded (None): the article did not bound it. Without a stated rate, two or
    more figures imply one between the earliest and the latest."""
    periods = [
        (r.period_start if r.period_start is not None else min(figures), r.period_end)
        for r in rates
    ]
    found = [
        Candidate(r.percent, r.claim_ids, False, period, _anchor(figures, period))
        for r, period in zip(rates, periods, strict=True)
    ]
    if not found and len(figures) >= 2:
        first, last = min(figures), max(figures)
        rate = implied_cagr(figures[first][0], first, figures[last][0], last)
        ids = figures[first][1] + figures[last][1]
        found = [Candidate(rate, ids, True, (first, last), first)]
    return tuple(sorted(found, key=lambda c: (c.rate, c.period[0], c.period[1] or 0)))


def _anchor(figures: dict[int, Any], period: tuple[int, int | None]) -> int | None:
    """The earliest figure year within the period, or None."""
    return min((y for y in figures if _covers(period, y)), default=None)


def _covers(period: tuple[int, int | None], year: int) -> bool:
    start, end = period
    return start <= year and (end is None or year <= end)


@dataclass(frozen=True, slots=True)
class Projection:
    """A source's rate to project with, the claims stating (or implying) it, the period it holds
    for, the figure year it compounds from, and whether the target year lies in the period."""

    rate: float
    claim_ids: tuple[str, ...]
    implied: bool
    period: tuple[int, int | None]
    anchor_year: int
    inside: bool


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
    rates_by = _rates_by_market(growth)
    figures = figures.assign(
        scope=[market_scope(q) for q in figures["idq"]],
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
    figures = figures.sort_values([*keys, "year", "claim_id"], kind="stable", ignore_index=True)
    by_year = figures.groupby([*keys, "year"], sort=False).agg(
        value=("cmp_value", "median"),
        stated=("value", "median"),
        stated_unit=("unit", "first"),
        units=("unit", "nunique"),
        subject=("subject", "first"),
        declared=("declared", "min"),
        flagged=("flagged", "any"),
        rows=("claim_id", "size"),
    )
    ends = np.cumsum(by_year["rows"].to_numpy())
    claim_ids = figures["claim_id"].to_numpy()
    by_year["claim_ids"] = [
        tuple(claim_ids[end - n : end]) for end, n in zip(ends, by_year["rows"], strict=True)
    ]
    by_year = by_year.reset_index()
    grouped: dict[tuple[Any, ...], list[Any]] = {}
    for row in by_year.itertuples(index=False):
        grouped.setdefault(tuple(getattr(row, k) for k in keys), []).append(row)
    return [_series(rows, rates_by.get(key[:3], ()), *key) for key, rows in grouped.items()]


_BASE_KEYS = ("base_year", "period_start")


def market_scope(idq: dict[str, Any]) -> str:
    """The region and country a market figure or rate is about, as canonical JSON."""
    return canonical_json({k: idq[k] for k in _SCOPE_KEYS if k in idq})


def _rates_by_market(growth: pd.DataFrame) -> dict[tuple[str, str, str], tuple[Rate, ...]]:
    """(source_id, skey, scope) -> the distinct growth rates that source states for it, by
    (rate, period start, period end), each with its claims sorted."""
    if growth.empty:
        return {}
    starts = [_int_or_none(q.get("period_start")) for q in growth["q"]]
    ends = [_int_or_none(q.get("period_end")) for q in growth["q"]]
    rates = pd.DataFrame(
        {
            "source_id": growth["source_id"].to_numpy(),
            "skey": growth["skey"].to_numpy(),
            "scope": [market_scope(q) for q in growth["idq"]],
            "percent": growth["value"].to_numpy(dtype=float),
            "start": pd.array(starts, dtype="Int64"),
            "end": pd.array(ends, dtype="Int64"),
            "start_order": [s or 0 for s in starts],
            "end_order": [e or 0 for e in ends],
            "claim_id": growth["claim_id"].to_numpy(),
        }
    )
    market = ["source_id", "skey", "scope"]
    rates = rates.sort_values(
        [*market, "percent", "start_order", "end_order", "start", "end", "claim_id"],
        kind="stable",
        ignore_index=True,
    )
    found: dict[tuple[str, str, str], list[Rate]] = {}
    for (source, skey, scope, percent, start, end), ids in rates.groupby(
        [*market, "percent", "start", "end"], sort=False, dropna=False
    )["claim_id"]:
        found.setdefault((source, skey, scope), []).append(
            Rate(float(percent), _int_or_none(start), _int_or_none(end), tuple(ids))
        )
    return {key: tuple(found_rates) for key, found_rates in found.items()}


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
    stated = {int(r.year): (float(r.stated), str(r.stated_unit)) for r in rows if r.units == 1}
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
        candidates=_candidates(figures, rates),
        stated=stated,
    )


def _int_or_none(value: Any) -> int | None:
    return (
        None
        if value is None or (isinstance(value, str) and not value) or pd.isna(value)
        else int(value)
    )


def forecast_divergence(
    series: list[Series],
    names: SourceNames,
    config: ReconcileConfig,
    certainty: Certainty,
) -> Iterator[dict[str, Any]]:
    """Conflicts where a source's own projection misses other sources' forecasts for a year,
    one at a time (a market stated by many sources has many).

    Every projecting series meets every target year of its market (a merge on the market key),
    so the work grows with series x target years; each conflict names at most
    `config.forecast_named_sources` stating sources.
    """
    stated = _stated_by_year(series, config.forecast_named_sources)
    projectors = pd.DataFrame(
        [
            {"key": s.key, "index": i}
            for i, s in enumerate(series)
            if s.rates or len(s.figures) >= 2
        ],
        columns=["key", "index"],
    )
    if stated.empty or projectors.empty:
        return
    units = {s.key: s.unit for s in series}
    told = [
        _told(int(year), float(value), int(n_sources), source_ids, claim_ids, units[key], names)
        for key, year, value, n_sources, source_ids, claim_ids in stated.itertuples(index=False)
    ]
    pairs = projectors.merge(stated[["key", "year"]].assign(told=range(len(told))), on="key")
    pairs = pairs.sort_values(["index", "year"], kind="stable")
    for index, year, position in zip(pairs["index"], pairs["year"], pairs["told"], strict=True):
        own = series[index]
        projection = own.projection(int(year))
        if int(year) in own.figures or projection is None:
            continue
        row = _divergence(own, projection, told[position], names, config, certainty)
        if row is not None:
            yield row


@dataclass(frozen=True, slots=True)
class _Stated:
    """What sources state for one market and target year: their median, how many they are,
    and the sources (all, or those at the median when they are many) with their claims; with
    the words and JSON every conflict over it repeats, made once (a market's year meets every
    projecting series of the market)."""

    year: int
    value: float
    n_sources: int
    claim_ids: list[str]
    others: str
    sentence: str
    median_from: str
    values_json: str


def _told(
    year: int,
    value: float,
    n_sources: int,
    source_ids: list[str],
    claim_ids: list[str],
    unit: str,
    names: SourceNames,
) -> _Stated:
    """A `_Stated` with its words: who states it ('A and B', or '7 sources'), the sentence
    part that says what they state, and its entry in a conflict's values."""
    all_named = len(source_ids) == n_sources
    listed = join_names([names[s] for s in source_ids])
    others = listed if all_named else f"{n_sources} sources"
    median_from = "" if all_named else f"; median from {listed}"
    verb = "says" if n_sources == 1 else "say (median)"
    said: dict[str, Any] = {"source_ids": source_ids}
    if not all_named:
        said["n_sources"] = n_sources
    return _Stated(
        year=year,
        value=value,
        n_sources=n_sources,
        claim_ids=claim_ids,
        others=others,
        sentence=f"{others} {verb} {format_value(value, unit)} for {year}",
        median_from=median_from,
        values_json=canonical_json({**said, "year": year, "value": value, "unit": unit}),
    )


def _stated_by_year(series: list[Series], named: int) -> pd.DataFrame:
    """Per (market key, forecast year): the median of the stating sources' figures, their
    number, and the sources and claims a conflict names (see `_Stated`)."""
    targets = pd.DataFrame(
        [
            (s.key, y, s.source_id, s.figures[y][0], s.figures[y][1])
            for s in series
            for y in sorted(s.forecast_years)
        ],
        columns=["key", "year", "source_id", "value", "claim_ids"],
    )
    columns = ["key", "year", "value", "n_sources", "source_ids", "claim_ids"]
    if targets.empty:
        return pd.DataFrame(columns=columns)
    targets = targets.sort_values(["key", "year", "value", "source_id"], kind="stable")
    by_year = targets.groupby(["key", "year"], sort=True).agg(
        value=("value", "median"), n_sources=("source_id", "size")
    )
    rank = targets.groupby(["key", "year"], sort=True).cumcount().to_numpy()
    size = targets.groupby(["key", "year"], sort=True)["source_id"].transform("size").to_numpy()
    middle = (rank == (size - 1) // 2) | (rank == size // 2)
    shown = targets[(size <= named) | middle]
    listed = shown.groupby(["key", "year"], sort=True).agg(
        source_ids=("source_id", sorted), claim_ids=("claim_ids", _concat)
    )
    return by_year.join(listed).reset_index()[columns]


def _concat(groups: pd.Series) -> list[str]:
    return [i for ids in groups for i in ids]


def _divergence(
    own: Series,
    projection: Projection,
    stated: _Stated,
    names: SourceNames,
    config: ReconcileConfig,
    certainty: Certainty,
) -> dict[str, Any] | None:
    rate, anchor = projection.rate, projection.anchor_year
    anchor_value, anchor_claims = own.figures[anchor]
    year = stated.year
    projected = project_to_year(anchor_value, anchor, rate, year)
    rel = abs(projected - stated.value) / abs(stated.value) if stated.value else float("inf")
    severity = graded(rel, config.forecast_tolerance, config.forecast_error)
    if severity is None:
        return None
    name = names[own.source_id]
    how = (
        f"the {rate:.1f}% annual growth implied by its own figures"
        if projection.implied
        else f"its own {rate:.3g}% annual growth"
    )
    start, end = projection.period
    if projection.inside:
        action = "projected to"
        severity, caveat = weigh_certainty(
            severity,
            [(name, [*anchor_claims, *projection.claim_ids]), (stated.others, stated.claim_ids)],
            certainty,
            config,
        )
    else:
        severity = "info"
        action = "extrapolated to"
        span = f"for {start}-{end}" if end is not None else f"from {start} on"
        caveat = (
            f" This is an extrapolation only: {name}'s rate holds {span}, "
            f"and {year} is outside that period."
        )
    detail = (
        f"{name}'s {anchor} figure of {format_value(anchor_value, own.unit)} {action} {year} "
        f"with {how} gives {format_value(projected, own.unit)}; {stated.sentence} "
        f"({format_fraction(rel)} apart{stated.median_from}).{caveat}"
    )
    projected_values = {
        "source_id": own.source_id,
        "from_year": anchor,
        "from_value": anchor_value,
        "rate_percent": rate,
        "rate_implied": projection.implied,
        "rate_period": [start, end],
        "extrapolated": not projection.inside,
        "year": year,
        "value": projected,
        "unit": own.unit,
    }
    return conflict_row(
        kind="forecast_divergence",
        subject=own.subject,
        attribute=own.attribute,
        claim_ids=[*anchor_claims, *projection.claim_ids, *stated.claim_ids],
        # The values' JSON with the stated side's made once (sorted keys: projected, stated).
        values=f'{{"projected":{canonical_json(projected_values)},"stated":{stated.values_json}}}',
        relative_difference=rel,
        severity=severity,
        detail=detail,
    )

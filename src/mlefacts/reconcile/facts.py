"""Facts: one row per quantity (subject, attribute, identifying qualifiers), with a preferred value.

How the value is chosen (`method`):
- 'single_source': one source states it (the median of its claims, if it repeats itself);
- 'agreement': several sources, all within `value_tolerance` (the median of their values);
- 'most_recent': two sources disagree and `sources` has a `published` date for both: the newer;
- 'median_of_sources': otherwise, the median of the per-source values (each source once).
Claims within `value_tolerance` of the chosen value support it and rank 'preferred'; the others
contradict it and rank 'deprecated' when more sources support than contradict, else 'normal'
(Wikidata statement ranks). Text-only facts (skills, responsibilities) are keyed by their
normalized text, so all their claims support them.
"""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import stable_id

_TEXT_COLUMNS = (
    "claim_id",
    "source_id",
    "subject",
    "attribute",
    "fact_key",
    "unit",
    "text",
    "label",
)
FACT_COLUMNS = [
    "fact_id",
    "subject",
    "attribute",
    "qualifier_key",
    "value",
    "value_high",
    "unit",
    "text",
    "method",
    "n_sources",
    "supporting_claim_ids",
    "contradicting_claim_ids",
    "statuses",
]


def facts(claims: pd.DataFrame, sources: pd.DataFrame, config: ReconcileConfig) -> pd.DataFrame:
    """The facts table from prepared claims (see `keys.prepare_claims`)."""
    if claims.empty:
        return _typed(pd.DataFrame(columns=FACT_COLUMNS))
    slim = pd.DataFrame(
        {
            "gk": claims["skey"]
            + "\x1f"
            + claims["attribute"].astype(str)
            + "\x1f"
            + claims["fact_key"],
            **{c: claims[c].astype(object) for c in _TEXT_COLUMNS},
            "value": claims["value"],
            "value_high": claims["value_high"],
        }
    ).sort_values(["gk", "claim_id"], kind="stable", ignore_index=True)
    per_source = slim.groupby(["gk", "source_id"], sort=True)["value"].median().rename("sv")
    slim = slim.join(_choose(per_source.reset_index(), sources, config), on="gk")
    slim["supports"] = _within(slim["value"], slim["fact_value"], config.value_tolerance)
    value_high = slim.groupby("gk", sort=True)["value_high"].median()
    columns = {c: slim[c].to_numpy(dtype=object) for c in (*_TEXT_COLUMNS, "gk", "method")}
    numbers = {c: slim[c].to_numpy(dtype=float) for c in ("value", "fact_value", "n_sources")}
    supports = slim["supports"].to_numpy(dtype=bool)
    gk = columns["gk"]
    starts = [0, *np.flatnonzero(gk[1:] != gk[:-1]) + 1]
    ends = [*starts[1:], len(gk)]
    rows = [
        _row(columns, numbers, supports, a, b, value_high.at[gk[a]])
        for a, b in zip(starts, ends, strict=True)
    ]
    return (
        _typed(pd.DataFrame(rows, columns=FACT_COLUMNS))
        .sort_values(["subject", "attribute", "qualifier_key"], kind="stable")
        .reset_index(drop=True)
    )


def _choose(
    per_source: pd.DataFrame, sources: pd.DataFrame, config: ReconcileConfig
) -> pd.DataFrame:
    """Per group key: n_sources, fact_value and method."""
    stats = per_source.groupby("gk", sort=True).agg(
        n_sources=("source_id", "nunique"),
        lo=("sv", "min"),
        hi=("sv", "max"),
        median=("sv", "median"),
    )
    spread_ok = _within(stats["lo"], stats["hi"], config.value_tolerance)
    numeric = stats["median"].notna()
    method = np.where(
        stats["n_sources"] == 1,
        "single_source",
        np.where(spread_ok | ~numeric, "agreement", "median_of_sources"),
    )
    chosen = pd.DataFrame(
        {"n_sources": stats["n_sources"], "fact_value": stats["median"], "method": method},
        index=stats.index,
    )
    latest = _most_recent(per_source, sources)
    pick = (
        chosen.index.isin(latest.index)
        & (chosen["method"] == "median_of_sources")
        & (chosen["n_sources"] == 2)
    )
    chosen.loc[pick, "fact_value"] = latest.reindex(chosen.index[pick])
    chosen.loc[pick, "method"] = "most_recent"
    return chosen


def _most_recent(per_source: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Per group key, the value of the single newest source, where every source is dated."""
    if sources is None or "published" not in sources.columns:
        return pd.Series(dtype="float64")
    dates = pd.to_datetime(
        sources.set_index(sources["source_id"].astype(str))["published"], errors="coerce"
    )
    dated = per_source.assign(date=per_source["source_id"].astype(str).map(dates))
    complete = dated["date"].notna().groupby(dated["gk"]).transform("all")
    dated = dated[complete & dated["sv"].notna()]
    newest = dated.groupby("gk")["date"].transform("max")
    top = dated[dated["date"] == newest]
    unique = top.groupby("gk")["source_id"].transform("count") == 1
    return top[unique].set_index("gk")["sv"]


def _within(a: pd.Series, b: pd.Series, tolerance: float) -> pd.Series:
    """Elementwise: a and b within `tolerance` relative to the smaller magnitude (NaN: True)."""
    lo = np.minimum(a.abs(), b.abs())
    gap = (a - b).abs()
    ok = (gap == 0) | (gap <= tolerance * lo)
    return ok | a.isna() | b.isna()


def _row(
    columns: dict[str, np.ndarray],
    numbers: dict[str, np.ndarray],
    supports: np.ndarray,
    a: int,
    b: int,
    value_high: float,
) -> dict[str, object]:
    """One fact from the claims at positions [a, b) (sorted by group key, then claim id)."""
    ids, sources, sup = columns["claim_id"][a:b], columns["source_id"][a:b], supports[a:b]
    support = [i for i, ok in zip(ids, sup, strict=True) if ok]
    against = [i for i, ok in zip(ids, sup, strict=True) if not ok]
    backing = {s for s, ok in zip(sources, sup, strict=True) if ok}
    opposing = {s for s, ok in zip(sources, sup, strict=True) if not ok}
    rank = "deprecated" if len(backing) > len(opposing) else "normal"
    statuses = {i: "preferred" for i in support} | {i: rank for i in against}
    subjects = Counter(columns["subject"][a:b])
    fact_value = numbers["fact_value"][a]
    if np.isnan(fact_value):
        text = columns["label"][a]
    else:
        pool = [k for k in range(a, b) if supports[k]] or list(range(a, b))
        nearest = min(pool, key=lambda k: abs(numbers["value"][k] - fact_value))
        text = columns["text"][nearest]
    unit = columns["unit"][a]
    return {
        "fact_id": stable_id(*str(columns["gk"][a]).split("\x1f")),
        "subject": min(subjects, key=lambda s: (-subjects[s], s)),
        "attribute": columns["attribute"][a],
        "qualifier_key": columns["fact_key"][a],
        "value": fact_value,
        "value_high": value_high,
        "unit": unit if isinstance(unit, str) else None,
        "text": text if isinstance(text, str) else None,
        "method": columns["method"][a],
        "n_sources": int(numbers["n_sources"][a]),
        "supporting_claim_ids": json.dumps(sorted(support)),
        "contradicting_claim_ids": json.dumps(sorted(against)),
        "statuses": json.dumps(statuses, sort_keys=True),
    }


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("value", "value_high"):
        frame[column] = frame[column].astype("float64")
    frame["n_sources"] = frame["n_sources"].astype("int64")
    return frame

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
    frame = claims.assign(
        gk=claims["skey"] + "\x1f" + claims["attribute"].astype(str) + "\x1f" + claims["fact_key"]
    ).sort_values(["gk", "claim_id"], kind="stable")
    per_source = frame.groupby(["gk", "source_id"], sort=True)["value"].median().rename("sv")
    chosen = _choose(per_source.reset_index(), sources, config)
    frame = frame.merge(chosen, left_on="gk", right_index=True, how="left")
    frame["supports"] = _within(frame["value"], frame["fact_value"], config.value_tolerance)
    rows = [_row(gk, group) for gk, group in frame.groupby("gk", sort=True)]
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
    complete = dated.groupby("gk")["date"].transform(lambda d: d.notna().all())
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


def _row(gk: str, group: pd.DataFrame) -> dict[str, object]:
    first = group.iloc[0]
    support = group[group["supports"]]
    against = group[~group["supports"]]
    majority = support["source_id"].nunique() > against["source_id"].nunique()
    statuses = {str(c): "preferred" for c in support["claim_id"]} | {
        str(c): "deprecated" if majority else "normal" for c in against["claim_id"]
    }
    subjects = Counter(group["subject"])
    representative = support if not support.empty else group
    if pd.notna(first["fact_value"]):
        nearest = (representative["value"] - first["fact_value"]).abs().argsort().iloc[0]
        text = representative["text"].iloc[nearest]
    else:
        text = first["label"]
    return {
        "fact_id": stable_id(*gk.split("\x1f")),
        "subject": min(subjects, key=lambda s: (-subjects[s], s)),
        "attribute": first["attribute"],
        "qualifier_key": first["fact_key"],
        "value": first["fact_value"],
        "value_high": group["value_high"].median(),
        "unit": first["unit"] if isinstance(first["unit"], str) else None,
        "text": text if isinstance(text, str) else None,
        "method": first["method"],
        "n_sources": int(first["n_sources"]),
        "supporting_claim_ids": json.dumps(sorted(str(c) for c in support["claim_id"])),
        "contradicting_claim_ids": json.dumps(sorted(str(c) for c in against["claim_id"])),
        "statuses": json.dumps(statuses, sort_keys=True),
    }


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("value", "value_high"):
        frame[column] = frame[column].astype("float64")
    frame["n_sources"] = frame["n_sources"].astype("int64")
    return frame

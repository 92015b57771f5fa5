"""Facts: one row per quantity (subject, attribute, identifying qualifiers), with a preferred value,
and `fact_claims`: how each claim stands in its fact (rank and, when not preferred, why), one row
per claim: a fact's row counts its claims and lists none (a fact that every article states would
make that list grow with the corpus).

How the value is chosen (`method`):
- 'single_source': one source states it (the median of its claims, if it repeats itself);
- 'agreement': several sources, all within `value_tolerance` (the median of their values);
- 'most_recent': two sources disagree and `sources` has a `published` date for both: the newer;
- 'median_of_sources': otherwise, the median of the per-source values (each source once).
A source whose bytes equal an earlier source's (same `content_sha256`, a lower source_id) is one
witness, not two: its claims do not take part in the choice.

Ranks (Wikidata statement ranks: 'deprecated' where there is evidence the claim is wrong or
counted twice, 'normal' where it is only not chosen) and their coded reasons, first rule that
applies:
- deprecated, 'duplicate_content': the claim's source has the same bytes as an earlier source;
- claims within `value_tolerance` of the chosen value support it and are 'preferred', except
  - normal, 'stale_source': its source could not be refreshed and a fresh source supports it;
  - normal, 'arithmetic_inconsistent': it is in one of its source's internal_arithmetic conflicts
    and a claim that is not supports the value;
  (so a fact always has a preferred claim when any claim supports its value);
- claims that contradict the chosen value:
  - normal, 'superseded_by_newer': method 'most_recent' chose the other, newer source;
  - deprecated, 'arithmetic_inconsistent': it is in an internal_arithmetic conflict;
  - normal, 'stale_source': its source could not be refreshed;
  - 'outlier': deprecated when more sources support the value than contradict it, else normal.
Text-only facts (skills, responsibilities) are keyed by their normalized text, so all their
claims support them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mlefacts.contract import TABLE_COLUMNS, stable_id
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import ITEM_UNITS, duplicate_sources

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
FACT_COLUMNS = TABLE_COLUMNS["facts"]
FACT_CLAIM_COLUMNS = TABLE_COLUMNS["fact_claims"]


def facts(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    config: ReconcileConfig,
    *,
    inconsistent: Set[str] = frozenset(),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The facts and fact_claims tables from prepared claims (see `keys.prepare_claims`).

    `inconsistent`: ids of claims in internal_arithmetic conflicts.
    """
    textual = is_textual(claims)
    texts = TextFacts(duplicate_sources(sources))
    texts.add(claims[textual])
    valued, valued_claims = valued_facts(
        claims[~textual], sources, config, inconsistent=inconsistent
    )
    facts_table = texts.joined(valued)
    return facts_table, fact_claims_frame([valued_claims, *texts.fact_claims(inconsistent)])


def is_textual(claims: pd.DataFrame) -> np.ndarray:
    """Prepared claims whose fact is a text: no value, a label, not in an item unit. Their fact
    key holds the label and no valued claim's key does, so no fact mixes them with valued
    claims, and every claim supports its fact (`TextFacts`)."""
    return (
        claims["value"].isna() & claims["label"].notna() & ~claims["unit"].isin(ITEM_UNITS)
    ).to_numpy(dtype=bool)


def fact_key_of(claims: pd.DataFrame) -> pd.Series:
    """Each prepared claim's fact: subject key, attribute and fact key."""
    return claims["skey"] + "\x1f" + claims["attribute"].astype(str) + "\x1f" + claims["fact_key"]


def valued_facts(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    config: ReconcileConfig,
    *,
    inconsistent: Set[str] = frozenset(),
) -> tuple[list[dict[str, object]], pd.DataFrame]:
    """The facts (rows with their key in `_gk`, in key order) and fact_claims (unsorted) of
    the prepared claims that are not `is_textual`."""
    if claims.empty:
        return [], pd.DataFrame(columns=FACT_CLAIM_COLUMNS)
    slim = pd.DataFrame(
        {
            "gk": fact_key_of(claims),
            **{c: claims[c].astype(object) for c in _TEXT_COLUMNS},
            "value": claims["value"],
            "value_high": claims["value_high"],
            "stale": claims["stale"].astype(bool),
        }
    ).sort_values(["gk", "claim_id"], kind="stable", ignore_index=True)
    copies = slim["source_id"].astype(str).isin(duplicate_sources(sources))
    witnessed = (~copies).groupby(slim["gk"]).transform("any")
    slim["duplicate"] = copies & witnessed
    witnesses = slim[~slim["duplicate"]]
    per_source = witnesses.groupby(["gk", "source_id"], sort=True)["value"].median().rename("sv")
    slim = slim.join(_choose(per_source.reset_index(), sources, config), on="gk")
    slim["supports"] = _within(slim["value"], slim["fact_value"], config.value_tolerance)
    slim["inconsistent"] = slim["claim_id"].isin(inconsistent)
    slim["fact_id"] = _fact_ids(slim["gk"].to_numpy(dtype=object))
    slim["rank"], slim["reason"] = _ranks(slim)
    value_high = witnesses.groupby("gk", sort=True)["value_high"].median()
    columns = {
        c: slim[c].to_numpy(dtype=object)
        for c in (*_TEXT_COLUMNS, "gk", "method", "fact_id", "rank")
    }
    numbers = {c: slim[c].to_numpy(dtype=float) for c in ("value", "fact_value", "n_sources")}
    supports, counted = slim["supports"].to_numpy(dtype=bool), ~slim["duplicate"].to_numpy(bool)
    flags = {"support": supports & counted}
    gk = columns["gk"]
    starts = [0, *np.flatnonzero(gk[1:] != gk[:-1]) + 1]
    ends = [*starts[1:], len(gk)]
    rows = [
        {**_row(columns, numbers, flags, a, b, value_high.get(gk[a], np.nan)), "_gk": gk[a]}
        for a, b in zip(starts, ends, strict=True)
    ]
    return rows, slim[FACT_CLAIM_COLUMNS]


def _fact_ids(gk: np.ndarray) -> np.ndarray:
    """Each claim's fact id, hashed once per fact (a fact has many claims)."""
    codes, uniques = pd.factorize(gk)
    ids = np.empty(len(uniques), dtype=object)
    ids[:] = [stable_id(*key.split("\x1f")) for key in uniques]
    return ids[codes]


def _ranks(slim: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per claim, its rank and reason code (None when preferred), by the rules in the module doc."""
    supports, stale, inconsistent = slim["supports"], slim["stale"], slim["inconsistent"]
    counted = supports & ~slim["duplicate"]
    fresh_support = (counted & ~stale).groupby(slim["gk"]).transform("any")
    sound_support = (counted & ~inconsistent).groupby(slim["gk"]).transform("any")
    superseded = (slim["method"] == "most_recent") & (slim["source_id"] != slim["newest_source"])
    backing = slim[supports].groupby("gk")["source_id"].nunique()
    opposing = slim[~supports].groupby("gk")["source_id"].nunique()
    outvoted = slim["gk"].map(backing).fillna(0) > slim["gk"].map(opposing).fillna(0)
    rules = [
        (slim["duplicate"], "deprecated", "duplicate_content"),
        (supports & stale & fresh_support, "normal", "stale_source"),
        (supports & inconsistent & sound_support, "normal", "arithmetic_inconsistent"),
        (supports, "preferred", None),
        (superseded, "normal", "superseded_by_newer"),
        (inconsistent, "deprecated", "arithmetic_inconsistent"),
        (stale, "normal", "stale_source"),
        (outvoted, "deprecated", "outlier"),
    ]
    conditions = [condition.to_numpy(dtype=bool) for condition, _, _ in rules]
    rank = np.select(conditions, [r for _, r, _ in rules], default="normal")
    reason = np.select(conditions, [c for _, _, c in rules], default="outlier")
    return rank.astype(object), reason.astype(object)


_TYPED = {"supports": "bool", "value": "float64"}


def fact_claims_frame(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """fact_claims rows as the table: typed columns, sorted by fact and claim."""
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame = frame.astype({c: "object" for c in FACT_CLAIM_COLUMNS if c not in _TYPED})
    frame = frame.astype(_TYPED)
    frame["unit"] = frame["unit"].where(frame["unit"].map(lambda u: isinstance(u, str)), None)
    return frame.sort_values(["fact_id", "claim_id"], kind="stable").reset_index(drop=True)


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
        {
            "n_sources": stats["n_sources"],
            "fact_value": stats["median"],
            "method": method,
            "newest_source": None,
        },
        index=stats.index,
    )
    latest = _most_recent(per_source, sources)
    pick = (
        chosen.index.isin(latest.index)
        & (chosen["method"] == "median_of_sources")
        & (chosen["n_sources"] == 2)
    )
    newest = latest.reindex(chosen.index[pick])
    chosen["newest_source"] = chosen["newest_source"].astype(object)
    if pick.any():
        chosen.loc[pick, "fact_value"] = newest["sv"].to_numpy(dtype=float)
        chosen.loc[pick, "newest_source"] = newest["source_id"].to_numpy(dtype=object)
        chosen.loc[pick, "method"] = "most_recent"
    return chosen


def _most_recent(per_source: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per group key, the value (sv) and source_id of the single newest source, where every
    source is dated."""
    if sources is None or "published" not in sources.columns:
        return pd.DataFrame(columns=["sv", "source_id"])
    dates = pd.to_datetime(
        sources.set_index(sources["source_id"].astype(str))["published"], errors="coerce"
    )
    dated = per_source.assign(date=per_source["source_id"].astype(str).map(dates))
    complete = dated["date"].notna().groupby(dated["gk"]).transform("all")
    dated = dated[complete & dated["sv"].notna()]
    newest = dated.groupby("gk")["date"].transform("max")
    top = dated[dated["date"] == newest]
    unique = top.groupby("gk")["source_id"].transform("count") == 1
    return top[unique].set_index("gk")[["sv", "source_id"]]


def _within(a: pd.Series, b: pd.Series, tolerance: float) -> pd.Series:
    """Elementwise: a and b within `tolerance` relative to the smaller magnitude (NaN: True)."""
    lo = np.minimum(a.abs(), b.abs())
    gap = (a - b).abs()
    ok = (gap == 0) | (gap <= tolerance * lo)
    return ok | a.isna() | b.isna()


def _row(
    columns: dict[str, np.ndarray],
    numbers: dict[str, np.ndarray],
    flags: dict[str, np.ndarray],
    a: int,
    b: int,
    value_high: float,
) -> dict[str, object]:
    """One fact from the claims at positions [a, b) (sorted by group key, then claim id)."""
    subjects = Counter(columns["subject"][a:b])
    fact_value = numbers["fact_value"][a]
    if np.isnan(fact_value):
        text = columns["label"][a]
    else:
        pool = [k for k in range(a, b) if flags["support"][k]] or list(range(a, b))
        nearest = min(pool, key=lambda k: abs(numbers["value"][k] - fact_value))
        text = columns["text"][nearest]
    unit = columns["unit"][a]
    return {
        "fact_id": columns["fact_id"][a],
        "subject": min(subjects, key=lambda s: (-subjects[s], s)),
        "attribute": columns["attribute"][a],
        "qualifier_key": columns["fact_key"][a],
        "value": fact_value,
        "value_high": value_high,
        "unit": unit if isinstance(unit, str) else None,
        "text": text if isinstance(text, str) else None,
        "method": columns["method"][a],
        "n_sources": int(numbers["n_sources"][a]),
        "n_claims": b - a,
    }


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("value", "value_high"):
        frame[column] = frame[column].astype("float64")
    for column in ("n_sources", "n_claims"):
        frame[column] = frame[column].astype("int64")
    return frame


# Rows of fact_claims `TextFacts.fact_claims` gives at a time.
FACT_CLAIM_CHUNK_ROWS = 20_000


@dataclass(slots=True)
class _TextFact:
    """What one text fact needs of its claims: per claim its id, source, staleness and unit
    (a few pointers, not a frame row); the rest as counts."""

    attribute: str
    fact_key: str
    ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    stale: list[bool] = field(default_factory=list)
    units: list[object] = field(default_factory=list)
    subjects: Counter[str] = field(default_factory=Counter)
    first: tuple[str, object, object] = ("", None, None)  # the lowest claim id, its label, unit
    highs: list[tuple[float, str]] = field(default_factory=list)  # value_high, source


class TextFacts:
    """The facts of `is_textual` claims, fed in any number of chunks (`add`), by the rules of
    the module doc: every claim supports its fact (its value is its text), so a fact's text is
    its first claim's label and only copies, stale and inconsistent claims rank below
    'preferred'. Holds a few pointers a claim (with its id, ~150 bytes), not a frame row
    (~1.5 KB prepared): a fact that every article states (one skill of one role) grows with
    the corpus."""

    def __init__(self, copies: Set[str]) -> None:
        self._copies = copies
        self._facts: dict[str, _TextFact] = {}

    def add(self, claims: pd.DataFrame) -> None:
        """Prepared `is_textual` claims, taken a fact at a time (a fact has many claims: a
        skill of a role that most articles name), in their order within each fact."""
        if claims.empty:
            return
        gk = fact_key_of(claims).to_numpy(dtype=object)
        ids, sources, subjects, attributes, keys, labels, units = (
            claims[c].to_numpy(dtype=object) for c in _TEXT_FACT_COLUMNS
        )
        stale = claims["stale"].to_numpy(dtype=bool)
        highs = claims["value_high"].to_numpy(dtype=float)
        codes, uniques = pd.factorize(gk)
        order = np.argsort(codes, kind="stable")
        sizes = np.bincount(codes, minlength=len(uniques))
        ends = np.cumsum(sizes)
        for key, start, end in zip(uniques, (ends - sizes).tolist(), ends.tolist(), strict=True):
            at = order[start:end]
            first = int(at[0])
            fact = self._facts.get(key)
            if fact is None:
                fact = self._facts[key] = _TextFact(attributes[first], keys[first])
            fact.ids += ids[at].tolist()
            fact.sources += sources[at].tolist()
            fact.stale += stale[at].tolist()
            fact.units += units[at].tolist()
            fact.subjects.update(subjects[at].tolist())
            lowest = int(at[np.argmin(ids[at])])
            if not fact.first[0] or ids[lowest] < fact.first[0]:
                fact.first = (ids[lowest], labels[lowest], units[lowest])
            valued = at[~np.isnan(highs[at])]
            fact.highs += zip(highs[valued].tolist(), sources[valued].tolist(), strict=True)

    def joined(self, valued: list[dict[str, object]]) -> pd.DataFrame:
        """The facts table: these facts and `valued` (`valued_facts`' rows), in the order of
        one frame of every fact."""
        rows = [self._row(gk, fact) for gk, fact in sorted(self._facts.items())]
        both = _typed(pd.DataFrame([*valued, *rows], columns=[*FACT_COLUMNS, "_gk"]))
        return (
            both.sort_values(["subject", "attribute", "qualifier_key", "_gk"], kind="stable")
            .drop(columns="_gk")
            .reset_index(drop=True)
        )

    def fact_claims(
        self, inconsistent: Set[str], rows: int = FACT_CLAIM_CHUNK_ROWS
    ) -> Iterator[pd.DataFrame]:
        """Their fact_claims rows (unsorted), `rows` at a time (columns extended a fact at a
        time, cut at every `rows` rows)."""
        held: dict[str, list[object]] = {c: [] for c in FACT_CLAIM_COLUMNS}
        for gk, fact in sorted(self._facts.items()):
            n = len(fact.ids)
            ranks, reasons = zip(*self._ranks(fact, inconsistent), strict=True)
            for column, values in zip(
                FACT_CLAIM_COLUMNS,
                (
                    [stable_id(*gk.split("\x1f"))] * n,
                    fact.ids,
                    fact.sources,
                    ranks,
                    reasons,
                    [True] * n,
                    [np.nan] * n,
                    fact.units,
                ),
                strict=True,
            ):
                held[column] += values
            while len(held["claim_id"]) >= rows:
                yield _object_frame({c: values[:rows] for c, values in held.items()})
                held = {c: values[rows:] for c, values in held.items()}
        if held["claim_id"]:
            yield _object_frame(held)

    def _duplicates(self, fact: _TextFact) -> list[bool]:
        """Per claim: its source copies another and some claim of the fact is not a copy."""
        copies = [source in self._copies for source in fact.sources]
        return [False] * len(copies) if all(copies) else copies

    def _ranks(self, fact: _TextFact, ids: Set[str]) -> list[tuple[str, str | None]]:
        duplicate = self._duplicates(fact)
        inconsistent = [claim_id in ids for claim_id in fact.ids]
        counted = [not d for d in duplicate]
        fresh = any(c and not s for c, s in zip(counted, fact.stale, strict=True))
        sound = any(c and not i for c, i in zip(counted, inconsistent, strict=True))
        ranks: list[tuple[str, str | None]] = []
        for d, s, i in zip(duplicate, fact.stale, inconsistent, strict=True):
            if d:
                ranks.append(("deprecated", "duplicate_content"))
            elif s and fresh:
                ranks.append(("normal", "stale_source"))
            elif i and sound:
                ranks.append(("normal", "arithmetic_inconsistent"))
            else:
                ranks.append(("preferred", None))
        return ranks

    def _row(self, gk: str, fact: _TextFact) -> dict[str, object]:
        duplicate = self._duplicates(fact)
        witnesses = {s for s, d in zip(fact.sources, duplicate, strict=True) if not d}
        highs = [h for h, source in fact.highs if source in witnesses]
        _, label, unit = fact.first
        return {
            "fact_id": stable_id(*gk.split("\x1f")),
            "subject": min(fact.subjects, key=lambda s: (-fact.subjects[s], s)),
            "attribute": fact.attribute,
            "qualifier_key": fact.fact_key,
            "value": np.nan,
            "value_high": float(np.median(highs)) if highs else np.nan,
            "unit": unit if isinstance(unit, str) else None,
            "text": label if isinstance(label, str) else None,
            "method": "single_source" if len(witnesses) == 1 else "agreement",
            "n_sources": len(witnesses),
            "n_claims": len(fact.ids),
            "_gk": gk,
        }


def _object_frame(columns: dict[str, list[object]]) -> pd.DataFrame:
    """Columns of Python values as object columns (None stays None)."""
    return pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})


_TEXT_FACT_COLUMNS = ("claim_id", "source_id", "subject", "attribute", "fact_key", "label", "unit")

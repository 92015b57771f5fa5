"""Matching keys: what makes two claims statements about the same quantity, whatever the wording.

Extractors already normalize subjects; this is a second, order- and stopword-tolerant pass plus
canonical qualifier keys, so matching is a pandas groupby on a string, never a pairwise search.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.names import SourceNames, source_name
from mlefacts.toml_files import load_data

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_TOKEN = re.compile(r"[a-z0-9+#]+")
USD = "USD"


def _vocabulary() -> dict[str, Any]:
    return load_data("reconcile_keys")


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal content, equal string."""
    return _CANONICAL.encode(value)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; dots are dropped first so 'U.S.' reads 'us'."""
    return _TOKEN.findall(text.casefold().replace(".", ""))


@lru_cache(maxsize=65536)
def subject_key(subject: str) -> str:
    """Order- and stopword-insensitive form of a subject.

    >>> subject_key("Worldwide ML market") == subject_key("the global machine learning market")
    True
    """
    vocab = _vocabulary()
    aliases: dict[str, str] = vocab["subject_aliases"]
    stop = set(vocab["subject_stopwords"])
    expanded = [part for tok in tokens(subject) for part in aliases.get(tok, tok).split()]
    return " ".join(sorted({tok for tok in expanded if tok not in stop}))


@lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """Case- and punctuation-insensitive form of a short text (skill names, categories)."""
    return " ".join(tokens(text))


def qualifier_value(key: str, value: Any) -> Any:
    """Normalize one qualifier value: numbers as int, text through `text_key` and aliases."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else float(value)
    normalized = text_key(str(value))
    return _vocabulary().get("qualifier_aliases", {}).get(key, {}).get(normalized, normalized)


def parse_qualifiers(raw: Any) -> dict[str, Any]:
    """The qualifiers JSON object string as a dict ({} for missing or empty)."""
    if isinstance(raw, dict):
        return raw
    if raw is None or (isinstance(raw, float) and pd.isna(raw)) or raw == "":
        return {}
    return json.loads(raw)


def is_money(unit: Any) -> bool:
    """ISO 4217 codes (three upper-case letters) are money; the contract's other units are
    lower-case words ('percent', 'ratio', 'count', 'rank', 'years')."""
    return isinstance(unit, str) and len(unit) == 3 and unit.isalpha() and unit.isupper()


@lru_cache(maxsize=4)
def fx_rates(path: Path | None = None) -> pd.DataFrame:
    """The dated exchange-rate table (currency -> usd_per_unit, as_of, origin)."""
    table = pd.read_csv(path or DATA_DIR / "fx_rates.csv", comment="#", dtype={"as_of": str})
    return table.set_index("currency")


def fx_note(currency: str, rates: pd.DataFrame) -> str:
    """How a currency was converted, for a conflict's detail sentence."""
    row = rates.loc[currency]
    return f"1 {currency} = {row.usd_per_unit:g} USD ({row.origin}, as of {row.as_of})"


_PERIOD_KEYS = frozenset({"period_start", "period_end"})
_SCOPE_KEYS = frozenset({"region", "country"})


def identifying_qualifiers(
    qualifiers: dict[str, Any], attribute: str, config: ReconcileConfig
) -> dict[str, Any]:
    """The qualifiers that distinguish one quantity from another, normalized.

    Periods identify only quantities measured over a period (growth rates); a 'global' region
    identifies nothing the subject does not already say.
    """
    periodic = attribute in config.period_attributes
    unscoped = _unscoped_regions()
    found = {}
    for k in config.identifying_qualifiers:
        value = qualifiers.get(k)
        if value is None or value == "" or not (periodic or k not in _PERIOD_KEYS):
            continue
        value = qualifier_value(k, value)
        if not (k in _SCOPE_KEYS and value in unscoped):
            found[k] = value
    return found


@lru_cache(maxsize=1)
def _unscoped_regions() -> frozenset[str]:
    """Regions that scope nothing ('global'), read once: `identifying_qualifiers` runs once
    per distinct qualifiers."""
    return frozenset(_vocabulary()["unscoped_regions"])


def source_names(sources: pd.DataFrame) -> SourceNames:
    """source_id -> `source_name` of each source (title, else publisher, else URI)."""
    names = SourceNames()
    if sources is None or sources.empty:
        return names
    missing = pd.Series(None, index=sources.index, dtype=object)
    columns = [sources.get(c, missing) for c in ("title", "publisher", "uri")]
    for sid, *parts in zip(sources["source_id"], *columns, strict=True):
        names[str(sid)] = source_name(*parts)
    return names


def duplicate_sources(sources: pd.DataFrame) -> frozenset[str]:
    """Sources whose bytes (`content_sha256`) equal those of a source with a lower id: the same
    content under another URI is one witness, the lowest id.

    >>> frame = pd.DataFrame({"source_id": ["b", "a", "c"], "content_sha256": ["h", "h", None]})
    >>> sorted(duplicate_sources(frame))
    ['b']
    """
    if sources is None or "content_sha256" not in sources.columns:
        return frozenset()
    hashed = sources[sources["content_sha256"].notna()].sort_values("source_id")
    return frozenset(hashed.loc[hashed["content_sha256"].duplicated(), "source_id"].astype(str))


# Units whose value is a position of a named item in a list: the item (the claim's label) is
# part of what the claim is about, so 'Python ranks 1st' and 'Java ranks 3rd' are two facts.
ITEM_UNITS = frozenset({"rank"})

_PREPARED_COLUMNS = (
    "claim_id",
    "source_id",
    "kind",
    "subject",
    "attribute",
    "value",
    "value_high",
    "unit",
    "text",
    "year",
)

# Every claims column reconcile reads (what `prepare_claims` takes): the others, quotes first,
# need not be loaded.
CLAIM_COLUMNS = (*_PREPARED_COLUMNS, "qualifiers", "attributed_to", "context", "stale")


def group_codes(*columns: Any) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the code of its combination of values (missing is a value like any other), and
    the first row holding each code: work done once per distinct combination, not per row.

    >>> group_codes(["a", "b", "a"], [1, 1, 1])
    (array([0, 1, 0]), array([0, 1]))
    """
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(_factorizable(column), use_na_sentinel=False)
        combined, _ = pd.factorize(combined * (len(uniques) + 1) + codes)
    # Codes number the combinations in order of appearance: a row is its code's first when
    # its code exceeds every earlier one (one pass, where np.unique sorted).
    earlier = np.maximum.accumulate(combined)
    first = np.flatnonzero(np.concatenate((combined[:1] >= 0, combined[1:] > earlier[:-1])))
    return combined, first


def _factorizable(column: Any) -> np.ndarray:
    """Integer and boolean arrays as they are (codes of an earlier `group_codes`: hashed as
    numbers, several times faster than as Python objects), anything else as objects."""
    array = np.asarray(column)
    return array if array.dtype.kind in "biu" else np.asarray(column, dtype=object)


def per_unique(function: Callable[[int], Any], *columns: Any) -> pd.Series:
    """`function(row)` evaluated on the first row of each distinct combination of `columns`,
    spread to every row (an object Series sharing the results; object, not inferred strings,
    so that row-wise reads stay cheap)."""
    codes, first = group_codes(*columns)
    results = np.empty(len(first), dtype=object)
    results[:] = [function(int(row)) for row in first]
    return pd.Series(results[codes], dtype=object)


def prepare_claims(
    claims: pd.DataFrame, config: ReconcileConfig, *, fx_path: Path | None = None
) -> pd.DataFrame:
    """Claims plus the keys every reconcile check groups on.

    Added columns: `stale` (False where the claims have no such column), `attributed` (a
    named origin in `attributed_to`), `contextual` (a `context` is given), `q` (qualifiers
    dict), `skey` (subject key), `idq` (identifying qualifiers), `label` (qualifiers.canonical,
    else text), `fact_key` (canonical JSON of year, unit, identifying qualifiers and, for claims
    without a value or in an item unit such as a rank, the normalized label),
    `cmp_unit`/`cmp_value` (money converted to USD when the rate table knows the currency), `fx`
    (the conversion note) and `cmp_key` (like `fact_key` but in the comparison unit, so salaries
    in two currencies meet only through the rate table). Each is computed once per distinct
    input (qualifier string, subject, unit, key parts) and shared by the rows that have it.
    """
    frame = pd.DataFrame(
        {
            column: claims[column].to_numpy(dtype=object)
            for column in _PREPARED_COLUMNS
            if column not in ("value", "value_high", "year")
        },
        dtype=object,
    )
    frame["year"] = pd.to_numeric(claims["year"], errors="coerce").astype("Int64").array
    for column in ("value", "value_high"):
        frame[column] = pd.to_numeric(claims[column], errors="coerce").astype("float64").to_numpy()
    frame = frame[list(_PREPARED_COLUMNS)]
    absent = pd.Series(None, index=claims.index, dtype=object)
    stale = claims["stale"] if "stale" in claims.columns else absent
    frame["stale"] = stale.fillna(False).astype(bool).to_numpy()
    origin = claims.get("attributed_to", absent).to_numpy(dtype=object)
    frame["attributed"] = per_unique(
        lambda row: isinstance(origin[row], str) and bool(origin[row].strip()), origin
    ).to_numpy(dtype=bool)
    frame["contextual"] = claims.get("context", absent).notna().to_numpy(dtype=bool)

    raw = claims["qualifiers"].to_numpy(dtype=object)
    # The qualifier strings are hashed once; the keys read from them group on their codes.
    qualifiers, _ = group_codes(raw)
    frame["q"] = per_unique(lambda row: parse_qualifiers(raw[row]), qualifiers)
    q = frame["q"].to_numpy()
    subjects = frame["subject"].to_numpy()
    frame["skey"] = per_unique(lambda row: subject_key(str(subjects[row])), subjects)
    periodic = frame["attribute"].isin(config.period_attributes).to_numpy()
    attributes = frame["attribute"].to_numpy()
    frame["idq"] = per_unique(
        lambda row: identifying_qualifiers(q[row], str(attributes[row]), config),
        qualifiers,
        periodic,
    )
    idq = frame["idq"].to_numpy()

    rates = fx_rates(fx_path)
    per_unit = {str(c): float(r) for c, r in rates["usd_per_unit"].items()}
    units = frame["unit"].to_numpy()
    # The units are hashed once too (four keys read them).
    unit_code, _ = group_codes(units)
    convertible = per_unique(lambda row: is_money(units[row]) and units[row] in per_unit, unit_code)
    convertible = convertible.to_numpy(dtype=bool)
    frame["cmp_unit"] = pd.Series(np.where(convertible, USD, units), dtype=object)
    factors = per_unique(lambda row: per_unit[units[row]] if convertible[row] else 1.0, unit_code)
    frame["cmp_value"] = frame["value"] * factors.to_numpy(dtype="float64")
    frame["fx"] = per_unique(
        lambda row: fx_note(units[row], rates) if convertible[row] and units[row] != USD else None,
        unit_code,
    )
    texts = frame["text"].to_numpy()
    frame["label"] = per_unique(
        lambda row: q[row].get("canonical") or _text_or_none(texts[row]), qualifiers, texts
    )
    itemized = frame["value"].isna() | frame["unit"].isin(ITEM_UNITS)
    keyed_label = np.where(itemized.to_numpy(), frame["label"].to_numpy(), None)
    years = frame["year"].to_numpy()
    idq_code, _ = group_codes(
        per_unique(lambda row: canonical_json(idq[row]), qualifiers, periodic)
    )
    # What both keys share (year, identifying qualifiers, label) is grouped once, on integer
    # codes: the year coded from its Int64 array, not as Python objects.
    year_code, _ = pd.factorize(frame["year"].array, use_na_sentinel=False)
    shared, _ = group_codes(year_code, idq_code, keyed_label)
    cmp_units = frame["cmp_unit"].to_numpy()
    for column, unit, code in (("fact_key", units, unit_code), ("cmp_key", cmp_units, cmp_units)):
        frame[column] = per_unique(
            lambda row, unit=unit: _key(years[row], unit[row], idq[row], keyed_label[row]),
            shared,
            code,
        )
    return frame


def _text_or_none(text: Any) -> str | None:
    return text if isinstance(text, str) else None


def _key(year: Any, unit: Any, idq: dict[str, Any], text: Any) -> str:
    """The canonical key; `text` is the label of a claim without a value, else None."""
    key: dict[str, Any] = dict(idq)
    if not pd.isna(year):
        key["year"] = int(year)
    if isinstance(unit, str):
        key["unit"] = unit
    if isinstance(text, str):
        key["text"] = text_key(text)
    return canonical_json(key)

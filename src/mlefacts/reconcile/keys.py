"""Matching keys: what makes two claims statements about the same quantity, whatever the wording.

Extractors already normalize subjects; this is a second, order- and stopword-tolerant pass plus
canonical qualifier keys, so matching is a pandas groupby on a string, never a pairwise search.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from mlefacts.reconcile.config import ReconcileConfig

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_TOKEN = re.compile(r"[a-z0-9+#]+")
USD = "USD"


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return tomllib.loads((DATA_DIR / "reconcile_keys.toml").read_text(encoding="utf-8"))


def stable_id(*parts: str) -> str:
    """A short deterministic id from its parts (same parts, same id, on every machine)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal content, equal string."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
    unscoped = set(_vocabulary()["unscoped_regions"])
    found = {
        k: qualifier_value(k, qualifiers[k])
        for k in config.identifying_qualifiers
        if qualifiers.get(k) is not None
        and qualifiers.get(k) != ""
        and (periodic or k not in _PERIOD_KEYS)
    }
    return {k: v for k, v in found.items() if not (k in _SCOPE_KEYS and v in unscoped)}


def source_names(sources: pd.DataFrame) -> dict[str, str]:
    """source_id -> how a sentence names it: its quoted title, or the id when untitled."""
    if sources is None or sources.empty:
        return {}
    titles = sources["title"] if "title" in sources else pd.Series(None, index=sources.index)
    names: dict[str, str] = {}
    for sid, title in zip(sources["source_id"], titles, strict=True):
        names[str(sid)] = f'"{title}"' if isinstance(title, str) and title.strip() else str(sid)
    return names


def prepare_claims(
    claims: pd.DataFrame, config: ReconcileConfig, *, fx_path: Path | None = None
) -> pd.DataFrame:
    """Claims plus the keys every reconcile check groups on.

    Added columns: `q` (qualifiers dict), `skey` (subject key), `idq` (identifying qualifiers),
    `label` (qualifiers.canonical, else text), `fact_key` (canonical JSON of year, unit,
    identifying qualifiers and, for claims without a value, the normalized label),
    `cmp_unit`/`cmp_value` (money converted to USD when the rate table knows the currency), `fx`
    (the conversion note) and `cmp_key` (like `fact_key` but in the comparison unit, so salaries
    in two currencies meet only through the rate table).
    """
    frame = claims.reset_index(drop=True).copy()
    for column in frame.columns:
        if column not in ("value", "value_high", "year", "char_start", "char_end"):
            frame[column] = frame[column].astype(object)
    frame["q"] = [parse_qualifiers(raw) for raw in frame["qualifiers"]]
    frame["skey"] = [subject_key(str(s)) for s in frame["subject"]]
    frame["idq"] = [
        identifying_qualifiers(q, str(attribute), config)
        for q, attribute in zip(frame["q"], frame["attribute"], strict=True)
    ]
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    frame["value_high"] = pd.to_numeric(frame["value_high"], errors="coerce").astype("float64")

    rates = fx_rates(fx_path)
    per_unit = {str(c): float(r) for c, r in rates["usd_per_unit"].items()}
    notes = {c: fx_note(c, rates) for c in per_unit if c != USD}
    units = frame["unit"]
    convertible = [is_money(u) and u in per_unit for u in units]
    frame["cmp_unit"] = [USD if conv else u for u, conv in zip(units, convertible, strict=True)]
    frame["cmp_value"] = frame["value"] * [
        per_unit[u] if conv else 1.0 for u, conv in zip(units, convertible, strict=True)
    ]
    frame["fx"] = [
        notes.get(u) if conv else None for u, conv in zip(units, convertible, strict=True)
    ]
    frame["label"] = [
        q.get("canonical") or (text if isinstance(text, str) else None)
        for q, text in zip(frame["q"], frame["text"], strict=True)
    ]
    frame["fact_key"] = [
        _key(year, unit, idq, label, value)
        for year, unit, idq, label, value in zip(
            frame["year"], units, frame["idq"], frame["label"], frame["value"], strict=True
        )
    ]
    frame["cmp_key"] = [
        _key(year, unit, idq, label, value)
        for year, unit, idq, label, value in zip(
            frame["year"],
            frame["cmp_unit"],
            frame["idq"],
            frame["label"],
            frame["value"],
            strict=True,
        )
    ]
    return frame


def _key(year: Any, unit: Any, idq: dict[str, Any], text: Any, value: float) -> str:
    key: dict[str, Any] = dict(idq)
    if not pd.isna(year):
        key["year"] = int(year)
    if isinstance(unit, str):
        key["unit"] = unit
    if pd.isna(value) and isinstance(text, str):
        key["text"] = text_key(text)
    return canonical_json(key)

"""The conflicts table, and the first kind of conflict: sources stating different values.

A conflict row gives the compared values after normalization, a relative difference and a
severity decided by the thresholds in `ReconcileConfig`, and one plain sentence with the numbers;
`conflict_claims` names every claim involved, one row each (a row naming them all grew with the
corpus).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import numpy as np
import pandas as pd

from mlefacts.contract import TABLE_COLUMNS, stable_id
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.describe import format_fraction, format_value, join_names
from mlefacts.reconcile.keys import canonical_json
from mlefacts.reconcile.names import SourceNames

Severity = Literal["info", "warning", "error"]
ConflictKind = Literal[
    "cross_source_value",
    "forecast_divergence",
    "internal_arithmetic",
    "breakdown_sum",
    "qualitative_disagreement",
]
CONFLICT_COLUMNS = TABLE_COLUMNS["conflicts"]
CONFLICT_CLAIM_COLUMNS = TABLE_COLUMNS["conflict_claims"]
# Rows of conflict_claims `conflict_claims` gives at a time.
CONFLICT_CLAIM_CHUNK_ROWS = 20_000
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_T = TypeVar("_T")
# Ranks come from lists with different scopes (most in-demand, most paid, ...): a different rank
# is not a contradiction of a number, so ranks are not compared across sources.
_NOT_COMPARED_UNITS = frozenset({"rank"})


def conflict_row(
    *,
    kind: ConflictKind,
    subject: str,
    attribute: str,
    claim_ids: list[str],
    values: str,
    relative_difference: float | None,
    severity: Severity,
    detail: str,
) -> dict[str, Any]:
    """One conflict; its id depends only on the kind and the claims involved. The row keeps
    their ids under `claim_ids` (no column of the table) for `conflict_claims`. `values` is
    the compared values' `canonical_json` (a check may encode parts many conflicts share once)."""
    ids = sorted(set(claim_ids))
    return {
        "conflict_id": stable_id(kind, *ids),
        "kind": kind,
        "subject": subject,
        "attribute": attribute,
        "n_claims": len(ids),
        "claim_ids": ids,
        "values": values,
        "relative_difference": relative_difference,
        "severity": severity,
        "detail": detail,
    }


def conflicts_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as the conflicts table: typed columns, most severe first, then stable order."""
    frame = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    frame["relative_difference"] = frame["relative_difference"].astype("float64")
    frame["n_claims"] = frame["n_claims"].astype("int64")
    for column in CONFLICT_COLUMNS:
        if column not in ("relative_difference", "n_claims"):
            frame[column] = frame[column].astype("object")
    if frame.empty:
        return frame.reset_index(drop=True)
    order = frame["severity"].map(_SEVERITY_ORDER)
    frame = frame.assign(_order=order).sort_values(
        ["_order", "kind", "subject", "attribute", "conflict_id"], kind="stable"
    )
    return frame.drop(columns="_order").drop_duplicates("conflict_id").reset_index(drop=True)


def conflict_claims(
    rows: Iterable[dict[str, Any]],
    claims: pd.DataFrame,
    size: int = CONFLICT_CLAIM_CHUNK_ROWS,
) -> Iterator[pd.DataFrame]:
    """The conflict_claims rows of conflict `rows` (`conflict_row`'s), `size` at a time, each
    sorted by conflict and claim; one empty frame when there are none (a run's table has at
    least one file). A claim's source and compared value (`cmp_value`, `cmp_unit`) are looked
    up in the prepared `claims`; a conflict given twice is listed once."""
    compared = claims.set_index("claim_id")[["source_id", "cmp_value", "cmp_unit"]]
    seen: set[str] = set()
    conflict_ids: list[str] = []
    claim_ids: list[str] = []
    given = 0
    for row in rows:
        if row["conflict_id"] in seen:
            continue
        seen.add(row["conflict_id"])
        for claim_id in row["claim_ids"]:
            conflict_ids.append(row["conflict_id"])
            claim_ids.append(claim_id)
            if len(claim_ids) >= size:
                yield _links(conflict_ids, claim_ids, compared)
                conflict_ids, claim_ids = [], []
                given += 1
    if claim_ids or not given:
        yield _links(conflict_ids, claim_ids, compared)


def _links(conflict_ids: list[str], claim_ids: list[str], compared: pd.DataFrame) -> pd.DataFrame:
    found = compared.reindex(pd.Index(claim_ids, dtype=object))
    frame = pd.DataFrame(
        {
            "conflict_id": pd.Series(conflict_ids, dtype=object),
            "claim_id": pd.Series(claim_ids, dtype=object),
            "source_id": found["source_id"].to_numpy(dtype=object),
            "value": found["cmp_value"].to_numpy(dtype="float64"),
            "unit": found["cmp_unit"].to_numpy(dtype=object),
        },
        columns=CONFLICT_CLAIM_COLUMNS,
    )
    return frame.sort_values(["conflict_id", "claim_id"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True, slots=True)
class Certainty:
    """Which claims name their origin and which took their subject from context (see
    `ReconcileConfig.sure_sides_for_error`)."""

    attributed: frozenset[str] = frozenset()
    contextual: frozenset[str] = frozenset()

    @classmethod
    def of(cls, claims: pd.DataFrame) -> Certainty:
        """From prepared claims (columns `attributed` and `contextual`)."""
        ids = claims["claim_id"].astype(str)
        return cls(frozenset(ids[claims["attributed"]]), frozenset(ids[claims["contextual"]]))

    def doubts(self, claim_ids: Iterable[str]) -> list[str]:
        """Why one side (the claims behind one source's figure) is not sure; empty if it is."""
        ids = list(claim_ids)
        found = []
        if not any(i in self.attributed for i in ids):
            found.append("names no origin for its figure")
        if ids and all(i in self.contextual for i in ids):
            found.append("took its subject from the surrounding context")
        return found


def weigh_certainty(
    severity: Severity,
    sides: list[tuple[str, Iterable[str]]],
    certainty: Certainty,
    config: ReconcileConfig,
) -> tuple[Severity, str]:
    """The severity capped by how sure the sides (name, claim ids) are, and the sentence that
    says so (empty when nothing changed)."""
    if severity != "error":
        return severity, ""
    unsure = [(name, found) for name, ids in sides if (found := certainty.doubts(ids))]
    if len(sides) - len(unsure) >= config.sure_sides_for_error:
        return severity, ""
    why = "; ".join(f"{name} {' and '.join(found)}" for name, found in unsure)
    return "warning", f" A warning, not an error: {why}."


def graded(difference: float, tolerance: float, error: float) -> Severity | None:
    """None within tolerance, 'warning' up to the error threshold, 'error' beyond."""
    if difference <= tolerance:
        return None
    return "warning" if difference <= error else "error"


def relative_spread(low: float, high: float) -> float:
    """How far apart two values are, relative to the smaller magnitude: (high - low) / low."""
    if high == low:
        return 0.0
    base = min(abs(low), abs(high))
    return (high - low) / base if base > 0 else float("inf")


def qualifier_phrase(key_json: str) -> str:
    """'for 2025 (region global, statistic mean)' from a canonical key."""
    key = json.loads(key_json)
    year = key.pop("year", None)
    key.pop("unit", None)
    key.pop("text", None)
    parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(key.items()))
    return " ".join(
        p for p in (f"for {year}" if year is not None else "", f"({parts})" if parts else "") if p
    )


def cross_source_value(
    claims: pd.DataFrame,
    names: SourceNames,
    config: ReconcileConfig,
    certainty: Certainty,
) -> list[dict[str, Any]]:
    """The same quantity (subject, attribute, key) from several sources, too far apart.

    Each source counts once (the median of its own claims for the key), so an article repeating
    a figure in prose and in a table does not outvote another article.
    """
    numeric = claims[claims["cmp_value"].notna() & ~claims["unit"].isin(_NOT_COMPARED_UNITS)]
    if numeric.empty:
        return []
    keys = ["skey", "attribute", "cmp_key"]
    per_source = numeric.groupby([*keys, "source_id"], sort=True)["cmp_value"].median()
    spread = per_source.groupby(level=keys).agg(["min", "max", "count"])
    spread = spread[spread["count"] >= 2]
    if spread.empty:
        return []
    spread["rel"] = [
        relative_spread(lo, hi) for lo, hi in zip(spread["min"], spread["max"], strict=True)
    ]
    flagged = spread[spread["rel"] > config.value_tolerance]
    if flagged.empty:
        return []
    members = numeric.merge(flagged.reset_index()[[*keys, "rel"]], on=keys)
    members = members.sort_values([*keys, "source_id", "claim_id"], kind="stable")
    stated = per_source.rename("source_value").reset_index()
    members = members.merge(stated, on=[*keys, "source_id"])
    cols = {c: members[c].to_numpy(dtype=object) for c in _MEMBER_COLUMNS}
    rows = []
    for positions in members.groupby(keys, sort=True).indices.values():
        rows.append(_cross_source_row(cols, positions, names, config, certainty))
    return rows


_MEMBER_COLUMNS = (
    "claim_id",
    "source_id",
    "subject",
    "attribute",
    "cmp_key",
    "cmp_unit",
    "cmp_value",
    "source_value",
    "value",
    "unit",
    "year",
    "fx",
    "rel",
)


def _cross_source_row(
    cols: dict[str, Any],
    positions: Any,
    names: SourceNames,
    config: ReconcileConfig,
    certainty: Certainty,
) -> dict[str, Any]:
    """One conflict from the member claims at `positions` (one key, several sources)."""
    first = int(positions[0])
    cmp_unit = cols["cmp_unit"][first]
    rel = float(cols["rel"][first])
    nearest: dict[str, int] = {}
    for k in positions:
        source = str(cols["source_id"][k])
        best = nearest.get(source)
        gap = abs(cols["cmp_value"][k] - cols["source_value"][k])
        if best is None or gap < abs(cols["cmp_value"][best] - cols["source_value"][best]):
            nearest[source] = int(k)
    ordered = sorted(nearest.items(), key=lambda item: (cols["source_value"][item[1]], item[0]))
    listed = named_extremes(ordered, config.conflict_named_sources)
    values: dict[str, Any] = {}
    said: list[str] = []
    notes: set[str] = set()
    for source, k in listed:
        value = float(cols["source_value"][k])
        entry: dict[str, Any] = {"value": value, "unit": cmp_unit, "year": _year(cols["year"][k])}
        shown = format_value(value, cmp_unit)
        if isinstance(cols["fx"][k], str):
            entry |= {
                "stated_value": cols["value"][k],
                "stated_unit": cols["unit"][k],
                "fx": cols["fx"][k],
            }
            notes.add(cols["fx"][k])
            shown = f"{format_value(cols['value'][k], cols['unit'][k])} ({shown})"
        values[source] = entry
        said.append(f"{names[source]} says {shown}")
    severity = graded(rel, config.value_tolerance, config.value_error) or "warning"
    extremes = dict.fromkeys([ordered[0][0], ordered[-1][0]])
    claims_of = {
        source: [str(cols["claim_id"][k]) for k in positions if cols["source_id"][k] == source]
        for source in extremes
    }
    severity, caveat = weigh_certainty(
        severity, [(names[s], claims_of[s]) for s in extremes], certainty, config
    )
    attribute = str(cols["attribute"][first])
    phrase = qualifier_phrase(cols["cmp_key"][first])
    fx_part = f"; converted at {'; '.join(sorted(notes))}" if notes else ""
    rest, unlisted = "", len(ordered) - len(listed)
    if unlisted:
        median = float(np.median([cols["source_value"][k] for _, k in ordered]))
        others = "1 other source lies" if unlisted == 1 else f"{unlisted:,} other sources lie"
        rest = f"; {others} between them, median {format_value(median, cmp_unit)}"
    detail = (
        f"Sources disagree on the {attribute.replace('_', ' ')} of {cols['subject'][first]}"
        f"{' ' + phrase if phrase else ''}: {join_names(said)}{rest} "
        f"({format_fraction(rel)} apart{fx_part}).{caveat}"
    )
    return conflict_row(
        kind="cross_source_value",
        subject=str(cols["subject"][first]),
        attribute=attribute,
        claim_ids=[str(cols["claim_id"][k]) for k in positions],
        values=canonical_json(values),
        relative_difference=rel,
        severity=severity,
        detail=detail,
    )


def named_extremes(ordered: list[_T], named: int) -> list[_T]:
    """Every item of `ordered` when they are at most `named`, else the first half of `named`
    and the last (at least one of each): a conflict names the ends of its range.

    >>> named_extremes(list("abcdefgh"), 5)
    ['a', 'b', 'f', 'g', 'h']
    """
    if len(ordered) <= named:
        return ordered
    low = max(1, named // 2)
    return ordered[:low] + ordered[len(ordered) - max(1, named - low) :]


def _year(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)

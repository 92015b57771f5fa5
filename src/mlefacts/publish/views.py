"""Typed views over `claims`: one per kind of fact, with the useful qualifiers as columns.

Each view is generated from a spec (which kinds, which columns, which qualifiers), so every view
shares the same provenance columns and the same JSON extraction. A qualifier's SQL type is its
type in `COMMON_QUALIFIERS`, the same as in the `claims.common_qualifiers` STRUCT; the views read
the JSON so that they also work over snapshots published before that column existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlefacts.contract import COMMON_QUALIFIERS

_SQL_TYPES = {"string": "VARCHAR", "integer": "INTEGER", "boolean": "BOOLEAN"}

# Columns every typed view starts with: what the claim is and where it was read.
_HEAD = ("claim_id", "source_id", "kind", "subject", "attribute")
_TAIL = (
    "as_of",
    "context",
    "attributed_to",
    "quote",
    "char_start",
    "char_end",
    "extractor",
    "run_id",
    "stale",
)


@dataclass(frozen=True, slots=True)
class TypedView:
    """A view over claims of some kinds: claim columns ('col AS name' renames) and qualifiers."""

    name: str
    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    qualifiers: tuple[str, ...]


TYPED_VIEWS: tuple[TypedView, ...] = (
    TypedView("responsibilities", ("responsibility",), ("text",), ("theme",)),
    TypedView(
        "skills",
        ("skill",),
        ("text AS skill",),
        ("category_of_skill", "canonical", "source_phrase"),
    ),
    TypedView(
        "salaries",
        ("salary",),
        ("value AS amount", "value_high AS amount_high", "unit AS currency", "year"),
        (
            "company",
            "component",
            "experience_level",
            "statistic",
            "pay_period",
            "country",
            "region",
            "city",
            "currency_symbol",
            "bound",
        ),
    ),
    TypedView(
        "market_estimates",
        ("market_size", "growth_rate"),
        ("value", "value_high", "unit", "year"),
        (
            "forecast",
            "period_start",
            "period_end",
            "base_year",
            "region",
            "statistic",
            "bound",
        ),
    ),
    TypedView(
        "job_demand",
        ("job_demand",),
        ("value", "value_high", "unit", "year"),
        (
            "period_start",
            "period_end",
            "region",
            "country",
            "bound",
        ),
    ),
    TypedView(
        "shares",
        ("share",),
        ("value AS percent", "year"),
        (
            "dimension",
            "category",
            "table_title",
            "partial",
            "region",
            "bound",
        ),
    ),
    TypedView(
        "rankings",
        ("ranking",),
        ("value AS rank", "text", "year"),
        (
            "dimension",
            "category",
            "table_title",
            "partial",
        ),
    ),
)

TYPED_VIEW_NAMES: tuple[str, ...] = tuple(view.name for view in TYPED_VIEWS)


def view_sql(view: TypedView) -> str:
    """The CREATE VIEW statement of a typed view over the `claims` view."""
    qualifiers = [
        f"TRY_CAST(json_extract_string(qualifiers, '$.{key}') AS "
        f"{_SQL_TYPES[COMMON_QUALIFIERS[key]]}) AS {key}"
        for key in view.qualifiers
    ]
    columns = ",\n  ".join([*_HEAD, *view.columns, *qualifiers, *_TAIL])
    kinds = ", ".join(f"'{kind}'" for kind in view.kinds)
    return (
        f"CREATE OR REPLACE VIEW {view.name} AS\nSELECT\n  {columns}\nFROM claims\n"
        f"WHERE kind IN ({kinds})\nORDER BY source_id, char_start, claim_id"
    )

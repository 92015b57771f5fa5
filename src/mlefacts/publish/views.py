"""Typed views over `claims`: one per kind of fact, with the useful qualifiers as columns.

Each view is generated from a spec (which kinds, which columns, which qualifiers with which SQL
type), so every view shares the same provenance columns and the same JSON extraction.
"""

from __future__ import annotations

from dataclasses import dataclass

# Columns every typed view starts with: what the claim is and where it was read.
_HEAD = ("claim_id", "source_id", "kind", "subject", "attribute")
_TAIL = ("attributed_to", "quote", "char_start", "char_end", "extractor", "run_id", "stale")


@dataclass(frozen=True, slots=True)
class TypedView:
    """A view over claims of some kinds: claim columns ('col AS name' renames) and qualifiers."""

    name: str
    kinds: tuple[str, ...]
    columns: tuple[str, ...]
    qualifiers: tuple[tuple[str, str], ...]


TYPED_VIEWS: tuple[TypedView, ...] = (
    TypedView("responsibilities", ("responsibility",), ("text",), (("theme", "VARCHAR"),)),
    TypedView(
        "skills",
        ("skill",),
        ("text AS skill",),
        (("category_of_skill", "VARCHAR"), ("canonical", "VARCHAR"), ("source_phrase", "VARCHAR")),
    ),
    TypedView(
        "salaries",
        ("salary",),
        ("value AS amount", "value_high AS amount_high", "unit AS currency", "year"),
        (
            ("company", "VARCHAR"),
            ("experience_level", "VARCHAR"),
            ("statistic", "VARCHAR"),
            ("pay_period", "VARCHAR"),
            ("country", "VARCHAR"),
            ("region", "VARCHAR"),
            ("currency_symbol", "VARCHAR"),
        ),
    ),
    TypedView(
        "market_estimates",
        ("market_size", "growth_rate"),
        ("value", "value_high", "unit", "year"),
        (
            ("forecast", "BOOLEAN"),
            ("period_start", "INTEGER"),
            ("period_end", "INTEGER"),
            ("base_year", "INTEGER"),
            ("region", "VARCHAR"),
            ("statistic", "VARCHAR"),
        ),
    ),
    TypedView(
        "job_demand",
        ("job_demand",),
        ("value", "value_high", "unit", "year"),
        (
            ("period_start", "INTEGER"),
            ("period_end", "INTEGER"),
            ("region", "VARCHAR"),
            ("country", "VARCHAR"),
        ),
    ),
    TypedView(
        "shares",
        ("share",),
        ("value AS percent", "year"),
        (
            ("dimension", "VARCHAR"),
            ("category", "VARCHAR"),
            ("table_title", "VARCHAR"),
            ("partial", "BOOLEAN"),
            ("region", "VARCHAR"),
        ),
    ),
    TypedView(
        "rankings",
        ("ranking",),
        ("value AS rank", "text", "year"),
        (
            ("dimension", "VARCHAR"),
            ("category", "VARCHAR"),
            ("table_title", "VARCHAR"),
            ("partial", "BOOLEAN"),
        ),
    ),
)

TYPED_VIEW_NAMES: tuple[str, ...] = tuple(view.name for view in TYPED_VIEWS)


def view_sql(view: TypedView) -> str:
    """The CREATE VIEW statement of a typed view over the `claims` view."""
    qualifiers = [
        f"TRY_CAST(json_extract_string(qualifiers, '$.{key}') AS {sql_type}) AS {key}"
        for key, sql_type in view.qualifiers
    ]
    columns = ",\n  ".join([*_HEAD, *view.columns, *qualifiers, *_TAIL])
    kinds = ", ".join(f"'{kind}'" for kind in view.kinds)
    return (
        f"CREATE OR REPLACE VIEW {view.name} AS\nSELECT\n  {columns}\nFROM claims\n"
        f"WHERE kind IN ({kinds})\nORDER BY source_id, char_start, claim_id"
    )

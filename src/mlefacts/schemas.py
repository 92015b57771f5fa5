"""The checks of every curated table: one Pandera model per table of `mlefacts.contract`.

Validation (`mlefacts.validate`), the Parquet schemas, the Frictionless data package and the
exported schema files are generated from these models; the tables, their columns in order, kinds,
units and keys are declared once in `mlefacts.contract`, which these models follow.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from mlefacts.contract import (
    CLAIM_KINDS,
    COMMON_QUALIFIERS,
    FACT_STATUSES,
    FIGURE_STATUSES,
    MAX_QUOTE,
    MONEY_KINDS,
    NON_MONEY_UNITS,
    RANK_REASONS,
    SKIP_REASONS,
    TEXT_KINDS,
)

CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
ISO_TIMESTAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SHA256_HEX = r"^[0-9a-f]{64}$"
# Metadata keys understood by the exporters: `format` refines a string column's meaning
# ('datetime', 'json-object', 'json-array'), `unit` names what a number counts.
TIMESTAMP = {"format": "datetime"}
JSON_OBJECT = {"format": "json-object"}
JSON_ARRAY = {"format": "json-array"}

# Columns computed at publish time from another column of the same row: table -> specs.
DERIVED_COLUMNS: dict[str, list[dict[str, Any]]] = {
    "claims": [
        {
            "name": "common_qualifiers",
            "type": "object",
            "nullable": False,
            "unique": False,
            "description": (
                "The common qualifiers of `qualifiers` as typed fields (a STRUCT; null fields "
                "where the claim does not have the qualifier)."
            ),
            "checks": [],
            "derived_from": "qualifiers",
            "fields": [{"name": k, "type": t} for k, t in COMMON_QUALIFIERS.items()],
        }
    ]
}


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def is_json_object(text: str) -> bool:
    """A JSON object whose keys are sorted, so equal objects are equal strings.

    >>> is_json_object('{"a": 1, "b": 2}'), is_json_object('{"b": 2, "a": 1}'), is_json_object('[]')
    (True, False, False)
    """
    obj = _json_value(text)
    return isinstance(obj, dict) and list(obj) == sorted(obj)


def is_json_array(text: str) -> bool:
    """A JSON list.

    >>> is_json_array('["c1", "c2"]'), is_json_array('"c1"')
    (True, False)
    """
    return isinstance(_json_value(text), list)


def is_allowed_unit(unit: str) -> bool:
    """An ISO 4217 code (three upper-case letters) or one of the non-money units.

    >>> [is_allowed_unit(u) for u in ("USD", "percent", "usd", "dollars")]
    [True, True, False, False]
    """
    return unit in NON_MONEY_UNITS or bool(CURRENCY_CODE.match(unit))


class _Table(pa.DataFrameModel):
    class Config:
        coerce = True
        strict = False


class Sources(_Table):
    """One row per source in the manifest, with the outcome of its latest fetch."""

    source_id: Series[str] = pa.Field(unique=True, description="Stable id of the source.")
    uri: Series[str] = pa.Field(description="Where the source was read from (file path or URL).")
    title: Series[str] = pa.Field(nullable=True, description="Title of the article.")
    publisher: Series[str] = pa.Field(nullable=True, description="Who published the article.")
    published: Series[str] = pa.Field(
        nullable=True,
        str_matches=PARTIAL_DATE,
        description="Publication date as YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    license: Series[str] = pa.Field(
        nullable=True, description="Licence the source is published under (from the manifest)."
    )
    page_url: Series[str] = pa.Field(
        nullable=True,
        description="The page a reader can open: the manifest's page_url, else the page's "
        "canonical URL, else the URL it was fetched from.",
    )
    download_url: Series[str] = pa.Field(
        nullable=True, description="The URL the bytes were fetched from (null for local files)."
    )
    accessed: Series[str] = pa.Field(
        nullable=True,
        str_matches=PARTIAL_DATE,
        description="When the source was accessed: the manifest's date, else the day its "
        "current content was first seen.",
    )
    citation: Series[str] = pa.Field(
        nullable=True,
        description="How to cite the source: the manifest's text, else one composed from "
        "publisher, date, title, page URL and access date.",
    )
    content_sha256: Series[str] = pa.Field(
        nullable=True, str_matches=SHA256_HEX, description="SHA-256 of the raw bytes."
    )
    media_type: Series[str] = pa.Field(nullable=True, description="Media type of the raw bytes.")
    charset: Series[str] = pa.Field(nullable=True, description="Character set used to decode.")
    fetched_at: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_TIMESTAMP,
        description=(
            "When these bytes were first seen (ISO 8601, UTC): a local file's modification "
            "time, or when the raw zone first stored a fetched page (each fetch is in fetches)."
        ),
        metadata=TIMESTAMP,
    )
    n_chars: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Length of the decoded text.", metadata={"unit": "chars"}
    )
    n_bytes: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Size of the raw content.", metadata={"unit": "bytes"}
    )
    status: Series[str] = pa.Field(
        isin=["ok", "not_modified", "error", "stale"], description="Outcome of the latest fetch."
    )
    error: Series[str] = pa.Field(nullable=True, description="Why the latest fetch failed.")
    last_confirmed_at: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_TIMESTAMP,
        description=(
            "For a stale source, when the copy it serves was last fetched (ISO 8601, UTC); "
            "null for a source read this run (each fetch's time is in fetches)."
        ),
        metadata=TIMESTAMP,
    )
    stale: Series[bool] = pa.Field(
        description="True when the latest fetch failed and an older copy is served."
    )


class Documents(_Table):
    """The decoded text of each source; claim offsets index `text`."""

    source_id: Series[str] = pa.Field(unique=True, description="Source the text was decoded from.")
    content_sha256: Series[str] = pa.Field(
        str_matches=SHA256_HEX, description="SHA-256 of the raw bytes the text came from."
    )
    text: Series[str] = pa.Field(description="Decoded text; claims quote it by offsets.")


class Claims(_Table):
    """One fact as an article states it, normalized, with the quote that shows it."""

    claim_id: Series[str] = pa.Field(unique=True, description="Stable hash of the claim content.")
    source_id: Series[str] = pa.Field(description="Source the claim was read from.")
    run_id: Series[str] = pa.Field(
        description="Run that published the claim (every run stamps the claims it publishes)."
    )
    kind: Series[str] = pa.Field(isin=list(CLAIM_KINDS), description="Kind of fact.")
    subject: Series[str] = pa.Field(description="Normalized noun phrase of what is measured.")
    attribute: Series[str] = pa.Field(description="Measured property (salary, cagr, share...).")
    value: Series[float] = pa.Field(
        nullable=True, description="Value in base units (a currency unit, percent points...)."
    )
    value_high: Series[float] = pa.Field(
        nullable=True, description="Upper end when the article gives a range."
    )
    unit: Series[str] = pa.Field(
        nullable=True, description="ISO 4217 code or percent, ratio, count, rank, years."
    )
    text: Series[str] = pa.Field(nullable=True, description="Normalized text of a textual claim.")
    year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        in_range={"min_value": 1900, "max_value": 2100},
        description=(
            "Year the page states for the figure: its own clause, row, card or caption, else "
            "the nearest heading above it (up to the page title) that names one year."
        ),
    )
    as_of: Series[str] = pa.Field(
        nullable=True,
        str_matches=PARTIAL_DATE,
        description="For a claim whose page states no year for it: the page's publication date.",
    )
    qualifiers: Series[str] = pa.Field(
        description="JSON object (sorted keys) of details: region, statistic, period...",
        metadata=JSON_OBJECT,
    )
    attributed_to: Series[str] = pa.Field(
        nullable=True, description="Who the article says the figure comes from."
    )
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1, "max_value": MAX_QUOTE},
        description=(
            "documents.text[char_start:char_end]: the smallest contiguous evidence (sentence, "
            f"list item, table row, card), at most {MAX_QUOTE} characters."
        ),
    )
    context: Series[str] = pa.Field(
        nullable=True,
        description=(
            "The column header, label or caption that gives the figure its meaning "
            "('Median salary', 'Entry Level'), when it is not in the quote's own words."
        ),
    )
    char_start: Series[int] = pa.Field(
        ge=0, description="Start offset of the quote.", metadata={"unit": "chars"}
    )
    char_end: Series[int] = pa.Field(
        ge=1, description="End offset (exclusive) of the quote.", metadata={"unit": "chars"}
    )
    extractor: Series[str] = pa.Field(description="Name of the extractor that read the claim.")
    extractor_version: Series[str] = pa.Field(description="Version of the extractors.")
    stale: Series[bool] = pa.Field(description="True when its source could not be refreshed.")

    @pa.check("value", name="finite", description="value is a finite number or null")
    def _finite(cls, value: Series[float]) -> Series[bool]:
        return value.map(math.isfinite)

    @pa.check("unit", name="allowed_unit", description="unit is an ISO 4217 code or a known unit")
    def _allowed_unit(cls, unit: Series[str]) -> Series[bool]:
        return unit.map(is_allowed_unit)

    @pa.check("qualifiers", name="json_object", description="a JSON object with sorted keys")
    def _qualifiers(cls, qualifiers: Series[str]) -> Series[bool]:
        return qualifiers.map(is_json_object)

    @pa.dataframe_check(
        name="char_end_after_char_start", description="char_end is greater than char_start"
    )
    def _span(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] > df["char_start"]

    @pa.dataframe_check(
        name="quote_length_matches_span", description="len(quote) == char_end - char_start"
    )
    def _quote_span(cls, df: pd.DataFrame) -> Series[bool]:
        return df["quote"].str.len() == df["char_end"] - df["char_start"]

    @pa.dataframe_check(
        name="value_high_not_below_value", description="value_high >= value when both are present"
    )
    def _range(cls, df: pd.DataFrame) -> Series[bool]:
        return df["value"].isna() | df["value_high"].isna() | (df["value_high"] >= df["value"])

    @pa.dataframe_check(
        name="money_needs_value_and_currency",
        description="salary and market_size claims have a value and an ISO 4217 currency unit",
    )
    def _money(cls, df: pd.DataFrame) -> Series[bool]:
        currency = df["unit"].fillna("").str.fullmatch(CURRENCY_CODE.pattern)
        return ~df["kind"].isin(MONEY_KINDS) | (df["value"].notna() & currency)

    @pa.dataframe_check(
        name="share_in_percent",
        description="share claims are in unit 'percent' with 0 <= value <= 100",
    )
    def _share(cls, df: pd.DataFrame) -> Series[bool]:
        in_range = df["value"].between(0, 100)
        return (df["kind"] != "share") | ((df["unit"] == "percent") & in_range)

    @pa.dataframe_check(
        name="growth_rate_in_percent_or_ratio",
        description="growth_rate claims have a value in percent, or a multiple in ratio "
        "('expand by 4x' is 4 ratio)",
    )
    def _growth(cls, df: pd.DataFrame) -> Series[bool]:
        ok = df["unit"].isin(["percent", "ratio"]) & df["value"].notna()
        return (df["kind"] != "growth_rate") | ok

    @pa.dataframe_check(name="ranking_in_rank", description="ranking claims have unit 'rank'")
    def _ranking(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] != "ranking") | (df["unit"] == "rank")

    @pa.dataframe_check(
        name="textual_kind_needs_text",
        description="responsibility, skill, definition and quote claims have a non-empty text",
    )
    def _text(cls, df: pd.DataFrame) -> Series[bool]:
        has_text = df["text"].fillna("").str.strip() != ""
        return ~df["kind"].isin(TEXT_KINDS) | has_text


class Figures(_Table):
    """Every figure a document states (money, percentages, counts, ratios, bare numbers), and
    whether a claim states it or why none does."""

    figure_id: Series[str] = pa.Field(unique=True, description="Stable id: source and offsets.")
    source_id: Series[str] = pa.Field(description="Source the figure was read from.")
    run_id: Series[str] = pa.Field(description="Run that read the figure.")
    char_start: Series[int] = pa.Field(
        ge=0, description="Start offset of the figure in the document.", metadata={"unit": "chars"}
    )
    char_end: Series[int] = pa.Field(
        ge=1, description="End offset (exclusive) of the figure.", metadata={"unit": "chars"}
    )
    text: Series[str] = pa.Field(
        description="The figure as written: documents.text[char_start:char_end]."
    )
    figure_type: Series[str] = pa.Field(
        description="money, percent, number, or the figure's unit (ratio, count...)."
    )
    value: Series[float] = pa.Field(
        nullable=True,
        description="Value in base units, as the scanner read it; null when any reading would "
        "be a guess (reason ambiguous).",
    )
    value_high: Series[float] = pa.Field(nullable=True, description="Upper end of a range.")
    unit: Series[str] = pa.Field(nullable=True, description="ISO 4217 code, percent, ratio...")
    status: Series[str] = pa.Field(
        isin=list(FIGURE_STATUSES), description="claimed (a claim states it) or skipped."
    )
    reason: Series[str] = pa.Field(
        nullable=True,
        isin=list(SKIP_REASONS),
        description="Why a skipped figure has no claim: " + ", ".join(SKIP_REASONS) + ".",
    )
    claim_ids: Series[str] = pa.Field(
        description="JSON list of the claims that state the figure.", metadata=JSON_ARRAY
    )

    @pa.check("claim_ids", name="json_array", description="a JSON list")
    def _claim_ids(cls, ids: Series[str]) -> Series[bool]:
        return ids.map(is_json_array)

    @pa.dataframe_check(
        name="skipped_has_reason", description="a skipped figure has a reason, a claimed one none"
    )
    def _reason(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "skipped") == df["reason"].notna()


class Runs(_Table):
    """One row per pipeline run, newest last."""

    run_id: Series[str] = pa.Field(
        description="Id of the run's inputs; re-runs on the same inputs share it."
    )
    flow_run_id: Series[str] = pa.Field(nullable=True, description="Prefect flow run id.")
    started_at: Series[str] = pa.Field(
        str_matches=ISO_TIMESTAMP, description="Start (ISO 8601, UTC).", metadata=TIMESTAMP
    )
    finished_at: Series[str] = pa.Field(
        nullable=True,
        str_matches=ISO_TIMESTAMP,
        description="End (ISO 8601, UTC).",
        metadata=TIMESTAMP,
    )
    status: Series[str] = pa.Field(
        isin=["completed", "completed_with_errors", "failed"], description="Outcome of the run."
    )
    n_sources: Series[int] = pa.Field(ge=0, description="Sources in the manifest.")
    n_sources_failed: Series[int] = pa.Field(ge=0, description="Sources whose fetch failed.")
    n_claims: Series[int] = pa.Field(ge=0, description="Claims published.")
    n_rejections: Series[int] = pa.Field(ge=0, description="Rows rejected by any stage.")
    counts: Series[str] = pa.Field(
        description="JSON object: table name -> row count.", metadata=JSON_OBJECT
    )
    snapshot_id: Series[str] = pa.Field(
        nullable=True, description="Snapshot the run published (filled in by the publisher)."
    )
    extractor_version: Series[str] = pa.Field(description="Version of the extractors.")
    message: Series[str] = pa.Field(nullable=True, description="Summary or error of the run.")
    n_extracted: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=0,
        description="Sources extracted in this run (null in runs recorded before it was kept).",
    )
    n_cached: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=0,
        description="Sources whose claims came from the extraction cache (unchanged bytes).",
    )
    n_conflicts: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Conflicts published."
    )
    seconds: Series[str] = pa.Field(
        nullable=True,
        description="JSON object: stage -> wall-clock seconds it took.",
        metadata=JSON_OBJECT,
    )

    @pa.check("counts", "seconds", name="json_object", description="a JSON object with sorted keys")
    def _counts(cls, counts: Series[str]) -> Series[bool]:
        return counts.map(is_json_object)


class Rejections(_Table):
    """Rows or inputs a stage refused, with the reason, so nothing is dropped silently."""

    run_id: Series[str] = pa.Field(description="Run that rejected the record.")
    source_id: Series[str] = pa.Field(nullable=True, description="Source of the record.")
    stage: Series[str] = pa.Field(
        isin=["ingest", "decode", "parse", "extract", "validate", "reconcile", "publish"],
        description="Stage that rejected the record.",
    )
    reason: Series[str] = pa.Field(description="Readable reason.")
    record: Series[str] = pa.Field(description="JSON of the rejected row or input summary.")


class Fetches(_Table):
    """Every fetch attempt, successful or not."""

    source_id: Series[str] = pa.Field(description="Source fetched.")
    uri: Series[str] = pa.Field(description="What was fetched.")
    attempted_at: Series[str] = pa.Field(
        str_matches=ISO_TIMESTAMP, description="When (ISO 8601, UTC).", metadata=TIMESTAMP
    )
    status: Series[str] = pa.Field(description="Outcome of the attempt.")
    http_status: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range={"min_value": 100, "max_value": 599}, description="HTTP status."
    )
    n_bytes: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Bytes received.", metadata={"unit": "bytes"}
    )
    content_sha256: Series[str] = pa.Field(
        nullable=True, str_matches=SHA256_HEX, description="SHA-256 of the bytes received."
    )
    error: Series[str] = pa.Field(nullable=True, description="Why the attempt failed.")
    elapsed_ms: Series[float] = pa.Field(
        nullable=True, ge=0, description="Duration of the attempt.", metadata={"unit": "ms"}
    )


class Conflicts(_Table):
    """Claims about the same thing that disagree."""

    conflict_id: Series[str] = pa.Field(unique=True, description="Stable id of the conflict.")
    kind: Series[str] = pa.Field(description="Kind of conflict.")
    subject: Series[str] = pa.Field(description="Subject the claims share.")
    attribute: Series[str] = pa.Field(description="Attribute the claims share.")
    n_claims: Series[int] = pa.Field(
        ge=1, description="Claims in conflict: its rows in conflict_claims, which list them."
    )
    values: Series[str] = pa.Field(
        description=(
            "JSON of the conflicting values: of every source when they are at most "
            "reconcile.conflict_named_sources, else of the lowest and highest (conflict_claims "
            "gives every claim's value)."
        )
    )
    relative_difference: Series[float] = pa.Field(
        nullable=True,
        description=(
            "How far apart the values are, as a fraction: same quantity, |a-b| / the smaller; "
            "forecast, |projected-stated| / stated; growth rate, |implied-stated| / stated; "
            "breakdown, |sum-100| / 100; lists, the share of items not named by every source."
        ),
    )
    severity: Series[str] = pa.Field(
        isin=["info", "warning", "error"], description="How much the disagreement matters."
    )
    detail: Series[str] = pa.Field(
        nullable=True,
        description=(
            "Readable explanation; beyond reconcile.conflict_named_sources sources it names the "
            "extremes and counts the rest."
        ),
    )


class ConflictClaims(_Table):
    """The claims of each conflict, one row per claim and conflict (a conflict's row lists
    none), with the value the conflict compares."""

    conflict_id: Series[str] = pa.Field(description="The conflict the claim is in.")
    claim_id: Series[str] = pa.Field(description="The claim.")
    source_id: Series[str] = pa.Field(description="Source of the claim.")
    value: Series[float] = pa.Field(
        nullable=True,
        description=(
            "The claim's value as reconcile compares it (money in USD where the rate table "
            "knows the currency); null for a claim without a value (a skill)."
        ),
    )
    unit: Series[str] = pa.Field(nullable=True, description="Unit of the value.")


class Facts(_Table):
    """The consensus over the claims about one subject, attribute and qualifier set."""

    fact_id: Series[str] = pa.Field(unique=True, description="Stable id of the fact.")
    subject: Series[str] = pa.Field(description="Subject of the fact.")
    attribute: Series[str] = pa.Field(description="Attribute of the fact.")
    qualifier_key: Series[str] = pa.Field(description="Qualifiers the supporting claims share.")
    value: Series[float] = pa.Field(nullable=True, description="Consensus value.")
    value_high: Series[float] = pa.Field(nullable=True, description="Consensus upper value.")
    unit: Series[str] = pa.Field(nullable=True, description="Unit of the value.")
    text: Series[str] = pa.Field(nullable=True, description="Consensus text.")
    method: Series[str] = pa.Field(description="How the consensus was reached.")
    n_sources: Series[int] = pa.Field(ge=1, description="Distinct sources supporting the fact.")
    n_claims: Series[int] = pa.Field(
        ge=1, description="Claims stating the fact: its rows in fact_claims, which list them."
    )


class FactClaims(_Table):
    """How each claim stands in the fact it states: its rank and, when not preferred, why; one
    row per claim of every fact (a fact's row lists none of them).

    Ranks: 'preferred' supports the chosen value; 'normal' is not chosen but not shown wrong;
    'deprecated' is shown wrong or counted twice. Reasons: superseded_by_newer (a newer source
    was chosen), arithmetic_inconsistent (in an internal_arithmetic conflict of its source),
    outlier (too far from the chosen value), stale_source (its source could not be refreshed),
    duplicate_content (its source has the same bytes as another, lower-id source).
    """

    fact_id: Series[str] = pa.Field(description="The fact the claim states.")
    claim_id: Series[str] = pa.Field(unique=True, description="The claim.")
    source_id: Series[str] = pa.Field(description="Source of the claim.")
    rank: Series[str] = pa.Field(
        isin=list(FACT_STATUSES), description="preferred, normal or deprecated."
    )
    reason: Series[str] = pa.Field(
        nullable=True,
        isin=list(RANK_REASONS),
        description="Why the claim is not preferred (null when it is).",
    )
    supports: Series[bool] = pa.Field(
        description=(
            "The claim's value is within the tolerance of the fact's (a text fact's claims all "
            "support it). The fact's supporting claims are those that support it and are not "
            "duplicate_content, its contradicting claims those that do not and are not."
        )
    )
    value: Series[float] = pa.Field(nullable=True, description="The claim's value.")
    unit: Series[str] = pa.Field(nullable=True, description="Unit of the value.")

    @pa.dataframe_check(
        name="reason_unless_preferred",
        description="reason is null exactly when rank is 'preferred'",
    )
    def _reason(cls, df: pd.DataFrame) -> Series[bool]:
        return df["reason"].isna() == (df["rank"] == "preferred")


class Consensus(_Table):
    """Groups of textual claims (skills, responsibilities) that say the same thing."""

    group_id: Series[str] = pa.Field(unique=True, description="Stable id of the group.")
    kind: Series[str] = pa.Field(description="Kind of the grouped claims.")
    subject: Series[str] = pa.Field(description="Subject the claims share.")
    group_key: Series[str] = pa.Field(description="Normalized key the claims share.")
    label: Series[str] = pa.Field(description="Readable name of the group.")
    n_sources: Series[int] = pa.Field(ge=1, description="Distinct sources in the group.")
    n_claims: Series[int] = pa.Field(
        ge=1, description="Claims in the group: its rows in consensus_claims, which list them."
    )


class ConsensusClaims(_Table):
    """The claims of each consensus group, one row per claim (a group's row lists none)."""

    group_id: Series[str] = pa.Field(description="The consensus group the claim is in.")
    claim_id: Series[str] = pa.Field(unique=True, description="The claim.")
    source_id: Series[str] = pa.Field(description="Source of the claim.")


TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "sources": Sources,
    "documents": Documents,
    "claims": Claims,
    "figures": Figures,
    "runs": Runs,
    "rejections": Rejections,
    "fetches": Fetches,
    "conflicts": Conflicts,
    "facts": Facts,
    "fact_claims": FactClaims,
    "consensus": Consensus,
    "consensus_claims": ConsensusClaims,
    "conflict_claims": ConflictClaims,
}

# Columns shown in a rejection reason when a row-level (multi-column) check fails.
ROW_CHECK_COLUMNS: dict[str, tuple[str, ...]] = {
    "char_end_after_char_start": ("char_start", "char_end"),
    "quote_length_matches_span": ("quote", "char_start", "char_end"),
    "value_high_not_below_value": ("value", "value_high"),
    "money_needs_value_and_currency": ("kind", "value", "unit"),
    "share_in_percent": ("kind", "value", "unit"),
    "growth_rate_in_percent_or_ratio": ("kind", "value", "unit"),
    "ranking_in_rank": ("kind", "unit"),
    "textual_kind_needs_text": ("kind", "text"),
    "skipped_has_reason": ("status", "reason"),
    "reason_unless_preferred": ("rank", "reason"),
}


def table_schema(name: str) -> pa.DataFrameSchema:
    """The Pandera schema of a curated table, with a clear error for unknown names."""
    if name not in TABLE_MODELS:
        raise KeyError(f"unknown table {name!r}; known tables: {', '.join(TABLE_MODELS)}")
    return TABLE_MODELS[name].to_schema()


def _check_spec(check: pa.Check) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": check.name}
    if check.description:
        spec["description"] = check.description
    if check.statistics:
        spec["statistics"] = {k: _plain(v) for k, v in sorted(check.statistics.items())}
    return spec


def _plain(value: Any) -> Any:
    """JSON-friendly form of a check statistic (sets and tuples become lists)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def logical_type(dtype: object) -> str:
    """The portable type of a column: 'integer', 'number', 'boolean' or 'string'.

    >>> logical_type("Int64"), logical_type("float64"), logical_type("bool"), logical_type("str")
    ('integer', 'number', 'boolean', 'string')
    """
    text = str(dtype).lower()
    if text.startswith("int"):
        return "integer"
    if text.startswith("float"):
        return "number"
    if text == "bool":
        return "boolean"
    return "string"


def column_specs(name: str) -> list[dict[str, Any]]:
    """Every column of a table as plain data: name, type, nullable, unique, checks, metadata."""
    specs = []
    for column_name, column in table_schema(name).columns.items():
        spec: dict[str, Any] = {
            "name": column_name,
            "type": logical_type(column.dtype),
            "nullable": bool(column.nullable),
            "unique": bool(column.unique),
            "description": column.description,
            "checks": [_check_spec(c) for c in column.checks],
        }
        spec.update(column.metadata or {})
        specs.append(spec)
    return specs + DERIVED_COLUMNS.get(name, [])


def common_qualifiers(qualifiers_json: str) -> dict[str, Any]:
    """The `common_qualifiers` STRUCT value of a claim's qualifiers JSON.

    >>> common_qualifiers('{"period_start": 2023, "forecast": true, "note": "x"}')["period_start"]
    2023
    >>> common_qualifiers('{"period_start": "soon"}')["period_start"] is None
    True
    """
    obj = _json_value(qualifiers_json)
    typed = dict.fromkeys(COMMON_QUALIFIERS)  # a qualifier the claim does not have: null
    if isinstance(obj, dict):
        for key in COMMON_QUALIFIERS.keys() & obj.keys():
            typed[key] = _typed(obj[key], COMMON_QUALIFIERS[key])
    return typed


def _typed(value: Any, kind: str) -> Any:
    if kind == "integer":
        exact = isinstance(value, int | float) and not isinstance(value, bool)
        return int(value) if exact and float(value).is_integer() else None
    if kind == "boolean":
        return value if isinstance(value, bool) else None
    return value if isinstance(value, str) else None


def row_check_specs(name: str) -> list[dict[str, Any]]:
    """The table's multi-column checks with the columns each one reads."""
    return [
        {**_check_spec(c), "columns": list(ROW_CHECK_COLUMNS.get(c.name, ()))}
        for c in table_schema(name).checks
    ]

"""The table contract, the lowest layer: what every other module reads and none redefines.

Claim kinds, units, the reasons a figure is skipped or a claim ranked down, the curated tables
with their columns in published order, their sort keys and keys, the schema version, and how ids
are hashed. It imports nothing from mlefacts, so extractors, reconcile, publish and the Pandera
models in `mlefacts.schemas` can all read it. Columns may be added in a minor version; removing
or retyping one is a major version (readers refuse other major versions).
"""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

SCHEMA_VERSION = "3.1.0"

ClaimKind = Literal[
    "responsibility",
    "skill",
    "salary",
    "market_size",
    "growth_rate",
    "job_demand",
    "share",
    "ranking",
    "count",
    "comparison",
    "definition",
    "quote",
]
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
MONEY_KINDS = ("salary", "market_size")
TEXT_KINDS = ("responsibility", "skill", "definition", "quote")

# Units a claim's `value` may carry: an ISO 4217 code for money, or one of these.
NON_MONEY_UNITS = frozenset({"percent", "ratio", "count", "rank", "years"})

# The longest quote a claim may carry: a reader checks a row, an item or a sentence, not a page.
MAX_QUOTE = 400

# Why an extractor read a figure but did not claim it. A number beside a counted noun that is no
# count says why: the length of a list ('Top 10 companies'), a rank ('#3 employer'), a band of a
# breakdown's label ('1–50 employees: 34%'), a measure ('48 days'), or a size that is no fact
# about the field (`not_field`: one group's, a report's coverage, promotion, one writer's story).
# A bounded sum that marks the edge of a sample ('salaries above ₹90 lakh were excluded') is a
# `threshold`; a sum worked out from a stated rate ('$1,000 a day for 220 days grosses about
# $220,000') is `computed`, and that rate, when the page stated it before the example, is
# `restated` (its claim is the first statement's).
SkipReason = Literal[
    "navigation",
    "date",
    "phone",
    "version_number",
    "price_of_product",
    "page_activity",
    "no_subject",
    "ambiguous",
    "list_size",
    "rank",
    "band",
    "measure",
    "not_field",
    "threshold",
    "computed",
    "restated",
    "other",
]
# Why a figure has no claim: an extractor's reason, `unread` (no extractor found a fact frame), or
# `rejected` (its claims failed validation: they are in `rejections`).
SKIP_REASONS: tuple[str, ...] = (*get_args(SkipReason), "unread", "rejected")
FIGURE_STATUSES = ("claimed", "skipped")

FACT_STATUSES = ("preferred", "normal", "deprecated")
RANK_REASONS = (
    "superseded_by_newer",
    "arithmetic_inconsistent",
    "outlier",
    "stale_source",
    "duplicate_content",
)

# Every curated table and its columns, in published order (the Pandera models in
# `mlefacts.schemas` declare the same columns in the same order; a test holds them together).
# No row lists the claims of a group: which claims make a fact, a consensus group or a conflict
# is one row per claim in `fact_claims`, `consensus_claims` and `conflict_claims`, and the
# group's row keeps their counts. A list in a row grows with the corpus (at 100,000 generated
# articles one responsibility group has 265,615 claims: a 5.8 MB value that every writer and
# reader of the row holds whole; one salary conflict named ~3,900 claims).
TABLE_COLUMNS: dict[str, list[str]] = {
    "sources": [
        "source_id",
        "uri",
        "title",
        "publisher",
        "published",
        "license",
        "page_url",
        "download_url",
        "accessed",
        "citation",
        "content_sha256",
        "media_type",
        "charset",
        "fetched_at",
        "n_chars",
        "n_bytes",
        "status",
        "error",
        "last_confirmed_at",
        "stale",
    ],
    "documents": ["source_id", "content_sha256", "text"],
    "claims": [
        "claim_id",
        "source_id",
        "run_id",
        "kind",
        "subject",
        "attribute",
        "value",
        "value_high",
        "unit",
        "text",
        "year",
        "as_of",
        "qualifiers",
        "attributed_to",
        "quote",
        "context",
        "char_start",
        "char_end",
        "extractor",
        "extractor_version",
        "stale",
    ],
    "figures": [
        "figure_id",
        "source_id",
        "run_id",
        "char_start",
        "char_end",
        "text",
        "figure_type",
        "value",
        "value_high",
        "unit",
        "status",
        "reason",
        "claim_ids",
    ],
    "runs": [
        "run_id",
        "flow_run_id",
        "started_at",
        "finished_at",
        "status",
        "n_sources",
        "n_sources_failed",
        "n_claims",
        "n_rejections",
        "counts",
        "snapshot_id",
        "extractor_version",
        "message",
        "n_extracted",
        "n_cached",
        "n_conflicts",
        "seconds",
    ],
    "rejections": ["run_id", "source_id", "stage", "reason", "record"],
    "fetches": [
        "source_id",
        "uri",
        "attempted_at",
        "status",
        "http_status",
        "n_bytes",
        "content_sha256",
        "error",
        "elapsed_ms",
    ],
    "conflicts": [
        "conflict_id",
        "kind",
        "subject",
        "attribute",
        "n_claims",
        "values",
        "relative_difference",
        "severity",
        "detail",
    ],
    "facts": [
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
        "n_claims",
    ],
    "fact_claims": [
        "fact_id",
        "claim_id",
        "source_id",
        "rank",
        "reason",
        "supports",
        "value",
        "unit",
    ],
    "consensus": [
        "group_id",
        "kind",
        "subject",
        "group_key",
        "label",
        "n_sources",
        "n_claims",
    ],
    "consensus_claims": ["group_id", "claim_id", "source_id"],
    "conflict_claims": ["conflict_id", "claim_id", "source_id", "value", "unit"],
}
TABLE_NAMES: tuple[str, ...] = tuple(TABLE_COLUMNS)

# Sort keys that make every published table's row order deterministic.
TABLE_ORDER: dict[str, list[str]] = {
    "sources": ["source_id"],
    "documents": ["source_id"],
    # kind and unit first: Parquet row-group statistics then let filters on them skip data.
    "claims": ["kind", "unit", "source_id", "char_start", "char_end", "claim_id"],
    "figures": ["source_id", "char_start", "char_end"],
    "runs": ["started_at", "run_id", "flow_run_id"],
    "rejections": ["run_id", "stage", "source_id", "reason", "record"],
    "fetches": ["attempted_at", "source_id", "uri", "status", "error"],
    "conflicts": ["conflict_id"],
    "facts": ["fact_id"],
    "fact_claims": ["fact_id", "claim_id"],
    "consensus": ["kind", "subject", "group_key", "group_id"],
    "consensus_claims": ["group_id", "claim_id"],
    "conflict_claims": ["conflict_id", "claim_id"],
}

# The row groups of every published file: at most this many rows, and a group ends before its
# text (the UTF-8 bytes of its string values) would pass ROW_GROUP_BYTES (a group is held whole
# while written, and 50,000 documents are ~750 MB of text). A table under both (the bundled
# sources' tables) is one row group.
ROW_GROUP_SIZE = 50_000
ROW_GROUP_BYTES = 64 * 2**20

PRIMARY_KEYS: dict[str, list[str]] = {
    "sources": ["source_id"],
    "documents": ["source_id"],
    "claims": ["claim_id"],
    "figures": ["figure_id"],
    "conflicts": ["conflict_id"],
    "facts": ["fact_id"],
    "fact_claims": ["claim_id"],
    "consensus": ["group_id"],
    "consensus_claims": ["claim_id"],
    "conflict_claims": ["conflict_id", "claim_id"],
}

# (table, column) -> (referenced table, referenced column)
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("documents", "source_id"): ("sources", "source_id"),
    ("claims", "source_id"): ("sources", "source_id"),
    ("figures", "source_id"): ("sources", "source_id"),
    ("fact_claims", "fact_id"): ("facts", "fact_id"),
    ("fact_claims", "claim_id"): ("claims", "claim_id"),
    ("consensus_claims", "group_id"): ("consensus", "group_id"),
    ("consensus_claims", "claim_id"): ("claims", "claim_id"),
    ("conflict_claims", "conflict_id"): ("conflicts", "conflict_id"),
    ("conflict_claims", "claim_id"): ("claims", "claim_id"),
}


# The qualifiers readers filter on most, with their types: published beside the `qualifiers` JSON
# (which keeps every key) as the STRUCT column `claims.common_qualifiers`, and the typed views'
# qualifier columns. A value that does not have the declared type is null there.
COMMON_QUALIFIERS: dict[str, str] = {
    "base_year": "integer",
    "bound": "string",
    "canonical": "string",
    "category": "string",
    "category_of_skill": "string",
    "city": "string",
    "company": "string",
    "component": "string",
    "country": "string",
    "currency_symbol": "string",
    "dimension": "string",
    "experience_level": "string",
    "forecast": "boolean",
    "partial": "boolean",
    "pay_period": "string",
    "period_end": "integer",
    "period_start": "integer",
    "region": "string",
    "source_phrase": "string",
    "statistic": "string",
    "table_title": "string",
    "theme": "string",
}


def stable_id(*parts: str) -> str:
    """The project's one id hash: 16 hex digits of SHA-256 over the parts joined by a unit
    separator, so the same parts give the same id on every machine.

    >>> stable_id("https://example.org/a")
    'b5b10dd0429e69ac'
    """
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

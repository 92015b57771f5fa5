"""Small valid curated tables for the schema, validation and publishing tests."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

RUN_ID = "r_test"
SOURCE_ID = "s_demo"
TEXT = (
    "Machine learning engineers earn a median salary of $150,000 a year at Acme in 2024. "
    "The global machine learning market was USD 12.5 bn in 2023. "
    "It should grow at a CAGR of 38.1% from 2023 to 2030. "
    "Finance employs 30% of them. "
    "Python ranks first among skills. "
    "They deploy models to production."
)
STAMP = "2025-01-02T03:04:05+00:00"


def _claim(kind: str, attribute: str, phrase: str, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(phrase)
    qualifiers = fields.pop("qualifiers", {})
    row = {
        "claim_id": f"c_{kind}_{start}",
        "source_id": SOURCE_ID,
        "run_id": RUN_ID,
        "kind": kind,
        "subject": fields.pop("subject", "machine learning engineer"),
        "attribute": attribute,
        "value": None,
        "value_high": None,
        "unit": None,
        "text": None,
        "year": None,
        "qualifiers": json.dumps(qualifiers, sort_keys=True),
        "attributed_to": None,
        "as_of": None,
        "quote": phrase,
        "context": None,
        "char_start": start,
        "char_end": start + len(phrase),
        "extractor": "test",
        "extractor_version": "1",
        "stale": False,
    }
    row.update(fields)
    return row


def _figure(phrase: str, claim_ids: list[str]) -> dict[str, Any]:
    start = TEXT.index(phrase)
    return {
        "figure_id": f"f_{start}",
        "source_id": SOURCE_ID,
        "run_id": RUN_ID,
        "char_start": start,
        "char_end": start + len(phrase),
        "text": phrase,
        "figure_type": "percent" if phrase.endswith("%") else "money",
        "value": float(phrase.strip("$%").replace(",", "")),
        "value_high": None,
        "unit": "percent" if phrase.endswith("%") else "USD",
        "status": "claimed" if claim_ids else "skipped",
        "reason": None if claim_ids else "unread",
        "claim_ids": json.dumps(claim_ids),
    }


def sample_claims() -> pd.DataFrame:
    market = "global machine learning market"
    return pd.DataFrame(
        [
            _claim(
                "salary",
                "salary",
                "a median salary of $150,000 a year at Acme in 2024",
                value=150000.0,
                unit="USD",
                year=2024,
                qualifiers={"company": "Acme", "pay_period": "annual", "statistic": "median"},
            ),
            _claim(
                "market_size",
                "market_size",
                "market was USD 12.5 bn in 2023",
                subject=market,
                value=12.5e9,
                unit="USD",
                year=2023,
                qualifiers={"region": "global"},
            ),
            _claim(
                "growth_rate",
                "cagr",
                "a CAGR of 38.1% from 2023 to 2030",
                subject=market,
                value=38.1,
                unit="percent",
                year=2030,
                qualifiers={"forecast": True, "period_end": 2030, "period_start": 2023},
            ),
            _claim(
                "share",
                "share",
                "Finance employs 30% of them",
                value=30.0,
                unit="percent",
                qualifiers={"category": "finance", "dimension": "industry", "partial": False},
            ),
            _claim(
                "ranking",
                "rank",
                "Python ranks first among skills",
                value=1.0,
                unit="rank",
                text="python",
                qualifiers={"dimension": "skill"},
            ),
            _claim(
                "responsibility",
                "responsibility",
                "They deploy models to production.",
                text="deploy models to production",
            ),
        ]
    )


def sample_tables() -> dict[str, pd.DataFrame]:
    """One consistent set of all curated tables."""
    sha = "a" * 64
    return {
        "sources": pd.DataFrame(
            [
                {
                    "source_id": SOURCE_ID,
                    "uri": "file:///demo.txt",
                    "title": "Demo",
                    "publisher": None,
                    "published": "2024-05",
                    "license": "CC-BY-4.0",
                    "page_url": "https://example.org/demo",
                    "download_url": None,
                    "accessed": "2025-01-02",
                    "citation": "Demo. https://example.org/demo. Accessed 2025-01-02.",
                    "content_sha256": sha,
                    "media_type": "text/plain",
                    "charset": "utf-8",
                    "fetched_at": STAMP,
                    "n_chars": len(TEXT),
                    "n_bytes": len(TEXT.encode()),
                    "status": "ok",
                    "error": None,
                    "last_confirmed_at": STAMP,
                    "stale": False,
                }
            ]
        ),
        "documents": pd.DataFrame([{"source_id": SOURCE_ID, "content_sha256": sha, "text": TEXT}]),
        "claims": sample_claims(),
        "figures": pd.DataFrame([_figure("$150,000", ["c_salary_32"]), _figure("30%", [])]),
        "runs": pd.DataFrame(
            [
                {
                    "run_id": RUN_ID,
                    "flow_run_id": "f1",
                    "started_at": STAMP,
                    "finished_at": STAMP,
                    "status": "completed",
                    "n_sources": 1,
                    "n_sources_failed": 0,
                    "n_claims": 6,
                    "n_rejections": 0,
                    "counts": json.dumps({"claims": 6}),
                    "snapshot_id": "earlier",
                    "extractor_version": "1",
                    "message": "",
                    "n_extracted": 1,
                    "n_cached": 0,
                    "n_conflicts": 0,
                    "seconds": json.dumps({"extract": 0.5}),
                }
            ]
        ),
        "rejections": pd.DataFrame(
            [
                {
                    "run_id": RUN_ID,
                    "source_id": SOURCE_ID,
                    "stage": "extract",
                    "reason": "no number",
                    "record": "{}",
                }
            ]
        ),
        "fetches": pd.DataFrame(
            [
                {
                    "source_id": SOURCE_ID,
                    "uri": "file:///demo.txt",
                    "attempted_at": STAMP,
                    "status": "ok",
                    "http_status": None,
                    "n_bytes": len(TEXT.encode()),
                    "content_sha256": sha,
                    "error": None,
                    "elapsed_ms": 1.5,
                }
            ]
        ),
        "conflicts": pd.DataFrame(
            [
                {
                    "conflict_id": "k1",
                    "kind": "value_mismatch",
                    "subject": "machine learning engineer",
                    "attribute": "salary",
                    "n_claims": 2,
                    "values": json.dumps([1.0, 2.0]),
                    "relative_difference": 0.5,
                    "severity": "warning",
                    "detail": "two salaries",
                }
            ]
        ),
        "conflict_claims": pd.DataFrame(
            [
                {
                    "conflict_id": "k1",
                    "claim_id": claim_id,
                    "source_id": SOURCE_ID,
                    "value": value,
                    "unit": unit,
                }
                for claim_id, value, unit in sample_claims()[["claim_id", "value", "unit"]]
                .head(2)
                .itertuples(index=False)
            ]
        ),
        "facts": pd.DataFrame(
            [
                {
                    "fact_id": "f1",
                    "subject": "machine learning engineer",
                    "attribute": "salary",
                    "qualifier_key": "{}",
                    "value": 150000.0,
                    "value_high": None,
                    "unit": "USD",
                    "text": None,
                    "method": "single",
                    "n_sources": 1,
                    "n_claims": 1,
                }
            ]
        ),
        "fact_claims": pd.DataFrame(
            [
                {
                    "fact_id": "f1",
                    "claim_id": sample_claims().loc[0, "claim_id"],
                    "source_id": SOURCE_ID,
                    "rank": "preferred",
                    "reason": None,
                    "supports": True,
                    "value": 150000.0,
                    "unit": "USD",
                }
            ]
        ),
        "consensus": pd.DataFrame(
            [
                {
                    "group_id": "g1",
                    "kind": "responsibility",
                    "subject": "machine learning engineer",
                    "group_key": "deploy",
                    "label": "Deployment",
                    "n_sources": 1,
                    "n_claims": 1,
                }
            ]
        ),
        "consensus_claims": pd.DataFrame(
            [{"group_id": "g1", "claim_id": "c_responsibility_259", "source_id": SOURCE_ID}]
        ),
    }


def validated(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables as the pipeline publishes them: through `validate_table`, all rows valid."""
    from mlefacts.validate import validate_table

    out = {}
    for name, frame in tables.items():
        good, bad = validate_table(name, frame, run_id=RUN_ID)
        assert bad.empty, bad["reason"].tolist()
        out[name] = good
    return out

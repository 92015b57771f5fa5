"""The markdown summary of one run, shown as a Prefect artifact."""

from __future__ import annotations

import pandas as pd

from mlefacts.report.escape import md_text
from mlefacts.runs import RunRecord


def run_summary_markdown(record: RunRecord, tables: dict[str, pd.DataFrame]) -> str:
    """A short account of a run: sources, claims per kind, rejections, conflicts."""
    lines = [
        f"# mlefacts run `{record.run_id}`",
        "",
        f"- status: **{record.status}**, snapshot `{record.snapshot_id}`",
        f"- sources: {record.n_sources} ({record.n_sources_failed} failed), "
        f"{record.n_extracted} extracted, {record.n_cached} unchanged",
        f"- claims: {record.n_claims}; rejections: {record.n_rejections}; "
        f"conflicts: {record.n_conflicts}",
        "",
    ]
    kinds = tables.get("claim_kinds")  # kind, n: the claims of each kind
    if kinds is not None and not kinds.empty:
        lines += ["| kind | claims |", "| --- | ---: |"]
        for kind, count in zip(kinds["kind"], kinds["n"], strict=True):
            lines.append(f"| {kind} | {count} |")
        lines.append("")
    sources = tables.get("sources")
    if sources is not None and not sources.empty:
        failed = sources[sources["status"] == "error"]
        for _, row in failed.iterrows():
            lines.append(
                f"- source {md_text(str(row['uri']))} failed: {md_text(str(row['error']))}"
            )
    return "\n".join(lines) + "\n"


def new_conflicts_markdown(record: RunRecord) -> str:
    """The new-conflicts artifact of a run that found none: every run has one, so that a
    missing artifact never has to be read as 'nothing new'."""
    return (
        "# No new conflicts\n\n"
        f"Run `{record.run_id}` found no conflict that the previous snapshot did not have "
        f"({record.n_conflicts} conflict(s) in all; see `mlefacts conflicts`).\n"
    )

"""The run history: one JSON line per execution, published as the `runs` table.

Kept outside the snapshots (in the raw zone's state) so that a run that failed before it could
publish still leaves its record, and the next published `runs` table shows it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from mlefacts.atomic import append_json_line, read_json_lines


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds, the format of every timestamp here."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(slots=True)
class RunRecord:
    """What one execution of the flow did."""

    run_id: str
    flow_run_id: str
    started_at: str
    finished_at: str | None = None
    status: str = "running"
    n_sources: int = 0
    n_sources_failed: int = 0
    n_extracted: int = 0
    n_cached: int = 0
    n_claims: int = 0
    n_rejections: int = 0
    n_conflicts: int = 0
    snapshot_id: str | None = None
    extractor_version: str = ""
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The record as a `runs` row (nested fields as JSON text)."""
        row = asdict(self)
        row["counts"] = json.dumps(self.counts, sort_keys=True)
        row["seconds"] = json.dumps({k: round(v, 3) for k, v in sorted(self.seconds.items())})
        return row


def history_path(raw_dir: Path) -> Path:
    return raw_dir / "state" / "runs.jsonl"


def append_run(raw_dir: Path, record: RunRecord) -> None:
    """Append one finished run to the history; a torn line never hides the next one."""
    append_json_line(history_path(raw_dir), record.row())


def run_history(raw_dir: Path) -> list[dict[str, Any]]:
    """Every recorded run, oldest first; damaged lines (a killed writer) are skipped."""
    return read_json_lines(history_path(raw_dir))


def runs_table(raw_dir: Path, current: RunRecord) -> pd.DataFrame:
    """All recorded runs plus the one being published now, oldest first."""
    return pd.DataFrame([*run_history(raw_dir), current.row()])

"""What the Python API returns: typed results that render to plain dicts (and so to JSON)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from mlefacts.runs import RunRecord


@dataclass(frozen=True, slots=True)
class RunReport:
    """One finished run: its `runs` row, with `fail_reason` when it counts as failed under
    `run.fail_on` (a Failed flow run, exit code 1)."""

    run_id: str
    flow_run_id: str
    started_at: str
    finished_at: str | None
    status: str
    n_sources: int
    n_sources_failed: int
    n_extracted: int
    n_cached: int
    n_claims: int
    n_rejections: int
    n_conflicts: int
    snapshot_id: str | None
    extractor_version: str
    message: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    fail_reason: str | None = None
    data_dir: str = ""
    """The data directory the run published into."""

    @property
    def ok(self) -> bool:
        """Whether the run passes under its `fail_on` rule."""
        return self.fail_reason is None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunReport:
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    @classmethod
    def from_record(
        cls, record: RunRecord, *, fail_reason: str | None, data_dir: Path
    ) -> RunReport:
        seconds = {k: round(v, 3) for k, v in sorted(record.seconds.items())}
        return cls.from_dict(
            {
                **asdict(record),
                "seconds": seconds,
                "fail_reason": fail_reason,
                "data_dir": str(data_dir),
            }
        )


@dataclass(frozen=True, slots=True)
class FigureCoverage:
    """How many of the money and percentage figures the sources state a claim publishes."""

    claimed: int
    total: int

    def __str__(self) -> str:
        return f"{self.claimed} of {self.total} money and percentage figures claimed"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TableCount:
    """One curated table or typed view and its number of rows (`mlefacts tables`)."""

    table: str
    rows: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SnapshotSummary:
    """One published snapshot (`mlefacts snapshots`); counts are None for a damaged manifest."""

    snapshot: str
    current: bool
    claims: int | None
    conflicts: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One source of a manifest and its last fetch (`mlefacts sources list`)."""

    source_id: str
    uri: str
    title: str | None
    last_status: str
    last_fetched: str | None
    error: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AddedSource:
    """A source `mlefacts sources add` appended: its id, the manifest written, and why a run
    with default settings would refuse it (a private host, a path outside the manifest)."""

    source_id: str
    uri: str
    manifest: str
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What `mlefacts report` wrote."""

    html: str
    markdown: str
    charts: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows of a table or query as plain Python values, with each column's DuckDB type: what
    `mlefacts sql` and `show` print (no pandas needed; `query` and `load` give DataFrames).
    `total` is the number of rows before a limit."""

    columns: list[str]
    types: list[str]
    values: list[tuple[Any, ...]]
    total: int

    def to_dict(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.values]

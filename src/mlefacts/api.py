"""The Python API the command line wraps: run the pipeline, query and load the curated data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from mlefacts.config import default_data_dir
from mlefacts.publish.catalog import connect as _connect
from mlefacts.publish.catalog import load as _load
from mlefacts.results import FigureCoverage, RunReport
from mlefacts.settings import Settings, load_settings


def run(
    config: Path | str | None = None,
    *,
    orchestrate: bool = True,
    on_event: Callable[[str], None] | None = None,
    **options: Any,
) -> RunReport:
    """Run the pipeline once and return its report (`report.ok`, `report.to_dict()`).

    `config` is a mlefacts.toml settings file; `options` override any setting by name
    (`batch_size=50`, `fail_on="never"`, `value_tolerance=0.1`: the keys of `mlefacts.settings`),
    after the environment's `MLEFACTS_*` variables. With `orchestrate` the run is the Prefect
    flow `mlefacts-run` (a temporary server unless PREFECT_API_URL is set; `on_event` receives
    its flow and task events); without, the same stages run here, with no Prefect at all.

    A run that could not run at all raises before anything starts: `SettingsError`,
    `ManifestError`, `RunLockedError`, or `ShrinkRefusedError` for a manifest that drops more
    than `max_shrink` of the published sources (unless `allow_shrink`).
    """
    settings = load_settings(config, **options)
    check_can_run(settings)
    if not orchestrate:
        from mlefacts.fail_on import failure_reason
        from mlefacts.runner import run_pipeline

        outcome = run_pipeline(settings)
        reason = failure_reason(outcome.record, outcome.new_conflicts, fail_on=settings.run.fail_on)
        return RunReport.from_record(outcome.record, fail_reason=reason, data_dir=settings.data_dir)
    from mlefacts.flows.orchestrate import run_flow

    if on_event is None:
        return RunReport.from_dict(run_flow(settings))
    from mlefacts.flows.progress import flow_events

    with flow_events(on_event):
        return RunReport.from_dict(run_flow(settings))


def check_can_run(settings: Settings) -> None:
    """Refuse a bad manifest, a locked data directory or a manifest that would unpublish most
    sources before anything starts (the run checks again under its lock)."""
    from mlefacts.publish.lock import run_lock
    from mlefacts.runner import check_shrink
    from mlefacts.sources.manifest import load_manifest

    specs = load_manifest(settings.manifest)
    with run_lock(settings.data_dir):
        check_shrink(specs, settings)


def schedule(
    cron: str,
    *,
    timezone: str = "UTC",
    name: str = "mlefacts-scheduled",
    config: Path | str | None = None,
    **options: Any,
) -> None:
    """Serve the flow on a cron schedule (read in `timezone`) through a running Prefect server,
    until interrupted; every scheduled run uses the settings resolved here (`config`, the
    environment, `options`, as for `run`). Raises ValueError for a malformed cron,
    `UnknownTimezoneError`, `PrefectUnavailableError` when no Prefect API answers, and what
    `run` raises for settings and manifests.
    """
    from mlefacts.flows.scheduling import Schedule, serve_schedule
    from mlefacts.sources.manifest import load_manifest

    when = Schedule(cron, timezone)
    settings = load_settings(config, **options)
    load_manifest(settings.manifest)
    serve_schedule(schedule=when, name=name, settings=settings)


def connect(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with one view per curated table and the typed views.

    >>> con = mlefacts.connect()                                   # doctest: +SKIP
    >>> con.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall()  # doctest: +SKIP
    """
    return _connect(Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def load(
    table: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """One curated table as a pandas DataFrame (the current snapshot unless `snapshot`)."""
    return _load(table, Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def query(
    sql: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """The result of one SQL statement over the curated tables, as a DataFrame."""
    con = connect(data_dir, snapshot=snapshot)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def verify(
    data_dir: Path | str | None = None, *, all_snapshots: bool = False
) -> dict[str, list[str]]:
    """Each published snapshot (the current one unless `all_snapshots`) checked against the
    sha256 and size its manifest recorded for every file: {snapshot id: problems}, [] if sound.

    Raises `NoSnapshotError` when nothing has been published yet.
    """
    from mlefacts.publish.catalog import NoSnapshotError
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots, verify_snapshot

    curated = (Path(data_dir) if data_dir else default_data_dir()) / "curated"
    current = current_snapshot(curated)
    if current is None:
        raise NoSnapshotError(f"no snapshot published yet in {curated}")
    ids = list_snapshots(curated) if all_snapshots else [current]
    return {snapshot: verify_snapshot(curated, snapshot) for snapshot in ids}


def rollback(snapshot: str, data_dir: Path | str | None = None) -> None:
    """Make an earlier snapshot current again, atomically, after verifying its files; under
    the run lock, so never in the middle of a run. Raises `LookupError` for an unknown id,
    `SnapshotDamagedError` for a damaged snapshot, `RunLockedError` while a run holds the lock.
    """
    from mlefacts.publish.catalog import write_catalog
    from mlefacts.publish.lock import run_lock
    from mlefacts.publish.snapshots import rollback as switch_back

    folder = Path(data_dir) if data_dir else default_data_dir()
    with run_lock(folder):
        switch_back(folder / "curated", snapshot)
        write_catalog(folder / "curated")


def figures(
    data_dir: Path | str | None = None,
    *,
    unclaimed: bool = False,
    source: str | None = None,
    snapshot: str | None = None,
) -> pd.DataFrame:
    """The `figures` table with each figure's sentence: what every page states, claimed or not.

    `unclaimed` keeps the skipped figures only; `source` one source (by id, or a part of its
    URI or title). The `sentence` column is the figure's line of the document, for reading.
    """
    folder = Path(data_dir) if data_dir else default_data_dir()
    frame = _load("figures", folder, snapshot=snapshot)
    if unclaimed:
        frame = frame[frame["status"] == "skipped"]
    if source:
        sources = _load("sources", folder, snapshot=snapshot)
        matches = (
            (sources["source_id"] == source)
            | sources["uri"].str.contains(source, regex=False)
            | sources["title"].fillna("").str.contains(source, regex=False)
        )
        frame = frame[frame["source_id"].isin(sources.loc[matches, "source_id"])]
    texts = _load("documents", folder, snapshot=snapshot).set_index("source_id")["text"]
    frame = frame.reset_index(drop=True)
    frame["sentence"] = [
        _line_around(texts[row.source_id], row.char_start, row.char_end)
        for row in frame.itertuples(index=False)
    ]
    return frame


def figure_coverage(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> FigureCoverage:
    """Claimed vs all money and percentage figures in the published snapshot."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    frame = _load("figures", folder, snapshot=snapshot)
    counted = frame[frame["figure_type"].isin(["money", "percent"])]
    return FigureCoverage(int((counted["status"] == "claimed").sum()), len(counted))


def _line_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The line of `text` holding [start, end), cut to about `limit` characters around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = max(line_start, start - limit // 2)
    line_end = min(line_end, end + limit // 2)
    return " ".join(text[line_start:line_end].split())

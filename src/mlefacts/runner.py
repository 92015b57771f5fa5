"""One run of the pipeline, in plain Python: the order of the stages and what a run records.

`run_pipeline` is what the Prefect flow executes; the flow only supplies `Stages` that run each
step as a Prefect task (batches mapped over the task runner). Tests and scripts use the plain
stages and need no Prefect server.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from mlefacts.assemble import RunTables, open_run, sql_literal
from mlefacts.cache import ExtractionCache
from mlefacts.extract import extraction_fingerprint
from mlefacts.memory import large_blocks_mapped, release_freed_memory
from mlefacts.pipeline import (
    Batches,
    IngestBatch,
    RunInputs,
    extract_batch,
    fetch_shards,
    fetches_table,
    ingest_batch,
    plan_batches,
    published_table,
    publishing_run,
    results_fingerprint,
    unchanged_since_last_publish,
)
from mlefacts.publish.catalog import write_catalog
from mlefacts.publish.lock import run_lock
from mlefacts.publish.snapshots import (
    CURRENT,
    current_snapshot,
    list_snapshots,
    publish_snapshot,
    republish_current,
    rollback,
    snapshot_dir,
    verify_snapshot,
)
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import CLAIM_COLUMNS
from mlefacts.reconcile.parts import PROFILE, plan_parts
from mlefacts.reconcile.shards import Reconciled, ReconcilePart, reconcile_parts
from mlefacts.reconcile.stage import DERIVED, SOURCE_COLUMNS, forget_normalized_texts
from mlefacts.runs import RunRecord, append_run, runs_table, utc_now
from mlefacts.settings import Settings
from mlefacts.sources.manifest import SourceSpec, load_manifest
from mlefacts.sources.rawzone import RawZone
from mlefacts.staging import (
    SHARD_TABLES,
    BatchSummary,
    clear_staging,
    open_staging,
    remove_earlier_staging,
    staging_dir,
)
from mlefacts.validate import concat_rejections

Tables = dict[str, pd.DataFrame]
# What publish takes: frames to encode, or files already compacted from the shards.
Published = Mapping[str, pd.DataFrame | Path]


def publish_tables(tables: Published, settings: Settings) -> str:
    """Write a new snapshot, switch `curated/current` to it atomically, refresh the catalog."""
    info = publish_snapshot(
        tables, curated_dir=settings.curated_dir, keep=settings.run.keep_snapshots
    )
    write_catalog(settings.curated_dir)
    return info.snapshot_id


def publish_unchanged_tables(logs: Mapping[str, pd.DataFrame], settings: Settings) -> str:
    """Nothing changed: a new snapshot of the same table files with the logs (`runs`, with
    the new run's row, and `fetches`) written anew."""
    info = republish_current(
        logs, curated_dir=settings.curated_dir, keep=settings.run.keep_snapshots
    )
    write_catalog(settings.curated_dir)
    return info.snapshot_id


# Told the inputs of every ingested batch, says whether the run goes on to extract them all
# (false: the inputs are those of the published snapshot, which the run publishes again as it is).
GoOn = Callable[[RunInputs], bool]


def run_batches(
    batches: Batches, settings: Settings, fingerprint: str, go_on: GoOn
) -> list[BatchSummary] | None:
    """Ingest and extract the batches one after another, here. A batch with sources to
    extract is extracted as soon as it is ingested (its shards need no run id) and then let
    go; a batch whose sources are all unchanged is kept until `go_on` says the run goes on.
    The summaries in batch order, or None when the run does not go on."""
    inputs = RunInputs()
    waiting: dict[int, IngestBatch] = {}
    summaries: dict[int, BatchSummary] = {}
    for index, specs in enumerate(batches):
        batch = ingest_batch(specs, settings=settings, fingerprint=fingerprint)
        inputs.add(batch)
        if batch.n_new:
            summaries[index] = extract_batch(
                batch, settings=settings, fingerprint=fingerprint, index=index
            )
        else:
            waiting[index] = batch
    if not go_on(inputs):
        return None
    for index, batch in waiting.items():
        summaries[index] = extract_batch(
            batch, settings=settings, fingerprint=fingerprint, index=index
        )
    return [summaries[index] for index in range(len(batches))]


@dataclass(frozen=True)
class Stages:
    """How each step runs. The defaults call the plain functions one batch after another."""

    # Ingest every batch and write its shards into the run's staging area (`run_batches`).
    batches: Callable[[Batches, Settings, str, GoOn], list[BatchSummary] | None] = run_batches
    # Given the parts of the claims (`mlefacts.reconcile.parts`, each made as it is asked
    # for), writes each part's tables into its folder; returns their files, in the parts'
    # order.
    reconcile: Callable[[Iterator[ReconcilePart], str, ReconcileConfig], list[Reconciled]] = (
        reconcile_parts
    )
    publish: Callable[[Published, Settings], str] = publish_tables
    publish_unchanged: Callable[[Mapping[str, pd.DataFrame], Settings], str] = (
        publish_unchanged_tables
    )


@dataclass(slots=True)
class RunOutcome:
    """A finished run: its record, what its summary shows (`claim_kinds`: claims per kind;
    `sources`: the failed sources; empty when nothing changed; the whole tables stay on disk)
    and the conflicts that the previous snapshot did not have: how many, how many of severity
    error, and the `SHOWN_CONFLICTS` most severe."""

    record: RunRecord
    tables: Tables = field(default_factory=dict)
    new_conflicts: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["severity", "kind", "subject", "detail"])
    )
    n_new_conflicts: int = 0
    n_new_errors: int = 0


def run_pipeline(
    settings: Settings, *, stages: Stages | None = None, flow_run_id: str = ""
) -> RunOutcome:
    """Run every stage under the data directory's lock and record the run, failed or not."""
    stages = stages or Stages()
    settings.curated_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(settings.data_dir):
        record = RunRecord(
            run_id="",
            flow_run_id=flow_run_id,
            started_at=utc_now(),
            extractor_version=extraction_fingerprint(),
        )
        try:
            outcome = _run(record, settings, stages)
        except Exception as exc:
            record.status = "failed"
            record.finished_at = utc_now()
            record.message = f"{type(exc).__name__}: {exc}"
            append_run(settings.raw_dir, record)
            raise
        append_run(settings.raw_dir, record)
        return outcome


def _run(record: RunRecord, settings: Settings, stages: Stages) -> RunOutcome:
    specs = load_manifest(settings.manifest)
    record.message = recover_damaged_current(settings.curated_dir)
    check_shrink(specs, settings)
    record.n_sources = len(specs)
    batches = plan_batches(specs, settings.run.batch_size)
    del specs  # held packed in `batches` from here (100,000 sources: ~4 MB, not ~43)
    notes = [record.message, remove_earlier_staging(settings.data_dir)]
    record.message = "; ".join(note for note in notes if note)
    open_staging(settings.data_dir)
    try:
        started = time.perf_counter()

        def go_on(inputs: RunInputs) -> bool:
            record.seconds["ingest_wall"] = time.perf_counter() - started
            record.run_id = inputs.run_id(results_fingerprint(settings))
            return not (
                settings.extract.cache
                and unchanged_since_last_publish(record.run_id, inputs, settings)
            )

        summaries = stages.batches(batches, settings, record.extractor_version, go_on)
        del batches  # the whole-run stages need no spec
        if summaries is None:
            _publish_unchanged(record, settings, stages)
            return RunOutcome(record)
        # Batches extract while others are ingested: this is the rest of the batch stage.
        record.seconds["extract_wall"] = (
            time.perf_counter() - started - record.seconds["ingest_wall"]
        )
        return _publish_batches(record, summaries, settings, stages)
    finally:
        clear_staging(settings.data_dir)


def _publish_batches(
    record: RunRecord, summaries: list[BatchSummary], settings: Settings, stages: Stages
) -> RunOutcome:
    """The full path: the whole-run stages read the batches' shards in DuckDB, reconcile,
    compact and publish."""
    folder = staging_dir(settings.data_dir)
    for summary in summaries:
        for stage, value in summary.seconds.items():
            record.seconds[stage] = record.seconds.get(stage, 0.0) + value
    record.n_extracted = sum(summary.n_extracted for summary in summaries)
    record.n_cached = sum(summary.n_cached for summary in summaries)
    with open_run(
        summaries, data_dir=settings.data_dir, run_id=record.run_id, folder=folder
    ) as run:
        return _reconcile_and_publish(record, run, settings, stages)


def _reconcile_and_publish(
    record: RunRecord, run: RunTables, settings: Settings, stages: Stages
) -> RunOutcome:
    record.n_sources_failed = run.n_sources_failed
    # What the batch stage and the run's checks freed is given back before reconcile, and
    # each part's and each table's after it (`release_freed_memory`).
    release_freed_memory()
    started = time.perf_counter()
    rejected_derived = _reconcile_in_parts(record.run_id, run, settings, stages)
    record.seconds["reconcile"] = time.perf_counter() - started
    # The fetches of every run (~200 bytes each as pandas, more while validated), validated a
    # chunk at a time into shards and compacted like the other tables: never held whole.
    fetches, rejected_fetches = fetch_shards(
        RawZone(settings.raw_dir), run_id=record.run_id, folder=run.folder / "fetches"
    )
    run.attach("fetches", fetches)
    # What the run's summary shows (the claims per kind, the failed sources); the whole tables
    # stay on disk.
    shown: Tables = {
        "claim_kinds": run.counts("claims", "kind"),
        "sources": run.frame("sources", where="status = 'error'"),
    }

    started = time.perf_counter()
    extra = {"rejections": concat_rejections([run.rejected, rejected_fetches, rejected_derived])}
    tables: dict[str, pd.DataFrame | Path] = {}
    # What was freed since the last part (the fetches validated, the summary read) goes back
    # before the compaction's buffers come on top: 89 MB at 100,000 sources.
    release_freed_memory()
    with large_blocks_mapped():
        for name in (*SHARD_TABLES, *DERIVED, "fetches"):
            tables[name] = run.compact(name, extra=extra.get(name))
            release_freed_memory()
    record.seconds["compact"] = time.perf_counter() - started
    record.counts = {
        name: _rows(table) for name, table in sorted(tables.items(), key=lambda item: item[0])
    }
    record.n_claims = record.counts["claims"]
    record.n_rejections = record.counts["rejections"]
    record.n_conflicts = record.counts["conflicts"]
    record.status = "completed_with_errors" if record.n_sources_failed else "completed"
    record.finished_at = utc_now()
    tables["runs"] = runs_table(settings.raw_dir, record)
    new_conflicts, n_new, n_new_errors = _new_conflicts(run, settings.curated_dir)

    started = time.perf_counter()
    record.snapshot_id = stages.publish(tables, settings)
    record.seconds["publish"] = time.perf_counter() - started
    ExtractionCache(settings.cache_dir, record.extractor_version).prune()
    return RunOutcome(record, shown, new_conflicts, n_new, n_new_errors)


# About how many claims a part of reconcile has (more only where one group has more: see
# `mlefacts.reconcile.parts`), and how many it reads at a time.
RECONCILE_PART_ROWS = 20_000
# The claims of the parts reconciled at once on worker processes, at most, counting each as
# large as the run's largest part (one part, however large, at least): the largest parts are
# single groups that grow with the corpus, and so does the flow's memory beside them. At
# 10,000 articles (largest part 26,809 claims) two workers stayed under the batch stage's peak;
# at 100,000 (265,615) two took the run's peak to 1,246.8 MB, 1.31x a 10,000 run's, where one
# part at a time in the flow's process kept it at 913.8 MB (reconcile 338 -> 518 s).
RECONCILE_CLAIMS_AT_ONCE = 100_000


def reconcile_workers(processes: int, largest: int) -> int:
    """Processes to reconcile the parts on, given those the runner may use and the claims of
    the run's largest part: as many such parts as `RECONCILE_CLAIMS_AT_ONCE` holds, at least
    one (the flow's own: one part at a time, as the 'threads' runner reconciles)."""
    fit = RECONCILE_CLAIMS_AT_ONCE // max(largest, 1)
    return max(1, min(processes, fit))


def _reconcile_in_parts(
    run_id: str, run: RunTables, settings: Settings, stages: Stages
) -> pd.DataFrame:
    """Reconcile the claims part by part (see `mlefacts.reconcile.parts`), each part's tables
    written into the staging area and attached to `run` as views to compact;
    returns the rejected rows. Each part is given the sources of its claims (and those of
    the same bytes, which tell a copy), not every source: what reconcile does with the sources
    (names, copies, dates) then costs each part its own sources, where every source in every
    part made reconcile's time grow with the square of the corpus."""
    largest = 0  # the claims of the largest part, once the parts are planned

    def assign(profiles: Iterator[pd.DataFrame]) -> np.ndarray:
        nonlocal largest
        plan = plan_parts(profiles, settings.reconcile, RECONCILE_PART_ROWS)
        largest = int(plan.claims.max(initial=0))
        return plan.numbers

    parts = run.parts("claims", CLAIM_COLUMNS, by=PROFILE, assign=assign, rows=RECONCILE_PART_ROWS)

    def each_part() -> Iterator[ReconcilePart]:
        for index, claims in enumerate(parts):
            sources = run.sources_of(claims.distinct("source_id"), SOURCE_COLUMNS)
            folder = run.folder / "reconciled" / f"{index:08d}"
            yield ReconcilePart(claims, sources, folder, largest)
            release_freed_memory()

    written: dict[str, list[Path]] = {name: [] for name in DERIVED}
    rejected = []
    for files, bad in stages.reconcile(each_part(), run_id, settings.reconcile):
        rejected.append(bad)
        for name in DERIVED:
            written[name] += [Path(path) for path in files[name]]
    run.forget_sources()
    forget_normalized_texts()
    for name, paths in written.items():
        run.attach(name, paths)
    return concat_rejections(rejected)


# The new conflicts a run's outcome holds, the most severe first (its report shows them).
SHOWN_CONFLICTS = 500
# The order of `reconcile.conflicts_frame`: the most severe first.
_CONFLICT_ORDER = (
    "CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "
    "kind, subject, attribute, conflict_id"
)


def _new_conflicts(run: RunTables, curated_dir: Path) -> tuple[pd.DataFrame, int, int]:
    """The run's conflicts that the current snapshot does not have: the `SHOWN_CONFLICTS` most
    severe (the columns the run's report shows), how many in all and of severity error. A first
    run on a big corpus finds every conflict new: 1.45 million at 100,000 articles, ~770 MB as
    pandas, so only the shown ones are read."""
    new = "SELECT * FROM conflicts"
    current = current_snapshot(curated_dir)
    published = snapshot_dir(curated_dir, current) / "conflicts.parquet" if current else None
    if published is not None and published.is_file():
        new += (
            " WHERE conflict_id NOT IN (SELECT conflict_id FROM read_parquet("
            + sql_literal(published)
            + "))"
        )
    shown = run.con.sql(
        f"SELECT severity, kind, subject, detail FROM ({new}) "
        f"ORDER BY {_CONFLICT_ORDER} LIMIT {SHOWN_CONFLICTS}"
    ).df()
    n_new, n_errors = run.con.sql(
        f"SELECT count(*), count(*) FILTER (WHERE severity = 'error') FROM ({new})"
    ).fetchall()[0]
    return shown, int(n_new), int(n_errors)


def _rows(table: pd.DataFrame | Path) -> int:
    return pq.read_metadata(table).num_rows if isinstance(table, Path) else len(table)


class ShrinkRefusedError(ValueError):
    """The manifest would drop more of the published sources than a run may without being told."""


def check_shrink(specs: list[SourceSpec], settings: Settings) -> None:
    """Refuse a run whose manifest drops more than `max_shrink` of the published sources (a
    mistyped or truncated manifest must not unpublish good data) unless `allow_shrink`."""
    if settings.run.allow_shrink:
        return
    published = _published_source_ids(settings.curated_dir)
    if not published:
        return
    dropped = published - {spec.source_id for spec in specs}
    if len(dropped) > settings.run.max_shrink * len(published):
        raise ShrinkRefusedError(
            f"{settings.manifest} would drop {len(dropped)} of the {len(published)} published "
            f"sources (more than {settings.run.max_shrink:.0%}); if that is meant, run again with "
            "allow_shrink (--allow-shrink) or a higher max_shrink (--max-shrink)"
        )


def _published_source_ids(curated_dir: Path) -> set[str]:
    """The ids of the current snapshot's sources: one column read, not the table."""
    current = current_snapshot(curated_dir)
    path = snapshot_dir(curated_dir, current) / "sources.parquet" if current else None
    if path is None or not path.is_file():
        return set()
    return set(pq.read_table(path, columns=["source_id"]).column("source_id").to_pylist())


def recover_damaged_current(curated_dir: Path) -> str:
    """Before a run reuses anything published: when the current snapshot does not match its
    manifest, switch back to the newest sound snapshot (or to none, so that the run rebuilds
    from the raw zone). Returns what was done, for the run's message ('' when all is sound)."""
    current = current_snapshot(curated_dir)
    if current is None:
        return ""
    problems = verify_snapshot(curated_dir, current)
    if not problems:
        return ""
    damaged = f"the current snapshot {current} was damaged ({'; '.join(problems)})"
    for candidate in reversed(list_snapshots(curated_dir)):
        if candidate != current and not verify_snapshot(curated_dir, candidate):
            rollback(curated_dir, candidate)
            write_catalog(curated_dir)
            return f"{damaged}: rolled back to {candidate} before this run"
    (curated_dir / CURRENT).unlink()
    return f"{damaged} and no earlier snapshot is sound: rebuilt from the raw zone"


def _publish_unchanged(record: RunRecord, settings: Settings, stages: Stages) -> None:
    """The fast path when inputs and extractors are those of the published snapshot: nothing
    is extracted, validated or reconciled again; the same table files get a new `runs` row."""
    last = publishing_run(settings)
    assert last is not None
    for name in ("n_claims", "n_rejections", "n_conflicts", "n_sources_failed"):
        setattr(record, name, int(last[name]))
    record.counts = json.loads(last["counts"])
    record.n_cached = record.n_sources
    record.status = str(last["status"])  # the failures it republishes are still failures
    unchanged = "inputs unchanged since the published snapshot; nothing re-extracted"
    record.message = f"{record.message}; {unchanged}" if record.message else unchanged
    record.finished_at = utc_now()
    started = time.perf_counter()
    # This run's fetch attempts (a URL answered 304) are new rows of the fetches log.
    fetches, rejected = fetches_table(RawZone(settings.raw_dir), run_id=record.run_id)
    logs = {"runs": runs_table(settings.raw_dir, record), "fetches": fetches}
    if not rejected.empty:  # the log's records that fail validation, as a full run has them
        published = published_table("rejections", settings)
        assert published is not None
        others = published[~published["reason"].str.startswith("[fetches]")]
        logs["rejections"] = concat_rejections([others, rejected])
    record.snapshot_id = stages.publish_unchanged(logs, settings)
    record.seconds["publish"] = time.perf_counter() - started

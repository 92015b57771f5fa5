"""Publish a manifest's sources into a data dir with the plain pipeline functions (no Prefect).

The same stages as `flows/mlefacts_flow.py`, for tests that need real curated data but not a
flow run: ingest and extract, assemble, validate, reconcile, publish a snapshot, build the catalog.
"""

from __future__ import annotations

from pathlib import Path

from mlefacts.config import RunSettings
from mlefacts.extract import extraction_fingerprint
from mlefacts.pipeline import (
    assemble,
    compute_run_id,
    concat_rejections,
    plan_batches,
    process_batch,
    reconcile_tables,
    validate_tables,
)
from mlefacts.publish.catalog import write_catalog
from mlefacts.publish.lock import run_lock
from mlefacts.publish.snapshots import publish_snapshot
from mlefacts.runs import RunRecord, append_run, runs_table, utc_now
from mlefacts.sources.manifest import load_manifest


def publish_manifest(manifest: Path, data_dir: Path, *, keep_snapshots: int = 10) -> str:
    """Run every stage on `manifest` into `data_dir`; return the new snapshot id."""
    settings = RunSettings(
        data_dir=data_dir.resolve(), manifest=manifest.resolve(), keep_snapshots=keep_snapshots
    )
    fingerprint = extraction_fingerprint()
    with run_lock(settings.data_dir):
        specs = load_manifest(settings.manifest)
        batches = [
            process_batch(batch, settings=settings, fingerprint=fingerprint)
            for batch in plan_batches(specs, settings.batch_size)
        ]
        record = RunRecord(
            run_id=compute_run_id(fingerprint, batches),
            flow_run_id="",
            started_at=utc_now(),
            extractor_version=fingerprint,
            n_sources=len(specs),
        )
        assembled = assemble(batches, run_id=record.run_id, settings=settings)
        record.n_sources_failed = assembled.n_sources_failed
        earlier = assembled.tables.pop("rejections")
        tables, rejected = validate_tables(assembled.tables, run_id=record.run_id)
        derived, rejected_derived = reconcile_tables(
            tables["claims"], tables["sources"], run_id=record.run_id
        )
        tables.update(derived)
        tables["rejections"] = concat_rejections([earlier, rejected, rejected_derived])
        record.n_claims = len(tables["claims"])
        record.n_rejections = len(tables["rejections"])
        record.n_conflicts = len(tables["conflicts"])
        record.counts = {name: len(frame) for name, frame in sorted(tables.items())}
        record.status = "completed_with_errors" if record.n_sources_failed else "completed"
        record.finished_at = utc_now()
        tables["runs"] = runs_table(settings.raw_dir, record)
        info = publish_snapshot(
            tables, curated_dir=settings.curated_dir, keep=settings.keep_snapshots
        )
        write_catalog(settings.curated_dir)
        record.snapshot_id = info.snapshot_id
        append_run(settings.raw_dir, record)
    return info.snapshot_id

"""The mlefacts Prefect flow: ingest and extract in batches, then validate, reconcile, publish.

Wiring only: every task calls a plain function of `mlefacts`. Run it with `mlefacts run` or
`python flows/mlefacts_flow.py [--sources MANIFEST] [--data-dir DIR]`.
"""

from __future__ import annotations

from mlefacts.prefect_defaults import apply_prefect_defaults

apply_prefect_defaults()

import argparse
import time
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from mlefacts.config import RunSettings, default_data_dir, default_manifest
from mlefacts.extract import extraction_fingerprint
from mlefacts.pipeline import (
    BatchResult,
    assemble,
    compute_run_id,
    concat_rejections,
    plan_batches,
    process_batch,
    published_table,
    reconcile_tables,
    validate_tables,
)
from mlefacts.publish.catalog import write_catalog
from mlefacts.publish.lock import run_lock
from mlefacts.publish.snapshots import publish_snapshot
from mlefacts.report.summary import run_summary_markdown
from mlefacts.runs import RunRecord, append_run, runs_table, utc_now
from mlefacts.sources.manifest import SourceSpec, load_manifest


@task(name="ingest-and-extract", cache_policy=NO_CACHE)
def ingest_and_extract(
    batch: list[SourceSpec], settings: RunSettings, fingerprint: str
) -> BatchResult:
    """One batch of sources: fetch or read, decode, parse, extract (or reuse the cache)."""
    return process_batch(batch, settings=settings, fingerprint=fingerprint)


@task(name="validate", cache_policy=NO_CACHE)
def validate(
    tables: dict[str, pd.DataFrame], run_id: str
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Pandera validation of every table; failing rows become rejections."""
    return validate_tables(tables, run_id=run_id)


@task(name="reconcile", cache_policy=NO_CACHE)
def reconcile(
    claims: pd.DataFrame, sources: pd.DataFrame, run_id: str
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Conflicts between and within sources, facts with a preferred value, consensus groups."""
    return reconcile_tables(claims, sources, run_id=run_id)


@task(name="publish", cache_policy=NO_CACHE)
def publish(tables: dict[str, pd.DataFrame], settings: RunSettings) -> str:
    """Write a new snapshot, switch `curated/current` to it atomically, refresh the catalog."""
    info = publish_snapshot(tables, curated_dir=settings.curated_dir, keep=settings.keep_snapshots)
    write_catalog(settings.curated_dir)
    return info.snapshot_id


@flow(name="mlefacts-run")
def mlefacts_run(
    sources: str | None = None,
    data_dir: str | None = None,
    batch_size: int = 100,
    keep_snapshots: int = 10,
    allow_private_hosts: bool = False,
    allow_outside_paths: bool = False,
) -> dict[str, Any]:
    """Ingest the sources of a manifest and publish curated, validated tables of claims."""
    settings = RunSettings(
        data_dir=Path(data_dir).resolve() if data_dir else default_data_dir(),
        manifest=Path(sources).resolve() if sources else default_manifest(),
        batch_size=batch_size,
        keep_snapshots=keep_snapshots,
        allow_private_hosts=allow_private_hosts,
        allow_outside_paths=allow_outside_paths,
    )
    settings.curated_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(settings.data_dir):
        return _run_locked(settings)


def _run_locked(settings: RunSettings) -> dict[str, Any]:
    fingerprint = extraction_fingerprint()
    record = RunRecord(
        run_id="",
        flow_run_id=str(flow_run.get_id() or ""),
        started_at=utc_now(),
        extractor_version=fingerprint,
    )
    try:
        specs = load_manifest(settings.manifest)
        record.n_sources = len(specs)
        started = time.perf_counter()
        futures = ingest_and_extract.map(
            plan_batches(specs, settings.batch_size),
            settings=unmapped(settings),
            fingerprint=unmapped(fingerprint),
        )
        batches = [future.result() for future in futures]
        record.seconds["ingest_extract_wall"] = time.perf_counter() - started
        record.run_id = compute_run_id(fingerprint, batches)
        assembled = assemble(batches, run_id=record.run_id, settings=settings)
        record.seconds.update(assembled.seconds)
        record.n_extracted, record.n_cached = assembled.n_extracted, assembled.n_cached
        record.n_sources_failed = assembled.n_sources_failed

        started = time.perf_counter()
        earlier = assembled.tables.pop("rejections")
        tables, rejected = validate(assembled.tables, record.run_id)
        record.seconds["validate"] = time.perf_counter() - started

        started = time.perf_counter()
        derived, rejected_derived = reconcile(tables["claims"], tables["sources"], record.run_id)
        tables.update(derived)
        record.seconds["reconcile"] = time.perf_counter() - started

        tables["rejections"] = concat_rejections([earlier, rejected, rejected_derived])
        record.n_claims = len(tables["claims"])
        record.n_rejections = len(tables["rejections"])
        record.n_conflicts = len(tables["conflicts"])
        record.counts = {name: len(frame) for name, frame in sorted(tables.items())}
        record.status = "completed_with_errors" if record.n_sources_failed else "completed"
        record.finished_at = utc_now()
        tables["runs"] = runs_table(settings.raw_dir, record)

        before = published_table("conflicts", settings)
        known = set(before["conflict_id"]) if before is not None else set()
        new_conflicts = tables["conflicts"][~tables["conflicts"]["conflict_id"].isin(known)]

        started = time.perf_counter()
        record.snapshot_id = publish(tables, settings)
        record.seconds["publish"] = time.perf_counter() - started
    except Exception as exc:
        record.status = "failed"
        record.finished_at = utc_now()
        record.message = f"{type(exc).__name__}: {exc}"
        append_run(settings.raw_dir, record)
        raise
    append_run(settings.raw_dir, record)
    _create_artifacts(record, tables, new_conflicts)
    return record.row()


def _create_artifacts(
    record: RunRecord, tables: dict[str, pd.DataFrame], new_conflicts: pd.DataFrame
) -> None:
    """A markdown summary of the run and a table of the conflicts it found that the previous
    snapshot did not have, shown in the Prefect UI."""
    create_markdown_artifact(
        markdown=run_summary_markdown(record, tables),
        key="mlefacts-run-summary",
        description="What this mlefacts run ingested, extracted, rejected and published",
    )
    if not new_conflicts.empty:
        columns = ["severity", "kind", "subject", "detail"]
        create_table_artifact(
            table=new_conflicts[columns].to_dict(orient="records"),
            key="mlefacts-new-conflicts",
            description="Conflicts this run found that the previous snapshot did not have",
        )


def main(argv: list[str] | None = None) -> None:
    """`python flows/mlefacts_flow.py`: the same flow as `mlefacts run`."""
    parser = argparse.ArgumentParser(description=mlefacts_run.description)
    parser.add_argument("--sources", help="sources manifest (TOML); default: the bundled one")
    parser.add_argument("--data-dir", help="directory holding raw/ and curated/")
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args(argv)
    summary = mlefacts_run(sources=args.sources, data_dir=args.data_dir, batch_size=args.batch_size)
    print(f"run {summary['run_id']}: {summary['status']}, {summary['n_claims']} claims")


if __name__ == "__main__":
    main()

"""Publish a manifest's sources into a data dir with the plain pipeline (no Prefect server).

The same stages as the flow (`mlefacts.runner.run_pipeline`), for tests that need real
curated data but not a flow run.
"""

from __future__ import annotations

from pathlib import Path

from mlefacts.runner import run_pipeline
from mlefacts.settings import RunOptions, Settings


def publish_manifest(manifest: Path, data_dir: Path, *, keep_snapshots: int = 10) -> str:
    """Run every stage on `manifest` into `data_dir`; return the new snapshot id."""
    settings = Settings(
        data_dir=data_dir.resolve(),
        manifest=manifest.resolve(),
        run=RunOptions(keep_snapshots=keep_snapshots),
    )
    snapshot_id = run_pipeline(settings).record.snapshot_id
    assert snapshot_id is not None
    return snapshot_id

"""Publishing: validated tables to atomic Parquet snapshots, a DuckDB catalog, a data package."""

from __future__ import annotations

from mlefacts.publish.catalog import connect, list_snapshots, load, write_catalog
from mlefacts.publish.datapackage import write_datapackage
from mlefacts.publish.diff import diff_snapshots
from mlefacts.publish.lock import RunLockedError, run_lock
from mlefacts.publish.schema_export import export_schemas
from mlefacts.publish.snapshots import SnapshotInfo, publish_snapshot

__all__ = [
    "RunLockedError",
    "SnapshotInfo",
    "connect",
    "diff_snapshots",
    "export_schemas",
    "list_snapshots",
    "load",
    "publish_snapshot",
    "run_lock",
    "write_catalog",
    "write_datapackage",
]

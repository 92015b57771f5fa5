"""The DuckDB catalog and the read API: `connect`, `load`, `list_snapshots`.

`connect` gives a locked-down, in-memory DuckDB connection: each table of the snapshot is a view
over its Parquet file, resolved against the data directory it was asked for (so a copied or moved
data directory reads its own files), plus the typed views. DuckDB reads the files through a
read-only file system (`mlefacts.publish.snapshot_fs`) and refuses every other file access
(`enable_external_access=false`, so no COPY TO, ATTACH, EXPORT or read_csv of other files),
extension installs and loads, and any change of settings (`lock_configuration=true`).

`curated/mlefacts.duckdb` is for other DuckDB clients: one view per table over the relative path
`current/<table>.parquet`, which DuckDB resolves against its working directory, so open it from
`curated/` (or `SET file_search_path` to that directory). It is rebuilt, in a temporary file
swapped in with `os.replace`, only when what it encodes changed: the set of tables, their columns
or the view definitions.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from mlefacts.atomic import atomic_path
from mlefacts.config import default_data_dir
from mlefacts.contract import SCHEMA_VERSION, TABLE_NAMES
from mlefacts.publish.schema_version import VERSION_KEY, require_readable
from mlefacts.publish.snapshot_fs import SnapshotFileSystem, snapshot_url
from mlefacts.publish.snapshots import (
    CURRENT,
    current_snapshot,
    list_snapshots,
    snapshot_dir,
)
from mlefacts.publish.views import TYPED_VIEW_NAMES, TYPED_VIEWS, view_sql

if TYPE_CHECKING:  # `connect` (the read commands) needs no pandas; `load` imports it
    import pandas as pd

__all__ = ["connect", "list_snapshots", "load", "write_catalog"]

CATALOG = "mlefacts.duckdb"
_SIGNATURE_TABLE = "_mlefacts_catalog"
# The connection given to users starts without extensions; once the snapshot's files are
# registered it may reach nothing but them (read-only) and change no setting.
EXTENSIONS_OFF = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
}
LOCK_DOWN = ("SET enable_external_access = false", "SET lock_configuration = true")


class NoSnapshotError(FileNotFoundError):
    """Nothing has been published in this data directory yet."""


class UnknownTableError(LookupError):
    """A table or view name that the snapshot does not have."""


class UnknownSnapshotError(LookupError):
    """A snapshot id that is not among the complete snapshots."""


def _table_files(folder: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(folder.glob("*.parquet")) if p.stem in TABLE_NAMES}


def _require_current(curated_dir: Path) -> Path:
    if current_snapshot(curated_dir) is None:
        raise NoSnapshotError(
            f"no snapshot published yet in {curated_dir}; run `mlefacts run` first"
        )
    return curated_dir / CURRENT


def _signature(files: dict[str, Path]) -> str:
    """What the catalog encodes; a different signature means it must be rebuilt."""
    import pyarrow.parquet as pq

    parts = {
        "schema_version": SCHEMA_VERSION,
        "tables": {name: str(pq.read_schema(p).remove_metadata()) for name, p in files.items()},
        "views": [view_sql(view) for view in TYPED_VIEWS],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _stored_signature(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            row = con.execute(f"SELECT signature FROM {_SIGNATURE_TABLE}").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def _create_typed_views(con: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
    if "claims" in tables:
        for view in TYPED_VIEWS:
            con.execute(view_sql(view))


def write_catalog(curated_dir: Path) -> Path:
    """Build `curated/mlefacts.duckdb` over `current`, unless the existing one is up to date."""
    files = _table_files(_require_current(curated_dir))
    path = curated_dir / CATALOG
    signature = _signature(files)
    if _stored_signature(path) == signature:
        return path
    with atomic_path(path, durable=False) as temporary, duckdb.connect(str(temporary)) as con:
        # The relative paths are bound (checked) against the curated directory.
        con.execute("SET file_search_path = ?", [str(curated_dir.absolute())])
        for name in files:
            con.execute(
                f"CREATE OR REPLACE VIEW {name} AS "
                f"SELECT * FROM read_parquet('{CURRENT}/{name}.parquet')"
            )
        _create_typed_views(con, list(files))
        con.execute(f"CREATE TABLE {_SIGNATURE_TABLE} (signature VARCHAR)")
        con.execute(f"INSERT INTO {_SIGNATURE_TABLE} VALUES (?)", [signature])
    return path


def _resolve_snapshot(curated_dir: Path, snapshot: str | None) -> Path:
    """The directory of `snapshot`, or of the current one."""
    if snapshot is None:
        return _require_current(curated_dir)
    known = list_snapshots(curated_dir)
    if snapshot not in known:
        listed = ", ".join(known) if known else "none"
        raise UnknownSnapshotError(f"unknown snapshot {snapshot!r}; snapshots: {listed}")
    return snapshot_dir(curated_dir, snapshot)


def connect(
    data_dir: Path | None = None, *, snapshot: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with a view per table and the typed views.

    Over the current snapshot (as it is when the connection opens), or over `snapshot`.
    """
    curated_dir = (data_dir or default_data_dir()) / "curated"
    folder = _resolve_snapshot(curated_dir, snapshot).resolve()
    files = _table_files(folder)
    con = duckdb.connect(":memory:", config=dict(EXTENSIONS_OFF))
    try:
        con.register_filesystem(SnapshotFileSystem(files))
        versions = _schema_versions(con, list(files))
        for name, path in files.items():
            require_readable(versions.get(snapshot_url(name), ""), path)
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{snapshot_url(name)}')")
        _create_typed_views(con, list(files))
        con.execute("SET allowed_paths = ?", [[snapshot_url(name) for name in files]])
        for statement in LOCK_DOWN:
            con.execute(statement)
    except BaseException:
        con.close()
        raise
    return con


def _schema_versions(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, str]:
    """The schema version each table's file was written with, by path, read by DuckDB in one
    pass (a file without one is absent)."""
    if not tables:
        return {}
    rows = con.execute(
        "SELECT file_name, decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = ?",
        [[snapshot_url(table) for table in tables], VERSION_KEY],
    ).fetchall()
    return dict(rows)


def load(table: str, data_dir: Path | None = None, *, snapshot: str | None = None) -> pd.DataFrame:
    """A published table (or typed view) as a DataFrame; `snapshot` reads an older snapshot."""
    curated_dir = (data_dir or default_data_dir()) / "curated"
    folder = _resolve_snapshot(curated_dir, snapshot)
    files = _table_files(folder)
    if table in files:
        from mlefacts.publish.parquet import read

        return read(table, files[table])
    if table in TYPED_VIEW_NAMES and "claims" in files:
        with connect(data_dir, snapshot=snapshot) as con:
            return con.execute(f"SELECT * FROM {table}").df()
    known = [*files, *(TYPED_VIEW_NAMES if "claims" in files else ())]
    raise UnknownTableError(f"unknown table {table!r}; known tables and views: {', '.join(known)}")

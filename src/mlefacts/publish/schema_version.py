"""Which published files this code reads: those of the same major schema version.

Kept apart from the Parquet codec so that a reader that takes the version from DuckDB (the
locked connection) checks it the same way without importing pyarrow.
"""

from __future__ import annotations

from pathlib import Path

from mlefacts.contract import SCHEMA_VERSION

VERSION_KEY = "mlefacts.schema_version"
"""The key of a Parquet file's key-value metadata that holds its schema version."""


class IncompatibleSchemaError(RuntimeError):
    """A Parquet file written by a schema version this code cannot read."""


def require_readable(version: str, path: Path | str) -> str:
    """`version` (the file's, '' when absent) if this code reads it (same major), else raise.

    >>> require_readable(SCHEMA_VERSION, "claims.parquet") == SCHEMA_VERSION
    True
    """
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        written = f"schema version {version}" if version else "no mlefacts schema version"
        raise IncompatibleSchemaError(
            f"{path} was written with {written}; this mlefacts reads schema version "
            f"{SCHEMA_VERSION} (major {SCHEMA_VERSION.split('.')[0]} only). Re-publish it with "
            "`mlefacts run`, or read it with the mlefacts release that wrote it."
        )
    return version

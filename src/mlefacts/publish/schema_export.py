"""The table contracts as committed JSON files under `schemas/`, for readers without Python.

Pandera's own YAML export drops custom checks, so the files are generated here from the models:
every column with its type, nullability and checks (custom checks by name and description), the
row-level checks with the columns they read, keys, sort order and row groups of the published
files, and the schema version.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mlefacts.contract import (
    FOREIGN_KEYS,
    PRIMARY_KEYS,
    ROW_GROUP_BYTES,
    ROW_GROUP_SIZE,
    SCHEMA_VERSION,
    TABLE_NAMES,
    TABLE_ORDER,
)
from mlefacts.schemas import TABLE_MODELS, column_specs, row_check_specs

SUFFIX = ".schema.json"


def schema_document(name: str) -> dict[str, Any]:
    """The exported description of one table."""
    return {
        "table": name,
        "schema_version": SCHEMA_VERSION,
        "description": (TABLE_MODELS[name].__doc__ or "").strip(),
        "primary_key": PRIMARY_KEYS.get(name, []),
        "foreign_keys": [
            {"column": column, "references": {"table": table, "column": referenced}}
            for (source, column), (table, referenced) in sorted(FOREIGN_KEYS.items())
            if source == name
        ],
        "sort_order": TABLE_ORDER[name],
        "row_groups": {"max_rows": ROW_GROUP_SIZE, "max_text_bytes": ROW_GROUP_BYTES},
        "columns": column_specs(name),
        "row_checks": row_check_specs(name),
    }


def render(name: str) -> str:
    """The exact text of a table's schema file."""
    return json.dumps(schema_document(name), indent=2, ensure_ascii=False) + "\n"


def export_schemas(out_dir: Path) -> list[Path]:
    """Write `<out_dir>/<table>.schema.json` for every table; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in TABLE_NAMES:
        path = out_dir / f"{name}{SUFFIX}"
        path.write_text(render(name), encoding="utf-8")
        paths.append(path)
    return paths


def stale_schema_files(out_dir: Path) -> list[str]:
    """Names of the files in `out_dir` that differ from a fresh export (missing or extra too)."""
    expected = {f"{name}{SUFFIX}": render(name) for name in TABLE_NAMES}
    present = {p.name for p in out_dir.glob(f"*{SUFFIX}")} if out_dir.is_dir() else set()
    stale = [
        file
        for file, text in expected.items()
        if file not in present or (out_dir / file).read_text(encoding="utf-8") != text
    ]
    return sorted(stale + sorted(present - set(expected)))

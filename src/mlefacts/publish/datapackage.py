"""A Frictionless Data Package describing a snapshot, generated from the Pandera models.

Each snapshot holds its own `datapackage.json` (resource paths relative to the snapshot, so it is
swapped atomically with the data it describes). `curated/datapackage.json` is the same descriptor
with paths into `snapshots/<id>/`, rewritten each time `current` moves: a reader that opens it
(`frictionless validate curated/datapackage.json`) reads the very files it describes, even if a
newer snapshot becomes current meanwhile. Resources give the sha256 of each file but not its byte
count: Frictionless reads Parquet through pyarrow, never counts its bytes, and would report every
declared byte count as wrong (each snapshot's `manifest.json` has the byte counts).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from mlefacts.atomic import write_atomic, write_file
from mlefacts.contract import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMA_VERSION, TABLE_NAMES
from mlefacts.schemas import TABLE_MODELS, column_specs

DATAPACKAGE = "datapackage.json"
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"
_FRICTIONLESS_TYPES = {"datetime": "datetime", "json-object": "object", "json-array": "array"}


def write_datapackage(snapshot_path: Path) -> Path:
    """Write `<snapshot>/datapackage.json` for the tables in it."""
    tables = sorted(p.stem for p in snapshot_path.glob("*.parquet") if p.stem in TABLE_NAMES)
    descriptor = {
        "profile": "data-package",
        "name": "mlefacts",
        "title": "Facts about the Machine Learning Engineer role, with their sources",
        "version": SCHEMA_VERSION,
        "id": snapshot_path.name,
        "resources": [_resource(name, snapshot_path / f"{name}.parquet") for name in tables],
    }
    cited = _cited_sources(snapshot_path / "sources.parquet")
    if cited:
        descriptor["sources"] = cited
    path = snapshot_path / DATAPACKAGE
    write_file(path, _dumps(descriptor))
    return path


def write_current_datapackage(curated_dir: Path, snapshot_id: str) -> Path:
    """Write `curated/datapackage.json`: the snapshot's descriptor with paths into it."""
    folder = f"snapshots/{snapshot_id}"
    descriptor = json.loads((curated_dir / folder / DATAPACKAGE).read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource["path"] = f"{folder}/{resource['path']}"
    path = curated_dir / DATAPACKAGE
    write_atomic(path, _dumps(descriptor))
    return path


def _cited_sources(path: Path) -> list[dict[str, str]]:
    """The package's `sources`: each article the data comes from, as the sources table cites it
    (title, the page a reader opens, and the citation text)."""
    if not path.exists():
        return []
    columns = ["source_id", "uri", "title", "page_url", "citation"]
    present = set(pq.read_schema(path).names)
    if not set(columns) <= present:
        return []
    rows = pq.read_table(path, columns=columns).to_pylist()
    cited = []
    for row in sorted(rows, key=lambda r: r["source_id"]):
        entry = {"title": row["title"] or row["uri"], "path": row["page_url"] or row["uri"]}
        if row["citation"]:
            entry["description"] = row["citation"]
        cited.append(entry)
    return cited


def _dumps(descriptor: dict[str, Any]) -> bytes:
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode()


def _resource(name: str, path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(spec) for spec in column_specs(name)]}
    if name in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[name]
    foreign_keys = [
        {"fields": column, "reference": {"resource": table, "fields": referenced}}
        for (source, column), (table, referenced) in sorted(FOREIGN_KEYS.items())
        if source == name
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name,
        "path": path.name,
        "profile": "tabular-data-resource",
        "format": "parquet",
        "mediatype": PARQUET_MEDIA_TYPE,
        "description": (TABLE_MODELS[name].__doc__ or "").strip(),
        "hash": f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}",
        "rows": pq.read_metadata(path).num_rows,
        "schema": schema,
    }


def _field(spec: dict[str, Any]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": spec["name"],
        "type": _FRICTIONLESS_TYPES.get(spec.get("format", ""), spec["type"]),
        "description": spec["description"],
    }
    if "unit" in spec:
        field["unit"] = spec["unit"]
    constraints = _constraints(spec, string=field["type"] == "string")
    if constraints:
        field["constraints"] = constraints
    return field


def _constraints(spec: dict[str, Any], *, string: bool) -> dict[str, Any]:
    """Frictionless constraints equivalent to the column's built-in Pandera checks."""
    constraints: dict[str, Any] = {}
    if not spec["nullable"]:
        constraints["required"] = True
    if spec["unique"]:
        constraints["unique"] = True
    for check in spec["checks"]:
        stats = check.get("statistics", {})
        if check["name"] == "isin":
            constraints["enum"] = list(stats["allowed_values"])
        elif check["name"] in ("greater_than_or_equal_to", "in_range"):
            constraints["minimum"] = stats["min_value"]
        elif check["name"] == "str_matches" and string:
            constraints["pattern"] = stats["pattern"]
        elif check["name"] == "str_length":
            constraints["minLength"] = stats["min_value"]
        if check["name"] == "in_range":
            constraints["maximum"] = stats["max_value"]
    return constraints

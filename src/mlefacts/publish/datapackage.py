"""A Frictionless Data Package describing a snapshot, generated from the Pandera models.

Each snapshot holds its own `datapackage.json` (resource paths relative to the snapshot, so it is
swapped atomically with the data it describes). `curated/datapackage.json` is the same descriptor
with paths into `snapshots/<id>/`, rewritten each time `current` moves: a reader that opens it
(`frictionless validate curated/datapackage.json`) reads the very files it describes, even if a
newer snapshot becomes current meanwhile. Resources give the sha256 of each file but not its byte
count: Frictionless reads Parquet through pyarrow, never counts its bytes, and would report every
declared byte count as wrong (each snapshot's `manifest.json` has the byte counts).

The descriptor cites every source (100,000 at 100,000 articles: ~25 MB of JSON), so it is
written in parts: the sources stream from `sources.parquet` in batches, and the top-level copy
streams them from the snapshot's own descriptor; only the rest is held as Python objects.
"""

from __future__ import annotations

import contextlib
import json
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow.parquet as pq

from mlefacts.atomic import write_atomic, write_file
from mlefacts.contract import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMA_VERSION, TABLE_NAMES
from mlefacts.schemas import TABLE_MODELS, column_specs

DATAPACKAGE = "datapackage.json"
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"
_FRICTIONLESS_TYPES = {"datetime": "datetime", "json-object": "object", "json-array": "array"}


def write_datapackage(
    snapshot_path: Path,
    digests: Mapping[str, str],
    rows: Mapping[str, int],
    *,
    cites_of: Path | None = None,
) -> Path:
    """Write `<snapshot>/datapackage.json` for the tables in it, with the sha256 digests and row
    counts publishing already has (a table is never read again to hash it).

    `cites_of` is another snapshot's folder: when its descriptor was written for the same
    `sources.parquet` (the same sha256), its cited sources are copied as they are instead of
    being read from the table and written again (a republished snapshot; 10,000 sources: ~0.3
    CPU s)."""
    tables = sorted(p.stem for p in snapshot_path.glob("*.parquet") if p.stem in TABLE_NAMES)
    descriptor = {
        "profile": "data-package",
        "name": "mlefacts",
        "title": "Facts about the Machine Learning Engineer role, with their sources",
        "version": SCHEMA_VERSION,
        "id": snapshot_path.name,
        "resources": [
            _resource(name, snapshot_path / f"{name}.parquet", digests[name], rows[name])
            for name in tables
        ],
    }
    path = snapshot_path / DATAPACKAGE
    with _copied_cites(cites_of, digests.get("sources")) as copied:
        if copied is None:
            copied = _sources_body(_cited_sources(snapshot_path / "sources.parquet"))
        write_file(path, _descriptor_parts(descriptor, copied))
    return path


@contextlib.contextmanager
def _copied_cites(
    folder: Path | None, sources_sha256: str | None
) -> Iterator[Iterator[bytes] | None]:
    """The cited sources of `folder`'s descriptor as its bytes (read as they are used), when
    that descriptor was written for the `sources.parquet` whose sha256 is `sources_sha256`;
    else None (no such folder or descriptor, another table, an unreadable head)."""
    if folder is None or sources_sha256 is None:
        yield None
        return
    try:
        other = open(folder / DATAPACKAGE, "rb")  # noqa: SIM115 - closed below, after the copy
    except OSError:
        yield None
        return
    with other:
        try:
            head, cites = _read_head(other)
            same = any(
                resource.get("name") == "sources"
                and resource.get("hash") == f"sha256:{sources_sha256}"
                for resource in head["resources"]
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            same = False
        if not same:
            yield None
        else:
            yield iter(lambda: other.read(_READ_BYTES), b"") if cites else iter(())


def write_current_datapackage(curated_dir: Path, snapshot_id: str) -> Path:
    """Write `curated/datapackage.json`: the snapshot's descriptor with paths into it (its
    cited sources copied as they are, never parsed)."""
    folder = f"snapshots/{snapshot_id}"
    path = curated_dir / DATAPACKAGE
    with open(curated_dir / folder / DATAPACKAGE, "rb") as snapshot:
        descriptor, cites = _read_head(snapshot)
        for resource in descriptor["resources"]:
            resource["path"] = f"{folder}/{resource['path']}"
        rest = iter(lambda: snapshot.read(_READ_BYTES), b"") if cites else iter(())
        write_atomic(path, _descriptor_parts(descriptor, rest))
    return path


# The line that opens the cited sources, the descriptor's last key, as `json.dumps(...,
# indent=2)` writes it; a descriptor without it cites none.
_SOURCES_LINE = b'  "sources": [\n'
_READ_BYTES = 1 << 20


def _read_head(descriptor_file: BinaryIO) -> tuple[dict[str, Any], bool]:
    """A descriptor read up to its cited sources (the file is left just past the line that
    opens them), and whether it cites any."""
    head = []
    for line in descriptor_file:
        if line == _SOURCES_LINE:
            return json.loads(b"".join(head)[: -len(b",\n")] + b"\n}\n"), True
        head.append(line)
    return json.loads(b"".join(head)), False


def _descriptor_parts(descriptor: dict[str, Any], body: Iterator[bytes]) -> Iterator[bytes]:
    """`descriptor` with its cited sources as the last key, the JSON that `json.dumps(...,
    indent=2, ensure_ascii=False)` writes, in parts. `body` is what follows the line that
    opens the sources (their entries and the closing lines), nothing when it cites none."""
    head = _dumps(descriptor)[: -len(b"\n}\n")]
    first = next(body, None)
    if first is None:
        yield head + b"\n}\n"
        return
    yield head + b",\n" + _SOURCES_LINE + first
    yield from body


def _sources_body(sources: Iterator[dict[str, str]]) -> Iterator[bytes]:
    """The entries of the cited sources and the closing lines, in parts."""
    separator = b""
    for source in sources:
        text = json.dumps(source, indent=2, ensure_ascii=False)
        yield separator + textwrap.indent(text, "    ").encode()
        separator = b",\n"
    if separator:
        yield b"\n  ]\n}\n"


def _cited_sources(path: Path) -> Iterator[dict[str, str]]:
    """The package's `sources`: each article the data comes from, as the sources table cites it
    (title, the page a reader opens, and the citation text), in the table's order (by
    source_id), read in batches."""
    if not path.exists():
        return
    columns = ["uri", "title", "page_url", "citation"]
    if not set(columns) <= set(pq.read_schema(path).names):
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=_SOURCE_BATCH, columns=columns):
        for row in batch.to_pylist():
            entry = {"title": row["title"] or row["uri"], "path": row["page_url"] or row["uri"]}
            if row["citation"]:
                entry["description"] = row["citation"]
            yield entry


# Sources cited per batch read from `sources.parquet`.
_SOURCE_BATCH = 10_000


def _dumps(descriptor: dict[str, Any]) -> bytes:
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode()


def _resource(name: str, path: Path, sha256: str, rows: int) -> dict[str, Any]:
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
        "hash": f"sha256:{sha256}",
        "rows": rows,
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

from __future__ import annotations

import hashlib
import json

import frictionless
from support.tables import sample_tables, validated

from mlefacts.contract import SCHEMA_VERSION
from mlefacts.publish.snapshots import publish_snapshot
from mlefacts.schemas import table_schema


def _publish(tmp_path):
    curated = tmp_path / "curated"
    info = publish_snapshot(validated(sample_tables()), curated_dir=curated)
    return curated, info


def test_datapackage_is_a_valid_frictionless_descriptor(tmp_path):
    curated, info = _publish(tmp_path)
    descriptor = json.loads((info.path / "datapackage.json").read_text())
    report = frictionless.Package.validate_descriptor(descriptor)
    assert report.valid, report.flatten(["type", "note"])
    assert descriptor["name"] == "mlefacts"
    assert descriptor["version"] == SCHEMA_VERSION


def test_resources_describe_every_table_and_file(tmp_path):
    curated, info = _publish(tmp_path)
    descriptor = json.loads((curated / "datapackage.json").read_text())
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == set(sample_tables())
    claims = resources["claims"]
    data = (info.path / "claims.parquet").read_bytes()
    assert claims["path"] == f"snapshots/{info.snapshot_id}/claims.parquet"
    assert claims["format"] == "parquet"
    assert claims["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert claims["rows"] == len(sample_tables()["claims"])
    fields = {f["name"]: f for f in claims["schema"]["fields"]}
    assert list(fields) == [*table_schema("claims").columns, "common_qualifiers"]
    assert fields["kind"]["constraints"]["enum"][0] == "responsibility"
    assert fields["qualifiers"]["type"] == "object"
    assert fields["common_qualifiers"]["type"] == "object"
    assert fields["char_start"]["unit"] == "chars"
    assert all(f["description"] for f in fields.values())
    assert claims["schema"]["primaryKey"] == ["claim_id"]
    assert {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}} in (
        claims["schema"]["foreignKeys"]
    )
    source_fields = {f["name"]: f for f in resources["sources"]["schema"]["fields"]}
    assert source_fields["fetched_at"]["type"] == "datetime"


def test_the_package_cites_each_source_by_title_page_and_citation(tmp_path):
    curated, _ = _publish(tmp_path)
    package = json.loads((curated / "datapackage.json").read_text())
    assert package["sources"] == [
        {
            "title": "Demo",
            "path": "https://example.org/demo",
            "description": "Demo. https://example.org/demo. Accessed 2025-01-02.",
        }
    ]


def test_top_level_datapackage_follows_current(tmp_path):
    curated, first = _publish(tmp_path)
    changed = sample_tables()  # other tables: identical ones would replace the first snapshot
    changed["rejections"] = changed["rejections"].assign(reason="changed")
    second = publish_snapshot(validated(changed), curated_dir=curated)
    descriptor = json.loads((curated / "datapackage.json").read_text())
    assert not (curated / "datapackage.json").is_symlink()
    assert descriptor["id"] == second.snapshot_id
    assert {r["path"].rsplit("/", 1)[0] for r in descriptor["resources"]} == {
        f"snapshots/{second.snapshot_id}"
    }
    inside = json.loads((second.path / "datapackage.json").read_text())
    assert [r["path"] for r in inside["resources"]] == [
        f"{r['name']}.parquet" for r in inside["resources"]
    ]
    assert frictionless.Package(str(first.path / "datapackage.json")).validate().valid

from __future__ import annotations

import hashlib
import json

import frictionless
import pandas as pd
from support.tables import sample_tables, validated

from mlefacts.contract import SCHEMA_VERSION
from mlefacts.publish import datapackage
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


def test_cited_sources_are_written_in_parts_as_json_dumps_writes_them(tmp_path, monkeypatch):
    """The descriptors are streamed (sources read two at a time, the top-level copy 7 bytes at
    a time): the same bytes as dumping the whole descriptor, sources in source_id order."""
    tables = sample_tables()
    demo = tables["sources"].iloc[0].to_dict()
    titles = ["Gehälter – Übersicht", None, 'A "quoted" title', "給与"]
    extra = [
        {
            **demo,
            "source_id": f"s_{number}",
            "uri": f"file:///{number}.txt",
            "title": title,
            "page_url": None if number % 2 else f"https://example.org/{number}",
            "citation": None if number == 3 else f"Cite {number}",
        }
        for number, title in enumerate(titles)
    ]
    tables["sources"] = pd.DataFrame([extra[2], demo, extra[0], extra[3], extra[1]])
    monkeypatch.setattr(datapackage, "_SOURCE_BATCH", 2)
    monkeypatch.setattr(datapackage, "_READ_BYTES", 7)
    curated = tmp_path / "curated"
    info = publish_snapshot(validated(tables), curated_dir=curated)
    inside = (info.path / "datapackage.json").read_bytes()
    descriptor = json.loads(inside)
    assert inside == _dumped(descriptor)
    assert [source["path"] for source in descriptor["sources"]] == [
        "https://example.org/0",
        "file:///1.txt",
        "https://example.org/2",
        "file:///3.txt",
        "https://example.org/demo",
    ]
    assert descriptor["sources"][1] == {
        "title": "file:///1.txt",
        "path": "file:///1.txt",
        "description": "Cite 1",
    }
    assert "description" not in descriptor["sources"][3]
    for resource in descriptor["resources"]:
        resource["path"] = f"snapshots/{info.snapshot_id}/{resource['path']}"
    assert (curated / "datapackage.json").read_bytes() == _dumped(descriptor)


def test_a_package_without_sources_cites_none(tmp_path):
    tables = {name: table for name, table in sample_tables().items() if name != "sources"}
    curated = tmp_path / "curated"
    info = publish_snapshot(validated(tables), curated_dir=curated)
    for path in (info.path / "datapackage.json", curated / "datapackage.json"):
        descriptor = json.loads(path.read_bytes())
        assert "sources" not in descriptor
        assert path.read_bytes() == _dumped(descriptor)


def _dumped(descriptor: dict) -> bytes:
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode()


def test_a_republished_snapshot_copies_its_cited_sources(tmp_path, monkeypatch):
    """A snapshot republished with the same tables (a run that changed nothing) copies the
    cited sources from the current descriptor, 7 bytes at a time, instead of reading the
    sources table again: the same bytes as writing them anew."""
    from mlefacts.publish.snapshots import MANIFEST, republish_current

    curated, first = _publish(tmp_path)
    cited = json.loads((first.path / "datapackage.json").read_bytes())["sources"]
    runs = validated(sample_tables())["runs"]
    monkeypatch.setattr(datapackage, "_READ_BYTES", 7)
    read = datapackage._cited_sources
    monkeypatch.setattr(datapackage, "_cited_sources", lambda path: iter(()))
    again = republish_current({"runs": runs}, curated_dir=curated)
    descriptor = json.loads((again.path / "datapackage.json").read_bytes())
    assert descriptor["id"] == again.snapshot_id
    assert descriptor["sources"] == cited
    assert (again.path / "datapackage.json").read_bytes() == _dumped(descriptor)
    # A descriptor written for another sources table is not copied from.
    monkeypatch.setattr(datapackage, "_cited_sources", read)
    changed = sample_tables()
    changed["sources"] = changed["sources"].assign(title="Another title")
    other = publish_snapshot(validated(changed), curated_dir=curated)
    tables = json.loads((other.path / MANIFEST).read_text())["tables"]
    datapackage.write_datapackage(
        other.path,
        {name: entry["sha256"] for name, entry in tables.items()},
        {name: entry["rows"] for name, entry in tables.items()},
        cites_of=again.path,
    )
    rewritten = json.loads((other.path / "datapackage.json").read_bytes())["sources"]
    assert [source["title"] for source in rewritten] == ["Another title"]

"""What a run must never lose or forge across runs: a failing source's last good claims, the
published sources when the manifest shrinks, the history of snapshots, one witness per content.

Runs are the plain pipeline (no Prefect server) on copies of the bundled articles.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from support.paths import BUNDLED
from support.runs import FACT, run_plain, write_manifest

import mlefacts
from mlefacts.contract import SCHEMA_VERSION
from mlefacts.publish.snapshots import MANIFEST, file_sha256
from mlefacts.runner import ShrinkRefusedError, run_pipeline
from mlefacts.settings import RunOptions, Settings


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with copies of the bundled articles and a fact of one's own."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in sorted(BUNDLED.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "pay.txt").write_text(FACT)
    return folder


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.txt"))


@pytest.mark.slow
def test_last_good_claims_survive_any_number_of_consecutive_failures(
    folder: Path, tmp_path: Path
) -> None:
    manifest = write_manifest(folder, _names(folder))
    data_dir = tmp_path / "data"
    run_plain(data_dir, manifest)
    sources = mlefacts.load("sources", data_dir).set_index("uri")
    good = mlefacts.load("claims", data_dir)
    pay_id = sources.loc["pay.txt", "source_id"]
    pay_claims = good[good["source_id"] == pay_id].drop(columns=["run_id", "stale"])
    assert not pay_claims.empty
    (folder / "pay.txt").unlink()
    for _ in range(3):
        run_plain(data_dir, manifest)
        sources = mlefacts.load("sources", data_dir).set_index("uri")
        assert sources.loc["pay.txt", "status"] == "error"
        assert bool(sources.loc["pay.txt", "stale"])
        assert sources.loc["pay.txt", "last_confirmed_at"]
        claims = mlefacts.load("claims", data_dir)
        kept = claims[claims["source_id"] == pay_id]
        assert kept["stale"].all()
        pd.testing.assert_frame_equal(
            kept.drop(columns=["run_id", "stale"]).reset_index(drop=True),
            pay_claims.reset_index(drop=True),
        )
        documents = mlefacts.load("documents", data_dir)
        assert (documents["source_id"] == pay_id).sum() == 1
    write_manifest(folder, [n for n in _names(folder) if n != "pay.txt"])
    run_plain(data_dir, manifest)
    claims = mlefacts.load("claims", data_dir)
    assert not (claims["source_id"] == pay_id).any()  # removed from the manifest: gone


def test_a_failing_source_keeps_what_its_last_good_page_said_about_itself(
    folder: Path, tmp_path: Path
) -> None:
    """Title, publisher, date, page URL and citation read from the page stay with the stale
    source (conflicts and the report name a source by them); a value the manifest states
    still wins."""
    (folder / "guide.md").write_text(
        "---\ntitle: ML engineer pay guide\nauthor: Example Wire\ndate: 2025-03-04\n---\n\n"
        + FACT
        + "\n"
    )
    manifest = write_manifest(folder, ["guide.md", "pay.txt"])
    data_dir = tmp_path / "data"
    origin = ["title", "publisher", "published", "page_url", "accessed", "citation"]
    run_plain(data_dir, manifest)
    good = mlefacts.load("sources", data_dir).set_index("uri").loc["guide.md", origin]
    assert good["title"] == "ML engineer pay guide" and good["citation"]
    (folder / "guide.md").unlink()
    run_plain(data_dir, manifest)
    stale = mlefacts.load("sources", data_dir).set_index("uri").loc["guide.md"]
    assert stale["status"] == "error" and bool(stale["stale"])
    assert stale[origin].to_dict() == good.to_dict()
    stated = (
        '"guide.md"\ntitle = "Mine"\ncitation = "My citation"\npage_url = "https://example.org/g"'
    )
    manifest.write_text(manifest.read_text().replace('"guide.md"', stated, 1))
    run_plain(data_dir, manifest)
    row = mlefacts.load("sources", data_dir).set_index("uri").loc["guide.md"]
    assert (row["title"], row["citation"], row["page_url"]) == (
        "Mine",
        "My citation",
        "https://example.org/g",
    )
    assert row["published"] == good["published"] == "2025-03-04"  # not stated: the page's


def test_a_damaged_raw_object_is_stored_again_and_the_run_completes(
    folder: Path, tmp_path: Path
) -> None:
    manifest = write_manifest(folder, _names(folder))
    data_dir = tmp_path / "data"
    run_plain(data_dir, manifest)
    sha = hashlib.sha256(FACT.encode()).hexdigest()
    obj = data_dir / "raw" / "objects" / sha[:2] / sha
    obj.write_bytes(FACT.replace("150", "950").encode())
    shutil.rmtree(data_dir / "raw" / "state" / "extracts")  # extraction must read the raw zone
    outcome = run_pipeline(Settings(data_dir=data_dir, manifest=manifest))
    assert (outcome.record.status, outcome.record.n_sources_failed) == ("completed", 0)
    assert obj.read_bytes() == FACT.encode()
    sources = mlefacts.load("sources", data_dir)
    assert set(sources["status"]) == {"ok"}


def test_an_unchanged_run_reports_the_failures_it_republishes(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.txt").write_text("")
    manifest = write_manifest(folder, _names(folder))
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir, manifest=manifest)
    first = run_pipeline(settings).record
    assert (first.status, first.n_sources_failed) == ("completed_with_errors", 1)
    again = run_pipeline(settings).record
    assert again.run_id == first.run_id
    assert (again.status, again.n_sources_failed) == ("completed_with_errors", 1)
    runs = mlefacts.load("runs", data_dir)
    assert list(runs["status"]) == ["completed_with_errors"] * 2


# What reconcile says, without the ids that name which of two identical sources it used.
_SAID = {
    "conflicts": ["kind", "subject", "attribute", "relative_difference", "severity"],
    "consensus": ["kind", "subject", "group_key", "label", "n_sources"],
    "facts": ["subject", "attribute", "qualifier_key", "value", "unit", "method", "n_sources"],
}


def _derived(data_dir: Path) -> dict[str, pd.DataFrame]:
    return {
        name: mlefacts.load(name, data_dir)[columns].sort_values(columns[:4]).reset_index(drop=True)
        for name, columns in _SAID.items()
    }


@pytest.mark.slow
def test_the_same_bytes_under_two_uris_count_as_one_witness(folder: Path, tmp_path: Path) -> None:
    names = _names(folder)
    single = tmp_path / "single"
    run_plain(single, write_manifest(folder, names, "single.toml"))
    for name in names:
        shutil.copy(folder / name, folder / f"copy-{name}")
    double = tmp_path / "double"
    run_plain(double, write_manifest(folder, names + [f"copy-{n}" for n in names], "double.toml"))
    assert len(mlefacts.load("claims", double)) == 2 * len(mlefacts.load("claims", single))
    one, two = _derived(single), _derived(double)
    assert not one["conflicts"].empty and not one["consensus"].empty
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], check_dtype=False)


@pytest.mark.slow
def test_a_run_that_would_drop_most_published_sources_is_refused(
    folder: Path, tmp_path: Path
) -> None:
    names = _names(folder)
    data_dir = tmp_path / "data"
    run_plain(data_dir, write_manifest(folder, names))
    before = mlefacts.load("claims", data_dir)
    shrunk = write_manifest(folder, names[:1], "shrunk.toml")  # 3 of 4 sources dropped
    with pytest.raises(
        ShrinkRefusedError, match=r"drop 3 of the 4 published sources .*allow_shrink"
    ):
        run_pipeline(Settings(data_dir=data_dir, manifest=shrunk))
    pd.testing.assert_frame_equal(mlefacts.load("claims", data_dir), before)
    assert mlefacts.load("runs", data_dir)["status"].tolist() == ["completed"]
    run_pipeline(Settings(data_dir=data_dir, manifest=shrunk, run=RunOptions(max_shrink=0.8)))
    assert mlefacts.load("sources", data_dir)["uri"].tolist() == names[:1]
    run_pipeline(Settings(data_dir=data_dir, manifest=write_manifest(folder, names)))
    run_pipeline(Settings(data_dir=data_dir, manifest=shrunk, run=RunOptions(allow_shrink=True)))
    assert len(mlefacts.load("sources", data_dir)) == 1


def _without_component(snapshot: Path) -> None:
    """Rewrite a snapshot's claims as an earlier minor version of the schema wrote them (1.1.0
    did, within major 1): `common_qualifiers` without `component`, the file stamped with the
    current major's first version, the manifest's size and sha256 updated to match."""
    version = f"{SCHEMA_VERSION.split('.')[0]}.0.0"
    path = snapshot / "claims.parquet"
    table = pq.read_table(path)
    index = table.schema.get_field_index("common_qualifiers")
    struct = table.column(index).combine_chunks()
    kept = [f for f in struct.type if f.name != "component"]
    older = pa.StructArray.from_arrays(
        [struct.field(f.name) for f in kept], fields=kept, mask=struct.is_null()
    )
    metadata = {**table.schema.metadata, b"mlefacts.schema_version": version.encode()}
    table = table.set_column(index, "common_qualifiers", older).replace_schema_metadata(metadata)
    pq.write_table(table, path)
    manifest = json.loads((snapshot / MANIFEST).read_text())
    manifest["schema_version"] = version
    manifest["tables"]["claims"].update(bytes=path.stat().st_size, sha256=file_sha256(path))
    (snapshot / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


@pytest.mark.slow
def test_claims_carried_from_a_snapshot_of_an_earlier_minor_schema_are_kept(
    folder: Path, tmp_path: Path
) -> None:
    manifest = write_manifest(folder, _names(folder))
    data_dir = tmp_path / "data"
    run_plain(data_dir, manifest)
    _without_component((data_dir / "curated" / "current").resolve())
    assert "component" not in mlefacts.load("claims", data_dir)["common_qualifiers"][0]
    pay_id = mlefacts.load("sources", data_dir).set_index("uri").loc["pay.txt", "source_id"]
    (folder / "pay.txt").unlink()
    run_plain(data_dir, manifest)
    claims = mlefacts.load("claims", data_dir)
    kept = claims[claims["source_id"] == pay_id]
    assert not kept.empty and kept["stale"].all()
    assert all(row["component"] is None for row in kept["common_qualifiers"])
    fresh = claims[claims["source_id"] != pay_id]
    assert all("component" in row for row in fresh["common_qualifiers"])

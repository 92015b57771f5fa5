"""A source's origin, as open-data publishers cite one: manifest values first, then the page."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pandas as pd
import pytest

import mlefacts
from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings, load_settings
from mlefacts.sources.manifest import ManifestError, add_source, load_manifest

PAGE = Path(__file__).parent / "fixtures" / "coverage" / "pay_page.html"


def _sources(tmp_path: Path, entry: str) -> dict:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(PAGE, folder / "pay.html")
    (folder / "sources.toml").write_text(f'[[source]]\nuri = "pay.html"\n{entry}')
    settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    run_pipeline(settings)
    return mlefacts.load("sources", tmp_path / "data").iloc[0].to_dict()


def test_the_manifest_states_licence_page_access_date_and_citation(tmp_path: Path) -> None:
    row = _sources(
        tmp_path,
        'license = "CC-BY-4.0"\npage_url = "https://example.org/saved"\naccessed = 2025-02-03\n'
        'citation = "Northfield (2025), pay guide"\n',
    )
    assert row["license"] == "CC-BY-4.0"
    assert row["page_url"] == "https://example.org/saved"
    assert row["accessed"] == "2025-02-03"
    assert row["citation"] == "Northfield (2025), pay guide"
    assert pd.isna(row["download_url"])  # a local file was not downloaded


def test_without_them_the_page_and_the_run_fill_the_origin(tmp_path: Path) -> None:
    row = _sources(tmp_path, "")
    assert row["page_url"] == "https://careers.example.org/guides/data-pay"  # its canonical link
    assert pd.isna(row["license"])
    datetime.date.fromisoformat(row["accessed"])  # the day its content was first seen
    assert row["citation"] == (
        "Northfield Careers (2025). Data roles pay guide | Northfield Careers. "
        f"https://careers.example.org/guides/data-pay. Accessed {row['accessed']}."
    )


def test_origin_keys_are_checked_and_written_back(tmp_path: Path) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text('[[source]]\nuri = "a.txt"\npage_url = "not a url"\n')
    with pytest.raises(ManifestError, match="page_url must be an http"):
        load_manifest(manifest)
    manifest.write_text('[[source]]\nuri = "a.txt"\naccessed = "yesterday"\n')
    with pytest.raises(ManifestError, match="bad date 'yesterday' for accessed"):
        load_manifest(manifest)
    manifest.unlink()
    add_source(manifest, "b.txt", license="CC0-1.0", accessed="2024-04-05")
    (spec,) = load_manifest(manifest)
    assert (spec.license, spec.accessed) == ("CC0-1.0", datetime.date(2024, 4, 5))


def test_adding_a_source_keeps_the_bundled_sources_it_carries_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sources add` starts a data directory's own manifest with the bundled sources that live
    there, from another folder: they keep their ids, so the next run publishes the same sources
    plus the new one instead of refusing to drop them all (or republishing them as new ones)."""
    from mlefacts import api, config

    bundled = tmp_path / "raw" / "bundled"
    shutil.copytree(Path(__file__).resolve().parents[1] / "raw" / "bundled", bundled)
    monkeypatch.setattr(config, "default_manifest", lambda data_dir=None: bundled / "sources.toml")
    run_pipeline(Settings(data_dir=tmp_path, manifest=bundled / "sources.toml"))
    before = mlefacts.load("sources", tmp_path)[["source_id", "title"]]
    shutil.copy(PAGE, tmp_path / "pay.html")
    api.add_source("pay.html", tmp_path)
    run_pipeline(Settings(data_dir=tmp_path, manifest=tmp_path / "sources.toml"))
    after = mlefacts.load("sources", tmp_path)[["source_id", "title"]]
    assert len(after) == 4
    assert after.merge(before).equals(before)


def test_sources_list_shows_the_title_the_page_gave(tmp_path: Path) -> None:
    from mlefacts import api

    published = _sources(tmp_path, "")
    listed = api.list_sources(tmp_path / "data", sources=tmp_path / "sources" / "sources.toml")
    assert published["title"] and [s.title for s in listed] == [published["title"]]


def test_adding_a_source_to_a_data_directory_outside_the_project_keeps_the_bundled_ones(
    tmp_path: Path,
) -> None:
    """A data directory of its own (`--data-dir`), whose runs read the bundled sources: its
    first own manifest lists them by full path with their ids, and the run reads them there
    (not refused as paths outside the manifest's folder) beside the new source."""
    from mlefacts import api

    data_dir = tmp_path / "ds"
    run_pipeline(load_settings(env={}, data_dir=data_dir))
    before = mlefacts.load("sources", data_dir)[["source_id", "title"]]
    shutil.copy(PAGE, data_dir / "pay.html")
    api.add_source("pay.html", data_dir)
    run_pipeline(load_settings(env={}, data_dir=data_dir))
    after = mlefacts.load("sources", data_dir)
    assert len(after) == len(before) + 1 and (after["status"] == "ok").all()
    assert after[["source_id", "title"]].merge(before).equals(before)

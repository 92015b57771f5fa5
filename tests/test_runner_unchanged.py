"""A run whose local sources did not change reads none of them: a file whose size and mtime
are those of its last read is neither opened nor hashed again, in the plain runner and in the
flow."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.corpus import generator

import mlefacts
from mlefacts.runner import run_pipeline
from mlefacts.settings import load_settings

_WATCHED: list[tuple[Path, list[str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Every file this process opens, under each watched folder (an audit hook stays for the
    life of the process: it records only while a test watches)."""
    if event != "open" or not _WATCHED or not isinstance(args[0], str | bytes | Path):
        return
    path = Path(args[0].decode() if isinstance(args[0], bytes) else args[0])
    for folder, opened in _WATCHED:
        if path.is_relative_to(folder):
            opened.append(path.name)


sys.addaudithook(_audit)


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[list[str]]:
    """The names of the files opened under `tmp_path / 'corpus'` while the test runs."""
    found: list[str] = []
    _WATCHED.append(((tmp_path / "corpus").resolve(), found))
    yield found
    _WATCHED.clear()


def test_the_plain_runner_reads_no_unchanged_source(tmp_path: Path, opened: list[str]) -> None:
    manifest = generator().generate_corpus(tmp_path / "corpus", 5, seed=11)
    settings = load_settings(
        env={}, sources=str(manifest), data_dir=str(tmp_path / "data"), batch_size=2
    )
    opened.clear()
    first = run_pipeline(settings)
    assert first.record.n_extracted == 5
    assert len([name for name in opened if name != manifest.name]) == 5  # the watch sees reads
    opened.clear()
    again = run_pipeline(settings)
    assert again.record.n_cached == 5 and again.record.run_id == first.record.run_id
    assert [name for name in opened if name != manifest.name] == []
    # A touched file is read again (and only it).
    touched = sorted((tmp_path / "corpus" / "articles").iterdir())[1]
    touched.touch()
    opened.clear()
    run_pipeline(settings)
    assert [name for name in opened if name != manifest.name] == [touched.name]


@pytest.mark.e2e
def test_the_flow_reads_no_unchanged_source(
    prefect_harness: None, tmp_path: Path, opened: list[str]
) -> None:
    manifest = generator().generate_corpus(tmp_path / "corpus", 6, seed=12)
    options = {"sources": manifest, "data_dir": tmp_path / "data", "batch_size": 2}
    first = mlefacts.run(runner="threads", **options)
    assert first.status == "completed", first
    opened.clear()
    again = mlefacts.run(**options)  # worker processes: none starts when nothing is new
    assert again.status == "completed" and again.run_id == first.run_id
    assert [name for name in opened if name != manifest.name] == []


def test_a_run_parses_its_manifest_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mlefacts.run` checks the manifest before it starts and the run reads it again under
    its lock: the run takes the specs the check parsed, unless the text changed in between."""
    from mlefacts.sources import manifest as manifest_module

    parsed: list[str] = []
    parse = manifest_module._specs_from_text

    def counting(text: str, path: Path, **options: bool) -> list[manifest_module.SourceSpec]:
        parsed.append(text)
        return parse(text, path, **options)

    monkeypatch.setattr(manifest_module, "_specs_from_text", counting)
    manifest = generator().generate_corpus(tmp_path / "corpus", 3, seed=13)
    options = {"sources": manifest, "data_dir": tmp_path / "data", "fail_on": "never"}
    assert mlefacts.run(orchestrate=False, **options).n_sources == 3
    assert len(parsed) == 1
    # Handed over only once, and only the same text: an edit between check and run is read.
    specs = manifest_module.load_manifest(manifest, hand_over=True)
    manifest.write_text(manifest.read_text().replace(specs[-1].uri, "articles/other.txt"))
    assert manifest_module.load_manifest(manifest)[-1].uri == "articles/other.txt"
    assert len(parsed) == 3
    manifest_module.load_manifest(manifest)
    assert len(parsed) == 4

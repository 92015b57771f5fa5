"""The TOML source manifest: loading, validation messages, stable ids, appending entries."""

from __future__ import annotations

import datetime
import hashlib
import os
import time
from pathlib import Path

import pytest

from mlefacts.sources.manifest import (
    MAX_MANIFEST_BYTES,
    ManifestError,
    add_source,
    canonical_uri,
    load_manifest,
    source_id_for,
)

BUNDLED = Path(__file__).resolve().parents[1] / "raw" / "bundled" / "sources.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_manifest_lists_the_three_articles() -> None:
    specs = load_manifest(BUNDLED)
    assert [s.uri for s in specs] == [
        "000_0537a7d22cde5948.txt",
        "001_7c46695f4dd9700d.txt",
        "002_00441e875b9b6758.txt",
    ]
    assert [s.title for s in specs] == [
        "What Does a Machine Learning Engineer do? Roles, Responsibilities & Skills",
        "Machine Learning Engineer",
        "Roles and Responsibilities of a Machine Learning Engineer",
    ]
    for spec in specs:
        assert (spec.publisher, spec.published) == (None, None)
        text = (BUNDLED.parent / spec.uri).read_text(encoding="utf-8")
        assert spec.title in text.splitlines()[:5]
        expected = "s_" + hashlib.sha256(spec.uri.encode()).hexdigest()[:16]
        assert spec.source_id == expected


def test_full_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[[source]]
uri = "https://Example.COM/ml-engineer#salary"
title = "ML engineer pay"
publisher = "Example"
published = 2024-03-01

[[source]]
uri = "notes/a.txt"
published = "2023-12-31"
""",
    )
    web, local = load_manifest(path)
    assert web.published == datetime.date(2024, 3, 1)
    assert local.published == datetime.date(2023, 12, 31)
    assert web.is_url and not local.is_url
    assert web.source_id == source_id_for("https://example.com/ml-engineer")


@pytest.mark.parametrize(
    ("uri", "canonical"),
    [
        ("HTTPS://Example.COM:443/Jobs?q=1#top", "https://example.com/Jobs?q=1"),
        ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("articles\\ml.txt", "articles/ml.txt"),
        ("./articles//ml.txt", "articles/ml.txt"),
    ],
)
def test_canonical_uri(uri: str, canonical: str) -> None:
    assert canonical_uri(uri) == canonical


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[source]]\ntitle = "x"\n', r"source #1: missing uri"),
        ('[[source]]\nuri = "a.txt"\npublished = "March 2024"\n', r"bad date 'March 2024'"),
        ('[[source]]\nuri = "a.txt"\npublished = 2024-03-01T10:00:00\n', "not a date-time"),
        ('[[source]]\nuri = "ftp://example.com/a"\n', r"unknown scheme 'ftp'"),
        ('[[source]]\nuri = "file:///etc/passwd"\n', r"unknown scheme 'file'"),
        ('[[source]]\nuri = "a.txt"\ntitel = "typo"\n', r"unknown key 'titel'"),
        ('[[source]]\nuri = "https:///nohost"\n', "has no host"),
        ('[[source]]\nuri = ""\n', "non-empty"),
        ("[[source]\n", "invalid TOML"),
        ('source = "a.txt"\n', "array of tables"),
    ],
)
def test_bad_entries(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ManifestError, match=message) as info:
        load_manifest(path)
    assert str(path) in str(info.value)


def test_duplicate_uri_names_both_entries(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[source]]\nuri = "https://example.com/a"\n\n'
        '[[source]]\nuri = "https://EXAMPLE.com/a#part"\n',
    )
    with pytest.raises(ManifestError, match=r"source #2 .*duplicate uri .*source #1"):
        load_manifest(path)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="manifest not found"):
        load_manifest(tmp_path / "nope.toml")


def test_add_source_creates_and_appends(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    first = add_source(path, "articles/one.txt", title='The "ML" engineer')
    original = "# my sources, hand-written\n" + path.read_text()
    path.write_text(original)
    second = add_source(
        path, "https://example.com/pay", publisher="Example", published="2024-05-02"
    )
    text = path.read_text()
    assert text.startswith(original)
    assert [s.source_id for s in load_manifest(path)] == [first.source_id, second.source_id]
    assert load_manifest(path)[0].title == 'The "ML" engineer'
    assert load_manifest(path)[1].published == datetime.date(2024, 5, 2)
    assert not list(tmp_path.glob(".*.tmp"))


def test_add_source_refuses_duplicate_and_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    add_source(path, "https://example.com/pay")
    before = path.read_text()
    with pytest.raises(ManifestError, match="already listed"):
        add_source(path, "https://EXAMPLE.com/pay#top")
    with pytest.raises(ManifestError, match="unknown scheme"):
        add_source(path, "gopher://example.com/")
    with pytest.raises(ManifestError, match="bad date"):
        add_source(path, "b.txt", published="yesterday")
    assert path.read_text() == before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[sources]]\nuri = "a.txt"\n', r"unknown key 'sources' .*expected \[\[source\]\]"),
        ('[[source]]\nurl = "a.txt"\n', r"unknown key 'url' \(did you mean 'uri'\?"),
        ('[[source]]\nuri = "a.txt"\ntitel = "x"\n', r"unknown key 'titel' \(did you mean 'title'"),
        ("", r"no sources: .*\[\[source\]\]"),
        ("# nothing here yet\n", r"no sources"),
        ('[[source]]\nuri = "http://[::1"\n', r"bad uri 'http://\[::1'"),
        ('[[source]]\nuri = "https://[::1]:99999/"\n', r"bad port"),
    ],
)
def test_a_manifest_that_would_publish_nothing_or_misread_is_an_error(
    tmp_path: Path, body: str, message: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ManifestError, match=message) as info:
        load_manifest(path)
    assert str(path) in str(info.value)


def test_a_fifo_as_manifest_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "sources.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ManifestError, match="not a regular file"):
        load_manifest(fifo)
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_manifest_is_refused_without_reading_it() -> None:
    with pytest.raises(ManifestError, match="not a regular file"):
        load_manifest(Path("/dev/zero"))


def test_a_huge_manifest_is_refused_at_its_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_MANIFEST_BYTES + 1)  # sparse
    with pytest.raises(ManifestError, match=f"larger than {MAX_MANIFEST_BYTES} bytes"):
        load_manifest(path)

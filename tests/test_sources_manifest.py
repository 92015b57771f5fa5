"""The TOML source manifest: loading, validation messages, stable ids, appending entries."""

from __future__ import annotations

import datetime
import hashlib
import os
import time
from pathlib import Path

import pytest

from mlefacts.sources import manifest
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
        ('[[source]]\nuri = "https://exa mple.com/a"\n', "bad host 'exa mple.com'"),
        ('[[source]]\nuri = "a.txt"\nid = "12"\n', "id must be 's_' and 16 hex digits"),
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


def test_an_id_keeps_a_source_the_same_however_its_path_is_written(tmp_path: Path) -> None:
    """A file listed from another folder keeps the id its first manifest gave it; add_source
    writes the id only when it differs from the one the uri gives."""
    kept = source_id_for("one.txt")
    path = tmp_path / "sources.toml"
    spec = add_source(path, "articles/one.txt", id=kept)
    other = add_source(path, "articles/two.txt")
    assert (
        [s.source_id for s in load_manifest(path)]
        == [kept, other.source_id]
        != [
            source_id_for("articles/one.txt"),
            other.source_id,
        ]
    )
    assert spec.source_id == kept and path.read_text().count("id = ") == 1
    with pytest.raises(ManifestError, match="already listed"):
        add_source(path, "articles/three.txt", id=kept)
    path.write_text(path.read_text() + f'\n[[source]]\nuri = "four.txt"\nid = "{kept}"\n')
    with pytest.raises(ManifestError, match=r"source #3 .*duplicate id .*source #1"):
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


def _entries(n: int) -> str:
    return "".join(
        f'\n[[source]]\nuri = "a{i}.txt"\ntitle = "T{i}"\npublished = 2024-01-{1 + i % 28:02d}\n'
        for i in range(n)
    )


def test_a_manifest_read_in_pieces_gives_the_specs_of_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "# a header comment\n" + _entries(7)
    whole = load_manifest(write(tmp_path, text))
    monkeypatch.setattr(manifest, "PIECE_SOURCES", 2)
    pieces = [len(raw.get("source", [])) for raw in manifest._pieces(text)]
    assert pieces == [0, 2, 2, 2, 1]
    crlf = text.replace("\n", "\r\n")
    assert [len(raw.get("source", [])) for raw in manifest._pieces(crlf)] == pieces
    assert load_manifest(write(tmp_path, text)) == whole
    assert [s.uri for s in whole] == [f"a{i}.txt" for i in range(7)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A [[source]] line inside a multi-line string: the pieces would cut the string.
        (
            '[[source]]\nuri = "a.txt"\ncitation = """x\n[[source]]\nuri = "b"\n"""\n'
            + _entries(3),
            None,
        ),
        # An entry refused in a later piece: the error counts entries over the whole file.
        (_entries(5) + '\n[[source]]\nuri = "a1.txt"\n', "source #6 (uri 'a1.txt'): duplicate"),
        # A syntax error in a later piece: its line number is the file's, not the piece's.
        (_entries(5) + "\n[[source]]\nuri = \n", "line 28, column 7"),
        # A key before the first table, or a table that is not a source.
        ('source = [{uri = "z.txt"}]\n' + _entries(3), "invalid TOML"),
        (_entries(3) + "\n[other]\nx = 1\n" + _entries(1), "unknown key 'other'"),
    ],
)
def test_a_manifest_that_does_not_split_into_pieces_reads_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str | None
) -> None:
    path = write(tmp_path, text)
    if message is None:
        whole = load_manifest(path)
        monkeypatch.setattr(manifest, "PIECE_SOURCES", 1)
        assert load_manifest(path) == whole
        assert whole[0].citation == 'x\n[[source]]\nuri = "b"\n'
        return
    with pytest.raises(ManifestError) as whole_error:
        load_manifest(path)
    monkeypatch.setattr(manifest, "PIECE_SOURCES", 1)
    with pytest.raises(ManifestError) as pieces_error:
        load_manifest(path)
    assert message in str(whole_error.value)
    assert str(pieces_error.value) == str(whole_error.value)

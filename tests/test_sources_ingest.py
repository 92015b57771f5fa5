"""ingest_source: local files and URLs into the raw zone, with errors as results."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mlefacts.sources.http import FetchSettings, make_session
from mlefacts.sources.ingest import IngestResult, ingest_source
from mlefacts.sources.manifest import load_manifest, make_source
from mlefacts.sources.rawzone import RawZone

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "raw" / "bundled" / "sources.toml"
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
LOCAL = FetchSettings(allow_private_hosts=True, respect_robots=False, backoff_factor=0)


@pytest.fixture
def raw(tmp_path: Path) -> RawZone:
    return RawZone(tmp_path / "raw")


def ingest_url(url: str, raw: RawZone, settings: FetchSettings = LOCAL) -> IngestResult:
    return ingest_source(make_source(url), manifest_dir=raw.root, raw=raw, settings=settings)


def test_bundled_sources_hash_to_their_bytes(raw: RawZone) -> None:
    for spec in load_manifest(BUNDLED):
        result = ingest_source(spec, manifest_dir=BUNDLED.parent, raw=raw, settings=LOCAL)
        data = (BUNDLED.parent / spec.uri).read_bytes()
        assert result.status == "ok", result.error
        assert result.content_sha256 == hashlib.sha256(data).hexdigest()
        assert raw.get(result.content_sha256) == data
        assert result.text == data.decode("utf-8")
        assert (result.media_type, result.charset) == ("text/plain", "utf-8")
        assert result.n_bytes == len(data)
        assert result.fetched_at.endswith("+00:00")
        assert raw.last_fetch(spec.source_id)["sha256"] == result.content_sha256


def test_latin1_local_file(raw: RawZone) -> None:
    spec = make_source("latin1_article.txt")
    result = ingest_source(spec, manifest_dir=FIXTURES, raw=raw, settings=LOCAL)
    assert result.status == "ok"
    assert "£45,000" in result.text and "café" in result.text and "naïve" in result.text


def test_missing_file_is_an_error_result(raw: RawZone, tmp_path: Path) -> None:
    spec = make_source("gone.txt")
    result = ingest_source(spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    assert result.status == "error"
    assert result.error == f"file not found: {(tmp_path / 'gone.txt').resolve()}"
    assert result.text is None and result.content_sha256 is None
    assert raw.last_fetch(spec.source_id)["error"] == result.error


def test_directory_and_oversized_file(raw: RawZone, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "big.txt").write_text("x" * 200)
    folder = ingest_source(make_source("folder"), manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    big = ingest_source(
        make_source("big.txt"),
        manifest_dir=tmp_path,
        raw=raw,
        settings=replace(LOCAL, max_bytes=100),
    )
    assert folder.error.startswith("not a regular file")
    assert big.error.startswith("file larger than 100 bytes")


def test_path_outside_manifest_dir_is_an_error_result(raw: RawZone, tmp_path: Path) -> None:
    root = tmp_path / "m"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("secret")
    result = ingest_source(
        make_source("../outside.txt"), manifest_dir=root, raw=raw, settings=LOCAL
    )
    assert result.status == "error"
    assert "outside the allowed roots" in result.error
    extra_root = ingest_source(
        make_source("../outside.txt"),
        manifest_dir=root,
        raw=raw,
        settings=LOCAL,
        allowed_roots=[tmp_path],
    )
    anywhere = ingest_source(
        make_source("../outside.txt"),
        manifest_dir=root,
        raw=raw,
        settings=LOCAL,
        allow_outside=True,
    )
    assert extra_root.text == anywhere.text == "secret"


def test_png_renamed_html_is_an_error_result(raw: RawZone, tmp_path: Path) -> None:
    (tmp_path / "chart.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = ingest_source(
        make_source("chart.html"), manifest_dir=tmp_path, raw=raw, settings=LOCAL
    )
    assert result.status == "error"
    assert result.error == "cannot decode chart.html: not text: the bytes look like a PNG image"
    assert raw.has(result.content_sha256)


def test_empty_file_gives_empty_text(raw: RawZone, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = ingest_source(make_source("empty.txt"), manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    assert (result.status, result.text, result.n_bytes) == ("ok", "", 0)


def test_url_then_not_modified(raw: RawZone, httpserver: HTTPServer) -> None:
    page = "<html><body><p>Median salary: ₹12 lakh per annum.</p></body></html>"

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(page, content_type="text/html; charset=utf-8", headers={"ETag": '"v1"'})

    httpserver.expect_request("/pay").respond_with_handler(handler)
    url = httpserver.url_for("/pay")
    first = ingest_url(url, raw)
    second = ingest_url(url, raw)
    assert first.status == "ok", first.error
    assert (first.media_type, first.charset, first.http_status) == ("text/html", "utf-8", 200)
    assert second.status == "not_modified"
    assert second.http_status == 304
    assert second.content_sha256 == first.content_sha256
    assert second.text == first.text == page
    assert httpserver.log[-1][0].headers["If-None-Match"] == '"v1"'
    assert [r["status"] for r in raw.fetch_log()] == ["ok", "not_modified"]


def test_latin1_page_without_declared_charset(raw: RawZone, httpserver: HTTPServer) -> None:
    body = (FIXTURES / "latin1_page.html").read_bytes()
    httpserver.expect_request("/latin").respond_with_data(body, content_type="text/html")
    result = ingest_url(httpserver.url_for("/latin"), raw)
    assert result.status == "ok", result.error
    for word in ("café", "naïve", "£45,000"):
        assert word in result.text
    assert result.charset == "cp1252"


def test_changed_page_keeps_both_versions(raw: RawZone, httpserver: HTTPServer) -> None:
    versions = iter(
        [b"<p>Market: USD 12.5 bn in 2023.</p>", b"<p>Market: USD 14.1 bn in 2024.</p>"]
    )
    httpserver.expect_request("/market").respond_with_handler(
        lambda request: Response(next(versions), content_type="text/html")
    )
    url = httpserver.url_for("/market")
    old, new = ingest_url(url, raw), ingest_url(url, raw)
    assert old.content_sha256 != new.content_sha256
    assert raw.get(old.content_sha256) == b"<p>Market: USD 12.5 bn in 2023.</p>"
    assert raw.get(new.content_sha256) == b"<p>Market: USD 14.1 bn in 2024.</p>"
    assert "14.1" in new.text


def test_http_error_is_recorded_and_last_good_kept(raw: RawZone, httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/flip").respond_with_data(
        "<p>ok</p>", content_type="text/html"
    )
    httpserver.expect_request("/flip").respond_with_data("gone", status=404)
    url = httpserver.url_for("/flip")
    good = ingest_url(url, raw)
    bad = ingest_url(url, raw)
    spec = make_source(url)
    assert (bad.status, bad.http_status) == ("error", 404)
    assert bad.error == f"HTTP 404 Not Found for {url}"
    assert raw.last_fetch(spec.source_id)["status"] == "error"
    assert raw.last_good_fetch(spec.source_id)["sha256"] == good.content_sha256


def test_unexpected_304_without_stored_copy(raw: RawZone, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/odd").respond_with_data("", status=304)
    result = ingest_url(httpserver.url_for("/odd"), raw)
    assert result.status == "error"
    assert "no earlier copy is in the raw zone" in result.error


def test_lost_object_means_unconditional_refetch(raw: RawZone, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/p").respond_with_data(
        "<p>x</p>", content_type="text/html", headers={"ETag": '"e"'}
    )
    url = httpserver.url_for("/p")
    first = ingest_url(url, raw)
    shutil.rmtree(raw.objects_dir)
    second = ingest_url(url, raw)
    assert "If-None-Match" not in httpserver.log[-1][0].headers
    assert second.status == "ok" and raw.has(first.content_sha256)


def test_a_kept_id_with_a_new_uri_sends_no_validators_of_the_old_page(
    raw: RawZone, httpserver: HTTPServer
) -> None:
    """A manifest entry whose uri changed but whose `id` stayed: the old page's ETag would let
    a 304 from the new page publish the old page's bytes as the new one's."""
    httpserver.expect_request("/old").respond_with_data(
        "<p>old</p>", content_type="text/html", headers={"ETag": '"v1"'}
    )
    httpserver.expect_request("/new").respond_with_data("<p>new</p>", content_type="text/html")
    kept = make_source(httpserver.url_for("/old")).source_id
    first = ingest_source(
        make_source(httpserver.url_for("/old"), id=kept),
        manifest_dir=raw.root,
        raw=raw,
        settings=LOCAL,
    )
    moved = ingest_source(
        make_source(httpserver.url_for("/new"), id=kept),
        manifest_dir=raw.root,
        raw=raw,
        settings=LOCAL,
    )
    assert "If-None-Match" not in httpserver.log[-1][0].headers
    assert moved.status == "ok" and moved.content_sha256 != first.content_sha256


def test_shared_session_reads_robots_once(raw: RawZone, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/a").respond_with_data("<p>a</p>", content_type="text/html")
    httpserver.expect_request("/b").respond_with_data("<p>b</p>", content_type="text/html")
    settings = replace(LOCAL, respect_robots=True)
    with make_session(settings) as session:
        for path in ("/a", "/b"):
            spec = make_source(httpserver.url_for(path))
            result = ingest_source(
                spec, manifest_dir=raw.root, raw=raw, settings=settings, session=session
            )
            assert result.status == "ok", result.error
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt", "/a", "/b"]


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.chmod(0o644)
    path.write_bytes(bytes(data))


def test_corrupt_object_means_unconditional_refetch_and_repair(
    raw: RawZone, httpserver: HTTPServer
) -> None:
    page = "<html><body><p>Median salary: $150,000.</p></body></html>"

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(page, content_type="text/html", headers={"ETag": '"v1"'})

    httpserver.expect_request("/pay").respond_with_handler(handler)
    url = httpserver.url_for("/pay")
    first = ingest_url(url, raw)
    _flip_a_byte(raw.path_for(first.content_sha256))
    second = ingest_url(url, raw)
    assert "If-None-Match" not in httpserver.log[-1][0].headers
    assert second.status == "ok" and second.text == page
    assert raw.get(first.content_sha256) == page.encode()


def test_corrupt_object_of_a_local_file_is_stored_again(raw: RawZone, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ML engineers earn $150,000.")
    spec = make_source("a.txt")
    first = ingest_source(spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    _flip_a_byte(raw.path_for(first.content_sha256))
    second = ingest_source(spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    assert second.status == "ok"
    assert raw.get(first.content_sha256) == b"ML engineers earn $150,000."


def test_an_unchanged_local_file_is_not_read_again(raw: RawZone, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ML engineers earn $150,000.", encoding="latin-1")
    spec = make_source("a.txt")
    first = ingest_source(
        spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL, reusable=lambda sha: True
    )
    stat = path.stat()
    # Other bytes of the same size under the same mtime: only a read would see the change.
    path.write_text("ML engineers earn $950,000.", encoding="latin-1")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    logged = len(list(raw.fetch_log()))
    second = ingest_source(
        spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL, reusable=lambda sha: True
    )
    assert second.unchanged and second.status == "ok"
    assert (second.content_sha256, second.charset) == (first.content_sha256, first.charset)
    assert len(list(raw.fetch_log())) == logged  # not read, not hashed, not logged


def test_a_file_is_read_again_when_its_mtime_changes_or_its_bytes_are_needed(
    raw: RawZone, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ML engineers earn $150,000.")
    spec = make_source("a.txt")
    ingest = partial(ingest_source, spec, manifest_dir=tmp_path, raw=raw, settings=LOCAL)
    first = ingest(reusable=lambda sha: True)
    stat = path.stat()
    path.write_text("ML engineers earn $950,000.")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    needed = ingest(reusable=lambda sha: False)  # e.g. no cached extraction of those bytes
    assert not needed.unchanged and needed.content_sha256 != first.content_sha256
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    path.write_text("ML engineers earn $150,000.")
    touched = ingest(reusable=lambda sha: True)
    assert not touched.unchanged and touched.content_sha256 == first.content_sha256


def test_a_batch_says_when_its_first_new_source_is_stored(tmp_path: Path) -> None:
    """The flow starts its worker processes then; a batch of unchanged files never says so."""
    from mlefacts.extract import extraction_fingerprint
    from mlefacts.pipeline import build_batch, ingest_batch
    from mlefacts.settings import Settings

    (tmp_path / "a.txt").write_text("Machine learning engineers earn $150,000 a year.")
    (tmp_path / "b.txt").write_text("Senior machine learning engineers earn $190,000.")
    specs = [make_source("missing.txt"), make_source("a.txt"), make_source("b.txt")]
    settings = Settings(data_dir=tmp_path / "data", manifest=tmp_path / "sources.toml")
    ingest = partial(ingest_batch, specs, settings=settings, fingerprint=extraction_fingerprint())
    calls: list[int] = []
    first = ingest(on_new=lambda: calls.append(len(list(settings.raw_dir.rglob("objects/*/*")))))
    assert calls == [1] and first.n_new == 2
    build_batch(first, settings=settings, fingerprint=extraction_fingerprint())  # now cached
    again = ingest(on_new=lambda: calls.append(-1))
    assert calls == [1] and again.n_new == 0

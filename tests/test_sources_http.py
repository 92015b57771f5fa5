"""fetch_url against a real HTTP server on 127.0.0.1 (private hosts allowed for these tests)."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mlefacts.pipeline import ingest_batch
from mlefacts.settings import Settings
from mlefacts.sources.http import FetchSettings, Hosts, fetch_url, make_session
from mlefacts.sources.manifest import make_source

LOCAL = FetchSettings(allow_private_hosts=True, respect_robots=False, backoff_factor=0)
PAGE = "<!doctype html><html><body><p>Machine learning engineers earn well.</p></body></html>"


def test_ok_html_with_charset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        PAGE.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 May 2024 10:00:00 GMT"},
    )
    outcome = fetch_url(httpserver.url_for("/a"), settings=LOCAL)
    assert outcome.status == "ok", outcome.error
    assert outcome.http_status == 200
    assert outcome.data == PAGE.encode("utf-8")
    assert (outcome.media_type, outcome.charset) == ("text/html", "utf-8")
    assert outcome.etag == '"v1"'
    assert outcome.last_modified == "Wed, 01 May 2024 10:00:00 GMT"
    assert outcome.error is None


def test_sends_user_agent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ua").respond_with_data("hi", content_type="text/plain")
    fetch_url(httpserver.url_for("/ua"), settings=LOCAL)
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith("mlefacts/")
    assert "+https://github.com/mlefacts/mlefacts" in request.headers["User-Agent"]


def test_conditional_request_gets_not_modified(httpserver: HTTPServer) -> None:
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(PAGE, content_type="text/html", headers={"ETag": '"v1"'})

    httpserver.expect_request("/etag").respond_with_handler(handler)
    first = fetch_url(httpserver.url_for("/etag"), settings=LOCAL)
    second = fetch_url(httpserver.url_for("/etag"), settings=LOCAL, etag=first.etag)
    assert first.status == "ok"
    assert second.status == "not_modified"
    assert second.http_status == 304
    assert second.data is None
    assert second.etag == '"v1"'
    assert httpserver.log[-1][0].headers["If-None-Match"] == '"v1"'


def test_if_modified_since_is_sent(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/lm").respond_with_data("", status=304)
    stamp = "Wed, 01 May 2024 10:00:00 GMT"
    outcome = fetch_url(httpserver.url_for("/lm"), settings=LOCAL, last_modified=stamp)
    assert outcome.status == "not_modified"
    assert outcome.last_modified == stamp
    assert httpserver.log[-1][0].headers["If-Modified-Since"] == stamp


def test_404_is_an_error_not_an_exception(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    url = httpserver.url_for("/missing")
    outcome = fetch_url(url, settings=LOCAL)
    assert outcome.status == "error"
    assert outcome.http_status == 404
    assert outcome.error == f"HTTP 404 Not Found for {url}"
    assert outcome.data is None


def test_500_then_200_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/flaky").respond_with_data("boom", status=500)
    httpserver.expect_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    outcome = fetch_url(httpserver.url_for("/flaky"), settings=LOCAL)
    assert outcome.status == "ok", outcome.error
    assert outcome.attempts == 2
    assert [r.path for r, _ in httpserver.log] == ["/flaky", "/flaky"]


def test_persistent_500_gives_up_after_retries(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/down").respond_with_data("boom", status=503)
    settings = replace(LOCAL, retries=2)
    outcome = fetch_url(httpserver.url_for("/down"), settings=settings)
    assert outcome.status == "error"
    assert outcome.error.startswith("HTTP 503 Service Unavailable for ")
    assert outcome.attempts == 3
    assert len(httpserver.log) == 3


def test_slow_response_times_out(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    settings = replace(LOCAL, read_timeout=0.2, retries=0)
    outcome = fetch_url(httpserver.url_for("/slow"), settings=settings)
    assert outcome.status == "error"
    assert outcome.error.startswith("read timed out after 0.2 s")


def test_oversized_body_with_content_length(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    outcome = fetch_url(httpserver.url_for("/big"), settings=replace(LOCAL, max_bytes=1000))
    assert outcome.status == "error"
    assert outcome.error.startswith("body larger than 1000 bytes")
    assert outcome.data is None


def test_oversized_streamed_body_is_cut_off(httpserver: HTTPServer) -> None:
    def chunked(request: Request) -> Response:
        return Response((b"y" * 400 for _ in range(20)), content_type="text/plain")

    httpserver.expect_request("/stream").respond_with_handler(chunked)
    outcome = fetch_url(httpserver.url_for("/stream"), settings=replace(LOCAL, max_bytes=1000))
    assert outcome.status == "error"
    assert outcome.error == "body larger than 1000 bytes"


def test_unsupported_content_type(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/img").respond_with_data(
        b"\x89PNG\r\n\x1a\n", content_type="image/png"
    )
    outcome = fetch_url(httpserver.url_for("/img"), settings=LOCAL)
    assert outcome.status == "error"
    assert outcome.error == "content type image/png is not a supported text type"


def test_missing_content_type_is_sniffed(httpserver: HTTPServer) -> None:
    bare = Response(PAGE)
    del bare.headers["Content-Type"]
    httpserver.expect_request("/bare").respond_with_response(bare)
    outcome = fetch_url(httpserver.url_for("/bare"), settings=LOCAL)
    assert outcome.status == "ok", outcome.error
    assert outcome.media_type == "text/html"


def test_redirect_is_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    outcome = fetch_url(httpserver.url_for("/old"), settings=LOCAL)
    assert outcome.status == "ok"
    assert outcome.final_url == httpserver.url_for("/new")


def test_redirect_loop_stops(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    outcome = fetch_url(httpserver.url_for("/a"), settings=replace(LOCAL, max_redirects=5))
    assert outcome.status == "error"
    assert outcome.error.startswith("too many redirects (5)")
    assert len(httpserver.log) == 6


def test_robots_disallow(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /\n\nUser-agent: mlefacts\nDisallow: /private/\n",
        content_type="text/plain",
    )
    httpserver.expect_request("/private/page").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/public").respond_with_data(PAGE, content_type="text/html")
    settings = replace(LOCAL, respect_robots=True)
    with make_session(settings) as session:
        refused = fetch_url(httpserver.url_for("/private/page"), settings=settings, session=session)
        allowed = fetch_url(httpserver.url_for("/public"), settings=settings, session=session)
    assert refused.status == "error"
    assert refused.error.startswith("disallowed by robots.txt for user agent mlefacts")
    assert allowed.status == "ok", allowed.error
    paths = [r.path for r, _ in httpserver.log]
    assert paths == ["/robots.txt", "/public"]


def test_missing_robots_means_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    outcome = fetch_url(httpserver.url_for("/page"), settings=replace(LOCAL, respect_robots=True))
    assert outcome.status == "ok", outcome.error


def test_unreachable_robots_means_disallowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=503)
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    settings = replace(LOCAL, respect_robots=True, retries=0)
    outcome = fetch_url(httpserver.url_for("/page"), settings=settings)
    assert outcome.status == "error"
    assert "robots.txt" in outcome.error and "unreachable (HTTP 503)" in outcome.error
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt"]


def _polite_host(httpserver: HTTPServer, pages: int) -> list[float]:
    """Pages /p0... on a host whose robots.txt asks for 1 s between requests; returns the list
    the times the pages were asked for go into."""
    asked: list[float] = []

    def page(request: Request) -> Response:
        asked.append(time.monotonic())
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"
    )
    for number in range(pages):
        httpserver.expect_request(f"/p{number}").respond_with_handler(page)
    return asked


def _kept_apart(asked: list[float]) -> bool:
    """The requests came about the Crawl-delay apart (not all at once)."""
    times = sorted(asked)
    return min(later - earlier for earlier, later in zip(times, times[1:], strict=False)) > 0.5


def test_sessions_on_threads_sharing_hosts_read_robots_once_and_keep_the_crawl_delay(
    httpserver: HTTPServer,
) -> None:
    asked = _polite_host(httpserver, 3)
    settings = replace(LOCAL, respect_robots=True)
    hosts = Hosts()

    def fetch(number: int) -> str:
        with make_session(settings, hosts=hosts) as session:
            url = httpserver.url_for(f"/p{number}")
            return fetch_url(url, settings=settings, session=session).status

    with ThreadPoolExecutor(3) as threads:
        assert list(threads.map(fetch, range(3))) == ["ok"] * 3
    assert [r.path for r, _ in httpserver.log].count("/robots.txt") == 1
    assert len(asked) == 3 and _kept_apart(asked)


def test_the_batches_of_a_run_read_robots_once_and_keep_the_crawl_delay(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A run ingests batch after batch (each with its session): robots.txt is the origin's for
    the whole run, and so is the time of its last request."""
    asked = _polite_host(httpserver, 3)
    settings = Settings(
        data_dir=tmp_path,
        manifest=tmp_path / "sources.toml",
        fetch=replace(LOCAL, respect_robots=True),
    )
    for number in range(3):
        batch = [make_source(httpserver.url_for(f"/p{number}"))]
        ingested = ingest_batch(batch, settings=settings, fingerprint="f")
        assert [item.result.status for item in ingested.items] == ["ok"]
    assert [r.path for r, _ in httpserver.log].count("/robots.txt") == 1
    assert len(asked) == 3 and _kept_apart(asked)


def test_connection_refused_is_an_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    outcome = fetch_url(f"http://127.0.0.1:{port}/", settings=replace(LOCAL, retries=0))
    assert outcome.status == "error"
    assert outcome.error.startswith("cannot connect to 127.0.0.1")


@pytest.mark.parametrize("scheme_url", ["ftp://example.com/a.txt", "file:///etc/passwd"])
def test_non_http_scheme_is_refused(scheme_url: str) -> None:
    outcome = fetch_url(scheme_url, settings=LOCAL)
    assert outcome.status == "error"
    assert "only http and https are allowed" in outcome.error

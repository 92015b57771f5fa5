"""Hard limits of one fetch, with real sockets on 127.0.0.1: an overall deadline that covers
slow bodies, retries and Retry-After waits; and DNS rebinding, where a name answers a public
address for the safety check and loopback for the connection (names are resolved by a patched
`safety.resolve_host`, the one resolver fetching uses)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer

from mlefacts.sources import safety
from mlefacts.sources.http import FetchSettings, fetch_url

LOCAL = FetchSettings(allow_private_hosts=True, respect_robots=False, backoff_factor=0)
PAGE = b"<!doctype html><html><body><p>Machine learning engineers earn well.</p></body></html>"


class _Drip(BaseHTTPRequestHandler):
    """A 200 whose body arrives one byte every 0.2 s (each read well within a read timeout)."""

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        try:
            for byte in PAGE:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def drip() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/slow"
    finally:
        server.shutdown()
        server.server_close()


def test_a_body_sent_byte_by_byte_stops_at_the_deadline(drip: str) -> None:
    started = time.monotonic()
    outcome = fetch_url(drip, settings=replace(LOCAL, deadline=1.0))
    elapsed = time.monotonic() - started
    assert outcome.status == "error", outcome
    assert "deadline of 1 s" in str(outcome.error)
    assert elapsed < 3.0


def test_retry_after_waits_come_out_of_the_same_budget(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "busy", status=503, headers={"Retry-After": "30"}
    )
    started = time.monotonic()
    outcome = fetch_url(httpserver.url_for("/busy"), settings=replace(LOCAL, deadline=1.5))
    assert time.monotonic() - started < 3.0
    assert outcome.status == "error" and "deadline of 1.5 s" in str(outcome.error)


def test_a_fetch_within_its_deadline_is_unaffected(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    outcome = fetch_url(httpserver.url_for("/a"), settings=replace(LOCAL, deadline=5.0))
    assert outcome.status == "ok" and outcome.data == PAGE


def test_the_connection_goes_to_the_checked_address_with_the_original_host(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"] if host == "articles.invalid" else []

    monkeypatch.setattr(safety, "resolve_host", resolver)
    url = f"http://articles.invalid:{httpserver.port}/page"  # no real DNS knows this name
    outcome = fetch_url(url, settings=LOCAL)
    assert outcome.status == "ok", outcome.error
    assert httpserver.log[-1][0].headers["Host"] == f"articles.invalid:{httpserver.port}"
    assert set(asked) == {"articles.invalid"}


def test_dns_rebinding_never_reaches_loopback(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/page").respond_with_data("internal", content_type="text/plain")
    answers = iter([["203.0.113.7"], ["127.0.0.1"]])

    def rebinding(host: str) -> list[str]:
        return next(answers, ["127.0.0.1"])

    monkeypatch.setattr(safety, "resolve_host", rebinding)
    monkeypatch.setattr(safety, "address_kind", _public_test_net(safety.address_kind))
    url = f"http://localhost:{httpserver.port}/page"  # the system resolves it to 127.0.0.1
    outcome = fetch_url(url, settings=replace(LOCAL, allow_private_hosts=False, retries=0))
    assert outcome.status == "error"
    assert httpserver.log == []


def _public_test_net(kind):  # noqa: ANN001, ANN202
    """203.0.113.0/24 (TEST-NET-3) counted as public, so that the check passes it and the
    connection to it fails fast here, with no real network."""
    import ipaddress

    def address_kind(address):  # noqa: ANN001, ANN202
        if address in ipaddress.ip_network("203.0.113.0/24"):
            return None
        return kind(address)

    return address_kind

"""The inputs that used to stop a whole run, all at once beside the bundled articles: each
becomes its own source's `error` with a reason, and the bundled facts are published."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from support.paths import BUNDLED
from support.runs import FACT

import mlefacts
from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings
from mlefacts.sources.http import FetchSettings

PAGE = f"<html><body><p>{FACT}</p></body></html>".encode()
CODECS = ("hex", "base64", "rot13", "zlib", "undefined", "uu", "bz2")
# UTF-7 for a lone high surrogate: decodes without error to text that cannot be encoded.
UTF7_PAGE = b'<html><head><meta charset="utf-7"></head><body><p>pay +2D0- here</p></body></html>'


class _BadLocation(BaseHTTPRequestHandler):
    """Redirects to a malformed URL, which a test server library would refuse to send: from
    /redirect, and from robots.txt when asked as `localhost` (another origin than 127.0.0.1)."""

    def do_GET(self) -> None:  # noqa: N802
        robots = self.path == "/robots.txt"
        if self.path == "/redirect" or (robots and self.headers["Host"].startswith("localhost")):
            self.send_response(302 if not robots else 301)
            self.send_header("Location", "http://[::1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"" if robots else PAGE
        self.send_response(404 if robots else 200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def bad_location() -> Iterator[int]:
    """The port of a server answering with `Location: http://[::1`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BadLocation)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_every_run_stopping_input_becomes_its_sources_error(
    tmp_path: Path, httpserver: HTTPServer, bad_location: int
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    uris: dict[str, str] = {}
    for codec in CODECS:
        path = f"/charset-{codec}"
        httpserver.expect_request(path).respond_with_data(
            PAGE, content_type=f"text/html; charset={codec}"
        )
        uris[f"charset={codec}"] = httpserver.url_for(path)
    httpserver.expect_request("/utf7").respond_with_data(UTF7_PAGE, content_type="text/html")
    uris["meta utf-7"] = httpserver.url_for("/utf7")
    uris["redirect to http://[::1"] = f"http://127.0.0.1:{bad_location}/redirect"
    uris["robots to http://[::1"] = f"http://localhost:{bad_location}/page"

    folder = tmp_path / "sources"
    folder.mkdir()
    bundled = sorted(p.name for p in BUNDLED.glob("*.txt"))
    for name in bundled:
        shutil.copy(BUNDLED / name, folder / name)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "utf7.html").write_bytes(UTF7_PAGE)
    uris["symlink loop"] = "loop.txt"
    uris["meta utf-7 file"] = "utf7.html"
    uris["NUL in path"] = "nul\x00.txt"
    entries = [*bundled, *uris.values()]
    manifest = folder / "sources.toml"
    manifest.write_text(
        "".join(
            '[[source]]\nuri = "{}"\n\n'.format(uri.replace("\x00", "\\u0000")) for uri in entries
        ),
        encoding="utf-8",
    )
    data_dir = tmp_path / "data"
    settings = Settings(
        data_dir=data_dir, manifest=manifest, fetch=FetchSettings(allow_private_hosts=True)
    )
    record = run_pipeline(settings).record

    assert record.status == "completed_with_errors"
    assert record.n_sources_failed == len(uris)
    sources = mlefacts.load("sources", data_dir).set_index("uri")
    for what, uri in uris.items():
        assert sources.loc[uri, "status"] == "error", what
        assert sources.loc[uri, "error"], what
    for name in bundled:
        assert sources.loc[name, "status"] == "ok"
    claims = mlefacts.load("claims", data_dir)
    bundled_ids = set(sources.loc[bundled, "source_id"])
    assert claims["source_id"].isin(bundled_ids).all() and len(claims) > 100
    rejections = mlefacts.load("rejections", data_dir)
    failed_ids = set(sources.loc[list(uris.values()), "source_id"])
    assert failed_ids <= set(rejections["source_id"])
    reasons = dict(zip(sources["source_id"], sources["error"], strict=True))
    by_what = {what: reasons[sources.loc[uri, "source_id"]] for what, uri in uris.items()}
    assert "not a text encoding" in by_what["charset=hex"] or "hex" in by_what["charset=hex"]
    assert "malformed URL" in by_what["redirect to http://[::1"]
    assert "robots.txt" in by_what["robots to http://[::1"]
    assert "malformed URL" in by_what["robots to http://[::1"]
    assert "symlink" in by_what["symlink loop"].lower()
    assert "NUL" in by_what["NUL in path"]

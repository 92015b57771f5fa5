"""Sources that must be refused: internal addresses, non-http schemes, paths leaving the roots."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from mlefacts.sources.http import FetchSettings, fetch_url
from mlefacts.sources.manifest import make_source, resolve_local
from mlefacts.sources.safety import UnsafeSourceError, check_local_path, check_url

STRICT = FetchSettings(respect_robots=False)


def no_dns(host: str, *args: object, **kwargs: object) -> list[str]:
    raise AssertionError(f"DNS lookup attempted for {host}")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://10.0.0.5/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://169.254.10.10/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:10.0.0.1]/", "private"),
    ],
)
def test_internal_addresses_are_refused(url: str, kind: str) -> None:
    with pytest.raises(UnsafeSourceError, match=f"resolves to a {kind} address"):
        check_url(url)


def test_private_message_names_the_setting() -> None:
    outcome = fetch_url("http://10.0.0.5/jobs", settings=STRICT)
    assert outcome.status == "error"
    assert outcome.error == (
        "refused: host 10.0.0.5 resolves to a private address (set allow_private_hosts to allow)"
    )


def test_metadata_address_refused_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    for url in ("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/"):
        with pytest.raises(UnsafeSourceError, match="cloud metadata"):
            check_url(url, allow_private_hosts=True, resolver=no_dns)
    outcome = fetch_url("http://169.254.169.254/latest/meta-data/", settings=STRICT)
    assert outcome.error == "refused: host 169.254.169.254 is a cloud metadata address"


def test_hostname_resolving_to_private_address_is_refused() -> None:
    with pytest.raises(UnsafeSourceError, match=r"internal.example \(10.1.2.3\)"):
        check_url("https://internal.example/", resolver=lambda host: ["10.1.2.3"])


def test_public_address_passes() -> None:
    check_url("https://example.org/a", resolver=lambda host: ["93.184.216.34"])


def test_loopback_server_refused_without_allow_private(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data("secret", content_type="text/plain")
    outcome = fetch_url(httpserver.url_for("/page"), settings=STRICT)
    assert outcome.status == "error"
    assert "loopback address" in outcome.error
    assert "set allow_private_hosts to allow" in outcome.error
    assert httpserver.log == []


def test_redirect_to_file_url_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    settings = FetchSettings(allow_private_hosts=True, respect_robots=False)
    outcome = fetch_url(httpserver.url_for("/go"), settings=settings)
    assert outcome.status == "error"
    assert outcome.error.startswith("refused: redirect from ")
    assert "to file:///etc/passwd (only http and https are allowed)" in outcome.error


def test_redirect_to_internal_host_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    settings = FetchSettings(allow_private_hosts=True, respect_robots=False)
    outcome = fetch_url(httpserver.url_for("/go"), settings=settings)
    assert outcome.error == "refused: host 169.254.169.254 is a cloud metadata address"


def test_ftp_uri_refused() -> None:
    with pytest.raises(UnsafeSourceError, match="scheme 'ftp'.*only http and https"):
        check_url("ftp://example.com/file.txt", resolver=no_dns)


def test_parent_directory_path_refused(tmp_path: Path) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("private notes")
    with pytest.raises(UnsafeSourceError, match="outside the allowed roots"):
        resolve_local(make_source("../outside.txt"), root)


def test_absolute_path_outside_refused(tmp_path: Path) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    with pytest.raises(UnsafeSourceError, match="outside the allowed roots"):
        check_local_path(Path("/etc/hostname"), allowed_roots=[root])


def test_symlink_pointing_outside_refused(tmp_path: Path) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("private notes")
    (root / "article.txt").symlink_to(secret)
    with pytest.raises(UnsafeSourceError, match="via a symlink"):
        resolve_local(make_source("article.txt"), root)


def test_paths_inside_root_and_allow_outside(tmp_path: Path) -> None:
    root = tmp_path / "manifest"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("x")
    (tmp_path / "outside.txt").write_text("y")
    assert resolve_local(make_source("sub/./a.txt"), root) == (root / "sub" / "a.txt").resolve()
    outside = resolve_local(make_source("../outside.txt"), root, allow_outside=True)
    assert outside == (tmp_path / "outside.txt").resolve()

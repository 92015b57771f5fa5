"""Sources that must be refused: internal addresses, non-http schemes, paths leaving the roots."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from mlefacts.sources.http import FetchSettings, fetch_url
from mlefacts.sources.safety import LocalPaths, UnsafeSourceError, check_local_path, check_url

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


def _one_by_one(path: Path, roots: list[Path], allow_outside: bool) -> Path:
    return check_local_path(path, allowed_roots=roots, allow_outside=allow_outside)


def _by_folder(path: Path, roots: list[Path], allow_outside: bool) -> Path:
    """Through `LocalPaths` (what ingest uses), twice: the second time with the folder's
    verdict cached by the first."""
    paths = LocalPaths(allowed_roots=roots, allow_outside=allow_outside)
    try:
        first = paths.check(path)
    except UnsafeSourceError as refused:
        with pytest.raises(UnsafeSourceError) as again:
            paths.check(path)
        assert str(again.value) == str(refused)
        raise
    resolved, found = paths.check(path)
    assert resolved == first[0]
    assert found is None or found.st_ino == resolved.stat().st_ino
    return resolved


CHECKS = pytest.mark.parametrize("check", [_one_by_one, _by_folder])


@CHECKS
def test_parent_directory_path_refused(tmp_path: Path, check: Callable[..., Path]) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("private notes")
    with pytest.raises(UnsafeSourceError, match="outside the allowed roots"):
        check(root / "../outside.txt", [root], False)


@CHECKS
def test_absolute_path_outside_refused(tmp_path: Path, check: Callable[..., Path]) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    with pytest.raises(UnsafeSourceError, match="outside the allowed roots"):
        check(Path("/etc/hostname"), [root], False)


@CHECKS
def test_symlink_pointing_outside_refused(tmp_path: Path, check: Callable[..., Path]) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("private notes")
    (root / "article.txt").symlink_to(secret)
    with pytest.raises(UnsafeSourceError, match="via a symlink"):
        check(root / "article.txt", [root], False)


@CHECKS
def test_a_folder_symlinked_outside_is_refused(tmp_path: Path, check: Callable[..., Path]) -> None:
    root = tmp_path / "manifest"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text("private notes")
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafeSourceError, match="via a symlink"):
        check(root / "linked" / "a.txt", [root], False)


@CHECKS
def test_paths_inside_root_and_allow_outside(tmp_path: Path, check: Callable[..., Path]) -> None:
    root = tmp_path / "manifest"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("x")
    (tmp_path / "outside.txt").write_text("y")
    (root / "inside.txt").symlink_to(root / "sub" / "a.txt")
    assert check(root / "sub/./a.txt", [root], False) == (root / "sub" / "a.txt").resolve()
    assert check(root / "inside.txt", [root], False) == (root / "sub" / "a.txt").resolve()
    assert check(root / "sub/../missing.txt", [root], False) == root.resolve() / "missing.txt"
    outside = check(root / "../outside.txt", [root], True)
    assert outside == (tmp_path / "outside.txt").resolve()
    # A path that leaves a root and comes back into it is inside.
    back = check(root / "../manifest/sub/a.txt", [root], False)
    assert back == outside.parent / "manifest" / "sub" / "a.txt"


def test_local_paths_resolve_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    for name in ("1.txt", "2.txt", "3.txt"):
        (tmp_path / "a" / name).write_text(name)
    resolved: list[Path] = []
    resolve = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        resolved.append(self)
        return resolve(self, strict)

    monkeypatch.setattr(Path, "resolve", counting)
    paths = LocalPaths(allowed_roots=[tmp_path])
    found = [paths.check(tmp_path / "a" / name)[0] for name in ("1.txt", "2.txt", "3.txt")]
    assert found == [resolve(tmp_path / "a" / name) for name in ("1.txt", "2.txt", "3.txt")]
    assert resolved == [tmp_path / "a"]

"""Guards against fetching what a manifest entry must never reach.

A manifest is data that may come from anyone, so a URL could point at the machine's own services
(loopback, the cloud metadata endpoint, the private network) and a path could climb out of the
project (`../`, symlinks). These checks refuse such sources with a message that says why.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]


class UnsafeSourceError(Exception):
    """A source was refused before any byte of it was read."""


class UnresolvableHostError(UnsafeSourceError):
    """A host name has no address now (offline, or a typo): refused, but not for what it is."""


def resolve_host(host: str) -> list[str]:
    """All addresses a host name resolves to."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]).split("%", 1)[0] for info in infos})


def _ip_literal(host: str) -> list[str]:
    """[host] when it is an IP address already: those need no DNS."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        return []


def address_kind(address: IPAddress) -> str | None:
    """Why an address must not be fetched, or None for an ordinary public address.

    >>> address_kind(ipaddress.ip_address("10.0.0.5"))
    'private'
    >>> address_kind(ipaddress.ip_address("93.184.216.34")) is None
    True
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_kind(address.ipv4_mapped)
    checks = (
        ("cloud metadata", address in METADATA_ADDRESSES),
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-global", not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def check_url(
    url: str, *, allow_private_hosts: bool = False, resolver: Resolver | None = None
) -> list[str]:
    """The addresses `url`'s host resolves to, all checked; refuse a URL that is not http(s)
    or whose host resolves to an internal address. Fetching connects to one of these
    addresses, never to a second resolution of the name (DNS rebinding).

    The cloud metadata addresses are refused even with `allow_private_hosts`: nothing a
    manifest lists should ever need them. `resolver` defaults to `resolve_host`.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as exc:
        raise UnsafeSourceError(f"refused: malformed URL {url!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"scheme '{scheme}'" if scheme else "a URL without a scheme"
        raise UnsafeSourceError(f"refused: {shown} in {url} (only http and https are allowed)")
    host = parts.hostname
    if not host:
        raise UnsafeSourceError(f"refused: {url} has no host")
    try:
        addresses = _ip_literal(host) or (resolver or resolve_host)(host)
    except (OSError, UnicodeError) as exc:
        raise UnresolvableHostError(f"cannot resolve host {host}: {exc}") from exc
    if not addresses:
        raise UnresolvableHostError(f"cannot resolve host {host}: no addresses")
    for text in addresses:
        kind = address_kind(ipaddress.ip_address(text))
        if kind is None:
            continue
        shown = host if text == host else f"{host} ({text})"
        if kind == "cloud metadata":
            raise UnsafeSourceError(f"refused: host {shown} is a cloud metadata address")
        if not allow_private_hosts:
            raise UnsafeSourceError(
                f"refused: host {shown} resolves to a {kind} address "
                "(set allow_private_hosts to allow)"
            )
    return addresses


def check_local_path(
    path: Path, *, allowed_roots: Iterable[Path], allow_outside: bool = False
) -> Path:
    """The fully resolved `path`, refused when it (or a symlink on the way) leaves the roots,
    loops, or holds a NUL byte (no file system path can)."""
    if "\x00" in str(path):
        raise UnsafeSourceError(f"refused: the path {str(path)!r} contains a NUL byte")
    try:
        resolved = path.resolve()
    except RuntimeError as exc:  # Python < 3.13 reports a symlink loop so
        raise UnsafeSourceError(f"refused: {path}: symlink loop ({exc})") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeSourceError(f"refused: {path}: symlink loop") from None
        raise UnsafeSourceError(f"refused: cannot resolve {path}: {exc}") from None
    if allow_outside:
        return resolved
    given = [Path(root) for root in allowed_roots]
    # A root that a resolved path lies under as written is resolved already (every prefix of a
    # resolved path is): the common case costs no resolving of the roots, per file.
    if any(resolved.is_relative_to(root) for root in given):
        return resolved
    roots = [root.resolve() for root in given]
    if any(resolved.is_relative_to(root) for root in roots):
        return resolved
    lexical = Path(*_normalize_parts(path.absolute()))
    via = " via a symlink" if any(lexical.is_relative_to(r) for r in roots) else ""
    shown_roots = ", ".join(str(r) for r in roots) or "none"
    raise UnsafeSourceError(
        f"refused: {path} resolves{via} to {resolved}, outside the allowed roots ({shown_roots}); "
        "run with --allow-outside-paths (run.allow_outside_paths) to read it"
    )


class LocalPaths:
    """`check_local_path` for many files, such as a batch's: each folder is resolved and
    checked once, and a file in it costs one `lstat` (resolving every file's path took ~0.1 ms
    a source, more than half of what an unchanged source costs a run). A file that is a
    symlink, missing or named `..` takes the whole check, which says why it is refused."""

    def __init__(self, *, allowed_roots: Iterable[Path], allow_outside: bool = False) -> None:
        self._roots = list(allowed_roots)
        self._allow_outside = allow_outside
        # Folder as written -> resolved, or None when it is outside the roots.
        self._folders: dict[Path, Path | None] = {}

    def check(self, path: Path) -> tuple[Path, os.stat_result | None]:
        """What `check_local_path(path)` returns (or raises), and the file's `stat` when
        this took it."""
        try:
            found = os.lstat(path)
        except (OSError, ValueError):  # missing, unreadable, a NUL byte
            return self._whole(path), None
        if path.name in ("", "..") or stat.S_ISLNK(found.st_mode):
            return self._whole(path), None
        folder = self._folder(path.parent)
        if folder is None:  # the file may still be a root itself: the whole check says
            return self._whole(path), None
        # A file that is no symlink resolves to its resolved folder and its own name.
        return folder / path.name, found

    def _folder(self, folder: Path) -> Path | None:
        if folder not in self._folders:
            try:
                self._folders[folder] = self._whole(folder)
            except UnsafeSourceError:
                self._folders[folder] = None
        return self._folders[folder]

    def _whole(self, path: Path) -> Path:
        return check_local_path(path, allowed_roots=self._roots, allow_outside=self._allow_outside)


def _normalize_parts(path: Path) -> list[str]:
    """Collapse `..` without touching the filesystem, to tell `../` apart from symlinks."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if len(parts) > 1:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return parts

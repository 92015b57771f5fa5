"""The source manifest: a TOML file of `[[source]]` tables naming what to ingest.

    [[source]]
    uri = "articles/ml-engineer.txt"      # relative to the manifest file, or an http(s) URL
    title = "What an ML engineer does"    # optional
    publisher = "Example Blog"            # optional
    published = 2024-03-01                # optional: TOML date or "YYYY-MM-DD"

Each source gets a stable `source_id` derived from its canonical uri, so the same entry keeps
its id across runs and machines.
"""

from __future__ import annotations

import datetime
import difflib
import os
import posixpath
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mlefacts.atomic import write_atomic
from mlefacts.contract import stable_id
from mlefacts.toml_files import TOMLDecodeError, parse_toml

URL_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# A source's origin, as open-data publishers cite one: who published it and when, under which
# licence, the page a local copy was saved from, when it was accessed, and a citation text.
TEXT_KEYS = ("title", "publisher", "license", "citation", "page_url")
DATE_KEYS = ("published", "accessed")
# `id`: the source's id when it must stay the one another manifest gave it (a file listed
# again from another folder, whose path as written changed); by default it comes from the uri.
ENTRY_KEYS = ("uri", *TEXT_KEYS, *DATE_KEYS, "id")
TOP_LEVEL_KEYS = ("source",)
# A manifest lists sources, not content: far larger than this is a mistake (or /dev/zero).
# A source takes ~160 bytes (uri, title, publisher, date): 100,000 sources are 16 MB, so this
# leaves room for a run of a million.
MAX_MANIFEST_BYTES = 256_000_000
# A manifest is parsed this many `[[source]]` tables at a time: tomllib's tables of a whole
# 100,000-source manifest take ~245 MB at once and left the flow's process ~230 MB larger for
# the rest of the run; in pieces, a run holds its `SourceSpec`s (~43 MB) and one piece's tables.
PIECE_SOURCES = 1000
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SOURCE_ID = re.compile(r"s_[0-9a-f]{16}")
# What no host name holds (RFC 3986 leaves them out of a host; a space is a typo).
_NOT_IN_HOST = frozenset('<>"{}|\\^`')
_SOURCE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*source[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.M)


class ManifestError(ValueError):
    """The manifest (or an entry being added to it) is malformed."""


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One manifest entry. `uri` is kept as written; `source_id` comes from its canonical form.
    Slotted: a run holds one per source in the flow's process (100,000 at a time)."""

    uri: str
    title: str | None
    publisher: str | None
    published: datetime.date | None
    source_id: str
    license: str | None = None
    citation: str | None = None
    page_url: str | None = None
    accessed: datetime.date | None = None

    @property
    def is_url(self) -> bool:
        """True for http(s) sources, False for local files."""
        return is_url(self.uri)


def is_url(uri: str) -> bool:
    """True when `uri` has an http or https scheme.

    >>> is_url("HTTPS://example.com/a"), is_url("notes/a.txt")
    (True, False)
    """
    match = _SCHEME.match(uri)
    return bool(match) and match.group(1).lower() in URL_SCHEMES


def canonical_uri(uri: str) -> str:
    """The form `source_id` hashes: URLs with scheme/host lower-cased, default port and fragment
    dropped, empty path as '/'; paths with forward slashes and `.`/duplicate slashes collapsed.

    >>> canonical_uri("HTTPS://Example.COM:443/Jobs?q=1#top")
    'https://example.com/Jobs?q=1'
    >>> canonical_uri(r"articles\\.\\ml.txt")
    'articles/ml.txt'
    """
    match = _SCHEME.match(uri)
    if match is None:
        return posixpath.normpath(uri.replace("\\", "/"))
    scheme = match.group(1).lower()
    if scheme not in URL_SCHEMES:
        raise ManifestError(
            f"unknown scheme '{scheme}' in uri {uri!r} (use an http(s) URL or a relative path)"
        )
    try:
        parts = urlsplit(uri)
    except ValueError as exc:
        raise ManifestError(f"bad uri {uri!r}: {exc}") from exc
    try:
        port = parts.port
    except ValueError as exc:
        raise ManifestError(f"bad port in uri {uri!r}: {exc}") from exc
    if not parts.hostname:
        raise ManifestError(f"uri {uri!r} has no host")
    host = parts.hostname.lower()
    if any(char.isspace() or char in _NOT_IN_HOST for char in host):
        raise ManifestError(f"bad host {parts.hostname!r} in uri {uri!r}")
    if ":" in host:
        host = f"[{host}]"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (f"{userinfo}@" if userinfo else "") + host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def source_id_for(uri: str) -> str:
    """'s_' + the first 16 hex digits of sha256(canonical uri)."""
    return f"s_{stable_id(canonical_uri(uri))}"


def make_source(
    uri: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: datetime.date | str | None = None,
    license: str | None = None,
    citation: str | None = None,
    page_url: str | None = None,
    accessed: datetime.date | str | None = None,
    id: str | None = None,
) -> SourceSpec:
    """A validated `SourceSpec` (raises `ManifestError` on a bad uri, date or id)."""
    if not isinstance(uri, str) or not uri.strip():
        raise ManifestError("uri must be a non-empty string")
    texts = {
        "title": title,
        "publisher": publisher,
        "license": license,
        "citation": citation,
        "page_url": page_url,
    }
    for name, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise ManifestError(f"{name} must be a string, got {type(value).__name__}")
    if page_url is not None and not is_url(page_url):
        raise ManifestError(f"page_url must be an http(s) URL, got {page_url!r}")
    if id is not None and not (isinstance(id, str) and _SOURCE_ID.fullmatch(id)):
        raise ManifestError(f"id must be 's_' and 16 hex digits (a source id), got {id!r}")
    return SourceSpec(
        uri=uri,
        title=title,
        publisher=publisher,
        published=_parse_date(published, "published"),
        source_id=id or source_id_for(uri),
        license=license,
        citation=citation,
        page_url=page_url,
        accessed=_parse_date(accessed, "accessed"),
    )


def load_manifest(path: Path, *, hand_over: bool = False) -> list[SourceSpec]:
    """Read and validate every `[[source]]` entry; the error names the file and the entry.

    A manifest without a source is an error: a run on it would publish an empty snapshot.
    With `hand_over`, the specs are kept for the next load of the same file in this process,
    which takes them instead of parsing again if the file's text is still the same:
    `mlefacts.run` checks the manifest before the flow starts, and the run reads it again
    under its lock (a parse of 10,000 sources costs ~0.5 s of CPU).
    """
    global _handed_over
    text = _read_text(path)
    kept, _handed_over = _handed_over, None
    if kept is not None and kept[0] == os.path.abspath(path) and kept[1] == text:
        specs = kept[2]
    else:
        specs = _specs_from_text(text, path)
    if hand_over:
        _handed_over = (os.path.abspath(path), text, specs)
    return specs


# What the last `load_manifest(..., hand_over=True)` parsed: the manifest's absolute path, its
# text and its specs; taken (and let go of) by the next load.
_handed_over: tuple[str, str, list[SourceSpec]] | None = None


def _read_text(path: Path) -> str:
    """The manifest's text, refusing what is not a regular file of bounded size: a FIFO must
    not block the run waiting for a writer, nor /dev/zero be read without end."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as exc:
        raise ManifestError(f"{path}: manifest not found") from exc
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ManifestError(f"{path}: not a regular file (a manifest is a TOML file)")
        if info.st_size > MAX_MANIFEST_BYTES:
            raise ManifestError(f"{path}: manifest larger than {MAX_MANIFEST_BYTES} bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            # Sized by the file, not by the cap: a read of the cap allocates all of it first.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since fstat
                data += handle.read(MAX_MANIFEST_BYTES + 1 - len(data))
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from exc
    finally:
        os.close(fd)
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(f"{path}: manifest larger than {MAX_MANIFEST_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from exc


def add_source(
    path: Path,
    uri: str,
    **origin: str | datetime.date | None,
) -> SourceSpec:
    """Append a `[[source]]` table to the manifest (created if missing), keeping its text as is.

    `origin` takes the entry's other keys (title, publisher, published, license, ...). A local
    path is kept relative to the manifest's folder when the file is inside it."""
    if not is_url(uri):
        uri = _relative_if_inside(Path(uri), path.parent)
    try:
        spec = make_source(uri, **origin)  # type: ignore[arg-type]
    except ManifestError as exc:
        raise ManifestError(f"{path}: cannot add {uri!r}: {exc}") from exc
    existing = _read_text(path) if path.exists() else ""
    for other in _specs_from_text(existing, path, allow_empty=True):
        if other.source_id == spec.source_id or _same_file(other, spec, path.parent):
            raise ManifestError(f"{path}: {uri!r} is already listed (as {other.uri!r})")
    separator = (
        ""
        if not existing or existing.endswith("\n\n")
        else ("\n" if existing.endswith("\n") else "\n\n")
    )
    updated = existing + separator + _entry_text(spec)
    _specs_from_text(updated, path)
    write_atomic(path, updated.encode("utf-8"))
    return spec


def _relative_if_inside(given: Path, folder: Path) -> str:
    """A local path as a manifest keeps it: relative to the manifest's folder when the file is
    inside it (however it was written: absolute, with `..`), else absolute."""
    folder = folder.resolve()
    target = (folder / given).resolve() if not given.is_absolute() else given.resolve()
    if target.is_relative_to(folder):
        return target.relative_to(folder).as_posix()
    return target.as_posix()


def _same_file(one: SourceSpec, other: SourceSpec, folder: Path) -> bool:
    """Two local entries naming one file (through different paths or a symlink)."""
    if one.is_url or other.is_url:
        return False
    try:
        return (folder / one.uri).resolve() == (folder / other.uri).resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return parse_toml(text)
    except TOMLDecodeError as exc:
        raise ManifestError(f"{path}: invalid TOML: {exc}") from exc


class _NotInPieces(Exception):
    """A piece of the manifest does not parse on its own (a `[[source]]` line inside a
    multi-line string, a syntax error, a key outside the source tables)."""


def _specs_from_text(text: str, path: Path, *, allow_empty: bool = False) -> list[SourceSpec]:
    """The specs of a manifest's text, parsed in pieces (`PIECE_SOURCES`). When a piece does
    not parse on its own or an entry is refused, the whole text is parsed at once, so the
    specs and every error (with its line number) are those of parsing it whole."""
    try:
        return _specs_from(_pieces(text), path, allow_empty=allow_empty)
    except (_NotInPieces, ManifestError):
        return _specs_from([_parse(text, path)], path, allow_empty=allow_empty)


def _pieces(text: str) -> Iterator[dict[str, Any]]:
    """The tables of each piece of `text`: what precedes the first `[[source]]` line (which
    must hold no key), then `PIECE_SOURCES` source tables at a time (which must hold only
    `source`, an array of tables); raises `_NotInPieces` otherwise."""
    starts = [match.start() for match in _SOURCE_HEADER.finditer(text)][::PIECE_SOURCES]
    bounds = [0, *starts, len(text)]
    for index, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        try:
            raw = parse_toml(text[start:end])
        except TOMLDecodeError as exc:
            raise _NotInPieces from exc
        sources_only = set(raw) == {"source"} and isinstance(raw["source"], list)
        if (index == 0 and raw) or (index > 0 and not sources_only):
            raise _NotInPieces
        yield raw


def _specs_from(
    tables: Iterable[dict[str, Any]], path: Path, *, allow_empty: bool = False
) -> list[SourceSpec]:
    """Validated specs from a manifest's top-level tables (of the whole text or its pieces)."""
    specs: list[SourceSpec] = []
    seen: dict[str, int] = {}
    number = 0
    for raw in tables:
        for entry in _entries(raw, path):
            number += 1
            specs.append(_spec_of(entry, number, path, seen))
    if not specs and not allow_empty:
        raise ManifestError(
            f"{path}: no sources: a run on it would publish nothing "
            '(add [[source]] tables with uri = "URL or path")'
        )
    return specs


def _entries(raw: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    unknown_tables = sorted(set(raw) - set(TOP_LEVEL_KEYS))
    if unknown_tables:
        raise ManifestError(
            f"{path}: unknown key {', '.join(map(repr, unknown_tables))} "
            "(expected [[source]] tables)"
        )
    entries = raw.get("source", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ManifestError(f"{path}: 'source' must be an array of tables ([[source]])")
    return entries


def _spec_of(entry: dict[str, Any], number: int, path: Path, seen: dict[str, int]) -> SourceSpec:
    """Source #`number`, checked against the ids `seen` so far (which it joins)."""
    label = f"{path}: source #{number}" + (
        f" (uri {entry['uri']!r})" if isinstance(entry.get("uri"), str) else ""
    )
    unknown = sorted(set(entry) - set(ENTRY_KEYS))
    if unknown:
        raise ManifestError(f"{label}: {_unknown_keys(unknown)}")
    if "uri" not in entry:
        raise ManifestError(f"{label}: missing uri")
    try:
        spec = make_source(entry["uri"], **{key: entry.get(key) for key in ENTRY_KEYS[1:]})
    except ManifestError as exc:
        raise ManifestError(f"{label}: {exc}") from exc
    if spec.source_id in seen:
        repeated = "id" if "id" in entry else "uri"
        raise ManifestError(
            f"{label}: duplicate {repeated} (same source as source #{seen[spec.source_id]})"
        )
    seen[spec.source_id] = number
    return spec


def _unknown_keys(keys: list[str]) -> str:
    """Name the unknown keys and the expected key each most likely meant.

    >>> _unknown_keys(["url"]).split(";")[0]
    "unknown key 'url' (did you mean 'uri'?)"
    """
    shown = []
    for key in keys:
        close = difflib.get_close_matches(key, ENTRY_KEYS, n=1)
        shown.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    return f"unknown key {', '.join(shown)}; allowed keys: {', '.join(ENTRY_KEYS)}"


def _parse_date(value: object, name: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise ManifestError(f"{name} must be a date (YYYY-MM-DD), not a date-time ({value})")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ManifestError(f"bad date {value!r} for {name} (use YYYY-MM-DD)") from exc
    raise ManifestError(f"{name} must be a date (YYYY-MM-DD), got {type(value).__name__}")


def _entry_text(spec: SourceSpec) -> str:
    lines = ["[[source]]", f"uri = {_toml_string(spec.uri)}"]
    for key in TEXT_KEYS:
        value = getattr(spec, key)
        if value is not None:
            lines.append(f"{key} = {_toml_string(value)}")
    for key in DATE_KEYS:
        day = getattr(spec, key)
        if day is not None:
            lines.append(f"{key} = {day.isoformat()}")
    if spec.source_id != source_id_for(spec.uri):
        lines.append(f"id = {_toml_string(spec.source_id)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    """A TOML basic string, escaping what TOML forbids raw.

    >>> print(_toml_string('a "b"'))
    "a \\"b\\""
    """
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'

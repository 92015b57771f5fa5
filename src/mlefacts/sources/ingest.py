"""One manifest entry -> stored bytes + decoded text, or a clear error. Never raises for a bad
source: the pipeline keeps the last good claims of a source whose fetch failed."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from mlefacts.sources.decode import DecodeError, decode_bytes, sniff_media_type
from mlefacts.sources.http import FetchOutcome, FetchSettings, fetch_url
from mlefacts.sources.manifest import SourceSpec
from mlefacts.sources.rawzone import RawZone, RawZoneError
from mlefacts.sources.safety import LocalPaths, UnsafeSourceError


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The outcome of ingesting one source; `text` is set for 'ok' and 'not_modified'.
    Slotted: the flow holds one per source until its batch is extracted (a batch with nothing
    new: until the run decides whether to go on)."""

    source_id: str
    uri: str
    status: str
    content_sha256: str | None
    media_type: str | None
    charset: str | None
    text: str | None
    n_bytes: int
    fetched_at: str
    error: str | None
    http_status: int | None
    # True when a local file was found unchanged (size and mtime) and not read again.
    unchanged: bool = False


def ingest_source(
    spec: SourceSpec,
    *,
    manifest_dir: Path,
    raw: RawZone,
    settings: FetchSettings,
    session: requests.Session | None = None,
    allowed_roots: Sequence[Path] | None = None,
    allow_outside: bool = False,
    reusable: Callable[[str], bool] | None = None,
    local_paths: LocalPaths | None = None,
) -> IngestResult:
    """Read or fetch `spec`, store its bytes in `raw`, decode them, and log the attempt.

    Local paths must stay inside `allowed_roots` (default: `manifest_dir`) unless
    `allow_outside` is set; `local_paths` checks them instead, for a caller that ingests many
    (each folder resolved once). A local file whose path, size and modification time (to the
    nanosecond) are those of its last good read is not read, hashed or logged again when
    `reusable(sha256)` says what was made of those bytes is still at hand (the run's
    extraction cache): unchanged inputs cost a `stat`. This is the error boundary of a source:
    whatever goes wrong with one (a codec, a parser, a path the OS refuses) becomes its
    recorded error, never the run's.
    """
    try:
        return _ingest(
            spec,
            manifest_dir=manifest_dir,
            raw=raw,
            settings=settings,
            session=session,
            local_paths=local_paths
            or LocalPaths(
                allowed_roots=[manifest_dir] if allowed_roots is None else allowed_roots,
                allow_outside=allow_outside,
            ),
            reusable=reusable,
        )
    except Exception as exc:  # noqa: BLE001 - the boundary: recorded, not raised
        return _failed(spec, raw, f"cannot ingest {spec.uri!r}: {type(exc).__name__}: {exc}")


def _ingest(
    spec: SourceSpec,
    *,
    manifest_dir: Path,
    raw: RawZone,
    settings: FetchSettings,
    session: requests.Session | None,
    local_paths: LocalPaths,
    reusable: Callable[[str], bool] | None,
) -> IngestResult:
    if spec.is_url:
        return _ingest_url(spec, raw=raw, settings=settings, session=session)
    started = time.monotonic()
    try:
        path, found = local_paths.check(manifest_dir / Path(spec.uri))
        identity = _file_identity(path, found)
        unchanged = _unchanged_file(spec, raw, identity, reusable, settings.max_bytes)
        if unchanged is not None:
            return unchanged
        data = _read_file(path, settings.max_bytes)
    except (UnsafeSourceError, _ReadFailed) as exc:
        return _failed(spec, raw, str(exc), started=started)
    media_type = sniff_media_type(data, filename=path.name)
    return _store_and_decode(
        spec,
        raw,
        data,
        media_type=media_type,
        declared_charset=None,
        started=started,
        identity=identity,
    )


def _file_identity(path: Path, stat: os.stat_result | None = None) -> dict[str, Any] | None:
    """What tells a local file's content changed without reading it: path, size and mtime
    (taken before the read, so a write during the read makes the next run read again), from
    `stat` when the path's check took it."""
    try:
        stat = stat or os.stat(path)
    except OSError:
        return None  # the read reports why
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _unchanged_file(
    spec: SourceSpec,
    raw: RawZone,
    identity: dict[str, Any] | None,
    reusable: Callable[[str], bool] | None,
    max_bytes: int,
) -> IngestResult | None:
    """The last good read of a file whose identity did not change, or None to read it."""
    if reusable is None or identity is None or identity["size"] > max_bytes:
        return None
    previous = raw.last_good_fetch(spec.source_id)
    local = (previous or {}).get("local") or {}
    if previous is None or {key: local.get(key) for key in identity} != identity:
        return None
    if not (raw.has(previous["sha256"]) and reusable(previous["sha256"])):
        return None
    return IngestResult(
        source_id=spec.source_id,
        uri=spec.uri,
        status=previous["status"],
        content_sha256=previous["sha256"],
        media_type=previous["media_type"],
        charset=local.get("charset"),
        text=None,
        n_bytes=previous["bytes"],
        fetched_at=previous["time"],
        error=None,
        http_status=None,
        unchanged=True,
    )


def _ingest_url(
    spec: SourceSpec, *, raw: RawZone, settings: FetchSettings, session: requests.Session | None
) -> IngestResult:
    previous = raw.last_good_fetch(spec.source_id)
    if previous is not None and not raw.verified(previous["sha256"]):
        previous = None  # lost or damaged: fetch in full, which stores the bytes again
    if previous is not None and previous.get("uri") != spec.uri:
        previous = None  # the entry's uri changed under a kept id: another page's validators
    outcome = fetch_url(
        spec.uri,
        settings=settings,
        session=session,
        etag=previous["etag"] if previous else None,
        last_modified=previous["last_modified"] if previous else None,
    )
    if outcome.status == "ok" and outcome.data is not None:
        return _store_and_decode(
            spec,
            raw,
            outcome.data,
            media_type=outcome.media_type or "text/plain",
            declared_charset=outcome.charset,
            outcome=outcome,
        )
    if outcome.status == "not_modified":
        if previous is None:
            message = f"HTTP 304 Not Modified for {spec.uri} but no earlier copy is in the raw zone"
            return _failed(spec, raw, message, outcome=outcome)
        return _reuse_previous(spec, raw, previous, outcome)
    return _failed(spec, raw, outcome.error or "fetch failed", outcome=outcome)


def _reuse_previous(
    spec: SourceSpec, raw: RawZone, previous: dict[str, Any], outcome: FetchOutcome
) -> IngestResult:
    sha = previous["sha256"]
    try:
        data = raw.get(sha)
        decoded = decode_bytes(
            data, declared_charset=previous.get("charset"), media_type=previous["media_type"]
        )
    except (RawZoneError, DecodeError) as exc:
        return _failed(
            spec, raw, f"HTTP 304 Not Modified but the stored copy failed: {exc}", outcome=outcome
        )
    record = raw.record_fetch(
        source_id=spec.source_id,
        uri=spec.uri,
        status="not_modified",
        n_bytes=len(data),
        sha256=sha,
        elapsed_ms=outcome.elapsed_ms,
        etag=outcome.etag,
        last_modified=outcome.last_modified,
        http_status=outcome.http_status,
        media_type=previous["media_type"],
        charset=previous.get("charset"),
        final_url=outcome.final_url,
    )
    return IngestResult(
        source_id=spec.source_id,
        uri=spec.uri,
        status="not_modified",
        content_sha256=sha,
        media_type=previous["media_type"],
        charset=decoded.charset,
        text=decoded.text,
        n_bytes=len(data),
        fetched_at=record["time"],
        error=None,
        http_status=outcome.http_status,
    )


def _store_and_decode(
    spec: SourceSpec,
    raw: RawZone,
    data: bytes,
    *,
    media_type: str,
    declared_charset: str | None,
    outcome: FetchOutcome | None = None,
    started: float | None = None,
    identity: dict[str, Any] | None = None,
) -> IngestResult:
    """Keep the bytes whatever they are (traceability), then decode; binary data is an error."""
    sha, _ = raw.put(data)
    try:
        decoded = decode_bytes(data, declared_charset=declared_charset, media_type=media_type)
    except DecodeError as exc:
        decoded, error = None, f"cannot decode {spec.uri}: {exc}"
    else:
        error = None
    record = raw.record_fetch(
        source_id=spec.source_id,
        uri=spec.uri,
        status="ok" if decoded else "error",
        n_bytes=len(data),
        sha256=sha,
        error=error,
        elapsed_ms=outcome.elapsed_ms if outcome else _elapsed_ms(started),
        etag=outcome.etag if outcome else None,
        last_modified=outcome.last_modified if outcome else None,
        http_status=outcome.http_status if outcome else None,
        media_type=media_type,
        charset=declared_charset,
        final_url=outcome.final_url if outcome else None,
        local={**identity, "charset": decoded.charset} if identity and decoded else None,
    )
    return IngestResult(
        source_id=spec.source_id,
        uri=spec.uri,
        status=record["status"],
        content_sha256=sha,
        media_type=media_type,
        charset=decoded.charset if decoded else None,
        text=decoded.text if decoded else None,
        n_bytes=len(data),
        fetched_at=record["time"],
        error=error,
        http_status=record["http_status"],
    )


def _failed(
    spec: SourceSpec,
    raw: RawZone,
    message: str,
    *,
    outcome: FetchOutcome | None = None,
    started: float | None = None,
) -> IngestResult:
    record = raw.record_fetch(
        source_id=spec.source_id,
        uri=spec.uri,
        status="error",
        error=message,
        elapsed_ms=outcome.elapsed_ms if outcome else _elapsed_ms(started),
        http_status=outcome.http_status if outcome else None,
        final_url=outcome.final_url if outcome else None,
    )
    return IngestResult(
        source_id=spec.source_id,
        uri=spec.uri,
        status="error",
        content_sha256=None,
        media_type=None,
        charset=None,
        text=None,
        n_bytes=0,
        fetched_at=record["time"],
        error=message,
        http_status=record["http_status"],
    )


class _ReadFailed(Exception):
    """A local file is missing, unreadable or too large."""


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            path.stat()
            raise _ReadFailed(f"not a regular file: {path}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise _ReadFailed(f"file not found: {path}") from exc
    except OSError as exc:
        raise _ReadFailed(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _ReadFailed(f"file larger than {max_bytes} bytes: {path}")
    return data


def _elapsed_ms(started: float | None) -> int:
    return 0 if started is None else int((time.monotonic() - started) * 1000)

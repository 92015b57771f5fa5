"""The pipeline's stages as plain functions; flows/ wires them into Prefect tasks.

Per batch of sources: ingest -> document -> extract -> rows -> validate -> shards (`staging`),
a batch's extraction starting as soon as it is ingested; then for the whole run: assemble
(`assemble`, DuckDB) -> reconcile -> publish. Every stage takes
and returns plain data so a test or a notebook can call it without a Prefect server.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, overload

import pandas as pd

from mlefacts.cache import CachedExtraction, ExtractionCache
from mlefacts.chunks import chunks
from mlefacts.config import default_manifest, package_digest
from mlefacts.contract import stable_id
from mlefacts.document.build import build_document_tree
from mlefacts.document.metadata import read_page_metadata
from mlefacts.document.model import Document
from mlefacts.extract import extract_claims, extract_skips, extractor_versions
from mlefacts.extract.claim import Claim
from mlefacts.extract.coverage import Figure, audit_figures
from mlefacts.publish.schema_version import IncompatibleSchemaError
from mlefacts.publish.snapshots import current_snapshot
from mlefacts.settings import Settings
from mlefacts.sources.decode import decode_bytes
from mlefacts.sources.http import make_session, run_hosts
from mlefacts.sources.ingest import IngestResult, ingest_source
from mlefacts.sources.manifest import SourceSpec
from mlefacts.sources.rawzone import RawZone
from mlefacts.sources.safety import LocalPaths
from mlefacts.staging import BatchSummary, shard_path, staging_dir, write_batch, write_shard
from mlefacts.validate import concat_rejections, validate_table
from mlefacts.validate import validate_tables as validate_tables  # bench/quality.py, tests


@dataclass(slots=True)
class BatchResult:
    """What one batch of sources produced, before the run id is known."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[dict[str, Any]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    n_extracted: int = 0
    n_cached: int = 0

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


# The most batches a run makes: beyond it batches grow, so that a corpus of a million sources
# is a thousand task runs, not ten thousand (each costs its scheduling and state updates).
MAX_BATCHES = 1000


def plan_batches(specs: Sequence[SourceSpec], batch_size: int) -> Batches:
    """Split sources into batches of `batch_size` (more when there would be more than
    `MAX_BATCHES`): one Prefect task per batch, never one per document."""
    size = max(1, batch_size, math.ceil(len(specs) / MAX_BATCHES))
    return Batches(
        [_pack(part) for part in chunks(specs, size)],
        fetches=any(spec.is_url for spec in specs),
    )


class Batches(Sequence[list[SourceSpec]]):
    """The run's sources in batches, each held packed until it is asked for: a batch's specs
    as one compressed string of their fields (~35 bytes a source where a `SourceSpec` holds
    ~420: ~4 MB at 100,000 sources instead of ~43, held while the batches run). `fetches`
    says whether any source is a URL."""

    def __init__(self, packed: list[bytes], *, fetches: bool) -> None:
        self._packed = packed
        self.fetches = fetches

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> list[SourceSpec]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[SourceSpec]]: ...

    def __getitem__(self, index: int | slice) -> list[SourceSpec] | list[list[SourceSpec]]:
        if isinstance(index, slice):
            return [_unpack(packed) for packed in self._packed[index]]
        return _unpack(self._packed[index])


_SPEC_FIELDS = tuple(spec_field.name for spec_field in fields(SourceSpec))


def _pack(specs: Sequence[SourceSpec]) -> bytes:
    rows = [tuple(getattr(spec, name) for name in _SPEC_FIELDS) for spec in specs]
    return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes) -> list[SourceSpec]:
    return [SourceSpec(*row) for row in pickle.loads(zlib.decompress(packed))]


@dataclass(frozen=True, slots=True)
class Ingested:
    """One source after ingest: where its bytes are, not the bytes or text themselves, so that
    batches stay small between tasks (the text is decoded again from the raw zone if needed)."""

    spec: SourceSpec
    result: IngestResult
    seen_at: str | None


@dataclass(slots=True)
class IngestBatch:
    """The sources of one batch after ingest, and the time it took."""

    items: list[Ingested]
    seconds: float

    @property
    def n_new(self) -> int:
        """Sources whose bytes were read or fetched (not unchanged, not failed): to extract."""
        return sum(has_new_content(item.result) for item in self.items)

    def describe(self) -> str:
        """One log line for the batch (never one per source)."""
        unchanged = sum(item.result.unchanged for item in self.items)
        failed = sum(item.result.status == "error" for item in self.items)
        return (
            f"{len(self.items)} sources: {self.n_new} read or fetched, "
            f"{unchanged} unchanged files not read again, {failed} failed "
            f"({self.seconds:.2f} s)"
        )


def has_new_content(ingested: IngestResult) -> bool:
    """Whether a source's bytes were read or fetched now (not unchanged, not failed)."""
    return not ingested.unchanged and ingested.status != "error"


def ingest_batch(
    specs: Sequence[SourceSpec],
    *,
    settings: Settings,
    fingerprint: str,
    on_new: Callable[[], None] | None = None,
) -> IngestBatch:
    """Read or fetch each source into the raw zone, decoding it once to check that it is text.
    A local file unchanged since its last read whose extraction (under `fingerprint`) is
    cached is not read again. `on_new` is called once, as soon as a source has new content
    to extract (the flow starts its worker processes then, not after the whole batch)."""
    raw = RawZone(settings.raw_dir)
    http = settings.fetch
    cache = ExtractionCache(settings.cache_dir, fingerprint, reuse=settings.extract.cache)
    items: list[Ingested] = []
    started = time.perf_counter()
    # Each folder of local files resolved and checked once per batch. The bundled example
    # sources may be read from any manifest (a data directory's own lists them by full path).
    paths = LocalPaths(
        allowed_roots=[settings.manifest.parent, default_manifest().parent],
        allow_outside=settings.run.allow_outside_paths,
    )
    # One session per batch (objects' directories fsynced once); robots.txt and Crawl-delay are
    # kept per origin for the whole run.
    with make_session(http, hosts=run_hosts(http)) as session, raw.batch():
        for spec in specs:
            ingested = ingest_source(
                spec,
                manifest_dir=settings.manifest.parent,
                raw=raw,
                settings=http,
                session=session,
                reusable=cache.has,
                local_paths=paths,
            )
            seen_at = _content_seen_at(
                spec, ingested, raw=raw, manifest_dir=settings.manifest.parent
            )
            items.append(_held(spec, ingested, seen_at))
            if on_new is not None and has_new_content(ingested):
                on_new()
                on_new = None
    return IngestBatch(items, time.perf_counter() - started)


def _held(spec: SourceSpec, ingested: IngestResult, seen_at: str | None) -> Ingested:
    """What the flow keeps of an ingested source until its batch is extracted (a batch with
    nothing new: until the run decides whether to go on): no text,
    and one copy of each repeated string (times to the second, media types, statuses), which
    would otherwise be ~250 of its ~600 bytes a source (100,000 sources: ~25 MB)."""
    held = replace(
        ingested,
        text=None,
        status=sys.intern(ingested.status),
        media_type=_interned(ingested.media_type),
        charset=_interned(ingested.charset),
        fetched_at=sys.intern(ingested.fetched_at),
    )
    return Ingested(spec, held, _interned(seen_at))


def _interned(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


def build_batch(batch: IngestBatch, *, settings: Settings, fingerprint: str) -> BatchResult:
    """Parse and extract each ingested source unless its bytes were extracted before: the
    batch's rows, in memory (one batch at a time; `extract_batch` writes them as shards)."""
    result = BatchResult()
    result.add_seconds("ingest", batch.seconds)
    raw = RawZone(settings.raw_dir)
    cache = ExtractionCache(settings.cache_dir, fingerprint, reuse=settings.extract.cache)
    versions = extractor_versions()
    for item in batch.items:
        spec, ingested, seen_at = item.spec, item.result, item.seen_at
        if ingested.status == "error" or ingested.content_sha256 is None:
            result.sources.append(_source_row(spec, ingested, n_chars=None, seen_at=seen_at))
            result.rejections.append(
                _rejection(spec.source_id, "ingest", ingested.error or "no content", spec.uri)
            )
            continue
        _extract_source(
            spec,
            ingested,
            seen_at=seen_at,
            raw=raw,
            cache=cache,
            versions=versions,
            result=result,
        )
    return result


def process_batch(
    specs: Sequence[SourceSpec], *, settings: Settings, fingerprint: str
) -> BatchResult:
    """Ingest then extract one batch: both stages in one call, for scripts and tests."""
    return build_batch(
        ingest_batch(specs, settings=settings, fingerprint=fingerprint),
        settings=settings,
        fingerprint=fingerprint,
    )


def extract_batch(
    batch: IngestBatch, *, settings: Settings, fingerprint: str, index: int
) -> BatchSummary:
    """The work of one batch task: build its rows, validate them and write them as shards
    into the run's staging area. Only the small summary travels back to the flow."""
    result = build_batch(batch, settings=settings, fingerprint=fingerprint)
    return write_batch(result, folder=staging_dir(settings.data_dir), index=index)


def _extract_source(
    spec: SourceSpec,
    ingested: IngestResult,
    *,
    seen_at: str | None,
    raw: RawZone,
    cache: ExtractionCache,
    versions: dict[str, str],
    result: BatchResult,
) -> None:
    """Parse and extract one stored source (or reuse the cached extraction of its bytes)."""
    assert ingested.content_sha256 is not None
    inputs = {"media_type": ingested.media_type, "charset": ingested.charset, "title": spec.title}
    extraction = cache.get(ingested.content_sha256, inputs)
    if extraction is not None:
        result.n_cached += 1
    else:
        started = time.perf_counter()
        try:
            decoded = decode_bytes(
                raw.get(ingested.content_sha256),
                declared_charset=ingested.charset,
                media_type=ingested.media_type or "text/plain",
            )
            doc, tree = build_document_tree(
                source_id=spec.source_id,
                text=decoded.text,
                media_type=ingested.media_type or "text/plain",
                title=spec.title,
            )
        except Exception as exc:  # a parser bug on one source must not stop the run
            result.sources.append(
                _source_row(spec, ingested, n_chars=None, error=str(exc), seen_at=seen_at)
            )
            result.rejections.append(_rejection(spec.source_id, "parse", repr(exc), spec.uri))
            return
        metadata = read_page_metadata(decoded.text, ingested.media_type or "", tree=tree)
        del tree  # the page's tree: not held while its document is extracted
        result.add_seconds("parse", time.perf_counter() - started)
        started = time.perf_counter()
        found, failed = extract_claims(doc)
        figures = audit_figures(doc, found, extract_skips(doc))
        extraction = CachedExtraction(
            text=doc.text,
            claims=[_claim_payload(doc, claim, versions) for claim in found],
            failures=[f"{failure.extractor}: {failure.message}" for failure in failed],
            figures=[_figure_payload(figure) for figure in figures],
            metadata=metadata.to_dict(),
            inputs=inputs,
        )
        result.add_seconds("extract", time.perf_counter() - started)
        cache.put(ingested.content_sha256, extraction)
        result.n_extracted += 1
    text = extraction.text
    page = extraction.metadata
    if not text.strip():
        reason = "the document has no text after parsing (empty or only markup/boilerplate)"
        result.sources.append(
            _source_row(spec, ingested, n_chars=0, error=reason, seen_at=seen_at, page=page)
        )
        result.rejections.append(_rejection(spec.source_id, "parse", reason, spec.uri))
        return
    source = _source_row(spec, ingested, n_chars=len(text), seen_at=seen_at, page=page)
    result.sources.append(source)
    result.documents.append(
        {"source_id": spec.source_id, "content_sha256": ingested.content_sha256, "text": text}
    )
    for message in extraction.failures:
        result.rejections.append(_rejection(spec.source_id, "extract", message, spec.uri))
    claim_ids: dict[int, str] = {}
    rows = []
    for index, payload in enumerate(extraction.claims):
        row, problem = _claim_row(spec.source_id, text, payload, as_of=source["published"])
        if problem:
            result.rejections.append(_rejection(spec.source_id, "extract", problem, payload))
        else:
            claim_ids[index] = row["claim_id"]
            rows.append(row)
    rows, repeats = split_repeated_ids(rows)
    for message, row in repeats:
        result.rejections.append(_rejection(spec.source_id, "extract", message, row))
    result.claims.extend(rows)
    result.figures.extend(
        _figure_row(spec.source_id, text, figure, claim_ids) for figure in extraction.figures
    )


def _claim_payload(doc: Document, claim: Claim, versions: dict[str, str]) -> dict[str, Any]:
    """A claim as cacheable plain data, independent of which source id holds these bytes."""
    return {
        "kind": claim.kind,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "value_high": claim.value_high,
        "unit": claim.unit,
        "text": claim.text,
        "year": claim.year,
        "qualifiers": json.dumps(claim.qualifiers, sort_keys=True, ensure_ascii=False, default=str),
        "attributed_to": claim.attributed_to,
        "context": claim.context,
        "figure_start": claim.figure_start,
        "figure_end": claim.figure_end,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "extractor": claim.extractor,
        "extractor_version": versions.get(claim.extractor, "unknown"),
    }


def _figure_payload(figure: Figure) -> dict[str, Any]:
    """A figure as cacheable plain data; `claims` indexes the content's claim payloads."""
    return {
        "start": figure.start,
        "end": figure.end,
        "value": figure.value,
        "value_high": figure.value_high,
        "unit": figure.unit,
        "figure_type": figure.figure_type,
        "claims": list(figure.claims),
        "reason": figure.reason,
    }


def _figure_row(
    source_id: str, text: str, payload: dict[str, Any], claim_ids: dict[int, str]
) -> dict[str, Any]:
    """One row of `figures`: the figure as written, its reading, and the claims stating it."""
    ids = sorted({claim_ids[i] for i in payload["claims"] if i in claim_ids})
    start, end = payload["start"], payload["end"]
    return {
        "figure_id": "f_" + stable_id(source_id, str(start), str(end)),
        "source_id": source_id,
        "char_start": start,
        "char_end": end,
        "text": text[start:end],
        "figure_type": payload["figure_type"],
        "value": payload["value"],
        "value_high": payload["value_high"],
        "unit": payload["unit"],
        "status": "claimed" if ids else "skipped",
        "reason": None if ids else _skip_reason(payload),
        "claim_ids": json.dumps(ids),
    }


def _skip_reason(payload: dict[str, Any]) -> str:
    """Why a figure has no claim: its claims were rejected, else the audit's reason."""
    return "rejected" if payload["claims"] else payload["reason"] or "unread"


def _claim_row(
    source_id: str, text: str, payload: dict[str, Any], *, as_of: str | None = None
) -> tuple[dict[str, Any], str | None]:
    """Attach the source, the quote and a stable id; refuse a claim without a checkable quote.

    A claim that states no year is dated by its page (`as_of`, the publication date), so a
    figure is never undated when its page says when it was written."""
    start, end = payload["char_start"], payload["char_end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return {}, f"claim offsets [{start}, {end}) are outside the document ({len(text)} chars)"
    quote = text[start:end]
    if not quote.strip():
        return {}, f"claim offsets [{start}, {end}) delimit only whitespace"
    row = {"source_id": source_id, **payload, "quote": quote}
    row["as_of"] = as_of if payload.get("year") is None else None
    row["claim_id"] = claim_id(row)
    for position in _FIGURE_FIELDS:
        row.pop(position, None)
    return row, None


# Where the figure sits inside the quote: part of the id, not a published column.
_FIGURE_FIELDS = ("figure_start", "figure_end")
_ID_FIELDS = (
    "source_id",
    "kind",
    "subject",
    "attribute",
    "value",
    "value_high",
    "unit",
    "text",
    "year",
    "qualifiers",
    "attributed_to",
    "context",
    "char_start",
    "char_end",
    *_FIGURE_FIELDS,
    "extractor",
)


def claim_id(row: dict[str, Any]) -> str:
    """A claim's id: a hash of what it says and where (its quote and, inside the quote, the
    figure it reads), so the same claim keeps its id and two figures never share one.
    """
    parts = []
    for name in _ID_FIELDS:
        value = row.get(name)
        if isinstance(value, float) and math.isfinite(value):
            value = repr(value)
        parts.append("" if value is None else str(value))
    return "c_" + stable_id(*parts)


def split_repeated_ids(
    rows: Sequence[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """The claims of a document with each id once, and every repeat with why it is a bug.

    Ids hash everything a claim says and where its figure is, so a repeat means an extractor
    emitted one claim twice or `claim_id` misses a field: recorded loudly as an extractor bug
    (a rejection naming the extractor), never rejected later as a quiet schema "duplicate",
    and never a reason to stop the run for the other sources.
    """
    seen: dict[str, dict[str, Any]] = {}
    unique: list[dict[str, Any]] = []
    repeats: list[tuple[str, dict[str, Any]]] = []
    for row in rows:
        if row["claim_id"] in seen:
            repeats.append(
                (
                    f"extractor bug: claim id {row['claim_id']} repeats in {row['source_id']}: "
                    f"{row['extractor']} {row['kind']} at [{row['char_start']}, "
                    f"{row['char_end']}) quoting {row['quote'][:80]!r}",
                    row,
                )
            )
        else:
            seen[row["claim_id"]] = row
            unique.append(row)
    return unique, repeats


def _source_row(
    spec: SourceSpec,
    ingested: IngestResult,
    *,
    n_chars: int | None,
    error: str | None = None,
    seen_at: str | None = None,
    page: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The source's row; the manifest's title, publisher and date win over the page's own. A
    source whose fetch failed read no page: its origin is only what the manifest states (a
    source carried from its last good publish keeps that publish's for the rest)."""
    ok = ingested.status != "error" and error is None
    page = page or {}
    return {
        "source_id": spec.source_id,
        "uri": spec.uri,
        **(_origin(spec, page, seen_at) if ok else _stated_origin(spec)),
        "content_sha256": ingested.content_sha256,
        "media_type": ingested.media_type,
        "charset": ingested.charset,
        "fetched_at": seen_at,
        "n_chars": n_chars,
        "n_bytes": ingested.n_bytes,
        "status": ingested.status if ok else "error",
        "error": error or ingested.error,
        "last_confirmed_at": None,
        "stale": False,
    }


def _origin(spec: SourceSpec, page: dict[str, Any], seen_at: str | None) -> dict[str, Any]:
    """Who published a source, when, where a reader finds it and how to cite it: the
    manifest's values first, then what the page states about itself."""
    published = spec.published.isoformat() if spec.published else page.get("published")
    accessed = spec.accessed.isoformat() if spec.accessed else (seen_at or "")[:10] or None
    download_url = spec.uri if spec.is_url else None
    origin = {
        "title": spec.title or page.get("title"),
        "publisher": spec.publisher or page.get("publisher"),
        "published": published,
        "license": spec.license,
        "page_url": spec.page_url or page.get("canonical_url") or download_url,
        "download_url": download_url,
        "accessed": accessed,
    }
    origin["citation"] = spec.citation or compose_citation(origin)
    return origin


def _stated_origin(spec: SourceSpec) -> dict[str, Any]:
    """The origin columns as the manifest states them, nothing read or composed."""
    return {
        "title": spec.title,
        "publisher": spec.publisher,
        "published": spec.published.isoformat() if spec.published else None,
        "license": spec.license,
        "page_url": spec.page_url,
        "download_url": spec.uri if spec.is_url else None,
        "accessed": spec.accessed.isoformat() if spec.accessed else None,
        "citation": spec.citation,
    }


def compose_citation(origin: dict[str, Any]) -> str | None:
    """A citation in the usual order: publisher (year). title. URL. Accessed date.

    >>> compose_citation({"publisher": "Example Wire", "published": "2024-05-02",
    ...     "title": "Pay guide", "page_url": "https://example.org/pay", "accessed": "2025-01-03"})
    'Example Wire (2024). Pay guide. https://example.org/pay. Accessed 2025-01-03.'
    """
    if not (origin.get("title") or origin.get("page_url")):
        return None
    parts = []
    if origin.get("publisher"):
        year = f" ({origin['published'][:4]})" if origin.get("published") else ""
        parts.append(f"{origin['publisher']}{year}.")
    for key in ("title", "page_url"):
        if origin.get(key):
            parts.append(f"{origin[key].rstrip('.')}.")
    if origin.get("accessed"):
        parts.append(f"Accessed {origin['accessed']}.")
    return " ".join(parts)


def _content_seen_at(
    spec: SourceSpec, ingested: IngestResult, *, raw: RawZone, manifest_dir: Path
) -> str | None:
    """When these exact bytes were first seen: a local file's modification time, or when the
    raw zone first stored a fetched page. Unlike the time of each fetch (kept in `fetches`),
    it stays the same while the content does, so unchanged inputs publish identical tables."""
    try:
        if spec.is_url:
            if ingested.content_sha256 is None:
                return None
            path = raw.path_for(ingested.content_sha256)
        else:
            path = manifest_dir / spec.uri
        stamp = path.stat().st_mtime
    except (OSError, ValueError):
        return None
    return datetime.fromtimestamp(int(stamp), UTC).isoformat()


def _rejection(source_id: str | None, stage: str, reason: str, record: Any) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "stage": stage,
        "reason": reason,
        "record": json.dumps(record, sort_keys=True, ensure_ascii=False, default=str),
    }


class RunInputs:
    """What the run's id and its no-change check need of every ingested source, collected
    batch by batch: one short row per source (~120 bytes, where its `Ingested` holds ~800),
    so the flow lets go of each batch once it is extracted."""

    def __init__(self) -> None:
        self._rows: list[bytes] = []
        self.n_failed = 0

    def add(self, batch: IngestBatch) -> None:
        """Count a batch's sources in (each source once, in any order of batches)."""
        for item in batch.items:
            result = item.result
            row = (
                item.spec.source_id,
                result.content_sha256 or "",
                result.status,
                spec_key(item.spec),
            )
            self._rows.append("\x1f".join(row).encode())
            self.n_failed += result.status == "error"

    def run_id(self, fingerprint: str) -> str:
        """A run's id from its inputs: the same sources (as the manifest describes them), bytes
        and `results_fingerprint` give the same id.

        Because the id is a function of the inputs, re-running on unchanged inputs publishes
        byte-identical tables; each execution is still its own row in `runs` (by
        flow_run_id). The rows sort as their fields would (no source id, hash or status
        holds a character below the separator), whatever order the batches came in.
        """
        digest = hashlib.sha256(fingerprint.encode())
        for row in sorted(self._rows):
            digest.update(row)
        return "r_" + digest.hexdigest()[:16]


def spec_key(spec: SourceSpec) -> str:
    """A short hash of everything the manifest says of a source (its title reaches the claims,
    its publisher and dates the `sources` table): an edit to any of them is a new input."""
    fields_text = "\x1f".join(repr(getattr(spec, f.name)) for f in fields(spec))
    return hashlib.blake2b(fields_text.encode(), digest_size=8).hexdigest()


def results_fingerprint(settings: Settings) -> str:
    """What a run's tables depend on besides its sources: the code and data of the whole
    package (every stage, not only extraction; the schema version is in it) and the settings
    that change results (reconcile's tolerances). Part of the run id, so a new release or a
    changed tolerance is never answered with the last snapshot republished."""
    digest = hashlib.sha256(package_digest().encode())
    digest.update(json.dumps(asdict(settings.reconcile), sort_keys=True).encode())
    return digest.hexdigest()[:16]


def unchanged_since_last_publish(run_id: str, inputs: RunInputs, settings: Settings) -> bool:
    """Whether the published snapshot already holds exactly what this run would produce:
    the same inputs (run id) and no failed source, whose stale claims would need carrying."""
    if inputs.n_failed:
        return False
    last = publishing_run(settings)
    return last is not None and last["run_id"] == run_id


def publishing_run(settings: Settings) -> pd.Series | None:
    """The `runs` row of the run that published the current snapshot (rows are sorted by
    start time to the second, so the last row need not be the latest run)."""
    runs = published_table("runs", settings)
    current = current_snapshot(settings.curated_dir)
    if runs is None or runs.empty or current is None:
        return None
    rows = runs[(runs["status"] != "failed") & (runs["snapshot_id"] == current)]
    return None if rows.empty else rows.iloc[-1]


_FETCH_COLUMNS = {
    "source_id": "source_id",
    "uri": "uri",
    "time": "attempted_at",
    "status": "status",
    "http_status": "http_status",
    "bytes": "n_bytes",
    "sha256": "content_sha256",
    "error": "error",
    "elapsed_ms": "elapsed_ms",
}


# Fetch records read and validated at a time: the log holds every attempt of every run, and
# 100,000 of them as Python dicts validated in one frame took ~350 MB.
FETCH_CHUNK_ROWS = 10_000


def fetches_table(raw: RawZone, *, run_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every fetch attempt the raw zone recorded, oldest first: the `fetches` table, validated
    `FETCH_CHUNK_ROWS` records at a time (each row is checked on its own: none is unique),
    and the rows it rejected."""
    parts = [
        validate_table("fetches", _fetch_frame(chunk), run_id=run_id)
        for chunk in chunks(raw.fetch_log(), FETCH_CHUNK_ROWS)
    ]
    parts = parts or [validate_table("fetches", _fetch_frame([]), run_id=run_id)]
    return (
        pd.concat([good for good, _ in parts], ignore_index=True),
        concat_rejections([bad for _, bad in parts]),
    )


def fetch_shards(raw: RawZone, *, run_id: str, folder: Path) -> tuple[list[Path], pd.DataFrame]:
    """`fetches_table` written into `folder` as shards of `FETCH_CHUNK_ROWS` records in the
    order logged (at least one, maybe empty) instead of held whole (a run compacts them like
    the other tables); returns their files and the rows it rejected."""
    files: list[Path] = []
    rejected = []

    def write(records: list[dict[str, Any]]) -> None:
        good, bad = validate_table("fetches", _fetch_frame(records), run_id=run_id)
        rejected.append(bad)
        files.append(shard_path(folder, "fetches", len(files)))
        write_shard(files[-1], "fetches", good)

    for chunk in chunks(raw.fetch_log(), FETCH_CHUNK_ROWS):
        write(chunk)
    if not files:
        write([])
    return files, concat_rejections(rejected)


def _fetch_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=list(_FETCH_COLUMNS)).rename(columns=_FETCH_COLUMNS)


def published_table(name: str, settings: Settings) -> pd.DataFrame | None:
    """The currently published table, or None before the first publish and when a release of
    another schema major version published it (this run publishes it anew)."""
    from mlefacts.publish.catalog import load  # DuckDB: not imported by the batch workers

    try:
        return load(name, settings.data_dir)
    except (FileNotFoundError, LookupError, IncompatibleSchemaError):
        return None

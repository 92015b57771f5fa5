"""The extraction cache: a source whose bytes were already extracted is not extracted again.

Entries are keyed by the content sha256 of the source bytes and the extraction fingerprint
(code and vocabularies), so a new extractor version re-extracts everything on its next run.
What else extraction read (the media type and charset the bytes were decoded as, the title the
manifest gives) is kept in the entry: an entry made from other such inputs is a miss.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from mlefacts.atomic import write_atomic


@dataclass(frozen=True, slots=True)
class CachedExtraction:
    """What extracting one content produced, as plain JSON-ready data."""

    text: str
    claims: list[dict[str, Any]]
    failures: list[str]
    figures: list[dict[str, Any]]
    metadata: dict[str, Any]
    inputs: dict[str, str | None]


class ExtractionCache:
    """JSON files under `<root>/<fingerprint>/<sha[:2]>/<sha>.json`, written atomically."""

    def __init__(self, root: Path, fingerprint: str, *, reuse: bool = True) -> None:
        self.folder = root / fingerprint
        self.reuse = reuse

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.json"

    def has(self, sha256: str) -> bool:
        """Whether these bytes have an entry to reuse (a `stat`, not a read)."""
        return self.reuse and self._path(sha256).is_file()

    def get(self, sha256: str, inputs: dict[str, str | None]) -> CachedExtraction | None:
        """The cached extraction of these bytes read with these `inputs`, or None on a miss (or
        an unreadable entry, or a cache told not to `reuse` what it holds: it is then only
        written)."""
        if not self.reuse:
            return None
        try:
            entry = json.loads(self._path(sha256).read_text(encoding="utf-8"))
            extraction = CachedExtraction(**entry)
        except (OSError, ValueError, TypeError):
            return None
        return extraction if extraction.inputs == inputs else None

    def prune(self) -> None:
        """Remove the entries of every other extraction fingerprint: made by other code, they
        are never read by this one, and each release would otherwise leave a full copy."""
        for folder in self.folder.parent.glob("*"):
            if folder.is_dir() and folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)

    def put(self, sha256: str, extraction: CachedExtraction) -> None:
        """Store one extraction; a crash mid-write leaves no partial entry behind."""
        path = self._path(sha256)
        # The fields as they are: `asdict` would deep-copy every claim first (~0.8 ms a page).
        entry = {field.name: getattr(extraction, field.name) for field in fields(extraction)}
        payload = json.dumps(entry, ensure_ascii=False)
        write_atomic(path, payload.encode("utf-8"), durable=False)

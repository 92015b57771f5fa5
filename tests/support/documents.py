"""Bundled articles and fixture pages parsed into Documents, for the document and extract tests."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.document.model import Document
from mlefacts.extract import extract_claims
from mlefacts.extract.claim import Claim
from support.paths import BUNDLED, FIXTURES

STRUCTURE = FIXTURES / "structure"
FRAMES = FIXTURES / "frames"
_MEDIA = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def bundled(number: int) -> Document:
    """The bundled article whose file name starts with the 3-digit `number`."""
    path = next(BUNDLED.glob(f"{number:03d}_*.txt"))
    return build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")


def _parsed(path: Path) -> Document:
    """A fixture page, parsed by its extension's media type."""
    return build_document(
        source_id=path.stem, text=path.read_text(), media_type=_MEDIA[path.suffix]
    )


def fixture(name: str) -> Document:
    """A structure fixture (fixtures/structure/)."""
    return _parsed(STRUCTURE / name)


def frame_fixture(name: str) -> Document:
    """A frame fixture (fixtures/frames/: tables, cards, labelled lists)."""
    return _parsed(FRAMES / name)


def document(text: str, media_type: str = "text/plain") -> Document:
    return build_document(source_id="snippet", text=text, media_type=media_type)


def numeric_claims(doc: Document) -> list[Claim]:
    """Every claim with a value that all extractors read from the document."""
    claims, failures = extract_claims(doc)
    assert failures == []
    return [claim for claim in claims if claim.value is not None]


def quote(doc: Document, claim: Claim) -> str:
    return doc.text[claim.char_start : claim.char_end]


def salary_qualifiers(doc: Document, *keys: str) -> dict[float | None, tuple[object, ...]]:
    """Each salary's value -> the values of the given qualifiers (None where not set)."""
    return {
        c.value: tuple(c.qualifiers.get(key) for key in keys)
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }

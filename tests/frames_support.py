"""Loading the frame fixtures (tables, cards, labelled lists written for these tests)."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document import Document, build_document
from mlefacts.extract import extract_claims
from mlefacts.extract.claim import Claim

FRAMES = Path(__file__).resolve().parent / "fixtures" / "frames"
_MEDIA = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def frame_fixture(name: str) -> Document:
    path = FRAMES / name
    return build_document(
        source_id=path.stem, text=path.read_text(), media_type=_MEDIA[path.suffix]
    )


def numeric_claims(doc: Document) -> list[Claim]:
    """Every claim with a value that all extractors read from the document."""
    claims, failures = extract_claims(doc)
    assert failures == []
    return [claim for claim in claims if claim.value is not None]


def quote(doc: Document, claim: Claim) -> str:
    return doc.text[claim.char_start : claim.char_end]

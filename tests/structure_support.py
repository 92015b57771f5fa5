"""Loading the bundled articles and the structure fixtures as Documents for the structural tests."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document import Document, build_document
from mlefacts.extract.claim import Claim

REPO = Path(__file__).resolve().parents[1]
STRUCTURE = Path(__file__).resolve().parent / "fixtures" / "structure"
_MEDIA = {".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}


def bundled(number: int) -> Document:
    """The bundled article whose file name starts with the 3-digit `number`."""
    path = next((REPO / "raw" / "bundled").glob(f"{number:03d}_*.txt"))
    return build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")


def fixture(name: str) -> Document:
    """A structure fixture, parsed by its extension's media type."""
    path = STRUCTURE / name
    return build_document(
        source_id=path.stem, text=path.read_text(), media_type=_MEDIA[path.suffix]
    )


def document(text: str, media_type: str = "text/plain") -> Document:
    return build_document(source_id="snippet", text=text, media_type=media_type)


def quote(doc: Document, claim: Claim) -> str:
    return doc.text[claim.char_start : claim.char_end]

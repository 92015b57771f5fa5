"""Attributed quotations: introduced (X, Role at Org said: “...”) and trailing (“...,” says X)."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.extract import quotes
from mlefacts.extract.claim import Claim

FIXTURES = Path(__file__).parent / "fixtures" / "prose"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def _claims(path: Path) -> tuple[str, list[Claim]]:
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")
    return doc.text, quotes.extract(doc)


def test_fixture_quotes_with_speaker_role_and_organization() -> None:
    text, claims = _claims(FIXTURES / "definitions_quotes.txt")
    assert [c.attributed_to for c in claims] == ["Jane Doe", "Andrew Smith"]
    trailing, introduced = claims
    assert trailing.qualifiers == {
        "speaker": "Jane Doe",
        "speaker_role": "Head of AI",
        "organization": "Acme Corp.",
    }
    assert (
        trailing.text == "Machine learning engineers are the bridge between research and production"
    )
    assert introduced.qualifiers["speaker_role"] == "Principal Analyst"
    assert introduced.qualifiers["organization"] == "Gartner"
    for claim in claims:
        assert text[claim.char_start : claim.char_end] == claim.text
        assert claim.kind == "quote" and claim.attribute == "quote"


def test_unattributed_quote_marks_are_not_quotes() -> None:
    doc = build_document(
        source_id="q",
        text='He said it was "fine". The word "pipeline" is common.',
        media_type="text/plain",
    )
    assert quotes.extract(doc) == []


def test_bundled_000_quote_spans_the_next_paragraph_without_opening_mark() -> None:
    text, claims = _claims(next(BUNDLED.glob("000_*.txt")))
    (claim,) = claims
    assert claim.attributed_to == "Brandon Purell"
    assert claim.qualifiers == {
        "speaker": "Brandon Purell",
        "speaker_role": "Senior Analyst",
        "organization": "Forrester Analysis",
    }
    quoted = " ".join(text[claim.char_start : claim.char_end].split())
    assert quoted.startswith("100 per cent of any agency")
    assert quoted.endswith("completely necessary for that.")


def test_bundled_001_and_002_have_no_quotes() -> None:
    assert _claims(next(BUNDLED.glob("001_*.txt")))[1] == []
    assert _claims(next(BUNDLED.glob("002_*.txt")))[1] == []

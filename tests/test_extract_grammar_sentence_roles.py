"""`grammar.sentence_roles` answers for every prose sentence at once what `roles_in` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract.context import prose_sentences
from mlefacts.extract.grammar import roles_in, sentence_roles

_PAGES = sorted(
    path
    for path in (Path(__file__).parent / "fixtures" / "pages").iterdir()
    if path.suffix in (".html", ".md")
)
_MEDIA = {".html": "text/html", ".md": "text/markdown"}


@pytest.mark.parametrize("path", _PAGES[::4], ids=lambda path: path.name)
def test_sentence_roles_match_roles_in(path: Path) -> None:
    doc = build_document(
        source_id=path.stem, text=path.read_text(encoding="utf-8"), media_type=_MEDIA[path.suffix]
    )
    for sentence in prose_sentences(doc):
        expected = roles_in(doc.text, sentence.start, sentence.end)
        assert list(sentence_roles(doc, sentence.start, sentence.end)) == expected


def test_a_span_that_is_no_sentence_is_searched() -> None:
    doc = build_document(source_id="s", text="ML engineers ship models.", media_type="text/plain")
    assert [role for *_, role in sentence_roles(doc, 0, 12)] == ["machine learning engineer"]

"""build_document never raises, and every span it returns indexes real, trimmed text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.document.build import build_document
from mlefacts.document.model import Document

TAGS = [
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "h2",
    "table",
    "tr",
    "td",
    "th",
    "span",
    "b",
    "br",
    "nav",
    "script",
    "pre",
    "blockquote",
    "section",
]
ATTRIBUTES = [
    "",
    ' class="share-bar"',
    ' colspan="3"',
    " hidden",
    ' class="entry-content"',
    ' colspan="x"',
    ' start="-2"',
]
WORDS = st.sampled_from(
    [
        "Pay",
        "rose",
        "5%",
        "$90,000",
        "•",
        "-",
        "1.",
        "a)",
        "|",
        "\t",
        "  ",
        "\n",
        "\n\n",
        "&amp;",
        "{Also}",
        "read:",
        "Rank",
        "Share",
        "18-24",
        "Related Articles",
        " ",
        "\u00a0",
        "\r\n",
        "#",
        "**",
        "---",
        ":",
    ]
)
TEXT = st.lists(WORDS | st.text(max_size=8), max_size=40).map(" ".join)


def _html(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES), st.lists(children, max_size=4)
    ).map(lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>")


HTML = st.recursive(TEXT, _html, max_leaves=25)


def assert_spans_valid(doc: Document) -> None:
    size = len(doc.text)
    for block in doc.blocks:
        piece = doc.text[block.start : block.end]
        assert 0 <= block.start < block.end <= size
        assert piece == piece.strip()
        assert block.section is None or doc.blocks[block.section].kind == "heading"
        assert block.parent is None or block.parent < len(doc.blocks)
    for table in doc.tables:
        assert 0 <= table.start < table.end <= size
        piece = doc.text[table.start : table.end]
        assert piece == piece.strip()
        for row in (table.header, *table.rows):
            assert len(row) == len(table.header)
            for cell in row:
                assert table.start <= cell.start <= cell.end <= table.end
                text = doc.text[cell.start : cell.end]
                assert text == text.strip()
        if table.caption:
            caption = doc.text[table.caption.start : table.caption.end]
            assert caption and caption == caption.strip()


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_random_text(text: str) -> None:
    for media_type in ("text/plain", "text/markdown", "text/html"):
        assert_spans_valid(build_document(source_id="p", text=text, media_type=media_type))


@settings(max_examples=300, deadline=None)
@given(HTML)
def test_random_html_trees(page: str) -> None:
    assert_spans_valid(build_document(source_id="p", text=page, media_type="text/html"))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    for media_type in ("text/plain", "text/html"):
        assert_spans_valid(build_document(source_id="p", text=text, media_type=media_type))


@pytest.mark.slow
def test_large_inputs_finish() -> None:
    line = "word " * 400_000
    assert len(build_document(source_id="p", text=line, media_type="text/plain").blocks) == 1
    rows = "City Share of Jobs\n" + "".join(f"City{i} {i % 100}%\n" for i in range(100_000))
    doc = build_document(source_id="p", text=rows, media_type="text/plain")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 100_000
    nested = "<ul><li>x" * 3_000
    assert build_document(source_id="p", text=nested, media_type="text/html").blocks

"""HTML or plain text -> one `Document` with offsets into its text, by the page's media type."""

from __future__ import annotations

from lxml import etree

from mlefacts.document.html import parse_html_tree
from mlefacts.document.model import Document
from mlefacts.document.text import parse_text
from mlefacts.sources.decode import HTML_TYPES  # what decoding sniffs a charset in


def build_document(
    *, source_id: str, text: str, media_type: str, title: str | None = None
) -> Document:
    """Parse `text` by its media type ('text/html', 'application/xhtml+xml' -> HTML; anything
    else, e.g. 'text/plain' or 'text/markdown', -> plain text). Never raises on odd input.

    >>> page = "Pay\\r\\n\\r\\n- $90k median"
    >>> doc = build_document(source_id="a", text=page, media_type="text/plain")
    >>> [(b.kind, doc.span_text(b)) for b in doc.blocks]
    [('heading', 'Pay'), ('list_item', '$90k median')]
    """
    document, _tree = build_document_tree(
        source_id=source_id, text=text, media_type=media_type, title=title
    )
    return document


def build_document_tree(
    *, source_id: str, text: str, media_type: str, title: str | None = None
) -> tuple[Document, etree._Element | None]:
    """`build_document`, and the HTML tree it read the page from (None for a text page, or an
    HTML page read without one: see `html.parse_html_tree`), so that reading the page's
    metadata (`metadata.read_page_metadata`) needs no second parse."""
    kind = media_type.split(";", 1)[0].strip().lower()
    if kind in HTML_TYPES:
        return parse_html_tree(source_id=source_id, text=text, media_type=media_type, title=title)
    return parse_text(source_id=source_id, text=text, media_type=media_type, title=title), None

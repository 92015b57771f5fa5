"""The document stage: HTML or plain text -> one `Document` with offsets into its text."""

from __future__ import annotations

from mlefacts.document.html import parse_html
from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.document.text import parse_text

__all__ = ["Block", "Document", "Span", "Table", "build_document", "HTML_TYPES", "TEXT_TYPES"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})


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
    kind = media_type.split(";", 1)[0].strip().lower()
    parse = parse_html if kind in HTML_TYPES else parse_text
    return parse(source_id=source_id, text=text, media_type=media_type, title=title)

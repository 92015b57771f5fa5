"""The document model: one normalized text and the blocks and tables that index into it.

Every extractor reads a `Document` and nothing else, so HTML and plain text are handled alike.
All offsets are Python string indices into `Document.text`: `text[span.start:span.end]`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from mlefacts.frozen import quick_init

BlockKind = Literal["heading", "paragraph", "list_item"]


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` in `Document.text`."""

    start: int
    end: int


@quick_init
@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item.

    `level` is the heading level (1 = top) for headings and the nesting depth (0 = top) for list
    items. `marker` is the list marker as written ('•', '-', '*', '1.', '2)') or '' for other
    blocks. `section` is the index in `Document.blocks` of the nearest heading above this block, or
    None. `parent` is the index of the enclosing list item for nested items (or the paragraph that
    introduces a list, when the list has a lead-in line), else None. `boilerplate` marks site
    chrome (menus, 'Related Articles', 'Also read: ...') that extractors must skip.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    marker: str = ""
    section: int | None = None
    parent: int | None = None
    boilerplate: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Table:
    """A table, from HTML `<table>` or from text rows under a header line.

    `header` holds one span per column; `rows` one tuple of spans per body row, each with
    exactly `len(header)` cells. `caption` is the table's title (an HTML caption, or the heading
    or numbered title line just above a text table), or None. `section` is as for Block.
    """

    start: int
    end: int
    header: tuple[Span, ...]
    rows: tuple[tuple[Span, ...], ...]
    caption: Span | None = None
    section: int | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """A stat or salary card: a label line and the short lines that state its figure.

    `label` is the line that names what the figure is ('Entry Level', 'Market Size 2025');
    `lines` are the figure and unit lines ('£34,000–£48,000', 'per year, gross'). The card's span
    `[start, end)` covers them all, so it is one contiguous quote. `section` is as for Block.
    """

    start: int
    end: int
    label: Span
    lines: tuple[Span, ...]
    section: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A source's normalized text with its structure. Blocks, tables and cards are in text order."""

    source_id: str
    text: str
    media_type: str
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = field(default=())
    title: str | None = None
    cards: tuple[Card, ...] = ()

    def __hash__(self) -> int:
        # Extractors cache their readings per document: hashing every block and table on each
        # lookup cost more than some readings. Equal documents have equal texts and ids.
        return hash((self.source_id, self.text))

    def span_text(self, span: Span | Block | Table) -> str:
        """The exact characters a span covers."""
        return self.text[span.start : span.end]

    def block_at(self, at: int) -> int:
        """The index of the block that starts last at or before offset `at` (-1 before the
        first): a bisection, for the extractors that ask it of every figure. The block may
        end before `at` (a table or card lies between blocks)."""
        return bisect_right(_block_starts(self), at) - 1


@lru_cache(maxsize=8)
def _block_starts(doc: Document) -> list[int]:
    return [block.start for block in doc.blocks]

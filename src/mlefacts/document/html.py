"""HTML -> `Document`, in one iterative walk over an lxml tree.

Site chrome (scripts, navigation, share bars, cookie banners, comments...) is dropped while
walking, by tag, ARIA role and class/id words from `data/boilerplate.toml`; the ancestors of
the main content (`<main>`, `<article>`, the first `<h1>`) are never dropped. Every block element
becomes one chunk of the normalized text, chunks separated by a blank line, whitespace inside a
chunk collapsed to single spaces (a `<br>` is a newline). A list item's chunk starts with its
indented marker ('  • ', '2. '), which the item's span leaves out. Data tables become `Table`s,
rendered row by row ('a | b' cells, one row per line). Pages the tree walk cannot handle
(nesting deep enough to exhaust recursion, text lxml cannot encode) fall back to a tag-stripping
pass and the text parser.

The tree is lxml's own (libxml2's HTML parser, fed the page as BeautifulSoup(page, "lxml") feeds
it), walked directly: building a BeautifulSoup tree on top cost several times the parse and added
nothing. Text inside `<script>`, `<style>`, `<template>`, `<rt>` and `<rp>` is never text of the
page, whatever encloses it.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from lxml import etree

from mlefacts.document.boilerplate import (
    HEADING_SCOPE,
    collapse_spaces,
    is_chip_class,
    is_chrome_class,
    is_chrome_id,
    is_comment_class,
    is_posting_class,
    normalize_for_matching,
    rules,
    states_sum,
)
from mlefacts.document.cards import card_shaped, split_cards, titled_grid
from mlefacts.document.model import Document, Span, Table
from mlefacts.document.structure import (
    DraftBlock,
    finish_blocks,
    heading_line,
    heading_span,
    typed_lists,
)
from mlefacts.document.text import parse_text
from mlefacts.normalize.money import currency_markers
from mlefacts.normalize.numbers import GROUP_SPACE

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "blockquote", "body", "caption", "center", "dd", "details"),
        *("dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary"),
        *("table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
_KEEP_IN_ARTICLE = frozenset({"header"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAX_COLSPAN = 50
_MAX_ROWSPAN = 50
_CELL_SEPARATOR = " | "
_BREAK = None
_CARD_TAGS = frozenset({"div", "dl", "section", "aside", "figure"})
_CARD_BREAKERS = frozenset({"table", "ul", "ol", "h1", "h2", "article", "main", "form", "nav"})
_CARD_MAX_NODES = 80
_CARD_MAX_LINES = 12
_CARD_MAX_CHARS = 400
# Elements whose strings are code, templates or ruby annotations, never the page's text.
_NOT_TEXT = frozenset({"script", "style", "template", "rt", "rp"})
# Inline elements a page lays out as chips or tags ('<span>Python</span><span>PyTorch</span>'):
# two sibling elements of these tags with nothing between them are two words, not one.
_CHIP_TAGS = frozenset({"span", "a", "code", "kbd", "b", "strong", "em", "i", "small", "mark"})
# What a stack entry of a walk asks for: open an element, close it, or take a string.
_OPEN, _CLOSE, _STRING = 0, 1, 2

Element = etree._Element
_Entry = tuple[object, int]


def _push_children(stack: list[_Entry], element: Element) -> None:
    """Push `element`'s text, children and their tails so they pop in document order.

    Comments and processing instructions are pushed too: they hold no text, but their tails do.
    """
    # each read of .text or .tail decodes the string anew: read once
    for child in reversed(element):
        tail = child.tail
        if tail:
            stack.append((tail, _STRING))
        stack.append((child, _OPEN))
    text = element.text
    if text and isinstance(element.tag, str):
        stack.append((text, _STRING))


@dataclass(slots=True)
class _Context:
    """What an open element means for the text flushed inside it."""

    kind: str
    level: int = 0
    marker: str = ""
    parent: int | None = None
    block: int | None = None
    ordered: bool = False
    counter: int = 0
    step: int = 1  # -1 in a countdown list ('<ol reversed>')


@dataclass(slots=True)
class _Renderer:
    protected: set[Element]
    parts: list[str] = field(default_factory=list)
    position: int = 0
    buffer: list[str | None] = field(default_factory=list)
    drafts: list[DraftBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    contexts: list[_Context] = field(default_factory=list)
    lists: list[_Context] = field(default_factory=list)
    article_depth: int = 0
    pre_depth: int = 0
    not_text_depth: int = 0
    heading_level: int = 1  # the last heading's, for a bold title under it
    bold_titles: set[Element] = field(default_factory=set)

    def walk(self, root: Element) -> None:
        stack: list[_Entry] = [(root, _OPEN)]
        while stack:
            node, action = stack.pop()
            if action == _STRING:
                if not self.not_text_depth:
                    self._text(node)  # type: ignore[arg-type]
                continue
            element: Element = node  # type: ignore[assignment]
            if action == _CLOSE:
                self._close(element)
            elif not isinstance(element.tag, str):
                continue  # a comment or processing instruction
            elif element.tag == "br":
                self._break()
            elif element.tag == "img":
                if not self._dropped(element):
                    self._chart_alt(element)
            elif element.tag == "sup" and self._footnote_mark(element):
                continue  # 'Employed<sup>1</sup>': a note's number, no figure of the text
            elif (
                not self._dropped(element) and not self._table(element) and not self._card(element)
            ):
                if not self.pre_depth and _chip_after_chip(element):
                    self.buffer.append(" ")
                self._open(element)
                stack.append((element, _CLOSE))
                _push_children(stack, element)
        self._flush()

    def _footnote_mark(self, sup: Element) -> bool:
        """A superscript that only numbers a note ('1', '[2]', '1,3') after a word, a bracket,
        a year or a grouped number ('in 2024<sup>5</sup>', '12,400<sup>2</sup>'), not an
        exponent after a number ('10<sup>6</sup>')."""
        last = next((part for part in reversed(self.buffer) if part is not _BREAK and part), "")
        return (
            len(sup) == 0
            and _NOTE_NUMBER.fullmatch((sup.text or "").strip()) is not None
            and bool(last)
            and (not last[-1].isdigit() or _NOTED_NUMBER.search(last) is not None)
            and not last[-1].isspace()
        )

    def _break(self) -> None:
        """One '<br>' ends a line; a second in a row ends the paragraph, as a blank line does
        (pages laid out with '<br><br>' instead of paragraphs)."""
        last = next((p for p in reversed(self.buffer) if p is _BREAK or p.strip()), "")
        if last is _BREAK:
            self._flush()
        else:
            self.buffer.append(_BREAK)

    def _chart_alt(self, tag: Element) -> None:
        """A chart's alt text that states its figures is a paragraph of the page ('Bar chart of
        languages used: Python 93%, SQL 61%, Bash 39%'): some pages give a chart's numbers
        nowhere else. A photo's alt text ('Team photo, 2024') is none."""
        alt = " ".join(str(tag.get("alt") or "").split())
        if len(alt.split()) >= _MIN_CHART_WORDS and len(_FIGURE.findall(alt)) >= _MIN_CHART_FIGURES:
            self._flush()
            _append_text(self.buffer, alt)
            self._flush()

    def _text(self, value: str) -> None:
        if self.pre_depth:
            for i, line in enumerate(value.split("\n")):
                if i:
                    self.buffer.append(_BREAK)
                self.buffer.append(line)
        elif self.buffer or not value.isspace():
            # whitespace that opens a chunk (the indents between a page's elements, half its
            # strings) is all `_collapse` drops, and glues nothing to what follows: unbuffered
            _append_text(self.buffer, value)

    def _dropped(self, tag: Element) -> bool:
        r = rules()
        name = tag.tag
        if tag in self.protected:
            return False
        if name in r.drop_tags:
            if name == "aside" and _facts_aside(tag):
                return False  # 'Key market statistics' beside the article: the page's figures
            return not (name in _KEEP_IN_ARTICLE and self.article_depth)
        attrs = tag.attrib
        if not attrs:
            return False
        # a tab's panel is hidden until its tab is chosen, but it is the page's content
        # ('Bengaluru | Hyderabad | Pune' tabs, each over its own pay table)
        role = attrs.get("role")
        panel = role == "tabpanel" or _tab_panel_class(attrs.get("class") or "")
        if not panel and ("hidden" in attrs or attrs.get("aria-hidden") == "true"):
            return True
        style = attrs.get("style")
        if not panel and style is not None and _HIDDEN_STYLE.search(style):
            return True
        if role in r.drop_roles:
            return True
        identifier = tag.get("id")
        chrome = any(is_chrome_class(value) for value in (tag.get("class") or "").split()) or (
            identifier is not None and is_chrome_id(identifier)
        )
        return chrome and not (_labelled_chips(tag) or _pay_table(tag))

    def _open(self, tag: Element) -> None:
        name = tag.tag
        if name in _NOT_TEXT:
            self.not_text_depth += 1
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _HEADING_LEVELS:
            self.contexts.append(_Context("heading", level=_HEADING_LEVELS[name]))
            self.heading_level = _HEADING_LEVELS[name]
        elif name in ("p", "div") and not self._in_item() and _title_paragraph(tag):
            # '<p><strong>Europe</strong></p>' over a list: a heading set in bold (inside a list
            # item, it is that item's title)
            self.contexts.append(_Context("heading", level=min(self.heading_level + 1, 6)))
            self.bold_titles.add(tag)
        elif name == "li":
            self.contexts.append(self._item(tag))
        elif name in ("ul", "ol"):
            self.lists.append(_list_context(tag))
        elif name == "pre":
            self.pre_depth += 1
        elif name in ("article", "main"):
            self.article_depth += 1

    def _close(self, tag: Element) -> None:
        name = tag.tag
        if name in _NOT_TEXT:
            self.not_text_depth -= 1
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _HEADING_LEVELS or name == "li" or tag in self.bold_titles:
            self.contexts.pop()
        elif name in ("ul", "ol"):
            self.lists.pop()
        elif name == "pre":
            self.pre_depth -= 1
        elif name in ("article", "main"):
            self.article_depth -= 1

    def _opened_by(self, heading: _Context | None) -> _Context | None:
        """The item whose first chunk `heading` is, if it is one."""
        if heading is None or heading.kind != "heading" or len(self.contexts) < 2:
            return None
        enclosing = self.contexts[-2]
        return enclosing if enclosing.kind == "item" and enclosing.block is None else None

    def _in_item(self) -> bool:
        return any(context.kind == "item" for context in self.contexts)

    def _item(self, tag: Element) -> _Context:
        enclosing = next((c for c in reversed(self.contexts) if c.kind == "item"), None)
        parent = enclosing.block if enclosing else None
        if not self.lists:
            return _Context("item", marker="•", parent=parent)
        current = self.lists[-1]
        current.counter = _int_attribute(tag, "value", current.counter + current.step)
        marker = f"{current.counter}." if current.ordered else "•"
        return _Context("item", level=len(self.lists) - 1, marker=marker, parent=parent)

    def _emit(self, chunk: str, prefix: str = "") -> int:
        """Append a chunk after a blank line; where it starts, after `prefix` (a list marker).
        It ends at `position`."""
        if self.position:
            self.parts.append("\n\n")
            self.position += 2
        self.parts.append(prefix)
        self.position += len(prefix)
        start = self.position
        self.parts.append(chunk)
        self.position += len(chunk)
        return start

    def _flush(self) -> None:
        if not self.buffer:
            return
        chunk = _collapse(self.buffer)
        self.buffer = []
        if not chunk:
            return
        context = self.contexts[-1] if self.contexts else None  # a heading or an item
        opens_item = context is not None and context.kind == "item" and context.block is None
        prefix = f"{'  ' * context.level}{context.marker} " if opens_item and context else ""
        written = (
            _written_marker(chunk, context.marker)
            if opens_item and context and context.marker != "•"
            else 0
        )
        if written and chunk[written:].strip():
            chunk = chunk[written:].lstrip()  # '<li>1. Python</li>': one number
        # A heading that opens an item ('<li><h2>Data engineer</h2><p>Pay: ...'): the item's
        # first chunk, which reads with its marker ('8. Data engineer') unless it writes one.
        item = self._opened_by(context)
        if item is not None and item.marker != "•" and not _written_marker(chunk, item.marker):
            chunk = f"{item.marker} {chunk}"
        start = self._emit(chunk, prefix)
        end = self.position
        index = len(self.drafts)
        if context is None:
            draft = DraftBlock("paragraph", start, end)
        elif context.kind == "heading":
            span = heading_span(chunk, 0, len(chunk))
            draft = DraftBlock("heading", start + span.start, start + span.end, context.level)
            if item is not None:
                item.block = index
        elif context.block is None:
            draft = DraftBlock(
                "list_item", start, end, context.level, context.marker, context.parent
            )
            context.block = index
        else:
            draft = DraftBlock("paragraph", start, end, parent=context.block)
        draft.collapsed = _collapsed(chunk)  # the draft's span is the chunk's, or a part of it
        self.drafts.append(draft)

    def _table(self, tag: Element) -> bool:
        """Render a data table; False for layout tables (nested tables, a single column, one
        cell with text a row)."""
        if tag.tag != "table":
            return False
        rows = _table_rows(tag)
        if rows is None:
            return False
        hidden = bool(self.not_text_depth)
        grid = [
            [
                (
                    _cell_text(c, hidden),
                    _int_attribute(c, "colspan", 1),
                    _int_attribute(c, "rowspan", 1),
                )
                for c in row
            ]
            for row in rows
        ]
        grid = [row for row in grid if any(text for text, _, _ in row)]
        widths = [sum(min(max(span, 1), _MAX_COLSPAN) for _, span, _ in row) for row in grid]
        if not grid or max(widths) < 2:
            return False
        if all(sum(1 for text, _, _ in row if text) < 2 for row in grid):
            return False  # one cell with text a row, beside an indent ('<td class="ind"></td>'
            # before a forum comment's cell): a layout, whose paragraphs are the page's

        self._flush()
        caption_text = _caption_text(tag, hidden)
        if widths[0] == 1 and len(grid) > 1:
            caption_text = caption_text or grid[0][0][0]
            grid = grid[1:]
        if caption_text:
            caption: Span | None = Span(self._emit(caption_text), self.position)
        else:
            caption = self._heading_above()
        self._render_table(grid, caption)
        return True

    def _card(self, tag: Element) -> bool:
        """Render a stat or salary card container (short label, value and unit blocks) as one
        chunk of lines, so the card is one contiguous quote (see `document.cards`)."""
        if self.contexts or not (tag.tag in _CARD_TAGS or self._titled_item(tag)):
            return False
        pieces = self._card_pieces(tag)
        if pieces is None or self._tiles(tag):
            return False
        if tag.tag == "li" and not all(states_sum(piece) for piece in pieces[1:]):
            return False  # a posting's item with its employer's line, a skill over its share
        self._flush()
        level = self._title_level(tag)
        if level and titled_grid(pieces):  # '<h4>Senior</h4>' over its Base, Bonus, Equity cards
            start = self._emit(pieces.pop(0))
            self.drafts.append(DraftBlock("heading", start, self.position, level))
        start = self._emit("\n".join(pieces))
        self.drafts.append(DraftBlock("paragraph", start, self.position))
        return True

    def _tiles(self, tag: Element) -> bool:
        """Whether a container is a row of cards, each an element of its own (four
        '<div class="tile">' of label, value and unit): each is then read as a card of its
        own, where the lines of all of them read as one would run into each other."""
        children = [child for child in tag if isinstance(child.tag, str)]
        return (
            len(children) >= 2
            and not (tag.text or "").strip()
            and all(
                child.tag in _CARD_TAGS
                and not (child.tail or "").strip()
                and self._card_pieces(child) is not None
                for child in children
            )
        )

    def _titled_item(self, tag: Element) -> bool:
        """Whether an item of an unordered list opens with a heading, as a card of pay does
        ('<li><h3>Dubai</h3><p>AED 33,800</p></li>'; `_card` asks that sums alone follow: a
        posting's item with its employer's line, or a skill over its share, '<h3>Python</h3>
        <p>68%</p>', reads as an item). An ordered list's items are ranked."""
        parent = tag.getparent()
        return (
            tag.tag == "li"
            and parent is not None
            and parent.tag == "ul"
            and bool(self._title_level(tag))
        )

    @staticmethod
    def _title_level(tag: Element) -> int:
        """The level of the heading element a container opens with (its first element, no
        text before it), else 0."""
        if (tag.text or "").strip() or not len(tag):
            return 0
        first = tag[0]
        return _HEADING_LEVELS.get(first.tag, 0) if isinstance(first.tag, str) else 0

    def _card_pieces(self, tag: Element) -> list[str] | None:
        """The short text blocks of a small container, or None when it is not card-shaped.

        Walks at most `_CARD_MAX_NODES` nodes, each string counting as one (as a tree of
        strings and tags would)."""
        pieces: list[str] = []
        current: list[str] = []
        stack: list[_Entry] = []
        _push_children(stack, tag)
        hidden = self.not_text_depth
        visited = 0
        while stack:
            node, action = stack.pop()
            visited += 1
            if visited > _CARD_MAX_NODES:
                return None
            if action == _STRING:
                if not hidden:
                    _append_text(current, node)  # type: ignore[arg-type]
                continue
            element: Element = node  # type: ignore[assignment]
            name = element.tag
            if not isinstance(name, str):
                continue
            if action == _OPEN:
                if name in _CARD_BREAKERS:
                    return None
                if name == "br" or name in _BLOCK_TAGS:
                    pieces.append(_squeeze("".join(current)))
                    current = []
                if name != "br" and not self._dropped(element):
                    hidden += name in _NOT_TEXT
                    stack.append((element, _CLOSE))
                    _push_children(stack, element)
            else:
                hidden -= name in _NOT_TEXT
                if name in _BLOCK_TAGS:
                    pieces.append(_squeeze("".join(current)))
                    current = []
        pieces.append(_squeeze("".join(current)))
        lines = [piece for piece in pieces if piece]
        if not 2 <= len(lines) <= _CARD_MAX_LINES or sum(map(len, lines)) > _CARD_MAX_CHARS:
            return None
        return lines if card_shaped(lines) else None

    def _heading_above(self) -> Span | None:
        last = self.drafts[-1] if self.drafts else None
        if last and last.kind == "heading" and last.end == self.position:
            return Span(last.start, last.end)
        return None

    def _render_table(self, grid: list[list[tuple[str, int, int]]], caption: Span | None) -> None:
        """Write the table's rows, a line each, and record each row's cells by column. A cell
        spanning rows ('<td rowspan="2">Component</td>' over 'Solutions' and 'Services') is
        written once, in its first row, and stands in its column of the rows below too."""
        if self.position:
            self.parts.append("\n\n")
            self.position += 2
        spans: list[list[Span]] = []
        carried: dict[int, tuple[Span, int, int]] = {}  # column -> (cell, colspan, rows left)
        for row_index, row in enumerate(grid):
            if row_index:
                self.parts.append("\n")
                self.position += 1
            cells: list[Span] = []
            written = iter(row)
            first = True
            while True:
                if len(cells) in carried:
                    span, width, left = carried.pop(len(cells))
                    if left > 1:
                        carried[len(cells)] = (span, width, left - 1)
                    cells.extend([span] * width)
                    continue
                cell = next(written, None)
                if cell is None:
                    break
                text, colspan, rowspan = cell
                if not first:
                    self.parts.append(_CELL_SEPARATOR)
                    self.position += len(_CELL_SEPARATOR)
                first = False
                self.parts.append(text)
                span = Span(self.position, self.position + len(text))
                self.position += len(text)
                width = min(max(colspan, 1), _MAX_COLSPAN)
                if 1 < rowspan <= _MAX_ROWSPAN:
                    carried[len(cells)] = (span, width, rowspan - 1)
                cells.extend([span] * width)
            spans.append(cells)
        width = len(spans[0])
        header = tuple(spans[0])
        body = tuple(_fit(_group_row(cells), width) for cells in spans[1:])
        filled = [s for row in spans for s in row if s.end > s.start]
        first = min(s.start for s in filled)
        end = max(s.end for s in filled)
        self.tables.append(Table(first, end, header, body, caption))

    def text(self) -> str:
        return "".join(self.parts)


# What a footnote's superscript holds: a number or a few, maybe in brackets ('1', '[2]', '1,3').
# A number a note's mark may follow: a year or a number grouped in thousands, which no one
# raises to a power.
_NOTED_NUMBER = re.compile(r"(?<![\d,.])(?:(?:19|20)\d\d|\d{1,3}(?:,\d{3})+)$")
_NOTE_NUMBER = re.compile(r"\[?\d{1,2}(?:[,–-]\d{1,2})*\]?")
# An image's alt text that reads as a chart's data: enough words, and figures (with a '%' or a
# currency, not a year) for at least two of its parts.
_MIN_CHART_WORDS = 6
_MIN_CHART_FIGURES = 2
_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s*%|[$€£₹]\s*\d")


def _group_row(cells: list[Span]) -> list[Span]:
    """A body row of one cell spanning every column ('<th colspan="2">By component</th>' over
    the component rows) is a group's heading: its text is the row's label, its other cells are
    empty, as a Markdown table writes it ('**By component** | |'), not the label again."""
    if len(cells) > 1 and cells[0].end > cells[0].start and all(c == cells[0] for c in cells):
        return [cells[0], *(Span(cells[0].end, cells[0].end) for _ in cells[1:])]
    return cells


def _fit(cells: list[Span], width: int) -> tuple[Span, ...]:
    if len(cells) >= width:
        return tuple(cells[:width])
    end = cells[-1].end
    return tuple(cells) + (Span(end, end),) * (width - len(cells))


def _title_paragraph(paragraph: Element) -> bool:
    """Whether a paragraph ('<p>' or '<div>') is a minor heading: nothing but one bold run that
    reads as a title ('<p><strong>Europe</strong></p>' over a list of cities, as markdown's
    '**Europe**' line is), or plain text that reads as one in an element its class calls a
    title ('<div class="section-title">Pay by city</div>')."""
    if len(paragraph) == 0:
        # `_TITLE_CLASS` matches no space: a match in the class value lies in one of its names
        titled = _TITLE_CLASS.search(paragraph.get("class") or "") is not None
        return titled and _title_text(paragraph.text or "")
    if len(paragraph) != 1 or (paragraph.text or "").strip():
        return False
    bold = paragraph[0]
    if bold.tag not in ("strong", "b") or (bold.tail or "").strip():
        return False
    return _title_text("".join(bold.itertext()))


_TITLE_CLASS = re.compile(r"title|heading|headline|subhead", re.IGNORECASE)


def _title_text(text: str) -> bool:
    # 'Key responsibilities:' over a list titles it as well as without the colon
    return heading_line(" ".join(text.split()).removesuffix(":"))


def _chip_after_chip(element: Element) -> bool:
    """Whether an inline element follows an inline sibling with no text between, each holding
    a word or more: tag chips ('<span>Python</span><span>PyTorch</span>', '<a>Spark</a><a>SQL
    </a>') that a page's style sets apart. A word split into single letters stays whole.

    >>> from lxml import html
    >>> tags = html.fromstring("<p><span>Python</span><span>SQL</span><span>R</span></p>")
    >>> [_chip_after_chip(span) for span in tags]
    [False, True, False]
    """
    if element.tag not in _CHIP_TAGS:
        return False
    previous = element.getprevious()
    if previous is None or previous.tag not in _CHIP_TAGS or previous.tail:
        return False
    return all(len("".join(node.itertext()).strip()) >= 2 for node in (previous, element))


def _collapse(buffer: list[str | None]) -> str:
    """Join buffered text: whitespace runs become one space, `<br>` markers become newlines."""
    if _BREAK not in buffer:
        return _squeeze("".join(buffer))  # type: ignore[arg-type]
    lines: list[str] = []
    current: list[str] = []
    for piece in buffer:
        if piece is _BREAK:
            lines.append(_squeeze("".join(current)))
            current = []
        else:
            current.append(piece)
    lines.append(_squeeze("".join(current)))
    return "\n".join(line for line in lines if line)


def _written_marker(chunk: str, marker: str) -> int:
    """The length of an item's number a chunk opens with as its own ('8. Data engineer', '#8
    Data engineer'; not '1.5x growth' for the item '1.'), else 0.

    >>> _written_marker("8. Data engineer", "8."), _written_marker("1.5x growth", "1.")
    (2, 0)
    >>> _written_marker("#8 Data engineer", "8."), _written_marker("#18 Data engineer", "8.")
    (2, 0)
    """
    for written in (marker, f"#{marker.rstrip('.')}"):
        if chunk.startswith(written) and chunk[len(written) : len(written) + 1] in ("", " "):
            return len(written)
    return 0


def _collapsed(chunk: str) -> bool:
    """Whether a chunk `_collapse` made holds no whitespace but single spaces: the only other
    whitespace it keeps is a line break between lines and a space grouping a number's digits
    (`_squeeze`).

    >>> _collapsed("Pay rose 5%"), _collapsed("Pay\\nrose"), _collapsed("27\\u202f300 jobs")
    (True, False, False)
    """
    return "\n" not in chunk and (chunk.isascii() or not _group_spaced(chunk))


def _append_text(pieces: list[str | None], value: str) -> None:
    """Buffer a text node; where two inline elements meet with no space between a word or
    number and a currency sign, or a number and a word ('Median' '$120,000' 'per year' in
    three spans, which a page's style lays out apart), a space keeps the figure readable."""
    previous = pieces[-1] if pieces else None
    if previous and value and _glued(previous, value):
        pieces.append(" ")
    pieces.append(value)


def _glued(left: str, right: str) -> bool:
    """'Median' + '$120,000', 'roles' + '27,800' and '120,000' + 'per year' are glued, and so
    are a figure's open bound or scale and its caption ('12,000+' + 'companies', '3.4k' +
    'open roles'); '1' + 'st', 'Q' + '3', '₹' + '6', '$120' + 'K' are one token split by markup.

    >>> _glued("Median", "$120,000"), _glued("roles", "27,800"), _glued("120,000", "per year")
    (True, True, True)
    >>> _glued("12,000+", "companies"), _glued("3.4k", "open roles"), _glued("40%", "remote")
    (True, True, True)
    >>> _glued("93%", "of graduates in work")
    True
    >>> _glued("1", "st"), _glued("Q", "3"), _glued("₹", "6"), _glued("$120", "K")
    (False, False, False, False)

    A currency sign's letters are not a word before it: 'S' + '$5,200' is 'S$5,200', 'US' +
    '$95' is 'US$95'.

    >>> _glued("Pay is S", "$5,200"), _glued("Pay is US", "$95"), _glued("Pay is R", "$ 9")
    (False, False, False)
    """
    last, first = left[-1], right[0]
    if last.isspace() or first.isspace():
        return False
    if unicodedata.category(first) == "Sc":
        return last.isalnum() and not _sign_prefix(left, first)
    if first.isdigit():
        return _TRAILING_WORD.search(left) is not None
    word = _LEADING_WORD.match(right) or _SHORT_WORD.match(right)
    if word is None or word.group().lower() in _ORDINALS:
        return False
    return last.isdigit() or _FIGURE_END.search(left) is not None


def _sign_prefix(left: str, sign: str) -> bool:
    """Whether `left` ends with the letters of a currency marker that ends in `sign` ('S' of
    'S$', 'U.S.' of 'U.S.$'), standing alone as a word."""
    for prefix in _sign_prefixes().get(sign, ()):
        if left.endswith(prefix) and not left[: -len(prefix)][-1:].isalnum():
            return True
    return False


@cache
def _sign_prefixes() -> dict[str, tuple[str, ...]]:
    """The letters written before each currency sign in a marker (currencies.toml): '$' has
    'US', 'C', 'S', 'A', 'NZ', 'HK' ...; longest first."""
    exact, _ = currency_markers()
    prefixes: dict[str, set[str]] = {}
    for marker in exact:
        if len(marker) > 1 and unicodedata.category(marker[-1]) == "Sc" and marker[-2] != " ":
            prefixes.setdefault(marker[-1], set()).add(marker[:-1])
    return {sign: tuple(sorted(p, key=len, reverse=True)) for sign, p in prefixes.items()}


# A word of three letters or more: shorter ones beside a digit are one token ('Q3', 'km2', 'th').
_LEADING_WORD = re.compile(r"[^\W\d_]{3,}")
_TRAILING_WORD = re.compile(r"(?<![\w])[^\W\d_]{3,}$")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
# A short word that opens a figure's caption: '93%' + 'of graduates in work'.
_SHORT_WORD = re.compile(r"(?:of|in|to|on|at|by|per)(?=\s)", re.IGNORECASE)
# A figure ending in an open bound, a percent sign or a scale letter ('12,000+', '40%', '3.4k').
_FIGURE_END = re.compile(r"\d(?:[kKmMbB]|bn|mn)?[+%]?$")


def _squeeze(text: str) -> str:
    """Whitespace runs as one space and none at the ends: str.split knows the same whitespace as
    a regex's \\s, several times faster than a substitution. A no-break or thin space between
    digits groups a number's thousands ('27\\u202f300', '60\\u00a0000 €'); it stays, so the number
    is not read as two ('27 300').

    >>> _squeeze("  a\\u00a0 b\\n"), _squeeze("posted 27\\u202f300 jobs")
    ('a b', 'posted 27\\u202f300 jobs')
    """
    if text.isspace():
        return ""  # the line breaks and indents between a page's elements: half the calls
    # GROUP_SPACE matches one of the three spaces: a text without them needs no regex scan
    if not _group_spaced(text) or not GROUP_SPACE.search(text):
        return collapse_spaces(text)
    kept = GROUP_SPACE.sub(lambda m: _KEEP[m.group()], text)
    return " ".join(kept.split()).translate(_RESTORE)


# Stand-ins that str.split does not take for whitespace, and back.
_KEEP = {"\u00a0": "\x01", "\u2009": "\x02", "\u202f": "\x03"}
_RESTORE = str.maketrans({stand_in: space for space, stand_in in _KEEP.items()})


def _group_spaced(text: str) -> bool:
    """Whether a text holds one of the spaces that may group a number's digits (`_KEEP`)."""
    return "\u00a0" in text or "\u2009" in text or "\u202f" in text


def _list_context(tag: Element) -> _Context:
    """A list's numbering as a browser shows it: from its `start`, counting down from its
    number of items in a `reversed` list (a countdown written '<ol reversed>'); an item's
    `value` sets its own number and the next ones follow it."""
    if tag.tag != "ol":
        return _Context("list")
    if tag.get("reversed") is None:
        return _Context("list", ordered=True, counter=_int_attribute(tag, "start", 1) - 1)
    items = sum(1 for child in tag if child.tag == "li")
    return _Context("list", ordered=True, counter=_int_attribute(tag, "start", items) + 1, step=-1)


def _int_attribute(tag: Element, name: str, default: int) -> int:
    value = tag.get(name)
    if value is None:
        return default
    digits = value.strip()[:6]
    return int(digits) if digits.isdigit() else default


def _table_rows(table: Element) -> list[list[Element]] | None:
    """The table's rows of td/th cells, or None when it nests another table (layout)."""
    if next(table.iterdescendants("table"), None) is not None:
        return None
    rows = [[c for c in row if c.tag in ("td", "th")] for row in table.iterdescendants("tr")]
    return rows or None


# The elements that hold a table's text: none is `_NOT_TEXT` nor a '<br>'.
_CELL_TAGS = frozenset({"td", "th", "caption"})


def _cell_text(cell: Element, hidden: bool = False) -> str:
    """A cell's text with whitespace collapsed, skipping scripts and other dropped tags.

    `hidden`: the cell sits inside an element whose strings are not text (`_NOT_TEXT`)."""
    drop = rules().drop_tags
    if not hidden and not len(cell) and cell.tag in _CELL_TAGS and cell.tag not in drop:
        return _squeeze(cell.text or "")  # its only string: most cells ('<td>£79,000</td>')
    pieces: list[str] = []
    stack: list[_Entry] = [(cell, _OPEN)]
    depth = int(hidden)
    while stack:
        node, action = stack.pop()
        if action == _STRING:
            if not depth:
                _append_text(pieces, node)  # type: ignore[arg-type]
            continue
        element: Element = node  # type: ignore[assignment]
        name = element.tag
        if action == _CLOSE:
            depth -= 1
        elif not isinstance(name, str):
            continue
        elif name == "br":
            pieces.append(" ")
        elif name not in drop:
            if name in _NOT_TEXT:
                depth += 1
                stack.append((element, _CLOSE))
            _push_children(stack, element)
    return _squeeze("".join(pieces))


def _caption_text(table: Element, hidden: bool) -> str:
    caption = next((c for c in table if c.tag == "caption"), None)
    return _cell_text(caption, hidden) if caption is not None else ""


def _after_colon(heading: str) -> str:
    """A heading without what it says after a colon or a dash: 'Salary insights' of 'Salary
    insights: ML Engineer in Mexico'."""
    return _HEADING_TAIL.sub("", heading)


_HEADING_TAIL = re.compile(r"\s*(?::|\s[–—-]\s).*$")
# A heading's closing note of scope: ' (2025 data)', ', 2025', ' – 2025'.
_SCOPE_NOTE = re.compile(r"(?:\s*\([^()]{1,30}\)|[\s,–—-]+(?:19|20)\d\d)\s*$")


# A class naming a tab's panel ('tab-panel', 'tabPane', 'tab-content'): its words, in pairs.
_TAB_PANEL = re.compile(r"\btab[\s_-]*(?:panel|pane|content)s?\b", re.IGNORECASE)


def _tab_panel_class(value: str) -> bool:
    """Whether a class names a tab's panel, hidden until its tab is chosen ('<div
    class="tab-panel" data-panel="monthly" hidden>'): content, as a role 'tabpanel' is."""
    return _TAB_PANEL.search(value) is not None


def _labelled_chips(tag: Element) -> bool:
    """Whether a chip list opens with a label that says what its chips are ('Skills:' before
    'Python', 'Kafka', 'AWS' tags), or comes right under a heading that does ('Skills that
    raise your salary' over '<ul class="tags">'): a posting's or a guide's skills, not a blog's
    post tags."""
    if not any(map(is_chip_class, _class_and_id(tag))):
        return False  # a footer's 'Languages: English Deutsch' is no chip list
    if any(is_posting_class(value) for up in tag.iterancestors() for value in _class_and_id(up)):
        return True  # a job card's tags: the posting's skills
    label = tag.text if tag.text and tag.text.strip() else (tag[0].text if len(tag) else None)
    if label and rules().chip_label.match(label.strip()) is not None:
        return True
    heading = tag.getprevious()
    return (
        heading is not None
        and heading.tag in _SUBHEADINGS
        and rules().chip_heading.search(" ".join(heading.itertext())) is not None
    )


_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _pay_table(tag: Element) -> bool:
    """Whether a block classed as chrome is a table of other roles' pay under its own heading
    ('Related Job Salaries'), or under a heading of other roles whose table's caption or header
    row names their pay ('Related occupations' over 'Median annual wage'), or that names it
    itself ('Related job titles in Austin (median total pay per year)'; see boilerplate.toml
    `pay_table_headings`, `related_roles_headings`); a list of sums without links ('Data
    Scientist · $139,200') stands for the table, and under other roles' heading is their pay;
    a table classed so itself goes by the heading right before it."""
    heading = next(tag.iter(*_SUBHEADINGS), None)
    if heading is None and tag.tag == "table":  # the table itself classed 'related-table'
        heading = next(tag.itersiblings(*_SUBHEADINGS, preceding=True), None)
    table = next(tag.iter("table"), None)
    if heading is None or (table is None and not _sum_items(tag)):
        return False
    full = _squeeze(" ".join(heading.itertext())).strip(" :")
    # 'Related job titles in Austin (all levels, median total pay per year)': its scope aside
    text = HEADING_SCOPE.sub("", full)
    if rules().pay_table_heading.match(text):
        return True
    if not rules().related_roles_heading.match(text):
        return False
    if rules().pay_caption.search(full) or table is None:
        return True  # ('Related roles in Seattle' over 'Data Scientist – average base $143,200')
    head = next(table.iter("caption", "thead", "th"), None)
    return head is not None and bool(rules().pay_caption.search(" ".join(head.itertext())))


def _sum_items(tag: Element) -> bool:
    """Whether the block lists two or more items that each state a sum and link nowhere ('Data
    Scientist · $139,200'): data, not a rail of links to other pages."""
    items = list(tag.iter("li"))
    return len(items) >= 2 and all(
        next(item.iter("a"), None) is None and states_sum("".join(item.itertext()))
        for item in items
    )


def _facts_aside(tag: Element) -> bool:
    """Whether a sidebar holds the page's own content: its first heading says it holds the
    page's figures ('Key market statistics', 'At a glance', 'Salary insights') or the role's
    duties ('Role snapshot: what you'll be doing'), or the line under it ranks them or gives
    their sample ('Based on 1,930 profiles')."""
    heading = next(tag.iter("h2", "h3", "h4", "h5", "h6"), None)
    if heading is None:
        return False
    text = _squeeze(" ".join(heading.itertext())).strip(" :")
    r = rules()
    # 'Quick facts (2025 data)', 'Salary insights: Machine Learning Engineer in Mexico'
    if any(r.facts_aside.match(_SCOPE_NOTE.sub("", t)) for t in (text, _after_colon(text))):
        return True
    # 'Most requested skills in our briefs' / 'Ranked by how many client briefs named them'
    following = heading.getnext()
    lead = (
        _squeeze(" ".join(following.itertext()))
        if following is not None and following.tag == "p"
        else ""
    )
    cleaned = normalize_for_matching(text)
    if r.reading_list.match(cleaned) or r.whole.match(cleaned):
        return False  # 'Most popular posts', 'Related articles': other pages
    return bool(
        r.facts_aside_cue.search(text)
        or r.facts_aside_lead_cue.search(lead)
        or _SAMPLE_LEAD.match(lead)  # 'Based on 1,930 profiles of ML engineers'
    )


# The line under a sidebar's heading that gives the sample its figures come from.
_SAMPLE_LEAD = re.compile(r"\s*based\s+on\s+(?:more\s+than\s+|over\s+|nearly\s+)?\d", re.I)


def _protected(root: Element, page: str) -> set[Element]:
    """The main content's anchors (first `<main>`/`<article>`, first `<h1>`) and their
    ancestors: never dropped as chrome. The raw page is checked first, so pages without
    anchors cost no tree scan."""
    wanted = {name for name in ("main", "article", "h1") if _anchor_tag(name).search(page)}
    protected: set[Element] = set()
    for element in root.iter(*wanted) if wanted else ():
        name = element.tag
        if name in wanted:
            protected.add(element)
            protected.update(element.iterancestors())
            wanted -= {"main", "article"} if name in ("main", "article") else {name}
            if not wanted:
                break
    protected.update(_discussion(root, page))
    return protected


def _discussion(root: Element, page: str) -> list[Element]:
    """A thread's comments, when they hold most of the page's text: on a forum or Q&A page the
    replies are what it says ('Senior MLE in Seattle, 7 YOE, 198k base'); under an article,
    readers' comments stay chrome. The raw page is checked first, as for `_protected`."""
    if "omment" not in page and "disqus" not in page:
        return []
    comments = [
        element
        for element in _COMMENT_CANDIDATES(root)
        if any(is_comment_class(v) for v in _class_and_id(element))
    ]
    if not comments:
        return []
    inside = set(comments)
    outermost = [c for c in comments if not any(a in inside for a in c.iterancestors())]
    held = sum(map(_text_length, outermost))
    if held < rules().discussion_share * _text_length(next(root.iter("body"), root)):
        return []
    return [a for c in comments for a in (c, *c.iterancestors())]


def _text_length(element: Element) -> int:
    return len(etree.tostring(element, method="text", encoding=str, with_tail=False))


# Elements whose class or id may name comments (`is_comment_class` decides): found by libxml2,
# in document order, from the class and id attributes (several times faster than testing
# both attributes of every element).
_COMMENT_CANDIDATES = etree.XPath(
    "//@class[contains(., 'omment') or contains(., 'disqus')]/.."
    " | //@id[contains(., 'omment') or contains(., 'disqus')]/.."
)


def _class_and_id(element: Element) -> list[str]:
    values = (element.get("class") or "").split()
    identifier = element.get("id")
    return [*values, identifier] if identifier is not None else values


@cache
def _anchor_tag(name: str) -> re.Pattern[str]:
    return re.compile(f"<{name}[\\s>]", re.IGNORECASE)


def _title(root: Element) -> str | None:
    """The first `<title>`'s text (libxml2 reads a title as text only, never as elements)."""
    tag = next(root.iter("title"), None)
    if tag is None or any(a.tag in _NOT_TEXT for a in tag.iterancestors()):
        return None
    return _squeeze(tag.text or "") or None


def _parse_tree(page: str) -> tuple[Element | None, dict[int, str]]:
    """lxml's tree of the page (None for a page without elements: empty, only a comment), and
    the table that puts back the characters the tree holds stand-ins for.

    libxml2 builds the tree itself (cheapest) unless it stops on the page (nesting deeper than
    its limit) or the page holds characters an lxml tree refuses (control characters). Then the
    tree is built from the parser's events, as BeautifulSoup builds its tree; lxml's tree builder
    refuses names and characters that HTML allows ('<o:p>', '@click=', control characters): such
    a page is built again through `_TolerantBuilder`. Either tree reads the same: comments and
    processing instructions hold no text we read, and a bare boolean attribute ('<ol
    reversed>') counts by its presence."""
    page = _BODY_END.sub("", page[1:] if page.startswith("\ufeff") else page)
    # one string search per character: several times faster than the regex's scan of a page
    if not any(char in page for char in _NOT_XML_CHARS):
        parser = etree.HTMLParser(recover=True, huge_tree=True)
        try:
            root = etree.fromstring(page, parser)
        except (etree.XMLSyntaxError, ValueError):  # a page without elements, among others
            root = None
        if root is not None and not parser.error_log.filter_from_fatals():
            return root, {}
    try:
        builder = etree.TreeBuilder(comment_factory=_empty_comment, pi_factory=etree.PI)
        return _feed(page, builder), {}
    except (etree.XMLSyntaxError, ValueError):  # also a page without elements: built again
        tolerant = _TolerantBuilder(page)
        return _feed(page, tolerant), tolerant.restore


# A page's content does not end at '</body>' or '</html>': an analytics '<script>' or a late '<div>'
# often follows them. A browser reads what follows into the body; libxml2 would drop it (its
# own tree) or make it the tree's root in place of the page (a tree built from its events).
_BODY_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _feed(page: str, target: object) -> Element | None:
    parser = etree.HTMLParser(recover=True, target=target)
    parser.feed(page)
    return parser.close()  # type: ignore[no-any-return]


# Characters an lxml tree cannot hold. The ones Python reads as whitespace become a space (every
# text is whitespace-collapsed anyway); the others stand in as unused private-use characters
# until the text is rendered, then are put back.
_NOT_XML_CHARS = "".join(
    map(chr, (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))
)
_NOT_XML = re.compile(f"[{_NOT_XML_CHARS}]")
_SPACE_LIKE = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_ODD_NAME = "mlefacts-odd-name"


def _empty_comment(_text: str | None = None) -> etree._Comment:
    """Comments hold no text we read (only their tails); lxml would refuse some of them
    ('--' inside, control characters), so they are kept empty."""
    return etree.Comment()


class _TolerantBuilder:
    """Parser events -> an lxml tree, with names and characters lxml refuses replaced."""

    def __init__(self, page: str) -> None:
        self.builder = etree.TreeBuilder(comment_factory=_empty_comment, pi_factory=etree.PI)
        self.started = False
        odd = sorted(set(_NOT_XML.findall(page)) - _SPACE_LIKE)
        present = set(page)
        unused = (c for c in map(chr, range(0xF0000, 0xFFFFE)) if c not in present)
        stand_ins = dict(zip(odd, unused, strict=False))
        self.clean = str.maketrans({**{c: " " for c in _SPACE_LIKE}, **stand_ins})
        self.restore = str.maketrans({v: k for k, v in stand_ins.items()})

    def text(self, value: str) -> str:
        return value.translate(self.clean) if _NOT_XML.search(value) else value

    def start(self, tag: str, attrib: dict[str, str]) -> Element:
        self.started = True
        cleaned = {}
        for index, (name, value) in enumerate(attrib.items()):
            name = name if _valid_attribute(name) else f"{_ODD_NAME}-{index}"
            cleaned[name] = self.text(value)
        return self.builder.start(tag if _valid_tag(tag) else _ODD_NAME, cleaned)

    def end(self, tag: str) -> Element:
        return self.builder.end(tag if _valid_tag(tag) else _ODD_NAME)

    def data(self, value: str) -> None:
        self.builder.data(self.text(value))

    def comment(self, value: str) -> None:
        self.builder.comment(self.text(value))

    def pi(self, target: str, value: str | None = None) -> None:
        if _valid_tag(target):
            self.builder.pi(target, self.text(value or ""))

    def close(self) -> Element | None:
        return self.builder.close() if self.started else None


@lru_cache(maxsize=1024)  # a page may make up any names
def _valid_tag(name: str) -> bool:
    """Whether lxml takes `name` as a tag name (HTML takes 'o:p' or 'x<', lxml does not)."""
    try:
        etree.TreeBuilder().start(name, {})
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1024)
def _valid_attribute(name: str) -> bool:
    """Whether lxml takes `name` as an attribute name ('@click', 'xml:lang' it does not)."""
    try:
        etree.TreeBuilder().start("p", {name: ""})
    except ValueError:
        return False
    return True


def parse_html_tree(
    *, source_id: str, text: str, media_type: str, title: str | None
) -> tuple[Document, Element | None]:
    """Parse an HTML page into a `Document`, and the tree it was read from (None for a page read
    without one, or whose tree holds stand-ins for characters lxml refuses): a reader of the
    same page (`metadata.read_page_metadata`) reads that tree instead of parsing the page again.

    >>> page = "<h1>Pay</h1><ul><li>Junior <b>$50k</b><ol><li>remote</li></ol></li></ul>"
    >>> doc, tree = parse_html_tree(source_id="s", text=page, media_type="text/html", title=None)
    >>> [(b.kind, doc.span_text(b), b.level, b.marker, b.parent) for b in doc.blocks[1:]]
    [('list_item', 'Junior $50k', 0, '•', None), ('list_item', 'remote', 1, '1.', 1)]
    >>> tree.findtext(".//b")
    '$50k'
    """
    try:
        root, restore = _parse_tree(text)
        renderer = _Renderer(protected=_protected(root, text) if root is not None else set())
        if root is not None:
            renderer.walk(root)
        page_title = title or (_title(root) if root is not None else None)
    except (RecursionError, ValueError):
        document = parse_text(
            source_id=source_id, text=strip_tags(text), media_type=media_type, title=title
        )
        return document, None
    normalized = renderer.text().translate(restore) if restore else renderer.text()
    if restore and page_title is not None and not title:
        page_title = page_title.translate(restore)
    drafts, cards = split_cards(normalized, typed_lists(normalized, renderer.drafts), elements=True)
    blocks, tables, card_blocks = finish_blocks(normalized, drafts, renderer.tables, cards)
    if page_title is None:
        page_title = next(
            (normalized[b.start : b.end] for b in blocks if b.kind == "heading" and b.level == 1),
            None,
        )
    document = Document(source_id, normalized, media_type, blocks, tables, page_title, card_blocks)
    return document, None if restore else root


_INVISIBLE_OPEN = re.compile(r"<(script|style|noscript|template|svg|head)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|br|blockquote|pre|dt|dd)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def strip_tags(page: str) -> str:
    """Flat text of a page without a parse tree: block tags become blank lines.

    >>> strip_tags("<p>a &amp; b</p><script>x()</script><p>c</p>")
    'a & b\\n\\nc'
    """
    pieces: list[str] = []
    cursor = 0
    for match in _INVISIBLE_OPEN.finditer(page):
        if match.start() < cursor:
            continue
        pieces.append(page[cursor : match.start()])
        close = re.compile(f"</{match.group(1)}", re.IGNORECASE).search(page, match.end())
        cursor = len(page) if close is None else close.start()
    pieces.append(page[cursor:])
    flat = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n\n", "".join(pieces)))
    flat = _INLINE_SPACE.sub(" ", html_lib.unescape(flat))
    return _BLANK_LINES.sub("\n\n", flat).strip()

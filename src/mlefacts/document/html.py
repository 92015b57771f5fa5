"""HTML -> `Document`, in one iterative walk over a BeautifulSoup(lxml) tree.

Site chrome (scripts, navigation, share bars, cookie banners, comments...) is dropped while
walking, by tag, ARIA role and class/id words from `data/boilerplate.toml`; the ancestors of
the main content (`<main>`, `<article>`, the first `<h1>`) are never dropped. Every block element
becomes one chunk of the normalized text, chunks separated by a blank line, whitespace inside a
chunk collapsed to single spaces (a `<br>` is a newline). A list item's chunk starts with its
indented marker ('  • ', '2. '), which the item's span leaves out. Data tables become `Table`s,
rendered row by row ('a | b' cells, one row per line). Pages the tree walk cannot handle
(nesting deep enough to exhaust recursion, text lxml cannot encode) fall back to a tag-stripping
pass and the text parser.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from functools import cache

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, Tag

from mlefacts.document.boilerplate import is_chrome_class, rules
from mlefacts.document.cards import card_shaped, split_cards
from mlefacts.document.model import Document, Span, Table
from mlefacts.document.structure import DraftBlock, finish_blocks
from mlefacts.document.text import parse_text

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
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAX_COLSPAN = 50
_CELL_SEPARATOR = " | "
_BREAK = None
_CARD_TAGS = frozenset({"div", "dl", "section", "aside", "figure"})
_CARD_BREAKERS = frozenset({"table", "ul", "ol", "h1", "h2", "article", "main", "form", "nav"})
_CARD_MAX_NODES = 80
_CARD_MAX_LINES = 12
_CARD_MAX_CHARS = 400


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


@dataclass(slots=True)
class _Renderer:
    protected: set[int]
    parts: list[str] = field(default_factory=list)
    position: int = 0
    buffer: list[str | None] = field(default_factory=list)
    drafts: list[DraftBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    contexts: list[_Context] = field(default_factory=list)
    lists: list[_Context] = field(default_factory=list)
    article_depth: int = 0
    pre_depth: int = 0

    def walk(self, root: Tag) -> None:
        stack: list[tuple[PageElement, bool]] = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if closing:
                self._close(node)  # type: ignore[arg-type]
            elif type(node) is NavigableString:
                self._text(str(node))
            elif isinstance(node, Tag):
                if node.name == "br":
                    self.buffer.append(_BREAK)
                elif not self._dropped(node) and not self._table(node) and not self._card(node):
                    self._open(node)
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
        self._flush()

    def _text(self, value: str) -> None:
        if self.pre_depth:
            for i, line in enumerate(value.split("\n")):
                if i:
                    self.buffer.append(_BREAK)
                self.buffer.append(line)
        else:
            self.buffer.append(value)

    def _dropped(self, tag: Tag) -> bool:
        r = rules()
        name = tag.name
        if id(tag) in self.protected:
            return False
        if name in r.drop_tags:
            return not (name in _KEEP_IN_ARTICLE and self.article_depth)
        attrs = tag.attrs
        if not attrs:
            return False
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        style = attrs.get("style")
        if isinstance(style, str) and _HIDDEN_STYLE.search(style):
            return True
        if attrs.get("role") in r.drop_roles:
            return True
        classes = attrs.get("class") or ()
        values = [classes] if isinstance(classes, str) else list(classes)
        identifier = attrs.get("id")
        if isinstance(identifier, str):
            values.append(identifier)
        return any(is_chrome_class(value) for value in values)

    def _open(self, tag: Tag) -> None:
        name = tag.name
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _HEADING_LEVELS:
            self.contexts.append(_Context("heading", level=_HEADING_LEVELS[name]))
        elif name == "li":
            self.contexts.append(self._item())
        elif name in ("ul", "ol"):
            start = _int_attribute(tag, "start", 1) if name == "ol" else 1
            self.lists.append(_Context("list", ordered=name == "ol", counter=start - 1))
        elif name == "pre":
            self.pre_depth += 1
        elif name in ("article", "main"):
            self.article_depth += 1

    def _close(self, tag: Tag) -> None:
        name = tag.name
        if name in _BLOCK_TAGS:
            self._flush()
        if name in _HEADING_LEVELS or name == "li":
            self.contexts.pop()
        elif name in ("ul", "ol"):
            self.lists.pop()
        elif name == "pre":
            self.pre_depth -= 1
        elif name in ("article", "main"):
            self.article_depth -= 1

    def _item(self) -> _Context:
        enclosing = next((c for c in reversed(self.contexts) if c.kind == "item"), None)
        parent = enclosing.block if enclosing else None
        if not self.lists:
            return _Context("item", marker="•", parent=parent)
        current = self.lists[-1]
        current.counter += 1
        marker = f"{current.counter}." if current.ordered else "•"
        return _Context("item", level=len(self.lists) - 1, marker=marker, parent=parent)

    def _emit(self, chunk: str, prefix: str = "") -> Span:
        """Append a chunk after a blank line; the span excludes `prefix` (a list marker)."""
        if self.position:
            self.parts.append("\n\n")
            self.position += 2
        self.parts.append(prefix)
        self.position += len(prefix)
        start = self.position
        self.parts.append(chunk)
        self.position += len(chunk)
        return Span(start, self.position)

    def _flush(self) -> None:
        if not self.buffer:
            return
        chunk = _collapse(self.buffer)
        self.buffer = []
        if not chunk:
            return
        context = next((c for c in reversed(self.contexts) if c.kind in ("heading", "item")), None)
        opens_item = context is not None and context.kind == "item" and context.block is None
        prefix = f"{'  ' * context.level}{context.marker} " if opens_item and context else ""
        span = self._emit(chunk, prefix)
        index = len(self.drafts)
        if context is None:
            draft = DraftBlock("paragraph", span.start, span.end)
        elif context.kind == "heading":
            draft = DraftBlock("heading", span.start, span.end, context.level)
        elif context.block is None:
            draft = DraftBlock(
                "list_item", span.start, span.end, context.level, context.marker, context.parent
            )
            context.block = index
        else:
            draft = DraftBlock("paragraph", span.start, span.end, parent=context.block)
        self.drafts.append(draft)

    def _table(self, tag: Tag) -> bool:
        """Render a data table; False for layout tables (nested tables, a single column)."""
        if tag.name != "table":
            return False
        rows = _table_rows(tag)
        if rows is None:
            return False
        grid = [[(_cell_text(c), _int_attribute(c, "colspan", 1)) for c in row] for row in rows]
        grid = [row for row in grid if any(text for text, _ in row)]
        widths = [sum(min(max(span, 1), _MAX_COLSPAN) for _, span in row) for row in grid]
        if not grid or max(widths) < 2:
            return False
        self._flush()
        caption_text = _caption_text(tag)
        if widths[0] == 1 and len(grid) > 1:
            caption_text = caption_text or grid[0][0][0]
            grid = grid[1:]
        caption = self._emit(caption_text) if caption_text else self._heading_above()
        self._render_table(grid, caption)
        return True

    def _card(self, tag: Tag) -> bool:
        """Render a stat or salary card container (short label, value and unit blocks) as one
        chunk of lines, so the card is one contiguous quote (see `document.cards`)."""
        if tag.name not in _CARD_TAGS or self.contexts:
            return False
        pieces = self._card_pieces(tag)
        if pieces is None:
            return False
        self._flush()
        span = self._emit("\n".join(pieces))
        self.drafts.append(DraftBlock("paragraph", span.start, span.end))
        return True

    def _card_pieces(self, tag: Tag) -> list[str] | None:
        """The short text blocks of a small container, or None when it is not card-shaped."""
        pieces: list[str] = []
        current: list[str] = []
        stack: list[tuple[PageElement, bool]] = [(child, False) for child in reversed(tag.contents)]
        visited = 0
        while stack:
            node, closing = stack.pop()
            visited += 1
            if visited > _CARD_MAX_NODES:
                return None
            if type(node) is NavigableString:
                current.append(str(node))
            elif isinstance(node, Tag) and not closing:
                if node.name in _CARD_BREAKERS:
                    return None
                if node.name == "br" or node.name in _BLOCK_TAGS:
                    pieces.append(_SPACE.sub(" ", "".join(current)).strip())
                    current = []
                if node.name != "br" and not self._dropped(node):
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
            elif isinstance(node, Tag) and node.name in _BLOCK_TAGS:
                pieces.append(_SPACE.sub(" ", "".join(current)).strip())
                current = []
        pieces.append(_SPACE.sub(" ", "".join(current)).strip())
        lines = [piece for piece in pieces if piece]
        if not 2 <= len(lines) <= _CARD_MAX_LINES or sum(map(len, lines)) > _CARD_MAX_CHARS:
            return None
        return lines if card_shaped(lines) else None

    def _heading_above(self) -> Span | None:
        last = self.drafts[-1] if self.drafts else None
        if last and last.kind == "heading" and last.end == self.position:
            return Span(last.start, last.end)
        return None

    def _render_table(self, grid: list[list[tuple[str, int]]], caption: Span | None) -> None:
        if self.position:
            self.parts.append("\n\n")
            self.position += 2
        spans: list[list[Span]] = []
        for row_index, row in enumerate(grid):
            if row_index:
                self.parts.append("\n")
                self.position += 1
            cells: list[Span] = []
            for cell_index, (text, colspan) in enumerate(row):
                if cell_index:
                    self.parts.append(_CELL_SEPARATOR)
                    self.position += len(_CELL_SEPARATOR)
                self.parts.append(text)
                span = Span(self.position, self.position + len(text))
                self.position += len(text)
                cells.extend([span] * min(max(colspan, 1), _MAX_COLSPAN))
            spans.append(cells)
        width = len(spans[0])
        header = tuple(spans[0])
        body = tuple(_fit(cells, width) for cells in spans[1:])
        filled = [s for row in spans for s in row if s.end > s.start]
        first = min(s.start for s in filled)
        end = max(s.end for s in filled)
        self.tables.append(Table(first, end, header, body, caption))

    def text(self) -> str:
        return "".join(self.parts)


def _fit(cells: list[Span], width: int) -> tuple[Span, ...]:
    if len(cells) >= width:
        return tuple(cells[:width])
    end = cells[-1].end
    return tuple(cells) + (Span(end, end),) * (width - len(cells))


def _collapse(buffer: list[str | None]) -> str:
    """Join buffered text: whitespace runs become one space, `<br>` markers become newlines."""
    lines: list[str] = []
    current: list[str] = []
    for piece in buffer:
        if piece is _BREAK:
            lines.append(_SPACE.sub(" ", "".join(current)).strip())
            current = []
        else:
            current.append(piece)
    lines.append(_SPACE.sub(" ", "".join(current)).strip())
    return "\n".join(line for line in lines if line)


def _int_attribute(tag: Tag, name: str, default: int) -> int:
    value = tag.get(name)
    if not isinstance(value, str):
        return default
    digits = value.strip()[:6]
    return int(digits) if digits.isdigit() else default


def _table_rows(table: Tag) -> list[list[Tag]] | None:
    """The table's rows of td/th cells, or None when it nests another table (layout)."""
    rows: list[list[Tag]] = []
    stack: list[PageElement] = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            continue
        if node.name == "table":
            return None
        if node.name == "tr":
            rows.append([c for c in node.contents if isinstance(c, Tag) and c.name in ("td", "th")])
            stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))
        elif node.name not in ("td", "th", "caption"):
            stack.extend(reversed(node.contents))
        else:
            stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))
    return rows or None


def _cell_text(cell: Tag) -> str:
    """A cell's text with whitespace collapsed, skipping scripts and other dropped tags."""
    drop = rules().drop_tags
    pieces: list[str] = []
    stack: list[PageElement] = [cell]
    while stack:
        node = stack.pop()
        if type(node) is NavigableString:
            pieces.append(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                pieces.append(" ")
            elif node.name not in drop:
                stack.extend(reversed(node.contents))
    return _SPACE.sub(" ", "".join(pieces)).strip()


def _caption_text(table: Tag) -> str:
    caption = next((c for c in table.contents if isinstance(c, Tag) and c.name == "caption"), None)
    return _cell_text(caption) if caption is not None else ""


def _protected(soup: BeautifulSoup, page: str) -> set[int]:
    """Ids of the main content's anchors (first `<main>`/`<article>`, first `<h1>`) and their
    ancestors: never dropped as chrome. The raw page is checked first, so pages without
    anchors cost no tree scan."""
    wanted = {name for name in ("main", "article", "h1") if _anchor_tag(name).search(page)}
    protected: set[int] = set()
    for element in soup.descendants if wanted else ():
        name = element.name
        if name in wanted:
            protected.add(id(element))
            protected.update(id(parent) for parent in element.parents)
            wanted -= {"main", "article"} if name in ("main", "article") else {name}
            if not wanted:
                break
    return protected


@cache
def _anchor_tag(name: str) -> re.Pattern[str]:
    return re.compile(f"<{name}[\\s>]", re.IGNORECASE)


def _title(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    if isinstance(tag, Tag):
        title = _SPACE.sub(" ", tag.get_text()).strip()
        if title:
            return title
    return None


def parse_html(*, source_id: str, text: str, media_type: str, title: str | None) -> Document:
    """Parse an HTML page into a `Document`.

    >>> page = "<h1>Pay</h1><ul><li>Junior <b>$50k</b><ol><li>remote</li></ol></li></ul>"
    >>> doc = parse_html(source_id="s", text=page, media_type="text/html", title=None)
    >>> [(b.kind, doc.span_text(b), b.level, b.marker, b.parent) for b in doc.blocks[1:]]
    [('list_item', 'Junior $50k', 0, '•', None), ('list_item', 'remote', 1, '1.', 1)]
    """
    try:
        soup = BeautifulSoup(text, "lxml")
        renderer = _Renderer(protected=_protected(soup, text))
        renderer.walk(soup)
        page_title = title or _title(soup)
    except (RecursionError, ValueError):
        return parse_text(
            source_id=source_id, text=strip_tags(text), media_type=media_type, title=title
        )
    normalized = renderer.text()
    drafts, cards = split_cards(normalized, renderer.drafts)
    blocks, tables, card_blocks = finish_blocks(normalized, drafts, renderer.tables, cards)
    if page_title is None:
        page_title = next(
            (normalized[b.start : b.end] for b in blocks if b.kind == "heading" and b.level == 1),
            None,
        )
    return Document(source_id, normalized, media_type, blocks, tables, page_title, card_blocks)


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

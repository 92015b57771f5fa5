"""Plain text and markdown -> `Document`.

The normalized text is the input with '\\r\\n' and '\\r' turned into '\\n' and the soft line
breaks of hard-wrapped paragraphs turned into spaces (see `unwrap`), and nothing else changed, so
an offset maps 1:1 to the source minus its carriage returns.

Blocks come from lines: runs of non-blank lines form paragraphs; a short line without sentence
punctuation standing alone is a heading (as is a markdown '#' line), unless it states a figure
('Average base salary: $168,400', 'Postings up 61% a year' are body text); lines with a list marker
('•', '-', '*', '·', '▪', '1.', '1)', 'a.') are list items nested by indentation, and so are
the lines of a paragraph whose every line is a short figure row ('Netherlands: €62,000'). A
block's span is its text without marker, '#'s or surrounding whitespace. Text tables are found
first (see `text_tables`) and their lines are not blocks; a table's title line stays a heading.
"""

from __future__ import annotations

import re

from mlefacts.document.boilerplate import is_byline
from mlefacts.document.cards import split_cards
from mlefacts.document.model import Block, Document
from mlefacts.document.structure import (
    BANNER,
    LIST_MARKER,
    MARKDOWN_HEADING,
    DraftBlock,
    Line,
    finish_blocks,
    heading_line,
    heading_span,
    looks_like_title,
    meta_line,
    split_lines,
    title_span,
    trim,
)
from mlefacts.document.text_tables import find_text_tables
from mlefacts.normalize.quantities import find_quantities

_RULE = re.compile(r"([-*_=])(?:[ \t]*\1){2,}")
# A first line this much shorter than the next one is a heading over its paragraph.
_HEADING_LENGTH_RATIO = 0.6


def normalize_text(text: str) -> str:
    """Unify line ends and change nothing else.

    >>> normalize_text("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _title(text: str, blocks: tuple[Block, ...]) -> str | None:
    """The first heading, passing over site chrome (a breadcrumb trail, a menu bar, the site's
    domain 'PayCheck.co.ke') when a heading of the page's own comes before its text starts."""
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return None
    body = next((b.start for b in blocks if b.kind != "heading" and not b.boilerplate), len(text))
    first = next(
        (
            b
            for b in headings
            if not b.boilerplate
            and b.start < body
            and not _menu(text[b.start : b.end])
            and not _DOMAIN.fullmatch(text[b.start : b.end].strip())
        ),
        headings[0],
    )
    return text[first.start : first.end]


# A site's name written as its domain: 'PayCheck.co.ke', 'www.example.com'; not a library's
# name ('ML.NET', 'Vue.js', 'Node.js').
_DOMAIN = re.compile(r"(?:[A-Za-z0-9-]+\.)+(?!(?:js|ts|py|rs|go|md|rb|jl|sh)\b)[a-z]{2,6}")


def _menu(line: str) -> bool:
    """Whether a heading line is a site's menu bar: four or more short items between bars
    ('ACME JOBS | Offers | Employers | Guides | Contact: 01 84 60 27 19'), no page's title.

    >>> _menu("ACME JOBS  |  Offers  |  Employers  |  Contact : 01 84 60 27 19")
    True
    >>> _menu("ML Engineer Salary Guide 2025 | Acme Jobs")
    False
    """
    items = line.split("|")
    return len(items) >= _MENU_ITEMS and all(
        len(_MENU_WORD.findall(item)) <= _MENU_WORDS for item in items
    )


_MENU_ITEMS = 4
_MENU_WORDS = 4
# A word of a menu item ('Contact' in 'Contact : 01 84 60 27 19'; the phone's digits are none).
_MENU_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def parse_text(*, source_id: str, text: str, media_type: str, title: str | None) -> Document:
    """Parse plain text or markdown into a `Document`.

    >>> page = "Skills\\n\\n- Python\\n  - pandas\\n"
    >>> doc = parse_text(source_id="s", text=page, media_type="text/plain", title=None)
    >>> [(doc.span_text(b), b.level, b.parent) for b in doc.blocks]
    [('Skills', 1, None), ('Python', 0, None), ('pandas', 1, 1)]
    """
    text = normalize_text(text)
    lines = split_lines(text)
    found = find_text_tables(text, lines)
    table_lines = {index for table in found for index in table.lines}
    captions = {table.caption_line for table in found if table.caption_line is not None}
    drafts, cards = split_cards(text, _Blocks(text, lines, table_lines, captions).run())
    text = unwrap(text, drafts)
    blocks, tables, card_blocks = finish_blocks(
        text, drafts, [table.table for table in found], cards
    )
    if title is None:
        title = _title(text, blocks)
    return Document(source_id, text, media_type, blocks, tables, title, card_blocks)


def unwrap(text: str, drafts: list[DraftBlock]) -> str:
    """The text with the soft line breaks of its paragraphs and list items turned into spaces.

    Text and markdown pages are often hard-wrapped: a line break inside a paragraph's sentence
    stands for a space (CommonMark renders it so), and a reader sees one sentence. The length and
    every other character stay, so offsets still map 1:1 to the source; lines that are rows
    ('Median pay: $109,870 per year' above 'Number of jobs: 38,200') keep their breaks.

    >>> page = "Senior engineers in Toronto earn about C$152,000\\na year, the survey found.\\n"
    >>> unwrap(page, [DraftBlock("paragraph", 0, len(page) - 1)])
    'Senior engineers in Toronto earn about C$152,000 a year, the survey found.\\n'
    """
    chars: list[str] | None = None
    for draft in drafts:
        if draft.kind == "heading" or _FENCE in text[draft.start : draft.end]:
            continue  # a fenced code block keeps its lines
        newline = text.find("\n", draft.start, draft.end)
        while newline != -1:
            if _soft_break(text, newline):
                chars = chars if chars is not None else list(text)
                chars[newline] = " "
            newline = text.find("\n", newline + 1, draft.end)
    return text if chars is None else "".join(chars)


def _soft_break(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a sentence: the next line goes on in lower
    case ('C$152,000' / 'a year'), or the line before is a long line that does not end a sentence
    and is no 'Label: figure' row. Two labelled lines in a row ('Who answered: people who ...'
    / 'Where they work: 58% ...') are rows. Markdown's hard break (two spaces or a backslash
    before it) stays a break."""
    raw = text[text.rfind("\n", 0, newline) + 1 : newline]
    line = raw.rstrip()
    end = text.find("\n", newline + 1)
    following = text[newline + 1 : end if end != -1 else len(text)].lstrip(" \t")
    if not line or not following or raw.endswith(("  ", "\\")):
        return False
    if following[0].islower():
        return True
    if following[0].isdigit() and _CURRENCY_END.search(line):
        return True  # 'the median ML engineer earned EUR' / '74,300 gross per year'
    if _LABEL_LINE.match(line.lstrip()) and _LABEL_LINE.match(following):
        return False  # 'Who answered: people who ...' over 'Where they work: 58% ...': rows
    if _DOT_LEADER in following:
        return False  # the next line is a row of its own: 'Number of Jobs, 2024 ...... 214,600'
    if _DATED_LINE.match(line.lstrip()) and _DATED_LINE.match(following):
        return False  # a timeline's entries: '2020 — Junior ML engineer, Valencia: €31,500'
    return (
        len(line) >= _WRAPPED_LINE
        and not _ROW.match(line)
        and len(FIELD_SEPARATOR.findall(line)) < 2
        and line[-1] not in ".!?:;"
    )


# A line ending in a currency's code or sign, whose figure the next line holds.
_CURRENCY_END = re.compile(r"(?:\s|^)(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₹]|R\$)$")
# A key-figure row: its figure first, then its caption in words, set a column apart ('9.6%
# rise in ML engineer ads in Q3 2025 vs Q2', '£86,500 median advertised base').
_FIGURE_FIRST = re.compile(r"[^\s\w]{0,3}\d[\d.,]*[^\s\w]{0,2}(?P<gap>[ \t]+)[^\W\d_]")
# A word of prose: a line of three is no card's figure ('MEDIAN BASE SALARY' / 'C$128,000').
_WORD = re.compile(r"[^\W\d_]{2,}")
# A posting's labelled header line: 'Location: Austin, TX', 'Posted: 03/17/2026'.
_LABEL_LINE = re.compile(r"[*_]{0,2}[A-Z][\w/&'’-]*(?: [\w/&'’-]+){0,2}:[*_]{0,2}\s+\S")
# A line a year opens, set apart by a dash or a colon: an entry of a timeline.
_DATED_LINE = re.compile(r"[*_]{0,2}(?:19|20)\d{2}[*_]{0,2}\s*[–—:-]\s")
# A line this long that runs on into the next is wrapped prose, not one of a block's rows.
_WRAPPED_LINE = 50
# A row: a short label, a colon, then a figure ('Median pay, 2024: $145,080 per year').
_ROW = re.compile(r"[^:\n]{1,60}:[*_]{0,2}\s*[^\s\w]?\s?\d")
# What sets a line's fields apart ('Bengaluru, India · Full-time · Hybrid'): two or more make
# it a row of a posting's terms ('Quayside Bank · New York (hybrid) · $165,000-$195,000'), not
# wrapped prose.
FIELD_SEPARATOR = re.compile(r"\s[·•|]\s")
_FENCE = "```"
# What sets a row's label apart from its figure in a text fact sheet ('Median Pay ..... $114,320').
_DOT_LEADER = "...."


class _Blocks:
    """One pass over the lines, keeping the open paragraph and the stack of open list items."""

    def __init__(self, text: str, lines: list[Line], skip: set[int], captions: set[int]) -> None:
        self.text = text
        self.lines = lines
        self.skip = skip
        self.captions = captions
        self.drafts: list[DraftBlock] = []
        self.stack: list[tuple[int, int]] = []
        self.paragraph: list[int] = []
        self.paragraph_parent: int | None = None
        self.item: int | None = None
        self.item_indent = 0

    def run(self) -> list[DraftBlock]:
        for index, line in enumerate(self.lines):
            self._line(index, line)
        self._close_paragraph()
        return self.drafts

    def _line(self, index: int, line: Line) -> None:
        text = self.text
        if line.blank or index in self.skip:
            self._close_paragraph()
            self.item = None
            if not line.blank:
                self.stack.clear()
            return
        heading = MARKDOWN_HEADING.match(text, line.start, line.end)
        if heading:
            span = title_span(text, line)
            self._heading(span.start, span.end, len(heading.group(1)))
            return
        if index in self.captions:
            self._heading(line.start, line.end, 2 if text[line.start].isdigit() else 1)
            return
        if _RULE.fullmatch(text, line.start, line.end):
            self._rule(text[line.start])
            return
        if BANNER.fullmatch(text, line.start, line.end):
            self._close_paragraph()  # '==== Slide 3 ====' underlines nothing
            self.item = None
            return
        marker = LIST_MARKER.match(text, line.start, line.end) or (
            # a plain-text release's highlights, set in: '  -- Employment of ... is projected'
            _INDENTED_MARKER.match(text, line.start, line.end) if line.indent else None
        )
        if marker and self._numbered_title(index, marker.group(1)):
            self._heading(line.start, line.end, 2)
        elif marker:
            self._list_item(line, marker.group(1), marker.end())
        elif self.item is not None and line.indent > self.item_indent:
            self.drafts[self.item].end = line.end
        elif self.paragraph:
            self.paragraph.append(index)
        else:
            self._open_paragraph(index, line)

    def _heading(self, start: int, end: int, level: int) -> None:
        self._close_paragraph()
        self.stack.clear()
        self.item = None
        span = heading_span(self.text, start, end)
        if span.start < span.end:
            self.drafts.append(DraftBlock("heading", span.start, span.end, level))

    def _rule(self, char: str) -> None:
        """'---' or '===' under a single line makes it a setext heading; otherwise a separator."""
        if char in "=-" and len(self.paragraph) == 1 and self.paragraph_parent is None:
            line = self.lines[self.paragraph[0]]
            self.paragraph = []
            self._heading(line.start, line.end, 1 if char == "=" else 2)
        self._close_paragraph()
        self.item = None

    def _list_item(self, line: Line, marker: str, content_start: int) -> None:
        self._close_paragraph()
        while self.stack and self.stack[-1][0] >= line.indent:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else None
        span = trim(self.text, content_start, line.end)
        draft = DraftBlock("list_item", span.start, span.end, len(self.stack), marker, parent)
        self.drafts.append(draft)
        self.item = len(self.drafts) - 1
        self.item_indent = line.indent
        self.stack.append((line.indent, self.item))

    def _open_paragraph(self, index: int, line: Line) -> None:
        while self.stack and self.stack[-1][0] >= line.indent:
            self.stack.pop()
        self.paragraph_parent = self.stack[-1][1] if self.stack else None
        self.paragraph = [index]

    def _close_paragraph(self) -> None:
        paragraph, parent = self.paragraph, self.paragraph_parent
        if not paragraph:
            return
        self.paragraph = []
        first, last = self.lines[paragraph[0]], self.lines[paragraph[-1]]
        lines = [self.text[self.lines[i].start : self.lines[i].end] for i in paragraph]
        if parent is None and len(lines) > 1 and all(map(_figure_row, lines)):
            for index in paragraph:  # an unmarked list of rows: one item per line
                span = trim(self.text, self.lines[index].start, self.lines[index].end)
                self.drafts.append(DraftBlock("list_item", span.start, span.end))
            return
        if parent is None and (rows := self._key_figure_rows(paragraph)):
            for row in rows:  # each figure with its caption, wrapped or not
                span = trim(self.text, self.lines[row[0]].start, self.lines[row[-1]].end)
                self.drafts.append(DraftBlock("list_item", span.start, span.end))
            return
        if parent is None and heading_line(self.text[first.start : first.end]):
            if len(paragraph) == 1:
                self.drafts.append(DraftBlock("heading", first.start, first.end, 1))
                return
            second = self.lines[paragraph[1]]
            # a title over its byline ('Southern Cross Careers | Sydney | 11 March 2026') or a
            # posting's labelled lines ('Location: Austin, TX'), or in capitals over any line
            # ('ML ENGINEER PAY IN CANADA — 2025' / 'Compiled by ...')
            if (
                first.end - first.start < _HEADING_LENGTH_RATIO * (second.end - second.start)
                or meta_line(self.text[second.start : second.end])
                or is_byline(self.text[second.start : second.end])  # 'Hosted by X · Webinar ID
                or _LABEL_LINE.match(self.text, second.start, second.end)
                or (
                    self.text[first.start : first.end].isupper()
                    and len(_WORD.findall(self.text, second.start, second.end)) >= 3
                )
            ):
                self.drafts.append(DraftBlock("heading", first.start, first.end, 1))
                rest = paragraph[1:]
                if len(rest) > 1 and self._titles_byline(rest):
                    # 'WEBINAR TRANSCRIPT' / 'Hiring ML Engineers in Canada: ...' / 'Hosted by
                    # Northgate · Webinar ID ...': a subtitle over its byline is a heading too
                    self.drafts.append(
                        DraftBlock("heading", second.start, self.lines[rest[0]].end, 1)
                    )
                    second = self.lines[rest[1]]
                self.drafts.append(DraftBlock("paragraph", second.start, last.end))
                return
        self.drafts.append(DraftBlock("paragraph", first.start, last.end, parent=parent))

    def _key_figure_rows(self, paragraph: list[int]) -> list[list[int]]:
        """The rows of a key-figure list, each a figure at the paragraph's margin set apart from
        its caption, the caption's wrapped lines indented under it ('  3,412   live UK ads
        titled ...' / '          tracker, as of 10 October 2025' / '  9.6%    rise in ...'); []
        for other paragraphs."""
        lines, text = self.lines, self.text
        margin = lines[paragraph[0]].indent
        rows: list[list[int]] = []
        spaced = False  # one row at least sets its caption a column apart
        for index in paragraph:
            line = lines[index]
            if line.indent > margin and rows:
                rows[-1].append(index)
                continue
            opening = _FIGURE_FIRST.match(text, line.start, line.end)
            if line.indent != margin or opening is None:
                return []
            spaced = spaced or len(opening["gap"]) >= 2
            rows.append([index])
        return rows if len(rows) >= 2 and spaced else []

    def _titles_byline(self, paragraph: list[int]) -> bool:
        """Whether a paragraph's first line is a title over a byline on its second."""
        first, second = (self.lines[i] for i in paragraph[:2])
        under = self.text[second.start : second.end]
        return heading_line(self.text[first.start : first.end]) and (
            meta_line(under) or is_byline(under)
        )

    def _numbered_title(self, index: int, marker: str) -> bool:
        """A numbered line alone between blank lines or rules ('-----' / '3. CONTRACT RATES' /
        '-----'), title-like, not among numbered items at its own indent."""
        lines, text = self.lines, self.text
        if not marker[0].isdigit() or lines[index].indent > 0:
            return False

        def apart(i: int) -> bool:
            line = lines[i]
            return (
                line.blank
                or _RULE.fullmatch(text, line.start, line.end) is not None
                or BANNER.fullmatch(text, line.start, line.end) is not None
            )

        before, after = index - 1, index + 1
        if (before >= 0 and not apart(before)) or (after < len(lines) and not apart(after)):
            return False
        if not looks_like_title(text[lines[index].start : lines[index].end]):
            return False
        while before >= 0 and apart(before):
            before -= 1
        while after < len(lines) and apart(after):
            after += 1
        # (a set-in numbered list before it is a section's items, '     5. Power BI .... 27%'
        # over '6. A NOTE ON COSTS', not a list this line goes on)
        return not any(
            0 <= i < len(lines) and _is_numbered(text, lines[i]) and not lines[i].indent
            for i in (before, after)
        )


# A row's label: it opens with a capital, a digit or a currency sign, not a wrapped sentence's
# lower-case continuation.
_ROW_START = re.compile(r"^\s*[^\W_a-z]|^\s*\W")
_MAX_ROW = 90


def _figure_row(line: str) -> bool:
    """A line of an unmarked list of figures ('Junior (0–2 years): £45,000 – £65,000',
    'Bristol +6% £71,200'): short, opening like a label, stating money or a percentage, with
    no sentence punctuation. Consecutive such lines are rows, not one run-on sentence.

    >>> _figure_row("Netherlands: €62,000 – €120,000"), _figure_row("Entry Level")
    (True, False)
    >>> _figure_row("pay rose 5% in 2024 and is set to")
    False
    """
    stripped = line.strip()
    if len(stripped) > _MAX_ROW or not _ROW_START.match(stripped) or _SENTENCE_MARK.search(line):
        return False
    return any(q.unit is not None for q in find_quantities(stripped))


# A double hyphen opening an indented line: a release's bullet, where at the margin it is a
# dash of the sentence above ('a figure\n-- according to the survey -- that rose').
_INDENTED_MARKER = re.compile(r"(--)[ \t]+(?=\S)")
# Sentence punctuation inside or at the end of a line ('.' before a space or at the end).
_SENTENCE_MARK = re.compile(r"[.!?;]\s|[.!?;,]\s*$")


def _is_numbered(text: str, line: Line) -> bool:
    marker = LIST_MARKER.match(text, line.start, line.end)
    return bool(marker and marker.group(1)[0].isdigit())

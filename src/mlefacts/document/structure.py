"""What the HTML and text parsers share: draft blocks and the pass that turns them into a model.

Both parsers emit `DraftBlock`s and `Table`s in text order; `finish_blocks` then links sections and
list lead-ins and marks boilerplate, so every format gets the same structure rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from mlefacts.document.boilerplate import is_byline, mark_boilerplate
from mlefacts.document.model import Block, BlockKind, Card, Span, Table
from mlefacts.normalize.quantities import find_quantities
from mlefacts.toml_files import load_data


@dataclass(slots=True)
class DraftBlock:
    """A block under construction: `parent` may still be filled in by `finish_blocks`.

    `collapsed`: its text is known to hold no whitespace but single spaces (a span of a
    rendered chunk that holds no other), which spares the boilerplate tests collapsing it."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    marker: str = ""
    parent: int | None = None
    collapsed: bool = False


# A dot leader between a label and its figure ('Python ........ 79%', 'Senior .... $150,000').
DOT_LEADER = r"\.{3,}"
# A list item's marker as a text writes it: a bullet (a plain-text release's 'o' set apart by
# two spaces too: 'o  Japan's AI market expanded ...'), a number (a tie's 'T-4)' or '=4.' too;
# a number set apart by two spaces, a post's '1  Python') or a letter, then a space.
# A tie's mark before its rank ('T-4. Amsterdam', '=4. Munich').
TIE_MARK = r"(?:T-|=)"
LIST_MARKER = re.compile(
    rf"([•·▪◦‣●○■➢►▸➤→✓✔*+\-–]|o(?=[ \t]{{2}})|{TIE_MARK}?\d{{1,3}}(?:[.)]|(?=[ \t]{{2}}))"
    r"|[a-z][.)])"
    r"[ \t\u00a0]+(?=\S)"
)


def renumbered(kept: list[tuple[int, DraftBlock]]) -> list[DraftBlock]:
    """Drafts kept from a list, each with its index there, as a list whose `parent`s point at
    the new indexes (a parent no longer kept is None; several drafts made of one old draft
    take its place at the first of them)."""
    new_index: dict[int, int] = {}
    for new, (old, _) in enumerate(kept):
        new_index.setdefault(old, new)
    for _, draft in kept:
        if draft.parent is not None:
            draft.parent = new_index.get(draft.parent)
    return [draft for _, draft in kept]


def typed_lists(text: str, drafts: list[DraftBlock]) -> list[DraftBlock]:
    """Paragraphs that are list items typed as text ('<p>• Python</p>', '• a<br>• b', or
    numbered '<p>1. PyTorch</p>' paragraphs one after another) as one item per line, as a text
    page reads them. A paragraph with an unmarked line is left whole: '1. Data Engineer<br>Job
    Openings: 5,204<br>Median Base Salary: $128,000' is a numbered title over its card's lines.

    >>> page = "Skills:\\n\\n• Python\\n• SQL\\n\\n1. Fine print\\n\\n2. Data Engineer\\nJobs: 5"
    >>> drafts = [DraftBlock("paragraph", 0, 7), DraftBlock("paragraph", 9, 23),
    ...           DraftBlock("paragraph", 25, 38), DraftBlock("paragraph", 40, 64)]
    >>> [page[d.start:d.end] for d in typed_lists(page, drafts)][:4]
    ['Skills:', 'Python', 'SQL', '1. Fine print']
    """
    # each paragraph's marker, read once for both tests
    markers = [LIST_MARKER.match(text, d.start, d.end) for d in drafts]
    numbered = [_numbered(text, d, m) for d, m in zip(drafts, markers, strict=True)]
    kept: list[tuple[int, DraftBlock]] = []
    for index, (draft, marker) in enumerate(zip(drafts, markers, strict=True)):
        typed = (
            draft.kind == "paragraph"
            and draft.parent is None
            and marker is not None
            and (
                not marker.group(1)[0].isalnum()
                or any(0 <= i < len(drafts) and numbered[i] for i in (index - 1, index + 1))
                or text.count("\n", draft.start, draft.end) > 0
            )
            and all(_marked(text, line) for line in _lines(text, draft))
        )
        if not typed:
            kept.append((index, draft))
            continue
        for start, end in _lines(text, draft):
            marked = LIST_MARKER.match(text, start, end)
            if marked:
                span = trim(text, marked.end(), end)
                # a span of the paragraph's: collapsed if the paragraph is
                item = DraftBlock(
                    "list_item", span.start, span.end, 0, marked.group(1), None, draft.collapsed
                )
                kept.append((index, item))
    return renumbered(kept)


def _lines(text: str, draft: DraftBlock) -> list[tuple[int, int]]:
    spans, start = [], draft.start
    for line in text[draft.start : draft.end].split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _marked(text: str, line: tuple[int, int]) -> bool:
    return not text[line[0] : line[1]].strip() or bool(LIST_MARKER.match(text, *line))


def _numbered(text: str, draft: DraftBlock, marker: re.Match[str] | None) -> bool:
    """Whether a paragraph is a numbered item: every line of it numbered ('2. Docker');
    `marker` is `LIST_MARKER`'s match at its start."""
    return (
        draft.kind == "paragraph"
        and marker is not None
        and marker.group(1)[0].isdigit()
        and all(_marked(text, line) for line in _lines(text, draft))
    )


def heading_span(text: str, start: int, end: int) -> Span:
    """A heading's span: trimmed, without the colon that leads into what it heads
    ('Key responsibilities:', '**Singapore:**' over a table).

    >>> text = "Key duties: "
    >>> span = heading_span(text, 0, len(text)); text[span.start:span.end]
    'Key duties'
    """
    span = trim(text, start, end)
    if span.end - span.start > 1 and text[span.end - 1] in ":：":
        return trim(text, span.start, span.end - 1)
    return span


def trim(text: str, start: int, end: int) -> Span:
    """The span `[start, end)` without leading and trailing whitespace (possibly empty).

    >>> trim("  ab \\n", 0, 6)
    Span(start=2, end=4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def finish_blocks(
    text: str, drafts: list[DraftBlock], tables: list[Table], cards: list[Card]
) -> tuple[tuple[Block, ...], tuple[Table, ...], tuple[Card, ...]]:
    """Finish drafts: sections, lead-in parents of lists, boilerplate flags; tables and cards
    get sections."""
    _statements(text, drafts)
    _link_lead_ins(text, drafts)
    flags = mark_boilerplate(
        text, [(d.kind, d.start, d.end) for d in drafts], [d.collapsed for d in drafts]
    )
    blocks: list[Block] = []
    heading_starts: list[int] = []
    heading_indexes: list[int] = []
    section: int | None = None
    for index, (draft, boilerplate) in enumerate(zip(drafts, flags, strict=True)):
        blocks.append(
            Block(
                kind=draft.kind,
                start=draft.start,
                end=draft.end,
                level=draft.level,
                marker=draft.marker,
                section=section,
                parent=draft.parent,
                boilerplate=boilerplate,
            )
        )
        if draft.kind == "heading" and not boilerplate:
            section = index
            heading_starts.append(draft.start)
            heading_indexes.append(index)
        elif (
            boilerplate
            and heading_indexes
            and section != heading_indexes[0]
            and is_byline(text[draft.start : draft.end])
        ):  # a thread's next post ('**rob** · 22 Jan 2026'): the heading of the post above
            # (its poster's '*MLOps contractor / Edinburgh*') is not this one's
            section = heading_indexes[0]
    return (
        tuple(blocks),
        tuple(
            _with_section(_captioned_below(text, table, drafts), heading_starts, heading_indexes)
            for table in tables
        ),
        tuple(
            replace(card, section=_section_at(card.start, heading_starts, heading_indexes))
            for card in cards
        ),
    )


def _statements(text: str, drafts: list[DraftBlock]) -> None:
    """A heading that numbers a statistic and states it ('Stat #1: ML engineer postings grew
    38% between 2023 and 2025') becomes a paragraph of its statement, without the number: the
    sentence is the page's, the number only counts its statistics."""
    for draft in drafts:
        if draft.kind != "heading":
            continue
        found = _statement_heading().match(text, draft.start, draft.end)
        statement = text[found.end() : draft.end] if found else ""
        if found and len(statement.split()) >= _STATEMENT_WORDS:
            draft.kind, draft.start, draft.level = "paragraph", found.end(), 0


# Words a statement heading states at least: fewer are a label ('Stat #3: Pay').
_STATEMENT_WORDS = 4


@cache
def _statement_heading() -> re.Pattern[str]:
    """The number of a statement heading, up to its statement: 'Stat #1: ', 'Statistic 12 of
    40 — ', 'Fact 3. '."""
    nouns = "|".join(
        re.escape(noun).replace(r"\ ", r"\s+")
        for noun in load_data("table_terms")["statement_heading"]["nouns"]
    )
    return re.compile(
        rf"[\W_]*(?:{nouns})\s*(?:#|no\.)?\s*\d{{1,3}}(?:\s+of\s+\d{{1,4}})?\s*[:.)\u2013\u2014-]\s*",
        re.IGNORECASE,
    )


def _link_lead_ins(text: str, drafts: list[DraftBlock]) -> None:
    """A paragraph ending with ':' right before a list becomes the parent of its top items."""
    lead: int | None = None
    for index, draft in enumerate(drafts):
        if draft.kind == "heading":
            lead = None
        elif draft.kind == "paragraph" and draft.parent is None:
            lead = index if text[draft.end - 1] == ":" else None
        elif draft.kind == "list_item" and draft.level == 0 and draft.parent is None:
            draft.parent = lead


@cache
def caption_nouns() -> str:
    """The nouns that number a caption ('Table 2: ...', 'Fig. 3 ...') as a regex alternation:
    table_terms' one list, for the caption under a table and for a table title's number."""
    return "|".join(re.escape(noun) for noun in load_data("table_terms")["caption"]["nouns"])


@cache
def _caption_below() -> re.Pattern[str]:
    """A caption set under its table, numbered ('Table 2: ...'; emphasis around it allowed)."""
    return re.compile(rf"[*_ ]*(?:{caption_nouns()})\s+\d{{1,2}}[a-z]?\s*[.:–—-]\s*\S", re.I)


def _captioned_below(text: str, table: Table, drafts: list[DraftBlock]) -> Table:
    """A table without a caption takes the numbered caption line right under it ('Table 2:
    How Canadian ML engineers work, 2026'): it says what the table shows and is no lead-in
    of what follows."""
    if table.caption is not None:
        return table
    after = next((draft for draft in drafts if draft.start >= table.end), None)
    if (
        after is None
        or after.kind != "paragraph"
        or "\n" in text[after.start : after.end]
        or text[table.end : after.start].count("\n") > 2
        or not _caption_below().match(text, after.start, after.end)
    ):
        return table
    caption = trim(text, after.start, after.end)
    while caption.start < caption.end and text[caption.start] in "*_":
        caption = Span(caption.start + 1, caption.end)
    while caption.end > caption.start and text[caption.end - 1] in "*_":
        caption = Span(caption.start, caption.end - 1)
    return Table(table.start, table.end, table.header, table.rows, caption, table.section)


def _section_at(start: int, heading_starts: list[int], heading_indexes: list[int]) -> int | None:
    position = bisect_right(heading_starts, start)
    return heading_indexes[position - 1] if position else None


def _with_section(table: Table, heading_starts: list[int], heading_indexes: list[int]) -> Table:
    section = _section_at(table.start, heading_starts, heading_indexes)
    if section == table.section:
        return table
    return Table(table.start, table.end, table.header, table.rows, table.caption, section)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: `start`/`end` trimmed to its content, `indent` its leading width."""

    start: int
    end: int
    indent: int

    @property
    def blank(self) -> bool:
        return self.start == self.end


def split_lines(text: str) -> list[Line]:
    """Lines split at '\\n' with content bounds; tabs count as four columns of indentation.

    >>> split_lines("a\\n  b \\n")
    [Line(start=0, end=1, indent=0), Line(start=4, end=5, indent=2), Line(start=7, end=7, indent=0)]
    """
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        span = trim(text, position, end)
        indent = sum(4 if ch == "\t" else 1 for ch in text[position : span.start])
        lines.append(Line(span.start, span.end, indent if span.start < span.end else 0))
        position = end + 1
    return lines


MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(?=\S)")
# A rule with a short label set in it, which a slide deck's or a report's text export puts
# between its slides or pages ('==== Slide 3 ====', '--- Page 4 ---'): a separator, as a rule is.
BANNER = re.compile(r"[ \t]*([-=*_~#])\1{2,}[ \t]+(?=[^-=*_~#\s])[^\n]{1,60}?[ \t]+\1{3,}[ \t]*")


def title_span(text: str, line: Line) -> Span:
    """A heading line's span without markdown '#' marks (leading and closing).

    >>> t = "## Pay by level ##"
    >>> s = title_span(t, Line(0, len(t), 0)); t[s.start:s.end]
    'Pay by level'
    """
    heading = MARKDOWN_HEADING.match(text, line.start, line.end)
    start = heading.end() if heading else line.start
    end = line.end
    while heading and end > start and text[end - 1] == "#":
        end -= 1
    return trim(text, start, end)


_TERMINAL = frozenset(".,;:!")
_WORDS = re.compile(r"\S+")
_NUMBERING = re.compile(r"\d{1,3}[.)]\s+")
# A full stop ends a sentence after a word of four or more letters ('vs. X' does not).
_SENTENCE_END = re.compile(r"\w{4,}[.!?]\s+\S|[!?]\s+\S")


# A transcript's timestamp ('[00:04:35]', '(12:03)', '00:04:35'), and one opening a speaker's
# turn.
TIMESTAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?"
SPEAKER_TURN = re.compile(rf"[*_]*{TIMESTAMP}\s")
# A label and a sentence of three words or more after it, ending with a full stop.
_LABELLED_SENTENCE = re.compile(r":[*_]*\s+\S+\s+\S+\s+\S+[^:]*\.$")


def looks_like_title(line: str) -> bool:
    """A short line without sentence punctuation at its end: a heading or a table title.

    >>> looks_like_title("Responsibilities of a Machine Learning Engineer")
    True
    >>> looks_like_title("What does a data engineer do?"), looks_like_title("Pay rose 5%.")
    (True, False)
    >>> looks_like_title("2. Analyst vs. Engineer"), looks_like_title("Pay rose. It fell")
    (True, False)
    >>> looks_like_title("Skills of an ML Engineer."), looks_like_title("Pay varies a lot.")
    (True, False)
    >>> looks_like_title("Oslo pays the most; Bergen comes second.")
    False
    >>> looks_like_title("What they do:** Watch networks for threats.")
    False
    """
    line = line.strip("*_ \t")
    numbering = _NUMBERING.match(line)
    if numbering:
        line = line[numbering.end() :]
    if not line or len(line) > 120 or line[0].islower():
        return False
    words = _WORDS.findall(line[:121])
    if len(words) > 15 or _SENTENCE_END.search(line):
        return False
    if line[-1] == "." and not line.endswith(".."):
        if _LABELLED_SENTENCE.search(line):
            return False  # '**What they do:** Watch networks for threats.': a label's value
        # a title in title case ('Skills of an ML Engineer.') or one that asks ('What senior
        # engineers earn in London.'), not a short sentence that names places ('Warsaw pays the
        # most; Kraków comes second.')
        capitalized = sum(1 for word in words if word[0].isupper())
        return (
            len(words) <= 8
            and capitalized >= 2
            and (_title_case(line) or _ASKING.match(line) is not None)
            and not any(ch.isdigit() for ch in line)
        )
    return line[-1] not in _TERMINAL


# A title that asks without its question mark: 'What senior engineers earn in London.'
_ASKING = re.compile(r"(?:what|how|where|why|who|when|which)\b", re.IGNORECASE)


def heading_line(line: str) -> bool:
    """A plain line that reads as a heading: title-like, and not a statement of a figure.

    A line stating
    money, a percentage or a multiple is body text when it ends with the figure
    or is not in title case ('Average base salary: $168,400', 'Postings up 61% a year'); a
    title that mentions one stays a heading ('The $1 Trillion AI Market Explained').

    >>> heading_line("Pay by experience"), heading_line("Average base salary: $168,400")
    (True, False)
    >>> heading_line("Remote availability: 31% of roles offer remote work")
    False
    >>> heading_line("The $1 Trillion AI Market Explained"), heading_line("Top 10 AI Jobs")
    (True, True)

    A byline or a row of links ('By A. Writer · 5 May 2025 · 4 min read', '[Jobs](/jobs) ·
    [Blog](/blog)') names no section, so it heads nothing.

    >>> heading_line("*Weekly digest · Issue #7 · 2 min read*")
    False
    >>> heading_line("[Home](/) | [Pay](/pay)")
    False
    """
    if not looks_like_title(line) or _META_LINE.search(line):
        return False
    figures = [q for q in find_quantities(line) if q.unit is not None]
    if not figures:
        return True
    after = line[figures[-1].end :]
    return bool(_LETTER.search(after)) and _title_case(line)


def meta_line(line: str) -> bool:
    """A byline or breadcrumb: two separators between short segments, or a markdown link.

    >>> meta_line("Southern Cross Careers | Sydney | 11 March 2026"), meta_line("Pay rose 5%.")
    (True, False)
    """
    return _META_LINE.search(line) is not None


_LETTER = re.compile(r"[^\W\d_]")
# Two separators between short segments (a byline, a breadcrumb) or a markdown link.
_META_LINE = re.compile(r"[·|•].*[·|•]|\[[^\]]+\]\([^)]*\)")
# Words a title leaves in lower case.
_MINOR_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or")
    + ("per", "the", "to", "vs", "with")
)


def _title_case(line: str) -> bool:
    """Most words capitalized, as in 'Salaries Above $200K: Who Earns Them'."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _MINOR_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)

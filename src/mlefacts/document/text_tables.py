"""Tables written as plain text lines: a header line over rows that share a column structure.

Three layouts are recognized, tried in this order for each run of non-blank lines:

- pipe tables (`| a | b |`, markdown separator rows allowed);
- delimited tables, cells separated by tabs or two or more spaces;
- typed tables, single spaces everywhere, as text extracted from web pages leaves them
  ('Rank Industry Share' / '1 Information Technology 25%'). Each row is cut by value type: a
  leading key (rank, ordinal, range such as '18-24' or '55+'), a label, trailing values
  (percentages, money with a scale word, counts). Rows must agree on that shape. Rows without
  any value ('Primary focus on X Primary focus on Y') are cut where the line repeats its
  opening word. The header words are then split into as many cells as the rows have, by
  scoring boundaries with generic cues from `data/text_tables.toml`.

A statistics release's fixed-width table is found first: header lines over a long rule
('------'), their words placed under the columns the rows below take (a group over dashes
under every column the dashes cover: 'Employment' over '-------' over '2024   2034'), a
wrapped label's indented line and a rule before the totals within it, and a title with a note
in brackets under it ('Table 1. Employment by occupation' / '(Numbers in thousands)') as its
caption.

The caption is the title line just above the header (e.g. a numbered title or a heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mlefacts.document.model import Span, Table
from mlefacts.document.structure import BANNER, Line, looks_like_title, title_span, trim
from mlefacts.normalize.money import currency_codes, written_codes
from mlefacts.normalize.quantities import find_quantities
from mlefacts.toml_files import load_data

_TOKEN = re.compile(r"\S+")
# Tabs, two or more spaces, or a dot leader ('Entry level ........ $82,000').
# A column break: tabs, two spaces or more, or a dot leader ('Retail ...... 8%', and between
# spaces as short as two dots: 'vs Q3 2024 .. -3.1%').
_LEADERS = r" ?\.{4,} ?| \.{2,3} "
_DELIMITER = re.compile(rf"\t+| {{2,}}|{_LEADERS}")
_LEADER = re.compile(_LEADERS)
_PIPE = re.compile(r"\|")
_RULE = re.compile(r"\s*(?:-{3,}|={3,})\s*")
_COLUMN_RULES = re.compile(r"\s*(?:(?:-{2,}|={2,})\s*){2,}")
# Under a pipe table's header: '|---|:--:|', or an ASCII grid's '-----+-----+-----'.
_PIPE_SEPARATOR = re.compile(r"[|+]?\s*:?-{2,}:?\s*([|+]\s*:?-{2,}:?\s*)*[|+]?")
_LIST_START = re.compile(r"([•·▪*+\-–]|\d{1,3}[.)]|[a-zA-Z][.)]|#{1,6})\s")
_MONEY = r"[$€£₹¥]\s?\d[\d,]*(?:\.\d+)?(?:[kKmMbB][nN]?)?\+?"
_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?(?:[kKmMbB])?\+?"
_PERCENT = r"[-+]?\d[\d,]*(?:\.\d+)?%"
_RANGE = r"[$€£₹¥]?\d[\d,.]*[kKmM]?%?[-–][$€£₹¥]?\d[\d,.]*[kKmM]?%?"
_VALUE = re.compile(f"(?:{_MONEY}|{_PERCENT}|{_RANGE}|{_NUMBER})")
_KEY = re.compile(r"#?\d{1,4}(?:st|nd|rd|th)?|\d{1,3}[-–]\d{1,3}|\d{1,3}\+|[<>]\d{1,3}")
_SIGNED = re.compile(r"[+−-]")
_RANK_MARK = re.compile(r"#\d{1,3}")
_BRACKETED = re.compile(r"\([^()]*\)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_MAX_HEADER_TOKENS = 40
_MAX_LINE = 200
_MAX_LABEL_WORDS = 10
_CONTEXT_CHARS = 1500


@dataclass(frozen=True, slots=True)
class TextTable:
    """A detected table plus the lines it covers, so the text parser skips them.

    `lines` are indexes into the line list (header to last row); `caption_line` is the index
    of the title line just above, which the text parser keeps as a heading.
    """

    table: Table
    lines: range
    caption_line: int | None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    start_words: frozenset[str]
    head_nouns: frozenset[str]
    connectors: frozenset[str]
    scale_words: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    data = load_data("text_tables")
    return _Vocabulary(
        start_words=frozenset(data["start_words"]),
        head_nouns=frozenset(data["head_nouns"]),
        connectors=frozenset(data["connectors"]),
        scale_words=frozenset(data["scale_words"]),
    )


@dataclass(frozen=True, slots=True)
class _Grid:
    """Header and rows found at one place, before the caption is attached."""

    header: tuple[Span, ...]
    rows: tuple[tuple[Span, ...], ...]
    line_count: int


def find_text_tables(text: str, lines: list[Line]) -> list[TextTable]:
    """All tables in `text`, given its lines (see `structure.split_lines`).

    >>> from mlefacts.document.structure import split_lines
    >>> t = "Top roles\\n\\nRank Role Share of Jobs\\n1 Data Engineer 40%\\n2 Analyst 35%\\n"
    >>> [found] = find_text_tables(t, split_lines(t))
    >>> caption = found.table.caption
    >>> [t[s.start:s.end] for s in found.table.header], t[caption.start:caption.end]
    (['Rank', 'Role', 'Share of Jobs'], 'Top roles')
    """
    ruled = _ruled_tables(text, lines)
    taken = {
        index
        for table in ruled
        for index in range(
            table.lines.start if table.caption_line is None else table.caption_line,
            table.lines.stop,
        )
    }
    found: list[TextTable] = []
    for group in _groups(text, lines):
        if taken.intersection(group):
            continue
        # a table opens its run, or follows a title, or a title and a lead-in ending with a
        # colon ('SALARIES BY PROVINCE' / 'Average base salary, CAD:' / 'Ontario ... 124,000')
        attempts = {group[0], group[0] + 1} | _after_lead_in(text, lines, group)
        attempts |= _first_set_apart(text, lines, group)
        index = group[0]
        while index < group[-1]:
            grid = _grid_at(text, lines, index, group[-1]) if index in attempts else None
            if grid is None:
                index += 1
                continue
            caption_line = _caption_line(text, lines, index, group[0])
            if found and caption_line in found[-1].lines:
                caption_line = None
            caption = None if caption_line is None else title_span(text, lines[caption_line])
            last = lines[index + grid.line_count - 1]
            table = Table(lines[index].start, last.end, grid.header, grid.rows, caption)
            found.append(TextTable(table, range(index, index + grid.line_count), caption_line))
            index += grid.line_count
            attempts = {index, index + 1}
    return sorted([*found, *ruled], key=lambda table: table.table.start)


def _after_lead_in(text: str, lines: list[Line], group: list[int]) -> set[int]:
    """The line after the run's second when that one is a lead-in ending with a colon."""
    if len(group) < 3:
        return set()
    second = lines[group[1]]
    return {group[2]} if text[second.start : second.end].rstrip().endswith(":") else set()


def _capitals(text: str, line: Line) -> bool:
    """Whether a line's letters are all capitals, as a slide's or a report's title is (a note
    in brackets aside: 'TOOLS THE ADS NAME (share of ads, 2025)')."""
    bare = _BRACKETED.sub("", text[line.start : line.end])
    letters = [ch for ch in bare if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def _first_set_apart(text: str, lines: list[Line], group: list[int]) -> set[int]:
    """The first of the run's lines set apart in cells ('  Python ........ 88%', 'Hybrid
    51%') under a title or lead-in of more than one line, when the rows have no header line
    ('[Slide 6/12]' / 'WHERE THE WORK HAPPENS' over them)."""
    for position, index in enumerate(group):
        if _DELIMITER.search(text, lines[index].start, lines[index].end):
            return {index} if position >= 2 else set()  # else tried already
    return set()


def _groups(text: str, lines: list[Line]) -> list[list[int]]:
    """Runs of at least two consecutive non-blank lines, as line indexes; a rule line (the
    underline of a heading, '--------') ends a run as a blank line does."""
    groups: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.blank or _ruled(text, line):
            if len(current) >= 2:
                groups.append(current)
            current = []
        else:
            current.append(index)
    if len(current) >= 2:
        groups.append(current)
    return groups


def _ruled(text: str, line: Line) -> bool:
    """Whether a line is a rule ('--------') or a labelled one ('==== Slide 3 ====')."""
    return bool(
        _RULE.fullmatch(text, line.start, line.end) or BANNER.fullmatch(text, line.start, line.end)
    )


def _caption_line(text: str, lines: list[Line], header: int, group_start: int) -> int | None:
    """The title line right above the header: in the same run, or alone after one blank line
    or between rules ('-----' / 'TABLE 2. Salary bands by level (CAD)' / '-----'), the rule
    under it followed by a blank line or not."""

    def rule(index: int) -> bool:
        return _ruled(text, lines[index])

    def apart(index: int) -> bool:
        return lines[index].blank or rule(index)

    if header > group_start:
        candidate = header - 1
    else:
        candidate = header - 2
        if candidate > 0 and rule(candidate) and lines[candidate + 1].blank:
            candidate -= 1  # '-----' / '2. BY CITY' / '-----' / '' / 'Sydney  $142,000'
        if candidate < 0 or apart(candidate):
            return None
        if candidate > 0 and not apart(candidate - 1):
            return None
    line = lines[candidate]
    if candidate > 0 and _continues(text, lines[candidate - 1]):
        return None  # the last line of a lead-in wrapped over two: no title
    return candidate if looks_like_title(text[line.start : line.end]) else None


def _continues(text: str, line: Line) -> bool:
    """Whether a line runs on into the next: it ends with a comma, or with a bracket still
    open ('... (survey of 386 hiring managers,')."""
    written = text[line.start : line.end]
    return written.endswith(",") or written.count("(") > written.count(")")


def _grid_at(text: str, lines: list[Line], index: int, last: int) -> _Grid | None:
    header = lines[index]
    if header.end - header.start > _MAX_LINE or _LIST_START.match(text, header.start):
        return None
    for finder in (_pipe_grid, _delimited_grid, _typed_grid):
        grid = finder(text, lines, index, last)
        if grid is not None:
            return grid
    return None


def _cells(text: str, line: Line, delimiter: re.Pattern[str]) -> list[Span]:
    spans: list[Span] = []
    cursor = line.start
    for match in delimiter.finditer(text, line.start, line.end):
        spans.append(trim(text, cursor, match.start()))
        cursor = match.end()
    spans.append(trim(text, cursor, line.end))
    return spans


def _fit(cells: list[Span], width: int) -> tuple[Span, ...]:
    """Pad (with empty spans at the row's end) or truncate a row to the header width."""
    if len(cells) >= width:
        return tuple(cells[:width])
    end = cells[-1].end
    return tuple(cells) + (Span(end, end),) * (width - len(cells))


def _pipe_cells(text: str, line: Line) -> list[Span]:
    cells = _cells(text, line, _PIPE)
    if text[line.start] == "|":
        cells = cells[1:]
    if text[line.end - 1] == "|" and cells:
        cells = cells[:-1]
    return cells


def _pipe_grid(text: str, lines: list[Line], index: int, last: int) -> _Grid | None:
    if "|" not in text[lines[index].start : lines[index].end]:
        return None
    panes = _pane_rows(text, lines, index, last)
    if panes is not None:
        return panes
    header = _pipe_cells(text, lines[index])
    if len(header) < 2:
        return None
    cursor = index + 1
    separated = cursor <= last and _PIPE_SEPARATOR.fullmatch(
        text, lines[cursor].start, lines[cursor].end
    )
    if separated:
        cursor += 1
    rows: list[tuple[Span, ...]] = []
    while cursor <= last and "|" in text[lines[cursor].start : lines[cursor].end]:
        cells = _pipe_cells(text, lines[cursor])
        if not cells:
            break
        rows.append(_fit(cells, len(header)))
        cursor += 1
    if len(rows) < (1 if separated else 2):
        return None
    return _Grid(tuple(header), tuple(rows), cursor - index)


def _pane_rows(text: str, lines: list[Line], index: int, last: int) -> _Grid | None:
    """Label-and-figure pairs set side by side in panes a bar divides ('Python   83%   |
    MLflow   31%', a slide's two columns): one row a pair, line by line, with no header."""
    rows: list[tuple[Span, ...]] = []
    cursor = index
    while cursor <= last and "|" in text[lines[cursor].start : lines[cursor].end]:
        for pane in _cells(text, lines[cursor], _PIPE):
            if pane.start == pane.end:
                continue  # 'AWS   47%   |': the right pane runs out first
            pair = _cells(text, Line(pane.start, pane.end, 0), _DELIMITER)
            if len(pair) != 2 or not _figure_cell(text, pair[1]):
                return None
            rows.append(tuple(pair))
        cursor += 1
    if cursor - index < 2 or len(rows) < 3:
        return None
    empty = Span(lines[index].start, lines[index].start)
    return _Grid((empty, empty), tuple(rows), cursor - index)


def _delimited_grid(text: str, lines: list[Line], index: int, last: int) -> _Grid | None:
    header = _cells(text, lines[index], _DELIMITER)
    if len(header) < 2 or any(s.end - s.start > 60 for s in header):
        return None
    tabbed = "\t" in text[lines[index].start : lines[index].end]
    rows: list[tuple[Span, ...]] = []
    cursor = index + 1
    if _figure_cell(text, header[-1]) or _RANK_MARK.fullmatch(text, header[0].start, header[0].end):
        # no header line: the first line is a row already ('Hybrid   51%', '#1   Kubernetes')
        rows.append(tuple(header))
        header = [Span(lines[index].start, lines[index].start)] * len(header)
    elif cursor <= last and _COLUMN_RULES.fullmatch(text, lines[cursor].start, lines[cursor].end):
        cursor += 1  # the header underlined column by column: '----   ------   ------'
    elif cursor <= last and not tabbed and (more := _header_more(text, header, lines[cursor])):
        rows.append(more)  # the table reader folds it into the header ('Median' / '(S$)')
        cursor += 1
    cornered = _corner_left_blank(text, lines, index, cursor, last, len(header))
    if cornered:
        # 'Persons employed   Share (%)' set in over 'EU   10 262   5.0': the labels' column
        # has no header; its corner is empty
        corner = Span(lines[index].start, lines[index].start)
        header = [corner, *header]
        rows = [(Span(row[0].start, row[0].start), *row) for row in rows]
    while cursor <= last:
        cells = _cells(text, lines[cursor], _DELIMITER)
        cells = _noted(text, _coded(text, cells, len(header)), len(header))
        if len(cells) != len(header) or _LIST_START.match(text, lines[cursor].start):
            break
        rows.append(tuple(cells))
        cursor += 1
    # (one row under a header set in past its label is a table: '0-2 yrs   3-5 yrs ...' over
    # 'Median   520   680 ...')
    if len(rows) < (1 if tabbed or cornered else 2):
        return None
    return _Grid(tuple(header), tuple(rows), cursor - index)


def _corner_left_blank(
    text: str, lines: list[Line], index: int, cursor: int, last: int, width: int
) -> bool:
    """Whether a header line set in past the rows' labels ('                   Persons
    employed      Share ...') heads all but the first column: its first row has one cell more,
    and that cell is a label, no figure."""
    if cursor > last or lines[index].indent <= lines[cursor].indent:
        return False
    first = _noted(text, _cells(text, lines[cursor], _DELIMITER), width + 1)
    return len(first) == width + 1 and not _VALUE.fullmatch(text, first[0].start, first[0].end)


def _header_more(text: str, header: list[Span], line: Line) -> tuple[Span, ...] | None:
    """The second line of a fixed-width header, its words under the columns they go on
    ('Median' over '(S$)', 'Employees' over '(number)'): fewer cells than the header (or as
    many, each opening with a bracket or in lower case), no figure, each cell under a different
    header cell. As a row of the header's width (empty
    elsewhere), else None."""
    cells = _cells(text, line, _DELIMITER)
    if any(_VALUE.search(text, c.start, c.end) for c in cells):
        return None
    # as many cells as the header only when each goes on with its words ('(thousands)',
    # 'employment (%)' under 'Persons employed', 'Share of total'), not a row of text
    if len(cells) > len(header) or (
        len(cells) == len(header)
        and not all(text[c.start] in "(" or text[c.start].islower() for c in cells)
    ):
        return None
    row = [Span(line.start, line.start)] * len(header)
    for cell in cells:
        under = [
            index
            for index, top in enumerate(header)
            if min(top.end, _at_column(text, top, cell.end))
            > max(top.start, _at_column(text, top, cell.start))
        ]
        if len(under) != 1 or row[under[0]].end > line.start:
            return None
        row[under[0]] = cell
    return tuple(row)


def _at_column(text: str, top: Span, position: int) -> int:
    """The position on the line of `top` at the same column as `position` on its own line."""
    return text.rfind("\n", 0, top.start) + 1 + _column(text, position)


def _noted(text: str, cells: list[Span], width: int) -> list[Span]:
    """A row's cells with a note set apart after its last figure ('2027    98.9  (estimate)')
    joined to that cell: the note belongs to the figure, no column of its own."""
    if len(cells) == width + 1 and _NOTE.fullmatch(text, cells[-1].start, cells[-1].end):
        return [*cells[:-2], Span(cells[-2].start, cells[-1].end)]
    return cells


def _coded(text: str, cells: list[Span], width: int) -> list[Span]:
    """A row's cells with a currency's code set apart from its figure by the column's padding
    ('EUR  78,000', 'PLN 264,000' aligned under one header) joined to it, when that leaves the
    row as wide as its header."""
    if len(cells) <= width:
        return cells
    joined: list[Span] = []
    for cell in cells:
        if (
            joined
            and text[joined[-1].start : joined[-1].end] in written_codes()
            and text[cell.start : cell.start + 1].isdigit()
        ):
            joined[-1] = Span(joined[-1].start, cell.end)
        else:
            joined.append(cell)
    return joined if len(joined) == width else cells


# A short note in brackets: '(estimate)', '(forecast)', '(e)', '(p)'.
_NOTE = re.compile(r"\([^()\d]{1,20}\)")


def _figure_cell(text: str, cell: Span) -> bool:
    """A cell holding money in any currency or a percentage (a range or open bound too,
    'R380 000 - R460 000', 'CHF 95'000+', a change '+34%'), maybe with what it counts after
    it ('89% of postings', '$120,000 a year'), or a count written with its thousands grouped
    ('16,870'): a value, never a column name."""
    if _GROUPED_COUNT.fullmatch(text, cell.start, cell.end):
        return True
    found = find_quantities(text, cell.start, cell.end)
    return (
        len(found) == 1
        and (found[0].start == cell.start or _SIGNED.fullmatch(text, cell.start, found[0].start))
        and (found[0].end == cell.end or FIGURE_TAIL.fullmatch(text, found[0].end, cell.end))
        and found[0].unit is not None
        and (found[0].unit == "percent" or found[0].unit in currency_codes())
    )


# A count with its thousands grouped: '16,870', '1,204,000' (a year or a version is never one).
_GROUPED_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+")
# Words after a cell's figure that say what it counts or per what: 'of postings', 'a year'.
FIGURE_TAIL = re.compile(r"\s+(?:of|per|a|an)\s+[a-z][a-z ]{0,30}")


@dataclass(frozen=True, slots=True)
class _Cell:
    kind: str
    span: Span


def _tokens(text: str, line: Line) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _TOKEN.finditer(text, line.start, line.end)]


def typed_row(text: str, tokens: list[Span], max_values: int | None = None) -> list[_Cell]:
    """Cut a row into a leading key, a label and up to `max_values` trailing values.

    >>> t = "1 United States $5.12 billion 25%"
    >>> row = typed_row(t, _tokens(t, Line(0, len(t), 0)))
    >>> [(c.kind, t[c.span.start:c.span.end]) for c in row]
    [('key', '1'), ('label', 'United States'), ('value', '$5.12 billion'), ('value', '25%')]
    """
    scale_words, codes = _vocabulary().scale_words, written_codes()
    limit = len(tokens) if max_values is None else max_values
    values: list[_Cell] = []
    end = len(tokens)
    while end > 0 and len(values) < limit:
        word = text[tokens[end - 1].start : tokens[end - 1].end]
        if (
            end >= 2
            and word.lower() in scale_words
            and _is_value(text, tokens[end - 2])
            and text[tokens[end - 2].end - 1] != "%"
        ):
            values.append(_Cell("value", Span(tokens[end - 2].start, tokens[end - 1].end)))
            end -= 2
        elif _is_value(text, tokens[end - 1]):
            # a currency's code written apart before its figure ('CAD 127K') is the figure's
            coded = end >= 2 and text[tokens[end - 2].start : tokens[end - 2].end] in codes
            start = tokens[end - 2 if coded else end - 1].start
            values.append(_Cell("value", Span(start, tokens[end - 1].end)))
            end -= 2 if coded else 1
        else:
            break
    values.reverse()
    cells: list[_Cell] = []
    begin = 0
    if end > 1 and _KEY.fullmatch(text, tokens[0].start, tokens[0].end):
        cells.append(_Cell("key", tokens[0]))
        begin = 1
    if begin < end:
        only_key = (
            end - begin == 1 and begin == 0 and _KEY.fullmatch(text, tokens[0].start, tokens[0].end)
        )
        cells.append(
            _Cell("key" if only_key else "label", Span(tokens[begin].start, tokens[end - 1].end))
        )
    elif len(values) >= 2 and _KEY.fullmatch(text, values[0].span.start, values[0].span.end):
        values[0] = _Cell("key", values[0].span)
    return cells + values


def _value_count(cells: list[_Cell]) -> int:
    return sum(1 for c in cells if c.kind == "value")


def _shape(cells: list[_Cell]) -> tuple[str, ...]:
    """Keys and labels are alike as leading cells ('Under 50' vs '50-500'); values are not."""
    return tuple("value" if c.kind == "value" else "lead" for c in cells)


def _is_value(text: str, token: Span) -> bool:
    return _VALUE.fullmatch(text, token.start, token.end) is not None


def _parallel_row(text: str, tokens: list[Span]) -> list[_Cell] | None:
    """Cut a row of two parallel phrases where the second repeats the first one's opening word."""
    if len(tokens) < 4 or _SENTENCE_BREAK.search(text, tokens[0].start, tokens[-1].end):
        return None
    if text[tokens[-1].end - 1] in ".:;,":
        return None
    first = text[tokens[0].start : tokens[0].end]
    if not first[0].isupper():
        return None
    middle = len(tokens) / 2
    candidates = [
        k for k in range(2, len(tokens) - 1) if text[tokens[k].start : tokens[k].end] == first
    ]
    if not candidates:
        return None
    cut = min(candidates, key=lambda k: abs(k - middle))
    return [
        _Cell("label", Span(tokens[0].start, tokens[cut - 1].end)),
        _Cell("label", Span(tokens[cut].start, tokens[-1].end)),
    ]


def _typed_grid(text: str, lines: list[Line], index: int, last: int) -> _Grid | None:
    """Rows cut by value type. All rows keep as many trailing values as the one with fewest
    ('Under 50 $95,000 3%' keeps '50' in its label when another row has two values)."""
    header_tokens = _tokens(text, lines[index])
    if not _plausible_header(text, lines[index], header_tokens):
        return None
    below = lines[index + 1] if index + 1 <= last else None
    if below is not None and (
        _LEADER.search(text, below.start, below.end)
        or (_capitals(text, lines[index]) and _DELIMITER.search(text, below.start, below.end))
    ):
        # 'INDUSTRY MIX ...' over 'Technology ......... 38%', or a title in capitals ('WHERE
        # THE WORK HAPPENS') over 'Hybrid      51%': a title over rows set apart as its own
        # words are not ('City Median Salary' over 'London  £85,000' stays a header)
        return None
    token_rows: list[list[Span]] = []
    for cursor in range(index + 1, last + 1):
        line = lines[cursor]
        if line.end - line.start > _MAX_LINE or _LIST_START.match(text, line.start):
            break
        token_rows.append(_tokens(text, line))
    if not token_rows:
        return None
    rows = _parallel_rows(text, token_rows) or _value_rows(text, token_rows)
    if not rows:
        return None
    kinds = [
        "key" if all(r[j].kind == "key" for r in rows) else rows[0][j].kind
        for j in range(len(rows[0]))
    ]
    if len(kinds) > len(header_tokens):
        return None
    if len(rows) < 2 and set(kinds) != {"value"}:
        return None
    context = text[max(0, lines[index].start - _CONTEXT_CHARS) : lines[index].start].lower()
    header = _split_header(text, header_tokens, tuple(kinds), context)
    if header is None:
        return None
    grid_rows = tuple(tuple(c.span for c in row) for row in rows)
    return _Grid(header, grid_rows, len(rows) + 1)


def _parallel_rows(text: str, token_rows: list[list[Span]]) -> list[list[_Cell]]:
    """The leading rows that are two parallel phrases each, when the first one is."""
    rows: list[list[_Cell]] = []
    for tokens in token_rows:
        if _value_count(typed_row(text, tokens)):
            break
        cells = _parallel_row(text, tokens)
        if cells is None:
            break
        rows.append(cells)
    return rows


def _value_rows(text: str, token_rows: list[list[Span]]) -> list[list[_Cell]]:
    """The leading rows that share one shape once cut to a common number of trailing values,
    or that are a key and a label each ('1 Python')."""
    keyed = [typed_row(text, tokens) for tokens in token_rows]
    if [c.kind for c in keyed[0]] == ["key", "label"]:
        rows: list[list[_Cell]] = []
        for cells in keyed:
            if [c.kind for c in cells] != ["key", "label"] or _long_label(text, cells):
                break
            rows.append(cells)
        return rows
    counts: list[int] = []
    for cells in keyed:
        count = _value_count(cells)
        if count == 0:
            break
        counts.append(count)
    if not counts:
        return []
    width = min(counts)
    rows = []
    shape: tuple[str, ...] | None = None
    for index, count in enumerate(counts):
        cells = keyed[index] if count == width else typed_row(text, token_rows[index], width)
        row_shape = _shape(cells)
        if len(cells) < 2 or (shape and row_shape != shape) or _long_label(text, cells):
            break
        shape = row_shape
        rows.append(cells)
    return rows


def _long_label(text: str, cells: list[_Cell]) -> bool:
    if all(c.kind == "label" for c in cells):
        return False
    return any(
        c.kind == "label" and len(text[c.span.start : c.span.end].split()) > _MAX_LABEL_WORDS
        for c in cells
    )


def _plausible_header(text: str, line: Line, tokens: list[Span]) -> bool:
    words = text[line.start : line.end]
    return (
        2 <= len(tokens) <= _MAX_HEADER_TOKENS
        and not words[0].islower()
        and words[-1] not in ".,;:!"
        and not any(_is_value(text, t) and text[t.start] in "$€£₹¥" for t in tokens)
        and "%" not in words
        and _SENTENCE_BREAK.search(words) is None
    )


def _split_header(
    text: str, tokens: list[Span], shape: tuple[str, ...], context: str
) -> tuple[Span, ...] | None:
    """Split header words into `len(shape)` cells, maximizing a score of generic cues.

    Dynamic programming over cut points: `best[j][t]` is the best score for the first `t`
    words in `j` cells.
    """
    words = [text[t.start : t.end] for t in tokens]
    allowed = _allowed_cuts(words)
    n, width = len(words), len(shape)
    minus_infinity = float("-inf")
    best = [[minus_infinity] * (n + 1) for _ in range(width + 1)]
    back = [[0] * (n + 1) for _ in range(width + 1)]
    best[0][0] = 0.0
    for j in range(1, width + 1):
        for t in range(j, n - (width - j) + 1):
            for s in range(j - 1, t):
                if best[j - 1][s] == minus_infinity or (s > 0 and not allowed[s]):
                    continue
                score = best[j - 1][s] + _cell_score(words, s, t, shape[j - 1], context)
                if score > best[j][t]:
                    best[j][t], back[j][t] = score, s
    if best[width][n] == minus_infinity:
        return None
    cuts = [n]
    for j in range(width, 0, -1):
        cuts.append(back[j][cuts[-1]])
    cuts.reverse()
    return tuple(
        Span(tokens[a].start, tokens[b - 1].end) for a, b in zip(cuts, cuts[1:], strict=False)
    )


def _bare(word: str) -> str:
    return word.strip("()[],.:;*\"'").lower()


def _allowed_cuts(words: list[str]) -> list[bool]:
    """Where a cell may start: not inside brackets, not on a lower-case word or after 'of'."""
    connectors = _vocabulary().connectors
    allowed = [True] * len(words)
    depth = 0
    for i, word in enumerate(words):
        opens_here = depth == 0
        opened = word.count("(") + word.count("[")
        depth = max(0, depth + opened - word.count(")") - word.count("]"))
        if i == 0:
            continue
        allowed[i] = (
            opens_here
            and not word.startswith(("(", "["))
            and not word[0].islower()
            and words[i - 1].lower() not in connectors
        )
    return allowed


def _cell_score(words: list[str], start: int, end: int, kind: str, context: str) -> float:
    vocabulary = _vocabulary()
    first = _bare(words[start])
    score = 0.0
    if start > 0:
        if first in vocabulary.start_words:
            score += 2
        previous = words[start - 1]
        if _bare(previous) in vocabulary.head_nouns or previous.endswith(")"):
            score += 1
    if kind == "key" and end - start == 1:
        score += 1
    if kind == "value" and first in vocabulary.start_words:
        score += 1
    if kind == "label" and end - start >= 2 and " ".join(words[start:end]).lower() in context:
        score += end - start
    return score


# A statistics release's fixed-width table: header lines over a rule, rows below it, a row's
# label wrapped onto an indented line, a rule before the totals ('Total, all occupations').
_MIN_RULE = 20
_MAX_HEADER_LINES = 4
# A cell no figure fills: a statistics office's dash for 'not available' ('--', '(1)').
_NOT_AVAILABLE = re.compile(r"-{1,3}|–|—|\(\d\)|n/?a", re.IGNORECASE)


def _ruled_tables(text: str, lines: list[Line]) -> list[TextTable]:
    """The fixed-width tables of `text`: every long rule with header lines right above it and
    rows right below it."""
    found: list[TextTable] = []
    for index, line in enumerate(lines):
        if found and index < found[-1].lines.stop:
            continue
        if _long_rule(text, line):
            table = _ruled_table(text, lines, index)
            if table is not None:
                found.append(table)
    return found


def _header_line(text: str, line: Line) -> bool:
    """Whether a line above a table's rule may be a line of its header: not blank, no rule,
    no note in brackets nor a title set at the margin (a caption's), no sentence."""
    if line.blank or _long_rule(text, line) or text[line.start] == "(":
        return False
    cells = _cells(text, line, _DELIMITER)
    if len(cells) == 1 and line.indent == 0 and looks_like_title(text[line.start : line.end]):
        return False
    return not any(_SENTENCE.fullmatch(text, cell.start, cell.end) for cell in cells)


# A cell that is a sentence ('Source: our survey of engineers.'), which no header holds.
_SENTENCE = re.compile(r"(?:\S+\s+){3,}\S*[.!?]")
_DASHES = re.compile(r"-{3,}")


def _long_rule(text: str, line: Line) -> bool:
    return (
        line.end - line.start >= _MIN_RULE
        and _RULE.fullmatch(text, line.start, line.end) is not None
    )


def _ruled_table(text: str, lines: list[Line], rule: int) -> TextTable | None:
    """The table whose header rule is line `rule`, or None when the lines around it are no
    header over rows of figures."""
    top = rule
    while top > 0 and rule - top < _MAX_HEADER_LINES and _header_line(text, lines[top - 1]):
        top -= 1
    heads = [_cells(text, lines[i], _DELIMITER) for i in range(top, rule)]
    if max((len(cells) for cells in heads), default=0) < 2:
        return None  # a title over a rule ('SALARIES BY CITY' / '--------') heads no columns
    if any(_figure_cell(text, cell) for cells in heads for cell in cells):
        return None
    if any(lines[i].end - lines[i].start > _MAX_LINE for i in range(top, rule)):
        return None
    body = _ruled_rows(text, lines, rule + 1)
    if body is None:
        return None
    rows, end = body
    width = len(rows[0])
    extents = [_extent(text, [row[column] for row in rows]) for column in range(width)]
    header_rows = _header_rows(text, lines[top:rule], heads, extents)
    if not header_rows:
        return None  # dashes over the rule, no words: nothing heads the columns
    header, *more = header_rows
    caption_line, caption = _ruled_caption(text, lines, top)
    table = Table(lines[top].start, lines[end - 1].end, header, (*more, *rows), caption)
    # the note under the caption ('(Numbers in thousands)') is the caption's, no block's
    first = top if caption_line is None else caption_line + 1
    return TextTable(table, range(first, end), caption_line)


def _ruled_rows(
    text: str, lines: list[Line], first: int
) -> tuple[list[tuple[Span, ...]], int] | None:
    """The rows from line `first` on, as many cells each as the first, across a rule with more
    rows below it (the totals); and the index of the line after the table's last (its closing
    rule included). A wrapped label's indented second line ('  scientists') is the table's but
    no cell's: a cell is one stretch of the text, and the row's figures stand between the two.
    None when fewer than two rows state figures."""
    rows: list[tuple[Span, ...]] = []
    index = first
    while index < len(lines) and not lines[index].blank:
        line = lines[index]
        cells = _cells(text, line, _DELIMITER)
        wrapped = (
            rows
            and len(cells) == 1
            and line.indent > lines[index - 1].indent
            and not _VALUE.search(text, line.start, line.end)
        )
        if not (_long_rule(text, line) or wrapped):
            width = len(rows[0]) if rows else len(cells)
            if len(cells) < 2 or len(cells) != width or not _row_of_figures(text, cells):
                break
            rows.append(tuple(cells))
        index += 1
    return (rows, index) if len(rows) >= 2 else None


def _row_of_figures(text: str, cells: list[Span]) -> bool:
    """A label, then figures or marks for 'not available' only."""
    return all(
        _VALUE.fullmatch(text, cell.start, cell.end)
        or _NOT_AVAILABLE.fullmatch(text, cell.start, cell.end)
        for cell in cells[1:]
    ) and not _VALUE.fullmatch(text, cells[0].start, cells[0].end)


def _column(text: str, position: int) -> int:
    return position - (text.rfind("\n", 0, position) + 1)


def _extent(text: str, cells: list[Span]) -> tuple[int, int]:
    """The columns a column's cells take on their lines, from the leftmost start to the
    rightmost end."""
    return min(_column(text, c.start) for c in cells), max(_column(text, c.end) for c in cells)


def _header_rows(
    text: str, lines: list[Line], heads: list[list[Span]], extents: list[tuple[int, int]]
) -> list[tuple[Span, ...]]:
    """The header lines' cells by column. A run of dashes under a cell ('Employment' over
    '-------------' over '2024     2034') makes it head every column the dashes cover, as a
    cell spanning columns does in HTML; the dashes head none."""
    rows = []
    for number, (line, cells) in enumerate(zip(lines, heads, strict=True)):
        below = [
            (_column(text, cell.start), _column(text, cell.end))
            for under in heads[number + 1 :]
            for cell in under
            if _DASHES.fullmatch(text, cell.start, cell.end)
        ]
        words = [cell for cell in cells if not _DASHES.fullmatch(text, cell.start, cell.end)]
        if words:
            rows.append(_by_column(text, line, words, extents, below))
    return rows


def _by_column(
    text: str,
    line: Line,
    cells: list[Span],
    extents: list[tuple[int, int]],
    dashes: list[tuple[int, int]],
) -> tuple[Span, ...]:
    """A header line's cells, each under the column it overlaps most (the nearest when it
    overlaps none), or under every column the `dashes` below it cover; the words of one line
    under one column make one cell."""
    placed: list[Span | None] = [None] * len(extents)
    for cell in cells:
        span = _column(text, cell.start), _column(text, cell.end)
        under = next((d for d in dashes if min(d[1], span[1]) > max(d[0], span[0])), None)
        columns = (
            [index for index, extent in enumerate(extents) if _closeness(under, extent)[0] > 0]
            if under is not None
            else []
        ) or [max(range(len(extents)), key=lambda index: _closeness(span, extents[index]))]
        for column in columns:
            held = placed[column]
            placed[column] = cell if held is None else Span(held.start, cell.end)
    empty = Span(line.start, line.start)
    return tuple(empty if cell is None else cell for cell in placed)


def _closeness(span: tuple[int, int], extent: tuple[int, int]) -> tuple[int, int]:
    """How well a header cell's columns fit a column's: by overlap, then by their centres."""
    (start, end), (left, right) = span, extent
    return min(end, right) - max(start, left), -abs((start + end) - (left + right))


def _ruled_caption(text: str, lines: list[Line], top: int) -> tuple[int | None, Span | None]:
    """The title above a fixed-width table's header, one blank line between them or none, with
    the note in brackets right under it ('Table 1. Employment by occupation' / '(Numbers in
    thousands)'): its line, and its span up to the note's end."""
    index = top - 1
    if index >= 0 and lines[index].blank:
        index -= 1
    if index < 0 or lines[index].blank:
        return None, None
    note_end = None
    line = lines[index]
    if (
        text[line.start] == "("
        and text[line.end - 1] == ")"
        and index > 0
        and not lines[index - 1].blank
    ):
        note_end = line.end
        index -= 1
        line = lines[index]
    if not looks_like_title(text[line.start : line.end]):
        return None, None
    title = title_span(text, line)
    return index, Span(title.start, note_end if note_end is not None else title.end)

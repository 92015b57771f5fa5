"""The frame of a table's figures: its columns and what their cells hold, each row's label,
and what the table as a whole is about (caption, title, role, the text around it).

Every claim of a table reads its figure in this frame: the row's label gives its category,
experience level or role, the column header its measure, the caption its population. The
claim builders by kind live in `table_money` (salaries, market figures) and `table_breakdowns`
(shares, counts, rankings); `tables` classifies a table and dispatches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import Any, Literal

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.document.structure import caption_nouns
from mlefacts.document.text_tables import FIGURE_TAIL
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    PAY_INCLUDES,
    Amount,
    amounts,
    as_local_dollar,
    find_experience_level,
    find_places,
    find_roles,
    first_role,
    in_currency,
    is_city,
    is_place,
    phrase_pattern,
    place_spans,
    time_share,
    vocabulary,
    years_level,
)
from mlefacts.extract.grammar import WH_WORD, is_question
from mlefacts.extract.label_scale import label_currency, label_factor
from mlefacts.extract.rank_marks import ORDINAL_ENDING, rank_cell
from mlefacts.extract.sections import clean_text, vocabulary_pattern
from mlefacts.extract.shares import table_people, table_share_whole, titled_people
from mlefacts.months import month_alternation
from mlefacts.normalize.money import header_currency, page_dollar
from mlefacts.normalize.numbers import general_scales
from mlefacts.normalize.quantities import find_years
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import data_words, load_data

# The extractor name every table claim carries, whichever module built it.
EXTRACTOR = "tables"

ColumnKind = Literal["rank", "percent", "money", "count", "integer", "decimal", "text", "empty"]
# What one cell holds (`cell_kind`): its kind, and its figure when it has one.
_CellKind = tuple[ColumnKind, Amount | None]

_ORDINAL_REST = re.compile(rf"[^\w]*{ORDINAL_ENDING}?[^\w]*", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_QUARTER = re.compile(rf"\b(?:Q[1-4]|H[12]|(?:{month_alternation()})\.?)(?=\W|$)", re.IGNORECASE)
UNSPECIFIED = "unspecified"
LABEL_KEYS = ("category", "company", "country", "region", "city")
# The qualifiers that place a figure.
PLACE_KEYS = frozenset({"city", "country", "region"})
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_NO_WORD = re.compile(r"[\W_]")  # what a cell holds besides letters and digits
_NO_WORD_CHAR = re.compile(r"\W")
_SOURCE_LINE = re.compile(r"\s*(?:source|data)\s*:", re.IGNORECASE)  # 'Source: ...' after a table
# A percentile as a header or row label: '10%', '25th', '90th percentile', 'P75', '50% (Median)',
# 'Median'. A bare number is no percentile: it needs '%', an ordinal ending, 'percentile' or 'P'.
_PERCENTILE = re.compile(
    r"^\W*(?:(?:p(?P<p>\d{1,2}))|(?P<n>\d{1,2})\s*(?P<mark>%|st|nd|rd|th)?\s*"
    r"(?P<word>percentile|pct\.?)?|(?P<median>median))\W*(?:\(?\s*median\s*\)?)?\W*$",
    re.IGNORECASE,
)
# A quartile's name: the lower ('Lower quartile', 'Q1', 'Unteres Quartil', 'premier quartile')
# or the upper ('Upper quartile', 'Q3', 'Oberes Quartil', 'troisième quartile').
_QUARTILE = re.compile(
    r"(?:(?P<low>lower|bottom|first|1st|unteres|erstes|premier)|upper|top|third|3rd|oberes"
    r"|drittes|troisième)\s+quartil[e]?|(?P<low2>q1)|q3",
    re.IGNORECASE,
)

# Two levels a label joins ('Graduate / Junior', 'Lead or principal', 'Staff and principal',
# 'Intermediate, 3–5 years'): the band opens at the first.
_LEVEL_PAIR = re.compile(
    r"(?P<first>[^/,]+?)\s*(?:/|,|\bor\b|\band\b|&)\s*(?P<second>[^/,]+)", re.IGNORECASE
)
_END_NAMED = re.compile(
    r"(?:low|lowest|bottom|high|highest|top|middle|mid)\s*\(\s*(?P<inner>[^()]+?)\s*\)",
    re.IGNORECASE,
)
# The share of earners at an end of the spread: 'Bottom 25%', 'Top 10%'.
_END_SHARE = re.compile(
    r"(?P<end>bottom|top|lowest|highest)\s+(?P<n>[1-4]?\d)\s*(?:%|per\s?cent)"
    # a card's label may say what the group earns: 'Bottom 10% earn below', 'Top 10% make over',
    # 'the lowest 10 percent earned less than'
    r"(?:\s+(?:of\s+)?(?:earners|earn|earns|earned|make|makes|made)(?:\s+(?:below|above|under|over|less"
    r"\s+than|more\s+than|at\s+least|at\s+most))?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: its index, header text (cleaned) and what its cells hold; `currency`
    is the one its header names for bare-number cells ('Annual base (SGD)')."""

    index: int
    header: str
    kind: ColumnKind
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class TableFrame:
    """What every claim of one table shares. `written` is the table as the page writes it when
    `table` reads it with its rows as columns (see `measures_as_rows`);
    `currency_column` the column that names each row's currency (see `currency_column`)."""

    doc: Document
    table: Table
    columns: tuple[Column, ...]
    caption: str
    title: str | None
    role: str | None
    written: Table | None = None
    currency_column: int | None = None

    def cell(self, row: tuple[Span, ...], column: Column) -> str:
        return clean_text(self.doc.span_text(row[column.index]))

    def headers(self) -> str:
        return " | ".join(column.header for column in self.columns)

    def quote(self, row: tuple[Span, ...], cell: Span) -> tuple[int, int]:
        """The row as the quote (the row as written, which holds the cell); only the cell when
        the row is too long to check by eye."""
        if self.written is not None:
            row = next((line for line in self.written.rows if cell in line), (cell,))
        start, end = row[0].start, row[-1].end
        return (start, end) if end - start <= MAX_QUOTE else (cell.start, cell.end)

    def context(self, column: Column | None) -> str | None:
        """What gave a cell its meaning: the table's title and the cell's column header."""
        parts = [part for part in (self.caption, column.header if column else "") if part]
        return " › ".join(dict.fromkeys(parts)) or None


def distinct_cells(row: tuple[Span, ...], columns: list[Column]) -> list[Column]:
    """The columns of a row whose cells are distinct: a cell spanning two columns is read once."""
    seen: set[Span] = set()
    kept = []
    for column in columns:
        if row[column.index] not in seen:
            seen.add(row[column.index])
            kept.append(column)
    return kept


def merged_header_rows(
    doc: Document, headers: list[str], rows: tuple[tuple[Span, ...], ...]
) -> tuple[list[str], tuple[tuple[Span, ...], ...]]:
    """Fold second header rows into the header: an all-text first row over rows with numbers.

    'Average annual salary' spanning two columns over 'Junior | Senior' gives the headers
    'Average annual salary Junior' and 'Average annual salary Senior'.
    """
    numeric = ("percent", "money", "integer", "decimal")

    currencies = [_header_currency(doc, clean_text(header)) for header in headers]

    def kinds(row: tuple[Span, ...]) -> list[ColumnKind]:
        pairs = zip(row, currencies, strict=True)
        # a bare range is a row's figure too ('78,000 – 94,000' under a caption's '(CAD)')
        return [
            "decimal" if _bare_range(doc, cell) else cell_kind(doc, cell, currency)[0]
            for cell, currency in pairs
        ]

    while len(rows) > 1 and all(kind not in numeric for kind in kinds(rows[0])):
        if not any(kind in numeric for row in rows[1:] for kind in kinds(row)):
            break
        if _labelled_row_of_roles(doc, headers, rows[0]):
            break  # 'Aspect | ML engineer | Data scientist' over 'Main output | ... | ...'
        if group_heading(doc, rows[0]):
            break  # 'By component | |' heads the rows of its group, not the columns

        extra = [doc.span_text(cell) for cell in rows[0]]
        headers = [
            " ".join(part for part in pair if part.strip())
            for pair in zip(headers, extra, strict=True)
        ]
        rows = rows[1:]
    return [clean_text(header) for header in headers], rows


def group_heading(doc: Document, row: tuple[Span, ...]) -> str | None:
    """The breakdown a row heads the rows below it by ('end use' for 'By end use', '**By
    component**', a cell spanning the row): such a label in its first cell and nothing in the
    others, else None; a row of a part whose figures are missing ('Latin America | |') is no
    group."""
    label = clean_text(doc.span_text(row[0]))
    if not label or len(row) < 2 or any(doc.span_text(cell).strip() for cell in row[1:]):
        return None
    named = _GROUP_BY.match(label)
    return label[named.end() :].strip(" *_:").lower() if named else None


# A group's heading names its breakdown: 'By component', 'By end use'.
_GROUP_BY = re.compile(r"\W*by\s+(?=\w)", re.IGNORECASE)


def _labelled_row_of_roles(doc: Document, headers: list[str], row: tuple[Span, ...]) -> bool:
    """A role-vs-role table's first row, labelled in its own first cell: data, not a second
    header row (a two-level header repeats or leaves empty the first column's label: 'City' /
    'City | Junior | Senior')."""
    label = clean_text(doc.span_text(row[0]))
    if not label or label == clean_text(headers[0]):
        return False
    return sum(bool(find_roles(header)) for header in headers[1:]) >= _COMPARED_ROLES


_COMPARED_ROLES = 2


def read_column(
    doc: Document, table: Table, index: int, header: str, currencies: int | None = None
) -> Column:
    """A column's kind: the kind all its non-empty cells share, refined by its header. Bare
    numbers are money in the currency the header names, else in their row's when the column
    `currencies` names one for each row."""
    currency = _header_currency(doc, header)
    read = [
        cell_kind(doc, row[index], currency or row_currency(doc, row, currencies), header)[0]
        for row in table.rows
    ]
    kinds = set(read) - {"empty"}
    if not kinds:
        return Column(index, header, "empty")
    if kinds == {"money", "text"} and _mostly_money(doc, table, index, read):
        kinds = {"money"}  # 'PHP 1.9m' among 'SGD 132,000' rows: a sum left unread, no text
    if kinds == {"percent"} or (
        kinds <= {"percent", "integer", "decimal"}
        and (_percent_header(header) or _percent_once(doc, table, index, read))
    ):
        return Column(index, header, "percent")
    if "money" in kinds and kinds <= {"money", "integer"}:
        return Column(index, header, "money", currency)
    if kinds == {"integer"}:
        return Column(index, header, _integer_column_kind(doc, table, index, header))
    if kinds <= {"integer", "decimal"} and _counted_in_thousands(header):
        return Column(index, header, "count")  # 'Employment, 2024 (thousands)' over '205.6'
    return Column(index, header, "text")


def _counted_in_thousands(header: str) -> bool:
    """A header that counts, or the change of a count, in a scale of a thousand or more
    ('Change, number (thousands)'): its decimals are whole counts. Money in thousands names its
    currency, and percentages no scale."""
    vocabulary = table_vocabulary()
    return (label_factor(header) or 0) >= _THOUSAND and bool(
        vocabulary["count"].search(header) or vocabulary["growth"].search(header)
    )


_THOUSAND = 1e3


def _percent_once(doc: Document, table: Table, index: int, read: list[str]) -> bool:
    """Whether a column writes its unit on its first figure only, as a statistics office's
    table does ('26%' over '21', '17', '9' under 'The largest employers of ... were as
    follows:'): its first cell a percentage, the others bare numbers, summing to a whole or
    less."""
    filled = [(row, kind) for row, kind in zip(table.rows, read, strict=True) if kind != "empty"]
    if len(filled) < 2 or filled[0][1] != "percent":
        return False
    if any(kind not in ("integer", "decimal") for _, kind in filled[1:]):
        return False
    total = 0.0
    for row, _ in filled:
        found = amounts(doc.text, row[index].start, row[index].end)
        if len(found) != 1:
            return False
        total += found[0].value
    return total <= _WHOLE


_WHOLE = 100.5


def _mostly_money(doc: Document, table: Table, index: int, read: list[str]) -> bool:
    """Whether a column of sums holds a few cells the money reader could not read, each with
    a digit (a currency it does not know as a code, 'PHP 1.9m'): one for three sums at most."""
    odd = [row[index] for row, kind in zip(table.rows, read, strict=True) if kind == "text"]
    return len(odd) * 3 <= read.count("money") and all(
        any(char.isdigit() for char in doc.span_text(cell)) for cell in odd
    )


# A header that is only a date: a year, or a month and its year ('Dec 2025', 'May 2024').
_DATE_HEADER = re.compile(r"(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d", re.IGNORECASE)
_FEWEST_RANKED_ROWS = 3


def _ranks_of_rows(values: list[int | None]) -> bool:
    """Whether a column's cells are the ranks 1 to N of its N rows in some order (at least
    three): the ranks a date-headed column of an index gives ('Dec 2024': 1, 3, 4, 2)."""
    ranks = sorted(value or 0 for value in values)
    return len(values) >= _FEWEST_RANKED_ROWS and ranks == list(range(1, len(values) + 1))


def _percent_header(header: str) -> bool:
    """A header that says its column's bare numbers are percentages ('%', 'Share', 'Percent')."""
    return "%" in header or bool(table_vocabulary()["percent"].search(header))


def _integer_column_kind(doc: Document, table: Table, index: int, header: str) -> ColumnKind:
    vocabulary = table_vocabulary()
    values = [rank_value(doc.span_text(row[index])) for row in table.rows]
    sequential = values == list(range(1, len(values) + 1))
    if _rank_header(header) or (not header.strip() and sequential):
        return "rank"
    if _DATE_HEADER.fullmatch(header.strip()) and _ranks_of_rows(values):
        return "rank"  # an index's 'Dec 2025 | Dec 2024' columns: each month's ranks
    if vocabulary["count"].search(header):
        return "count"
    return "integer"


def _rank_header(header: str) -> bool:
    """A header that names a rank column, maybe of one year, quarter or the year before ('Rank',
    '2026 rank', 'Q4 2025 rank', 'Last year's rank', 'Position (2025)')."""
    vocabulary = table_vocabulary()
    dated = _QUARTER.sub(" ", _YEAR.sub(" ", header))  # 'Q4 2025 rank', 'Mar 2026 rank'
    bare = vocabulary["rank_when"].sub(" ", _PARENTHESES.sub(" ", dated))
    return bool(vocabulary["rank"].fullmatch(" ".join(bare.split())))


def rank_column(columns: tuple[Column, ...]) -> Column | None:
    """The rank column that states the table's own ranks: of several ('2026 rank', '2025 rank';
    'Rank', 'Last year'), the latest, not the one a word or an earlier year marks as before."""
    ranks = [column for column in columns if column.kind == "rank"]
    before = table_vocabulary()["rank_before"]
    latest = max((int(y) for c in ranks for y in _YEAR.findall(c.header)), default=None)
    current = [
        column
        for column in ranks
        if not before.search(column.header)
        and all(int(year) == latest for year in _YEAR.findall(column.header))
    ]
    return current[0] if current else None


def currency_column(doc: Document, table: Table) -> int | None:
    """The column that names each row's currency, on a table comparing pay across countries
    ('Country | Currency | Junior | Senior' over 'Poland | PLN | 168.000 | 336.000'): every
    cell of it a currency alone, and a column of bare numbers beside it; else None."""
    others = range(len(table.header))
    for index in others:
        # asked cell by cell: most columns fail at their first row
        named = all(_names_currency(doc, row[index]) for row in table.rows)
        if table.rows and named and any(map(partial(_bare_numbers, doc, table.rows), others)):
            return index
    return None


def _names_currency(doc: Document, cell: Span) -> bool:
    """Whether a cell is a currency alone ('EUR', 'zł'), no figure."""
    text = doc.span_text(cell)
    return (
        len(text) <= _CURRENCY_CELL
        and not any(ch.isdigit() for ch in text)
        and _header_currency(doc, clean_text(text)) is not None
    )


# The longest cell that names a currency alone ('EUR', 'zł', 'PLN (zł)').
_CURRENCY_CELL = 12


def row_currency(doc: Document, row: tuple[Span, ...], currencies: int | None) -> str | None:
    """The currency the row's cell in the column `currencies` names, if any."""
    if currencies is None:
        return None
    return _header_currency(doc, clean_text(doc.span_text(row[currencies])))


def _header_currency(doc: Document, header: str) -> str | None:
    """The currency a pay or market-size column's header names; a price column ('Fee (USD)')
    is neither. A header may name a scale too ('Market size (USD billion)'): `cell_kind`
    multiplies by it."""
    vocabulary = table_vocabulary()
    # what the pay holds names no price ('Gross per year incl. holiday allowance (€)')
    priced = vocabulary["price"].search(PAY_INCLUDES.sub(" ", header))
    if priced and not vocabulary["market_size"].search(header):
        return None
    dollar = page_dollar(doc.text)
    plain = header_currency(header, dollar)
    if plain or label_factor(header) is None:  # 'Pay (USD K)': a scale not read, no currency
        return plain
    # a salary shorthand is its currency's own ('Average CTC (LPA)' over '7.2')
    return header_currency(header, dollar, scaled=True) or label_currency(header)


def with_caption_unit(
    doc: Document, headers: list[str], rows: tuple[tuple[Span, ...], ...], caption: str
) -> list[str]:
    """Headers of columns of bare numbers, given the currency and scale their caption names
    ('Regional revenue, USD billion' over '2024 | 2032' and '1.28 | 13.91' gives '2024 (USD
    billion)'), so that `read_column` reads their cells as money; a header that names a
    currency of its own, and every header when the caption names none, stay as they are, and
    so do tables whose rows are years (`market` reads those as a chart's data). A caption that
    opens by saying its figures are percentages ('% of each group using the tool', 'Share of
    respondents') makes bare numbers percentages the same way."""
    currency = _header_currency(doc, caption) if caption else None
    if currency is None and not _PERCENT_CAPTION.match(caption_number().sub("", caption)):
        return headers
    if all(single_year(clean_text(doc.span_text(row[0]))) for row in rows):
        return headers
    unit = "(%)" if currency is None else _money_unit(currency, label_factor(caption))
    if currency is None and any(map(_percent_header, headers)):
        return headers  # 'Country | Respondents | Share': the share column says it already
    return [
        f"{header} {unit}"
        if _bare_numbers(doc, rows, index)
        and not _header_currency(doc, header)
        # 'Years' over '0–2', '3–5': experience, no pay; '2–4 yrs' over pay names the band
        and not (YEARS_HEADER.search(header) and not _YEARS_BAND.search(header))
        # 'Openings' counts, in any money; 'Median total' is pay ('total' counts elsewhere),
        # and so is 'Total' beside 'Base' and 'Bonus'
        and (
            not table_vocabulary()["count"].search(_statistic_total().sub(" ", header))
            or _package_total(header, headers)
        )
        and not table_vocabulary()["sample"].search(header)  # 'Responses' beside the pay
        and not (header and _rank_header(header))  # 'Rank', 'Rank (2025)'
        and not _AGE_HEADER.search(header)  # 'Typical age' beside the salary column
        and not _RATING_HEADER.match(header)  # 'Rating' over '3.9 ★' beside the pay
        # 'Growth (%)' beside 'Spending' in a caption's millions: its own percentages
        and (currency is None or not _percent_header(header))
        and (currency is not None or _within_percent(doc, rows, index))
        else header
        for index, header in enumerate(headers)
    ]


# A column of people's ages ('Typical age*', 'Median age'), which a caption's money never is.
_AGE_HEADER = re.compile(r"\bages?\b", re.IGNORECASE)
# A column of reviewers' scores ('Rating', 'Employee rating', 'Stars'), never money either;
# not a part of pay that names one ('Bonus at top rating').
_RATING_HEADER = re.compile(
    r"\W*(?:(?:employee|user|average|overall|company)\s+)?(?:ratings?|scores?|stars?)\b",
    re.IGNORECASE,
)
# A column of a package's total alone: 'Total', 'Total (KRW)'; not 'Total ads'.
_TOTAL = re.compile(r"\W*total\W*(?:\([^()]*\)\W*)?$", re.IGNORECASE)


def _package_total(header: str, headers: list[str]) -> bool:
    """Whether a header names the total of a pay package whose parts other columns name
    ('Total' beside 'Base' and 'Bonus'): pay, not a count."""
    parts = ("base", "bonus", "stock")
    total = _TOTAL.match(header) or vocabulary("salary_terms", "component", "total").search(header)
    return bool(total) and any(
        vocabulary("salary_terms", "component", part).search(other)
        for other in headers
        if other != header
        for part in parts
    )


def _money_unit(currency: str, factor: float | None) -> str:
    """How a header names money in `currency` at the scale `factor`, as `label_factor` reads it:
    '(USD billion)'; '(JPY) (万)' for a scale written only joined to its unit ('万円'), which
    a header may set alone in brackets."""
    for entry in general_scales().values():
        if entry["value"] == factor and entry["words"]:
            return f"({currency} {entry['words'][0]})"
        if entry["value"] == factor and entry["joined_only"]:
            return f"({currency}) ({entry['joined_only'][0]})"
    return f"({currency})"


@cache
def _statistic_total() -> re.Pattern[str]:
    """A statistic of total pay ('Median total', 'Average total'): no count of anything."""
    words = [word for words in load_data("salary_terms")["statistic"].values() for word in words]
    return re.compile(rf"{phrase_pattern(tuple(words)).pattern}\s+total\b", re.IGNORECASE)


def with_noted_units(
    doc: Document, headers: list[str], rows: tuple[tuple[Span, ...], ...], caption: str
) -> tuple[list[str], str]:
    """Headers of columns of bare numbers given the unit their caption's note in brackets says
    they are in, clause by clause: '(Employment numbers in thousands; wages in dollars)' gives
    'Employment 2024 (thousands)' and 'Median annual wage (dollars)'. A column no clause names
    takes a scale the note gives without a currency ('Change, number', '(Numbers in
    thousands)'), unless it is pay. With the caption less that note, which has said all it
    says. A note giving one currency to every column ('(in USD thousands)', '(USD, in
    thousands)') or with a part no clause reads ('(EUR; figures in thousands)') is left to
    `with_caption_unit`; headers naming a unit of their own stay as they are."""
    note = _UNIT_NOTE.search(caption)
    parts = note.group(1).split(";") if note else []
    clauses = [clause for part in parts if (clause := _unit_clause(part))]
    if (
        note is None
        or len(clauses) < len(parts)  # '(EUR; figures in thousands)': a part it cannot place
        or all(not what and _in_currency(unit) for what, unit in clauses)
    ):
        return headers, caption
    pay = table_vocabulary()["pay"]
    noted = []
    for index, header in enumerate(headers):
        unit = None
        if _bare_numbers(doc, rows, index) and not _percent_header(header):
            words = _WORD.findall(header.lower())
            named = [u for what, u in clauses if any(_akin(w, t) for w in what for t in words)]
            scales = [
                u for what, u in clauses if not _in_currency(u) and not pay.search(" ".join(what))
            ]
            unit = next(iter(named or ([] if pay.search(header) else scales)), None)
        own = _header_currency(doc, header) or label_factor(header)
        noted.append(f"{header} ({unit})" if unit and not own else header)
    return noted, clean_text(caption[: note.start()] + caption[note.end() :])


def _unit_clause(clause: str) -> tuple[tuple[str, ...], str] | None:
    """('employment',), 'thousands' of 'Employment numbers in thousands'; None for a clause
    that says no unit. Words that only say 'figures' name no column."""
    found = _UNIT_CLAUSE.fullmatch(clause.strip())
    if found is None or _in_currency(found["what"]):
        return None  # '(USD, in thousands)': a currency for the whole table, no clause of it
    unit = found["unit"]
    if not (label_factor(unit) or _in_currency(unit)):
        return None
    what = tuple(w for w in _WORD.findall(found["what"].lower()) if w not in _FIGURE_WORDS)
    return what, unit


def _in_currency(unit: str) -> bool:
    """Whether a note's unit names a currency, maybe with a scale ('dollars', 'USD thousands')."""
    return header_currency(unit, scaled=True) is not None


def _akin(one: str, other: str) -> bool:
    """Words of one stem ('wages' and 'wage', 'employment' and 'employed')."""
    return len(one) >= 4 and len(other) >= 4 and one[:4] == other[:4]


# A caption's note in brackets saying what its figures are in: '(Numbers in thousands)'.
_UNIT_NOTE = re.compile(r"\(([^()]*\bin\s[^()]*)\)")
# 'Employment numbers in thousands', 'wages are in dollars'.
_UNIT_CLAUSE = re.compile(
    r"(?P<what>[^\d]*?)\s*\b(?:are\s+|is\s+)?in\s+(?P<unit>.+)", re.IGNORECASE
)
_WORD = re.compile(r"[a-z]+")
# Words of a clause that name no column: what figures are, and statistics any column may be.
_FIGURE_WORDS = frozenset(
    {"numbers", "number", "figures", "values", "data", "amounts", "all", "median", "average"}
    | {"mean", "annual", "total"}
)


def with_sibling_unit(
    doc: Document, headers: list[str], rows: tuple[tuple[Span, ...], ...]
) -> list[str]:
    """Headers of columns of bare numbers headed by a spread word alone ('Range', 'Min',
    'High'), given the money that the one other header naming money names ('Average CTC (₹
    LPA)' beside 'Range' over '4.5 – 8': the range is in ₹ lakh a year too)."""
    units = {
        found.group(1)
        for header in headers
        if (found := _UNIT_TAIL.search(header)) and _header_currency(doc, found.group(1))
    }
    if len(units) != 1:
        return headers
    unit = units.pop()
    return [
        f"{header} ({unit})"
        if _SPREAD_HEADER.fullmatch(clean_text(header)) and _bare_numbers(doc, rows, index)
        else header
        for index, header in enumerate(headers)
    ]


# A header's unit in brackets at its end ('Average CTC (₹ LPA)'), and a header that is only a
# spread word ('Range', 'Salary range', 'Min', 'Max').
_UNIT_TAIL = re.compile(r"\(([^()]{1,24})\)\s*$")
_SPREAD_HEADER = re.compile(
    r"(?:(?:typical|salary|pay|ctc)\s+)?(?:range|min(?:imum)?|max(?:imum)?|low|high)",
    re.IGNORECASE,
)
# A percent column's header that names a whole of its own: '% of postings', 'Share of jobs'.
_PERCENT_HEADER_WHOLE = re.compile(r"\bof\s+\w", re.IGNORECASE)
_PERCENT_CAPTION = re.compile(r"\W*(?:%|percent(?:age)?|per\s+cent|share)\s+of\b", re.IGNORECASE)


@cache
def caption_number() -> re.Pattern[str]:
    """The number a caption or title line opens with ('Table 2:', 'Exhibit 2:', '3.', '## 1.'):
    no part of the table's title, nor of what its caption says of its figures."""
    return re.compile(
        rf"^\s*(?:#{{1,6}}\s+)?(?:(?:(?:{caption_nouns()})\s+)?\d{{1,2}}\s*[.):]\s+)?", re.I
    )


def _within_percent(doc: Document, rows: tuple[tuple[Span, ...], ...], index: int) -> bool:
    """Every number of the column lies between 0 and 100, as percentages do."""
    values = [a.value for row in rows for a in amounts(doc.text, row[index].start, row[index].end)]
    return bool(values) and all(0 <= value <= _HUNDRED for value in values)


_HUNDRED = 100


# A column header of years of experience ('Years', 'Yrs', 'Experience').
YEARS_HEADER = re.compile(r"\b(?:years?|yrs?|yoe|experience|exp\.?)\b", re.IGNORECASE)
# A header that is a band of experience itself: '2–4 yrs', 'Fresher (0–1 yr)', '9+ years'.
_YEARS_BAND = re.compile(r"\d\s*(?:[–—-]\s*\d+\s*|\+\s*)?(?:years?|yrs?)\b", re.IGNORECASE)


def _bare_numbers(doc: Document, rows: tuple[tuple[Span, ...], ...], index: int) -> bool:
    """Whether a column's cells are numbers without a unit: one each, or a range or open
    bound of them ('78,000 – 94,000', '170,000 and up')."""
    kinds = {cell_kind(doc, row[index])[0] for row in rows} - {"empty"}
    if kinds and kinds <= {"integer", "decimal"}:
        return True
    return bool(kinds) and all(
        _bare_range(doc, row[index]) for row in rows if cell_kind(doc, row[index])[0] != "empty"
    )


def _bare_range(doc: Document, cell: Span) -> bool:
    """A cell of one number without a unit, maybe a range or an open bound of it."""
    found = amounts(doc.text, cell.start, cell.end)
    if len(found) != 1 or found[0].unit is not None:
        return False
    amount = found[0]
    residual = doc.text[cell.start : amount.start] + doc.text[amount.end : cell.end]
    return len(residual.split()) <= 2


# The kinds of cell a measure's row holds in a table of measures by place or group.
_MEASURE_KINDS = frozenset({"money", "percent", "integer", "decimal"})


def measures_as_rows(doc: Document, table: Table) -> bool:
    """Whether a table lists measures down its rows and places or groups across ('Machine
    learning engineer | UK | London' over 'Vacancies | 2,845 | 1,312', 'Median salary |
    £82,500 | £95,000', 'Median change vs 2024 | +4.4% | +5.6%'; a job-ads tracker's 'Python
    | SQL | PyTorch' over 'Rank | 1 | 2 | 3' and 'Share of ads | 71% | 52% | 38%'): each row's
    cells hold one kind of figure, the rows two kinds or more, sums or percentages among them,
    and the header names no figure. Read down its columns, each column is one place's, group's
    or skill's row."""
    if len(table.header) < 3 or len(table.rows) < 2:
        return False
    if any(cell_kind(doc, cell)[0] != "text" for cell in table.header[1:]):
        return False
    if _levels_across(doc, table):
        return True
    kinds = set()
    for row in table.rows:
        found = {cell_kind(doc, cell)[0] for cell in row[1:]} - {"empty"}
        if len(found) != 1 or not found <= _MEASURE_KINDS:
            return False
        kinds |= found
    return len(kinds) >= 2 and bool({"money", "percent"} & kinds)


def _levels_across(doc: Document, table: Table) -> bool:
    """Whether a table's header names an experience level in every column after the first and
    a row's label names pay ('| Graduate | Junior | Mid-level |' over 'Base salary (€) |
    42,000–50,000 | ...'): each column is one level's row of a pay table."""
    levels = all(label_level(clean_text(doc.span_text(cell))) for cell in table.header[1:])
    return levels and any(
        row and table_vocabulary()["pay"].search(doc.span_text(row[0])) for row in table.rows
    )


def turned(table: Table) -> Table:
    """The table read down its columns: the first column's labels become the header."""
    columns = range(1, len(table.header))
    header = (table.header[0], *(row[0] for row in table.rows))
    rows = tuple((table.header[j], *(row[j] for row in table.rows)) for j in columns)
    return Table(table.start, table.end, header, rows, table.caption, table.section)


def cell_kind(
    doc: Document, cell: Span, currency: str | None = None, header: str = ""
) -> _CellKind:
    """What one cell holds: a percentage, money, an integer, text, or nothing. Under a header
    that names a `currency`, a bare number or range ('62,000 – 84,000', '190,000+') is money,
    in the scale the header names ('71.3' under 'Market size (USD billion)'). Cached per
    document: a column's kind and then each claim of the column read the same cells."""
    known = _cells_read(doc)
    key = (cell.start, cell.end, currency, header)
    found = known.get(key)
    if found is None:
        found = known[key] = _cell_kind(doc, cell, currency, header)
    return found


@lru_cache(maxsize=8)
def _cells_read(doc: Document) -> dict[tuple[int, int, str | None, str], _CellKind]:
    """What `cell_kind` read of each cell of the last documents read: a table of 50,000 rows
    reads each cell about twice (its column's kind, then its claim), which a cache of a fixed
    number of cells had forgotten between the reads."""
    return {}


def _cell_kind(doc: Document, cell: Span, currency: str | None, header: str) -> _CellKind:
    """`cell_kind`, read anew."""
    raw = doc.span_text(cell).strip()
    if NOTE.sub("", raw).lower() in _empty_cells():  # 'n/a (too few)': empty, with a note why
        return "empty", None
    rank = rank_cell(raw)
    if rank is not None and rank.tied:
        return "integer", None  # a tied rank ('T-3'), which is no negative number
    found = amounts(doc.text, cell.start, cell.end)
    if not found and rank is not None:
        return "integer", None  # an ordinal ('2nd'), which the figure scanner does not read
    money = [amount for amount in found if amount.is_money]
    if money:  # '$82,000' under 'Annual base (CAD)' is Canadian
        return "money", as_local_dollar(money[0], currency)
    if len(found) != 1:
        return "text", None
    amount = found[0]
    residual = (doc.text[cell.start : amount.start] + doc.text[amount.end : cell.end]).strip()
    if _FLAG.fullmatch(doc.text, amount.end, cell.end):
        residual = ""  # a statistics office's flag after the figure: '312 b', '4.9 p'
    if currency and amount.unit is None and not _NO_WORD.sub("", residual):
        factor = label_factor(header)
        money = in_currency(amount, currency, scaled=factor is not None)
        return "money", money if factor is None else money.times(factor)
    if amount.unit == "percent" and (
        len(_NO_WORD_CHAR.sub("", _CELL_PERIOD.sub("", residual))) <= 3  # '28.0% (2026–2032)'
        or _counted_figure(doc, cell, amount)
    ):
        return "percent", amount
    whole = amount.value_high is None and float(amount.value).is_integer()
    if amount.unit is None and whole and _ORDINAL_REST.fullmatch(residual):
        return "integer", amount
    if amount.unit is None and amount.value_high is None and not residual:
        return "decimal", amount  # '39.4' under 'Revenue share (%)'
    if (
        amount.unit is None
        and amount.value_high is None
        and residual in _SIGNS
        and doc.text.startswith(residual, cell.start)
        and _percent_header(header)
    ):
        return "decimal", amount  # '+6.2' under 'Change in median, 2024–2025 (%)'
    return "text", None


# The flags statistics offices set after a figure, one space apart: b break in series, e
# estimated, p provisional, r revised, u low reliability ... ('312 b', '4.9 p', '7.1 bp').
_FLAG = re.compile(r"[ \u00a0][bcdefnprsuz]{1,2}\s*")
# A sign written before a bare figure ('+6.2', '−4.1').
_SIGNS = frozenset({"+", "-", "−", "–"})


# The year or years a cell's figure is for, in brackets after it: '(2026–2032)', '(2025)'.
_CELL_PERIOD = re.compile(r"\(\s*(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)?\d\d)?\s*\)")


def role_cell_claims(
    ctx: TableFrame,
    row: tuple[Span, ...],
    found: dict[int, Amount | None],
    roles: dict[int, str],
    qualifiers: dict[str, Any],
    **fields: Any,
) -> list[Claim]:
    """One claim per role column of a role-vs-role table's row ('Open US job postings' |
    '38,900' | '52,400'): each role's cell, quoted with its row, with its own copy of the
    row's qualifiers; `fields` are the rest of `Claim.from_amount`'s."""
    claims = []
    for index, amount in found.items():
        if amount is None:
            continue
        start, end = ctx.quote(row, row[index])
        claims.append(
            Claim.from_amount(
                amount,
                subject=roles[index],
                char_start=start,
                char_end=end,
                qualifiers=dict(qualifiers),
                **fields,
            )
        )
    return claims


def cell_amount(ctx: TableFrame, row: tuple[Span, ...], column: Column) -> Amount | None:
    currency = column.currency or row_currency(ctx.doc, row, ctx.currency_column)
    kind, amount = cell_kind(ctx.doc, row[column.index], currency, column.header)
    return amount if kind in ("percent", "money", "integer", "decimal") else None


def _counted_figure(doc: Document, cell: Span, amount: Amount) -> bool:
    """A cell that opens with its figure and says what it counts ('89% of postings'), not a
    header with words before its figure ('Middle 50% of submissions')."""
    return bool(FIGURE_TAIL.fullmatch(doc.text, amount.end, cell.end)) and not _NO_WORD_CHAR.sub(
        "", doc.text[cell.start : amount.start]
    )


@lru_cache(maxsize=64)  # asked per table, per column and per row of a breakdown
def lead_paragraph(doc: Document, table: Table) -> str:
    """The paragraph right above an uncaptioned table, which says what it shows ('The table
    below shows base salary only', 'Ranked by median base pay:')."""
    before = [block for block in doc.blocks if block.end <= table.start]
    if not before or before[-1].kind != "paragraph" or before[-1].boilerplate:
        return ""
    return doc.span_text(before[-1])


def rank_value(text: str) -> int | None:
    """The rank a cell holds alone ('3', '#3', 'T-3', '3rd'), see `rank_marks.rank_cell`."""
    rank = rank_cell(text)
    return rank.rank if rank else None


def label_column(columns: tuple[Column, ...]) -> Column | None:
    """The column that names each row: the first text column (a classification code's only
    when no other is: 'SOC code | Occupation'), else the first plain integer one."""
    texts = [column for column in columns if column.kind == "text"]
    named = [c for c in texts if not table_vocabulary()["code"].fullmatch(c.header.strip())]
    for found in (named, texts, [column for column in columns if column.kind == "integer"]):
        if found:
            return found[0]
    return None


def role_of_row(ctx: TableFrame, row: tuple[Span, ...], label: Column) -> str | None:
    """The role a row is about: a role its label names, or any label under a role header
    ('Job title' over 'Prompt Engineer')."""
    text = ctx.cell(row, label)
    role = first_role(text)
    if role and not _first_of_levels(label.header, text):
        return role
    if text and _role_header().fullmatch(label.header.strip()) and not find_experience_level(text):
        return normalize_subject(text)
    return None


# A figure written with its sign ('+5%', '−2%' beside a city's pay): a difference, never a
# point of the spread.
_SIGNED = re.compile(r"\s*[+−-]\s?\d")


def percentile(label: str) -> str | None:
    """The statistic a percentile header or row label names: '25%' or '25th' is the 25th
    percentile, '50%', '50th' and 'Median' the median.

    >>> percentile("10%"), percentile("50% (Median)"), percentile("P90"), percentile("2025")
    ('10th percentile', 'median', '90th percentile', None)
    >>> percentile("Low (10%)"), percentile("High (90%)"), percentile("Middle (median)")
    ('10th percentile', '90th percentile', 'median')
    >>> percentile("Bottom 25%"), percentile("Top 10%"), percentile("Bottom 10% earn below")
    ('25th percentile', '90th percentile', '10th percentile')
    >>> percentile("highest 10 percent earned more than")
    '90th percentile'
    >>> percentile("Lower quartile"), percentile("Oberes Quartil"), percentile("Quartile")
    ('25th percentile', '75th percentile', None)
    >>> percentile("+5%"), percentile("−13%")  # a signed figure is a difference
    (None, None)
    """
    if _SIGNED.match(label):
        return None
    quartile = _QUARTILE.fullmatch(label.strip(" \t*_:–—-"))  # 'Lower quartile', 'Oberes Quartil'
    if quartile:
        return "25th percentile" if quartile["low"] or quartile["low2"] else "75th percentile"
    share = _END_SHARE.fullmatch(label.strip())  # 'Top 10%' of earners start at the 90th
    if share:
        number = int(share["n"])
        top = share["end"].lower() in ("top", "highest")
        return percentile(f"{100 - number if top else number}th")
    end = _END_NAMED.fullmatch(label.strip())  # 'Low (10%)': the end of the spread it names
    match = _PERCENTILE.match(end["inner"] if end else label.strip())
    if match is None:
        return None
    if match["median"]:
        return "median"
    if match["p"]:
        number = int(match["p"])
    elif match["word"] or match["mark"] == "%" or (match["mark"] and int(match["n"]) % 5 == 0):
        number = int(match["n"])  # '1st' or '2nd' alone is a rank, '25th' a percentile
    else:
        return None
    if number == 50:
        return "median"
    ordinal = {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 10 <= number % 100 <= 20 else ordinal.get(number % 10, "th")
    return f"{number}{suffix} percentile"


def label_level(label: str) -> str | None:
    """The experience level a row or column label names; a bare label (or its parenthesis)
    counts when '<label> level' does ('Intermediate (3–5 yrs)' -> 'mid'); else the level its
    years of experience give ('0–2 years' -> 'entry').

    >>> label_level("Intermediate (3–5 yrs)"), label_level("Toronto")
    ('mid', None)
    >>> label_level("ML Engineer I (entry)")
    'entry'
    >>> label_level("Graduate / Junior"), label_level("Principal / Lead")
    ('entry', 'principal')
    >>> label_level("Graduate / associate"), label_level("Lead / Head of ML")
    ('entry', None)
    >>> label_level("2–4 yrs (INR lakh)")
    'junior'
    """
    pair = _LEVEL_PAIR.fullmatch(label.strip())
    if pair and not find_roles(pair["second"]) and (first := label_level(pair["first"])):
        return first  # 'Graduate / Junior', 'Principal / Lead', 'Graduate / associate'
    bare = _PARENTHESES.sub("", label).strip()
    inner = " ".join(part.strip(" ()") for part in _PARENTHESES.findall(label))
    return (
        find_experience_level(label)
        or (find_experience_level(f"{bare} level") if bare else None)
        or (find_experience_level(f"{inner} level") if inner else None)
        or years_level(label)
        or (years_level(bare) if bare and bare != label else None)  # '2–4 yrs (INR lakh)'
    )


def place_qualifier(label: str, lead: str = "") -> dict[str, str]:
    """{'city': 'Zurich'} for a card labelled with a place: a known country, region or city,
    or a short proper name under a lead that says its labels are places ('Pay by city').

    >>> place_qualifier("Germany"), place_qualifier("Lyon", "Typical pay by city")
    ({'country': 'Germany'}, {'city': 'Lyon'})
    >>> place_qualifier("Zurich, Switzerland"), place_qualifier("Graz, Styria", "by city")
    ({'city': 'Zurich'}, {'city': 'Graz'})
    >>> place_qualifier("Senior"), place_qualifier("Remote roles", "by city")
    ({}, {})
    >>> place_qualifier("Ontario", "Wages by province"), place_qualifier("Canada", "by province")
    ({'region': 'Ontario'}, {'country': 'Canada'})
    >>> place_qualifier("Boston, MA", "Highest paying cities near United States")
    {'city': 'Boston'}
    >>> place_qualifier("Köln / Cologne"), place_qualifier("Other (22 countries)", "by country")
    ({'city': 'Cologne'}, {})
    """
    name = _LEADING_SIGNS.sub("", label).strip()  # '🇬🇧 London': a flag before the name
    head, _, rest = name.partition(",")
    if rest and len(rest.split()) <= 2:  # 'Zurich, Switzerland', 'Austin, TX': the city first
        name = head.strip()
    # 'München / Munich': one city in two languages, the last known name (the English, written
    # after the local one)
    named = [side.strip() for side in name.split(" / ")] if " / " in name else []
    if len(named) == 2 and (known := [side for side in named if is_city(side)]):
        return {"city": known[-1]}
    lead = _outside_places(lead)  # 'States' in 'United States' says nothing of the labels
    by_region = _PROPER_NAME.fullmatch(name) and _place_lead("region").search(lead)
    if by_region and not find_places(name, "countries"):
        return {"region": name}  # 'Ontario' under 'Wages by province', though a city has its name
    if is_city(name):
        return {"city": name}
    for kind, key in (("countries", "country"), ("regions", "region")):
        found = find_places(name, kind)
        if found and is_place(name):
            return {key: found[0]}
    if _PROPER_NAME.fullmatch(name) and not _REMAINDER.match(name):
        for key in ("city", "country", "region"):
            if _place_lead(key).search(lead):
                return {key: name}
    return {}


# A row that gathers the places a table does not list ('Other (22 countries)', 'All others').
_REMAINDER = re.compile(r"(?:other|others|all|total|remaining)\b", re.IGNORECASE)


def _outside_places(text: str) -> str:
    """`text` with the places it names blanked out."""
    for start, end in reversed(place_spans(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_LEADING_SIGNS = re.compile(r"^[^\w(]+")
# A place name as a card label: one to three capitalized words ('Lyon', 'Tel Aviv', 'Cluj-Napoca').
_PROPER_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}")


@cache
def _place_lead(key: str) -> re.Pattern[str]:
    """'by city', 'in each location', 'top metros': a lead saying its cards are places."""
    return vocabulary_pattern(load_data("table_terms")["label"][key])


def row_qualifiers(
    ctx: TableFrame, row: tuple[Span, ...], label: Column, rank: Column | None
) -> dict[str, Any]:
    """Dimension, table title, rank and the label under its key (experience level, country...)."""
    qualifiers: dict[str, Any] = {}
    text = ctx.cell(row, label)
    if label.header:
        qualifiers["dimension"] = label.header.lower()
    if ctx.title:
        qualifiers["table_title"] = ctx.title
    if rank is not None and (position := rank_value(ctx.doc.span_text(row[rank.index]))):
        qualifiers["rank"] = position
    level = label_level(text) or _first_of_levels(label.header, text)
    if level:
        qualifiers["experience_level"] = level
        return qualifiers
    level = _experience_cell_level(ctx, row, label)  # 'L4 | 2–5 yrs | $171,000'
    if level:
        qualifiers["experience_level"] = level
    key = label_key(label.header)
    # 'Location' over 'Canada' and 'Ontario': a country and a province, not cities
    place = place_qualifier(text, ctx.title or "") if key == "city" else {}
    if key in ("city", "country", "region") and _REMAINDER.match(text):
        key = "category"  # 'Other (22 countries)' under 'Country': the rest, no place
    qualifiers.update(place or {key: text})
    return qualifiers


_EXPERIENCE_HEADER = re.compile(r"\b(?:experience|exp\.?|years|yrs|tenure)\b", re.IGNORECASE)


def _experience_cell_level(ctx: TableFrame, row: tuple[Span, ...], label: Column) -> str | None:
    """The level the row's level or job-title cell names ('Company | Level | Base' over
    'Quillion | MLE II (mid) | $168,000'; 'Level | Title | Typical experience' over 'L6 | Staff
    ML Engineer | 8–15 yrs': the title before the years), else the one its years of experience
    give, from a column headed by experience ('Level | Experience | Base' over 'L4 | 2–5 yrs |
    $171,000'), when the label names none."""
    others = [c for c in ctx.columns if c is not label and c.kind != "money"]
    for column in others:
        if _LEVEL_HEADER.fullmatch(column.header.strip()) and (
            level := label_level(ctx.cell(row, column))
        ):
            return level
    for column in others:
        if _EXPERIENCE_HEADER.search(column.header) and (
            level := years_level(ctx.cell(row, column))
        ):
            return level
    return None


def _first_of_levels(header: str, label: str) -> str | None:
    """The level a label under a header of levels names first, before a title it is also
    known by ('Level' over 'Lead / Head of ML': lead, not a head of ML's pay).

    >>> _first_of_levels("Level", "Lead / Head of ML"), _first_of_levels("Role", "Lead / CTO")
    ('lead', None)
    """
    pair = _LEVEL_PAIR.fullmatch(label.strip())
    if pair is None or not _LEVELS_ONLY.fullmatch(header.strip()) or find_roles(pair["first"]):
        return None
    return label_level(pair["first"])


# A header of levels ('Level', 'Seniority'), and of levels or titles ('Job title', 'Stage').
_LEVEL_WORDS = r"level|seniority|grade"
_LEVELS_ONLY = re.compile(rf"(?:job\s+|career\s+|experience\s+)?(?:{_LEVEL_WORDS})s?", re.I)
_LEVEL_HEADER = re.compile(rf"(?:job\s+|career\s+)?(?:{_LEVEL_WORDS}|stage|title)", re.IGNORECASE)


def population(ctx: TableFrame, column: Column | None, label: Column) -> str:
    """Who a breakdown or ranking measures: a role named by the header, caption or the text
    around the table; else what the measure counts ('Number of Startups' -> the caption's
    'machine learning startups'); else the caption; else the document's role. A share column
    of money ('Revenue share by region') divides the market (`shares.table_share_whole`)."""
    if column is not None and column.kind == "percent":
        if time_share(column.header) and ctx.role:
            return ctx.role  # 'Share of an average week': the week of the role's workers
        whole = table_share_whole(ctx.doc, ctx.caption, column.header)
        if not whole and not ctx.caption and (lead := lead_paragraph(ctx.doc, ctx.table)):
            # an uncaptioned table's lead-in says what it divides ('Country shares of 2025
            # spending:' over 'Germany ..... 23.4%')
            whole = table_share_whole(ctx.doc, lead, column.header)
        if whole:
            return whole
        titled = titled_people(ctx.title or "")
        if titled and not _PERCENT_HEADER_WHOLE.search(column.header):
            return titled  # 'Share of respondents whose organizations use gen AI, by region'
    headers = [column.header] if column else [c.header for c in ctx.columns if c is not label]
    role = role_of(ctx, [c for c in ctx.columns if c.header in headers])
    if role:
        return role
    if column is not None:
        counted = _counted_phrase(column.header, ctx.caption)
        if counted:
            return normalize_subject(counted)
        if ctx.role and column.kind == "count" and _EMPLOYED.fullmatch(column.header.strip()):
            return ctx.role  # 'Area | Employment | Median wage' on an occupation's page
    neighbour = _neighbour_role(ctx)
    if neighbour:
        return neighbour
    if column is not None and column.kind == "percent":
        # 'Use case | %', 'Employees | Respondents' on a survey page: the people the header
        # names, else those the page is about or asked, not the title ('Primary use case')
        people = table_people(ctx.doc, ctx.table.start, column.header, ctx.title or "")
        if people:
            return people
    if ctx.title and not (WH_WORD.match(ctx.title) or is_question(ctx.title)):
        # 'ICT specialists in employment, 2024': what it counts, not where or when (a question,
        # 'Where do they work?' or 'WHERE THE WORK HAPPENS', names nobody)
        return normalize_subject(_TITLE_SCOPE.split(ctx.title, maxsplit=1)[0] or ctx.title)
    return ctx.role or UNSPECIFIED


# Where a title's noun phrase ends and its scope begins: ', 2024', ' in employment', ' by region'.
_TITLE_SCOPE = re.compile(r"\s*[,(:]|\s+(?:in|by|per|for|across|from|during)\s+", re.IGNORECASE)


def role_of(ctx: TableFrame, columns: list[Column]) -> str | None:
    for text in (*(c.header for c in columns), ctx.caption):
        found = find_roles(text)
        if found:
            return found[0][2]
    return None


# A count column of the people working in the page's occupation.
_EMPLOYED = re.compile(r"(?:total\s+)?(?:employment|employed|workers|headcount)", re.IGNORECASE)


def _counted_phrase(header: str, caption: str) -> str | None:
    """'Number of Startups' + 'Countries with the Most ML Startups' -> 'ML Startups'."""
    match = re.search(r"\bof\s+([\w-]+(?:\s+[\w-]+){0,2})\s*$", header, re.IGNORECASE)
    if match is None:
        return None
    head = match.group(1).split()[-1]
    found = re.search(r"((?:[\w/&-]+\s+){0,3})" + re.escape(head) + r"\b", caption, re.IGNORECASE)
    if found is None:
        return match.group(1)
    stops = market_stops()
    words = found.group(1).split()
    while words and words[0].lower() in stops:
        words.pop(0)
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in stops:
            break
        kept.insert(0, word)
    return " ".join([*kept, caption[found.start() + len(found.group(1)) : found.end()]])


def _neighbour_role(ctx: TableFrame) -> str | None:
    """The role named in the paragraph just after the table (its explanation), or just before."""
    for block in (block_after(ctx.doc, ctx.table), block_before(ctx)):
        if block is not None:
            found = find_roles(ctx.doc.span_text(block))
            if found:
                return found[0][2]
    return None


def block_before(ctx: TableFrame) -> Block | None:
    before = [
        b
        for b in ctx.doc.blocks
        if b.end <= ctx.table.start and b.kind == "paragraph" and not b.boilerplate
    ]
    return before[-1] if before else None


def block_after(doc: Document, table: Table) -> Block | None:
    """The paragraph right after a table (its explanation or its note), if the next block is
    one."""
    for block in doc.blocks:
        if block.start >= table.end:
            return block if block.kind == "paragraph" and not block.boilerplate else None
    return None


def table_attribution(ctx: TableFrame, *, with_preceding: bool = False) -> str | None:
    """Who the table's figures come from: its caption, a 'Source:' line after it, or (for
    tables introduced by prose) the paragraph before it."""
    doc = ctx.doc
    if ctx.table.caption is not None:
        found = find_attribution(doc.text, ctx.table.caption.start, ctx.table.caption.end)
        if found:
            return found
    after = block_after(ctx.doc, ctx.table)
    if after is not None and _SOURCE_LINE.match(doc.span_text(after)):
        found = find_attribution(doc.text, after.start, after.end)
        if found:
            return found
    before = block_before(ctx)
    if with_preceding and before is not None:
        return find_attribution(
            doc.text, ctx.table.start, ctx.table.start, context_start=before.start
        )
    return None


def says_partial(ctx: TableFrame) -> bool:
    return bool(table_vocabulary()["partial"].search(ctx.caption + " | " + ctx.headers()))


def years_in(text: str) -> list[int]:
    return [year for _, _, year in find_years(text, 0, len(text))] if text else []


def single_year(text: str) -> int | None:
    years = years_in(text)
    return years[0] if len(set(years)) == 1 else None


def is_growth(column: Column) -> bool:
    """A percent column of change ('Annual hiring growth', 'Change vs 2024'), not a share of a
    whole."""
    return bool(table_vocabulary()["growth"].search(column.header))


@cache
def table_vocabulary() -> dict[str, re.Pattern[str]]:
    table = load_data("table_terms")
    salary = load_data("salary_terms")["salary_words"]
    market = load_data("market_terms")
    return {
        "rank": vocabulary_pattern(table["columns"]["rank"]),
        "code": vocabulary_pattern(table["columns"]["code"]),
        "rank_when": vocabulary_pattern(table["columns"]["rank_when"]),
        "rank_before": vocabulary_pattern(table["columns"]["rank_before"]),
        "count": vocabulary_pattern(table["columns"]["count"]),
        "sample": vocabulary_pattern(table["columns"]["sample"]),
        "percent": vocabulary_pattern(table["columns"]["percent"]),
        "market_size": vocabulary_pattern(table["columns"]["market_size"]),
        "growth": vocabulary_pattern(table["columns"]["growth"]),
        "source": vocabulary_pattern(table["columns"]["source"]),
        "estimate": vocabulary_pattern(table["columns"]["estimate"]),
        "not_market": vocabulary_pattern(table["columns"]["not_market"]),
        "partial": vocabulary_pattern(table["partial"]["phrases"]),
        "pay": phrase_pattern(tuple(salary["strong"] + salary["weak"])),
        "price": phrase_pattern(tuple(salary["price"])),
        "market_noun": phrase_pattern(tuple(market["market"]["nouns"])),
        "forecast": phrase_pattern(tuple(market["forecast"]["cues"])),
    }


def label_key(header: str) -> str:
    """The qualifier a header's labels go into: 'Company' or 'Top-paying employers' names
    companies, 'City' cities; else 'category'.

    >>> label_key("Top-paying companies by average salary"), label_key("Skill")
    ('company', 'category')
    """
    return next((key for key, pattern in _label_keys() if pattern.search(header)), "category")


@cache
def _label_keys() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (key, vocabulary_pattern(words)) for key, words in load_data("table_terms")["label"].items()
    )


@cache
def _role_header() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("table_terms")["role_header"]["words"])


market_stops = partial(data_words, "market_terms", "market", "phrase_stops")


# A note in brackets after a cell's value.
NOTE = re.compile(r"\s*\([^()]*\)$")


_empty_cells = partial(data_words, "table_terms", "columns", "empty")

"""Claims from tables: breakdowns, rankings, counts, salaries, market figures and comparisons.

A table is classified by what its columns hold (ranks, percentages, money, integer counts, text)
and by the words of its header and caption, never by the wording of one article:

- label + percent column: one 'share' claim per row (a breakdown by the label's dimension);
- label + integer column headed like a count ('Number of ...'): one 'count' claim per row;
- money column with pay words: one 'salary' claim per row;
- money or growth columns with market words: one claim per value cell ('market_size',
  'growth_rate');
- rank column + label, no values: one 'ranking' claim per row;
- text columns headed by roles ('Data Scientist | ML Engineer'): one 'comparison' per cell.

HTML and text tables arrive as the same `Table` model, so both go through this code. This module
classifies and dispatches; `table_frame` reads columns and rows, `table_money` and
`table_breakdowns` build the claims.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, Literal

from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Skip,
    amounts,
    find_city,
    find_places,
    find_roles,
    first_role,
    is_place,
    read_each,
)
from mlefacts.extract.counts import fact_rows
from mlefacts.extract.demand import compared_growth, compared_openings
from mlefacts.extract.label_scale import label_factor
from mlefacts.extract.page_frame import scoped_period
from mlefacts.extract.salary import pay_component
from mlefacts.extract.sections import clean_text, document_role
from mlefacts.extract.subjects import main_market
from mlefacts.extract.table_breakdowns import (
    breakdown_claims,
    compared_shares,
    names_share,
    ranking_claims,
)
from mlefacts.extract.table_frame import (
    EXTRACTOR,
    NOTE,
    Column,
    TableFrame,
    block_after,
    caption_number,
    cell_amount,
    cell_kind,
    currency_column,
    label_column,
    label_level,
    lead_paragraph,
    measures_as_rows,
    merged_header_rows,
    percentile,
    read_column,
    role_of_row,
    table_vocabulary,
    turned,
    with_caption_unit,
    with_noted_units,
    with_sibling_unit,
    years_in,
)
from mlefacts.extract.table_money import (
    compared_pay,
    is_pay,
    market_claims,
    names_statistic,
    salary_claims,
)
from mlefacts.normalize._data import alternation, by_length
from mlefacts.normalize.money import currency_markers, header_currency, sign_symbols
from mlefacts.normalize.numbers import general_scales, scale_words
from mlefacts.normalize.quantities import Quantity, find_quantities

NAME = EXTRACTOR
VERSION = "2"

TableKind = Literal["comparison", "market", "salary", "breakdown", "ranking", "unknown"]

_MAX_TITLE = 160
# A money column in millions or more ('2030 (USD Mn)') states market figures, unless its header
# or caption names pay (yen, won and rupiah salaries run to millions).
_MARKET_SCALE = 1e6


def extract(doc: Document) -> list[Claim]:
    """Claims from every table of the document; a table that cannot be read is skipped."""
    role = document_role(doc)
    return [
        *read_each(doc, doc.tables, lambda table: table_claims(doc, table, role=role), name=NAME),
        *read_each(doc, doc.tables, lambda table: _fact_shares(doc, table), name=NAME),
    ]


def _fact_shares(doc: Document, table: Table) -> list[Claim]:
    """The rows of a market page's fact table whose label names a part's share of the market
    ('GPUs share of revenue (2025) | 72.4%', 'Cloud deployment share | 68.9% (2024)'): the
    share of the page's market that the part holds, in the year the row states; on a role's
    page, the share of its workers a row names ('Share of women | 17.9% | 2024')."""
    market = main_market(doc)
    role = None
    if market is None:
        caption = doc.span_text(table.caption) if table.caption else ""
        role = first_role(caption) or document_role(doc)
        if role is None:
            return []
    label_pattern = _SHARE_LABEL if market else _PART_LABEL
    claims = []
    for row in fact_rows(doc, table):
        label = clean_text(doc.span_text(row.label))
        part = label_pattern.fullmatch(label)
        found = amounts(doc.text, row.value.start, row.value.end)
        if part is None or len(found) != 1 or found[0].unit != "percent" or found[0].value > 100:
            continue
        if role and not _workers_part(part["part"]):
            continue
        years = years_in(label) or years_in(doc.text[found[0].end : row.value.end])
        if not years and row.year is not None:
            years = [row.year]
        claims.append(
            Claim.from_amount(
                found[0],
                kind="share",
                subject=market or role,
                attribute="share",
                char_start=min(row.label.start, row.value.start),
                char_end=max(row.label.end, row.value.end),
                extractor=NAME,
                unit="percent",
                year=years[0] if len(years) == 1 else None,
                qualifiers={"category": part["part"]},
                context=label,
            )
        )
    return claims


# A fact row's label that names a part's share: the part, a share noun, what it is a share of
# and the row's year ('Custom ASICs share of revenue (2025)', 'On-premises share').
_SHARE_LABEL = re.compile(
    r"(?P<part>\S.{0,58}?)(?:'s)?\s+(?:revenue\s+|market\s+)?share"
    r"(?:\s+of\s+(?:revenue|sales|spending|shipments|the\s+market|the\s+total))?"
    r"(?:,?\s*\(?\s*(?:19|20)\d\d\s*\)?)?",
    re.IGNORECASE,
)


# A fact row's label that names the share of a role's workers who are a part ('Share of
# women', 'Share employed in Tokyo', 'Percentage with a master's degree or higher').
_PART_LABEL = re.compile(
    r"(?:share|percentage|proportion)\s+(?:of\s+|who\s+are\s+|with\s+(?=\w))?(?P<part>\S.{0,58})",
    re.IGNORECASE,
)


def _workers_part(part: str) -> bool:
    """Whether a fact row's part names some of a role's workers ('women', 'employed in Tokyo'),
    not a change ('increase in job postings') nor the role as part of another whole ('ML
    engineers in the tech workforce')."""
    return not table_vocabulary()["growth"].search(part) and not find_roles(part)


def table_claims(doc: Document, table: Table, *, role: str | None = None) -> list[Claim]:
    """The claims one table yields, by its classification (see the module docstring)."""
    framed = _framed(doc, table, role)
    if framed is None:
        return []
    context, kind = framed
    if kind == "comparison":
        return _comparison_claims(context)
    if kind == "market":
        return [*market_claims(context), *breakdown_claims(context, kinds=("share",))]
    if kind == "salary":
        return [
            *salary_claims(context),
            *breakdown_claims(context, kinds=("count", "share")),
            *ranking_claims(context, independent=True),
        ]
    if kind == "breakdown":
        return [*breakdown_claims(context), *ranking_claims(context, independent=True)]
    if kind == "ranking":
        return ranking_claims(context)
    return []


def skipped(doc: Document) -> list[Skip]:
    """The figures a table states as its layout, not as facts: the numbers of its rank columns
    (a 'Rank' column that only restates the order of a breakdown's rows) and the bands its row
    labels name ('18-24', '55+', '1–50 employees'). The figures table gives them `rank` and
    `band` instead of 'unread'; a figure a claim holds stays claimed."""
    role = document_role(doc)
    out: list[Skip] = []
    for table in doc.tables:
        framed = _framed(doc, table, role)
        if framed is not None:
            out.extend(_layout_skips(framed[0]))
    return out


def _layout_skips(context: TableFrame) -> list[Skip]:
    text = context.doc.text
    ranks = [column for column in context.columns if column.kind == "rank"]
    label = label_column(context.columns)
    out = []
    for row in context.table.rows:
        out.extend(Skip(row[c.index].start, row[c.index].end, "rank") for c in ranks)
        if label is not None and label.kind == "text":
            cell = row[label.index]
            if any(_is_band(q) for q in find_quantities(text, cell.start, cell.end)):
                out.append(Skip(cell.start, cell.end, "band"))
    return out


def _bands_as_labels(
    doc: Document, table: Table, columns: tuple[Column, ...]
) -> tuple[Column, ...]:
    """The first column as the labels of a breakdown when every cell of it is a band of sums
    and another column holds percentages or counts ('Band (USD) | Share' over 'Under $100,000 |
    9%', '$100,000–$149,999 | 24%'): the share of people in each band of pay, no pay itself."""
    first = columns[0]
    if first.kind != "money" or not any(c.kind in ("percent", "count") for c in columns[1:]):
        return columns
    for row in table.rows:
        cell = row[first.index]
        found = find_quantities(doc.text, cell.start, cell.end)
        if len(found) != 1 or not _is_band(found[0]):
            return columns
    return (Column(first.index, first.header, "text"), *columns[1:])


def _is_band(quantity: Quantity) -> bool:
    """A range or an open bound, the way a label names a group of a breakdown ('25-34', '55+',
    '$50k–$100k', 'Under 25'). The scanner reads no year range ('2023-2024') as a figure."""
    return quantity.value_high is not None or quantity.bound is not None


@lru_cache(maxsize=32)
def _framed(doc: Document, table: Table, role: str | None) -> tuple[TableFrame, TableKind] | None:
    """A table's frame (its columns read, its caption, title and role) and what it states;
    None for a table with no header or rows. Read once for its claims and its skipped figures."""
    if not table.rows or not table.header:
        return None
    width = len(table.header)
    rows = tuple(row for row in table.rows if len(row) == width)
    header = [doc.span_text(cell) for cell in table.header]
    percentiles = _percentile_header(header)
    if not percentiles and any(cell_kind(doc, c)[0] in ("percent", "money") for c in table.header):
        # 'Fully remote | 34%' on the first line of a table without a header is its first row
        rows, header = (table.header, *rows), [""] * width
    headers, rows = merged_header_rows(doc, header, rows)
    table = Table(table.start, table.end, table.header, rows, table.caption, table.section)
    written = None
    if measures_as_rows(doc, table):  # 'Median salary | £82,500 | £95,000' under 'UK | London'
        written, table = table, turned(table)
        width, rows, headers = (
            len(table.header),
            table.rows,
            [doc.span_text(c) for c in table.header],
        )
    caption = clean_text(doc.span_text(table.caption)) if table.caption else _title_line(doc, table)
    section = "" if caption else _section_title(doc, table)
    note = _unit_note(doc, table) or _note_below(doc, table)
    if (
        not note
        and any(_bare(doc, c) for row in rows for c in row[1:])
        and not any(cell_kind(doc, c)[0] == "money" for row in rows for c in row)
    ):
        # the page's note, for a table of bare numbers only: a table that writes its sums
        # with their currency ('Northwind | $201,500 | 4.2 ★ | 61') holds no more money in
        # its bare columns (a rating, a count of reports)
        note = _page_unit_note(doc)
    if not caption:
        headers = _lead_headers(doc, table, headers)
    if caption or note:
        headers, units = with_noted_units(doc, headers, rows, f"{caption} {note}".strip())
        headers = with_caption_unit(doc, headers, rows, units)
    headers = with_sibling_unit(doc, headers, rows)
    currencies = currency_column(doc, table)
    columns = tuple(
        read_column(doc, table, index, headers[index], currencies) for index in range(width)
    )
    columns = _bands_as_labels(doc, table, columns)
    growth = table_vocabulary()["growth"]
    if caption and not any(c.header for c in columns) and growth.search(caption):
        # 'Percent change in employment, projected 2024-34' over 'Machine learning engineers |
        # 26%': the caption heads the percentages of a table without a header row
        columns = tuple(
            Column(c.index, caption, c.kind, c.currency) if c.kind == "percent" else c
            for c in columns
        )
    title = caption_number().sub("", caption) or section or None
    context = TableFrame(doc, table, columns, caption, title, role, written, currencies)
    framing = caption or f"{lead_paragraph(doc, table)} {section}".strip()
    if not any(column.header for column in columns):  # a headerless text table: the page says
        # what its sums are ('ML Engineer pay ...'), unless its own heading names prices ('Exam
        # fees' over 'Exam registration | US$300' on a certification's page)
        priced = table_vocabulary()["price"].search(framing)
        framing = framing if priced else f"{framing} {doc.title or ''}"
    if _places_called_markets(context):
        # 'Demand by market' over 'Market | ML engineer postings' and 'United States | 16,420':
        # the places hiring, not a market that is sold to
        framing = table_vocabulary()["market_noun"].sub(" ", framing)
        unnamed = Column(columns[0].index, "", columns[0].kind, columns[0].currency)
        columns = tuple(unnamed if c.index == columns[0].index else c for c in columns)
        context = TableFrame(doc, table, columns, caption, title, role, written, currencies)
    kind = classify_table(columns, framing, pay_rows=_pay_rows(context))
    if percentiles and any(column.kind == "money" for column in columns):
        kind = "salary"  # 'Percentile | 10% | 25% | Median ...' over 'Annual wage | $93,800 ...'
    if kind in ("breakdown", "unknown") and role and _percentile_money(columns):
        # 'City | Median | 90th percentile | Vacancies in sample', 'City | Median (EUR)' on a
        # role's page: the spread of its pay
        kind = "salary"
    if kind == "unknown" and role and (_periodic_money(context) or _scoped_money(context)):
        # 'Employer type | Typical range' over '₹18–32 LPA' on a role's page, or 'Johannesburg |
        # R84,000' under 'All salaries are gross monthly cost-to-company'
        kind = "salary"
    if kind in ("unknown", "breakdown") and main_market(doc) is not None and _market_sums(context):
        kind = "market"  # 'Base-year value | Forecast value' over 'US$1.64 bn (2024)'
    if kind == "breakdown" and _market_growth(context):
        kind = "market"  # 'Region | Revenue share (%) | CAGR (%)' on a market's page
    if kind == "market" and _growth_by_sector(columns, framing) and main_market(doc) is None:
        kind = "unknown"  # 'Sector | YoY change' on a hiring index: growth of what, it says not
    return context, kind


_MARKET = re.compile(r"\bmarkets?\b", re.IGNORECASE)


def _growth_by_sector(columns: tuple[Column, ...], framing: str) -> bool:
    """Whether a table holds growth figures and no sums, and names no market, only the sectors
    or industries its rows are ('Sector | YoY change'): a market's segments only on a page about
    a market."""
    return not any(c.kind == "money" for c in columns) and not _MARKET.search(
        f"{framing} {_joined(columns)}"
    )


def classify_table(
    columns: tuple[Column, ...], caption: str, *, pay_rows: bool = False
) -> TableKind:
    """What a table states, from its column kinds, header words and caption; money by
    experience level or job title (`pay_rows`: every row label names one) is pay.

    >>> classify_table((Column(0, "Rank", "rank"), Column(1, "Language", "text")), "")
    'ranking'
    >>> classify_table((Column(0, "Course", "text"), Column(1, "Price", "money")), "Top courses")
    'unknown'
    """
    kinds = {column.kind for column in columns}
    money = [column for column in columns if column.kind == "money"]
    percent = [column for column in columns if column.kind == "percent"]
    labels = [column for column in columns if column.kind in ("text", "integer")]
    vocabulary = table_vocabulary()
    if kinds <= {"text", "empty"} and sum(bool(find_roles(c.header)) for c in columns) >= 2:
        return "comparison"
    growth = [column for column in percent if vocabulary["growth"].search(column.header)]
    market_money = [
        column
        for column in money
        if vocabulary["market_size"].search(column.header)
        or (vocabulary["market_noun"].search(caption) and not is_pay(column.header, caption))
        # '2030 (EUR bn)': no pay, unless the table says it is ('Salary (¥ million)')
        or (
            (label_factor(column.header) or 0) >= _MARKET_SCALE
            and not is_pay(column.header, caption)
        )
    ]
    if market_money or (
        growth and vocabulary["market_noun"].search(caption + " " + _joined(columns))
    ):
        return "market"
    if any(is_pay(column.header, caption) for column in money) or (
        money
        and not market_money
        and (
            pay_rows
            or find_roles(caption)
            or any(label_level(column.header) for column in money)
            # the parts of a pay package: 'Total | Base | Stock (/yr) | Bonus'
            or sum(pay_component(column.header) is not None for column in money) >= 2
        )
    ):
        return "salary"
    counts = [column for column in columns if column.kind == "count"]
    if (percent or counts) and labels:
        return "breakdown"
    if "rank" in kinds and labels and not money:
        return "ranking"
    return "unknown"


def _unit_note(doc: Document, table: Table) -> str:
    """The sentence of the paragraph right above a table that says what its bare numbers are
    in ('Figures in the grid are median fixed pay in ₹ lakh per annum'), or a short lead-in
    that introduces it ('Regional outlook (USD billion):'); else ''."""
    lead = lead_paragraph(doc, table).strip()
    if len(lead) <= _MAX_TITLE and lead.endswith(":"):
        return lead[:-1]
    note = _unit_note_pattern().search(lead)
    return note.group() if note else ""


def _note_below(doc: Document, table: Table) -> str:
    """The short line right under a table that says what currency its figures are in and no
    figure of its own ('*USD per month, median.*', 'Figures in EUR, gross.'); else ''."""
    after = block_after(doc, table)
    if after is None:
        return ""
    line = clean_text(doc.span_text(after))
    if len(line) > _MAX_TITLE or any(ch.isdigit() for ch in line):
        return ""
    # it opens with the currency ('USD per month'), or with what it says the figures are in
    # ('Figures in EUR'): not a sentence of its own ('In Switzerland, pay is quoted in francs')
    return line if _opens_note().match(line) and header_currency(line) else ""


@cache
def _opens_note() -> re.Pattern[str]:
    """A note's opening: a currency, or its figures and 'in' ('All figures in EUR')."""
    return re.compile(
        r"[\W_]*(?:(?:all\s+)?(?:figures|values|amounts|numbers|salaries|pay)\s+(?:are\s+)?"
        rf"(?:shown\s+|given\s+|quoted\s+)?in\s+)?{_noted_currency()}",
        re.IGNORECASE,
    )


# The kinds of a cell of a bare number, which a note of the page's currency may make money.
_BARE = frozenset({"integer", "decimal"})


def _bare(doc: Document, cell: Span) -> bool:
    """Whether a cell is a number or a range of numbers and nothing else ('118', '9 500 –
    13 000'): a figure whose unit the page's note may give."""
    if cell_kind(doc, cell)[0] in _BARE:
        return True
    found = amounts(doc.text, cell.start, cell.end)
    return (
        len(found) == 1
        and found[0].unit is None
        and found[0].value_high is not None
        and not doc.text[cell.start : cell.end].replace(found[0].raw, "").strip()
    )


@lru_cache(maxsize=8)
def _page_unit_note(doc: Document) -> str:
    """The page's one note of what its figures are in, when its paragraphs state one currency
    ('Permanent figures are gross annual base salaries in pounds sterling, ...' in a salary
    guide's notes): the money of a table of bare numbers that no note of its own names; ''
    when the page states none, or several currencies."""
    notes = []
    # one scan of the page for 'in' and a currency, the note's pattern only in those sentences
    for named in _in_currency().finditer(doc.text):
        index = doc.block_at(named.start())
        block = doc.blocks[index] if index >= 0 else None
        if block is None or named.start() >= block.end:
            continue
        if block.kind != "paragraph" or block.boilerplate:
            continue
        start = max(doc.text.rfind(". ", block.start, named.start()) + 1, block.start)
        found = _unit_note_pattern().search(doc.text, start, named.end() + _SCALE_CHARS)
        if found and not _placed(found.group()):
            notes.append(found.group())
    currencies = {header_currency(note, scaled=True) for note in notes}
    return notes[0] if len(currencies) == 1 and None not in currencies else ""


def _placed(note: str) -> bool:
    """Whether a note is about a place's figures ('In Switzerland, pay is quoted in Swiss
    francs'), not the page's: a place named outside its currency's name ('in Australian
    dollars' names no place)."""
    rest = _in_currency().sub(" ", note)
    return bool(find_city(rest) or find_places(rest, "countries") or find_places(rest, "regions"))


@cache
def _noted_currency() -> str:
    """The currency a note of a table's figures names, after 'in': a sign, maybe after a scale
    written joined to it ('in 만 원', 'in 万円'), a code or any currency's words ('in US
    dollars', 'in Swiss francs')."""
    words = alternation(set(currency_markers()[1]), ignore_case=True)
    signs = "|".join(map(re.escape, sign_symbols()))
    joined = "|".join(
        re.escape(s) for e in general_scales().values() for s in e["joined_only"] if not s.isascii()
    )
    return rf"(?:(?:(?:{joined})\s?)?(?:{signs})|(?-i:[A-Z]{{3}})\b|{words}\b)"


@cache
def _in_currency() -> re.Pattern[str]:
    """'in' and a noted currency: where a note of the page's figures' currency may end."""
    return re.compile(rf"\bin\s+{_noted_currency()}", re.IGNORECASE)


# How far after its currency a note may name its scale (', in thousands').
_SCALE_CHARS = 18


@cache
def _unit_note_pattern() -> re.Pattern[str]:
    """'Figures in the grid are median pay in ₹ lakh per annum', 'All values in USD
    thousands.', 'All figures are in US dollars, in thousands', 'in thousands of US dollars':
    a sentence that says its figures are in a currency, up to the scale with it (the scales'
    own words)."""
    scales = "|".join(by_length(map(re.escape, scale_words())))
    return re.compile(
        r"[^.]*\b(?:figures|values|numbers|amounts|pay|salaries)\b[^.;$€£₹]*?\bin\s+"
        rf"(?:(?:{scales})\s+of\s+)?{_noted_currency()}"
        rf"(?:\s*(?:,\s*)?(?:in\s+)?(?:{scales})(?!\w))?",
        re.IGNORECASE,
    )


def _periodic_money(ctx: TableFrame) -> bool:
    """Whether every sum of every money column says the period it is paid for ('₹18–32 LPA',
    '$95,000 a year', '£600/day'): pay, whatever the header and rows call it."""
    money = [column for column in ctx.columns if column.kind == "money"]
    priced = table_vocabulary()["price"].search(" ".join([ctx.caption, *(c.header for c in money)]))
    sums = [cell_amount(ctx, row, column) for column in money for row in ctx.table.rows]
    return (
        bool(sums)
        and not priced  # 'Course | Cost' over '$59/month' is a price list
        and all(amount is not None and amount.pay_period for amount in sums)
    )


def _scoped_money(ctx: TableFrame) -> bool:
    """Whether a table of a label and sums alone, naming no price, stands under the page's
    scope line of pay ('All salaries are gross monthly cost-to-company (CTC) in rand' over
    'Johannesburg | R84,000') or a caption that names their statistic ('WHERE THE MONEY IS
    (averages, 2025)' over 'Tokyo   ¥8.3M'), on a role's page: the sums are that pay."""
    money = [column for column in ctx.columns if column.kind == "money"]
    label = label_column(ctx.columns)
    return (
        len(money) == len(ctx.columns) - 1
        and label is not None
        and not table_vocabulary()["price"].search(f"{ctx.caption} {ctx.headers()}")
        and (names_statistic(ctx.caption) or scoped_period(ctx.doc, ctx.table.start) is not None)
    )


def _percentile_money(columns: tuple[Column, ...]) -> bool:
    """Whether every money column is headed by a percentile or the median ('Median', '90th
    percentile', 'Median (EUR)'): on a role's page, the spread of its pay, whatever other
    columns count."""
    money = [column for column in columns if column.kind == "money"]
    return bool(money) and all(percentile(NOTE.sub("", column.header)) for column in money)


def _market_growth(ctx: TableFrame) -> bool:
    """A growth column beside shares of a whole, on a page about a market, whose rows are
    no roles: the regions' or segments' growth of that market, not hiring growth."""
    vocabulary = table_vocabulary()
    percent = [c for c in ctx.columns if c.kind == "percent"]
    label = label_column(ctx.columns)
    return (
        label is not None
        and any(vocabulary["growth"].search(c.header) for c in percent)
        and any(names_share(c) for c in percent)
        and main_market(ctx.doc) is not None
        and not any(role_of_row(ctx, row, label) for row in ctx.table.rows)
    )


def _market_sums(ctx: TableFrame) -> bool:
    """Whether a money column's every cell is a sum no pay reaches (millions or more) and the
    table says it holds estimates of a value (a 'Base-year value' or 'Forecast' column, or rows
    of research firms): on a market's page, market sizes. A table of funding rounds or of a
    company's revenue is neither."""
    vocabulary = table_vocabulary()
    label = label_column(ctx.columns)
    by_firm = label is not None and bool(vocabulary["source"].search(label.header))
    for column in ctx.columns:
        if column.kind != "money" or vocabulary["not_market"].search(
            f"{column.header} {ctx.caption}"
        ):
            continue
        if not (by_firm or vocabulary["estimate"].search(column.header)):
            continue
        sums = [cell_amount(ctx, row, column) for row in ctx.table.rows]
        if sums and all(s is not None and s.value >= _MARKET_SCALE for s in sums):
            return True
    return False


def _percentile_header(header: list[str]) -> bool:
    """Whether a header row names percentiles over its value columns ('Percentile | 10% | 25% |
    50% (Median) | 75% | 90%'): a header, though its cells read as percentages."""
    values = [cell for cell in header[1:] if cell.strip()]
    return len(values) >= 2 and all(percentile(clean_text(cell)) for cell in values)


def _pay_rows(ctx: TableFrame) -> bool:
    """Whether every row's label names an experience level, a role or a percentile ('Junior',
    'Principal', 'Graduate ML engineer', 'Head of data science', '10th', '50th (median)'): money
    against them is pay, whatever the caption says ('Permanent roles', 'Percentiles at a
    glance'), unless the table's title names a price and no pay ('Cost of certification',
    'Agency fees by level')."""
    title = f"{ctx.title or ''} {ctx.caption}"
    if table_vocabulary()["price"].search(title) and not is_pay(title, ""):
        return False
    label = label_column(ctx.columns)
    return bool(ctx.table.rows and label) and all(
        label_level(text) or first_role(text) or percentile(text)
        for text in (ctx.cell(row, label) for row in ctx.table.rows)
    )


def _title_line(doc: Document, table: Table) -> str:
    """A table's title when the builder gave it no caption: the short line right above it
    ('3. Most In-demand Languages' may have become a heading or a numbered list item)."""
    before = [block for block in doc.blocks if block.end <= table.start]
    if not before:
        return ""
    text = doc.text[before[-1].start : before[-1].end]
    if doc.text[before[-1].end : table.start].count("\n") > 2:
        return ""
    lines = text.strip().split("\n")
    # a title line, or a title over the line that says what the figures are in ('Annual pay
    # by grade, Seoul, 2025' / 'Gross salary incl. bonus (KRW million)')
    titled = before[-1].kind == "heading" or (
        len(lines) <= 2
        and len(text) <= _MAX_TITLE
        and not any(line.rstrip().endswith((".", ":")) for line in lines)
    )
    if not titled:
        return ""
    return clean_text(_line_with_marker(doc, before[-1]))


def _lead_headers(doc: Document, table: Table, headers: list[str]) -> list[str]:
    """The headers of a headerless label | number table whose lead-in names what its numbers
    count ('Active ML engineer postings by metro area:' over 'Seattle ..... 6,200'): the
    lead-in heads the numbers, as a header would."""
    lead = clean_text(lead_paragraph(doc, table))
    if len(headers) != 2 or any(h.strip() for h in headers) or not lead.endswith(":"):
        return headers
    counted = lead.rstrip(":")
    if not table_vocabulary()["count"].search(counted):
        return headers
    bare = all(cell_kind(doc, row[1])[0] == "integer" for row in table.rows)
    return [headers[0], counted] if bare else headers


def _section_title(doc: Document, table: Table) -> str:
    """The heading of the section an uncaptioned table sits in, when only a note stands
    between them ('Hourly wages by province' over 'Low = 10th percentile. ...' over the
    table): the table's title; not the page's own title, which names the whole page."""
    if table.section is None or not 0 <= table.section < len(doc.blocks):
        return ""
    heading = doc.blocks[table.section]
    if heading.kind != "heading" or heading.boilerplate:
        return ""
    first = next(b for b in doc.blocks if b.kind == "heading")  # `heading` is one
    between = [b for b in doc.blocks if heading.end <= b.start and b.end <= table.start]
    if len(between) > 1 or heading is first:
        return ""
    return clean_text(doc.span_text(heading))


def _line_with_marker(doc: Document, block: Block) -> str:
    start = doc.text.rfind("\n", 0, block.start) + 1
    return doc.text[start : block.end]


def _places_called_markets(context: TableFrame) -> bool:
    """Whether a table's first column, headed 'Market(s)', lists places ('United States',
    'Germany'): job boards and surveys call the countries they cover markets."""
    first = context.columns[0]
    if first.kind != "text" or not _MARKET_HEADER.fullmatch(first.header.strip()):
        return False
    cells = [context.cell(row, first) for row in context.table.rows]
    return bool(cells) and all(is_place(cell) for cell in cells)


_MARKET_HEADER = re.compile(r"(?i:markets?)")


def _joined(columns: tuple[Column, ...]) -> str:
    return " | ".join(column.header for column in columns)


def _comparison_claims(ctx: TableFrame) -> list[Claim]:
    """One claim per cell of a role-vs-role table; a non-role first column names the aspect."""
    roles = {c.index: found[0][2] for c in ctx.columns if (found := find_roles(c.header))}
    aspect = ctx.columns[0] if 0 not in roles else None
    claims: list[Claim] = []
    for number, row in enumerate(ctx.table.rows, start=1):
        attribute = ctx.cell(row, aspect).lower() if aspect else "comparison"
        label = ctx.cell(row, aspect) if aspect else ""
        figures = (
            compared_pay(ctx, row, label, roles)
            or compared_growth(ctx, row, label, roles)
            or compared_openings(ctx, row, label, roles)
            or compared_shares(ctx, row, label, roles)
            if aspect
            else []
        )
        if figures:
            claims.extend(figures)  # 'Median base salary' | '$158,000' | '$129,000'
            continue
        for index, role in roles.items():
            text = ctx.cell(row, ctx.columns[index])
            if not text:
                continue
            others = ", ".join(other for i, other in roles.items() if i != index and other != role)
            qualifiers: dict[str, Any] = {"compared_with": others, "row": number}
            if ctx.title:
                qualifiers["table_title"] = ctx.title
            cell = row[index]
            claims.append(
                Claim(
                    kind="comparison",
                    subject=role,
                    attribute=attribute or "comparison",
                    char_start=cell.start,
                    char_end=cell.end,
                    extractor=NAME,
                    text=text,
                    qualifiers=qualifiers,
                    context=ctx.context(aspect),
                )
            )
    return claims

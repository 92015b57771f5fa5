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

HTML and text tables arrive as the same `Table` model, so both go through this code.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    amounts,
    find_experience_level,
    find_roles,
    first_role,
    is_city,
    phrase_pattern,
)
from mlefacts.extract.sections import clean_text, document_role, vocabulary_pattern
from mlefacts.extract.subjects import market_phrase
from mlefacts.normalize.quantities import find_years
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

log = logging.getLogger(__name__)

NAME = "tables"
VERSION = "1"

ColumnKind = Literal["rank", "percent", "money", "count", "integer", "text", "empty"]
TableKind = Literal["comparison", "market", "salary", "breakdown", "ranking", "unknown"]

_ORDINAL_REST = re.compile(r"[^\w]*(?:st|nd|rd|th)?[^\w]*", re.IGNORECASE)
_RANK_CELL = re.compile(r"^\W*(\d{1,3})(?:st|nd|rd|th)?\W*$", re.IGNORECASE)
_ENUMERATION = re.compile(r"^\s*(?:#{1,6}\s+)?(?:(?:table\s+)?\d{1,2}\s*[.):]\s+)?", re.IGNORECASE)
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)
_UNSPECIFIED = "unspecified"
_MAX_TITLE = 160


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: its index, header text (cleaned) and what its cells hold."""

    index: int
    header: str
    kind: ColumnKind


@dataclass(frozen=True, slots=True)
class _Context:
    """What every claim of one table shares."""

    doc: Document
    table: Table
    columns: tuple[Column, ...]
    caption: str
    title: str | None
    role: str | None

    def cell(self, row: tuple[Span, ...], column: Column) -> str:
        return clean_text(self.doc.span_text(row[column.index]))

    def headers(self) -> str:
        return " | ".join(column.header for column in self.columns)

    def quote(self, row: tuple[Span, ...], cell: Span) -> tuple[int, int]:
        """The row as the quote; only the cell when the row is too long to check by eye."""
        start, end = row[0].start, row[-1].end
        return (start, end) if end - start <= MAX_QUOTE else (cell.start, cell.end)

    def context(self, column: Column | None) -> str | None:
        """What gave a cell its meaning: the table's title and the cell's column header."""
        parts = [part for part in (self.caption, column.header if column else "") if part]
        return " › ".join(dict.fromkeys(parts)) or None


def _distinct_cells(row: tuple[Span, ...], columns: list[Column]) -> list[Column]:
    """The columns of a row whose cells are distinct: a cell spanning two columns is read once."""
    seen: set[Span] = set()
    kept = []
    for column in columns:
        if row[column.index] not in seen:
            seen.add(row[column.index])
            kept.append(column)
    return kept


def extract(doc: Document) -> list[Claim]:
    """Claims from every table of the document; a table that cannot be read is skipped."""
    try:
        role = document_role(doc)
    except Exception:  # never fail a document over its role
        role = None
    claims: list[Claim] = []
    for table in doc.tables:
        try:
            claims.extend(table_claims(doc, table, role=role))
        except Exception:  # one odd table must not lose the others' claims
            log.exception("tables: skipped table at %d in %s", table.start, doc.source_id)
    return claims


def table_claims(doc: Document, table: Table, *, role: str | None = None) -> list[Claim]:
    """The claims one table yields, by its classification (see the module docstring)."""
    if not table.rows or not table.header:
        return []
    width = len(table.header)
    rows = tuple(row for row in table.rows if len(row) == width)
    headers, rows = _merged_header_rows(doc, [doc.span_text(cell) for cell in table.header], rows)
    table = Table(table.start, table.end, table.header, rows, table.caption, table.section)
    columns = tuple(_column(doc, table, index, headers[index]) for index in range(width))
    caption = clean_text(doc.span_text(table.caption)) if table.caption else _title_line(doc, table)
    title = _ENUMERATION.sub("", caption) or None
    context = _Context(doc, table, columns, caption, title, role)
    kind = classify_table(columns, caption or _lead_paragraph(doc, table))
    if kind == "comparison":
        return _comparison_claims(context)
    if kind == "market":
        return _market_claims(context)
    if kind == "salary":
        return _salary_claims(context)
    if kind == "breakdown":
        return _breakdown_claims(context)
    if kind == "ranking":
        return _ranking_claims(context)
    return []


def classify_table(columns: tuple[Column, ...], caption: str) -> TableKind:
    """What a table states, from its column kinds, header words and caption.

    >>> classify_table((Column(0, "Rank", "rank"), Column(1, "Language", "text")), "")
    'ranking'
    >>> classify_table((Column(0, "Course", "text"), Column(1, "Price", "money")), "Top courses")
    'unknown'
    """
    kinds = {column.kind for column in columns}
    money = [column for column in columns if column.kind == "money"]
    percent = [column for column in columns if column.kind == "percent"]
    labels = [column for column in columns if column.kind in ("text", "integer")]
    vocabulary = _vocabulary()
    if kinds <= {"text", "empty"} and sum(bool(find_roles(c.header)) for c in columns) >= 2:
        return "comparison"
    growth = [column for column in percent if vocabulary["growth"].search(column.header)]
    market_money = [
        column
        for column in money
        if vocabulary["market_size"].search(column.header)
        or (vocabulary["market_noun"].search(caption) and not _is_pay(column.header, caption))
    ]
    if market_money or (
        growth and vocabulary["market_noun"].search(caption + " " + _joined(columns))
    ):
        return "market"
    if any(_is_pay(column.header, caption) for column in money) or (
        money
        and not market_money
        and (find_roles(caption) or any(label_level(column.header) for column in money))
    ):
        return "salary"
    counts = [column for column in columns if column.kind == "count"]
    if (percent or counts) and labels:
        return "breakdown"
    if "rank" in kinds and labels and not money:
        return "ranking"
    return "unknown"


def _title_line(doc: Document, table: Table) -> str:
    """A table's title when the builder gave it no caption: the short line right above it
    ('3. Most In-demand Languages' may have become a heading or a numbered list item)."""
    before = [block for block in doc.blocks if block.end <= table.start]
    if not before:
        return ""
    text = doc.text[before[-1].start : before[-1].end]
    if doc.text[before[-1].end : table.start].count("\n") > 2:
        return ""
    titled = before[-1].kind == "heading" or (
        "\n" not in text.strip()
        and len(text) <= _MAX_TITLE
        and not text.rstrip().endswith((".", ":"))
    )
    if not titled:
        return ""
    return clean_text(_line_with_marker(doc, before[-1]))


def _lead_paragraph(doc: Document, table: Table) -> str:
    """The paragraph right above an uncaptioned table, which says what it shows ('The table
    below shows base salary only'): read only to classify the table."""
    before = [block for block in doc.blocks if block.end <= table.start]
    if not before or before[-1].kind != "paragraph" or before[-1].boilerplate:
        return ""
    return doc.span_text(before[-1])


def _line_with_marker(doc: Document, block: Block) -> str:
    start = doc.text.rfind("\n", 0, block.start) + 1
    return doc.text[start : block.end]


def _joined(columns: tuple[Column, ...]) -> str:
    return " | ".join(column.header for column in columns)


# --- column typing -------------------------------------------------------------------------


def _merged_header_rows(
    doc: Document, headers: list[str], rows: tuple[tuple[Span, ...], ...]
) -> tuple[list[str], tuple[tuple[Span, ...], ...]]:
    """Fold second header rows into the header: an all-text first row over rows with numbers.

    'Average annual salary' spanning two columns over 'Junior | Senior' gives the headers
    'Average annual salary Junior' and 'Average annual salary Senior'.
    """
    numeric = ("percent", "money", "integer")
    while len(rows) > 1 and all(_cell_kind(doc, cell)[0] not in numeric for cell in rows[0]):
        if not any(_cell_kind(doc, cell)[0] in numeric for row in rows[1:] for cell in row):
            break
        extra = [doc.span_text(cell) for cell in rows[0]]
        headers = [
            " ".join(part for part in pair if part.strip())
            for pair in zip(headers, extra, strict=True)
        ]
        rows = rows[1:]
    return [clean_text(header) for header in headers], rows


def _column(doc: Document, table: Table, index: int, header: str) -> Column:
    """A column's kind: the kind all its non-empty cells share, refined by its header."""
    kinds = {_cell_kind(doc, row[index])[0] for row in table.rows} - {"empty"}
    if not kinds:
        return Column(index, header, "empty")
    if kinds == {"percent"} or (kinds <= {"percent", "integer"} and "%" in header):
        return Column(index, header, "percent")
    if "money" in kinds and kinds <= {"money", "integer"}:
        return Column(index, header, "money")
    if kinds == {"integer"}:
        return Column(index, header, _integer_column_kind(doc, table, index, header))
    return Column(index, header, "text")


def _integer_column_kind(doc: Document, table: Table, index: int, header: str) -> ColumnKind:
    vocabulary = _vocabulary()
    values = [_rank_value(doc.span_text(row[index])) for row in table.rows]
    sequential = values == list(range(1, len(values) + 1))
    if vocabulary["rank"].fullmatch(header.strip()) or (not header.strip() and sequential):
        return "rank"
    if vocabulary["count"].search(header):
        return "count"
    return "integer"


def _cell_kind(doc: Document, cell: Span) -> tuple[ColumnKind, Amount | None]:
    """What one cell holds: a percentage, money, an integer, text, or nothing."""
    raw = doc.span_text(cell).strip()
    if raw.lower() in _empty_cells():
        return "empty", None
    found = amounts(doc.text, cell.start, cell.end)
    money = [amount for amount in found if amount.is_money]
    if money:
        return "money", money[0]
    if len(found) != 1:
        return "text", None
    amount = found[0]
    residual = (doc.text[cell.start : amount.start] + doc.text[amount.end : cell.end]).strip()
    if amount.unit == "percent" and len(re.sub(r"\W", "", residual)) <= 3:
        return "percent", amount
    whole = amount.value_high is None and float(amount.value).is_integer()
    if amount.unit is None and whole and _ORDINAL_REST.fullmatch(residual):
        return "integer", amount
    return "text", None


def _cell_amount(ctx: _Context, row: tuple[Span, ...], column: Column) -> Amount | None:
    kind, amount = _cell_kind(ctx.doc, row[column.index])
    return amount if kind in ("percent", "money", "integer") else None


def _rank_value(text: str) -> int | None:
    match = _RANK_CELL.match(text.strip())
    return int(match.group(1)) if match else None


# --- claims by table kind ------------------------------------------------------------------


def _breakdown_claims(ctx: _Context) -> list[Claim]:
    """Share claims (percent columns) and count claims (count columns), one per row each."""
    label = _label_column(ctx.columns)
    if label is None:
        return []
    rank = next((c for c in ctx.columns if c.kind == "rank"), None)
    percent = [c for c in ctx.columns if c.kind == "percent"]
    counts = [c for c in ctx.columns if c.kind == "count"]
    partial = _says_partial(ctx) or _sums_short(ctx, percent)
    claims: list[Claim] = []
    for row in ctx.table.rows:
        category = ctx.cell(row, label)
        if not category:
            continue
        for column in _distinct_cells(row, [*percent, *counts]):
            amount = _cell_amount(ctx, row, column)
            if amount is None:
                continue
            qualifiers = _row_qualifiers(ctx, row, label, rank)
            qualifiers.update(category=category, measure=column.header, partial=partial)
            is_share = column.kind == "percent"
            start, end = ctx.quote(row, row[column.index])
            claims.append(
                Claim(
                    kind="share" if is_share else "count",
                    subject=_population(ctx, column, label),
                    attribute="share" if is_share else "count",
                    char_start=start,
                    char_end=end,
                    extractor=NAME,
                    value=amount.value,
                    value_high=amount.value_high,
                    unit="percent" if is_share else "count",
                    year=_single_year(column.header) or _single_year(ctx.caption),
                    qualifiers=qualifiers,
                    attributed_to=_attribution(ctx),
                    context=ctx.context(column),
                    figure_start=amount.start,
                    figure_end=amount.end,
                )
            )
    return claims


def _ranking_claims(ctx: _Context) -> list[Claim]:
    """One claim per row of a rank + item table: value = the rank, text = the item."""
    label = _label_column(ctx.columns)
    rank = next((c for c in ctx.columns if c.kind == "rank"), None)
    if label is None or rank is None:
        return []
    claims: list[Claim] = []
    for row in ctx.table.rows:
        item = ctx.cell(row, label)
        position = _rank_value(ctx.doc.span_text(row[rank.index]))
        if not item or position is None:
            continue
        qualifiers = _row_qualifiers(ctx, row, label, None)
        qualifiers.pop("category", None)
        qualifiers["partial"] = _says_partial(ctx)
        start, end = ctx.quote(row, row[rank.index])
        claims.append(
            Claim(
                kind="ranking",
                subject=_population(ctx, None, label),
                attribute="rank",
                char_start=start,
                char_end=end,
                extractor=NAME,
                value=float(position),
                unit="rank",
                text=item,
                year=_single_year(ctx.caption),
                qualifiers=qualifiers,
                attributed_to=_attribution(ctx),
                context=ctx.context(rank),
                figure_start=row[rank.index].start,
                figure_end=row[rank.index].end,
            )
        )
    return claims


def _salary_claims(ctx: _Context) -> list[Claim]:
    """One claim per money cell of a pay table; the row label says level, company or place."""
    label = _label_column(ctx.columns)
    rank = next((c for c in ctx.columns if c.kind == "rank"), None)
    money = [c for c in ctx.columns if c.kind == "money"]
    table_role = _role_of(ctx, []) or ctx.role or _UNSPECIFIED
    claims: list[Claim] = []
    for row in ctx.table.rows:
        row_role = _row_role(ctx, row, label) if label else None
        for column in _distinct_cells(row, money):
            amount = _cell_amount(ctx, row, column)
            if amount is None or not amount.is_money:
                continue
            subject = row_role or first_role(column.header) or table_role
            qualifiers = _row_qualifiers(ctx, row, label, rank) if label else {}
            if row_role:
                qualifiers = {k: v for k, v in qualifiers.items() if k not in _LABEL_KEYS}
            if ctx.title:
                qualifiers["table_title"] = ctx.title
            if len(money) > 1:
                level = label_level(column.header)
                if level and "experience_level" not in qualifiers:
                    qualifiers["experience_level"] = level
                elif is_city(column.header) and "region" not in qualifiers:
                    qualifiers["region"] = column.header
                qualifiers["measure"] = column.header
            statistic = _statistic(column.header) or _statistic(ctx.caption, prose_only=True)
            period = amount.pay_period or _pay_period(column.header) or _pay_period(ctx.caption)
            qualifiers.update(
                {
                    key: value
                    for key, value in (
                        ("statistic", statistic),
                        ("pay_period", period),
                        ("currency_symbol", _currency_symbol(amount.raw)),
                    )
                    if value
                }
            )
            start, end = ctx.quote(row, row[column.index])
            claims.append(
                Claim(
                    kind="salary",
                    subject=subject,
                    attribute="salary",
                    char_start=start,
                    char_end=end,
                    extractor=NAME,
                    value=amount.value,
                    value_high=amount.value_high,
                    unit=amount.unit,
                    year=_single_year(column.header) or _single_year(ctx.caption),
                    qualifiers=qualifiers,
                    attributed_to=_attribution(ctx),
                    context=ctx.context(column),
                    figure_start=amount.start,
                    figure_end=amount.end,
                )
            )
    return claims


def _market_claims(ctx: _Context) -> list[Claim]:
    """One claim per market-size or growth cell; the quote is the cell itself."""
    vocabulary = _vocabulary()
    label = _label_column(ctx.columns)
    subject = _market_subject(ctx)
    attributed = _attribution(ctx, with_preceding=True)
    claims: list[Claim] = []
    for row in ctx.table.rows:
        row_label = ctx.cell(row, label) if label else ""
        for column in _distinct_cells(row, list(ctx.columns)):
            if column.kind not in ("money", "percent"):
                continue
            amount = _cell_amount(ctx, row, column)
            if amount is None:
                continue
            years = _years(column.header) or _years(row_label)
            forecast = bool(
                vocabulary["forecast"].search(column.header) or _BY_YEAR.search(column.header)
            )
            qualifiers: dict[str, Any] = {"forecast": forecast, "measure": column.header}
            if ctx.title:
                qualifiers["table_title"] = ctx.title
            if row_label:
                qualifiers["category"] = row_label
            if column.kind == "money":
                kind, attribute, year = "market_size", "market_size", (years[-1] if years else None)
                qualifiers["currency_symbol"] = _currency_symbol(amount.raw)
            elif vocabulary["growth"].search(column.header):
                kind, attribute, year = "growth_rate", _growth_attribute(column.header), None
                if len(years) >= 2:
                    qualifiers.update(period_start=years[0], period_end=years[-1])
                elif years:
                    year = years[0]
            else:
                continue
            cell = row[column.index]
            claims.append(
                Claim(
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=cell.start,
                    char_end=cell.end,
                    extractor=NAME,
                    value=amount.value,
                    value_high=amount.value_high,
                    unit=amount.unit,
                    year=year,
                    qualifiers={k: v for k, v in qualifiers.items() if v is not None},
                    attributed_to=attributed,
                    context=ctx.context(column),
                    figure_start=amount.start,
                    figure_end=amount.end,
                )
            )
    return claims


def _comparison_claims(ctx: _Context) -> list[Claim]:
    """One claim per cell of a role-vs-role table; a non-role first column names the aspect."""
    roles = {c.index: found[0][2] for c in ctx.columns if (found := find_roles(c.header))}
    aspect = ctx.columns[0] if 0 not in roles else None
    claims: list[Claim] = []
    for number, row in enumerate(ctx.table.rows, start=1):
        attribute = ctx.cell(row, aspect).lower() if aspect else "comparison"
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


# --- shared pieces -------------------------------------------------------------------------


def _label_column(columns: tuple[Column, ...]) -> Column | None:
    """The column that names each row: the first text column, else the first plain integer one."""
    for kind in ("text", "integer"):
        for column in columns:
            if column.kind == kind:
                return column
    return None


def _row_role(ctx: _Context, row: tuple[Span, ...], label: Column) -> str | None:
    """The role a row is about: a role its label names, or any label under a role header
    ('Job title' over 'Prompt Engineer')."""
    text = ctx.cell(row, label)
    role = first_role(text)
    if role:
        return role
    if text and _role_header().fullmatch(label.header.strip()) and not find_experience_level(text):
        return normalize_subject(text)
    return None


def label_level(label: str) -> str | None:
    """The experience level a row or column label names; a bare label (or its parenthesis)
    counts when '<label> level' does ('Intermediate (3–5 yrs)' -> 'mid').

    >>> label_level("Intermediate (3–5 yrs)"), label_level("Toronto")
    ('mid', None)
    >>> label_level("ML Engineer I (entry)")
    'entry'
    """
    bare = _PARENTHESES.sub("", label).strip()
    inner = " ".join(part.strip(" ()") for part in _PARENTHESES.findall(label))
    return (
        find_experience_level(label)
        or (find_experience_level(f"{bare} level") if bare else None)
        or (find_experience_level(f"{inner} level") if inner else None)
    )


def _row_qualifiers(
    ctx: _Context, row: tuple[Span, ...], label: Column, rank: Column | None
) -> dict[str, Any]:
    """Dimension, table title, rank and the label under its key (experience level, country...)."""
    qualifiers: dict[str, Any] = {}
    text = ctx.cell(row, label)
    if label.header:
        qualifiers["dimension"] = label.header.lower()
    if ctx.title:
        qualifiers["table_title"] = ctx.title
    if rank is not None and (position := _rank_value(ctx.doc.span_text(row[rank.index]))):
        qualifiers["rank"] = position
    level = label_level(text)
    if level:
        qualifiers["experience_level"] = level
        return qualifiers
    key = next((key for key, pattern in _label_keys() if pattern.search(label.header)), "category")
    qualifiers[key] = text
    return qualifiers


def _population(ctx: _Context, column: Column | None, label: Column) -> str:
    """Who a breakdown or ranking measures: a role named by the header, caption or the text
    around the table; else what the measure counts ('Number of Startups' -> the caption's
    'machine learning startups'); else the caption; else the document's role."""
    headers = [column.header] if column else [c.header for c in ctx.columns if c is not label]
    role = _role_of(ctx, [c for c in ctx.columns if c.header in headers])
    if role:
        return role
    if column is not None:
        counted = _counted_phrase(column.header, ctx.caption)
        if counted:
            return normalize_subject(counted)
    neighbour = _neighbour_role(ctx)
    if neighbour:
        return neighbour
    if ctx.title:
        return normalize_subject(ctx.title)
    return ctx.role or _UNSPECIFIED


def _role_of(ctx: _Context, columns: list[Column]) -> str | None:
    for text in (*(c.header for c in columns), ctx.caption):
        found = find_roles(text)
        if found:
            return found[0][2]
    return None


def _counted_phrase(header: str, caption: str) -> str | None:
    """'Number of Startups' + 'Countries with the Most ML Startups' -> 'ML Startups'."""
    match = re.search(r"\bof\s+([\w-]+(?:\s+[\w-]+){0,2})\s*$", header, re.IGNORECASE)
    if match is None:
        return None
    head = match.group(1).split()[-1]
    found = re.search(r"((?:[\w/&-]+\s+){0,3})" + re.escape(head) + r"\b", caption, re.IGNORECASE)
    if found is None:
        return match.group(1)
    stops = _market_stops()
    words = found.group(1).split()
    while words and words[0].lower() in stops:
        words.pop(0)
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in stops:
            break
        kept.insert(0, word)
    return " ".join([*kept, caption[found.start() + len(found.group(1)) : found.end()]])


def _neighbour_role(ctx: _Context) -> str | None:
    """The role named in the paragraph just after the table (its explanation), or just before."""
    for block in (_block_after(ctx), _block_before(ctx)):
        if block is not None:
            found = find_roles(ctx.doc.span_text(block))
            if found:
                return found[0][2]
    return None


def _block_before(ctx: _Context) -> Block | None:
    before = [
        b
        for b in ctx.doc.blocks
        if b.end <= ctx.table.start and b.kind == "paragraph" and not b.boilerplate
    ]
    return before[-1] if before else None


def _block_after(ctx: _Context) -> Block | None:
    for block in ctx.doc.blocks:
        if block.start >= ctx.table.end:
            return block if block.kind == "paragraph" and not block.boilerplate else None
    return None


def _market_subject(ctx: _Context) -> str:
    """The market the figures describe: named in the caption, else the paragraph before."""
    texts = [ctx.caption]
    before = _block_before(ctx)
    if before is not None:
        texts.append(ctx.doc.span_text(before))
    if ctx.table.section is not None and 0 <= ctx.table.section < len(ctx.doc.blocks):
        texts.append(ctx.doc.span_text(ctx.doc.blocks[ctx.table.section]))
    for text in texts:
        phrase = market_phrase(text)
        if phrase:
            return phrase
    return "market"


def _attribution(ctx: _Context, *, with_preceding: bool = False) -> str | None:
    """Who the table's figures come from: its caption, a 'Source:' line after it, or (for
    tables introduced by prose) the paragraph before it."""
    doc = ctx.doc
    if ctx.table.caption is not None:
        found = find_attribution(doc.text, ctx.table.caption.start, ctx.table.caption.end)
        if found:
            return found
    after = _block_after(ctx)
    if after is not None and re.match(r"\s*(?:source|data)\s*:", doc.span_text(after), re.I):
        found = find_attribution(doc.text, after.start, after.end)
        if found:
            return found
    before = _block_before(ctx)
    if with_preceding and before is not None:
        return find_attribution(
            doc.text, ctx.table.start, ctx.table.start, context_start=before.start
        )
    return None


def _says_partial(ctx: _Context) -> bool:
    return bool(_vocabulary()["partial"].search(ctx.caption + " | " + ctx.headers()))


def _sums_short(ctx: _Context, percent: list[Column]) -> bool:
    """A single share column that adds up to clearly less than 100% lists only some categories."""
    if len(percent) != 1:
        return False
    values = [a.value for row in ctx.table.rows if (a := _cell_amount(ctx, row, percent[0]))]
    return bool(values) and sum(values) < 97.0


def _is_pay(header: str, caption: str) -> bool:
    vocabulary = _vocabulary()
    if vocabulary["price"].search(header):
        return False
    return bool(vocabulary["pay"].search(header) or vocabulary["pay"].search(caption))


def _statistic(text: str, *, prose_only: bool = False) -> str | None:
    """The statistic a header names; captions only say mean/average/median ('Highest paying
    companies' is not a maximum)."""
    prose = load_data("salary_terms")["statistic"]
    for name, pattern in _statistics():
        if (not prose_only or name in prose) and pattern.search(text):
            return name
    return None


def _pay_period(text: str) -> str | None:
    for name, words in load_data("salary_terms")["pay_period"].items():
        if phrase_pattern(tuple(words)).search(text):
            return str(name)
    return None


def _growth_attribute(header: str) -> str:
    return (
        "cagr"
        if phrase_pattern(tuple(load_data("market_terms")["growth"]["cagr"])).search(header)
        else "annual_growth"
    )


def _currency_symbol(raw: str) -> str | None:
    match = re.search(r"[^\d\s.,\-–]+", raw)
    return match.group().strip() if match else None


def _years(text: str) -> list[int]:
    return [year for _, _, year in find_years(text, 0, len(text))] if text else []


def _single_year(text: str) -> int | None:
    years = _years(text)
    return years[0] if len(set(years)) == 1 else None


@cache
def _vocabulary() -> dict[str, re.Pattern[str]]:
    table = load_data("table_terms")
    salary = load_data("salary_terms")["salary_words"]
    market = load_data("market_terms")
    return {
        "rank": vocabulary_pattern(table["columns"]["rank"]),
        "count": vocabulary_pattern(table["columns"]["count"]),
        "market_size": vocabulary_pattern(table["columns"]["market_size"]),
        "growth": vocabulary_pattern(table["columns"]["growth"]),
        "partial": vocabulary_pattern(table["partial"]["phrases"]),
        "pay": phrase_pattern(tuple(salary["strong"] + salary["weak"])),
        "price": phrase_pattern(tuple(salary["price"])),
        "market_noun": phrase_pattern(tuple(market["market"]["nouns"])),
        "forecast": phrase_pattern(tuple(market["forecast"]["cues"])),
    }


@cache
def _statistics() -> tuple[tuple[str, re.Pattern[str]], ...]:
    prose = load_data("salary_terms")["statistic"]
    extra = load_data("table_terms")["statistic"]
    return tuple((name, vocabulary_pattern(words)) for name, words in {**prose, **extra}.items())


@cache
def _label_keys() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (key, vocabulary_pattern(words)) for key, words in load_data("table_terms")["label"].items()
    )


_LABEL_KEYS = ("category", "company", "country", "region", "city")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


@cache
def _role_header() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("table_terms")["role_header"]["words"])


@cache
def _market_stops() -> frozenset[str]:
    return frozenset(load_data("market_terms")["market"]["phrase_stops"])


@cache
def _empty_cells() -> frozenset[str]:
    return frozenset(load_data("table_terms")["columns"]["empty"])

"""Market sizes and market growth rates from running prose.

'the global machine learning market is expected to reach $225.9 billion by 2030, with an annual
growth rate of 36.2%' gives a `market_size` (225.9e9 USD, year 2030, forecast) and a
`growth_rate` ('annual_growth', 36.2 percent). Growth of jobs or postings is left to `demand`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache, partial
from typing import Any

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.extract.attribution import find_attribution, full_source_name
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    RESPECTIVELY,
    Amount,
    Sentence,
    after_dateline,
    amounts,
    block_before,
    clause_bounds,
    collect,
    fact_lines,
    figure_frame,
    figure_headings,
    find_places,
    find_roles,
    is_place,
    lead_in,
    periods,
    plain_years,
    respective_run,
    section_heading,
    states_forecast,
    vocabulary,
)
from mlefacts.extract.counts import fact_rows, field_names
from mlefacts.extract.cues import Keys, declare, may_hold, word_keys
from mlefacts.extract.label_scale import label_factor
from mlefacts.extract.salary import pay_growth
from mlefacts.extract.sections import clean_text
from mlefacts.extract.shares import share_cue
from mlefacts.extract.subjects import (
    MIN_MARKET_SIZE,
    SPENDING,
    MarketPart,
    breakdown_heading,
    clause_part,
    labelled_part,
    main_market,
    market_mentions,
    market_noun,
    market_owner,
    market_part,
    market_phrase,
    market_place,
    opening_breakdown,
    opening_part,
    place_market,
    section_breakdown,
    world_spending_market,
)
from mlefacts.extract.table_frame import single_year, table_vocabulary
from mlefacts.normalize.money import header_currency, page_dollar
from mlefacts.normalize.quantities import find_multiplier_words, find_years, optional_hedge
from mlefacts.normalize.text import fold_case, normalize_subject
from mlefacts.toml_files import load_data

NAME = "market"
VERSION = "2"

# How far (characters) a growth cue may sit from its percentage.
_CUE_REACH_BEFORE = 60
_CUE_REACH_AFTER = 40
_BY_YEAR = re.compile(r"\b(?:by|until|through|till)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# How far before a market phrase a place written with dots ('the U.S. NLP market') may stand.
_PLACE_REACH = 30
_TRAILING_WORDS = re.compile(r"(?:[\w.]+\s+){1,2}$")
# 'growth of 24% to 2030': after a rate, 'to' also ends its period.
_RATE_TARGET = re.compile(
    r"^[^.;]{0,40}?\b(?:by|until|through|till|to)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)


def extract(doc: Document) -> list[Claim]:
    """Market size and growth rate claims from the document's paragraphs and list items, from
    labelled lines set as headings ('### Growth: 18.2% a year through 2031'), from headlines
    that name a market and its figure ('Data Labeling Market Size Worth USD 17.3 Billion by
    2032') and from the rows of its two-column fact tables ('Base Year [2024] | USD 4.41
    billion')."""
    headed = [claim for line in fact_lines(doc) for claim in _labelled_line(doc, line)]
    headlines = [
        claim for line in figure_headings(doc, market_phrase) for claim in _read_sentence(doc, line)
    ]
    facts = [claim for table in doc.tables for claim in _fact_rows(doc, table)]
    by_year = [
        claim
        for table in doc.tables
        for claim in (*_year_columns(doc, table), *_year_rows(doc, table))
    ]
    by_year += _year_items(doc)
    read = [*collect(doc, _read_sentence, name=NAME, needs_digit=True), *headed, *headlines]
    return [*_without_rounded(read), *facts, *by_year]


def _without_rounded(claims: list[Claim]) -> list[Claim]:
    """The claims less those that round another of the same figure: 'Surge Past USD 31
    Billion by 2032' in a headline over '... USD 31.62 billion by 2032' in the text is listed
    once, as the text states it (same kind, subject, year and qualifiers, within 5%, with
    fewer significant digits)."""
    return [claim for claim in claims if not any(_rounds(claim, other) for other in claims)]


def _rounds(claim: Claim, other: Claim) -> bool:
    if not (claim.value and other.value and claim.value_high is None):
        return False
    return (
        claim.kind == other.kind
        and claim.unit == other.unit
        and claim.year == other.year
        and _market_named(claim.subject) == _market_named(other.subject)
        and _compared(claim) == _compared(other)
        and abs(claim.value - other.value) <= _ROUNDING * other.value
        and _significant(claim.value) < _significant(other.value)
    )


def _market_named(subject: str) -> str:
    """A market's name without the scope a headline leaves out ('global MLOps market')."""
    return _WORLDWIDE.sub("", normalize_subject(subject))


_WORLDWIDE = re.compile(r"^(?:global|worldwide|world)\s+")


def _compared(claim: Claim) -> dict[str, Any]:
    """A claim's qualifiers that tell one figure from another of its market and year."""
    return {k: v for k, v in claim.qualifiers.items() if k not in _NOT_TELLING}


def _significant(value: float) -> int:
    """How many significant digits a value is written with (to six): 31e9 has 2, 31.62e9 4."""
    return len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0"))


# How far a rounded figure may lie from the one it rounds, and the qualifiers the two may
# differ in (a headline says 'past', the text gives the region and the currency sign).
_ROUNDING = 0.05
_NOT_TELLING = frozenset({"bound", "forecast", "currency_symbol", "region", "measure", "base_year"})


def _year_columns(doc: Document, table: Table) -> list[Claim]:
    """The market figures of a table whose columns are years and whose rows are measures
    ('| | 2024 | 2030 |' over 'Market size (USD bn) | 13.2 | 41.4' and 'Growth (%) | - |
    20.9'): each cell is its row's measure in its column's year. A size row names its
    currency (and scale) or its cells do; a growth row's cells are percentages, or its label
    says they are ('%'). The market is the caption's, the heading's or the page's."""
    years = [single_year(clean_text(doc.span_text(cell))) for cell in table.header]
    if years[0] is not None or sum(year is not None for year in years) < 2:
        return []
    heading = _heading_of(doc, table.section)
    market = (
        market_phrase(doc.span_text(table.caption) if table.caption else "")
        or market_phrase(heading)
        or main_market(doc)
    )
    if market is None:
        return []
    claims = []
    for row in table.rows:
        label = clean_text(doc.span_text(row[0]))
        for cell, year in zip(row[1:], years[1:], strict=True):
            reading = _year_cell(doc, label, cell) if year is not None else None
            if reading is None:
                continue
            kind, amount = reading
            start, end = row[0].start, row[-1].end
            if end - start > MAX_QUOTE:
                start, end = cell.start, cell.end
            claims.append(
                Claim.from_amount(
                    amount,
                    kind=kind,
                    subject=market,
                    attribute="market_size" if kind == "market_size" else _rate_name(label),
                    char_start=start,
                    char_end=end,
                    extractor=NAME,
                    unit="percent" if kind == "growth_rate" else None,
                    year=year,
                    qualifiers={"measure": label},
                    context=f"{label} › {year}",
                )
            )
    return claims


def _year_cell(doc: Document, label: str, cell: Span) -> tuple[str, Amount] | None:
    """(kind, amount) of one cell under a year, read in its row label's measure and unit."""
    found = amounts(doc.text, cell.start, cell.end)
    if len(found) != 1:
        return None
    amount = found[0]
    columns = table_vocabulary()
    if columns["market_size"].search(label):
        size = _size_in(doc, label, amount)
        return None if size is None else ("market_size", size)
    growth = columns["growth"].search(label)
    if growth and (amount.unit == "percent" or (amount.unit is None and "%" in label)):
        return "growth_rate", amount
    return None


def _size_in(doc: Document, label: str, amount: Amount) -> Amount | None:
    """A market size written bare in the currency and scale its label names ('71.3' under
    'Market size (USD billion)'), or money of its own; None below a market's size."""
    if not amount.is_money and amount.unit is None:
        currency = header_currency(label, page_dollar(doc.text), scaled=True)
        factor = label_factor(label)
        if currency is None:
            return None
        amount = replace(amount, unit=currency)
        amount = amount if factor is None else amount.times(factor)
    return amount if amount.value >= MIN_MARKET_SIZE and amount.is_money else None


def _year_rows(doc: Document, table: Table) -> list[Claim]:
    """The sizes of a table whose rows are years and whose value column states no currency
    of its own: the caption names it ('AI chip market size, 2024-2030 (USD billion)' over
    'Year | Market size', or a chart's data 'Market size in billion U.S. dollars' over
    '2020: | 93.27'). Columns that name their currency are the table reader's."""
    caption = doc.span_text(table.caption) if table.caption else ""
    rows = [table.header, *table.rows]
    if single_year(clean_text(doc.span_text(table.header[0]))) is None:
        rows = rows[1:]
    if (
        len(rows) < 2
        or len(table.header) != 2
        or not table_vocabulary()["market_size"].search(caption)
    ):
        return []
    if any(single_year(clean_text(doc.span_text(row[0]))) is None for row in rows):
        return []
    header = clean_text(doc.span_text(table.header[1])) if rows[0] is not table.header else ""
    if header_currency(header, page_dollar(doc.text), scaled=True):
        return []
    market = market_phrase(caption) or market_phrase(_heading_of(doc, table.section))
    market = market or main_market(doc)
    claims = []
    for year_cell, value_cell in rows:
        found = amounts(doc.text, value_cell.start, value_cell.end)
        size = _size_in(doc, caption, found[0]) if len(found) == 1 else None
        if size is None or market is None:
            continue
        year = single_year(clean_text(doc.span_text(year_cell)))
        claims.append(
            _market_size(
                size,
                market,
                (year_cell.start, value_cell.end),
                year,
                {"measure": header or caption},
                context=caption,
            )
        )
    return claims


# A list item that is a year and a bare figure: '2021: 21.13', '2030 – 503.4'.
_YEAR_ITEM = re.compile(r"\W*(?P<year>(?:19|20)\d\d)\s*[:=–—-]\s*[\d.,]+\s*$")


def _year_items(doc: Document) -> list[Claim]:
    """The sizes of a chart's data written as a list of years and bare figures ('- 2021:
    21.13') under a lead-in or heading that names a market size and its unit ('Machine
    learning market size worldwide from 2021 to 2030 (in billion U.S. dollars)')."""
    claims = []
    for index, block in enumerate(doc.blocks):
        own = doc.span_text(block)
        item = _YEAR_ITEM.match(own) if block.kind == "list_item" else None
        if item is None:
            continue
        label = lead_in(doc, index) or section_heading(doc, block)
        found = amounts(doc.text, block.start + item.end("year"), block.end)
        if len(found) != 1 or not table_vocabulary()["market_size"].search(label):
            continue
        size = _size_in(doc, label, found[0])
        market = market_phrase(label) or main_market(doc)
        if size is None or market is None:
            continue
        claims.append(
            _market_size(
                size, market, (block.start, block.end), int(item["year"]), {}, context=label
            )
        )
    return claims


def _heading_of(doc: Document, section: int | None) -> str:
    if section is None or not 0 <= section < len(doc.blocks):
        return ""
    return doc.span_text(doc.blocks[section])


def _rate_name(label: str) -> str:
    return "cagr" if vocabulary("market_terms", "growth", "cagr").search(label) else "annual_growth"


def _fact_rows(doc: Document, table: Table) -> list[Claim]:
    """The market figures of a two-column fact table, each row read as a card (see
    `_card_claim`) with the table's header beside its label (see `counts.fact_table`)."""
    header = " ".join(doc.span_text(cell) for cell in table.header)
    heading = doc.span_text(table.caption) if table.caption else ""
    claims = []
    for row in fact_rows(doc, table):
        label = " ".join(doc.span_text(row.label).split())
        claim = _card_claim(doc, label, row.start, row.value, heading, f"({header})")
        read = (
            [claim]
            if claim is not None
            else _sizes_by_year(doc, label, row.start, row.value, heading)
        )
        claims.extend(replace(found, char_end=max(found.char_end, row.end)) for found in read)
    return claims


def _sizes_by_year(doc: Document, label: str, start: int, value: Span, heading: str) -> list[Claim]:
    """The sizes of a fact whose value states several, each with its year ('Market Size |
    USD 20.8 billion in 2024 to USD 66.5 billion by 2030'), read as a sentence is."""
    found = amounts(doc.text, value.start, value.end)
    sizes = [a for a in found if a.value >= MIN_MARKET_SIZE and a.is_money]
    if len(sizes) < 2 or len(sizes) != len(found):
        return []
    market = market_phrase(label) or market_phrase(heading) or main_market(doc)
    if market is None or not (market_noun().search(label) or _card_size_words().search(label)):
        return []
    block = Block("paragraph", value.start, value.end)
    sentence = Sentence(value.start, value.end, 0, block)
    years: dict[int, int | None] = {}
    return [
        replace(
            _size_claim(doc.text, sentence, found, amount, market, years),
            char_start=start,
            context=label,
        )
        for amount in sizes
    ]


def _labelled_line(doc: Document, sentence: Sentence) -> list[Claim]:
    """A line that is a label and its figure ('CAGR 2025-2030: 19.6%', 'Revenue forecast for
    2030: USD 59.2 billion') on a page about a market, read as a card (see `_card_claim`)."""
    own = doc.text[sentence.start : sentence.end]
    label = _LINE_LABEL.match(own)
    if label is not None:
        name, value = label["label"], Span(sentence.start + label.end(), sentence.end)
    elif (ended := _ended_by_figure(doc, sentence)) is not None:
        name, value = ended  # a key-figure row, its label set beside its value: '2025 value USD
        # 117.6 bn', 'CAGR 2025–2033 19.9%'
    else:
        return []
    heading = section_heading(doc, sentence.block)
    claim = _card_claim(doc, name, sentence.start, value, heading, "")
    return [] if claim is None else [claim]


def _ended_by_figure(doc: Document, sentence: Sentence) -> tuple[str, Span] | None:
    """(label, value) of a short block that is a label, then its one figure at the block's
    end, no colon between ('2033 forecast USD 501.2 bn'); None for other lines."""
    text, block = doc.text, sentence.block
    if (
        block.kind != "paragraph"
        or sentence.start != block.start
        or sentence.end - sentence.start > _KEY_ROW
    ):
        return None
    found = [
        a for a in amounts(text, sentence.start, sentence.end) if a.unit == "percent" or a.is_money
    ]
    if len(found) != 1 or text[found[0].end : sentence.end].strip(" *_"):
        return None  # (a full stop after it ends a sentence: 'It is a market worth $5 billion.')
    label = text[sentence.start : found[0].start].strip(" *_")
    if not label or not label[0].isalnum():
        return None
    return label, Span(found[0].start, sentence.end)


# The longest key-figure row read without a colon.
_KEY_ROW = 48


# 'CAGR 2025-2030: ', '- Revenue forecast for 2030: ': a label and a colon opening a line.
_LINE_LABEL = re.compile(r"\W*(?P<label>[^\W\d][^:\n]{0,50}?)\s*:[*_]*\s+")


def _card_claim(
    doc: Document, label: str, start: int, value: Span, heading: str, beside: str
) -> Claim | None:
    """The market size or growth rate of one labelled figure, as `card_reading` reads a card:
    the label ('Forecast Year [2032]', 'Growth rate') and the words around the one figure
    ('CAGR of 34.8% from 2025 to 2030') give its kind; its year is the label's, a rate's the
    end of its period. A label with figures of its own besides years is not a card's."""
    text = doc.text
    found = [a for a in amounts(text, value.start, value.end) if a.unit == "percent" or a.is_money]
    if len(found) != 1 or any(map(str.isdigit, _YEARLESS.sub("", label))):
        return None
    amount = found[0]
    words = f"{text[value.start : amount.start]} {text[amount.end : value.end]}"
    reading = card_reading(doc, f"{label} {words} {beside}", heading, amount, amount.value)
    named = _NAMED_BEFORE.match(text, value.start, amount.start)
    part = named["part"] if named else ""
    if reading is not None and reading[0] == "share" and part:
        # 'Largest region (2025)' | 'North America, 42.3% share': the part the value names
        place = market_place(part)
        named = {"region": place[1]} if place else {"segment": part}
        reading = (*reading[:3], named)
    elif reading is None or reading[0] not in ("market_size", "growth_rate"):
        return None
    kind, attribute, subject, qualifiers = reading
    years = [y for _, _, y in find_years(label)]
    spans = periods(text, value.start, value.end)
    if kind == "growth_rate" and spans and spans[0][2] is not None:
        qualifiers = {**qualifiers, "period_start": spans[0][2]}
        if spans[0][3] is not None:
            qualifiers["period_end"] = spans[0][3]
            years = [spans[0][3]]
    return Claim.from_amount(
        amount,
        kind=kind,
        subject=subject,
        attribute=attribute,
        char_start=start,
        char_end=value.end,
        extractor=NAME,
        year=years[-1] if years else None,
        qualifiers=qualifiers,
        context=label,
    )


# A part named before a share and set off by a comma ('North America, 42.3% share'), not a
# hedge ('Over 46.8%', 'Approx. 42.3%').
_NAMED_BEFORE = re.compile(r"\s*(?P<part>[A-Z][^,;:\d]{0,40}?)\s*,\s*$")
# A label's years ('Base Year [2024]', 'Forecast (2032)'): digits besides them make the label a
# figure of its own.
_YEARLESS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    own = text[sentence.start : sentence.end]
    found = [
        _level_after_change(text, sentence, a)
        for a in with_word_multiples(text, sentence, amounts(text, sentence.start, sentence.end))
    ]
    sizes = [
        a
        for index, a in enumerate(found)
        if a.value >= MIN_MARKET_SIZE
        and a.is_money
        # 'ARS 3.1 million a month' is someone's pay; 'worth $12 billion a year' a market's
        and a.pay_period in (None, "annual")
        and not _size_change(text, sentence, a)
        and not (index and _restated(text, found[index - 1], a))
    ]
    rates = [a for a in found if a.unit in ("percent", "ratio")]
    if not sizes and not rates:
        return []
    if _COMPANY_RESULTS.search(own) and market_phrase(own) is None:
        return []  # 'Revenue was $612 million in fiscal 2025, up 34%': a company's results
    claims = _read_figures(doc, sentence, own, found, sizes, rates)
    read = {claim.figure_start for claim in claims}
    claims += [c for c in _part_changes(doc, sentence, rates) if c.figure_start not in read]
    if claims and RESPECTIVELY.search(own):
        claims = _respective_places(text, sentence, sizes, claims)
    return claims or _labelled_line(doc, sentence)


def _part_changes(doc: Document, sentence: Sentence, rates: list[Amount]) -> list[Claim]:
    """On a market's page, a part's revenue or spending that changed by a rate ('Hardware
    revenue fell 3.8% in 2025', 'Spending on standalone chatbots declined 6.4%', 'revenue from
    ML appliances fell 4.2%'): that part's growth rate in the page's market, negative when it
    fell; not a company's ('Nvidia's data-centre revenue rose 93%', 'its revenue')."""
    text = doc.text
    market = main_market(doc) if rates else None
    if market is None or not _market_page(doc, market):
        return []
    claims = []
    for amount in rates:
        if amount.unit != "percent":
            continue
        start, end = clause_bounds(text, sentence.start, sentence.end, amount.start)
        changed = _PART_CHANGE.search(text, start, amount.start)
        if changed is None:
            continue
        verb = changed["verb"].lower()
        if (verb in _BASE_VERBS) != bool(changed["will"]):
            continue  # 'will fall', 'fell'; not 'is expected to fell'
        part = " ".join((changed["before"] or changed["after"]).split())
        if _OWNER_WORDS.search(part) or _POSSESSIVE_END.search(text, start, changed.start()):
            continue  # 'its revenue', 'Nvidia's data-centre revenue': a company's
        opening = text[start : changed.start("before")] if changed["before"] else ""
        if (opening.strip() and not _OPENS_PART.search(opening)) or _SAYS.search(
            text, sentence.start, changed.end()
        ):
            continue  # 'Acme said revenue fell 5%': the part opens its clause, no one's words
        if _POINTS.match(text, amount.end) or not _generic_part(doc, part, changed.start()):
            continue  # 'rose 5 percentage points'; 'Intel revenue', 'Q3 revenue', 'Europe'
        before = [y for _, y in plain_years(text, sentence.start, amount.start, skip=[amount])]
        falls = verb in _FALL_VERBS
        qualifiers: dict[str, Any] = {"segment": part}
        if changed["will"]:
            qualifiers["forecast"] = True  # 'revenue from edge AI chips will fall 3% in 2026'
        years = plain_years(text, amount.end, end, skip=[amount])
        claim = Claim.from_amount(
            replace(amount, value=-amount.value) if falls else amount,
            kind="growth_rate",
            subject=market,
            attribute="annual_growth",
            char_start=sentence.start,
            char_end=sentence.end,
            extractor=NAME,
            year=years[0][1] if years else (before[-1] if before else None),
            qualifiers=qualifiers,
        )
        source = full_source_name(
            text,
            find_attribution(
                text, sentence.start, sentence.end, context_start=sentence.block.start
            ),
        )
        claims.append(_attributed(claim, source))
    return claims


@lru_cache(maxsize=8)
def _market_page(doc: Document, market: str) -> bool:
    """Whether a page is about its market (its title names a market, or its text names the
    market twice), not a career page that mentions one in passing ('because the AI market keeps
    expanding'). Kept per page: asked for each of its sentences with a percentage."""
    named = market.lower().removeprefix("global ").removeprefix("worldwide ")
    return bool(market_phrase(doc.title or "")) or doc.text.lower().count(named) >= 2


def _generic_part(doc: Document, part: str, at: int) -> bool:
    """Whether a part's name is a kind of product or buyer ('hardware', 'on-premises
    hardware', 'edge AI chips'), not a company, a place, a period, a role or the whole market:
    its words are in lower case (acronyms beside them apart: not 'AWS' alone), a capital opening
    the sentence only where the page writes the word in lower case too."""
    words = part.split()
    if all(word.isupper() for word in words):
        return False  # 'AWS', 'AMD': a company's name alone
    placed = is_place(part) or any(find_places(part, kind) for kind in ("regions", "countries"))
    if _NOT_A_PART.search(part) or placed or find_roles(part):
        return False
    for index, word in enumerate(words):
        if word[0].islower() or word.isupper():
            continue
        opening = index == 0 and not doc.text[max(0, at - 2) : at].strip().strip("\"'“‘*_")
        if not (opening and f" {word.lower()} " in doc.text):
            return False
    return True


# Periods, totals, volumes and whole-market words that name no part ('Q3', 'First-quarter',
# 'last year', 'Unit', 'Worldwide vendor'); a count of points after the rate is no growth.
_NOT_A_PART = re.compile(
    r"\b(?:quarter|quarterly|year|years|annual|month|monthly|week|half|fiscal|FY\d*|Q[1-4]|H[12]"
    r"|first|second|third|fourth|last|next|this|the|unit|units|vendor|vendors|worldwide|"
    r"overall|total|global|market|industry)\b",
    re.IGNORECASE,
)
_POINTS = re.compile(r"\s*(?:percentage\s+points?|points?|pp|pts)\b", re.IGNORECASE)


# A part's money and how it changed, right before the rate: 'Hardware revenue fell', 'Spending
# on on-premises hardware declined', 'revenue from ML appliances fell by'.
_PART_CHANGE = re.compile(
    r"(?:(?<![\w'’-])(?P<before>(?:[\w-]+\s+){1,3}?)(?:revenues?|sales|spending)\s+"
    r"|\b(?:revenues?|sales|spending)\s+(?:from|on|of|for)\s+(?P<after>(?:[\w-]+\s+){1,4}?))"
    r"(?:has\s+|have\s+|(?P<will>will|(?:is|are)\s+(?:expected|projected|forecast)\s+to)\s+)?"
    r"(?P<verb>fell|fallen|fall|declined|decline|dropped|drop|slipped|shrank|shrink|contracted"
    r"|contract|decreased|decrease|rose|rise|grew|grow|increased|increase|climbed|jumped)"
    r"(?:\s+by)?\s*$",
    re.IGNORECASE,
)
_BASE_VERBS = frozenset(
    {"fall", "decline", "drop", "shrink", "contract", "decrease", "rise", "grow", "increase"}
)
_FALL_VERBS = frozenset(
    {
        "fell",
        "fallen",
        "fall",
        "declined",
        "decline",
        "dropped",
        "drop",
        "slipped",
        "shrank",
        "shrink",
        "contracted",
        "contract",
        "decreased",
        "decrease",
    }
)
_POSSESSIVE_END = re.compile(r"['’]s?\s*$")
# A company's own words of its results ('Acme said revenue fell 5%'); an analyst's forecast
# ('forecasts that revenue from edge AI chips will fall 3%') is the market's.
_SAYS = re.compile(
    r"\b(?:said|says|say|reported|reports|noted|notes|told|added|adds|announced|announces)\b",
    re.IGNORECASE,
)
# What may stand before a part named before its revenue: nothing of its clause, or a link.
_OPENS_PART = re.compile(r"(?:[,;:(]|\b(?:while|whereas|and|but|that|as))\W*\Z", re.IGNORECASE)
# Words that make the money a company's or the whole's, not a part's.
_OWNER_WORDS = re.compile(
    r"['’]s\b|\b(?:its|our|their|his|her|the\s+company|total|overall|global|the|a|an)\s*$"
    r"|^(?:its|our|their|total|overall|global|annual|quarterly|net)\b",
    re.IGNORECASE,
)


# What makes a sentence about the money of a market's part: its revenue or sales.
_REVENUE_WORDS = r"revenues?|sales|turnover"
_REVENUE = re.compile(rf"\b(?:{_REVENUE_WORDS})\b", re.IGNORECASE)
# Money that someone earns, owns, raises or spends, named before a sum: no market's size.
_OWNED_MONEY = re.compile(
    rf"\b(?:{_REVENUE_WORDS}|funding|fund(?:s|ed)|invest\w*|spend\w*|raised?|valuations?|"
    r"budgets?|profits?|income|earnings|bookings|ARR)\b",
    re.IGNORECASE,
)
# A company's own results, not a market's: its fiscal year, 'our revenue', 'Acme reported
# revenue of'.
_COMPANY_RESULTS = re.compile(
    r"\b(?:fiscal(?:\s+year)?\s+(?:19|20)\d\d|FY\s?['’]?\d{2,4}"
    r"|(?:our|the\s+company['’]s)\s+(?:(?:total|net|annual|quarterly)\s+)?(?:revenues?|sales)"
    r"|reported\s+(?:(?:total|net|quarterly|annual|record)\s+)?(?:revenues?|sales))\b",
    re.IGNORECASE,
)


def _respective_places(
    text: str, sentence: Sentence, sizes: list[Amount], claims: list[Claim]
) -> list[Claim]:
    """Sizes stated 'respectively' after as many countries ('Germany and France are expected
    to reach EUR 44.7 bn and EUR 29.9 bn by 2030, respectively'): each is its country's, and
    the year after the last dates them all."""
    said = RESPECTIVELY.search(text, sentence.start, sentence.end)
    run = respective_run(text, sizes, said.start()) if said else []
    countries = find_places(text[sentence.start : run[0].start], "countries") if run else []
    if len(run) < 2 or len(countries) != len(run):
        return claims
    places = {figure.start: country for figure, country in zip(run, countries, strict=True)}
    sized = [c for c in claims if c.kind == "market_size" and c.figure_start in places]
    years = {c.year for c in sized if c.year is not None}
    year = years.pop() if len(years) == 1 else None
    return [
        replace(
            claim,
            year=claim.year or year,
            qualifiers={
                **{k: v for k, v in claim.qualifiers.items() if k != "region"},
                "country": places[claim.figure_start],
            },
        )
        if claim in sized
        else claim
        for claim in claims
    ]


def _restated(text: str, before: Amount, amount: Amount) -> bool:
    """A sum that writes the one before it again in brackets, in its own currency's numerals
    ('¥1,324.6 billion (1兆3,246億円)'): one size, stated once."""
    return (
        before.is_money
        and before.unit == amount.unit
        and _OPEN_BRACKET_ONLY.fullmatch(text, before.end, amount.start) is not None
        and abs(before.value - amount.value) <= _SAME_SUM * before.value
    )


_OPEN_BRACKET_ONLY = re.compile(r"\s*[(（]\s*")
_SAME_SUM = 0.005


def _size_change(text: str, sentence: Sentence, amount: Amount) -> bool:
    """A sum by which a market changed is no size: 'an increase of about $21 billion', 'grew by
    $20 billion to ...', 'a $21 billion jump', '$21 billion more than in 2024'."""
    before, after = _size_change_patterns()
    return bool(
        before.search(text, max(sentence.start, amount.start - 40), amount.start)
        or after.match(text, amount.end, sentence.end)
    )


def _level_after_change(text: str, sentence: Sentence, amount: Amount) -> Amount:
    """'grew by $2.1 billion to $6.3 billion' is read as one range; it is a change, then the
    level it reached: the level alone ('grew by $2-3 billion' stays a range of change)."""
    if amount.value_high is None or not amount.is_money:
        return amount
    if not _size_change_patterns()[0].search(
        text, max(sentence.start, amount.start - 40), amount.start
    ):
        return amount
    joins = list(_RANGE_JOIN.finditer(text, amount.start, amount.end))
    if not joins:
        return amount
    start = joins[-1].end()
    return replace(
        amount, start=start, value=amount.value_high, value_high=None, raw=text[start : amount.end]
    )


_RANGE_JOIN = re.compile(r"\s+to\s+")


@cache
def _size_change_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    change = r"(?:increase|rise|jump|gain|decrease|decline|drop|fall|addition|boost)"
    verbs = r"(?:grew|grown|rose|risen|increased|jumped|climbed|fell|dropped|declined|decreased"
    verbs += r"|expanded|shrank|shrunk|up|down)"
    return (
        re.compile(
            rf"\b(?:an?\s+(?:[\w-]+\s+)?{change}\s+of|{verbs}\s+by)\s+{optional_hedge()}$",
            re.IGNORECASE,
        ),
        re.compile(rf"\s+(?:[\w-]+\s+)?(?:{change}\b|(?:more|less)\s+than\b)", re.IGNORECASE),
    )


def _read_figures(
    doc: Document,
    sentence: Sentence,
    own: str,
    found: list[Amount],
    sizes: list[Amount],
    rates: list[Amount],
) -> list[Claim]:
    """The market claims of a sentence read as prose: its market, part, sizes and rates."""
    text = doc.text
    named_here = market_phrase(own)
    spent = None if named_here else _spending_market(doc, own)
    if not (sizes or named_here or spent or _may_state_growth(own)):
        return []  # its rates have no market (see `_may_state_growth`): no part is looked for
    listed = market_phrase(lead_in(doc, sentence.block_index))
    breakdown = breakdown_heading(section_heading(doc, sentence.block))
    body = after_dateline(own)  # 'PUNE, India, March 4, 2026 /NewsWire/ -- ': no part
    part = (
        part_after_label(body)
        or market_part(body)
        or (_listed_part(sentence, body, breakdown) if listed or breakdown else None)
        or _section_part(doc, sentence, body, named_here)
    )
    # looked up only when a figure needs it: most sentences name their market or claim nothing
    earlier = cache(partial(_earlier_market, doc, sentence, own, spent, listed, part))
    claims: list[Claim] = []
    size_years: dict[int, int | None] = {}
    size_verbs = vocabulary("market_terms", "market", "size_verbs")
    size_subject = None  # a size's market when the sentence names none
    # 'Oakline only publishes a headline: USD 1.9 billion in 2024 and an estimated USD 2.6
    # billion in 2025, growing at a CAGR of 28%': sums that compound are the page's market's,
    # unless the words before them say whose money they are ('Databricks revenue: USD 1.6
    # billion ...', 'Venture funding into MLOps startups: ...')
    compounds = (
        sizes
        and rates
        and vocabulary("market_terms", "growth", "cagr").search(own)
        and not _OWNED_MONEY.search(text, sentence.start, sizes[0].start)
    )
    if (
        sizes
        and not named_here
        and (size_verbs.search(own) or part or _FORECAST_PUT.search(own) or compounds)
        and not _pays(own)
    ):
        # not 'In India, the median ML engineer salary is ₹15.9 LPA'
        size_subject = earlier() or (main_market(doc) if compounds else None)
    for amount in sizes:
        subject = _called_market(text, sentence, amount) or (
            _governing_market(text, sentence, amount) if named_here else size_subject
        )
        if subject is None and named_here and _sized_apart(text, sentence, amount):
            # 'The United States generated USD 1.09 billion of MLOps revenue in 2025, and the
            # Indian MLOps market is ...': a clause of its own, of the market before it
            subject = earlier()
        if subject is not None:
            claim = _size_claim(text, sentence, found, amount, subject, size_years)
            claims.append(_of_part(claim, _figure_part(text, sentence, amount, part)))
    # a sentence about a part of the market ('Asia Pacific is anticipated to register the
    # fastest CAGR, 25.1%, ... as manufacturers automate demand planning'): the words before
    # its first rate say what grows, not an aside after it
    topic = own[: rates[0].start - sentence.start] if rates and part else own
    # a section whose heading names its market without the word ('2. AI accelerator chips'):
    # its market, not the page's first, for a rate the sentence names no market for
    sectioned = _heading_market(doc, section_heading(doc, sentence.block)) if rates else None
    rate_subject = (
        (
            spent
            or _rate_subject(
                own,
                named_here,
                lambda: sectioned or earlier(),
                topic=topic,
                page=sectioned or main_market(doc),
            )
        )
        if rates
        else None
    )
    if rate_subject:
        for amount in rates:
            subject = _governing_market(text, sentence, amount) if named_here else rate_subject
            if subject is None and named_here and _rate_before_market(text, sentence, amount):
                # 'India is projected to clock a 39.7% CAGR over the same period, while the
                # China generative AI market was valued at ...': a later clause's market is
                # not the rate's; the one before the sentence is
                subject = earlier()
            if subject is None or pay_growth(text, sentence, found, amount):
                continue
            parallel = _parallel_rate(text, sentence, found, found.index(amount))
            claim = _rate_claim(
                text,
                sentence,
                found,
                amount,
                subject,
                size_years,
                forecast_period=partial(forecast_period, doc),
                parallel=parallel,
            )
            if claim is None:
                continue
            figure_part = _figure_part(text, sentence, amount, part)
            if parallel:
                figure_part = clause_part(parallel[0], None) or figure_part  # 'North America at'
            claims.append(_of_part(claim, figure_part))
    if not claims:
        return claims  # most sentences with a percentage: who said it is not looked up
    source = full_source_name(
        text,
        find_attribution(text, sentence.start, sentence.end, context_start=sentence.block.start),
    )
    return [_attributed(claim, source) for claim in claims]


def _cagr_before(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a rate's own clause, up to it and right after it, calls it a CAGR and names
    no market of its own."""
    start, end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    own = text[start:end]
    return bool(vocabulary("market_terms", "growth", "cagr").search(own)) and not market_mentions(
        own
    )


def _rate_before_market(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a rate's clause calls it a CAGR (`_cagr_before`), or is the place's pace that
    opens its sentence ('The Middle East & Africa follows at 36.2% ..., with the UAE market
    alone forecast to reach ...'), before a market the sentence names later."""
    own = text[sentence.start : amount.end]
    return _cagr_before(text, sentence, amount) or (
        "%" not in own[: amount.start - sentence.start] and _place_pace(own)
    )


def _may_state_growth(own: str) -> bool:
    """Whether a sentence that names no market may give its rates one: `_rate_subject` finds
    none without a CAGR or annual-growth cue or a market noun ('the market') in it."""
    return bool(
        vocabulary("market_terms", "growth", "cagr").search(own)
        or vocabulary("market_terms", "growth", "annual").search(own)
        or market_noun().search(own)
        or _GROWTH_OPENS.match(own)
        or _place_pace(own)
    )


def _place_pace(own: str) -> bool:
    """Whether a sentence opens with a place keeping pace at a rate, its growth word left to
    the sentences before ('Latin America follows at 21.0% over the same period', 'Europe is
    expected to grow at 17.3%'): on a market's page, that place's growth rate."""
    opening = _PLACE_PACE.match(own)
    return opening is not None and is_place(opening["place"])


_PLACE_PACE = re.compile(
    r"\W*(?:[Tt]he\s+)?(?P<place>[A-Z][\w.-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w.-]*){0,3})\s+"
    r"(?:(?:is|are)\s+(?:expected|projected|forecast|anticipated|poised|set|likely)\s+to\s+)?"
    r"(?:follow|grow|expand|advance|rise|climb|increase)s?\s+at\s+"
)


# A sentence whose subject is growth itself, of nothing it names ('Growth slowed to 29.8% in
# 2025, down from 33.1%'): on a market's page, the market's growth.
_GROWTH_OPENS = re.compile(
    r"\W*(?:(?:annual|overall|revenue|market|year-on-year|year-over-year)\s+)?growth\s+"
    r"(?:slowed|accelerated|quickened|eased|cooled|picked\s+up|rose|fell|reached|stood|was|came)\b",
    re.IGNORECASE,
)


def _pays(own: str) -> bool:
    """Whether a sentence that names no market speaks of pay: its money is a salary ('the
    median salary is', or a weak pay word beside a role: 'median annual pay for ML engineers
    was ₹18.5 lakh')."""
    if vocabulary("salary_terms", "salary_words", "strong").search(own):
        return True
    return bool(vocabulary("salary_terms", "salary_words", "weak").search(own) and find_roles(own))


def _earlier_market(
    doc: Document,
    sentence: Sentence,
    own: str,
    spent: str | None,
    listed: str | None,
    part: MarketPart | None,
) -> str | None:
    """The market of a sentence that names none: the one whose money it states, else the one
    named by its paragraph before it, its list's lead-in or its section's heading, else the
    page's when it says 'the market', names a part of one, or the paragraph right before (in
    its section) is about it, or it names countries."""
    return (
        spent
        or market_phrase(block_before(doc, sentence))
        or listed
        or market_phrase(section_heading(doc, sentence.block))
        or _main_market_before(doc, sentence)
        or _item_before_market(doc, sentence, own)
        or _main_market_named(doc, own)
        # a forecast put on a figure ('In its 2025 edition, CSR had forecast USD 412.6 billion
        # by 2030'): on a market's page, of that market
        or (main_market(doc) if _FORECAST_PUT.search(own) else None)
        # a part of the page's market, or places ('Germany and France are expected to reach
        # EUR 44.7 bn and EUR 29.9 bn by 2030, respectively'): the parts of that market
        or (main_market(doc) if part or find_places(own, "countries") else None)
    )


# A verb of forecasting right before a sum ('had forecast USD 412.6 billion', 'projects $9.1bn');
# not a stat label's noun after its year ('2033 forecast USD 501.2 bn').
_FORECAST_PUT = re.compile(
    r"(?<!\d )\b(?:(?:had|has|have|previously|originally)\s+)?(?:forecasts?|projects?|projected|"
    r"predicts?|predicted|expects?|expected)\s+(?=[^\w\s]{1,3}\s?\d|[A-Z]{2,3}\$?\s?\d)"
)


def _item_before_market(doc: Document, sentence: Sentence, own: str) -> str | None:
    """The market the list item right before names, for an item that refers to it as 'it'
    ('The global data labeling market was worth $4.1 billion in 2024.' / 'Analysts expect it
    to reach $17.2 billion by 2030.'): a round-up's items go on from one to the next."""
    index = sentence.block_index - 1
    if sentence.block.kind != "list_item" or index < 0 or not _IT.search(own):
        return None
    before = doc.blocks[index]
    if before.kind != "list_item" or before.boilerplate or before.level != sentence.block.level:
        return None
    return market_phrase(doc.span_text(before))


# The pronoun that refers to what the sentence before spoke of.
_IT = re.compile(r"\bit\b", re.IGNORECASE)


def _main_market_before(doc: Document, sentence: Sentence) -> str | None:
    """The page's main market when the paragraph right before, in the same section, names it
    ('The generative AI market was estimated at ...' / 'Software accounted for USD 27.3 billion
    of 2024 revenue.' under '## Market summary'); not another market that paragraph names in
    passing."""
    index = sentence.block_index - 1
    if sentence.start != sentence.block.start or index < 0:
        return None  # a later sentence of a paragraph: its own earlier words were asked
    if not _REVENUE.search(doc.text, sentence.start, sentence.end):
        return None  # 'Hyperscalers are expected to spend USD 200 billion': not the market's
    before = doc.blocks[index]
    if before.kind != "paragraph" or before.boilerplate or before.section != sentence.block.section:
        return None
    main = main_market(doc)
    return main if main and market_phrase(doc.span_text(before)) == main else None


def _main_market_named(doc: Document, own: str) -> str | None:
    """The page's main market when the sentence says 'the market' (or 'the industry')."""
    return main_market(doc) if market_noun().search(own) else None


def _section_part(
    doc: Document, sentence: Sentence, own: str, named_here: str | None
) -> MarketPart | None:
    """The part a sentence that names no market opens with, in a section whose heading
    announces a breakdown ('## Component insights' / 'Hardware is expected to grow at a CAGR
    of 25.5%'): that part of the page's market."""
    if named_here or not _OPENS_CAPITAL.match(own):
        return None
    dimension = section_breakdown(section_heading(doc, sentence.block)) or opening_breakdown(
        doc.text[sentence.block.start : sentence.start]
    )  # '* By offering, the platform segment held 63.7%. Services are forecast to ...'
    return opening_part(own, dimension) if dimension else None


_OPENS_CAPITAL = re.compile(r"\W*[A-Z]")


def _listed_part(sentence: Sentence, own: str, breakdown: str | None) -> MarketPart | None:
    """A list item that opens with a label, in a list whose lead-in names a market or under a
    breakdown heading ('By technology'): the label names a part ('Main components of the CV
    market include: 1. Video Analytics: ...')."""
    if sentence.block.kind != "list_item" or sentence.start != sentence.block.start:
        return None
    part = labelled_part(own)
    if part is not None and part.segment and breakdown:
        return MarketPart(segment=part.segment, dimension=breakdown)
    return part


def part_after_label(own: str) -> MarketPart | None:
    """The part a snapshot line names after a label that says which breakdown it leads
    ('Fastest-growing region: Asia Pacific, at a CAGR of 34.6%', 'Leading segment: software,
    worth USD 15.2 billion'): the label is the dimension, the words after it the part.

    >>> part_after_label("Fastest-growing region: Asia Pacific, at a CAGR of 34.6%")
    MarketPart(segment=None, region='Asia-Pacific', dimension=None)
    >>> part_after_label("Leading segment: software, worth USD 15.2 billion in 2025")
    MarketPart(segment='software', region=None, dimension=None)
    >>> part_after_label("Market size 2025: USD 24.8 billion") is None
    True
    >>> part_after_label("The fastest-growing region is expected to be Asia Pacific, with a CAGR")
    MarketPart(segment=None, region='Asia-Pacific', dimension=None)
    """
    found = _PART_LABEL.match(own) or _PART_NAMED.search(own)
    if found is None or not vocabulary("market_terms", "market", "part_labels").fullmatch(
        found["noun"]
    ):
        return None
    name = found["name"].strip()
    place = market_place(name)
    if place is not None:
        return MarketPart(region=place[1])
    if found["noun"].lower().startswith(("region", "countr")):
        return MarketPart(region=name)
    return MarketPart(segment=name)


# 'The fastest-growing region is expected to be Asia Pacific, with ...': the part named after
# a breakdown noun and a verb of being.
_PART_NAMED = re.compile(
    r"^\W*(?:the\s+)?(?:[\w-]+\s+){1,2}?(?P<noun>[a-z][\w-]*)\s+(?:is|was|will\s+be|remains|"
    r"is\s+(?:expected|projected|forecast|set|likely|poised|anticipated)\s+to\s+(?:be|remain))\s+"
    r"(?:the\s+)?(?P<name>[A-Z][^,;:()\d]{0,40}?)\s*(?:[,;(]|\s+(?:at|with|worth)\b)",
)
# '<up to three words> <breakdown noun>: <part name>' ending at a comma, bracket or figure.
_PART_LABEL = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)\s*:\s*"
    r"(?P<name>[^\W\d][^,;:()\d]{0,40}?)\s*(?:[,;(]|\s+(?:at|with|worth)\b)",
    re.IGNORECASE,
)


def _figure_part(
    text: str, sentence: Sentence, amount: Amount, part: MarketPart | None
) -> MarketPart | None:
    """The part of the market this figure's own clause is about: 'By geography, North America
    commanded 38.9% ..., and Asia-Pacific is predicted to register a 29.4% CAGR' gives the
    CAGR to Asia-Pacific."""
    clause_start, clause_end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    if clause_start == sentence.start:
        return part
    return clause_part(text[clause_start:clause_end], part)


def _of_part(claim: Claim, part: MarketPart | None) -> Claim:
    """A figure of a segment or region keeps the whole market as subject and names the part;
    the place owning the market ("India's AI market": country India) is not its part too."""
    if part is None:
        return claim
    named = set(claim.qualifiers.values())
    own = {key: value for key, value in part.qualifiers().items() if value not in named}
    return replace(claim, qualifiers={**claim.qualifiers, **own})


def _attributed(claim: Claim, source: str | None) -> Claim:
    return replace(claim, attributed_to=source) if source else claim


def _sized_apart(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a size's own clause names no market but sizes something with a size verb
    ('generated USD 1.09 billion of MLOps revenue') in a sentence whose market is named in
    another clause."""
    start, end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    clause = text[start:end]
    size_verbs = vocabulary("market_terms", "market", "size_verbs")
    return not market_mentions(clause) and bool(size_verbs.search(clause)) and not _pays(clause)


def _governing_market(text: str, sentence: Sentence, amount: Amount) -> str | None:
    """The market named in the sentence that this amount is a figure of, or None.

    The nearest market named before the amount ('the edge AI chip market ..., unlike the AI
    market, which the firm sizes at $402 Bn' -> the AI market), else one named inside the
    amount's clause ('Growing at 38%, the market ...'); in 'Python adoption rose 20%, and the
    ML market grew 35%' the market governs only 35%.
    """
    clause_start, clause_end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    mentions = market_mentions(text[sentence.start : sentence.end])
    for start, _, phrase in mentions:  # 'a part of the $400 billion AI market'
        if (
            sentence.start + start >= amount.end
            and not text[amount.end : sentence.start + start].strip()
        ):
            return phrase
    before = [
        (start, end, phrase)
        for start, end, phrase in mentions
        if sentence.start + start < amount.start
    ]
    if len(before) > 1 and _aside(text, sentence.start, before[-1], amount.start):
        before.pop()  # 'The AI chips market, a subset of the semiconductor market, reached $X'
    if before:
        return before[-1][2]
    inside = [
        phrase
        for start, _, phrase in mentions
        if clause_start <= sentence.start + start < clause_end
    ]
    return inside[0] if inside else None


def _called_market(text: str, sentence: Sentence, amount: Amount) -> str | None:
    """The market a sentence's subject is said to be: 'Generative AI alone is expected to be a
    $356 billion market by 2030' -> the generative AI market."""
    if not _MARKET_AFTER.match(text, amount.end, sentence.end):
        return None
    called = _CALLED.match(text, sentence.start, amount.start)
    return market_phrase(f"{called['name']} market") if called else None


_MARKET_AFTER = re.compile(r"[ \t]+(?:market|industry)\b", re.IGNORECASE)
_CALLED = re.compile(
    r"\W*(?P<name>[^,;:]{2,60}?)\s+(?:alone\s+)?(?:is|was|will\s+be|would\s+be|could\s+be|"
    r"became|has\s+become|is\s+(?:expected|projected|forecast|set|poised|likely|estimated)\s+"
    r"to\s+(?:be|become))\s+(?:already\s+)?(?:a|an)\s+(?:estimated\s+)?\Z",
    re.IGNORECASE,
)


def _aside(text: str, offset: int, mention: tuple[int, int, str], figure: int) -> bool:
    """Whether a market is named in an aside between commas that describes another ('..., a
    subset of the semiconductor market, reached'), not in a clause of its own (', unlike the AI
    market, which the firm sizes at ...')."""
    start, end = offset + mention[0], offset + mention[1]
    opened = text.rfind(",", offset, start)
    closed = text.find(",", end, figure)
    return (
        opened >= 0
        and closed >= 0
        and _ASIDE_OPENING.match(text, opened + 1, start) is not None
        and _RELATIVE.match(text, closed + 1, figure) is None
    )


_ASIDE_OPENING = re.compile(
    r"\s*(?:a|an|one\s+of|part\s+of|itself|including|like|such\s+as|unlike|along\s+with|"
    r"alongside|as\s+well\s+as)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s*(?:which|that|where|whose)\b", re.IGNORECASE)


def _spending_market(doc: Document, own: str) -> str | None:
    """'Worldwide edge AI chip revenue is expected to rise 21%': revenue or spending of the
    page's own market is that market's money, so its growth is the market's growth."""
    # Both patterns need one of these words: most sentences have none.
    folded = fold_case(own)
    if not any(map(folded.__contains__, ("revenue", "spend", "sales"))):
        return None
    spent = [market_phrase(f"{match.group('words')}market") for match in SPENDING.finditer(own)]
    sold = [
        market_phrase(f"{_offered(match.group('words'))} market")
        for match in _SALES_OF.finditer(own)
    ]
    bare = _BARE_SPENDING.search(own)
    if not any(spent) and not any(sold) and bare is None:
        return None  # most sentences: the page's market is not looked for
    world = world_spending_market(own)  # 'worldwide spending on AI software will total ...'
    if world is not None:
        return world
    # 'MLOps spending grew 41% year over year' names a field's market of its own, on a page of
    # many markets or of none
    fielded = next((p for p in spent if p and any(f in p for f in field_names())), None)
    main = main_market(doc)
    if main is None:
        return fielded
    if bare is not None:  # 'TRI expects spending to reach ¥1,781.0 billion': the page's market's
        return main
    for phrase in spent:
        if phrase and _unscoped(phrase) == _unscoped(main):
            return phrase
    for match in _SALES_OF.finditer(own):  # 'spending on AI in financial services came to'
        whole = _VERTICAL.match(own, match.end("words"))
        phrase = whole and market_phrase(f"{match.group('words')}{whole.group()} market")
        if phrase and _unscoped(phrase) == _unscoped(main):
            return phrase
    for phrase in sold:  # 'Sales of AI chips reached $67 billion'
        if phrase and any(field in phrase for field in field_names()):
            return phrase
    return fielded


# Spending or revenue named alone as what a sentence sizes: 'TRI expects spending to reach',
# 'Spending rose 12% to ...', 'Total revenue reached ...'.
_BARE_SPENDING = re.compile(
    r"(?:^\W*|\b(?:expects?|forecasts?|projects?|sees|predicts?|estimates?)\s+)"
    r"(?:(?:total|overall|annual|end-user)\s+)?(?:spending|revenues?|sales)\s+"
    # ('Spending in Western Europe is expected to reach ...': a place's share of it)
    r"(?:in\s+(?:the\s+)?(?-i:[A-Z][\w/.-]*\s+){1,3})?"
    r"(?:to|will|is|was|reached|rose|grew|hit|came|totall?ed|stood)\b",
    re.IGNORECASE,
)


def _offered(words: str) -> str:
    """What is sold, without the generic words for an offer: 'machine learning products and
    services' is what the machine learning market sells."""
    return _OFFER_WORDS.sub("", words)


_OFFER_WORDS = re.compile(
    r"\s+(?:products?|solutions?|offerings?)(?:\s+(?:and|&)\s+services)?$", re.IGNORECASE
)


# 'sales of AI chips', 'revenue from machine learning software', 'spending on AI systems': the
# money of the market of what is sold, up to the verb or punctuation after it.
_SALES_OF = re.compile(
    r"\b(?:sales|revenues?|spending|spend)\s+(?:of|from|on)\s+"
    # ('spending on artificial intelligence (AI) will reach': its abbreviation may follow)
    r"(?P<words>[\w/&'’-]+(?:[ \t]+[\w/&'’-]+){0,4}?)(?:[ \t]*\([\w/&.-]{1,12}\))?"
    r"(?=[ \t]+(?:is|are|was|were|will|reached|"
    r"rose|grew|hit|totall?ed|climbed|jumped|fell|stood|came|amounted|could|should|may|might|"
    r"to|in|by|worldwide|globally)\b|[,.;])",
    re.IGNORECASE,
)


# The field a market of what is sold serves, after it: ' in financial services' (up to three
# words before the verb or punctuation that ends the phrase).
_VERTICAL = re.compile(
    r"[ \t]+in[ \t]+[\w&'’-]+(?:[ \t]+[\w&'’-]+){0,2}?(?=[ \t]+(?:is|are|was|were|will|came|"
    r"reached|rose|grew|hit|totall?ed|climbed|jumped|fell|stood|amounted)\b|[,.;])"
)


def _unscoped(subject: str) -> str:
    return vocabulary("market_terms", "market", "scope_global").sub("", subject).strip()


def _rate_subject(
    own: str,
    named_here: str | None,
    earlier: Callable[[], str | None],
    *,
    topic: str,
    page: str | None,
) -> str | None:
    """The market a growth rate is about; None when the sentence's `topic` (the sentence, or
    its words before the rate) is jobs or pay. `earlier` gives the market of a sentence that
    names none (`_earlier_market`); a CAGR no earlier line names a market for is the `page`'s
    ('The Nordic countries are forecast to post a CAGR of 31.2%')."""
    if named_here:
        return named_here
    if vocabulary("market_terms", "demand", "words").search(topic) or vocabulary(
        "salary_terms", "salary_words", "strong"
    ).search(topic):
        return None
    if vocabulary("market_terms", "growth", "cagr").search(own):
        return earlier() or page
    if vocabulary("market_terms", "growth", "annual").search(own):
        return earlier()
    # 'Analysts expect the market to expand by 4x': 'the market' growing is the page's market.
    if (
        market_noun().search(own)
        and vocabulary("market_terms", "growth", "words").search(own)
        and not vocabulary("share_terms", "nouns").search(own)
    ):
        return earlier()
    if _GROWTH_OPENS.match(own):
        return earlier() or page
    if _place_pace(own):
        return earlier()
    return None


def _neighbours(
    text: str, found: list[Amount], amount: Amount, sentence: Sentence
) -> tuple[int, int]:
    """Where the figures before and after `amount` end and start; a conversion in brackets
    ('€27.8 billion (US$30.1 billion) in 2025') stands with the figure it restates, so both
    take the words around the pair."""
    index = found.index(amount)
    host = index - 1 if index and _converted(text, found, index) else index
    after = index + 1
    if after < len(found) and _converted(text, found, after):
        after += 1
    start = found[host - 1].end if host else sentence.start
    stop = found[after].start if after < len(found) else sentence.end
    return start, stop


def _converted(text: str, found: list[Amount], index: int) -> bool:
    """Whether found[index] restates the figure before it in brackets, in another currency."""
    before, figure = found[index - 1], found[index]
    return (
        index > 0
        and before.is_money
        and figure.is_money
        and figure.unit != before.unit
        and _OPENS_CONVERSION.fullmatch(text, before.end, figure.start) is not None
        and _CLOSES_CONVERSION.match(text, figure.end) is not None
    )


_OPENS_CONVERSION = re.compile(
    r"\s*[(\[]\s*(?:about|approx\.?|approximately|around|roughly|~|≈)?\s*"
)
_CLOSES_CONVERSION = re.compile(r"\s*[)\]]")


def _place_qualifiers(
    subject: str, own: str, lead: str, *, limit: int | None = None
) -> dict[str, str]:
    """Where the market is: the place owning it ("India's AI market" -> country 'India') or
    named right after it ('the AI market in Germany'), or the place alone naming the market
    nearest before the figure (`lead`: 'the Brazilian market alone was worth ...'), else its
    scope or region (a country's name is a `country`: 'the Chinese computer vision market' ->
    country China). A mention from `limit` on (a later clause's) places no figure before it."""
    for start, end, phrase in market_mentions(own):
        if phrase != subject or (limit is not None and start >= limit):
            continue
        owner = market_owner(own, start) or _place_after(own, end)
        if owner is not None:
            return {owner[0]: owner[1]}
    alone = place_market(lead)
    if alone is not None:
        return {alone[0]: alone[1]}
    region = _region(subject, own[:limit])
    if region is None:
        return {}
    return {"country" if find_places(region, "countries") == [region] else "region": region}


# 'the AI market in Germany', 'the ML market in the United Kingdom': up to three capitalized words.
_PLACE_AFTER = re.compile(
    r"[ \t]+in[ \t]+(?:the[ \t]+)?(?P<place>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})"
)


def _place_after(own: str, end: int) -> tuple[str, str] | None:
    """The place named right after a market ('... market in Germany'), as (key, name)."""
    after = _PLACE_AFTER.match(own, end)
    if after is None:
        return None
    words = after.group("place").rstrip(".").split()
    for size in range(len(words), 0, -1):  # 'South Korea' before 'South'
        place = market_place(" ".join(words[:size]))
        if place is not None:
            return place
    return None


def _region(subject: str, own: str) -> str | None:
    if vocabulary("market_terms", "market", "scope_global").search(subject):
        return "global"
    places = find_places(subject, "regions") + find_places(subject, "countries")
    if places:
        return places[0]
    for start, end, phrase in market_mentions(own):
        if phrase == subject:  # 'the Chinese computer vision market', 'the U.S. NLP market'
            span = own[max(0, start - _PLACE_REACH) : end]
            before = span[: -len(own[start:end])] or " "
            lead = _TRAILING_WORDS.search(before)
            named = own[start:end] if lead is None else lead.group() + own[start:end]
            for kind in ("regions", "countries", "nationalities"):
                found = find_places(named, kind)
                if found:
                    return found[0]
    in_sentence = find_places(after_dateline(own), "regions")
    return in_sentence[0] if len(in_sentence) == 1 else None


def _size_claim(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    amount: Amount,
    subject: str,
    size_years: dict[int, int | None],
) -> Claim:
    start, stop = _neighbours(text, found, amount, sentence)
    index = found.index(amount)
    # a conversion's words are its host's: 'from €27.8 billion (US$30.1 billion)'
    host = found[index - 1] if index and _converted(text, found, index) else amount
    before = text[start : host.start]
    # 'worth $36 billion; by 2030, it should approach $209 billion': 2030 is the next clause's
    semicolon = text.find(";", amount.end, stop)
    after_years = plain_years(text, amount.end, stop if semicolon < 0 else semicolon, skip=found)
    # 'worth USD 16.6 billion by 2032, up from USD 2.3 billion': 2032 is the other figure's
    earlier = _from_before().search(text, start, host.start)
    before_years = [] if earlier else plain_years(text, start, host.start, skip=found)
    year = after_years[0][1] if after_years else (before_years[-1][1] if before_years else None)
    by_year = bool(after_years) and bool(_BY_YEAR.search(text[amount.end : after_years[0][0]]))
    qualifiers: dict[str, Any] = {}
    if vocabulary("market_terms", "forecast", "past_cues").search(before) or (
        earlier and stop < sentence.end
    ):
        # 'valued at ...'; 'is projected to grow from USD 2.9 billion in 2025 to ...': the
        # level a forecast starts from is no forecast
        qualifiers["forecast"] = False
    elif (
        states_forecast(before)
        or by_year
        or _forecast_reaches(text, sentence, found, index)
        or (_reaching().fullmatch(before) and states_forecast(text, sentence.start, start))
    ):  # '... expect the market to expand at a 36.2% CAGR through 2030, reaching $310 billion'
        qualifiers["forecast"] = True
    earlier_years = [y for y in size_years.values() if y is not None and year and y < year]
    if earlier_years:
        qualifiers["base_year"] = max(earlier_years)
    own = text[sentence.start : sentence.end]
    # a market named in a later clause is that clause's ('..., and the Indian MLOps market ...')
    clause_end = clause_bounds(text, sentence.start, sentence.end, amount.start)[1]
    qualifiers.update(
        _place_qualifiers(
            subject, own, own[: amount.start - sentence.start], limit=clause_end - sentence.start
        )
    )
    size_years[amount.start] = year
    return _market_size(amount, subject, (sentence.start, sentence.end), year, qualifiers)


def _market_size(
    amount: Amount,
    market: str,
    span: tuple[int, int],
    year: int | None,
    qualifiers: dict[str, Any],
    context: str | None = None,
) -> Claim:
    """A market size claim: one constructor for the sentence, table and chart-data readers."""
    return Claim.from_amount(
        amount,
        kind="market_size",
        subject=market,
        attribute="market_size",
        char_start=span[0],
        char_end=span[1],
        extractor=NAME,
        year=year,
        qualifiers=qualifiers,
        context=context,
    )


def _past_size(own: str) -> bool:
    """Whether a sentence states its size as past ('valued at $2.3 billion in 2024')."""
    return bool(vocabulary("market_terms", "forecast", "past_cues").search(own))


def _forecast_reaches(text: str, sentence: Sentence, found: list[Amount], index: int) -> bool:
    """'is projected to grow from $4.8 billion in 2025 to $9.6 billion in 2030': the level a
    change reaches ('... to ' right after the level it starts from) is a forecast when the
    change's own words before that start are one."""
    if not index or not _to_after_level().match(text, found[index - 1].end, found[index].start):
        return False
    start = clause_bounds(text, sentence.start, sentence.end, found[index - 1].start)[0]
    earlier = _from_before().search(text, start, found[index - 1].start)
    return earlier is not None and states_forecast(text, start, earlier.start())


@cache
def _to_after_level() -> re.Pattern[str]:
    """Between the level a change starts from and the one it reaches: ' in 2025 to about '."""
    return re.compile(rf"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s+to\s+{optional_hedge()}$")


@cache
def _reaching() -> re.Pattern[str]:
    """The level a forecast change reaches, set after it: ', reaching ', ', to hit about '."""
    return re.compile(
        r"[^,;]*,\s+(?:to\s+)?(?:reach|reaching|hit|hitting|top|topping|surpass|surpassing"
        rf"|exceed|exceeding)\s+{optional_hedge()}",
        re.IGNORECASE,
    )


@cache
def _from_before() -> re.Pattern[str]:
    """'from' and maybe a hedge (`quantity_words.toml` `hedges`) right before an earlier level."""
    return re.compile(rf"\bfrom\s+{optional_hedge()}$", re.IGNORECASE)


def _cue_of_the_next_rate(text: str, found: list[Amount], index: int, start: int) -> bool:
    """Whether the growth words near a percentage all stand after it, nearer the next
    percentage of its sentence, which they state: 'Asia Pacific, at 24.1% in 2024, is expected
    to expand at the fastest CAGR, 26.8%' (not '29.1% a year ..., and Canada held 2.9%')."""
    amount = found[index]
    following = found[index + 1] if index + 1 < len(found) else None
    if following is None or following.unit != "percent":
        return False
    before = text[max(start, amount.start - _CUE_REACH_BEFORE) : amount.start]
    said = [vocabulary("market_terms", "growth", key) for key in ("cagr", "annual", "words")]
    if any(p.search(before) for p in said):
        return False
    cues = [m for p in said for m in p.finditer(text, amount.end, following.start)]
    # in the next figure's clause: after a clause break that follows this figure
    brk = _CLAUSE_BREAK.search(text, amount.end, following.start)
    return (
        bool(cues)
        and brk is not None
        and all(
            m.start() >= brk.end() and m.start() - amount.end > following.start - m.end()
            for m in cues
        )
    )


_CLAUSE_BREAK = re.compile(r"[,;]")


def _rate_claim(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    amount: Amount,
    subject: str,
    size_years: dict[int, int | None],
    *,
    forecast_period: Callable[[], dict[str, Any]] = dict,
    parallel: tuple[str, str] | None = None,
) -> Claim | None:
    """A growth rate of the market; one 'during the forecast period' runs over the page's
    `forecast_period` when its sentence names none; `parallel` is the place and kind of a rate
    set beside the one before it (`_parallel_rate`)."""
    index = found.index(amount)
    start, stop = _neighbours(text, found, amount, sentence)
    near = text[
        max(start, amount.start - _CUE_REACH_BEFORE) : min(stop, amount.end + _CUE_REACH_AFTER)
    ]
    cagr = vocabulary("market_terms", "growth", "cagr").search(near)
    annual = vocabulary("market_terms", "growth", "annual").search(near)
    grows = vocabulary("market_terms", "growth", "words").search(near)
    multiple = amount.unit == "ratio"
    if multiple and not _growth_multiple(text, amount, stop, grows is not None):
        return None
    if not (
        cagr
        or annual
        or grows
        or multiple
        or parallel
        or _earlier_rate(text, sentence, found, index)
        or (index == 0 and _place_pace(text[sentence.start : sentence.end]))
    ):
        return None
    # '..., North America at 15.7%' is a CAGR as the rate before it is
    cagr = cagr or (parallel is not None and parallel[1] == "cagr")
    if share_cue(text, figure_frame(text, sentence.start, sentence.end, found, index), amount):
        return None
    if parallel is None and _cue_of_the_next_rate(text, found, index, start):
        return None  # 'Asia Pacific, at 24.1% in 2024, is expected to expand at the fastest
        # CAGR, 26.8%': the CAGR is the next figure's; this one is the region's level
    own = text[sentence.start : sentence.end]
    qualifiers: dict[str, Any] = {}
    year = None
    forecast = states_forecast(own)
    spans = periods(text, sentence.start, sentence.end)
    after = [p for p in spans if p[0] >= amount.end] or spans
    if after and after[0][2] is not None:
        qualifiers["period_start"] = after[0][2]
        if after[0][3] is not None:
            qualifiers["period_end"] = after[0][3]
            year = after[0][3]
    else:
        known = sorted({y for y in size_years.values() if y is not None})
        if len(known) > 1:
            qualifiers["base_year"] = known[0]
        following = plain_years(text, amount.end, stop, skip=found)
        target = following and _RATE_TARGET.search(text[amount.end : following[0][0]])
        if target:  # 'a CAGR of 31.2% through 2034': the rate runs until that year
            year = qualifiers["period_end"] = following[0][1]
        elif len(known) > 1 or (known and not (forecast and _past_size(own))):
            year = known[-1]  # a forecast rate beside one past size is not of that year
        elif following:
            year = following[0][1]
    if year is None and _FORECAST_PERIOD.search(near):
        stated = forecast_period()
        if "period_end" in stated:
            qualifiers.update(stated)
            year = stated["period_end"]
    if year is None and _THE_PERIOD.search(near):
        # 'to $503 billion by 2030, up from $79 billion in 2024. That implies a CAGR of 36.1%
        # over the period': the years its paragraph named before it
        before = sentence.block.start
        stated = sorted(
            {
                y
                for _, y in plain_years(
                    text, before, sentence.start, skip=amounts(text, before, sentence.start)
                )
            }
        )
        if len(stated) >= 2:
            qualifiers.update(period_start=stated[0], period_end=stated[-1])
            year = stated[-1]
    if forecast:
        qualifiers["forecast"] = True
    # a later clause's market places no rate before it ('..., while the China generative AI
    # market was valued at ...')
    _, clause_end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    qualifiers.update(
        _place_qualifiers(
            subject, own, own[: amount.start - sentence.start], limit=clause_end - sentence.start
        )
    )
    return Claim.from_amount(
        amount,
        kind="growth_rate",
        subject=subject,
        attribute="growth_multiple" if multiple else "cagr" if cagr else "annual_growth",
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        year=year,
        qualifiers=qualifiers,
    )


_FORECAST_PERIOD = re.compile(
    r"\b(?:during|over|in|throughout|across)\s+the\s+forecast\s+period\b", re.IGNORECASE
)


@lru_cache(maxsize=8)
def forecast_period(doc: Document) -> dict[str, Any]:
    """The forecast period a page states, as qualifiers: its title's ('Forecast, 2025-2033'),
    else the one a 'Forecast period' label or phrase gives right after it (a report scope's
    'Forecast period | 2025–2032', 'the forecast period of 2025 to 2032'); {} for none."""
    titled = label_period(doc.title or "")
    if "period_end" in titled:
        return titled
    for match in _FORECAST_PERIOD_LABEL.finditer(doc.text):
        stated = label_period(doc.text[match.end() : match.end() + _PERIOD_CHARS])
        if "period_end" in stated:
            return stated
    return {}


# 'Forecast period' and what may stand between it and the period it names.
_FORECAST_PERIOD_LABEL = re.compile(
    r"\bforecast\s+period\s*(?:[:|(–—-]|\bof\b|\bfrom\b|\bis\b)?\s*(?=(?:19|20)\d\d)",
    re.IGNORECASE,
)
# The length of a period written out ('2025 to 2032', '2025–2032').
_PERIOD_CHARS = 14


# A period the sentences before named: 'over the period', 'over that period'.
_THE_PERIOD = re.compile(
    r"\b(?:during|over|in|throughout|across)\s+(?:the|that|this)\s+(?:same\s+)?period\b",
    re.IGNORECASE,
)


def _earlier_rate(text: str, sentence: Sentence, found: list[Amount], index: int) -> bool:
    """Whether a percentage is the earlier level of the growth rate right before it ('Growth
    slowed to 29.8% in 2025, down from 33.1% in 2024'): a rate too, of its own year."""
    if not index or found[index - 1].unit != "percent":
        return False
    if not _DOWN_FROM.fullmatch(text, found[index - 1].end, found[index].start):
        return False
    start = sentence.start
    before = text[max(start, found[index - 1].start - _CUE_REACH_BEFORE) : found[index - 1].start]
    return any(
        vocabulary("market_terms", "growth", key).search(before)
        for key in ("cagr", "annual", "words")
    ) or bool(_GROWTH_OPENS.match(text, start, found[index - 1].start))


def _parallel_rate(
    text: str, sentence: Sentence, found: list[Amount], index: int
) -> tuple[str, str] | None:
    """The place and the kind ('cagr', 'annual') of a percentage that is a place's rate set
    beside the growth rate right before it, its verb left out ('... grow at a CAGR of 27.9%
    over 2025–2033, North America at 15.7%', '..., followed by Europe at 21.3%'); else None."""
    if not index or found[index - 1].unit != "percent":
        return None
    between = (text, found[index - 1].end, found[index].start)
    gap = _PLACE_AT.fullmatch(*between) or _LED_BY.fullmatch(*between)
    if gap is None or not is_place(gap["place"]):
        return None
    start = max(sentence.start, found[index - 1].start - _CUE_REACH_BEFORE)
    before = text[start : found[index - 1].start]
    key = next(
        (k for k in ("cagr", "annual") if vocabulary("market_terms", "growth", k).search(before)),
        "annual" if _place_pace(text[sentence.start : found[index - 1].start]) else None,
    )
    return (gap["place"], key) if key else None


# The period a rate runs over, right after it: ' over 2025–2033', ' between 2026 and 2034'.
_RATE_PERIOD = r"(?:\s+(?:in|over|during|for|between|from)\s+[^,;%]{1,30}?)?"
# Between a rate and a place's rate beside it: ' over 2025–2033, North America at ', ', followed
# by Europe at ', ' and North America at '.
_PLACE_AT = re.compile(
    _RATE_PERIOD
    + r"(?:\s*,\s*(?:(?:and|while|whereas|followed\s+by|with)\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?P<place>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+(?:at|with)\s+"
    r"(?:(?:about|around|roughly|nearly|some)\s+)?",
)


# Between a region's rate and the rate of the place that leads it, in brackets: ' between 2026
# and 2034, led by India ('.
_LED_BY = re.compile(
    _RATE_PERIOD + r"\s*,\s*(?:led|driven)\s+by\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*\(\s*"
)


# Between a rate and its earlier level: ' in 2025, down from ', ', up from just '.
_DOWN_FROM = re.compile(
    r"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s+(?:down|up)\s+from\s+(?:just\s+|about\s+)?",
    re.IGNORECASE,
)


def with_word_multiples(text: str, sentence: Sentence, found: list[Amount]) -> list[Amount]:
    """The sentence's figures with its multiples written as words ('grow threefold'); a
    multiple set off after a percentage restates it ('grew 134% ..., more than doubling')."""
    if not may_hold(text, sentence.start, sentence.end, multiple_keys()):
        return found  # no multiplier word: each opens with one of the keys, at a word start
    words = find_multiplier_words(text, sentence.start, sentence.end)
    if not words:
        return found
    multiples = [
        Amount(q.start, q.end, q.value, None, q.unit, None, None, q.raw)
        for q in words
        if not any(a.start <= q.start < a.end for a in found)
        and not (
            any(a.unit == "percent" and a.end <= q.start for a in found)
            and q.raw.lower().endswith("ing")
            and _SET_OFF_END.search(text, max(sentence.start, q.start - 40), q.start)
        )
    ]
    return sorted([*found, *multiples], key=lambda a: a.start)


@cache
def multiple_keys() -> Keys | None:
    """The multiplier words' keys (see `cues.word_keys`): a sentence without one holds no
    multiple written as a word ('demand for AI talent rose threefold', 'postings doubled'),
    which has no digit; the page's cue index answers, so most sentences are not searched."""
    return word_keys(load_data("quantity_words")["multiplier_words"])


declare(lambda: [multiple_keys()])


# A participle set off after a comma, hedged or not: ', more than doubling', ', nearly tripling'
# (not ', and will double by 2030', a change of its own).
_SET_OFF_END = re.compile(
    r",\s*(?:(?:more\s+than|nearly|almost|roughly|about|over|close\s+to)\s+)?$", re.IGNORECASE
)
# A multiplier word used as a verb: 'doubled', 'tripling', 'will double', 'set to quadruple'.
_MULTIPLY_VERB = re.compile(
    r"(?:\b(?:will|to|would|could|may|might|should|can|could)\s+"
    # 'will more than triple', 'is set to nearly double'
    r"(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|roughly\s+|about\s+)?\S*$)|(?:ed|ing|es)$",
    re.IGNORECASE,
)


def _growth_multiple(text: str, amount: Amount, stop: int, grows: bool) -> bool:
    """Whether a multiple states growth ('expand by 4x', 'grow threefold', 'will double'),
    not a comparison ('4x the size of', 'growing 3x faster than')."""
    after = text[amount.end : min(stop, amount.end + 25)]
    if vocabulary("market_terms", "growth", "comparatives").match(after.strip()):
        return False
    if grows:
        return True
    return multiplies(text, amount)


def multiplies(text: str, amount: Amount) -> bool:
    """Whether a multiple written as a word is a verb ('doubled', 'will triple'): growth by
    that multiple, not a size ('a twofold role')."""
    written = text[max(0, amount.start - 20) : amount.end]
    return not amount.raw[:1].isdigit() and bool(_MULTIPLY_VERB.search(written))


def label_period(label: str) -> dict[str, Any]:
    """The period a label states, as qualifiers ('CAGR 2025-2032', 'Job Outlook, 2024-34').

    >>> label_period("Job Outlook, 2024-34"), label_period("CAGR")
    ({'period_start': 2024, 'period_end': 2034}, {})
    """
    spans = periods(label, 0, len(label))
    if not spans or spans[0][2] is None:
        return {}
    if spans[0][3] is None:
        return {"period_start": spans[0][2]}
    return {"period_start": spans[0][2], "period_end": spans[0][3]}


def _card_size_words() -> re.Pattern[str]:
    return vocabulary("market_terms", "market", "card_labels")


def card_reading(
    doc: Document, label: str, heading: str, amount: Amount, value: float, *, line: str = ""
) -> tuple[str, str, str, dict[str, Any]] | None:
    """(kind, attribute, subject, qualifiers) of a market figure in a card, or None.

    The card's label gives the kind: 'Market Size 2025' / 'USD 48.62' / 'Billion' is a
    market size, 'Forecast (2032)' / 'USD 58.3 Billion' one on a page about a market;
    'CAGR 2025-2032' / '14.5%' a growth rate; 'North America share' / '38.2%' a share of the
    market. A growth rate may also be named by the figure's own line ('Growth rate' / 'CAGR
    of 31.6% from 2026 to 2034'). The market is the one the label, the heading or the page
    names.
    """
    # The market is looked for only once the label gives a kind: most cards are not a market's.
    if value >= MIN_MARKET_SIZE and amount.is_money:
        named = market_phrase(label) or market_noun().search(label)
        if not (named or _card_size_words().search(label)):
            return None
        market = _card_market(doc, label, heading)
        if not (named or market):
            return None
        # 'Market Size 2033' beside 'Market Size 2025': the later of a page's sized years is
        # its forecast
        years = [year for *_, year in find_years(label)]
        forecast = states_forecast(label) or bool(
            years and any(year < years[-1] for year in _size_card_years(doc))
        )
        # 'Market Size 2025' on a page that names no market: a market, unnamed
        return "market_size", "market_size", market or "market", {"forecast": forecast}
    if amount.unit != "percent":
        return None
    cagr = vocabulary("market_terms", "growth", "cagr").search(f"{label} {line}")
    qualifiers: dict[str, Any]
    if cagr or vocabulary("market_terms", "growth", "annual").search(label):
        attribute = "cagr" if cagr else "annual_growth"
        kind, qualifiers = "growth_rate", label_period(label) or label_period(line)
    elif vocabulary("share_terms", "nouns").search(label) and 0 <= value <= 100:
        part = vocabulary("share_terms", "nouns").sub("", label).strip(" :-")
        kind, attribute, qualifiers = "share", "share", {"category": part} if part else {}
    else:
        return None
    market = _card_market(doc, label, heading)
    return None if market is None else (kind, attribute, market, qualifiers)


@lru_cache(maxsize=8)
def _size_card_years(doc: Document) -> tuple[int, ...]:
    """The years the labels of a page's market-size cards name ('Market Size 2025')."""
    labels = (doc.span_text(card.label) for card in doc.cards)
    return tuple(
        year
        for label in labels
        if _card_size_words().search(label)
        for *_, year in find_years(label)
    )


def _card_market(doc: Document, label: str, heading: str) -> str | None:
    """The market a card's figure is of: the one its label, its heading or the page names."""
    return (
        market_phrase(label)
        or market_phrase(heading)
        or _heading_market(doc, heading)
        or main_market(doc)
    )


@lru_cache(maxsize=256)  # asked of every rate and key figure of a section: once a heading
def _heading_market(doc: Document, heading: str) -> str | None:
    """The market a section's heading names without the word 'market', when the page names
    that market in so many words ('2. AI accelerator chips' over a digest's key figures, 'the AI
    accelerator chip market' in its text): the section's market, not the page's first."""
    if not heading:
        return None
    named = market_phrase(f"{heading} market")
    words = named.split() if named else []
    if len(words) < 2 or f"{words[-2].removesuffix('s')} market" not in _loose_page(doc.text):
        return None  # one scan for its last word before 'market' first: most headings name none
    key = _loose(named)
    return next((m for m in _page_markets(doc) if _loose(m) == key), None)


def _loose(phrase: str) -> str:
    """A market's name with each word's plural 's' taken off: 'chips' is 'chip'."""
    return " ".join(word.removesuffix("s") for word in phrase.split())


@lru_cache(maxsize=8)
def _loose_page(text: str) -> str:
    """The page in lower case with each word's plural 's' before 'market' taken off."""
    return _PLURAL_BEFORE_MARKET.sub(" market", text.lower())


_PLURAL_BEFORE_MARKET = re.compile(r"(?<=\w)s market")


@lru_cache(maxsize=8)
def _page_markets(doc: Document) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m[2] for m in market_mentions(doc.text)))

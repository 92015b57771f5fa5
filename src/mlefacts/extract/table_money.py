"""Table claims about money: salaries (pay tables, one claim per money cell, the row label
giving level, company or place) and market figures (market size and growth cells).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, partial
from typing import Any

from mlefacts.document.model import Span
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    amounts,
    as_local_dollar,
    find_city,
    find_experience_level,
    first_role,
    is_city,
    periods,
    phrase_alternation,
    phrase_pattern,
    vocabulary,
    written_sign,
    years_level,
)
from mlefacts.extract.label_scale import scaled_by_label
from mlefacts.extract.page_frame import scoped_period
from mlefacts.extract.salary import names_pay_word, negated, pay_component, posting_level
from mlefacts.extract.sections import clean_text, vocabulary_pattern
from mlefacts.extract.subjects import MIN_MARKET_SIZE, main_market, market_phrase
from mlefacts.extract.table_frame import (
    EXTRACTOR,
    LABEL_KEYS,
    PLACE_KEYS,
    UNSPECIFIED,
    YEARS_HEADER,
    Column,
    TableFrame,
    block_before,
    cell_amount,
    distinct_cells,
    is_growth,
    label_column,
    label_level,
    lead_paragraph,
    percentile,
    place_qualifier,
    rank_column,
    role_cell_claims,
    role_of,
    role_of_row,
    row_qualifiers,
    single_year,
    table_attribution,
    table_vocabulary,
    years_in,
)
from mlefacts.normalize.money import country_dollar, currency_marker, written_codes
from mlefacts.toml_files import load_data

# How far apart two sums of one row may be to share a pay period (as in prose, `salary`).
_PAY_STEP = 4
_CITY_HEAD = re.compile(r"\s*[,(]\s*|\s+[–—-]\s+")
_CODE_AFTER = re.compile(r"(?P<name>.+?)\s+(?P<code>[A-Z]{3})")
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)


def salary_claims(ctx: TableFrame) -> list[Claim]:
    """One claim per money cell of a pay table; the row label says level, company or place."""
    label = label_column(ctx.columns)
    rank = rank_column(ctx.columns)
    money = [c for c in ctx.columns if c.kind == "money"]
    money = [c for c in money if c is money[0] or not _converts(c, money[0])]
    table_role = role_of(ctx, []) or ctx.role or UNSPECIFIED
    source = cache(partial(table_attribution, ctx))  # looked up at the first claim, once
    introduced = cache(partial(_given_period, ctx))  # likewise
    title_level = cache(partial(_title_level, ctx))  # likewise (it may read the lead-in)
    claims: list[Claim] = []
    for row in ctx.table.rows:
        row_claims: list[Claim] = []
        row_role = role_of_row(ctx, row, label) if label else None
        for column in distinct_cells(row, money):
            amount = cell_amount(ctx, row, column)
            if amount is None or not amount.is_money:
                continue
            amount = scaled_by_label(amount, column.header, ctx.caption, ctx.title)
            subject = row_role or first_role(column.header) or table_role
            qualifiers = row_qualifiers(ctx, row, label, rank) if label else {}
            if row_role:
                qualifiers = {k: v for k, v in qualifiers.items() if k not in LABEL_KEYS}
            elif city_label(qualifiers.get("category", "")):  # a city row, unnamed header
                qualifiers["city"] = city_label(qualifiers.pop("category"))
            if qualifiers.get("city"):
                qualifiers["city"] = city_label(qualifiers["city"]) or qualifiers["city"]
            if ctx.title:
                qualifiers["table_title"] = ctx.title
            level = label_level(column.header)  # 'Median base, mid-level', in one column too
            if level and "experience_level" not in qualifiers:
                qualifiers["experience_level"] = level
            if len(money) > 1:
                if not level and (city := city_label(column.header)) and "city" not in qualifiers:
                    qualifiers["city"] = city  # 'London', or 'London (GBP)' by its caption
                elif not level and not PLACE_KEYS & qualifiers.keys():
                    qualifiers.update(_coded_place(column.header))
                if column.header:
                    qualifiers["measure"] = column.header
                component = pay_component(column.header)
                if component:
                    qualifiers["component"] = component  # 'Base | Stock (/yr) | Bonus'

            place = qualifiers.get("country") or qualifiers.get("region") or ""
            # 'United States | $172,000'; not 'Canada | $112,000' under 'Median salary (USD)'
            if column.currency is None:
                amount = as_local_dollar(amount, country_dollar(place))
            if not {"city", "country", "region"} & qualifiers.keys() and ctx.title:
                caption_city = find_city(ctx.title)  # 'Metropolitan area: Seattle' over the rows
                if caption_city:
                    qualifiers["city"] = caption_city
            row_label = ctx.cell(row, label) if label else ""
            # a table read down its columns dates each by its header, now the row's label
            turned_year = single_year(row_label) if ctx.written is not None else None
            statistic = (
                percentile(column.header)
                or _statistic(column.header)
                or percentile(row_label)
                or _statistic(row_label, prose_only=True)  # 'Median salary, national | €54,500'
                or _statistic(ctx.caption, prose_only=True)
            )
            period = (
                amount.pay_period
                or _pay_period(column.header)
                or _pay_period(row_label)
                # the corner over the labels: 'Monthly salary (gross, ZAR) | Johannesburg | ...'
                or (_pay_period(label.header) if label else None)
                or _pay_period(ctx.caption)
                or _pay_period(ctx.title or "")
                or introduced()
            )
            if "experience_level" not in qualifiers and (level := _years_cell_level(ctx, row)):
                qualifiers["experience_level"] = level  # 'ML Engineer I | 0–2 | ₹7,00,000 ...'
            if "experience_level" not in qualifiers and (level := title_level()):
                qualifiers["experience_level"] = level  # '## Senior (L5) packages by metro'
            if "experience_level" not in qualifiers and (level := posting_level(ctx.doc, subject)):
                qualifiers["experience_level"] = level  # a lead posting's pay zones
            qualifiers.update(
                {
                    key: value
                    for key, value in (
                        ("statistic", statistic),
                        ("pay_period", period),
                        ("bound", amount.bound),
                        ("currency_symbol", currency_marker(amount.raw)),
                    )
                    if value
                }
            )
            start, end = ctx.quote(row, row[column.index])
            row_claims.append(
                Claim.from_amount(
                    amount,
                    kind="salary",
                    subject=subject,
                    attribute="salary",
                    char_start=start,
                    char_end=end,
                    extractor=EXTRACTOR,
                    year=single_year(column.header) or turned_year or single_year(ctx.caption),
                    qualifiers=qualifiers,
                    attributed_to=source(),
                    context=ctx.context(column),
                )
            )
        row_claims = _shared_row_period(_low_high_range(row_claims))
        claims.extend(row_claims)
        if row_claims:
            claims.extend(_pay_changes(ctx, row, row_claims[0]))
        for pay in row_claims:  # '£82,500 (+3.1%)'
            cell = next((c for c in row if c.start <= (pay.figure_start or -1) < c.end), None)
            if cell is not None:
                claims.extend(_cell_change(ctx, row, cell, pay))
    return claims


def _low_high_range(claims: list[Claim]) -> list[Claim]:
    """A row's one minimum and one maximum ('Province | Low | High' over 'Ontario | $98,000 |
    $152,000', 'Min | Max') as the one range they bound, in the minimum's place; not the
    ends of a spread that states its middle too ('Low | Median | High')."""
    if len(claims) != 2:
        return claims
    lows = [c for c in claims if c.qualifiers.get("statistic") == "minimum"]
    highs = [c for c in claims if c.qualifiers.get("statistic") == "maximum"]
    if len(lows) != 1 or len(highs) != 1:
        return claims
    low, high = lows[0], highs[0]
    if (
        low.value_high is not None
        or high.value_high is not None
        or low.unit != high.unit
        or low.value is None
        or high.value is None
        or low.value > high.value
        or low.char_start > high.char_start
    ):
        return claims
    qualifiers = {k: v for k, v in low.qualifiers.items() if k != "measure"}
    qualifiers["statistic"] = "range"
    merged = replace(
        low,
        value_high=high.value,
        char_end=max(low.char_end, high.char_end),
        figure_end=high.figure_end,
        qualifiers=qualifiers,
    )
    return [merged if c is low else c for c in claims if c is not high]


# The qualifiers a pay change shares with the pay of its row: who and where.
_CHANGE_KEYS = ("city", "country", "region", "experience_level", "category", "table_title")


def _pay_changes(ctx: TableFrame, row: tuple[Span, ...], pay: Claim) -> list[Claim]:
    """The change in pay a pay table's row states in a percent column headed as a change
    ('Country | Median base salary | Change vs 2024' over '... | €84,000 | +3.9%'): a
    growth rate of the row's pay (README: a change in pay is the role's growth_rate, measure
    'salary'), for the same people and place, over the year the header names."""
    changes = []
    for column in ctx.columns:
        if column.kind != "percent" or not is_growth(column):
            continue
        if vocabulary("market_terms", "demand", "words").search(column.header):
            continue  # 'Posting growth, 2024–2025' beside the pay: a change in demand
        if _follows_count(ctx, column):
            continue  # 'Open roles | Change' over '2,140 | +12%': the change of the count
        amount = cell_amount(ctx, row, column)
        if amount is None:
            continue
        since = single_year(column.header)  # 'Change vs 2024': the change runs from 2024
        context = ctx.context(column)
        changes.append(_change_claim(ctx, row, row[column.index], amount, pay, since, context))
    return changes


def _cell_change(ctx: TableFrame, row: tuple[Span, ...], cell: Span, pay: Claim) -> list[Claim]:
    """The change a pay cell states in brackets after its sum, with its sign ('£82,500
    (+3.1%)', a job-ads tracker's median against the same period a year before): the growth
    rate of that pay, to the pay's year."""
    text = ctx.doc.text
    if pay.figure_end is None:
        return []
    found = amounts(text, pay.figure_end, cell.end)
    if (
        len(found) != 1
        or found[0].unit != "percent"
        or written_sign(text, found[0]) is None
        or not _CHANGE_BRACKET.fullmatch(text, pay.figure_end, found[0].start)
        or not _BRACKET_END.fullmatch(text, found[0].end, cell.end)
    ):
        return []
    return [_change_claim(ctx, row, cell, found[0], pay, None, pay.context)]


# What stands between a pay cell's sum and its change, and after the change: a bracket and the
# change's sign ('£82,500 (+3.1%)', '€71,000 (−2.4%)').
_CHANGE_BRACKET = re.compile(r"\s*\(\s*[+\-−–▲▼]?\s*")
_BRACKET_END = re.compile(r"\s*\)\s*")


def _change_claim(
    ctx: TableFrame,
    row: tuple[Span, ...],
    cell: Span,
    amount: Amount,
    pay: Claim,
    since: int | None,
    context: str | None,
) -> Claim:
    """A change of a row's pay, for the pay's people and place, from the year `since` names
    (none: over the year to the pay's)."""
    if written_sign(ctx.doc.text, amount) == -1:
        amount = negated(amount)
    qualifiers: dict[str, Any] = {k: pay.qualifiers[k] for k in _CHANGE_KEYS if k in pay.qualifiers}
    qualifiers["measure"] = "salary"
    if since is not None:
        qualifiers["period_start"] = since
    start, end = ctx.quote(row, cell)
    return Claim.from_amount(
        amount,
        kind="growth_rate",
        subject=pay.subject,
        attribute="salary_growth",
        char_start=start,
        char_end=end,
        extractor=EXTRACTOR,
        unit="percent",
        year=pay.year if pay.year != since else None,
        qualifiers=qualifiers,
        attributed_to=pay.attributed_to,
        context=context,
    )


def _converts(column: Column, first: Column) -> bool:
    """Whether a money column after a table's `first` one only converts the pay beside it into
    another currency its header names ('≈ USD', 'approx. USD', 'USD equivalent'), as '(about
    US$90,000)' does in prose; not 'Approx. monthly in-hand' nor 'Annual salary, full-time
    equivalent (GBP)' beside GBP, figures of their own."""
    return column.currency not in (None, first.currency) and bool(
        _conversion_header().search(column.header)
    )


@cache
def _conversion_header() -> re.Pattern[str]:
    """A header opening with one of salary_terms' conversion words, or saying 'equivalent'."""
    words = phrase_alternation(load_data("salary_terms")["conversion"]["words"])
    return re.compile(rf"^[\s*_(]*(?:{words})(?!\w)|\b(?:equivalent|converted)\b", re.IGNORECASE)


def _follows_count(ctx: TableFrame, column: Column) -> bool:
    """Whether the value column right before a change column holds counts ('Median pay | Open
    roles | Change'): a table sets a change beside the figure it changes, so a bare 'Change'
    there is the count's, not the pay's."""
    if names_pay_word(column.header):
        return False  # 'Salary change YoY' names the pay it changes, wherever it stands
    before = [c for c in ctx.columns if c.index < column.index and c.kind not in _NO_VALUE]
    return bool(before) and max(before, key=lambda c: c.index).kind in ("count", "integer")


_NO_VALUE = ("text", "empty")


def _title_level(ctx: TableFrame) -> str | None:
    """The one level a table's title or caption names ('Senior (L5) packages by metro'), or
    its lead-in when it has no caption ('Regional medians, intermediate ML engineers:'), which
    every row's pay has when neither its row nor its column names another."""
    lead = "" if ctx.caption else lead_paragraph(ctx.doc, ctx.table).strip()
    return (
        find_experience_level(ctx.title or "")
        or find_experience_level(ctx.caption or "")
        # a short lead-in, not a paragraph that mentions a level in passing
        or (find_experience_level(lead) if lead.endswith(":") and len(lead) <= _MAX_LEAD else None)
    )


_MAX_LEAD = 80


def compared_pay(
    ctx: TableFrame, row: tuple[Span, ...], label: str, roles: dict[int, str]
) -> list[Claim]:
    """The pay a role-vs-role table's row states when its label names pay and every role's cell
    is a sum ('U.S. median base salary (2025)' | '$158,000' | '$129,000'), or names a statistic,
    a pay period or an experience level of them ('Median monthly base', 'Typical range (per
    month)', 'Junior (0–2 yrs)'): sums beside roles are what the roles pay. One salary per role
    column; [] for other rows, which compare the roles in words. A level alone is pay only
    where the table's title names no price ('Cost of getting certified' over 'Entry level')."""
    price = table_vocabulary()["price"]
    if not is_pay(label, "") and not (
        (
            _statistic(label)
            or _pay_period(label)
            or (label_level(label) and not price.search(f"{ctx.title or ''} {ctx.caption}"))
        )
        and not price.search(label)
    ):
        return []
    found = {index: cell_amount(ctx, row, ctx.columns[index]) for index in roles}
    written = {amount.unit for amount in found.values() if amount is not None and amount.is_money}
    if len(written) == 1:  # '$128,000 to $205,000' beside '135k-215k': the row's one currency
        unit = written.pop()
        found = {
            index: amount if amount is not None else _thousands_in(ctx, row[index], unit)
            for index, amount in found.items()
        }
    if not all(amount is not None and amount.is_money for amount in found.values()):
        return []
    qualifiers = {
        key: value
        for key, value in (
            ("statistic", _statistic(label)),
            ("pay_period", _pay_period(label) or _stated_period(ctx, found, roles)),
            ("component", pay_component(label)),
            ("experience_level", label_level(label)),  # 'Typical entry salary'
        )
        if value
    }
    return role_cell_claims(
        ctx,
        row,
        found,
        roles,
        qualifiers,
        kind="salary",
        attribute="salary",
        extractor=EXTRACTOR,
        year=single_year(label) or single_year(ctx.caption),
        attributed_to=table_attribution(ctx),
        context=label,
    )


def _stated_period(
    ctx: TableFrame, found: dict[int, Amount | None], roles: dict[int, str]
) -> str | None:
    """The one pay period a role-vs-role row's sums or their role columns' headers state ('R$
    90/h', 'ML engineer (per month)'), else, when none states one, the period the page gives
    the table (`_given_period`)."""
    stated = {a.pay_period for a in found.values() if a is not None and a.pay_period}
    stated |= {p for index in roles if (p := _pay_period(ctx.columns[index].header))}
    if stated:
        return stated.pop() if len(stated) == 1 else None
    return _given_period(ctx)


def _thousands_in(ctx: TableFrame, cell: Span, unit: str) -> Amount | None:
    """A cell's one sum in thousands written with no currency ('135k-215k'), in `unit`."""
    read = amounts(ctx.doc.text, cell.start, cell.end)
    if len(read) == 1 and read[0].unit is None and (read[0].scale or "").lower() == "k":
        return replace(read[0], unit=unit)
    return None


_PER_YEAR = re.compile(r"%|\b(?:a|per)\s+year\b|\bannual|\bgrowth\b", re.IGNORECASE)


def _years_cell_level(ctx: TableFrame, row: tuple[Span, ...]) -> str | None:
    """The level a row's years-of-experience cell gives ('0–2' under 'Years', '5-8 yrs' under
    'Experience'), when the row's label names none ('ML Engineer II')."""
    for column in ctx.columns:
        if (
            column.kind not in ("money", "percent")
            and YEARS_HEADER.search(column.header)
            and not _PER_YEAR.search(column.header)  # 'Projected growth (% a year)': a rate
        ):
            cell = ctx.cell(row, column)
            level = years_level(cell) or years_level(f"{cell} years")
            if level:
                return level
    return None


def _shared_row_period(row: list[Claim]) -> list[Claim]:
    """A row's sums that state no pay period take the one period its sums of the same currency
    and size state ('Mean annual wage | 10th percentile | Median' over '$126,580 | $63,650 |
    $112,590' are all annual; the hourly '$60.86' beside them gives nothing)."""
    for claim in row:
        if "pay_period" in claim.qualifiers or not claim.value:
            continue
        periods = {
            other.qualifiers["pay_period"]
            for other in row
            if "pay_period" in other.qualifiers
            and other.unit == claim.unit
            and other.value
            and 1 / _PAY_STEP <= claim.value / other.value <= _PAY_STEP
        }
        if len(periods) == 1:
            claim.qualifiers["pay_period"] = periods.pop()
    return row


def market_claims(ctx: TableFrame) -> list[Claim]:
    """One claim per market-size or growth cell; the quote is the cell itself."""
    vocabulary = table_vocabulary()
    label = label_column(ctx.columns)
    subject = _market_subject(ctx)
    attributed = table_attribution(ctx, with_preceding=True)
    claims: list[Claim] = []
    sources = label is not None and bool(table_vocabulary()["source"].search(label.header))
    for row in ctx.table.rows:
        row_label = ctx.cell(row, label) if label else ""
        row_years: list[int] = []  # the years the row's sums date themselves by
        for column in distinct_cells(row, list(ctx.columns)):
            if column.kind not in ("money", "percent"):
                continue
            amount = cell_amount(ctx, row, column)
            if amount is None:
                continue
            # 'US$1.64 bn (2024)': the cell dates its own sum
            dated = years_in(ctx.doc.text[amount.end : row[column.index].end])
            if column.kind == "money":  # dated by itself or by its column ('2024 | 2031 | CAGR')
                row_years += dated or years_in(column.header)
            years = dated or years_in(column.header) or ([] if sources else years_in(row_label))
            forecast = bool(
                vocabulary["forecast"].search(column.header) or _BY_YEAR.search(column.header)
            )
            qualifiers: dict[str, Any] = {"forecast": forecast, "measure": column.header}
            if ctx.title:
                qualifiers["table_title"] = ctx.title
            if row_label and not sources:
                qualifiers["category"] = row_label
            if column.kind == "money":
                if amount.value < MIN_MARKET_SIZE:
                    continue  # 'Price | GBP 3,600 (single user)': a report's price, no market
                kind, attribute, year = "market_size", "market_size", (years[-1] if years else None)
                qualifiers["currency_symbol"] = currency_marker(amount.raw)
            elif vocabulary["growth"].search(column.header):
                kind, attribute, year = "growth_rate", _growth_attribute(column.header), None
                if written_sign(ctx.doc.text, amount) == -1:
                    amount = negated(amount)  # a segment that shrank: '−4%'
                years = years or _titled_rate_period(ctx.title or "")  # 'CAGR is for 2025–2031.'
                if not years and len(set(row_years)) >= 2:  # from the base year to the forecast
                    years = [min(row_years), max(row_years)]
                if len(years) >= 2:
                    qualifiers.update(period_start=years[0], period_end=years[-1])
                elif years:
                    year = years[0]
            else:
                continue
            cell = row[column.index]
            claims.append(
                Claim.from_amount(
                    amount,
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=cell.start,
                    char_end=cell.end,
                    extractor=EXTRACTOR,
                    unit="percent" if column.kind == "percent" else None,  # '16.9' under '(%)'
                    year=year,
                    qualifiers={k: v for k, v in qualifiers.items() if v is not None},
                    attributed_to=row_label if sources and row_label else attributed,
                    context=ctx.context(column),
                )
            )
    return claims


def _market_subject(ctx: TableFrame) -> str:
    """The market the figures describe: named in the caption, else the paragraph before."""
    texts = [ctx.caption]
    before = block_before(ctx)
    if before is not None:
        texts.append(ctx.doc.span_text(before))
    if ctx.table.section is not None and 0 <= ctx.table.section < len(ctx.doc.blocks):
        texts.append(ctx.doc.span_text(ctx.doc.blocks[ctx.table.section]))
    for text in texts:
        phrase = market_phrase(text)
        if phrase:
            return phrase
    return main_market(ctx.doc) or "market"


def _coded_place(header: str) -> dict[str, str]:
    """The place a header names over its currency's code, the two header lines joined
    ('Sydney AUD' -> {'city': 'Sydney'}, 'Singapore SGD' -> {'country': 'Singapore'}).

    >>> _coded_place("Sydney AUD"), _coded_place("Singapore SGD"), _coded_place("Remote USD")
    ({'city': 'Sydney'}, {'country': 'Singapore'}, {})
    """
    coded = _CODE_AFTER.fullmatch(header.strip())
    if coded is None or coded["code"] not in written_codes():
        return {}
    return place_qualifier(coded["name"])


def city_label(label: str) -> str | None:
    """The city a row label names before its state, province or other name ('Austin, TX',
    'Toronto, ON', 'Bengaluru (Bangalore)' -> 'Austin', 'Toronto', 'Bengaluru').

    >>> city_label("Austin, TX"), city_label("Bengaluru (Bangalore)"), city_label("Remote")
    ('Austin', 'Bengaluru', None)
    """
    head = _CITY_HEAD.split(label.strip(), 1)[0]
    return head if is_city(head) else None


def is_pay(header: str, caption: str) -> bool:
    vocabulary = table_vocabulary()
    if vocabulary["price"].search(header):
        return False
    return bool(vocabulary["pay"].search(header) or vocabulary["pay"].search(caption))


def names_statistic(header: str) -> bool:
    """Whether a header names a statistic of pay as prose does ('Median change vs 2024')."""
    return _statistic(header, prose_only=True) is not None


def _statistic(text: str, *, prose_only: bool = False) -> str | None:
    """The statistic a header names; captions only say mean/average/median ('Highest paying
    companies' is not a maximum)."""
    prose = load_data("salary_terms")["statistic"]
    for name, pattern in _statistics():
        if (not prose_only or name in prose) and pattern.search(text):
            return name
    return None


def _given_period(ctx: TableFrame) -> str | None:
    """The pay period the page gives a table's sums from outside it: the line that introduces
    it, else the page's scope lines ('All salaries are gross annual amounts.' over a table of
    pay by level)."""
    return _introduced_period(ctx) or scoped_period(ctx.doc, ctx.table.start)


def _introduced_period(ctx: TableFrame) -> str | None:
    """The pay period of the line that introduces the table ('Median yearly salary in US
    dollars, full-time employees only:', 'Day rates below are what clients paid ...'): it says
    what the sums are, as a caption would."""
    lead = clean_text(lead_paragraph(ctx.doc, ctx.table))
    return _pay_period(lead) if lead.endswith(":") or _POINTS_BELOW.search(lead) else None


# Words of a paragraph that point at the table under it: 'Day rates below are ...', 'the table
# below', not a sum's bound ('below £500').
_POINTS_BELOW = re.compile(r"\bbelow\b(?!\s*[^\w\s]?\d)", re.IGNORECASE)


def _pay_period(text: str) -> str | None:
    for name, pattern in _pay_periods():
        if pattern.search(text):
            return name
    return None


def _titled_rate_period(title: str) -> list[int]:
    """The years of the period a table's title or note gives its growth column ('Values in €
    billion. CAGR is for 2025–2031.'), else []."""
    if not table_vocabulary()["growth"].search(title):
        return []
    spans = [span for span in periods(title, 0, len(title)) if span[3] is not None]
    return [spans[0][2], spans[0][3]] if spans else []


def _growth_attribute(header: str) -> str:
    return (
        "cagr"
        if phrase_pattern(tuple(load_data("market_terms")["growth"]["cagr"])).search(header)
        else "annual_growth"
    )


@cache
def _pay_periods() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each pay period and its words' pattern, in the data's order: asked of every money cell's
    header, row label, caption and title."""
    periods = load_data("salary_terms")["pay_period"]
    return tuple((str(name), phrase_pattern(tuple(words))) for name, words in periods.items())


@cache
def _statistics() -> tuple[tuple[str, re.Pattern[str]], ...]:
    prose = load_data("salary_terms")["statistic"]
    extra = load_data("table_terms")["statistic"]
    return tuple((name, vocabulary_pattern(words)) for name, words in {**prose, **extra}.items())

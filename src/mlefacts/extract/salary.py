"""Salary claims from running prose and salary lists.

A money amount becomes a salary only when pay is the topic: a pay word in the sentence ('salary',
'wage', 'CTC', 'LPA', ...), or in the list's lead-in or the section heading, and no price word
('course', 'fee', 'tuition', ...) in the sentence. List items shaped 'Label – amount' under such
a lead-in are salary rows whose label is a company, a place or an experience level.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from typing import Any

from mlefacts.document.model import Document, Table
from mlefacts.document.sentences import last_sentence, sentence_spans
from mlefacts.document.text import FIELD_SEPARATOR
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    PAY_INCLUDES,
    Amount,
    Frame,
    Sentence,
    Skip,
    amounts,
    as_local_dollar,
    bare_dollar,
    block_before,
    city_country,
    city_pattern,
    clause_bounds,
    collect,
    collect_skips,
    escape_phrase,
    figure_frame,
    find_city,
    find_experience_level,
    find_places,
    find_roles,
    heading_city,
    is_city,
    is_place,
    is_unspaced,
    lead_in,
    list_run,
    masked,
    names_level,
    opening_city,
    opening_place,
    own_city,
    periods,
    phrase_alternation,
    phrase_pattern,
    plain_years,
    section_heading,
    sentence_before,
    single_country,
    vocabulary,
    written_sign,
    years_level,
)
from mlefacts.extract.counts import FactRow, fact_rows
from mlefacts.extract.label_scale import scaled_by_label
from mlefacts.extract.page_frame import (
    EARLIER_FALLS,
    dated_against_another_year,
    earlier_way,
    parent_heading,
    scoped_period,
    than_earlier,
)
from mlefacts.extract.rank_marks import leading_rank
from mlefacts.extract.ranked_lists import RECORD_FIELD, heading_list_frame, ranked_subject
from mlefacts.extract.sections import document_role, roles_named
from mlefacts.extract.table_frame import label_key, label_level, percentile, table_vocabulary
from mlefacts.extract.titles import heading_title
from mlefacts.normalize.money import (
    country_currency,
    country_dollar,
    currency_country,
    currency_marker,
    stated_dollar,
    symbol_country,
    writes_dollar,
)
from mlefacts.normalize.numbers import cardinal_pattern
from mlefacts.normalize.quantities import find_years, hedge_words, optional_hedge
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

NAME = "salary"
VERSION = "2"

# Pay is never stated in billions; such amounts are budgets or market sizes.
_MAX_PAY = 1e9
# The words beside a heading's role that may give its level ('Senior staff ML engineer').
_WORDS_BEFORE = re.compile(r"(?:[^\s]+\s+){1,3}$")
_WORDS_AFTER = re.compile(r"(?:[\s,]+[^\s,]+){1,2}")
# The least a monthly or yearly pay figure may be, in any currency ('C$4.99 a month' is a price).
_MIN_FRAMED_PAY = 200


def too_small_for(period: str | None, value: float) -> bool:
    """Whether a sum is too small to be a month's or a year's pay in any currency ('₹16.2'
    read without its 'LPA', 'C$4.99 a month')."""
    return period in ("annual", "monthly") and value < _MIN_FRAMED_PAY


# A sum with no pay period below this is no year's pay ('plans start at $1,999 per seat').
_MIN_YEARLY_PAY = 10_000
_MAX_PACKAGE_LINE = 80
_MAX_HEADER = 240
# What a sum's line adds to it ('plus meal allowance', '+ bonus', 'including holiday allowance'):
# no price of the sum.
# How far a later sum in a paragraph about pay may be from an earlier one and still be pay.
_PAY_STEP = 4
# 'Label: amount' ('Staff and principal: from CA$180,000'; a years range in the label,
# 'Intermediate, 3–5 years:'), a parenthetical after the label ('Entry (0–2 years): ...') left
# out.
_ROW_LABEL = re.compile(
    r"^(?P<label>[^\W\d](?:[^:–—\-|(]|(?<=\d)[–-](?=\d)){0,60}?)\s*(?:\([^)]{0,30}\)\s*)?"
    r"(?:[:–—|]|\s-)\s*(?:(?:from|between|about|around|roughly|over|above|under|up\s+to)\s+|~)?$"
)
# A label set off from its sum by spaces alone: only a place, level or role is read from it.
_BARE_LABEL = re.compile(r"^(?P<label>[^\W\d][^\W\d]*(?:[ .'-][^\W\d]+){0,4})\s+$")
# ... or a label of years alone, set in bold or not ('**1–4 years:**', '10+ yrs |').
_YEARS_LABEL = re.compile(
    r"^[*_\s]*(?P<label>\d{1,2}\s*\+?\s*(?:[–—-]\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b"
    r"[^:|*]{0,30}?)[*_\s]*[:|–—][*_\s]*$",
    re.IGNORECASE,
)
_PREPOSITION_AFTER = re.compile(
    r"^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+)?(?:for|at|in|among|as)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;]|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)
# Where a figure's own words after it end: '$152,600 and the mean hourly wage ...' is no hourly sum.
_QUOTES = frozenset("\"'“”‘’«»「」")
_AND_NEXT = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_NEXT_ITEM = re.compile(r"[,;]|\b(?:and|to|while|whereas|but)\b", re.IGNORECASE)
# The lower-case words right after a sum: '$800 annual gear allowance'.
# '<noun> of' right before a sum: 'a housing allowance of QAR 8,000', 'a signing bonus worth $20K'.
# (the nouns in any script's letters: 'vale-refeição of around R$ 1.200')
_BENEFIT_OF = re.compile(
    r"(?P<nouns>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)(?:\s+(?:of|worth)\s+|\s*:\s*)"
    r"(?:(?:up\s+to|about|around|roughly)\s+)?$",
    re.IGNORECASE,
)
# A bonus paid once, a benefit and no pay: 'sign-on bonuses', 'a referral bonus'.
_ONE_OFF_BONUS = re.compile(
    r"\b(?:sign[- ]?on|signing|joining|referral|relocation|retention|hiring|welcome)\s+bonus(?:es)?"
    r"\b[^.;\n]*$",
    re.IGNORECASE,
)
# A bonus that is part of the yearly pay ('an annual bonus of'), not a one-off benefit.
# ... or a yearly one, a part of the pay: 'an annual bonus of', 'a bonus target of'.
# So is a bonus a statistic sums up or one the sentence names alone ('a median bonus of JPY
# 1.6m', 'plus a bonus of $16,000'): a one-off names what it is for (`_ONE_OFF_BONUS`).
_PAY_BONUS = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:annual|yearly|performance|cash|target|median|average|mean"
    r"|typical)\s+)?bonus(?:es)?(?:\s+target)?",
    re.I,
)
_BENEFIT_WORDS = re.compile(r"(?:[ \t]+[a-z][\w-]*){1,5}")
_JOINING = re.compile(
    r"plus|and|or|with|without|including|excluding|not|before|after|in|for|per|a|an"
)
# A labelled figure: 'Average base salary: $168,400', 'Median pay: £64,500 a year', with a
# sign or code set apart from its figure too ('Average annual salary: ₹ 11.4 Lakhs'); a
# countdown's item set off from its sum by a dash ('Seattle, WA — $181,000', its rank before it
# left out: `leading_rank`).
_STAT_LINE = re.compile(
    r"^[^\W\d](?:[^:]{2,40}:|[^:–—|]{2,40}?\s[–—|-])\s*(?:(?:[^\w\s]{1,3}|[A-Z]{2,3}|Rs\.?)\s)?\S*\d"
)


@cache
def same_measure() -> re.Pattern[str]:
    """Between two figures: the second is the first's measure for another subject."""
    return re.compile(
        r"[^.;%]{0,30}\b(?:compared\s+(?:with|to)|versus|vs\.?|against|ahead\s+of|behind)\s+"
        rf"(?:the\s+)?{optional_hedge()}$"
        # '... rose 5.2% in 2025 and a further 3.9% in the first half of 2026': the same measure
        r"|[^.;%]{0,50}\b(?:and|then)\s+(?:a\s+further|another)\s+$",
        re.IGNORECASE,
    )


def _role_run(text: str, start: int, end: int) -> bool:
    """Whether the words between two changes open a clause for another role or place with a
    change verb of its own, its measure left out (', while data scientists gained ', ' and
    software engineers slipped ', ', while Berlin rose ')."""
    clause = _role_run_pattern().fullmatch(text, start, end)
    if clause is None or vocabulary("market_terms", "demand", "words").search(clause["who"]):
        return False  # ', while hiring of data scientists fell ': another measure
    return bool(find_roles(clause["who"])) or is_place(clause["who"])


@cache
def _change_verb() -> str:
    """A verb of change in the past (`count_terms` `change_verbs`: 'rose', 'fell', ...), or one
    a pay run writes ('gained', 'edged up'), as a regex."""
    verbs = load_data("count_terms")["change_verbs"]
    return rf"(?:{'|'.join(verbs)}|gained|edged\s+(?:up|down))"


@cache
def _second_verb() -> re.Pattern[str]:
    """Between two changes, a second verb of change for the same subject: ' in naira terms in
    2025, but fell '."""
    return re.compile(
        rf"[^.;%]{{0,40}}?,?\s+(?:but|and|yet)\s+(?:then\s+)?{_change_verb()}\s+(?:by\s+)?",
        re.IGNORECASE,
    )


@cache
def _role_run_pattern() -> re.Pattern[str]:
    """Between two changes, another role with a verb of change of its own: ' while data
    scientists gained ', ' and software engineers slipped ', ' while X saw a '."""
    return re.compile(
        r"[^.;%]{0,40}?,?\s+(?:while|whereas|and|but)\s+(?P<who>[^.;%,]{2,60}?)\s+"
        rf"(?:{_change_verb()}|saw\s+(?:an?\s+)?)\s+(?:by\s+)?"
        r"(?:(?:just|only|a\s+modest|about|around)\s+)?",
        re.IGNORECASE,
    )


_SAME_LEVEL = re.compile(r"\b(?:the\s+same|that|this)\s+(?:level|seniority)\b", re.IGNORECASE)
# A rate of exchange, not pay: '0.73 USD per CAD', '€0.92 to the dollar'.
_EXCHANGE_RATE = re.compile(
    r"\s*(?:per|to\s+the|for\s+each|for\s+one|/)\s*(?:[A-Z]{3}\b|(?i:dollar|euro|pound|rupee|"
    r"yen|franc)s?\b)(?!\s*[\d$€£₹])"  # not a sum given again: '£95,000 / USD 120,000'
)


@cache
def _or_bracket() -> re.Pattern[str]:
    """What stands between a sum and the alternative given in brackets after it: ' a year (or '."""
    return re.compile(rf"[^()\d]{{0,30}}\(\s*or\s+{optional_hedge()}")


_PAY_TAX = re.compile(r"\b(?:after|before|pre|post)[\s-]tax\b", re.IGNORECASE)
# A difference in pay, not pay: '$14,000, or 9%, more per year than', '$20K higher than',
# 'C$9,500 above what developers make', '$18,000 below ML engineers'.
_PREMIUM = re.compile(
    r"\s*(?:,\s*or\s+[^,]{1,15},\s*|\([^)]{1,20}\)\s*)?"
    # the difference's own period before its word: '£75 to £100 a day more for ...'
    r"(?:(?:a|an|per)\s+(?:day|hour|week|month|year)\s+)?(?:(?:more|less|higher|lower)\b"
    r"(?:\s+[\w-]+){0,3}?\s+than|(?:above|below)\s+(?:what|the|that|those)"
    # ... or the people it is set against: 'sit about $18,000 below ML engineers'
    r"|(?:above|below)\s+(?:[\w'’-]+\s+){0,2}?(?:engineers|scientists|developers|analysts"
    r"|architects|researchers|specialists|managers|designers|consultants|peers|colleagues"
    r"|counterparts|staff|workers|employees|estimates|expectations)\b"
    # a difference that ends its clause: '..., with Melbourne about $100 lower.'
    r"|(?:more|less|higher|lower|cheaper)(?=\s*(?:[.;,!?)]|$))"
    # what the difference is paid for: '$10,000 more for a master's degree'
    r"|(?:more|extra|less)\s+(?:for|to|on)\b"
    # a lead over another's pay: '$25,500 a year ahead of software engineers'
    r"|(?:ahead\s+of|behind)\s"
    # the same in French, Italian, Spanish and German: '6 000 € de plus par an qu'un data
    # scientist', '5.000 euro in più', '8.000 € más al año que', '9.000 € mehr als'
    r"|(?:de\s+(?:plus|moins)|in\s+(?:più|meno))\b"
    r"|(?:más|menos|mehr|weniger)\s+(?:[\w-]+\s+){0,3}?(?:que|als)\b)",
    re.IGNORECASE,
)
# Before a figure, a verb that sets one role's pay above another's by it: 'ML engineers
# out-earned data scientists by $17,120' (the difference, no pay; `pay_gaps` reads it).
OUT_EARNS = re.compile(
    r"\b(?:out-?earn(?:s|ed|ing)?|out-?paid|out-?pace[sd]?)\s+(?P<other>[^,;:.]{3,60}?)\s+by\s+"
    # 'by a median $24,000': the gap between the two medians
    r"(?:(?:an?|the)\s+(?:median|average|mean|typical)\s+(?:of\s+)?)?"
    rf"{optional_hedge()}$",
    re.IGNORECASE,
)
_PREMIUM_WORDS = re.compile(r"\b(?:more|less|higher|lower)\s+than\b", re.IGNORECASE)


@cache
def _from_earlier() -> re.Pattern[str]:
    """Right before a sum a change is measured from: '... was S$350 a month, down from S$500'."""
    return re.compile(rf"[^.;]{{0,25}}?\b(?:up|down)\s+from\s+{optional_hedge()}$")


# After a sum, the years it is spread over: 'over four years', 'over a five-year contract'.
_OVER_YEARS = re.compile(
    rf"[^.;,]{{0,20}}?\bover\s+(?:a\s+|the\s+|its\s+)?(?:\d+|(?!one\b){cardinal_pattern()}"
    r"|several|multiple)[\s-]+years?\b",
    re.IGNORECASE,
)
# A sum that names the jobs paying it, a search filter or a link ('$100k jobs near me',
# '$25/hour jobs'), not a pay the page states.
_JOBS_AT = re.compile(r"\s+(?:remote\s+)?(?:jobs?|roles|positions|openings|vacancies)\b", re.I)
# How far after a sum a relative year dates it ('C$104K a year earlier').
_RELATIVE_REACH = 30
_RIGHT_AFTER_AVERAGE = re.compile(r"[\s,]*on\s+average\b", re.IGNORECASE)
# A bracket right after a figure: '$94,200 (25th percentile)'.
_BRACKET_AFTER = re.compile(r"\s*\((?P<inner>[^()]{1,30})\)")
# 'on average', 'an average of $X', and the verb right before its sum ('salaries averaged
# $191K': the words before a figure end there); not a noun that ends the words after a sum
# ('$150,000, well above the national average').
_ON_AVERAGE = re.compile(
    r"\bon average\b|\baverages?\b(?=\s+(?:of\s+)?\S*\d)"
    r"|\baverag(?:ed|ing)\b(?=\s+(?:of\s+)?(?:\S*\d|$))",
    re.IGNORECASE,
)


@cache
def to_level() -> re.Pattern[str]:
    """Right before the level a change reached: 'rose to nearly '."""
    return re.compile(rf"\bto\s+{optional_hedge()}$")


# What may stand around a label before its figure: emphasis, a colon or a dash.
_LABEL_MARKS = " \t*_:–—-"
# 'the median is ', 'the median there was ', 'the median across every level came out at '
_STATISTIC_OF = (
    r"(?:\s+(?:there|here))?(?:(?:\s+[\w'’-]+){0,4}?\s+(?:came\s+(?:out\s+|in\s+)?(?:at|to)|stood\s+at"
    r"|stands\s+at|sat\s+at|sits\s+at|landed\s+at|settled\s+at)|\s+(?:of|is|was|at|around|about)"
    # or right before the sum: 'zahlen im Median 78.000 Euro'
    r"|\s*:|)\s*$"
)


def extract(doc: Document) -> list[Claim]:
    """Salary claims from the document's paragraphs, list items and stat-line headings."""
    found = collect(doc, _read_sentence, name=NAME, needs_digit=True)
    facts = [claim for table in doc.tables for claim in _fact_rows(doc, table)]
    return found + [item for item in _stat_headings(doc) if isinstance(item, Claim)] + facts


def _fact_rows(doc: Document, table: Table) -> list[Claim]:
    """Pay in a two-column fact table ('2024 Median Pay | $118,240 per year' under 'Quick Facts:
    Data Engineers', see `counts.fact_table`): a row whose label names pay and whose value is one
    sum. The role is the caption's, else the page's; year, statistic and period the label's.
    A percentage right under such a row, labelled as a change ('Change on 2025 | +2.8%'), is
    that pay's growth since the year its label names."""
    rows = fact_rows(doc, table)
    if not rows:
        return []
    caption = doc.span_text(table.caption) if table.caption else ""
    roles = find_roles(caption)
    subject = roles[0][2] if roles else document_role(doc)
    if subject is None:
        return []
    # on a page or under a caption about pay, 'National median (gross per year)' names pay
    framed = names_pay_word(caption) or names_pay_word(doc.title or "")
    claims: list[Claim] = []
    # the table row (its label's start) being read, whether it states pay, and whether the
    # row before did: its changes may follow it, in as many period columns as it has
    current, pays, paid = -1, False, False
    for row in rows:
        label = " ".join(doc.span_text(row.label).split())
        if row.label.start != current:
            current, paid, pays = row.label.start, pays, False
        if paid and (change := _change_row(doc, row, label, subject)):
            claims.append(change)
            continue
        found = _restated_once(
            doc.text, [a for a in amounts(doc.text, row.value.start, row.value.end) if a.is_money]
        )
        statistic = _statistic(label) or (
            (percentile(label) or bare_statistic(label)) if framed else None
        )
        names_pay = names_pay_word(label) or statistic is not None
        periods = _periods_apart(doc.text, found, row.value.end)
        if not (len(found) == 1 or periods) or not names_pay:
            continue
        if _names_benefit(doc.text, found[0]):
            continue
        pays = True
        years = {year for _, year in plain_years(label, 0, len(label), skip=[])}
        for index, amount in enumerate(found):
            value_text = doc.text[amount.end : row.value.end]
            period = periods[index] if periods else None
            qualifiers = {
                "statistic": statistic,
                "pay_period": period
                or amount.pay_period
                or _pay_period(value_text)
                or _pay_period(label),
                "bound": amount.bound,
            }
            claims.append(
                Claim.from_amount(
                    amount,
                    kind="salary",
                    subject=subject,
                    attribute="salary",
                    char_start=row.start,
                    char_end=row.end,
                    extractor=NAME,
                    year=next(iter(years)) if len(years) == 1 else row.year,
                    qualifiers={k: v for k, v in qualifiers.items() if v},
                    context=label,
                )
            )
    return claims


def _restated_once(text: str, found: list[Amount]) -> list[Amount]:
    """The sums less those a bracket after a sum restates in the same currency ('742万円
    (about ¥7.42 million)'): one sum, written twice."""
    kept: list[Amount] = []
    for amount in found:
        before = kept[-1] if kept else None
        if (
            before is not None
            and amount.unit == before.unit
            and abs(amount.value - before.value) <= _RESTATED * before.value
            and "(" in text[before.end : amount.start]
        ):
            continue
        kept.append(amount)
    return kept


# How far a restated sum may be from the sum it restates, as a part of it ('about ¥7.42 million').
_RESTATED = 0.02


def _periods_apart(text: str, found: list[Amount], end: int) -> list[str] | None:
    """The pay period each of a value's two or more sums states right after it, when each
    states a different one ('$63.90 hourly, $132,910 annual': one pay, per hour and per year);
    else None."""
    if len(found) < 2:
        return None
    stops = [a.start for a in found[1:]] + [end]
    periods = [
        amount.pay_period or _pay_period(text[amount.end : stop])
        for amount, stop in zip(found, stops, strict=True)
    ]
    if any(period is None for period in periods) or len(set(periods)) != len(periods):
        return None
    return periods  # type: ignore[return-value]


def _change_row(doc: Document, row: FactRow, label: str, subject: str) -> Claim | None:
    """The pay change a fact row states under a pay row: a label that names a change
    ('Change on 2025', 'change in that median against 2024') over one percentage."""
    found = amounts(doc.text, row.value.start, row.value.end)
    if len(found) != 1 or found[0].unit != "percent":
        return None
    if not table_vocabulary()["growth"].search(label) and not declines(label):
        return None
    amount = found[0]
    falls = written_sign(doc.text, amount) == -1 or declines(label)
    return Claim.from_amount(
        negated(amount) if falls else amount,
        kind="growth_rate",
        subject=subject,
        attribute="salary_growth",
        char_start=row.start,
        char_end=row.end,
        extractor=NAME,
        year=row.year,
        qualifiers=_changed_since(label),
        context=label,
    )


def _changed_since(label: str) -> dict[str, int]:
    """The period a change's label states ('against 2024', '2024-2025'), or the one year it
    compares with ('Change on 2025')."""
    spans = periods(label, 0, len(label))
    if spans:
        _, _, start, end = spans[0]
        return {"period_start": start, "period_end": end} if end else {"period_start": start}
    years = {year for _, _, year in find_years(label, 0, len(label))}
    return {"period_start": years.pop()} if len(years) == 1 else {}


def declines(label: str) -> bool:
    """Whether a label names a fall ('Decline in vacancies', 'Pay drop')."""
    return bool(vocabulary("salary_terms", "change", "decline").search(label))


def skipped(doc: Document) -> list[Skip]:
    """Pay figures in prose with no role to give them to (`no_subject`)."""
    found = collect_skips(doc, _read_sentence, name=NAME, needs_digit=True)
    return found + [item for item in _stat_headings(doc) if isinstance(item, Skip)]


@lru_cache(maxsize=8)
def _stat_headings(doc: Document) -> tuple[Claim | Skip, ...]:
    """Headings that state a labelled pay figure ('Average base salary: $168,400', a short
    line a text page's layout made a heading) read like one-sentence paragraphs."""
    out: list[Claim | Skip] = []
    for index, block in enumerate(doc.blocks):
        if block.kind != "heading" or block.boilerplate:
            continue
        if not _STAT_LINE.search(leading_rank().sub("", doc.span_text(block))):
            continue
        out.extend(_read_sentence(doc, Sentence(block.start, block.end, index, block)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Row:
    """What a 'Label – amount' list item's label says."""

    role: str | None = None
    company: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    experience_level: str | None = None


def _local_pay(doc: Document, sentence: Sentence, found: list[Amount]) -> list[Amount]:
    """'Base 158k, bonus ~12k, TC around 210k' under a poster's 'ML Engineer / 3 YOE / Austin,
    TX': thousands written with no currency right after a pay component are in the currency of
    the city the section heading names (a comp thread's first line gives the place, not the
    currency)."""
    if not any(a.unit is None and a.scale == "k" for a in found):
        return found
    city = find_city(section_heading(doc, sentence.block))
    country = city_country(city) if city else None
    currency = country_currency(country) if country else None
    if currency is None:
        return found
    return [
        replace(a, unit=currency)
        if a.unit is None
        and a.scale == "k"
        and pay_component(doc.text[max(sentence.start, a.start - _COMPONENT_REACH) : a.start])
        else a
        for a in found
    ]


# How far before a sum its pay component may be named: 'TC around ', ', bonus ~'.
_COMPONENT_REACH = 14


# A question that asks whether a sum is so ('Is $150,000 a good salary ...?') or how someone
# got it ('How are you at 142k with 4 YOE??'): it states none.
_QUESTION = re.compile(
    r"[*_#>\s]*(?:is|are|was|were|would|should|could|can|does|do|will|how|why|what)\b[^?]*"
    r"\?+[*_\s]*",
    re.IGNORECASE,
)


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim | Skip]:
    text = doc.text
    found = _local_pay(doc, sentence, amounts(text, sentence.start, sentence.end))
    money = [a for a in found if a.is_money and a.value < _MAX_PAY]
    equated = _equated(text, money)
    if equated:  # '₹1 lakh = ₹1,00,000': a unit explained, no pay
        money = [a for a in money if a not in equated]
    line_change = _change_line(doc, sentence, found)
    raises = [
        a
        for a in found
        if a.unit == "percent" and (line_change or pay_growth(text, sentence, found, a))
    ]
    if not money and not raises:
        return [Skip(a.start, a.end, "other") for a in equated]
    # a countdown's heading ('### 2. Seattle, WA — $181,000') is led in by its list's frame
    intro = lead_in(doc, sentence.block_index)
    if not intro and sentence.block.kind == "heading":
        intro = heading_list_frame(doc, sentence.block_index)
    heading = section_heading(doc, sentence.block)
    # 'Bengaluru: ₹18.5' under 'Average salary by city (in LPA)' is 18.5 lakh
    money = [scaled_by_label(a, heading, _unfigured(intro)) for a in money]
    if money and _QUESTION.fullmatch(text, sentence.start, sentence.end):
        # 'Is CHF 120'000 a good salary for an ML engineer in Zürich?': a reader's question
        return [Skip(a.start, a.end, "ambiguous") for a in money]
    edge = _sample_edge(text, sentence)
    # looked up only when a rule asks: most sentences' pay is settled before it
    referred = cache(partial(_referent, doc, sentence, money[0])) if money else None
    if money and not _about_pay(
        doc, sentence, money[0], intro, heading, introduced=lambda: referred()[1]
    ):
        if not raises:
            # 'roles paying under $50,000 were left out': no pay, but a figure the page states
            return [Skip(a.start, a.end, "threshold") for a in money if edge and a.bound]
        # 'The median is up 7.5% from S$6,000 ...': a change of pay, and the level it rose from
        money = [
            a for a in money if any(_RAISED_FROM.fullmatch(text, r.end, a.start) for r in raises)
        ]
    row = _row(doc, sentence, money[0]) if money else _Row()
    year = _year(text, sentence, money) if raises else None  # dates a change in pay only
    source = find_attribution(
        text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    money, converted = _conversions(text, money)
    out: list[Claim | Skip] = [Skip(a.start, a.end, "other") for a in [*equated, *converted]]
    if converted:  # '(about US$90,000)' names no country or period of the pay before it
        text = masked(text, converted, " ")
    level: str | None = None  # the previous figure's, for 'at the same level'
    # the pay period the sentence's opening gave its first sum, for the run of sums after it
    opening_period: str | None = None
    changed: Amount | None = None  # the previous figure, when it was a change in pay
    taxed_end = -1  # where the last tax band read ends
    stated = _stated_periods(text, sentence, money)
    worked = _worked_out(text, found, money, stated)
    restated = {
        rate
        for rate in worked.values()
        if _stated_before(doc, sentence, rate, stated[money.index(rate)])
    }
    referent, introduced = referred() if referred else ("", False)
    for index, amount in enumerate(money):
        frame = figure_frame(text, sentence.start, sentence.end, money, index)
        excluded = edge and _left_out(text, frame, amount)
        if amount in worked or amount in restated or (edge and amount.bound) or excluded:
            # 'grosses about $220,000' from a day rate, and that rate when the page stated it
            # before ('At £600 a day, 220 days make £132,000'); 'salaries above ₹90 lakh were
            # excluded'
            reason = "threshold" if excluded else _skip_reason(amount, edge, restated)
            out.append(Skip(amount.start, amount.end, reason))
            continue
        if _MUST_EARN.search(text, max(sentence.start, amount.start - _RAISE_REACH), amount.start):
            # 'Highly skilled migrants aged 30 and over must earn at least €5,810 a month': a
            # rule's minimum, not what anyone is paid
            out.append(Skip(amount.start, amount.end, "threshold"))
            continue
        if (
            _PREMIUM.match(text, amount.end, sentence.end)
            or _pay_difference(text, sentence, amount, changed)
            or _multi_year(text, sentence, amount)
            or _JOBS_AT.match(text, amount.end, sentence.end)
            or _names_benefit(text, amount)
            or _quoted(text, amount)
            or _HYPOTHETICAL.search(text, sentence.start, amount.start)
            or _WORKED_EXAMPLE.match(text, sentence.start, sentence.end)
            or _IF_CLAUSE.match(text, sentence.start, amount.start)
            or _EXCHANGE_RATE.match(text, amount.end, sentence.end)
            or EARNED_TO_DATE.match(text, amount.end, sentence.end)
            or _FOR_EVERY.match(text, amount.end, sentence.end)
            or OUT_EARNS.search(text, sentence.start, amount.start)
            or _FOR_EVERY_BEFORE.search(text, sentence.start, amount.start)
            or _price_heads(text, sentence, amount)
        ):
            # a premium, a raise, a total over years, a benefit, an example, a ratio of two
            # sums or a price
            out.append(Skip(amount.start, amount.end, "other"))
            changed = amount if _pay_difference(text, sentence, amount, changed) else None
            continue
        changed = None
        if _other_earners(text, frame, amount):
            out.append(Skip(amount.start, amount.end, "other"))  # 'Their managers earn $X'
            continue
        role, framing = _role(doc, sentence, frame, row, amount)
        if introduced and not find_roles(text[sentence.start : sentence.end]):
            # 'I earn $142k base' under 'Backend developer at a logistics SaaS in Denver, 4
            # YOE': the writer's own pay, in the role their line names
            role = next((r[2] for r in find_roles(referent)), role)
        if role is None:
            out.append(Skip(amount.start, amount.end, "no_subject"))
            continue
        if not framing and _posted_role(text[frame.clause_start : frame.clause_end]):
            posted, title = _page_role(doc)  # '... an ML engineer in this position is $X'
            framing = title if posted == role else ""
        header = _item_header(doc, sentence) or _posting_header(doc)
        own = text[sentence.start : sentence.end]
        posted = (
            bool(header)
            and role in {r[2] for r in find_roles(header)}
            and (not find_roles(own) or _posted_role(own))  # 'ML contractors are paid $95'
            # 'For candidates hired in Cork or Limerick, ...'; not the place among a posting's
            # terms ('Quayside Bank · New York (hybrid) · $165,000-$195,000' under its title)
            and (not _names_place(own) or _terms_line(text, sentence, amount))
        )
        if posted and not framing:
            framing = header  # 'Senior ML Engineer / Bengaluru, India · Full-time' above the pay
        before, after = _windows(text, frame, amount)
        if _taxed(before) or (
            taxed_end >= 0 and _or_bracket().fullmatch(text, taxed_end, amount.start)
        ):
            # a tax band, not pay; so is the alternative given in brackets right after it ('€
            # 46.107 a year (or € 35.048 for applicants under 30)')
            taxed_end = amount.end
            out.append(Skip(amount.start, amount.end, "other"))
            continue
        clause = _shared_clause(text, frame, money)
        qualifiers = _qualifiers(
            amount,
            before,
            after,
            row=row,
            clause=clause,
            head=_clause_head(text, frame, found),
            intro=intro,
            heading=heading,
            framing=framing,
            title=doc.title or "",
            referent=referent,
            opening=opening_place(text, sentence),
        )
        # the posting's place; not over a forum post's own writer line, which names its city
        # ('[Tidewell]  Data Eng  |  Columbus, OH  |  YOE 1' / 'Base 104k')
        unplaced = posted and "city" not in qualifiers and not introduced
        if unplaced and (city := _posting_place(header)):
            qualifiers["city"] = city
        titled = posted or role in {r[2] for r in find_roles(doc.title or "")}
        if (
            titled
            and "city" not in qualifiers
            and (located := _location_line(doc) or _header_list_city(doc))
        ):
            qualifiers["city"] = located  # '- Location: Austin, Texas' in a posting's overview
        if (
            titled
            and "experience_level" not in qualifiers
            and (listed := _listed_level(doc, sentence))
        ):
            qualifiers["experience_level"] = listed  # '- **Experience Level:** Mid-level'
        if (
            header
            and (posted or not find_roles(own))  # not 'ML contractors are paid EUR 70 an hour'
            and "experience_level" not in qualifiers
            and (required := _required_level(doc))
        ):
            qualifiers["experience_level"] = required  # 'At least 3 years of experience ...'
        if "experience_level" not in qualifiers and (headed := _list_heading_level(doc, sentence)):
            qualifiers["experience_level"] = headed  # '## Senior pay by city' / '- Denver: $X'
        opening = text[sentence.start : amount.start]
        if "city" not in qualifiers and len(money) == 1 and (place := own_city(opening)):
            qualifiers["city"] = place  # 'Rio pays less, with a median of R$ 13.900 per month'
        if "city" not in qualifiers and introduced and (place := own_city(referent)):
            qualifiers["city"] = place  # 'Senior MLE ... in New York. Base $232k'
        if "city" not in qualifiers and (place := heading_city(heading, own)):
            qualifiers["city"] = place  # '## Toronto' over 'ML engineers earn C$120,000'
        if "city" not in qualifiers and (opening := opening_city(text, sentence)):
            qualifiers["city"] = opening  # 'In Dublin, mid-level ... €75,000, and leads €120,000'
        if "city" not in qualifiers and (earlier := _same_city(doc, sentence, frame)):
            qualifiers["city"] = earlier  # '... in São Paulo ... Seniors in the same city earn'
        if "city" not in qualifiers and (asked := _asked_city(doc, sentence)):
            qualifiers["city"] = asked  # 'Hiring in Denver? Between $134,000 and $165,000.'
        if "city" not in qualifiers and (listed := _listing_city(doc, sentence, heading)):
            qualifiers["city"] = listed  # a job board's 'Kraków · Remote' over the pay line
        home = city_country(qualifiers.get("city", ""))
        if (
            home
            and introduced
            and own_city(referent) == qualifiers.get("city")
            and _unmarked_dollar(amount)
            and (local := country_dollar(home))
            and local != amount.unit
            and qualifiers.get("country") in (None, currency_country(amount.unit, home))
        ):
            # '$142k', 'base 218k' by a writer whose line places them in Denver, on a thread
            # whose one 'CA$' made the page's '$' Canadian: the writer's city's dollar
            qualifiers["country"] = home
            amount = replace(amount, unit=local)
        unplaced = not {"country", "region"} & qualifiers.keys()
        if home and unplaced and (country := currency_country(amount.unit, home)):
            qualifiers["country"] = country  # the country of the posting's or section's city
        # '$160,000 at US companies' on a Canadian page, unless the page says what its dollar
        # is ('All salaries are in Canadian dollars'): the page is read for that only when the
        # figure's country writes a dollar, as no other figure can change
        dollar = country_dollar(qualifiers.get("country", ""))
        if dollar and stated_dollar(doc.text) is None:
            amount = as_local_dollar(amount, dollar)
        shared = None if "pay_period" in qualifiers else _shared_period(money, stated, index)
        if shared:  # '£450-£600 here, £425-£575 a day there'
            qualifiers["pay_period"] = shared
        if (
            "pay_period" not in qualifiers
            and opening_period
            and amount.unit == money[0].unit
            and not too_small_for(opening_period, amount.value)
        ):
            # 'average annual salaries stood at Rs 15.8 lakh for ML engineers, Rs 3.1 lakh for
            # data annotators': the opening's period is every sum's of the run
            qualifiers["pay_period"] = opening_period
        if index == 0 and not stated[0]:
            opened = _pay_period(text[sentence.start : amount.start])
            opening_period = opened if qualifiers.get("pay_period") == opened else None
        if "experience_level" not in qualifiers and level and _SAME_LEVEL.search(clause):
            qualifiers["experience_level"] = level  # '... ML engineers at the same level earn'
        level = qualifiers.get("experience_level")
        # up to the next figure: in '$172,500, up 3.8% from a year earlier' the earlier year
        # is the change's base, not the sum's
        following = next((a.start for a in found if a.start >= amount.end), sentence.end)
        own_words = min(following, amount.end + _RELATIVE_REACH)
        dated = dated_against_another_year(text, amount.start, own_words)
        own_year = None if dated else _clause_year(text, sentence, frame, money, amount)
        if own_year is None and referent and not introduced and not dated:
            # 'Wage tables for 2024 put the median at S$8,900. The 25th percentile was ...';
            # its last sentence only ('I made this switch in 2022. Numbers from the market
            # right now, gross base per year:' dates no sum under it)
            years = {y for _, _, y in find_years(last_sentence(referent))}
            own_year = years.pop() if len(years) == 1 else None
        out.append(_claim(sentence, amount, role, "salary", own_year, qualifiers, source))
    for amount in raises:
        frame = figure_frame(text, sentence.start, sentence.end, found, found.index(amount))
        if _PERSONAL_BEFORE.search(text, amount.end, frame.clause_end):
            # 'Graduates' salaries rose a median 58% compared with what they earned before the
            # programme': the same people's pay before and after, no change in a role's pay
            out.append(Skip(amount.start, amount.end, "other"))
            continue
        role, _ = _role(doc, sentence, frame, _Row(), amount)
        if role is None:
            out.append(Skip(amount.start, amount.end, "no_subject"))
            continue
        qualifiers, own_year = _change_frame(text, sentence.start, frame, found, amount, year)
        earlier = _from_earlier().search(
            text, max(frame.before_start, amount.start - 40), amount.start
        )
        # 'down from 9% growth in 2024' is the growth the year before, not a fall
        falls = pay_fall(text, frame, amount) or _falls_after(text, amount)
        change = negated(amount) if falls and not earlier else amount
        out.append(_claim(sentence, change, role, "salary_growth", own_year, qualifiers, source))
    return out


def _change_line(doc: Document, sentence: Sentence, found: list[Amount]) -> bool:
    """Whether a stat line states the change of the pay on the line before it: a change label
    and one signed percentage ('Change since 2025 +7.4%', 'YoY: −3%') under 'National median
    CTC ₹14.8 LPA'."""
    index = sentence.block_index
    if len(found) != 1 or index == 0 or sentence.start != sentence.block.start:
        return False
    amount = found[0]
    label = doc.text[sentence.start : amount.start].strip(_LABEL_MARKS)
    rest = doc.text[amount.end : sentence.end].strip(" .")
    if rest or not label or len(label.split()) > 5 or written_sign(doc.text, amount) is None:
        return False
    before = doc.blocks[index - 1]
    above = doc.span_text(before)
    return (
        bool(table_vocabulary()["growth"].search(label))
        and before.kind == sentence.block.kind
        and names_pay_word(above)
        and any(a.is_money for a in amounts(doc.text, before.start, before.end))
    )


def _claim(
    sentence: Sentence,
    amount: Amount,
    role: str,
    attribute: str,
    year: int | None,
    qualifiers: dict[str, Any],
    source: str | None,
) -> Claim:
    return Claim.from_amount(
        amount,
        kind="salary" if attribute == "salary" else "growth_rate",
        subject=role,
        attribute=attribute,
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        year=year,
        qualifiers=qualifiers,
        attributed_to=source,
    )


# Offers counted as open jobs, as job boards write them: 'job offers', 'the number of ML
# engineer offers'.
_COUNTED_OFFERS = re.compile(
    r"\bjob\s+offers\b|\bnumber\s+of\s+(?:[\w-]+\s+){0,4}?offers\b", re.IGNORECASE
)
# ... and a job board's ('ML engineer offers on our board rose 22%'), in a sentence that names
# no sum and no value of them ('Offers on our platform grew 6% in value' is pay).
_BOARD_OFFERS = re.compile(
    r"\boffers\s+(?:(?:posted|listed|published)\s+)?on\s+(?:our|the|this|their)\s+"
    r"(?:job\s+)?(?:board|site|portal|platform)\b",
    re.IGNORECASE,
)
_VALUED = re.compile(r"\bin\s+value\b|\baverag|\bmedian\b|\bworth\b", re.IGNORECASE)


# A level a change starts from and the level it reaches: 'rose from 12.4% in 2021 to 38.9%'.
_FROM_LEVEL = re.compile(rf"\bfrom\s+{optional_hedge()}$", re.IGNORECASE)
_TO_LEVEL = re.compile(rf"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s+to\s+{optional_hedge()}", re.IGNORECASE)


# A gap between two pays right before a percentage: 'a gap of about', 'a premium of'.
_GAP_OF = re.compile(
    rf"\b(?:gap|premium|difference|differential)\s+of\s+{optional_hedge()}$", re.IGNORECASE
)


# A statistic alone as the subject of a change ('The median is up ', 'The average rose '), and
# how far before its sentence the pay it is of must be named.
_BARE_STATISTIC = re.compile(
    r"[\s*_]*the\s+(?:average|median|mean)\s+(?:has\s+|had\s+|is\s+|was\s+)?"
    r"(?:up|down|rose|fell|grew|climbed|increased|decreased|dropped|jumped|gained|slipped"
    r"|risen|fallen|grown)\s+(?:by\s+)?(?:[+-]\s*)?",
    re.IGNORECASE,
)
_PAY_BEFORE = 300
# Between a change of pay and the level it started from: ' from ', ' on '.
_RAISED_FROM = re.compile(r"\s+(?:from|on)\s+(?:about\s+|around\s+)?", re.IGNORECASE)


def _pay_before(text: str) -> bool:
    """Whether the sentence right before names pay and no price ('... median gross monthly
    salary of S$6,450.'; not 'a bootcamp now charges $16,500 on average.')."""
    last = last_sentence(text)
    price = vocabulary("salary_terms", "salary_words", "price")
    return bool(names_pay_word(last)) and not price.search(last)


def pay_growth(text: str, sentence: Sentence, found: list[Amount], amount: Amount) -> bool:
    """Whether a percentage is a change in pay: 'Base pay for ML engineers rose 6.5%'.

    A pay word must come before the figure in its own clause and a growth word close to it,
    so 'demand rose 20%, and salaries are high' is not a pay rise.
    """
    if _PAY_RISE_AFTER.match(text, amount.end, sentence.end):
        return True  # 'reported a 5.5% median pay increase', '9.6%: the average pay rise'
    if _GAP_OF.search(text, max(sentence.start, amount.start - _RAISE_REACH), amount.start):
        return False  # '..., up from a gap of about 20 per cent in 2021': a gap between pays
    change_in = _PAY_CHANGE_IN.match(text, amount.end, sentence.end)
    if change_in and (change_in["change"] or written_sign(text, amount)):
        return True  # a stat block's '+6.2% rise in median base since 2024'
    if _pay_rise_before().search(
        text, max(sentence.start, amount.start - _RAISE_REACH), amount.start
    ):
        return True  # 'Staying put earned a median raise of 3.5%'
    index = found.index(amount)
    if index and same_measure().match(text, found[index - 1].end, amount.start):
        # '... rose 11.4% in 2024, compared with 7.8% for software roles': the same measure
        return pay_growth(text, sentence, found, found[index - 1])
    if index and (
        _role_run(text, found[index - 1].end, amount.start)
        or _second_verb().fullmatch(text, found[index - 1].end, amount.start)
    ):
        # '... pay for ML engineers rose 5.4%, while data scientists gained 2.1% and software
        # engineers slipped 0.9%': the next role's change of the same measure; '... rose 38% in
        # naira terms in 2025, but fell 22% in dollar terms': the same pay's other change
        return pay_growth(text, sentence, found, found[index - 1])
    frame = figure_frame(text, sentence.start, sentence.end, found, index)
    # 'Median pay: $139,000 · Projected growth: 17%': a field set apart is a field of its own
    head = FIELD_SEPARATOR.split(text[frame.clause_start : amount.start])[-1]
    # 'job offers' and 'the number of ML engineer offers' count open jobs: no pay word
    head = _COUNTED_OFFERS.sub(" ", head)
    if not any(a.is_money for a in found) and not _VALUED.search(
        text, sentence.start, sentence.end
    ):
        head = _BOARD_OFFERS.sub(" ", head)
    # '... the median climbed 11.4% from 2024; in Germany it was up 4.2%': 'it' goes on with
    # the pay the change before it in the sentence was of
    pay = (
        names_pay_word(head)
        # 'The median is up 7.5% from S$6,000', 'The average rose 11,3%' right after pay: the
        # statistic alone is that pay's
        or bool(
            _BARE_STATISTIC.fullmatch(head)
            and _pay_before(text[max(0, sentence.start - _PAY_BEFORE) : sentence.start])
        )
        or (
            index > 0
            and bool(_GOES_ON.search(head))
            and pay_growth(text, sentence, found, found[index - 1])
        )
        # 'contractors averaged £640 a day in Q3, up 3% on Q2': the change of the sum of pay
        # (money a period is paid in) right before it in its clause
        or (
            index > 0
            and found[index - 1].is_money
            and found[index - 1].pay_period is not None
            and found[index - 1].start >= frame.clause_start
        )
        # 'the national median for a mid-level ML engineer is now €81,000, up 5.5% on a year
        # earlier': a change set right after a sum is that sum's
        or (
            index > 0
            and found[index - 1].is_money
            and (
                _UP_AFTER_SUM.fullmatch(text, found[index - 1].end, amount.start) is not None
                # '... rose to SAR 29,500, a 14% rise on a year earlier'
                or (
                    _A_AFTER_SUM.fullmatch(text, found[index - 1].end, amount.start) is not None
                    and _CHANGE_NOUN_AFTER.match(text, amount.end, sentence.end) is not None
                )
            )
            # not a market's or a price's sum ('The ML market was worth $50 billion, up 30%')
            and not vocabulary("salary_terms", "salary_words", "price").search(
                text, sentence.start, found[index - 1].start
            )
        )
    )
    # 'Demand has grown faster than pay: open ML engineer positions ... reached 14.2K, up 19%':
    # after a colon, the figure's own words are of jobs, whatever the words before it
    told = head.rsplit(": ", 1)[-1] if ": " in head else ""
    if (
        told
        and not names_pay_word(told)
        and vocabulary("market_terms", "demand", "words").search(told)
    ):
        return False
    # a price word of the figure before it is that figure's ('After allowing for consumer price
    # inflation of 2.3%, median earnings rose by 3.8%')
    since = max(frame.clause_start, found[index - 1].end) if index else frame.clause_start
    own_head = FIELD_SEPARATOR.split(text[since : amount.start])[-1]
    if not pay or vocabulary("salary_terms", "salary_words", "price").search(own_head):
        return False
    stretch = own_stretch(text, frame, found, amount)
    if vocabulary("market_terms", "demand", "words").search(stretch) and not names_pay_word(
        stretch
    ):
        return False  # 'pay climbed 5%, even as job ads dropped 7%': the 7% is of job ads
    near = text[max(frame.before_start, amount.start - 40) : amount.start]
    if (
        _FROM_LEVEL.search(near)
        and index + 1 < len(found)
        and _TO_LEVEL.fullmatch(text, amount.end, found[index + 1].start)
        and vocabulary("share_terms", "nouns").search(head)
    ):
        # 'The share of postings that disclose a salary rose from 12.4% in 2021 to 38.9%': a
        # share's levels, not pay changing
        return False
    if _from_earlier().search(near):
        # 'down from 31%' is an earlier level: of pay growth only after a pay change ('rose 7.5%
        # in 2025, up from 4% in 2024'), not after a share ('22% of postings ..., down from 31%')
        return (
            bool(index)
            and found[index - 1].unit == "percent"
            and (pay_growth(text, sentence, found, found[index - 1]))
        )
    if than_earlier().match(text, amount.end, sentence.end):
        return True  # 'ML engineer salaries were 3.8% higher than a year earlier'
    if _CHANGE_NOUN_AFTER.match(text, amount.end, sentence.end):
        return True  # '... rose to SAR 29,500, a 14% rise on a year earlier'
    # 'rises to 12%' states a new level, not a change by 12%.
    return bool(
        vocabulary("market_terms", "growth", "words").search(near) or pay_fall(text, frame, amount)
    ) and not to_level().search(near)


_AFTER_COMMA = re.compile(r"[,;]\s")
# Between a sum and the change right after it: ', up ', ' (down '.
_UP_AFTER_SUM = re.compile(r"\s*[,(–—]?\s*(?:up|down)\s+(?:by\s+)?", re.IGNORECASE)
# ... or set after it as 'a 14% rise': the article before the figure, the change's noun after.
_A_AFTER_SUM = re.compile(r"\s*[,(–—]\s*an?\s+", re.IGNORECASE)
_CHANGE_NOUN_AFTER = re.compile(
    r"\s+(?:rise|increase|jump|gain|climb|drop|fall|decline|cut)\b", re.IGNORECASE
)
_FALL_NOUN_AFTER = re.compile(r"\s+(?:drop|fall|decline|cut)\b", re.IGNORECASE)
# A clause whose subject is a pronoun for what the sentence spoke of before: 'in Germany it was'.
_GOES_ON = re.compile(r"\bit\s+(?:was|is|has|had|rose|grew|fell)\b", re.IGNORECASE)
# A rise in pay written right after its figure: 'a 5.5% median pay increase', 'a 7% salary hike'.
_PAY_RISE_AFTER = re.compile(
    r"\s*[:–—]?\s+(?:(?:the|an?)\s+)?(?:(?:median|average|mean|annual|base|overall)\s+)?"
    r"(?:pay|salary|wage|compensation)\s+(?:increases?|rises?|raises?|growth|hikes?|gains?|bumps?)\b",
    re.IGNORECASE,
)
# A change in pay named after its figure as a noun, as a stat block captions it: '+6.2% rise in
# median base', '3% drop in average salary'; a signed figure needs no change word ('+4.1% in
# average base salary').
_PAY_CHANGE_IN = re.compile(
    r"\s+(?:(?P<change>(?:increase|rise|growth|gain|jump|change|(?P<fall>drop|fall|decline|dip))s?)"
    r"\s+)?"
    r"in\s+(?:(?:the|that)\s+)?(?:(?:median|average|mean|typical)\s+)?(?:(?:base|total)\s+)?"
    r"(?:pay|salary|salaries|wages?|compensation|comp|base)\b",
    re.IGNORECASE,
)


# How far before its figure a raise named as a noun may start ('Expected salary increases for ML
# engineers in 2026 average 6.1%').
_RAISE_REACH = 64


@cache
def _pay_rise_before() -> re.Pattern[str]:
    """A raise named right before its figure: 'earned a median raise of 3.5%', 'pay rises
    averaged'."""
    return re.compile(
        # 'a median raise of', 'salary increments for ML engineers averaged', India's 'a median
        # hike of', 'appraisals for those who stayed averaged'
        r"\b(?:(?:median|average|mean|annual|mid-year|year-end)\s+)?"
        r"(?:(?:pay|salary|wage)\s+(?:increases?|rises?|increments?|hikes?)|raises?|increments?"
        r"|appraisals?|(?<=median\s)hikes?|(?<=average\s)hikes?)"
        r"(?:\s+for(?:\s+[\w-]+){1,4}?)?"
        # 'a median raise of', a label's 'Average salary hike for ML engineers in 2025:'
        rf"(?:\s+(?:of|average|averaged|averaging|came\s+to|was|were|at)\s+|\s*:\s*)"
        rf"{optional_hedge()}$"
        # 'employers plan to raise salaries by'
        r"|\b(?:raise|raises|raised|raising|increase|increases|increased|increasing)\s+"
        rf"(?:their\s+|its\s+|base\s+)?(?:pay|salaries|wages)\s+by\s+{optional_hedge()}$",
        re.IGNORECASE,
    )


def _level_years(text: str, frame: Frame, found: list[Amount], index: int) -> list[int]:
    """The one year of the sum a change rose or fell from, right after it ('up 7.5% from S$6,000
    for the Class of 2024'), else []."""
    if index + 1 >= len(found):
        return []
    level = found[index + 1]
    if not level.is_money or not _RAISED_FROM.fullmatch(text, found[index].end, level.start):
        return []
    years = [year for _, _, year in find_years(text, level.end, frame.clause_end)]
    return years if len(years) == 1 else []


def _change_frame(
    text: str,
    start: int,
    frame: Frame,
    found: list[Amount],
    amount: Amount,
    year: int | None,
) -> tuple[dict[str, Any], int | None]:
    """A pay change's period and year: its own period after it and before the next figure
    ('rose 5.2% from 2023, even as ... in 2024' starts in 2023), else one before it since the
    previous figure ('Compared with 2024, median pay rose 3.2%' starts in 2024), else the
    sentence's one year; and the pay period and level its clause names ('day rates have fallen
    3%' is a daily rate, 'pay for senior engineers rose 5%' a senior one)."""
    index = found.index(amount)
    stop = found[index + 1].start if index + 1 < len(found) else frame.clause_end
    since = found[index - 1].end if index else start
    own = (
        periods(text, amount.end, max(stop, amount.end)) or periods(text, since, amount.start)[-1:]
    )
    qualifiers: dict[str, Any] = {}
    base = than_earlier().match(text, amount.end, max(stop, amount.end))
    based = [y for _, _, y in find_years(base.group())] if base else []
    if own:
        _, _, year_start, year = own[0]
        qualifiers["period_start"] = year_start
    elif based:  # '2% lower than in 2024' measures from 2024, to a year it does not name
        qualifiers["period_start"], year = based[0], None
    elif level_years := _level_years(text, frame, found, index):
        # 'up 7.5% from S$6,000 for the Class of 2024': the year of the level it rose from
        qualifiers["period_start"], year = level_years[0], None
    elif year is None:  # 'averaged 4.1% in 2025, compared with 5.3% in 2024': each its own
        years = {y for _, _, y in find_years(text, amount.end, max(stop, amount.end))}
        year = years.pop() if len(years) == 1 else None
    if year is not None:
        qualifiers["period_end"] = year
    head = text[frame.clause_start : amount.start]
    pay_period = _pay_period(head)
    if pay_period:
        qualifiers["pay_period"] = pay_period
    # 'Pay at the senior level rose 6.8%'; not a clause set before ('Even as senior hiring
    # froze, engineers' pay rose 5%')
    if level := find_experience_level(_AFTER_COMMA.split(head)[-1]):
        qualifiers["experience_level"] = level
    # 'rose 5.6% in Spain; in Portugal it was up 3.1%': each change is its country's (or
    # city's), named in its own words up to the next comma or semicolon
    close = _AFTER_COMMA.search(text, amount.end, max(stop, amount.end))
    own_words = text[max(since, frame.clause_start) : close.start() if close else stop]
    if country := single_country(own_words):
        qualifiers["country"] = country
    elif city := find_city(own_words):  # 'salaries in London rose 6.2%, while Berlin rose 3.9%'
        qualifiers["city"] = city
    return qualifiers, year


def _stated_periods(text: str, sentence: Sentence, money: list[Amount]) -> list[str | None]:
    """Each sum's own pay period: its unit's ('₹12 LPA') or the words right after it, before the
    next sum ('£420 a day')."""
    out = []
    for index, amount in enumerate(money):
        stop = money[index + 1].start if index + 1 < len(money) else sentence.end
        stop = min(stop, amount.end + 30)
        out.append(amount.pay_period or _pay_period(text[amount.end : max(stop, amount.end)]))
    return out


def _sample_edge(text: str, sentence: Sentence) -> bool:
    """Whether the sentence says what a survey left out or counted ('salaries above ₹90 lakh were
    excluded'): its bounded sums are the sample's edges, not pay anyone is paid."""
    edge = vocabulary("salary_terms", "salary_words", "sample_edge")
    return bool(edge.search(text, sentence.start, sentence.end))


def _worked_out(
    text: str, found: list[Amount], money: list[Amount], stated: list[str | None]
) -> dict[Amount, Amount]:
    """The sums a sentence works out from one of its rates, each with its rate: a sum equal to a
    rate times a count of the rate's periods stated beside it ('$1,000 a day for 220 days
    grosses about $220,000'; 'at £85 an hour over 1,600 billable hours, about £136,000'). The
    product is arithmetic the page shows, not a pay it reports; the rate stays a stated pay."""
    worked: dict[Amount, Amount] = {}
    for rate, period in zip(money, stated, strict=True):
        if period is None or rate.value_high is not None or period not in _rate_counts():
            continue
        counts = [
            n.value
            for n in found
            if n.unit is None and n.value > 1 and _rate_count(period).match(text, n.end)
        ]
        for total in money:
            if total is not rate and any(
                math.isclose(total.value, rate.value * count, rel_tol=_WORKED_TOLERANCE)
                for count in counts
            ):
                worked[total] = rate
    return worked


def _left_out(text: str, frame: Frame, amount: Amount) -> bool:
    """Whether the sum's own clause says before it that it was left out of the figures ('After
    throwing out duplicates and the person who claimed a $9 million base'): an outlier, no pay."""
    edge = vocabulary("salary_terms", "salary_words", "sample_edge")
    found = edge.search(text, frame.clause_start, amount.start)
    # (no comma or colon between: '..., here is what they were paid: a median of $148,000' is
    # the figure the outlier was thrown out of)
    return found is not None and not _CLAUSE_MARK.search(text, found.end(), amount.start)


_CLAUSE_MARK = re.compile(r"[,;:]")


def _skip_reason(amount: Amount, edge: bool, restated: set[Amount]) -> str:
    """Why a sum a sentence works out or bounds is no pay claim: a sample's edge, a rate the page
    stated before (its claim is that first statement's), or a product of a rate."""
    if edge and amount.bound:
        return "threshold"
    return "restated" if amount in restated else "computed"


def _stated_before(doc: Document, sentence: Sentence, rate: Amount, period: str | None) -> bool:
    """Whether the section stated the rate a worked example starts from before the example's
    sentence (the same sum, currency and pay period): 'Contractors charge £600 a day.' then
    'At £600 a day, 220 days make £132,000' states one rate, not two."""
    text = doc.text
    index = sentence.block_index
    stop = sentence.start
    while index >= 0 and (index == sentence.block_index or doc.blocks[index].kind != "heading"):
        block = doc.blocks[index]
        for earlier in amounts(text, block.start, min(block.end, stop)):
            if (earlier.value, earlier.value_high, earlier.unit) == (
                rate.value,
                None,
                rate.unit,
            ) and (
                earlier.pay_period or _pay_period(text[earlier.end : earlier.end + 12])
            ) == period:
                return True
        index -= 1
    return False


def _rate_counts() -> dict[str, list[str]]:
    """The periods whose rates a count can multiply, with their count nouns (salary_terms)."""
    return load_data("salary_terms")["rate_counts"]


# How close a sum must be to a rate times a count to be its product ('grosses about $220,000').
_WORKED_TOLERANCE = 0.05


@cache
def _rate_count(period: str) -> re.Pattern[str]:
    """The period nouns a count of `period` takes, up to two words after it ('220 working days')."""
    nouns = phrase_alternation(_rate_counts()[period])
    return re.compile(rf"[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?(?:{nouns})(?![\w-])", re.IGNORECASE)


def _shared_period(money: list[Amount], stated: list[str | None], index: int) -> str | None:
    """The pay period a sum that states none shares with a parallel sum of its sentence (same
    currency, within a factor of `_PAY_STEP`): the last sum's ('Bengaluru pays ₹14-30 lakh,
    while Pune pays ₹11-24 lakh per year'), else the nearest earlier one's ('starts on £45,000
    per year, although banks pay graduates £55,000'). A day rate beside a salary shares none."""
    amount = money[index]
    last = len(money) - 1
    earlier = [j for j in range(index - 1, -1, -1) if stated[j]][:1]
    for j in ([last] if last > index else []) + earlier:
        other = money[j]
        if (
            stated[j]
            and other.unit == amount.unit
            and other.value > 0
            and 1 / _PAY_STEP <= amount.value / other.value <= _PAY_STEP
        ):
            return stated[j]
    return None


def names_pay_word(text: str) -> bool:
    """Whether a text names pay ('salary', 'base pay', 'compensation')."""
    return any(
        vocabulary("salary_terms", "salary_words", strength).search(text)
        for strength in ("strong", "weak")
    )


def own_stretch(text: str, frame: Frame, found: list[Amount], amount: Amount) -> str:
    """The figure's own words in its clause: from the previous figure, if one stands in the
    same clause ('base pay rose 4%, even as job ads fell 6%' gives 6% 'even as job ads
    fell'), else from the clause's start."""
    index = found.index(amount)
    start = frame.clause_start
    if index and found[index - 1].end > start:
        start = found[index - 1].end
    return text[start : amount.start]


def pay_fall(text: str, frame: Frame, amount: Amount) -> bool:
    """Whether the change is a decrease: a decline word in the figure's own words before it
    ('day rates have declined 3%', 'openings for data analysts fell 4%')."""
    head = text[max(frame.before_start, amount.start - 40) : amount.start]
    return bool(vocabulary("salary_terms", "change", "decline").search(head))


def _falls_after(text: str, amount: Amount) -> bool:
    """A fall written with its sign or named after its figure ('−4% in median base', '3% drop in
    average salary', '2% lower than a year earlier')."""
    named = _PAY_CHANGE_IN.match(text, amount.end)
    return (
        written_sign(text, amount) == -1
        or bool(named and named["fall"])
        or _FALL_NOUN_AFTER.match(text, amount.end) is not None  # 'a 3% drop on a year earlier'
        or earlier_way(than_earlier().match(text, amount.end)) in EARLIER_FALLS
    )


def negated(amount: Amount) -> Amount:
    """A fall as a negative change: 'openings fell 4%' is -4, 'fell 9 to 12%' is -12 to -9."""
    if amount.value_high is None:
        return replace(amount, value=-amount.value)
    return replace(amount, value=-amount.value_high, value_high=-amount.value)


def _role(
    doc: Document, sentence: Sentence, frame: Frame, row: _Row, amount: Amount
) -> tuple[str | None, str]:
    """The role a figure is pay of, and the text that named it (for its level).

    The role named last in the figure's own words before it wins ('ML engineers earn $150,000,
    ahead of software engineers at $128,000'), then the first one in its own words after it
    ('$150K for data scientists'), then the last its clause names, then the list row's label,
    then the sentence's
    first role when its clause names none (unless the clause points at a posting's own role:
    'for this role'), then the last role the paragraph named before the sentence; the lead-in,
    heading, title and the page's own role come last.
    """
    text = doc.text
    # a relative clause after the figure tells of the figure, not whose pay it is ('a 90th
    # percentile of $211,450, which better matches senior ML engineer pay')
    relative = _RELATIVE.search(text, amount.end, frame.after_end)
    clause = text[frame.clause_start : relative.start() if relative else frame.after_end]
    before, after = _windows(text, frame, amount)  # the figure's own words, not a neighbour's
    roles = find_roles(before)[-1:] or find_roles(after)[:1]
    if roles:
        return roles[0][2], ""
    # '..., well ahead of the 2.9% average increase for all IT roles': its own words' field
    field = _field_roles().search(after)
    if field:
        return _family_role(doc, field["field"])
    roles = find_roles(clause)[-1:]
    if roles:
        return roles[0][2], ""
    field = _field_roles().search(clause)
    if field:  # 'the average salary for AI roles': a field's roles, not the page's role
        return _family_role(doc, field["field"])
    if row.role:
        return row.role, ""
    if everyone := _ALL_WORKERS.search(clause):
        # 'The median annual wage for all occupations was $49,500', 'All jobs median .... $1,650':
        # the baseline set beside the role, not the role's pay
        return " ".join(everyone.group().lower().split()), ""
    ranked = ranked_subject(doc, sentence.start)
    if ranked and not _lists_companies(doc, sentence):
        return ranked, ""  # '4. Data Labeling Lead' / '- Median base salary: $88,200'

    if _posted_role(clause):  # 'For this role we pay $X; data scientists earn $Y'
        return _page_role(doc)
    own = _CONTRASTED_ROLE.sub(" ", text[sentence.start : sentence.end])
    earlier = _CONTRASTED_ROLE.sub(" ", _BRACKETED.sub("", block_before(doc, sentence)))
    roles = find_roles(own) or find_roles(earlier)[-1:]
    if roles:
        return roles[0][2], ""
    heading = section_heading(doc, sentence.block)
    for framing in (lead_in(doc, sentence.block_index), heading, doc.title or ""):
        named = roles_named(framing)
        if named:
            return named[0], framing
        if framing is heading and (title := heading_title(heading)):
            return title, framing  # a card's '## Data Centre Technician' over its pay
    return _page_role(doc)


_RELATIVE = re.compile(r",\s*which\b", re.IGNORECASE)
# A role set aside by the one named before it ('Applied scientist rather than MLE, but close
# enough'): not the role whose pay follows.
_CONTRASTED_ROLE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to)\s+[^,.;:()]{1,40}", re.IGNORECASE
)
# An aside in brackets names no subject for the sentences after it ('ML engineer, 6 YOE (2 of
# those as a data scientist). Current TC 235k').
_BRACKETED = re.compile(r"\([^()]*\)")


def _lists_companies(doc: Document, sentence: Sentence) -> bool:
    """A list whose lead-in or heading says its items are employers or industries ('Top-paying
    companies by average salary', 'Industries ranked by median base salary'): an item's pay is
    the page's role's there, the company or industry its qualifier."""
    # 'Industries ranked by median base salary for ML engineers:' names its items' kind too,
    # and so does the heading over a lead-in that names none ('Highest-paying industries' /
    # 'Ranked by median base salary in 2025:')
    framings = (lead_in(doc, sentence.block_index), section_heading(doc, sentence.block))
    return any(
        label_key(framing) == "company" or _INDUSTRIES.search(framing)
        for framing in framings
        if framing
    )


_INDUSTRIES = re.compile(
    r"^\W*(?:(?:the|top|\d+|highest[- ]paying|best[- ]paying|leading)\s+)*"
    r"(?:industries|sectors|verticals)\b",
    re.IGNORECASE,
)


def _other_earners(text: str, frame: Frame, amount: Amount) -> bool:
    """Whether the figure's clause names, before it and after any role, people who are not of
    the page's role ('Their managers typically earn $210,000', 'ML engineers out-earn the
    average US worker, who makes $59,000'); not when a level word makes them the role's
    ('most experienced workers make up to $180,000')."""
    # 'One engineering manager told us that a typical offer ... is': who speaks earns nothing here
    head = _REPORTED.split(text[frame.clause_start : amount.start])[-1]
    earners = list(vocabulary("salary_terms", "salary_words", "other_earners").finditer(head))
    if not earners:
        return False  # most clauses name no other earners: no need to look up their roles
    roles = find_roles(head)
    after_role = roles[-1][1] if roles else 0
    for found in earners:
        if found.start() >= after_role and not find_experience_level(head[: found.end()][-30:]):
            # 'workers in this occupational group': the page's own occupation's
            return not _OWN_GROUP.match(head, found.end())
    return False


_REPORTED = re.compile(
    r"\b(?:told\s+(?:us|me|them)|said|says|say|reports?|reported|explains?|explained|notes?|noted)"
    r"\s+that\b",
    re.IGNORECASE,
)
# What makes other earners the page's own: 'workers in this occupation', '... of this profession'.
_OWN_GROUP = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:in|of)\s+this\s+(?:occupation(?:al\s+group)?|profession|field)\b",
    re.IGNORECASE,
)


def _family_role(doc: Document, field: str) -> tuple[str, str]:
    """The role of 'machine learning roles': the field's role with the page's head noun when
    the page's own role is of that field ('Salaries for ML roles rose 11%' on a page about
    machine learning or AI/ML engineers: machine learning engineer), else the field's roles as
    such ('AI roles' on a machine learning engineer page)."""
    family = normalize_subject(f"{field} role")
    role, framing = _page_role(doc)
    if role and " " in role:
        own, head = role.rsplit(" ", 1)
        named = family.rsplit(" ", 1)[0]
        if re.search(rf"(?<![\w-]){re.escape(named)}(?![\w-])", own):  # 'AI/ML engineer'
            return f"{named} {head}", framing
    return family, ""


def _posted_role(clause: str) -> bool:
    """Whether the clause points at a job posting's own role ('for this role')."""
    return bool(vocabulary("salary_terms", "salary_words", "posted_role").search(clause))


def _posting_fields(own: str, first: Amount) -> bool:
    """A posting's header written as fields set apart by bars, one of them a role and one the
    sum with nothing but its package words ('Company | Senior ML Engineer | Boston, MA |
    HYBRID | $190,000 - $230,000')."""
    fields = [field.strip() for field in own.split(" | ")]
    if len(fields) < _POSTING_FIELDS:
        return False
    paid = [field for field in fields if first.raw in field]
    return (
        len(paid) == 1
        and _bare_pay_line(paid[0], first)
        and any(find_roles(field) for field in fields if field is not paid[0])
    )


# How many bar-separated fields a posting's header line has at least (company, role, place).
_POSTING_FIELDS = 3


def _role_title_above(doc: Document, sentence: Sentence) -> bool:
    """Whether a heading naming a role stands among the few blocks right above the sentence's
    (a job card's title over its locations line and its pay line)."""
    start = max(0, sentence.block_index - _CARD_LINES)
    return any(
        block.kind == "heading" and find_roles(doc.span_text(block))
        for block in doc.blocks[start : sentence.block_index]
    )


# How many blocks above its pay line a job card's title may stand.
_CARD_LINES = 3


def _placed_pay_line(own: str) -> bool:
    """A short line of places, each with its sum ('US: $168,000 – $204,000 · Canada:
    CA$152,000 – CA$184,000', 'UK: £98,000 – £122,000'), and nothing else."""
    if len(own) > _MAX_PACKAGE_LINE:
        return False
    fields = [_PLACED_SUM.fullmatch(field) for field in FIELD_SEPARATOR.split(own.strip(" ."))]
    return all(
        field is not None
        and is_place(field["place"])
        and any(a.is_money for a in amounts(field["sum"], 0, len(field["sum"])))
        for field in fields
    )


# A place, a colon and a sum: 'Canada: CA$152,000 – CA$184,000'.
_PLACED_SUM = re.compile(r"\s*(?P<place>[^\W\d][^:\d]{0,30}?)\s*:\s*(?P<sum>[^:]{2,40}?)\s*")


def _bare_pay_line(own: str, first: Amount) -> bool:
    """A short line that is a sum and nothing but its pay period, bound and package words
    ('£42,000 a year', 'Up to £120,000 a year + benefits', '£650 – £800 per day'), maybe with
    the posting's terms set apart after it ('$48 – $58 an hour · 12-month contract')."""
    if len(own) > _MAX_PACKAGE_LINE:
        return False
    fields = FIELD_SEPARATOR.split(own)
    terms = vocabulary("salary_terms", "salary_words", "posting_header")
    while len(fields) > 1 and first.raw not in fields[-1] and terms.search(fields[-1]):
        fields.pop()  # '$48 – $58 an hour · 12-month contract': the posting's terms set apart
    rest = " ".join(fields).replace(first.raw, " ")
    for words in (
        *(
            vocabulary("salary_terms", "pay_period", p)
            for p in ("annual", "monthly", "daily", "hourly")
        ),
        vocabulary("salary_terms", "salary_words", "package"),
        _LINE_BOUND,
    ):
        rest = words.sub(" ", rest)
    return not re.search(r"[^\W\d_]", rest)


# The words of a bound on a pay line: 'Up to £120,000', '£60,000+'.
_LINE_BOUND = re.compile(r"\b(?:up\s+to|from|starting\s+at|to|salary|pay)\b:?", re.IGNORECASE)


def _package_line(own: str, first: Amount) -> bool:
    """A job posting's pay line: a short line holding a pay range and package words
    ('£85,000 - £110,000 + bonus + share options') or the range's own pay period, as job
    boards print it under each posting's title ('26 000 – 33 000 PLN net/month (B2B)')."""
    return (
        len(own) <= _MAX_PACKAGE_LINE
        and first.value_high is not None
        and (
            first.pay_period in ("annual", "monthly")
            or bool(vocabulary("salary_terms", "salary_words", "package").search(own))
        )
    )


# Every worker of an economy, the baseline a role's pay is set against: 'all occupations',
# 'all full-time employees'.
_ALL_WORKERS = re.compile(
    r"(?<![\w-])all\s+(?:(?:full|part)[\s-]time\s+)?"
    r"(?:occupations|jobs|workers|employees|professions)(?![\w-])",
    re.IGNORECASE,
)


@cache
def _field_roles() -> re.Pattern[str]:
    """'AI roles', 'machine learning jobs': the roles of a field, with no head noun."""
    fields = load_data("salary_terms")["roles"]["fields"]
    alternatives = phrase_alternation(sorted(fields, key=len, reverse=True))
    # and the fields that name no role of their own: 'all IT roles', 'tech jobs'
    return re.compile(
        rf"(?<![\w-])(?P<field>{alternatives}|(?-i:IT)|tech|technology)\s+(?:roles|positions|jobs)"
        r"(?![\w-])",
        re.IGNORECASE,
    )


def _page_role(doc: Document) -> tuple[str | None, str]:
    """The page's own role (see `document_role`) and the first heading naming it before the
    page's text, whose level words are the page's ('Senior Machine Learning Engineer –
    Forecasting' on a job posting)."""
    role = document_role(doc)
    for block in doc.blocks:
        if block.kind == "heading" and role in {r[2] for r in find_roles(doc.span_text(block))}:
            return role, doc.span_text(block)
        if block.kind != "heading" and not block.boilerplate:
            break  # a heading after the page's text heads a section ('11. Senior ML engineers
            # will stay the scarcest hire'): its level words are not the page's
    # else the page's own title, when it names the role (a posting whose breadcrumb or back
    # link comes before its heading: '<title>Senior Machine Learning Engineer, Ranking ...')
    titled = doc.title or ""
    return role, titled if role in {r[2] for r in find_roles(titled)} else ""


# How many blocks from the top a posting's title may come after (a back link, a breadcrumb).
_HEADER_REACH = 3


@lru_cache(maxsize=64)
def _posting_header(doc: Document) -> str:
    """A job posting's header: a first line naming a role (its title) over lines with a
    posting's terms ('Senior Machine Learning Engineer' / 'Bengaluru, Karnataka, India ·
    Full-time · Hybrid'), from the first block and the next one when the first is a bare
    title; else ''. A line of links or buttons above the title ('← Back to all jobs · Sign in')
    is skipped: the header starts at the first heading that names a role."""
    kept, titled = _posting_title(doc)
    blocks = [doc.blocks[i] for i in kept[titled or 0 : (titled or 0) + 2]]
    if not blocks:
        return ""
    parts = [doc.span_text(blocks[0])]
    if blocks[0].kind == "heading" and len(blocks) > 1:
        parts.append(doc.span_text(blocks[1]))
    header = "\n".join(parts)
    title, _, terms = header.strip().partition("\n")
    cues = vocabulary("salary_terms", "salary_words", "posting_header")
    if len(header) > _MAX_HEADER or not find_roles(title) or not cues.search(terms):
        return ""
    return header


def posting_level(doc: Document, role: str) -> str | None:
    """The level a job posting's title names ('LEAD MACHINE LEARNING ENGINEER, CREDIT RISK'
    over 'Remote (United States) | Full-time'), when the posting is for `role`: the level of
    pay the posting states in a table of zones or bands too."""
    title = _posting_header(doc).partition("\n")[0]
    if not title or role not in {r[2] for r in find_roles(title)}:
        return None
    return find_experience_level(title)


def _item_header(doc: Document, sentence: Sentence) -> str:
    """The title and terms lines above a pay line in the same list item, when the item's first
    line is a job title with no figure ('3) Junior ML Engineer | Tessel Health' / 'Munich,
    Germany' / 'EUR 45,000 - 55,000'): a digest of postings heads each item as a posting page
    heads the page; else ''."""
    block = sentence.block
    if block.kind != "list_item" or sentence.start <= block.start:
        return ""
    header = doc.text[block.start : sentence.start].strip()
    title = header.partition("\n")[0]
    if len(header) > _MAX_HEADER or re.search(r"\d", title) or not find_roles(title):
        return ""
    return header


@lru_cache(maxsize=16)
def _posting_title(doc: Document) -> tuple[tuple[int, ...], int | None]:
    """The first blocks of a page that are not boilerplate (up to `_HEADER_REACH`, by index),
    and the position among them of the first heading that names a role: a posting's title."""
    kept = tuple(i for i, b in enumerate(doc.blocks) if not b.boilerplate)[:_HEADER_REACH]
    titled = next(
        (
            position
            for position, i in enumerate(kept)
            if doc.blocks[i].kind == "heading" and find_roles(doc.span_text(doc.blocks[i]))
        ),
        None,
    )
    return kept, titled


def _listed_level(doc: Document, sentence: Sentence) -> str | None:
    """The level a posting's overview list states beside its pay line ('- **Experience
    Level:** Mid-level (3–5 years)' over '- **Pay:** $148K – $176K/yr'): the items of the pay
    line's list whose label names a level; for pay stated elsewhere, the list right under the
    posting's title ('Machine Learning Engineer II' / 'Austin, Texas' / 'Experience level:
    Mid-level')."""
    blocks, index = doc.blocks, sentence.block_index
    if sentence.block.kind != "list_item":
        kept, titled = _posting_title(doc)
        index = kept[titled] + 1 if titled is not None else len(blocks)
        if index >= len(blocks) or blocks[index].kind != "list_item":
            return None
    return _labelled_level(doc, *list_run(doc, index))


@lru_cache(maxsize=8)
def _required_level(doc: Document) -> str | None:
    """The level a posting's requirements state in years ('At least 3 years of experience
    building ML systems': mid, by `experience_years`), when the items that ask for
    experience in years all state one."""
    levels = {
        level
        for block in doc.blocks
        if block.kind == "list_item"
        and not block.boilerplate
        and _YEARS_OF_EXPERIENCE.search(doc.text, block.start, block.end)
        and (level := years_level(doc.span_text(block)))
    }
    return levels.pop() if len(levels) == 1 else None


# An item that asks for years of experience: '3+ years of experience', '5 years' hands-on
# experience', 'at least 2 years experience'.
_YEARS_OF_EXPERIENCE = re.compile(
    r"\b\d{1,2}\s*\+?\s*(?:[–—-]\s*\d{1,2}\s*)?(?:years?|yrs?)\b[^.;\n]{0,30}?\bexperience\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _labelled_level(doc: Document, first: int, last: int) -> str | None:
    """The level stated by the first item of a list whose label names one ('- **Seniority:**
    Senior'), looked up once per list."""
    labels = vocabulary("salary_terms", "salary_words", "level_labels")
    for block in doc.blocks[first : last + 1]:
        item = _ITEM_LABEL.match(doc.text, block.start, block.end)
        if item and labels.fullmatch(item["label"].strip("*_ ")):
            value = doc.text[item.end() : block.end]
            return find_experience_level(value) or years_level(value)
    return None


def _list_heading_level(doc: Document, sentence: Sentence) -> str | None:
    """The one level named by the heading right over a list that has no lead-in of its own
    ('## Senior total pay by city' over '- Denver: $301,000'): the heading introduces the list
    as a lead-in would ('Median pay for senior engineers by city:')."""
    block = sentence.block
    if block.kind != "list_item" or lead_in(doc, sentence.block_index):
        return None
    first = list_run(doc, sentence.block_index)[0]
    if first == 0 or doc.blocks[first - 1].kind != "heading":
        return None
    return find_experience_level(doc.span_text(doc.blocks[first - 1]))


# A list item's label and colon: '**Experience Level:**', 'Seniority -'.
_ITEM_LABEL = re.compile(r"[\s*_]*(?P<label>[^\W\d][^:\n]{0,30}?)[*_]*\s*:[*_]*\s*")


def _terms_line(text: str, sentence: Sentence, amount: Amount, *, paid: bool = False) -> bool:
    """Whether the sum stands on a line of fields set apart by dots or bars, a posting's terms
    ('Quayside Bank · New York (hybrid) · $165,000-$195,000', or its one term or place and its
    pay: 'Remote (US only) · $165k–$200k'); with `paid`, alone in its field but for its pay
    period and package words."""
    start = text.rfind("\n", sentence.start, amount.start) + 1 or sentence.start
    end = text.find("\n", amount.end, sentence.end)
    fields = FIELD_SEPARATOR.split(text[start : sentence.end if end < 0 else end])
    own = next((field for field in fields if amount.raw in field), "")
    others = [field for field in fields if field is not own]
    termed = len(others) == 1 and bool(
        vocabulary("salary_terms", "salary_words", "posting_header").search(others[0])
        or _names_place(others[0])
    )
    if len(fields) < _POSTING_FIELDS and not termed:
        return False
    # the field up to its line's end, or to a run of spaces that stood for one ('$165,000-
    # $195,000    You will build ...': the item's next line, joined)
    return not paid or _bare_pay_line(_LINE_BREAK.split(own, maxsplit=1)[0], amount)


_LINE_BREAK = re.compile(r"\s{2,}|\n")


def _names_place(text: str) -> bool:
    """Whether the text names a known city, a state, a region or a country ('Mississippi, at
    $109,600', 'Across the Netherlands as a whole, the median is lower at €66,500')."""
    return bool(
        city_pattern().search(text)
        or find_places(text, "regions")
        or find_places(text, "states")
        or find_places(text, "countries")
    )


def _posting_place(header: str) -> str | None:
    """The one city a posting header's terms lines name (not its title)."""
    return find_city(header.strip().partition("\n")[2])


@lru_cache(maxsize=16)
def _location_line(doc: Document) -> str | None:
    """The one city a posting's 'Location:' lines name ('- Location: Austin, Texas, United
    States' in its overview, '**Location:** Manchester, UK · **Salary:** ...'): where the pay
    it states is paid; None for 'Location: Remote' or lines naming different cities."""
    if "ocation" not in doc.text:  # most pages: no location line
        return None
    cities = {
        own_city(line["place"])
        for line in _LOCATION.finditer(doc.text)
        if not doc.blocks[max(0, doc.block_at(line.start()))].boilerplate
    }
    return cities.pop() if len(cities) == 1 else None


@lru_cache(maxsize=8)
def _header_list_city(doc: Document) -> str | None:
    """The one city the facts listed under a posting's title name in an item of their own
    ('Senior ML Engineer' / 'Kiranmart · ★ 4.1' / '• Bengaluru, Karnataka, India' / '• Hybrid'):
    where the posting's pay is paid."""
    kept, titled = _posting_title(doc)
    if titled is None:
        return None
    cities = set()
    for index in kept[titled + 1 : titled + 1 + _HEADER_REACH]:
        block = doc.blocks[index]
        if block.kind != "list_item":
            continue
        first, last = list_run(doc, index)
        for item in range(first, last + 1):
            words = doc.span_text(doc.blocks[item])
            if len(words.split()) <= _PLACE_ITEM_WORDS and (city := own_city(words)):
                cities.add(city)
        break
    return cities.pop() if len(cities) == 1 else None


# How many words an item that only names a place may have ('Bengaluru, Karnataka, India').
_PLACE_ITEM_WORDS = 5


# A location line, maybe one field of a line of several, maybe a list item or in bold.
_LOCATION = re.compile(
    r"(?:^|[·|•])[^\S\n]*(?:[-*][^\S\n]+)?(?:\*\*|__)?(?:job\s+|work\s+|office\s+)?location"
    r"(?:\*\*|__)?[^\S\n]*[:：](?:\*\*|__)?[^\S\n]*(?P<place>[^\n·|•]{2,80})",
    re.IGNORECASE | re.MULTILINE,
)


# 'Rate: £650 – £725 per day': a daily or hourly sum called a rate.
_RATE_WORD = re.compile(r"\brates?\b", re.IGNORECASE)


# A speaker of their own pay, and the word that puts them on a sum ('I'm ... on S$15.5k/month').
_SPEAKER = re.compile(r"\bI(?:'m|’m|\s+am|\s+was|'ve\s+been|’ve\s+been)\b")


@cache
def _on_sum() -> re.Pattern[str]:
    return re.compile(rf"\bon\s+{optional_hedge()}$", re.IGNORECASE)


@cache
def _starts_at() -> re.Pattern[str]:
    """Where a role's pay starts, right before the sum: 'start around $95k', 'start closer to'."""
    return re.compile(
        r"\bstart(?:s|ed|ing)?\s+(?:out\s+)?(?:at|around|on|from|near|closer\s+to)\s+"
        rf"{optional_hedge()}$",
        re.IGNORECASE,
    )


def _introduces_sums(intro: str, price: re.Pattern[str]) -> bool:
    """Whether a lead-in ending in a colon says what the sums under it are as pay does: its
    last clause names the part of a package and the period, and no price ('Numbers from the
    Dutch market right now, gross base per year:'; not 'base price per year:')."""
    stripped = intro.rstrip()
    last = _LAST_CLAUSE.split(stripped)[-1]
    return (
        stripped.endswith(":")
        and bool(pay_component(last) and _pay_period(last))
        and not price.search(last)
    )


# What ends the clause before a lead-in's last: a comma, a semicolon or a sentence's end.
_LAST_CLAUSE = re.compile(r"[,;]\s+|[.!?]\s+")


def _about_pay(
    doc: Document,
    sentence: Sentence,
    first: Amount,
    intro: str,
    heading: str,
    *,
    introduced: Callable[[], bool] = lambda: False,
) -> bool:
    """Pay is the topic of the sentence.

    A strong pay word in the sentence suffices, unless a price word stands between it and the
    figure ('our salary calculator subscription costs €9.99'). Else, without price words, the
    sentence must be framed by pay (a strong pay word in the lead-in, the heading, the paragraph
    before it or the title; a weak one in the lead-in, heading or title) or state pay itself (a
    role, a level, a statistic 'the median is ...' or a pay period '... a year'); a sentence
    with no pay word needs both, or the frame and being a list row. 'paid €300' for a take-home
    task is neither. A rate verb before the sum ('contractors charge £600 a day') or a daily or
    hourly rate ('£600-£800 per day for senior ML engineers') beside a role or level states pay.
    """
    own = doc.text[sentence.start : sentence.end]
    period = first.pay_period or _pay_period(doc.text[first.end : first.end + 12])
    if too_small_for(period, first.value):
        return False  # 'C$4.99 a month' is a price in any currency
    # A small sum is pay only as an hourly or daily rate: 'the salary report for $29' is a price.
    plausible = first.value >= _MIN_FRAMED_PAY or (
        (first.pay_period or _pay_period(own)) in ("hourly", "daily")
        or _rate_stated(doc.text, sentence.start, first)
    )
    strong = vocabulary("salary_terms", "salary_words", "strong")
    weak = vocabulary("salary_terms", "salary_words", "weak")
    price = vocabulary("salary_terms", "salary_words", "price")
    rates = vocabulary("salary_terms", "salary_words", "rate_frames")
    if strong.search(own):
        return plausible and not _price_nearer(doc.text, sentence, first, strong, price)
    before = doc.text[max(sentence.start, first.start - 20) : first.start]
    after = doc.text[first.end : first.end + 12].split(",", 1)[0]
    if {"base", "total"} & {pay_component(before), pay_component(after)}:
        # 'Base $232k, equity worth roughly $85k a year', '$150k base', 'TC lands around 310k'
        return plausible
    if _component_subject(doc.text[sentence.start : first.start]):
        return plausible  # 'Base for mid-level MLEs in Toronto is CA$125–150k right now.'
    # '... per month, plus meal allowance' is pay; so is pay in 'the best-paying market'; a
    # price after the figure's clause is another thing's ('..., and the cost of housing is ...')
    pay_markets = vocabulary("salary_terms", "salary_words", "pay_markets")
    clause_end = clause_bounds(doc.text, sentence.start, sentence.end, first.start)[1]
    # up to the comma after the sum: '28,000 PLN net per month, no equity, 26 days of unpaid
    # leave that I budget for myself' prices nothing
    comma = doc.text.find(",", first.end, clause_end)
    clause_end = comma if comma >= 0 else clause_end
    if price.search(
        pay_markets.sub(" ", PAY_INCLUDES.sub("", doc.text[sentence.start : clause_end]))
    ):
        return False
    if (_rate_stated(doc.text, sentence.start, first) or period in ("hourly", "daily")) and (
        find_roles(own)
        or names_level(own)
        or _names_workers(own)
        or vocabulary("salary_terms", "salary_words", "first_person").search(own)
    ):
        return True  # 'Contractors charge $1,000 a day', 'I'm on £725/day' on a page about a role
    if (
        period is not None
        and _SPEAKER.search(own)
        and _on_sum().search(doc.text, max(sentence.start, first.start - 16), first.start)
        and (find_roles(own) or names_level(own))
    ):
        return plausible  # "I'm a senior MLE at a bank here on S$15.5k/month"
    if (period is not None or first.value >= _MIN_YEARLY_PAY) and introduced():
        return True  # 'Graduate ML engineer at a defence firm in Bristol.' / '£38.5k plus ...'
    if (
        _starts_at().search(doc.text, max(sentence.start, first.start - 30), first.start)
        and find_roles(own)
        and (period is not None or first.value >= _MIN_YEARLY_PAY)
    ):
        return plausible  # 'new data scientists tend to start around $95k'
    if period in ("hourly", "daily") and _RATE_WORD.search(own) and first.bound is None:
        return True  # a posting's 'Rate: £650 – £725 per day'; not 'Rates above $180 an hour'
    earlier = block_before(doc, sentence)
    if price.search(earlier) and not weak.search(own):
        # 'Our 14-week Data Engineering Bootcamp starts 6 October. £3,250, or £271 a month.':
        # the paragraph so far names a price, and the sentence no pay
        return False
    framed = any(strong.search(t) for t in (intro, heading, earlier, doc.title or "")) or (
        not price.search(heading)  # '## Fees' under 'What ML contractors charge'
        and (
            any(weak.search(t) and not price.search(t) for t in (intro, heading, doc.title or ""))
            or any(rates.search(t) for t in (heading, doc.title or ""))
            # 'Numbers from the Dutch market right now, gross base per year:' over the items
            or _introduces_sums(intro, price)
            or _scoped_pay(doc, sentence, first)
            or _subsection_pay(doc, sentence, strong, price)
        )
    )
    head = doc.text[sentence.start : first.start]
    states_pay = bool(
        find_roles(own)
        or names_level(own)
        or _statistic(head)
        or percentile(head.strip(_LABEL_MARKS))  # '10th pct $128,000' under a pay heading
        # a stat tile's caption after its sum: '£118,000' / '90th percentile'
        or percentile(doc.text[first.end : sentence.end].strip(_LABEL_MARKS))
        # a spread's label before its range: 'Middle 50% $142,000 – $199,000'
        or (first.value_high is not None and _SPREAD_LABEL.fullmatch(head.strip(_LABEL_MARKS)))
        # a pay page's tile 'Range' / 'R$ 9.400 – R$ 27.300' under a heading of pay; not the
        # 'Range' of rents under '## Rent near downtown'
        or (
            first.value_high is not None
            and head.strip(_LABEL_MARKS).lower() == "range"
            and bool(strong.search(heading))
        )
        or first.pay_period in ("annual", "monthly")  # "$148K – $176K/yr"
        or _pay_period(own)
    )
    if _package_line(own, first):
        return True  # '£85,000 - £110,000 + bonus + share options'
    if period is not None and _bare_pay_line(own, first) and find_roles(heading):
        return plausible  # a job board's '£42,000 a year' under 'Graduate ML Engineer'
    if _posting_fields(own, first):
        # a thread's posting header 'Quillon Robotics | Senior ML Engineer | Pittsburgh, PA |
        # ONSITE | $185k–$225k + equity'
        return plausible
    if (_item_header(doc, sentence) or _role_title_above(doc, sentence)) and _terms_line(
        doc.text, sentence, first, paid=True
    ):
        # a digest's posting: 'ML Platform Engineer' / 'Cinder Robotics · Austin ·
        # $150,000-$180,000' in one list item; a job board's card: '**Senior ML Engineer**' /
        # 'Berlin, Germany · Hybrid · €95k – €125k · 0.05% – 0.15%'
        return plausible
    if (
        _placed_pay_line(own)
        and _role_title_above(doc, sentence)
        and strong.search(doc.text, 0, sentence.start)
    ):
        # a careers page's 'US: $168,000 – $204,000 · Canada: CA$152,000 – CA$184,000' under a
        # role's title, below 'The ranges below are the annual base salary ...'
        return plausible
    if (
        find_roles(own)
        and _statistic(head)
        and (first.pay_period or _pay_period(own)) in ("annual", "monthly")
    ):
        return plausible  # 'the survey puts ML engineers at a median of SEK 62,000 per month'
    if weak.search(own):
        # '₦2,400,000 paid upfront, or six monthly instalments of ₦450,000' under '## Tuition';
        # not under a heading of prices alone, unless the sentence names whose pay it is ('##
        # Costs' over 'Expect to pay a mid-level ML engineer $150,000 a year')
        return (framed or states_pay) and not (
            _price_heading(heading) and not (find_roles(own) or names_level(own))
        )
    if states_pay and _posted_role(own):
        return plausible  # 'The client will also hire into this role at € 78.000 – € 92.000 a year
    # After a pay statement or under a pay heading, 'Austin comes in at $149,000' gives a place
    # its pay (so does 'Seattle leads at $188,000, ahead of Boston at $172,000' each of its
    # places), and 'After five years, most move above €75,000' goes on with it in the same
    # currency and scale; 'Most fall somewhere between $131,000 and $192,000' gives the spread
    # of the pay the sentence before it states.
    if _explained_as_pay(doc, sentence, strong):
        return plausible  # '€71,500 in Amsterdam and €69,000 in Paris.' / 'Median ML engineer
        # salaries in the two cities, same survey.'
    said = doc.text[sentence.block.start : sentence.start]  # the paragraph so far
    states_pay = (
        states_pay
        or bool(
            (weak.search(earlier) or strong.search(earlier))
            and (_names_place(own) or is_place(own) or _continues_pay(doc.text, sentence, first))
        )
        or bool(strong.search(said) and _continues_pay(doc.text, sentence, first))
        or (framed and _names_place(own))
    )
    if plausible and weak.search(said) and _continues_pay(doc.text, sentence, first):
        return True  # 'For a mid-level MLE we pay $140k–$165k base. Senior is $175k–$200k.'
    return framed and plausible and (sentence.block.kind == "list_item" or states_pay)


# A label's colon or dash right before a sum: 'Madrid: €46,000', 'Senior ML engineer — £98,000'.
_LABELLED_SUM = re.compile(r"\S\s*[:–—]\s*\Z")
# A letter: a line with none before its sum opens with that sum.
_WORD = re.compile(r"[^\W\d_]")


def _scoped_pay(doc: Document, sentence: Sentence, first: Amount) -> bool:
    """Whether a page's scope line ('All figures are gross annual.') says a sum is pay: a
    line's labelled sum ('2022 — Mid-level ML engineer, Madrid: €46,000'), a line the sum opens
    (a card's '$110,000 – $130,000 MXN/mes + bono'), or a sum its sentence calls a statistic or
    a part of pay ('median senior base ... around 110 million won', 'sign for R1.35m p.a.
    before bonus'); not a funding round, a prize, a bill or a grant the page's sentences name."""
    if scoped_period(doc, sentence.start) is None:
        return False  # most pages have no scope line: asked first, it settles them at once
    head = doc.text[sentence.start : first.start]
    return (
        _LABELLED_SUM.search(head) is not None
        or not _WORD.search(head)
        or bool(_statistic(head))
        or pay_component(head) is not None
        or pay_component(doc.text[first.end : sentence.end]) is not None
    )


def _price_heading(heading: str) -> bool:
    """Whether a heading names prices and nothing else ('Tuition', 'Fees & financing'), not a
    team or a topic that a price word names ('Lead ML Engineer, Pricing')."""
    prices = vocabulary("salary_terms", "salary_words", "price_headings")
    rest = prices.sub(" ", heading)
    return rest != heading and not _HEADING_FILLER.sub(" ", rest).strip()


# What a heading of prices may hold beside them: 'Tuition and fees', 'Our fees', '4. Pricing:'.
_HEADING_FILLER = re.compile(r"\b(?:and|our|the)\b|[^\w\s]|\d+", re.IGNORECASE)


def _component_subject(head: str) -> bool:
    """Whether the clause before a sum opens with a part of pay that a role or level holds
    ('Base for mid-level MLEs in Toronto is', 'Total comp for senior staff at banks runs'): the
    sum is that pay."""
    clause = head.rsplit(". ", 1)[-1]
    opening = " ".join(clause.split()[:2])
    return pay_component(opening) in ("base", "total") and (
        bool(find_roles(clause)) or names_level(clause)
    )


# The label of the middle of a distribution, before the range it spans: 'Middle 50%',
# 'Interquartile range', '25th–75th percentile'.
_SPREAD_LABEL = re.compile(
    r"(?:the\s+)?(?:middle|central)\s+(?:50\s?%|half)|interquartile\s+range|IQR"
    r"|25th\s*(?:[–—-]|to)\s*75th(?:\s+percentiles?)?"
    # an aggregator's 'The typical range is $104,620 to $243,180' under a salary title
    r"|(?:the\s+)?(?:typical|usual|most\s+common)\s+range(?:\s+is)?",
    re.IGNORECASE,
)


def _explained_as_pay(doc: Document, sentence: Sentence, strong: re.Pattern[str]) -> bool:
    """Whether the sentence after a headline of bare sums (in its block) says what they are,
    pay, stating no figure of its own: a round-up's '**5. €71,500 in Amsterdam ...**' over
    'Median ML engineer salaries in the two cities'."""
    after = sentence_spans(doc.text, sentence.end, sentence.block.end)
    if not after:
        return False
    following = doc.text[after[0].start : after[0].end]
    return bool(strong.search(following)) and not any(map(str.isdigit, following))


# The words before a sum that give only the level the paragraph's pay goes on to ('Senior is').
_LEVEL_HEAD_WORDS = 3


# A point of the pay's spread as a sentence's subject: 'The 25th percentile was', 'the upper
# quartile'.
_PERCENTILE_SUBJECT = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)\s+percentile|(?:upper|lower|top|bottom)\s+quartile)\b"
    # 'the lowest 10% earn less than', 'the top 10% of ML engineers make over', 'the highest
    # 10 percent earned more than'
    r"|\b(?:bottom|top|lowest|highest)\s+[1-4]?\d\s*(?:%|per\s?cent)\s+"
    r"(?:of\s+(?:[\w-]+\s+){1,4}?)?(?:earn|earns|earned|make|makes|made)(?:\s+(?:below|"
    r"above|under|over|less\s+than|more\s+than|at\s+least|at\s+most))?(?=\s*$)",
    re.IGNORECASE,
)
# A share of the people or offers on one side of a sum: 'A quarter of offers came in below',
# 'and a quarter above', 'one offer in ten topped', '10% of engineers earn less than': the
# sum is the percentile that share marks from the bottom (below) or the top (above).
_SHARE_BEYOND = re.compile(
    r"\b(?:(?:(?P<words>a\s+quarter|a\s+fifth|a\s+tenth|half)"
    r"|one\s+(?:[\w-]+\s+)?in\s+(?P<in>four|five|ten|twenty))(?:\s+of\s+(?:[\w-]+\s+){1,4}?)?"
    # a percentage only as a share of people or offers ('10% of offers'; not '20% more than')
    r"|(?P<pct>[1-9]\d?)\s*%\s+of\s+(?:[\w-]+\s+){1,4}?)"
    r"\s*(?:(?:came|come|comes|were|was|are|is|earn|earns|"
    r"earned|make|makes|made|got|paid|pay|pays)\s+(?:in\s+)?)?"
    r"(?P<way>below|under|less\s+than|above|over|more\s+than|topped|exceeded|passed)\s*$",
    re.IGNORECASE,
)
_OF_WHOM = re.compile(
    r"\s+of\s+(?:[\w-]+\s+){1,4}?(?=(?:earn|earns|earned|make|makes|made)\b)", re.I
)
_SHARE_WORDS = {"a quarter": 25, "a fifth": 20, "a tenth": 10, "half": 50}
_ONE_IN = {"four": 25, "five": 20, "ten": 10, "twenty": 5}
_FROM_TOP = ("above", "over", "more than", "topped", "exceeded", "passed")


# What joins something else to a figure: the words after it are no longer its own.
_ADDED = re.compile(r"\s(?:plus|\+|with|on\s+top\s+of)\s", re.IGNORECASE)


def _refers_back(text: str, start: int, at: int) -> bool:
    """Whether a sentence's words before its first sum refer back to the pay stated before it:
    words of reference right before the sum ('In Kraków the figure was'), or a point of that
    pay's spread as the subject ('The 25th percentile was')."""
    return bool(
        _back_reference().search(text, start, at) or _PERCENTILE_SUBJECT.search(text, start, at)
    )


def _spread_point(before: str) -> str | None:
    """The percentile a figure's own words before it name as their subject ('and the 75th
    percentile' S$11,600), as `percentile` writes it."""
    named = _PERCENTILE_SUBJECT.search(before)
    if named:  # whose they are ('of ML engineers') is no part of the spread's point
        return percentile(_OF_WHOM.sub(" ", named.group()))
    beyond = _SHARE_BEYOND.search(before)
    if beyond is None:
        return None
    words = beyond["words"] and " ".join(beyond["words"].lower().split())
    share = (
        _SHARE_WORDS[words]
        if words
        else _ONE_IN[beyond["in"].lower()]
        if beyond["in"]
        else int(beyond["pct"])
    )
    way = " ".join(beyond["way"].lower().split())
    return percentile(f"{100 - share if way in _FROM_TOP else share}th")


def _continues_pay(text: str, sentence: Sentence, first: Amount) -> bool:
    """Whether the sentence carries on the paragraph's pay along a career ('After five years,
    most move above €75,000') or refers back to it ('For Cork hires, the range is €80,000 -
    €105,000'): the paragraph stated a sum of pay before in the figure's currency and pay
    period (the pay period is not repeated in a back reference), within a factor of
    `_PAY_STEP` of it."""
    words = vocabulary("salary_terms", "salary_words", "career")
    alone = not text[sentence.start : first.start].strip() and not text[
        first.end : sentence.end
    ].strip(" .;!")  # 'Hiring in Denver? Between $134,000 and $165,000.'
    head = text[sentence.start : first.start]
    referred = (
        alone
        or _refers_back(text, sentence.start, first.start)
        or (len(head.split()) <= _LEVEL_HEAD_WORDS and names_level(head))  # 'Senior is $175k.'
    )
    if not referred and not words.search(text, sentence.start, sentence.end):
        return False
    before = amounts(text, sentence.block.start, sentence.start)
    country = single_country(text[sentence.start : first.start]) if referred else None
    if country and country_currency(country) == first.unit:
        # 'The median ... in the United States was $171,000. In Germany it was €74,000': the
        # same pay in another country, in that country's money
        return any(a.is_money for a in before)
    return any(
        a.unit == first.unit
        and (a.pay_period == first.pay_period or (referred and first.pay_period is None))
        and 1 / _PAY_STEP <= first.value / a.value <= _PAY_STEP
        for a in before
        if a.is_money and a.value
    )


@cache
def _back_reference() -> re.Pattern[str]:
    """Words referring back to the paragraph's pay that end right before a sum, over hedges
    ('In Osaka it was about 720万円')."""
    words = load_data("salary_terms")["salary_words"]
    back = phrase_alternation(sorted(words["back_reference"], key=len, reverse=True))
    hedges = phrase_alternation(sorted(words["hedges"], key=len, reverse=True))
    return re.compile(rf"(?<![\w-]){back}\s+(?:{hedges}\s+)*\Z", re.IGNORECASE)


def _price_nearer(
    text: str, sentence: Sentence, first: Amount, strong: re.Pattern[str], price: re.Pattern[str]
) -> bool:
    """Whether a price word stands between the pay words and the figure, with no pay word
    after it ('our salary calculator subscription costs €9.99 a month'). (A price word that
    heads a sum is that sum's alone: `_price_heads`.)"""
    prices = [m.end() for m in price.finditer(text, sentence.start, first.start)]
    if not prices:
        return False  # most pay sentences: their pay words need not be found one by one
    pay = [m.end() for m in strong.finditer(text, sentence.start, first.start)]
    return bool(pay) and prices[-1] > pay[-1] and not strong.search(text, first.end, sentence.end)


def _price_heads(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a price word heads the sum with no pay word right after it ('and we made
    adjustments at a total cost of $1.9 million'), for each sum of a sentence about pay."""
    price = vocabulary("salary_terms", "salary_words", "price")
    heads = [m.end() for m in price.finditer(text, sentence.start, amount.start)]
    if not heads or not _PRICE_HEADS.match(text, heads[-1], amount.start):
        return False
    strong = vocabulary("salary_terms", "salary_words", "strong")
    return not strong.search(text, amount.end, min(sentence.end, amount.end + _PAY_NOUN_REACH))


# What may stand between a price word and the sum it heads: 'Tuition $16,900', 'Financing from
# $289/month', 'fees: about $2,000'.
_PRICE_HEADS = re.compile(
    rf"[\s:–—-]*(?:(?:from|of|at|is|just|only)\s+)?{optional_hedge()}\Z", re.IGNORECASE
)
# How far after such a sum a pay word still says what it is ('... a year in base salary').
_PAY_NOUN_REACH = 30


@cache
def _rate_verb() -> re.Pattern[str]:
    """A rate verb right before a sum, over whom it is charged to and at most two range words
    ('bill clients between')."""
    words = load_data("salary_terms")["salary_words"]
    verbs = phrase_alternation(sorted(words["rate_verbs"], key=len)[::-1])
    objects = phrase_alternation(sorted(words["rate_objects"], key=len)[::-1])
    fillers = r"(?:between|from|around|about|roughly|up\s+to|at\s+least|over|some|upwards\s+of)"
    return re.compile(
        rf"(?<![\w-])(?:{verbs})\s+(?:(?:{objects})\s+)?(?:{fillers}\s+){{0,2}}$", re.IGNORECASE
    )


def _subsection_pay(
    doc: Document, sentence: Sentence, strong: re.Pattern[str], price: re.Pattern[str]
) -> bool:
    """Whether a sentence about the role's people or its job ads sits under a heading whose own
    heading names pay and no price ('## Does a skill change the salary?' over '### London' over
    'London ads had a median of £95,000.'); not flats or budgets under '## Salaries and living
    costs'."""
    own = doc.text[sentence.start : sentence.end]
    if not (_ADVERTISED.search(own) or find_roles(own) or _names_workers(own)):
        return False
    parent = parent_heading(doc, sentence.start)
    return bool(strong.search(parent)) and not price.search(parent)


# Job ads, whose sums are what they advertise: 'London ads had a median of £95,000'.
_ADVERTISED = re.compile(
    r"\b(?:ads|adverts|advertisements|postings|listings|vacancies|offers)\b", re.IGNORECASE
)


def _names_workers(text: str) -> bool:
    """Whether the text names hired workers of the page's role ('Contractors', 'freelancers')."""
    workers = load_data("salary_terms")["roles"]["workers"]
    return bool(phrase_pattern(tuple(w + s for w in workers for s in ("", "s"))).search(text))


def _rate_stated(text: str, start: int, first: Amount) -> bool:
    """Whether the sentence's first sum is the object of a rate verb ('charge £550–£750 per
    day'): a verb with a sum after it states what someone is paid, not what something costs.

    >>> text = "Contractors charge between £600 and £800 a day."
    >>> _rate_stated(text, 0, amounts(text, 0, len(text))[0])
    True
    """
    return bool(_rate_verb().search(text, max(start, first.start - 60), first.start))


# A rise measured against the same people's own pay before: 'compared with what they earned
# before the programme', 'over their previous salary', 'on their pre-course pay'.
_PERSONAL_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|over|on|above)\s+(?:what\s+they\s+(?:earned|made|were\s+paid)"
    r"|their\s+(?:previous|prior|former|old|pre-\w+)\s+(?:salar(?:y|ies)|pay|earnings))\b",
    re.IGNORECASE,
)
# What a freelancer has earned on a platform to date, a profile badge: '$200K+ earned'.
EARNED_TO_DATE = re.compile(r"\+?\s*(?:total\s+)?earned\s*(?:[·•|]|$)", re.IGNORECASE)


def _row(doc: Document, sentence: Sentence, first: Amount) -> _Row:
    """The label of a 'Label – amount' list item, classified; empty for other sentences."""
    if sentence.block.kind != "list_item" or sentence.start != sentence.block.start:
        return _Row()
    before = doc.text[sentence.start : first.start]
    match = _ROW_LABEL.match(before) or _YEARS_LABEL.match(before)
    if match and pay_component(match.group("label").strip("*_ ")):
        # 'Base: €82,000' in a comp thread's 'Title: / Location: / YOE:' fields
        return _record_row(doc, sentence.block_index)
    if not match:
        bare = _BARE_LABEL.match(before)  # 'California    $184,700': a place with no mark
        row = _row_of(" ".join(bare.group("label").split())) if bare else _Row()
        return _Row() if row.company else row
    return _row_of(" ".join(match.group("label").split()).strip("*_ "))  # '__Pune__:' is 'Pune'


def _record_row(doc: Document, block_index: int) -> _Row:
    """What the other fields of a record of list items say of its pay ('- Title: Senior MLE',
    '- Location: Zurich', '- YOE: 9' over '- Base: CHF 195,000'): the role and level its title
    names (else the level its years give) and its city."""
    first, last = list_run(doc, block_index)
    fields = {}
    for index in range(first, last + 1):
        found = RECORD_FIELD.fullmatch(doc.span_text(doc.blocks[index]).strip())
        if found:
            fields[found["label"].lower()] = found["value"]
    title = next((fields[k] for k in _RECORD_TITLE if k in fields), "")
    place = next((fields[k] for k in _RECORD_PLACE if k in fields), "")
    years = next((fields[k] for k in _RECORD_YEARS if k in fields), "")
    if not (title or place or years):
        return _Row()
    roles = find_roles(title)
    town = place.split(",", 1)[0].strip()
    return _Row(
        role=roles[0][2] if roles else None,
        city=town if is_city(town) else None,
        experience_level=find_experience_level(title)
        or (years_level(f"{years} years of experience") if _DIGITS.match(years) else None),
    )


# The labels of a record's title, place and years of experience.
_RECORD_TITLE = ("title", "job title", "role", "position")
_RECORD_PLACE = ("location", "city", "based in")
_RECORD_YEARS = ("yoe", "years of experience", "experience", "exp")
_DIGITS = re.compile(r"\d{1,2}\b")


def _row_of(label: str) -> _Row:
    """What a list item's label names: a role, a level, a country, city or region, else a
    company."""
    if _names_pay(label) or pay_component(label) or len(label.split()) > 6:
        return _Row()  # 'Average salary: $X' states pay; 'RSUs: $X' is a part of it
    roles = find_roles(label)
    if roles:
        return _Row(
            role=roles[0][2],
            experience_level=find_experience_level(label) or years_level(label),
        )
    # A bare label names a level when '<label> level' does ('Entry', 'Mid' in a pay-band list),
    # or by its years ('0–2 years').
    level = label_level(label)
    if level is not None:
        return _Row(experience_level=level)
    countries = find_places(label, "countries")
    if is_place(label) and countries:
        return _Row(country=countries[0])
    town = label.split(",", 1)[0].strip()
    if is_city(town):  # 'Toronto', 'Vancouver, BC', 'Austin, Texas'
        return _Row(city=town)
    if is_place(label):
        return _Row(region=label)
    return _Row(company=label)


def _names_pay(label: str) -> bool:
    """'Average salary: $X', 'Rate: £650 per day' is a statement, not a row label."""
    return (
        any(
            vocabulary("salary_terms", *path).search(label)
            for path in (("salary_words", "strong"), ("salary_words", "weak"))
        )
        or bool(_RATE_WORD.search(label))
        or any(pattern.search(f"{label} pay") for _, pattern in _statistic_patterns())
    )


def _windows(text: str, frame: Frame, amount: Amount) -> tuple[str, str]:
    """This figure's own words in its clause, before and after it, cut at its neighbours.

    The words right after the previous figure that start with 'for', 'at', 'in', 'as' (after
    its pay period, if any) are that figure's ('£420 a day for a junior analyst, to a median
    near £575', 'S$7,500 a month as juniors and S$13,000 as leads'), up to the next comma or
    joining word.
    """
    after = text[amount.end : frame.after_end]
    clause_end = _CLAUSE_END.search(after)
    if clause_end:
        after = after[: clause_end.start()]
    before = text[frame.before_start : amount.start]
    if frame.before_start > frame.clause_start and _PREPOSITION_AFTER.match(before):
        cut = _NEXT_ITEM.search(before)
        before = before[cut.end() :] if cut else ""
    return before, after


def _equated(text: str, money: list[Amount]) -> list[Amount]:
    """The sums set equal to each other ('₹1 lakh = ₹1,00,000', '₹1 crore equals ₹100
    lakh', '600万円 means ¥6,000,000'), and a sum named as the unit others are written in
    ('in units of 10,000 yen'): a unit explained, not pay."""
    pairs = [
        (a, b)
        for a, b in zip(money, money[1:], strict=False)
        if _EQUALS.fullmatch(text, a.end, b.start)
        or (_MEANS.fullmatch(text, a.end, b.start) and a.value == b.value)
    ]
    units = [a for a in money if _UNITS_OF.search(text, max(0, a.start - 20), a.start)]
    return [amount for pair in pairs for amount in pair] + units


_EQUALS = re.compile(r"\s*(?:=|equals|is\s+equal\s+to)\s*", re.IGNORECASE)
# '600万円 means', '"年収800万円" means': a written form, maybe quoted, then what it means.
_MEANS = re.compile(
    r"[\"”’'」]?\s*(?:means|stands\s+for|is\s+the\s+same\s+as|reads\s+as)\s+", re.IGNORECASE
)
# 'in units of 10,000 yen', 'in units of 万円 (10,000 yen)': the unit, maybe glossed in brackets.
_UNITS_OF = re.compile(r"\b(?i:units?\s+of)\s+(?:(?:[^\sA-Za-z(]{1,4}|[A-Z]{3})\s*\(\s*)?$")


def _conversions(text: str, money: list[Amount]) -> tuple[list[Amount], list[Amount]]:
    """(the sums a sentence states, the ones that only convert the sum before them into another
    currency, '₹18 LPA (about $21,600)', '£72,000 (US$91,000) on average', or write it again
    in the same one, '81.2 million won (8,120만 원)'). Left out before frames are drawn, so the
    stated sum keeps the words after the conversion."""
    kept: list[Amount] = []
    converted: list[Amount] = []
    for amount in money:
        previous = kept[-1] if kept else None
        # ('¥7.42 million (742万円) (≈ USD 49,600)': the conversion follows the sum written again)
        last = (
            converted[-1]
            if converted and previous and converted[-1].start > previous.end
            else previous
        )
        if (
            previous is not None
            and last is not None
            and (
                previous.unit != amount.unit
                or (previous.value, previous.value_high) == (amount.value, amount.value_high)
            )
            and _conversion().fullmatch(text, last.end, amount.start)
        ):
            converted.append(amount)
        else:
            kept.append(amount)
    return kept, converted


@cache
def _conversion() -> re.Pattern[str]:
    """Between a sum and the same sum in another currency: '₹18 LPA (about $21,600)', '£72,000
    (US$91,000)', '€95,000, or roughly $103,000'."""
    words = phrase_alternation(load_data("salary_terms")["conversion"]["words"])
    # (the bracket and emphasis that close a sum written again come first: ')** (≈ ')
    return re.compile(rf"[)\]*_]*\s*(?:[,;]\s*)?(?:[(\[]\s*|{words}\s*)+", re.IGNORECASE)


@cache
def _difference_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(words before a sum that make it a change or a gap, a verb of adding right before it,
    words right after it that make it one)."""
    change = load_data("salary_terms")["change"]
    verbs = phrase_alternation(sorted(change["verbs"], key=len, reverse=True))
    direct = phrase_alternation(sorted(change["direct_verbs"], key=len, reverse=True))
    adding = phrase_alternation(sorted(change["adding"], key=len, reverse=True))
    nouns = phrase_alternation(sorted(change["nouns"], key=len, reverse=True))
    hedge = rf"(?:(?:{hedge_words()}|up\s+to)\s+)*"
    linking = r"of|was|were|is|are|averaged|averages|amounted\s+to|came\s+to|totall?ed|worth"
    whose = r"(?:\s+(?:for|among|in|at|across)(?:\s+[\w-]+){1,4}?)?"  # 'rise for ML engineers'
    before = (
        rf"\b(?:(?:(?:{verbs})\s+by|(?:{direct})|(?:{nouns}){whose}(?:\s+(?:{linking})|\s*:))\s+"
        # its sum in brackets: 'a 15-30% premium ($21,000-$55,000 above base)'
        rf"|(?:{nouns}){whose}\s*\(\s*){hedge}"
        rf"(?:an?\s+(?:average|median|typical)\s+of\s+)?$"
    )
    # 'a $5,000 raise', 'a $23K year-over-year increase', 'a £2,000 a year pay cut'
    after = (
        r"(?:\s+(?:a|per)\s+(?:year|month))?(?:\s+(?:year-over-year|year-on-year|yoy|annual|"
        r"yearly|average|median|typical|overall))?"
        rf"\s+(?:pay\s+|salary\s+|wage\s+)?(?:{nouns})\b"
    )
    adds = rf"\b(?:{adding})\s+{hedge}(?:between\s+)?$"
    return (
        re.compile(before, re.IGNORECASE),
        re.compile(adds, re.IGNORECASE),
        re.compile(after, re.IGNORECASE),
    )


def _pay_difference(
    text: str, sentence: Sentence, amount: Amount, previous: Amount | None = None
) -> bool:
    """Whether a sum is a change in pay or a gap between pays, not a pay: 'rose by $6,500',
    'a raise of £4,000', 'the typical pay rise was $7,200', 'a C$15,000 pay cut', 'the review
    added R$ 650' (but 'bonuses add $10,000', a part of pay, is that part); or the sum a change
    is measured from, right after one (`previous`: '..., down from S$500')."""
    before, adding, after = _difference_patterns()
    lead = text[max(sentence.start, amount.start - 60) : amount.start]
    if before.search(lead) or after.match(text, amount.end, sentence.end):
        return True
    if adding.search(lead) and not pay_component(lead):
        return True
    return previous is not None and bool(_from_earlier().match(text, previous.end, amount.start))


def _multi_year(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a sum is a total over several years ('RSUs worth C$160,000 over four years',
    '2億円 in total pay over a five-year contract'), not pay for one period."""
    return bool(_OVER_YEARS.match(text, amount.end, min(sentence.end, amount.end + 40)))


def _names_benefit(text: str, amount: Amount) -> bool:
    """Whether the sum modifies a benefit noun ('$1,500 yearly learning stipend') or is what one
    is worth ('a housing allowance of QAR 8,000', 'Meal vouchers: €9 a day'); a joining word
    ends the sum's own words ('$150,000 base plus bonus' is pay)."""
    lead = text[max(0, amount.start - 40) : amount.start]
    if _ONE_OFF_BONUS.search(text, max(0, amount.start - 80), amount.start):
        return True  # 'Referral bonuses at most firms are $5,000', 'a sign-on bonus of $20K'
    benefit_of = _BENEFIT_OF.search(lead)
    benefit = vocabulary("salary_terms", "salary_words", "benefit")
    if benefit_of and _PAY_BONUS.fullmatch(benefit_of["nouns"]):
        return False  # 'an annual bonus of £10,000 to £25,000': a part of the pay
    if benefit_of and any(benefit.fullmatch(word) for word in benefit_of["nouns"].split()):
        return True  # 'a housing allowance of', 'relocation support of', 'a signing bonus of'
    if _spent_on(text, amount):
        return True  # '$1,500 a year for learning': a budget for it
    words = _BENEFIT_WORDS.match(text, amount.end, min(len(text), amount.end + 50))
    if words and _PAY_BONUS.match(words.group().strip()):
        return False  # '198k base, 140k stock, 25k bonus': the yearly bonus, a part of the pay
    after = words.group().split() if words else []
    for index, word in enumerate(after):
        if word in ("and", "or") and any(
            benefit.fullmatch(w) for w in after[index + 1 : index + 3]
        ):
            return True  # '$2,000 annual home-office and learning stipend': the words join
        if _JOINING.fullmatch(word):
            return False
        if benefit.fullmatch(word):
            return True
    return False


def _spent_on(text: str, amount: Amount) -> bool:
    """Whether what follows the sum says what it is for ('a year for learning', 'for
    home-office equipment')."""
    purpose = _FOR_PURPOSE.match(text, amount.end, min(len(text), amount.end + 40))
    return purpose is not None and bool(
        vocabulary("salary_terms", "salary_words", "benefit_purposes").match(purpose["what"])
    )


# ' a year for ', ' per month for ', ' for ': what a sum is spent on follows.
_FOR_PURPOSE = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+(?:year|month|quarter)\s+)?for\s+(?:your\s+|their\s+)?(?P<what>.+)",
    re.IGNORECASE,
)


# A sum the page makes up to work an example through, and what follows from it in the same
# sentence: 'Take a hypothetical ₹20 lakh CTC: ... you keep about ₹1.3 lakh a month'.
# A sum set against another, as a ratio: 'women were paid $0.996 for every $1.00 paid to men'.
_FOR_EVERY = re.compile(r"\s+(?:for|to|on)\s+(?:every|each)\s+\W?\s*\d", re.IGNORECASE)
_FOR_EVERY_BEFORE = re.compile(r"\b(?:for|to|on)\s+(?:every|each)\s+\W?\s*\Z", re.IGNORECASE)
# A condition the sum is part of, before the sentence's main clause: 'If you're hiring ML
# engineers and your band starts at £70k for a mid-level role, you will lose candidates' (not
# 'If you are a senior ML engineer in London, expect £95,000': the sum past the comma is stated).
_IF_CLAUSE = re.compile(r"[\W_]*(?:if|unless|suppose|imagine)\b[^,;:]*\Z", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:hypothetical|imaginary|illustrative)\b", re.IGNORECASE)
# A sentence that works an example through, not pay anyone is paid: 'Example: € 5.000 bruto ≈
# € 3.480 netto per month', 'On 50.000 € you will pay roughly 30% in tax' (a take-home guide's
# 'On £78,000 you pay ... a monthly take-home pay of £4,450' states pay at that level).
_WORKED_EXAMPLE = re.compile(
    r"\W*(?:example|e\.g\.|for\s+example)\s*[:,]"
    r"|\W*on\s+(?:a\s+(?:salary|gross)\s+of\s+)?\S{0,3}\s?[\d.,]+\s?\S{0,3}\s*(?:a\s+year\s+)?,?"
    r"\s+you(?:'ll|\s+will|\s+would|'d)\b",
    re.IGNORECASE,
)
# A minimum a rule sets on pay: 'must earn at least', 'need to be paid'.
_MUST_EARN = re.compile(
    r"\b(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|required\s+to)\s+"
    r"(?:earn|be\s+paid|receive|pay)\b[^.;]*$",
    re.IGNORECASE,
)


def _quoted(text: str, amount: Amount) -> bool:
    """Whether the sum stands alone in quotation marks: an example of a written form ('so
    "600万円" means six million yen'), not a figure the page states."""
    return (
        amount.start > 0
        and text[amount.start - 1] in _QUOTES
        and text[amount.end : amount.end + 1] in _QUOTES
        and amount.end < len(text)
    )


def _taxed(before: str) -> bool:
    """Whether the figure's own words before it make it a tax band or threshold."""
    words = _PAY_TAX.sub("", before)
    return bool(vocabulary("salary_terms", "salary_words", "tax").search(words))


def _clause_head(text: str, frame: Frame, figures: list[Amount]) -> str:
    """The clause's words before its first figure of any kind."""
    first = min((f.start for f in figures if frame.clause_start <= f.start), default=None)
    return text[frame.clause_start : first] if first is not None else ""


def _head_component(head: str) -> str | None:
    """The pay component a clause's head names before its figures, when it is the clause's
    subject or object ('can expect a bonus of ...'), not the measure of a comparison; a
    bracket says what it holds ('Median salary (incl. bonus)'), it names none."""
    if not head or _PREMIUM_WORDS.search(head):
        return None
    return pay_component(_BRACKETED.sub(" ", head))


def _shared_clause(text: str, frame: Frame, figures: list[Amount]) -> str:
    """The clause words a figure may take qualifiers from: the whole clause when it is the
    clause's only figure, else only the clause's head before its first figure ('For senior
    roles, $X in Leeds and $Y in York'), never a neighbour's own words."""
    inside = [f for f in figures if frame.clause_start <= f.start < frame.clause_end]
    if len(inside) <= 1:
        return text[frame.clause_start : frame.clause_end]
    return text[frame.clause_start : inside[0].start]


def _qualifiers(
    amount: Amount,
    before: str,
    after: str,
    *,
    row: _Row,
    clause: str,
    head: str,
    intro: str,
    heading: str,
    framing: str,
    title: str,
    referent: str = "",
    opening: str = "",
) -> dict[str, Any]:
    """Qualifiers from the figure's own words, then its clause (and the place its sentence
    opens with, `opening`: 'In the US, ... $165,000, versus $142,000 for ...'), then the list
    row; the lead-in and the heading or title that named the role only when the clause is
    silent; the level, statistic and pay period of the figure it refers back to (`referent`,
    its sentence) last; the country also from the section heading ('Canada' over a list of
    levels), else from a currency sign that names one ('US$') when nothing up to the page's
    title names a country or region."""
    near = (after, before) if _PREPOSITION_AFTER.match(after) else (before, after)
    # 'from $94,200 (25th percentile) to ...': its own bracket before the clause's words
    bracket = _BRACKET_AFTER.match(after)
    statistic = (
        (percentile(bracket["inner"]) if bracket else None)
        # a range is one unless the words before it name a statistic ('range between ₹3.5 and
        # ₹22.2 lakh with an average of ₹10.2 lakh': the average is the next figure's)
        or (
            "range"
            if amount.value_high
            and not _statistic(before)
            and not _RIGHT_AFTER_AVERAGE.match(after)  # 'earn ₹6-8 LPA on average'
            else None
        )
        or _first(_statistic, *near)
        # 'The 25th percentile was S$6,700'; 'a median of $133,080 and a 90th percentile of
        # $211,450': its own point of the spread before the clause's statistic
        or _spread_point(before)
        or _statistic(clause)
        or percentile(before.strip(_LABEL_MARKS))  # '10th pct $128,000', 'P90: $284,600'
        or percentile(after.strip(_LABEL_MARKS))  # '£118,000' / '90th percentile'
        or _statistic_after(after)
        or ("range" if amount.value_high else _statistic(referent))
    )
    level = (
        row.experience_level
        or _first(find_experience_level, *near)
        # '**Lead:** £120,000 – £150,000', '..., senior $182,000, lead $215,000': the sum's own
        # label, before the clause's head, which names the run's first label ('junior')
        or _level_label(before)
        or find_experience_level(clause)
        or _first(years_level, *near, clause)  # 'with 0-2 years of experience'
        or label_level(_role_words(framing))  # 'Machine Learning Engineer (Mid)'
        or find_experience_level(referent)
        or years_level(referent)  # 'ML Engineer at a fintech, 3 YOE. Base 165k, ...'
        # a field of years on its own in the heading that named the role ('Stage 2 · 2–4
        # years · ML Engineer II')
        or _first(years_level, *FIELD_SEPARATOR.split(framing))
        # a list's lead-in that names one level ('Median CTC for mid-level engineers in the
        # six metros:' over 'Bengaluru — ₹16.2 lakh')
        or find_experience_level(_unfigured(intro))
    )
    period = amount.pay_period or _first(
        _pay_period,
        _AND_NEXT.split(after[:30], 1)[0],
        before,
        _unfigured(intro),
        framing,
        referent,
    )
    marker = currency_marker(amount.raw)
    # 'the UK average of £60,000' after '... in London earns £75,000': its own country's
    city = (
        row.city
        or _first(own_city, *near)
        or (None if _first(single_country, *near) else own_city(clause))
    )
    country = row.country or pay_country(
        amount,
        (*near, clause, opening),
        (intro, heading, framing),
        title,
        marker if not row.region else None,
        city=city,
    )
    values = {
        # '... can expect a bonus of 10-15% of base, typically C$12,000 to C$20,000'
        # ('£49k plus a small equity grant': what is added is no part of the figure)
        # ('₹38 – 52 LPA, plus ESOPs worth about ₹12 lakh': the words after what is added
        # before the figure are its own; 'Median total cash (base plus bonus) is $161,000': a
        # bracket says what the component holds, it names none)
        "component": _own_component(after)
        or _first(
            pay_component,
            *(
                _ADDED.split(bare)[-1] if t is before else _ADDED.split(bare, 1)[0]
                for t, bare in ((t, _BRACKETED.sub(" ", t)) for t in near)
            ),
        )
        or _head_component(head),
        "statistic": statistic,
        "experience_level": level,
        "pay_period": period,
        "bound": amount.bound,
        "country": country,
        "region": row.region,
        "city": city,
        "company": row.company,
        "currency_symbol": marker,
    }
    return {k: v for k, v in values.items() if v}


# Up to two words naming where an employer comes from, right before it ('a US company',
# 'US-headquartered firms'): `_origin_masked` blanks them when they name a country.
_EMPLOYER_ORIGIN = re.compile(
    r"(?P<place>[\w.'’]+(?:\s+[\w.'’]+)?)(?:-(?:headquartered|based|owned|listed))?\s+"
    r"(?:tech\s+)?(?:company|companies|firm|firms|employer|employers|multinationals?|giants?"
    r"|parent|headquarters)\b"
)
# What each of the employer nouns above holds as written: a text holding none has no employer
# to blank the origin of, and is not searched (the pattern tries every word as a place).
_EMPLOYER_STEMS = ("compan", "firm", "employer", "multinational", "giant", "parent", "headquarters")


def _origin_masked(text: str) -> str:
    """`text` without the countries it names only as where an employer comes from."""
    if not any(stem in text for stem in _EMPLOYER_STEMS):
        return text
    return _EMPLOYER_ORIGIN.sub(
        lambda m: " " * len(m.group()) if find_places(m["place"], "countries") else m.group(),
        text,
    )


def pay_country(
    amount: Amount,
    own: Sequence[str],
    framing: Sequence[str],
    title: str,
    marker: str | None,
    *,
    city: str | None = None,
) -> str | None:
    """The country a pay figure is stated for: the one its own words name; else the one its
    city is in ('Bengaluru: ₹16.8 LPA'); else the one its heading or lead-in names; each
    yielding to the figure's own currency ('## Canada' over 'Engineers who move to London earn
    £92,000', a page about India over 'US$139,400'); else the one its currency sign names
    ('US$', 'A$') when nothing up to the page's title names another country or a region."""
    # 'the local office of a US company', 'US-headquartered firms': where an employer comes
    # from, not where it pays
    if any(find_places(text, "countries") for text in own):
        masked = tuple(_origin_masked(text) for text in own)
        if city or any(
            # 'At US-headquartered firms in Toronto', 'At the Canadian offices of US tech
            # firms': the city or the other place says where
            find_places(text, "countries") or find_places(text, "nationalities")
            for text in masked
        ):
            own = masked
        if any(find_places(text, "countries") for text in own):
            return single_country(*own)
    if city and (home := city_country(city)):
        return currency_country(amount.unit, home)
    inherited = single_country(*framing)
    marked = symbol_country(marker) if marker else None
    if inherited and marked and marked != inherited:
        return marked  # '... a base salary of US$139,400' on a page about India
    country = currency_country(amount.unit, inherited) if inherited else None
    own_country = marked if country is None else None
    if own_country is None:
        return country
    texts = (*own, *framing, title)
    named = {place for text in texts for place in find_places(text, "countries")}
    if named - {own_country} or any(find_places(text, "regions") for text in texts):
        return None
    return own_country  # 'ML engineers in Seattle earn US$145,000'


def _unfigured(intro: str) -> str:
    """A lead-in that states no sum of its own ('Salaries by city, per year:'); one that does
    ('Hourly contractors: $85/hour') gives its pay period to that sum only."""
    return "" if any(a.is_money for a in amounts(intro, 0, len(intro))) else intro


def _role_words(framing: str) -> str:
    """The words of a heading or title that name its role, with up to three words before it
    and two after ('Senior staff machine learning engineer salary', 'Machine Learning
    Engineer, Senior'): a level elsewhere in it ('ML Engineer Salary in India: Freshers to
    Leads') spans the page, not this figure."""
    roles = find_roles(framing)
    if not roles:
        return ""
    start, end, _ = roles[0]
    before = _WORDS_BEFORE.search(framing, 0, start)
    after = _WORDS_AFTER.match(framing, end)
    return framing[before.start() if before else start : after.end() if after else end]


# Pay sentences of one forum post that go on from the line introducing its writer, at most (a
# post may list base, bonus, stock and total on lines of their own under it).
_POST_SENTENCES = 6


def _referent(doc: Document, sentence: Sentence, first: Amount) -> tuple[str, bool]:
    """The sentence before in the block, when the words right before the sentence's first sum
    refer back to the pay it stated (see `_back_reference`: '... came to 24 300 PLN a month. In
    Kraków the figure was 22 100 PLN, in Wrocław 20 400 PLN'), or when it introduces the one
    whose pay the sentence gives, naming a role and no sum ('Senior MLE at a fintech in New
    York, 8 YOE. Base $232k, ...': its city then goes on too); else ''. (The sentence, whether
    it introduces.)"""
    text = doc.text
    if sentence.start == sentence.block.start:
        # the block's first sentence: the line before it may introduce the post's writer
        intro = _writer_line(doc, sentence)
        return (intro, True) if intro else ("", False)
    refers = _refers_back(text, sentence.start, first.start)
    own = text[sentence.start : sentence.end]
    if not refers and (find_roles(own) or (_names_place(own) and not _MINE.search(own))):
        # most pay sentences: they name their own role or place; not a writer's own pay in
        # two cities ('ML engineer, 6 YOE. My London base was £88k; in Berlin I get €79k')
        return "", False
    before = sentence_before(doc, sentence)
    if before is None:
        return "", False
    previous = text[before.start : before.end]
    if refers:
        return previous, False
    # 'Senior MLE at a fintech in New York, 8 YOE.' / 'Base 172k, bonus ~18k.' / 'TC ~230k.':
    # the post's pay sentences go on from the one that introduces its writer
    aside = False  # one sentence of the post's other words passed over
    for _ in range(_POST_SENTENCES):
        sums = any(a.is_money for a in amounts(text, before.start, before.end))
        # a role, or a writer's years ('Amsterdam, 9 years of experience, mostly MLOps.'); past
        # a sentence of other words ('ML Engineer @ Acme, 4 YOE.' / 'I work on ranking.' /
        # 'Current TC is $265k'), only a writer's years
        if not sums and (years_level(previous) or (find_roles(previous) and not aside)):
            return _with_intro_before(doc, before), True
        # (a writer's aside of their own moves, 'I moved from London to Berlin last year.',
        # is passed over like any other)
        placed = _names_place(previous) and not (_MINE.search(own) and _MINE.search(previous))
        if find_roles(previous) or placed or (not sums and aside):
            break
        aside = aside or not sums
        before = sentence_before(doc, before)
        if before is None:  # the block's first sentence: a writer's line may stand above it
            # (past its first sentence of other words, a sentence of the writer's own pay:
            # 'Senior ML Engineer at a fintech in Bengaluru · 6 YOE' / 'Depends on the
            # company, but I can share my numbers. My CTC is ₹48 LPA')
            intro = _writer_line(doc, sentence) if sums or _MINE.search(own) else None
            return (intro, True) if intro else ("", False)
        previous = text[before.start : before.end]
    return "", False


def _with_intro_before(doc: Document, sentence: Sentence) -> str:
    """A writer's intro sentence with the one before it when that one names the writer's role
    or place and no sum ('Senior MLE, healthtech, Toronto.' / '7 YOE.' / 'CA$172k base'): the
    intro is said in both."""
    text = doc.text
    before = sentence_before(doc, sentence)
    if before is None or any(a.is_money for a in amounts(text, before.start, before.end)):
        return text[sentence.start : sentence.end]
    previous = text[before.start : before.end]
    if find_roles(previous) or _names_place(previous):
        return text[before.start : sentence.end]
    return text[sentence.start : sentence.end]


def _unmarked_dollar(amount: Amount) -> bool:
    """Whether a sum in dollars says no more than '$' of which ('$142k'), or has no marker and
    took its dollar from the page ('base 218k')."""
    return bare_dollar(amount.raw) or (
        writes_dollar(amount.unit or "") and currency_marker(amount.raw) is None
    )


def _writer_line(doc: Document, sentence: Sentence) -> str | None:
    """The paragraph (or a short line read as a heading) right before a paragraph of pay that
    introduces its writer by role or place and years, stating no sum ('MLE II at a fintech in
    New York, 4 YOE.' / 'Base 186k, bonus ~22k'), when a post sets each line apart; None
    elsewhere."""
    if sentence.block.kind != "paragraph":
        return None
    # the post's earlier paragraphs of words, back to its writer line; a rule ('---') or a
    # sum between ends the post
    after = sentence.block.start
    for index in range(sentence.block_index - 1, max(-1, sentence.block_index - _POST_BLOCKS), -1):
        block = doc.blocks[index]
        if _RULED.search(doc.text, block.end, after):
            return None
        after = block.start
        line = doc.span_text(block)
        if block.kind not in ("paragraph", "heading"):  # a line set apart may read as a heading
            return None
        if any(a.is_money for a in amounts(doc.text, block.start, block.end)):
            return None
        if len(line) > _MAX_WRITER_LINE or "\n" in line.strip():
            continue
        if years_level(line) and (find_roles(line) or _names_place(line)):
            return line
    return None


_MAX_WRITER_LINE = 160
# How many paragraphs of a post may stand between its writer line and its pay, the writer line
# and the pay's own paragraph included.
_POST_BLOCKS = 4
# A rule between two posts of a thread: '---', '***', '___' on a line of its own.
_RULED = re.compile(r"\n[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*\n")
# The writer speaking of their own pay: 'My CTC is ₹48 LPA', 'I make $150k'.
_MINE = re.compile(r"\b(?:[Mm]y|I)\b")


def _asked_city(doc: Document, sentence: Sentence) -> str | None:
    """The one city the question right before the sentence names ('Hiring in Denver?')."""
    before = sentence_before(doc, sentence)
    asked = doc.text[before.start : before.end] if before else ""
    return own_city(asked) if asked.rstrip().endswith("?") else None


def _same_city(doc: Document, sentence: Sentence, frame: Frame) -> str | None:
    """The city named last before the sentence in its section, when the figure's clause points
    at it ('in the same city', 'in that city')."""
    text = doc.text
    if not vocabulary("salary_terms", "salary_words", "same_place").search(
        text, frame.clause_start, frame.clause_end
    ):
        return None
    cities = city_pattern()
    index = sentence.block_index
    while index >= 0:
        block = doc.blocks[index]
        named = [
            m.group() for m in cities.finditer(text, block.start, min(block.end, sentence.start))
        ]
        if named:
            return named[-1]
        if block.kind == "heading":
            return None
        index -= 1
    return None


# A job listing's lines between its title and its pay: company, place, terms.
_MAX_LISTING_LINES = 3
_MAX_LISTING_LINE = 60


def _listing_city(doc: Document, sentence: Sentence, heading: str) -> str | None:
    """The one city the short lines between a role's title and its pay line name: a job
    board's listing ('Senior ML Engineer' / 'Nordlicht Analytics' / 'Kraków · Remote' /
    '26 000 – 33 000 PLN net/month')."""
    block = sentence.block
    if (
        block.kind != "paragraph"
        or (sentence.start, sentence.end) != (block.start, block.end)
        or sentence.end - sentence.start > _MAX_LISTING_LINE
        or not find_roles(heading)
    ):
        return None  # not a listing's pay line
    lines: list[str] = []
    index = sentence.block_index - 1
    while index >= 0 and doc.blocks[index].kind != "heading":
        line = doc.span_text(doc.blocks[index])
        if (
            doc.blocks[index].kind != "paragraph"
            or len(lines) == _MAX_LISTING_LINES
            or len(line) > _MAX_LISTING_LINE
        ):
            return None  # a list or prose: no listing's lines
        lines.append(line)
        index -= 1
    return own_city("\n".join(lines)) if lines else None


def _first(read: Any, *texts: str) -> str | None:
    for text in texts:
        found = read(text)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)  # the words before a figure
def _level_label(before: str) -> str | None:
    """The level a short label names alone ('**Lead:**', 'Staff / Principal'), not one a longer
    label ends with ('Median for all ML staff:')."""
    label = before.strip(_LABEL_MARKS + ",;")
    return label_level(label) if 0 < len(label.split()) <= 3 else None


@cache
def _statistic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    pay = r"(?:salar|wage|pay|compensation|income|earning|ctc|package|remuneration|base|offer)"
    out = []
    for statistic, words in load_data("salary_terms")["statistic"].items():
        spaced = [escape_phrase(w) for w in words if not is_unspaced(w)]
        alone = [escape_phrase(w) for w in words if is_unspaced(w)]
        body = rf"(?<![\w-])(?:{'|'.join(spaced)})(?:(?:\s+[\w-]+){{0,3}}?\s+{pay}|{_STATISTIC_OF})"
        if alone:
            body = rf"{body}|{'|'.join(alone)}"
        out.append((statistic, re.compile(body, re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=1024)
def _statistic(text: str) -> str | None:
    """'mean', 'average', 'median' or 'typical' when a statistic word qualifies a pay word.

    >>> _statistic("a imply wage of")
    'mean'
    >>> _statistic("earns $120K on average")
    'average'
    >>> _statistic("the average machine learning engineer salary is")
    'average'
    """
    found = {name for name, pattern in _statistic_patterns() if pattern.search(text)}
    if not found and _ON_AVERAGE.search(text):
        return "average"
    return found.pop() if len(found) == 1 else None


def bare_statistic(label: str) -> str | None:
    """The statistic word a label names on its own ('National median (gross per year)', a
    card's 'Median'), where the page, caption or card says the figures are pay."""
    found = {name for name, pattern in _statistic_words() if pattern.search(label)}
    return found.pop() if len(found) == 1 else None


@cache
def _statistic_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(rf"(?<![\w-])(?:{phrase_alternation(words)})(?![\w-])", re.IGNORECASE))
        for name, words in load_data("salary_terms")["statistic"].items()
    )


def _statistic_after(after: str) -> str | None:
    """The statistic word a figure ends its item or clause with ('Sydney: $132,000 average')."""
    for statistic, pattern in _trailing_statistics():
        if pattern.match(after):
            return statistic
    return None


@cache
def _trailing_statistics() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(rf"\s*{phrase_alternation(words)}\s*(?:[,;.)]|$)", re.IGNORECASE))
        for name, words in load_data("salary_terms")["statistic"].items()
    )


def _own_component(after: str) -> str | None:
    """The part of a package the words right after a figure name ('198k base, 140k stock,
    25k bonus'), before any other figure's word can."""
    words = _FIRST_WORDS.match(after)
    if words is None:
        return None
    found = pay_component(words.group())
    first, *rest = words.group().split()
    if found and rest and not pay_component(first) and pay_component(rest[0]) == found:
        return None  # '$260,000 once stock is included': the stock is not this figure
    return found


_FIRST_WORDS = re.compile(r"[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?")


def pay_component(text: str) -> str | None:
    """The one part of a pay package `text` names ('base', 'stock', 'bonus', 'total'), or None.

    >>> pay_component("Stock (/yr)"), pay_component("Total compensation"), pay_component("Level")
    ('stock', 'total', None)
    """
    found = {
        name
        for name in ("base", "stock", "bonus", "total")
        if vocabulary("salary_terms", "component", name).search(text)
    }
    if {"base", "total"} <= found:  # 'total base pay'
        found.discard("total")
    return found.pop() if len(found) == 1 else None


def _pay_period(text: str) -> str | None:
    for period in ("annual", "monthly", "hourly", "daily"):
        if vocabulary("salary_terms", "pay_period", period).search(text):
            return period
    return None


def _year(text: str, sentence: Sentence, money: list[Amount]) -> int | None:
    """The sentence's one year (a report's or the figure's), when it names exactly one."""
    return _one_year(text, sentence.start, sentence.end, money)


def _clause_year(
    text: str, sentence: Sentence, frame: Frame, money: list[Amount], amount: Amount
) -> int | None:
    """The one year of the figure's own clause, else of the clauses before it ('In 2024, juniors
    earned €52,000, and seniors €98,000' dates both): a year a later clause states is that
    clause's ('Juniors start at €52,000, while in 2025 seniors reached €98,000' dates only
    the second). A clause naming two years dates none. An earlier sum the clause sets against
    another (`_set_against`: '€78,000 in 2024, up from €71,000 in 2021') is dated by its own
    words alone, and its words date no other sum."""
    inside = [m for m in money if frame.clause_start <= m.start < frame.clause_end]
    alone = {
        m.start: dated for m in inside if (dated := _set_against(text, m, inside, frame, money))
    }
    if amount.start in alone:
        return alone[amount.start][1]
    others = [words for words, _ in alone.values()]
    # the year a change in the clause is measured against ('R68 500 a month, up 9% on 2024')
    others += [
        range(*against.span())
        for sign in _PERCENT_SIGN.finditer(text, frame.clause_start, frame.clause_end)
        if (against := than_earlier().match(text, sign.end(), frame.clause_end))
    ]
    own = {
        year
        for at, year in plain_years(text, frame.clause_start, frame.clause_end, skip=money)
        if not any(at in words for words in others)
    }
    if own:
        return own.pop() if len(own) == 1 else None
    year = _one_year(text, sentence.start, frame.clause_start, money)
    if year is None and _SAME_TIME.search(text, frame.clause_start, frame.clause_end):
        # '... rose 38% year on year in Q3 2025, while the median reached USD 176,000 in the
        # same quarter': the end of the period the clauses before state
        spans = [p for p in periods(text, sentence.start, frame.clause_start) if p[3]]
        year = spans[-1][3] if spans else None
    return year


_PERCENT_SIGN = re.compile("%")
# A clause dated by the one before it: 'in the same quarter', 'over the same period'.
_SAME_TIME = re.compile(
    r"\b(?:in|over|during)\s+the\s+same\s+(?:quarter|period|month|year)\b", re.IGNORECASE
)


def _set_against(
    text: str, amount: Amount, inside: list[Amount], frame: Frame, money: list[Amount]
) -> tuple[range, int | None] | None:
    """A sum set against another in its clause and dated by its own words (from the words that
    set it against the other to the clause's next figure), and the one year those state: an
    earlier sum ('up from €71,000 in 2021', 'rose from $131,000 in 2022 to ...': its year,
    or none), or any other set against with a year of its own ('against $139,000 in 2023'; a
    place's 'compared with £65,000 nationally' shares the clause's year); else None."""
    found = _against_before().search(text, max(0, amount.start - _AGAINST_REACH), amount.start)
    if found is None:
        return None
    end = min((m.start for m in inside if m.start > amount.start), default=frame.clause_end)
    year = _one_year(text, amount.end, end, money)
    if year is None and found["earlier"] is None:
        return None
    return range(found.start(), end), year


@cache
def _against_before() -> re.Pattern[str]:
    """The words that set a sum against another, right before it: an earlier one ('up from
    about €71,000', 'rose from $131,000 in 2022 to ...'), or any ('compared with', 'against')."""
    return re.compile(
        r"\b(?:(?P<earlier>(?:up|down|rose|grew|increased|climbed|jumped|fell|dropped|declined"
        r"|decreased)\s+from)|compared\s+(?:with|to)|against|versus|vs\.?)\s+"
        rf"{optional_hedge()}$",
        re.IGNORECASE,
    )


# How far before a sum `_against_before` looks.
_AGAINST_REACH = 40


def _one_year(text: str, start: int, end: int, money: list[Amount]) -> int | None:
    years = {year for _, year in plain_years(text, start, end, skip=money)}
    return years.pop() if len(years) == 1 else None

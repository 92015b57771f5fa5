"""What a page states once for the figures beneath it: the year its headings name, the pay
period its headings and scope lines give, and the city its title names.

A guide titled 'Machine Learning Engineer Salary in Germany 2025' dates every figure under it,
and a line such as 'All figures are gross annual salaries in euros' or a heading 'Hourly rates'
gives every salary in its scope a pay period; the figures' own clauses rarely repeat either.
A figure keeps what its own frame states; only what it lacks comes from the page:

- `year` (`_page_year`): for 'the same year', the year stated just before; else from the
  line that introduces its table or list (ends with a colon or points at it: 'The table below
  shows median pay by city in 2024.') when that states one year and no figure of its own; else
  from the nearest heading above the figure, then the headings it sits under, up to the
  page's title: the first that names exactly one year and states no figure of its own
  ('Market to reach USD 21.7 billion by 2032' dates its own figure, not the page), leaving
  out the title of a statistics round-up ('27 AI Job Statistics for 2025': the year it was
  compiled, not its figures'); else from
  a dated scope line of its page or section ('Listings as of 1 October 2025'; an 'as of' line
  about anything but the page's data, 'As of 2023, most employers had adopted hybrid work',
  dates nothing). A forecast, a change
  over its own stated period and a figure dated against another year ('rose 32% last year')
  keep their own; a change since a year ('compared with 2024') takes only a later one. Where
  none names a year the claim's `year` stays null and the pipeline dates it by the page's
  publication date (`as_of`): a page's date is when it was written, not its figures' year.
- `pay_period` of a salary: from the nearest section heading that names one pay period
  ('Monthly in-hand pay', 'Day rates by level'; not the title, which often names the period
  of the page's main figures while the page compares them with others), else from the
  caption right below its list ('*Monthly average by state.*'), else from the scope lines of
  the page or the figure's section (a sentence that says what the figures are:
  'every figure in this guide is monthly base pay', the period named first after its verb).
- `city` of a salary placed nowhere by its own words (no city, country or region): the one
  city the page's title or top heading names ('Machine Learning Engineer salaries in Austin,
  TX'), unless its sentence places it elsewhere (`context.heading_city`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from mlefacts.document.model import Block, Document
from mlefacts.document.sentences import last_sentence
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    PROSE_KINDS,
    Sentence,
    amounts,
    heading_city,
    lead_in,
    list_run,
    prose_sentences,
    vocabulary,
)
from mlefacts.extract.cues import Keys, declare, spans_holding, word_keys
from mlefacts.extract.sections import vocabulary_pattern, vocabulary_regex
from mlefacts.extract.shares import said_in_full
from mlefacts.months import month_alternation
from mlefacts.normalize._data import by_length, gated
from mlefacts.normalize.quantities import find_years
from mlefacts.toml_files import load_data

FRAMED_KINDS = frozenset(
    {"salary", "market_size", "growth_rate", "share", "job_demand", "count", "ranking"}
)
# A change over its own period, or a forecast, is dated by its own words or not at all.
_OWN_TIME = ("period_start", "period_end", "forecast")


def frame_by_page(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The claims with the year and pay period the page states for them filled in where their
    own frame states none (see the module docstring)."""
    headings = _headings(doc)
    starts = [block.start for _, block in headings]
    out = []
    for claim in claims:
        if claim.kind not in FRAMED_KINDS:
            out.append(claim)
            continue
        chain = list(_chain(doc, headings, starts, claim.char_start))
        lead = _lead_in(doc, claim.char_start)
        year = claim.year if claim.year is not None else _page_year(doc, claim, lead, chain)
        qualifiers = claim.qualifiers
        if claim.kind == "salary" and not _PLACES & qualifiers.keys():
            own = doc.text[claim.char_start : claim.char_end]
            if city := next(
                (c for t in _titles(chain) if (c := heading_city(t, own, short=False))), None
            ):
                qualifiers = {**qualifiers, "city": city}
        if claim.kind == "salary" and not qualifiers.get("pay_period"):
            period = (
                _heading_period(text for _, level, text in chain if level > 1)
                or _caption_period(doc, claim.char_start)
                or _scope_period(
                    _scope_periods(doc),
                    {index for index, _, _ in chain},
                    contract=_names_contract(doc.text[claim.char_start : claim.char_end]),
                )
            )
            if period:
                qualifiers = {**qualifiers, "pay_period": period}
        if _runs_to(qualifiers, claim.year):
            qualifiers = {**qualifiers, "period_end": claim.year}
        subject = claim.subject
        if claim.kind == "share" and subject:  # 'managers' in a survey of hiring managers
            subject = said_in_full(doc, subject)
        if year != claim.year or qualifiers is not claim.qualifiers or subject != claim.subject:
            claim = claim.framed(year, qualifiers, subject)
        out.append(claim)
    return out


@lru_cache(maxsize=1024)
def _names_figure(text: str) -> bool:
    """Whether a heading, lead-in or caption states a figure of its own (a sum or share with a
    unit). Cached: every figure under a heading asks about the same title and headings."""
    return any(a.unit for a in amounts(text, 0, len(text)))


# A figure that names any of these is placed by its own words.
_PLACES = frozenset({"city", "country", "region"})


def _titles(chain: list[tuple[int | None, int, str]]) -> Iterator[str]:
    """The page's title and top heading among a figure's headings, that state no figure."""
    for _, level, text in chain:
        if level <= 1 and not _names_figure(text):
            yield text


def _runs_to(qualifiers: dict[str, object], year: int | None) -> bool:
    """Whether a change since a year runs to the later year its own words date it by ('rose
    14% in 2025 compared with 2024'): its period ends there. A change the page dates ('rose
    3% compared with 2024' under a 2025 heading) states no end of its own."""
    since = qualifiers.get("period_start")
    return (
        isinstance(since, int)
        and year is not None
        and year > since
        and qualifiers.get("period_end") is None
        and not qualifiers.get("forecast")
    )


def _page_year(
    doc: Document, claim: Claim, lead: str, chain: list[tuple[int | None, int, str]]
) -> int | None:
    """The year the page states for a figure that states none: a previous sentence's for 'the
    same year', else its table's or list's lead-in's, its headings', or a dated scope line's
    ('Snapshot of active listings as of 1 October 2025.'). A change since a year ('rose 3.2%
    compared with 2024') takes a later one: the year it runs to."""
    since = claim.qualifiers.get("period_start")
    open_change = (
        since is not None
        and not claim.qualifiers.get("period_end")
        and not claim.qualifiers.get("forecast")
    )
    if not open_change and _own_time(doc, claim):
        return None
    year = (
        _same_year(doc, claim)
        or _lead_year(lead)
        or _heading_year(tuple((level, text) for _, level, text in chain))
        or _scope_year(_dated_lines(doc), {index for index, _, _ in chain})
    )
    if open_change and (year is None or year <= since):
        return None
    return year


def _same_year(doc: Document, claim: Claim) -> int | None:
    """For a figure whose words say 'the same year' or 'that year': the last year stated
    before it in its paragraph ('valued at USD 1.7 billion in 2024. The Canadian market was
    worth USD 0.4 billion the same year')."""
    if not _same_year_pattern().search(doc.text, claim.char_start, claim.char_end):
        return None
    figure = claim.figure_start if claim.figure_start is not None else claim.char_start
    if _CHANGE_FROM.search(doc.text, claim.char_start, figure):
        return None  # 'grew from 41,500 to 56,300 over the same period': the period's start
    index = doc.block_at(claim.char_start)
    if index < 0 or claim.char_start >= doc.blocks[index].end:
        years = find_years(doc.text, max(0, claim.char_start - _SAME_YEAR_REACH), claim.char_start)
        return years[-1][2] if years else None
    years = find_years(doc.text, doc.blocks[index].start, claim.char_start)
    if not years and index and doc.blocks[index - 1].kind in PROSE_KINDS:
        # a list's item after the one that stated it ('15. 23% of postings in 2025 were
        # remote.' / '16. Hybrid roles made up 41% of them the same year')
        before = doc.blocks[index - 1]
        years = find_years(doc.text, before.start, before.end)
    return years[-1][2] if years else None


@lru_cache(maxsize=64)
def _dated_lines(doc: Document) -> tuple[tuple[int | None, int], ...]:
    """(section heading index, year) of the page's lines that date its figures as a whole: a
    scope line or an 'as of' line naming one year and no figure of its own."""
    found = []
    for sentence in prose_sentences(doc):
        text = doc.text[sentence.start : sentence.end]
        if sentence.block.boilerplate or not (
            (_AS_OF.search(text) and _as_of_pattern().search(text)) or _scope_pattern().search(text)
        ):
            continue  # 'As of 2023, most employers had adopted hybrid work' dates no figure
        years = {year for _, _, year in find_years(text)}
        if len(years) == 1 and not _states_figure(doc.text, sentence.start, sentence.end):
            found.append((sentence.block.section, years.pop()))
    return tuple(found)


def _scope_year(dated: tuple[tuple[int | None, int], ...], sections: set[int | None]) -> int | None:
    named = {year for section, year in dated if section is None or section in sections}
    return named.pop() if len(named) == 1 else None


# 'Snapshot of active listings as of 1 October 2025', 'Data as at March 2025'.
_AS_OF = re.compile(r"\bas\s+(?:of|at)\b", re.IGNORECASE)


@cache
def _as_of_pattern() -> re.Pattern[str]:
    """What an 'as of' line must be about to date a page's figures: its data, not an event."""
    return vocabulary_pattern(load_data("salary_terms")["scope"]["as_of_nouns"])


# How far back a 'same year' looks when the figure sits in no block.
_SAME_YEAR_REACH = 400


# The words before a change's first figure ('grew from 41,500 to ...').
_CHANGE_FROM = re.compile(r"\bfrom\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


@cache
def _same_year_pattern() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("salary_terms")["scope"]["same_year"])


def _own_time(doc: Document, claim: Claim) -> bool:
    """Whether the figure is dated by its own words: a period or forecast it states, or a year
    relative to another just after it ('rose 32% last year', 'up from 39,200 a year earlier';
    not a change's base, 'rose 31% on a year earlier')."""
    if any(claim.qualifiers.get(key) for key in _OWN_TIME):
        return True
    end = claim.figure_end if claim.figure_end is not None else claim.char_start
    start = claim.figure_start if claim.figure_start is not None else end
    return dated_against_another_year(doc.text, start, min(end + _RELATIVE_REACH, claim.char_end))


def dated_against_another_year(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a figure's own words, from its end or from its start when its
    pay period may hold part of the phrase: 'C$104K a year earlier') holds a year relative to
    another ('up from 39,200 a year earlier', 'rose 32% last year'), unless it is the base of a
    change ('rose 31% on a year earlier')."""
    found = _relative_years().search(text, start, end)
    return found is not None and not _BASE.search(text, max(0, found.start() - 16), found.start())


# How far after its figure a relative year dates it ('32% in the US last year').
_RELATIVE_REACH = 30
# A relative year after one of these is the base a change is measured against.
_BASE = re.compile(r"\b(?:on|than|over|against|versus|vs\.?|compared\s+(?:with|to))\s+$")


@cache
def _relative_years() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("salary_terms")["scope"]["relative_years"])


@cache
def than_earlier() -> re.Pattern[str]:
    """A figure set against an earlier time right after it: a change over time, not a gap
    between two things ('14% more than a year before', '12% fewer than last year', '3.8% higher
    than a year earlier', '2% lower than in 2024', '40% more openings for ML engineers than last
    year', 'up 4% on last year', '18.3% on 2024' after 'up'), or against an earlier level ('27%
    below year-ago levels', '8% above their 2023 levels', '38% above their February 2020
    baseline'). `earlier_way` names its direction."""
    relative = vocabulary_regex(load_data("salary_terms")["scope"]["relative_years"])
    dated = (
        r"(?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+|Q[1-4]\s+|H[12]\s+"
        rf"|{month_alternation()}\.?\s+)?(?:19|20)\d\d\b"
    )
    earlier = (
        r"a\s+year\s+(?:before|earlier|ago)|(?:the\s+)?(?:previous|prior|last|same)\s+(?:year|"
        r"quarter|month|period)|a\s+(?:quarter|month)\s+(?:before|earlier|ago)|"
        rf"{dated}|{relative}"
    )
    return re.compile(
        r"\s+(?:(?P<way>more|fewer|higher|lower|less)\s+(?:[\w-]+\s+){0,8}?than\s+(?:in\s+)?"
        rf"(?:{earlier})"
        r"|(?P<moved>up|down)\s+(?:on|from)\s+(?:in\s+)?"
        rf"(?:(?:19|20)\d\d\b|{relative})"
        r"|(?P<level>below|above|under|over)\s+(?:(?:the|their|its)\s+)?(?:year-ago|year-earlier|"
        rf"prior-year|previous-year|pre-pandemic|last\s+year['’]s|{dated})\s+"
        r"(?:levels?|figures?|totals?|peaks?|baselines?)\b"
        # after a change that says its way before the figure: 'up 18.3% on 2024', 'an increase
        # of 6.2% on the 2024 figure'
        rf"|on\s+(?:the\s+)?(?:(?:19|20)\d\d|{relative})(?:\s+(?:figure|level|total)s?)?\b)",
        re.IGNORECASE,
    )


def earlier_way(found: re.Match[str] | None) -> str | None:
    """The direction `than_earlier` found ('more', 'fewer', 'down', 'below' ...), lower-cased."""
    if found is None:
        return None
    way = found["way"] or found["moved"] or found["level"]  # none for 'on 2024'
    return way.lower() if way else None


# The directions of `than_earlier` that state a fall.
EARLIER_FALLS = ("fewer", "lower", "less", "down", "below", "under")


def _lead_in(doc: Document, at: int) -> str:
    """The line that introduces the table, the run of cards or the list item a figure sits in
    ('The table below shows median pay by city in 2024.', 'Median salary by city, 2025:' over
    'Zürich' / 'CHF 132'400' cards, 'Here is what ML engineers earn in 2025, by level:'),
    unless it states a figure of its own; else ''."""
    text = ""
    table = next((t for t in (*doc.tables, *doc.cards) if t.start <= at < t.end), None)
    if table is not None:
        index = doc.block_at(table.start)
        before = doc.blocks[index] if index >= 0 else None
        if before is not None and before.kind == "paragraph" and before.end <= table.start:
            text = "" if before.boilerplate else doc.span_text(before)
    else:
        index = doc.block_at(at)
        if index >= 0 and doc.blocks[index].kind == "list_item" and at < doc.blocks[index].end:
            text = lead_in(doc, index)
    return "" if _names_figure(text) else text


def _caption_period(doc: Document, at: int) -> str | None:
    """The one pay period the caption right below a figure's list names ('*Monthly average by
    state, all levels.*', 'Média mensal por estado'): a short line that states no figure of
    its own. (A table's caption is read with the table.)"""
    index = doc.block_at(at)
    if index < 0 or doc.blocks[index].kind != "list_item" or at >= doc.blocks[index].end:
        return None
    after = list_run(doc, index)[1] + 1
    if after >= len(doc.blocks):
        return None
    block = doc.blocks[after]
    text = doc.span_text(block)
    if block.kind != "paragraph" or block.boilerplate or len(text) > _CAPTION_CHARS:
        return None
    if _names_figure(text):
        return None
    periods = _periods_named(text)
    return periods.pop() if len(periods) == 1 else None


# A line this long or shorter below a list can be its caption.
_CAPTION_CHARS = 100


def _lead_year(text: str) -> int | None:
    """The one year a line that points at its table or list states ('The table below shows
    median pay by city in 2024.', 'What ML engineers earn in 2025, by level:'); a line naming
    two years ('in 2025 compared with 2024') leaves the year to the headings."""
    if not text or not (text.rstrip().endswith(":") or _pointing_pattern().search(text)):
        return None
    if text.rstrip().endswith(":"):
        text = last_sentence(text)  # 'I made this switch in 2022. Pay right now, per year:'
    years = {year for _, _, year in find_years(text)}
    return years.pop() if len(years) == 1 else None


@cache
def _pointing_pattern() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("salary_terms")["scope"]["pointing"])


def _headings(doc: Document) -> list[tuple[int, Block]]:
    return [
        (index, block)
        for index, block in enumerate(doc.blocks)
        if block.kind == "heading" and not block.boilerplate
    ]


def _chain(
    doc: Document, headings: list[tuple[int, Block]], starts: list[int], at: int
) -> Iterator[tuple[int | None, int, str]]:
    """(block index, level, text) of the headings a position sits under, nearest first, then
    the page's title (level 0): each next one of a higher level than the last."""
    limit = 10
    for index, block in reversed(headings[: bisect_right(starts, at)]):
        if block.start <= at < block.end:
            continue  # a figure in a heading is framed by that heading's own words
        if block.level < limit:
            yield index, block.level, doc.span_text(block)
            limit = block.level
        if limit <= 1:
            break
    if doc.title:
        yield None, 0, doc.title


@lru_cache(maxsize=256)
def _heading_year(chain: tuple[tuple[int, str], ...]) -> int | None:
    """The year of the first heading of a chain ((level, text), nearest first) that names one,
    states no figure and is no round-up's title; a heading naming two years ('2024 vs 2025')
    ends the search: it scopes no single year. Cached: the figures under one heading share its
    chain."""
    for level, text in chain:
        if _roundup(level, text):
            continue
        # 'Member since 2019' over a forum post, 'Pay since 2020': where a span starts
        years = {year for start, _, year in find_years(text) if not _SINCE.search(text, 0, start)}
        if not years or _names_figure(text):
            continue
        return years.pop() if len(years) == 1 else None
    return None


_SINCE = re.compile(r"\bsince\s+(?:[a-z]+\.?\s+)?$", re.IGNORECASE)


def _roundup(level: int, text: str) -> bool:
    """Whether a heading is the page's title (or top heading) of a round-up of statistics ('27
    AI Job Statistics for 2025', 'Machine Learning by the Numbers: 2026'): its year dates the
    round-up, not the figures it gathers from many sources and years."""
    return level <= 1 and bool(_roundup_pattern().search(text))


@cache
def _roundup_pattern() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("salary_terms")["scope"]["roundup"])


def _heading_period(texts: Iterator[str]) -> str | None:
    for text in texts:
        named = _periods_named(text)
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def _periods_named(text: str) -> set[str]:
    return {
        period
        for period in load_data("salary_terms")["pay_period"]
        if vocabulary("salary_terms", "pay_period", period).search(text)
    }


@cache
def _scope_pattern() -> re.Pattern[str]:
    scope = load_data("salary_terms")["scope"]
    nouns = "|".join(re.escape(noun) for noun in sorted(scope["nouns"], key=len, reverse=True))
    where = "|".join(re.escape(word) for word in sorted(scope["where"], key=len, reverse=True))
    verbs = "|".join(re.escape(verb) for verb in sorted(scope["verbs"], key=len, reverse=True))
    return gated(
        re.compile(
            rf"\b(?:{nouns})\b(?:\s+(?:{where})\b)?(?:\s+\w+){{0,3}}?\s+(?:{verbs})\b",
            re.IGNORECASE,
        )
    )


@cache
def _scope_keys() -> Keys | None:
    """The words of `_scope_pattern`'s nouns (see `cues`): a sentence without one is no scope."""
    return word_keys(load_data("salary_terms")["scope"]["nouns"])


declare(lambda: [_scope_keys()])


@lru_cache(maxsize=64)
def _scope_periods(doc: Document) -> tuple[tuple[int | None, str, bool], ...]:
    """(section heading index, period, whether it scopes contract work only) of each scope
    line of the page that names one period; a line with a figure of its own states that
    figure, not a scope."""
    found = []
    sentences = tuple(prose_sentences(doc))
    spans = [(sentence.start, sentence.end) for sentence in sentences]
    held = {
        *spans_holding(doc.text, spans, _scope_keys()),
        *spans_holding(doc.text, spans, _phrase_keys()),
    }
    for index in sorted(held):  # most sentences hold no noun
        sentence = sentences[index]
        text = doc.text[sentence.start : sentence.end]
        if not sentence.block.boilerplate and (phrase := _scope_phrase(doc, sentence)):
            found.append((sentence.block.section, phrase, _names_contract(text)))
            continue
        scope = None if sentence.block.boilerplate else _scope_pattern().search(text)
        # the period of the sums, not of what they leave out (', excluding the €150
        # monthly travel allowance')
        period = scope and _first_period(_EXCLUSION.sub("", text[scope.end() :]))
        if period and not _states_figure(doc.text, sentence.start, sentence.end):
            # 'All salaries are annual base pay', 'every figure in this guide': the page's,
            # wherever the line stands ('How to read the figures')
            quantified, placed = _page_wide()
            page_wide = quantified.search(text[: scope.start()]) or placed.search(scope.group())
            contract = _names_contract(text[max(0, scope.start() - _CONTRACT_REACH) : scope.end()])
            found.append((None if page_wide else sentence.block.section, period, contract))
    return tuple(found)


def _scope_phrase(doc: Document, sentence: Sentence) -> str | None:
    """The pay period of a scope line written as a noun phrase, without a verb: 'Gross annual
    salary for a 100% workload', 'How to read this table: median gross annual base salary in
    each country's own currency'. The period must come before the pay noun, which ends the
    phrase or is followed by what qualifies it; a line with a sum of money or a finite verb
    ('Monthly pay for freshers is lower') states something of its own."""
    text = doc.text[sentence.start : sentence.end]
    phrase = _phrase_pattern().match(text)
    if phrase is None or vocabulary("salary_terms", "scope", "finite_words").search(text):
        return None
    if any(a.is_money for a in amounts(doc.text, sentence.start, sentence.end)):
        return None
    return _first_period(phrase.group())


@cache
def _phrase_pattern() -> re.Pattern[str]:
    """A label ('How to read this table:'), up to four words with the pay period among them,
    and a pay noun that ends the phrase or that a qualifier follows."""
    scope = load_data("salary_terms")["scope"]
    nouns = "|".join(by_length(map(re.escape, scope["phrase_nouns"])))
    after = "|".join(by_length(map(re.escape, scope["phrase_qualifiers"])))
    return re.compile(
        rf"\W*(?:[^:.!?]{{1,40}}:\s+)?(?:[\w'’-]+\s+){{1,4}}?(?:{nouns})\b"
        rf"(?=\s*(?:$|[,.;:(]|(?:{after})\b))",
        re.IGNORECASE,
    )


@cache
def _phrase_keys() -> Keys | None:
    """The pay nouns of `_phrase_pattern` (see `cues`)."""
    return word_keys(load_data("salary_terms")["scope"]["phrase_nouns"])


declare(lambda: [_phrase_keys()])


# How far before a scope line's noun a contract word may stand ('Contract day rates are').
_CONTRACT_REACH = 20


def _names_contract(text: str) -> bool:
    """Whether a text speaks of contract work ('Contract rates', 'day rates')."""
    return bool(vocabulary("salary_terms", "scope", "contract_words").search(text))


@cache
def _page_wide() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What makes a scope line the page's: a quantifier right before its noun (a word may come
    between: 'All base salaries'), or a where that names the page."""
    scope = load_data("salary_terms")["scope"]
    words = "|".join(re.escape(word) for word in scope["page_quantifiers"])
    before = re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
    return before, vocabulary_pattern(scope["page_where"])


def _states_figure(text: str, start: int, end: int) -> bool:
    """Whether a scope line states a figure of its own, outside a parenthesised aside or a
    clause of what the sums leave out or add: 'Figures are for 2025 and are annual base
    salaries (the employer rate is currently 12%)' and 'All salaries are gross annual amounts,
    excluding the 8% holiday allowance' still scope the page; 'Salaries are up 4% in 2025'
    states a figure."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, start, end)]
    return any(
        a.unit and not any(left <= a.start and a.end <= right for left, right in asides)
        for a in amounts(text, start, end)
    )


# A clause of what a scope line's sums leave out or add: ', excluding the 8% holiday allowance'.
_EXCLUSION = re.compile(
    r",\s*(?:excluding|including|not\s+including|before|after|plus|on\s+top\s+of)\b[^,;]*",
    re.IGNORECASE,
)
_ASIDE = re.compile(rf"\([^()]*\)|{_EXCLUSION.pattern}", re.IGNORECASE)


def _first_period(text: str) -> str | None:
    """The pay period a scope line names first after its verb ('is monthly base pay, before
    the annual bonus' is monthly)."""
    first = [
        (match.start(), period)
        for period in load_data("salary_terms")["pay_period"]
        if (match := vocabulary("salary_terms", "pay_period", period).search(text))
    ]
    return min(first)[1] if first else None


def parent_heading(doc: Document, at: int) -> str:
    """The heading over the section heading a position sits under ('## Pay by city' over
    '### London'), '' when that heading is a top one: a sub-section's sums are framed by it."""
    headings, starts = _heading_starts(doc)
    chain = [text for index, _, text in _chain(doc, headings, starts, at) if index is not None]
    return chain[1] if len(chain) > 1 else ""


@lru_cache(maxsize=8)
def _heading_starts(doc: Document) -> tuple[list[tuple[int, Block]], list[int]]:
    """The page's headings and where each starts, for `_chain`."""
    headings = _headings(doc)
    return headings, [block.start for _, block in headings]


def scoped_period(doc: Document, at: int) -> str | None:
    """The pay period the page's scope lines give a sum at `at` ('All figures are gross
    annual.' over a career's timeline of offers): they say its sums are pay, where the sum's
    own sentence names no pay word."""
    scopes = _scope_periods(doc)
    if not scopes:
        return None  # most pages have no scope line
    headings = _headings(doc)
    starts = [block.start for _, block in headings]
    chain = {index for index, _, _ in _chain(doc, headings, starts, at)}
    return _scope_period(scopes, chain, contract=False)


def _scope_period(
    scopes: tuple[tuple[int | None, str, bool], ...], sections: set[int | None], *, contract: bool
) -> str | None:
    """The one period the scope lines over a figure name: lines of the page's top (under no
    heading or the title heading) and of the headings the figure sits under. A line about
    contract work scopes only a figure that speaks of it, and such a figure takes its period
    over the others'."""
    over = [
        (period, of_contract)
        for section, period, of_contract in scopes
        if section is None or section in sections
    ]
    named = {period for period, of_contract in over if of_contract == contract}
    if contract and not named:
        named = {period for period, _ in over}
    return named.pop() if len(named) == 1 else None

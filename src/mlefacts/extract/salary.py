"""Salary claims from running prose and salary lists.

A money amount becomes a salary only when pay is the topic: a pay word in the sentence ('salary',
'wage', 'CTC', 'LPA', ...), or in the list's lead-in or the section heading, and no price word
('course', 'fee', 'tuition', ...) in the sentence. List items shaped 'Label – amount' under such
a lead-in are salary rows whose label is a company, a place or an experience level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    Frame,
    Sentence,
    Skip,
    amounts,
    collect,
    collect_skips,
    escape_phrase,
    figure_frame,
    find_city,
    find_experience_level,
    find_places,
    find_roles,
    is_city,
    is_place,
    lead_in,
    plain_years,
    section_heading,
    single_country,
    vocabulary,
)
from mlefacts.toml_files import load_data

NAME = "salary"
VERSION = "1"

# Pay is never stated in billions; such amounts are budgets or market sizes.
_MAX_PAY = 1e9
_ROW_LABEL = re.compile(r"^(?P<label>[^\W\d][^:–—\-|]{0,60}?)\s*(?:[:–—|]|\s-)\s*$")
_PREPOSITION_AFTER = re.compile(r"^\s*(?:for|at|in|among)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)
_ON_AVERAGE = re.compile(r"\bon average\b|\baverages?\b(?=\s+(?:of\s+)?\S*\d)", re.IGNORECASE)
_TO_LEVEL = re.compile(r"\bto\s+(?:about|around|nearly|roughly|almost|over|just\s+over)?\s*$")
_STATISTIC_OF = r"\s+(?:of|is|was|at|around|about)\s*$"


def extract(doc: Document) -> list[Claim]:
    """Salary claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME, needs_digit=True)


def skipped(doc: Document) -> list[Skip]:
    """Pay figures in prose with no role to give them to (`no_subject`)."""
    return collect_skips(doc, _read_sentence, name=NAME, needs_digit=True)


@dataclass(frozen=True, slots=True)
class _Row:
    """What a 'Label – amount' list item's label says."""

    role: str | None = None
    company: str | None = None
    country: str | None = None
    region: str | None = None
    experience_level: str | None = None


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim | Skip]:
    text = doc.text
    found = amounts(text, sentence.start, sentence.end)
    money = [a for a in found if a.is_money and a.value < _MAX_PAY]
    raises = [a for a in found if a.unit == "percent" and pay_growth(text, sentence, found, a)]
    if not money and not raises:
        return []
    own = text[sentence.start : sentence.end]
    intro = lead_in(doc, sentence.block_index)
    heading = section_heading(doc, sentence.block)
    if money and not _about_pay(own, intro, heading, listed=sentence.block.kind == "list_item"):
        return []
    row = _row(doc, sentence, money[0]) if money else _Row()
    year = _year(text, sentence, money)
    source = find_attribution(
        text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    out: list[Claim | Skip] = []
    for index, amount in enumerate(money):
        frame = figure_frame(text, sentence.start, sentence.end, money, index)
        role, framing = _role(doc, sentence, frame, row)
        if role is None:
            out.append(Skip(amount.start, amount.end, "no_subject"))
            continue
        before, after = _windows(text, frame, amount)
        clause = text[frame.clause_start : frame.clause_end]
        qualifiers = _qualifiers(
            amount, before, after, row=row, clause=clause, intro=intro, framing=framing
        )
        out.append(_claim(sentence, amount, role, "salary", year, qualifiers, source))
    for amount in raises:
        frame = figure_frame(text, sentence.start, sentence.end, found, found.index(amount))
        role, _ = _role(doc, sentence, frame, _Row())
        if role is None:
            out.append(Skip(amount.start, amount.end, "no_subject"))
            continue
        qualifiers = {"period_end": year} if year else {}
        out.append(_claim(sentence, amount, role, "salary_growth", year, qualifiers, source))
    return out


def _claim(
    sentence: Sentence,
    amount: Amount,
    role: str,
    attribute: str,
    year: int | None,
    qualifiers: dict[str, Any],
    source: str | None,
) -> Claim:
    return Claim(
        kind="salary" if attribute == "salary" else "growth_rate",
        subject=role,
        attribute=attribute,
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        value=amount.value,
        figure_start=amount.start,
        figure_end=amount.end,
        value_high=amount.value_high,
        unit=amount.unit,
        year=year,
        qualifiers=qualifiers,
        attributed_to=source,
    )


def pay_growth(text: str, sentence: Sentence, found: list[Amount], amount: Amount) -> bool:
    """Whether a percentage is a change in pay: 'Base pay for ML engineers rose 6.5%'.

    A pay word must come before the figure in its own clause and a growth word close to it,
    so 'demand rose 20%, and salaries are high' is not a pay rise.
    """
    frame = figure_frame(text, sentence.start, sentence.end, found, found.index(amount))
    head = text[frame.clause_start : amount.start]
    pay = any(
        vocabulary("salary_terms", "salary_words", strength).search(head)
        for strength in ("strong", "weak")
    )
    if not pay or vocabulary("salary_terms", "salary_words", "price").search(head):
        return False
    near = text[max(frame.before_start, amount.start - 40) : amount.start]
    # 'rises to 12%' states a new level, not a change by 12%.
    return bool(
        vocabulary("market_terms", "growth", "words").search(near)
    ) and not _TO_LEVEL.search(near)


def _role(doc: Document, sentence: Sentence, frame: Frame, row: _Row) -> tuple[str | None, str]:
    """The role a figure is pay of, and the text that named it (for its level).

    The role named last before the figure in its own clause wins, then one named after it in
    the clause ('$150K for data scientists'), then the list row's label, then the sentence's
    first role when its clause names none; the lead-in, heading and title come last.
    """
    text = doc.text
    clause = text[frame.clause_start : frame.after_end]
    roles = find_roles(clause)
    if roles:
        return roles[-1][2], ""
    if row.role:
        return row.role, ""
    own = text[sentence.start : sentence.end]
    for framing in (
        own,
        lead_in(doc, sentence.block_index),
        section_heading(doc, sentence.block),
        doc.title or "",
    ):
        roles = find_roles(framing)
        if roles:
            return roles[0][2], "" if framing is own else framing
    return None, ""


def _about_pay(own: str, intro: str, heading: str, *, listed: bool) -> bool:
    """Pay is the topic of the sentence.

    A strong pay word in the sentence suffices; a weak one only without price words. A pay word
    in the lead-in or heading alone covers list rows and sentences that name a role or level.
    """
    strong = vocabulary("salary_terms", "salary_words", "strong")
    weak = vocabulary("salary_terms", "salary_words", "weak")
    price = vocabulary("salary_terms", "salary_words", "price")
    if strong.search(own):
        return True
    if price.search(own):
        return False
    if weak.search(own):
        return True
    framed = bool(strong.search(intro) or strong.search(heading))
    return framed and (listed or bool(find_roles(own) or find_experience_level(own)))


def _row(doc: Document, sentence: Sentence, first: Amount) -> _Row:
    """The label of a 'Label – amount' list item, classified; empty for other sentences."""
    if sentence.block.kind != "list_item" or sentence.start != sentence.block.start:
        return _Row()
    match = _ROW_LABEL.match(doc.text[sentence.start : first.start])
    if not match:
        return _Row()
    label = " ".join(match.group("label").split())
    if _names_pay(label) or len(label.split()) > 6:
        return _Row()
    roles = find_roles(label)
    if roles:
        return _Row(role=roles[0][2], experience_level=find_experience_level(label))
    # A bare label names a level when '<label> level' does ('Entry', 'Mid' in a pay-band list).
    level = find_experience_level(label) or find_experience_level(f"{label} level")
    if level is not None:
        return _Row(experience_level=level)
    countries = find_places(label, "countries")
    if is_place(label) and countries:
        return _Row(country=countries[0])
    if is_place(label) or is_city(label):
        return _Row(region=label)
    return _Row(company=label)


def _names_pay(label: str) -> bool:
    """'Average salary: $X' is a statement, not a row label."""
    return any(
        vocabulary("salary_terms", *path).search(label)
        for path in (("salary_words", "strong"), ("salary_words", "weak"))
    ) or any(pattern.search(f"{label} pay") for _, pattern in _statistic_patterns())


def _windows(text: str, frame: Frame, amount: Amount) -> tuple[str, str]:
    """This figure's own words in its clause, before and after it, cut at its neighbours."""
    after = text[amount.end : frame.after_end]
    clause_end = _CLAUSE_END.search(after)
    if clause_end:
        after = after[: clause_end.start()]
    return text[frame.before_start : amount.start], after


def _qualifiers(
    amount: Amount, before: str, after: str, *, row: _Row, clause: str, intro: str, framing: str
) -> dict[str, Any]:
    """Qualifiers from the figure's own words, then its clause, then the list row; the lead-in
    and the heading or title that named the role only when the clause is silent."""
    near = (after, before) if _PREPOSITION_AFTER.match(after) else (before, after)
    statistic = _first(_statistic, *near, clause) or ("range" if amount.value_high else None)
    level = row.experience_level or _first(find_experience_level, *near, clause, framing)
    period = amount.pay_period or _first(_pay_period, after[:30], before, intro, framing)
    country = row.country or single_country(*near, clause, intro, framing)
    region = row.region or find_city(clause)
    symbol = re.match(r"^\D*", amount.raw)
    values = {
        "statistic": statistic,
        "experience_level": level,
        "pay_period": period,
        "bound": amount.bound,
        "country": country,
        "region": region,
        "company": row.company,
        "currency_symbol": symbol.group().strip() if symbol else None,
    }
    return {k: v for k, v in values.items() if v}


def _first(read: Any, *texts: str) -> str | None:
    for text in texts:
        found = read(text)
        if found:
            return found
    return None


@cache
def _statistic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    pay = r"(?:salar|wage|pay|compensation|income|earning|ctc|package|remuneration|base)"
    return tuple(
        (
            statistic,
            re.compile(
                rf"(?<![\w-])(?:{'|'.join(escape_phrase(w) for w in words)})"
                rf"(?:(?:\s+[\w-]+){{0,2}}?\s+{pay}|{_STATISTIC_OF})",
                re.IGNORECASE,
            ),
        )
        for statistic, words in load_data("salary_terms")["statistic"].items()
    )


@lru_cache(maxsize=1024)
def _statistic(text: str) -> str | None:
    """'mean', 'average', 'median' or 'typical' when a statistic word qualifies a pay word.

    >>> _statistic("a imply wage of")
    'mean'
    >>> _statistic("earns $120K on average")
    'average'
    """
    found = {name for name, pattern in _statistic_patterns() if pattern.search(text)}
    if not found and _ON_AVERAGE.search(text):
        return "average"
    return found.pop() if len(found) == 1 else None


def _pay_period(text: str) -> str | None:
    for period in ("annual", "monthly", "hourly", "daily"):
        if vocabulary("salary_terms", "pay_period", period).search(text):
            return period
    return None


def _year(text: str, sentence: Sentence, money: list[Amount]) -> int | None:
    """The sentence's one year (a report's or the figure's), when it names exactly one."""
    years = {year for _, year in plain_years(text, sentence.start, sentence.end, skip=money)}
    return years.pop() if len(years) == 1 else None

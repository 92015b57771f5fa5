"""Claims from cards (see `document.cards`): the label line gives the figure its meaning.

Each figure of a card's lines is read in the card's frame: the label ('Entry Level', 'Market Size
2025', 'Data Scientist'), the card's other lines ('per year, gross', 'Billion') and the section
heading above. The kind comes from that frame:

- money with a market word in the label -> 'market_size' (a scale word alone on the next line
  counts: 'USD 48.62' / 'Billion');
- other money below a billion -> 'salary' (role from the label, else the heading or page;
  level from the label, or the line's own label ('Junior: CHF 95'000'), else the heading
  above; statistic and pay period from the card's own lines);
- a count with a jobs word beside it ('23,757 job openings') -> a 'count' of open jobs;
- a percentage -> 'share' of the labelled category.

The quote is the whole card; the label goes in `context`.
"""

from __future__ import annotations

import re
from typing import Any

from mlefacts.document.model import Card, Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    amounts,
    find_experience_level,
    first_role,
    vocabulary,
)
from mlefacts.extract.sections import document_role
from mlefacts.extract.subjects import main_market, market_phrase
from mlefacts.extract.titles import title_of
from mlefacts.normalize.numbers import scale_factor, scaled
from mlefacts.normalize.quantities import find_years
from mlefacts.toml_files import load_data

NAME = "cards"
VERSION = "1"

_MAX_PAY = 1e9
_JOB_MARKET = "job market"
# A card line that carries its own label before the figure: 'Junior: CHF 95'000 - 115'000'.
_LINE_LABEL = re.compile(r"^\s*(?P<label>[^\W\d][^:\d]{0,40}):\s")


def extract(doc: Document) -> list[Claim]:
    """Claims from every card of the document."""
    if not doc.cards:
        return []
    role = document_role(doc)
    claims: list[Claim] = []
    for card in doc.cards:
        claims.extend(_card_claims(doc, card, role))
    return claims


def _card_claims(doc: Document, card: Card, page_role: str | None) -> list[Claim]:
    text = doc.text
    label = " ".join(doc.span_text(card.label).split())
    heading = (
        doc.span_text(doc.blocks[card.section])
        if card.section is not None and 0 <= card.section < len(doc.blocks)
        else ""
    )
    lines = [text[s.start : s.end] for s in card.lines]
    claims: list[Claim] = []
    for index, span in enumerate(card.lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        for amount in amounts(text, span.start, span.end):
            own = lines[index]
            value = amount.value
            value_high = amount.value_high
            factor = scale_factor(following.strip()) if amount.scale is None else None
            if factor and amount.is_money:
                value = scaled(value, factor)
                value_high = scaled(value_high, factor) if value_high is not None else None
            kind, attribute, subject, qualifiers = _reading(
                amount, value, label, own, lines, heading, doc, page_role
            )
            if kind is None or subject is None:
                continue
            claims.append(
                Claim(
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=card.start,
                    char_end=card.end,
                    extractor=NAME,
                    value=value,
                    value_high=value_high,
                    unit="count" if kind == "count" else amount.unit,
                    year=_year(label),
                    qualifiers=qualifiers,
                    context=label,
                    figure_start=amount.start,
                    figure_end=amount.end,
                )
            )
    return claims


def _reading(
    amount: Amount,
    value: float,
    label: str,
    own: str,
    lines: list[str],
    heading: str,
    doc: Document,
    page_role: str | None,
) -> tuple[Any, str, str | None, dict[str, Any]]:
    """(kind, attribute, subject, qualifiers) of one figure in its card, kind None to skip."""
    if amount.is_money and (market_phrase(label) or _market_word().search(label)):
        subject = market_phrase(label) or market_phrase(heading) or main_market(doc) or "market"
        return "market_size", "market_size", subject, {"forecast": False}
    if amount.is_money and value < _MAX_PAY:
        qualifiers: dict[str, Any] = {}
        row = _LINE_LABEL.match(own)
        if row:  # 'Junior: CHF 95'000 - 115'000': the line's own label names its level
            label = row["label"].strip()
        level = (
            find_experience_level(label)
            or find_experience_level(f"{label} level")
            or find_experience_level(heading)
        )
        statistic = (
            "range" if amount.value_high is not None else _statistic(" ".join([label, *lines]))
        )
        period = amount.pay_period or _pay_period(" ".join(lines))
        for key, found in (
            ("experience_level", level),
            ("statistic", statistic),
            ("pay_period", period),
        ):
            if found:
                qualifiers[key] = found
        if level is None and not first_role(label):
            qualifiers["category"] = label
        return "salary", "salary", first_role(label, heading) or page_role, qualifiers
    if amount.unit is None and vocabulary("market_terms", "demand", "words").search(own):
        # '23,757 job openings' on a role's card counts open jobs; it is not a change in demand.
        role = title_of(label) or first_role(label, heading)
        return (
            "count",
            "job_openings",
            role or page_role or _JOB_MARKET,
            {"measure": "job openings"},
        )
    if amount.unit == "percent" and 0 <= value <= 100:
        subject = first_role(label, heading) or page_role or _JOB_MARKET
        return "share", "share", subject, {"category": label}
    return None, "", None, {}


def _market_word() -> re.Pattern[str]:
    return vocabulary("market_terms", "market", "nouns")


def _statistic(text: str) -> str | None:
    found = [
        name
        for name, words in load_data("salary_terms")["statistic"].items()
        if re.search(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", text, re.I)
    ]
    return found[0] if len(found) == 1 else None


def _pay_period(text: str) -> str | None:
    for period in ("annual", "monthly", "hourly", "daily"):
        if vocabulary("salary_terms", "pay_period", period).search(text):
            return period
    return None


def _year(label: str) -> int | None:
    years = {year for _, _, year in find_years(label, 0, len(label))}
    return years.pop() if len(years) == 1 else None

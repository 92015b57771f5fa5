"""Claims from cards (see `document.cards`): the label line gives the figure its meaning.

Each figure of a card's lines is read in the card's frame: the label ('Entry Level', 'Market Size
2025', 'Data Scientist'), the card's other lines ('per year, gross', 'Billion') and the section
heading above. The kind comes from that frame:

- market figures -> what `market.card_reading` makes of them: money with a market or size
  word in the label is a 'market_size' (a scale word alone on the next line counts: 'USD
  48.62' / 'Billion'), 'CAGR 2025-2032' / '14.5%' a 'growth_rate', 'North America share' /
  '38.2%' a 'share' of the page's market;
- other money below a billion -> 'salary' (role from the label, else the heading or page;
  level from the label, or the line's own label ('Junior: CHF 95'000'), else the heading
  above; statistic and pay period from the card's own lines);
- a count with a jobs word beside it ('23,757 job openings') -> a 'count' of open jobs;
- a percentage -> 'share' of the labelled category.

The quote is the whole card; the label goes in `context`.
"""

from __future__ import annotations

import re
from dataclasses import replace
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
from mlefacts.extract.market import card_reading
from mlefacts.extract.sections import document_role
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
        for read in amounts(text, span.start, span.end):
            amount = _scaled_by_next_line(read, following)
            kind, attribute, subject, qualifiers = _reading(
                amount, label, lines[index], lines, heading, doc, page_role
            )
            if kind is None or subject is None:
                continue
            claims.append(
                Claim.from_amount(
                    amount,
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=card.start,
                    char_end=card.end,
                    extractor=NAME,
                    unit="count" if kind == "count" else None,
                    year=_year(label),
                    qualifiers=qualifiers,
                    context=label,
                )
            )
    return claims


def _scaled_by_next_line(amount: Amount, following: str) -> Amount:
    """Money whose scale word stands alone on the next line: 'USD 48.62' / 'Billion'."""
    factor = scale_factor(following.strip()) if amount.scale is None else None
    if not (factor and amount.is_money):
        return amount
    high = scaled(amount.value_high, factor) if amount.value_high is not None else None
    return replace(amount, value=scaled(amount.value, factor), value_high=high)


def _reading(
    amount: Amount,
    label: str,
    own: str,
    lines: list[str],
    heading: str,
    doc: Document,
    page_role: str | None,
) -> tuple[Any, str, str | None, dict[str, Any]]:
    """(kind, attribute, subject, qualifiers) of one figure in its card, kind None to skip."""
    value = amount.value
    market_figure = card_reading(doc, label, heading, amount, value)
    if market_figure is not None:
        return market_figure
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

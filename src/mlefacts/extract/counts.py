"""Explicit counts in prose: 'over 9,000 job openings', 'there are 452 machine learning startups'.

Conservative on purpose: a bare whole number counts only when a known countable noun follows it
within a few modifier words. Years, versions ('Python 3.11'), ranks ('Top 10') and list sizes
('5 steps') are not counts.
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    Sentence,
    amounts,
    collect,
    escape_phrase,
    find_roles,
    single_country,
)
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

NAME = "counts"
VERSION = "1"

_YEAR_LIKE = re.compile(r"^(?:19|20)\d\d$")
_RANK_BEFORE = re.compile(
    r"(?:\btop|#|\bno\.|\brank(?:ed)?|\bnumber|\bversion|\bv)\s*$", re.IGNORECASE
)


def extract(doc: Document) -> list[Claim]:
    """Count claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME, needs_digit=True)


@cache
def _counted() -> re.Pattern[str]:
    counts = load_data("market_terms")["counts"]
    stops = "|".join(escape_phrase(w) for w in counts["modifier_stops"])
    nouns = "|".join(escape_phrase(n) for n in sorted(counts["nouns"], key=len, reverse=True))
    modifier = rf"(?!(?:{stops})\b)[A-Za-z][\w/-]*"
    return re.compile(
        rf"\s+(?P<modifiers>(?:{modifier}\s+){{0,{counts['max_modifiers']}}}?)(?P<noun>{nouns})\b",
        re.IGNORECASE,
    )


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    claims = []
    for amount in amounts(text, sentence.start, sentence.end):
        if not _countable(text, sentence, amount):
            continue
        match = _counted().match(text, amount.end, sentence.end)
        if match is None:
            continue
        noun = match.group("noun").lower()
        phrase = " ".join([*match.group("modifiers").split(), noun])
        own = text[sentence.start : sentence.end]
        roles = find_roles(phrase) or find_roles(own)
        qualifiers: dict[str, object] = {"category": noun}
        country = single_country(own)
        if country:
            qualifiers["country"] = country
        claims.append(
            Claim(
                kind="count",
                subject=roles[0][2] if roles else normalize_subject(phrase),
                attribute="count",
                char_start=sentence.start,
                char_end=sentence.end,
                extractor=NAME,
                value=amount.value,
                figure_start=amount.start,
                figure_end=amount.end,
                value_high=amount.value_high,
                unit="count",
                qualifiers=qualifiers,
                attributed_to=find_attribution(
                    text, sentence.start, sentence.end, context_start=sentence.block.start
                ),
            )
        )
    return claims


def _countable(text: str, sentence: Sentence, amount: Amount) -> bool:
    """A bare whole number of at least 2 that is not a year, a version, a rank or a step."""
    if amount.unit is not None or amount.value < 2 or amount.value != int(amount.value):
        return False
    if _YEAR_LIKE.match(amount.raw.strip()) or "." in amount.raw:
        return False
    return not _RANK_BEFORE.search(text, sentence.start, amount.start)

"""Market sizes and market growth rates from running prose.

'the global machine learning market is expected to reach $225.9 billion by 2030, with an annual
growth rate of 36.2%' gives a `market_size` (225.9e9 USD, year 2030, forecast) and a
`growth_rate` ('annual_growth', 36.2 percent). Growth of jobs or postings is left to `demand`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution, full_source_name
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    Sentence,
    amounts,
    block_before,
    clause_bounds,
    collect,
    figure_frame,
    find_places,
    periods,
    plain_years,
    section_heading,
    vocabulary,
)
from mlefacts.extract.salary import pay_growth
from mlefacts.extract.shares import share_cue
from mlefacts.extract.subjects import (
    MarketPart,
    main_market,
    market_mentions,
    market_noun,
    market_part,
    market_phrase,
)

NAME = "market"
VERSION = "1"

# A market is sized in millions at least; smaller amounts are prices or salaries.
_MIN_MARKET_SIZE = 1e6
# How far (characters) a growth cue may sit from its percentage.
_CUE_REACH_BEFORE = 60
_CUE_REACH_AFTER = 40
_BY_YEAR = re.compile(r"\b(?:by|until|through|till)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# 'growth of 24% to 2030': after a rate, 'to' also ends its period.
_RATE_TARGET = re.compile(
    r"^[^.;]{0,40}?\b(?:by|until|through|till|to)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)


def extract(doc: Document) -> list[Claim]:
    """Market size and growth rate claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME, needs_digit=True)


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    own = text[sentence.start : sentence.end]
    found = amounts(text, sentence.start, sentence.end)
    sizes = [a for a in found if a.is_money and a.value >= _MIN_MARKET_SIZE]
    rates = [a for a in found if a.unit == "percent"]
    if not sizes and not rates:
        return []
    named_here = market_phrase(own)
    part = market_part(own)
    earlier = (
        market_phrase(block_before(doc, sentence))
        or market_phrase(section_heading(doc, sentence.block))
        or _main_market_named(doc, own)
        or (main_market(doc) if part else None)
    )
    source = full_source_name(
        text,
        find_attribution(text, sentence.start, sentence.end, context_start=sentence.block.start),
    )
    claims: list[Claim] = []
    size_years: dict[int, int | None] = {}
    size_verbs = vocabulary("market_terms", "market", "size_verbs")
    size_subject = named_here or (earlier if size_verbs.search(own) or part else None)
    if size_subject:
        for amount in sizes:
            if named_here and not _market_reaches(text, sentence, amount):
                continue
            claim = _size_claim(text, sentence, found, amount, size_subject, size_years)
            claims.append(_attributed(_of_part(claim, part), source))
    rate_subject = _rate_subject(own, named_here, earlier)
    if rate_subject:
        for amount in rates:
            if named_here and not _market_reaches(text, sentence, amount):
                continue
            if pay_growth(text, sentence, found, amount):
                continue
            claim = _rate_claim(text, sentence, found, amount, rate_subject, size_years)
            if claim is not None:
                claims.append(_attributed(_of_part(claim, part), source))
    return claims


def _main_market_named(doc: Document, own: str) -> str | None:
    """The page's main market when the sentence says 'the market' (or 'the industry')."""
    return main_market(doc) if market_noun().search(own) else None


def _of_part(claim: Claim, part: MarketPart | None) -> Claim:
    """A figure of a segment or region keeps the whole market as subject and names the part."""
    if part is None:
        return claim
    return replace(claim, qualifiers={**claim.qualifiers, **part.qualifiers()})


def _attributed(claim: Claim, source: str | None) -> Claim:
    return replace(claim, attributed_to=source) if source else claim


def _market_reaches(text: str, sentence: Sentence, amount: Amount) -> bool:
    """Whether a market named in the sentence governs this amount.

    It does when named before the amount, or inside the amount's clause ('Growing at 38%, the
    market ...'); in 'Python adoption rose 20%, and the ML market grew 35%' it governs only 35%.
    """
    clause_start, clause_end = clause_bounds(text, sentence.start, sentence.end, amount.start)
    return any(
        sentence.start + start < amount.start or clause_start <= sentence.start + start < clause_end
        for start, _, _ in market_mentions(text[sentence.start : sentence.end])
    )


def _rate_subject(own: str, named_here: str | None, earlier: str | None) -> str | None:
    """The market a growth rate is about; None when the sentence is about jobs or pay."""
    if named_here:
        return named_here
    if vocabulary("market_terms", "demand", "words").search(own) or vocabulary(
        "salary_terms", "salary_words", "strong"
    ).search(own):
        return None
    if vocabulary("market_terms", "growth", "cagr").search(own) or vocabulary(
        "market_terms", "growth", "annual"
    ).search(own):
        return earlier
    return None


def _neighbours(found: list[Amount], amount: Amount, sentence: Sentence) -> tuple[int, int]:
    index = found.index(amount)
    start = found[index - 1].end if index else sentence.start
    stop = found[index + 1].start if index + 1 < len(found) else sentence.end
    return start, stop


def _region(subject: str, own: str) -> str | None:
    if vocabulary("market_terms", "market", "scope_global").search(subject):
        return "global"
    places = find_places(subject, "regions") + find_places(subject, "countries")
    if places:
        return places[0]
    in_sentence = find_places(own, "regions")
    return in_sentence[0] if len(in_sentence) == 1 else None


def _size_claim(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    amount: Amount,
    subject: str,
    size_years: dict[int, int | None],
) -> Claim:
    start, stop = _neighbours(found, amount, sentence)
    before = text[start : amount.start]
    after_years = plain_years(text, amount.end, stop, skip=found)
    before_years = plain_years(text, start, amount.start, skip=found)
    year = after_years[0][1] if after_years else (before_years[-1][1] if before_years else None)
    by_year = bool(after_years) and bool(_BY_YEAR.search(text[amount.end : after_years[0][0]]))
    qualifiers: dict[str, Any] = {}
    if vocabulary("market_terms", "forecast", "past_cues").search(before):
        qualifiers["forecast"] = False
    elif vocabulary("market_terms", "forecast", "cues").search(before) or by_year:
        qualifiers["forecast"] = True
    earlier_years = [y for y in size_years.values() if y is not None and year and y < year]
    if earlier_years:
        qualifiers["base_year"] = max(earlier_years)
    region = _region(subject, text[sentence.start : sentence.end])
    if region:
        qualifiers["region"] = region
    size_years[amount.start] = year
    return Claim(
        kind="market_size",
        subject=subject,
        attribute="market_size",
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
    )


def _rate_claim(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    amount: Amount,
    subject: str,
    size_years: dict[int, int | None],
) -> Claim | None:
    index = found.index(amount)
    start, stop = _neighbours(found, amount, sentence)
    near = text[
        max(start, amount.start - _CUE_REACH_BEFORE) : min(stop, amount.end + _CUE_REACH_AFTER)
    ]
    cagr = vocabulary("market_terms", "growth", "cagr").search(near)
    annual = vocabulary("market_terms", "growth", "annual").search(near)
    grows = vocabulary("market_terms", "growth", "words").search(near)
    if not (cagr or annual or grows):
        return None
    if share_cue(text, figure_frame(text, sentence.start, sentence.end, found, index), amount):
        return None
    own = text[sentence.start : sentence.end]
    qualifiers: dict[str, Any] = {}
    year = None
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
        elif known:
            year = known[-1]
        elif following:
            year = following[0][1]
    if vocabulary("market_terms", "forecast", "cues").search(own):
        qualifiers["forecast"] = True
    region = _region(subject, own)
    if region:
        qualifiers["region"] = region
    return Claim(
        kind="growth_rate",
        subject=subject,
        attribute="cagr" if cagr else "annual_growth",
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        value=amount.value,
        figure_start=amount.start,
        figure_end=amount.end,
        value_high=amount.value_high,
        unit="percent",
        year=year,
        qualifiers=qualifiers,
    )

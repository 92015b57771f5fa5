"""The same count stated again in its sentence without its noun: at an earlier time ('48,600
open roles, up from 39,200 a year earlier'), at a later one ('doubled from 40,000 in 2018 to
72,000 by 2019'), as the total it brings its kind to ('15 new unicorns, bringing the global
total to 302'), for a place ('230K jobs worldwide ..., and over 96K in the U.S. alone') or
for a second verb ('create 14 million jobs and displace 6 million').

Each restated figure keeps the first count's kind, subject and source, with its own year (and
place); `counts` asks after each bare number its own words do not explain.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from mlefacts.extract.claim import Claim
from mlefacts.extract.context import Amount, find_city, plain_years, single_country
from mlefacts.months import month_alternation
from mlefacts.normalize.quantities import month_names, optional_hedge
from mlefacts.toml_files import load_data

# Words between two figures that hold no other figure: years, quarters ('Q1 2025') and days of a
# month ('on 2 February 2026', 'Feb. 2') allowed.
_MONTH = rf"{month_alternation()}\.?"
_NO_FIGURE = (
    rf"(?:\b{_MONTH}\s\d{{1,2}}\b|[^.;%\d]|(?<!\d)(?:19|20)\d\d(?!\d)|\b[QH][1-4]\b"
    rf"|\b\d{{1,2}}(?=\s+{_MONTH}))"
)


def restatement(
    text: str, previous: Claim, amount: Amount, end: int, *, ahead: bool = False
) -> Claim | None:
    """`previous`'s count stated again as `amount` (the sentence ends at `end`), or None; in a
    sentence that looks ahead (`ahead`: 'is projected to rise from 181,200 to 232,700') the
    level a change reaches is a forecast."""
    later = _later_value(text, previous, amount, end)
    if later is not None and ahead:
        return replace(later, qualifiers={**later.qualifiers, "forecast": True})
    return (
        _earlier_value(text, previous, amount)
        or later
        or _moved_to(text, previous, amount, end)
        or _foreseen(text, previous, amount, end)
        or _new_total(text, previous, amount)
        or _elsewhere(text, previous, amount, end)
        or _next_place(text, previous, amount)
        or _second_verb(text, previous, amount)
    )


def _later_value(text: str, previous: Claim, amount: Amount, end: int) -> Claim | None:
    """The same count at a later time, after a change from an earlier one: 'AI professionals
    doubled from 40,000 in 2018 to 72,000 by the end of 2019' (the year stated right after)."""
    if previous.figure_start is None or previous.figure_end is None:
        return None
    if not (
        starts_from(text, previous.figure_start)
        and _patterns()["to"].fullmatch(text, previous.figure_end, amount.start)
    ):
        return None
    years = plain_years(text, amount.end, min(end, amount.end + _YEAR_REACH), skip=[])
    return _restated(previous, amount, years[0][1] if years else None)


def starts_from(text: str, at: int) -> bool:
    """Whether the figure at `at` is the level a change starts from ('rose from 40,000',
    'is projected to rise from about 181,200'): 'from' right before it, a hedge allowed."""
    return bool(_patterns()["from"].search(text, max(0, at - 40), at))


def _moved_to(text: str, previous: Claim, amount: Amount, end: int) -> Claim | None:
    """The same count after it moved: 'vacancies peaked at 1,430 in October 2025, then eased to
    roughly 1,150 by mid-December' (the year stated after it, else the count's own)."""
    if previous.figure_end is None or not _patterns()["moved"].fullmatch(
        text, previous.figure_end, amount.start
    ):
        return None
    years = plain_years(text, amount.end, min(end, amount.end + _YEAR_REACH), skip=[])
    return _restated(previous, amount, years[0][1] if years else previous.year)


def _foreseen(text: str, previous: Claim, amount: Amount, end: int) -> Claim | None:
    """The same count foreseen for a later year: 'the region employed about 41,000 ML engineers
    in 2025 and will need 120,000 by 2030' (a forecast, of the year stated after it)."""
    if previous.figure_end is None or not _patterns()["foreseen"].fullmatch(
        text, previous.figure_end, amount.start
    ):
        return None
    years = plain_years(text, amount.end, min(end, amount.end + _YEAR_REACH), skip=[])
    if not years:
        return None
    later = _restated(previous, amount, years[0][1])
    return replace(later, qualifiers={**later.qualifiers, "forecast": True})


def _elsewhere(text: str, previous: Claim, amount: Amount, end: int) -> Claim | None:
    """The same count in a place, said after it without its noun: '230K jobs worldwide that
    list machine learning, and over 118K in the U.S. alone' (the country's)."""
    if previous.figure_end is None or not _patterns()["and"].fullmatch(
        text, previous.figure_end, amount.start
    ):
        return None
    place = _IN_PLACE.match(text, amount.end, end)
    country = single_country(place.group()) if place else None
    if country is None:
        return None
    return _placed(_restated(previous, amount, previous.year), "country", country)


def _next_place(text: str, previous: Claim, amount: Amount) -> Claim | None:
    """The same count for the next city of a list that leaves its verb and noun out: 'Austin
    had 29,800 tech listings, Denver 27,100 and Boston 21,450' (each its own city)."""
    if previous.figure_end is None or "city" not in previous.qualifiers:
        return None
    gap = _NEXT_PLACE.fullmatch(text, previous.figure_end, amount.start)
    city = find_city(gap["place"]) if gap else None
    if city is not None and not gap["place"].startswith(city):
        city = None  # 'Boston's population grew by 12,000': no place's count
    if city is None or city == previous.qualifiers["city"]:
        return None
    return _placed(_restated(previous, amount, previous.year), "city", city)


_PLACES = ("city", "country", "region")


def _placed(claim: Claim, key: str, place: str) -> Claim:
    """A restated count in its own place, instead of the place the first count was in."""
    qualifiers = {k: v for k, v in claim.qualifiers.items() if k not in _PLACES}
    return replace(claim, qualifiers={**qualifiers, key: place})


# The rest of a count's phrase, then the next place: ' tech listings, Denver ', ' and Boston '.
_NEXT_PLACE = re.compile(
    r"[^.;:\d]*?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.]{1,4})?)\s+"
)
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}")


def _second_verb(text: str, previous: Claim, amount: Amount) -> Claim | None:
    """The same noun counted for a second verb that leaves it out: 'AI is expected to create
    14 million jobs and displace 6 million by 2030', '... 78 million jobs worldwide by 2030
    while displacing 41 million' (the jobs displaced, the count's year)."""
    if previous.figure_end is None or not _patterns()["second_verb"].fullmatch(
        text, previous.figure_end, amount.start
    ):
        return None
    return _restated(previous, amount, previous.year)


def _new_total(text: str, previous: Claim, amount: Amount) -> Claim | None:
    """The total a count brings its kind to: '15 new unicorns were minted in 2025, bringing
    the global total to 302' (the same subject and year)."""
    if previous.figure_end is None or not _patterns()["total"].fullmatch(
        text, previous.figure_end, amount.start
    ):
        return None
    return _restated(previous, amount, previous.year)


def _restated(previous: Claim, amount: Amount, year: int | None) -> Claim:
    """`previous`'s count stated again for another time: the same kind, subject and sources."""
    qualifiers = {k: v for k, v in previous.qualifiers.items() if k != "bound"}
    return Claim.from_amount(
        amount,
        kind=previous.kind,
        subject=previous.subject,
        attribute=previous.attribute,
        char_start=previous.char_start,
        char_end=previous.char_end,
        extractor=previous.extractor,
        unit="count",
        year=year,
        qualifiers=qualifiers,
        attributed_to=previous.attributed_to,
    )


# How far after a later count its year may be stated ('to 72,000 by the end of 2019').
_YEAR_REACH = 30


def _earlier_value(text: str, previous: Claim, amount: Amount) -> Claim | None:
    """The same count at an earlier time, stated right after it: '48,600 open roles, up from
    39,200 a year earlier' or 'twelve months earlier' (the year before the count's), '... down
    from 9,800 in 2023', '... reached 118,000 in 2025, compared with just 4,100 in 2019'."""
    if previous.figure_end is None or not _patterns()["earlier"].match(
        text[previous.figure_end : amount.start]
    ):
        return None
    after = _EARLIER_WHEN.match(text, amount.end)
    if after is None:
        return None
    if after["year"]:
        year: int | None = int(after["year"])
    elif after["quarter"]:
        year = previous.year
    else:
        year = previous.year - 1 if previous.year else None
    return _restated(previous, amount, year)


_EARLIER_WHEN = re.compile(
    # ('a year' may already be read as the figure's period: '39,200 a year' + ' earlier')
    r"\s+(?:(?:(?:a|one)\s+year\s+|(?:twelve|12)\s+months\s+)?(?:earlier|before|ago)|last\s+year"
    r"|in\s+(?:(?:Q[1-4]|H[12]|the\s+"
    r"(?:(?:first|second|third|fourth)\s+(?:quarter|half)|same\s+(?:quarter|half|month|period))"
    rf"\s+of|{_MONTH})\s+)?(?P<year>(?:19|20)\d\d)"  # '... up from 455,000 in June 2024'
    # an earlier quarter of the count's own year: '612 ... in Q3 2025, up from 540 in Q2'
    r"|in\s+(?P<quarter>Q[1-4]|H[12])\b)",
    re.IGNORECASE,
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """What stands between a count and its restatement, a hedge ('about', 'more than':
    `quantity_words.toml` `hedges`) allowed before the restated figure: 'from' before the
    earlier count, ' to ' before the later one ('from 40,000 in 2018 to 72,000'); ', and' before
    a place's ('..., and over 96K in the U.S.'); 'and displace' before a second verb's;
    'bringing the total to' before a total;
    'up from' or 'compared with (just)' before an earlier count."""
    hedge = optional_hedge()
    economy = "|".join(map(re.escape, load_data("count_terms")["economy_verbs"]))
    # 'in 2024', 'in January 2024', 'in May', 'in Q1 2025'
    dated = (
        rf"in\s+(?:(?:{month_names()})\.?(?:\s+(?:19|20)\d\d)?|(?:Q[1-4]\s+)?(?:19|20)\d\d"
        r"|Q[1-4])"
    )
    return {
        "from": re.compile(rf"\bfrom\s+{hedge}\Z", re.IGNORECASE),
        "to": re.compile(
            rf"(?:\s+(?:{dated}|(?:(?:a|one)\s+year\s+)?(?:earlier|before|ago)|last\s+year))?"
            rf",?\s+to\s+{hedge}",
            re.IGNORECASE,
        ),
        "and": re.compile(
            _NO_FIGURE + rf"{{0,120}}?,?\s+(?:and|while|with|including)\s+(?:another\s+|{hedge})",
            re.IGNORECASE,
        ),
        # ' jobs and displace ', ' jobs worldwide by 2030 while displacing ' (`count_terms`
        # `economy_verbs`)
        "second_verb": re.compile(
            rf"\s+[\w-]+(?:\s+[\w-]+){{0,4}}?,?\s+(?:and|while|but|whereas)\s+(?:{economy})\s+"
            rf"{hedge}",
            re.IGNORECASE,
        ),
        "total": re.compile(
            _NO_FIGURE + r"{0,80}?\b(?:bringing|taking|lifting|pushing)\s+(?:the|its|their)\s+"
            rf"(?:\w+\s+)?(?:total|tally|count|number)\s+to\s+{hedge}",
            re.IGNORECASE,
        ),
        # ' machine learning engineers in 2025 and will need ', ', but is expected to reach '
        "foreseen": re.compile(
            _NO_FIGURE + r"{0,60}?,?\s+(?:and|but|yet)\s+(?:will|would|could|is\s+expected\s+to"
            r"|are\s+expected\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:need|require|reach|"
            rf"employ|top|exceed|hit)\s+{hedge}",
            re.IGNORECASE,
        ),
        "moved": re.compile(
            _NO_FIGURE + r"{0,60}?,?\s+(?:then\s+|before\s+|and\s+)?(?:eased|fell|dropped|declined|"
            r"slipped|rose|climbed|grew|jumped|recovered|settled)\s+(?:back\s+)?to\s+"
            rf"{hedge}",
            re.IGNORECASE,
        ),
        "earlier": re.compile(
            _NO_FIGURE
            + r"{0,120}?[,(]?\s*(?:(?:up|down)\s+from|compared\s+(?:with|to)|against)\s+"
            + rf"(?:(?:just|only)\s+)?{hedge}$",
            re.IGNORECASE,
        ),
    }

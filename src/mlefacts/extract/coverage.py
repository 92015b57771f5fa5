"""Every figure a document states, and what became of it: claimed, or skipped with a reason.

Extraction reads figures inside frames (sentences, table rows, list items, cards); a figure no
frame turned into a claim would otherwise vanish without a trace. This audit scans the whole text
once with the same figure scanner, matches each figure to the claims whose quote holds it and
whose value is its value, and gives every other figure a reason code, so a user can see what a
page states that the pipeline did not understand (`mlefacts figures --unclaimed`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from mlefacts.document.boilerplate import quotes_earlier
from mlefacts.document.model import Document, Span
from mlefacts.document.sentences import sentence_spans
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import Skip, phrase_alternation
from mlefacts.normalize._data import alternation
from mlefacts.normalize.quantities import (
    Quantity,
    find_quantities,
    find_unread_figures,
    hedge_words,
)
from mlefacts.toml_files import load_data

_PHONE_SHAPE = re.compile(r"^\+?[\d\s().\-\u2010-\u2013]{7,}$")
_DATE_SHAPE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")
_DOTTED = re.compile(r"^\d+(\.\d+){2,}$")
_LIST_MARKER = re.compile(r"[.)]\s")
_META_SEPARATOR = re.compile(r"[·•|]")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a document: where it is, what it reads as, and what became of it.

    `claims` holds the indices (into the claims list the audit was given) of the claims that
    state it; `reason` is set exactly when it has none. A figure the scanner could only read by
    guessing (an `ambiguous` amount such as 'KWD 1,250') has no value.
    """

    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    claims: tuple[int, ...]
    reason: str | None

    @property
    def figure_type(self) -> str:
        """'money', 'percent', or the unit ('ratio', 'count'...), 'number' when it has none."""
        if self.value is None:  # unread by the scanner: only amounts of money are left so
            return "money"
        return figure_type(self.unit)


def figure_type(unit: str | None) -> str:
    """The family of a figure by its unit.

    >>> figure_type("USD"), figure_type("percent"), figure_type(None)
    ('money', 'percent', 'number')
    """
    if unit is None:
        return "number"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return unit


def audit_figures(doc: Document, claims: list[Claim], skips: Sequence[Skip] = ()) -> list[Figure]:
    """Each figure in `doc.text` once, in text order, claimed or skipped with a reason.

    `skips` are the extractors' own reasons for figures they read but did not claim
    (`no_subject`, `ambiguous`...); they win over the audit's rules, site chrome excepted.
    """
    quantities = find_quantities(doc.text)
    unread = [
        Figure(f.start, f.end, None, None, None, claims=(), reason=f.reason)
        for f in find_unread_figures(doc.text)
    ]
    if not quantities:
        return unread
    by_value = _index_by_value(claims)
    navigation = [(b.start, b.end) for b in doc.blocks if b.boilerplate]
    nav_starts = [start for start, _ in navigation]
    figures = []
    for quantity in quantities:
        if _is_list_marker(doc.text, quantity):
            continue
        stated_by = _claims_stating(quantity, by_value)
        reason = None
        if not stated_by:
            reason = _extractor_reason(quantity, skips) or _skip_reason(
                doc.text, quantity, navigation, nav_starts
            )
        figures.append(
            Figure(
                start=quantity.start,
                end=quantity.end,
                value=quantity.value,
                value_high=quantity.value_high,
                unit=quantity.unit,
                claims=stated_by,
                reason=reason,
            )
        )
    return sorted(figures + unread, key=lambda f: (f.start, f.end))


def _is_list_marker(text: str, quantity: Quantity) -> bool:
    """'2. Deploy models': an ordinal that numbers a list item is layout, not a stated figure."""
    if quantity.unit is not None or quantity.value_high is not None:
        return False
    line_start = text.rfind("\n", 0, quantity.start) + 1
    return (
        not text[line_start : quantity.start].strip()
        and _LIST_MARKER.match(text, quantity.end) is not None
    )


def _claims_stating(
    quantity: Quantity, by_value: dict[str, list[tuple[int, Claim]]]
) -> tuple[int, ...]:
    """The claims whose quote holds the figure and whose value (or upper bound) is its value."""
    found = set()
    for value in (quantity.value, quantity.value_high):
        for index, claim in by_value.get(_value_key(value), ()):
            if claim.char_start <= quantity.start and quantity.end <= claim.char_end:
                found.add(index)
    return tuple(sorted(found))


def _index_by_value(claims: list[Claim]) -> dict[str, list[tuple[int, Claim]]]:
    """Claims by each value they state, so matching a figure is a lookup, not a scan."""
    by_value: dict[str, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(claims):
        for value in {claim.value, claim.value_high} - {None}:
            by_value.setdefault(_value_key(value), []).append((index, claim))
    return by_value


def _value_key(value: float | None) -> str:
    """Equal figures from the one scanner give equal keys (9 significant digits)."""
    return "" if value is None else f"{value:.9g}"


def _extractor_reason(quantity: Quantity, skips: Sequence[Skip]) -> str | None:
    """The reason an extractor gave for this figure: a skip whose span overlaps it."""
    for skip in skips:
        if skip.char_start < quantity.end and quantity.start < skip.char_end:
            return skip.reason if skip.reason != "navigation" else None
    return None


def _skip_reason(
    text: str, quantity: Quantity, navigation: list[tuple[int, int]], nav_starts: list[int]
) -> str:
    """The first rule that explains why nobody claimed this figure; `unread` when none does."""
    index = bisect_right(nav_starts, quantity.start) - 1
    if index >= 0 and navigation[index][1] >= quantity.end:
        start, end = navigation[index]
        return "restated" if quotes_earlier(text, start, end) else "navigation"
    raw = text[quantity.start : quantity.end].strip()
    if quantity.unit is None and (
        _DATE_SHAPE.match(raw) or _relative_date().match(text, quantity.end)
    ):
        return "date"
    before = text[max(0, quantity.start - 40) : quantity.start]
    if quantity.unit is None:
        if _PHONE_SHAPE.match(raw) and sum(c.isdigit() for c in raw) >= 8:
            return "phone"
        if reason_cues("phone").search(before):
            return "phone"
        if _DOTTED.match(raw) or _is_version(before, raw):
            return "version_number"
    if quantity.unit is None and page_activity(text, quantity.start, quantity.end):
        return "page_activity"
    if figure_type(quantity.unit) == "money" and reason_cues("price_of_product").search(
        _sentence_at(text, quantity.start) or raw
    ):
        return "price_of_product"
    if quantity.unit == "percent" and (
        method_weight(text, quantity.start) or sum_remark(text, quantity.start, quantity.value)
    ):
        return "other"
    return "unread"


def sum_remark(text: str, position: int, value: float) -> bool:
    """Whether the percentage at `position` says what a breakdown's parts come to ('shares add
    up to more than 100%', 'sums to 100%'): a remark on the page's figures, not a fact.

    >>> sum_remark("answers allowed, so shares add up to more than 100%.", 37, 100.0)
    True
    >>> sum_remark("so the shares add up to well over 100%.", 34, 100.0)
    True
    >>> sum_remark("Women total 23% of respondents.", 12, 23.0)
    False
    """
    if abs(value - 100) > _WEIGHTS_ADD_UP[1] - 100:
        return False
    before = text[max(0, position - _SUM_REACH) : position]
    verb = _sum_verb().search(before)
    # 'add up to well over 100%' only of shares ('so the percentages add up to ...'), not of
    # a change ('the gains in postings added up to just over 100%')
    return verb is not None and (not verb["hedge"] or _SHARES_SUMMED.search(before) is not None)


# What a breakdown's remark says adds up: its percentages, shares or answers.
_SHARES_SUMMED = re.compile(
    r"\b(?:percentages|shares|answers|responses|totals|figures|options)\b", re.IGNORECASE
)


# How far before the percentage its verb may end ('add up to more than ').
_SUM_REACH = 40


@cache
def _sum_verb() -> re.Pattern[str]:
    verbs = phrase_alternation(load_data("figure_reasons")["sum_remark"]["cues"])
    return re.compile(
        rf"\b(?:{verbs})\s+(?P<hedge>(?:well|far|much|slightly|just|a\s+(?:little|bit))\s+)?"
        r"(?:(?:more|less|fewer)\s+than\s+|over\s+|under\s+|above\s+|roughly\s+|about\s+)?$",
        re.IGNORECASE,
    )


# A percentage in brackets after what it weighs, or set 'at' it: 'Pay (40%)', 'salary at 40%'.
# (how the form opens right before the percentage, the form, and whether a verb of weighting
# must come before the run: 'salary at 40%' alone is a level, 'weight salary at 40%' a weight)
_WEIGHT_FORMS = (
    (re.compile(r"\(\s*$"), re.compile(r"\((\d{1,3}(?:\.\d+)?)\s?%\)"), False),
    (re.compile(r"\bat\s+$"), re.compile(r"\bat\s+(\d{1,3}(?:\.\d+)?)\s?%"), True),
)
_WEIGHTING = re.compile(r"\bweight(?:s|ed|ing)?\b", re.IGNORECASE)
_WEIGHTS_ADD_UP = (99.5, 100.5)


def method_weight(text: str, position: int) -> bool:
    """Whether the percentage at `position`, in brackets or set 'at', weighs a part of a
    scoring method: its sentence sets two or more such percentages that add up to 100 beside a
    word of scoring ('Pay (40%), open roles (35%) and three-year growth (25%), each converted
    to a 0-100 scale', 'Scores weight salary at 40%, openings at 30% and growth at 30%'). They
    say how a ranking was made, not a fact of the field.

    >>> s = "Pay (40%), open roles (35%) and growth (25%) are weighted."
    >>> method_weight(s, 5), method_weight("Remote (40%), hybrid (35%), office (25%).", 8)
    (True, False)
    >>> method_weight("Scores weight salary at 40%, openings at 30% and growth at 30%.", 24)
    True
    >>> s = "On the satisfaction scale, 'very' stood at 40%, 'fairly' at 35% and 'not' at 25%."
    >>> method_weight(s, s.index("40%"))
    False
    """
    before = text[max(0, position - 4) : position]
    for opens, form, weighed in _WEIGHT_FORMS:
        if not opens.search(before):
            continue
        sentence = _sentence_at(text, position) or ""
        weights = [float(m.group(1)) for m in form.finditer(sentence)]
        low, high = _WEIGHTS_ADD_UP
        return (
            len(weights) >= 2
            and low <= sum(weights) <= high
            and reason_cues("method_weight").search(sentence) is not None
            and (not weighed or _WEIGHTING.search(sentence) is not None)
        )
    return False


def page_activity(text: str, start: int, end: int) -> bool:
    """Whether the number `text[start:end]` counts a posting's or page's own activity: an
    activity noun right after it ('57 applicants', '120 views') in a meta line, one with a
    cue ('Posted 3 days ago'), a separator ('·', '|') or nothing but the count ('Over 200
    applicants'). '1,284 applications for 37 vacancies' in a sentence is a fact, not activity.

    The noun may label the number instead ('Applicants: 212'), and in a posting's meta line
    with a cue ('Posted: 2 weeks ago | Openings: 2') so may the posting's own openings.

    >>> line = "Posted 3 days ago · 57 applicants"
    >>> page_activity(line, 20, 22), page_activity("We received 57 applicants for it.", 12, 14)
    (True, False)
    >>> line = "Posted: 2 weeks ago | Openings: 2 | Applicants: 212"
    >>> page_activity(line, 32, 33), page_activity(line, 48, 51)
    (True, True)
    >>> page_activity("Ads were up 18% on the year. See 312 jobs", 33, 36)
    True
    >>> page_activity("[View 214 more data points →](#)", 6, 9)
    True
    >>> page_activity("See the full list of 25 jobs →", 21, 23)
    True
    >>> page_activity("← Back to results (23 jobs)", 19, 21)
    True
    >>> line = "Experience: 2 - 5 years  |  CTC: ₹18 - 28 LPA  |  Openings: 3"
    >>> page_activity(line, 60, 61)
    True
    >>> line = "Median salary: $160,000 | Growth: 12% | Openings: 4,300"
    >>> page_activity(line, 51, 56), page_activity("« En 2024, 12 000 ingénieurs »", 11, 17)
    (False, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if _CALL_TO_ACTION.search(text, max(line_start, start - _CALL_REACH), start):
        return True  # a link's or button's 'See 312 jobs', 'View all 1,240 openings'
    if _BACK_LINK.match(text, line_start, start):
        return True  # '← Back to results (23 jobs)': the way back to a list of postings
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    labelled = _ACTIVITY_LABEL.search(text[line_start:start])
    if labelled and (
        _activity_nouns().fullmatch(labelled.group("noun"))
        or reason_cues("page_activity").search(line)
        # a posting's header line of its terms ('Experience: 2 - 5 years | CTC: ₹18 - 28 LPA |
        # Openings: 3'): the posting's own openings
        or len(_POSTING_FIELD.findall(line)) >= _POSTING_FIELDS
    ):
        return bool(_META_SEPARATOR.search(line) or reason_cues("page_activity").search(line))
    noun = _activity_nouns().match(text, end)
    if noun is None:
        return False
    rest = (text[line_start:start] + text[noun.end() : line_start + len(line)]).strip(" +:.")
    return bool(
        _META_SEPARATOR.search(line)
        or reason_cues("page_activity").search(line)
        or not rest
        or _activity_hedge().fullmatch(rest)
    )


# A call to action right before a number, a capitalised button word: the site's own listings
# a link or button leads to ('See 312 jobs', 'Post a job in 60 seconds Browse 9,214 jobs', a
# markdown link's '[View 214 more data points →](#)', '[Compare 3 companies side by side](#)').
_CALL_TO_ACTION = re.compile(
    r"(?:^|[.!?]?\s+|[·•|]\s*|\[)(?:See|View|Browse|Show|Explore|Search|Compare|Load)\s+"
    # ('See the full list of 25 jobs →')
    r"(?:all\s+)?(?:the\s+)?(?:(?:full|complete|whole)\s+(?:list|ranking)\s+of\s+)?\Z",
    re.MULTILINE,
)
_CALL_REACH = 36
# A posting's term, labelled in its header line: 'Experience: ', '| CTC: ', '| Location: '.
_POSTING_FIELD = re.compile(
    r"(?:^|[·•|]\s*)(?:experience|ctc|location|job\s+(?:id|type)|employment\s+type|work\s+mode|"
    r"notice\s+period|openings|vacancies|positions)\s*:\s",
    re.IGNORECASE | re.MULTILINE,
)
_POSTING_FIELDS = 3
# A back link's line: '← Back to results (', '← All open roles ('.
_BACK_LINK = re.compile(r"\s*(?:←|&larr;)\s*(?:back|all|return)\b[^\n.!?]{0,40}$", re.I)


@cache
def _activity_hedge() -> re.Pattern[str]:
    """A hedge alone beside an activity count: 'over 200 applicants', 'up to 50 openings'."""
    return re.compile(rf"{hedge_words()}|(?i:up\s+to)")


# A meta line's label right before its number: 'Applicants: ', '| Openings: '.
_ACTIVITY_LABEL = re.compile(
    r"(?:^|[·•|]\s*)(?P<noun>applicants|applications|views|openings|positions|vacancies)\s*:\s*\Z",
    re.IGNORECASE,
)


@cache
def _relative_date() -> re.Pattern[str]:
    """'3 days ago', '2 wks ago': a number of time units before 'ago'."""
    units = load_data("figure_reasons")["date"]["relative_units"]
    return re.compile(rf"\s*{alternation(units, ignore_case=True)}\.?\s+(?i:ago)\b")


@cache
def _activity_nouns() -> re.Pattern[str]:
    nouns = load_data("figure_reasons")["page_activity"]["nouns"]
    return re.compile(rf"\+?\s*{alternation(nouns, ignore_case=True)}\b")


def _sentence_at(text: str, position: int) -> str | None:
    """The sentence of the whole text that starts last at or before `position` (split only for
    the few figures that need it)."""
    sentences, starts = _whole_text_sentences(text)
    where = bisect_right(starts, position) - 1
    return text[sentences[where].start : sentences[where].end] if where >= 0 else None


@lru_cache(maxsize=8)
def _whole_text_sentences(text: str) -> tuple[list[Span], list[int]]:
    sentences = sentence_spans(text)
    return sentences, [s.start for s in sentences]


def _is_version(before: str, raw: str) -> bool:
    """'v2.1', 'GPT-4', 'version 3.5', 'Spark 3.5': a number naming a release, not an amount."""
    if before[-1:].isalpha() or before.endswith("-") and before[-2:-1].isalpha():
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if reason_cues("version_number").fullmatch(last.rstrip(":")):
        return True
    return "." in raw and last[:1].isupper() and last.isalpha() and before.endswith(" ")


@cache
def reason_cues(reason: str) -> re.Pattern[str]:
    """The cue words of a skip reason in `data/figure_reasons.toml`, as one pattern."""
    cues = load_data("figure_reasons")[reason]["cues"]
    return re.compile(rf"\b{alternation(cues, ignore_case=True)}\b")


def claimed_share(figures: list[Figure]) -> tuple[int, int]:
    """(claimed, total) over the money and percentage figures: the run's coverage line."""
    counted = [f for f in figures if f.figure_type in {"money", "percent"}]
    return sum(1 for f in counted if f.claims), len(counted)

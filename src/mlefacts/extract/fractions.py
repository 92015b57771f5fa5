"""Shares written in words: 'two-thirds of respondents', 'one in four engineers', 'three out of
five', 'nearly half', 'forty percent'.

Survey write-ups state many shares without a digit. Each such phrase is read as a percentage
`Amount` spanning its words (so a claim's figure and quote cover them), and `shares` then reads
it like any written percentage: it becomes a share only when its own clause says what it is a
share of. A fraction restated by a figure beside it ('nearly half (47%)', '53%, or more than
half,') is left to that figure, so one fact gives one claim. The words live in
`data/share_terms.toml` (`fractions`) and `data/market_terms.toml` (`numbers`).
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.extract.context import Amount
from mlefacts.extract.cues import Keys, declare, has_digit, holding, word_keys
from mlefacts.normalize._data import alternation, gated
from mlefacts.normalize.numbers import cardinal_pattern, cardinal_value, cardinal_words
from mlefacts.normalize.quantities import hedge_words
from mlefacts.normalize.text import vocabulary_key
from mlefacts.toml_files import load_data

_PERCENT_WORD = r"(?:percent|per\s+cent|per-cent)"


# A figure right before or after that states the same share: 'nearly half (47%)', '(47%) of',
# 'half of respondents (53%)', '53%, or more than half,', 'a third, or 33%,'.
@cache
def _figure_after() -> re.Pattern[str]:
    return re.compile(
        rf"[^,;()\d]{{0,60}}?(?:\(\s*|,\s*or\s+|[—–]\s*)(?:(?:{hedge_words()}|exactly)\s+)?"
        rf"\d[\d.,]*\s*(?:%|{_PERCENT_WORD})",
        re.IGNORECASE,
    )


_FIGURE_BEFORE = re.compile(
    r"\d\s*(?:%|" + _PERCENT_WORD + r")\s*(?:\(|,|[—–])\s*(?:or\s+)?[^\d(),;]{0,24}$",
    re.IGNORECASE,
)
# What 'N in M' holds when N is written in digits: a quick test that opens with a digit, which
# the regex engine looks for in its own loop.
_DIGITS_IN = re.compile(r"\d\s+(?:in|out\s+of)\s", re.IGNORECASE)
# 'the first half of 2025', 'the second quarter': a part of a period, not of a whole.
_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|final|last|latter|former|back|front|other"
    # a part of a spread, not a share: 'the middle half of engineers earn between ...'
    r"|middle|top|bottom|upper|lower)[\s-]+$",
    re.IGNORECASE,
)


@cache
def _denominators() -> dict[str, int]:
    return {word.lower(): int(n) for word, n in load_data("share_terms")["fractions"].items()}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three written forms: a fraction word, 'N in M', a number word before 'percent'."""
    cardinal = cardinal_pattern()
    parts = alternation(set(_denominators()), ignore_case=True)
    fraction = re.compile(
        rf"(?<![\w-])(?:(?P<num>{cardinal}|an?)[\s-]+)?(?P<den>{parts})(?![\w-])",
        re.IGNORECASE,
    )
    in_every = re.compile(
        rf"(?<![\w.,-])(?P<num>{cardinal}|\d{{1,2}})\s+(?:in|out\s+of)\s+"
        rf"(?P<den>{cardinal}|\d{{1,3}})(?![\w,%-]|\.\d)",  # a sentence may end right after it
        re.IGNORECASE,
    )
    percent = re.compile(rf"(?<![\w-])(?P<num>{cardinal})\s+{_PERCENT_WORD}\b", re.IGNORECASE)
    # Case-insensitive alternations tried on every sentence with a digit or a key: see `gated`.
    return gated(fraction), gated(in_every), gated(percent)


def _cardinal(words: str) -> int | None:
    """'forty-five' -> 45, 'six' -> 6, '12' -> 12, 'a' -> 1."""
    return 1 if words.lower() in ("a", "an") else cardinal_value(words)


def word_shares(text: str, start: int, end: int) -> list[Amount]:
    """The shares written in words in `text[start:end]`, as percentages, in text order.

    >>> s = "Two-thirds of respondents and one in four engineers; forty percent."
    >>> [(text, a.value) for a in word_shares(s, 0, len(s)) for text in [s[a.start : a.end]]]
    [('Two-thirds', 66.7), ('one in four', 25.0), ('forty percent', 40.0)]
    """
    # Each pattern is tried only where the words it needs are written (a number word, 'percent',
    # a fraction word; 'N in M' also with digits): most sentences hold none of them, and the
    # patterns are tried at every character of what they search.
    # One question for all the key sets: the words of every form gate the others.
    held = holding(text, start, end, _gates())
    if not held and not has_digit(text, start, end):
        return []
    fraction, in_every, percent = _patterns()
    found: list[Amount] = []
    cardinal = held & _CARDINAL
    # 'N in M' opens with a number word or digits, and its M follows 'in' or 'out of'.
    if (cardinal or _DIGITS_IN.search(text, start, end)) and _in_number().search(text, start, end):
        for match in in_every.finditer(text, start, end):
            num, den = _cardinal(match["num"]), _cardinal(match["den"])
            if num and den and num < den <= 100:
                found.append(_amount(text, match, 100 * num / den))
    if cardinal and held & _PERCENT:
        for match in percent.finditer(text, start, end):
            value = _cardinal(match["num"])
            if value is not None and value <= 100:
                found.append(_amount(text, match, float(value)))
    fractions = fraction.finditer(text, start, end) if held & _FRACTION else ()
    for match in fractions:
        den = _denominators()[vocabulary_key(match["den"])]
        num = _cardinal(match["num"]) if match["num"] else (1 if den == 2 else None)
        if not num or num >= den or _ORDINAL_BEFORE.search(text, start, match.start()):
            continue
        found.append(_amount(text, match, 100 * num / den))
    found.sort(key=lambda amount: amount.start)
    kept: list[Amount] = []
    for amount in found:
        if kept and amount.start < kept[-1].end:
            continue  # 'one in four' read once, not again as 'four' of something
        if _figure_after().match(text, amount.end, end) or _FIGURE_BEFORE.search(
            text, max(start, amount.start - 40), amount.start
        ):
            continue
        kept.append(amount)
    return kept


def _amount(text: str, match: re.Match[str], value: float) -> Amount:
    return Amount(
        match.start(),
        match.end(),
        round(value, 1),
        None,
        "percent",
        None,
        None,
        text[match.start() : match.end()],
    )


@cache
def word_share_keys() -> Keys | None:
    """Words one of which every share in words holds, each starting a word there (the patterns
    open with a lookbehind for one, and 'thirds' follows a space or a hyphen): a sentence
    without them (or a digit) cannot hold one. Counted only at a word start, 'one' and 'ten' no
    longer let in every 'someone' and 'often'."""
    return word_keys([*_denominators(), *cardinal_words(), "percent", "cent"])


@cache
def _cardinal_keys() -> Keys | None:
    """The number words, each starting a word: 'N in M' and 'N percent' open with one."""
    return word_keys(cardinal_words())


@cache
def _percent_keys() -> Keys | None:
    """'percent', 'per cent', 'per-cent': the word after a number in 'forty percent'."""
    return word_keys(["percent", "cent"])


@cache
def fraction_keys() -> Keys | None:
    """The fraction words ('half', 'thirds'), one of which every fraction ends with."""
    return word_keys(_denominators())


@cache
def _in_number() -> re.Pattern[str]:
    """What follows N in 'N in M' and 'N out of M': 'in' or 'out of', then M in words or digits
    (opening with a space, which the regex engine looks for in its own loop)."""
    return re.compile(rf"\s(?:in|out\s+of)\s+(?:{cardinal_pattern()}|\d)", re.IGNORECASE)


@cache
def _gates() -> tuple[Keys | None, ...]:
    """The key sets `word_shares` asks `cues.holding` about: every form's words, which hold
    each of the others (bits `_CARDINAL`, `_PERCENT`, `_FRACTION`)."""
    return (word_share_keys(), _cardinal_keys(), _percent_keys(), fraction_keys())


_CARDINAL, _PERCENT, _FRACTION = 2, 4, 8  # bits of a `cues.holding` answer for `_gates()`

declare(_gates)

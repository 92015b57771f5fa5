"""Find the figures an article states: money, percentages, ratios, bare numbers, years, periods.

One scanner reads every figure with what is written around it (currency before or after, scale
word, unit, pay period), then joins two figures into a range when a range connector links them.
Years are not quantities: they come from `find_years` and `find_periods`. Every vocabulary comes
from data files (scales, currencies, quantity_words, spun_synonyms), and every regex is compiled
once and anchored on a digit, so scanning is linear in the length of the text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Final, TypeVar

from mlefacts.frozen import quick_init
from mlefacts.normalize._data import UNSPACED_SCRIPTS, alternation, gated, keyed_alternation
from mlefacts.normalize.money import (
    WORD_ENDS,
    currency_code,
    currency_digits,
    currency_markers,
    prefix_pattern,
    prefix_pattern_ending,
    scaled_currency_words,
    suffix_pattern,
    suffix_starts,
)
from mlefacts.normalize.numbers import (
    SCALES,
    NumberReading,
    _scale_tables,
    apply_scale,
    cardinal_pattern,
    cardinal_value,
    general_scales,
    read_figure,
    scale_currencies,
    scale_factor,
)
from mlefacts.normalize.text import vocabulary_key
from mlefacts.toml_files import load_data

_MAX_DIGITS: Final = 30
_PREFIX_WINDOW: Final = 24
_OPENER_WINDOW: Final = 24
_YEAR_MIN: Final = 1900
_YEAR_MAX: Final = 2100
_SPACE: Final = r"[ \t\u00a0\u2009\u202f]"
_TEN_THOUSAND: Final = 1e4
_HUNDRED_MILLION: Final = 1e8
# A letter of a script written without spaces: a figure may follow it without continuing a word.
_UNSPACED_CHAR: Final = re.compile(f"[{UNSPACED_SCRIPTS}]")


@quick_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in text; `value` and `value_high` are in base units (dollars, percent).

    `bound` is 'lower' or 'upper' when the text gives the figure as a bound, not a value
    ('£160,000+', 'over $200k', 'up to 40%'); None for a plain figure or a range.
    """

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str | None
    pay_period: str | None
    scale: str | None
    raw: str
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class UnreadFigure:
    """A figure the scanner found but cannot read without guessing ('KWD 1,250': 1.25 or 1250
    dinars), so `find_quantities` leaves it out; `reason` is 'ambiguous'."""

    start: int
    end: int
    raw: str
    reason: str


@dataclass(frozen=True, slots=True)
class Period:
    """A span of years an article names ('between 2017 and 2025', 'since 2015', 'by 2027')."""

    start: int
    end: int
    year_start: int | None
    year_end: int | None
    raw: str


@quick_init
@dataclass(frozen=True, slots=True)
class _Atom:
    """One figure with its own markers, before ranges are joined."""

    start: int
    end: int
    num_start: int
    num_end: int
    number: float
    digits: str
    currency: str | None
    unit: str | None
    scale: str | None
    pay_period: str | None
    bound: str | None = None
    implied: bool = False  # its currency is its scale's ('5.5 lakh/month': INR), not written

    @property
    def is_bare(self) -> bool:
        return self.currency is None and self.unit is None and self.scale is None

    @property
    def is_year(self) -> bool:
        return (
            self.is_bare
            and self.pay_period is None
            and len(self.digits) == 4
            and self.digits.isdigit()
            and _YEAR_MIN <= int(self.digits) <= _YEAR_MAX
        )


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """data/quantity_words.toml and the spun units of data/spun_synonyms.toml, indexed."""

    units: dict[str, str]  # folded phrase -> unit ('per cent' -> 'percent')
    units_joined: dict[str, str]  # exact phrase touching the figure -> unit ('x' -> 'ratio')
    pay_periods: dict[str, str]  # folded phrase -> period ('per annum' -> 'annual')
    pay_periods_joined: dict[str, str]  # exact phrase touching a sum -> period ('pd' -> 'daily')
    pay_period_taxed: list[str]  # words between a sum and its period ('net', 'gross')
    compounds: dict[str, dict[str, str]]  # 'LPA' -> {scale, pay_period, currency}
    implied_currency: dict[str, str]  # scale name -> ISO code
    ranges: dict[str, Any]
    change_openers: frozenset[str]  # lower case: 'from 12% to 20%' is a change, not a range
    money_connectors: frozenset[str]  # lower case: 'a' joins sums only ('R$ 10 a 15 mil')
    paired: dict[str, frozenset[str]]  # lower case: 'between' -> the connectors it opens
    bounds: dict[str, str]  # folded phrase before a figure -> 'lower' or 'upper'
    bounds_joined: dict[str, str]  # exact sign right after a figure -> 'lower' or 'upper'
    periods: dict[str, Any]
    open_start: frozenset[str]  # lower case: the period words that open a span ('since 2015')
    months: list[str]
    spun_units: dict[str, dict[str, Any]]  # folded spun word -> its entry


@cache
def hedge_words() -> str:
    """A case-insensitive regex (no groups) of the words that hedge a figure written right after
    them ('about', 'nearly', 'more than'): data/quantity_words.toml `hedges`.

    >>> bool(re.fullmatch(hedge_words(), "More than"))
    True
    """
    return alternation(load_data("quantity_words")["hedges"]["before"], ignore_case=True)


@cache
def optional_hedge() -> str:
    r"""`hedge_words` and the spaces after them, optional: what may stand between the words that
    introduce a figure and the figure ('up from about ', 'on roughly ', 'to ').

    >>> [bool(re.fullmatch(rf"from\s+{optional_hedge()}", s)) for s in ("from ", "from just over ")]
    [True, True]
    """
    return rf"(?:{hedge_words()}\s+)?"


@cache
def percent_sign() -> str:
    """A case-insensitive regex (no groups) of how a percentage is marked after its digits: a
    sign ('38%') or a word ('38 percent', '38 per cent'), from data/quantity_words.toml `units`
    (not 'percentage points', a difference of two percentages).

    >>> [bool(re.fullmatch(r"\\d+\\s*" + percent_sign(), t, re.I)) for t in ("38%", "38 Per cent")]
    [True, True]
    """
    words = [w for w in load_data("quantity_words")["units"]["percent"] if "point" not in w]
    return f"(?:{alternation(words, ignore_case=True)})(?![^\\W\\d_])"


def _fold(phrase: str) -> str:
    return vocabulary_key(phrase.strip(" \t\u00a0,"))


def _phrases(section: dict[str, list[str]], *, fold: bool = True) -> dict[str, str]:
    return {
        _fold(phrase) if fold else phrase: name
        for name, phrases in section.items()
        for phrase in phrases
    }


def _lowered(words: list[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)


@cache
def _vocabulary() -> _Vocabulary:
    words = load_data("quantity_words")
    spun = load_data("spun_synonyms")["units"]
    ranges = words["ranges"]
    return _Vocabulary(
        units=_phrases(words["units"]),
        units_joined=_phrases(words["units_joined"], fold=False),
        pay_periods=_phrases(words["pay_periods"]),
        pay_periods_joined=_phrases(words["pay_periods_joined"], fold=False),
        pay_period_taxed=words["pay_period_taxed"]["words"],
        compounds=words["compound_scales"],
        implied_currency=words["implied_currency"],
        ranges=ranges,
        change_openers=_lowered(ranges["change_openers"]),
        money_connectors=_lowered(ranges["money_words"]),
        paired={opener.lower(): _lowered(joins) for opener, joins in ranges["paired"].items()},
        bounds=_phrases(
            {k: v for k, v in words["bounds"].items() if not k.endswith(("_joined", "_after"))}
        ),
        bounds_joined={sign: "lower" for sign in words["bounds"]["lower_joined"]},
        periods=words["periods"],
        open_start=_lowered(words["periods"]["open_start"]),
        months=words["dates"]["months"],
        spun_units={s.lower(): entry for entry in spun for s in entry["spun"]},
    )


def _all_phrases(section: str) -> set[str]:
    """The phrases of a quantity_words.toml section as written (the regexes fold case)."""
    return {p for phrases in load_data("quantity_words")[section].values() for p in phrases}


# Digit groups as any country writes them ("1.234,50", "52 000", "1'049", "1.250,-"); a plain
# space joins groups only when the figure turns out to be money (see `_atom`).
_LOOSE_NUMBER: Final = (
    r"\d+(?:(?:[,.'\u2019\u00a0\u2009\u202f]|[ ](?=\d{3}(?!\d)))\d+)*(?:[.,][-\u2013](?![\w\d]))?"
)
# English forms only: what a figure is read as when the loose reading says nothing.
_STRICT_NUMBER: Final = (
    r"\d(?:\d{0,2}(?:,\d{2,3})+|\d{0,2}(?:[\u00a0\u2009\u202f]\d{3})+|\d*)(?:\.\d+)?"
)


@cache
def _atom_pattern(*, loose: bool = True) -> re.Pattern[str]:
    vocab = _vocabulary()
    scale_words, scale_symbols, scale_joined = _scale_tables()
    scale = (
        rf"(?:{keyed_alternation(set(scale_words), ignore_case=True)}"
        rf"|{alternation(set(scale_symbols), ignore_case=False)})"
    )
    # a scale word hyphenated to its figure, as South African and Canadian papers write it
    # ('R1,8-million', 'a $2-billion deal')
    hyphened = rf"-{keyed_alternation(set(scale_words), ignore_case=True)}(?![\w-])"
    # a scale word a wrapped line's indentation sets apart ('EUR 6.2' / '    billion' in a
    # hanging list item, its line break read as a space)
    wrapped = rf"{_SPACE}{{2,12}}{keyed_alternation(set(scale_words), ignore_case=True)}(?![\w])"
    scales = rf"(?:{_SPACE}?{scale}(?:{_SPACE}+{scale})*(?![\w])|{wrapped}|{hyphened}"
    joined = alternation(set(scale_joined), ignore_case=False)
    # One space apart only before a currency or where no word goes on ('65 k€', '₹12 L'): see
    # `_atom`, which keeps such a scale for money only.
    periods = alternation(set(vocab.pay_periods_joined), ignore_case=False)
    scales += rf"|{joined}(?:{WORD_ENDS}|(?=(?:{periods}){WORD_ENDS}))|{_SPACE}{joined}(?![\w-]))"
    compound = alternation(set(vocab.compounds), ignore_case=False)
    units = keyed_alternation(_all_phrases("units"), ignore_case=True)
    joined_units = alternation(set(vocab.units_joined), ignore_case=False)
    spun = keyed_alternation(set(vocab.spun_units), ignore_case=True)
    suffix = suffix_pattern().pattern
    # '81.2 million won': a currency name read only after a scale word
    scaled_words = keyed_alternation(set(scaled_currency_words()), ignore_case=True)
    # Starts with a bare \d so the regex engine skips text without digits at C speed; the words
    # after a figure are keyed by their first letters, as the marker's few hundred are tried
    # after each figure that a word follows ('1,200 people').
    number = _LOOSE_NUMBER if loose else _STRICT_NUMBER
    signs = re.escape("".join(sorted(ch for ch in suffix_starts() if not ch.isalnum())))
    return re.compile(
        rf"(?P<num>{number})(?!\d|[.,]\d)"
        # Only try the many markers when a letter or a sign follows: most figures end here.
        rf"(?:(?={_SPACE}{{0,12}}(?:[^\W\d_]|[%％×\-–{signs}]))(?:{_SPACE}?(?P<compound>{compound})"
        rf"|(?P<unit>{_SPACE}?{units}|{joined_units})"
        rf"|{_SPACE}(?P<spun>{spun})"
        rf"|(?P<scale>{scales})"
        rf"(?:{_SPACE}?(?P<compound2>{compound})|(?P<suffix2>{suffix})|(?P<period2>{periods})"
        rf"|{_SPACE}(?P<scaled>{scaled_words})(?![\w$]))?"
        rf"|(?P<suffix>{suffix})"
        rf"|(?P<period>{periods})"
        rf"))?{WORD_ENDS}"
    )


@cache
def _pay_period_pattern() -> re.Pattern[str]:
    """A pay period after a sum, maybe after the word that says the sum is before or after
    tax ('26 000 PLN net/month', '€5,200 gross per month')."""
    periods = keyed_alternation(_all_phrases("pay_periods"), ignore_case=True)
    taxed = keyed_alternation(_vocabulary().pay_period_taxed, ignore_case=True)
    return re.compile(
        rf"{_SPACE}*,?{_SPACE}*(?:(?:{taxed}){_SPACE}*)?(?P<period>{periods})(?![\w])"
    )


@cache
def _spun_context_pattern() -> re.Pattern[str]:
    words = {w for entry in load_data("spun_synonyms")["units"] for w in entry["context"]}
    return re.compile(rf"\b{alternation(words, ignore_case=True)}\b")


@cache
def _connector_pattern() -> re.Pattern[str]:
    ranges = _vocabulary().ranges
    dashes = alternation(set(ranges["dashes"]) | set(ranges["unspaced"]), ignore_case=False)
    paired = {word for words in ranges["paired"].values() for word in words}
    words = set(ranges["words"]) | set(ranges["money_words"]) | paired
    return re.compile(
        rf"{_SPACE}*(?:(?P<dash>{dashes})|(?P<word>{keyed_alternation(words, ignore_case=True)})"
        rf"(?=\s)(?:{_SPACE}+{_articles()}(?=\s))?){_SPACE}*"
    )


def _articles() -> str:
    """The articles a Spanish or Portuguese range puts before each end ('entre los 55.000 y los
    75.000 euros')."""
    return alternation(set(_vocabulary().ranges["articles"]), ignore_case=True)


@cache
def _opener_pattern() -> re.Pattern[str]:
    ranges = _vocabulary().ranges
    openers = set(ranges["paired"]) | set(ranges["change_openers"]) | set(ranges["range_openers"])
    # ('went from about $245,000 to $270,000': a hedge may stand between opener and figure)
    return re.compile(
        rf"\b(?P<opener>{keyed_alternation(openers, ignore_case=True)}){_SPACE}+"
        rf"(?:{_articles()}{_SPACE}+)?{optional_hedge()}\Z"
    )


@cache
def _bound_pattern() -> re.Pattern[str]:
    words = keyed_alternation(set(_vocabulary().bounds), ignore_case=True)
    return re.compile(rf"(?<![\w.])(?P<bound>{words}){_SPACE}*\Z")


@cache
def _bound_after_pattern() -> re.Pattern[str]:
    words = keyed_alternation(
        load_data("quantity_words")["bounds"]["lower_after"], ignore_case=True
    )
    # not 'below $40,000 or above $1,000,000': a bound word before another figure is that one's
    return re.compile(
        rf"{_SPACE}+(?:{words})(?![\w-])(?!{_SPACE}+(?:[$€£¥₹]|[A-Z]{{1,3}}\$?\s?)?\d)"
    )


def figure_bound(text: str, start: int, end: int) -> str | None:
    """'lower' or 'upper' when the words around the figure at [start, end) make it a bound
    ('more than 40%', 'fewer than 500 vacancies', '10,000+ openings'), for the claims whose
    extractor reads no bound of its own.

    >>> figure_bound("More than 40% of us", 10, 13), figure_bound("up to 15% of time", 6, 9)
    ('lower', 'upper')
    >>> figure_bound("10,000+ openings", 0, 7), figure_bound("rose 40% in 2025", 5, 8)
    ('lower', None)
    """
    if text[end - 1 : end] in _vocabulary().bounds_joined:
        return _vocabulary().bounds_joined[text[end - 1]]
    if _bound_after_pattern().match(text, end):
        return "lower"
    return _bound_before(text, start, max(0, start - _OPENER_WINDOW))


def _bound_before(text: str, start: int, floor: int) -> str | None:
    """'lower' or 'upper' when a bound word ends right before the figure ('up to $250,000')."""
    lo = max(floor, start - _OPENER_WINDOW)
    match = _bound_pattern().search(text[lo:start])
    return _vocabulary().bounds[_fold(match.group("bound"))] if match else None


# What a phone number, a clock time or a date opens with is matched first, then the lookbehind
# for what goes before it ('.' steps back over that first character), so the regex engine skips
# in its own loop the characters no match starts with: a pattern opening with a lookbehind is
# tried at every character. Each branch then checks which first character it follows.
_NOT_AFTER_WORD = r"(?<![\w.].)"


@cache
def _noise_pattern() -> re.Pattern[str]:
    """Phone numbers, clock times and occupation codes ('SOC 15-2051', '15-1252.00'): their
    digit groups are neither quantities nor years."""
    return re.compile(
        rf"[+(\d]{_NOT_AFTER_WORD}(?:"
        r"(?<=\+)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}"
        r"|(?<=\()\d{3}\)[ ]?\d{3}[.-]\d{4}"
        r"|(?<=\d)\d{2}([.-])\d{3}\1\d{4}"
        r"|(?<=\d)\d-\d{4}(?:\.\d{2})?"
        r"|(?<=\d)\d?:\d{2}(?::\d{2})?"
        r")(?![\w])"
    )


@cache
def month_names() -> str:
    """A regex (no groups) of the month names a date writes, capitalized ('January', 'Sept'):
    data/quantity_words.toml `dates`.

    >>> bool(re.fullmatch(month_names(), "Sept")), bool(re.fullmatch(month_names(), "may"))
    (True, False)
    """
    return alternation(_vocabulary().months, ignore_case=False)


@cache
def _date_pattern() -> re.Pattern[str]:
    """Calendar dates (numeric or with a month name): their day and month are not quantities."""
    months = set(_vocabulary().months)
    written = month_names()
    firsts = sorted({month[0] for month in months})
    # a month name after its first letter: 'anuary' after 'J'
    rests = "|".join(
        rf"(?<={re.escape(first)})"
        + alternation({month[1:] for month in months if month[0] == first}, ignore_case=False)
        for first in firsts
    )
    return re.compile(
        rf"[\d{re.escape(''.join(firsts))}]{_NOT_AFTER_WORD}(?:"
        r"(?<=\d)\d{0,3}([/.-])\d{1,2}\1\d{1,4}"
        rf"|(?:{rests})\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{{2}})?"
        rf"|(?<=\d)\d?(?:st|nd|rd|th)?\s(?:of\s)?{written}\b(?:,?\s(?:19|20)\d{{2}})?"
        r")(?![\w])"
    )


def _inside_word(text: str, pos: int) -> bool:
    """True when a figure starting at `pos` continues a word, a number or a power ('H100',
    '3.11.2', the 400 of '10^400')."""
    if pos == 0:
        return False
    before = text[pos - 1]
    if before == "." and prefix_pattern().search(text, max(0, pos - _PREFIX_WINDOW), pos):
        return False  # the period of a currency marker ('Rs.500')
    if before.isalpha() and _glued_marker(text, pos):
        return False  # a symbol or code touching the figure ('RM50', 'SGD4.90')
    if before.isalnum() and not _UNSPACED_CHAR.match(before) or before in "_.^":
        return True
    return pos >= 2 and before in ",\u00a0\u2009\u202f" and text[pos - 2].isdigit()


def _glued_marker(text: str, pos: int) -> bool:
    """Whether a currency symbol or code ends right at `pos`, starting after a non-letter."""
    match = prefix_pattern().search(text[max(0, pos - _PREFIX_WINDOW) : pos])
    return match is not None and not match.group()[-1].isspace()


@cache
def _edge_chars() -> tuple[frozenset[str], frozenset[str]]:
    """(last characters of currency markers, first characters of pay periods and of the tax
    words before them), for cheap checks."""
    exact, words = currency_markers()
    last = {m[-1] for m in exact} | {w[-1] for w in words}
    vocabulary = _vocabulary()
    first = {p[0].lower() for p in [*vocabulary.pay_periods, *vocabulary.pay_period_taxed]} | {","}
    return (
        frozenset(last | {c.upper() for c in last}),
        frozenset(first | {c.upper() for c in first}),
    )


def _next_char(text: str, pos: int, step: int, floor: int, ceiling: int) -> str:
    """The character at pos (or one space further when pos holds a space), or ''."""
    for _ in range(2):
        if not floor <= pos < ceiling:
            return ""
        if text[pos] not in " \t\u00a0":
            return text[pos]
        pos += step
    return ""


def _prefix(text: str, num_start: int, floor: int) -> tuple[int, str | None]:
    """Where a currency marker written before the figure starts, and its code."""
    edge = _next_char(text, num_start - 1, -1, floor, num_start)
    if edge == "" and text[max(floor, num_start - 2) : num_start] == "  ":
        edge = _next_char(text, num_start - 2, -1, floor, num_start)  # 'EUR  78,000'
    pattern = prefix_pattern_ending(edge) if edge in _edge_chars()[0] else None
    if pattern is None:
        return num_start, None
    lo = max(floor, num_start - _PREFIX_WINDOW)
    match = pattern.search(text[lo:num_start])
    if match is None:
        return num_start, None
    return lo + match.start(), currency_code(match.group().strip())


def _spun_ok(text: str, num_start: int, word: str, floor: int) -> bool:
    entry = _vocabulary().spun_units[vocabulary_key(word)]
    window = text[max(floor, num_start - int(entry["window"])) : num_start]
    return _spun_context_pattern().search(window) is not None


def _unit_of(match: re.Match[str]) -> str | None:
    vocab = _vocabulary()
    unit = match.group("unit")
    if unit is None:
        return None
    return vocab.units_joined.get(unit.strip()) or vocab.units[_fold(unit)]


class _Retry:
    """`_atom`'s answer when the loose reading of a figure fails: read it the English way."""


_RETRY: Final = _Retry()


def _atom(
    text: str, match: re.Match[str], floor: int, end: int, *, low_money: str | None = None
) -> _Atom | _Retry | UnreadFigure | None:
    """One figure with its markers; `low_money` is the currency of the sum a range connector
    joins it to ('R$ 10 a 15 mil': the 15 mil is reais, so its 'mil' is thousands)."""
    digits = match.group("num")
    if sum(map(str.isdigit, digits)) > _MAX_DIGITS:
        return None
    stop = match.end()
    if match.group("spun") and not _spun_ok(text, match.start(), match.group("spun"), floor):
        stop = match.end("num")
    unit = "ratio" if match.group("spun") and stop == match.end() else _unit_of(match)
    compound_word = match.group("compound") or match.group("compound2")
    compound = _vocabulary().compounds.get(compound_word) if compound_word else None
    written_scale = match.group("scale")
    scale = written_scale.strip().lstrip("-") if written_scale else None
    currency = None
    suffix = match.group("suffix") or match.group("suffix2") or match.group("scaled")
    if suffix:
        currency = currency_code(suffix.strip())
    if unit is not None:  # '38%', '3x': a marker before the figure is not its currency
        start = match.start()
    else:
        start, prefix_code = _prefix(text, match.start(), floor)
        currency = currency or prefix_code
    money = currency or (compound["currency"] if compound else None) or low_money
    if scale and money is None and _spaced_symbol(written_scale or ""):
        scale, stop = None, match.end("num")  # '12 K' that is no money: a unit of its own
    allowed = scale_currencies(scale) if scale else None
    if allowed is not None and money is None and unit is None:
        money = _range_currency(text, match.end(), end)  # 'entre 30 mil y 45 mil euros'
    if allowed is not None and money not in allowed:  # '$12 mil': thousands or millions?
        return UnreadFigure(start, stop, text[start:stop], "ambiguous")
    reading = _reading(digits, money, bool(scale or compound))
    if reading.value is None and unit == "percent" and "," in digits:
        # '5,8%', '12,75 %': a comma before one or two digits is a decimal mark, as in money
        reading = read_figure(digits, currency_digits=_PERCENT_DIGITS)
    if money is None and unit is None and (low_money := _range_currency(text, match.end(), end)):
        money = low_money  # the low end of '52 000 – 60 000 €' or '1.200 - 1.500 EUR'
        reading = _reading(digits, money, bool(scale or compound))
    if reading.ambiguous:
        return UnreadFigure(start, stop, text[start:stop], "ambiguous")
    if reading.value is None or (
        " " in digits and money is None and not _spaced_count(text, match)
    ):
        return _RETRY
    glued = match.group("period") or match.group("period2")
    if glued and money is None:
        return None  # '100kPa', '12pa': a unit of its own, no pay
    number = reading.value
    pay_period = _vocabulary().pay_periods_joined.get(glued) if glued else None
    value = number
    if compound:
        scale = compound_word
        value = apply_scale(number, compound["scale"])
        pay_period = compound.get("pay_period")
        currency = currency or compound["currency"]
    elif scale:
        value = apply_scale(number, scale)
    bound = _vocabulary().bounds_joined.get(text[stop : stop + 1]) if stop < end else None
    if bound is not None and not text[stop + 1 : stop + 2].isalnum():
        stop += 1
    elif (after := _bound_after_pattern().match(text, stop, end)) is not None:
        bound, stop = "lower", after.end()  # '170,000 and up'
    else:
        bound = None
    if unit is None and _next_char(text, stop, 1, stop, end) in _edge_chars()[1]:
        period = _pay_period_pattern().match(text, stop, end)
        if period:
            pay_period = pay_period or _vocabulary().pay_periods[_fold(period["period"])]
            stop = period.end()
    implied = False
    if currency is None and scale and not compound and (pay_period or _PAY_AFTER.match(text, stop)):
        # '12 lakh per annum', '1.05 Cr TC': the scale is a national unit of pay
        currency = _vocabulary().implied_currency.get(_scale_name(scale) or "")
        implied = currency is not None
    if not math.isfinite(value):
        return None
    return _Atom(
        start,
        stop,
        match.start(),
        match.end("num"),
        value,
        digits,
        currency,
        unit or currency,
        scale,
        pay_period,
        bound,
        implied,
    )


# A percentage is read like a sum with two decimals when its plain reading fails ('5,8%').
_PERCENT_DIGITS = 2


_SPACED_COUNT_ENDS: Final = frozenset("|–—-\n")


def _spaced_count(text: str, match: re.Match[str]) -> bool:
    """Whether a figure grouped by plain spaces and naming no currency is one number ('posted
    1 318 vacancies', a table cell '9 000 – 13 500' or '3 100+'): a word, a range's dash, a
    cell's bar, an open bound's '+' or the line's end follows it, and it starts no phone number
    ('+1 512 555 0147', '020 555 0100'), where digits or a '+' stand around its groups."""
    digits = match.group("num")
    if digits.startswith("0") or match.start() and text[match.start() - 1] in "+(":
        return False
    after = text[match.end("num") : match.end("num") + 2].lstrip(" ")
    return (
        not after
        or after[:1].isalpha()
        or after[:1] in _SPACED_COUNT_ENDS
        or (after[:1] == "+" and not after[1:2].isdigit())
    )


def _spaced_symbol(written_scale: str) -> bool:
    """Whether a scale is a symbol that must touch its figure, written one space apart."""
    _, symbols, joined = _scale_tables()
    symbol = written_scale.strip()
    return written_scale[:1].isspace() and symbol in joined and symbol not in symbols


@lru_cache(maxsize=4096)
def _reading(digits: str, money: str | None, scaled: bool) -> NumberReading:
    """`read_figure` for a figure's digits in its currency; cached: a corpus repeats a few
    thousand figures ('2024', '10', '$150,000'), and a figure is read again in each span that
    holds it and as the far end of a range."""
    return read_figure(
        digits, currency_digits=currency_digits(money) if money else None, scaled=scaled
    )


def _range_currency(text: str, pos: int, end: int) -> str | None:
    """The currency of the figure a range connector at `pos` leads to: the low end of a range
    is written in the high end's currency and grouping."""
    connector = _connector_pattern().match(text, pos, end)
    if connector is None or connector.end() == pos:
        return None
    following = _atom_pattern().match(text, connector.end(), end)
    atom = _atom(text, following, connector.end(), end) if following else None
    return atom.currency if isinstance(atom, _Atom) else None


def _scale_name(scale: str) -> str | None:
    """The scale's section name in scales.toml ('Lakhs' -> 'lakh')."""
    factor = SCALES.get(scale) or SCALES.get(scale.lower())
    return next(
        (name for name, entry in load_data("scales").items() if float(entry["value"]) == factor),
        None,
    )


@lru_cache(maxsize=4096)
def _scan(text: str, start: int, end: int) -> tuple[tuple[_Atom, ...], tuple[UnreadFigure, ...]]:
    """The figures of text[start:end], and those that cannot be read. Cached: the quantities,
    years, periods and unread figures of a sentence all start from its one scan."""
    atoms: list[_Atom] = []
    unread: list[UnreadFigure] = []
    floor = pos = start
    loose = _atom_pattern()
    while (match := loose.search(text, pos, end)) is not None:
        pos = match.end()
        if _inside_word(text, match.start()) or text.startswith("^", match.end("num")):
            continue
        atom = _atom(text, match, floor, end)
        if (
            (isinstance(atom, UnreadFigure | _Retry) or _bare(atom))
            and atoms
            and (money := _range_money(text, atoms[-1], match))
        ):  # the high end of 'Rp 15.000.000 – 25.000.000' is grouped as its low end is
            atom = _atom(text, match, floor, end, low_money=money)
        if isinstance(atom, _Retry):
            strict = _atom_pattern(loose=False).match(text, match.start(), end)
            atom = _atom(text, strict, floor, end) if strict else None
            pos = strict.end() if strict else match.start() + 1
        if isinstance(atom, _Atom):
            atom = _with_larger_unit(text, atom, start)
            while atoms and atoms[-1].num_start >= atom.num_start:  # '3억' of '3억 5000만원'
                atom = replace(atom, start=min(atom.start, atoms.pop().start))
            atoms.append(atom)
            floor = atom.end
        elif isinstance(atom, UnreadFigure):
            unread.append(atom)
    return tuple(atoms), tuple(unread)


def _bare(atom: _Atom | _Retry | UnreadFigure | None) -> bool:
    """Whether a figure was read with no currency, unit or scale of its own."""
    return isinstance(atom, _Atom) and atom.unit is None and atom.scale is None


def _range_money(text: str, low: _Atom, match: re.Match[str]) -> str | None:
    """The currency of the sum a range connector leads from to this figure, if any."""
    if low.currency is None or _connector_pattern().fullmatch(text, low.end, match.start()) is None:
        return None
    return low.currency


# Japanese and Korean trillions (10^12), written only before a figure in hundred-millions
# ('1兆3,246億円', '2조 5000억원'): Chinese writes '兆' for a million, so it is no scale alone.
_TRILLION_UNITS: Final = ("兆", "조")
_TRILLION: Final = 1e12


@cache
def _larger_unit_pattern(value: float) -> re.Pattern[str]:
    """A count of the next larger unit written right before a figure in ten-thousands
    (hundred-millions: '1億' of '1億2000万円', '3억 ' of '3억 5000만원') or in hundred-millions
    (trillions: '1兆' of '1兆3,246億円'), anchored at the figure."""
    _, _, joined = _scale_tables()
    units = (
        [symbol for symbol in joined if SCALES.get(symbol) == _HUNDRED_MILLION]
        if value == _HUNDRED_MILLION
        else list(_TRILLION_UNITS)
    )
    unit = alternation(set(units), ignore_case=False)
    return re.compile(rf"(?<![\d.,])(?P<num>\d+(?:[.,]\d+)?)(?:{unit}){_SPACE}?\Z")


def _with_larger_unit(text: str, atom: _Atom, floor: int) -> _Atom:
    """A sum in ten-thousands with its hundred-millions before it, or in hundred-millions with
    its trillions, read as one figure: East Asian pages write 120,000,000 yen as '1億2000万円'
    (1 億 and 2000 万), not '2000万円' alone, and 1.3246 trillion yen as '1兆3,246億円'.

    >>> [q.value for q in find_quantities("年収1億2000万円、または¥3億5,000万, ₩3억 5000만원")]
    [120000000.0, 350000000.0, 350000000.0]
    >>> [q.value for q in find_quantities("市場は1兆3,246億円、₩2조 5000억원")]
    [1324600000000.0, 2500000000000.0]
    """
    scale = SCALES.get(_compound_scale(atom.scale)) if atom.scale is not None else None
    larger_value = {_TEN_THOUSAND: _HUNDRED_MILLION, _HUNDRED_MILLION: _TRILLION}.get(scale or 0)
    if larger_value is None:
        return atom
    lo = max(floor, atom.num_start - _PREFIX_WINDOW)
    larger = _larger_unit_pattern(larger_value).search(text, lo, atom.num_start)
    if larger is None:
        return atom
    count = read_figure(larger["num"], currency_digits=None, scaled=True).value
    if count is None:
        return atom
    start, code = _prefix(text, larger.start(), floor)
    return replace(
        atom,
        start=start if code else larger.start(),
        num_start=larger.start(),
        number=count * larger_value + atom.number,
        digits=text[larger.start() : atom.num_end],
        currency=atom.currency or code,
        unit=atom.unit or code,
    )


def find_unread_figures(text: str, start: int = 0, end: int | None = None) -> list[UnreadFigure]:
    """The figures of text[start:end] that `find_quantities` leaves out because any value would
    be a guess, so a caller can record them as skipped.

    >>> [(f.raw, f.reason) for f in find_unread_figures("KWD 1,250 a month, or KWD 2,500.500")]
    [('KWD 1,250', 'ambiguous')]
    """
    end = len(text) if end is None else end
    view = _visible(text, start, end)
    if view is not None:
        found = find_unread_figures(view.text, view.start, len(view.text))
        return [_mapped(text, view, f) for f in found]
    return list(_scan(text, start, end)[1])


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where `pattern` matches in text[start:end]."""
    return [match.span() for match in pattern.finditer(text, start, end)]


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping cover of `spans`, so one bisect finds any overlap."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _overlaps(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether [lo, hi) overlaps any of the sorted, non-overlapping `spans`."""
    index = bisect_left(spans, (lo, lo))
    return any(s < hi and lo < e for s, e in spans[max(0, index - 1) : index + 1])


@cache
def _invisible_pattern() -> re.Pattern[str]:
    """Unicode format characters (category Cf: ZWSP, ZWJ, ZWNJ, soft hyphen, word joiner, BOM,
    direction marks): invisible on the page, so a figure reads as if they were not there; and
    superscript digits, a footnote's mark ('R840 000¹', '$150,000²'), which no figure holds."""
    codepoints = [*range(0x10000), *range(0xE0000, 0xE0080)]
    runs: list[list[int]] = []  # as ranges: a class of 140 single characters scans 250x slower
    for code in (c for c in codepoints if unicodedata.category(chr(c)) == "Cf"):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    ranges = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in runs)
    return re.compile(f"[{ranges}{_SUPERSCRIPT_DIGITS}]")


_SUPERSCRIPT_DIGITS: Final = "¹²³⁰⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True, slots=True)
class _View:
    """text[lo:end] without format characters, and where each kept character stands in text."""

    text: str
    start: int
    offsets: list[int]  # offsets[i]: index in the original text of self.text[i]; then `end`

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """The original span of the view's [lo, hi): it keeps any format character inside."""
        return self.offsets[lo], self.offsets[hi - 1] + 1 if hi > lo else self.offsets[lo]


@lru_cache(maxsize=256)
def _visible(text: str, start: int, end: int) -> _View | None:
    """A view of text[start:end] (with room for markers before it) that skips format characters,
    or None when the span has none, which is almost always. Cached: a sentence's quantities,
    years and periods, and a page's quantities and unread figures, are read from one look."""
    lo = max(0, start - _PREFIX_WINDOW)
    if _invisible_pattern().search(text, lo, end) is None:
        return None
    invisible = _invisible_pattern()
    kept = [i for i in range(lo, end) if not invisible.match(text[i])]
    return _View("".join(text[i] for i in kept), bisect_left(kept, start), [*kept, end])


def find_years(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, year) for 4-digit years 1900-2100 written as bare numbers.

    >>> find_years("In 2019 pay rose to $2,019 (2019%) and 2020.")
    [(3, 7, 2019), (39, 43, 2020)]
    """
    end = len(text) if end is None else end
    view = _visible(text, start, end)
    if view is not None:
        found = find_years(view.text, view.start, len(view.text))
        return [(*view.span(lo, hi), year) for lo, hi, year in found]
    return [(a.num_start, a.num_end, int(a.digits)) for a in _clean_years(text, start, end)]


@lru_cache(maxsize=4096)
def _noise(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans of text[start:end] whose numbers are no figures; cached with `_scan`: the
    quantities, years and periods of a sentence all rule them out."""
    return tuple(_spans(_noise_pattern(), text, start, end))


# Four digits in a row: a year atom's digits are four digit characters the figure pattern read
# one after another (none of its group separators is a digit), so a span without them has no
# year, and its figures need not be scanned for one (most clauses asked about: '$150,000').
_FOUR_DIGITS: Final = re.compile(r"\d{4}")


@lru_cache(maxsize=4096)
def _clean_years(text: str, start: int, end: int) -> tuple[_Atom, ...]:
    if _FOUR_DIGITS.search(text, start, end) is None:
        return ()
    noise = _union(list(_noise(text, start, end)))
    return tuple(
        a
        for a in _scan(text, start, end)[0]
        if a.is_year and not _overlaps(noise, a.num_start, a.num_end)
    )


@lru_cache(maxsize=4096)
def _year_periods(text: str, start: int, end: int) -> tuple[Period, ...]:
    """`_periods` of the span's clean years, cached for `find_periods` and `find_quantities`."""
    return tuple(_periods(text, _clean_years(text, start, end), start, end))


@cache
def _period_patterns() -> tuple[re.Pattern[str], ...]:
    periods = _vocabulary().periods
    pair_openers: dict[str, list[str]] = periods["pair_openers"]
    joiners = set(periods["pair_joiners"]) | {j for js in pair_openers.values() for j in js}
    parts = [*periods["within_year"], *_vocabulary().months]
    # 'Q3 2023', 'January 2023', 'mid-2022', 'the end of 2024': a part of the year before it
    part = rf"(?:(?:{keyed_alternation(parts, ignore_case=True)})(?:{_SPACE}+|-))?"
    opener = rf"\b(?P<opener>{keyed_alternation(set(pair_openers), ignore_case=True)})"
    opener += rf"{_SPACE}+(?:the{_SPACE}+(?:years?|period){_SPACE}+)?{part}\Z"
    joiner = (
        rf"\A{_SPACE}*(?P<joiner>{keyed_alternation(joiners, ignore_case=True)}){_SPACE}*{part}\Z"
    )
    tail = rf"{_SPACE}*(?:[-–—/]){_SPACE}*(?P<yy>\d{{2}})(?!\d|[.,]\d|[\w%])"
    single_words = set(periods["open_start"]) | set(periods["close_end"])
    single = rf"\b(?P<word>{keyed_alternation(single_words, ignore_case=True)}){_SPACE}+{part}\Z"
    yoy = rf"(?<![\w-])(?:{keyed_alternation(periods['year_on_year'], ignore_case=True)})"
    yoy += rf"(?:{_SPACE}+(?:in|for|during|over))?{_SPACE}+{part}\Z"
    return tuple(re.compile(p) for p in (opener, joiner, tail, single, yoy))


def _two_digit_year(first: int, yy: int) -> int | None:
    year = first - first % 100 + yy
    year = year + 100 if year <= first else year
    return year if year - first <= 50 else None


def _periods(text: str, years: Sequence[_Atom], start: int, end: int) -> list[Period]:
    if not years:  # most spans: no year, no period
        return []
    opener_re, joiner_re, tail_re, single_re, yoy_re = _period_patterns()
    vocabulary = _vocabulary()
    pair_openers: dict[str, list[str]] = vocabulary.periods["pair_openers"]
    found: list[Period] = []
    index = 0
    while index < len(years):
        first = years[index]
        lo = max(start, first.num_start - 40)
        opener = opener_re.search(text[lo : first.num_start])
        opener_word = opener.group("opener").lower() if opener else None
        span_start = lo + opener.start() if opener else first.num_start
        second = years[index + 1] if index + 1 < len(years) else None
        joiner = joiner_re.match(text[first.num_end : second.num_start]) if second else None
        if second and joiner and int(second.digits) > int(first.digits):
            word = joiner.group("joiner").lower()
            allowed = pair_openers.get(opener_word) if opener_word else None
            if allowed is None and word not in {"and", "from"}:
                span_start = first.num_start if opener_word is None else span_start
                allowed = [word]
            if allowed is not None and (word in allowed or not word.isalpha()):
                found.append(_period(text, span_start, second.num_end, first, int(second.digits)))
                index += 2
                continue
        tail = tail_re.match(text, first.num_end, end)
        if tail:
            year_end = _two_digit_year(int(first.digits), int(tail.group("yy")))
            if year_end is not None:
                found.append(_period(text, span_start, tail.end(), first, year_end))
                index += 1
                continue
        single = single_re.search(text[max(start, first.num_start - 40) : first.num_start])
        if single:
            word_start = max(start, first.num_start - 40) + single.start()
            year = int(first.digits)
            is_start = " ".join(single.group("word").lower().split()) in vocabulary.open_start
            found.append(
                Period(
                    word_start,
                    first.num_end,
                    year if is_start else None,
                    None if is_start else year,
                    text[word_start : first.num_end],
                )
            )
        yoy = (
            None
            if single
            else yoy_re.search(text[max(start, first.num_start - 40) : first.num_start])
        )
        if yoy:  # 'up 12% year over year in 2024': from the year before to that year
            word_start = max(start, first.num_start - 40) + yoy.start()
            year = int(first.digits)
            raw = text[word_start : first.num_end]
            found.append(Period(word_start, first.num_end, year - 1, year, raw))
        index += 1
    return found


def _period(text: str, lo: int, hi: int, first: _Atom, year_end: int) -> Period:
    return Period(lo, hi, int(first.digits), year_end, text[lo:hi])


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    """Spans of years: 'between 2017 and 2025', '2012-17', 'since 2015' (open end), 'by 2027',
    'since Q3 2023', 'from January 2023 to January 2024', 'year over year in 2024' (2023-2024).

    >>> [(p.year_start, p.year_end) for p in find_periods("a CAGR of 49.7% between 2017 and 2025")]
    [(2017, 2025)]
    >>> [(p.year_start, p.year_end, p.raw) for p in find_periods("growth in 5 years (2012-17)")]
    [(2012, 2017, '2012-17')]
    >>> [(p.year_start, p.year_end) for p in find_periods("ads rose 9% year-on-year in Q2 2024")]
    [(2023, 2024)]
    """
    end = len(text) if end is None else end
    view = _visible(text, start, end)
    if view is not None:
        found = find_periods(view.text, view.start, len(view.text))
        return [_mapped(text, view, p) for p in found]
    return list(_year_periods(text, start, end))


_Spanned = TypeVar("_Spanned", Quantity, Period, UnreadFigure)


def _mapped(text: str, view: _View, found: _Spanned) -> _Spanned:
    """A figure or period found in `view`, placed back at its span of `text`."""
    lo, hi = view.span(found.start, found.end)
    return replace(found, start=lo, end=hi, raw=text[lo:hi])


def _joinable(text: str, left: _Atom, right: _Atom, floor: int) -> bool:
    """Whether `left` and `right` are the two ends of one written range."""
    connector = _connector_pattern().fullmatch(text, left.end, right.start)
    if connector is None:
        return False
    # 'PKR 3–5.5 lakh/month': the high end's currency is only its scale's, the low end's is written
    implied = right.implied and left.currency is not None and not left.implied
    if left.unit and right.unit and left.unit != right.unit and not implied:
        return False
    if left.unit == "percent" and right.unit is None:
        return False  # 'dropped by 12% to 20,300': a change and the new level, not '12-15%'
    if left.pay_period and right.pay_period and left.pay_period != right.pay_period:
        return False
    if right.number < left.number and not (right.scale and not left.scale):
        return False
    vocabulary = _vocabulary()
    opener = _opener_pattern().search(text[max(floor, left.start - _OPENER_WINDOW) : left.start])
    opener_word = _fold(opener.group("opener")) if opener else None
    if opener_word in vocabulary.change_openers:
        return False
    word = (connector.group("word") or "").lower()
    if word in vocabulary.money_connectors and not (left.currency or right.currency):
        return False  # '10 a 15' joins sums only: 'R$ 10 a 15 mil', 'de 10 a 15 mil euros'
    if any(word in connectors for connectors in vocabulary.paired.values()):
        return opener_word is not None and word in vocabulary.paired.get(opener_word, ())
    return True


def _range(text: str, left: _Atom, right: _Atom, floor: int) -> Quantity:
    scale = right.scale if left.scale is None else left.scale
    low = left.number
    if left.scale is None and right.scale is not None:
        factor_word = _compound_scale(right.scale)
        scaled = apply_scale(left.number, factor_word)
        # '$3-5 million' shares its scale; 'R780,000 to R1.1 million' is written in full
        low = scaled if scaled <= right.number or left.number > right.number else left.number
    start = left.start
    lo = max(floor, left.start - _OPENER_WINDOW)
    opener = _opener_pattern().search(text[lo : left.start])
    if opener is not None:
        start = lo + opener.start()
    return Quantity(
        start,
        right.end,
        low,
        right.number,
        left.unit or right.unit,
        left.pay_period or right.pay_period,
        scale,
        text[start : right.end],
    )


def _compound_scale(scale: str) -> str:
    compound = _vocabulary().compounds.get(scale)
    return compound["scale"] if compound else scale


def _quantity(text: str, atom: _Atom, floor: int) -> Quantity:
    return Quantity(
        atom.start,
        atom.end,
        atom.number,
        None,
        atom.unit,
        atom.pay_period,
        atom.scale,
        text[atom.start : atom.end],
        atom.bound or _bound_before(text, atom.start, floor),
    )


@cache
def _multiplier_words() -> tuple[dict[str, float], re.Pattern[str]]:
    words = {
        w.lower(): float(v) for w, v in load_data("quantity_words")["multiplier_words"].items()
    }
    # Case-insensitive throughout, as its words are: so `gated` can tell what a match starts with.
    alternatives = alternation(set(words), ignore_case=True)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return words, gated(pattern)  # searched in every sentence that may tell of growth


def find_multiplier_words(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Multiples written as words ('grow threefold', 'double by 2030'), unit 'ratio'. They have
    no digit, so `find_quantities` (anchored on digits) never sees them; a reader of growth
    asks for them separately.

    >>> [(q.raw, q.value) for q in find_multiplier_words("set to double, then grow threefold")]
    [('double', 2.0), ('threefold', 3.0)]
    >>> find_multiplier_words("double-digit growth")
    []
    >>> [q.value for q in find_multiplier_words("postings halved")]
    [0.5]
    """
    words, pattern = _multiplier_words()
    end = len(text) if end is None else end
    return [
        Quantity(
            m.start(),
            m.end(),
            float(words[vocabulary_key(m.group())]),
            None,
            "ratio",
            None,
            None,
            m.group(),
        )
        for m in pattern.finditer(text, start, end)
    ]


@cache
def _number_words() -> tuple[dict[str, float], re.Pattern[str]]:
    others = {w.lower(): float(v) for w, v in load_data("quantity_words")["number_words"].items()}
    scales = {w for entry in general_scales().values() for w in entry["words"]}
    pattern = re.compile(
        rf"(?<![\w-])(?P<number>{cardinal_pattern(frozenset(others))})"
        r"(?:\s+and\s+a\s+(?P<fraction>half|quarter))?\s+"  # 'two and a half million'
        rf"(?P<scale>{alternation(scales, ignore_case=True)})(?![\w-])",
        re.IGNORECASE,  # as its words are: so `gated` can tell what a match starts with
    )
    return others, gated(pattern)  # searched in every sentence that may count


def _word_value(others: dict[str, float], number: str) -> float | None:
    """'forty-five' -> 45.0, 'half a' -> 0.5: a cardinal, or one of the other number words;
    None for words the grammar matched but cannot value, which are skipped, never read as 0."""
    folded = " ".join(number.lower().split())
    if folded in others:
        return others[folded]
    value = cardinal_value(folded)
    return None if value is None else float(value)


def find_number_words(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Counts written as words with a scale ('nearly two million developers', 'half a million
    jobs'), with no unit. Like multiples in words they have no digit, so `find_quantities`
    never sees them; a reader of counts asks for them separately.

    >>> [(q.raw, q.value, q.bound) for q in find_number_words("over two million, a lakh")]
    [('two million', 2000000.0, 'lower'), ('a lakh', 100000.0, None)]
    >>> [q.value for q in find_number_words("forty-five thousand, half a million")]
    [45000.0, 500000.0]
    >>> find_number_words("two of the million-dollar deals")
    []
    >>> [q.value for q in find_number_words("grows to two and a half million by 2030")]
    [2500000.0]
    """
    others, pattern = _number_words()
    end = len(text) if end is None else end
    found = []
    for m in pattern.finditer(text, start, end):
        factor = scale_factor(m.group("scale"))
        value = _word_value(others, m.group("number"))
        if factor is None or value is None:
            continue
        value += _FRACTIONS.get((m.group("fraction") or "").lower(), 0.0)
        found.append(
            Quantity(
                m.start(),
                m.end(),
                value * factor,
                None,
                None,
                None,
                m.group("scale"),
                m.group(),
                _bound_before(text, m.start(), start),
            )
        )
    return found


_FRACTIONS: Final = {"half": 0.5, "quarter": 0.25}
# A pay word right after a scaled figure ('1.05 Cr TC', '32 L CTC', '18 lakh fixed').
_PAY_AFTER = re.compile(
    r"\s*(?:(?-i:C?TC)|fixed(?![\w-])|package|salary(?!\s+(?:earners?|accounts?|holders?))"
    r"|in[\s-]hand)\b",
    re.IGNORECASE,
)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every figure in text[start:end] with its unit, scale and pay period, in base units.

    >>> found = find_quantities("exceed $12,345.6 million by 2025, a 31.5% CAGR")
    >>> [(q.value, q.unit) for q in found]
    [(12345600000.0, 'USD'), (31.5, 'percent')]
    >>> q = find_quantities("Rs. 12,50,000 – 18,75,000 LPA")[0]
    >>> q.value, q.value_high, q.unit, q.pay_period
    (1250000.0, 1875000.0, 'INR', 'annual')
    >>> [(q.value, q.unit) for q in find_quantities("1.05 Cr TC, 2 lakh fixed-term jobs")]
    [(10500000.0, 'INR'), (200000.0, None)]
    """
    end = len(text) if end is None else end
    view = _visible(text, start, end)
    if view is not None:
        found = find_quantities(view.text, view.start, len(view.text))
        return [_mapped(text, view, q) for q in found]
    atoms = _scan(text, start, end)[0]
    if not atoms:  # every figure has a digit: no atom, nothing for the other passes to do
        return []
    noise = list(_noise(text, start, end))
    periods = [(p.start, p.end) for p in _year_periods(text, start, end)]
    excluded = _union(noise + periods + _spans(_date_pattern(), text, start, end))
    if excluded:
        kept = [
            a for a in atoms if not a.is_year and not _overlaps(excluded, a.num_start, a.num_end)
        ]
    else:  # nothing to overlap (most sentences): only the years go
        kept = [a for a in atoms if not a.is_year]
    quantities: list[Quantity] = []
    index = 0
    floor = start
    while index < len(kept):
        atom = kept[index]
        following = kept[index + 1] if index + 1 < len(kept) else None
        if following is not None and _joinable(text, atom, following, floor):
            quantity = _range(text, _with_unit(atom, following), following, floor)
            index += 2
        else:
            quantity = _quantity(text, atom, floor)
            index += 1
        quantities.append(quantity)
        floor = quantity.end
    return quantities


def _with_unit(left: _Atom, right: _Atom) -> _Atom:
    """The low end of a range takes the high end's unit when it has none ('10-20%')."""
    if left.unit is not None:
        return left
    return _Atom(
        left.start,
        left.end,
        left.num_start,
        left.num_end,
        left.number,
        left.digits,
        right.currency,
        right.unit,
        left.scale,
        left.pay_period,
    )

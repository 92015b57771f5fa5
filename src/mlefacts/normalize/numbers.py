"""Numbers as articles write them: thousands separators, Indian grouping and scale words.

One number parser for the project: `parse_number` reads the digits, `apply_scale` multiplies by a
scale word ("million", "lakh", "bn") and `format_number` writes a float back in a form
`parse_number` reads to the same value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import Final, NotRequired, TypedDict

from mlefacts.normalize._data import alternation
from mlefacts.normalize.text import vocabulary_key
from mlefacts.toml_files import load_data

# Characters that may separate digit groups. A number uses one of them throughout.
GROUP_SEPARATORS: Final = ", \u00a0\u2009\u202f"
# Separators that only ever group digits (spaces, apostrophes), unlike ',' and '.'.
GROUP_ONLY: Final = " \u00a0\u2009\u202f'\u2019"
# A no-break, thin or narrow no-break space that groups a number's thousands ('27\u202f300',
# '60\u00a0000 €'), which a whitespace split would cut into two numbers. The space comes first
# and the digit before it is looked behind from there: the regex engine then skips in its own
# loop the characters that are no such space (a pattern opening with a lookbehind is tried at
# every character).
GROUP_SPACE: Final = re.compile(r"[\u00a0\u2009\u202f](?<=\d.)(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"([-+\u2212]?)(\d[\d, \u00a0\u2009\u202f'\u2019]*|)(\.\d+)?")
_FIGURE = re.compile(r"([-+\u2212]?)(\d+(?:[,.\s'\u2019]\d+)*)(?:([.,])[-\u2013])?")
_SEPARATOR = re.compile(r"([,.\s'\u2019])")  # a figure's separators, kept by `re.split`
_CARDINAL_JOINER = re.compile(r"[\s-]+")  # 'forty-five', 'forty five'
_MINUS: Final = ("-", "\u2212")


@dataclass(frozen=True, slots=True)
class NumberReading:
    """What a written figure says: its value, or why it says nothing certain.

    `ambiguous` is True when the figure has two plausible values ('KWD 1,250': 1.25 or 1250), so
    a caller records it as skipped rather than guessing.
    """

    value: float | None
    ambiguous: bool = False


_NOTHING: Final = NumberReading(None)
_AMBIGUOUS: Final = NumberReading(None, ambiguous=True)


def _valid_groups(groups: list[str]) -> bool:
    """Western groups are 3 digits; Indian groups are 2 digits then a final 3 (6,25,431)."""
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or not rest:
        return False
    if all(len(g) == 3 for g in rest):
        return True
    return len(first) <= 2 and len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])


def _integer_digits(part: str) -> str | None:
    if part.isdigit():
        return part
    separators = {ch for ch in part if not ch.isdigit()}
    if len(separators) != 1:
        return None
    groups = part.split(separators.pop())
    if not all(g.isdigit() and g.isascii() for g in groups) or not _valid_groups(groups):
        return None
    return "".join(groups)


def parse_number(raw: str) -> float | None:
    """Read a written number; None unless every character belongs to it.

    '.' is the decimal point; ',', spaces, thin spaces and apostrophes (Swiss: "115'000")
    separate digit groups only when the groups are valid western (3-digit) or Indian (2-digit,
    then a final 3-digit) groups. Money, whose
    currency decides between these and other countries' forms, is read by `read_figure`.

    >>> parse_number("12,345.6")
    12345.6
    >>> parse_number("6,25,431")
    625431.0
    >>> parse_number("1\u2009234\u2009567"), parse_number("115'000")
    (1234567.0, 115000.0)
    >>> parse_number("1,2345") is None, parse_number("1 234,5") is None
    (True, True)
    """
    match = _NUMBER.fullmatch(raw.strip())
    if match is None:
        return None
    sign, integer, fraction = match.groups()
    if not integer and not fraction:
        return None
    digits = _integer_digits(integer) if integer else "0"
    if digits is None or not digits.isascii():
        return None
    return _finite(sign, digits, fraction or "")


def _finite(sign: str, digits: str, fraction: str) -> float | None:
    value = float(f"{'-' if sign in _MINUS else ''}{digits}{fraction}")
    return value if math.isfinite(value) else None


def _separator_class(ch: str) -> str:
    """Spaces of every width are one separator, and so are both apostrophes."""
    if ch in "'\u2019":
        return "'"
    return " " if ch.isspace() else ch


def read_figure(
    raw: str, *, currency_digits: int | None = None, scaled: bool = False
) -> NumberReading:
    """Read a figure the way its own frame says it is written.

    Without a currency (`currency_digits` None) this is `parse_number`. For money the grouping is
    decided from the whole figure and the currency's minor units: two different separators make
    the last one the decimal mark ('1.234,50', "1'049.00"); one separator repeated groups
    ('Rp 12.500.000'); spaces and apostrophes only group; a single ',' or '.' before exactly three
    digits groups thousands unless the currency has three minor units (then it is ambiguous); before
    one or two digits it is the decimal mark ('45,00 zł'). `scaled` (a scale word follows) keeps
    English reading: '1.500 billion' is 1.5, '1,500 million' is 1500. A trailing ',-' or '.–'
    means whole units ('1.250,-').

    >>> [read_figure(f, currency_digits=2).value for f in ("52 000", "31.500", "1.234,50", "1'049")]
    [52000.0, 31500.0, 1234.5, 1049.0]
    >>> read_figure("1,250", currency_digits=3).ambiguous, read_figure("2,5", scaled=True).value
    (True, 2.5)
    """
    if currency_digits is None and not scaled:
        value = parse_number(raw)
        return NumberReading(value) if value is not None else _NOTHING
    match = _FIGURE.fullmatch(raw.strip())
    if match is None:
        return _NOTHING
    sign, body, whole = match.groups()
    if whole and currency_digits is None:
        return _NOTHING
    parts = _SEPARATOR.split(body)
    groups, separators = parts[0::2], [_separator_class(ch) for ch in parts[1::2]]
    if not all(g.isascii() for g in groups):
        return _NOTHING
    reading = _grouped(groups, separators, currency_digits, scaled)
    fraction = reading.value is not None and not reading.value.is_integer()
    if fraction and currency_digits == 0 and not scaled:
        return _NOTHING  # 'Rp 8,5' is no amount of rupiah: a scale word is missing
    if reading.value is None or not whole:
        return reading if reading.value is None or not sign else _signed(sign, reading)
    return _signed(sign, reading) if reading.value.is_integer() else _NOTHING


def _signed(sign: str, reading: NumberReading) -> NumberReading:
    value = reading.value
    return NumberReading(-value if sign in _MINUS and value is not None else value)


def _grouped(
    groups: list[str], separators: list[str], currency_digits: int | None, scaled: bool
) -> NumberReading:
    """The value of digit `groups` split by `separators` (see `read_figure`)."""
    if not separators:
        return NumberReading(float(groups[0]))
    kinds = list(dict.fromkeys(separators))
    if len(kinds) > 2:
        return _NOTHING
    last = separators[-1]
    if len(kinds) == 2:  # the last, used once, is the decimal mark; the other groups
        if last not in ",." or separators.count(last) != 1:
            return _NOTHING
        return _decimal(groups[:-1], groups[-1], currency_digits)
    if last in GROUP_ONLY or len(separators) > 1:
        return _whole(groups)
    integer, fraction = groups
    if len(fraction) != 3 or len(integer) > 3 or not integer.strip("0"):
        if last == "," and currency_digits is None and not scaled:
            return _NOTHING
        return _decimal([integer], fraction, currency_digits)
    if scaled:
        return _decimal([integer], fraction, None) if last == "." else _whole(groups)
    return _AMBIGUOUS if currency_digits == 3 else _whole(groups)


def _whole(groups: list[str]) -> NumberReading:
    return NumberReading(float("".join(groups))) if _valid_groups(groups) else _NOTHING


def _decimal(integer: list[str], fraction: str, currency_digits: int | None) -> NumberReading:
    """Grouped integer digits and a decimal fraction; money has at most its minor-unit digits."""
    if currency_digits is not None and len(fraction) > max(2, currency_digits):
        return _NOTHING
    if len(integer) > 1 and not _valid_groups(integer):
        return _NOTHING
    value = _finite("", "".join(integer), f".{fraction}")
    return NumberReading(value) if value is not None else _NOTHING


def format_number(value: float) -> str:
    """Canonical positional rendering, no exponent and no grouping.

    >>> format_number(39986700000.0), format_number(49.7), format_number(1e-7)
    ('39986700000', '49.7', '0.0000001')
    """
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@cache
def _scale_tables() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """(case-insensitive words, exact symbols, exact symbols that must touch the number)."""
    words: dict[str, float] = {}
    symbols: dict[str, float] = {}
    joined: dict[str, float] = {}
    for entry in load_data("scales").values():
        value = float(entry["value"])
        words.update({w.lower(): value for w in entry["words"]})
        symbols.update({s: value for s in entry["symbols"]})
        joined.update({s: value for s in entry["joined_only"]})
    return words, symbols, joined


@cache
def _restricted_scales() -> dict[str, frozenset[str]]:
    """Lower-cased scale words that scale money of some currencies only -> those currencies."""
    return {
        word.lower(): frozenset(entry["currencies"])
        for entry in load_data("scales").values()
        if "currencies" in entry
        for word in (*entry["words"], *entry["symbols"], *entry["joined_only"])
    }


def scale_currencies(scale_word: str) -> frozenset[str] | None:
    """The currencies whose money a scale word scales, or None when it scales any figure.

    >>> sorted(scale_currencies("mil") or ())[:2], scale_currencies("million")
    (['ARS', 'BRL'], None)
    """
    return _restricted_scales().get(scale_word.strip().lower())


class Scale(TypedDict):
    """One entry of data/scales.toml (see the file's header for what each list means)."""

    value: float
    words: list[str]
    symbols: list[str]
    joined_only: list[str]
    currencies: NotRequired[list[str]]


def general_scales() -> dict[str, Scale]:
    """The scales of data/scales.toml that scale any figure (not only some currencies' money):
    the ones a label or a number in words may name."""
    return {name: entry for name, entry in load_data("scales").items() if "currencies" not in entry}


@cache
def scale_words() -> frozenset[str]:
    """The words of `general_scales`, lower-cased ('million', 'bn', 'lakh'): a word that sizes a
    figure, which ends a name read next to it (a job title, a market's noun phrase)."""
    return frozenset(word.lower() for scale in general_scales().values() for word in scale["words"])


def _all_scales() -> dict[str, float]:
    words, symbols, joined = _scale_tables()
    return {**words, **symbols, **joined}


SCALES: Final = MappingProxyType(_all_scales())


def scale_factor(scale_word: str) -> float | None:
    """The multiplier of a scale word as written; stacked words multiply ('lakh crore' -> 1e12).

    >>> scale_factor("bn"), scale_factor("Lakhs"), scale_factor("lakh crore"), scale_factor("mm")
    (1000000000.0, 100000.0, 1000000000000.0, None)
    """
    words, symbols, joined = _scale_tables()
    factor = 1.0
    for word in scale_word.split() or [""]:
        single = symbols.get(word) or joined.get(word) or words.get(vocabulary_key(word))
        if single is None:
            return None
        factor *= single
    return factor


def apply_scale(number: float, scale_word: str) -> float:
    """Multiply by the scale unless the figure is already written out in full: a whole number
    at least the scale ('12,50,000 lakh'). A figure with a fraction is never written out in
    full: market reports size in thousands ('USD 90,379.2 Thousand' is 90.4 million).

    >>> apply_scale(14, "lakh"), apply_scale(1250000, "lakh"), apply_scale(1200, "million")
    (1400000.0, 1250000.0, 1200000000.0)
    >>> apply_scale(90379.2, "thousand")
    90379200.0
    """
    factor = scale_factor(scale_word)
    if factor is None:
        raise ValueError(f"unknown scale word: {scale_word!r}")
    whole = float(number).is_integer()
    return scaled(number, factor) if abs(number) < factor or not whole else float(number)


def scaled(number: float, factor: float) -> float:
    """`number * factor` in decimal, so a written figure keeps its digits ('18.4 lakh' is
    1840000, not float's 1839999.9999999998).

    >>> scaled(18.4, 100000.0), scaled(1.03, 1e12), 18.4 * 100000.0
    (1840000.0, 1030000000000.0, 1839999.9999999998)
    """
    return float(Decimal(repr(float(number))) * Decimal(factor))


@cache
def cardinal_words() -> dict[str, int]:
    """Spelled-out numbers ('four' -> 4, 'forty' -> 40) from `data/market_terms.toml`
    (`numbers`), lower-cased: the one table of number words every reader shares."""
    return {word.lower(): int(n) for word, n in load_data("market_terms")["numbers"].items()}


@cache
def cardinal_pattern(extra: frozenset[str] = frozenset()) -> str:
    """A regex (no groups) for a cardinal written in words, or one of the `extra` words.

    A tens word may take a unit ('forty-five', 'forty five'), so compounds need no table of
    their own; `cardinal_value` reads what it matches.

    >>> [m.group() for m in re.finditer(cardinal_pattern(), "Forty-five, six and twenty")]
    ['Forty-five', 'six', 'twenty']
    """
    numbers = cardinal_words()
    tens = alternation({w for w, n in numbers.items() if n >= 20}, ignore_case=True)
    units = alternation({w for w, n in numbers.items() if n < 10}, ignore_case=True)
    words = alternation(set(numbers) | extra, ignore_case=True)
    return rf"(?:{tens}[\s-]{units}|{words})"


def cardinal_value(words: str) -> int | None:
    """The value of a cardinal in words or digits; a compound adds its parts.

    >>> cardinal_value("forty-five"), cardinal_value("Six"), cardinal_value("12")
    (45, 6, 12)
    >>> cardinal_value("many") is None
    True
    """
    if words.isdigit():
        return int(words)
    numbers = cardinal_words()
    parts = _CARDINAL_JOINER.split(vocabulary_key(words))
    if not all(part in numbers for part in parts):
        return None
    return sum(numbers[part] for part in parts)

"""Numbers as articles write them: thousands separators, Indian grouping and scale words.

One number parser for the project: `parse_number` reads the digits, `apply_scale` multiplies by a
scale word ("million", "lakh", "bn") and `format_number` writes a float back in a form
`parse_number` reads to the same value.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import Final

from mlefacts.normalize._data import load_data

# Characters that may separate digit groups. A number uses one of them throughout.
GROUP_SEPARATORS: Final = ", \u00a0\u2009\u202f"
_NUMBER = re.compile(r"([-+\u2212]?)(\d[\d, \u00a0\u2009\u202f]*|)(\.\d+)?")
_MINUS: Final = ("-", "\u2212")


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

    '.' is the decimal point; ',', spaces and thin spaces separate digit groups only when the groups
    are valid western (3-digit) or Indian (2-digit, then a final 3-digit) groups.

    >>> parse_number("12,345.6")
    12345.6
    >>> parse_number("6,25,431")
    625431.0
    >>> parse_number("1\u2009234\u2009567")
    1234567.0
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
    negative = "-" if sign in _MINUS else ""
    value = float(f"{negative}{digits}{fraction or ''}")
    return value if value == value and abs(value) != float("inf") else None


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
        single = symbols.get(word) or joined.get(word) or words.get(word.lower())
        if single is None:
            return None
        factor *= single
    return factor


def apply_scale(number: float, scale_word: str) -> float:
    """Multiply by the scale unless the figure is already written out in full.

    >>> apply_scale(14, "lakh"), apply_scale(1250000, "lakh"), apply_scale(1200, "million")
    (1400000.0, 1250000.0, 1200000000.0)
    """
    factor = scale_factor(scale_word)
    if factor is None:
        raise ValueError(f"unknown scale word: {scale_word!r}")
    return float(number) * factor if abs(number) < factor else float(number)

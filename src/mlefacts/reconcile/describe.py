"""Numbers as a conflict's detail sentence shows them: '$26.9B', '40%', 'INR 625,431'."""

from __future__ import annotations

import math

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def short_number(value: float) -> str:
    """Three significant figures with a scale letter for large values, else grouped digits.

    >>> short_number(26_890_000_000), short_number(5.12e9), short_number(123456)
    ('26.9B', '5.12B', '123,456')
    """
    for scale, letter in _SCALES:
        if abs(value) >= scale:
            scaled = value / scale
            decimals = max(0, 2 - int(math.floor(math.log10(abs(scaled)))))
            return f"{scaled:.{decimals}f}{letter}"
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def format_value(value: float, unit: str | None) -> str:
    """A value with its unit: '$40.0B' for USD, 'EUR 1.20M', '43.8%', '9.8 times'.

    >>> format_value(3.99867e10, "USD"), format_value(49.7, "percent")
    ('$40.0B', '49.7%')
    """
    if unit == "USD":
        return f"${short_number(value)}"
    if unit == "percent":
        return f"{value:.3g}%"
    if unit == "ratio":
        return f"{value:.3g} times"
    if unit in (None, "count", "rank", "years"):
        return short_number(value) + (f" {unit}" if unit == "years" else "")
    return f"{unit} {short_number(value)}"


def format_fraction(fraction: float) -> str:
    """A relative difference as a percentage with one decimal: 0.2958 -> '29.6%'."""
    return f"{fraction * 100:.1f}%"


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]

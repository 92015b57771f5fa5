"""The month names pages write (quantity_words.toml [dates]) as one regex alternation, and their
numbers: bylines, datelines and boilerplate read written dates with the same list.
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.toml_files import load_data


@cache
def month_alternation() -> str:
    """A non-capturing group of every month name and short form, longest first, so that
    'September' is never read as 'Sep' and a word ('Mayor') is not cut at a month's end by a
    caller's own word boundary.

    >>> re.fullmatch(month_alternation(), "Sept") is not None
    True
    """
    months = sorted(load_data("quantity_words")["dates"]["months"], key=len, reverse=True)
    return "(?:" + "|".join(re.escape(month) for month in months) + ")"


def month_number(name: str) -> int | None:
    """1-12 for a month name or short form in the list (any case), None for any other word.

    >>> month_number("sept"), month_number("March"), month_number("Mayhem")
    (9, 3, None)
    """
    months = load_data("quantity_words")["dates"]["months"]
    full = [m.lower() for m in months[:12]]
    name = name.lower().rstrip(".")
    if name not in {m.lower() for m in months}:
        return None
    return next(number for number, month in enumerate(full, 1) if month.startswith(name[:3]))

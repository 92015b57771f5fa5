"""Numbers that name a part rather than state a figure: the bands of a survey breakdown.

A survey divides its people by size or tenure, and its list items and rows read '1–50
employees: 34%', 'Companies with 1,000+ staff: 41%', '10k+ employees 22%', '0–2 years: 18%'.
The numbers in such a label say which band the part is; only the percentage after it is a
figure (a share). A number is a band when a band noun follows it (an open bound such as '+'
or 'or more' may stand between) and the label ends in one percentage: the words live in
`data/share_terms.toml` (`bands`). Shares read the label whole, as the part; counts leave
the band's number alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mlefacts.extract.context import Amount, amounts, phrase_pattern
from mlefacts.normalize.quantities import percent_sign
from mlefacts.toml_files import load_data


@cache
def _labelled_percent() -> re.Pattern[str]:
    """The rest of a band's label, then its one percentage: ' employees: 34%', ' staff – (41
    %)', ' employees: 26 percent'."""
    return re.compile(
        r"[^\d%:;.!?|]{0,60}?\s*[:\u2013\u2014|-]?\s*\(?\s*\d{1,3}(?:[.,]\d+)?\s*"
        rf"{percent_sign()}\s*\)?\W*$"
    )


@cache
def _band_noun() -> re.Pattern[str]:
    """A band noun right after a number, an open bound allowed between ('1,000+ staff')."""
    terms = load_data("share_terms")["bands"]
    bounds = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in terms["open_bounds"])
    nouns = phrase_pattern(tuple(terms["nouns"])).pattern
    return re.compile(rf"\s*(?:(?:{bounds})\s*)?(?:{nouns})", re.IGNORECASE)


def is_band(text: str, figure: Amount, end: int) -> bool:
    """Whether `figure` is the number of a band: a band noun follows it before `end`.

    >>> from mlefacts.extract.context import amounts
    >>> s = "Companies with 1,000+ staff: 41%"
    >>> is_band(s, amounts(s, 0, len(s))[0], len(s))
    True
    """
    return figure.unit is None and _band_noun().match(text, figure.end, end) is not None


def band_label(text: str, figures: Sequence[Amount], end: int) -> bool:
    """Whether every figure but the last is a band in the label of the last, a percentage
    that ends `text[:end]` ('1–50 employees: 34%'); a label with no number is no band label.

    >>> from mlefacts.extract.context import amounts
    >>> s = "5 to 20 engineers: 46%"
    >>> band_label(s, amounts(s, 0, len(s)), len(s))
    True
    >>> s = "5 engineers earn 46% more"
    >>> band_label(s, amounts(s, 0, len(s)), len(s))
    False
    """
    if len(figures) < 2 or figures[-1].unit != "percent":
        return False
    last = figures[-1]
    return all(is_band(text, figure, last.start) for figure in figures[:-1]) and bool(
        _labelled_percent().match(text, figures[-2].end, end)
    )


def in_band_label(text: str, figure: Amount, end: int) -> bool:
    """Whether `figure` is a band in the label of a percentage that ends `text[:end]`: a
    count reader leaves it alone ('Fewer than 5 engineers: 21%' counts no engineers).

    >>> from mlefacts.extract.context import amounts
    >>> s = "Fewer than 5 engineers: 21%"
    >>> in_band_label(s, amounts(s, 0, len(s))[0], len(s))
    True
    """
    return is_band(text, figure, end) and bool(_labelled_percent().match(text, figure.end, end))


_ITEM_SEPARATORS = ",;:(|"
_LEADING_AND = re.compile(r"and\s+", re.IGNORECASE)


def band_item(text: str, start: int, figure: Amount) -> int | None:
    """Where the band label of `figure`, a percentage, starts in an inline series from `start`
    ('By experience: 0–2 years 19%, 3–5 years 27%, and 10+ years 23%'; the items before the
    percentage before it are skipped): after the separator before its band numbers, a few words
    allowed before them ('under 2 years'); None when no band label stands there.

    >>> from mlefacts.extract.context import amounts
    >>> s = "By experience: 0-2 years 19%, 10+ years 23%"
    >>> [s[band_item(s, 0, a):a.start] for a in amounts(s, 0, len(s)) if a.unit == "percent"]
    ['0-2 years ', '10+ years ']
    """
    found = amounts(text, start, figure.start)
    percents = [i for i, amount in enumerate(found) if amount.unit == "percent"]
    if percents:  # the series' earlier items end there
        start, found = found[percents[-1]].end, found[percents[-1] + 1 :]
    if not found or len(found) > 2 or not all(is_band(text, a, figure.start) for a in found):
        return None
    if not _labelled_percent().match(text, found[-1].end, figure.end):
        return None
    head = text[start : found[0].start]
    cut = 1 + max(head.rfind(char) for char in _ITEM_SEPARATORS)
    words = head[cut:]
    if len(words.split()) > 3 or re.search(r"[^\w\s'’-]", words):
        return None
    label = start + cut + len(words) - len(words.lstrip())
    opening = _LEADING_AND.match(text, label)
    return opening.end() if opening else label

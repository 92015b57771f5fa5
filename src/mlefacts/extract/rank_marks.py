"""How a page writes a rank: the one definition of rank markers that list, table and prose
readers share (`ranking_terms.toml` `marks`).

A rank is a number of one to three digits, maybe with an ordinal ending ('3rd'), a marker
before it ('#3', 'No. 3', 'Rank #3') or a tie ('T-3', '3T', '=3', 'Tied 3rd'). A cell or badge
holds a rank alone (`rank_cell`); a heading or a line may state one after its item's name
(`trailing_rank`: 'Austin (No. 1)', 'Snowflake – ranked 1st').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mlefacts.extract.context import phrase_alternation
from mlefacts.toml_files import load_data

ORDINAL_ENDING = r"(?:st|nd|rd|th)"
# The longest name a rank may follow ('Salt Lake City', 'Computer Vision Engineer').
_NAME_CHARS = 60
_DIGIT = re.compile(r"\d")
# The name before a rank written after it: its words up to a bracket or a dash, a colon or a
# comma ('Austin (No. 1)', 'Snowflake – ranked 1st', 'PyTorch: #1').
_NAMED = rf"[*_]*(?P<name>[^\W\d][^()\n:–—|]{{0,{_NAME_CHARS}}}?)\s*(?:[*_]{{2}})?\s*"


@dataclass(frozen=True, slots=True)
class CellRank:
    """A rank set alone in a cell or a badge: its number, whether a marker wrote it ('#3',
    'No. 3': a list of such ranks may skip some) and whether it is a tie ('T-3')."""

    rank: int
    marked: bool
    tied: bool


@cache
def marker() -> str:
    """A regex (no groups) of the markers written before a rank's number ('#', 'No.', 'Rank #').

    >>> bool(re.fullmatch(marker(), "Rank #", re.IGNORECASE))
    True
    """
    return _alternation(_marks()["before"])


@cache
def leading_rank() -> re.Pattern[str]:
    """A rank written before a label ('3. ', '#7 ', 'No. 2 '), no part of what it ranks.

    >>> leading_rank().sub("", "3. Machine learning engineer")
    'Machine learning engineer'
    """
    return re.compile(rf"^(?:(?:{marker()})\s*)?\d{{1,3}}[.):]?\s+", re.IGNORECASE)


@cache
def marked_rank() -> re.Pattern[str]:
    """A rank mark and its number before a label, the space after it too ('#1 ', 'No. 2 '):
    `leading_rank` with its marker required.

    >>> marked_rank().match("#1 Moving prototypes into production – 52%").end()
    3
    """
    return re.compile(rf"(?:{marker()})\s*\d{{1,3}}\s+", re.IGNORECASE)


@cache
def prose_marker(*, spelled: bool = False) -> str:
    """A regex (no groups) of a marker and the space after it that state a rank inside a
    sentence ('No. 3', '#2'; not 'no 3 companies'); with `spelled`, also a marker written as a
    word, for the places where a rank is expected ('rose to number 3', 'at number seven').

    >>> bool(re.fullmatch(prose_marker(spelled=True), "number ", re.IGNORECASE))
    True
    >>> bool(re.fullmatch(prose_marker(), "number ", re.IGNORECASE))
    False
    >>> bool(re.search(prose_marker() + "13", "License No. 13-A", re.IGNORECASE))
    False
    >>> bool(re.search(prose_marker() + "1", "Android #1 in the list", re.IGNORECASE))
    True
    """
    marks = [*_marks()["in_prose"], *(_marks()["spelled"] if spelled else [])]
    alone = "|".join(
        rf"(?<![\w&]){re.escape(mark)}" if not mark[0].isalnum() else rf"\b{re.escape(mark)}"
        for mark in sorted(marks, key=len, reverse=True)
    )
    # not a number an office gives ('License No. 13'; ranking_terms `identifiers`)
    offices = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in _marks()["identifiers"])
    return rf"{offices}(?:{alone})\s*"


def rank_cell(text: str) -> CellRank | None:
    """The rank a cell or badge holds alone, or None.

    >>> rank_cell("No. 3"), rank_cell("T-4")
    (CellRank(rank=3, marked=True, tied=False), CellRank(rank=4, marked=False, tied=True))
    >>> rank_cell("3rd"), rank_cell("3.5"), rank_cell("Rank #12")
    (CellRank(rank=3, marked=False, tied=False), None, CellRank(rank=12, marked=True, tied=False))
    >>> [rank_cell(cell) for cell in ("42%", "$120", "+12", "-3", "10+")]  # amounts, not ranks
    [None, None, None, None, None]
    >>> rank_cell("(2)"), rank_cell("— 7 —")
    (CellRank(rank=2, marked=False, tied=False), CellRank(rank=7, marked=False, tied=False))
    """
    match = _cell().match(text.strip())
    if match is None:
        return None
    tied = bool(match.group("tie_before") or match.group("tie_after"))
    return CellRank(int(match.group("n")), bool(match.group("marker")), tied)


def trailing_rank(line: str) -> tuple[int, str] | None:
    """(rank, name) of a line that names an item and then its rank (what it says of the item
    may follow a colon or a dash), or None.

    >>> trailing_rank("Austin (No. 1)"), trailing_rank("**PyTorch** — 1st place")
    ((1, 'Austin'), (1, 'PyTorch'))
    >>> trailing_rank("Snowflake – ranked 3rd"), trailing_rank("Pay rose 6% (2nd year)")
    ((3, 'Snowflake'), None)
    >>> trailing_rank("Python (#1): in 71% of job ads")
    (1, 'Python')
    """
    line = line.strip()
    if not _DIGIT.search(line, 0, _NAME_CHARS + 30) or not _opened_rank().search(line):
        return None  # most lines: no rank near their start, or none after a bracket or dash
    match = _trailing().fullmatch(line)
    if match is None:
        return None
    number = next(match.group(g) for g in ("n", "n2", "n3") if match.group(g))
    return int(number), match.group("name").strip(" *_")


# What may stand around a rank alone in its cell or badge ('(3)', '3.', '— 3 —'): punctuation,
# but no sign, percent or currency symbol, which make the number an amount ('42%', '$120', '+12').
_NOT_A_RANK = r"[^\w#%+\-−$€£¥₹]"


@cache
def _cell() -> re.Pattern[str]:
    ties = _alternation(_marks()["ties"])
    return re.compile(
        rf"^{_NOT_A_RANK}*(?:(?P<marker>{marker()})\s*|(?P<tie_before>{ties})(?:-\s?|\s+|(?=\d)))?"
        rf"(?P<n>\d{{1,3}}){ORDINAL_ENDING}?"
        rf"(?P<tie_after>\s*\(?(?:{ties})\)?|=)?{_NOT_A_RANK}*$",
        re.IGNORECASE,
    )


# What opens a rank written after a name: a bracket or a dash, a colon or a bar.
_OPENER = r"(?:\(|[–—:|-])\s*"


@cache
def _trailing() -> re.Pattern[str]:
    places = _alternation(load_data("ranking_terms")["places"])
    ranked = (
        rf"(?:{_after()})\s+(?:{marker()})?\s*(?P<n>\d{{1,3}}){ORDINAL_ENDING}?"
        rf"|(?P<n2>\d{{1,3}}){ORDINAL_ENDING}\s+(?:{places})"
        rf"|(?:{marker()})\s*(?P<n3>\d{{1,3}})"
    )
    return re.compile(
        rf"{_NAMED}{_OPENER}(?:{ranked})\s*\)?[\s*_.]*(?:[:–—|]\s*\S.*)?",
        re.IGNORECASE,
    )


@cache
def _opened_rank() -> re.Pattern[str]:
    """The opener of a rank written after a name and what each of `_trailing`'s ranks starts
    with (a word such as 'ranked', a marker or a digit): in every line `_trailing` matches. One
    scan of a line finds it or not, where `_trailing` tries each place the name may end."""
    return re.compile(rf"{_OPENER}(?:{_after()}|{marker()}|\d)", re.IGNORECASE)


@cache
def _after() -> str:
    """A regex (no groups) of the words written before a rank stated after a name ('ranked')."""
    return _alternation(_marks()["after"])


def _alternation(phrases: list[str]) -> str:
    """A regex (no groups) of the phrases, longest first (so 'rank #' wins over 'rank')."""
    return phrase_alternation(sorted(phrases, key=len, reverse=True))


@cache
def _marks() -> dict[str, list[str]]:
    return load_data("ranking_terms")["marks"]

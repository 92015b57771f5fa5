"""Regex helpers the normalize layer builds its matchers with (the vocabularies come from
`mlefacts.toml_files.load_data`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any


def alternation(phrases: list[str] | set[str], *, ignore_case: bool) -> str:
    """A regex alternation of literal phrases, longest first so 'US$' wins over '$'.

    Spaces inside a phrase match any run of spaces, so 'per cent' also reads 'per  cent'.
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return f"(?i:{body})" if ignore_case else f"(?-i:{body})"


class _Open(Exception):
    """A pattern whose first character cannot be told in advance."""


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""`pattern` behind a lookahead for the characters one of its matches can start with.

    A case-insensitive alternation gets no quick scan from the regex engine: every branch is
    entered at every position. The lookahead, one class test, rules most positions out first.
    It matches exactly what `pattern` matches (the lookahead is zero-width and holds at every
    match start), with the same groups; a pattern whose first character it cannot tell (it may
    match empty, or start with any character) is returned as it is.

    >>> gated(re.compile(r"\b(?:ranked|no\.\s*)\d", re.I)).pattern
    '(?=[nr])(?:\\b(?:ranked|no\\.\\s*)\\d)'
    >>> gated(re.compile(r".x")).pattern
    '.x'
    """
    if pattern.flags & re.VERBOSE:
        return pattern
    try:
        firsts, empty = _firsts(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)
    except _Open:
        return pattern
    if empty or not firsts:
        return pattern
    return re.compile(f"(?=[{''.join(sorted(firsts))}])(?:{pattern.pattern})", pattern.flags)


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
}
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def _firsts(items: Iterable[tuple[Any, Any]], flags: int) -> tuple[set[str], bool]:
    """The class items a match of the parsed `items` can start with, and whether it can be
    empty; raises `_Open` for what this cannot tell."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return found | {re.escape(chr(av))}, False
        if op is _constants.IN:
            return found | {_class_item(item) for item in av}, False
        if op is _constants.BRANCH:
            empty = False
            for branch in av[1]:
                more, branch_empty = _firsts(branch, flags)
                found |= more
                empty = empty or branch_empty
        elif op is _constants.SUBPATTERN:
            _, add_flags, _, body = av
            if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Open  # a case-insensitive part of a case-sensitive pattern
            more, empty = _firsts(body, flags)
            found |= more
        elif op in _REPEATS:
            low, _, body = av
            more, body_empty = _firsts(body, flags)
            found |= more
            empty = low == 0 or body_empty
        elif op is _constants.ATOMIC_GROUP:
            more, empty = _firsts(av, flags)
            found |= more
        else:
            raise _Open  # any character, a back reference, a conditional
        if not empty:
            return found, False
    return found, True


def _class_item(item: tuple[Any, Any]) -> str:
    op, av = item
    if op is _constants.LITERAL:
        return re.escape(chr(av))
    if op is _constants.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _constants.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Open  # a negated class, or a class this cannot copy

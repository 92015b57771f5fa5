"""Skill names in text, mapped to one canonical name and category from data/skills.toml.

The matcher works on word tokens rather than one big regex: an alias is a tuple of lower-cased
tokens, and the words of an alias may be joined by spaces, a hyphen or a slash, so 'scikit-learn',
'scikit learn' and 'Scikit - learn' are one alias. Longest match wins and matches never overlap.
Names that are also common words match only as written (case_sensitive), and single letters such
as 'R' only inside a run of other skills ('Python, R and Java') or after 'language(s)' (in_list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain
from typing import Final

from mlefacts.normalize._data import UNSPACED_SCRIPTS
from mlefacts.toml_files import load_data

# A word: each character of an unspaced script is one ('Pythonの経験' yields 'Python'), and a
# list marker's digits stand apart from the word glued to them ('1.Python').
_TOKEN: Final = re.compile(
    rf"[{UNSPACED_SCRIPTS}]|\d+(?=\.[^\W\d_])"
    rf"|[^\W_{UNSPACED_SCRIPTS}]+(?:\.[^\W_{UNSPACED_SCRIPTS}]+)*[+#]*|&"
)
# `_TOKEN` on ASCII text, where it reads the same (no unspaced script, `\w` is [A-Za-z0-9_]),
# with the run of text skipped before each token: one scan gives the tokens and their offsets,
# and its plain letter ranges test faster than the Unicode classes (most pages are ASCII).
_ASCII_TOKEN: Final = re.compile(
    r"([^A-Za-z0-9&]*)(\d+(?=\.[A-Za-z])|[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*[+#]*|&)"
)
# Text allowed between the tokens of one alias: spaces around at most one hyphen or slash.
_JOINER: Final = re.compile(r"[ \t\u00a0]{0,3}(?:[-/–][ \t\u00a0]{0,3})?")
# Text allowed between two skills of one list: separators, list markers, 'and'/'or' and the
# figure of the skill before ('Python 78%, R 9%').
_LIST_GAP: Final = re.compile(
    r"[\s,;/|&()•·*\-–—、・，／（）]*(?:\b(?:and|or|and/or|&)\b)?[\s,;/|&()•·*\-–—、・，／（）\d.%]*",
    re.IGNORECASE,
)
_MAX_LIST_GAP: Final = 16
_LANGUAGE_CUE: Final = re.compile(
    r"\blanguages?\b[\s:,]*(?:such\s+as|like|including|e\.g\.,?)?[\s:,]*\Z", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One skill named in text: offsets into the text, the taxonomy entry and the alias matched."""

    start: int
    end: int
    canonical: str
    category: str
    alias: str
    exact: bool = False  # the alias matches only as written ('Spark', 'dbt'): a product's name


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str
    category: str
    alias: str
    in_list: bool
    exact: bool = False


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    folded: dict[tuple[str, ...], _Entry]
    exact: dict[tuple[str, ...], _Entry]
    starts: frozenset[str]
    longest: int
    # Every run of an alias's first tokens, lower-cased: a run that is none starts no alias.
    prefixes: frozenset[tuple[str, ...]]
    # The case-sensitive aliases, lower-cased: a run of words none of them is needs no exact look.
    exact_folded: frozenset[tuple[str, ...]]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(text))


@cache
def _taxonomy() -> _Taxonomy:
    folded: dict[tuple[str, ...], _Entry] = {}
    exact: dict[tuple[str, ...], _Entry] = {}
    for skill in load_data("skills")["skill"]:
        case_sensitive = bool(skill.get("case_sensitive", False))
        for alias in skill["aliases"]:
            entry = _Entry(
                skill["name"],
                skill["category"],
                alias,
                bool(skill.get("in_list")),
                case_sensitive,
            )
            tokens = _tokens(alias)
            if case_sensitive:
                exact[tokens] = entry
            else:
                folded[tuple(t.lower() for t in tokens)] = entry
    keys = [*folded, *exact]
    return _Taxonomy(
        folded,
        exact,
        frozenset(k[0].lower() for k in keys),
        max(len(k) for k in keys),
        frozenset(
            tuple(token.lower() for token in key[:size])
            for key in keys
            for size in range(1, len(key) + 1)
        ),
        frozenset(tuple(token.lower() for token in key) for key in exact),
    )


def canonical_skill(name: str) -> tuple[str, str] | None:
    """(canonical name, category) of a skill name, or None.

    >>> canonical_skill("Scikit be taught"), canonical_skill("Pytorch"), canonical_skill("R")
    (('scikit-learn', 'ml_library'), ('PyTorch', 'ml_framework'), ('R', 'language'))
    >>> canonical_skill("JavaScript")[0], canonical_skill("cooking") is None
    ('JavaScript', True)
    """
    tokens = _tokens(name)
    taxonomy = _taxonomy()
    entry = taxonomy.exact.get(tokens) or taxonomy.folded.get(tuple(t.lower() for t in tokens))
    return (entry.canonical, entry.category) if entry else None


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, _Entry]]:
    """Longest alias at each token that can start one, left to right, without overlaps."""
    taxonomy = _taxonomy()
    lowered, bounds = _lowered_tokens(text, start, end)
    candidates = [i for i, word in enumerate(lowered) if word in taxonomy.starts]
    if not candidates:
        return []
    found: list[tuple[int, int, _Entry]] = []
    index = 0
    for candidate in candidates:
        if candidate < index:
            continue  # inside the alias found before
        index = candidate
        size = 1
        while (
            size < taxonomy.longest
            and index + size < len(lowered)
            and tuple(lowered[index : index + size + 1]) in taxonomy.prefixes
            and _JOINER.fullmatch(text, bounds[2 * (index + size)], bounds[2 * (index + size) + 1])
        ):
            size += 1
        for n in range(size, 0, -1):
            key = tuple(lowered[index : index + n])
            entry = None
            if key in taxonomy.exact_folded:
                words = range(2 * index + 1, 2 * (index + n) + 1, 2)
                entry = taxonomy.exact.get(tuple(text[bounds[i] : bounds[i + 1]] for i in words))
            entry = entry or taxonomy.folded.get(key)
            if entry is not None:
                found.append((bounds[2 * index + 1], bounds[2 * (index + n)], entry))
                index += n
                break
    return found


def _lowered_tokens(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The tokens of text[start:end], lower-cased, and where each ends and the next starts:
    token i spans `bounds[2 * i + 1]` to `bounds[2 * i + 2]` (offsets into `text`)."""
    span = text[start:end]
    if not span.isascii():
        bounds = [start]
        lowered = []
        for match in _TOKEN.finditer(text, start, end):
            bounds.extend(match.span())
            lowered.append(match.group().lower())
        return lowered, bounds
    # ASCII lower-casing keeps every offset, and `_ASCII_TOKEN` ignores letter case; its
    # matches are each the text skipped before a token, then the token.
    parts = list(chain.from_iterable(_ASCII_TOKEN.findall(span.lower())))
    return parts[1::2], list(accumulate(map(len, parts), initial=start))


def _listed(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] separates two items of one list ('Python, R', 'R or C++')."""
    return hi - lo <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(text, lo, hi) is not None


def _accept_listed(text: str, found: list[tuple[int, int, _Entry]], start: int) -> list[bool]:
    """Keep in_list skills only next to an accepted skill or after 'language(s)'."""
    accepted = [not entry.in_list for _, _, entry in found]
    for index, (s, _, entry) in enumerate(found):
        if entry.in_list and _LANGUAGE_CUE.search(text, max(start, s - 40), s):
            accepted[index] = True
    for order in (range(len(found)), range(len(found) - 1, -1, -1)):
        for index in order:
            if accepted[index]:
                continue
            s, e, _ = found[index]
            if index > 0 and accepted[index - 1] and _listed(text, found[index - 1][1], s):
                accepted[index] = True
            if (
                index + 1 < len(found)
                and accepted[index + 1]
                and _listed(text, e, found[index + 1][0])
            ):
                accepted[index] = True
    return accepted


def find_skills(text: str, start: int = 0, end: int | None = None) -> list[SkillMatch]:
    """Skills named in text[start:end], longest alias first, offsets into `text`.

    >>> [m.canonical for m in find_skills("Programming experience in Python, R, Java, C++, etc.")]
    ['Python', 'R', 'Java', 'C++']
    >>> [m.canonical for m in find_skills("Knowledge of Huge Information frameworks like Hadoop")]
    ['big data', 'Hadoop']
    """
    end = len(text) if end is None else end
    found = _candidates(text, start, end)
    accepted = _accept_listed(text, found, start)
    return [
        SkillMatch(s, e, entry.canonical, entry.category, entry.alias, entry.exact)
        for (s, e, entry), ok in zip(found, accepted, strict=True)
        if ok
    ]

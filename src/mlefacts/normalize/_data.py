"""Regex helpers the normalize layer builds its matchers with (the vocabularies come from
`mlefacts.toml_files.load_data`)."""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any, Final

from mlefacts.frozen import quick_init
from mlefacts.pattern_cache import kept

# Scripts written without spaces between words: kana, Bopomofo, CJK ideographs and symbols, Hangul
# (a regex character-class body). A word there ends at any character, so '統計学' is found inside
# '統計学の知識' and a figure may follow a word directly ('年収800万円', annual pay 8 million yen).
UNSPACED_SCRIPTS: Final = "\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff"


def by_length(words: Iterable[str]) -> list[str]:
    """The words longest first, those of one length in code-point order: an alternation tries
    its branches in order, so a longer word is tried before a shorter one it starts with, and
    the same words (a set, in any order) make the same pattern in every process.

    >>> by_length({"$", "US", "US$", "AU"})
    ['US$', 'AU', 'US', '$']
    """
    return sorted(words, key=lambda word: (-len(word), word))


def alternation(phrases: list[str] | set[str], *, ignore_case: bool) -> str:
    """A regex alternation of literal phrases, longest first so 'US$' wins over '$'.

    Spaces inside a phrase match any run of spaces, so 'per cent' also reads 'per  cent'.
    """
    ordered = by_length(set(phrases))
    body = "|".join(map(spaced, ordered))
    return f"(?i:{body})" if ignore_case else f"(?-i:{body})"


def keyed_alternation(phrases: list[str] | set[str], *, ignore_case: bool) -> str:
    r"""`alternation(phrases)` behind a lookahead for the characters its phrases start with and,
    case-insensitive, grouped by them, each group behind a lookahead for its own: the same match
    at each position (phrases that can start with one character keep their order, and no other
    phrase can match there).

    The regex engine tries an alternation phrase by phrase wherever it enters it, and checks a
    first character for itself only in a case-sensitive one: the scanner tried 141 currency
    names and 132 signs after each figure that a word follows ('1,200 people'), twice, with and
    without the space before it. Phrases opening with a space (any run of spaces), or some of
    whose first characters are shared in part, are left as `alternation`.

    >>> keyed_alternation(["per cent", "pct", "x"], ignore_case=True)
    '(?=[PXpx])(?:(?=[Pp])(?i:per\\s+cent|pct)|(?=[Xx])(?i:x))'
    >>> keyed_alternation(["US$", "$"], ignore_case=False)
    '(?=[\\$U])(?-i:US\\$|\\$)'
    """
    ordered = by_length(set(phrases))
    groups: dict[frozenset[str], list[str]] = {}
    for phrase in ordered:
        if not phrase or phrase[0].isspace():
            return alternation(phrases, ignore_case=ignore_case)
        forms = case_forms(re.escape(phrase[0])) if ignore_case else frozenset(phrase[0])
        if any(forms & key and forms != key for key in groups):
            return alternation(phrases, ignore_case=ignore_case)
        groups.setdefault(forms, []).append(spaced(phrase))
    opening = _lookahead(frozenset().union(*groups))
    if not ignore_case:
        return opening + alternation(phrases, ignore_case=False)
    body = "|".join(f"{_lookahead(forms)}(?i:{'|'.join(rests)})" for forms, rests in groups.items())
    return f"{opening}(?:{body})"


def _lookahead(chars: frozenset[str]) -> str:
    return f"(?=[{''.join(map(re.escape, sorted(chars)))}])"


def capitalized_alternation(phrases: list[str] | set[str]) -> str:
    r"""A regex of `phrases` in any letter case, written capitalized where a word starts: what
    `\b(?=[A-Z])(?i:...)` over `alternation(phrases)` matches, with the same match at each
    position (longest first), but opening with the capitals, which the regex engine looks for
    in its own loop; a pattern opening with `\b` is entered at every position of a page. A
    phrase that opens with no ASCII letter can start with no capital A-Z and is left out.

    >>> capitalized_alternation(["sydney", "nyc", "new york"])
    '(?:N(?<!\\w.)(?i:ew\\s+york|yc)|S(?<!\\w.)(?i:ydney))'
    """
    ordered = by_length(set(phrases))
    rests: dict[str, list[str]] = {}
    for phrase in ordered:
        if phrase[:1].isascii() and phrase[:1].isalpha():
            rests.setdefault(phrase[0].upper(), []).append(spaced(phrase[1:]))
    body = "|".join(rf"{first}(?<!\w.)(?i:{'|'.join(rest)})" for first, rest in rests.items())
    return f"(?:{body})"


def spaced(phrase: str) -> str:
    r"""`phrase` as a regex of itself in which a space reads any run of spaces.

    >>> spaced("U.S. dollars")
    'U\\.S\\.\\s+dollars'
    """
    return re.escape(phrase).replace(r"\ ", r"\s+")


def trie(branches: Iterable[Sequence[str]]) -> str:
    """A regex matching the longest of `branches` (each a list of regex pieces, written as they
    are) at a position, the pieces that several begin with written once: the regex engine reads
    only the branches of what it sees, not every branch in turn.

    >>> trie([["a", "b"], ["a", "b", "c"], ["b"]]), trie([["a", "b"], ["a", "c"], ["d"]])
    ('(?:ab(?:c)?|b)', '(?:a(?:b|c)|d)')
    """
    root: dict[str, dict] = {}
    for branch in branches:
        node = root
        for piece in branch:
            node = node.setdefault(piece, {})
        node[""] = {}  # a branch ends here

    def render(node: dict[str, dict]) -> str:
        alternatives = [piece + render(child) for piece, child in node.items() if piece]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    merged = render(root)
    return merged if merged.startswith("(?:") else f"(?:{merged})"


class _Open(Exception):
    """A pattern whose first character cannot be told in advance."""


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""`pattern` behind a lookahead for the characters one of its matches can start with, and
    a lookbehind for a non-word character when every match starts a word.

    A case-insensitive alternation gets no quick scan from the regex engine: every branch is
    entered at every position. The two tests rule most positions out first. The result matches
    exactly what `pattern` matches (both are zero-width and hold at every match start), with the
    same groups; a pattern whose first character this cannot tell (it may match empty, or start
    with any character) is returned as it is.

    >>> gated(re.compile(r"\b(?:ranked|no\.\s*)\d", re.I)).pattern
    '(?<!\\w)(?=[nr])(?:\\b(?:ranked|no\\.\\s*)\\d)'
    >>> gated(re.compile(r"(?:\bno|#)\d")).pattern
    '(?=[\\#n])(?:(?:\\bno|#)\\d)'
    >>> gated(re.compile(r".x")).pattern
    '.x'
    """
    gate = _gate(pattern.pattern, pattern.flags)
    return re.compile(f"{gate}(?:{pattern.pattern})", pattern.flags) if gate else pattern


@kept
def _gate(pattern: str, flags: int) -> str:
    """`gated`'s lookbehind and lookahead for a pattern, or "" where it leaves the pattern as
    it is."""
    if flags & re.VERBOSE or pattern.startswith(SCANNED):
        return ""
    try:
        first = _first(_parser.parse(pattern, flags), flags, _START)
    except _Open:
        return ""
    if first.empty or not first.chars:
        return ""
    lookbehind = r"(?<!\w)" if first.word_start else ""
    return f"{lookbehind}(?=[{''.join(sorted(first.chars))}])"


# How a pattern opens that the regex engine scans for itself: a character class compiled without
# IGNORECASE (a cased class under IGNORECASE gets no quick scan); `gated` leaves it as it is.
SCANNED: Final = "(?-i:["


def scanned_class(chars: Iterable[str]) -> str:
    """`SCANNED`: a class of `chars` that the regex engine looks for in its own loop."""
    return SCANNED + "".join(map(re.escape, sorted(chars))) + "])"


@cache
def case_forms(token: str) -> frozenset[str]:
    """Every character the one-character regex `token` matches with re.IGNORECASE, as the regex
    engine decides ('k' also matches 'K', the Kelvin sign; 's' the long 'ſ').

    One search over the candidates written in a row, not one match per candidate (~0.17 s of a
    process's first extraction): a match of one character there is a candidate that `token`
    matches by itself, as `token` (a character or a class) looks at nothing around it.

    >>> sorted(case_forms("k")) == ["K", "k", "\u212a"], sorted(case_forms("[$]"))
    (True, ['$'])
    """
    candidates = _cased() + token  # an uncased character matches only as written
    found = re.finditer(token, candidates, re.IGNORECASE)
    return frozenset(match.group() for match in found if len(match.group()) == 1)


@cache
@kept
def _cased() -> str:
    """The characters with another case form (a superset of those IGNORECASE folds), in a row.

    Looked for a block of code points at a time, in a string of every code point made in C
    (their UTF-32 bytes, decoded; ~0.05 s against ~0.15 s a character at a time): a block whose
    lower and upper case are the block itself holds none (a character maps to one or more
    characters, so a block's mappings add up to the block only where each character maps to
    itself), and most blocks (unassigned, ideographs, symbols) are passed over whole."""
    codes = array("I", range(sys.maxunicode + 1))  # 4 bytes an item on every CPython platform
    every = codes.tobytes().decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass")
    found = []
    for start in range(0, len(every), _BLOCK):
        block = every[start : start + _BLOCK]
        if block.lower() != block or block.upper() != block:
            found += [char for char in block if char.lower() != char or char.upper() != char]
    return "".join(found)


_BLOCK = 128


@dataclass(frozen=True)
class _Start:
    r"""What the assertions met before a pattern's first character say: `not_after_word`, that
    no word character precedes the match (a lookbehind such as `(?<![\w-])`), `boundary`, that
    a `\b` is there (no word character before when the first character is one)."""

    not_after_word: bool = False
    boundary: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class _First:
    """The class items a match can start with, whether they are all word characters, whether
    the match may be empty, and whether every match starts after a non-word character."""

    chars: frozenset[str]
    word_chars: bool
    empty: bool
    word_start: bool


_START = _Start()
_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
}
_WORD_CATEGORIES = (_constants.CATEGORY_DIGIT, _constants.CATEGORY_WORD)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def _first(items: Iterable[tuple[Any, Any]], flags: int, start: _Start) -> _First:
    """`_First` of the parsed `items`; raises `_Open` for what this cannot tell. The assertions
    before anything that may consume a character are at the match start: after that, they are
    not read."""
    chars: set[str] = set()
    word_chars = word_start = True
    for op, av in items:
        if op is _constants.AT:
            if av is _constants.AT_BOUNDARY:
                start = _Start(start.not_after_word, True)
            continue
        if op is _constants.ASSERT_NOT:
            if av[0] == -1 and _word_class(av[1]):
                start = _Start(True, start.boundary)
            continue
        if op is _constants.ASSERT:
            continue
        if op is _constants.LITERAL:
            first = _one(frozenset({re.escape(chr(av))}), _is_word(chr(av), flags), start)
        elif op is _constants.IN:
            items_ = frozenset(_class_item(item) for item in av)
            first = _one(items_, all(_word_item(item, flags) for item in av), start)
        elif op is _constants.BRANCH:
            branches = [_first(branch, flags, start) for branch in av[1]]
            first = _First(
                frozenset().union(*(b.chars for b in branches)),
                all(b.word_chars for b in branches),
                any(b.empty for b in branches),
                all(b.word_start for b in branches),
            )
        elif op is _constants.SUBPATTERN:
            _, add_flags, _, body = av
            if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Open  # a case-insensitive part of a case-sensitive pattern
            first = _first(body, flags, start)
        elif op in _REPEATS:
            low, _, body = av
            inner = _first(body, flags, start)
            first = _First(inner.chars, inner.word_chars, low == 0 or inner.empty, inner.word_start)
        elif op is _constants.ATOMIC_GROUP:
            first = _first(av, flags, start)
        else:
            raise _Open  # any character, a back reference, a conditional
        chars |= first.chars
        word_chars = word_chars and first.word_chars
        word_start = word_start and first.word_start
        if not first.empty:
            return _First(frozenset(chars), word_chars, False, word_start)
        start = _START  # what follows may start later than the match: its assertions are not read
    return _First(frozenset(chars), word_chars, True, False)


def _one(chars: frozenset[str], word_chars: bool, start: _Start) -> _First:
    """`_First` of one character class met at the match start."""
    word_start = start.not_after_word or (start.boundary and word_chars)
    return _First(chars, word_chars, False, word_start)


def _word_class(body: Any) -> bool:
    """Whether a lookbehind's body is one character class that holds every word character."""
    return (
        len(body) == 1
        and body[0][0] is _constants.IN
        and (_constants.CATEGORY, _constants.CATEGORY_WORD) in body[0][1]
    )


def _is_word(char: str, flags: int) -> bool:
    r"""Whether `char` is a word character as `\w` reads it (its other cases are too)."""
    return (char.isalnum() or char == "_") and (char.isascii() or not flags & re.ASCII)


def _word_item(item: tuple[Any, Any], flags: int) -> bool:
    op, av = item
    if op is _constants.LITERAL:
        return _is_word(chr(av), flags)
    if op is _constants.RANGE:
        low, high = av
        return high - low < 1000 and all(_is_word(chr(c), flags) for c in range(low, high + 1))
    return op is _constants.CATEGORY and av in _WORD_CATEGORIES


def _class_item(item: tuple[Any, Any]) -> str:
    op, av = item
    if op is _constants.LITERAL:
        return re.escape(chr(av))
    if op is _constants.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _constants.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Open  # a negated class, or a class this cannot copy


def starts_of(text: str, pieces: Iterable[str]) -> list[int]:
    """Where `text` holds one of `pieces`, in order: a few scans of a page in C, for a pattern
    every match of which starts with one of them (see `matches_from`).

    >>> starts_of("In 2024, 3%", "0123456789")
    [3, 4, 5, 6, 9]
    """
    starts = []
    for piece in pieces:
        at = text.find(piece)
        while at >= 0:
            starts.append(at)
            at = text.find(piece, at + 1)
    return sorted(starts)


def matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match begins at one of the sorted
    `starts`: tried there only (a few dozen places instead of each character of a page), each
    from the end of the match before, as finditer goes on.

    >>> pattern = re.compile("(?:ab(?:c)?|bc)")
    >>> [m.span() for m in matches_from(pattern, "abc bc", starts_of("abc bc", ["ab", "bc"]))]
    [(0, 3), (4, 6)]
    """
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()

"""Cue words of a whole document found in one pass, so an extractor visits only the sentences
that can hold its phrases instead of running its regexes on each of them.

An extractor whose pattern can only match where one of a few literal words is written (its
"keys": 'rank' for 'ranked No. 3', 'responsible' for 'responsible for') asks `may_hold` about a
span, or `spans_holding` about all its sentences at once. Modules `declare` their key sets, and
the keys of all of them are found together in a folded copy of the document (trie-shaped
regexes: one tried where a word starts, for the word-start keys, one everywhere, for the others);
each answer is then a bisection. It never says no where the pattern could
match: the folded text holds, at the same offsets, what `re.IGNORECASE` compares a letter to (the
lower case, with 'ſ', 'ı' and 'İ' as the 's' and 'i' they match), and a key that is part of a match
is found wherever it is written, overlapping another key or not. Keys made by `word_keys` count
only where they start a word, for patterns that match their words only there; a span that starts
inside a word still counts one at its start (looked for there), as a pattern run on the span
alone sees it. Digits
can count as keys too (`digits=True`), for patterns whose other alternatives all hold one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, count
from operator import add, itemgetter

from mlefacts.normalize._data import matches_from, starts_of, trie
from mlefacts.normalize.text import folded_page

_DIGIT = re.compile(r"\d")
# Texts shorter than this (a heading, a label, one sentence) are searched, not indexed: indexing
# each of them would cost more and push the documents' indexes out of the cache. A short page's
# text is indexed all the same when asked about all its spans at once (`spans_holding`), and its
# index then answers the questions about one span too (see `_held`).
_INDEXED = 1000


class Keys(tuple[str, ...]):
    """The keys of one pattern (see the module docstring): a tuple that is equal only to itself,
    so the indexes find a key set by identity instead of hashing its words on every question.

    With `word_start`, a key counts only where it starts a word (no word character, as `\\w`
    reads it, just before it): for patterns that match their keys only there, such as
    `sections.vocabulary_pattern`, whose words follow a space or the pattern's start.
    `ascii`: every key is ASCII, so the folded text holds one exactly where a search finds it
    (see `_held`).
    """

    shortest: int
    longest: int
    word_start: bool
    ascii: bool

    def __new__(cls, keys: Iterable[str], *, word_start: bool = False) -> Keys:
        self = super().__new__(cls, (key.lower() for key in keys))
        self.shortest = min(map(len, self), default=0)
        self.longest = max(map(len, self), default=0)
        self.word_start = word_start
        self.ascii = all(map(str.isascii, self))
        return self

    __hash__ = object.__hash__

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other


def as_keys(keys: Iterable[str]) -> Keys:
    """`keys` as the one `Keys` of those words (a plain tuple of keys works too, a little slower).

    >>> as_keys(("spot", "rank")) is as_keys(("spot", "rank"))
    True
    """
    return keys if isinstance(keys, Keys) else _interned(tuple(keys))


@cache
def _interned(keys: tuple[str, ...], *, word_start: bool = False) -> Keys:
    """The one `Keys` of these words: a key set asked about under a new identity would cost the
    scanner of every key set asked about so far (`_scanner_for`), which would then grow."""
    return Keys(keys, word_start=word_start)


def phrase_keys(phrases: Iterable[str]) -> Keys | None:
    """The keys of a phrase list: the longest literal word of each phrase, lower-cased ('*' is a
    wildcard, as in `sections.vocabulary_pattern`). None when a phrase has no literal word: no
    key can then rule a sentence out.

    >>> phrase_keys(["top spot", "ranked first", "need*", "what does * do"])
    ('need', 'ranked', 'spot', 'what')
    """
    keys = _longest_words(phrases)
    if keys is None:
        return None
    # A key holding another adds nothing: where it is written, the other is too.
    return as_keys(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def _longest_words(phrases: Iterable[str]) -> set[str] | None:
    """The longest literal word of each phrase, lower-cased; None when a phrase has none."""
    keys = set()
    for phrase in phrases:
        words = [word.rstrip("*") for word in phrase.split() if "*" not in word.rstrip("*")]
        words = [word for word in words if word]
        if not words:
            return None
        keys.add(max(words, key=len).lower())
    return keys


def word_keys(phrases: Iterable[str]) -> Keys | None:
    """Like `phrase_keys`, for a pattern that matches its words only where they start a word
    (a `sections.vocabulary_pattern`): the keys count only there (see `Keys`), so 'he' rules
    out the sentences whose only 'he' is inside 'the'. A key that starts with another adds
    nothing.

    >>> word_keys(["they", "he", "he/she", "job*"])
    ('he', 'job', 'they')
    """
    keys = _longest_words(phrases)
    if keys is None:
        return None
    kept = sorted(k for k in keys if not any(o != k and k.startswith(o) for o in keys))
    return _interned(tuple(kept), word_start=True)


def may_hold(
    text: str, start: int, end: int, keys: tuple[str, ...] | None, *, digits: bool = False
) -> bool:
    """Whether `text[start:end]` may hold one of `keys` (see the module docstring): False only
    when none is written there in any letter case. With `digits`, a digit (any that `\\d`
    matches) there counts as a key too: for patterns whose other alternatives all need one.

    >>> keys = phrase_keys(["top spot", "number one"])
    >>> t = "It took the TOP SPOT. Pay rose 3%." + " Filler." * 200
    >>> may_hold(t, 0, 20, keys), may_hold(t, 21, len(t), keys)
    (True, False)
    >>> may_hold(t, 21, len(t), keys, digits=True)
    True
    """
    if not keys:
        return True
    if type(keys) is not Keys:
        keys = as_keys(keys)
    if len(text) < _INDEXED:
        if keys.ascii and _LAST and _LAST[0][0] is text:  # a short page asked about before
            found = _held(text, start, end, keys, _key_starts(text, keys))
        else:
            found = _searched(text, start, end, keys)
        return found or (digits and _DIGIT.search(text, start, end) is not None)
    if digits and has_digit(text, start, end):
        return True
    # Most questions are about the text asked about last: its answers are looked up inline.
    known = _LAST[0][2].starts.get(keys) if _LAST and _LAST[0][0] is text else None
    starts = known if known is not None else _key_starts(text, keys)
    index = bisect_left(starts, start)
    if index < len(starts) and starts[index] <= end - keys.shortest:
        return True
    if not (keys.word_start and start > 0):  # most spans: `_at_start`'s tests, inline
        return False
    before = text[start - 1]
    if not (before.isalnum() or before == "_"):
        return False
    return _any_key(keys, anywhere=True).match(text, start, end) is not None  # inside a word


def holding(text: str, start: int, end: int, key_sets: Sequence[tuple[str, ...] | None]) -> int:
    """Which of `key_sets` `text[start:end]` may hold, as `may_hold` answers for each (bit `i`
    for `key_sets[i]`), when it may hold the first; 0 when it does not, and the others are not
    asked about. One call for a reader whose first key set gates several patterns.

    >>> t = "Pay rose. It took the top spot." + " Filler." * 200
    >>> holding(t, 10, 31, [("spot",), ("pay",), ("top",)]), holding(t, 0, 9, [("spot",), ("pay",)])
    (5, 0)
    """
    if len(text) < _INDEXED:
        if not may_hold(text, start, end, key_sets[0]):
            return 0
        rest = enumerate(key_sets[1:], start=1)
        return 1 | sum(1 << bit for bit, keys in rest if may_hold(text, start, end, keys))
    known = _LAST[0][2].starts if _LAST and _LAST[0][0] is text else {}
    before = text[start - 1] if start else " "
    inside = before.isalnum() or before == "_"  # a span starting inside a word: `_at_start`
    held = 0
    for bit, keys in enumerate(key_sets):
        if not keys:
            held |= 1 << bit
            continue
        if type(keys) is not Keys:
            keys = as_keys(keys)
        starts = known.get(keys)
        if starts is None:
            starts = _key_starts(text, keys)
        index = bisect_left(starts, start)
        if (index < len(starts) and starts[index] <= end - keys.shortest) or (
            inside and keys.word_start and _any_key(keys, anywhere=True).match(text, start, end)
        ):
            held |= 1 << bit
        elif not bit:
            return 0
    return held


def spans_holding(
    text: str,
    spans: Sequence[tuple[int, int]],
    keys: tuple[str, ...] | None,
    *,
    digits: bool = False,
) -> list[int]:
    """The indexes of the `spans` (in text order, not overlapping) that may hold one of `keys`
    (as `may_hold` answers for each): found from where the keys are, not by asking each span.
    The text is indexed whatever its length: ask about a page's text.

    >>> t = "Pay rose. It took the top spot. Demand grew 5%." + " Filler." * 200
    >>> spans_holding(t, [(0, 9), (10, 31), (32, 47)], phrase_keys(["top spot"]), digits=True)
    [1, 2]
    """
    if not keys:
        return list(range(len(spans)))
    keys = as_keys(keys)
    if len(text) < _INDEXED:
        if not keys.ascii:
            return [
                i for i, (s, e) in enumerate(spans) if may_hold(text, s, e, keys, digits=digits)
            ]
        starts = _key_starts(text, keys)  # a short page: its index answers every span
        return [
            i
            for i, (s, e) in enumerate(spans)
            if _held(text, s, e, keys, starts) or (digits and has_digit(text, s, e))
        ]
    firsts = list(map(_START, spans))
    after = _after_word(text, tuple(firsts)) if keys.word_start else ()
    found = _found(text, spans, firsts, after, keys)
    if digits:
        found.update(_with_digit(text, tuple(spans)))
    return sorted(found)


def starts_in(text: str, start: int, end: int, keys: Keys) -> list[int]:
    """Where the keys of `keys` start in `text[start:end]`, in order, as the text's index
    finds them (word-start keys only where they start a word, not at a span's start inside
    one): for a reader whose pattern can match only there, which tries it there alone. The
    text is indexed whatever its length: ask about a page's text.

    >>> t = "Deploy models, then redeploy them." + " Filler." * 200
    >>> starts_in(t, 0, 34, word_keys(["deploy", "redeploy"])), starts_in(t, 1, 34, ("ploy",))
    ([0, 20], [2, 24])
    """
    starts = _key_starts(text, as_keys(keys))
    return starts[bisect_left(starts, start) : bisect_left(starts, end)]


def spans_with_digit(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The indexes of the `spans` (in text order, not overlapping) that hold a digit (as
    `has_digit` answers for each), found from where the digits are.

    >>> spans_with_digit("Pay rose 3%. It held.", [(0, 12), (13, 21)])
    [0]
    """
    if len(text) < _INDEXED:
        return [i for i, (start, end) in enumerate(spans) if has_digit(text, start, end)]
    return sorted(_with_digit(text, tuple(spans)))


@lru_cache(maxsize=8)
def _with_digit(text: str, spans: tuple[tuple[int, int], ...]) -> frozenset[int]:
    """`spans_with_digit` of an indexed text, as a set, found once: most readers ask with the
    page's prose sentences, one after another (`spans_holding` with `digits`)."""
    return frozenset(_holding(spans, list(map(_START, spans)), _digit_positions(text), 1))


def holding_masks(
    text: str, spans: Sequence[tuple[int, int]], key_sets: Sequence[tuple[str, ...] | None]
) -> list[int]:
    """For each of the `spans` (in text order, not overlapping), which of `key_sets` it may
    hold, as `spans_holding` answers for each: bit `i` of its mask for `key_sets[i]`. One call
    for a reader that asks about many key sets: the spans are listed once for all of them.

    >>> t = "Pay rose. It took the top spot. Demand grew 5%." + " Filler." * 200
    >>> holding_masks(t, [(0, 9), (10, 31), (32, 47)], [("spot",), ("pay", "demand"), None])
    [6, 5, 6]
    """
    masks = [0] * len(spans)
    firsts = list(map(_START, spans))
    after = _after_word(text, tuple(firsts)) if len(text) >= _INDEXED else ()
    for bit, keys in enumerate(key_sets):
        if not keys:
            found: Iterable[int] = range(len(spans))
        elif len(text) < _INDEXED:
            found = spans_holding(text, spans, keys)
        else:
            found = _found(text, spans, firsts, after, as_keys(keys))
        flag = 1 << bit
        for index in found:
            masks[index] |= flag
    return masks


def _found(
    text: str,
    spans: Sequence[tuple[int, int]],
    firsts: list[int],
    after: Sequence[int],
    keys: Keys,
) -> set[int]:
    """`spans_holding`'s answer for an indexed text, as a set: `firsts` are the spans' starts,
    `after` the indexes of those that follow a word character (`_after_word`)."""
    found = _holding(spans, firsts, _key_starts(text, keys), keys.shortest)
    if keys.word_start:  # spans starting inside a word (see `_at_start`)
        for index in after:
            if _any_key(keys, anywhere=True).match(text, *spans[index]):
                found.add(index)
    return found


def _holding(
    spans: Sequence[tuple[int, int]], firsts: list[int], positions: list[int], length: int
) -> set[int]:
    """The indexes of the `spans` (starting at `firsts`) in which a run of `length` characters
    starting at one of the sorted `positions` lies: a bisection per span or per position,
    whichever are fewer."""
    if len(spans) < len(positions):
        found = set()
        for index, (start, end) in enumerate(spans):
            at = bisect_left(positions, start)
            if at < len(positions) and positions[at] <= end - length:
                found.add(index)
        return found
    found = set()
    for at in positions:
        index = bisect_right(firsts, at) - 1
        if index >= 0 and at + length <= spans[index][1]:
            found.add(index)
    return found


# The start of a span.
_START = itemgetter(0)


def has_digit(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a digit (any that `\\d` matches), from one scan of the text.

    >>> has_digit("Pay rose 3% in 2024.", 0, 8), has_digit("Pay rose 3% in 2024.", 0, 10)
    (False, True)
    """
    if len(text) < _INDEXED:  # a label or a heading: one search, and no document's positions
        return _DIGIT.search(text, start, end) is not None  # pushed out of the cache for it
    positions = _digit_positions(text)
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


@lru_cache(maxsize=32)
def _after_word(text: str, firsts: tuple[int, ...]) -> tuple[int, ...]:
    """The indexes of the span starts (`firsts`) that follow a word character: spans starting
    inside a word, where word-start keys are looked for at the start (see `_at_start`)."""
    before = [text[at - 1] if at else " " for at in firsts]
    return tuple(i for i, char in enumerate(before) if char.isalnum() or char == "_")


def _is_word_char(char: str) -> bool:
    """Whether `\\w` matches the one character `char` (as the regex engine reads a `str`: a
    letter, digit or numeral, or '_'); a method call costs less than a match.

    >>> [_is_word_char(c) for c in "a_9²- "]
    [True, True, True, True, False, False]
    """
    return char.isalnum() or char == "_"


def _searched(text: str, start: int, end: int, keys: Keys) -> bool:
    """Whether one of `keys` is in `text[start:end]`, from a search of the span alone: for short
    texts, where one search costs less than indexing the text."""
    return _any_key(keys).search(text, start, end) is not None or _at_start(text, start, end, keys)


def _held(text: str, start: int, end: int, keys: Keys, starts: list[int]) -> bool:
    """`_searched`'s answer from `starts`, where the ASCII `keys` start in the text (as the
    index finds them): a bisection, not a search. Exact: a character folds to an ASCII one only
    if `re.IGNORECASE` matches them and a case-insensitive match of an ASCII key is in the folded
    text (checked over every code point in the tests), folding keeps what `\\w` matches, and a
    search run on a span sees the characters before it; so a key the index finds inside the
    span whole is one the search finds, and the search finds no other. Only a key found that
    may run past the span's end is searched for.
    """
    at = bisect_left(starts, start)
    if at < len(starts) and starts[at] + keys.longest <= end:
        return True
    if at < len(starts) and starts[at] <= end - keys.shortest:
        return _searched(text, start, end, keys)
    return _at_start(text, start, end, keys)


def _at_start(text: str, start: int, end: int, keys: Keys) -> bool:
    """Whether a word-start key begins a span that starts inside a word: a pattern run on the
    span alone (`pattern.search(text[start:end])`) sees a word start there."""
    return bool(
        keys.word_start
        and start > 0
        and _is_word_char(text[start - 1])
        and _any_key(keys, anywhere=True).match(text, start, end)
    )


@cache
def _any_key(keys: Keys, *, anywhere: bool = False) -> re.Pattern[str]:
    """Any of `keys` in any letter case, as `re.IGNORECASE` compares letters (see `_searched`)."""
    word_start = keys.word_start and not anywhere
    letters = _trie(sorted(set(keys)))  # one try per letter at each position, not one per key
    return re.compile(rf"(?<!\w){letters}" if word_start else letters, re.I)


@lru_cache(maxsize=8)
def _digit_positions(text: str) -> list[int]:
    """Where each digit of `text` is, in order. `\\d` matches no ASCII character but '0'-'9', so
    unless a character beyond ASCII is a digit, `str.find` finds them all, skipping ahead in C
    where a `\\d` scan tests every character (several times faster on a page).

    >>> _digit_positions("In 2024 pay rose 3%"), _digit_positions("Rose \\u0663% \\u2014 in 2024")
    ([3, 4, 5, 6, 17], [5, 13, 14, 15, 16])
    """
    if not text.isascii() and _DIGIT.search(_beyond_ascii(text)):
        return [match.start() for match in _DIGIT.finditer(text)]
    return starts_of(text, "0123456789")


def _beyond_ascii(text: str) -> str:
    """The characters of `text` beyond ASCII, in order: its UTF-8 bytes less the ASCII ones (each
    byte of a longer character's is beyond ASCII), deleted in one pass in C; 'surrogatepass'
    keeps a lone surrogate too.

    >>> ascii(_beyond_ascii("a\\u2014b \\u0663 \\ud800"))
    "'\\\\u2014\\\\u0663\\\\ud800'"
    """
    encoded = text.encode("utf-8", "surrogatepass")
    return encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")


# The ASCII bytes, deleted by `_beyond_ascii`.
_ASCII = bytes(range(128))


@dataclass(frozen=True, eq=False)
class _Scanner:
    """Two patterns for the keys of every key set asked about, and what a match of them tells.

    Word-start keys (see `Keys`) are looked for only where a word starts: `word_pattern` finds
    the longest key there (a trie, so each position is tried once per letter, not once per key),
    from the character before it that no `\\w` matches (so the regex engine skips in its own
    loop the characters that cannot be that one, by a class of ASCII characters it tests
    cheaply; the lookbehind `\\W` after the trie, tried only where a key follows, rules out
    the non-ASCII word characters the class lets through; `word_first` tries the text's start),
    and `owners[written]` lists the key sets (of `word_sets`) holding a key that a key so found
    begins with ('engineer' for 'engineering'): the scan lists each set's starts, in order.
    The other keys (`anywhere`) are found anywhere by `pattern`, tried only where one of them
    is written (`matches_from`), which resumes after a match, so the keys that start inside it
    are found from the match: `offsets[keys][written]` lists where a key of `keys` lies inside a
    match `written`, and `reprobe[written]` the offsets at which a key may start inside it and
    end past it ('near' at the end of 'linear'), each with the characters such a key can go on
    with right after the match: only where one of them follows is the pattern tried again.
    """

    pattern: re.Pattern[str] | None
    anywhere: tuple[str, ...]
    offsets: dict[Keys, dict[str, tuple[tuple[int, str], ...]]]
    reprobe: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    word_pattern: re.Pattern[str] | None
    word_first: re.Pattern[str] | None
    owners: dict[str, tuple[Keys, ...]]
    word_sets: tuple[Keys, ...]


# The scanner for every key set asked about so far: the scan looks for all of them at once.
_SCANNERS: list[_Scanner] = []


# Functions giving the key sets each module asks about (see `declare`).
_DECLARED: list[Callable[[], Iterable[Keys | None]]] = []


def declare(provider: Callable[[], Iterable[Keys | None]]) -> None:
    """Tell the scanner which key sets a module will ask about, so the first scan of a process
    looks for all of them: each key set first asked about otherwise costs a new scanner."""
    _DECLARED.append(provider)


def _scanner_for(keys: Keys) -> _Scanner:
    """The scanner that knows `keys`: the last one built, or a new one with `keys` added."""
    if not _SCANNERS or not (keys in _SCANNERS[-1].offsets or keys in _SCANNERS[-1].word_sets):
        known = [*_SCANNERS[-1].offsets, *_SCANNERS[-1].word_sets] if _SCANNERS else _declared()
        _SCANNERS[:] = [_scanner((*dict.fromkeys([*known, keys]),))]
    return _SCANNERS[-1]


def _declared() -> list[Keys]:
    return [as_keys(keys) for provider in _DECLARED for keys in provider() if keys]


def _scanner(key_sets: tuple[Keys, ...]) -> _Scanner:
    anywhere = [keys for keys in key_sets if not keys.word_start]
    union = sorted({key for keys in anywhere for key in keys})
    offsets = {
        keys: {written: inside for written in union if (inside := _inside(written, set(keys)))}
        for keys in anywhere
    }
    # A key starts inside a match and ends past it where the rest of the match begins a key.
    following: dict[str, set[str]] = {}  # each proper beginning of a key: what comes next
    for key in union:
        for length in range(1, len(key)):
            following.setdefault(key[:length], set()).add(key[length])
    reprobe = {
        written: at
        for written in union
        if (
            at := tuple(
                (o, frozenset(following[written[o:]]))
                for o in range(1, len(written))
                if written[o:] in following
            )
        )
    }
    word_sets = [keys for keys in key_sets if keys.word_start]
    words = sorted({key for keys in word_sets for key in keys})
    owners = {w: tuple(keys for keys in word_sets if w.startswith(tuple(keys))) for w in words}
    return _Scanner(
        re.compile(_trie(union)) if union else None,
        tuple(union),
        offsets,
        reprobe,
        re.compile(rf"[^a-z0-9_](?=({_trie(words)}))(?<=\W)") if words else None,
        re.compile(_trie(words)) if words else None,
        owners,
        tuple(word_sets),
    )


def _inside(written: str, keys: set[str]) -> tuple[tuple[int, str], ...]:
    """Where the keys of `keys` lie inside `written`, as (offset, key)."""
    return tuple(
        (offset, written[offset:stop])
        for offset in range(len(written))
        for stop in range(offset + 1, len(written) + 1)
        if written[offset:stop] in keys
    )


def _trie(keys: list[str]) -> str:
    """A regex matching the longest of `keys` at a position, as nested alternatives by letter.

    >>> _trie(["ab", "abc", "b"])
    '(?:ab(?:c)?|b)'
    """
    return trie([list(map(re.escape, key)) for key in keys])


@dataclass(frozen=True, eq=False)
class _Index:
    """The keys written in one text: where the longest key found anywhere starts at each matched
    position, by what it matched (`by_match`), the start lists of the key sets asked about so far
    (every word-start set's, from the scan), and the folded text the keys were found in."""

    by_match: dict[str, list[int]]
    starts: dict[Keys, list[int]]
    folded: str


# The index asked for last: extractors ask about one document many times in a row.
_LAST: list[tuple[str, _Scanner, _Index]] = []


def _index(text: str, scanner: _Scanner) -> _Index:
    if _LAST and _LAST[0][0] is text and _LAST[0][1] is scanner:
        return _LAST[0][2]
    index = _built_index(text, scanner)
    _LAST[:] = [(text, scanner, index)]
    return index


@lru_cache(maxsize=8)
def _built_index(text: str, scanner: _Scanner) -> _Index:
    folded = folded_page(text)
    by_match: dict[str, list[int]] = {}
    # a match starts only where a key found anywhere is written ('%', ':'): tried only there
    pattern = scanner.pattern
    found = matches_from(pattern, folded, starts_of(folded, scanner.anywhere)) if pattern else ()
    for match in found:
        written, at, end = match.group(), match.start(), match.end()
        by_match.setdefault(written, []).append(at)
        after = folded[end : end + 1]
        for offset, nexts in scanner.reprobe.get(written, ()):
            if after not in nexts:
                continue  # no key that starts there goes on past the match
            again = scanner.pattern.match(folded, at + offset)
            if again is not None and again.end() > match.end():
                by_match.setdefault(again.group(), []).append(at + offset)
    starts: dict[Keys, list[int]] = {keys: [] for keys in scanner.word_sets}
    if scanner.word_pattern is not None and scanner.word_first is not None:
        if (first := scanner.word_first.match(folded)) is not None:
            for keys in scanner.owners[first.group()]:
                starts[keys].append(0)
        # Each match is the one character before a key, so the text between them gives where
        # each key is: one past the end of the piece before it.
        pieces = scanner.word_pattern.split(folded)
        ends = map(add, accumulate(map(len, pieces[::2])), count(1))
        for written, at in zip(pieces[1::2], ends, strict=False):
            for keys in scanner.owners[written]:
                starts[keys].append(at)
    return _Index(by_match, starts, folded)


def _key_starts(text: str, keys: Keys) -> list[int]:
    """Where the keys of `keys` start in `text`, every occurrence, in order; for word-start
    keys, only where they start a word."""
    if _LAST and _LAST[0][0] is text and (known := _LAST[0][2].starts.get(keys)) is not None:
        return known  # asked before about the text asked about last: most questions
    scanner = _scanner_for(keys)
    index = _index(text, scanner)
    found = index.starts.get(keys)
    if found is None:  # a key set found anywhere: the word-start sets' lists are the scan's
        found = _starts_of(index, scanner.offsets[keys])
        index.starts[keys] = found
    return found


def _starts_of(index: _Index, offsets: dict[str, tuple[tuple[int, str], ...]]) -> list[int]:
    """`_key_starts` of keys found anywhere, from the index: a key at an offset inside a match
    follows the match's own characters."""
    return sorted(
        at + offset
        for written, inside in offsets.items()
        for at in index.by_match.get(written, ())
        for offset, _ in inside
    )

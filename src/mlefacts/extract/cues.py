"""Cue words of a whole document found in one pass, so an extractor can skip the sentences that
cannot hold its phrases without running its regex on each of them.

An extractor whose pattern can only match where one of a few literal words is written (its
"keys": 'rank' for 'ranked No. 3', 'responsible' for 'responsible for') asks `may_hold` before
searching a sentence. The keys of every extractor that asked so far are found together, in one
scan of a folded copy of the document; `may_hold` is then a bisection. It never says no where the
pattern could match: the folded text holds, at the same offsets, what `re.IGNORECASE` compares a
letter to (the lower case, with 'ſ', 'ı' and 'İ' as the 's' and 'i' they match), and a key that
is part of a match is found wherever it is written, overlapping another key or not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from mlefacts.normalize.text import fold_case

_DIGIT = re.compile(r"\d")
# Texts shorter than this (a heading, a label, one sentence) are searched, not indexed: indexing
# each of them would cost more and push the documents' indexes out of the cache.
_INDEXED = 1000


def phrase_keys(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """The keys of a phrase list: the longest literal word of each phrase, lower-cased ('*' is a
    wildcard, as in `sections.vocabulary_pattern`). None when a phrase has no literal word: no
    key can then rule a sentence out.

    >>> phrase_keys(["top spot", "ranked first", "need*", "what does * do"])
    ('need', 'ranked', 'spot', 'what')
    """
    keys = set()
    for phrase in phrases:
        words = [word.rstrip("*") for word in phrase.split() if "*" not in word.rstrip("*")]
        words = [word for word in words if word]
        if not words:
            return None
        keys.add(max(words, key=len).lower())
    # A key holding another adds nothing: where it is written, the other is too.
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


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
    if len(text) < _INDEXED:
        found = _any_key(keys).search(text, start, end)
        return bool(found or (digits and _DIGIT.search(text, start, end)))
    if digits and has_digit(text, start, end):
        return True
    starts = _key_starts(text, keys)
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] <= end - min(map(len, keys))


def has_digit(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a digit (any that `\\d` matches), from one scan of the text.

    >>> has_digit("Pay rose 3% in 2024.", 0, 8), has_digit("Pay rose 3% in 2024.", 0, 10)
    (False, True)
    """
    positions = _digit_positions(text)
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


@cache
def _any_key(keys: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `keys` in any letter case, as `re.IGNORECASE` compares letters: for short texts,
    where one search costs less than indexing the text."""
    return re.compile("|".join(re.escape(key) for key in keys), re.IGNORECASE)


@lru_cache(maxsize=8)
def _digit_positions(text: str) -> list[int]:
    """Where each digit of `text` is, in order."""
    return [match.start() for match in _DIGIT.finditer(text)]


@dataclass(frozen=True, eq=False)
class _Scanner:
    """One pattern for the keys of every key set asked about, and what a match of it tells.

    `pattern` matches the longest key at a position (a trie, so each position is tried once per
    letter, not once per key). The scan resumes after a match, so a key that starts inside it
    (inside 'engineering': 'engineer'; 'near' overlapping the end of 'linear') is found from the
    match: `offsets[keys][written]` lists, for a written match, where a key of `keys` may start in
    it (offset, key) and whether it is sure to (it lies inside the match) or must be checked.
    """

    pattern: re.Pattern[str]
    offsets: dict[tuple[str, ...], dict[str, tuple[tuple[int, str, bool], ...]]]


# The scanner for every key set asked about so far: the scan looks for all of them at once.
_SCANNERS: list[_Scanner] = []


def _scanner_for(keys: tuple[str, ...]) -> _Scanner:
    """The scanner that knows `keys`: the last one built, or a new one with `keys` added."""
    if not _SCANNERS or keys not in _SCANNERS[-1].offsets:
        known = tuple(_SCANNERS[-1].offsets) if _SCANNERS else ()
        _SCANNERS[:] = [_scanner((*known, keys))]
    return _SCANNERS[-1]


def _scanner(key_sets: tuple[tuple[str, ...], ...]) -> _Scanner:
    union = sorted({key for keys in key_sets for key in keys})
    offsets = {
        keys: {
            written: entries for written in union if (entries := tuple(_starts_in(written, keys)))
        }
        for keys in key_sets
    }
    return _Scanner(re.compile(_trie(union)), offsets)


def _starts_in(written: str, keys: tuple[str, ...]) -> list[tuple[int, str, bool]]:
    """Where a key of `keys` may start in a match `written`: inside it (sure), or at its end
    and overlapping what follows (to be checked)."""
    found = []
    for offset in range(len(written)):
        for key in keys:
            if offset + len(key) <= len(written):
                if written.startswith(key, offset):
                    found.append((offset, key, True))
            elif key.startswith(written[offset:]):
                found.append((offset, key, False))
    return found


def _trie(keys: list[str]) -> str:
    """A regex matching the longest of `keys` at a position, as nested alternatives by letter.

    >>> _trie(["ab", "abc", "b"])
    '(?:ab(?:c)?|b)'
    """
    root: dict[str, dict] = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    merged = pattern(root)
    return merged if merged.startswith("(?:") else f"(?:{merged})"


@dataclass(frozen=True, eq=False)
class _Index:
    """The keys written in one text: where each match of the scanner starts, by what it matched,
    and the start lists of the key sets asked about so far."""

    folded: str
    by_match: dict[str, list[int]]
    starts: dict[tuple[str, ...], list[int]]


@lru_cache(maxsize=8)
def _index(text: str, scanner: _Scanner) -> _Index:
    folded = fold_case(text)
    by_match: dict[str, list[int]] = {}
    for match in scanner.pattern.finditer(folded):
        by_match.setdefault(match.group(), []).append(match.start())
    return _Index(folded, by_match, {})


def _key_starts(text: str, keys: tuple[str, ...]) -> list[int]:
    """Where the keys of `keys` start in `text`, every occurrence, in order."""
    scanner = _scanner_for(keys)
    index = _index(text, scanner)
    starts = index.starts.get(keys)
    if starts is None:
        starts = []
        for written, entries in scanner.offsets[keys].items():
            at = index.by_match.get(written)
            if not at:
                continue
            for offset, key, sure in entries:
                starts += (
                    [p + offset for p in at]
                    if sure
                    else [p + offset for p in at if index.folded.startswith(key, p + offset)]
                )
        starts.sort()
        index.starts[keys] = starts
    return starts

"""Cue words of a whole document found in one pass, so an extractor can skip the sentences that
cannot hold its phrases without running its regex on each of them.

An extractor whose pattern can only match where one of a few literal words is written (its
"keys": 'rank' for 'ranked No. 3', 'responsible' for 'responsible for') asks `may_hold` before
searching a sentence. The keys of every vocabulary are found once per document, in a folded copy
of its text, by a literal search; `may_hold` is then a bisection. It never says no where the pattern
could match: the folded text holds, at the same offsets, what `re.IGNORECASE` compares a letter
to (the lower case, with 'ſ', 'ı' and 'İ' as the 's' and 'i' they match), and a key that is part
of a match is found wherever it is written.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from mlefacts.normalize.text import fold_case


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


def may_hold(text: str, start: int, end: int, keys: tuple[str, ...] | None) -> bool:
    """Whether `text[start:end]` may hold one of `keys` (see the module docstring): False only
    when none is written there in any letter case.

    >>> keys = phrase_keys(["top spot", "number one"])
    >>> t = "It took the TOP SPOT. Pay rose."
    >>> may_hold(t, 0, 20, keys), may_hold(t, 21, len(t), keys)
    (True, False)
    """
    if not keys:
        return True
    starts, shortest = _key_starts(text, keys)
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] <= end - shortest


@lru_cache(maxsize=64)
def _key_starts(text: str, keys: tuple[str, ...]) -> tuple[list[int], int]:
    """Where each of `keys` is written in `text`, every occurrence, in order; the shortest key's
    length (no key starting later than that before a span's end fits in it)."""
    folded = fold_case(text)
    starts = []
    for key in keys:
        at = folded.find(key)
        while at >= 0:
            starts.append(at)
            at = folded.find(key, at + 1)
    return sorted(starts), min(map(len, keys))

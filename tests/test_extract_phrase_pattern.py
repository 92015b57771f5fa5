"""`_phrase_pattern` opens with the class of its first characters: the same matches as the plain
whole-word alternation it stands for."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.extract.context import _phrase_pattern, is_unspaced, longest_first, phrase_alternation
from mlefacts.extract.sections import vocabulary_pattern, vocabulary_regex
from mlefacts.normalize._data import UNSPACED_SCRIPTS, _cased, case_forms


def _plain(words: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern as first written, opening with its lookbehind."""
    ordered = sorted(words, key=len, reverse=True)
    spaced = [word for word in ordered if not is_unspaced(word)]
    unspaced = [word for word in ordered if word not in spaced]
    if not spaced:
        return re.compile(phrase_alternation(unspaced), re.IGNORECASE)
    bounded = rf"(?<![\w-]){longest_first(spaced)}(?![\w-])"
    if unspaced:
        either = phrase_alternation(unspaced)
        bounded = rf"(?<![^\W{UNSPACED_SCRIPTS}])(?:{bounded}|{either})"
    return re.compile(bounded, re.IGNORECASE)


# letters with case forms outside ASCII ('ſ' for s, 'K' Kelvin for k, 'İ'/'ı' for i)
LETTERS = "asSkKiIe ſKİıé'’-年収"
WORDS = st.text(LETTERS, min_size=1, max_size=5).filter(lambda word: word.strip() == word)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=6, unique=True).map(tuple),
    st.lists(WORDS | st.text(LETTERS + "x1 \u00a0.", max_size=3), max_size=12).map("".join),
    st.integers(0, 3),
)
def test_phrase_pattern_finds_what_the_plain_alternation_finds(
    words: tuple[str, ...], text: str, start: int
) -> None:
    found = [match.span() for match in _phrase_pattern(words).finditer(text, start)]
    assert found == [match.span() for match in _plain(words).finditer(text, start)]


def test_case_forms_are_the_regex_engines() -> None:
    assert case_forms("k") == {"k", "K", "\u212a"}
    assert case_forms("s") == {"s", "S", "\u017f"}
    assert case_forms(r"\$") == {"$"}


def test_cased_characters_found_by_blocks_are_every_cased_one() -> None:
    """`_cased` passes over whole blocks in C; it finds what a look at each character finds."""
    every = map(chr, range(sys.maxunicode + 1))
    assert _cased() == "".join(c for c in every if c.lower() != c or c.upper() != c)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_cased())
    | st.characters()
    | st.characters().map(re.escape)
    | st.sampled_from(["[$€]", "['’]", r"\d", r"\w", ".", "$", "^"])
)
def test_case_forms_are_the_characters_a_match_of_each_finds(token: str) -> None:
    """`case_forms` searches the cased characters in a row: what matching each one finds."""
    candidates = set(_cased()) | set(token)
    try:
        matched = {char for char in candidates if re.fullmatch(token, char, re.IGNORECASE)}
    except re.error:
        return  # not a regex: nothing to compare
    assert case_forms.__wrapped__(token) == matched


VOCABULARY = st.lists(
    st.lists(WORDS | st.sampled_from(["*", "ab*", "s*"]), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(VOCABULARY, st.lists(WORDS | st.text(LETTERS + "x1 .", max_size=3), max_size=12))
def test_vocabulary_pattern_finds_what_its_regex_finds(
    phrases: list[str], parts: list[str]
) -> None:
    text = "".join(parts)
    found = [match.span() for match in vocabulary_pattern(phrases).finditer(text)]
    plain = re.compile(vocabulary_regex(phrases), re.IGNORECASE)
    assert found == [match.span() for match in plain.finditer(text)]

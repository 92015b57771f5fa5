"""`gated` patterns match exactly what the patterns they guard match, on any text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.extract.prose_rankings import _patterns
from mlefacts.normalize._data import gated

PAGES = Path(__file__).parent / "fixtures" / "pages"

PATTERNS = [
    re.compile(r"\b(?:rank(?:ed|s)?|no\.\s*|(?<![\w&])#)(?P<n>\d{1,3})\b", re.I),
    re.compile(r"(?<![\w-])(?:ſt|k\w*)|\b(?:\d+|_x)", re.I),  # every match starts a word
    re.compile(r"\b(?:a|-)b|\b[a-c]?-?x|(?<!\w)a?\bb", re.I),  # a non-word start after '\b'
    re.compile(r"\b(?:é|[0-9])", re.A),  # 'é' is no word character in ASCII mode
    re.compile(r"(?:k|s|i)+x|\d\s?%", re.I),  # letters with odd case folds: 'K' 'ſ' 'İ'
    re.compile(r"(?-i:US|UK)|dollars?", re.I),  # a case-sensitive part
    re.compile(r"(?:[A-Z][a-z]+\s+)?engineers?"),  # may start with the word after an optional one
    re.compile(r"(?:a|)b|c", re.I),  # a branch that may be empty: the next item counts
    re.compile(r"(?>ab|a)c|[x-z\d_-]y", re.I),
]

text = st.lists(
    st.sampled_from(
        [*"abckKsSiIxyz_-#&.%0123456789 \n", "\u212a", "\u017f", "\u0130", "ı", "US", "uk", "é"]
        + ["rank", "Ranked ", "no. ", "No.", "engineer", "Data ", "dollar"]
    ),
    max_size=30,
).map("".join)


def _matches(pattern: re.Pattern[str], value: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(value)]


def test_patterns_are_gated() -> None:
    assert all(gated(pattern) is not pattern for pattern in PATTERNS)
    word_starts = [gated(pattern).pattern.startswith(r"(?<!\w)") for pattern in PATTERNS]
    assert word_starts == [True, True, False, False, False, False, False, False, False]


@settings(max_examples=300, deadline=None)
@given(text)
def test_gated_matches_the_same(value: str) -> None:
    for pattern in PATTERNS:
        assert _matches(gated(pattern), value) == _matches(pattern, value)


def test_gated_ranks_match_the_same_on_pages() -> None:
    ordinal = _patterns()[1]
    gate_end = ordinal.pattern.index("])(?:") + len("])(?:")
    plain = re.compile(ordinal.pattern[gate_end:-1], ordinal.flags)
    assert gated(plain).pattern == ordinal.pattern  # the extractor's pattern is the gated one
    for page in sorted(PAGES.glob("*.*")):
        content = page.read_text("utf-8")
        assert _matches(ordinal, content) == _matches(plain, content)


def test_what_cannot_be_gated_is_returned_as_is() -> None:
    for source in (r".x", r"a*", r"[^a]b", r"(a)?\1", r"x?"):
        pattern = re.compile(source)
        assert gated(pattern) is pattern

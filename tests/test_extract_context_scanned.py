"""The scanned vocabulary patterns match what the plain alternations they stand for match."""

from __future__ import annotations

import random
import re

from mlefacts.extract.context import find_experience_level, longest_first, phrase_pattern
from mlefacts.toml_files import load_data

_TEXTS = [
    "Base salary and total comp: a Senior MLE earns $180K plus RSUs in Toronto.",
    "Gehalt: brutto 60.000 €; wages-ish pre-salary salary_x Salaries",
    "年収は800万円、平均年収 in Tokyo; 연봉 5천만원",
    "Kompensation ſalary ſtipend EARNINGS earned, earns; take home pay",
]


def _plain(words: list[str]) -> re.Pattern[str]:
    """The regex `phrase_pattern` stands for, for spaced words: one alternation, bounded."""
    return re.compile(rf"(?<![\w-]){longest_first(words)}(?![\w-])", re.IGNORECASE)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_phrase_pattern_matches_as_the_plain_alternation() -> None:
    words = [w for w in load_data("salary_terms")["salary_words"]["strong"] if w.isascii()]
    rng = random.Random(0)
    texts = [*_TEXTS, *("".join(rng.sample(t, len(t))) for t in _TEXTS for _ in range(20))]
    for text in texts:
        assert _spans(phrase_pattern(words), text) == _spans(_plain(words), text), text


def test_levels_read_through_the_scanned_patterns() -> None:
    assert find_experience_level("Senior ML engineers earn more") == "senior"
    assert find_experience_level("staff engineers and principal engineers") is None
    assert find_experience_level("シニアエンジニアの年収") == "senior"
    assert find_experience_level("The seniority of pay") is None

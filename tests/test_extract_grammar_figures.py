"""`grammar.states_a_figure` reads as the one case-insensitive pattern it replaced."""

from __future__ import annotations

import re

import pytest

from mlefacts.extract.grammar import states_a_figure

_ONE_PATTERN = re.compile(
    r"[$€£¥₹]|\d\s*(?:%|per\s*cent|percent)|\bno\.\s*\d|#\d"
    r"|\b\d[\d,.]*\s*(?:k|m|bn|lpa|lakh|crore)\b"
    r"|\b\d[\d,.]*\s*(?:million|billion)\s+(?:euros?|dollars?|pounds?|rupees?|yen|yuan|francs?)\b"
    r"|\b(?:USD|EUR|GBP|INR|CAD|AUD|CHF|Rs)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    [
        "paid in usd",
        "the USDA rules",
        "a Rſ fee",
        "İNR 40",
        "fix loads at 6 a.m.",
        "over 40 million notes",
        "2 million euros",
        "No. 2 in demand",
        "rank #3",
        "٣٠ percent",
        "150k base",
        "pay in ₹",
        "no figure here",
    ],
)
def test_states_a_figure_as_one_pattern(text: str) -> None:
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            found = _ONE_PATTERN.search(text, start, end) is not None
            assert states_a_figure(text, start, end) is found, (text, start, end)

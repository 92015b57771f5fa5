"""parse_number, format_number, scale words and apply_scale."""

from __future__ import annotations

import doctest
import re

import pytest

from mlefacts.extract.fractions import word_shares
from mlefacts.normalize import money, numbers, quantities, skills, text
from mlefacts.normalize.numbers import (
    SCALES,
    apply_scale,
    format_number,
    parse_number,
    read_figure,
    scale_factor,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("39,986.7", 39986.7),
        ("7,95,677", 795677.0),
        ("14,62,000", 1462000.0),
        ("1,00,00,000", 10000000.0),
        ("146,085", 146085.0),
        ("1,234,567.89", 1234567.89),
        ("85000", 85000.0),
        ("0.5", 0.5),
        (".5", 0.5),
        ("49.7", 49.7),
        ("1\u2009234\u2009567", 1234567.0),
        ("1\u202f234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("12 345", 12345.0),
        ("-3.2", -3.2),
        ("\u22123.2", -3.2),
        ("+7", 7.0),
        ("  42  ", 42.0),
        ("007", 7.0),
    ],
)
def test_parse_number_reads_written_numbers(raw: str, expected: float) -> None:
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        ".",
        "-",
        "1e5",
        "1 234,5",  # decimal comma is not supported
        "1.234.567",  # dot grouping is not supported
        "1,2345",
        "12,3456",
        "1,234,56",
        "1,23",
        "1, 234",
        "1,234 567",  # mixed separators
        "1,,234",
        "12a",
        "$5",
        "५०",  # non-ASCII digits
        "1.2.3",
        "nan",
        "inf",
    ],
)
def test_parse_number_rejects_anything_else(raw: str) -> None:
    assert parse_number(raw) is None


@pytest.mark.parametrize(
    ("value", "rendered"),
    [
        (39986700000.0, "39986700000"),
        (49.7, "49.7"),
        (0.0, "0"),
        (1e-7, "0.0000001"),
        (-1.5, "-1.5"),
        (1e22, "10000000000000000000000"),
    ],
)
def test_format_number_is_positional_and_reads_back(value: float, rendered: str) -> None:
    assert format_number(value) == rendered
    assert parse_number(rendered) == value


def test_scales_table_holds_the_documented_words() -> None:
    expected = {
        "thousand": 1e3, "k": 1e3, "K": 1e3,
        "lakh": 1e5, "lac": 1e5, "lakhs": 1e5, "L": 1e5,
        "crore": 1e7, "cr": 1e7, "crores": 1e7,
        "million": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6, "MM": 1e6,
        "billion": 1e9, "bn": 1e9, "b": 1e9, "B": 1e9,
        "trillion": 1e12, "tn": 1e12, "T": 1e12,
    }  # fmt: skip
    for word, value in expected.items():
        assert SCALES[word] == value, word


@pytest.mark.parametrize(
    ("word", "factor"),
    [("Million", 1e6), ("BN", 1e9), ("Lakhs", 1e5), ("lakh crore", 1e12), ("M", 1e6)],
)
def test_scale_factor_folds_case_for_words(word: str, factor: float) -> None:
    assert scale_factor(word) == factor


@pytest.mark.parametrize("word", ["mm", "t", "l", "", "dozen", "million dozen"])
def test_scale_factor_keeps_short_symbols_exact(word: str) -> None:
    assert scale_factor(word) is None


@pytest.mark.parametrize(
    ("number", "word", "expected"),
    [
        (14, "lakh", 1400000.0),
        (1462000, "lakh", 1462000.0),  # 'Rs. 14,62,000 LPA': already written out in full
        (1200, "million", 1.2e9),
        (39986.7, "million", 39986700000.0),
        (1.5, "crore", 15000000.0),
        (200000, "crore", 2e12),
        (96.7, "billion", 96.7e9),
        (45, "k", 45000.0),
    ],
)
def test_apply_scale_multiplies_unless_written_in_full(
    number: float, word: str, expected: float
) -> None:
    assert apply_scale(number, word) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("number", "word", "expected"),
    [
        (18.4, "lakh", 1840000.0),
        (16.9, "lakh", 1690000.0),
        (4.41, "billion", 4410000000.0),
        (1.1, "lakh crore", 1100000000000.0),
        (0.7, "million", 700000.0),
    ],
)
def test_apply_scale_keeps_the_written_digits(number: float, word: str, expected: float) -> None:
    """Exactly, not approximately: a published 1839999.9999999998 is a wrong-looking figure."""
    assert apply_scale(number, word) == expected


def test_apply_scale_rejects_unknown_words() -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        apply_scale(5, "dozen")


@pytest.mark.parametrize("module", [numbers, money, quantities, skills, text])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("raw", "digits", "scaled", "expected"),
    [
        ("52 000", 2, False, 52000.0),
        ("52\u202f000,00", 2, False, 52000.0),
        ("31.500", 2, False, 31500.0),
        ("12.500.000", 0, False, 12500000.0),
        ("1.234,50", 2, False, 1234.5),
        ("1,234.50", 2, False, 1234.5),
        ("1'049", 2, False, 1049.0),
        ("120\u2019000.50", 2, False, 120000.5),
        ("45,00", 2, False, 45.0),
        ("34,5", 2, False, 34.5),
        ("1,500", 2, False, 1500.0),
        ("12,50,000", 2, False, 1250000.0),
        ("1.250,-", 2, False, 1250.0),
        ("120'000.\u2013", 2, False, 120000.0),
        ("1,250.500", 3, False, 1250.5),
        ("1.500", None, True, 1.5),
        ("1,500", None, True, 1500.0),
        ("2,5", 2, True, 2.5),
        ("1.5", 0, True, 1.5),
    ],
)
def test_read_figure_reads_money_as_its_country_writes_it(
    raw: str, digits: int | None, scaled: bool, expected: float
) -> None:
    assert read_figure(raw, currency_digits=digits, scaled=scaled).value == expected


@pytest.mark.parametrize(
    ("raw", "digits", "ambiguous"),
    [
        ("1,250", 3, True),  # 1.25 or 1250 dinars
        ("1.250", 3, True),
        ("8,5", 0, False),  # no minor units: nothing, not 8.5
        ("1,234.567", 2, False),  # three decimals of a two-decimal currency
        ("1.234.56", 2, False),
        ("1,23,4", 2, False),
        ("1 2345", 2, False),
        ("1.250,-", None, False),  # whole-unit dash outside money
        ("1,50", None, False),  # a decimal comma needs money or a scale word
    ],
)
def test_read_figure_says_nothing_rather_than_guess(
    raw: str, digits: int | None, ambiguous: bool
) -> None:
    reading = read_figure(raw, currency_digits=digits)
    assert reading.value is None
    assert reading.ambiguous is ambiguous


def test_one_cardinal_grammar_serves_shares_in_words_and_counts_in_words() -> None:
    from mlefacts.extract.fractions import word_shares
    from mlefacts.normalize.numbers import cardinal_pattern, cardinal_value
    from mlefacts.normalize.quantities import find_number_words

    text = "Forty-five percent said so; seventy two thousand engineers; Twenty five in 100 agree"
    matched = [m.group() for m in re.finditer(cardinal_pattern(), text)]
    assert matched[:2] == ["Forty-five", "seventy two"]
    assert [cardinal_value(word) for word in matched[:2]] == [45, 72]
    shares = word_shares(text, 0, len(text))
    assert [text[a.start : a.end] for a in shares] == ["Forty-five percent", "Twenty five in 100"]
    assert [a.value for a in shares] == [45.0, 25.0]
    assert [q.value for q in find_number_words(text)] == [72000.0]


def test_a_share_in_words_may_end_its_sentence() -> None:
    text = "JAX is used by about one in twenty. One in 4.5 is no share."
    assert [f.value for f in word_shares(text, 0, len(text))] == [5.0]

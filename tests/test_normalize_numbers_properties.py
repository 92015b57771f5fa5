"""Properties of the number, money and quantity parsers over generated input.

Numbers with any grouping, currency markers and scale words; random unicode around them. The
parsers must round-trip, never raise, keep values finite and report spans that index the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.normalize.money import currency_code, currency_digits, currency_markers
from mlefacts.normalize.numbers import GROUP_SEPARATORS, format_number, parse_number, scale_factor
from mlefacts.normalize.quantities import find_periods, find_quantities, find_years

SEPARATORS = st.sampled_from(list(GROUP_SEPARATORS))
SCALE_WORDS = st.sampled_from(["thousand", "million", "billion", "trillion", "lakh", "crore", "bn"])
SYMBOLS = st.sampled_from(["$", "US$", "€", "£", "₹", "Rs.", "¥", "C$", "A$"])
# Any code point a page can hold (a lone surrogate cannot be encoded).
NOISE = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)


def western(n: int, sep: str) -> str:
    """1234567 -> '1,234,567' with any separator."""
    digits = str(n)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(groups)


def indian(n: int, sep: str) -> str:
    """1234567 -> '12,34,567'."""
    digits = str(n)
    if len(digits) <= 3:
        return digits
    rest, last = digits[:-3], digits[-3:]
    head = len(rest) % 2 or 2
    groups = [rest[:head]] + [rest[i : i + 2] for i in range(head, len(rest), 2)]
    return sep.join([*groups, last])


@settings(max_examples=500, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_canonical_rendering_parses_back_to_the_value(value: float) -> None:
    assert parse_number(format_number(value)) == value


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), SEPARATORS, st.booleans())
def test_any_valid_grouping_reads_the_integer(n: int, sep: str, use_indian: bool) -> None:
    written = indian(n, sep) if use_indian else western(n, sep)
    assert parse_number(written) == float(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), SEPARATORS, st.integers(1, 99))
def test_grouped_number_with_a_fraction(n: int, sep: str, cents: int) -> None:
    written = f"{western(n, sep)}.{cents:02d}"
    assert parse_number(written) == float(f"{n}.{cents:02d}")


@settings(max_examples=300, deadline=None)
@given(NOISE)
def test_parse_number_never_raises_and_is_finite(raw: str) -> None:
    value = parse_number(raw)
    assert value is None or math.isfinite(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=309, max_value=2000))
def test_numbers_beyond_float_range_are_not_numbers(n_digits: int) -> None:
    assert parse_number("9" * n_digits) is None
    assert find_quantities("$" + "9" * n_digits + " billion in 2024") == []


@dataclass(frozen=True)
class StatedFigure:
    """A sum with a currency symbol and a scale word inside random text, and where it starts."""

    text: str
    start: int
    symbol: str
    amount: str
    scale: str


@st.composite
def stated_figures(draw: st.DrawFn) -> StatedFigure:
    symbol, scale = draw(SYMBOLS), draw(SCALE_WORDS)
    amount = f"{draw(st.integers(1, 999))}.{draw(st.integers(0, 9))}"
    before, after = draw(NOISE), draw(NOISE)
    lead = f"{before} The market was "
    text = f"{lead}{symbol}{amount} {scale} last year. {after}"
    return StatedFigure(text, len(lead), symbol, amount, scale)


@settings(max_examples=400, deadline=None)
@given(stated_figures())
def test_currency_and_scale_word_give_value_in_base_units(figure: StatedFigure) -> None:
    found = [q for q in find_quantities(figure.text) if q.start == figure.start]
    assert len(found) == 1, (figure.text, find_quantities(figure.text))
    quantity = found[0]
    factor = scale_factor(figure.scale)
    assert factor is not None
    assert math.isclose(quantity.value, float(figure.amount) * factor, rel_tol=1e-12)
    assert quantity.unit == currency_code(figure.symbol)
    assert figure.text[quantity.start : quantity.end] == quantity.raw
    assert quantity.raw.startswith(figure.symbol)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**9),
    SEPARATORS,
    st.sampled_from(sorted(currency_markers()[0])),
)
def test_grouped_money_after_any_marker(n: int, sep: str, marker: str) -> None:
    gap = " " if marker[-1].isalpha() else ""  # 'USD 12', never 'USD12'
    figure = f"{marker}{gap}{western(n, sep) if sep != ' ' else western(n, ',')}"
    text = f"Pay is {figure} here."
    found = find_quantities(text)
    code = currency_code(marker)
    if code and currency_digits(code) == 3 and figure.count(",") == 1:
        assert found == []  # 'KWD 1,000': 1 or 1000 dinars, so no value at all
        return
    assert [q.value for q in found] == [float(n)], (text, found)
    assert found[0].unit == code


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            NOISE,
            st.sampled_from(
                [
                    "$",
                    "12",
                    "1,000",
                    "bn",
                    " million",
                    "%",
                    "-",
                    "to",
                    "2023",
                    "–",
                    "^",
                    "e308",
                    "10^400",
                    "per year",
                    "LPA",
                    "₹",
                    "lakh",
                    "crore",
                    "x",
                    "times",
                    " ",
                    "\u00a0",
                    ".",
                    ",",
                ]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_scanners_never_raise_and_report_real_spans(text: str) -> None:
    for quantity in find_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.raw
        assert math.isfinite(quantity.value)
        assert quantity.value_high is None or math.isfinite(quantity.value_high)
    for start, end, year in find_years(text):
        assert 0 <= start < end <= len(text) and 1900 <= year <= 2100
    for period in find_periods(text):
        assert text[period.start : period.end] == period.raw


def test_exponents_are_not_read_as_amounts() -> None:
    text = "They earn 10^400 dollars, 2^10 times more, or 1e308 billion."
    assert find_quantities(text) == []


def test_currency_marker_ending_in_a_period_touches_the_figure() -> None:
    found = find_quantities("Freshers get Rs.5,00,000 a year, not version 3.11.2.")
    assert [(q.value, q.unit, q.raw) for q in found] == [(500000.0, "INR", "Rs.5,00,000 a year")]

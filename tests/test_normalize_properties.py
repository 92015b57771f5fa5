"""Properties of the normalize layer that must hold for any input, checked with hypothesis."""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlefacts.normalize.numbers import format_number, parse_number
from mlefacts.normalize.quantities import find_periods, find_quantities, find_years
from mlefacts.normalize.skills import find_skills
from mlefacts.normalize.text import normalize_subject

finite = st.floats(allow_nan=False, allow_infinity=False)

# Text built from the characters figures are made of, so the scanner's edge cases are exercised.
figure_text = st.lists(
    st.sampled_from(
        list("0123456789 ,.-–%$€£₹¥kKmMbBLx×/()+:")
        + ["\u2009", "\u00a0", " Rs. ", " LPA", " lakh", " crore", " million", " bn", " per annum"]
        + [
            " between ",
            " and ",
            " to ",
            " from ",
            " since ",
            " by ",
            " times",
            " events",
            "growth ",
        ]
        + [" USD ", " US dollars", " percent", " per cent", "2019", "2012-17", "a", "H", "\n"]
    ),
    max_size=40,
).map("".join)


@given(finite)
def test_format_number_round_trips(x: float) -> None:
    assert parse_number(format_number(x)) == x


def _group_western(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(groups)


def _group_indian(digits: str, sep: str) -> str:
    if len(digits) <= 3:
        return digits
    rest, last = digits[:-3], digits[-3:]
    head = len(rest) % 2 or 2
    groups = [rest[:head]] + [rest[i : i + 2] for i in range(head, len(rest), 2)]
    return sep.join([*groups, last])


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from([",", "\u2009", "\u202f", "\u00a0", " "]),
    st.booleans(),
    st.one_of(st.none(), st.integers(min_value=0, max_value=99999)),
)
def test_grouped_numbers_parse_to_their_value(
    n: int, sep: str, indian: bool, fraction: int | None
) -> None:
    digits = str(n)
    written = _group_indian(digits, sep) if indian else _group_western(digits, sep)
    tail = "" if fraction is None else f".{fraction}"
    assert parse_number(written + tail) == float(digits + tail)


SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "cr": 1e7,
    "million": 1e6, "mn": 1e6, "M": 1e6, "billion": 1e9, "bn": 1e9, "B": 1e9, "trillion": 1e12,
}  # fmt: skip
JOINED = {"k", "M", "B"}
CURRENCIES = {
    "$": "USD", "US$": "USD", "USD ": "USD", "€": "EUR", "EUR ": "EUR", "£": "GBP",
    "₹": "INR", "Rs. ": "INR", "INR ": "INR", "¥": "JPY", "C$": "CAD", "A$": "AUD",
    "S$": "SGD", "CHF ": "CHF",
}  # fmt: skip


@given(
    st.integers(min_value=1, max_value=999),
    st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
    st.sampled_from(sorted(CURRENCIES)),
    st.sampled_from(sorted(SCALE_WORDS)),
    st.sampled_from(["", "Revenue hit ", "about ", "(", "- "]),
    st.sampled_from(["", ".", " in sales", ")", ", up"]),
)
def test_money_with_scale_reads_the_value_it_was_built_from(
    whole: int, fraction: int | None, symbol: str, scale: str, before: str, after: str
) -> None:
    number = f"{whole}" if fraction is None else f"{whole}.{fraction}"
    space = "" if scale in JOINED else " "
    text = f"{before}{symbol}{number}{space}{scale}{after}"
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    q = found[0]
    assert q.unit == CURRENCIES[symbol]
    assert math.isclose(q.value, float(number) * SCALE_WORDS[scale], rel_tol=1e-12)
    assert q.raw == f"{symbol}{number}{space}{scale}"


@given(
    st.integers(min_value=1000, max_value=10**12),
    st.sampled_from(sorted(CURRENCIES)),
    st.sampled_from([",", "\u2009"]),
    st.booleans(),
)
def test_grouped_money_reads_the_value_it_was_built_from(
    n: int, symbol: str, sep: str, indian: bool
) -> None:
    digits = str(n)
    written = _group_indian(digits, sep) if indian and sep == "," else _group_western(digits, sep)
    text = f"Pay: {symbol}{written} overall"
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(float(n), CURRENCIES[symbol])]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9))
def test_percentages_read_back(whole: int, tenth: int) -> None:
    for suffix in ("%", " percent", " per cent"):
        found = find_quantities(f"rose {whole}.{tenth}{suffix} last year")
        assert [(q.value, q.unit) for q in found] == [(float(f"{whole}.{tenth}"), "percent")]


def _check_quantities(text: str, start: int, end: int) -> None:
    for q in find_quantities(text, start, end):
        assert text[q.start : q.end] == q.raw
        assert start <= q.start < q.end <= end
        assert math.isfinite(q.value)
        assert q.value_high is None or math.isfinite(q.value_high)


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_find_quantities_never_raises_on_unicode(text: str) -> None:
    _check_quantities(text, 0, len(text))


@settings(max_examples=300)
@given(figure_text, st.data())
def test_find_quantities_offsets_agree_on_figure_like_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    _check_quantities(text, start, end)
    _check_quantities(text, 0, len(text))


@settings(max_examples=200)
@given(figure_text)
def test_years_and_periods_agree_with_text(text: str) -> None:
    for s, e, year in find_years(text):
        assert text[s:e] == str(year)
        assert 1900 <= year <= 2100
    for p in find_periods(text):
        assert text[p.start : p.end] == p.raw
        assert p.year_start is not None or p.year_end is not None
        if p.year_start is not None and p.year_end is not None:
            assert p.year_start < p.year_end


@given(figure_text)
def test_years_are_never_quantities(text: str) -> None:
    year_spans = {(s, e) for s, e, _ in find_years(text)}
    for q in find_quantities(text):
        assume(q.unit is None)
        assert (q.start, q.end) not in year_spans


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_find_skills_offsets_agree(text: str) -> None:
    found = find_skills(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.canonical
    for a, b in zip(found, found[1:], strict=False):
        # apart, or a cloud platform that opens a product's name ('AWS SageMaker' names AWS too)
        assert a.end <= b.start or (a.start == b.start and a.end < b.end and a.category == "cloud")


def test_a_platform_opening_a_products_name_is_the_one_nested_match() -> None:
    found = [(m.start, m.end, m.canonical) for m in find_skills("AWS SAGEMAKER")]
    assert found == [(0, 3, "AWS"), (0, 13, "Amazon SageMaker")]


@given(st.text(max_size=80))
def test_normalize_subject_is_lower_case_and_idempotent(phrase: str) -> None:
    subject = normalize_subject(phrase)
    assert subject == subject.lower()
    assert "  " not in subject
    assert normalize_subject(subject) == subject

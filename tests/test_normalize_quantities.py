"""find_quantities, find_years and find_periods on varied phrasings and distractors."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.normalize._data import alternation
from mlefacts.normalize.quantities import (
    Period,
    Quantity,
    _date_pattern,
    _noise_pattern,
    _spans,
    _vocabulary,
    find_periods,
    find_quantities,
    find_years,
)
from mlefacts.toml_files import load_data

FIXTURES = Path(__file__).parent / "fixtures" / "normalize"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def summary(q: Quantity) -> tuple[float, float | None, str | None, str | None]:
    return (q.value, q.value_high, q.unit, q.pay_period)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$39,986.7 million", (39986700000.0, None, "USD", None)),
        ("USD 12.5 bn", (12.5e9, None, "USD", None)),
        ("US$ 8.43 billion", (8.43e9, None, "USD", None)),
        ("12.5 billion US dollars", (12.5e9, None, "USD", None)),
        ("€1.2bn", (1.2e9, None, "EUR", None)),
        ("£45k", (45000.0, None, "GBP", None)),
        ("$120K", (120000.0, None, "USD", None)),
        ("$85,000", (85000.0, None, "USD", None)),
        ("$5M", (5e6, None, "USD", None)),
        ("$1.2 trillion", (1.2e12, None, "USD", None)),
        ("Rs. 7,95,677", (795677.0, None, "INR", None)),
        ("Rs. 14,62,000 – 22,44,000 LPA", (1462000.0, 2244000.0, "INR", "annual")),
        ("Rs. 3,77,000 - 6,69,000 LPA", (377000.0, 669000.0, "INR", "annual")),
        ("₹12 lakh per annum", (1.2e6, None, "INR", "annual")),
        ("12 lakhs p.a.", (1.2e6, None, "INR", "annual")),
        ("14 LPA", (1.4e6, None, "INR", "annual")),
        ("8-12 LPA", (8e5, 1.2e6, "INR", "annual")),
        ("₹1.5 crore", (1.5e7, None, "INR", None)),
        ("$85,000-$120,000", (85000.0, 120000.0, "USD", None)),
        ("$85,000 to $120,000 a year", (85000.0, 120000.0, "USD", "annual")),
        ("$5.2 to 7.1 billion", (5.2e9, 7.1e9, "USD", None)),
        ("between $50 and $60 billion", (5e10, 6e10, "USD", None)),
        ("$60-$120/hr", (60.0, 120.0, "USD", "hourly")),
        ("£550 per day", (550.0, None, "GBP", "daily")),
        ("$9,000 a month", (9000.0, None, "USD", "monthly")),
        ("$2,000/week", (2000.0, None, "USD", "weekly")),
        ("€68,000 annually", (68000.0, None, "EUR", "annual")),
        ("$152,000 yearly", (152000.0, None, "USD", "annual")),
        ("49.7%", (49.7, None, "percent", None)),
        ("49.7 per cent", (49.7, None, "percent", None)),
        ("49.7 percent", (49.7, None, "percent", None)),
        ("100 per cent", (100.0, None, "percent", None)),
        ("344% increase", (344.0, None, "percent", None)),
        ("10-20%", (10.0, 20.0, "percent", None)),
        ("a rise of 3 percentage points", (3.0, None, "percent", None)),
        ("9.8 times", (9.8, None, "ratio", None)),
        ("3x", (3.0, None, "ratio", None)),
        ("3×", (3.0, None, "ratio", None)),
        ("2.5-fold", (2.5, None, "ratio", None)),
        ("a tenfold 4 fold rise", (4.0, None, "ratio", None)),
        ("452 startups", (452.0, None, None, None)),
        ("$4.5 bln", (4.5e9, None, "USD", None)),  # wire-service style
        ("£55k – £70k p/a", (55000.0, 70000.0, "GBP", "annual")),
        ("CAD$120,000", (120000.0, None, "CAD", None)),
        ("$45 p.h.", (45.0, None, "USD", "hourly")),
        ("$45 an hr", (45.0, None, "USD", "hourly")),
        ("26 000 – 33 000 PLN net/month", (26000.0, 33000.0, "PLN", "monthly")),
        ("€5,200 gross per month", (5200.0, None, "EUR", "monthly")),
        ("$120,000 before tax a year", (120000.0, None, "USD", "annual")),
        # a written currency over the one a lakh implies at the high end
        ("PKR 3–5.5 lakh/month", (3e5, 5.5e5, "PKR", "monthly")),
        ("BDT 1 lakh–1.6 lakh per month", (1e5, 1.6e5, "BDT", "monthly")),
    ],
)
def test_find_quantities_reads_value_unit_and_period(
    text: str, expected: tuple[float, float | None, str | None, str | None]
) -> None:
    q = only(text)
    assert summary(q) == pytest.approx(expected)


def test_scale_word_is_reported_as_written() -> None:
    assert only("€1.2bn").scale == "bn"
    assert only("14 LPA").scale == "LPA"
    assert only("$5.2 to 7.1 billion").scale == "billion"
    assert only("$85,000").scale is None


def test_range_raw_spans_both_ends() -> None:
    text = "Microsoft – Rs. 14,62,000 – 22,44,000 LPA"
    q = only(text)
    assert q.raw == "Rs. 14,62,000 – 22,44,000 LPA"
    assert text[q.start : q.end] == q.raw


def test_between_range_includes_the_opening_word() -> None:
    assert only("raised between $50 and $60 billion").raw == "between $50 and $60 billion"


def test_from_to_is_a_change_not_a_range() -> None:
    found = find_quantities("grew from $8.43 billion to $96.7 billion")
    assert [q.value for q in found] == [8.43e9, 96.7e9]
    assert all(q.value_high is None for q in found)


def test_and_without_between_is_two_figures() -> None:
    found = find_quantities("25% and 30%")
    assert [q.value for q in found] == [25.0, 30.0]


def test_spun_times_counts_only_in_a_growth_context() -> None:
    grown = find_quantities("recorded a growth of 9.8 events in 5 years")
    assert summary(grown[0]) == (9.8, None, "ratio", None)
    assert grown[0].raw == "9.8 events"
    plain = find_quantities("the venue hosted 12 events last spring")
    assert summary(plain[0]) == (12.0, None, None, None)
    assert plain[0].raw == "12"


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the report came out",
        "the 2017-25 forecast",
        "growth over (2012-17)",
        "between 2017 and 2025",
        "from 2023 to 2030",
        "call +1 555-123-4567 today",
        "call (555) 123-4567",
        "555.123.4567",
        "+44 20 7946 0958",
        "on 12/05/2019",
        "on 2023-11-02",
        "on March 14, 2024",
        "on 14 March 2024",
        "at 10:30",
        "45kg of 5G 3D gear in 1080p",
        "H100 and A100 GPUs",
        "version 3.11.2",
        "the 1990s",
        "",
        "no numbers here",
    ],
)
def test_distractors_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [("GPT-4 and Python 3", [4.0, 3.0]), ("the top-5 list", [5.0]), ("COVID-19", [19.0])],
)
def test_model_names_and_list_headers_are_bare_numbers(text: str, values: list[float]) -> None:
    found = find_quantities(text)
    assert [q.value for q in found] == values
    assert all(q.unit is None for q in found)


def test_offsets_respect_the_window() -> None:
    text = "Pay: $85,000 and $120,000 a year. Market: $5 billion."
    found = find_quantities(text, 5, 33)
    assert [q.raw for q in found] == ["$85,000", "$120,000 a year"]
    assert all(5 <= q.start < q.end <= 33 for q in found)
    # The '$' sits before the window: the figure is read without it.
    inside = find_quantities(text, 6, 12)
    assert [(q.raw, q.unit) for q in inside] == [("85,000", None)]


def test_huge_digit_strings_are_skipped_not_raised() -> None:
    assert find_quantities("1" * 400) == []
    assert find_quantities("$" + "9" * 40 + " trillion") == []


def test_fixture_article() -> None:
    text = (FIXTURES / "figures_article.txt").read_text(encoding="utf-8")
    found = {q.raw: summary(q) for q in find_quantities(text)}
    assert found["USD 21.17 bn"] == (21.17e9, None, "USD", None)
    assert found["US$ 209.91 billion"] == (209.91e9, None, "USD", None)
    assert found["38.8 per cent"] == (38.8, None, "percent", None)
    assert found["$152,000 a year"] == (152000.0, None, "USD", "annual")
    assert found["$185K–$230K/yr"] == (185000.0, 230000.0, "USD", "annual")
    assert found["€68,000 to €95,000 annually"] == (68000.0, 95000.0, "EUR", "annual")
    assert found["£550 per day"] == (550.0, None, "GBP", "daily")
    assert found["£38k"] == (38000.0, None, "GBP", None)
    assert found["₹8 lakh per annum"] == (800000.0, None, "INR", "annual")
    assert found["45 LPA"] == (4.5e6, None, "INR", "annual")
    assert found["$60-$120/hr"] == (60.0, 120.0, "USD", "hourly")
    assert found["74 percent"] == (74.0, None, "percent", None)
    assert found["3x"] == (3.0, None, "ratio", None)
    assert found["2.5-fold"] == (2.5, None, "ratio", None)
    assert found["between $50 and $60 billion"] == (5e10, 6e10, "USD", None)
    assert found["40%"] == (40.0, None, "percent", None)
    for distractor in ("2024", "2022", "2029", "2019", "14", "0958", "4567", "2.13", "10", "30"):
        assert distractor not in found
    assert all(text[q.start : q.end] == q.raw for q in find_quantities(text))


def test_bundled_spun_article_figures() -> None:
    text = next(BUNDLED.glob("000_*.txt")).read_text(encoding="utf-8")
    found = [summary(q) for q in find_quantities(text)]
    assert (146085.0, None, "USD", None) in found
    assert (344.0, None, "percent", None) in found
    assert (795677.0, None, "INR", None) in found
    assert (1462000.0, 2244000.0, "INR", "annual") in found
    assert (1011000.0, 1528000.0, "INR", "annual") in found
    assert (850481.0, None, "INR", "annual") in found
    assert (412706.0, None, "INR", "annual") in found
    assert (377000.0, 669000.0, "INR", "annual") in found
    assert (9.8, None, "ratio", None) in found
    assert (39986700000.0, None, "USD", None) in found
    assert (49.7, None, "percent", None) in found
    assert (100.0, None, "percent", None) in found
    years = {year for _, _, year in find_years(text)}
    assert {2019, 2015, 2017, 2012, 2025} <= years
    assert all(v not in {2019.0, 2015.0, 2017.0, 2025.0, 17.0} for v, *_ in found)


def test_bundled_table_article_figures() -> None:
    text = next(BUNDLED.glob("001_*.txt")).read_text(encoding="utf-8")
    found = [summary(q) for q in find_quantities(text)]
    assert (96.7e9, None, "USD", None) in found
    assert (8.43e9, None, "USD", None) in found
    assert (43.8, None, "percent", None) in found
    assert (85000.0, None, "USD", None) in found
    assert (170000.0, None, "USD", None) in found
    assert (18.0, 24.0, None, None) in found


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In 2019 pay rose to $2,019 (2019%) and 2020.", [2019, 2020]),
        ("between 2017 and 2025", [2017, 2025]),
        ("2012-17", [2012]),
        ("1899 and 2101 and 1900 and 2100", [1900, 2100]),
        ("FY2019 and 2019x and 20190", []),
        ("2019 million", []),
        ("call +1 2019 555 1234", []),
        ("released on 2023-11-02", [2023]),
        ("data scientists (SOC 15-2051) and O*NET 15-2051.01 in 2024", [2024]),
    ],
)
def test_find_years(text: str, years: list[int]) -> None:
    found = find_years(text)
    assert [y for _, _, y in found] == years
    assert all(text[s:e] == str(y) for s, e, y in found)


@pytest.mark.parametrize(
    ("text", "raw", "start", "end"),
    [
        ("a CAGR of 49.7% between 2017 and 2025.", "between 2017 and 2025", 2017, 2025),
        ("a CAGR of 38.1% from 2023 to 2030", "from 2023 to 2030", 2023, 2030),
        ("over 2023-2030", "2023-2030", 2023, 2030),
        ("over 2023–2030", "2023–2030", 2023, 2030),
        ("in 5 years (2012-17)", "2012-17", 2012, 2017),
        ("the 1998-03 period", "1998-03", 1998, 2003),
        ("FY 2019/20", "2019/20", 2019, 2020),
        ("from 2020 through 2024", "from 2020 through 2024", 2020, 2024),
        ("between the years 2010 and 2020", "between the years 2010 and 2020", 2010, 2020),
        ("2015 to 2020", "2015 to 2020", 2015, 2020),
        (
            "up 30% from January 2023 to January 2024",
            "from January 2023 to January 2024",
            2023,
            2024,
        ),
        ("between Q1 2023 and Q4 2024", "between Q1 2023 and Q4 2024", 2023, 2024),
        (
            "from the beginning of 2023 to the end of 2024",
            "from the beginning of 2023 to the end of 2024",
            2023,
            2024,
        ),
        ("postings fell 7% year over year in 2025", "year over year in 2025", 2024, 2025),
        ("ads rose 9% YoY in H1 2024", "YoY in H1 2024", 2023, 2024),
    ],
)
def test_find_periods_pairs(text: str, raw: str, start: int, end: int) -> None:
    periods = find_periods(text)
    assert len(periods) == 1
    p = periods[0]
    assert (p.raw, p.year_start, p.year_end) == (raw, start, end)
    assert text[p.start : p.end] == p.raw


@pytest.mark.parametrize(
    ("text", "raw", "year_start", "year_end"),
    [
        ("a 344% increase since 2015!", "since 2015", 2015, None),
        ("to reach $96.7 billion by 2027", "by 2027", None, 2027),
        ("until 2030", "until 2030", None, 2030),
        ("starting in 2021 the market grew", "starting in 2021", 2021, None),
        ("postings have risen 38% since Q3 2023", "since Q3 2023", 2023, None),
        ("up 15% since mid-2022", "since mid-2022", 2022, None),
        (
            "Compared with the first half of 2024, pay rose 4.1%",
            "Compared with the first half of 2024",
            2024,
            None,
        ),
    ],
)
def test_find_periods_open_ended(
    text: str, raw: str, year_start: int | None, year_end: int | None
) -> None:
    start = text.index(raw)
    assert find_periods(text) == [Period(start, start + len(raw), year_start, year_end, raw)]


@pytest.mark.parametrize(
    "text",
    [
        "in 5 years",
        "in 2019 and 2020",
        "the 2019 report",
        "2025-2019",
        "2019-05-12x",
        "",
        "Market update, Q3 2025",
        "In 2024, postings rose 12% year over year",
        "over the past 18 months",
    ],
)
def test_not_periods(text: str) -> None:
    assert find_periods(text) == []


PIECES = st.sampled_from(
    [
        "+44 20 7946 0958",
        "(555) 123-4567",
        "555.123.4567",
        "10:30",
        "2024-05-12",
        "12/05/2024",
        "May 5, 2024",
        "5th of June",
        "June",
        "3.5",
        "x12",
        ".7",
        "٣",
        " ",
        "\n",
        "a",
        "$90k",
    ]
)


def _plain_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The noise and date patterns as first written, opening with their lookbehind."""
    written = alternation(set(_vocabulary().months), ignore_case=False)
    noise = (
        r"(?<![\w.])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}"
        r"|\(\d{3}\)[ ]?\d{3}[.-]\d{4}|\d{3}([.-])\d{3}\1\d{4}|\d{2}-\d{4}(?:\.\d{2})?"
        r"|\d{1,2}:\d{2}(?::\d{2})?)(?![\w])"
    )
    date = (
        r"(?<![\w.])(?:\d{1,4}([/.-])\d{1,2}\1\d{1,4}"
        rf"|{written}\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{{2}})?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{written}\b(?:,?\s(?:19|20)\d{{2}})?)(?![\w])"
    )
    return re.compile(noise), re.compile(date)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES | st.text(max_size=4), max_size=15).map("".join), st.integers(0, 5))
def test_noise_and_date_spans_are_the_plain_patterns_own(text: str, start: int) -> None:
    # The patterns open with a match's first character, the lookbehind after it, so that the
    # regex engine skips the other characters: they must find what the plain forms find.
    for plain, pattern in zip(_plain_patterns(), (_noise_pattern(), _date_pattern()), strict=True):
        expected = [m.span() for m in plain.finditer(text, start, len(text))]
        assert _spans(pattern, text, start, len(text)) == expected


def test_a_change_in_percent_and_a_bare_level_after_it_are_not_one_range() -> None:
    found = find_quantities("Postings dropped by 12% to 20,300.")
    assert [(q.value, q.value_high, q.unit) for q in found] == [
        (12.0, None, "percent"),
        (20300.0, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("earns Rp 15.000.000 – 25.000.000 per month", (15e6, 25e6, "IDR", "monthly")),
        ("IDR 15.000.000 to 25.000.000 a month", (15e6, 25e6, "IDR", "monthly")),
        ("earns €65.000 – 90.000 a year", (65_000.0, 90_000.0, "EUR", "annual")),
    ],
)
def test_a_range_high_end_is_grouped_as_its_low_end(
    text: str, expected: tuple[float, float | None, str | None, str | None]
) -> None:
    # the bare high end read alone is 25 million by no rule and 90 by the English one
    assert summary(only(text)) == expected


def test_words_after_a_figure_make_it_an_open_lower_bound() -> None:
    found = find_quantities("Staff: C$185,000 or more; principal 170,000 and up; 12 and a half")
    assert [(q.value, q.bound) for q in found] == [
        (185_000.0, "lower"),
        (170_000.0, "lower"),
        (12.0, None),
    ]


def test_a_bound_word_before_another_figure_is_that_figure_s() -> None:
    """'below $40,000 or above $1,000,000': 'or above' opens the second figure's bound, it does
    not close the first's."""
    found = find_quantities("drop wages below $40,000 or above $1,000,000 as entry errors")
    assert [(q.value, q.bound) for q in found] == [(40_000.0, "upper"), (1_000_000.0, "lower")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("rose by 5,8% on 2024", 5.8), ("a 12,75 % share", 12.75), ("up 1,000%", 1000.0)],
)
def test_a_percentage_with_a_decimal_comma(text: str, value: float) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, "percent")]


# Where a hedge may stand right before a figure: the pattern and the words before the hedge.
_HEDGED_PLACES = [
    ("mlefacts.extract.salary", "same_measure", "pay of $90,000, compared with "),
    ("mlefacts.extract.salary", "_from_earlier", "S$350 a month, down from "),
    ("mlefacts.extract.salary", "to_level", "pay rose to "),
    ("mlefacts.extract.salary", "_pay_rise_before", "a median raise of "),
    ("mlefacts.extract.salary", "_on_sum", "I am on "),
    ("mlefacts.extract.salary", "_starts_at", "they start at "),
    ("mlefacts.extract.market", "_from_before", "is set to grow from "),
    ("mlefacts.extract.shares", "_earlier", "up from "),
    ("mlefacts.extract.shares", "_figure_was", "In 2021 the figure was "),
]


@pytest.mark.parametrize(("module", "name", "before"), _HEDGED_PLACES)
def test_every_hedge_of_the_shared_list_is_read_wherever_a_hedge_may_stand(
    module: str, name: str, before: str
) -> None:
    """One list of hedges (`quantity_words.toml` `hedges`) serves every pattern that looks past
    a hedge to its figure: none keeps a shorter list of its own."""
    pattern = getattr(importlib.import_module(module), name)()
    for hedge in load_data("quantity_words")["hedges"]["before"]:
        text = f"{before}{hedge} "
        assert pattern.search(text) is not None, (name, hedge)


def test_indonesian_juta_is_a_million_of_rupiah_only() -> None:
    found = [(q.value, q.unit) for q in find_quantities("IDR 420 juta, then Rp 15 jt")]
    assert found == [(420_000_000.0, "IDR"), (15_000_000.0, "IDR")]
    assert find_quantities("some 3 juta people") == []


def test_a_hedge_after_from_keeps_from_to_a_change() -> None:
    found = find_quantities("the median offer went from about $231,000 to $262,000")
    assert [(q.value, q.value_high) for q in found] == [(231000.0, None), (262000.0, None)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("| Senior | R840 000¹ |", "R840 000", 840000.0),
        ("a median of $150,000² in 2025", "$150,000", 150000.0),
        ("hiring grew 12%³ in 2025", "12%", 12.0),
    ],
)
def test_a_footnote_mark_after_a_figure_is_no_part_of_it(text: str, raw: str, value: float) -> None:
    (found,) = find_quantities(text)
    assert (found.raw, found.value, text[found.start : found.end]) == (raw, value, raw)


def test_a_range_whose_low_end_is_written_in_full_keeps_it_unscaled() -> None:
    """'R780,000 to R1.1 million': the scale word of the high end is its own; '$3-5 million'
    shares it with the low end."""
    found = {
        text: [(q.value, q.value_high) for q in find_quantities(text)]
        for text in ("R780,000 to R1.1 million a year", "£950,000–£1.2m", "$3-5 million")
    }
    assert found == {
        "R780,000 to R1.1 million a year": [(780000.0, 1100000.0)],
        "£950,000–£1.2m": [(950000.0, 1200000.0)],
        "$3-5 million": [(3000000.0, 5000000.0)],
    }

"""Figure forms pages use for pay and market sizes, through the scanner and into claims:
ranges written many ways, open bounds, scale words, day rates."""

from __future__ import annotations

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
from mlefacts.normalize.quantities import find_quantities, find_unread_figures

ROLE = "machine learning engineers"


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "high", "unit", "period"),
    [
        (
            "In Germany {role} earn €65,000 – €130,000 per year.",
            "salary",
            65e3,
            130e3,
            "EUR",
            "annual",
        ),
        (
            "In Zurich, {role} earn CHF 120,000 – CHF 180,000 a year.",
            "salary",
            120e3,
            180e3,
            "CHF",
            "annual",
        ),
        (
            "The posting offers {role} a salary of USD 153K - 199K per year.",
            "salary",
            153e3,
            199e3,
            "USD",
            "annual",
        ),
        (
            "The salary range for {role} is $153,000.00 - $199,000.00 per year.",
            "salary",
            153e3,
            199e3,
            "USD",
            "annual",
        ),
        (
            "Salaries for {role} range from AUD 90,000 to AUD 130,000 per year.",
            "salary",
            90e3,
            130e3,
            "AUD",
            "annual",
        ),
        (
            "Most {role} earn between $90,000 and $120,000 a year.",
            "salary",
            90e3,
            120e3,
            "USD",
            "annual",
        ),
        (
            "Senior {role} in London earn £160,000+ per year.",
            "salary",
            160e3,
            None,
            "GBP",
            "annual",
        ),
        ("Contract {role} earn £550–£750 per day.", "salary", 550, 750, "GBP", "daily"),
        ("Entry-level {role} earn ₹5.0-9.0 LPA.", "salary", 5e5, 9e5, "INR", "annual"),
        ("In Paris {role} earn 52 000 – 60 000 € per year.", "salary", 52e3, 60e3, "EUR", "annual"),
        (
            "The global machine learning market will reach $1.03tn by 2030.",
            "market_size",
            1.03e12,
            None,
            "USD",
            None,
        ),
        (
            "The global machine learning market was valued at USD 48.62 billion in 2024.",
            "market_size",
            48.62e9,
            None,
            "USD",
            None,
        ),
    ],
)
def test_form_becomes_one_claim(
    sentence: str, kind: str, value: float, high: float | None, unit: str, period: str | None
) -> None:
    doc = build_document(
        source_id="forms", text=sentence.format(role=ROLE), media_type="text/plain"
    )
    claims = [c for c in extract_claims(doc)[0] if c.value is not None]
    assert [(c.kind, c.value, c.value_high, c.unit) for c in claims] == [(kind, value, high, unit)]
    assert claims[0].qualifiers.get("pay_period") == period


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("earn £160,000+ per year", "lower"),
        ("can earn over $200k", "lower"),
        ("at least $120k", "lower"),
        ("more than 70% of teams", "lower"),
        ("earn up to $250,000", "upper"),
        ("under $50,000", "upper"),
        ("earn $150,000", None),
        ("turnover of $5m", None),
    ],
)
def test_open_bounds_are_recorded(text: str, bound: str | None) -> None:
    (found,) = find_quantities(text)
    assert found.bound == bound
    assert found.raw == text[found.start : found.end]


def test_a_change_from_one_figure_to_another_is_not_a_range() -> None:
    found = find_quantities("the market grew from $8B to $96B")
    assert [(q.value, q.value_high) for q in found] == [(8e9, None), (96e9, None)]


def test_low_end_of_a_range_takes_the_high_ends_currency_and_grouping() -> None:
    (found,) = find_quantities("between 1.200 - 1.500 EUR a month")
    assert (found.value, found.value_high, found.unit, found.pay_period) == (
        1200.0,
        1500.0,
        "EUR",
        "monthly",
    )


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("Senior machine learning engineers in London earn £160,000+ per year.", "lower"),
        ("Senior machine learning engineers can earn over $200k a year.", "lower"),
        ("Machine learning engineers earn up to $250,000 a year.", "upper"),
        ("Machine learning engineers earn $150,000 a year.", None),
    ],
)
def test_a_bound_reaches_the_salary_claim(sentence: str, bound: str | None) -> None:
    doc = build_document(source_id="bounds", text=sentence, media_type="text/plain")
    (claim,) = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert claim.qualifiers.get("bound") == bound


@pytest.mark.parametrize(
    ("sentence", "value", "high", "unit", "period"),
    [
        ("In Tokyo {role} earn 1.2億円 per year.", 1.2e8, None, "JPY", "annual"),
        ("In Tokyo {role} earn 1,200万円 per year.", 1.2e7, None, "JPY", "annual"),
        ("In Tokyo {role} earn 600万円〜900万円 per year.", 6e6, 9e6, "JPY", "annual"),
        ("In Tokyo {role} earn 600～900万円 per year.", 6e6, 9e6, "JPY", "annual"),
        ("In Tokyo {role} earn 年収800万円.", 8e6, None, "JPY", "annual"),
        ("In Seoul {role} earn 5000만원 a year.", 5e7, None, "KRW", "annual"),
        ("In São Paulo {role} earn R$ 12 mil per month.", 12e3, None, "BRL", "monthly"),
        ("In São Paulo {role} earn R$ 12.500 per month.", 12.5e3, None, "BRL", "monthly"),
        ("In São Paulo {role} earn R$ 12,5 mil per month.", 12.5e3, None, "BRL", "monthly"),
        ("In Berlin {role} earn 65 k€ per year.", 65e3, None, "EUR", "annual"),
        ("In Berlin {role} earn 65k € per year.", 65e3, None, "EUR", "annual"),
        ("In Berlin {role} earn €65k per year.", 65e3, None, "EUR", "annual"),
        ("In Lyon {role} earn 60–80 k€ per year.", 60e3, 80e3, "EUR", "annual"),
        ("In London {role} earn £45k-£60k pa.", 45e3, 60e3, "GBP", "annual"),
        ("In Pune {role} earn ₹12L per year.", 1.2e6, None, "INR", "annual"),
        ("In Pune {role} earn ₹12 L per year.", 1.2e6, None, "INR", "annual"),
        ("In Pune {role} earn INR 12-18 LPA.", 1.2e6, 1.8e6, "INR", "annual"),
        ("In Pune {role} earn 12 LPA to 18 LPA.", 1.2e6, 1.8e6, "INR", "annual"),
        ("In Singapore {role} earn S$8,000/month.", 8e3, None, "SGD", "monthly"),
        ("In Toronto {role} earn CAD 95K per year.", 95e3, None, "CAD", "annual"),
        ("In Warsaw {role} earn 25 tys. zł per month.", 25e3, None, "PLN", "monthly"),
        # hundred-millions and ten-thousands in one figure; CJK text goes on with no space
        ("In Tokyo {role} earn 1億2000万円 per year.", 1.2e8, None, "JPY", "annual"),
        ("In Tokyo {role} earn 800万円〜1億2000万円 per year.", 8e6, 1.2e8, "JPY", "annual"),
        ("In Tokyo {role} earn 年収は558.3万円です.", 5.583e6, None, "JPY", "annual"),
        ("In Tokyo {role} earn 340~1,500万円 per year.", 3.4e6, 1.5e7, "JPY", "annual"),
        ("In Seoul {role} earn 1억 2000만원 a year.", 1.2e8, None, "KRW", "annual"),
        # Portuguese and Spanish ranges: 'a' and 'entre ... e/y', the scale on the high end
        ("In São Paulo {role} earn R$ 10 a 15 mil per month.", 10e3, 15e3, "BRL", "monthly"),
        (
            "In São Paulo {role} earn entre R$ 8 mil e R$ 12 mil per month.",
            8e3,
            12e3,
            "BRL",
            "monthly",
        ),
        ("In Madrid {role} earn entre 40 y 55 mil euros per year.", 40e3, 55e3, "EUR", "annual"),
        ("In Madrid {role} earn de 40 a 55 mil € per year.", 40e3, 55e3, "EUR", "annual"),
        ("In Madrid {role} earn de 300.000 a 500.000 dólares al año.", 3e5, 5e5, "USD", "annual"),
        ("In Monterrey {role} earn 45.000 pesos mexicanos al mes.", 45e3, None, "MXN", "monthly"),
        # an article before each end, 'desde ... hasta/até', the low end's scale with no currency
        (
            "In Vigo {role} earn entre los 55.000 y los 75.000 € al año.",
            55e3,
            75e3,
            "EUR",
            "annual",
        ),
        ("In Vigo {role} earn desde los 200.000 hasta los 340.000 €.", 2e5, 3.4e5, "EUR", None),
        ("In Madrid {role} earn de los 43.000 a los 55.000 € al año.", 43e3, 55e3, "EUR", "annual"),
        ("In Madrid {role} earn entre 30 mil y 45 mil euros al año.", 30e3, 45e3, "EUR", "annual"),
        ("In Recife {role} earn desde R$ 9 mil até R$ 14 mil /mês.", 9e3, 14e3, "BRL", "monthly"),
        ("In Recife {role} earn de R$ 8 mil a R$ 12 mil por mês.", 8e3, 12e3, "BRL", "monthly"),
        ("Remuneração mediana PJ de {role}: R$ 22.800 por mês.", 22.8e3, None, "BRL", "monthly"),
        # French, Italian and German range words; CJK connectors touching both ends
        ("In Lyon {role} earn entre 45 000 et 60 000 € par an.", 45e3, 60e3, "EUR", "annual"),
        ("In Lyon {role} earn de 45 000 à 60 000 € par an.", 45e3, 60e3, "EUR", "annual"),
        ("In Köln {role} earn zwischen 60.000 und 85.000 € im Jahr.", 6e4, 8.5e4, "EUR", "annual"),
        ("A Bari {role} earn tra 30.000 e 36.000 euro lordi annui.", 3e4, 3.6e4, "EUR", "annual"),
        ("A Bari {role} earn fra 38.000 e 48.000 euro all'anno.", 3.8e4, 4.8e4, "EUR", "annual"),
        ("In Munich {role} earn 55.000 bis 70.000 Euro pro Jahr.", 55e3, 7e4, "EUR", "annual"),
        ("In Beijing {role} earn 月薪3万至5万元.", 3e4, 5e4, "CNY", "monthly"),
        ("In Tokyo {role} earn 年収800万円から1,200万円.", 8e6, 1.2e7, "JPY", "annual"),
        # UK contract adverts glue the period to the sum; European pay periods
        ("In London {role} charge £550-£650pd.", 550, 650, "GBP", "daily"),
        ("In London {role} charge £75ph.", 75, None, "GBP", "hourly"),
        ("In London {role} earn £70kpa.", 70e3, None, "GBP", "annual"),
        ("In Amsterdam {role} earn €55.000 - €70.000 bruto per jaar.", 55e3, 70e3, "EUR", "annual"),
        ("In Paris {role} earn 60 K€ brut annuel.", 60e3, None, "EUR", "annual"),
        ("In Lyon {role} earn 4 200 € par mois.", 4200, None, "EUR", "monthly"),
        ("In Stockholm {role} earn SEK 55 000 i månaden.", 55e3, None, "SEK", "monthly"),
    ],
)
def test_local_pay_forms_become_one_salary(
    sentence: str, value: float, high: float | None, unit: str, period: str | None
) -> None:
    doc = build_document(
        source_id="local", text=sentence.format(role=ROLE), media_type="text/plain"
    )
    claims = [c for c in extract_claims(doc)[0] if c.value is not None]
    assert [(c.kind, c.value, c.value_high, c.unit) for c in claims] == [
        ("salary", value, high, unit)
    ]
    assert claims[0].qualifiers.get("pay_period") == period


@pytest.mark.parametrize(
    "text",
    [
        "Founders raised $12 mil last year",  # English 'mil' is millions; Portuguese, thousands
        "a 12 mil film",  # no money: a thickness, not thousands
        "a run of 12 mi",  # miles, not Brazilian millions
    ],
)
def test_a_scale_word_of_other_currencies_is_left_unread(text: str) -> None:
    assert find_quantities(text) == []
    (unread,) = find_unread_figures(text)
    assert unread.reason == "ambiguous" and text[unread.start : unread.end] == unread.raw


@pytest.mark.parametrize(
    "text",
    [
        "from 10 a 15 minutes",  # 'a' joins two sums only
        "between 10 e 20",  # 'e' closes a range opened by 'entre' only
        "between 10 and as many as 20",  # an article joins Spanish and Portuguese ranges only
        "desde 10 hasta",
        "$1,000 a 5-day week",
    ],
)
def test_range_words_of_other_languages_join_sums_only(text: str) -> None:
    assert all(q.value_high is None for q in find_quantities(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Top 12 K-pop songs", 12.0, None),  # a spaced 'K' is a scale only for money
        ("a team of 12 K engineers", 12.0, None),
        ("revenue of 5 B", 5e9, None),  # 'B' is a scale symbol even with a space
    ],
)
def test_a_spaced_scale_letter_scales_money_only(text: str, value: float, unit: str | None) -> None:
    (found,) = find_quantities(text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "raw", "unit"),
    [
        ("CanadaC$130,000", "C$130,000", "CAD"),  # a card label run into its value
        ("UK£85,000", "£85,000", "GBP"),
        ("ZurichCHF 150,000", "CHF 150,000", "CHF"),
        ("LondonÂ£85,000", "Â£85,000", "GBP"),  # '£' of UTF-8 read as cp1252 by the publisher
        ("Parisâ‚¬65.000", "â‚¬65.000", "EUR"),
        ("US$5,000", "US$5,000", "USD"),  # the longer marker wins: no Singapore 'S$'
    ],
)
def test_a_currency_marker_may_touch_the_word_before_it(text: str, raw: str, unit: str) -> None:
    (found,) = find_quantities(text)
    assert (found.raw, found.unit) == (raw, unit)


def test_a_code_after_a_capital_is_part_of_a_word() -> None:
    assert find_quantities("ARM64 chips") == []


def test_a_glued_pay_period_needs_money() -> None:
    assert find_quantities("a 100kPa seal") == []


@pytest.mark.parametrize(
    ("text", "bound"),
    [("más de US$ 168.000 anuales", "lower"), ("salários de até R$ 30 mil", "upper")],
)
def test_spanish_and_portuguese_bounds(text: str, bound: str) -> None:
    (found,) = find_quantities(text)
    assert found.bound == bound

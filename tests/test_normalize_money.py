"""Currency markers -> ISO 4217 codes, and money figures found in text."""

from __future__ import annotations

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
from mlefacts.normalize.money import (
    currency_code,
    currency_codes,
    header_currency,
    home_currency,
    page_dollar,
    shared_currency_at,
)
from mlefacts.normalize.quantities import find_quantities


@pytest.mark.parametrize(
    ("marker", "code"),
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("USD", "USD"),
        ("US dollars", "USD"),
        ("U.S. dollars", "USD"),
        ("dollars", "USD"),
        ("₹", "INR"),
        ("Rs", "INR"),
        ("Rs.", "INR"),
        ("INR", "INR"),
        ("rupees", "INR"),
        ("Indian  Rupees", "INR"),
        ("£", "GBP"),
        ("GBP", "GBP"),
        ("pounds", "GBP"),
        ("€", "EUR"),
        ("EUR", "EUR"),
        ("euros", "EUR"),
        ("¥", "JPY"),
        ("JPY", "JPY"),
        ("C$", "CAD"),
        ("CAD", "CAD"),
        ("A$", "AUD"),
        ("AUD", "AUD"),
        ("S$", "SGD"),
        ("SGD", "SGD"),
        ("CHF", "CHF"),
        ("Swiss francs", "CHF"),
        ("R$", "BRL"),
        ("HK$", "HKD"),
    ],
)
def test_currency_code_of_markers(marker: str, code: str) -> None:
    assert currency_code(marker) == code


@pytest.mark.parametrize("marker", ["usd$x", "", "bucks", "inr"])
def test_unknown_markers_have_no_code(marker: str) -> None:
    assert currency_code(marker) is None


def test_kr_is_the_krona_of_the_section_or_page_and_no_currency_elsewhere() -> None:
    page = (
        "# Machine learning engineer pay in the Nordics\n\n## Sweden (SEK)\n\n"
        "The median is 61 500 kr a month.\n\n"
        "## Denmark (DKK)\n\nThe median package is 780.000 kr. a year.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    pay = {(c.value, c.unit) for c in extract_claims(doc)[0] if c.kind == "salary"}
    assert pay == {(61_500, "SEK"), (780_000, "DKK")}
    unplaced = build_document(
        source_id="u",
        text="# Machine learning engineer pay\n\nThe median is 61 500 kr a month.\n",
        media_type="text/markdown",
    )
    assert [c for c in extract_claims(unplaced)[0] if c.kind == "salary"] == []


def test_a_bare_r_is_rand_only_on_a_page_about_south_africa() -> None:
    assert currency_code("R") == "ZAR"
    assert home_currency("Pay in Cape Town: R 45 000 a month", "R 45 000", "ZAR") == "ZAR"
    assert home_currency("Learn R 4.3 in a week", "R 4.3", "ZAR") is None
    assert home_currency("Learn R 4.3 in a week", "ZAR 4,300", "ZAR") == "ZAR"


def test_every_code_is_iso_shaped() -> None:
    assert {"USD", "INR", "GBP", "EUR", "JPY", "CAD", "AUD", "SGD", "CHF"} <= currency_codes()
    assert all(len(c) == 3 and c.isupper() for c in currency_codes())


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("a mean salary of $146,085.", 146085.0, "USD"),
        ("exceed $39,986.7 million by 2025", 39986700000.0, "USD"),
        ("USD 12.5 bn", 12.5e9, "USD"),
        ("US$ 8.43 billion", 8.43e9, "USD"),
        ("US $5 billion", 5e9, "USD"),
        ("12.5 billion US dollars", 12.5e9, "USD"),
        ("worth 3 million dollars", 3e6, "USD"),
        ("85,000 USD per year", 85000.0, "USD"),
        ("€1.2bn", 1.2e9, "EUR"),
        ("EUR 450 million", 450e6, "EUR"),
        ("1.2 billion euros", 1.2e9, "EUR"),
        ("£45k", 45000.0, "GBP"),
        ("GBP 60,000", 60000.0, "GBP"),
        ("Rs. 7,95,677", 795677.0, "INR"),
        ("Rs 8,50,481", 850481.0, "INR"),
        ("₹1.5 crore", 1.5e7, "INR"),
        ("INR 12,00,000", 1.2e6, "INR"),
        ("500 rupees", 500.0, "INR"),
        ("¥5,000,000", 5e6, "JPY"),
        ("C$95,000", 95000.0, "CAD"),
        ("A$120K", 120000.0, "AUD"),
        ("S$ 7,000", 7000.0, "SGD"),
        ("CHF 110,000", 110000.0, "CHF"),
        ("₹1.5 lakh crore", 1.5e12, "INR"),
    ],
)
def test_money_figures_carry_their_currency(text: str, value: float, code: str) -> None:
    found = find_quantities(text)
    assert len(found) == 1
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == code


def test_a_currency_word_inside_another_word_is_not_a_marker() -> None:
    # 'Euro' in 'Eurozone' and 'rand' in 'brand' must not turn the figure into money.
    assert [q.unit for q in find_quantities("Eurozone 5 and brand 7")] == [None, None]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("earns RM50 an hour", 50.0, "MYR"),
        ("costs SGD4.90 a day", 4.9, "SGD"),
        ("offers USD153K a year", 153000.0, "USD"),
        ("pays 3,500円 an hour", 3500.0, "JPY"),
        ("pays 10 € an hour", 10.0, "EUR"),
        ("pays 45,00 zł an hour", 45.0, "PLN"),
        ("pays 35 000 Kč a month", 35000.0, "CZK"),
        ("pays 120 000 руб. a month", 120000.0, "RUB"),
        ("pays CHF 1'049 a week", 1049.0, "CHF"),
        ("pays Rp 31.500 an hour", 31500.0, "IDR"),
        ("pays 52 000 € per year", 52000.0, "EUR"),
        ("pays GH₵ 9,800 a month", 9800.0, "GHS"),
        ("pays GH¢12,400 a month", 12400.0, "GHS"),
    ],
)
def test_money_in_other_countries_forms(text: str, value: float, unit: str) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]
    assert found[0].raw == text[found[0].start : found[0].end]


def test_a_sign_between_two_figures_belongs_to_the_second() -> None:
    found = find_quantities("the top 5 $100k jobs")
    assert [(q.value, q.unit) for q in found] == [(5.0, None), (100000.0, "USD")]


def test_plain_spaces_group_digits_in_money_and_in_a_count_followed_by_a_word() -> None:
    # read alone, the groups were '100' and '000': 'posted 1 318 vacancies' became 318
    assert [q.value for q in find_quantities("a list of 100 000 engineers")] == [100000.0]
    assert [q.value for q in find_quantities("posted 1 318 vacancies")] == [1318.0]
    # a table cell's range, and a figure ending its line: no word after them, still one number
    found = find_quantities("| Junior | 9 000 – 13 500 |\nTotal 18 640\n")
    assert [(q.value, q.value_high) for q in found] == [(9000.0, 13500.0), (18640.0, None)]
    # an open upper band: '4 250+' is 4,250 and more
    assert [(q.value, q.bound) for q in find_quantities("| Principal | 4 250+ |")] == [
        (4250.0, "lower")
    ]
    # phone numbers: digits follow the groups, or a '+' or a leading zero opens them
    for phone in ("call +1 512 555 0147 today", "ring 020 555 0100 now", "1 555 014."):
        assert all(q.value < 1000 for q in find_quantities(phone))


def test_a_page_writing_two_local_dollars_uses_the_one_whose_places_it_names_most() -> None:
    text = (
        "ML engineer pay\n\nSydney $168,000. Melbourne $158,000. Brisbane $146,000.\n"
        "Day rates ran from A$900 to A$1,250.\nIn Auckland a mid-level engineer earns NZ$135,000."
    )
    assert page_dollar(text) == "AUD"
    assert page_dollar(text + " In Wellington, NZ$128,000. Christchurch NZ$120,000.") == "USD"


def test_a_page_that_names_a_dollar_country_among_many_others_writes_us_dollars() -> None:
    text = (
        "Freelance ML engineer rates\n\nRates run from $40 to $160 an hour.\n\n"
        "| Region | Hourly rate |\n| Western Europe | $70–$120 |\n| Latin America | $40–$75 |\n"
        "| South Asia | $25–$50 |\n\nTop talent: Ana R., Lisbon, Portugal. Tomás E., Bogotá, "
        "Colombia. Priya S., Pune, India.\n"
    )
    assert page_dollar(text) == "USD"
    local = "ML engineer pay\n\nIn Bogotá, ML engineers earn $9,500,000 a month; in Medellín, "
    assert page_dollar(local + "$8,000,000. Colombia pays less than Spain.") == "COP"


def test_a_page_about_us_pay_that_marks_one_canadian_figure_keeps_its_bare_dollar_us() -> None:
    text = (
        "30 ML engineer statistics\n\nThe median US base salary was $161,000 in 2025.\n"
        "US postings rose 27%.\nMedian pay in Canada was CA$117,000."
    )
    assert page_dollar(text) == "USD"
    assert page_dollar("Pay ranges from AUD 90,000; the average is $121,400.") == "AUD"


def test_north_america_is_no_mention_of_the_us() -> None:
    text = (
        "ML engineer salary guide 2025\n\nToronto is one of the largest AI hubs in North "
        "America. Engineers there earn a median of $128,000 (all figures in CA$). Senior "
        "engineers earn $165,000, among the best pay in North America."
    )
    assert page_dollar(text) == "CAD"


def test_a_page_naming_us_cities_writes_us_dollars_beside_a_marked_local_one() -> None:
    text = (
        "ML engineers, your 2025 pay?\nNew York: $165k base. Seattle: $198k base. Austin: $128k."
        "\nToronto: CAD 142k base."
    )
    assert page_dollar(text) == "USD"


def test_the_us_and_a_us_city_named_once_each_outnumber_one_canadian_city() -> None:
    text = (
        "Hiring roundup\n\nData scientist, Denver: $150,000 - $170,000.\n"
        "Analyst, Vancouver: CA$90K - 105K.\nRemote (US only): $80/hour."
    )
    assert page_dollar(text) == "USD"


def test_a_text_page_under_its_sites_name_and_breadcrumb_takes_its_titles_dollar() -> None:
    text = (
        "Harbourline Careers\nJobs | Salaries | Advice\nSalaries > Engineering > Canada\n"
        "Data Engineer Salary in Canada\n\nBased on 1,200 reports.\nAVERAGE\n$104,000 per year\n"
        "In the United States, the same role averaged US$141,000."
    )
    assert page_dollar(text) == "CAD"


def test_a_table_row_names_the_home_of_its_shared_sign() -> None:
    page = "Nordic pay, 2025\n\nCountry | Median\nNorway | 72 300 kr\nSweden | 61 500 kr\n"
    assert [shared_currency_at(page, page.index(f), "kr") for f in ("72 300", "61 500")] == [
        "NOK",
        "SEK",
    ]


def test_a_numbered_heading_in_capitals_names_the_home_of_its_sections_kronor() -> None:
    # A plain-text newsletter: its sections are numbered and in capitals, and its footer names
    # two other krona countries, so the page alone leaves 'kr' open.
    page = (
        "THE FJORD PAY BULLETIN\n\n"
        "------------------------------\n"
        "1. ML ENGINEER PAY IN SWEDEN\n"
        "------------------------------\n\n"
        "Machine learning engineers earned a median of 56 300 kr a month in 2025.\n\n"
        "2.1 Contractors\n\n"
        "Freelance machine learning engineers billed a median of 1 120 kr an hour.\n\n"
        "Coming up: pay in Norway and Denmark.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/plain")
    pay = {(c.value, c.unit) for c in extract_claims(doc)[0] if c.kind == "salary"}
    assert pay == {(56_300, "SEK"), (1_120, "SEK")}
    # Without its section's heading the sign stays open: no currency is guessed.
    unheaded = page.replace("1. ML ENGINEER PAY IN SWEDEN", "1. ML ENGINEER PAY")
    doc = build_document(source_id="u", text=unheaded, media_type="text/plain")
    assert [c for c in extract_claims(doc)[0] if c.kind == "salary"] == []


def test_a_scale_word_hyphenated_to_its_figure_scales_it() -> None:
    found = find_quantities("packages of R1,8-million to R2,4-million a year; a $3-billion fund")
    assert [(q.value, q.value_high, q.unit) for q in found] == [
        (1_800_000.0, 2_400_000.0, "ZAR"),
        (3e9, None, "USD"),
    ]


def test_won_is_a_currency_only_after_a_scale_word() -> None:
    found = find_quantities("reached 64.5 million won; the team won 2 awards in 2024")
    assert [(q.value, q.unit) for q in found] == [(64_500_000.0, "KRW"), (2.0, None)]


def test_a_header_names_the_dollar_whose_sign_holds_a_dollar_sign() -> None:
    assert header_currency("Salário por senioridade (mensal, em R$)") == "BRL"
    assert header_currency("Pay (NZ$)") == "NZD" and header_currency("Pay (R)") == "ZAR"
    assert header_currency("Pay ($)") == "USD"

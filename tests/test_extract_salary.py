"""Salary claims from prose: statistic, pay period, level, company/place rows, attribution."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.documents import document, numeric_claims, salary_qualifiers

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, salary, tables
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import find_experience_level, years_level

FIXTURES = Path(__file__).parent / "fixtures" / "prose"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def _claims(path: Path) -> list[Claim]:
    media_type = "text/html" if path.suffix == ".html" else "text/plain"
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type=media_type)
    return salary.extract(doc)


def _by_value(claims: list[Claim]) -> dict[float, Claim]:
    return {c.value: c for c in claims if c.value is not None}


def test_us_fixture_finds_every_salary_and_no_distractor() -> None:
    claims = _by_value(_claims(FIXTURES / "salary_us.txt"))
    assert set(claims) == {180000, 85000, 170000, 152000, 160000, 140000, 210000}
    senior = claims[180000]
    assert (senior.value_high, senior.unit) == (250000, "USD")
    assert senior.qualifiers["experience_level"] == "senior"
    assert senior.subject == "machine learning engineer"


def test_levels_follow_their_own_clause() -> None:
    claims = _by_value(_claims(FIXTURES / "salary_us.txt"))
    assert claims[85000].qualifiers["experience_level"] == "entry"
    assert claims[170000].qualifiers["experience_level"] == "senior"


def test_attributed_average_with_country_and_period() -> None:
    claim = _by_value(_claims(FIXTURES / "salary_us.txt"))[152000]
    assert claim.attributed_to == "Glassdoor"
    assert claim.qualifiers["statistic"] == "average"
    assert claim.qualifiers["pay_period"] == "annual"
    assert claim.qualifiers["country"] == "United States"


def test_row_labels_are_cities_or_companies() -> None:
    claims = _by_value(_claims(FIXTURES / "salary_us.txt"))
    assert claims[160000].qualifiers["city"] == "Seattle"
    assert "company" not in claims[160000].qualifiers
    assert claims[210000].qualifiers["company"] == "Stripe"


def test_india_fixture_lakh_ctc_and_rows() -> None:
    claims = _by_value(_claims(FIXTURES / "salary_india.txt"))
    assert set(claims) == {
        1_200_000,
        600_000,
        1_450_000,
        3_500_000,
        2_800_000,
        1_500_000,
        3_000_000,
    }
    assert all(c.unit == "INR" and c.qualifiers["pay_period"] == "annual" for c in claims.values())
    assert claims[1_200_000].attributed_to == "AmbitionBox"
    assert claims[600_000].qualifiers["experience_level"] == "entry"
    assert claims[1_450_000].subject == "data scientist"
    assert claims[1_450_000].qualifiers["statistic"] == "median"
    assert claims[3_500_000].qualifiers["company"] == "Google"
    assert claims[1_500_000].qualifiers["city"] == "Hyderabad"
    assert claims[3_000_000].qualifiers["experience_level"] == "senior"
    assert "company" not in claims[3_000_000].qualifiers


def test_html_fixture_median_pay_in_pounds() -> None:
    claims = _by_value(_claims(FIXTURES / "market_page.html"))
    assert set(claims) == {65000, 45000, 95000}
    median = claims[65000]
    assert (median.unit, median.qualifiers["statistic"]) == ("GBP", "median")
    assert median.qualifiers["pay_period"] == "annual"
    assert median.qualifiers["country"] == "United Kingdom"
    assert claims[45000].qualifiers["experience_level"] == "junior"
    assert claims[95000].value_high == 120000
    assert claims[95000].qualifiers["experience_level"] == "lead"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Deep Learning Specialization costs $49 per month on Coursera.",
        "Follow these 5 steps to become a machine learning engineer.",
        "Top 10 tips for machine learning engineer interviews.",
        "Call (555) 123-4567 to book a mock interview for $99.",
        "Python 3.11 is about 25% faster, and the battery drops to 20%.",
        "In 2019, the machine learning engineer role changed.",
        "The global machine learning market will reach $96.7 billion by 2027.",
        "Machine learning engineers must pay $300 for the certification exam fee.",
    ],
)
def test_distractors_give_no_salary(sentence: str) -> None:
    doc = build_document(
        source_id="d",
        text=f"Machine learning engineer salary\n\n{sentence}\n",
        media_type="text/plain",
    )
    assert salary.extract(doc) == []


def test_quote_span_is_the_sentence() -> None:
    path = FIXTURES / "salary_us.txt"
    text = build_document(source_id="s", text=path.read_text(), media_type="text/plain").text
    for claim in _claims(path):
        quoted = text[claim.char_start : claim.char_end]
        assert claim.unit and quoted.strip() == quoted and len(quoted) > 10
        assert claim.extractor == salary.NAME


def test_bundled_000_salaries() -> None:
    claims = _by_value(_claims(next(BUNDLED.glob("000_*.txt"))))
    mean = claims[146085]
    assert (mean.unit, mean.qualifiers["statistic"], mean.year) == ("USD", "mean", 2019)
    assert "country" not in mean.qualifiers
    assert mean.attributed_to == "Definitely report"
    india = claims[795677]
    assert (india.unit, india.attributed_to) == ("INR", "Glassdoor")
    assert india.qualifiers["statistic"] == "average"
    assert india.qualifiers["country"] == "India"
    assert india.qualifiers["pay_period"] == "annual"
    rows = {c.qualifiers.get("company"): c for c in claims.values() if "company" in c.qualifiers}
    assert set(rows) == {"Microsoft", "Accenture", "Quantiphi", "Tata Consultancy Firms", "Infosys"}
    assert (rows["Microsoft"].value, rows["Microsoft"].value_high) == (1_462_000, 2_244_000)
    assert rows["Quantiphi"].value_high is None
    assert all(c.qualifiers["pay_period"] == "annual" for c in rows.values())
    assert len(claims) == 7


def test_never_raises_on_odd_input() -> None:
    for text in ["", "$", "salary: $$$ 1,,2,3 – – LPA", "•\n\n–\n\n" + "salary $1 " * 500]:
        doc = build_document(source_id="x", text=text, media_type="text/plain")
        assert isinstance(salary.extract(doc), list)


def _pay(text: str, title: str | None = None) -> list[tuple[object, ...]]:
    doc = build_document(source_id="q", text=text, media_type="text/plain", title=title)
    return [
        (
            c.kind,
            c.subject,
            c.value,
            c.value_high,
            c.qualifiers.get("experience_level"),
            c.qualifiers.get("city"),
        )
        for c in salary.extract(doc)
    ]


def test_qualifiers_come_from_the_figures_own_clause() -> None:
    text = (
        "The average machine learning engineer salary is $128,000, while senior staff in "
        "Boston earn $175,000."
    )
    assert _pay(text) == [
        ("salary", "machine learning engineer", 128000.0, None, None, None),
        ("salary", "machine learning engineer", 175000.0, None, "senior", "Boston"),
    ]


def test_each_clause_gives_its_own_role() -> None:
    text = (
        "On my team the ML engineers earned about $160,000, whereas the senior data scientists "
        "were paid closer to $140,000."
    )
    assert [(r[1], r[2], r[4]) for r in _pay(text)] == [
        ("machine learning engineer", 160000.0, None),
        ("data scientist", 140000.0, "senior"),
    ]


def test_a_range_written_from_to_is_one_figure_and_keeps_no_neighbouring_level() -> None:
    text = (
        "Pay for machine learning engineers in Canada tends to range from CAD 95,000 to CAD "
        "140,000, with senior engineers in Toronto earning more."
    )
    assert _pay(text) == [("salary", "machine learning engineer", 95000.0, 140000.0, None, None)]


def test_salary_of_another_discipline_is_not_the_page_role() -> None:
    text = "Data engineering roles pay an average salary of $115,000."
    assert [r[1] for r in _pay(text, title="Machine Learning Engineer Salary Guide")] == [
        "data engineer"
    ]


def test_pay_rise_is_a_growth_rate_of_the_roles_pay() -> None:
    text = "Base pay for ML engineers rose 4.5% in 2024, ahead of the wider IT market."
    doc = build_document(source_id="q", text=text, media_type="text/plain")
    claims, _ = extract_claims(doc)
    rates = [(c.kind, c.subject, c.attribute, c.value) for c in claims if c.unit == "percent"]
    assert rates == [("growth_rate", "machine learning engineer", "salary_growth", 4.5)]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "Advertised ML engineer salaries were 3.8% higher than a year earlier.",
            ("machine learning engineer", 3.8, None, None),
        ),
        (  # the year after 'than' is the base the change starts from, not the year it ends
            "Median pay for data scientists was 2% lower than in 2024.",
            ("data scientist", -2.0, None, 2024),
        ),
    ],
)
def test_pay_higher_or_lower_than_an_earlier_time_is_a_change_in_pay(
    text: str, change: tuple[object, ...]
) -> None:
    doc = build_document(source_id="q", text=text, media_type="text/plain")
    claims, _ = extract_claims(doc)
    assert [
        (c.subject, c.value, c.year, c.qualifiers.get("period_start"))
        for c in claims
        if c.kind == "growth_rate"
    ] == [change]
    assert not [c for c in claims if c.kind == "comparison"]


def test_a_new_level_is_not_a_pay_rise() -> None:
    text = "The employer pension top-up on earnings rises to 12% from July."
    doc = build_document(source_id="q", text=text, media_type="text/plain")
    assert salary.extract(doc) == []


def test_a_bare_dollar_on_an_australian_page_is_the_australian_dollar() -> None:
    text = (
        "Salaries for machine learning engineers range from AUD 90,000 to AUD 130,000.\n\n"
        "The national average salary for machine learning engineers is $121,400 a year."
    )
    doc = build_document(source_id="au", text=text, media_type="text/plain")
    assert {(c.value, c.unit) for c in salary.extract(doc)} == {
        (90000, "AUD"),
        (121400, "AUD"),
    }
    us = build_document(
        source_id="us", text=text + "\n\nIn the US they earn US$150,000.", media_type="text/plain"
    )
    assert (121400, "USD") in {(c.value, c.unit) for c in salary.extract(us)}


def test_a_bare_dollar_on_a_page_of_canadian_cities_is_the_canadian_dollar() -> None:
    rows = "".join(
        f"<tr><td>{city}</td><td>${pay:,}</td></tr>"
        for city, pay in (("Toronto", 128000), ("Vancouver", 131500), ("Calgary", 119000))
    )
    page = (
        "<html><head><title>What ML engineers earn, city by city</title></head><body>"
        "<h1>What ML engineers earn, city by city</h1>"
        "<table><tr><th>City</th><th>Average ML engineer salary</th></tr>"
        f"{rows}</table></body></html>"
    )

    def pay(html: str) -> set[tuple[float, str | None]]:
        claims, _ = extract_claims(build_document(source_id="p", text=html, media_type="text/html"))
        return {(c.value, c.unit) for c in claims if c.kind == "salary"}

    assert pay(page) == {
        (128000, "CAD"),
        (131500, "CAD"),
        (119000, "CAD"),
    }
    # One US city anywhere and a bare '$' is the US dollar again.
    assert {unit for _, unit in pay(page.replace("Calgary", "Seattle"))} == {"USD"}


def test_a_bare_dollar_on_a_mexican_page_is_the_peso_but_not_in_new_mexico() -> None:
    def units(title: str) -> set[str | None]:
        text = f"# {title}\n\nMachine learning engineers earn $48,000 a month on average.\n"
        claims, _ = extract_claims(
            build_document(source_id="m", text=text, media_type="text/markdown")
        )
        return {c.unit for c in claims if c.kind == "salary"}

    assert units("Machine learning engineer salaries in Mexico") == {"MXN"}
    assert units("Machine learning engineer salaries in New Mexico") == {"USD"}


def test_a_job_boards_listings_give_each_pay_line_its_title_level_and_place() -> None:
    page = """<html><head><title>Machine learning engineer jobs in Poland</title></head>
    <body><h1>Machine learning engineer jobs in Poland</h1><p>96 offers</p>
    <article><h2><a href="/j/1">Senior Machine Learning Engineer</a></h2>
    <div>Odra Vision</div><div>Wrocław · Remote</div>
    <div>21 000 – 27 500 PLN net/month (B2B)</div></article>
    <article><h2><a href="/j/2">Machine Learning Engineer</a></h2>
    <div>Baltic Signal</div><div>Gdańsk · Hybrid</div>
    <div>15 000 – 19 000 PLN gross/month</div></article></body></html>"""
    claims, _ = extract_claims(build_document(source_id="b", text=page, media_type="text/html"))
    pay = [
        (c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"), c.qualifiers["city"])
        for c in claims
        if c.kind == "salary" and c.qualifiers.get("pay_period") == "monthly"
    ]
    assert pay == [
        (21000, 27500, "PLN", "senior", "Wrocław"),
        (15000, 19000, "PLN", None, "Gdańsk"),
    ]


def test_a_sentence_framed_by_pay_that_states_a_statistic_is_pay() -> None:
    text = (
        "Machine learning engineers in Germany earn between €65,000 – €130,000 a year. "
        "The median is €78,500, and senior engineers in Munich often reach €105,000."
    )
    assert [(r[1], r[2], r[4]) for r in _pay(text)] == [
        ("machine learning engineer", 65000.0, None),
        ("machine learning engineer", 78500.0, None),
        ("machine learning engineer", 105000.0, "senior"),
    ]


def test_the_paragraph_names_the_role_of_a_later_sentence() -> None:
    text = (
        "The median salary of a machine learning engineer in India is Rs 13,75,000. "
        "Freshers start at Rs 7,20,000 a year on average."
    )
    assert [(r[1], r[2], r[4]) for r in _pay(text, title="How much does an AI/ML engineer earn?")][
        1
    ] == ("machine learning engineer", 720000.0, "entry")


@pytest.mark.parametrize(
    "page",
    [
        "# ML Engineer\n\n## Hiring process\n\n- Intro call\n- Take-home task (paid €300)\n",
        "# Machine learning engineer salaries\n\nSign up for Pro ($19.99/month) today.\n",
        "# Machine learning engineer salaries\n\nEvery hire gets a $800 annual gear allowance.\n",
    ],
)
def test_small_sums_and_prices_on_pay_pages_are_not_salaries(page: str) -> None:
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    assert salary.extract(doc) == []


def test_a_job_posting_pay_section_gives_the_posted_role_and_its_level() -> None:
    page = (
        "**Remote · Full-time**\n\n# Senior Machine Learning Engineer – Forecasting\n\n"
        "## Compensation\n\n€70k–€90k gross per year depending on experience, plus equity. "
        "Candidates in Switzerland are paid in francs: CHF 115,000–135,000.\n"
    )
    doc = build_document(source_id="j", text=page, media_type="text/markdown")
    read = [
        (c.subject, c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"))
        for c in salary.extract(doc)
    ]
    assert read == [
        ("machine learning engineer", 70000, 90000, "EUR", "senior"),
        ("machine learning engineer", 115000, 135000, "CHF", "senior"),
    ]


def test_a_level_before_a_slash_and_a_role_word_is_a_level() -> None:
    text = "Day rates:\n\n- Lead / architect: £1,000 per day and above\n"
    assert [(r[2], r[4]) for r in _pay(text, title="ML engineer day rates")] == [(1000.0, "lead")]


def test_a_premium_and_a_benefit_are_not_pay() -> None:
    page = (
        "# Machine learning engineer pay\n\n"
        "Offers that mention LLMs pay an average of $14,000, or 9%, more per year than others.\n\n"
        "- $1,500 yearly learning stipend\n- $20,000 signing bonus\n\n"
        "The base salary is $150,000 plus bonus.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    assert [c.value for c in salary.extract(doc)] == [150000]


def test_words_after_a_figure_belong_to_it_not_to_the_next_one() -> None:
    text = (
        "UK day rates run from around £420 a day for a junior data analyst, to a median near "
        "£575 for a data scientist, and about £720 for a machine learning engineer."
    )
    assert [(r[1], r[2], r[4]) for r in _pay(text)] == [
        ("data analyst", 420.0, "junior"),
        ("data scientist", 575.0, None),
        ("machine learning engineer", 720.0, None),
    ]


def test_roles_written_as_head_of_field_two_fields_or_interns() -> None:
    text = (
        "Heads of machine learning were offered £160,000+ before equity. "
        "The average salary of an AI research scientist is $171,450. "
        "Our summer ML interns are paid $48.00/hr.\nTypical entry-level education: a degree."
    )
    assert [(r[1], r[2], r[4]) for r in _pay(text)] == [
        ("head of machine learning", 160000.0, None),
        ("artificial intelligence research scientist", 171450.0, None),
        ("machine learning intern", 48.0, "entry"),
    ]


def test_a_line_break_ends_a_figures_clause() -> None:
    text = "Median pay, 2024: $145,080 per year; $69.75 per hour\nTypical entry-level education."
    assert [r[4] for r in _pay(text, title="Data scientist pay")] == [None, None]


def test_an_uncaptioned_table_is_pay_when_the_paragraph_above_says_so() -> None:
    page = (
        "# ML engineers in Australia\n\n"
        "These are the daily rates we agreed for machine learning engineers this year.\n\n"
        "| Seniority | Sydney |\n|---|---|\n| Mid-level | A$850–A$1,050 per day |\n"
        "| Senior (6+ yrs) | A$1,100–A$1,400 per day |\n\n"
        "| Level | Median base |\n|---|---|\n| ML Engineer I (entry) | $128,000 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    claims, _ = extract_claims(doc)
    read = [
        (c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"))
        for c in claims
        if c.kind == "salary"
    ]
    assert read == [
        (850, 1050, "AUD", "mid"),
        (1100, 1400, "AUD", "senior"),
        (128000, None, "AUD", "entry"),
    ]


def test_a_posting_pay_line_and_a_place_after_a_pay_sentence_are_pay() -> None:
    page = (
        "<h1>Machine Learning Engineer (NLP) – London</h1>"
        "<p>£85,000 - £110,000 + bonus + share options</p>"
        "<h2>Pay by location</h2><p>The Bay Area pays the most, with a median base of "
        "$176,000. Austin comes in at $149,000.</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert [(c.value, c.value_high) for c in salary.extract(doc)] == [
        (85000, 110000),
        (176000, None),
        (149000, None),
    ]


def test_a_tax_threshold_and_a_relocation_package_are_not_pay() -> None:
    text = (
        "On £78,000 you pay income tax at the higher rate on everything above £50,270, which "
        "leaves a monthly take-home pay of roughly £4,450. A £4,000 relocation package is common."
    )
    values = [r[2] for r in _pay(text, title="Machine learning engineer salary in London")]
    assert 50270 not in values and 4000 not in values
    assert 4450 in values
    assert [r[2] for r in _pay("She earns £60,000 before tax.")] == []
    assert [r[2] for r in _pay("ML engineers earn £60,000 before tax.")] == [60000]


def test_swiss_franc_abbreviations_do_not_end_a_sentence() -> None:
    text = "ML engineers in Zurich earn about SFr. 135,000 a year; in Geneva, Fr. 128,000."
    assert [r[2] for r in _pay(text)] == [135000, 128000]


def test_a_bare_dollar_under_a_title_naming_canada_is_the_canadian_dollar() -> None:
    page = "# Senior machine learning engineer salary in Canada\n\n- Remote roles: $181,200\n"
    doc = build_document(source_id="ca", text=page, media_type="text/markdown")
    assert [(c.value, c.unit) for c in salary.extract(doc)] == [(181200, "CAD")]
    both = page.replace("in Canada", "in the US and Canada")
    doc = build_document(source_id="us", text=both, media_type="text/markdown")
    assert [(c.value, c.unit) for c in salary.extract(doc)] == [(181200, "USD")]
    # a Canadian city's figure is in Canadian dollars even on a page about both countries
    toronto = both.replace("Remote roles", "Toronto")
    doc = build_document(source_id="to", text=toronto, media_type="text/markdown")
    assert [(c.value, c.unit) for c in salary.extract(doc)] == [(181200, "CAD")]


def test_at_the_same_level_repeats_the_previous_figures_level() -> None:
    text = (
        "Freshers in data engineering roles can expect up to Rs 13 lakh per annum, while "
        "machine learning engineers at the same level earn up to Rs 11 lakh."
    )
    assert [(r[1], r[4]) for r in _pay(text)] == [
        ("data engineer", "entry"),
        ("machine learning engineer", "entry"),
    ]


def test_the_roles_of_a_field_are_not_the_pages_role() -> None:
    text = "The average advertised salary for AI roles was $157,400."
    assert [r[1] for r in _pay(text, title="Machine learning engineer jobs")] == [
        "artificial intelligence role"
    ]


@pytest.mark.parametrize(
    "title", ["Machine learning engineer jobs", "How much do AI/ML engineers earn?"]
)
def test_the_roles_of_the_pages_own_field_are_the_pages_role(title: str) -> None:
    text = "ML roles pay a median of $150,000, and data engineering roles $130,000."
    assert [r[1] for r in _pay(text, title=title)] == ["machine learning engineer", "data engineer"]


def test_a_compared_figure_is_the_same_pay_rise_for_its_own_subject() -> None:
    text = (
        "Salaries for machine learning engineers in India rose 11.4% in 2024, compared with "
        "7.8% for data scientists."
    )
    doc = build_document(source_id="q", text=text, media_type="text/plain")
    rises = [(c.kind, c.subject, c.value) for c in salary.extract(doc)]
    assert rises == [
        ("growth_rate", "machine learning engineer", 11.4),
        ("growth_rate", "data scientist", 7.8),
    ]


def test_a_labelled_pay_line_read_as_a_heading_is_still_pay() -> None:
    page = (
        "# Senior machine learning engineer salary in Canada\n\n"
        "Average base salary: $168,400\n\nProjected 2026 average: $176,900\n"
    )
    doc = build_document(source_id="h", text=page, media_type="text/markdown")
    read = [(c.value, c.unit, c.qualifiers.get("statistic")) for c in salary.extract(doc)]
    assert read == [(168400, "CAD", "average"), (176900, "CAD", "average")]
    # a sign set apart from its figure, as Indian salary pages write it
    spaced = (
        "# Data engineer salary in India\n\n## Median annual salary: ₹ 9.6 Lakhs\n\nMore below.\n"
    )
    doc = build_document(source_id="h", text=spaced, media_type="text/markdown")
    assert [(c.value, c.unit) for c in salary.extract(doc)] == [(960000, "INR")]
    # a word set apart after the colon makes a question, not a labelled figure
    asked = "# Comp threads\n\n## ML engineer offer in Denver: is ~$250k TC fair?\n\nMore below.\n"
    doc = build_document(source_id="h", text=asked, media_type="text/markdown")
    assert salary.extract(doc) == []


def test_a_countdown_of_headings_gives_each_place_its_pay_as_its_list_frames_it() -> None:
    page = (
        "<h1>Where machine learning engineers are paid best</h1>"
        "<p>We ordered eight metros by the median base salary of ML engineers.</p>"
        "<ol><li><h3>1. Raleigh, NC — $158,200</h3><p>Research parks keep hiring.</p></li>"
        "<li><h3>2. Portland, OR — $151,900</h3><p>Chip design teams grew.</p></li></ol>"
        "<h3>3. Denver, CO — $149,300</h3><p>Start-ups and defence work.</p>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    read = [(c.value, c.qualifiers.get("city")) for c in salary.extract(doc)]
    assert read == [(158200, "Raleigh"), (151900, "Portland"), (149300, "Denver")]
    # without a frame that speaks of pay, a sum in a countdown's heading is no salary
    unframed = page.replace("are paid best", "are moving").replace(
        "by the median base salary of ML engineers", "by how fast they grew"
    )
    doc = build_document(source_id="h", text=unframed, media_type="text/html")
    assert salary.extract(doc) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "period"),
    [
        (
            "Contract ML engineers in Toronto charge CA$700 to CA$950 per day.",
            700,
            950,
            "CAD",
            "daily",
        ),
        (
            "In London, ML engineers on contract typically earn £550–£750 per day.",
            550,
            750,
            "GBP",
            "daily",
        ),
        ("Freelance data scientists bill between €600 and €800 a day.", 600, 800, "EUR", "daily"),
        ("Junior ML engineers on contract make $45-$60 an hour.", 45, 60, "USD", "hourly"),
        ("Day rates for senior MLOps engineers range from £600 to £850.", 600, 850, "GBP", "daily"),
        (
            "An AI engineer on retainer earns $9,000 to $12,000 per month.",
            9000,
            12000,
            "USD",
            "monthly",
        ),
    ],
)
def test_a_rate_range_is_one_claim_with_its_pay_period(
    sentence: str, low: float, high: float, unit: str, period: str
) -> None:
    (claim,) = salary.extract(document(sentence))
    assert (claim.value, claim.value_high, claim.unit) == (low, high, unit)
    assert claim.qualifiers["pay_period"] == period
    assert claim.qualifiers["statistic"] == "range"
    assert claim.qualifiers["currency_symbol"] in {"CA$", "£", "€", "$"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Our umbrella partner charges £25 a week.",
        "ML engineers make decisions that save $2 million a year.",
        "The two-day bootcamp for ML engineers costs £450 per day.",
    ],
)
def test_a_rate_verb_without_a_role_or_before_a_price_is_not_pay(sentence: str) -> None:
    assert salary.extract(document(sentence)) == []


def test_pay_nested_under_a_ranked_item_is_that_items_pay() -> None:
    page = (
        "# The best-paying new AI jobs\n\nOur ranking of the top roles this year:\n\n"
        "1. Prompt Engineer\n   - Median base salary: $131,000\n"
        "2. Data Labeling Lead\n   - Median base salary: $88,200\n"
    )
    claims = salary.extract(document(page, "text/markdown"))
    assert {c.value: c.subject for c in claims} == {
        131000: "prompt engineer",
        88200: "data labeling lead",
    }


@pytest.mark.parametrize(
    ("sentence", "value", "period"),
    [
        ("Senior ML engineers on contract earn £500 - £650 p/d outside IR35.", 500, "daily"),
        ("ML engineers working freelance can expect between $50 and $90 per hour.", 50, "hourly"),
        ("AI consultants bill clients $200 an hour.", 200, "hourly"),
        ("Junior data scientists start at $70,000 a year in most US cities.", 70000, "annual"),
        ("Typical contract rates: £600-£800 per day for senior ML engineers.", 600, "daily"),
    ],
)
def test_rate_shorthands_and_rate_verbs_with_an_object(
    sentence: str, value: float, period: str
) -> None:
    (claim,) = salary.extract(document(sentence))
    assert (claim.value, claim.qualifiers["pay_period"]) == (value, period)


@pytest.mark.parametrize(
    "sentence",
    [
        "ML engineers receive $3,000 for conference travel.",
        "ML engineers can rent a desk for £25 a day in the coworking space.",
        "GPU instances for ML engineers cost $3 per hour.",
    ],
)
def test_a_sum_paid_for_something_else_is_not_pay(sentence: str) -> None:
    assert salary.extract(document(sentence)) == []


def test_a_price_between_the_pay_word_and_the_sum_makes_it_a_price() -> None:
    text = "Our salary calculator subscription costs €9.99 a month."
    assert salary.extract(document(text)) == []
    posting = "For this role, budget $135,000–$175,000 a year in base salary for an ML engineer."
    assert [c.value for c in salary.extract(document(posting))] == [135000]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tuition $16,900 or pay nothing until you're hired (income share agreement).",
        "Financing from $289/month for ML engineers, with no salary checks.",
        "Course fees: about $2,400 for ML engineers who want a higher salary.",
    ],
)
def test_a_price_word_heading_a_sum_makes_it_a_price_whatever_pay_words_follow(
    sentence: str,
) -> None:
    assert salary.extract(document(sentence)) == []


def test_a_title_about_pay_frames_a_stat_line_and_starting_out_is_entry_level() -> None:
    page = (
        "Data Scientist Pay in Ireland\n\nAt a Glance\n\n"
        "Senior data scientists: €95,000 on average\n\n"
        "Data scientists starting out in Dublin usually earn between €42,000 and €50,000.\n"
    )
    claims = {c.value: c for c in salary.extract(document(page))}
    assert claims[95000].qualifiers["experience_level"] == "senior"
    assert claims[42000].qualifiers["experience_level"] == "entry"


def test_each_figure_row_of_an_unmarked_list_is_one_salary() -> None:
    page = (
        "# ML Engineer Salary Guide UK\n\n## Pay bands\n\n"
        "Junior (0–2 years): £42,000 – £60,000\nMid-Level (2–5 years): £60,000 – £90,000\n\n"
        "## Abroad\n\nNetherlands: €62,000 – €120,000\nSwitzerland: CHF 115,000 – CHF 170,000\n\n"
        "At mid-level you can expect to earn £48k-£58k, and seniors can look to earn £72k+.\n"
    )
    claims = {c.value: c for c in salary.extract(document(page, "text/markdown"))}
    assert claims[42000].qualifiers["experience_level"] == "junior"
    assert claims[60000].qualifiers["experience_level"] == "mid"
    assert claims[62000].qualifiers["country"] == "Netherlands"
    assert claims[115000].unit == "CHF"
    assert claims[72000].qualifiers["experience_level"] == "senior"


def test_a_row_label_with_years_in_parentheses_names_the_level() -> None:
    page = (
        "# AI Engineer Salary in Canada\n\n## Salary by experience\n\n"
        "Entry (0–2 years): C$78,000 – C$96,000\nIntermediate (3–5 years): C$105,000 – C$130,000\n"
    )
    claims = {c.value: c for c in salary.extract(document(page, "text/markdown"))}
    assert claims[78000].qualifiers["experience_level"] == "entry"
    assert claims[105000].qualifiers["experience_level"] == "mid"


def test_a_tiny_monthly_sum_is_a_price_even_beside_a_pay_word() -> None:
    assert salary.extract(document("Try our salary calculator for C$4.99 a month.")) == []


def test_a_small_sum_beside_a_pay_word_is_pay_only_as_an_hourly_or_daily_rate() -> None:
    assert salary.extract(document("Download the full ML engineer salary report for $29.")) == []
    rates = salary.extract(document("Contract ML engineers earn $65 an hour."))
    assert [(c.value, c.qualifiers["pay_period"]) for c in rates] == [(65, "hourly")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pay verb before 'from' makes a range; the low end takes the high end's scale.
        ("ML engineers in Pune earn from ₹14 to ₹30 lakh a year.", [(1_400_000, 3_000_000)]),
        ("Employers pay from €70,000 to €95,000 for ML engineers.", [(70_000, 95_000)]),
        ("Pay for ML engineers runs from $120,000 to $160,000.", [(120_000, 160_000)]),
        # A change verb keeps the two sums apart: each is the pay of its own time.
        (
            "ML engineer pay went from £60,000 to £68,000 in two years.",
            [(60_000, None), (68_000, None)],
        ),
    ],
)
def test_from_to_after_a_pay_verb_is_a_range(sentence: str, expected: list[tuple]) -> None:
    assert [(c.value, c.value_high) for c in salary.extract(document(sentence))] == expected


def test_a_later_sentence_on_career_pay_goes_on_with_the_paragraphs_pay() -> None:
    text = "Salaries for ML engineers start at £45,000. After five years, most move above £75,000."
    assert [c.value for c in salary.extract(document(text))] == [45000, 75000]


@pytest.mark.parametrize(
    "text",
    [
        "ML engineers earn $150,000. The company spent $200,000 on GPUs last year.",
        "ML engineers earn $150,000. Our office moved to a $300,000 building.",
    ],
)
def test_a_later_sum_about_something_else_is_not_pay(text: str) -> None:
    assert [c.value for c in salary.extract(document(text))] == [150000]


def test_a_range_referring_back_to_the_paragraphs_pay_is_pay() -> None:
    text = (
        "Pay\n\nThe base salary range for data scientists in Berlin is €70,000 - €90,000 a "
        "year. For hires in Leipzig, the range is €60,000 - €78,000. The office car park "
        "costs €1,200.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    found = {(c.value, c.value_high) for c in salary.extract(doc)}
    assert found == {(70000, 90000), (60000, 78000)}


def test_a_fall_in_pay_is_negative_pay_growth() -> None:
    text = "Hourly rates for data scientists have dropped 2.5% since 2022 as budgets shrank.\n"
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    found = [(c.kind, c.value) for c in salary.extract(doc)]
    assert found == [("growth_rate", -2.5)]


def test_a_change_after_a_pay_figure_naming_job_ads_is_not_pay() -> None:
    text = (
        "Base pay for data scientists climbed 3.9% from 2023, even as data science job ads "
        "fell 5% in 2024.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(c.kind, c.value) for c in salary.extract(doc)] == [("growth_rate", 3.9)]


def test_a_pay_change_takes_its_own_period_and_pay_period() -> None:
    text = (
        "Day rates for data scientists rose 3.9% from 2022, even as data science job ads "
        "fell 5% in 2024.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    (rise,) = salary.extract(doc)
    assert (rise.year, rise.qualifiers.get("period_start"), rise.qualifiers.get("pay_period")) == (
        None,
        2022,
        "daily",
    )


def test_a_pay_change_takes_the_level_its_clause_names() -> None:
    text = "Base pay for junior data scientists grew 2.4% against 2023.\n"
    (rise,) = salary.extract(document(text))
    assert (rise.kind, rise.value, rise.qualifiers.get("experience_level")) == (
        "growth_rate",
        2.4,
        "junior",
    )
    # a level named in a clause set before the pay's is not the pay's
    text = "Even as senior hiring froze, base pay for data scientists grew 2.4% against 2023.\n"
    (rise,) = salary.extract(document(text))
    assert (rise.value, rise.qualifiers.get("experience_level")) == (2.4, None)


def test_it_in_a_later_clause_goes_on_with_the_pay_change_before_it() -> None:
    text = "Median pay for data engineers rose 5.6% in Spain; in Portugal it was up 3.1%.\n"
    found = [(c.kind, c.value, c.qualifiers.get("country")) for c in salary.extract(document(text))]
    assert found == [("growth_rate", 5.6, "Spain"), ("growth_rate", 3.1, "Portugal")]


def test_a_change_right_after_a_sum_of_pay_in_its_clause_is_that_pay_s_change() -> None:
    """'averaged €560 a day ..., up 4%': the change of the day rate before it, though no pay
    word names it; a market's sum, paid in no period, has no such change."""
    text = "Freelance data engineers averaged €560 a day in 2025, up 4% on the previous year.\n"
    found = [
        (c.kind, c.value, c.qualifiers.get("pay_period")) for c in salary.extract(document(text))
    ]
    assert found == [("salary", 560, "daily"), ("growth_rate", 4, "daily")]
    market = "The data engineering tools market reached €560 million in 2025, up 4% on 2024.\n"
    assert [c.kind for c in salary.extract(document(market))] == []


def test_a_second_range_in_a_sentence_gets_its_own_city_and_the_shared_pay_period() -> None:
    text = (
        "Salaries for ML engineers vary by city. In Kochi, ML engineers are offered between "
        "₹8 and ₹15 lakh, while Jaipur pays ₹7–13 lakh per year."
    )
    found = {c.value: c.qualifiers for c in salary.extract(document(text))}
    assert (found[800000]["city"], found[800000]["pay_period"]) == ("Kochi", "annual")
    assert (found[700000]["city"], found[700000]["pay_period"]) == ("Jaipur", "annual")
    assert all("region" not in q for q in found.values())


def test_a_day_rate_does_not_lend_its_period_to_a_yearly_sum_or_another_currency() -> None:
    text = (
        "Permanent ML engineers in Leeds earn £70,000, while contract ML engineers bill "
        "£550–£700 per day. In Dublin ML engineers are offered €90,000, and London contract "
        "ML engineers charge £600 per day."
    )
    periods = {c.value: c.qualifiers.get("pay_period") for c in salary.extract(document(text))}
    assert periods == {70000: None, 550: "daily", 90000: None, 600: "daily"}


def test_a_band_of_more_than_some_years_gives_the_level_of_those_years() -> None:
    """'More than 8 years' and 'Over 3 years' are open bands, read by their fewest years as
    '8+ years' is."""
    text = (
        "## Data engineer pay by experience\n\n- Over 3 years: €61,000\n"
        "- More than 8 years: €84,000\n"
    )
    claims = salary.extract(document(text, "text/markdown"))
    assert {c.value: c.qualifiers.get("experience_level") for c in claims} == {
        61000: "mid",
        84000: "senior",
    }


@pytest.mark.parametrize("label", ["Leeds", "Montréal", "Ahmedabad"])
def test_a_city_row_label_is_the_city_qualifier(label: str) -> None:
    page = (
        "<h2>Machine learning engineer salaries by location</h2>"
        f"<ul><li>{label}: £61,000</li><li>Northwind Labs: £64,000</li></ul>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: c.qualifiers for c in salary.extract(doc)}
    assert found[61000]["city"] == label and "category" not in found[61000]
    assert found[64000]["company"] == "Northwind Labs" and "city" not in found[64000]


def test_a_city_named_as_where_the_pay_is_not_is_no_city() -> None:
    text = "ML engineer pay is highest in London. Outside London, the typical salary is £62,000."
    (claim,) = salary.extract(document(text))
    assert claim.value == 62000 and "city" not in claim.qualifiers


def test_a_pay_change_measured_against_an_earlier_year_starts_there() -> None:
    text = "Compared with the first half of 2024, average base pay for ML engineers rose 4.1%."
    (claim,) = salary.extract(document(text))
    assert (claim.kind, claim.value, claim.year) == ("growth_rate", 4.1, None)
    assert claim.qualifiers["period_start"] == 2024 and "period_end" not in claim.qualifiers


def test_contractors_of_a_field_are_its_engineers_without_the_posting_level() -> None:
    page = (
        "<h1>Senior Machine Learning Engineer</h1><h2>Pay</h2>"
        "<p>We also hire ML contractors for short projects; they are paid $95 to $130 an hour.</p>"
        "<p>AI freelancers bill €600 per day.</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: c for c in salary.extract(doc)}
    assert found[95].subject == "machine learning engineer"
    assert found[95].qualifiers["pay_period"] == "hourly"
    assert "experience_level" not in found[95].qualifiers
    assert found[600].subject == "artificial intelligence engineer"


def test_a_posting_title_gives_its_level_to_pay_for_this_position() -> None:
    page = (
        "<h1>Senior Machine Learning Engineer</h1><h2>Pay</h2>"
        "<p>The pay range for a machine learning engineer in this position is $150,000–$180,000 "
        "per year.</p><p>For this role we pay a $20,000 signing bonus; data scientists on the "
        "team earn $140,000.</p><p>Machine learning engineers elsewhere earn $120,000.</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: c for c in salary.extract(doc)}
    assert found[150000].qualifiers["experience_level"] == "senior"
    assert (found[140000].subject, found[140000].qualifiers.get("experience_level")) == (
        "data scientist",
        None,
    )
    assert "experience_level" not in found[120000].qualifiers


def test_a_bare_dollar_and_the_country_follow_the_section_heading() -> None:
    page = (
        "<h1>ML engineer pay in North America</h1><h2>United States</h2>"
        "<ul><li>Senior: $186,000</li></ul><h2>Canada</h2><ul><li>Senior: $142,000</li></ul>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: (c.unit, c.qualifiers.get("country")) for c in salary.extract(doc)}
    assert found == {186000: ("USD", "United States"), 142000: ("CAD", "Canada")}


@pytest.mark.parametrize("noun", ["salary hike", "pay rise", "salary increment"])
def test_a_labelled_raise_is_a_change_in_pay(noun: str) -> None:
    text = f"# ML pay in India\n\nAverage {noun} for ML engineers in 2025: 10.8%\n"
    claims = extract_claims(document(text, "text/markdown"))[0]
    assert [(c.attribute, c.value, c.year) for c in claims] == [("salary_growth", 10.8, 2025)]


def test_raises_named_well_before_their_figure_with_a_present_verb_are_pay_changes() -> None:
    """'Planned pay increases for data engineers in 2026 average 5.2%': the raise is the
    subject, its verb in the present, and the role and year come between."""
    text = "Planned pay increases for data engineers in 2026 average 5.2%, against 3.1% overall.\n"
    found = [(c.kind, c.value, c.year) for c in salary.extract(document(text))]
    assert found == [("growth_rate", 5.2, 2026), ("growth_rate", 3.1, 2026)]


def test_a_bare_dollar_in_a_sentence_naming_a_city_is_that_city_s_dollar() -> None:
    """On a page whose bare '$' is the Canadian dollar, a sentence naming a city of another
    dollar country is in that country's dollar."""
    page = (
        "<h1>ML engineer pay in Canada</h1><h2>Toronto</h2>"
        "<p>Toronto pays ML engineers C$120,000 to C$150,000.</p><h2>Contract work</h2>"
        "<p>Contractors in Seattle bill $110 an hour for model work.</p>"
        "<p>Most contracts last six months and pay $95 an hour.</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: c.unit for c in salary.extract(doc)}
    assert found == {120000: "CAD", 110: "USD", 95: "CAD"}


def test_a_city_named_after_the_figure_leaves_the_page_s_dollar() -> None:
    """'..., about what their peers in Sydney make': a comparison after the sum names no
    dollar of it."""
    text = (
        "# ML engineer salaries in Canada\n\n"
        "ML engineers here earn $140,000 a year, about what their peers in Sydney make.\n"
    )
    assert [c.unit for c in salary.extract(document(text, "text/markdown"))] == ["CAD"]


def test_a_later_parallel_sum_shares_the_pay_period_of_an_earlier_one() -> None:
    text = (
        "A junior ML engineer typically starts on £45,000 per year, although some banks pay "
        "graduate ML engineers £55,000."
    )
    periods = {c.value: c.qualifiers.get("pay_period") for c in salary.extract(document(text))}
    assert periods == {45000: "annual", 55000: "annual"}


def test_a_title_gives_its_role_but_a_level_only_beside_that_role() -> None:
    line = "Bengaluru: ₹18.5 LPA"
    assert _pay(line, title="ML Engineer Salary in India: Freshers to Leads") == [
        ("salary", "machine learning engineer", 1850000.0, None, None, "Bengaluru")
    ]
    assert _pay(line, title="Senior machine learning engineer salary in India") == [
        ("salary", "machine learning engineer", 1850000.0, None, "senior", "Bengaluru")
    ]


def test_a_lead_in_with_a_sum_of_its_own_gives_the_list_no_pay_period() -> None:
    page = (
        "# Machine learning engineer pay\n\nML contractors bill $85/hour. By city:\n\n"
        "- Austin: $131,500\n- Seattle: $162,400\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    periods = {c.value: c.qualifiers.get("pay_period") for c in salary.extract(doc)}
    assert (periods[131500.0], periods[162400.0]) == (None, None)


def test_a_heading_that_names_a_scale_scales_the_small_sums_under_it() -> None:
    page = (
        "# ML engineer salary in India\n\n## Average salary by city (in LPA)\n\n"
        "- Bengaluru: ₹18.5\n- Pune: ₹14.2\n\n## Monthly salary\n\n- Seniors: ₹2,10,000\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    assert sorted(c.value for c in salary.extract(doc)) == [210000.0, 1420000.0, 1850000.0]


def test_words_after_a_sum_and_its_period_are_that_sums_not_the_next_ones() -> None:
    text = (
        "Machine learning engineers in Singapore earn a median of S$7,500 a month as juniors "
        "and S$13,000 as leads."
    )
    levels = {value: level for _, _, value, _, level, _ in _pay(text)}
    assert levels == {7500.0: "junior", 13000.0: "lead"}


def test_a_pay_period_after_the_next_joining_word_is_the_next_sums() -> None:
    text = (
        "For machine learning engineers, the mean annual wage was $152,600 and the mean hourly "
        "wage was $73.37."
    )
    doc = document(text)
    periods = {c.value: c.qualifiers.get("pay_period") for c in salary.extract(doc)}
    assert periods == {152600.0: "annual", 73.37: "hourly"}


def test_german_pay_words_and_periods() -> None:
    text = (
        "# ML engineer salary in Germany\n\nMost machine learning engineer offers fall between "
        "55.000 € and 92.000 € brutto pro Jahr.\n\nThe median comes to 5.700 € brutto im Monat "
        "for ML engineers.\n"
    )
    doc = build_document(source_id="p", text=text, media_type="text/markdown")
    found = {(c.value, c.value_high, c.qualifiers.get("pay_period")) for c in salary.extract(doc)}
    assert found == {(55000.0, 92000.0, "annual"), (5700.0, None, "monthly")}
    # 'brutto / Monat' with spaces; a table under a lead-in of 'Jahresbruttogehälter' (plural)
    report = (
        "# Machine Learning Engineer Gehalt 2025\n\nDas Gehalt liegt im unteren Quartil bei "
        "4.980 € brutto / Monat.\n\n"
        "## Nach Erfahrung\n\nDie Tabelle zeigt Jahresbruttogehälter:\n\n"
        "| Stufe | Median |\n|---|---|\n| Junior | 55.100 € |\n| Senior | 80.800 € |\n"
    )
    doc = build_document(source_id="p", text=report, media_type="text/markdown")
    periods = {c.value: c.qualifiers.get("pay_period") for c in salary.extract(doc)}
    periods |= {c.value: c.qualifiers.get("pay_period") for c in tables.extract(doc)}
    assert periods == {4980.0: "monthly", 55100.0: "annual", 80800.0: "annual"}


def test_ten_thousand_yen_and_a_quoted_example() -> None:
    text = (
        'Pay in Japan is quoted in 万円, so "600万円" means six million yen. Machine learning '
        "engineers in Tokyo earn 720万円 a year, and new-graduate ML engineers start at 28万円 "
        "a month."
    )
    claims = salary.extract(document(text))
    found = {(c.value, c.unit, c.qualifiers.get("experience_level")) for c in claims}
    assert found == {(7200000.0, "JPY", None), (280000.0, "JPY", "entry")}


def test_a_unit_glossed_in_brackets_and_a_quoted_form_with_its_meaning_are_no_pay() -> None:
    text = (
        "Offers are usually written in units of 万円 (10,000 yen), so a listing's "
        '"年収650万円" means ¥6.5 million. Machine learning engineers in Osaka earn 610万円 a year.'
    )
    found = {(c.value, c.unit) for c in salary.extract(document(text))}
    assert found == {(6100000.0, "JPY")}


def test_rand_written_r_only_on_a_page_about_south_africa() -> None:
    text = (
        "A machine learning engineer in Johannesburg earns around R 850 000 per year, and senior "
        "engineers in Cape Town earn R1,2 million a year."
    )
    found = {(c.value, c.unit) for c in salary.extract(document(text))}
    assert found == {(850000.0, "ZAR"), (1200000.0, "ZAR")}
    elsewhere = "Machine learning engineers who know R 4.3 earn more."
    assert all(c.unit != "ZAR" for c in salary.extract(document(elsewhere)))


def test_naira_written_n_only_on_a_page_about_nigeria() -> None:
    text = (
        "I'm a mid-level ML engineer at a payments firm in Abuja, on N820k a month. Seniors "
        "in Lagos ask for N1.8m to N2.6m monthly."
    )
    found = {(c.value, c.value_high, c.unit) for c in salary.extract(document(text))}
    assert found == {(820000.0, None, "NGN"), (1800000.0, 2600000.0, "NGN")}
    elsewhere = "Machine learning engineers in Denver earn N95 a shift for mask duty."
    assert all(c.unit != "NGN" for c in salary.extract(document(elsewhere)))
    graded = (
        "Our survey of engineers in Lagos (N 512) found that ML engineers on the N3 grade earn "
        "₦640,000 a month, and those at band N5 take home ₦1.2 million."
    )
    found = {(c.value, c.unit) for c in salary.extract(document(graded))}
    assert found == {(640000.0, "NGN"), (1200000.0, "NGN")}


def test_gulf_pay_a_benefit_worth_a_sum_and_a_based_city() -> None:
    text = (
        "Doha-based machine learning engineers earn around QAR 30,000 per month, plus a housing "
        "allowance of QAR 8,000."
    )
    claims = salary.extract(document(text))
    assert [(c.value, c.unit, c.qualifiers.get("city")) for c in claims] == [
        (30000.0, "QAR", "Doha")
    ]


def test_an_opening_city_frames_every_figure_of_its_sentence() -> None:
    text = (
        "In Dublin, mid-level machine learning engineers earn €75,000 – €95,000 per annum, and "
        "lead engineers earn €120,000 p.a."
    )
    read = {
        (c.value, c.qualifiers.get("city"), c.qualifiers.get("experience_level"))
        for c in salary.extract(document(text))
    }
    assert read == {(75000.0, "Dublin", "mid"), (120000.0, "Dublin", "lead")}


def test_a_posting_header_gives_its_pay_the_title_level_and_the_place() -> None:
    page = (
        "Senior Machine Learning Engineer\nBengaluru, Karnataka, India · Full-time · Hybrid\n\n"
        "About the role\nYou will build ranking models.\n\nCompensation\n"
        "CTC: ₹35,00,000 – ₹48,00,000 per annum, plus performance bonus.\n"
        "Relocation support of ₹1,50,000 is offered.\n\n"
        "We also hire ML contractors; they are paid ₹4,000 an hour.\n"
    )
    read = {
        (c.value, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in salary.extract(document(page))
    }
    assert read == {(3500000.0, "senior", "Bengaluru"), (4000.0, None, None)}


def test_each_posting_of_a_digest_gives_its_pay_line_its_title_level_and_place() -> None:
    page = (
        "ML ENGINEER JOBS THIS WEEK\n\nTwo openings we liked, each with its pay range.\n\n"
        "1) Staff ML Engineer | Brightmoor Labs\n   Leeds, UK\n   GBP 95,000 - 110,000\n"
        "   Own the search models.\n\n"
        "2) Junior ML Engineer | Kestrel Ltd\n   Glasgow\n   GBP 38,000 - 44,000\n"
        "   Clean the training data.\n"
    )
    read = {
        (c.value, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in salary.extract(document(page))
    }
    assert read == {(95000.0, "lead", "Leeds"), (38000.0, "junior", "Glasgow")}


def test_a_posting_line_adding_an_allowance_is_still_pay() -> None:
    page = (
        "# Machine Learning Engineer (Pleno)\n\n**Location:** São Paulo, Brazil (hybrid) · CLT\n\n"
        "## Salary\n\nR$ 14.000 – R$ 18.000 per month (CLT), plus meal allowance.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    read = [
        (c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"), c.qualifiers["city"])
        for c in salary.extract(doc)
    ]
    assert read == [(14000.0, 18000.0, "BRL", "mid", "São Paulo")]


def test_a_fact_table_pay_row_and_package_components() -> None:
    page = (
        "<h1>Data Engineers</h1><table><caption>Quick Facts: Data Engineers</caption>"
        "<tr><th>2024 Median Pay</th><td>$118,240 per year</td></tr>"
        "<tr><th>Number of Jobs, 2024</th><td>96,400</td></tr></table>"
        "<p>A staff ML engineer reported a base salary of $245,000 plus $310,000 a year in "
        "stock.</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    read = {
        (c.subject, c.value, c.year, c.qualifiers.get("statistic"), c.qualifiers.get("component"))
        for c in salary.extract(doc)
    }
    assert read == {
        ("data engineer", 118240.0, 2024, "median", None),
        ("machine learning engineer", 245000.0, None, None, "base"),
        ("machine learning engineer", 310000.0, None, None, "stock"),
    }


def test_a_bare_dollar_is_the_dollar_of_the_figures_own_country() -> None:
    page = (
        "# ML engineer salary guide 2025\n\n## Canada\n\n"
        "ML engineers in Toronto earn C$118,000.\n\n## Remote roles\n\n"
        "Remote ML engineers at US companies earn $160,000.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    assert {(c.value, c.unit) for c in salary.extract(doc)} == {
        (118000.0, "CAD"),
        (160000.0, "USD"),
    }


def test_a_section_heading_city_frames_its_figures_unless_they_name_a_country() -> None:
    page = (
        "# ML engineer salaries in Canada\n\n## Calgary\n\n"
        "Machine learning engineers earn a median of C$115,000.\n\n"
        "Across Canada, the median for ML engineers is C$118,500.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    cities = {c.value: c.qualifiers.get("city") for c in salary.extract(doc)}
    assert cities == {115000.0: "Calgary", 118500.0: None}


def test_contractors_rates_on_a_how_much_do_page() -> None:
    page = (
        "# How much do machine learning engineers make in Australia?\n\n## Contracting\n\n"
        "Contractors charge $1,000 a day.\n\n## Melbourne\n\n"
        "The median for machine learning engineers is $148,000 per year.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    read = {(c.value, c.unit, c.qualifiers.get("pay_period")) for c in salary.extract(doc)}
    assert read == {(1000.0, "AUD", "daily"), (148000.0, "AUD", "annual")}


@pytest.mark.parametrize(
    ("text", "media_type", "levels"),
    [
        (  # the clause states the years
            "Machine learning engineers with 0-2 years of experience earn ₹6 LPA, while those "
            "with 10+ years earn ₹38 LPA.",
            "text/plain",
            {600000.0: "entry", 3800000.0: "senior"},
        ),
        (  # a list of pay bands labelled by years
            "# ML engineer pay in Canada\n\n- 0–2 years: C$85,000\n- 5-9 years: C$130,000\n"
            "- 10+ years: C$165,000\n",
            "text/markdown",
            {85000.0: "entry", 130000.0: "mid", 165000.0: "senior"},
        ),
        (  # a table's rows labelled by years
            "<h2>Machine learning engineer salary by experience</h2><table><tr><th>Experience"
            "</th><th>Average salary</th></tr><tr><td>Less than 1 year</td><td>$98,000</td></tr>"
            "<tr><td>1-4 years</td><td>$121,000</td></tr><tr><td>5-9 years</td><td>$148,000</td>"
            "</tr><tr><td>10-19 years</td><td>$171,000</td></tr></table>",
            "text/html",
            {98000.0: "entry", 121000.0: "junior", 148000.0: "mid", 171000.0: "senior"},
        ),
        (  # a level word wins over the years beside it
            "Mid-career (5-9 yrs) machine learning engineers earn £72,000 a year.",
            "text/plain",
            {72000.0: "mid"},
        ),
        (  # years of another clause, or years that are no experience, give no level
            "Machine learning engineers earn $140,000 a year; the role asks for 10+ years of "
            "experience. In 5 years ML engineers earned $110,000 a year.",
            "text/plain",
            {140000.0: None, 110000.0: None},
        ),
    ],
)
def test_years_of_experience_in_the_figures_frame_give_its_level(
    text: str, media_type: str, levels: dict[float, str | None]
) -> None:
    claims = extract_claims(document(text, media_type=media_type))[0]
    read = {c.value: c.qualifiers.get("experience_level") for c in claims if c.kind == "salary"}
    assert read == levels


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (  # a conversion in parentheses is the same pay, not a second one
            "In India, machine learning engineers earn ₹18 LPA (about $21,600) on average.",
            {(1800000.0, "INR", "average")},
        ),
        (
            "In the UK, ML engineers earn £72,000 (US$91,000) on average.",
            {(72000.0, "GBP", "average")},
        ),
        (
            "Senior ML engineers in Berlin earn €95,000, or roughly $103,000, a year.",
            {(95000.0, "EUR", None)},
        ),
        (  # a change in pay or a gap between pays is no pay
            "Salaries for machine learning engineers rose by $6,500 last year to $158,000.",
            {(158000.0, "USD", None)},
        ),
        ("The typical annual pay rise for ML engineers was $7,200.", set()),
        (
            "Machine learning engineers earn C$118,000, which is C$9,500 above what software "
            "developers make.",
            {(118000.0, "CAD", None)},
        ),
        ("In Toronto, ML engineers are paid a premium of C$8,000 over the average.", set()),
        ("ML engineers with a PhD earn a 15-30% premium ($21,000-$55,000 above base).", set()),
        ("One ML engineer took a $15,000 pay cut to join a start-up.", set()),
        (  # a change named after its sum with a word between; 'averaged' names the statistic
            "ML engineer salaries averaged $191K in 2025, a $23K year-over-year increase.",
            {(191000.0, "USD", "average")},
        ),
        (  # 'average' as a noun ending the words after a sum names no statistic of it
            "ML engineers earn $150,000, well above the national average.",
            {(150000.0, "USD", None)},
        ),
        (  # a percentile in brackets right after its sum, before the clause's 'typical'
            "Typical pay for ML engineers runs from $94,200 (25th percentile) to $152,700 "
            "(75th percentile).",
            {(94200.0, "USD", "25th percentile"), (152700.0, "USD", "75th percentile")},
        ),
        ("Employers contribute up to $6,000 a year to 401(k) matching for ML engineers.", set()),
    ],
)
def test_conversions_and_changes_in_pay_are_no_second_salary(
    text: str, read: set[tuple[float, str, str | None]]
) -> None:
    claims = [c for c in extract_claims(document(text))[0] if c.kind == "salary"]
    assert {(c.value, c.unit, c.qualifiers.get("statistic")) for c in claims} == read


def test_a_package_part_is_no_company_and_a_bonus_clause_gives_its_component() -> None:
    text = (
        "# ML engineer pay\n\nA senior ML engineer's package:\n\n- Base salary: $205,000\n"
        "- RSUs: $180,000 per year\n\nSenior ML engineers can expect a bonus of 10-15% of base "
        "salary, typically $20,000 to $30,000. Starting salaries for ML engineers are $98,000."
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    read = {c.value: (c.qualifiers.get("component"), c.qualifiers.get("company")) for c in claims}
    assert read == {
        205000.0: ("base", None),
        180000.0: ("stock", None),
        20000.0: ("bonus", None),
        98000.0: (None, None),
    }
    starting = next(c for c in claims if c.value == 98000.0)
    assert starting.qualifiers.get("experience_level") == "entry"


@pytest.mark.parametrize("label", ["Middle 50%", "Middle 50%:", "Interquartile range"])
def test_a_spread_s_label_before_its_range_states_pay(label: str) -> None:
    """A stat card's 'Middle 50% $142,000 – $199,000' under a salaries title: the range of the
    middle half of the pay, not a share."""
    text = f"# Machine Learning Engineer Salaries (2025)\n\n{label} $142,000 – $199,000\n"
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert [(c.value, c.value_high) for c in claims] == [(142000.0, 199000.0)]


def test_a_share_s_levels_beside_a_pay_word_are_no_pay_change_a_raise_s_are() -> None:
    """'The share of postings that disclose a salary rose from 12.4% in 2021 to 38.9%' states
    a share's levels; 'The median pay rise ... went from 3.1% in 2024 to ...' a raise's."""
    share = (
        "# ML postings\n\nThe share of machine learning engineer postings that disclose a salary "
        "rose from 12.4% in 2021 to 38.9% in 2025.\n"
    )
    claims = extract_claims(document(share, "text/markdown"))[0]
    assert not [c for c in claims if c.kind == "growth_rate"]
    assert {c.value for c in claims if c.kind == "share"} == {12.4, 38.9}
    raise_ = (
        "# ML pay\n\nThe median pay rise for ML engineers went from 3.1% in 2024 to 4.5% in 2025.\n"
    )
    rates = [
        c for c in extract_claims(document(raise_, "text/markdown"))[0] if c.kind == "growth_rate"
    ]
    assert 3.1 in {c.value for c in rates}


def test_a_price_word_of_the_figure_before_leaves_a_pay_rise_read() -> None:
    """'After allowing for consumer price inflation of 2.3% over the year, median earnings ...
    rose by 3.8%': 'price' is the 2.3%'s, and the 3.8% is a rise in pay."""
    text = (
        "# Earnings in digital occupations 2025\n\nAfter allowing for consumer price inflation "
        "of 2.3% over the year, median earnings of machine learning engineers rose by 3.8% in "
        "real terms in 2025.\n"
    )
    claims = extract_claims(document(text, "text/markdown"))[0]
    assert [(c.kind, c.value) for c in claims if c.kind == "growth_rate"] == [("growth_rate", 3.8)]


def test_a_method_note_s_cut_offs_are_no_pay() -> None:
    """'... and drop wages below $40,000 or above $1,000,000 as likely entry errors': the
    edges of the data kept, not wages anyone is paid; the median after it is pay."""
    text = (
        "# ML engineer H-1B salaries\n\nWe keep certified cases only and drop wages below "
        "$40,000 or above $1,000,000 as likely entry errors.\n\nThe median offered wage was "
        "$168,500.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert [c.value for c in claims] == [168500.0]


def test_a_second_range_after_and_from_is_a_range_of_its_own() -> None:
    """'range from PLN 24,000 to PLN 30,000 for mid-level engineers and from PLN 30,000 to
    PLN 38,000 for senior engineers': the second 'from ... to' goes on the sentence's ranges."""
    text = (
        "# ML jobs in Kraków\n\nMonthly gross salaries for machine learning engineers will "
        "range from PLN 24,000 to PLN 30,000 for mid-level engineers and from PLN 30,000 to "
        "PLN 38,000 for senior engineers.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    found = {(c.value, c.value_high, c.qualifiers.get("experience_level")) for c in claims}
    assert found == {(24000.0, 30000.0, "mid"), (30000.0, 38000.0, "senior")}
    # a pay verb opens the sentence's ranges as 'range' does
    text = (
        "# ML engineer pay in Germany\n\nBase salaries run from €70,000 to €90,000 in Berlin "
        "and from €80,000 to €105,000 in Munich.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    found = {(c.value, c.value_high, c.qualifiers.get("city")) for c in claims}
    assert found == {(70000.0, 90000.0, "Berlin"), (80000.0, 105000.0, "Munich")}


def test_a_digest_s_posting_gives_its_pay_on_the_terms_line_under_its_title() -> None:
    """'ML Platform Engineer' / 'Cinder Robotics · Austin · $150,000-$180,000' in one list item:
    the terms line under a title holds the posting's pay, in the city it names."""
    text = (
        "JOBS\n\nThree roles we like this week.\n\n1) Machine Learning Engineer, Fraud\n"
        "   Quayside Bank · New York (hybrid) · $165,000-$195,000\n   You'll: build fraud "
        "models.\n\n2) ML Platform Engineer\n   Cinder Robotics · Austin · $150,000-$180,000\n"
        "   You'll: run our training cluster.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/plain"))[0] if c.kind == "salary"]
    assert {(c.subject, c.value, c.value_high, c.qualifiers.get("city")) for c in claims} == {
        ("machine learning engineer", 165000.0, 195000.0, "New York"),
        ("machine learning platform engineer", 150000.0, 180000.0, "Austin"),
    }


def test_every_item_of_a_list_whose_items_hold_paragraphs_has_the_list_s_lead_in() -> None:
    """'<li><p>2. Boston, MA — $171,000</p><p>Rent ...</p></li>': each item's later paragraph
    is the item's own, so the item below it still has the lead-in that says what the sums are."""
    items = [
        ("3", "Austin, TX", "$165,700"),
        ("2", "Boston, MA", "$171,000"),
        ("1", "Seattle, WA", "$189,400"),
    ]
    body = "".join(
        f"<li><p>{n}. {city} — {pay}</p><p>Living costs: index 118.</p></li>"
        for n, city, pay in items
    )
    page = (
        "<html><body><h1>Top-paying metros for machine learning engineers</h1>"
        "<p>We ranked 30 US cities by the median base salary of machine learning engineers.</p>"
        f"<ol>{body}</ol></body></html>"
    )
    claims = [c for c in extract_claims(document(page, "text/html"))[0] if c.kind == "salary"]
    assert {(c.value, c.qualifiers.get("city")) for c in claims} == {
        (165_700, "Austin"),
        (171_000, "Boston"),
        (189_400, "Seattle"),
    }


def test_a_posting_s_terms_line_may_be_its_one_term_and_its_pay() -> None:
    """'Remote (US only) · $165k–$200k' under a posting's title: a term of the job (or its
    place) and its pay are a terms line too; a line of two fields naming neither is not."""
    text = (
        "# Who is hiring\n\nFour roles this week.\n\n"
        "### Harlow Labs — Machine Learning Engineer\n"
        "**Remote (Canada only) · CA$150k–CA$175k**\n\n"
        "### Pellucid AI — ML Engineer, contract\n**Hybrid · €700–€850 per day**\n\n"
        "### Osprey Data — ML Engineer\n**Denver, CO · $158k–$182k**\n\n"
        "### Marl & Finch — ML Engineer\n**Series B · $140M raised**\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert {(c.value, c.value_high, c.unit) for c in claims} == {
        (150_000.0, 175_000.0, "CAD"),
        (700.0, 850.0, "EUR"),
        (158_000.0, 182_000.0, "USD"),
    }


@pytest.mark.parametrize(
    ("sentence", "component"),
    [
        ("Median total cash (base plus bonus) is $161,000.", "total"),
        ("Median total compensation (base plus bonus) is $161,000.", "total"),
        ("Median base (before bonus) is $161,000.", "base"),
        ("Median salary (incl. bonus) is $161,000.", None),
    ],
)
def test_a_bracket_saying_what_pay_holds_names_no_component(
    sentence: str, component: str | None
) -> None:
    text = f"# Machine learning engineer salaries in Chicago\n\n{sentence}\n"
    [claim] = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert (claim.value, claim.qualifiers.get("component")) == (161000.0, component)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (  # the sum a change is measured from is a change too
            "The median increment for ML engineers was S$350 a month, down from S$500 in 2024.",
            set(),
        ),
        ("The yearly collective raise added R$ 650 to the monthly pay of ML engineers.", set()),
        (  # a part of pay that adds to it is that part
            "# ML engineer pay\n\nBonuses typically add C$10,000 to C$18,000 for ML engineers.",
            {(10000.0, "bonus")},
        ),
        (  # a total spread over several years is no yearly pay
            "One ML engineer's stock grant was worth $160,000 over four years.",
            set(),
        ),
        (
            "Toronto is the best-paying job market, where ML engineers make around C$124,000.",
            {(124000.0, None)},
        ),
    ],
)
def test_changes_totals_over_years_and_pay_markets(
    text: str, read: set[tuple[float, str | None]]
) -> None:
    doc = document(text, "text/markdown")
    claims = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert {(c.value, c.qualifiers.get("component")) for c in claims} == read


@pytest.mark.parametrize("hedge", ["", "about ", "nearly ", "just under ", "close to "])
def test_a_raise_may_be_hedged_with_any_hedge_of_the_shared_list(hedge: str) -> None:
    """Any hedge of `quantity_words.toml` may stand before a raise's figure, not only a few."""
    text = f"# ML engineer pay\n\nIn 2025, ML engineers earned a median raise of {hedge}4.5%."
    claims = extract_claims(document(text, "text/markdown"))[0]
    assert [(c.kind, c.attribute, c.value) for c in claims] == [
        ("growth_rate", "salary_growth", 4.5)
    ]


def test_a_conversion_names_no_country_and_a_relative_year_dates_nothing() -> None:
    text = (
        "# ML engineer pay in Canada\n\nML engineers earned an average of CAD 112K in 2025, up "
        "from CAD 104K a year earlier. In Toronto they make around C$124,000 (about US$90,000)."
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    read = {(c.value, c.year, c.qualifiers.get("country")) for c in claims}
    assert read == {
        (112000.0, 2025, "Canada"),
        (104000.0, None, "Canada"),
        (124000.0, None, "Canada"),  # its sentence states no year
    }


def test_a_sentence_naming_one_city_gives_it_to_its_one_sum() -> None:
    text = (
        "## São Paulo and Rio\n\nRio de Janeiro pays a little less, with a median of R$ 13.900 "
        "per month for machine learning engineers."
    )
    (claim,) = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert claim.qualifiers.get("city") == "Rio de Janeiro"


def test_a_metro_area_named_by_its_hyphened_cities_is_its_first_citys() -> None:
    """Wage statistics name a metro area by its cities joined with hyphens, the principal one
    first: 'the Dallas-Fort Worth-Arlington metropolitan area' is Dallas's."""
    text = (
        "In the Dallas-Fort Worth-Arlington metropolitan area the median annual wage of data "
        "scientists was $118,300."
    )
    (claim,) = [c for c in extract_claims(document(text))[0] if c.kind == "salary"]
    assert claim.qualifiers.get("city") == "Dallas"
    # a capitalised word before it, and an area across states
    text = (
        "The Boston-Cambridge-Newton, MA-NH metropolitan area paid data scientists a median "
        "annual wage of $121,700."
    )
    (claim,) = [c for c in extract_claims(document(text))[0] if c.kind == "salary"]
    assert claim.qualifiers.get("city") == "Boston"


def test_a_card_of_a_level_and_the_roles_head_is_the_pages_role() -> None:
    text = (
        "# Machine Learning Engineer Salary Guide: Singapore\n\n## Monthly salary by level\n\n"
        "**Senior engineer**\nS$10,000 – S$14,000\nper month\n\n**Staff engineers**\nS$15,000+\n"
        "per month\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    read = {(c.subject, c.value, c.qualifiers.get("experience_level")) for c in claims}
    assert read == {
        ("machine learning engineer", 10000.0, "senior"),
        ("machine learning engineer", 15000.0, "lead"),
    }


@pytest.mark.parametrize(
    ("label", "level"),
    [("Júnior", "junior"), ("Pleno", "mid"), ("Sênior", "senior"), ("Confirmé", "mid")],
)
def test_portuguese_and_french_level_words(label: str, level: str) -> None:
    assert find_experience_level(label) == level


def test_a_tables_experience_column_gives_its_row_a_level() -> None:
    text = (
        "<h1>ML engineer compensation by level</h1><table><tr><th>Level</th><th>Experience</th>"
        "<th>Base</th><th>Total</th></tr><tr><td>L4</td><td>2–5 yrs</td><td>$171,000</td>"
        "<td>$262,000</td></tr><tr><td>L5</td><td>6-10 yrs</td><td>$205,000</td>"
        "<td>$375,000</td></tr></table>"
    )
    claims = [c for c in extract_claims(document(text, "text/html"))[0] if c.kind == "salary"]
    read = {(c.value, c.qualifiers.get("experience_level")) for c in claims}
    assert read == {
        (171000.0, "junior"),
        (262000.0, "junior"),
        (205000.0, "senior"),
        (375000.0, "senior"),
    }


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (  # each sum is the pay of the role its own words name
            "ML engineers earn $150,000, well ahead of software engineers at $128,000 and data "
            "analysts at $82,000.",
            {
                (150000.0, "machine learning engineer"),
                (128000.0, "software engineer"),
                (82000.0, "data analyst"),
            },
        ),
        (
            "Compared with data scientists ($120K), ML engineers earn $150K on average.",
            {(120000.0, "data scientist"), (150000.0, "machine learning engineer")},
        ),
        (  # people of no role named on the page are not the page's role
            "Machine learning engineers out-earn the average US worker, who makes $59,000 a year.",
            set(),
        ),
        ("Their managers typically earn $210,000.", set()),
        ("An ML engineer's pay dwarfs the median household income of $80,610.", set()),
        ("Recruiters who place ML engineers earn commissions of $25,000 per hire.", set()),
        (  # ... unless a level word makes them the role's
            "Entry-level ML engineers start at $95,000, while most experienced workers make up "
            "to $180,000 per year.",
            {(95000.0, "machine learning engineer"), (180000.0, "machine learning engineer")},
        ),
    ],
)
def test_a_sum_is_the_pay_of_whom_its_own_words_name(
    text: str, read: set[tuple[float, str]]
) -> None:
    doc = document(f"# Machine Learning Engineer Salary in the US\n\n{text}", "text/markdown")
    claims = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert {(c.value, c.subject) for c in claims} == read


def _salaries(text: str) -> dict[float, Claim]:
    """Salary claims of a page about the ML engineer role, by value."""
    page = "# Machine Learning Engineer Pay\n\n" + text
    claims = extract_claims(document(page, "text/markdown"))[0]
    return {c.value: c for c in claims if c.kind == "salary" and c.value is not None}


def test_a_year_a_later_clause_states_dates_only_that_clause() -> None:
    claims = _salaries(
        "Entry-level machine learning engineers start at roughly €52,000, while in 2025 senior "
        "staff reached €98,000 on average.\n\nIn 2024, junior ML engineers earned €55,000, "
        "and seniors €95,000.\n"
    )
    assert {value: c.year for value, c in claims.items()} == {
        52000: None,
        98000: 2025,
        55000: 2024,  # an opening year frames the clauses after it
        95000: 2024,
    }


def test_an_earlier_sum_set_against_the_pay_is_dated_by_its_own_words_alone() -> None:
    claims = _salaries(
        "The average ML engineer in Austin makes $148,000 a year, up from $131,000 in 2022.\n\n"
        "ML engineers in Berlin earned €78,000 on average in 2024, up from €71,000 in 2021.\n\n"
        "Machine learning engineer pay rose from £61,000 in 2022 to £67,000 in 2025.\n\n"
        "The median ML engineer salary in Leeds was £58,000 in 2024, compared with £52,000 "
        "nationally.\n"
    )
    assert {value: c.year for value, c in claims.items()} == {
        148000: None,  # the year is the earlier sum's, not the pay's now
        131000: 2022,
        78000: 2024,
        71000: 2021,
        61000: 2022,
        67000: 2025,
        58000: 2024,
        52000: 2024,  # a place set against the pay shares its year
    }
    assert claims[71000].qualifiers["city"] == "Berlin"  # the same measure, earlier


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("Unlike in London, ML engineers in Leeds earn a median of £58,500.", "Leeds"),
        ("ML engineers who moved from London to Bristol report a median of £63,000.", "Bristol"),
        ("Our London-based recruiters say ML engineers earn a median of £68,000.", None),
        ("Doha-based machine learning engineers earn a median of QAR 30,000 a month.", "Doha"),
    ],
)
def test_a_city_named_as_not_where_the_pay_is_is_not_its_city(
    sentence: str, city: str | None
) -> None:
    (claim,) = _salaries(sentence + "\n").values()
    assert claim.qualifiers.get("city") == city


def test_a_country_in_the_sentence_overrides_a_city_heading() -> None:
    (claim,) = _salaries(
        "## Glasgow\n\nScotland's machine learning engineers earn a median of £57,000.\n"
    ).values()
    assert "city" not in claim.qualifiers
    assert claim.qualifiers["country"] == "United Kingdom"


def test_a_sentence_that_places_its_figure_elsewhere_takes_no_city_heading() -> None:
    claims = _salaries(
        "## Pay in London\n\nEngineers outside the capital earn a median of £59,000.\n\n"
        "ML engineers earn a median of £82,000.\n"
    )
    assert "city" not in claims[59000].qualifiers
    assert claims[82000].qualifiers["city"] == "London"


def test_a_press_release_dateline_gives_no_year_or_city() -> None:
    (claim,) = _salaries(
        "NEW YORK, Jan. 15, 2025 (GLOBE NEWSWIRE) -- Demand for machine learning engineers "
        "rose last year, and the median salary reached $165,000.\n"
    ).values()
    assert claim.year is None
    assert "city" not in claim.qualifiers


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("Salaries above ₹90 lakh were excluded from the sample.", "₹90 lakh"),
        ("Roles paying under $50,000 were left out of the survey.", "$50,000"),
        ("Offers below 300万円 a year were not counted.", "300万円 a year"),
    ],
)
def test_a_sample_threshold_is_a_skipped_figure_not_a_salary(text: str, skipped: str) -> None:
    page = f"# Machine learning engineer salary guide\n\n{text}\n"
    doc = build_document(source_id="edge", text=page, media_type="text/markdown")
    assert [c for c in extract_claims(doc)[0] if c.kind == "salary"] == []
    assert [(doc.text[s.char_start : s.char_end], s.reason) for s in salary.skipped(doc)] == [
        (skipped, "threshold")
    ]


@pytest.mark.parametrize(
    ("text", "rate", "product"),
    [
        (
            "A machine learning contractor charging $1,000 a day for 220 days grosses about"
            " $220,000 a year.",
            1000,
            "$220,000 a year",
        ),
        (
            "At £85 an hour over 1,600 billable hours, an ML contractor would gross £136,000.",
            85,
            "£136,000",
        ),
    ],
)
def test_a_rate_times_its_count_is_computed_not_a_second_salary(
    text: str, rate: float, product: str
) -> None:
    doc = build_document(source_id="worked", text=text, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert [c.value for c in claims] == [rate]
    skips = {doc.text[s.char_start : s.char_end]: s.reason for s in salary.skipped(doc)}
    assert skips[product] == "computed"


def test_a_currency_of_another_country_outranks_the_heading_country() -> None:
    page = (
        "# Machine learning engineer pay\n\n## Canada\n\n"
        "In Canada, the median machine learning engineer salary is C$118,000 per year. "
        "Engineers who move to London typically earn £92,000 a year. Fully remote roles pay "
        "about €95,000 a year.\n"
    )
    doc = build_document(source_id="moved", text=page, media_type="text/markdown")
    countries = {c.unit: c.qualifiers.get("country") for c in salary.extract(doc)}
    assert countries == {"CAD": "Canada", "GBP": "United Kingdom", "EUR": None}


def test_a_change_verb_right_before_a_sum_makes_it_a_change() -> None:
    text = "Machine learning contractor pay fell £25 a day compared with 2024."
    doc = build_document(source_id="fell", text=text, media_type="text/plain")
    assert salary.extract(doc) == []
    assert [s.reason for s in salary.skipped(doc)] == ["other"]


def test_cjk_pay_words_inside_a_run_of_their_script() -> None:
    text = (
        "# Machine learning engineer pay in Japan and Korea\n\n"
        "A Tokyo listing for the role reads: 機械学習エンジニア（シニア）、年収900万円〜1,300万円、"
        "リモート可。新卒の初任給は月給28万円。\n\n"
        "In Seoul, 평균 연봉은 6,000만원입니다. 시니어는 연봉 9,000만원을 받습니다.\n"
    )
    claims = salary.extract(document(text, "text/markdown"))
    found = {
        (
            c.value,
            c.value_high,
            c.unit,
            c.qualifiers.get("pay_period"),
            c.qualifiers.get("experience_level"),
        )
        for c in claims
    }
    assert found == {
        (9000000.0, 13000000.0, "JPY", "annual", "senior"),
        (280000.0, None, "JPY", "monthly", "entry"),
        (60000000.0, None, "KRW", "annual", None),
        (90000000.0, None, "KRW", "annual", "senior"),
    }
    assert len({(c.char_start, c.char_end) for c in claims}) == 4  # one sentence each


def test_a_day_rate_repeated_in_a_worked_example_is_one_claim() -> None:
    text = (
        "# ML contractor rates in the UK\n\n"
        "Senior machine learning contractors bill about £650 a day. A contractor on £650 a day "
        "who works 220 days invoices £143,000.\n"
    )
    doc = document(text, "text/markdown")
    claims = salary.extract(doc)
    assert [(c.value, c.qualifiers["pay_period"]) for c in claims] == [(650.0, "daily")]
    skipped = {(text[s.char_start : s.char_end], s.reason) for s in salary.skipped(doc)}
    assert skipped == {("£650 a day", "restated"), ("£143,000", "computed")}


def test_a_worked_example_of_its_own_keeps_its_rate() -> None:
    text = "Machine learning contractors earn £700 a day for 220 days, which grosses £154,000.\n"
    assert [c.value for c in salary.extract(document(text))] == [700.0]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Remote machine learning engineers earn about US$145,000 a year.", "United States"),
        ("Machine learning engineers in Seattle earn US$150,000 a year.", "United States"),
        ("Mid-level ML engineers earn NZ$130,000 a year.", "New Zealand"),
        ("Senior ML engineers make HK$900,000 a year.", "Hong Kong"),
        ("ML engineers earn C$128,000 a year.", "Canada"),
        ("ML engineers earn S$120,000 a year.", "Singapore"),
        ("ML engineers earn A$150,000 a year.", "Australia"),
        ("US companies pay machine learning engineers a median of $160,000.", "United States"),
        # a place the frame names wins over the sign: no country from 'US$' here
        ("In Europe, remote ML engineers earn US$95,000 a year.", None),
    ],
)
def test_a_sign_that_names_a_country_gives_the_pay_its_country(
    sentence: str, country: str | None
) -> None:
    (claim,) = salary.extract(document(f"# ML engineer pay\n\n{sentence}\n", "text/markdown"))
    assert claim.qualifiers.get("country") == country


def test_city_rows_and_a_city_sentence_under_a_pay_heading_take_the_pages_role() -> None:
    text = (
        "# Machine learning engineer salary guide\n\n"
        "## Average pay by city\n\n"
        "- Toronto: C$128,000\n- Vancouver, BC: C$121,000 per year\n"
        "- Calgary (Alberta): C$112,000\n\n"
        "## Where ML engineers earn the most\n\n"
        "San Francisco tops the list at $205,000, followed by Seattle at $188,000.\n"
    )
    claims = salary.extract(document(text, "text/markdown"))
    found = {
        (c.subject, c.value, c.qualifiers.get("city"), c.qualifiers.get("company")) for c in claims
    }
    assert found == {
        ("machine learning engineer", 128000.0, "Toronto", None),
        ("machine learning engineer", 121000.0, "Vancouver", None),
        ("machine learning engineer", 112000.0, "Calgary", None),
        ("machine learning engineer", 205000.0, "San Francisco", None),
        ("machine learning engineer", 188000.0, "Seattle", None),
    }


def test_it_was_refers_back_to_pay_only_right_before_a_sum() -> None:
    text = (
        "Senior machine learning engineers at Acme earn $180,000 a year. It was a busy year for "
        "the team, which shipped 40 models, and the hackathon prize was $50,000.\n\n"
        "Machine learning engineers in Osaka earn 800万円 a year. In Kyoto it was about 720万円.\n"
    )
    assert sorted(c.value for c in salary.extract(document(text))) == [
        180000.0,
        7200000.0,
        8000000.0,
    ]


def test_the_same_city_points_at_the_city_named_before() -> None:
    page = FIXTURES.parent / "pages" / "loc4_es_br_offer_ranges.md"
    doc = build_document(source_id="p", text=page.read_text(), media_type="text/markdown")
    cities = {c.value: c.qualifiers.get("city") for c in salary.extract(doc) if c.unit == "BRL"}
    assert cities == {14000.0: "São Paulo", 22000.0: "São Paulo", 7000.0: None}


def test_a_figure_s_trailing_statistic_and_its_city_s_country() -> None:
    # 'Sydney: $132,000 average' states an average; a city places the figure in its country;
    # 'A$' names Australia when the page names no other country.
    doc = document(
        "# What ML engineers earn down under\n\n"
        "## By city\n\n- **Sydney:** $132,000 average\n- **Perth:** $118,200 median\n\n"
        "## By experience\n\nA graduate ML engineer can expect around A$85,000.\n",
        "text/markdown",
    )
    found = salary_qualifiers(doc, "statistic", "country")
    # Perth is also a Scottish city: no country follows from it
    assert found == {
        132000: ("average", "Australia"),
        118200: ("median", None),
        85000: (None, "Australia"),
    }


def test_a_row_label_in_underscore_bold_is_its_place() -> None:
    page = "# ML engineer salary in India\n\n- __Pune__: ₹14.1 LPA\n- **Mumbai**: ₹16.2 LPA\n"
    doc = document(page, "text/markdown")
    assert salary_qualifiers(doc, "city", "company") == {
        1410000: ("Pune", None),
        1620000: ("Mumbai", None),
    }


def test_pay_verbs_and_a_hyphenated_role() -> None:
    # 'bring in', 'pocket' and 'command' state pay as 'earn' does; 'machine-learning engineers'
    # is the role newsrooms hyphenate.
    for verb in ("bring in", "pocket", "command", "earn"):
        text = f"Senior machine-learning engineers in Austin {verb} about $182,000 a year."
        assert _pay(text) == [
            ("salary", "machine learning engineer", 182000, None, "senior", "Austin")
        ], verb


def test_a_list_label_of_years_alone_gives_the_level() -> None:
    doc = document(
        "## ML engineer salary by experience\n\n"
        "- **1–4 years:** ₹7 lakh – ₹14 lakh per annum\n"
        "- **5–9 years:** ₹15 lakh – ₹28 lakh per annum\n"
        "- 10+ yrs: ₹30 lakh per annum\n",
        "text/markdown",
    )
    assert salary_qualifiers(doc, "experience_level") == {
        700000: ("junior",),
        1500000: ("mid",),
        3000000: ("senior",),
    }


def test_figures_that_refer_back_keep_the_level_and_period_stated_before() -> None:
    doc = document(
        "The median B2B salary for a mid-level ML engineer in Warsaw came to 24 300 PLN a month. "
        "In Kraków the figure was 22 100 PLN, in Wrocław 20 400 PLN and in Poznań 19 600 PLN. "
        "A senior engineer in Gdańsk earns 27 000 PLN a month.\n"
    )
    found = salary_qualifiers(doc, "experience_level", "pay_period", "city")
    assert found == {
        24300: ("mid", "monthly", "Warsaw"),
        22100: ("mid", "monthly", "Kraków"),
        20400: ("mid", "monthly", "Wrocław"),
        19600: ("mid", "monthly", "Poznań"),
        27000: ("senior", "monthly", "Gdańsk"),
    }


def test_a_posting_below_a_back_link_takes_its_header_city_and_its_overview_level() -> None:
    doc = document(
        "[← Back to all jobs](/jobs) · Saved jobs (0) · Sign in\n\n"
        "# Machine Learning Engineer II — Fraud Signals\n\n"
        "**Tallowmere Payments** · Austin, Texas, United States · Hybrid\n\n"
        "## Job Overview\n\n"
        "- **Job Type:** Full-time, hybrid\n"
        "- **Experience Level:** Mid-level (3–5 years)\n"
        "- **Pay:** $148K – $176K/yr base\n",
        "text/markdown",
    )
    assert salary_qualifiers(doc, "city", "experience_level") == {148000: ("Austin", "mid")}


def test_a_postings_location_line_places_its_pay_but_a_remote_one_does_not() -> None:
    overview = (
        "# Machine Learning Engineer\n\nHalloran Analytics\n\n## Job Overview\n\n"
        "- **Location:** {place}\n- **Job Type:** Full-time\n\n## Compensation\n\n"
        "- **Salary Range:** $138,000 - $176,000\n"
    )
    placed = document(overview.format(place="Denver, Colorado, United States"), "text/markdown")
    assert salary_qualifiers(placed, "city", "country") == {138000: ("Denver", "United States")}
    remote = document(overview.format(place="Remote (US)"), "text/markdown")
    assert salary_qualifiers(remote, "city") == {138000: (None,)}


def test_a_sum_that_benefits_are_worth_is_no_pay() -> None:
    doc = document(
        "# Senior Machine Learning Engineer\n\n## Pay and benefits\n\n"
        "Monthly base salary: SGD 11,000 – 15,500.\n\n"
        "- Flexible benefits of S$1,800 a year\n",
        "text/markdown",
    )
    assert set(salary_qualifiers(doc)) == {11000}


def test_pay_given_after_a_sentence_that_introduces_the_earner() -> None:
    doc = document(
        "Senior MLE at a Series D fintech in New York, 8 YOE. Base $232k, equity worth roughly "
        "$85k a year, bonus usually lands around $20k.\n\n"
        "Staff MLE at a big tech company in Seattle. Total comp is around $540k.\n"
    )
    found = salary_qualifiers(doc, "experience_level", "city", "component")
    assert found == {
        232000: ("senior", "New York", "base"),
        85000: ("senior", "New York", "stock"),
        20000: ("senior", "New York", "bonus"),
        540000: ("lead", "Seattle", "total"),
    }


def test_a_ranked_list_of_employers_pays_the_pages_role_with_the_company_as_qualifier() -> None:
    found = _salaries(
        "## Highest-paying employers, ranked by average total pay\n\n"
        "1. Tessaline Systems — $338,000\n2. Halewick AI — $312,500\n"
    )
    assert {c.value: c.subject for c in found.values()} == {
        338_000: "machine learning engineer",
        312_500: "machine learning engineer",
    }
    assert found[338_000].qualifiers["company"] == "Tessaline Systems"


def test_a_median_there_under_a_pay_question_is_pay_and_a_later_price_is_anothers() -> None:
    found = _salaries(
        "### How much do ML engineers make in Toronto?\n\n"
        "Toronto is still the best-paying city. The median there is CA$121,000.\n\n"
        "### Is Calgary worth considering?\n\n"
        "Energy companies pay ML engineers about CA$104,000 a year, and the cost of housing is "
        "far lower.\n"
    )
    assert {c.value: c.qualifiers.get("statistic") for c in found.values()} == {
        121_000: "median",
        104_000: None,
    }


def test_a_percentile_marker_under_a_pay_heading_is_pay_at_that_percentile() -> None:
    page = (
        "<html><body><h1>Machine Learning Engineer Pay</h1><h2>How total pay is spread</h2>"
        "<div><b>10th pct</b> $128,000</div><div><b>90th pct</b> $284,600</div>"
        "</body></html>"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/html"))[0]
    found = {c.value: c.qualifiers.get("statistic") for c in claims if c.kind == "salary"}
    assert found == {128_000: "10th percentile", 284_600: "90th percentile"}


def test_a_heading_naming_one_level_right_over_a_list_gives_its_items_that_level() -> None:
    claims = _salaries(
        "## Mid-level base pay by city\n\n- Denver: $151,000\n- Austin: $146,000\n\n"
        "## Pay by city\n\n- Boston: $171,000\n"
    )
    levels = {value: c.qualifiers.get("experience_level") for value, c in claims.items()}
    assert levels == {151000.0: "mid", 146000.0: "mid", 171000.0: None}


def test_a_postings_header_list_gives_its_level_to_pay_stated_below() -> None:
    page = (
        "<html><head><title>Machine Learning Engineer II</title></head><body>"
        "<h1>Machine Learning Engineer II</h1><ul><li>Austin, Texas</li><li>Hybrid</li>"
        "<li>Experience level: Mid-level</li></ul><h2>Compensation</h2>"
        "<p>The base pay range for this role is $146,000–$178,000 per year.</p></body></html>"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/html"))[0]
    assert [
        (c.value, c.qualifiers.get("experience_level")) for c in claims if c.kind == "salary"
    ] == [(146_000, "mid")]


def test_pay_for_the_posted_role_with_its_package_note_is_pay() -> None:
    found = _salaries(
        "Prefer a permanent contract? The client will also hire into this role at "
        "€ 78.000 – € 92.000 gross per year, including holiday allowance.\n\n"
        "A learning allowance of €1,500 a year comes on top.\n"
    )
    assert [(c.value, c.value_high, c.unit) for c in found.values()] == [(78_000, 92_000, "EUR")]


def test_a_canadian_guide_under_a_comment_line_its_cad_header_and_its_labelled_bands() -> None:
    page = (
        "<!-- nav: Home | Salaries | Employers -->\n\n"
        "# Data engineer wages in Canada, 2025\n\n"
        "| Percentile | Annual base (CAD) |\n|---|---|\n| 10th | $71,000 |\n\n"
        "In Toronto senior offers ran from $140,000 to $170,000.\n\n"
        "- Intermediate, 3–5 years: CA$96,000–$118,000\n"
        "- Staff and principal: from CA$160,000\n"
    )
    claims = extract_claims(build_document(source_id="c", text=page, media_type="text/markdown"))[0]
    pay = {
        (c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"))
        for c in claims
        if c.kind == "salary"
    }
    assert pay == {
        (71000.0, None, "CAD", None),
        (140000.0, 170000.0, "CAD", "senior"),
        (96000.0, 118000.0, "CAD", "mid"),
        (160000.0, None, "CAD", "lead"),
    }


def test_the_spread_after_a_pay_sentence_is_pay_and_a_lone_spread_is_not() -> None:
    page = (
        "# Data engineer pay\n\nA typical data engineer earns $121,000 a year. Most fall "
        "somewhere between $98,000 and $146,000.\n\nPrices fall between $20 and $40."
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    assert {(c.value, c.value_high) for c in claims if c.kind == "salary"} == {
        (121000.0, None),
        (98000.0, 146000.0),
    }


def test_a_state_named_with_its_sum_under_a_pay_heading_is_pay() -> None:
    page = (
        "# Data engineer pay in the US\n\n## Highest-paying states\n\n- Oregon: $171,300\n\n"
        "Lowest-paying state in our data: Arkansas, at $96,400.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    assert 96400.0 in {c.value for c in claims if c.kind == "salary"}


def test_campus_offers_are_entry_pay_and_the_average_was_refers_back() -> None:
    page = (
        "# Data engineer pay in India\n\n## Campus hires\n\n"
        "Tier-1 campus offers for data engineers averaged Rs. 9,80,000 in 2025. At tier-2 "
        "colleges the average was closer to Rs. 5,20,000.\n"
    )
    claims = extract_claims(build_document(source_id="c", text=page, media_type="text/markdown"))[0]
    pay = {(c.value, c.qualifiers.get("experience_level")) for c in claims if c.kind == "salary"}
    assert pay == {(980000.0, "entry"), (520000.0, "entry")}


def test_a_sum_alone_after_a_pay_sentence_continues_it() -> None:
    page = (
        "# Data engineer, platform team\n\nHiring in Austin? Base pay is set between $128,000 "
        "and $161,000. Hiring in Denver? Between $119,000 and $150,000.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    pay = {
        (c.value, c.value_high, c.qualifiers.get("currency_symbol"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    }
    assert pay == {(128000.0, 161000.0, "$", "Austin"), (119000.0, 150000.0, "$", "Denver")}


def test_a_stat_tiles_percentile_caption_after_its_sum_is_pay() -> None:
    page = (
        "<html><body><h1>Irish Data Engineer Pay Index</h1><section>"
        "<div class='stat'><span>€96,000</span><span>90th percentile</span></div>"
        "<div class='stat'><span>€41,000</span><span>10th percentile</span></div>"
        "</section></body></html>"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/html"))[0]
    pay = {(c.value, c.qualifiers.get("statistic")) for c in claims if c.kind == "salary"}
    assert pay == {(96000.0, "90th percentile"), (41000.0, "10th percentile")}


def test_pay_bands_labelled_by_their_end_of_the_spread() -> None:
    page = (
        "<html><body><h1>Data engineer salary in India</h1><h2>Pay bands at a glance</h2>"
        "<div><span>Bottom 25%</span> <span>₹6,10,000</span></div>"
        "<div><span>Middle (median)</span> <span>₹9,80,000</span></div>"
        "<div><span>Top 25%</span> <span>₹15,20,000</span></div></body></html>"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/html"))[0]
    pay = {(c.value, c.qualifiers.get("statistic")) for c in claims if c.kind == "salary"}
    assert pay == {
        (610000.0, "25th percentile"),
        (980000.0, "median"),
        (1520000.0, "75th percentile"),
    }
    assert not [c for c in claims if c.kind == "share"]


def test_pay_for_the_role_is_the_pages_role_beside_another_role_named_later() -> None:
    page = (
        "# Data engineer statistics 2026\n\nBase pay for the role grew 5.2% year over year, "
        "ahead of the 2.9% rise for software engineers overall.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    rises = {c.value: c.subject for c in claims if c.kind == "growth_rate"}
    assert rises[5.2] == "data engineer"


def test_a_fall_of_after_a_pay_sentence_is_a_fall_in_pay() -> None:
    page = (
        "# UK data engineer contractor rates\n\nThe median day rate was £520, down from £545 "
        "a year earlier, a fall of 4.6%.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    assert [c.value for c in claims if c.kind == "growth_rate"] == [-4.6]


def test_a_campus_that_offers_pay_is_no_entry_level_and_parts_of_pay_take_no_statistic() -> None:
    page = (
        "# Machine learning engineer salary\n\nThe Hyderabad campus offers machine learning "
        "engineers a median salary of ₹32 lakh a year.\n\nThe median salary for machine "
        "learning engineers in the US is $160,000. Signing bonuses for new hires sit around "
        "$45,000.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    pay = {c.value: c.qualifiers for c in claims if c.kind == "salary"}
    assert "experience_level" not in pay[3200000.0]
    assert pay.get(45000.0, {}).get("statistic") != "median"


def test_a_band_for_a_level_is_pay() -> None:
    doc = document(
        "# Offer for a mid-level MLE in Manchester\n\nI hire MLEs in Manchester. Our band for "
        "mid-level is £58,000–£70,000 and for senior it's £75,000–£92,000.\n",
        "text/markdown",
    )
    found = [(c.value, c.value_high, c.qualifiers["experience_level"]) for c in salary.extract(doc)]
    assert found == [(58_000.0, 70_000.0, "mid"), (75_000.0, 92_000.0, "senior")]


def test_a_benefit_s_sum_is_no_pay() -> None:
    doc = document(
        "# Senior ML Engineer\n\n## Benefits\n\n- Family health cover of ₹10 lakh, including "
        "parents\n- Learning budget reimbursement of ₹50,000 a year\n",
        "text/markdown",
    )
    assert salary.extract(doc) == []


def test_an_insurer_s_sector_is_no_benefit() -> None:
    doc = document(
        "# ML engineer salary guide, UK\n\nIn Wales, where most of our placements were in "
        "Cardiff's insurance sector, the median ML engineer salary was £54,000.\n",
        "text/markdown",
    )
    assert [c.value for c in salary.extract(doc)] == [54_000.0]


def test_a_median_that_came_out_at_and_an_annual_bonus_are_pay() -> None:
    doc = document(
        "# Machine Learning Engineer Salaries in the UK\n\n## Permanent salaries\n\nThe UK-wide "
        "median across every level came out at £71,000.\n\nThe London median came in at "
        "£82,000.\n\nSenior ML engineers at banks "
        "typically received an annual bonus of £10,000 to £25,000 on top of base.\n\nNew hires "
        "get a signing bonus of £5,000.\n",
        "text/markdown",
    )
    found = [
        (c.value, c.qualifiers.get("statistic"), c.qualifiers.get("component"))
        for c in salary.extract(doc)
    ]
    # a signing bonus is a one-off benefit, no pay
    assert found == [
        (71_000.0, "median", None),
        (82_000.0, "median", None),
        (10_000.0, "range", "bonus"),
    ]


def test_a_list_item_labelled_by_a_level_word_alone_is_that_level() -> None:
    doc = document(
        "# ML Engineer Salaries in the UK\n\n## Permanent salaries\n\n- **Lead:** £120,000 – "
        "£150,000\n- **Principal:** £160,000+\n",
        "text/markdown",
    )
    assert [c.qualifiers["experience_level"] for c in salary.extract(doc)] == ["lead", "principal"]


def test_an_earlier_level_and_a_consultation_s_price_are_no_pay() -> None:
    doc = document(
        "# ML engineer statistics\n\n22% of ML engineer postings in 2025 offered fully remote "
        "work, down from 31% in 2022.\n\nBook a relocation consultation: CHF 350 per hour, "
        "first 30 minutes free.\n\nMedian ML engineer pay fell 3% in 2025.\n",
        "text/markdown",
    )
    assert [(c.attribute, c.value) for c in salary.extract(doc)] == [("salary_growth", -3.0)]


def test_a_forum_post_s_bare_thousands_beside_pay_words() -> None:
    doc = document(
        "# ML engineers, what was your 2025 TC?\n\n"
        "ML Engineer at a fintech in New York, 3 YOE. Base 165k, bonus ~15k, RSUs about 30k/yr, "
        "so TC around 210k.\n\nSenior MLE in Seattle: 198k base, 140k stock, 25k bonus. Also "
        "$95/hr on a side contract.\n\nToronto here: CAD 142k base, around 12k bonus. We got "
        "a $20,000 signing bonus. The team has 12k followers.\n",
        "text/markdown",
    )
    found = salary_qualifiers(doc, "component", "experience_level")
    # the page's dollar, or the sum's before it in the sentence; each its own part of the package
    assert {v: c for v, c in found.items() if v and v >= 1000} == {
        165_000.0: ("base", "mid"),
        15_000.0: ("bonus", "mid"),
        30_000.0: ("stock", "mid"),
        210_000.0: ("total", "mid"),
        198_000.0: ("base", "senior"),
        140_000.0: ("stock", "senior"),
        25_000.0: ("bonus", "senior"),
        142_000.0: ("base", None),
        12_000.0: ("bonus", None),
    }
    units = {c.value: c.unit for c in numeric_claims(doc) if c.kind == "salary"}
    assert units[165_000.0] == units[25_000.0] == "USD" and units[12_000.0] == "CAD"


def test_a_forum_post_s_lakh_parts_and_the_writer_two_sentences_up() -> None:
    doc = document(
        "# Offer check: is this fair?\n\n"
        "Background: Data Engineer @ a retailer, 4 YOE, Pune. I mostly build Spark jobs. "
        "Current CTC is 19 LPA.\n\n"
        "> Applied scientist at a bank in Chennai, 3 YOE: fixed 21L, variable 2L.\n\n"
        "> Got 6.5 LPA as an ML trainee at a consultancy.\n\n"
        "*Similar threads: [Is 9 LPA ok for 1 YOE analyst?](#) · [Pune vs Chennai pay](#)*\n",
        "text/markdown",
    )
    found = salary_qualifiers(doc, "component", "experience_level")
    # the writer's years reach past one sentence of other words; 'L' is a lakh beside a pay
    # word, in the page's rupees; a trainee is entry level; a link bar of threads is chrome
    assert found == {
        1_900_000.0: ("total", "mid"),
        2_100_000.0: ("base", "mid"),
        200_000.0: ("bonus", "mid"),
        650_000.0: (None, "entry"),
    }
    units = {c.value: c.unit for c in numeric_claims(doc) if c.kind == "salary"}
    assert units[2_100_000.0] == units[200_000.0] == "INR"


def test_a_thread_s_posts_set_line_by_line_under_a_usd_scope_line() -> None:
    page = (
        "<html><body><h1>Data engineer comp thread, 2026</h1>"
        "<p>Numbers are USD unless you say otherwise.</p>"
        "<p>Data Engineer II at a retailer in Chicago, 4 YOE.</p>"
        "<p>Base 158k, bonus ~12k. TC ~170k.</p>"
        "<p>Data Engineer at a bank in London, 6 YOE (posting in GBP).</p>"
        "<p>Base £88k, bonus £8k.</p>"
        "<p>Senior Data Engineer, Toronto, 9 YOE.</p><p>Base 150k CAD.</p>"
        "</body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    found = {
        c.value: (c.unit, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    # a bare 'k' takes the currency the thread's scope line states; each post's pay takes
    # the level and city of the line that introduces its writer
    assert found[158_000.0] == ("USD", "mid", "Chicago")
    assert found[170_000.0] == ("USD", "mid", "Chicago")
    assert found[88_000.0] == ("GBP", "senior", "London")
    assert found[150_000.0] == ("CAD", "senior", "Toronto")


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("Einstieg (0–2 Jahre)", "entry"),
        ("Mit Erfahrung (3–5 Jahre)", "mid"),
        ("Senior (6+ Jahre)", "senior"),
    ],
)
def test_years_as_european_guides_write_them_give_a_level(label: str, level: str) -> None:
    assert years_level(label) == level


def test_quartile_lines_of_a_pay_page_are_its_25th_and_75th_percentiles() -> None:
    doc = document(
        "# Data engineer salary in Austria\n\n## Österreich (EUR)\n\n"
        "Unteres Quartil 51.400 €\n\nMedian 58.900 €\n\nOberes Quartil 67.300 €\n",
        "text/markdown",
    )
    found = salary_qualifiers(doc, "statistic")
    assert found == {
        51_400.0: ("25th percentile",),
        58_900.0: ("median",),
        67_300.0: ("75th percentile",),
    }


def test_the_same_pay_in_another_country_in_that_country_s_money() -> None:
    doc = document(
        "# Data engineer survey 2025\n\n## Pay\n\nThe median reported base salary among "
        "respondents in the United States was $152,000 in 2025. In France it was €61,000 and "
        "in Japan ¥9,800,000.\n",
        "text/markdown",
    )
    found = {c.value: (c.unit, c.qualifiers.get("country")) for c in numeric_claims(doc)}
    assert found[61_000.0] == ("EUR", "France")
    assert found[9_800_000.0] == ("JPY", "Japan")


def test_a_german_wage_report_s_title_frames_its_quartile_lines_as_pay() -> None:
    doc = document(
        "# Data Engineer Lohnreport 2026\n\n## Österreich (EUR)\n\n"
        "Unteres Quartil 51.400 €\n\nMedian 58.900 €\n",
        "text/markdown",
    )
    found = salary_qualifiers(doc, "statistic")
    assert found == {51_400.0: ("25th percentile",), 58_900.0: ("median",)}


def test_a_hypothetical_package_and_a_sum_on_top_of_an_offer_are_no_pay() -> None:
    """The figures of a worked example, and 'another ₹2 lakh' asked on top of an offer, are not
    what anyone earns; the offer itself is."""
    doc = document(
        "# ML engineer salary in India\n\n"
        "Take a hypothetical ₹20 lakh CTC under the new regime: you keep about ₹1.3 lakh a"
        " month.\n\n"
        "So ₹18 LPA is fair, but there is usually room for another ₹2 lakh if you ask.\n",
        "text/markdown",
    )
    assert [c.value for c in salary.extract(doc)] == [1800000.0]


def test_this_positions_pay_takes_its_level_from_the_page_title_below_a_breadcrumb() -> None:
    page = (
        "<html><head><title>Senior Machine Learning Engineer, Search | Toronto | JobBoard"
        "</title></head><body><main><p><a href='/jobs'>Jobs</a> › <a href='/ca'>Canada</a></p>"
        "<h1>Search ranking team</h1><p>We build search.</p>"
        "<p>Base pay for this position in Toronto ranges from CAD $158,000 to $192,000 per"
        " year.</p></main></body></html>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert [(c.value, c.qualifiers.get("experience_level")) for c in salary.extract(doc)] == [
        (158000.0, "senior")
    ]


def test_a_stat_block_names_its_pay_change_after_the_figure() -> None:
    page = (
        "<h1>Machine learning engineer salary in Ireland</h1><section>"
        "<div><strong>€92,000</strong><span>median base salary</span></div>"
        "<div><strong>+5.1%</strong><span>rise in median base since 2023</span></div>"
        "<div><strong>−2%</strong><span>in average base salary for contractors</span></div>"
        "<div><strong>3%</strong><span>drop in median pay at start-ups</span></div>"
        "</section>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    rises = {c.value: c.qualifiers for c in salary.extract(doc) if c.kind == "growth_rate"}
    assert set(rises) == {5.1, -2, -3}
    assert rises[5.1]["period_start"] == 2023


def test_a_percentage_after_pay_that_names_no_change_is_no_pay_change() -> None:
    text = "Machine learning engineers earn €92,000.\n\n41% in average base salary terms.\n"
    assert [c.kind for c in salary.extract(document(text))] == ["salary"]


def test_a_change_row_under_a_pay_row_of_a_fact_table_is_that_pays_growth() -> None:
    text = (
        "# Machine learning engineer salaries, 2026\n\n"
        "| Figure | Value |\n|---|---|\n"
        "| Median base salary | €88,000 |\n| Change on 2025 | +3.6% |\n"
        "| Survey responses | 1,204 |\n| Change on 2025 | +11% |\n"
    )
    doc = build_document(source_id="p", text=text, media_type="text/markdown")
    rises = [(c.value, c.qualifiers) for c in salary.extract(doc) if c.kind == "growth_rate"]
    assert rises == [(3.6, {"period_start": 2025})]


def test_a_change_card_is_the_change_of_the_card_before_it() -> None:
    page = (
        "<h1>ML engineer pay in Pune</h1><section>"
        "<div><span>Median CTC</span> <span>₹16 LPA</span></div>"
        "<div><span>YoY change</span> <span>−1.5%</span></div>"
        "<div><span>Openings</span> <span>2,300</span></div>"
        "<div><span>YoY change</span> <span>+8%</span></div></section>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    changes = [(c.kind, c.value) for c in numeric_claims(doc) if c.unit == "percent"]
    assert changes == [("growth_rate", -1.5), ("job_demand", 8)]


def test_a_dated_change_line_under_a_pay_line_is_its_growth() -> None:
    page = (
        "<h1>ML engineer pay in Pune</h1><section>"
        "<div><span>Median CTC for ML engineers</span> <span>₹16 LPA</span></div>"
        "<div><span>Change since 2024</span> <span>−1.5%</span></div>"
        "<div><span>ML engineer openings</span> <span>2,300</span></div>"
        "<div><span>Change since 2024</span> <span>+8%</span></div></section>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    rises = [(c.value, c.qualifiers) for c in salary.extract(doc) if c.kind == "growth_rate"]
    assert rises == [(-1.5, {"period_start": 2024})]


def test_a_fact_table_with_a_column_per_period_gives_each_fact_its_columns_year() -> None:
    text = (
        "# Data engineer pay in Ireland, H1 2026\n\n"
        "| | Jan-Jun 2026 | Jan-Jun 2025 |\n|---|---|---|\n"
        "| Open data engineer vacancies | 1,310 | 1,125 |\n"
        "| 25th percentile | €58,000 | €55,500 |\n"
        "| Median salary | €71,000 | €68,250 |\n"
        "| Median change on a year earlier | +4.0% | −1.2% |\n"
    )
    facts = {
        (c.kind, c.value, c.year, c.qualifiers.get("statistic"))
        for c in numeric_claims(document(text, "text/markdown"))
    }
    assert facts == {
        ("job_demand", 1310, 2026, None),
        ("job_demand", 1125, 2025, None),
        ("salary", 58000, 2026, "25th percentile"),
        ("salary", 55500, 2025, "25th percentile"),
        ("salary", 71000, 2026, "median"),
        ("salary", 68250, 2025, "median"),
        ("growth_rate", 4.0, 2026, None),
        ("growth_rate", -1.2, 2025, None),
    }


def test_a_forum_poster_s_own_day_rate_is_pay_without_a_role_in_the_sentence() -> None:
    text = (
        "Contractor Corner | Forums | Log in\n\n"
        "Data engineer day rates this spring?\nPage 1 of 2\n\n"
        "nomad_dev\nJoined 2021 | Posts: 40\n\n"
        "Our umbrella firm costs £25/day on top of everything else.\n\n"
        "old_hand\nJoined 2009 | Posts: 3,100\n\n"
        "Outside IR35 in Leeds I'm on £560/day for a streaming platform gig.\n\n"
        "Inside you'd be looking at £450-500 a day in Leeds for the same seniority.\n"
    )
    found = {(c.value, c.value_high) for c in salary.extract(document(text))}
    assert found == {(560, None), (450, 500)}


def test_a_unit_explained_by_two_equal_sums_is_no_pay_and_a_sign_on_no_salary() -> None:
    text = (
        "# ML engineer salary in India\n\nLPA means lakh per annum; ₹1 lakh = ₹1,00,000. "
        "Freshers earn ₹8 LPA.\n\nMy offer: ₹21 LPA base plus a ₹2.5 lakh sign-on.\n"
    )
    assert sorted(c.value for c in salary.extract(document(text))) == [800000, 2100000]
    notation = (
        "# ML engineer salary in Japan\n\nAmounts are written in units of 10,000 yen (万円), "
        "so 600万円 means ¥6,000,000 a year. ML engineers in Tokyo earn 750万円 a year.\n"
    )
    assert [c.value for c in salary.extract(document(notation))] == [7500000]


def test_a_difference_with_its_own_period_before_more_is_no_pay() -> None:
    text = (
        "# UK data engineer day rates\n\nClients often offer £50 to £80 a day more for an outside "
        "determination. Contract data engineers charge £550 a day."
    )
    assert [c.value for c in salary.extract(document(text))] == [550]


def test_a_role_in_brackets_is_no_subject_for_the_pay_after_it() -> None:
    doc = document(
        "# Offer check\n\nML Engineer at a retailer in New York, 6 YOE (2 of those as a data "
        "scientist before switching). Current TC 235k: base 190k.\n",
        "text/markdown",
    )
    assert {c.value: c.subject for c in numeric_claims(doc)} == {
        235_000.0: "machine learning engineer",
        190_000.0: "machine learning engineer",
    }


def test_bare_thousands_take_the_currency_of_the_place_on_the_line_above() -> None:
    text = (
        "Offer eval: ranking vs infra\n\nBackground: ML engineer, 6 YOE.\n\n"
        "Offer A - BigCo, L5 MLE on the ads team, NYC\n  Base: 215k\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(c.value, c.unit) for c in numeric_claims(doc)] == [(215_000.0, "USD")]


def test_a_dutch_hourly_and_daily_rate() -> None:
    doc = document(
        "# ML engineer salaris\n\nFreelance ML engineers charge **€ 85 – € 120 per uur**. "
        "Interim contracts pay about € 900 per dag.\n",
        "text/markdown",
    )
    assert {c.value: c.qualifiers.get("pay_period") for c in numeric_claims(doc)} == {
        85.0: "hourly",
        900.0: "daily",
    }


def test_workers_in_this_occupational_group_are_the_pages_own() -> None:
    doc = document(
        "# Data scientists\n\nMedian annual employment income for full-time workers in this "
        "occupational group was $97,400 in 2023. The average US worker makes $59,000.\n",
        "text/markdown",
    )
    assert [(c.subject, c.value) for c in numeric_claims(doc)] == [("data scientist", 97_400.0)]


def test_a_sum_before_two_joined_words_and_a_benefit_is_the_benefit() -> None:
    doc = document(
        "# Senior ML engineer\n\nThe base salary range is $180,000 to $220,000. Benefits "
        "include a $2,000 annual home-office and learning stipend.\n",
        "text/markdown",
    )
    assert [(c.value, c.value_high) for c in numeric_claims(doc)] == [(180_000.0, 220_000.0)]


def test_a_forum_thread_about_moving_into_the_role_gives_its_pay_to_the_role() -> None:
    page = (
        "# Moving from data analyst to ML engineer in Melbourne – worth it?\n\n"
        "Contracting view from Perth: mid-level ML contracts here go for $900–$1,050 a day, "
        "senior closer to $1,200.\n\n"
        "- For a mid-level MLE in Melbourne we pay $140k–$165k base. Senior is $175k–$200k.\n\n"
        "EL1 ML engineer roles in Canberra are advertised at $128k–$146k.\n\n"
        "I'm a data analyst in Melbourne, 4 years in, on $108k + super.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    found = {
        (c.value, c.value_high): (c.subject, c.qualifiers.get("experience_level"), c.unit)
        for c in claims
        if c.kind == "salary"
    }
    mle = "machine learning engineer"
    assert found == {
        (900.0, 1050.0): (mle, "mid", "AUD"),
        (1200.0, None): (mle, "senior", "AUD"),
        (140000.0, 165000.0): (mle, "mid", "AUD"),
        (175000.0, 200000.0): (mle, "senior", "AUD"),
        (128000.0, 146000.0): (mle, None, "AUD"),
        (108000.0, None): ("data analyst", None, "AUD"),
    }


def test_a_roles_median_with_its_pay_period_is_pay_without_a_pay_word() -> None:
    page = (
        "# MLE or data scientist in 2026?\n\n"
        "For Sweden, the same survey puts ML engineers at a median of SEK 62,000 per month.\n\n"
        "In the Netherlands, the median offer for a mid-level ML engineer was €74.000 gross per "
        "year including holiday allowance.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    assert sorted((c.value, c.unit) for c in claims if c.kind == "salary") == [
        (62000.0, "SEK"),
        (74000.0, "EUR"),
    ]


def test_a_comp_post_s_bare_thousands_are_in_the_currency_of_the_city_its_first_line_names() -> (
    None
):
    doc = build_document(
        source_id="f",
        text=(
            "ML engineer comp thread, 2026\n\n-----\n#2  posted by grad_descent · 2 Mar 2026\n"
            "-----\nML Engineer / 4 YOE / Denver, CO\n\nBase 151k, bonus ~14k, TC around 190k. "
            "Mostly churn models.\n"
        ),
        media_type="text/plain",
    )
    found = [
        (c.value, c.unit, c.qualifiers.get("component"), c.qualifiers.get("experience_level"))
        for c in salary.extract(doc)
    ]
    assert found == [
        (151000.0, "USD", "base", "mid"),
        (14000.0, "USD", "bonus", "mid"),
        (190000.0, "USD", "total", "mid"),
    ]


def test_a_sum_said_to_be_for_learning_or_equipment_is_a_benefit_budget_not_pay() -> None:
    found = _salaries(
        "The base salary for this role is $182,000.\n\nWhat else you get: health, dental and "
        "vision cover; $2,000 a year for conferences, plus a $500 gym stipend.\n"
    )
    assert sorted(found) == [182000.0]


def test_a_comp_thread_post_s_pay_beside_the_posters_years_of_experience() -> None:
    doc = document(
        "# Data engineers in Europe, 2026 thread\n\n"
        "Munich insurer, 4 YOE, €71k. No bonus to speak of.\n\n"
        "> Similar in Vienna: €66k at 8 YOE, paid in 14 instalments.\n",
        "text/markdown",
    )
    found = {c.value: (c.unit, c.qualifiers.get("city")) for c in numeric_claims(doc)}
    assert found == {71_000.0: ("EUR", "Munich"), 66_000.0: ("EUR", "Vienna")}


def test_a_question_about_someone_s_pay_states_none() -> None:
    doc = document(
        "# Data engineer pay thread\n\nSenior data engineer in Denver, 6 YOE: base 158k.\n\n"
        "> How are you at 158k with 6 YOE?? Why is $90,000 still normal in Ohio?\n",
        "text/markdown",
    )
    assert [c.value for c in numeric_claims(doc) if c.kind == "salary"] == [158_000.0]


def test_a_post_naming_only_a_state_is_in_that_state_s_country_s_currency() -> None:
    doc = document(
        "# Data engineer salary sharing thread\n\nLondon, senior, £98k base and £9k bonus.\n\n"
        "Fully remote for a logistics firm, living in Oregon. Base 131k, no bonus.\n",
        "text/markdown",
    )
    found = {c.value: c.unit for c in numeric_claims(doc) if c.kind == "salary"}
    assert found[131_000.0] == "USD" and found[98_000.0] == "GBP"


def test_a_posting_s_rate_line_is_pay_and_a_rate_threshold_is_not() -> None:
    doc = document(
        "# Senior Data Engineer (Contract)\n\nManchester · 6 months\n\n"
        "- Rate: £540 – £610 per day, Outside IR35\n- Start: March\n\n"
        "Rates above £900 a day were rare last year.\n",
        "text/markdown",
    )
    found = [(c.value, c.value_high, c.qualifiers) for c in numeric_claims(doc)]
    assert [(v, h) for v, h, _ in found] == [(540.0, 610.0)]
    assert "company" not in found[0][2] and found[0][2]["pay_period"] == "daily"


def test_a_percentile_after_the_median_is_pay_of_the_same_year_and_period() -> None:
    """'The 25th percentile was ...' names no pay word: it goes on with the pay the sentence
    before it stated, in its year, period and country, each with its own percentile."""
    doc = document(
        "Data engineer pay in Malaysia.\n\nOfficial wage tables for 2023 put the median gross "
        "monthly wage of data engineers at RM 7,400. The 25th percentile was RM 5,900 and the "
        "upper quartile RM 9,800."
    )
    assert salary_qualifiers(doc, "statistic", "pay_period") == {
        7400: ("median", "monthly"),
        5900: ("25th percentile", "monthly"),
        9800: ("75th percentile", "monthly"),
    }
    assert {c.value: c.year for c in numeric_claims(doc)} == {7400: 2023, 5900: 2023, 9800: 2023}


def test_a_work_pass_qualifying_salary_is_no_pay() -> None:
    doc = document(
        "Data engineer salary in Singapore.\n\nForeign hires need a work pass; the qualifying "
        "salary for new applications is S$5,900 a month, and senior data engineers earn "
        "S$12,000 a month."
    )
    assert [c.value for c in numeric_claims(doc) if c.kind == "salary"] == [12000]


def test_pay_increments_and_planned_raises_are_pay_growth_each_of_its_year() -> None:
    doc = document(
        "Data engineer pay in Malaysia.\n\nYear-end salary increments for data engineers "
        "averaged 4.6% in 2025, compared with 5.1% in 2024. Employers plan to raise salaries "
        "by 3.9% in 2026."
    )
    growth = [(c.value, c.year) for c in numeric_claims(doc) if c.kind == "growth_rate"]
    assert growth == [(4.6, 2025), (5.1, 2024), (3.9, 2026)]


def test_bare_thousands_in_a_comp_thread_read_by_their_sentence() -> None:
    """A thread's bare 'k' sums: 'TC lands around 310k not counting sign-on' (the total named a
    few words before, 'not counting' no benefit of its own), '171k of that as base', and a
    median and spread whose pay word opens the sentence ('total comp ... is about 330k, and
    the middle half runs from 290k to 375k'); 'a salary survey of 12k engineers' is no pay.
    A poster's own line names their city before the thread's title does."""
    page = (
        "<html><body><h1>L5 data engineer offer in Denver: is ~$250k TC fair?</h1>"
        "<p>Senior data engineer, 8 YOE, based in Denver. Base 180k, bonus ~20k. TC lands "
        "around 240k not counting sign-on. Currently making 205k TC, with 160k of that as "
        "base.</p><p>Lead data engineer at a scale-up in Chicago, 12 YOE. Base 215k.</p>"
        "<p>Per our salary survey of 12k engineers, the median L5 total comp in Denver is about "
        "260k, and the middle half runs from 225k to 290k.</p></body></html>"
    )
    doc = document(page, "text/html")
    found = salary_qualifiers(doc, "component", "city")
    assert found == {
        180000: ("base", "Denver"),
        20000: ("bonus", "Denver"),
        240000: ("total", "Denver"),
        205000: ("total", "Denver"),
        160000: ("base", "Denver"),
        215000: ("base", "Chicago"),
        260000: ("total", "Denver"),
        225000: (None, "Denver"),
    }


def test_a_pay_change_compared_with_a_field_s_average_is_that_field_s() -> None:
    """'rose 4.2% ..., well ahead of the 2.9% average increase for all IT roles': the second
    change is the same measure (pay growth, not demand), of IT roles, not of the page's role."""
    doc = document(
        "Data engineer pay in Austria.\n\nMedian pay for data engineers in Austria rose 4.2% "
        "compared with 2025, well\nahead of the 2.9% average increase for all IT roles."
    )
    found = [(c.kind, c.subject, c.value) for c in numeric_claims(doc)]
    assert found == [("growth_rate", "data engineer", 4.2), ("growth_rate", "it role", 2.9)]


def test_where_a_role_s_pay_starts_is_its_pay_and_a_seat_s_price_is_not() -> None:
    """'new data scientists tend to start around $78k, while data engineers ... start closer to
    $92k': each role's starting pay, in the city the sentence opens with ('Pay-wise in
    Vancouver, ...'); 'Plans for data scientists start at $1,999 per seat' is a price."""
    doc = document(
        "What does a data engineer do?\n\nPay-wise in Vancouver, new data scientists tend to start "
        "around $78k, while data engineers with the same experience start closer to $92k.\n\n"
        "Plans for data scientists start at $1,999 per seat."
    )
    found = {
        c.value: (c.subject, c.unit, c.qualifiers.get("city"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert found == {
        78000: ("data scientist", "CAD", "Vancouver"),
        92000: ("data engineer", "CAD", "Vancouver"),
    }


def test_a_post_s_sum_after_the_line_that_introduces_its_writer_is_their_pay() -> None:
    """'Graduate data engineer at a bank in Bristol.' / '£36.5k plus a small equity grant.':
    the poster's pay, their level and city, no part of a package ('plus' adds the grant);
    'Contractor, fully remote, 7 YOE.' / '£575/day on a 6-month contract.' their day rate."""
    page = (
        "# Data engineers outside London: what are you paid?\n\n"
        "**u/grad_dev** · 41 points\n\nGraduate data engineer at a bank in Bristol. £36.5k plus "
        "a small equity grant. Clearance took months.\n\n"
        "**u/contractor_x** · 30 points\n\nContractor, fully remote, 7 YOE. £575/day on a "
        "6-month contract with a retailer.\n"
    )
    doc = document(page, "text/markdown")
    assert salary_qualifiers(doc, "experience_level", "city", "component", "pay_period") == {
        36500: ("entry", "Bristol", None, None),
        575: ("senior", None, None, "daily"),
    }


def test_a_range_and_a_national_average_keep_their_own_qualifiers() -> None:
    """'range between ₹4.1 and ₹19.5 lakh with an average of ₹9.8 lakh': the range is a range,
    the average the next figure's; 'the UK average of £52,000' after '... in Leeds earns
    £61,000' is the UK's, not Leeds'."""
    doc = document(
        "Data engineer salary guide.\n\nData engineer salaries in India range between ₹4.1 "
        "lakh and ₹19.5 lakh, with an average annual salary of ₹9.8 lakh. The average data "
        "engineer in Leeds earns £61,000, more than the UK average of £52,000."
    )
    assert salary_qualifiers(doc, "statistic", "city") == {
        410000: ("range", None),
        980000: ("average", None),
        61000: (None, "Leeds"),
        52000: ("average", None),
    }


def test_pay_set_against_the_market_and_a_speaker_s_own_monthly_sum() -> None:
    """'the median data engineer pay is around S$8,900/month, so we pay above the middle of
    the market': 'market' is the going rate, no price; "I'm a senior data engineer at a bank
    here on S$14.5k/month": the speaker's own pay."""
    doc = document(
        "Data engineers in Singapore.\n\nThe median data engineer pay is around S$8,900/month, "
        "so we pay above the middle of the market.\n\nFor reference I'm a senior data engineer "
        "at a bank here on S$14.5k/month, so these numbers look right."
    )
    assert salary_qualifiers(doc, "statistic", "experience_level", "pay_period") == {
        8900: ("median", None, "monthly"),
        14500: (None, "senior", "monthly"),
    }


def test_a_page_s_stated_dollar_holds_beside_a_foreign_employer() -> None:
    """'All salaries are in Canadian dollars': a sum beside 'the local office of a US company'
    stays Canadian; 'At US-headquartered firms in Toronto' names where the employer comes from,
    the city where it pays; '... can top $260,000 once stock is included' is a total."""
    doc = document(
        "Data Engineer Salary in Canada\n\nAll salaries are in Canadian dollars.\n\nMost data "
        "engineers earn between $88,000 and $140,000, depending on whether the employer is a "
        "local firm or the office of a US company. At US-headquartered firms in Toronto, total "
        "compensation for senior engineers can top $240,000 once stock is included."
    )
    found = {
        c.value: (c.unit, c.qualifiers.get("city"), c.qualifiers.get("component"))
        for c in numeric_claims(doc)
    }
    assert found == {88000: ("CAD", None, None), 240000: ("CAD", "Toronto", "total")}


def test_a_foreign_employer_s_local_offices_pay_in_the_page_s_money() -> None:
    """'At the Australian offices of US tech firms, stock worth $30,000-$70,000 a year' on an
    Australian page: 'US' says where the firms come from, 'Australian offices' where they pay."""
    doc = document(
        "ML Engineer Pay in Australia\n\nAt the Australian offices of US tech firms, restricted "
        "stock worth $30,000-$70,000 a year is added to base pay."
    )
    [claim] = [c for c in numeric_claims(doc) if c.kind == "salary"]
    assert (claim.unit, claim.qualifiers.get("country")) == ("AUD", "Australia")


def test_a_job_board_s_bare_pay_line_under_a_posting_title_is_its_pay() -> None:
    """Search results print each posting's pay alone on its line under its title and company:
    '£41,000 a year', 'Up to £115,000 a year + benefits', '£600 – £750 per day'."""
    page = (
        "<html><body><h1>Data Engineer jobs in United Kingdom</h1>"
        "<h2>Graduate Data Engineer</h2><p>Acme Robotics</p><p>Cambridge</p>"
        "<p>£41,000 a year</p><p>Join our platform team. September start.</p>"
        "<h2>Lead Data Engineer</h2><p>Northwind Health</p><p>Leeds</p>"
        "<p>Up to £115,000 a year + benefits</p><p>Lead a team of five engineers.</p>"
        "<h2>Senior Data Engineer (Contract)</h2><p>Aldgate Talent</p><p>London</p>"
        "<p>£600 – £750 per day</p><p>Six-month contract.</p></body></html>"
    )
    doc = document(page, "text/html")
    assert salary_qualifiers(doc, "experience_level", "city", "pay_period") == {
        41000: ("entry", "Cambridge", "annual"),
        115000: ("lead", "Leeds", "annual"),
        600: ("senior", "London", "daily"),
    }


def test_a_pay_line_with_the_posting_s_terms_set_apart_after_it_is_still_its_pay() -> None:
    """'$52 – $61 an hour · 6-month contract': the terms after the separator are the
    posting's, not words that make the line prose; a note that names no terms still does."""
    page = (
        "<html><body><h1>Data Engineer jobs</h1>"
        "<h2>Junior Data Engineer (Contract)</h2><p>Ferrous Labs</p><p>Denver, CO · Remote</p>"
        "<p>$52 – $61 an hour · 6-month contract</p>"
        "<h2>Data Engineer</h2><p>Kettle Co</p><p>Omaha, NE · On-site</p>"
        "<p>$45 – $50 an hour · parking included</p></body></html>"
    )
    doc = document(page, "text/html")
    assert salary_qualifiers(doc, "experience_level", "pay_period") == {52: ("junior", "hourly")}


def test_b2b_rates_are_pay_and_their_change_pay_growth() -> None:
    doc = document(
        "Data engineer pay in Poland.\n\nMedian B2B rates for data engineers rose 7% year on "
        "year, while employment-contract salaries rose 5%."
    )
    growth = [(c.kind, c.value) for c in numeric_claims(doc)]
    assert growth == [("growth_rate", 7.0), ("growth_rate", 5.0)]


def test_the_top_of_the_market_and_a_speaker_s_report_of_an_offer_are_pay() -> None:
    """'At the very top of the market, principal engineers ... are offered packages above ₹1.2
    crore' ('market' is the going rate, no price); 'One engineering manager told us that a
    typical offer ... is ₹11,50,000 fixed' (the manager speaks; the offer is the pay)."""
    doc = document(
        "Data engineer salary in India.\n\nAt the very top of the market, principal engineers "
        "at a few labs in Bengaluru are being offered packages above ₹1.2 crore. One "
        "engineering manager told us that a typical offer for a two-year engineer at her Pune "
        "office is ₹11,50,000 fixed, with a bonus on top."
    )
    assert salary_qualifiers(doc, "experience_level", "city") == {
        12000000: ("principal", "Bengaluru"),
        1150000: (None, "Pune"),
    }


def test_a_tax_scheme_s_bar_and_its_alternative_are_not_pay() -> None:
    """'To qualify, taxable salary had to exceed € 48.000 a year (or € 36.500 for applicants
    under 30)': the bar of a tax scheme and the alternative its clause gives are no pay."""
    doc = document(
        "ML Engineer Salary in the Netherlands\n\nMid-level ML engineers earn € 72.000 a year. "
        "To qualify for the expat ruling in 2025, taxable salary had to exceed € 48.000 a year "
        "(or € 36.500 for applicants under 30)."
    )
    assert [c.value for c in numeric_claims(doc) if c.kind == "salary"] == [72000]


def test_a_country_a_sentence_opens_with_frames_each_of_its_dollar_figures() -> None:
    """'In the US, ... is $158,000, versus $137,000 for data scientists' on a page about
    Canada: both sums are US dollars, not only the first."""
    doc = document(
        "ML Engineer vs Data Scientist Pay in Canada\n\nIn the US, the median ML engineer base "
        "salary is $158,000, versus $137,000 for data scientists."
    )
    found = {c.value: (c.unit, c.qualifiers.get("country")) for c in numeric_claims(doc)}
    assert found == {158000: ("USD", "United States"), 137000: ("USD", "United States")}


def test_what_a_newsletter_sells_sponsorship_for_is_no_pay() -> None:
    doc = document(
        "Subject: ML engineer pay digest, Q3 2025\n\nSenior ML engineers in Leeds earn £92,000."
        "\n\nSalary: £85,000 + visa sponsorship.\n\n--\nUnsubscribe | Manage preferences\n"
        "Northfold Media Ltd, 9 Mill Lane, Leeds LS2 7AB, United Kingdom\n"
        "Sponsor a future issue from GBP 450.\n"
    )
    assert sorted(c.value for c in numeric_claims(doc) if c.kind == "salary") == [85000, 92000]


def test_an_exchange_rate_beside_pay_is_no_pay() -> None:
    doc = document(
        "ML Engineer Salary in Canada\n\nMost ML engineers earn $118,000 a year, before the "
        "exchange rate (about 0.73 USD per CAD as we write) is applied."
    )
    assert [c.value for c in numeric_claims(doc) if c.kind == "salary"] == [118000]


def test_a_ranked_list_of_industries_by_pay_gives_the_roles_pay_in_each() -> None:
    doc = document(
        "ML Engineer Salary in Australia\n\n## Highest-paying industries\n\n"
        "Industries ranked by median base salary for ML engineers:\n\n"
        "1. Mining and resources – $171,000\n2. Banking – $160,500\n"
    )
    salaries = [c for c in numeric_claims(doc) if c.kind == "salary"]
    assert {(c.subject, c.value) for c in salaries} == {
        ("machine learning engineer", 171000),
        ("machine learning engineer", 160500),
    }


def test_industries_named_by_the_heading_over_a_lead_in_that_names_none() -> None:
    """'Highest-paying industries for data engineers' / 'Ranked by median base salary:': the
    items are industries (the lead-in says how they are ordered), each the role's pay there."""
    doc = document(
        "Data Engineer Salary in Chile\n\n## Highest-paying industries for data engineers\n\n"
        "Ranked by median base salary in 2026:\n\n1. Mining – $48,000\n2. Retail – $39,500\n"
    )
    salaries = [c for c in numeric_claims(doc) if c.kind == "salary"]
    assert {(c.subject, c.value, c.qualifiers.get("company")) for c in salaries} == {
        ("data engineer", 48000, "Mining"),
        ("data engineer", 39500, "Retail"),
    }


def test_a_role_set_aside_by_rather_than_is_not_the_pays() -> None:
    """'Research engineer rather than MLE, but close enough: Boston, 4 YOE. Base 190k': the
    post's pay is the research engineer's; the role it is set against is no subject."""
    doc = document(
        "MLE offers thread\n\nResearch engineer rather than MLE, but close enough: Boston, "
        "4 YOE. Base 190k, bonus 15k."
    )
    assert {c.subject for c in numeric_claims(doc) if c.kind == "salary"} == {"research engineer"}


def test_pay_a_posting_says_hires_are_eligible_for_or_gives_again_in_another_currency() -> None:
    """Review: 'eligible for a base salary' is pay (only a tax scheme's bar is not), and a
    sum given again in another currency after a slash is no exchange rate."""
    doc = document(
        "Machine Learning Engineer\n\nNew hires in this role are eligible for a base salary of "
        "$150,000 to $190,000 per year. In London the role earns £95,000 / USD 120,000 a year."
    )
    found = {(c.value, c.value_high) for c in numeric_claims(doc) if c.kind == "salary"}
    assert {(150000, 190000), (95000, None)} <= found


def test_a_typical_range_refers_back_to_the_pay_stated_before_it() -> None:
    """'The typical range runs from $X to $Y' after a sentence that states the role's median:
    the same role's pay, its spread; the words name no role or pay word of their own."""
    doc = document(
        "# Pay in Australia\n\nMachine learning engineers earn a median of A$150,000. "
        "The typical range runs from $120,000 to $185,000.\n"
    )
    found = [(c.value, c.value_high, c.unit) for c in numeric_claims(doc)]
    assert found == [(150000, None, "AUD"), (120000, 185000, "AUD")]


def test_lowest_and_top_tenths_are_percentiles_and_us_dollars_are_not_the_pages_pay() -> None:
    """'The lowest 10% earn less than Rs. 4,10,000' states the 10th percentile, 'the top 10%
    earn more than' the 90th; on a page about India, 'US$139,400' is the United States' pay
    (its currency names it), not India's."""
    text = (
        "# Data Engineer Salary in India\n\nThe average data engineer salary in India is "
        "Rs. 9,40,000 per year. The lowest 10% earn less than Rs. 4,10,000, while the top 10% "
        "earn more than Rs. 21,00,000 per year.\n\nHirewell's 2025 report gives data engineers "
        "an average base salary of US$139,400.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    read = {c.value: (c.qualifiers.get("statistic"), c.qualifiers.get("country")) for c in claims}
    assert read == {
        940000.0: ("average", "India"),
        410000.0: ("10th percentile", "India"),
        2100000.0: ("90th percentile", "India"),
        139400.0: ("average", "United States"),
    }


def test_a_label_in_another_language_names_its_statistic_after_the_pay_word() -> None:
    """'Salaire médian' / 'Salaire moyen': French writes the statistic after the pay word."""
    page = (
        "Salaires des data engineers en France\n\n"
        "Salaire médian : 52 000 € brut annuel.\n\nSalaire moyen : 610 € / jour.\n"
    )
    assert salary_qualifiers(document(page), "statistic", "pay_period") == {
        52000.0: ("median", "annual"),
        610.0: ("average", "daily"),
    }


def test_a_benefit_labelled_before_its_sum_is_no_pay() -> None:
    page = (
        "# Data engineer pay in Lille\n\nMedian salary: €48,000 a year.\n\n## Benefits\n\n"
        "- Meal vouchers: €9 per working day\n- Relocation: €3,000 once\n"
    )
    claims = numeric_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [48000.0]


def test_pay_of_the_roles_a_sentence_counts_at_a_median_of_a_sum() -> None:
    page = "Employers across Wales advertised 96 data engineer roles, at a median of £61,000."
    assert salary_qualifiers(document(page), "statistic") == {61000.0: ("median",)}


def test_a_share_of_offers_on_one_side_of_a_sum_makes_it_a_percentile() -> None:
    """'A quarter of offers came in below $X' is the 25th percentile, 'a quarter above $Y' the
    75th, 'one offer in ten topped $Z' the 90th, 'the lowest 10% of ML engineers earn less
    than' the 10th (with 'of ML engineers' between it was none); the quarter is no share."""
    page = (
        "Data engineer pay 2026\n\nA quarter of offers came in below $121,000 in total, and a "
        "quarter above $182,000; one offer in ten topped $214,000.\n\nThe lowest 10% of data "
        "engineers earn less than $88,000.\n\nSenior data engineers earn 20% more than the "
        "$140,000 national average.\n"
    )
    doc = document(page)
    assert salary_qualifiers(doc, "statistic") == {
        121000.0: ("25th percentile",),
        182000.0: ("75th percentile",),
        214000.0: ("90th percentile",),
        88000.0: ("10th percentile",),
        140000.0: (None,),  # a difference set against it names no percentile
    }
    assert [c for c in numeric_claims(doc) if c.kind == "share"] == []


def test_the_median_offer_names_its_statistic() -> None:
    page = "Data engineer pay 2026\n\nThe median data engineer offer was worth $164,000 a year."
    assert salary_qualifiers(document(page), "statistic") == {164000.0: ("median",)}


def test_a_postings_pay_takes_the_level_its_requirements_state_in_years() -> None:
    """'At least 5 years of experience ...' makes the posting's pay senior, in its city and
    another; a contractor's rate on the same page is no posting's pay and takes none."""
    page = (
        "Data Engineer - Payments\nBerlin, Germany  |  Hybrid  |  Full-time\n\n"
        "WHAT YOU WILL BRING\n\n  * At least 6 years of experience building data platforms.\n"
        "  * Strong Python and SQL.\n\nPAY\n\n"
        "The base salary for this role in Berlin is EUR 84,000 - 102,000 a year. For hires in "
        "Munich, the base range is EUR 88,000 - 106,000.\n\n"
        "We also engage data contractors; they are paid EUR 80 - 95 an hour.\n"
    )
    assert salary_qualifiers(document(page), "experience_level") == {
        84000.0: ("senior",),
        88000.0: ("senior",),
        80.0: (None,),
    }


def test_a_minimum_wage_is_no_roles_pay() -> None:
    page = (
        "Data engineer pay in the UK\n\nThe national minimum wage is £11.44 an hour.\n\n"
        "Data engineers earn a median of £61,000.\n"
    )
    assert list(salary_qualifiers(document(page))) == [61000.0]


def test_a_field_set_apart_by_a_dot_does_not_date_the_pay_before_it() -> None:
    claims = _salaries(
        "## 2026 guide\n\n**Median base:** $184,000 · **Open roles (Dec 2025):** 21,700\n"
    )
    assert claims[184000.0].year == 2026


def test_a_sum_added_after_plus_is_the_part_its_own_words_name() -> None:
    claims = _salaries(
        "Fixed CTC for a senior ML engineer: ₹38 – 52 LPA, plus ESOPs worth about ₹12 lakh.\n\n"
        "ML engineers earn a base salary of $245,000 plus $310,000 a year in stock.\n"
    )
    components = {value: c.qualifiers.get("component") for value, c in claims.items()}
    assert components == {3_800_000: "base", 1_200_000: "stock", 245_000: "base", 310_000: "stock"}


def test_a_place_listed_under_a_postings_title_is_where_its_pay_is_paid() -> None:
    page = (
        "# Senior Machine Learning Engineer – Search\n\nKiranmart · ★ 4.1 (2,318 reviews)\n\n"
        "- Bengaluru, Karnataka, India\n- Hybrid (3 days a week in office)\n- Full-time\n\n"
        "## Compensation\n\nFixed CTC: ₹38 – 52 LPA.\n\n"
        "For hires into our Gurugram office, the fixed band is ₹34 – 47 LPA.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    cities = {c.value: c.qualifiers.get("city") for c in claims if c.kind == "salary"}
    assert cities == {3_800_000: "Bengaluru", 3_400_000: "Gurugram"}


def test_a_careers_pages_line_of_places_and_sums_under_a_role_is_its_pay() -> None:
    page = (
        "# Careers\n\n## Open roles\n\nThe ranges below are the annual base salary we expect to "
        "pay for each role.\n\n### Machine Learning Engineer, Routing\n\nNew York, NY · "
        "Toronto, ON\n\nUS: $168,000 – $204,000 · Canada: CA$152,000 – CA$184,000\n\n"
        "### Office life\n\nUS: $1,200 – $1,500 · Canada: CA$900\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    assert [(c.subject, c.value, c.unit, c.qualifiers.get("country")) for c in claims] == [
        ("machine learning engineer", 168_000, "USD", "United States"),
        ("machine learning engineer", 152_000, "CAD", "Canada"),
    ]


def test_a_threads_posting_header_of_bar_separated_fields_states_the_roles_pay() -> None:
    thread = (
        "# Ask HF: Who is hiring? (December 2025)\n\n"
        "Quillon Robotics | Senior ML Engineer (Perception) | Pittsburgh, PA | ONSITE | "
        "$185k–$225k + equity\n\n"
        "Lattice & Loom | ML Platform Engineer | Berlin, Germany | HYBRID | €85k–€105k | VISA\n\n"
        "Brindle | Senior Frontend Engineer | New York, NY | ONSITE | $160k–$190k\n\n"
        "Acme | Pricing | Plans from $49\n"
    )
    claims = [c for c in extract_claims(document(thread, "text/markdown"))[0] if c.kind == "salary"]
    assert [(c.subject, c.value, c.qualifiers.get("experience_level")) for c in claims] == [
        ("machine learning engineer", 185_000, "senior"),
        ("machine learning platform engineer", 85_000, None),
        ("frontend engineer", 160_000, "senior"),
    ]


def test_dutch_pay_words_levels_and_a_salary_norm() -> None:
    page = (
        "# Vacaturerapport Machine Learning Engineer 2025\n\n"
        "Het mediane geadverteerde maandsalaris kwam in 2025 uit op € 5.650 bruto.\n\n"
        "Voor kennismigranten geldt een salarisnorm van € 5.688 bruto per maand.\n\n"
        "| Niveau | Maandsalaris |\n|---|---|\n| Medior (3–5 jaar) | € 4.800 – € 6.200 |\n\n"
        "**Meer lezen**\n\n- [Top 10 IT-banen (nummer 1 verdient € 9.000)](/artikel/top-10)\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    found = {
        (c.value, c.qualifiers.get("pay_period"), c.qualifiers.get("experience_level"))
        for c in claims
    }
    assert found == {(5650.0, "monthly", None), (4800.0, "monthly", "mid")}


def test_a_year_earlier_after_a_later_figure_is_that_figures_base_not_the_sums() -> None:
    # 'from a year earlier' sets the 4.1% against last year; the median is still 2025's
    found = _salaries(
        "Among postings that listed pay in Q2 2025, the median advertised salary was $168,200, "
        "up 4.1% from a year earlier.\n"
    )
    assert found[168200.0].year == 2025


def test_a_comma_and_inside_brackets_breaks_no_clause() -> None:
    # '(includes tips, bonus, and overtime pay)' is an aside: the level before it is the sum's
    found = _salaries(
        "An entry-level ML engineer can expect to earn an average total compensation "
        "(includes tips, bonus, and overtime pay) of $98,300.\n"
    )
    assert found[98300.0].qualifiers.get("experience_level") == "entry"


def test_a_signed_difference_beside_a_citys_pay_is_no_percentile() -> None:
    html = (
        "<h1>Data Engineer salary</h1><h2>Average salary by location</h2><ul>"
        "<li><span>Leeds</span> <span>£61,200</span> <span>+5%</span></li>"
        "<li><span>Bristol</span> <span>£57,900</span> <span>−2%</span></li></ul>"
    )
    claims = extract_claims(document(html, "text/html"))[0]
    found = {c.value: c.qualifiers.get("statistic") for c in claims if c.kind == "salary"}
    assert found == {61200.0: None, 57900.0: None}


def test_spanish_and_italian_pay_period_adjectives_and_ral() -> None:
    spanish = (
        "<h1>Sueldo de un ingeniero de datos en Chile</h1><h2>Sueldo mensual bruto por nivel"
        "</h2><table><tr><th>Nivel</th><th>Rango (CLP)</th></tr><tr><td>Junior</td>"
        "<td>$1.900.000 – $2.400.000</td></tr></table>"
    )
    italian = "# Stipendio data engineer\n\nLa RAL media di un data engineer è di 41.300 €.\n"
    periods = [
        c.qualifiers.get("pay_period")
        for page, media in ((spanish, "text/html"), (italian, "text/markdown"))
        for c in extract_claims(document(page, media))[0]
        if c.kind == "salary"
    ]
    assert periods == ["monthly", "annual"]


def test_latin_american_levels_and_mexican_cities() -> None:
    page = (
        "<h1>Sueldo de un ingeniero de datos en México</h1><table><tr><th>Nivel</th><th>Rango "
        "mensual (MXN)</th></tr><tr><td>Semi senior (3–5 años)</td><td>$52,000 – $70,000</td>"
        "</tr><tr><td>Líder técnico</td><td>$120,000</td></tr></table><h2>Por ciudad</h2><ul>"
        "<li>Querétaro $49,800 al mes</li><li>Puebla $45,100 al mes</li></ul>"
    )
    claims = extract_claims(document(page, "text/html"))[0]
    found = {
        c.value: (c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    }
    assert found == {
        52000.0: ("mid", None),
        120000.0: ("lead", None),
        49800.0: (None, "Querétaro"),
        45100.0: (None, "Puebla"),
    }


def test_a_comp_threads_record_fields_give_its_pay_role_level_and_city() -> None:
    page = (
        "# Salary sharing thread\n\nsorted by: **best**\n\n**u/someone** · 20 points\n\n"
        "- Title: Senior Data Engineer\n- Location: Dublin\n- YOE: 7\n- Base: €96,000\n"
        "- Bonus: ~€9k\n\n**u/other** · 11 points\n\n- Title: Data Engineer\n- Location: Lyon\n"
        "- YOE: 3\n- Base: €58,000\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    found = [
        (c.value, c.subject, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    ]
    assert found == [
        (96000.0, "data engineer", "senior", "Dublin"),
        (9000.0, "data engineer", "senior", "Dublin"),
        (58000.0, "data engineer", "mid", "Lyon"),
    ]
    assert not [c for c in claims if c.kind == "ranking"]


def test_a_freelancers_earnings_to_date_badge_is_no_pay() -> None:
    found = _salaries("- $82/hr · Top Rated · 98% Job Success · $150K+ earned\n")
    assert sorted(found) == [82.0]


def test_a_median_advertised_base_is_pay() -> None:
    page = (
        "# ML engineer job posts in 2025\n\nVolume first. Median advertised base across posts "
        "that listed a range: $161K.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    assert [(c.value, c.qualifiers.get("component")) for c in claims if c.kind == "salary"] == [
        (161000.0, "base")
    ]


def test_portuguese_and_french_levels_pay_words_and_city_names() -> None:
    page = (
        "# Quanto ganha um engenheiro de dados em Portugal\n\n| Nível | Salário bruto mensal |\n"
        "|---|---|\n| Intermédio | 2.500 € – 3.400 € |\n| Sénior | 3.600 € – 4.900 € |\n\nEm "
        "Lisboa, a mediana sobe para 3.300 € brutos mensais.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    found = {
        c.value: (c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    }
    assert found == {2500.0: ("mid", None), 3600.0: ("senior", None), 3300.0: (None, "Lisboa")}


def test_a_french_team_lead_row_is_lead() -> None:
    page = (
        "# Salaire d'un data engineer au Québec\n\n| Échelon | Fourchette |\n|---|---|\n"
        "| Chef d'équipe technique | à partir de 140 000 $ |\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    levels = [c.qualifiers.get("experience_level") for c in claims if c.kind == "salary"]
    assert levels == ["lead"]


def test_a_portuguese_related_articles_list_is_other_pages() -> None:
    page = (
        "# Quanto ganha um engenheiro de dados\n\nA mediana é de 3.100 € brutos mensais.\n\n"
        "**Artigos relacionados**\n\n- [Recibos verdes ou contrato? Simulação com 4.000 €](/a)\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    assert [c.value for c in claims] == [3100.0]


def test_a_collective_agreements_minimum_is_no_pay() -> None:
    page = (
        "# Senior Data Engineer (m/w/d) in Wien\n\nDas Jahresbruttogehalt beträgt ab € 64.000.\n\n"
        "Zum Vergleich: Der IT-Kollektivvertrag sieht für diese Stufe € 3.980 brutto im Monat "
        "vor.\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    assert [c.value for c in claims] == [64000.0]


def test_the_pay_of_those_paid_under_a_collective_agreement_is_pay() -> None:
    page = (
        "# Gehaltsreport Data Engineer 2025\n\nWer nach Tarifvertrag bezahlt wird, kommt auf "
        "einen Median von 5.410 € im Monat.\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    assert [c.value for c in claims] == [5410.0]


def test_pay_in_the_same_quarter_takes_the_year_a_change_before_it_ends() -> None:
    page = (
        "# Hiring report\n\nPostings for data engineers rose 17% year on year in Q2 2025, while "
        "the median advertised salary for the role reached USD 151,000 in the same quarter.\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.kind == "salary"]
    assert [(c.value, c.year) for c in claims] == [(151000.0, 2025)]


def test_a_rise_over_the_same_peoples_earlier_pay_is_no_change_in_a_roles_pay() -> None:
    page = (
        "# Bootcamp outcomes 2025\n\nGraduates' salaries rose a median 52% compared with what "
        "they earned before the programme.\n\nMedian pay for data engineers rose 5% in 2025.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    assert [c.value for c in claims if c.kind == "growth_rate"] == [5.0]


def test_a_point_of_the_spread_and_a_relative_clause_after_a_second_figure() -> None:
    claims = _salaries(
        "Data scientists show a median of $131,900 and a 90th percentile of $207,300, which "
        "is closer to what senior ML engineers are paid.\n"
    )
    assert {v: (c.subject, c.qualifiers.get("statistic")) for v, c in claims.items()} == {
        131900.0: ("data scientist", "median"),
        207300.0: ("data scientist", "90th percentile"),
    }


def test_a_job_boards_card_gives_the_pay_on_its_terms_line_under_the_title() -> None:
    page = (
        "# ML jobs at startups\n\n### Halden Robotics\n*Series A · 11–50 employees*\n\n"
        "**Senior Machine Learning Engineer, Mapping**\n"
        "Oslo, Norway · Hybrid · €88k – €110k · 0.1% – 0.2%\n\n"
        "Build the mapping models our robots run.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    pay = [(c.value, c.value_high, c.unit) for c in claims if c.kind == "salary"]
    assert pay == [(88000.0, 110000.0, "EUR")]


def test_the_year_a_change_is_measured_against_dates_no_pay() -> None:
    claims = _salaries(
        "The median ML engineer in Johannesburg earns R71 000 a month, up 8% on 2024.\n\n"
        "In 2023 the median ML engineer in Durban earned R60 500 a month, up 6% on 2022.\n"
    )
    assert {value: c.year for value, c in claims.items()} == {71000: None, 60500: 2023}


def test_an_earlier_gap_between_two_pays_is_no_pay_growth() -> None:
    page = (
        "# ML engineer pay\n\nML engineers now earn roughly 38 per cent more than back-end "
        "developers with similar experience, up from a gap of about 22 per cent in 2021.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    assert [c.value for c in claims if c.kind == "growth_rate"] == []
    assert sorted(c.value for c in claims if c.kind == "comparison") == [22.0, 38.0]


def test_a_sum_written_again_in_brackets_in_the_same_currency_is_one_pay() -> None:
    page = (
        "# AI pay in Korea\n\nThe average annual salary of ML engineers at large companies "
        "reached 78.4 million won (7,840만 원) in 2025.\n"
    )
    claims = extract_claims(document(page, "text/markdown"))[0]
    assert [(c.value, c.unit) for c in claims if c.kind == "salary"] == [(78_400_000.0, "KRW")]


def test_a_writer_introduced_over_two_short_sentences_gives_the_pay_its_city_and_level() -> None:
    """'Senior MLE, healthtech, Toronto.' / '7 YOE.' / 'CA$172k base': the intro is said in
    both sentences, its city in the first and its years in the second."""
    doc = document(
        "Ask HN: ML comp outside the Bay Area?\n\n"
        "  Senior MLE, logistics, Montreal. 6 YOE. CA$164k base, 10% bonus target.\n",
        "text/plain",
    )
    assert salary_qualifiers(doc, "city", "experience_level") == {164_000.0: ("Montreal", "senior")}


def test_a_ratio_of_two_sums_and_a_priced_sum_beside_pay_are_no_pay() -> None:
    ratio = "# ML engineer pay report\n\nWomen were paid $0.996 for every $1.00 paid to men."
    assert salary.extract(document(ratio, "text/markdown")) == []
    priced = (
        "# ML engineer pay report\n\nML engineers earn $150,000 a year, and we made "
        "adjustments for 212 employees at a total cost of $1.9 million."
    )
    assert [c.value for c in salary.extract(document(priced, "text/markdown"))] == [150000]


def test_a_sum_inside_an_if_clause_is_a_condition_not_pay() -> None:
    condition = (
        "If you're hiring ML engineers and your band starts at £70k for a mid-level role, "
        "you will lose candidates."
    )
    assert salary.extract(document(condition)) == []
    stated = "If you are a senior ML engineer in London, expect £95,000 a year."
    assert [c.value for c in salary.extract(document(stated))] == [95000]


@pytest.mark.parametrize(
    "sentence",
    [
        "Un ingénieur ML gagne environ 6 000 € de plus par an qu'un data scientist.",
        "Un ingeniero de machine learning gana 8.000 € más al año que un analista.",
        "Ein ML-Ingenieur verdient 9.000 € mehr als ein Data Analyst.",
    ],
)
def test_a_sum_more_than_another_roles_pay_is_no_pay_in_other_languages(sentence: str) -> None:
    assert salary.extract(document(sentence)) == []


def test_the_sum_one_role_out_earned_another_by_is_no_pay() -> None:
    text = (
        "# Tech salary report 2025\n\nThe average salary of machine learning engineers was "
        "$158,400. On average, machine learning engineers out-earned data scientists by $17,120."
    )
    assert [c.value for c in salary.extract(document(text, "text/markdown"))] == [158400]


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("0 à 2 ans", "entry"),
        ("3 à 5 ans", "mid"),
        ("Plus de 10 ans", "senior"),
        ("3 bis 5 Jahre", "mid"),
        ("0-2 anni", "entry"),
        ("moins de 2 ans", "entry"),
    ],
)
def test_years_of_experience_in_other_languages_give_a_level(label: str, level: str) -> None:
    assert years_level(label) == level


def test_an_answers_writer_line_gives_its_own_pay_past_a_first_sentence_of_other_words() -> None:
    page = (
        "How much does a machine learning engineer earn?\n\nPriya R.\n\n"
        "Senior ML Engineer at a fintech in Bengaluru (2019–present) · 6 YOE\n\n"
        "Depends on the company, but I can share my numbers. My CTC is ₹48 LPA.\n\n"
        "Ana K.\n\nData engineer in Lisbon · 3 YOE\n\nFun fact. Prizes this season total $25,000.\n"
    )
    claims = salary.extract(document(page))
    assert [
        (c.value, c.qualifiers.get("experience_level"), c.qualifiers.get("city")) for c in claims
    ] == [(4800000, "senior", "Bengaluru")]


def test_a_fact_rows_pay_stated_per_hour_and_per_year_is_two_salaries() -> None:
    page = (
        "Machine Learning Engineers\n\nWages & Employment Trends\n"
        "  Median wages (2024)               $63.90 hourly, $132,910 annual\n"
        "  State wages                       Local Salary Info\n"
        "  Employment (2024)                 47,300 employees\n"
        "  Projected growth (2024-2034)      Much faster than average\n"
        "  Projected job openings            4,100\n"
    )
    claims = salary.extract(document(page))
    assert [(c.value, c.qualifiers.get("pay_period"), c.year) for c in claims] == [
        (63.9, "hourly", 2024),
        (132910, "annual", 2024),
    ]


def test_a_typical_range_under_a_salary_title_is_the_roles_pay_spread() -> None:
    doc = document(
        "# Data engineer salary in Canada\n\n"
        "The average salary for a data engineer is $98,300 per year in Canada.\n\n"
        "The typical range is $71,900 to $131,400.\n"
    )
    found = {(c.value, c.value_high) for c in salary.extract(doc)}
    assert found == {(98_300, None), (71_900, 131_400)}
    elsewhere = document("# Our plans\n\nThe typical range is $71,900 to $131,400.\n")
    assert salary.extract(elsewhere) == []


def test_a_sum_in_brackets_after_units_of_a_company_is_pay() -> None:
    text = "Machine learning engineers in the research units of Halvard (€91,000 a year) earn more."
    assert {c.value for c in salary.extract(document(text))} == {91_000}


def test_pay_before_an_allowance_and_a_country_s_median_under_a_pay_heading() -> None:
    """'... €5,400 gross per month is common, before the holiday allowance is added': what the
    pay leaves out is no price; 'Across Belgium as a whole, the median is lower at €61,000'
    under '## Salaries' names a country as another sentence names a city."""
    text = (
        "# ML engineer pay in Antwerp\n\n## Salaries in 2025\n\nThe median ML engineer in "
        "Antwerp earns €70,000 a year. A mid-level offer of around €5,400 gross per month is "
        "common, before the holiday allowance is added.\n\nAcross Belgium as a whole, the median "
        "is lower at €61,000.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert {c.value for c in claims} == {70000.0, 5400.0, 61000.0}
    assert next(c for c in claims if c.value == 61000.0).qualifiers["country"] == "Belgium"
    # the fee a course charges is still a price, whatever it leaves out
    priced = text.replace("common, before the holiday allowance", "common before the course fee")
    claims = extract_claims(document(priced, "text/markdown"))[0]
    assert 5400.0 not in {c.value for c in claims if c.kind == "salary"}


def test_a_pay_period_the_sentence_opens_with_is_every_sum_s_of_its_run() -> None:
    """'average monthly salaries stood at R$ 14.500 for ML engineers, R$ 12.100 for data
    scientists and R$ 2.900 for annotators': the opening's period is each role's; a sum too
    small for it, or after an opening whose period is not the first sum's, is given none."""
    text = (
        "# AI pay in Brazil\n\nIn 2025, average monthly salaries stood at R$ 14.500 for ML "
        "engineers, R$ 12.100 for data scientists and R$ 2.900 for data annotators.\n"
    )
    claims = [c for c in extract_claims(document(text, "text/markdown"))[0] if c.kind == "salary"]
    assert {c.subject: c.qualifiers.get("pay_period") for c in claims} == {
        "machine learning engineer": "monthly",
        "data scientist": "monthly",
        "data annotator": "monthly",
    }
    own = text.replace("R$ 14.500 for", "R$ 160.000 a year for")
    claims = [c for c in extract_claims(document(own, "text/markdown"))[0] if c.kind == "salary"]
    assert {c.subject: c.qualifiers.get("pay_period") for c in claims}["data scientist"] is None


def test_every_line_of_a_post_s_pay_goes_on_from_the_line_introducing_its_writer() -> None:
    """'MLE at a bank in Chicago, 3 YOE. All numbers pre-tax.' over 'Base $158k', 'Bonus ~15k',
    'RSUs ~40k/yr', 'TC around 213k': the last lines are the writer's too, past the lines of
    pay before them."""
    post = (
        "MLE at a bank in Chicago, 3 YOE. All numbers pre-tax.\n  Base $158k\n  Bonus ~15k\n"
        "  RSUs ~40k/yr\n  TC around 213k\nThe bonus is a target.\n"
    )
    page = f"Pay thread\n\n{post}"
    claims = [c for c in extract_claims(document(page, "text/plain"))[0] if c.kind == "salary"]
    assert {
        c.value: (c.qualifiers.get("experience_level"), c.qualifiers.get("city")) for c in claims
    } == {
        158000.0: ("mid", "Chicago"),
        15000.0: ("mid", "Chicago"),
        40000.0: ("mid", "Chicago"),
        213000.0: ("mid", "Chicago"),
    }


def test_rupees_written_rs_on_a_pakistani_page_are_pakistani() -> None:
    """'Rs. 90,000–140,000/month' under 'ML engineer salary in Pakistan' is PKR; on an Indian
    page that names Pakistan once ('... more than in Pakistan'), 'Rs 9 lakh' stays INR."""
    pakistani = (
        "# Machine Learning Engineer Salary in Pakistan\n\n"
        "- Freshers (0–1 years): Rs. 90,000–140,000/month\n- Seniors: Rs 400,000/month\n"
    )
    claims = [c for c in extract_claims(document(pakistani, "text/markdown"))[0]]
    assert {c.unit for c in claims if c.kind == "salary"} == {"PKR"}
    indian = (
        "# Machine Learning Engineer Salary in India\n\nIndian ML engineers in Pune earn Rs 9 "
        "lakh a year, more than their peers in Pakistan, and Indian seniors earn Rs 30 lakh.\n"
    )
    claims = [c for c in extract_claims(document(indian, "text/markdown"))[0]]
    assert {c.unit for c in claims if c.kind == "salary"} == {"INR"}


def test_a_price_word_past_the_comma_after_a_post_s_pay_prices_nothing() -> None:
    """'28,000 PLN net per month, no equity, 26 days of unpaid leave that I budget for myself'
    under the writer's line: 'budget' after the sum's comma is the writer's own; a price
    word before that comma still makes the sum a price."""
    post = (
        "Comp thread\n\nMid MLE, Kraków, Poland, 4 YOE, B2B contract.\n28,000 PLN net per "
        "month, no equity, 26 days of unpaid leave that I budget for myself.\n"
    )
    claims = [c for c in extract_claims(document(post, "text/plain"))[0] if c.kind == "salary"]
    assert [(c.value, c.unit, c.qualifiers.get("city")) for c in claims] == [
        (28000.0, "PLN", "Kraków")
    ]
    priced = post.replace("28,000 PLN net per month,", "28,000 PLN is the course budget,")
    claims = [c for c in extract_claims(document(priced, "text/plain"))[0] if c.kind == "salary"]
    assert claims == []


def test_a_fact_row_s_sum_restated_in_brackets_is_one_salary() -> None:
    """'Average annual pay ........ 742万円 (about ¥7.42 million)': one sum written twice."""
    page = (
        "ML ENGINEER PAY SURVEY, JAPAN\n\nKEY FIGURES\n"
        "  Average annual pay ............ 742万円 (about ¥7.42 million)\n"
        "  Average monthly base pay ...... 46.5万円\n"
        "  Bonus ......................... 4.1 months of base pay\n"
        "  Change in average pay ......... +4.6%\n"
    )
    claims = [c for c in salary.extract(document(page, "text/plain"))]
    assert sorted((c.value, c.unit) for c in claims) == [(465000.0, "JPY"), (7420000.0, "JPY")]


def test_a_change_set_right_after_a_sum_of_pay_is_that_pay_s_growth() -> None:
    """'The national median for a mid-level ML engineer is now €81,000, up 5.5% on a year
    earlier' under a pay title: the pay's growth, not job demand; a market's sum and its
    change stay the market's."""
    page = (
        "# Machine learning engineer pay in Ireland\n\nThe national median for a mid-level ML "
        "engineer is now €81,000, up 5.5% on a year earlier.\n\nThe global machine learning "
        "market was worth $50 billion in 2024, up 30% on a year earlier.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    found = {(c.kind, c.subject, c.value) for c in claims if c.value in (5.5, 30.0)}
    assert found == {
        ("growth_rate", "machine learning engineer", 5.5),
        ("growth_rate", "global machine learning market", 30.0),
    }
    raise_ = next(c for c in claims if c.value == 5.5)
    assert raise_.qualifiers.get("measure") == "salary" or raise_.attribute == "salary_growth"


def test_sums_after_a_price_in_their_paragraph_are_no_pay_unless_they_say_so() -> None:
    """'Our 14-week Bootcamp starts 6 October. £3,250, or £271 a month.' on a salary page: the
    course's price; 'Graduates of it are paid £48,000' in such a paragraph says pay."""
    page = (
        "# Machine learning engineer salary in the UK\n\n"
        "Our 14-week Bootcamp starts 6 October. £3,250, or £271 a month.\n\n"
        "Our 14-week Bootcamp starts 6 October. Its graduates are paid £48,000 on average.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [48000.0]


def test_sums_paid_under_a_heading_of_prices_are_no_pay() -> None:
    """'ZAR 38,000 paid in full, or ZAR 7,000 a month over six months' under '## Fees' on a
    course's outcomes page: the course's price; a graduate's pay under '## Graduate pay'
    stays, and so does pay a team's posting offers under its name ('Data Engineer, Pricing') and a
    role's pay under an employer's '## Costs'."""
    page = (
        "# Course outcomes 2025\n\n## Fees\n\n"
        "ZAR 38,000 paid in full, or ZAR 7,000 a month over six months.\n\n"
        "## Graduate pay\n\nGraduates working as data engineers were paid ZAR 31,000 a month.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [31000.0]
    posting = "# Data Engineer, Pricing\n\nWe offer €84,000 a year to the right person.\n"
    claims, _ = extract_claims(document(posting, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [84000.0]
    guide = (
        "# Hiring data engineers\n\n## Costs\n\nExpect to pay a senior data engineer $150,000.\n"
    )
    claims, _ = extract_claims(document(guide, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [150000.0]


def test_a_course_advert_in_spanish_on_a_salary_page_prices_no_pay() -> None:
    """'Curso de MLOps (12 semanas), COP 2.400.000 o 6 cuotas sin intereses' under a salary
    guide: a course's price in Spanish, not pay; 'en el año en curso' prices nothing."""
    page = (
        "# Salario de un ingeniero de machine learning en Colombia\n\n"
        "El salario medio de un ingeniero de machine learning es de COP 9.800.000 al mes.\n\n"
        "> **Curso de MLOps** (12 semanas), COP 2.400.000 o 6 cuotas sin intereses.\n\n"
        "En el año en curso, un ingeniero de machine learning senior gana COP 14.500.000 al mes.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [9800000.0, 14500000.0]


def test_a_post_header_s_years_after_yoe_give_the_post_s_pay_its_level() -> None:
    """'[Company]  Data Eng  |  Denver, CO  |  YOE 7' over the post: the years written after
    their abbreviation give the level of every sum in the post, and the header its city."""
    page = (
        "Offer thread: data engineers, spring 2026\n\n"
        "----\n[Quarrybank]  Data Eng  |  Denver, CO  |  YOE 7\n"
        "Base 171k, bonus ~20k. Remote two days a week.\n\n"
        "----\n[Tidewell]  Data Engineer  |  Columbus, OH  |  YOE 1\n"
        "Base 104k, no bonus.\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    levels = {
        c.value: (c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    }
    assert levels == {
        171000.0: ("senior", "Denver"),
        20000.0: ("senior", "Denver"),
        104000.0: ("junior", "Columbus"),
    }


def test_a_posting_s_band_for_another_city_is_pay_there() -> None:
    """'For candidates based in Cork, the band is €72,000 – €86,000': a posting's second band,
    in the city it names."""
    page = (
        "# Senior Data Engineer, Payments\n\nDublin, Ireland · Hybrid · Full-time\n\n"
        "€80,000 – €95,000 per year. For candidates based in Cork, the band is €72,000 – "
        "€86,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {(c.value, c.value_high, c.qualifiers.get("city")) for c in claims if c.kind == "salary"}
    assert pay == {(80000.0, 95000.0, "Dublin"), (72000.0, 86000.0, "Cork")}


def test_pay_for_all_occupations_is_the_baseline_s_not_the_page_role_s() -> None:
    page = (
        "# Data Scientists\n\nThe median annual wage for data scientists was $112,590 in May "
        "2024.\n\nThe median annual wage for all occupations was $49,500 in May 2024.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {c.value: c.subject for c in claims if c.kind == "salary"}
    assert pay == {112590.0: "data scientist", 49500.0: "all occupations"}


def test_pay_for_all_full_time_employees_is_the_baseline_s_not_the_page_role_s() -> None:
    """'This compares with ... £36,900 for all full-time employees': the economy's pay."""
    page = (
        "# Earnings: data engineers\n\nMedian gross annual earnings for full-time data "
        "engineers were £58,200 in April 2025.\n\nThis compares with median gross annual "
        "earnings of £36,900 for all full-time employees.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {c.value: c.subject for c in claims if c.kind == "salary"}
    assert pay == {58200.0: "data engineer", 36900.0: "all full-time employees"}


def test_a_change_after_a_colon_that_counts_jobs_is_no_pay_rise() -> None:
    page = (
        "# Data engineers in Spain, 2025\n\nHiring has outpaced pay: open data engineer "
        "positions on Spanish job boards reached 9,800 in May 2025, up 23% from May 2024.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    change = next(c for c in claims if c.value == 23.0)
    assert change.kind == "job_demand"


def test_a_heading_s_field_of_years_gives_the_pay_under_it_its_level() -> None:
    page = (
        "# The data engineer career path\n\n## Stage 2 · 2–4 years · Data Engineer II\n\n"
        "Base $128K – $150K · median total comp $161K\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    levels = {c.value: c.qualifiers.get("experience_level") for c in claims if c.kind == "salary"}
    assert levels == {128000.0: "junior", 161000.0: "junior"}


@pytest.mark.parametrize(
    ("words", "change"), [("a 14% rise on a year earlier", 14.0), ("a 3% drop on 2024", -3.0)]
)
def test_a_change_set_after_a_sum_as_a_rise_or_a_drop_is_that_pay_s(
    words: str, change: float
) -> None:
    page = (
        "# Pay report 2025\n\nThe median salary for data engineers in Oslo moved to NOK 690,000, "
        f"{words}.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    (growth,) = [c for c in claims if c.kind == "growth_rate"]
    assert (growth.value, growth.subject) == (change, "data engineer")


def test_a_minimum_a_rule_sets_on_pay_is_no_salary() -> None:
    page = (
        "# Dutch ML pay 2026\n\nML engineers in Amsterdam earn a median €6,400 a month. Highly "
        "skilled migrants aged 30 and over must earn at least €5,810 gross per month.\n"
    )
    doc = document(page, "text/markdown")
    claims, _ = extract_claims(doc)
    assert [c.value for c in claims if c.kind == "salary"] == [6400.0]
    assert any(s.reason == "threshold" for s in salary.skipped(doc))


def test_the_last_label_of_a_run_of_levelled_sums_is_its_own_level_not_the_runs_first() -> None:
    page = (
        "# Data engineer pay in Ireland\n\n"
        "Typical base salary by title: junior €52,000, senior €84,000, lead €101,000.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    levels = [
        (c.value, c.qualifiers.get("experience_level"))
        for c in extract_claims(doc)[0]
        if c.kind == "salary"
    ]
    assert levels == [(52000.0, "junior"), (84000.0, "senior"), (101000.0, "lead")]


def test_a_guides_foreign_salary_adjective_in_its_title_frames_a_list_of_city_sums() -> None:
    page = (
        "# Guía Salarial 2026: Data Engineer (México)\n\n"
        "## By city (senior, median)\n\n- Monterrey: MXN 78,000\n- Guadalajara: MXN 71,000\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert [
        (c.value, c.qualifiers.get("city")) for c in extract_claims(doc)[0] if c.kind == "salary"
    ] == [(78_000.0, "Monterrey"), (71_000.0, "Guadalajara")]


def _thread_pay(page: str) -> list[tuple[str, float, str | None, str | None, str | None]]:
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    return [
        (c.subject, c.value, c.unit, c.qualifiers.get("city"), c.qualifiers.get("experience_level"))
        for c in extract_claims(doc)[0]
        if c.kind == "salary"
    ]


THREAD = (
    "# Should I move into data engineering?\n\n---\n\n"
    "**kettle_io** · Frontend developer at a bank in Dallas, 5 YOE · Member since 2020\n\n"
    "I make $131k base and want a change. Which tools first?\n\n---\n\n"
    "**pipes_pat** · Senior data engineer at a retailer in Atlanta, 9 YOE · Member since 2017\n\n"
    "Go for it, the work is steady and the teams are friendly.\n\n"
    "My TC is $212k: base 176k, bonus 14k.\n\n---\n\n"
    "**maple_de** · Recruiter, Vancouver · Member since 2015\n\n"
    "Base for mid-level data engineers in Vancouver is CA$118–135k right now.\n"
)


def test_a_threads_posts_pay_is_each_writers_in_their_role_city_and_dollar() -> None:
    pay = _thread_pay(THREAD)
    # the writer's own role, though the page is about another
    assert ("frontend developer", 131_000.0, "USD", "Dallas", "mid") in pay
    # a writer line two paragraphs up still introduces the post's pay; its bare 'k' sums are
    # the writer's city's dollars, though the thread's one 'CA$' made the page's '$' Canadian
    assert ("data engineer", 212_000.0, "USD", "Atlanta", "senior") in pay
    assert ("data engineer", 176_000.0, "USD", "Atlanta", "senior") in pay
    # 'Base for <level> <role> ... is <sum>' states that pay without a pay word
    assert ("data engineer", 118_000.0, "CAD", "Vancouver", "mid") in pay


def test_a_rule_between_posts_ends_a_writers_line() -> None:
    page = THREAD.replace(
        "Go for it, the work is steady and the teams are friendly.\n\n", "---\n\n"
    )
    pay = _thread_pay(page)
    assert not any(p[1] == 212_000.0 and p[3] == "Atlanta" for p in pay)


def test_a_currency_code_ending_a_wrapped_line_belongs_to_the_figure_opening_the_next() -> None:
    page = (
        "Data talent in Austria\n\n"
        "In 2025 the median data engineer earned EUR\n"
        "61,800 gross per year.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    assert [(c.value, c.unit) for c in extract_claims(doc)[0] if c.kind == "salary"] == [
        (61_800.0, "EUR")
    ]


def test_a_writers_own_pay_in_two_cities_takes_the_level_their_intro_gives() -> None:
    page = (
        "# Dublin or Madrid?\n\n"
        "Data engineer, 3 YOE. I moved from Dublin to Madrid in May. My Dublin base was €70k; "
        "in Madrid I get €52k.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    pay = [
        (c.value, c.qualifiers.get("city"), c.qualifiers.get("experience_level"))
        for c in extract_claims(doc)[0]
        if c.kind == "salary"
    ]
    assert pay == [(70_000.0, "Dublin", "mid"), (52_000.0, "Madrid", "mid")]


def test_an_outlier_thrown_out_before_the_figures_is_no_pay() -> None:
    page = (
        "# Data engineer pay, 2026\n\n"
        "After throwing out bots and the reader who claimed a $7 million base, here is what "
        "data engineers were paid: a median of $148,000.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert [c.value for c in extract_claims(doc)[0] if c.kind == "salary"] == [148_000.0]


def test_a_bonus_target_is_a_part_of_pay_and_a_sign_on_bonus_is_not() -> None:
    page = (
        "# Senior Data Engineer\n\n"
        "The base salary range is €84,000–€101,000 per year, plus a yearly bonus target of "
        "€9,000. A sign-on bonus of €6,000 is paid after three months.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    pay = {
        (c.value, c.qualifiers.get("component"))
        for c in extract_claims(doc)[0]
        if c.kind == "salary"
    }
    assert (9_000.0, "bonus") in pay
    assert 6_000.0 not in {value for value, _ in pay}


def test_pay_in_cities_across_africa_is_placed_in_their_countries() -> None:
    """Cedis are a currency; Kumasi, Ibadan and Gqeberha are cities of their countries."""
    page = (
        "# What ML engineers earn in Africa, 2026\n\n"
        "- ML engineers in Kumasi earn a median GH₵ 9,800 a month.\n"
        "- In Ibadan the median is ₦1.1m a month.\n"
        "- Gqeberha pays a median R48,000 a month.\n"
    )
    read = {
        (c.unit, c.qualifiers.get("city"), c.qualifiers.get("country"))
        for c in numeric_claims(document(page, "text/markdown"))
        if c.kind == "salary"
    }
    assert read == {
        ("GHS", "Kumasi", "Ghana"),
        ("NGN", "Ibadan", "Nigeria"),
        ("ZAR", "Gqeberha", "South Africa"),
    }


def test_list_items_under_a_lead_in_naming_the_pay_part_and_period_are_pay() -> None:
    """'Figures from the Belgian market today, gross base per year:' names no pay word, yet
    says what the sums under it are; its earlier sentence's 2021 dates none of them."""
    page = (
        "<html><body><h1>Is a move from analytics to ML engineering worth it?</h1>"
        "<p>I moved across in 2021. Figures from the Belgian market today, gross base per "
        "year:</p><ul><li>Junior ML engineer (0–2 yrs): around €46k</li>"
        "<li>Mid-level ML engineer (3–5 yrs): €61k–€74k</li></ul></body></html>"
    )
    pay = {
        (c.value, c.value_high, c.qualifiers.get("experience_level"), c.year)
        for c in numeric_claims(document(page, "text/html"))
        if c.kind == "salary"
    }
    assert pay == {(46000.0, None, "junior", None), (61000.0, 74000.0, "mid", None)}


def test_a_pay_change_goes_on_for_the_next_roles_in_their_own_clauses() -> None:
    """'... median pay for ML engineers rose 4.8%, while data engineers gained 3.3% and
    analysts slipped 1.2%': each role's pay changed; none is a change in hiring."""
    page = (
        "# Pay moves in 2026\n\nOver the year, median pay for ML engineers rose 4.8%, while "
        "data engineers gained 3.3% and data analysts slipped 1.2%.\n"
    )
    claims = numeric_claims(document(page, "text/markdown"))
    changes = {(c.kind, c.subject, c.value) for c in claims if c.unit == "percent"}
    assert changes == {
        ("growth_rate", "machine learning engineer", 4.8),
        ("growth_rate", "data engineer", 3.3),
        ("growth_rate", "data analyst", -1.2),
    }


def test_a_worked_tax_example_states_no_pay() -> None:
    """'On 60.000 € you will pay ...' and 'Example: € 4.500 bruto ≈ € 3.200 netto' work a sum
    through; the sentence that states pay stays pay."""
    page = (
        "# ML engineer salaries in Portugal\n\nA mid-level ML engineer earns €46,000 a year.\n\n"
        "On 60.000 € you will pay roughly 35% in IRS.\n\n"
        "Example: € 4.500 bruto ≈ € 3.200 netto per month.\n"
    )
    pay = [c.value for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    assert pay == [46000.0]


def test_a_second_change_of_the_same_pay_in_another_currency_is_pay_growth() -> None:
    """'... rose 41% in cedi terms in 2025, but fell 17% in dollar terms': both changes are of
    the same pay."""
    page = (
        "# Tech pay in Ghana\n\n- Data engineer pay in Ghana rose 41% in cedi terms in 2025, but "
        "fell 17% in dollar terms.\n"
    )
    changes = {
        (c.kind, c.value)
        for c in numeric_claims(document(page, "text/markdown"))
        if c.unit == "percent"
    }
    assert changes == {("growth_rate", 41.0), ("growth_rate", -17.0)}


def test_a_bonus_a_statistic_sums_up_or_named_alone_is_pay_a_signing_bonus_is_not() -> None:
    """'a median bonus of JPY 1.6m' and 'plus a bonus of $16,000' are a part of the yearly pay;
    'a signing bonus of $10,000' is paid once, a benefit."""
    page = (
        "# ML engineer pay report\n\nTokyo. The mid-level offers we brokered in 2025 carried a "
        "median bonus of JPY 1.6m.\n\nIn Austin, senior ML engineers earn a base of $180,000 "
        "plus a bonus of $16,000. We also offer a signing bonus of $10,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {(c.value, c.unit, c.qualifiers.get("component")) for c in claims if c.kind == "salary"}
    assert pay == {
        (1600000.0, "JPY", "bonus"),
        (180000.0, "USD", "base"),
        (16000.0, "USD", "bonus"),
    }


def test_a_pay_change_goes_on_for_the_next_place_each_change_its_own_city() -> None:
    """'base salaries in Dublin rose 5.1% in 2025, while Lisbon rose 2.8%': two pay changes,
    Dublin's and Lisbon's; the second is no change in hiring."""
    page = (
        "# ML engineer salary guide\n\nOur placement data show that ML engineer base salaries "
        "in Dublin rose 5.1% in 2025, while Lisbon rose 2.8%.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    found = {(c.kind, c.value, c.qualifiers.get("city")) for c in claims if c.value is not None}
    assert found == {("growth_rate", 5.1, "Dublin"), ("growth_rate", 2.8, "Lisbon")}


def test_india_s_median_hike_and_appraisals_are_pay_rises() -> None:
    """'negotiated a median hike of 30% on their current CTC; appraisals for those who stayed
    averaged 8.5%': two changes in pay; 'a hike of 20%' in postings is none."""
    page = (
        "# Data engineer CTC benchmark India\n\nData engineers who switched jobs in 2025 "
        "negotiated a median hike of 30% on their current CTC; appraisals for those who stayed "
        "averaged 8.5%. Postings saw a hike of 20%.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    rises = {(c.subject, c.value) for c in claims if c.kind == "growth_rate"}
    assert rises == {("data engineer", 30.0), ("data engineer", 8.5)}


def test_a_sum_given_again_in_another_currency_in_brackets_is_the_same_pay() -> None:
    """'**¥8.1 million (810万円)** (≈ USD 54,100 at ¥149.6/$)': one pay, written twice in yen
    and once converted; 'CHF 120,000 and €88,000' are two."""
    page = (
        "# Data scientist salary in Japan\n\nThe average annual salary is **¥8.1 million "
        "(810万円)** (≈ USD 54,100 at ¥149.6/$). Offers in Zurich and Berlin were CHF 120,000 "
        "and €88,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = sorted((c.unit, c.value) for c in claims if c.kind == "salary")
    assert pay == [("CHF", 120000.0), ("EUR", 88000.0), ("JPY", 8100000.0)]


def test_a_benefit_named_in_another_language_before_its_worth_is_no_pay() -> None:
    """'vale-refeição of around R$ 1.200 a month' (a meal voucher's worth): a benefit, even
    with letters outside a-z in its name; 'R$ 18.500 a month' is pay."""
    page = (
        "# Salário de ML engineer no Brasil\n\nML engineers earn R$ 18.500 a month on CLT. "
        "Benefits usually add vale-refeição of around R$ 1.200 a month and a health plan.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [18500.0]


def test_a_thread_s_scope_line_in_any_currency_gives_its_posters_bare_thousands() -> None:
    """'All figures in SEK, gross per month' opens a Stockholm thread: each post's bare 'k'
    is in kronor, even beside a poster's 'a Dutch bank' (where the firm is from, not the
    money), and is pay when it says so by itself: '38k gross', '52k/month', an 'offered 41k',
    or a sum standing alone after the poster's 'YOE' line. A company car's monthly value in
    brackets is no pay."""
    page = (
        "Pay thread 2026\n\nAll figures in SEK, gross per month, unless stated.\n\n"
        "#1 Data engineer in Stockholm, 4 YOE.\n38k gross, bonus once a year.\n\n"
        "#2 Senior data engineer at a Dutch bank, Gothenburg, 8 YOE.\nNow 52k/month.\n\n"
        "#3 New grad, Uppsala: offered 41k at a startup.\n\n"
        "#4 Junior data engineer in Malmö, 1 YOE. 33k.\n\n"
        "#5 Lead, platform team, 11 YOE: 71k + car (6.5k/month taxable value).\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    pay = sorted((c.value, c.unit) for c in claims if c.kind == "salary")
    assert pay == [
        (33000.0, "SEK"),
        (38000.0, "SEK"),
        (41000.0, "SEK"),
        (52000.0, "SEK"),
        (71000.0, "SEK"),
    ]


def test_a_career_timeline_under_a_scope_line_gives_each_year_its_pay() -> None:
    """A post's 'All figures are gross annual.' says its sums are pay: each line of the
    timeline under it ('2021 — Junior data engineer, retail, Lyon: €29,000'), long or short,
    is that year's pay for its role, level and city. Without the scope line the sums name no
    pay and are not read."""
    page = (
        "Camille Moreau • 1st\nStaff Data Engineer at Lumio | Speaker\nLyon, France · 2d\n\n"
        "People ask me every week how I got here, so here is the whole path with real "
        "numbers, one line a year. All figures are gross annual.\n\n"
        "2021 — Junior data engineer, retail group, Lyon: €29,000\n"
        "2022 — Junior data engineer, same group, Lyon, after moving teams: €33,500\n"
        "2024 — Mid-level data engineer, logistics start-up, Paris: €51,000 + €4,000 bonus\n"
        "2026 — Senior data engineer, same insurer, Paris, after a promotion and a move to "
        "the platform team: €68,000\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    pay = sorted(
        (c.year, c.value, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in claims
        if c.kind == "salary"
    )
    assert pay == [
        (2021, 29000.0, "junior", "Lyon"),
        (2022, 33500.0, "junior", "Lyon"),
        (2024, 4000.0, "mid", "Paris"),
        (2024, 51000.0, "mid", "Paris"),
        (2026, 68000.0, "senior", "Paris"),
    ]
    unscoped = page.replace(" All figures are gross annual.", "")
    claims, _ = extract_claims(document(unscoped, "text/plain"))
    assert not [c for c in claims if c.kind == "salary"]


def test_a_section_titled_by_a_job_title_beyond_the_vocabulary_gives_its_pay_that_title() -> None:
    """'## Wind Turbine Technician' over 'The median base salary is €44,000.' on a page about
    ML engineers: the pay is the section's title's, not the page's role's."""
    page = (
        "# Machine learning engineers and the other jobs growing in Denmark\n\n"
        "## Wind Turbine Technician\n\nThe median base salary is €44,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "salary"] == [
        ("wind turbine technician", 44000.0)
    ]


def test_a_statistic_alone_changing_right_after_pay_is_that_pay_s_change() -> None:
    """'The median is up 6.1% from £3,100 for the 2024 cohort.' after a sentence of monthly
    pay: a rise of that pay, and the level it rose from is pay too; 'The average rose 9,2% over
    the past year' under a pay tile likewise. 'The median age rose 2%' is no pay."""
    page = (
        "# Data analysts: graduate outcomes\n\nMonthly pay of employed graduates runs from "
        "£2,700 to £3,900. The median is up 6.1% from £3,100 for the 2024 cohort.\n\n"
        "Average salary: R$ 9.300\n\nThe average rose 9,2% over the past year.\n\n"
        "The median age rose 2% over the same period.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    rises = sorted(c.value for c in claims if c.kind == "growth_rate")
    assert rises == [6.1, 9.2]
    assert 3100.0 in {c.value for c in claims if c.kind == "salary"}


def test_a_pay_page_s_range_tile_is_the_spread_of_its_pay() -> None:
    """'Range' / 'R$ 9.400 – R$ 27.300' among a salary page's tiles, with or without a colon:
    the spread of the role's pay, as 'Salary range' is."""
    page = (
        "# Data Engineer salary in Brazil\n\nAverage salary R$ 12.300\n\n"
        "Range R$ 7.100 – R$ 19.800\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {(c.value, c.value_high, c.qualifiers.get("statistic")) for c in claims}
    assert pay == {(12300.0, None, "average"), (7100.0, 19800.0, "range")}


def test_list_items_labelled_by_major_cities_of_many_countries_are_placed() -> None:
    """Pay by city, where the cities are the main ones of their countries ('Haifa', 'Da Nang',
    'Busan', 'Cluj-Napoca'): each is the figure's city and puts it in its country, not a
    company's name."""
    page = (
        "# Data engineer pay by city, 2026\n\nAverage monthly salary by city:\n\n"
        "- Haifa: ₪31,000\n- Da Nang: USD 1,400\n- Busan: ₩4,100,000\n- Cluj-Napoca: RON 14,500\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    placed = {
        (c.qualifiers.get("city"), c.qualifiers.get("country"), "company" in c.qualifiers)
        for c in claims
        if c.kind == "salary"
    }
    assert placed == {
        ("Haifa", "Israel", False),
        ("Da Nang", "Vietnam", False),
        ("Busan", "South Korea", False),
        ("Cluj-Napoca", "Romania", False),
    }


def test_a_statistic_word_right_before_the_sum_names_it() -> None:
    """'Unternehmen ... zahlen im Median 78.000 Euro' under a heading of pay: the median pay of
    the page's role; 'Tokyo: median ¥8,200,000 per year' is a median too."""
    page = (
        "Data Engineer Gehaltsreport 2025\n\nGEHALT NACH UNTERNEHMENSGRÖSSE\nUnternehmen mit "
        "mehr als 1.000 Beschäftigten zahlen im Median 71.000 Euro,\nFirmen mit weniger als 100 "
        "Beschäftigten 58.500 Euro.\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    assert {(c.value, c.qualifiers.get("statistic")) for c in claims if c.kind == "salary"} == {
        (71000.0, "median"),
        (58500.0, "median"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The US added 12k net new data engineer jobs in 2024.",
        "Our newsletter for data engineers now has 41k net subscribers.",
        "The programme has offered 3k scholarships to data engineers.",
        "How many data engineers read last year's salary report? 23k.",
        "The data engineer salary calculator gets 50k/month unique visitors.",
        "There are roughly 2k a month new data engineer openings in Texas.",
    ],
)
def test_bare_thousands_that_count_something_are_no_pay(sentence: str) -> None:
    """On a pay page, a bare 'k' figure that counts what follows it ('12k net new jobs', '50k/
    month unique visitors', 'offered 3k scholarships') or answers a question is no salary."""
    page = "# Data Engineer Salary in the US\n\nThe median data engineer earns $148,000.\n\n"
    page += f"{sentence}\n"
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [148000.0]


def test_a_scope_line_frames_a_timeline_s_labelled_sums_not_every_sum_on_the_page() -> None:
    """Under 'All figures are gross annual.', a funding round, a prize, a bill and a grant the
    page names beside a role are no pay; the timeline's labelled sums are, and so is a sum its
    sentence calls a median base."""
    page = (
        "Aiko Tanaka • 1st\n\nPeople ask me every week how I got here, so here is the whole path "
        "with real numbers, one line a year. All figures are gross annual.\n\n"
        "2023 — Junior data engineer, retail, Osaka: €41,000\n"
        "2025 — Senior data engineer, after a promotion and a move to a new platform team: "
        "€66,000\n\nThe start-up I joined closed a $12 million Series A in 2024. Senior data "
        "engineers at the lab shared a $50,000 prize. Each senior data engineer gets a "
        "home-office grant of €2,500 a year.\n\nA senior data engineer's cloud GPU bill runs to "
        "about $24,000 a year.\n\nFrom what peers tell me, median senior base at the big banks "
        "is now around €88,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    assert sorted(c.value for c in claims if c.kind == "salary") == [41000.0, 66000.0, 88000.0]


def test_a_bare_sum_takes_the_currency_of_the_place_on_its_own_line_before_a_scope_line() -> None:
    """A thread scoped 'All numbers in SEK' whose poster writes '90k gross per year' on a line
    naming Berlin is paid in euros; a scope line 'Numbers in R are ...' about the language
    names no rand."""
    page = (
        "Pay thread 2026\n\nAll numbers in SEK, gross per month, unless stated.\n\n"
        "#1 Data engineer in Stockholm, 4 YOE.\n38k gross, bonus once a year.\n\n"
        "#2 Moved to Berlin last year, senior data engineer, 90k gross per year.\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    assert {(c.value, c.unit) for c in claims if c.kind == "salary"} == {
        (38000.0, "SEK"),
        (90000.0, "EUR"),
    }
    language = (
        "# Data engineer pay notes\n\nNumbers in R are stored as doubles unless you say "
        "otherwise, so check your types.\n\nLast year a junior data engineer in Austin was 95k "
        "base.\n"
    )
    claims, _ = extract_claims(document(language, "text/markdown"))
    assert [c.unit for c in claims if c.kind == "salary"] == ["USD"]


@pytest.mark.parametrize(
    ("page", "media_type"),
    [
        ("Con tanta demanda, un ingeniero de datos gana de media 48.000 € al año.", "markdown"),
        (
            "Viele Teams leiden unter Stress; ein Data Engineer verdient 68.000 € brutto.",
            "markdown",
        ),
        ("Wer Python kann, kommt zum Zug: ein Data Engineer verdient 68.000 € brutto.", "markdown"),
        ("Data engineers in Bergen County, New Jersey earn $151,000 per year.", "markdown"),
        ("Data engineers earn $150,000, according to Cleveland, who leads hiring.", "markdown"),
    ],
)
def test_words_and_names_that_are_also_cities_place_no_pay(page: str, media_type: str) -> None:
    """'tanta' (Spanish 'so much'), 'leiden' and 'Zug' (German words), 'Bergen County' and a
    person called Cleveland put no pay in a city."""
    claims, _ = extract_claims(document(f"# Data engineer pay\n\n{page}\n", f"text/{media_type}"))
    pay = [c for c in claims if c.kind == "salary"]
    assert pay and not [c for c in pay if "city" in c.qualifiers]


def test_a_statistic_alone_after_a_price_or_a_count_of_days_is_no_pay_change() -> None:
    """'The average is up 20% from $13,750' after a bootcamp's price, and 'The median rose 12%'
    after days to fill a role, change no pay."""
    page = (
        "# Data Engineer Salary Guide\n\nThe median data engineer earns $148,000.\n\nA 12-week "
        "bootcamp now charges $16,500 on average. The average is up 20% from $13,750 in 2022.\n\n"
        "Employers take a median of 44 days to fill a data engineer role. The median rose 12% "
        "from 2023.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind in ("salary", "growth_rate")] == [148000.0]


def test_level_headings_of_a_bare_title_head_keep_the_page_s_role() -> None:
    """'## Senior Engineer' and '## Staff Engineer' on a page of data engineer pay by level are
    levels of the page's role, not roles of their own."""
    page = (
        "# Data Engineer Salary by Level\n\n## Junior Engineer\n\nThe median base salary is "
        "$112,000.\n\n## Staff Engineer\n\nThe median base salary is $221,000.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert {c.subject for c in claims if c.kind == "salary"} == {"data engineer"}


def test_a_range_tile_under_another_heading_is_no_pay() -> None:
    """'Range' / '$1,650 – $2,400' under '## Rent for a one-bedroom near downtown' on a pay
    page is a range of rents."""
    page = (
        "# Data Engineer Salary in Denver\n\nAverage salary $139,000\n\n## Rent for a one-bedroom "
        "near downtown\n\nRange $1,650 – $2,400\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [c.value for c in claims if c.kind == "salary"] == [139000.0]


def test_a_scope_line_frames_a_card_s_opening_sum_and_a_sum_paid_per_year() -> None:
    """Under a page's 'All figures are gross annual salaries.', a job card's line that opens
    with its sum ('$98,000 – $120,000 MXN/mes + bono') and a sentence's sum paid per year
    ('engineers at Durban banks sign for R1.1m p.a. before bonus') are pay; a '$40,000 prize'
    is not. A bare 'k' of equity 'on paper' is pay too ('equity 150k/yr on paper')."""
    page = (
        "# Data engineer pay, 2026\n\nAll figures are gross annual salaries.\n\n"
        "## Lead Data Engineer – Pricing\n\n$98,000 – $120,000 MXN/mes + bono anual\n\n"
        "## South Africa\n\nDurban stays close behind. Senior data engineers at Durban banks "
        "commonly sign for R1.1m p.a. before bonus. Senior data engineers at the lab shared a "
        "$40,000 prize.\n\n## Threads\n\nBase 205k, no bonus, equity 150k/yr on paper.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = sorted(c.value for c in claims if c.kind == "salary")
    assert pay == [98000.0, 150000.0, 205000.0, 1100000.0]


def test_a_sub_sections_statistic_is_pay_under_a_heading_of_pay() -> None:
    page = (
        "<html><body><h1>What recruiters in Canada ask of ML engineers</h1>"
        "<h2>Advertised salaries by city</h2><h3>Toronto</h3>"
        "<p>Toronto listings had a median of C$128,000.</p>"
        "<h2>Training costs</h2><h3>Bootcamps</h3>"
        "<p>Most programmes had a median of C$14,500.</p></body></html>"
    )
    found = {
        (c.value, c.qualifiers.get("city")) for c in salary.extract(document(page, "text/html"))
    }
    assert found == {(128000.0, "Toronto")}
    living = (
        "<html><body><h1>Relocating to Canada as an ML engineer</h1>"
        "<h2>Salaries and living costs by city</h2><h3>Vancouver</h3>"
        "<p>One-bedroom flats downtown had a median of C$2,700 a month.</p>"
        "<h2>Salary extras to ask for</h2><h3>Home office</h3>"
        "<p>Home office budgets averaged C$900 among the firms we asked.</p></body></html>"
    )
    assert salary.extract(document(living, "text/html")) == []


def test_a_sum_set_below_another_roles_pay_is_a_difference_not_pay() -> None:
    doc = document(
        "# ML engineer salaries in New Zealand\n\nThe median ML engineer base is NZ$132,000.\n\n"
        "Data analysts sit roughly NZ$31,000 below ML engineers at each level; their median "
        "base is NZ$101,000.\n",
        "text/markdown",
    )
    found = {(c.kind, c.subject, c.value) for c in numeric_claims(doc)}
    assert found == {
        ("salary", "machine learning engineer", 132000.0),
        ("salary", "data analyst", 101000.0),
        ("comparison", "data analyst", -31000.0),
    }


def test_a_scope_line_takes_no_period_from_what_its_sums_leave_out() -> None:
    doc = document(
        "# Machine learning engineer salary in Belgium\n\n"
        "All figures are base salaries, excluding the €140 monthly commuting allowance.\n\n"
        "A senior ML engineer in Brussels earns €78,000.\n",
        "text/markdown",
    )
    (claim,) = numeric_claims(doc)
    assert claim.value == 78000.0 and "pay_period" not in claim.qualifiers


def test_an_occupation_pages_percentiles_written_in_percent_words() -> None:
    doc = document(
        "<html><body><h1>Data Scientists</h1><h2>Pay</h2><p>The median annual wage for data "
        "scientists was $112,590 in May 2024. In May 2024, the lowest 10 percent earned less "
        "than $63,650, and the highest 10 percent earned more than $194,410.</p></body></html>",
        "text/html",
    )
    found = {
        (c.value, c.qualifiers.get("statistic"), c.qualifiers.get("pay_period"))
        for c in salary.extract(doc)
    }
    assert found == {
        (112590.0, "median", "annual"),
        (63650.0, "10th percentile", "annual"),
        (194410.0, "90th percentile", "annual"),
    }


def test_a_stock_grant_is_part_of_pay_and_funding_words_keep_the_pay() -> None:
    doc = document(
        "# ML engineer pay in Seattle\n\nSenior ML engineers earn $205,000 base plus a $110,000 "
        "annual stock grant. Research ML engineers at the university earn $118,000 funded by "
        "federal grants.\n",
        "text/markdown",
    )
    assert {c.value for c in salary.extract(doc)} == {205000.0, 110000.0, 118000.0}


def test_below_and_above_mark_a_difference_only_before_the_people_set_against() -> None:
    doc = document(
        "The median machine learning engineer salary in Canada is C$128,000\n"
        "Below is a breakdown by city.\n\nSenior ML engineers earn C$171,000 above 5 years of "
        "experience.\n"
    )
    assert {c.value for c in salary.extract(doc)} == {128000.0, 171000.0}

"""Cards and stat blocks: a label line, a value line and a unit line read as one frame."""

from __future__ import annotations

import pytest
from support.documents import document, frame_fixture, numeric_claims, quote, salary_qualifiers

from mlefacts.document.build import build_document
from mlefacts.document.cards import card_shaped
from mlefacts.extract import cards, extract_claims
from mlefacts.extract.cards import extract as cards_extract


def _readings(name: str) -> dict[tuple[str, str], tuple[float, float | None, str | None]]:
    doc = frame_fixture(name)
    claims = [c for c in numeric_claims(doc) if c.extractor == "cards"]
    for claim in claims:
        assert quote(doc, claim).startswith(claim.context or "?"), "the card starts at its label"
        assert len(quote(doc, claim)) <= 400
    return {(c.kind, c.context or ""): (c.value, c.value_high, c.unit) for c in claims}


@pytest.mark.parametrize("name", ["stat_cards.html", "stat_cards.md"])
def test_cards_read_label_value_and_unit_lines(name: str) -> None:
    assert _readings(name) == {
        ("salary", "Entry Level"): (34000, 48000, "GBP"),
        ("salary", "Senior Level"): (85000, 120000, "GBP"),
        ("market_size", "Market Size 2025"): (48.62e9, None, "USD"),
        ("job_demand", "Data Scientist"): (23757, None, "count"),
        ("salary", "Data Scientist"): (102069, None, "USD"),
        ("share", "Remote roles"): (38, None, "percent"),
    }


@pytest.mark.parametrize("name", ["stat_cards.html", "stat_cards.md"])
def test_card_qualifiers_come_from_the_card_itself(name: str) -> None:
    doc = frame_fixture(name)
    claims = {(c.kind, c.context): c for c in numeric_claims(doc) if c.extractor == "cards"}
    entry = claims[("salary", "Entry Level")]
    assert entry.qualifiers == {
        "experience_level": "entry",
        "pay_period": "annual",
        "statistic": "range",
        "currency_symbol": "£",
    }
    assert claims[("salary", "Senior Level")].qualifiers["experience_level"] == "senior"
    average = claims[("salary", "Data Scientist")]
    assert average.subject == "data scientist"
    assert average.qualifiers == {
        "statistic": "average",
        "pay_period": "annual",
        "currency_symbol": "$",
    }
    openings = claims[("job_demand", "Data Scientist")]
    assert (openings.subject, openings.attribute) == ("data scientist", "job_openings")
    assert claims[("market_size", "Market Size 2025")].year == 2025
    assert quote(doc, average) == "Data Scientist\n23,757 job openings\nAverage $102,069 per year"


def test_prose_beside_cards_is_not_a_card() -> None:
    doc = frame_fixture("stat_cards.md")
    assert not [c for c in numeric_claims(doc) if c.value == 49]
    assert card_shaped(["Market Size 2025", "USD 48.62", "Billion"])
    assert not card_shaped(["Home", "Blog", "Contact"])
    assert not card_shaped(["Salaries rose 5% this year.", "Read more"])


def test_a_card_line_label_names_its_level_and_a_swiss_range_is_whole() -> None:
    page = (
        "ML engineer pay in Switzerland\n\nBy experience:\n"
        "Junior: CHF 95'000 - 115'000\nSenior: CHF 150'000 - 185'000\n"
    )
    doc = build_document(source_id="ch", text=page, media_type="text/plain")
    claims = [c for c in numeric_claims(doc) if c.extractor == "cards"]
    read = {(c.value, c.value_high, c.qualifiers.get("experience_level")) for c in claims}
    assert read == {(95000, 115000, "junior"), (150000, 185000, "senior")}


def test_a_card_under_a_level_heading_takes_its_level() -> None:
    page = (
        "<h2>Level 4 · Senior Machine Learning Engineer</h2><div class='stat'>"
        "<p>Median pay</p><p>$187,500</p><p>$162,000 – $214,300 · USD · annual</p></div>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    claims = [c for c in numeric_claims(doc) if c.extractor == "cards"]
    read = {
        (c.value, c.value_high, c.qualifiers["experience_level"], c.qualifiers.get("statistic"))
        for c in claims
    }
    assert read == {(187500, None, "senior", "median"), (162000, 214300, "senior", "range")}


_JOB_BOARD = """<h1>Senior Machine Learning Jobs in Texas</h1>
<div><h3>Machine Learning Engineer</h3><div>Lumen Robotics · Austin, TX</div>
<div>Senior level</div><div>$165,000 – $210,000 a year</div>
<div>Posted 3 days ago · 57 applicants</div></div>
<div><h3>Applied Scientist, Ranking</h3><div>Northwind Retail · Dallas, TX</div>
<div>$142,000 – $178,000 a year</div><div>Posted 5 days ago · 120 views</div></div>
<div><h3>ML Platform Engineer</h3><div>Cedar Health · Houston, TX</div><div>Entry level</div>
<div>$98,000 – $120,000 a year</div><div>Posted 1 week ago · Over 200 applicants</div></div>
<div><h3>Computer Vision Engineer</h3><div>Bluebonnet Drones · San Antonio, TX</div>
<div>$61 – $74 an hour</div><div>Posted 2 weeks ago · 34 applicants · 410 views</div></div>"""


def test_a_job_cards_level_comes_from_its_own_lines_never_a_neighbour_or_the_page_title() -> None:
    doc = build_document(source_id="j", text=_JOB_BOARD, media_type="text/html")
    claims = numeric_claims(doc)
    read = {
        (c.subject, c.value, c.qualifiers.get("experience_level"), c.qualifiers["pay_period"])
        for c in claims
        if c.kind == "salary"
    }
    assert read == {
        ("machine learning engineer", 165000, "senior", "annual"),
        ("applied scientist", 142000, None, "annual"),
        ("machine learning platform engineer", 98000, "entry", "annual"),
        ("computer vision engineer", 61, None, "hourly"),
    }
    assert {c.kind for c in claims} == {"salary"}, "applicants and views are no facts"


def test_a_percentage_card_on_a_market_page_is_a_share_of_that_market() -> None:
    page = (
        "# Machine Learning Market Report\n\nThe global machine learning market was valued at "
        "USD 55.8 billion in 2024.\n\nNorth America\n37.5%\nof 2024 revenue\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    [share] = [c for c in numeric_claims(doc) if c.kind == "share"]
    assert (share.subject, share.qualifiers) == (
        "global machine learning market",
        {"category": "North America", "dimension": "region"},
    )


def test_a_job_cards_title_opens_its_own_card_when_cards_run_on_without_blank_lines() -> None:
    page = (
        "# Machine learning jobs in Berlin\n\n"
        "Machine Learning Engineer\nSpree Analytics · Berlin (hybrid)\n"
        "€62,000 – €78,000 per year\nPosted 1 day ago\n"
        "Senior Data Scientist\nNordlicht Mobility · Berlin\n"
        "€85,000 – €105,000 per year\nPosted 4 days ago · 63 applicants\n"
    )
    doc = build_document(source_id="b", text=page, media_type="text/markdown")
    read = {
        (c.subject, c.value, c.qualifiers.get("experience_level"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert read == {("machine learning engineer", 62000, None), ("data scientist", 85000, "senior")}


def test_unit_and_note_lines_stay_with_the_figure_above_them() -> None:
    assert card_shaped(
        ["Market Size 2025", "USD 48.62", "Billion", "Source: survey", "CAGR", "14.5%"]
    )
    page = "Entry Level\n£34,000\nper year, gross\nSenior Level\n£60,000\nper year\n"
    doc = build_document(source_id="u", text=page, media_type="text/plain")
    labels = [doc.text[c.label.start : c.label.end] for c in doc.cards]
    assert labels == ["Entry Level", "Senior Level"]


_CAPTIONED = """<h1>Data Analyst Careers in Ireland</h1>
<div class="tiles">
<div class="tile">
<div class="num">14%</div>
<div class="txt">growth in data analyst job postings in 2023</div></div>
<div class="tile">
<div class="num">9%</div>
<div class="txt">decline in data analyst hiring this spring</div></div>
<div class="tile">
<div class="num">3,420</div>
<div class="txt">open data analyst positions</div></div>
<div class="tile">
<div class="num">2.5%</div>
<div class="txt">drop in data analyst pay this year</div></div>
<div class="tile">
<div class="num">€96,500</div>
<div class="txt">average data analyst salary</div></div>
</div>"""


def test_a_figure_over_its_caption_reads_the_caption_like_a_sentence() -> None:
    doc = build_document(source_id="v", text=_CAPTIONED, media_type="text/html")
    claims = [c for c in numeric_claims(doc) if c.extractor == "cards"]
    read = {(c.kind, c.subject, c.value, c.unit, c.year) for c in claims}
    assert read == {
        ("job_demand", "data analyst", 14, "percent", 2023),
        ("job_demand", "data analyst", -9, "percent", None),
        ("job_demand", "data analyst", 3420, "count", None),
        ("growth_rate", "data analyst", -2.5, "percent", None),
        ("salary", "data analyst", 96500, "EUR", None),
    }
    salary = next(c for c in claims if c.kind == "salary")
    assert salary.qualifiers["statistic"] == "average"
    assert quote(doc, salary) == "€96,500\naverage data analyst salary"


_INLINE = """<h1>Data Scientist Salaries in Australia</h1>
<h2>By state (average, all levels)</h2>
<div class="c"><span>Victoria</span> <span>$151,000</span></div>
<div class="c"><span>Queensland</span> <span>$139,500</span></div>
<div class="c"><span>Tasmania</span> <span>$121,000</span></div>
<p>Sydney $10 parking</p>"""


def test_inline_label_value_cards_under_a_heading_are_salaries_of_the_pages_role() -> None:
    doc = build_document(source_id="i", text=_INLINE, media_type="text/html")
    claims = [c for c in numeric_claims(doc) if c.extractor == "cards"]
    read = {
        (
            c.subject,
            c.value,
            c.qualifiers.get("region", c.qualifiers.get("category")),
            c.qualifiers["statistic"],
        )
        for c in claims
    }
    assert read == {  # a state is a region; 'Victoria', a city's and a person's name too, is not
        ("data scientist", 151000, "Victoria", "average"),
        ("data scientist", 139500, "Queensland", "average"),
        ("data scientist", 121000, "Tasmania", "average"),
    }
    assert {quote(doc, c) for c in claims} >= {"Victoria $151,000"}


def test_an_inline_card_s_change_after_its_figure_is_read_as_that_figure_s_change() -> None:
    """'Open data engineer roles 4,120 ▲ 6% vs Q1' in one line of inline spans: the change
    is the card's, not a word of its value that makes the line prose."""
    page = (
        "<h1>Data Jobs Pulse</h1>"
        '<div class="c"><span>Open data engineer roles</span> <span>4,120</span> '
        "<span>▲ 6% vs Q1</span></div>"
        '<div class="c"><span>Median data engineer salary</span> <span>$131,000</span></div>'
    )
    doc = build_document(source_id="i", text=page, media_type="text/html")
    assert [(c.kind, c.value, c.unit) for c in cards_extract(doc)] == [
        ("job_demand", 4120, "count"),
        ("job_demand", 6, "percent"),
        ("salary", 131000, "USD"),
    ]


def test_a_lone_label_value_line_is_not_a_card() -> None:
    doc = build_document(
        source_id="l", text="<h1>Pay</h1><p>Victoria $151,000</p>", media_type="text/html"
    )
    assert doc.cards == ()


def _card_salaries(page: str, media_type: str) -> dict[float, dict[str, object]]:
    doc = document(page, media_type)
    return {
        c.value: c.qualifiers for c in numeric_claims(doc) if c.extractor == "cards" and c.value
    }


def test_city_cards_give_each_salary_its_place() -> None:
    page = (
        "<h1>Machine Learning Engineer Pay</h1><h2>Pay by city</h2>"
        "<div><div>Zurich CHF 131'000</div><div>Lyon · €58,500</div>"
        "<div><h4>Graz</h4><p>€59,300</p></div><div><h4>Germany</h4><p>€70,100</p></div></div>"
    )
    salaries = _card_salaries(page, "text/html")
    assert salaries[131000]["city"] == "Zurich"
    assert salaries[58500]["city"] == "Lyon", "the separator is not part of the place"
    assert salaries[59300]["city"] == "Graz", "an unknown name under a 'by city' heading"
    assert salaries[70100]["country"] == "Germany"
    assert not any("category" in q for q in salaries.values())


def test_a_card_label_is_a_place_only_when_known_or_led_so() -> None:
    page = "# ML Engineer Pay\n\n**Pune**\n₹11.2 LPA\n\n**Acme Labs**\n₹19.5 LPA\n"
    salaries = _card_salaries(page, "text/markdown")
    assert salaries[1120000]["city"] == "Pune"
    assert salaries[1950000] == {
        "pay_period": "annual",
        "category": "Acme Labs",
        "currency_symbol": "₹",
    }


def test_a_bold_figure_over_its_caption_is_a_card() -> None:
    page = (
        "# ML Engineer Jobs in Canada\n\n**38,900**\nopen machine learning engineer roles in "
        "Canada (March 2026)\n\n**12,400**\nmachine learning engineer vacancies in Toronto\n"
    )
    doc = document(page, "text/markdown")
    claims = {c.value: c for c in numeric_claims(doc) if c.extractor == "cards"}
    country = claims[38900]
    assert (country.kind, country.subject, country.year) == (
        "job_demand",
        "machine learning engineer",
        2026,
    )
    assert country.qualifiers["country"] == "Canada"
    assert claims[12400].qualifiers["city"] == "Toronto"
    assert quote(doc, claims[12400]).startswith("**12,400**\n")


def test_a_scaled_figure_over_a_jobs_caption_counts_open_jobs() -> None:
    page = "<div><div>38.9k</div><div>AI engineer job ads in Sydney in 2025</div></div>"
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.extractor == "cards"]
    assert [(c.kind, c.value, c.year, c.qualifiers.get("city")) for c in claims] == [
        ("job_demand", 38900, 2025, "Sydney")
    ]


def test_a_caption_of_people_with_a_role_counts_the_role() -> None:
    page = "<div><strong>164,000</strong><p>people work as data engineers in the UK</p></div>"
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.extractor == "cards"]
    assert [(c.kind, c.subject, c.value, c.qualifiers) for c in claims] == [
        ("count", "data engineer", 164000, {"country": "United Kingdom", "category": "people"})
    ]


def test_a_segment_card_on_a_market_page_is_the_markets() -> None:
    page = (
        "<title>Speech Analytics Market Report</title><h1>Speech Analytics Market Report</h1>"
        "<p>Data scientists are in short supply.</p>"
        "<div><div>Cloud deployment</div><div>57%</div></div>"
    )
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.kind == "share"]
    assert [c.subject for c in claims] == ["speech analytics market"]


def test_city_state_labels_and_a_statistic_line_under_the_figure() -> None:
    page = (
        "<h1>ML Engineer Salary by City</h1><div>"
        "<div><h3>Seattle, WA</h3><p>$171,200</p><p>Median base</p></div>"
        "<div><h3>Boise, ID</h3><p>$121,900</p><p>Median base</p></div></div>"
    )
    doc = document(page, "text/html")
    claims = {c.value: c for c in numeric_claims(doc) if c.extractor == "cards"}
    assert claims[171200].qualifiers == {
        "statistic": "median",
        "city": "Seattle",
        "country": "United States",  # Seattle's
        "currency_symbol": "$",
    }
    assert claims[121900].qualifiers == {
        "statistic": "median",
        "city": "Boise",
        "country": "United States",  # Boise's
        "currency_symbol": "$",
    }
    assert quote(doc, claims[121900]) == "Boise, ID\n$121,900\nMedian base"


def test_a_caption_under_a_bare_figure_is_read_as_its_sentence() -> None:
    page = (
        "<html><body><h1>Machine learning engineers: hiring in 2026</h1>"
        '<div class="stat"><div>64%</div><div>of hiring managers say ML engineers are the'
        " hardest hires to make</div></div>"
        '<div class="stat"><div>4,800</div><div>engineers answered the survey</div></div>'
        '<div class="stat"><div>2,240</div><div>data engineer vacancies in Manchester</div></div>'
        "</body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    found = {c.value: c for c in numeric_claims(doc)}
    assert (found[64.0].kind, found[64.0].subject) == ("share", "hiring manager")
    assert (found[4800.0].kind, found[4800.0].subject) == ("count", "engineer")
    assert found[2240.0].kind == "job_demand"
    assert found[2240.0].qualifiers["city"] == "Manchester"
    for claim in found.values():
        assert "\n" in doc.text[claim.char_start : claim.char_end]  # the card's own text


def test_a_posting_cards_tag_line_gives_its_city() -> None:
    page = (
        "<h1>Machine learning jobs in Texas</h1>"
        "<div class='job'><h3>Machine Learning Engineer</h3><p>Lumen Robotics · Austin, TX</p>"
        "<p>$165,000 – $210,000 a year</p></div>"
        "<div class='job'><h3>ML Platform Engineer</h3><p>Cedar Health · Remote</p>"
        "<p>$98,000 – $120,000 a year</p></div>"
    )
    cities = {
        c.value: c.qualifiers.get("city")
        for c in numeric_claims(document(page, "text/html"))
        if c.kind == "salary"
    }
    assert cities == {165000: "Austin", 98000: None}


def test_a_card_counting_companies_or_respondents_counts_them() -> None:
    page = (
        '<div class="stat"><p>Companies hiring ML engineers</p><p>12,000+</p></div>'
        '<div class="stat"><p>Survey respondents</p><p>3,150</p></div>'
        '<div class="stat"><p>Open ML engineer roles</p><p>27,800</p></div>'
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    found = [(c.kind, c.subject, c.value) for c in cards_extract(doc)]
    assert found == [
        ("count", "company", 12000.0),
        ("count", "respondent", 3150.0),
        ("job_demand", "machine learning engineer", 27800.0),
    ]


def test_a_card_label_that_runs_into_its_currency_marker_ends_at_the_marker() -> None:
    page = (
        "<h1>Machine learning engineer salaries by country</h1>"
        '<div class="card"><span>Canada</span><span>C$130,000</span></div>'
        '<div class="card"><span>London</span><span>Â£85,000</span></div>'
        '<div class="card"><span>Zurich</span><span>CHF 150,000</span></div>'
    )
    doc = build_document(source_id="glued", text=page, media_type="text/html")
    found = {
        (c.value, c.unit): (c.context, c.qualifiers)
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert found[(130000, "CAD")] == ("Canada", {"country": "Canada", "currency_symbol": "C$"})
    london = {"city": "London", "country": "United Kingdom", "currency_symbol": "Â£"}
    assert found[(85000, "GBP")] == ("London", london)
    assert found[(150000, "CHF")][0] == "Zurich"


def test_a_lead_in_without_a_sum_gives_a_card_grid_its_statistic_and_period() -> None:
    page = (
        "<h1>Machine learning engineer pay in Latin America</h1><h2>Pay by city</h2>"
        "<p>Median monthly salary for machine learning engineers in each city:</p>"
        '<div class="card"><span>Guadalajara</span><span>MXN 64,000</span></div>'
        '<div class="card"><span>Curitiba</span><span>R$ 15.200</span></div>'
    )
    doc = build_document(source_id="grid", text=page, media_type="text/html")
    found = {c.unit: c.qualifiers for c in numeric_claims(doc) if c.kind == "salary"}
    assert found == {
        "MXN": {
            **{"statistic": "median", "pay_period": "monthly", "city": "Guadalajara"},
            **{"country": "Mexico", "currency_symbol": "MXN"},
        },
        "BRL": {
            **{"statistic": "median", "pay_period": "monthly", "city": "Curitiba"},
            **{"country": "Brazil", "currency_symbol": "R$"},
        },
    }


@pytest.mark.parametrize(
    ("page", "media_type"),
    [
        (
            "# Machine learning engineer pay in Ireland\n\n"
            "All figures are annual base salaries.\n\n**Junior**\n\n"
            "€48,000 – €60,000\n\n**Senior**\n\n€85,000 – €110,000\n",
            "text/markdown",
        ),
        (
            "<h1>Machine learning engineer pay in Ireland</h1>"
            "<p>All figures are annual base salaries.</p>"
            "<p><strong>Junior</strong></p><p>€48,000 – €60,000</p>"
            "<p><strong>Senior</strong></p><p>€85,000 – €110,000</p>",
            "text/html",
        ),
    ],
)
def test_a_bold_label_alone_on_its_line_labels_the_figure_under_it(
    page: str, media_type: str
) -> None:
    doc = build_document(source_id="t", text=page, media_type=media_type)
    assert not [b for b in doc.blocks if doc.span_text(b).strip("*") in ("Junior", "Senior")]
    claims = cards_extract(doc)
    assert [(c.value, c.value_high, c.qualifiers.get("experience_level")) for c in claims] == [
        (48000, 60000, "junior"),
        (85000, 110000, "senior"),
    ]
    for claim in claims:
        assert doc.text[claim.char_start : claim.char_end].strip("*").startswith(claim.context)


def test_a_lone_bold_line_over_a_figure_stays_a_heading() -> None:
    doc = build_document(
        source_id="t", text="**Overview**\n\n$4,000\n\nMore text.\n", media_type="text/markdown"
    )
    assert doc.cards == ()


def test_a_stat_tile_whose_figure_is_a_heading_element_is_a_card() -> None:
    """'<h2>8,150</h2><p>open data engineer jobs in Canada</p>': the page sets the figure and its
    caption one blank line apart; the caption gives it its meaning."""
    page = (
        "<html><body><h1>Data engineering in 2026</h1>"
        "<h2>8,150</h2><p>open data engineer jobs in Canada</p>"
        "<h3>42%</h3><p>of hiring managers plan to add data engineers</p></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert len(doc.cards) == 2
    found = {(c.kind, c.subject, c.value) for c in cards_extract(doc)}
    assert ("job_demand", "data engineer", 8150.0) in found


def test_a_stat_tile_whose_figure_is_a_paragraph_reads_its_description_as_a_sentence() -> None:
    """'<p class="big">61,400</p><p>active US job postings for ML engineers in December 2025
    (HireSignal).</p>': a description may be a sentence reading on from the figure; a bare year
    over a sentence is no tile."""
    page = (
        "<html><body><h1>ML engineer statistics</h1><h2>Demand</h2><div class='stats'>"
        "<div><p class='big'>52,300</p><p>open US job postings for data engineers in "
        "March 2026 (JobPulse).</p></div>"
        "<div><p class='big'>−7%</p><p>fewer entry-level data engineer postings than a year "
        "before.</p></div></div>"
        "<p>2024</p><p>Data engineers were hired at record pace that year.</p></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert len(doc.cards) == 2
    found = {(c.kind, c.subject, c.value) for c in cards_extract(doc)}
    assert ("job_demand", "data engineer", 52300.0) in found


def test_a_city_card_is_placed_in_the_city_s_country() -> None:
    # The page names no country: each city's own country, with the sign as written; a heading
    # naming two countries places no card in either.
    doc = document(
        "<html><body><h1>What ML engineers earn across Europe</h1>"
        "<h2>Germany and Austria</h2><div class='grid'>"
        "<div class='hub'><h4>Munich</h4><p>€78,400 per year</p></div>"
        "<div class='hub'><h4>Vienna</h4><p>€66,100 per year</p></div>"
        "<div class='hub'><h4>Feldkirch</h4><p>€59,300 per year</p></div></div>"
        "</body></html>",
        "text/html",
    )
    # (a town the city list does not hold: the heading's two countries give it none)
    places = salary_qualifiers(doc, "country", "currency_symbol")
    assert places == {78400: ("Germany", "€"), 66100: ("Austria", "€"), 59300: (None, "€")}


def test_a_figure_with_spaced_signs_under_a_bold_label_is_a_card() -> None:
    # '€ 46,000 – € 58,000': a sign written apart from its digits is still one figure
    page = (
        "<h1>Machine learning engineer salaries in Ireland</h1><h2>By experience</h2>"
        "<p><strong>Graduate</strong></p><p>€ 46,000 – € 58,000</p>"
        "<p><strong>Senior</strong></p><p>€ 90,000 – € 120,000</p>"
    )
    doc = document(page, "text/html")
    found = {
        (c.value, c.value_high): c.qualifiers.get("experience_level") for c in numeric_claims(doc)
    }
    assert found == {(46000, 58000): "entry", (90000, 120000): "senior"}


def test_a_rank_badge_over_a_cards_name_ranks_the_name_and_is_no_label() -> None:
    page = """<html><head><title>Top-paying cities for ML engineers in Canada</title></head>
    <body><h1>Top-paying cities for ML engineers in Canada</h1>
    <div class="tile"><span>#1</span><h3>Vancouver</h3><p>C$142,000</p><p>median salary</p></div>
    <div class="tile"><span>#2</span><h3>Toronto</h3><p>C$138,500</p><p>median salary</p></div>
    </body></html>"""
    doc = build_document(source_id="t", text=page, media_type="text/html")
    claims, _ = extract_claims(doc)
    ranks = [(c.subject, c.value) for c in claims if c.kind == "ranking"]
    pay = [
        (c.value, c.qualifiers.get("city"), "category" in c.qualifiers)
        for c in claims
        if c.kind == "salary"
    ]
    assert ranks == [("vancouver", 1), ("toronto", 2)]
    assert pay == [(142000, "Vancouver", False), (138500, "Toronto", False)]


def test_cards_under_a_heading_that_names_a_city_are_that_city_s() -> None:
    doc = document(
        "<html><body><h1>Machine learning engineer pay</h1>"
        "<h2>How much does an ML engineer make in Seattle?</h2><div class='stats'>"
        "<div class='stat'><p>$162K - $231K/yr</p><p>Total pay range</p></div>"
        "<div class='stat'><p>$141K/yr</p><p>Median base pay</p></div></div>"
        "</body></html>",
        "text/html",
    )
    assert salary_qualifiers(doc, "city") == {162000: ("Seattle",), 141000: ("Seattle",)}


def test_a_dashboard_card_of_change_in_postings_is_job_demand() -> None:
    doc = document(
        "<html><body><h1>ML engineer hiring tracker</h1><section class='kpis'>"
        "<div class='kpi'><p>Change in postings since January</p><p>+17.6%</p></div>"
        "<div class='kpi'><p>Fully remote share, June</p><p>19.4%</p></div>"
        "</section></body></html>",
        "text/html",
    )
    kinds = {c.value: c.kind for c in numeric_claims(doc)}
    assert kinds == {17.6: "job_demand", 19.4: "share"}


def test_a_cagr_named_on_its_own_line_is_a_growth_rate_not_a_share() -> None:
    page = (
        "<html><head><title>Generative AI Market Report</title></head><body>"
        "<h1>Generative AI Market Report</h1><h2>Report Overview</h2><dl>"
        "<dt>Market size value in 2025</dt><dd>USD 41.3 billion</dd>"
        "<dt>Growth rate</dt><dd>CAGR of 31.6% from 2026 to 2034</dd>"
        "<dt>Largest region</dt><dd>North America</dd></dl></body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    rates = [(c.kind, c.value, c.qualifiers) for c in cards_extract(doc) if c.unit == "percent"]
    assert rates == [("growth_rate", 31.6, {"period_start": 2026, "period_end": 2034})]


def test_a_dashboard_tiles_change_against_an_earlier_quarter_is_job_demand() -> None:
    page = (
        "<html><body><h1>ML Engineer Hiring Dashboard</h1>"
        '<div class="tile"><p>Open ML engineer roles</p><p>14,820</p><p>▲ 9.4% vs Q2</p></div>'
        '<div class="tile"><p>New ML engineer postings</p><p>6,200</p><p>▼ 3.1% vs Q2</p></div>'
        "</body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    changes = [(c.kind, c.value) for c in cards_extract(doc) if c.unit == "percent"]
    assert changes == [("job_demand", 9.4), ("job_demand", -3.1)]


def test_a_tiles_change_on_an_earlier_quarter_in_british_wording_is_job_demand() -> None:
    """'+7% on Q3' is against the third quarter, as 'vs Q3' is."""
    page = (
        "<html><body><h1>Data Hiring Pulse</h1>"
        '<div class="tile"><p>Live data engineer vacancies</p><p>3,910</p><p>+7% on Q3</p></div>'
        "</body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    assert [(c.kind, c.value, c.unit) for c in cards_extract(doc)] == [
        ("job_demand", 3910, "count"),
        ("job_demand", 7, "percent"),
    ]


def test_a_tiles_change_against_the_month_before_named_is_job_demand() -> None:
    """'−3.6% vs. March' on a monthly tracker's tile is against the month before."""
    page = (
        "<html><body><h1>Data Hiring Tracker: April</h1>"
        '<div class="tile"><p>Data engineer postings</p><p>8,420</p><p>−3.6% vs. March</p></div>'
        "</body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    assert [(c.kind, c.value, c.unit) for c in cards_extract(doc)] == [
        ("job_demand", 8420, "count"),
        ("job_demand", -3.6, "percent"),
    ]


def test_a_forum_bylines_post_count_is_no_count() -> None:
    text = "ML careers forum\n\nlossfunction_kim · Hiring manager · 412 posts\nPosted 3 Oct 2025\n"
    doc = build_document(source_id="f", text=text, media_type="text/plain")
    assert [c for c in numeric_claims(doc) if c.value == 412] == []


def test_a_card_labelled_by_a_percentile_group_of_earners_is_that_percentile() -> None:
    page = (
        "<h1>Machine learning engineer salary in India</h1><div class='stats'>"
        "<div><p>Bottom 10% earn below</p><p>₹5,40,000</p></div>"
        "<div><p>Median CTC</p><p>₹13,20,000</p></div>"
        "<div><p>Top 10% earn above</p><p>₹38,50,000</p></div></div>"
    )
    salaries = _card_salaries(page, "text/html")
    assert {value: q["statistic"] for value, q in salaries.items()} == {
        540_000.0: "10th percentile",
        1_320_000.0: "median",
        3_850_000.0: "90th percentile",
    }


def test_cards_of_a_field_s_postings_and_their_change_year_over_year() -> None:
    page = (
        "<h1>AI Talent Pulse: Q1 2026</h1><section>"
        "<div><p>412,000</p><p>AI and ML job postings worldwide in Q1 2026</p></div>"
        "<div><p>+12%</p><p>AI and ML postings, year over year</p></div></section>"
    )
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.extractor == "cards"]
    field = "artificial intelligence and machine learning job posting"
    # a change year over year is no share; the postings of two fields are both fields'
    assert [(c.kind, c.subject, c.value) for c in claims] == [
        ("job_demand", field, 412_000.0),
        ("job_demand", field, 12.0),
    ]


def test_a_place_card_whose_lines_carry_their_own_levels_behind_arrows() -> None:
    page = (
        "<html><body><h1>What 40 data engineers were paid in 2025</h1>"
        "<p>Here are the real numbers from my 2025 placements. Base salary only.</p>"
        "<p>🇮🇪 Dublin<br>\n→ Junior (0–2 yrs): €48k–€60k<br>\n→ Mid (3–5 yrs): €65k–€80k<br>\n"
        "→ Senior: €85k–€105k</p></body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    found = {
        c.value: (c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in cards.extract(doc)
    }
    assert found == {
        48_000.0: ("junior", "Dublin"),
        65_000.0: ("mid", "Dublin"),
        85_000.0: ("senior", "Dublin"),
    }


def test_city_cards_with_a_tag_line_under_each_figure_are_cards() -> None:
    cards = "".join(
        f'<article><h3>{city}</h3><p class="amount">{pay}</p><p class="tag">{tag}</p></article>'
        for city, pay, tag in (
            ("Leeds", "£61,000", "Retail & health"),
            ("Bristol", "£66,500", "Aerospace"),
            ("Glasgow", "£58,000", "Growing fast"),
        )
    )
    page = f"<h1>ML engineer salary UK</h1><h2>Median base salary by city</h2><div>{cards}</div>"
    doc = build_document(source_id="c", text=page, media_type="text/html")
    assert [(doc.span_text(c.label), len(c.lines)) for c in doc.cards] == [
        ("Leeds", 2),
        ("Bristol", 2),
        ("Glasgow", 2),
    ]
    pay = {c.qualifiers.get("city"): c.value for c in numeric_claims(doc)}
    assert pay == {"Leeds": 61000, "Bristol": 66500, "Glasgow": 58000}


def test_a_further_change_after_a_pay_rise_is_a_pay_rise_too() -> None:
    text = "Base pay for ML engineers rose 4.4% in 2025 and a further 2.1% in early 2026."
    rises = [c.value for c in numeric_claims(document(text)) if c.kind == "growth_rate"]
    assert rises == [4.4, 2.1]


def test_a_numbered_statistic_with_a_footnote_is_a_sentence_not_a_card() -> None:
    page = (
        "<h1>ML engineer statistics</h1>"
        '<div><span class="n">21</span><p>Base pay for data engineers rose 4.9% in 2025.'
        "<sup>[3]</sup></p></div>"
        '<div><span class="n">22</span><p>About 31% of data engineers work fully remote.'
        "<sup>[3]</sup></p></div>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert doc.cards == ()
    found = {(c.kind, c.value) for c in numeric_claims(doc)}
    assert ("growth_rate", 4.9) in found and ("share", 4.9) not in found


def test_a_heading_over_a_grid_of_package_cards_levels_each_of_them() -> None:
    """'<h4>Senior (L5)</h4>' over Base / Bonus / Stock cards titles them all: each takes its
    level, its label names its part of the package, and the paragraph that introduces the
    grids above the headings gives them their pay period."""
    doc = document(
        "<html><body><h1>Data Engineer Pay in Canada</h1>"
        "<h2>Packages by level</h2><p>Medians of accepted offers; stock is its yearly value.</p>"
        "<div><h4>Intermediate (L4)</h4><dl><dt>Base</dt><dd>C$128,000</dd>"
        "<dt>Bonus</dt><dd>C$11,000</dd><dt>Stock</dt><dd>C$30,000</dd></dl></div>"
        "<div><h4>Staff (L6)</h4><dl><dt>Base</dt><dd>C$196,000</dd>"
        "<dt>Bonus</dt><dd>C$24,000</dd><dt>Total</dt><dd>C$290,000</dd></dl></div>"
        "</body></html>",
        "text/html",
    )
    assert salary_qualifiers(doc, "experience_level", "component", "pay_period") == {
        128000: ("mid", "base", "annual"),
        11000: ("mid", "bonus", "annual"),
        30000: ("mid", "stock", "annual"),
        196000: ("lead", "base", "annual"),
        24000: ("lead", "bonus", "annual"),
        290000: ("lead", "total", "annual"),
    }


def test_a_share_card_whose_figure_line_names_its_part() -> None:
    """'Largest Region' / 'North America (38.6%)': the part is the place on the figure's line,
    not the label above it."""
    doc = document(
        "<html><body><h1>Speech Analytics Market Report</h1><div class='kpis'>"
        "<div><p>Largest Region</p><p>Europe (36.2%)</p></div>"
        "<div><p>Market Size 2024</p><p>USD 4.1 Bn</p></div></div></body></html>",
        "text/html",
    )
    shares = [(c.subject, c.value, c.qualifiers) for c in numeric_claims(doc) if c.kind == "share"]
    assert shares == [
        ("speech analytics market", 36.2, {"category": "Europe", "dimension": "region"})
    ]


def test_pay_facts_in_a_definition_list_with_space_grouped_rand() -> None:
    """'<dt>Entry level (0–2 years)</dt><dd>R28 000 – R38 000</dd>': a label over a figure
    written with a one-letter currency and thousands grouped by a space is a card."""
    doc = document(
        "<html><body><h1>Data Engineer Salary in South Africa</h1><p>All amounts are gross "
        "monthly salaries.</p><dl><dt>Average salary</dt><dd>R52 100 per month</dd>"
        "<dt>Median salary</dt><dd>R49 000 per month</dd>"
        "<dt>Entry level (0–2 years)</dt><dd>R26 000 – R35 000</dd>"
        "<dt>Intermediate (3–5 years)</dt><dd>R41 000 – R59 000</dd>"
        "<dt>Senior (6+ years)</dt><dd>R70 000 – R98 000</dd>"
        "<dt>Contract rate</dt><dd>R600 to R900 per hour</dd>"
        "<dt>Graduate programme</dt><dd>R24 500 per month</dd></dl></body></html>",
        "text/html",
    )
    assert salary_qualifiers(doc, "experience_level", "pay_period") == {
        52100: (None, "monthly"),
        49000: (None, "monthly"),
        26000: ("entry", "monthly"),
        41000: ("mid", "monthly"),
        70000: ("senior", "monthly"),
        600: (None, "hourly"),
        24500: (None, "monthly"),
    }


def test_a_salary_unit_line_that_opens_with_its_scale_scales_the_value_above() -> None:
    """'₹16.2' / 'LPA': the unit line says lakh per annum, so the card's pay is ₹16.2 lakh."""
    page = (
        "<h1>Data engineer salary in India</h1><h2>Average salary by city</h2><div>"
        "<div class='card'><div>Kochi</div><div>&#8377;9.4</div><div>LPA</div></div>"
        "<div class='card'><div>Indore</div><div>&#8377;7.9</div><div>LPA</div></div></div>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    found = [(c.value, c.unit, c.qualifiers.get("city")) for c in cards.extract(doc)]
    assert found == [(940_000.0, "INR", "Kochi"), (790_000.0, "INR", "Indore")]


def test_a_card_sum_too_small_for_its_pay_period_is_no_salary() -> None:
    """'₹9.4' / 'per year': the card left its scale unsaid, and no year's pay is ₹9.4."""
    page = (
        "<h1>Data engineer salary in India</h1><h2>Average salary by city</h2><div>"
        "<div class='card'><div>Kochi</div><div>&#8377;9.4</div><div>per year</div></div>"
        "<div class='card'><div>Indore</div><div>&#8377;7.9</div><div>per year</div></div>"
        "<div class='card'><div>Pune</div><div>&#8377;8,10,000</div><div>per year</div></div>"
        "</div>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    found = [(c.value, c.qualifiers.get("city")) for c in cards.extract(doc) if c.kind == "salary"]
    assert found == [(810_000.0, "Pune")]


def test_a_lone_pay_label_over_a_sum_is_a_card_with_the_labels_period() -> None:
    page = (
        "<html><body><h1>Data Engineer salary</h1><section><p>Average annual salary</p>"
        "<p>$118,000 – $142,000</p><p>Salaries shown are base pay.</p></section></body></html>"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/html"))
    pay = [
        (c.value, c.value_high, c.qualifiers.get("pay_period"))
        for c in claims
        if c.kind == "salary"
    ]
    assert pay == [(118000.0, 142000.0, "annual")]


def test_a_lone_total_comp_label_over_a_sum_is_a_card() -> None:
    page = (
        "<html><body><h1>Acme Data Engineer Salaries</h1><div><p>Median Total Comp · United "
        "States</p><p>$244,000</p><p>25th% <b>$180K</b> · 75th% <b>$290K</b></p><p>Based on "
        "212 data points · Last updated Jan 9, 2026</p></div><p>Data engineers at "
        "Acme build the pipelines behind its products.</p></body></html>"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/html"))
    found = [(c.value, c.qualifiers.get("component")) for c in claims if c.kind == "salary"]
    assert (244000.0, "total") in found


def test_a_marketplace_profiles_record_line_states_no_pay_or_share() -> None:
    page = (
        "# Hire freelance ML engineers\n\n## Top-rated ML engineers\n\n"
        "**Ana R.** · ML Engineer · Lisbon, Portugal\n"
        "Job Success 99% · $210K+ earned · PyTorch, computer vision\n\n"
        "**Mei L.** · ML Engineer · Taipei, Taiwan\n"
        "Job Success 100% · $150K+ earned · Python\n"
    )
    doc = build_document(source_id="c", text=page, media_type="text/markdown")
    assert cards.extract(doc) == []


def test_a_related_links_line_with_a_sum_in_a_title_is_chrome_no_card() -> None:
    page = (
        "# Moving from Dublin to Lisbon as a data engineer?\n\n"
        "My Dublin base was €82k; in Lisbon I get €61k.\n\n---\n\n"
        "*Related: [Is €55k a good salary in Porto?](#) ·\n[Irish tax for contractors](#)*\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert not doc.cards
    assert 55_000.0 not in {c.value for c in extract_claims(doc)[0]}


def test_an_openings_per_applicant_key_figure_is_a_ratio_of_job_demand() -> None:
    page = (
        "KEY FIGURES\n"
        "  Median annual pay ........................ ₩68 million\n"
        "  Median monthly base ...................... ₩4.9 million\n"
        "  Change in median pay vs 2025 ............. +3.1%\n"
        "  Openings-to-applicants ratio for data engineers,\n"
        "  June 2026 ................................ 2.4\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    ratios = [(c.kind, c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "ratio"]
    assert ratios == [("job_demand", "data engineer", 2.4)]


def test_ranked_city_cards_give_each_city_its_rank_pay_and_pay_change_ties_included() -> None:
    """'#2' / 'Leeds' / '£71,000' / '▲ 3.4% vs 2024': the last line changes the card's pay; a
    tie badge ('T-3') over a name labels its card as '#2' does, and both tied cities rank 3."""
    cards_html = "".join(
        f'<div class="c"><span>{badge}</span><h3>{city}</h3><p>£{pay}</p><p>{delta} vs 2024</p>'
        "</div>"
        for badge, city, pay, delta in (
            ("#1", "Manchester, UK", "74,500", "▲ 4.2%"),
            ("#2", "Leeds, UK", "71,000", "▲ 3.4%"),
            ("T-3", "Bristol, UK", "69,000", "▼ 0.8%"),
            ("T-3", "Glasgow, UK", "69,000", "▲ 1.1%"),
        )
    )
    page = (
        "<html><body><h1>ML engineer pay outside London, ranked (2025)</h1>"
        "<p>Cities sorted by median base salary.</p>"
        f"<section>{cards_html}</section></body></html>"
    )
    claims = numeric_claims(document(page, "text/html"))
    ranks = {(c.subject, c.value) for c in claims if c.kind == "ranking"}
    assert ranks == {("manchester", 1), ("leeds", 2), ("bristol", 3), ("glasgow", 3)}
    changes = {
        (c.qualifiers.get("city"), c.value, c.attribute) for c in claims if c.kind == "growth_rate"
    }
    assert changes == {
        ("Manchester", 4.2, "salary_growth"),
        ("Leeds", 3.4, "salary_growth"),
        ("Bristol", -0.8, "salary_growth"),
        ("Glasgow", 1.1, "salary_growth"),
    }
    assert {c.qualifiers.get("city") for c in claims if c.kind == "salary"} == {
        "Manchester",
        "Leeds",
        "Bristol",
        "Glasgow",
    }


def test_a_course_card_whose_line_prices_it_states_no_pay() -> None:
    """'Diploma of Applied AI' / '6 units · online · $2,480 per unit · fees deferred': a course's
    price under its name, not pay; the salary cards beside it stay pay."""
    page = (
        "<html><body><h1>Becoming an ML engineer in Australia</h1>"
        "<div class='c'><h4>Entry level</h4><p>$98,000</p></div>"
        "<div class='c'><h4>Senior</h4><p>$182,000</p></div>"
        "<div class='course'><h4>Diploma of Applied AI</h4>"
        "<p>6 units · online · $2,480 per unit · fees deferred</p></div></body></html>"
    )
    pay = [c.value for c in numeric_claims(document(page, "text/html")) if c.kind == "salary"]
    assert pay == [98000.0, 182000.0]


def test_items_of_an_unordered_list_opening_with_a_heading_are_cards() -> None:
    """'<ul><li><h3>Porto</h3><p>€41,500</p></li>...' under '## Pay by city': each item is a
    city's card, its sum that city's pay, its quote the whole card."""
    page = (
        "<html><body><h1>Machine learning engineer salary in Portugal</h1>"
        "<h2>Pay by city</h2><ul class='tiles'>"
        "<li><h3>Lisbon</h3><p>€48,200</p></li><li><h3>Porto</h3><p>€41,500</p></li>"
        "<li><h3>Braga</h3><p>€36,900</p></li></ul></body></html>"
    )
    doc = document(page, "text/html")
    claims = [c for c in numeric_claims(doc) if c.kind == "salary"]
    assert [(c.qualifiers.get("city"), c.value) for c in claims] == [
        ("Lisbon", 48200.0),
        ("Porto", 41500.0),
        ("Braga", 36900.0),
    ]
    assert quote(doc, claims[1]) == "Porto\n€41,500"


def test_items_of_an_unordered_list_with_more_than_sums_under_their_heading_stay_items() -> None:
    """A job board's '<li><h3>ML Engineer, Pricing</h3><p>Shopwise, London</p><p>£70,000 –
    £85,000 a year</p></li>' and a skill's '<li><h3>Python</h3><p>68%</p></li>' are no cards of
    pay: the posting keeps its pay, the skill list its skills."""
    page = (
        "<html><body><h1>ML jobs in London</h1><h2>Latest jobs</h2><ul>"
        "<li><h3>ML Engineer, Pricing</h3><p>Shopwise, London</p><p>£70,000 – £85,000 a year</p>"
        "</li></ul><h2>Most requested skills</h2><ul><li><h3>Python</h3><p>68%</p></li>"
        "<li><h3>PyTorch</h3><p>41%</p></li></ul></body></html>"
    )
    claims, _ = extract_claims(document(page, "text/html"))
    assert [(c.value, c.value_high) for c in claims if c.kind == "salary"] == [(70000.0, 85000.0)]
    assert {c.text for c in claims if c.kind == "skill"} == {"Python", "PyTorch"}

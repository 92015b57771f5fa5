"""Table claims: breakdowns, rankings, counts, salaries, market figures and comparisons."""

from __future__ import annotations

import pytest
from support.documents import bundled, document, fixture, numeric_claims, quote

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, tables
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import is_place


@pytest.fixture(scope="module")
def article() -> tuple[object, list[Claim]]:
    doc = bundled(1)
    return doc, tables.extract(doc)


def _by_title(claims: list[Claim], words: str) -> list[Claim]:
    return [c for c in claims if words in c.qualifiers.get("table_title", "")]


def test_every_quote_is_the_row_or_cell_text(article) -> None:
    doc, claims = article
    assert claims
    for claim in claims:
        assert quote(doc, claim).strip() == quote(doc, claim)
        assert 0 <= claim.char_start < claim.char_end <= len(doc.text)


def test_industry_breakdown_is_a_partial_share_table(article) -> None:
    doc, claims = article
    rows = _by_title(claims, "Top Industries")
    assert [c.kind for c in rows] == ["share"] * 5
    assert [c.value for c in rows] == [25, 20, 18, 15, 12]
    assert {c.unit for c in rows} == {"percent"}
    assert {c.subject for c in rows} == {"machine learning engineer"}
    first = rows[0].qualifiers
    assert first["dimension"] == "industry"
    assert first["category"] == "Information Technology"
    assert first["partial"] is True
    assert first["rank"] == 1
    assert first["measure"] == "Percentage of Machine Learning Engineers Employed"
    assert quote(doc, rows[0]).startswith("1") and quote(doc, rows[0]).endswith("25%")


def test_gender_breakdown_sums_to_100_and_is_complete(article) -> None:
    _, claims = article
    rows = _by_title(claims, "Gender")
    assert [c.qualifiers["category"] for c in rows] == ["Male", "Female", "Other"]
    assert sum(c.value for c in rows) == 100
    assert {c.qualifiers["dimension"] for c in rows} == {"gender"}
    assert not any(c.qualifiers["partial"] for c in rows)


@pytest.mark.parametrize(
    ("title", "dimension", "values"),
    [
        ("Educational Background", "education level", [40, 55, 5]),
        ("Job Satisfaction", "job satisfaction level", [46, 39, 10, 4, 1]),
        ("Age Distribution", "age group", [10, 50, 25, 12, 3]),
        ("Job Market Demand", "region", [45, 30, 20, 4, 1]),
    ],
)
def test_other_breakdowns(article, title: str, dimension: str, values: list[float]) -> None:
    _, claims = article
    rows = _by_title(claims, title)
    assert [c.value for c in rows] == values
    assert {c.kind for c in rows} == {"share"}
    assert {c.qualifiers["dimension"] for c in rows} == {dimension}


def test_language_table_is_a_ranking(article) -> None:
    _, claims = article
    rows = _by_title(claims, "Programming Languages")
    assert [(c.kind, c.value, c.unit, c.text) for c in rows] == [
        ("ranking", 1, "rank", "Python"),
        ("ranking", 2, "rank", "R"),
        ("ranking", 3, "rank", "Java"),
    ]
    assert rows[0].qualifiers["dimension"] == "programming language"
    assert rows[0].attribute == "rank"


def test_certification_ranking(article) -> None:
    _, claims = article
    rows = _by_title(claims, "Certifications")
    assert [c.kind for c in rows] == ["ranking"] * 3
    assert rows[2].text == "Microsoft Certified: Azure AI Engineer Associate"


def test_startups_table_gives_counts_by_country(article) -> None:
    _, claims = article
    rows = _by_title(claims, "Startups")
    assert [(c.kind, c.value, c.unit) for c in rows] == [
        ("count", v, "count") for v in (452, 287, 176, 140, 97)
    ]
    assert [c.qualifiers["category"] for c in rows][:2] == ["United States", "India"]
    assert rows[0].qualifiers["dimension"] == "country"
    assert rows[0].qualifiers["measure"] == "Number of Startups"
    assert rows[4].qualifiers["rank"] == 5
    assert "startup" in rows[0].subject


def test_salary_table_by_experience_level(article) -> None:
    _, claims = article
    rows = [c for c in claims if c.kind == "salary"]
    assert [(c.value, c.unit) for c in rows] == [(85000, "USD"), (120000, "USD"), (170000, "USD")]
    assert [c.qualifiers["experience_level"] for c in rows] == ["entry", "mid", "senior"]
    assert {c.qualifiers["statistic"] for c in rows} == {"average"}
    assert {c.qualifiers["pay_period"] for c in rows} == {"annual"}
    assert {c.subject for c in rows} == {"machine learning engineer"}


def test_market_table_one_claim_per_cell(article) -> None:
    doc, claims = article
    market = [c for c in claims if c.kind in ("market_size", "growth_rate")]
    assert [(c.kind, c.value, c.unit, c.year, c.qualifiers["forecast"]) for c in market] == [
        ("market_size", 8.43e9, "USD", 2020, False),
        ("growth_rate", 43.8, "percent", None, False),
        ("market_size", 96.7e9, "USD", 2027, True),
    ]
    assert market[1].attribute == "annual_growth"
    assert {c.subject for c in market} == {"global machine learning market"}
    assert [quote(doc, c) for c in market] == ["$8.43 billion", "43.8%", "$96.7 billion"]
    assert {c.attributed_to for c in market} == {"Grand View Research"}


def test_comparison_table_one_claim_per_cell(article) -> None:
    doc, claims = article
    rows = [c for c in claims if c.kind == "comparison"]
    assert len(rows) == 6
    assert {c.subject for c in rows} == {"data scientist", "machine learning engineer"}
    engineer = [c for c in rows if c.subject == "machine learning engineer"]
    assert engineer[2].text == "Proficient in Python, R, and machine learning libraries"
    assert engineer[2].qualifiers == {
        "compared_with": "data scientist",
        "row": 3,
        "table_title": "Data Scientist vs. Machine Learning Engineer",
    }
    assert quote(doc, engineer[0]) == "Primary focus on designing and building ML models"


def test_ranked_share_table_gives_no_extra_ranking_claims(article) -> None:
    _, claims = article
    assert not [c for c in _by_title(claims, "Top Industries") if c.kind == "ranking"]


def test_claim_counts_per_kind_on_bundled_article(article) -> None:
    _, claims = article
    kinds = [c.kind for c in claims]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "share": 26,
        "ranking": 6,
        "count": 5,
        "salary": 3,
        "market_size": 2,
        "growth_rate": 1,
        "comparison": 6,
    }


def test_html_salary_table_with_colspan_header() -> None:
    doc = fixture("salary_by_country.html")
    claims = tables.extract(doc)
    pay = [c for c in claims if c.kind == "salary"]
    assert [
        (c.value, c.unit, c.qualifiers["country"], c.qualifiers["experience_level"]) for c in pay
    ] == [
        (58000, "EUR", "Germany", "junior"),
        (85000, "EUR", "Germany", "senior"),
        (45000, "EUR", "France", "junior"),
        (70000, "EUR", "France", "senior"),
        (50000, "GBP", "United Kingdom", "junior"),
        (82500, "GBP", "United Kingdom", "senior"),
    ]
    assert {c.qualifiers["statistic"] for c in pay} == {"average"}
    assert {c.qualifiers["pay_period"] for c in pay} == {"annual"}
    assert pay[4].qualifiers["currency_symbol"] == "£"
    assert {c.subject for c in pay} == {"machine learning engineer"}


def test_course_price_table_is_not_salary() -> None:
    claims = tables.extract(fixture("salary_by_country.html"))
    assert not [c for c in claims if c.value in (49, 1200)]


def test_markdown_top5_share_table_is_partial() -> None:
    doc = fixture("shares_rank_comparison.md")
    claims = [c for c in tables.extract(doc) if c.kind == "share"]
    assert [c.value for c in claims] == [34, 21, 14, 12, 9]
    assert sum(c.value for c in claims) == 90
    assert all(c.qualifiers["partial"] for c in claims)
    assert claims[0].qualifiers["dimension"] == "sector"
    assert claims[0].qualifiers["table_title"] == "Top 5 sectors hiring machine learning engineers"
    assert claims[0].subject == "machine learning engineer"


def test_markdown_rank_and_comparison_tables() -> None:
    doc = fixture("shares_rank_comparison.md")
    claims = tables.extract(doc)
    ranks = [(c.value, c.text) for c in claims if c.kind == "ranking"]
    assert ranks == [(1, "PyTorch"), (2, "TensorFlow"), (3, "JAX"), (4, "MXNet")]
    compared = [(c.subject, c.attribute, c.text) for c in claims if c.kind == "comparison"]
    assert compared == [
        ("machine learning engineer", "main output", "Models running in production"),
        ("data analyst", "main output", "Reports and dashboards"),
        ("machine learning engineer", "core language", "Python"),
        ("data analyst", "core language", "SQL"),
    ]


def test_market_table_with_cagr_column_and_period() -> None:
    text = (
        "Market outlook\n\n"
        "Analysts expect the worldwide MLOps market to keep growing.\n\n"
        "| Market size 2023 | CAGR (2024-2030) | Projected market size 2030 |\n"
        "|---|---|---|\n"
        "| USD 1.2 bn | 38.1% | USD 13.3 bn |\n"
    )
    claims = tables.extract(document(text, "text/markdown"))
    growth = next(c for c in claims if c.kind == "growth_rate")
    assert (growth.attribute, growth.value) == ("cagr", 38.1)
    assert (growth.qualifiers["period_start"], growth.qualifiers["period_end"]) == (2024, 2030)
    sizes = [(c.value, c.year, c.qualifiers["forecast"]) for c in claims if c.kind == "market_size"]
    assert sizes == [(1.2e9, 2023, False), (13.3e9, 2030, True)]
    assert {c.subject for c in claims} == {"global machine learning operations market"}


def test_table_of_plain_numbers_without_meaning_gives_nothing() -> None:
    text = "Scores\n\n| Team | Score |\n|---|---|\n| Red | 12 |\n| Blue | 9 |\n"
    assert tables.extract(document(text, "text/markdown")) == []


def test_malformed_table_never_raises() -> None:
    from mlefacts.document.model import Document, Span, Table

    broken = Table(0, 5, (Span(0, 2), Span(3, 99)), ((Span(4, 2), Span(0, 0)),), None, None)
    doc = Document("x", "ab cd", "text/plain", (), (broken,))
    assert tables.extract(doc) == []


def test_a_market_table_of_bare_percent_columns_gives_shares_and_growth_per_row() -> None:
    page = (
        "# Edge AI Software Market Report\n\nThe global edge AI software market stood at USD 2.6"
        " billion in 2025.\n\n## Regional insights\n\n"
        "| Region | Revenue share, 2025 (%) | CAGR 2026–2033 (%) |\n| --- | --- | --- |\n"
        "| North America | 36.2 | 16.9 |\n| Asia Pacific | 30.8 | 21.7 |\n"
        "| Europe | 22.4 | 15.3 |\n"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/markdown"))
    shares = {c.qualifiers["category"]: c.value for c in claims if c.kind == "share"}
    growth = {c.qualifiers["category"]: c for c in claims if c.kind == "growth_rate"}
    assert shares == {"North America": 36.2, "Asia Pacific": 30.8, "Europe": 22.4}
    assert {k: c.value for k, c in growth.items()} == {
        "North America": 16.9,
        "Asia Pacific": 21.7,
        "Europe": 15.3,
    }
    europe = growth["Europe"]
    market = "global edge artificial intelligence software market"
    assert (europe.unit, europe.subject) == ("percent", market)
    assert (europe.qualifiers["period_start"], europe.qualifiers["period_end"]) == (2026, 2033)


def test_a_first_line_of_figures_is_a_row_not_a_header() -> None:
    page = "# Data engineers at work\n\nFully remote | 34%\nHybrid | 48%\nOn-site | 18%\n"
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/markdown"))
    assert {c.qualifiers["category"]: c.value for c in claims if c.kind == "share"} == {
        "Fully remote": 34.0,
        "Hybrid": 48.0,
        "On-site": 18.0,
    }


def test_money_against_job_titles_is_pay_whatever_the_caption() -> None:
    page = (
        "South Africa pay guide 2025\n\nPermanent roles\n"
        "Graduate ML engineer ........ R380 000 - R460 000\n"
        "Senior ML engineer .......... R950 000 - R1 250 000\n"
        "Head of machine learning .... R1 600 000+\n"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/plain"))
    assert [(c.kind, c.subject, c.value, c.value_high, c.unit) for c in claims] == [
        ("salary", "machine learning engineer", 380000, 460000, "ZAR"),
        ("salary", "machine learning engineer", 950000, 1250000, "ZAR"),
        ("salary", "head of machine learning", 1600000, None, "ZAR"),
    ]


def test_a_caption_s_currency_and_scale_make_bare_year_columns_market_sizes() -> None:
    page = (
        "<h1>Edge inference market outlook</h1><table><caption>Regional revenue, USD billion"
        "</caption><tr><th>Region</th><th>2024</th><th>2032</th></tr>"
        "<tr><td>North America</td><td>1.28</td><td>13.91</td></tr>"
        "<tr><td>Europe</td><td>0.71</td><td>8.36</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    assert [(c.kind, c.value, c.unit, c.year, c.qualifiers["category"]) for c in claims] == [
        ("market_size", 1.28e9, "USD", 2024, "North America"),
        ("market_size", 13.91e9, "USD", 2032, "North America"),
        ("market_size", 0.71e9, "USD", 2024, "Europe"),
        ("market_size", 8.36e9, "USD", 2032, "Europe"),
    ]


def test_a_scale_the_heading_or_header_names_scales_small_pay_cells() -> None:
    page = (
        "<h1>AI pay in India</h1><h2>Salary by role (LPA)</h2><table>"
        "<tr><th>Role</th><th>Fresher</th><th>Senior</th></tr>"
        "<tr><td>Machine Learning Engineer</td><td>₹6–9</td><td>₹25–45</td></tr></table>"
        "<h2>Pay (data from 1.2 million offers)</h2><table>"
        "<tr><th>Role</th><th>Median (₹)</th></tr>"
        "<tr><td>Data Scientist</td><td>₹14,50,000</td></tr></table>"
    )
    found = {
        (c.value, c.value_high)
        for c in tables.extract(document(page, "text/html"))
        if c.kind == "salary"
    }
    assert found == {(600000.0, 900000.0), (2500000.0, 4500000.0), (1450000.0, None)}


def test_a_percentile_header_reads_each_row_by_its_pay_period() -> None:
    page = (
        "<h2>Machine learning engineer wages, May 2024</h2><table>"
        "<tr><th>Percentile</th><th>10%</th><th>25%</th><th>50% (Median)</th><th>75%</th>"
        "<th>90%</th></tr>"
        "<tr><td>Hourly wage</td><td>$45.10</td><td>$56.20</td><td>$70.80</td><td>$88.40</td>"
        "<td>$106.90</td></tr>"
        "<tr><td>Annual wage</td><td>$93,800</td><td>$116,900</td><td>$147,300</td>"
        "<td>$183,900</td><td>$222,400</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    claims = [c for c in tables.extract(doc) if c.kind == "salary"]
    read = {(c.value, c.qualifiers["statistic"], c.qualifiers["pay_period"]) for c in claims}
    assert len(claims) == 10
    assert (45.1, "10th percentile", "hourly") in read
    assert (147300.0, "median", "annual") in read
    assert (222400.0, "90th percentile", "annual") in read


def test_percentile_row_labels_and_a_caption_city() -> None:
    page = (
        "<h2>Metropolitan area: Seattle</h2><table><tr><th>Percentile</th><th>Annual wage</th>"
        "</tr><tr><td>25th</td><td>$127,900</td></tr><tr><td>Median</td><td>$159,060</td></tr>"
        "</table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    read = {
        (c.value, c.qualifiers["statistic"], c.qualifiers.get("city")) for c in tables.extract(doc)
    }
    assert read == {(127900.0, "25th percentile", "Seattle"), (159060.0, "median", "Seattle")}


def test_percentile_rows_under_city_columns_are_pay_whatever_the_caption() -> None:
    page = (
        "# Data scientist pay in Canada\n\n## The spread\n\n"
        "| Percentile | Canada | Toronto | Vancouver |\n|---|---|---|---|\n"
        "| 10th | $71,000 | $76,000 | $74,500 |\n"
        "| 50th (median) | $98,000 | $104,000 | $101,000 |\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    read = {
        (c.kind, c.value, c.qualifiers["statistic"], c.qualifiers.get("city"))
        for c in tables.extract(doc)
    }
    assert ("salary", 71000.0, "10th percentile", None) in read
    assert ("salary", 104000.0, "median", "Toronto") in read
    assert len(read) == 6


def test_a_city_column_keeps_its_city_when_the_caption_names_the_currency() -> None:
    """'Base pay, EUR per year' over 'Level | Amsterdam | Rest of country': the caption's
    currency joins each bare header ('Amsterdam (EUR)'), whose city stays the column's."""
    page = (
        "<table><caption>Base pay, EUR per year</caption>"
        "<tr><th>Level</th><th>Amsterdam</th><th>Rest of country</th></tr>"
        "<tr><td>Junior</td><td>48,000-56,000</td><td>42,000-50,000</td></tr>"
        "<tr><td>Senior</td><td>78,000-96,000</td><td>68,000-84,000</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    cities = {c.value: c.qualifiers.get("city") for c in tables.extract(doc)}
    assert cities == {48000.0: "Amsterdam", 42000.0: None, 78000.0: "Amsterdam", 68000.0: None}


def test_a_caption_s_scale_written_joined_to_its_unit_scales_bare_cells() -> None:
    """'Average annual salary by city (万円)' over 'Tokyo | 940': 9.4 million yen, where the
    caption's scale, having no word of its own, failed the table."""
    page = (
        "<h1>ML engineer pay in Japan</h1><table><caption>Average annual salary by city (万円)"
        "</caption><tr><th>City</th><th>Average</th></tr><tr><td>Tokyo</td><td>940</td></tr>"
        "<tr><td>Osaka</td><td>780</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {(c.qualifiers.get("city"), c.value, c.unit) for c in tables.extract(doc)}
    assert found == {("Tokyo", 9400000.0, "JPY"), ("Osaka", 7800000.0, "JPY")}


def test_a_median_total_column_under_a_caption_s_money_is_pay_not_a_count() -> None:
    """'Median base | Median total' under '(USD thousands)': 'total' counts things in other
    headers ('Total respondents'), not after a statistic of pay."""
    page = (
        "<h1>ML engineer survey 2025</h1><table><caption>Median annual pay by country (USD "
        "thousands)</caption><tr><th>Country</th><th>Median base</th><th>Median total</th></tr>"
        "<tr><td>Canada</td><td>128</td><td>139</td></tr>"
        "<tr><td>India</td><td>38</td><td>44</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {(c.kind, c.value) for c in tables.extract(doc)}
    assert found == {
        ("salary", 128000.0),
        ("salary", 139000.0),
        ("salary", 38000.0),
        ("salary", 44000.0),
    }


def test_a_survey_pay_table_by_developer_type_under_its_introducing_line() -> None:
    """'Developer type' heads a column of roles, as 'Job title' does, and the line that
    introduces the table ('Median yearly pay in euros:') gives its sums their period."""
    page = (
        "# Developer Census 2025\n\n## Pay\n\nMedian yearly pay in euros, full-time only:\n\n"
        "| Developer type | Median pay |\n|---|---|\n"
        "| Site reliability engineer | €71,000 |\n| Machine learning engineer | €74,500 |\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    read = {(c.subject, c.value, c.qualifiers.get("pay_period")) for c in tables.extract(doc)}
    assert read == {
        ("site reliability engineer", 71000.0, "annual"),
        ("machine learning engineer", 74500.0, "annual"),
    }


def test_a_paragraph_pointing_at_the_table_below_gives_its_sums_their_period() -> None:
    """'Hourly rates below are what agencies billed ...' ends with a full stop, not a colon,
    yet says what the table under it holds."""
    page = (
        "# Freelance ML rates, spring 2026\n\nHourly rates below are what agencies billed "
        "clients for ML engineers in March. All figures exclude sales tax.\n\n"
        "| City | Mid | Senior |\n|---|---|---|\n"
        "| Lyon | €70–85 | €90–110 |\n| Lille | €65–80 | €85–100 |\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    periods = {c.qualifiers.get("pay_period") for c in tables.extract(doc) if c.kind == "salary"}
    assert periods == {"hourly"}


def test_a_side_by_side_table_of_two_roles_gives_each_its_postings_share_and_change() -> None:
    """Two roles' columns under '(Canada, 2025)': each role's share of postings is its own, and
    'Change in job ads vs 2023' is dated by the caption's 2025, not by the year it is set
    against."""
    page = (
        "<h1>Data Engineer vs Data Analyst</h1><table>"
        "<caption>Side by side (Canada, 2025)</caption>"
        "<tr><th></th><th>Data engineer</th><th>Data analyst</th></tr>"
        "<tr><td>Median salary</td><td>C$104,000</td><td>C$76,000</td></tr>"
        "<tr><td>Change in job ads vs 2023</td><td>+14%</td><td>-3%</td></tr>"
        "<tr><td>Share of job ads that are remote</td><td>27%</td><td>19%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    found = {c.value: c for c in numeric_claims(doc) if c.unit == "percent"}
    assert (found[27].subject, found[19].subject) == ("data engineer", "data analyst")
    change = found[14]
    assert (change.subject, change.year) == ("data engineer", 2025)


def test_a_change_column_dated_by_its_own_year_keeps_it() -> None:
    """'Postings growth in 2025' is the change of 2025; only 'vs 2024' sets a year against."""
    page = (
        "<table><caption>Change in job postings by role</caption>"
        "<tr><th>Role</th><th>Postings growth in 2025</th></tr>"
        "<tr><td>Data engineer</td><td>+24%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert [(c.kind, c.value, c.year) for c in numeric_claims(doc)] == [("job_demand", 24.0, 2025)]


def test_city_row_labels_keep_the_city_before_its_province() -> None:
    page = (
        "<h2>Machine learning engineer median salary by metro</h2><table>"
        "<tr><th>Metro</th><th>Median salary</th></tr>"
        "<tr><td>Toronto, ON</td><td>C$128,000</td></tr>"
        "<tr><td>Bengaluru (Bangalore)</td><td>₹2,400,000</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert {c.qualifiers["city"] for c in tables.extract(doc)} == {"Toronto", "Bengaluru"}


def test_city_rows_under_a_title_naming_a_country_are_cities_not_states() -> None:
    # 'States' in 'United States' is no word of the table's own: its rows are cities.
    page = (
        "<h2>Highest paying cities for machine learning engineers near United States</h2>"
        "<table><tr><th>City</th><th>Average salary</th></tr>"
        "<tr><td>San Jose, CA</td><td>$207,300 per year</td></tr>"
        "<tr><td>Boston, MA</td><td>$168,930 per year</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    claims = tables.extract(doc)
    assert [c.qualifiers.get("city") for c in claims] == ["San Jose", "Boston"]
    assert not any("region" in c.qualifiers for c in claims)


def test_a_rows_unstated_periods_follow_its_sums_of_the_same_size() -> None:
    page = (
        "<h2>Wages, May 2024</h2><table><tr><th>Occupation</th><th>Mean hourly wage</th>"
        "<th>Mean annual wage</th><th>Median</th></tr><tr><td>Data scientists</td>"
        "<td>$60.86</td><td>$126,580</td><td>$112,590</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    periods = {c.value: c.qualifiers.get("pay_period") for c in tables.extract(doc)}
    assert periods == {60.86: "hourly", 126580.0: "annual", 112590.0: "annual"}


def _table_ranks(page: str) -> list[tuple[str | None, float | None]]:
    doc = build_document(source_id="t", text=page, media_type="text/html")
    return [(c.text, c.value) for c in tables.extract(doc) if c.kind == "ranking"]


def test_a_top_n_table_without_a_rank_column_ranks_its_rows_by_their_order() -> None:
    rows = (
        "<tr><td>AI Engineer</td><td>$190,000</td></tr>"
        "<tr><td>Data Scientist</td><td>$150,000</td></tr>"
        "<tr><td>Data Engineer</td><td>$140,000</td></tr>"
    )
    table = f"<table><tr><th>Job title</th><th>Median salary</th></tr>{rows}</table>"
    assert _table_ranks(f"<h2>Top 3 highest-paying AI jobs</h2>{table}") == [
        ("AI Engineer", 1.0),
        ("Data Scientist", 2.0),
        ("Data Engineer", 3.0),
    ]
    # The title counts another number of rows, or ranks nothing: the order is no rank.
    assert _table_ranks(f"<h2>Top 5 highest-paying AI jobs</h2>{table}") == []
    assert _table_ranks(f"<h2>Three AI jobs and their pay</h2>{table}") == []
    # Places in the order of their pay: the rank would only restate the pay.
    cities = table.replace("AI Engineer", "Austin").replace("Data Scientist", "Boston")
    cities = cities.replace("Data Engineer", "Denver").replace("Job title", "City")
    assert _table_ranks(f"<h2>Top 3 cities for AI pay</h2>{cities}") == []


def test_an_index_ranks_by_its_latest_date_column() -> None:
    page = (
        "<html><body><h1>Language index</h1><table><tr><th>Dec 2025</th><th>Dec 2024</th>"
        "<th>Programming language</th></tr><tr><td>1</td><td>1</td><td>Python</td></tr>"
        "<tr><td>2</td><td>3</td><td>C++</td></tr><tr><td>3</td><td>4</td><td>Java</td></tr>"
        "<tr><td>4</td><td>2</td><td>C</td></tr></table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    ranks = [(c.text, c.value) for c in tables.extract(doc) if c.kind == "ranking"]
    assert ranks == [("Python", 1.0), ("C++", 2.0), ("Java", 3.0), ("C", 4.0)]


def test_a_month_by_month_table_gives_each_month_s_change_in_postings() -> None:
    page = (
        "<h1>ML hiring tracker</h1><table><caption>Machine learning engineer postings in the US, "
        "2026</caption><tr><th>Month</th><th>Active postings</th><th>Change vs prior month</th>"
        "<th>Median advertised base</th></tr>"
        "<tr><td>January</td><td>19,960</td><td>—</td><td>$166,500</td></tr>"
        "<tr><td>February</td><td>20,410</td><td>+2.3%</td><td>$167,000</td></tr>"
        "<tr><td>April</td><td>21,240</td><td>−2.9%</td><td>$169,000</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    changes = [
        (c.subject, c.value) for c in claims if c.kind == "job_demand" and c.unit == "percent"
    ]
    assert changes == [("machine learning engineer", 2.3), ("machine learning engineer", -2.9)]


def test_a_rank_set_beside_last_year_s_rank_is_a_ranking_though_pay_follows_it() -> None:
    page = (
        "<h1>Best-paying cities for ML engineers</h1><table><tr><th>2026 rank</th>"
        "<th>2025 rank</th><th>City</th><th>Median salary (USD, annual)</th></tr>"
        "<tr><td>1</td><td>1</td><td>San Francisco</td><td>$212,400</td></tr>"
        "<tr><td>2</td><td>3</td><td>Seattle</td><td>$198,700</td></tr>"
        "<tr><td>3</td><td>2</td><td>New York</td><td>$189,300</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    ranks = [(c.qualifiers.get("city"), c.value) for c in claims if c.kind == "ranking"]
    assert ranks == [("San Francisco", 1), ("Seattle", 2), ("New York", 3)]


def test_a_column_of_open_roles_with_words_between_is_a_count_of_openings() -> None:
    page = (
        "<h1>Best-paying cities for ML engineers</h1><table><tr><th>City</th>"
        "<th>Median salary (USD)</th><th>Open ML engineer roles, Jan 2026</th></tr>"
        "<tr><td>Seattle</td><td>$198,700</td><td>6,120</td></tr>"
        "<tr><td>Boston</td><td>$171,900</td><td>2,980</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    assert [(c.kind, c.value) for c in claims if c.unit == "count"] == [
        ("job_demand", 6120),
        ("job_demand", 2980),
    ]


def test_a_rank_column_of_skills_ranks_them_though_their_shares_follow_it() -> None:
    page = (
        "<html><body><h1>ML Engineer Hiring Dashboard</h1><h2>Most requested skills</h2>"
        "<table><tr><th>Rank</th><th>Skill</th><th>% of postings</th></tr>"
        "<tr><td>1</td><td>Python</td><td>82%</td></tr>"
        "<tr><td>2</td><td>PyTorch</td><td>49%</td></tr></table>"
        "<h2>Open roles by metro</h2>"
        "<table><tr><th>Rank</th><th>Metro</th><th>Open roles</th></tr>"
        "<tr><td>1</td><td>Seattle</td><td>3,410</td></tr>"
        "<tr><td>2</td><td>Boston</td><td>2,280</td></tr></table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    ranks = [(c.text, c.value) for c in extract_claims(doc)[0] if c.kind == "ranking"]
    # places sorted by their openings only restate them; skills ranked are a fact of their own
    assert ranks == [("Python", 1.0), ("PyTorch", 2.0)]


def test_a_role_comparison_table_states_each_roles_pay_in_its_pay_row() -> None:
    page = (
        "<html><body><h1>ML engineer vs data scientist</h1><table><thead><tr><th>Aspect</th>"
        "<th>ML engineer</th><th>Data scientist</th></tr></thead><tbody>"
        "<tr><td>Main output</td><td>Production ML systems</td><td>Insights</td></tr>"
        "<tr><td>Everyday tools</td><td>Python, Docker</td><td>Python, R, SQL</td></tr>"
        "<tr><td>U.S. median base salary (2025)</td><td>$158,000</td><td>$129,000</td></tr>"
        "</tbody></table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    claims = extract_claims(doc)[0]
    pay = [(c.subject, c.value, c.unit, c.year) for c in claims if c.kind == "salary"]
    assert pay == [
        ("machine learning engineer", 158_000, "USD", 2025),
        ("data scientist", 129_000, "USD", 2025),
    ]
    # the words rows stay comparisons, none folded into the header
    compared = [c.text for c in claims if c.kind == "comparison"]
    assert compared[:2] == ["Production ML systems", "Insights"]


def test_a_role_comparison_tables_statistic_rows_are_pay_and_percent_rows_are_shares() -> None:
    """'Middle salary per year' and 'Usual spread (monthly)' name no pay word, yet sums beside
    roles are the roles' pay; 'Postings open to remote work | 44% | 19%' is each role's share."""
    page = (
        "# Platform engineer or ML engineer?\n\n| | ML engineer | Platform engineer |\n"
        "|---|---|---|\n"
        "| Median per year | €71,500 | €66,000 |\n"
        "| Usual range (monthly) | €4,900 – €7,300 | €4,400 – €6,600 |\n"
        "| Postings open to remote work | 44% | 19% |\n"
        "| Change in postings since 2024 | 12% | 3% |\n"
        "| Typical stack | PyTorch, Ray | Terraform, Go |\n"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))[0]
    pay = {
        (c.subject, c.value, c.value_high, c.unit, c.qualifiers.get("pay_period"))
        for c in claims
        if c.kind == "salary"
    }
    assert pay == {
        ("machine learning engineer", 71500, None, "EUR", "annual"),
        ("platform engineer", 66000, None, "EUR", "annual"),
        ("machine learning engineer", 4900, 7300, "EUR", "monthly"),
        ("platform engineer", 4400, 6600, "EUR", "monthly"),
    }
    shares = {(c.subject, c.value, c.qualifiers["category"]) for c in claims if c.kind == "share"}
    assert shares == {
        ("machine learning engineer", 44, "postings open to remote work"),
        ("platform engineer", 19, "postings open to remote work"),
    }
    assert {c.value for c in claims if c.kind == "job_demand"} == {12, 3}
    assert [c.text for c in claims if c.kind == "comparison"] == ["PyTorch, Ray", "Terraform, Go"]


def test_a_pay_row_s_bare_thousands_take_the_currency_its_other_cells_write() -> None:
    """'US base salary, per year | $105K–$165K | $128,000 to $205,000 | 135k-215k': the third
    role's range is in the row's dollars."""
    page = (
        "# DS vs MLE vs AIE\n\n| | Data scientist | ML engineer | AI engineer |\n"
        "|---|---|---|---|\n"
        "| Main output | Insights | Models | Features |\n"
        "| US base salary, per year | $105K–$165K | $128,000 to $205,000 | 135k-215k |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    pay = {
        (c.subject, c.value, c.value_high, c.unit)
        for c in tables.extract(doc)
        if c.kind == "salary"
    }
    assert pay == {
        ("data scientist", 105000, 165000, "USD"),
        ("machine learning engineer", 128000, 205000, "USD"),
        ("artificial intelligence engineer", 135000, 215000, "USD"),
    }


def test_a_role_comparison_tables_growth_row_and_entry_pay_row() -> None:
    page = (
        "| | ML engineer | Data analyst |\n|---|---|---|\n"
        "| Day to day | Serving models | Building dashboards |\n"
        "| Typical entry salary | $104,000 | $71,000 |\n"
        "| Projected job growth, 2025–2035 | 29% | 11% |\n"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))[0]
    entry = {
        (c.subject, c.qualifiers.get("experience_level")) for c in claims if c.kind == "salary"
    }
    assert entry == {("machine learning engineer", "entry"), ("data analyst", "entry")}
    growth = {
        (c.subject, c.value, c.qualifiers.get("period_start"), c.year)
        for c in claims
        if c.kind == "job_demand"
    }
    assert growth == {
        ("machine learning engineer", 29.0, 2025, 2035),
        ("data analyst", 11.0, 2025, 2035),
    }
    assert [c.text for c in claims if c.kind == "comparison"] == [
        "Serving models",
        "Building dashboards",
    ]


def test_a_two_level_header_over_a_labelled_column_is_still_folded() -> None:
    page = (
        "<html><body><h1>ML engineer pay by city</h1><table><tr><th>City</th>"
        "<th>Average annual salary</th><th>Average annual salary</th></tr>"
        "<tr><td>City</td><td>Junior</td><td>Senior</td></tr>"
        "<tr><td>Austin</td><td>$120,000</td><td>$170,000</td></tr></table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    pay = [
        (c.value, c.qualifiers.get("experience_level"))
        for c in extract_claims(doc)[0]
        if c.kind == "salary"
    ]
    assert pay == [(120_000, "junior"), (170_000, "senior")]


def test_a_market_pages_table_of_forecasts_by_research_firm() -> None:
    page = (
        "# Speech analytics market: three forecasts compared\n\n"
        "| Research firm | Base-year value | Forecast value | CAGR |\n|---|---|---|---|\n"
        "| Alder Insight | US$3.1 bn (2024) | US$9.8 bn (2031) | 17.9% |\n"
        "| Brook & Finch | US$2.7 bn (2025) | US$7.2 bn (2030) | 21.6% |\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    read = {
        (c.kind, c.value, c.year, c.attributed_to, c.qualifiers.get("period_start"))
        for c in tables.extract(doc)
    }
    assert read == {
        ("market_size", 3.1e9, 2024, "Alder Insight", None),
        ("market_size", 9.8e9, 2031, "Alder Insight", None),
        ("growth_rate", 17.9, None, "Alder Insight", 2024),
        ("market_size", 2.7e9, 2025, "Brook & Finch", None),
        ("market_size", 7.2e9, 2030, "Brook & Finch", None),
        ("growth_rate", 21.6, None, "Brook & Finch", 2025),
    }
    assert {c.subject for c in tables.extract(doc)} == {"speech analytics market"}


def test_a_headerless_text_table_on_a_pay_page_is_pay() -> None:
    text = (
        "Data engineer pay, nationwide (US)\n\nMetro areas\n"
        "  Denver-Aurora, CO ............ $151,000\n"
        "  Austin-Round Rock, TX ........ $146,500\n"
        "  Raleigh-Cary, NC ............. $139,200\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    pay = {(c.kind, c.value, c.qualifiers.get("category")) for c in tables.extract(doc)}
    assert ("salary", 151000.0, "Denver-Aurora, CO") in pay and len(pay) == 3


def test_a_quarters_rank_column_ranks_the_cities_of_its_rows() -> None:
    page = (
        "# Data engineer hiring tracker: Q2 2026\n\n## Top hiring cities\n\n"
        "| Q2 2026 rank | Q1 2026 rank | City | New postings |\n|---|---|---|---|\n"
        "| 1 | 2 | Chicago | 3,120 |\n| 2 | 1 | Austin, TX | 2,980 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    ranks = {(c.subject, c.value) for c in tables.extract(doc) if c.kind == "ranking"}
    assert ranks == {("chicago", 1.0), ("austin", 2.0)}


def test_a_work_arrangement_column_under_a_people_breakdown_title_divides_the_pages_role() -> None:
    page = (
        "# How data engineers work in 2026\n\n## By company size\n\n"
        "| Company size | Fully remote |\n|---|---|\n"
        "| 1–50 employees | 52% |\n| 1,001+ employees | 18% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    shares = {(c.subject, c.value) for c in tables.extract(doc) if c.kind == "share"}
    assert shares == {("data engineer", 52.0), ("data engineer", 18.0)}


def test_a_years_column_gives_each_pay_row_its_level() -> None:
    page = (
        "# Data engineer pay in India\n\n"
        "| Level | Years | Fixed + bonus (per annum) |\n|---|---|---|\n"
        "| Data Engineer I | 0–2 | ₹6,00,000 – ₹11,00,000 |\n"
        "| Data Engineer II | 5–8 | ₹18,00,000 – ₹30,00,000 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    levels = {(c.value, c.qualifiers.get("experience_level")) for c in tables.extract(doc)}
    assert levels == {(600000.0, "entry"), (1800000.0, "mid")}  # by the fewest years


def test_a_bare_dollar_in_a_countrys_row_is_that_countrys_dollar() -> None:
    page = (
        "# Data engineer survey 2026\n\nMedian base salary, by region:\n\n"
        "| Region | Median base |\n|---|---|\n| United States | $151,000 |\n"
        "| Canada | CA$118,000 |\n| Australia | $139,000 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    units = {c.value: c.unit for c in tables.extract(doc) if c.kind == "salary"}
    assert units == {151000.0: "USD", 118000.0: "CAD", 139000.0: "AUD"}


def test_a_ranked_skill_row_names_the_skill_its_brackets_abbreviate() -> None:
    page = (
        "# Skills in ML engineer job ads\n\n## Skills ranked by share of job ads\n\n"
        "| Rank | Skill | % of job ads |\n|---|---|---|\n"
        "| 1 | Python | 81% |\n| 2 | Large language models (LLMs) | 28% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    ranks = {(c.subject, c.value) for c in tables.extract(doc) if c.kind == "ranking"}
    assert ranks == {("python", 1.0), ("large language models", 2.0)}


def test_a_work_arrangement_column_in_a_monthly_pay_and_postings_table_holds_shares() -> None:
    page = (
        "# Data engineer hiring tracker\n\n"
        "| Month | Active postings | Median advertised base | Fully remote |\n|---|---|---|---|\n"
        "| January | 8,120 | $141,000 | 18.4% |\n| February | 8,460 | $142,500 | 17.9% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    shares = {(c.subject, c.value) for c in tables.extract(doc) if c.kind == "share"}
    assert shares == {("data engineer", 18.4), ("data engineer", 17.9)}


def test_a_funding_table_on_a_market_page_holds_no_market_sizes() -> None:
    page = (
        "# Machine learning market size, share and forecast 2025-2032\n\n"
        "## Largest funding rounds in 2024\n\n| Company | Funding raised |\n|---|---|\n"
        "| Cobalt AI | $6.6 billion |\n| Vireo Labs | $4 billion |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert [c for c in tables.extract(doc) if c.kind == "market_size"] == []


def test_a_table_of_languages_ranked_by_their_share_ranks_its_rows() -> None:
    page = (
        "# Survey 2025\n\n## Languages used at work\n\nRanked by share of respondents.\n\n"
        "| Language | % |\n|---|---|\n| Python | 94% |\n| SQL | 63% |\n| Go | 9% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    ranks = [(c.subject, c.value) for c in tables.extract(doc) if c.kind == "ranking"]
    # skills in the order of their share, as jobs are: 'Go' alone under 'Language' is one
    assert ranks == [("python", 1.0), ("sql", 2.0), ("go", 3.0)]


def test_go_or_r_alone_among_other_skills_of_a_column_is_the_language() -> None:
    """'Go' under 'Skill' below 'Python' and 'SQL': the column lists skills, so it is the
    language, as the skills reader takes it, with its share of the ads and its rank."""
    page = (
        "# ML hiring tracker\n\n## Most requested skills\n\n"
        "| Rank | Skill | Share of ads |\n|---|---|---|\n| 1 | Python | 71% |\n| 2 | SQL | 48% |\n"
        "| 3 | Go | 11% |\n| 4 | R | 8% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = {(c.kind, c.subject, c.value) for c in tables.extract(doc)}
    assert {("share", "go", 11.0), ("share", "r", 8.0)} <= found
    assert {("ranking", "go", 3.0), ("ranking", "r", 4.0)} <= found
    # one skill alone in a column is no list of skills: 'Go' there stays a word
    alone = page.replace("| Python |", "| Python users |").replace("| SQL |", "| SQL users |")
    doc = build_document(source_id="t", text=alone, media_type="text/markdown")
    assert not {c.subject for c in tables.extract(doc)} & {"go", "r"}


def test_a_ranked_table_of_roles_gives_each_its_posting_growth() -> None:
    page = (
        "<h1>AI talent pulse</h1><h2>Fastest-growing AI roles</h2><p>Roles ranked by growth.</p>"
        "<table><tr><th>2026 rank</th><th>Role</th><th>Posting growth, YoY</th></tr>"
        "<tr><td>1</td><td>MLOps engineer</td><td>+64%</td></tr>"
        "<tr><td>2</td><td>Data engineer</td><td>+19%</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    found = [(c.kind, c.subject, c.value) for c in claims if c.kind == "job_demand"]
    # 'Posting' in the singular names what grew as well as 'Postings'
    assert found == [
        ("job_demand", "machine learning operations engineer", 64.0),
        ("job_demand", "data engineer", 19.0),
    ]


def test_a_share_of_the_week_divides_the_role_s_time_by_activity() -> None:
    page = (
        "# ML engineer survey 2025\n\n## Where the week goes\n\n| Activity | Share of an average "
        "week |\n|---|---|\n| Data preparation | 31% |\n| Training and tuning | 22% |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = [(c.subject, c.value, c.qualifiers["category"]) for c in tables.extract(doc)]
    # the role's week, and an activity that names a practice is no share of its users
    assert found == [
        ("machine learning engineer", 31.0, "Data preparation"),
        ("machine learning engineer", 22.0, "Training and tuning"),
    ]


def test_a_pay_table_s_change_column_is_the_growth_of_each_row_s_pay() -> None:
    page = (
        "<table><caption>Median data engineer salary by country, 2025</caption>"
        "<tr><th>Country</th><th>Median base salary</th><th>Change vs 2024</th></tr>"
        "<tr><td>Austria</td><td>€61,000</td><td>+2.7%</td></tr>"
        "<tr><td>Belgium</td><td>€64,500</td><td>-1.2%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    changes = {
        c.qualifiers["country"]: (
            c.value,
            c.qualifiers.get("measure"),
            c.qualifiers.get("period_start"),
        )
        for c in tables.extract(doc)
        if c.kind == "growth_rate"
    }
    assert changes == {"Austria": (2.7, "salary", 2024), "Belgium": (-1.2, "salary", 2024)}


def test_a_source_of_stress_that_names_a_tool_is_no_share_of_that_tool() -> None:
    page = (
        "<h1>Data engineer wellbeing survey 2025</h1><p>We surveyed 900 data engineers.</p>"
        "<table><caption>Main stressors at work</caption>"
        "<tr><th>Stressor</th><th>Respondents</th></tr>"
        "<tr><td>Fragile Airflow pipelines</td><td>44%</td></tr>"
        "<tr><td>Too many meetings</td><td>31%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    subjects = {c.value: c.subject for c in tables.extract(doc) if c.kind == "share"}
    assert subjects == {44.0: "data engineer", 31.0: "data engineer"}


def test_a_places_share_of_the_openings_column_is_the_roles_openings_there() -> None:
    page = (
        "<h1>Where data engineers are hired, 2025</h1>"
        "<p>We counted 12,400 open data engineer roles across Canada.</p>"
        "<table><tr><th>City</th><th>Openings</th><th>Share of Canadian openings</th></tr>"
        "<tr><td>Toronto</td><td>4,960</td><td>40.0%</td></tr>"
        "<tr><td>Montreal</td><td>2,480</td><td>20.0%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    shares = {c.value: c.subject for c in tables.extract(doc) if c.kind == "share"}
    assert shares == {40.0: "data engineer", 20.0: "data engineer"}
    # a whole of its own: every AI posting, not the role's
    page = page.replace("Share of Canadian openings", "Share of AI openings")
    doc = build_document(source_id="p", text=page, media_type="text/html")
    shares = {c.value: c.subject for c in tables.extract(doc) if c.kind == "share"}
    assert "data engineer" not in shares.values()


def test_washington_written_with_a_comma_before_dc_is_a_city() -> None:
    assert is_place("Washington, DC")


def test_a_column_converting_the_local_pay_into_another_currency_is_no_pay_of_its_own() -> None:
    page = (
        "<table><caption>Median data engineer salary by country, 2025</caption>"
        "<tr><th>Country</th><th>Median salary</th><th>Approx. in EUR</th></tr>"
        "<tr><td>Norway</td><td>NOK 720,000</td><td>61,500</td></tr>"
        "<tr><td>Poland</td><td>PLN 190,000</td><td>44,200</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    pay = {(c.value, c.unit) for c in tables.extract(doc) if c.kind == "salary"}
    assert pay == {(720000.0, "NOK"), (190000.0, "PLN")}
    # an equivalent in the same currency is a figure of its own: a year of the hourly rate
    page = (
        "<table><caption>Data engineer pay by level, UK, 2025</caption>"
        "<tr><th>Level</th><th>Hourly rate (GBP)</th>"
        "<th>Annual salary, full-time equivalent (GBP)</th></tr>"
        "<tr><td>Junior</td><td>25</td><td>48,000</td></tr>"
        "<tr><td>Senior</td><td>45</td><td>86,000</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    pay = {c.value for c in tables.extract(doc) if c.kind == "salary"}
    assert {48000.0, 86000.0} <= pay


def test_a_change_column_set_beside_a_count_of_openings_is_no_change_in_pay() -> None:
    page = (
        "<table><caption>Median data engineer salary and vacancies by country, 2025</caption>"
        "<tr><th>Country</th><th>Median base salary</th><th>Vacancies</th><th>Change</th></tr>"
        "<tr><td>Austria</td><td>€61,000</td><td>1,430</td><td>+6%</td></tr>"
        "<tr><td>Belgium</td><td>€64,500</td><td>1,120</td><td>-2%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert not [c for c in tables.extract(doc) if c.kind == "growth_rate"]
    # a change column that names the pay is the pay's, wherever it stands
    doc = build_document(
        source_id="p", text=page.replace("<th>Change", "<th>Salary change"), media_type="text/html"
    )
    assert [c.value for c in tables.extract(doc) if c.kind == "growth_rate"] == [6.0, -2.0]


def test_a_text_table_titled_between_rules_reads_its_bare_ranges_in_the_titles_currency() -> None:
    text = (
        "Data engineer pay in Canada, 2025\n\n"
        "------------------------------------------------\n"
        "TABLE 2. National base salary bands by level, 2025 (CAD)\n"
        "------------------------------------------------\n"
        "Level                          Range\n"
        "Junior (1–2 years)             71,000 – 88,000\n"
        "Intermediate (3–5 years)       90,000 – 118,000\n"
        "Principal (10+ years)          160,000 and up\n"
        "------------------------------------------------\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = {
        c.value: (
            c.value_high,
            c.unit,
            c.qualifiers.get("experience_level"),
            c.qualifiers.get("bound"),
        )
        for c in tables.extract(doc)
        if c.kind == "salary"
    }
    assert found == {
        71_000.0: (88_000.0, "CAD", "junior", None),
        90_000.0: (118_000.0, "CAD", "mid", None),
        160_000.0: (None, "CAD", "principal", "lower"),
    }


def test_a_years_column_under_a_caption_s_currency_is_experience_not_pay() -> None:
    text = (
        "Pay bands for data engineers, 2025 (AUD)\n\n"
        "Level        Years    Base\n"
        "Graduate     0–2      95,000 – 120,000\n"
        "Senior       6–9      175,000 – 220,000\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = sorted(c.value for c in tables.extract(doc) if c.kind == "salary")
    assert found == [95_000.0, 175_000.0]


def test_columns_headed_by_bands_of_years_under_a_captions_currency_are_pay_by_level() -> None:
    """'2–5 yrs | 6+ yrs' over bare numbers, the caption naming the currency and scale: each
    column is pay at the level its years give (a 'Years' column of bands stays experience)."""
    page = (
        "<h1>Data engineer pay in Kenya</h1><table><caption>Median pay by city, 2026 "
        "(KES thousand per month)</caption><tr><th>City</th><th>0–1 yr</th><th>2–5 yrs</th>"
        "<th>6+ yrs</th></tr><tr><th>Nairobi</th><td>120</td><td>210</td><td>390</td></tr>"
        "</table>"
    )
    doc = build_document(source_id="k", text=page, media_type="text/html")
    found = [
        (c.value, c.unit, c.qualifiers.get("experience_level"), c.qualifiers.get("city"))
        for c in tables.extract(doc)
        if c.kind == "salary"
    ]
    assert found == [
        (120_000.0, "KES", "entry", "Nairobi"),
        (210_000.0, "KES", "junior", "Nairobi"),
        (390_000.0, "KES", "senior", "Nairobi"),
    ]


def test_a_whole_row_of_a_share_table_is_no_part_of_it() -> None:
    page = (
        "<h1>Vector search market report</h1><p>The vector search market was worth USD 2.2 "
        "billion in 2025.</p><table><caption>Revenue share by region, 2025</caption>"
        "<tr><th>Region</th><th>Share</th></tr><tr><td>North America</td><td>41%</td></tr>"
        "<tr><td>Europe</td><td>59%</td></tr><tr><td><b>Global</b></td><td>100%</td></tr></table>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    shares = sorted(c.value for c in tables.extract(doc) if c.kind == "share")
    assert shares == [41.0, 59.0]


def test_a_column_of_median_annual_gross_pay_by_city_is_salaries() -> None:
    page = (
        "# Machine Learning Engineer – Gehalt in Deutschland 2025\n\n"
        "## By city: Jahresbruttogehalt (median)\n\n"
        "| Stadt | Median annual gross |\n|---|---|\n"
        "| München | 78.900 € |\n| Leipzig | 58.300 € |\n"
    )
    claims = extract_claims(build_document(source_id="g", text=page, media_type="text/markdown"))
    assert {(c.kind, c.value, c.unit, c.qualifiers.get("city")) for c in claims[0]} == {
        ("salary", 78900.0, "EUR", "München"),
        ("salary", 58300.0, "EUR", "Leipzig"),
    }


def test_an_uncaptioned_table_under_a_note_takes_its_sections_heading_as_title() -> None:
    text = (
        "Data engineer pay in Australia (2026)\n\nOVERVIEW\n\nSome words about the job.\n\n"
        "Hourly wages by state (AUD, 2026)\n"
        "Low = 10th percentile. High = 90th percentile. Full-time employees only.\n\n"
        "  Location             Low      Median    High\n"
        "  Australia            $38.00   $57.50    $84.00\n"
        "  Victoria             $39.50   $59.00    $86.00\n"
        "  Tasmania             $34.00   $51.00    $77.00\n"
    )
    claims = tables.extract(document(text))
    found = {(c.value, c.qualifiers.get("pay_period")) for c in claims}
    assert {(57.5, "hourly"), (59.0, "hourly"), (77.0, "hourly")} <= found and len(found) == 9
    places = {
        c.value: {k: c.qualifiers.get(k) for k in ("city", "country", "region")} for c in claims
    }
    assert places[57.5] == {"city": None, "country": "Australia", "region": None}
    assert places[59.0] == {"city": None, "country": None, "region": "Victoria"}


def test_a_headerless_count_table_is_headed_by_its_lead_in() -> None:
    text = (
        "# Hiring tracker\n\nOpen data engineer postings by metro area:\n\n"
        "  Toronto ............ 4,100\n  Montréal ........... 2,250\n  Calgary ............ 980\n"
        "\nCourse prices:\n\n  Foundations ........ 1,200\n  Advanced ........... 2,400\n"
    )
    found = [(c.kind, c.subject, c.value) for c in tables.extract(document(text))]
    assert found == [
        ("job_demand", "data engineer", 4100),
        ("job_demand", "data engineer", 2250),
        ("job_demand", "data engineer", 980),
    ]


def test_dollars_in_a_column_headed_usd_stay_us_dollars_on_a_canadian_row() -> None:
    text = (
        "# Data engineer survey 2026\n\n| Country | Median salary (USD) | Median salary |\n"
        "|---|---|---|\n| Canada | $98,000 | $131,000 |\n| Australia | $101,000 | $152,000 |\n"
    )
    found = {(c.value, c.unit) for c in tables.extract(document(text))}
    assert found == {(98000, "USD"), (101000, "USD"), (131000, "CAD"), (152000, "AUD")}


def test_rank_columns_headed_by_month_and_year_rank_by_the_latest() -> None:
    page = (
        "<html><body><h1>Hiring monitor</h1><h2>Tools in demand</h2><table><tr><th>Tool</th>"
        "<th>% of ads</th><th>Sep 2026 rank</th><th>Sep 2025 rank</th></tr>"
        "<tr><td>Airflow</td><td>48%</td><td>1</td><td>2</td></tr>"
        "<tr><td>Spark</td><td>41%</td><td>2</td><td>1</td></tr>"
        "<tr><td>dbt</td><td>22%</td><td>3</td><td>3</td></tr></table></body></html>"
    )
    doc = build_document(source_id="m", text=page, media_type="text/html")
    ranks = [(c.subject, c.value, c.year) for c in tables.extract(doc) if c.kind == "ranking"]
    assert ranks == [("airflow", 1.0, 2026), ("spark", 2.0, 2026), ("dbt", 3.0, 2026)]


def test_a_cagr_cell_with_its_period_in_brackets_is_a_growth_rate_over_that_period() -> None:
    page = (
        "<html><body><h1>Machine learning market estimates</h1><table><tr><th>Firm</th>"
        "<th>2025 market size</th><th>CAGR</th></tr><tr><td>Northvale Research</td>"
        "<td>USD 64.0 billion</td><td>24.5% (2026–2031)</td></tr></table></body></html>"
    )
    doc = build_document(source_id="g", text=page, media_type="text/html")
    rates = [c for c in tables.extract(doc) if c.kind == "growth_rate"]
    assert [(c.value, c.qualifiers["period_start"], c.qualifiers["period_end"]) for c in rates] == [
        (24.5, 2026, 2031)
    ]


def test_a_sample_size_column_beside_pay_is_no_count_but_an_openings_column_is() -> None:
    """'Vacancies in sample' or 'Respondents' beside each row's pay says how many answers or
    adverts that pay was drawn from: not a fact of the field. 'Open roles' beside pay is."""
    page = (
        "# ML engineer pay by city, 2025\n\n"
        "| City | Median | Vacancies in sample |\n|---|---|---|\n"
        "| Leeds | £61,000 | 310 |\n| Bristol | £64,500 | 275 |\n\n"
        "## Survey pay by country\n\n"
        "| Country | Median total pay | Respondents |\n|---|---|---|\n"
        "| Canada | CA$151,000 | 233 |\n| Ireland | €97,000 | 128 |\n\n"
        "## Pay and open roles by city\n\n"
        "| City | Median | Open roles |\n|---|---|---|\n"
        "| Leeds | £61,000 | 1,210 |\n| Bristol | £64,500 | 980 |\n"
    )
    claims = tables.extract(document(page, "text/markdown"))
    counts = sorted(c.value for c in claims if c.unit == "count")
    assert counts == [980, 1210]
    assert len([c for c in claims if c.kind == "salary"]) == 6


def test_percentile_pay_columns_beside_a_count_column_are_still_pay() -> None:
    """'City | Median | 90th percentile | Vacancies in sample' on a role's pay page: the count
    column does not make the table a breakdown; its pay columns are the city's pay."""
    page = (
        "# Machine Learning Engineer Salaries in the UK\n\n## Median and top decile by city\n\n"
        "| City | Median | 90th percentile | Vacancies in sample |\n|---|---|---|---|\n"
        "| Leeds | £61,000 | £90,000 | 310 |\n| Bristol | £64,500 | £96,000 | 275 |\n"
    )
    claims = tables.extract(document(page, "text/markdown"))
    found = {(c.qualifiers.get("city"), c.qualifiers.get("statistic")): c.value for c in claims}
    assert found == {
        ("Leeds", "median"): 61000,
        ("Leeds", "90th percentile"): 90000,
        ("Bristol", "median"): 64500,
        ("Bristol", "90th percentile"): 96000,
    }


def test_a_median_column_with_its_currency_on_a_role_s_pay_page_is_pay() -> None:
    """'City | Median (EUR)' under 'Top-paying cities' names no pay word: the median of a
    money column on the role's salary page is its pay all the same."""
    page = (
        "<h1>Machine Learning Engineer Salaries in Europe, 2025</h1><h2>Top-paying cities</h2>"
        "<table><tr><th>City</th><th>Median (EUR)</th></tr>"
        "<tr><td>Lisbon</td><td>48,300</td></tr><tr><td>Vienna</td><td>66,100</td></tr></table>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    found = {c.qualifiers.get("city"): (c.kind, c.value, c.unit) for c in claims}
    assert found == {"Lisbon": ("salary", 48300, "EUR"), "Vienna": ("salary", 66100, "EUR")}


def test_a_note_above_a_grid_of_bare_numbers_gives_their_currency_and_scale() -> None:
    """'Figures in the grid are median pay in ₹ lakh per annum.' over 'City | Entry | Mid' and
    '8.4 | 18.9': the note says what the bare numbers are, as a caption would."""
    page = (
        "<h1>ML Engineer Pay in India</h1><h2>Pay by city and level</h2>"
        "<p>Figures in the grid are median fixed pay in ₹ lakh per annum.</p>"
        "<table><tr><th>City</th><th>Entry</th><th>Mid</th></tr>"
        "<tr><td>Pune</td><td>7.1</td><td>15.6</td></tr></table>"
        "<h2>Openings by city</h2><p>Numbers below are open roles in June, not pay in ₹.</p>"
        "<table><tr><th>City</th><th>Openings</th></tr><tr><td>Pune</td><td>1,240</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    found = {(c.kind, c.qualifiers.get("experience_level"), c.unit): c.value for c in claims}
    assert found == {
        ("salary", "entry", "INR"): 710000,
        ("salary", "mid", "INR"): 1560000,
        ("job_demand", None, "count"): 1240,
    }


def test_sums_that_say_their_pay_period_are_pay_whatever_the_rows_are() -> None:
    """'Employer type | Typical range' over '₹18–32 LPA' on a role's page is its pay by
    employer type; a price list whose sums name no pay period is not."""
    page = (
        "<h1>ML Engineer Salary in India</h1><h2>By employer type</h2>"
        "<table><tr><th>Employer type</th><th>Typical range</th></tr>"
        "<tr><td>Product start-up</td><td>₹15–30 LPA</td></tr>"
        "<tr><td>IT services firm</td><td>₹6.5–12 LPA</td></tr></table>"
        "<h2>Our courses</h2><table><tr><th>Track</th><th>Cost</th></tr>"
        "<tr><td>MLOps bootcamp</td><td>₹54,500</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    assert sorted((c.value, c.value_high) for c in claims) == [
        (650000, 1200000),
        (1500000, 3000000),
    ]


def test_a_short_lead_in_naming_a_currency_gives_a_plain_text_table_its_unit() -> None:
    """'Regional outlook (USD billion):' over an aligned text table of bare numbers: the
    lead-in is the table's title and unit, so its cells are market sizes."""
    page = (
        "Edge AI Market to Reach USD 9.1 Billion by 2031\n\n"
        "The global edge AI market is growing fast, says a new report.\n\n"
        "Regional outlook (USD billion):\n\n"
        "  Region            2025     2031\n"
        "  North America     1.20     3.90\n"
        "  Europe            0.80     2.60\n"
    )
    claims = tables.extract(document(page))
    assert sorted(c.value for c in claims if c.kind == "market_size") == [
        800_000_000,
        1_200_000_000,
        2_600_000_000,
        3_900_000_000,
    ]


def test_group_rows_spanning_a_share_table_name_each_groups_breakdown() -> None:
    """'<th colspan=2>By deployment</th>' over its rows: each group's rows are shares of the
    market by that breakdown; the spanning row is neither a second header nor a share."""
    row = "<tr><td>{}</td><td>{}</td></tr>"
    page = (
        "<h1>Global MLOps Market Report</h1><p>The global MLOps market was worth USD 3.1 "
        "billion in 2025.</p><table><caption>Revenue share by segment, 2025 (%)</caption>"
        "<tr><th>Segment</th><th>Share</th></tr><tr><th colspan='2'>By deployment</th></tr>"
        + row.format("Cloud", "68.5")
        + row.format("On-premises", "31.5")
        + "<tr><th colspan='2'>By enterprise size</th></tr>"
        + row.format("Large enterprises", "61.0")
        + row.format("SMEs", "39.0")
        + "</table>"
    )
    claims = tables.extract(document(page, "text/html"))
    assert [(c.qualifiers["category"], c.qualifiers.get("dimension"), c.value) for c in claims] == [
        ("Cloud", "deployment", 68.5),
        ("On-premises", "deployment", 31.5),
        ("Large enterprises", "enterprise size", 61.0),
        ("SMEs", "enterprise size", 39.0),
    ]


def test_an_uncaptioned_share_table_divides_what_its_lead_in_names() -> None:
    """'Country shares of 2025 spending:' over dot-leader rows on a market's release that
    also mentions ML engineers: the shares divide the market's spending, not the role."""
    page = (
        "European AI Software Market to Pass EUR 90 Billion by 2030\n\n"
        "Spending on AI software in Europe reached EUR 31.0 billion in 2025. Buyers that hired "
        "machine learning engineers early are scaling up.\n\n"
        "Country shares of 2025 spending:\n"
        "  Germany ............ 24.1%\n  France ............. 16.0%\n  Italy .............. 7.2%\n"
    )
    claims = [c for c in tables.extract(document(page)) if c.kind == "share"]
    assert {c.subject for c in claims} == {"artificial intelligence software market"}
    assert len(claims) == 3


def test_a_share_of_the_openings_a_page_tracked_is_its_roles() -> None:
    """'Share of tracked openings' beside pay by employer type, under a lead that explains the
    table: each row's share of the role's openings, not of 'tracked openings'."""
    page = (
        "<h1>ML Engineer Salary in India</h1><h2>Pay by employer type</h2>"
        "<p>The table pairs the usual pay band at each type of employer with its slice of the "
        "ML engineer openings we tracked.</p>"
        "<table><tr><th>Employer type</th><th>Typical band</th><th>Share of tracked openings"
        "</th></tr><tr><td>IT services firm</td><td>₹5.5 – 12 LPA</td><td>58%</td></tr>"
        "<tr><td>Product startup</td><td>₹14 – 30 LPA</td><td>42%</td></tr></table>"
    )
    claims = [c for c in tables.extract(document(page, "text/html")) if c.kind == "share"]
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 58.0),
        ("machine learning engineer", 42.0),
    ]


def test_a_header_that_names_the_middle_half_is_a_header_not_a_first_row() -> None:
    """'Career stage | Median CTC | Middle 50% of submissions': words before the percentage
    make it a column's name, so the table keeps its header and its rows are pay by level."""
    page = (
        "<h1>ML Engineer Salary in India</h1><table><tr><th>Career stage</th><th>Median CTC</th>"
        "<th>Middle 50% of submissions</th></tr>"
        "<tr><td>Fresher (0–1 yr)</td><td>₹6.5 LPA</td><td>₹5.1 – 8.0 LPA</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    found = [(c.value, c.value_high, c.qualifiers.get("experience_level")) for c in claims]
    assert found == [(650000, None, "entry"), (510000, 800000, "entry")]


def test_a_level_column_beside_a_company_label_gives_each_rows_level() -> None:
    """'Company | Level | Base' over 'Quillion | MLE II (mid) | $168,000': the row is mid-level
    pay at that company; a column of other words ('Office') gives none."""
    page = (
        "<h1>ML engineer pay by company</h1><table><tr><th>Company</th><th>Level</th>"
        "<th>Office</th><th>Base</th></tr>"
        "<tr><td>Quillion</td><td>MLE II (mid)</td><td>Austin</td><td>$168,000</td></tr>"
        "<tr><td>Norvex</td><td>Staff MLE</td><td>Denver</td><td>$262,000</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    assert [(c.value, c.qualifiers.get("experience_level")) for c in claims] == [
        (168000, "mid"),
        (262000, "lead"),
    ]


def test_a_row_labelled_by_a_role_named_after_a_skill_is_the_roles() -> None:
    """'MLOps engineer | ... | +71%' under '3-yr posting growth': the growth of that role's
    postings, not of the skill MLOps its title holds."""
    page = (
        "<h1>Best AI jobs of 2026</h1><table><caption>The 2026 ranking (pay and openings as of "
        "June)</caption><tr>"
        "<th>2026 rank</th><th>Job title</th><th>Median base pay</th>"
        "<th>Open positions</th><th>3-yr posting growth</th></tr>"
        "<tr><td>1</td><td>MLOps engineer</td><td>$158,300</td><td>5,120</td><td>+71%</td></tr>"
        "<tr><td>2</td><td>Computer vision engineer</td><td>$162,500</td><td>2,310</td>"
        "<td>+29%</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    growth = [(c.subject, c.value) for c in claims if c.unit == "percent"]
    assert growth == [
        ("machine learning operations engineer", 71.0),
        ("computer vision engineer", 29.0),
    ]


def test_review_a_price_list_a_group_less_row_and_a_note_naming_no_unit_are_no_pay() -> None:
    """A course price list whose sums state a period is no pay; a region row with its figures
    missing heads no group; a lead that mentions pay in passing gives bare numbers no unit."""
    page = (
        "<h1>ML Engineer Salary in the US</h1><h2>Courses</h2><table><tr><th>Course</th>"
        "<th>Cost</th></tr><tr><td>Cloud ML track</td><td>$59/month</td></tr></table>"
        "<h2>Market</h2><p>The global MLOps market was worth USD 3.1 billion in 2025.</p>"
        "<table><caption>Revenue share by region (%)</caption><tr><th>Region</th><th>Share</th>"
        "</tr><tr><td>Latin America</td><td></td></tr><tr><td>Europe</td><td>27.0</td></tr></table>"
        "<h2>Cost of living</h2><p>Salaries in the US are highest in coastal hubs, where offers "
        "above $150,000 are common.</p><table><tr><th>City</th><th>Cost-of-living index</th></tr>"
        "<tr><td>Boston</td><td>152</td></tr></table>"
    )
    claims = tables.extract(document(page, "text/html"))
    assert [c for c in claims if c.kind == "salary"] == []
    [europe] = [c for c in claims if c.kind == "share"]
    assert europe.qualifiers.get("dimension") != "latin america"


def test_a_market_column_of_countries_counts_postings_not_a_market() -> None:
    """Job boards call the countries they cover markets: 'Market | postings | change' over
    countries is the role's demand in each place, not growth of a market that is sold to."""
    page = (
        "# Hiring report\n\n## Demand by market, 2025\n\n"
        "| Market | ML engineer postings | Change vs 2024 |\n|---|---|---|\n"
        "| Germany | 2,410 | +12% |\n| Japan | 1,705 | +8% |\n"
    )
    claims = [c for c in extract_claims(document(page, "text/markdown"))[0] if c.value]
    assert {c.kind for c in claims} == {"job_demand"}
    assert sorted(c.value for c in claims) == [8, 12, 1705, 2410]


def test_a_market_fact_table_row_that_names_a_parts_share_is_a_share() -> None:
    """'Key figures' rows that mix sizes and rates: a row whose label names a part's share is
    that part's share of the page's market, in the row's year; a CAGR row is no share."""
    html = (
        "<h1>Edge AI Software Market to Reach $9.1 Billion by 2030</h1>"
        "<p>The edge AI software market was valued at $2.3 billion in 2024.</p>"
        "<table><tr><th>Services share of revenue (2024)</th><td>38.5%</td></tr>"
        "<tr><th>On-device deployment share</th><td>57% (2024)</td></tr>"
        "<tr><th>Software CAGR, 2025-2030</th><td>25.1%</td></tr>"
        "<tr><th>Automotive segment, 2030</th><td>$1.9 billion</td></tr></table>"
    )
    doc = document(html, "text/html")
    shares = [c for c in extract_claims(doc)[0] if c.kind == "share"]
    assert sorted((c.value, c.qualifiers["category"], c.year) for c in shares) == [
        (38.5, "Services", 2024),
        (57, "On-device deployment", 2024),
    ]
    assert {c.subject for c in shares} == {"edge artificial intelligence software market"}
    rates = html.replace("<tr><th>Automotive segment, 2030</th><td>$1.9 billion</td></tr>", "")
    claims = extract_claims(document(rates, "text/html"))[0]
    assert 25.1 not in [c.value for c in claims if c.kind == "share"]


def test_a_range_column_headed_by_a_spread_word_takes_its_neighbours_money() -> None:
    """'Average CTC (₹ LPA)' beside 'Range' over '5.8 | 4.5 – 8': the range is in ₹ lakh a year
    too (it was read as no money at all); with two moneys beside it, it takes neither."""
    page = (
        "<h1>AI Engineer Salary in India</h1><h2>Salary by experience</h2><table><thead><tr>"
        "<th>Experience</th><th>Average CTC (₹ LPA)</th><th>Range</th></tr></thead><tbody>"
        "<tr><td>0–1 years</td><td>5.8</td><td>4.5 – 8</td></tr>"
        "<tr><td>2–4 years</td><td>10.9</td><td>8 – 16</td></tr></tbody></table>"
    )
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.kind == "salary"]
    assert sorted((c.value, c.value_high, c.unit) for c in claims) == [
        (450000.0, 800000.0, "INR"),
        (580000.0, None, "INR"),
        (800000.0, 1600000.0, "INR"),
        (1090000.0, None, "INR"),
    ]
    two = page.replace("<th>Range</th>", "<th>Range</th><th>Bonus (USD)</th>").replace(
        "</td></tr>", "</td><td>900</td></tr>"
    )
    claims = [c for c in numeric_claims(document(two, "text/html")) if c.kind == "salary"]
    assert not [c for c in claims if c.value_high is not None]


def test_a_salary_shorthand_header_names_its_currency_without_a_sign() -> None:
    """'Median CTC (LPA)' over bare '6.4': lakh rupees a year, though no '₹' is written (the
    column was read as no money at all)."""
    page = (
        "# Data engineer pay in India\n\n## Pay by experience\n\n"
        "| Experience | Median CTC (LPA) |\n|---|---|\n| 0–2 years | 6.4 |\n| 3–5 years | 12.5 |\n"
    )
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    assert sorted((c.value, c.unit, c.qualifiers.get("pay_period")) for c in claims) == [
        (640000.0, "INR", "annual"),
        (1250000.0, "INR", "annual"),
    ]


def test_a_postings_table_of_pay_zones_has_the_level_its_title_names() -> None:
    text = (
        "LEAD MACHINE LEARNING ENGINEER, PAYMENTS\n"
        "Remote (United States)  |  Engineering  |  Full-time\n\n"
        "COMPENSATION\n\nThe base salary range for this role is:\n\n"
        "  Zone 1 (New York City, Seattle)  $212,000 - $258,000\n"
        "  Zone 2 (all other U.S. locations)  $172,000 - $210,000\n"
    )
    doc = build_document(source_id="z", text=text, media_type="text/plain")
    levels = [c.qualifiers.get("experience_level") for c in extract_claims(doc)[0]]
    assert levels == ["lead", "lead"]


def test_a_share_column_of_all_job_postings_by_country_divides_the_postings() -> None:
    page = (
        "# AI Index 2026\n\n**Figure 4.1.2: AI job postings (% of all job postings) by country, "
        "2025**\n\n| Country | AI job postings (% of all job postings) |\n|---|---|\n"
        "| Singapore | 3.4% |\n| United States | 2.1% |\n"
    )
    claims = tables.extract(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims] == [("job posting", 3.4), ("job posting", 2.1)]


@pytest.mark.parametrize(
    ("note", "period"),
    [
        ("Values in USD billion.", (2024, 2030)),
        ("Values in USD billion. CAGR is for 2025–2030.", (2025, 2030)),
    ],
)
def test_a_country_tables_growth_column_runs_over_its_year_columns_or_its_notes_period(
    note: str, period: tuple[int, int]
) -> None:
    page = (
        "# The computer vision market by country\n\n"
        f"*{note}*\n\n| Country | 2024 | 2030 (forecast) | CAGR |\n|---|---|---|---|\n"
        "| Japan | 3.1 | 9.8 | 21.2% |\n| Korea | 1.4 | 4.9 | 23.0% |\n"
    )
    rates = {
        c.value: (c.qualifiers.get("period_start"), c.qualifiers.get("period_end"))
        for c in tables.extract(document(page, "text/markdown"))
        if c.kind == "growth_rate"
    }
    assert rates == {21.2: period, 23.0: period}


def test_a_regional_pay_tables_growth_per_year_gives_no_level_and_its_women_column_shares() -> None:
    page = (
        "# Data engineers by region\n\n| Region | Employed | Median annual pay | Projected "
        "employment growth, 2025–2030 (% a year) | Women (%) |\n|---|---|---|---|---|\n"
        "| North | 1,200 | $98,000 | 4.6 | 24 |\n| South | 800 | $91,000 | 3.9 | 27 |\n"
    )
    claims = tables.extract(document(page, "text/markdown"))
    levels = {c.value: c.qualifiers.get("experience_level") for c in claims if c.kind == "salary"}
    shares = sorted(c.value for c in claims if c.kind == "share")
    assert (levels, shares) == ({98000.0: None, 91000.0: None}, [24.0, 27.0])


def test_a_sum_in_a_currency_code_the_reader_does_not_know_leaves_its_column_money() -> None:
    page = (
        "# Data engineer pay by market\n\n| Market | Mid-level (3–5 yrs) |\n|---|---|\n"
        "| Singapore | SGD 121,000 |\n| Hong Kong | HKD 650,000 |\n| Sydney | AUD 150,000 |\n"
        "| Manila | PHP 1.7m |\n"
    )
    pay = [(c.value, c.unit) for c in tables.extract(document(page, "text/markdown"))]
    assert pay == [(121000.0, "SGD"), (650000.0, "HKD"), (150000.0, "AUD")]


def test_a_typical_yoe_column_gives_each_level_row_its_level() -> None:
    page = (
        "# Data engineer pay by level\n\n| Level | Typical YOE | Total |\n|---|---|---|\n"
        "| L3 · Data Engineer I | 0–2 | $151K |\n| L4 · Data Engineer II | 3–5 | $198K |\n"
    )
    levels = {
        c.value: c.qualifiers.get("experience_level")
        for c in tables.extract(document(page, "text/markdown"))
        if c.kind == "salary"
    }
    assert levels == {151000.0: "entry", 198000.0: "mid"}


def test_the_corner_over_the_labels_gives_the_pay_period() -> None:
    page = (
        "# ML engineer pay in Kenya\n\n## Pay by city\n\n"
        "| Monthly salary (gross, KES) | Nairobi | Mombasa |\n| --- | --- | --- |\n"
        "| Junior (0–2 years) | KES 180,000 – 240,000 | KES 150,000 – 200,000 |\n"
    )
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    assert [(c.value, c.qualifiers.get("pay_period")) for c in claims] == [
        (180000.0, "monthly"),
        (150000.0, "monthly"),
    ]


def test_a_level_ladder_of_package_parts_is_pay_and_its_titles_give_the_levels() -> None:
    """'Total | Base | Stock (/yr) | Bonus' are the parts of a pay package, so the table is pay
    without a pay word; a row's title ('Staff ...') says its level before its years do."""
    page = (
        "# Orrery Machine Learning Engineer Salaries\n\n## Level ladder\n\n"
        "| Level | Title | Typical experience | Total | Base | Stock (/yr) |\n"
        "|---|---|---|---|---|---|\n"
        "| E3 | Machine Learning Engineer I | 0–1 yrs | $176K | $139K | $25K |\n"
        "| E5 | Senior Machine Learning Engineer | 5–10 yrs | $341K | $207K | $104K |\n"
        "| E6 | Staff Machine Learning Engineer | 8–15 yrs | $488K | $249K | $197K |\n"
    )
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    levels = {c.value: c.qualifiers.get("experience_level") for c in claims}
    assert levels == {
        176000.0: "entry",
        139000.0: "entry",
        25000.0: "entry",
        341000.0: "senior",
        207000.0: "senior",
        104000.0: "senior",
        488000.0: "lead",
        249000.0: "lead",
        197000.0: "lead",
    }


def test_a_release_table_of_counts_in_thousands_with_flags() -> None:
    """A statistics release's table: counts in the unit its header names ('(thousands)'),
    flags after the figures ('312 b', '4.9 p'), and the caption's noun phrase, not its scope,
    as what it counts."""
    page = (
        "Data specialists in employment, 2024\n\n"
        "                   Persons employed      Share of total\n"
        "                   (thousands)           employment (%)\n"
        "EU                      9 870                 4.8\n"
        "Austria                   201 b               4.3 b\n"
        "Portugal                  176 p               3.5 p\n"
    )
    claims = numeric_claims(document(page, "text/plain"))
    counts = {
        c.qualifiers.get("category"): (c.subject, c.value) for c in claims if c.kind == "count"
    }
    assert counts == {
        "EU": ("data specialist", 9_870_000.0),
        "Austria": ("data specialist", 201_000.0),
        "Portugal": ("data specialist", 176_000.0),
    }
    shares = sorted(c.value for c in claims if c.kind == "share")
    assert shares == [3.5, 4.3, 4.8]


def test_a_headerless_table_under_a_heading_of_fees_is_no_pay_on_a_roles_page() -> None:
    page = (
        "<html><body><h1>Certified Machine Learning Engineer</h1><h2>Exam fees</h2><table>"
        "<tr><td>Exam registration</td><td>US$280</td></tr><tr><td>Retake</td><td>US$140</td>"
        "</tr></table><h2>Pay of certified engineers</h2><table><tr><td>Entry level</td>"
        "<td>US$118,000</td></tr><tr><td>Senior</td><td>US$186,000</td></tr></table>"
        "</body></html>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert sorted(c.value for c in claims if c.kind == "salary") == [118000.0, 186000.0]


def test_a_pay_column_that_says_it_holds_an_allowance_is_no_price() -> None:
    page = (
        "# ML engineer pay in the Netherlands\n\n## Salary by experience\n\n"
        "| Experience | Gross per month (€) | Gross per year incl. holiday allowance (€) |\n"
        "|---|---|---|\n| 0–2 years | 3.500 – 4.200 | 45.360 – 54.430 |\n"
        "| Senior (6–10 years) | 5.700 – 7.000 | 73.870 – 90.720 |\n"
    )
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    assert sorted(c.value for c in claims) == [3500.0, 5700.0, 45360.0, 73870.0]


def test_a_first_column_of_pay_bands_labels_a_breakdown_not_pay() -> None:
    page = (
        "# Machine learning engineer survey\n\n## Compensation (2024)\n\n"
        "| Band (USD) | Share |\n|---|---|\n| Under $90,000 | 12% |\n"
        "| $90,000–$159,999 | 47% |\n| $160,000 or more | 41% |\n"
    )
    claims = tables.extract(document(page, "text/markdown"))
    assert [(c.kind, c.value, c.qualifiers["category"]) for c in claims] == [
        ("share", 12, "Under $90,000"),
        ("share", 47, "$90,000–$159,999"),
        ("share", 41, "$160,000 or more"),
    ]
    # a pay table whose first column holds a single sum per row is still pay
    pay = page.replace("Under $90,000", "$88,000").replace("$90,000–$159,999", "$120,000")
    assert {c.kind for c in tables.extract(document(pay, "text/markdown"))} == {"salary"}


def test_growth_by_sector_is_no_market_growth_on_a_page_about_no_market() -> None:
    page = (
        "Hiring index: November\n\nListings of ML engineers rose again.\n\n"
        "SECTOR TRENDS\n\nSector                  YoY change\nBanking                 +12%\n"
        "Logistics               +7%\nRetail                  -4%\n"
    )
    assert [c for c in tables.extract(document(page)) if c.kind == "growth_rate"] == []
    market = "# The AI in retail market\n\nThe AI in retail market grew fast.\n\n" + page
    growth = [c for c in tables.extract(document(market)) if c.kind == "growth_rate"]
    assert [c.value for c in growth] == [12, 7, -4]


def test_a_rows_low_and_high_columns_bound_one_range_of_pay() -> None:
    page = (
        "# Machine learning engineer salaries in Canada\n\n"
        "| Province | Low | High |\n|---|---|---|\n| Ontario | $98,000 | $152,000 |\n"
        "| Quebec | $84,000 | $131,000 |\n"
    )
    doc = document(page, "text/markdown")
    claims = [c for c in tables.extract(doc) if c.kind == "salary"]
    assert [(c.value, c.value_high, c.qualifiers["statistic"]) for c in claims] == [
        (98000, 152000, "range"),
        (84000, 131000, "range"),
    ]
    assert "$98,000" in quote(doc, claims[0]) and "$152,000" in quote(doc, claims[0])


def test_a_sample_column_under_a_caption_naming_a_currency_holds_no_pay() -> None:
    page = (
        "<table><caption>Median yearly pay by developer type (USD)</caption>"
        "<tr><th>Developer type</th><th>Median (USD)</th><th>Responses</th></tr>"
        "<tr><td>Machine learning engineer</td><td>118,300</td><td>1,204</td></tr>"
        "<tr><td>Data engineer</td><td>97,600</td><td>1,512</td></tr></table>"
    )
    claims = [c for c in tables.extract(document(page, "text/html")) if c.kind == "salary"]
    assert sorted(c.value for c in claims) == [97600, 118300]


def test_a_reports_column_under_a_page_note_naming_a_currency_holds_no_pay() -> None:
    """'Employer | Average salary | Reports' on a page whose note says its figures are in
    euros: how many reports each employer's pay rests on, not pay."""
    page = (
        "<h1>Data engineer salaries in Austria</h1>"
        "<p>All figures are gross annual salaries in euros.</p>"
        "<table><tr><th>Employer</th><th>Average salary</th><th>Reports</th></tr>"
        "<tr><td>Alpenbahn Digital</td><td>€71,300</td><td>22</td></tr>"
        "<tr><td>Murtal Versicherung</td><td>€66,800</td><td>35</td></tr></table>"
    )
    claims = [c for c in tables.extract(document(page, "text/html")) if c.kind == "salary"]
    assert sorted(c.value for c in claims) == [66800, 71300]


def test_a_rank_column_under_a_lead_in_of_shares_stays_ranks() -> None:
    page = (
        "# AI talent report\n\n## Talent concentration by country\n\n"
        "Share of each country's workforce with AI engineering skills:\n\n"
        "| Rank | Country | Concentration |\n|---|---|---|\n| 1 | Israel | 1.91% |\n"
        "| 2 | Singapore | 1.58% |\n| 3 | Finland | 1.22% |\n"
    )
    shares = [c for c in tables.extract(document(page, "text/markdown")) if c.kind == "share"]
    assert [(c.value, c.qualifiers.get("rank")) for c in shares] == [
        (1.91, 1),
        (1.58, 2),
        (1.22, 3),
    ]


def test_shares_that_split_a_roles_row_are_that_roles() -> None:
    page = (
        "<h2>Representation in technical roles</h2><p>Candidates apply year round.</p>"
        "<table><tr><th>Role</th><th>Women</th><th>Men</th></tr>"
        "<tr><td>Machine learning engineers</td><td>21.8%</td><td>76.9%</td></tr>"
        "<tr><td>Data scientists</td><td>38.2%</td><td>60.5%</td></tr></table>"
    )
    shares = [c for c in tables.extract(document(page, "text/html")) if c.kind == "share"]
    assert [(c.subject, c.value) for c in shares] == [
        ("machine learning engineer", 21.8),
        ("machine learning engineer", 76.9),
        ("data scientist", 38.2),
        ("data scientist", 60.5),
    ]


def test_a_numbered_exhibit_caption_of_shares_of_respondents_reads_bare_numbers() -> None:
    page = (
        "# State of AI in machine learning teams\n\n"
        "*Exhibit 2: Share of respondents whose organizations use generative AI, by region, %*"
        "\n\n| Region | 2024 | 2025 |\n|---|---|---|\n| North America | 67 | 74 |\n"
        "| Europe | 61 | 66 |\n"
    )
    doc = document(page, "text/markdown")
    shares = [c for c in tables.table_claims(doc, doc.tables[0], role="machine learning engineer")]
    assert [(c.subject, c.value, c.year) for c in shares] == [
        ("respondent", 67, 2024),
        ("respondent", 74, 2025),
        ("respondent", 61, 2024),
        ("respondent", 66, 2025),
    ]


def test_a_projections_table_reads_counts_in_its_notes_scale_and_pay_in_dollars() -> None:
    """'(Numbers in thousands; wages in dollars)': employment, its change and openings are in
    thousands, the wage column in dollars; the change runs between the two years the
    employment columns name, and no change is read as a change in pay."""
    from test_document_text_tables import RULED_RELEASE

    doc = document(RULED_RELEASE)
    found = {
        (c.kind, c.attribute, c.value, c.year, c.qualifiers.get("period_start"))
        for c in numeric_claims(doc)
        if c.subject == "statistician"
    }
    assert found == {
        ("count", "count", 38_900, 2025, None),
        ("count", "count", 51_000, 2035, None),
        ("count", "count", 12_100, 2035, 2025),
        ("job_demand", "demand_growth", 31.1, 2035, 2025),
        ("salary", "salary", 104_100, 2025, None),
    }
    assert not [c for c in numeric_claims(doc) if c.attribute == "salary_growth"]


# A city pay table whose caption says what its bare numbers are in.
_CITY_PAY = (
    "| City | Median salary | Job postings |\n|---|---|---|\n"
    "| Austin | 142 | 1,200 |\n| Denver | 131 | 800 |\n"
)


def test_a_notes_scale_counts_in_thousands_but_a_currency_note_is_every_columns() -> None:
    """'(Numbers in thousands)' scales a count column, never pay beside it; '(in USD
    thousands)' gives its currency and scale to the pay, and postings stay counts."""
    doc = document(
        "# Machine learning engineer pay\n\n"
        f"Table 2. Median pay by city (in USD thousands)\n\n{_CITY_PAY}\n"
        "Table 4. ML engineer jobs by state (Numbers in thousands)\n\n"
        "| State | Employment 2025 | Median salary |\n|---|---|---|\n"
        "| Texas | 12.5 | $150,000 |\n| Ohio | 4.2 | $128,000 |\n",
        "text/markdown",
    )
    found = sorted((c.kind, c.value, c.unit) for c in numeric_claims(doc))
    assert found == [
        ("count", 4_200, "count"),
        ("count", 12_500, "count"),
        ("job_demand", 800, "count"),
        ("job_demand", 1_200, "count"),
        ("salary", 128_000, "USD"),
        ("salary", 131_000, "USD"),
        ("salary", 142_000, "USD"),
        ("salary", 150_000, "USD"),
    ]


def test_a_column_that_writes_its_percent_sign_on_its_first_figure_only_holds_shares() -> None:
    """An occupation profile's 'largest employers' table: '31%' over bare '18' and '12'."""
    doc = document(
        "<h1>Statisticians</h1><h2>Work Environment</h2>"
        "<p>Statisticians held about 38,900 jobs in 2025. The largest employers of "
        "statisticians were as follows:</p><table>"
        "<tr><td>Federal government</td><td>31%</td></tr>"
        "<tr><td>Scientific research and development services</td><td>18</td></tr>"
        "<tr><td>Colleges and universities</td><td>12</td></tr></table>",
        "text/html",
    )
    shares = [(c.value, c.unit, c.qualifiers.get("category")) for c in tables.extract(doc)]
    assert shares == [
        (31, "percent", "Federal government"),
        (18, "percent", "Scientific research and development services"),
        (12, "percent", "Colleges and universities"),
    ]


def test_figures_after_a_first_percentage_that_add_up_past_a_whole_are_no_shares() -> None:
    doc = document(
        "<h1>Statisticians</h1><table>"
        "<tr><td>Job outlook, 2025-35</td><td>11%</td></tr>"
        "<tr><td>Jobs in the largest state</td><td>4,100</td></tr>"
        "<tr><td>Employers surveyed</td><td>95</td></tr></table>",
        "text/html",
    )
    assert not [c for c in tables.extract(doc) if c.kind == "share"]


@pytest.mark.parametrize("note", ["(USD, in thousands)", "(USD; figures in thousands)"])
def test_a_note_giving_the_whole_table_a_currency_stays_the_captions(note: str) -> None:
    doc = document(
        f"# Machine learning engineer pay\n\nTable 2. Median salary by city {note}\n\n{_CITY_PAY}",
        "text/markdown",
    )
    found = sorted((c.kind, c.value, c.unit) for c in numeric_claims(doc))
    assert found == [
        ("job_demand", 800, "count"),
        ("job_demand", 1_200, "count"),
        ("salary", 131_000, "USD"),
        ("salary", 142_000, "USD"),
    ]


def test_a_release_table_with_groups_over_dashes_counts_in_thousands_over_its_period() -> None:
    from test_document_text_tables import SPANNED_RELEASE

    doc = document(SPANNED_RELEASE)
    found = {
        (c.kind, c.value, c.year, c.qualifiers.get("period_start"))
        for c in numeric_claims(doc)
        if c.subject == "statistician"
    }
    assert found == {
        ("count", 38_900, 2025, None),
        ("count", 51_000, 2035, None),
        ("count", 12_100, 2035, 2025),
        ("job_demand", 31.1, 2035, 2025),
    }


def test_an_occupation_profile_s_dotted_tables_divide_the_role_and_name_skills_of_ads() -> None:
    """On a data scientist's occupation profile, 'AGE PROFILE (share of workers)' divides the
    role's workers, and a dotted list under 'Skills most often asked for in job ads (share of
    ads):' gives each skill its share of the ads."""
    page = (
        "DATA SCIENTIST\n\nData scientists build statistical models.\n\n"
        "AGE PROFILE (share of workers, May 2025)\n"
        "  20-29 ........................................ 38%\n"
        "  30-39 ........................................ 44%\n"
        "  40 and over .................................. 18%\n\n"
        "  Skills most often asked for in job ads (share of ads, 2025):\n"
        "    Python ...................................... 77%\n"
        "    SQL ......................................... 61%\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    shares = {c.value: (c.subject, c.qualifiers.get("dimension")) for c in claims}
    assert shares[38.0] == ("data scientist", None)
    assert shares[44.0] == ("data scientist", None)
    assert shares[77.0] == ("python", "skill")
    assert shares[61.0] == ("sql", "skill")


def test_a_table_of_a_field_s_openings_by_city_is_the_field_s_not_the_page_role_s() -> None:
    """'Share of AI job openings by city:' over 'City | Share of openings' on an ML engineer
    page: each city's share of the field's openings."""
    page = (
        "# Machine learning engineers in Kenya, 2025\n\n## Where the openings are\n\n"
        "Share of AI job openings by city:\n\n| City | Share of openings |\n|---|---|\n"
        "| Nairobi | 71% |\n| Mombasa | 12% |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = {c.value: c.subject for c in claims if c.kind == "share"}
    assert shares == {
        71.0: "artificial intelligence job opening",
        12.0: "artificial intelligence job opening",
    }


def test_a_table_of_job_titles_of_respondents_divides_those_asked_not_the_page_role() -> None:
    page = (
        "# Data engineering survey 2025\n\n## Job title\n\n| Title | Respondents |\n|---|---|\n"
        "| Data engineer | 52% |\n| Analytics engineer | 31% |\n| Other | 17% |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert {c.subject for c in claims if c.kind == "share"} == {"respondent"}


def test_a_skills_table_of_the_share_of_people_its_header_counts_names_each_skill() -> None:
    """'Skills recruiters look for' over 'Skill | % of recruiters': each skill's share of the
    recruiters, not of 'skills recruiters'."""
    page = (
        "# Hiring survey 2025\n\n## Skills recruiters look for\n\n| Skill | % of recruiters |\n"
        "|---|---|\n| Python | 81% |\n| SQL | 64% |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = {c.value: (c.subject, c.qualifiers.get("population")) for c in claims if c.value}
    assert shares == {81.0: ("python", "recruiter"), 64.0: ("sql", "recruiter")}


def test_a_column_of_change_against_a_year_ago_holds_each_role_s_change_in_demand() -> None:
    page = (
        "# Data roles in Belgium, 2026\n\n| Role | Open vacancies | Vacancies vs. a year ago |\n"
        "|---|---|---|\n| Data engineer | 1,240 | +12% |\n| Data scientist | 980 | −4% |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    changes = {(c.subject, c.value) for c in claims if c.unit == "percent"}
    assert changes == {("data engineer", 12.0), ("data scientist", -4.0)}
    assert {c.kind for c in claims if c.unit == "percent"} == {"job_demand"}


def test_a_salary_column_in_millions_is_pay_and_an_age_column_beside_it_no_money() -> None:
    page = (
        "Annual pay by grade, Seoul, 2025\n"
        "Gross salary incl. bonus (KRW million)\n\n"
        "  Grade            Median age    Salary\n"
        "  Junior                27           52\n"
        "  Senior                36           88\n\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "KRW"]
    assert [(c.kind, c.value, c.qualifiers.get("experience_level")) for c in claims] == [
        ("salary", 52_000_000.0, "junior"),
        ("salary", 88_000_000.0, "senior"),
    ]
    # a market's column in millions stays a market's
    market = (
        "Edge AI market by region (USD million)\n\n"
        "  Region     2025    2030\n  Europe     410     900\n  Asia       300     700\n"
    )
    doc = build_document(source_id="t", text=market, media_type="text/plain")
    assert {c.kind for c in extract_claims(doc)[0] if c.unit == "USD"} == {"market_size"}


def test_a_fixed_width_table_padding_its_currency_codes_reads_every_row_and_no_rest_place() -> None:
    page = (
        "DATA ENGINEER HIRING BY COUNTRY, 2025\n\n"
        "  Country          Openings   Median base salary\n"
        "  ---------------  --------   ------------------\n"
        "  Sweden              1,900   SEK  610,000\n"
        "  Denmark             1,450   DKK  640,000\n"
        "  Other (9 countries)   800   n/a\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = extract_claims(doc)[0]
    assert [
        (c.value, c.unit, c.qualifiers.get("country")) for c in claims if c.kind == "salary"
    ] == [
        (610_000.0, "SEK", "Sweden"),
        (640_000.0, "DKK", "Denmark"),
    ]
    rest = [c for c in claims if c.value == 800.0]
    assert rest and all("country" not in c.qualifiers for c in rest)
    assert rest[0].qualifiers["category"] == "Other (9 countries)"


def test_a_dated_rank_column_under_a_share_lead_in_stays_ranks() -> None:
    page = (
        "# Tools in data engineering ads\n\nShare of ads naming each tool:\n\n"
        "| Rank (2026) | Tool | 2026 | 2025 |\n|---:|---|---:|---:|\n"
        "| 1 | Airflow | 61% | 58% |\n| 2 | dbt | 44% | 35% |\n| 3 | Kafka | 30% | 31% |\n"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))[0]
    assert [(c.subject, c.value) for c in claims if c.kind == "ranking"] == [
        ("airflow", 1.0),
        ("dbt", 2.0),
        ("kafka", 3.0),
    ]
    assert {c.value for c in claims if c.kind == "share"} == {61.0, 58.0, 44.0, 35.0, 30.0, 31.0}


def test_a_role_vs_role_table_gives_pay_by_level_in_the_scope_lines_period() -> None:
    doc = document(
        "# Platform engineer or ML engineer? Pay in Denmark\n\n"
        "All salaries are gross annual amounts, excluding the 12% pension top-up.\n\n"
        "| | ML engineer | Data engineer |\n|---|---|---|\n"
        "| Entry (0–1 yrs) | DKK 480,000 – 560,000 | DKK 450,000 – 520,000 |\n"
        "| Senior (7+ yrs) | DKK 820,000 – 990,000 | DKK 760,000 – 900,000 |\n"
        "| Main stack | Python, Ray | SQL, Spark |\n",
        "text/markdown",
    )
    pay = {
        (
            c.subject,
            c.value,
            c.value_high,
            *map(c.qualifiers.get, ("experience_level", "pay_period")),
        )
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert pay == {
        ("machine learning engineer", 480000.0, 560000.0, "entry", "annual"),
        ("data engineer", 450000.0, 520000.0, "entry", "annual"),
        ("machine learning engineer", 820000.0, 990000.0, "senior", "annual"),
        ("data engineer", 760000.0, 900000.0, "senior", "annual"),
    }


def test_a_note_in_a_scale_joined_to_its_sign_gives_bare_pay_its_money_not_the_ratings() -> None:
    doc = document(
        "<html><body><h1>Machine Learning Engineer pay in Japan</h1>"
        "<h2>By employer</h2><p>Annual pay reported by ML engineers. Figures in 万 円.</p>"
        "<table><tr><th>Employer</th><th>Rating</th><th>Base</th><th>Bonus</th><th>Total</th></tr>"
        "<tr><td>Kiso Robotics</td><td>4.2 ★</td><td>820</td><td>140</td><td>960</td></tr>"
        "<tr><td>Minato Retail</td><td>3.6 ★</td><td>690</td><td>90</td><td>780</td></tr>"
        "</table></body></html>",
        "text/html",
    )
    found = {(c.kind, c.value, c.unit) for c in numeric_claims(doc)}
    assert found == {
        ("salary", 8200000.0, "JPY"),
        ("salary", 1400000.0, "JPY"),
        ("salary", 9600000.0, "JPY"),
        ("salary", 6900000.0, "JPY"),
        ("salary", 900000.0, "JPY"),
        ("salary", 7800000.0, "JPY"),
    }


def test_a_header_word_ending_in_a_scale_letter_and_a_sign_is_no_scale() -> None:
    doc = document(
        "# Freelance machine learning engineer day rates in Ireland\n\n"
        "| Level | Minimum €/day | Maximum €/day |\n|---|---|---|\n"
        "| Mid-level | 480 | 620 |\n| Senior | 620 | 900 |\n",
        "text/markdown",
    )
    rates = {(c.value, c.value_high) for c in numeric_claims(doc) if c.kind == "salary"}
    assert rates == {(480.0, 620.0), (620.0, 900.0)}


def test_a_package_total_is_a_bare_total_and_a_rating_column_its_own_header() -> None:
    doc = document(
        "<html><body><h1>Machine Learning Engineer pay in Spain</h1><h2>Pay by level</h2>"
        "<p>Median annual pay from job ads. Figures in € thousands.</p><table>"
        "<tr><th>Level</th><th>Base</th><th>Bonus at top rating</th><th>Total ads</th></tr>"
        "<tr><td>Junior</td><td>41</td><td>3</td><td>188</td></tr></table></body></html>",
        "text/html",
    )
    found = {(c.kind, c.value) for c in numeric_claims(doc)}
    assert ("salary", 41000.0) in found and ("salary", 3000.0) in found
    assert ("salary", 188000.0) not in found


def test_level_rows_keep_their_own_period_and_a_priced_table_is_no_pay() -> None:
    doc = document(
        "# ML engineer or data analyst? Pay in Chile\n\n"
        "All salaries in this guide are gross annual amounts.\n\n## Pay by level\n\n"
        "| | ML engineer (per month) | Data analyst (per month) |\n|---|---|---|\n"
        "| Junior | CLP 1.900.000 | CLP 1.300.000 |\n\n## Freelance rates\n\n"
        "| | ML engineer | Data analyst |\n|---|---|---|\n"
        "| Senior | CLP 38.000/h | CLP 26.000/h |\n\n## Cost of certification\n\n"
        "| | ML engineer | Data analyst |\n|---|---|---|\n"
        "| Entry level | CLP 450.000 | CLP 300.000 |\n",
        "text/markdown",
    )
    pay = {
        (c.value, c.qualifiers.get("pay_period")) for c in numeric_claims(doc) if c.kind == "salary"
    }
    assert pay == {
        (1900000.0, "monthly"),
        (1300000.0, "monthly"),
        (38000.0, "hourly"),
        (26000.0, "hourly"),
    }


def test_a_table_of_places_and_sums_under_the_pages_scope_line_of_pay_is_pay() -> None:
    doc = document(
        "HARBOUR TECH RECRUITMENT\nMachine Learning Pay Review 2025\n\n"
        "HOW TO READ THIS REVIEW\nAll salaries are gross monthly amounts in ringgit.\n\n"
        "1. OVERVIEW\n\n   Median ML engineer salary ........ RM14,200 per month\n\n"
        "2. BY CITY (median)\n\n   Kuala Lumpur   RM15,100\n   Penang         RM12,800\n"
        "   Johor Bahru    RM11,900\n\n3. COURSE FEES\n\n   Bootcamp       RM9,500\n"
        "   Online course  RM1,200\n"
    )
    pay = {
        (c.value, c.qualifiers.get("city"), c.qualifiers.get("pay_period"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert pay == {
        (14200.0, None, "monthly"),
        (15100.0, "Kuala Lumpur", "monthly"),
        (12800.0, "Penang", "monthly"),
        (11900.0, "Johor Bahru", "monthly"),
    }


def test_a_table_of_places_and_sums_under_a_caption_of_their_statistic_is_pay() -> None:
    doc = document(
        "TAIWAN AI TALENT OUTLOOK 2026\nPrepared for teams hiring machine learning engineers.\n\n"
        "==== Slide 3 ====\nWHERE THE MONEY IS (medians, 2025)\n  Taipei      NT$1.9M\n"
        "  Hsinchu     NT$2.1M\n  Taichung    NT$1.5M\n==== Slide 4 ====\n"
        "WHAT THE TOOLS COST (averages)\n  GPU cloud credits   NT$90,000\n"
        "  Labelling service   NT$45,000\n"
    )
    pay = {(c.value, c.qualifiers.get("city")) for c in numeric_claims(doc) if c.kind == "salary"}
    assert pay == {(1900000.0, "Taipei"), (2100000.0, "Hsinchu"), (1500000.0, "Taichung")}

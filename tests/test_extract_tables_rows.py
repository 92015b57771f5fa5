"""Table rows keep their row label: one claim per (row, numeric column), quoted by its row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from support.documents import document, frame_fixture, numeric_claims, quote

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, extraction_fingerprint, tables
from mlefacts.pipeline import process_batch, split_repeated_ids, validate_tables
from mlefacts.settings import Settings
from mlefacts.sources.manifest import make_source


def test_each_row_of_a_role_table_is_its_own_subject() -> None:
    doc = frame_fixture("role_salary_table.html")
    claims = [c for c in numeric_claims(doc) if c.kind == "salary"]
    assert len(claims) == 4 * 3
    by_key = {
        (c.subject, c.qualifiers.get("experience_level"), c.qualifiers.get("statistic")): c
        for c in claims
    }
    assert by_key[("machine learning engineer", "entry", None)].value == 46000
    assert by_key[("data scientist", None, "median")].value == 61000
    assert by_key[("prompt engineer", "senior", None)].value == 91000
    assert by_key[("business intelligence developer", None, "median")].value == 47000
    for claim in claims:
        row = quote(doc, claim)
        assert "\n" not in row and row.count("£") == 3
        assert claim.context is not None and claim.context.startswith("Annual base salary by role")
        assert claim.unit == "GBP" and claim.qualifiers["pay_period"] == "annual"
        assert "category" not in claim.qualifiers
    scientist = by_key[("data scientist", None, "median")]
    assert quote(doc, scientist).startswith("Data Scientist |")
    assert scientist.context == "Annual base salary by role (GBP) › Median"


def test_a_headed_two_column_table_of_pay_gives_one_claim_a_row() -> None:
    html = """<h1>Machine learning engineer wages</h1><table>
    <tr><th>Measure</th><th>Value</th></tr>
    <tr><td>Mean annual wage</td><td>$163,100</td></tr>
    <tr><td>Mean hourly wage</td><td>$78.40</td></tr></table>"""
    doc = document(html, "text/html")
    found = [(c.value, c.qualifiers.get("pay_period"), quote(doc, c)) for c in numeric_claims(doc)]
    assert found == [
        (163100.0, "annual", "Mean annual wage | $163,100"),
        (78.4, "hourly", "Mean hourly wage | $78.40"),
    ]


def test_role_columns_give_the_subject_and_rows_the_level() -> None:
    doc = frame_fixture("level_by_role_columns.md")
    claims = {(c.subject, c.qualifiers["experience_level"]): c.value for c in numeric_claims(doc)}
    assert claims == {
        ("machine learning engineer", "junior"): 98000,
        ("data scientist", "junior"): 91000,
        ("machine learning engineer", "mid"): 135000,
        ("data scientist", "mid"): 122000,
        ("machine learning engineer", "senior"): 178000,
        ("data scientist", "senior"): 160000,
    }


def _identical_rows_page(rows: int) -> str:
    body = "\n".join("| Remote | 12% |" for _ in range(rows))
    return f"# Where the jobs are\n\n| Region | Share of postings |\n| --- | --- |\n{body}\n"


def test_thirty_identical_rows_give_thirty_claims_and_no_rejection(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "regions.md").write_text(_identical_rows_page(30))
    settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    result = process_batch(
        [make_source("regions.md")], settings=settings, fingerprint=extraction_fingerprint()
    )
    shares = [c for c in result.claims if c["kind"] == "share"]
    assert len(shares) == 30
    assert len({c["claim_id"] for c in result.claims}) == len(result.claims)
    assert result.rejections == []
    frame = pd.DataFrame(result.claims).assign(run_id="r_test", stale=False)
    valid, rejected = validate_tables({"claims": frame}, run_id="r_test")
    assert len(valid["claims"]) == len(result.claims) and rejected.empty


def test_a_repeated_claim_id_is_recorded_as_an_extractor_bug_and_the_run_goes_on() -> None:
    row = {
        "claim_id": "c_1",
        "source_id": "s",
        "extractor": "x",
        "kind": "share",
        "char_start": 0,
        "char_end": 3,
        "quote": "12%",
    }
    assert split_repeated_ids([row, {**row, "claim_id": "c_2"}])[1] == []
    unique, repeats = split_repeated_ids([row, dict(row)])
    assert unique == [row]
    ((message, repeated),) = repeats
    assert message.startswith("extractor bug: claim id c_1 repeats in s") and repeated == row


def test_a_cell_spanning_two_columns_is_read_once() -> None:
    page = (
        "<table><caption>Salary by level</caption>"
        "<tr><th>Level</th><th>Low</th><th>High</th></tr>"
        "<tr><td>Senior</td><td colspan='2'>$150,000</td></tr>"
        "<tr><td>Junior</td><td>$80,000</td><td>$95,000</td></tr></table>"
    )
    doc = document(page, "text/html")
    values = sorted((c.value, c.value_high) for c in numeric_claims(doc) if c.kind == "salary")
    assert values == [(80000, 95000), (150000, None)]  # a low and a high cell bound one range


def test_a_money_table_under_a_role_heading_is_pay_by_level_and_city() -> None:
    page = (
        "## Data engineer\n\n| Level | Leeds | Bristol |\n|---|---|---|\n"
        "| Intermediate (3–5 yrs) | £52,000 | £55,000 |\n| Senior (6+ yrs) | £70,000 | £74,000 |\n"
    )
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "salary"]
    assert {(c.subject, c.qualifiers["experience_level"], c.value) for c in claims} == {
        ("data engineer", "mid", 52000),
        ("data engineer", "mid", 55000),
        ("data engineer", "senior", 70000),
        ("data engineer", "senior", 74000),
    }


def test_level_column_headers_make_a_money_table_a_pay_table() -> None:
    page = "## Spain\n\n| City | Junior | Senior |\n|---|---|---|\n| Madrid | €41,000 | €68,000 |\n"
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.extractor == "tables"]
    assert [(c.kind, c.qualifiers["experience_level"], c.value) for c in claims] == [
        ("salary", "junior", 41000),
        ("salary", "senior", 68000),
    ]


_BEST_JOBS = """<h1>Best Jobs for 2026</h1>
<table>
<tr><th>Rank</th><th>Job Title</th><th>Median Base Salary</th><th>Job Openings</th></tr>
<tr><td>1</td><td>Solutions Architect</td><td>$150,000</td><td>9,000</td></tr>
<tr><td>2</td><td>Data Scientist</td><td>$130,000</td><td>12,000</td></tr>
<tr><td>3</td><td>Machine Learning Engineer</td><td>$140,000</td><td>7,000</td></tr>
</table>"""


def test_a_rank_no_value_column_follows_is_a_ranking_of_each_row() -> None:
    doc = document(_BEST_JOBS, "text/html")
    claims = numeric_claims(doc)
    ranks = {(c.subject, c.value) for c in claims if c.kind == "ranking"}
    assert ranks == {
        ("solutions architect", 1),
        ("data scientist", 2),
        ("machine learning engineer", 3),
    }
    openings = {(c.subject, c.value, c.unit) for c in claims if c.kind == "job_demand"}
    assert openings == {
        ("solutions architect", 9000, "count"),
        ("data scientist", 12000, "count"),
        ("machine learning engineer", 7000, "count"),
    }
    assert {c.kind for c in claims} == {"ranking", "job_demand", "salary"}


def test_a_rank_that_restates_a_value_column_is_not_claimed_again() -> None:
    page = (
        "<h2>Countries with the most AI startups</h2><table>"
        "<tr><th>Rank</th><th>Country</th><th>Number of startups</th></tr>"
        "<tr><td>1</td><td>Canada</td><td>900</td></tr>"
        "<tr><td>2</td><td>Brazil</td><td>400</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert [c for c in claims if c.kind == "ranking"] == []
    assert [(c.kind, c.qualifiers.get("rank")) for c in claims] == [("count", 1), ("count", 2)]


def test_a_ranking_of_jobs_stands_even_when_a_value_column_is_sorted_alike() -> None:
    sorted_table = _BEST_JOBS.replace("$130,000", "$145,000")
    claims = numeric_claims(document(sorted_table, "text/html"))
    assert [c.value for c in claims if c.kind == "ranking"] == [1, 2, 3]


def test_hiring_growth_of_role_rows_is_job_demand_and_ordinal_ranks_are_read() -> None:
    page = (
        "<h2>Fastest-growing jobs</h2><table>"
        "<tr><th>Job title</th><th>Annual hiring growth</th><th>Rank</th></tr>"
        "<tr><td>AI Engineer</td><td>52%</td><td>1st</td></tr>"
        "<tr><td>Data Annotator</td><td>40%</td><td>2nd</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert sorted((c.kind, c.subject, c.value) for c in claims) == [
        ("job_demand", "artificial intelligence engineer", 52),
        ("job_demand", "data annotator", 40),
        ("ranking", "artificial intelligence engineer", 1),
        ("ranking", "data annotator", 2),
    ]


def test_growth_of_other_rows_is_neither_a_share_nor_demand() -> None:
    page = (
        "<h2>Segments</h2><table><tr><th>Segment</th><th>Growth</th></tr>"
        "<tr><td>Cloud</td><td>12%</td></tr><tr><td>Edge</td><td>9%</td></tr></table>"
    )
    assert numeric_claims(document(page, "text/html")) == []


def _level_table(header: str, cells: list[str]) -> str:
    levels = ["Junior", "Mid-level", "Senior", "Principal"][: len(cells)]
    pairs = zip(levels, cells, strict=True)
    rows = "".join(f"<tr><td>{level}</td><td>{cell}</td></tr>" for level, cell in pairs)
    return f"<h2>Pay by level</h2><table><tr><th>Level</th><th>{header}</th></tr>{rows}</table>"


def test_a_currency_named_only_in_the_header_makes_bare_cells_salaries() -> None:
    page = _level_table("Annual base (SGD)", ["62,000 – 84,000", "90,000", "135,000", "190,000+"])
    claims = numeric_claims(document(page, "text/html"))
    assert [
        (c.kind, c.unit, c.value, c.value_high, c.qualifiers.get("experience_level"))
        for c in claims
    ] == [
        ("salary", "SGD", 62000, 84000, "junior"),
        ("salary", "SGD", 90000, None, "mid"),
        ("salary", "SGD", 135000, None, "senior"),
        ("salary", "SGD", 190000, None, "principal"),
    ]
    assert claims[-1].qualifiers["bound"] == "lower"


def test_header_currency_words_and_codes_are_read_but_price_headers_are_not() -> None:
    euro = numeric_claims(document(_level_table("Pay, EUR", ["48,000", "60,000"]), "text/html"))
    assert [(c.kind, c.unit, c.value) for c in euro] == [
        ("salary", "EUR", 48000),
        ("salary", "EUR", 60000),
    ]
    for header in ("Course fee (USD)", "Years"):
        page = _level_table(header, ["4", "7"])
        assert [c for c in numeric_claims(document(page, "text/html")) if c.unit == "USD"] == []
    # a header's scale multiplies its bare cells: market sizes in billions, never $4 of pay
    scaled = _level_table("Market size (USD bn)", ["4", "7"])
    assert [(c.kind, c.unit, c.value) for c in numeric_claims(document(scaled, "text/html"))] == [
        ("market_size", "USD", 4e9),
        ("market_size", "USD", 7e9),
    ]


def test_bare_cells_in_a_header_s_currency_are_grouped_as_that_money_is_written() -> None:
    """'41.500' under 'Annual pay (EUR)' is 41,500 euros, as '41.500 €' would be in prose."""
    page = _level_table("Annual pay (EUR)", ["41.500", "56.000 – 63.250", "80.000+"])
    claims = numeric_claims(document(page, "text/html"))
    assert [(c.unit, c.value, c.value_high) for c in claims] == [
        ("EUR", 41500, None),
        ("EUR", 56000, 63250),
        ("EUR", 80000, None),
    ]


def test_a_currency_column_gives_each_row_s_bare_pay_its_currency() -> None:
    page = (
        "<h1>Data engineer pay in the Nordics</h1><table><tr><th>Country</th><th>Currency</th>"
        "<th>Junior</th><th>Senior</th></tr>"
        "<tr><td>Denmark</td><td>DKK</td><td>480.000</td><td>720.000</td></tr>"
        "<tr><td>Finland</td><td>EUR</td><td>46.000</td><td>71.500</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert [
        (c.unit, c.value, c.qualifiers.get("country"), c.qualifiers.get("experience_level"))
        for c in claims
    ] == [
        ("DKK", 480000, "Denmark", "junior"),
        ("DKK", 720000, "Denmark", "senior"),
        ("EUR", 46000, "Finland", "junior"),
        ("EUR", 71500, "Finland", "senior"),
    ]


def test_a_share_column_in_a_pay_or_market_table_is_read_but_not_a_change_column() -> None:
    pay = (
        "| Experience | Median salary | Share of respondents | Change vs 2024 |\n"
        "|---|---|---|---|\n| Entry | $118,000 | 22% | 4% |\n| Senior | $187,000 | 37% | 6% |\n"
    )
    shares = {
        c.value: c.qualifiers["category"]
        for c in numeric_claims(document(pay))
        if c.kind == "share"
    }
    assert shares == {22.0: "Entry", 37.0: "Senior"}
    # the level is the part the share names, not the whole's: no experience level on the
    # shares, while each row's pay keeps its level
    claims = numeric_claims(document(pay))
    levels = {(c.kind, c.qualifiers.get("experience_level")) for c in claims}
    assert {("salary", "entry"), ("salary", "senior"), ("share", None)} <= levels
    assert ("share", "entry") not in levels and ("share", "senior") not in levels
    market = (
        "# Generative AI Market Report\n\nThe global generative AI market was valued at USD 16.9 "
        "billion in 2024.\n\n| Segment | Market share (%) | CAGR 2025-2033 (%) |\n|---|---|---|\n"
        "| Software | 63.5 | 34.1 |\n| Services | 36.5 | 29.7 |\n"
    )
    claims = numeric_claims(document(market, "text/markdown"))
    assert {(c.kind, c.value) for c in claims if c.extractor == "tables"} == {
        ("share", 63.5),
        ("share", 36.5),
        ("growth_rate", 34.1),
        ("growth_rate", 29.7),
    }


def test_tied_ranks_and_the_current_of_two_rank_columns() -> None:
    page = (
        "<h2>Best AI jobs of 2026</h2><table>"
        "<tr><th>2026 rank</th><th>2025 rank</th><th>Job title</th></tr>"
        "<tr><td>1</td><td>3</td><td>AI Engineer</td></tr>"
        "<tr><td>T-2</td><td>1</td><td>Data Scientist</td></tr>"
        "<tr><td>T-2</td><td>2</td><td>Data Engineer</td></tr></table>"
        "<h2>Top tools</h2><table>"
        "<tr><th>Rank</th><th>Last year</th><th>Tool</th></tr>"
        "<tr><td>1</td><td>2</td><td>Docker</td></tr>"
        "<tr><td>2 (tie)</td><td>1</td><td>Kubernetes</td></tr>"
        "<tr><td>2 (tie)</td><td>3</td><td>Airflow</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert [(c.text, c.value) for c in claims if c.kind == "ranking"] == [
        ("AI Engineer", 1),
        ("Data Scientist", 2),
        ("Data Engineer", 2),
        ("Docker", 1),
        ("Kubernetes", 2),
        ("Airflow", 2),
    ]


def test_a_change_column_of_job_rows_is_job_demand_with_its_sign() -> None:
    """'Change vs last year' and 'YoY change' are changes, not shares: a role row's is that role's
    job demand, a city row's the jobs of the role the table is about; '-6%' is a fall."""
    page = (
        "<html><head><title>Data engineer jobs in Canada</title></head><body>"
        "<h1>Data engineer jobs in Canada</h1>"
        "<table><tr><th>Role</th><th>Live listings</th><th>Change vs last year</th></tr>"
        "<tr><td>Data Engineer</td><td>3,120</td><td>+12%</td></tr>"
        "<tr><td>Data Analyst</td><td>2,480</td><td>-6%</td></tr></table>"
        "<h2>Data engineer listings by city</h2>"
        "<table><tr><th>City</th><th>Job postings</th><th>YoY change</th></tr>"
        "<tr><td>Toronto</td><td>1,210</td><td>+9%</td></tr>"
        "<tr><td>Calgary</td><td>430</td><td>-2%</td></tr></table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    found = {(c.kind, c.subject, c.value, c.qualifiers.get("city")) for c in tables.extract(doc)}
    assert found == {
        ("job_demand", "data engineer", 3120.0, None),
        ("job_demand", "data engineer", 12.0, None),
        ("job_demand", "data analyst", 2480.0, None),
        ("job_demand", "data analyst", -6.0, None),
        ("job_demand", "data engineer", 1210.0, "Toronto"),
        ("job_demand", "data engineer", 9.0, "Toronto"),
        ("job_demand", "data engineer", 430.0, "Calgary"),
        ("job_demand", "data engineer", -2.0, "Calgary"),
    }


def test_a_suppressed_cell_leaves_the_other_rows_of_a_pay_table_read() -> None:
    page = (
        "UK ML engineer earnings 2025\n\nTable 3: Median gross annual earnings, April 2025\n\n"
        "  Area                 GBP\n  London               81,200\n"
        "  Scotland             63,900\n  Wales                [c]\n\n"
        "[c] suppressed: fewer than 30 sample jobs.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    pay = [c.value for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert pay == [81_200, 63_900]


def test_a_survey_s_breakdowns_divide_its_respondents_when_it_divides_them_by_role() -> None:
    page = (
        "<h1>State of ML Engineering Survey: results</h1>"
        "<p>Sample: 3,400 respondents from 60 countries.</p>"
        "<h2>Primary role (respondents)</h2><table><tr><th>Role</th><th>Share</th></tr>"
        "<tr><td>ML engineer</td><td>38%</td></tr>"
        "<tr><td>MLOps / ML platform engineer</td><td>11%</td></tr></table>"
        "<h2>Years of professional experience</h2><table><tr><th>Years</th><th>Share</th></tr>"
        "<tr><td>0-2 years</td><td>18%</td></tr><tr><td>3-5 years</td><td>36%</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert {(c.value, c.subject) for c in claims if c.kind == "share"} == {
        (38, "respondent"),
        (11, "respondent"),
        (18, "respondent"),
        (36, "respondent"),
    }


def test_an_employment_column_counts_the_pages_occupation_by_area() -> None:
    page = (
        "<h1>Machine learning engineers: occupation facts</h1>"
        "<h2>Wages by metropolitan area, 2024</h2><table>"
        "<tr><th>Area</th><th>Employment</th><th>Median annual wage</th></tr>"
        "<tr><td>Springfield</td><td>8,120</td><td>$132,410</td></tr>"
        "<tr><td>Riverton</td><td>430</td><td>$109,870</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert sorted((c.kind, c.subject, c.value) for c in claims if c.kind == "count") == [
        ("count", "machine learning engineer", 430),
        ("count", "machine learning engineer", 8120),
    ]


def test_a_cell_empty_but_for_a_note_leaves_its_column_money() -> None:
    page = (
        "<h1>ML engineer pay in the UK</h1><h2>Base salary by level</h2><table>"
        "<tr><th>Level</th><th>London</th><th>Remote, UK-wide</th></tr>"
        "<tr><td>Junior</td><td>£52,000</td><td>£45,000</td></tr>"
        "<tr><td>Lead</td><td>£125,000</td><td>n/a (too few)</td></tr></table>"
    )
    claims = numeric_claims(document(page, "text/html"))
    assert sorted(c.value for c in claims) == [45_000, 52_000, 125_000]
    # '--' for no figure, as a fixed-width table of a plain-text release writes it
    dashed = page.replace("n/a (too few)", "--")
    claims = numeric_claims(document(dashed, "text/html"))
    assert sorted(c.value for c in claims) == [45_000, 52_000, 125_000]


def test_a_table_of_measures_by_place_is_read_down_its_columns() -> None:
    doc = document(
        "# ML engineer pay in Britain, 2025\n\n## Permanent roles\n\n"
        "| ML engineer, permanent | UK | Manchester | UK excluding London |\n|---|---|---|---|\n"
        "| Adverts | 3,120 | 410 | 1,700 |\n"
        "| Median salary | £79,000 | £71,500 | £70,250 |\n"
        "| 90th percentile salary | £128,000 | £104,000 | £109,000 |\n"
        "| Median change vs 2024 | +3.1% | -0.8% | +2.2% |\n",
        "text/markdown",
    )
    claims = numeric_claims(doc)
    found = {(c.kind, c.value, c.qualifiers.get("city")) for c in claims}
    assert found == {
        ("job_demand", 3120.0, None),
        ("job_demand", 410.0, None),
        ("job_demand", 1700.0, None),
        ("salary", 79000.0, None),
        ("salary", 71500.0, "Manchester"),
        ("salary", 70250.0, None),
        ("salary", 128000.0, None),
        ("salary", 104000.0, "Manchester"),
        ("salary", 109000.0, None),
        ("growth_rate", 3.1, None),
        ("growth_rate", -0.8, "Manchester"),
        ("growth_rate", 2.2, None),
    }, "each cell once, pay changes as pay's growth and never as job demand"
    assert {c.subject for c in claims} == {"machine learning engineer"}
    for claim in claims:  # the row as written holds the figure
        row = quote(doc, claim)
        assert "\n" not in row and doc.text[claim.figure_start : claim.figure_end] in row
    median = next(c for c in claims if c.value == 71500.0)
    assert quote(doc, median).startswith("Median salary |")
    assert median.qualifiers["statistic"] == "median" and median.unit == "GBP"


def test_a_tracker_s_table_of_skills_across_is_read_down_its_columns() -> None:
    """'Python | SQL | Docker' over 'Rank | 1 | 2 | 3' and two years' shares of ads: each column is
    one skill's row, with its rank, both years' shares, and the skill itself."""
    doc = document(
        "# Data jobs tracker\n\n## Most requested skills in ML engineer ads\n\n"
        "| | Python | SQL | Docker |\n|---|---|---|---|\n"
        "| Rank | 1 | 2 | 3 |\n"
        "| Share of ads, 2026 | 68% | 47% | 12% |\n"
        "| Share of ads, 2025 | 64% | 49% | 9% |\n",
        "text/markdown",
    )
    claims, _ = extract_claims(doc)
    found = {(c.kind, c.subject, c.value) for c in claims if c.kind in ("share", "ranking")}
    assert found == {
        ("ranking", "python", 1.0),
        ("ranking", "sql", 2.0),
        ("ranking", "docker", 3.0),
        ("share", "python", 68.0),
        ("share", "python", 64.0),
        ("share", "sql", 47.0),
        ("share", "sql", 49.0),
        ("share", "docker", 12.0),
        ("share", "docker", 9.0),
    }
    skills = {c.qualifiers["canonical"] for c in claims if c.kind == "skill"}
    assert skills == {"Python", "SQL", "Docker"}


def test_a_tracker_s_periods_across_date_each_figure_and_a_bracketed_change_is_pay_growth() -> None:
    """A job-ads tracker's '6 months to Oct 2026 | Same period 2025' across and its measures
    down: each figure takes its column's year, and '£78,000 (+4.0%)' is the median and its
    change on the year before."""
    doc = document(
        "# ML engineer jobs tracker\n\n"
        "| | 6 months to Oct 2026 | Same period 2025 |\n|---|---|---|\n"
        "| Permanent jobs citing ML Engineer | 2,940 | 2,310 |\n"
        "| As % of all IT jobs advertised | 0.52% | 0.41% |\n"
        "| Median annual salary | £78,000 (+4.0%) | £75,000 (-2.6%) |\n",
        "text/markdown",
    )
    claims, _ = extract_claims(doc)
    found = {(c.kind, c.value, c.year) for c in claims if c.kind != "skill"}
    assert found == {
        ("job_demand", 2940.0, 2026),
        ("job_demand", 2310.0, 2025),
        ("share", 0.52, 2026),
        ("share", 0.41, 2025),
        ("salary", 78000.0, 2026),
        ("salary", 75000.0, 2025),
        ("growth_rate", 4.0, 2026),
        ("growth_rate", -2.6, 2025),
    }
    growth = [c for c in claims if c.kind == "growth_rate"]
    assert all(c.qualifiers["measure"] == "salary" for c in growth)
    # a bracket without a sign is no change ('£78,000 (12%)': a share of something)
    unsigned = doc.text.replace("(+4.0%)", "(12%)").replace("(-2.6%)", "(9%)")
    claims, _ = extract_claims(document(unsigned, "text/markdown"))
    assert not [c for c in claims if c.kind == "growth_rate"]


def test_a_grouping_column_gives_each_share_its_dimension_and_the_next_column_its_part() -> None:
    """'Component' spanning 'Solutions' and 'Services': each share's part is the row's own
    label, the group its dimension; a group whose shares fall short of 100% is partial."""
    doc = document(
        "<h1>Speech Recognition Market Report</h1><table><caption>Segment shares, 2024</caption>"
        "<tr><th>Segmentation</th><th>Segment</th><th>Share</th></tr>"
        '<tr><td rowspan="2">Component</td><td>Software</td><td>66.0%</td></tr>'
        "<tr><td>Services</td><td>34.0%</td></tr>"
        '<tr><td rowspan="2">Use</td><td>Call centres</td><td>31.5%</td></tr>'
        "<tr><td>Dictation</td><td>22.0%</td></tr></table>",
        "text/html",
    )
    shares = {
        c.value: (c.qualifiers["category"], c.qualifiers["dimension"], c.qualifiers["partial"])
        for c in numeric_claims(doc)
        if c.kind == "share"
    }
    assert shares == {
        66.0: ("Software", "component", False),
        34.0: ("Services", "component", False),
        31.5: ("Call centres", "use", True),
        22.0: ("Dictation", "use", True),
    }


def test_a_table_under_a_heading_naming_one_level_gives_its_rows_that_level() -> None:
    doc = document(
        "<h1>Data Engineer Pay in the US</h1><h2>Senior (L5) packages by metro</h2>"
        "<table><tr><th>Metro</th><th>Base</th><th>Total</th></tr>"
        "<tr><td>Denver</td><td>$171,000</td><td>$238,000</td></tr>"
        "<tr><td>Austin</td><td>$166,000</td><td>$229,000</td></tr></table>",
        "text/html",
    )
    levels = {c.value: c.qualifiers.get("experience_level") for c in numeric_claims(doc)}
    assert levels == {171000: "senior", 238000: "senior", 166000: "senior", 229000: "senior"}


def test_a_role_vs_role_row_of_open_postings_is_each_role_s_job_demand() -> None:
    doc = document(
        "<h1>Data engineer vs analytics engineer</h1><table>"
        "<tr><th></th><th>Data engineer</th><th>Analytics engineer</th></tr>"
        "<tr><th>Median base salary (US)</th><td>$141,000</td><td>$128,000</td></tr>"
        "<tr><th>Projected employment growth, 2024–2034</th><td>21%</td><td>17%</td></tr>"
        "<tr><th>Open US job postings, November 2025</th><td>21,400</td><td>6,900</td></tr>"
        "<tr><th>Core tools</th><td>Python, Spark, Airflow</td><td>SQL, dbt</td></tr>"
        "</table>",
        "text/html",
    )
    demand = [
        (c.subject, c.value, c.year)
        for c in numeric_claims(doc)
        if c.kind == "job_demand" and c.unit == "count"
    ]
    assert demand == [("data engineer", 21400, 2025), ("analytics engineer", 6900, 2025)]


def test_a_posting_growth_column_beside_pay_is_demand_not_pay_growth() -> None:
    doc = document(
        "# The best data jobs of 2026\n\n| Rank | Job title | Median salary | Posting growth, "
        "2024–2025 | Open jobs |\n|---|---|---|---|---|\n| 1 | Data engineer | $134,500 | +12% "
        "| 18,300 |\n| 2 | Analytics engineer | $121,000 | +19% | 6,100 |\n",
        "text/markdown",
    )
    growth = {(c.kind, c.value) for c in numeric_claims(doc) if c.unit == "percent"}
    assert growth == {("job_demand", 12.0), ("job_demand", 19.0)}


def test_a_segment_table_with_group_rows_reads_shares_and_rates_apart() -> None:
    """'**By component** | | |' rows between 'Platform | 67.2% | 32.9%' rows leave the share
    column a column of shares: no share is read as a growth rate."""
    doc = document(
        "# Edge AI Market Report\n\nThe edge AI market was USD 21 billion in 2024.\n\n"
        "## Segment Snapshot\n\n| Segment | 2024 share | CAGR (2025–2030) |\n|---|---|---|\n"
        "| **By component** | | |\n"
        "| Hardware | 58.1% | 21.4% |\n| Software | 41.9% | 27.0% |\n| **By deployment** | | |\n"
        "| Cloud | 63.5% | 24.9% |\n| On-premises | 36.5% | 19.2% |\n",
        "text/markdown",
    )
    rates = sorted(c.value for c in numeric_claims(doc) if c.kind == "growth_rate")
    shares = sorted(c.value for c in numeric_claims(doc) if c.kind == "share")
    assert rates == [19.2, 21.4, 24.9, 27.0]
    assert shares == [36.5, 41.9, 58.1, 63.5]


def test_a_row_of_suppressed_cells_leaves_the_pay_table_read() -> None:
    """'Other titles | 6 | * | *' (too few answered): '*' is an empty cell, so the columns
    stay money and every other row's pay is read, at the level its caption names."""
    page = (
        "<table><caption>Starting base salary by job title, Class of 2025</caption>"
        "<tr><th>Job title</th><th>Reporting</th><th>Median base salary</th></tr>"
        "<tr><td>Machine learning engineer</td><td>41</td><td>$152,000</td></tr>"
        "<tr><td>Data scientist</td><td>22</td><td>$132,000</td></tr>"
        "<tr><td>Other titles</td><td>6</td><td>*</td></tr></table>"
    )
    claims = [c for c in numeric_claims(document(page, "text/html")) if c.kind == "salary"]
    assert {(c.subject, c.value, c.qualifiers.get("experience_level")) for c in claims} == {
        ("machine learning engineer", 152000.0, "entry"),
        ("data scientist", 132000.0, "entry"),
    }


def test_footnote_marks_and_signed_changes_under_a_percent_header_are_read() -> None:
    """'Employees¹' is a count column and 'All digital occupations²' a row of its own name;
    '+4.4' under 'Change in median, 2024–2025 (%)' is that row's pay growth."""
    page = (
        "# Earnings in digital occupations 2025\n\nTable 1: Employees and earnings, 2025\n\n"
        "| Occupation | Employees¹ | Median annual earnings (€) "
        "| Change in median, 2024–2025 (%) |\n"
        "|---|---|---|---|\n| Data scientists | 9,420 | 76,900 | +4.4 |\n"
        "| All digital occupations² | 121,600 | 66,250 | −1.6 |\n"
    )
    found = {
        (c.kind, c.subject, c.value)
        for c in numeric_claims(document(page, "text/markdown"))
        if c.kind in ("count", "growth_rate")
    }
    assert found == {
        ("count", "data scientist", 9420.0),
        ("count", "digital occupation", 121600.0),
        ("growth_rate", "data scientist", 4.4),
        ("growth_rate", "digital occupation", -1.6),
    }


def test_a_guide_s_one_currency_note_gives_a_bare_table_its_money_and_a_header_its_level() -> None:
    """A recruiter's guide notes once that 'Permanent figures are gross annual base salaries
    in pounds sterling'; a later table of bare numbers by city is that money, and its one
    money row 'Median base, mid-level' gives the level. A page naming two currencies in its
    notes gives none."""
    page = (
        "Salary guide 2026\n\nNOTES\n\nPermanent figures are gross annual base salaries in "
        "pounds sterling, excluding bonus.\n\n3 UK REGIONS\n\n"
        "                            Leeds          Cardiff\n"
        "  Median base, mid-level    61,000         58,500\n"
        "  Change on 2025            +3.2%          -0.8%\n"
    )
    claims, _ = extract_claims(document(page, "text/plain"))
    pay = {
        (c.value, c.unit, c.qualifiers.get("experience_level"))
        for c in claims
        if c.kind == "salary"
    }
    assert pay == {(61000.0, "GBP", "mid"), (58500.0, "GBP", "mid")}
    two = page.replace("excluding bonus.", "excluding bonus. Irish figures are salaries in euros.")
    claims, _ = extract_claims(document(two, "text/plain"))
    assert not [c for c in claims if c.kind == "salary"]


def test_a_scope_note_s_currency_gives_a_table_of_bare_ranges_its_money() -> None:
    """'All amounts are monthly, in CZK' over a level table whose cells are space-grouped
    ranges ('62 000 – 80 000') with no sign of their own: each range is pay in korunas."""
    page = (
        "# Data engineer pay in Czechia, 2025\n\n> **Scope.** All amounts are monthly, in "
        "CZK, gross.\n\n## Pay by level\n\n| Level | Permanent | Contract |\n|---|---|---|\n"
        "| Junior | 48 000 – 62 000 | 55 000 – 70 000 |\n"
        "| Senior | 85 000 – 110 000 | 95 000 – 125 000 |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    pay = {(c.value, c.value_high, c.unit) for c in claims if c.kind == "salary"}
    assert pay == {
        (48000.0, 62000.0, "CZK"),
        (55000.0, 70000.0, "CZK"),
        (85000.0, 110000.0, "CZK"),
        (95000.0, 125000.0, "CZK"),
    }


def test_a_headerless_table_under_a_caption_of_change_holds_changes_not_shares() -> None:
    """'Percent change in employment, projected 2024-34' over 'Data engineers | 18%',
    'Computer occupations | 10%': the caption heads the percentages; they are the role's
    projected growth, no share of anything."""
    page = (
        "<h1>Data Engineers</h1><figure><figcaption>Percent change in employment, projected "
        "2024-34</figcaption><table><tr><td>Data engineers</td><td>18%</td></tr>"
        "<tr><td>Computer occupations</td><td>10%</td></tr>"
        "<tr><td>Total, all occupations</td><td>3%</td></tr></table></figure>"
    )
    claims = tables.extract(build_document(source_id="t", text=page, media_type="text/html"))
    assert [(c.kind, c.subject, c.value) for c in claims] == [("job_demand", "data engineer", 18.0)]


def test_levels_across_and_pay_measures_down_are_read_down_the_columns() -> None:
    """'| | Graduate | Junior | Senior |' over 'Years of experience | 0 | 1–2 | 6–9' and 'Base
    salary (€) | 42,000–50,000 | ...', 'Typical bonus (€) | 1,500 | ...': each level's column
    is its row of a pay table, the currency the row label's."""
    doc = document(
        "# Machine learning engineer pay in Ireland\n\n## Permanent salaries, 2026\n\n"
        "| | Graduate | Junior | Senior |\n|---|---|---|---|\n"
        "| Years of experience | 0 | 1–2 | 6–9 |\n"
        "| Base salary (€) | 42,000–50,000 | 55,000–68,000 | 95,000–118,000 |\n"
        "| Typical bonus (€) | 1,500 | 3,000 | 11,000 |\n",
        "text/markdown",
    )
    pay = {
        (c.value, c.value_high, c.unit, c.qualifiers.get("experience_level"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert pay == {
        (42000.0, 50000.0, "EUR", "entry"),
        (55000.0, 68000.0, "EUR", "junior"),
        (95000.0, 118000.0, "EUR", "senior"),
        (1500.0, None, "EUR", "entry"),
        (3000.0, None, "EUR", "junior"),
        (11000.0, None, "EUR", "senior"),
    }


def test_a_pay_column_in_a_currency_s_thousands_and_its_change_beside_it() -> None:
    """'Role | Median base (USD k) | 1-yr change' over 'Data engineer | 141 | −0.6%': $141,000
    and that pay's change, no change in demand for the role."""
    doc = document(
        "# AI hiring 2025\n\n## Pay\n\n| Role | Median base (USD k) | 1-yr change |\n"
        "|---|---|---|\n| ML engineer | 158 | +4.1% |\n| Data engineer | 141 | −0.6% |\n",
        "text/markdown",
    )
    found = {(c.kind, c.subject, c.value, c.unit) for c in numeric_claims(doc)}
    assert found == {
        ("salary", "machine learning engineer", 158000.0, "USD"),
        ("salary", "data engineer", 141000.0, "USD"),
        ("growth_rate", "machine learning engineer", 4.1, "percent"),
        ("growth_rate", "data engineer", -0.6, "percent"),
    }


def test_a_plain_text_pay_table_over_a_line_of_currency_codes_gives_each_column_its_place() -> None:
    """'Level   Lisbon   Kraków' over 'EUR   PLN': each money column is its city's pay (a
    city-state's column its country's), the code under the place no part of its name."""
    doc = document(
        "Pay report 2026\n\nTable 2  ML engineer base salary, 2026 (annual, local currency)\n\n"
        "Level            Lisbon           Kraków           Singapore\n"
        "                 EUR              PLN              SGD\n"
        "Junior           38,000–46,000    130,000–160,000  80,000–98,000\n"
        "Senior           64,000–80,000    230,000–290,000  150,000–190,000\n",
        "text/plain",
    )
    places = {
        (c.value, c.unit, c.qualifiers.get("city") or c.qualifiers.get("country"))
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert places == {
        (38000.0, "EUR", "Lisbon"),
        (130000.0, "PLN", "Kraków"),
        (80000.0, "SGD", "Singapore"),
        (64000.0, "EUR", "Lisbon"),
        (230000.0, "PLN", "Kraków"),
        (150000.0, "SGD", "Singapore"),
    }


def test_a_classification_code_column_does_not_name_the_rows_the_occupation_beside_it_does() -> (
    None
):
    """'SOC code | Occupation | Median (£)' over '2425 | Data scientists | 54,900': each
    occupation's pay, not the page role's under a code."""
    doc = document(
        "<html><body><h1>Earnings by occupation</h1><table>"
        "<caption>Median annual pay, full-time employees, 2025</caption>"
        "<tr><th>SOC code</th><th>Occupation</th><th>Median (£)</th></tr>"
        "<tr><td>2425</td><td>Data scientists</td><td>54,900</td></tr>"
        "<tr><td>2139x</td><td>Machine learning engineers</td><td>67,300</td></tr>"
        "</table></body></html>",
        "text/html",
    )
    pay = {(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "salary"}
    assert pay == {("data scientist", 54900.0), ("machine learning engineer", 67300.0)}


def test_a_suppressed_cell_marked_x_leaves_the_other_rows_of_a_pay_column() -> None:
    """A statistics office's 'x' (estimate suppressed) in one row: the column is still pay and
    the other rows are read."""
    doc = document(
        "<html><body><h1>Machine learning engineer earnings</h1><table>"
        "<caption>Median annual earnings, machine learning engineers, by region, 2025</caption>"
        "<tr><th>Region</th><th>Median (£)</th></tr>"
        "<tr><td>South East</td><td>66,900</td></tr><tr><td>Scotland</td><td>58,100</td></tr>"
        "<tr><td>Wales</td><td>x</td></tr></table></body></html>",
        "text/html",
    )
    pay = {(c.value, c.qualifiers.get("region")) for c in numeric_claims(doc)}
    assert pay == {(66900.0, "South East"), (58100.0, "Scotland")}


def test_a_question_heading_over_a_share_table_is_no_subject() -> None:
    """'Where do they work?' over 'State | Share of workers (%)' on an occupation's page: the
    role's workers, by state; the question names nobody."""
    doc = document(
        "<html><body><h1>Data Engineers: occupation profile</h1>"
        "<p>Data engineers build the pipelines that move data.</p>"
        "<h2>Where do they work?</h2><p>Share of workers by state, May 2025:</p><table>"
        "<tr><th>State</th><th>Share of workers (%)</th></tr>"
        "<tr><td>Victoria</td><td>31.0</td></tr><tr><td>Queensland</td><td>14.5</td></tr>"
        "</table></body></html>",
        "text/html",
    )
    shares = {(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "share"}
    assert shares == {("data engineer", 31.0), ("data engineer", 14.5)}


def test_a_level_row_also_named_by_a_title_is_the_level_under_a_header_of_levels() -> None:
    """'Level | Pay' over 'Principal / Head of Data Science | €150,000': the page role's
    principal level; the same label under 'Role' stays the head's pay."""
    rows = "| Mid (3–5 yrs) | €90,000 |\n| Principal / Head of Data Science | €150,000 |\n"
    page = "# Data scientist salaries in Dublin 2026\n\n| {} | Base salary |\n|---|---|\n" + rows

    def pay(header: str) -> set[tuple[str, float, str | None]]:
        doc = document(page.format(header), "text/markdown")
        return {
            (c.subject, c.value, c.qualifiers.get("experience_level"))
            for c in numeric_claims(doc)
            if c.kind == "salary"
        }

    assert pay("Level") == {
        ("data scientist", 90000.0, "mid"),
        ("data scientist", 150000.0, "principal"),
    }
    assert ("head of data", 150000.0, None) in pay("Role")


def test_a_lead_in_naming_one_level_gives_a_pay_table_s_rows_that_level() -> None:
    """'Regional medians, senior data engineers:' over 'Johannesburg   R88,000' rows: each
    city's senior pay."""
    doc = document(
        "DATA ENGINEER\n\nRegional medians, senior data engineers:\n"
        "    Johannesburg   R88,000\n    Cape Town      R84,500\n    Durban         R71,000\n",
        "text/plain",
    )
    pay = {
        (c.qualifiers.get("city"), c.qualifiers.get("experience_level"))
        for c in numeric_claims(doc)
    }
    assert pay == {("Johannesburg", "senior"), ("Cape Town", "senior"), ("Durban", "senior")}


def test_a_paragraph_that_mentions_a_level_in_passing_gives_a_pay_table_no_level() -> None:
    """A paragraph above a city pay table that names one level in passing ('Even senior
    engineers moved less this year.') is no lead-in of the table's rows."""
    doc = document(
        "DATA ENGINEER\n\nEven senior engineers moved less this year, and pay held steady.\n"
        "    Johannesburg   R88,000\n    Cape Town      R84,500\n",
        "text/plain",
    )
    levels = {c.qualifiers.get("experience_level") for c in numeric_claims(doc)}
    assert levels == {None}


def test_a_line_under_a_table_or_a_page_note_in_currency_words_gives_bare_cells_money() -> None:
    """'*CHF per year, median.*' right under a level table of bare numbers says what they
    are; so does a page's note in words, 'All salaries are gross annual figures in Swiss
    francs'. A line under the table that states a figure of its own says nothing of them."""
    table = (
        "| Role | 0–2 years | 3–5 years |\n|---|---|---|\n"
        "| Data Engineer | 88,000 | 112,000 |\n| Data Analyst | 74,000 | 93,000 |\n\n"
    )
    under = "# Pay in Zurich, 2026\n\n## By role\n\n" + table + "*CHF per year, median.*\n"
    noted = (
        "# Pay in Zurich, 2026\n\nAll salaries are gross annual figures in Swiss francs.\n\n"
        "## By role\n\n" + table + "Sample: 412 engineers.\n"
    )
    expected = {("CHF", 88000.0), ("CHF", 112000.0), ("CHF", 74000.0), ("CHF", 93000.0)}
    for page in (under, noted):
        claims, _ = extract_claims(document(page, "text/markdown"))
        assert {(c.unit, c.value) for c in claims if c.kind == "salary"} == expected
    counted = under.replace("*CHF per year, median.*", "*CHF per year, median of 412.*")
    claims, _ = extract_claims(document(counted, "text/markdown"))
    assert not [c for c in claims if c.kind == "salary"]


def test_an_indicator_table_dates_each_fact_by_its_year_column() -> None:
    """A labour ministry's occupation profile sets its facts as 'Indicator | Value | Year |
    Source' rows of mixed kinds: each row is the role's fact, dated by its own year cell (a
    fiscal 'FY2025' too): workers counted, yearly and hourly pay, job openings per applicant
    and the shares of its workers a row names. Age in years is no fact of these kinds."""
    page = (
        "<html><body><h1>Data Engineer - occupation profile</h1>"
        "<h2>Labour market indicators</h2><table>"
        "<tr><th>Indicator</th><th>Value</th><th>Year</th><th>Source</th></tr>"
        "<tr><td>Employed persons</td><td>88,400</td><td>2025</td><td>Workforce Survey</td></tr>"
        "<tr><td>Average annual income</td><td>₩61,200,000</td><td>2025</td>"
        "<td>Wage Survey</td></tr>"
        "<tr><td>Average hourly wage, contract staff</td><td>₩38,500</td><td>FY2025</td>"
        "<td>Contract Work Survey</td></tr>"
        "<tr><td>Job openings-to-applicants ratio</td><td>1.84</td><td>FY2025</td>"
        "<td>Employment Service</td></tr>"
        "<tr><td>Average age</td><td>34.8 years</td><td>2025</td><td>Wage Survey</td></tr>"
        "<tr><td>Share of women</td><td>21.3%</td><td>2024</td><td>Workforce Survey</td></tr>"
        "<tr><td>Share employed in Seoul</td><td>61.0%</td><td>2025</td>"
        "<td>Workforce Survey</td></tr>"
        "</table></body></html>"
    )
    claims, _ = extract_claims(document(page, "text/html"))
    found = {
        (c.kind, c.value, c.unit, c.year, c.qualifiers.get("category"))
        for c in claims
        if c.value is not None
    }
    assert found == {
        ("count", 88400.0, "count", 2025, "employed persons"),
        ("salary", 61200000.0, "KRW", 2025, None),
        ("salary", 38500.0, "KRW", 2025, None),
        ("job_demand", 1.84, "ratio", 2025, None),
        ("share", 21.3, "percent", 2024, "women"),
        ("share", 61.0, "percent", 2025, "employed in Seoul"),
    }
    assert {c.subject for c in claims if c.value is not None} == {"data engineer"}


def test_a_role_s_fact_rows_of_change_or_of_the_role_in_a_larger_whole_are_no_workers_share() -> (
    None
):
    """'Percentage increase in job postings | 23%' is a change, and 'Share of data engineers in
    the tech workforce | 2.4%' the role's part of another whole: neither divides the role's
    workers, as 'Share of women | 17.9%' does."""
    page = (
        "# Data Engineer: key numbers for 2024\n\n| Indicator | Value |\n|---|---|\n"
        "| Median annual salary | $141,000 |\n| Job postings | 31,200 |\n"
        "| Percentage increase in job postings | 23% |\n"
        "| Share of data engineers in the tech workforce | 2.4% |\n| Share of women | 17.9% |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = {(c.value, c.qualifiers.get("category")) for c in claims if c.kind == "share"}
    assert shares == {(17.9, "women")}


def test_a_note_about_another_place_s_currency_names_no_table_s_money() -> None:
    """'In Switzerland, pay is quoted in Swiss francs instead.' under a table of bare numbers
    for German cities gives them no currency, nor does a page note about another place."""
    table = "| City | Median base salary |\n|---|---|\n| Berlin | 71,000 |\n| Munich | 77,000 |\n\n"
    under = "# Data Engineer Salaries in Germany, 2025\n\n" + table
    under += "In Switzerland, pay is quoted in Swiss francs instead.\n"
    claims, _ = extract_claims(document(under, "text/markdown"))
    assert not [c for c in claims if c.kind == "salary"]


def test_a_page_note_s_currency_gives_no_money_to_a_table_that_writes_its_own() -> None:
    """'All salaries are in US dollars' on a page whose company table writes its pay with its
    sign ('Northgate | $188,400 | 4.1 ★ | 57'): the rating and the count of reports stay no
    money. A note that names its scale after a comma ('in US dollars, in thousands') scales a
    table of bare numbers."""
    page = (
        "# Data Engineer Salary in the US\n\nOur data comes from 2,900 engineers. All salaries "
        "are in US dollars and exclude equity.\n\n## Top companies\n\n| Company | Average salary "
        "| Rating | Salaries reported |\n|---|---|---|---|\n| Northgate | $188,400 | 4.1 ★ | 57 |\n"
        "| Redfern Labs | $171,200 | 3.8 ★ | 44 |\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert sorted(c.value for c in claims if c.kind == "salary") == [171200.0, 188400.0]
    scaled = (
        "# Data Engineer Salary in the US\n\nOur numbers come from 2,600 engineers who shared "
        "offers. All figures are in US dollars, in thousands, and cover base pay only.\n\n"
        "## Pay by level\n\n| Level | Base |\n|---|---|\n| Junior | 118 |\n| Senior | 171 |\n"
    )
    claims, _ = extract_claims(document(scaled, "text/markdown"))
    assert sorted(c.value for c in claims if c.kind == "salary") == [118000.0, 171000.0]

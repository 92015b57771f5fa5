"""The year a page's headings name and the pay period its headings and scope lines give reach
the figures whose own frame states neither (extract/page_frame.py), and nothing else."""

from __future__ import annotations

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import demand, extract_claims
from mlefacts.extract.claim import Claim


def _claims(page: str, media_type: str = "text/markdown") -> list[Claim]:
    doc = build_document(source_id="page", text=page, media_type=media_type)
    claims, failures = extract_claims(doc)
    assert failures == []
    return claims


def _by_value(claims: list[Claim], kind: str) -> dict[float | None, Claim]:
    return {c.value: c for c in claims if c.kind == kind}


@pytest.mark.parametrize(
    ("page", "years"),
    [
        (  # the title's year dates what states none; a figure's own year wins
            "# Machine Learning Engineer Salary in Germany 2025\n\n## Berlin\n\n"
            "Machine learning engineers in Berlin earn a median of €78,500 a year.\n\n"
            "In 2023 the median was €71,000 a year.\n",
            {78500: 2025, 71000: 2023},
        ),
        (  # the nearest heading naming one year wins; one naming two scopes none
            "# ML pay guide 2025\n\n## What changed in 2023\n\n"
            "Machine learning engineers earn a median of $150,000 a year.\n\n"
            "## 2024 vs 2025\n\nData scientists earn a median of $130,000 a year.\n",
            {150000: 2023, 130000: None},
        ),
        (  # a year after 'since' starts a span (a forum poster's 'Member since 2019'): the
            # heading above it dates the post
            "# ML pay thread 2025\n\n### quant_owl (Member since 2019)\n\n"
            "ML engineer in Denver, 4 YOE. Base $150,000 a year.\n\n"
            "### Pay since 2021\n\nData scientists earn a median of $130,000 a year.\n",
            {150000: 2025, 130000: 2025},
        ),
        (  # a line that points at its list or table dates it; one naming two years does not
            "# What machine learning engineers earn 2026\n\n"
            "Here is what machine learning engineers earn in 2025, by level:\n\n"
            "- Entry level: $98,000\n- Senior: $172,000\n\n"
            "The table below compares 2025 pay with 2024.\n\n"
            "| City | Median |\n|---|---|\n| Austin | $141,000 |\n",
            {98000: 2025, 172000: 2025, 141000: 2026},
        ),
    ],
)
def test_heading_year_dates_salaries_that_state_none(page: str, years: dict[int, int]) -> None:
    salaries = _by_value(_claims(page), "salary")
    assert {value: salaries[value].year for value in years} == years


def test_a_heading_that_states_its_own_figure_dates_no_other() -> None:
    page = (
        "# MLOps Market to Reach USD 21.7 Billion by 2032\n\n"
        "North America accounted for 41.3% of revenue, and the mlops market is "
        "expected to grow at a CAGR of 23.9%.\n"
    )
    dated = {c.value: c.year for c in _claims(page) if c.value in (41.3, 23.9)}
    assert dated == {41.3: None, 23.9: None}


def test_scope_line_gives_pay_period_of_its_page_and_section_headings_theirs() -> None:
    page = (
        "# Machine learning engineer pay in Singapore\n\n"
        "Every figure in this guide is monthly base pay in Singapore dollars, before the "
        "annual bonus.\n\n"
        "The median machine learning engineer earns S$9,300.\n\n"
        "## Contract work: hourly rates\n\n"
        "Contract machine learning engineers bill S$95 to S$140.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert salaries[9300].qualifiers["pay_period"] == "monthly"
    assert salaries[95].qualifiers["pay_period"] == "hourly"


def test_a_scope_line_for_all_figures_scopes_the_page_from_its_own_section() -> None:
    page = (
        "# Data engineer pay in New Zealand\n\n## How to read the figures\n\n"
        "All salaries are annual base pay in New Zealand dollars.\n\n"
        "## National bands\n\nA mid-level data engineer earns NZ$128,000.\n\n"
        "## Notes\n\nSalaries here are what we placed people at.\n\n"
        "## Auckland\n\nAuckland data engineers earn NZ$136,000.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert salaries[128000].qualifiers["pay_period"] == "annual"
    assert salaries[136000].qualifiers["pay_period"] == "annual"


def test_a_title_naming_a_period_or_a_line_with_a_figure_is_no_scope() -> None:
    page = (
        "# Contracting as an ML engineer: day rates\n\n"
        "Salaries are rising 4% a year, the survey says.\n\n"
        "A permanent senior machine learning engineer in Sydney earns AUD 175,000.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert "pay_period" not in salaries[175000].qualifiers


def test_a_scope_line_with_a_figure_only_in_an_aside_still_scopes_its_page() -> None:
    page = (
        "# What ML engineers earn in New Zealand\n\n"
        "> Figures are for the 2025 tax year and are annual base pay before KiwiSaver "
        "(employers add 3%).\n\n"
        "The median machine learning engineer earns NZ$128,000.\n"
    )
    salary = _by_value(_claims(page), "salary")[128000]
    assert (salary.year, salary.qualifiers["pay_period"]) == (2025, "annual")


def test_a_scope_line_written_as_a_noun_phrase_gives_its_pay_period() -> None:
    """'Basis: median gross monthly salary for full-time staff, excluding the annual bonus.'
    says what the figures are without a verb; a noun phrase with a finite verb states a fact
    of its own and scopes nothing."""
    page = (
        "# Data engineer pay in Austria\n\n"
        "Basis: median gross monthly salary for full-time staff, excluding the annual bonus.\n\n"
        "A data engineer in Vienna earns €4,850.\n"
    )
    assert _by_value(_claims(page), "salary")[4850].qualifiers["pay_period"] == "monthly"
    stated = page.replace("full-time staff, excluding", "full-time staff is higher than")
    assert "pay_period" not in _by_value(_claims(stated), "salary")[4850].qualifiers


def test_a_scope_line_of_contract_rates_leaves_the_salaries_to_their_own_line() -> None:
    """'All salaries are annual ...' beside 'Day rates are per day': each line scopes its own
    figures, so the permanent salary is annual and a contract rate takes the daily period."""
    page = (
        "# Data engineering pay guide, Ireland\n\n"
        "All salaries are annual base pay in euros. Day rates are quoted per day, before VAT.\n\n"
        "| Level | Dublin |\n|---|---|\n| Junior | €52,000 |\n| Senior | €96,000 |\n\n"
        "Contract data engineers in Dublin earn €600 on average.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert salaries[52000].qualifiers["pay_period"] == "annual"
    assert salaries[96000].qualifiers["pay_period"] == "annual"
    assert salaries[600].qualifiers["pay_period"] == "daily"
    # a day named in passing is no day rate: the salary keeps the page's annual period
    page += "\nML engineers in Cork earn €81,000 and work from home one day a week.\n"
    assert _by_value(_claims(page), "salary")[81000].qualifiers["pay_period"] == "annual"


def test_a_change_since_a_year_ends_its_period_at_the_year_its_own_words_state() -> None:
    """'rose 9% in 2025 compared with 2024' runs from 2024 to 2025; a change only the page's
    heading dates states no end of its own."""
    page = (
        "# Data engineer jobs report\n\n"
        "Job ads for data engineers rose 9% in 2025 compared with 2024.\n\n"
        "## Pay in 2025\n\nData engineer base pay grew 3.5% compared with 2023.\n"
    )
    claims = _claims(page)
    ads = _by_value(claims, "job_demand")[9]
    assert (ads.year, ads.qualifiers["period_start"], ads.qualifiers["period_end"]) == (
        2025,
        2024,
        2025,
    )
    pay = _by_value(claims, "growth_rate")[3.5]
    assert (pay.year, pay.qualifiers["period_start"]) == (2025, 2023)
    assert "period_end" not in pay.qualifiers


def test_demand_change_takes_the_one_year_its_own_words_state() -> None:
    text = (
        "Openings for machine learning engineers rose 21% in 2024, while openings for data "
        "analysts fell 4%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    found = {c.value: c for c in demand.extract(doc)}
    assert found[21].year == 2024


def test_a_figure_dated_against_another_year_takes_no_heading_year() -> None:
    page = (
        "# AI hiring report 2025\n\n"
        "Job postings for machine learning engineers rose 32% last year.\n\n"
        "Job postings for data scientists rose 12% on a year earlier.\n"
    )
    years = {c.value: c.year for c in _claims(page) if c.kind == "job_demand"}
    assert years == {32.0: None, 12.0: 2025}


@pytest.mark.parametrize(
    ("page", "kind", "value", "year"),
    [
        (  # a change since a year runs to the page's year
            "# Switzerland salary report 2025\n\nCompared with 2024, median pay for machine "
            "learning engineers in Switzerland rose 3.2%.\n",
            "growth_rate",
            3.2,
            2025,
        ),
        (  # ... but not to one before it
            "# Switzerland salary report 2024\n\nCompared with 2024, median pay for machine "
            "learning engineers in Switzerland rose 3.2%.\n",
            "growth_rate",
            3.2,
            None,
        ),
        (  # 'the same year' is the year stated just before
            "# MLOps market\n\nThe global MLOps market was valued at USD 1.7 billion in 2024. "
            "The Canadian MLOps market was worth USD 0.4 billion the same year.\n",
            "market_size",
            0.4e9,
            2024,
        ),
        (  # an 'as of' line dates the page's figures
            "# Open roles\n\nSnapshot of active US listings as of 1 October 2025.\n\n"
            "There were 18,942 open machine learning engineer jobs on the board.\n",
            "job_demand",
            18942,
            2025,
        ),
    ],
)
def test_a_page_dates_changes_anaphora_and_snapshots(
    page: str, kind: str, value: float, year: int | None
) -> None:
    found = [c.year for c in _claims(page) if c.kind == kind and c.value == pytest.approx(value)]
    assert found == [year]


def test_a_statistics_round_ups_title_year_dates_none_of_its_figures() -> None:
    """'27 AI Job Statistics for 2025' is when the round-up was compiled; a guide's title
    ('... Salary in Germany 2025') still dates its figures (the first test)."""
    page = (
        "# 27 AI Job Statistics for 2025\n\n## Pay\n\n"
        "The average machine learning engineer in the US earns $161,000 a year.\n\n"
        "## Pay in 2024\n\nData scientists earned a median of $130,000 a year.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert {value: c.year for value, c in salaries.items()} == {161000: None, 130000: 2024}


def test_an_as_of_line_about_no_data_and_a_copyright_line_date_nothing() -> None:
    page = (
        "# Machine Learning Engineer Salary Guide\n\n"
        "As of 2023, most employers in the sector had adopted a hybrid working policy.\n\n"
        "Machine learning engineers earn a median of $152,000 a year.\n\n"
        "© 2025 Paylens Media\n\nSenior machine learning engineers earn $190,000.\n\n"
        "## Listings\n\nSnapshot of active listings as of 1 October 2025.\n\n"
        "Contract ML engineers bill around $110 an hour.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert {value: c.year for value, c in salaries.items()} == {
        152000: None,
        190000: None,
        110: 2025,
    }


def test_the_line_introducing_a_run_of_cards_dates_their_figures() -> None:
    """'Median salary by region, 2024:' over place cards dates each card, as a table's or a
    list's lead-in dates its rows; a card under a line naming no year stays undated."""
    cards = (
        '<div class="card"><span>Oslo</span><span>NOK 812,000</span></div>'
        '<div class="card"><span>Bergen</span><span>NOK 745,000</span></div>'
    )
    page = f"<h1>Data engineer pay in Norway</h1><p>Median salary by region, 2024:</p>{cards}"
    salaries = _by_value(_claims(page, "text/html"), "salary")
    assert {value: c.year for value, c in salaries.items()} == {812000: 2024, 745000: 2024}
    undated = page.replace(", 2024:", ":")
    salaries = _by_value(_claims(undated, "text/html"), "salary")
    assert {value: c.year for value, c in salaries.items()} == {812000: None, 745000: None}


def test_the_one_city_a_pages_title_names_places_its_unplaced_salaries() -> None:
    page = (
        "# Machine Learning Engineer salaries in Austin, TX\n\n"
        "Based on 1,284 salaries. Last updated 27 Feb 2026.\n\n"
        "## Total pay distribution\n\n"
        "| Percentile | Total pay (USD/yr) |\n|---|---|\n| 25th | 146,000 |\n| 75th | 224,800 |\n\n"
        "## Elsewhere\n\n"
        "Across the United States, machine learning engineers earn a median of $158,000 a year.\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert salaries[146000].qualifiers.get("city") == "Austin"
    assert salaries[224800].qualifiers.get("city") == "Austin"
    assert "city" not in salaries[158000].qualifiers  # its sentence names the country


@pytest.mark.parametrize(
    "title",
    [
        "Machine learning engineer pay: Austin vs Denver",
        "Technology salary guide 2026: Singapore & Hong Kong",  # a country, then a city
    ],
)
def test_a_title_naming_two_places_places_no_salary(title: str) -> None:
    page = f"# {title}\n\nMachine learning engineers earn a median of $158,000 a year.\n"
    assert "city" not in _by_value(_claims(page), "salary")[158000].qualifiers


@pytest.mark.parametrize(
    ("caption", "period"),
    [
        ("*Monthly average by state, all levels.*", "monthly"),
        ("*Média mensal por estado, todos os níveis.*", "monthly"),
        ("*Monthly and annual figures differ by the 13th salary.*", None),  # two periods
        ("*Monthly averages.* " + "Read more about how we collect pay data. " * 3, None),  # prose
    ],
)
def test_the_caption_below_a_list_gives_its_salaries_their_pay_period(
    caption: str, period: str | None
) -> None:
    page = (
        "# ML engineer pay in Brazil\n\n## Pay by state\n\n"
        "The highest salaries are in the Southeast:\n\n"
        "- **São Paulo:** R$ 16.100\n- **Paraná:** R$ 12.800\n\n" + caption + "\n"
    )
    salaries = _by_value(_claims(page), "salary")
    assert [salaries[v].qualifiers.get("pay_period") for v in (16100, 12800)] == [period] * 2


def test_the_same_year_reaches_the_list_item_before_but_not_a_change_s_first_figure() -> None:
    """'16. Hybrid roles made up 41% of those postings the same year' under '15. 23% of ML
    engineer postings in 2025 were fully remote': the item before states the year; 'grew from
    41,500 to 56,300 over the same period' dates the later figure only."""
    page = (
        "# Hiring notes\n\n"
        "15. 23% of ML engineer postings in 2025 were fully remote.\n"
        "16. Hybrid roles made up 41% of those postings the same year.\n\n"
        "## Openings\n\n"
        "* Job postings for AI engineers surged 112% in 2025.\n"
        "* Openings for data engineers grew from 21,500 to 26,300 over the same period.\n"
    )
    dated = {c.value: c.year for c in _claims(page) if c.value in (41.0, 21500.0, 26300.0)}
    assert dated == {41.0: 2025, 21500.0: None, 26300.0: 2025}

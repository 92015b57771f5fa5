"""Job demand growth claims from prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.documents import document, numeric_claims

from mlefacts.document.build import build_document
from mlefacts.extract import demand, extract_claims
from mlefacts.extract.claim import Claim

FIXTURES = Path(__file__).parent / "fixtures" / "prose"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def _claims(path: Path) -> list[Claim]:
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")
    return demand.extract(doc)


def test_demand_fixture_exact_claims() -> None:
    found = {(c.value, c.unit): c for c in _claims(FIXTURES / "demand.txt")}
    assert set(found) == {(74.0, "percent"), (3.0, "ratio"), (53.0, "percent")}
    postings = found[(74.0, "percent")]
    assert postings.subject == "machine learning engineer"
    assert postings.attributed_to == "LinkedIn"
    assert postings.qualifiers == {"years": 4, "annualized": True}
    tripled = found[(3.0, "ratio")]
    assert (tripled.qualifiers["period_start"], tripled.qualifiers["period_end"]) == (2019, 2023)
    assert tripled.year == 2023
    since = found[(53.0, "percent")]
    assert since.qualifiers == {"period_start": 2020}
    assert since.attributed_to == "Indeed"
    assert all(c.attribute == "demand_growth" and c.kind == "job_demand" for c in found.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "About 45% of job postings ask for Python.",
        "Salaries for ML engineers grew 12% last year.",
        "Python adoption rose 20% in 2022.",
        "The global machine learning market grew 35% in 2023.",
        "Follow these 5 steps to land one of the top jobs.",
        "Your battery drops 20% faster when hiring tools run.",
        "Among ML engineers hired this year, the figure rises to 44%.",
        "The share of remote ML job postings fell to 12% in 2025.",
        "AI roles make up 2.4% of all job listings, up from just 0.7% in 2019.",
        "ML engineers finish routine tasks 26% faster, and the median pay rise was 5.5%.",
        "Job postings that mention PyTorch doubled from 21.5% to 43.2% of all ML postings.",
        "Remote data science postings tripled, from 8% to 24%, between 2020 and 2024.",
    ],
)
def test_distractors_give_no_demand(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert demand.extract(doc) == []


def test_bundled_000_demand() -> None:
    found = {c.value: c for c in _claims(next(BUNDLED.glob("000_*.txt")))}
    assert set(found) == {344.0, 9.8}
    increase = found[344.0]
    assert (increase.unit, increase.qualifiers["period_start"]) == ("percent", 2015)
    assert increase.subject == "machine learning engineer"
    ratio = found[9.8]
    assert ratio.unit == "ratio"
    assert ratio.qualifiers == {
        "period_start": 2012,
        "period_end": 2017,
        "years": 5,
        "country": "United States",  # 'the 2017 LinkedIn US Job report'
    }
    assert ratio.attributed_to == "LinkedIn"


def test_the_one_country_of_the_changes_clause_is_its_country() -> None:
    text = (
        "Openings for data engineers in Canada rose 9% in 2024, while postings across "
        "Germany and Austria fell 4%. Data engineer hiring grew 12% worldwide."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.value, c.qualifiers.get("country")) for c in demand.extract(doc)] == [
        (9.0, "Canada"),
        (-4.0, None),  # two countries: neither is the figure's alone
        (12.0, None),
    ]


def test_a_run_of_changes_each_for_its_own_role_gives_each_role_its_change() -> None:
    text = (
        "Hiring for MLOps engineers rose 71%, for machine learning engineers 58% and for data "
        "scientists 34%. Postings for data engineers rose 12%, for analysts 4%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [
        ("machine learning operations engineer", 71.0),
        ("machine learning engineer", 58.0),
        ("data scientist", 34.0),
        ("data engineer", 12.0),  # 'analysts' is no role: its 4% is left, not given to another
    ]


def test_a_raise_when_changing_jobs_is_a_change_of_pay_not_of_jobs() -> None:
    text = "ML engineer pay\n\nAverage raise when changing jobs +14.2%\n\nML job postings +9%"
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.value for c in demand.extract(doc)] == [9.0]


def test_each_clause_gives_its_own_role_and_a_fall_is_negative() -> None:
    text = (
        "Job postings for machine learning engineers grew 28% in 2024, while postings for "
        "software engineers fell 6% over the same period."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [
        ("machine learning engineer", 28.0),
        ("software engineer", -6.0),
    ]


def test_a_pay_clause_does_not_hide_a_demand_clause() -> None:
    text = (
        "London salaries for machine learning engineers grew 5.2% in 2024, while hiring of "
        "data scientists fell 3%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data scientist", -3.0)]


def test_a_level_in_the_figures_clause_is_its_level() -> None:
    text = "Openings for senior machine learning engineers in Canada rose 9% in 2024."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.qualifiers.get("experience_level") for c in demand.extract(doc)] == ["senior"]


def test_postings_that_mention_a_skill_are_demand_for_that_skill() -> None:
    text = "Postings that mention generative AI skills grew by 3.4 times between 2023 and 2025."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value, c.unit) for c in demand.extract(doc)] == [
        ("generative artificial intelligence", 3.4, "ratio")
    ]


def test_ads_asking_for_a_named_tool_are_demand_for_that_tool() -> None:
    text = (
        "Data engineer hiring, H2 2025. Ads asking for experience with Kafka climbed 14%, "
        "while job postings mentioning Airflow slipped 3%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert {(c.subject, c.value) for c in demand.extract(doc)} == {
        ("kafka", 14.0),
        ("airflow", -3.0),
    }
    # a list of tools is no one tool's demand, nor is a tool in a clause of its own
    for other in (
        "Listings that mention Python and SQL grew 12% in 2025.",
        "While postings requiring PyTorch stalled, openings for data engineers rose 9%.",
    ):
        doc = build_document(
            source_id="d", text=f"Data engineer hiring, 2025. {other}", media_type="text/plain"
        )
        assert [c.subject for c in demand.extract(doc)] == ["data engineer"], other


def test_a_tools_change_before_a_roles_clause_stays_the_tools() -> None:
    # the role after the tool's figure belongs to the clause of the next one
    text = (
        "Hiring update, 2025. While postings requiring Kafka fell 3%, openings for data "
        "engineers rose 9%. Adverts that mention Spark dropped 12%, while those mentioning "
        "Airflow grew 40%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert {(c.subject, c.value) for c in demand.extract(doc)} == {
        ("kafka", -3.0),
        ("data engineer", 9.0),
        ("spark", -12.0),
        ("airflow", 40.0),
    }
    # a role after a tool's figure with no tool before it is still the figure's
    doc = build_document(
        source_id="d", text="Openings rose 12% for data engineers in 2025.", media_type="text/plain"
    )
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data engineer", 12.0)]


def test_a_tools_postings_take_its_name_as_subjects_spell_it() -> None:
    text = "Data engineer hiring, 2025. Adverts requiring GenAI tripled on the year."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.subject for c in demand.extract(doc)] == ["generative artificial intelligence"]


def test_bare_openings_under_a_place_heading_are_the_pages_roles() -> None:
    page = (
        "# State of hiring, 2025\n\nWe track data engineer openings in every state.\n\n"
        "## Northeast\n\nOpenings in Maine rose 8% on the year.\n"
    )
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data engineer", 8.0)]
    # a page naming several roles in passing counts the job market's openings
    several = page.replace(
        "data engineer openings",
        "openings for data engineers, data scientists and software engineers",
    )
    doc = build_document(source_id="d", text=several, media_type="text/markdown")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("job market", 8.0)]


@pytest.mark.parametrize(
    ("page", "subjects"),
    [
        (
            "# The fastest-growing roles of 2025\n\nThe ranking, by growth in job ads:\n\n"
            "1. AI Product Manager - postings up 61% year over year\n"
            "2. Site Reliability Engineer - ads rose 47% on a year earlier\n"
            "3. Data Analyst\n",
            {61: "artificial intelligence product manager", 47: "site reliability engineer"},
        ),
        (
            "# Top risers this year\n\nThe ranking, by growth in advertised roles:\n\n"
            "## 1. Prompt Engineer\n\nAdvertised roles grew 27% across the country.\n\n"
            "## 2. Data Annotation Lead\n\nListings increased 22% in the year.\n\n"
            "## Method\n\nOverall, job ads rose 6% over the same period.\n",
            {27: "prompt engineer", 22: "data annotation lead", 6: "job market"},
        ),
    ],
)
def test_growth_stated_in_a_ranked_item_is_about_that_item(
    page: str, subjects: dict[float, str]
) -> None:
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    assert {c.value: c.subject for c in demand.extract(doc)} == subjects


def test_a_change_after_a_pay_figure_in_one_clause_is_its_own() -> None:
    text = (
        "Average salaries for data scientists rose 3.9% from 2023, even as data science job "
        "postings in Spain declined 5% over the same period."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data scientist", -5.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the United States there was an 18% increase in job applications for ML roles.",
        "Searches for generative AI positions rose nearly 4,000% in the past year.",
        "Job posts that mention AI saw 17% greater application growth than other posts.",
        "Applicants per machine learning engineer opening rose 22% this year.",
        "Layoffs of data scientists rose 8% in 2024.",
        "After the launch, jobs with repetitive tasks dropped by 13%.",
    ],
)
def test_changes_in_what_job_seekers_do_or_in_layoffs_are_not_demand(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert demand.extract(doc) == []


def test_a_change_is_the_role_named_before_it_not_the_one_it_is_compared_with() -> None:
    text = (
        "Postings for machine learning engineers grew 74%, far ahead of postings for software "
        "engineers, which grew 6%; applications per posting climbed 41%."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [
        ("machine learning engineer", 74.0),
        ("software engineer", 6.0),
    ]


def test_postings_that_doubled_grew_by_a_multiple_of_two() -> None:
    text = "Job postings for machine learning engineers more than doubled between 2023 and 2025."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    found = [(c.value, c.unit, c.year) for c in demand.extract(doc)]
    assert found == [(2.0, "ratio", 2025)]


def test_a_percentage_against_an_earlier_time_is_a_change_and_fewer_is_a_fall() -> None:
    text = (
        "Employers listed 6,350 machine learning engineer jobs in September, 14% more than a "
        "year before. Data scientist openings were 12% fewer than last year."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert sorted((c.subject, c.value) for c in demand.extract(doc)) == [
        ("data scientist", -12.0),
        ("machine learning engineer", 14.0),
    ]


def test_a_change_in_the_number_of_people_is_not_demand() -> None:
    text = "Hiring data: the number of AI professionals almost doubled from 40,000 to 72,000."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert demand.extract(doc) == []


def test_a_change_in_the_number_of_a_role_employed_is_its_employment_change() -> None:
    """'The number of data engineers employed grew 9.4%' is a change in employment, which the
    page counts as the role's demand, as an 'Employment change' row is."""
    text = "The number of data engineers employed grew 9.4% from May 2024 to May 2025."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data engineer", 9.4)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Companies plan to increase AI investment by 25% next year, which should mean more jobs.",
        "AI adoption rose 35% in 2024, creating new roles for ML engineers.",
        "Job satisfaction among ML engineers rose 12% last year.",
    ],
)
def test_changes_in_money_use_or_satisfaction_are_not_demand(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert demand.extract(doc) == []


def test_jobs_of_a_field_and_a_role_outside_brackets_are_the_subject() -> None:
    text = (
        "Hiring for AI roles fell 8% quarter over quarter. Employment of computer and "
        "information research scientists (including machine learning engineers) is projected "
        "to grow 15% from 2019 to 2029."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [
        ("artificial intelligence role", -8.0),
        ("computer and information research scientist", 15.0),
    ]


def test_a_share_of_postings_moving_between_levels_is_not_demand() -> None:
    text = "The share of ML postings requiring a PhD fell from 30% to 20% since 2020."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert demand.extract(doc) == []


def test_a_change_in_demand_takes_the_city_of_its_clause_or_short_heading() -> None:
    text = (
        "# ML jobs in India\n\n### Bengaluru\n\nPostings for machine learning engineers rose "
        "74% year over year.\n\n### Elsewhere\n\nOpenings in Pune grew 12%, and roles grew 27% "
        "across Auckland and Wellington.\n"
    )
    doc = build_document(source_id="d", text=text, media_type="text/markdown")
    assert {c.value: c.qualifiers.get("city") for c in demand.extract(doc)} == {
        74.0: "Bengaluru",
        12.0: "Pune",
        27.0: None,
    }


def test_a_press_releases_dateline_is_not_the_city_of_its_figures() -> None:
    text = (
        "MONTREAL, 4 March 2026 -- Postings for machine learning engineers across Canada rose "
        "17% over the year, while openings in Toronto grew 9%.\n"
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert {c.value: c.qualifiers.get("city") for c in demand.extract(doc)} == {
        17.0: None,
        9.0: "Toronto",
    }


def _demand(page: str, media_type: str = "text/html") -> list[tuple[str, float, int | None]]:
    claims, failures = extract_claims(
        build_document(source_id="p", text=page, media_type=media_type)
    )
    assert failures == []
    return [(c.subject, c.value, c.year) for c in claims if c.kind == "job_demand"]


def test_a_job_outlook_row_or_line_is_the_roles_projected_growth() -> None:
    table = (
        "<h1>Data Engineers</h1><table><caption>Summary: Data Engineers</caption>"
        "<tr><th>Number of Jobs, 2025</th><td>61,200</td></tr>"
        "<tr><th>Job Outlook, 2025-35</th><td>17% (Much faster than average)</td></tr></table>"
    )
    assert _demand(table) == [("data engineer", 17.0, 2035)]
    line = "# Similar occupations\n\n- Data Scientists: Job Outlook, 2025-35: 31% (Faster)\n"
    assert _demand(line, "text/markdown") == [("data scientist", 31.0, 2035)]
    # a share of jobs under an outlook heading is no outlook
    assert _demand("# Job outlook\n\n- Remote roles: 38% of postings\n", "text/markdown") == []


def test_a_projected_growth_row_on_a_roles_page_is_its_projected_job_growth() -> None:
    page = (
        "# Machine learning engineers\n\n## At a glance\n\nMedian salary: $131,490\n\n"
        "Projected growth: 23%\n\nProjected growth, 2024-34: 26%\n"
    )
    assert _demand(page, "text/markdown") == [
        ("machine learning engineer", 23.0, None),
        ("machine learning engineer", 26.0, 2034),
    ]
    # on a market's page the same label names no jobs: not demand
    market = (
        "# Machine learning market\n\nMarket size 2024: USD 48.6 billion\n\nProjected growth: 23%\n"
    )
    assert _demand(market, "text/markdown") == []


def test_a_signed_figure_against_an_earlier_time_is_a_change_and_minus_a_fall() -> None:
    page = (
        "# Movers\n\n- AI engineer: +61% postings year over year\n"
        "- Data scientist: -7% postings year over year\n- Data scientist: 7% of postings\n"
    )
    assert _demand(page, "text/markdown") == [
        ("artificial intelligence engineer", 61.0, None),
        ("data scientist", -7.0, None),
    ]


def test_a_card_grid_repeating_its_unit_line_gives_each_role_its_change() -> None:
    page = (
        "<h1>Hiring pulse</h1><div class='grid'>"
        "<div><p>Data Engineer</p><p>+19%</p><p>job ads vs. last year</p></div>"
        "<div><p>Data Scientist</p><p>-4%</p><p>job ads vs. last year</p></div></div>"
    )
    assert _demand(page) == [("data engineer", 19.0, None), ("data scientist", -4.0, None)]


def test_a_plus_signed_figure_beside_postings_or_a_change_row_is_demand_growth() -> None:
    page = "# Outlook\n\n- Data engineer job postings (+37% in two years)\n"
    assert _demand(page, "text/markdown") == [("data engineer", 37.0, None)]
    table = (
        "<h1>Data engineer job market 2026</h1><table><tr><th>Metric</th><th>Value</th></tr>"
        "<tr><td>Open roles</td><td>9,400</td></tr>"
        "<tr><td>YoY change in postings</td><td>-6%</td></tr></table>"
    )
    assert ("data engineer", -6.0, 2026) in _demand(table)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Employers say demand for robotics engineers rose fivefold in six years.", [5.0]),
        ("Job postings for data engineers have skyrocketed 140% since 2022.", [140.0]),
        ("Postings for NLP engineers rose 33% and 21%, respectively, in 2024 and 2025.", [33, 21]),
        ("Data engineer postings have grown at an average annual rate of about 18%.", [18.0]),
        # a multiple below one: half the postings there were
        ("Job postings for data scientists halved between 2022 and 2024.", [0.5]),
    ],
)
def test_changes_of_demand_in_other_words(sentence: str, values: list[float]) -> None:
    """A multiple written without a digit, a change verb the market words know, a second
    figure of one change ('respectively'), a rate the change runs at."""
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert [c.value for c in demand.extract(doc)] == values


def test_jobs_of_a_field_written_after_or_with_related() -> None:
    text = (
        "Jobs in NLP are expected to grow 18% by 2030.\n\n"
        "ML-related job postings rose 9% in 2025.\n"
    )
    doc = build_document(source_id="f", text=text, media_type="text/plain")
    found = [(c.subject, c.value) for c in demand.extract(doc)]
    assert found == [
        ("natural language processing job", 18.0),
        ("machine learning job posting", 9.0),
    ]


def test_a_title_before_a_bracketed_change_and_the_field_of_the_sentences_postings() -> None:
    page = (
        "# Tech hiring in May\n\nPostings grew for data scientists (+21%), machine learning "
        "engineers (+19%) and database administrators (+12%).\n\nEmployers posted 198,400 new "
        "tech job listings in May, up 11% from April.\n"
    )
    found = [(s, v) for s, v, _ in _demand(page, "text/markdown") if v < 100]
    assert found == [
        ("data scientist", 21.0),
        ("machine learning engineer", 19.0),
        ("database administrator", 12.0),
        ("tech job listing", 11.0),
    ]


def test_a_change_takes_the_field_of_postings_named_before_it_only() -> None:
    page = (
        "# Hiring report\n\nGeneral job postings have declined by 17% this year, while AI job "
        "openings have surged.\n\nThe number of open machine learning roles doubled in two "
        "years.\n"
    )
    assert [(s, v) for s, v, _ in _demand(page, "text/markdown")] == [
        ("job market", -17.0),
        ("machine learning role", 2.0),
    ]


def test_a_job_titles_label_line_gives_its_change_to_the_title() -> None:
    page = (
        "# Movers by role\n\n- MLOps engineer: +48% postings year over year\n"
        "- Business intelligence developer: -14% postings year over year\n"
    )
    assert [(s, v) for s, v, _ in _demand(page, "text/markdown")] == [
        ("machine learning operations engineer", 48.0),
        ("business intelligence developer", -14.0),
    ]


def test_roles_requiring_a_fields_expertise_are_its_demand() -> None:
    page = "# AI jobs\n\nRoles requiring AI expertise are projected to grow by 40% through 2025.\n"
    assert [(s, v) for s, v, _ in _demand(page, "text/markdown")] == [
        ("artificial intelligence", 40.0)
    ]


def test_a_change_against_an_earlier_half_year_is_dated_by_its_own_period() -> None:
    doc = build_document(
        source_id="d",
        media_type="text/plain",
        text=(
            "Postings for ML engineers in the second half of 2025 were 23% higher than in the "
            "second half of 2024.\n"
        ),
    )
    assert [(c.value, c.year) for c in demand.extract(doc)] == [(23.0, 2025)]


def test_a_projected_growth_field_beside_pay_is_the_ranked_roles_job_growth() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "# The Best AI Jobs for 2026\n\n### 3. Data Engineer\n\n"
            "Median salary: $141,000 · Projected growth: 21%\n\n### 2. Data Scientist\n\n"
            "**Median pay:** $131,000 · **Projected growth:** 34%\n\n"
            "### 1. Machine Learning Engineer\n\n**Projected growth:** 26%\n"
        ),
        media_type="text/markdown",
    )
    claims = extract_claims(doc)[0]
    changes = {(c.kind, c.subject, c.value) for c in claims if c.unit == "percent"}
    assert changes == {
        ("job_demand", "data engineer", 21.0),  # the pair's own label, not the line's 'salary'
        ("job_demand", "data scientist", 34.0),
        ("job_demand", "machine learning engineer", 26.0),
    }


def test_a_multiple_set_off_after_a_percentage_restates_it() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "# AI hiring in 2025\n\nPostings for AI engineers grew 134% between 2023 and 2025, "
            "more than doubling. Openings for data engineers will double by 2030. Postings for "
            "MLOps engineers grew 20% last year, and will triple by 2030.\n"
        ),
        media_type="text/markdown",
    )
    changes = sorted((c.unit, c.value) for c in demand.extract(doc))
    assert changes == [("percent", 20.0), ("percent", 134.0), ("ratio", 2.0), ("ratio", 3.0)]


def test_data_annotators_are_a_role_whose_jobs_change() -> None:
    doc = build_document(
        source_id="t",
        text="# AI jobs in 2026\n\nPostings for data annotators fell 12% in 2025.\n",
        media_type="text/markdown",
    )
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [("data annotator", -12.0)]


def test_a_change_that_refers_back_to_a_count_of_jobs_is_their_change() -> None:
    page = (
        "<html><body><h1>AI job statistics</h1><ul>"
        "<li>U.S. employers listed 518,000 postings for AI roles in 2025.</li>"
        "<li>That was 24% more than in 2024.</li>"
        "<li>That was a record for the index.</li></ul></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [(c.subject, c.value, c.year) for c in demand.extract(doc)] == [
        ("artificial intelligence role", 24.0, 2025)
    ]


def test_a_headline_lists_signed_changes_are_the_changes_of_the_count_above_them() -> None:
    page = (
        "# Data Hiring Monitor: Q2 2026\n\n## Headline numbers\n\n"
        "- **18,320** new data engineer postings in Q2 2026\n"
        "- **+5.2%** versus Q1 2026\n"
        "- **-3%** versus Q2 2025\n"
    )
    claims = extract_claims(build_document(source_id="h", text=page, media_type="text/markdown"))[0]
    found = {
        (c.kind, c.subject, c.value, c.year, c.qualifiers.get("period_start"))
        for c in claims
        if c.kind == "job_demand"
    }
    assert found == {
        ("job_demand", "data engineer", 18320.0, 2026, None),
        ("job_demand", "data engineer", 5.2, 2026, 2026),
        ("job_demand", "data engineer", -3.0, 2026, 2025),
    }


def test_a_dotted_headline_block_counts_jobs_and_its_change_rows_are_their_changes() -> None:
    """A newsletter's plain-text headline: a grouped count on the first row (no header line)
    and rows labelled as changes under it, each signed: the count's changes, no shares."""
    page = (
        "HIRING NOTES, Q3 2025\n\n"
        "THE HEADLINE\n"
        "  Data engineer postings, Q3 2025 ........ 12,450\n"
        "  Change vs Q2 2025 ...................... +3.8%\n"
        "  Change vs Q3 2024 ...................... -2.6%\n\n"
        "More commentary follows below.\n"
    )
    claims = extract_claims(build_document(source_id="h", text=page, media_type="text/plain"))[0]
    found = sorted((c.kind, c.subject, c.value) for c in claims if c.value is not None)
    assert found == [
        ("job_demand", "data engineer", -2.6),
        ("job_demand", "data engineer", 3.8),
        ("job_demand", "data engineer", 12450.0),
    ]


def test_a_change_column_beside_postings_by_metro_is_each_metros_job_growth() -> None:
    """'Metro | Postings (Q3) | vs Q2': every row is a place (its header says so, whether or not
    the name is known), its signed percent the change of its postings, never a share."""
    page = (
        "# Machine learning engineer hiring pulse\n\n## By metro\n\n"
        "| Metro | Postings (Q3) | vs Q2 |\n|---|---|---|\n"
        "| Research Triangle | 1,210 | +6.0% |\n| Boston | 910 | -1.5% |\n"
    )
    claims = extract_claims(build_document(source_id="m", text=page, media_type="text/markdown"))[0]
    found = sorted((c.kind, c.subject, c.value, c.unit) for c in claims if c.value is not None)
    assert found == [
        ("job_demand", "machine learning engineer", -1.5, "percent"),
        ("job_demand", "machine learning engineer", 6.0, "percent"),
        ("job_demand", "machine learning engineer", 910.0, "count"),
        ("job_demand", "machine learning engineer", 1210.0, "count"),
    ]


def test_advertisements_for_a_role_are_its_job_demand() -> None:
    page = "# ML engineer pay\n\nThe board carried 1,380 advertisements for ML engineers in 2025.\n"
    claims = extract_claims(build_document(source_id="a", text=page, media_type="text/markdown"))[0]
    assert ("machine learning engineer", 1380.0) in {
        (c.subject, c.value) for c in claims if c.kind == "job_demand"
    }


def test_a_numbered_statistic_refers_back_to_the_count_above_its_source_line() -> None:
    page = (
        "# AI jobs statistics 2026\n\n"
        "**1. Postings for AI roles in the US reached 612,000 in 2025.**\n\n"
        "*Source: a labour-market analytics firm*\n\n"
        "**2. That total was up 38% on 2024.**\n\n*Source: the same firm*\n"
    )
    claims = demand.extract(build_document(source_id="s", text=page, media_type="text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.unit == "percent"] == [
        ("artificial intelligence role", 38.0)
    ]


def test_a_change_set_against_the_one_before_is_the_change_of_the_jobs_named_after_it() -> None:
    text = (
        "Data engineer postings were up 41% year on year, against 19% for machine learning "
        "engineers. Postings for ML engineers rose 31%, against 12% for all tech roles. "
        "AI engineer postings grew 55%, against 6% for the wider economy."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    found = [(c.subject, c.value) for c in demand.extract(doc)]
    assert found == [
        ("data engineer", 41),
        ("machine learning engineer", 19),
        ("machine learning engineer", 31),
        ("tech role", 12),
        ("artificial intelligence engineer", 55),
    ]


def test_a_fact_lines_own_role_is_the_subject_of_its_change() -> None:
    page = (
        "ML ENGINEER JOBS BRIEFING\n\nHEADLINE NUMBERS (Q3 2025)\n"
        "  ML engineer postings ............ 23,650\n"
        "  Change in ML engineer postings vs Q2 2025 .... +8.4%\n"
        "  Change in data scientist postings vs Q3 2024 .... -3.1%\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    found = {c.value: c.subject for c in demand.extract(doc) if c.unit == "percent"}
    assert found == {8.4: "machine learning engineer", -3.1: "data scientist"}


def test_a_share_that_doubled_is_no_demand_multiple() -> None:
    """'21% mentioned LangChain, a share that has doubled in a year': the share changed, not
    the number of jobs; 'postings doubled' still is."""
    text = (
        "# AI jobs brief\n\nPython appeared in 64% of AI postings this month, and 21% "
        "mentioned LangChain, a share that has doubled in a year.\n\n"
        "ML engineer postings doubled in a year.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/markdown"))
    demand = [
        (c.value, c.unit, text[c.char_start : c.char_end])
        for c in claims[0]
        if c.kind == "job_demand"
    ]
    assert demand == [(2.0, "ratio", "ML engineer postings doubled in a year.")]
    said = "# ML jobs\n\nA large portion of recruiters say demand for ML engineers has doubled.\n"
    claims = extract_claims(build_document(source_id="s", text=said, media_type="text/markdown"))
    assert [(c.kind, c.value) for c in claims[0]] == [("job_demand", 2.0)]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Postings for ML engineers sit 27% below year-ago levels.", [-27.0]),
        ("Openings for data engineers were 8% above their 2023 levels.", [8.0]),
        ("ML engineer postings were 41% above their March 2020 baseline.", [41.0]),
        ("Postings for data analysts stood 9% below their pre-pandemic baseline.", [-9.0]),
        ("Postings for data roles recorded a 4.2% monthly decline across the board.", [-4.2]),
        ("A 14% drop in the number of ML engineer job openings followed.", [-14.0]),
        ("Data engineer and MLOps positions saw declines of 22% and 17% respectively.", [-22, -17]),
    ],
)
def test_falls_named_after_their_figure_against_a_level_or_paired(
    sentence: str, values: list[float]
) -> None:
    """A fall named after its figure, a level set against an earlier one, and the second
    figure of a pair fall as the words say (each read nothing, or a rise, before)."""
    text = f"Hiring update.\n\n{sentence}"
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.value for c in demand.extract(doc)] == values


def test_a_level_against_a_year_ago_is_annual_and_its_year_is_no_date() -> None:
    text = "Hiring update.\n\nPostings for ML engineers were 27% below their 2023 levels."
    (claim,) = demand.extract(build_document(source_id="d", text=text, media_type="text/plain"))
    assert claim.year is None
    ago = "Hiring update.\n\nPostings for ML engineers were 27% below year-ago levels."
    (claim,) = demand.extract(build_document(source_id="d", text=ago, media_type="text/plain"))
    assert claim.qualifiers == {"annualized": True}


def test_a_fall_over_a_range_runs_from_the_larger_fall_and_more_fall_verbs() -> None:
    """'declined 9 to 12%' is -12 to -9 (value_high was below value: the schema rejected it);
    'slid', 'plunged' and 'tumbled' are falls as 'fell' is."""
    text = "Hiring update.\n\nEntry-level postings for data analysts declined 9 to 12% in 2025."
    (claim,) = demand.extract(build_document(source_id="d", text=text, media_type="text/plain"))
    assert (claim.value, claim.value_high) == (-12.0, -9.0)
    for verb in ("slid", "plunged", "tumbled"):
        text = f"Hiring update.\n\nOpenings for data analysts {verb} 11% year over year."
        doc = build_document(source_id="d", text=text, media_type="text/plain")
        assert [c.value for c in demand.extract(doc)] == [-11.0]


def test_figures_stated_respectively_take_the_roles_named_before_them_in_order() -> None:
    text = (
        "Hiring update.\n\nThe agency expects data engineer and NLP engineer jobs to grow by "
        "28% and 15%, respectively, from 2024 to 2034."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in demand.extract(doc)] == [
        ("data engineer", 28.0),
        ("natural language processing engineer", 15.0),
    ]


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        # a figure in its own bracket is what the words before the bracket name, never a role
        # named after it
        (
            "Demand for machine learning roles (up 64%) and data engineering roles (up 110%) "
            "has also climbed.",
            ["machine learning role", "data engineer"],
        ),
        # newer titles are roles: a field before 'engineer'
        ("Postings for prompt engineers rose 900% in two years.", ["prompt engineer"]),
        ("Openings for LLM engineers doubled in 2025.", ["large language model engineer"]),
        # the board between the postings and what they ask for
        (
            "Job listings on Stackline that mention prompt engineering have risen fivefold.",
            ["prompt engineering"],
        ),
    ],
)
def test_the_subject_of_a_bracketed_change_a_newer_title_and_listings_on_a_board(
    sentence: str, subjects: list[str]
) -> None:
    doc = build_document(
        source_id="d", text=f"Hiring update.\n\n{sentence}", media_type="text/plain"
    )
    assert [c.subject for c in demand.extract(doc)] == subjects


def test_a_rate_after_from_is_the_earlier_rate_of_a_growth_but_a_level_after_a_level() -> None:
    """'slowed to 4% growth in 2024, from 27% in 2023': both rates of growth, each in its
    year; 'rose to 30%, up from 25%' are levels, no change."""
    text = (
        "Hiring update.\n\nHiring for ML engineers slowed to 4% growth in 2024, from 27% in 2023."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [(c.value, c.year) for c in demand.extract(doc)] == [(4.0, 2024), (27.0, 2023)]
    level = "Hiring update.\n\nThe share of ML engineer postings rose to 30%, up from 25% in 2023."
    doc = build_document(source_id="d", text=level, media_type="text/plain")
    assert demand.extract(doc) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Hiring of ML engineers is up a third on last year.", 33.3),
        ("Demand for MLOps engineers has risen by two-thirds since 2023.", 66.7),
        ("Job ads for data scientists are down by a quarter year on year.", -25.0),
        ("Postings for data analysts fell by half in 2024.", -50.0),
    ],
)
def test_a_change_written_as_a_fraction_in_words(sentence: str, value: float) -> None:
    """A fraction after a change verb is the change (these sentences, without a digit or a
    multiple, were not read at all); 'a third of postings' stays a share's."""
    doc = build_document(
        source_id="d", text=f"Hiring update.\n\n{sentence}", media_type="text/plain"
    )
    assert [c.value for c in demand.extract(doc)] == [value]


def test_a_fraction_of_postings_without_a_change_verb_is_no_change() -> None:
    text = "Hiring update.\n\nA third of ML engineer postings now mention PyTorch, up from 2023."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert demand.extract(doc) == []


def test_a_signed_figure_after_a_change_of_the_same_form_is_a_change_too() -> None:
    """'... (−38%) fell furthest, followed by data annotators (−27%)': the second bracketed
    figure is a change as the first is (a minus sign alone made no change of it)."""
    page = (
        "Among AI job titles, prompt engineer roles (−38%) fell furthest on the month, "
        "followed by data annotators (−27%) and AI trainers (−19%)."
    )
    assert _demand(page, "text/plain") == [
        ("prompt engineer", -38.0, None),
        ("data annotator", -27.0, None),
        ("artificial intelligence trainer", -19.0, None),
    ]


def test_what_ads_ask_for_named_first_is_the_subject_of_their_change() -> None:
    """'Mentions of Databricks in job ads' and 'Demand for Databricks skills' are demand for
    Databricks (its name kept whole: it was singular, 'databrick', after 'Job ads mentioning');
    'Demand for Python developers' is the developers'."""
    page = (
        "Mentions of Databricks in job ads nearly doubled year on year.\n\n"
        "Job ads mentioning Snowflake rose 18% year on year.\n\n"
        "Demand for Databricks skills rose 40% year on year.\n\n"
        "Demand for Python developers rose 20% year on year.\n"
    )
    assert _demand(page, "text/plain") == [
        ("databricks", 2.0, None),
        ("snowflake", 18.0, None),
        ("databricks", 40.0, None),
        ("python developer", 20.0, None),
    ]


def test_a_change_named_after_its_figure_as_a_gain_and_a_city_the_sentence_opens_with() -> None:
    """'..., while Leeds bucked the trend with a 6% gain' (no change word before the figure:
    read as nothing) and 'In San Francisco, ... fell 14%' (the city opening the sentence: none)."""
    page = (
        "Data engineer postings fell 9% in March, while Leeds bucked the trend with a 6% gain.\n\n"
        "In San Francisco, ML engineer postings fell 14% in March.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/plain")
    found = [c for c in extract_claims(doc)[0] if c.kind == "job_demand"]
    assert [(c.value, c.qualifiers.get("city")) for c in found] == [
        (-9.0, None),
        (6.0, "Leeds"),
        (-14.0, "San Francisco"),
    ]


def test_a_year_after_a_later_figure_does_not_date_an_earlier_change() -> None:
    """'... were 6% below year-ago levels and well short of the peak of 18,900 reached in
    April 2022': 2022 is the peak's year, not the fall's (it dated the fall)."""
    page = (
        "The 8,100 data engineer openings listed at the end of May were 6% below year-ago "
        "levels and well short of the peak of 15,200 reached in April 2022."
    )
    assert [(v, y) for _, v, y in _demand(page, "text/plain") if v < 0] == [(-6.0, None)]


def test_job_offers_counted_on_a_board_are_demand_not_pay() -> None:
    """'Data engineer job offers fell 11% on the previous quarter' is a fall of open jobs, and
    'The number of data engineer offers fell 11%' no change in pay (both were pay growth)."""
    page = (
        "Data engineer job offers fell 11% on the previous quarter.\n\n"
        "The number of data engineer offers fell 11% on the previous quarter.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "percent"]
    assert [(c.kind, c.value, c.char_start) for c in claims] == [("job_demand", -11.0, 0)]


def test_a_disciplines_hiring_and_headcount_grown_by_a_fraction_are_its_roles_demand() -> None:
    page = (
        "# Singapore Salary Guide 2026\n\nML engineering hiring rose 12% in 2025.\n\n"
        "Employers expect to grow their ML engineering headcount by about a fifth in 2026.\n\n"
        "Data engineering job postings fell 5% in 2025.\n"
    )
    assert _demand(page, "text/markdown") == [
        ("machine learning engineer", 12.0, 2025),
        ("machine learning engineer", 20.0, 2026),
        ("data engineer", -5.0, 2025),
    ]


def test_a_list_of_signed_changes_by_role_keeps_its_falls_and_bi_roles() -> None:
    page = (
        "# Hiring index\n\nYear-on-year change in new postings, October 2025:\n\n"
        "- Machine learning engineer: +58%\n- Business intelligence analyst: −4%\n"
        "- BI analyst: +4%\n"
    )
    assert _demand(page, "text/markdown") == [
        ("machine learning engineer", 58.0, 2025),
        ("business intelligence analyst", -4.0, 2025),
        ("business intelligence analyst", 4.0, 2025),
    ]


def test_a_change_takes_the_level_its_own_words_state_in_years_and_both_fields() -> None:
    page = (
        "# AI hiring in India\n\nHiring for artificial intelligence and machine learning roles "
        "rose 41% in 2025.\n\nIn 2025 postings seeking four to seven years of experience rose "
        "52%, far outpacing those open to freshers, which grew 18%.\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/plain"))
    found = [
        (c.subject, c.value, c.qualifiers.get("experience_level"))
        for c in claims
        if c.kind == "job_demand"
    ]
    assert found[0] == ("artificial intelligence and machine learning role", 41.0, None)
    assert [(value, level) for _, value, level in found[1:]] == [(52.0, "mid"), (18.0, "entry")]


def test_a_staffing_firms_requisitions_are_demand_and_can_be_counted() -> None:
    page = (
        "# Q3 2025 results\n\nClient requisitions for machine learning engineers rose 27% year "
        "over year in the third quarter.\n\nOpen requisitions for ML engineers reached 1,240 "
        "at the end of September 2025.\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))
    found = sorted((c.attribute, c.value) for c in claims if c.kind == "job_demand")
    assert found == [("demand_growth", 27.0), ("job_openings", 1240.0)]


def test_a_pay_lead_out_earned_is_no_demand() -> None:
    page = (
        "# Talk recap\n\nUS ML engineers now out-earn data scientists by 18% at the median, "
        "up from single digits three years ago.\n"
    )
    assert _demand(page, "text/markdown") == []


def test_a_change_set_against_the_same_quarter_and_a_contrast_after_even_as() -> None:
    # 'swelled' is a rise; 'even as' opens the other figure's own clause, whose jobs are a
    # field's; 'compared with the same quarter of 2024' is the change's base year
    page = (
        "# Hiring report\n\nListings for machine learning engineers swelled 24% in the second "
        "quarter of 2025 compared with the same quarter of 2024, even as overall technology "
        "listings slid 5% over the same span.\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))
    found = [
        (c.subject, c.value, c.year, c.qualifiers.get("period_start"))
        for c in claims
        if c.kind == "job_demand"
    ]
    assert found == [
        ("machine learning engineer", 24.0, 2025, 2024),
        ("technology job listing", -5.0, 2025, 2024),
    ]


def test_a_role_only_a_later_clause_names_is_not_the_changes() -> None:
    page = (
        "# Machine learning engineer hiring\n\nAds asking for zero to two years of experience "
        "dropped 9% from Q2 2024, and new graduates say they compete with laid-off data "
        "analysts for the same openings.\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))
    found = [
        (c.subject, c.value, c.qualifiers.get("experience_level"))
        for c in claims
        if c.kind == "job_demand"
    ]
    assert found == [("machine learning engineer", -9.0, "entry")]


def test_a_recruiters_briefs_are_demand() -> None:
    page = (
        "# Hiring report\n\nClient vacancies for data engineers rose 14% year on year, while "
        "briefs for data analysts slipped 6% over the same period.\n"
    )
    assert [(s, v) for s, v, _ in _demand(page, "text/markdown")] == [
        ("data engineer", 14.0),
        ("data analyst", -6.0),
    ]


def test_a_multiple_restated_as_a_percent_is_listed_once() -> None:
    page = "# Hiring\n\nPostings for NLP engineers more than tripled in 2025, up 214%.\n"
    assert [(s, v) for s, v, _ in _demand(page, "text/markdown")] == [
        ("natural language processing engineer", 214.0)
    ]


def test_spanish_italian_and_french_job_ad_changes_are_demand() -> None:
    page = (
        "# Sueldos de ingeniero de datos\n\nLas vacantes para ingenieros de datos crecieron un "
        "19 % en 2025 frente a 2024.\n\nGli annunci per data engineer sono aumentati del 14 % "
        "nel 2025.\n\nLes affichages pour les ingénieurs de données ont bondi de 12 % en 2025.\n"
    )
    found = [(s, v) for s, v, _ in _demand(page, "text/markdown")]
    assert [v for _, v in found] == [19.0, 14.0, 12.0]
    assert {s for s, _ in found} == {"data engineer"}


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        (
            "ML engineer requisitions were up 52% in the Bay Area, 38% in New York and 29% in "
            "Austin.",
            {52.0: ("city", "Bay Area"), 38.0: ("city", "New York"), 29.0: ("city", "Austin")},
        ),
        (
            "It is broader than that. Bay Area ML engineer postings were up 52%, New York 38%, "
            "and Austin 29%.",
            {52.0: ("city", "Bay Area"), 38.0: ("city", "New York"), 29.0: ("city", "Austin")},
        ),
        (
            "ML engineer postings rose 12% in Germany, 9% in France and 4% in Spain.",
            {12.0: ("country", "Germany"), 9.0: ("country", "France"), 4.0: ("country", "Spain")},
        ),
    ],
)
def test_each_place_of_a_run_has_its_own_change_of_jobs(
    sentence: str, places: dict[float, tuple[str, str]]
) -> None:
    """A run of places each with its figure after one change of jobs: every figure is that
    change in its own place, and no share of a breakdown of the people a page asked."""
    page = f"# ML hiring in 2025\n\nWe surveyed 400 hiring managers.\n\n{sentence}\n"
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    claims, _ = extract_claims(doc)
    found = {
        c.value: next((k, c.qualifiers[k]) for k in ("city", "country") if k in c.qualifiers)
        for c in claims
        if c.kind == "job_demand"
    }
    assert found == places
    assert not [c for c in claims if c.kind == "share"]


def test_a_change_on_an_earlier_year_is_dated_by_its_own_year() -> None:
    """'in 2025, up 18.3% on 2024': 2024 is what the change is set against, so it is 2025's;
    likewise pay 'an increase of 6.2% on the 2024 figure'."""
    page = (
        "# Earnings in digital occupations 2025\n\nThere were 6,850 machine learning engineers "
        "in employment in 2025, up 18.3% on 2024.\n\nMedian earnings of machine learning "
        "engineers were €84,600 in 2025, an increase of 6.2% on the 2024 figure of €79,660.\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))
    years = {c.value: c.year for c in claims if c.kind in ("job_demand", "growth_rate")}
    assert years == {18.3: 2025, 6.2: 2025}


def test_the_levels_of_a_share_falling_from_a_peak_and_rising_steadily_are_no_changes() -> None:
    text = (
        '# Data job postings\n\nFigure 2. A line chart titled "Share of UK job postings '
        'mentioning LLMs, 2022-2025" shows the share falling from a peak of 3.1% in May 2022 '
        "to 1.8% in June 2023 before rising steadily to 4.2% by December 2025.\n"
    )
    doc = build_document(source_id="d", text=text, media_type="text/markdown")
    assert [c.value for c in demand.extract(doc)] == []


def test_a_change_in_demand_throughout_a_region_is_that_region_s() -> None:
    doc = build_document(
        source_id="t",
        text="Pulse\n\nDemand for MLOps engineers throughout North America rose 27% in 2025.\n",
        media_type="text/plain",
    )
    (rise,) = demand.extract(doc)
    assert (rise.value, rise.qualifiers.get("region")) == (27.0, "North America")


def test_a_recruiter_s_requests_for_a_role_are_demand_for_it() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "Barometer 2025\n\nRequests for data engineers on our desk rose 12% in 2025, while "
            "requests for data analysts fell 7% over the same period.\n"
        ),
        media_type="text/plain",
    )
    changes = {(c.subject, c.value) for c in demand.extract(doc)}
    assert changes == {("data engineer", 12.0), ("data analyst", -7.0)}


def test_a_bare_growth_field_beside_pay_is_the_cards_job_growth_even_for_an_unknown_job() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "<h1>Where hiring grew fastest in Ireland</h1><ol>"
            "<li><h2>1. Offshore Wind Surveyor</h2>"
            "<p>Median salary: €54,000 · Growth: +46% · Top skills: GIS</p></li>"
            "<li><h2>2. Machine Learning Engineer</h2>"
            "<p>Median pay: €81,000 · Growth: 31%</p></li></ol>"
            "<h2>Markets</h2><p>Market size: €2 billion · Growth: 18%</p>"
        ),
        media_type="text/html",
    )
    changes = {(c.kind, c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "percent"}
    # the market line states no pay, so its bare 'Growth' is no job's
    assert {c for c in changes if c[0] == "job_demand"} == {
        ("job_demand", "offshore wind surveyor", 46.0),
        ("job_demand", "machine learning engineer", 31.0),
    }


def test_open_jobs_per_applicant_is_a_ratio_of_job_demand() -> None:
    page = (
        "# Data hiring in Korea\n\n"
        "The ratio of job openings to applicants for data engineers in South Korea stood at "
        "1.7 in June 2026, according to the staffing firm Hanbit Search.\n\n"
        "- 2.2 - openings per applicant for data scientist roles (June 2026)\n"
        "- 14 applicants on average for each posting\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    ratios = [
        (c.subject, c.value, c.year, c.qualifiers.get("country"))
        for c in extract_claims(doc)[0]
        if c.unit == "ratio"
    ]
    assert ratios == [
        ("data engineer", 1.7, 2026, "South Korea"),
        ("data scientist", 2.2, 2026, None),
    ]


def test_a_speakers_turn_referring_back_to_the_last_turns_count_gives_its_jobs_change() -> None:
    page = (
        "Careers podcast, episode 12\n\n"
        "[00:04:10] HOST: Staffline counted about 8,300 open data engineer roles in Spain in "
        "May 2026.\n\n"
        "[00:04:21] GUEST: And that's up 19 percent from a year earlier.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    changes = [(c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "percent"]
    assert changes == [("data engineer", 19.0)]


def test_a_ratio_a_year_earlier_restates_the_ratio_before_it() -> None:
    page = (
        "# Data hiring in Korea\n\n"
        "The ratio of job openings to applicants for data engineers in South Korea stood at "
        "1.7 in June 2026. A year earlier it was 1.2.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    ratios = [
        (c.value, c.year, c.qualifiers.get("country"))
        for c in extract_claims(doc)[0]
        if c.unit == "ratio"
    ]
    assert ratios == [(1.7, 2026, "South Korea"), (1.2, None, "South Korea")]


def test_a_tenure_in_role_names_no_jobs() -> None:
    page = (
        "# Pay watch\n\n"
        "- Base pay for data engineers rose 4.8% in the year to June 2026.\n"
        "- Juniors (1-2 years in role) saw the smallest rise, 2.1%.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert [c for c in extract_claims(doc)[0] if c.kind == "job_demand"] == []


def test_a_discount_off_a_course_is_no_change_in_hiring() -> None:
    """'... can claim up to 60% off the ML Engineer course' names a role and a percentage, but
    the percentage is taken off a price."""
    page = (
        '# Switching into ML engineering\n\nOur 8-week "Data Scientist to ML Engineer" course '
        "costs €3,900 before grants; learners aged 40 and over can claim up to 60% off with "
        "the national skills fund.\n"
    )
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    assert [c for c in extract_claims(doc)[0] if c.kind == "job_demand"] == []


def test_signed_rows_under_a_title_setting_two_half_years_apart_are_demand_growth() -> None:
    """A slide's 'HIRING: H2 2025 vs H2 2024' over 'Data engineer ads ..... +21%' rows with no
    header line: each role's change in postings, the minus kept; none is a share."""
    doc = document(
        "Talk export\n\nHIRING: H2 2025 vs H2 2024\n"
        "  Data engineer ads ........ +21%\n"
        "  ML engineer ads .......... +44%\n"
        "  Data analyst ads ......... −6%\n"
        "Speaker notes: a small sample.\n",
        "text/plain",
    )
    found = {(c.kind, c.subject, c.value) for c in numeric_claims(doc)}
    assert found == {
        ("job_demand", "data engineer", 21.0),
        ("job_demand", "machine learning engineer", 44.0),
        ("job_demand", "data analyst", -6.0),
    }


def test_postings_for_a_title_beyond_the_vocabulary_are_that_title_s() -> None:
    """'Postings for machine learning compiler engineers rose 63% in 2025' on a page about ML
    engineers: the compiler engineers' demand, not the page's role's."""
    page = (
        "# What the chip boom means for machine learning engineers\n\nMachine learning "
        "engineers are in demand. Postings for machine learning compiler engineers rose 63% in "
        "2025 on one jobs board.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "job_demand"] == [
        ("machine learning compiler engineer", 63.0)
    ]


def test_demand_for_a_product_is_no_job_title_s_demand() -> None:
    """'Demand for AI agents rose 300%' names a product, whose 'agent' is no job title."""
    page = (
        "# What AI agents mean for machine learning engineers\n\nMachine learning engineers are "
        "in demand. Demand for AI agents rose 300% in 2024.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert "artificial intelligence agent" not in {c.subject for c in claims}


def test_demand_for_a_trade_s_title_beyond_the_vocabulary_is_that_title_s() -> None:
    """'Demand for data annotation specialists rose 40%' on a page about ML engineers: the
    specialists' demand (a trade's head), where 'Demand for AI agents' names a product."""
    page = (
        "# What the data boom means for machine learning engineers\n\nMachine learning "
        "engineers are in demand. Demand for data annotation specialists rose 40% in 2025 on "
        "one jobs board.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "job_demand"] == [
        ("data annotation specialist", 40.0)
    ]


def test_a_job_boards_own_offers_are_openings_not_pay() -> None:
    doc = document(
        "# Data jobs in Czechia\n\nThe median offer for an ML engineer was 95 000 CZK a month.\n\n"
        "ML engineer offers on our portal grew 18% in 2025, and in March alone we published 236 "
        "new ML engineer offers.",
        "text/markdown",
    )
    found = {(c.kind, c.value, c.unit) for c in numeric_claims(doc)}
    assert found == {
        ("salary", 95000.0, "CZK"),
        ("job_demand", 18.0, "percent"),
        ("job_demand", 236.0, "count"),
    }
    valued = document(
        "# Data jobs in Czechia\n\nOffers on our portal for ML engineers grew 6% in value in "
        "2025.\n\nEngineers who published a profile on our portal received 5 offers on average.",
        "text/markdown",
    )
    assert {(c.kind, c.value) for c in numeric_claims(valued)} == {
        ("growth_rate", 6.0),
        ("count", 5.0),
    }


def test_a_cumulative_rise_of_just_over_100_percent_is_no_remark_on_shares() -> None:
    doc = document(
        "<p>From 2020 to 2025, the gains in ML engineer job postings added up to just over 100%, "
        "Hirewell data show.</p>",
        "text/html",
    )
    assert [(c.kind, c.value) for c in numeric_claims(doc)] == [("job_demand", 100.0)]

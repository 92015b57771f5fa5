"""Explicit counts in prose, and the numbers that are not counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import counts, extract_claims, tables
from mlefacts.extract.claim import Claim

FIXTURES = Path(__file__).parent / "fixtures" / "prose"


def test_counts_fixture_exact_claims() -> None:
    path = FIXTURES / "counts.txt"
    doc = build_document(source_id="c", text=path.read_text(), media_type="text/plain")
    found = {c.value: c for c in counts.extract(doc)}
    assert set(found) == {9000.0, 452.0}
    openings = found[9000.0]
    assert (openings.unit, openings.qualifiers["category"]) == ("count", "job openings")
    assert openings.subject == "machine learning engineer"
    startups = found[452.0]
    assert startups.qualifiers == {"category": "startups", "country": "United States"}
    assert doc.text[startups.char_start : startups.char_end].startswith("The United States has 452")


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow these 5 steps to land one of the jobs.",
        "Here are the Top 10 jobs for engineers.",
        "Python 3.11 added new typing features for developers.",
        "Call 555-123-4567 for details about openings.",
        "In 2021 companies slowed hiring.",
        "The course costs $499 for 12 students.",
        "Only 1 company replied.",
        "Postings for ML roles rose 9% this year, while applications per role dropped to 31.",
        "Employers needed at least 40 vacancies on file to be included in the index.",
    ],
)
def test_non_counts(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert counts.extract(doc) == []


def _counts(text: str) -> list[tuple[str, float]]:
    doc = build_document(source_id="d", text=text, media_type="text/markdown")
    return [(c.subject, c.value) for c in counts.extract(doc)]


def test_a_noun_before_a_total_verb_is_what_the_number_counts() -> None:
    found = _counts("Machine learning job postings in the US reached nearly 52,000 last year.")
    assert found == [("machine learning job posting", 52000.0)]


def test_a_clause_opener_is_not_part_of_the_counted_noun() -> None:
    found = _counts("Pay rose 4% in 2025, whereas applicants climbed to 12,400.")
    assert found == [("applicant", 12400.0)]


def test_joined_nouns_and_long_modifiers_stay_one_phrase() -> None:
    assert _counts("We pooled 1,930 placements and salary reports.") == [
        ("placements and salary report", 1930.0)
    ]
    assert _counts("There were 8,100 open computer vision engineer positions.") == [
        ("computer vision engineer", 8100.0)
    ]


def test_a_fact_line_labelled_as_a_count_is_a_count_of_the_pages_role() -> None:
    page = "# Data Engineers: outlook\n\nMedian pay: $120,000\nNumber of jobs, 2024: 41,500\n"
    assert _counts(page) == [("data engineer", 41500.0)]


def test_bare_job_nouns_take_the_page_role_but_a_named_field_keeps_its_phrase() -> None:
    page = (
        "# Data Engineer careers\n\nAbout 2,600 openings are expected each year.\n\n"
        "Recruiters listed 480 robotics vacancies.\n"
    )
    assert _counts(page) == [("data engineer", 2600.0), ("robotics vacancy", 480.0)]


def test_pagination_is_not_a_count() -> None:
    assert _counts("Page 2 of 9 · Showing 10 of 86 roles · Next") == []


def test_fact_lines_set_as_headings_count_for_the_numbered_item_above() -> None:
    page = (
        "# The top jobs\n\nHere are the top two.\n\n1. Data Labeling Lead\n\n"
        "   Job openings: 655\n\n2. MLOps Engineer\n\n   Job openings: 2,094\n"
    )
    assert _counts(page) == [
        ("data labeling lead", 655.0),
        ("machine learning operations engineer", 2094.0),
    ]


def test_scaled_counts_are_counts_and_list_sizes_are_not() -> None:
    assert _counts("The study covers 1.8 million robotics job postings.") == [
        ("robotics job posting", 1800000.0)
    ]
    assert _counts("The 5 best jobs for engineers, ranked.") == []


def test_sizes_that_qualify_something_else_are_not_counts() -> None:
    assert _counts("Firms with more than 500 employees hire most of them.") == []
    assert _counts("Now 3 in 5 employers use AI in hiring.") == []


def test_promotion_group_sizes_and_first_person_stories_are_not_counts() -> None:
    assert _counts("The course is trusted by 3,000 companies.") == []
    assert _counts("Our team of 8 engineers built it.") == []
    assert _counts("I interviewed with 12 companies last year.") == []


def test_a_count_nested_under_a_numbered_item_is_about_that_item() -> None:
    page = "# Top jobs\n\n1. Data Labeling Lead\n   - Job openings: 655\n"
    assert _counts(page) == [("data labeling lead", 655.0)]


def _readings(text: str) -> dict[float, tuple[str, str, str]]:
    doc = build_document(source_id="j", text=text, media_type="text/plain")
    return {c.value: (c.kind, c.attribute, c.subject) for c in counts.extract(doc)}


def test_counts_of_open_jobs_are_job_demand_with_their_own_role() -> None:
    found = _readings(
        "There were 26,500 open positions for machine learning engineers in the United "
        "States in February, and over 9,000 openings for data scientists. The survey "
        "reached 3,000 respondents, and 452 startups took part."
    )
    assert found[26500] == ("job_demand", "job_openings", "machine learning engineer")
    assert found[9000] == ("job_demand", "job_openings", "data scientist")
    assert found[3000][0] == found[452][0] == "count"


def test_the_part_of_a_count_of_jobs_that_is_for_a_role_is_that_roles_demand() -> None:
    found = _readings(
        "Employers posted 410,000 AI-related jobs, and about 52,000 of them were for data "
        "scientists. Of the 96,000 tech job postings, 7,300 were for software engineers. "
        "Roughly 2,800 of those ads were specifically for data engineers. "
        "Of the 1,200 respondents, 300 were for hiring more staff. "
        "From 2023 to 2025 there were 512,000 AI-related job postings in Canada, with 61,000 "
        "for ML engineer roles."
    )
    assert found[410000] == ("job_demand", "job_openings", "artificial intelligence job")
    assert found[52000] == ("job_demand", "job_openings", "data scientist")
    # the whole is the field's postings, not the role its part is for
    assert found[96000] == ("job_demand", "job_openings", "tech job posting")
    assert found[7300] == ("job_demand", "job_openings", "software engineer")
    assert found[2800] == ("job_demand", "job_openings", "data engineer")
    assert 300 not in found  # a part of respondents is no one's jobs
    assert found[61000] == ("job_demand", "job_openings", "machine learning engineer")


def test_employment_and_a_study_sample_are_counts_not_demand() -> None:
    found = _readings(
        "Number of jobs, 2024: 38,200\n\n"
        "The ranking draws on 1.8 million job postings collected over ten months."
    )
    assert {kind for kind, _, _ in found.values()} == {"count"}
    assert found[1_800_000][2] == "job posting"


@pytest.mark.parametrize(
    "text",
    [
        "Posted 3 days ago · 57 applicants",
        "Over 200 applicants",
        "By the research team · 9 min read · 1,204 views",
    ],
)
def test_a_postings_own_activity_is_not_a_count(text: str) -> None:
    assert _readings(text) == {}


def test_jobs_a_job_board_lists_are_job_demand_for_each_quoted_title() -> None:
    found = _readings(
        'As of March, the board shows 3,501 "Data Scientist" jobs and only 312 '
        '"Machine Learning Engineer" jobs in the USA.'
    )
    assert found == {
        3501: ("job_demand", "job_openings", "data scientist"),
        312: ("job_demand", "job_openings", "machine learning engineer"),
    }


def test_openings_after_with_are_stated_but_a_firms_size_is_not() -> None:
    found = _readings(
        "The United States is the clear leader with over 135k job openings. "
        "Firms with over 500 employees hire most of them."
    )
    assert found == {135000: ("job_demand", "job_openings", "job opening")}


def test_a_count_of_two_joined_roles_is_one_population_of_both() -> None:
    found = _readings("We surveyed 2,140 data scientists and machine learning engineers in 2025.")
    assert found[2140] == ("count", "count", "data scientist and machine learning engineer")


def test_the_base_of_a_ratio_is_not_a_count() -> None:
    doc = build_document(
        source_id="c",
        text="About 3 in 10 ML job listings (29%) offer remote work.",
        media_type="text/plain",
    )
    assert counts.extract(doc) == []


def test_people_count_only_beside_a_role() -> None:
    doc = build_document(
        source_id="c",
        text=(
            "About 287,000 people hold the machine learning engineer title worldwide. "
            "Over 40 people joined our meetup."
        ),
        media_type="text/plain",
    )
    found = {c.value: c.subject for c in counts.extract(doc)}
    assert found == {287000.0: "machine learning engineer"}


def test_jobs_counted_in_a_field_belong_to_the_field() -> None:
    doc = build_document(
        source_id="c",
        text=(
            "India had close to 48,000 open roles in artificial intelligence this spring, and "
            "machine learning engineers were among the hardest to fill."
        ),
        media_type="text/plain",
    )
    assert [c.subject for c in counts.extract(doc)] == ["artificial intelligence role"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our ML group has grown to 140 engineers.",
        "The team now counts 40 engineers across three offices.",
        "The report covers 18 countries and profiles 40 vendors.",
        "Founded in 2009, the council has 210 member companies.",
        "The market is crowded: the study tracks 58 vendors, from start-ups to hyperscalers.",
    ],
)
def test_a_groups_own_size_a_reports_coverage_and_members_are_not_counts(sentence: str) -> None:
    assert _counts(sentence) == []


def test_vendors_are_counted_and_kept_job_ads_are_a_sample_not_demand() -> None:
    assert _counts("More than 180 vendors compete in the market.") == [("vendor", 180.0)]
    doc = build_document(
        source_id="d",
        text="After removing research roles, we kept 714 machine learning engineer job ads.",
        media_type="text/plain",
    )
    assert [(c.kind, c.value) for c in counts.extract(doc)] == [("count", 714.0)]


def test_people_a_survey_asked_are_its_sample_and_totals_may_be_crossed() -> None:
    assert _counts("More than 1,500 people responded to the survey.") == [("person", 1500.0)]
    assert _counts("Over 40 people joined the meetup.") == []
    assert _counts("ML engineer job postings on Naukri crossed 18,000 in June.") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "Northwind has 4,500 employees in 11 countries.",
        "Join our community of 40,000 developers.",
        "We have helped 5,000 engineers land their first ML job.",
        "The bootcamp has trained 8,000 professionals since 2015.",
        "We work with 300+ employers across Europe.",
        "Over 500 companies hire from our platform.",
    ],
)
def test_the_publishers_own_business_and_a_firms_headcount_are_not_counts(sentence: str) -> None:
    assert _counts(sentence) == []


def test_first_person_counts_stay_when_they_report_a_survey_or_openings() -> None:
    assert _counts("We surveyed 1,200 engineers in May.") == [("engineer", 1200.0)]
    assert _counts("Right now we have 38 open machine learning engineer positions.") == [
        ("machine learning engineer", 38.0)
    ]
    # 'US' is a country, not 'us'
    assert _counts("LinkedIn lists 12,000 open data scientist positions in the US.") == [
        ("data scientist", 12000.0)
    ]


def test_counted_people_keep_their_own_name_beside_a_role_in_the_clause() -> None:
    found = _counts("A survey of 2,600 employers found that 41% plan to hire an ML engineer.")
    assert found == [("employer", 2600.0)]


def test_a_block_that_is_only_a_label_and_its_number_is_a_stat_line() -> None:
    page = "<h1>Hiring</h1><p><span>Open ML engineer roles</span><span>27,800</span></p>"
    doc = build_document(source_id="d", text=page, media_type="text/html")
    assert [(c.subject, c.value) for c in counts.extract(doc)] == [
        ("machine learning engineer", 27800.0)
    ]
    assert _counts("# Hiring\n\nThe team grew to 12 people.\n") == []


def test_the_same_count_a_year_earlier_is_read_after_it() -> None:
    doc = build_document(
        source_id="d",
        text="In June 2025 there were more than 48,600 open machine learning engineer roles, "
        "up from 39,200 a year earlier.",
        media_type="text/plain",
    )
    found = [(c.kind, c.value, c.subject, c.year) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", 48600.0, "machine learning engineer", 2025),
        ("job_demand", 39200.0, "machine learning engineer", 2024),
    ]


def test_the_same_count_twelve_months_earlier_is_the_year_before() -> None:
    doc = build_document(
        source_id="d",
        text="Boards listed 3,150 open data engineer roles in March 2026, compared with 2,480 "
        "twelve months earlier.",
        media_type="text/plain",
    )
    found = [(c.value, c.subject, c.year) for c in counts.extract(doc)]
    assert found == [(3150.0, "data engineer", 2026), (2480.0, "data engineer", 2025)]


def test_job_descriptions_a_study_analysed_are_counted() -> None:
    doc = build_document(
        source_id="d",
        text="We analysed 8,300 data engineer job descriptions posted in 2026.",
        media_type="text/plain",
    )
    assert [(c.value, c.qualifiers.get("category")) for c in counts.extract(doc)] == [
        (8300.0, "job descriptions")
    ]


def test_counts_written_as_words_are_read() -> None:
    assert _counts("Nearly two million developers contributed to open-source ML projects.") == [
        ("developer", 2_000_000.0)
    ]
    assert _counts("Half a million learners finished the course.") == [("learner", 500_000.0)]
    assert _counts("Some two and a half million developers write Python daily.") == [
        ("developer", 2_500_000.0)
    ]


def test_an_earlier_count_after_a_year_keeps_its_own_year() -> None:
    doc = build_document(
        source_id="d",
        text="452 AI startups raised a seed round in 2025, up from 389 in 2024.",
        media_type="text/plain",
    )
    assert [(c.value, c.year) for c in counts.extract(doc)] == [(452.0, 2025), (389.0, 2024)]


def test_a_publishers_tracker_reports_the_field() -> None:
    assert _counts("Our tracker logged 4,630 funding rounds for AI startups in 2025.") == [
        ("funding round", 4630.0)
    ]
    # the sample a publisher's figures come from is the study's, not its business
    assert _counts("Our figures come from 2,910 salary records shared by employers.") == [
        ("salary record", 2910.0)
    ]


def test_the_size_of_one_batch_is_not_a_count() -> None:
    assert _counts("Each batch of 40 learners meets weekly.") == []


def test_a_stat_block_of_spans_reads_its_figure_and_caption_apart() -> None:
    page = (
        '<div><span class="num">12,000+</span><span class="label">companies hiring</span></div>'
        '<div><span class="num">3.4k</span><span class="label">open MLOps roles</span></div>'
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    found = [(c.kind, c.value) for c in counts.extract(doc)]
    assert found == [("count", 12000.0), ("job_demand", 3400.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Here are 10 companies hiring ML engineers right now:",
        "Read by 2 million engineers every month.",
        "Companies profiled: 25",
        "Number of pages: 250",
    ],
)
def test_list_sizes_readership_and_report_furniture_are_not_counts(sentence: str) -> None:
    assert _counts(sentence) == []


@pytest.mark.parametrize("when", ["2018", "March 2018"])
def test_a_change_from_one_count_to_another_gives_both(when: str) -> None:
    doc = build_document(
        source_id="d",
        text=f"AI professionals almost doubled from 40,000 in {when} to 72,000 by 2019.",
        media_type="text/plain",
    )
    found = [(c.subject, c.value, c.year) for c in counts.extract(doc)]
    assert found == [
        ("artificial intelligence professional", 40000.0, 2018),
        ("artificial intelligence professional", 72000.0, 2019),
    ]


@pytest.mark.parametrize("when", ["May", "Q1"])
def test_a_change_between_two_undated_times_of_a_year_gives_both(when: str) -> None:
    doc = build_document(
        source_id="d",
        text=f"Postings for data engineers rose from roughly 380 in {when} to about 412 later.",
        media_type="text/plain",
    )
    found = [(c.subject, c.value) for c in counts.extract(doc)]
    assert found == [("data engineer", 380.0), ("data engineer", 412.0)]


def test_jobs_there_are_or_that_ask_for_a_skill_are_open_jobs() -> None:
    doc = build_document(
        source_id="d",
        text="There are over 230K jobs worldwide that list machine learning as a required skill.",
        media_type="text/plain",
    )
    [claim] = counts.extract(doc)
    assert (claim.kind, claim.subject, claim.value) == ("job_demand", "machine learning", 230000.0)


def test_employment_of_a_number_counts_the_roles_employment() -> None:
    assert _counts("Machine learning engineers had employment of 41,000 in 2024.") == [
        ("machine learning engineer", 41000.0)
    ]


def test_salaries_and_profiles_a_figure_is_based_on_are_counts() -> None:
    assert _counts("Based on 2,345 salaries reported by employees.") == [("salary report", 2345.0)]
    assert _counts("The study drew on 84,000 LinkedIn profiles.") == [("linkedin profile", 84000.0)]


def test_companies_a_report_profiles_are_not_counted() -> None:
    assert _counts("The study includes 30+ companies profiled in detail.") == []


def test_a_roles_heading_and_a_bold_label_state_open_jobs() -> None:
    page = (
        "# AI Jobs in Canada\n\n## Machine Learning Engineer (4,812 openings)\n\nText.\n\n"
        "## Data Scientist\n\n**Open roles in Toronto:** 2,100\n\n## Top 10 ML Engineer Skills\n"
    )
    doc = build_document(source_id="h", text=page, media_type="text/markdown")
    found = [(c.kind, c.subject, c.value, c.qualifiers.get("city")) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", "machine learning engineer", 4812.0, None),
        ("job_demand", "data scientist", 2100.0, "Toronto"),
    ]


def test_a_quick_facts_table_gives_its_counts() -> None:
    page = (
        "<table><caption>Quick Facts: Data Engineers</caption>"
        "<tr><th>2024 Median Pay</th><td>$118,240 per year</td></tr>"
        "<tr><th>Typical Entry-Level Education</th><td>Bachelor's degree</td></tr>"
        "<tr><th>Number of Jobs, 2024</th><td>96,400</td></tr>"
        "<tr><th>Employment Change, 2024-34</th><td>17,350</td></tr></table>"
    )
    doc = build_document(source_id="q", text=page, media_type="text/html")
    found = [(c.subject, c.value, c.year) for c in counts.extract(doc)]
    assert found == [("data engineer", 96400.0, 2024), ("data engineer", 17350.0, 2034)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Vacancies for ML engineers hit a record 12,400 in May 2025.", 12400.0),
        ("Open roles for AI engineers now stand at roughly 9,100.", 9100.0),
        ("Job ads for MLOps engineers jumped to 3,900 in the second quarter.", 3900.0),
        ("Postings for data scientists dropped by 12% to 20,300.", 20300.0),
        ("Listings for ML engineers rose 12% month over month to 5,930.", 5930.0),
        ("Data engineer job ads fell 4% on the previous month to 2,870.", 2870.0),
        ("Open data engineer roles rose 6% month on month, to 1,930.", 1930.0),
        ("Openings for data engineers fell 2.2% in March, to 7,410.", 7410.0),
        ("MLOps engineer ads slipped 1.8% quarter-on-quarter in Q2 2026, to 2,215.", 2215.0),
        ("Data engineer vacancies rose 6% in the second quarter of 2026, to 8,830.", 8830.0),
        ("The number of open ML jobs in Germany is estimated at 14,000.", 14000.0),
    ],
)
def test_levels_reached_by_open_jobs_are_job_demand(sentence: str, value: float) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert [(c.kind, c.value) for c in counts.extract(doc)] == [("job_demand", value)]


def test_a_change_before_the_levels_it_went_from_and_to_states_both_levels() -> None:
    """'... rose 5.2% in the second quarter of 2026 compared with the first quarter, from 3,120
    to 3,282': the job ads before and after the change."""
    doc = build_document(
        source_id="d",
        text=(
            "Job ads for data engineers in Austria rose 5.2% in the second quarter of 2026 "
            "compared with the first quarter, from 3,120 to 3,282.\n"
        ),
        media_type="text/plain",
    )
    found = [(c.kind, c.subject, c.value) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", "data engineer", 3120.0),
        ("job_demand", "data engineer", 3282.0),
    ]


def test_the_level_after_a_field_s_change_in_a_month_is_the_field_s_postings() -> None:
    """'Postings for AI roles rose 3.1% in June, to 44,900': the field's jobs, though the level
    stands in a clause of its own after the comma."""
    doc = build_document(
        source_id="d",
        text="# Data Jobs Monthly\n\nPostings for AI roles rose 3.1% in June, to 44,900.\n",
        media_type="text/markdown",
    )
    found = [(c.kind, c.subject, c.value) for c in counts.extract(doc)]
    assert found == [("job_demand", "artificial intelligence role", 44900.0)]


def test_a_measure_after_the_number_is_not_a_count() -> None:
    assert _counts("Time to hire for ML roles grew 12% to 48 days.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Most Fortune 500 companies now use machine learning.",
        "2 of 3 companies use AI in production.",
        "These 7 AI jobs pay the most.",
    ],
)
def test_named_lists_ratios_and_list_sizes_are_not_counts(sentence: str) -> None:
    assert _counts(sentence) == []


def test_a_total_brought_to_and_an_earlier_quarter_restate_the_count() -> None:
    text = (
        "Investors minted 15 new AI unicorns in 2025, bringing the global total to 302. "
        "The number of AI deals fell to 2,101 in Q1 2025, down from 2,516 in Q1 2024."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    assert [(c.value, c.year) for c in counts.extract(doc)] == [
        (15.0, 2025),
        (302.0, 2025),
        (2101.0, 2025),
        (2516.0, 2024),
    ]


def test_a_second_verb_that_leaves_the_noun_out_counts_the_same_noun() -> None:
    text = (
        "AI and data processing are expected to create 14 million jobs and displace 6 million "
        "by 2030. Employers plan to hire 4,000 engineers and 300 interns this year."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = [(c.value, c.subject, c.year) for c in counts.extract(doc) if c.subject == "job"]
    assert found == [(14_000_000, "job", 2030), (6_000_000, "job", 2030)]


def test_a_bracketed_abbreviation_and_a_count_said_again_for_a_place() -> None:
    text = (
        "There are 38,000 Artificial Intelligence (AI) job openings in Brazil. Job boards show "
        "over 210K jobs worldwide that list deep learning as a required skill, and over 96K "
        "in the U.S. alone."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = [(c.subject, c.value, c.qualifiers.get("country")) for c in counts.extract(doc)]
    assert found == [
        ("artificial intelligence job opening", 38000.0, "Brazil"),
        ("deep learning", 210000.0, None),
        ("deep learning", 96000.0, "United States"),
    ]


def test_openings_a_sentence_projects_are_its_roles_forecast() -> None:
    text = (
        "The BLS projects employment of data scientists to grow 31% from 2024 to 2034, and "
        "roughly 21,600 openings a year. Meanwhile the number of people calling themselves ML "
        "engineers has grown to around 295,000."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = [(c.subject, c.value, c.qualifiers.get("forecast")) for c in counts.extract(doc)]
    assert found == [
        ("data scientist", 21600.0, True),
        ("machine learning engineer", 295000.0, None),
    ]


def test_job_counts_take_the_level_of_their_own_counted_phrase() -> None:
    doc = build_document(
        source_id="l",
        text=(
            "Recruiters listed 1,150 open senior machine learning engineer roles in Hyderabad. "
            "Job ads for entry-level machine learning engineers in Noida climbed to 640 in "
            "September. There are 3,900 openings for ML engineers in Bangalore."
        ),
        media_type="text/plain",
    )
    found = {
        c.value: (c.kind, c.subject, c.qualifiers.get("experience_level"))
        for c in counts.extract(doc)
    }
    assert found == {
        1150.0: ("job_demand", "machine learning engineer", "senior"),
        640.0: ("job_demand", "machine learning engineer", "entry"),
        3900.0: ("job_demand", "machine learning engineer", None),
    }


def test_a_sectors_workforce_is_a_count_and_one_groups_size_is_not() -> None:
    assert _counts("India's AI services sector employs about 416,000 people.") == [
        ("artificial intelligence services sector", 416000.0)
    ]
    assert _counts("Northwind Robotics employs 4,500 people in 11 countries.") == []
    assert _counts("The bank has a data and AI unit of roughly 600 people.") == []


def test_one_organisations_headcount_is_skipped_as_no_fact_of_the_field() -> None:
    text = "Northwind Robotics employs 4,500 people. Northwind hired 300 data scientists."
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert counts.extract(doc) == []
    reasons = {doc.text[s.char_start : s.char_end]: s.reason for s in counts.skipped(doc)}
    assert reasons == {"4,500": "not_field", "300": "not_field"}


def test_postings_a_study_tracked_are_its_sample_not_demand() -> None:
    found = _readings("We tracked 48,700 job postings between January and July 2025.")
    assert found[48700.0][0] == "count"


@pytest.mark.parametrize(
    "sentence",
    [
        "We study the rise of the role using 3,100,000 U.S. job postings.",
        "HireScope's report is built on 2,300,000 US technology job postings.",
        "The classifier reaches 96.8% precision on a hand-labelled test set of 4,000 postings.",
    ],
)
def test_postings_a_study_uses_or_labels_are_its_data_not_demand(sentence: str) -> None:
    found = _readings(sentence)
    assert [kind for kind, *_ in found.values()] == ["count"]


def test_numbers_beside_a_counted_noun_that_are_no_count_say_why() -> None:
    text = (
        "Top 10 companies hiring machine learning engineers. "
        "The ML team grew from 12 to 40 engineers. "
        "Firms with over 500 employees hire most of them. "
        "Fewer than 5 engineers: 21%"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert counts.extract(doc) == []
    reasons = {doc.text[s.char_start : s.char_end]: s.reason for s in counts.skipped(doc)}
    assert reasons == {"10": "list_size", "40": "not_field", "500": "not_field", "5": "band"}


@pytest.mark.parametrize("header", ["%", "Share (%)", "Share", "Per cent", "Percent"])
def test_bare_numbers_under_a_percent_header_are_shares_not_counts(header: str) -> None:
    page = (
        f"<h2>Hiring by company size</h2><table><tr><th>Company size</th><th>{header}</th></tr>"
        "<tr><td>Under 200 employees</td><td>34</td></tr>"
        "<tr><td>2,000+ employees</td><td>28</td></tr></table>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert counts.extract(doc) == []
    shares = [(c.kind, c.value, c.unit) for c in tables.extract(doc)]
    assert shares == [("share", 34.0, "percent"), ("share", 28.0, "percent")]


def test_jobs_counted_across_the_world_are_no_one_roles() -> None:
    text = (
        "# Machine learning engineer careers\n\n"
        "Analysts expect AI and automation to create 97 million new roles worldwide.\n"
    )
    assert _counts(text) == [("role", 97_000_000)]


def test_a_companys_headcount_beside_a_count_of_a_role_is_not_a_count() -> None:
    text = "Nvidia, with 29,600 employees, hired 400 machine learning engineers in 2024.\n"
    assert _counts(text) == [("machine learning engineer", 400)]


def test_the_city_of_a_team_that_counted_is_not_the_counts() -> None:
    text = "Our London team analysed 4,200 job adverts posted across the UK.\n"
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    (claim,) = counts.extract(doc)
    assert "city" not in claim.qualifiers


def test_one_organisations_staff_or_hiring_is_not_a_count() -> None:
    text = (
        "Acme Robotics employs 300 data scientists and machine learning engineers.\n\n"
        "Google hired more than 2,000 machine learning engineers last year.\n\n"
        "The company plans to hire 150 machine learning engineers in 2025.\n\n"
        "Kestrel Labs says it will hire 120 machine learning engineers in Lisbon.\n\n"
        "Meta's AI research lab has 800 researchers.\n\n"
        "Employers hired 20,000 machine learning engineers in 2024.\n\n"
        "The number of ML engineers on LinkedIn has grown to around 295,000.\n"
    )
    assert _counts(text) == [
        ("machine learning engineer", 20_000),
        ("machine learning engineer", 295_000),
    ]


def test_jobs_a_technology_creates_are_no_one_roles() -> None:
    text = (
        "# Machine learning engineer careers\n\n"
        "A forecast expects AI to create 97 million new jobs by 2025.\n"
    )
    assert _counts(text) == [("job", 97_000_000)]


def test_an_organisation_named_before_an_aside_still_owns_its_staff() -> None:
    text = "Corvid Health, founded in 2014, has 120 machine learning engineers on staff.\n"
    assert _counts(text) == []


def test_a_surveys_sample_size_counts_its_respondents() -> None:
    text = (
        "Sample size: 2,150\n\n"
        "The annual developer survey (n = 6,120) ran in May.\n\n"
        "Of those asked (n = 850 engineers), most work remotely.\n"
    )
    assert _counts(text) == [("respondent", 2150), ("respondent", 6120), ("engineer", 850)]
    surveyed = "The report draws on a survey of 640 enterprise IT decision-makers."
    assert _counts(surveyed) == [("enterprise it decision maker", 640)]


def test_an_earlier_count_after_a_hedge_is_restated() -> None:
    """The hedges before a restated count are one list (quantity_words.toml `hedges`): 'up from
    more than 9,800' reads the earlier count as 'up from about 9,800' does."""
    text = "Open roles for data engineers reached 12,400 in 2025, up from more than 9,800 in 2024."
    doc = build_document(source_id="h", text=text, media_type="text/plain")
    found = sorted((c.value, c.year) for c in extract_claims(doc)[0] if c.unit == "count")
    assert found == [(9800.0, 2024), (12400.0, 2025)]


def test_a_count_up_from_an_earlier_one_and_generic_words_of_a_sample() -> None:
    text = (
        "The number of open data engineer roles is up from 5,200 a year earlier to 6,900.\n\n"
        "The poll drew 2,040 valid respondents.\n"
    )
    doc = build_document(source_id="u", text=text, media_type="text/plain")
    found = sorted((c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "count")
    assert found == [("data engineer", 5200.0), ("data engineer", 6900.0), ("respondent", 2040.0)]


def test_fact_lines_with_a_date_or_a_hedge_and_a_workforce() -> None:
    """'Employment (2023): 202,900' is the page role's employment (the date says when, not
    what); 'Openings per year: about 20,800' keeps its label past the hedge; a role's
    workforce is counted of the role."""
    text = (
        "# Data engineer outlook\n\n**Employment (2024):** 98,400\n\n"
        "Openings per year: about 11,300\n\n"
        "The data engineer workforce in Brazil stands at 31,000.\n"
    )
    doc = build_document(source_id="f", text=text, media_type="text/markdown")
    found = sorted(
        (c.kind, c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "count"
    )
    assert found == [
        ("count", "data engineer", 31000.0),
        ("count", "data engineer", 98400.0),
        ("job_demand", "data engineer", 11300.0),
    ]


def test_a_place_before_the_counted_noun_is_a_qualifier() -> None:
    text = "The poll of 620 U.K. data engineers ran in June.\n"
    doc = build_document(source_id="p", text=text, media_type="text/plain")
    [claim] = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert (claim.subject, claim.value, claim.qualifiers.get("country")) == (
        "data engineer",
        620.0,
        "United Kingdom",
    )


def test_a_counted_phrase_starts_after_a_colon() -> None:
    text = "Leeds has a few of them: advertised data engineer roles there went from 140 to 190.\n"
    doc = build_document(source_id="c", text=text, media_type="text/plain")
    found = sorted((c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "count")
    assert found == [("data engineer", 140.0), ("data engineer", 190.0)]


def test_a_count_after_a_change_clause_is_of_the_sentences_role() -> None:
    """'..., and job postings reached 4,250': the counted phrase starts after the comma (it
    was 'year over year and job posting')."""
    text = (
        "# Data engineer jobs\n\nHiring of data engineers rose 21% year over year, and job "
        "postings reached 3,150 in May 2025.\n"
    )
    doc = build_document(source_id="y", text=text, media_type="text/markdown")
    [claim] = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert (claim.kind, claim.subject, claim.value) == ("job_demand", "data engineer", 3150.0)


def _page_claims(page: str, media_type: str = "text/markdown") -> list[tuple[str, str, float]]:
    claims, failures = extract_claims(
        build_document(source_id="p", text=page, media_type=media_type)
    )
    assert failures == []
    return [(c.kind, c.subject, c.value) for c in claims if c.kind in ("count", "job_demand")]


def test_a_quoted_fact_line_counts_and_takes_no_forecast_from_the_line_above() -> None:
    page = (
        "# The best-paid tech jobs\n\n## 6. Web developer\n> Annual median wage: $92,750\n"
        "> Projected job growth, 2024-2034: 7%\n> Total employment: 215,400\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    (claim,) = [c for c in counts.extract(doc) if c.value == 215400.0]
    assert (claim.kind, claim.subject) == ("count", "web developer")
    assert "forecast" not in claim.qualifiers


def test_counts_in_brackets_after_job_titles_are_their_open_jobs() -> None:
    found = _page_claims(
        "# Tech hiring in May\n\nSoftware developers (41,300), cybersecurity analysts (12,650) "
        "and IT support specialists (11,900) had the most new postings.\n"
    )
    assert found == [
        ("job_demand", "software developer", 41300.0),
        ("job_demand", "cybersecurity analyst", 12650.0),
        ("job_demand", "it support specialist", 11900.0),
    ]


def test_a_sources_method_after_according_to_makes_no_sample_but_our_reading_does() -> None:
    found = _page_claims(
        "# Tech hiring report\n\nEmployers posted 198,400 new tech job listings in May, "
        "according to the institute's analysis of job board data.\n\n"
        "We read 2.4 million job postings published during 2024.\n\n"
        "Postings for AI roles reached 31,200 in June.\n"
    )
    assert found == [
        ("job_demand", "tech job listing", 198400.0),
        ("count", "job posting", 2400000.0),
        ("job_demand", "artificial intelligence role", 31200.0),
    ]


def test_jobs_of_a_field_written_with_related_are_the_fields() -> None:
    found = _page_claims(
        "# AI jobs\n\nFrom 2023 to 2025, there were 639,000 AI-related job postings in the U.S."
        "\n\nML-related hires rose 42% year over year in June 2025.\n"
    )
    assert found == [
        ("job_demand", "machine learning hire", 42.0),
        ("job_demand", "artificial intelligence job posting", 639000.0),
    ]


def test_jobs_that_ask_for_a_skill_named_before_or_after_them_are_its_demand() -> None:
    found = _page_claims(
        "# ML stats\n\nMachine learning is a required skill for almost 45,000 jobs in the US "
        "listed on LinkedIn.\n\nThere are 230,000 jobs worldwide that list Python as a required "
        "skill.\n\nThe plan covers teams for up to 500 employees.\n"
    )
    assert found == [
        ("job_demand", "machine learning", 45000.0),
        ("job_demand", "python", 230000.0),
    ]


def test_people_counted_after_a_fields_workforce_are_the_fields() -> None:
    found = _page_claims(
        "# AI talent\n\nIndia's AI workforce stands at 416,000 professionals.\n\n"
        "The firm's workforce stands at 2,400 professionals.\n"
    )
    assert ("count", "artificial intelligence professional", 416000.0) in found
    assert ("count", "firm professional", 2400.0) not in found


def test_people_who_work_in_a_fields_roles_count_the_fields_roles() -> None:
    """'Roughly 1.9 million people work in AI roles worldwide': the people holding the field's
    roles; 'work in sales roles' names no field the pipeline knows, and stays unclaimed."""
    found = _page_claims(
        "# Workforce\n\nRoughly 1.9 million people work in AI roles worldwide.\n\n"
        "About 300 people work in sales roles at the firm.\n"
    )
    assert ("count", "artificial intelligence role", 1900000.0) in found
    assert not [claim for claim in found if claim[2] == 300.0]


def test_postings_counted_by_the_skill_they_ask_for_and_an_earlier_count_compared_with() -> None:
    doc = build_document(
        source_id="d",
        media_type="text/plain",
        text="Postings asking for generative AI skills reached 118,000 in 2025, compared with just "
        "4,100 in 2019.\n\nPostings that mention prompt engineering rose from about 1,600 in "
        "2023 to nearly 7,900 in 2025.\n",
    )
    found = [(c.kind, c.subject, c.value, c.year) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", "generative artificial intelligence", 118000, 2025),
        ("job_demand", "generative artificial intelligence", 4100, 2019),
        ("job_demand", "prompt engineering", 1600, 2023),
        ("job_demand", "prompt engineering", 7900, 2025),
    ]


def test_adverts_we_took_are_the_sample_not_demand() -> None:
    doc = build_document(
        source_id="d",
        media_type="text/plain",
        text="We took 14,200 job adverts with a published salary, posted in 2025.\n",
    )
    assert [(c.kind, c.subject, c.value) for c in counts.extract(doc)] == [
        ("count", "job advert", 14200)
    ]


def test_an_earlier_quarter_of_the_same_year_restates_the_count() -> None:
    doc = build_document(
        source_id="d",
        media_type="text/plain",
        text="Our recruiters logged 612 new ML engineer vacancies in Q3 2025, up from 540 in Q2.\n",
    )
    assert [(c.value, c.year) for c in counts.extract(doc)] == [(612, 2025), (540, 2025)]


def test_adverts_a_board_published_are_open_jobs_and_adverts_a_tracker_read_a_sample() -> None:
    doc = build_document(
        source_id="d",
        media_type="text/plain",
        text=(
            "We published 1,184 machine learning engineer adverts in 2025.\n\n"
            "Our rates tracker read 1,140 contract adverts for ML engineers in 2025.\n"
        ),
    )
    assert [(c.kind, c.value) for c in counts.extract(doc)] == [
        ("job_demand", 1184),
        ("count", 1140),
    ]


def test_listings_of_a_fields_occupations_and_a_city_list_that_leaves_its_noun_out() -> None:
    text = (
        "Employers carried 312,000 active job listings for tech occupations in May. "
        "Washington, D.C. had 18,400 active tech listings, Chicago 16,900 and Denver 9,050."
    )
    found = [
        (c.value, c.subject, c.qualifiers.get("city"))
        for c in counts.extract(build_document(source_id="c", text=text, media_type="text/plain"))
    ]
    assert found == [
        (312000.0, "tech job listing", None),
        (18400.0, "tech job listing", "Washington, D.C."),
        (16900.0, "tech job listing", "Chicago"),
        (9050.0, "tech job listing", "Denver"),
    ]


def test_an_earlier_count_after_a_long_phrase_restates_it() -> None:
    text = (
        "There were about 4,120 live data engineer vacancies in Ireland at the end of March "
        "2026, up from 3,480 a year earlier."
    )
    found = {
        (c.value, c.year)
        for c in counts.extract(build_document(source_id="c", text=text, media_type="text/plain"))
    }
    assert found == {(4120.0, 2026), (3480.0, 2025)}


def test_the_ads_a_study_counted_skills_in_are_its_sample() -> None:
    text = (
        "We counted how often each skill appeared in 31,500 data engineer job ads posted in "
        "2025. Our sample: 9,200 data engineer vacancies advertised in Canada."
    )
    found = {
        (c.kind, c.value)
        for c in counts.extract(build_document(source_id="c", text=text, media_type="text/plain"))
    }
    assert found == {("count", 31500.0), ("count", 9200.0)}


def test_a_clause_after_a_city_count_is_no_next_citys_count() -> None:
    text = "Austin had 29,800 tech job listings in March, and Boston's population grew by 12,000."
    found = {
        c.value
        for c in counts.extract(build_document(source_id="c", text=text, media_type="text/plain"))
    }
    assert found == {29800.0}


def test_a_labelled_count_with_when_it_was_counted_or_its_change_after_it() -> None:
    doc = build_document(
        source_id="t",
        text="# ML Engineer Salary Guide UK 2026\n\n## Q1 market snapshot\n\n"
        "- Permanent ML engineer vacancies: **4,860** in the quarter.\n"
        "- Contract ML vacancies: **1,140**, which is 22% fewer than a year earlier.\n",
        media_type="text/markdown",
    )
    counts = sorted(c.value for c in extract_claims(doc)[0] if c.unit == "count")
    assert counts == [1_140, 4_860]


def test_a_labelled_count_with_a_remark_set_off_by_a_dash() -> None:
    doc = build_document(
        source_id="t",
        text="# The Best-Paid AI Jobs\n\n## Machine learning engineer\n\n**Median base:** "
        "$184,000 · **Open roles (Dec 2025):** 21,700 — the most of any role on this list\n",
        media_type="text/markdown",
    )
    openings = [(c.value, c.subject, c.year) for c in counts.extract(doc)]
    assert openings == [(21_700, "machine learning engineer", 2025)]


def test_a_count_a_survey_s_medians_need_is_a_threshold() -> None:
    doc = build_document(
        source_id="t",
        text="# Practitioner Census 2025\n\nMedians are shown only where at least 100 ML "
        "engineers in the region answered the question.\n",
        media_type="text/markdown",
    )
    assert counts.extract(doc) == []
    assert [s.reason for s in counts.skipped(doc)] == ["threshold"]


def test_a_headline_table_written_figure_first_reads_like_its_label_first_form() -> None:
    page = (
        "# Data engineer pay report 2025\n\n## Headline numbers\n\n| | |\n|---|---|\n"
        "| **£71,200** | median base salary, permanent data engineers, UK-wide |\n"
        "| **+4.4%** | change in that median against 2024 |\n"
        "| **388** | data engineering placements behind these figures |\n"
    )
    doc = build_document(source_id="h", text=page, media_type="text/markdown")
    claims, failures = extract_claims(doc)
    assert failures == []
    read = {(c.kind, c.value) for c in claims if c.value is not None}
    assert {("salary", 71_200.0), ("count", 388.0)} <= read
    pay = next(c for c in claims if c.value == 71_200.0)
    # the quote is the whole row, from the figure to the end of its label
    assert doc.text[pay.char_start : pay.char_end] == (
        "**£71,200** | median base salary, permanent data engineers, UK-wide"
    )
    assert pay.qualifiers.get("statistic") == "median"


def test_a_postings_own_team_size_is_no_count_but_its_survey_is() -> None:
    text = (
        "The team is growing from 9 to 16 engineers this year. "
        "The team surveyed 2,400 data engineers in May."
    )
    doc = build_document(source_id="c", text=text, media_type="text/plain")
    assert [(c.subject, c.value) for c in counts.extract(doc)] == [("data engineer", 2400)]


def test_ads_are_job_ads_in_prose_and_as_a_table_column() -> None:
    found = _page_claims(
        "# ML hiring monitor, Q3 2025\n\n"
        "- **18,420** machine learning engineer ads posted in the US in Q3 2025\n\n"
        "## Where the ads are\n\n| Metro | Ads |\n|---|---|\n| Boston | 980 |\n| Austin | 720 |\n"
    )
    assert found == [
        ("job_demand", "machine learning engineer", 18420.0),
        ("job_demand", "machine learning engineer", 980.0),
        ("job_demand", "machine learning engineer", 720.0),
    ]


def test_a_count_of_what_was_left_out_is_a_threshold() -> None:
    doc = build_document(
        source_id="t",
        text="# ML hiring monitor\n\nRoles with fewer than 200 ads were left out.\n",
        media_type="text/markdown",
    )
    assert counts.extract(doc) == []
    assert [s.reason for s in counts.skipped(doc)] == ["threshold"]


@pytest.mark.parametrize("noun", ["postings", "ads"])
def test_a_ranked_items_count_read_by_two_extractors_is_claimed_once(noun: str) -> None:
    found = _page_claims(
        "# ML engineer job ads\n\nThe metros with the most ML engineer ads, ranked by number "
        f"of postings:\n\n1. San Francisco (3,120 {noun})\n2. New York (2,240)\n"
    )
    assert found == [
        ("job_demand", "machine learning engineer", 3120.0),
        ("job_demand", "machine learning engineer", 2240.0),
    ]


def test_a_count_that_moved_or_is_compared_with_an_earlier_quarter_is_stated_again() -> None:
    found = _page_claims(
        "# ML engineer job market\n\n"
        "Live ML engineer vacancies on our board peaked at 1,430 in October 2025, then eased to "
        "roughly 1,150 by mid-December.\n\n"
        "We counted 18,240 ML engineer postings, compared with 15,910 in the same quarter of "
        "2024.\n"
    )
    assert [value for _, _, value in found] == [1430.0, 1150.0, 18240.0, 15910.0]


def test_a_count_foreseen_for_a_later_year_is_stated_again_as_a_forecast() -> None:
    """'... employed some 8,300 data engineers in 2024 and will need 14,500 by 2029': the
    second figure is the same count, foreseen for 2029."""
    doc = build_document(
        source_id="p",
        text=(
            "# Data talent in the Nordics\n\nThe study finds the region employed some 8,300 data "
            "engineers in 2024 and will need 14,500 by 2029.\n"
        ),
        media_type="text/markdown",
    )
    counts = [c for c in extract_claims(doc)[0] if c.kind == "count"]
    read = [(c.subject, c.value, c.year, c.qualifiers.get("forecast")) for c in counts]
    assert read == [("data engineer", 8300.0, 2024, None), ("data engineer", 14500.0, 2029, True)]


def test_a_labelled_count_takes_a_bold_hedged_figure_and_its_date_and_change_after_it() -> None:
    found = _page_claims(
        "# ML engineer pay in Australia\n\n"
        "- Advertised ML engineer roles nationally: roughly **1,240** at the end of March 2026, "
        "down 8% on a year earlier.\n"
    )
    assert ("job_demand", "machine learning engineer", 1240.0) in found


def test_a_count_whose_thousands_a_dot_groups_is_read_whole_and_a_version_is_not() -> None:
    doc = build_document(
        source_id="t",
        text="# ML engineer jobs in the Netherlands\n\n"
        "In the second quarter of 2025 we counted 2.140 open vacancies for ML engineers.\n\n"
        "Sources: our salary survey (2.870 responses, March–May 2026).\n\n"
        "Version 2.140 of the library was released.\n",
        media_type="text/markdown",
    )
    assert [(c.kind, c.value) for c in counts.extract(doc)] == [
        ("job_demand", 2140.0),
        ("count", 2870.0),
    ]


def test_a_newsletters_issue_number_under_its_masthead_is_no_count() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "BALTIC DATA JOBS LETTER\nData engineers | Issue 2026/7\n"
            "Liepa Research SIA, Riga | 3 March 2026\nData period: January-February 2026\n"
            "==========================================\n\n"
            "SUMMARY\nEmployers advertised 1,240 data engineer vacancies.\n"
        ),
        media_type="text/plain",
    )
    assert [c.value for c in counts.extract(doc)] == [1240.0]


def test_a_card_count_with_its_earlier_level_in_brackets_gives_both() -> None:
    found = _page_claims(
        "Machine Learning Engineer salaries in Canada\n\nAverage base salary\n$121,400 per year\n\n"
        "Job ads live right now\n2,960 (down from 3,310 in November)\n\n"
        "Share of ads offering remote or hybrid work\n47%\n"
    )
    assert [value for kind, _, value in found if kind == "job_demand"] == [2960.0, 3310.0]


def test_a_whole_number_written_with_decimals_fails_no_sentence() -> None:
    found = _page_claims(
        "# ML jobs\n\nWe counted 1,000.00 open vacancies and 2,140 ML engineer job ads.\n"
    )
    assert ("job_demand", "machine learning engineer", 2140.0) in found


def test_a_count_labelled_after_other_figures_on_its_row_counts_only_what_its_label_names() -> None:
    doc = build_document(
        source_id="c",
        text=(
            "<html><body><h1>ML engineer salaries in India</h1><h2>Compare cities</h2>"
            "<div class='row'><span>Chennai</span><span>₹11.2 LPA</span>"
            "<span>Open roles: 1,020</span></div></body></html>"
        ),
        media_type="text/html",
    )
    found = [(c.kind, c.subject, c.value, c.qualifiers.get("city")) for c in counts.extract(doc)]
    assert found == [("job_demand", "machine learning engineer", 1020.0, "Chennai")]


def _counted(text: str) -> list[Claim]:
    """The counts extractor's claims of a plain text."""
    return counts.extract(build_document(source_id="t", text=text, media_type="text/plain"))


def test_a_labelled_count_between_bars_is_a_field_of_its_own() -> None:
    """'Median base: $139,000 | Open roles: 18,900 | 3-year growth: 22%': each field between
    the bars is read as a line of its own, so the count of open roles is found."""
    found = _counted(
        "#4 Data Engineer\n    Median base: $139,000 | Open roles: 18,900 | Growth: 22%\n"
    )
    assert [(c.kind, c.subject, c.value) for c in found] == [("job_demand", "data engineer", 18900)]


def test_a_capitalized_word_of_a_name_is_no_reporting_verb() -> None:
    found = _counted(
        "AI jobs report.\n\nThe Gulf States AI services sector employed 40,000 people."
    )
    assert [c.subject for c in found] == ["gulf states artificial intelligence services sector"]


@pytest.mark.parametrize("said", ["The firm estimates that ", "The same report says "])
def test_a_sector_s_workforce_said_by_someone_is_the_sector_s(said: str) -> None:
    found = _counted(
        f"Robotics market report.\n\n{said}the robotics sector employed "
        "1.2 million people worldwide in\n2025."
    )
    assert [(c.subject, c.value) for c in found] == [("robotics sector", 1.2e6)]


def test_companies_that_posted_roles_are_a_count_of_companies_not_openings() -> None:
    found = _counted(
        "ML engineer jobs in Canada.\n\nMore than 820 companies posted at least one ML engineer "
        "role in 2025, and employers posted 6,150 ML engineer job ads."
    )
    assert [(c.kind, c.subject, c.value) for c in found] == [
        ("count", "company", 820),
        ("job_demand", "machine learning engineer", 6150),
    ]


def test_hiring_that_kept_pace_is_no_sample() -> None:
    found = _counted(
        "Data engineer pay in India.\n\nHiring has kept pace: job boards listed about 9,300 "
        "open data engineer roles in March 2026."
    )
    assert [(c.kind, c.value) for c in found] == [("job_demand", 9300)]


def test_people_who_completed_the_survey_are_its_sample() -> None:
    found = _counted(
        "Data engineering survey 2026.\n\nIn total, 1,940 people completed it; most of them "
        "work in Europe."
    )
    assert [(c.subject, c.value) for c in found] == [("person", 1940)]


def test_the_sample_a_benchmark_is_built_from_is_counted_once() -> None:
    """'built from 3,900 advertised vacancies' is the sample a study drew on (a count, not job
    demand); 'Share of the 3,900 vacancies that ...' refers back to it and is not listed again.
    A count named with 'the' that the page never stated before still counts."""
    page = (
        "Our figures are built from 3,900 advertised vacancies and 870 verified offers.\n\n"
        "We coded 12,050 job ads for data engineers by hand.\n\n"
        "Share of the 3,900 vacancies that name each skill:\n\n- Python: 81%\n\n"
        "Of the 2,400 open roles listed in June, most were in London.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.kind, c.value) for c in claims) == [
        ("count", 870),
        ("count", 3900),
        ("count", 12050),
        ("job_demand", 2400),
    ]


def test_ads_citing_a_role_are_demand_and_the_archive_figures_come_from_is_a_sample() -> None:
    page = (
        "Over the last quarter, 1,930 contract jobs citing machine learning engineer were "
        "advertised in Ireland.\n\n"
        "All figures are calculated from 2.4 million Irish job adverts held in our archive.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.kind, c.value) for c in claims) == [
        ("count", 2_400_000),
        ("job_demand", 1930),
    ]
    # A job-ads tracker's table: its rows count the ads that cite the role, and its sample.
    table = (
        "# Data Engineer\n\n"
        "| Permanent vacancies | Last 6 months | A year earlier |\n|---|---|---|\n"
        "| Permanent jobs citing Data Engineer | 3,410 | 2,980 |\n"
        "| Number of salaries quoted | 2,106 | 1,877 |\n"
        "| Median salary | £68,000 | £65,500 |\n"
    )
    doc = build_document(source_id="m", text=table, media_type="text/markdown")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.kind, c.value) for c in claims if c.value > 2500) == [
        ("job_demand", 2980),
        ("job_demand", 3410),
    ]


def test_a_jobs_column_counts_open_jobs_under_a_lead_in_about_vacancies() -> None:
    page = (
        "# Data engineer demand\n\n## By city\n\n"
        "Open vacancies by city, last quarter:\n\n"
        "| City | Jobs | Median salary |\n|---|---|---|\n"
        "| Leeds | 342 | £61,000 |\n| Glasgow | 215 | £58,500 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = {(c.kind, c.value) for c in extract_claims(doc)[0] if c.unit == "count"}
    assert found == {("job_demand", 342), ("job_demand", 215)}
    # The same column under a lead-in about people in work counts jobs held, not openings.
    held = page.replace("Open vacancies by city", "Employment by city")
    doc = build_document(source_id="u", text=held, media_type="text/markdown")
    assert {c.kind for c in extract_claims(doc)[0] if c.unit == "count"} <= {"count"}


def test_a_postings_labelled_meta_line_and_open_roles_said_with_a_copula() -> None:
    """'Posted: 3 days ago | Openings: 3 | Applicants: 148' is the posting's own activity, not a
    fact; 'about 2,900 roles were open across Canada' is job demand."""
    page = (
        "Senior ML Engineer\n\nPosted: 3 days ago | Openings: 3 | Applicants: 148\n\n"
        "Across Canada about 2,900 roles were open for machine learning engineers in May 2025.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert [(c.kind, c.value) for c in claims] == [("job_demand", 2900)]


def test_jobs_in_the_items_of_a_hiring_heading_are_openings() -> None:
    """'Top hiring locations' over 'Leeds – 140 jobs': the jobs on offer there (job demand);
    jobs a forecast says automation displaces are no openings, whatever the page's title."""
    page = (
        "# ML engineer hiring in the UK\n\nAutomation could displace 3 million jobs by 2030.\n\n"
        "## Top hiring locations\n\n- Leeds – 140 jobs\n- Bristol – 95 jobs\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = sorted((c.kind, c.value) for c in extract_claims(doc)[0] if c.unit == "count")
    assert found == [("count", 3_000_000), ("job_demand", 95), ("job_demand", 140)]


def test_list_items_after_the_first_count_the_same_things_in_their_own_place() -> None:
    """'Leeds — 1,240 open roles' / 'Bristol — 860' / 'Cardiff — 410': the later items name
    their count only in the first; a list of bare numbers with no counted noun says nothing."""
    page = (
        "# ML engineer jobs in the UK\n\nTop cities for ML engineer openings:\n\n"
        "1. Leeds — 1,240 open roles\n2. Bristol — 860\n3. Cardiff — 410\n\n"
        "Office floors:\n\n- Leeds — 4\n- Bristol — 2\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = [
        (c.kind, c.qualifiers.get("city"), c.value)
        for c in extract_claims(doc)[0]
        if c.unit == "count"
    ]
    assert found == [
        ("job_demand", "Leeds", 1240),
        ("job_demand", "Bristol", 860),
        ("job_demand", "Cardiff", 410),
    ]


def test_review_jobs_lost_under_a_hiring_heading_and_classified_ads_stay_what_they_were() -> None:
    """Only a verbless 'Leeds – 140 jobs' item under a hiring heading is openings; jobs a
    forecast says are displaced stay counts; 'classified ads' a site carried are openings."""
    page = (
        "# ML engineer jobs\n\n## How AI changes hiring\n\n"
        "- Automation could displace 85,000 jobs by 2030.\n\n"
        "The board carried 1,200 classified ads for machine learning engineers in May.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = sorted((c.kind, c.value) for c in extract_claims(doc)[0] if c.unit == "count")
    assert found == [("count", 85000), ("job_demand", 1200)]


def test_the_postings_a_reports_data_covers_are_its_sample() -> None:
    """'This edition covers 18,300 postings' says what a report's data spans: a count of the
    postings it drew on, not demand; 'Employers listed 2,100 open roles' is demand."""
    page = (
        "This edition covers 18,300 postings published between April and June 2025.\n\n"
        "In June alone, employers listed 2,100 open ML engineer roles.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.kind, c.value) for c in claims) == [("count", 18300), ("job_demand", 2100)]


def test_a_count_stated_earlier_in_a_named_month_keeps_its_year() -> None:
    """'..., up from 455,000 in June 2024': the count at an earlier time, dated by the month
    and year after it, as '... in 2024' and '... a year earlier' are."""
    page = "Some 610,000 people held ML engineer titles in May 2026, up from 470,000 in May 2024."
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.value, c.year) for c in claims) == [(470000, 2024), (610000, 2026)]


def test_postings_of_two_fields_joined_by_and_are_counted() -> None:
    page = "Key numbers\n\n* 2.4 million AI and ML job postings worldwide in 2025\n"
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    (claim,) = [c for c in extract_claims(doc)[0] if c.value]
    assert (claim.kind, claim.value) == ("job_demand", 2_400_000)
    assert claim.subject == "artificial intelligence and machine learning job posting"


def test_jobs_in_a_field_are_read_after_a_dotted_capital_i() -> None:
    # 'İ' lowers to two characters: a page lowered with str.lower put the counted noun's end
    # past its place and the field was lost ('open role' instead of the field's role)
    text = "İİİİİİİİ report. Employers posted 48,000 open roles in artificial intelligence in 2024."
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    found = [c for c in extract_claims(doc)[0] if c.kind == "job_demand"]
    assert [(c.value, c.subject) for c in found] == [(48000.0, "artificial intelligence role")]


def test_a_bracketed_count_is_the_title_before_its_bracket_and_one_in_every_n_is_no_count() -> None:
    text = (
        "AI skills were listed most often in openings for software developers (over 18,400 "
        "positions), followed by data analysts (more than 9,700 positions). Only one in every "
        "400 job postings explicitly mentions AI literacy."
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    found = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert [(c.value, c.subject) for c in found] == [
        (18400.0, "software developer"),
        (9700.0, "data analyst"),
    ]


def test_a_number_in_a_duty_item_sizes_the_work_and_counts_nothing() -> None:
    page = (
        "# Staff ML Engineer\n\n## What you'll do\n\n- Mentor 3-5 engineers\n"
        "- Review 20 design documents a quarter\n\n## The market\n\nThere were 26,500 open "
        "positions for machine learning engineers in the United States in February.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert [c.value for c in extract_claims(doc)[0] if c.unit == "count"] == [26500.0]
    skips = {doc.text[s.char_start : s.char_end]: s.reason for s in counts.skipped(doc)}
    assert skips == {"3-5": "not_field"}


def test_a_projected_change_of_a_count_states_its_start_and_its_forecast_level() -> None:
    """'is projected to rise from 181,200 in 2024 to 232,700 in 2034' and 'will grow from ... to
    ...' read nothing: both counts, the level it starts from no forecast, the one it reaches
    one."""
    for sentence in (
        "Employment of data engineers is projected to rise from 181,200 in 2024 to 232,700 in "
        "2034.",
        "The number of data engineers will grow from 181,200 to 232,700 over the decade.",
    ):
        doc = build_document(source_id="t", text=sentence, media_type="text/plain")
        found = [c for c in extract_claims(doc)[0] if c.unit == "count"]
        assert [(c.subject, c.value, c.qualifiers.get("forecast")) for c in found] == [
            ("data engineer", 181200.0, None),
            ("data engineer", 232700.0, True),
        ]


def test_an_estimate_that_puts_the_openings_at_a_figure_counts_them() -> None:
    """'Indeed put U.S. data engineer openings at 8,420': the count after 'at' is the
    openings' (no verb after the noun says so, so it was read as nothing)."""
    page = (
        "# Data engineer hiring cools\n\n"
        "Indeed put U.S. data engineer openings at 8,420 in October.\n\n"
        "Estimates peg the number of MLOps engineer openings at roughly 2,100.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    claims = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert sorted((c.subject, c.value) for c in claims) == [
        ("data engineer", 8420.0),
        ("machine learning operations engineer", 2100.0),
    ]


def test_bracketed_counts_after_the_open_jobs_they_count_are_each_titles() -> None:
    """'... had the most openings, ahead of data scientists (7,860) and AI engineers (5,310)':
    the noun of open jobs before the brackets counts them too (only one after them did)."""
    sentence = (
        "Among AI titles, ML engineers (9,420) still had the most openings, ahead of data "
        "scientists (7,860), AI engineers (5,310) and MLOps engineers (1,240)."
    )
    doc = build_document(source_id="t", text=sentence, media_type="text/plain")
    found = [c for c in extract_claims(doc)[0] if c.unit == "count"]
    assert [(c.kind, c.subject, c.value) for c in found] == [
        ("job_demand", "machine learning engineer", 9420.0),
        ("job_demand", "data scientist", 7860.0),
        ("job_demand", "artificial intelligence engineer", 5310.0),
        ("job_demand", "machine learning operations engineer", 1240.0),
    ]


def test_german_stellen_are_open_jobs_of_the_role_named_after_them() -> None:
    text = (
        "Im September 2025 waren bundesweit 3.960 Stellen für Machine Learning Engineers "
        "ausgeschrieben."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = [(c.kind, c.subject, c.value, c.year) for c in counts.extract(doc)]
    assert found == [("job_demand", "machine learning engineer", 3960.0, 2025)]


def test_spanish_and_portuguese_vacancies_are_open_jobs_of_the_role_named_after_them() -> None:
    text = (
        "En octubre de 2025 había 2,140 vacantes activas para ingenieros de machine learning. "
        "Há 1.980 vagas abertas para engenheiros de machine learning."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    found = [(c.kind, c.subject, c.value) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", "machine learning engineer", 2140.0),
        ("job_demand", "machine learning engineer", 1980.0),
    ]


def test_a_levels_sample_a_ratings_responses_and_a_links_listings_are_no_counts() -> None:
    page = (
        "# Data engineer salary\n\nBased on 2,904 salary profiles.\n\nA mid-career data "
        "engineer with 5-9 years of experience earns an average total pay of $121,400 based on "
        "611 salaries.\n\nRated 4.3 out of 5 (based on 275 responses).\n\nListings rose 9% on "
        "the year. See 418 jobs\n"
    )
    counted = [(subject, value) for kind, subject, value in _page_claims(page) if kind == "count"]
    assert counted == [("salary profile", 2904.0)]


def test_a_second_economy_verb_after_while_counts_the_same_jobs() -> None:
    page = (
        "# Outlook\n\nAutomation may create 12 million jobs by 2032 while displacing 9 million.\n"
    )
    counted = [(s, v) for kind, s, v in _page_claims(page) if kind == "count"]
    assert counted == [("job", 12_000_000.0), ("job", 9_000_000.0)]


def test_counts_set_against_a_disciplines_for_other_roles_are_theirs() -> None:
    page = (
        "# Roles compared\n\nData science is still the biggest market, with about 44,000 open "
        "US postings in March 2025 against 21,300 for ML engineers and 9,600 for AI engineers.\n"
    )
    found = [(s, v) for kind, s, v in _page_claims(page) if kind == "job_demand"]
    assert found == [
        ("data scientist", 44000.0),
        ("machine learning engineer", 21300.0),
        ("artificial intelligence engineer", 9600.0),
    ]


def test_those_who_answered_one_question_and_a_reporting_bar_are_no_counts() -> None:
    page = (
        "# Survey results\n\nThe 2,210 people who answered our spring survey were asked about "
        "pay. Pay questions were optional and were answered by 1,406 people. Based on 980 "
        "profiles that reported gender. We only report a city's median where at least 40 "
        "engineers answered.\n"
    )
    counted = [v for kind, _, v in _page_claims(page) if kind == "count"]
    assert counted == [2210.0]


def test_a_ratings_raters_and_a_mid_line_browse_button_are_no_counts() -> None:
    page = (
        "# Data engineer jobs\n\nRated 4.6 by 410 candidates.\n\nPost a job in 60 seconds "
        "Browse 2,311 jobs\n\nEmployers posted 1,980 data engineer jobs in May.\n"
    )
    found = [v for _, _, v in _page_claims(page)]
    assert found == [1980.0]


def test_an_occupations_number_employed_and_the_people_holding_its_title() -> None:
    page = (
        "# Data engineer\n\nNumber employed (US): about 52,000 (2024)\n\nAn estimated 410,000 "
        "people worldwide held the job title in 2025.\n"
    )
    found = [(kind, s, v) for kind, s, v in _page_claims(page)]
    assert found == [("count", "data engineer", 52000.0), ("count", "data engineer", 410000.0)]
    page = "# Data engineer\n\nIn 2024, about 38,900 people worked in this occupation in Canada.\n"
    assert [(kind, s, v) for kind, s, v in _page_claims(page)] == [
        ("count", "data engineer", 38900.0)
    ]


def test_an_exhibits_number_is_no_count() -> None:
    page = (
        "<h1>Talent report</h1><figure><figcaption><span>Exhibit 2</span> Roles executives find "
        "hardest to fill, 2025</figcaption></figure><p>We surveyed 1,210 executives.</p>"
    )
    found = [(kind, v) for kind, _, v in _page_claims(page, "text/html")]
    assert found == [("count", 1210.0)]


def test_a_place_where_more_than_a_number_work_is_still_a_count() -> None:
    page = "# Data engineers\n\nIn Pune, where more than 12,000 data engineers work, pay rose.\n"
    assert [v for kind, _, v in _page_claims(page) if kind == "count"] == [12000.0]


def test_a_market_surveys_buyers_are_counted() -> None:
    page = "# Market release\n\nIn a survey of 480 enterprise buyers, most planned to spend more.\n"
    assert [(s, v) for kind, s, v in _page_claims(page) if kind == "count"] == [
        ("enterprise buyer", 480.0)
    ]


def test_a_job_boards_offers_are_open_jobs_only_when_listed() -> None:
    found = _readings(
        "ML Hiring, Q3\n\nKrakow listed 1,130 ML offers, Gdansk 480 and Poznan 350. "
        "Candidates received 3 job offers on average. The site logged 4,120 offers submitted."
    )
    assert {v: found[v][0] for v in (1130, 480, 350, 3, 4120)} == {
        1130: "job_demand",
        480: "job_demand",
        350: "job_demand",
        3: "count",
        4120: "count",
    }


def test_a_survey_that_covered_people_states_its_sample_a_report_that_covers_countries_not() -> (
    None
):
    found = _counts(
        "The institute's survey covered 1,420 data engineers in nine provinces. The report "
        "covers 41 countries."
    )
    assert found == [("data engineer", 1420.0)]


def test_a_credentials_survey_counts_its_holders_and_their_shares_divide_them() -> None:
    doc = build_document(
        source_id="c",
        text=(
            "# Certified Data Engineer\n\nOur 2025 survey of 2,910 certificate holders in 33 "
            "countries:\n\n61% of holders said the credential helped them get promoted.\n"
        ),
        media_type="text/markdown",
    )
    claims = extract_claims(doc)[0]
    assert [(c.kind, c.subject, c.value) for c in claims if c.value is not None] == [
        ("share", "certificate holder", 61.0),
        ("count", "certificate holder", 2910.0),
    ]


def test_a_links_call_to_action_counts_nothing() -> None:
    page = (
        "# Orrery ML engineer salaries\n\n[View 188 more data points →](#) · [Add yours](#)\n\n"
        "Orrery E5 ≈ Tidewell L5 · [Compare 4 companies side by side](#)\n"
    )
    assert _page_claims(page) == []


def test_one_questions_base_and_the_responses_left_out_are_no_sample() -> None:
    found = _counts(
        "The survey drew 2,640 responses. Percentage basis: 2,310 responses to this question. "
        "After cleaning, 330 responses were removed as incomplete."
    )
    assert found == [("response", 2640.0)]


def test_the_respondents_who_gave_an_answer_are_a_part_of_the_sample_not_a_count() -> None:
    text = (
        "AI survey 2025\n\nThe survey drew responses from 1,528 participants. Of those "
        "respondents, 912 said their organizations had hired AI talent in the past year."
    )
    assert [value for _, value in _counts(text)] == [1528]


def test_a_threshold_of_ads_a_list_applied_is_no_count() -> None:
    """'... then removed roles with fewer than 500 ads a year': what a role fell short of to be
    left out, no count of ads; 'the leader, with over 13,500 job openings' still counts them."""
    found = _page_claims(
        "# Jobs on the rise\n\nWe ranked roles by how fast hiring grew, then removed roles "
        "with fewer than 500 ads a year.\n\nData engineering is the leader, with over 13,500 job "
        "openings.\n"
    )
    assert not [claim for claim in found if claim[2] == 500.0]
    assert [claim for claim in found if claim[2] == 13500.0]


def test_a_count_across_a_region_is_that_region_s() -> None:
    found = _counted(
        "Hiring notes\n\nRecruiters listed 52,000 machine learning engineer openings across "
        "Latin America in 2025, and 9,400 in Brazil alone.\n"
    )
    places = {c.value: (c.qualifiers.get("region"), c.qualifiers.get("country")) for c in found}
    assert places[52000] == ("Latin America", None)
    assert places[9400] == (None, "Brazil")


def test_a_stat_list_item_with_its_figure_first_and_a_dash_counts_what_follows() -> None:
    found = _counted(
        "Hiring in numbers\n\n"
        "- 38K — data engineer job postings in Germany in 2025\n"
        "- 2.1 lakh — AI job openings in India in 2025\n"
    )
    assert {(c.value, c.qualifiers.get("country")) for c in found} == {
        (38000.0, "Germany"),
        (210000.0, "India"),
    }


def test_a_count_s_noun_far_before_its_verb_past_a_possessive_is_read() -> None:
    found = _counted(
        "Hiring stats 2026\n\nPostings for data engineers on Spain's largest job board rose "
        "from 820 in Q1 2025 to 1,310 in Q1 2026.\n"
    )
    assert {(c.kind, c.subject, c.value) for c in found} == {
        ("job_demand", "data engineer", 820.0),
        ("job_demand", "data engineer", 1310.0),
    }


def test_degrees_awarded_in_a_field_are_counted() -> None:
    found = _counts("Canadian universities awarded 9,400 master's degrees in data science in 2025.")
    assert found == [("master's degree", 9400.0)]


def test_ads_a_figure_was_worked_out_from_are_a_sample_not_open_jobs() -> None:
    page = (
        "# Data engineer ads in Ireland\n\n"
        "The median day rate in contract ads was €610 (n = 233 ads).\n"
    )
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    found = [(c.kind, c.value) for c in extract_claims(doc)[0] if c.unit == "count"]
    assert found == [("count", 233.0)]


def test_a_citys_part_of_a_countrys_ads_is_its_count_of_ads() -> None:
    page = (
        "# Data hiring\n\nMunich alone accounted for 2,150 of Germany's data engineer ads in "
        "2026.\n"
    )
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    found = [
        (c.kind, c.subject, c.value, c.qualifiers.get("city"))
        for c in extract_claims(doc)[0]
        if c.unit == "count"
    ]
    assert found == [("job_demand", "data engineer", 2150.0, "Munich")]


def test_a_possessive_modifier_stays_in_what_is_counted() -> None:
    found = _counts("Poland produced 6,300 master's graduates in data science in 2025.")
    assert found == [("master's graduate", 6300.0)]


def test_a_count_of_people_in_demand_is_job_demand() -> None:
    page = "# Data hiring\n\nDemand for data engineers is projected to reach 60,000 by 2028.\n"
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    found = [(c.kind, c.subject, c.value) for c in extract_claims(doc)[0] if c.unit == "count"]
    assert found == [("job_demand", "data engineer", 60000.0)]


def test_an_estimate_of_a_workforce_at_a_figure_counts_it() -> None:
    """'... estimates the national workforce of data engineers at 64,000 in 2025, up from
    51,000 in 2022': the workforce then and before."""
    doc = build_document(
        source_id="w",
        text=(
            "The ministry estimates the national workforce of data engineers at 64,000 in "
            "2025, up from 51,000 in 2022.\n"
        ),
        media_type="text/plain",
    )
    found = [(c.kind, c.subject, c.value, c.year) for c in counts.extract(doc)]
    assert found == [
        ("count", "data engineer", 64000.0, 2025),
        ("count", "data engineer", 51000.0, 2022),
    ]


def test_a_count_that_doubled_since_a_year_from_one_level_to_another_states_both() -> None:
    doc = build_document(
        source_id="d",
        text=(
            "Monthly job ads for data engineers in Ireland have doubled since 2022, from about "
            "640 in 2022 to 1,280 now.\n"
        ),
        media_type="text/plain",
    )
    found = [(c.kind, c.value, c.year) for c in counts.extract(doc)]
    assert found[0] == ("job_demand", 640.0, 2022)
    assert [value for _, value, _ in found] == [640.0, 1280.0]


def test_counts_in_brackets_after_cities_are_their_open_jobs() -> None:
    """'Lyon had the most data engineer vacancies (860), ahead of Lille (540) and Nantes
    (410)': each city's vacancies."""
    doc = build_document(
        source_id="b",
        text=(
            "Lyon had the most data engineer vacancies (860), ahead of Lille (540) and "
            "Nantes (410).\n"
        ),
        media_type="text/plain",
    )
    found = [(c.kind, c.subject, c.value, c.qualifiers.get("city")) for c in counts.extract(doc)]
    assert found == [
        ("job_demand", "data engineer", 860.0, "Lyon"),
        ("job_demand", "data engineer", 540.0, "Lille"),
        ("job_demand", "data engineer", 410.0, "Nantes"),
    ]


def test_a_reports_pages_are_no_count() -> None:
    """'Free sample: 24 pages' sizes a report for sale, not a survey's sample."""
    doc = build_document(
        source_id="r",
        text="Single-user licence: USD 4,200 | Free sample: 24 pages\n",
        media_type="text/plain",
    )
    assert [c.value for c in counts.extract(doc)] == []


def test_a_fact_tables_bare_number_beside_rows_that_write_percent_is_a_count() -> None:
    """'Employed persons | 5'400' over 'Share of women | 23%' and 'Part-time | 11%': the rows
    that are shares write their '%', so the bare number counts the people employed."""
    page = (
        "<html><body><h1>Data engineers</h1><section><h2>Employment (Q1 2026)</h2><table>"
        "<tr><th>Employed persons</th><td>5'400</td></tr>"
        "<tr><th>Share of women</th><td>23%</td></tr><tr><th>Part-time</th><td>11%</td></tr>"
        "</table></section></body></html>"
    )
    doc = build_document(source_id="f", text=page, media_type="text/html")
    assert [(c.kind, c.value) for c in counts.extract(doc)] == [("count", 5400.0)]


def test_a_back_links_bracketed_count_is_no_open_jobs() -> None:
    """'← All open roles (58)' over a posting counts a board's listings, no city's jobs."""
    page = (
        "<html><body><main><a href='/jobs' class='back'>← All open roles (58)</a>"
        "<h1>Senior Machine Learning Engineer, Fraud</h1><ul><li>Zurich, Switzerland · Hybrid"
        "</li></ul></main></body></html>"
    )
    doc = build_document(source_id="b", text=page, media_type="text/html")
    assert counts.extract(doc) == []


def test_demand_for_a_number_of_professionals_counts_them_a_bonus_for_staff_does_not() -> None:
    """'industry bodies expect demand for 8 lakh data professionals by 2028' counts the people
    needed (8,00,000); 'for 500 employees' only sizes whom a thing is for."""
    page = (
        "# India data talent\n\nIndustry bodies expect demand for 8 lakh data professionals by "
        "2028.\n\nThe bonus pool is for 500 employees.\n"
    )
    claims, _ = extract_claims(build_document(source_id="c", text=page, media_type="text/markdown"))
    assert [(c.kind, c.value) for c in claims if c.value is not None] == [("count", 800000.0)]


def test_a_posting_s_back_link_and_its_header_openings_are_no_facts() -> None:
    """'← Back to results (23 jobs)' leads back to a list of postings, and 'Openings: 3' in the
    posting's header line of labelled fields is the posting's own: neither is a count of the
    field; 'There were 14,000 open ML engineer positions' is."""
    page = (
        "← Back to results (23 jobs)\n\nMachine Learning Engineer - NLP\n\n"
        "Experience: 2 - 5 years  |  CTC: ₹18 - 28 LPA  |  Openings: 3\n\n"
        "There were 14,000 open ML engineer positions in India in 2025.\n"
    )
    claims, _ = extract_claims(build_document(source_id="c", text=page, media_type="text/plain"))
    counted = [c.value for c in claims if c.kind in ("count", "job_demand")]
    assert counted == [14000.0]


def test_a_survey_of_executives_by_title_counts_them() -> None:
    """'In a companion survey of 380 CIOs, ...': the survey's sample, a count of CIOs."""
    page = (
        "# Data platform market\n\nIn a companion survey of 380 CIOs, the firm found that most "
        "run their models in the cloud.\n"
    )
    claims, _ = extract_claims(build_document(source_id="c", text=page, media_type="text/markdown"))
    assert [(c.kind, c.value) for c in claims if c.value is not None] == [("count", 380.0)]


def test_a_labelled_count_with_its_window_wrapped_over_two_lines_is_read() -> None:
    """'Vacancies for data engineers on Ghanaian job sites in the past 30' / 'days: 212.' in
    plain text: the label, its window's number no figure of it, gives the count."""
    page = (
        "DATA ENGINEER SALARY IN GHANA\n\n"
        "Vacancies for data engineers on Ghanaian job sites in the past 30\ndays: 212.\n"
    )
    claims, _ = extract_claims(build_document(source_id="s", text=page, media_type="text/plain"))
    found = [(c.kind, c.subject, c.value) for c in claims if c.value is not None]
    assert found == [("job_demand", "data engineer", 212.0)]


def test_job_seekers_an_outlook_sets_against_its_openings_are_counted() -> None:
    """'..., while 8,400 new job seekers are expected to be available to fill them': the supply
    a labour-market outlook projects beside the openings, a count of job seekers."""
    page = (
        "# Data engineer outlook in Canada\n\nOver the 2025-2034 period, 9,100 new job "
        "openings are projected for data engineers, while 8,400 new job seekers are expected "
        "to be available to fill them.\n"
    )
    claims, _ = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))
    found = {(c.kind, c.subject, c.value) for c in claims if c.value is not None}
    assert ("count", "job seeker", 8400.0) in found
    assert ("job_demand", "data engineer", 9100.0) in found


def test_a_pay_survey_s_entries_named_by_their_pay_alone_are_salary_reports() -> None:
    """'Salaries submitted: 214' and 'based on 1,146 salaries' count what '3,184 salary
    reports' counts: one subject, 'salary report', for all three; '611 salary submissions'
    keep their own name."""
    page = (
        "# Data engineer salary in Austria\n\nSalaries submitted: 214\n\n"
        "The median rests on 1,146 salaries shared by employees.\n\n"
        "Based on 3,184 salary reports from employees.\n\n"
        "The bands are based on 611 salary submissions.\n"
    )
    claims, _ = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "count"] == [
        ("salary report", 214.0),
        ("salary report", 1146.0),
        ("salary report", 3184.0),
        ("salary submission", 611.0),
    ]


def test_a_round_up_s_numbered_statistics_are_no_count() -> None:
    """'Statistics 14–20 cover data roles and are in the full report': the round-up's own item
    numbers, no count of anything."""
    page = (
        "# 20 AI hiring statistics for 2026\n\n"
        "*Statistics 14–20 cover data roles and are in the full report.*\n"
    )
    claims, _ = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))
    assert [c for c in claims if c.kind == "count"] == []
    lines = "# Data engineer survey 2026\n\n- Respondents 2,150\n- Data points 12,400\n"
    claims, _ = extract_claims(
        build_document(source_id="s", text=lines, media_type="text/markdown")
    )
    assert sorted(c.value for c in claims if c.kind == "count") == [2150.0, 12400.0]


def test_a_writer_s_own_sample_of_pay_entries_is_counted() -> None:
    """'I pooled 22,400 salary reports from our community survey' and 'drawing on 1,036 salary
    records from our placements' state the sample a pay page drew on, first person or not;
    'When I searched a job portal, it showed 11,500 openings' is still one search's result."""
    page = (
        "# Data engineer pay, 2026\n\nI pooled 18,300 salary reports from our community survey, "
        "collected between January and March.\n\nThe guide's median is $131,000, drawing on 940 "
        "salary records from our placements and from public job ads.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    claims, _ = extract_claims(doc)
    assert {(c.subject, c.value) for c in claims if c.kind == "count"} == {
        ("salary report", 18300.0),
        ("salary record", 940.0),
    }

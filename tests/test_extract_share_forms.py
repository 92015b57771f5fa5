"""Share forms of real survey write-ups and press releases: changes between two levels, shares in
words with a singular verb, labelled sentences in a row, chart captions and parenthetical series,
'compared with X% for Y', 'used by X%', 'people working as <role>'."""

from __future__ import annotations

from support.documents import document, numeric_claims

from mlefacts.extract import extract_claims
from mlefacts.extract.claim import Claim

SURVEY = "# How machine learning engineers work\n\n"
MARKET = (
    "# Edge AI hardware market report\n\n"
    "The global edge AI hardware market was valued at USD 9.8 billion in 2024.\n\n"
)


def _shares(text: str, media_type: str = "text/markdown") -> list[Claim]:
    claims, failures = extract_claims(document(text, media_type))
    assert failures == []
    return sorted((c for c in claims if c.kind == "share"), key=lambda c: c.char_start)


def _read(claims: list[Claim]) -> list[tuple[float | None, str, str | None]]:
    return [(c.value, c.subject, c.qualifiers.get("category")) for c in claims]


def test_both_levels_of_a_change_of_a_part_of_people_are_shares() -> None:
    claims = _shares(
        SURVEY
        + "Hybrid schedules among ML engineers have risen from 22.4% to 43.9% since 2021.\n\n"
        "Respondents who work in the office every day dropped from 36% in 2021 to 12.5%.\n"
    )
    assert [(c.value, c.subject, c.qualifiers["dimension"], c.year) for c in claims] == [
        (22.4, "machine learning engineer", "work arrangement", 2021),
        (43.9, "machine learning engineer", "work arrangement", None),
        (36, "machine learning engineer", "work arrangement", 2021),
        (12.5, "machine learning engineer", "work arrangement", None),
    ]
    assert claims[0].qualifiers["category"] == "hybrid"
    assert claims[2].qualifiers["population"] == "respondent"


def test_a_change_of_pay_or_of_a_market_is_no_share() -> None:
    claims = _shares(
        SURVEY + "Pay for remote ML engineers rose from 5% to 7%.\n\n"
        "The hybrid cloud market grew from 12% to 15%.\n"
    )
    assert claims == []


def test_a_share_in_words_takes_a_singular_verb() -> None:
    claims = _shares(
        SURVEY + "One in four engineers holds a PhD. Most of them studied physics.\n\n"
        "We asked 900 ML engineers about their degrees; one in four holds a master's degree.\n"
    )
    assert [(c.value, c.subject) for c in claims] == [
        (25, "machine learning engineer"),
        (25, "machine learning engineer"),
    ]
    assert {c.qualifiers["dimension"] for c in claims} == {"education level"}


def test_compared_with_a_figure_for_another_tool_is_that_tools_share() -> None:
    claims = _shares(
        SURVEY + "Eighty percent of respondents use PyTorch, compared with 38% for TensorFlow.\n\n"
        "Women make up 22% of ML engineers, compared with 18% in 2021.\n"
    )
    assert [(c.value, c.subject, c.year) for c in claims] == [
        (80, "pytorch", None),
        (38, "tensorflow", None),
        (22, "machine learning engineer", None),
        (18, "machine learning engineer", 2021),
    ]


def test_used_by_after_the_tool_the_sentence_opens_with() -> None:
    claims = _shares(
        SURVEY + "Python remains the default language for the job, used by 91% of respondents.\n"
    )
    assert _read(claims) == [(91, "python", "respondent")]


def test_people_working_as_a_role_are_that_roles_people() -> None:
    claims = _shares(
        SURVEY + "Women make up less than 20% of people working as data scientists.\n\n"
        "Men account for 70% of professionals employed as machine learning engineers.\n"
    )
    assert [(c.value, c.subject) for c in claims] == [
        (20, "data scientist"),
        (70, "machine learning engineer"),
    ]


def test_labelled_sentences_in_a_row_share_the_first_ones_whole() -> None:
    claims = _shares(
        MARKET + "North America: 39.5% of revenue in 2024. Europe: 25.2%. Asia Pacific: 27.8%. "
        "Rest of the world: 7.5%.\n"
    )
    assert _read(claims) == [
        (39.5, "edge artificial intelligence hardware market", "North America"),
        (25.2, "edge artificial intelligence hardware market", "Europe"),
        (27.8, "edge artificial intelligence hardware market", "Asia-Pacific"),
        (7.5, "edge artificial intelligence hardware market", "Rest of the world"),
    ]
    assert {c.year for c in claims} == {2024}


def test_labelled_sentences_after_a_growth_rate_are_no_shares() -> None:
    claims = _shares(MARKET + "Growth by region: North America: 12% a year. Europe: 15%.\n")
    assert claims == []


def test_a_parenthetical_series_after_a_lead_that_names_a_share() -> None:
    claims = _shares(
        MARKET + "Revenue share by device type, 2024 (smartphones 41%, cameras 23%, robots 17%, "
        "other devices 19%).\n\n"
        "Chart 2: Share of respondents by main language (Python 74%, R 9%, Java 8%, other 9%)\n"
    )
    market = "edge artificial intelligence hardware market"
    assert _read(claims) == [
        (41, market, "smartphones"),
        (23, market, "cameras"),
        (17, market, "robots"),
        (19, market, "other devices"),
        (74, "python", "respondent"),
        (9, "r", "respondent"),
        (8, "java", "respondent"),
        (9, "respondent", "other"),
    ]


def test_a_series_without_a_lead_is_a_breakdown_only_when_it_makes_a_whole() -> None:
    page = (
        "<h1>AI engineers in Canada</h1><h2>Highest degree held</h2>"
        "<figure><figcaption>Master's degree 44%, Bachelor's degree 35%, PhD 17%, Other 4%"
        "</figcaption></figure>"
        "<h2>Most requested</h2><p>Python 78%, SQL 50%, Docker 40%</p>"
    )
    claims = _shares(page, "text/html")
    assert _read(claims) == [
        (44, "artificial intelligence engineer", "Master's degree"),
        (35, "artificial intelligence engineer", "Bachelor's degree"),
        (17, "artificial intelligence engineer", "PhD"),
        (4, "artificial intelligence engineer", "Other"),
    ]


def test_a_labelled_item_of_a_people_breakdown_is_claimed_once() -> None:
    claims = _shares(
        SURVEY + "We surveyed 800 machine learning engineers.\n\n## Highest qualification\n\n"
        "- Master's degree: 49%\n- Bachelor's degree: 33%\n- PhD: 15%\n"
    )
    assert _read(claims) == [
        (49, "machine learning engineer", "Master's degree"),
        (33, "machine learning engineer", "Bachelor's degree"),
        (15, "machine learning engineer", "PhD"),
    ]


def test_a_part_beside_a_share_divides_the_whole_named_before() -> None:
    claims = _shares(
        "# AI engineer hiring report\n\nAbout 12% of AI engineer job ads were for senior "
        "positions, while entry-level roles accounted for just 9%.\n"
    )
    assert [(c.value, c.subject, c.qualifiers.get("experience_level")) for c in claims] == [
        (12, "artificial intelligence engineer", "senior"),
        (9, "artificial intelligence engineer", "entry"),
    ]
    assert claims[1].qualifiers["category"] == "entry-level roles"


def test_people_named_after_a_share_in_words_before_the_tool_they_use() -> None:
    claims = _shares("# ML engineer survey\n\n- 2 in 3 engineers use PyTorch\n")
    assert _read(claims) == [(66.7, "pytorch", "machine learning engineer")]


def test_a_bare_percentage_before_a_singular_verb_is_no_share_of_people() -> None:
    # the singular verbs belong to people counted in words ('One in four engineers holds')
    assert _shares(SURVEY + "Of the budget, the remaining 20% goes to infrastructure.\n\n") == []
    assert _read(_shares(SURVEY + "Of those asked, 20% go to the office daily.\n\n")) != []


def test_percent_written_as_a_word_reads_as_the_sign_does() -> None:
    # Newsrooms write 'percent' or 'per cent': band rows, series and stat tiles read alike.
    sign = (
        SURVEY + "## Employer size\n\n- 1–99 employees: 26%\n- 100–4,999 employees: 45%\n"
        "- 5,000+ employees: 29%\n\nBy work model: hybrid 47%, fully remote 31%, on-site 22%.\n"
    )
    for word in ("percent", "per cent"):
        written = sign.replace("%", f" {word}")
        assert _read(_shares(written)) == _read(_shares(sign))
        assert len(_shares(written)) == 6
    tile = (
        "<h1>Machine learning engineer jobs in the UK</h1><section class='tiles'>"
        "<h2>+27 percent</h2><p>growth in ML engineer postings year over year</p></section>"
    )
    claims, _ = extract_claims(document(tile, "text/html"))
    assert [(c.kind, c.value) for c in claims if c.value is not None] == [("job_demand", 27.0)]


def test_a_parts_share_of_a_market_that_changes_gives_both_levels_with_their_years() -> None:
    claims = _shares(
        MARKET + "Hardware's share of the edge AI hardware market is set to rise from 31% in 2024 "
        "to 38% by 2030.\n\n"
        "The share of services in the edge AI hardware market fell from 27% in 2022 to 21% "
        "in 2024.\n"
    )
    assert [(c.value, c.subject, c.qualifiers.get("category"), c.year) for c in claims] == [
        (31, "edge artificial intelligence hardware market", "Hardware", 2024),
        (38, "edge artificial intelligence hardware market", "Hardware", 2030),
        (27, "edge artificial intelligence hardware market", "services", 2022),
        (21, "edge artificial intelligence hardware market", "services", 2024),
    ]
    # None of them is the market's growth rate.
    claims, _ = extract_claims(
        document(
            MARKET + "The share of services in the edge AI hardware "
            "market fell from 27% in 2022 to 21% in 2024.\n",
            "text/markdown",
        )
    )
    assert not [c for c in claims if c.kind == "growth_rate"]


def test_a_surveys_answer_naming_one_tool_is_that_tools_share_of_the_people_asked() -> None:
    claims = _shares(
        SURVEY + "Asked which cloud they deploy on, 58% of respondents named AWS, "
        "24% picked Azure and 12% selected GCP.\n"
    )
    assert [(c.value, c.subject, c.qualifiers.get("dimension")) for c in claims] == [
        (58, "aws", "skill"),
        (24, "azure", "skill"),
        (12, "gcp", "skill"),
    ]


def test_bands_with_numbers_in_an_inline_series_are_its_parts() -> None:
    claims = _shares(
        SURVEY + "We asked 1,450 machine learning engineers about their work.\n\n"
        "By experience: 0–2 years 19%, 3–5 years 27%, 6–10 years 31%, and 10+ years 23%.\n\n"
        "By company size: under 50 employees 22%, 50-999 employees 41%, 1,000+ staff 37%.\n"
    )
    assert _read(claims) == [
        (19, "machine learning engineer", "0–2 years"),
        (27, "machine learning engineer", "3–5 years"),
        (31, "machine learning engineer", "6–10 years"),
        (23, "machine learning engineer", "10+ years"),
        (22, "machine learning engineer", "under 50 employees"),
        (41, "machine learning engineer", "50-999 employees"),
        (37, "machine learning engineer", "1,000+ staff"),
    ]


def test_a_survey_page_s_title_breakdown_divides_its_respondents_and_a_legend_needs_no_commas() -> (
    None
):
    claims = _shares(
        "# Practitioner Census 2025\n\nThis year 4,870 respondents answered our survey. Those "
        "in government and traditional industry are under-represented.\n\n## Job title\n\n"
        "Which title best describes your role? (single answer, all respondents)\n\n"
        "- Machine learning engineer 31%\n- Data scientist 27%\n- Other 42%\n\n"
        "## Where ML engineers work\n\nHybrid 54% Fully remote 29% On-site 17%\n"
    )
    assert _read(claims) == [
        (31, "respondent", "Machine learning engineer"),
        (27, "respondent", "Data scientist"),
        (42, "respondent", "Other"),
        (54, "machine learning engineer", "Hybrid"),
        (29, "machine learning engineer", "Fully remote"),
        (17, "machine learning engineer", "On-site"),
    ]


def test_a_survey_s_about_box_with_its_figures_first() -> None:
    claims = _shares(
        "MLOps Tooling Pulse: Q4 2025 Results\n\nABOUT THE SURVEY\nSample size: 1,126\n"
        "Where they work: 58% North America, 29% Europe, 13% rest of world\n",
        "text/plain",
    )
    assert _read(claims) == [
        (58, "respondent", "North America"),
        (29, "respondent", "Europe"),
        (13, "respondent", "rest of world"),
    ]


def test_a_part_of_people_s_working_time_is_a_share_of_them() -> None:
    claims = _shares(
        SURVEY + "ML engineers spend 29% of their working time on data preparation.\n\n"
        "Respondents spent 12% of the week doing code review.\n"
    )
    assert _read(claims) == [
        (29, "machine learning engineer", "data preparation"),
        (12, "respondent", "code review"),
    ]


def test_people_named_by_the_title_they_hold_are_that_role() -> None:
    claims = _shares(
        SURVEY + "62% of respondents with the ML engineer title said they spend most of their "
        "week on production code, against 19% of those with the data scientist title.\n"
    )
    assert [(c.value, c.subject) for c in claims] == [
        (62, "machine learning engineer"),
        (19, "data scientist"),
    ]


def test_a_text_table_under_a_lead_in_naming_whom_it_divides() -> None:
    doc = document(
        "MLOps Tooling Survey: Q4 2025 Results\n\n5. WHO OWNS DEPLOYMENT?\n\n"
        "Share of companies with a dedicated ML platform team, by company size:\n"
        "  1-200 employees ........ 14%\n  201-2,000 employees .... 39%\n"
        "  2,001+ employees ....... 71%\n",
        "text/plain",
    )
    claims, _ = extract_claims(doc)
    assert [(c.value, c.subject) for c in claims if c.kind == "share"] == [
        (14, "company"),
        (39, "company"),
        (71, "company"),
    ]


def test_a_leader_table_whose_first_figure_says_what_it_counts_shares_every_row() -> None:
    doc = document(
        "Skills most requested in data engineer postings\n\n"
        "Rust ............. 71% of postings\nKafka ............ 44%\nScala ............ 18%\n"
    )
    shares = {c.subject: c.value for c in numeric_claims(doc) if c.kind == "share"}
    assert shares == {"rust": 71.0, "kafka": 44.0, "scala": 18.0}


def test_a_survey_s_job_title_table_divides_those_its_scope_line_counts() -> None:
    doc = document(
        "The 2026 Data Platform Survey: Results\n\n"
        "Total responses: n = 2,207 practitioners in 40 countries.\n\n"
        "INTRODUCTION\n\nEach year we have asked people who run data platforms what they use.\n\n"
        "Job title\n"
        "  Data engineer ............ 41%\n  Analytics engineer ....... 27%\n"
        "  Machine learning engineer  19%\n  Other .................... 13%\n"
    )
    shares = {c.value: c.subject for c in numeric_claims(doc) if c.kind == "share"}
    # not each row's own role, nor the vague 'people' of the nearer paragraph
    assert shares == {
        41.0: "practitioner",
        27.0: "practitioner",
        19.0: "practitioner",
        13.0: "practitioner",
    }


def test_parts_that_took_or_bought_a_share_and_a_clause_that_goes_on_from_the_one_before() -> None:
    doc = document(
        "# Robot vision market outlook\n\nThe robot vision market was worth $9.2 billion in 2025."
        " By component, cameras accounted for 52% of revenue in 2025, while software took 31%. "
        "Asia Pacific bought 44% of all systems sold in 2025.\n"
    )
    shares = {
        c.value: (c.subject, c.year, c.qualifiers.get("category"), c.qualifiers.get("dimension"))
        for c in numeric_claims(doc)
        if c.kind == "share"
    }
    assert shares[31.0] == ("robot vision market", 2025, "software", "component")
    assert shares[44.0][:3] == ("robot vision market", 2025, "Asia-Pacific")


def test_a_breakdown_heading_with_its_scope_after_it_divides_the_survey_s_people() -> None:
    doc = document(
        SURVEY + "We surveyed 2,400 ML engineers.\n\n"
        "## Years of experience in ML engineering\n\n"
        "- 0–2 years: 31%\n- 3–5 years: 44%\n- More than 5 years: 25%\n",
        "text/markdown",
    )
    shares = {
        c.value: (c.qualifiers.get("category"), c.qualifiers.get("dimension"))
        for c in numeric_claims(doc)
        if c.kind == "share"
    }
    assert shares == {
        31.0: ("0–2 years", "years of experience"),
        44.0: ("3–5 years", "years of experience"),
        25.0: ("More than 5 years", "years of experience"),
    }


def test_a_part_followed_closely_by_another_at_its_share() -> None:
    doc = document(
        "# Vector search market report\n\nThe vector search market was worth USD 2.2 billion in "
        "2025. By end use, the media segment held 18.9% of the market in 2025, followed closely "
        "by BFSI at 17.4%.\n"
    )
    shares = {
        c.value: c.qualifiers.get("category") for c in numeric_claims(doc) if c.kind == "share"
    }
    assert shares == {18.9: "media", 17.4: "BFSI"}


def test_a_market_s_segment_that_names_a_practice_is_its_segment_not_a_tool_s_users() -> None:
    doc = document(
        "# MLaaS market snapshot\n\nThe machine learning as a service market was USD 62.1 "
        "billion in 2025.\n\nPredictive analytics accounted for a 29.5% share in 2025, followed "
        "by natural language processing workloads at 22.8%.\n"
    )
    shares = {c.value: c.subject for c in numeric_claims(doc) if c.kind == "share"}
    assert shares == {
        29.5: "machine learning as a service market",
        22.8: "machine learning as a service market",
    }


def test_the_largest_share_of_a_market_in_a_year_at_a_figure_then_the_parts_that_follow() -> None:
    page = (
        "# Feature Store Market Report\n\nThe feature store market was worth USD 1 billion.\n\n"
        "Europe held the largest share of the feature store market in 2024 at 41.5%, followed by"
        " North America at 30.5% and Asia Pacific at 18%.\n"
    )
    found = _market_shares(page)
    assert found == [
        ("Europe", 41.5, 2024),
        ("North America", 30.5, 2024),
        ("Asia-Pacific", 18.0, 2024),
    ]


def test_parts_set_against_a_share_in_lower_case_are_parts_of_the_same_market() -> None:
    """'against 17.2% for on-premises installations and 11.3% for hybrid ones': each a part
    of the market the first share divides, 'hybrid' no work arrangement of people here."""
    page = (
        "# Feature Store Market Report\n\nThe feature store market was worth USD 1 billion.\n\n"
        "Cloud deployment held 70.5% of the market in 2024, against 18.2% for on-premises"
        " installations and 11.3% for hybrid ones.\n"
    )
    found = _market_shares(page)
    assert found == [
        ("Cloud deployment", 70.5, 2024),
        ("on-premises installations", 18.2, 2024),
        ("hybrid ones", 11.3, 2024),
    ]


def _market_shares(page: str) -> list[tuple[str, float | None, int | None]]:
    return [
        (c.qualifiers.get("category"), c.value, c.year)
        for c in _shares(page)
        if c.subject == "feature store market"
    ]


def test_a_share_set_in_bold_reads_as_one_without_emphasis() -> None:
    page = (
        "# Feature Store Market Report\n\nThe feature store market was worth USD 1 billion.\n\n"
        "## Key findings\n\n"
        "- Online serving was the largest application at **47.5%**\n"
        "- Large enterprises accounted for __61.2%__ of spending\n"
    )
    assert _market_shares(page) == [
        ("Online serving", 47.5, None),
        ("Large enterprises", 61.2, None),
    ]


def test_a_category_read_from_a_bold_statistic_keeps_no_emphasis_or_bracket() -> None:
    claims = _shares(SURVEY + "**7. Nearly half (47%) plan to hire more ML engineers in 2026.**\n")
    assert [c.qualifiers.get("category") for c in claims] == [
        "plan to hire more ML engineers in 2026"
    ]


def test_of_them_in_a_statistic_refers_to_the_postings_of_the_one_before() -> None:
    page = (
        "# ML engineer statistics 2026\n\n"
        "**11. Python appeared in 81% of US ML engineer postings in 2025.**\n"
        "*Source: a job-ads tracker*\n\n"
        "**12. AWS was named in 47% of them, and Kubernetes in 34%.**\n"
    )
    assert [(c.subject, c.value) for c in _shares(page)] == [
        ("python", 81.0),
        ("aws", 47.0),
        ("kubernetes", 34.0),
    ]


def test_a_part_that_led_with_its_share_in_brackets_and_those_ahead_of_which_it_came() -> None:
    page = (
        "# Feature Store Market Report\n\nThe feature store market was worth USD 1 billion.\n\n"
        "Online serving (41.5%) led, ahead of offline training (30.5%) and streaming (12%).\n"
    )
    assert _market_shares(page) == [
        ("Online serving", 41.5, None),
        ("offline training", 30.5, None),
        ("streaming", 12.0, None),
    ]


def test_a_share_noun_dated_then_its_figure_after_a_comma() -> None:
    """'held the largest revenue share in 2024, at 38.6%': the share noun's year and a comma
    stand between it and its figure."""
    doc = document(
        "Speech Analytics Market Report\n\nNorth America held the largest revenue share in "
        "2024, at 41.3%. Europe held the second-largest share of revenue in 2024, 27.5% by our "
        "estimate."
    )
    shares = {c.value: c.qualifiers.get("category") for c in numeric_claims(doc)}
    assert shares == {41.3: "North America", 27.5: "Europe"}


def test_a_share_that_mentions_one_skill_under_a_heading_naming_the_postings() -> None:
    """'84% mention Python' under '## What data engineer job ads asked for in 2025' is
    Python's share of those ads, in prose and in a stat tile alike."""
    prose = document(
        "Data engineering in numbers\n\n## What data engineer job ads asked for in 2025\n\n"
        "81% mention SQL. 47% mention Airflow."
    )
    tiles = document(
        "<html><body><h1>Data engineering in numbers</h1>"
        "<h2>What data engineer job ads asked for in 2025</h2>"
        "<div><div>81%</div><div>mention SQL</div></div>"
        "<div><div>47%</div><div>mention Airflow</div></div></body></html>",
        "text/html",
    )
    for doc in (prose, tiles):
        shares = [(c.subject, c.value, c.qualifiers.get("dimension")) for c in numeric_claims(doc)]
        assert shares == [("sql", 81.0, "skill"), ("airflow", 47.0, "skill")]
        claims, _ = extract_claims(doc)
        assert {c.qualifiers["canonical"] for c in claims if c.kind == "skill"} == {
            "SQL",
            "Airflow",
        }


def test_a_share_by_a_breakdown_and_a_share_that_moved_to_its_level() -> None:
    doc = document(
        "Speech Analytics Market Report\n\nThe speech analytics market was worth USD 5.1 "
        "billion in 2025. Software held the largest share by component, at 61.2% in 2025. "
        "Europe's share slipped to 27.4% in 2025 from 29.0% in 2023."
    )
    shares = {
        c.value: (c.qualifiers.get("category"), c.year)
        for c in numeric_claims(doc)
        if c.kind == "share"
    }
    assert shares == {61.2: ("Software", 2025), 27.4: ("Europe", 2025), 29.0: ("Europe", 2023)}


def test_shares_naming_a_skill_after_the_postings_their_sentence_names() -> None:
    """'I read 900 job ads: 52% mentioned Docker, 31% mentioned Terraform': each share is of
    the postings the sentence named before it, and names one skill."""
    text = (
        "Q: What should I learn?\n\n"
        "A: I read 900 job ads last week: 52% mentioned Docker, 31% mentioned Terraform.\n"
    )
    found = [(c.subject, c.value) for c in extract_claims(document(text))[0] if c.kind == "share"]
    assert found == [("docker", 52), ("terraform", 31)]


def test_two_skills_and_two_shares_joined_pair_in_order() -> None:
    """'Azure and GCP followed at 21% and 18%' after a skill's share of the ads: Azure 21%,
    GCP 18%, in the order written, as 'respectively' would say."""
    text = (
        "# Cloud skills in ML job ads\n\n"
        "AWS led, in 40% of ads; Azure and GCP followed at 24% and 15%. "
        "SQL, Java and Go came next at 50%, 20% and 9%.\n"
    )
    found = [(c.subject, c.value) for c in extract_claims(document(text))[0] if c.kind == "share"]
    assert found == [
        ("aws", 40),
        ("azure", 24),
        ("gcp", 15),
        ("sql", 50),
        ("java", 20),
        ("go", 9),
    ]


def test_a_stats_list_goes_on_from_item_to_item_and_than_starts_the_next_item() -> None:
    """In a list of statistics, an item that gives skills' shares with no whole of its own
    ('PyTorch (47%) was named more often than TensorFlow (28%)') takes the postings of the item
    before it; 'than' starts the next skill's item as 'and' does."""
    text = (
        "# ML job ads in 2025\n\n"
        "- Python appeared in 81% of ML engineer job ads.\n"
        "- JAX (12%) was named more often than Keras (9%) for the first time.\n"
    )
    found = [(c.subject, c.value) for c in extract_claims(document(text))[0] if c.kind == "share"]
    assert found == [("python", 81), ("jax", 12), ("keras", 9)]


def test_the_remainder_in_a_stats_list_divides_the_whole_of_the_item_before() -> None:
    text = (
        "# Where ML engineers work\n\n"
        "- Hybrid arrangements were offered in 52% of ML engineer postings.\n"
        "- On-site roles accounted for the remaining 48%.\n"
    )
    found = [(c.subject, c.value) for c in extract_claims(document(text))[0] if c.kind == "share"]
    assert found == [("machine learning engineer", 52), ("machine learning engineer", 48)]


def test_answers_pointed_to_and_the_items_that_leave_out_the_verb() -> None:
    """'41% pointed to unclear ownership, 35% to slow code reviews and 24% to cloud costs':
    each a share of those asked, the item as long as its words after the preposition allow."""
    text = SURVEY + (
        "Asked what slows them down, 41% pointed to unclear ownership, 35% to slow code "
        "reviews and 24% to cloud costs.\n"
    )
    assert [(c.value, c.qualifiers.get("category")) for c in _shares(text)] == [
        (41, "pointed to unclear ownership"),
        (35, "to slow code reviews"),
        (24, "to cloud costs"),
    ]


def test_a_gloss_in_brackets_after_an_item_ends_it_as_a_comma_would() -> None:
    """'21% fully remote (télétravail)': the bracketed gloss is no word of the part, and the
    item is read like the ones beside it."""
    text = SURVEY + (
        "Of the engineers we placed this year, 58% work hybrid, 27% fully remote (télétravail) "
        "and 15% on-site.\n"
    )
    assert [(c.value, c.qualifiers.get("category")) for c in _shares(text)] == [
        (58, "hybrid"),
        (27, "fully remote"),
        (15, "on-site"),
    ]


def test_an_item_that_leaves_out_the_verb_may_open_with_an_acronym() -> None:
    text = SURVEY + (
        "Asked what they would cut first, 44% pointed to meetings, 30% to slow builds and "
        "26% to CI queues.\n"
    )
    assert [(c.value, c.qualifiers.get("category")) for c in _shares(text)] == [
        (44, "pointed to meetings"),
        (30, "to slow builds"),
        (26, "to CI queues"),
    ]

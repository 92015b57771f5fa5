"""Pages on which a rule once misfired (found by reading the rules against tiny pages): each
test states what a careful reader takes from the page, so the misfire cannot come back."""

from __future__ import annotations

from support.documents import document, numeric_claims, salary_qualifiers

from mlefacts.extract import extract_claims


def _claims(text: str, media_type: str = "text/markdown") -> list[tuple[str, str, float | None]]:
    claims, failures = extract_claims(document(text, media_type))
    assert failures == []
    return [(c.kind, c.subject, c.value) for c in claims if c.kind != "count"]


def test_of_them_counts_the_nearest_people_named_before() -> None:
    doc = document(
        "# The ML engineer stack\n\nWe read 5,200 job ads and then surveyed 300 working machine "
        "learning engineers. PyTorch is used daily by 74% of them.\n\nWe polled 300 recruiters. "
        "We then asked 1,200 data scientists the same questions, and 45% of them said they work "
        "fully remote.\n",
        "text/markdown",
    )
    shares = {c.value: c for c in extract_claims(doc)[0] if c.kind == "share"}
    # the engineers, not the job ads read before them; the data scientists, not the recruiters
    assert shares.get(74.0) is None or shares[74.0].qualifiers.get("category") != "job ad"
    assert shares[45.0].subject == "data scientist"


def test_a_change_in_mentions_is_no_share() -> None:
    found = _claims(
        "# Skills in ML engineer job ads\n\nWe read 5,200 machine learning engineer job postings."
        " Compared with 2024, Rust appeared in 40% more postings.\n"
    )
    assert [f for f in found if f[0] == "share"] == []


def test_making_it_ranks_the_sentence_s_opening_item_only() -> None:
    found = _claims(
        "# Skills in ML engineer job ads, 2025\n\nPython appeared in 88% of machine learning "
        "engineer job ads, making it the most requested language.\n"
    )
    assert [(s, v) for k, s, v in found if k == "ranking"] == [("python", 1.0)]


def test_a_card_in_capitals_stays_a_card() -> None:
    found = _claims(
        "Machine Learning Engineer Salary in Canada (2025)\n\nMEDIAN BASE SALARY\nC$128,000\n\n"
        "ENTRY LEVEL\nC$92,000\n",
        "text/plain",
    )
    assert [v for k, _, v in found if k == "salary"] == [128_000.0, 92_000.0]


def test_a_passing_remark_on_other_employers_currency_is_no_scope_line() -> None:
    doc = document(
        "# Machine learning engineer salary in Canada, 2025\n\n| Experience | Median base |\n"
        "|---|---|\n| 0-2 years | $92,000 |\n\nMany Canadians work for American firms, which set"
        " their salaries in US dollars.\n",
        "text/markdown",
    )
    claims, _ = extract_claims(doc)
    assert [c.unit for c in claims if c.kind == "salary"] == ["CAD"]


def test_a_labelled_row_of_skill_links_is_no_navigation() -> None:
    found = _claims(
        "# Machine Learning Engineer at Northwind\n\nWe are hiring an ML engineer.\n\n"
        "**Skills:** [Python](/tag/python) [PyTorch](/tag/pytorch) [SQL](/tag/sql)\n"
    )
    assert [s for k, s, _ in found if k == "skill"] == ["machine learning engineer"] * 3


def test_days_and_places_of_a_week_are_no_duties() -> None:
    found = _claims(
        "# When are ML engineer jobs posted?\n\n| Day | Share of the week's postings |\n|---|---|\n"
        "| Monday | 24% |\n| Tuesday | 76% |\n\n# Hybrid work\n\n| Location | Share of the working "
        "week |\n|---|---|\n| Home | 58% |\n| Office | 42% |\n"
    )
    assert [f for f in found if f[0] == "responsibility"] == []


def test_customers_served_and_what_engineers_asked_for_are_no_skills() -> None:
    found = _claims(
        "# Machine Learning Engineer at Acme\n\nAcme serves enterprise customers including "
        "Databricks and Snowflake.\n\n## What engineers asked for in their last move\n\n"
        "- Mentoring from senior staff\n- A clear path into leadership\n\n## Interviews\n\n"
        "Our interviews skip data structures entirely.\n"
    )
    assert [f for f in found if f[0] == "skill"] == []


def test_pay_per_vacancy_year_over_year_is_a_pay_change() -> None:
    found = _claims(
        "# UK ML engineer job market tracker\n\n**+6%**\nAverage advertised salary per vacancy, "
        "year over year\n"
    )
    assert [(k, v) for k, _, v in found] == [("growth_rate", 6.0)]


def test_benefits_bands_and_labels_that_are_no_pay_or_level() -> None:
    doc = document(
        "# How ML engineers are paid in the UK\n\nReferral bonuses at most firms are £5,000.\n\n"
        "The higher-rate band starts at £50,271.\n\n- **Median for all ML staff:** £72,000\n\n"
        "Our salary index, which now has coverage of every UK region, shows senior machine "
        "learning engineers at £96,000.\n\nFreelance machine learning engineers typically bill "
        "£85 an hour for consultation work.\n",
        "text/markdown",
    )
    claims, _ = extract_claims(doc)
    pay = [(c.value, c.qualifiers.get("experience_level")) for c in claims if c.kind == "salary"]
    assert pay == [(72_000.0, None), (96_000.0, "senior"), (85.0, None)]


def test_an_earlier_pay_growth_after_up_from_is_kept() -> None:
    found = _claims(
        "# ML engineer pay trends\n\nMedian pay for machine learning engineers grew 7.5% in 2025,"
        " up from 4% in 2024. Salaries rose 6% in 2023, down from 9% growth in 2022.\n"
    )
    assert [v for k, _, v in found if k == "growth_rate"] == [7.5, 4.0, 6.0, 9.0]


def test_a_rate_within_each_group_is_no_breakdown_of_the_people() -> None:
    found = _claims(
        "# ML engineer survey 2025\n\nWe surveyed 2,300 machine learning engineers.\n\n"
        "## Experience level\n\nFully remote, by level:\n\n- Junior: 18%\n- Mid-level: 27%\n"
        "- Senior: 41%\n"
    )
    assert not any(k == "share" and s == "machine learning engineer" for k, s, _ in found)


def test_a_definition_s_aside_is_no_year() -> None:
    found = _claims(
        "# ML engineer careers\n\nThe machine learning engineer, in 2025, is the most in-demand "
        "technical role in Canada.\n"
    )
    assert [f for f in found if f[0] == "definition"] == []


def test_a_paragraph_under_a_list_of_bare_names_is_the_page_s() -> None:
    found = _claims(
        "# ML engineer jobs\n\n## Top companies\n\n1. Northwind Analytics\n2. Bluepeak Systems\n\n"
        "Postings rose 12% in 2026.\n"
    )
    # not the last company's postings: the items before it have no paragraph of their own
    assert ("job_demand", "machine learning engineer", 12.0) in found


def test_a_column_that_only_numbers_the_rows_ranks_nothing() -> None:
    players = _claims(
        "# AI market report\n\nKey players profiled:\n\n| # | Company | Headquarters |\n"
        "|---|---|---|\n| 1 | Northwind | Seattle |\n| 2 | Bluepeak | Austin |\n"
    )
    assert [f for f in players if f[0] == "ranking"] == []
    # the same column beside a share it is sorted by ranks its rows
    skills = _claims(
        "# Skills in ML engineer job ads\n\n| # | Skill | Share of ads |\n|---|---|---|\n"
        "| 1 | Python | 71% |\n| 2 | SQL | 52% |\n"
    )
    assert [(s, v) for k, s, v in skills if k == "ranking"] == [("python", 1.0), ("sql", 2.0)]


def test_a_vertical_market_release_under_a_breadcrumb() -> None:
    found = _claims(
        "Wire Service  >  Technology  >  Artificial Intelligence\n\n"
        "AI in Insurance Market to Reach USD 40.1 Billion by 2032, Says Kestrel Insights\n\n"
        "PUNE, Feb. 3, 2026 -- Worldwide spending on AI in insurance came to USD 9.8 billion in "
        "2025. North America was the biggest regional market, with 39.1% of revenue in 2025. "
        "Europe came next at 25.7%.\n\nKestrel Insights is an independent market intelligence "
        "firm with offices in Pune and Leeds.\n",
        "text/plain",
    )
    market = "artificial intelligence in insurance market"
    assert {(k, s, v) for k, s, v in found if k in ("market_size", "share")} == {
        ("market_size", market, 40_100_000_000.0),
        ("market_size", market, 9_800_000_000.0),
        ("share", market, 39.1),
        ("share", market, 25.7),
    }


def test_a_poll_s_tools_and_the_people_it_counted() -> None:
    found = _claims(
        "# What platform teams run\n\nOf the 318 platform leads who answered our poll, 62% said "
        "their team uses MLflow for experiment tracking, 41% run Kubeflow, and 37% schedule "
        "training jobs with it. Only 23% said they monitor drift on every model.\n"
    )
    shares = {v: s for k, s, v in found if k == "share"}
    assert shares == {62.0: "mlflow", 41.0: "kubeflow", 23.0: "platform lead"}


def test_a_survey_s_regional_breakdown_divides_its_people() -> None:
    found = _claims(
        "# State of ML engineering 2025\n\nSample: 940 machine learning engineers in 28 "
        "countries.\n\nBy region: North America 41%, Europe 33%, Asia 19%, elsewhere 7%.\n"
    )
    assert [(s, v) for k, s, v in found if k == "share"] == [
        ("machine learning engineer", 41.0),
        ("machine learning engineer", 33.0),
        ("machine learning engineer", 19.0),
        ("machine learning engineer", 7.0),
    ]
    # the people a lead-in opens with; a market's page keeps its market
    people = _claims("# Our poll\n\nRespondents by region: North America 41%, Europe 33%.\n")
    assert {s for k, s, _ in people if k == "share"} == {"respondent"}
    market = _claims("# AI market report\n\nBy region: North America 41%, Europe 33%.\n")
    assert {s for k, s, _ in market if k == "share"} == {"artificial intelligence market"}


def test_a_pay_rise_written_after_its_figure() -> None:
    found = _claims(
        "# ML engineer survey 2025\n\nRespondents reported a 5.5% median pay increase, and "
        "postings rose 8%.\n"
    )
    assert ("growth_rate", "machine learning engineer", 5.5) in found


def test_a_list_s_lead_in_gives_its_one_level_and_mlaas_is_spelled_out() -> None:
    doc = document(
        "# ML engineer pay in India\n\nMedian CTC for mid-level engineers in the four metros:\n\n"
        "- Bengaluru — ₹16.2 lakh\n- Pune — ₹14.2 lakh\n\nThe MLaaS market reached USD 3.9 "
        "billion in 2025.\n",
        "text/markdown",
    )
    claims = extract_claims(doc)[0]
    assert {
        c.value: c.qualifiers.get("experience_level") for c in claims if c.kind == "salary"
    } == {
        1_620_000.0: "mid",
        1_420_000.0: "mid",
    }
    assert [c.subject for c in claims if c.kind == "market_size"] == [
        "machine learning as a service market"
    ]


def test_a_partner_job_board_s_listings_are_the_field_s_demand() -> None:
    found = _claims(
        "# ML engineer pay in Australia\n\nOur partner job board, JobsWattle, listed 2,730 "
        "machine learning engineer roles in January 2026.\n\nOver 500 companies hire from our "
        "platform, and our job board lists 1,200 roles.\n"
    )
    # the publisher's own board and clients stay its business
    assert [(k, s, v) for k, s, v in found if k == "job_demand"] == [
        ("job_demand", "machine learning engineer", 2730.0)
    ]


def test_rates_under_a_thread_asking_what_freelancers_charge() -> None:
    found = _claims(
        "## Freelance ML engineers in Germany: what are you charging?\n\nAmsterdam, nine years "
        "in. I bill €105 per hour on my current contract.\n\n## Fees\n\nOur umbrella partner "
        "charges €60 per hour for payroll.\n"
    )
    assert [v for k, _, v in found if k == "salary"] == [105.0]


def test_a_bold_lead_in_naming_who_uses_the_tools_after_it() -> None:
    found = _claims(
        "# Developer survey 2025\n\n**Cloud platforms used by ML engineers:** AWS 44.1%, "
        "Azure 28.6%, Google Cloud 21.3%.\n"
    )
    assert [(s, v) for k, s, v in found if k == "share"] == [
        ("aws", 44.1),
        ("azure", 28.6),
        ("gcp", 21.3),
    ]


def test_places_ranked_by_their_postings_give_each_its_count() -> None:
    found = _claims(
        "# Skills in ML engineer job ads\n\nThe metros with the most ML engineer ads, ranked "
        "by number of postings:\n\n1. San Francisco (3,120 ads)\n2. New York (2,240)\n"
    )
    assert [(k, s, v) for k, s, v in found if k == "job_demand"] == [
        ("job_demand", "machine learning engineer", 3120.0),
        ("job_demand", "machine learning engineer", 2240.0),
    ]


def test_places_under_a_title_that_ranks_them_by_postings_with_dot_leaders() -> None:
    found = _claims(
        "Data hiring tracker\n\nMETROS WITH THE MOST DATA ENGINEER OPENINGS, Q1 2026\n\n"
        "  1. Austin ......... 1,845\n  2. Chicago ........ 1,230\n  3. Denver ......... 960\n"
    )
    assert [(s, v) for k, s, v in found if k == "job_demand"] == [
        ("data engineer", 1845.0),
        ("data engineer", 1230.0),
        ("data engineer", 960.0),
    ]
    ranked_by = _claims(
        "Data hiring tracker\n\nTOP METROS FOR DATA ENGINEERS (ranked by Q1 2026 postings)\n\n"
        "  1. Austin ......... 1,845\n  2. Chicago ........ 1,230\n  3. Denver ......... 960\n"
    )
    assert [v for k, _, v in ranked_by if k == "job_demand"] == [1845.0, 1230.0, 960.0]


def test_a_difference_a_sentence_ends_on_and_a_guide_s_coverage() -> None:
    found = _claims(
        "# ML engineer pay in Australia\n\nDay rates for contract ML engineers in Sydney run "
        "from $900 to $1,250 per day, with Melbourne about $100 lower.\n\nDownload the full "
        "guide, covering 62 roles.\n"
    )
    assert [(k, v) for k, _, v in found] == [("salary", 900.0)]


def test_a_stat_list_item_opening_with_a_place_phrase_ranks_nothing() -> None:
    found = _claims(
        "# 10 top ML engineer statistics for 2026\n\n1. Python is the top language for ML "
        "engineers.\n2. In Bengaluru, the median ML engineer salary is ₹18 LPA.\n"
    )
    assert ("ranking", "in bengaluru", 2.0) not in found


def test_a_card_s_change_in_the_pay_its_unit_line_names() -> None:
    doc = document(
        '<html><body><h1>ML engineer pay</h1><div class="tile"><p>Change since Dec 2024</p>'
        "<p>+7.2%</p><p>median total comp</p></div></body></html>",
        "text/html",
    )
    assert [(c.kind, c.value) for c in extract_claims(doc)[0]] == [("growth_rate", 7.2)]


def test_go_under_a_lead_in_that_lists_languages() -> None:
    found = _claims(
        "# ML survey 2025\n\nMost-used programming languages, ranked by share of respondents:"
        "\n\n1. Python (96%)\n2. Go (12%)\n"
    )
    assert [(s, v) for k, s, v in found if k == "share"] == [("python", 96.0), ("go", 12.0)]


def test_items_with_their_share_in_brackets_under_a_lead_in_of_shares() -> None:
    doc = document(
        "# ML engineer survey 2025\n\nRanked by share of respondents naming each as a "
        "top-three obstacle:\n\n1. Poor data quality upstream (58%)\n2. GPU cost (39%)\n",
        "text/markdown",
    )
    shares = [c for c in extract_claims(doc)[0] if c.kind == "share"]
    assert [(c.subject, c.value, c.qualifiers.get("dimension")) for c in shares] == [
        ("respondent", 58.0, None),
        ("respondent", 39.0, None),
    ]


def test_a_forum_post_opening_with_its_writer_s_years() -> None:
    doc = document(
        "## Freelance ML engineers: what are you charging?\n\nAmsterdam, nine years of "
        "experience, mostly MLOps. I bill €105 per hour on my current contract.\n",
        "text/markdown",
    )
    assert salary_qualifiers(doc, "experience_level", "city") == {105.0: ("senior", "Amsterdam")}


def test_a_salary_on_a_page_with_a_market_is_no_market_size() -> None:
    claims = _claims(
        "# ML engineer statistics\n\nIn India, the median ML engineer salary is ₹15.9 LPA.\n\n"
        "## Market\n\nThe global machine learning market is projected to reach $309.7 billion "
        "by 2030.\n"
    )
    assert [(kind, value) for kind, _, value in claims] == [
        ("salary", 1_590_000),
        ("market_size", 309_700_000_000),
    ]


def test_a_thread_s_bare_sums_take_the_currency_and_level_of_the_post_s_place_and_years() -> None:
    # Sums in several currencies on the page: the place a post's introducing line names
    # decides a bare '172k'; 'TC ~230k' alone is pay; each post's sums keep its writer's years.
    doc = document(
        "# What are ML engineers making in 2025?\n\nLondon, 4 YOE. £88k base.\n\n"
        "Berlin, 6 YOE. €92k base, no bonus.\n\n"
        "MLE II at an insurtech in New York, 3 YOE. Base 172k, bonus ~18k. TC ~230k.\n\n"
        "Staff MLE, SF, 11 YOE. Base 265k, TC 610k.\n",
        "text/markdown",
    )
    claims = {c.value: c for c in numeric_claims(doc) if c.kind == "salary"}
    sums = (172_000, 18_000, 230_000, 265_000, 610_000)
    assert {value: claims[value].unit for value in sums} == dict.fromkeys(sums, "USD")
    assert claims[230_000].qualifiers["component"] == "total"
    assert salary_qualifiers(doc, "experience_level", "city")[230_000] == ("mid", "New York")


def test_a_survey_s_tool_list_under_a_title_of_respondents() -> None:
    # '% of respondents' in the title: the rows that are no skill divide the respondents; a
    # column of two or more tools lists tools, so 'Prefect' and 'Comet' alone are tools there.
    doc = document(
        "MLOps Tooling Survey: 2025 Results\n\n"
        "EXPERIMENT TRACKING (% of respondents; multiple answers)\n"
        "MLflow ..................... 52%\nWeights & Biases ........... 31%\n"
        "In-house / spreadsheets .... 17%\nComet ...................... 5%\n\n"
        "ORCHESTRATION (% of respondents; multiple answers)\n"
        "Airflow .................... 44%\nDagster .................... 14%\n"
        "Prefect .................... 11%\n",
        "text/plain",
    )
    claims, _ = extract_claims(doc)
    shares = {c.value: c.subject for c in claims if c.kind == "share"}
    assert shares[17.0] == "respondent" and shares[52.0] == "mlflow"
    skills = {c.text for c in claims if c.kind == "skill"}
    assert {"MLflow", "Weights & Biases", "Comet", "Airflow", "Dagster", "Prefect"} <= skills


def test_a_swiss_guide_s_key_figures_nav_bar_and_reader_question() -> None:
    # A fact row's statistic names pay on a salary page; a bar of links with a price in one is
    # chrome; a reader's yes/no question states no sum, and its bold ends with the sentence.
    doc = document(
        "**Alpentech Jobs** — Stellen · Jobs | [Jobs](https://a.example/jobs) | [Salaries]"
        "(https://a.example/pay) | [Companies](https://a.example/c) | [Post a job – from CHF 590]"
        "(https://a.example/post) | DE · FR · **EN**\n\n"
        "# Machine Learning Engineer Salary in Switzerland 2026\n\n## Key figures\n\n| | |\n"
        "|---|---|\n| National median (gross per year) | CHF 128'500 |\n"
        "| Change on 2025 | +2.8% |\n"
        "\n## FAQ\n\n**Is CHF 120'000 a good salary for an ML engineer in Zürich?** For a junior "
        "engineer, yes: juniors start at CHF 102'000.\n",
        "text/markdown",
    )
    assert salary_qualifiers(doc, "statistic", "pay_period") == {
        128_500: ("median", "annual"),
        102_000: (None, None),
    }


def test_a_report_page_s_prices_are_no_market_size_and_no_pay() -> None:
    doc = document(
        "<html><body><article><h1>Machine Learning Engineer Jobs and the ML Market</h1>"
        "<p>The global machine learning market was valued at USD 96.2 billion in 2025. ML "
        "engineers earn a median of USD 171,000.</p><h2>Report details</h2><table><tr><th>"
        "Attribute</th><th>Detail</th></tr><tr><td>Base year</td><td>2025</td></tr><tr><td>"
        "Price</td><td>GBP 3,600 (single user)</td></tr></table><h2>Choose License Type</h2>"
        '<div class="cards"><div class="card"><h3>Single User</h3><p>USD 3,950</p></div>'
        '<div class="card"><h3>Enterprise</h3><p>USD 7,250</p></div></div></article></body>'
        "</html>",
        "text/html",
    )
    claims = sorted((c.kind, c.value) for c in numeric_claims(doc))
    assert claims == [("market_size", 96_200_000_000), ("salary", 171_000)]
    release = document(
        "# Machine Learning Market Outlook 2026-2033\n\nThe global machine learning market "
        "will reach USD 310.5 billion by 2033.\n\n## Report details\n\n| Attribute | Detail |"
        "\n|---|---|\n| Title | Machine Learning Market Outlook 2026–2033 |\n| Base year | 2025 |\n"
        "| Forecast period | 2026–2033 |\n| Format | PDF report (198 pages) + data workbook |\n"
        "| Price | GBP 3,600 (single user) |\n",
        "text/markdown",
    )
    assert [c.value for c in numeric_claims(release)] == [310_500_000_000]


def test_a_round_up_s_figure_first_pay_lines() -> None:
    claims = _claims(
        "# Europe's ML hiring by the numbers\n\n"
        "**5. €71,500 in Amsterdam and €69,000 in Paris.**\n"
        "Median ML engineer salaries in the two cities, same survey.\n\n"
        "**8. 9.6%: the average pay rise for ML engineers who changed jobs in 2025.**\n"
        "Staying put earned a median raise of 3.5%, according to the same survey.\n"
    )
    assert [(kind, value) for kind, _, value in claims] == [
        ("salary", 71_500),
        ("salary", 69_000),
        ("growth_rate", 9.6),
        ("growth_rate", 3.5),
    ]


def test_a_count_restated_after_a_date_and_a_country_market() -> None:
    claims = _claims(
        "# ML engineer jobs in Canada\n\nWe counted 3,940 ML engineer postings across job boards "
        "on 2 February 2026, up from 3,310 a year earlier.\n"
    )
    assert [(kind, value) for kind, _, value in claims] == [
        ("job_demand", 3_940),
        ("job_demand", 3_310),
    ]
    market = _claims(
        "# MLOps Market Report 2026\n\nThe global MLOps market reached USD 2.71 billion in "
        "2025.\n\nGermany remains Europe's largest country market, with revenue of USD 0.17 "
        "billion in 2025.\n"
    )
    assert {subject for _, subject, _ in market} <= {
        "global machine learning operations market",
        "machine learning operations market",
    }


def test_a_writer_s_job_board_search_and_fewer_postings_than_in_a_month() -> None:
    claims = _claims(
        "# ML engineer jobs in India\n\nWhen I searched a big job portal in January 2026 it "
        "showed around 11,500 ML engineer openings in India.\n\nThere were 15% fewer "
        "entry-level ML engineer postings in January 2026 than in January 2025.\n\n"
        "I hired 5 engineers last year.\n"
    )
    assert sorted((kind, value) for kind, _, value in claims) == [
        ("job_demand", -15),
        ("job_demand", 11_500),
    ]


def test_a_count_with_a_country_s_part_after_including() -> None:
    doc = document(
        "# Machine learning market outlook\n\nAbout 410,000 people worldwide worked as machine "
        "learning engineers in 2025, including 92,000 in India.\n",
        "text/markdown",
    )
    counts = [(c.value, c.qualifiers.get("country")) for c in numeric_claims(doc)]
    assert counts == [(410_000, None), (92_000, "India")]


def test_a_later_section_heading_s_level_is_not_the_page_s() -> None:
    doc = document(
        "# ML Hiring in Europe by the Numbers\n\nEvery January we collect the figures.\n\n"
        "**5. €71,500 in Amsterdam and €69,000 in Paris.**\n"
        "Median ML engineer salaries in the two cities.\n\n"
        "## Senior ML engineers will stay the scarcest hire\n\nRecruiters named them.\n",
        "text/markdown",
    )
    assert salary_qualifiers(doc, "experience_level") == {71_500: (None,), 69_000: (None,)}

"""Lists of labelled figures: each item is read with its own label as the frame."""

from __future__ import annotations

from support.documents import document, frame_fixture, numeric_claims, quote

from mlefacts.extract import lists


def test_each_pay_band_takes_its_level_from_its_own_item() -> None:
    doc = frame_fixture("labelled_lists.md")
    salaries = {
        c.qualifiers.get("experience_level"): (c.value, c.value_high)
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert salaries == {
        "entry": (500000, 900000),
        "mid": (1000000, 1800000),
        "senior": (2000000, 3500000),
    }


def test_regional_split_items_are_shares_of_the_lead_in_market() -> None:
    doc = frame_fixture("labelled_lists.md")
    shares = [c for c in numeric_claims(doc) if c.kind == "share"]
    assert [(c.qualifiers["category"], c.value) for c in shares] == [
        ("North America", 37.5),
        ("Europe", 28.1),
        ("Asia Pacific", 22.4),
        ("Rest of the world", 12.0),
    ]
    for claim in shares:
        assert claim.subject == "global machine learning market"
        assert claim.qualifiers["dimension"] == "region"
        assert quote(doc, claim) == f"{claim.context}: {claim.value:.1f}%"


def test_places_under_a_lead_of_postings_asking_for_a_skill_are_that_skill_s_shares() -> None:
    page = (
        "# AI skills in demand 2026\n\nShare of ML engineer postings asking for LLM experience "
        "in 2025:\n\n- United States — 36%\n- Germany — 24%\n"
    )
    found = {
        (c.subject, c.qualifiers["category"], c.value)
        for c in lists.extract(document(page, "text/markdown"))
    }
    assert found == {
        ("large language models", "United States", 36.0),
        ("large language models", "Germany", 24.0),
    }


def test_a_list_without_a_whole_or_with_a_growth_word_gives_no_share() -> None:
    page = "Notes\n\n- Python: 12%\n- Europe: grew 12% a year\n"
    assert [c for c in numeric_claims(document(page)) if c.extractor == "lists"] == []


def _rankings(text: str, media_type: str = "text/markdown") -> list[tuple[str, float]]:
    doc = document(text, media_type)
    return [(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "ranking"]


def test_a_numbered_list_under_a_top_n_heading_ranks_each_item_by_its_label() -> None:
    page = (
        "# The 4 most in-demand AI jobs of 2026\n\n"
        "1. **Prompt Engineer** — postings doubled\n"
        "2. AI Consultant: advises on adoption\n"
        "3. Machine Learning Engineer\n"
        "4. Robotics Technician, mostly in manufacturing\n"
    )
    assert _rankings(page) == [
        ("prompt engineer", 1),
        ("artificial intelligence consultant", 2),
        ("machine learning engineer", 3),
        ("robotics technician", 4),
    ]
    claim = next(c for c in numeric_claims(document(page, "text/markdown")) if c.value == 1)
    assert claim.year == 2026
    assert claim.qualifiers["list"].startswith("The 4 most in-demand")


def test_a_heading_that_opens_each_html_item_is_its_label() -> None:
    page = (
        "<h1>Fastest-growing roles</h1><p>Here are the top three.</p><ol>"
        "<li><h3>AI Engineer</h3><p>Remote: 40%</p></li>"
        "<li><h3>Data Annotator</h3><p>Remote: 12%</p></li>"
        "<li><h3>MLOps Engineer</h3><p>Remote: 30%</p></li></ol>"
    )
    assert [rank for _, rank in _rankings(page, "text/html")] == [1, 2, 3]
    assert _rankings(page, "text/html")[1] == ("data annotator", 2)


def test_numbered_steps_and_lists_without_a_ranking_cue_are_not_rankings() -> None:
    steps = "# How to become an ML engineer: the top 3 steps\n\n1. Learn Python\n2. Build models\n"
    plain = "# Our services\n\n1. Consulting\n2. Training\n3. Audits\n"
    assert _rankings(steps) == []
    assert _rankings(plain) == []


def test_numbered_headings_under_a_ranking_lead_in_rank_their_names() -> None:
    page = (
        "# AI careers\n\nWe ranked the careers below by openings.\n\n"
        "## 1. Data Scientist\n\nThey model data.\n\n"
        "## 2. Robotics Technician\n\nThey fix robots.\n\n"
        "## Frequently asked questions\n\n### 1. Do I need a degree?\n\nNo.\n\n"
        "### 2. Is it remote?\n\nOften.\n"
    )
    assert _rankings(page) == [("data scientist", 1), ("robotics technician", 2)]


def test_a_table_of_contents_under_a_top_n_title_is_not_a_ranking() -> None:
    page = "# Top 10 AI jobs\n\n1. Introduction\n2. Methodology\n3. Conclusion\n"
    assert _rankings(page) == []


def test_a_ranked_item_is_quoted_with_its_number() -> None:
    page = "Here are the top two frameworks:\n\n1) PyTorch\n2) TensorFlow\n"
    doc = document(page)
    ranked = [c for c in numeric_claims(doc) if c.kind == "ranking"]
    assert [quote(doc, c) for c in ranked] == ["1) PyTorch", "2) TensorFlow"]


def test_numbered_bold_paragraphs_under_a_ranking_title_rank_their_names() -> None:
    page = (
        "<h1>The 2 hottest AI jobs of 2026</h1><p>We ranked them by postings growth.</p>"
        "<p><strong>1. Prompt Engineer</strong></p><p>Postings grew 80%.</p>"
        "<p><strong>2. AI Ethicist</strong></p><p>Postings grew 60%.</p>"
    )
    assert _rankings(page, "text/html") == [
        ("prompt engineer", 1),
        ("artificial intelligence ethicist", 2),
    ]


def test_hash_numbered_bold_lines_rank_their_names_whatever_block_the_parser_made() -> None:
    """'**#1 Name**' alone on a line became a heading, '**#2 Name**' with a line of text under
    it stayed a paragraph: one run all the same, each named by its own first line."""
    page = (
        "# The three roles growing fastest\n\nWe ranked job titles by postings growth.\n\n"
        "**#1 Prompt Engineer**\nPostings up 80% a year.\n\n"
        "**#2 Robotics Engineer**\n\n**#3 Data Analyst**\n"
    )
    assert _rankings(page) == [
        ("prompt engineer", 1),
        ("robotics engineer", 2),
        ("data analyst", 3),
    ]


def test_best_practices_and_mistakes_are_not_rankings() -> None:
    page = "# Best practices for ML teams\n\n1. Version your data\n2. Monitor drift\n"
    assert _rankings(page) == []


def test_a_list_of_bare_labels_under_a_share_lead_in_and_none_under_a_growth_heading() -> None:
    page = (
        "# Edge AI Software Market Report\n\nThe global edge AI software market was valued "
        "at USD 2.1 billion in 2025.\n\nRevenue share by region, 2025:\n\n"
        "- North America 37.5%\n- Europe 26.3%\n\n## Regional growth\n\n"
        "- Asia Pacific: 17.5%\n- Latin America: 16.3%\n"
    )
    doc = document(page, "text/markdown")
    found = {c.value: c.qualifiers["category"] for c in numeric_claims(doc) if c.kind == "share"}
    assert found == {37.5: "North America", 26.3: "Europe"}


def test_ranks_written_in_the_item_text_with_markers_that_may_skip_ranks() -> None:
    page = (
        "# Jobs report\n\nAmong the 20 fastest-growing jobs, three are data roles:\n\n"
        "- n. 1: Prompt Engineer, grew 9 times\n- n. 2: Data Steward, 6 times\n"
        "- n. 5: Vector Database Developer, 5 times\n\n"
        "## Top skills in ML engineer postings\n\n1.Python (61% of postings)\n2.SQL (44%)\n"
    )
    assert _rankings(page) == [
        ("prompt engineer", 1),
        ("data steward", 2),
        ("vector database developer", 5),
        ("python", 1),
        ("sql", 2),
    ]


def test_no_numbered_paragraphs_rank_their_names_once_and_own_their_figures() -> None:
    page = (
        "## The hottest roles\n\nNo. 1: Prompt Engineer — hiring up 40%\n\n"
        "No. 2: Data Steward — hiring up 31%\n"
    )
    doc = document(page, "text/markdown")
    claims = numeric_claims(doc)
    assert [(c.subject, c.value) for c in claims if c.kind == "ranking"] == [
        ("prompt engineer", 1),
        ("data steward", 2),
    ]
    assert [c.subject for c in claims if c.kind == "job_demand"] == [
        "prompt engineer",
        "data steward",
    ]


def test_a_list_without_its_own_year_takes_the_page_headings() -> None:
    page = "# Hiring in 2026\n\n## Top languages\n\n1. Python\n2. SQL\n"
    claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "ranking"]
    assert {c.year for c in claims} == {2026}


def test_decimals_and_plain_numbers_do_not_open_ranked_items() -> None:
    page = "# Top figures\n\n1.5 million jobs were posted.\n\n2.7 million were filled.\n"
    assert _rankings(page) == []


_SURVEY = (
    "# State of ML engineering survey 2025\n\n"
    "We asked 2,400 machine learning engineers how they work.\n\n"
    "## Industry\n\n- Technology – 34%\n- Finance — 21 %\n- Healthcare - 12%\n\n"
    "## Company size\n\n- 1–50 employees: 34%\n- Companies with 1,000+ staff: 41%\n"
    "- 10k+ employees 22%\n\n"
    "## Team size\n\n- Fewer than 5 engineers: 21%\n- 5 to 20 engineers: 46%\n\n"
    "## Experience\n\n- 0–2 years: 18%\n- 10+ years of experience: 12%\n"
)


def test_breakdown_items_with_any_dash_or_a_numbered_band_are_shares_of_the_people() -> None:
    doc = document(_SURVEY, "text/markdown")
    shares = {
        c.qualifiers["category"]: (c.value, c.subject, c.qualifiers.get("dimension"))
        for c in numeric_claims(doc)
        if c.kind == "share"
    }
    role = "machine learning engineer"
    assert shares == {
        "Technology": (34.0, role, "industry"),
        "Finance": (21.0, role, "industry"),
        "Healthcare": (12.0, role, "industry"),
        "1–50 employees": (34.0, role, "company size"),
        "Companies with 1,000+ staff": (41.0, role, "company size"),
        "10k+ employees": (22.0, role, "company size"),
        "Fewer than 5 engineers": (21.0, role, "team size"),
        "5 to 20 engineers": (46.0, role, "team size"),
        "0–2 years": (18.0, role, "years of experience"),
        "10+ years of experience": (12.0, role, "years of experience"),
    }


def test_the_numbers_of_a_band_are_neither_counts_nor_figures_of_their_own() -> None:
    doc = document(_SURVEY, "text/markdown")
    counts = [c.value for c in numeric_claims(doc) if c.kind in ("count", "job_demand")]
    assert counts == [2400.0]


def test_a_lead_in_naming_its_people_and_a_heading_ending_in_a_breakdown() -> None:
    page = (
        "# Remote work among AI engineers 2025\n\n"
        "Share of employers offering fully remote positions, by company size:\n\n"
        "- Startups – 58%\n- Enterprises - 29%\n\n"
        "## Adoption by industry\n\n- Technology — 34 %\n- Services: the remaining 66%\n"
    )
    shares = {
        c.qualifiers["category"]: (c.value, c.subject, c.qualifiers.get("dimension"))
        for c in numeric_claims(document(page, "text/markdown"))
        if c.kind == "share"
    }
    role = "artificial intelligence engineer"
    assert shares == {
        "Startups": (58.0, "employer", "company size"),
        "Enterprises": (29.0, "employer", "company size"),
        "Technology": (34.0, role, "industry"),
        "Services": (66.0, role, "industry"),
    }


def test_a_public_sector_item_is_a_part_not_the_pages_market() -> None:
    page = (
        "# Data Science Workforce Report 2025\n\nWe heard from 1,640 data scientists.\n\n"
        "## Sector\n\n- Banking and insurance – 24%\n- Public sector - 9%\n"
    )
    shares = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "share"]
    assert {c.subject for c in shares} == {"data scientist"}


def test_a_dot_leader_ends_a_share_items_label() -> None:
    doc = document(
        "# Work arrangements of ML engineers\n\nShare of respondents:\n\n"
        "1) Fully remote ........ 41%\n2) Hybrid .............. 45%\n",
        "text/plain",
    )
    assert [c.qualifiers["category"] for c in lists.extract(doc)] == ["Fully remote", "Hybrid"]


def test_a_list_under_a_lead_in_that_asked_respondents_is_their_shares() -> None:
    """'We asked respondents ...:' or 'Primary job title of respondents:' over labelled items:
    each is a share of the respondents, labels of up to eight words included."""
    page = (
        "# Production ML survey 2025\n\n"
        "We asked respondents which problems cost their team the most time:\n\n"
        "- Data quality issues — 52%\n"
        "- Getting models approved by risk or legal teams — 31%\n\n"
        "Primary job title of respondents:\n\n"
        "- ML engineer — 34%\n- Data scientist — 27%\n"
    )
    claims = lists.extract(document(page, "text/markdown"))
    assert [(c.subject, c.qualifiers["category"], c.value) for c in claims] == [
        ("respondent", "Data quality issues", 52.0),
        ("respondent", "Getting models approved by risk or legal teams", 31.0),
        ("respondent", "ML engineer", 34.0),
        ("respondent", "Data scientist", 27.0),
    ]


def test_a_breakdown_written_as_one_sentence_gives_each_part() -> None:
    page = (
        "<h1>AI chip market report</h1><p>Market overview.</p>"
        "<p>Donut chart: AI chip market share by chip type, 2025. GPU 46.7%, ASIC 21.9%, "
        "NPU and others 21.6%, FPGA 9.8%.</p>"
        "<h2>Practitioner pulse</h2><p>We surveyed 1,200 respondents.</p>"
        "<p>Languages used at work: Python 93%, SQL 61%, Bash 39%.</p>"
        "<p>Pay rose 4% and 6% in two years, with 3% in between.</p>"
    )
    doc = document(page, "text/html")
    claims = numeric_claims(doc)
    shares = {
        (c.subject, c.qualifiers.get("category"), c.value) for c in claims if c.kind == "share"
    }
    assert shares == {
        ("artificial intelligence chip market", "GPU", 46.7),
        ("artificial intelligence chip market", "ASIC", 21.9),
        ("artificial intelligence chip market", "NPU and others", 21.6),
        ("artificial intelligence chip market", "FPGA", 9.8),
        ("python", "Python", 93),
        ("sql", "SQL", 61),
        ("bash", "Bash", 39),
    }
    assert {quote(doc, c) for c in claims if c.subject == "python"} == {"Python 93%"}


def test_bracketed_parts_after_are_or_include_are_shares_of_the_role_the_lead_names() -> None:
    """'The most requested languages for ML engineers are Python (61.2%), ...': the parts open
    after the verb, as after 'named'; the people are the role, not the noun it ends with."""
    for verb in ("are", "include"):
        page = (
            "# Skills report\n\nWe read 1,400 job ads.\n\n"
            f"The most requested languages for data engineers {verb} Python (61.2%), "
            "SQL (29.4%), and Scala (11.8%).\n"
        )
        claims = numeric_claims(document(page, "text/markdown"))
        assert {
            (c.subject, c.value, c.qualifiers.get("population"))
            for c in claims
            if c.kind == "share"
        } == {
            ("python", 61.2, "data engineer"),
            ("sql", 29.4, "data engineer"),
            ("scala", 11.8, "data engineer"),
        }


def test_a_part_another_extractor_read_is_claimed_once() -> None:
    page = (
        "# Skills in ML job ads\n\n"
        "Cloud platforms (share of postings): AWS 44%, Azure 31%, GCP 19%.\n"
    )
    claims = numeric_claims(document(page, "text/markdown"))
    assert sorted(c.value for c in claims) == [19, 31, 44]


def test_bar_chart_rows_that_add_up_to_a_whole_are_a_breakdown() -> None:
    """A chart drawn with markup ('<div class=bar><span>Label</span><span>N%</span></div>')
    parses to one short paragraph a row: three or more that add up to 100% are a list of
    shares; rows that do not add up, or that say more than a label, are not."""
    row = '<div class="row"><span class="name">{}</span><span class="pct">{}</span></div>'
    page = (
        "<h1>Annual practitioner survey</h1><p>In March we surveyed 3,100 practitioners.</p>"
        "<h2>Company size</h2><div class='chart'>"
        + "".join(
            row.format(a, b)
            for a, b in [
                ("Under 50 staff", "27%"),
                ("50 to 999 staff", "45%"),
                ("1,000 staff or more", "28%"),
            ]
        )
        + "</div><h2>Notes</h2><div>"
        + "".join(
            row.format(a, b)
            for a, b in [
                ("Response rate", "12%"),
                ("Margin of error", "3%"),
                ("Completed on mobile", "40%"),
            ]
        )
        + "</div>"
    )
    doc = document(page, "text/html")
    claims = lists.extract(doc)
    assert [(c.subject, c.qualifiers["category"], c.value) for c in claims] == [
        ("practitioner", "Under 50 staff", 27.0),
        ("practitioner", "50 to 999 staff", 45.0),
        ("practitioner", "1,000 staff or more", 28.0),
    ]
    assert [quote(doc, c) for c in claims][0] == "Under 50 staff 27%"


def test_parts_named_with_their_figures_in_brackets_are_a_breakdown() -> None:
    """'respondents cited A (52%), B (37%) and C (30%)': a run opened by the verb that names
    the parts, each quoted with its bracket; 'up to' is a limit, not growth; under a heading of
    what troubles people a practice's name is a part of them, while a run of tools is each
    tool's share."""
    page = (
        "<h1>ML platform survey</h1><p>We surveyed 2,400 engineers.</p>"
        "<h2>Top obstacles</h2><p>Allowed up to three answers, engineers cited feature "
        "engineering (52%), slow review cycles (37%) and flaky CI (30%).</p>"
        "<h2>Frameworks</h2><p>Engineers most often picked PyTorch (71%), "
        "scikit-learn (48%) and JAX (9%).</p>"
    )
    doc = document(page, "text/html")
    claims = lists.extract(doc)
    assert [(c.subject, c.qualifiers["category"], c.value) for c in claims] == [
        ("engineer", "feature engineering", 52.0),
        ("engineer", "slow review cycles", 37.0),
        ("engineer", "flaky CI", 30.0),
        ("pytorch", "PyTorch", 71.0),
        ("scikit-learn", "scikit-learn", 48.0),
        ("jax", "JAX", 9.0),
    ]
    assert quote(doc, claims[0]) == "feature engineering (52%)"


def test_a_sidebar_of_pay_insights_splits_the_roles_people_by_city() -> None:
    """A Q&A page's 'Salary insights' sidebar is the page's own figures; its list of cities
    that add up to a whole, under 'Where freshers start', splits the role's entry-level people
    by city (the rest of them as 'Other cities')."""
    page = (
        "<html><body><main><h1>What do ML engineer freshers earn in India?</h1>"
        "<p>Most freshers in machine learning engineer roles start between ₹5 and ₹9 LPA.</p>"
        "</main><aside><h3>Salary insights</h3><p>Based on 1,200 profiles of ML engineers</p>"
        "<h4>Where freshers start</h4><ul><li>Pune — 41%</li><li>Chennai — 33%</li>"
        "<li>Other cities — 26%</li></ul></aside></body></html>"
    )
    claims = lists.extract(document(page, "text/html"))
    found = [
        (
            c.subject,
            c.qualifiers["category"],
            c.qualifiers.get("dimension"),
            c.qualifiers.get("experience_level"),
            c.value,
        )
        for c in claims
    ]
    assert found == [
        ("machine learning engineer", "Pune", "city", "entry", 41.0),
        ("machine learning engineer", "Chennai", "city", "entry", 33.0),
        ("machine learning engineer", "Other cities", None, "entry", 26.0),
    ]


def test_a_forum_threads_numbered_post_headers_rank_nobody() -> None:
    """'#1  gradient_gus  (Member since 2020)  3 Apr 2025, 08:15' opens a post: its number and
    writer, not a rank; '#1 PyTorch' lines under a ranking title still rank."""
    thread = (
        "Thread: best city for ML pay in Europe?\n\n"
        "#1  gradient_gus  (Member since 2020)  3 Apr 2025, 08:15\n"
        "Berlin pays me 82k.\n\n"
        "#2  lossy_lena  3 Apr 2025, 09:40\n"
        "London is higher.\n"
    )
    assert _rankings(thread, "text/plain") == []
    page = "# Top frameworks of 2025\n\n#1 PyTorch\n\n#2 TensorFlow\n"
    assert _rankings(page) == [("pytorch", 1), ("tensorflow", 2)]


def test_a_thread_whose_posts_number_a_writer_twice_or_one_header_bare_ranks_nobody() -> None:
    """A moderator's '#4  [MOD] deskkeeper' says nothing of membership, and 'lossy_lena' posts
    twice: a ranking places each thing once, a thread numbers its posts."""
    thread = (
        "Thread: contract or permanent for ML work?\n\n"
        "#1  gradient_gus  (Member since 2020 | 310 posts)\nI went contract last year.\n\n"
        "#2  lossy_lena  (Member since 2023 | 12 posts)\nPermanent, for the pension.\n\n"
        "#3  gradient_gus  (Member since 2020 | 311 posts)\nFair point.\n\n"
        "#4  [MOD] deskkeeper\nKeep it civil, please.\n"
    )
    assert _rankings(thread, "text/plain") == []
    bare = "Thread: contract or permanent?\n\n#1 gradient_gus\nContract.\n\n#2 lossy_lena\n"
    assert _rankings(bare + "Permanent.\n", "text/plain") == [("gradientgus", 1), ("lossylena", 2)]
    assert _rankings(bare + "Permanent.\n\n#3 gradient_gus\nFair.\n", "text/plain") == []


def test_numbered_items_written_on_one_line_under_a_ranking_heading_rank_their_names() -> None:
    """'1) Python   2) SQL   3) AWS' on one line under 'MOST REQUESTED SKILLS': each name has
    its rank and is quoted with its number; the same line under a heading that merely counts
    steps off ranks nothing."""
    page = (
        "MOST REQUESTED SKILLS THIS QUARTER\n\n  1) Python   2) SQL   3) AWS   4) Docker\n\n"
        "THREE STEPS TO APPLY\n\n  1) Register   2) Upload a CV   3) Book a call\n"
    )
    assert _rankings(page, "text/plain") == [("python", 1), ("sql", 2), ("aws", 3), ("docker", 4)]


def test_a_ranked_list_of_challenges_is_of_problems_not_tools() -> None:
    """'## Biggest challenges' / 'Data quality (58%)': the item is a part of the respondents,
    as its neighbours are, not the share of a practice called data quality."""
    page = (
        "# ML survey 2025\n\nWe surveyed 1,900 engineers.\n\n## Biggest challenges\n\n"
        "Ranked by the share of respondents who picked each one:\n\n"
        "1. Data quality (58%)\n2. Getting models into production (44%)\n"
    )
    doc = document(page, "text/markdown")
    shares = [c for c in numeric_claims(doc) if c.kind == "share"]
    assert [(c.subject, c.qualifiers["category"]) for c in shares] == [
        ("respondent", "Data quality"),
        ("respondent", "Getting models into production"),
    ]


def test_a_list_of_obstacles_without_a_share_word_divides_the_people_asked() -> None:
    """'## Biggest obstacle' over 'Data quality: 44%' with no lead-in saying 'share of': each
    item is still a part of the people the survey asked (here the page's ML engineers)."""
    page = (
        "# ML Engineer Census 2026\n\nWe surveyed 4,105 ML engineers in January 2026.\n\n"
        "## Biggest obstacle\n\n- Data quality: 44%\n- Compute costs: 31%\n"
    )
    claims = lists.extract(document(page, "text/markdown"))
    assert [(c.subject, c.value, c.qualifiers["category"]) for c in claims] == [
        ("machine learning engineer", 44.0, "Data quality"),
        ("machine learning engineer", 31.0, "Compute costs"),
    ]
    managers = page.replace("We surveyed 4,105 ML engineers", "We asked 300 hiring managers")
    assert {c.subject for c in lists.extract(document(managers, "text/markdown"))} == {
        "hiring manager"
    }
    guide = page.replace(
        "We surveyed 4,105 ML engineers in January 2026.", "ML engineers ship models."
    )
    assert lists.extract(document(guide, "text/markdown")) == []  # no survey: no people asked


def test_a_lead_in_that_opens_with_its_people_and_their_breakdown_is_theirs() -> None:
    """'Respondents by job title:' under '## Who answered': each item is a part of the
    respondents, as under 'Primary job title of respondents:'."""
    page = (
        "# Survey 2025\n\nWe received 2,204 responses.\n\n## Who answered\n\n"
        "Respondents by job title:\n\n- ML engineer — 41%\n- Data scientist — 33%\n"
        "- Other titles — 26%\n"
    )
    claims = lists.extract(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims] == [
        ("respondent", 41.0),
        ("respondent", 33.0),
        ("respondent", 26.0),
    ]


def test_review_a_usage_lead_under_a_heading_of_tools_and_challenges_is_of_tools() -> None:
    page = (
        "# ML survey 2025\n\nWe surveyed 1,900 engineers.\n\n## Tools and challenges\n\n"
        "Share of respondents using each framework in production:\n\n"
        "- PyTorch — 62%\n- TensorFlow — 21%\n"
    )
    shares = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "share"]
    assert [c.subject for c in shares] == ["pytorch", "tensorflow"]


def test_review_bar_rows_of_places_split_the_roles_people_too() -> None:
    row = "<div class='bar'><span>{}</span><span>{}</span></div>"
    page = (
        "<h1>What do ML engineer freshers earn in India?</h1><p>Most freshers in machine "
        "learning engineer roles start at ₹7 LPA.</p><h2>Where freshers start</h2><div>"
        + "".join(
            row.format(a, b)
            for a, b in [("Pune", "40%"), ("Chennai", "35%"), ("Other cities", "25%")]
        )
        + "</div>"
    )
    claims = lists.extract(document(page, "text/html"))
    assert [(c.subject, c.value) for c in claims] == [
        ("machine learning engineer", 40.0),
        ("machine learning engineer", 35.0),
        ("machine learning engineer", 25.0),
    ]


def test_a_numbered_roadmap_is_steps_not_a_ranking() -> None:
    """'Your roadmap' / '1. Build two or three portfolio projects' ...: steps in the order to
    take them, under a paragraph whose prose ranks a job ('ranked second on our list of the
    fastest-growing')."""
    page = (
        "<p>ML engineer ranked second on our 2026 list of the fastest-growing tech jobs, behind "
        "AI engineer. About 31% of ML engineer\n  ads in 2025 offered remote work.</p>\n"
        "<h2>Your roadmap</h2>\n<ol>\n<li>Build two or three end-to-end portfolio projects "
        "and put them online.</li>\n<li>Apply for junior roles, or move sideways from a "
        "software or data job.</li>\n</ol>"
    )
    assert _rankings(page, "text/html") == [
        ("machine learning engineer", 2),
        ("artificial intelligence engineer", 1),
    ]


def test_an_item_named_as_a_part_under_a_lead_in_of_people_is_their_share() -> None:
    """'Private sector: 61%' says 'sector', a word of market parts, but under 'Share of
    respondents by employer type:' on a page of no market it is a part of those asked."""
    page = (
        "# ML engineering survey 2026\n\nShare of respondents by employer type:\n\n"
        "- Consultancies: 21%\n- Private sector: 61%\n- Public sector: 18%\n"
    )
    doc = document(page, "text/markdown")
    found = [(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "share"]
    assert found == [("respondent", 21.0), ("respondent", 61.0), ("respondent", 18.0)]


def test_a_list_of_shares_of_a_role_s_postings_divides_the_role_even_on_a_market_page() -> None:
    """'Top industries hiring data engineers, by share of postings:' over 'Finance: 21%' items,
    on a page that also sizes a market: each industry's share of the role's postings, not of
    the postings. (The first item, 'Technology: 31%', is still read by `shares` as the
    market's: left for now.)"""
    page = (
        "# Data engineering in numbers\n\n## Where the jobs are\n\n"
        "Top industries hiring data engineers, by share of postings:\n\n"
        "- Technology: 31%\n- Finance: 21%\n- Healthcare: 11%\n\n"
        "## Market\n\nThe global data engineering market was valued at $81.2 billion in 2025.\n"
    )
    doc = document(page, "text/markdown")
    shares = {(c.subject, c.value) for c in lists.extract(doc)}
    assert shares == {("data engineer", 31.0), ("data engineer", 21.0), ("data engineer", 11.0)}


def test_a_ranked_item_s_own_mark_is_no_figure_its_share_is_read() -> None:
    """'#1 Moving prototypes into production – 52%' under 'Ranked by the share of respondents
    who cited each one:': the item's share of those asked (the '#1' is its rank, no figure)."""
    page = (
        "<html><body><h1>Data survey 2025</h1><p>We surveyed 2,100 data practitioners.</p>"
        "<h2>Biggest challenges</h2><p>Ranked by the share of respondents who cited each one:</p>"
        "<ul><li>#1 Data quality – 48%</li><li>#2 Compute cost – 41%</li>"
        "<li>#3 Hiring – 22%</li></ul></body></html>"
    )
    shares = {
        (c.qualifiers["category"], c.value) for c in lists.extract(document(page, "text/html"))
    }
    assert shares == {("Data quality", 48.0), ("Compute cost", 41.0), ("Hiring", 22.0)}


def test_a_heading_naming_the_roles_people_took_makes_its_list_their_shares() -> None:
    """'## Jobs our students landed' over 'Data engineer: 44%' on a course's outcomes page:
    the students divided by job title; roles companies hire for are no one's division."""
    page = (
        "# Cohort outcomes 2025\n\nOur data course ran twice this year.\n\n"
        "## Jobs our students landed\n\n- Data engineer: 44%\n- Analytics engineer: 31%\n"
        "- BI developer: 25%\n"
    )
    shares = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "share"]
    assert [(c.subject, c.qualifiers["category"], c.value) for c in shares] == [
        ("student", "Data engineer", 44.0),
        ("student", "Analytics engineer", 31.0),
        ("student", "BI developer", 25.0),
    ]
    hiring = (
        "# Hiring outlook 2026\n\n## Roles companies are hiring for this year\n\n"
        "- Machine learning engineer: 45%\n- Data scientist: 38%\n- Data engineer: 31%\n"
    )
    assert [c for c in numeric_claims(document(hiring, "text/markdown")) if c.kind == "share"] == []


def test_the_americas_and_the_other_places_close_a_list_of_regions() -> None:
    """'Americas: 19%' and 'Other: 6%' after 'Europe: 44%' and 'Asia: 31%' under 'Respondents to
    the March 2026 survey, by region:': every region's share, the rest of the places included."""
    page = (
        "# Data engineering survey 2026\n\nWe surveyed 900 data engineers.\n\n"
        "## Who answered\n\nRespondents to the March 2026 survey, by region:\n\n"
        "- Europe — 44%\n- Asia — 31%\n- Americas — 19%\n- Other — 6%\n"
    )
    shares = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "share"]
    assert [(c.qualifiers["category"], c.value) for c in shares] == [
        ("Europe", 44.0),
        ("Asia", 31.0),
        ("Americas", 19.0),
        ("Other", 6.0),
    ]
    assert {c.qualifiers.get("dimension") for c in shares} == {"region"}
    setups = (
        "# Data engineering survey 2026\n\nWe surveyed 900 data engineers.\n\n"
        "Respondents to the March 2026 survey, by work setup:\n\n"
        "- Remote: 44%\n- Hybrid: 31%\n- London office: 19%\n- Other: 6%\n"
    )
    found = [c for c in numeric_claims(document(setups, "text/markdown")) if c.kind == "share"]
    assert "Other" not in [c.qualifiers.get("category") for c in found]

"""Ranked numbered lists: lists a page splits, and frames that only look like rank orders."""

from __future__ import annotations

from support.documents import document

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, prose_rankings
from mlefacts.extract.rank_marks import CellRank, rank_cell
from mlefacts.extract.ranked_lists import ranked_items, top_n_title
from mlefacts.extract.table_frame import rank_value


def _ranks(text: str, media_type: str = "text/markdown") -> list[tuple[str, float | None]]:
    doc = build_document(source_id="t", text=text, media_type=media_type)
    return [(claim.subject, claim.value) for claim in prose_rankings.extract(doc)]


def test_a_list_split_by_links_and_a_table_keeps_its_ranks_and_title() -> None:
    html = (
        "<h1>The five fastest-growing data jobs</h1><ol><li>AI Engineer</li>"
        "<li>Data Engineer</li><li>Prompt Engineer</li></ol>"
        "<ul><li><a href='/a'>Read next</a></li><li><a href='/b'>Our courses</a></li></ul>"
        "<table><tr><th>Course</th><th>Fee</th></tr><tr><td>SQL basics</td><td>$49</td></tr>"
        "</table><ol start='4'><li>Cloud Architect</li><li>Security Analyst</li></ol>"
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    claims = prose_rankings.extract(doc)
    assert [(c.subject, c.value) for c in claims] == [
        ("artificial intelligence engineer", 1.0),
        ("data engineer", 2.0),
        ("prompt engineer", 3.0),
        ("cloud architect", 4.0),
        ("security analyst", 5.0),
    ]
    assert {c.qualifiers["list"] for c in claims} == {"The five fastest-growing data jobs"}


def test_a_heading_between_two_lists_keeps_them_apart() -> None:
    text = (
        "# Top jobs\n\n1. AI Engineer\n2. Data Engineer\n\n- [Newsletter](/n)\n- [Courses](/c)\n\n"
        "## Where they work\n\nMost are remote.\n\n3. Cloud Architect\n4. Security Analyst\n"
    )
    assert _ranks(text) == [("artificial intelligence engineer", 1.0), ("data engineer", 2.0)]


def test_in_order_to_is_no_rank_order() -> None:
    listed = (
        "# Getting hired\n\nIn order to stand out as a machine learning engineer, learn:\n\n"
        "1. Python\n2. SQL\n3. Docker\n"
    )
    assert _ranks(listed) == []
    prose = "The three most loved tools, in order to ship, include Docker, Kubernetes and MLflow."
    assert _ranks(prose, "text/plain") == []
    ordered = "The three most loved tools, in that order, include Docker, Kubernetes and MLflow."
    assert _ranks(ordered, "text/plain") == [("docker", 1.0), ("kubernetes", 2.0), ("mlflow", 3.0)]


def test_the_stages_of_a_hiring_process_are_no_ranking() -> None:
    posting = (
        "# Senior ML Engineer, Search Ranking\n\n## Our interview process\n\n"
        "1. Recruiter call\n2. Coding round (45 minutes)\n3. Onsite: design and a values chat\n"
    )
    assert _ranks(posting) == []
    ranked = "# Search Ranking team\n\n## The top three languages\n\n1. Python\n2. Go\n3. Rust\n"
    assert _ranks(ranked) == [("python", 1.0), ("go", 2.0), ("rust", 3.0)]


def test_numbered_footnotes_under_a_top_list_are_no_ranking() -> None:
    page = (
        "<h2>Top skills in job ads</h2><table><tr><th>Skill</th><th>Share of job ads (%)</th>"
        "</tr><tr><td>SQL</td><td>71</td></tr><tr><td>Python</td><td>64</td></tr>"
        "<tr><td>Spark</td><td>30</td></tr></table><p>Source: a job ads data set, 2024.</p>"
        "<section><h2>Footnotes</h2><ol><li>Employed: Labour Force Survey, November 2024.</li>"
        "<li>Future growth: projections for the five years to November 2029.</li>"
        "<li>Weekly earnings: median weekly cash earnings, May 2023.</li></ol></section>"
    )
    assert _ranks(page, "text/html") == []


def test_a_title_counts_its_items_in_words_or_digits() -> None:
    assert top_n_title("The twenty-five best-paid jobs", 25)
    assert top_n_title("Top Ten AI skills", 10)
    assert not top_n_title("Top ten AI skills", 9)
    assert not top_n_title("Top 5.5% of earners", 5)


def test_a_rank_written_after_the_name_ranks_headings_and_items() -> None:
    text = (
        "# Best metros for ML engineers\n\n## Raleigh (No. 1)\n\nRents stayed flat.\n\n"
        "## Pittsburgh (No. 2)\n\nRobotics keeps it near the top.\n\n"
        "# Tools\n\n- **Snowflake** – ranked 1st\n- **Airflow** – ranked 2nd: mostly for ETL\n"
    )
    assert _ranks(text) == [
        ("raleigh", 1.0),
        ("pittsburgh", 2.0),
        ("snowflake", 1.0),
        ("airflow", 2.0),
    ]


def test_an_ordinal_in_a_name_is_no_trailing_rank() -> None:
    text = "# Notes\n\n- Pay rose 6% (2nd year running)\n- Hiring slowed (3rd quarter)\n"
    assert _ranks(text) == []


def test_one_rank_marker_for_cells_badges_and_prose() -> None:
    assert [rank_cell(cell) for cell in ("No. 3", "#3", "T-3", "3rd", "Rank #3")] == [
        CellRank(3, True, False),
        CellRank(3, True, False),
        CellRank(3, False, True),
        CellRank(3, False, False),
        CellRank(3, True, False),
    ]
    assert rank_cell("3.5") is None and rank_cell("Python") is None
    assert rank_value("No. 4") == 4  # a table's rank column reads the same markers
    prose = "The survey ranked Julia No. 5 and Rust #6."
    assert _ranks(prose, "text/plain") == [("julia", 5.0), ("rust", 6.0)]
    address = "Singapore office: 1 Raffles Place, #20-61, Singapore 048616."
    assert _ranks(address, "text/plain") == []  # a unit number, no rank


def test_bullets_in_order_and_a_table_of_jobs_ranked_by_its_lead_in() -> None:
    """'..., in order:' over bullets ranks them; 'Ranked by median base pay:' over a table of
    jobs sorted by pay ranks its rows (without such a frame, neither is a ranking)."""
    text = (
        "# Notes\n\nThe tools data engineers use most, in order:\n\n- Airflow\n- dbt\n- Kafka\n\n"
        "Ranked by median base pay:\n\n| Job | Median base pay |\n| --- | --- |\n"
        "| Data architect | $171,000 |\n| Data engineer | $148,000 |\n\n"
        "Tools we like:\n\n- Docker\n- Git\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = [(c.subject, c.value) for c in extract_claims(doc)[0] if c.kind == "ranking"]
    assert sorted(found) == [
        ("airflow", 1.0),
        ("data architect", 1.0),
        ("data engineer", 2.0),
        ("dbt", 2.0),
        ("kafka", 3.0),
    ]


def test_numbered_headings_with_label_lines_and_sentences_under_them() -> None:
    """Lines under '## 1. X' that the reader may take for headings (a bold label line, a
    short sentence with an abbreviation) do not end the run of numbered headings."""
    text = (
        "# The fastest-growing data jobs\n\n## 1. Analytics engineer\n\n"
        "**Top skills:** dbt, SQL, Looker\n\n**Where they work:** Austin; Denver\n\n"
        "## 2. Data steward\n\nKeeps the BI catalog tidy.\n\n## 3. Data architect\n"
    )
    assert _ranks(text) == [
        ("analytics engineer", 1.0),
        ("data steward", 2.0),
        ("data architect", 3.0),
    ]


def test_numbered_paragraphs_of_lines_rank_their_items_and_their_lines_are_the_items() -> None:
    page = (
        "<html><body><h1>The best jobs in America this year</h1>"
        "<p>Topping the list this year: machine learning engineer. Here are the top three.</p>"
        "<p>1. Machine Learning Engineer<br>Job Openings: 3,918<br>"
        "Median Base Salary: $162,500<br>Job Score: 4.8</p>"
        "<p>2. Tax Manager<br>Job Openings: 1,574<br>Median Base Salary: $108,000<br>"
        "Job Score: 4.7</p>"
        "<p>3. Solutions Architect<br>Job Openings: 2,906<br>Median Base Salary: $119,500<br>"
        "Job Score: 4.6</p></body></html>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    claims, failures = extract_claims(doc)
    assert failures == []
    # (the HTML parser reads these '<p>'s as numbered list items; their pay lines are unread)
    kinds = ("ranking", "job_demand", "count")
    found = sorted((c.kind, c.subject, c.value) for c in claims if c.kind in kinds)
    assert found == [
        ("job_demand", "machine learning engineer", 3918.0),
        ("job_demand", "solutions architect", 2906.0),
        ("job_demand", "tax manager", 1574.0),
        ("ranking", "machine learning engineer", 1.0),  # once: the lead-in restates the list
        ("ranking", "solutions architect", 3.0),
        ("ranking", "tax manager", 2.0),
    ]


def test_the_paragraph_under_the_last_numbered_name_is_its_description() -> None:
    page = (
        "# The 3 best jobs in tech\n\nHere are the top three jobs right now.\n\n"
        "1. Data Scientist\n\nJob Openings: 1,736\n\n2. Tax Manager\n\nJob Openings: 1,574\n\n"
        "3. Solutions Architect\n\nJob Openings: 2,906\n"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "job_demand"] == [
        ("data scientist", 1736.0),
        ("tax manager", 1574.0),
        ("solutions architect", 2906.0),
    ]


def test_a_numbered_headings_list_of_facts_is_its_description_to_its_end() -> None:
    page = (
        "<html><body><h1>Best Jobs in the UK for 2025</h1><h2>The top two</h2>"
        "<h3>1. Data Engineer</h3><ul><li>Open roles: 4,115</li>"
        "<li>Median base pay: £61,000</li></ul>"
        "<h3>2. DevOps Engineer</h3><ul><li>Open roles: 2,310</li>"
        "<li>Median base pay: £63,500</li></ul>"
        "<p>Data engineer was third last year.</p></body></html>"
    )
    claims, _ = extract_claims(build_document(source_id="p", text=page, media_type="text/html"))
    pay = [(c.subject, c.value) for c in claims if c.kind == "salary"]
    assert pay == [("data engineer", 61000.0), ("devops engineer", 63500.0)]


def test_a_countdown_of_headings_with_a_tie_keeps_every_rank() -> None:
    page = (
        "# The best-paying cities for ML engineers: the countdown\n\n"
        "### 5. Milan\nMedian salary: €54,800\n\n### 4. Berlin\nMedian salary: €64,200\n\n"
        "### T-2. Amsterdam\nMedian salary: €74,900\n\n### =2. Munich\nMedian salary: €74,900\n\n"
        "### 1. Zurich\nMedian salary: €121,400\n\n"
        "Rank 1 - PyTorch\nRank 2 - JAX\n\nAnd languages:\n\n#1: Python\n#2: SQL\n"
    )
    ranks = _ranks(page)
    assert ranks[:5] == [
        ("milan", 5.0),
        ("berlin", 4.0),
        ("amsterdam", 2.0),
        ("munich", 2.0),
        ("zurich", 1.0),
    ]
    assert ranks.count(("python", 1.0)) == 1  # a rank marked twice is no tie


def test_after_a_tie_the_list_goes_on_at_the_place_the_tie_skipped() -> None:
    page = (
        "# Fastest-rising job titles of the year\n\n"
        "### 1. Robotics technician\nAds up 90%.\n\n### 2. Actuary\nAds up 71%.\n\n"
        "### T-3. Data engineer\nAds up 64%.\n\n### T-3. Wind turbine technician\nAds up 64%.\n\n"
        "### 5. Pharmacist\nAds up 52%.\n\n### 6. Tax adviser\nAds up 40%.\n"
    )
    assert _ranks(page) == [
        ("robotics technician", 1.0),
        ("actuary", 2.0),
        ("data engineer", 3.0),
        ("wind turbine technician", 3.0),
        ("pharmacist", 5.0),
        ("tax adviser", 6.0),
    ]


def test_a_promo_quote_between_the_lead_in_and_a_ranked_list_is_no_frame() -> None:
    page = (
        "# Skills in ML job ads\n\n"
        "We ranked the skills by the share of ads naming each one.\n\n"
        "> **Academy:** LLM Engineering in 6 weeks, now $349.\n\n"
        "## 1. Python — 79% of ads\n\nStill the default.\n\n"
        "## 2. PyTorch — 56% of ads\n\nMost teams train with it.\n"
    )
    assert _ranks(page) == [("python", 1.0), ("pytorch", 2.0)]


def test_a_top_paying_list_whose_items_set_figures_apart_with_middle_dots() -> None:
    page = (
        "<h1>ML engineer salary in India</h1><h2>Top-paying companies by average salary</h2>"
        "<ol><li><a href='/c/1'>Vartika Analytics</a> · ₹24.3 L · 112 salaries</li>"
        "<li><a href='/c/2'>Kosmos Retail Tech</a> · ₹21.7 L · 86 salaries</li></ol>"
    )
    assert _ranks(page, "text/html") == [("vartika analytics", 1.0), ("kosmos retail tech", 2.0)]


def test_a_dot_leader_ends_an_items_name_and_a_tied_marker_repeats_the_rank() -> None:
    text = (
        "SKILLS UK EMPLOYERS ASK OF ML ENGINEERS\n\nWe counted the skills in 2,000 ML engineer "
        "vacancies. The ranking is ordered by the share of ads that name the skill.\n\n"
        "1) Python ......... 79% of ads\n2) SQL ............ 48%\nT-3) Docker ..... 30%\n"
        "T-3) AWS ........ 30%\n"
    )
    assert _ranks(text, "text/plain") == [
        ("python", 1.0),
        ("sql", 2.0),
        ("docker", 3.0),
        ("aws", 3.0),
    ]
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    shares = [(c.subject, c.value) for c in extract_claims(doc)[0] if c.kind == "share"]
    # each item is its skill's share of the ads, read once (not also a share of 'ads')
    assert shares == [("python", 79.0), ("sql", 48.0), ("docker", 30.0), ("aws", 30.0)]


def test_a_ranked_list_of_states_set_off_by_spaces_ranks_the_states_and_pays_the_role() -> None:
    text = (
        "Data scientist pay in the US\n\nBest-paying states\n"
        "  1. Oregon        $171,300\n  2. Massachusetts $166,400\n  3. Colorado      $158,900\n"
    )
    claims = extract_claims(build_document(source_id="r", text=text, media_type="text/plain"))[0]
    ranks = [(c.subject, c.value) for c in claims if c.kind == "ranking"]
    assert ranks == [("oregon", 1.0), ("massachusetts", 2.0), ("colorado", 3.0)]
    pay = [(c.subject, c.value, c.qualifiers.get("region")) for c in claims if c.kind == "salary"]
    assert pay == [
        ("data scientist", 171300.0, "Oregon"),
        ("data scientist", 166400.0, "Massachusetts"),
        ("data scientist", 158900.0, "Colorado"),
    ]


def test_a_superlative_before_a_lead_in_s_last_sentence_does_not_order_its_list() -> None:
    base = "## Regional outlook\n\n{lead}\n\n1. Europe — 38.2%\n2. North America — 33.0%\n"
    said = "Europe is the largest region. Regional shares of 2025 revenue:"
    ordered = "Regions ranked by their share of 2025 revenue:"
    assert _ranks(base.format(lead=said)) == []
    assert _ranks(base.format(lead=ordered)) == [("europe", 1.0), ("north america", 2.0)]


def test_a_numbered_list_inside_an_item_is_ranked_by_the_item_that_leads_it_in() -> None:
    html = (
        "<h1>Data jobs in Asia: 20 numbers</h1><h2>Openings</h2><ol start='3'>"
        "<li>Openings for data engineers rose 9% in 2025.</li>"
        "<li>The four countries with the most data engineer openings in 2025 were:"
        "<ol><li>Japan: 14,200</li><li>India: 12,900</li><li>Singapore: 4,100</li>"
        "<li>Vietnam: 2,300</li></ol></li></ol>"
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    claims, _ = extract_claims(doc)
    ranks = [(c.subject, c.value, c.year) for c in claims if c.kind == "ranking"]
    assert ranks == [
        ("japan", 1.0, 2025),
        ("india", 2.0, 2025),
        ("singapore", 3.0, 2025),
        ("vietnam", 4.0, 2025),
    ]
    counts = {
        (c.value, c.qualifiers.get("country"), c.year)
        for c in claims
        if c.kind == "job_demand" and c.unit == "count"
    }
    assert counts == {
        (14_200.0, "Japan", 2025),
        (12_900.0, "India", 2025),
        (4_100.0, "Singapore", 2025),
        (2_300.0, "Vietnam", 2025),
    }


def test_a_countdown_item_s_number_repeated_in_its_heading_is_no_part_of_its_subject() -> None:
    page = (
        "<html><body><main><h1>The 4 fastest-growing tech jobs of 2026</h1><ol reversed>"
        "<li value='4'><h2>4. Cloud engineer</h2><p>Moves workloads to the cloud.</p></li>"
        "<li value='3'><h2>3. Machine learning engineer</h2><p>They train and ship models.</p>"
        "<ul><li><strong>Typical salary:</strong> $135,000 – $175,000</li></ul></li>"
        "<li value='2'><h2>2. Data engineer</h2><p>Builds pipelines.</p></li>"
        "<li value='1'><h2>1. AI engineer</h2><p>Builds on large models.</p>"
        "<ul><li><strong>Typical salary:</strong> $145,000 – $190,000</li></ul></li>"
        "</ol></main></body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    claims, _ = extract_claims(doc)
    assert {c.subject for c in claims if c.kind == "salary"} == {
        "machine learning engineer",
        "artificial intelligence engineer",
    }


def test_a_note_after_a_numbered_list_that_says_its_order_makes_it_a_ranking() -> None:
    page = (
        "# ML engineer pay in the US\n\n## Location still matters\n\n"
        "Median total compensation in 2025 by metro:\n\n"
        "1. **Seattle** — $251,000\n2. **Boston** — $209,000\n\n"
        "That list is ordered by median total pay.\n"
    )
    assert _ranks(page) == [("seattle", 1.0), ("boston", 2.0)]
    unnoted = page.replace("That list is ordered by median total pay.", "Pay is total pay.")
    assert _ranks(unnoted) == []


def test_a_numbered_lines_figure_in_a_column_of_its_own_is_not_part_of_its_name() -> None:
    page = (
        "# ML postings ledger\n\nMetros ranked by number of January ML engineer ads:\n\n"
        "  1. San Francisco Bay Area  4,720\n  2. New York                2,380\n"
    )
    assert _ranks(page) == [("san francisco bay area", 1.0), ("new york", 2.0)]
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))
    assert [(c.value, c.qualifiers.get("city")) for c in claims[0] if c.kind == "job_demand"] == [
        (4720.0, "San Francisco Bay Area"),
        (2380.0, "New York"),
    ]


def test_numbered_lists_under_their_own_section_headings_are_not_one_list() -> None:
    """A round-up numbers its statistics across sections ('## Demand' over items 1-2, '## Pay'
    over '<ol start="3">'): the heading opens a section, not the next item, so the items after
    it are no continuation of a ranked list ('3. Data engineers earned ...' ranks nothing)."""
    page = (
        "<html><body><h1>20 AI Job Statistics</h1><p>The figures we quote most often.</p>"
        "<h2>Demand</h2><ol><li>Job ads for data engineers rose 12% in 2025.</li>"
        "<li>Remote roles made up 21% of postings.</li></ol>"
        '<h2>Pay</h2><ol start="3"><li>Data engineers earned a median of $131,000.</li>'
        "<li>Entry-level data engineers were offered $96,000 on average.</li></ol>"
        "</body></html>"
    )
    assert [r for r in _ranks(page, "text/html") if r[1] is not None] == []


def test_more_than_any_other_ranks_the_clause_s_subject_first() -> None:
    page = (
        "# Where the jobs are\n\nDenver has more data engineer openings than any other US "
        "metro; Austin is second.\n\nAcme pays data engineers more than any other employer "
        "we surveyed.\n\nThere are 900 openings in Boise, more than any other Idaho city.\n"
    )
    assert _ranks(page) == [("denver", 1.0), ("austin", 2.0)]


def test_a_signed_figure_in_a_column_of_its_own_ends_the_items_name() -> None:
    """'Poland   +37%   (5,380 postings)': the change set in a column after the name is a
    figure of the row, not part of the place's name, as an unsigned one is."""
    page = (
        "# Where hiring grew fastest\n\nRanked by growth in ML engineer postings, 2024-2025:\n\n"
        "   1. Portugal   +41%   (2,310 postings)\n   2. Mexico     -3%    (1,870 postings)\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    ranks = [c for c in extract_claims(doc)[0] if c.kind == "ranking"]
    assert [(c.value, c.text) for c in ranks] == [(1, "Portugal"), (2, "Mexico")]


def test_a_lead_in_on_the_second_line_of_its_paragraph_is_read_as_its_last_sentence() -> None:
    """A paragraph broken over lines ('We read adverts ...' / 'The most requested tools,
    ranked:') above a numbered list: its last line is the list's lead-in (reading it once
    raised, and each extractor that asks for the page's ranked lists lost the sentence it was
    reading)."""
    text = (
        "Data engineer hiring report\n\nWe read adverts from four cities\nThe most requested "
        "tools, ranked:\n1. Airflow\n2. dbt\n3. Spark\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    assert [(item.rank, item.label) for item in ranked_items(doc)] == [
        (1, "Airflow"),
        (2, "dbt"),
        (3, "Spark"),
    ]


def test_a_numbered_lists_lead_in_dates_its_ranks() -> None:
    text = (
        "# Where the jobs are\n\nThe four metros with the most open data engineer postings at "
        "the end of Q2 2025:\n\n1. Chicago — 3,120\n2. Denver — 2,410\n3. Atlanta — 1,980\n"
        "4. Miami — 1,200\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    years = {c.subject: c.year for c in extract_claims(doc)[0] if c.kind == "ranking"}
    assert years == {"chicago": 2025, "denver": 2025, "atlanta": 2025, "miami": 2025}


def test_a_share_ending_a_bar_lists_item_is_no_part_of_its_name() -> None:
    html = (
        "<h1>Data engineer jobs</h1><h2>Top skills in job ads</h2><p>Share of ads naming each "
        "skill:</p><ol><li>SQL <span>77%</span></li><li>Airflow <span>41%</span></li></ol>"
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    ranks = [(c.subject, c.value) for c in extract_claims(doc)[0] if c.kind == "ranking"]
    assert ranks == [("sql", 1.0), ("airflow", 2.0)]


def test_numbered_lines_under_a_lead_line_in_one_paragraph_rank_their_items() -> None:
    html = (
        "<h1>Data engineer job posts in 2025</h1><p>4/9 Skills, ranked by share of posts:<br>"
        "1. SQL 84%<br>2. Spark 51%<br>3. Airflow 40%<br>Scala has dropped out of the top 3.</p>"
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    claims = [c for c in extract_claims(doc)[0] if c.kind == "ranking"]
    assert [(c.subject, c.value) for c in claims] == [
        ("sql", 1.0),
        ("spark", 2.0),
        ("airflow", 3.0),
    ]
    assert all(doc.text[c.char_start : c.char_end].startswith(f"{int(c.value)}.") for c in claims)


def test_rows_whose_ranks_sit_in_badges_of_their_own_rank_their_places() -> None:
    """'<span class="rank">1</span> <strong>Raleigh, NC</strong> — $158,200': the badge leaves
    the rank with no punctuation before the name; a run of such short rows under 'Ranked by
    ...' is a ranked list, ties included. A long paragraph opening '2 Engineers ...' is not."""
    rows = [("1", "Raleigh, NC", "158,200"), ("2", "Portland, OR", "151,900")]
    rows += [("T-3", "Denver, CO", "149,300"), ("T-3", "Tampa, FL", "149,300")]
    rows += [("5", "Columbus, OH", "140,100")]
    html = "<h2>The best-paying metros for ML engineers</h2><p>Ranked by median pay:</p>" + "".join(
        f'<div class="row"><span class="rank">{rank}</span> <strong>{place}</strong> — ${pay}</div>'
        for rank, place, pay in rows
    )
    assert _ranks(html, "text/html") == [
        ("raleigh", 1.0),
        ("portland", 2.0),
        ("denver", 3.0),
        ("tampa", 3.0),
        ("columbus", 5.0),
    ]
    prose = (
        "<h2>Hiring, ranked by growth</h2><p>1 Team grew this year, and it hired across the "
        "whole of the company's offices and its remote staff, which is more than planned.</p>"
        "<p>2 Engineers joined from the platform group after the reorganisation of the spring, "
        "which the board approved.</p><p>3 Analysts moved to the new data office in the city "
        "centre over the summer months.</p>"
    )
    assert _ranks(prose, "text/html") == []


_RISING_JOBS = (
    "# Fastest-growing jobs in Ireland, 2026\n\n"
    "## 1. Machine Learning Engineer\n\n"
    "Lenders moved their credit models into production.\n\n"
    "- Median salary: €84,000\n"
    "- Remote availability: 27% of postings\n\n"
    "## 2. Fraud Investigator\n\n"
    "Card fraud rose with online spending.\n\n"
    "- Median salary: €58,000\n"
    "- Remote availability: 12% of postings\n\n"
    "## 3. Claims Adjuster\n\n"
    "Storm damage claims piled up after a wet winter.\n\n"
    "- Median salary: €49,500\n"
    "- Remote availability: 9% of postings\n"
)


def test_each_job_of_a_rising_jobs_list_keeps_its_own_pay_and_remote_share() -> None:
    """Every card's facts are its job's, the last card's too (its facts list is under the
    line on why it grew), and a share of postings under a title the role vocabulary does not
    know is that title's."""
    doc = build_document(source_id="t", text=_RISING_JOBS, media_type="text/markdown")
    claims, _ = extract_claims(doc)
    found = {(c.kind, c.value): c.subject for c in claims if c.kind in ("salary", "share")}
    assert found == {
        ("salary", 84000.0): "machine learning engineer",
        ("share", 27.0): "machine learning engineer",
        ("salary", 58000.0): "fraud investigator",
        ("share", 12.0): "fraud investigator",
        ("salary", 49500.0): "claims adjuster",
        ("share", 9.0): "claims adjuster",
    }


def test_a_countdown_s_items_keep_their_own_facts() -> None:
    """Counted down ('## 3.' then '## 2.'), each item reaches to the next as counting up does,
    past a description of more than one paragraph."""
    page = (
        "# Fastest-growing jobs in Kenya, 2026\n\n"
        "## 3. Fraud investigator\n\nMobile-money fraud rose.\n\nMost work in Nairobi.\n\n"
        "Median salary: KSh 1,450,000 · Hiring growth: +41%\n\n"
        "## 2. Claims adjuster\n\nFlood claims piled up.\n\nInsurers hired quickly.\n\n"
        "Median salary: KSh 1,120,000 · Hiring growth: +52%\n\n"
        "## 1. Machine learning engineer\n\nLenders score credit with models.\n\n"
        "Median salary: KSh 3,300,000 · Hiring growth: +88%\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    claims, _ = extract_claims(doc)
    pay = {c.value: c.subject for c in claims if c.kind == "salary"}
    assert pay == {
        1450000.0: "fraud investigator",
        1120000.0: "claims adjuster",
        3300000.0: "machine learning engineer",
    }


def test_a_ranked_by_line_under_a_numbered_list_makes_it_a_ranking() -> None:
    page = (
        "SLOWEST ROLES TO STAFF, 2025\n"
        "  1. Platform engineer\n  2. Data engineer\n  3. ML engineer\n"
        "Ranked by median weeks from brief to signed offer.\n"
    )
    assert _ranks(page, "text/plain") == [
        ("platform engineer", 1.0),
        ("data engineer", 2.0),
        ("machine learning engineer", 3.0),
    ]
    unnoted = page.replace("Ranked by median weeks", "Counted in median weeks")
    assert _ranks(unnoted, "text/plain") == []


def test_an_order_cue_two_sections_up_does_not_rank_a_later_bulleted_list() -> None:
    page = (
        "==== Slide 2 ====\nTOOLS IN THE ADS\n"
        "  1. Airflow\n  2. Spark\n"
        "Ranked by the number of mentions.\n"
        "------------------------------\n"
        "© 2026 Acme Insights | Internal | 2\n\n"
        "==== Slide 3 ====\nCONTEXT\n"
        "• Cloud spend grew in 2025\n"
        "• Budgets for 2026 look flat\n"
    )
    ranked = _ranks(page, "text/plain")
    assert ("airflow", 1.0) in ranked  # the note ranks its own list
    assert not any("cloud" in subject or "budget" in subject for subject, _ in ranked)
    # a running head between the slides, alone on its line, is no label of a group of items
    headed = page.replace(
        "------------------------------\n© 2026 Acme Insights | Internal | 2\n\n",
        "\nAcme Insights | page 4\n\n",
    )
    ranked = _ranks(headed, "text/plain")
    assert ("airflow", 1.0) in ranked
    assert not any("cloud" in subject or "budget" in subject for subject, _ in ranked)


def test_a_hardest_to_fill_title_frames_a_ranking() -> None:
    page = "# Hardest-to-fill tech roles in Norway\n\n1. Security engineer\n2. ML engineer\n"
    assert _ranks(page) == [("security engineer", 1.0), ("machine learning engineer", 2.0)]


def test_an_ordered_list_whose_headings_write_a_rank_mark_ranks_each_heading_once() -> None:
    """'<ol><li><h2>#1 AI Engineer</h2><p>Median base salary: $176,400 · ...</p>': the heading
    reads '#1 AI Engineer' (not '1. #1 AI Engineer'), so each job is ranked and its own figures
    are its own, not the page role's; a method's 'salary at 40%, openings at 30% and growth at
    30%' are weights, no facts, and 'See the full list of 25 jobs →' is a link."""
    page = (
        "<html><body><h1>Best Tech Jobs in Canada for 2026</h1><p>Each job is scored on pay, "
        "openings and growth.</p><ol>"
        "<li><h2>#1 Data Engineer</h2><p>Median base salary: $131,000 · Open postings: 9,870</p>"
        "</li><li><h2>#2 Machine Learning Engineer</h2><p>Median base salary: $142,500 · Open "
        "postings: 6,410</p></li></ol><p>See the full list of 25 jobs →</p>"
        "<h2>Methodology</h2><p>Scores weight salary at 40%, openings at 30% and growth at "
        "30%.</p></body></html>"
    )
    claims, _ = extract_claims(build_document(source_id="b", text=page, media_type="text/html"))
    found = {(c.kind, c.subject, c.value) for c in claims if c.value is not None}
    assert found == {
        ("ranking", "data engineer", 1.0),
        ("ranking", "machine learning engineer", 2.0),
        ("salary", "data engineer", 131000.0),
        ("salary", "machine learning engineer", 142500.0),
        ("job_demand", "data engineer", 9870.0),
        ("job_demand", "machine learning engineer", 6410.0),
    }


def test_ranked_cards_of_titles_beyond_the_role_vocabulary_give_each_card_its_pay() -> None:
    """A 'roles on the rise' page sets each role as a card: a '#N' badge over the title's
    heading, a line of what they do, then a list of facts ('Median base salary' / '€61,000',
    'Median years of prior experience' / '3'). Every title is ranked, however unknown; a
    bare number among a card's facts ('5' over 'Top skills') is no rank of the list; each
    card's pay is its title's."""
    cards = [
        ("Grid Modernisation Engineer", "€71,000", "4"),
        ("Data Governance Analyst", "€58,000", "5"),
        ("Carbon Accounting Specialist", "€54,000", "6"),
        ("Robotics Technician", "€43,000", "2"),
    ]
    page = "<html><body><h1>Roles on the rise 2026: the fastest-growing jobs in Portugal</h1>"
    for rank, (title, pay, years) in enumerate(cards, start=1):
        page += (
            f'<article><span class="rank">#{rank}</span><h2>{title}</h2>'
            "<p><strong>What they do:</strong> Keep projects moving for their teams.</p>"
            + ("<p>It climbed from ninth place last year.</p>" if rank == 2 else "")
            + f"<dl><dt>Median base salary</dt><dd>{pay}</dd>"
            f"<dt>Median years of prior experience</dt><dd>{years}</dd>"
            "<dt>Top skills</dt><dd>Asset planning · Regulatory reporting · Stakeholder "
            "management · Scenario modelling</dd></dl></article>"
        )
    page += "</body></html>"
    claims, _ = extract_claims(document(page, "text/html"))
    ranks = sorted((c.value, c.subject) for c in claims if c.kind == "ranking")
    assert ranks == [
        (1.0, "grid modernisation engineer"),
        (2.0, "data governance analyst"),
        (3.0, "carbon accounting specialist"),
        (4.0, "robotics technician"),
    ]
    pay = sorted((c.value, c.subject) for c in claims if c.kind == "salary")
    assert pay == [
        (43000.0, "robotics technician"),
        (54000.0, "carbon accounting specialist"),
        (58000.0, "data governance analyst"),
        (71000.0, "grid modernisation engineer"),
    ]

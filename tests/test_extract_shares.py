"""Percentages in prose read as shares of a whole, never as growth rates."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.documents import document, numeric_claims

from mlefacts.document.build import build_document
from mlefacts.document.model import Document
from mlefacts.extract import extract_claims, extract_skips, lists, shares
from mlefacts.extract.fractions import word_shares

FIXTURES = Path(__file__).parent / "fixtures" / "prose"


def _doc(text: str, title: str | None = None) -> Document:
    return build_document(source_id="t", text=text, media_type="text/plain", title=title)


def _shares(text: str) -> dict[float, tuple[str, dict[str, object], int | None]]:
    return {c.value: (c.subject, c.qualifiers, c.year) for c in shares.extract(_doc(text))}


def test_fixture_shares_have_whole_part_and_breakdown() -> None:
    found = _shares((FIXTURES / "shares.txt").read_text())
    market = "artificial intelligence market"
    assert found[37.5] == (market, {"category": "North America", "dimension": "region"}, 2024)
    assert found[26.1][:2] == (market, {"category": "Europe", "dimension": "region"})
    assert found[41.2][:2] == (market, {"category": "services", "dimension": "component"})
    assert found[70.0][0] == market
    assert found[70.0][1]["category"] == "Machine learning"
    role = "machine learning engineer"
    for value, part in ((38.0, "fully remote"), (45.0, "hybrid"), (17.0, "on-site")):
        assert found[value] == (role, {"category": part, "dimension": "work arrangement"}, None)
    assert found[22.0][0] == "respondent"
    assert 21.0 not in found  # a CAGR is a growth rate
    assert 20.0 not in found  # '20% off' a course is not a share


def test_share_is_never_a_growth_rate() -> None:
    doc = _doc(
        "AI Market\n\nMachine learning is the largest segment, making up nearly 70% of the total "
        "AI market. The AI market is expected to grow at a CAGR of 30% to 2030.\n"
    )
    claims, _ = extract_claims(doc)
    by_value = {c.value: c.kind for c in claims if c.unit == "percent"}
    assert by_value == {70.0: "share", 30.0: "growth_rate"}


def test_share_of_a_market_named_after_of() -> None:
    found = _shares("North America holds 32% of the global ML market.")
    assert found[32.0][:2] == (
        "global machine learning market",
        {"category": "North America", "dimension": "region"},
    )


def test_a_share_of_all_the_spending_on_a_product_is_its_markets() -> None:
    found = _shares("Cloud deployments will make up 61% of all AI chip spending in 2027.")
    assert found[61.0][0] == "artificial intelligence chip market"


def test_a_share_of_a_market_named_by_a_two_word_place_keeps_the_place_whole() -> None:
    found = _shares(
        "Artificial intelligence market\n\n"
        "China alone represented 41% of the Asia Pacific market in 2025."
    )
    assert found[41.0][:2] == (
        "artificial intelligence market",
        {"category": "China", "dimension": "country", "region": "Asia-Pacific"},
    )


def test_regional_market_is_a_part_of_the_page_market() -> None:
    text = (
        "The global machine learning market was valued at $20 billion in 2023.\n\n"
        "The North American machine learning market accounted for a 40% share in 2023.\n"
    )
    found = _shares(text)
    assert found[40.0] == (
        "global machine learning market",
        {"category": "North America", "dimension": "region"},
        2023,
    )


def test_share_without_a_whole_is_skipped_as_no_subject() -> None:
    doc = _doc("Python accounted for 45%, a clear lead.")
    assert shares.extract(doc) == []
    assert [(s.reason, doc.text[s.char_start : s.char_end]) for s in extract_skips(doc)] == [
        ("no_subject", "45%")
    ]


def test_parallel_figures_share_the_whole_of_the_first() -> None:
    found = _shares(
        "Europe accounted for 21% of global AI spending in 2024, against 40% for North America."
    )
    assert found[21.0][0] == found[40.0][0]
    assert found[40.0][1]["category"] == "North America"
    found = _shares(
        "Software firms employ 41% of all machine learning engineers, followed by banks at 16% "
        "and insurers at 7%."
    )
    assert {value: found[value][0] for value in found} == {
        41.0: "machine learning engineer",
        16.0: "machine learning engineer",
        7.0: "machine learning engineer",
    }
    assert [found[v][1]["category"] for v in (16.0, 7.0)] == ["banks", "insurers"]


def test_earlier_value_of_the_same_share_keeps_its_part_and_year() -> None:
    found = _shares("Women make up 24% of machine learning engineers, up from 19% in 2020.")
    assert found[19.0] == (found[24.0][0], found[24.0][1], 2020)


def test_labelled_list_items_are_read_once() -> None:
    """'Europe: 28.5%' items belong to the lists extractor; shares does not read them again."""
    text = (
        "Robotics Market Report\n\nThe global robotics market was valued at $50 billion.\n\n"
        "Regional share, 2024\n\n- Europe: 28.5%\n- Asia Pacific: 33.0%\n"
    )
    claims, _ = extract_claims(_doc(text))
    values = [c.value for c in claims if c.kind == "share"]
    assert len(values) == len(set(values))


def test_percentile_is_not_a_share() -> None:
    assert _shares("The highest 10 percent of data scientists earned more than $200,000.") == {}


def test_parts_listed_without_a_preposition_share_the_whole() -> None:
    found = _shares(
        "Robotics Market\n\nIn 2024, software made up 51% of robotics spending, hardware 33% and "
        "services 16%. Go appeared in 44% of robotics job postings, Rust in 12% and C++ in 30%."
    )
    assert {v: found[v][1].get("category") for v in (51.0, 33.0, 16.0)} == {
        51.0: "software",
        33.0: "hardware",
        16.0: "services",
    }
    assert found[12.0][1]["category"] == "Rust"
    assert found[12.0][0] == found[44.0][0]


def test_a_list_of_parts_before_a_share_verb_is_one_part() -> None:
    found = _shares(
        "By end use, retail, logistics and transport accounted for 18.5% of revenue, ahead of "
        "energy at 9.2%. Drone Market"
    )
    assert found[18.5][1]["category"] == "retail, logistics and transport"
    assert found[9.2][1]["category"] == "energy"


def test_a_figure_set_apart_by_at_keeps_the_share_cue_before_it() -> None:
    doc = _doc(
        "Speech Recognition Market Report\n\nHardware accounted for the larger share of revenue, "
        "at 61.5%, while software is projected to grow faster."
    )
    (claim,) = shares.extract(doc)
    assert (claim.value, claim.subject, claim.qualifiers["category"]) == (
        61.5,
        "speech recognition market",
        "Hardware",
    )


@pytest.mark.parametrize("rank", ["", "2. ", "#2 "])
def test_a_labelled_share_under_a_job_title_is_about_that_job(rank: str) -> None:
    """The job title may be numbered, as in a ranked list of jobs ('2. Wind Turbine ...')."""
    text = (
        f"Fastest growing jobs\n\n{rank}Wind Turbine Technician\n\n- Remote availability: 3%\n\n"
        "Machine Learning Engineer\n\n- Remote availability: 41%"
    )
    found = {c.value: c for c in shares.extract(_doc(text))}
    assert found[3.0].subject == "wind turbine technician"
    assert found[41.0].subject == "machine learning engineer"
    assert found[41.0].qualifiers == {"category": "remote", "dimension": "work arrangement"}


@pytest.mark.parametrize(
    "line",
    ["- **North America Market Share:** 36.9%", "- North America market share (2025): 36.9%"],
)
def test_a_share_label_names_its_part_before_the_share_noun(line: str) -> None:
    """The part a 'X Market Share' label names is X, with or without emphasis or a bracketed
    note ('(2025)') before the colon."""
    text = (
        f"# AI Market Report\n\nThe global AI market was worth USD 200 billion in 2025.\n\n{line}\n"
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/markdown"))
    (share,) = [c for c in claims[0] if c.kind == "share"]
    assert (share.value, share.qualifiers) == (
        36.9,
        {"category": "North America", "dimension": "region"},
    )


@pytest.mark.parametrize("label", ["Estimated market share", "Current market share (2025)"])
def test_a_share_label_s_words_about_the_figure_name_no_part(label: str) -> None:
    text = (
        "# AI Market Report\n\nThe global AI market was worth USD 200 billion in 2025.\n\n"
        f"- {label}: 36.9%\n"
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/markdown"))
    assert [c.qualifiers for c in claims[0] if c.kind == "share"] == [{}]


@pytest.mark.parametrize("label", ["Remote roles (Oct 2025)", "Remote (full-time) roles"])
def test_a_labelled_share_may_carry_a_note_in_brackets(label: str) -> None:
    text = (
        "<h1>Jobs on the Rise 2026</h1><ol><li><h2>Data annotator</h2>"
        f"<p>{label}: 57%</p></li></ol>"
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/html"))
    assert [(c.subject, c.value) for c in claims[0] if c.kind == "share"] == [
        ("data annotator", 57.0)
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Median pay rose 5.1% after a flat year in 2024. Two-thirds of respondents got a bonus.",
        "In 2024 two-thirds of respondents got a bonus.",
    ],
)
def test_a_year_counts_no_people_after_it(said: str) -> None:
    """'... in 2024. Two-thirds of respondents', 'In 2024 two-thirds of respondents': a year is
    no count of the people after it, so the survey's people stay the respondents."""
    text = (
        "Pulse survey 2025\n\nSample size: 1,870. Respondents came from 44 countries.\n\n"
        f"{said}\n\nWork arrangement\n\n- Hybrid: 51%\n- Fully remote: 28%\n- On-site: 21%\n"
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/markdown"))
    subjects = {c.value: c.subject for c in claims[0] if c.kind == "share"}
    assert subjects[51.0] == subjects[28.0] == subjects[66.7] == "respondent"


def test_a_bare_share_in_a_list_counts_the_population_of_the_item_before() -> None:
    text = (
        "Hiring outlook\n\n- 58% of the companies we asked plan to grow their AI teams.\n"
        "- 19% expect to shrink them."
    )
    found = _shares(text)
    assert found[58.0][0] == found[19.0][0] == "company"


def test_short_position_nouns_are_spelled_out() -> None:
    found = _shares("Vision Jobs\n\nTexas accounted for 9.1% of all AI postings.")
    assert found[9.1][0] == "artificial intelligence job posting"
    assert found[9.1][1]["category"] == "Texas"


def test_the_rest_and_a_split_week_are_shares_of_the_population_named_before() -> None:
    found = _shares(
        "Around 31% of data scientists have a hybrid arrangement. The rest, 25%, are in the "
        "office every day. Just 29% of machine learning engineers are fully remote, while 52% "
        "split their week between home and office."
    )
    assert found[31.0][0] == found[25.0][0] == "data scientist"
    assert found[31.0][1]["category"] == "hybrid arrangement"
    assert found[52.0][0] == "machine learning engineer"


def test_a_bare_share_under_an_item_counts_the_whole_that_item_names() -> None:
    text = (
        "Employers\n\n- 61% of the hiring managers we spoke to say their teams are hybrid.\n"
        "- 18% require five office days a week."
    )
    assert _shares(text)[18.0][0] == "hiring manager"


def test_a_share_noun_with_its_whole_before_the_figure() -> None:
    found = _shares("The US holds the largest share of the global drone software market at 38%.")
    assert found[38.0][0] == "global drone software market"
    assert found[38.0][1]["category"] == "United States"


def test_a_table_share_column_divides_the_page_market_or_the_page_role() -> None:
    from mlefacts.extract.shares import table_share_whole

    doc = _doc("Speech Recognition Market Report\n\nThe market grew.")
    assert table_share_whole(doc, "Revenue share by region, 2024", "Share") == (
        "speech recognition market"
    )
    assert table_share_whole(doc, "", "Share of respondents") is None
    role_doc = _doc("Machine Learning Engineer Jobs Report\n\nWe read 48,000 job ads.")
    assert table_share_whole(role_doc, "Where the jobs are", "% of openings") == (
        "machine learning engineer"
    )
    # a monthly report's column counts the month's openings, still the page role's
    for header in ("Share of March openings", "% of this quarter's postings"):
        assert table_share_whole(role_doc, "Where the jobs are", header) == (
            "machine learning engineer"
        )


def test_a_later_figures_year_is_not_an_earlier_figures() -> None:
    found = _shares(
        "Machine Learning Engineer Jobs\n\nRemote roles made up 27% of all listings, down from "
        "35% in 2023."
    )
    assert found[27.0][0] == "machine learning engineer"
    assert (found[27.0][2], found[35.0][2]) == (None, 2023)


def test_a_share_table_without_percent_signs_under_a_percent_header() -> None:
    from mlefacts.extract import tables

    page = (
        "<html><body><h1>Drone Software Market Report 2025</h1><table>"
        "<caption>Drone software market revenue share by region, 2024</caption>"
        "<tr><th>Region</th><th>Revenue share (%)</th></tr>"
        "<tr><td>North America</td><td>39.4</td></tr><tr><td>Europe</td><td>25.7</td></tr>"
        "</table></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    found = {c.value: c for c in tables.extract(doc) if c.kind == "share"}
    assert set(found) == {39.4, 25.7}
    assert {c.subject for c in found.values()} == {"drone software market"}
    assert {c.unit for c in found.values()} == {"percent"}


def test_a_bold_label_in_markdown_still_names_the_share() -> None:
    text = "# Data Engineer Jobs Guide\n\n## Work\n\n- **Hybrid:** 51%\n- **On-site:** 25%"
    found = _shares(text)
    assert found[51.0][1] == {"category": "hybrid", "dimension": "work arrangement"}
    assert found[25.0][1]["category"] == "on-site"


def test_a_percentage_in_parentheses_restates_a_fraction_of_a_population() -> None:
    found = _shares(
        "Nearly half (47%) of ML engineers now work fully remotely. One in three respondents "
        "(33%) use Kubernetes. Around 3 in 10 (29%) data scientists are on hybrid contracts."
    )
    assert found[47.0][0] == "machine learning engineer"
    assert found[33.0][0] == "kubernetes"  # respondents using one skill: the skill's share
    assert found[29.0][0] == "data scientist"
    postings = _shares("Nearly half (46%) of finance and insurance postings now mention AI.")
    assert postings[46.0][:2] == ("finance and insurance job posting", {"category": "mention AI"})


def test_the_share_of_a_population_stated_as_a_level() -> None:
    found = _shares(
        "The share of ML engineers working fully remote reached 38% in 2025. "
        "The share of remote ML job postings fell to 12% in 2025."
    )
    assert found[38.0][0] == "machine learning engineer"
    assert found[12.0][:2] == (
        "machine learning job posting",
        {"category": "remote", "dimension": "work arrangement"},
    )


def test_a_share_of_a_regional_market_is_the_parts_market_in_that_region() -> None:
    found = _shares(
        "The U.S. machine learning market accounted for 82.4% of the North American market."
    )
    subject, qualifiers, _ = found[82.4]
    assert subject == "machine learning market"
    assert (qualifiers["category"], qualifiers["region"]) == ("United States", "North America")


def test_a_growth_rate_beside_a_share_is_not_another_share() -> None:
    found = _shares(
        "Key regional insights: North America held a 37.5% share of the machine learning "
        "market; Asia Pacific is the "
        "fastest-growing region, at a CAGR of 21.4%."
    )
    assert set(found) == {37.5}
    assert found[37.5][1]["category"] == "North America"


def test_a_part_named_before_a_with_clause_and_a_parenthetical_with_an_adverb() -> None:
    found = _shares(
        "North America led the machine learning market in 2025, with a revenue share of "
        "over 37.5%. Roughly 4 in 10 ML engineers (41%) now work remotely full-time."
    )
    assert found[37.5][1]["category"] == "North America"
    assert found[41.0][0] == "machine learning engineer"


def test_a_part_ranked_by_size_and_a_part_adding_a_further_share() -> None:
    found = _shares(
        "The machine learning market was led by North America, the largest regional market "
        "at 36.9%. The United States alone contributed 31.8% of worldwide sales, with Canada "
        "adding a further 3.1%. Asia Pacific is the second-largest region at 21.4% CAGR."
    )
    assert set(found) == {36.9, 31.8, 3.1}
    assert found[3.1][1]["category"] == "Canada"


def test_a_labelled_fact_line_set_as_a_heading_is_read() -> None:
    page = (
        "# AI Engineer\n\nAI engineers build products on top of large models.\n\n"
        "**Remote availability:** 31% of roles offer remote work\n"
    )
    doc = build_document(source_id="h", text=page, media_type="text/markdown")
    [share] = shares.extract(doc)
    assert (share.value, share.subject) == (31.0, "artificial intelligence engineer")


def test_a_place_opening_the_whole_is_a_qualifier_and_each_part_keeps_its_own_name() -> None:
    found = _shares(
        "AI-related roles now make up about 2.4% of all U.S. job listings, up from just 0.7% "
        "in 2019. California leads with 21% of all U.S. AI jobs, ahead of Texas at 9%."
    )
    listings = {"category": "AI-related roles", "country": "United States"}
    assert found[2.4] == ("job listing", listings, None)
    assert found[0.7] == ("job listing", listings, 2019)
    assert found[21.0][:2] == (
        "artificial intelligence job",
        {"category": "California", "country": "United States"},
    )
    assert found[9.0][1]["category"] == "Texas"


def test_inline_lists_of_labelled_shares_under_a_share_or_breakdown_lead() -> None:
    found = _shares(
        "The speech recognition market grew fast. Regional shares in 2025: North America 39.4%, "
        "Europe 25.1%. By deployment, cloud (61.2%) and on-premise (38.8%) solutions split the "
        "revenue. Pay rise by level: junior 6%, senior 4%."
    )
    parts = {value: qualifiers["category"] for value, (_, qualifiers, _) in found.items()}
    assert parts == {39.4: "North America", 25.1: "Europe", 61.2: "cloud", 38.8: "on-premise"}
    assert {subject for subject, _, _ in found.values()} == {"speech recognition market"}


def test_a_share_of_the_market_revenue_is_a_share_of_the_page_market() -> None:
    doc = _doc(
        "The speech recognition market was valued at USD 19.8 billion in 2025. The software "
        "segment is expected to account for over 44% of the market revenue by 2032."
    )
    [share] = shares.extract(doc)
    assert (share.subject, share.qualifiers["category"]) == (
        "speech recognition market",
        "software",
    )


def test_a_share_of_postings_naming_a_skill_is_the_skills_share() -> None:
    found = _shares(
        "ML Engineer Hiring\n\n64% of postings mention PyTorch. Python appears in 71% of job "
        "ads, SQL in 38% and Docker in 22%. Kubernetes appears in roughly a third (34%) of the "
        "ads.\n\nCloud platforms (share of postings): AWS 44%, Azure 31%."
    )
    assert found[64.0][:2] == ("pytorch", {"category": "posting", "dimension": "skill"})
    assert found[71.0][0] == "python"
    assert (found[38.0][0], found[22.0][0]) == ("sql", "docker")
    assert found[34.0][0] == "kubernetes"
    assert (found[44.0][0], found[31.0][0]) == ("aws", "azure")
    offers = _shares(
        "ML Engineer Job Offers\n\nNine in ten job offers (90%) list Python as a requirement. "
        "Scikit-learn is requested in 36% of the offers we read."
    )
    assert (offers[90.0][0], offers[36.0][0]) == ("python", "scikit-learn")


def test_roles_that_require_a_skill_are_its_postings() -> None:
    found = _shares(
        "ML Hiring Stats\n\n68% of machine learning roles require expertise in Python, 47% in "
        "PyTorch and 39% in SQL. 52% of AI jobs ask for cloud experience on AWS. 31% of ML "
        "roles offer remote work."
    )
    assert found[68.0][:2] == (
        "python",
        {"category": "machine learning role", "dimension": "skill"},
    )
    assert (found[47.0][0], found[39.0][0], found[52.0][0]) == ("pytorch", "sql", "aws")
    assert found[31.0][0] == "machine learning role"


def test_a_postings_share_without_one_skill_keeps_its_whole() -> None:
    found = _shares("AI Jobs Round-up\n\nAbout 29% of AI job postings are open to remote work.")
    assert found[29.0][0] == "artificial intelligence job posting"


def test_a_work_arrangement_share_of_generic_people_is_the_roles() -> None:
    found = _shares(
        "Machine Learning Engineer Survey\n\n34% of respondents said they work fully remote. "
        "Just over half of respondents (53%) split the week between home and the office. "
        "22% of respondents plan to change jobs."
    )
    assert found[34.0][0] == "machine learning engineer"
    assert found[34.0][1]["population"] == "respondent"
    assert found[53.0][0] == "machine learning engineer"
    assert found[22.0][0] == "respondent", "not a work arrangement: the people asked"


def test_a_share_takes_the_experience_level_of_its_own_part() -> None:
    found = _shares(
        "ML Engineer Remote Report\n\nAbout 52% of senior ML engineers work fully remote. "
        "Remote work by seniority: senior engineers 41%, juniors 18%."
    )
    assert found[52.0][1]["experience_level"] == "senior"
    assert (found[41.0][0], found[41.0][1]["experience_level"]) == (
        "machine learning engineer",
        "senior",
    )
    assert found[18.0][1]["experience_level"] == "junior"


def test_market_shares_in_parentheses_and_after_followed_by() -> None:
    found = _shares(
        "AI Platform Market Report\n\nThe AI platform market was worth USD 60 billion. Large "
        "enterprises made up nearly two-thirds (65.2%) of the market. Banking holds the biggest "
        "slice of spending, followed by healthcare at 17.4% and retail at 12.9%. Latin America "
        "is projected to hold a small share (around 5%) of the AI platform market by 2031."
    )
    market = "artificial intelligence platform market"
    assert found[65.2][0] == market
    assert found[17.4][:2] == (market, {"category": "healthcare"})
    assert found[12.9][1]["category"] == "retail"
    assert found[5.0][1]["category"] == "Latin America"


def test_table_rows_of_shares_follow_the_prose_rule() -> None:
    doc = _doc(
        "Machine Learning Engineer Survey\n\n| Arrangement | Share of respondents |\n|---|---|\n"
        "| Fully remote | 34% |\n| Hybrid | 49% |\n\n| Framework | % of job postings |\n|---|---|\n"
        "| PyTorch | 61% |\n| TensorFlow | 38% |\n"
    )
    claims, _ = extract_claims(doc)
    found = {c.value: c.subject for c in claims if c.kind == "share"}
    assert found == {
        34.0: "machine learning engineer",
        49.0: "machine learning engineer",
        61.0: "pytorch",
        38.0: "tensorflow",
    }


def test_a_skill_row_is_the_skills_share_of_each_group_its_columns_count() -> None:
    doc = _doc(
        "ML Census 2025\n\n% of each group using the tool at work\n\n"
        "| Tool | ML engineers | Data scientists |\n|---|---|---|\n"
        "| Python | 93.1 | 89.6 |\n| scikit-learn | 58.0 | 77.1 |\n"
        "| Python developers | 12.0 | 8.0 |\n"
    )
    claims, _ = extract_claims(doc)
    found = {
        c.value: (c.subject, c.qualifiers.get("population")) for c in claims if c.kind == "share"
    }
    assert found[93.1] == ("python", "machine learning engineer")
    assert found[89.6] == ("python", "data scientist")
    assert found[77.1] == ("scikit-learn", "data scientist")
    # a group named by a skill is no row of the skill alone
    assert found[12.0][0] == "machine learning engineer"


def test_a_work_arrangement_share_of_postings_is_the_titled_roles() -> None:
    found = _shares(
        "Machine Learning Engineer Hiring Report\n\nFully remote roles made up 23% of machine "
        "learning job postings in 2025."
    )
    assert found[23.0][0] == "machine learning engineer"
    assert found[23.0][1]["population"] == "machine learning job posting"


def test_a_work_arrangement_share_of_those_postings_is_the_role_the_sentence_before_counted() -> (
    None
):
    """'Hybrid roles made up 41% of those postings' after '23% of data engineer postings were
    fully remote' on a round-up that names no role in its title: the postings are the data
    engineer's; 'of all postings' points back at none."""
    found = _shares(
        "Tech Jobs by the Numbers\n\n23% of data engineer postings were fully remote. Hybrid "
        "roles made up 41% of those postings."
    )
    assert found[41.0][0] == "data engineer"
    found = _shares(
        "Tech Jobs by the Numbers\n\n23% of data engineer postings were fully remote. Hybrid "
        "roles made up 41% of all postings."
    )
    assert found[41.0][0] != "data engineer"


def test_a_part_that_led_with_a_figure_has_a_share_and_a_cagr_does_not() -> None:
    found = _shares(
        "Generative AI Market Report\n\nIn terms of revenue share, software dominated with 64.8%"
        " in 2024. Asia Pacific led with 21.4% CAGR over the period."
    )
    assert found[64.8][:2] == (
        "generative artificial intelligence market",
        {"category": "software", "dimension": "revenue share"},
    )
    assert 21.4 not in found


def test_the_earlier_figure_a_share_changed_from_has_its_own_year() -> None:
    found = _shares(
        "ML Engineer Remote Report\n\nThe share of ML engineers working fully remote fell to "
        "24% in 2025 from 35% in 2022."
    )
    assert (found[24.0][0], found[24.0][2]) == ("machine learning engineer", 2025)
    assert (found[35.0][0], found[35.0][2]) == ("machine learning engineer", 2022)


def test_a_percent_lead_makes_an_inline_list_shares_and_the_next_line_is_not_its_whole() -> None:
    found = _shares(
        "ML Engineer Job Postings 2025\n\nMost requested skills (% of postings): Python (78%), "
        "SQL (52%), Docker (33%).\n\nTop frameworks in job postings were PyTorch (61%) and JAX "
        "(9%)."
    )
    assert (found[78.0][0], found[52.0][0], found[33.0][0]) == ("python", "sql", "docker")
    assert found[33.0][1] == {"category": "posting", "dimension": "skill"}
    assert 9.0 not in found, "no whole is named in the figure's own sentence"


def _read(text: str) -> dict[float, tuple[str, object]]:
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    return {c.value: (c.subject, c.qualifiers.get("category")) for c in shares.extract(doc)}


def test_list_items_of_a_label_of_people_and_its_figure_either_way_round() -> None:
    role = "machine learning engineer"
    found = _read("# Machine learning engineers at work\n\n- Remote 38%\n- 45% hybrid\n")
    assert found == {38.0: (role, "Remote"), 45.0: (role, "hybrid")}
    assert _read("# Machine learning engineers\n\n- Pay rise 5%\n- 20% off\n") == {}
    inline = _read("# Pay\n\nMachine learning engineers: 38% remote, 45% hybrid, 17% on-site.\n")
    assert inline == {38.0: (role, "remote"), 45.0: (role, "hybrid"), 17.0: (role, "on-site")}


def test_figures_set_beside_a_share_take_the_label_after_them() -> None:
    found = _read(
        "# Machine learning engineers\n\nOf the 1,200 engineers surveyed, 38% work remotely, "
        "45% hybrid and 17% on-site.\n"
    )
    assert {v: part for v, (_, part) in found.items()} == {
        38.0: "remotely",
        45.0: "hybrid",
        17.0: "on-site",
    }


def test_a_label_set_beside_a_share_may_hold_an_abbreviation() -> None:
    found = _read(
        "# Machine learning engineers\n\nAmong respondents, 46% hold a master's degree, "
        "21% a PhD and 33% a bachelor's degree.\n"
    )
    assert {v: part for v, (_, part) in found.items()} == {
        46.0: "master's degree",  # what they hold, not the verb
        21.0: "PhD",
        33.0: "bachelor's degree",
    }
    # a capitalised word after a figure names the next thing, not a label's word
    assert 9.0 not in _read("# ML engineers\n\nOf them, 41% work remotely, 9% Google.\n")


def test_the_level_a_share_changes_to_is_the_same_part_later() -> None:
    doc = build_document(
        source_id="t",
        text="The share of postings requiring MLOps experience rose from 12% in 2022 to 27% "
        "in 2025.",
        media_type="text/plain",
    )
    found = {c.value: (c.subject, c.year, c.qualifiers) for c in shares.extract(doc)}
    part = {"category": "posting", "dimension": "skill"}
    assert found == {12.0: ("mlops", 2022, part), 27.0: ("mlops", 2025, part)}


def test_a_figure_then_a_label_naming_its_whole_and_a_fraction_in_parentheses() -> None:
    found = _read(
        "# AI survey\n\n- 81%: Percentage of engineering leaders who say they ship models\n"
        "- About 62% of respondents use AI daily, while nearly a third (31%) said weekly.\n"
    )
    assert found[81.0][0] == "engineering leader"
    assert (found[62.0][0], found[31.0][0]) == ("respondent", "respondent")


def test_market_parts_given_at_a_figure_or_with_a_possessive_share() -> None:
    market = "global machine learning market"
    lead = "# Machine Learning Market\n\nThe global machine learning market was USD 40 billion. "
    found = _read(lead + "Revenue is uneven, with North America at 38% and Europe at 27%.\n")
    assert found == {38.0: (market, "North America"), 27.0: (market, "Europe")}
    assert _read(lead + "Europe's share stood at 26% in 2025.\n") == {26.0: (market, "Europe")}
    assert _read(lead + "By region, North America (38.2%) led, followed by Europe (27.4%).\n") == {
        38.2: (market, "North America"),
        27.4: (market, "Europe"),
    }
    assert _read(lead + "It will grow 20% a year, with Asia Pacific at 25%.\n") == {}


def test_a_part_without_its_whole_divides_the_people_named_before_in_the_paragraph() -> None:
    found = _read(
        "# Workforce profile\n\nWomen make up 21% of machine learning engineers in Ireland. "
        "Men account for 77%, and 2% describe themselves as non-binary.\n"
    )
    assert {v: subject for v, (subject, _) in found.items()} == dict.fromkeys(
        (21.0, 77.0, 2.0), "machine learning engineer"
    )


def test_a_label_that_calls_itself_a_part_and_a_fraction_of_a_whole_restated() -> None:
    lead = "# Computer Vision Market\n\nThe global computer vision market was USD 20 billion.\n\n"
    found = _read(lead + "- Hardware segment: 38.2% (2025)\n- Software segment: 44.1%\n")
    assert set(found) == {38.2, 44.1}
    assert _read(lead + "- Segment growth: 12.5%\n") == {}
    found = _read(lead + "Large enterprises contributed more than half of revenue (54.3%).\n")
    assert found == {54.3: ("computer vision market", "Large enterprises")}


def test_a_count_of_the_whole_between_of_and_its_noun() -> None:
    found = _read("# Pay\n\n- 58% of the 380 employers we asked plan to raise AI headcount.\n")
    assert found[58.0][0] == "employer"


def test_parts_in_parentheses_of_a_whole_said_to_be_made_of_them() -> None:
    found = _read(
        "# Survey\n\nThe sample was made up mostly of machine learning engineers (31%), data "
        "scientists (27%) and software engineers (9%).\n\nNearly half of the sample (46%) "
        "said they work as individual contributors.\n"
    )
    assert found == {
        31.0: ("respondent", "machine learning engineers"),
        27.0: ("respondent", "data scientists"),
        9.0: ("respondent", "software engineers"),
        46.0: ("respondent", "said they work as individual contributors"),
    }


def test_shares_written_in_words_are_read_as_percentages_of_their_whole() -> None:
    doc = _doc(
        "Two-thirds of respondents say they plan to change jobs. One in four engineers now "
        "works fully remotely. Three out of five respondents use notebooks daily. A quarter of "
        "the companies we surveyed have no platform team. Forty-five percent of developers "
        "review code daily. Of the respondents, over a fifth were students.",
        title="Machine Learning Engineer Survey",
    )
    found = {(c.value, c.subject): c for c in shares.extract(doc)}
    assert set(found) == {
        (66.7, "respondent"),
        (25.0, "machine learning engineer"),
        (60.0, "respondent"),
        (25.0, "company"),
        (45.0, "developer"),
        (20.0, "respondent"),
    }
    remote = found[(25.0, "machine learning engineer")]
    assert remote.qualifiers["dimension"] == "work arrangement"
    assert doc.text[remote.figure_start : remote.figure_end] == "One in four"
    assert "One in four" in doc.text[remote.char_start : remote.char_end]


def test_shares_in_words_with_digits_or_number_words_on_either_side_are_read() -> None:
    # each written form is looked for only where its words (or digits) are: none may be lost
    text = (
        "Some 3 in 10 engineers code daily; one in 10 teams ships weekly; 2 out of 5 use Rust. "
        "Sixty per cent agree, forty per-cent do not, and a fifth are unsure. Two-thirds quit."
    )
    found = [(text[a.start : a.end], a.value) for a in word_shares(text, 0, len(text))]
    assert found == [
        ("3 in 10", 30.0),
        ("one in 10", 10.0),
        ("2 out of 5", 40.0),
        ("Sixty per cent", 60.0),
        ("forty per-cent", 40.0),
        ("a fifth", 20.0),
        ("Two-thirds", 66.7),
    ]
    assert word_shares("The 3 in-house teams and one team in 2024 grew.", 0, 47) == []


def test_a_fraction_restated_by_its_figure_gives_one_claim() -> None:
    found = _shares(
        "Nearly half (47%) of ML engineers work remotely. Just over half of respondents (53%) "
        "use notebooks. 35%, or about a third, of respondents prefer hybrid work."
    )
    assert {47.0, 53.0} <= set(found)
    assert not {50.0, 33.3} & set(found)


def test_fractions_of_periods_quantities_and_anecdotes_are_not_shares() -> None:
    found = _shares(
        "In the first half of 2025, hiring slowed. The market added half a million users. "
        "In my last job 3 in 5 engineers came from physics. A third party audits the models. "
        "Most postings ask for Python, and about half want C++ as well."
    )
    assert found == {}


def test_a_survey_breakdown_in_one_sentence_divides_the_people_the_survey_asked() -> None:
    found = _shares(
        "This year 3,150 practitioners answered our survey.\n\n"
        "Of those surveyed, 41% work at large companies, 33% at mid-sized firms and 26% at "
        "startups. Respondents were overwhelmingly male (78%).\n\nBy education level, 46% hold a "
        "master's degree, 31% a bachelor's degree and 14% a doctorate. Nine in ten teams track "
        "a fairness metric."
    )
    assert found[33.0][:2] == ("respondent", {"category": "at mid-sized firms"})
    assert found[26.0][1]["category"] == "at startups"
    assert found[78.0][:2] == ("respondent", {"category": "male", "dimension": "gender"})
    assert found[46.0][0] == "respondent"  # the people the paragraph above divides
    assert found[31.0][:2] == (
        "respondent",
        {"category": "bachelor's degree", "dimension": "education level"},
    )
    assert found[14.0][1]["category"] == "doctorate"
    assert found[90.0][0] == "team"


def test_a_bare_share_with_no_role_nearby_divides_the_people_the_survey_asked() -> None:
    found = _shares(
        "This year 3,150 practitioners answered our survey.\n\n"
        "By education level, 46% hold a master's degree and 14% a doctorate."
    )
    assert (found[46.0][0], found[14.0][0]) == ("practitioner", "practitioner")


def test_a_share_that_changed_from_one_level_to_another_gives_both_levels() -> None:
    found = _shares(
        "ML job ads in 2025\n\nThe share of ML postings requiring a PhD fell from 30% to 20% "
        "since 2020."
    )
    assert found[30.0][0] == found[20.0][0] == "machine learning job posting"
    assert found[30.0][1]["category"] == "requiring a PhD"
    assert (found[30.0][2], found[20.0][2]) == (2020, None)


def test_a_share_of_people_who_use_one_skill_is_that_skills_share_of_them() -> None:
    found = _shares(
        "87% of respondents use Python at work, while 42% use SQL. PyTorch is used by 64% of "
        "respondents, ahead of TensorFlow at 29%. 55% of respondents work remotely."
    )
    assert found[87.0][:2] == ("python", {"category": "respondent", "dimension": "skill"})
    assert found[42.0][0] == "sql"
    assert found[64.0][:2] == ("pytorch", {"category": "respondent", "dimension": "skill"})
    assert found[29.0][0] == "tensorflow"
    assert found[55.0][0] != "python"
    restated = _shares("Most respondents use Python, and nearly half (47%) also use SQL weekly.")
    assert restated[47.0][:2] == ("sql", {"category": "respondent", "dimension": "skill"})
    named = _shares("Python was cited by 91% of ML engineers in the poll.")
    assert named[91.0][:2] == (
        "python",
        {"category": "machine learning engineer", "dimension": "skill"},
    )


def test_a_list_under_a_breakdown_heading_divides_the_people_of_a_survey_page() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "# Machine Learning Engineer Survey 2025\n\nWe surveyed 1,840 machine learning "
            "engineers.\n\n## Industry\n\n- Financial services – 18%\n- Retail – 9%\n"
        ),
        media_type="text/markdown",
    )
    found = {c.value: (c.subject, c.qualifiers) for c in lists.extract(doc)}
    assert found[18.0] == (
        "machine learning engineer",
        {"category": "Financial services", "dimension": "industry"},
    )
    assert found[9.0][1]["category"] == "Retail"


def test_the_remaining_share_divides_the_whole_of_the_share_before_it() -> None:
    found = _shares(
        "Men make up 74% of respondents, women 23% and the remaining 3% described "
        "themselves differently."
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        74.0: "respondent",
        23.0: "respondent",
        3.0: "respondent",
    }


def test_a_percent_column_that_names_no_whole_divides_the_people_surveyed() -> None:
    page = (
        "<h1>Enterprise AI adoption report 2025</h1>"
        "<p>We polled 620 technology leaders at large companies.</p>"
        "<h2>Primary use case</h2><table><tr><th>Use case</th><th>%</th></tr>"
        "<tr><td>Customer support automation</td><td>31</td></tr>"
        "<tr><td>Fraud detection</td><td>24</td></tr></table>"
        "<h2>Company size</h2><table><tr><th>Employees</th><th>Respondents</th></tr>"
        "<tr><td>1,000–4,999</td><td>38%</td></tr><tr><td>5,000+</td><td>62%</td></tr></table>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    claims, _ = extract_claims(doc)
    found = {c.value: (c.subject, c.qualifiers["category"]) for c in claims if c.kind == "share"}
    assert found == {
        31.0: ("technology leader", "Customer support automation"),
        24.0: ("technology leader", "Fraud detection"),
        38.0: ("respondent", "1,000–4,999"),
        62.0: ("respondent", "5,000+"),
    }


def test_the_rest_of_a_market_and_a_part_that_follows_with_its_figure() -> None:
    found = _shares(
        "Speech recognition market\n\n"
        "By end use, healthcare accounted for 27.5% of the speech recognition market in 2024. "
        "Consumer electronics followed with 22.1%, and the remaining 50.4% was split among "
        "automotive, banking and retail."
    )
    market = "speech recognition market"
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        27.5: market,
        22.1: market,
        50.4: market,
    }
    assert found[50.4][1]["category"] == "remaining"


def test_a_tool_ranked_by_its_users_is_that_skills_share_of_the_people_asked() -> None:
    found = _shares(
        "Developer survey 2025\n\n"
        "Python remains the most used language at 87%, followed by SQL at 52%."
    )
    assert {value: (subject, q["dimension"]) for value, (subject, q, _) in found.items()} == {
        87.0: ("python", "skill"),
        52.0: ("sql", "skill"),
    }


@pytest.mark.parametrize(
    "said",
    [
        "Software held the largest share, with 38.2%.",
        "Software held the largest share of the regional market, 38.2%, in 2025.",
    ],
)
def test_a_share_noun_then_a_comma_and_with_before_the_figure(said: str) -> None:
    """The figure set off after the share it states: after ', with' or a bare comma."""
    found = _shares(f"AI market\n\nThe global AI market is valued at $196.6 billion. {said}")
    assert found[38.2][0].endswith("artificial intelligence market")


def test_a_figure_after_a_bare_comma_and_a_change_is_no_share() -> None:
    text = (
        "AI market\n\nThe global AI market is valued at $196.6 billion. The share of revenue "
        "from software grew steadily, 18% a year over the period."
    )
    assert 18.0 not in _shares(text)


def test_a_bare_share_after_a_share_of_named_people_divides_the_same_people() -> None:
    found = _shares("12.7% of full-time employees work from home, while 28.2% work hybrid.")
    assert found[12.7][0] == found[28.2][0] == "full time employee"
    tools = _shares(
        "Developer survey\n\nWe surveyed 900 developers. "
        "87% use Python at work, while 42% use SQL and 23% use Rust."
    )
    assert {value: subject for value, (subject, _, _) in tools.items()} == {
        87.0: "python",
        42.0: "sql",
        23.0: "rust",
    }


def test_parts_that_follow_a_share_with_their_figures_in_parentheses() -> None:
    found = _shares(
        "Work models 2024\n\nThe most popular work model is a hybrid model, which is preferred "
        "by 41% of employees. This is followed by the fully remote work model (32%), and, "
        "finally, on-site work (27%)."
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        41.0: "employee",
        32.0: "employee",
        27.0: "employee",
    }
    assert found[27.0][1]["category"] == "on-site work"


def test_market_share_whole_is_never_a_superlative_or_a_research_firm() -> None:
    # 'the highest market share' names no 'highest market'; 'Halvorsen Market Insights' is the
    # firm credited, not a market: both shares divide the market the release is about.
    found = _shares(
        "Computer Vision Market Report 2025\n\n"
        "The computer vision market was valued at USD 19.2 billion in 2025, says a study by "
        "Halvorsen Market Insights. Analysts at Halvorsen Market Insights expect growth.\n\n"
        "By component, the hardware segment contributed the highest market share of 48.5% in "
        "2025.\n\nBy region, North America held the largest share at 39%, followed by Europe at "
        "26%.\n"
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        48.5: "computer vision market",
        39.0: "computer vision market",
        26.0: "computer vision market",
    }
    assert found[48.5][1]["category"] == "hardware"


def test_discourse_label_or_article_is_no_part() -> None:
    # 'Overall: 62% of the market', 'Note: 12% of revenue', 'Summary: a 41.2% share'.
    found = _shares(
        "The Machine Learning Market 2025\n\nThe machine learning market reached $40 billion in "
        "2025.\n\nNorth America: 38% of revenue.\n\nOverall: 62% of the market.\n\n"
        "Note: 12% of revenue.\n\nSummary: a 41.2% share.\n"
    )
    assert found[38.0][1]["category"] == "North America"
    for value in (62.0, 12.0, 41.2):
        assert found[value][0] == "machine learning market"
        assert "category" not in found[value][1]


def test_long_run_of_label_sentences_is_read_once_each() -> None:
    # Each label sentence takes its whole from the one before it: 1,200 of them in one block
    # are all read (the chain once went back through the whole run for each, recursively, and
    # past Python's recursion limit lost them).
    letters = "bcdfghjklmnpqrstvwxz"
    labels = [f"Zone {a}{b}{c}" for a in letters for b in letters for c in "kqxz"][:1200]
    run = " ".join(f"{label}: {index % 90 + 1}%." for index, label in enumerate(labels))
    doc = _doc(
        "Machine Learning Market 2025\n\nThe machine learning market reached $40 billion in "
        f"2025.\n\nNorth America: 42.3% of revenue in 2025. {run}\n"
    )
    claims = shares.extract(doc)
    assert len(claims) == 1201
    assert {c.subject for c in claims} == {"machine learning market"}
    assert claims[-1].qualifiers["category"] == labels[-1]


def test_list_labels_in_bold_are_labels() -> None:
    # '**Remote:** 38%' under '## Work arrangement' reads like 'Remote: 38%'.
    doc = build_document(
        source_id="t",
        text=(
            "# State of ML Engineering 2025\n\nWe surveyed 2,300 machine learning engineers.\n\n"
            "## Work arrangement\n\n**Remote:** 38%\n**Hybrid:** 45%\n**On-site** – 17%\n"
        ),
        media_type="text/markdown",
    )
    found = {c.value: (c.subject, c.qualifiers) for c in lists.extract(doc)}
    role = "machine learning engineer"
    assert found == {
        38.0: (role, {"category": "Remote", "dimension": "work arrangement"}),
        45.0: (role, {"category": "Hybrid", "dimension": "work arrangement"}),
        17.0: (role, {"category": "On-site", "dimension": "work arrangement"}),
    }


def test_a_market_abbreviation_the_page_defines_is_spelled_out() -> None:
    found = _shares(
        "Speech Analytics (SA) Market Worth $9.3 Billion by 2031\n\n"
        "The speech analytics market is estimated at USD 3.4 billion in 2025.\n\n"
        "Banks accounted for 41.5% of SA revenue in 2025.\n"
    )
    assert found[41.5][:2] == ("speech analytics market", {"category": "Banks"})


def test_a_part_with_no_whole_divides_the_whole_before_it() -> None:
    # 'juniors make up 20%' after 'Senior engineers make up 35% of ML teams' is 20% of ML teams,
    # not of the market the page is about.
    found = _shares(
        "Machine Learning Market and Teams 2025\n\nThe machine learning market was worth $79 "
        "billion in 2024.\n\nSenior engineers make up 35% of ML teams, while juniors make up "
        "20%.\n"
    )
    assert found[35.0][0] == found[20.0][0] == "machine learning team"
    assert found[20.0][1]["experience_level"] == "junior"


def test_what_people_would_do_is_no_forecast_but_what_will_happen_is() -> None:
    found = _shares(
        "Machine learning engineers\n\n82% of ML engineers would recommend the job to a friend. "
        "By 2030, 60% of ML engineers will work in hybrid teams."
    )
    assert "forecast" not in found[82.0][1]
    assert found[60.0][1].get("forecast") is True


def test_the_rest_of_a_whole_named_before_the_remaining_is_its_category() -> None:
    found = _shares(
        "Large enterprises held 63% of MLOps market revenue in 2024; small and medium "
        "enterprises the remaining 37%.\n\n"
        "Cloud deployments took 58% of the AI platform market, and the remaining 42% was "
        "on premises.\n"
    )
    assert found[37.0][1]["category"] == "small and medium enterprises"
    assert found[42.0][1]["category"] == "remaining"


def test_a_list_item_of_a_skill_and_its_percentage_is_its_share_of_what_the_heading_counts() -> (
    None
):
    doc = build_document(
        source_id="t",
        text=(
            "# ML survey 2025\n\n## Most-used ML frameworks (share of respondents)\n\n"
            "1. PyTorch — 78%\n2. scikit-learn — 64%\n\n## Tools in ML job ads (% of postings)\n\n"
            "- Docker: 61%\n\n## Perks\n\n- Remote — 40%\n- Python training — 12%\n"
        ),
        media_type="text/markdown",
    )
    found = {(c.subject, c.value, c.qualifiers.get("category")) for c in shares.extract(doc)}
    assert found == {
        ("pytorch", 78.0, "respondent"),
        ("scikit-learn", 64.0, "respondent"),
        ("docker", 61.0, "posting"),
    }


def test_a_skills_list_whose_heading_names_no_whole_divides_the_postings_a_page_counts() -> None:
    page = (
        "# Remote ML jobs: 2025 stats\n\nAll figures cover ML engineer listings posted on our "
        "board in 2025.\n\n## Most requested skills\n\n- Python 88%\n- Kubernetes 36%\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = {(c.subject, c.value, c.qualifiers.get("category")) for c in shares.extract(doc)}
    assert found == {("python", 88.0, "listing"), ("kubernetes", 36.0, "listing")}
    # a page that counts nothing names no whole: the percentages stay unread
    bare = build_document(
        source_id="t", text=page.replace("listings posted", "news"), media_type="text/markdown"
    )
    assert shares.extract(bare) == []


def test_the_kind_a_skill_leads_is_no_second_skill() -> None:
    """'AWS leads the cloud platforms (41% of postings)': the platforms are what AWS is ranked
    among, so the share is AWS's, and the parts after it are theirs."""
    found = _shares(
        "# Skills in demand\n\nAWS leads the cloud platforms (41% of postings), followed by "
        "Azure (23%) and Google Cloud (18%).\n"
    )
    assert {v: (s, q.get("category")) for v, (s, q, _) in found.items()} == {
        41.0: ("aws", "posting"),
        23.0: ("azure", "posting"),
        18.0: ("gcp", "posting"),
    }


def test_parts_that_follow_a_share_divide_its_whole_not_the_page_s_market() -> None:
    """On a market newsletter, 'Finance led ML engineer hiring with 21% of postings, followed
    by healthcare (14%) and retail (11%)': the parts that follow are of the same postings."""
    found = _shares(
        "# The ML market in numbers\n\nThe global machine learning market reached $93 billion "
        "in 2025.\n\nFinance led machine learning engineer hiring in 2025 with 21% of postings, "
        "followed by healthcare (14%) and retail (11%).\n"
    )
    assert {v: s for v, (s, _, _) in found.items()} == {
        21.0: "machine learning engineer",
        14.0: "machine learning engineer",
        11.0: "machine learning engineer",
    }


def test_a_note_that_totals_exceed_100_percent_is_no_share() -> None:
    page = (
        "# State of MLOps 2026\n\nAll results: survey of 2,486 practitioners.\n\n## Tools\n\n"
        "Multiple answers allowed, so totals exceed 100%.\n\nFigure 4. Tools used (share of "
        "respondents)\n\n- Docker | 74%\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert 100.0 not in {c.value for c in extract_claims(doc)[0]}


def test_job_specs_are_postings_a_skill_share_divides() -> None:
    found = _shares("Python was in 88% of the job specs we saw.")
    assert found[88.0][0] == "python"
    assert found[88.0][1]["category"] == "job spec"


def test_a_round_up_item_s_number_is_no_part_of_its_category() -> None:
    doc = build_document(
        source_id="t",
        text="**13.** Women held 22% of AI engineering roles worldwide in 2025.\n",
        media_type="text/markdown",
    )
    [claim] = shares.extract(doc)
    assert claim.qualifiers["category"] == "Women"


def test_a_share_set_off_after_its_noun_by_a_comma_or_bracket() -> None:
    for text in (
        "MLOps market report. North America captured the largest share, 41.7%, in 2024.",
        "MLOps market report. North America captured the largest share (41.7%) in 2024.",
    ):
        found = _shares(text)
        assert found[41.7][1]["category"] == "North America", text


def test_the_later_level_of_a_share_that_changes_from_a_share_noun() -> None:
    found = _shares(
        "Conversational AI market outlook. On-premise deployment is estimated to lose ground, "
        "slipping from a 34.0% share in 2025 to 22.5% by 2034."
    )
    assert (found[34.0][1]["category"], found[34.0][2]) == ("On-premise deployment", 2025)
    assert (found[22.5][1]["category"], found[22.5][2]) == ("On-premise deployment", 2034)


def test_a_heading_of_a_skill_and_its_share_of_ads_after_a_dash() -> None:
    doc = build_document(
        source_id="t",
        text="# Top skills\n\n## 1. Python — 79% of ads\n\nStill the default.\n",
        media_type="text/markdown",
    )
    [claim] = shares.extract(doc)
    assert (claim.subject, claim.value, claim.qualifiers["dimension"]) == ("python", 79.0, "skill")


def test_a_countdown_of_headings_states_what_its_shares_divide_once_in_its_first() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "# The most requested data skills of 2026\n\n"
            "## 1. Scala — 62% of adverts\n\nStill the pipeline language.\n\n"
            "## 2. Airflow — 44%\n\nSchedulers everywhere.\n\n"
            "## 3. Kafka — 31%\n\nStreams, mostly.\n"
        ),
        media_type="text/markdown",
    )
    found = {(c.subject, c.value, c.qualifiers["category"]) for c in shares.extract(doc)}
    assert found == {
        ("scala", 62.0, "advert"),
        ("airflow", 44.0, "advert"),
        ("kafka", 31.0, "advert"),
    }


def test_a_sentence_opening_by_contrast_names_no_breakdown() -> None:
    found = _shares(
        "Data engineer pay review. Pay for data engineers rose 5.5% last year. By comparison, "
        "wages for statisticians grew 1.8% over the same period."
    )
    assert 1.8 not in found


def test_remote_postings_on_a_page_titled_by_the_roles_field_are_the_roles() -> None:
    doc = build_document(
        source_id="t",
        text=(
            "# Deep Learning Hiring Report, 2025\n\n"
            "Employers advertised 3,100 deep learning engineer jobs this year. Fully remote "
            "postings made up 14% of them.\n"
        ),
        media_type="text/markdown",
    )
    [claim] = shares.extract(doc)
    assert (claim.subject, claim.value) == ("deep learning engineer", 14.0)


def test_a_part_set_beside_a_share_after_a_semicolon() -> None:
    found = _shares(
        "BFSI was the largest end-use vertical of the AutoML market in 2025 with a 22.4% share; "
        "healthcare followed at 16.1%."
    )
    assert found[16.1][1]["category"] == "healthcare"


def test_a_ranked_skill_item_on_a_survey_page_is_its_share_of_those_asked() -> None:
    doc = _doc(
        "ML Engineering in Practice\n\nSample: 4,286 respondents, surveyed in July 2025.\n\n"
        "## Cloud platforms, ranked\n\n- #1 AWS — 54%\n- #2 GCP — 27%\n"
    )
    claims, _ = extract_claims(doc)
    found = {
        c.value: (c.subject, c.qualifiers.get("category")) for c in claims if c.kind == "share"
    }
    assert found == {54.0: ("aws", "respondent"), 27.0: ("gcp", "respondent")}


def test_a_percent_caption_over_a_share_header_names_the_measure_once() -> None:
    doc = _doc(
        "AI Market Report\n\nShare of revenue by component, 2025\n\n"
        "| Component | Share (%) |\n|---|---|\n| Software | 63.4 |\n| Services | 36.6 |\n"
    )
    claims, _ = extract_claims(doc)
    assert {c.qualifiers["measure"] for c in claims if c.kind == "share"} == {"Share (%)"}


def test_a_share_of_ads_in_a_ranked_skills_description_is_that_skills() -> None:
    doc = _doc(
        "# The 5 AI Skills Employers Asked For Most in 2026\n\n"
        "We ranked the skills by the share of ads naming each one.\n\n"
        "## 1. Python — 79% of ads\n\nStill the default.\n\n"
        "## 2. Large language models — 41% of ads\n\nUp from 22% of ads in 2025.\n"
    )
    claims, _ = extract_claims(doc)
    found = {c.value: (c.subject, c.year) for c in claims if c.kind == "share"}
    assert found[22.0] == ("large language models", 2025)


def test_a_markets_rows_named_by_skills_stay_its_parts_and_counts_stay_counts() -> None:
    doc = _doc(
        "# Global AI Market Report 2026\n\nThe global AI market reached USD 200 billion in "
        "2025.\n\nShare of revenue by technology, 2025\n\n| Technology | Share of revenue (%) |"
        "\n|---|---|\n| Natural language processing | 24.6 |\n| Computer vision | 19.3 |\n\n"
        "Share of respondents by country\n\n| Country | Respondents | Share |\n|---|---|---|\n"
        "| United States | 412 | 41.2% |\n| India | 300 | 30.0% |\n"
    )
    claims, _ = extract_claims(doc)
    found = {c.value: (c.kind, c.subject) for c in claims if c.kind in ("share", "count")}
    assert found[24.6] == ("share", "global artificial intelligence market")
    assert found[412.0][0] == "count"


def test_a_year_or_quarter_that_dates_the_postings_does_not_end_the_whole() -> None:
    found = _shares("UK ML skills\n\n27% of the Q4 2025 ads mention large language models.")
    assert found[27.0][0] == "large language models"


def test_items_saying_where_a_skill_appeared_under_a_lead_in_naming_the_adverts() -> None:
    page = (
        "# Data engineer contract rates\n\nOf the 540 contract adverts:\n\n"
        "- Spark appeared in 61%\n- Airflow in 44%\n- dbt was listed in 23%\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {("spark", 61.0), ("airflow", 44.0), ("dbt", 23.0)}


def test_skills_named_before_their_shares_after_a_skill_share_of_the_ads() -> None:
    text = (
        "Python was required in 81.2% of ads. SQL came next at 44.5%, followed by Java (16.1%) "
        "and Scala (5.3%). Docker appeared in 36% and Kubernetes in 31%, while 12% use Rust."
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/plain"))[0]
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert {
        ("sql", 44.5),
        ("java", 16.1),
        ("scala", 5.3),
        ("docker", 36.0),
        ("kubernetes", 31.0),
    } <= shares
    assert ("kubernetes", 12.0) not in shares  # '12% use Rust': the skill after it is its own


def test_an_opener_naming_a_subgroup_of_the_ads_leaves_the_skill_alone() -> None:
    text = (
        "Among computer vision roles, OpenCV was named in 41% of ads. Among NLP roles, spaCy "
        "appeared in 22%."
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/plain"))[0]
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {("opencv", 41.0), ("spacy", 22.0)}


def test_a_change_after_a_skill_is_no_share_of_the_ads() -> None:
    text = (
        "Python was required in 87% of the ads we read. Demand for AWS grew 12% over the "
        "year, and Docker salaries rose 5%."
    )
    claims = extract_claims(build_document(source_id="s", text=text, media_type="text/plain"))[0]
    assert {c.subject for c in claims if c.kind == "share"} == {"python"}


def test_a_share_of_them_is_a_share_of_the_postings_named_before() -> None:
    found = _shares(
        "We read 5,200 job ads for ML engineers. PyTorch appeared in 74% of them, and "
        "TensorFlow in 40%."
    )
    assert {value: (subject, q["dimension"]) for value, (subject, q, _) in found.items()} == {
        74.0: ("pytorch", "skill"),
        40.0: ("tensorflow", "skill"),
    }


def test_a_skill_named_in_a_share_of_the_postings_named_before_is_its_share() -> None:
    found = _shares(
        "Of the 2,150 job ads, Python appeared in 88%, SQL in 57% and AWS in 41%.\n\n"
        "Docker was named in 35% of postings.\n\nPyTorch was named in 33% and JAX in 4%."
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        88.0: "python",
        57.0: "sql",
        41.0: "aws",
        35.0: "docker",
        33.0: "pytorch",
        4.0: "jax",
    }


def test_a_tool_ranked_by_its_users_with_its_share_in_brackets_is_its_share() -> None:
    found = _shares(
        "AWS is the most common cloud among respondents (46%), with GCP second at 28% and "
        "Azure third at 24%."
    )
    assert {value: (subject, q["dimension"]) for value, (subject, q, _) in found.items()} == {
        46.0: ("aws", "skill"),
        28.0: ("gcp", "skill"),
        24.0: ("azure", "skill"),
    }


def test_a_share_of_them_counts_the_people_named_first_before_it() -> None:
    doc = _doc(
        "# ML engineer statistics\n\n1. We surveyed 1,150 hiring managers at companies with an "
        "ML team.\n\n2. 62% of them said ML engineers were harder to hire.\n\nThere were 1,870 "
        "ML engineer job ads. New South Wales accounted for 44% of those ads.\n"
    )
    found = {c.value: c.subject for c in shares.extract(doc)}
    # 'them' is no whole of its own ('them said ML engineers'); 'those ads' is one
    assert found[62.0] == "hiring manager"
    assert 44.0 in found


def test_a_list_under_years_of_ml_experience_divides_the_page_s_role() -> None:
    doc = _doc(
        "# ML engineer survey 2025\n\n## Years of ML experience\n\n- Less than 2 years: 21%\n"
        "- 2–5 years: 43%\n"
    )
    claims = [c for c in extract_claims(doc)[0] if c.kind == "share"]
    assert {c.value: (c.subject, c.qualifiers["dimension"]) for c in claims} == {
        21.0: ("machine learning engineer", "years of experience"),
        43.0: ("machine learning engineer", "years of experience"),
    }


def test_the_remaining_part_takes_its_own_level_not_the_one_before() -> None:
    found = _shares(
        "Senior roles made up 44% of ads, mid-level roles 38% and junior roles the remaining 18%."
    )
    assert {v: q.get("experience_level") for v, (_, q, _) in found.items()} == {
        44.0: "senior",
        38.0: "mid",
        18.0: "junior",
    }


def test_a_signed_percentage_beside_a_city_s_pay_is_no_share() -> None:
    """'$162,000 +8%' on a city's card is a change against the national figure, and 'the
    Canberra market' a city's job market, not a product market the page is about."""
    page = (
        "<html><body><h1>ML engineer pay in Australia</h1>"
        "<p>Against a national midpoint of $150,000, the capitals compare:</p>"
        "<div class='hub'><strong>Sydney</strong><br>$162,000 <span>+8%</span></div>"
        "<div class='hub'><strong>Hobart</strong><br>$136,500 <span>−9%</span></div>"
        "<p>Without a clearance, the Canberra market looks much like Melbourne's.</p>"
        "<ul><li>Working full-time: 92%</li><li>Women in the role: 21%</li></ul>"
        "</body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    found = {(c.subject, c.value) for c in extract_claims(doc)[0] if c.kind == "share"}
    assert found == {("machine learning engineer", 92.0), ("machine learning engineer", 21.0)}


def test_contractors_and_permanent_staff_are_parts_of_an_employment_type_breakdown() -> None:
    found = _shares(
        "# ML engineer listings in 2025\n\n## Contract type\n\n"
        "Full-time employment: 71% · Contractor: 29%\n\nPermanent: 64% · Fixed-term: 36%\n"
    )
    parts = {v: (q["category"], q["dimension"]) for v, (_, q, _) in found.items()}
    assert parts == {
        71.0: ("full-time", "employment type"),
        29.0: ("contractor", "employment type"),
        64.0: ("permanent", "employment type"),
        36.0: ("fixed-term", "employment type"),
    }


def test_a_work_arrangement_share_of_a_roles_postings_is_the_roles_with_the_postings_counted() -> (
    None
):
    found = _shares(
        "# ML engineer statistics\n\n"
        "In 2025, 21% of ML engineer postings were fully remote, down from 29% in 2022.\n\n"
        "About one in five ML engineer job ads (19%) in 2024 were fully remote.\n"
    )
    arrangement = {"category": "fully remote", "dimension": "work arrangement"}
    assert found[21.0] == (
        "machine learning engineer",
        {**arrangement, "population": "postings"},
        2025,
    )
    assert found[29.0] == (
        "machine learning engineer",
        {**arrangement, "population": "postings"},
        2022,
    )
    assert found[19.0] == (
        "machine learning engineer",
        {**arrangement, "population": "job ads"},
        2024,
    )


def test_figures_before_names_after_a_skills_share_share_its_whole() -> None:
    found = _shares(
        "# ML engineer statistics\n\n44% of postings mentioned AWS, 27% Azure and 22% GCP.\n"
    )
    postings = {"category": "posting", "dimension": "skill"}
    assert {value: found[value][:2] for value in found} == {
        44.0: ("aws", postings),
        27.0: ("azure", postings),
        22.0: ("gcp", postings),
    }


def test_a_tool_or_another_of_its_kind_is_the_tools_share() -> None:
    found = _shares("# ML survey\n\n52% of respondents use MLflow or another experiment tracker.\n")
    assert found[52.0][:2] == ("mlflow", {"category": "respondent", "dimension": "skill"})


def test_skill_items_under_a_lead_in_that_counts_vacancies_are_shares_of_them() -> None:
    text = (
        "Skills asked for\n\nIn the 1,240 vacancies we counted, Python was required in 88%. "
        "Other frequent requirements:\n\n- PyTorch (46%)\n"
        "- Azure (39%) – by far the most common cloud here\n"
    )
    claims = {c.value: c for c in shares.extract(_doc(text))}
    assert (claims[46.0].subject, claims[39.0].subject) == ("pytorch", "azure")
    assert claims[39.0].qualifiers == {"category": "vacancy", "dimension": "skill"}


def test_parts_of_the_whole_the_sentence_before_divides_are_its_shares() -> None:
    found = _shares(
        "ML engineer statistics\n\n21% of ML engineer postings in 2025 were fully remote.\n\n"
        "Hybrid roles made up 48% and on-site roles 31% that year.\n"
    )
    assert {value: found[value][1]["category"] for value in found} == {
        21.0: "fully remote",
        48.0: "Hybrid roles",
        31.0: "on-site roles",
    }
    assert found[48.0][0] == "machine learning engineer"


def test_the_most_common_answer_and_those_after_it_are_shares_of_the_people_asked() -> None:
    text = (
        "State of ML Engineering 2025: Survey Results\n\n"
        "This year 4,870 people who build ML systems answered our survey.\n\n"
        "Docker was the most common answer (81%), followed by Kubernetes (58%) and MLflow (41%).\n"
    )
    found = _shares(text)
    assert {value: found[value][0] for value in found} == {
        81.0: "docker",
        58.0: "kubernetes",
        41.0: "mlflow",
    }
    assert found[81.0][1]["dimension"] == "skill"


def test_a_figure_that_restates_the_share_before_for_another_year_is_that_share() -> None:
    found = _shares(
        "ML engineer statistics\n\n78% of large companies now run at least one ML model in "
        "production. In 2021 the figure was 41%.\n\nWomen make up 19% of ML engineers.\n\n"
        "The share was 14% in 2020.\n"
    )
    assert found[41.0] == (found[78.0][0], found[78.0][1], 2021)
    assert found[14.0] == ("machine learning engineer", found[19.0][1], 2020)


def test_mentions_of_a_skill_in_postings_that_changed_give_both_levels_with_their_years() -> None:
    found = _shares(
        "ML Engineer Hiring Notes\n\nMentions of vector databases in ML engineer ads rose from "
        "5% in 2023 to 22% in 2025. Requests for Rust across machine learning job postings "
        "climbed from 3% to 8% between 2024 and 2025. The share of ML engineers working fully "
        "remote fell from 31% to 19% between 2021 and 2024."
    )
    assert {value: (subject, year) for value, (subject, _, year) in found.items()} == {
        5.0: ("vector databases", 2023),
        22.0: ("vector databases", 2025),
        3.0: ("rust", 2024),
        8.0: ("rust", 2025),
        31.0: ("machine learning engineer", 2021),
        19.0: ("machine learning engineer", 2024),
    }
    assert found[22.0][1] == {"category": "machine learning engineer ad", "dimension": "skill"}


def test_a_chart_copied_as_text_takes_its_whole_from_its_numbered_caption() -> None:
    doc = build_document(
        source_id="c",
        text=(
            "<html><body><h1>Practitioner Survey 2025</h1><h2>Tools</h2><figure>"
            "<div class='chart'>MLflow <span class='bar'></span> 61% · Airflow 44% · Ray 12%</div>"
            "<figcaption>Figure 3. Tools respondents use every week (several answers allowed)."
            "</figcaption></figure><figure><div class='chart'>PyTorch 70% · JAX 8% · Keras 15%"
            "</div></figure><p>Our office plants: ferns 40% · cacti 35% · palms 10%</p>"
            "</body></html>"
        ),
        media_type="text/html",
    )
    found = {c.value: (c.subject, c.qualifiers) for c in shares.extract(doc)}
    assert found == {
        61.0: ("mlflow", {"category": "respondent", "dimension": "skill"}),
        44.0: ("airflow", {"category": "respondent", "dimension": "skill"}),
        12.0: ("ray", {"category": "respondent", "dimension": "skill"}),
    }, "a chart with no caption and a line that names no whole stay unread"


def test_a_survey_of_other_people_than_the_role_counts_its_bare_shares_and_short_names() -> None:
    found = _shares(
        "# Hiring Pulse 2026\n\nIn March we surveyed 640 engineering managers who had hired at "
        "least one ML engineer in 2025.\n\nKey findings:\n\n- 58% plan to hire more ML engineers "
        "this year.\n\nAsked about interviews, 36% of managers said take-home tasks work best.\n"
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        58.0: "engineering manager",
        36.0: "engineering manager",
    }


def test_the_largest_group_of_those_asked_the_rest_after_it_and_the_figure_among_others() -> None:
    found = _shares(
        "# Practitioner Survey 2025\n\nWe received 2,900 responses from practitioners.\n\n"
        "Data scientists were the largest group of respondents at 38%, followed by ML engineers "
        "(29%) and analysts (12%). The remaining 21% held other titles.\n\nOnly 44% of "
        "respondents said their team reviews pull requests for notebooks. Among ML engineers "
        "the figure was higher, at 61%.\n"
    )
    assert {value: (subject, q.get("category")) for value, (subject, q, _) in found.items()} == {
        38.0: ("respondent", "Data scientists"),
        29.0: ("respondent", "ML engineers"),
        12.0: ("respondent", "analysts"),
        21.0: ("respondent", "other titles"),
        44.0: ("respondent", "said their team reviews pull requests for notebooks"),
        61.0: ("machine learning engineer", "said their team reviews pull requests for notebooks"),
    }


def test_a_skill_named_before_its_mention_and_the_kind_it_is_ranked_among_are_one_item() -> None:
    found = _shares(
        "# ML engineer hiring in 2026\n\nScala is named in 21% of postings and Rust in 9%. GCP is "
        "the most requested cloud platform, listed in 33% of postings, followed by Azure at 27%.\n"
    )
    assert {value: (subject, q) for value, (subject, q, _) in found.items()} == {
        21.0: ("scala", {"category": "posting", "dimension": "skill"}),
        9.0: ("rust", {"category": "posting", "dimension": "skill"}),
        33.0: ("gcp", {"category": "posting", "dimension": "skill"}),
        27.0: ("azure", {"category": "posting", "dimension": "skill"}),
    }


def test_the_middle_half_of_a_spread_is_no_share() -> None:
    text = (
        "The middle half of engineers earn ₹8.5-18 lakh a year. Half of respondents work remotely."
    )
    assert [s[a.start : a.end] for s in [text] for a in word_shares(text, 0, len(text))] == ["Half"]


def test_the_last_region_of_a_run_keeps_its_article_and_ampersand() -> None:
    """'..., Latin America 4.6% and the Middle East & Africa 3.4%': a region named with 'the'
    or with '&' is the whole region, not the last word after its inner 'and'."""
    page = (
        "The global edge AI market was worth USD 30 billion in 2025. North America held 41%; "
        "Europe held 27%, Asia Pacific 24%, Latin America 5% and the Middle East and Africa 3%. "
        "By revenue, Europe took 30%, Asia Pacific 28% and the Middle East & Africa 4%."
    )
    regions = {
        value: qualifiers.get("category") for value, (_, qualifiers, _) in _shares(page).items()
    }
    assert regions[3] == regions[4] == "Middle East and Africa"
    assert regions[5] == "Latin America"


def test_wrapped_findings_name_the_market_and_their_part_without_the_bullet() -> None:
    """A plain-text release's findings wrap mid-phrase ('71% of AI\\n    software revenue')
    and the industry that buys is the part, not a market ('the largest buying industry'); the
    part's name carries no list marker."""
    page = (
        "European AI Software Market to Pass EUR 90 Billion\n\n"
        "Spending on AI software in Europe reached EUR 31.0 billion in 2025.\n\n"
        "Other findings\n"
        "  - Software sold as a cloud service accounted for 64% of AI\n"
        "    software revenue in 2025.\n"
        "  - Insurance was the largest buying industry, with 18.2% of\n"
        "    2025 spending, ahead of retail.\n"
    )
    found = _shares(page)
    market = "artificial intelligence software market"
    assert found[64.0][0] == market
    assert found[18.2][:2] == (market, {"category": "Insurance"})


def test_skills_in_brackets_after_a_skill_are_its_examples_not_other_skills() -> None:
    found = _shares(
        "Our study of data engineer adverts in 2026.\n\nCloud computing skills (AWS, Azure, GCP) "
        "appeared in 57% of postings. Cloud Platform Skills (AWS, Azure) appeared in 41% of "
        "postings."
    )
    assert found[57.0][:2] == ("cloud computing", {"category": "posting", "dimension": "skill"})
    assert found[41.0][:2] == ("cloud computing", {"category": "posting", "dimension": "skill"})


def test_a_skill_and_level_elided_of_the_verb_after_a_share_of_postings_is_the_next_skill() -> None:
    found = _shares(
        "Our study of data engineer adverts in 2026.\n\nScala fell to 8.5% of postings and "
        "Hive to 3.2%."
    )
    assert found[8.5][:2] == ("scala", {"category": "posting", "dimension": "skill"})
    assert found[3.2][:2] == ("hive", {"category": "posting", "dimension": "skill"})


def test_skills_that_came_up_in_a_share_of_client_briefs_are_their_shares() -> None:
    found = _shares(
        "Data engineer hiring update.\n\nSpark came up in 41% of the client briefs we took, "
        "Kafka in 26% and dbt in 19%."
    )
    assert {value: (subject, qualifiers) for value, (subject, qualifiers, _) in found.items()} == {
        41.0: ("spark", {"category": "client brief", "dimension": "skill"}),
        26.0: ("kafka", {"category": "client brief", "dimension": "skill"}),
        19.0: ("dbt", {"category": "client brief", "dimension": "skill"}),
    }


def test_the_largest_share_in_a_year_at_a_figure_without_a_comma_is_its_parts() -> None:
    found = _shares(
        "Robotics Software Market Report\n\nThe robotics software market was worth USD 9.1 "
        "billion in 2025.\n\nBy end use, logistics held the largest share in 2025 at 28.4%, "
        "followed by automotive at 21.5%."
    )
    assert {value: qualifiers.get("category") for value, (_, qualifiers, _) in found.items()} == {
        28.4: "logistics",
        21.5: "automotive",
    }


def test_a_line_of_skills_each_with_its_percentage_gives_their_shares() -> None:
    text = (
        "# Data engineering survey 2026\n\nWe surveyed 1,480 data engineers in 12 countries.\n\n"
        "## Orchestrators\n\nWhich orchestrator does your team use?\n\n"
        "Airflow 52% / Dagster 18% / Argo Workflows 11%\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = {c.value: (c.subject, c.qualifiers.get("dimension")) for c in shares.extract(doc)}
    assert found == {
        52.0: ("airflow", "skill"),
        18.0: ("dagster", "skill"),
        11.0: ("argo workflows", "skill"),
    }


def test_a_line_of_skills_right_under_a_heading_gives_their_shares_and_after_prose_none() -> None:
    """'6. TOOLS USED AT WORK' over 'Python 96% / SQL 68%' on a survey page: the heading says
    what the line is, as a question would; after a sentence that asks nothing, a bare chart
    names no whole."""
    text = (
        "# ML engineer survey 2025\n\nWe surveyed 1,046 machine learning engineers.\n\n"
        "## Tools used at work\n\nPython 96% / SQL 68% / PyTorch 61%\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = {c.value: (c.subject, c.qualifiers.get("dimension")) for c in shares.extract(doc)}
    assert found == {96.0: ("python", "skill"), 68.0: ("sql", "skill"), 61.0: ("pytorch", "skill")}
    prose = text.replace("## Tools used at work\n\n", "## Tools\n\nThe mix moved little.\n\n")
    doc = build_document(source_id="t", text=prose, media_type="text/markdown")
    assert [c for c in shares.extract(doc) if c.qualifiers.get("dimension") == "skill"] == []


def test_a_line_of_work_arrangements_under_a_heading_divides_the_roles_people() -> None:
    """'Fully remote 18% / Hybrid 57% / Mostly in the office 25%' under '## Work style' on a
    survey of ML engineers: the role's work arrangement, of the people asked."""
    text = (
        "# ML engineer survey 2025\n\nWe surveyed 1,046 machine learning engineers.\n\n"
        "## Work style\n\nFully remote 18% / Hybrid 57% / Mostly in the office 25%\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = {
        c.value: (c.subject, c.qualifiers.get("category"), c.qualifiers.get("dimension"))
        for c in shares.extract(doc)
    }
    assert found == {
        18.0: ("machine learning engineer", "Fully remote", "work arrangement"),
        57.0: ("machine learning engineer", "Hybrid", "work arrangement"),
        25.0: ("machine learning engineer", "Mostly in the office", "work arrangement"),
    }


def test_a_share_of_advertised_roles_is_the_pages_roles() -> None:
    """'34% of advertised roles were in banking': the advertised roles are the page's role's
    jobs, as bare 'roles' are; the words before the noun only say which of them."""
    found = _shares(
        "Data engineer salary guide 2026\n\nBy industry, 41% of advertised roles were in "
        "banking and 22% in retail."
    )
    assert {value: subject for value, (subject, _, _) in found.items()} == {
        41.0: "data engineer",
        22.0: "data engineer",
    }


def test_a_part_set_beside_a_share_keeps_no_preposition_of_the_verb() -> None:
    found = _shares(
        "Robotics Software Market Report\n\nThe robotics software market was worth USD 9.1 "
        "billion in 2025. Logistics accounted for 31% of revenue, automotive for 22% and "
        "healthcare for 9%."
    )
    assert {value: qualifiers.get("category") for value, (_, qualifiers, _) in found.items()} == {
        31.0: "Logistics",
        22.0: "automotive",
        9.0: "healthcare",
    }


def test_a_run_line_may_name_a_skill_with_digits() -> None:
    text = (
        "# Data engineering survey 2026\n\nWe surveyed 1,480 data engineers.\n\n## Stores\n\n"
        "Which graph or orchestration tool do you run?\n\nK8s 61% / Neo4j 22%\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = {c.value: c.subject for c in shares.extract(doc)}
    assert found == {61.0: "kubernetes", 22.0: "neo4j"}


def test_a_share_of_them_after_jobs_named_before_divides_those_jobs() -> None:
    """'We counted 1,900 data engineer vacancies. Leeds accounted for 31% of them': the
    vacancies, the role's jobs, are the whole each city's share divides."""
    found = _shares(
        "Data engineer hiring update\n\nWe counted 1,900 new data engineer vacancies in 2026. "
        "Leeds accounted for 31% of them, Bristol for 12%."
    )
    assert {
        value: (subject, qualifiers.get("category"))
        for value, (subject, qualifiers, _) in found.items()
    } == {
        31.0: ("data engineer", "Leeds"),
        12.0: ("data engineer", "Bristol"),
    }


def test_a_stat_line_that_sets_its_caption_after_a_bar_is_a_share_of_its_whole() -> None:
    text = (
        "# Data Engineering Skills Report 2026\n\n**44%** | of ads mention dbt\n\n"
        "**17.5%** | of ads mention Kafka\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/markdown")
    found = {c.value: c.subject for c in shares.extract(doc)}
    assert found == {44.0: "dbt", 17.5: "kafka"}


def test_a_share_of_the_total_is_a_share_of_the_jobs_its_part_names() -> None:
    found = _shares(
        "Data engineer postings 2026\n\nWe read 6,100 data engineer postings. Fully remote "
        "postings made up 18.5% of the total."
    )
    assert found[18.5][0] == "data engineer"
    assert found[18.5][1]["dimension"] == "work arrangement"


def test_a_split_of_labelled_figures_reads_from_its_first_figure_with_whole_labels() -> None:
    found = _read(
        "# Machine learning engineers\n\nBy education, the split was 40% bachelor's degree, "
        "34% master's degree, 16% Ph.D. and 10% bootcamp or self-taught.\n\n"
        "Of the employers we surveyed, 57% offer hybrid arrangements.\n"
    )
    assert {v: part for v, (_, part) in found.items()} == {
        40.0: "bachelor's degree",  # the first of the split was skipped as ambiguous
        34.0: "master's degree",
        16.0: "Ph.D.",  # not 'Ph'
        10.0: "bootcamp or self-taught",  # not 'bootcamp'
        57.0: "hybrid arrangements",  # not 'offer hybrid arrangements'
    }


def test_a_number_inside_what_a_part_of_people_does_is_part_of_its_label() -> None:
    found = _read(
        "# Machine learning engineers\n\nIn the survey, 54% of ML engineers work at companies "
        "with more than 1,000 employees.\n\n22% of ML engineers work at firms with 50 to 250 "
        "staff, while 41% work at larger firms.\n"
    )
    assert found[54.0][1] == "at companies with more than 1,000 employees"  # not '... than'
    assert found[22.0][1] == "at firms with 50 to 250 staff"  # not 'at firms'
    assert found[41.0][1] == "at larger firms"


def test_a_run_of_the_top_parts_reads_from_its_first_and_need_not_add_up() -> None:
    doc = build_document(
        source_id="t",
        text="# Machine learning engineers\n\nThe top categories were 23% remote, 19% hybrid and "
        "8% on-site.\n\nThe split was 45% remote, 41% hybrid and 14% on-site.\n",
        media_type="text/markdown",
    )
    found = [
        (c.value, c.qualifiers["category"], c.qualifiers.get("partial"))
        for c in shares.extract(doc)
    ]
    assert found == [
        (23.0, "remote", True),  # the first of the top parts was skipped as ambiguous
        (19.0, "hybrid", True),
        (8.0, "on-site", True),
        (45.0, "remote", None),  # a split lists every part
        (41.0, "hybrid", None),
        (14.0, "on-site", None),
    ]


def test_a_split_may_open_with_an_abbreviation_or_a_part_of_two_names() -> None:
    found = _read(
        "# Machine learning engineers\n\nThe split was 42% ph.d. and 58% bachelor's degree.\n\n"
        "The split was 44% bootcamp or self-taught and 56% master's degree.\n"
    )
    assert {v: part for v, (_, part) in found.items()} == {
        42.0: "ph.d.",  # was skipped: its label's dots and its part were not read
        58.0: "bachelor's degree",
        44.0: "bootcamp or self-taught",  # was skipped: a bootcamp was no education level
        56.0: "master's degree",
    }


def test_skill_shares_stated_respectively_go_to_the_skills_in_order() -> None:
    """'Rust and Scala are used by 21% and 9% of respondents, respectively': the first share
    was skipped and the second given to the respondents, with both skills as its category."""
    page = (
        "Developer tools survey 2025\n\n"
        "Among languages, Python leads, while Rust and Scala are used by 21% and 9% of "
        "respondents, respectively.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/plain")
    shares = [c for c in extract_claims(doc)[0] if c.kind == "share"]
    assert [(c.subject, c.value, c.qualifiers) for c in shares] == [
        ("rust", 21.0, {"category": "respondent", "dimension": "skill"}),
        ("scala", 9.0, {"category": "respondent", "dimension": "skill"}),
    ]


def test_a_cited_source_in_square_brackets_is_no_part_of_a_shares_category() -> None:
    page = "Hiring 2025\n\nOne in four new data hires in 2025 was a data engineer [Hirewise].\n"
    doc = build_document(source_id="s", text=page, media_type="text/plain")
    (share,) = [c for c in extract_claims(doc)[0] if c.kind == "share"]
    assert (share.value, share.qualifiers["category"], share.attributed_to) == (
        25.0,
        "a data engineer",
        "Hirewise",
    )


def test_a_sentence_opening_with_a_further_part_or_the_rest_divides_the_whole_before_it() -> None:
    found = _shares(
        "# Production ML Survey 2025\n\nOnly 44% of teams monitor drift automatically. "
        "Another 31% check by hand.\n\nJust 20% of companies pay a bonus. The remaining 80% "
        "pay none.\n"
    )
    assert {value: (subject, q.get("category")) for value, (subject, q, _) in found.items()} == {
        44.0: ("team", "monitor drift automatically"),
        31.0: ("team", "check by hand"),
        20.0: ("company", "pay a bonus"),
        80.0: ("company", "pay none"),
    }
    # a tool's share has no further part: the 31% is not a share of feature stores
    tools = _shares("Only 40% of teams use feature stores. Another 31% check by hand.\n")
    assert list(tools) == [40.0]


def test_a_list_under_a_question_about_people_divides_them() -> None:
    page = (
        "# Production ML Pulse 2025\n\n## How often teams ship\n\n"
        "We asked how often the respondent's team puts a new model into production.\n\n"
        "- Daily: 9%\n- Weekly: 26%\n- Monthly: 65%\n"
    )
    claims = lists.extract(_doc(page))
    assert [(c.subject, c.value, c.qualifiers["category"]) for c in claims] == [
        ("team", 9.0, "Daily"),
        ("team", 26.0, "Weekly"),
        ("team", 65.0, "Monthly"),
    ]


def test_a_tool_used_by_a_share_naming_no_people_is_its_share_of_those_surveyed() -> None:
    page = (
        "# ML Statistics\n\nThe figures below come from a survey that polled 14,300 developers "
        "who work on machine learning:\n\nPyTorch is used by 63% of them.\n\n"
        "JAX is used by 9% — a niche choice.\n\n"
        "MLflow is the most common experiment tracker, used by 31%.\n"
    )
    found = _shares(page)
    assert {value: (subject, q["category"]) for value, (subject, q, _) in found.items()} == {
        63.0: ("pytorch", "developer"),
        9.0: ("jax", "developer"),
        31.0: ("mlflow", "developer"),
    }


def test_a_spanish_list_of_skills_in_job_ads_gives_their_shares() -> None:
    page = (
        "<h1>Sueldo de un ingeniero de machine learning en España 2025</h1>"
        "<p>De las ofertas de ingeniero de machine learning publicadas en 2025:</p>"
        "<ul><li>Python aparece en el 89 %.</li><li>SQL, en el 54 %.</li></ul>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    found = [(c.subject, c.value, c.qualifiers.get("dimension")) for c in shares.extract(doc)]
    assert found == [("python", 89.0, "skill"), ("sql", 54.0, "skill")]


def test_the_half_of_workers_that_defines_the_median_is_no_share() -> None:
    text = (
        "The median wage is the 50th percentile wage estimate: 50 percent of workers earn less "
        "than the median and 50 percent of workers earn more than the median. 38% of ML "
        "engineers earn more than the median for software engineers."
    )
    assert list(_shares(text)) == [38.0]


def test_the_largest_share_set_off_by_a_comma_and_an_earlier_level_in_a_quarter() -> None:
    text = (
        "Hiring report\n\nRetail firms took the largest share of data engineer postings, 21%, "
        "followed by logistics firms at 12%. In Q2 2025, fully remote roles made up 14% of "
        "data engineer postings, down from 23% in Q2 2022."
    )
    found = _shares(text)
    assert {value: found[value][1].get("category") for value in (21.0, 12.0)} == {
        21.0: "Retail firms",
        12.0: "logistics firms",
    }
    assert (found[14.0][2], found[23.0][2]) == (2025, 2022)


def test_a_share_of_job_posts() -> None:
    text = (
        "Data engineer job posts in 2025\n\nOnly 41% of posts listed a salary range. Airflow "
        "appears in 33% of job posts."
    )
    found = _shares(text)
    assert (found[41.0][0], found[33.0][0]) == ("data engineer", "airflow")


def test_a_french_skill_bar_list_divides_the_job_ads() -> None:
    text = (
        "Data engineer au Québec\n\nPart des offres d'emploi qui mentionnent chaque compétence :"
        "\n\n- SQL — 78 %\n- Spark — 41 %\n"
    )
    found = _shares(text)
    assert (found[78.0][0], found[41.0][0]) == ("sql", "spark")


def test_respondents_are_the_people_the_sentences_survey_asked() -> None:
    text = (
        "Market release\n\nIn a survey of 520 enterprise buyers run in 2025, 44% of respondents "
        "said they lack ML engineers."
    )
    assert _shares(text)[44.0][0] == "enterprise buyer"


def test_a_quotas_target_percentage_is_no_share() -> None:
    text = (
        "Gulf pay\n\nFirms with 50 or more staff face localisation targets of 4% of skilled "
        "roles each year. Women hold 21% of data engineering roles."
    )
    assert sorted(_shares(text)) == [21.0]


def test_half_earning_more_than_the_median_is_what_a_median_is_not_a_share() -> None:
    found = _shares(
        "The median annual wage for data scientists was $104,110. Half of all data scientists "
        "earned more than this and half earned less. 42% of data scientists work remotely. "
        "The range shown is the middle 50% of pay: half of employees earn within it. "
        "The low wage is the 10th percentile: 10% of workers in the occupation earn this "
        "amount or less."
    )
    assert set(found) == {42.0}


def test_a_whole_set_out_as_all_of_its_kind_is_the_subject() -> None:
    """'AI PCs will make up 43% of all PC shipments' on a page about a market: the shipments
    are the whole, not the page's market."""
    text = (
        "# Worldwide AI Spending Forecast\n\nWorldwide spending on AI will reach $1.9 trillion "
        "in 2026.\n\nAI PCs will make up 43% of all PC shipments in 2026.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    found = {c.value: (c.subject, c.qualifiers.get("category")) for c in shares.extract(doc)}
    assert found == {43.0: ("pc shipment", "AI PCs")}


def test_of_the_total_after_a_part_named_in_its_own_clause_is_the_postings_before() -> None:
    """'Data engineers accounted for 24.1% of the total': the total is the postings the
    paragraph counted before, not the data engineers the clause names."""
    found = _shares(
        "We counted 18,300 AI job postings. Data engineers accounted for 24.1% of the total."
    )
    assert set(found) == {24.1}


def test_a_percentage_spelled_out_is_no_count_of_the_people_asked() -> None:
    """'81 percent of respondents' is a share of the respondents: its 'percent of' is no part
    of who they are."""
    found = _shares(
        "81 percent of respondents say their teams use AI. 64 per cent of respondents agree."
    )
    assert {v: s for v, (s, *_) in found.items()} == {81.0: "respondent", 64.0: "respondent"}


def test_a_newsletter_polls_readers_who_answered_divide_its_items() -> None:
    doc = build_document(
        source_id="s",
        text=(
            "# The Weekly Tensor\n\n## Reader poll\n\nWe asked which tracker you use. "
            "982 of you answered:\n\n- MLflow — 48%\n- Weights & Biases — 31%\n"
        ),
        media_type="text/markdown",
    )
    found = {c.subject: c.qualifiers for c in extract_claims(doc)[0] if c.kind == "share"}
    assert found == {
        "mlflow": {"category": "respondent", "dimension": "skill"},
        "weights & biases": {"category": "respondent", "dimension": "skill"},
    }


def test_a_skills_share_of_spanish_and_portuguese_postings_in_prose() -> None:
    found = _shares(
        "Vacantes de machine learning\n\nPython aparece en el 86 % de las vacantes. SQL "
        "aparece em 52% das vagas."
    )
    assert {v: (sub, q.get("dimension")) for v, (sub, q, *_) in found.items()} == {
        86.0: ("python", "skill"),
        52.0: ("sql", "skill"),
    }


def test_skill_shares_of_job_ads_written_in_french_and_spanish_prose() -> None:
    french = _shares(
        "Salaires data\n\nPython est cité dans 92 % des annonces, SQL dans 74 %, Docker dans 41 %."
    )
    assert {value: subject for value, (subject, _, _) in french.items()} == {
        92.0: "python",
        74.0: "sql",
        41.0: "docker",
    }
    spanish = _shares("Sueldos\n\nPython aparece en el 89% de las vacantes, SQL en el 54%.")
    assert {value: subject for value, (subject, _, _) in spanish.items()} == {
        89.0: "python",
        54.0: "sql",
    }


def test_a_list_under_a_lead_in_naming_a_role_gives_each_tool_its_share_of_them() -> None:
    """'Data engineers, multiple answers allowed:' over 'Google Cloud — 31%': each cloud's
    share of data engineers, 'Google Cloud' a tool though 'cloud' names a part elsewhere."""
    page = (
        "# Data engineering survey 2025\n\n## Where pipelines run\n\n"
        "Data engineers, multiple answers allowed:\n\n"
        "- AWS — 52%\n- Google Cloud — 31%\n- Azure — 27%\n"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))
    shares = {c.value: (c.subject, c.qualifiers.get("category")) for c in claims}
    assert shares[52.0] == ("aws", "data engineer")
    assert shares[31.0] == ("gcp", "data engineer")
    assert shares[27.0] == ("azure", "data engineer")


def test_a_lead_in_of_who_answered_heads_a_breakdown_that_adds_up_over_wrapped_lines() -> None:
    """'1,812 data engineers answered this year's survey: Germany 38%, France 27%,' /
    'Spain 19%, Italy 16%.': each country's share of those data engineers; the count of them
    is no country's."""
    page = (
        "DATA ENGINEER SURVEY 2025\n\n1,812 data engineers answered this year's survey: "
        "Germany 38%, France 27%,\nSpain 19%, Italy 16%. Levels are self-reported.\n"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/plain"))
    shares = {
        c.value: (c.subject, c.qualifiers.get("category")) for c in claims if c.kind == "share"
    }
    assert shares == {
        38.0: ("data engineer", "Germany"),
        27.0: ("data engineer", "France"),
        19.0: ("data engineer", "Spain"),
        16.0: ("data engineer", "Italy"),
    }
    (count,) = [c for c in claims if c.kind == "count"]
    assert count.value == 1812 and "country" not in count.qualifiers


def test_money_named_after_a_country_is_no_place_and_a_bare_share_of_a_survey_counts() -> None:
    """'63% of Peruvian respondents are paid partly in US dollars': no part 'United States';
    '52% received a raise in 2025, and the median raise was 11%': the raise's median is no
    second part of the same whole."""
    page = (
        "# Andean data engineers survey 2025\n\nWe surveyed 1,204 data engineers.\n\n"
        "52% received a raise in 2025, and the median raise was 11%.\n\n"
        "Note: 63% of Peruvian respondents are paid partly in US dollars.\n"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))
    shares = {c.value: c.qualifiers for c in claims if c.kind == "share"}
    assert shares[52.0]["category"] == "received a raise in 2025"
    assert 11.0 not in shares
    assert shares[63.0].get("category") != "United States"


def test_a_share_that_names_only_its_skill_goes_on_from_the_skill_share_before() -> None:
    page = (
        "# Data engineer hiring 2025\n\n- 66% of data engineer postings mention SQL\n"
        "- 48% mention Airflow and 31% mention dbt\n"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))
    shares = {
        c.value: (c.subject, c.qualifiers.get("dimension")) for c in claims if c.kind == "share"
    }
    assert shares == {66.0: ("sql", "skill"), 48.0: ("airflow", "skill"), 31.0: ("dbt", "skill")}


def test_skills_placed_second_and_third_with_their_figures_in_brackets_are_shares() -> None:
    page = (
        "# Developer survey 2025\n\nPython is the most used language among data engineers "
        "(91% use it at work). SQL comes second (72%) and Scala third (18%).\n"
    )
    claims, _ = extract_claims(build_document(source_id="t", text=page, media_type="text/markdown"))
    shares = {c.value: c.subject for c in claims if c.kind == "share"}
    assert shares == {91.0: "python", 72.0: "sql", 18.0: "scala"}


def test_a_key_figures_share_caption_names_the_whole_and_the_part() -> None:
    page = "# The month in numbers\n\n- 38% share of data engineer ads offering remote working\n"
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    shares = [
        (c.subject, c.value, c.qualifiers.get("population"))
        for c in extract_claims(doc)[0]
        if c.kind == "share"
    ]
    assert shares == [("data engineer", 38.0, "ads")]


def test_a_share_a_year_earlier_restates_the_share_before_it_without_a_year() -> None:
    page = (
        "# Data engineer hiring tracker\n\n"
        "Hybrid roles made up 46% of data engineer postings in 2026. A year earlier the share "
        "was 39%, before more firms asked for office days.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    shares = [
        (c.subject, c.value, c.year, c.qualifiers.get("category"))
        for c in extract_claims(doc)[0]
        if c.kind == "share"
    ]
    assert shares == [
        ("data engineer", 46.0, 2026, "Hybrid roles"),
        ("data engineer", 39.0, None, "Hybrid roles"),
    ]


def test_a_shares_change_in_percentage_points_is_the_shares_growth_not_hiring() -> None:
    """'Data roles made up 22.5% of all tech vacancies, up 2.1 percentage points ...': the share
    moved by 2.1 points; no one's job ads grew 2.1%."""
    page = (
        "# Tech hiring in Q2 2026\n\nData roles made up 22.5% of all tech vacancies in Q2 2026, "
        "up 2.1 percentage points from a year earlier. Remote roles were 18% of ML engineer "
        "postings, down 3 percentage points on 2025.\n"
    )
    claims = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))[0]
    moved = [
        (c.kind, c.attribute, c.value, c.qualifiers.get("change_unit"))
        for c in claims
        if c.value in (2.1, -3.0, 3.0)
    ]
    assert moved == [
        ("growth_rate", "share_change", 2.1, "percentage points"),
        ("growth_rate", "share_change", -3.0, "percentage points"),
    ]
    assert not [c for c in claims if c.kind == "job_demand"]


def test_a_skill_placed_after_a_skills_share_takes_its_share_of_the_same_whole() -> None:
    """'GCP is the most requested cloud in Nordic ML job ads, named in 48% of them.' / 'Azure
    comes second, at 39%.': Azure's share of the same ads."""
    page = (
        "# Cloud skills in Nordic ML job ads\n\n- GCP is the most requested cloud in Nordic ML "
        "job ads, named in 48% of them.\n- Azure comes second, at 39%.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    found = {(c.subject, c.value, c.qualifiers.get("category")) for c in shares.extract(doc)}
    assert found == {("gcp", 48.0, "job ad"), ("azure", 39.0, "job ad")}


def test_a_share_of_a_pay_surveys_submissions_is_the_pages_roles() -> None:
    """'... and 31% of this year's submissions came from fully remote engineers': the entries
    of the page's pay survey, whose people are the page's role."""
    page = (
        "# Data engineer salaries in Canada\n\nFully remote roles paid a median of C$128,000, "
        "and 31% of this year's submissions came from fully remote engineers.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    found = [(c.subject, c.value, c.qualifiers.get("population")) for c in shares.extract(doc)]
    assert found == [("data engineer", 31.0, "submission")]


def test_a_dot_leader_list_under_a_wrapped_lead_in_gives_each_skill_its_share() -> None:
    """A report exported to text: a lead-in wrapped over two lines ('Share of recruiters naming
    each tool as a must-have (poll of 210 recruiters,' / 'May 2025; several answers
    allowed)') over 'Python ........ 81%' rows: each tool's share of those recruiters."""
    doc = document(
        "Skills in demand\n\n"
        "Share of recruiters naming each tool as a must-have (poll of 210 recruiters,\n"
        "May 2025; several answers allowed)\n"
        "  Python ............................................. 81%\n"
        "  Docker ............................................. 57%\n"
        "  Airflow ............................................ 23%\n\n"
        "Next section.\n",
        "text/plain",
    )
    shares = {(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "share"}
    assert shares == {("python", 81.0), ("docker", 57.0), ("airflow", 23.0)}


def test_a_reader_poll_divides_those_who_voted_and_a_question_to_the_reader_states_nothing() -> (
    None
):
    """'840 of you voted: 52% said ..., 30% ... and 18% ...' divides the respondents, not the
    newsletter's role; 'Would you take a 10% pay cut ...?' is a question, no share."""
    page = (
        "<html><body><h1>The ML Engineer Weekly</h1><p>ML engineers are in demand.</p>"
        "<h2>Reader poll</h2><p>Last week we asked whether you changed jobs this year. 840 of "
        "you voted: 52% said no, 30% said they are looking and 18% moved.</p><p>This week's "
        "question: Would you take a 10% pay cut for a four-day week?</p></body></html>"
    )
    doc = document(page, "text/html")
    shares = {(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "share"}
    assert shares == {("respondent", 52.0), ("respondent", 30.0), ("respondent", 18.0)}


def test_half_above_and_half_below_the_median_is_what_a_median_means_not_a_share() -> None:
    """'Half of all data engineers earn more than the median and half earn less' restates the
    median's meaning; 'Half of data engineers work remotely' is a share."""
    page = (
        "# Data engineer salary in Austria\n\nHalf of all data engineers in Austria earn more "
        "than the median and half earn less. Half of data engineers work remotely.\n"
    )
    doc = document(page, "text/markdown")
    shares = [(c.value, c.qualifiers.get("category")) for c in numeric_claims(doc)]
    assert shares == [(50.0, "remotely")]


def test_half_earning_more_than_the_median_of_others_is_a_share() -> None:
    """'Half of ML engineers earn more than the median salary of data scientists' states a
    share; only 'more than the median and half earn less' restates the median."""
    doc = document(
        "# ML engineer pay\n\nHalf of ML engineers earn more than the median salary of data "
        "scientists.\n",
        "text/markdown",
    )
    assert [c.value for c in numeric_claims(doc) if c.kind == "share"] == [50.0]


def test_a_skill_s_share_of_the_profiles_or_cvs_behind_a_pay_survey() -> None:
    """'Python appears in 88% of the profiles behind these salaries, Docker in 40%' and 'SQL
    is found in 61% of the CVs we received': each is that skill's share of the profiles."""
    page = (
        "# Data engineer salaries in Chile\n\n## Skills\n\nPython appears in 88% of the "
        "profiles behind these salaries, Docker in 40%. SQL is found in 61% of the CVs we "
        "received.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {("python", 88.0), ("docker", 40.0), ("sql", 61.0)}


def test_a_share_found_by_a_survey_or_poll_divides_the_people_it_asked() -> None:
    """'A survey of 820 employers by the Federation of Data Professionals found that 37% ...':
    the employers, not the professionals of the surveyor's name; 'A poll of 1,500 data
    practitioners found that 19% now work remotely' divides the practitioners, an adverb of
    time between the share and the verb notwithstanding; 'a survey of 300 UK hiring managers'
    divides hiring managers, their country a qualifier."""
    page = (
        "# Hiring in Kenya\n\nA survey of 820 employers by the Federation of Data Professionals "
        "found that 37% have open data roles they cannot fill.\n\nA poll of 1,500 data "
        "practitioners found that 19% now work remotely for firms abroad.\n\nIn a survey of 300 "
        "UK hiring managers, 41% said they struggle to hire.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {("employer", 37.0), ("data practitioner", 19.0), ("hiring manager", 41.0)}


def test_a_share_of_the_page_s_market_named_short_is_the_page_s_market() -> None:
    """'Training accounted for 44% of 2025 accelerator revenue' on a page about the AI
    accelerator market is a share of that market, not of an 'accelerator market'."""
    page = (
        "# AI accelerator market to reach USD 210 billion by 2031\n\nThe global AI accelerator "
        "market was valued at USD 61.2 billion in 2025.\n\n- Training accounted for 44% of 2025 "
        "accelerator revenue, ahead of inference for the last time.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    shares = [(c.subject, c.value) for c in claims if c.kind == "share"]
    assert shares == [("global artificial intelligence accelerator market", 44.0)]


def test_shares_of_hires_and_placements_on_an_outcomes_page_are_its_graduates() -> None:
    """'Where 2025 graduates were hired (share of hires)' and a cohort table's 'Placement rate'
    on a programme's career-outcomes page divide its graduates."""
    page = (
        "<html><head><title>Career Outcomes | Data Engineering Bootcamp</title></head><body>"
        "<h1>Career outcomes</h1><table><caption>Where 2025 graduates were hired, by industry "
        "(share of hires)</caption><tr><td>Retail</td><td>41%</td></tr>"
        "<tr><td>Banking</td><td>33%</td></tr><tr><td>Other</td><td>26%</td></tr></table>"
        "</body></html>"
    )
    claims, _ = extract_claims(document(page, "text/html"))
    assert {(c.subject, c.value) for c in claims if c.kind == "share"} == {
        ("graduate", 41.0),
        ("graduate", 33.0),
        ("graduate", 26.0),
    }


def test_the_page_s_own_market_holding_a_share_of_a_larger_one_keeps_the_larger() -> None:
    """On a generative AI market page, 'Generative AI accounted for 24% of AI revenue in 2024'
    is a share of the AI market, not of the generative AI market itself."""
    page = (
        "# Generative AI Market to Reach USD 356 Billion by 2030\n\nThe global generative AI "
        "market was valued at USD 44.9 billion in 2024.\n\nGenerative AI accounted for 24% of "
        "AI revenue in 2024.\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert [(c.subject, c.value) for c in claims if c.kind == "share"] == [
        ("artificial intelligence market", 24.0)
    ]


def test_a_line_of_skills_with_percentages_set_apart_by_commas_or_spaced_stops() -> None:
    """Under '## Most requested skills in Leeds ML ads', 'Python (79%), SQL (51%), Docker
    (33%)' gives each skill its share of the ads; under a survey's '6. TOOLS USED AT WORK', a
    line 'Python 94%  .  SQL 66%' (spaced full stops, which end sentences) gives each its
    share of the respondents."""
    page = (
        "# Data engineer pay in Leeds\n\n## Most requested skills in Leeds ML ads\n\n"
        "Python (79%), SQL (51%), Docker (33%)\n"
    )
    claims, _ = extract_claims(document(page, "text/markdown"))
    assert {(c.subject, c.value, c.qualifiers.get("category")) for c in claims} >= {
        ("python", 79.0, "ad"),
        ("sql", 51.0, "ad"),
        ("docker", 33.0, "ad"),
    }
    survey = (
        "Data Engineer Survey Japan 2025\n\nWe surveyed 820 data engineers in Japan in June "
        "2025.\n\n6. TOOLS USED AT WORK (multiple answers allowed)\n\n"
        "  Python 94%  .  SQL 66%  .  Spark 41%\n"
    )
    claims, _ = extract_claims(document(survey, "text/plain"))
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {("python", 94.0), ("sql", 66.0), ("spark", 41.0)}


def test_a_change_after_a_share_in_its_sentence_is_no_other_part() -> None:
    doc = document(
        "Global Computer Vision Market to Reach USD 58 Billion by 2031\n\n"
        "The global computer vision market was valued at USD 21.3 billion in 2024.\n\n"
        "Hardware accounted for 57.2% of revenue in 2024, while services revenue slipped 2.6% "
        "as buyers held back.\n"
    )
    found = {
        (c.value, c.qualifiers.get("category")) for c in numeric_claims(doc) if c.kind == "share"
    }
    assert found == {(57.2, "Hardware")}


def test_a_remark_that_shares_add_up_to_well_over_100_percent_is_no_fact() -> None:
    doc = document(
        "<html><body><h1>Skills in demand for ML engineers</h1>"
        "<p>Docker appeared in 44% of ML engineer ads.</p>"
        "<p>Most ads name several tools, so the shares add up to well over 100%.</p></body></html>",
        "text/html",
    )
    assert [(c.kind, c.value) for c in numeric_claims(doc)] == [("share", 44.0)]

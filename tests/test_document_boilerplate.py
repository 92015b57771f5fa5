"""Site chrome: flagged blocks (text stays), class/id words, author boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.documents import numeric_claims

from mlefacts.document.boilerplate import is_boilerplate_text, is_chrome_class
from mlefacts.document.build import build_document

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "text",
    [
        "Related Articles",
        "This will close in 5 seconds",
        "{Also} {read}: Deep Learning Engineer Salary in India in 2021",
        "Also read: How to Become a Data Scientist",
        "You are currently viewing Machine Learning Engineer",
        "Share this",
        "Subscribe",
        "Leave a comment",
        "Image of Data Engineer",
        "image.jfif",
        "word-image-30.png A chart of roles. Source: Example",
        "Tags: careers, salary",
        "By Tom Reid, London · 12 May 2025",
        "Published: 2/6/2026",
        "Last updated March 2025",
        "Posted on 3 June 2024 by Ana Ruiz",
        "Reviewed by Dr. Jane Smith | 8 min read",
        "4 June 2025 · 6 min read",
        "March 4, 2025",
        "Sponsored by Snowflake",
        "Photo: a developer at a MacBook running VS Code.",
        "Careers desk · 18 June 2025",
        "© 2025 Paylens Media",
        "NewsWire Direct  >  Technology  >  Artificial Intelligence",
        "Home | Python Courses | SQL Bootcamp | Tableau Training",
        "Home > Careers > Salaries",
        "Powered by WordPress. Hosted on Google Cloud. Analytics by Mixpanel.",
        "Share:  [LinkedIn]  [Email]  [Copy link]",
        "Share this article: LinkedIn | X | Email",
        "Acme Pay · [Salaries](/salaries) · [Levels](/levels) · [Negotiation coaching](/coach)",
        "Register | Log in | Search | New posts | FAQ",
        "[ Reply ]  [ Watch thread ]  [ Page 1 of 2 ]",
        "**Sponsored:** Contractor accounts from £89/month",
        "> **Sponsored** · *Learn Spark and dbt in 12 weeks.* $39/month after a free trial.",
        "Publicidade · Curso de dados — 10x de R$ 199 · Turma de maio com 35 vagas",
        "Anzeige: Data-Engineering-Kurs in 12 Wochen, ab 1.990 €",
        "#3  tensor_tess",
        "#12 NorthByNorthwestDev",
        "#4 PayPal_Pete [Moderator]",
        "#3  rain.city_rsu  (verified: Big Tech)              Nov 3",
        "#6 chai.coder_9 (Member) posted 19-Mar-2026, 08:10 AM",
        "**More salary guides:** [Pay for 5 AI roles over $150k](/a) · [Data analyst pay](/b) · "
        "[Intern stipends in 2026](/c)",
        "> 📌 *Read next:* [Cloud Architect Salary: ₹20 LPA to ₹38 LPA](/pay/cloud)",
        "**Data Science Pro Certificate** · 24 weeks · ₹89,000 (no-cost EMI from ₹7,400/month)",
        "MLOps Bootcamp: 1,900+ alumni hired · 48% average hike · [Download brochure](/b)",
        "Spring sale: 30% off every plan. Use code SPRING30 at checkout.",
        "Our partner's MLOps course is $299 (was $499). 4.7★ from 2,900 learners.",
        "Limited-time offer: the 16-week course for $299. 2,900 learners enrolled.",
        "Correction, 3 March 2026: item 7 previously gave the median as $141,000.",
        "An earlier version of this story misstated the share of remote roles as 31%.",
        "**Subscribe to The Compute Ledger** — 9,800 engineers read it every Wednesday.",
        "Sign up for weekly alerts — 3 free reports, then $9/month.",
        "> **Hiring?** Post your first job ad from 399 PLN net. Bulk packages on request.",
        "Newsletter: 14,500 data leaders read our Friday digest. [Join them](/join)",
        "**Newsletter** — 4,800 recruiters get it each month.",
    ],
)
def test_chrome_text(text: str) -> None:
    assert is_boilerplate_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Related roles pay 12% more than the median.",
        "Subscribers to the survey reported a median salary of $120,000.",
        "The share of remote roles rose to 30% in 2023.",
        "Image recognition engineers earn $150,000 on average.",
        "Conclusion",
        "By Experience Level",
        "March 2025",
        "By 2030, the market will reach $5 billion",
        "Updated salary figures for 2025",
        "Pay by level · 2025",
        "Python | SQL | Spark",
        "Toronto, Ontario · Full-time · Hybrid",
        "#1 PyTorch",
        "#3 Python (new entry) Nov 3",
        "#4 Rust (68%)",
        "#2 XGBoost",
        "Python | SQL | Spark | Docker",
        "**Skills:** [Python](/tag/python) · [SQL](/tag/sql) · [Spark](/tag/spark)",
        "📈 Postings for ML engineers rose 12% in 2025.",
        "Corrections to salary data are rare: only 2% of entries were revised.",
        "The median was $150,000 (it was $141,000 in 2024); this month only 12% were remote.",
        "Median base: $152,000 (was $147,000). Open roles: 18,900 (was 17,200).",
        "Sign up for the survey closed in May: 1,240 engineers answered.",
        "Newsletters and job boards: 31% of hires in 2025 came through them.",
        "Newsletter-reader survey: 1,204 ML engineers answered; their median base was $158,000.",
    ],
)
def test_content_that_mentions_chrome_words(text: str) -> None:
    assert not is_boilerplate_text(text)


def test_bundled_000_flags_without_deleting_braces() -> None:
    path = next((ROOT / "raw" / "bundled").glob("000_*.txt"))
    doc = build_document(
        source_id="000", text=path.read_text(encoding="utf-8"), media_type="text/plain"
    )
    flagged = [doc.span_text(b) for b in doc.blocks if b.boilerplate]
    assert flagged[0].startswith("{Also} {read}:\u00a0How Online Courses")
    assert "Related Articles" in flagged
    assert "This will close in 5 seconds" in flagged
    assert "Editorial Team" in flagged
    assert any(t.startswith("Passionate news enthusiast") for t in flagged)
    assert "{want}" in doc.text
    conclusion = next(b for b in doc.blocks if doc.span_text(b) == "Conclusion")
    assert not conclusion.boilerplate
    assert all(not b.boilerplate for b in doc.blocks if b.kind == "list_item")
    why = next(b for b in doc.blocks if doc.span_text(b).startswith("Why is the demand"))
    assert doc.span_text(doc.blocks[why.section]) != flagged[0]


def test_bundled_image_lines() -> None:
    for prefix, expected in (("001", "Image of Machine Learning Engineer"), ("002", "image.jfif")):
        path = next((ROOT / "raw" / "bundled").glob(f"{prefix}_*.txt"))
        doc = build_document(
            source_id=prefix, text=path.read_text(encoding="utf-8"), media_type="text/plain"
        )
        assert expected in [doc.span_text(b) for b in doc.blocks if b.boilerplate]


def test_conclusion_mentioning_an_author_once_is_kept() -> None:
    text = (
        "Intro\n\nPay is high.\n\nConclusion\n\nAs the author of the survey notes, pay rose 5%.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert not any(b.boilerplate for b in doc.blocks)


@pytest.mark.parametrize(
    ("value", "chrome"),
    [
        ("main-navigation", True),
        ("jp-relatedposts", True),
        ("shareButtons", True),
        ("cookie-notice", True),
        ("comments-area", True),
        ("newsletter-signup", True),
        ("has-sidebar", False),
        ("comments-open", False),
        ("entry-content", False),
        ("elementor-widget-text-editor", False),
        ("post-body", False),
    ],
)
def test_chrome_classes(value: str, chrome: bool) -> None:
    assert is_chrome_class(value) is chrome


def test_a_byline_heads_no_section_and_dates_or_places_no_figure() -> None:
    """'By Tom Reid, London · 12 May 2025' under a title is the writer's place and the page's
    date: it is chrome, not a heading, so the figures below keep the title as their section."""
    text = (
        "# Machine Learning Engineer Pay in the UK\n\nBy Tom Reid, London · 12 May 2025\n\n"
        "The national average for ML engineers is £66,500.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    byline = next(b for b in doc.blocks if doc.span_text(b).startswith("By Tom"))
    assert byline.boilerplate
    paragraph = doc.blocks[-1]
    assert doc.span_text(doc.blocks[paragraph.section]).startswith("Machine Learning")


def test_every_month_of_the_dates_vocabulary_dates_a_byline() -> None:
    from mlefacts.toml_files import load_data

    for month in load_data("quantity_words")["dates"]["months"]:
        assert is_boilerplate_text(f"Updated {month} 12, 2025"), month
        assert is_boilerplate_text(f"12 {month} 2025 · 5 min read"), month


def _thread(comments: str, article: str = "") -> str:
    return (
        "<html><body><header><a href='/'>forum</a></header><main><h1>What is your 2025 TC?</h1>"
        f"<div class='post'><p>Please share title, YOE and city.</p>{article}</div>"
        f"<section class='comments'>{comments}</section></main></body></html>"
    )


def test_a_thread_s_comments_are_its_content_but_an_article_s_are_chrome() -> None:
    replies = "".join(
        f"<div class='comment'><p class='c-meta'>u/user{n}</p><p>Senior MLE in Seattle, "
        f"{n + 5} YOE. {190 + n}k base, 25k bonus, stock on top.</p></div>"
        for n in range(3)
    )
    thread = build_document(source_id="s", text=_thread(replies), media_type="text/html")
    assert "190k base" in thread.text and "192k base" in thread.text
    # the same replies under a long article are readers' comments
    article = "<p>" + "Machine learning engineers build and run models in production. " * 20
    blog = build_document(
        source_id="s", text=_thread(replies, article + "</p>"), media_type="text/html"
    )
    assert "190k base" not in blog.text and "Machine learning engineers build" in blog.text


@pytest.mark.parametrize(
    "lead",
    [
        "Recommended for you:",
        "Related reports from Acme Research",
        "You might also like",
        "More releases",
        "Latest press releases",
        "More from Acme News",
        "**More on PRDesk Daily**",
    ],
)
def test_a_list_of_other_pages_headlines_states_none_of_this_pages_figures(lead: str) -> None:
    page = (
        "# Vector search market report\n\nThe vector search market was USD 2.2 billion in 2025."
        f"\n\n{lead}\n\n- Edge AI Chips Market to Grow at 24.9% CAGR... (Feb 19, 2026)\n"
        "- Robotics Market Worth USD 9.7 Billion by 2032\n\nContact us for the full report.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    values = sorted(c.value for c in numeric_claims(doc))
    assert values == [2.2e9]
    flagged = [doc.span_text(b) for b in doc.blocks if b.boilerplate]
    assert len(flagged) == 3 and "Contact us for the full report." not in flagged


def test_other_postings_under_a_similar_jobs_heading_or_label_pay_nobody_here() -> None:
    posting = (
        "# Lead ML Engineer (Contract)\n\nLondon - GBP 700/day - Outside IR35\n\n"
        "## Similar jobs\n\nSenior MLOps Engineer - Leeds - GBP 550/day\n"
        "Data Architect - Remote - GBP 650/day\n\n"
        "## About us\n\nWe place 300 contractors a year.\n"
    )
    doc = build_document(source_id="s", text=posting, media_type="text/markdown")
    flagged = [doc.span_text(b) for b in doc.blocks if b.boilerplate]
    assert flagged[0] == "Similar jobs" and "GBP 550/day" in flagged[1]
    assert not any("300 contractors" in text for text in flagged)
    labelled = posting.replace("## Similar jobs\n\n", "**Similar contracts**\n\n- ").replace(
        "\nData", "\n- Data"
    )
    doc = build_document(source_id="s", text=labelled, media_type="text/markdown")
    assert not [c.value for c in numeric_claims(doc) if c.value in (550, 650)]


def test_more_from_the_survey_heads_the_page_s_own_findings() -> None:
    page = (
        "# ML engineer survey 2025\n\nWe asked 900 engineers about their work.\n\n"
        "## More from the survey\n\n- 62% of machine learning engineers use PyTorch.\n"
        "- 41% of machine learning engineers work remotely.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    assert not any(b.boilerplate for b in doc.blocks)


def test_more_on_a_topic_heads_the_page_s_own_text() -> None:
    page = "# ML engineer pay\n\n## More on pay\n\nML engineers earn $150,000 on average.\n"
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    assert not any(b.boilerplate for b in doc.blocks)


def test_a_recommended_skills_list_is_not_a_list_of_other_pages() -> None:
    page = "# ML engineer guide\n\nRecommended skills:\n\n- Python\n- Docker\n"
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    assert not any(b.boilerplate for b in doc.blocks)


@pytest.mark.parametrize("lead", ["## Table of Contents", "Contents:", "## In this report"])
def test_a_table_of_contents_under_a_ranked_heading_ranks_nothing(lead: str) -> None:
    page = (
        "# Edge AI chips market report\n\n## Leading vendors\n\n"
        "Orrin Micro · Tamsel Devices · Quillon Semi\n\n"
        f"{lead}\n\n1. Scope and Method\n2. Market Overview\n3. Regional Analysis\n"
        "4. Competitive Landscape\n\n## Pricing\n\nThe edge AI chips market was USD 3.1 billion "
        "in 2025.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    assert [c.kind for c in numeric_claims(doc)] == ["market_size"]
    assert all(b.boilerplate for b in doc.blocks if b.kind == "list_item")


def test_author_box_under_a_question_keeps_the_answer() -> None:
    text = (
        "## FAQ\n\n**What does an ML engineer do all day?**\n\n"
        "Mostly building pipelines and deploying models.\n\n"
        "**About the author.** Ana is a staff writer at the Ledger.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    flagged = [doc.span_text(b) for b in doc.blocks if b.boilerplate]
    assert flagged == ["**About the author.** Ana is a staff writer at the Ledger."]


def test_other_roles_pay_under_a_related_roles_heading_is_kept_other_postings_are_not() -> None:
    """'Related roles in Leeds' over 'Data Engineer – average base £61,200/yr' items: a pay
    site's data on other roles, read; 'Similar jobs' over 'Data Analyst | Leeds | £38,000':
    other postings, chrome."""
    page = (
        "<html><body><h1>Machine Learning Engineer salary in Leeds</h1>"
        "<p>The average base salary is £68,000.</p><section class='related'>"
        "<h2>Related roles in Leeds</h2><ul><li>Data Engineer – average base £61,200/yr</li>"
        "<li>Data Scientist – average base £57,900/yr</li></ul></section>"
        "<h2>Similar jobs</h2><ul><li>Data Analyst | Leeds | £38,000</li>"
        "<li>BI Developer | York | £41,000</li></ul></body></html>"
    )
    doc = build_document(source_id="b", text=page, media_type="text/html")
    pay = {(c.subject, c.value) for c in numeric_claims(doc) if c.kind == "salary"}
    assert pay == {
        ("machine learning engineer", 68000.0),
        ("data engineer", 61200.0),
        ("data scientist", 57900.0),
    }


def test_a_related_block_comparing_the_role_with_others_pay_is_kept() -> None:
    """'Compared with similar roles' over 'Data Analyst: R$9,400 / month' items and a line on
    the gap: a salary page's own comparison, not a rail of links."""
    page = (
        "<html><body><h1>Machine Learning Engineer salary in Brazil</h1>"
        "<p>The median salary is R$14,200 per month.</p><section class='related'>"
        "<h2>Compared with similar roles</h2><ul><li>Data Analyst: R$9,400 / month</li>"
        "<li>Backend Developer: R$12,100 / month</li></ul>"
        "<p>ML engineers earn about 15% more than backend developers.</p></section>"
        "</body></html>"
    )
    doc = build_document(source_id="b", text=page, media_type="text/html")
    found = {(c.kind, c.subject, c.value) for c in numeric_claims(doc)}
    assert found == {
        ("salary", "machine learning engineer", 14200.0),
        ("salary", "data analyst", 9400.0),
        ("salary", "backend developer", 12100.0),
        ("comparison", "machine learning engineer", 15.0),
    }

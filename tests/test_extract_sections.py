"""Section classification: headings and lead-ins name duties, skills, pay, market or asides."""

from __future__ import annotations

import pytest
from support.documents import bundled, document

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
from mlefacts.extract.sections import (
    block_section_types,
    classify_heading,
    document_role,
    heading_types,
    item_text,
)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Responsibilities of a Machine Learning Engineer", "responsibilities"),
        ("What the day actually looks like", "responsibilities"),
        ("Typical statements of work we placed against:", "responsibilities"),
        ("Roles and Responsibilities", "responsibilities"),
        ("What does an ML engineer do?", "responsibilities"),
        ("Key duties", "responsibilities"),
        ("A day in the life", "responsibilities"),
        ("What ML engineers in India actually do", "responsibilities"),
        ("What the job looks like", "responsibilities"),
        ("Your mission", "responsibilities"),
        ("Your first year here", "responsibilities"),
        ("How you'll spend your time", "responsibilities"),
        ("What you do", "responsibilities"),
        ("Key activities", "responsibilities"),
        ("Beyond the job ads", "other"),
        ("Job description", "responsibilities"),
        ("Skills Required to be a Machine Learning Engineer", "skills"),
        ("Requirements", "skills"),
        ("Qualifications", "skills"),
        ("Tech stack", "skills"),
        ("Good to Have", "skills"),
        ("Preferred skills", "skills"),
        ("What you'll need", "skills"),
        ("What you’ll need", "skills"),  # a curly apostrophe, as most pages set it
        ("What You’ll Do", "responsibilities"),
        ("Salary of a Machine Learning Engineer", "salary"),
        ("Wage of a Machine Learning Engineer", "salary"),
        ("Market size and growth", "market"),
        ("Key Takeaways", "aside"),
        ("Common Misconceptions", "aside"),
        ("Table of Contents", "aside"),
        ("Related occupations", "aside"),  # other roles' pages for the reader to explore
        ("Related salaries", "aside"),
        ("Related Articles", "aside"),
        ("Conclusion", "other"),
        ("Introduction", "other"),
        ("What employers want the hire to do", "responsibilities"),
        ("What employers want in a candidate", "skills"),
        ("¿Qué hace un ingeniero de machine learning?", "responsibilities"),
        ("Responsabilidades", "responsibilities"),
        ("Vos missions", "responsibilities"),
        ("O que faz um engenheiro de machine learning", "responsibilities"),
        (
            "What Does a Machine Learning Engineer do? Roles, Responsibilities & Skills",
            "responsibilities",
        ),
    ],
)
def test_classify_heading(heading: str, expected: str) -> None:
    assert classify_heading(heading) == expected


def test_pay_word_inside_another_word_is_not_salary() -> None:
    assert classify_heading("Payment options") == "other"


def test_lead_in_overrides_a_neutral_heading() -> None:
    doc = document("Overview\n\nThe main duties include:\n\n- Train models\n- Ship models\n")
    types = block_section_types(doc)
    items = [i for i, b in enumerate(doc.blocks) if b.kind == "list_item"]
    assert [types[i] for i in items] == ["responsibilities", "responsibilities"]


def test_lead_in_cannot_undo_an_aside_heading() -> None:
    doc = document("Key takeaways\n\nThese responsibilities include:\n\n- Train models\n")
    items = [i for i, b in enumerate(doc.blocks) if b.kind == "list_item"]
    assert block_section_types(doc)[items[0]] == "aside"


def test_subheading_right_after_an_aside_heading_stays_aside() -> None:
    doc = bundled(1)
    types = block_section_types(doc)
    misconception = next(
        i
        for i, b in enumerate(doc.blocks)
        if doc.span_text(b).startswith("Machine Learning is the same")
    )
    assert types[misconception] == "aside"


def test_html_subsections_inherit_their_parent_type() -> None:
    page = (
        "<h2>Responsibilities</h2><h3>Modelling</h3><ul><li>Train models</li></ul>"
        "<h2>Outro</h2><p>Bye</p>"
    )
    doc = document(page, "text/html")
    types = block_section_types(doc)
    item = next(i for i, b in enumerate(doc.blocks) if b.kind == "list_item")
    outro = next(i for i, b in enumerate(doc.blocks) if doc.span_text(b) == "Bye")
    assert (types[item], types[outro]) == ("responsibilities", "other")


@pytest.mark.parametrize("number", [0, 1, 2])
def test_document_role_of_bundled_articles(number: int) -> None:
    assert document_role(bundled(number)) == "machine learning engineer"


def test_item_text_strips_to_braces_and_punctuation() -> None:
    assert item_text(
        "To\u00a0develop ML apps in keeping with purchaser/{client}\u00a0requirements."
    ) == ("develop ML apps in keeping with purchaser/client requirements")


@pytest.mark.parametrize(
    "heading",
    ["What we offer", "How to apply", "What you'll learn", "Curriculum", "Why join us"],
)
def test_offers_and_course_sections_are_their_own_type(heading: str) -> None:
    assert classify_heading(heading) == "offer"


def test_a_page_title_naming_a_course_is_no_offer_section() -> None:
    text = "# ML Engineering Bootcamp\n\nIntro.\n\n## What you will learn\n\n- Build\n"
    doc = document(text, "text/markdown")
    assert list(heading_types(doc).values()) == ["other", "offer"]


def test_a_page_that_names_no_role_is_about_the_role_whose_field_its_title_names() -> None:
    page = "Every summer we ask people who build machine learning systems how they work."
    surveyed = build_document(
        source_id="s", text=page, media_type="text/plain", title="ML Engineering in Practice"
    )
    untitled = build_document(source_id="s", text=page, media_type="text/plain", title="Survey")
    science = build_document(
        source_id="s", text=page, media_type="text/plain", title="Data Science at Work"
    )
    assert document_role(surveyed) == "machine learning engineer"
    assert document_role(science) == "data scientist"
    assert document_role(untitled) is None


def test_a_page_whose_headings_name_several_roles_as_often_is_about_the_focus_role() -> None:
    ranked = (
        "# The Best-Paid AI Jobs\n\n## 1. AI research scientist\n\nThey invent models.\n\n"
        "## 2. Machine learning engineer\n\nThey ship models.\n\n## 3. Data scientist\n\nThey "
        "analyse data.\n"
    )
    others = "# AI Jobs\n\n## 1. AI research scientist\n\nText.\n\n## 2. Data scientist\n\nText.\n"
    assert document_role(document(ranked, "text/markdown")) == "machine learning engineer"
    assert document_role(document(others, "text/markdown")) == (
        "artificial intelligence research scientist"
    )


def test_a_threads_answers_heading_keeps_the_question_they_answer() -> None:
    """'4 Answers' under the question 'What tools should a data engineer learn?': the answers'
    lists answer it, so they sit in its skills section; another heading under the title does
    not inherit from it."""
    page = (
        "<h1>What tools should a data engineer learn?</h1><p>Asked by a student.</p>"
        "<h2>4 Answers</h2><p>My advice after six years:</p><ul><li>Kafka, with care</li>"
        "<li>dbt: models as code</li></ul><h2>Replies (2)</h2><p>Agreed.</p>"
        "<h2>About the site</h2><p>Run by volunteers.</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    headings = {doc.span_text(doc.blocks[i]): t for i, t in heading_types(doc).items()}
    assert headings == {
        "What tools should a data engineer learn?": "skills",
        "4 Answers": "skills",
        "Replies (2)": "skills",
        "About the site": "other",
    }


def test_steps_of_a_way_the_title_asks_for_keep_its_section() -> None:
    """'Step 2 – Classical ML' under 'What should I learn to become a data engineer?' goes on
    answering the title, so it is a skills section; another heading does not inherit it."""
    page = (
        "<h1>What should I learn to become a data engineer?</h1><h3>Step 1 – SQL first</h3>"
        "<p>Learn joins.</p><h3>Step 2: Orchestration</h3><p>Try Airflow.</p>"
        "<h3>About the author</h3><p>A volunteer.</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    headings = {doc.span_text(doc.blocks[i]): t for i, t in heading_types(doc).items()}
    assert headings["Step 1 – SQL first"] == headings["Step 2: Orchestration"] == "skills"
    assert headings["About the author"] != "skills"


def test_a_transcript_question_set_as_a_heading_does_not_make_the_page_about_its_role() -> None:
    """A webinar transcript whose host's short question names another title ('**[00:04:35]
    DANA:** Is the "data engineer" title eating into it?'): the page is still about the role
    its title names, and pay said later without a role is that role's."""
    page = (
        "# Transcript: ML Hiring Outlook 2026\n\n"
        "**[00:03:05] DANA:** What happened to demand?\n\n"
        "**[00:03:20] SAM:** Postings for ML engineers rose in 2025.\n\n"
        '**[00:04:35] DANA:** Is the "data engineer" title eating into it?\n\n'
        "**[00:04:49] SAM:** Partly, yes.\n\n"
        "**[00:08:44] LEE:** In Toronto, mid-level offers land at CAD 135,000 to 155,000 base.\n"
    )
    doc = document(page, "text/markdown")
    assert document_role(doc) == "machine learning engineer"


def test_skills_under_a_comparison_with_related_roles_are_the_page_s() -> None:
    """'## How the role compares with related roles' is the page's own comparison, not a list
    of links: the skills it names are the role's; under '## Related roles' they are not."""
    page = (
        "# Data engineer salary in Austria\n\n"
        "## How the role compares with related roles\n\n"
        "The skills data engineers list most often are Scala, Airflow and Snowflake.\n\n"
        "## Related roles\n\n- Analytics engineer: Python, dbt and Looker\n"
    )
    claims, _ = extract_claims(build_document(source_id="s", text=page, media_type="text/markdown"))
    assert sorted(c.text for c in claims if c.kind == "skill") == ["Airflow", "Scala", "Snowflake"]

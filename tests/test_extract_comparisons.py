"""Comparisons between roles stated in prose sentences (tables are read by extract.tables)."""

from __future__ import annotations

import pytest
from support.documents import bundled, document, quote

from mlefacts.extract import comparisons


def _found(text: str) -> list[tuple[str, str, str]]:
    claims = comparisons.extract(document(f"Roles\n\n{text}"))
    return [(c.subject, c.qualifiers["compared_with"], c.qualifiers["cue"]) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Data scientists answer questions, whereas ML engineers build services.",
            ("machine learning engineer", "data scientist", "whereas"),
        ),
        (
            "Whereas data analysts report on the past, data scientists model the future.",
            ("data scientist", "data analyst", "whereas"),
        ),
        (
            "ML engineers own deployment, while data engineers own ingestion.",
            ("data engineer", "machine learning engineer", "while"),
        ),
        (
            "Unlike data scientists, ML engineers are expected to know Kubernetes.",
            ("machine learning engineer", "data scientist", "unlike"),
        ),
        (
            "Compared with a software engineer, an ML engineer spends more time on data.",
            ("machine learning engineer", "software engineer", "compared with"),
        ),
        (
            "A research scientist invents methods; ML engineers, by comparison, apply them.",
            ("machine learning engineer", "research scientist", "by comparison"),
        ),
        (
            "Machine learning engineers out-earned data scientists at the median.",
            ("machine learning engineer", "data scientist", "out-earned"),
        ),
        (
            "A data analyst's work resembles that of a business intelligence developer.",
            ("data analyst", "business intelligence developer", "resembles"),
        ),
        (
            "Compared with a backend engineer, an ML engineer spends more time on data checks.",
            ("machine learning engineer", "backend engineer", "compared with"),
        ),
        (
            "The work of an AI engineer is much like that of a data scientist.",
            ("artificial intelligence engineer", "data scientist", "much like"),
        ),
        (
            "At equal seniority, data engineers usually edge out data analysts on base pay.",
            ("data engineer", "data analyst", "edge out"),
        ),
        (
            "Most firms put AI engineers on the same ladder as backend engineers.",
            ("artificial intelligence engineer", "backend engineer", "same ladder as"),
        ),
    ],
)
def test_comparison_shapes(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _found(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "ML engineers and data scientists share many skills.",
        "While ML engineers and data scientists share skills, the two roles differ.",
        "ML engineers often work closely with data scientists.",
        "ML engineers earn $150,000, while data scientists earn $140,000.",
        "Data engineers move up to No. 2 this year, while ML engineers stay at No. 1.",
        "What is the difference between an ML engineer and a data scientist?",
        "ML engineers build models while also monitoring them.",
    ],
)
def test_not_comparisons(sentence: str) -> None:
    assert _found(sentence) == []


def test_adverb_cue_reaches_back_one_sentence() -> None:
    found = _found("Data scientists explore data. In contrast, ML engineers ship services.")
    assert found == [("machine learning engineer", "data scientist", "in contrast")]


def test_heading_breaks_the_reach_back_of_a_linking_adverb() -> None:
    """'However' contrasts with anything: past a heading it sets nothing against the role of
    the section before ('In contrast' opening a section does, as 'on the other hand' does)."""
    text = "Roles\n\nData scientists explore data.\n\nOther\n\nHowever, ML engineers ship."
    assert comparisons.extract(document(text)) == []
    text = "Roles\n\nData scientists explore data.\n\nOther\n\nIn contrast, ML engineers ship."
    assert [c.qualifiers["compared_with"] for c in comparisons.extract(document(text))] == [
        "data scientist"
    ]


def test_bundled_comparisons_quote_their_sentence() -> None:
    doc = bundled(1)
    claims = comparisons.extract(doc)
    assert len(claims) == 4
    assert all(quote(doc, c).endswith(".") and len(quote(doc, c)) <= 400 for c in claims)
    assert "whereas Machine Learning Engineers specifically concentrate" in claims[0].text


def test_spun_role_names_are_roles() -> None:
    claims = comparisons.extract(bundled(0))
    assert {c.qualifiers["compared_with"] for c in claims} == {"data scientist"}
    assert len(claims) == 4


def test_titled_role_names_with_spun_words() -> None:
    found = _found(
        "Whereas the focus of a data scientist is to experiment, a Software program Engineer "
        "primarily focuses on programming."
    )
    assert found == [("software engineer", "data scientist", "whereas")]


def test_a_sentence_that_ranks_two_roles_compares_nothing() -> None:
    assert (
        _found("Data scientist was the most posted AI job title, while ML engineer ranked second.")
        == []
    )
    for sentence in (
        "Machine learning engineer ranked as the runner-up, while data engineer took third place.",
        "Cloud architect slipped out of the top ten, while security engineer is in the top 20.",
        "Data scientist came in at No. 9, while AI engineer topped the list.",
    ):
        assert _found(sentence) == []
    found = _found(
        "ML engineers out-earned data scientists at the median, while MLOps engineers were "
        "the best-paid role in the survey."
    )
    assert len(found) == 1


def test_however_contrasts_only_with_a_role_named_just_before() -> None:
    found = _found(
        "An AI engineer builds on foundation models. However, a machine learning engineer "
        "trains models from scratch."
    )
    assert found == [("machine learning engineer", "artificial intelligence engineer", "however")]
    assert _found("ML engineers earn well. However, the work can be stressful.") == []
    found = _found("The distinction between AI engineers and ML engineers lies in their focus.")
    assert found[0][2] == "distinction between"


def test_an_adverb_opening_a_section_contrasts_with_the_role_of_the_section_before() -> None:
    text = (
        "Roles\n\n## The data engineer\n\nData engineers keep the pipelines flowing.\n\n"
        "## The research scientist\n\nResearch scientists, on the other hand, read papers and "
        "test new architectures.\n\n## Pay\n\nHowever, data scientists are paid well.\n"
    )
    claims = comparisons.extract(document(text, "text/markdown"))
    assert [(c.subject, c.qualifiers["compared_with"]) for c in claims] == [
        ("research scientist", "data engineer")
    ]


def test_two_roles_side_by_side_under_a_comparing_heading() -> None:
    text = (
        "# Data scientist or ML engineer?\n\n"
        "## Where the day goes\n\n"
        "Data scientists spend most of their week in notebooks. ML engineers spend theirs in "
        "code reviews.\n\n"
        "Data scientists hand over a prototype; ML engineers rebuild it for scale.\n"
    )
    claims = comparisons.extract(document(text, "text/markdown"))
    assert [(c.subject, c.qualifiers["compared_with"], c.text) for c in claims] == [
        (
            "machine learning engineer",
            "data scientist",
            "Data scientists spend most of their week in notebooks. ML engineers spend theirs "
            "in code reviews.",
        ),
        (
            "machine learning engineer",
            "data scientist",
            "Data scientists hand over a prototype; ML engineers rebuild it for scale.",
        ),
    ]


def test_side_by_side_roles_elsewhere_are_no_comparison() -> None:
    text = (
        "# Our team\n\n"
        "Data scientists spend most of their week in notebooks. ML engineers spend theirs in "
        "code reviews.\n"
    )
    assert comparisons.extract(document(text, "text/markdown")) == []


def test_the_sentence_an_adverb_sets_against_is_quoted_too() -> None:
    text = "Roles\n\nData scientists explore data. ML engineers, by contrast, ship models."
    (claim,) = comparisons.extract(document(text))
    assert claim.text == "Data scientists explore data. ML engineers, by contrast, ship models."


@pytest.mark.parametrize(
    "sentence",
    [
        "Airflow schedules jobs for data engineers, while MLflow tracks runs for ML engineers.",
        "Notebooks suit exploratory work, whereas scripts are easier to test and review.",
        "A cloud budget helps ML engineers early on, but a cluster serves data scientists later.",
    ],
)
def test_two_things_set_side_by_side_are_no_role_comparison(sentence: str) -> None:
    assert _found(sentence) == []


def test_a_role_that_a_relative_clause_describes_is_compared() -> None:
    sentence = (
        "They pair with data scientists, who frame the experiments, whereas ML engineers own "
        "the serving code."
    )
    assert _found(sentence) == [("machine learning engineer", "data scientist", "whereas")]


def test_two_roles_placed_in_a_ranking_are_not_compared() -> None:
    assert _found("Data annotator came fifth, while the list placed MLOps engineer eighth.") == []


def test_a_worded_clause_set_against_a_figure_compares_and_two_figures_do_not() -> None:
    found = _found(
        "Data analysts in Pune average ₹7.4 LPA, whereas data engineers are paid more because "
        "they also run the pipelines.\n\nData analysts average ₹7.4 LPA, whereas data engineers "
        "earn ₹10.2 LPA."
    )
    assert found == [("data engineer", "data analyst", "whereas")]


def test_two_roles_joined_as_the_subject_of_equal_pay_are_compared() -> None:
    """'... data analysts and BI developers are on the same pay band' and '... are now paid
    almost the same' compare the two; 'work on the same team' does not."""
    page = (
        "# Analyst or BI developer?\n\nAt my bank, data analysts and BI developers are on the "
        "same pay band.\n\nData engineers and software engineers are now paid almost the same "
        "at entry level.\n\nData engineers and data analysts work on the same team.\n"
    )
    doc = document(page, "text/markdown")
    found = [(c.subject, c.qualifiers["compared_with"]) for c in comparisons.extract(doc)]
    assert found == [
        ("data analyst", "business intelligence developer"),
        ("data engineer", "software engineer"),
    ]

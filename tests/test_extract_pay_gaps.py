"""Pay of one role set against another's with a figure."""

from __future__ import annotations

import pytest
from support.documents import document, numeric_claims

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, pay_gaps


def _gaps(text: str) -> list[tuple[str, float, str | None, str]]:
    doc = build_document(source_id="p", text=f"# Pay\n\n{text}\n", media_type="text/markdown")
    return [
        (c.subject, c.value, c.unit, c.qualifiers["compared_with"]) for c in pay_gaps.extract(doc)
    ]


@pytest.mark.parametrize(
    ("sentence", "gap"),
    [
        (
            "Machine learning engineers earn about 12% more than data scientists on average.",
            ("machine learning engineer", 12.0, "percent", "data scientist"),
        ),
        (
            "AI engineers command a 56% premium over software engineers in non-AI roles.",
            ("artificial intelligence engineer", 56.0, "percent", "software engineer"),
        ),
        (  # a multiple of the other role's pay
            "Data engineers in Accra earn about 2.4 times the median for data analysts.",
            ("data engineer", 2.4, "ratio", "data analyst"),
        ),
        (
            "Senior data scientists take home 3x what junior data analysts make.",
            ("data scientist", 3.0, "ratio", "data analyst"),
        ),
        (
            "Data engineers earn 8% less than ML engineers in London.",
            ("data engineer", -8.0, "percent", "machine learning engineer"),
        ),
        (  # what is compared stands between the way and 'than'
            "Acme's ML engineers earn about 7% more in total compensation than its software "
            "engineers.",
            ("machine learning engineer", 7.0, "percent", "software engineer"),
        ),
        (
            "Machine learning engineers earn C$118,000, which is C$9,500 above what software "
            "developers make.",
            ("machine learning engineer", 9500.0, "CAD", "software developer"),
        ),
        (  # a sum of money beside the figure makes the sentence one about pay
            "Junior ML engineers were advertised at a median £52,000, 30% above junior "
            "software engineers (£40,000).",
            ("machine learning engineer", 30.0, "percent", "software engineer"),
        ),
        (  # French: 'de plus ... qu'un'
            "À expérience égale, un ingénieur ML gagne environ 6 000 € de plus par an qu'un "
            "data scientist.",
            ("machine learning engineer", 6000.0, "EUR", "data scientist"),
        ),
    ],
)
def test_a_figure_between_two_roles_pay_is_their_pay_difference(
    sentence: str, gap: tuple[str, float, str, str]
) -> None:
    assert _gaps(sentence) == [gap]


@pytest.mark.parametrize(
    "sentence",
    [
        "Postings for ML engineers grew 30% more than postings for data scientists.",
        "ML engineers earn 12% more than last year.",
        "Data scientists earn 5% more than data scientists in Ohio.",
        # a level set against an earlier time is a change, whatever role the sentence names next
        "ML engineer salaries were 3.8% higher than a year earlier, while software engineer "
        "salaries rose 1.9%.",
        "ML engineers earned $150,000, 4% more than a year ago for data scientists too.",
    ],
)
def test_no_pay_difference_without_pay_or_without_a_second_role(sentence: str) -> None:
    assert _gaps(sentence) == []


def test_the_claim_quotes_its_sentence_and_its_figure_is_claimed() -> None:
    text = "# Pay\n\nIn 2025, ML engineers earned 38% more than software engineers outside AI.\n"
    doc = build_document(source_id="p", text=text, media_type="text/markdown")
    (claim,) = [c for c in extract_claims(doc)[0] if c.attribute == "pay_difference"]
    assert claim.kind == "comparison" and claim.year == 2025
    assert doc.text[claim.char_start : claim.char_end] == claim.text
    assert doc.text[claim.figure_start : claim.figure_end] == "38%"


def test_a_pay_difference_takes_the_city_its_sentence_names() -> None:
    text = "# Pay\n\nData engineers earn 8% less than ML engineers in London.\n"
    doc = build_document(source_id="p", text=text, media_type="text/markdown")
    (claim,) = pay_gaps.extract(doc)
    assert claim.qualifiers["city"] == "London"


def test_out_earning_by_a_figure_a_premium_of_one_and_a_lead_in_money() -> None:
    """'out-earn data scientists by about 10%', '... against £52,000 for a software engineer: a
    premium of 21%' and '$18,000 a year ahead of software engineers' read nothing; the gap
    that 'has roughly doubled' is no demand of data scientists."""
    page = (
        "Data engineer pay 2026\n\n"
        "At the same level, data engineers out-earn data scientists by about 10% — a gap "
        "that has roughly doubled since 2023.\n\n"
        "The median salary for a data engineer was £63,000, against £52,000 for a software "
        "engineer: a premium of 21%.\n\n"
        "Data engineers' median salary puts them $18,000 a year ahead of software engineers.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/plain")
    claims = extract_claims(doc)[0]
    gaps = [c for c in claims if c.attribute == "pay_difference"]
    assert [(c.subject, c.value, c.unit, c.qualifiers["compared_with"]) for c in gaps] == [
        ("data engineer", 10.0, "percent", "data scientist"),
        ("data engineer", 21.0, "percent", "software engineer"),
        ("data engineer", 18000.0, "USD", "software engineer"),
    ]
    assert not [c for c in claims if c.kind == "job_demand"]


def test_a_second_gap_after_and_is_the_first_ones_role_and_no_pay_of_its_own() -> None:
    text = (
        "That puts ML engineers about 16% ahead of data scientists and roughly $25,500 a year "
        "ahead of software engineers."
    )
    assert _gaps(text) == [
        ("machine learning engineer", 16.0, "percent", "data scientist"),
        ("machine learning engineer", 25500.0, "USD", "software engineer"),
    ]
    doc = build_document(source_id="p", text=f"# Pay\n\n{text}\n", media_type="text/markdown")
    assert [c for c in extract_claims(doc)[0] if c.kind == "salary"] == []


def test_on_a_page_titled_by_pay_a_gap_between_roles_is_of_pay() -> None:
    sentence = "Data scientists are advertised at only 4% above software engineers."
    titled = build_document(
        source_id="p",
        text=f"# Do ML engineers really earn more?\n\n{sentence}\n",
        media_type="text/markdown",
    )
    assert [(c.subject, c.value) for c in pay_gaps.extract(titled)] == [("data scientist", 4.0)]
    postings = "Data scientists get only 4% more job ads than software engineers."
    counted = build_document(
        source_id="p",
        text=f"# Do ML engineers really earn more?\n\n{postings}\n",
        media_type="text/markdown",
    )
    assert pay_gaps.extract(counted) == []


def test_out_earning_by_a_median_sum_is_a_gap_not_the_other_roles_pay() -> None:
    """'Data engineers out-earn analysts by a median $19,500 a year': the gap between the two
    medians, not what analysts are paid."""
    page = (
        "# Data jobs in 2026\n\nData engineers out-earn data analysts by a median $19,500 a year.\n"
    )
    claims = extract_claims(build_document(source_id="p", text=page, media_type="text/markdown"))[0]
    assert [(c.kind, c.attribute, c.value) for c in claims] == [
        ("comparison", "pay_difference", 19500.0)
    ]


def test_a_multiple_of_something_else_than_pay_is_no_pay_difference() -> None:
    """'Data engineers receive 3x as much recruiter outreach as data analysts': a multiple
    with no pay word is no pay difference, on a pay page too."""
    page = (
        "# Data engineer salary report 2026\n\n"
        "Data engineers receive 3x as much as data analysts in recruiter outreach.\n"
    )
    doc = build_document(source_id="p", text=page, media_type="text/markdown")
    assert pay_gaps.extract(doc) == []


def test_a_roles_pay_set_against_its_peers() -> None:
    doc = document(
        "# ML engineer salaries in Vietnam\n\nThe median ML engineer salary is VND 38 million "
        "a month.\n\nML engineers at foreign firms earn a premium of 12% over peers in similar "
        "jobs. ML engineers earn about 9% more than other staff at the same companies. ML "
        "engineers make roughly VND 6 million more a month than their colleagues in support.\n",
        "text/markdown",
    )
    gaps = {
        (c.value, c.unit, c.qualifiers["compared_with"])
        for c in numeric_claims(doc)
        if c.kind == "comparison"
    }
    assert gaps == {
        (12.0, "percent", "peers"),
        (9.0, "percent", "other staff"),
        (6000000.0, "VND", "colleagues"),
    }

"""Ranked numbered lists: lists a page splits, and frames that only look like rank orders."""

from __future__ import annotations

from mlefacts.document import build_document
from mlefacts.extract import prose_rankings
from mlefacts.extract.ranked_lists import top_n_title


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


def test_a_title_counts_its_items_in_words_or_digits() -> None:
    assert top_n_title("The twenty-five best-paid jobs", 25)
    assert top_n_title("Top Ten AI skills", 10)
    assert not top_n_title("Top ten AI skills", 9)
    assert not top_n_title("Top 5.5% of earners", 5)

"""Skill claims from skills sections, skills lists and requirement sentences."""

from __future__ import annotations

from support.documents import bundled, document, fixture, quote

from mlefacts.extract import skills


def _canonical(claims) -> list[str]:
    return [c.qualifiers["canonical"] for c in claims if c.qualifiers["canonical"]]


def test_spun_article_skills_list() -> None:
    doc = bundled(0)
    claims = skills.extract(doc)
    found = _canonical(claims)
    for name in (
        "Python",
        "R",
        "Java",
        "C++",
        "Hadoop",
        "Spark",
        "Pig",
        "Hive",
        "Flume",
        "TensorFlow",
        "Keras",
        "scikit-learn",
        "Theano",
        "Matplotlib",
        "Caffe",
    ):
        assert name in found, name
    learn = next(c for c in claims if c.qualifiers["canonical"] == "scikit-learn")
    assert learn.qualifiers["alias"] == quote(doc, learn) == "Scikit\u00a0be taught"
    assert learn.qualifiers["requirement"] == "required"
    assert {c.subject for c in claims} == {"machine learning engineer"}


def test_spun_article_keeps_items_without_taxonomy_skills() -> None:
    claims = skills.extract(bundled(0))
    kept = {
        c.text: c.qualifiers["category_of_skill"]
        for c in claims
        if c.qualifiers["canonical"] is None
    }
    diploma = "superior diploma in Laptop Science/Math/Statistics or a related self-discipline"
    assert kept == {diploma: "education"}
    assert "statistics" in _canonical(claims)


def test_one_claim_per_skill_per_block() -> None:
    claims = skills.extract(bundled(0))
    keys = [(c.qualifiers["canonical"], c.char_start) for c in claims]
    tensorflow = [c for c in claims if c.qualifiers["canonical"] == "TensorFlow"]
    assert len(keys) == len(set(keys))
    assert len(tensorflow) == 2  # two different list items name it


def test_requirement_prose_outside_skills_sections() -> None:
    doc = bundled(1)
    claims = skills.extract(doc)
    first = [c for c in claims if c.qualifiers["canonical"] in ("PyTorch", "scikit-learn")]
    assert first and first[0].qualifiers["requirement"] == "required"


def test_skills_named_for_another_role_go_to_that_role() -> None:
    claims = skills.extract(bundled(1))
    assert any(c.subject == "data scientist" for c in claims)


def test_takeaways_list_gives_no_skills() -> None:
    doc = bundled(1)
    takeaways = next(b for b in doc.blocks if doc.span_text(b) == "Key Takeaways")
    items = [
        b for b in doc.blocks if b.kind == "list_item" and b.section == doc.blocks.index(takeaways)
    ]
    claims = skills.extract(doc)
    assert items
    assert not [c for c in claims if any(b.start <= c.char_start < b.end for b in items)]


def test_requirements_list_with_varied_spellings() -> None:
    doc = fixture("requirements.txt")
    claims = skills.extract(doc)
    required = [
        c.qualifiers["canonical"] for c in claims if c.qualifiers.get("requirement") == "required"
    ]
    assert required[:10] == [
        "Python",
        "SQL",
        "PyTorch",
        "TensorFlow",
        "scikit-learn",
        "XGBoost",
        "pandas",
        "AWS",
        "GCP",
        "Docker",
    ]
    aliases = {
        c.qualifiers["canonical"]: c.qualifiers["alias"]
        for c in claims
        if c.qualifiers["canonical"]
    }
    assert aliases["scikit-learn"] == "scikit learn"
    assert aliases["PyTorch"] == "pytorch"
    preferred = [
        c.qualifiers["canonical"] for c in claims if c.qualifiers.get("requirement") == "preferred"
    ]
    assert preferred == ["Spark", "MLflow"]


def test_degree_item_is_education_and_its_fields_are_not_skills() -> None:
    claims = skills.extract(fixture("requirements.txt"))
    education = [c for c in claims if c.qualifiers["category_of_skill"] == "education"]
    assert [c.text for c in education] == [
        "a Master's degree in Computer Science, Statistics or a related field"
    ]
    assert "statistics" not in _canonical(claims)


def test_mentions_outside_requirements_are_not_skills() -> None:
    claims = skills.extract(fixture("requirements.txt"))
    assert "Rust" not in _canonical(claims)
    assert not [c for c in claims if "feature store" in (c.text or "")]


def test_prose_mentions_without_a_need_are_not_skills() -> None:
    text = (
        "Life at the company\n\n"
        "Our office has a Python-shaped coffee mug, a ping-pong table and a rooftop garden. "
        "Every engineer on the platform team must know SQL and Docker before their first on-call "
        "shift, which usually starts in the second month.\n"
    )
    claims = skills.extract(document(text))
    assert _canonical(claims) == ["SQL", "Docker"]
    assert {c.qualifiers["requirement"] for c in claims} == {"required"}


def test_a_table_listing_skills_row_by_row_names_each_skill() -> None:
    doc = bundled(1)
    start = doc.text.index("3. Most In-demand Programming Languages")
    end = doc.text.index("4. Countries")
    named = [c for c in skills.extract(doc) if start <= c.char_start < end]
    assert [c.text for c in named] == ["Python", "R", "Java"]
    assert all(quote(doc, c) == c.text for c in named)


def test_html_tool_table_gives_skills_and_prose_cells_do_not() -> None:
    html = """<h2>Tools data teams rely on</h2><table>
    <tr><th>Rank</th><th>Tool</th><th>Share of teams</th></tr>
    <tr><td>1</td><td>Kubernetes</td><td>61%</td></tr>
    <tr><td>2</td><td>MLflow</td><td>44%</td></tr>
    <tr><td>3</td><td>Airflow</td><td>37%</td></tr></table>
    <table><tr><th>Team</th><th>Notes</th></tr>
    <tr><td>Platform</td><td>Mostly writes Go and some Python glue</td></tr>
    <tr><td>Research</td><td>Prototypes in notebooks</td></tr></table>"""
    doc = document(html, "text/html")
    table_claims = [c for c in skills.extract(doc) if c.char_start >= doc.tables[0].start]
    assert [c.qualifiers["canonical"] for c in table_claims] == [
        "Kubernetes",
        "MLflow",
        "Airflow",
    ]

"""Responsibility claims from responsibilities lists, phase lists and 'responsible for' prose."""

from __future__ import annotations

from support.documents import bundled, document, fixture, quote

from mlefacts.extract import responsibilities


def test_spun_article_ten_bullets() -> None:
    doc = bundled(0)
    claims = responsibilities.extract(doc)
    assert len(claims) == 10
    assert [c.qualifiers["position"] for c in claims] == list(range(1, 11))
    assert {c.subject for c in claims} == {"machine learning engineer"}
    assert {c.kind for c in claims} == {"responsibility"}
    assert claims[0].text == "check and convert knowledge science prototypes"
    assert (
        claims[6].text
        == "develop Machine Learning apps in keeping with purchaser/client requirements"
    )
    assert quote(doc, claims[6]).startswith("To develop")
    assert "{client}" in quote(doc, claims[6])


def test_numbered_list_and_faq_prose() -> None:
    doc = bundled(1)
    claims = responsibilities.extract(doc)
    listed = [c.text for c in claims if "source_phrase" not in c.qualifiers]
    assert listed == [
        "develop and implement machine learning models and algorithms",
        "collect, preprocess, and clean data for training ML models",
        "apply feature engineering techniques to enhance model performance",
        "collaborate with cross-functional teams to gather data and insights",
        "deploy ML models into production environments",
        "monitor and evaluate the performance of ML models",
    ]
    prose = [c for c in claims if c.qualifiers.get("source_phrase") == "responsible for"]
    assert [c.text for c in prose] == [
        "developing and implementing machine learning models",
        "collecting and analyzing relevant data",
        "optimizing algorithms",
        "integrating machine learning systems into existing software applications",
    ]
    assert [quote(doc, c) for c in prose][2] == "optimizing algorithms"


def test_takeaways_and_misconceptions_are_not_responsibilities() -> None:
    texts = " ".join(c.text or "" for c in responsibilities.extract(bundled(1)))
    assert "cross-functional teams to gather data and deploy" not in texts
    assert "success or failure" not in texts
    assert "plug-and-play" not in texts.lower()


def test_phases_with_nested_items() -> None:
    doc = bundled(2)
    claims = responsibilities.extract(doc)
    phases = [c for c in claims if "phase" not in c.qualifiers]
    assert [c.text for c in phases] == [
        "planning, researching, and scoping of machine learning algorithms and schemes",
        "experimenting and testing data and models",
        "developing, designing, and building ML algorithms",
        "deploying artificial intelligence systems",
        "evaluating and maintaining",
    ]
    assert [c.qualifiers["position"] for c in phases] == [1, 2, 3, 4, 5]
    assert quote(doc, phases[1]) == "experimenting and testing data and models"
    nested = [c for c in claims if "phase" in c.qualifiers]
    assert len(nested) == 9
    assert nested[0].text == "how the problem at hand can be solved using various schemes"
    assert nested[0].qualifiers == {
        "position": 1,
        "phase": "planning, researching, and scoping of machine learning algorithms and schemes",
    }
    assert nested[-1].qualifiers["phase"] == "developing, designing, and building ML algorithms"
    assert nested[-1].qualifiers["position"] == 4


def test_html_numbered_list_under_question_heading() -> None:
    doc = fixture("salary_by_country.html")
    claims = responsibilities.extract(doc)
    assert [c.text for c in claims] == [
        "design and train machine learning models for production use",
        "build data pipelines that feed features to those models",
        "deploy models behind APIs and monitor their drift",
        "work with product teams to turn business questions into ML problems",
    ]
    assert {c.subject for c in claims} == {"machine learning engineer"}


def test_lists_that_are_not_duties_give_nothing() -> None:
    doc = fixture("requirements.txt")
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "own the training and serving pipeline end to end",
        "run A/B tests with the product analytics team",
    ]


def test_prose_names_the_role_and_skips_negations() -> None:
    text = (
        "Overview\n\n"
        "A data engineer is responsible for building pipelines, and keeping them healthy. "
        "The engineer is not responsible for pricing."
    )
    claims = responsibilities.extract(document(text))
    assert [(c.subject, c.text) for c in claims] == [
        ("data engineer", "building pipelines"),
        ("data engineer", "keeping them healthy"),
    ]


def test_lead_in_line_makes_a_list_responsibilities() -> None:
    text = "About the team\n\nYour key duties include:\n\n1. To train models.\n2. To {watch} drift;"
    claims = responsibilities.extract(document(text))
    assert [c.text for c in claims] == ["train models", "watch drift"]


def test_prose_work_includes_gives_one_claim_per_item() -> None:
    from mlefacts.document import build_document
    from mlefacts.extract import responsibilities

    text = (
        "Machine Learning Engineer\n\nTheir work includes cleaning raw data, training models on "
        "large datasets, and monitoring them in production."
    )
    doc = build_document(source_id="w", text=text, media_type="text/plain")
    assert [c.text for c in responsibilities.extract(doc)] == [
        "cleaning raw data",
        "training models on large datasets",
        "monitoring them in production",
    ]

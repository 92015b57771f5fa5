"""Role and field definitions; evaluative 'X is a Y' sentences are not definitions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.build import build_document
from mlefacts.document.model import Span, Table
from mlefacts.extract import definitions, responsibilities

FIXTURES = Path(__file__).parent / "fixtures" / "prose"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def _subjects(path: Path) -> list[str]:
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type="text/plain")
    return [c.subject for c in definitions.extract(doc)]


def test_fixture_role_and_field_definitions_only() -> None:
    assert _subjects(FIXTURES / "definitions_quotes.txt") == ["data scientist", "machine learning"]


def test_definition_text_is_the_sentence() -> None:
    text = "Machine learning is a subset of artificial intelligence that learns from data."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    (claim,) = definitions.extract(doc)
    assert claim.text == text
    assert (claim.char_start, claim.char_end) == (0, len(text))
    assert (claim.kind, claim.attribute) == ("definition", "definition")


@pytest.mark.parametrize(
    "sentence",
    [
        "Python is a must for every ML engineer who wants a well-paying job.",
        "The role is a great fit for curious people who enjoy coding and statistics.",
        "Machine Learning is the same as Artificial Intelligence in many minds.",
        "A Machine Learning Engineer is responsible for deploying models to production.",
        "A data scientist is a hero.",
    ],
)
def test_not_definitions(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert definitions.extract(doc) == []


def test_bundled_definitions() -> None:
    assert _subjects(next(BUNDLED.glob("000_*.txt"))) == ["machine learning engineer"]
    assert _subjects(next(BUNDLED.glob("001_*.txt"))) == ["machine learning engineer"] * 2
    assert _subjects(next(BUNDLED.glob("002_*.txt"))) == ["machine learning engineer"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "MLOps refers to the practices that keep machine learning systems running.",
            "machine learning operations",
        ),
        (
            "The computer vision market covers cameras, chips and the software that reads images.",
            "computer vision market",
        ),
        (
            "Deep learning itself is a family of methods that stack many layers of neurons.",
            "deep learning",
        ),
        (
            "Put simply, an AI engineer is someone who builds products on models others trained.",
            "artificial intelligence engineer",
        ),
        (
            "An ML engineer, sometimes called a machine learning developer, is a programmer who "
            "ships trained models as dependable services.",
            "machine learning engineer",
        ),
        (
            "An NLP engineer is basically a developer who teaches software to read text.",
            "natural language processing engineer",
        ),
        (
            "The holiday salary is an extra half month's pay that Belgian employers add in May.",
            "holiday salary",
        ),
        (
            "Inside IR35 means the contractor is taxed much like an employee of the client.",
            "inside ir35",
        ),
        (
            "Data labelling as a service covers vendors that annotate images and text for you.",
            "data labelling as a service",
        ),
        (  # the term set in bold after its article, as a glossary page writes it
            "A **data engineer** is a developer who builds the pipelines that feed models.",
            "data engineer",
        ),
    ],
)
def test_defining_verbs_and_adverbs(sentence: str, subject: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert [c.subject for c in definitions.extract(doc)] == [subject]


def test_superlatives_are_judgements() -> None:
    text = "Machine learning is the biggest slice of the market by revenue this year."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert definitions.extract(doc) == []
    text = "The average salary is a useful figure, but it hides a wide spread of offers."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert definitions.extract(doc) == []


def test_glossary_entry_under_a_role_heading() -> None:
    text = (
        "# Glossary\n\n## Data engineer\n\nA data engineer builds the pipelines that move and "
        "clean data for analysts.\n\nData engineers earn well.\n\n## Salaries in 2025\n\n"
        "A data engineer builds pipelines for many teams at once."
    )
    doc = build_document(source_id="g", text=text, media_type="text/markdown")
    claims = definitions.extract(doc)
    assert [(c.subject, c.text) for c in claims] == [
        (
            "data engineer",
            "A data engineer builds the pipelines that move and clean data for analysts.",
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Essentially, the job of an AI engineer is a cross between a software developer "
            "and a data scientist.",
            "artificial intelligence engineer",
        ),
        (
            "Put simply, the work of a data engineer is a marriage between two trades: "
            "databases and distributed systems.",
            "data engineer",
        ),
        (
            "The job of a Machine Learning Engineer is a mix of coding and statistics work.",
            "machine learning engineer",
        ),
        (
            "An MLOps engineer sits at the intersection of software delivery and model "
            "development.",
            "machine learning operations engineer",
        ),
        (
            "A research engineer is best described as the person who turns a paper's idea "
            "into code.",
            "research engineer",
        ),
    ],
)
def test_hybrid_and_metaphor_forms_define_a_role(sentence: str, subject: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert [c.subject for c in definitions.extract(doc)] == [subject]


def test_the_pay_of_a_role_is_not_its_definition() -> None:
    text = "The salary of a machine learning engineer is a function of experience and location."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert definitions.extract(doc) == []


def _markdown_subjects(text: str) -> list[str]:
    doc = build_document(source_id="d", text=text, media_type="text/markdown")
    return [c.subject for c in definitions.extract(doc)]


def test_glossary_lines_plural_and_or_forms_define_their_term() -> None:
    text = (
        "MLOps: the practice of running machine learning models in production with care.\n\n"
        "**Reinforcement learning:** a method where an agent learns by trial and error.\n\n"
        "A data scientist, or decision scientist, is an analyst who answers business questions.\n\n"
        "Machine learning engineers are professionals who sit between data science and code.\n\n"
        "A: An ML engineer is the person who turns a prototype into a reliable service.\n"
    )
    assert _markdown_subjects(text) == [
        "machine learning operations",
        "reinforcement learning",
        "data scientist",
        "machine learning engineer",
        "machine learning engineer",
    ]


def test_the_first_sentence_under_a_heading_may_define_its_term_unnamed() -> None:
    text = (
        "## What is MLOps?\n\nIt is the discipline of shipping models and keeping them healthy.\n\n"
        "## Prompt engineer\n\nA specialist who designs and tests the instructions for models.\n\n"
        "## What is a machine learning engineer?\n\nThe salary of a junior one is high in cities.\n"
    )
    assert _markdown_subjects(text) == ["machine learning operations", "prompt engineer"]


def test_a_plain_words_opener_with_a_role_and_its_work_defines_the_role() -> None:
    text = "In simple terms, an ML engineer turns a data scientist's prototype into a product."
    assert _markdown_subjects(text) == ["machine learning engineer"]


def test_labelled_statements_with_figures_are_not_definitions() -> None:
    text = (
        "Deep Learning: the segment was worth $14.8 billion in 2025.\n\n"
        "Machine learning: the share grew fast this year, ahead of the rest.\n"
    )
    assert _markdown_subjects(text) == []


def test_openers_appositives_and_defined_as_forms_define_their_term() -> None:
    text = (
        "MLOps, short for machine learning operations, is a set of habits for releasing and "
        "watching models.\n\n"
        "In contrast, a data scientist is an analyst who frames business questions as "
        "experiments.\n\n"
        "The AI engineer can be defined as a developer who assembles products from pretrained "
        "models.\n\n"
        "Deep learning, or representation learning with many-layered neural networks, is the "
        "family of methods behind modern speech systems.\n"
    )
    assert _markdown_subjects(text) == [
        "machine learning operations",
        "data scientist",
        "artificial intelligence engineer",
        "deep learning",
    ]


def test_a_term_named_after_its_description_or_between_commas_is_defined() -> None:
    text = (
        "Think of an AI engineer as a software engineer with a specialty in foundation models.\n\n"
        "A developer who specialises in putting trained models into service is known as a "
        "machine learning engineer.\n\n"
        "A data scientist, meanwhile, is an analyst who frames questions as experiments.\n\n"
        "Think of the salary as a bonus that grows with the size of the team and the city.\n\n"
        "This is called a pipeline.\n"
    )
    assert _markdown_subjects(text) == [
        "artificial intelligence engineer",
        "machine learning engineer",
        "data scientist",
    ]


def test_a_term_line_then_its_description_defines_it() -> None:
    text = (
        "<h2>Titles</h2><dl>"
        "<dt>Machine learning engineer</dt><dd>A software engineer who runs trained models as "
        "dependable services.</dd>"
        "<dt>AI engineer</dt><dd>Builds features on top of hosted foundation models and "
        "retrieval.</dd>"
        "<dt>Model drift</dt><dd>The gradual loss of accuracy as live data moves away from the "
        "training data.</dd></dl>"
        "<h2>Card</h2><p>Data scientist</p><p>The median pay rose quickly over the year.</p>"
    )
    doc = build_document(source_id="d", text=text, media_type="text/html")
    claims = definitions.extract(doc)
    assert [c.subject for c in claims] == [
        "machine learning engineer",
        "artificial intelligence engineer",
        "model drift",
    ]
    assert claims[0].text == (
        "Machine learning engineer A software engineer who runs trained models as dependable "
        "services."
    )
    assert doc.text[claims[0].char_start : claims[0].char_end].startswith("Machine learning")


def test_a_lone_term_line_outside_a_glossary_must_be_a_role_or_field() -> None:
    text = "Feature store\n\nA shared service that keeps model inputs consistent everywhere.\n"
    assert _markdown_subjects(text) == []


def test_glossary_lines_with_any_term_in_a_run_of_three() -> None:
    text = (
        "- **Model card** – a short document that records what a model was trained on.\n"
        "- **Feature store** – a shared service that keeps model inputs consistent.\n"
        "- **Shadow deployment** – a release in which the new model sees live traffic.\n\n"
        "Location: a hybrid role based in Leeds with two office days of the week.\n"
    )
    assert _markdown_subjects(text) == ["model card", "feature store", "shadow deployment"]


def test_questions_openers_and_asked_terms() -> None:
    text = (
        "Q: What is a machine learning engineer?\n\n"
        "It's a software engineer who specialises in running machine learning systems.\n\n"
        "## What is a feature store?\n\n"
        "A feature store is a central repository that serves model inputs to every job.\n\n"
        "Put simply, MLOps is DevOps for models: versioning, testing and monitoring them.\n\n"
        "By definition, an AI engineer is an engineer who builds on top of foundation models.\n\n"
        "We define an ML engineer as someone who writes production code around models.\n\n"
        "Data scientist definition: a professional who answers business questions with data.\n"
    )
    assert _markdown_subjects(text) == [
        "machine learning engineer",
        "feature store",
        "machine learning operations",
        "artificial intelligence engineer",
        "machine learning engineer",
        "data scientist",
    ]


def test_a_renamed_term_is_defined_whatever_it_names() -> None:
    text = (
        "Batch scoring, or offline inference, is the step where a model labels a whole table "
        "overnight.\n\n"
        "A model registry (sometimes called a model store) is the catalogue that records every "
        "trained version.\n\n"
        "Label leakage refers to a training column that quietly reveals the answer to the model."
        "\n\n"
        "The cache, or the one we use, is fast.\n\n"
        "This refers to the approach we described in the previous section of the guide.\n\n"
        "Estimates refer to March 2025 and cover full-time workers in every industry.\n"
    )
    assert _markdown_subjects(text) == ["batch scoring", "model registry", "label leakage"]


def test_the_answer_to_what_a_role_does_defines_the_role() -> None:
    text = (
        "## What does a data engineer do?\n\n"
        "They build the pipelines that move raw events into tables analysts can trust.\n\n"
        "## What does the team do on Fridays?\n\n"
        "They build small demos and share them with the rest of the company.\n"
    )
    assert _markdown_subjects(text) == ["data engineer"]


def test_a_glossary_table_defines_each_row_term() -> None:
    text = (
        "<h2>Words to know</h2><table><tr><th>Term</th><th>Meaning</th></tr>"
        "<tr><td>Data drift</td><td>A change in live inputs away from what the model saw in "
        "training</td></tr>"
        "<tr><td>Canary release</td><td>Sending a small slice of traffic to a new model first"
        "</td></tr></table>"
        "<h2>Glossary</h2><table><tr><th>Word</th><th>Plain English</th></tr>"
        "<tr><td>Epoch</td><td>One full pass of the training data through the model</td></tr>"
        "</table>"
        "<h2>Team</h2><table><tr><th>Role</th><th>Description</th></tr>"
        "<tr><td>Data engineer</td><td>Builds the ingestion jobs and keeps them running</td></tr>"
        "<tr><td>ML engineer</td><td>An engineer who turns trained models into services</td></tr>"
        "</table>"
    )
    doc = build_document(source_id="d", text=text, media_type="text/html")
    claims = definitions.extract(doc)
    assert [(c.subject, c.text) for c in claims] == [
        ("data drift", "A change in live inputs away from what the model saw in training"),
        ("canary release", "Sending a small slice of traffic to a new model first"),
        ("epoch", "One full pass of the training data through the model"),
        ("machine learning engineer", "An engineer who turns trained models into services"),
    ]
    assert all(doc.text[c.char_start : c.char_end] == c.text for c in claims)


def test_a_long_glossary_cell_is_quoted_by_its_first_sentence() -> None:
    meaning = (
        "A shared service that keeps the features a model was trained on, so that the same "
        "values are served when it predicts. It stores every value with its timestamp, which "
        "lets a team rebuild a training set as it stood on any past day. Teams use it to avoid "
        "skew between training and serving, to share features across projects, and to watch "
        "how the inputs of a model drift in the months after a launch or a retraining."
    )
    text = (
        "<h2>Words to know</h2><table><tr><th>Term</th><th>Meaning</th></tr>"
        f"<tr><td>Feature store</td><td>{meaning}</td></tr></table>"
    )
    doc = build_document(source_id="d", text=text, media_type="text/html")
    assert len(meaning) > MAX_QUOTE
    (claim,) = definitions.extract(doc)
    assert claim.subject == "feature store"
    first = meaning[: meaning.find(".") + 1]
    assert claim.text == doc.text[claim.char_start : claim.char_end] == first


def test_a_table_that_breaks_its_reader_loses_no_prose_definition() -> None:
    text = (
        "Term, definition\n\n"
        "Machine learning is a subset of artificial intelligence that learns from data."
    )
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    term, meaning = Span(0, 4), Span(6, 16)
    broken = Table(0, 16, (term, meaning), ((term,),))  # a row short of a cell
    (claim,) = definitions.extract(replace(doc, tables=(broken,)))
    assert claim.subject == "machine learning"


def test_a_page_title_question_is_answered_past_its_byline() -> None:
    text = (
        "# What is a vector database?\n\nBy Lena Park · Updated 2 June\n\n"
        "A vector database is a store that finds the records nearest in meaning to a query.\n"
    )
    assert _markdown_subjects(text) == ["vector database"]
    html = (
        "<h1>What is a vector database?</h1><p>Written by Lena Park · 4 min read</p>"
        "<p>A vector database is a store that finds the records nearest in meaning to a query.</p>"
    )
    doc = build_document(source_id="d", text=html, media_type="text/html")
    assert [c.subject for c in definitions.extract(doc)] == ["vector database"]
    unanswered = (
        "# What is a vector database?\n\nWe compared three of them.\n\n"
        "A vector database is a store that finds the records nearest in meaning to a query.\n"
    )
    assert _markdown_subjects(unanswered) == []


def test_the_role_named_again_answers_what_it_does() -> None:
    text = (
        "## What does a data engineer do?\n\n"
        "A data engineer builds the pipelines that move raw events into tables analysts trust.\n"
    )
    assert _markdown_subjects(text) == ["data engineer"]
    assert _markdown_subjects(text.replace("engineer builds", "engineer usually builds")) == [
        "data engineer"
    ]
    # The role's name must end before its verb: a possessive is no subject.
    assert _markdown_subjects(text.replace("engineer builds", "engineer's builds")) == []


def test_a_description_cell_is_either_duties_or_a_definition_never_both() -> None:
    text = (
        "| Role | Description |\n| --- | --- |\n"
        "| Data engineer | **Builds** the ingestion jobs and keeps them running |\n"
        "| ML engineer | Designed the serving layer for the fraud models last year |\n"
        "| Analyst | A person who turns tables into weekly business reports |\n"
    )
    doc = build_document(source_id="d", text=text, media_type="text/markdown")
    defined = {c.subject for c in definitions.extract(doc)}
    duties = {c.subject for c in responsibilities.extract(doc)}
    assert "data engineer" in duties and "data engineer" not in defined
    assert not defined & duties


def test_a_definition_later_in_its_paragraph_is_read_by_its_cue_words() -> None:
    # Past its paragraph's first sentence a sentence is read only where its shape's words are:
    # the opener's 'terms' (not "layman's", written with either apostrophe) and 'known as'.
    text = (
        "Pay rose again this year. In layman’s terms, an ML engineer turns a data scientist's "
        "prototype into a product. Demand grew too. A developer who puts trained models into "
        "service is known as a machine learning engineer.\n"
    )
    assert _markdown_subjects(text) == ["machine learning engineer", "machine learning engineer"]


def test_a_definition_may_say_where_its_term_is_used_so() -> None:
    text = "An ML engineer, in most job ads, is a developer whose speciality is shipping models."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.subject for c in definitions.extract(doc)] == ["machine learning engineer"]


def test_a_definition_may_follow_a_label_that_says_it_is_one() -> None:
    text = "A working definition: a data engineer is someone who builds the pipelines models eat."
    doc = build_document(source_id="d", text=text, media_type="text/plain")
    assert [c.subject for c in definitions.extract(doc)] == ["data engineer"]


def test_a_sentence_opens_its_paragraph_after_blanks_or_emphasis_marks_only() -> None:
    text = "x. **  An ML engineer ships models. More."
    opening = definitions._block_opening(text, 3)  # the block after 'x. '
    assert opening == text.index("An")
    assert definitions._block_opening("  \n  Word", 0) == 5
    assert definitions._block_opening("__Word", 0) == 2
    assert definitions._block_opening("  ", 0) == 2  # blank to the end


def test_a_list_saying_what_each_of_several_roles_does_defines_each_role() -> None:
    text = (
        "## The roles, briefly\n\n"
        "- **Data engineer:** builds the pipelines that move and clean the company's data.\n"
        "- **Analytics engineer:** models that data into tables analysts can trust.\n"
    )
    assert _markdown_subjects(text) == ["data engineer", "analytics engineer"]
    # one role's line among other items is a duty, no definition
    alone = "## Who does what\n\n- **Data engineer:** builds the pipelines.\n- Lunch at noon.\n"
    assert _markdown_subjects(alone) == []

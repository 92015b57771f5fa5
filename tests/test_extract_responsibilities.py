"""Responsibility claims from responsibilities lists, phase lists and 'responsible for' prose."""

from __future__ import annotations

from dataclasses import replace

from support.documents import bundled, document, fixture, quote

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Span, Table
from mlefacts.extract import responsibilities, skills


def _listed(claims):
    return [c for c in claims if "source_phrase" not in c.qualifiers]


def test_spun_article_ten_bullets() -> None:
    doc = bundled(0)
    claims = _listed(responsibilities.extract(doc))
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
    # 'developing and implementing machine learning models' restates list item 1: kept once.
    assert [c.text for c in prose] == [
        "collecting and analyzing relevant data",
        "optimizing algorithms",
        "integrating machine learning systems into existing software applications",
    ]
    assert [quote(doc, c) for c in prose][1] == "optimizing algorithms"


def test_prose_duties_one_claim_per_verb_phrase() -> None:
    claims = responsibilities.extract(bundled(1))
    texts = [c.text for c in claims if "source_phrase" in c.qualifiers]
    for duty in (
        "designing and testing machine learning models",
        "training them on large datasets",
        "fine-tuning them to achieve optimal performance",
        "collecting, preprocessing, and cleaning the data to ensure its accuracy and quality",
        "develop predictive models to identify high-risk patients or personalize treatment plans",
        "build algorithms for fraud detection or trading strategies",
        "monitoring, debugging, and maintaining machine learning models",
    ):
        assert duty in texts


def test_myths_and_negations_are_not_responsibilities() -> None:
    texts = " ".join(c.text or "" for c in responsibilities.extract(bundled(1)))
    assert "only work on creating" not in texts
    assert "success or failure" not in texts
    assert "plug-and-play" not in texts.lower()


def test_phases_with_nested_items() -> None:
    doc = bundled(2)
    claims = _listed(responsibilities.extract(doc))
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
    claims = _listed(responsibilities.extract(doc))
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
    from mlefacts.document.build import build_document
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


def test_takeaway_prose_counts_but_not_its_negated_item() -> None:
    claims = responsibilities.extract(fixture("salary_by_country.html"))
    prose = [c.text for c in claims if "source_phrase" in c.qualifiers]
    assert prose == ["shipping models"]


def test_phase_descriptions_give_their_duties() -> None:
    texts = [c.text for c in responsibilities.extract(bundled(2))]
    assert "maintain and carry out checkups on the system" in texts
    assert "fix up the necessary problems and also add new features when needed" in texts
    assert "help to serve artificial intelligence algorithms to customers" in texts
    assert "work with data pipelines provided by the data engineers" in texts
    assert any(t.startswith("helping them by pointing out important features") for t in texts)


def _prose(text: str) -> list[tuple[str, str]]:
    claims = responsibilities.extract(document(text))
    return [(c.subject, c.text or "") for c in claims]


def test_role_and_verb_phrases_split_at_commas_before_verbs() -> None:
    text = (
        "Team\n\nOur ML engineers build features from event data, tune models, and work with "
        "analysts to choose alert thresholds."
    )
    assert _prose(text) == [
        ("machine learning engineer", "build features from event data"),
        ("machine learning engineer", "tune models"),
        ("machine learning engineer", "work with analysts to choose alert thresholds"),
    ]


def test_objects_with_commas_and_bare_verbs_stay_one_phrase() -> None:
    text = (
        "Team\n\nData engineers design, build and run pipelines for retail, travel, and media "
        "clients."
    )
    assert _prose(text) == [
        ("data engineer", "design, build and run pipelines for retail, travel, and media clients")
    ]


def test_pronoun_takes_the_role_named_before() -> None:
    text = (
        "Who they are\n\nComputer vision engineers are in demand. In retail, they label shelf "
        "images and train detectors."
    )
    assert _prose(text) == [
        ("computer vision engineer", "label shelf images"),
        ("computer vision engineer", "train detectors"),
    ]


def test_pronoun_without_a_role_gives_nothing() -> None:
    assert _prose("Notes\n\nIn retail, they label shelf images and train detectors.") == []


def test_modals_hedges_figures_and_comparisons_give_no_duty() -> None:
    for sentence in (
        "ML engineers can build models.",
        "ML engineers must know Python.",
        "I think data scientists develop useful skills.",
        "ML engineers build models that earn $120,000.",
        "Data scientists analyse data, whereas ML engineers build services.",
        "ML engineers and data scientists collaborate on projects.",
        "Machine learning engineers only work on creating models.",
    ):
        assert _prose(f"Notes\n\n{sentence}") == [], sentence


def test_you_will_in_a_posting_and_label_lines() -> None:
    text = (
        "Machine Learning Engineer\n\nYou will take prototypes from our researchers and turn "
        "them into reliable, monitored services.\n\nWhat they do: design, train and ship "
        "ranking models."
    )
    assert [t for _, t in _prose(text)] == [
        "take prototypes from our researchers and turn them into reliable, monitored services",
        "design, train and ship ranking models",
    ]


def test_job_is_to_and_play_a_role_in() -> None:
    text = (
        "Overview\n\nThe main job of an MLOps engineer is to automate releases. MLOps engineers "
        "play a key role in monitoring, alerting, and rolling back models."
    )
    assert _prose(text) == [
        ("machine learning operations engineer", "automate releases"),
        ("machine learning operations engineer", "monitoring, alerting, and rolling back models"),
    ]


def test_posting_actors_and_contractions() -> None:
    text = (
        "Machine Learning Engineer\n\nThe successful candidate will harden our scoring service "
        "and track its costs. As a lead, you'll own the forecasting models end to end."
    )
    assert [t for _, t in _prose(text)] == [
        "harden our scoring service",
        "track its costs",
        "own the forecasting models end to end",
    ]


def test_a_b_and_c_without_a_final_comma() -> None:
    text = "Team\n\nData engineers design schemas, schedule batch jobs and fix broken loads early."
    assert [t for _, t in _prose(text)] == [
        "design schemas",
        "schedule batch jobs",
        "fix broken loads early",
    ]


def test_a_negation_after_the_verb_does_not_cancel_the_duty() -> None:
    text = (
        "AI engineers\n\nAn AI engineer also designs the guardrails that stop a chatbot from "
        "answering questions it should not."
    )
    assert [t for _, t in _prose(text)] == [
        "designs the guardrails that stop a chatbot from answering questions it should not"
    ]


def test_a_person_in_the_page_role_does_the_work() -> None:
    text = (
        "# A day as a machine learning engineer\n\n## Morning\n\nPriya starts early. She reviews "
        "the overnight job, compares it with production, and decides what to ship."
    )
    claims = responsibilities.extract(document(text, "text/markdown"))
    assert [(c.subject, c.text) for c in claims] == [
        ("machine learning engineer", "reviews the overnight job"),
        ("machine learning engineer", "compares it with production"),
        ("machine learning engineer", "decides what to ship"),
    ]


def test_and_splits_two_duties_but_not_one_duty_on_one_object() -> None:
    text = (
        "Team\n\nOur ML engineers conduct code reviews and guide interns. They monitor deployed "
        "models and retrain them when accuracy drops. They leverage cloud platforms to scale "
        "models and handle large volumes of data."
    )
    assert [t for _, t in _prose(text)] == [
        "conduct code reviews",
        "guide interns",
        "monitor deployed models and retrain them when accuracy drops",
        "leverage cloud platforms to scale models and handle large volumes of data",
    ]


def _duty_texts(text: str) -> list[str]:
    doc = document(text, "text/markdown")
    return [c.text for c in responsibilities.extract(doc)]


def test_offers_courses_and_framing_clauses_state_no_duty() -> None:
    text = (
        "# Machine learning engineer job\n\n"
        "Replace the bracketed parts with your details before you publish it.\n\n"
        "## What we offer\n\nYou will work with mentors and build a portfolio of projects.\n\n"
        "## Want to learn more?\n\nIn the course you will build a recommender and deploy it.\n\n"
        "## How to apply\n\nShortlisted candidates meet the team, and you will present a "
        "project.\n"
    )
    assert _duty_texts(text) == []


def test_you_would_in_a_posting_states_its_duties() -> None:
    text = (
        "# Senior ML Engineer\n\nAs our next perception engineer you'd train and ship the "
        "detection models, and own the latency budget on the boards. You would also mentor "
        "two engineers.\n"
    )
    assert _duty_texts(text) == [
        "train and ship the detection models",
        "own the latency budget on the boards",
        "mentor two engineers",
    ]


def test_theyre_expected_to_states_a_duty() -> None:
    text = (
        "# Podcast\n\nToday ML engineers own the whole loop. And they're expected to write the "
        "evaluation suite before a model ships.\n"
    )
    assert "write the evaluation suite before a model ships" in _duty_texts(text)


def test_what_a_role_does_as_the_object_of_a_question_is_no_duty() -> None:
    text = (
        "# ML Engineer vs. Data Scientist\n\nHere is how the roles differ in what they build, "
        "the tools they use and what they earn. ML engineers build pipelines.\n"
    )
    assert _duty_texts(text) == ["build pipelines"]


def test_duty_ranges_they_after_a_heading_and_postmodified_actors() -> None:
    text = (
        "# A day on the team\n\n"
        "People often picture machine learning engineers inventing algorithms.\n\n"
        "## Mornings\n\n"
        "Day to day, they review dashboards of live models and retrain the models that drift. "
        "The engineers on call also triage bug reports.\n\n"
        "## The work\n\n"
        "Their duties range from cleaning raw logs to serving predictions behind APIs.\n"
    )
    assert _duty_texts(text) == [
        "review dashboards of live models",
        "retrain the models that drift",
        "triage bug reports",
        "cleaning raw logs",
        "serving predictions behind APIs",
    ]


def test_labelled_paragraphs_timed_items_and_listed_tasks() -> None:
    text = (
        "# What does a machine learning engineer do?\n\n"
        "**Data preparation:** Obtain, clean and version the datasets that models learn from.\n\n"
        "Your role as a machine learning engineer also involves capacity planning and cost "
        "reviews.\n\n"
        "On most teams, they take on tasks such as feature design, offline evaluation and shadow "
        "deployments.\n\n"
        "## A typical day\n\n"
        "- Morning: Review overnight training runs and file tickets for anything odd.\n"
        "- 2-4 PM: Roll out a new model version behind a feature flag.\n"
    )
    assert _duty_texts(text) == [
        "obtain, clean and version the datasets that models learn from",
        "capacity planning and cost reviews",
        "feature design",
        "offline evaluation",
        "shadow deployments",
        "review overnight training runs",
        "file tickets for anything odd",
        "roll out a new model version behind a feature flag",
    ]


def test_keeping_things_running_is_a_duty() -> None:
    text = (
        "# The data engineer\n\nData engineers keep the event pipelines flowing and model the "
        "warehouse tables everyone queries.\n"
    )
    assert _duty_texts(text) == [
        "keep the event pipelines flowing",
        "model the warehouse tables everyone queries",
    ]


def test_steps_to_get_the_job_are_advice_not_duties() -> None:
    text = (
        "# Becoming an ML engineer\n\n"
        "Machine learning engineers build and maintain the systems that serve predictions.\n\n"
        "## How to land the role\n\n"
        "1. Build a portfolio of three deployed projects.\n"
        "2. Contribute to open-source libraries.\n\n"
        "### Step 3: Get experience\n\nApply for internships and prepare for interviews.\n\n"
        "## What does an ML engineer do, and how do you become one?\n\n"
        "They package models as services.\n\n"
        "## Notes\n\n"
        "To become an ML engineer, you will build projects and earn a certificate.\n"
    )
    assert _duty_texts(text) == [
        "build and maintain the systems that serve predictions",
        "package models as services",
    ]


def test_a_time_phrase_is_no_framing_clause_and_she_is_no_plural_role() -> None:
    text = (
        "# A day in the life of an ML engineer\n\n"
        "Around noon she meets the data scientists. After lunch she writes feature code and "
        "reviews pull requests. After she ships a model, she watches its metrics.\n"
    )
    claims = responsibilities.extract(document(text, "text/markdown"))
    assert [(c.subject, c.text) for c in claims] == [
        ("machine learning engineer", "writes feature code"),
        ("machine learning engineer", "reviews pull requests"),
        ("machine learning engineer", "watches its metrics"),
    ]


def _texts_by_subject(text: str, media_type: str = "text/markdown") -> list[tuple[str, str]]:
    doc = document(text, media_type)
    claims = responsibilities.extract(doc)
    assert all(quote(doc, c).lower().startswith(c.text[:3].lower()) for c in claims)
    return [(c.subject, c.text) for c in claims]


def test_a_role_table_gives_each_row_its_own_role() -> None:
    text = (
        "<h1>Machine learning engineer guide</h1><table>"
        "<tr><th>Role</th><th>Main responsibilities</th></tr>"
        "<tr><td>Data analyst</td><td>Writes the monthly churn report</td></tr>"
        "<tr><td>MLOps engineer</td><td>Runs the model registry and patches the GPU nodes</td></tr>"
        "<tr><td>Product owner</td><td>Decides which experiments ship first</td></tr>"
        "</table><table><tr><th>Stage</th><th>Tasks</th></tr>"
        "<tr><td>Onboarding</td><td>Pairs with a mentor for two weeks</td></tr>"
        "</table><table><tr><th>Role</th><th>Median pay</th></tr>"
        "<tr><td>Data analyst</td><td>Writes reports</td></tr></table>"
    )
    assert _texts_by_subject(text, "text/html") == [
        ("data analyst", "writes the monthly churn report"),
        ("machine learning operations engineer", "runs the model registry"),
        ("machine learning operations engineer", "patches the GPU nodes"),
        ("product owner", "decides which experiments ship first"),
        ("machine learning engineer", "pairs with a mentor for two weeks"),
    ]


def test_a_long_duties_cell_is_quoted_sentence_by_sentence() -> None:
    duties = (
        "Pipelines that move raw events into the warehouse every hour, with checks for missing "
        "or late records. Schemas that analysts query, documented in the catalogue and reviewed "
        "with every team that reads them before a change ships. Slow queries of the reporting "
        "jobs, tuned by partitioning large tables, caching repeated joins and moving the "
        "heaviest work to overnight batches that finish before the first dashboards refresh "
        "in the morning."
    )
    text = (
        "<h1>Data roles</h1><table><tr><th>Role</th><th>What they do</th></tr>"
        f"<tr><td>Analytics engineer</td><td>{duties}</td></tr></table>"
    )
    doc = document(text, "text/html")
    claims = responsibilities.extract(doc)
    assert len(duties) > MAX_QUOTE
    assert [quote(doc, c) for c in claims] == [
        sentence + "." for sentence in duties.rstrip(".").split(". ")
    ]
    assert [c.qualifiers["position"] for c in claims] == [1, 2, 3]


def test_a_table_that_breaks_its_reader_loses_no_prose_duty() -> None:
    text = "# ML engineer\n\n## Responsibilities\n\n- Deploy models to production\n"
    doc = document(text, "text/markdown")
    heading = text.index("Responsibilities")
    cells = (Span(2, 13), Span(heading, heading + len("Responsibilities")))
    broken = Table(0, cells[1].end, cells, ((cells[0],),))  # a row short of a cell
    claims = responsibilities.extract(replace(doc, tables=(broken,)))
    assert [c.text for c in claims] == ["deploy models to production"]


def test_german_posting_sections_hold_duties() -> None:
    text = (
        "# Machine Learning Engineer (m/w/d)\n\n## Das erwartet dich\n\n"
        "- Du entwickelst Modelle zur Betrugserkennung\n\n## Das bieten wir\n\n"
        "- Ein Jobticket und flexible Arbeitszeiten\n"
    )
    assert _texts_by_subject(text) == [
        ("machine learning engineer", "du entwickelst Modelle zur Betrugserkennung")
    ]


def test_mle_abbreviation_names_the_role() -> None:
    text = (
        "# Hiring notes\n\nOur MLEs maintain the ranking service and review every schema change. "
        "The ML Eng. on call triages pager alerts from the ranking service.\n"
    )
    assert _texts_by_subject(text) == [
        ("machine learning engineer", "maintain the ranking service"),
        ("machine learning engineer", "review every schema change"),
        ("machine learning engineer", "triages pager alerts from the ranking service"),
    ]


def test_first_person_duties_only_on_an_account_of_the_role() -> None:
    narrative = (
        "# A day in the life of a data engineer\n\n"
        "I spend my mornings fixing failed loads, then I review the schema changes. "
        "After lunch I write tests for the new connectors.\n"
    )
    assert _texts_by_subject(narrative) == [
        ("data engineer", "fixing failed loads"),
        ("data engineer", "review the schema changes"),
        ("data engineer", "write tests for the new connectors"),
    ]
    opinion = (
        "# Data engineer salaries explained\n\n"
        "After lunch I write tests for the new connectors, then I review the schema changes.\n"
    )
    assert _texts_by_subject(opinion) == []


def test_a_writer_who_says_they_do_the_role_states_its_duties() -> None:
    said = (
        "# Reader questions\n\nI am a senior data engineer at an insurer. Most weeks I rebuild "
        "one of the claims pipelines and I review the load alerts with the platform team.\n"
    )
    assert _texts_by_subject(said) == [
        ("data engineer", "rebuild one of the claims pipelines"),
        ("data engineer", "review the load alerts with the platform team"),
    ]
    recruiter = (
        "# Reader questions\n\nI am a recruiter at an insurer. Most weeks I rebuild one of the "
        "job adverts and I review the applications with the hiring manager.\n"
    )
    assert _texts_by_subject(recruiter) == []


def test_a_typical_day_that_starts_with_work() -> None:
    text = (
        "# A day in the life of a data engineer\n\n"
        "A typical day for me starts with checking the overnight loads, then I fix the failed "
        "ones before the analysts log in.\n"
    )
    assert _texts_by_subject(text) == [
        ("data engineer", "checking the overnight loads"),
        ("data engineer", "fix the failed ones before the analysts log in"),
    ]


def test_duties_list_keeps_duties_not_requirements_offers_or_buttons() -> None:
    # Postings mix what the applicant has, what the employer offers and the page's buttons into
    # the list under a duties heading: only the duties are the role's.
    doc = document(
        "## Your responsibilities\n\n"
        "- Lead a team of four engineers\n"
        "- Ownership of the feature store\n"
        "- You have 7+ years of experience in machine learning\n"
        "- 5+ years with Python\n"
        "- Strong programming skills: Python and SQL\n"
        "- Fluent English; German is a plus\n"
        "- Competitive salary and stock options\n"
        "- Manage the pension data feeds\n"
        "- Apply now\n"
        "- Share this job\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "lead a team of four engineers",
        "ownership of the feature store",
        "manage the pension data feeds",
    ]


def test_company_blurb_is_not_the_roles_work() -> None:
    # 'Our engineers build ...', 'Our mission is to ...': what the employer and its staff do.
    doc = document(
        "# Machine Learning Engineer\n\n## Job description\n\n"
        "Our engineers build tools that read referral letters. Our data scientists design "
        "fraud rules. Our mission is to remove paperwork. Our team is responsible for the "
        "ranking service. You will join our team and be responsible for the search models. "
        "You will fine-tune language models on clinical text.\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == ["the search models", "fine-tune language models on clinical text"]


def test_a_readers_question_and_related_roles_state_no_duties() -> None:
    # The asker's own job ('Q: I build reports ... as a data analyst') and the roles a guide
    # lists for the reader to explore are not the duties of the role the page is about.
    doc = document(
        "# Machine learning engineer Q&A\n\n"
        "**Question from Priya, Pune:** I work as a data analyst. I build reports in Power BI "
        "every day.\n\n"
        "**Answer:** As an ML engineer you will train models and monitor them.\n\n"
        "## Related roles\n\n"
        "Data engineers build and maintain the pipelines that feed models.\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == ["train models and monitor them"]


def test_you_is_the_posts_role_and_a_catch_all_is_no_duty() -> None:
    # 'You' in a posting is the reader in the posted role, not the manager named the sentence
    # before; 'Other duties as assigned' names no work.
    doc = document(
        "# Senior Machine Learning Engineer\n\n## About the role\n\n"
        "You will report to the Head of Machine Learning. You will also tune the ranking "
        "models.\n\n## Responsibilities\n\n- Design the feature store\n"
        "- Other duties as assigned\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert ("machine learning engineer", "tune the ranking models") in found
    assert ("machine learning engineer", "design the feature store") in found
    assert all(subject == "machine learning engineer" for subject, _ in found)
    assert not any("other duties" in text for _, text in found)


def test_a_ranking_of_roles_keeps_only_the_focus_roles_duties() -> None:
    # Under each ranked role a countdown says a line about it: the other roles' lines are not
    # duties the dataset lists; the machine learning engineer's are. A page of roles that
    # ranks nothing ('Who does what') keeps every role's duties.
    ranked = document(
        "# Jobs on the Rise 2025: the 3 fastest-growing roles\n\n"
        "## 1. Data Annotator\n\nData annotators label images so that models can learn.\n\n"
        "## 2. Machine Learning Engineer\n\nMachine learning engineers deploy models to "
        "production.\n\n## 3. AI Ethics Specialist\n\nThese specialists review models for bias.\n",
        "text/markdown",
    )
    assert [(c.subject, c.text) for c in responsibilities.extract(ranked)] == [
        ("machine learning engineer", "deploy models to production")
    ]
    team = document(
        "# Who does what on our ML team\n\n## The data engineer\n\nData engineers keep the "
        "event pipelines flowing.\n\n## The machine learning engineer\n\nMachine learning "
        "engineers deploy models to production.\n",
        "text/markdown",
    )
    assert len(responsibilities.extract(team)) == 2


def test_they_after_companies_is_no_role() -> None:
    doc = document(
        "# ML engineer hiring in 2025\n\nData engineers are in demand. Two in three companies "
        "say they plan to hire more ML staff.\n",
        "text/markdown",
    )
    assert responsibilities.extract(doc) == []


def test_they_never_refers_to_a_role_named_as_an_object() -> None:
    doc = document(
        "# What does a machine learning engineer do?\n\n"
        "A machine learning engineer builds the systems that train models. They pick model "
        "architectures with data scientists.\n\nDay to day, they also review pull requests.\n",
        "text/markdown",
    )
    found = {c.text: c.subject for c in responsibilities.extract(doc)}
    assert found["review pull requests"] == "machine learning engineer"


def test_a_role_s_week_section_lists_its_duties_and_roll_back_is_work() -> None:
    found = _texts_by_subject(
        "# Data scientist or ML engineer?\n\n## The data scientist's week\n\n"
        "Data scientists frame questions with product managers, design experiments and present "
        "results to leadership.\n\n## The ML engineer's week\n\n"
        "ML engineers watch for data drift and roll back bad releases.\n"
    )
    assert found == [
        ("data scientist", "frame questions with product managers"),
        ("data scientist", "design experiments"),
        ("data scientist", "present results to leadership"),
        ("machine learning engineer", "watch for data drift"),
        ("machine learning engineer", "roll back bad releases"),
    ]


def test_a_list_of_work_verbs_under_a_role_heading_is_that_roles_duties() -> None:
    doc = document(
        "# ML engineer vs data scientist\n\n## The machine learning engineer\n\n"
        "- Packages models as versioned services\n- Builds training pipelines\n\n"
        "## The data scientist\n\n- Frames business questions as hypotheses\n"
        "- Designs experiments\n\n## Machine learning engineer salaries\n\n"
        "- Builds on the 2025 survey\n- Rises with seniority\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("machine learning engineer", "packages models as versioned services"),
        ("machine learning engineer", "builds training pipelines"),
        ("data scientist", "frames business questions as hypotheses"),
        ("data scientist", "designs experiments"),
    ]


def test_a_weak_verb_opening_a_list_of_work_verbs_is_a_duty_and_then_starts_an_item() -> None:
    doc = document(
        "Data scientists frame business questions, design experiments and build statistical "
        "models, then present what they found to stakeholders. Data engineers lay out "
        "warehouse schemas and guarantee data quality. ML engineers frame the problem."
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("data scientist", "frame business questions"),
        ("data scientist", "design experiments"),
        ("data scientist", "build statistical models"),
        ("data scientist", "present what they found to stakeholders"),
        ("data engineer", "lay out warehouse schemas"),
        ("data engineer", "guarantee data quality"),
    ]


def test_two_duties_on_one_object_referred_to_are_two() -> None:
    texts = _duty_texts(
        "# Data scientist vs ML engineer\n\nThe ML engineers serve it behind REST APIs and watch"
        " it in production with Prometheus.\n\nML engineers monitor models and retrain them.\n"
    )
    assert texts == [
        "serve it behind REST APIs",
        "watch it in production with Prometheus",
        "monitor models and retrain them",
    ]


def test_the_activities_a_role_s_week_is_shared_among_are_its_duties() -> None:
    texts = _duty_texts(
        "# ML engineer survey 2025\n\n## Where the week goes\n\n| Activity | Share of an average "
        "week |\n|---|---|\n| Data preparation | 31% |\n| Model deployment and maintenance | 27% |"
        "\n\n## Tools\n\n| Tool | Share of respondents |\n|---|---|\n| Docker | 61% |\n"
    )
    assert texts == ["data preparation", "model deployment and maintenance"]


def test_a_list_of_work_verbs_under_a_heading_naming_no_section_is_the_page_roles_duties() -> None:
    doc = document(
        "# Contract ML engineer, retail forecasting\n\n## What hiring managers want this year\n\n"
        "### The job itself\n\n- Port the demand models to a scheduled training pipeline\n"
        "- Builds dashboards that compare forecasts with sales\n"
        "- Hardening the release process for model changes\n\n### The stack\n\n"
        "- Python and SQL\n- Azure ML\n\n## Before the contract starts you will:\n\n"
        "- Read the current forecasting notebooks\n- Hand over the runbooks\n"
        "- Review the incident log\n\n## Tips\n\n- Compare day rates in your region\n"
        "- Ask for the IR35 status early\n- Track every invoice\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("machine learning engineer", "port the demand models to a scheduled training pipeline"),
        ("machine learning engineer", "builds dashboards that compare forecasts with sales"),
        ("machine learning engineer", "hardening the release process for model changes"),
        ("machine learning engineer", "read the current forecasting notebooks"),
        ("machine learning engineer", "hand over the runbooks"),
        ("machine learning engineer", "review the incident log"),
    ]


def test_a_lead_in_asking_for_duties_lists_duties() -> None:
    doc = document(
        "# What an ML engineer does\n\n## In one paragraph\n\nMost postings we read ask for "
        "the same handful of duties:\n\n- Deploy models behind versioned APIs\n"
        "- Retrain models when new data arrives\n- Watch latency and drift in production\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "deploy models behind versioned APIs",
        "retrain models when new data arrives",
        "watch latency and drift in production",
    ]


def test_work_verbs_under_a_pay_heading_after_a_lead_in_naming_nothing_are_duties() -> None:
    doc = document(
        "# ML engineer pay report\n\n## What moved pay this quarter\n\nThe best-paid respondents "
        "describe similar work. They:\n\n- profile GPU memory use for training jobs\n"
        "- build the serving stack for ranking models\n- write evaluation suites for each model\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "profile GPU memory use for training jobs",
        "build the serving stack for ranking models",
        "write evaluation suites for each model",
    ]


def test_a_lead_in_on_how_the_role_spends_its_week_lists_duties_under_a_skills_heading() -> None:
    doc = document(
        "# Data engineer pay in Ireland\n\n## What employers ask for\n\nMost ads ask for SQL "
        "and Airflow.\n\nIn practice, a Dublin data engineer spends the week on work like "
        "this:\n\n- moving batch jobs onto streaming pipelines\n"
        "- testing dbt models before each release\n- tuning warehouse costs with finance\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "moving batch jobs onto streaming pipelines",
        "testing dbt models before each release",
        "tuning warehouse costs with finance",
    ]


def test_what_employers_want_a_role_to_do_is_its_duties() -> None:
    doc = document(
        "# Data hiring survey\n\nMost founders said they want data engineers to migrate reports "
        "off spreadsheets, test every pipeline and document the warehouse. They also want "
        "data engineers to be patient.\n",
        "text/markdown",
    )
    claims = responsibilities.extract(doc)
    assert [(c.subject, c.text) for c in claims] == [
        ("data engineer", "migrate reports off spreadsheets"),
        ("data engineer", "test every pipeline"),
        ("data engineer", "document the warehouse"),
    ]


def test_the_duties_row_of_a_role_vs_role_table_gives_each_role_its_own() -> None:
    """'Aspect | ML engineer | Data scientist' over 'Day to day | Builds ... | Explores ...':
    each column's duties are its role's; a table whose first column is a role of its own has
    no row of labels, so no cell there is read so."""
    page = (
        "<h1>ML engineer vs data scientist</h1><table><tr><th>Aspect</th><th>ML engineer</th>"
        "<th>Data scientist</th></tr><tr><th>Day to day</th><td>Builds training pipelines, "
        "deploys models to production</td><td>Explores and cleans data, runs experiments</td>"
        "</tr></table><table><tr><th>Data scientist</th><th>ML engineer</th></tr>"
        "<tr><td>Primary focus on insight</td><td>Primary focus on shipping models</td></tr>"
        "</table>"
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(document(page, "text/html"))]
    assert found == [
        ("machine learning engineer", "builds training pipelines"),
        ("machine learning engineer", "deploys models to production"),
        ("data scientist", "explores and cleans data"),
        ("data scientist", "runs experiments"),
    ]


def test_what_a_role_is_asked_or_expected_to_do_is_its_duties() -> None:
    """'<role> are asked to A, B and C' names the work an employer sets the role; past-tense
    'the duties were to A' states it as a survey reports it."""
    doc = document(
        "# Hiring notes\n\nIn most listings, data engineers are expected to localize reports "
        "for each branch, enforce access rules and carry the on-call phone.\n\n"
        "Among the adverts we read, the usual duties were to migrate dashboards and audit "
        "warehouse costs.\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("data engineer", "localize reports for each branch"),
        ("data engineer", "enforce access rules"),
        ("data engineer", "carry the on-call phone"),
        ("data engineer", "migrate dashboards"),
        ("data engineer", "audit warehouse costs"),
    ]


def test_a_clause_after_a_semicolon_without_a_work_verb_ends_the_duties() -> None:
    doc = document(
        "# Platform team\n\nData engineers usually tune the scheduler and patch connectors; "
        "the tools most adverts named were Airflow and dbt.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == ["tune the scheduler", "patch connectors"]


def test_what_postings_ask_an_actor_to_do_is_a_duty_unlike_what_they_expect_of_you() -> None:
    doc = document(
        "# Data engineer adverts\n\nThe adverts we sampled most often asked the engineer to "
        "backfill late partitions and document lineage. Employers expect you to write tidy "
        "SQL.\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("data engineer", "backfill late partitions"),
        ("data engineer", "document lineage"),
    ]


def test_a_long_lead_in_asking_what_the_role_does_labels_the_duties() -> None:
    doc = document(
        "# Notes from a hiring manager\n\nOn a normal week, what my data engineers really do "
        "is this: patch connectors, rerun failed loads and tune the warehouse.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == ["patch connectors", "rerun failed loads", "tune the warehouse"]


def test_each_work_a_task_tables_rows_name_is_a_duty_of_the_pages_role() -> None:
    """'Task | Share of respondents': a row that opens with a work verb is a duty of the
    page's role, and the practices it names are the role's skills; a row naming no work
    ('Other') is none."""
    page = (
        "<h1>Survey of data engineers, 2026</h1><table><caption>What takes most of the week"
        "</caption><tr><th>Task</th><th>Share of respondents</th></tr>"
        "<tr><td>Monitoring models in production</td><td>41%</td></tr>"
        "<tr><td>Writing unit tests</td><td>22%</td></tr><tr><td>Other</td><td>9%</td></tr>"
        "</table>"
    )
    doc = document(page, "text/html")
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("data engineer", "monitoring models in production"),
        ("data engineer", "writing unit tests"),
    ]
    named = {c.text for c in skills.extract(doc)}
    assert {"model monitoring", "testing"} <= named


def test_answers_to_a_thread_asking_a_role_what_it_does_are_its_duties() -> None:
    """'Data engineers, what do you actually do?': each answer's 'I' holds the role; a duty
    ends at a colon that opens an aside, and 'still' may stand between actor and verb."""
    doc = document(
        "# Data engineers, what do you actually do all week?\n\nFirst reply. I own the billing "
        "pipelines: most of my week is firefighting. Now and then I still rewrite old cron "
        "jobs.\n",
        "text/markdown",
    )
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert found == [
        ("data engineer", "own the billing pipelines"),
        ("data engineer", "rewrite old cron jobs"),
    ]


def test_a_label_of_the_typical_scope_of_the_role_lists_its_duties() -> None:
    doc = document(
        "# Data engineer pay in Chile\n\n## What a data engineer does here\n\nTypical scope at "
        "senior level: modelling the warehouse, tuning Spark jobs and reviewing pipelines.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == ["modelling the warehouse", "tuning Spark jobs", "reviewing pipelines"]


def test_duties_go_on_after_a_colon_that_resumes_the_actor_and_name_counts_of_things() -> None:
    """'own the lifecycle: they clean data, ...' goes on with its duties after the colon; a
    count of what a duty works on ('over 12 million invoices') states no figure; 'here' may
    stand between actor and verb."""
    doc = document(
        "# Data engineer salary guide\n\nData engineers here own the platform: they ingest "
        "events, model the warehouse, and reconcile over 12 million invoices a month.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == [
        "own the platform",
        "ingest events",
        "model the warehouse",
        "reconcile over 12 million invoices a month",
    ]


def test_they_after_the_employers_where_the_role_works_is_the_role() -> None:
    """'At the banks they also write ...': the banks are where the role works, so 'they' is
    the role; 'companies say they plan to hire' stays the companies' plan."""
    doc = document(
        "# Data engineer salary guide\n\nMost data engineers tune pipelines. At the banks they "
        "also document lineage for auditors. Two in three companies say they plan to hire.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == ["tune pipelines", "document lineage for auditors"]


def test_a_colon_ends_a_duty_only_before_a_clause_of_its_own() -> None:
    """A list of nouns after a colon belongs to the duty, and so do duties; a clause with its
    own subject and verb ('most of my week is ...') does not."""
    doc = document(
        "# Data engineers, what do you actually do?\n\nData engineers maintain three systems: "
        "the warehouse, the scheduler and the event bus. They own the platform: build "
        "pipelines, tune Spark and review code. I own billing: most of my week is meetings.\n",
        "text/markdown",
    )
    found = [c.text for c in responsibilities.extract(doc)]
    assert found == [
        "maintain three systems: the warehouse, the scheduler and the event bus",
        "own the platform",
        "build pipelines",
        "tune Spark",
        "review code",
        "own billing",
    ]


def test_a_duties_paragraph_opening_with_a_work_verb_is_imperative_from_its_first_word() -> None:
    """'Label audio clips, tune ...' under a duties heading: the comma after the first phrase
    ends no lead ('Model building: create ...'), and 'engineers' in a phrase acts nothing."""
    doc = document(
        "# Speech ML engineer\n\n## Responsibilities\n\nLabel audio clips, tune the speech "
        "models with two other engineers, review their code and ship models to the app.\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert texts == [
        "label audio clips",
        "tune the speech models with two other engineers",
        "review their code",
        "ship models to the app",
    ]


def test_a_plain_words_opener_is_no_order_under_a_duties_heading() -> None:
    """'Put simply, ...' explains the role; the verb that counts comes after the opener."""
    doc = document(
        "# What does a vision engineer do?\n\nPut simply, vision engineering means writing "
        "the code that turns camera frames into decisions.\n\nIn short, label the frames "
        "before you train on them.\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert not any(text.lower().startswith("put simply") for text in texts)
    assert any(text.startswith("label the frames") for text in texts)


def test_an_aside_to_the_reader_is_no_order_under_a_duties_heading() -> None:
    doc = document(
        "# Duties of a vision engineer\n\nKeep in mind that job titles differ between "
        "employers.\n\nKeep the labelling queue short and review new frames daily.\n",
        "text/markdown",
    )
    texts = [c.text for c in responsibilities.extract(doc)]
    assert not any(text.lower().startswith("keep in mind") for text in texts)
    assert "keep the labelling queue short" in texts


def test_a_posting_card_s_summary_in_the_imperative_states_the_posted_role_s_duties() -> None:
    """A job board's card: a title naming a role over a terms line ('Leeds · Hybrid'); its
    summary in the imperative says what the hire will do. A card of another role is that
    role's, and a paragraph under a heading with no terms line is no posting."""
    doc = document(
        "<h1>Jobs</h1><h2>Data Engineer, Payments</h2><p>Ledgerline</p><p>Leeds · Hybrid</p>"
        "<p>Model the ledger tables and tune the nightly Spark jobs. Requirements: SQL.</p>"
        "<h2>Data engineer tips</h2><p>Tune your CV before every application.</p>",
        "text/html",
    )
    claims = responsibilities.extract(doc)
    assert [(c.subject, c.text) for c in claims] == [
        ("data engineer", "model the ledger tables"),
        ("data engineer", "tune the nightly Spark jobs"),
    ]


def test_a_title_case_label_of_a_duties_item_reads_in_lower_case() -> None:
    doc = document(
        "<h1>Machine Learning Engineer</h1><h2>Primary Responsibilities</h2><ul>"
        "<li><strong>Model Building:</strong> Train ranking models with PyTorch.</li>"
        "<li><strong>End-to-End Serving:</strong> Own the inference services.</li>"
        "<li><strong>MLOps Tooling:</strong> Keep the CI pipelines green.</li></ul>",
        "text/html",
    )
    claims = _listed(responsibilities.extract(doc))
    assert [c.text for c in claims] == ["model building", "end-to-end serving", "MLOps tooling"]
    assert [quote(doc, c) for c in claims] == [
        "Model Building",
        "End-to-End Serving",
        "MLOps Tooling",
    ]


def test_the_time_a_sentence_before_names_spent_on_gerunds_lists_duties() -> None:
    """'... spent most of the week training models. Now ML engineers spend it building
    evaluation pipelines': 'it' is that week, and the gerunds after it are the work."""
    texts = _duty_texts(
        "# What ML engineers do now\n\nA few years ago an MLE spent most of the week tuning "
        "models. Now ML engineers spend it building evaluation pipelines and reviewing "
        "deployments.\n\nThey earn well and spend it on travel.\n"
    )
    assert texts == ["building evaluation pipelines", "reviewing deployments"]


def test_a_job_boards_results_give_each_posting_title_the_duty_its_snippet_quotes() -> None:
    page = (
        "<h1>Machine learning engineer jobs</h1><ol>"
        + "".join(
            f"<li><h2>{title}</h2><div>{company}</div><ul><li>{duty}</li></ul></li>"
            for title, company, duty in (
                ("Machine Learning Engineer", "Lumora", "Train summarisation models for notes."),
                (
                    "Senior Machine Learning Engineer",
                    "Quarry",
                    "Own forecasting pipelines end to end.",
                ),
                ("Machine Learning Engineer II", "Pinecrest", "Deploy and serve ranking models."),
            )
        )
        + "</ol>"
    )
    doc = document(page, "text/html")
    found = [(c.subject, c.text) for c in responsibilities.extract(doc)]
    assert [text for _, text in found] == [
        "train summarisation models for notes",
        "own forecasting pipelines end to end",
        "deploy and serve ranking models",
    ]
    assert {subject for subject, _ in found} == {"machine learning engineer"}


def test_you_under_a_career_stage_s_heading_does_that_role_s_work() -> None:
    """'You clean source data ...' under '## Stage 1 · Junior data engineer' is the data
    engineer's work; the same words right under a posting's own title are a requirement."""
    doc = document(
        "# The data engineer career path\n\n## Stage 1 · Junior data engineer\n\n"
        "You clean source data and write ingestion jobs for pipelines other people designed.\n",
        "text/markdown",
    )
    assert [c.text for c in responsibilities.extract(doc)] == [
        "clean source data",
        "write ingestion jobs for pipelines other people designed",
    ]
    posting = document(
        "# Data Engineer\n\nYou clean source data and write ingestion jobs in Python.\n",
        "text/markdown",
    )
    assert responsibilities.extract(posting) == []


def test_a_lead_in_that_says_you_ll_after_the_role_introduces_duties() -> None:
    """'As a data engineer, you'll need to:' over 'build pipelines ...' introduces the role's
    duties, as 'As a data engineer, you will need to:' does; not the skills the reader needs."""
    items = (
        "<ul><li>build batch and streaming pipelines for the analytics teams</li>"
        "<li>model the warehouse and document its tables</li></ul>"
    )
    for lead in ("you'll need to:", "you will need to:"):
        page = (
            "<html><body><h1>Data engineer</h1><h2>Responsibilities</h2>"
            f"<p>As a data engineer, {lead}</p>{items}</body></html>"
        )
        duties = responsibilities.extract(document(page, "text/html"))
        assert len(duties) == 2, lead

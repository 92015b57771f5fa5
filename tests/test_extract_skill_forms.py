"""Skills in the forms job postings write them: duties under a bare 'You will:' heading, a
lower-case product's name ('dbt'), and the stack of the company's own product, which is no
requirement of the job."""

from __future__ import annotations

import pytest
from support.documents import document

from mlefacts.extract import responsibilities, skills
from mlefacts.extract.sections import classify_heading


def _skills(text: str) -> list[str]:
    return [claim.text for claim in skills.extract(document(text, "text/markdown"))]


def test_a_heading_that_opens_with_you_will_lists_duties() -> None:
    assert classify_heading("You will:") == "responsibilities"
    assert classify_heading("You’ll") == "responsibilities"
    assert classify_heading("You will learn") == "offer"
    assert classify_heading("Terms you will meet in job ads") == "other"


def test_the_products_a_duty_names_are_skills() -> None:
    page = (
        "# Senior ML Engineer\n\n## You will\n\n"
        "- Own feature pipelines in Spark and dbt\n- Ship ranking models behind a gRPC service\n"
    )
    assert _skills(page) == ["feature engineering", "Spark", "dbt", "gRPC"]


def test_a_lower_case_product_counts_only_as_written() -> None:
    page = (
        "# ML Engineer\n\n## Duties\n\n"
        "- Model the warehouse with dbt\n- Model the warehouse with DBT\n"
    )
    assert _skills(page) == ["dbt"]


def test_the_stack_of_the_companys_own_product_is_no_skill() -> None:
    page = (
        "# ML Engineer\n\n"
        "Our app is written in Swift and Kotlin, and millions of people use it every day.\n\n"
        "## You have\n\n- Solid Python and SQL\n"
    )
    assert _skills(page) == ["Python", "SQL"]


def test_skills_called_table_stakes_are_required() -> None:
    doc = document(
        "# How do I become an ML engineer?\n\nPython and SQL are table stakes. Nobody "
        "will pay you extra for them.\n",
        "text/markdown",
    )
    found = {c.text: c.qualifiers.get("requirement") for c in skills.extract(doc)}
    assert found == {"Python": "required", "SQL": "required"}


def test_what_the_person_in_the_role_does_to_models_names_practices() -> None:
    """A role told by what its people do to models: 'turns models into services', 'puts a model
    behind an API', 'deploying and monitoring models', 'the person who deploys our models'."""
    page = (
        "# Machine learning engineer pay\n\n"
        "An ML engineer is a software engineer who turns trained models into dependable"
        " services.\n\n"
        "Since March I have been the person who deploys our fraud models.\n\n"
        "Respondents named deploying and monitoring models as their main work.\n"
    )
    claims = skills.extract(document(page, "text/markdown"))
    assert [(c.subject, c.text) for c in claims] == [
        ("machine learning engineer", "model deployment"),
        ("machine learning engineer", "model deployment"),
        ("machine learning engineer", "model deployment"),
        ("machine learning engineer", "model monitoring"),
    ]


def test_a_model_used_in_passing_names_no_practice() -> None:
    page = (
        "# Machine learning engineer pay\n\n"
        "Our app turns photos into captions with a model.\n\n"
        "The person who wrote this guide trained as an economist.\n"
    )
    assert _skills(page) == []


def test_a_practice_said_to_be_common_is_named_and_one_defined_is_not() -> None:
    page = (
        "# Machine learning engineer survey\n\n"
        "Experiment tracking is standard practice: most respondents use a tracker.\n\n"
        "Data engineering is the discipline of moving data; most teams use it.\n\n"
        "## Responsibilities\n\n- Track experiments for every forecast model\n"
    )
    assert _skills(page) == ["experiment tracking", "experiment tracking"]


def test_a_lead_in_ending_with_a_role_over_third_person_duties_lists_duties() -> None:
    page = (
        "# Recruiter notes\n\n"
        "We placed more platform engineers this year. In most teams the MLOps engineer:\n\n"
        "- owns the CI/CD pipeline from registry to production\n"
        "- sets up monitoring and alerting on model latency and drift\n"
    )
    doc = document(page, "text/markdown")
    assert [c.text for c in skills.extract(doc)] == ["CI/CD", "model monitoring"]
    assert len(responsibilities.extract(doc)) == 2


def test_a_writers_stack_names_skills_and_the_job_is_to_lists_duties() -> None:
    page = (
        "# ML engineer offer check\n\n"
        "Four years in, currently on £64k. Stack is Python and PyTorch, some Kubernetes.\n\n"
        "In practice the job is to:\n\n"
        "- explore and clean data, usually in SQL\n- evaluate candidate models before release\n"
    )
    assert _skills(page) == [
        "Python",
        "PyTorch",
        "Kubernetes",
        "data cleaning",
        "SQL",
        "model evaluation",
    ]


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("Most of the week goes on cleaning data and deploying models.", "model deployment"),
        ("I mostly do MLOps these days, with a little research.", "MLOps"),
        ("Come in, set up model monitoring, write the runbook, leave.", "model monitoring"),
    ],
)
def test_where_the_working_time_goes_names_its_practices(sentence: str, skill: str) -> None:
    doc = document(f"# Data engineer\n\n{sentence}\n", "text/markdown")
    assert skill in {c.qualifiers["canonical"] for c in skills.extract(doc)}


@pytest.mark.parametrize(
    ("item", "skill"),
    [
        ("Package models as services and deploy them behind REST APIs", "model deployment"),
        ("Train, evaluate and retrain models against agreed baselines", "model evaluation"),
        ("Containerise models and roll them out on the cluster", "model deployment"),
        ("Ship models to production and watch them for drift", "model monitoring"),
        ("Set alert thresholds for drift and decide when to retrain", "model monitoring"),
        ("Engineering features with the data scientists", "feature engineering"),
    ],
)
def test_a_duty_names_the_practice_it_does_to_models(item: str, skill: str) -> None:
    page = f"# ML engineer\n\n## What the job actually involves\n\n- {item}\n"
    assert skill in _skills(page)


def test_a_pronoun_names_models_only_after_them() -> None:
    page = "# ML engineer\n\n## Duties\n\n- Read the weekly reports and monitor them\n"
    assert "model monitoring" not in _skills(page)


def test_the_duties_in_a_table_of_roles_name_their_rows_skills() -> None:
    page = (
        "# ML engineer vs data scientist\n\n| Role | Main focus |\n| --- | --- |\n"
        "| ML engineer | Model serving on AWS and drift monitoring |\n"
        "| Data scientist | Experiments in SQL; collaborate with product |\n"
    )
    doc = document(page, "text/markdown")
    found = {(c.subject, c.qualifiers["canonical"]) for c in skills.extract(doc)}
    assert found == {
        ("machine learning engineer", "model deployment"),
        ("machine learning engineer", "AWS"),
        ("machine learning engineer", "model monitoring"),
        ("data scientist", "SQL"),
    }


def test_a_postings_essential_criteria_list_skills() -> None:
    page = (
        "# Machine learning engineer\n\n## Essential criteria\n\n"
        "- Good software engineering practice: version control and unit testing\n\n"
        "## Desirable criteria\n\n- An interest in responsible AI\n"
    )
    assert _skills(page) == ["software engineering", "Git", "testing", "responsible AI"]


def test_names_listed_after_a_colon_are_skills() -> None:
    page = (
        "# ML contract rates\n\n"
        "Every brief I have seen this year: Python, MLflow, SageMaker or Terraform.\n\n"
        "My two favourite places: Leeds and York.\n"
    )
    assert _skills(page) == ["Python", "MLflow", "Amazon SageMaker", "Terraform"]


def test_what_firms_do_to_models_on_a_market_page_is_no_skill() -> None:
    page = (
        "# Model monitoring software market\n\n"
        "Banks that run hundreds of models need one place to monitor them, and buyers who "
        "deploy predictive models want Python support.\n"
    )
    assert _skills(page) == ["Python"]


def test_a_lead_in_naming_pay_keeps_a_skills_headings_list() -> None:
    page = (
        "# ML engineer pay in India\n\n## Skills that push your offer up\n\n"
        "Candidates who could show these negotiated higher fixed pay:\n\n"
        "- Strong Python and SQL\n- MLOps tooling such as MLflow\n"
    )
    assert _skills(page) == ["Python", "SQL", "MLOps", "MLflow"]


@pytest.mark.parametrize(
    ("item", "skill"),
    [
        ("Train and fine-tune detection models in PyTorch", "fine-tuning"),
        ("Deploy models to production and monitor their performance", "model monitoring"),
        ("Develop and train predictive models on messy data", "predictive modeling"),
        ("Select features and agree targets with the business", "feature engineering"),
        ("Collect, clean and combine large datasets", "data cleaning"),
        ("Move candidate generation to embedding-based retrieval", "embeddings"),
        ("Fine-tune and distil models where hosted APIs are too slow", "model compression"),
        ("Build offline and online evaluation suites", "model evaluation"),
        ("Produce model documentation for the risk reviewers", "technical writing"),
        ("Write short design docs and circulate them", "technical writing"),
        ("Lead a squad of four ML engineers", "leadership"),
    ],
)
def test_more_duties_name_their_practices(item: str, skill: str) -> None:
    assert skill in _skills(f"# ML engineer\n\n## Main duties\n\n- {item}\n")


def test_a_field_of_study_before_engineering_is_a_skill() -> None:
    page = (
        "# ML engineer\n\n## Requirements\n\n"
        "- A degree in mathematics, statistics, engineering or a related field\n"
    )
    assert _skills(page) == ["mathematics", "statistics"]


def test_mentoring_is_a_skill_a_duty_names_and_collaborating_is_not() -> None:
    page = (
        "# Senior ML engineer\n\n## Responsibilities\n\n"
        "- Mentor two mid-level engineers and review their designs\n"
        "- Collaborate with product teams on launch plans\n"
    )
    assert _skills(page) == ["mentoring"]


@pytest.mark.parametrize(
    "item",
    ["Review designs and mentor engineers across the org", "Mentor ML engineers on the team"],
)
def test_engineers_a_duty_mentors_are_whom_it_acts_on_not_a_role(item: str) -> None:
    assert _skills(f"# Senior ML engineer\n\n## What you'll do\n\n- {item}\n") == ["mentoring"]


def test_a_name_before_heavy_roles_names_the_roles_not_a_skill() -> None:
    page = "# ML engineer pay\n\n## Do GenAI-heavy roles pay more?\n\nThey do, by about a tenth.\n"
    assert _skills(page) == []


def test_how_much_of_a_practitioners_work_a_practice_is_names_it() -> None:
    page = (
        "# Share your ML salary\n\n"
        "Senior MLE, 7 YOE, Amsterdam. €96.000 base.\n\n"
        "Mostly fraud models: gradient boosting, lots of feature engineering, tight latency.\n\n"
        "Junior, 2 YOE, Lyon. Mostly demand forecasting and a bit of MLOps on Azure.\n\n"
        "Manchester, 5 yrs, PyTorch and computer vision work for a retailer: £520/day.\n"
    )
    assert _skills(page) == [
        "ensemble methods",
        "feature engineering",
        "MLOps",
        "Azure",
        "PyTorch",
        "computer vision",
    ]


def test_an_ambiguous_product_given_as_an_example_is_named() -> None:
    page = "# ML engineer\n\n## What you'll bring\n\n- A feature store such as Feast\n"
    assert _skills(page) == ["feature stores", "Feast"]


def test_a_language_cell_written_bash_slash_shell_names_bash() -> None:
    page = (
        "# ML survey\n\n## Languages used at work\n\n| Language | Share |\n|---|---|\n"
        "| Python | 91% |\n| Bash/Shell | 29% |\n"
    )
    assert "Bash" in _skills(page)


def test_a_desirable_heading_lists_skills() -> None:
    page = "# Lead ML engineer\n\n### Desirable\n\n- Prometheus/Grafana for service observability\n"
    assert _skills(page) == ["Prometheus", "Grafana"]


def test_a_toolset_names_its_practices_as_well_as_its_products() -> None:
    page = (
        "# ML engineer pay\n\nThe toolset is fairly stable: PyTorch everywhere, Ray or Spark for "
        "distributed training, and an experiment tracker.\n"
    )
    assert _skills(page) == [
        "PyTorch",
        "Ray",
        "Spark",
        "distributed training",
        "experiment tracking",
    ]

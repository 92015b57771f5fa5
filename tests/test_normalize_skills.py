"""The skill taxonomy (data/skills.toml) and the skill matcher."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest

from mlefacts.normalize.skills import SkillMatch, canonical_skill, find_skills
from mlefacts.normalize.text import fold_case
from mlefacts.toml_files import load_data

BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def names(text: str) -> list[str]:
    return [m.canonical for m in find_skills(text)]


def test_taxonomy_is_large_and_well_formed() -> None:
    entries = load_data("skills")["skill"]
    categories = {
        "language", "ml_framework", "ml_library", "big_data", "cloud", "database", "math",
        "tool", "soft_skill", "practice", "visualization", "mlops",
    }  # fmt: skip
    assert len({e["name"] for e in entries}) >= 150
    assert {e["category"] for e in entries} <= categories
    assert all(e["aliases"] for e in entries)
    folded = [a.lower() for e in entries for a in e["aliases"] if not e.get("case_sensitive")]
    assert len(folded) == len(set(folded)), "an alias must name one skill"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Scikit be taught", ("scikit-learn", "ml_library")),
        ("scikit - learn", ("scikit-learn", "ml_library")),
        ("sklearn", ("scikit-learn", "ml_library")),
        ("Scikit-learn", ("scikit-learn", "ml_library")),
        ("Tensorflow", ("TensorFlow", "ml_framework")),
        ("Pytorch", ("PyTorch", "ml_framework")),
        ("c++", ("C++", "language")),
        ("R", ("R", "language")),
        ("Java", ("Java", "language")),
        ("JavaScript", ("JavaScript", "language")),
        ("Apache Spark", ("Spark", "big_data")),
        ("Huge Information", ("big data", "big_data")),
        ("data modelling", ("data modeling", "practice")),
        ("Data Modeling", ("data modeling", "practice")),
        ("Bayesian statistics", ("Bayesian statistics", "math")),
        ("Problem Solving", ("problem-solving", "soft_skill")),
        ("communications", ("communication", "soft_skill")),
        ("Amazon Web Services", ("AWS", "cloud")),
        ("Google Cloud Platform", ("GCP", "cloud")),
        ("k8s", ("Kubernetes", "mlops")),
        ("mlflow", ("MLflow", "mlops")),
        ("natural language processing", ("NLP", "practice")),
        ("Monitor model performance", ("model monitoring", "mlops")),
        ("drift monitoring", ("model monitoring", "mlops")),
        ("A/B test", ("hypothesis testing", "math")),
        ("automated testing", ("testing", "practice")),
        ("deploy the model", ("model deployment", "mlops")),
        ("monitoring predictions", ("model monitoring", "mlops")),
        ("naive Bayes", ("naive Bayes", "practice")),
        ("kNN", ("k-nearest neighbors", "practice")),
    ],
)
def test_canonical_skill(name: str, expected: tuple[str, str]) -> None:
    assert canonical_skill(name) == expected


@pytest.mark.parametrize("name", ["cooking", "", "r", "spark", "Javas", "machine"])
def test_unknown_names_have_no_canonical_skill(name: str) -> None:
    assert canonical_skill(name) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Programming experience in Python, R, Java, C++, etc.", ["Python", "R", "Java", "C++"]),
        ("languages such as Python or R.", ["Python", "R"]),
        ("R and Python", ["R", "Python"]),
        ("in the R language", ["R"]),
        ("use R programming daily", ["R"]),
        ("Most in-demand languages: R", ["R"]),
        ("Rank Programming Language\n1 Python\n2 R\n3 Java", ["Python", "R", "Java"]),
        ("C/C++ and C#", ["C", "C++", "C#"]),
        ("Python, Go and Rust", ["Python", "Go", "Rust"]),
        ("JavaScript and Java", ["JavaScript", "Java"]),
        ("Tensorflow, Pytorch, and Scikit - learn", ["TensorFlow", "PyTorch", "scikit-learn"]),
        ("Hadoop, Spark, Pig, Hive, Flume", ["Hadoop", "Spark", "Pig", "Hive", "Flume"]),
        ("Bayesian statistics and statistics", ["Bayesian statistics", "statistics"]),
        (
            "Docker + Kubernetes on AWS, GCP or Azure",
            ["Docker", "Kubernetes", "AWS", "GCP", "Azure"],
        ),
        ("MLflow, pandas, NumPy, XGBoost and Git", ["MLflow", "pandas", "NumPy", "XGBoost", "Git"]),
        ("linear algebra, calculus, probability", ["linear algebra", "calculus", "probability"]),
        ("deep learning, NLP and computer vision", ["deep learning", "NLP", "computer vision"]),
        (
            "feature engineering and data preprocessing",
            ["feature engineering", "data preprocessing"],
        ),
        ("data visualization with Matplotlib", ["data visualization", "Matplotlib"]),
        ("cloud computing and distributed systems", ["cloud computing", "distributed systems"]),
        ("software engineering and problem-solving", ["software engineering", "problem-solving"]),
        ("analytical thinking, collaboration", ["analytical thinking", "collaboration"]),
        ("Knowledge of Huge Information frameworks", ["big data"]),
        ("Sturdy knowledge modelling talents", ["data modeling"]),
        ("Weights & Biases or W&B", ["Weights & Biases", "Weights & Biases"]),
        ("A/B testing and CI/CD", ["hypothesis testing", "CI/CD"]),
        (
            "deploy and operate those models, set up drift alerts, tune recommender models",
            ["model deployment", "model monitoring", "recommender systems"],
        ),
        ("engineers who can put models into production", ["model deployment"]),
        ("Lead a team of four ML engineers; writes tests", ["leadership", "testing"]),
    ],
)
def test_find_skills(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "R&D teams",
        "a grade of C",
        "Go to the store",
        "the spark of an idea and a hive of activity",
        "pigs and flumes",
        "Javanese coffee",
        "she will excel at it",
        "Plan R. Then",
        "ApacheSpark",
    ],
)
def test_common_words_and_single_letters_are_not_skills(text: str) -> None:
    assert find_skills(text) == []


def test_matches_are_longest_and_do_not_overlap() -> None:
    text = "Spark MLlib, Bayesian statistics, TensorFlow Serving"
    found = find_skills(text)
    assert [m.canonical for m in found] == ["Spark", "Bayesian statistics", "TensorFlow Serving"]
    assert [text[m.start : m.end] for m in found] == [
        "Spark MLlib",
        "Bayesian statistics",
        "TensorFlow Serving",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_match_records_alias_and_offsets() -> None:
    text = "skills: Scikit\u00a0be taught, Tensorflow"
    first, second = find_skills(text)
    assert first == SkillMatch(8, 24, "scikit-learn", "ml_library", "Scikit be taught")
    assert text[second.start : second.end] == "Tensorflow"
    assert second.alias == "TensorFlow"


def test_window_limits_matches() -> None:
    text = "Python, SQL and Docker"
    found = find_skills(text, 8, 15)
    assert [m.canonical for m in found] == ["SQL"]
    assert all(8 <= m.start < m.end <= 15 for m in found)


def test_bundled_spun_article_skills() -> None:
    text = next(BUNDLED.glob("000_*.txt")).read_text(encoding="utf-8")
    found = set(names(text))
    expected = {
        "linear algebra", "calculus", "Bayesian statistics", "data modeling", "Python", "R",
        "Java", "C++", "big data", "Hadoop", "Spark", "Pig", "Hive", "Flume", "TensorFlow",
        "Keras", "scikit-learn", "Theano", "Matplotlib", "Caffe", "communication",
        "collaboration",
    }  # fmt: skip
    assert expected <= found


def test_bundled_prose_article_skills() -> None:
    text = next(BUNDLED.glob("002_*.txt")).read_text(encoding="utf-8")
    found = set(names(text))
    assert {"Python", "Java", "C++", "R", "TensorFlow", "PyTorch", "scikit-learn"} <= found
    assert {"communication", "problem-solving", "software engineering"} <= found


def test_list_numbers_and_unspaced_scripts_do_not_hide_names() -> None:
    assert [m.canonical for m in find_skills("1.Python (64% of job ads)")] == ["Python"]
    assert [m.canonical for m in find_skills("必須:Pythonの実務経験、SQL")] == ["Python", "SQL"]


def test_a_name_counts_only_as_a_whole_token() -> None:
    """A name glued to the token before by a dot is part of it ('v2.Python', 'myfast.ai'); after
    a list number ('3.Python') or a sign ('C++17') it stands alone."""
    text = "fast.ai and D3.js, not myfast.ai or d3.json; v2.Python or 2.0.Python, 3.Python"
    assert [(m.canonical, text[m.start : m.end]) for m in find_skills(text)] == [
        ("fastai", "fast.ai"),
        ("D3.js", "D3.js"),
        ("Python", "Python"),
    ]
    assert [m.canonical for m in find_skills("C++17 and C#5")] == ["C++", "C#"]


def test_a_window_opening_inside_a_word_reads_from_its_start() -> None:
    assert [m.canonical for m in find_skills("xPython", 1)] == ["Python"]
    assert [m.canonical for m in find_skills("PyTorch", 2)] == ["Torch"]


@pytest.mark.parametrize(
    "text",
    [
        "Programming experience in Python, R, Java, C++, etc.",
        "Tensorflow, Pytorch, and Scikit - learn; Weights & Biases or W&B",
        "fast.ai, D3.js, v2.Python, 3.Python, C++17 and C#5, A/B testing and CI/CD",
    ],
)
def test_ascii_and_unicode_texts_read_alike(text: str) -> None:
    """ASCII text is scanned for the aliases written in it, other text token by token: one word
    that is not ASCII changes no match."""
    ascii_matches = find_skills(text)
    assert ascii_matches
    assert find_skills(text + " Straße") == ascii_matches


def test_a_skill_s_name_hard_wrapped_across_two_lines_is_one_name() -> None:
    text = "Top skills: data\n    labeling, stakeholder\n    management.\n\nlarge\n\nlanguage model"
    assert [m.canonical for m in find_skills(text)] == ["data labeling", "stakeholder management"]
    # the same text with its line breaks read as spaces before the next line's indent
    unwrapped = text.replace("\n    ", "     ")
    assert [m.canonical for m in find_skills(unwrapped)] == [
        "data labeling",
        "stakeholder management",
    ]


def test_an_abbreviation_the_text_defines_as_something_else_names_no_skill() -> None:
    """'Annual Wage Supplement (AWS)': that AWS is a payment; 'Amazon Web Services (AWS)'
    defines the skill, and a text that defines neither reads AWS as the skill."""
    paid = "Packages add an Annual Wage Supplement (AWS) of one month; the AWS is paid in December."
    assert [m.canonical for m in find_skills(paid)] == []
    cloud = "Experience with Amazon Web Services (AWS) and GCP; AWS certification is a plus."
    assert [m.canonical for m in find_skills(cloud)] == ["AWS", "AWS", "GCP", "AWS"]
    assert [m.canonical for m in find_skills("Deploy on AWS (ECS).")] == ["AWS"]


def test_a_product_named_with_its_cloud_platform_names_the_platform_too() -> None:
    text = "Experience with AWS SageMaker or Azure Machine Learning; Amazon Bedrock is a plus."
    assert [m.canonical for m in find_skills(text)] == [
        "AWS",
        "Amazon SageMaker",
        "Azure",
        "Azure Machine Learning",
        "Amazon Bedrock",
    ]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Own the feature pipelines we run on Spark", "feature engineering"),
        ("work with analysts to turn their findings into features", "feature engineering"),
        ("ML engineers package models as containers", "model deployment"),
        ("containerise models and maintain the serving stack", "model deployment"),
        ("run shadow deployments before every release", "model deployment"),
        ("deploy every retrained ranker to production", "model deployment"),
        # 'them' with no models named before: the form that names none still reads it
        ("wrap the prototypes as services and deploy them to production", "model deployment"),
        ("models are packaged by a pipeline that tests and redeploys them", "model deployment"),
        ("deploy and scale the inference services", "model deployment"),
        ("dashboards that page us when a live model drifts", "model monitoring"),
    ],
)
def test_duties_that_name_a_practice_by_what_they_do(text: str, canonical: str) -> None:
    assert canonical in [m.canonical for m in find_skills(text, acts=True)]


def test_practices_named_by_what_a_duty_does_to_models() -> None:
    """A duty names a practice by what it does to models: models named by what they predict,
    documented, compared, readied for deployment, watched for accuracy; a deployment target
    names edge AI."""
    named = {
        "Develop predictive churn models for the CRM": {"predictive modeling"},
        "Document models for the audit team": {"technical writing"},
        "Benchmark candidate models against a baseline": {"model evaluation"},
        "Package models for serving on edge devices": {"model deployment", "edge AI"},
        "Track accuracy and bias of models in production": {"model monitoring"},
    }
    for duty, expected in named.items():
        assert {m.canonical for m in find_skills(duty, acts=True)} == expected, duty
    assert find_skills("Document models for the audit team") == []  # named, not done


def test_boosted_tree_ensembles_are_ensemble_methods_and_recsys_a_recommender() -> None:
    """Gradient boosting combines many trees, as an ensemble does: it is an ensemble method,
    not one decision tree; 'recsys' is how practitioners write recommender systems."""
    text = "Gradient boosting, gradient-boosted trees, random forests and recsys"
    assert [m.canonical for m in find_skills(text)] == [
        "ensemble methods",
        "ensemble methods",
        "decision trees",
        "recommender systems",
    ]


def test_forecasting_a_quantity_and_labelling_data_name_their_practices() -> None:
    named = {
        "Forecast weekly sales for the stores": {"time series analysis"},
        "Label edge cases with the ops team": {"data labeling"},
        "Write labelling guidelines for vendors": set(),  # a noun, nothing labelled
    }
    for duty, expected in named.items():
        assert {m.canonical for m in find_skills(duty, acts=True)} == expected, duty


def test_verbs_that_share_one_object_each_name_their_practice() -> None:
    """'Clean and label the sensor data': each verb is done to the data, so each names its
    practice, not only the first."""
    named = {
        "Clean and label the sensor data each week": {"data cleaning", "data labeling"},
        "Annotate, clean and version datasets": {"data labeling", "data cleaning"},
        # no comma or 'and' between them: the second word is the object's, not a verb
        "Evaluate deployed models for regressions": {"model evaluation"},
        "Clean labelled data before training": {"data cleaning"},
    }
    for duty, expected in named.items():
        assert {m.canonical for m in find_skills(duty, acts=True)} == expected, duty


def test_a_ci_pipeline_an_ab_result_a_runbook_and_a_model_behind_an_api_name_skills() -> None:
    named = {
        "Our CI pipeline runs on every merge": {"CI/CD"},
        "Check whether the A/B results hold": {"hypothesis testing"},
        "Wrote runbooks for the on-call rota": {"technical writing"},
        "Keep the scoring API fast": {"REST APIs"},
        "An API key is required": set(),  # no model is served behind it
    }
    for text, expected in named.items():
        assert {m.canonical for m in find_skills(text, acts=True)} == expected, text


def test_serving_llms_deploys_models_and_feature_drift_is_watched_by_monitoring() -> None:
    named = {
        "Fine-tune and serve multilingual LLMs": {
            "fine-tuning",
            "model deployment",
            "large language models",
        },
        "Alert on feature drift and concept drift": {"model monitoring"},
    }
    for text, expected in named.items():
        assert {m.canonical for m in find_skills(text, acts=True)} == expected, text


def test_running_models_in_production_and_serving_systems_name_model_deployment() -> None:
    named = {
        "Train models and run them in production on GCP": {"model deployment", "GCP"},
        "Lead design reviews for new model serving systems": {"model deployment"},
        "Run the tests in production": set(),  # no model is run there
        "We run it in production with Kafka": {"Kafka"},  # 'it' may be anything
        "Avoid self-serving systems": set(),
    }
    for text, expected in named.items():
        assert {m.canonical for m in find_skills(text, acts=True)} == expected, text


def test_one_cloud_provider_names_cloud_computing() -> None:
    assert [m.canonical for m in find_skills("Pick one cloud provider and learn it well")] == [
        "cloud computing"
    ]
    assert [m.canonical for m in find_skills("Most teams run on a public cloud")] == [
        "cloud computing"
    ]


def test_taking_models_from_a_prototype_to_production_is_model_deployment() -> None:
    named = {
        "She owns each model from prototype to production": {"model deployment"},
        "getting models out of notebooks and into production": {"model deployment"},
        "Deployment and serving take a fifth of the week": {"model deployment"},
        "We moved the office from Leeds to York": set(),
    }
    for text, expected in named.items():
        assert {m.canonical for m in find_skills(text, acts=True)} == expected, text


def test_experiments_tracked_in_a_tool_and_logged_runs_are_experiment_tracking() -> None:
    named = {
        "Experiments are tracked in Comet": {"experiment tracking"},
        "She keeps logging training runs to a shared board": {"experiment tracking"},
        "The log runs to 40 pages": set(),  # a noun, no one logs anything
    }
    for text, expected in named.items():
        found = {m.canonical for m in find_skills(text, acts=True)} - {"Comet"}
        assert found == expected, text


def test_folded_text_reads_as_the_acts_forms_read_the_text() -> None:
    # `_act_forms` reads the forms in lower case, case-sensitively, in folded text: folding must
    # keep every character's offset and whether it is a word character or a space, and make a
    # character an ASCII letter exactly where a case-insensitive regex matches it to that letter.
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = fold_case(chars)
    assert len(folded) == len(chars)
    for letter in string.ascii_lowercase:
        matched = {m.start() for m in re.finditer(letter, chars, re.IGNORECASE)}
        assert matched == {m.start() for m in re.finditer(letter, folded)}, letter
    for kind in (r"\w", r"\s"):
        assert [m.start() for m in re.finditer(kind, chars)] == [
            m.start() for m in re.finditer(kind, folded)
        ], kind
    ascii_others = set(string.printable) - set(string.ascii_letters)
    changed = [a for a, b in zip(chars, folded, strict=True) if a != b]
    assert not (set(changed) | {fold_case(c) for c in changed}) & (ascii_others | {"’"})


def test_a_plural_system_design_and_labelled_records_name_their_skills() -> None:
    """'review system designs' names system design; 'label disputed transactions' is data
    labelling, as labelling data or images is."""
    text = "Review system designs across the team and label disputed transactions weekly."
    assert {m.canonical for m in find_skills(text, 0, len(text), acts=True)} >= {
        "system design",
        "data labeling",
    }


def test_a_common_word_named_before_the_kind_it_is_one_of_is_the_skill() -> None:
    """'Feast or another feature store': the name and its kind, as a list of two; 'a feast of
    data' names no skill."""
    found = [m.canonical for m in find_skills("Familiarity with Feast or another feature store.")]
    assert found == ["Feast", "feature stores"]
    assert find_skills("The keynote was a feast of data.") == []

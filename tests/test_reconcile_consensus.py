"""Qualitative consensus (skills by canonical name, responsibilities by theme) and disagreement."""

from __future__ import annotations

import json

from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.consensus import assign_themes, stem
from mlefacts.reconcile.stage import reconcile

SOURCES = sources_frame({"a": "Alpha", "b": "Beta", "c": "Gamma"})
ROLE = "machine learning engineer"


def skill(source_id: str, text: str, canonical: str | None = None, category: str = "framework"):
    qualifiers = {"category_of_skill": category}
    if canonical:
        qualifiers["canonical"] = canonical
    return make_claim(
        source_id=source_id,
        kind="skill",
        subject=ROLE,
        attribute="skill",
        text=text,
        qualifiers=qualifiers,
    )


def duty(source_id: str, text: str):
    return make_claim(
        source_id=source_id,
        kind="responsibility",
        subject=ROLE,
        attribute="responsibility",
        text=text,
    )


def test_tensorflow_from_three_sources_is_one_group():
    claims = claims_frame(
        skill("a", "TensorFlow", "TensorFlow"),
        skill("b", "Tensorflow", "TensorFlow"),
        skill("c", "tensorflow"),
        skill("c", "Keras"),
    )
    result = reconcile(claims, SOURCES)
    groups, members = result.consensus, result.consensus_claims
    tf = groups[groups["group_key"] == "tensorflow"].iloc[0]
    assert (tf["kind"], tf["label"], tf["n_sources"], tf["n_claims"]) == (
        "skill",
        "TensorFlow",
        3,
        3,
    )
    named_by = members.loc[members["group_id"] == tf["group_id"], "source_id"]
    assert sorted(named_by) == ["a", "b", "c"]
    keras = groups[groups["group_key"] == "keras"].iloc[0]
    assert keras["n_sources"] == 1  # 'which skill does only one source name?'


def test_deployment_phrasings_share_a_theme():
    claims = claims_frame(
        duty("a", "Deploy ML models into production environments."),
        duty("b", "deploying artificial intelligence systems"),
        duty("c", "Collect, preprocess, and clean data for training ML models."),
    )
    result = reconcile(claims, SOURCES)
    groups, members = result.consensus, result.consensus_claims
    deployment = groups[groups["group_key"] == "theme:deployment"].iloc[0]
    assert (deployment["label"], deployment["n_sources"]) == ("Deployment", 2)
    assert deployment["n_claims"] == (members["group_id"] == deployment["group_id"]).sum() == 2
    assert groups.iloc[0]["group_key"] == "theme:deployment"  # most agreed-on first


def test_theme_assignment_and_unmatched_text():
    texts = [
        "Monitor model drift and retrain when needed",
        "Work closely with stakeholders to understand requirements",
        "Tuning hyperparameters of deep networks",
        "Order office snacks",
    ]
    assert assign_themes(texts, threshold=90) == [
        "monitoring_maintenance",
        "collaboration_communication",
        "training_tuning",
        None,
    ]
    claims = claims_frame(duty("a", "Order office snacks"))
    group = reconcile(claims, SOURCES).consensus.iloc[0]
    assert group["group_key"].startswith("text:") and group["label"] == "Order office snacks"


def test_stemmer_unifies_inflections():
    assert {stem("deploying"), stem("deployment"), stem("deployed"), stem("deploys")} == {"deploy"}


def test_language_lists_that_differ_are_info_with_the_missing_items():
    claims = claims_frame(
        *[skill("a", n, n, "language") for n in ("Python", "R", "Java", "C++")],
        *[skill("b", n, n, "language") for n in ("Python", "R")],
        skill("b", "PyTorch", "PyTorch"),
    )
    row = reconcile(claims, SOURCES).conflicts.iloc[0]
    assert (row["kind"], row["severity"]) == ("qualitative_disagreement", "info")
    assert row["detail"] == (
        "Sources differ on the language skills of machine learning engineer: "
        'C++ is named by "Alpha" but not by "Beta"; Java is named by "Alpha" but not by "Beta".'
    )
    assert json.loads(row["values"]) == {"a": ["C++", "Java", "Python", "R"], "b": ["Python", "R"]}
    assert row["relative_difference"] == 0.5


def test_identical_language_lists_are_not_a_conflict():
    claims = claims_frame(
        *[skill(s, n, n, "language") for s in ("a", "b") for n in ("Python", "SQL")],
    )
    assert reconcile(claims, SOURCES).conflicts.empty

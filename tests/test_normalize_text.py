"""normalize_subject, unspin and singular: one spelling per claim subject."""

from __future__ import annotations

import re
import string

import pytest

from mlefacts.normalize.text import fold_case, normalize_subject, singular, unspin


@pytest.mark.parametrize(
    ("phrase", "subject"),
    [
        ("worldwide ML market", "global machine learning market"),
        ("the global machine learning market", "global machine learning market"),
        ("World machine learning market", "global machine learning market"),
        ("the world's ML market", "global machine learning market"),
        ("international AI market", "global artificial intelligence market"),
        ("machine learning market worldwide", "global machine learning market"),
        ("Worldwide machine-learning market", "global machine learning market"),
        ("ML Engineers", "machine learning engineer"),
        ("Machine Learning (ML) Engineer", "machine learning engineer"),
        ("Senior ML Engineers", "senior machine learning engineer"),
        ("machine learning engineers in India", "machine learning engineer in india"),
        ("Data Scientists", "data scientist"),
        ("{Information} Scientists", "data scientist"),
        ("Information Scientists", "data scientist"),
        ("Huge Information", "big data"),
        ("imply wage", "mean salary"),
        ("  **Machine   Learning  Engineer**. ", "machine learning engineer"),
        ("{{number}} of organizations", "number of organization"),
        ("AI/ML market", "artificial intelligence and machine learning market"),
        ("NLP engineers", "natural language processing engineer"),
        ("Market Size (2020)", "market size"),
        ("Companies", "company"),
        ("salaries", "salary"),
        ("statistics", "statistics"),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_normalize_subject(phrase: str, subject: str) -> None:
    assert normalize_subject(phrase) == subject


def test_normalize_subject_is_idempotent() -> None:
    for phrase in ("worldwide ML market", "Senior ML Engineers in the U.S.", "Huge Information"):
        once = normalize_subject(phrase)
        assert normalize_subject(once) == once


def test_scope_words_inside_a_phrase_stay() -> None:
    assert normalize_subject("real world applications") == "real world application"


@pytest.mark.parametrize(
    ("spun", "plain"),
    [
        ("Huge Information frameworks", "big data frameworks"),
        ("a Information Science role", "a data science role"),
        ("Machine Studying and Deep Studying", "machine learning and deep learning"),
        ("Scikit be taught", "scikit-learn"),
        ("Informational Science", "Informational Science"),
    ],
)
def test_unspin(spun: str, plain: str) -> None:
    assert unspin(spun) == plain


@pytest.mark.parametrize(
    ("word", "single"),
    [
        ("engineers", "engineer"),
        ("scientists", "scientist"),
        ("industries", "industry"),
        ("classes", "class"),
        ("boxes", "box"),
        ("analytics", "analytics"),
        ("people", "person"),
        ("bus", "bus"),
        ("data", "data"),
    ],
)
def test_singular(word: str, single: str) -> None:
    assert singular(word) == single


def test_fold_case_holds_what_ignorecase_matches_to_ascii_letters() -> None:
    # Every character a case-insensitive regex matches to an ASCII letter folds to that letter
    # (cue checks rely on it to rule sentences out), and folding keeps offsets.
    chars = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    folded = fold_case(chars)
    assert len(folded) == len(chars)
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, chars, re.IGNORECASE):
            assert folded[match.start()] == letter, hex(ord(match.group()))


def test_job_ads_are_made_singular_like_job_postings() -> None:
    assert normalize_subject("AI job ads") == "artificial intelligence job ad"
    assert normalize_subject("AI job postings") == "artificial intelligence job posting"


def test_mlops_is_spelled_out_so_both_spellings_are_one_subject() -> None:
    assert normalize_subject("the Machine Learning Operations (MLOps) market") == (
        "machine learning operations market"
    )
    assert normalize_subject("global MLOps market") == normalize_subject(
        "global machine learning operations market"
    )
    assert normalize_subject("MLOps engineers") == "machine learning operations engineer"


def test_automl_is_spelled_out_like_the_other_field_abbreviations() -> None:
    assert normalize_subject("AutoML platforms market") == normalize_subject(
        "automated machine learning platforms market"
    )


def test_start_ups_with_or_without_a_hyphen_are_one_subject() -> None:
    assert normalize_subject("fintech start-ups") == normalize_subject("fintech startups")
    assert normalize_subject("fintech start-ups") == "fintech startup"

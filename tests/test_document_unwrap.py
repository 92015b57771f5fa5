"""A hard-wrapped text or markdown page states the same facts as the same page unwrapped: a soft
line break inside a paragraph reads as the space it stands for, and rows keep their breaks."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from support.documents import document
from support.paths import FIXTURES

from mlefacts.extract import extract_claims

# A paragraph that starts like a list item, a quote, a heading or a table is not wrapped.
_STRUCTURED = re.compile(r"\s*(?:[#|>*+\-•]|\d+[.)])")


def _hard_wrapped(text: str) -> str:
    """The page with each one-line prose paragraph wrapped at 72 columns, as editors do."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(
        textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)
        if "\n" not in p and len(p) > 80 and not _STRUCTURED.match(p) and "|" not in p
        else p
        for p in paragraphs
    )


def _facts(text: str, media_type: str) -> Counter[str]:
    claims, failures = extract_claims(document(text, media_type))
    assert failures == []
    return Counter(
        repr((c.kind, c.subject, c.value, c.value_high, c.unit, c.year, c.text, qualifiers))
        for c in claims
        for qualifiers in [sorted((k, v) for k, v in c.qualifiers.items() if k != "position")]
    )


def test_a_wrapped_sentence_keeps_its_level_city_and_pay_period() -> None:
    wrapped = (
        "# Machine learning engineer pay in Canada\n\n"
        "Senior machine learning engineers in Toronto make about C$152,000\n"
        "per year, while entry-level engineers in Montreal start near\n"
        "C$78,000 annually.\n"
    )
    claims, _ = extract_claims(document(wrapped, "text/markdown"))
    found = {
        (
            c.value,
            c.qualifiers.get("experience_level"),
            c.qualifiers.get("city"),
            c.qualifiers.get("pay_period"),
        )
        for c in claims
        if c.kind == "salary"
    }
    assert found == {
        (152000.0, "senior", "Toronto", "annual"),
        (78000.0, "entry", "Montreal", "annual"),
    }


def test_rows_fences_and_hard_breaks_keep_their_line_breaks() -> None:
    rows = "Median pay: $109,870 per year\nNumber of jobs, 2024: 38,200\n"
    assert document(rows).text == rows
    fenced = "```\npip install torch\nimport torch\n```\n"
    assert document(fenced, "text/markdown").text == fenced
    hard = "Senior engineers in London earn about £95,000  \nand juniors £52,000.\n"
    assert document(hard, "text/markdown").text == hard
    soft = "Senior engineers in London earn about £95,000\nand juniors £52,000.\n"
    assert document(soft, "text/markdown").text == soft.replace("\n", " ", 1)


# The text and markdown fixture pages that have a prose paragraph long enough to wrap.
WRAPPABLE = [
    path
    for path in sorted((FIXTURES / "pages").iterdir())
    if path.suffix in {".md", ".txt"}
    and _hard_wrapped(path.read_text(encoding="utf-8")) != path.read_text(encoding="utf-8")
]


def test_most_text_fixture_pages_have_prose_to_wrap() -> None:
    assert len(WRAPPABLE) > 100


@pytest.mark.slow
@pytest.mark.parametrize("path", WRAPPABLE, ids=[p.name for p in WRAPPABLE])
def test_a_hard_wrapped_page_states_the_same_facts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    media_type = "text/markdown" if path.suffix == ".md" else "text/plain"
    assert _facts(_hard_wrapped(text), media_type) == _facts(text, media_type)


def test_two_labelled_lines_in_a_row_keep_their_break() -> None:
    doc = document(
        "ABOUT THE SURVEY\n\nFielded: November 2025, online\n"
        "Who answered: people who build, deploy or operate ML systems at work\n"
        "Where they work: 58% North America, 29% Europe, 13% rest of world\n",
        "text/plain",
    )
    assert "at work\nWhere they work" in doc.text


def test_a_bold_labelled_row_keeps_its_break_before_the_next_labelled_line() -> None:
    doc = document(
        "### 2. Data engineer\n\n"
        "**Growth in adverts (2022–2024):** +64% · **Median advertised pay:** $141,000\n"
        "Why it's rising: firms that trialled chatbots in 2023 now need the pipelines.\n",
        "text/markdown",
    )
    assert "$141,000\nWhy it's rising" in doc.text


def test_a_long_line_of_a_posting_s_terms_is_a_row_not_wrapped_prose() -> None:
    """'Quayside Bank · New York (hybrid) · $165,000-$195,000' under a digest item's title is a
    row of fields: the duties line under it starts a sentence of its own, and is read."""
    page = (
        "JOBS\n\n1) Machine Learning Engineer, Fraud\n"
        "   Quayside Bank · New York (hybrid) · $165,000-$195,000\n"
        "   You'll: build real-time fraud models on Kafka streams; run\n"
        "   champion/challenger tests against the current model.\n"
    )
    doc = document(page, "text/plain")
    assert "$195,000\n" in doc.text  # the row's break stays; the duty line's wrap is a space
    claims, _ = extract_claims(doc)
    assert [c.text for c in claims if c.kind == "responsibility"] == [
        "build real-time fraud models on Kafka streams",
        "run champion/challenger tests against the current model",
    ]


def test_a_line_over_a_dot_leader_row_keeps_its_break() -> None:
    """A fact sheet's pay row goes on in an indented line ('$56.10 per hour'); the row under it
    ('Typical Entry-Level Education ........ Bachelor's degree') is a row of its own, whose
    words tell nothing of the pay above."""
    page = (
        "Data Scientists\n\nQuick Facts: Data Scientists\n"
        "  2024 Median Pay .................................. $116,690 per year\n"
        "                                                     $56.10 per hour\n"
        "  Typical Entry-Level Education .................... Master's degree\n"
    )
    doc = document(page, "text/plain")
    assert "per hour\n  Typical" in doc.text
    pay = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert [(c.value, c.qualifiers.get("experience_level")) for c in pay] == [
        (116690.0, None),
        (56.10, None),
    ]

"""Sentence splitting: the quick test of a period's word never hides an abbreviation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.document.sentences import (
    _ABBREVIATIONS,
    _plain_end,
    _word_before,
    sentence_spans,
)
from mlefacts.toml_files import load_data

words = st.lists(
    st.sampled_from(
        [*_ABBREVIATIONS, *(a.upper() for a in _ABBREVIATIONS), "U", "x", "Rising", "2024"]
        + ["in", "DR", "Dr", "st", "ſt", "İnc", "K", "\u212a", "_", "3.5", "approx", "e.g"]
    ),
    max_size=6,
)
glue = st.sampled_from([" ", ".", "..", "", "-", "$", "\n"])


def _is_abbreviation(word: str) -> bool:
    return bool(word) and (
        word.lower().rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isupper())
    )


@settings(max_examples=400, deadline=None)
@given(words, glue)
def test_a_plain_end_is_never_an_abbreviation(parts: list[str], join: str) -> None:
    text = join.join(parts) + ". Next"
    for mark in (i for i, char in enumerate(text) if char == "."):
        for start in range(mark + 1):
            if _plain_end(text, start, mark):
                assert not _is_abbreviation(_word_before(text, start, mark))


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Pay rose 5.5% in the U.S. market, e.g. at Acme Inc. Pay grew in 2024. Demand grew. Done"
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "Pay rose 5.5% in the U.S. market, e.g. at Acme Inc. Pay grew in 2024.",
        "Demand grew.",
        "Done",
    ]


def test_a_months_abbreviation_ends_no_sentence() -> None:
    text = "NEW YORK, Jan. 15, 2025 (GLOBE NEWSWIRE) -- Demand rose 35%. Pay rose too."
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "NEW YORK, Jan. 15, 2025 (GLOBE NEWSWIRE) -- Demand rose 35%.",
        "Pay rose too.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # CJK marks end a sentence with no space or capital after them
        (
            "東京の年収は850万円。大阪では720万円！本当？Pay is high.",
            ["東京の年収は850万円。", "大阪では720万円！", "本当？", "Pay is high."],
        ),
        # an accented capital or a Spanish opening mark starts one
        (
            "À Paris, 4 900 € par mois. À Lyon, 4 300 €. ¿Cuánto gana? Él gana 40.000 €.",
            [
                "À Paris, 4 900 € par mois.",
                "À Lyon, 4 300 €.",
                "¿Cuánto gana?",
                "Él gana 40.000 €.",
            ],
        ),
        # a period before Hangul ends one
        (
            "평균 연봉은 6,000만원입니다. 시니어는 9,000만원을 받습니다.",
            ["평균 연봉은 6,000만원입니다.", "시니어는 9,000만원을 받습니다."],
        ),
    ],
)
def test_sentences_of_scripts_without_capitals(text: str, sentences: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentence_spans(text)] == sentences


def test_month_short_forms_come_from_the_dates_vocabulary() -> None:
    months = {m.lower() for m in load_data("quantity_words")["dates"]["months"]}
    short = {m for m in months if any(o != m and o.startswith(m) for o in months)}
    assert short <= _ABBREVIATIONS
    assert {"jan", "sept", "dec"} <= short
    assert "may" not in _ABBREVIATIONS  # a whole month's name: 'paid in May. Then ...' ends
    text = "Offers were made in May. Then pay rose."
    assert len(sentence_spans(text)) == 2


def test_a_kept_line_break_ends_a_sentence_unless_the_line_leads_into_the_next() -> None:
    text = (
        "**Median salary: €71,500**\nUS platforms set the pace here.\n"
        "Most common skills:\nLangChain, PyTorch and SQL."
    )
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "**Median salary: €71,500**",
        "US platforms set the pace here.",
        "Most common skills:\nLangChain, PyTorch and SQL.",
    ]


def test_a_dot_leader_ends_no_sentence() -> None:
    text = "Senior (6+ yrs) median ............ R1.15m\nWait. Then more."
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "Senior (6+ yrs) median ............ R1.15m",
        "Wait.",
        "Then more.",
    ]


def test_a_footnote_number_after_a_full_stop_ends_its_sentence() -> None:
    text = "Median pay was $150,100 in 2024.[3] Engineers earned 12% more in 2023.[12] Next one."
    found = [text[span.start : span.end] for span in sentence_spans(text)]
    assert found == [
        "Median pay was $150,100 in 2024.[3]",
        "Engineers earned 12% more in 2023.[12]",
        "Next one.",
    ]

"""The source a sentence attributes its figure to, read from generic syntax."""

from __future__ import annotations

import pytest

from mlefacts.extract.attribution import find_attribution, full_source_name


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "According to a report by Grand View Research, the market will grow.",
            "Grand View Research",
        ),
        ("Throughout the 2017  LinkedIn US Job report, the role ranked first.", "LinkedIn"),
        ("Glassdoor maintains that the average salary is Rs. 7,95,677.", "Glassdoor"),
        ("In response to the 2019 Acme report, the role took the top spot.", "Acme report"),
        ("In Robert Half’s 2019 Way forward for Work report, an analyst said so.", "Robert Half"),
        ("Job postings grew 74% annually, per LinkedIn.", "LinkedIn"),
        ("As per Naukri.com data, salaries rose.", "Naukri.com"),
        (
            "The U.S. Bureau of Labor Statistics projects that jobs will grow 23%.",
            "U.S. Bureau of Labor Statistics",
        ),
        ("A 2023 survey by Stack Overflow found that 40% of developers use AI.", "Stack Overflow"),
        ("The median salary is ₹12 lakh per annum (Source: AmbitionBox).", "AmbitionBox"),
        ("The average salary is ₹12 lakh per annum, says AmbitionBox.", "AmbitionBox"),
        ("According to Indeed's 2023 Jobs report, openings rose 53%.", "Indeed"),
        ("Trend.** Orrin Analytics now puts the market at $1.03tn by 2030.", "Orrin Analytics"),
        ("Pellham expects the AI market to grow by 31% a year.", "Pellham"),
        ("A rival estimate from Tovey Partners values it at $214 billion.", "Tovey Partners"),
        ("It will reach $56 billion by 2031 [Ostrava Insight, 2026].", "Ostrava Insight"),
        ("It will reach $56 billion by 2031 (Tovey Partners, 2025).", "Tovey Partners"),
        # a pattern runs only where its cue words are written, in any letter case its regex
        # accepts: 'ſ' and 'İ' are an 's' and an 'i' to it, though `str.lower` keeps them apart
        ("Results from a \u017furvey by Acme Research show growth.", "Acme Research"),
        ("ACCORD\u0130NG TO Acme Research, pay rose.", "Acme Research"),
        ("The 2024 Acme Jobs REPORT lists it.", "Acme"),
        # a publication named with 'a', the people who work at a source, what the source is,
        # its data: each says who the figure comes from
        ("A Hirewell study found that pay rose 6%.", "Hirewell study"),
        ("In a recent Hirewell survey, 41% said so.", "Hirewell survey"),
        ("Analysts at Stackline expect the market to double.", "Stackline"),
        ("Research firm Stackline estimates the market at $94 billion.", "Stackline"),
        ("Market research firm Stackline puts it at $94 billion.", "Stackline"),
        ("Hirewell data shows postings rose 22% in 2025.", "Hirewell"),
        ("Stackline's latest numbers put the market at $88 billion.", "Stackline"),
        ("The figures come from Hirewell, which tracked 1.2 million postings.", "Hirewell"),
        # where jobs are posted or counted, named before the source
        ("Ads fell 31%, according to figures from the job board Hirewell.", "Hirewell"),
        ("Ads fell 31%, per recent analysis from job search platform Hirewell.", "Hirewell"),
        ("Some 60,000 jobs were cut, according to the tracker Stackline.", "Stackline"),
        ("Some 60,000 jobs were cut in 2024, as tallied by Stackline.", "Stackline"),
        # a source after its sentence, with 'the'
        (
            "Data engineer jobs will grow 28%, the Hirewell Institute reported.",
            "Hirewell Institute",
        ),
    ],
)
def test_sources(sentence: str, source: str) -> None:
    assert find_attribution(sentence, 0, len(sentence)) == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The report says the market is big.",
        "Experts predict that demand will rise.",
        "Machine Learning Engineer takes the top spot with $146,085.",
        "Senior ML engineers at large tech firms earn $180K-$250K.",
        "In India, salaries are rising fast.",
        "Pay is quoted per annum.",
        # a kind of firm written in a name is no description of the source
        "Tata Consultancy Services pays Rs. 4,12,706 a year.",
        # a date after 'data from' is when, not who
        "Pay rose 4%, going by data from October 2025.",
    ],
)
def test_no_source(sentence: str) -> None:
    assert find_attribution(sentence, 0, len(sentence)) is None


def test_context_before_the_sentence_is_used_only_when_the_sentence_names_none() -> None:
    text = "Glassdoor maintains that pay is high. It also grew 20%. Acme says it fell."
    second = text.index("It also")
    third = text.index("Acme")
    assert find_attribution(text, second, third - 1) is None
    assert find_attribution(text, second, third - 1, context_start=0) == "Glassdoor"
    assert find_attribution(text, third, len(text), context_start=0) == "Acme"


def test_a_shortened_source_gets_the_full_name_the_page_gives_it() -> None:
    text = "Figures from Pellham Research. Pellham says so. Tovey thinks otherwise. Tovey Was"
    assert full_source_name(text, "Pellham") == "Pellham Research"
    assert full_source_name(text, "Tovey") == "Tovey"  # 'Was' is not an organization word
    assert full_source_name(text, None) is None


def test_a_source_in_square_brackets_ending_its_sentence_is_the_figures() -> None:
    """A statistics round-up cites each item '[Source]' (no year: the citation pattern
    wanted one); a link's text ('[Read more](/x)') is no source, nor a bracket mid-sentence."""
    text = "Postings for data engineers rose 12% in 2025 [HireMetric]."
    assert find_attribution(text, 0, len(text)) == "HireMetric"
    text = "AI will displace 92 million jobs by 2030 [Global Labour Outlook]"
    assert find_attribution(text, 0, len(text)) == "Global Labour Outlook"
    for text in (
        "Postings rose 12% in 2025 [Read more](/postings).",
        "Postings [Indeed] rose 12% in 2025 and kept rising.",
    ):
        assert find_attribution(text, 0, len(text)) is None


def test_a_field_abbreviation_is_no_source() -> None:
    # Italian 'per ML engineer' is 'for ML engineers', not 'according to ML'
    text = "Gli annunci per ML engineer sono aumentati del 28 % nel 2025."
    assert find_attribution(text, 0, len(text)) is None

"""`Claim.from_amount`: one figure read into one claim, value and place taken from the figure;
`Claim.framed`: the claim as its page frames it."""

from __future__ import annotations

from dataclasses import replace

from support.documents import document

from mlefacts.extract import extract_claims
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import amounts


def test_claim_from_amount_keeps_value_range_unit_and_figure_span() -> None:
    text = "Pay ranges from $120,000 to $150,000 a year."
    [amount] = amounts(text, 0, len(text))
    claim = Claim.from_amount(
        amount,
        kind="salary",
        subject="machine learning engineer",
        attribute="salary",
        char_start=0,
        char_end=len(text),
        extractor="test",
    )
    assert (claim.value, claim.value_high, claim.unit) == (120_000, 150_000, "USD")
    assert text[claim.figure_start : claim.figure_end] == amount.raw
    assert claim.qualifiers == {}


def test_claim_from_amount_unit_override_and_adjusted_amount() -> None:
    text = "Openings fell 4% last year."
    [amount] = amounts(text, 0, len(text))
    claim = Claim.from_amount(
        replace(amount, value=-amount.value),
        kind="count",
        subject="job market",
        attribute="count",
        char_start=0,
        char_end=len(text),
        extractor="test",
        unit="count",
        qualifiers={"category": "openings"},
    )
    assert (claim.value, claim.unit, claim.qualifiers) == (-4, "count", {"category": "openings"})


def test_qualifier_labels_read_the_same_whichever_apostrophe_the_page_sets() -> None:
    curly = (
        "# Engineer profile\n\nMachine learning engineers by degree: Master’s degree 49%, "
        "Bachelor’s degree 33%, PhD 18%.\n"
    )
    labels = []
    for page in (curly, curly.replace("’", "'")):
        claims, _ = extract_claims(document(page, "text/markdown"))
        labels.append(sorted(c.qualifiers.get("category") for c in claims if c.kind == "share"))
    assert labels[0] == labels[1] == ["Bachelor's degree", "Master's degree", "PhD"]


def test_framed_changes_only_year_qualifiers_and_subject() -> None:
    # every field set to a value of its own, so a field passed in the wrong place shows
    claim = Claim(
        kind="salary",
        subject="ml engineer",
        attribute="salary",
        char_start=3,
        char_end=40,
        extractor="test",
        value=1.0,
        value_high=2.0,
        unit="USD",
        text="t",
        year=2020,
        qualifiers={"a": 1},
        attributed_to="source",
        context="Median",
        figure_start=5,
        figure_end=9,
    )
    framed = claim.framed(2024, {"pay_period": "year"}, "data scientist")
    expected = replace(
        claim, year=2024, qualifiers={"pay_period": "year"}, subject="data scientist"
    )
    assert framed == expected


def test_a_figure_stated_as_a_bound_keeps_its_bound_whatever_its_kind() -> None:
    doc = document(
        "AI hiring in numbers, 2025\n\n"
        "More than 40% of respondents work fully remote.\n\n"
        "Fewer than 500 machine learning engineer vacancies were open in Ireland.\n\n"
        "The machine learning market is expected to exceed USD 200 billion by 2030.\n\n"
        "Employers posted 12,400 machine learning engineer job openings in Canada in 2025.\n"
    )
    bounds = {(c.kind, c.value): c.qualifiers.get("bound") for c in extract_claims(doc)[0]}
    assert bounds[("share", 40.0)] == "lower"
    assert bounds[("job_demand", 500.0)] == "upper"
    assert bounds[("market_size", 200e9)] == "lower"
    assert bounds[("job_demand", 12400.0)] is None


def test_a_remark_that_shares_add_up_to_100_percent_is_no_claim() -> None:
    doc = document(
        "Data engineering survey 2025\n\n"
        "Which orchestrators did you use? Data engineers, several answers allowed, so the "
        "shares add up to more than 100%:\n\n- Airflow — 64%\n- Dagster — 21%\n"
    )
    values = {c.value for c in extract_claims(doc)[0] if c.unit == "percent"}
    assert 100.0 not in values and {64.0, 21.0} <= values


def test_a_run_of_the_same_change_in_other_places_gives_each_place_its_claim() -> None:
    """'rose 4.8% in Austria, 3.9% in Switzerland and 2.7% in Belgium': every figure of the run
    is the first one's measure in its own place."""
    doc = document(
        "Data engineer pay report 2025\n\n"
        "Data engineer pay rose 4.8% in Austria, 3.9% in Switzerland and 2.7% in Belgium "
        "over the year.\n"
    )
    found = {
        c.value: (c.kind, c.subject, c.qualifiers.get("country"))
        for c in extract_claims(doc)[0]
        if c.unit == "percent"
    }
    assert found == {
        4.8: ("growth_rate", "data engineer", "Austria"),
        3.9: ("growth_rate", "data engineer", "Switzerland"),
        2.7: ("growth_rate", "data engineer", "Belgium"),
    }

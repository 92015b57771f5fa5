"""Market size and growth rate claims from prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlefacts.document import build_document
from mlefacts.extract import market
from mlefacts.extract.claim import Claim

FIXTURES = Path(__file__).parent / "fixtures" / "prose"
BUNDLED = Path(__file__).parent.parent / "raw" / "bundled"


def _claims(path: Path) -> list[Claim]:
    media_type = "text/html" if path.suffix == ".html" else "text/plain"
    doc = build_document(source_id=path.stem, text=path.read_text(), media_type=media_type)
    return market.extract(doc)


def _key(claim: Claim) -> tuple[object, ...]:
    return (claim.kind, claim.attribute, claim.value, claim.value_high, claim.unit, claim.year)


def test_market_fixture_exact_claims() -> None:
    found = {_key(c): c for c in _claims(FIXTURES / "market.txt")}
    assert set(found) == {
        ("market_size", "market_size", 12.5e9, None, "USD", 2022),
        ("growth_rate", "cagr", 38.1, None, "percent", 2030),
        ("market_size", "market_size", 225.91e9, None, "USD", 2030),
        ("growth_rate", "annual_growth", 36.2, None, "percent", 2030),
        ("growth_rate", "cagr", 35.0, 40.0, "percent", 2029),
    }
    valued = found[("market_size", "market_size", 12.5e9, None, "USD", 2022)]
    assert valued.subject == "global machine learning market"
    assert valued.qualifiers == {"forecast": False, "region": "global"}
    cagr = found[("growth_rate", "cagr", 38.1, None, "percent", 2030)]
    assert (cagr.qualifiers["period_start"], cagr.qualifiers["period_end"]) == (2023, 2030)
    forecast = found[("market_size", "market_size", 225.91e9, None, "USD", 2030)]
    assert forecast.qualifiers["forecast"] is True
    assert forecast.attributed_to == "Fortune Business Insights"
    assert forecast.subject == "artificial intelligence market"
    assert found[("growth_rate", "cagr", 35.0, 40.0, "percent", 2029)].subject == "mlops market"


def test_share_and_other_clauses_are_not_growth() -> None:
    values = [c.value for c in _claims(FIXTURES / "market.txt")]
    assert 40.0 not in values  # '40% share'
    assert 20e6 not in values  # 'raised $20 million in funding'


def test_market_named_later_governs_only_its_clause() -> None:
    text = "Python adoption rose 20% in 2022, and the global ML market grew 35% in 2023."
    doc = build_document(source_id="c", text=text, media_type="text/plain")
    assert [(c.value, c.year) for c in market.extract(doc)] == [(35.0, 2023)]


def test_html_compound_annual_growth_rate() -> None:
    found = {_key(c): c for c in _claims(FIXTURES / "market_page.html")}
    assert set(found) == {
        ("market_size", "market_size", 209.91e9, None, "USD", 2029),
        ("growth_rate", "cagr", 38.8, None, "percent", 2029),
    }
    assert {c.attributed_to for c in found.values()} == {"Fortune Business Insights"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The course costs $49 and teaches market basics.",
        "In 2030, everything will change for the market.",
        "Follow these 5 steps to enter the AI market.",
        "Our phone battery is at 20% after the market tour.",
        "The job market for ML engineers grew 20% last year.",
        "North America held a 40% share of the global machine learning market in 2023.",
    ],
)
def test_distractors_give_no_market_claim(sentence: str) -> None:
    doc = build_document(source_id="d", text=sentence, media_type="text/plain")
    assert market.extract(doc) == []


def test_bundled_000_market_and_cagr() -> None:
    claims = _claims(next(BUNDLED.glob("000_*.txt")))
    size = next(c for c in claims if c.kind == "market_size")
    assert (size.value, size.unit, size.year) == (39_986_700_000, "USD", 2025)
    assert size.qualifiers["forecast"] is True
    assert size.subject == "global machine learning market"
    rate = next(c for c in claims if c.kind == "growth_rate")
    assert (rate.attribute, rate.value, rate.unit) == ("cagr", 49.7, "percent")
    assert (rate.qualifiers["period_start"], rate.qualifiers["period_end"]) == (2017, 2025)
    assert len(claims) == 2


def test_bundled_001_market_and_annual_growth() -> None:
    claims = _claims(next(BUNDLED.glob("001_*.txt")))
    size = next(c for c in claims if c.kind == "market_size")
    assert (size.value, size.unit, size.year) == (96.7e9, "USD", 2027)
    assert size.attributed_to == "Grand View Research"
    rate = next(c for c in claims if c.kind == "growth_rate")
    assert (rate.attribute, rate.value, rate.year) == ("annual_growth", 43.8, 2027)
    assert rate.attributed_to == "Grand View Research"
    assert len(claims) == 2


def test_bundled_002_has_no_market_claims() -> None:
    assert _claims(next(BUNDLED.glob("002_*.txt"))) == []


def _subjects(text: str, title: str | None = None) -> list[tuple[str, float | None]]:
    doc = build_document(source_id="s", text=text, media_type="text/plain", title=title)
    return [(c.subject, c.value) for c in market.extract(doc)]


def test_attribution_is_never_the_market_subject() -> None:
    text = (
        "According to Lumen Market Insights, the global machine learning market will reach "
        "$300 billion by 2032."
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    (claim,) = market.extract(doc)
    assert (claim.subject, claim.attributed_to) == (
        "global machine learning market",
        "Lumen Market Insights",
    )


def test_market_subjects_hold_no_verbs_filler_or_report_furniture() -> None:
    assert _subjects("Cheap GPUs caused machine learning market size to jump to $9 billion.") == [
        ("machine learning market", 9e9)
    ]
    assert _subjects("It is a significant market worth $5 billion.") == []
    assert _subjects("Report Type\nPublish\nMarket size in 2035: $40 billion") == []


def test_market_named_as_a_service_keeps_its_whole_name() -> None:
    assert _subjects("The machine learning as a service market reached $4.2 billion in 2024.") == [
        ("machine learning as a service market", 4.2e9)
    ]


def test_the_market_later_in_a_page_is_the_page_market() -> None:
    text = (
        "Edge AI Market Report\n\nEdge computing keeps spreading.\n\n"
        "Vendors are busy. The market is expected to reach $60 billion by 2031."
    )
    assert _subjects(text) == [("edge artificial intelligence market", 6e10)]


def _claims_of(text: str, title: str | None = None) -> list[Claim]:
    doc = build_document(source_id="s", text=text, media_type="text/plain", title=title)
    return market.extract(doc)


def test_a_segment_is_a_qualifier_of_the_page_market_not_the_subject() -> None:
    text = (
        "Robotics Software Market Report\n\n"
        "Vision Systems: the segment was worth $4.10 billion in 2025 and is forecast to grow at "
        "a CAGR of 19.5% through 2033.\n\n"
        "By deployment, the cloud segment is expected to grow at the fastest CAGR of 22.1%."
    )
    found = {(c.kind, round(c.value or 0, 1)): c for c in _claims_of(text)}
    size = found[("market_size", 4.1e9)]
    assert size.subject == "robotics software market"
    assert size.qualifiers["segment"] == "Vision Systems"
    rate = found[("growth_rate", 19.5)]
    assert (rate.subject, rate.year, rate.qualifiers["period_end"]) == (
        "robotics software market",
        2033,
        2033,
    )
    cloud = found[("growth_rate", 22.1)]
    assert (cloud.subject, cloud.qualifiers["segment"], cloud.qualifiers["dimension"]) == (
        "robotics software market",
        "cloud",
        "deployment",
    )


def test_a_region_opening_a_growth_sentence_is_a_region_of_the_page_market() -> None:
    text = (
        "Speech Analytics Market Report\n\n"
        "Latin America is projected to register a CAGR of 17.2% from 2025 to 2032."
    )
    (rate,) = _claims_of(text)
    assert (rate.subject, rate.value, rate.qualifiers["region"]) == (
        "speech analytics market",
        17.2,
        "Latin America",
    )


def test_annual_growth_in_a_later_sentence_belongs_to_the_market_named_before() -> None:
    text = (
        "Tovey now puts the computer vision market at $80bn by 2030, up from $20bn in 2024. "
        "That implies annual growth of roughly 25% to 27% a year."
    )
    rate = next(c for c in _claims_of(text) if c.kind == "growth_rate")
    assert (rate.subject, rate.value, rate.value_high) == ("computer vision market", 25.0, 27.0)
    assert rate.attributed_to == "Tovey"


def test_a_segment_without_a_size_verb_is_still_sized() -> None:
    text = "Edge AI Market Report\n\nDeep Learning: a segment at $11.61 billion in 2025."
    (size,) = _claims_of(text)
    assert (size.subject, size.value, size.qualifiers["segment"]) == (
        "edge artificial intelligence market",
        11.61e9,
        "Deep Learning",
    )


def test_a_shortened_firm_name_is_attributed_in_full() -> None:
    text = (
        "Figures come from Pellham Research. The drone software market reached $9.2 billion "
        "in 2024, Pellham says."
    )
    (size,) = _claims_of(text)
    assert size.attributed_to == "Pellham Research"

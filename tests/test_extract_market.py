"""Market size and growth rate claims from prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.documents import document, numeric_claims

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, market
from mlefacts.extract.claim import Claim
from mlefacts.extract.subjects import market_mentions, market_phrase

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
    assert (
        found[("growth_rate", "cagr", 35.0, 40.0, "percent", 2029)].subject
        == "machine learning operations market"
    )


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
    # pay said to be below or above the going rate names no market
    assert _subjects("Your 18 LPA in Pune is below market for 4 YOE.") == []
    assert _subjects("Offers above market at $240k are rare.") == []


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


def test_a_vertical_is_a_segment_of_the_page_market() -> None:
    text = (
        "Edge Vision Market Outlook\n\n"
        "The edge vision market stood at $2.30 billion in 2025.\n\n"
        "The retail vertical is expected to register the fastest CAGR of 17.4% to 2032."
    )
    rate = next(c for c in _claims_of(text) if c.kind == "growth_rate")
    assert (rate.subject, rate.value, rate.qualifiers.get("segment")) == (
        "edge vision market",
        17.4,
        "retail",
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


def test_a_nationality_before_a_market_is_its_place_not_part_of_the_subject() -> None:
    (size,) = _claims_of("The Chinese drone software market alone was worth $3.1 billion in 2024.")
    assert (size.subject, size.qualifiers["country"]) == ("drone software market", "China")
    (size,) = _claims_of("The U.S. drone software market was valued at $2.2 billion in 2024.")
    assert (size.subject, size.qualifiers["country"]) == ("drone software market", "United States")


def test_labelled_items_of_a_list_about_a_market_are_its_segments() -> None:
    text = (
        "Main components of the speech analytics market include:\n\n"
        "- Call Analytics: Valued at $2.35 billion in 2024, with a solid 14.4% CAGR.\n"
        "- 3D Audio: A significant market at $0.91 billion in 2024, growing at 11.1% CAGR."
    )
    found = {(c.kind, round(c.value or 0, 2)): c for c in _claims_of(text)}
    assert found[("market_size", 2.35e9)].qualifiers["segment"] == "Call Analytics"
    assert found[("growth_rate", 11.1)].qualifiers["segment"] == "3D Audio"
    assert {c.subject for c in found.values()} == {"speech analytics market"}


def test_an_amount_belongs_to_the_nearest_market_named_before_it() -> None:
    text = (
        "The edge AI chip market is not the wider artificial intelligence market, which the "
        "firm sizes at US$ 402 Bn in 2025."
    )
    (size,) = _claims_of(text)
    assert (size.subject, size.value) == ("artificial intelligence market", 402e9)


def test_revenue_of_the_page_market_grows_with_the_market() -> None:
    text = "Drone Software Market Report\n\nDrone software revenue is expected to rise 21% in 2026."
    (rate,) = _claims_of(text)
    assert (rate.subject, rate.value, rate.year) == ("drone software market", 21.0, 2026)
    assert _claims_of("Nursing revenue is expected to rise 21% in 2026.") == []


def test_spending_named_alone_is_the_page_markets() -> None:
    text = (
        "# Japan AI market forecast\n\n## Highlights\n\n- TRI expects spending to reach JPY "
        "1,781.0 billion in 2025.\n"
    )
    doc = build_document(source_id="m", text=text, media_type="text/markdown")
    found = [(c.subject, c.value, c.year) for c in market.extract(doc) if c.kind == "market_size"]
    assert found == [("artificial intelligence market", 1.781e12, 2025)]


def test_spending_on_a_field_with_its_abbreviation_and_spending_in_a_region() -> None:
    text = (
        "# AI spending forecast\n\nWorldwide spending on artificial intelligence (AI) will "
        "reach $2.1 trillion in 2026.\n\nSpending in Western Europe is expected to reach $298 "
        "billion in 2026.\n"
    )
    doc = build_document(source_id="m", text=text, media_type="text/markdown")
    found = [
        (c.subject, c.value, c.qualifiers.get("region"))
        for c in market.extract(doc)
        if c.kind == "market_size"
    ]
    assert found == [
        ("artificial intelligence market", 2.1e12, None),
        ("artificial intelligence market", 2.98e11, "Western Europe"),
    ]


def test_a_release_titled_by_the_worlds_spending_on_a_field_sizes_that_fields_market() -> None:
    text = (
        "# Worldwide Spending on AI Will Reach $749 Billion in 2029, According to a Firm\n\n"
        "Worldwide spending on artificial intelligence (AI), including AI-enabled applications "
        "and services, reached $253.6 billion in 2025. Western Europe will spend $126 billion "
        "in 2029.\n"
    )
    doc = build_document(source_id="m", text=text, media_type="text/markdown")
    found = [(c.subject, c.value) for c in market.extract(doc) if c.kind == "market_size"]
    assert ("artificial intelligence market", 2.536e11) in found
    assert ("artificial intelligence market", 1.26e11) in found
    who_spends = "# Consumer spending on AI apps will reach $5 billion\n\nApps sold well.\n"
    assert (
        market.extract(build_document(source_id="c", text=who_spends, media_type="text/markdown"))
        == []
    )


def test_the_worlds_spending_on_a_field_in_a_sentence_sizes_its_market_on_any_page() -> None:
    text = (
        "# Top strategic technology trends for 2027\n\nThe firm forecasts that worldwide "
        "spending on AI software will total $412 billion in 2027, up from $297 billion in 2026.\n"
    )
    doc = build_document(source_id="m", text=text, media_type="text/markdown")
    found = [(c.subject, c.value) for c in market.extract(doc) if c.kind == "market_size"]
    assert found == [
        ("artificial intelligence software market", 4.12e11),
        ("artificial intelligence software market", 2.97e11),
    ]


def test_revenue_from_the_markets_products_and_services_is_its_size() -> None:
    """'revenue from computer vision products and services came to $X' is the size of the
    page's computer vision market; 'the market stood at $Y' later is its size too."""
    text = (
        "Computer Vision Market Outlook\n\nGlobal revenue from computer vision products and "
        "services came to USD 21.4 billion in 2025. In 2023, the market stood at USD 15.2 "
        "billion."
    )
    found = [(c.subject, c.value, c.year) for c in _claims_of(text) if c.kind == "market_size"]
    assert found == [
        ("computer vision market", 21.4e9, 2025),
        ("computer vision market", 15.2e9, 2023),
    ]


def test_a_multiple_is_a_growth_claim_in_ratio() -> None:
    text = (
        "Drone Software Market\n\nAnalysts expect the market to expand by 4x between 2024 and 2030."
    )
    (claim,) = _claims_of(text)
    assert (claim.kind, claim.value, claim.unit, claim.attribute) == (
        "growth_rate",
        4,
        "ratio",
        "growth_multiple",
    )
    assert (claim.qualifiers["period_start"], claim.qualifiers["period_end"]) == (2024, 2030)


@pytest.mark.parametrize(
    ("sentence", "multiple"),
    [
        ("Analysts expect the AI market to grow threefold between 2024 and 2030.", 3),
        ("The generative AI market will double by 2030.", 2),
        ("The computer vision market grew 2.5 times from 2020 to 2024.", 2.5),
        ("The NLP market quadrupled from 2019 to 2024.", 4),
    ],
)
def test_multiples_in_digits_or_words_are_growth(sentence: str, multiple: float) -> None:
    (claim,) = _claims_of(sentence)
    assert (claim.kind, claim.value, claim.unit) == ("growth_rate", multiple, "ratio")


@pytest.mark.parametrize(
    "sentence",
    [
        "The AI market is 4x the size of the chip market in 2024.",
        "The edge AI market is growing 3x faster than the cloud AI market since 2020.",
        "The NLP market posted double-digit growth in 2024.",
    ],
)
def test_a_multiple_that_compares_is_not_growth(sentence: str) -> None:
    assert [c for c in _claims_of(sentence) if c.unit == "ratio"] == []


def test_market_names_keep_abbreviations_compound_terms_and_field_in_forms() -> None:
    assert _subjects(
        "The global large language model (LLM) market size is estimated at USD 7.8 billion."
    ) == [("global large language model market", 7.8e9)]
    assert _subjects("The generative AI in healthcare market stood at $2.6 billion in 2025.") == [
        ("generative artificial intelligence in healthcare market", 2.6e9)
    ]


def test_a_dateline_city_is_not_a_region_and_global_market_alone_names_nothing() -> None:
    text = (
        "Drone Software Market Report\n\nNEW YORK, March 3, 2026 -- The global market is "
        "estimated to reach USD 8.1 billion by 2033."
    )
    (size,) = _claims_of(text)
    assert size.subject == "drone software market"
    assert size.qualifiers.get("region") != "NEW YORK"


def test_a_datelines_state_is_not_the_markets_region() -> None:
    text = (
        "Drone Software Market Report\n\nDenver, Colorado, March 3, 2026 (Newswire) -- The "
        "drone software market is estimated to reach USD 8.1 billion by 2033."
    )
    (size,) = _claims_of(text)
    assert "region" not in size.qualifiers


def test_each_clause_of_a_breakdown_sentence_names_its_own_part() -> None:
    text = (
        "Drone Software Market Report\n\n"
        "By component, Platforms led with 58.4% revenue share in 2025; Services is projected to "
        "book the fastest 27.1% CAGR to 2031.\n\n"
        "By geography, North America commanded 38.9% of the drone software market in 2025, and "
        "Asia-Pacific is predicted to register a 29.4% CAGR through 2031."
    )
    rates = {c.value: c for c in _claims_of(text) if c.kind == "growth_rate"}
    assert (rates[27.1].qualifiers["segment"], rates[27.1].qualifiers["dimension"]) == (
        "Services",
        "component",
    )
    assert rates[29.4].qualifiers["region"] == "Asia-Pacific"
    assert {c.subject for c in rates.values()} == {"drone software market"}


def test_labelled_items_under_a_breakdown_heading_are_segments_of_the_page_market() -> None:
    text = (
        "Drone Software Market Report\n\nBy technology\n\n"
        "- Mapping: ~$6.1 B in 2025; ~21% CAGR.\n- Inspection: ~$8.7 B in 2025; ~25% CAGR."
    )
    found = {(c.kind, round(c.value or 0, 1)): c for c in _claims_of(text)}
    mapping = found[("market_size", 6.1e9)]
    assert (mapping.subject, mapping.qualifiers["segment"], mapping.qualifiers["dimension"]) == (
        "drone software market",
        "Mapping",
        "technology",
    )
    assert found[("growth_rate", 25.0)].qualifiers["segment"] == "Inspection"


def test_a_bracketed_citation_is_the_source() -> None:
    text = "The drone software market reached USD 19.4 billion in 2026 [Ostrava Insight, 2026]."
    (size,) = _claims_of(text)
    assert size.attributed_to == "Ostrava Insight"


def test_a_component_sentence_names_its_segment() -> None:
    text = (
        "Drone Software Market Report\n\nMapping is the fastest-growing component, with a CAGR "
        "of 16.9% over 2025-2032."
    )
    (rate,) = _claims_of(text)
    assert (rate.subject, rate.qualifiers["segment"]) == ("drone software market", "Mapping")


def test_market_cards_give_sizes_growth_rates_and_shares_of_the_page_market() -> None:
    page = (
        "<html><head><title>Drone Software Market Report</title></head><body>"
        "<h1>Drone Software Market Report</h1><div>"
        "<div><div>Market size (2024)</div><div>USD 19.8 Billion</div></div>"
        "<div><div>Forecast (2032)</div><div>USD 58.3 Billion</div></div>"
        "<div><div>CAGR 2025-2032</div><div>14.5%</div></div>"
        "<div><div>North America share</div><div>38.2%</div></div>"
        "</div></body></html>"
    )
    doc = build_document(source_id="c", text=page, media_type="text/html")
    from mlefacts.extract import cards

    found = {(c.kind, round(c.value or 0, 1)): c for c in cards.extract(doc)}
    assert set(found) == {
        ("market_size", 19.8e9),
        ("market_size", 58.3e9),
        ("growth_rate", 14.5),
        ("share", 38.2),
    }
    assert {c.subject for c in found.values()} == {"drone software market"}
    assert found[("market_size", 58.3e9)].qualifiers["forecast"] is True
    assert found[("growth_rate", 14.5)].qualifiers["period_end"] == 2032
    assert found[("share", 38.2)].qualifiers["category"] == "North America"


def test_an_amount_written_before_a_market_name_sizes_that_market() -> None:
    text = "The AI chip market is a small part of the $400 billion AI market."
    (size,) = _claims_of(text)
    assert (size.subject, size.value) == ("artificial intelligence market", 400e9)


def test_a_possessive_country_is_a_qualifier_not_part_of_the_market() -> None:
    for sentence, country in (
        ("Germany's AI market was worth $12 billion in 2024.", "Germany"),
        (
            "The UK's machine learning market is set to grow at a CAGR of 21% to 2030.",
            "United Kingdom",
        ),
    ):
        claims = market.extract(document(sentence))
        assert claims and {c.qualifiers.get("country") for c in claims} == {country}
        assert {c.subject for c in claims} <= {
            "artificial intelligence market",
            "machine learning market",
        }


def test_a_figure_with_a_pay_period_in_a_city_list_is_never_a_market_size() -> None:
    page = (
        "India's artificial intelligence market was worth USD 9.6 billion in 2024.\n\n"
        "Pay by city:\n\n- Bengaluru: ₹18.4 lakh per annum\n- Pune: ₹14,20,000 a year\n"
    )
    claims = market.extract(document(page, "text/markdown"))
    assert [(c.kind, c.value) for c in claims] == [("market_size", 9.6e9)]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "The market for machine learning in Europe was valued at EUR 8.3 billion in 2024.",
            "machine learning market",
        ),
        (
            "The global market for computer vision reached $21 billion in 2023.",
            "global computer vision market",
        ),
    ],
)
def test_a_market_for_x_is_the_x_market(sentence: str, subject: str) -> None:
    (claim,) = _claims_of(sentence)
    assert (claim.kind, claim.subject) == ("market_size", subject)


def test_a_market_for_people_is_no_product_market() -> None:
    assert _claims_of("The market for data scientists was worth $2 billion in fees.") == []


def test_the_owner_of_a_market_is_not_also_its_part() -> None:
    (size,) = _claims_of("India's AI market is projected to reach USD 17 billion by 2027.")
    assert size.qualifiers.get("country") == "India" and "region" not in size.qualifiers


def test_a_place_named_after_the_market_is_its_qualifier() -> None:
    (size,) = _claims_of(
        "The machine learning market in the United Kingdom was worth £3.1 billion."
    )
    assert (size.subject, size.qualifiers.get("country")) == (
        "machine learning market",
        "United Kingdom",
    )


def test_a_market_named_by_a_place_alone_is_the_page_market_there() -> None:
    doc = document(
        "# Speech Analytics Market Report\n\n"
        "The global speech analytics market was valued at USD 4.2 billion in 2023.\n\n"
        "The Mexican market alone was worth USD 0.3 billion that year, while the United "
        "Kingdom market alone was worth USD 0.5 billion.\n"
    )
    found = {c.value: c for c in market.extract(doc)}
    assert {found[v].subject for v in (0.3e9, 0.5e9)} == {"speech analytics market"}
    assert found[0.3e9].qualifiers.get("country") == "Mexico"
    assert found[0.5e9].qualifiers.get("country") == "United Kingdom"


def test_a_snapshot_label_names_the_part_after_its_colon() -> None:
    page = (
        "# Generative AI Market Outlook\n\n"
        "The generative AI market was valued at USD 24.8 billion in 2025.\n\n"
        "- Fastest-growing region: Asia Pacific, at a CAGR of 34.6%\n"
        "- Leading segment: software, worth USD 15.2 billion in 2025\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    found = {c.value: c for c in market.extract(doc)}
    rate = found[34.6]
    assert (rate.kind, rate.subject) == ("growth_rate", "generative artificial intelligence market")
    assert rate.qualifiers["region"] == "Asia-Pacific"
    assert found[15.2e9].qualifiers["segment"] == "software"


def test_the_market_climbing_to_a_figure_is_its_size() -> None:
    page = (
        "# Computer Vision Market Report\n\n"
        "The computer vision market was worth USD 22.6 billion in 2025. Analysts expect the "
        "market to climb to USD 58.9 billion by 2033.\n\n"
        "The smaller video analytics market is projected to grow at a CAGR of 21.5%.\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    found = {c.value: c for c in market.extract(doc)}
    assert (found[58.9e9].subject, found[58.9e9].year) == ("computer vision market", 2033)
    assert found[21.5].subject == "video analytics market"


def test_a_two_column_fact_table_gives_market_figures_not_its_furniture() -> None:
    page = (
        "# LLMOps Platforms Market Forecast\n\n"
        "| KEY MARKET STATISTICS | |\n|---|---|\n"
        "| Base Year [2024] | USD 2.61 billion |\n"
        "| Forecast Year [2032] | USD 18.72 billion |\n"
        "| Growth rate | CAGR of 29.64% from 2025 to 2032 |\n"
        "| Number of pages | 196 |\n"
        "| Single-user price | USD 4,250 |\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    found = [(c.kind, c.value, c.year) for c in market.extract(doc)]
    assert found == [
        ("market_size", 2.61e9, 2024),
        ("market_size", 18.72e9, 2032),
        ("growth_rate", 29.64, 2032),
    ]
    assert {c.subject for c in market.extract(doc)} == {"llmops platforms market"}


def test_asides_sales_and_called_markets_name_their_own_market() -> None:
    page = (
        "# Artificial Intelligence Market Outlook\n\n"
        "The AI chips market, a subset of the semiconductor market, reached $61.4 billion in "
        "2024. Sales of AI accelerators climbed to $48 billion in 2025. Generative AI alone is "
        "expected to be a $310 billion market by 2030.\n"
    )
    doc = build_document(source_id="a", text=page, media_type="text/markdown")
    assert [(c.subject, c.value) for c in market.extract(doc)] == [
        ("artificial intelligence chips market", 61.4e9),
        ("artificial intelligence accelerators market", 48e9),
        ("generative artificial intelligence market", 310e9),
    ]


def test_labelled_lines_on_a_market_page_read_like_cards() -> None:
    page = (
        "# Computer Vision Market Snapshot\n\n"
        "- CAGR 2025-2030: 19.6%\n"
        "- Revenue forecast for 2030: USD 59.2 billion\n"
    )
    doc = build_document(source_id="l", text=page, media_type="text/markdown")
    found = [(c.kind, c.value, c.year, c.subject) for c in market.extract(doc)]
    assert found == [
        ("growth_rate", 19.6, 2030, "computer vision market"),
        ("market_size", 59.2e9, 2030, "computer vision market"),
    ]


def test_a_past_size_dates_neither_a_forecast_rate_nor_the_figure_it_grew_from() -> None:
    page = (
        "# MLOps Market Report\n\n"
        "The market, valued at $2.3 billion in 2024, will grow at a CAGR of 28%. The MLOps "
        "market will be worth USD 16.6 billion by 2032, up from USD 1.9 billion.\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    found = [(c.kind, c.value, c.year) for c in market.extract(doc)]
    assert found == [
        ("market_size", 2.3e9, 2024),
        ("growth_rate", 28.0, None),
        ("market_size", 16.6e9, 2032),
        ("market_size", 1.9e9, None),
    ]


def test_the_part_a_sentence_names_as_fastest_growing_or_among_a_breakdown() -> None:
    page = (
        "# Speech Analytics Market\n\n"
        "The fastest-growing region is expected to be Asia Pacific, with a CAGR of 19.2%. "
        "Among end users, healthcare will post the highest CAGR of 23.1%.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    found = [
        (c.value, c.qualifiers.get("region"), c.qualifiers.get("segment"))
        for c in market.extract(doc)
    ]
    assert found == [(19.2, "Asia-Pacific", None), (23.1, None, "healthcare")]


def test_a_headline_states_a_market_figure_its_text_does_not_repeat() -> None:
    page = (
        "# Data Labeling Market Size Worth USD 17.3 Billion by 2032\n\n"
        "The data labeling market was estimated at USD 4.2 billion in 2025.\n"
    )
    doc = build_document(source_id="h", text=page, media_type="text/markdown")
    found = sorted((c.value, c.year) for c in market.extract(doc))
    assert found == [(4.2e9, 2025), (17.3e9, 2032)]


def test_sizes_in_thousands_with_a_fraction_are_scaled() -> None:
    text = (
        "# Route Planning AI Market\n\n"
        "In 2024, Peru held a market value of USD 12,480.7 Thousand, behind its neighbours."
    )
    (claim,) = market.extract(document(text, "text/markdown"))
    assert (claim.kind, claim.value, claim.unit, claim.year) == (
        "market_size",
        12_480_700.0,
        "USD",
        2024,
    )
    assert claim.subject == "route planning artificial intelligence market"


def test_a_noun_ending_in_ly_stays_in_the_market_name() -> None:
    assert _subjects("The anomaly detection market reached $5.1 billion in 2024.") == [
        ("anomaly detection market", 5.1e9)
    ]
    assert _subjects("The rapidly growing AI market reached $5.1 billion in 2024.") == [
        ("artificial intelligence market", 5.1e9)
    ]


def test_table_in_the_scale_its_header_names_gives_market_sizes() -> None:
    page = (
        "<h1>Robotic Process Automation Market</h1>"
        "<table><tr><th>Year</th><th>Market size (USD million)</th></tr>"
        "<tr><td>2024</td><td>3,905.1</td></tr><tr><td>2030</td><td>11,277.4</td></tr></table>"
        "<h2>Outlook by region</h2>"
        "<table><tr><th>Region</th><th>2024 (EUR bn)</th><th>2030 (EUR bn)</th></tr>"
        "<tr><td>Europe</td><td>0.82</td><td>2.1</td></tr></table>"
    )
    sizes = {
        (c.value, c.unit, c.year, c.qualifiers.get("category"))
        for c in numeric_claims(document(page, "text/html"))
        if c.kind == "market_size"
    }
    assert sizes == {
        (3_905_100_000.0, "USD", 2024, "2024"),
        (11_277_400_000.0, "USD", 2030, "2030"),
        (820_000_000.0, "EUR", 2024, "Europe"),
        (2_100_000_000.0, "EUR", 2030, "Europe"),
    }


def test_a_scale_the_header_names_after_its_currency_scales_its_cells() -> None:
    """'Base salary (USD K)' over '118': $118,000, never $118 a year; a scale written where it
    is not read ('USD in K') gives no money at all."""
    page = (
        "<h1>ML engineer pay</h1>"
        "<table><tr><th>Level</th><th>Base salary (USD K)</th></tr>"
        "<tr><td>Junior</td><td>118</td></tr><tr><td>Senior</td><td>192</td></tr></table>"
    )
    found = [(c.value, c.unit) for c in numeric_claims(document(page, "text/html"))]
    assert found == [(118000.0, "USD"), (192000.0, "USD")]
    unread = page.replace("(USD K)", "(USD in K)")
    assert numeric_claims(document(unread, "text/html")) == []


def test_a_stat_tile_captioned_projected_by_a_year_is_a_market_size() -> None:
    page = (
        "<h1>Speech Analytics Market</h1><section><h3>$4.1B</h3><p>market size in 2025</p>"
        "<h3>$9.7B</h3><p>projected by 2032</p></section>"
    )
    sizes = [
        (c.value, c.year, c.qualifiers.get("forecast"))
        for c in numeric_claims(document(page, "text/html"))
        if c.kind == "market_size"
    ]
    assert sizes == [(4.1e9, 2025, False), (9.7e9, 2032, True)]


def test_a_listed_cagr_is_a_growth_rate_and_no_share() -> None:
    page = "# Edge AI Chips Market\n\n- Market size (2025): USD 7.4 billion\n- CAGR: 21.9%\n"
    claims = numeric_claims(document(page, "text/markdown"))
    assert [(c.kind, c.value) for c in claims if c.unit == "percent"] == [("growth_rate", 21.9)]


def test_a_table_of_years_gives_each_rows_measure_in_each_year() -> None:
    page = (
        "<h1>Vector Database Market</h1><table><tr><th></th><th>2025</th><th>2030</th></tr>"
        "<tr><td>Market size (EUR million)</td><td>910</td><td>3,480</td></tr>"
        "<tr><td>Growth (%)</td><td>-</td><td>30.2</td></tr>"
        "<tr><td>Vendors tracked</td><td>41</td><td>55</td></tr></table>"
    )
    claims = market.extract(document(page, "text/html"))
    assert [(c.kind, c.value, c.unit, c.year) for c in claims] == [
        ("market_size", 910e6, "EUR", 2025),
        ("market_size", 3_480e6, "EUR", 2030),
        ("growth_rate", 30.2, "percent", 2030),
    ]
    assert {c.subject for c in claims} == {"vector database market"}


def test_a_fact_stating_a_size_at_two_years_gives_both() -> None:
    page = (
        "<h1>AI Observability Market</h1><table><tr><th>Attribute</th><th>Details</th></tr>"
        "<tr><td>Market size</td><td>USD 1.1 billion in 2024 to USD 4.0 billion by 2031</td></tr>"
        "<tr><td>CAGR</td><td>20.2%</td></tr></table>"
    )
    claims = market.extract(document(page, "text/html"))
    assert [(c.value, c.year, c.context) for c in claims if c.kind == "market_size"] == [
        (1.1e9, 2024, "Market size"),
        (4.0e9, 2031, "Market size"),
    ]


def test_an_estimated_size_the_market_reached_is_the_pages_market_size() -> None:
    page = (
        "# Edge AI Software Market\n\nCheaper sensors pushed the market to an estimated "
        "USD 3.3 billion in 2025.\n"
    )
    (claim,) = market.extract(document(page, "text/markdown"))
    assert (claim.subject, claim.value, claim.year) == (
        "edge artificial intelligence software market",
        3.3e9,
        2025,
    )


def test_a_charts_data_as_years_and_bare_figures_gives_sizes_in_the_unit_it_names() -> None:
    page = (
        "## Image recognition market size worldwide, 2023 to 2029 (in billion U.S. dollars)\n\n"
        "- 2023: 31.2\n- 2029: 81.9\n\n"
        "## Model hosting market size by year (EUR million)\n\n"
        "| Year | Market size |\n|---|---|\n| 2024 | 640 |\n| 2027 | 1,105 |\n\n"
        "## Course prices by year\n\n- 2024: 49.99\n- 2025: 59.99\n"
    )
    claims = sorted(market.extract(document(page, "text/markdown")), key=lambda c: c.char_start)
    assert [(c.subject, c.value, c.unit, c.year) for c in claims] == [
        ("image recognition market", 31.2e9, "USD", 2023),
        ("image recognition market", 81.9e9, "USD", 2029),
        ("model hosting market", 640e6, "EUR", 2024),
        ("model hosting market", 1_105e6, "EUR", 2027),
    ]


def test_a_year_after_a_semicolon_dates_the_next_clauses_size() -> None:
    text = (
        "In 2024, the global vision AI market was worth roughly $18 billion; by 2031, "
        "it should approach $61 billion."
    )
    claims = market.extract(document(text))
    assert [(c.value, c.year) for c in claims] == [(18e9, 2024), (61e9, 2031)]


def test_stat_tiles_as_plain_lines_read_as_cards() -> None:
    page = (
        "# Synthetic Data Market\n\nMarket Size 2025\n\nUSD 0.6 Billion\n\n"
        "Market Size 2032\n\nUSD 3.9 Billion\n\n## Methodology\n\nUSD 2,500 per licence\n"
    )
    sizes = [(c.value, c.year) for c in numeric_claims(document(page, "text/markdown"))]
    assert sizes == [(0.6e9, 2025), (3.9e9, 2032)]


def test_a_compound_annual_rate_is_a_cagr() -> None:
    text = (
        "The global machine learning market was valued at USD 36.2 billion in 2024 and is "
        "projected to reach USD 181.5 billion by 2032, growing at a compound annual rate of 22.3%."
    )
    growth = [c for c in _claims_of(text) if c.kind == "growth_rate"]
    assert [(c.attribute, c.value) for c in growth] == [("cagr", 22.3)]


def test_the_level_a_forecast_starts_from_is_no_forecast() -> None:
    text = (
        "The speech analytics market is projected to grow from USD 3.4 billion in 2025 "
        "to USD 9.9 billion by 2031."
    )
    sizes = {c.value: c.qualifiers.get("forecast") for c in _claims_of(text)}
    assert sizes == {3.4e9: False, 9.9e9: True}


@pytest.mark.parametrize(
    ("verb", "forecast"),
    [("is projected to grow", True), ("should climb", True), ("grew", None)],
)
def test_the_level_a_forecast_change_reaches_in_a_year_is_a_forecast(
    verb: str, forecast: bool | None
) -> None:
    """'... to USD 7.8 billion in 2030' (not 'by 2030'): the change's verb before its starting
    level says whether the level it reaches is a forecast."""
    text = (
        f"The edge inference market {verb} from USD 2.1 billion in 2024 to USD 7.8 billion in 2030."
    )
    sizes = {c.value: c.qualifiers.get("forecast") for c in _claims_of(text)}
    assert sizes == {2.1e9: False, 7.8e9: forecast}


@pytest.mark.parametrize("hedge", ["", "about ", "just over ", "an estimated "])
def test_a_hedged_starting_level_is_no_forecast_either(hedge: str) -> None:
    """Any hedge of the shared list may stand between 'from' and the level a forecast starts
    from (quantity_words.toml `hedges`), as where the level's year is read."""
    text = (
        f"The edge inference market is expected to climb from {hedge}USD 2.1 billion in 2024 "
        "to USD 7.8 billion by 2030."
    )
    sizes = {c.value: c.qualifiers.get("forecast") for c in _claims_of(text)}
    assert sizes == {2.1e9: False, 7.8e9: True}


@pytest.mark.parametrize(
    ("lead", "forecast"),
    [
        ("Analysts expect the speech analytics market to expand", True),
        ("The speech analytics market is set to grow", True),
        ("The speech analytics market grew", None),
    ],
)
def test_the_level_a_forecast_rate_goes_on_to_reach_is_a_forecast(
    lead: str, forecast: bool | None
) -> None:
    """', reaching $X' after a forecast rate: the rate's forecast reaches the level too."""
    text = f"{lead} at a 24.3% CAGR through 2031, reaching USD 9.9 billion."
    claims = _claims_of(text)
    assert {(c.kind, c.qualifiers.get("forecast")) for c in claims} == {
        ("market_size", forecast),
        ("growth_rate", forecast),
    }


def test_a_later_clause_with_its_own_subject_is_not_the_segment_named_before() -> None:
    claims = _claims_of(
        "The platform segment of the MLOps market accounted for USD 1.42 billion in 2024, "
        "while services are forecast to expand at a CAGR of 43.2% from 2025 to 2032.\n"
    )
    assert [(c.kind, c.value, c.qualifiers.get("segment")) for c in claims] == [
        ("market_size", 1.42e9, "platform"),
        ("growth_rate", 43.2, "services"),
    ]


def test_a_key_statistics_table_gives_the_base_and_estimated_years_sizes() -> None:
    page = (
        "<html><body><h1>Edge inference market report</h1><table><caption>Market statistics "
        "at a glance</caption><tr><th>Base Year [2024]</th><td>USD 3.07 billion</td></tr>"
        "<tr><th>Estimated Year [2025]</th><td>USD 4.18 billion</td></tr>"
        "<tr><th>Forecast Year [2032]</th><td>USD 39.82 billion</td></tr>"
        "<tr><th>CAGR (%)</th><td>38.0%</td></tr></table></body></html>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    sizes = [(c.value, c.year) for c in market.extract(doc) if c.kind == "market_size"]
    assert sizes == [(3.07e9, 2024), (4.18e9, 2025), (39.82e9, 2032)]


def test_a_country_before_a_market_is_its_qualifier_whole_or_owning() -> None:
    claims = _claims_of(
        "Generative AI Market Report\n\n"
        "The United States generative AI market generated USD 58.3 billion in 2024. Japan's "
        "market is expected to reach JPY 1.9 trillion by 2030.\n"
    )
    assert [(c.subject, c.value, c.qualifiers.get("country")) for c in claims] == [
        ("generative artificial intelligence market", 58.3e9, "United States"),
        ("generative artificial intelligence market", 1.9e12, "Japan"),
    ]


def test_a_sentence_in_a_breakdown_section_opens_with_its_part() -> None:
    claims = _claims_of(
        "# Robotics AI Market Report\n\n"
        "The global robotics AI market is expected to reach USD 40.1 billion by 2032.\n\n"
        "## Component insights\n\n"
        "Hardware is expected to grow at a CAGR of 25.5% during the forecast period. "
        "It is expected to grow at a CAGR of 20.0% in the same years.\n\n"
        "## Applications\n\n"
        "Drug discovery was the largest application in 2025, with USD 8.2 billion in revenue.\n"
    )
    parts = {c.value: (c.qualifiers.get("segment"), c.qualifiers.get("dimension")) for c in claims}
    assert parts[25.5] == ("Hardware", "component")
    assert parts[8.2e9] == ("Drug discovery", "applications")
    # a sentence that opens with a pronoun names no part
    assert all(c.qualifiers.get("segment") != "It" for c in claims)


def test_a_firm_that_sizes_the_market_states_its_size() -> None:
    claims = _claims_of(
        "# How big is the robotics AI market?\n\n"
        "Ostrava Insights, by contrast, sizes the market at USD 41 billion for 2025 and "
        "forecasts USD 97 billion by 2031.\n"
    )
    assert [(c.kind, c.value, c.year) for c in claims] == [
        ("market_size", 41e9, 2025),
        ("market_size", 97e9, 2031),
    ]


def test_a_regions_cagr_is_market_growth_whatever_the_words_after_it() -> None:
    claims = _claims_of(
        "# Machine Learning Market Report\n\n"
        "The global machine learning market stood at USD 61.4 billion in 2024. Asia Pacific "
        "is anticipated to register the fastest CAGR, 25.1%, through 2032 as manufacturers "
        "automate inspection and demand planning.\n"
    )
    rates = [(c.value, c.qualifiers.get("region")) for c in claims if c.kind == "growth_rate"]
    assert rates == [(25.1, "Asia-Pacific")]


def test_a_later_sentence_of_a_paragraph_that_opens_with_a_breakdown_opens_with_a_part() -> None:
    claims = _claims_of(
        "# AutoML Market Report\n\nThe global AutoML market reached USD 2.1 billion in 2025.\n\n"
        "- By offering, the platform segment held 63.7% of revenue in 2025. Services are "
        "forecast to expand faster, at a CAGR of 27.9% through 2033.\n"
    )
    rates = [(c.value, c.qualifiers.get("segment")) for c in claims if c.kind == "growth_rate"]
    assert rates == [(27.9, "Services")]


def test_a_snapshot_rows_share_names_its_part_in_the_value() -> None:
    page = (
        "<html><body><h1>AI Inference Chip Market Report</h1><table>"
        "<tr><th>Market size value in 2025</th><td>USD 38.6 billion</td></tr>"
        "<tr><th>Largest region (2025)</th><td>North America, 42.3% share</td></tr>"
        "<tr><th>Leading segment</th><td>about 46.8% share</td></tr>"
        "</table></body></html>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    shares = [(c.value, c.year, c.qualifiers) for c in market.extract(doc) if c.kind == "share"]
    assert shares == [(42.3, 2025, {"region": "North America"})]


def test_a_bracketed_conversion_stands_with_its_figure_and_single_is_no_market_name() -> None:
    text = (
        "Computer Vision Market Tracker\n\n"
        "The computer vision market will climb from €12.4 billion (US$13.4 billion) in 2025 "
        "to €30.2 billion (US$32.7 billion) in 2030. Germany remains the largest single "
        "market, with €3.1 billion in 2025."
    )
    sizes = {(c.value, c.unit): (c.subject, c.year) for c in _claims_of(text)}
    assert sizes[(12.4e9, "EUR")][1] == 2025 and sizes[(13.4e9, "USD")][1] == 2025
    forecast = {c.value: c.qualifiers.get("forecast") for c in _claims_of(text)}
    assert (forecast[12.4e9], forecast[13.4e9]) == (False, False)
    assert sizes[(30.2e9, "EUR")][1] == 2030 and sizes[(32.7e9, "USD")][1] == 2030
    assert sizes[(3.1e9, "EUR")] == ("computer vision market", 2025)


def test_a_research_firms_home_state_is_not_the_markets_region() -> None:
    text = (
        "Machine Learning Market Report\n\nThe machine learning market will reach $210 billion "
        "by 2030, according to Alder Insight, a Northbrook, Illinois-based research firm."
    )
    (size,) = _claims_of(text)
    assert "region" not in size.qualifiers


def test_a_firm_that_puts_the_market_at_a_sum_sizes_it_an_investor_does_not() -> None:
    text = (
        "AutoML Market: Size and Forecast to 2031\n\nA second estimate, from Halvorsen Market "
        "Data, puts the 2025 market lower, at USD 1.61 billion.\n\nVenture investors put USD "
        "12.4 billion into AutoML startups last year.\n"
    )
    assert [value for _, value in _subjects(text)] == [1.61e9]


def test_a_bold_labelled_forecast_row_and_a_segment_that_generated_revenue() -> None:
    page = (
        "# AutoML Market: Size and Forecast to 2031\n\n## Key market statistics\n\n"
        "- **Market value (2025):** USD 1.96 Bn\n- **Forecast value (2031):** USD 11.8 Bn\n\n"
        "## By deployment\n\nCloud deployments generated USD 890.2 Mn in 2025.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/markdown")
    found = [(c.value, c.qualifiers.get("segment")) for c in market.extract(doc)]
    # the colon before the closing '**' ends the label; the part opens the sentence
    assert found == [(1.96e9, None), (11.8e9, None), (890.2e6, "Cloud deployments")]


def test_a_regions_market_and_a_country_market_are_the_page_market_in_that_place() -> None:
    text = (
        "Synthetic Data Revenue to Reach USD 90 Billion by 2032, Says Fenwick Analysts\n\n"
        "The synthetic data market is valued at USD 21.0 billion in 2025. North "
        "America leads on cloud capacity; the region's market came to USD 8.4 billion in 2025. "
        "Europe held a 27.5% share in 2025, and the UK market should see a 22.0% CAGR to 2032. "
        "The country's market is young.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    subjects = {c.value: c.subject for c in numeric_claims(doc)}
    # a common noun's possessive ('the region's market') names whose market, not which one,
    # and 'the UK market' names a place: neither is the page's main market
    assert subjects[8.4e9] == "synthetic data market"
    assert subjects[27.5] == "synthetic data market"
    assert subjects[22.0] == "synthetic data market"


def test_a_wire_release_s_long_dateline_sentence_and_its_text_table_header() -> None:
    text = (
        "Newswire Today | Technology\n\n"
        "Vector Database Market to Reach USD 9.1 Billion by 2032, Says Fenmoor Research\n\n"
        "OSLO, Norway, March 4, 2026 /Newswire Today/ -- Worldwide spending on vector databases "
        "stood at USD 2.2 billion in 2025 and should climb to USD 9.1 billion by 2032, an "
        "annualised growth rate (CAGR) of 22.5% from 2026 to 2032, according to a new study by "
        'Fenmoor Research titled "Vector Database Market Size, Share and Trends Analysis Report '
        "by Component, Deployment, Application, Organization Size, End Use, Industry Vertical "
        'and Region, with Competitive Landscape and Vendor Profiles, 2026-2032".\n\n'
        "Market size at a glance (USD billion)\n\n"
        "  Year    Global vector database market\n  2025    2.2\n  2032    9.1\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    claims = numeric_claims(doc)
    size = next(c for c in claims if c.value == 2.2e9 and c.year == 2025)
    # the column gap ends the market's name; the dateline and the report's quoted title
    # name no part of it; the quote is the clause that holds the figure, within 400 chars
    assert size.subject in ("vector database market", "global vector database market")
    assert "segment" not in size.qualifiers
    quote = doc.text[size.char_start : size.char_end]
    assert "USD 2.2 billion" in quote and len(quote) <= 400
    assert all(c.char_end - c.char_start <= 400 for c in claims)


def test_a_second_firm_that_has_the_same_market_at_a_sum_sizes_it() -> None:
    text = (
        "Orlan Insights puts the global computer vision market at USD 21.4 billion in 2025. "
        "Bexley Analytics has the same market at USD 18.9 billion in 2025 and USD 22.0 billion "
        "in 2026."
    )
    sizes = [(c.value, c.year) for c in market.extract(document(text)) if c.kind == "market_size"]
    assert sizes == [(21.4e9, 2025), (18.9e9, 2025), (22.0e9, 2026)]


def test_compound_yearly_growth_is_a_cagr_of_the_market_named_before() -> None:
    claims = _claims_of(
        "The global machine learning market was worth $93.9 billion in 2025.\n\n"
        "Ostrander expects 30.2% compound yearly growth over 2026–2032.\n"
    )
    (rate,) = [c for c in claims if c.kind == "growth_rate"]
    assert (rate.subject, rate.value, rate.qualifiers.get("period_start")) == (
        "global machine learning market",
        30.2,
        2026,
    )


def test_two_clauses_each_size_their_own_market_and_place() -> None:
    """'The United States generated USD 1.09 billion of MLOps revenue in 2025, and the Indian
    MLOps market is forecast to reach USD 2.4 billion by 2033': the first clause names no market
    (the page's, with its size verb) and its place is the United States; the second's market is
    India's, no part the first clause named."""
    doc = document(
        "Edge AI Market Report\n\nThe global edge AI market was USD 21 billion in 2025. Germany "
        "generated USD 1.4 billion of edge AI revenue in 2025, and the Japanese edge AI market "
        "is forecast to reach USD 3.9 billion by 2032."
    )
    sizes = {
        c.value: {k: v for k, v in c.qualifiers.items() if k in ("country", "region")}
        for c in numeric_claims(doc)
        if c.kind == "market_size"
    }
    assert sizes == {
        21e9: {"region": "global"},
        1.4e9: {"region": "Germany"},
        3.9e9: {"country": "Japan"},
    }


def test_the_market_growing_from_one_size_to_another_states_both() -> None:
    """'The market is projected to grow from $21.5 billion in 2025 to $63.1 billion by 2032':
    'the market' is the page's, its sizes the start and the forecast."""
    doc = document(
        "Speech Analytics Market Report\n\nThe speech analytics market serves contact centres. "
        "The market is projected to grow from $4.2 billion in 2025 to $11.9 billion by 2032."
    )
    sizes = [
        (c.subject, c.value, c.year, c.qualifiers.get("forecast"))
        for c in numeric_claims(doc)
        if c.kind == "market_size"
    ]
    assert sizes == [
        ("speech analytics market", 4.2e9, 2025, False),
        ("speech analytics market", 11.9e9, 2032, True),
    ]


def test_the_sizes_a_firm_forecasts_after_naming_the_market_are_its() -> None:
    page = (
        "# Edge AI market\n\nA new study sizes the global edge AI market at USD 21.4 billion for "
        "2024. The firm forecasts USD 26.0 billion for 2025 and USD 88.5 billion by 2033."
    )
    sizes = {
        c.value: (c.subject, c.year)
        for c in market.extract(document(page))
        if c.kind == "market_size"
    }
    assert sizes[26_000_000_000] == ("global edge artificial intelligence market", 2025)
    assert sizes[88_500_000_000][1] == 2033


def test_a_roles_market_is_no_product_market() -> None:
    """'Data engineer market update': the market of people hired into a role sells nothing,
    so it is no market subject; 'the MLOps market' is one."""
    assert market_mentions("Data engineer market update, Q3") == []
    assert [m[2] for m in market_mentions("the MLOps market grew")] == [
        "machine learning operations market"
    ]


def test_a_paragraph_after_one_about_the_page_s_market_states_that_market_s_money() -> None:
    """Under a heading that names no market ('## Market summary'), a paragraph naming none
    goes on with the page's market that the paragraph before named; not with a market the
    paragraph before names in passing."""
    text = (
        "# Generative AI Market Report\n\n## Market summary\n\n"
        "The generative AI market size was estimated at USD 41.7 billion in 2024.\n\n"
        "Software accounted for USD 27.3 billion of 2024 revenue.\n"
    )
    sizes = {c.value: c.subject for c in _claims_of(text) if c.kind == "market_size"}
    assert sizes == {
        41.7e9: "generative artificial intelligence market",
        27.3e9: "generative artificial intelligence market",
    }
    aside = text.replace(
        "The generative AI market size was estimated at USD 41.7 billion in 2024.",
        "The speech analytics market, a neighbour, was worth USD 3.1 billion in 2024.",
    )
    assert "speech analytics market" not in {
        c.subject for c in _claims_of(aside) if c.value == 27.3e9
    }
    spenders = text.replace(
        "Software accounted for USD 27.3 billion of 2024 revenue.",
        "Hyperscalers are expected to spend USD 200 billion on data centres in 2025, growing "
        "40% annually.",
    )
    assert {c.value for c in _claims_of(spenders)} == {41.7e9}  # no money of the market's


def test_a_level_set_off_before_the_cagr_of_the_next_figure_is_no_growth_rate() -> None:
    """'Asia Pacific, at 24.1% in 2024, is expected to expand at the fastest CAGR, 26.8%': the
    CAGR words stand between the two figures and state the second."""
    text = (
        "The global machine learning market was valued at USD 79.3 billion in 2024. Europe "
        "accounted for 27.4% of revenue, while Asia Pacific, at 24.1% in 2024, is expected to "
        "expand at the fastest CAGR, 26.8%, over the forecast period."
    )
    rates = [c.value for c in _claims_of(text) if c.kind == "growth_rate"]
    assert rates == [26.8]
    # growth words right after a rate are its own, whatever percentage follows
    own = (
        "The global machine learning market was valued at USD 79.3 billion in 2024. British "
        "revenue should compound at 29.1% a year to 2032, and Canada held 2.9% of revenue."
    )
    assert [c.value for c in _claims_of(own) if c.kind == "growth_rate"] == [29.1]
    before_a_break = (
        "The global machine learning market is forecast to post 31.2% through 2030 on a "
        "year-over-year basis, against 28.0% for Europe."
    )
    assert 31.2 in [c.value for c in _claims_of(before_a_break) if c.kind == "growth_rate"]


def test_a_release_titled_by_spending_sizes_and_grows_that_market() -> None:
    """'Analyst House Predicts Worldwide AI Chip Spending to ...': the spending on a product in a
    release's title is its market, which the prose sizes and grows."""
    text = (
        "# Analyst House Predicts Worldwide AI Chip Spending to Hit $80 Billion\n\n"
        "Spending on AI chips is set to grow at a CAGR of 21.5% over 2024-2028, reaching "
        "$80.3 billion in 2028.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    found = {(c.kind, c.value): c.subject for c in market.extract(doc)}
    assert found == {
        ("growth_rate", 21.5): "artificial intelligence chips market",
        ("market_size", 80.3e9): "artificial intelligence chips market",
    }


def test_a_title_of_spending_that_neither_sizes_nor_forecasts_names_no_market() -> None:
    """'Consumer spending on AI apps slows': who spends, not a market a release sizes."""
    for title in ("Consumer Spending on AI Apps Slows", "Cloud Spending Cuts Hit ML Hiring"):
        text = f"# {title}\n\nThe market grew 12% in 2025 and was worth $4.1 billion in 2025.\n"
        doc = build_document(source_id="s", text=text, media_type="text/markdown")
        assert market.extract(doc) == [], title


def test_a_table_of_spending_in_millions_keeps_its_growth_percentages() -> None:
    """A caption's '(Millions of U.S. Dollars)' scales the spending columns, not a 'Growth (%)'
    column beside them."""
    html = (
        "<h1>Worldwide Robotics Software Spending Forecast</h1><table>"
        "<caption>Robotics Software Spending by Segment, 2024-2025 (Millions of U.S. Dollars)"
        "</caption><tr><th>Segment</th><th>2024 Spending</th><th>2025 Spending</th>"
        "<th>2025 Growth (%)</th></tr><tr><td>Vision systems</td><td>12,400</td>"
        "<td>15,100</td><td>21.8</td></tr><tr><td>Motion planning</td><td>8,200</td>"
        "<td>9,900</td><td>20.7</td></tr></table>"
    )
    found = {(c.kind, c.value) for c in numeric_claims(document(html, "text/html"))}
    assert ("growth_rate", 21.8) in found
    assert ("market_size", 15.1e9) in found
    assert not any(kind == "market_size" and value < 1e9 for kind, value in found)


def test_growth_as_the_subject_and_its_earlier_level_are_the_page_market_s_rates() -> None:
    """'Growth eased to 18.2% in 2024, down from 21.5% in 2023': on a market's page, the
    market's growth in each year; a role page's 'growth' names no market."""
    page = (
        "# Edge AI Chip Market Report\n\n"
        "The edge AI chip market was valued at USD 12.4 billion in 2024.\n\n"
        "Growth eased to 18.2% in 2024, down from 21.5% in 2023, as handset sales cooled.\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    rates = [(c.subject, c.value, c.year) for c in market.extract(doc) if c.kind == "growth_rate"]
    chips = "edge artificial intelligence chip market"
    assert rates == [(chips, 18.2, 2024), (chips, 21.5, 2023)]
    role_page = "# Data engineer careers\n\nGrowth slowed to 8.5% in 2025, down from 11% in 2024.\n"
    doc = build_document(source_id="r", text=role_page, media_type="text/markdown")
    assert market.extract(doc) == []


def test_it_in_a_list_item_goes_on_with_the_market_the_item_before_names() -> None:
    """A round-up's items: 'The global vector database market was worth ...' / 'Analysts
    expect it to reach ...': the forecast is that market's; an item naming no 'it' is not."""
    page = (
        "# 15 Vector Database Statistics\n\n## Market\n\n"
        "1. The global vector database market was worth $2.2 billion in 2024.\n"
        "2. Analysts expect it to reach $10.6 billion by 2030.\n"
        "3. Startups raised $1.1 billion in 2024.\n"
    )
    doc = build_document(source_id="m", text=page, media_type="text/markdown")
    sizes = [(c.subject, c.value, c.year) for c in market.extract(doc)]
    assert sizes == [
        ("global vector database market", 2.2e9, 2024),
        ("global vector database market", 10.6e9, 2030),
    ]


@pytest.mark.parametrize(
    ("sentence", "sizes"),
    [
        (
            "The AI chip market is expected to exceed $84 billion in 2025, an increase of about "
            "$21 billion compared to 2024.",
            [84e9],
        ),
        ("The MLOps market reached $6.3 billion in 2025, a $2.1 billion jump on 2024.", [6.3e9]),
        ("The MLOps market is worth $6.3 billion, $2.1 billion more than in 2024.", [6.3e9]),
        # read as one range before: a change, then the level it reached
        ("The MLOps market grew by $2.1 billion to $6.3 billion in 2025.", [6.3e9]),
        ("The MLOps market grew by $2-3 billion in 2025.", []),  # a range of change only
        ("The MLOps market will rise from $4.2 billion in 2024 to $6.3 billion.", [4.2e9, 6.3e9]),
    ],
)
def test_a_sum_a_market_changed_by_is_no_size(sentence: str, sizes: list[float]) -> None:
    doc = build_document(
        source_id="m", text=f"Market brief.\n\n{sentence}", media_type="text/plain"
    )
    claims = [c for c in market.extract(doc) if c.kind == "market_size"]
    assert [(c.value, c.value_high) for c in claims] == [(size, None) for size in sizes]


def test_a_later_size_card_is_a_forecast_and_a_forecast_period_rate_is_the_titles() -> None:
    """'Market Size 2033' beside 'Market Size 2025' is the forecast; 'The market size was USD
    21.4 Billion in 2025 and is expected to register a CAGR of 20.6% during the forecast
    period' states a past size (the rate was dated 2025 by it) and a rate over the period the
    title names."""
    page = (
        "# Computer Vision Market Size, Share and Forecast, 2025-2033\n\n"
        "Market Size 2025\nUSD 21.4\nBillion\n\nMarket Size 2033\nUSD 96.2\nBillion\n\n"
        "## Market Synopsis\n\nThe global computer vision market size was USD 21.4 Billion in "
        "2025 and is expected to register a revenue CAGR of 20.6% during the forecast period.\n"
    )
    doc = document(page, "text/markdown")
    claims = [c for c in numeric_claims(doc) if c.kind in ("market_size", "growth_rate")]
    cards = {
        c.value: c.qualifiers["forecast"]
        for c in claims
        if doc.text[c.char_start :].startswith("Market Size")
    }
    assert cards == {21.4e9: False, 96.2e9: True}
    prose = {
        (c.attribute, c.value, c.year): c.qualifiers
        for c in claims
        if doc.text[c.char_start :].startswith("The global")
    }
    assert prose[("market_size", 21.4e9, 2025)]["forecast"] is False
    assert prose[("cagr", 20.6, 2033)] == {
        "period_start": 2025,
        "period_end": 2033,
        "forecast": True,
        "region": "global",
    }


def test_a_market_that_will_more_than_triple_grows_by_that_multiple() -> None:
    """'will more than triple by 2030' read nothing: the hedge stood between the verb's
    auxiliary and the multiple."""
    for sentence in (
        "The European edge AI market will more than triple by 2030.",
        "The European edge AI market is expected to nearly double by 2030.",
    ):
        (rate,) = [c for c in numeric_claims(document(sentence)) if c.kind == "growth_rate"]
        assert (rate.attribute, rate.unit, rate.year) == ("growth_multiple", "ratio", 2030)


def test_market_sizes_stated_respectively_go_to_the_countries_in_order() -> None:
    """'Spain and Italy are expected to reach EUR 9.4 bn and EUR 7.9 bn by 2030, respectively':
    each size is its country's, both in 2030 (the first had no year and neither a country)."""
    page = (
        "European AI market outlook\n\n"
        "The European artificial intelligence market was worth EUR 41.9 bn in 2024. Spain and "
        "Italy are expected to reach EUR 9.4 bn and EUR 7.9 bn by 2030, respectively.\n"
    )
    sizes = [c for c in numeric_claims(document(page)) if c.kind == "market_size"]
    assert [(c.value, c.year, c.qualifiers.get("country")) for c in sizes][1:] == [
        (9.4e9, 2030, "Spain"),
        (7.9e9, 2030, "Italy"),
    ]


def test_sizes_of_countries_in_a_paragraph_of_their_own_are_the_pages_markets() -> None:
    """A sentence that names only countries and their sizes, after a paragraph of shares that
    names no market, sizes the parts of the page's market (it read nothing)."""
    page = (
        "European AI market outlook\n\n"
        "The European artificial intelligence market was worth EUR 41.9 bn in 2024.\n\n"
        "COUNTRY VIEW\n\nGermany held a 24.8% share of European revenue in 2024.\n\n"
        "Spain and Italy are expected to reach EUR 9.4 bn and EUR 7.9 bn by 2030, respectively.\n"
    )
    sizes = [c for c in numeric_claims(document(page)) if c.kind == "market_size"]
    assert [(c.subject, c.value, c.qualifiers.get("country")) for c in sizes][1:] == [
        ("artificial intelligence market", 9.4e9, "Spain"),
        ("artificial intelligence market", 7.9e9, "Italy"),
    ]


def test_a_size_restated_in_brackets_in_its_own_numerals_is_one_size() -> None:
    """'¥1,324.6 billion (1兆3,246億円)': the yen written in 兆 and 億 is the same sum (it was
    read as ¥324.6 billion and a '1'), and the market's size is stated once."""
    page = (
        "Japan AI market outlook\n\nJapan's AI market expanded 41.2% in 2024, to ¥1,324.6 "
        "billion (1兆3,246億円) on an end-user spending basis.\n"
    )
    sizes = [c for c in numeric_claims(document(page)) if c.kind == "market_size"]
    assert [(c.value, c.unit) for c in sizes] == [(1.3246e12, "JPY")]


def test_a_rate_over_the_period_takes_the_years_its_paragraph_named() -> None:
    page = (
        "# Market notes\n\nThe global computer vision market is set to reach $61 billion by "
        "2031, up from $18 billion in 2025. That works out to a compound annual growth rate of "
        "22.5% over the period.\n"
    )
    rates = [
        (c.value, c.year, c.qualifiers.get("period_start"), c.qualifiers.get("period_end"))
        for c in market.extract(document(page, "text/markdown"))
        if c.kind == "growth_rate"
    ]
    assert rates == [(22.5, 2031, 2025, 2031)]


def test_a_headlines_rounded_figure_is_listed_once_as_the_text_states_it() -> None:
    page = (
        "<h1>Computer Vision Market to Pass USD 58 Billion by 2031</h1><p>The global computer "
        "vision market is projected to reach USD 58.74 billion by 2031, according to the "
        "report.</p>"
    )
    sizes = [
        c.value for c in market.extract(document(page, "text/html")) if c.kind == "market_size"
    ]
    assert sizes == [58_740_000_000.0]


def test_a_rate_whose_clause_names_no_market_is_not_a_later_clauses_markets() -> None:
    page = (
        "<h1>Computer Vision Market Report</h1><p>The global computer vision market was valued "
        "at USD 21 billion in 2025.</p><p>Brazil is projected to clock a 24.2% CAGR over the "
        "same period, while the Mexico computer vision market was valued at USD 0.6 billion in "
        "2025.</p>"
    )
    rates = [
        (c.value, c.qualifiers.get("country"), c.qualifiers.get("region"))
        for c in market.extract(document(page, "text/html"))
        if c.kind == "growth_rate"
    ]
    assert rates == [(24.2, None, "Brazil")]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        (
            "Asia Pacific is forecast to grow at a CAGR of 27.9% over 2025–2033, North America "
            "at 15.7%.",
            (15.7, "North America"),
        ),
        (
            "Asia Pacific is expected to register the fastest CAGR of 27.9%, followed by Europe "
            "at 21.3%.",
            (21.3, "Europe"),
        ),
        (
            "Asia Pacific should see the highest CAGR, 27.9% from 2026 to 2032, led by "
            "Indonesia (31.4%).",
            (31.4, "Indonesia"),
        ),
        (
            "Asia Pacific is set to grow at a CAGR of 27.9% and Europe at 21.3% over the same "
            "period, while Canada is expected to expand at a slower 11%.",
            (21.3, "Europe"),
        ),
    ],
)
def test_a_place_s_rate_set_beside_a_cagr_is_that_place_s_cagr(
    sentence: str, second: tuple[float, str]
) -> None:
    page = f"# The global machine learning market\n\n{sentence}\n"
    rates = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "growth_rate"]
    found = {(c.value, c.attribute, c.qualifiers.get("region")) for c in rates}
    assert (second[0], "cagr", second[1]) in found
    assert len(rates) == (3 if "Canada" in sentence else 2)


def test_a_place_keeping_pace_after_a_cagr_states_its_own_rate() -> None:
    """The growth word stays in the sentence before: 'Oceania follows at 19.8% ...', 'The
    Nordics are expected to grow at 14.2% and Eastern Europe at 12.5% ...'; the later market a
    sentence names ('with the Irish market alone ...') is not the rate's."""
    page = (
        "# Synthetic data market outlook\n\nThe global synthetic data market is forecast to "
        "grow at a CAGR of 23.1% from 2026 to 2033, says Pellucid Analytics.\n\n"
        "Oceania follows at 19.8% over the same period, with the Irish market alone expected to "
        "reach EUR 90 million by 2031. The Nordics are expected to grow at 14.2% and Eastern "
        "Europe at 12.5% over the same period.\n"
    )
    rates = [c for c in numeric_claims(document(page, "text/markdown")) if c.kind == "growth_rate"]
    assert {c.subject.removeprefix("global ") for c in rates} == {"synthetic data market"}
    assert {(c.value, c.qualifiers.get("region")) for c in rates} == {
        (23.1, "global"),
        (19.8, "Oceania"),
        (14.2, "Nordics"),
        (12.5, "Eastern Europe"),
    }


def test_a_companys_own_results_are_no_market() -> None:
    claims = _claims_of(
        "The global MLOps market was valued at $9.8 billion in 2025.\n\n"
        "Revenue was $455 million in fiscal 2025, up 29%. Our revenue from Europe grew 41% to "
        "$120 million. Kestrel reported quarterly revenue of $118 million.\n"
    )
    assert [(c.kind, c.value) for c in claims] == [("market_size", 9.8e9)]


def test_a_report_titled_by_its_market_names_it() -> None:
    """'The GCC AI Market and Talent Report 2025' is the page's own name, not a source it
    quotes, so 'the Saudi market' is its AI market."""
    text = (
        "# The GCC AI Market and Talent Report 2025\n\n## The market\n\nBy 2030 the Saudi "
        "market is projected to reach SAR 188 billion.\n"
    )
    doc = build_document(source_id="m", text=text, media_type="text/markdown")
    found = [
        (c.subject, c.value, c.unit, c.qualifiers.get("country"))
        for c in market.extract(doc)
        if c.kind == "market_size"
    ]
    assert found == [("artificial intelligence market", 1.88e11, "SAR", "Saudi Arabia")]


def test_a_forecast_period_rate_runs_over_the_period_the_page_states_elsewhere() -> None:
    """'... at a CAGR of 30.1% over the forecast period' where the title names no period but
    the report's scope does ('Forecast period | 2025–2032') or a sentence names it after the
    words ('during the forecast period 2025-2032'); a period farther on names none."""
    rate = "The software segment is expected to expand at a CAGR of 30.1% over the forecast period."
    scoped = (
        "# Vision Market to Reach USD 50 Billion by 2032\n\n"
        f"{rate}\n\n## Report scope\n\n| Attribute | Details |\n|---|---|\n"
        "| Base year | 2024 |\n| Forecast period | 2025–2032 |\n"
    )
    said = f"# Vision market news\n\nSales grew during the forecast period 2025-2032.\n\n{rate}\n"
    loose = (
        f"# Vision market news\n\nIn the forecast period, prices fell. In 2021-2022 ...\n\n{rate}\n"
    )
    for page, period in ((scoped, (2025, 2032)), (said, (2025, 2032)), (loose, (None, None))):
        claims = [c for c in numeric_claims(document(page, "text/markdown")) if c.value == 30.1]
        assert [
            (c.qualifiers.get("period_start"), c.qualifiers.get("period_end")) for c in claims
        ] == [period]


def test_a_market_named_by_two_words_joined_by_and_keeps_both() -> None:
    claims = _claims_of(
        "Market notes\n\nThe speech recognition and synthesis market was valued at USD 4.2 "
        "billion in 2025.\n"
    )
    assert [(c.subject, c.value) for c in claims] == [
        ("speech recognition and synthesis market", 4.2e9)
    ]


def test_a_digest_section_s_key_figures_are_the_market_its_heading_names() -> None:
    """'## 2. Robot vacuums' over '2025 value USD 8.4 bn' / 'CAGR 2025–2031 12.2%' and a line
    naming 'the robot vacuum market': the section's market, not the digest's first."""
    page = (
        "# Two consumer AI markets\n\n## 1. Smart speakers\n\nThe global smart speaker market "
        "reached USD 14.1 billion in 2025.\n\n## 2. Robot vacuums\n\n2025 value USD 8.4 bn\n\n"
        "CAGR 2025–2031 12.2%\n\nChina held 31% of the robot vacuum market in 2025.\n"
    )
    doc = build_document(source_id="d", text=page, media_type="text/markdown")
    found = {(c.kind, c.value): c.subject for c in extract_claims(doc)[0] if c.kind != "share"}
    assert found[("market_size", 8.4e9)] == "robot vacuum market"
    assert found[("growth_rate", 12.2)] == "robot vacuum market"
    assert found[("market_size", 14.1e9)] == "global smart speaker market"


def test_a_roles_pay_in_a_stats_list_after_a_market_item_is_no_market_size() -> None:
    page = (
        "<h1>Data science statistics</h1><ol>"
        "<li>The global data science platform market will reach USD 140 billion by 2032.</li>"
        "<li>In Japan, median annual pay for data scientists was ¥9.1 million in 2025.</li></ol>"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/html"))[0]
    assert [(c.kind, c.unit) for c in claims if c.value == 9_100_000.0] == [("salary", "JPY")]


def test_a_firm_that_expects_a_size_without_naming_the_market_sizes_the_one_before() -> None:
    page = (
        "<h1>Computer vision numbers</h1><ol>"
        "<li>The computer vision market will reach USD 58 billion by 2030, says Kestrel Data.</li>"
        "<li>Harrow Research is more cautious: it expects USD 41 billion by 2030, up from "
        "USD 19.2 billion in 2025.</li></ol>"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/html"))[0]
    sizes = {(c.value, c.year) for c in claims if c.kind == "market_size"}
    assert {(41e9, 2030), (19.2e9, 2025)} <= sizes


def test_a_market_that_passes_a_size_and_a_forecast_that_called_for_one_are_sizes() -> None:
    page = (
        "<h1>Speech recognition market outlook raised</h1><p>On our new model the market "
        "passes USD 9.8 billion in 2031. The earlier forecast called for USD 8.9 billion by "
        "2031.</p>"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/html"))[0]
    sizes = {(c.value, c.year) for c in claims if c.kind == "market_size"}
    assert sizes == {(9.8e9, 2031), (8.9e9, 2031)}


def test_a_report_extracts_wrapped_bullet_sizes_a_nationalitys_market_for_a_field() -> None:
    page = (
        "Key findings\n\n"
        "  - The French market for computer vision software was worth EUR 1.9\n"
        "    billion in 2025 and is expected to reach EUR 4.4 billion by 2030.\n"
    )
    claims = extract_claims(build_document(source_id="t", text=page, media_type="text/plain"))[0]
    sizes = [
        (c.subject, c.value, c.year, c.qualifiers.get("country"))
        for c in claims
        if c.kind == "market_size"
    ]
    assert sizes == [
        ("computer vision software market", 1.9e9, 2025, "France"),
        ("computer vision software market", 4.4e9, 2030, "France"),
    ]
    # a nationality's market with no field after it still names no product market
    assert market_phrase("The French market is worth EUR 9 billion.") is None


def test_an_earlier_editions_forecast_under_its_own_heading_is_the_pages_market() -> None:
    """'Halden had forecast EUR 8.8 billion by 2029' names no market and opens a section of
    its own: a forecast put on a sum, on a market's page, is of that market."""
    page = (
        "# European speech recognition market outlook\n\n"
        "The European speech recognition market reached EUR 3.1 billion in 2025.\n\n"
        "## What changed since last year\n\n"
        "In its 2024 report, Halden had forecast EUR 8.8 billion by 2029, a figure it now "
        "calls too cautious. The 2023 edition of Brightwell's report forecast EUR 7.1 billion "
        "by 2028.\n"
    )
    sizes = [
        (c.subject, c.value, c.year, c.qualifiers.get("forecast"))
        for c in _claims_of(page)
        if c.kind == "market_size"
    ]
    assert ("speech recognition market", 8.8e9, 2029, True) in sizes
    assert ("speech recognition market", 7.1e9, 2028, True) in sizes


def test_a_stat_labelled_as_a_years_forecast_keeps_its_sections_market() -> None:
    """'2031 forecast' / 'USD 88.4 bn' under '## 2. Edge AI chips' on a page of several markets:
    the label's noun 'forecast' puts no forecast on the page's first market."""
    page = (
        "<html><body><h1>AI markets this quarter</h1><section><h2>1. Conversational AI</h2>"
        "<p>The global conversational AI market reached USD 14.2 billion in 2025.</p></section>"
        "<section><h2>2. Edge AI chips</h2><div><p><span>2025 value</span> <strong>USD 21.3 bn"
        "</strong></p><p><span>2031 forecast</span> <strong>USD 88.4 bn</strong></p></div>"
        "<p>Smartphones made up 41.5% of the edge AI chip market in 2025.</p></section>"
        "</body></html>"
    )
    doc = build_document(source_id="m", text=page, media_type="text/html")
    sizes = {c.value: c.subject for c in market.extract(doc) if c.kind == "market_size"}
    assert sizes[88.4e9] == sizes[21.3e9] != sizes[14.2e9]


def test_a_fields_spending_growth_on_a_page_of_many_markets_is_that_fields_market() -> None:
    """'Computer vision spending grew 19% year over year in 2025' on a statistics round-up that
    names no one market: that field's market's growth."""
    page = (
        "# 30 AI job and market statistics for 2026\n\n"
        "- Computer vision spending grew 19% year over year in 2025. (Kessel Research)\n"
        "- Median pay for ML engineers rose 4% in 2025.\n"
    )
    rates = [
        (c.subject, c.value)
        for c in market.extract(document(page, "text/markdown"))
        if c.kind == "growth_rate"
    ]
    assert rates == [("computer vision market", 19.0)]


def test_a_headline_question_word_is_no_part_of_the_market_and_a_firm_s_projection_sizes_it() -> (
    None
):
    """'Why computer vision market forecasts disagree' is about the computer vision market
    (not the 'why computer vision market'); 'Acme's own projection for 2030 is USD 96.6
    billion' sizes it for 2030."""
    page = (
        "# Why computer vision market forecasts disagree\n\nAcme values the 2025 market at "
        "USD 31.3 billion. Acme's own projection for 2030 is USD 96.6 billion.\n"
    )
    claims, _ = extract_claims(build_document(source_id="m", text=page, media_type="text/markdown"))
    sizes = {(c.subject, c.value, c.year) for c in claims if c.kind == "market_size"}
    assert sizes == {
        ("computer vision market", 31.3e9, 2025),
        ("computer vision market", 96.6e9, 2030),
    }


def test_sums_that_compound_on_a_market_page_are_its_sizes() -> None:
    """'Its only figures: EUR 410 million in 2023 and EUR 530 million in 2024, compounding at
    22% a year to 2029' under a firm's name: sums beside a CAGR size the page's market, as the
    rate beside them grows it; a vendor's 'revenue: ...' beside one does not."""
    page = (
        "# Sizing the edge AI software market\n\n"
        "Two firms sized the edge AI software market this year.\n\n"
        "## Harlow Insights\n\n"
        "Its only figures: EUR 410 million in 2023 and EUR 530 million in 2024, compounding at "
        "a CAGR of 22% to 2029.\n"
    )
    claims, _ = extract_claims(build_document(source_id="m", text=page, media_type="text/markdown"))
    sizes = {(c.subject, c.value, c.year) for c in claims if c.kind == "market_size"}
    assert sizes == {
        ("edge artificial intelligence software market", 410e6, 2023),
        ("edge artificial intelligence software market", 530e6, 2024),
    }
    owned = (
        "# Edge AI software market report 2026\n\nVendors include Lumio and Corvex.\n\n"
        "Lumio revenue: EUR 90 million in 2024 and EUR 120 million in 2025, a CAGR of 33%.\n"
    )
    claims, _ = extract_claims(
        build_document(source_id="m", text=owned, media_type="text/markdown")
    )
    assert [c for c in claims if c.kind == "market_size"] == []


def test_a_sum_paid_a_month_is_no_market_size() -> None:
    doc = document(
        "<html><body><h1>Machine learning engineer statistics 2026</h1>"
        "<p>The global machine learning market is worth $94 billion.</p><ul><li>In Turkey, "
        "dollar-paid ML engineers reported a median of US$3,900 a month in 2025, while "
        "lira-paid engineers reported TRY 1.2 million a month.</li></ul></body></html>",
        "text/html",
    )
    sizes = [c.value for c in numeric_claims(doc) if c.kind == "market_size"]
    assert sizes == [94000000000.0]


def test_a_parts_revenue_change_is_the_pages_markets_growth_of_that_segment() -> None:
    doc = document(
        "Global Computer Vision Market to Reach USD 58 Billion by 2031\n\n"
        "The global computer vision market was valued at USD 21.3 billion in 2024 and is "
        "projected to grow at a CAGR of 15.2% from 2025 to 2031. By component, camera hardware "
        "led with 41.2% of revenue.\n\n"
        "Camera hardware revenue fell 2.9% in 2024 as prices dropped. Spending on annotation "
        "services rose 11% in 2024. Lumora's imaging revenue rose 40% in 2024. Lumora said "
        "revenue fell 8% in 2023. Analysts "
        "expect that revenue from drone vision kits will decline 4% in 2025. Intel revenue "
        "rose 9% in 2024, Q3 revenue rose 12% and revenue from Europe fell 2%.\n"
    )
    parts = {
        (c.value, c.year, c.qualifiers.get("segment"), c.qualifiers.get("forecast", False))
        for c in numeric_claims(doc)
        if c.kind == "growth_rate" and "segment" in c.qualifiers
    }
    assert parts == {
        (-2.9, 2024, "Camera hardware", False),
        (11.0, 2024, "annotation services", False),
        (-4.0, 2025, "drone vision kits", True),
    }

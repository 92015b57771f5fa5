"""Lists of labelled figures: each item is read with its own label as the frame."""

from __future__ import annotations

from support.documents import document, frame_fixture, numeric_claims, quote


def test_each_pay_band_takes_its_level_from_its_own_item() -> None:
    doc = frame_fixture("labelled_lists.md")
    salaries = {
        c.qualifiers.get("experience_level"): (c.value, c.value_high)
        for c in numeric_claims(doc)
        if c.kind == "salary"
    }
    assert salaries == {
        "entry": (500000, 900000),
        "mid": (1000000, 1800000),
        "senior": (2000000, 3500000),
    }


def test_regional_split_items_are_shares_of_the_lead_in_market() -> None:
    doc = frame_fixture("labelled_lists.md")
    shares = [c for c in numeric_claims(doc) if c.kind == "share"]
    assert [(c.qualifiers["category"], c.value) for c in shares] == [
        ("North America", 37.5),
        ("Europe", 28.1),
        ("Asia Pacific", 22.4),
        ("Rest of the world", 12.0),
    ]
    for claim in shares:
        assert claim.subject == "global machine learning market"
        assert claim.qualifiers["dimension"] == "region"
        assert quote(doc, claim) == f"{claim.context}: {claim.value:.1f}%"


def test_a_list_without_a_whole_or_with_a_growth_word_gives_no_share() -> None:
    page = "Notes\n\n- Python: 12%\n- Europe: grew 12% a year\n"
    assert [c for c in numeric_claims(document(page)) if c.extractor == "lists"] == []

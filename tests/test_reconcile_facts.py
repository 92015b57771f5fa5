"""Facts: exactly one row per key, a preferred value chosen by a named method, valid claim ids."""

from __future__ import annotations

import pandas as pd
import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile.stage import reconcile

SOURCES = sources_frame({"a": "Alpha", "b": "Beta", "c": "Gamma"})


def salary(source_id: str, value: float, claim_id: str, **qualifiers: object) -> dict:
    return make_claim(
        claim_id=claim_id,
        source_id=source_id,
        kind="salary",
        subject="machine learning engineer",
        attribute="salary",
        value=value,
        unit="USD",
        year=2024,
        text=f"${value:,.0f}",
        qualifiers={"statistic": "median", **qualifiers},
    )


def only_fact(claims, sources=SOURCES) -> pd.Series:
    """The one fact of `claims`, with its claims from fact_claims: `supporting` and
    `contradicting` (ids, duplicate_content apart) and `statuses` (id -> rank)."""
    result = reconcile(claims, sources)
    assert len(result.facts) == 1
    fact = result.facts.iloc[0]
    links = result.fact_claims[result.fact_claims["fact_id"] == fact["fact_id"]]
    assert fact["n_claims"] == len(links)
    counted = links[links["reason"] != "duplicate_content"]
    return pd.concat(
        [
            fact,
            pd.Series(
                {
                    "supporting": sorted(counted.loc[counted["supports"], "claim_id"]),
                    "contradicting": sorted(counted.loc[~counted["supports"], "claim_id"]),
                    "statuses": dict(zip(links["claim_id"], links["rank"], strict=True)),
                }
            ),
        ]
    )


def test_single_source_and_agreement():
    fact = only_fact(claims_frame(salary("a", 100_000, "x")))
    assert (fact["method"], fact["value"], fact["n_sources"]) == ("single_source", 100_000, 1)
    assert fact["statuses"] == {"x": "preferred"}
    fact = only_fact(claims_frame(salary("a", 100_000, "x"), salary("b", 102_000, "y")))
    assert (fact["method"], fact["value"]) == ("agreement", 101_000)
    assert fact["supporting"] == ["x", "y"]


def test_median_of_sources_deprecates_the_outlier():
    fact = only_fact(
        claims_frame(
            salary("a", 100_000, "x"),
            salary("b", 103_000, "y"),
            salary("c", 180_000, "z"),
        )
    )
    assert (fact["method"], fact["value"], fact["n_sources"]) == ("median_of_sources", 103_000, 3)
    assert fact["supporting"] == ["x", "y"]
    assert fact["contradicting"] == ["z"]
    assert fact["statuses"] == {"x": "preferred", "y": "preferred", "z": "deprecated"}
    assert fact["text"] == "$103,000"


def test_two_disagreeing_sources_rank_normal_unless_dated():
    claims = claims_frame(salary("a", 100_000, "x"), salary("b", 150_000, "y"))
    fact = only_fact(claims)
    assert (fact["method"], fact["value"]) == ("median_of_sources", 125_000)
    assert fact["statuses"] == {"x": "normal", "y": "normal"}
    dated = SOURCES.assign(published=["2021-05-01", "2024-02-01", None])
    fact = only_fact(claims, dated)
    assert (fact["method"], fact["value"]) == ("most_recent", 150_000)
    assert fact["statuses"] == {"x": "normal", "y": "preferred"}


def test_one_row_per_key_and_every_claim_id_exists():
    claims = claims_frame(
        salary("a", 100_000, "s1"),
        salary("b", 140_000, "s2"),
        salary("b", 140_000, "s3"),
        salary("a", 90_000, "s4", experience_level="entry"),
        salary("c", 9e5, "s5", country="India"),
        make_claim(claim_id="m1", source_id="a", value=1.2e9, unit="USD", year=2022),
        make_claim(
            claim_id="m2",
            source_id="b",
            subject="worldwide ML market",
            value=1.2e9,
            unit="USD",
            year=2022,
        ),
        make_claim(
            claim_id="k1",
            source_id="a",
            kind="skill",
            subject="machine learning engineer",
            attribute="skill",
            text="Python",
            qualifiers={"canonical": "Python"},
        ),
        make_claim(
            claim_id="k2",
            source_id="c",
            kind="skill",
            subject="machine learning engineer",
            attribute="skill",
            text="python",
        ),
    )
    result = reconcile(claims, SOURCES)
    facts = result.facts
    keys = facts[["subject", "attribute", "qualifier_key"]]
    assert not keys.duplicated().any()
    assert facts["fact_id"].is_unique
    assert len(facts) == 5
    assert sorted(result.fact_claims["claim_id"]) == sorted(claims["claim_id"])
    assert set(result.fact_claims["fact_id"]) == set(facts["fact_id"])
    market = facts[facts["attribute"] == "market_size"].iloc[0]
    assert (market["method"], market["n_sources"]) == ("agreement", 2)
    python = facts[facts["attribute"] == "skill"].iloc[0]
    assert (python["n_sources"], python["text"]) == (2, "Python")


def test_empty_claims_give_empty_tables_with_columns():
    result = reconcile(claims_frame(), SOURCES)
    assert result.conflicts.empty and result.facts.empty and result.consensus.empty
    assert "conflict_id" in result.conflicts and "fact_id" in result.facts
    assert "group_id" in result.consensus


@pytest.mark.parametrize("seed", [1, 2])
def test_output_does_not_depend_on_input_order(seed):
    claims = claims_frame(
        salary("a", 100_000, "x"),
        salary("b", 103_000, "y"),
        salary("c", 180_000, "z"),
        make_claim(
            claim_id="k",
            source_id="a",
            kind="skill",
            subject="machine learning engineer",
            attribute="skill",
            text="SQL",
        ),
    )
    first = reconcile(claims, SOURCES)
    second = reconcile(claims.sample(frac=1, random_state=seed), SOURCES)
    for name in ("conflicts", "facts", "consensus"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))


def test_text_facts_fed_in_frames_give_their_claims_in_chunks_of_the_rows_asked() -> None:
    """`TextFacts` takes each frame a fact at a time: fed in frames, the facts and their
    fact_claims are those of feeding every claim at once, `rows` at a time."""
    from mlefacts.reconcile.config import DEFAULT_CONFIG
    from mlefacts.reconcile.facts import TextFacts
    from mlefacts.reconcile.keys import prepare_claims

    skills = ["Python", "SQL", "python", "Rust"]
    claims = claims_frame(
        *(
            make_claim(
                claim_id=f"c{9 - k}",
                source_id="abc"[k % 3],
                kind="skill",
                subject="machine learning engineer",
                attribute="skill",
                text=skills[k % len(skills)],
                value_high=float(k) if k % 2 else None,
            )
            for k in range(10)
        )
    )
    prepared = prepare_claims(claims, DEFAULT_CONFIG)
    whole, framed = TextFacts(frozenset({"c"})), TextFacts(frozenset({"c"}))
    whole.add(prepared)
    for start in range(0, len(prepared), 4):
        framed.add(prepared.iloc[start : start + 4])
    pd.testing.assert_frame_equal(framed.joined([]), whole.joined([]))
    chunks = list(framed.fact_claims({"c3"}, rows=3))
    assert [len(chunk) for chunk in chunks] == [3, 3, 3, 1]
    pd.testing.assert_frame_equal(
        pd.concat(chunks, ignore_index=True), next(whole.fact_claims({"c3"}))
    )
    assert whole.joined([])["n_claims"].tolist() == [5, 2, 3]

"""The cue index never rules out a sentence its extractor's pattern would match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.extract import quotes, skills
from mlefacts.extract.cues import may_hold, phrase_keys

WORDS = st.sampled_from(
    [
        "Top Spot",
        "RANKED No. 3",
        "third place",
        "#1",
        "requires",
        "Experience with",
        "ſkills",  # long s: re.IGNORECASE reads it as 's'
        "İnclude",  # dotted capital I: 'i'
        "responsıble for",  # dotless i
        "work\u00a0includes",
        "Python",
        "Jane Doe said:",
        "“It is growing fast,” notes Ann Lee",
        "pay",
        " ",
        "\n",
        ".",
        ",",
    ]
)
TEXT = st.lists(WORDS | st.text(max_size=5), max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_a_pattern_match_is_never_ruled_out(text: str) -> None:
    if skills._patterns()["cue"].search(text):
        assert may_hold(text, 0, len(text), skills._cue_keys())
    if quotes._INTRO.search(text) or quotes._TRAILING.search(text):
        assert may_hold(text, 0, len(text), quotes._VERB_KEYS)


def test_keys_rule_out_only_spans_without_them() -> None:
    keys = phrase_keys(["top spot", "ranked first"])
    text = "Pay rose. It RANKED first. Demand grew."
    assert may_hold(text, 10, 26, keys)
    assert not may_hold(text, 0, 9, keys)
    assert not may_hold(text, 27, len(text), keys)
    assert may_hold(text, 0, 9, None)  # no keys: nothing is ruled out

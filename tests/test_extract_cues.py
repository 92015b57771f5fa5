"""The cue index never rules out a sentence its extractor's pattern would match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.document.sentences import sentence_spans
from mlefacts.extract import (
    comparisons,
    context,
    counts,
    cues,
    definitions,
    grammar,
    prose_rankings,
    quotes,
    responsibilities,
    skills,
    subjects,
)
from mlefacts.extract.context import find_roles, role_keys
from mlefacts.extract.cues import (
    has_digit,
    holding,
    holding_masks,
    may_hold,
    phrase_keys,
    spans_holding,
    word_keys,
)
from mlefacts.normalize._data import matches_from, starts_of
from mlefacts.normalize.quantities import find_number_words
from mlefacts.normalize.text import fold_case

WORDS = st.sampled_from(
    [
        "Top Spot",
        "RANKED No. 3",
        "third place",
        "#1",
        "sat 3RD",
        "rose to no 2",
        "the top three were",
        "round out the top five",
        "(seventh)",
        "the ten most loved",
        "named",
        "fastest-growing",
        "was the most in-demand",
        "requires",
        "Experience with",
        "ſkills",  # long s: re.IGNORECASE reads it as 's'
        "İnclude",  # dotted capital I: 'i'
        "responsıble for",  # dotless i
        "work\u00a0includes",
        "Python",
        "Jane Doe said:",
        "The fastest growing",
        "was named the best-paid",
        "Number-One",
        "4TH",
        "their crown",
        "tens",
        "(2nd)",
        "the 3rd largest",
        "rose to #3",
        "number 12",
        "It was FOLLOWED by",
        "are people who",
        "Is someone who",
        "at number seven",
        "In layman’s terms,",  # a key-less word: either apostrophe matches
        "Think of",
        "is known as",
        "A person who",
        "“It is growing fast,” notes Ann Lee",
        "ML Engineers",
        "Machine Learning (NLP) Engineer",
        "was the second-fastest-growing",
        "xthey",  # a key inside a word, which word-start keys do not count
        "the engineer's",
        "(he/she)",
        "Head of AI",
        "an ML Eng. on call",
        "Senior MLEs",
        "AI contractors",
        "She writes",
        "a popular",
        "mentioned",
        "data engineering roles",
        "Information Scientists",
        "a Software Program Engineer",
        "backend engineers",
        "Unlike",
        "whereas",
        "on the other hand",
        "out-earned",
        "they",
        "never",
        "plays a key role in",
        "pay",
        "nearly two MILLION",
        "half a lakh",
        "forty-five thousand",
        "3bn",
        "the AI Market",
        "submarket",
        "INDUSTRY",
        "٣",  # a digit `\d` reads
        " ",
        "\n",
        ".",
        ",",
    ]
)
TEXT = st.lists(WORDS | st.text(max_size=5), max_size=12).map(" ".join)
# Long enough to be indexed, not searched (see `cues._INDEXED`).
PADDED = TEXT.map(lambda text: "Filler words here. " * 60 + text)


def _rules_in(text: str, keys: tuple[str, ...] | None, found: bool, digits: bool = False) -> None:
    if found:
        assert may_hold(text, 0, len(text), keys, digits=digits)
        start = text.rindex("Filler words here. ") if "Filler" in text else 0
        assert may_hold(text, start, len(text), keys, digits=digits)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, PADDED))
def test_a_pattern_match_is_never_ruled_out(text: str) -> None:
    _rules_in(text, skills._cue_keys(), bool(skills._patterns()["cue"].search(text)))
    for name, pattern in (("usage", "usage"), ("person_pronouns", "person")):
        _rules_in(text, skills._mention_keys(name), bool(skills._patterns()[pattern].search(text)))
    _rules_in(
        text, quotes._VERB_KEYS, bool(quotes._INTRO.search(text) or quotes._TRAILING.search(text))
    )
    _rules_in(text, counts._number_keys(), bool(find_number_words(text)))
    _rules_in(text, subjects._noun_keys(), bool(subjects.market_noun().search(text)))
    _rules_in(text, prose_rankings._rank_keys(), bool(prose_rankings._ranks(text)), digits=True)
    _rules_in(text, role_keys(), bool(find_roles(text)))
    discipline = context._discipline_pattern().search(text)
    _rules_in(text, context._discipline_keys(), bool(discipline))
    fielded = (context._role_pattern(), context._discipline_pattern(), context._worker_pattern())
    _rules_in(text, context._field_keys(), any(p.search(text) for p in fielded))
    mentions = grammar._roles_in.__wrapped__(text, 0, len(text))
    _rules_in(text, grammar.role_mention_keys(), bool(mentions))
    spun = grammar._spun_role_pattern()
    _rules_in(text, grammar._spun_keys(), bool(spun and spun.search(text)))
    _rules_in(text, grammar._other_field_keys(), bool(grammar._other_role_pattern().search(text)))
    if grammar._titled_role_pattern().search(text):
        assert grammar._capital_heads().search(text)
    patterns = [
        grammar.cue_pattern("comparison", key)
        for key in ("clause_cues", "lead_cues", "adverb_cues", "relation_cues")
    ]
    _rules_in(text, comparisons._cue_keys(), any(p.search(text) for p in patterns))
    _rules_in(
        text,
        responsibilities._contrast_keys(),
        bool(responsibilities._pattern("contrast").search(text)),
    )
    for key in responsibilities._CUED:
        pattern, keys = responsibilities._cued(key)
        if key != "actors":
            _rules_in(text, keys, bool(pattern.search(text)))
        elif pattern.search(text):  # 'I' is looked for alone in the folded text, not keyed
            for start in {0, text.rfind("Filler words here. ") + 1}:
                if pattern.search(text, start):
                    lone = responsibilities._lone_letters().search(fold_case(text), start)
                    assert may_hold(text, start, len(text), keys) or lone
    followed = prose_rankings._FOLLOWED_ON.match(text)
    _rules_in(text, prose_rankings._FOLLOWED_KEYS, bool(followed))
    for start in {0, text.rfind("Filler words here. ") + 1}:  # a span may start inside a word
        own = text[start:]
        cued = prose_rankings._cues(text, [(start, len(text))]).get(0, (False,) * 8)
        patterns = (
            *prose_rankings._patterns(),
            *prose_rankings._inverted_patterns(),
            prose_rankings._closing_patterns(),
            prose_rankings._trailing_patterns()[1:],
        )
        matched = [
            any(p.search(own) for p in (pattern if isinstance(pattern, tuple) else [pattern]))
            for pattern in patterns
        ]
        for held, match in zip(cued, matched, strict=True):
            assert held or not match
    is_a, plural, verbs, opener, naming = definitions._shape_keys()
    _rules_in(text, is_a, bool(definitions._shape().match(text)))
    _rules_in(text, plural, bool(definitions._plural().match(text)))
    _rules_in(text, verbs, bool(grammar.cue_pattern("definition", "verbs").search(text)))
    _rules_in(text, opener, bool(definitions._opener().match(text)))
    _rules_in(text, naming, bool(definitions._named().match(text)))


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXT, PADDED), st.booleans())
def test_spans_holding_answers_as_may_hold_does(text: str, digits: bool) -> None:
    spans = [(span.start, span.end) for span in sentence_spans(text)]
    for keys in (comparisons._cue_keys(), prose_rankings._rank_keys(), ("spot", "rank")):
        holding = [may_hold(text, s, e, keys, digits=digits) for s, e in spans]
        expected = [i for i, held in enumerate(holding) if held]
        assert spans_holding(text, spans, keys, digits=digits) == expected


@settings(max_examples=100, deadline=None)
@given(st.one_of(TEXT, PADDED))
def test_holding_masks_answer_as_spans_holding_does(text: str) -> None:
    spans = [(span.start, span.end) for span in sentence_spans(text)]
    key_sets = [*prose_rankings._cue_keys(), comparisons._cue_keys(), ("spot", "rank"), None]
    masks = holding_masks(text, spans, key_sets)
    for bit, keys in enumerate(key_sets):
        held = [i for i, mask in enumerate(masks) if mask >> bit & 1]
        assert held == spans_holding(text, spans, keys)


@settings(max_examples=100, deadline=None)
@given(st.one_of(TEXT, PADDED))
def test_holding_answers_as_may_hold_does_when_the_first_is_held(text: str) -> None:
    key_sets = [*grammar._gates(), ("spot", "rank"), None]
    for start in {0, text.rfind("Filler words here. ") + 1}:  # a span may start inside a word
        for span in sentence_spans(text, start, len(text)):
            held = [may_hold(text, span.start, span.end, keys) for keys in key_sets]
            expected = sum(1 << bit for bit, one in enumerate(held) if one) if held[0] else 0
            assert holding(text, span.start, span.end, key_sets) == expected


def test_keys_rule_out_only_spans_without_them() -> None:
    keys = phrase_keys(["top spot", "ranked first"])
    text = "Pay rose. It RANKED first. Demand grew."
    assert may_hold(text, 10, 26, keys)
    assert not may_hold(text, 0, 9, keys)
    assert not may_hold(text, 27, len(text), keys)
    assert may_hold(text, 0, 9, None)  # no keys: nothing is ruled out


def test_the_index_finds_keys_inside_and_overlapping_others() -> None:
    # 'engineer' inside 'engineering', 'near' overlapping the end of 'linear' (both keys).
    keys_a, keys_b = ("engineering", "linear"), ("engineer", "near")
    text = "x" * 2000 + " Linear algebra. Engineering teams. " + "y" * 2000
    at = text.index("Linear")
    for keys in (keys_a, keys_b):
        assert may_hold(text, at, at + 16, keys)
        assert may_hold(text, at + 16, at + 35, keys)
        assert not may_hold(text, 0, at, keys)
    assert may_hold(text, at + 2, at + 6, keys_b)  # 'near' alone
    assert not may_hold(text, at + 3, at + 6, keys_b)


def test_digits_count_as_keys_where_asked() -> None:
    text = "Pay rose. " * 150 + "It was ranked 3rd."
    assert not may_hold(text, 0, 1400, ("spot",), digits=True)
    assert may_hold(text, 1500, len(text), ("spot",), digits=True)
    assert has_digit(text, 1500, len(text)) and not has_digit(text, 0, 1500)
    assert re.search(r"\d", text[1500:])


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from([*"ab 09%\n\u2014\u00e9\u0663\u0966\uff10\ud800\udfff", "\U0001d7ce"])
        | st.characters()
    )
)
def test_a_page_digits_are_where_a_digit_scan_finds_them(text: str) -> None:
    # `_digit_positions` finds ASCII digits with `str.find` unless a character beyond ASCII
    # (any script's digits, a lone surrogate) is a digit: the answer must be `\d`'s.
    assert [c for c in map(chr, range(128)) if re.match(r"\d", c)] == list("0123456789")
    assert cues._beyond_ascii(text) == "".join(c for c in text if not c.isascii())
    found = [match.start() for match in re.finditer(r"\d", text)]
    assert cues._digit_positions.__wrapped__(text) == found


def test_a_span_starting_inside_a_word_sees_a_word_start() -> None:
    # A pattern run on text[start:end] alone sees 'Head of AI' at its start, though 'x' is
    # written before it in the document.
    text = "Filler words here. " * 60 + "xHead of AI pay rose."
    start = text.index("Head")
    assert find_roles(text[start:])
    assert may_hold(text, start, len(text), role_keys())
    assert spans_holding(text, [(start, len(text))], role_keys()) == [0]
    short = "xHead of AI"
    assert may_hold(short, 1, len(short), role_keys())


def test_a_word_character_is_what_the_regex_engine_calls_one() -> None:
    # `may_hold` tests the character before a span without the regex engine: the answer must
    # be `\w`'s for letters, digits and numerals of any script, '_', marks and punctuation.
    chars = "aZ_9²٣Ⅻßİıſ\u0301\u00a0-–.'’ $€"
    assert [cues._is_word_char(c) for c in chars] == [bool(re.match(r"\w", c)) for c in chars]
    text = "Filler words here. " * 60 + "²Head of AI pay rose."
    assert spans_holding(text, [(text.index("Head"), len(text))], role_keys()) == [0]


def test_a_word_start_key_counts_at_the_start_of_an_indexed_text() -> None:
    # The index looks for a word-start key from the character before it; the text's first
    # word has none, and after a '/' or a '#' a key starts a word too.
    keys = word_keys(["they", "she"])
    text = "They build models. " + "Filler words here. " * 60 + "He/she ships."
    assert may_hold(text, 0, 18, keys)
    assert may_hold(text, len(text) - 13, len(text), keys)
    assert not may_hold(text, 19, len(text) - 13, keys)


def test_a_role_abbreviation_is_read_only_where_a_word_starts() -> None:
    text = "Senior MLEs and an ML Eng. on call; not xMLE, AMLE or -MLE."
    assert [text[s:e] for s, e, _ in find_roles(text)] == ["MLEs", "ML Eng."]


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_a_short_page_is_answered_as_a_search_of_each_span(text: str) -> None:
    # A short text asked about many spans is answered from its index, as the search of each
    # span would, also where a key found runs past the span's end ('ranked' cut to 'rank').
    key_sets = [("spot", "ranked", "rank"), word_keys(["he", "they", "top"]), role_keys()]
    for span in sentence_spans(text):
        for start, end in {
            (span.start, span.end),
            (span.start, span.end - 2),
            (span.start + 1, span.end),
        }:
            if start > end:
                continue
            for keys in key_sets:
                searched = cues._searched(text, start, end, cues.as_keys(keys))
                assert spans_holding(text, [(start, end)], keys) == ([0] if searched else [])
                assert may_hold(text, start, end, keys) == searched  # the text was indexed last


def test_the_folded_text_holds_an_ascii_key_where_a_search_finds_it() -> None:
    # What `cues._held` relies on to answer a short page exactly: a character that
    # re.IGNORECASE matches to an ASCII key's character (keys are lower case) folds to it,
    # a character folds only to one that re.IGNORECASE matches to it, and folding keeps `\w`.
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = fold_case(chars)
    assert len(folded) == len(chars)
    keyed = [chr(c) for c in range(128) if not chr(c).isupper()]
    for match in re.finditer(r"[\x00-\x7f]", chars, re.IGNORECASE):
        for char in keyed:
            if re.fullmatch(re.escape(char), match.group(), re.IGNORECASE):
                assert folded[match.start()] == char, hex(ord(match.group()))
    word = re.compile(r"\w")
    for char, fold in zip(chars, folded, strict=True):
        if char != fold:
            assert re.fullmatch(re.escape(fold), char, re.IGNORECASE), hex(ord(char))
            assert bool(word.match(char)) == bool(word.match(fold)), hex(ord(char))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("ab%:", min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    st.text("ab%: ", max_size=60),
)
def test_the_scan_for_keys_found_anywhere_matches_as_finditer_does(
    keys: list[str], text: str
) -> None:
    # The index tries its trie only where `str.find` finds a key (keys overlapping, one
    # beginning another, one inside another's match): the same matches as a finditer.
    pattern = re.compile(cues._trie(sorted(keys)))
    expected = [match.span() for match in pattern.finditer(text)]
    found = matches_from(pattern, text, starts_of(text, keys))
    assert [match.span() for match in found] == expected

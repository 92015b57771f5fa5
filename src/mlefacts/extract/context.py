"""Shared reading helpers for the prose extractors (salary, market, demand, counts, ...).

They answer the questions every prose extractor asks about a sentence: which blocks are prose,
what the surrounding heading and list lead-in say, which role or place the sentence names, which
amounts it holds (with ranges and spun multipliers merged), which clause a figure belongs to
(`figure_frame`: qualifiers are read from there, never from a neighbouring clause), and how to
stop one odd sentence from failing a whole document.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, Protocol, TypeVar

from mlefacts.contract import SkipReason
from mlefacts.document.model import Block, Document
from mlefacts.document.sentences import sentence_spans
from mlefacts.extract.claim import Claim
from mlefacts.extract.cues import (
    Keys,
    declare,
    has_digit,
    holding,
    spans_holding,
    spans_with_digit,
    starts_in,
    word_keys,
)
from mlefacts.frozen import quick_init
from mlefacts.months import month_alternation
from mlefacts.normalize._data import (
    UNSPACED_SCRIPTS,
    by_length,
    case_forms,
    gated,
    scanned_class,
)
from mlefacts.normalize.money import (
    borrowed_currency,
    country_currency,
    currency_digits,
    dollar_at,
    home_currency,
    named_dollar,
    names_grade,
    page_dollar,
    shared_currency_at,
    shared_sign,
    stated_currency,
    stated_dollar,
    writes_dollar,
)
from mlefacts.normalize.numbers import cardinal_pattern, cardinal_value, read_figure, scaled
from mlefacts.normalize.quantities import Quantity, find_periods, find_quantities, find_years
from mlefacts.normalize.text import normalize_subject, vocabulary_key
from mlefacts.pattern_cache import kept
from mlefacts.toml_files import load_data

log = logging.getLogger(__name__)

PROSE_KINDS = frozenset({"paragraph", "list_item"})
# 'range from $90K to $130K', 'between £50,000 and £70,000', 'earn from ₹14 to ₹30 lakh': a
# range, not a change ('pay went from £60,000 to £68,000').
_RANGE_VERBS = (
    r"\b(?:earn(?:s|ed|ing)?|mak(?:e|es|ing)|pay(?:s|ing)?|offer(?:s|ed|ing)?|span(?:s|ning)?"
    r"|run(?:s|ning)?|take(?:s)?\s+home|command(?:s|ed|ing)?)"
)
_RANGE_LEAD = re.compile(
    r"(?:\brange[sd]?|\branging|\bvar(?:y|ies|ied|ying)|\banywhere|\bsomewhere)"
    rf"(?:\s+\w+)?\s+(?:from|between)\s+$|\bbetween\s+$|{_RANGE_VERBS}\s+from\s+$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\b(?:from|between)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
# A heading this long is a sentence, not the name of the place its section is about.
_MAX_PLACE_HEADING = 60
# What names US dollars in a figure's text besides a bare '$' ('US$', 'USD', 'US dollars').
_NAMED_US = re.compile(r"(?-i:US|U\.S\.)|dollar", re.IGNORECASE)
_BARE_SIGN = re.compile(r"(?<![A-Za-z])\$")
# A year a change is set against ('vs 2024', 'since 2023', 'compared with 2024'), not its own.
SET_AGAINST_YEAR = re.compile(
    r"\b(?:vs\.?|versus|since|from|compared\s+(?:with|to)|against)\s+(?:19|20)\d\d\b", re.I
)
# Where one clause of a sentence ends and the next begins: a semicolon, a line break, or a comma
# or a contrast word that starts a new statement ('..., while senior roles earn ...'). A plain
# comma does not: 'For senior engineers, pay averages $180K' is one clause. 'even as' sets a
# contrast as 'while' does ('postings swelled 31%, even as tech listings slid 7%').
_CLAUSE_BREAK = re.compile(
    # a field set apart by a dot ('Median base: $184,000 · Open roles (Dec 2025): 21,700')
    r";|\n|\s[·•]\s|,\s+(?:and|but|while|whereas|although|though|with|compared\s+(?:with|to)|versus|vs\.?"
    r"|even\s+as)\s|\s+(?:whereas|while|but|although|even\s+as)\s",
    re.IGNORECASE,
)


def escape_phrase(phrase: str) -> str:
    """A literal phrase as a regex in which each space matches any whitespace run, since web text
    often holds no-break spaces ('took\u00a0the best rank') or doubled spaces between words."""
    return "".join(phrase_tokens(phrase))


def phrase_tokens(phrase: str) -> list[str]:
    """`escape_phrase(phrase)` as tokens for `alternation`: one per character or space."""
    tokens: list[str] = []
    for index, word in enumerate(phrase.split(" ")):
        if index:
            tokens.append(_SPACE_RUN)
        tokens.extend(map(char_token, word))
    return tokens


# Pages write an apostrophe straight or curly ("what you'll do", "what you’ll do").
_APOSTROPHE = "['’]"


def char_token(char: str) -> str:
    """One character of a vocabulary phrase as a regex: an apostrophe matches either form.

    >>> bool(re.fullmatch(escape_phrase("what you'll do"), "What you’ll do", re.I))
    True
    """
    return _APOSTROPHE if char in "'’" else re.escape(char)


@kept
def phrase_alternation(phrases: Iterable[str]) -> str:
    """`(?:p1|p2|...)` of `escape_phrase` of each phrase, in order, as an `alternation`."""
    return alternation([phrase_tokens(phrase) for phrase in phrases])


def longest_first(phrases: Iterable[str]) -> str:
    """`phrase_alternation` of the phrases, longest first (ties in code-point order, so that a
    set of phrases gives the same pattern in every process), factored into a trie even when some
    hold an apostrophe or a letter outside ASCII (which `alternation` cannot factor: it would
    give up on the whole list). Those come first, unfactored: no other phrase can match across
    such a character, so none that they pass over would be the longer match.

    >>> longest_first(["köln", "koblenz", "kiel"])
    '(?:köln|(?:k(?:oblenz|iel)))'
    """
    odd, plain = [], []
    for phrase in by_length(phrases):
        (plain if phrase.isascii() and "'" not in phrase else odd).append(phrase)
    if not odd or not plain:
        return phrase_alternation([*odd, *plain])
    return f"(?:{'|'.join(map(escape_phrase, odd))}|{phrase_alternation(plain)})"


_SPACE_RUN = r"\s+"
_Trie = dict[str, "_Trie | int"]


@kept
def alternation(alternatives: Sequence[Sequence[str]]) -> str:
    r"""`(?:a|b|...)` of regex token lists tried in the given order, with the tokens that several
    begin with written once (a trie): the regex engine enters each branch of a case-insensitive
    alternation in turn at every position, and so reads only the branches of the letter it sees.

    It matches what the plain alternation matches and prefers the same branch; where factoring
    could change that (a branch tried before one it would otherwise follow), the plain
    alternation is returned.

    >>> alternation([phrase_tokens(p) for p in ["data scientist", "data", "ml"]])
    '(?:data(?:\\s+scientist|)|ml)'
    >>> alternation([["a", "x"], ["\\w"], ["a"]])  # '\w' is tried between 'ax' and 'a'
    '(?:ax|\\w|a)'
    """
    root: _Trie = {}
    for index, tokens in enumerate(alternatives):
        node = root
        for token in tokens:
            node = node.setdefault(token, {})  # type: ignore[assignment]
        node.setdefault("", index)  # of two equal branches the first wins
    try:
        return "(?:" + _branches(root, after="")[0] + ")"
    except _Unordered:
        return "(?:" + "|".join("".join(tokens) for tokens in alternatives) + ")"


class _Unordered(Exception):
    """Factoring would change which branch a match prefers."""


def _branches(node: _Trie, *, after: str) -> tuple[str, int, int]:
    """The branches under a trie node (reached through the token `after`), joined by '|', and
    the lowest and highest index of the alternatives they hold."""
    items: list[tuple[int, int, str, str]] = []
    for token, child in node.items():
        if isinstance(child, int):
            items.append((child, child, token, ""))
            continue
        body, low, high = _branches(child, after=token)
        wrapped = f"(?:{body})" if len(child) > 1 else body
        items.append((low, high, token, token + wrapped))
    items.sort()
    if len(items) > 1 and not _one_way_in(after, [token for _, _, token, _ in items]):
        raise _Unordered
    for first, (_, high, token, _) in enumerate(items):
        for low, _, other, _ in items[first + 1 :]:
            if high > low and not _exclusive(token, other):
                raise _Unordered
    return "|".join(regex for _, _, _, regex in items), items[0][0], items[-1][1]


def _one_way_in(after: str, tokens: list[str]) -> bool:
    """Whether the branches after `after` can be tried one after another: behind a fixed-width
    token, or behind a whitespace run that only a non-space letter ends, they can."""
    if after == "" or after == _APOSTROPHE or _literal(after) is not None:
        return True
    return after == _SPACE_RUN and all(
        (char := _literal(token)) is not None and not char.isspace() for token in tokens
    )


def _literal(token: str) -> str | None:
    """The one character a token matches as written, or None (a class, a run, an end)."""
    if len(token) == 1 and token not in ".^$*+?{}[]|()\\":
        return token
    if len(token) == 2 and token[0] == "\\" and not token[1].isalnum():
        return token[1]
    return None


def _exclusive(token: str, other: str) -> bool:
    """Whether no character matches both tokens, case-insensitively: two different ASCII
    characters, or a whitespace run and an ASCII character that is not whitespace."""
    a, b = _literal(token), _literal(other)
    if a is not None and b is not None:
        return a.isascii() and b.isascii() and a.lower() != b.lower()
    char = a if other == _SPACE_RUN else b if token == _SPACE_RUN else None
    return char is not None and char.isascii() and not char.isspace()


def phrase_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A case-insensitive whole-word alternation, longest phrase first.

    >>> bool(phrase_pattern(["per annum", "lpa"]).search("12 LPA"))
    True
    """
    return _phrase_pattern(tuple(words))


@cache
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Built once per word list: table extractors ask for the same list on every row. A phrase
    in a script written without spaces ('年収', '연봉') is found inside a run of it, with no word
    boundary ('平均年収は800万円': the average annual pay is 8 million yen).

    >>> bool(phrase_pattern(["salary", "年収"]).search("平均年収は800万円"))
    True
    """
    ordered = sorted(words, key=len, reverse=True)
    spaced = [word for word in ordered if not is_unspaced(word)]
    unspaced = [word for word in ordered if word not in spaced]
    odd = [word for word in spaced if not word.isascii() or "'" in word]  # see `longest_first`
    plain = [word for word in spaced if word not in odd]
    tokens = [phrase_tokens(word) for word in [*odd, *plain]]
    unspaced_tokens = [phrase_tokens(word) for word in unspaced]
    scanned = _first_scanned(tokens, unspaced_tokens, len(odd), after=r"(?![\w-])")
    if scanned is not None:
        return re.compile(scanned, re.IGNORECASE)
    bounded = rf"(?<![\w-]){longest_first(spaced)}(?![\w-])"
    if unspaced:
        either = phrase_alternation(unspaced)
        # one quick test first: no letter or digit of a spaced script right before
        bounded = rf"(?<![^\W{UNSPACED_SCRIPTS}])(?:{bounded}|{either})" if spaced else either
    return re.compile(bounded, re.IGNORECASE)


def _first_scanned(
    spaced: list[list[str]], unspaced: list[list[str]], odd: int, *, after: str
) -> str | None:
    """`_phrase_pattern`'s regex opening with the class of the characters its matches start
    with (`scanned_class`), the lookbehinds after that character, then each phrase's rest behind
    a lookbehind for its first character: the same matches, preferred in the same order, but
    the regex engine skips the other characters in its own loop instead of entering the pattern
    at each. The phrases come as token lists (`phrase_tokens`); `after` follows a spaced one.
    None when a first character's case forms overlap another's without being the same (the
    order of the phrases could then change) or a phrase opens with a space."""
    spaced_rests = rests_by_first(spaced, odd)
    unspaced_rests = rests_by_first(unspaced)
    if spaced_rests is None or unspaced_rests is None or not spaced_rests | unspaced_rests:
        return None
    firsts = [*spaced_rests, *unspaced_rests]
    chars = frozenset().union(*(case_forms(first) for first in firsts))
    checked = len(firsts) > 1

    def branches(rests: dict[str, str]) -> str:
        return scanned_branches(rests, checked=checked)

    # after the first character: no word character or hyphen before it (`(?<![\w-].)`)
    bounded = rf"(?<![\w-].)(?:{branches(spaced_rests)}){after}"
    if not unspaced:
        return scanned_class(chars) + bounded
    if not spaced:
        return rf"{scanned_class(chars)}(?:{branches(unspaced_rests)})"
    head = rf"{scanned_class(chars)}(?<![^\W{UNSPACED_SCRIPTS}].)"
    return rf"{head}(?:{bounded}|{branches(unspaced_rests)})"


def rests_by_first(alternatives: Sequence[Sequence[str]], odd: int = 0) -> dict[str, str] | None:
    """For each first token of `alternatives` (token lists in the order they are preferred), the
    alternation of what follows it (the first `odd` written out one by one, as `longest_first`
    does), in that order: a regex for each first character, to be entered after it. None when a
    first token is not one character, or its case forms overlap another's without being the
    same (the order of the alternatives could then change)."""
    groups: dict[str, list[int]] = {}
    for index, tokens in enumerate(alternatives):
        if not tokens or (_literal(tokens[0]) is None and tokens[0] != _APOSTROPHE):
            return None
        groups.setdefault(tokens[0], []).append(index)
    for first, other in itertools.combinations(groups, 2):
        forms, others = case_forms(first), case_forms(other)
        if forms & others and forms != others:
            return None
    same: dict[frozenset[str], str] = {}
    rests: dict[str, str] = {}
    for first, indices in groups.items():
        key = same.setdefault(case_forms(first), first)
        if key != first:  # 'K' after 'k': the same characters, one group in their order
            indices = sorted(groups[key] + indices)
            groups[key] = indices
        written = ["".join(alternatives[i][1:]) for i in indices if i < odd]
        plain = [alternatives[i][1:] for i in indices if i >= odd]
        if plain:  # a one-character alternative leaves nothing to follow
            written.append(alternation(plain) if any(plain) else "")
        rests[key] = f"(?:{'|'.join(written)})"
    return rests


def scanned_branches(rests: dict[str, str], *, checked: bool) -> str:
    """`rests_by_first`'s regexes as branches, each behind a lookbehind for its first character
    when `checked` (when the class scanned for holds another's characters).

    The regex engine tries those lookbehinds one after another at each word start: many are
    grouped (about the square root of their number a group), each group behind one lookbehind
    for its characters, so a word start tries a few groups and then a few branches. The same
    branch matches: the first characters' case forms are disjoint, so only the group holding
    the one before the rest can go on, and it holds that character's branch.

    >>> branches = scanned_branches(dict.fromkeys("abcdefghi", "(?:x)"), checked=True)
    >>> branches.split("|(?<=(?-i:")[0]
    '(?<=(?-i:[ABCabc]))(?:(?<=a)(?:x)|(?<=b)(?:x)|(?<=c)(?:x))'
    """
    if not checked:
        return "|".join(rests.values())
    branches = [f"(?<={first}){rest}" for first, rest in rests.items()]
    size = math.isqrt(len(branches))
    if size < 3:  # a few: tried one by one, they cost less than the groups' lookbehinds
        return "|".join(branches)
    firsts = list(rests)
    groups = []
    for at in range(0, len(branches), size):
        chars = frozenset().union(*map(case_forms, firsts[at : at + size]))
        groups.append(f"(?<={scanned_class(chars)})(?:{'|'.join(branches[at : at + size])})")
    return "|".join(groups)


_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]")


def is_unspaced(phrase: str) -> bool:
    """Whether a phrase is written in a script without spaces between words ('年収', '평균'):
    it is found inside a run of that script, with no word boundary around it."""
    return _UNSPACED.search(phrase) is not None


@cache
def vocabulary(name: str, *path: str) -> re.Pattern[str]:
    """The compiled pattern for a word list inside a vocabulary file, behind `gated`'s quick
    test: extractors search sentences and labels with it, most of which hold none of its words."""
    node: Any = load_data(name)
    for key in path:
        node = node[key]
    return gated(phrase_pattern(tuple(node)))


def states_forecast(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a forecast cue ('expected to', 'will reach'), not counting
    a modal of opinion ('would recommend', 'would like': what people say they would do).

    >>> states_forecast("expected to reach $9 billion"), states_forecast("78% would recommend it")
    (True, False)
    """
    end = len(text) if end is None else end
    opinion = vocabulary("market_terms", "forecast", "opinion")
    cues = vocabulary("market_terms", "forecast", "cues").finditer(text, start, end)
    return any(not opinion.match(text, cue.start(), end) for cue in cues)


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a prose block: its span and the block it belongs to."""

    start: int
    end: int
    block_index: int
    block: Block


@quick_init
@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from prose, with a range's high end and a unit.

    Built from `find_quantities`, with two repairs every extractor needs: a bare number joined
    to a unit-bearing one by a dash or 'to' becomes a range ('35-40%'), and a bare number
    followed by a multiplier word becomes a ratio ('9.8 times').
    """

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str | None
    pay_period: str | None
    scale: str | None
    raw: str
    bound: str | None = None  # 'lower' / 'upper' for '£160,000+', 'up to $250,000'

    @property
    def is_money(self) -> bool:
        return bool(self.unit and _CURRENCY_CODE.match(self.unit))

    def times(self, factor: float) -> Amount:
        """The same figure in a scale stated apart from it ('USD 48.62' / 'Billion', a '(LPA)'
        header), multiplied in decimal so '18.4' lakh stays 1840000."""
        high = scaled(self.value_high, factor) if self.value_high is not None else None
        return replace(self, value=scaled(self.value, factor), value_high=high)


@dataclass(frozen=True, slots=True)
class Skip:
    """A figure an extractor read but did not claim, and why (see `SkipReason`).

    The pipeline's figure table records it, so a figure nobody claims is never silently lost.
    """

    char_start: int
    char_end: int
    reason: SkipReason


@quick_init
@dataclass(frozen=True, slots=True)
class Frame:
    """Where a figure's own words are: its clause, and the parts of it before and after the
    figure that no neighbouring figure owns (`before`..`after` hold only this figure's words)."""

    clause_start: int
    clause_end: int
    before_start: int
    after_end: int


def clause_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of `text[start:end]` (a sentence) that holds position `at`.

    >>> s = "The median pay is $90K, while senior staff in London earn $130K."
    >>> a, b = clause_bounds(s, 0, len(s), s.index("$90K"))
    >>> s[a:b]
    'The median pay is $90K'
    """
    clause_start = start
    for break_start, break_end in _clause_breaks(text, start, end):
        if break_end <= at:
            clause_start = break_end
        elif break_start >= at:
            return clause_start, break_start
    return clause_start, end


@lru_cache(maxsize=1024)
def _clause_breaks(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Where the clause breaks of a sentence are, found once: the readers ask `clause_bounds`
    about each figure of a sentence, several times each. A break inside brackets is none: '...
    total compensation (includes tips, bonus, and overtime pay) of $105,600' is one clause."""
    return tuple(
        match.span()
        for match in _CLAUSE_BREAK.finditer(text, start, end)
        if not _bracketed(text, start, end, match.start())
    )


def _bracketed(text: str, start: int, end: int, at: int) -> bool:
    """Whether `at` lies inside a bracket of `text[start:end]` that closes before `end`."""
    opened = text.rfind("(", start, at)
    return opened >= 0 and text.rfind(")", opened, at) < 0 and text.find(")", at, end) >= 0


def figure_frame(text: str, start: int, end: int, figures: list[Amount], index: int) -> Frame:
    """The frame of `figures[index]` in the sentence `text[start:end]`: its clause, cut at the
    neighbouring figures so that '$80K for juniors and $150K for seniors' gives each its own."""
    figure = figures[index]
    clause_start, clause_end = clause_bounds(text, start, end, figure.start)
    previous = figures[index - 1].end if index else start
    following = figures[index + 1].start if index + 1 < len(figures) else end
    return Frame(clause_start, clause_end, max(clause_start, previous), min(clause_end, following))


def prose_sentences(doc: Document) -> Iterator[Sentence]:
    """Sentences of non-boilerplate paragraphs and list items, in text order."""
    return iter(_prose_sentences(doc))


def figure_headings(doc: Document, names: Callable[[str], Any]) -> list[Sentence]:
    """Headings without a label's colon that hold a figure and name what `names` finds (a
    role, a market), read like sentences: a headline often states a figure its text does not
    repeat ('Machine Learning Engineer (4,812 openings)', 'X Market Worth USD 17.3 Billion')."""
    return [
        Sentence(block.start, block.end, index, block)
        for index, block in enumerate(doc.blocks)
        if block.kind == "heading"
        and not block.boilerplate
        and ":" not in (text := doc.span_text(block))
        and any(map(str.isdigit, text))
        and names(text)
    ]


def fact_lines(doc: Document) -> list[Sentence]:
    """Labelled fact lines the page set as headings ('**Remote availability:** 31% of roles
    offer remote work', 'Job openings: 4,812' under a numbered role, '1. Python — 79% of ads'):
    read like sentences."""
    return [
        Sentence(block.start, block.end, index, block)
        for index, block in enumerate(doc.blocks)
        if block.kind == "heading"
        and not block.boilerplate
        and _LABELLED.search(doc.span_text(block))
        and any(map(str.isdigit, doc.span_text(block)))
    ]


# A label and its figure: a colon, or a dash set between spaces ('Python — 79% of ads').
_LABELLED = re.compile(r":|\s[—–]\s")
# Figures matched in order with the things named before them ('X and Y grew 28% and 15%,
# respectively').
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# What pay is said to hold or leave out, to the end of its clause: 'plus meal allowance',
# 'incl. holiday allowance', 'excluding bonus', 'before the statutory holiday allowance is
# added': no price of anything.
PAY_INCLUDES = re.compile(
    r"(?:\bplus\b|\s\+|,?\s*\b(?:including|incl\.|excluding|excl\.)"
    r"|\b(?:before|without|on\s+top\s+of)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:allowances?|bonus(?:es)?|tax(?:es)?|benefits|commissions?|overtime)\b)[^.;]*",
    re.IGNORECASE,
)
# Between two figures of a pair or a run: 'jumped 42% and 31%', 'rose 12%, 9% and 4%'.
PAIRED = re.compile(r"\s*(?:,\s*|\s(?:and|or|&)\s+|,\s*(?:and|or)\s+)", re.IGNORECASE)


def respective_run(text: str, figures: Sequence[Amount], said: int) -> list[Amount]:
    """The figures stated 'respectively' (the word at `said`): the run of `figures` joined by
    `PAIRED` that ends before it ('SQL and Go are used by 63% and 12% of respondents,
    respectively': both), in order; one figure alone when none is joined to it."""
    before = [figure for figure in figures if figure.end <= said]
    run = before[-1:]
    while len(run) < len(before) and PAIRED.fullmatch(
        text, before[-len(run) - 1].end, run[0].start
    ):
        run.insert(0, before[-len(run) - 1])
    return run


@lru_cache(maxsize=8)
def _prose_sentences(doc: Document) -> tuple[Sentence, ...]:
    """The sentences of one document, split once for all the prose extractors."""
    return tuple(
        Sentence(span.start, span.end, index, block)
        for index, block in enumerate(doc.blocks)
        if not block.boilerplate and block.kind in PROSE_KINDS
        for span in sentence_spans(doc.text, block.start, block.end)
    )


@lru_cache(maxsize=8)
def prose_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """(start, end) of each prose sentence (`prose_sentences`), listed once for the readers that
    ask `cues` about all of them."""
    return tuple(map(_START_END, _prose_sentences(doc)))


_START_END = attrgetter("start", "end")


@lru_cache(maxsize=8)
def _digit_sentences(doc: Document) -> tuple[Sentence, ...]:
    """The prose sentences with a digit, found once for all the extractors that read figures."""
    sentences = _prose_sentences(doc)
    return tuple(sentences[index] for index in spans_with_digit(doc.text, prose_spans(doc)))


Reader = Callable[[Document, Sentence], Sequence[Claim | Skip]]
_Unit = TypeVar("_Unit")


def collect(
    doc: Document,
    read: Reader,
    *,
    name: str,
    needs_digit: bool = False,
    keys: Keys | None = None,
) -> list[Claim]:
    """The claims `read` finds in the document's prose sentences (see `_readings`)."""
    found = _readings(doc, read, name, needs_digit, keys)
    return [item for item in found if isinstance(item, Claim)]


def collect_skips(
    doc: Document, read: Reader, *, name: str, needs_digit: bool = False, keys: Keys | None = None
) -> list[Skip]:
    """The figures `read` saw in the document's prose sentences but did not claim, with why."""
    found = _readings(doc, read, name, needs_digit, keys)
    return [item for item in found if isinstance(item, Skip)]


def read_each(
    doc: Document, units: Iterable[_Unit], read: Callable[[_Unit], Iterable[Claim]], *, name: str
) -> list[Claim]:
    """The claims `read` finds in each unit of a document (a block, a table): a unit whose
    reading raises is logged and skipped, so one odd unit never loses the others' claims."""
    claims: list[Claim] = []
    for unit in units:
        try:
            claims.extend(read(unit))
        except Exception:  # one odd block or table must not fail the document
            log.exception("%s: skipped a block or table in %s", name, doc.source_id)
    return claims


@lru_cache(maxsize=64)
def _readings(
    doc: Document, read: Reader, name: str, needs_digit: bool, keys: Keys | None
) -> tuple[Claim | Skip, ...]:
    """Run `read` on every prose sentence once per document; a failing sentence is logged.

    `needs_digit` skips sentences without a digit: every figure an extractor reads is written
    with digits, and most sentences of an article have none. `keys` skips the sentences that
    hold neither one of them (see `cues`) nor a digit: for a reader that claims nothing there.
    """
    found: list[Claim | Skip] = []
    try:
        sentences = _cued_sentences(doc, keys) if keys else None
        if sentences is None:
            sentences = _digit_sentences(doc) if needs_digit else _prose_sentences(doc)
    except Exception:  # an extractor must never fail a document
        log.exception("%s: could not split %s into sentences", name, doc.source_id)
        return ()
    for sentence in sentences:
        try:
            found.extend(read(doc, sentence))
        except Exception:  # one odd sentence must not fail the document
            log.exception("%s: skipped sentence at %d in %s", name, sentence.start, doc.source_id)
    return tuple(found)


@lru_cache(maxsize=32)
def _cued_sentences(doc: Document, keys: Keys) -> tuple[Sentence, ...]:
    """The prose sentences that may hold one of `keys` or a digit."""
    sentences = _prose_sentences(doc)
    held = spans_holding(doc.text, prose_spans(doc), keys, digits=True)
    return tuple(sentences[i] for i in held)


def section_heading(doc: Document, block: Block) -> str:
    """The text of the heading above `block`, or ''."""
    if block.section is None or not 0 <= block.section < len(doc.blocks):
        return ""
    return doc.span_text(doc.blocks[block.section])


def lead_in(doc: Document, block_index: int) -> str:
    """For a list item: its enclosing items and the paragraph that introduces the list, or ''.

    Uses `Block.parent` when the document builder set it, else the paragraph just above the list.
    """
    block = doc.blocks[block_index]
    if block.kind != "list_item":
        return ""
    parts: list[str] = []
    index: int | None = block.parent
    while index is not None and 0 <= index < len(doc.blocks) and len(parts) < 4:
        parts.append(doc.span_text(doc.blocks[index]))
        index = doc.blocks[index].parent if doc.blocks[index].kind == "list_item" else None
    if parts:
        return " ".join(parts)
    index = _list_starts(doc)[block_index] - 1
    if index >= 0 and doc.blocks[index].kind == "paragraph" and not doc.blocks[index].boilerplate:
        return doc.span_text(doc.blocks[index])
    return ""


@lru_cache(maxsize=64)
def _list_starts(doc: Document) -> tuple[int, ...]:
    """Per block, the first item of the list it stands in (its own index outside a list): a
    run of items, and of the paragraphs inside them (an HTML item's later paragraphs, whose
    `parent` is the item: '<li><p>3. Austin — $165,700</p><p>Rent ...</p></li>'), so that
    every item of such a list has the list's lead-in, not the paragraph of the item above."""
    starts: list[int] = []
    listed = False  # whether the block before is an item or a paragraph inside one
    for index, block in enumerate(doc.blocks):
        item = block.parent if block.kind == "paragraph" else None
        if item is not None and 0 <= item < index and doc.blocks[item].kind == "list_item":
            starts.append(starts[item])  # a paragraph inside the item above
            listed = True
            continue
        starts.append(starts[index - 1] if block.kind == "list_item" and listed else index)
        listed = block.kind == "list_item"
    return tuple(starts)


def list_run(doc: Document, block_index: int) -> tuple[int, int]:
    """The first and last index of the run of list items a block stands in (its own index twice
    for any other block)."""
    return _list_runs(doc)[block_index]


@lru_cache(maxsize=8)
def _list_runs(doc: Document) -> tuple[tuple[int, int], ...]:
    """`list_run` of every block, found once per page: looking along a list from each of its
    items would take time growing with the square of its length."""
    runs: list[tuple[int, int]] = []
    blocks, first = doc.blocks, 0
    while first < len(blocks):
        last = first
        while blocks[first].kind == "list_item" and last + 1 < len(blocks):
            if blocks[last + 1].kind != "list_item":
                break
            last += 1
        runs.extend([(first, last)] * (last - first + 1))
        first = last + 1
    return tuple(runs)


def sentence_before(doc: Document, sentence: Sentence) -> Sentence | None:
    """The sentence before this one in its block, or None for the block's first: what a
    sentence that refers back ('the average was ...', 'Between $X and $Y.') refers to."""
    spans = sentence_spans(doc.text, sentence.block.start, sentence.start)
    if not spans:
        return None
    return Sentence(spans[-1].start, spans[-1].end, sentence.block_index, sentence.block)


def block_before(doc: Document, sentence: Sentence) -> str:
    """The text of the sentence's block before the sentence (the paragraph's earlier context)."""
    return doc.text[sentence.block.start : sentence.start]


def _field_forms() -> list[str]:
    """The fields a role is named by, longest first, each also hyphenated as a compound
    ('machine-learning engineers', as newsrooms write it)."""
    fields = load_data("salary_terms")["roles"]["fields"]
    forms = {*fields, *(field.replace(" ", "-") for field in fields)}
    return sorted(forms, key=lambda form: (-len(form), form))


@cache
def _fields_alternation() -> str:
    return phrase_alternation(_field_forms())


@cache
def _field_keys() -> Keys:
    """The words a mention naming a field opens with: its field's first ('machine' of 'machine
    learning engineer') or its leader ('head' of 'head of AI'), where they start a word. Every
    match of `_role_pattern`, `_discipline_pattern` and `_worker_pattern` starts with one, so
    in a span they are tried there alone (`_openings`)."""
    roles = load_data("salary_terms")["roles"]
    words = {form.split()[0] for form in [*_field_forms(), *roles["leaders"]]}
    # A word that starts with another adds nothing: the index lists the shorter one there too.
    return Keys(
        sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)),
        word_start=True,
    )


@cache
def _role_pattern() -> re.Pattern[str]:
    roles = load_data("salary_terms")["roles"]
    fields = _fields_alternation()
    heads = phrase_alternation(roles["heads"])
    leaders = phrase_alternation(roles["leaders"])
    # 'AI Research Scientist' (two fields), 'ML (NLP) Engineer', 'Head of Machine Learning'.
    pattern = re.compile(
        rf"(?<![\w-])(?:{fields}(?:\s+{fields})?(?:\s+\([^)]{{1,12}}\))?\s+{heads}s?"
        rf"|{leaders}s?\s+of\s+{fields})(?![\w-])",
        re.IGNORECASE,
    )
    return gated(pattern)  # a case-insensitive alternation searched through whole texts


@cache
def _discipline_pattern(*, noun: bool = True) -> re.Pattern[str]:
    """'data engineering roles' (with `noun`), or 'ML Engineering' alone (a title's field)."""
    roles = load_data("salary_terms")["roles"]
    fields = _fields_alternation()
    disciplines = phrase_alternation(roles["disciplines"])
    nouns = rf"\s+{phrase_alternation(roles['discipline_nouns'])}" if noun else ""
    return gated(
        re.compile(
            rf"(?<![\w-])(?P<field>{fields})\s+(?P<discipline>{disciplines}){nouns}(?![\w-])",
            re.IGNORECASE,
        )
    )


def discipline_role(text: str) -> str | None:
    """The role whose discipline a text names ('ML Engineering in Practice' -> machine
    learning engineer, 'Data Science at Work' -> data scientist), or None.

    >>> discipline_role("ML Engineering in Practice"), discipline_role("Pay report 2025")
    ('machine learning engineer', None)
    """
    found = _discipline_pattern(noun=False).search(text)
    if found is None:
        return None
    heads = load_data("salary_terms")["roles"]["disciplines"]
    return normalize_subject(f"{found['field']} {heads[vocabulary_key(found['discipline'])]}")


def find_roles(text: str) -> list[tuple[int, int, str]]:
    """Role mentions as (start, end, normalized role); 'data engineering roles' names data
    engineers, so a figure about them is not given to the page's own role.

    >>> [r[2] for r in find_roles("Senior ML Engineers earn more than data scientists")]
    ['machine learning engineer', 'data scientist']
    >>> [r[2] for r in find_roles("pay for data engineering roles")]
    ['data engineer']
    >>> [r[2] for r in find_roles("machine-learning engineers and AI freelancers")]
    ['machine learning engineer', 'artificial intelligence engineer']
    >>> [r[2] for r in find_roles("Two MLEs and an AI Eng. joined")]
    ['machine learning engineer', 'artificial intelligence engineer']
    >>> [r[2] for r in find_roles("an ML platform engineer or a senior frontend engineer")]
    ['machine learning platform engineer', 'frontend engineer']
    """
    return list(_roles(text))


def roles_between(
    text: str, start: int, end: int, *, held: int | None = None
) -> tuple[tuple[int, int, str], ...]:
    """`find_roles(text[start:end])` with offsets into `text`: the cue checks ask the index of
    the whole `text` (a bisection) instead of searching the short span, and the patterns are
    tried only where it finds a mention's opening word (`_openings`). `held` is what
    `cues.holding` answers about the span for `role_gates()`, when the caller asked already.

    >>> t = "Pay. Senior ML Engineers earn more. Done."
    >>> [(t[s:e], role) for s, e, role in roles_between(t, 5, 35)]
    [('ML Engineers', 'machine learning engineer')]
    """
    if held is None:
        held = holding(text, start, end, role_gates())
    return _roles_span(text, start, end, held)


@cache
def role_keys() -> Keys | None:
    """Words every role mention holds (see `cues`): its head ('engineer'), a leader ('head of
    ...') or a discipline ('data engineering roles')."""
    roles = load_data("salary_terms")["roles"]
    return word_keys(
        [
            *roles["heads"],
            *roles["leaders"],
            *roles["disciplines"],
            *roles["workers"],
            *roles["abbreviations"],
            *roles["heads_first"],
        ]
    )


@cache
def role_gates() -> tuple[Keys | None, ...]:
    """The key sets `_roles_span` asks about (see `cues.holding`): a role's words, which gate
    the others, then a field mention's opening word, a discipline's and a worker's (`_FIELD`
    ... `_WORKER`)."""
    return (role_keys(), _field_keys(), _discipline_keys(), _worker_keys(), _head_first_keys())


# bits of `role_gates()` in a `cues.holding` answer
_FIELD, _DISCIPLINE, _WORKER, _HEAD_FIRST = 2, 4, 8, 16

declare(role_gates)


@lru_cache(maxsize=4096)
def _roles(text: str) -> tuple[tuple[int, int, str], ...]:
    """`find_roles`, cached: extractors and section checks ask it of the same texts."""
    return _roles_span(text, 0, len(text), holding(text, 0, len(text), role_gates()))


def _roles_span(text: str, start: int, end: int, held: int) -> tuple[tuple[int, int, str], ...]:
    """The role mentions the patterns find in `text[start:end]` alone, offsets into `text`
    (`held`: `cues.holding` of the span for `role_gates()`). Every mention but a short form
    ('MLE') opens with a field or a leader ('machine learning engineer', 'head of AI')."""
    if not held:
        return ()
    # A copy, not `text` between `pos` and `endpos`: the patterns' lookbehinds must see nothing
    # before the span, and an ASCII sentence cut from a page with wider characters is a string
    # of one byte a character, which the regex engine and `in` scan faster.
    span = text[start:end]
    found: list[tuple[int, int, str]] = []
    if held & _FIELD:
        opens = _openings(text, start, end)
        for m in _matches(_role_pattern(), span, start, opens):
            found.append((start + m.start(), start + m.end(), normalize_subject(m.group())))
        if held & _DISCIPLINE:
            heads = load_data("salary_terms")["roles"]["disciplines"]
            for m in _matches(_discipline_pattern(), span, start, opens):
                role = normalize_subject(f"{m['field']} {heads[vocabulary_key(m['discipline'])]}")
                found.append((start + m.start(), start + m.end(), role))
        if held & _WORKER:
            workers = load_data("salary_terms")["roles"]["workers"]
            for m in _matches(_worker_pattern(), span, start, opens):
                role = normalize_subject(f"{m['field']} {workers[vocabulary_key(m['worker'])]}")
                found.append((start + m.start(), start + m.end(), role))
    if held & _HEAD_FIRST:
        roles = load_data("salary_terms")["roles"]
        for m in _head_first_pattern().finditer(span):
            field = roles["field_names"].get(" ".join(m["field"].lower().split()), m["field"])
            head = roles["heads_first"][m["head"].lower()]
            found.append((start + m.start(), start + m.end(), normalize_subject(f"{field} {head}")))
    if any(map(span.__contains__, _abbreviation_words())):
        abbreviations = load_data("salary_terms")["roles"]["abbreviations"]
        for m in _abbreviation_pattern().finditer(span):
            form = " ".join(m["form"].split())  # 'ML\u00a0Eng', 'ML  Eng': a space run of the form
            found.append((start + m.start(), start + m.end(), abbreviations[form]))
    if len(found) > 1 and "(" in span:
        return tuple(without_aliases(text, sorted(found)))
    return tuple(sorted(found))


def without_aliases(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions (in order) but those a bracket gives as another name of the one before it:
    'machine learning engineers (also called AI engineers) earn $152,000' names one role, the
    first.

    >>> t = "ML engineers (also known as AI engineers) and data scientists"
    >>> [m[2] for m in without_aliases(t, find_roles(t))]
    ['machine learning engineer', 'data scientist']
    """
    kept: list[tuple[int, int, str]] = []
    for mention in mentions:
        if (
            kept
            and _ALIAS_OPEN.fullmatch(text, kept[-1][1], mention[0])
            and _ALIAS_CLOSE.match(text, mention[1])
        ):
            continue
        kept.append(mention)
    return kept


# What opens a bracket that names the role before it again, and what closes it.
_ALIAS_OPEN = re.compile(
    r"\s*\(\s*(?:(?:also|sometimes|often|commonly)\s+(?:called|known\s+as|referred\s+to\s+as|titled)"
    r"|aka|a\.k\.a\.?|or|i\.e\.,?)\s+",
    re.IGNORECASE,
)
_ALIAS_CLOSE = re.compile(r"\s*\)")


def _openings(text: str, start: int, end: int) -> list[int] | None:
    """Where in `text[start:end]` a field or leader mention may open (offsets into `text`, in
    order): where the cue index of `text` finds an opening word (`_field_keys`) starting a
    word, and `start` when the span starts inside a word (the span alone sees a word start
    there; the index does not list it). None for a whole text (a heading, a label), which is
    searched: indexing each short text would push the pages' indexes out of the index's cache.
    """
    if start == 0 and end == len(text):
        return None
    opens = starts_in(text, start, end, _field_keys())
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # `\w` before it
        opens.insert(0, start)
    return opens


def _matches(
    pattern: re.Pattern[str], span: str, start: int, opens: list[int] | None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(span)` for a pattern whose matches start only at `opens` (offsets into
    the text `span` is cut from at `start`; None: anywhere) and are never empty: the same
    matches, as finditer takes the first one at or after where the last ended, and
    `pattern.match` there tries it as finditer would."""
    if opens is None:
        yield from pattern.finditer(span)
        return
    resume = start  # offsets into the text, as `opens`
    for at in opens:
        if at >= resume and (match := pattern.match(span, at - start)) is not None:
            yield match
            resume = start + match.end()


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    """'Senior MLE', 'our MLEs', 'an ML Eng.': a role's short form, written in capitals."""
    forms = sorted(load_data("salary_terms")["roles"]["abbreviations"], key=len, reverse=True)
    # Each form's first letter comes first and the word-edge test behind it, so the regex
    # engine skips in its own loop the characters no form starts with (a pattern that opens
    # with a lookbehind is tried at every position).
    alternatives = "|".join(
        rf"{re.escape(form[0])}(?<![\w-].){escape_phrase(form[1:])}" for form in forms
    )
    # The abbreviating dot is the mention's own: 'an ML Eng. on call triages ...'.
    return re.compile(rf"(?P<form>{alternatives})s?(?:\.(?!\w))?(?![\w-])")


@cache
def _abbreviation_words() -> tuple[str, ...]:
    """The last word of each short form, which a match writes as it is (the forms are matched
    in their case): a span holding none of them is not searched. A word with an apostrophe,
    which matches either form (`char_token`), makes every span searched ('' is in each)."""
    words = {form.split()[-1] for form in load_data("salary_terms")["roles"]["abbreviations"]}
    return ("",) if any(mark in word for word in words for mark in "'’") else tuple(sorted(words))


@cache
def _head_first_keys() -> Keys | None:
    """What every head-first mention ('engenheiro de machine learning') holds: its head."""
    return word_keys(load_data("salary_terms")["roles"]["heads_first"])


@cache
def _head_first_pattern() -> re.Pattern[str]:
    """'engenheiro de machine learning', 'ingeniera de datos', 'ingénieur en IA', 'ingénieur
    ML': a role whose language writes its head first and its field after it, most often after a
    preposition."""
    roles = load_data("salary_terms")["roles"]
    heads = phrase_alternation(list(roles["heads_first"]))
    fields = phrase_alternation([*roles["field_names"], *_field_forms()])
    return re.compile(
        # ('engenheiro(a) de machine learning', 'ingeniero/a de datos': the feminine ending too)
        rf"(?<![\w-])(?P<head>{heads})(?:\((?:a|as|o|os)\)|/(?:a|as|o|os)\b)?"
        rf"\s+(?:(?:de|em|en|di)\s+)?(?P<field>{fields})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _worker_keys() -> Keys | None:
    """What every 'ML contractors' mention holds: its worker word."""
    return word_keys(load_data("salary_terms")["roles"]["workers"])


@cache
def _worker_pattern() -> re.Pattern[str]:
    """'ML contractors', 'AI freelancers': a field's engineers named by how they are hired."""
    roles = load_data("salary_terms")["roles"]
    fields = _fields_alternation()
    workers = phrase_alternation(roles["workers"])
    return gated(
        re.compile(
            rf"(?<![\w-])(?P<field>{fields})\s+(?P<worker>{workers})s?(?![\w-])", re.IGNORECASE
        )
    )


@cache
def _discipline_keys() -> Keys | None:
    """What every '<field> engineering roles' mention holds: its discipline word."""
    return word_keys(load_data("salary_terms")["roles"]["disciplines"])


def first_role(*texts: str) -> str | None:
    """The first role named in the first text that names one."""
    for text in texts:
        roles = find_roles(text)
        if roles:
            return roles[0][2]
    return None


def sentence_role(doc: Document, sentence: Sentence) -> str | None:
    """The role a sentence is about: named in it, its list lead-in, its section, or the title."""
    return first_role(
        doc.text[sentence.start : sentence.end],
        lead_in(doc, sentence.block_index),
        section_heading(doc, sentence.block),
        doc.title or "",
    )


class Spanned(Protocol):
    """Anything with a half-open character range: a Span, an Amount, a Quantity."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def masked(
    text: str, spans: Iterable[Spanned], fill: str, start: int = 0, end: int | None = None
) -> str:
    """`text[start:end]` with each span's characters replaced by `fill`: the offsets stay valid,
    so a reader can pass over what is not its business ('(about US$90,000)', a band's digits).

    >>> from mlefacts.document.model import Span
    >>> masked("pay 1-50 staff", [Span(4, 8)], "N", 4)
    'NNNN staff'
    """
    end = len(text) if end is None else end
    head = text[start:end]
    for span in spans:
        head = (
            head[: span.start - start] + fill * (span.end - span.start) + head[span.end - start :]
        )
    return head


def _place_regex(aliases: list[str]) -> re.Pattern[str]:
    """The aliases, longest first (as a trie: the regex engine reads one several times faster
    than a list of 250 names)."""
    # Short aliases ('US', 'UK') must be written in capitals: 'us' is a pronoun.
    short = [alias for alias in aliases if len(alias.replace(".", "")) <= 3]
    capitals = "|".join(escape_phrase(a.upper()) for a in by_length(short))
    names = longest_first(set(aliases) - set(short)) + (f"|(?-i:{capitals})" if short else "")
    # 'US$' is a currency, not a place: the country its sign names is `symbol_country`'s.
    return re.compile(rf"(?<![\w.])(?:{names})(?![\w$])", re.IGNORECASE)


def find_places(text: str, kind: str) -> list[str]:
    """Distinct canonical names of countries ('countries') or regions ('regions') in `text`.

    >>> find_places("jobs in the U.S. & India", "countries")
    ['United States', 'India']
    >>> find_places("pay in North America", "countries")
    []
    >>> find_places("Cape Town, South Africa and Belfast, Northern Ireland", "countries")
    ['South Africa', 'United Kingdom']
    >>> find_places("South Africa", "regions"), find_places("the DACH region", "regions")
    ([], ['DACH'])
    """
    return list(_places(text, kind))


@lru_cache(maxsize=1024)
def _places(text: str, kind: str) -> tuple[str, ...]:
    """`find_places`, cached: extractors ask about the same sentence once per figure in it.

    One scan for every country and region, longest name first, so a place named inside
    another's name is not named: 'America' in 'North America', 'Africa' in 'South Africa',
    'Ireland' in 'Northern Ireland'.
    """
    scanner, names = _place_scanner(("nationalities",) if kind == "nationalities" else _LANDS)
    seen: list[str] = []
    for match in scanner.finditer(text):
        place_kind, name = names[_alias_key(match.group())]
        if (
            place_kind == kind
            and name not in seen
            and not _currency_after().match(text, match.end())
        ):
            seen.append(name)
    return tuple(seen)


@cache
def _currency_after() -> re.Pattern[str]:
    """A currency's noun right after a place's name: 'US dollars', 'Indian rupees' name money,
    not a place. The nouns are the last words of data/currencies.toml's currency names, but
    the short ones that are other words too ('won', 'real', 'sol')."""
    nouns = {
        words.split()[-1].lower()
        for entry in load_data("currencies").values()
        for words in (*entry.get("words", ()), *entry.get("scaled_words", ()))
    }
    kept = sorted(noun for noun in nouns if len(noun) > _SHORT_CURRENCY_NOUN and noun.isalpha())
    return re.compile(rf"[\s-]+(?:{'|'.join(map(re.escape, kept))})(?![\w-])", re.IGNORECASE)


# Currency nouns this short are other words too ('won', 'sol', 'lei'); 'real' besides.
_SHORT_CURRENCY_NOUN = 4


_LANDS = ("countries", "regions", "states")


@cache
def _place_scanner(kinds: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The pattern of every alias of the kinds' places, and (kind, name) by alias."""
    names = {
        _alias_key(alias): (kind, name)
        for kind in kinds
        for name, aliases in _named_places(kind).items()
        for alias in aliases
    }
    return gated(_place_regex(list(names))), names


def _named_places(kind: str) -> dict[str, list[str]]:
    """Each place of a kind by its name, with its aliases (states are listed by country)."""
    places = load_data("market_terms")["places"][kind]
    if kind != "states":
        return places
    return {name: aliases for states in places.values() for name, aliases in states.items()}


@cache
def state_country(state: str) -> str | None:
    """The country a known state or province is in.

    >>> state_country("Ohio"), state_country("Karnataka"), state_country("Atlantis")
    ('United States', 'India', None)
    """
    states = load_data("market_terms")["places"]["states"]
    return next((country for country, names in states.items() if state in names), None)


def _alias_key(written: str) -> str:
    return vocabulary_key(written.replace("’", "'"))


def single_country(*texts: str) -> str | None:
    """The one country the first text naming any country names, or None when it names several."""
    return _single_place("countries", texts)


def single_region(*texts: str) -> str | None:
    """The one region the first text naming any region names ('across Europe'), or None.

    >>> single_region("openings across Europe"), single_region("EMEA and APAC"), single_region("x")
    ('Europe', None, None)
    """
    return _single_place("regions", texts)


def _single_place(kind: str, texts: tuple[str, ...]) -> str | None:
    for text in texts:
        places = find_places(text, kind)
        if places:
            return places[0] if len(places) == 1 else None
    return None


def place_name(name: str) -> str:
    """A place as a ranked item or a qualifier names it: a country by its full name when `name`
    is all one country's ('US', 'the UK'), any other place as written.

    >>> place_name("US"), place_name("the UK"), place_name("Bengaluru, India"), place_name("Pune")
    ('United States', 'United Kingdom', 'Bengaluru, India', 'Pune')
    """
    bare = _LEADING_THE.sub("", name.strip())
    if place_spans(bare) == ((0, len(bare)),) and (country := single_country(bare)):
        return country
    return name


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def place_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where `text` names a known city, country or region: (start, end), the longest name of
    overlapping ones ('New York' in 'New York City' is not named twice).

    >>> text = "San Jose leads, with India and North America next"
    >>> [text[start:end] for start, end in place_spans(text)]
    ['San Jose', 'India', 'North America']
    """
    cities = city_pattern()
    hits = [m.span() for m in cities.finditer(text)]
    hits += [m.span() for m in _place_scanner(_LANDS)[0].finditer(text)]
    spans: list[tuple[int, int]] = []
    for start, end in sorted(hits, key=lambda span: (span[0], -span[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return tuple(spans)


def open_bracket_before(text: str, start: int, position: int) -> int | None:
    """Where the bracket that `position` stands inside opens, looking no further back than
    `start`: 'Cloud skills (AWS, ...' for AWS; None outside brackets.

    >>> text = "Tools (SQL, Excel) and Python"
    >>> open_bracket_before(text, 0, text.index("Excel")), open_bracket_before(text, 0, 23)
    (6, None)
    """
    opening = text.rfind("(", start, position)
    return None if opening < 0 or ")" in text[opening:position] else opening


@lru_cache(maxsize=4096)
def is_place(text: str) -> bool:
    """Whether `text` is exactly a known country, region or city name (cached: attribution asks
    it of every capitalized name it reads)."""
    cleaned = text.strip()
    return is_city(cleaned) or _place_scanner(_LANDS)[0].fullmatch(cleaned) is not None


def is_city(text: str) -> bool:
    return text.strip().lower() in _cities()


def city_country(city: str) -> str | None:
    """The country a known city is in, or None for a name cities in several countries bear.

    >>> city_country("Bengaluru"), city_country("Perth"), city_country("Atlantis")
    ('India', None, None)
    """
    return _cities().get(city.strip().lower())


@cache
def _cities() -> dict[str, str | None]:
    """Each known city's name (lower case) and the country it is in (None when shared)."""
    cities = load_data("market_terms")["places"]["cities"]
    found: dict[str, str | None] = dict.fromkeys(cities["shared"])
    for country, names in cities["countries"].items():
        found.update(dict.fromkeys(names, country))
    return found


@cache
def city_pattern() -> re.Pattern[str]:
    """Where a text names a known city."""
    return gated(phrase_pattern(tuple(sorted(_cities()))))


@lru_cache(maxsize=1024)
def opening_city(text: str, sentence: Sentence) -> str | None:
    """The city a sentence opens with ('In Dublin, ...'), which frames each of its figures that
    names no place of its own."""
    return find_city(opening_place(text, sentence))


def opening_place(text: str, sentence: Sentence) -> str:
    """The place a sentence opens with ('In Dublin, ...', 'In the US, ...'), or ''."""
    opening = _OPENING_PLACE.match(text, sentence.start, sentence.end)
    return opening["place"] if opening else ""


# 'In Dublin, ...', 'Pay-wise in Toronto, ...'
_OPENING_PLACE = re.compile(
    r"\s*(?:[\w-]+[\s-]wise,?\s+)?(?i:in|across|within)\s+(?P<place>[^,.;:]{2,40}),"
)


def find_city(text: str) -> str | None:
    """The one known city `text` names, as written, or None when it names none or several.

    >>> find_city("A data scientist in Bangalore earns more")
    'Bangalore'
    """
    found = {m.group() for m in city_pattern().finditer(text)} or set(_metro_cities(text))
    return found.pop() if len(found) == 1 else None


def _metro_cities(text: str) -> list[str]:
    """The principal city of each metro area named the statistical way, its cities joined by
    hyphens ('the Seattle-Tacoma-Bellevue metropolitan area' is Seattle's).

    >>> _metro_cities("In the Dallas-Fort Worth-Arlington metro area, pay rose")
    ['Dallas']
    >>> _metro_cities("The Boston-Cambridge-Newton, MA-NH metropolitan area")
    ['Boston']
    """
    if "metro" not in text.lower():
        return []  # most texts name no metro area
    found = []
    for metro in _METRO.finditer(text):
        words = metro["first"].split()  # 'The Boston': the city is the longest tail that is one
        tails = (" ".join(words[index:]) for index in range(len(words)))
        city = next((tail for tail in tails if is_city(tail)), None)
        if city:
            found.append(city)
    return found


# 'Seattle-Tacoma-Bellevue metropolitan area', 'San Jose-Sunnyvale-Santa Clara, CA metro',
# 'Boston-Cambridge-Newton, MA-NH metro'
_METRO = re.compile(
    r"\b(?P<first>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})(?:-[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)+"
    r"(?:,\s[A-Z]{2}(?:-[A-Z]{2})*)?\s+(?:metropolitan|metro)\b"
)


def own_city(text: str) -> str | None:
    """The one city `text` names, leaving out a city named as where the figure is not
    ('Outside London, the typical figure is £62,000', 'Unlike in London, ... in Leeds earn',
    'moved from London to Bristol'), the base of people who only report the figure ('Our
    London-based recruiters say ...', 'our London team analysed') and a press release's
    dateline ('NEW YORK, Jan. 15, 2025 /PRNewswire/ --'): they are not where it is."""
    plain = _BASED.sub(" ", text)  # 'Doha-based engineers'
    if not _any_city(plain):
        return None  # each of _not_here's readings names a city: with none, it removes nothing
    return find_city(_not_here().sub(" ", plain))


def _any_city(text: str) -> bool:
    return city_pattern().search(text) is not None or bool(_metro_cities(text))


@cache
def _not_here() -> re.Pattern[str]:
    cities = city_pattern().pattern
    reporters = vocabulary("salary_terms", "salary_words", "reporters").pattern
    words = load_data("salary_terms")["salary_words"]
    outside = phrase_pattern([*words["elsewhere"], *words["contrast"]]).pattern
    return re.compile(
        rf"{outside}\s+(?:in\s+)?(?:{cities})|(?:{cities})\s+(?:based\s+)?(?:{reporters})"
        rf"|(?:{cities})(?:,\s*[^,\n]{{2,30}})?,\s*(?:{_dateline().pattern})",
        re.IGNORECASE,
    )


_BASED = re.compile(r"-(?=based\b)", re.IGNORECASE)


def heading_city(heading: str, own: str, *, short: bool = True) -> str | None:
    """The city a short section heading names ('Toronto', 'Vancouver, BC', 'Pay in Sydney'),
    which frames a figure whose sentence `own` names no country or region ('The UK-wide median
    ...') and does not place it elsewhere ('Engineers outside the capital earn ...', 'the
    national median'); with `short` False, a heading of any length (a page's title). A heading
    that names another country than the city's names two places ('Singapore & Hong Kong').

    The heading is read first: most name no city, and a short heading is cheaper to read
    than the sentence."""
    if short and len(heading) > _MAX_PLACE_HEADING:
        return None
    city = own_city(heading)  # not 'Data engineers outside London: what are you paid?'
    if city is None or find_places(own, "countries") or find_places(own, "regions"):
        return None
    if any(country != city_country(city) for country in find_places(heading, "countries")):
        return None
    return None if vocabulary("salary_terms", "salary_words", "elsewhere").search(own) else city


@cache
def _level_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    salary = load_data("salary_terms")
    needs_role = set(salary["experience_level_rules"]["needs_role"])
    dated = set(salary["experience_level_rules"]["dated"])
    # 'mid 2025', 'mid-March': a time, no level
    undated = rf"(?![\w-])(?!\s+(?:(?:19|20)\d\d|{month_alternation()})\b)"
    roles = salary["roles"]
    follow = "|".join(
        escape_phrase(w)
        for w in [*roles["heads"], *roles["fields"], *salary["experience_level_rules"]["nouns"]]
    )
    # 'lead engineers', and 'staff and principal engineers' names both levels
    role_after = rf"(?=(?:\s+(?:and|or|&)\s+[\w-]+)?[\s/-]+(?:{follow})s?\b)"
    out = []
    for level, words in salary["experience_level"].items():
        ordered = sorted(words, key=len, reverse=True)
        # 'シニア', '신입': inside a run of their script
        unspaced = [phrase_tokens(word) for word in ordered if is_unspaced(word)]
        spaced = [
            [
                *phrase_tokens(word),
                role_after if word in needs_role else undated if word in dated else r"(?![\w-])",
            ]
            for word in ordered
            if not is_unspaced(word)
        ]
        # opening with the words' first characters, as `_phrase_pattern`'s, when some are
        # spaced (with none, `_first_scanned` leaves out the test of the character before)
        scanned = _first_scanned(spaced, unspaced, 0, after="") if spaced else None
        if scanned is None:
            either = [*(rf"(?<![\w-]){''.join(t)}" for t in spaced), *map("".join, unspaced)]
            # one quick test first: no letter of a spaced script before
            scanned = rf"(?<![^\W{UNSPACED_SCRIPTS}])(?:{'|'.join(either)})"
        out.append((level, gated(re.compile(scanned, re.IGNORECASE))))
    return tuple(out)


@lru_cache(maxsize=1024)
def find_experience_level(text: str) -> str | None:
    """The one experience level `text` names, or None when it names none or several.

    >>> find_experience_level("Senior ML engineers earn $180K")
    'senior'
    >>> find_experience_level("Python leads the way") is None
    True
    >>> find_experience_level("Mid — median"), find_experience_level("in mid 2025 pay rose")
    ('mid', None)
    """
    found = {level for level, pattern in _level_patterns() if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def names_level(text: str) -> bool:
    """Whether `text` names an experience level, one or several ('mid-level ..., senior ...')."""
    return any(pattern.search(text) for _, pattern in _level_patterns())


# Years as a frame states them: '5+ years', '0–2 yrs', '5 to 9 years', 'less than 1 year',
# in words too ('three to five years'), as European guides write them ('0–2 Jahre', '3 ans',
# '5 años'); `_years_patterns` puts in the number ({number}). A forum's '4 YOE' ('years of
# experience') says what the years are by itself.
_YEAR_WORDS = r"years?|yrs?|jahre?n?|j(?=\.)|ans|años|anos|anni"  # "J." is Jahre
_YEARS = (
    r"(?:(?P<under>less\s+than|under|fewer\s+than|moins\s+de|menos\s+de|unter|<)\s*"
    r"|(?P<over>more\s+than|over|plus\s+de|más\s+de|mais\s+de|über|oltre|>)\s*)?"
    r"(?P<low>{number})\s*\+?"
    # ('0 à 2 ans', 'de 3 a 5 años', '3 bis 5 Jahre': the range words of other languages)
    r"(?:\s*(?:-|–|—|to|à|a|bis)\s*(?:{number})\s*\+?)?\s*(?:"
    + _YEAR_WORDS
    + r"|(?P<yoe>yoe))(?![\w-])"
    r"(?P<upto>\s+(?:or\s+(?:less|fewer|under)|and\s+under))?"
)
_YEAR_NOUN = re.compile(rf"\b(?:{_YEAR_WORDS}|yoe)\b", re.IGNORECASE)


@cache
def _years_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(years said to be experience by a word before or after them, a label of years only)."""
    words = load_data("salary_terms")["experience_years"]["words"]
    years = _YEARS.format(number=rf"\d{{1,2}}(?:\.\d)?|zero|{cardinal_pattern()}")
    after = phrase_alternation(sorted(words["after"], key=len, reverse=True))
    before = phrase_alternation(sorted(words["before"], key=len, reverse=True))
    said = (
        rf"(?<![\w.-])(?P<lead>(?:{before})\s*:?\s*(?:of\s+)?|\(\s*)?{years}"
        rf"(?P<tail>['’]?\s*(?:of\s+)?(?:[\w-]+\s+){{0,2}}?(?:{after})(?![\w-]))?"
    )
    # ... or the whole label, with what closes it ('(5-9 yrs)', '0–2 years:', '10+ years –',
    # '20 years or more')
    alone = (
        rf"[\s(\[:]*(?:(?:{before})\s*:?\s*)?{years}(?:\s+{_OPEN_YEARS})?(?:\s*(?:{after}))?"
        r"[\s)\].:|–—-]*"
    )
    return re.compile(said, re.IGNORECASE), re.compile(alone, re.IGNORECASE)


# Words after a number of years that leave it open: '20 years or more', '10 years and over'.
_OPEN_YEARS = r"(?:or\s+(?:more|longer|over|above)|(?:and|&)\s+(?:over|above|up))"


def years_level(text: str) -> str | None:
    """The experience level the years of experience in `text` give (the bands of
    data/salary_terms.toml `experience_years`), or None when it states none or several levels.

    >>> years_level("Engineers with 0-2 years of experience earn ₹6 LPA")
    'entry'
    >>> years_level("5-9 years"), years_level("(10+ yrs)"), years_level("mid-career (5–9 yrs)")
    ('mid', 'senior', 'mid')
    >>> years_level("20 years or more"), years_level("10 yrs & above")
    ('senior', 'senior')
    >>> years_level("At three to five years of experience, ML engineers get ...")
    'mid'
    >>> years_level("I'm at 4 YOE and make 26 LPA"), years_level("10+ YOE")
    ('mid', 'senior')
    >>> years_level("ML Eng  |  Seattle, WA  |  YOE 6"), years_level("YOE: 0")
    ('senior', 'entry')
    >>> years_level("those with two years or less"), years_level("After five years, most earn")
    ('entry', 'mid')
    >>> years_level("The market will double in 5 years") is None
    True
    >>> years_level("Professional (3–5 J.)"), years_level("(6+ J.)")
    ('mid', 'senior')
    >>> years_level("More than 10 years:"), years_level("over 3 years of experience")
    ('senior', 'mid')
    >>> years_level("more than 5 years of experience"), years_level("zero to two years")
    ('senior', 'entry')
    """
    if not has_digit(text, 0, len(text)) and not _YEAR_NOUN.search(text):
        return None
    said, alone = _years_patterns()
    whole = alone.fullmatch(text)
    matches = (
        [whole] if whole else [m for m in said.finditer(text) if m["lead"] or m["tail"] or m["yoe"]]
    )
    bands = load_data("salary_terms")["experience_years"]["bands"]
    lows = [
        0
        if match["under"] or match["upto"] or match["low"].lower() == "zero"
        else int(float(cardinal_value(match["low"]) or match["low"]))
        + bool(match["over"])  # 'more than 5 years' is 6 at the fewest
        for match in matches
    ]
    lows += [int(float(match["low"])) for match in _YOE_FIRST.finditer(text)]  # 'YOE 6'
    levels = {
        max((start, level) for level, start in bands.items() if start <= low)[1] for low in lows
    }
    return levels.pop() if len(levels) == 1 else None


# Years of experience written after their abbreviation, as a post header gives them ('Seattle,
# WA  |  YOE 6', 'YOE: 3').
_YOE_FIRST = re.compile(r"(?<![\w-])yoe\s*:?\s*(?P<low>\d{1,2}(?:\.\d)?)\+?(?![\w.-])", re.I)


def amounts(text: str, start: int, end: int) -> list[Amount]:
    """Numbers in `text[start:end]` with ranges and multiples repaired (see `Amount`)."""
    if not has_digit(text, start, end):
        return []  # every figure `find_quantities` reads has a digit; most cells and labels none
    spans = _spans_read(text)
    found = spans.get((start, end))
    if found is None:
        found = spans[start, end] = _amounts(text, start, end)
    return list(found)


@lru_cache(maxsize=64)
def _spans_read(text: str) -> dict[tuple[int, int], tuple[Amount, ...]]:
    """What `amounts` read of each span of the last texts read: every extractor reads the same
    sentences and cells of a document, and a table of 50,000 rows reads each cell three times
    (its column's kind, its row's kind, its claim), which a cache of a fixed number of spans
    had forgotten between the reads."""
    return {}


def _amounts(text: str, start: int, end: int) -> tuple[Amount, ...]:
    """`amounts`, read anew."""
    found = []
    dollar = None  # what a bare '$' means here, looked up at the first one: most texts have none
    for q in find_quantities(text, start, end):
        if q.value is None:
            continue
        unit = q.unit
        if unit == "USD" and bare_dollar(q.raw):
            if dollar is None:  # unless the page states its dollar, the one dollar country
                # the span's words name ('in Sydney'), else its section's or page's
                named = None if stated_dollar(text) else named_dollar(text, start, q.start)
                dollar = named or dollar_at(text, start)
            unit = dollar
        elif unit and (sign := shared_sign(q.raw)):  # 'kr': the page's section or home decides
            unit = shared_currency_at(text, q.start, sign)
        elif unit and names_grade(q.raw, unit):
            continue  # 'band N1', 'the N3 grade': a label, no figure
        elif unit:
            unit = home_currency(text, q.raw, unit)  # 'R 4.3' is no rand off a South African page
            # 'Rs. 90,000' on a Pakistani page is the Pakistani rupee
            unit = unit and borrowed_currency(text, q.start, q.raw, unit)
        elif q.scale in _PAY_SCALES and (
            _periodic_pay(text, q, start, end) or _pay_thousands(text, q.start, q.end, start, end)
        ):
            # 'Base 165k, bonus ~15k', 'fixed 27L': the currency of the sum before it ('CAD 142k
            # base, around 12k bonus'), else the one the page's money is written in
            before = next((a.unit for a in reversed(found) if a.is_money), None)
            unit = before or _bare_sum_money(text, q.start)
        found.append(
            Amount(
                q.start, q.end, q.value, q.value_high, unit, q.pay_period, q.scale, q.raw, q.bound
            )
        )
    merged: list[Amount] = []
    for amount in found:
        previous = merged[-1] if merged else None
        if previous is not None and _joins_range(text, previous, amount):
            merged[-1] = Amount(
                previous.start,
                amount.end,
                previous.value * _scale_ratio(previous, amount),
                amount.value,
                amount.unit,
                amount.pay_period,
                amount.scale,
                text[previous.start : amount.end],
            )
        else:
            merged.append(_as_multiple(text, amount, end))
    return tuple(merged)


# The scales a bare figure of pay is written in on forums: thousands ('165k') and lakhs ('27L').
_PAY_SCALES = frozenset({"k", "K", "L"})


def _pay_thousands(text: str, figure_start: int, figure_end: int, start: int, end: int) -> bool:
    """Whether a bare 'k' or 'L' figure ('165k', '27L') is pay by the word right next to it: a
    part of a package or a pay word ('Base 165k', '198k base', 'TC around 210k', '30k/yr in
    RSUs', 'fixed 27L', '171k of that as base'); or by a pay word earlier in its sentence when
    the figure ends its phrase ('the median total comp in Seattle is about 330k, and the middle
    half runs from 290k to 375k'; not 'a salary survey of 12k engineers')."""
    if _GROSS_NET.match(text, figure_end, end):
        return True  # '41k gross, options I can't value'; not '12k net new jobs'
    if _counts(text, figure_end, end):
        return False  # '12k engineers', '5k followers', 'offered 3k scholarships'
    if _OFFERED.search(text, max(start, figure_start - 20), figure_start):
        return True  # 'Tel Aviv: offered 27k at a fintech'
    if _ALONE.fullmatch(text, start, end) and _EXPERIENCE.search(_line_before(text, start)):
        return True  # '... in Jerusalem, 1.5 YOE. 23k.': the sum its poster's line leads to
    near = text[max(start, figure_start - 20) : min(end, figure_end + 16)]
    if _pay_word().search(near) is not None:
        return True
    return (
        _PHRASE_END.match(text, figure_end, end) is not None
        and _pay_word().search(text, start, figure_start) is not None
    )


def _periodic_pay(text: str, quantity: Quantity, start: int, end: int) -> bool:
    """Whether a bare 'k' figure is pay by the period it is written per ('44k/month in Tel
    Aviv'): not in brackets ('car (4.5k/month taxable value)') nor counting what follows it
    ('50k/month unique visitors', '2k a month new openings')."""
    return (
        quantity.pay_period is not None
        and open_bracket_before(text, start, quantity.start) is None
        and not _counts(text, quantity.end, end)
    )


def _counts(text: str, figure_end: int, end: int) -> bool:
    """Whether the word right after a figure names what it counts ('12k engineers', '5k
    followers'), not a word that may follow a sum of pay ('165k in NYC', '140k at a bank')."""
    counted = _WORD_AFTER.match(text, figure_end, end)
    return (
        counted is not None
        and counted["word"].lower() not in _MAY_FOLLOW_PAY
        and not _pay_word().match(text, counted.start("word"), end)
    )


# Pay before tax or after it, right after a figure of thousands, ending its phrase or followed
# by its period ('41k gross, ...', '38k net a month'); not 'net new jobs'.
_GROSS_NET = re.compile(
    r"[ \t]+(?:gross|net|brutto|netto|brut)\b(?=\s*(?:[,.;:)!]|$|per\b|a\s+(?:year|month)\b|/))",
    re.IGNORECASE,
)
# A poster's years of experience: the line a bare sum alone after it is the pay of ('1.5 YOE.').
_EXPERIENCE = re.compile(
    r"\bYOE\b|\byears?\s+of\s+experience\b|\b\d+(?:\.\d+)?\+?\s*(?:yrs?|years)\b[^?]*[.!]\s*$",
    re.IGNORECASE,
)
# An offer's word right before its sum ('offered 27k', 'an offer of ~150k').
_OFFERED = re.compile(r"\boffer(?:ed|s)?\s+(?:of\s+)?(?:about\s+|around\s+|~\s*)?\Z", re.I)
# A sentence that is a figure alone ('23k.'), and the stretch of its line before it.
_ALONE = re.compile(r"[\s*_~]*[\d.,]+\s*[kKL][\s.!*_]*")


def _line_before(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : start]


# The word right after a figure, and the words that may follow a sum of pay without naming
# what it counts ('310k not counting sign-on', '165k in NYC', '140k at a bank').
_WORD_AFTER = re.compile(r"[ \t]+(?P<word>[^\W\d_]+)\b")
_MAY_FOLLOW_PAY = frozenset(
    {"a", "an", "per", "in", "at", "and", "or", "to", "plus", "with", "not", "from", "for", "of"}
    | {"usd", "all", "total", "yr", "year", "pa", "after", "before", "gross", "net", "now", "on"}
)
# What may follow a figure that ends its phrase: a stop, a comma, a bracket, the end of the
# text, or a word that joins it to the next ('290k to 375k', '330k and').
_PHRASE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|$|\n|(?:and|or|to|plus)\b)")


@cache
def _pay_word() -> re.Pattern[str]:
    terms = load_data("salary_terms")
    words = [
        *terms["salary_words"]["strong"],
        *(w for ws in terms["component"].values() for w in ws),
    ]
    return phrase_pattern(tuple(words))


def _bare_sum_money(text: str, at: int) -> str | None:
    """The currency of a bare 'k' figure at `at` on a page whose sums come in several
    currencies (a forum thread's posts): that of the place its own line names ('Now 44k/month
    in Tel Aviv'), else the one the page's scope line states ('All numbers in NIS'), else that
    of the place a line above names ('MLE II at an insurtech in New York, 3 YOE.' / 'Base
    172k': US dollars), else the page's (`page_money`)."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    own = _place_money(text[line_start : line_end if line_end >= 0 else len(text)])
    if own:
        return own
    stated = stated_currency(text)
    if stated:
        return stated
    above = (_place_money(line) for line in _lines_above(text, line_start))
    return next((money for money in above if money), None) or page_money(text)


def _place_money(line: str) -> str | None:
    """The currency of the place a line names: its city first, else its country or its one
    state ('fully remote, living in Ohio')."""
    city = find_city(line)
    country = (city_country(city) if city else None) or single_country(line)
    states = [] if country else find_places(line, "states")
    if len(states) == 1:  # 'living in Ohio': its country's
        country = state_country(states[0])
    return country_currency(country) if country else None


def _lines_above(text: str, line_start: int) -> Iterator[str]:
    """The lines right above a line, nearest first, up to a blank one: an offer's first line
    names its place ('Offer A - BigCo, L5 MLE, NYC') over its 'Base: 215k' lines."""
    end = line_start - 1
    for _ in range(_MAX_LINES_ABOVE):
        if end <= 0:
            return
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return
        yield line
        end = start - 1


# How far up a bare figure's line looks for the place its lines are about.
_MAX_LINES_ABOVE = 6


@lru_cache(maxsize=16)
def page_money(text: str) -> str | None:
    """The currency a page's sums are written in, for a figure written with none ('Base 165k'):
    the currency its scope line states ('Numbers are USD unless you say otherwise'); else its
    dollar (`dollar_at` the figure) when dollars are most of its sums ('$95/hr', 'CAD
    142k'), else the one other currency two thirds of them are in ('£62,000'); else None."""
    stated = stated_currency(text)
    if stated:
        return stated
    counts: Counter[str] = Counter()
    for q in find_quantities(text, 0, len(text)):
        if q.unit and _CURRENCY_CODE.match(q.unit):
            counts["$" if writes_dollar(q.unit) else q.unit] += 1
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    if n * 3 < 2 * counts.total():
        return None
    return page_dollar(text) if code == "$" else code


def bare_dollar(raw: str) -> bool:
    """Whether a US-dollar figure was written with a bare '$' only, which a page whose money is
    Australian or Canadian dollars uses for its own dollar (see `page_dollar`)."""
    return bool(_BARE_SIGN.search(raw)) and not _NAMED_US.search(raw)


def as_local_dollar(amount: Amount, code: str | None) -> Amount:
    """`amount` in `code`, a dollar, when it was written with a bare '$' ('$172,000' in a
    'United States' row, '$82,000' under 'Annual base (CAD)', '$160,000 at US companies' on a
    Canadian page); else unchanged."""
    if code and amount.unit != code and writes_dollar(code) and bare_dollar(amount.raw):
        return replace(amount, unit=code)
    return amount


def in_currency(amount: Amount, code: str, *, scaled: bool = False) -> Amount:
    """A bare figure as money in `code`, its digits grouped the way that money is written: '54.000'
    under a 'Salary (EUR)' header is 54,000 euros, as '54.000 €' is in prose. `scaled` (a scale
    word is applied after) keeps the English reading ('1.500' billion is 1.5); a figure written
    with a scale of its own ('72.5k'), a negative one or one whose grouping stays ambiguous
    keeps its plain reading.

    >>> bare = amounts("33.500 – 41.000", 0, 15)[0]
    >>> money = in_currency(bare, "EUR")
    >>> money.value, money.value_high, money.unit
    (33500.0, 41000.0, 'EUR')
    >>> in_currency(bare, "EUR", scaled=True).value
    33.5
    """
    money = replace(amount, unit=code)
    if amount.scale or amount.value < 0:
        return money
    digits = currency_digits(code)
    values = [
        read_figure(figure.group(), currency_digits=digits, scaled=scaled).value
        for figure in _FIGURE_DIGITS.finditer(amount.raw)
    ]
    if None in values or len(values) != (1 if amount.value_high is None else 2):
        return money
    return replace(money, value=values[0], value_high=values[1] if len(values) > 1 else None)


# The digits of one figure with its separators: '54.000', '1,234.50', "132'400".
_FIGURE_DIGITS = re.compile(r"\d+(?:[.,'’]\d+)*")


def _joins_range(text: str, low: Amount, high: Amount) -> bool:
    # '35-40%' and '$80K to 120K' are ranges; '$80K - $120K' too, but 'from $8B to $96B' is a
    # change, so two amounts that both carry a unit join only across a dash.
    if low.value_high is not None or high.value_high is not None or high.unit is None:
        return False
    gap = text[low.end : high.start]
    dash, word, paired = _range_gaps()
    if low.unit is None:
        joined = bool(dash.fullmatch(gap) or word.fullmatch(gap))
    elif _RANGE_LEAD.search(text, max(0, low.start - 40), low.start) or _range_goes_on(
        text, low.start
    ):
        joined = low.unit == high.unit and bool(
            dash.fullmatch(gap) or word.fullmatch(gap) or paired.fullmatch(gap)
        )
    elif low.unit == "percent" and not _FROM.search(text, max(0, low.start - 30), low.start):
        joined = high.unit == "percent" and bool(dash.fullmatch(gap) or word.fullmatch(gap))
    else:
        joined = low.unit == high.unit and bool(dash.fullmatch(gap))
    return joined and low.value <= high.value * 1.0001


def _range_goes_on(text: str, start: int) -> bool:
    """Whether a figure opens the next range of a sentence that began with one ('will range
    from PLN 24,000 to PLN 30,000 for mid-level engineers and from PLN 30,000 to PLN 38,000
    for senior engineers', 'run from €70,000 to €90,000 in Berlin and from €80,000 to €105,000
    in Munich'): 'and from' before it, a range's lead earlier in its sentence."""
    if not _AND_FROM.search(text, max(0, start - 12), start):
        return False
    earlier = text[max(0, start - _RANGE_REACH) : start]
    stop = max(earlier.rfind(". "), earlier.rfind("\n"))
    return _RANGE_OPENING.search(earlier, stop + 1) is not None


_AND_FROM = re.compile(r"(?:,|\band|;)\s+from\s+$", re.IGNORECASE)
_RANGE_OPENING = re.compile(
    rf"(?:\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying))|{_RANGE_VERBS})\s+from\s", re.I
)
# How far back in its sentence the range before it may open.
_RANGE_REACH = 160


@cache
def _range_gaps() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What may stand between two figures of one range (quantity_words [ranges]): a dash, a
    range word ('to', 'bis'), or the second word of a pair after its opener ('between A and B')."""
    ranges = load_data("quantity_words")["ranges"]
    seconds = {second for pair in ranges["paired"].values() for second in pair}

    def gap(words: list[str] | set[str], spaced: str) -> re.Pattern[str]:
        body = "|".join(re.escape(w) for w in by_length(words))
        return re.compile(rf"{spaced}(?:{body}){spaced}", re.IGNORECASE)

    return gap(ranges["dashes"], r"\s*"), gap(ranges["words"], r"\s+"), gap(seconds, r"\s+")


def _scale_ratio(low: Amount, high: Amount) -> float:
    # '35-40%' keeps 35; '$3-5 million' has its scale on the high end only.
    if high.is_money and low.value < high.value / 100:
        return high.value / _bare(high)
    return 1.0


def _bare(amount: Amount) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", amount.raw)
    return float(digits.group().replace(",", "")) if digits else 1.0


@cache
def _multiplier_pattern() -> re.Pattern[str]:
    words = load_data("market_terms")["growth"]["multipliers"]
    alternatives = phrase_alternation(sorted(words, key=len, reverse=True))
    return re.compile(rf"\s?{alternatives}(?![\w])", re.IGNORECASE)


def _as_multiple(text: str, amount: Amount, end: int) -> Amount:
    if amount.unit is not None:
        return amount
    match = _multiplier_pattern().match(text, amount.end, end)
    if not match:
        return amount
    return Amount(
        amount.start,
        match.end(),
        amount.value,
        amount.value_high,
        "ratio",
        None,
        None,
        text[amount.start : match.end()],
    )


def plain_years(text: str, start: int, end: int, *, skip: list[Amount]) -> list[tuple[int, int]]:
    """(position, year) of years in the span that are not inside an amount, a date range or a
    press release's dateline ('NEW YORK, Jan. 15, 2025 /PRNewswire/ -- ...': the release's
    date, not its figures').

    'by 2027' stays (a target year); 'between 2017 and 2025' and 'since 2015' do not.
    """
    ranges = [(p.start, p.end) for p in find_periods(text, start, end) if p.year_start is not None]
    ranges += [m.span() for m in _datelines(text, start, end)]
    taken = ranges + [(a.start, a.end) for a in skip if a.unit is not None]
    return [
        (y_start, year)
        for y_start, y_end, year in find_years(text, start, end)
        if not any(a <= y_start and y_end <= b for a, b in taken)
    ]


def after_dateline(text: str) -> str:
    """`text` past a press release's dateline, if it opens with one ('Austin, Texas, Feb. 3,
    2026 (Newswire) -- The market ...'): the place there is where the release was issued."""
    match = next(_datelines(text, 0, _DATELINE_REACH), None)
    return text[match.end() :] if match else text


def _datelines(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The datelines in `text[start:end]`: none where the span has no dash, which each ends with
    (most sentences: the dateline pattern is not run over them)."""
    if _DATELINE_DASH.search(text, start, end) is None:
        return iter(())
    return _dateline().finditer(text, start, end)


_DATELINE_DASH = re.compile("--|—|–")


# How far into a sentence its dateline may end.
_DATELINE_REACH = 120


@cache
def _dateline() -> re.Pattern[str]:
    """A press release's dateline: a written date, an optional wire tag and a dash ('March 12,
    2025 /PRNewswire/ --', '15 January 2025 (GLOBE NEWSWIRE) —'), after its city."""
    months = month_alternation()
    return re.compile(
        rf"(?:{months}\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?\s{months}\.?,?)"
        r"\s(?:19|20)\d\d\s*(?:/[^/\n]{2,40}/|\([^)\n]{2,40}\))?\s*(?:--|—|–)\s"
    )


def periods(text: str, start: int, end: int) -> list[tuple[int, int, int | None, int | None]]:
    """(start, end, year_start, year_end) of date ranges and 'since' phrases in the span."""
    return [
        (p.start, p.end, p.year_start, p.year_end)
        for p in find_periods(text, start, end)
        if p.year_start is not None
    ]


# A share of working time: 'Share of an average week', '% of their time', 'Percent of a
# typical workday' (not 'Share of the week's postings', nor where 'the working week' is spent).
_TIME_SHARE = re.compile(
    r"(?:share|%|percent|proportion)\s+of\s+(?:(?:an?|the)\s+(?:average|typical)\s+(?:working\s+"
    r"|work\s+)?(?:week|workweek|day|workday)|(?:their\s+|your\s+)?(?:working\s+|work\s+)?time)"
    r"(?![\w'’])(?!\s+(?:spent\s+)?(?:at|in|on)\b)",
    re.IGNORECASE,
)


def time_share(header: str) -> bool:
    """Whether a percent column divides the working time of the people a table is about: its
    rows are their activities ('Data preparation | 31%'), not tools they use."""
    return _TIME_SHARE.search(header) is not None


def written_sign(text: str, amount: Amount) -> int | None:
    """+1 or -1 for a figure written with its sign ('+41%', '-11%', '−6%') or a dashboard's
    arrow before it ('▲ 9.4%', '▼ 3.1%'), else None: the figure scanner reads the number
    without it.

    >>> line = "Data scientist: -11% postings, analysts 12%, ML ▼ 3.1%"
    >>> [written_sign(line, a) for a in amounts(line, 0, len(line))]
    [-1, None, -1]
    """
    return sign_before(text, amount.start)


def sign_before(text: str, at: int) -> int | None:
    """`written_sign` of the figure that starts at `at`."""
    arrow = text[at - 2] if at > 1 and text[at - 1] == " " else text[at - 1] if at else ""
    if arrow in _ARROWS:
        return _ARROWS[arrow]
    if at == 0 or text[at - 1] not in _SIGNS or (at > 1 and text[at - 2].isalnum()):
        return None  # '2023-11%' or a dash between words is no sign
    return 1 if text[at - 1] == "+" else -1


_SIGNS = "+-−"
_ARROWS = {"▲": 1, "↑": 1, "⬆": 1, "▼": -1, "↓": -1, "⬇": -1, "🔻": -1}

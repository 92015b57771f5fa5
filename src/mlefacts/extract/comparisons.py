"""Comparisons between roles stated in prose: one claim per sentence that contrasts two roles.

Four shapes, each needing two different roles (a comparison of a role with itself is none):

- a clause cue: 'Data scientists focus on X, whereas ML engineers focus on Y'; 'Whereas A ...,
  B ...'; 'A ..., while B ...' (a role in each clause);
- a lead cue: 'Unlike data scientists, ML engineers ...'; 'Compared with A, B ...'; '... much
  like that of a data scientist';
- an adverb cue: 'In contrast, ML engineers ...'; 'B, on the other hand, ...'; 'However, B ...',
  the other role named earlier in the sentence or in the sentence before;
- a relation: 'ML engineers out-earned data scientists', 'the difference between A and B is ...'.

Two roles placed in a ranking ('A was the most posted title, while B came second') are not
compared.

Comparison tables are read by `extract.tables`; the cue vocabularies live in
`data/prose_terms.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import Sentence, phrase_alternation, prose_spans
from mlefacts.extract.cues import Keys, declare, spans_holding, word_keys
from mlefacts.extract.grammar import (
    Role,
    cue_pattern,
    flat,
    is_question,
    prose_terms,
    roles_in,
    sentence_roles,
    sentences_with_previous,
    states_a_figure,
)
from mlefacts.extract.rank_marks import prose_marker
from mlefacts.extract.sections import vocabulary_pattern
from mlefacts.extract.verbs import find_verbs
from mlefacts.normalize.numbers import cardinal_pattern
from mlefacts.toml_files import load_data

NAME = "comparisons"
VERSION = "6"

# 'while', 'where', 'but' and 'yet' join two clauses only at a sentence start or after a comma.
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:]\s*|\(\s*)$")
_CLAUSE_BREAK = re.compile(r"[,;:]")
# How far back an adverb cue opening a section ('## Research scientists' / 'Research scientists,
# on the other hand, ...') looks for the role it contrasts with, in characters.
_LOOKBACK = 300


@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparison sentence: the role it is about, the role it is set against, the cue;
    `previous` when the other role is the subject of the sentence before ('Data scientists
    explore data. ML engineers, by contrast, ...'): both sentences state the comparison."""

    subject: str
    other: str
    cue: str
    previous: bool = False


def extract(doc: Document) -> list[Claim]:
    """Comparison claims from the document's prose sentences."""
    claims: list[Claim] = []
    for sentence, previous, found in _comparisons(doc):
        start = previous.start if found.previous and previous is not None else sentence.start
        if sentence.end - start > MAX_QUOTE:
            start = sentence.start
        if sentence.end - start > MAX_QUOTE:
            continue
        claims.append(
            Claim(
                kind="comparison",
                subject=found.subject,
                attribute="comparison",
                char_start=start,
                char_end=sentence.end,
                extractor=NAME,
                text=flat(doc.text[start : sentence.end]),
                qualifiers={"compared_with": found.other, "cue": found.cue},
            )
        )
    return claims


def contrasted(doc: Document) -> frozenset[int]:
    """The starts of the sentences that state a comparison: 'ML engineers, by contrast, ship
    models' states no plain duty ('Data scientists explore data.' before it still does)."""
    return frozenset(sentence.start for sentence, _, _ in _comparisons(doc))


@lru_cache(maxsize=8)
def _comparisons(doc: Document) -> tuple[tuple[Sentence, Sentence | None, Comparison], ...]:
    """Every comparison sentence of the document, with the sentence before it."""
    found: list[tuple[Sentence, Sentence | None, Comparison]] = []
    pairs = sentences_with_previous(doc)
    # every cued shape needs a cue
    cued = set(spans_holding(doc.text, prose_spans(doc), _cue_keys()))
    compared = _comparing_blocks(doc)
    for index, (sentence, previous) in enumerate(pairs):
        comparison = None
        if index in cued:
            comparison = compare(doc, sentence.start, sentence.end, previous)
        if comparison is None and sentence.block_index in compared:
            comparison = _by_parallel(doc.text, sentence, previous)
        if comparison is not None:
            found.append((sentence, previous, comparison))
    return tuple(found)


def _by_parallel(text: str, sentence: Sentence, previous: Sentence | None) -> Comparison | None:
    """Two roles as the subjects of two clauses side by side, in a section that compares roles:
    'Data scientists spend their week in notebooks. ML engineers spend theirs in code review.'
    or '... hand over a prototype; ML engineers rebuild it for scale'."""
    start, end = sentence.start, sentence.end
    if is_question(text[start:end]) or states_a_figure(text, start, end):
        return None
    second = _subject_role(text, start, end)
    for brk in re.finditer(r";", text[start:end]):
        later = _subject_role(text, start + brk.end(), end)
        if second is not None and later is not None and later != second:
            return Comparison(subject=later, other=second, cue="parallel")
    if second is None or previous is None or previous.block_index != sentence.block_index:
        return None
    if is_question(text[previous.start : previous.end]):
        return None
    if states_a_figure(text, previous.start, previous.end):
        return None
    first = _subject_role(text, previous.start, previous.end)
    if first is None or first == second:
        return None
    return Comparison(subject=second, other=first, cue="parallel", previous=True)


# What may come before a clause's subject role: markup, an article, a quantifier.
_SUBJECT_LEAD = re.compile(r"[\s*_\"'“(]*(?:(?:an?|the|most|many|some|all|typical)\s+)?$", re.I)


def _subject_role(text: str, start: int, end: int) -> str | None:
    """The role a clause opens with, as its subject ('Data scientists spend ...')."""
    roles = roles_in(text, start, min(end, start + 80))
    if not roles or not _SUBJECT_LEAD.fullmatch(text, start, roles[0][0]):
        return None
    return roles[0][2]


def _comparing_blocks(doc: Document) -> frozenset[int]:
    """The blocks under a heading that compares roles ('How the two jobs differ', 'Data
    scientist or ML engineer?'), itself or one it sits under, the page title included."""
    blocks: set[int] = set()
    open_headings: list[tuple[int, bool]] = []  # (level, compares roles)
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            while open_headings and open_headings[-1][0] >= block.level:
                open_headings.pop()
            open_headings.append((block.level, _compares(doc.span_text(block))))
        elif any(map(itemgetter(1), open_headings)):
            blocks.add(index)
    return frozenset(blocks)


def _compares(heading: str) -> bool:
    if cue_pattern("comparison", "heading_cues").search(heading):
        return True
    return len({role for *_, role in roles_in(heading, 0, len(heading))}) >= 2


def compare(
    doc: Document, start: int, end: int, previous: Sentence | None = None
) -> Comparison | None:
    """The comparison the prose sentence doc.text[start:end] states, if any (`previous`: the
    sentence before it). Every shape needs a cue: ask only of sentences that may hold one
    (`_cue_keys`), as `_comparisons` does; it reads their roles from `sentence_roles`.

    >>> from mlefacts.document.build import build_document
    >>> def page(text):
    ...     return build_document(source_id="d", text=text, media_type="text/plain")
    >>> found = compare(page("Unlike data scientists, ML engineers ship code."), 0, 47)
    >>> found.subject, found.other, found.cue
    ('machine learning engineer', 'data scientist', 'unlike')
    >>> compare(page("ML engineers and data scientists share some skills."), 0, 51) is None
    True
    """
    text = doc.text
    roles = sentence_roles(doc, start, end)
    if not roles or is_question(text[start:end]):
        return None
    if states_a_figure(text, start, end):
        # a figure states its own fact; a clause of words set against it still compares
        # ('Data scientists average ₹11.2 LPA, whereas ML engineers are paid more because they
        # also own deployment'), not 'whereas ML engineers earn ₹14 LPA'
        return _by_clause(text, start, end, roles, worded=True)
    if len({role for *_, role in roles}) < 2:  # the other role can only be in the sentence before
        return _by_adverb(doc, start, end, roles, previous)
    return (
        _by_clause(text, start, end, roles)
        or _by_lead(text, start, end, roles)
        or _by_adverb(doc, start, end, roles, previous)
        or _by_relation(text, start, end, roles)
    )


@cache
def _adverbs() -> re.Pattern[str]:
    terms = prose_terms()["comparison"]
    return vocabulary_pattern([*terms["adverb_cues"], *terms["linking_adverbs"]])


@cache
def _linking() -> re.Pattern[str]:
    return vocabulary_pattern(prose_terms()["comparison"]["linking_adverbs"])


@cache
def _ranking() -> re.Pattern[str]:
    """A place in a ranking ('the most common title', 'came second', 'placed MLOps engineer
    eighth'): a sentence that ranks two roles states where they placed, not how their work
    differs."""
    terms = load_data("ranking_terms")
    superlatives = phrase_alternation(terms["superlatives"])
    placing = phrase_alternation(terms["placing_verbs"])
    places = phrase_alternation([*terms["ordinal_words"], "top", "last"])
    ordinals = phrase_alternation(terms["ordinal_words"])
    nouns = phrase_alternation(terms["places"])
    # 'took third place', 'the runner-up', 'among the top 20', 'No. 4', 'topped the list'
    placed = (
        rf"(?:{ordinals})\s+(?:{nouns})|{phrase_alternation([*terms['second'], *terms['first']])}"
    )
    counted = (
        rf"top\s+(?:\d{{1,3}}|{cardinal_pattern()})"
        rf"|{prose_marker()}\d{{1,3}}"
    )
    return re.compile(
        rf"(?<!\w)(?:{superlatives}|{placing}\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{places}"
        rf"|{placed}|{counted})"
        rf"(?!\w)",
        re.I,
    )


@cache
def _cue_keys() -> Keys | None:
    """Words every cue holds (see `cues`). A cue holding another cue's key as a word is keyed
    on that one ('much like' on the 'like' of 'like that of', 'earn more than' on 'than'), not
    on its own longest word, which may be a common one ('much', 'more'): fewer sentences are
    then read for a comparison they cannot state."""
    terms = prose_terms()["comparison"]
    cues = [
        *terms["clause_cues"],
        *terms["lead_cues"],
        *terms["adverb_cues"],
        *terms["linking_adverbs"],
        *terms["relation_cues"],
    ]
    longest = word_keys(cues)
    if longest is None:
        return None
    shared = [cue for cue in cues if _holds_key(cue, longest, but=word_keys([cue]))]
    kept = word_keys([cue for cue in cues if cue not in shared]) or ()
    # a cue whose other cue went with its key keeps its own: every cue stays keyed
    return word_keys([*kept, *(cue for cue in shared if not _holds_key(cue, kept))])


def _holds_key(cue: str, keys: Sequence[str], *, but: Sequence[str] = ()) -> bool:
    """Whether a word of `cue` starts with one of `keys` other than those in `but`."""
    words = [word.rstrip("*").lower() for word in cue.split()]
    return any(word.startswith(key) for key in keys if key not in but for word in words)


declare(lambda: [_cue_keys()])


def _by_clause(
    text: str, start: int, end: int, roles: Sequence[Role], *, worded: bool = False
) -> Comparison | None:
    """Two roles as the subjects of the clauses a cue joins ('..., whereas ...'); `worded`:
    only when the second clause states no figure."""
    for cue in cue_pattern("comparison", "clause_cues").finditer(text, start, end):
        word = cue.group().lower()
        opening = bool(_CLAUSE_OPENING.search(text[start : cue.start()]))
        if word != "whereas" and not opening:
            continue
        if cue.start() == start or text[start : cue.start()].strip(" *_\"'“(") == "":
            brk = _CLAUSE_BREAK.search(text, cue.end(), end)
            if brk is None:
                continue
            first, second = (cue.end(), brk.start()), (brk.end(), end)
        else:
            first, second = (start, cue.start()), (cue.end(), end)
        one, two = _subject_of(text, roles, *first), _subject_of(text, roles, *second)
        if _ranking().search(text, *first) and _ranking().search(text, *second):
            continue  # 'A was the most posted title, while B came second' ranks, not compares
        if one and two and one != two and not (worded and states_a_figure(text, *second)):
            return Comparison(subject=two, other=one, cue=word)
    return None


def _by_lead(text: str, start: int, end: int, roles: Sequence[Role]) -> Comparison | None:
    for cue in cue_pattern("comparison", "lead_cues").finditer(text, start, end):
        compared = [r for r in roles if cue.end() <= r[0] <= cue.end() + 12]
        if not compared:
            continue
        other = compared[0][2]
        rest = [r[2] for r in roles if r[2] != other and not cue.start() <= r[0] < compared[0][1]]
        if rest:
            return Comparison(subject=rest[0], other=other, cue=cue.group().lower())
    return None


def _by_adverb(
    doc: Document, start: int, end: int, roles: Sequence[Role], previous: Sentence | None
) -> Comparison | None:
    text = doc.text
    for cue in _adverbs().finditer(text, start, end):
        clause_start = max(
            (m.end() for m in re.finditer(r"[;:]", text[start : cue.start()])), default=0
        )
        own = [r for r in roles if r[0] >= start + clause_start]
        if not own:
            continue
        subject = own[0][2]
        before = [r[2] for r in roles if r[0] < start + clause_start and r[2] != subject]
        earlier = False
        if not before and previous is not None:
            earlier_roles = sentence_roles(doc, previous.start, previous.end)
            before = [r[2] for r in earlier_roles if r[2] != subject]
            earlier = True
        elif not before and not _linking().fullmatch(cue.group()):  # past a heading
            back = max(0, start - _LOOKBACK)
            before = [r[2] for r in roles_in(text, back, start) if r[2] != subject]
        if before:
            cue_word = cue.group().lower()
            return Comparison(subject=subject, other=before[-1], cue=cue_word, previous=earlier)
    return None


def _by_relation(text: str, start: int, end: int, roles: Sequence[Role]) -> Comparison | None:
    distinct = {role for *_, role in roles}
    if len(distinct) < 2:
        return None
    first = roles[0]
    for cue in cue_pattern("comparison", "relation_cues").finditer(text, start, end):
        later = [r for r in roles if r[0] >= cue.end() and r[2] != first[2]]
        if first[1] <= cue.start() and later:
            return Comparison(subject=first[2], other=later[0][2], cue=cue.group().lower())
        if "between" in cue.group().lower():
            pair = [r for r in roles if r[0] >= cue.end()]
            if len({r[2] for r in pair}) >= 2:
                return Comparison(subject=pair[0][2], other=pair[1][2], cue=cue.group().lower())
        if "same" in cue.group().lower():
            # 'data scientists and ML engineers are on the same salary scale': two roles joined
            # as the subject, then what they have alike
            pair = [r for r in roles if r[1] <= cue.start()]
            if (
                len(pair) >= 2
                and pair[0][2] != pair[1][2]
                and _JOINED.fullmatch(text, pair[0][1], pair[1][0])
            ):
                return Comparison(subject=pair[0][2], other=pair[1][2], cue=cue.group().lower())
    return None


_JOINED = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)


def _subject_of(text: str, roles: Sequence[Role], start: int, end: int) -> str | None:
    """The first role of a clause when it is what the clause is about, not the object of a verb
    before it: 'Airflow helps data engineers, while MLflow helps ML engineers' sets two tools
    side by side, not two roles."""
    first = next((r for r in roles if start <= r[0] < end), None)
    if first is None:
        return None
    if find_verbs(text, start, first[0]) and not _RELATIVE.match(text, first[1], end):
        return None  # '... with data scientists, who focus on X': the relative clause is theirs
    return first[2]


_RELATIVE = re.compile(r",?\s+(?:who|whose)\b", re.I)

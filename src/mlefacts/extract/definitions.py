"""Definitions of a role, its field or its market: 'A Machine Learning Engineer is a professional
who ...', 'MLOps refers to ...', 'The machine learning market covers ...'.

Only sentences that open with a role, field or market noun phrase followed by 'is (basically)
a/an/the' or a defining verb ('refers to', 'is defined as', 'covers') and a reasonably long
predicate count ('The work of a data scientist is a blend of ...' defines the role, not
'The salary of ...'); evaluative sentences ('Python is a must', 'X is the biggest slice') do
not. In a glossary, the first sentence under a heading that is just a role name defines that role
('An AI research scientist invents new methods ...').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from mlefacts.document.model import Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Sentence,
    collect,
    find_roles,
    phrase_alternation,
    prose_sentences,
)
from mlefacts.extract.cues import Keys, declare, spans_holding, word_keys
from mlefacts.extract.grammar import cue_pattern, prose_terms, roles_in
from mlefacts.extract.sections import clean_text
from mlefacts.extract.titles import title_of
from mlefacts.extract.verbs import verb_at
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

NAME = "definitions"
VERSION = "6"


@cache
def _term() -> str:
    """The defined term at a sentence's start, after an opener ('Simply put,', 'In contrast,')
    and before an appositive ('X, also known as Y,', 'X, short for Y,', 'X, or Y,')."""
    terms = prose_terms()
    openers = phrase_alternation(
        [*terms["definition"]["openers"], *terms["comparison"]["adverb_cues"]]
    )
    return (
        r"^[*_\s]*(?:(?:a|answer)\s*:\s*)?"  # a Q&A page's answer label: 'A: An ML engineer is'
        rf"(?:(?:{openers}|[a-z]+ly),\s*)?"
        r"(?:the\s+term\s+)?"  # 'The term "AI specialist" refers to ...'
        r"(?:the\s+(?P<aspect>[a-z]+)\s+of\s+)?"  # 'the job of a data engineer is a ...'
        r"(?:(?:an?|the)\s+)?[\"“‘]?"
        r"(?P<term>[A-Za-z][\w/&-]*(?:\s+(?:\([^)]{1,12}\)|[\w/&-]+)){0,4}?)[\"”’]?"
        r"(?:\s+\((?P<alias>[^)]{1,30})\))?[*_]*(?:\s+(?:itself|themselves))?"
        r"(?:,\s*(?:also\s+|sometimes\s+|often\s+)?"
        r"(?:called|known\s+as|referred\s+to\s+as|short\s+for|or)\s[^,]{2,80},)?"
        rf"(?:,\s*(?:{openers}|however|[a-z]+ly),)?"  # 'An AI engineer, meanwhile, is a ...'
    )


@cache
def _shape() -> re.Pattern[str]:
    """'X is a/an/the ...', 'X is someone who ...'."""
    return re.compile(
        _term() + r"\s+is\s+(?:(?:basically|essentially|simply|primarily|mainly|generally|"
        r"usually)\s+)?(?:an?\s+|the\s+|(?=(?:someone|somebody|anyone)\s+(?:who|that)\b))"
        r"(?P<predicate>(?P<head>[\w-]+).*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _plural() -> re.Pattern[str]:
    """'Machine learning engineers are professionals who ...': a plural role, a class of people."""
    return re.compile(
        _term() + r"\s+are\s+(?:(?:basically|essentially|simply)\s+)?(?:the\s+)?"
        r"(?P<predicate>(?P<head>[\w-]+)(?:\s+[\w-]+){0,2}?\s+(?:who|that|whose)\b.*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _named() -> re.Pattern[str]:
    """'Think of an AI engineer as a developer who ...'; 'A developer who specialises in ... is
    known as a machine learning engineer': the term named after its description."""
    return re.compile(
        r"^[*_\s]*(?:(?:you\s+can\s+|just\s+)?think\s+of\s+(?:an?\s+|the\s+)?"
        r"(?P<term>[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,4}?)\s+as\s+(?:an?|the)\s+"
        r"(?P<predicate>.+)"
        r"|(?P<described>(?:an?|the|someone|somebody|anyone)\s.+?)\s+is\s+(?:often\s+|commonly\s+"
        r"|also\s+|usually\s+)?(?:known\s+as|called|referred\s+to\s+as|termed)\s+"
        r"(?:an?\s+|the\s+)?(?P<named>[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,4}?)\W*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _term_only() -> re.Pattern[str]:
    """The term alone: 'MLOps refers to ...' (the defining verb comes from the vocabulary)."""
    return re.compile(_term() + r"\s*", re.IGNORECASE)


# A glossary line: 'MLOps: the practice of ...', '**Feature store** — a shared service ...'.
_LABELLED = re.compile(
    r"^[*_\s]*(?P<term>[A-Za-z][\w/&-]*(?:\s+(?:\([^)]{1,30}\)|[\w/&-]+)){0,5}?)[*_]*\s*"
    r"(?::|—|–|\s-\s)[*_\s]*(?:an?|the)\s+(?P<predicate>(?P<head>[\w-]+).*)$",
    re.IGNORECASE | re.DOTALL,
)
# The first sentence under a heading that names or asks about a term, speaking of it without
# naming it: 'It is the practice of ...', 'A person who writes ...', 'Definition: a field of ...'.
_UNNAMED = re.compile(
    r"^[*_\s]*(?:definition\s*:\s*[*_\s]*)?(?:"
    r"(?:it|this|they)\s+(?:(?:is|are)\s+(?:an?|the)\s+|refers?\s+to\s+|means\s+|describes\s+)"
    r"(?P<head>[\w-]+)"
    r"|(?:an?|the)\s+(?P<noun>[\w-]+)(?:\s+[\w-]+){0,2}?\s+(?:who|that|which|of|in\s+which)\s)",
    re.IGNORECASE,
)
# What follows a label and is a statement, not a definition: 'Deep Learning: the segment was
# worth $14.8 billion', 'NLP: the share grew 12%'.
_STATEMENT = re.compile(r"[\w-]+\s+(?:is|was|are|were|has|had|will|grew|rose|fell)\b|.*\d", re.I)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_MAX_TERM_WORDS = 6
_PREPOSITIONS = frozenset({"of", "in", "for", "with", "to", "on", "at", "by", "from", "that"})


def extract(doc: Document) -> list[Claim]:
    """Definition claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME)


@cache
def _field_heads() -> frozenset[str]:
    return frozenset(load_data("salary_terms")["definitions"]["field_heads"])


@cache
def _judgements() -> frozenset[str]:
    return frozenset(load_data("salary_terms")["definitions"]["not_definitions"])


def _min_predicate() -> int:
    return int(load_data("salary_terms")["definitions"]["min_predicate_chars"])


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    own = doc.text[sentence.start : sentence.end]
    is_a, verbs = (sentence.start in cued for cued in _shaped(doc))
    term = (
        (_defined_term(own, is_a, verbs) if is_a or verbs else None)
        or _glossary_term(doc, sentence)
        or _plain_words_term(own)
        or _named_term(own)
    )
    if term is None:
        return []
    return [
        Claim(
            kind="definition",
            subject=normalize_subject(term),
            attribute="definition",
            char_start=sentence.start,
            char_end=sentence.end,
            extractor=NAME,
            text=" ".join(own.split()),
        )
    ]


@lru_cache(maxsize=8)
def _shaped(doc: Document) -> tuple[frozenset[int], frozenset[int]]:
    """The starts of the prose sentences that hold the keys of each shape (see `_shape_keys`)."""
    sentences = prose_sentences(doc)
    spans = [(sentence.start, sentence.end) for sentence in sentences]
    is_a, verbs = (
        frozenset(spans[index][0] for index in spans_holding(doc.text, spans, keys))
        for keys in _shape_keys()
    )
    return is_a, verbs


@cache
def _shape_keys() -> tuple[Keys, Keys | None]:
    """The keys of the two shapes (see `cues`): 'is' or 'are', and the defining verbs."""
    return Keys(("are", "is"), word_start=True), word_keys(prose_terms()["definition"]["verbs"])


declare(_shape_keys)


def _defined_term(sentence: str, is_a: bool = True, verbs: bool = True) -> str | None:
    """The role, field or market a sentence defines by its 'X is a ...' or 'X refers to' shape;
    `is_a` and `verbs` False skip a shape whose keys the sentence does not hold."""
    match = (_shape().match(sentence) or _plural().match(sentence)) if is_a else None
    if match is not None:
        if match.group("aspect") and not _defining_aspect(match.group("aspect")):
            return None
        term = match.group("term")
        if _is_role_or_field(term) and _defines(match.group("head"), match.group("predicate")):
            return term
        return None
    for verb in cue_pattern("definition", "verbs").finditer(sentence) if verbs else ():
        term = _term_only().fullmatch(sentence, 0, verb.start())
        predicate = sentence[verb.end() :].strip()
        if term is not None and len(predicate) >= _min_predicate():
            return term.group("term") if _is_role_or_field(term.group("term")) else None
    return None


def _glossary_term(doc: Document, sentence: Sentence) -> str | None:
    """A glossary entry: a line that labels its term ('MLOps: the practice of ...'), or the
    first sentence under a heading that names or asks about a role or field: opening with that
    role and a work verb ('An AI research scientist invents new methods ...') or speaking of the
    term without naming it ('It is the practice of ...', 'A person who writes prompts ...')."""
    block = sentence.block
    if doc.text[block.start : sentence.start].strip():
        return None  # not the entry's first sentence
    own = doc.text[sentence.start : sentence.end]
    labelled = _LABELLED.match(own)
    if labelled is not None and not _STATEMENT.match(labelled.group("predicate")):
        term = labelled.group("term")
        if _is_role_or_field(_PARENTHESES.sub("", term)) and _defines(
            labelled.group("head"), labelled.group("predicate")
        ):
            return term
    if block.kind != "paragraph" or block.section is None:
        return None
    if sentence.block_index != block.section + 1:
        return None
    heading = clean_text(doc.span_text(doc.blocks[block.section]))
    unnamed = _UNNAMED.match(own)
    if unnamed is not None and len(own) >= _min_predicate():
        word = unnamed.group("head") or unnamed.group("noun")
        term = _asked_term(heading)
        if term and word.lower() not in _judgements() and _defining_aspect(word):
            return term
    named = roles_in(heading)
    if len(named) != 1 or named[0][1] < len(heading) - 1 or len(heading.split()) > 5:
        return None  # the heading is a role name, not a sentence about one
    text = doc.text
    roles = roles_in(text, sentence.start, min(sentence.end, sentence.start + 40))
    if not roles or roles[0][2] != named[0][2] or roles[0][0] - sentence.start > 15:
        return None
    verb = verb_at(text, roles[0][1] + 1, sentence.end)
    if verb is None or verb.form != "s":
        return None
    return heading


def _asked_term(heading: str) -> str | None:
    """The role or field a heading names or asks about ('What is MLOps?', 'Prompt engineer',
    'What does a data steward do?' asks about duties, not a meaning)."""
    text = heading.strip(" *_#:").rstrip("?").strip()
    lowered = text.lower()
    for question in sorted(prose_terms()["definition"]["heading_questions"], key=len, reverse=True):
        if lowered.startswith(question + " "):
            text = text[len(question) + 1 :]
            break
    text = re.sub(r"^(?:an?|the)\s+|\s+(?:mean|meaning|definition)$", "", text, flags=re.I)
    term = _PARENTHESES.sub("", text).strip()
    words = term.split()
    if not words or len(words) > _MAX_TERM_WORDS:
        return None
    return term if _is_role_or_field(term) or title_of(term) else None


def _plain_words_term(sentence: str) -> str | None:
    """'In simple terms, an ML engineer turns a prototype into a product': an opener that
    announces a definition, then a role and what it does."""
    opener = _opener().match(sentence)
    if opener is None or len(sentence) - opener.end() < _min_predicate():
        return None
    roles = roles_in(sentence, opener.end(), min(len(sentence), opener.end() + 60))
    if not roles or roles[0][0] != opener.end():
        return None
    verb = verb_at(sentence, roles[0][1] + 1, len(sentence))
    return sentence[roles[0][0] : roles[0][1]] if verb is not None and verb.form == "s" else None


def _named_term(sentence: str) -> str | None:
    """The role or field a sentence names after describing it (see `_named`)."""
    match = _named().match(sentence)
    if match is None:
        return None
    term, description = (
        (match.group("term"), match.group("predicate"))
        if match.group("term")
        else (match.group("named"), match.group("described"))
    )
    if len(description) < _min_predicate() or not _is_role_or_field(term):
        return None
    return term


@cache
def _opener() -> re.Pattern[str]:
    openers = phrase_alternation(prose_terms()["definition"]["openers"])
    return re.compile(rf"^[*_\s]*{openers}\s*,\s*(?:(?:an?|the)\s+)?", re.IGNORECASE)


def _defining_aspect(word: str) -> bool:
    """'The work of an ML engineer is a mix of ...' defines the role; 'the salary of ...' does
    not: a pay or statistic word is a figure's subject, not the role's nature."""
    words = load_data("salary_terms")
    pay = {*words["salary_words"]["strong"], *words["salary_words"]["weak"]}
    statistics = {w for group in words["statistic"].values() for w in group}
    return word.lower() not in pay | statistics


def _is_role_or_field(term: str) -> bool:
    words = term.lower().split()
    if _PREPOSITIONS.intersection(words):
        return False
    if words[-1] in _field_heads() or words[-1] in prose_terms()["definition"]["heads"]:
        return True
    roles = find_roles(term)
    return bool(roles) and roles[0][1] == len(term)


def _defines(head: str, predicate: str) -> bool:
    head = head.lower()
    superlative = head.endswith("est") and len(head) > 5  # 'the biggest slice', 'the fastest'
    return (
        len(predicate.strip()) >= _min_predicate() and head not in _judgements() and not superlative
    )

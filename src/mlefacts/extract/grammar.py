"""Shared pieces for reading qualitative facts out of running prose: roles, cues and clauses.

Responsibilities, comparisons and definitions are stated in sentences, not in figures, so they
are read by small grammar rules over the vocabularies in `data/prose_terms.toml`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate

from mlefacts.document.model import Document
from mlefacts.extract.context import (
    Sentence,
    find_roles,
    phrase_alternation,
    prose_sentences,
    prose_spans,
    role_gates,
    role_keys,
    roles_between,
)
from mlefacts.extract.cues import (
    Keys,
    declare,
    holding,
    holding_masks,
    spans_holding,
    word_keys,
)
from mlefacts.extract.sections import vocabulary_pattern
from mlefacts.normalize.text import normalize_subject, unspin
from mlefacts.toml_files import load_data

Role = tuple[int, int, str]


@cache
def prose_terms() -> dict[str, dict[str, list[str]]]:
    return load_data("prose_terms")


@cache
def byline_cue() -> re.Pattern[str]:
    """How a byline or date line under a title opens ('By Ana Ruiz', 'Updated 3 March', 'Posted
    21 April 2026 by the data desk'), or a line of parts joined by ' · '."""
    words = phrase_alternation(prose_terms()["definition"]["byline_openers"])
    return re.compile(rf"(?:{words})\b|.*\s·\s", re.IGNORECASE)


@cache
def cue_pattern(section: str, key: str) -> re.Pattern[str]:
    """The vocabulary `prose_terms[section][key]` as one case-insensitive whole-word pattern."""
    return vocabulary_pattern(prose_terms()[section][key])


@cache
def _spun_roles() -> tuple[str, ...]:
    """Article-spinner spellings of role names ('Information Scientists' for 'Data Scientists')."""
    return tuple(
        phrase
        for phrase, original in load_data("spun_synonyms")["phrases"].items()
        if (found := find_roles(original)) and found[0][:2] == (0, len(original))
    )


@cache
def _spun_role_pattern() -> re.Pattern[str] | None:
    spun = _spun_roles()
    return vocabulary_pattern(spun) if spun else None


@cache
def role_mention_keys() -> Keys | None:
    """Words one of `_roles_in`'s patterns needs (see `cues`): a role's ('engineer'), or a word of
    a spun role name."""
    keys = role_keys()
    return None if keys is None else word_keys([*keys, *_spun_roles()])


@cache
def _titled_role_pattern() -> re.Pattern[str]:
    """'a Software Program Engineer', 'a Software program Engineer': a title, capitalized at
    its first word and its role head."""
    heads = "|".join(head.capitalize() for head in load_data("salary_terms")["roles"]["heads"])
    return re.compile(
        rf"\b(?:an?|the|An?|The)\s+([A-Z][\w-]*\s+(?:[\w-]+\s+){{0,2}}(?:{heads})s?)\b"
    )


@cache
def _other_role_pattern() -> re.Pattern[str]:
    """Roles outside the pay vocabulary's fields that pages compare against ('backend engineer')."""
    fields = vocabulary_pattern(prose_terms()["roles"]["other_fields"]).pattern
    heads = "|".join(re.escape(head) for head in load_data("salary_terms")["roles"]["heads"])
    return re.compile(rf"{fields}\s+(?:{heads})s?(?![\w-])", re.IGNORECASE)


declare(lambda: [role_mention_keys()])


@cache
def _keyed_role_patterns() -> tuple[tuple[re.Pattern[str], Keys | None], ...]:
    """`_roles_in`'s patterns that a word rules in, each with its keys: a spun role holds a word
    of its phrase, another field's role the field (a titled role, its head with a capital)."""
    spun = _spun_role_pattern()
    return (
        *([(spun, _spun_keys())] if spun is not None else []),
        (_other_role_pattern(), _other_field_keys()),
    )


@cache
def _spun_keys() -> Keys | None:
    """The first word of each spun role name: every match starts a word with it, and unlike
    the longest word ('scientists' of 'knowledge scientists') it is rare in other prose."""
    return word_keys(phrase.split()[0] for phrase in _spun_roles())


@cache
def _other_field_keys() -> Keys | None:
    return word_keys(prose_terms()["roles"]["other_fields"])


@cache
def _capital_heads() -> re.Pattern[str]:
    heads = load_data("salary_terms")["roles"]["heads"]
    return re.compile("|".join(re.escape(head.capitalize()) for head in heads))


declare(lambda: [_spun_keys(), _other_field_keys()])


@cache
def _gates() -> tuple[Keys | None, ...]:
    """What `_roles_in` asks `cues.holding` about a span: a role mention's words (which gate
    the rest), each keyed pattern's keys, then `roles_between`'s (`role_gates`)."""
    return (role_mention_keys(), *(keys for _, keys in _keyed_role_patterns()), *role_gates())


def roles_in(text: str, start: int = 0, end: int | None = None) -> list[Role]:
    """Role mentions in text[start:end] (see `_roles_in`); cached, as every prose rule asks.
    Of a whole prose sentence of a document, ask `sentence_roles`."""
    return list(_roles_in(text, start, len(text) if end is None else end))


@lru_cache(maxsize=4096)
def _roles_in(text: str, start: int, end: int) -> tuple[Role, ...]:
    """Role mentions in text[start:end] as (start, end, normalized role), offsets into `text`.

    >>> [r[2] for r in roles_in("Whereas Information Scientists explore, ML engineers ship")]
    ['data scientist', 'machine learning engineer']
    """
    return _held_roles(text, start, end, holding(text, start, end, _gates()))


def sentence_roles(doc: Document, start: int, end: int) -> tuple[Role, ...]:
    """`roles_in` of the prose sentence text[start:end] (see `prose_spans`), the way to ask
    about a whole one: the readers of comparisons and duties ask it of most sentences that
    name a role, so all of them are answered at once."""
    found = _prose_roles(doc).get((start, end))
    return _roles_in(doc.text, start, end) if found is None else found


@lru_cache(maxsize=8)
def _prose_roles(doc: Document) -> dict[tuple[int, int], tuple[Role, ...]]:
    """`_roles_in` of each prose sentence: `cues.spans_holding` and `cues.holding_masks` answer
    for all of them at once what `_roles_in` asks `cues.holding` about each: the first gate,
    then the others only where it is set (`holding` asks no further where it is not; most
    sentences name no role)."""
    spans = prose_spans(doc)
    gates = _gates()
    named = [spans[index] for index in spans_holding(doc.text, spans, gates[0])]
    masks = holding_masks(doc.text, named, gates[1:])
    found: dict[tuple[int, int], tuple[Role, ...]] = dict.fromkeys(spans, ())
    for span, mask in zip(named, masks, strict=True):
        found[span] = _held_roles(doc.text, *span, 1 | mask << 1)
    return found


def _held_roles(text: str, start: int, end: int, held: int) -> tuple[Role, ...]:
    """`_roles_in`, given what `cues.holding` answers about the span for `_gates()`."""
    if not held:
        return ()
    keyed = _keyed_role_patterns()
    mentions = roles_between(text, start, end, held=held >> (len(keyed) + 1))
    patterns = [(p, 0) for bit, (p, _) in enumerate(keyed, start=1) if held >> bit & 1]
    if _capital_heads().search(text, start, end) is not None:
        patterns.append((_titled_role_pattern(), 1))
    if not patterns:  # most spans: the mentions `roles_between` found, in order
        return mentions
    found = list(mentions)
    for pattern, group in patterns:
        for match in pattern.finditer(text, start, end):
            if not any(s < match.end(group) and match.start(group) < e for s, e, _ in found):
                role = normalize_subject(unspin(match.group(group)))
                found.append((match.start(group), match.end(group), role))
    return tuple(sorted(found))


def is_question(text: str) -> bool:
    return text.rstrip(" *_\"'”)").endswith("?")


# A word that opens a question, or a title that names what one would ask ('Where do they
# work?', 'WHERE THE WORK HAPPENS').
WH_WORD = re.compile(r"\s*(?:where|what|who|how|why|when|which)\b", re.IGNORECASE)


def sentences_with_previous(doc: Document) -> list[tuple[Sentence, Sentence | None]]:
    """Each prose sentence with the one before it in the same or the previous prose block.

    A heading between them breaks the chain: a new section starts a new train of thought.
    """
    return list(_sentences_with_previous(doc))


def previous_sentence(doc: Document, sentence: Sentence) -> Sentence | None:
    """The prose sentence before this one, in its block or the prose block before it (a
    heading between them breaks the chain, as in `sentences_with_previous`)."""
    return _previous_by_start(doc).get(sentence.start)


@lru_cache(maxsize=8)
def _previous_by_start(doc: Document) -> dict[int, Sentence | None]:
    return {sentence.start: previous for sentence, previous in _sentences_with_previous(doc)}


@lru_cache(maxsize=8)
def _sentences_with_previous(doc: Document) -> tuple[tuple[Sentence, Sentence | None], ...]:
    # headings[i]: how many of the blocks before block i are headings
    headings = [0, *accumulate(block.kind == "heading" for block in doc.blocks)]
    pairs: list[tuple[Sentence, Sentence | None]] = []
    previous: Sentence | None = None
    for sentence in prose_sentences(doc):
        if (
            previous is not None
            and headings[sentence.block_index] > headings[previous.block_index + 1]
        ):
            previous = None  # a heading between them
        pairs.append((sentence, previous))
        previous = sentence
    return tuple(pairs)


_SPACES = re.compile(r"\s+")
# Money, a percentage or a rank ('No. 2'): such a sentence states a numeric fact. Every match
# holds a currency sign or a digit (`_SIGN_OR_DIGIT`); a currency code is looked for on its own.
_FIGURE = re.compile(
    r"[$€£¥₹]|\d\s*(?:%|per\s*cent|percent)|\bno\.\s*\d|#\d"
    # a count of things ('over 40 million notes') is no figure a duty states: 'million' and
    # 'billion' state one only with a currency ('$40 million', 'USD 2 billion', '2 million
    # euros'); the short scales ('150k', '2bn') and the Indian ones state pay or money
    r"|\b\d[\d,.]*\s*(?:k|m|bn|lpa|lakh|crore)\b"
    r"|\b\d[\d,.]*\s*(?:million|billion)\s+(?:euros?|dollars?|pounds?|rupees?|yen|yuan|francs?)\b",
    re.IGNORECASE,
)
_SIGN_OR_DIGIT = re.compile(r"[$€£¥₹\d]")


@cache
def _currency_code() -> re.Pattern[str]:
    return vocabulary_pattern(["USD", "EUR", "GBP", "INR", "CAD", "AUD", "CHF", "Rs"])


def states_a_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] names money, a percentage or a rank ('paid $165,000', 'No. 2').

    Most sentences hold neither a sign nor a digit: `_FIGURE`'s case-insensitive alternation,
    tried at each of their characters, is not searched there.

    >>> states_a_figure("ML engineers earn $150,000"), states_a_figure("fix loads at 6 a.m.")
    (True, False)
    >>> states_a_figure("paid in USD"), states_a_figure("No. 2 in demand")
    (True, True)
    """
    end = len(text) if end is None else end
    if _SIGN_OR_DIGIT.search(text, start, end) and _FIGURE.search(text, start, end):
        return True
    return _currency_code().search(text, start, end) is not None


def flat(text: str) -> str:
    """Text on one line with single spaces."""
    return _SPACES.sub(" ", text).strip()

"""Market subjects by rule: which product market a sentence, a paragraph or a page is about.

A market subject is the noun phrase that ends in a market noun ('market', 'industry', 'sector'),
read back from the noun over words that can name a market and normalized ('worldwide ML market'
-> 'global machine learning market'). The phrase stops at a line break, a digit, a function word,
a verb or an evaluative word ('This caused machine learning market size to jump' -> 'machine
learning market'; 'a significant market' -> nothing). A market word inside the name of the
source a sentence quotes ('According to Acme Market Data, ...') is not a subject, nor is a
market about jobs ('job market'). 'The market' with nothing before it means the page's main
market: the one its title or first heading names, else the one its prose names most often.
The words live in `data/market_terms.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.context import (
    escape_phrase,
    find_places,
    is_place,
    prose_sentences,
)
from mlefacts.extract.cues import may_hold, phrase_keys
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

# A word of a market phrase: letters with inner '/', '&', '.', apostrophes or hyphens.
_WORD = re.compile(r"^[^\W\d_][\w/&'’-]*$")
_ADVERB = re.compile(r"ly$", re.IGNORECASE)


@cache
def market_noun() -> re.Pattern[str]:
    nouns = load_data("market_terms")["market"]["nouns"]
    alternatives = "|".join(escape_phrase(n) for n in nouns)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@cache
def _noun_keys() -> tuple[str, ...] | None:
    """Words one of which every market noun holds: sentences without any name no market."""
    return phrase_keys(load_data("market_terms")["market"]["nouns"])


# Up to six words right before a market noun, on the same line.
_WORDS_BEFORE = re.compile(r"(?:[\w/&.'’-]+[ \t\u00a0]+){1,6}$")


@cache
def _stops() -> frozenset[str]:
    market = load_data("market_terms")["market"]
    return frozenset(w.lower() for w in [*market["phrase_stops"], *market["not_in_phrase"]])


@cache
def _kept_participles() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("market_terms")["market"]["participle_modifiers"])


def _names_market(word: str) -> bool:
    """Whether a word can be part of a market's name (not a verb, filler or figure)."""
    lower = word.lower()
    if lower in _stops() or not _WORD.match(word) or _ADVERB.search(lower):
        return False
    return not (lower.endswith("ed") and lower not in _kept_participles())


@cache
def _joiners() -> re.Pattern[str]:
    joined = load_data("market_terms")["market"]["joined_phrases"]
    alternatives = "|".join(escape_phrase(p) for p in sorted(joined, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})[ \t\u00a0]+$", re.IGNORECASE)


def _phrase_start(text: str, start: int, end: int) -> int | None:
    """Where the market's name begins in `text[start:end]` (the words before the noun)."""
    joined = _joiners().search(text, start, end)
    if joined:  # 'machine learning as a service market': the joined phrase is one word
        end = joined.start()
        first = end
    else:
        first = None
    for word in reversed(list(re.finditer(r"\S+", text[start:end]))):
        if not _names_market(word.group()):
            break
        first = start + word.start()
    return first if first is not None and (joined is None or first < end) else None


def market_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized phrase) of every product-market phrase in `text`.

    >>> [m[2] for m in market_mentions("This caused machine learning market size to jump")]
    ['machine learning market']
    >>> market_mentions("It is a significant market. The job market is hot.")
    []
    """
    return list(_market_mentions(text))


@lru_cache(maxsize=4096)
def _market_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """`market_mentions`, cached: shares, market and demand ask it of the same phrases."""
    market = load_data("market_terms")["market"]
    source = None  # the source the text quotes, read at the first market noun (most have none)
    found = []
    for noun in market_noun().finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, noun.start() - 120), noun.start())
        if before is None:
            continue
        start = _phrase_start(text, before.start(), noun.start())
        if start is None:
            continue
        last = text[start : noun.start()].split()[-1].lower()
        written = " ".join(text[start : noun.end()].split())
        if last in market["not_product"]:
            continue
        if source is None:
            source = " ".join((find_attribution(text, 0, len(text)) or "").lower().split())
        if source and written.lower() in source:
            continue
        found.append((start, noun.end(), normalize_subject(written)))
    return tuple(found)


def market_phrase(text: str) -> str | None:
    """The first normalized product-market phrase in `text`.

    >>> market_phrase("As for the worldwide ML market, it is big")
    'global machine learning market'
    >>> market_phrase("According to Acme Market Data, the AI market grew") is None
    False
    >>> market_phrase("the job market is hot") is None
    True
    """
    mentions = market_mentions(text)
    return mentions[0][2] if mentions else None


@lru_cache(maxsize=64)
def main_market(doc: Document) -> str | None:
    """The market a page is about: named by its title or first heading, else most often in it.

    A scoped form the page also uses ('global machine learning market' beside the title's
    'machine learning market') is preferred, so 'the market' gets the page's own wording.
    """
    headings = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"][:1]
    prose = [
        mention[2]
        for sentence in prose_sentences(doc)
        if may_hold(doc.text, sentence.start, sentence.end, _noun_keys())
        for mention in market_mentions(doc.text[sentence.start : sentence.end])
    ]
    for text in (doc.title or "", *headings):
        named = market_phrase(text)
        if named:
            scoped = f"{load_data('subject_words')['scope']['canonical']} {named}"
            return scoped if scoped in prose else named
    ranked = Counter(prose).most_common(1)
    return ranked[0][0] if ranked else None


@dataclass(frozen=True, slots=True)
class MarketPart:
    """The part of a market a sentence is about: a named segment or a region, with the
    breakdown it belongs to. Its market (the whole) comes from the context, never from it."""

    segment: str | None = None
    region: str | None = None
    dimension: str | None = None

    def qualifiers(self) -> dict[str, str]:
        return {
            key: value
            for key, value in (
                ("segment", self.segment),
                ("region", self.region),
                ("dimension", self.dimension),
            )
            if value
        }


# 'Deep Learning: the segment ...': a label before a colon at the start of a sentence.
_LABEL = re.compile(r"^\W*(?P<label>[^\W\d][^:;.!?]{0,58}?)\s*:\s+")
# The capitalized noun phrase a sentence opens with ('Asia Pacific is projected to ...').
_OPENING_NAME = re.compile(
    r"^\W*(?:(?i:in|the)\s+)*(?P<name>[A-Z][\w.&-]*(?:\s+(?:&|and|of|the)?\s*[A-Z][\w.&-]*)*)"
)


@cache
def _breakdown_opening() -> re.Pattern[str]:
    openings = load_data("market_terms")["market"]["breakdown_openings"]
    alternatives = "|".join(escape_phrase(o) for o in openings)
    return re.compile(
        rf"^\W*(?:{alternatives})\s+(?P<dimension>[a-z][\w -]{{1,30}}?)\s*,\s*", re.IGNORECASE
    )


@cache
def _segment_noun() -> re.Pattern[str]:
    nouns = load_data("market_terms")["market"]["segment_nouns"]
    alternatives = "|".join(escape_phrase(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def market_part(sentence: str) -> MarketPart | None:
    """The segment or region a sentence about a market is about, or None.

    A sentence is about a part when it names a segment ('the cloud segment', 'Deep Learning:
    the segment was worth ...') or opens with a place ('Asia Pacific is projected to ...').

    >>> market_part("By deployment, the cloud segment is expected to grow fastest.")
    MarketPart(segment='cloud', region=None, dimension='deployment')
    >>> market_part("Deep Learning: the segment was worth $14.8 billion.").segment
    'Deep Learning'
    >>> market_part("Asia Pacific is projected to register a CAGR of 29.8%.").region
    'Asia-Pacific'
    >>> market_part("The machine learning market grew 30%.") is None
    True
    """
    rest = sentence
    dimension = None
    opening = _breakdown_opening().match(rest)
    if opening:
        dimension = " ".join(opening.group("dimension").lower().split())
        rest = rest[opening.end() :]
    noun = _segment_noun().search(rest)
    if noun:
        return MarketPart(segment=_segment_name(rest, noun.start()), dimension=dimension)
    name = _OPENING_NAME.match(rest)
    if name and is_place(name.group("name")):
        places = find_places(name.group("name"), "regions") + find_places(
            name.group("name"), "countries"
        )
        return MarketPart(region=places[0] if places else name.group("name"))
    return None


def _segment_name(text: str, noun_start: int) -> str | None:
    """'the cloud segment' -> 'cloud'; 'Deep Learning: the segment' -> 'Deep Learning'."""
    before = _WORDS_BEFORE.search(text, max(0, noun_start - 120), noun_start)
    if before is not None:
        start = _phrase_start(text, before.start(), noun_start)
        if start is not None:
            return " ".join(text[start:noun_start].split())
    label = _LABEL.match(text)
    if label and label.end() <= noun_start:
        return label.group("label").strip()
    return None

"""Market subjects by rule: which product market a sentence, a paragraph or a page is about.

A market subject is the noun phrase that ends in a market noun ('market', 'industry', 'sector'),
read back from the noun over words that can name a market and normalized ('worldwide ML market'
-> 'global machine learning market'). The phrase stops at a line break, a digit, a function word,
a verb or an evaluative word ('This caused machine learning market size to jump' -> 'machine
learning market'; 'a significant market' -> nothing). A market word inside the name of the
source a sentence quotes ('According to Acme Market Data, ...') is not a subject, nor is a
market about jobs ('job market'). 'The market for X' names the X market ('the global market for
computer vision' -> 'global computer vision market'), unless X is people ('the market for data
scientists'). A place owning the market ("India's AI market") is a qualifier, not part of the
name. 'The market' with nothing before it means the page's main
market: the one its title or first heading names, else the one its prose names most often.
The words live in `data/market_terms.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.context import (
    escape_phrase,
    find_roles,
    is_city,
    phrase_alternation,
    prose_spans,
    states_forecast,
)
from mlefacts.extract.cues import Keys, declare, has_digit, spans_holding, word_keys
from mlefacts.normalize.numbers import scale_words
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import data_words, load_data

# A market is sized in millions at least; smaller amounts are prices or salaries.
MIN_MARKET_SIZE = 1e6

# A word of a market phrase: letters with inner '/', '&', '.', apostrophes or hyphens.
_WORD = re.compile(r"^[^\W\d_][\w/&'’-]*$")
_ADVERB = re.compile(r"ly$", re.IGNORECASE)


@cache
def market_noun() -> re.Pattern[str]:
    nouns = load_data("market_terms")["market"]["nouns"]
    alternatives = phrase_alternation(nouns)
    return re.compile(rf"(?<![\w-]){alternatives}(?![\w-])", re.IGNORECASE)


@cache
def _noun_keys() -> Keys | None:
    """Words one of which every market noun holds where a word starts (`market_noun` matches
    only there): sentences without any name no market."""
    return word_keys(load_data("market_terms")["market"]["nouns"])


declare(lambda: [_noun_keys()])


# Up to six words right before a market noun, on the same line.
# The words before a market noun, one space apart: a tab or a run of spaces is a column gap
# ('Year    Global generative AI market' names the global generative AI market).
_WORDS_BEFORE = re.compile(r"(?:[\w/&.'’()-]+[ \u00a0]){1,6}$")
# An abbreviation in parentheses inside a market's name: 'large language model (LLM) market'.
_ABBREVIATION = re.compile(r"^\([A-Za-z][\w/&-]{0,11}\)$")


@cache
def _stops() -> frozenset[str]:
    market = load_data("market_terms")["market"]
    words = frozenset(w.lower() for w in [*market["phrase_stops"], *market["not_in_phrase"]])
    return words | scale_words()


@cache
def _kept_participles() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("market_terms")["market"]["participle_modifiers"])


@cache
def _ly_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("market_terms")["market"]["ly_nouns"])


def _names_market(word: str) -> bool:
    """Whether a word can be part of a market's name (not a verb, filler or figure)."""
    if _ABBREVIATION.match(word):
        return True
    lower = word.lower()
    if (
        lower in _stops()
        or not _WORD.match(word)
        or (_ADVERB.search(lower) and lower not in _ly_nouns())
    ):
        return False
    last = lower.rsplit("-", 1)[-1]  # 'AI-powered' is kept as 'powered' is
    return not (lower.endswith("ed") and last not in _kept_participles())


@cache
def _joiners() -> re.Pattern[str]:
    joined = load_data("market_terms")["market"]["joined_phrases"]
    alternatives = phrase_alternation(sorted(joined, key=len, reverse=True))
    # an abbreviation may follow: 'machine learning as a service (MLaaS) market'
    abbreviation = _ABBREVIATION.pattern.strip("^$")
    return re.compile(
        rf"(?<![\w-])(?:{alternatives})[ \t\u00a0]+(?:{abbreviation}[ \t\u00a0]+)?$",
        re.IGNORECASE,
    )


@cache
def _field_in() -> re.Pattern[str]:
    fields = load_data("salary_terms")["roles"]["fields"]
    alternatives = phrase_alternation(sorted(fields, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<field>{alternatives})[ \t]+in[ \t]+$", re.IGNORECASE)


@cache
def _compounds() -> re.Pattern[str]:
    """Terms whose first word alone would end a market phrase ('large language model')."""
    compounds = load_data("market_terms")["market"]["compound_terms"]
    alternatives = phrase_alternation(sorted(compounds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _extended(text: str, start: int, noun_start: int) -> int:
    """A phrase's start moved back over the first words of a compound term it cuts ('large
    language model market') and over '<field> in' ('generative AI in healthcare market'),
    then over the words naming the market before those."""
    moved = start
    for match in _compounds().finditer(text, max(0, start - 40), noun_start):
        if match.start() < start < match.end():
            moved = match.start()
            break
    else:
        field = _field_in().search(text, max(0, start - 60), start)
        if field is None or field.end() != start:
            return start
        moved = field.start("field")
    before = _WORDS_BEFORE.search(text, max(0, moved - 120), moved)
    earlier = _phrase_start(text, before.start(), moved) if before else None
    return earlier if earlier is not None else moved


def _phrase_start(text: str, start: int, end: int) -> int | None:
    """Where the market's name begins in `text[start:end]` (the words before the noun)."""
    joined = _joiners().search(text, start, end)
    if joined:  # 'machine learning as a service market': the joined phrase is one word
        end = joined.start()
        first = end
    else:
        first = None
    words = list(re.finditer(r"\S+", text[start:end]))
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group()
        if word in ("and", "&") and first is not None and index > 0:
            # 'data annotation and labeling market': two lower-case names of one market joined,
            # not a place or a firm ('Europe and the AI market', 'Acme and AI market')
            earlier, later = words[index - 1].group(), words[index + 1].group()
            if _names_market(earlier) and earlier.islower() and later.islower():
                continue
        if not _names_market(word):
            break
        first = start + words[index].start()
    return first if first is not None and (joined is None or first < end) else None


def _scope_only(phrase: str) -> bool:
    words = phrase.split()
    scope = {w.lower() for w in load_data("market_terms")["market"]["scope_global"]}
    return all(w in scope for w in words[:-1])


def _without_place(phrase: str) -> str:
    """'Chinese computer vision market' -> 'computer vision market': a place is a qualifier."""
    words = phrase.split()
    for size in (3, 2, 1):
        if len(words) > size and market_place(" ".join(words[:size])):
            # a place that is the whole name ('Asia Pacific market') stays whole, not 'Pacific'
            return " ".join(words[size:]) if len(words) > size + 1 else phrase
    return phrase


@lru_cache(maxsize=1024)
def market_place(text: str) -> tuple[str, str] | None:
    """('country' or 'region', canonical name) when `text` is exactly a place or nationality.

    >>> market_place("Chinese"), market_place("North America"), market_place("deep")
    (('country', 'China'), ('region', 'North America'), None)
    """
    return _place_names().get(text.strip())


@cache
def _place_names() -> dict[str, tuple[str, str]]:
    """Every way of writing a place, as written ('US' only in capitals), -> (key, name)."""
    places = load_data("market_terms")["places"]
    names: dict[str, tuple[str, str]] = {}
    for kind, key in (
        ("regions", "region"),
        ("countries", "country"),
        ("nationalities", "country"),
    ):
        for name, aliases in places[kind].items():
            for alias in aliases:
                if len(alias.replace(".", "")) <= 3:
                    names.setdefault(alias.upper(), (key, name))
                else:
                    names.setdefault(alias, (key, name))
                    names.setdefault(alias.title(), (key, name))
                    names.setdefault(alias.capitalize(), (key, name))
                    names.setdefault(alias.upper(), (key, name))  # 'APAC', 'EUROPE'
    return names


# A place's name followed by a possessive: "India's", "the UK's", "South Korea’s".
_OWNER = re.compile(r"(?P<owner>\S+(?:[ \t]+\S+){0,2}?)['’]s[ \t\u00a0]+$")
# How every `_OWNER` match ends: looked for first, as the regex engine skips to an apostrophe
# in its own loop, while `_OWNER` is tried at each position of its window.
_OWNER_END = re.compile(r"['’]s[ \t\u00a0]+$")


def _after_owner(text: str, start: int, noun_start: int) -> int:
    """Where a market's name begins once the place owning it is dropped: in "India's
    artificial intelligence market" the place is a qualifier, not part of the name."""
    words = list(re.finditer(r"\S+", text[start:noun_start]))
    for word, following in zip(words, words[1:], strict=False):
        if word.group().endswith(("'s", "’s")):
            after = start + following.start()
            return after if market_owner(text, after) else start
    return start


def market_owner(text: str, start: int) -> tuple[str, str] | None:
    """('country' or 'region', name) of the place whose possessive ends right before `start`.

    >>> text = "the UK's machine learning market"
    >>> market_owner(text, 9), market_owner("the AI market", 4)
    (('country', 'United Kingdom'), None)
    """
    window = max(0, start - 40)
    if _OWNER_END.search(text, window, start) is None:
        return None
    before = _OWNER.search(text, window, start)
    if before is None:
        return None
    words = before.group("owner").split()
    for first in range(len(words)):  # 'of South Korea' -> 'South Korea': the longest place
        place = market_place(" ".join(words[first:]))
        if place is not None:
            return place
    return None


def market_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized phrase) of every product-market phrase in `text`.

    >>> [m[2] for m in market_mentions("This caused machine learning market size to jump")]
    ['machine learning market']
    >>> market_mentions("It is a significant market. The job market is hot.")
    []
    >>> market_mentions("Our ML engineer market update")  # a role's job market sells nothing
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
        if _firm_name(text, noun) or _trade(text, noun):
            continue  # 'Halvorsen Market Insights', 'Allied Market Research': a research firm
        named = _name_before(text, noun)
        if (
            named is None
            or _scope_only(normalize_subject(_without_place(named[2])))
            or market_place(named[2].rsplit(None, 1)[0])  # 'the German market for ML ...'
        ):
            named = _name_after(text, noun, named) or named
        if named is None:
            continue
        start, end, written = named
        before = written.split()[-2]
        if before.lower() in market["not_product"] or _POSSESSIVE_COMMON.fullmatch(before):
            continue  # 'the job market'; 'the region's market' names whose, not which market
        if _role_market(written):
            continue  # 'the ML engineer market': the role's job market, no product's
        if source is None:
            source = " ".join((find_attribution(text, 0, len(text)) or "").lower().split())
        if source and written.lower() in source:
            continue
        phrase = normalize_subject(_without_place(written))
        if _scope_only(phrase):  # 'the global market' names no market of its own
            continue
        found.append((start, end, phrase))
    return tuple(found)


# A common noun's possessive ('region's', 'company's', 'firms'') names an owner of a market.
_POSSESSIVE_COMMON = re.compile(r"[a-z][\w-]*(?:['’]s|s['’])")


def _firm_name(text: str, noun: re.Match[str]) -> bool:
    """Whether a capitalized market noun is inside a firm's name: an organization's last word
    follows it, capitalized too ('Halvorsen Market Insights', 'Polaris Market Research').

    >>> text = "by Halvorsen Market Insights."
    >>> _firm_name(text, market_noun().search(text))
    True
    >>> text = "the Market research budget"
    >>> _firm_name(text, market_noun().search(text))
    False
    """
    if not noun.group()[:1].isupper():
        return False
    following = _NEXT_WORD.match(text, noun.end())
    return bool(
        following
        and following[1][:1].isupper()
        and following[1].lower().rstrip(".") in _organization_words()
    )


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([\w.]+)")


def _trade(text: str, noun: re.Match[str]) -> bool:
    """Whether a market noun names a research trade ('an independent market intelligence
    firm', 'a market research company'), not a market."""
    return _trade_pattern().match(text, noun.end()) is not None


@cache
def _trade_pattern() -> re.Pattern[str]:
    market = load_data("market_terms")["market"]
    trade, heads = phrase_alternation(market["trade"]), phrase_alternation(market["trade_heads"])
    return re.compile(rf"[ \t\u00a0]+(?:{trade})(?:[ \t\u00a0]+(?:{heads}))\b", re.IGNORECASE)


@cache
def _organization_words() -> frozenset[str]:
    words = load_data("attribution")["organization_words"]
    return frozenset(w.rstrip(".") for w in words) - {"market", "markets"}


def place_market(text: str) -> tuple[str, str] | None:
    """('country' or 'region', name) of the last market in `text` named by a place alone
    ('the Brazilian market', 'the United States market'): on a page about one market, that
    market in that place.

    >>> place_market("The Brazilian market alone was worth USD 1 billion")
    ('country', 'Brazil')
    >>> place_market("the Chinese computer vision market") is None
    True
    """
    found = None
    for noun in market_noun().finditer(text):
        found = _bare_place(text, noun.start()) or found
    return found


def _bare_place(text: str, noun_start: int) -> tuple[str, str] | None:
    """The place that is the whole name before a market noun ('the Brazilian market', "Japan's
    market"), or None."""
    owner = market_owner(text, noun_start)
    if owner is not None:
        return owner
    words = re.findall(r"\S+", text[max(0, noun_start - 60) : noun_start])
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        place = market_place(" ".join(words[-size:]))
        if place is not None:
            before = words[-size - 1] if len(words) > size else ""
            return None if before and _names_market(before) else place
    return None


def _name_before(text: str, noun: re.Match[str]) -> tuple[int, int, str] | None:
    """(start, end, name as written) of the market named by the words before its noun."""
    before = _WORDS_BEFORE.search(text, max(0, noun.start() - 120), noun.start())
    if before is None:
        return None
    start = _phrase_start(text, before.start(), noun.start())
    if start is None:
        return None
    start = _after_owner(text, _extended(text, start, noun.start()), noun.start())
    start = _place_opening(text, start)
    return start, noun.end(), " ".join(text[start : noun.end()].split())


_WORD_BEFORE = re.compile(r"(\S+)[ \t\u00a0]+\Z")


def _place_opening(text: str, start: int) -> int:
    """Where a name starts when the word before it and its first word are one place ('The
    United States generative AI market': 'United' names no market, 'United States' a place,
    which `_without_place` then takes off as a qualifier)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    first = re.match(r"\S+", text[start:])
    if before and first and market_place(f"{before[1]} {first.group()}"):
        return before.start(1)
    return start


# 'the market for machine learning', 'the global market for AI chips'
_FOR = re.compile(r"[ \t\u00a0]+for[ \t\u00a0]+")
_MAX_FOR_WORDS = 5


def _name_after(
    text: str, noun: re.Match[str], scope: tuple[int, int, str] | None
) -> tuple[int, int, str] | None:
    """The market a 'market for X' phrase names ('X market'), keeping a scope written before
    the noun ('the global market for AI chips' -> 'global AI chips market'). A market for
    people ('the market for data scientists') is a job market, not a product market."""
    joined = _FOR.match(text, noun.end())
    if joined is None:
        return None
    words = []
    end = joined.end()
    for word in re.finditer(r"[^\s,;:.!?]+", text[joined.end() : joined.end() + 80]):
        if len(words) == _MAX_FOR_WORDS:
            break
        following = re.match(r"\s+([^\s,;:.!?]+)", text[joined.end() + word.end() :])
        field_in = (  # 'the market for AI in healthcare'; not 'for ML in India', 'in the US'
            word.group().lower() == "in"
            and following is not None
            and following.group(1)[:1].islower()
            and _names_market(following.group(1))
            and _field_in().search(" ".join([*words, "in "]))
        )
        if not (field_in or _names_market(word.group())):
            break
        if text[end : joined.end() + word.start()].strip():
            break  # punctuation between two words ends the name
        words.append(word.group())
        end = joined.end() + word.end()
    if not words or find_roles(" ".join(words)):
        return None
    head = scope[2][: -len(noun.group())] if scope else ""
    start = scope[0] if scope else noun.start()
    return start, end, " ".join([*head.split(), *words, noun.group()])


def market_phrase(text: str) -> str | None:
    """The first normalized product-market phrase in `text`.

    >>> market_phrase("As for the worldwide ML market, it is big")
    'global machine learning market'
    >>> market_phrase("According to Acme Market Data, the AI market grew") is None
    False
    >>> market_phrase("the job market is hot") is None
    True
    >>> market_phrase("The United States market alone was worth $6 billion") is None
    True
    >>> market_phrase("Machine learning as a service (MLaaS) market size is estimated")
    'machine learning as a service market'
    >>> market_phrase("the market for AI in healthcare"), market_phrase("the AI-powered X market")
    ('artificial intelligence in healthcare market', 'artificial intelligence powered x market')
    >>> market_phrase("the anomaly detection market"), market_phrase("a rapidly growing AI market")
    ('anomaly detection market', 'artificial intelligence market')
    """
    return next(_product_markets(text), None)


def _product_markets(text: str) -> Iterator[str]:
    """The normalized product-market phrases of `text`, in order: 'the Brazilian market', 'the
    UK market' or 'the Canberra market' names a place, not a product market."""
    for start, end, phrase in market_mentions(text):
        nouns = list(market_noun().finditer(text, start, end))
        if not nouns:
            yield phrase
            continue
        at = nouns[-1].start()
        # 'the German market for machine learning' names the X it is for
        for_field = nouns[-1].end() < end
        if for_field or (
            _bare_place(text, at) is None and not is_city(_CITY_BEFORE.sub("", text[start:at]))
        ):
            yield phrase


def _role_market(written: str) -> bool:
    """Whether the words before a market phrase's noun end with a role ('ML engineer market
    update'): the market of people hired into it, which sells nothing."""
    head = written.rsplit(None, 1)[0]
    roles = find_roles(head)
    return bool(roles) and roles[-1][1] == len(head.rstrip())


# What may come before a city's name that is a market's whole name: 'the ', "Canberra's".
_CITY_BEFORE = re.compile(r"^\s*(?:the\s+)?|(?:['’]s)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def main_market(doc: Document) -> str | None:
    """The market a page is about: named by its title or first heading, else most often in it
    (an industry or sector more than once).

    A scoped form the page also uses ('global machine learning market' beside the title's
    'machine learning market') is preferred, so 'the market' gets the page's own wording.
    """
    # the title, else the first heading that names a market (a text page's breadcrumb or
    # kicker line may come before it)
    headings = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"][:3]
    spans = prose_spans(doc)
    prose = [
        phrase
        for index in spans_holding(doc.text, spans, _noun_keys())
        for phrase in _product_markets(doc.text[spans[index][0] : spans[index][1]])
    ]
    for text in (doc.title or "", *headings):
        # ('The GCC AI Market and Talent Report 2025': the page is the report, whose name
        # would otherwise read as a source it quotes)
        named = (
            market_phrase(text) or market_phrase(_REPORT_TAIL.sub("", text)) or spent_market(text)
        )
        if named:
            scoped = f"{load_data('subject_words')['scope']['canonical']} {named}"
            return scoped if scoped in prose else named
    # a market, or an industry named more than once: one passing mention ('those in
    # government and traditional industry') does not make a survey's page a market's
    ranked = Counter(prose).most_common(1)
    if not ranked or (ranked[0][1] == 1 and not ranked[0][0].endswith(" market")):
        return None
    return ranked[0][0]


# A report's name after the market it covers: ' and Talent Report 2025: UAE ...', ' Report'.
_REPORT_TAIL = re.compile(r"(?:\s+(?:and|&)\s+[\w-]+)?\s+report\b.*$", re.IGNORECASE | re.DOTALL)
# '<market words> revenue|spending': the money of a market.
SPENDING = re.compile(
    r"(?<![\w-])(?P<words>(?:[\w/&'’-]+[ \t]+){1,5}?)(?:revenues?|spending|spend)\b", re.IGNORECASE
)


def spent_market(text: str) -> str | None:
    """The market whose money a line names ('Worldwide AI Software Spending to Total $412
    Billion in 2026'): a forecaster's release titles the spending on a product, not its
    market, yet sizes and grows that market. The line must size or forecast it: 'Consumer
    spending on AI apps slows' and 'Cloud spending cuts hit hiring' name no market."""
    world = world_spending_market(text)
    if world is not None:
        return world
    for match in SPENDING.finditer(text):
        after = text[match.end() :]
        if _SPENT_ON.match(after) or not (
            states_forecast(after) or has_digit(after, 0, len(after))
        ):
            continue  # 'Consumer spending on AI apps': the words before name who spends
        named = market_phrase(f"{match.group('words')}market")
        if named:
            return named
    return None


def world_spending_market(text: str) -> str | None:
    """The market of the world's spending on a field that a line sizes or forecasts
    ('Worldwide Spending on AI Will Reach $749 Billion in 2029', 'forecasts that worldwide
    spending on AI software will total $412 billion'): that spending is the field's market."""
    for match in _WORLD_SPENDING_ON.finditer(text):
        after = text[match.end() :]
        if states_forecast(after) or has_digit(after, 0, len(after)):
            named = market_phrase(f"{match.group('product')} market")
            if named:
                return named
    return None


# 'spending on AI apps': the product comes after, the words before name who spends.
_SPENT_ON = re.compile(r"\s+on\b", re.IGNORECASE)
# The whole world's spending on a product, up to the verb that sizes or moves it.
_WORLD_SPENDING_ON = re.compile(
    r"\b(?:worldwide|global|world|total|overall)\s+(?:spending|spend)\s+on\s+"
    r"(?P<product>[^,;:.$€£¥\d]{1,60}?)\s+(?=(?:will|to|is|are|was|were|has|have|"
    r"reach(?:ed|es)?|hit|hits|tops?|topped|totall?(?:ed|s)?|grew|grows?|rose|rises?|"
    r"surged?|surges|jumped|jumps?|climbed|climbs?)\b)",
    re.IGNORECASE,
)


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
_LABEL = re.compile(r"^\W*(?P<label>(?=\d*[^\W\d])\w[^:;.!?]{0,58}?)\s*:\s+")
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
def _breakdown_title() -> re.Pattern[str]:
    openings = load_data("market_terms")["market"]["breakdown_openings"]
    alternatives = "|".join(escape_phrase(o) for o in openings)
    return re.compile(
        rf"^\W*(?:{alternatives})\s+(?P<dimension>[a-z][\w -]{{1,30}}?)\W*$", re.IGNORECASE
    )


def opening_breakdown(text: str) -> str | None:
    """The breakdown a paragraph opens with ('By offering, the platform segment ...' ->
    'offering'), or None.

    >>> opening_breakdown("By offering, the platform segment held 63.7%."), opening_breakdown("")
    ('offering', None)
    """
    match = _breakdown_opening().match(text)
    return _dimension(match) if match else None


def breakdown_heading(heading: str) -> str | None:
    """The breakdown a heading announces ('By technology' -> 'technology'), or None.

    >>> breakdown_heading("By technology:"), breakdown_heading("Key findings")
    ('technology', None)
    """
    match = _breakdown_title().match(heading)
    return _dimension(match) if match else None


def _dimension(match: re.Match[str]) -> str:
    """A breakdown's dimension as a match names it, lower case, single-spaced."""
    return " ".join(match.group("dimension").lower().split())


@cache
def _segment_noun() -> re.Pattern[str]:
    nouns = load_data("market_terms")["market"]["segment_nouns"]
    alternatives = phrase_alternation(sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_QUOTED = re.compile(r"[\"“]")


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
    >>> market_part("By component, Platforms led with 58.4% revenue share in 2025.").segment
    'Platforms'
    >>> market_part("The machine learning market grew 30%.") is None
    True
    """
    rest = sentence
    dimension = None
    opening = _breakdown_opening().match(rest)
    if opening:
        dimension = _dimension(opening)
        rest = rest[opening.end() :]
    # a report's quoted title names its breakdowns, no part ('titled "... by Component, ..."')
    noun = _segment_noun().search(rest, 0, len(_QUOTED.split(rest, 1)[0]))
    if noun:  # 'Software is the fastest-growing component': the clause's opening names it
        segment = _segment_name(rest, noun.start()) or _leading_name(rest[: noun.start()])
        return MarketPart(segment=segment, dimension=dimension)
    name = _OPENING_NAME.match(rest)
    place = market_place(name.group("name")) if name else None
    if place is not None:
        return MarketPart(region=place[1])
    if dimension is not None:  # 'By component, Platforms led ...': the clause opens with it
        return MarketPart(segment=_leading_name(rest), dimension=dimension)
    return None


@lru_cache(maxsize=1024)
def section_breakdown(heading: str) -> str | None:
    """The breakdown a short section heading announces by a part's noun ('Component insights',
    'APPLICATIONS', 'End-use analysis'), besides 'By <dimension>' headings.

    >>> section_breakdown("Component Insights"), section_breakdown("APPLICATIONS")
    ('component', 'applications')
    >>> section_breakdown("Key findings"), section_breakdown("Top 5 applications of ML in 2025")
    (None, None)
    >>> section_breakdown("Segment highlights, 2024")
    'segment'
    """
    named = breakdown_heading(heading)
    if named:
        return named
    noun = _section_heading_part().fullmatch(heading.strip())
    return " ".join(noun["noun"].lower().split()) if noun else None


@cache
def _section_heading_part() -> re.Pattern[str]:
    """A heading that is a part's noun, with a word of a report's section after it and its
    year ('Component insights', 'Segment highlights, 2024'), and nothing else ('Technology
    stack', 'Applications are open' are none)."""
    market = load_data("market_terms")["market"]
    nouns = phrase_alternation(market["section_parts"])
    tails = phrase_alternation(market["section_tails"])
    return re.compile(
        rf"\W*(?P<noun>{nouns})(?:\s+(?:{tails}))?\W*(?:(?:19|20)\d\d)?\W*", re.IGNORECASE
    )


_part_openers_not = partial(data_words, "market_terms", "market", "part_openers_not")


def opening_part(sentence: str, dimension: str) -> MarketPart | None:
    """The part a sentence in a breakdown section opens with, before its verb or a comma
    ('Hardware is expected to grow at a CAGR of 25.5%', 'Drug discovery is projected to ...',
    'Software, at a 23.4% CAGR'); None when it opens with a pronoun or a measure ('It is ...',
    'Revenue should ...').

    >>> opening_part("Hardware is expected to grow at a CAGR of 25.5%.", "component")
    MarketPart(segment='Hardware', region=None, dimension='component')
    >>> opening_part("Revenue should grow at a CAGR of 20%.", "component") is None
    True
    """
    found = _OPENING_PART.match(sentence)
    if found is None or found["name"].split()[0].lower() in _part_openers_not():
        return None
    name = _leading_name(found["name"])
    if name != " ".join(found["name"].split()):
        return None
    place = market_place(name)
    if place is not None:
        return MarketPart(region=place[1])
    return MarketPart(segment=name, dimension=dimension)


# A capitalised name of up to five words before an auxiliary or modal verb, a verb of
# revenue ('Cloud deployments generated USD 1,890.2 Mn'), or a comma.
_OPENING_PART = re.compile(
    r"^\W*(?P<name>[A-Z][\w.&/-]*(?:\s+[\w.&/-]+){0,4}?)\s*(?:,\s*(?=(?:at|with)\b)|\s+(?:is|are|"
    r"was|were|will|would|should|could|can|may|might|has|have|had)\b"
    # a part named bare, no 'A typical deal', before its revenue
    r"|(?<!\bA\b)(?<!\bAn\b)(?<!\bThe\b)(?<!\bOne\b)(?<!\bEach\b)(?<!\bEvery\b)"
    r"\s+(?:generated|generates|brought\s+in|brings\s+in|earned|earns|recorded|records)\b)"
)


def clause_part(clause: str, sentence_part: MarketPart | None) -> MarketPart | None:
    """The part a later clause of a breakdown sentence is about: its own segment or place
    ('...; Services is projected to book the fastest CAGR'), in the sentence's breakdown.

    >>> whole = market_part("By component, Platforms led with 58.4% share")
    >>> clause_part("Services is projected to book a 27.1% CAGR", whole)
    MarketPart(segment='Services', region=None, dimension='component')
    >>> clause_part("and Asia-Pacific is predicted to register a 29.4% CAGR", None).region
    'Asia-Pacific'
    """
    rest = _CLAUSE_JOINER.sub("", clause)
    own = market_part(rest)
    if own is not None and (own.segment or own.region):
        if own.segment and sentence_part is not None and own.dimension is None:
            return MarketPart(segment=own.segment, dimension=sentence_part.dimension)
        return own
    if sentence_part is not None and sentence_part.dimension is not None:
        name = _leading_name(rest)
        if name:
            return MarketPart(segment=name, dimension=sentence_part.dimension)
    if sentence_part is not None and sentence_part.segment:
        # 'The platform segment accounted for ..., while services are forecast to ...': a clause
        # whose own subject opens it is that part's, not the segment named before
        subject = _CLAUSE_SUBJECT.match(rest)
        if subject and _leading_name(subject["name"]) == " ".join(subject["name"].split()):
            return MarketPart(segment=subject["name"])
    if market_mentions(rest):
        return None  # '..., and the Indian MLOps market is forecast to reach ...': its own
    return sentence_part


_CLAUSE_JOINER = re.compile(
    r"^[\s,;]*(?:(?:and|but|while|whereas|although|though)\s+)?", re.IGNORECASE
)
# A clause's subject: up to four words right before an auxiliary verb.
_CLAUSE_SUBJECT = re.compile(
    r"(?P<name>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*){0,3}?)\s+(?:is|are|was|were|will|has|have|had)\b"
)


def _leading_name(text: str) -> str | None:
    """The words a clause opens with that can name a part ('Hybrid models are ...')."""
    words = []
    for match in re.finditer(r"\S+", text):
        word = match.group().strip(",;:")
        if len(words) == 5 or not _names_market(word):
            break
        words.append(word)
    return " ".join(words) or None


def labelled_part(sentence: str) -> MarketPart | None:
    """The part a list item's label names ('Video Analytics: valued at $7.35 billion ...'),
    for a list whose lead-in names the market it breaks down.

    >>> labelled_part("Video Analytics: Valued at $7.35 billion in 2024.")
    MarketPart(segment='Video Analytics', region=None, dimension=None)
    >>> labelled_part("Europe: 26.3%").region
    'Europe'
    """
    label = _LABEL.match(sentence)
    if label is None:
        return None
    name = label.group("label").strip()
    place = market_place(name)
    if place is not None:
        return MarketPart(region=place[1])
    return MarketPart(segment=name)


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

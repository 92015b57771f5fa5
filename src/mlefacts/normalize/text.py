"""Claim subjects in one spelling: lower case, abbreviations expanded, scope words unified.

Reconciliation groups claims by subject, so 'Worldwide ML market' and 'the global machine learning
market' must both become 'global machine learning market'. Word maps live in
data/subject_words.toml and spinner substitutions in data/spun_synonyms.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from mlefacts.normalize._data import alternation
from mlefacts.toml_files import load_data

_TEMPLATE: Final = re.compile(r"[{}*_`]+|\[\[|\]\]|\\")
_PARENTHESIS: Final = re.compile(r"\s*\([^()]{0,24}\)")
_WORD: Final = re.compile(r"[^\s,;:!?\"“”‘()\[\]]+")
_EDGE: Final = "\"'“”‘’`.,;:!?()[]{}<>-–—|/\\*#•·~ "


@cache
def _spun_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    phrases = {k.lower(): v for k, v in load_data("spun_synonyms")["phrases"].items()}
    return re.compile(rf"(?<!\w){alternation(set(phrases), ignore_case=True)}(?!\w)"), phrases


def unspin(text: str) -> str:
    """Undo common article-spinner substitutions ('Huge Information' -> 'big data').

    >>> unspin("Huge Information and Information Science")
    'big data and data science'
    """
    pattern, phrases = _spun_pattern()
    return pattern.sub(lambda m: phrases[vocabulary_key(m.group())], text)


@dataclass(frozen=True, slots=True)
class _SubjectWords:
    """data/subject_words.toml, indexed."""

    mapping: dict[str, str]
    scope: frozenset[str]
    canonical_scope: str
    articles: frozenset[str]
    invariant: frozenset[str]
    irregular: dict[str, str]
    prepositions: frozenset[str]


@cache
def _words() -> _SubjectWords:
    data = load_data("subject_words")
    plurals = data["plurals"]
    return _SubjectWords(
        mapping={**data["abbreviations"], **data["compounds"]},
        scope=frozenset(data["scope"]["words"]),
        canonical_scope=data["scope"]["canonical"],
        articles=frozenset(data["articles"]["words"]),
        invariant=frozenset(plurals["invariant"]),
        irregular=plurals["irregular"],
        prepositions=frozenset(plurals["prepositions"]),
    )


def singular(word: str) -> str:
    """A simple singular for a head noun ('engineers' -> 'engineer', 'companies' -> 'company').

    >>> singular("engineers"), singular("salaries"), singular("statistics"), singular("classes")
    ('engineer', 'salary', 'statistics', 'class')
    """
    words = _words()
    if word in words.irregular:
        return words.irregular[word]
    if word in words.invariant or len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def _expand(words: list[str]) -> list[str]:
    mapping = _words().mapping
    return [part for word in words for part in mapping.get(word, word.replace("-", " ")).split()]


def _scope_first(words: list[str]) -> list[str]:
    """'machine learning market worldwide' and 'world ml market' -> 'global ...' at the front."""
    vocab = _words()
    if not words:
        return words
    if words[0] in vocab.scope or words[-1] in vocab.scope:
        rest = words[1:] if words[0] in vocab.scope else words[:-1]
        return [vocab.canonical_scope, *rest]
    return words


def _singular_heads(words: list[str]) -> list[str]:
    prepositions = _words().prepositions
    return [
        singular(w) if i == len(words) - 1 or words[i + 1] in prepositions else w
        for i, w in enumerate(words)
    ]


def straight_apostrophes(text: str) -> str:
    """`text` with typographic apostrophes made straight, so a label a page sets with curly
    quotes ('Master’s degree') names the same thing as one set straight.

    >>> straight_apostrophes("Master’s degree")
    "Master's degree"
    """
    return text.replace("’", "'")


@lru_cache(maxsize=4096)
def normalize_subject(phrase: str, *, name: bool = False) -> str:
    """The canonical lower-case form of a claim subject (cached: extractors normalize the same
    role and market phrases of a page many times). A `name` (a skill's: 'Databricks', 'Pandas')
    keeps its last word as written, which a role's or market's plural head would lose.

    >>> normalize_subject("Worldwide ML market")
    'global machine learning market'
    >>> normalize_subject("the global machine learning market")
    'global machine learning market'
    >>> normalize_subject("Senior ML Engineers"), normalize_subject("{Information} Scientists")
    ('senior machine learning engineer', 'data scientist')
    >>> normalize_subject("Machine Learning Operations (MLOps) Market")
    'machine learning operations market'
    >>> normalize_subject("MLOps engineers")
    'machine learning operations engineer'
    >>> normalize_subject("All digital occupations"), normalize_subject("this year's submissions")
    ('digital occupation', 'submission')
    """
    text = unspin(_TEMPLATE.sub("", phrase))
    text = straight_apostrophes(_PARENTHESIS.sub("", text).lower())
    words = [w.strip(_EDGE) for w in _WORD.findall(text)]
    words = [w.strip(_EDGE) for w in _expand(words)]
    words = [w for w in words if w]
    while words and words[0] in _words().articles:
        words = words[1:]
    if len(words) > 1 and _TIME_POSSESSIVE.fullmatch(words[0]):
        words = words[1:]  # "this year's submissions": the submissions
    words = _scope_first(words) if name else _singular_heads(_scope_first(words))
    return " ".join(words).strip(_EDGE)


# A time a phrase opens with as its possessor: "year's", "quarter's", "2025's".
_TIME_POSSESSIVE = re.compile(r"(?:year|month|quarter|week|(?:19|20)\d\d)'s")
# What re.IGNORECASE matches to 'i' and 's' that str.lower() does not turn into them.
_CASE_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold_case(text: str) -> str:
    """`text` in lower case, same length, such that wherever a case-insensitive regex matches
    an ASCII word, the folded text holds that word in lower case (so `word in fold_case(text)`
    rules out a match cheaply; checked over every code point in the tests).

    >>> fold_case("MARKET \u0130ndex \u017fhare")
    'market index share'
    """
    for special, plain in _CASE_FOLD:
        if special in text:
            text = text.replace(special, plain)
    return text.lower()


def vocabulary_key(written: str) -> str:
    """A phrase a case-insensitive vocabulary pattern matched, as the vocabulary's own phrases
    are written (lower case, one space apart): case folded as the regex engine folds it ('İ'
    and 'ſ' match 'i' and 's', which `str.lower` keeps apart or writes as two characters), and
    each run of spaces one space, as the patterns read a space.

    >>> vocabulary_key("Aſia \u00a0Pacific"), vocabulary_key("BİLLİON")
    ('asia pacific', 'billion')
    """
    return " ".join(fold_case(written).split())


@lru_cache(maxsize=4)
def folded_page(text: str) -> str:
    """`fold_case` of a whole page, folded once for all its page-wide scans (the cue index, the
    money scope lines, the count of a word): one extractor after another asks of the same page.

    >>> folded_page("I said: ſo it goes")
    'i said: so it goes'
    """
    return fold_case(text)

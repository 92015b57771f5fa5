"""Rankings stated in prose ('ML Engineer took the top spot in the 2019 Indeed report',
'data scientist ranked No. 3 among the best jobs') and in numbered lists the page frames as a
ranking (`ranked_lists`).

A sentence gives a ranking claim when it names a role and a rank phrase; the ranked item is
the role named last before the phrase (a role named only after it is what something else is
ranked among: 'Python tops the list of languages data scientists use'); the list it ranks in
is the report the sentence attributes, if any.
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Sentence,
    collect,
    escape_phrase,
    find_roles,
    plain_years,
    terms,
)
from mlefacts.extract.ranked_lists import ranked_list_claims
from mlefacts.normalize.text import normalize_subject

_FORMER = re.compile(r"\bfrom\s*$", re.IGNORECASE)

NAME = "prose_rankings"
VERSION = "2"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocabulary = terms("ranking_terms")
    first = "|".join(escape_phrase(p) for p in sorted(vocabulary["first"], key=len, reverse=True))
    words = "|".join(vocabulary["ordinal_words"])
    places = "|".join(vocabulary["places"])
    verbs = "|".join(escape_phrase(v) for v in vocabulary["placing_verbs"])
    superlatives = "|".join(escape_phrase(s) for s in vocabulary["superlatives"])
    ordinal = rf"(?:(?P<{{g}}word>{words})|(?P<{{g}}n>\d{{{{1,3}}}})(?:st|nd|rd|th))"
    first_pattern = re.compile(rf"(?<![\w#])(?:{first})(?![\w-])", re.IGNORECASE)
    ordinal_pattern = re.compile(
        rf"\brank(?:ed|s)?\s+(?:no\.?\s*|#\s*|number\s+)?(?P<n>\d{{1,3}})(?:st|nd|rd|th)?\b"
        rf"|(?:\bno\.\s*|(?<![\w&])#)(?P<n3>\d{{1,3}})\b"
        rf"|\b(?P<n2>\d{{1,3}})(?:st|nd|rd|th)\s+(?:{places})\b"
        rf"|\b(?P<word>{words})\s+(?:{places})\b"
        rf"|\b(?:{verbs})\s+(?:at\s+|in\s+)?{ordinal.format(g='v')}\b",
        re.IGNORECASE,
    )
    superlative_pattern = re.compile(
        rf"(?<!\bof )\b(?:is|was|remains|remained|became|becomes|ranks as|ranked as)\s+the\s+"
        rf"(?:{ordinal.format(g='s')}[\s-]+)?(?:{superlatives})\b",
        re.IGNORECASE,
    )
    return first_pattern, ordinal_pattern, superlative_pattern


def extract(doc: Document) -> list[Claim]:
    """Ranking claims from the document's sentences and ranked numbered lists."""
    return [*collect(doc, _read_sentence, name=NAME), *ranked_list_claims(doc, name=NAME)]


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    """One claim per rank phrase whose item, a role, comes after the previous phrase."""
    text = doc.text[sentence.start : sentence.end]
    claims: list[Claim] = []
    roles = _items(text)
    previous = 0
    for rank, at, end in _ranks(text):
        if _FORMER.search(text, 0, at):
            continue
        before = [role for role in roles if previous <= role[0] and role[1] <= at]
        previous = end
        if before:
            claims.append(_claim(doc, sentence, text, before[-1], rank))
    return claims


def _items(text: str) -> list[tuple[int, int, str]]:
    """What a sentence can rank: the roles it names, and other job titles ('cloud security
    analyst': words before a title head such as analyst, manager, technician)."""
    roles = find_roles(text)
    stops = _item_stops()
    titles = []
    for match in _title_pattern().finditer(text):
        if any(start < match.end() and match.start() < end for start, end, _ in roles):
            continue
        words = list(re.finditer(r"[A-Za-z][\w/&-]*", match.group("words")))
        while words and words[0].group().lower() in stops:
            words.pop(0)
        if any(word.group().lower() in stops for word in words) or not words:
            continue
        start = match.start("words") + words[0].start()
        titles.append((start, match.end(), normalize_subject(text[start : match.end()])))
    return sorted([*roles, *titles])


def _claim(
    doc: Document, sentence: Sentence, text: str, ranked: tuple[int, int, str], rank: int
) -> Claim:
    years = plain_years(doc.text, sentence.start, sentence.end, skip=[])
    qualifiers: dict[str, object] = {"item_phrase": text[ranked[0] : ranked[1]]}
    source = find_attribution(
        doc.text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    if source:
        qualifiers["list"] = source
    return Claim(
        kind="ranking",
        subject=ranked[2],
        attribute="rank",
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        value=float(rank),
        unit="rank",
        text=ranked[2],
        year=years[0][1] if len(years) == 1 else None,
        qualifiers=qualifiers,
        attributed_to=source,
    )


@cache
def _title_pattern() -> re.Pattern[str]:
    heads = "|".join(escape_phrase(h) for h in terms("ranking_terms")["items"]["heads"])
    return re.compile(
        rf"(?<![\w-])(?P<words>(?:[A-Za-z][\w/&-]*\s+){{1,3}})(?:{heads})s?(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _item_stops() -> frozenset[str]:
    return frozenset(terms("ranking_terms")["items"]["stops"])


def _ranks(text: str) -> list[tuple[int, int, int]]:
    """Every rank a sentence states, as (rank, phrase start, phrase end), in text order; a
    phrase inside an earlier one ('ranked No. 1' holds 'No. 1') is read once.

    >>> _ranks("Dentists came in at No. 3, followed by nurses at No. 4.")
    [(3, 20, 25), (4, 49, 54)]
    >>> _ranks("It ranks fourth; the role is the second most advertised job.")
    [(4, 3, 15), (2, 26, 55)]
    """
    first_pattern, ordinal_pattern, superlative_pattern = _patterns()
    words = terms("ranking_terms")["ordinal_words"]
    found: list[tuple[int, int, int]] = []
    for match in first_pattern.finditer(text):
        found.append((1, match.start(), match.end()))
    for match in ordinal_pattern.finditer(text):
        word = match.group("word") or match.group("vword")
        number = match.group("n") or match.group("n2") or match.group("n3") or match.group("vn")
        found.append((int(words[word.lower()]) if word else int(number), *match.span()))
    for match in superlative_pattern.finditer(text):
        word, number = match.group("sword"), match.group("sn")
        rank = int(words[word.lower()]) if word else int(number) if number else 1
        found.append((rank, *match.span()))
    kept: list[tuple[int, int, int]] = []
    for rank, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if kept and start < kept[-1][2]:
            continue
        if rank > 0:
            kept.append((rank, start, end))
    return kept

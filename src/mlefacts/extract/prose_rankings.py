"""Rankings stated in prose: 'ML Engineer took the top spot in the 2019 Indeed report',
'data scientist ranked No. 3 among the best jobs'.

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
)
from mlefacts.extract.cues import may_hold, phrase_keys
from mlefacts.toml_files import load_data

NAME = "prose_rankings"
VERSION = "1"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    vocabulary = load_data("ranking_terms")
    first = "|".join(escape_phrase(p) for p in sorted(vocabulary["first"], key=len, reverse=True))
    words = "|".join(vocabulary["ordinal_words"])
    places = "|".join(vocabulary["places"])
    first_pattern = re.compile(rf"(?<![\w#])(?:{first})(?![\w-])", re.IGNORECASE)
    ordinal_pattern = re.compile(
        rf"\brank(?:ed|s)?\s+(?:no\.?\s*|#\s*|number\s+)?(?P<n>\d{{1,3}})(?:st|nd|rd|th)?\b"
        rf"|\b(?P<n2>\d{{1,3}})(?:st|nd|rd|th)\s+(?:{places})\b"
        rf"|\b(?P<word>{words})\s+(?:{places})\b",
        re.IGNORECASE,
    )
    return first_pattern, ordinal_pattern


@cache
def _keys() -> tuple[str, ...] | None:
    """Words one of which every rank phrase holds: sentences without any are skipped."""
    vocabulary = load_data("ranking_terms")
    return phrase_keys([*vocabulary["first"], "rank", *vocabulary["places"]])


def extract(doc: Document) -> list[Claim]:
    """Ranking claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME)


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    if not may_hold(doc.text, sentence.start, sentence.end, _keys()):
        return []
    text = doc.text[sentence.start : sentence.end]
    rank, at = _rank(text)
    if rank is None:
        return []
    before = [role for role in find_roles(text) if role[1] <= at]
    if not before:
        return []
    ranked = before[-1]
    years = plain_years(doc.text, sentence.start, sentence.end, skip=[])
    qualifiers: dict[str, object] = {"item_phrase": text[ranked[0] : ranked[1]]}
    source = find_attribution(
        doc.text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    if source:
        qualifiers["list"] = source
    return [
        Claim(
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
    ]


def _rank(text: str) -> tuple[int | None, int]:
    """The rank a sentence states and where its phrase starts, or (None, 0)."""
    first_pattern, ordinal_pattern = _patterns()
    match = first_pattern.search(text)
    if match:
        return 1, match.start()
    match = ordinal_pattern.search(text)
    if not match:
        return None, 0
    if match.group("word"):
        return int(load_data("ranking_terms")["ordinal_words"][match.group("word").lower()]), (
            match.start()
        )
    return int(match.group("n") or match.group("n2")), match.start()

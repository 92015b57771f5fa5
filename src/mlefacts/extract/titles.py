"""Job titles beyond the role vocabulary: 'cloud security analyst', 'data labeling lead'.

Roles the pipeline knows (`context.find_roles`) come first; other titles are up to three words
before a title head ('analyst', 'manager', 'technician' ... in ranking_terms.toml), none of them
a stop word. Rankings and counts use them to name what a list item, a card or a sentence is
about when it is not one of the known roles.
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.extract.context import find_roles, phrase_alternation, without_aliases
from mlefacts.extract.cues import Keys, declare, may_hold, word_keys
from mlefacts.extract.rank_marks import leading_rank
from mlefacts.normalize.numbers import scale_words
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

_WORD = re.compile(r"[A-Za-z][\w/&-]*")
_MAX_WORDS = 6


def find_titles(text: str) -> list[tuple[int, int, str]]:
    """Roles and other job titles named in `text`, as (start, end, normalized title).

    >>> [t[2] for t in find_titles("Data engineer leads, while cloud security analyst is next")]
    ['data engineer', 'cloud security analyst']
    """
    roles = find_roles(text)
    stops = title_stops()
    titles = []
    # Every title ends with a head word: a text holding none (most sentences) is not searched.
    matches = _title_pattern().finditer(text) if may_hold(text, 0, len(text), _head_keys()) else ()
    for match in matches:
        if any(start < match.end() and match.start() < end for start, end, _ in roles):
            continue
        words = list(_WORD.finditer(match.group("words")))
        # The title is the words after the last stop word ('the top three were prompt engineer').
        while any(word.group().lower() in stops for word in words):
            words.pop(0)
        if not words:
            continue
        start = match.start("words") + words[0].start()
        titles.append((start, match.end(), normalize_subject(text[start : match.end()])))
    return without_aliases(text, sorted([*roles, *titles]))


def title_of(label: str) -> str | None:
    """The title a short label is: a label of plain words that ends with a job title
    ('AI Research Scientist', 'AI Product Manager').

    >>> title_of("AI Research Scientist"), title_of("Open roles"), title_of("Jobs for an analyst")
    ('artificial intelligence research scientist', None, None)

    A countdown's number before the title is none of it:

    >>> title_of("3. Machine learning engineer"), title_of("#7 Solutions architect")
    ('machine learning engineer', 'solutions architect')
    """
    stripped = leading_rank().sub("", label.strip(" \t*_:."))
    words = [word.lower() for word in _WORD.findall(stripped)]
    found = find_titles(stripped)
    if not found or found[-1][1] != len(stripped) or len(words) > _MAX_WORDS:
        return None
    if any(word in title_stops() for word in words):
        return None
    return normalize_subject(stripped)


def heading_title(heading: str) -> str | None:
    """The job title a section's or card's heading is, which its pay is of ('Data Centre
    Technician'); None for a heading that only names a level of a bare title head ('Senior
    Engineer', 'Staff Engineer': levels of the page's own role) or is no title.

    >>> heading_title("Data Centre Technician"), heading_title("Senior Engineer")
    ('data centre technician', None)
    """
    title = title_of(heading)
    if title is None:
        return None
    words = title.split()
    return None if all(word in _LEVEL_WORDS for word in words[:-1]) else title


# Words a heading may put before a bare title head to name a level of it ('Senior Engineer').
_LEVEL_WORDS = frozenset(
    {"junior", "senior", "staff", "lead", "principal", "mid", "mid-level", "entry", "entry-level"}
    | {"graduate", "intern", "associate", "sr", "jr", "sr.", "jr.", "i", "ii", "iii", "iv"}
)


@cache
def _title_pattern() -> re.Pattern[str]:
    heads = phrase_alternation(load_data("ranking_terms")["items"]["heads"])
    return re.compile(
        rf"(?<![\w-])(?P<words>(?:[A-Za-z][\w/&-]*\s+){{1,3}}){heads}s?(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _head_keys() -> Keys | None:
    """The title heads, each of which starts a word in every title (see `cues`)."""
    return word_keys(load_data("ranking_terms")["items"]["heads"])


declare(lambda: [_head_keys()])


@cache
def title_stops() -> frozenset[str]:
    """Words no job title holds: a title named in text is the words after the last of them
    ('the top three were prompt engineer'), and a figure's scale word ('1.9 million
    developers') is one."""
    return frozenset(load_data("ranking_terms")["items"]["stops"]) | scale_words()

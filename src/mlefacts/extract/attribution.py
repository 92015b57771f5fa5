"""Who a sentence says its figure comes from, read from the sentence's syntax.

No organization names are known in advance: the source is the capitalized name in one of a few
shapes ('according to X', 'a report by X', "X's 2019 report", 'X maintains that', 'the 2017 X US
Job report'). The cue words live in `data/attribution.toml`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial

from mlefacts.extract.context import find_roles, is_place, phrase_alternation
from mlefacts.extract.cues import phrase_keys
from mlefacts.months import month_number
from mlefacts.normalize._data import trie
from mlefacts.normalize.text import fold_case
from mlefacts.toml_files import data_words, load_data

# A proper name: capitalized words (or camel-case like 'LinkedIn'), with lower-case joiners
# ('Bureau of Labor Statistics', 'Research and Markets') and '&'.
_WORD = r"(?:[A-Z][\w’'&.-]*[\w&.]|[A-Z])"
_NAME = rf"{_WORD}(?:\s+(?:(?:of|and|for|the|de|&)\s+)?{_WORD})*"
_YEAR = r"(?:(?:19|20)\d\d\s+)"


def _alternation(words: list[str]) -> str:
    return phrase_alternation(sorted(words, key=len, reverse=True))


@cache
def reporting_clause() -> re.Pattern[str]:
    """A reporting verb (or 'that') and the spaces after it: where the words saying who says
    so end ('The firm estimates that ', 'The same report says '); written in lower case, as a
    verb is, so that a name's capitalized word ('Gulf States', 'Data Projects') is none.

    >>> reporting_clause().split("The same report says India's AI sector")[-1]
    "India's AI sector"
    >>> reporting_clause().split("The Gulf States AI sector")[-1]
    'The Gulf States AI sector'
    """
    verbs = _alternation(load_data("attribution")["reporting_verbs"])
    return re.compile(rf"\b(?-i:that|{verbs})\s+")


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = load_data("attribution")
    reports = _alternation([*cues["report_nouns"], *cues["data_nouns"]])
    links = _alternation(cues["author_links"])
    lead_ins = _alternation(cues["lead_ins"])
    verbs = _alternation(cues["reporting_verbs"])
    adverbs = _alternation(cues["verb_adverbs"])
    # written in lower case, capitalized only where a sentence starts ('Tata Consultancy
    # Services' is a name, not a consultancy's)
    described = sorted(cues["organization_kinds"], key=len, reverse=True)
    capitalized = _alternation([kind.capitalize() for kind in described])
    kinds = rf"^\s*(?:{capitalized})|\b(?:{_alternation(described)})"
    return (
        (
            "author",
            re.compile(rf"(?i:\b(?:{reports}))\s+(?i:(?:{links}))\s+(?:the\s+)?(?P<name>{_NAME})"),
        ),
        (
            "possessive",
            re.compile(
                rf"(?P<name>{_NAME})['’]s\s+{_YEAR}?(?:[\w-]+\s+){{0,6}}?(?i:(?:{reports}))\b"
            ),
        ),
        (
            "lead_in",
            re.compile(
                rf"(?i:(?<![\w])(?:{lead_ins}))\s+(?:(?i:the|a|an)\s+)?{_YEAR}?"
                rf"(?P<name>{_NAME})(?:\s+(?P<report>(?i:{reports}))\b)?"
            ),
        ),
        (
            "titled_report",  # 'the 2017 X US Job report', 'a recent X survey'
            re.compile(
                rf"(?i:\b(?:the|an?(?:\s+(?:recent|new|latest|separate))?))\s+"
                rf"{_YEAR}?\s*(?P<name>{_NAME})\s+(?P<report>(?i:{reports}))\b"
            ),
        ),
        (
            "described",  # 'Research firm X estimates ...'
            re.compile(rf"(?:{kinds})\s+(?P<name>{_NAME})"),
        ),
        (
            "citation",  # '... by 2031 [Ostrava Insight, 2026]', '(Tovey Partners, 2025)'
            re.compile(rf"[\[(]\s*(?P<name>{_NAME})\s*,\s*(?:19|20)\d\d\s*[\])]"),
        ),
        (
            # a round-up's source in square brackets ending its sentence: '... by 2030 [Global
            # Labour Outlook].' (not a link's text, '[Read more](/x)')
            "bracketed",
            re.compile(rf"\[\s*(?P<name>{_NAME})\s*\](?!\()(?=[\s.;:!?*_]*$)"),
        ),
        (
            "trailing_verb",
            re.compile(rf"[,;(]\s*(?:{verbs})\s+(?P<name>{_NAME})"),
        ),
        (
            "reporting_verb",
            re.compile(
                rf"(?:^|[,;:(]\s*(?:the\s+)?|[.!?][*_]*\s+|\band\s+)(?P<name>{_NAME})"
                # ('X data shows', 'X research suggests': its publication between)
                rf"\s+(?:(?i:{reports})\s+)?(?:(?:{adverbs})\s+)?(?:{verbs})\b"
            ),
        ),
    )


@cache
def _needed_words() -> tuple[tuple[re.Pattern[str], ...], dict[str, int]]:
    """Groups of words (lower case), each as one pattern, and for each pattern of `_patterns`
    the groups (bit `i` for group `i`) of which it needs one word each: a segment whose
    `fold_case` lacks a word of such a group cannot match it, so the pattern, tried at every
    character, is not run there. The words are the longest of each cue phrase
    (`cues.phrase_keys`), plus what the patterns need besides: "'s", a bracket. A group's
    pattern is a trie of its literal words (`_data.trie`): it matches where one of them is
    written, as `word in folded` would say of each, in one search instead of one per word."""
    cues = load_data("attribution")
    groups = (
        _keys([*cues["report_nouns"], *cues["data_nouns"]]),
        _keys(cues["author_links"]),
        ("'s", "’s"),
        _keys(cues["lead_ins"]),
        ("(", "["),
        _keys(cues["reporting_verbs"]),
        _keys(cues["organization_kinds"]),
    )
    reports, links, possessive, lead_ins, bracket, verbs, kinds = (
        1 << i for i in range(len(groups))
    )
    patterns = tuple(re.compile(trie([list(map(re.escape, word)) for word in g])) for g in groups)
    return patterns, {
        "author": reports | links,
        "possessive": possessive | reports,
        "lead_in": lead_ins,
        "titled_report": reports,
        "described": kinds,
        "citation": bracket,
        "bracketed": bracket,
        "trailing_verb": verbs,
        "reporting_verb": verbs,
    }


def _keys(phrases: list[str]) -> tuple[str, ...]:
    keys = phrase_keys(phrases)
    return ("",) if keys is None else tuple(keys)  # no key: nothing is ruled out


def _runnable(segment: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns of `_patterns` whose needed words (`_needed_words`) `segment` holds."""
    folded = fold_case(segment)
    groups, needed = _needed_words()
    held = sum(1 << bit for bit, group in enumerate(groups) if group.search(folded))
    return [(kind, pattern) for kind, pattern in _patterns() if needed[kind] & held == needed[kind]]


def find_attribution(
    text: str, start: int, end: int, *, context_start: int | None = None
) -> str | None:
    """The source a figure in `text[start:end]` is attributed to, as written, or None.

    When the span names no source and `context_start` is given, the last source named in
    `text[context_start:start]` (the earlier part of the paragraph) is used.

    >>> find_attribution("According to a report by Grand View Research, it grew.", 0, 54)
    'Grand View Research'
    >>> s = "Throughout the 2022 Hirewell US Job report, the role ranked first."
    >>> find_attribution(s, 0, len(s))
    'Hirewell'
    >>> s = "Paywise maintains that the salary is Rs. 6,25,431."
    >>> find_attribution(s, 0, len(s))
    'Paywise'
    """
    found = _first_source(text[start:end])
    if found is None and context_start is not None and context_start < start:
        found = _last_source(text[context_start:start])
    return found


@lru_cache(maxsize=4096)
def _first_source(segment: str) -> str | None:
    """The earliest attribution in a segment; cached because every prose extractor asks it of
    the same sentences."""
    best: tuple[int, str] | None = None
    for kind, pattern in _runnable(segment):
        for match in pattern.finditer(segment):
            source = _source(kind, match)
            if source is not None and (best is None or match.start() < best[0]):
                best = (match.start(), source)
                break
    return best[1] if best else None


def _last_source(segment: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in _runnable(segment):
        for match in pattern.finditer(segment):
            source = _source(kind, match)
            if source is not None and (best is None or match.start() > best[0]):
                best = (match.start(), source)
    return best[1] if best else None


# The name a clause opens with, right before where it ends: 'LinkedIn named ...', 'In 2024,
# Glassdoor again crowned ...' (the words between a subject and its verb may be adverbs).
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|[,;:]\s*)(?P<name>{_NAME})\s+(?:(?:has|have|had|again|also|once again|just)\s+)*$"
)


def subject_source(text: str, at: int) -> str | None:
    """The source a clause names as its subject right before `at`, where its verb starts
    ('Hirewell named data engineer the fastest-growing job': 'Hirewell'): a proper name, not
    a pronoun, a role, a place or a group of people ('Developers named Rust ...').

    >>> subject_source("In 2024, Hirewell named X the top job", 18)
    'Hirewell'
    >>> subject_source("Developers named Rust the most loved", 11) is None
    True
    """
    found = _SUBJECT_BEFORE.search(text, 0, at)
    if found is None:
        return None
    name = _drop_leading_function_words(found["name"].strip(" .,"))
    return name if _plausible(name) else None


_POSSESSIVE_END = re.compile(r"['’]s$")


def _source(kind: str, match: re.Match[str]) -> str | None:
    name = _drop_leading_function_words(match.group("name").strip(" .,"))
    name = _POSSESSIVE_END.sub("", name)
    report = match.groupdict().get("report")
    if report:
        name = _publisher(name, report)
    return name if _plausible(name) else None


def _publisher(name: str, report: str) -> str:
    """The publisher inside a report's title, or the title when no publisher stands apart.

    'LinkedIn US Job' + 'report' -> 'LinkedIn' (title words stripped); a bare 'Acme' + 'report'
    -> 'Acme report': the article names the report, not (provably) an organization.
    """
    words = name.split()
    kept = list(words)
    while len(kept) > 1 and kept[-1].lower() in _report_descriptors():
        kept.pop()
    if len(kept) < len(words):
        return " ".join(kept)
    if len(words) == 1 and report.lower() not in _data_nouns():
        return f"{name} {report.lower()}"
    return name


def _drop_leading_function_words(name: str) -> str:
    # A sentence-initial capital ('In Acme Research', 'While Paywise') is not part of the name.
    words = name.split()
    while words and words[0].lower() in _not_sources():
        words.pop(0)
    return " ".join(words)


def _plausible(name: str) -> bool:
    if not name or not name[0].isupper():
        return False
    words = name.split()
    if month_number(words[0]) and all(word.isdigit() for word in words[1:]):
        return False  # a date: 'Hirewell data from October 2025'
    # 'per ML engineer' in an Italian sentence names a field, not a source
    return not (find_roles(name) or is_place(name) or name.lower() in _field_abbreviations())


@cache
def _field_abbreviations() -> frozenset[str]:
    """The abbreviations subject_words spells out ('ML', 'AI', 'NLP'), lower case."""
    return frozenset(key.lower() for key in load_data("subject_words")["abbreviations"])


def full_source_name(text: str, source: str | None) -> str | None:
    """The fullest form of a source the document names: 'Dunmore says' on a page that also
    writes 'Dunmore Research' gives 'Dunmore Research' (articles shorten a firm's name after
    the first mention).

    >>> full_source_name("Estimates from Dunmore Research. Dunmore says so.", "Dunmore")
    'Dunmore Research'
    """
    if not source:
        return source
    return _full_source_name(text, source)


@lru_cache(maxsize=1024)
def _full_source_name(text: str, source: str) -> str:
    longest = source
    for name in _followed_mentions(text, source):
        while len(name.split()) > len(source.split()) and not _plausible_tail(name):
            name = name.rsplit(maxsplit=1)[0]
        name = name.rstrip(".")
        if len(name) > len(longest):
            longest = name
    return longest


_NAME_TAIL = re.compile(rf"(?:\s+{_WORD})+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _followed_mentions(text: str, source: str) -> list[str]:
    """Each mention of `source` as a whole word followed by capitalized words, with them, left
    to right and not overlapping: a literal search, no regex compiled per source.

    >>> _followed_mentions("Dunmore Research; xDunmore Labs; Dunmore says", "Dunmore")
    ['Dunmore Research']
    """
    found = []
    position = text.find(source)
    while position >= 0:
        tail = _NAME_TAIL.match(text, position + len(source))
        if tail and not (position and _WORD_OR_HYPHEN.match(text, position - 1)):
            found.append(text[position : tail.end()])
            position = text.find(source, tail.end())
        else:
            position = text.find(source, position + 1)
    return found


def _plausible_tail(name: str) -> bool:
    """A longer name is the source's own only when it ends in an organization word
    ('Dunmore Research', 'Halvorsen Analytics'), not in the next sentence's first word."""
    return name.split()[-1].rstrip(".").lower() in _organization_words()


_report_descriptors = partial(data_words, "attribution", "report_descriptors")
_not_sources = partial(data_words, "attribution", "not_sources")
_data_nouns = partial(data_words, "attribution", "data_nouns")


@cache
def _organization_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("attribution")["organization_words"])

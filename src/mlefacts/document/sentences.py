"""Sentence spans inside a block, so extractors can quote the smallest unit that states a fact."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from mlefacts.document.model import Span
from mlefacts.normalize._data import UNSPACED_SCRIPTS
from mlefacts.toml_files import load_data

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket, or a footnote's
# number: 'in 2024.[3] Machine ...') and whitespace,
# unless the period belongs to a number (3.5), a single-letter initial (U.S.) or a common
# abbreviation. The next sentence must start with an upper-case letter (accented too), digit,
# quote, symbol or Spanish opening mark ('¿'), or a letter of a script without capitals ('입니다.
# 시니어는').
# A line break that the text kept (`text.unwrap` turns the breaks that only wrap a sentence into
# spaces) ends one too, when the next line opens as a sentence does and the line before does not
# lead into it (':', ',', ';'): '**Median salary: €71,500**' over 'US platforms set the pace'.
# A Chinese, Japanese or Korean full stop, exclamation or question mark ('。', '！', '？') ends
# one wherever text goes on after it: those scripts put no space between sentences and have no
# capitals ('東京では850万円。大阪では720万円。' is two).
_WORDS = [
    "e.g",
    "i.e",
    "etc",
    "vs",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "st",
    "no",
    "approx",
    "est",
    "fig",
    "rs",
    "sfr",
    "fr",
    "u.s",
    "u.k",
]


def _month_abbreviations() -> list[str]:
    """The months' short forms in quantity_words.toml [dates] ('Jan', 'Sept'): a form that
    begins a longer month name ends no sentence ('Jan. 15, 2025'); 'May' is a whole name."""
    months = [month.lower() for month in load_data("quantity_words")["dates"]["months"]]
    return [m for m in months if any(o != m and o.startswith(m) for o in months)]


_ABBREVIATIONS = frozenset([*_WORDS, *_month_abbreviations()])
# The last three characters of every abbreviation of three or more: a word ending in three
# other ASCII letters is longer than any shorter abbreviation, so it needs no reading
# ('engineers.': 'ers'; an ending of two letters would read every word ending in 'rs' or 'st').
_ABBREVIATION_ENDS = frozenset(
    abbreviation[-3:] for abbreviation in _ABBREVIATIONS if len(abbreviation) >= 3
)
# Capitals with accents that open sentences of European languages ('À Lyon', 'Étant', 'Łódź').
_UPPER_ACCENTED = "À-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
# The mark comes first, as one character class, and the lookbehind after it tells which kind
# it is: the regex engine then skips in its own loop the characters that are no mark (a pattern
# opening with a group or an alternation is tried at every character). Group 1 or 2 (the
# closing quotes after the mark) ends where the sentence does.
_BOUNDARY = re.compile(
    r"[.!?。！？\n](?:"
    rf"(?<=[.!?])((?:[\"'”’)\]*_\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|\[\d{{1,3}}\])*)\s+(?=[\"'“‘(\[¿¡*_]{{0,2}}[A-Z0-9$€£₹{_UPPER_ACCENTED}{UNSPACED_SCRIPTS}])"
    r"|(?<=[。！？])([」』”’）)\]]*)\s*(?=\S)"
    rf"|(?<=\n)(?<![:,;]\n)\s*(?=[\"'“‘(\[¿¡*_]?[A-Z0-9$€£₹{_UPPER_ACCENTED}{UNSPACED_SCRIPTS}]))"
)
# Longer "sentences" are runs of text without punctuation (a scraped blob, a 10 MB line): they
# are cut into pieces of at most this many characters, so that a quote stays a readable span and
# the extractors' work per sentence stays bounded. Real sentences are far shorter.
MAX_SENTENCE_CHARS: Final = 2_000
# A cut never touches a figure: the characters on both sides of the cut must not be digits, so a
# number keeps its currency sign, separators and scale word.
_FIGURE_EDGE = re.compile(r"\d")
_LEADER: Final = "...."


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split `text[start:end]` into sentence spans (offsets into `text`), trimmed of whitespace.

    >>> t = "Pay rose 5.5% in the U.S. market. Demand grew! Done"
    >>> [t[s.start:s.end] for s in sentence_spans(t)]
    ['Pay rose 5.5% in the U.S. market.', 'Demand grew!', 'Done']
    >>> t = "Postings rose 11% on 2024.¹ Pay kept pace."
    >>> [t[s.start:s.end] for s in sentence_spans(t)]
    ['Postings rose 11% on 2024.¹', 'Pay kept pace.']
    >>> t = "東京では850万円。大阪では720万円！"
    >>> [t[s.start:s.end] for s in sentence_spans(t)]
    ['東京では850万円。', '大阪では720万円！']
    """
    return list(_sentence_spans(text, start, len(text) if end is None else end))


def last_sentence(text: str) -> str:
    """The last sentence of a lead-in: what it says of the figures under it ('I made this
    switch in 2022. Pay right now, gross base per year:' -> 'Pay right now, ...').

    >>> last_sentence("I moved in 2022. Pay right now, per year:")
    'Pay right now, per year:'
    """
    spans = sentence_spans(text)
    return text[spans[-1].start : spans[-1].end] if spans else ""


@lru_cache(maxsize=4096)
def _sentence_spans(text: str, start: int, end: int) -> tuple[Span, ...]:
    """`sentence_spans`, cached: every extractor splits the same blocks of one document."""
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        mark = match.start()
        if text[mark] == "." and not _plain_end(text, cursor, mark):
            # a dot leader ('Senior median ........ R1.15m') ends no sentence; its period
            # follows a period, so a plain end (after a letter or digit) is never one
            if text.startswith(_LEADER, mark - 3):
                continue
            word = _word_before(text, cursor, mark)
            if word and (
                word.lower().rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isupper())
            ):
                continue
        # its mark and closing quotes, not the space; a line break the text kept ends the line
        stop = mark if text[mark] == "\n" else match.end(match.lastindex or 1)
        if stop - cursor <= MAX_SENTENCE_CHARS and not text[cursor].isspace():
            spans.append(Span(cursor, stop))  # nothing to trim or cut: most sentences
        else:
            _append_trimmed(text, cursor, stop, spans)
        cursor = match.end()
    if 0 < end - cursor <= MAX_SENTENCE_CHARS and not (
        text[cursor].isspace() or text[end - 1].isspace()
    ):
        spans.append(Span(cursor, end))  # the last sentence, as above
    else:
        _append_trimmed(text, cursor, end, spans)
    return tuple(spans)


def _plain_end(text: str, start: int, mark: int) -> bool:
    """Whether the word before the period at `mark` is surely no abbreviation nor an initial,
    seen from its last three characters (most sentence ends: 'rising.', 'in 2024.').

    >>> _plain_end("Pay is rising.", 0, 13), _plain_end("in 2024.", 0, 7), _plain_end("Mrs.", 0, 3)
    (True, True, False)
    """
    if mark - start < 2:
        return False
    if "0" <= text[mark - 1] <= "9":
        return True
    end = text[mark - 3 : mark]
    return (
        mark - start > 2
        and end.isascii()
        and end.isalpha()
        and end.lower() not in _ABBREVIATION_ENDS
    )


def _word_before(text: str, start: int, mark: int) -> str:
    """The run of word characters (what `\\w` matches: alphanumerics and '_') and dots in
    `text[start:mark]` that ends at `mark` (a period): 'U.S' before 'U.S.', '' after a space."""
    first = mark
    while first > start:
        char = text[first - 1]
        if char.isalnum() or char == "." or char == "_":
            first -= 1
        else:
            break
    return text[first:mark]


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start, start + MAX_SENTENCE_CHARS)
        _append_trimmed(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(Span(start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long run: the last whitespace in text[start:limit] with no digit on
    either side, else the last place between two characters that are neither digits nor
    whitespace, else `limit`.

    >>> _cut("aa $5 bb cc", 0, 10)
    8
    """
    floor = start + (limit - start) // 2
    fallback = None
    for cut in range(limit - 1, floor, -1):
        left, right = text[cut - 1], text[cut]
        if _FIGURE_EDGE.match(left) or _FIGURE_EDGE.match(right):
            continue
        if right.isspace() and not (cut + 1 < len(text) and _FIGURE_EDGE.match(text[cut + 1])):
            return cut
        if fallback is None and not left.isspace() and not right.isspace():
            fallback = cut
    return fallback or limit


def quote_sentence(text: str, start: int, end: int) -> str:
    """The sentence (or table row, or list item) around a quote, so that a short quote such as
    a skill's name or a table cell reads in its context.

    >>> quote_sentence("Intro.\\nSkills: Python, SQL. More here.\\n", 23, 26)
    'Skills: Python, SQL.'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    spans = [
        s for s in sentence_spans(text, line_start, line_end) if s.end > start and s.start < end
    ]
    return text[spans[0].start : spans[-1].end] if spans else text[start:end]

"""Site chrome detection: which blocks are menus, share bars, 'Also read' links or author boxes.

The patterns live in `data/boilerplate.toml`. Blocks are only flagged, never removed, so the text
and every offset stay as the source wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from mlefacts.months import month_alternation
from mlefacts.normalize.money import written_codes
from mlefacts.toml_files import load_data

_BRACES = re.compile(r"[{}]+")
_WORD = re.compile(r"\w+")
# A block longer than this many characters per allowed word (`max_chars`) is never checked
# against `whole`, `prefix`, `image` or `links`.
_CHARS_PER_WORD = 12


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled patterns from `data/boilerplate.toml`."""

    whole: re.Pattern[str]
    prefix: re.Pattern[str]
    advert: re.Pattern[str]
    advert_keys: tuple[str, ...]
    image: re.Pattern[str]
    links: re.Pattern[str]
    reading_list: re.Pattern[str]
    max_words_whole: int
    max_words_prefix: int
    max_words_image: int
    max_words_links: int
    max_chars: int
    bio_words: frozenset[str]
    max_bio_blocks: int
    drop_tags: frozenset[str]
    drop_roles: frozenset[str]
    class_word: re.Pattern[str]
    state_words: frozenset[str]
    facts_aside: re.Pattern[str]
    facts_aside_cue: re.Pattern[str]
    facts_aside_lead_cue: re.Pattern[str]
    comment_word: re.Pattern[str]
    discussion_share: float
    chip_label: re.Pattern[str]
    chip_heading: re.Pattern[str]
    chip_class_words: frozenset[str]
    posting_class_words: frozenset[str]
    pay_table_heading: re.Pattern[str]
    content_class_pairs: frozenset[tuple[str, str]]
    related_roles_heading: re.Pattern[str]
    pay_caption: re.Pattern[str]


def _alternation(patterns: list[str], *, anchored_end: bool) -> re.Pattern[str]:
    body = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(f"(?:{body})" + (r"\Z" if anchored_end else ""), re.IGNORECASE)


def _bylines(text: dict[str, Any]) -> list[str]:
    """The byline patterns with their written date and its month filled in."""
    month = month_alternation()
    return [
        pattern.replace("{date}", text["byline_date"]).replace("{month}", month)
        for pattern in text["byline"]
    ]


def _cue_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, anywhere in a text."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


@cache
def rules() -> BoilerplateRules:
    """Load and compile the boilerplate data file once."""
    data = load_data("boilerplate")
    text, html = data["text"], data["html"]
    longest = max(text[f"max_words_{part}"] for part in ("whole", "prefix", "image", "links"))
    return BoilerplateRules(
        whole=_alternation([*text["whole"], *_bylines(text)], anchored_end=True),
        prefix=_alternation(text["prefix"], anchored_end=False),
        advert=_alternation(text["advert"], anchored_end=False),
        advert_keys=tuple(text["advert_keys"]),
        image=_alternation(text["image"], anchored_end=True),
        links=_alternation(text["links"], anchored_end=True),
        reading_list=_alternation(text["reading_list"], anchored_end=True),
        max_words_whole=text["max_words_whole"],
        max_words_prefix=text["max_words_prefix"],
        max_words_image=text["max_words_image"],
        max_words_links=text["max_words_links"],
        max_chars=longest * _CHARS_PER_WORD,
        bio_words=frozenset(text["bio_words"]),
        max_bio_blocks=text["max_bio_blocks"],
        drop_tags=frozenset(html["drop_tags"]),
        drop_roles=frozenset(html["drop_roles"]),
        class_word=_alternation(html["class_words"], anchored_end=True),
        state_words=frozenset(html["state_words"]),
        facts_aside=_alternation(
            [re.escape(h) for h in html["facts_aside_headings"]], anchored_end=True
        ),
        facts_aside_cue=_cue_pattern(html["facts_aside_cues"]),
        facts_aside_lead_cue=_cue_pattern(html["facts_aside_lead_cues"]),
        comment_word=_alternation(html["comment_class_words"], anchored_end=True),
        discussion_share=html["discussion_share"],
        chip_class_words=frozenset(html["chip_class_words"]),
        posting_class_words=frozenset(html["posting_class_words"]),
        pay_table_heading=_alternation(html["pay_table_headings"], anchored_end=True),
        content_class_pairs=frozenset(
            (a, b) for a, b in map(str.split, html["content_class_pairs"])
        ),
        related_roles_heading=_alternation(html["related_roles_headings"], anchored_end=True),
        pay_caption=_cue_pattern(html["pay_caption_words"]),
        chip_label=re.compile(
            r"(?:" + "|".join(map(re.escape, html["chip_labels"])) + r")\s*:", re.IGNORECASE
        ),
        chip_heading=re.compile(
            r"\b(?:" + "|".join(map(re.escape, html["chip_labels"])) + r")\b", re.IGNORECASE
        ),
    )


@cache
def _byline_pattern() -> re.Pattern[str]:
    return _alternation(_bylines(load_data("boilerplate")["text"]), anchored_end=True)


def is_byline(text: str) -> bool:
    """Whether a block is a byline ('**wharfside_dev** · 19 Jan 2026', 'By A. Writer | 2 May
    2025'): who wrote what follows and when."""
    words = normalize_for_matching(text)
    return len(words.split()) <= rules().max_words_whole and bool(_byline_pattern().match(words))


def normalize_for_matching(text: str, *, collapsed: bool = False) -> str:
    """Drop template braces and edge markup, collapse whitespace: what the patterns see.

    `collapsed`: the text's only whitespace is single spaces (a span of a rendered chunk that
    `collapse_spaces` would leave as it is but for its ends), so unless dropping braces joins
    two spaces, the edges are all there is left to strip (a space among them).

    >>> normalize_for_matching("{Also} {read}:\\u00a0 How to")
    'Also read: How to'
    >>> normalize_for_matching("** Also read: How to", collapsed=True)
    'Also read: How to'
    """
    if "{" in text or "}" in text:
        text = _BRACES.sub("", text)
    elif collapsed:
        return _edges_stripped(text)
    return _edges_stripped(collapse_spaces(text))


def _edges_stripped(text: str) -> str:
    """The text without its edge markup, nor the pictographs that open it ('📍 *Read next:*').

    >>> _edges_stripped("> 📍 *Read next:* [Pay](/pay)**")
    'Read next:* [Pay](/pay)'
    """
    text = text.lstrip(_EDGE)
    while text and text[0] >= _PICTOGRAPHS and unicodedata.category(text[0]) in _PICTOGRAPH:
        text = text[1:].lstrip(_EDGE)
    return text.rstrip("*_ ")


_EDGE = "*_#> "
# Symbols past the Latin ones ('©' stays: it opens a footer), and the selectors and joiners
# that shape an emoji out of them.
_PICTOGRAPHS = "\u2000"
_PICTOGRAPH = frozenset({"So", "Mn", "Cf"})


def collapse_spaces(text: str) -> str:
    """Whitespace runs as one space and none at the ends, as `" ".join(text.split())`, without
    splitting a text that has nothing to collapse (most of a page's blocks): a printable text's
    only whitespace is the space, every other character str.split takes for whitespace being
    unprintable.

    >>> collapse_spaces(" a  b\\n"), collapse_spaces(" a b ")
    ('a b', 'a b')
    """
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return " ".join(text.split())


def is_boilerplate_text(text: str) -> bool:
    """Whether a block's text alone reads as site chrome.

    >>> is_boilerplate_text("{Also} {read}: Deep Learning Salary in 2021")
    True
    >>> is_boilerplate_text("Related Articles"), is_boilerplate_text("Salaries rose 12% in 2023.")
    (True, False)
    >>> is_boilerplate_text("Acme · [Jobs](/jobs) · [Pay](/pay) · [Log in](/login)")
    True
    """
    return len(text) <= rules().max_chars and _reads_as_chrome(normalize_for_matching(text))


@lru_cache(maxsize=4096)
def _reads_as_chrome(cleaned: str) -> bool:
    """`is_boilerplate_text` of a block's `normalize_for_matching` text, once it is short enough.

    Kept for the short blocks a site repeats on each of its pages (menu items, 'Related
    articles', its footer), each matched against a few dozen patterns."""
    r = rules()
    words = cleaned.count(" ") + 1 if cleaned else 0  # its words are one space apart
    return (
        (words <= r.max_words_whole and r.whole.match(cleaned) is not None)
        or (
            words <= r.max_words_prefix
            and (r.prefix.match(cleaned) is not None or _advertises(cleaned))
        )
        or (words <= r.max_words_image and r.image.match(cleaned) is not None)
        # every `links` pattern is a bar of markdown links ('[Jobs](/jobs)'): a text without
        # '](' holds none, and is not matched against it
        or (words <= r.max_words_links and "](" in cleaned and _links_bar(cleaned))
    )


def _advertises(cleaned: str) -> bool:
    """Whether a block with figures makes an advert's call to buy (`advert`): its prices and
    boasts are what must not be read as facts. Searched only when it holds a digit and one of
    the calls' words, as most blocks do not."""
    if not _holds_digit(cleaned):
        return False
    r = rules()
    low = cleaned.lower()
    return any(key in low for key in r.advert_keys) and r.advert.search(cleaned) is not None


def _links_bar(cleaned: str) -> bool:
    """A bar of markdown links (`links`), alone or after a lead-in to other pages on its line
    ('More career advice: [8 jobs that pay over $200k](/a) · [..](/b) · [..](/c)')."""
    r = rules()
    if r.links.match(cleaned) is not None:
        return True
    lead, colon, links = cleaned.partition(":")
    return (
        bool(colon)
        and r.reading_list.match(lead.strip(_EMPHASIS) + ":") is not None
        and r.links.match(links.lstrip(_EMPHASIS)) is not None
    )


_EMPHASIS = "*_ "


def mark_boilerplate(
    text: str, blocks: list[tuple[str, int, int]], collapsed: Sequence[bool] | None = None
) -> list[bool]:
    """One flag per `(kind, start, end)` block: pattern matches plus a trailing author box.

    `collapsed`: per block, whether its text is known to hold no whitespace but single spaces
    (see `normalize_for_matching`); by default none is."""
    r = rules()
    known = collapsed or [False] * len(blocks)
    # each block's text as the patterns see it, made once for the chrome and reading-list tests
    cleaned = [
        normalize_for_matching(text[start:end], collapsed=plain)
        for (_, start, end), plain in zip(blocks, known, strict=True)
    ]
    flags = [
        end - start <= r.max_chars and _reads_as_chrome(words)
        for (_, start, end), words in zip(blocks, cleaned, strict=True)
    ]
    _mark_reading_lists(blocks, cleaned, flags)
    _mark_author_box(text, blocks, flags)
    for index, (kind, start, end) in enumerate(blocks):
        if kind == "paragraph" and not flags[index] and quotes_earlier(text, start, end):
            flags[index] = True
    return flags


def quotes_earlier(text: str, start: int, end: int) -> bool:
    """Whether a short paragraph with a figure quotes words the page said before it (a reply
    quoting 'Base 175k, bonus ~20k' from the post above): its figures are the earlier ones,
    said again where the words around them no longer tell whose they are.

    >>> page = "NYC, 3 YOE. Base 175k, bonus 20k.\\n> Base 175k, bonus 20k.\\nNice."
    >>> quotes_earlier(page, 34, 57), quotes_earlier(page, 0, 33)
    (True, False)
    """
    if end - start > _MAX_QUOTED:
        return False
    passage = text[start:end]
    if not _holds_digit(passage):
        return False
    if ">" in passage:  # `_QUOTE_MARKS` ends in a '>': a passage without one it leaves as it is
        passage = _QUOTE_MARKS.sub(" ", passage)
    # its words one space apart, none at its ends (stripped with the quote marks): counted by
    # its spaces, without splitting it again
    quoted = collapse_spaces(passage).strip(_QUOTES)
    words = quoted.count(" ") + 1 if quoted else 0
    # found within text[:start], without copying the page up to there
    return words >= _MIN_QUOTED_WORDS and text.find(quoted, 0, start) != -1


def _holds_digit(passage: str) -> bool:
    """Whether a text holds a digit (the regex's `\\d`): ten plain searches find an ASCII one
    several times faster than the regex scans for any, and only a text holding characters
    past ASCII can hold another.

    >>> _holds_digit("Base 175k"), _holds_digit("Nice."), _holds_digit("Base \u0661\u0667\u0665k")
    (True, False, True)
    """
    return any(map(passage.__contains__, "0123456789")) or (
        not passage.isascii() and _DIGIT.search(passage) is not None
    )


# A quoted excerpt: short, a few words at least (a repeated '2025' or 'Base 90k' says nothing).
_MAX_QUOTED = 400
_MIN_QUOTED_WORDS = 4
_DIGIT = re.compile(r"\d")
# What a quotation adds around the words it repeats: '> ' at a line's start, quote marks at its
# ends (the page's text keeps its own spaces and apostrophes: the words are looked up as written).
_QUOTE_MARKS = re.compile(r"(?m)^\s*>+")
_QUOTES = '"“”‘’ '


def _mark_reading_lists(
    blocks: list[tuple[str, int, int]], cleaned: list[str], flags: list[bool]
) -> None:
    """Flag the items of a list of other pages ('Recommended for you:' then '- Edge AI Market
    to Grow at 24.9% CAGR...'): a headline's figure is another page's, not this page's.

    >>> page = "Recommended for you:\\n- AI Market Worth $9 Billion\\nThe end."
    >>> mark_boilerplate(page, [("paragraph", 0, 20), ("list_item", 21, 49), ("paragraph", 50, 58)])
    [True, True, False]
    """
    r = rules()
    for index, ((kind, _, _), words) in enumerate(zip(blocks, cleaned, strict=True)):
        if kind == "list_item":
            continue
        if words.count(" ") >= r.max_words_whole or not r.reading_list.match(words):
            continue
        following = index + 1
        # the list items after it; under a heading ('Similar jobs'), the paragraphs a text
        # page's lines became when no list comes first
        listed = (
            "paragraph"
            if kind == "heading" and _kind_at(blocks, following) == "paragraph"
            else "list_item"
        )
        while _kind_at(blocks, following) == listed:
            following += 1
        items = range(index + 1, following)
        if not items or _roles_pay(words, [cleaned[item] for item in items]):
            continue  # no list after it, or other roles' pay ('Related roles in Seattle')
        for flagged in (index, *items):
            flags[flagged] = True


def _roles_pay(lead: str, items: list[str]) -> bool:
    """Whether the items under 'Related roles in Seattle' each give a role its pay ('Data
    Scientist – average base $143,200/yr'): the other roles' pay, the page's data; not other
    postings, each listed with its fields ('Data Scientist - Pricing | Pune | ₹12 - 20 LPA').

    >>> _roles_pay("related roles in seattle", ["data scientist – average base $143,200/yr"])
    True
    >>> _roles_pay("similar jobs", ["data scientist - pricing | pune | ₹12 - 20 lpa"])
    False
    """
    return (
        bool(items)
        and _ROLES_LEAD.fullmatch(HEADING_SCOPE.sub("", lead)) is not None
        and all(states_sum(item) and len(_FIELD_BAR.findall(item)) < 2 for item in items)
    )


def states_sum(text: str) -> bool:
    """Whether a text states a sum: a currency's sign or written code before a figure.

    >>> states_sum("Data Scientist · $139,200"), states_sum("usd 139,200"), states_sum("avg 3")
    (True, True, False)
    >>> states_sum("Data Scientist · 54.000 €")
    True
    """
    return bool(_SUM_SIGN.search(text)) or any(
        code.group(1).upper() in written_codes() for code in _CODE_SUM.finditer(text)
    )


# A heading's place and bracketed note after what it names: ' in Austin (all levels, ...)'.
HEADING_SCOPE = re.compile(r"(?:\s+in\s+[A-Za-z][\w ,.'’-]{0,40}?)?(?:\s*\([^()]{1,80}\))?\s*$")
# A lead-in naming other roles, not other postings ('Related roles', 'Similar careers'; unlike
# `related_roles_headings`, which a table's pay caption backs, 'Similar jobs' over sums lists
# postings).
_ROLES_LEAD = re.compile(
    r"(?:related|similar|other)\s+(?:roles|occupations|careers|job\s+titles)\s*:?", re.IGNORECASE
)
_SUM_SIGN = re.compile(r"[$€£¥₹]\s?\d|\d\s?[$€£¥₹]")  # '$139,200', '54.000 €'
_CODE_SUM = re.compile(r"\b([a-z]{3})\s?\d", re.IGNORECASE)
_FIELD_BAR = re.compile(r"\s[|·•]\s")


def _kind_at(blocks: list[tuple[str, int, int]], index: int) -> str | None:
    return blocks[index][0] if index < len(blocks) else None


def _mark_author_box(text: str, blocks: list[tuple[str, int, int]], flags: list[bool]) -> None:
    """Flag the last section when it is a short byline box ('Editorial Team' + a bio paragraph).

    The cue is generic: after the last real heading come only a few paragraphs, and together
    with the heading they use at least two different author-box words. Under a heading that
    names no author ('What does an ML engineer do all day?') the box starts at the first
    paragraph that does: the answer above it is the page's.
    """
    r = rules()
    last = next(
        (i for i in range(len(blocks) - 1, -1, -1) if blocks[i][0] == "heading" and not flags[i]),
        None,
    )
    if last is None:
        return
    body = [i for i in range(last + 1, len(blocks)) if not flags[i]]
    if not body or len(body) > r.max_bio_blocks or any(blocks[i][0] != "paragraph" for i in body):
        return
    said = [_bio_words(text, blocks[i]) for i in (last, *body)]
    box = [last, *body]
    if not said[0]:
        first = next((n for n, words in enumerate(said) if words), len(said))
        box, said = box[first:], said[first:]
    if len(set().union(*said)) >= 2:
        for i in box:
            flags[i] = True


def _bio_words(text: str, block: tuple[str, int, int]) -> set[str]:
    """The author-box words a block uses (its first 2,000 characters)."""
    _, start, end = block
    words = {w.lower() for w in _WORD.findall(text, start, min(end, start + 2000))}
    return words & rules().bio_words


def is_chrome_class(value: str) -> bool:
    """Whether a class or id value names a menu, share bar, cookie banner or similar component.

    >>> is_chrome_class("social-share-buttons"), is_chrome_class("has-sidebar")
    (True, False)
    >>> is_chrome_class("entry-content")
    False
    """
    return _chrome_class(value[:200])


def is_chrome_id(value: str) -> bool:
    """Whether an id names a chrome component: as a class does, but an id of three or more
    words that opens with no chrome word is a slug of its content's title
    ('senior-mle-search', a job card's), not a component's name ('search-results-list').

    >>> is_chrome_id("site-search"), is_chrome_id("search-results-list")
    (True, True)
    >>> is_chrome_id("senior-mle-search")
    False
    """
    words = _class_words(value[:200])
    if len(words) >= _SLUG_WORDS and not rules().class_word.match(words[0]):
        return False
    return _chrome_class(value[:200])


# How many words an id has from which on it may be a slug of a title.
_SLUG_WORDS = 3


def is_chip_class(value: str) -> bool:
    """Whether a class or id value names a list of chips or tags.

    >>> is_chip_class("job-tags"), is_chip_class("footer")
    (True, False)
    """
    return not rules().chip_class_words.isdisjoint(_class_words(value[:200]))


def is_posting_class(value: str) -> bool:
    """Whether a class or id value names one job posting ('job-card', 'vacancy').

    >>> is_posting_class("job-card"), is_posting_class("post-card")
    (True, False)
    """
    return not rules().posting_class_words.isdisjoint(_class_words(value[:200]))


def is_comment_class(value: str) -> bool:
    """Whether a class or id value names a thread's comments.

    >>> is_comment_class("comment reply"), is_comment_class("comments-open")
    (True, False)
    """
    words = _class_words(value[:200])
    return bool(words) and any(map(rules().comment_word.match, words))


@lru_cache(maxsize=4096)
def _chrome_class(value: str) -> bool:
    """Whether one of the value's words names chrome, unless it ends a pair that names content
    ('job-ads': job advertisements, not adverts).

    >>> _chrome_class("ad-slot"), _chrome_class("job-ads")
    (True, False)
    """
    words = _class_words(value)
    pairs = rules().content_class_pairs
    return any(
        rules().class_word.match(word) and (i == 0 or (words[i - 1], word) not in pairs)
        for i, word in enumerate(words)
    )


@lru_cache(maxsize=4096)
def _class_words(value: str) -> tuple[str, ...]:
    """A class value's words, none when one of them makes it a state ('has-sidebar')."""
    words = tuple(w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", value))
    return () if any(word in rules().state_words for word in words) else words

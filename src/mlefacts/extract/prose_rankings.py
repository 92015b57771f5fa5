"""Rankings stated in prose ('ML Engineer took the top spot in the 2019 Indeed report',
'data scientist ranked No. 3 among the best jobs') and in numbered lists the page frames as a
ranking (`ranked_lists`).

A sentence gives a ranking claim when it names an item (a role, another job title, a skill) and
a rank phrase; the ranked item is the one named last before the phrase (one named only after it
is what something else is ranked among: 'Python tops the list of languages data scientists
use'), or right after it ('Topping the list is AI engineer'); items after 'followed by' take the
next ranks. The list it ranks in is the report the sentence attributes, if any.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache, partial
from typing import NamedTuple

from mlefacts.document.model import Document
from mlefacts.extract.attribution import find_attribution, subject_source
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    RESPECTIVELY,
    Sentence,
    collect,
    find_roles,
    is_place,
    phrase_alternation,
    place_name,
    place_spans,
    plain_years,
    prose_sentences,
    prose_spans,
    sentence_before,
    sentence_role,
)
from mlefacts.extract.cues import (
    Keys,
    declare,
    has_digit,
    holding_masks,
    spans_holding,
    word_keys,
)
from mlefacts.extract.grammar import WH_WORD, is_question
from mlefacts.extract.rank_marks import ORDINAL_ENDING, marker, prose_marker
from mlefacts.extract.ranked_lists import (
    item_subject,
    purpose_blanked,
    ranked_list_claims,
    says_ranked,
)
from mlefacts.extract.sections import clean_text, document_role, vocabulary_pattern
from mlefacts.extract.table_frame import rank_value
from mlefacts.extract.titles import find_titles, title_of, title_stops
from mlefacts.normalize._data import gated
from mlefacts.normalize.numbers import cardinal_words
from mlefacts.normalize.skills import find_skills, skill_alone
from mlefacts.normalize.text import normalize_subject, vocabulary_key
from mlefacts.toml_files import data_words, load_data

_RANK_LABEL = re.compile(r"^[\W_]*(?:(?:rank(?:ing|ed)?|position|place)\b[\W_]*)?$", re.IGNORECASE)
# What leads from a rank phrase to the item named after it: 'At No. 5 is X', 'the runner-up
# spot there went to X', 'Next up, at No. 7, is X'.
_INVERTED = re.compile(
    r"(?:\s+(?:place|spot|position))?(?:\s+(?:there|here|again|this\s+year|this\s+month))?"
    r"(?:\s*,[^,.;:]{1,40},)?\s*,?\s*(?:on\s+(?:the|its|their|this)\s+(?:[\w'’-]+\s+){0,4}?(?:list|ranking)\s*)?"
    r"(?:is|was|are|were|goes to|went to|:|—|–)\s*(?:the\s+)?",
    re.IGNORECASE,
)
# 'Tied at No. 4 are X and Y': a plural link, so every item of the enumeration after it.
_PLURAL_LINK = re.compile(r"\b(?:are|were)\s*(?:the\s+)?$", re.IGNORECASE)
# A list's items with their ranks in brackets, after words that say they go on with a list
# ('Rounding out the list: product analyst (7), MLOps engineer (8) and prompt engineer (10)').
_LIST_GOES_ON = re.compile(
    r"\b(?:round(?:ing|s|ed)?\s+out|(?:the\s+)?(?:rest|remainder)\s+of\s+the\s+(?:list|ranking|top)"
    r"|also\s+(?:on|in)\s+the\s+(?:list|ranking|top)|the\s+list\s+continues)\b",
    re.IGNORECASE,
)
_BRACKET_RANK = re.compile(r"\s*\(\s*(?:(?:no\.?|#|rank)\s*)?(\d{1,3})\s*\)", re.IGNORECASE)
_FOLLOWED = re.compile(r"\bfollowed\s+(?:closely\s+)?by\s+", re.IGNORECASE)
# Superlatives that rank first when 'of any' follows ('the fastest rise of any tool').
_OF_ANY = ("fastest", "highest", "largest", "biggest", "strongest", "steepest", "sharpest")
# ', behind X', ', after X', ' only to X' (after a rank below the first: 'second only to X'):
# X is ahead.
_BEHIND = re.compile(
    r",\s*(?:just\s+|narrowly\s+|only\s+)?(?:behind|after)\s+(?:only\s+)?|\s+only\s+to\s+(?:the\s+)?",
    re.I,
)
# A sentence that goes on with the ranking of the sentence before it: 'It was followed by X
# and Y.', 'They were followed by X.'
_FOLLOWED_ON = re.compile(
    r"\s*(?P<name>it|they|this|these|those|that|[\w][\w.+#'’/-]*(?:\s+[\w.+#'’/-]+){0,3}?)"
    r"\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?followed\s+by\s+",
    re.IGNORECASE,
)
_FOLLOWED_KEYS = Keys(("followed",), word_start=True)  # of `_FOLLOWED_ON` (see `cues`)
_FOLLOWING_PRONOUNS = frozenset({"it", "they", "this", "these", "those", "that"})
# Between two ranks of one item in two lists: 'No. 2 in Best Technology Jobs and No. 7'.
_ANOTHER_LIST = re.compile(r"\s+(?:in|on|among)\s+[^,;.]{1,60}?\s*,?\s*(?:and|&)\s+", re.IGNORECASE)
# An item right after a clause that ranked another: 'SQL came second, Java third'.
_ELLIPSIS = re.compile(r"(?:[,;]\s*(?:and\s+|while\s+)?|\s+and\s+)(?:the\s+)?$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# An ordinal written in digits ('3rd'), as `_patterns` read one.
_DIGIT_ORDINAL = re.compile(rf"\d{ORDINAL_ENDING}", re.IGNORECASE)
# Between two items of a list: commas, 'and', 'then', 'and then', and what the page says of the
# first ('R (64%),', 'Python at 48.2 per cent and').
# ... or a dash aside ('devops engineers — which combines development and operations — data
# engineers').
_SEPARATOR = re.compile(
    r"(?:\s*\([^()]{0,80}\))?(?:\s+(?:at|with|on)\s+[^\s,;()]{1,12}(?:\s+(?:per\s*cent|percent))?)?"
    r"(?:\s*[—–]\s*[^—–.;]{1,80}?\s*[—–])?"
    r"[\s,;]*(?:and\s+|&\s+)?(?:then\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s*")
_THAN_ANY_OTHER = re.compile(r"than\s+any\s+other", re.IGNORECASE)
_COPULA = re.compile(r"(?:is|was|are|were|remains|remained)\s", re.IGNORECASE)
# A sentence's opening words: a name of up to four words, capitalised, without digits, maybe
# after words that ask for it ('Experience with large language models was the fastest-rising
# requirement').
_OPENING = re.compile(
    r"\s*(?:(?:Experience|Familiarity|Proficiency|Expertise|Knowledge|Skills?)\s+(?:with|in|of)\s+"
    r"(?P<asked>[A-Za-z][\w&'’.+#-]*(?:\s+[\w&'’.+#-]+){0,3}?)"
    r"|(?P<name>[A-Z][\w&'’.+#-]*(?:\s+[\w&'’.+#-]+){0,3}?))\s+"
)
# Where a clause of a sentence begins: after a comma or semicolon, or 'and', 'while', 'but'.
_CLAUSE = re.compile(r"[,;]\s+(?:(?:and|while|but|whereas)\s+)?|\s(?:and|while|but|whereas)\s+")
# A clause that turns to another item ('California leads with 19% of AI jobs, but Texas is now
# the #2 hub'): an item named before it is not what a rank after it ranks.
_CONTRAST = re.compile(r",?\s+(?:but|whereas|although|though)\s+(?P<next>\w+)", re.IGNORECASE)
# 'The list is led by X', 'this year's index was topped by X': X is first.
_LED_BY = re.compile(r"[\w ]+?\s+(?:is|was)\s+(?:led|topped|headed)\s+by", re.IGNORECASE)
_CLOSING_BEFORE = re.compile(
    r"\b(?:round(?:ing|s|ed)?|clos(?:ing|es|ed)|complet(?:ing|es|ed))(?:\s+out)?\s+$", re.I
)
# A sentence's list of names: split at commas and 'and'; its end is a full stop, and what a
# bracket adds ('(listed in descending order)'); each name is capitalised, up to four words.
_ENUMERATION_COMMAS = re.compile(r"\s*[,;]\s*(?:and\s+|&\s+)?")
_ENUMERATION_SPLIT = re.compile(r"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_ENUMERATION_END = re.compile(r"\s*(?:\([^()]*\)\s*)?[.;:!?)]*\s*$")
_ENUMERATED_NAME = re.compile(
    r"[A-Z][\w.+#'’/-]*(?:\s+[A-Z0-9][\w.+#'’/-]*){0,3}(?:\s+\([A-Z][\w.+#/-]{0,15}\))?"
)
# In a list as long as its count says: a capitalised name whose other words may be lower case
# ('LLM tuning', 'Natural Language Processing (NLP)').
_COUNTED_NAME = re.compile(
    r"[A-Z][\w.+#'’/-]*(?:\s+[\w.+#'’/-]+){0,3}(?:\s+\([A-Z][\w.+#/-]{0,15}\))?"
)
# ... or any short name, lower case too, in a list that says it ranks skills or jobs.
_PLAIN_NAME = re.compile(r"\w[\w.+#'’/-]*(?:\s+[\w.+#'’/-]+){0,3}")
# 'making it the most requested', 'which makes it the top city': the sentence's opening ranks.
_MAKING_IT = re.compile(r"(?:which\s+)?(?:making|makes|made)\s+it\b", re.IGNORECASE)
# A superlative among a set of job titles: '... of the three titles', '... of all the roles'.
_RANKS_TITLES = re.compile(
    r"\s+of\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?(?:job\s+)?"
    r"(?:titles|roles|jobs)\b",
    re.IGNORECASE,
)
_CLAUSE_OPENING = re.compile(r"[;:(]\s*|\b(?:but|while|whereas)\s+", re.IGNORECASE)
# A preposition right before a place makes it where something holds, not a ranked item ('ahead
# of Hyderabad (2nd)' names a rival; 'second only to Austin' ranks Austin).
_WHERE = re.compile(
    r"\b(?:in|at|from|across|for|(?<!\bahead\s)of|(?<!\bonly\s)to|within|throughout|outside|than|near|around)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MAX_TAIL_WORDS = 4
_MAX_NAME_WORDS = 6

NAME = "prose_rankings"
# The rank of an item placed last ('pays the least'): claimed as 1 with `order` 'lowest'.
LOWEST = -1
VERSION = "3"


@cache
def _count_words() -> dict[str, int]:
    """The number words a ranking counts or places with ('the top three', 'at number seven'):
    those of `normalize.numbers.cardinal_words` from two to twenty, as its digit patterns read,
    longest first."""
    words = {word: n for word, n in cardinal_words().items() if 2 <= n <= 20}
    return dict(sorted(words.items(), key=lambda item: len(item[0]), reverse=True))


@cache
def _asides() -> re.Pattern[str]:
    """A clause that tells of an item, not of its rank ('prompt engineer, which was barely a
    title in 2023,'): its year dates no rank."""
    words = phrase_alternation(load_data("ranking_terms")["items"]["asides"])
    return re.compile(rf",\s+{words}\b[^,;]*", re.IGNORECASE)


@cache
def _marked() -> re.Pattern[str]:
    """'No. 3', '#2', 'runner-up': a rank written before the item it ranks."""
    second = phrase_alternation(load_data("ranking_terms")["second"])
    return re.compile(rf"{prose_marker()}\d{{1,3}}|{second}", re.IGNORECASE)


# A short aside in commas after a verb ('is, by a mile, the most requested'): no figure in it.
_ASIDE = r"(?:\s*,\s*[^\d,;.:]{1,30}?,)?"
_PAYS = re.compile(r"pa(?:ys|id)\b", re.IGNORECASE)
# Pay given to whom, between 'pays' and 'the most' or 'the least' ('Banking pays ML engineers
# the most', 'Kolkata pays data scientists the least').
_PAYS_WHOM = r"|\bpa(?:ys|id)\s+(?:[\w-]+\s+){1,3}?the\s+"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocabulary = load_data("ranking_terms")
    first = phrase_alternation(sorted(vocabulary["first"], key=len, reverse=True))
    last = phrase_alternation(sorted(vocabulary["last"], key=len, reverse=True))
    words = "|".join(vocabulary["ordinal_words"])
    cardinals = "|".join(_count_words())
    places = "|".join(vocabulary["places"])
    verbs = phrase_alternation(vocabulary["placing_verbs"])
    taking = phrase_alternation(vocabulary["taking_verbs"])
    moving = phrase_alternation(vocabulary["moving_verbs"])
    modifiers = phrase_alternation(vocabulary["place_modifiers"])
    adverbs = rf"(?:{phrase_alternation(vocabulary['adverbs'])}\s+)?"
    lists = phrase_alternation(vocabulary["list_nouns"])
    second = phrase_alternation(vocabulary["second"])
    ordinal = rf"(?:(?P<{{g}}word>{words})|(?P<{{g}}n>\d{{{{1,3}}}}){ORDINAL_ENDING})"
    # An ordinal that ends its clause or names its place: 'C holds second,', 'took third place'.
    clause_end = (
        rf"(?=\s*(?:[,.;:!?)]|$)"
        rf"|\s+(?:and|with|on|in|behind|ahead|among|overall|for|only\s+to|{places})\b)"
    )
    first_pattern = re.compile(
        # a last place, by its phrase or 'the lowest' ending its clause ('... and Nova Scotia
        # the lowest.')
        rf"(?<![\w#])(?:(?P<last>{last}|the\s+lowest(?=\s*(?:[.;,)]|$)){_PAYS_WHOM}least)"
        rf"|{first}{_PAYS_WHOM}most)(?![\w-])",
        re.IGNORECASE,
    )
    ordinal_pattern = re.compile(
        rf"\b(?:rank(?:ed|s|ing)?|position)(?:\s+|\s*:\s*)(?:{marker()}\s*)?"
        rf"(?P<n>\d{{1,3}}){ORDINAL_ENDING}?\b"
        rf"|\bnumber\s+(?P<n4>\d{{1,2}})\b(?![-\d])"
        rf"|\bnumber\s+(?P<card2>{cardinals})\s+(?:{places})\b"
        rf"|\b{verbs}\s+(?:[\w'’-]+\s+){{0,3}}?number\s+(?P<card3>{cardinals})\b"
        rf"|\b(?P<led>(?:{lists})\s+(?:is|was)\s+(?:led|topped|headed)\s+by)\b"
        # ('#20-61' in an address is a unit, no rank)
        rf"|{prose_marker()}(?P<n3>\d{{1,3}})\b(?![-–]\d)"
        rf"|\b(?P<n2>\d{{1,3}}){ORDINAL_ENDING}\s+(?:{places})\b"
        rf"|\b(?P<word>{words})\s+(?:{places})\b"
        rf"|\b{verbs}\s+(?:it\s+)?(?:at\s+|in\s+)?(?:a\s+{modifiers}\s+)?{ordinal.format(g='v')}\b"
        rf"|\b{taking}\s+(?:a\s+{modifiers}\s+)?{ordinal.format(g='t')}{clause_end}"
        rf"|\b{moving}\s+(?:(?:up|down|back)\s+)?(?:[\w-]+\s+(?:places?|spots?|positions?|ranks?|rungs?)\s+)?"
        rf"to\s+(?:{ordinal.format(g='m')}|{prose_marker(spelled=True)}(?P<mk>\d{{1,3}}))\b"
        rf"|\b(?:is|was|are|were|sits|sat|remains|remained)\s+{adverbs}(?:a\s+{modifiers}\s+)?"
        rf"(?:{ordinal.format(g='x')}|number\s+(?P<card4>{cardinals}))"
        rf"(?=\s*[,.;!?]|\s*$|\s+and\b|\s+only\s+to\b|\s+(?:at|with|on)\s+[^\s\d]?\d)"
        rf"|\b(?:is|was|sits|sat|remains|remained)\s+{adverbs}a\s+{modifiers}\s+{ordinal.format(g='y')}\b"
        # 'Bengaluru tops the table, with Hyderabad a close second': no verb, its modifier
        # makes the ordinal a place ('a second office' is none)
        rf"|\bwith\s+[^,;.]{{1,40}}?\s+(?P<after_item>a\s+{modifiers}\s+{ordinal.format(g='w')})\b"
        rf"|\b(?:at|to)\s+{prose_marker(spelled=True)}(?P<card>{cardinals})\b"
        rf"|\b{ordinal.format(g='l')}(?=\s+(?:on|in)\s+(?:[\w'’.-]+\s+){{0,5}}?{lists}\b)"
        rf"|(?<![\w-])(?P<second>{second})(?![\w-])"
        # 'posted the fastest growth in base pay of any metro we cover': first among them all
        rf"|\b(?P<ofany>(?:{'|'.join(_OF_ANY)})\s+(?:[\w-]+\s+){{0,5}}?of\s+any)\b"
        rf"|(?<!\bthe\s)\b(?P<top>tops|topped|topping|top|leads|led|heads|headed|heading)\s+"
        rf"(?:the|its|their|this|[\w'’]+['’]s?)\s+(?:[\w'’-]+\s+){{0,5}}?{lists}\b"
        # 'topped all AI job titles by posting volume'
        rf"|\b(?P<topall>tops|topped|topping|leads|led)\s+all\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:job\s+)?(?:titles|roles|jobs|occupations|skills|languages|tools)\b",
        re.IGNORECASE,
    )
    # ('is 2nd most sought skill': with an ordinal, 'the' may be left out; 'is, by a mile, the
    # most requested': an aside in commas may follow the verb)
    # ('is LinkedIn's fastest-growing job', 'is the country's best-paid job': an owner may
    # stand for 'the')
    superlative_pattern = re.compile(
        rf"(?<!\bof )\b{phrase_alternation(vocabulary['superlative_verbs'])}{_ASIDE}\s+{adverbs}"
        rf"(?:(?:the\s+(?:[\w&.-]+['’]s\s+)?|[\w&.-]+['’]s\s+)"
        rf"{_superlative(vocabulary, ordinal.format(g='s'))}|{ordinal.format(g='o')}[\s-]+"
        rf"{phrase_alternation(vocabulary['superlatives'])})\b",
        re.IGNORECASE,
    )
    # Case-insensitive alternations, tried on every sentence that may rank: see `gated`.
    return gated(first_pattern), gated(ordinal_pattern), gated(superlative_pattern)


def _superlative(vocabulary: dict, ordinal: str) -> str:
    """'most in-demand', 'second most advertised', '3rd best': a superlative, or an ordinal and a
    word that ranks only after one; 'the best career', 'the top job': 'best' or 'top' before a
    noun of jobs; 'the top hiring location': 'top' and a word before a noun of what lists
    rank."""
    superlatives = phrase_alternation(vocabulary["superlatives"])
    after_ordinal = phrase_alternation(vocabulary["ordinal_superlatives"])
    # one word may stand between ('the top emerging job'), but not a count ('the top ten jobs')
    counts = "|".join([*_count_words(), *vocabulary["ordinal_words"]])
    between = rf"(?:(?!(?:{counts})\b)[a-z][a-z-]*\s+)?"
    jobs = (
        rf"(?:best|top)[\s-]+{between}{phrase_alternation(vocabulary['job_nouns'])}"
        rf"|top[\s-]+{between}{phrase_alternation(vocabulary['top_nouns'])}"
    )
    # 'the skill named most often', 'the skill employers asked for most often': a noun (and
    # who asks), then a superlative that follows it
    after_noun = (
        rf"[\w'’-]+\s+(?:[\w'’-]+\s+)?{phrase_alternation(vocabulary['after_noun_superlatives'])}"
    )
    return (
        rf"(?:{ordinal}[\s-]+(?:{superlatives}|{after_ordinal})|{superlatives}|{jobs}"
        rf"|{after_noun})"
    )


@cache
def _inverted_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """'The fastest-growing job of 2024 is X' (the item named after 'is'), 'named X the most
    in-demand role' (the item between the verb and the superlative), and 'the top three were X,
    Y and Z' (the items listed after the verb take ranks 1 to N)."""
    vocabulary = load_data("ranking_terms")
    words = "|".join(vocabulary["ordinal_words"])
    cardinals = "|".join(_count_words())
    ordinal = rf"(?:(?P<sword>{words})|(?P<sn>\d{{1,3}}){ORDINAL_ENDING})"
    # ('the skill most in demand is X': a noun may come before the superlative)
    superlative = re.compile(
        rf"(?<!\bof )\bthe\s+(?:[\w'’-]+\s+){{0,2}}?{_superlative(vocabulary, ordinal)}[\s-]+"
        rf"(?:[\w'’-]+\s+){{0,6}}?(?:is|was)\s+(?:the\s+)?",
        re.IGNORECASE,
    )
    named = re.compile(
        rf"\b{phrase_alternation(vocabulary['naming_verbs'])}\s+(?P<item>[^.;:]{{3,60}}?)\s+"
        rf"the\s+(?:\*\*|__)?{_superlative(vocabulary, ordinal)}\b",  # 'the **2nd fastest-growing
        re.IGNORECASE,
    )
    count = rf"(?:(?P<{{g}}word>{cardinals})|(?P<{{g}}n>[2-9]|1[0-9]|20))"
    # 'the top three were', 'the top 5 databases according to the poll include', 'the ten most
    # loved frameworks, in descending order, include:' (without 'top', only with an order cue)
    top = re.compile(
        rf"\b(?:the|its|their|[\w-]+['’]s)\s+"
        rf"(?:top\s+{count.format(g='')}|{count.format(g='o')}(?=\s+(?:most|best)\b))"
        rf"(?:\s+(?:[\w'’-]+(?:\s+|\s*,\s*[^,;:.]{{1,40}}?,\s*)){{0,6}}?"
        rf"(?:(?:were|are|was|is|included|include|went\s+to|go\s+to)\s*[:,]?|[\w'’-]+\s*:)"
        rf"|\s*:)\s*"
        rf"(?:in\s+(?:that\s+)?order\s*[:,]?\s*)?(?:the\s+)?",
        re.IGNORECASE,
    )
    return gated(superlative), gated(named), gated(top)


@cache
def _rank_keys() -> Keys | None:
    """The cue keys of `_ranks`' patterns besides a digit: every alternative of them holds a
    digit, an ordinal word, a superlative, a 'first' or 'second' phrase or a list noun ('tops the
    2025 rankings')."""
    vocabulary = load_data("ranking_terms")
    return word_keys(
        [
            *(phrase for phrase in vocabulary["first"] if not _DIGIT.search(phrase)),
            *vocabulary["last"],
            "lowest",
            "pays",  # 'pays ML engineers the most' (`_PAYS_WHOM`)
            "paid",
            *vocabulary["ordinal_words"],
            *_count_words(),
            *vocabulary["superlatives"],
            *vocabulary["after_noun_superlatives"],
            *vocabulary["top_nouns"],  # 'the top hiring location'
            *vocabulary["second"],
            "tops",
            "topped",
            "topping",  # 'topped all AI job titles'
            *vocabulary["list_nouns"],
        ]
    )


# Words that open many superlatives ('most in-demand', 'best-paid', 'top city'): the key of
# each phrase that begins with one (see `_covering`).
_ANCHORS = ("best", "most", "top")
# Of them, the one that also opens much prose that ranks nothing ('For most teams, ...'): its
# phrases are looked for whole in the sentences holding it (see `_most_phrases`).
_MOST = "most"


class _CueKeys(NamedTuple):
    """The key sets of `_cue_keys`, each found where a word starts."""

    first: Keys | None  # `_patterns`' first
    ordinal: Keys | None  # its second
    superlative: Keys | None  # its third
    inverted: Keys | None  # `_inverted_patterns`' superlative ones
    naming: Keys | None  # their naming verbs ('named X the most in-demand role')
    top: Keys | None  # 'top' ('the top three were', 'round out the top five')
    counts: Keys | None  # a count ('the ten most loved'), or else a digit
    most: Keys | None  # 'most' or 'best' after a count
    trailing: Keys | None  # `_trailing_patterns`' ordinals
    most_phrase: Keys | None  # `_MOST`, the key of the first, superlative and inverted
    # phrases that hold it, which the three sets above leave out (see `_cues`)


@cache
def _cue_keys() -> _CueKeys:
    """The keys (see `cues`) of what a sentence is read by, each found where a word starts: of
    `_patterns`' three, of `_inverted_patterns`, `_closing_patterns` and `_trailing_patterns`.

    A 'first' phrase without a digit holds its key, every other a '1' (`_first_digits`). An
    ordinal phrase holds an ordinal word, a 'second' phrase, a list noun, 'rank', 'position',
    'number', 'No.' or '#' (a cardinal comes only after one of the last three: 'at number
    seven'; a place or a moving verb only with an ordinal: 'took 3rd place', 'rose to No. 2'),
    or else an ordinal in digits ('placed 3rd', `_DIGIT_ORDINAL`). A superlative phrase holds a
    superlative, 'best' or 'top' ('the best job'), or an ordinal ('the second largest'); an
    inverted one a superlative, an ordinal superlative ('the 3rd largest'), 'best' or 'top',
    and a naming one also its verb ('named'); a list's top 'top' ('the top three were',
    'round out the top five') or a count and 'most' or 'best' ('the ten most loved'); a
    trailing ordinal an ordinal word, or else one in digits."""
    vocabulary = load_data("ranking_terms")
    ordinals = list(vocabulary["ordinal_words"])
    first = [
        *(phrase for phrase in vocabulary["first"] if not _DIGIT.search(phrase)),
        *vocabulary["last"],
        "lowest",
        "pays",  # 'pays ML engineers the most' (`_PAYS_WHOM`)
        "paid",
    ]
    marks = ["rank", "position", "number", "no.", "#"]
    superlatives = _but_most(_covering(vocabulary["superlatives"], _ANCHORS))
    return _CueKeys(
        first=_word_keys(_but_most(_covering(first, _ANCHORS))),
        ordinal=_word_keys(
            _covering(vocabulary["second"]),
            _covering(vocabulary["list_nouns"]),
            [*ordinals, *marks, "tops", "topped", "topping"],  # 'topped all AI job titles'
            list(_OF_ANY),  # 'the fastest growth of any metro'
        ),
        superlative=_word_keys(superlatives, ["best", "top", *ordinals]),
        inverted=_word_keys(
            superlatives,
            _but_most(_covering(vocabulary["ordinal_superlatives"], _ANCHORS)),
            ["best", "top"],
        ),
        naming=_word_keys(_covering(vocabulary["naming_verbs"])),
        top=_word_keys(["top"]),
        counts=_word_keys(list(_count_words())),
        most=_word_keys(["most", "best"]),
        trailing=_word_keys(ordinals),
        most_phrase=_word_keys([_MOST]),
    )


def _but_most(keys: list[str] | None) -> list[str] | None:
    """`keys` without `_MOST`, which `_CueKeys.most_phrase` holds alone."""
    return None if keys is None else [key for key in keys if key != _MOST]


@cache
def _most_phrases() -> re.Pattern[str]:
    """The phrases of `_patterns` and `_inverted_patterns` whose key is `_MOST` (a 'first'
    phrase, a superlative, an ordinal superlative or one after a noun that holds a word
    starting with it): every match of those patterns that holds no other key holds one of
    them whole, as the patterns write it, so a sentence holding 'most' but none of them
    ('For most teams, ...') is read by none of the three."""
    vocabulary = load_data("ranking_terms")
    phrases = [
        phrase
        for group in ("first", "superlatives", "ordinal_superlatives", "after_noun_superlatives")
        for phrase in vocabulary[group]
        if any(word.startswith(_MOST) for word in phrase.lower().split())
    ]
    return gated(re.compile(phrase_alternation(phrases), re.IGNORECASE))


def _word_keys(*groups: list[str] | None) -> Keys | None:
    """Word-start keys of the words of `groups`; None (nothing is ruled out) when a group is
    None."""
    if any(group is None for group in groups):
        return None
    return word_keys(word for group in groups for word in group or ())


def _covering(phrases: Iterable[str], anchors: Sequence[str] = ()) -> list[str] | None:
    """One word of each phrase that every match of it holds where a word starts: an anchor
    one of its words begins with, else its longest word (of equals, the one more phrases
    hold, then the first). A word with an apostrophe is none (a pattern reads it written
    either way); None when a phrase has none.

    >>> _covering(["most in-demand", "top city", "their crown", "its crown"], ("most", "top"))
    ['most', 'top', 'crown', 'crown']
    """
    plain = [
        [word for word in phrase.split() if "'" not in word and "’" not in word]
        for phrase in phrases
    ]
    shared = Counter(word for words in plain for word in set(words))
    keys = []
    for words in plain:
        anchor = next((a for a in anchors for word in words if word.startswith(a)), None)
        if anchor is None and not words:
            return None
        keys.append(anchor or max(words, key=lambda word: (len(word), shared[word])))
    return keys


@cache
def _first_digits() -> re.Pattern[str]:
    """A digit of which each 'first' phrase written with one holds one ('#1', 'No. 1')."""
    phrases = [p for p in load_data("ranking_terms")["first"] if _DIGIT.search(p)]
    digits = sorted({next(c for c in phrase if c.isdigit()) for phrase in phrases})
    return re.compile(f"[{''.join(digits)}]" if digits else "(?!)")


declare(lambda: [_rank_keys(), *_cue_keys(), _any_cue_keys(), _FOLLOWED_KEYS])


class _Cues(NamedTuple):
    """Which of the patterns and rules `_read_sentence` reads a sentence by may match it."""

    first: bool  # `_patterns`' three
    ordinal: bool
    superlative: bool
    inverted: bool  # `_inverted_patterns`' three
    named: bool
    top: bool
    closing: bool  # `_closing_patterns`
    trailing: bool  # `_trailing_patterns`' ordinals


def _cues(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, _Cues]:
    """By index, the `spans` of `text` (in text order, not overlapping) that hold the keys of
    one of the patterns or rules (see `_cue_keys`), with which of them may match: the spans
    holding a key or a digit are found first, then which keys each of those holds."""
    indexes = spans_holding(text, spans, _any_cue_keys(), digits=True)
    some = [spans[index] for index in indexes]
    masks = holding_masks(text, some, _cue_keys())
    digits = _first_digits()
    found: dict[int, _Cues] = {}
    for at, ((start, end), mask) in enumerate(zip(some, masks, strict=True)):
        first, ordinal, superlative, inverted, naming, top, counts, most, trailing, holds_most = (
            _bits(mask)
        )
        digit = has_digit(text, start, end)
        in_digits = digit and _DIGIT_ORDINAL.search(text, start, end) is not None
        phrased = holds_most and _most_phrases().search(text, start, end) is not None
        first = first or phrased
        inverted = inverted or phrased
        cues = _Cues(
            first=first or (digit and digits.search(text, start, end) is not None),
            ordinal=ordinal or in_digits,
            superlative=superlative or phrased or in_digits,
            inverted=inverted,
            named=inverted and naming,
            top=top or ((digit or counts) and most),
            closing=top,
            trailing=trailing or in_digits,
        )
        if any(cues):
            found[indexes[at]] = cues
    return found


@cache
def _bits(mask: int) -> tuple[bool, ...]:
    """`mask` as one flag per key set of `_CueKeys` (most sentences share a few masks)."""
    return tuple(mask >> bit & 1 == 1 for bit in range(len(_CueKeys._fields)))


@cache
def _any_cue_keys() -> Keys | None:
    """The keys a sentence with a cue holds, but for a digit: of `_cue_keys` but the naming
    verbs and the counts, which count only with an inverted or a 'most' key."""
    keys = _cue_keys()
    used = [keys.first, keys.ordinal, keys.superlative, keys.inverted, keys.top, keys.most]
    groups = [*used, keys.trailing]
    return None if None in groups else word_keys(key for group in groups for key in group or ())


@lru_cache(maxsize=8)
def _sentence_cues(doc: Document) -> dict[int, _Cues]:
    """`_cues` of the document's prose sentences, by start."""
    sentences = tuple(prose_sentences(doc))
    found = _cues(doc.text, prose_spans(doc))
    return {sentences[index].start: cues for index, cues in found.items()}


def extract(doc: Document) -> list[Claim]:
    """Ranking claims from the document's sentences, cards and ranked numbered lists; a
    sentence that is a ranked item's own line ('No. 2: Data Steward, hiring up 31%') is read
    once, as the item."""
    listed = ranked_list_claims(doc, name=NAME)
    sentences = [
        claim
        for claim in collect(doc, _read_sentence, name=NAME, keys=_rank_keys())
        if not any(_same_rank(claim, item) for item in listed)
    ]
    found = _once([*sentences, *_continued(doc, sentences)])
    structures = _ranked_structures(doc, listed) if found else []
    if structures:
        headings = [block.start for block in doc.blocks if block.kind == "heading"]
        found = [claim for claim in found if not _restated(doc.text, claim, structures, headings)]
    return [*found, *_card_claims(doc), *_answer_claims(doc), *listed]


def _once(claims: list[Claim]) -> list[Claim]:
    """Each claim once, in order: a sentence that states one rank twice ('... ranks first ...
    ranks first', one sentence where a page left out the space after a period) states one
    fact, and a second copy would repeat its id (ids hash all a claim says and where)."""
    kept: list[Claim] = []
    by_quote: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        same_quote = by_quote.setdefault((claim.char_start, claim.char_end), [])
        if claim not in same_quote:
            same_quote.append(claim)
            kept.append(claim)
    return kept


def _ranked_structures(
    doc: Document, listed: list[Claim]
) -> list[tuple[int, int, frozenset[tuple[str, int]]]]:
    """(start, end, {(subject, rank)}) of each ranked list and each table with a rank column."""
    lists: dict[object, list[Claim]] = {}
    for claim in listed:
        lists.setdefault(claim.qualifiers.get("list"), []).append(claim)
    structures = [
        (
            min(claim.char_start for claim in claims),
            max(claim.char_end for claim in claims),
            frozenset((claim.subject, int(claim.value or 0)) for claim in claims),
        )
        for claims in lists.values()
    ]
    for table in doc.tables:
        ranked = set()
        for row in table.rows:
            cells = [clean_text(doc.span_text(cell)) for cell in row]
            ranks = [rank_value(cell) for cell in cells]
            rank = next((value for value in ranks if value is not None), None)
            if rank is not None:
                ranked.update(
                    (item_subject(cell), rank)
                    for cell, value in zip(cells, ranks, strict=True)
                    if value is None and cell
                )
        if ranked:
            structures.append((table.start, table.end, frozenset(ranked)))
    return structures


def _restated(
    text: str,
    claim: Claim,
    structures: list[tuple[int, int, frozenset[tuple[str, int]]]],
    headings: list[int],
) -> bool:
    """A sentence that sums up a ranked list or table of its section, above or below it
    ('Python takes the lead ..., followed by R and Java' under a table of those ranks, 'Topping
    the list this year: machine learning engineer.' over the list; `headings`: where the page's
    headings start) states no rank of its own: the item at that rank there is the claim."""
    key = (claim.subject, int(claim.value or 0))
    section = bisect_left(headings, claim.char_start)
    # before the list, only a sentence that speaks of the list ('the list', 'this ranking'):
    # 'PyTorch comes top in job ads' over a reader's own ranked list is another ranking
    names_list = _THE_LIST.search(text, claim.char_start, claim.char_end)
    return any(
        key in ranked
        and (
            (end <= claim.char_start and bisect_left(headings, end) == section)
            or (
                names_list is not None
                and claim.char_end <= start
                and bisect_left(headings, start) == section
            )
        )
        for start, end, ranked in structures
    )


_THE_LIST = re.compile(
    r"\b(?:the|this|its|their|our)\s+(?:[\w'’-]+\s+){0,3}?(?:list|ranking|rankings|index)\b",
    re.IGNORECASE,
)


def _continued(doc: Document, claims: list[Claim]) -> list[Claim]:
    """'AI engineer topped the list. It was followed by AI consultant and ML researcher.': the
    items after 'followed by' take the ranks after the last one the sentence before gave, in
    its paragraph, when their own sentence states no rank."""
    found: list[Claim] = []
    sentences = tuple(prose_sentences(doc)) if claims else ()
    spans = prose_spans(doc) if claims else ()
    for index in spans_holding(doc.text, spans, _FOLLOWED_KEYS) if claims else ():
        sentence = sentences[index]
        match = _FOLLOWED_ON.match(doc.text, sentence.start, sentence.end)
        if match is None:
            continue
        earlier = [
            claim
            for claim in claims
            if sentence.block.start <= claim.char_start and claim.char_end <= sentence.start
        ]
        text = doc.text[sentence.start : sentence.end]
        if not earlier or _ranks(text):
            continue
        last = max(earlier, key=lambda claim: (claim.char_end, claim.value or 0.0))
        name = match.group("name")
        if name.lower() not in _FOLLOWING_PRONOUNS and item_subject(name) != last.subject:
            continue  # 'Machine learning was followed by ...' goes on from machine learning only
        position = match.end() - sentence.start
        listed = (
            _listed(text, _items(text), position)
            or _enumerated(text, position)
            or _plain_listed(text, position)
        )
        found.extend(
            _claim(doc, sentence, subject, phrase, int(last.value or 0) + offset)
            for offset, (subject, phrase) in enumerate(listed, start=1)
        )
    return found


def _same_rank(claim: Claim, item: Claim) -> bool:
    return (
        claim.char_start < item.char_end
        and item.char_start < claim.char_end
        and claim.value == item.value
    )


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    """One claim per rank phrase whose item, a role, comes after the previous phrase; a
    sentence that opens a named section with its rank alone ('Rank: #3.') ranks the name."""
    cues = _sentence_cues(doc).get(sentence.start)
    if cues is None:
        return []  # most sentences: no pattern or rule can match them
    text = doc.text[sentence.start : sentence.end]
    ranks = _ranks(text, (cues.first, cues.ordinal, cues.superlative))
    inverting = (cues.inverted, cues.named, cues.top)
    if not ranks:
        inverted = _inverted(doc, sentence, text, inverting) if any(inverting) else []
        closed = _closing(doc, sentence, text, claimed=inverted) if cues.closing else []
        followers = _followers(doc, sentence, text, _items(text), inverted) if inverted else []
        found = [*inverted, *followers, *closed]
        trailing = _trailing(doc, sentence, text, claimed=found) if cues.trailing else []
        labelled = [] if found or trailing else _labelled_first(doc, sentence, text)
        bracketed = [] if found or trailing or labelled else _bracketed_ranks(doc, sentence, text)
        return [*found, *trailing, *labelled, *bracketed]
    roles = _items(text)
    if RESPECTIVELY.search(text):
        # 'X, Y and Z made the list, coming in at No. 1, No. 23 and No. 22, respectively'
        named = [role for role in roles if role[1] <= ranks[0][1]]
        if len(ranks) > 1 and len(named) == len(ranks):
            return [
                _claim(doc, sentence, subject, text[start:end], rank)
                for (start, end, subject), (rank, _, _) in zip(named, ranks, strict=True)
            ]
    claims: list[Claim] = []
    previous = 0
    last_end = 0  # where the rank phrase before this one ends
    for rank, at, end in ranks:
        since_rank, last_end = last_end, end
        if _former().search(text, 0, at) or _former_after().match(text, end):
            continue
        if _former_before().match(text, _clause_start(text, at), at):
            continue
        before = [
            role
            for role in roles
            if previous <= role[0] and role[1] <= at and not _turns_away(text, role[1], at)
        ]
        after = _INVERTED.match(text, end)
        starts = {after.end()} if after else set()
        led = bool(_LED_BY.fullmatch(text, at, end))  # 'the list is led by X': X only
        if led or _marked().fullmatch(text, at, end):  # 'No. 3 Java', 'runner-up C++'
            starts.add(_SPACE.match(text, end).end())  # type: ignore[union-attr]
        named = [role for role in roles if role[0] in starts]
        since, previous = previous, named[0][1] if named else end
        if named:
            claims.append(_claim(doc, sentence, named[0][2], text[slice(*named[0][:2])], rank))
            if after and _PLURAL_LINK.search(after.group()):
                claims.extend(
                    _claim(doc, sentence, subject, phrase, rank)
                    for subject, phrase in _listed(text, roles, named[0][1])
                )
        elif led:
            continue
        elif before and _MAKING_IT.match(text, at):
            # 'Python appeared in 88% of ML engineer job ads, making it the most requested':
            # 'it' is what the sentence opens with, when that is an item ('Demand for X rose
            # 23%, making it ...' ranks nothing), or the one role named before it when the
            # superlative ranks titles ('Postings for AI engineers more than doubled, making it
            # the fastest-growing of the three titles')
            named = [item for item in before if not is_place(text[item[0] : item[1]])]
            if not text[: before[0][0]].strip(" *_#"):
                start, stop, subject = before[0]
                claims.append(_claim(doc, sentence, subject, text[start:stop], rank))
            elif len(named) == 1 and _RANKS_TITLES.match(text, end):
                start, stop, subject = named[0]
                claims.append(_claim(doc, sentence, subject, text[start:stop], rank))
        elif _THAN_ANY_OTHER.fullmatch(text, at, end):
            # 'San Francisco has more AI job ads than any other metro': the clause's subject,
            # not what it has more of ('Switzerland pays ML engineers more than any other')
            start = _clause_start(text, at)
            opening = [role for role in before if role[0] >= start][:1]
            if opening and not text[start : opening[0][0]].strip(" *_#"):
                first, last, subject = opening[0]
                claims.append(_claim(doc, sentence, subject, text[first:last], rank))
        elif (
            before
            and _RANK_COPULA.match(text, at)
            and _OTHER_SUBJECT.search(text, before[-1][1], at)
        ):
            continue  # '... an ML engineer role took 52 days, and 3 interview rounds was the
            # most common': the superlative's own clause has another subject
        elif before:
            item = _displacer(text, before[-1], roles)
            claims.extend(
                _claim(doc, sentence, subject, phrase, rank)
                for subject, phrase in _tied(text, roles, item, at)
            )
        elif claims and after is None and _ANOTHER_LIST.fullmatch(text, since_rank, at):
            # 'ranks No. 2 in Best Technology Jobs and No. 7 in 100 Best Jobs': the same item
            last = claims[-1]
            claims.append(_claim(doc, sentence, last.subject, last.text or last.subject, rank))
        elif referred := _referred_role(doc, sentence, since if claims else 0, end):
            claims.append(_claim(doc, sentence, *referred, rank))
        elif opening := _opening_name(text, since if claims else 0, at, end):
            claims.append(_claim(doc, sentence, normalize_subject(opening), opening, rank))
        elif not claims and _alone(text, at, end):
            named = _section_name(doc, sentence)
            if named:
                claims.append(_claim(doc, sentence, named[0], named[1], rank))
    # 'The most popular notebook was JupyterLab, ...; second place went to VS Code': an item
    # named after its superlative, before the ranks read above
    ranked = {claim.subject for claim in claims}
    inverted = _inverted(doc, sentence, text, inverting) if any(inverting) else []
    claims += [claim for claim in inverted if claim.subject not in ranked]
    return [
        *claims,
        *_followers(doc, sentence, text, roles, claims),
        *(_closing(doc, sentence, text, claimed=claims) if cues.closing else []),
        *(_trailing(doc, sentence, text, claimed=claims) if cues.trailing else []),
    ]


def _bracketed_ranks(doc: Document, sentence: Sentence, text: str) -> list[Claim]:
    """The ranks in brackets after the items of a sentence that goes on with a list ('Rounding
    out the list: product analyst (7), MLOps engineer (8) ...'): two items at least."""
    if not _LIST_GOES_ON.search(text):
        return []
    claims = []
    for start, end, subject in _items(text):
        found = _BRACKET_RANK.match(text, end)
        if found:
            claims.append(_claim(doc, sentence, subject, text[start:end], int(found.group(1))))
    return claims if len(claims) > 1 else []


def _trailing(
    doc: Document, sentence: Sentence, text: str, *, claimed: Sequence[Claim] = ()
) -> list[Claim]:
    """An ordinal right after an item that a placing verb, 'with' or 'ahead of' puts first: 'the
    list placed MLOps engineer seventh', 'scikit-learn was rated first, with pandas second',
    'ahead of XGBoost in second'; or, once the
    sentence ranked an item, that a comma or 'and' puts first: 'SQL came second, Java third'; or
    in brackets right after the item: 'Python (1st), SQL (2nd) and Java (3rd)'. Read only in
    a sentence that holds an ordinal (see `_cues`)."""
    opener, ordinal, bracketed = _trailing_patterns()
    if ordinal.search(text) is None and bracketed.search(text) is None:
        return []  # no ordinal anywhere, so none after an item: its items need not be found
    words = load_data("ranking_terms")["ordinal_words"]
    claims = []
    for start, end, subject in _items(text):
        after = bracketed.match(text, end)
        if after is None:
            after = ordinal.match(text, end)
            ranked = [*claimed, *claims]  # 'put AWS first, Azure second and GCP third'
            if after is None or not (
                opener.search(text, 0, start) or (ranked and _ELLIPSIS.search(text, 0, start))
            ):
                continue
        if any(claim.subject == subject for claim in claimed):
            continue
        word, number = after.group("word"), after.group("n")
        rank = int(words[vocabulary_key(word)]) if word else int(number)
        claims.append(_claim(doc, sentence, subject, text[start:end], rank))
    return claims


@cache
def _trailing_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    vocabulary = load_data("ranking_terms")
    verbs = phrase_alternation(vocabulary["trailing_verbs"])
    words = "|".join(vocabulary["ordinal_words"])
    places = "|".join(vocabulary["places"])
    modifiers = phrase_alternation(vocabulary["place_modifiers"])
    return (
        # ... or the item after the first: 'ahead of XGBoost in second', 'followed by R third'
        re.compile(
            rf"\b(?:{verbs}|with|ahead\s+of|followed\s+by|trailed\s+by)\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        re.compile(  # 'Java third', 'JAX a distant third', 'AI engineer (39,700) third'
            rf"(?:\s*\([^()]{{1,30}}\))?\s+(?:in\s+)?(?:a\s+{modifiers}\s+|the\s+)?(?:(?P<word>{words})|(?P<n>\d{{1,3}}){ORDINAL_ENDING})"
            # its share or score may follow: 'with GCP second at 28%', '... second (27%)'
            rf"(?=\s*(?:[,.;!?)]|\(\s*[^\s\d]?\d|$)|\s+(?:and|on|in|among|overall|{places})\b"
            rf"|\s+(?:at|with)\s+[^\s\d]?\d"
            # the superlative the item before was ranked by, its noun left out: '..., and
            # Cambridge the second best-paying,'
            rf"|\s+(?:best|most|highest|largest|biggest)[\w-]*\s*[,.;!?)])",
            re.IGNORECASE,
        ),
        re.compile(
            rf"\s*\(\s*(?:(?P<word>{words})|(?P<n>\d{{1,3}}){ORDINAL_ENDING})(?:\s+(?:{places}))?\s*\)",
            re.IGNORECASE,
        ),
    )


def _tied(
    text: str, roles: Sequence[tuple[int, int, str]], item: tuple[int, int, str], at: int
) -> list[tuple[str, str]]:
    """The items a rank phrase ranks, as (subject, phrase): `item`, and when a verb of tying
    stands between it and the phrase ('Kotlin and Swift share 9th place'), every item named
    with it right before ('data engineer and platform engineer tied for third')."""
    if _tying().fullmatch(text, item[1], at):
        listed = _listed_before(text, roles, item[1])
        if len(listed) > 1:
            return listed
    return [(item[2], text[item[0] : item[1]])]


@cache
def _tying() -> re.Pattern[str]:
    verbs = phrase_alternation(load_data("ranking_terms")["tie_verbs"])
    return re.compile(rf"\s+(?:\w+\s+){{0,2}}?{verbs}\s+(?:the\s+)?(?:a\s+)?", re.IGNORECASE)


def _displacer(
    text: str, last: tuple[int, int, str], roles: Sequence[tuple[int, int, str]]
) -> tuple[int, int, str]:
    """The item a rank phrase ranks: the last one named before it, unless a verb of displacing
    stands right before that one ('R edged out Julia for third place', 'Julia is now the
    fastest-growing language, edging past Kotlin to become the second most loved'): then
    the item named before the verb, which took the rank: the nearest, or, for a participle
    after a comma, the first of the sentence."""
    verb = _displacing().search(text, 0, last[0])
    if verb is None:
        return last
    earlier = [role for role in roles if role[1] <= verb.start()]
    if not earlier:
        return last
    # ', edging past Neo4j': a participle after a comma tells of the clause's first item
    return earlier[0] if verb.group().lstrip().startswith(",") else earlier[-1]


@cache
def _displacing() -> re.Pattern[str]:
    """A verb of displacing that ends where the displaced item begins."""
    verbs = phrase_alternation(load_data("ranking_terms")["displacing_verbs"])
    return re.compile(rf"(?:\s*,)?\s+(?:\w+ly\s+)?{verbs}\s+(?:the\s+)?$", re.IGNORECASE)


def _turns_away(text: str, start: int, end: int) -> bool:
    """Whether a contrast between `start` and `end` opens on another name, one no vocabulary
    knows ('..., but Texas is now the #2 hub'), not on a word that refers back ('..., but this
    year it came ninth')."""
    return any(
        found["next"][0].isupper() and found["next"].lower() not in _pronouns()
        for found in _CONTRAST.finditer(text, start, end)
    )


def _referred_role(
    doc: Document, sentence: Sentence, since: int, end: int
) -> tuple[str, str] | None:
    """(subject, phrase) of a rank given to a job the sentence refers to without naming it
    ('Glassdoor ranked it 6th among the best jobs', 'Indeed ranked the profession number one'):
    the role named last before it in its paragraph, else the sentence's section's or page's.
    Only in a sentence that speaks of jobs; the referring word is looked for from `since` (the
    end of the rank before) to `end` (the rank phrase's), offsets in the sentence."""
    text = doc.text[sentence.start : sentence.end]
    found = _referring().search(text, since, end)
    if found is None:
        return None
    if _SKILL_NOUN.match(text, end) or _SKILL_NOUN.search(text, found.end(), end):
        # 'Python appears in 82% of postings.' / 'It is by far the most requested skill': the
        # skill the sentence before opens with
        named = find_skills(_text_before(doc, sentence))
        return (item_subject(named[0].canonical), found.group()) if named else None
    if not _job_words().search(text):
        return None
    earlier = find_roles(doc.text[sentence.block.start : sentence.start])
    role = earlier[-1][2] if earlier else sentence_role(doc, sentence) or document_role(doc)
    return (role, found.group()) if role else None


# The noun of a superlative that ranks skills ('the most requested skill', 'the most used
# framework').
_SKILL_NOUN = re.compile(
    r"(?:\s*[\w-]+){0,2}?\s*\b(?:skills?|languages?|tools?|frameworks?|librar(?:y|ies)|platforms?)\b",
    re.IGNORECASE,
)


def _text_before(doc: Document, sentence: Sentence) -> str:
    """The sentence before this one in its block, else the paragraph or item right above."""
    before = sentence_before(doc, sentence)
    if before is not None:
        return doc.text[before.start : before.end]
    index = sentence.block_index - 1
    if index < 0 or doc.blocks[index].kind == "heading":
        return ""
    return doc.span_text(doc.blocks[index])


@cache
def _referring() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("ranking_terms")["items"]["referring"])


@cache
def _job_words() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("ranking_terms")["job_nouns"])


def _opening_name(text: str, since: int, at: int, end: int) -> str | None:
    """The few words a sentence opens with (or, after `since`, the clause that follows a
    comma or 'and': 'Seattle came third, and New York rose to fourth'), when a placing verb
    follows them right away ('Toronto ranked third') or a superlative (the rank phrase from
    `at` to `end`) of a noun of what lists rank ('Banking is the best-paying sector'): an item
    no vocabulary names."""
    if since:
        clauses = list(_CLAUSE.finditer(text, since, at))
        if not clauses:
            return None
        since = clauses[-1].end()
    match = _OPENING.fullmatch(text, since, at)
    ranked = (
        _placing().match(text, at)
        or (_COPULA.match(text, at) and _item_nouns().match(text, _SPACE.match(text, end).end()))
        or _PAYS.match(text, at)  # 'Banking and financial services pays ML engineers the most'
    )
    if match is None or not ranked:
        return None
    name = match.group("name") or match.group("asked")
    words = name.lower().split()
    if is_place(name):  # 'New York' ('new' alone opens no name)
        return name
    stops = set(words) & title_stops()
    if stops <= _JOINERS and _SINGULAR.match(text, at):
        stops = set()  # 'Banking and financial services pays ... the most': one name
    return None if words[0] in _pronouns() or stops else name


# Words that join two names, and a verb in the singular after them that makes the two one
# item ('Banking and financial services pays', not 'Python and SQL are').
_JOINERS = frozenset({"and", "&"})
_SINGULAR = re.compile(r"(?:is|was|\w+[^s\W]s)\b", re.IGNORECASE)


def _closing(
    doc: Document, sentence: Sentence, text: str, *, claimed: Sequence[Claim] = ()
) -> list[Claim]:
    """'C and C# round out the top five' (the items named right before the verb end the list:
    the last is fifth) and 'Python, SQL and Bash made up the top three' (as many items as the
    list counts, in order). Read only in a sentence that holds 'top' (see `_cues`)."""
    closing, making = _closing_patterns()
    claims = []
    for pattern, closes in ((closing, True), (making, False)):
        for match in pattern.finditer(text):
            word = match.group("word")
            count = _count_words()[vocabulary_key(word)] if word else int(match.group("n"))
            listed = _listed_before(text, _items(text), match.start())
            if not listed or (not closes and len(listed) != count) or len(listed) > count:
                continue
            first = count - len(listed) + 1
            for rank, (subject, phrase) in enumerate(listed, start=first):
                if not any(claim.subject == subject for claim in claimed):
                    claims.append(_claim(doc, sentence, subject, phrase, rank))
    return claims


def _listed_before(
    text: str, roles: Sequence[tuple[int, int, str]], position: int
) -> list[tuple[str, str]]:
    """The items named one after another right before `position` ('X, Y and Z'), in order."""
    listed: list[tuple[str, str]] = []
    for start, end, subject in reversed(roles):
        if end > position:
            continue
        if not _SEPARATOR.fullmatch(text, end, position) or (
            not listed and not _SPACE.fullmatch(text, end, position)
        ):
            break
        listed.insert(0, (subject, text[start:end]))
        position = start
    return listed


@cache
def _closing_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    vocabulary = load_data("ranking_terms")
    cardinals = "|".join(_count_words())
    top = rf"the\s+top\s+(?:(?P<word>{cardinals})|(?P<n>[2-9]|1[0-9]|20))\b"
    closing = phrase_alternation(vocabulary["closing_verbs"])
    making = phrase_alternation(vocabulary["making_verbs"])
    return (
        gated(re.compile(rf"\b{closing}\s+{top}", re.IGNORECASE)),
        gated(re.compile(rf"\b{making}\s+{top}(?![\w-]*\s+(?:of|in|for)\b)", re.IGNORECASE)),
    )


@cache
def _former_after() -> re.Pattern[str]:
    """What follows a rank phrase, within its clause, when the rank is one the item had
    ('took the number seven position last year')."""
    words = phrase_alternation(load_data("ranking_terms")["former_after"])
    return re.compile(rf"[^,.;:]{{0,30}}?\b{words}\b", re.IGNORECASE)


@cache
def _former_before() -> re.Pattern[str]:
    """A clause that opens with a past time ('Last year, data scientist placed No. 2'): its
    rank is one the item had."""
    words = phrase_alternation(load_data("ranking_terms")["former_after"])
    return re.compile(rf"\s*(?:{words})\b", re.IGNORECASE)


# A clause joined by 'and' or 'but' whose own subject stands right before a rank phrase that
# opens with its copula ('..., and 3 interview rounds' / 'was the most common'): not a
# pronoun for what came before.
_OTHER_SUBJECT = re.compile(
    r",\s+(?:and|but)\s+(?!(?:it|they|this|that|which|these|those)\s)"
    r"(?!(?:the|this|that)\s+(?:role|job|position|title|field|career|occupation)\s)"
    r"[^,;:]{1,60}?\s*\Z",
    re.IGNORECASE,
)
_RANK_COPULA = re.compile(r"(?:was|is|were|are|remains|remained)\b", re.IGNORECASE)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` begins: after the last semicolon, colon or bracket, or a
    'but', 'while' or 'whereas' before it ('...; this year it came in at No. 9')."""
    starts = [match.end() for match in _CLAUSE_OPENING.finditer(text, 0, at)]
    return starts[-1] if starts else 0


@cache
def _former() -> re.Pattern[str]:
    """What a rank phrase follows when the rank is one the item had ('up from third')."""
    words = phrase_alternation(load_data("ranking_terms")["former"])
    return re.compile(rf"\b{words}\s+(?:(?:the|its|their|his|her)\s+)?$", re.IGNORECASE)


@cache
def _placing() -> re.Pattern[str]:
    vocabulary = load_data("ranking_terms")
    verbs = [*vocabulary["placing_verbs"], *vocabulary["taking_verbs"], *vocabulary["moving_verbs"]]
    return re.compile(rf"{phrase_alternation(verbs)}\b", re.IGNORECASE)


_pronouns = partial(data_words, "ranking_terms", "items", "pronouns")


def _inverted(
    doc: Document, sentence: Sentence, text: str, cued: tuple[bool, bool, bool] = (True,) * 3
) -> list[Claim]:
    """'The fastest-growing job of 2024 is robotics engineer' ranks the item named right after
    the verb first (or Nth: 'the second most common tool was Docker'); 'the top three were X, Y
    and Z' ranks the items it lists, when it lists as many as it counts. `cued` False skips a
    pattern of `_inverted_patterns` whose keys the sentence does not hold (see `_cues`)."""
    superlative, naming, top = _inverted_patterns()
    matches = [
        *(superlative.finditer(text) if cued[0] else ()),
        *(naming.finditer(text) if cued[1] else ()),
    ]
    top_match = top.search(text) if cued[2] else None
    if not matches and top_match is None:
        return []  # most sentences: their items need not be found
    vocabulary = load_data("ranking_terms")
    roles = _items(text)
    claims = []
    for match in matches:
        at = match.start("item") if "item" in match.groupdict() else match.end()
        named = [role for role in roles if role[0] == at]
        if not named and at == match.end() and _ranks_nouns(match.group()):
            named = _plain_item(text, at)  # 'The skill most in demand was machine learning,'
        if named and (at == match.end() or named[0][1] == match.end("item")):
            word, number = match.group("sword"), match.group("sn")
            rank = vocabulary["ordinal_words"][vocabulary_key(word)] if word else int(number or 1)
            namer = subject_source(text, match.start()) if at != match.end() else None
            phrase = text[slice(*named[0][:2])]
            claims.append(_claim(doc, sentence, named[0][2], phrase, rank, namer=namer))
    match = top_match
    if (
        match is not None
        and not claims
        and (match.group("word") or match.group("n") or _in_order().search(purpose_blanked(text)))
    ):
        word = match.group("word") or match.group("oword")
        number = match.group("n") or match.group("on")
        count = _count_words()[vocabulary_key(word)] if word else int(number)
        listed = _listed(text, roles, match.end())
        if len(listed) < count:
            # 'The top 5 AI skills employers want: Python, machine learning, SQL, ...': names no
            # vocabulary knows, lower case too when the list says it ranks skills or jobs
            plain = _ranks_nouns(match.group())
            listed = _enumerated(text, match.end(), count, plain=plain) or listed
        # 'Rounding out the top ten were X and Y': the items listed take the last ranks.
        closes = bool(_CLOSING_BEFORE.search(text, 0, match.start())) and len(listed) < count
        if len(listed) == count or (listed and closes):
            claims.extend(
                _claim(doc, sentence, subject, phrase, rank)
                for rank, (subject, phrase) in enumerate(listed, start=count - len(listed) + 1)
            )
    return claims


def _labelled_first(doc: Document, sentence: Sentence, text: str) -> list[Claim]:
    """A fact line whose label is a superlative of what lists rank ('Top-paying city:
    Bengaluru (₹18.5 LPA)', 'Most in-demand skill: Python'): its value is the first place."""
    label = _label_first_pattern().match(text)
    if label is None or not _item_nouns().search(label.group("label")):
        return []
    if label.group("label").split()[-1].lower().endswith("s"):
        return []  # 'Most common skills: PyTorch, LangChain' lists, it places no one first
    named = _plain_item(text, label.end())
    if not named or _LISTED_ON.match(text, named[0][1]):
        return []
    start, end, subject = named[0]
    return [_claim(doc, sentence, subject, text[start:end], 1)]


# Another name after the first: the line lists names ('Top city: Pune, then Delhi').
_LISTED_ON = re.compile(r"\s*,\s*[^\W\d]")


@cache
def _label_first_pattern() -> re.Pattern[str]:
    superlatives = phrase_alternation(load_data("ranking_terms")["superlatives"])
    return re.compile(
        rf"[\s*_#>•-]*(?P<label>(?:the\s+)?(?:{superlatives})(?:[\s-]+[\w-]+){{0,3}}?)"
        r"[*_]*\s*:[*_]*\s*",
        re.IGNORECASE,
    )


@cache
def _item_nouns() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("ranking_terms")["items"]["nouns"])


def _ranks_nouns(superlative: str) -> bool:
    """Whether the words of an inverted superlative name what its list ranks ('the skill most
    in demand was', 'the most popular IDE was'), not a reason or a feeling ('the most common
    complaint was')."""
    return bool(_item_nouns().search(superlative))


# A name of up to four words that ends its clause: a comma, a stop, a bracket or a figure's
# preposition after it ('machine learning, named in 1.1% of postings').
_PLAIN_ITEM = re.compile(
    r"(?P<name>[\w][\w.+#'’/-]*(?:\s+[\w.+#'’/-]+){0,3}?)"
    r"(?=\s*(?:[,.;:(]|$)|\s+(?:with|at|followed|ahead|named|cited|used|picked|by)\b)"
)


def _plain_item(text: str, at: int) -> list[tuple[int, int, str]]:
    """The item an inverted superlative names right after its verb when no vocabulary knows it,
    as `_items` gives one; none when its words open with a stop word ('a mix of ...') or hold a
    digit."""
    match = _PLAIN_ITEM.match(text, at)
    if match is None or _DIGIT.search(match.group()):
        return []
    name = match.group("name")
    if name.split()[0].lower() in title_stops() | _pronouns():
        return []
    return [(match.start(), match.end(), item_subject(name))]


# Between two plain items after 'followed by': a comma or 'and' (then 'then by'), with what the
# page says of the first in between ('natural language processing, which appeared in 0.42% of
# postings, and then by computer vision').
_PLAIN_SEPARATOR = re.compile(
    r"(?:\s+(?:at|with)\s+\S+)?(?:\s*,\s*(?:which|who)\b[^,;]*)?"
    r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?(?:by\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


def _plain_listed(text: str, position: int) -> list[tuple[str, str]]:
    """The items named one after another from `position` when no vocabulary knows them ('followed
    by natural language processing, ..., and then by computer vision'), as (subject, phrase)."""
    listed = []
    while item := _plain_item(text, position):
        start, end, subject = item[0]
        listed.append((subject, text[start:end]))
        separator = _PLAIN_SEPARATOR.match(text, end)
        if separator is None:
            break
        position = separator.end()
    return listed


def _enumerated(
    text: str, position: int, count: int | None = None, *, plain: bool = False
) -> list[tuple[str, str]]:
    """The names a sentence lists from `position` to its end ('PostgreSQL, Redis, SQLite, and
    MySQL (listed in descending order).'), when a count or a list before them says they are
    items and every one is a short capitalised name or a job title ('vaccine specialist,
    diversity and inclusion manager, and growth marketer'): items no vocabulary knows, as
    (subject, phrase); as many as `count`, when the sentence counts them. `plain` names may be
    lower case ('machine learning'), when the list says what it ranks.

    >>> _enumerated("They are followed by Redis, Neo4j and DuckDB.", 21)
    [('redis', 'Redis'), ('neo4j', 'Neo4j'), ('duckdb', 'DuckDB')]
    >>> [name for _, name in _enumerated("Top 2: tax advisor, diversity and equity manager.", 7, 2)]
    ['tax advisor', 'diversity and equity manager']
    >>> _enumerated("They are followed by a sharp drop in demand.", 21)
    []
    """
    tail = _ENUMERATION_END.sub("", text[position:])
    for splitter in (_ENUMERATION_COMMAS, _ENUMERATION_SPLIT):
        names = [name for name in splitter.split(tail) if name]
        if not names or (count is not None and len(names) != count):
            continue
        pattern = _ENUMERATED_NAME if count is None else _COUNTED_NAME
        if all(
            pattern.fullmatch(name)
            or (plain and _PLAIN_NAME.fullmatch(name) and not _DIGIT.search(name))
            or _titled(name)
            for name in names
        ):
            return [(item_subject(name), name) for name in names]
    return []


def _titled(name: str) -> bool:
    """A few words that end with a job title ('diversity and inclusion manager')."""
    titles = find_titles(name)
    return len(name.split()) <= _MAX_NAME_WORDS and bool(titles) and titles[-1][1] == len(name)


@cache
def _in_order() -> re.Pattern[str]:
    """A sentence that says its list is in rank order ('in descending order', 'in that order')."""
    ordered = load_data("ranking_terms")["lists"]["ordered"]
    return vocabulary_pattern([*ordered, "in order", "in that order"])


def _listed(
    text: str, roles: Sequence[tuple[int, int, str]], position: int
) -> list[tuple[str, str]]:
    """The items named one after another from `position` ('X, Y, and the Z'), as (subject,
    phrase), up to the first words that are not a separator."""
    listed = []
    for start, end, subject in roles:
        if start < position:
            continue
        if not _SEPARATOR.fullmatch(text, position, start):
            break
        listed.append((subject, text[start:end]))
        position = end
    return listed


def _followers(
    doc: Document,
    sentence: Sentence,
    text: str,
    roles: Sequence[tuple[int, int, str]],
    claims: list[Claim],
) -> list[Claim]:
    """'X tops the list, followed by Y and Z': the titles after 'followed by' take the next
    ranks, in order, when the sentence ranked exactly one item and gives them no rank; 'X came
    second, behind Y': Y is first; 'X ranked No. 3, behind Y and Z': Y and Z are first and
    second, in the order named."""
    match = _FOLLOWED.search(text)
    rank = claims[0].value if len(claims) == 1 else None
    if rank is not None and rank >= 2 and (behind := _BEHIND.search(text)):
        # 'ML engineer ranked No. 3 ..., behind AI engineer and AI consultant': the ones ahead
        # take the ranks above it, when the sentence names all of them
        ahead = _listed(text, roles, behind.end())
        if len(ahead) != rank - 1:
            return []
        return [
            _claim(doc, sentence, *item, position) for position, item in enumerate(ahead, start=1)
        ]
    if len(claims) != 1 or match is None or claims[0].value is None:
        return []
    tail = text[match.end() :]
    if _ranks(tail):
        return []
    listed = _listed(text, roles, match.end())
    rank = int(claims[0].value)
    return [
        _claim(doc, sentence, subject, phrase, rank + offset)
        for offset, (subject, phrase) in enumerate(listed, start=1)
    ]


@lru_cache(maxsize=64)
def _items(text: str) -> tuple[tuple[int, int, str], ...]:
    """What a sentence can rank: job titles, the skills it names ('Python tops the list': named
    technologies, not practices or soft skills: 'data science is the most common background')
    and places ('San Jose tops the list'), but not a place that says where ('data scientists in
    Seattle ranked third') nor one of a market ('Asia Pacific is the fastest-growing region');
    cached, as the rules of one sentence ask in turn."""
    titles = find_titles(text)
    skills = [
        (skill.start, skill.end, skill.canonical.lower())
        for skill in find_skills(text)
        if skill.category in _skill_categories()
        and not any(start < skill.end and skill.start < end for start, end, _ in titles)
    ]
    named = [*titles, *skills]
    places = [
        (start, end, place_name(text[start:end]).lower())
        for start, end in (
            [] if _market_words().search(_JOB_MARKETS.sub("", text)) else place_spans(text)
        )
        if not _WHERE.search(text, 0, start) and not any(a < end and start < b for a, b, _ in named)
    ]
    return tuple(sorted([*named, *places]))


# Markets of jobs, not of products: 'the biggest job markets rank lower' still ranks its places.
_JOB_MARKETS = re.compile(r"\b(?:job|jobs|labou?r|talent|hiring|employment)\s+markets?\b", re.I)


@cache
def _market_words() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("ranking_terms")["items"]["market_words"])


_skill_categories = partial(data_words, "ranking_terms", "items", "skill_categories")


def _alone(text: str, at: int, end: int) -> bool:
    """A rank phrase with nothing before it but a 'Rank:' label and at most a few words after
    it in its clause ('Rank: #1.', '#2 this quarter')."""
    tail = re.split(r"[.;,:!?–—]", text[end:], maxsplit=1)[0]
    return bool(_RANK_LABEL.match(text[:at])) and len(tail.split()) <= _MAX_TAIL_WORDS


def _section_name(doc: Document, sentence: Sentence) -> tuple[str, str] | None:
    """(subject, label) of the short heading whose section this sentence opens."""
    section = sentence.block.section
    if (
        section is None
        or sentence.block_index != section + 1
        or sentence.start != sentence.block.start
    ):
        return None
    label = clean_text(doc.span_text(doc.blocks[section]))
    subject = _name(label)
    return (subject, label) if subject else None


def _name(label: str) -> str | None:
    """A heading or card label that names one thing: a job title, or a few plain words."""
    words = label.split()
    if not words or len(words) > _MAX_NAME_WORDS or re.search(r"[\d?.!]", label):
        return None
    return title_of(label) or normalize_subject(label)


# An FAQ's question that asks for the first of a ranking ('Which city pays ML engineers the
# most in Europe?'), and the name its answer opens with ('Zurich, which ...').
# (a singular ask: 'Which city pays ...', 'What is the most ...'; not 'What are the most common
# skills?', nor 'Why ...' or 'How ...')
_ASKS_FIRST = re.compile(
    rf"(?!\s*(?:how|why|when)\b){WH_WORD.pattern}(?!\s+are\b)"
    r"(?![^?]*\b(?:are|do|have)\s+the\b)[^?]*\?",
    re.IGNORECASE,
)
# A name that an answer goes on to list others after: ', SQL and ...', ' and SQL'.
_NAMES_MORE = re.compile(
    r"\s*(?:,\s*[\w'’.&+#-]+(?:\s+[\w'’.&+#-]+){0,3}\s*(?:,|\band\b|\bor\b)|\s+(?:and|or)\s)"
)
_ANSWER_NAME = re.compile(
    r"(?P<name>[A-Z][\w'’.&+#-]*(?:\s+[A-Z][\w'’.&+#-]*){0,3})(?=\s*[,.;:—–(]|\s+[-–]\s)"
)


def _answer_claims(doc: Document) -> list[Claim]:
    """The first place an FAQ's answer names, when its question asks for the first of a
    ranking ('Which city pays ML engineers the most in Europe?' / 'Zurich, which sits outside
    our tables: ...'): a place, skill or role, named before anything else is said."""
    claims = []
    for index, block in enumerate(doc.blocks[:-1]):
        if block.boilerplate or not is_question(doc.text[block.start : block.end]):
            continue  # a question's block ends with its mark (looked at before it is cleaned)
        question = clean_text(doc.span_text(block))
        if not (_ASKS_FIRST.fullmatch(question) and says_ranked(question)):
            continue
        answer = doc.blocks[index + 1]
        if answer.kind != "paragraph" or answer.boilerplate:
            continue  # 'Which cities pay the most?' over a list of them: no answer of one name
        named = _ANSWER_NAME.match(doc.text, answer.start, answer.end)
        if named is None or _NAMES_MORE.match(doc.text, named.end(), answer.end):
            continue  # 'Python, SQL and cloud platforms ...' answers with several
        name = named["name"]
        if not (is_place(name) or skill_alone(name) or find_roles(name)):
            continue
        claims.append(
            Claim(
                kind="ranking",
                subject=item_subject(name),
                attribute="rank",
                char_start=block.start,
                char_end=named.end(),
                extractor=NAME,
                value=1.0,
                unit="rank",
                text=name,
                qualifiers={"item_phrase": name, "list": question},
                context=question,
            )
        )
    return claims


def _card_claims(doc: Document) -> list[Claim]:
    """A card whose line states a rank alone ('#2 this quarter') ranks the card's label."""
    claims = []
    for card in doc.cards:
        label = clean_text(doc.span_text(card.label))
        subject = _name(label)
        if subject is None:
            continue
        for line in card.lines:
            text = doc.span_text(line)
            found = [(rank, at, end) for rank, at, end in _ranks(text) if _alone(text, at, end)]
            if found:
                claims.append(
                    Claim(
                        kind="ranking",
                        subject=subject,
                        attribute="rank",
                        char_start=card.start,
                        char_end=card.end,
                        extractor=NAME,
                        value=float(found[0][0]),
                        unit="rank",
                        text=label,
                        qualifiers={"item_phrase": label},
                        context=label,
                    )
                )
                break
    return claims


def _claim(
    doc: Document,
    sentence: Sentence,
    subject: str,
    phrase: str,
    rank: int,
    *,
    namer: str | None = None,
) -> Claim:
    """A rank of `phrase`; its source is who the sentence attributes it to, else whose list it
    places the item on, else `namer`, who names the item ('Hirewell named X the top job')."""
    asides = [match.span() for match in _asides().finditer(doc.text, sentence.start, sentence.end)]
    years = [
        (at, year)
        for at, year in plain_years(doc.text, sentence.start, sentence.end, skip=[])
        if not any(start <= at < end for start, end in asides)
    ]
    qualifiers: dict[str, object] = {"item_phrase": phrase}
    if rank == LOWEST:  # 'Kolkata pays the least': first from the bottom
        rank, qualifiers["order"] = 1, "lowest"
    source = find_attribution(
        doc.text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    if source is not None and source.casefold() == phrase.strip().casefold():
        source = None  # 'Python ranked first in ...': the item ranked, not who ranks it
    source = source or _list_owner(doc.text, sentence.start, sentence.end) or namer
    if source:
        qualifiers["list"] = source
    return Claim(
        kind="ranking",
        subject=subject,
        attribute="rank",
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        value=float(rank),
        unit="rank",
        text=clean_text(phrase),
        year=years[0][1] if len(years) == 1 else None,
        qualifiers=qualifiers,
        attributed_to=source,
    )


def _list_owner(text: str, start: int, end: int) -> str | None:
    """Whose list the sentence places its item on ('ranked third on Indeed's list of the best
    jobs', 'in LinkedIn's 2025 Jobs on the Rise report', 'topped Hirewell's list'): the list's
    publisher is the source of the rank. A place's list ('America's best employers') names no
    publisher."""
    found = _LIST_OWNER.search(text, start, end)
    if found is None or is_place(found["owner"]):
        return None
    return found["owner"]


# '(on|in|topped) <Owner>'s [2025] [up to five words] list|ranking|index|report'
_LIST_OWNER = re.compile(
    r"\b(?:on|in|to|from|tops|topped|topping|top|leads|led|heads|headed)\s+(?:the\s+)?(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s+"
    r"(?:[\w-]+\s+){0,5}?(?:list|lists|ranking|rankings|index|report)\b"
)


def _rank_of(match: re.Match[str], words: dict, cardinals: dict) -> int:
    """The rank an ordinal-pattern match states, from whichever of its groups matched."""
    for group, value in match.groupdict().items():
        if value is None or group == "after_item":
            continue
        if group == "second":
            return 2
        if group in ("top", "topall", "led", "ofany"):
            return 1
        if group in ("card", "card2", "card3", "card4"):
            return int(cardinals[vocabulary_key(value)])
        return int(words[vocabulary_key(value)]) if group.endswith("word") else int(value)
    raise ValueError(match.group())


def _ranks(
    text: str, cued: tuple[bool, bool, bool] = (True, True, True)
) -> list[tuple[int, int, int]]:
    """Every rank a sentence states, as (rank, phrase start, phrase end), in text order; a
    phrase inside an earlier one ('ranked No. 1' holds 'No. 1') is read once. `cued` False
    skips a pattern whose keys the sentence does not hold (see `_cue_keys`).

    >>> _ranks("Dentists came in at No. 3, followed by nurses at No. 4.")
    [(3, 20, 25), (4, 49, 54)]
    >>> _ranks("It ranks fourth; the role is the second most advertised job.")
    [(4, 3, 15), (2, 26, 55)]
    """
    first_pattern, ordinal_pattern, superlative_pattern = _patterns()
    vocabulary = load_data("ranking_terms")
    words, cardinals = vocabulary["ordinal_words"], _count_words()
    found: list[tuple[int, int, int]] = []
    first, ordinal, superlative = cued
    for match in first_pattern.finditer(text) if first else ():
        found.append((LOWEST if match.group("last") else 1, match.start(), match.end()))
    for match in ordinal_pattern.finditer(text) if ordinal else ():
        # the phrase after its item ('with Hyderabad a close second'): the item precedes it
        span = match.span("after_item") if match.group("after_item") else match.span()
        found.append((_rank_of(match, words, cardinals), *span))
    for match in superlative_pattern.finditer(text) if superlative else ():
        word = match.group("sword") or match.group("oword")
        number = match.group("sn") or match.group("on")
        rank = int(words[vocabulary_key(word)]) if word else int(number) if number else 1
        found.append((rank, *match.span()))
    kept: list[tuple[int, int, int]] = []
    for rank, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if kept and start < kept[-1][2]:
            continue
        if rank > 0 or rank == LOWEST:
            kept.append((rank, start, end))
    return kept

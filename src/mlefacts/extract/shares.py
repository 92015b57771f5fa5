"""Percentages that are shares of a whole: 'North America held 37.5% of revenue', 'services
held a 41.2% share', '38% work fully remote', 'making up nearly 70% of the total AI market'.

A percentage is a share when its own clause says so: a share noun beside it ('a 41.2% share',
'a share of 38%'), a share verb before it ('accounted for', 'making up'), 'of <whole>' after it,
or, at the start of a clause, a verb that makes it a part of a population ('38% work fully
remote'). The claim's subject is the whole (the market the sentence, paragraph or page is
about, or the population: respondents, a role's engineers); the part goes in `category`, with
the breakdown it belongs to in `dimension` ('region', 'segment', 'work arrangement', ...). A
share never becomes a growth rate: `market` and `demand` ask `share_cue` first. A share whose
whole cannot be found is skipped as `no_subject`; a percentage with no share or growth cue as
`ambiguous`. The words live in `data/share_terms.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any, Literal

from mlefacts.document.model import Document
from mlefacts.document.sentences import sentence_spans
from mlefacts.document.structure import DOT_LEADER
from mlefacts.extract.attribution import find_attribution, full_source_name
from mlefacts.extract.bands import band_item
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    PROSE_KINDS,
    RESPECTIVELY,
    Amount,
    Frame,
    Sentence,
    Skip,
    amounts,
    collect,
    collect_skips,
    fact_lines,
    figure_frame,
    find_experience_level,
    find_places,
    find_roles,
    first_role,
    is_place,
    lead_in,
    open_bracket_before,
    periods,
    phrase_pattern,
    plain_years,
    respective_run,
    section_heading,
    sentence_before,
    sentence_role,
    states_forecast,
    time_share,
    vocabulary,
)
from mlefacts.extract.cues import Keys, declare, has_digit, may_hold, phrase_keys
from mlefacts.extract.fractions import word_share_keys, word_shares
from mlefacts.extract.grammar import previous_sentence
from mlefacts.extract.rank_marks import leading_rank
from mlefacts.extract.ranked_lists import heading_list_lead, ranked_subject
from mlefacts.extract.sections import document_role
from mlefacts.extract.subjects import main_market, market_mentions
from mlefacts.extract.titles import title_of
from mlefacts.months import month_alternation
from mlefacts.normalize.quantities import hedge_words, optional_hedge, percent_sign
from mlefacts.normalize.skills import SkillMatch, find_skills, names_languages, skill_alone
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

NAME = "shares"
VERSION = "2"

Cue = Literal[
    "of_whole",
    "noun",
    "verb",
    "population",
    "label",
    "share_of",
    "inline",
    "followed",
    "item",
    "changed",
    "time",
]

_FILLER = (
    r"(?:about|around|approximately|roughly|nearly|almost|over|just|only|some|close\s+to|"
    r"more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|an\s+estimated|"
    r"a\s+further|another|the\s+remaining|the\s+other|a|an|the|largest|biggest|highest|"
    r"dominant|majority|total|combined|overall|revenue|market|of|with|at|share|shares|"
    r"around|estimated|current|\w+est)"
)
_GAP = re.compile(rf"^(?:\s*{_FILLER}\b)*\s*$", re.IGNORECASE)
# A share noun's own measure and year, then its figure set off by a comma or 'at': 'held the
# largest share of revenue in 2024, 38.6%', 'the largest revenue share in 2024, at 38.6%',
# 'held the largest share in 2025 at 19.7%'.
_DATED_GAP = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:revenue|sales|spending|the\s+market|market\s+revenue))?"
    r"(?:\s+by\s+[\w-]+)?"  # 'held the largest share by type, at 34.7%'
    r"(?:\s+(?:in|as\s+of|during)\s+(?:19|20)\d\d)?"
    rf"(?:\s*,\s*(?:at\s+)?|\s+at\s+)(?:{_FILLER}\s+)*",
    re.IGNORECASE,
)
# A figure set off after its share noun by a comma or a bracket: 'the largest share, 41.7%,'.
_SET_OFF = re.compile(r"\s*[,(]\s*")
_CLAUSE_OPEN = re.compile(
    r"(?:^|[,;:(]|\band\b|\bwhile\b|\bwhereas\b|\bbut\b|\b(?:found|shows?|showed|said|says)\s+that\b)"
    r"(?:\s*(?:of\s+(?:those|them|these)|among\s+(?:them|those|these)|and|while|whereas|"
    rf"but|{_FILLER})\b[\s,]*)*\s*$",
    re.IGNORECASE,
)
# '% of the ' right before another figure: the count of the whole.
_OF_COUNT = re.compile(r"\s*of\s+(?:the\s+)?$", re.IGNORECASE)
# '% of <whole>'; a count of the whole may stand before it ('58% of the 380 employers we asked').
# ('**38%** | of ads mention X': a stat line sets its caption after a bar)
_OF = re.compile(
    # ('des annonces', 'de las vacantes', 'das vagas', 'degli annunci': French, Spanish,
    # Portuguese and Italian pages' 'of the')
    # ('41%     share of ML engineer ads offering hybrid working': a key figure's caption)
    r"[\s*_]*(?:\|\s*)?(?:share\s+)?(?:of|des|de\s+(?:las|los)|d[ao]s|degli|delle|dei)\s+"
    r"(?:the\s+(?=\d))?(?:\d[\d,]*\+?\s+)?(?P<whole>[^,;:()|]{1,80})",
    re.IGNORECASE,
)
_WHOLE_END = re.compile(
    r"\s(?:in|by|during|for|from|with|as|and|that|which|who|while|whereas|through|until|"
    r"over|at|since|between|according|compared|is|are|was|were|to|on)\b"
    # a figure ends the whole, a year or quarter that dates it does not ('the Q4 2025 ads')
    r"|(?<![\dQH])(?!(?:19|20)\d\d\b)\d",
    re.IGNORECASE,
)
_BY_DIMENSION = re.compile(
    r"(?<!\bled\s)(?<!\bdriven\s)(?<!\bfollowed\s)(?<!\bdominated\s)"
    r"\b(?:by|in\s+terms\s+of|based\s+on|on\s+the\s+basis\s+of)\s+"
    r"(?P<dimension>[a-z][a-z -]{2,30}?)\s*,",
    re.IGNORECASE,
)
_LED_BY = re.compile(
    r"\b(?:led|dominated|headed)\s+by\s+(?:the\s+)?(?P<part>[^\W\d][^,;:\d]{1,40}?)\s*,[^,;]*$",
    re.IGNORECASE,
)
_HEDGED_PAREN = re.compile(rf"\((?:\s*{_FILLER}\b)*\s*$", re.IGNORECASE)
# 'followed by', 'followed closely by': what names the next part of a series.
_FOLLOWED_BY = r"(?:followed\s+(?:[a-z]+ly\s+)?by|ahead\s+of)"
# A part that leads the others, its share in brackets: 'Predictive analytics (27.5%) led'.
_LED_AFTER = re.compile(r"\s*,?\s*(?:led|leads|topped|tops|came\s+first|ranked\s+first)\b", re.I)
_LEADING_PART = re.compile(r"(?P<part>[^\W\d][^,;:()\d]{0,40}?)\s*\($")
# 'followed by platforms at 31.2%' after a share named earlier in the sentence.
_FOLLOWED = re.compile(
    rf"^(?P<lead>.*?)\b{_FOLLOWED_BY}\s+(?:the\s+)?(?P<part>[^\W\d][^,;:\d]{{0,40}}?)\s+(?:at|with)"
    rf"(?:\s+{_FILLER}\b)*\s*$",
    re.IGNORECASE | re.DOTALL,
)
# 'followed by the fully remote model (' or, after it, ', and, finally, on-site work ('.
_FOLLOWED_PAREN = re.compile(
    rf"\b{_FOLLOWED_BY}\s+(?:[^.;]*?\)\s*,?\s*(?:and\s*)?,?\s*(?:(?:finally|then|lastly)\s*,?\s*)?)?"
    r"(?:the\s+|by\s+)?(?P<part>[^\W\d][^,;:\d()]{0,40}?)\s*\($",
    re.IGNORECASE,
)
_FOLLOWED_PART = re.compile(rf"\s+(?:at|with)(?:\s+{_FILLER}\b)*\s*$", re.IGNORECASE)
_WITH = re.compile(r"(?:^|,)\s*with\b\s*$|^\s*with\b", re.IGNORECASE)
# An adverb between a population and its verb: '(41%) now work remotely', 'currently use'.
_ADVERB = r"(?:(?:now|still|already|currently|typically|usually|mostly|also|\w+ly)\s+)?"
_TRAILING_ADVERB = re.compile(r"\s+(?:now|still|also|currently|already|alone)$", re.IGNORECASE)
_TIME_ADVERB = re.compile(
    r"^(?:now|still|already|currently|also|in\s+(?:19|20)\d\d)\s+", re.IGNORECASE
)
_LEADING_NP = re.compile(r"^\s*(?:(?:(?i:in)\s+)?(?:19|20)\d\d\s*,\s*)?(?P<np>[^,;:()]*)")
_LEADING_YEAR_CLAUSE = re.compile(r"^\s*(?:(?i:in)\s+)?(?:19|20)\d\d\s*,\s*")
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|this|that|these|those)\s+", re.IGNORECASE)
_COPULA_OR_VERB = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|remains?|remained|emerged|continues?|"
    r"led|leads|dominat\w*|held|holds|accounted|accounts|captured|captures|commanded|controll?ed|controls|keeps|kept|"
    r"represented|represents|made|makes|making|comprised|comprises|constituted|"
    r"contributed|contributes|generated|took|takes|occupied|occupies|alone|also|followed|came|"
    r"expected|projected|estimated|anticipated|set)\b",
    re.IGNORECASE,
)
_GENERIC_STRIP = re.compile(
    r"^(?:are|is|were|was|work|works|worked|working|being)\s+", re.IGNORECASE
)
# 'The share of <whole> reached 38%': a share noun, its whole, and a verb that states a level.
_SHARE_OF_LEVEL = re.compile(
    r"\s+of\s+[^,;\d]{1,80}?\s+(?P<verb>(?:reached|reaches|hit|hits|was|is|were|are|"
    r"(?:stood|stands|remained|remains|sat|sits)(?:\s+at)?|"
    r"(?:rose|rises|grew|grows|climbed|climbs|jumped|fell|falls|dropped|drops|declined|"
    r"increased|decreased|came|comes)\s+(?:to|from)|"
    # a forecast change: 'is set to rise from', 'will fall to', 'is expected to grow from'
    r"(?:(?:is|are)\s+(?:set|expected|forecast|projected|likely|tipped)\s+to|will|could|may)"
    r"\s+(?:rise|grow|climb|jump|fall|drop|decline|increase|decrease|reach|hit)"
    r"(?:\s+(?:to|from))?))"
    rf"(?:\s+{_FILLER}\b)*\s*$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# 'fell from 30% to ': the later level of a change whose earlier level stands after 'from'.
_FROM_TO = re.compile(
    rf"\bfrom(?:\s+{_FILLER}\b)*\s+\d[\d.,]*\s*(?:%|per\s?cent)"
    r"(?:\s+(?:market\s+|revenue\s+)?share)?"  # 'from a 34.0% share in 2025 to 22.5%'
    r"(?:\s+(?:in|during)\s+(?:19|20)\d\d)?"  # 'from 23% in 2025 to 29%'
    rf"\s+to(?:\s+{_FILLER}\b)*\s*$",
    re.IGNORECASE,
)
# Where the words a share's predicate holds end: a clause mark, or a next figure's clause
# ('... and 12% ...', '... and Keras to 6.3%': a name and its level elided of the verb).
_PREDICATE_END = re.compile(
    r"(?<!\d),|,(?!\d{3}\b)|[;:(]|\s(?:and|while|whereas|but)\s+(?:\S*\d|(?:[^\W\d][\w.+#-]*\s+){1,3}"
    r"(?:to|at|in|on)\s+\d[\d.,]*\s*(?:%|per\s?cent))",
    re.IGNORECASE,
)
_TRAILING_JOIN = re.compile(r"[\s,]+(?:and|or|while|whereas|but|with)$", re.IGNORECASE)


@cache
def _earlier() -> re.Pattern[str]:
    """Right before an earlier level of a share: 'up from just ', 'compared with a mere '."""
    return re.compile(
        r"\b(?P<how>up|down|rising|falling|compared)\s+(?:from|with)"
        rf"(?:\s+(?:{hedge_words()}|a\s+mere))?\s*$",
        re.I,
    )


@cache
def _bare_from() -> re.Pattern[str]:
    """'fell to 24% in 2025 from 35% in 2022': a bare 'from' after a figure a change reached."""
    return re.compile(
        rf"^(?:\s+(?:in|during|by)\s+(?:19|20)\d\d)?,?\s+from(?:\s+{hedge_words()})?\s*$",
        re.IGNORECASE,
    )


_CHANGED_TO = re.compile(
    r"\b(?:rose|risen|fell|fallen|grew|grown|dropped|declined|increased|decreased|climbed|"
    r"jumped|slipped|shrank|went|came)\s+to\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A part of the year before a level's year ('down from 19% in Q3 2023', 'in March 2024').
_YEAR_PART = (
    r"(?:(?:Q[1-4]|H[12]|the\s+(?:first|second|third|fourth)\s+(?:quarter|half)\s+of"
    rf"|{month_alternation()})\s+)?"
)
_LEADING_YEAR = re.compile(rf"\s+(?:in|during|for)\s+{_YEAR_PART}((?:19|20)\d\d)\b")
# The two years a change runs between, after its levels: 'between 2024 and 2025'.
_BETWEEN_YEARS = re.compile(
    r"\bbetween\s+(?P<earlier>(?:19|20)\d\d)\s+and\s+(?P<later>(?:19|20)\d\d)\b", re.IGNORECASE
)
# The year a level of a change is stated for ('from 23% in 2025', 'to 29% by 2032').
_LEVEL_YEAR = re.compile(rf"\s+(?:in|during|for|by)\s+{_YEAR_PART}((?:19|20)\d\d)\b")
# A figure right after 'from' or after 'from <level> [in <year>] to': a level of a change.
_CHANGE_LEVEL = re.compile(
    r"\bfrom\s+(?:\S+\s+){0,2}?(?:\d[\d.,]*\s*(?:%|per\s?cent)(?:\s+(?:in|during)\s+"
    r"(?:19|20)\d\d)?\s+to\s+(?:\S+\s+){0,2}?)?$",
    re.IGNORECASE,
)
_PARALLEL = re.compile(
    rf"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|{_FOLLOWED_BY}|while|whereas|and|"
    r"with)\b|[,;]|[.!?](?=\s+(?-i:[A-Z]))",  # or the end of the sentence before (`_lead_share`)
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    r"\s+(?:for|in|from)\s+(?P<part>(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z&][\w&-]*){0,3})"
)
# The same part in lower case, whole up to the clause's end, after a share set against another
# ('against 17.2% for on-premises installations and 11.3% for hybrid ones').
_LOWER_PART_AFTER = re.compile(
    r"\s+for\s+(?P<part>(?:the\s+)?[a-z][\w&-]*(?:\s+[a-z][\w&-]*){0,2})(?=\s*(?:[,;.]|\band\b|$))"
)
_CONTRASTED = re.compile(r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s", re.IGNORECASE)


@cache
def _part_before() -> re.Pattern[str]:
    """The part named before a figure set beside a share: ', followed by Europe (27.4%)', ',
    with Canada adding a further 3.1%', ', while entry-level roles accounted for just 9%'."""
    verbs = _words("verbs").pattern
    return re.compile(
        rf"(?:{_FOLLOWED_BY}|[,;]|[.!?](?=\s+(?-i:[A-Z]))|and|while|whereas)\s+(?:(?:while|whereas|and)\s+)?"
        r"(?!followed\s)"
        r"(?:(?:ahead\s+of|behind|then|with|compared\s+(?:with|to))\s+)?"
        r"(?:the\s+)?(?P<part>[\w&/-]+(?:\s+[\w&/-]+){0,3}?)\s+(?:(?:at|with|on|in)\s*)?"
        rf"(?:(?:adding|taking|{verbs})\s+"
        r"(?:(?:a\s+further|another|the\s+remaining|the\s+other|only|just)\s+)?)?"
        r"(?:\(\s*)?$",
        re.IGNORECASE,
    )


# How a word of a part's label opens: lower case, or an abbreviation ('AWS', 'PhD', 'MSc'),
# not a capitalised word, which names the next thing ('..., 21% a PhD and 33% a bachelor's').
_LABEL_WORD = r"(?:[a-z]|[A-Z]{2,}|[A-Z][a-z]+[A-Z]|[A-Z][a-z]?\.[A-Z])"
# The rest of a label's word: letters, and the dots of an abbreviation ('Ph.D.', 'ph.d.').
_LABEL_REST = r"[\w'’-]*(?:\.[A-Za-z])*\.?(?<!\w\w\.)"
# 'Of them, 38% work remotely, 45% hybrid and 17% on-site': a short label right after a
# figure set beside a share, up to the next item or a gloss in brackets ('21% fully remote
# (telework)'); the preposition the verb before it took counts as none of its words ('46%
# pointed to slow reviews, 39% to poor data quality'), and an acronym may open it ('31% to
# GPU costs').
_LABEL_AFTER = re.compile(
    r"\s+(?P<part>(?:(?:to|for|at|on|with|by)\s+)?"
    rf"{_LABEL_WORD}{_LABEL_REST}(?:\s+{_LABEL_WORD}{_LABEL_REST}){{0,2}}?"
    # one part may name two things ('10% bootcamp or self-taught', '20% remote or hybrid')
    rf"(?:\s+or\s+{_LABEL_WORD}{_LABEL_REST}(?:\s+(?!(?:and|or)\b){_LABEL_WORD}{_LABEL_REST})?)?)\s*"
    r"(?=[,;.(]|\s+(?:and|or)\s|\s*$)"
)
# A verb that states a share noun's level: "Europe's share stood at 26%", 'its share was 12%'.
_LEVEL_GAP = re.compile(
    r"\s*(?:stood|stands|sat|sits|was|is|reached|hit|came|amounted|totall?ed"
    # a share that moved to its level: "North America's share slipped to 38.2%"
    r"|(?:slipped|fell|dropped|declined|rose|grew|climbed|increased|edged\s+(?:up|down))\s+to"
    r")(?:\s+(?:at|to))?"
    rf"(?:\s+{_FILLER}\b)*\s*$",
    re.IGNORECASE,
)
# Fractions in words: 'half', 'a third', 'two quarters', 'the majority'.
_FRACTION_WORDS = r"half|thirds?|quarters?|fifths?|majority"
# A fraction in words before a parenthetical figure: 'nearly a third (31%)', '3 in 10 (29%)'.
_FRACTION = re.compile(
    rf"\b(?:{_FRACTION_WORDS}|minority|\w+\s+(?:in|out\s+of)\s+\w+)\s*\($", re.IGNORECASE
)
# The end of a lead or of the item before: 'Machine learning engineers: 38% remote, 45% ...'.
_SEPARATED = re.compile(
    r"(?:^|[:,;]|\band|\b(?:split|breakdown|mix|distribution|categories|answers|responses|groups)"
    r"\s+(?:was|is|were|are))\s*$",
    re.IGNORECASE,
)
# 'one in five ML engineer postings (': postings a fraction in words counts, restated after them.
_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_EVERY_POSTINGS = re.compile(
    rf"\b{_NUMBER_WORD}\s+(?:in|out\s+of)\s+{_NUMBER_WORD}\s+(?P<whole>[^,;()\d]{{1,50}}?)\s*\($",
    re.IGNORECASE,
)
# 'more than half of revenue (54.3%)': a fraction of a whole, restated in parentheses.
_FRACTION_OF = re.compile(
    rf"\b(?:{_FRACTION_WORDS})(?P<of>\s+of\s+)[^()\d]{{1,60}}?\s*\($", re.IGNORECASE
)
# A part named right before its parenthetical figure, after a list separator.
_PAREN_PART = re.compile(
    r"(?:\bof|,|\band)\s+(?:(?:mostly|mainly|largely|the)\s+)?(?P<part>[^\W\d][^,;()\d]{0,50}?)"
    r"\s*\($"
)
# 'Respondents were overwhelmingly male (': people, a copula and the part in parentheses.
_DESCRIBED = re.compile(
    r"(?:^|[,;:]\s*)(?P<people>(?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+(?:were|are|was|is)\s+(?:\w+ly\s+)?"
    r"[^,;()\d]{1,40}?\s*\($",
    re.IGNORECASE,
)
_DESCRIBED_PART = re.compile(
    r"\s+(?:were|are|was|is)\s+(?:\w+ly\s+)?(?P<part>[^,;()\d]{1,40}?)\s*\($"
)
# A list item's label: a few words, no figure ('Fully remote', 'Master's degree').
# (a dot only inside or after an abbreviation's letter, 'Ph.D.', never a dot leader's)
_ITEM_LABEL = re.compile(r"[^\W\d](?:[\w'’ /&-]|(?<=\w)\.(?!\.)){0,40}")
# ', with North America at 38%', 'with the United States at 31.2%'
_PLACE_AT = re.compile(
    r"(?:,\s*|\bwith\s+)(?:the\s+)?(?P<part>[A-Z][\w.&-]*(?:\s+[A-Z&][\w.&-]*){0,3})\s+at"
    rf"(?:\s+{_FILLER}\b)*\s*$"
)
# A place that opens its sentence and comes next after one given a share before: 'Europe came
# next at 26.2%', 'Asia Pacific was third with 21%'.
_PLACE_NEXT = re.compile(
    r"(?:^|[.;!?]\s+)(?:the\s+)?(?P<part>[A-Z][\w.&-]*(?:\s+[A-Z&][\w.&-]*){0,3})\s+"
    r"(?:came|was|ranked|placed|followed|trailed)(?:\s+(?:next|second|third|fourth|fifth))?\s+"
    rf"(?:at|with)(?:\s+{_FILLER}\b)*\s*$"
)
# Only a comma or 'and' between two figures: ', 45% hybrid and 17% on-site'.
_BARE_GAP = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?[\w-]*\s*(?:,|,?\s*\b(?:and|or))\s*$", re.I)
# The end of one item of a list of parts: '..., 33% at mid-sized firms and 26% at startups'.
_ENDS_ITEM = re.compile(r"(?:,|,?\s+(?:and|or))\s*$", re.IGNORECASE)
# Words that cannot open a part set beside a share ('..., against 44% for North America').
_NOT_PART = re.compile(
    r"^(?:against|versus|vs|up|down|from|to|and|or|but|while|whereas|with|at|in|on|by|for|of|"
    r"the|a|an|compared|rising|falling|roughly|about|around|nearly|almost|over|under|only)$",
    re.IGNORECASE,
)
# Words that make a phrase set beside a share a measure of its own, not another part.
_MEASURE_PART = re.compile(
    r"\b(?:median|average|mean|typical|raises?|increases?|rises?|growth|declines?|drops?)\b",
    re.IGNORECASE,
)
# 'accounted for the larger share of revenue, at 68.2%': the figure stands apart from its cue.
# 'held the largest share, at 38.2%', '..., with 38.2%', '... share of the regional market,
# 41.6%, in 2024' (a bare comma only after words naming the share: `_appositive_cue`)
_APPOSITIVE = re.compile(
    r"(?:^\s*(?:at|with|i\.e\.|namely)|,\s*(?:at|with|i\.e\.|namely)?)\s*$", re.I
)
_NOUN_OF_WHOLE = re.compile(
    rf"(?:\s*{_FILLER}\b)*?(?P<of>\s+of\s+)(?P<whole>[^,;\d]{{1,60}}?)"
    # '... of the MLOps market in 2024 at', '... the largest share of postings, 18%'
    r"(?:\s+in\s+(?:19|20)\d\d)?\s*(?:(?P<comma>,)\s*|,?\s*(?:at|with)\s*)$",
    re.IGNORECASE,
)
# A superlative right before a share noun: only 'the largest share of postings, 18%' sets a
# figure after a bare comma apart as the share's.
_LARGEST = re.compile(
    r"\b(?:largest|biggest|greatest|highest|largest single|smallest|lowest)\s+$", re.IGNORECASE
)
_APPOSITIVE_GAP = re.compile(rf"^(?:\s*{_FILLER}\b)*(?:\s+of\s+[^,;]{{1,50}})?\s*,?\s*$", re.I)
# A list of parts before a share verb: 'banking, financial services and insurance accounted ...'.
_PART_LIST = re.compile(r"^[\w&/ -]+(?:,\s*[\w&/ -]+)*,?\s+(?:and|&)\s+[\w&/ -]+$")
# 'Remote availability: 46%': a labelled percentage (the label says what it is a share of),
# maybe with a note in brackets ('Remote roles (Oct 2025): 29%').
_LABELLED = re.compile(
    r"^\W*(?P<label>[^\W\d][^:*_\d]{1,60}?)(?:\s*\([^()]{1,30}\))?[*_]*\s*[:\u2013\u2014-][*_\s]*$"
)
# '81%: Percentage of engineering leaders who ...': a figure, then a label naming its whole.
_PERCENT_OF_LABEL = re.compile(
    r"\s*[:\-–—]\s*(?:the\s+)?(?:percentage|percent|per\s+cent|share|proportion)(?=\s+of\b)",
    re.IGNORECASE,
)
# A part of people's working time: 'spend 29% of their working time on data preparation'.
_SPEND = re.compile(rf"\bspen(?:d|ds|ding|t)\s+(?:(?:on\s+average|{_FILLER})\s+)*$", re.IGNORECASE)
_TIME_ON = re.compile(
    r"\s+of\s+(?:their|his|her|its|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:time|week|day|hours|workweek|working\s+hours)\s+(?:on|doing|in)\s+"
    r"(?P<part>[^,;.()]{2,60}?)\s*(?=[,;.()]|$)",
    re.IGNORECASE,
)
# 'The highest 10 percent earned more than ...' is a percentile, not a share.
_PERCENTILE_WORDS = ("highest", "lowest", "top", "bottom", "best-paid", "lowest-paid")
_PERCENTILE = re.compile(rf"\b(?:{'|'.join(_PERCENTILE_WORDS)})\s*$", re.I)
# Its match ends with the text's trailing spaces: it starts at most this far before them.
_PERCENTILE_REACH = max(map(len, _PERCENTILE_WORDS))
# 'global AI spending' or 'AI revenue' is the money of the AI market.
_MARKET_HEAD = re.compile(r"(?<!market)\s+(?:spending|spend|revenues?|sales)\s*$", re.IGNORECASE)
# One item of an inline list: 'North America 37.5%', ', hybrid (47%)', '| On-site: 15%'.
_INLINE_ITEM = re.compile(
    r"(?:^|[,;:|(·•]|\band\b|(?<=%)(?=\s+[*_]*[A-Z]))[*_]*\s*[*_]*(?P<label>[^\W\d][^,;:|()\d%]{0,40}?)\s*[:\-–—]?\s*\(?\s*$"
)
_NOT_IN_ITEM = "0123456789%)"  # characters no match of `_INLINE_ITEM` holds
_NOT_INLINE = re.compile(
    rf"^(?:ahead\s+of|{_FOLLOWED_BY}|behind|compared|against|versus|vs\.?|then|while|whereas)\b"
    # ... nor a clause that states the figure ('By education, the split was 40% ...')
    r"|\b(?:at|with|to|by|of|was|is|were|are)$",
    re.IGNORECASE,
)
# 'Most requested skills (% of postings):': a lead that says its items are percentages of a whole.
_PERCENT_LEAD = re.compile(r"(?:%|\bper\s?cent\b)\s+of\b", re.IGNORECASE)
# 'By contrast,' and 'By comparison,' link two sentences: they name no breakdown.
_BY = r"\s*(?:by(?!\s+(?:contrast|comparison)\b)|in\s+terms\s+of)\s+[a-z][\w -]{2,30}"
_BY_LEAD = re.compile(rf"{_BY},", re.IGNORECASE)
_BY_ONLY = re.compile(_BY, re.IGNORECASE)
_BREAKDOWN = re.compile(r"\b(?:breakdown|split|distribution|mix|by\s+[a-z][\w -]{2,30})\b", re.I)
_OF_HEADER = re.compile(r"^\W*(?:share\s+)?(?:%|percent|per\s+cent|share)?\s*(?:of\s+)?", re.I)
_ALL = re.compile(r"^(?:all|of\s+all|total)\s+", re.IGNORECASE)
# 'Share of tracked openings', '% of advertised roles': the openings the page counts
_COUNTED_OPENINGS = re.compile(
    r"^(?:(?:all|of\s+all|total|tracked|advertised|listed|open|active|live)\s+)+", re.IGNORECASE
)
# What may stand before a share in words that opens its sentence: hedges, or the people it
# divides ('Of those surveyed, nearly half ...').
_OPENS = re.compile(
    rf"^\s*(?:(?:of|among)\s+[^,;]{{1,60}},\s*)?(?:{_FILLER}\b\s*)*$", re.IGNORECASE
)
# 'one in four', '3 out of 5': a share in words whose whole is named right after it.
_EVERY = re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE)
# 'and the remaining 3% ...', 'the other 12%': the rest of the whole a share before it divides.
_REST = r"the\s+(?:remaining|other|final)"
_REMAINDER = re.compile(rf"\b{_REST}\s+$", re.IGNORECASE)
# A sentence that opens with a further part or the rest of a whole the sentence before divides:
# 'Only 44% of teams monitor drift. Another 31% check by hand.', 'The remaining 56% ...'.
_FURTHER = re.compile(rf"\s*(?:another|a\s+further|{_REST})\s+$", re.IGNORECASE)


@cache
def _remainder_part() -> re.Pattern[str]:
    """The part named right before 'the remaining' ('; small and medium enterprises (took)')."""
    return re.compile(
        r"(?:^|[;,]|\b(?:while|whereas)\b)\s*(?:(?:and|while|whereas)\s+)?"
        r"(?P<part>(?!(?:and|or|but|while|whereas|with|the|its|their)\b)[\w&/-]+"
        r"(?:\s+[\w&/-]+){0,4}?)"
        rf"\s+(?:(?:{_words('verbs').pattern})\s+)?$",
        re.IGNORECASE,
    )


# 'Share of respondents', 'Job title of respondents', 'We asked respondents to pick ...'.
_LEAD_POPULATION = re.compile(
    r"(?:\b(?:share|percentage|proportion|percent)\s+of|%\s+of|\bof|\basked|\bamong)"
    # ('Share of employed graduates by sector:', 'of surveyed engineers': a participle first)
    r"\s+(?:all\s+|the\s+|our\s+)?(?:(?:employed|surveyed|working|responding|hired)\s+)?",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"it", "this", "that", "which", "they", "these", "those", "its"})


# What ends a sentence or a line: the text after one starts a new one ('。' and its kin end a
# sentence written with no space after it). `_CLAUSE_STOPS` also ends a clause at ';'.
_STOPS = (". ", "? ", "! ", "\n", "。", "？", "！")
_CLAUSE_STOPS = (*_STOPS, ";")


def _sentence_start(
    text: str, position: int, *, low: int = 0, stops: tuple[str, ...] = _STOPS
) -> int:
    """Where the sentence or line holding `position` starts: just past the first character of
    the last stop before it, else `low` (the one way this module finds a line's start).

    >>> text = "Europe held 27%. Asia held 21%。North America 38%"
    >>> text[_sentence_start(text, 17):], text[_sentence_start(text, 40):]
    (' Asia held 21%。North America 38%', 'North America 38%')
    """
    last = -1
    for mark in stops:  # each later stop searched for only after the last found so far
        last = max(last, text.rfind(mark, max(low, last + 1), position))
    return max(low, last + 1)


@dataclass(frozen=True, slots=True)
class ShareCue:
    """Why a percentage is a share: the cue, and the words after 'of' when they name the whole."""

    cue: Cue
    cue_start: int
    whole: tuple[int, int] | None = None
    later: bool = False  # the later of a change's two levels ('from 24% to 46%': 46%)


def extract(doc: Document) -> list[Claim]:
    """Share claims from the document's paragraphs, list items and labelled fact lines."""
    lines = [
        c for line in fact_lines(doc) for c in read_sentence(doc, line) if isinstance(c, Claim)
    ]
    return [*collect(doc, read_sentence, name=NAME, keys=word_share_keys()), *lines]


def skipped(doc: Document) -> list[Skip]:
    """Percentages in prose this extractor read but could not claim, with the reason."""
    lines = [s for line in fact_lines(doc) for s in read_sentence(doc, line) if isinstance(s, Skip)]
    return [*collect_skips(doc, read_sentence, name=NAME, keys=word_share_keys()), *lines]


@cache
def _words(key: str) -> re.Pattern[str]:
    return phrase_pattern(tuple(load_data("share_terms")[key]))


@cache
def _people_verbs() -> str:
    """The verbs after people named around a share, plural and singular ('engineers work',
    'one in four engineers holds'), as one regex."""
    terms = load_data("share_terms")
    return phrase_pattern(
        tuple(terms["population_verbs"] + terms["population_verbs_singular"])
    ).pattern


def share_noun() -> re.Pattern[str]:
    """The share nouns ('share', 'revenue share', 'proportion') as one pattern."""
    return _words("nouns")


@cache
def _noun_after() -> re.Pattern[str]:
    """A share noun right after a figure, past filler words ('38% market share')."""
    return re.compile(rf"\s*(?:(?:{_FILLER})\s+)?(?:{_words('nouns').pattern})")


def _set_off(before: str) -> bool:
    """Whether the words before a figure end with a share noun and a comma or bracket."""
    nouns = list(_words("nouns").finditer(before))
    return bool(nouns) and _SET_OFF.fullmatch(before, nouns[-1].end()) is not None


# A bar a rule or plan sets, right before its percentage: 'targets of ', 'a quota of '.
_QUOTA = re.compile(
    r"\b(?:targets?|quotas?|goals?|caps?|ceilings?|thresholds?)\s+of\s+(?:at\s+least\s+)?$",
    re.IGNORECASE,
)


# What a note on a breakdown's sums says before '100%': 'totals exceed', 'may not add up to',
# 'sum to more than'.
_TOTAL_NOTE = re.compile(
    r"\b(?:totals?|sums?|summing|add(?:s|ed|ing)?\s+up|exceeds?|exceeding)\s+"
    r"(?:(?:to|exceed|more\s+than|over|beyond)\s+)*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def share_cue(text: str, frame: Frame, figure: Amount) -> ShareCue | None:
    """What makes `figure` (a percentage) a share in its frame, or None. Cached: `market` and
    `demand` ask first about figures this module then reads in the same frames.

    >>> s = "Services held a 41.2% share."
    >>> from mlefacts.extract.context import amounts, figure_frame
    >>> found = amounts(s, 0, len(s))
    >>> share_cue(s, figure_frame(s, 0, len(s), found, 0), found[0]).cue
    'noun'
    """
    before = text[frame.before_start : figure.start]
    if _PERCENTILE.search(before, max(0, len(before.rstrip()) - _PERCENTILE_REACH)):
        return None
    if _QUOTA.search(before):
        return None  # 'Emiratisation targets of 2% of skilled roles': a rule's bar, no share
    if figure.value == 100 and _TOTAL_NOTE.search(before):
        return None  # 'Multiple answers allowed, so totals exceed 100%': a note on the sums
    label = _PERCENT_OF_LABEL.match(text, figure.end, frame.after_end)
    whole = _whole_after(text, label.end(), frame.after_end) if label else None
    if whole is not None:  # '81%: Percentage of engineering leaders who say ...'
        return ShareCue("of_whole", figure.start, whole)
    if _SPEND.search(before) and (spent := _TIME_ON.match(text, figure.end, frame.clause_end)):
        # 'ML engineers spend 29% of their working time on data preparation'
        return ShareCue("time", spent.start("part"), None)
    hedged = _HEDGED_PAREN.search(before)  # '(47%)', '(around 6%)'
    if hedged and text.startswith(")", figure.end):
        before = before[: hedged.start() + 1]
        led = _LED_AFTER.match(text, figure.end + 1, frame.after_end)
        named = _LEADING_PART.search(before) if led else None
        if named is not None:  # 'Predictive analytics (27.5%) led, ahead of ...'
            return ShareCue("noun", frame.before_start + named.end("part"), None)
        cue = (
            _parenthetical_cue(text, frame, figure, before)
            or _inline_cue(text, figure)
            or _followed_paren_cue(text, figure)
        )
        if cue is not None or not (_set_off(before) or _ranked_part().search(before)):
            return cue
        # 'captured the largest share (41.7%)', 'the most common cloud (46%)': the share noun
        # or the ranked part right before, as below
    followed = _FOLLOWED.search(before)
    if followed and (
        _words("nouns").search(followed["lead"]) or _words("verbs").search(followed["lead"])
    ):
        # 'Solutions hold the biggest slice, followed by platforms at 31.2%'
        return ShareCue("followed", frame.before_start + followed.start("part"), None)
    after_end = frame.after_end
    if _OF_COUNT.match(text, figure.end, after_end):  # '58% of the 380 employers we asked'
        after_end = frame.clause_end
    whole = _whole_after(text, figure.end, after_end)
    noun_after = _noun_after().match(text[figure.end : after_end])
    if noun_after:
        return ShareCue("noun", figure.start, whole)
    nouns_before = list(_words("nouns").finditer(before))
    if nouns_before and (
        _GAP.match(before[nouns_before[-1].end() :])
        or _DATED_GAP.fullmatch(before, nouns_before[-1].end())  # '... share in 2024, at 38.6%'
        or _set_off(before)  # 'the largest share, 41.7%', 'the largest share (41.7%)'
        or _LEVEL_GAP.match(before, nouns_before[-1].end())  # "Europe's share stood at 26%"
    ):
        return ShareCue("noun", frame.before_start + nouns_before[-1].start(), whole)
    if nouns_before:  # 'holds the largest share of the global ML market at 38%'
        named = _NOUN_OF_WHOLE.match(before, nouns_before[-1].end())
        if named and named["comma"] and not _LARGEST.search(before, 0, nouns_before[-1].start()):
            named = None  # 'The share of revenue from software grew, 18% a year': no appositive
        if named and _whole_after(text, frame.before_start + named.start("of"), figure.start):
            start = frame.before_start + named.start("whole")
            return ShareCue(
                "noun",
                frame.before_start + nouns_before[-1].start(),
                (start, frame.before_start + named.end("whole")),
            )
    share_of = _share_of_cue(text, frame.before_start, figure.start)
    changed = _FROM_TO.search(text, frame.clause_start, figure.start)
    if share_of is None and changed:  # 'The share of ... fell from 30% to 20%': the 20%
        start = frame.clause_start
        share_of = _share_of_cue(text, start, changed.start() + len("from"))
    if share_of is not None:  # 'The share of ML engineers working fully remote reached 38%'
        return share_of
    changed_part = _changed_part_cue(text, frame, figure)
    if changed_part is not None:  # 'Hybrid arrangements for ML engineers rose from 24% to 46%'
        return changed_part
    verbs = list(_words("verbs").finditer(before))
    if verbs and _GAP.match(before[verbs[-1].end() :]) and not _growth_after(text, figure):
        # 'London accounted for 54% of them', '... 14.7% of the total': the jobs its paragraph
        # named last, if any
        whole = _jobs_referred(text, figure, frame.clause_start) or whole
        return ShareCue("verb", frame.before_start + verbs[-1].start(), whole)
    if whole is not None:
        return ShareCue("of_whole", figure.start, whole)
    label = _LABELLED.match(before)
    if label and _is_share_label(label.group("label")):
        return ShareCue("label", frame.before_start + label.start("label"), whole)
    appositive = _appositive_cue(text, frame, before, whole, figure)
    if appositive is not None:
        return appositive
    ranked = _ranked_part().search(before)
    if ranked and not _growth_after(text, figure):
        # 'North America was the largest regional market at 36.9%'; 'ML engineers were the
        # largest group of respondents at 34%': of those it names
        if whole is None and ranked["whole"]:
            whole = (
                frame.before_start + ranked.start("whole"),
                frame.before_start + ranked.end("whole"),
            )
        return ShareCue("noun", frame.before_start + ranked.start(), whole)
    people = _every_whole(text, figure, after_end)
    if people is not None:  # 'One in four engineers now work fully remote', 'Nine in ten teams'
        return ShareCue("of_whole", figure.start, people)
    # people doing something right after the figure, a clause opening right before it: the
    # anchored test first, as it rules out most figures at one position
    if _population_verb_after().match(text, figure.end, after_end) and _CLAUSE_OPEN.search(before):
        return ShareCue("population", figure.start, None)
    return (
        _inline_cue(text, figure)
        or _item_cue(text, frame, figure)
        or _place_at_cue(text, frame, figure)
        or _postings_referred(text, figure)
    )


def _jobs_referred(text: str, figure: Amount, clause_start: int) -> tuple[int, int] | None:
    """The span of the jobs 'of them' or 'of the total' after a share refers to: the job
    postings its paragraph named last before the share's clause, when no people were named
    after them ('We counted 3,240 vacancies. London accounted for 54% of them'; the part its
    clause names, 'Machine learning engineers accounted for 28.6% of the total', is none of
    them), else the postings named last before the share ('Fully remote postings made up
    14.7% of the total')."""
    if _OF_PRONOUN.match(text, figure.end) is None and _OF_TOTAL.match(text, figure.end) is None:
        return None
    reach = _paragraph_reach(text, figure.start)
    named = _last_named(text, reach, max(reach, min(figure.start, clause_start)))
    if named is None or not named[1]:  # 'Fully remote postings made up 14% of them'
        named = _last_named(text, reach, figure.start)
    return named[0] if named is not None and named[1] else None


# '% of the total', '% of the whole': the whole the part's own noun names.
_OF_TOTAL = re.compile(r"\s*of\s+the\s+(?:total|whole)\b", re.IGNORECASE)


def _postings_end(text: str, end: int, stop: int) -> int:
    """Where a postings phrase ends: after the role they are for ('job ads for ML engineers')."""
    joined = _FOR_ROLE.match(text, end, stop)
    roles = find_roles(text[joined.end() : stop]) if joined else []
    return joined.end() + roles[0][1] if roles and roles[0][0] == 0 else end


_FOR_ROLE = re.compile(r"\s+(?:for|of)\s+(?:an?\s+)?")
# A change in a share, not one: '40% more postings', '25% fewer'.
_CHANGE_AFTER = re.compile(r"\s+(?:more|fewer|less)\b", re.IGNORECASE)
# '% of them', '% of those': a whole named earlier in the paragraph.
# ('those ads', 'those surveyed' name their whole: a word after 'those' or 'these' is no pronoun)
_OF_PRONOUN = re.compile(r"\s*of\s+(?:them\b|(?:those|these)\b(?!\s+[^\W\d_]))", re.I)
_REFERRED_REACH = 300


def _postings_referred(text: str, figure: Amount) -> ShareCue | None:
    """'We read 5,200 job ads. PyTorch appeared in 74% of them': a share of 'them' whose
    paragraph last named postings is a share of those postings; so is a share a skill is
    named in with no whole after it ('Of the 2,150 job ads, Python appeared in 88%', an item
    'PyTorch was named in 41%' after 'SQL was named in 46% of postings')."""
    if _OF_PRONOUN.match(text, figure.end) is not None:
        lo = _paragraph_reach(text, figure.start)
        if not posting_noun().search(text, lo, figure.start):
            # a statistic of its own paragraph referring to the one before ('**11. Python
            # appeared in 81% of postings.**' / '**12. AWS was named in 47% of them.**')
            lo = max(0, figure.start - _REFERRED_REACH)
    elif (
        _mentioned_in().search(text, max(0, figure.start - 40), figure.start)
        and not _OF.match(text, figure.end)
        and not _CHANGE_AFTER.match(text, figure.end)  # 'appeared in 40% more postings'
    ):
        lo = max(0, figure.start - _REFERRED_REACH)
    else:
        return None
    named = _last_named(text, lo, figure.start)
    return ShareCue("of_whole", figure.start, named[0]) if named and named[1] else None


def _paragraph_reach(text: str, position: int) -> int:
    """Where a look back for what 'them' refers to starts: the paragraph's start, at most
    `_REFERRED_REACH` characters back."""
    return max(text.rfind("\n\n", 0, position) + 1, position - _REFERRED_REACH)


def _last_named(text: str, lo: int, stop: int) -> tuple[tuple[int, int], bool] | None:
    """(span, whether it is postings) of the people or jobs named last in text[lo:stop]:
    postings only when they come last ('We read 5,200 job ads and surveyed 300 engineers. ...
    74% of them' counts the engineers), ending after the role they are for."""
    named = [
        *(
            (_postings_end(text, m.end(), stop), m.span(), True)
            for m in posting_noun().finditer(text, lo, stop)
        ),
        *((m.end(), m.span(), False) for m in _words("population_nouns").finditer(text, lo, stop)),
        *((lo + e, (lo + s, lo + e), False) for s, e, _ in find_roles(text[lo:stop])),
    ]
    if not named:
        return None
    _, span, postings = max(named, key=lambda n: (n[0], n[2]))
    return span, postings


@cache
def _mentioned_in() -> re.Pattern[str]:
    """'appeared in ', 'was named in about ': a skill's mention right before its share."""
    return re.compile(rf"{_words('mention_verbs').pattern}(?:\s+{_FILLER}\b)*\s*$", re.I)


@cache
def _population_verb_after() -> re.Pattern[str]:
    """'% of them work ...', ', say ...': what people do, right after their share."""
    verbs = _words("population_verbs").pattern
    return re.compile(rf"[\s,]+(?:of\s+(?:them|those|these)\s+)?(?:{_TIME_ADVERBS}\s+)?(?:{verbs})")


# An adverb of time between people's share and what they do ('23% now work remotely').
_TIME_ADVERBS = r"(?i:now|currently|still|already|also|today|usually|typically)"


def _share_of_cue(text: str, start: int, end: int) -> ShareCue | None:
    """'The share of <whole> reached ' in `text[start:end]`: a share noun, the whole it
    divides and a verb that states its level right before the figure; 'the share of <part> in
    <whole>' names the part first."""
    before = text[start:end]
    nouns = list(_words("nouns").finditer(before))
    if not nouns:
        return None
    level = _SHARE_OF_LEVEL.match(before, nouns[-1].end())
    if level is None:
        return None
    verb = start + level.start("verb")
    whole = _whole_after(text, start + nouns[-1].end(), verb)
    inner = _INNER_PART.match(text, start + nouns[-1].end(), verb) if whole is None else None
    if inner is not None:  # 'the share of software in the machine learning market'
        phrase = text[inner.end() : verb].rstrip()
        if _is_market_whole(phrase) or market_mentions(phrase):
            whole = inner.end(), inner.end() + len(phrase)
    return ShareCue("share_of", verb, whole) if whole is not None else None


# 'of <part> in ' after a share noun: the part comes first, the whole after 'in'.
_INNER_PART = re.compile(r"\s+of\s+(?P<part>[^\W\d][^,;:()\d]{0,40}?)\s+in\s+", re.IGNORECASE)
# How far before a share's whole its part may be named ('Software's share of', 'share of
# software in').
_OWNER_REACH = 60
# The part a share's whole follows: 'Software's share of the ...', 'share of software in the'.
_OWNER = re.compile(
    r"(?:\b(?P<owner>[^\W\d][\w&-]*(?:\s+[^\W\d][\w&-]*){0,2}?)(?:'s|’s|s'|s’)\s+"
    r"(?:\w+\s+)?share\s+of\s+(?:the\s+)?|\bshare\s+of\s+(?P<inner>[^\W\d][^,;:()\d]{0,40}?)"
    r"\s+in\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _owner_part(text: str, start: int, end: int) -> str | None:
    """The part named before a share's whole ('Software's share of the ML market': software;
    'the share of services in the ML market': services), or None."""
    found = _OWNER.search(text, start, end)
    if found is None:
        return None
    words = (found["owner"] or found["inner"]).split()
    while words and words[0].lower() in _OWNER_STOPS:
        words.pop(0)  # 'while Software's share': the clause's opener is no part
    return " ".join(words) or None


_OWNER_STOPS = frozenset({"and", "but", "while", "whereas", "the", "in", "that", "as", "with"})


@cache
def _changed_by() -> re.Pattern[str]:
    """A change verb right before a figure ('fell 3.4%', 'grew by 9%'): the figure is how much
    a part changed, not another part's share."""
    return re.compile(rf"(?:{_words('change_verbs').pattern})(?:\s+by)?\s*$", re.IGNORECASE)


@cache
def _change_of_part() -> re.Pattern[str]:
    """A clause's subject, a change verb and 'from', up to a figure that is the earlier level
    ('... rose from ') or the later one ('... rose from 24% to ')."""
    verbs = _words("change_verbs").pattern
    level = r"\d[\d.,]*\s*(?:%|per\s?cent)(?:\s+(?:in|during)\s+(?:19|20)\d\d)?"
    return re.compile(
        rf"\s*(?P<phrase>[^\W\d][^,;:()\d]{{2,100}}?)\s+(?:(?:have|has|had)\s+)?"
        rf"(?:(?:almost|nearly|more\s+than|\w+ly)\s+)?(?:{verbs})(?:\s+{_FILLER}\b)*\s+from"
        rf"(?:\s+{_FILLER}\b)*\s*(?P<later>{level}\s+to(?:\s+{_FILLER}\b)*\s*)?$",
        re.IGNORECASE,
    )


# What follows the earlier level of a change: ' to 46%', ' in 2021 to 46%'.
_TO_LATER = re.compile(r"\s*(?:(?:in|during)\s+(?:19|20)\d\d\s+)?to\b", re.IGNORECASE)


def _changed_part_cue(text: str, frame: Frame, figure: Amount) -> ShareCue | None:
    """'Hybrid arrangements for ML engineers have almost doubled from 24.1% to 45.8%',
    'Respondents who were in the office dropped from 39% to 11.5%': the two levels of a change
    are shares when the clause's subject names people and a breakdown of them (share_terms'
    dimensions); the whole is the people, the part the breakdown word."""
    found = _change_of_part().match(text, frame.clause_start, figure.start)
    if found is None or (
        found["later"] is None and not _TO_LATER.match(text, figure.end, frame.clause_end)
    ):
        return None
    phrase = found["phrase"]
    later = found["later"] is not None
    mentions = _MENTIONS_IN.fullmatch(phrase)
    if mentions and posting_noun().search(mentions["whole"]):
        # 'Mentions of large language models in ML engineer ads rose from 6% to 31%': the
        # postings are the whole, the skill named before them the item (`_mentioned_item`)
        start = found.start("phrase") + mentions.start("whole")
        return ShareCue("changed", start, (start, found.end("phrase")), later=later)
    if market_mentions(phrase) or not _counts_people(phrase) or _dimension_of(phrase) is None:
        return None
    if any(  # 'Pay for remote ML engineers rose from 5% to 7%': a change of what they earn
        vocabulary("salary_terms", "salary_words", key).search(phrase) for key in ("strong", "weak")
    ) or vocabulary("market_terms", "growth", "words").search(phrase):
        return None
    span = (found.start("phrase"), found.end("phrase"))
    return ShareCue("changed", span[0], span, later=later)


# 'Mentions of X in ML engineer ads', 'Requests for Y across postings'.
_MENTIONS_IN = re.compile(
    r"(?:mentions?|requests?|references?)\s+(?:of|for|to)\s+(?P<item>.+?)\s+(?:in|across|among)\s+"
    r"(?P<whole>.+)",
    re.IGNORECASE,
)


def _item_cue(text: str, frame: Frame, figure: Amount) -> ShareCue | None:
    """A list item or line that is only a label of people and its figure, either way round
    ('Remote 38%', '38% fully remote', 'Master's degree 49%'): a share of the people the
    section or page is about; the label must name a breakdown of people (share_terms'
    dimensions), so 'Pay rise 5%' or '20% off' stay unread; any short label will do in a line
    of three or more such items, figures first, that add up to a whole."""
    if _figure_first_series(text, figure):  # 'Where they work: 58% North America, 29% ...'
        item = _FIGURE_FIRST_ITEM.match(text, figure.start)
        return ShareCue("item", item.start("label"), None) if item else None
    before = text[frame.before_start : figure.start].strip(" \t*_-–—•:(")
    after = text[figure.end : frame.after_end].strip(" \t*_.;)")
    listed = _LABEL_AFTER.match(text, figure.end, frame.after_end)
    if after and listed and _SEPARATED.search(text, frame.before_start, figure.start):
        # 'Machine learning engineers: 38% remote, 45% hybrid, 17% on-site'
        label, start = listed["part"], listed.start("part")
    elif before and after:
        return None
    elif after:
        label, start = after, text.find(after, figure.end)
    else:
        label, start = before, text.find(before, frame.before_start)
    if not _ITEM_LABEL.fullmatch(label) or not _people_dimension(label):
        return None
    return ShareCue("item", start, None)


# One item of a series written figure first: '58% North America', up to the next separator.
_FIGURE_FIRST_ITEM = re.compile(
    r"\s*(?P<value>\d{1,3}(?:\.\d+)?)\s*%\s+(?P<label>[^\W\d][^,;|\d%]{0,40}?)\s*"
    r"(?:[,;|]\s*(?:and\s+)?|\band\s+|$)",
    re.IGNORECASE,
)


def _figure_first_series(text: str, figure: Amount) -> bool:
    """Whether the line holding `figure` is a lead, a colon, then three or more percentages
    each before its label that add up to a whole ('Where they work: 58% North America, 29%
    Europe, 13% rest of world')."""
    line_start, lead_end = _inline_head(text, figure.start)
    line_end = text.find("\n", figure.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip().rstrip(".")
    if lead_end < 0 or len(line) > _MAX_SERIES_CHARS or not line[lead_end:].startswith(":"):
        return False
    return _adds_up(line, lead_end + 1, _FIGURE_FIRST_ITEM)


def _place_at_cue(text: str, frame: Frame, figure: Amount) -> ShareCue | None:
    """'The market was USD 40 billion in 2025, with North America at 38%': a place given a
    figure with 'at' in a sentence about a market is that place's share of it; a growth word
    near it makes it a rate instead."""
    start = max(0, frame.before_start - 12)  # 'with' may open the clause before the frame
    found = _PLACE_AT.search(text[start : figure.start])
    following = found is None and (found := _PLACE_NEXT.search(text[start : figure.start]))
    wide = Frame(frame.clause_start, frame.clause_end, max(0, start - 80), frame.after_end)
    if found is None or not is_place(found["part"]) or _growth_near(text, wide, figure):
        return None  # 'It will grow 20% a year, with Asia Pacific at 25%': a rate
    earlier = text[max(0, start - 200) : start]
    # a place that comes next after a share given just before ('... with 38.9% of revenue.
    # Europe came next at 26.2%'), else one beside a market named before it
    if not (following and "%" in earlier) and not market_mentions(earlier):
        return None
    return ShareCue("followed", start + found.start("part"), None)


def _followed_paren_cue(text: str, figure: Amount) -> ShareCue | None:
    """'This is followed by the fully remote model (32%), and, finally, on-site work (27%)':
    parts ranked after a share named before, each with its figure in parentheses."""
    line_start = _sentence_start(text, figure.start)
    found = _FOLLOWED_PAREN.search(text, line_start, figure.start)
    if found is None or _growth_after(text, figure):
        return None
    return ShareCue("followed", found.start("part"), None)


def _inline_cue(text: str, figure: Amount) -> ShareCue | None:
    """'Regional shares in 2025: North America 37.5%, Europe 26.3%', 'Breakdown by work
    arrangement: fully remote 38%, hybrid 47%', 'By region, North America (37.5%), Europe
    (26.3%) ...', 'Share of respondents by language (Python 78%, R 9%, ...)': a lead that names
    a share or a breakdown, a colon, comma or parenthesis, then items of a short label and its
    percentage (the label is the part). A line of such items without a lead ('Master's degree
    46%, Bachelor's degree 31%, PhD 19%, Other 4%', a chart's caption) is a breakdown when its
    percentages make up a whole."""
    line_start, lead_end = _inline_head(text, figure.start)
    head = text[line_start : figure.start]
    # An item holds no digit, '%' or ')': it starts after the last of them (an earlier item's
    # figure), and is searched for only there, not from the line's start.
    after = 1 + max(head.rfind(char) for char in _NOT_IN_ITEM)
    item = _INLINE_ITEM.search(head, after)
    band = band_item(text, line_start + lead_end + 1, figure) if lead_end >= 0 else None
    if band is not None:  # '0–2 years 19%': the band's numbers are its label's
        label_start, label = band - line_start, ""
    elif item is not None:
        label_start, label = item.start("label"), item.group("label").strip()
    else:
        return None
    if lead_end < 0:
        caption = chart_caption(text, figure.start)
        if not (_complete_series(text, line_start, figure) or _names_whole(caption)):
            return None
    elif label_start <= lead_end:
        return None
    else:
        lead = head[:lead_end]
        if not (
            _words("nouns").search(lead)
            or _BREAKDOWN.search(lead)
            or _PERCENT_LEAD.search(lead)
            or (_ANSWERED.search(lead) and _answers_add_up(text, line_start + lead_end + 1))
        ):
            return None
        if _says_change(lead):
            return None
    if _growth_after(text, figure) or re.search(r"\d", label) or _NOT_INLINE.search(label):
        return None  # ', ahead of energy at 9.2%' is a part set beside a share (`_parallel`)
    return ShareCue("inline", line_start + label_start, None)


# A lead-in that says who answered ('2,046 ML engineers answered this year's survey:').
_ANSWERED = re.compile(
    r"\b(?:answered|responded|took\s+part|were\s+surveyed|respondents?)\b", re.IGNORECASE
)
# Where a sentence that runs over wrapped lines ends: a full stop, or a blank line.
_SENTENCE_STOP = re.compile(r"\.(?:\s|$)|\n\s*\n")


def _answers_add_up(text: str, start: int) -> bool:
    """Whether the items after a lead-in of who answered, up to the sentence's end (over
    wrapped lines: 'Sweden 44%, Norway 21%,' / 'Denmark 20%, Finland 15%.'), are three or more
    labelled percentages that add up to a whole: the answers' breakdown."""
    stop = _SENTENCE_STOP.search(text, start, start + _MAX_SERIES_CHARS)
    if stop is None:
        return False
    return _adds_up(" ".join(text[start : stop.start()].split()), 0, _series_item())


def _inline_head(text: str, position: int) -> tuple[int, int]:
    """Where the line of an inline list starts, and where its lead ends in it (-1 for none):
    at its colon, at an open parenthesis after it ('by language (Python 78%'), or at the comma
    after 'By region'."""
    line_start = _sentence_start(text, position)
    head = text[line_start:position]
    lead_end = head.find(":")
    paren = head.rfind("(")
    if (
        paren > lead_end
        and ")" not in head[paren:]
        and not _PAREN_FIGURE.match(text, line_start + paren + 1)
    ):
        lead_end = paren  # not '..., Europe (26.3%)': a parenthesis right before its figure
    if lead_end < 0 and _BY_LEAD.match(head):
        lead_end = head.find(",")
    return line_start, lead_end


# A figure right after an open parenthesis: '(26.3%)', '(about 6%)'.
_PAREN_FIGURE = re.compile(rf"(?:\s*{_FILLER}\b)*\s*\d", re.IGNORECASE)


@cache
def _series_item() -> re.Pattern[str]:
    """One item of a series: a short label and its percentage, up to the next separator."""
    return re.compile(
        r"(?P<label>[^\W\d][^,;:|()\d%]{0,40}?)\s*[:\-–—]?\s*\(?\s*(?P<value>\d{1,3}(?:\.\d+)?)"
        rf"\s*{percent_sign()}\)?\s*(?:[,;|·•]\s*(?:and\s+)?|\band\s+|$|(?<=\s)(?=[^\W\d]))",
        re.IGNORECASE,
    )


_MAX_SERIES_CHARS = 300


def _complete_series(text: str, line_start: int, figure: Amount) -> bool:
    """Whether the line holding `figure` is only a series of three or more labelled percentages
    that add up to a whole (100, give or take share_terms' `series_tolerance`)."""
    line_end = text.find("\n", figure.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip().rstrip(".")
    if len(line) > _MAX_SERIES_CHARS or len(re.findall(percent_sign(), line)) < 3:
        return False  # a few short items: a long line is prose, and costly to scan
    return _adds_up(line, 0, _series_item())


def _adds_up(line: str, start: int, item_pattern: re.Pattern[str]) -> bool:
    """Whether `line` from `start` to its end is three or more items of `item_pattern` (each
    with its `value`) that add up to a whole (100, give or take share_terms'
    `series_tolerance`). Each item starts where the one before ends: matched in turn, not
    searched for at every character of a line that is not a series."""
    total, count, end = 0.0, 0, start
    while (item := item_pattern.match(line, end)) is not None and item.end() > end:
        total, count, end = total + float(item["value"]), count + 1, item.end()
    tolerance = float(load_data("share_terms")["series_tolerance"])
    return count >= 3 and end == len(line) and abs(total - 100) <= tolerance


@cache
def _ranked_part() -> re.Pattern[str]:
    """'the largest regional market at', 'the biggest segment, with', 'the most common cloud
    among respondents (': a part ranked by size whose figure follows with 'at' or 'with' or in
    brackets is a share of the whole it is ranked in."""
    terms = load_data("share_terms")["ranked_parts"]
    sizes = phrase_pattern(tuple(terms["sizes"])).pattern
    parts = _named_part().pattern
    return re.compile(
        rf"(?:{sizes})\s+(?:[\w-]+\s+)?(?:{parts})"
        rf"(?:\s+among\s+[\w -]{{1,40}}?|\s+of\s+(?P<whole>[\w -]{{1,40}}?))?"
        rf"(?:\s*,?\s*(?:at|with)\s+|\s*\(\s*)(?:{_FILLER}\s+)*$",
        re.IGNORECASE,
    )


def _says_change(lead: str) -> bool:
    """'Pay rise by level:', 'Growth by region:': the items are changes, not shares."""
    return any(
        vocabulary("market_terms", "growth", key).search(lead)
        for key in ("words", "cagr", "annual")
    ) or bool(vocabulary("salary_terms", "change", "decline").search(lead))


def _growth_after(text: str, figure: Amount) -> bool:
    """'at 21.4% CAGR': a growth word right after the figure makes it a rate, not a share."""
    after = text[figure.end : figure.end + 24]
    return any(
        vocabulary("market_terms", "growth", key).search(after) for key in ("cagr", "annual")
    )


def table_share_whole(doc: Document, caption: str, header: str) -> str | None:
    """The market a table's share column divides ('Revenue share by region' over 'Share'):
    the market its caption or header names, else the page's own; None when the column counts
    people or positions ('Share of respondents') or does not speak of a share of money."""
    text = f"{caption} {header}"
    if find_roles(text):
        return None
    positions = _words("job_nouns").search(header)
    if positions and _words("job_nouns").fullmatch(
        _job_modifiers().sub("", _COUNTED_OPENINGS.sub("", _OF_HEADER.sub("", header)))
    ):
        return document_role(doc)  # '% of openings': openings of the page's role
    if of_postings := _ALL_POSTINGS.search(header):
        # 'AI job postings (% of all job postings)' by country: a share of all postings there
        return normalize_subject(of_postings["whole"])
    if _words("population_nouns").search(text):
        return None
    named = market_mentions(text)
    if named:
        return named[0][2]
    if _words("nouns").search(text) or _words("market_wholes").search(text):
        return main_market(doc)
    return None


# A header's whole of all job postings: '(% of all job postings)', 'share of all US postings'.
_ALL_POSTINGS = re.compile(
    r"%\s+of\s+all\s+(?:[A-Z]{2}\s+)?"
    r"(?P<whole>(?:job\s+)?(?:postings|listings|ads|adverts|vacancies))\b",
    re.IGNORECASE,
)


def lead_population(lead: str) -> str | None:
    """The people a list's lead-in says its items are shares of: 'Share of employers offering
    fully remote positions, by company size:' -> 'employer'.

    >>> lead_population("Percentage of respondents, by region:"), lead_population("By region:")
    ('respondent', None)
    >>> lead_population("Share of employed graduates by employer sector:")
    'graduate'
    >>> lead_population("We asked respondents which problems cost them the most time:")
    'respondent'
    >>> lead_population("Respondents by job title:")
    'respondent'
    >>> lead_population("We asked which framework you reach for first. 1,124 of you answered:")
    'respondent'
    """
    for found in _LEAD_POPULATION.finditer(lead):
        noun = _words("population_nouns").match(lead, found.end())
        if noun:
            return normalize_subject(noun.group())
    # 'Respondents by job title:': the people, then the breakdown they are split by
    opening = _words("population_nouns").match(lead.strip())
    if opening and _BY_BREAKDOWN.match(lead.strip(), opening.end()):
        return normalize_subject(opening.group())
    # 'We asked how often the respondent's team puts a model into production': the people
    # the question is about, one of them written in the singular
    question = _ASKED_ABOUT.search(lead)
    nouns = _words("population_nouns")
    noun = question["noun"] if question else ""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"  # 'company': 'companies'
    if question and (nouns.fullmatch(noun) or nouns.fullmatch(plural)):
        return normalize_subject(noun)
    if _READERS_ANSWERED.search(lead):  # a newsletter's poll: '1,124 of you answered:'
        return _RESPONDENT
    return None


# The readers who answered a poll: '1,124 of you answered', 'over 900 of you voted', '840
# readers replied'.
_READERS_ANSWERED = re.compile(
    r"\b\d[\d,]*\s+(?:of\s+you|readers|subscribers|listeners|members)\s+"
    r"(?:answered|responded|replied|voted|took\s+(?:part|the\s+poll))\b",
    re.IGNORECASE,
)
_ASKED_ABOUT = re.compile(
    r"\basked\s+(?:how(?:\s+often|\s+many|\s+much)?|whether|which|what|if)\s+"
    r"(?:(?:the|each|a)\s+respondent['’]s\s+|(?:their|the|each|a)\s+)?(?P<noun>[a-z]+)\b",
    re.IGNORECASE,
)
_BY_BREAKDOWN = re.compile(r",?\s+(?:by|per)\s+[\w -]{2,40}:?\s*$", re.IGNORECASE)


def roles_of_people(heading: str) -> str | None:
    """The people a heading says took the roles its list names: 'Roles our graduates were
    hired into' -> 'graduate' (over 'Machine learning engineer: 38%', 'Data analyst: 21%');
    not the roles employers hire for ('Roles companies are hiring for').

    >>> roles_of_people("Roles our graduates were hired into"), roles_of_people("Roles")
    ('graduate', None)
    >>> roles_of_people("Jobs that students took"), roles_of_people("Roles companies hire for")
    ('student', None)
    """
    found = _ROLES_TAKEN.match(heading)
    return normalize_subject(found["people"]) if found else None


# A heading naming roles, the people who took them and the taking: 'Roles our graduates were
# hired into', 'Jobs that students landed', 'Positions alumni went on to'.
_ROLES_TAKEN = re.compile(
    r"\W*(?:the\s+)?(?:roles|jobs|job\s+titles|positions|occupations)\s+"
    r"(?:(?:that|which)\s+)?(?:(?:our|the|their|these|its)\s+)?"
    r"(?P<people>graduates|students|alumni|learners|trainees|apprentices|participants|"
    r"respondents|members|fellows)\s+"
    r"(?:(?:were|was|are|have\s+been|got)\s+)?(?:hired|placed|took|take|landed|land|went|go|"
    r"moved|work|worked|found|started|joined)\b",
    re.IGNORECASE,
)


def table_people(doc: Document, table_start: int, header: str, title: str = "") -> str | None:
    """The people a percentage column of a breakdown divides when its header names no whole
    of its own: the people the header is ('Respondents', '% respondents'), else the role the
    page is about or the people its survey asked (see `people_of_page`); so does a column
    of what people do ('Fully remote') under a title that breaks people down ('By company
    size')."""
    named = _OF_HEADER.sub("", header).strip()
    if named and _words("population_nouns").fullmatch(named):
        return normalize_subject(_DETERMINER.sub("", named))
    measured = re.search(r"[^\W\d]", named) and not _words("nouns").fullmatch(named)
    if measured and not (people_breakdown(title) and work_arrangement(named)):
        return None  # 'Growth (%)', 'Adoption rate': the header says what it measures
    index = next((i for i, b in enumerate(doc.blocks) if b.start >= table_start), len(doc.blocks))
    lead = doc.span_text(doc.blocks[index - 1]) if index else ""
    for named in (title, lead if lead.rstrip().endswith(":") else ""):
        titled = titled_people(named)
        if titled:
            return titled
    return people_of_page(doc, index)


def titled_people(title: str) -> str | None:
    """The people a table's title says its percentages divide ('ORCHESTRATION (% of
    respondents)', 'Share of companies with ..., by size:'), else None."""
    titled = _PERCENT_OF_PEOPLE.search(title)
    if titled and _words("population_nouns").fullmatch(titled["people"]):
        return normalize_subject(titled["people"])
    return None


# A title that says whom its percentages divide: '(% of respondents using each)', 'Share of
# companies with a dedicated ML platform team, by company size'.
_PERCENT_OF_PEOPLE = re.compile(
    r"(?:%|\bper\s?cent|\bshare|\bproportion)\s+of\s+(?:all\s+)?(?P<people>[a-z]+)", re.I
)


def row_share_subject(
    subject: str, category: str, header: str, caption: str, role: str | None, languages: bool
) -> tuple[str, dict[str, Any]]:
    """The subject of a share table row, by the same rule as in prose, with qualifiers to add:
    a skill's row under '% of job postings' is that skill's share of the postings ('PyTorch' ->
    'pytorch'); a work arrangement's row of a people column ('Fully remote' under 'Share of
    respondents') is about the role the table or page is about; a row labelled by a skill alone
    ('Python' under 'ML engineers', '% of each group using the tool') is that skill's share of
    the people its column counts (a market's 'Natural language processing' row is the market's
    part; 'Go' is a skill alone where the label column holds `languages`); a place's row of a
    postings column ('Seattle' under 'Share of US openings') is the role's postings there;
    else `subject` unchanged."""
    named = posting_noun().search(f"{caption} {header}")
    skills = {match.canonical for match in find_skills(category, languages=languages)}
    # '% of managers' over 'Python | 88%': the people the header counts, whatever the caption;
    # the caption's when no header line heads the figures ('Share of hiring managers naming
    # each skill' over 'Python ..... 88%')
    people = (
        None if _counts_people(subject) else _words("population_nouns").search(header or caption)
    )
    if (
        len(skills) == 1
        and not find_roles(category)  # 'MLOps engineer' names a role, not the skill MLOps
        and (
            named
            or (
                skill_alone(category, languages=languages)
                and (
                    _counts_people(subject)
                    or people
                    or _generic_population(subject)
                    or find_roles(subject)
                )
            )
        )
        and not time_share(header)
        and not names_troubles(caption, "")  # 'Pressure to ship LLM features' under 'Biggest
        # sources of stress': a trouble that names a skill, not the skill's share
    ):
        counted = normalize_subject(people.group()) if people else subject
        population = named.group().lower() if named else counted
        return skills.pop().lower(), {"dimension": _SKILL, "population": population}
    if role and _generic_population(subject) and _dimension_of(category) == _WORK_ARRANGEMENT:
        return role, {"dimension": _WORK_ARRANGEMENT, "population": subject}
    if role and _in_role(subject) and not (find_roles(category) or title_of(category)):
        # 'AGE PROFILE (share of workers)' / '25-34 .... 47%' on an occupation's page: the
        # people it divides are the role's (not those a survey asked, nor when its rows are job
        # titles)
        return role, {"population": subject}
    if (
        role
        and subject != role
        and named
        and is_place(category)
        and _placed_postings(named)
        and not (_counts_people(subject) or _generic_population(subject))  # 'of respondents'
    ):
        # 'Seattle | 8.7%' under 'Share of US openings': the role's openings, by place
        return role, {"population": named.group().lower()}
    return subject, {}


def _parenthetical_cue(text: str, frame: Frame, figure: Amount, before: str) -> ShareCue | None:
    """'Nearly half (47%) of ML engineers work remotely', 'One in three respondents (33%) use
    Kubernetes', '3 in 10 (29%) data scientists are on hybrid contracts', 'made up nearly
    two-thirds (64%) of the market': a percentage in parentheses restates a fraction of the
    population or market named beside it."""
    after = figure.end + 1
    whole = _whole_after(text, after, frame.after_end)
    if whole is not None:
        # 'made up nearly two-thirds (64%) of the market', 'Nearly half (47%) of ML engineers'
        return ShareCue("of_whole", figure.start, whole)
    postings = _postings_whole().match(text, figure.end, frame.after_end)
    if postings is not None:  # 'Nearly half (47%) of data and analytics postings'
        return ShareCue("of_whole", figure.start, postings.span("whole"))
    verbs = _people_verbs()
    people_after = _people_after(text, after, frame.after_end)
    if people_after is not None:
        return ShareCue("of_whole", figure.start, people_after)
    postings = _EVERY_POSTINGS.search(before)
    named_postings = postings.group("whole") if postings else ""
    if any(m.end() == len(named_postings) for m in posting_noun().finditer(named_postings)):
        # 'About one in five ML engineer postings (21%) were fully remote'
        start = frame.before_start + postings.start("whole")
        return ShareCue("of_whole", figure.start, (start, start + len(named_postings)))
    people = re.search(r"(?P<people>[^,;()\d]{1,50}?)\s*\($", before)
    if (
        people
        and _counts_people(people.group("people"))
        and re.match(rf"\s+{_ADVERB}(?:{verbs})\b", text[after : frame.after_end])
    ):
        phrase = people.group("people")
        named = find_roles(phrase) or [
            (m.start(), m.end(), m.group()) for m in _words("population_nouns").finditer(phrase)
        ]
        start = frame.before_start + people.start("people")
        return ShareCue("of_whole", figure.start, (start + named[-1][0], start + named[-1][1]))
    composed = _composed_whole(text, figure)
    if composed is not None:  # 'The sample was made up of ML engineers (31%), ...'
        return ShareCue("of_whole", figure.start, composed)
    described = _DESCRIBED.search(before)
    if (
        described
        and _counts_people(described["people"])
        and not _words("job_nouns").search(described["people"])
    ):
        # 'Respondents were overwhelmingly male (78%)': a part of the people named before
        phrase = described["people"]
        named = find_roles(phrase) or [
            (m.start(), m.end(), m.group()) for m in _words("population_nouns").finditer(phrase)
        ]
        start = frame.before_start + described.start("people")
        return ShareCue("of_whole", figure.start, (start + named[-1][0], start + named[-1][1]))
    fraction = _FRACTION_OF.search(before)
    whole = (
        _whole_after(text, frame.before_start + fraction.start("of"), figure.start - 1)
        if fraction
        else None
    )
    if whole is not None:  # 'contributed more than half of revenue (54.3%)'
        return ShareCue("of_whole", figure.start, whole)
    if _FRACTION.search(before) and re.match(
        rf"\s+{_ADVERB}(?:{verbs})\b", text[after : frame.after_end]
    ):  # '..., while nearly a third (31%) said weekly': of the people named before
        return ShareCue("population", figure.start, None)
    return None


def _people_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The people right after a share and before their verb ('(33%) respondents use', 'one in
    four engineers now work'), when the words name people."""
    verbs = _people_verbs()
    following = re.match(
        rf"\s*(?P<people>[^,;()\d]{{1,50}}?)\s+{_ADVERB}(?:{verbs})\b", text[start:end]
    )
    if following is None or not _counts_people(following.group("people")):
        return None
    return start + following.start("people"), start + following.end("people")


def _every_whole(text: str, figure: Amount, end: int) -> tuple[int, int] | None:
    """The people right after 'one in four' or 'three out of five' ('Nine in ten teams track
    ...'): the phrase up to the population noun or role it opens with."""
    if not _EVERY.search(figure.raw):
        return None
    phrase = re.match(r"\s*[^,;:()\d]{1,60}", text[figure.end : end])
    if phrase is None:
        return None
    words = phrase.group()
    roles = find_roles(words)
    found = [(r[0], r[1]) for r in roles] + [
        (m.start(), m.end()) for m in _words("population_nouns").finditer(words)
    ]
    if not found:
        return None
    start, stop = min(found)
    if re.search(r"[^\w\s'’-]", words[:start]) or len(words[:start].split()) > 3:
        return None  # the people must open the words after the figure
    lead = len(words) - len(words.lstrip())
    return figure.end + lead, figure.end + stop


def _composed_whole(text: str, figure: Amount) -> tuple[int, int] | None:
    """The whole a sentence says is made of parts given in parentheses ('The sample was made
    up mostly of machine learning engineers (31%), data scientists (27%) and ...'): the noun
    phrase before the verb, when it names people or a market."""
    start = _sentence_start(text, figure.start)
    found = next(reversed(list(_composed().finditer(text, start, figure.start))), None)
    if found is None or ";" in text[found.end() : figure.start]:
        return None
    phrase = _DETERMINER.sub("", text[found.start("whole") : found.end("whole")].strip())
    if not (_counts_people(phrase) or market_mentions(phrase)):
        return None
    whole_start = text.find(phrase, found.start("whole"))
    return whole_start, whole_start + len(phrase)


@cache
def _composed() -> re.Pattern[str]:
    verbs = _words("composed_of").pattern
    return re.compile(
        rf"(?P<whole>[^\W\d][\w' -]{{0,60}}?)\s+(?:(?:was|were|is|are)\s+)?"
        rf"(?:(?:mostly|mainly|largely|primarily|chiefly)\s+)?(?:{verbs})"
        rf"(?:\s+(?:mostly|mainly|largely|primarily|chiefly))?\s+(?:of|into|between)\b",
        re.IGNORECASE,
    )


def _label_part(label: str) -> str | None:
    """The part a share's label names before its share noun ('North America Market Share
    (2025): ' -> 'North America'), or None.

    >>> _label_part("North America Market Share (2025): "), _label_part("Market share: ")
    ('North America', None)
    >>> _label_part("Estimated market share: "), _label_part("Current market share (2025): ")
    (None, None)
    """
    labelled = _LABELLED.match(label)
    noun = _words("nouns").search(labelled["label"]) if labelled else None
    head = " ".join(labelled["label"][: noun.start()].split()) if labelled and noun else ""
    # 'Estimated market share', 'Current market share (2025)': words about the figure, no part
    return head if head and not _GAP.match(head) else None


def _is_share_label(label: str) -> bool:
    """'Remote availability', 'Market share', 'Hardware segment': a label that names a share or
    a part of a whole, not a growth rate; not a tool whose name holds a part's noun ('Google
    Cloud')."""
    named_part = _named_part().search(label) and not skill_alone(label.strip(_ITEM_TRIM))
    return bool(
        _words("nouns").search(label) or _dimension_of(label) or named_part
    ) and not _says_change(label)


@cache
def _named_part() -> re.Pattern[str]:
    """'Hardware segment', 'Cloud deployment mode': a label that calls itself a part."""
    terms = load_data("share_terms")["ranked_parts"]
    return phrase_pattern((*terms["parts"], *terms["tool_parts"]))


def _appositive_cue(
    text: str, frame: Frame, before: str, whole: tuple[int, int] | None, figure: Amount
) -> ShareCue | None:
    """'Solutions accounted for the larger share of revenue, at 68.2%': the share noun or verb
    stands before a comma and 'at', with only the whole ('of revenue') between. After a bare
    comma the figure must be set off on both sides ('the largest share of the regional market,
    41.6%, in 2024') and the words between name no change ('the share of revenue from software
    grew steadily, 18% a year' is a growth rate)."""
    tail = _APPOSITIVE.search(before)
    cut_at = frame.before_start
    if tail is None and not before.strip():  # 'held the largest share, with 38.2%': the
        # figure's clause begins after 'with', so its frame holds nothing before it
        tail = _APPOSITIVE.search(text, max(0, frame.before_start - 12), frame.before_start)
        cut_at = tail.start() if tail else cut_at
    if tail is None:
        return None
    if cut_at == frame.before_start and tail.start() > 0:
        start, earlier = frame.before_start, before[: tail.start()]
    else:  # the figure's clause is cut: its cue is in the words just before it
        start = _sentence_start(text, cut_at, low=max(0, cut_at - 160))
        earlier = text[start:cut_at]
    if re.search(r"\d", earlier):
        return None
    cues = [
        (match.start(), match.end(), kind)
        for kind, key in (("noun", "nouns"), ("verb", "verbs"))
        for match in _words(key).finditer(earlier)
    ]
    if not cues:
        return None
    position, end, kind = max(cues)
    if not _APPOSITIVE_GAP.match(earlier[end:]):
        return None
    bare = not tail.group().strip(" ,")
    if bare and (
        not _SET_OFF_AFTER.match(text, figure.end)
        or _CHANGE_WORDS.search(earlier, end)
        or states_forecast(earlier, end)
    ):
        return None
    return ShareCue("noun" if kind == "noun" else "verb", start + position, whole)


# What closes a figure set off by a comma before it: another comma or the clause's end.
_SET_OFF_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")


def _whole_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of '<whole>' in '% of <whole>' when it names a market or a population."""
    match = _OF.match(text, start, end)
    if match is None or _OF_PRONOUN.match(text, start, end):
        return None  # '62% of them said ML engineers ...': 'them' are named before
    whole_start = match.start("whole")
    working_as = _working_as().match(text, whole_start, match.end("whole"))
    named = find_roles(text[working_as.end() : match.end("whole")]) if working_as else []
    if named and named[0][0] == 0:  # '25% of people working as ML engineers': the role's
        return working_as.end(), working_as.end() + named[0][1]
    stop = _WHOLE_END.search(text, whole_start + 1, match.end("whole"))
    whole_end = stop.start() if stop else match.end("whole")
    phrase = text[whole_start:whole_end]
    if _is_market_whole(phrase) or market_mentions(_MARKET_HEAD.sub(" market", phrase)):
        return whole_start, whole_end
    roles = find_roles(phrase)
    population = _words("population_nouns").search(phrase)
    if population and (not roles or population.start() < roles[0][0]):
        # '64% of hiring managers say ML engineers are ...': the people asked come first
        return whole_start, whole_start + population.end()
    if roles:  # '31% of data scientists have a hybrid arrangement': the whole ends at the role
        role_end = whole_start + roles[0][1]
        # ... or at the postings it names: '21% of ML engineer postings were fully remote'
        postings = posting_noun().match(text, role_end + 1, whole_end)
        if text[role_end : role_end + 1].isspace() and postings:
            return whole_start, postings.end()
        return whole_start, role_end
    titled = _TITLED.match(text, whole_end, end) if _THOSE.fullmatch(phrase) else None
    if titled and find_roles(titled["title"]):  # '19% of those with the data scientist title'
        return whole_start, titled.end()
    if _ALL_OF.fullmatch(phrase):  # '43% of all PC shipments': a whole of its own
        return whole_start, whole_end
    return None


_THOSE = re.compile(r"those|people|respondents", re.IGNORECASE)
# A whole set out as all of its kind: 'all PC shipments', 'all new cars' (a plural noun).
_ALL_OF = re.compile(r"all\s+(?:[\w-]+\s+){0,3}[^\W\d_]{3,}s", re.IGNORECASE)


# 'people working as', 'professionals employed as': people named by the role they work in.
@cache
def _working_as() -> re.Pattern[str]:
    generic = phrase_pattern(tuple(load_data("share_terms")["generic_people"])).pattern
    return re.compile(
        rf"(?:all\s+|the\s+)?(?:{generic})\s+(?:who\s+)?(?:work|works|working|are\s+employed|"
        r"employed)\s+as\s+(?:an?\s+)?",
        re.IGNORECASE,
    )


def _counts_people(phrase: str) -> bool:
    """Whether the whole after 'of' is a population ('respondents', 'ML engineers')."""
    return not market_mentions(phrase) and bool(
        find_roles(phrase) or _words("population_nouns").search(phrase)
    )


def _is_market_whole(phrase: str) -> bool:
    return bool(_words("market_wholes").match(phrase.strip()))


def read_sentence(doc: Document, sentence: Sentence) -> list[Claim | Skip]:
    """The share claims of one sentence, and the percentages it skipped with their reason."""
    text = _unemphasized(doc.text)  # '... the largest application at **27.5%**'
    words = word_shares(text, sentence.start, sentence.end)
    # no share in words and no percentage: no figure to read (blanking emphasis changed no
    # digit or percent sign: the page's own cue index answers)
    if not words and not _may_hold_percent(doc.text, sentence.start, sentence.end):
        return []
    found = _with_words(amounts(text, sentence.start, sentence.end), words)
    if _ASKS_READER.match(text, sentence.start, sentence.end):
        # 'Would you take a 10% pay cut for a four-day week?': a question put to the reader
        return [Skip(f.start, f.end, "other") for f in found if f.unit == "percent"]
    in_words = {figure.start for figure in words}  # no figure of the audit: nothing to skip
    out: list[Claim | Skip] = []
    previous: Claim | None = None
    for index, figure in enumerate(found):
        if figure.unit != "percent" or figure.value > 100:
            continue
        frame = figure_frame(text, sentence.start, sentence.end, found, index)
        cue = share_cue(text, frame, figure)
        if (
            cue is not None
            and cue.cue == "population"
            and figure.start in in_words
            and previous is None
            and not _OPENS.match(text[sentence.start : figure.start])
        ):  # '..., and about half want C++': a share in words needs its people named, or
            # a label of people ('...; one in four holds a PhD')
            cue = _item_cue(text, frame, figure)
        if figure.start in in_words and _first_person().search(text, sentence.start, sentence.end):
            continue  # 'In my last job 3 in 5 engineers were physicists': one writer's story
        if figure.start in in_words and _HALF_OF_MEDIAN.search(text, sentence.start, sentence.end):
            continue  # 'Half ... earn more than the median and half earn less': what it means
        claim: Claim | None
        continued = _skill_continued(doc, sentence, found, index, frame, previous)
        answered = (
            None if previous or continued else _answered_skill(doc, sentence, found, figure, frame)
        )
        if continued is not None:  # 'SQL came next at 46.1%, followed by Java (17.8%)'
            claim = continued
        elif mentioned := _mention_goes_on(doc, sentence, figure, previous):
            claim = mentioned  # '71% of ML postings mention Python' / '52% mention SQL'
        elif previous is None and (placed := _placed_after(doc, sentence, figure)):
            claim = placed  # 'AWS is named in 52% of them.' / 'Azure comes second, at 44%.'

        elif answered is not None:  # 'Docker was the most common answer (81%)'
            claim = answered
        elif run_skill := _run_skill(doc, sentence, figure):  # 'PyTorch 64% / JAX 9%'
            claim = run_skill
        elif previous is not None and (moved := _moved_in_points(text, previous, figure)):
            claim = moved  # '... made up 14.7% of IT vacancies, up 3.2 percentage points ...'
        elif previous is None and (restated := _restated_earlier(doc, sentence, figure)):
            claim = restated  # '78% of large companies run ... In 2021 the figure was 41%.'
        elif (
            cue is not None
            and cue.cue == "item"
            and previous is not None
            and market_mentions(previous.subject)
            and (parallel := _parallel(text, sentence, previous, figure, frame))
        ):  # '..., against 17.2% for on-premises and 11.3% for hybrid ones': a label of
            # people ('hybrid') in a sentence that divides a market is the market's part
            claim = parallel
        elif _later_level(text, sentence, previous, figure) and (
            parallel := _parallel(text, sentence, previous, figure, frame)
        ):  # 'The share of postings requiring MLOps rose from 12% in 2022 to 27% in 2025'
            claim = parallel
        elif cue is not None:
            claim = _claim(doc, sentence, found, figure, frame, cue)
            head = previous or (_lead_share(doc, sentence) if cue.cue in _PART_CUES else None)
            if claim is None and head is not None and cue.cue in _PART_CUES:
                # '..., chosen by 38% of developers, followed by documentation (29%)', 'About 12%
                # of job ads were for senior roles, while entry-level roles accounted for 9%':
                # a part whose whole the sentence named for the share before it; or the
                # sentence before did ('21% of ML engineer postings were fully remote.' /
                # 'Hybrid roles made up 48% and on-site roles 31% that year.')
                claim = _parallel(text, sentence, head, figure, frame)
        elif previous is not None and (
            parallel := _parallel(text, sentence, previous, figure, frame)
        ):
            claim = parallel
        elif previous is None and (chained := _chained(doc, sentence, found, figure, frame)):
            claim = chained
        elif previous is None and (listed := _listed_skill(doc, sentence, found, figure, frame)):
            claim = listed
        elif previous is None and (further := _further_part(doc, sentence, figure, frame)):
            claim = further
        elif previous is None and (used := _used_by_asked(doc, sentence, found, figure, frame)):
            claim = used
        else:
            if not _growth_near(text, frame, figure):
                out.append(Skip(figure.start, figure.end, "ambiguous"))
            continue
        if (
            previous is None
            and claim is not None
            and _REMAINDER.search(text, sentence.start, figure.start)
            and (head := _lead_share(doc, sentence)) is not None
        ):  # '... and MLOps engineers (10%).' / 'The remaining 19% held other titles.'
            claim = _same_whole(claim, head)
        if (
            previous is not None
            and (
                _REMAINDER.search(text, sentence.start, figure.start)
                or (cue is not None and cue.cue == "population")
                or _whole_left_to_previous(text, frame, cue)
            )
            and _whole_after(text, figure.end, frame.after_end) is None
        ):
            # 'Men make up 74% of respondents, women 23% and the remaining 3% ...', '12.7% of
            # employees work from home, while 28.2% work hybrid': the same whole as the share
            # before, whatever people the clause names last
            claim = (
                _same_whole(claim, previous)
                if claim is not None
                else _parallel(text, sentence, previous, figure, frame)
            )
        out.append(claim if claim is not None else Skip(figure.start, figure.end, "no_subject"))
        previous = claim or previous
    out = _respective_skills(text, sentence, found, out)
    out = _top_only(text, sentence, out)
    return [item for item in out if isinstance(item, Claim) or item.char_start not in in_words]


def in_points(amount: Amount) -> bool:
    """Whether a percentage is written in percentage points ('3.2 percentage points')."""
    return amount.unit == "percent" and "point" in amount.raw.lower()


def _moved_in_points(text: str, previous: Claim, figure: Amount) -> Claim | None:
    """The change of the share right before, in percentage points ('AI-related roles made up
    14.7% of all IT vacancies in Q3 2025, up 3.2 percentage points from a year earlier'): a
    growth of that share, its unit the points it moved."""
    if not in_points(figure) or previous.figure_end is None or previous.kind != "share":
        return None
    moved = _POINTS_MOVED.fullmatch(text, previous.figure_end, figure.start)
    if moved is None:
        return None
    value = (
        -figure.value if moved["way"].lower() in ("down", "falling", "a drop of") else figure.value
    )
    qualifiers = {k: v for k, v in previous.qualifiers.items() if k in ("category", "population")}
    return Claim.from_amount(
        replace(figure, value=value),
        kind="growth_rate",
        subject=previous.subject,
        attribute="share_change",
        char_start=previous.char_start,
        char_end=previous.char_end,
        extractor=NAME,
        year=previous.year,
        qualifiers={**qualifiers, "measure": "share", "change_unit": "percentage points"},
        attributed_to=previous.attributed_to,
    )


# Between a share and its change in points: ' of all IT vacancies in Q3 2025, up ', ', down '.
_POINTS_MOVED = re.compile(
    r"[^.;%]{0,80}?,?\s+(?P<way>up|down|rising|falling|an\s+increase\s+of|a\s+drop\s+of)\s+"
    r"(?:by\s+)?(?:(?:about|around|some|nearly|almost)\s+)?",
    re.IGNORECASE,
)


def _respective_skills(
    text: str, sentence: Sentence, found: list[Amount], out: list[Claim | Skip]
) -> list[Claim | Skip]:
    """Shares stated 'respectively' after as many skills, named in their clause ('SQL and Go
    are used by 63% and 12% of respondents, respectively'): each figure is its skill's share of
    the people after the last figure, in order. Other readings stay as they are."""
    said = RESPECTIVELY.search(text, sentence.start, sentence.end)
    if said is None:
        return out
    run = respective_run(text, [f for f in found if f.unit == "percent"], said.start())
    if len(run) < 2:
        return out
    index = found.index(run[0])
    frame = figure_frame(text, sentence.start, sentence.end, found, index)
    named = list(
        dict.fromkeys(m.canonical for m in find_skills(text, frame.clause_start, run[0].start))
    )
    whole = _whole_after(text, run[-1].end, sentence.end)
    if len(named) != len(run) or whole is None:
        return out
    population = normalize_subject(text[whole[0] : whole[1]])
    year = _year(text, frame, found)
    shares = {
        figure.start: _sentence_share(
            figure, sentence, skill.lower(), {"category": population, "dimension": _SKILL}, year
        )
        for figure, skill in zip(run, named, strict=True)
    }
    kept = [item for item in out if _figure_start(item) not in shares]
    return sorted([*kept, *shares.values()], key=_figure_start)


def _figure_start(item: Claim | Skip) -> int:
    return item.char_start if isinstance(item, Skip) else item.figure_start or item.char_start


def _top_only(text: str, sentence: Sentence, out: list[Claim | Skip]) -> list[Claim | Skip]:
    """The shares of a run of labelled figures whose lead says it lists only the top parts
    ('The top categories were 23% remote, 19% hybrid and 8% on-site'), marked `partial`: they
    need not add up to 100%."""
    claims = [item for item in out if isinstance(item, Claim)]
    if len(claims) < 2 or claims[0].figure_start is None:
        return out
    lead = text[sentence.start : claims[0].figure_start]
    if not (_SEPARATED.search(lead) and _TOP_LEAD.search(lead)):
        return out
    return [
        replace(item, qualifiers={**item.qualifiers, "partial": True})
        if isinstance(item, Claim) and "partial" not in item.qualifiers
        else item
        for item in out
    ]


# A lead that lists only the first parts: 'The top categories were', 'The leading answers:'.
_TOP_LEAD = re.compile(r"\b(?:top|leading|main|most\s+common)\b", re.IGNORECASE)


def _may_hold_percent(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold a percentage: a digit and, in ASCII text, a key of a mark
    of one ('%', 'cent' of 'per cent', 'pct'). `find_quantities` makes a figure a percentage only
    by such a mark (quantity_words' `percent` units) written after its digits in the span, and
    `amounts` keeps that unit or puts a currency; it reads past format characters (a zero-width
    space in 'per cent'), none of them ASCII."""
    if not has_digit(text, start, end):
        return False
    return not text[start:end].isascii() or may_hold(text, start, end, _percent_keys())


@cache
def _percent_keys() -> Keys | None:
    return phrase_keys(load_data("quantity_words")["units"]["percent"])


declare(lambda: [_percent_keys()])


@lru_cache(maxsize=8)
def _unemphasized(text: str) -> str:
    """`text` with Markdown's bold and italic runs ('**27.5%**', '__Remote__') blanked, offsets
    kept: the cues around a figure read as they do without them."""
    return _BOLD.sub(lambda m: " " * len(m.group()), text) if "**" in text or "__" in text else text


_BOLD = re.compile(r"\*\*|__")


def _whole_left_to_previous(text: str, frame: Frame, cue: ShareCue | None) -> bool:
    """'Senior engineers make up 35% of ML teams, while juniors make up 20%', 'Finance led ML
    engineer hiring with 21% of postings, followed by healthcare (14%)': a part and a share
    verb, or a part that follows, with no whole and no market in its own clause, divides the
    whole of the share before it in the sentence, not the page's market."""
    return (
        cue is not None
        and cue.cue in ("verb", "followed")
        and cue.whole is None
        and not market_mentions(text[frame.clause_start : frame.clause_end])
    )


# Cues that name a part but may leave its whole to the share before it in the sentence ('...,
# while entry-level roles accounted for 9%', '..., followed by SQL (44%)'); a label, a list
# item or a 'share of' names its own whole or none.
_PART_CUES = frozenset({"verb", "noun", "followed", "population"})


# A sentence that is only a label and its figure: 'Europe: 27.1%.', 'Rest of the world: 9%'.
_LABEL_SENTENCE = re.compile(
    r"\W*(?P<label>[^\W\d][^:;,.()\d%]{0,40}?)\s*[:–—]\s*(?:[^\W\d][^:;,\d]{0,20}\s)?"
    r"\d[\d.,]*\s*(?:%|per\s?cent\b)"
)


def _skill_continued(
    doc: Document,
    sentence: Sentence,
    found: list[Amount],
    index: int,
    frame: Frame,
    previous: Claim | None,
) -> Claim | None:
    """'SQL came next at 46.1%, followed by Java (17.8%) ...', 'Docker appeared in 38% and
    Kubernetes in 35%' after a sentence of the same paragraph that states a skill's share of a
    whole ('Python ... was required in 87.4% of ads'), or after such a share earlier in the
    sentence (`previous`): a percentage right after one skill's name, whose own words name no
    whole, is that skill's share of the same whole; so is one right before a name that ends its
    item, after such a share in the sentence ('44% of postings mentioned AWS, 27% Azure and 22%
    GCP')."""
    text, figure = doc.text, found[index]
    lo = max(frame.before_start, found[index - 1].end if index else sentence.start)
    hi = found[index + 1].start if index + 1 < len(found) else frame.clause_end
    named = find_skills(text, lo, figure.start)
    after = find_skills(text, figure.end, hi)
    gap = _SHARE_GAP.fullmatch(text, named[-1].end, figure.start) if named else None
    respective = _respective_skill(text, found, index, sentence.start)
    if respective is not None:  # 'Azure and GCP followed at 21% and 18%'
        named, after = [respective], []
    elif (
        previous is not None
        and (not named or named[-1].canonical.lower() == previous.subject)
        and after
        and _NAMES_ITEM.fullmatch(text, figure.end, hi)
    ):
        named, after = after[:1], []  # '27% Azure': the name after the figure is its item
    elif gap is None or _CHANGE_WORDS.search(gap.group()):
        return None  # 'Demand for AWS grew 12%', 'rose by 5%': a change, not a share
    if after and not _NEXT_ITEM.search(text, figure.end, after[0].start):
        return None  # '... 42% use SQL and 23% use Rust': the skill after it is its own
    if _whole_after(text, figure.end, frame.after_end) is not None or _postings_whole().match(
        text, figure.end, frame.clause_end
    ):
        return None  # '... in 41% of ads' names its whole: the sentence's own rules read it
    before = _statement_before(doc, sentence) if previous is None else None
    head = previous or (_first_share(doc, before) if before else None)
    if head is None or head.qualifiers.get("dimension") != _SKILL:
        return None
    qualifiers = {"category": head.qualifiers.get("category"), "dimension": _SKILL}
    year = _year(text, frame, found) or head.year
    return _share_like(head, figure, sentence, named[-1].canonical.lower(), qualifiers, year)


def _statement_before(doc: Document, sentence: Sentence) -> Sentence | None:
    """The sentence before this one in its block; for a list item's first, the last sentence
    of the item before it in the same list: a list of statistics goes on from item to item
    ('Python appeared in 82% of job ads.' / 'PyTorch (47%) was named more often ...')."""
    before = sentence_before(doc, sentence)
    index, block = sentence.block_index, sentence.block
    if before is not None or block.kind != "list_item" or index == 0:
        return before
    item = doc.blocks[index - 1]
    if item.kind != "list_item" or (item.section, item.parent, item.level) != (
        block.section,
        block.parent,
        block.level,
    ):
        return None
    spans = sentence_spans(doc.text, item.start, item.end)
    return Sentence(spans[-1].start, spans[-1].end, index - 1, item) if spans else None


def _respective_skill(text: str, found: list[Amount], index: int, start: int) -> SkillMatch | None:
    """The skill of a share in a run of shares that follows a run of as many skills, each run
    joined by commas or 'and', read in order: 'Azure and GCP followed at 21% and 18%' gives
    Azure 21% and GCP 18%; None when the share is alone or the runs differ in length."""
    first, last = index, index
    while first and _JOINED.fullmatch(text, found[first - 1].end, found[first].start):
        first -= 1
    while last + 1 < len(found) and _JOINED.fullmatch(text, found[last].end, found[last + 1].start):
        last += 1
    size = last - first + 1
    if size < 2:  # most shares stand alone: no skill is looked up for them
        return None
    lo = found[first - 1].end if first else start
    names = find_skills(text, lo, found[first].start)[-size:]
    if len(names) != size:
        return None
    if not all(_JOINED.fullmatch(text, a.end, b.start) for a, b in pairwise(names)):
        return None
    if not _SHARE_GAP.fullmatch(text, names[-1].end, found[first].start):
        return None
    return names[index - first]


# What joins the items of a run: 'Azure and GCP', '21% and 18%', 'SQL, Java and Go'.
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", re.IGNORECASE)
# What may stand between a skill and its share: 'Java (', 'SQL came next at ', 'Docker
# appeared in ', 'Azure turned up in ', 'Kubernetes in ', 'JAX, at ', 'PyTorch is used by '.
_SHARE_GAP = re.compile(
    r"[\s(:,]*(?:(?:[a-z]+\s+){0,3}?(?:at|in|by|with)\s+)?"
    # or its place in the order, then its figure in brackets: 'SQL comes second (63%)', 'C++
    # third (17%)'
    r"|\s+(?:(?:comes?|came|ranks?|ranked|is|was|sits?|placed|follows?)\s+)?"
    r"(?:second|third|fourth|fifth|next|last)\s*[(:,]\s*",
    re.IGNORECASE,
)
# Words of a change: what follows them is no share ('grew 12%', 'rose by 5%').
_CHANGE_WORDS = re.compile(
    r"\b(?:gr[eo]w\w*|rose|ris\w+|fell|fall\w*|jump\w*|climb\w*|drop\w*|declin\w+|"
    r"increas\w+|decreas\w+)\b",
    re.IGNORECASE,
)
# A name right after a figure and nothing else up to the next item ('27% Azure and ', '22% GCP.').
_NAMES_ITEM = re.compile(r"\s+[^\W\d][\w+#./ -]{0,30}?(?:\s*(?:,|;|\band\b|\.)\s*)*", re.IGNORECASE)
# Between a share and the next skill named: the next item begins ('38% and Kubernetes in 35%',
# 'PyTorch (47%) was named more often than TensorFlow (28%)').
_NEXT_ITEM = re.compile(
    rf",|;|\band\b|\bwhile\b|\bthan\b|\bversus\b|\bvs\b|\b{_FOLLOWED_BY}\b", re.IGNORECASE
)


def _chained(
    doc: Document, sentence: Sentence, found: list[Amount], figure: Amount, frame: Frame
) -> Claim | None:
    """'North America: 42.3% of revenue in 2025. Europe: 27.1%. Asia Pacific: 21.6%.': a
    sentence that is only a label and its percentage, after a sentence of the same form whose
    figure is a share, is a share of the same whole, its label the part."""
    text = doc.text
    own = _LABEL_SENTENCE.match(text, sentence.start, sentence.end)
    if own is None or own.end() != figure.end or len(found) != 1:
        return None
    if len(text[sentence.start : sentence.end][own.end() - sentence.start :].split()) > 4:
        return None  # 'Europe: 27.1%, driven by ...' says more than a label and a figure
    before = sentence_before(doc, sentence)
    if before is None or _growth_near(text, frame, figure):
        return None
    if _LABEL_SENTENCE.match(text, before.start, before.end) is None:
        return None
    head = _first_share(doc, before)
    if head is None or "category" not in head.qualifiers:
        return None
    label = " ".join(own["label"].split())
    qualifiers = {
        k: v
        for k, v in head.qualifiers.items()
        if k not in ("category", "dimension", "experience_level", "forecast")
    }
    qualifiers["category"] = _category(label)
    dimension = _dimension(text, frame, label)
    if dimension:
        qualifiers["dimension"] = dimension
    year = _year(text, frame, found) or head.year
    return _share_like(head, figure, sentence, head.subject, qualifiers, year)


def _used_by_asked(
    doc: Document, sentence: Sentence, found: list[Amount], figure: Amount, frame: Frame
) -> Claim | None:
    """'PyTorch is used by 63% — ...', 'MLflow is the most common experiment tracker, used by
    31%.' on a survey's page: a tool used by a share that names no people is that tool's share
    of the people the survey asked."""
    text = doc.text
    used = _USED_BEFORE.search(text, frame.clause_start, figure.start)
    if used is not None:
        named = used["used"]
    elif by := _USED_BY.search(text, max(0, frame.clause_start - 2), figure.start):
        opening = _LEADING_NP.match(text[_sentence_start(text, by.start()) : by.start()])
        named = opening["np"] if opening else ""
        # 'MLflow is the most common experiment tracker, used by': what the sentence is about
        named = _IS_THE.split(named, maxsplit=1)[0]
    else:
        return None
    if text.startswith(" of", figure.end) or text.startswith(")", figure.end):
        return None  # 'used by 64% of respondents': the cue's reading names them
    skills = {match.canonical for match in find_skills(named)}
    people = surveyed_people(doc, sentence.block_index) if len(skills) == 1 else None
    if people is None:
        return None
    qualifiers = {"category": people, "dimension": _SKILL}
    return _sentence_share(
        figure, sentence, skills.pop().lower(), qualifiers, _year(text, frame, found)
    )


# Where a sentence's subject ends and what it says it is begins: ' is the ', ' remains a '.
_IS_THE = re.compile(r"\s+(?:is|are|was|were|remains|remained)\s+(?:the|an?)\s", re.IGNORECASE)


def _further_part(doc: Document, sentence: Sentence, figure: Amount, frame: Frame) -> Claim | None:
    """A sentence that opens with a further part or the rest ('Another 31% check by hand.',
    'The remaining 56% check by hand.') and names no whole of its own, after a sentence that
    states a share: a share of that whole, what its clause says after the figure the part."""
    text = doc.text
    if not _FURTHER.match(text, sentence.start, figure.start):
        return None
    head = _lead_share(doc, sentence)
    part = _category(text[figure.end : frame.clause_end])
    if head is None or not part or _growth_near(text, frame, figure):
        return None
    if head.qualifiers.get("dimension") == "skill":
        return None  # '40% of teams use feature stores. Another 31% ...': no part of a tool
    qualifiers = {
        k: v
        for k, v in head.qualifiers.items()
        if k not in ("category", "dimension", "experience_level", "forecast")
    }
    qualifiers["category"] = part
    return _share_like(head, figure, sentence, head.subject, qualifiers, head.year)


def _share_like(
    head: Claim,
    figure: Amount,
    sentence: Sentence,
    subject: str,
    qualifiers: dict[str, Any],
    year: int | None,
) -> Claim:
    """A share that continues `head` (the share a sentence before stated), with its source."""
    return _sentence_share(figure, sentence, subject, qualifiers, year, head.attributed_to)


def _sentence_share(
    figure: Amount,
    sentence: Sentence,
    subject: str,
    qualifiers: dict[str, Any],
    year: int | None,
    attributed_to: str | None = None,
) -> Claim:
    """A share claim of `figure`, quoting its sentence."""
    return Claim.from_amount(
        figure,
        kind="share",
        subject=subject,
        attribute="share",
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        unit="percent",
        year=year,
        qualifiers=qualifiers,
        attributed_to=attributed_to,
    )


# What may open a list item before its label: a number or a bullet ('1. PyTorch — 78%').
_ITEM_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|#\d{1,3}|[-*•·])?\s*")
_ITEM_TRIM = " \t*_-–—•:("
# What an item says of its skill before the share, under a lead-in naming the whole ('Of the
# 968 contract adverts:' / '- Python appeared in 89%', '- AWS in 52%').
_ITEM_VERB = re.compile(
    r",?\s+(?:(?:appeared|appears|featured|features|was\s+(?:named|listed|mentioned|required)"
    # ... and the verbs and prepositions of Spanish, Portuguese and Italian lists ('Python
    # aparece en el 89 %', 'SQL, en el 54 %', 'Python aparece em 93%', 'SQL nel 61%')
    r"|aparece|aparecen|figura|appare|compare)\s+)?"
    r"(?:in|at|en(?:\s+el|\s+la)?|em|nel(?:la)?)\s*$",
    re.IGNORECASE,
)
# A dot leader between an item's label and its figure ('SQL ........ 48%').
_DOT_LEADER = re.compile(rf"\s*{DOT_LEADER}\s*$")


def _restated_earlier(doc: Document, sentence: Sentence, figure: Amount) -> Claim | None:
    """The share the sentence before states, given again for another year: 'In 2021 the figure
    was 41%', 'The share was 29% in 2022'."""
    text = doc.text
    before = _figure_was().match(text, sentence.start, figure.start)
    if before is None:
        return None
    after = _LEADING_YEAR.match(text, figure.end)
    stated = before["year"] or (after[1] if after else None)
    among = before["among"]
    earlier = before["earlier"]  # 'A year earlier the share was 24%': an earlier, unnamed year
    head = _lead_share(doc, sentence) if stated or among or earlier else None
    if head is None:
        return None
    qualifiers = {k: v for k, v in head.qualifiers.items() if k != "forecast"}
    if among:  # 'Among ML engineers the figure was higher, at 55%': the same part of them
        roles = find_roles(among)
        people = _words("population_nouns").search(among)
        subject = (
            roles[0][2] if roles else _population(doc, sentence, people.group()) if people else None
        )
        if subject is None:
            return None
        if qualifiers.get("dimension") == _SKILL:  # the skill's share of these people
            subject, qualifiers = head.subject, {**qualifiers, "category": subject}
        return _share_like(head, figure, sentence, subject, qualifiers, head.year)
    return _share_like(
        head, figure, sentence, head.subject, qualifiers, int(stated) if stated else None
    )


# An earlier time, unnamed, opening a sentence that restates the figure before it for that time
# ('A year earlier the share was 24%', 'Last year it was 2.3'): `shares` and `demand` read it.
EARLIER_OPENING = (
    r"(?:a|one|two|three)\s+years?\s+(?:earlier|before|ago)|(?:the\s+)?(?:year|quarter)\s+before"
    r"|last\s+year"
)


@cache
def _figure_was() -> re.Pattern[str]:
    """'In 2021 the figure was ', 'The share was ', 'Among ML engineers the figure was higher,
    at ', 'A year earlier the share was ': a figure that restates the one before it, for
    another year or other people."""
    return re.compile(
        r"[\s*_]*(?:(?:back\s+)?in\s+(?P<year>(?:19|20)\d\d)\s*,?\s+|among\s+"
        rf"(?P<among>[^,.;]{{3,60}}?)\s*,?\s+|(?P<earlier>{EARLIER_OPENING})\s*,?\s+)?"
        r"(?:the|that)\s+(?:figure|share|proportion|percentage|"
        r"rate)\s+(?:was|stood\s+at|had\s+been)(?:\s+(?:\w+\s+)?(?:higher|lower)\s*,?\s+at)?\s+"
        rf"{optional_hedge()}\Z",
        re.IGNORECASE,
    )


def _answered_skill(
    doc: Document, sentence: Sentence, found: list[Amount], figure: Amount, frame: Frame
) -> Claim | None:
    """'Docker was the most common answer (81%)' on a survey's page: the share of the people
    it asked who gave that one skill as their answer."""
    text = doc.text
    if not may_hold(text, sentence.start, figure.start, _ANSWER_NOUNS):
        return None  # no answer noun before the figure, so no answer phrase: most figures
    answer = _MOST_COMMON_ANSWER.search(text, sentence.start, figure.start)
    named = find_skills(answer["item"]) if answer else []
    people = surveyed_people(doc, sentence.block_index) if len(named) == 1 else None
    if answer is None or people is None:
        return None
    qualifiers = {"category": people, "dimension": _SKILL}
    return _sentence_share(
        figure, sentence, named[0].canonical.lower(), qualifiers, _year(text, frame, found)
    )


# A skill named as the answer most given, its share right after: 'Docker was the most common
# answer (', 'PyTorch is the top choice, at '.
_MOST_COMMON_ANSWER = re.compile(
    r"(?P<item>[^,;:()\d]{1,40}?)\s+(?:is|was|remains|remained)\s+(?:again\s+|still\s+)?the\s+"
    r"(?:most\s+(?:common|popular|frequent)|top)\s+(?:answer|choice|response|pick)"
    r"(?:\s*,?\s*at)?\s*\(?\s*\Z",
    re.IGNORECASE,
)
# Every match of `_MOST_COMMON_ANSWER` holds one of these nouns where a word starts (after
# '\s+'): a sentence without one before the figure is not searched (its search tries every
# start of a 40-character item).
_ANSWER_NOUNS = Keys(("answer", "choice", "response", "pick"), word_start=True)
declare(lambda: [_ANSWER_NOUNS])


def _listed_skill(
    doc: Document, sentence: Sentence, found: list[Amount], figure: Amount, frame: Frame
) -> Claim | None:
    """'PyTorch — 78%' as an item of a list under 'Most-used ML frameworks (share of
    respondents)' or 'Tools in ML job ads (% of postings)': an item that is only a skill's name
    and its percentage is that skill's share of the people or postings its lead-in or heading
    counts (the README's share of job postings or of people that names one skill)."""
    if (
        sentence.block.kind not in ("list_item", "heading")
        or sum(a.unit == "percent" for a in found) != 1
    ):
        return None
    text = doc.text
    start = _ITEM_MARKER.match(text, sentence.start, figure.start).end()  # type: ignore[union-attr]
    tail = text[figure.end : sentence.end].strip(" \t*_.;)")
    if tail and not _REMARK.match(tail):
        return None  # 'Azure (39%) – the most common cloud here' remarks on the item: it stays one
    listed = skill_item(doc, sentence.block_index, text[start : figure.start])
    if listed is None:
        return None
    skill, whole = listed
    qualifiers = {"category": whole, "dimension": _SKILL}
    return _sentence_share(figure, sentence, skill, qualifiers, _year(text, frame, found))


def _run_skill(doc: Document, sentence: Sentence, figure: Amount) -> Claim | None:
    """'PyTorch 64% / TensorFlow 21% / JAX 9%' right under a survey's question: a line that is
    only names and their percentages, set apart by slashes, dots or bars, gives each named skill
    its share of the people or postings its heading or lead-in counts, as a list's items do, and
    each work arrangement the role's share of them."""
    text = doc.text
    # the figure's line: a run set apart by spaced full stops is several sentences
    start = max(text.rfind("\n", sentence.block.start, figure.start) + 1, sentence.block.start)
    end = text.find("\n", figure.end, sentence.block.end)
    end = sentence.block.end if end < 0 else end
    if not _SKILL_RUN.fullmatch(text, start, end) or not _asked_before(doc, sentence):
        return None
    separators = list(_RUN_SEP.finditer(text, start, figure.start))
    label = text[separators[-1].end() if separators else start : figure.start].strip(" \t(")
    listed = skill_item(doc, sentence.block_index, label)
    if listed is not None:
        skill, whole = listed
        qualifiers = {"category": whole, "dimension": _SKILL}
        return _sentence_share(figure, sentence, skill, qualifiers, None)
    role = sentence_role(doc, sentence) or document_role(doc)
    if role is None or _dimension_of(label) != _WORK_ARRANGEMENT:
        return None
    # 'Fully remote 18% / Hybrid 57% / Mostly in the office 25%' under '5. WORK STYLE': the
    # role's work arrangement, of the postings its heading counts, else of the people asked
    counted = posting_noun().search(section_heading(doc, sentence.block))
    qualifiers = {
        "category": label.strip(" \t*_:"),
        "dimension": _WORK_ARRANGEMENT,
        "population": counted.group().lower() if counted else "respondents",
    }
    return _sentence_share(figure, sentence, role, qualifiers, None)


def _asked_before(doc: Document, sentence: Sentence) -> bool:
    """Whether the block before the line asks what it answers ('Which framework do you use
    most?') or leads into it ('Share of respondents by tool:'); a bare chart names no whole."""
    index = sentence.block_index - 1
    before = doc.span_text(doc.blocks[index]).rstrip(" *_") if index >= 0 else ""
    # or a heading right above it that says what the line's figures are ('TOOLS USED AT WORK')
    return before.endswith(("?", ":")) or (index >= 0 and doc.blocks[index].kind == "heading")


# A line of two or more names, each with its percentage (bracketed or not), set apart by '/',
# '·', '|', '•', a comma, a semicolon or a full stop between spaces ('Python 96%  .  SQL 68%',
# 'Python (82%), AWS (44%)').
_RUN_MARK = r"[/·|•,;]"
_RUN_SEP = re.compile(rf"{_RUN_MARK}|\s\.\s")
_RUN_ITEM = r"[^\W\d][^/·|•%,;()]{0,40}?\s\(?\d{1,3}(?:\.\d)?\s?%\)?"
_SKILL_RUN = re.compile(rf"\s*{_RUN_ITEM}(?:\s*(?:{_RUN_MARK}|\.(?=\s))\s*{_RUN_ITEM})+\s*\.?\s*")


# A remark set off after an item's figure by a dash: ' – by far the most common cloud'.
_REMARK = re.compile(r"[–—-]\s+[^\d%]*$")


def _placed_postings(noun: re.Match[str]) -> bool:
    """Whether only a place or a word like 'open' stands between 'of' and a posting noun
    ('Share of US openings', 'of Canadian openings'): a word of its own ('all US tech job
    postings', 'AI postings') names a whole that is not the page role's postings."""
    head = re.split(r"\bof\b|%|:|\(", noun.string[: noun.start()])[-1].split()
    return all(
        is_place(word)
        or (word[:1].isupper() and not word.isupper())
        or _job_modifiers().match(f"{word} ")
        for word in head
    )


def names_troubles(lead: str, heading: str) -> bool:
    """Whether a breakdown's lead-in, or its heading as the noun it ends with, names what
    troubles people ('We asked about their biggest challenges:', '## Biggest pain points'):
    its labels are parts of them, not the tools they use, even where one names a practice
    ('data quality (58%)'); not a lead-in that asks what they use ('## Tools and challenges' /
    'Share of respondents using each framework:')."""
    if _TROUBLES.search(lead):
        return True
    return bool(_TROUBLES_HEAD.search(heading)) and not _USES.search(lead)


_TROUBLE_NOUNS = (
    r"(?:challenges?|pain\s+points?|problems?|obstacles?|barriers?|blockers?|frustrations?"
    r"|stress(?:es|ors?)?)"
)
_TROUBLES = re.compile(rf"\b{_TROUBLE_NOUNS}\b", re.IGNORECASE)
_TROUBLES_HEAD = re.compile(rf"\b{_TROUBLE_NOUNS}\W*$", re.IGNORECASE)
_USES = re.compile(r"\b(?:us(?:e|es|ed|ing)|adopt\w*|work(?:s|ing)?\s+with)\b", re.IGNORECASE)


def skill_item(doc: Document, block_index: int, label: str) -> tuple[str, str] | None:
    """(skill, whole) for an item labelled by a skill alone ('PyTorch — ', 'SQL ........ ')
    in a list whose lead-in or heading names who or what it counts ('% of postings'), or a
    heading of a ranked countdown whose first heading says it ('### 1. Python — 84% of
    postings' over '### 2. SQL — 57%'); None for other items, which `lists` may read as parts
    of the whole its lead-in names."""
    block = doc.blocks[block_index]
    if block.kind == "heading":  # a countdown's heading: its first item says what it counts
        context = heading_list_lead(doc, block_index)
        if not context:
            return None
    else:
        context = lead_in(doc, block_index) or section_heading(doc, block)
    if names_troubles(lead_in(doc, block_index), section_heading(doc, block)):
        return None  # '## Biggest challenges' / 'Data quality (58%)': a problem, not a tool
    named = _ITEM_VERB.sub("", _DOT_LEADER.sub("", label)).strip(_ITEM_TRIM)
    # 'Go (12%)' under 'Most-used programming languages, ranked by share of respondents:'
    match = skill_alone(named, languages=names_languages(context))
    if match is None:
        return None
    postings = _postings_whole().search(context)
    counted = posting_noun().search(context)
    whole = (
        lead_population(context)
        or (normalize_subject(postings["whole"]) if postings else None)
        # 'In the 1.240 vacancies we counted, ... Other frequent requirements:'
        or (normalize_subject(counted.group()) if counted else None)
        # '## Cloud platforms, ranked' / '#1 AWS — 54%' on a survey's page: of those it asked
        or surveyed_people(doc, block_index)
        # 'All figures cover ML engineer listings posted ...' over '## Most requested skills'
        or _counted_postings(doc, block_index)
        # 'ML engineers, multiple answers allowed:' over 'AWS — 46%': the role's people
        or (first_role(context) if block.kind == "list_item" and context.endswith(":") else None)
    )
    return (match.canonical.lower(), whole) if whole else None


def _counted_postings(doc: Document, block_index: int) -> str | None:
    """The postings a page counts, named in the nearest paragraph above that names any ('All
    figures cover machine learning engineer listings posted in 2025'): the whole of a skills
    list whose heading names none ('## Most requested skills' / 'Python 88%') on a page of
    job-board statistics."""
    for index in range(min(block_index, len(doc.blocks) - 1) - 1, -1, -1):
        block = doc.blocks[index]
        if block.boilerplate or block.kind != "paragraph":
            continue
        if noun := posting_noun().search(doc.span_text(block)):
            return normalize_subject(noun.group())
    return None


def _lead_share(doc: Document, sentence: Sentence) -> Claim | None:
    """The part-of-a-whole share that the sentence before states (in the block, else the last
    sentence of the paragraph or list item right before it): the whole a sentence naming none
    goes on with."""
    before = _statement_before(doc, sentence)
    if before is None and sentence.block_index > 0 and sentence.start == sentence.block.start:
        block = doc.blocks[sentence.block_index - 1]
        spans = sentence_spans(doc.text, block.start, block.end)
        if block.kind == "paragraph" and not block.boilerplate and spans:
            before = Sentence(spans[-1].start, spans[-1].end, sentence.block_index - 1, block)
    head = _first_share(doc, before) if before is not None else None
    return head if head is not None and "category" in head.qualifiers else None


@lru_cache(maxsize=256)
def _first_share(doc: Document, sentence: Sentence) -> Claim | None:
    """The first share of a sentence, kept: in a run of label sentences ('Europe: 27.1%. Asia
    Pacific: 21.6%. ...') each asks for the one before it, which asked for the one before it,
    so without the cache the k-th would read the whole run again (k^2 readings in all)."""
    return next((c for c in read_sentence(doc, sentence) if isinstance(c, Claim)), None)


def _set_level(qualifiers: dict[str, Any], part: str) -> None:
    """A parallel part's own experience level, never the level of the part before it ('...,
    mid-level roles 38% and junior roles the remaining 18%')."""
    qualifiers.pop("experience_level", None)
    if level := find_experience_level(part):
        qualifiers["experience_level"] = level


def _same_whole(claim: Claim, previous: Claim) -> Claim:
    """`claim` as a share of the whole `previous` divides (its subject and population); a share
    that names its own item ('while 42% use SQL') keeps it."""
    if _SKILL in (claim.qualifiers.get("dimension"), previous.qualifiers.get("dimension")):
        return claim
    qualifiers = {k: v for k, v in claim.qualifiers.items() if k != "population"}
    if "population" in previous.qualifiers:
        qualifiers["population"] = previous.qualifiers["population"]
    return replace(claim, subject=previous.subject, qualifiers=qualifiers)


@cache
def _first_person() -> re.Pattern[str]:
    """'I', 'my', 'me': a sentence in the first person singular (count_terms' words)."""
    return phrase_pattern(tuple(load_data("count_terms")["first_person"]))


def _with_words(found: Sequence[Amount], words: list[Amount]) -> list[Amount]:
    """The written figures and the shares in words, in text order; a number inside a share in
    words ('1 in 4') is part of it."""
    if not words:
        return list(found)
    kept = [f for f in found if not any(w.start <= f.start < w.end for w in words)]
    return sorted([*kept, *words], key=lambda figure: figure.start)


def _parallel(
    text: str, sentence: Sentence, previous: Claim, figure: Amount, frame: Frame
) -> Claim | None:
    """A percentage set beside a share in the same sentence is a share of the same whole; so
    is the rest of it ('..., and the remaining 50.4% was split among ...').

    'Europe held 19%, against 44% for North America' and '..., followed by finance at 18%'
    give another part; 'Women make up 22% of engineers, up from 18% in 2021' gives the same
    part in an earlier year.
    """
    gap_start = (
        previous.figure_end
        if previous.figure_end is not None and previous.figure_end <= figure.start
        else text.rfind("%", sentence.start, figure.start) + 1
    )
    gap = text[gap_start : figure.start]
    after = text[figure.end : sentence.end]
    qualifiers = {k: v for k, v in previous.qualifiers.items() if k != "forecast"}
    subject = previous.subject
    year = previous.year
    compared = _earlier().search(gap)
    earlier = (
        compared
        # 'compared with 38% for TensorFlow' names another part, not an earlier level
        and not (compared["how"].lower().startswith("compared") and _PART_AFTER.match(after))
    ) or (
        previous.figure_start is not None
        and _bare_from().match(gap)
        and _CHANGED_TO.search(text, sentence.start, previous.figure_start)
    )
    later = _later_level(text, sentence, previous, figure)
    if earlier:
        stated = _LEADING_YEAR.match(after)
        year = int(stated.group(1)) if stated else None
    elif later:  # 'slipping from a 34.0% share in 2025 to 22.5% by 2034': the same part's
        stated = _LEVEL_YEAR.match(text, figure.end)  # or 'from 3% to 8% between 2024 and 2025'
        spanned = None if stated else _BETWEEN_YEARS.search(text, figure.end, sentence.end)
        year = int(stated[1]) if stated else int(spanned["later"]) if spanned else None
        if previous.qualifiers.get("forecast"):
            qualifiers["forecast"] = True
    elif _growth_near(text, frame, figure):
        return None  # 'Asia Pacific is the fastest-growing region, at a CAGR of 21.4%'
    elif remainder := _REMAINDER.search(gap):  # ', while the remaining 75.1% was spread ...'
        # '...; small and medium enterprises the remaining 37%': the rest, named
        named = _remainder_part().search(gap, 0, remainder.start())
        qualifiers["category"] = _category(_unverbed(named["part"])) if named else "remaining"
        _set_level(qualifiers, named["part"] if named else "")
        if named is None:
            qualifiers.pop("dimension", None)
    elif _changed_by().search(gap):
        return None  # '... 68.5% of revenue, while on-premises revenue fell 3.4%': a change
    else:
        part = (
            _PART_AFTER.match(after)
            or (
                # 'held 71.5%, against 17.2% for on-premises installations and 11.3% for ...'
                _LOWER_PART_AFTER.match(after)
                if _CONTRASTED.search(text, sentence.start, figure.start)
                else None
            )
            or _part_before().search(gap)
            or (_LABEL_AFTER.match(after) if _BARE_GAP.match(gap) else None)
            or (
                # 'Of those surveyed, 41% work at large firms, 33% at mid-sized firms'
                _LABEL_AFTER.match(after)
                if _ENDS_ITEM.search(gap) and not market_mentions(subject)
                else None
            )
        )
        if part is None or not _PARALLEL.search(gap) or _NOT_PART.match(part.group("part")):
            return None
        if _MEASURE_PART.search(part.group("part")):
            return None  # '52% received a raise, and the median raise was 11%': a measure
        # 'London accounted for 54%, Manchester for 8%': the part without the verb's preposition
        named = _PART_PREPOSITION.sub(
            "", _unverbed(_DETERMINER.sub("", part.group("part").strip()))
        )
        if qualifiers.get("dimension") == _SKILL:  # 'Python in 71% of postings, SQL in 38%'
            items = {m.canonical for m in find_skills(named)}
            if len(items) != 1:
                return None
            subject = items.pop().lower()
        else:
            qualifiers["category"] = _category(named)
            _set_level(qualifiers, named)
        dimension = qualifiers.get("dimension")
        if dimension in ("region", "country") and not find_places(part.group("part"), "regions") + (
            find_places(part.group("part"), "countries")
        ):
            qualifiers.pop("dimension")
    return _share_like(previous, figure, sentence, subject, qualifiers, year)


def _later_level(text: str, sentence: Sentence, previous: Claim | None, figure: Amount) -> bool:
    """Whether the figure is the level a change from the share before reaches ('slipping from a
    34.0% share in 2025 to 22.5% by 2034'): the same part, later."""
    if previous is None or previous.figure_start is None:
        return False
    changed = _FROM_TO.search(text, sentence.start, figure.start)
    return changed is not None and changed.start() < previous.figure_start


def _growth_near(text: str, frame: Frame, figure: Amount) -> bool:
    near = text[max(frame.before_start, figure.start - 60) : min(frame.after_end, figure.end + 40)]
    near = _MADE_UP.sub(" ", near)  # 'Hybrid roles made up 48%': a part, no rise
    return any(
        vocabulary("market_terms", "growth", key).search(near)
        for key in ("words", "cagr", "annual")
    )


_MADE_UP = re.compile(r"\b(?:made|makes|make|making)\s+up\b", re.IGNORECASE)


def _claim(
    doc: Document,
    sentence: Sentence,
    found: list[Amount],
    figure: Amount,
    frame: Frame,
    cue: ShareCue,
) -> Claim | None:
    text = doc.text
    if (
        cue.cue == "label"
        and sentence.block.kind == "list_item"
        and people_breakdown(section_heading(doc, sentence.block))
        and not main_market(doc)
    ):
        return None  # 'PhD: 15%' under '## Gender' or '## Education': `lists` reads the item
    if cue.cue == "label" and _dimension_of(text[cue.cue_start : figure.start]):
        subject = _titled_subject(doc, sentence)
        part = _dimension_word(text[cue.cue_start : figure.start])
    elif cue.cue == "share_of" and cue.whole is not None:
        # 'The share of remote ML job postings fell to 12%': 'remote' is the part
        phrase = text[cue.whole[0] : cue.whole[1]]
        lead = _leading_dimension().match(phrase)
        whole = (cue.whole[0] + lead.end(), cue.whole[1]) if lead else cue.whole
        subject = _whole_subject(
            doc, sentence, frame, ShareCue("of_whole", cue.cue_start, whole), None
        )
        named = _owner_part(text, max(sentence.start, whole[0] - _OWNER_REACH), whole[0])
        part = lead.group().strip() if lead else named or _predicate(text, whole[1], cue.cue_start)
    elif cue.cue == "item":  # 'Remote 38%', '38% fully remote': the page's people
        subject = _titled_subject(doc, sentence)
        listed = _LABEL_AFTER.match(text, figure.end, frame.after_end)
        end = (
            (listed.end("part") if listed else frame.after_end)
            if cue.cue_start > figure.start
            else figure.start
        )
        part = " ".join(text[cue.cue_start : end].strip(" \t*_-–—•:();").split())
        part = _DETERMINER.sub("", _without_end_dot(part))
    elif cue.cue == "inline":
        part = " ".join(text[cue.cue_start : figure.start].strip(" :-–—(").split())
        lead = _inline_lead(text, cue)
        if (
            _dimension_of(part)
            or _dimension_of(lead) == _WORK_ARRANGEMENT
            or (not lead and _dimension_of(text[sentence.start : sentence.end]))
        ):
            # 'fully remote 38%', 'Remote work by seniority: senior 41%', '..., PhD 19%, Other
            # 4%': the page's people
            subject = _titled_subject(doc, sentence)
        else:  # 'Share of respondents by language (..., other 9%)': the people the lead names
            opening = _words("population_nouns").match(lead)  # 'Respondents by region:'
            subject = (
                lead_population(lead)
                or (normalize_subject(opening.group()) if opening else None)
                or _whole_subject(doc, sentence, frame, cue, part)
            )
            if subject is None and _BY_ONLY.fullmatch(lead) and not main_market(doc):
                # 'By region: North America 38%, ...' on a survey's page: its people
                subject = people_of_page(doc, sentence.block_index)
            if subject is None and _ANSWERED.search(lead):
                # '2,046 ML engineers answered this year's survey: Sweden 44%, ...': those
                # who answered, the role they hold else the respondents
                subject = first_role(lead) or "respondent"
    elif cue.cue == "followed":
        part = _FOLLOWED_PART.sub("", text[cue.cue_start : figure.start]).rstrip(" (")
        subject = _whole_subject(doc, sentence, frame, cue, part)
    elif cue.cue == "changed" and cue.whole is not None:
        phrase = text[cue.whole[0] : cue.whole[1]]
        roles = find_roles(phrase)
        people = _words("population_nouns").search(phrase)
        if roles:
            subject = roles[0][2]
        else:
            subject = _population(doc, sentence, people.group()) if people else None
        part = _dimension_word(phrase)
    elif cue.cue == "population":
        subject = _population_subject(doc, sentence, figure)
        part = _predicate(text, figure.end, frame.after_end)
    elif cue.cue == "time":  # a part of the working time of the people the sentence names
        head = text[frame.clause_start : figure.start]
        roles = find_roles(head)
        people = _words("population_nouns").search(head)
        subject = (
            roles[0][2]
            if roles
            else _population(doc, sentence, people.group())
            if people
            else _titled_subject(doc, sentence)
        )
        spent = _TIME_ON.match(text, figure.end, frame.clause_end)
        part = spent["part"].strip() if spent else None
    elif (
        cue.whole is not None
        and cue.whole[1] < figure.start
        and (
            listed := _PAREN_PART.search(text, cue.whole[1], figure.start)
            or _DESCRIBED_PART.match(text, cue.whole[1], figure.start)
        )
    ):  # 'The sample was made up of machine learning engineers (31%), data scientists (27%)'
        subject = _whole_subject(doc, sentence, frame, cue, None)
        part = listed["part"]
    elif cue.whole is not None and _counts_people(text[cue.whole[0] : cue.whole[1]]):
        subject = _whole_subject(doc, sentence, frame, cue, None)
        after = max(cue.whole[1], figure.end + 1)
        # a number inside what the part does is its own ('work at companies with more than
        # 1,000 employees'), another percentage the next part's
        banded = any(
            frame.after_end <= other.start < frame.clause_end and other.unit != "percent"
            for other in found
        )
        # '38% of ML engineers work fully remote'; not '21% of AI jobs, ahead of Texas at 9%'
        part = (
            None
            if text.startswith(",", after)
            else _predicate(text, after, frame.clause_end if banded else frame.after_end)
        )
        if cue.cue in ("verb", "noun") or not part:
            # 'California accounted for 24.6% of all AI postings', 'California leads with 19%
            # of all AI jobs'
            part = _part(text, frame, cue) or part
    else:
        part = _part(text, frame, cue) or (
            _label_part(text[cue.cue_start : figure.start]) if cue.cue == "label" else None
        )
        subject = _whole_subject(doc, sentence, frame, cue, part)
    item = (
        _mentioned_item(text, frame, figure, cue)
        or _inline_skill(text, figure, cue)
        or _used_skill(text, frame, figure, subject, cue)
        or _ranked_skill(doc, cue, figure, part)
        or _described_skill(doc, frame, figure)
        or _headed_mention(doc, sentence, frame, figure)
    )
    if item is not None:  # '64% of postings mention PyTorch': a share of postings naming it
        subject, qualifiers = item
    elif subject is None:
        return None
    elif part and _BEYOND_SUM.match(part):
        # 'A quarter of offers came in below $176,000': the sum is a percentile of pay
        # (`salary` reads it so), the share only says which
        return None
    else:
        qualifiers = _part_qualifiers(text, frame, cue, part)
        whole = text[cue.whole[0] : cue.whole[1]] if cue.whole is not None else subject
        role = (
            _arrangement_subject(doc, sentence, subject, whole)
            if qualifiers.get("dimension") == _WORK_ARRANGEMENT
            else None
        )
        if role:  # the population asked or counted stays a qualifier
            # a role's postings (a role the page is about, another's section title) are
            # postings still: 'Remote availability: 18% of postings' under '4. Cybersecurity
            # Analyst'
            of_role = subject == role or first_role(subject)
            postings = posting_noun().search(whole) if of_role else None
            # '21% of ML engineer postings': the role's postings, counted
            qualifiers["population"] = postings.group().lower() if postings else subject
            subject = role
    year = _year(text, frame, found)
    if frame.clause_start > sentence.start and _PARALLEL_CLAUSE.search(
        text, sentence.start, frame.clause_start
    ):
        # '... in 2023, while North America took 28.1%': the part the clause before sized,
        # in the year and by the breakdown ('By component, ...') the sentence opened with
        year = year or _single_plain_year(text, sentence.start, frame.clause_start, found)
        opened = _BY_DIMENSION.match(text, sentence.start, frame.clause_start)
        if opened and "dimension" not in qualifiers and "category" in qualifiers:
            qualifiers["dimension"] = " ".join(opened.group("dimension").lower().split())
    since = _SINCE.search(text, frame.clause_start, frame.clause_end)
    if cue.cue == "changed":  # 'rose from 22% in 2021 to 44%': each level's own year, else
        # the year the change runs from for the earlier ('rose from 22% to 44% since 2021')
        stated = _LEADING_YEAR.match(text, figure.end)
        year = int(stated[1]) if stated else None
        if year is None and since and not cue.later:
            year = int(since.group(1))
        spanned = _BETWEEN_YEARS.search(text, figure.end, frame.clause_end)
        if year is None and spanned:  # 'climbed from 18% to 27% between 2024 and 2025'
            year = int(spanned["later" if cue.later else "earlier"])
    elif cue.cue == "share_of":
        stated = _LEVEL_YEAR.match(text, figure.end)
        if stated and _CHANGE_LEVEL.search(text, frame.clause_start, figure.start):
            year = int(stated[1])  # 'rose from 23% in 2025 to 29% by 2032': each level's own
        elif since:  # 'fell from 30% to 20% since 2020': 30% is 2020's
            changed_to = _FROM_TO.search(text, frame.clause_start, figure.start)
            year = None if changed_to else int(since.group(1))
        elif (spanned := _BETWEEN_YEARS.search(text, figure.end, frame.clause_end)) and (
            _CHANGE_LEVEL.search(text, frame.clause_start, figure.start)
        ):  # 'fell from 30% to 20% between 2021 and 2024'
            changed_to = _FROM_TO.search(text, frame.clause_start, figure.start)
            year = int(spanned["later" if changed_to else "earlier"])
    if states_forecast(text, frame.clause_start, frame.clause_end):
        qualifiers["forecast"] = True
    source = find_attribution(
        text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    return _sentence_share(
        figure, sentence, subject, qualifiers, year, full_source_name(text, source)
    )


def _part_qualifiers(text: str, frame: Frame, cue: ShareCue, part: str | None) -> dict[str, Any]:
    """The part as `category` (with the breakdown it belongs to as `dimension`) and the place
    the whole is scoped to ('82.4% of the North American market', '19% of all U.S. jobs')."""
    qualifiers: dict[str, Any] = {}
    whole = text[cue.whole[0] : cue.whole[1]] if cue.whole is not None else ""
    level = find_experience_level(part or "") or find_experience_level(whole)
    if level:  # '41% of senior ML engineers', 'Remote work by seniority: juniors 18%'
        qualifiers["experience_level"] = level
    if part:
        qualifiers["category"] = _category(part)
        dimension = _dimension(text, frame, part)
        if dimension:
            qualifiers["dimension"] = dimension
    if cue.whole is not None:
        whole_market = market_mentions(whole)
        place = _place_market(whole_market[0][2]) if whole_market else None
        if place:
            qualifiers["region"] = place
        else:
            scope, _ = _leading_place(_DETERMINER.sub("", _ALL.sub("", whole.strip())))
            if scope:
                qualifiers[scope[0]] = scope[1]
    return qualifiers


_WORK_ARRANGEMENT = "work arrangement"


def _arrangement_role(doc: Document, sentence: Sentence, subject: str, whole: str) -> str | None:
    """The role whose work arrangement a share of other people or of postings gives: '34% of
    respondents work fully remote' on a page about ML engineers, 'Remote roles made up 23% of
    machine learning job postings' under a heading that names ML engineers. Postings take the
    role only from the sentence, its section or the title, never a role met in passing."""
    if _generic_population(subject):
        return sentence_role(doc, sentence) or document_role(doc)
    if posting_noun().search(whole):
        return (
            sentence_role(doc, sentence)
            or _titled_role(doc)
            or _referred_postings_role(doc, sentence, whole)
        )
    return None


def _arrangement_subject(doc: Document, sentence: Sentence, subject: str, whole: str) -> str | None:
    """`_arrangement_role`, but a section whose heading is a job title alone, one the role
    vocabulary does not know ('4. Cybersecurity Analyst' over 'Remote availability: 18% of
    postings' in a list of jobs on the rise), is that title's unless the sentence names a role."""
    role = _arrangement_role(doc, sentence, subject, whole)
    said = doc.text[sentence.start : sentence.end]
    if role and not first_role(said) and (title := title_of(section_heading(doc, sentence.block))):
        return title
    return role


def _referred_postings_role(doc: Document, sentence: Sentence, whole: str) -> str | None:
    """The role whose postings the sentence before counted, when the share's whole points back
    at them ('23% of ML engineer postings were fully remote.' / 'Hybrid roles made up 41% of
    those postings'); else None."""
    if not _POINTS_BACK.match(whole):
        return None
    before = previous_sentence(doc, sentence)
    if before is None:
        return None
    said = doc.text[before.start : before.end]
    return first_role(said) if posting_noun().search(said) else None


_POINTS_BACK = re.compile(r"\s*(?:those|these|the\s+same)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # subjects are the pages' words: a process serves many batches
def _in_role(subject: str) -> bool:
    """'worker', 'employee', 'professional': generic people who are not a survey's respondents,
    so, on a role's page, the people in the role."""
    asked = {normalize_subject(noun) for noun in load_data("share_terms")["asked_people"]}
    return _generic_population(subject) and subject not in asked


@lru_cache(maxsize=4096)  # subjects are the pages' words: a process serves many batches
def _generic_population(subject: str) -> bool:
    """'respondent', 'professional', 'employee': people named by no field or role, whose work
    arrangement is the arrangement of the role the page or its section is about."""
    return subject in {
        normalize_subject(noun) for noun in load_data("share_terms")["generic_people"]
    }


def _inline_lead(text: str, cue: ShareCue) -> str:
    """The lead of an inline list, up to its colon or parenthesis ('Remote work by seniority'),
    else the caption of the chart the list is ('Figure 2. Frameworks respondents use')."""
    line_start, lead_end = _inline_head(text, cue.cue_start)
    if lead_end >= 0:
        return text[line_start : line_start + lead_end]
    return chart_caption(text, cue.cue_start)


# A chart's numbered caption: 'Figure 2. ', 'Chart 4: ', 'Fig. 3 – '.
_CAPTION_LABEL = re.compile(
    r"[*_]*(?:figure|fig\.|chart|graph|exhibit)\s*\d+[a-z]?[*_]*\s*[.:–—-]\s*", re.IGNORECASE
)


def chart_caption(text: str, position: int) -> str:
    """The first sentence of the numbered caption on the line right after the line holding
    `position`, or right before it when that caption follows no chart of its own: a chart
    copied as text ('PyTorch 74% · scikit-learn 68%') says what its figures are in its caption
    ('Figure 2. Frameworks respondents use regularly.'); '' when there is none."""
    line_end = text.find("\n", position)
    following = _next_line(text, line_end) if line_end >= 0 else None
    line_start = text.rfind("\n", 0, position)
    preceding = _next_line(text, line_start, backwards=True) if line_start > 0 else None
    if preceding is not None:  # a caption under the chart before it is that chart's
        before = _next_line(text, text.rfind("\n", 0, preceding[0]), backwards=True)
        if before is not None and "%" in before[1]:
            preceding = None
    for found in (following, preceding):
        label = _CAPTION_LABEL.match(found[1]) if found else None
        if found and label:
            return _FIRST_SENTENCE.match(found[1], label.end())[0]  # type: ignore[index]
    return ""


_FIRST_SENTENCE = re.compile(r"[^.!?]*")


def _next_line(text: str, newline: int, *, backwards: bool = False) -> tuple[int, str] | None:
    """The start and text of the nearest non-empty line after the newline at `newline` (or
    before it), within a few lines."""
    for _ in range(3):
        if backwards:
            if newline <= 0:
                return None
            start = text.rfind("\n", 0, newline) + 1
            line, newline = text[start:newline], start - 1
        else:
            if newline < 0 or newline >= len(text):
                return None
            end = text.find("\n", newline + 1)
            end = len(text) if end < 0 else end
            start, line, newline = newline + 1, text[newline + 1 : end], end
        if line.strip():
            return start, line.strip()
    return None


def _names_whole(caption: str) -> bool:
    """Whether a chart's caption names a share or those it divides ('share of respondents',
    'Frameworks respondents use')."""
    return bool(caption) and bool(
        _words("nouns").search(caption)
        or _PERCENT_LEAD.search(caption)
        or _words("population_nouns").search(caption)
        or posting_noun().search(caption)
    )


# What a share of postings that names one skill says of it: '52% mention SQL'.
_MENTION = re.compile(
    r"\s+(?:mention|mentions|name|names|list|lists|ask\s+for|asks\s+for|require|requires)\s+"
    r"(?P<skill>[^\W\d][^,;.()%]{0,30}?)(?=\s*(?:$|[,;.)]|\s+(?:and|while|but)\b))",
    re.IGNORECASE,
)


def _mention_goes_on(
    doc: Document, sentence: Sentence, figure: Amount, previous: Claim | None
) -> Claim | None:
    """'52% mention SQL and 38% mention PyTorch' after '71% of ML engineer postings mention
    Python': a share that names only its skill, going on from a skill's share of postings
    stated just before (in the sentence, else the item or sentence before), is that skill's
    share of the same postings."""
    said = _MENTION.match(doc.text, figure.end, sentence.end)
    if said is None:
        return None
    skill = skill_alone(said["skill"].strip())
    head = previous or _lead_share(doc, sentence)
    if skill is None or head is None or head.qualifiers.get("dimension") != _SKILL:
        return None
    return _share_like(
        head, figure, sentence, skill.canonical.lower(), dict(head.qualifiers), head.year
    )


def _placed_after(doc: Document, sentence: Sentence, figure: Amount) -> Claim | None:
    """'Azure comes second, at 44%.' or 'JavaScript is the second most used language ...,
    behind Python, at 54%' after a skill's share of a whole ('AWS is the most requested cloud
    in Gulf ML job ads, named in 52% of them'): the next skill placed by its share of the same
    whole."""
    placed = _PLACED_AT.match(doc.text, sentence.start, figure.start)
    if placed is None or _later_place().search(placed.group()) is None:
        return None
    skill = skill_alone(placed["skill"])
    head = _lead_share(doc, sentence) if skill is not None else None
    if skill is None or head is None or head.qualifiers.get("dimension") != _SKILL:
        return None
    return _share_like(
        head, figure, sentence, skill.canonical.lower(), dict(head.qualifiers), head.year
    )


# A sentence that opens with an item and places it, its share last: 'Azure comes second, at ',
# 'JavaScript is the second most used language among those developers, behind Python, at '.
_PLACED_AT = re.compile(
    r"\W*(?P<skill>[A-Z][\w.+#/-]*(?:\s+[A-Z][\w.+#/-]*){0,2})\s+(?:is|was|comes?|came|ranks?|"
    r"ranked|follows?|followed|sits?|takes?|took)\b[^.;%]{0,80}?,?\s+(?:at|with)\s+\Z"
)


@cache
def _later_place() -> re.Pattern[str]:
    """An ordinal after the first (`ranking_terms` `ordinal_words`), or 'next'."""
    later = [word for word, rank in load_data("ranking_terms")["ordinal_words"].items() if rank > 1]
    return re.compile(rf"\b(?:{'|'.join(later)}|next)\b", re.IGNORECASE)


def _mentioned_item(
    text: str, frame: Frame, figure: Amount, cue: ShareCue
) -> tuple[str, dict[str, Any]] | None:
    """('pytorch', {'category': 'posting', 'dimension': 'skill'}) for '64% of postings mention
    PyTorch', 'Python appears in 71% of AI job ads', 'Nine in ten job offers (90%) list Python'
    or 'Cloud platforms (share of postings): AWS 44%': a share of job postings whose own
    words name one skill is that skill's share of them (the item is the subject, the postings
    a qualifier). None when the whole is not postings or the words name no single skill."""
    changed = text[cue.whole[0] : cue.whole[1]] if cue.cue == "changed" and cue.whole else ""
    if cue.cue == "inline":  # the lead before the colon names the postings
        named = posting_noun().search(_inline_lead(text, cue))
        population = named.group() if named else None
        spans: tuple[tuple[int, int], ...] = ((cue.cue_start, figure.start),)
    elif posting_noun().search(changed):  # 'Mentions of X in ads rose from 6% to 31%'
        population = changed
        spans = ((frame.clause_start, cue.whole[0]),)  # type: ignore[index]
    else:
        whole = _postings_whole().match(text, figure.end, frame.clause_end) or _ROLES_ASKING.match(
            text, figure.end, frame.clause_end
        )
        named_whole = text[cue.whole[0] : cue.whole[1]] if cue.whole is not None else ""
        if whole is not None:
            population, after = whole.group("whole"), whole.end()
        elif cue.whole is not None and posting_noun().search(named_whole):
            # 'Nine in ten job offers (90%) list Python': the postings stand before the figure
            population, after = named_whole, max(cue.whole[1], figure.end + 1)
        else:
            return None
        # (the clause's end bounds the search: the next figure after `after_end` may end it)
        stop = _PREDICATE_END.search(text, after, frame.clause_end)
        # 'Among computer vision roles, OpenCV was named in 44% of ads': the opener names the
        # subgroup of postings, not their skill
        among = _AMONG_OPENER.match(text, frame.before_start, figure.start)
        spans = (
            (among.end() if among else frame.before_start, figure.start),
            (after, min(stop.start(), frame.after_end) if stop else frame.after_end),
        )
        if _mentioned_in().search(text, frame.before_start, figure.start):
            spans = spans[:1]  # 'Python appeared in 88%, SQL in 57%': the skill is before
    line_start = _sentence_start(text, figure.start)
    line_end = min(e for e in (text.find("\n", figure.end), len(text)) if e >= 0)
    # the whole line: 'R' is a skill beside others ('Python 78%, R 9%'), not alone
    named = find_skills(
        text, min(line_start, *(a for a, _ in spans)), max(line_end, *(b for _, b in spans))
    )
    skills = {
        m.canonical
        for start, end in spans
        for m in named
        if start <= m.start < end
        and not _RANKED_KIND.search(text, max(0, m.start - 30), m.start)
        and not _example_of(text, m, named)
    }
    if population is None or len(skills) != 1:
        return None
    category = normalize_subject(_ALL.sub("", _DETERMINER.sub("", population.strip())))
    return skills.pop().lower(), {"category": category, "dimension": _SKILL}


# '% of machine learning roles require (expertise in) ...': jobs that ask for a skill are its
# postings.
_ROLES_ASKING = re.compile(
    r"\s*of\s+(?:the\s+|all\s+)?(?P<whole>[^,;:()\d]{0,50}?\b(?:roles|jobs|positions))"
    r"(?=\s+(?:now\s+)?(?:require|requires|required|ask\s+for|asked\s+for|call\s+for|list"
    r"|listed|mention|mentioned)\b)",
    re.IGNORECASE,
)


def _example_of(text: str, match: SkillMatch, named: list[SkillMatch]) -> bool:
    """Whether `match` stands in brackets right after another skill's name, as one of its
    examples: 'Generative AI skills (LLMs, RAG, prompt engineering) appeared in 42% of ads'
    is the share of generative AI."""
    opening = open_bracket_before(text, 0, match.start)
    if opening is None:
        return False
    return any(
        other.end <= opening and _BRACKETED_EXAMPLES.fullmatch(text, other.end, opening)
        for other in named
    )


# Between a skill's name and the bracket of its examples: 'Generative AI** skills ('.
_BRACKETED_EXAMPLES = re.compile(
    r"[*_]*(?:\s+(?:skills?|tools?|frameworks?|platforms?))?\s*", re.IGNORECASE
)
_SKILL = "skill"
# A verb after a share that says what the postings it counts name: '84% mention Python'.
_NAMES_AFTER = re.compile(
    r"\s+(?:mention|mentions|mentioned|list|lists|listed|require|requires|required|ask\s+for"
    r"|asks\s+for|asked\s+for|name|names|named|include|includes|included)\s+",
    re.IGNORECASE,
)


def _headed_mention(
    doc: Document, sentence: Sentence, frame: Frame, figure: Amount
) -> tuple[str, dict[str, Any]] | None:
    """('python', {'category': 'job ad', 'dimension': 'skill'}) for '84% mention Python' after
    words of its sentence that name the postings ('I scraped 1,800 job ads: 46% mentioned
    LLMs'), else under a heading or lead-in that does ('What ML engineer job ads asked for in
    2025'): the share of them that names one skill."""
    text = doc.text
    verb = _NAMES_AFTER.match(text, figure.end, frame.after_end)
    if verb is None:
        return None
    postings = posting_noun().search(text, sentence.start, figure.start) or posting_noun().search(
        lead_in(doc, sentence.block_index) or section_heading(doc, sentence.block)
    )
    if postings is None:
        return None
    stop = _PREDICATE_END.search(text, verb.end(), frame.after_end)
    named = {
        m.canonical
        for m in find_skills(text, verb.end(), stop.start() if stop else frame.after_end)
    }
    if len(named) != 1:
        return None
    return named.pop().lower(), {
        "category": normalize_subject(postings.group()),
        "dimension": _SKILL,
    }


# A kind of skill the item is ranked among, not a second item: 'AWS is the most requested
# cloud platform, listed in 38% of postings'.
_RANKED_KIND = re.compile(
    r"\b(?:most\s+[\w-]+|top|leading|favou?rite|preferred|dominant"
    # 'AWS leads the cloud platforms (41% of postings)': the kind the skill leads
    r"|(?:leads|led|tops|topped|heads|headed)\s+(?:the|all)(?:\s+[\w-]+)??)\s+$",
    re.IGNORECASE,
)
_AMONG_OPENER = re.compile(r"\s*(?:among|for|in)\s+[^,;]{1,60},\s*", re.IGNORECASE)


def _described_skill(
    doc: Document, frame: Frame, figure: Amount
) -> tuple[str, dict[str, Any]] | None:
    """('large language models', {'category': 'ad', ...}) for 'Up from 22% of ads in 2025.'
    under '## 4. Large language models — 41% of ads': a share of postings whose sentence names
    no skill, in the description of a ranked item that is a skill alone, is that skill's."""
    whole = _postings_whole().match(doc.text, figure.end, frame.clause_end)
    if whole is None or find_skills(doc.text, frame.clause_start, frame.clause_end):
        return None
    ranked = ranked_subject(doc, figure.start)
    match = skill_alone(ranked) if ranked else None
    if match is None:
        return None
    category = normalize_subject(_ALL.sub("", _DETERMINER.sub("", whole.group("whole").strip())))
    return match.canonical.lower(), {"category": category, "dimension": _SKILL}


# How a survey says its people use or name something, before 'by' and their share.
_USED = r"(?:used|chosen|preferred|favou?red|cited|named|mentioned|picked|selected)"
# ', used by 87% of', ', cited by 91% of them': a share of the people who use or name what the
# sentence opens with.
_USED_BY = re.compile(rf",\s*{_USED}\s+by(?:\s+{_FILLER}\b)*\s*$", re.IGNORECASE)


# 'PyTorch is used by 64% of', 'Python was cited by 91% of': what is used, before the figure.
_USED_BEFORE = re.compile(
    rf"(?P<used>[^,;:()\d]{{1,40}}?)\s+(?:is|are|was|were)\s+{_USED}\s+by(?:\s+{_FILLER}\b)*\s*$"
)


@cache
def _used_after() -> re.Pattern[str]:
    """' of respondents use Python', ') also use SQL' (after 'nearly half (47%'): what the
    people named after a figure use."""
    verbs = _words("usage_verbs").pattern
    return re.compile(
        rf"\)?(?:\s*of\s+[^,;:()\d]{{1,60}}?)?\s+{_REPORTED}{_ADVERB}(?:{verbs})\b"
        r"(?P<used>[^,;:()]*)"
    )


# What people say before the use they report: '62% said their team uses MLflow'.
_REPORTED = (
    r"(?:(?:say|said|says|report|reported|reports)\s+(?:that\s+)?(?:they|their|its|our)\s+"
    r"(?:(?:team|teams|company|employer|organi[sz]ation)\s+)?)?"
)


def _inline_skill(text: str, figure: Amount, cue: ShareCue) -> tuple[str, dict[str, Any]] | None:
    """('aws', {'category': 'machine learning engineer', 'dimension': 'skill'}) for an item of
    '**Cloud platforms used by ML engineers:** AWS 44.1%, Azure 28.6%': a lead-in naming the
    people who use the items makes each tool's percentage its share of them."""
    if cue.cue != "inline":
        return None
    lead = _inline_lead(text, cue)
    used = _USED_BY_LEAD.search(lead)
    if used is None:
        return None
    part = " ".join(text[cue.cue_start : figure.start].strip(" :-–—(*_").split())
    skill = skill_alone(part, languages=names_languages(lead))
    if skill is None:
        return None
    people = used["people"]
    roles = find_roles(people)
    noun = _words("population_nouns").search(people)
    category = roles[0][2] if roles else normalize_subject(noun.group()) if noun else None
    return (
        (skill.canonical.lower(), {"category": category, "dimension": _SKILL}) if category else None
    )


# A lead-in naming who uses its items: 'Cloud platforms used by ML engineers', 'Databases
# respondents use'.
_USED_BY_LEAD = re.compile(r"\bused\s+by\s+(?P<people>[^:()]{3,60})", re.IGNORECASE)


def _used_skill(
    text: str, frame: Frame, figure: Amount, people: str | None, cue: ShareCue
) -> tuple[str, dict[str, Any]] | None:
    """('python', {'category': 'respondent', 'dimension': 'skill'}) for '87% of respondents use
    Python', '2 in 3 engineers use PyTorch' or 'PyTorch is used by 64% of respondents': the
    share of people who use one skill is that skill's share of them, the people in `category`."""
    if people is None or market_mentions(people) or posting_noun().search(people):
        return None
    # the people named right after the figure ('2 in 3 engineers use ...') come before the verb
    start = cue.whole[1] if cue.whole is not None and cue.whole[0] >= figure.end else figure.end
    after = _used_after().match(text[start : frame.after_end])
    before = _USED_BEFORE.search(text[frame.clause_start : figure.start])
    used = (after or before)["used"] if (after or before) else ""
    used_by = _USED_BY.search(text, max(0, frame.clause_start - 2), figure.start)
    if not used and used_by:
        # 'Python remains the most popular language for ML, used by 87% of ML engineers': the
        # tool is what the sentence opens with
        start = _sentence_start(text, used_by.start())
        opening = _LEADING_NP.match(text[start : used_by.start()])
        used = opening["np"] if opening else ""
    found = find_skills(used)
    skills = {match.canonical for match in found}
    if len(skills) > 1 and (
        _OBJECT_THEN_PURPOSE.match(used, found[0].end) or _OR_ANOTHER.match(used, found[0].end)
    ):
        # 'uses MLflow for experiment tracking', 'use MLflow or another experiment tracker':
        # the tool used, and what it does or is one of
        skills = {found[0].canonical}
    if len(skills) != 1:
        return None
    return skills.pop().lower(), {"category": people, "dimension": _SKILL}


# What follows the one tool a use names before the rest: 'MLflow for experiment tracking'.
_OBJECT_THEN_PURPOSE = re.compile(r"\s+(?:for|to)\s")
# ... or names its kind: 'MLflow or another experiment tracker', 'Airflow or a similar tool'.
_OR_ANOTHER = re.compile(r"\s+or\s+(?:an(?:other)?|a\s+similar|some\s+other|other)\s", re.I)


def _ranked_skill(
    doc: Document, cue: ShareCue, figure: Amount, part: str | None
) -> tuple[str, dict[str, Any]] | None:
    """('python', {'category': 'respondent', 'dimension': 'skill'}) for 'Python remains the
    most used language at 87%': a tool ranked by its users is its share of the people asked."""
    tools = phrase_pattern(tuple(load_data("share_terms")["ranked_parts"]["tool_parts"]))
    if part is None or not tools.search(doc.text, cue.cue_start, figure.start):
        return None
    if skill_alone(part) is None and main_market(doc) is not None:
        return None  # 'followed by natural language processing workloads at 22.8%' on a
        # market's page: a segment of it, no tool of the people asked
    skills = {match.canonical for match in find_skills(part)}
    if len(skills) != 1:
        return None
    return skills.pop().lower(), {"category": "respondent", "dimension": _SKILL}


def posting_noun() -> re.Pattern[str]:
    """A noun of job postings ('postings', 'job ads', 'vacancies')."""
    return _words("posting_nouns")


@cache
def _postings_whole() -> re.Pattern[str]:
    """'% of (all) machine learning job postings', '(34%) of the ads', 'Of the 968 contract
    adverts:': a whole that ends in a job-posting noun."""
    return re.compile(
        # ('de las vacantes', 'das vagas', 'des annonces': a Spanish, Portuguese, French or
        # Italian page's 'of the')
        r"\)?\s*(?:of\s+(?:the\s+)?|de\s+(?:las|los)\s+|d[ao]s\s+|des\s+|degli\s+|delle\s+|dei\s+)"
        r"(?:\d[\d,]*\s+)?"
        rf"(?P<whole>[^,;:()\d]{{0,50}}?(?:{posting_noun().pattern}))",
        re.IGNORECASE,
    )


def _whole_subject(
    doc: Document, sentence: Sentence, frame: Frame, cue: ShareCue, part: str | None
) -> str | None:
    """The whole a part is a share of: named after 'of', else the market of the context; a
    market named by an abbreviation the page spells out is named in full ('MLaaS revenue')."""
    whole = _named_whole(doc, sentence, frame, cue, part)
    return _spelled_out(doc, whole) if whole else whole


def _spelled_out(doc: Document, subject: str) -> str:
    """'mlaas market' -> 'machine learning as a service market' on a page that writes 'Machine
    Learning as a Service (MLaaS)'."""
    head, _, rest = subject.partition(" ")
    full = _page_abbreviations(doc).get(head)
    return normalize_subject(f"{full} {rest}") if full and rest else subject


# 'Machine Learning as a Service (MLaaS)': up to six words, then their initials in parentheses.
# The words are read backwards from each '(MLaaS)', on the page reversed: a pattern that opens
# with the words would be tried at every character of the page.
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_WORDS_BEFORE = re.compile(r"(?:[ \t]+[\w-]+){1,6}")


@lru_cache(maxsize=8)
def _page_abbreviations(doc: Document) -> dict[str, str]:
    """The abbreviations a page defines: the words before '(ABBR)' whose initials spell it.

    >>> text = "The Machine Learning as a Service (MLaaS) market and the (USD) figures."
    >>> from mlefacts.document.build import build_document
    >>> _page_abbreviations(build_document(source_id="d", text=text, media_type="text/plain"))
    {'mlaas': 'Machine Learning as a Service'}
    """
    found: dict[str, str] = {}
    backwards = doc.text[::-1]
    for match in _ABBREVIATION.finditer(doc.text):
        letters = match.group(1)
        before = _WORDS_BEFORE.match(backwards, len(doc.text) - match.start())
        words = before.group()[::-1].split()[-len(letters) :] if before else []
        if len(words) == len(letters) and all(
            word[0].lower() == letter.lower() for word, letter in zip(words, letters, strict=True)
        ):
            found.setdefault(letters.lower(), " ".join(words))
    return found


# People named by the title they hold: 'respondents with the ML engineer title'.
_TITLED = re.compile(
    r"\s+(?:with|holding|who\s+hold|who\s+have)\s+(?:the|a|an)\s+(?P<title>[^,;.]{2,40}?)\s+"
    r"(?:job\s+)?title\b",
    re.IGNORECASE,
)


def _page_market_of(doc: Document, market: str, part: str | None) -> str:
    """The page's own market when a share's whole names its revenue short ('52% of 2025 chip
    revenue' on a page about the AI chip market), else `market`: not when the part is what
    sets the page's market apart ('Generative AI' with 24% of AI revenue on a generative AI
    page: the larger market's)."""
    main = main_market(doc)
    core = main.removeprefix("global ") if main else ""
    if not main or core == market or not core.endswith(f" {market}"):
        return market
    own = core.removesuffix(f" {market}")
    return market if part and own in normalize_subject(part) else main


def _named_whole(
    doc: Document, sentence: Sentence, frame: Frame, cue: ShareCue, part: str | None
) -> str | None:
    text = doc.text
    place_whole = False
    if cue.whole is not None:
        # one line however the page wraps it ('71% of AI\n    software revenue')
        phrase = " ".join(text[cue.whole[0] : cue.whole[1]].split())
        named = market_mentions(_MARKET_HEAD.sub(" market", phrase))
        place_whole = bool(named) and _place_market(named[0][2]) is not None
        if named and _place_market(named[0][2]) is None:
            if _MARKET_HEAD.search(phrase):  # '52% of 2025 chip revenue'
                return _page_market_of(doc, named[0][2], part)
            return named[0][2]
        roles = find_roles(phrase)
        if roles:
            return roles[0][2]
        titled = _TITLED.match(text, cue.whole[1], frame.clause_end)
        if titled and (held := find_roles(titled["title"])):
            return held[0][2]  # '62% of respondents with the ML engineer title'
        if not _is_market_whole(phrase) and not named:
            return _population(doc, sentence, phrase)
    people = _people_before(doc, sentence) if part and _dimension_of(part) else None
    if people:  # '... 21% of ML engineers in Ireland. Men account for 77%': the same people
        return people
    part_market = market_mentions(part or "")
    if part_market and place_whole:
        # 'The U.S. machine learning market accounted for 82.4% of the North American market'
        return _scopeless(part_market[0][2])
    for start, end in (
        (sentence.start, sentence.end),
        (sentence.block.start, sentence.start),
    ):
        for mention in market_mentions(text[start:end]):
            if _place_market(mention[2]) is None and (
                not part_market or mention[2] != part_market[0][2]
            ):
                return mention[2]
    heading = market_mentions(section_heading(doc, sentence.block))
    if heading:
        return heading[0][2]
    main = main_market(doc)
    if main and (not part_market or main != part_market[0][2]):
        return main
    return None


def _leading_place(phrase: str) -> tuple[tuple[str, str] | None, str]:
    """(('country', 'United States'), 'AI jobs') for 'U.S. AI jobs': a place that opens a noun
    phrase, with its kind, and the rest."""
    words = phrase.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        if not is_place(head):
            continue
        for kind, key in (("countries", "country"), ("regions", "region")):
            places = find_places(head, kind)
            if places:
                return (key, places[0]), " ".join(words[size:])
    return None, phrase


def _scopeless(market: str) -> str:
    """'us machine learning market' -> 'machine learning market': the place is a qualifier."""
    words = market.split()
    for size in range(min(3, len(words) - 1), 0, -1):
        if is_place(" ".join(words[:size])):
            return " ".join(words[size:])
    return market


def _place_market(subject: str) -> str | None:
    """The place a market subject is only a place of ('north american market' -> 'North
    America'): the whole is the context's market in that region, not a market of its own."""
    head = re.sub(r"\s*\bmarkets?$", "", subject).strip()
    if len(head.replace(".", "")) <= 3:
        head = head.upper()  # 'uk market': a subject is lower case, 'UK' is written in capitals
    places = find_places(head, "regions") + find_places(head, "countries")
    return places[0] if places and is_place(head) else None


def _population_subject(doc: Document, sentence: Sentence, figure: Amount) -> str | None:
    """The population a bare '38% work remotely' counts: named before it, or in the list's
    lead-in ('Of the employers we surveyed:'), else the role the section or page is about;
    '62% of them say ...' counts the people the sentence or list item before names first ('We
    surveyed 1,150 hiring managers at companies with an ML team.')."""
    if _OF_PRONOUN.match(doc.text, figure.end) and (referred := _people_referred(doc, sentence)):
        return referred
    before = doc.text[sentence.block.start : figure.start]
    own = doc.text[sentence.start : figure.start]
    if _READERS_ANSWERED.search(own):
        return _RESPONDENT  # '1,312 of you voted: 46% got 5% or more': those who answered
    asked_of = _survey_of().search(own)
    if asked_of and not find_roles(own[asked_of.end() :]):
        # 'A survey of 1,140 employers by the Institute of Digital Professionals found that 31%
        # ...': the people surveyed, not a noun of the surveyor's name
        roles = find_roles(asked_of["people"])  # 'a poll of 900 working ML engineers'
        return roles[0][2] if roles else _population(doc, sentence, asked_of["people"])
    counted = _surveyed().findall(doc.text, sentence.block.start, sentence.start)
    if counted and not find_roles(own) and not _words("population_nouns").search(own):
        # 'Of the 318 platform leads who answered our poll, 62% ... training jobs with
        # Airflow. Only 23% said ...': the people the paragraph counted, not its last noun
        roles = find_roles(counted[-1])
        return roles[0][2] if roles else _population(doc, sentence, counted[-1])
    for text, pick in (
        (before, -1),
        (lead_in(doc, sentence.block_index), -1),
    ):
        roles = find_roles(text)
        if roles:
            return roles[pick][2]
        population = list(_words("population_nouns").finditer(text))
        if population:
            return _population(doc, sentence, population[pick].group())
    counted = _counted_before(doc, sentence)
    if counted:
        return counted
    # a role named after the figure is what they act on ('62% plan to hire more ML engineers'):
    # the people the page's survey asked, else the page's role
    named = find_roles(own)
    if named:
        return named[-1][2]
    asked = surveyed_people(doc, sentence.block_index)
    if asked and not _generic_population(asked):  # a survey of hiring managers, of employers
        return asked
    return document_role(doc) or asked


# A question put to the reader, whatever precedes it on its line ("This issue's question:
# Would you take a 10% pay cut ...?"); not 'Did you know that 45% ...?', which states a fact.
_ASKS_READER = re.compile(
    r"(?:[^.?!:\n]*:\s*)?(?:would|will|should|could)\s+you\b[^.!]*\?",
    re.IGNORECASE,
)
# What a median means, said of the people it splits: 'half earn more than the median and half
# earn less' (not 'half earn more than the median software engineer').
_HALF_OF_MEDIAN = re.compile(
    r"\b(?:more|less|above|below|over|under)\s+(?:than\s+)?the\s+median\s*,?\s+"
    r"(?:and|while|with)\s+(?:the\s+other\s+)?half\b",
    re.IGNORECASE,
)
# The breakdown by job title ('Job title' / 'Data scientist 28%'), whose parts are roles: it
# divides the people asked, not the page's role.
JOB_TITLE = "job title"


def people_breakdown(heading: str) -> str | None:
    """'industry' for a heading '## Industry', 'By company size' or 'Adoption by industry': a
    breakdown of the people a page's survey asked (share_terms' breakdown_headings), whose
    items divide them."""
    words = " ".join(_BY_OPENING.sub("", heading).lower().strip(" :#*").split())
    headings = load_data("share_terms")["breakdown_headings"]
    found = headings.get(words) or headings.get(_HEADING_SCOPE.sub("", words))
    return str(found) if found else None


# What a breakdown heading adds after its name: 'Years of experience in ML engineering',
# 'Company size (employees)'.
_HEADING_SCOPE = re.compile(r"\s*(?:\([^)]*\)|\s(?:in|at|among|for)\s.*)$")


# 'By company size', 'Adoption by industry': the breakdown is what follows 'by'.
_BY_OPENING = re.compile(r"^.*?\bby\s+", re.IGNORECASE)


def people_of_page(
    doc: Document, block_index: int, *, lead: str = "", of_roles: bool = False
) -> str | None:
    """The people a breakdown list on a survey page divides ('## Industry' / 'Technology – 34%'):
    the role the page is about, else the people its survey asked (first when it breaks them
    down by job title too: `divides_by_title`). A breakdown by job title
    (`of_roles`: 'Machine learning engineer 31%, Data scientist 27%') divides the people its
    lead-in names ('... (single answer, all respondents)'), else those the survey asked."""
    if of_roles:
        named = _words("population_nouns").search(lead)
        if named is None:
            return surveyed_people(doc, block_index)
        # 'languages for ML engineers': the role the noun ends, not 'engineer'
        role = next((r for r in find_roles(lead) if r[0] <= named.start() < r[1]), None)
        return role[2] if role else normalize_subject(named.group())
    if divides_by_title(doc) and (asked := surveyed_people(doc, block_index)):
        return asked
    return document_role(doc) or surveyed_people(doc, block_index)


@lru_cache(maxsize=8)
def divides_by_title(doc: Document) -> bool:
    """Whether a page breaks the people it asked down by job title (a heading or a table's
    title 'Primary role'): they are not all of the page's role, so its other breakdowns
    ('Years of experience') divide them, not the role."""
    titles = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"]
    titles += [doc.span_text(t.caption) for t in doc.tables if t.caption is not None]
    return any(people_breakdown(title) == JOB_TITLE for title in titles)


def surveyed_people(doc: Document, block_index: int) -> str | None:
    """The people a page's survey asked, named in the nearest paragraph (this one or above)
    that reports the survey ('This year 3,150 practitioners answered our survey'): the whole a
    bare share ('46% hold a master's degree') or a breakdown list divides when nothing nearer
    names it; 'respondent' for a survey that names its sample's size only ('Sample size:
    1,126'). Mere 'people' is named only when no paragraph above names them better."""
    vague: str | None = None
    for index in range(min(block_index, len(doc.blocks) - 1), -1, -1):
        block = doc.blocks[index]
        if block.boilerplate or block.kind not in PROSE_KINDS:
            continue
        text = doc.span_text(block)
        if not (_words("survey_words").search(text) or _SAMPLE_SIZE.search(text)):
            continue  # 'Total responses: n = 4,318 practitioners' reports a survey too
        counted = _sample_counted(doc, index, text)
        if counted:  # 'we surveyed 1,120 hiring managers who had recruited ML engineers'
            return counted
        roles = find_roles(text)
        if roles:
            return roles[0][2]
        people = _words("population_nouns").search(text)
        if people and _SHARE_OF.search(text, 0, people.start()):
            continue  # 'Asked about X, 36% of managers said ...': a share's whole, no sample
        if people:
            sentence = Sentence(block.start, block.end, index, block)
            # 'we interviewed 540 chief data officers': the words the count gives them
            named = _COUNTED_MODIFIERS.search(text, 0, people.start())
            found = _population(
                doc, sentence, (named[1] if named else "") + people.group(), asked=False
            )
            if found != _PEOPLE:
                return found or vague
            # 'we asked people who build ML systems' under 'n = 4,318 practitioners': the
            # scope line above names them
            vague = vague or found
        elif _SAMPLE_SIZE.search(text):
            return "respondent"  # 'Sample size: 1,126': a survey's people, named by no noun
    return vague


_PEOPLE = "person"  # 'we asked people who ...': a population named by no word of its own


@cache
def _counted_people() -> re.Pattern[str]:
    """The people a survey's count counts: '1,120 hiring managers', '3,150 ML engineers'; not
    what follows a year ('In 2024 two-thirds of respondents', '... in 2024. Most respondents')
    or a percentage ('81 percent of respondents'), or a sentence that ends with a number."""
    nouns = _words("population_nouns").pattern
    return re.compile(
        rf"\b(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\+?\s+(?:{_SCALE_WORDS}\s+)?"
        r"(?!(?:per\s?cent|percent|pct)\b)"
        rf"(?P<people>(?:(?!{_SCALE_WORDS}\b)[a-zA-Z][\w-]*\s+){{0,3}}?(?:{nouns}))",
        re.IGNORECASE,
    )


# The words from a percentage to the whole it is of: '36% of ', '12 per cent of all '.
_SHARE_OF = re.compile(r"(?:%|\bper\s?cent)\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
_SCALE_WORDS = r"(?:thousand|million|billion|lakh|crore|k|m|mn|bn)"


def _sample_counted(doc: Document, index: int, text: str) -> str | None:
    """The people a block's count counts, as a role or a population ('1,120 hiring managers' ->
    'hiring manager'), or None when it counts no people."""
    counted = _counted_people().search(text)
    if counted is None:
        return None
    roles = find_roles(counted["people"])
    if roles:
        return roles[0][2]
    block = doc.blocks[index]
    sentence = Sentence(block.start, block.end, index, block)
    return _population(doc, sentence, counted["people"], asked=False)


_SAMPLE_SIZE = re.compile(r"\bsample\s+size\b|\bn\s*=\s*\d", re.IGNORECASE)


# Lower-case words between a count and the people it counts: '540 chief data officers'.
_COUNTED_MODIFIERS = re.compile(
    r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\+?\s+((?:[a-z][a-z-]*\s+){1,3})$"
)  # not after a year: 'In 2024 two-thirds of respondents'


@cache
def _surveyed() -> re.Pattern[str]:
    """The people a paragraph counts as those it asked: 'Of the 318 platform leads who
    answered', 'Of 1,150 respondents'."""
    nouns = _words("population_nouns").pattern
    return re.compile(
        rf"\b[Oo]f\s+(?:the\s+)?[\d,]+\s+((?:[\w-]+\s+){{0,3}}?(?:{nouns}))\b", re.IGNORECASE
    )


def _counted_before(doc: Document, sentence: Sentence) -> str | None:
    """The population the list item above counts ('61% of the hiring managers we spoke to
    ...'): the next item's bare '18% require ...' counts the same people."""
    text = _item_before(doc, sentence)
    for figure in re.finditer(percent_sign(), text):
        whole = _whole_after(text, figure.end(), len(text))
        if whole is None:
            continue
        phrase = text[whole[0] : whole[1]]
        roles = find_roles(phrase)
        return roles[0][2] if roles else _population(doc, sentence, phrase)
    return None


def _people_before(doc: Document, sentence: Sentence) -> str | None:
    """The people an earlier sentence of the paragraph divides ('Women make up 21% of machine
    learning engineers'): a part of the same kind named without its whole ('Men account for
    77%') is a share of them."""
    text = doc.text[sentence.block.start : sentence.start]
    wholes = [
        _whole_after(text, figure.end(), len(text)) for figure in re.finditer(percent_sign(), text)
    ]
    phrases = [text[whole[0] : whole[1]] for whole in wholes if whole is not None]
    people = [phrase for phrase in phrases if _counts_people(phrase)]
    if not people:
        return None
    roles = find_roles(people[-1])
    return roles[0][2] if roles else _population(doc, sentence, people[-1])


def _people_referred(doc: Document, sentence: Sentence) -> str | None:
    """The people named last in the sentence before 'them', else first in the sentence (or list
    item) before: whom 'them' refers to."""
    own = doc.text[sentence.start : sentence.end]
    # (where it ends; the population noun, or the role's subject)
    people = [
        *((m.end(), m.group(), False) for m in _words("population_nouns").finditer(own)),
        *((e, subject, True) for _, e, subject in find_roles(own)),
    ]
    pronoun = _OF_PRONOUN.search(own)
    before = [p for p in people if pronoun is None or p[0] <= pronoun.start()]
    if before:
        _, named, is_role = max(before, key=lambda p: (p[0], p[2]))
        return named if is_role else _population(doc, sentence, named)
    earlier = sentence_before(doc, sentence)
    text = doc.span_text(earlier) if earlier is not None else _item_before(doc, sentence)
    population = _words("population_nouns").search(text)
    roles = find_roles(text)
    if roles and (population is None or roles[0][0] < population.start()):
        return roles[0][2]
    return _population(doc, sentence, population.group()) if population else None


@cache
def _job_modifiers() -> re.Pattern[str]:
    """Words before a job noun that narrow no role ('advertised roles'), with the month or
    period a monthly report counts ('January postings', "the month's postings")."""
    words = "|".join(map(re.escape, load_data("share_terms")["job_noun_modifiers"]))
    period = r"(?:this|last|the)?\s*(?:month|week|quarter|year)['’]s"
    return re.compile(rf"^(?:(?:{words}|{month_alternation()}|{period})\s+)+", re.IGNORECASE)


_PART_PREPOSITION = re.compile(r"\s+(?:for|at|with|on|to|by)$", re.IGNORECASE)


def _item_before(doc: Document, sentence: Sentence) -> str:
    """The list item just above: '64% of the employers we surveyed ...' names the population
    the next item's bare '27% expect ...' counts."""
    index = sentence.block_index - 1
    if sentence.block.kind != "list_item" or index < 0 or doc.blocks[index].kind != "list_item":
        return ""
    return doc.span_text(doc.blocks[index])


def _population(doc: Document, sentence: Sentence, noun: str, *, asked: bool = True) -> str | None:
    """'roles', 'all listings': positions of the role the page is about; else the noun, its
    place left to a qualifier ('all U.S. job listings' -> 'job listing')."""
    phrase = _ALL.sub("", _DETERMINER.sub("", noun.strip()))
    phrase = _leading_place(phrase)[1]
    if _words("job_nouns").fullmatch(_job_modifiers().sub("", phrase)):
        # 'roles', 'advertised roles': the jobs of the role the page is about
        return sentence_role(doc, sentence) or _titled_role(doc) or normalize_subject(phrase)
    role = sentence_role(doc, sentence) or document_role(doc)
    if role and normalize_subject(phrase) == role.split()[-1]:
        return role  # 'engineers' on a page about ML engineers: the same people, said short
    for short, full in load_data("share_terms")["population_full_names"].items():
        phrase = re.sub(
            rf"(?<!\bjob\s)(?<![\w-]){re.escape(short)}$",
            full,
            phrase,
            flags=re.IGNORECASE,
        )
    subject = normalize_subject(phrase)
    if subject == _RESPONDENT and (
        asked_of := _survey_of().search(doc.text, sentence.start, sentence.end)
    ):
        # 'In a survey of 640 enterprise buyers ..., roughly a third of respondents said ...'
        return normalize_subject(asked_of["people"])
    return said_in_full(doc, subject) if asked else subject


_RESPONDENT = "respondent"


@cache
def _survey_of() -> re.Pattern[str]:
    """The people a sentence's survey asked: 'a survey of 640 enterprise buyers'."""
    nouns = _words("population_nouns").pattern
    return re.compile(
        r"\b(?:survey(?:ed)?|poll|census)\s+of\s+(?:the\s+)?(?:more\s+than\s+|over\s+|nearly\s+"
        r"|about\s+)?"
        rf"[\d,]+\s+(?P<people>(?:[\w-]+\s+){{0,2}}?(?:{nouns}))\b",
        re.IGNORECASE,
    )


def said_in_full(doc: Document, subject: str) -> str:
    """The people a page's survey counted when `subject` is their last word ('manager' in a
    survey of 1,120 hiring managers: the same people, said short), else `subject`."""
    if " " in subject:
        return subject
    if subject in _HIRED and _GRADUATES.search(doc.title or ""):
        return _GRADUATE  # 'share of hires' on a programme's graduate-outcomes page
    sample = _page_sample(doc)
    if sample and sample != subject and sample.split()[-1] == subject:
        return sample
    return subject


# The people a graduate-outcomes page counts by what became of them ('share of hires',
# 'placement rate'): its graduates, as its title names them.
_HIRED = frozenset({"hire", "placement"})
_GRADUATES = re.compile(r"\b(?:graduates?|alumni|outcomes?)\b", re.IGNORECASE)
_GRADUATE = "graduate"


@lru_cache(maxsize=8)
def _page_sample(doc: Document) -> str | None:
    """The people the first paragraph reporting a survey counts ('we surveyed 1,120 hiring
    managers'), else None."""
    for index, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind not in PROSE_KINDS:
            continue
        text = doc.span_text(block)
        if _words("survey_words").search(text) and (counted := _sample_counted(doc, index, text)):
            return counted
    return None


def _titled_role(doc: Document) -> str | None:
    """The page's role when its title or headings name one, or name its field ('State of ML
    Hiring' over 'machine learning engineer jobs'): '31% of roles' on a page about ML
    engineers; on a round-up that names roles only in passing, 'all job listings' stay so."""
    headings = " ".join(doc.span_text(b) for b in doc.blocks if b.kind == "heading")
    titled = f"{doc.title or ''} {headings}"
    role = document_role(doc)
    if find_roles(titled) or (role is not None and _names_field(titled, role)):
        return role
    return None


def _names_field(text: str, role: str) -> bool:
    """Whether a text names a role's field of two or more words ('ML hiring' names machine
    learning, the field of ML engineers); a one-word field ('data') names too much."""
    field = role.rsplit(" ", 1)[0]
    return " " in field and f" {field} " in f" {normalize_subject(text)} "


def _part(text: str, frame: Frame, cue: ShareCue) -> str | None:
    """The part whose share this is: the clause's leading noun phrase before the cue."""
    start = frame.clause_start
    if cue.cue_start < start:  # an appositive figure: its cue is in the clause before
        start = _sentence_start(text, cue.cue_start, stops=_CLAUSE_STOPS)
    head = text[start : cue.cue_start]
    if _WITH.search(text, max(0, start - 8), start) or _WITH.match(head):
        # 'North America led in 2025, with a revenue share of 37.5%': the part leads the sentence
        end = start
        start = _sentence_start(text, start, stops=_CLAUSE_STOPS)
        head = text[start:end]
    labelled = _LABELLED.match(head)
    if labelled and discourse_label(labelled["label"]):
        return None  # 'Overall: 62% of the market', 'Note: a 20% share': no part named
    if labelled and not find_roles(labelled["label"]):
        # 'North America: 42.3% of revenue': the label before the figure is the part
        return " ".join(labelled["label"].split())
    head = head[head.rfind(":") + 1 :]  # '**Key regional insights:** North America held'
    led = _LED_BY.search(head)
    if led:  # 'The market was led by North America, the largest regional market at 36.9%'
        return led.group("part")
    by = _BY_DIMENSION.search(head)
    if by:
        head = head[by.end() :]
    year = _LEADING_YEAR_CLAUSE.match(head)
    if year:  # 'In 2024, software made up 54%'
        head = head[year.end() :]
    listed = _listed_parts(head)
    if listed:
        return listed
    match = _LEADING_NP.match(head)
    phrase = match.group("np") if match else ""
    verb = _COPULA_OR_VERB.search(" " + phrase)
    if verb:
        phrase = phrase[: max(0, verb.start() - 1)]
    phrase = _TRAILING_ADVERB.sub("", _DETERMINER.sub("", " ".join(phrase.split())))
    phrase = re.sub(r"['’]s$", "", phrase).strip("*_ ")  # "Europe's share": the part is Europe
    if not phrase or phrase.lower() in _PRONOUNS or len(phrase.split()) > 8:
        return None
    if _DETERMINER.fullmatch(phrase + " "):
        return None  # 'Summary: a 41.2% share': an article alone names no part
    return phrase


def discourse_label(label: str) -> bool:
    """Whether a label before a figure opens the sentence without naming a part ('Overall',
    'Note', 'Key finding'), so the part is not the label (share_terms' discourse_labels).

    >>> discourse_label("Overall"), discourse_label("**Key findings"), discourse_label("Europe")
    (True, True, False)
    """
    return bool(_words("discourse_labels").fullmatch(" ".join(label.strip(" *_#").split())))


def _listed_parts(head: str) -> str | None:
    """'banking, financial services and insurance accounted for' -> the whole list as one part."""
    verb = _COPULA_OR_VERB.search(" " + head)
    phrase = head[: max(0, verb.start() - 1)] if verb else head
    phrase = _DETERMINER.sub("", " ".join(phrase.split()))
    if "," in phrase and _PART_LIST.match(phrase) and len(phrase.split()) <= 10:
        return phrase
    return None


def _titled_subject(doc: Document, sentence: Sentence) -> str | None:
    """Who a labelled share ('Remote availability: 46%') is about: the job title heading its
    section ('Clinical Coder', '4. Clinical Coder'), else the role of the list, section or
    page."""
    heading = leading_rank().sub("", section_heading(doc, sentence.block))
    roles = find_roles(heading)
    if roles:
        return roles[0][2]
    words = heading.split()
    if (
        0 < len(words) <= 5
        and not re.search(r"[\d:;,.!?]", heading)
        and words[-1].lower().rstrip("s") in _title_heads()
    ):
        return normalize_subject(heading)
    return (
        sentence_role(doc, sentence)
        or document_role(doc)
        or surveyed_people(doc, sentence.block_index)
    )


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_data("share_terms")["title_heads"])


@cache
def _leading_dimension() -> re.Pattern[str]:
    """Dimension words opening a whole ('remote ML job postings'): the part, not the whole."""
    words = [w for ws in load_data("share_terms")["dimensions"].values() for w in ws]
    return re.compile(rf"(?:{phrase_pattern(tuple(words)).pattern})\s+", re.IGNORECASE)


def _people_dimension(label: str) -> bool:
    """Whether a label names a breakdown of people ('Remote', 'Master's degree', 'Women')."""
    return _dimension_of(label) is not None


def work_arrangement(label: str) -> bool:
    """Whether a label names a way of working ('Fully remote', 'Hybrid'): a column of it holds
    shares of the people or postings its rows count, whatever else the table holds."""
    return _dimension_of(label) == _WORK_ARRANGEMENT


def _dimension_of(label: str) -> str | None:
    for dimension, words in load_data("share_terms")["dimensions"].items():
        if phrase_pattern(tuple(words)).search(label):
            return str(dimension)
    return None


def _dimension_word(label: str) -> str | None:
    for words in load_data("share_terms")["dimensions"].values():
        found = phrase_pattern(tuple(words)).search(label)
        if found:
            return found.group().lower()
    return None


def _predicate(text: str, start: int, end: int) -> str | None:
    """'work fully remote' after '38%' -> 'fully remote': what the part of the population does."""
    after = text[start:end].lstrip(" ,")  # 'The rest, 25%, are in the office'
    stop = _PREDICATE_END.search(after)
    phrase = " ".join((after[: stop.start()] if stop else after).split()).rstrip(".!?")
    phrase = _TRAILING_JOIN.sub("", _GENERIC_STRIP.sub("", _TIME_ADVERB.sub("", phrase)))
    return phrase or None


def _unverbed(named: str) -> str:
    """A part's name without the verb after it ('services took' -> 'services')."""
    verb = _COPULA_OR_VERB.search(" " + named)
    return named[: verb.start()].strip() if verb and verb.start() > 0 else named


def _without_end_dot(part: str) -> str:
    """A label without the full stop after it; an abbreviation keeps its last dot ('Ph.D.')."""
    return part if _DOTTED_END.search(part) else part.rstrip(".")


# An abbreviation written with dots that ends a label ('Ph.D.', 'M.Sc.').
_DOTTED_END = re.compile(r"\b[A-Za-z][a-z]?\.[A-Za-z][a-z]?\.$")
# A verb of holding or being offered that opens a part's label, with its article; the people
# who asked, before it.
_HELD = re.compile(
    r"^(?:(?:that\s+)?(?:we|I)\s+(?:surveyed|polled|asked|interviewed|spoke\s+to|heard\s+from)"
    r"\s+(?=\w))?"
    r"(?:(?:hold|holds|held|have|has|had|possess|possesses|offer|offers|offered)\s+"
    r"(?:an?\s+|the\s+)?(?=\w))?",
    re.IGNORECASE,
)


# The number a statistics round-up's item opens with ('**13.** Women held 22% ...').
_ITEM_NUMBER = re.compile(r"^[*_#\s]*\d{1,3}[.)][*_]*\s+")


# What a share of offers or earners is, when it is their side of a sum ('came in below
# $176,000', 'earn more than £90,000'): a point of the pay's spread, not a part.
_BEYOND_SUM = re.compile(
    r"(?:\s*(?:in|at|across)\s+(?:the|this|that|their|its)\s+[\w-]+(?=\s))?"  # 'in the occupation'
    r"(?:\s*(?:(?:came|come|comes|were|was|are|is|earn|earns|earned|make|makes|made|got|paid)"
    r"\s+(?:in\s+)?)?(?:below|under|less\s+than|above|over|more\s+than|topped|exceeded)\s+"
    # a sum: its currency's sign or code before it ('$176,000', 'EUR 70,000'; not '50 employees')
    r"(?:(?-i:[A-Z]{0,3}[$€£¥₹]|[A-Z]{3}\s?)\d"
    # ... or the statistic that defines it ('50 percent of workers earn less than the median')
    r"|the\s+(?:median|\d{1,2}(?:st|nd|rd|th)\s+percentile)(?=\s*(?:[.,;]|and\b|$)))"
    # ... or the median or range just stated ('Half of all data scientists earned more than
    # this and half earned less', 'half of employees earn within it', '10% of workers in the
    # occupation earn this amount or less')
    r"|\s*(?:earn|earns|earned|make|makes|made)\s+(?:(?:more|less)(?:\s+than\s+(?:this|that))?"
    r"|(?:within|inside)\s+(?:it|this|that|(?:this|that|the)\s+range)"
    r"|(?:this|that)(?:\s+(?:amount|much|sum|wage|salary))?\s+or\s+(?:less|more))"
    r"\s*[.;,]?\s*$)",
    re.IGNORECASE,
)
# A source cited in square brackets at the end of a part's words ('[TalentArc]').
_CITED = re.compile(r"\s*\[[^\[\]]{1,60}\]\s*$")


def _category(part: str) -> str:
    # no emphasis or bracket left over from the figure ('**', ') plan to ... 2026.**'), but
    # an abbreviation keeps its last dot ('Ph.D.')
    part = _without_end_dot(_ITEM_NUMBER.sub("", part).strip(" \t*_()-•")).rstrip(" *_")
    part = _CITED.sub("", part) or part  # '... was a machine learning engineer [TalentArc]'
    # what people hold or are offered, not the verb ('have a master's degree', 'offer hybrid
    # work'), nor who asked them ('we surveyed plan to ...')
    part = _HELD.sub("", part, count=1) or part
    places = find_places(part, "regions") + find_places(part, "countries")
    if places:
        return places[0]
    segment = vocabulary("market_terms", "market", "segment_nouns").search(part)
    if segment:
        part = part[: segment.start()].strip() or part
    return part


def _dimension(text: str, frame: Frame, part: str) -> str | None:
    by = _BY_DIMENSION.search(text, frame.clause_start, frame.clause_end)
    if by:
        return " ".join(by.group("dimension").lower().split())
    if find_places(part, "regions"):
        return "region"
    if find_places(part, "countries"):
        return "country"
    if vocabulary("market_terms", "market", "segment_nouns").search(part):
        return "segment"
    return _dimension_of(part)


# A clause that goes on from the one before it with another part: ', while ', ', and '.
_PARALLEL_CLAUSE = re.compile(r",\s+(?:and|while|whereas)\s+\Z", re.IGNORECASE)


def _single_plain_year(text: str, start: int, end: int, found: list[Amount]) -> int | None:
    years = {year for _, year in plain_years(text, start, end, skip=found)}
    return years.pop() if len(years) == 1 else None


def _year(text: str, frame: Frame, found: list[Amount]) -> int | None:
    """The year of the figure's own words, else of its clause ('27% of listings, down from
    35% in 2023': 2023 belongs to 35% only)."""
    own = plain_years(text, frame.before_start, frame.after_end, skip=found)
    spans = periods(text, frame.before_start, frame.after_end)
    if own and not spans:
        return own[0][1]
    spans = spans or periods(text, frame.clause_start, frame.after_end)
    if spans:
        return spans[0][3] or spans[0][2]
    years = plain_years(text, frame.clause_start, frame.after_end, skip=found)
    return years[0][1] if years else None

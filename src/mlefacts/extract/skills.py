"""Skills: what the role needs and uses, from skills sections, lists, tables and prose.

Inside a section classified as skills (by heading, lead-in or a 'Core skills:' label), every
taxonomy skill named counts, including the fields of a degree ('BSc in Computer Science or
Statistics'); the degree itself is a qualification, not a skill. A short list item naming no
taxonomy skill ('Terraform Cloud') is kept as an uncategorized skill; a longer item ('3+ years
of experience shipping models') is an experience requirement. Elsewhere a practice or concept
('statistics', 'NLP') counts in a sentence that states a need ('requires', 'proficiency in',
'Kenntnisse in') or a use ('appears in 78% of the ads', 'the most popular'), and a product,
language or library ('PyTorch', 'AWS', 'pandas') also in a duty, in a sentence that says how it
is used or placed ('SQL comes second') and in a line naming nothing else ('#1 AWS'). Nowhere does
a name count after words that make its sentence about something else (a course's promise, an
advert, a byline), where the page sets its subject against it ('Unlike SQL databases'), where it
qualifies another thing ('deep learning framework', 'Excel data pack') or heads a role, market
or company ('NLP engineer', 'the computer vision segment', 'Snowflake Inc.').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial
from itertools import islice
from typing import Any

from mlefacts.document.model import Block, Card, Document, Span, Table
from mlefacts.document.sentences import sentence_spans
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    discipline_role,
    find_roles,
    is_place,
    open_bracket_before,
    phrase_alternation,
    read_each,
    roles_between,
)
from mlefacts.extract.cues import Keys, declare, may_hold, starts_in, word_keys
from mlefacts.extract.ranked_lists import lead_line, numbered_items, ranked_items
from mlefacts.extract.responsibilities import listed_duties, other_ranked_roles, prose_duty_spans
from mlefacts.extract.sections import (
    block_section_types,
    classify_heading,
    content_span,
    document_role,
    item_text,
    roles_named,
    section_role,
    vocabulary_pattern,
    vocabulary_regex,
)
from mlefacts.extract.subjects import main_market
from mlefacts.extract.table_frame import measures_as_rows, turned
from mlefacts.normalize._data import matches_from, starts_of
from mlefacts.normalize.skills import (
    SkillMatch,
    act_openings,
    find_skills,
    names_all,
    names_languages,
    skill_alone,
)
from mlefacts.normalize.text import folded_page
from mlefacts.toml_files import data_words, load_data

NAME = "skills"
VERSION = "5"

_UNSPECIFIED_ROLE = "unspecified role"
# 'phase: description' items: the lead names the skill ('Good communication skills: ...').
_CLAUSE_END = re.compile(
    r"[;.](?:\s|$)|\b(?:and|plus|with)\s+(?:\d|experience|knowledge|strong|solid|proficien)", re.I
)
_LEAD = re.compile(r"\s*([^:.!?]{3,80}?)\s*:\s+\S")
# A paragraph that opens with a label: '**Core skills:** PyTorch, scikit-learn, Docker'.
_LABEL = re.compile(r"\W*([^:.;!?]{3,40}?)\W*:[*_]*\s+")
# An item this long, or with a figure, states experience or ability rather than naming a skill.
_MAX_UNCATEGORIZED_WORDS = 4
# Skill categories that name a product or platform, which a duty can name ('on GCP').
_TOOL_CATEGORIES = frozenset(
    {
        "language",
        "ml_framework",
        "ml_library",
        "cloud",
        "database",
        "tool",
        "big_data",
        "mlops",
        "visualization",
    }
)
# The category of skills that a duty states as the duty itself ('Collaborate with product teams').
_SOFT_SKILL = "soft_skill"
# Categories whose names are products even in lower case ('pandas', 'scikit-learn').
_LIBRARY_CATEGORIES = frozenset({"language", "ml_framework", "ml_library"})


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    vocabulary = load_data("sections")
    return {
        "cue": vocabulary_pattern(vocabulary["requirement"]["cues"]),
        "required": vocabulary_pattern(vocabulary["requirement"]["required"]),
        "preferred": vocabulary_pattern(vocabulary["requirement"]["preferred"]),
        "education": vocabulary_pattern(vocabulary["education"]["words"]),
        "label": vocabulary_pattern(vocabulary["skills"]["label_phrases"]),
        "restating": vocabulary_pattern(vocabulary["aside"]["restating"]),
        "usage": vocabulary_pattern(vocabulary["mention"]["usage"]),
        "tool_frame": vocabulary_pattern(vocabulary["mention"]["tool_frames"]),
        "practice_frame": vocabulary_pattern(vocabulary["mention"]["practice_frames"]),
        "workers": vocabulary_pattern(vocabulary["mention"]["workers"]),
        "market_word": vocabulary_pattern(["market", "markets"]),
        "other_frame": vocabulary_pattern(vocabulary["mention"]["other_frames"]),
        "person": vocabulary_pattern(vocabulary["mention"]["person_pronouns"]),
        "generic_pronoun": vocabulary_pattern(vocabulary["mention"]["generic_pronouns"]),
        "modifier": _after_pattern(vocabulary["mention"]["modifier_heads"]),
        "artifact": _after_pattern(vocabulary["mention"]["artifact_heads"]),
        "contrast": re.compile(
            vocabulary_regex(_contrast_phrases()) + r"\s+(?:[\w+#.-]+\s+){0,2}\Z",
            re.IGNORECASE,
        ),
        "people_head": re.compile(
            vocabulary_regex(vocabulary["mention"]["people_heads"]) + r"\Z", re.IGNORECASE
        ),
        "not_skill_after": _heads_pattern(
            vocabulary["mention"]["not_skill_after"],
            vocabulary["mention"]["title_heads"],
            vocabulary["mention"]["name_extenders"],
        ),
    }


def _after_pattern(words: list[str]) -> re.Pattern[str]:
    """One of `words` right after a name, across a space or hyphen ('deep learning framework')."""
    return re.compile(r"[ \t-]+" + vocabulary_regex(words), re.IGNORECASE)


def _heads_pattern(heads: list[str], titles: list[str], extenders: list[str]) -> re.Pattern[str]:
    """What may follow a name that is part of a role's, market's or company's name: a few
    capitalized or generic words, then the head word ('MLOps platforms market'); a comma
    before the head ('Acme, Inc.') but not between other words, where it separates names of
    their own ('Computer Science, Electrical Engineering')."""
    extender = vocabulary_regex(extenders)
    head = vocabulary_regex(heads)
    title = "|".join(map(re.escape, titles))
    return re.compile(
        rf"(?:[ \t\-]{{1,3}}(?:(?-i:[A-Z][\w.&+-]*)|{extender})){{0,3}}[ \t,\-]{{0,3}}"
        rf"(?:{head}|(?-i:(?:{title})\b))",
        re.IGNORECASE,
    )


@cache
def _cue_keys() -> Keys | None:
    """Words one of which every requirement cue holds: sentences without any are skipped."""
    return word_keys(load_data("sections")["requirement"]["cues"])


@cache
def _mention_keys(name: str) -> Keys | None:
    """Words one of which every phrase of a `mention` vocabulary holds (see `cues`)."""
    return word_keys(load_data("sections")["mention"][name])


def _contrast_phrases() -> list[str]:
    """What sets a name against the page's subject: 'unlike', 'rather than', 'compared with'."""
    comparison = load_data("prose_terms")["comparison"]
    return [*load_data("sections")["mention"]["contrast"], *comparison["lead_cues"]]


@cache
def _contrast_keys() -> Keys | None:
    """Words one of which every phrase of `_contrast_phrases` holds (see `cues`)."""
    return word_keys(_contrast_phrases())


# The `mention` vocabularies a sentence is first asked about through the page's cue index.
_MENTION_CUED = ("usage", "person_pronouns", "other_frames", "workers")


@cache
def _act_keys() -> Keys | None:
    """The words the `acts` forms open with (`act_openings`), where they start a word."""
    return word_keys(act_openings())


@cache
def _requirement_keys() -> Keys | None:
    """Words one of which every 'required' or 'preferred' phrase holds (see `cues`)."""
    requirement = load_data("sections")["requirement"]
    return word_keys([*requirement["required"], *requirement["preferred"]])


declare(
    lambda: [
        _cue_keys(),
        _contrast_keys(),
        _act_keys(),
        _requirement_keys(),
        *map(_mention_keys, _MENTION_CUED),
    ]
)


@lru_cache(maxsize=1024)  # a block's and its heading's, asked again for each skill they name
def requirement_of(text: str) -> str | None:
    """'preferred' or 'required' when the text says so, else None.

    >>> requirement_of("Docker is a plus"), requirement_of("Must know SQL"), requirement_of("SQL")
    ('preferred', 'required', None)
    """
    patterns = _patterns()
    if patterns["preferred"].search(text):
        return "preferred"
    if patterns["required"].search(text):
        return "required"
    return None


def _requirement_in(text: str, start: int, end: int) -> str | None:
    """`requirement_of(text[start:end])`, searched only where the page's cue index finds one of
    the words of its phrases (`_requirement_keys`), as its patterns find them only at a word
    start: most sentences hold none."""
    if not may_hold(text, start, end, _requirement_keys()):
        return None
    return requirement_of(text[start:end])


def extract(doc: Document) -> list[Claim]:
    """Skill claims, one per (canonical skill, block), plus kept non-taxonomy skills-list items."""
    types = block_section_types(doc)
    role = document_role(doc) or _UNSPECIFIED_ROLE
    ranked = _ranked_skills(doc)
    market_page = _market_page(doc, types)
    duties = prose_duty_spans(doc)  # asked about each skill a block names
    others = other_ranked_roles(doc)

    def read_block(index: int) -> list[Claim]:
        block, section = doc.blocks[index], types[index]
        # on a page ranking roles, 'Typical toolkit: JAX, CUDA' under '## 1. AI research
        # scientist' is that role's
        own = section_role(doc, block, default=role) if block.section in others else role
        chips = section == "skills" and block.boilerplate and _skill_chips(doc.span_text(block))
        if (block.boilerplate and not chips) or (section == "aside" and not _restates(doc, block)):
            return []
        if _labelled_skills(doc, block) or (section == "skills" and block.kind != "heading"):
            if index in _group_items(doc):
                return []  # 'Frameworks' over '- scikit-learn' / '- PyTorch': a group's label
            return _section_block_claims(doc, block, own)
        if section == "offer":  # a course's 'build a pipeline with Airflow' is a promise
            return []
        # A duty item names its practices as skills ('Run A/B tests', 'Monitor data drift')
        # whatever its words; a soft skill there is the duty itself ('Collaborate with
        # product teams').
        listed = index in listed_duties(doc)  # 'The work' / 'Design training pipelines'
        duty = block.kind == "list_item" and (section == "responsibilities" or listed)
        by_cue = block.kind != "heading" and section != "aside" and not duty
        return _mention_claims(
            doc,
            block,
            own,
            by_cue=by_cue,
            in_duty=section == "responsibilities" or listed,
            duty_item=duty,
            ranked=ranked.get(index, frozenset()),
            market_page=market_page,
            duties=duties,
        )

    claims = read_each(doc, range(len(doc.blocks)), read_block, name=NAME)
    return (
        claims
        + read_each(doc, doc.tables, lambda table: _table_claims(doc, table, role), name=NAME)
        + read_each(doc, doc.cards, lambda card: _card_claims(doc, card, role), name=NAME)
    )


def _skills_in(doc: Document, start: int, end: int, *, acts: bool) -> list[SkillMatch]:
    """`find_skills` of a span of the page, with `acts` the practices named by what is done
    too, whose forms are tried only where the page's cue index finds the words they open with."""
    keys = _act_keys()
    opens = starts_in(doc.text, start, end, keys) if acts and keys else None
    return find_skills(doc.text, start, end, acts=acts, opens=opens)


def _skill_chips(text: str) -> bool:
    """Whether a line is a row of bracketed chips that each name one skill ('[Python]
    [PyTorch] [GCP]' under 'In-demand skills'): it reads as a row of buttons, but lists skills."""
    chips = _CHIP.findall(text)
    return (
        len(chips) >= _MIN_CHIPS
        and not _CHIP.sub("", text).strip()
        and all(skill_alone(chip, languages=True) for chip in chips)
    )


_CHIP = re.compile(r"\[([^\[\]]{1,40})\]")
_MIN_CHIPS = 2


def _card_claims(doc: Document, card: Card, role: str) -> list[Claim]:
    """The skill a stat tile's caption says postings or people name or use ('84%' /
    'mention Python', '64%' / 'use PyTorch daily'): that tile names it as part of the job."""
    caption = doc.span_text(card.label)
    if not _CAPTION_NAMES.match(caption):
        return []
    found = find_skills(doc.text, card.label.start, card.label.end)
    heading = doc.span_text(doc.blocks[card.section]) if card.section is not None else ""
    return _skill_claims(doc, found, card.label.start, card.label.end, role, heading)


# A tile's caption that names or uses a skill right after its figure: 'mention Python'.
_CAPTION_NAMES = re.compile(
    r"\s*(?:mention|mentions|list|lists|require|requires|ask\s+for|asks\s+for|name|names"
    r"|use|uses|work\s+with|works\s+with)\s",
    re.IGNORECASE,
)


def _market_page(doc: Document, types: list[str]) -> bool:
    """A page about a market, not a role: it has a main market, says 'market' again and again,
    no title or heading names a role or its field and no section lists duties (a market's press
    release, a report's landing page; not a posting or a pay guide on 'the contract market')."""
    if main_market(doc) is None or not _says_market_often(doc.text):
        return False
    titles = (doc.title or "", *(doc.span_text(b) for b in doc.blocks if b.kind == "heading"))
    return "responsibilities" not in types and not any(
        roles_named(t) or discipline_role(t) for t in titles
    )


def _says_market_often(text: str) -> bool:
    """Whether the text says 'market(s)' `_MIN_MARKET_WORDS` times: the pattern is tried only
    where the folded text holds 'market' (every match starts there: the folded text holds, at
    the same offsets, what `re.IGNORECASE` compares), and stops at the last one needed; most
    of a page's 'market's are 'marketing', which a scan of each 'm' would try too."""
    starts = starts_of(folded_page(text), ("market",))
    if len(starts) < _MIN_MARKET_WORDS:
        return False
    found = islice(matches_from(_patterns()["market_word"], text, starts), _MIN_MARKET_WORDS)
    return sum(1 for _ in found) == _MIN_MARKET_WORDS


_MIN_MARKET_WORDS = 3


def _names_workers(text: str, start: int, end: int) -> bool:
    """Whether a sentence names the people who do the work or hire for it ('engineers who can
    write CUDA', 'hiring managers named RAG'): on a market's page a skill counts only there;
    elsewhere its names are what buyers adopt ('early adoption of feature stores')."""
    return may_hold(text, start, end, _mention_keys("workers")) and bool(
        _patterns()["workers"].search(text, start, end)
    )


def _restates(doc: Document, block: Block) -> bool:
    """An aside that restates the page's findings ('Highlights'): the products it names count
    (its other wording restates what the page says elsewhere)."""
    index = block.section if block.kind != "heading" else None
    heading = doc.blocks[index] if index is not None and 0 <= index < len(doc.blocks) else block
    return bool(_patterns()["restating"].search(doc.span_text(heading)))


def _labelled_skills(doc: Document, block: Block) -> bool:
    """A paragraph whose opening label names skills ('Most common skills: PyTorch, MLOps')."""
    in_kind = block.kind in ("paragraph", "heading")
    return in_kind and _skills_label(doc.text, block.start, block.end)


def _skills_label(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens with a label that names skills ('Top skills: Excel, SQL'),
    as a paragraph or as a sentence inside one."""
    if text.find(":", start, end) < 0:
        return False
    label = _LABEL.match(text, start, end)
    return label is not None and bool(_patterns()["label"].search(label.group(1)))


def _ranked_skills(doc: Document) -> dict[int, frozenset[str]]:
    """The skills a listed item's label names, by the block that holds the label, in a list
    whose title says it lists skills: each is a skill of the job. A ranked item's label names
    one alone ('## 8. MLOps — 24% of ads' under 'The 10 AI Skills Employers Asked For Most');
    an item of a numbered list that ranks nothing may name several ('## 3. Linear algebra and
    probability' under '12 Skills Every Machine Learning Engineer Needs'). A ranking of
    specialisms by pay ('#2: Computer vision') is none."""
    found: dict[int, frozenset[str]] = {}
    for item in numbered_items(doc):
        if classify_heading(item.title) == "skills":
            names = frozenset(m.canonical for m in find_skills(item.label))
            if names:
                found[item.block] = names
    lists_skills: dict[str, bool] = {}  # by a list's title, asked at its first item
    for item in ranked_items(doc):
        if item.title not in lists_skills:
            # under a bare heading ('## The list') the line leading into the list may say what
            # it lists ('Share of respondents who used each skill at work, ranked:')
            lists_skills[item.title] = (
                classify_heading(item.title) == "skills"
                or classify_heading(lead_line(doc, item.start) or "") == "skills"
            )
        if not lists_skills[item.title]:
            continue
        match = skill_alone(item.label)
        if match is not None:
            found[item.block] = frozenset({match.canonical})
    return found


def _mention_claims(
    doc: Document,
    block: Block,
    role: str,
    *,
    by_cue: bool,
    in_duty: bool,
    duty_item: bool,
    ranked: frozenset[str] = frozenset(),
    market_page: bool = False,
    duties: tuple[tuple[int, int, str], ...],
) -> list[Claim]:
    """Skills named outside a skills section, each only in a frame that ties it to the job.

    A practice or concept ('statistics', 'NLP') counts in a sentence that states a need or a use
    (`by_cue`) or in which a person says they use, learn or lack it ('What they lacked was
    software engineering'), in a duty item ('Run A/B tests' names hypothesis testing), unless
    it is a soft skill, and as the label of a ranked item (`ranked`: '## 8. MLOps — 24% of ads'); a
    product's name ('GCP', 'PyTorch') also in any duty ('ship models on GCP'), in a sentence
    that says how it is used or placed ('PyTorch overtook TensorFlow') and in a line that names
    nothing but skills ('#1 AWS'). None counts in a sentence about something else (a
    course's promise, an advert, a byline) or as part of another name (`_stands_alone`), nor
    on a market's page in a sentence that names no one who does the work (`market_page`).
    """
    start, end = content_span(doc, block)
    # 'deploys our models' in a recap or a heading names no skill; on a page about no role (a
    # market's release: 'firms that ship models want monitoring') it is what buyers do
    acts = in_duty or (by_cue and role != _UNSPECIFIED_ROLE)
    found = [m for m in _skills_in(doc, start, end, acts=acts) if _stands_alone(doc.text, m)]
    if not found:
        return []
    link = _LINK.fullmatch(doc.text, start, end)
    # A link's title names another page's subject ('Top 10 Python libraries'), unless it is
    # nothing but a skill's name ('[PyTorch](https://pytorch.org)'), which places it.
    if link and not _only_names(doc.text, *link.span(1), found):
        return []
    claims: list[Claim] = []
    seen: set[str] = set()
    for sentence in sentence_spans(doc.text, start, end):
        inside = [m for m in found if sentence.start <= m.start < sentence.end]
        if inside and _may_frame(doc.text, sentence.start, sentence.end):
            inside = [m for m in inside if not _other_frame(doc.text, sentence.start, m.start)]
        if inside and "(" in doc.text[sentence.start : sentence.end]:
            inside = [m for m in inside if not _own_background(doc.text, sentence.start, m)]
        fresh = [m for m in inside if m.canonical not in seen]
        if not fresh or (
            market_page and not _names_workers(doc.text, sentence.start, sentence.end)
        ):
            continue  # each skill is claimed once per block
        kept = fresh  # a need or a use is stated, or a label names skills: every name counts
        # a duty stated in prose names its practices, its role's, as a duty item does ('ML
        # engineers ... deploy models behind APIs')
        duty_roles = {m.start: r for m in fresh if (r := _duty_role(duties, m))}
        if not (
            (by_cue and _states_need_or_use(doc.text, sentence.start, sentence.end))
            or _skills_label(doc.text, sentence.start, sentence.end)
        ):
            placed = (
                in_duty
                or bool(duty_roles)
                or _tool_frame(doc.text, sentence.start, sentence.end, asked=by_cue)
                or link is not None
                # the block names skills and little else: asked only here (most sentences
                # have a tool's frame), not of each block
                or _only_names(doc.text, start, end, found)
                or _only_names(doc.text, sentence.start, sentence.end, inside)
                or _listed_after_colon(doc.text, sentence.start, sentence.end, inside)
            )
            practiced = by_cue and _practice_frame(doc.text, sentence.start, sentence.end)
            kept = [
                m
                for m in fresh
                if (placed or practiced)
                and (
                    _is_tool(doc.text, m, opens_item=m.start == start)
                    or (
                        (
                            duty_item
                            or m.start in duty_roles
                            or (practiced and not _defined(doc.text, sentence.start, m))
                        )
                        and _named_by_duty(m)
                        and not _titled(doc.text, m)
                    )
                    or m.canonical in ranked
                )
            ]
        seen.update(m.canonical for m in kept)
        claims.extend(_skill_claims(doc, kept, sentence.start, sentence.end, role, "", duty_roles))
    return claims


def _own_background(text: str, start: int, match: SkillMatch) -> bool:
    """Whether a name stands in brackets after the writer's account of their own work ('Data
    analyst here (SQL, Tableau)', 'I work in finance (Excel, Power BI)', 'Currently a backend
    dev (Java, Spring)'): the tools they have, which the job may not ask for."""
    opening = open_bracket_before(text, start, match.start)
    return opening is not None and _BACKGROUND.search(text, start, opening) is not None


# A writer's account of their own work right before a bracket: '<role> here', 'I work in
# finance', "I'm a backend dev", 'Currently a data analyst'.
_BACKGROUND = re.compile(
    r"(?:\bhere|\bI\s+(?:work|worked)\s+(?:in|as|at|on)\b[^.()]{0,40}"
    r"|\b(?:I['’]m|I\s+am|currently)\s+an?\b[^.()]{0,40})\s*$",
    re.IGNORECASE,
)


def _named_by_duty(match: SkillMatch) -> bool:
    """Whether a duty that names the skill names it as a skill: not a soft skill, which the duty
    is itself ('Collaborate with product teams'), unless skills.toml marks it `duty` (mentoring)."""
    return match.category != _SOFT_SKILL or match.canonical in _duty_soft_skills()


@cache
def _collections() -> frozenset[str]:
    return frozenset(s["name"] for s in load_data("skills")["skill"] if s.get("collection"))


_OF = re.compile(r"\s+of\s", re.IGNORECASE)


@cache
def _duty_soft_skills() -> frozenset[str]:
    return frozenset(s["name"] for s in load_data("skills")["skill"] if s.get("duty"))


def _duty_role(duties: tuple[tuple[int, int, str], ...], match: SkillMatch) -> str | None:
    """The role whose duty, stated in prose (`prose_duty_spans`), names the skill; None outside
    such a duty."""
    return next((r for start, end, r in duties if start <= match.start < end), None)


def _stands_alone(text: str, match: SkillMatch) -> bool:
    """Whether a name stands for itself: not part of a role's, market's or company's name
    ('NLP engineers'), not a practice that qualifies another thing ('the most popular deep
    learning framework'), not what the page sets its subject against ('Unlike SQL databases')."""
    if _names_other(text, match) or _contrasted(text, match.start):
        return False
    return not _modifies(text, match)


def _modifies(text: str, match: SkillMatch) -> bool:
    """A name that qualifies a thing made with it ('an Excel data pack'), or a practice that
    qualifies another thing ('deep learning framework'; 'PyTorch framework' names PyTorch)."""
    patterns = _patterns()
    if patterns["artifact"].match(text, match.end):
        return True
    if match.canonical in _collections() and _OF.match(text, match.end):
        return True  # 'CompTrack's database of verified offers'
    return match.category not in _TOOL_CATEGORIES and bool(
        patterns["modifier"].match(text, match.end)
    )


def _contrasted(text: str, start: int) -> bool:
    """Whether 'unlike', 'rather than' ... stands right before the name, or one or two words."""
    before = max(0, start - 60)
    if not may_hold(text, before, start, _contrast_keys()):
        return False
    return _patterns()["contrast"].search(text[before:start]) is not None


def _other_frame(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` (a sentence up to a name) is about something other than the
    job: a course's promise, an advert, a byline ('he', 'she': a person's, unless the page
    writes 'he or she' for any reader)."""
    patterns = _patterns()
    if may_hold(text, start, end, _mention_keys("other_frames")) and patterns["other_frame"].search(
        text, start, end
    ):
        return True
    if not may_hold(text, start, end, _mention_keys("person_pronouns")):
        return False
    return bool(patterns["person"].search(text, start, end)) and not patterns[
        "generic_pronoun"
    ].search(text, start, end)


def _may_frame(text: str, start: int, end: int) -> bool:
    """Whether a sentence may hold the words `_other_frame` looks for before a name in it."""
    return may_hold(text, start, end, _mention_keys("other_frames")) or may_hold(
        text, start, end, _mention_keys("person_pronouns")
    )


def _practice_frame(text: str, start: int, end: int) -> bool:
    """A sentence in which a person says they or the role use, learn or lack what it names
    (searched without asking the cue index first: nearly every sentence asked about holds
    one of the frames' words, 'the', 'work', 'day', 'use')."""
    return any(
        not _NOT_PRACTICE.match(text, frame.start(), end)
        for frame in _patterns()["practice_frame"].finditer(text, start, end)
    )


# what a model does, not a person ('systems which learn from data'); a use case is no use
_NOT_PRACTICE = re.compile(r"learn\w*\s+from\b|use[\s-]+cases?\b", re.IGNORECASE)
# a practice the sentence opens with and defines: 'Data engineering is the discipline of ...'
# 'X is the discipline of', 'X refers to', not 'X is standard practice': it says what X is.
_DEFINED = re.compile(
    r"\s+(?:(?:is|are)\s+(?:an?|the|one|when|how|what|about|where|simply|basically)\b"
    r"|refers?\s+to\b|means\b)",
    re.IGNORECASE,
)
_OPENING = re.compile(r"[\W_]*(?:the\s+)?", re.IGNORECASE)


def _defined(text: str, sentence_start: int, match: SkillMatch) -> bool:
    """Whether the sentence is a definition of the practice it opens with."""
    opening = _OPENING.match(text, sentence_start, match.start)
    return (
        opening is not None
        and opening.end() == match.start
        and bool(_DEFINED.match(text, match.end))
    )


def _tool_frame(text: str, start: int, end: int, *, asked: bool) -> bool:
    """A sentence that says how a product is used, asked for or placed (`asked`: whether it is
    known to state no need or use; searched without asking the cue index first, as
    `_practice_frame`: 'team', 'work', 'use')."""
    if _patterns()["tool_frame"].search(text, start, end):
        return True
    return not asked and _states_need_or_use(text, start, end)


# A block that is one markdown link and nothing else: '[Title](/url)', '- [Title](/url).'
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)\W*")
# What a line that only lists skills holds besides their names: markers, ranks, separators,
# and these words where they stand as whole words (no letter, digit or '_' beside them).
_LISTING_WORDS = re.compile(r"rank|no|and|or", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_CHAR = re.compile(r"\w")
_MAX_LISTING_WORDS = 2
# 'APIs', 'LLMs': an abbreviation in the plural names a kind of thing, not a product.
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,}s")


def _only_names(text: str, start: int, end: int, found: list[SkillMatch]) -> bool:
    """Whether a block names skills and little else ('#1 AWS', 'Rank 2 — scikit-learn',
    'Python/R', 'Short version: Python')."""
    pieces, cursor = [], start
    for match in sorted(found, key=lambda m: m.start):
        pieces.append(text[cursor : match.start])
        cursor = max(cursor, match.end)
    pieces.append(text[cursor:end])
    rest = " ".join(pieces)
    words = 0
    for letters in _LETTERS.finditer(rest):  # the runs of letters, until one too many
        at, stop = letters.span()
        if not (
            _LISTING_WORDS.fullmatch(letters.group())
            and not (at and _WORD_CHAR.match(rest, at - 1))
            and not _WORD_CHAR.match(rest, stop)
        ):
            words += 1
            if words > _MAX_LISTING_WORDS:
                return False
    return True


def _listed_after_colon(text: str, start: int, end: int, found: list[SkillMatch]) -> bool:
    """Whether a sentence ends in a colon and a run of three or more names and nothing else
    ('Every brief I've seen this year: Python, Databricks, MLflow, Terraform')."""
    colon = text.find(": ", start, end)
    if colon < 0:
        return False
    after = [match for match in found if match.start > colon]
    return len(after) >= _MIN_LISTED and _only_names(text, colon + 1, end, after)


# Names after a colon that list skills, whatever the words before it.
_MIN_LISTED = 3


def _states_need_or_use(text: str, start: int, end: int) -> bool:
    patterns = _patterns()
    if may_hold(text, start, end, _cue_keys()) and patterns["cue"].search(text, start, end):
        return True
    if may_hold(text, start, end, _mention_keys("usage")) and patterns["usage"].search(
        text, start, end
    ):
        return True
    # 'AWS came up in 44%, Kubernetes in 37% and Terraform in 15%': how much each is asked for
    return "%" in text[start:end] and len(_SHARE_RUN.findall(text, start, end)) >= _RUN


# A share set after a name ('Kubernetes in 37%', 'Terraform (15%)'): a run of them measures use.
_SHARE_RUN = re.compile(r"(?:\bin|\bat|\()\s*\d{1,2}(?:\.\d+)?\s*%")
_RUN = 3


def _names_other(text: str, match: SkillMatch) -> bool:
    """Whether the words after a name make it a role, market or company ('NLP engineers'); not
    people a duty's verb acts on ('Write design docs and mentor engineers')."""
    after = _patterns()["not_skill_after"].match(text, match.end)
    if after is None:
        return False
    if _compute_job(text, match, after.group()):
        return False  # 'distributed training jobs', 'ETL jobs': compute work, no role
    return not (
        match.canonical in _duty_soft_skills()
        and _patterns()["people_head"].search(after.group()) is not None
    )


def _compute_job(text: str, match: SkillMatch, after: str) -> bool:
    """Whether 'job(s)' after a name that ends in a kind of compute work names runs of it."""
    # the last word after the name, hyphenated or not ('training jobs', 'training-jobs')
    if re.split(r"[\s-]+", after.strip())[-1].lower() not in ("job", "jobs"):
        return False
    last = text[match.start : match.end].split()[-1].lower()
    return last in _compute_job_words()


_compute_job_words = partial(data_words, "sections", "mention", "compute_job_words")


def _titled(text: str, match: SkillMatch) -> bool:
    """A practice that names a leader's remit ('Report to the Head of Statistics'), not work."""
    return _leader_of().search(text, max(0, match.start - 40), match.start) is not None


@cache
def _leader_of() -> re.Pattern[str]:
    leaders = load_data("salary_terms")["roles"]["leaders"]
    return re.compile(rf"\b(?:{phrase_alternation(leaders)})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _is_tool(text: str, match: SkillMatch, *, opens_item: bool) -> bool:
    """'GCP', 'PyTorch', 'pandas': a product, language or library, which names a skill wherever
    it is written; 'APIs', 'LLMs' are kinds of things, and 'containerization' a practice.

    A lower-case alias of a product category names a practice ('containerization' for Docker)
    unless the category is a library's or the alias counts only as written ('dbt'); an item's
    first word ('Deploy models ...') is capitalized whatever it is, so there the alias decides,
    not the writing.
    """
    if match.category not in _TOOL_CATEGORIES:
        return False
    written = text[match.start : match.end]
    if _PLURAL_ABBREVIATION.fullmatch(written):
        return False
    if match.category in _LIBRARY_CATEGORIES or match.exact:
        return True  # a library's name, or one the taxonomy knows only as written ('dbt')
    capitals = written[1:] if opens_item else written
    return any(map(str.isupper, match.alias)) and (
        any(map(str.isupper, capitals)) or written == match.alias
    )


def _table_claims(doc: Document, table: Table, role: str) -> list[Claim]:
    """Skills a table lists row by row ('Rank | Programming Language' -> Python, R, Java).

    A table lists skills when one of its columns holds nothing but a taxonomy skill in at least
    two rows and half of its rows; a skill merely mentioned inside longer cell text is not one.
    """
    if measures_as_rows(doc, table):
        table = turned(table)  # 'Python | SQL' over 'Share of ads | 71% | 52%': a skill a column
    # Scan the whole table at once: a one-letter skill ('R') counts only beside other skills.
    languages = any(names_languages(doc.span_text(cell)) for cell in table.header)
    best = _skill_column(doc, table, languages)
    if len(best) >= 2 and not languages:
        # a column of two or more skills lists them: 'Prefect' or 'Comet' alone is one there
        best = _skill_column(doc, table, True)
    title = doc.span_text(table.caption) if table.caption is not None else ""
    duties = _duty_cell_claims(doc, table, title)
    if len(best) < 2 or 2 * len(best) < len(table.rows):
        return _stack_claims(doc, table, role, title) + duties
    return _skill_claims(doc, best, table.start, table.end, role, title) + duties


def _duty_cell_claims(doc: Document, table: Table, title: str) -> list[Claim]:
    """What the duties in a 'Role | What they do' table's cells name ('Deploy models on AWS'),
    each its row's role's, as a duty item's are; a soft skill there is the duty itself."""
    claims: list[Claim] = []
    for start, end, subject in prose_duty_spans(doc):
        if not table.start <= start < table.end:
            continue
        found = [
            match
            for match in _skills_in(doc, start, end, acts=True)
            if _stands_alone(doc.text, match) and _named_by_duty(match)
        ]
        duty_roles = {match.start: subject for match in found}
        claims.extend(_skill_claims(doc, found, start, end, subject, title, duty_roles))
    return claims


def _skill_column(doc: Document, table: Table, languages: bool) -> list[SkillMatch]:
    """The skills of the table's column that names most skills, one per cell that names
    nothing else."""
    cell_starts = {
        match.start: match
        for match in find_skills(doc.text, table.start, table.end, languages=languages)
    }
    best: list[SkillMatch] = []
    for column in range(len(table.header)):
        found = [
            match
            for row in table.rows
            for start, end in (_trimmed(doc.text, row[column].start, row[column].end),)
            if (match := cell_starts.get(start)) and names_all(doc.text, match.end, end)
        ]
        if len(found) > len(best):
            best = found
    return best


def _stack_claims(doc: Document, table: Table, role: str, title: str) -> list[Claim]:
    """Skills in the cells of a column headed as skills ('Role | Tools': 'ML engineer |
    Python, Kubeflow'), each the role's its row names, else the page's; and in the cells of a
    row labelled as skills ('Main tools | Docker, PyTorch | Jupyter, SQL' under 'ML engineer |
    Data scientist'), each the role its column's header names, else the page's."""
    columns = [
        index
        for index, cell in enumerate(table.header)
        if classify_heading(doc.span_text(cell)) == "skills"
    ]
    if len(columns) == 1 and _GROUPS.search(doc.span_text(table.header[columns[0]])):
        # 'Skill area | What it covers' over 'Infrastructure | Docker, Kubernetes': the column
        # headed as skills names their groups, the others hold the skills
        columns = [index for index in range(len(table.header)) if index != columns[0]]
    claims: list[Claim] = []
    for row in table.rows:
        found = [
            match
            for column in columns
            for match in find_skills(doc.text, row[column].start, row[column].end)
            if _stands_alone(doc.text, match)
        ]
        if found:
            claims.extend(_skill_claims(doc, found, row[0].start, row[-1].end, role, title))
        elif row and classify_heading(doc.span_text(row[0])) == "skills":
            claims.extend(_row_claims(doc, table, row, role, title))
    return claims


# A header that names groups of skills, not skills ('Skill area', 'Skill category').
_GROUPS = re.compile(
    r"\b(?:areas?|categor(?:y|ies)|groups?|domains?|families|family|types?)\b", re.IGNORECASE
)


def _row_claims(
    doc: Document, table: Table, row: tuple[Span, ...], role: str, title: str
) -> list[Claim]:
    """The skills of a row labelled as skills, column by column: a column whose header names
    one role holds that role's skills."""
    claims: list[Claim] = []
    for cell, header in zip(row[1:], table.header[1:], strict=False):
        found = [
            match
            for match in find_skills(doc.text, cell.start, cell.end)
            if _stands_alone(doc.text, match)
        ]
        roles = {found_role for *_, found_role in find_roles(doc.span_text(header))}
        owner = roles.pop() if len(roles) == 1 else role
        claims.extend(_skill_claims(doc, found, cell.start, cell.end, owner, title))
    return claims


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t*_`":
        start += 1
    while end > start and text[end - 1] in " \t*_`.":
        end -= 1
    return start, end


@lru_cache(maxsize=8)
def _group_items(doc: Document) -> frozenset[int]:
    """The list items that hold a nested list of their own whose items name skills: in a tree
    of skills ('Programming' over '- Python' / '- SQL'), the label of a group, not a skill."""
    named: set[int] = set()
    for block in doc.blocks:
        holder = block.parent
        if block.kind != "list_item" or holder is None or doc.blocks[holder].kind != "list_item":
            continue
        if find_skills(doc.text, *content_span(doc, block)):
            named.add(holder)
    return frozenset(named)


def _section_block_claims(doc: Document, block: Block, role: str) -> list[Claim]:
    """Every skill named in a skills-section block; a list item naming none is kept as written."""
    start, end = content_span(doc, block)
    default_role = section_role(doc, block, default=role) or role
    heading = doc.span_text(doc.blocks[block.section]) if block.section is not None else ""
    education = (
        _patterns()["education"].search(doc.text, start, end) if block.kind == "list_item" else None
    )
    found = _skills_in(doc, start, end, acts=True)
    framed = _in_other_frames(doc.text, start, end, found)
    # A practice that names a role or market ('data engineering roles pay less') is none.
    matches = [
        match
        for match in found
        if (
            _is_tool(doc.text, match, opens_item=match.start == start)
            or not _names_other(doc.text, match)
        )
        and not _contrasted(doc.text, match.start)
        and not _modifies(doc.text, match)
        and match.start not in framed
        and not _own_background(doc.text, start, match)
    ]
    fields = [
        match
        for match in matches
        if education is not None and _in_clause(doc.text, education.start(), match.start)
    ]
    claims = _skill_claims(doc, matches, start, end, default_role, heading, listed=True)
    for claim in claims:
        if any(claim.char_start == field.start for field in fields):
            claim.qualifiers["education"] = True  # a field of the degree asked for
    # A degree ('Master's degree', '17% hold a doctorate') is a qualification, not a skill.
    keep = education is None and not matches and _short_item(doc, start, end)
    if block.kind == "list_item" and keep:
        lead = _LEAD.match(doc.text, start, end)
        stop = lead.end(1) if lead else end
        text = _asked_for(item_text(doc.text[start:stop]))
        if text and not is_place(text):  # 'India' in a list of countries ranked by skills
            qualifiers: dict[str, Any] = {"canonical": None, "category_of_skill": "uncategorized"}
            requirement = _requirement_in(doc.text, start, end) or requirement_of(heading)
            if requirement:
                qualifiers["requirement"] = requirement
            claims.append(_claim(default_role, start, stop, text, qualifiers))
    return claims


def _asked_for(item: str) -> str:
    """A kept item's skill without the words that ask for it ('Hands-on experience with DSA',
    'Working knowledge of DSA' -> 'DSA'); the item as written when what follows them is no
    name ('Must-have: CUDA', 'Want to learn Triton') or nothing does.

    >>> _asked_for("Working knowledge of DSA"), _asked_for("Want to learn Triton")
    ('DSA', 'Want to learn Triton')
    >>> _asked_for("Experience Design"), _asked_for("Hands-on experience with DSA")
    ('Experience Design', 'DSA')
    """
    rest, stripped = item, ""
    for _ in range(3):  # 'hands-on' then 'experience with'
        asked = _patterns()["cue"].match(rest)
        if asked is None:
            break
        after = rest[asked.end() :]
        rest = _JOINING_WORD.sub("", after.strip(" :-"))
        # asking words end with their preposition or a colon ('Essential: Triton'); a lone
        # word before a name may be the name's own ('Experience Design', 'Fluent Bit')
        if (
            _JOINING_WORD.match(asked.group().split()[-1] + " ")
            or _JOINING_WORD.match(after.strip(" -"))
            or after.lstrip(" *_").startswith(":")
        ):
            stripped = rest
    return stripped if stripped[:1].isupper() or stripped[:1].isdigit() else item


# A preposition after a requirement's words ('of DSA' of 'working knowledge of DSA').
_JOINING_WORD = re.compile(r"^(?:of|in|with|on|for|to)\s+", re.IGNORECASE)


def _in_other_frames(text: str, start: int, end: int, matches: list[SkillMatch]) -> set[int]:
    """Where the names in text[start:end] start whose sentence is about something other than
    the job before them (`_other_frame`): only in a sentence that may hold the words that say
    so (`_may_frame`, asked once a sentence, not twice a name)."""
    framed: set[int] = set()
    for sentence in sentence_spans(text, start, end):
        inside = [m.start for m in matches if sentence.start <= m.start < sentence.end]
        if inside and _may_frame(text, sentence.start, sentence.end):
            framed.update(at for at in inside if _other_frame(text, sentence.start, at))
    return framed


def _short_item(doc: Document, start: int, end: int) -> bool:
    """'Terraform Cloud' is a skill a reader sees; '3+ years building ML systems' is not."""
    lead = _LEAD.match(doc.text, start, end)
    text = doc.text[start : lead.end(1) if lead else end]
    return len(text.split()) <= _MAX_UNCATEGORIZED_WORDS and not re.search(r"\d", text)


def _skill_claims(
    doc: Document,
    matches: list[SkillMatch],
    start: int,
    end: int,
    role: str,
    heading: str,
    duty_roles: dict[int, str] | None = None,
    *,
    listed: bool = False,
) -> list[Claim]:
    """One claim per canonical skill; the subject is the role whose prose duty names it
    (`duty_roles`, by the name's start), else the last role named before it in the span (in a
    skills section's block, `listed`, not one named as who the work is done with: 'pairing
    with data engineers on Spark').

    The requirement is what the skill's own sentence says, else the heading ('Skills
    Required'), else the rest of the block.
    """
    if not matches:
        return []  # no need to split the span or find its roles
    claims: list[Claim] = []
    seen: set[str] = set()
    sentences = sentence_spans(doc.text, start, end)
    roles = roles_between(doc.text, start, end)  # the page's index rules most spans out
    fallback = requirement_of(heading) or _requirement_in(doc.text, start, end)
    for match in matches:
        if match.canonical in seen:
            continue
        seen.add(match.canonical)
        sentence = next((s for s in sentences if s.start <= match.start < s.end), None)
        requirement = fallback
        if sentence is not None:
            # a part set apart by semicolons states its own requirement or none: another
            # part's ('Strong SQL skills; experience with Spark is a plus') and the block's
            # are not its, unless a later part speaks of its names ('...; engineers need to
            # know one of them')
            start_of, end_of = _part_of(doc.text, sentence, match)
            whole = (start_of, end_of) == (sentence.start, sentence.end) or bool(
                _REFERS_BACK.search(doc.text, end_of, sentence.end)
            )
            if whole:
                requirement = _requirement_in(doc.text, sentence.start, sentence.end) or fallback
            else:
                requirement = _requirement_in(doc.text, start_of, end_of) or requirement_of(heading)
        before = [
            found
            for found in roles
            if found[1] <= match.start
            and not (listed and _WORKED_WITH.search(doc.text, max(start, found[0] - 24), found[0]))
        ]
        while len(before) > 1 and _PREDICATE.fullmatch(doc.text, before[-2][1], before[-1][0]):
            before.pop()  # 'An ML engineer is a software engineer who ...': the first is meant
        qualifiers: dict[str, Any] = {
            "canonical": match.canonical,
            "category_of_skill": match.category,
            "alias": doc.text[match.start : match.end],
        }
        if requirement:
            qualifiers["requirement"] = requirement
        subject = (duty_roles or {}).get(match.start) or (before[-1][2] if before else role)
        claims.append(_claim(subject, match.start, match.end, match.canonical, qualifiers))
    return claims


# A role named as who the work is done with or for ('pairing with data engineers on Spark',
# 'alongside data scientists'): the skill stays the page's role's.
_WORKED_WITH = re.compile(
    r"\b(?:with|alongside|beside|among|for)\s+(?:(?:the|our|other|fellow|partner)\s+)?$",
    re.IGNORECASE,
)
# Words by which a later part of a sentence speaks of the names of an earlier one.
_REFERS_BACK = re.compile(r"\b(?:them|it|these|those|either|both|one\s+of)\b", re.IGNORECASE)


def _part_of(text: str, sentence: Span, match: SkillMatch) -> tuple[int, int]:
    """The part of the sentence between semicolons, or between clauses a conjunction opens with
    a new noun phrase ('..., and a solid grounding in probability helps'), that holds the
    skill's name (a list's ', and Spark' goes on with its list)."""
    start = text.rfind(";", sentence.start, match.start) + 1 or sentence.start
    end = text.find(";", match.end, sentence.end)
    end = sentence.end if end < 0 else end
    for clause in _NEW_CLAUSE.finditer(text, start, end):
        if clause.end() <= match.start:
            start = clause.start() + 1
        elif clause.start() >= match.end:
            return start, clause.start()
    return start, end


# A conjunction after a comma that opens a clause with a noun phrase of its own.
_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|while|though)\s+(?:a|an|the|some|any|your|its|their|knowing|experience|"
    r"familiarity|exposure|knowledge)\b",
    re.IGNORECASE,
)


# What joins a role to another that only says what it is: 'An ML engineer is a software engineer'.
_PREDICATE = re.compile(r"\s+(?:is|are|was|were)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}", re.I)


def _in_clause(text: str, clause_start: int, position: int) -> bool:
    """Whether `position` falls in the degree clause starting at `clause_start`: 'degree in
    Computer Science, Statistics or a related field' ends at ';', '.' or 'and 3 years ...'."""
    if position < clause_start:
        return False
    return not _CLAUSE_END.search(text, clause_start, position)


def _claim(subject: str, start: int, end: int, text: str, qualifiers: dict[str, Any]) -> Claim:
    return Claim(
        kind="skill",
        subject=subject,
        attribute="skill",
        char_start=start,
        char_end=end,
        extractor=NAME,
        text=text,
        qualifiers=qualifiers,
    )

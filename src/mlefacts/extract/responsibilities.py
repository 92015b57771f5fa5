"""Responsibilities: the items of a responsibilities list, and duties stated in prose.

A list counts when its section heading or its lead-in line is classified as responsibilities
(`sections.classify_heading`), so 'Key duties', 'What does an X do?' and 'These
responsibilities include:' work alike and a 'Key takeaways' list does not. An item written as
'phase: description' states the phase; its nested items carry the phase as a qualifier.

In prose, a duty is a verb phrase of work done by the role: 'ML engineers build features,
train models, and work with the risk team' gives one claim per phrase, as do 'responsible for
A, B and C', 'their work includes A, B', 'their main job is to A' and 'play a key role in
A-ing'. The actor must be a role, a pronoun that refers to one, or 'you will' in a posting;
a negated or hedged sentence ('only', 'never') and a comparison of two roles give none. The
verbs and cue words live in `data/prose_terms.toml`.

What is not a duty, though it reads like one: an item of a duties list that states what the
applicant has or what the employer offers ('5+ years of Python', 'Competitive salary'); the
employer's blurb ('Our engineers build ...', 'Our mission is to ...'), unless the staff named is
the page's own role ('Our MLEs write ...'); a reader's question on a Q&A page; the steps of
getting the job and the roles listed for the reader to explore ('Related roles'). A posting
with no headings lists its duties first: the run of items that open with a work verb.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.extract.claim import Claim, evidence
from mlefacts.extract.comparisons import contrasted
from mlefacts.extract.context import (
    Sentence,
    find_roles,
    phrase_alternation,
    prose_spans,
    read_each,
    time_share,
    vocabulary,
)
from mlefacts.extract.cues import Keys, declare, holding_masks, may_hold, word_keys
from mlefacts.extract.grammar import (
    Role,
    cue_pattern,
    prose_terms,
    role_mention_keys,
    roles_in,
    sentence_roles,
    sentences_with_previous,
    states_a_figure,
)
from mlefacts.extract.sections import (
    SectionType,
    block_section_types,
    classify_heading,
    clean_text,
    column_described,
    content_span,
    described_as_duties,
    document_role,
    item_text,
    lead_in_type,
    section_role,
    skip_space,
    vocabulary_pattern,
    vocabulary_regex,
)
from mlefacts.extract.titles import find_titles
from mlefacts.extract.verbs import VerbMatch, find_verbs, verb_at
from mlefacts.normalize.text import folded_page, normalize_subject
from mlefacts.toml_files import load_data

NAME = "responsibilities"
VERSION = "10"

# 'phase name: description' - a short lead phrase before the first colon.
_LEAD = re.compile(r"\s*([^:.!?]{3,160}?)\s*:\s+\S")
_MAX_LEAD_WORDS = 16
# 'responsible for A, B and C'; 'not responsible for' states no duty.
_RESPONSIBLE_FOR = re.compile(r"(?<![\w])(not\s+|solely\s+|only\s+)?responsible\s+for\s+", re.I)
# 'they engage in activities such as A, B and C': the tasks are listed after the noun.
_TASK_NOUNS = ("activities", "tasks", "duties", "responsibilities")
_TASKS_SUCH_AS = re.compile(
    rf"\b(?:{'|'.join(_TASK_NOUNS)})\s+(?:such\s+as|like|including)\s+", re.I
)
# 'their main job is to A'; 'the engineer is to A'; 'the most common duties were to A'.
_BE = ("is", "are", "was", "were")
_IS_TO = re.compile(rf"\b(?:{'|'.join(_BE)})\s+to\s+", re.I)
# 'managers want ML engineers to A, B and C': what an employer wants the role it names to do.
_WANTING = ("want", "expect", "need", "ask", "hire")
_WANTED_TO = re.compile(
    rf"\b(?:{'|'.join(_WANTING)})(?:s|ed|ing)?\s+(?P<who>(?:[\w/&-]+\s+){{1,5}}?)to\s+", re.I
)
# An imperative may follow a short framing clause: 'In the case of errors, fix them'.
# 'What they do: design, train and maintain models': a label naming duties, then the duties.
_LABEL = re.compile(r"\W*([^:.;]{3,60}?)\W*:[*_]*\s+")
_IMPERATIVE_LEAD = re.compile(r"[^,.;:]{3,60},\s+")
_HELP = re.compile(r"\bhelps?\s+(?:to\s+)?$", re.I)
_MODAL = re.compile(r"\b(?:will|would|help|helps|to)\b|['’](?:ll|d)\b", re.I)
_SEPARATOR = re.compile(
    r"\s*(?:,|;|:)\s*(?:(?:and|or|as well as|and also|and then|then)\s+)?|\s+while\s+(?:also\s+)?"
)
_COORDINATION = re.compile(r"\s*(?:,|;)\s*(?:(?:and|or|as well as)\s+)?")
_FINAL_CONJUNCTION = re.compile(r"\s+(?:and|or)\s+")
# '... before production and while in production': a framing phrase, not another item.
_FRAMING = re.compile(r"(?:while|when|before|after|during|in|on|at|as|then)\b", re.I)
_UNSPECIFIED_ROLE = "unspecified role"
# Sections whose sentences are never a role's duties: what an employer or a course offers the
# reader (a 'Key takeaways' aside restates duties and is read).
_NOT_DUTIES = frozenset({"offer"})
# How far before a verb its actor and bridging words are looked for, in characters.
_WINDOW = 80
# How far back 'they' looks for the role it refers to, past a heading, in characters.
_LOOKBACK = 400
# 'engineers on call also triage', 'an ML engineer on this team spends': a short phrase between
# the actor and its verb.
_POSTMODIFIER = re.compile(r"\s+(?:on|in|at|within|across)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
_POSTMODIFIER_BEFORE = re.compile(r"\s+(?:on|in|at|within|across)(?:\s+[\w-]+){1,3}$", re.I)
# 'Their duties range from A to B': the two ends are two duties.
_RANGE_FROM = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s*$", re.I)
# 'and retrain them', 'and find uses for existing ones': the second phrase refers back to the
# first one's object, so both are one duty.
_SAME_OBJECT = re.compile(r"\b(?:them|it|ones|those)\b", re.I)
# 'to scale X and handle Y': inside a purpose clause 'and' joins its infinitives.
_INFINITIVE = re.compile(r"\bto\s+\w+", re.I)
# Actor words that take a plural verb ('they build'); every other actor takes '-s' ('she builds').
_PLURAL_ACTORS = frozenset(
    {
        "they",
        "you",
        "we",
        "engineers",
        "these professionals",
        "such professionals",
        "these engineers",
        "such engineers",
        "these specialists",
        "these experts",
        "i",
    }
)
_JOINING = frozenset({"and", "or", "also", "then", "being", "able", "to", "be"})
# A sentence the splitter missed ('platforms. *The possibilities ...') ends a phrase.
_SENTENCE_END = re.compile(r"[.!?]\s+\W*[A-Z]")


def extract(doc: Document) -> list[Claim]:
    """Responsibility claims from lists in responsibilities sections and from prose."""
    return list(_extract(doc))


def prose_duty_spans(doc: Document) -> tuple[tuple[int, int, str], ...]:
    """Where the page states a role's duties in prose, and whose ('ML engineers build
    pipelines, deploy models behind APIs and ...'): the skills a duty names are that role's,
    as a duty item's are."""
    return tuple(
        (c.char_start, c.char_end, c.subject)
        for c in _extract(doc)
        if "source_phrase" in c.qualifiers and c.subject
    )


@lru_cache(maxsize=8)
def listed_duties(doc: Document) -> frozenset[int]:
    """The list items read as duties though no heading or lead-in calls them so (a posting's
    unheaded duties, a role's heading over its work, 'The work' / 'They:' over work verbs):
    the skills such an item names are the role's, as a duties section's items' are."""
    types = block_section_types(doc)
    return (
        _unheaded_duties(doc, types)
        | _role_heading_duties(doc, types)
        | _verb_led_duties(doc, types)
    )


@lru_cache(maxsize=8)
def _extract(doc: Document) -> tuple[Claim, ...]:
    """`extract`, once per document: the skills extractor asks for its duties' spans."""
    try:
        types = block_section_types(doc)
        role = document_role(doc) or _UNSPECIFIED_ROLE
        by_block: dict[int, list[tuple[Sentence, Sentence | None]]] = {}
        for pair in sentences_with_previous(doc):
            by_block.setdefault(pair[0].block_index, []).append(pair)
    except Exception:  # a malformed document yields nothing rather than failing the run
        return ()
    positions = _list_positions(doc)
    advice = _career_sections(doc)
    unheaded = listed_duties(doc)
    ranked = other_ranked_roles(doc)
    cued = _sentence_cues(doc)
    postings = _posting_sections(doc)

    def read_block(index: int) -> list[Claim]:
        block = doc.blocks[index]
        if block.boilerplate or block.kind not in ("paragraph", "list_item"):
            return []
        if types[index] in _NOT_DUTIES or index in advice:
            return []  # benefits, a course's modules, how to get the job: advice to the reader
        if block.section in ranked or _asks(doc, block):
            return []  # another role's blurb in a ranking of roles; a reader's question
        sentences = by_block.get(index, [])
        if index in unheaded:  # a posting's duties listed under no heading at all
            return _item_claims(doc, index, positions[index], role)
        if block.kind == "paragraph" and block.section in postings and types[index] == "other":
            orders = [pair for pair in sentences if _opens_with_order(doc, pair[0])]
            rest = [pair for pair in sentences if pair not in orders]
            return [  # a posting's summary: 'Build and ship the pricing models ...'
                *_prose_claims(doc, orders, "responsibilities", postings[block.section], cued),
                *_prose_claims(doc, rest, types[index], role, cued),
            ]
        if block.kind != "list_item" or types[index] != "responsibilities":
            return _prose_claims(doc, sentences, types[index], role, cued)
        if _timed(doc, block):  # 'Morning: check dashboards, fix the pipeline'
            return _prose_claims(doc, sentences, types[index], role, cued)
        lead = _lead_span(doc.text, *content_span(doc, block))
        described = [pair for pair in sentences if lead and pair[0].start >= lead[1]]
        return [
            *_item_claims(doc, index, positions[index], role),
            *_prose_claims(doc, described, types[index], role, cued),
        ]

    claims = read_each(doc, doc.tables, lambda table: _table_claims(doc, table, role), name=NAME)
    claims += read_each(doc, range(len(doc.blocks)), read_block, name=NAME)
    return tuple(_distinct(claims))


def _table_claims(doc: Document, table: Table, role: str) -> list[Claim]:
    """A 'Role | What they do' table: each row's duties are its own role's (the row label's,
    else the page's), one claim per coordinated verb phrase of its duties cell (per sentence
    of a phrase or cell too long to quote); an 'Activity | Share of an average week' table:
    each row's activity is a duty of the page's role, as is each work a 'Task | Share of
    respondents' table's row names ('Deploying and serving models')."""
    claims: list[Claim] = []
    timed = any(time_share(doc.span_text(cell)) for cell in table.header[1:])
    tasks = bool(table.header) and _pattern("task_columns").fullmatch(
        clean_text(doc.span_text(table.header[0]))
    )
    if timed or tasks:
        # 'Activity | Share of an average week': each row is an activity of the page's role
        for position, row in enumerate(table.rows, start=1):
            label = row[0]
            if not (
                timed or verb_at(doc.text, skip_space(doc.text, label.start, label.end), label.end)
            ):
                continue  # a 'Task' column's row that names no work ('Other')
            text = item_text(doc.span_text(label))
            if text and not states_a_figure(doc.text, label.start, label.end):
                qualifiers = {"position": position, "source_phrase": "table"}
                claims.append(_claim(role, row[0].start, row[0].end, text, qualifiers))
    for column in _duty_columns(doc, table):
        for row in table.rows:
            label, cell = row[0], row[column]
            if column_described(doc, table, column) and not described_as_duties(
                doc.text, cell.start, cell.end
            ):
                continue  # 'Role | Description' with 'A developer who ...': a definition
            claims.extend(_cell_duties(doc, cell, _row_role(doc, table, label) or role))
    labelled = not roles_in(doc.text, table.header[0].start, table.header[0].end)
    for row in table.rows:  # 'Aspect | ML engineer | Data scientist' over 'Day to day | ...'
        if not labelled or len(row) < 2:
            break  # a first column that is a role's own is no column of labels
        if classify_heading(clean_text(doc.span_text(row[0]))) != "responsibilities":
            continue
        for header, cell in zip(table.header[1:], row[1:], strict=False):
            named = roles_in(doc.text, header.start, header.end)
            if named and cell.end > cell.start:
                claims.extend(_cell_duties(doc, cell, named[0][2]))
    return claims


def _cell_duties(doc: Document, cell: Span, subject: str) -> list[Claim]:
    """The duties a table cell states, one claim per coordinated verb phrase (per sentence of
    a phrase or cell too long to quote); none for a cell that states a figure."""
    start, end = cell.start, cell.end
    if states_a_figure(doc.text, start, end):
        return []
    verb = verb_at(doc.text, skip_space(doc.text, start, end), end)
    phrases = _verb_phrases(doc.text, start, end) if verb else [(start, end)]
    items = [quote for phrase in phrases for quote in evidence(doc.text, *phrase)]
    claims = []
    for position, (item_start, item_end) in enumerate(items, start=1):
        text = item_text(doc.text[item_start:item_end])
        if text:
            qualifiers = {"position": position, "source_phrase": "table"}
            claims.append(_claim(subject, item_start, item_end, text, qualifiers))
    return claims


def _row_role(doc: Document, table: Table, label: Span) -> str | None:
    """The role a row label names; under a 'Role' column any short label is one ('Product
    manager'), elsewhere ('Stage | Tasks') the duties are the page's role's."""
    named = roles_in(doc.text, label.start, label.end)
    if named:
        return named[0][2]
    header = clean_text(doc.text[table.header[0].start : table.header[0].end])
    text = clean_text(doc.text[label.start : label.end])
    if _pattern("role_columns").fullmatch(header) and 0 < len(text.split()) <= 4:
        return normalize_subject(text)
    return None


def _duty_columns(doc: Document, table: Table) -> list[int]:
    """The columns after the first whose header names duties ('What they do',
    'Responsibilities') or a description ('Description', see `column_described`)."""
    return [
        index
        for index, span in enumerate(table.header[1:], start=1)
        if classify_heading(clean_text(doc.text[span.start : span.end])) == "responsibilities"
        or column_described(doc, table, index)
    ]


# An unheaded list opens with at least this many duties ('Train and evaluate ...', 'Build ...').
_MIN_UNHEADED_DUTIES = 3


def _unheaded_duties(doc: Document, types: tuple[SectionType, ...]) -> frozenset[int]:
    """The items of a list under no heading (or only the page title) and no lead-in, on a page
    about a role, that open the list with a work verb one after another, at least three of
    them: a job board's posting that lists duties, then requirements, with no headings
    ('Train and evaluate ranking models', 'Build feature pipelines', ...). The run ends at
    the first item that does not open so ('3+ years of ...')."""
    if document_role(doc) is None:
        return frozenset()
    found: set[int] = set()
    lists: list[list[int]] = [[]]
    for index, block in enumerate(doc.blocks):
        if block.kind != "list_item":
            lists.append([])
        elif block.parent is None:  # a top-level item with no lead-in paragraph
            lists[-1].append(index)
    for items in lists:
        if not items or not all(_unheaded(doc, doc.blocks[i], types[i]) for i in items):
            continue
        run = list(itertools.takewhile(lambda i: _opens_with_duty(doc, doc.blocks[i]), items))
        if len(run) >= _MIN_UNHEADED_DUTIES:
            found.update(run)
    return frozenset(found)


@lru_cache(maxsize=8)
def _posting_sections(doc: Document) -> dict[int, str]:
    """The headings that title a job posting, and the role each posts: a heading that names a
    role over a short line of a posting's terms ('Senior Data Engineer, Payments' / 'Leeds ·
    Hybrid'), as a job board's cards or a posting's page open. A summary under it that opens
    with a work verb ('Build and ship the pricing models ...') says what the hire will do, as
    a duties section does."""
    terms = vocabulary("salary_terms", "salary_words", "posting_header")
    found: dict[int, str] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind != "heading" or block.boilerplate:
            continue
        roles = find_roles(doc.span_text(block))
        below = doc.blocks[index + 1 : index + 1 + _POSTING_HEADER_LINES]
        if roles and any(
            line.section == index
            and line.end - line.start <= _POSTING_TERMS_LINE
            and terms.search(doc.span_text(line))
            for line in below
        ):
            found[index] = roles[0][2]
    return found


# How many lines under a posting's title its terms line may come (company, place, terms),
# and how long such a line is at most ('Bengaluru, Karnataka, India · Full-time · Hybrid').
_POSTING_HEADER_LINES = 3
_POSTING_TERMS_LINE = 80


def _opens_with_order(doc: Document, sentence: Sentence) -> bool:
    """Whether a sentence opens with a work verb in its base form that is not a weak one
    ('Curate training data, ...'; not 'Work on ...', 'Apply now'), past a plain-words opener
    ('Put simply, the role means ...' explains; 'In short, ship what you test' orders)."""
    opener = _plain_words_opener().match(doc.text, sentence.start, sentence.end)
    at = opener.end() if opener else sentence.start
    return _order_at(doc.text, at, sentence.end) is not None


def _order_at(text: str, position: int, end: int) -> VerbMatch | None:
    """The work verb at `position` if it gives an order: its base form, not a weak verb, not
    an aside to the reader ('Keep in mind that ...')."""
    verb = verb_at(text, position, end)
    if verb is None or verb.form != "base" or verb.base in _weak_verbs():
        return None
    return None if _reader_aside().match(text, position, end) else verb


@cache
def _reader_aside() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{phrase_alternation(prose_terms()['responsibility']['reader_asides'])})\b", re.I
    )


@cache
def _plain_words_opener() -> re.Pattern[str]:
    openers = phrase_alternation(prose_terms()["definition"]["openers"])
    return re.compile(rf"[*_\s]*(?:{openers})\s*,\s*", re.I)


def _role_heading_duties(doc: Document, types: tuple[SectionType, ...]) -> frozenset[int]:
    """The items of a list under a heading that is a role's name alone ('## The machine
    learning engineer', '## Data scientist') when every item opens with a work verb
    ('Packages models as versioned services', 'Builds training pipelines'): the duties of
    that role, which `_item_claims` gives to the heading's role."""
    found: set[int] = set()
    items: dict[int, list[int]] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind == "list_item" and block.section is not None and types[index] == "other":
            items.setdefault(block.section, []).append(index)
    cards: list[list[int]] = []  # one work item under each of many job titles
    for heading, listed in items.items():
        title = doc.span_text(doc.blocks[heading])
        if not (_names_role_alone(title) or _names_role_alone(_job_title(title))):
            continue
        if not all(_opens_with_work_verb(doc, doc.blocks[i]) for i in listed):
            continue
        if len(listed) >= _MIN_ROLE_DUTIES:
            found.update(listed)
        else:
            cards.append(listed)
    if len(cards) >= _MIN_JOB_CARDS:
        # a job board's results: each posting's title over the one duty its snippet quotes
        # ('1. Senior Machine Learning Engineer' / 'Own demand-forecasting pipelines end to end')
        found.update(index for listed in cards for index in listed)
    return frozenset(found)


def _job_title(heading: str) -> str:
    """A posting's title as the role it names: without its number in a list of results, its
    level, grade or note ('1. Senior Machine Learning Engineer', 'ML Engineer II', 'Machine
    Learning Engineer (Contract)' -> the role's name)."""
    return _TITLE_EXTRAS.sub(" ", clean_text(heading)).strip()


# A job title's parts around its role's name: a list number, level words, a grade, a bracket.
_TITLE_EXTRAS = re.compile(
    r"^\s*\d{1,3}[.)]\s*|\b(?:senior|junior|lead|staff|principal|sr\.?|jr\.?)\s+"
    r"|\s+(?:I{1,3}|IV|V)\s*$|\s*\([^()]{1,30}\)\s*$",
    re.IGNORECASE,
)
# How many job titles, each over one work item, make a page of postings' results.
_MIN_JOB_CARDS = 3


def _verb_led_duties(doc: Document, types: tuple[SectionType, ...]) -> frozenset[int]:
    """The items of a list whose own heading and lead-in name no section ('The work', 'For the
    first three months you will:'), in a section of no kind or of skills by inheritance ('What
    employers want' / 'The work'), on a page about a role, when at least three items and every
    item open with a work verb ('Design training pipelines', 'Deploys models', 'Hardening
    CI/CD'): a role's duties however the heading words them."""
    if document_role(doc) is None:
        return frozenset()
    lists: dict[tuple[int | None, int | None], list[int]] = {}
    for index, block in enumerate(doc.blocks):
        if (
            block.kind == "list_item"
            and block.level == 0
            and _names_no_section(doc, block, types[index])
        ):
            lists.setdefault((block.section, block.parent), []).append(index)
    found: set[int] = set()
    for items in lists.values():
        if len(items) >= _MIN_UNHEADED_DUTIES and all(
            _opens_with_work_verb(doc, doc.blocks[i], forms=("base", "s", "ing"))
            and not _READER.search(doc.span_text(doc.blocks[i]))
            for i in items
        ):
            found.update(items)
    return frozenset(found)


# An item that speaks to the reader ('Compare their openings in your city') is advice.
_READER = re.compile(r"\byou(?:r|rs|rself)?\b", re.IGNORECASE)


def _names_no_section(doc: Document, block: Block, section: SectionType) -> bool:
    """Whether a list item is in a section of no kind, or of skills only by an enclosing
    heading (its own heading and lead-in name none), or of pay or a market with a lead-in of
    its own that names no list ('The best-paid engineers describe similar work. They:')."""
    if section == "other":
        return True
    if section in ("salary", "market"):  # 'What moved pay' / 'Top earners describe ... They:'
        return lead_in_type(doc, block) in ("other", "salary", "market")
    if section != "skills" or lead_in_type(doc, block) not in (None, "other"):
        return False
    return block.section is not None and (
        classify_heading(doc.span_text(doc.blocks[block.section])) == "other"
    )


_MIN_ROLE_DUTIES = 2
# A heading's words around a role's name that leave it the role's name alone.
_ROLE_HEADING_FILLER = re.compile(r"^\W*(?:the|an?)\s+|\W+$", re.IGNORECASE)


def _names_role_alone(heading: str) -> bool:
    """'The machine learning engineer', 'Data Scientist:', not 'Machine learning engineer pay'."""
    name = _ROLE_HEADING_FILLER.sub("", clean_text(heading))
    roles = find_roles(name)
    return len(roles) == 1 and (roles[0][0], roles[0][1]) == (0, len(name))


def _opens_with_work_verb(
    doc: Document, block: Block, forms: tuple[str, ...] = ("base", "s")
) -> bool:
    """Whether an item opens with a work verb in one of `forms` ('Build', 'Builds')."""
    start, end = content_span(doc, block)
    verb = verb_at(doc.text, start, end)
    return verb is not None and verb.form in forms


def _unheaded(doc: Document, block: Block, section: SectionType) -> bool:
    """Whether a block is under no heading but the page title, in no named section."""
    if section != "other":
        return False
    return block.section is None or doc.blocks[block.section].level <= 1


def _opens_with_duty(doc: Document, block: Block) -> bool:
    """Whether an item opens with a work verb in its base form ('Build', 'Run')."""
    start, end = content_span(doc, block)
    verb = verb_at(doc.text, start, end)
    return verb is not None and verb.form == "base"


def _career_sections(doc: Document) -> frozenset[int]:
    """The blocks under a heading about getting the job ('How to land the role', 'Steps to
    become an ML engineer'), below the page title: its steps ('Learn Python', 'Build a
    portfolio') advise a reader; they are no role's duties. A heading that also names the
    duties ('What does an ML engineer do, and how do you become one?') heads a duties section.
    """
    advice: set[int] = set()
    open_headings: list[tuple[int, bool]] = []  # (level, about getting the job)
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            while open_headings and open_headings[-1][0] >= block.level:
                open_headings.pop()
            text = doc.span_text(block)
            career = block.level > 1 and _career_heading(text)
            open_headings.append((block.level, career))
        elif any(map(itemgetter(1), open_headings)):
            advice.add(index)
    return frozenset(advice)


def _career_heading(text: str) -> bool:
    """A heading about getting the job, or over other roles for the reader to explore
    ('Related roles'), that does not also name the duties."""
    if cue_pattern("responsibility", "other_role_headings").search(text):
        return True
    return bool(cue_pattern("responsibility", "career_frames").search(text)) and not (
        cue_pattern("responsibility", "duty_headings").search(text)
    )


@lru_cache(maxsize=8)
def other_ranked_roles(doc: Document) -> frozenset[int]:
    """On a page that ranks roles (its title holds a ranking cue, 'Jobs on the Rise 2025', 'Top 4
    AI Careers', and two or more of its section headings name a role or a job title), the
    headings over roles other than the focus role (prose_terms `focus_roles`): their blurbs
    say what the ranking says of another role, no duty or skill of the role the dataset is
    about."""
    heads = [b for b in doc.blocks if b.kind == "heading" and b.level == 1][:1]
    title = doc.title or (doc.span_text(heads[0]) if heads else "")
    if not _ranking_title().search(title):
        return frozenset()
    titled = {
        index: found[0][2]
        for index, block in enumerate(doc.blocks)
        if block.kind == "heading"
        and block.level > 1
        and (found := find_titles(doc.span_text(block)))
    }
    if len(titled) < 2:
        return frozenset()
    focus = {normalize_subject(role) for role in prose_terms()["responsibility"]["focus_roles"]}
    return frozenset(index for index, role in titled.items() if role not in focus)


@cache
def _ranking_title() -> re.Pattern[str]:
    """A page title that says it ranks ('top', 'on the rise', 'fastest-growing', ...)."""
    return vocabulary_pattern(load_data("ranking_terms")["lists"]["cues"])


def _asks(doc: Document, block: Block) -> bool:
    """Whether a block is a reader's question on a Q&A page, by its opening label ('Question
    from Priya:', 'Q:'): what the asker does in their own job is no duty of the role."""
    return bool(_question_label().match(doc.text, *content_span(doc, block)))


@cache
def _question_label() -> re.Pattern[str]:
    """'Q:', '**Question from Priya, Bengaluru:**', 'Reader question (Tom):'."""
    labels = _pattern("question_labels").pattern
    return re.compile(rf"[\W_]*{labels}(?:[\s(][^:\n]{{0,40}})?[*_]*\s*:", re.IGNORECASE)


def _distinct(claims: list[Claim]) -> list[Claim]:
    """A duty restated later in words of the same stems ('developing X and Y across industries'
    after 'develop X and Y') is kept once: a page lists a fact once however often it says it.
    Two duties are the same when the stems of one open the other, two stems or more of them."""
    kept_keys: set[tuple[str, ...]] = set()
    openings: set[tuple[str, ...]] = set()  # the first two or more stems of each kept duty
    kept: list[Claim] = []
    for claim in claims:
        key = tuple(map(_stem, _ALNUM.findall((claim.text or "").lower())))
        heads = [key[:size] for size in range(2, len(key) + 1)]
        if key in openings or not kept_keys.isdisjoint(heads):
            continue  # it opens a kept duty, or a kept duty opens it
        kept_keys.add(key)
        openings.update(heads)
        kept.append(claim)
    return kept


_ALNUM = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s", "ed", "e"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _timed(doc: Document, block: Block) -> bool:
    """An item labelled with a time of day ('Morning: ...', '9-11 AM: ...'): the label is when,
    the duties follow it."""
    start, end = content_span(doc, block)
    lead = _lead_span(doc.text, start, end)
    return lead is not None and bool(_time_label().fullmatch(doc.text, *lead))


@cache
def _time_label() -> re.Pattern[str]:
    words = cue_pattern("responsibility", "time_labels").pattern
    clock = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[-–]\s*\d{1,2}(?:[:.]\d{2})?\s*)?(?:[ap]\.?m\.?)"
    return re.compile(rf"[*_\s]*(?:{words}|{clock})[*_\s]*", re.IGNORECASE)


def _item_claims(doc: Document, index: int, position: int, role: str) -> list[Claim]:
    block = doc.blocks[index]
    start, end = content_span(doc, block)
    lead = _lead_span(doc.text, start, end)
    quote_end = lead[1] if lead else end
    text = item_text(doc.text[start:quote_end])
    if not text or _not_a_duty(doc.text, start, end, lead):
        return []
    if lead is not None:
        text = _lowered_title(text)
    qualifiers: dict[str, Any] = {"position": position}
    parent = _parent_item(doc, block)
    if parent is not None:
        qualifiers["phase"] = _phase_of(doc, parent)
    subject = section_role(doc, block, default=role) or role
    return [_claim(subject, start, quote_end, text, qualifiers)]


def _lowered_title(label: str) -> str:
    """A label written in title case, in the case of the duties written as sentences: 'model
    Building' (`item_text` lowers its first letter) reads 'model building'; a name written
    otherwise ('PyTorch', 'MLOps', 'ML') keeps its capitals.

    >>> _lowered_title("model Building"), _lowered_title("end-to-End Design & Serving")
    ('model building', 'end-to-end design & serving')
    >>> _lowered_title("tune PyTorch Models for ML")
    'tune PyTorch models for ML'
    """
    return _TITLE_WORD.sub(lambda word: word.group().lower(), label)


# A word (or a hyphenated part) written with a capital first letter and the rest lower case.
_TITLE_WORD = re.compile(r"(?<![\w])[A-Z][a-z]+(?![\w])")


def _not_a_duty(text: str, start: int, end: int, lead: tuple[int, int] | None) -> bool:
    """Whether an item of a duties list states a requirement or an offer: postings mix them
    into their duties list ('You have 7+ years of experience', 'Fluent English; German is a
    plus', 'Competitive salary and stock options'). An item that opens with a work verb is a
    duty ('Manage the pension data feeds'); so is a noun phrase with none of the cues
    ('Ownership of the feature store').

    >>> _not_a_duty("Strong programming skills: Python", 0, 34, (0, 25))
    True
    >>> _not_a_duty("Own the fraud model lifecycle", 0, 29, None)
    False
    """
    openings = [skip_space(text, start, end)]
    if lead is not None:  # 'Domain expertise: Deep understanding of ...'
        openings.append(skip_space(text, lead[1] + 1, end))
    if _pattern("not_duty_phrases").match(text, openings[0], end):
        return True  # 'Other duties as assigned'
    for at in openings:
        verb = verb_at(text, at, end)
        if verb is not None and verb.form in ("base", "s", "ing"):
            return False
    if any(_not_duty_opening().match(text, at, end) for at in openings):
        return True
    item = text[start:end].rstrip(" .;:!*_")
    return bool(_pattern("offer_words").search(item) or _preference_end().search(item))


@cache
def _not_duty_opening() -> re.Pattern[str]:
    """An item's opening that states a requirement or an offer, or a number of years."""
    words = _pattern("not_duty_openings").pattern
    return re.compile(rf"[*_\s]*(?:{words}|\d+\s*\+?\s*(?:years?|yrs)\b)", re.IGNORECASE)


@cache
def _preference_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{_pattern('preference_endings').pattern})\W*$", re.IGNORECASE)


def _prose_claims(
    doc: Document,
    sentences: list[tuple[Sentence, Sentence | None]],
    section: SectionType,
    role: str,
    cued: dict[int, frozenset[str]],
) -> list[Claim]:
    """Responsibilities stated in sentences: one claim per coordinated verb phrase (`cued`:
    the document's `_sentence_cues`)."""
    claims: list[Claim] = []
    for sentence, previous in sentences:
        cues = cued.get(sentence.start, frozenset())
        if section != "responsibilities" and cues.isdisjoint(_ACTING):
            continue  # no one does anything here: most sentences of a page
        # The rare sentence that states work is found first; the checks that rule it out follow.
        found = _work_phrase(doc, sentence, previous, section, role, cues)
        if found is None:
            continue
        own = doc.text[sentence.start : sentence.end]
        if own.rstrip(" *_").endswith((":", "?")) or states_a_figure(own):
            continue  # a lead-in, a question or a figure: the items or another kind say it
        if sentence.start in contrasted(doc):
            continue  # 'A does X, whereas B does Y' is a comparison, not a duty
        if _contrasts_a_role(doc, sentence.start, sentence.end):
            continue  # a contrast with a role the grammar did not pair is no plain duty
        subject, start, phrase = found
        if cue_pattern("responsibility", "learning_frames").search(doc.text, sentence.start, start):
            continue  # 'In the course you will build ...': a promise to a learner, not a duty
        if cue_pattern("responsibility", "career_frames").search(doc.text, sentence.start, start):
            continue  # 'To become one, you will build a portfolio': advice, not the job's duty
        if phrase == "ranges from":  # 'duties range from cleaning logs to serving predictions'
            items = _range_items(doc.text, start, sentence.end)
        elif phrase in ("responsible for", "includes"):
            items = _merge_bare_verbs(doc.text, _coordinated_items(doc.text, start, sentence.end))
        else:
            items = _verb_phrases(doc.text, start, sentence.end)
        for position, (item_start, item_end) in enumerate(items, start=1):
            text = item_text(doc.text[item_start:item_end])
            if _pattern("not_duty_phrases").match(text):
                continue  # '..., and other duties as assigned': a catch-all, no work
            if text and not _pattern("negations").match(text):  # '..., not only training them'
                qualifiers = {"position": position, "source_phrase": phrase}
                claims.append(_claim(subject, item_start, item_end, text, qualifiers))
    return claims


def _contrasts_a_role(doc: Document, start: int, end: int) -> bool:
    """'Whereas the focus of a data scientist is ...': a contrast cue shortly before a role of
    the prose sentence doc.text[start:end]."""
    if not may_hold(doc.text, start, end, _contrast_keys()):
        return False
    return any(
        _pattern("contrast").search(doc.text, max(start, role_start - 60), role_start)
        for role_start, _, _ in sentence_roles(doc, start, end)
    )


def _work_phrase(
    doc: Document,
    sentence: Sentence,
    previous: Sentence | None,
    section: SectionType,
    role: str,
    cues: frozenset[str],
) -> tuple[str, int, str] | None:
    """(subject, where the duties start, which pattern said so), or None. `cues` names the
    patterns of `_cued` whose keys the sentence holds: the others are not searched.

    Patterns, first match wins: 'responsible for A, B and C' / 'their work includes A, B';
    'their main job is to A'; 'play a key role in A-ing'; '<actor> A, B, and C' where the actor
    is a role, a pronoun that refers to one, or 'you will'; and, in a responsibilities section,
    an imperative ('Keep the feature store healthy').
    """
    text, start, end = doc.text, sentence.start, sentence.end
    actors = [match.end() for match in _finditer("actors", cues, text, start, end)]
    roles = sentence_roles(doc, start, end) if "roles" in cues else ()
    label = _LABEL.match(text, start, end) if "label" in cues else None
    if not (
        section == "responsibilities"
        or label
        or actors
        # a work noun ('their job is to ...') matters only to the phrases that name the duties
        or (not cues.isdisjoint(_LISTING) and _search("work_nouns", cues, text, start, end))
        or roles
    ):
        return None  # no one does anything here: most sentences of a page
    negations: list[int | None] = []  # where the first negation or hedge starts, once asked

    def negated(position: int) -> bool:
        """A negation or hedge before the duties: 'never responsible for', 'rarely build'."""
        if not negations:
            first = _search("negations", cues, text, start, end)
            negations.append(None if first is None else first.start())
        return negations[0] is not None and negations[0] < position

    match = _search("responsible", cues, text, start, end)
    if match is not None and not negated(match.start()) and not match.group(1):
        if _company_voice(text, start, match.start()):
            return None  # 'Our team is responsible for ...': the employer's work
        subject = _role_before(doc, sentence, previous, match.start(), role) or role
        return subject, match.end(), "responsible for"
    match = _search("list_trigger", cues, text, start, end)
    if match is not None and not negated(match.start()):
        if _company_voice(text, start, match.start()):
            return None  # 'Our work includes ...': the employer's
        subject = _role_before(doc, sentence, previous, match.start(), role) or role
        ranges = _RANGE_FROM.search(match.group())
        return subject, match.end(), "ranges from" if ranges else "includes"
    match = _search("tasks_such_as", cues, text, start, end)
    if match is not None and not negated(match.start()) and _acted(text, start, match, actors):
        subject = _role_before(doc, sentence, previous, match.start(), role) or role
        return subject, match.end(), "includes"  # 'they take on tasks such as A, B and C'
    for match in _finditer("is_to", cues, text, start, end):
        before = text[start : match.start()]
        verb = verb_at(text, match.end(), end)
        if verb is None or verb.form != "base":
            continue
        if _company_voice(text, start, match.start()):
            continue  # 'Our mission is to ...': the employer's, not the role's
        if _pattern("work_nouns").search(before) or _actor_before(text, start, match.start()):
            subject = _role_before(doc, sentence, previous, match.start(), role) or role
            return subject, match.end(), "is to"
    match = _search("role_phrases", cues, text, start, end)
    after = skip_space(text, match.end(), end) if match else end
    if match is not None and (verb := verb_at(text, after, end)) and verb.form == "ing":
        subject = _role_before(doc, sentence, previous, match.start(), role)
        if subject and not negated(after):
            return subject, after, "role in"
    # 'managers want ML engineers to take models to production, ...'; 'postings asked the
    # engineer to A': an actor word there is the role the page is about, but not the reader
    # ('employers expect you to write tested code' is what a guide says the job takes).
    for match in _finditer("wanted_to", cues, text, start, end) if _ACTORS & cues else ():
        verb = verb_at(text, match.end(), end)
        if verb is None or verb.form != "base" or negated(match.start()):
            continue
        if named := roles_in(text, match.start("who"), match.end("who")):
            return named[-1][2], match.end(), "wanted to"
        who = match.group("who").strip()
        if _actor_anywhere().fullmatch(who) and not _READER.fullmatch(who):
            subject = _role_before(doc, sentence, previous, match.start(), role) or role
            return subject, match.end(), "wanted to"
    if section == "responsibilities" and _opens_with_order(doc, sentence) and not negated(end):
        return role, start, "imperative"  # 'Curate the data, tune models with two engineers'
    for verb in _verbs_after_actors(text, end, roles, actors):
        if verb.form not in ("base", "s") or negated(verb.start):
            continue
        if _subordinate().search(text, max(start, verb.start - _WINDOW), verb.start):
            continue  # 'before you publish it': a framing clause, not the duty
        actor = _actor(doc, sentence, previous, verb, section)
        if actor is not None:
            helper = _HELP.search(text, start, verb.start)
            return actor, helper.start() if helper else verb.start, "verb phrase"
    labelled = label is not None and classify_heading(label.group(1)) == "responsibilities"
    if not (labelled or section == "responsibilities") or negated(end):
        return None
    if label is not None and labelled:
        verb = verb_at(text, label.end(), end)
        if verb is not None and verb.form in ("base", "s", "ing"):
            subject = _role_before(doc, sentence, previous, start, role) or role
            return subject, verb.start, "labelled"
    if section == "responsibilities":  # 'Model building: create and test models'
        lead = _IMPERATIVE_LEAD.match(text, start, end) or label
        if verb := _order_at(text, lead.end() if lead else start, end):
            return role, verb.start, "imperative"
    return None


def _company_voice(text: str, start: int, position: int) -> bool:
    """Whether the actor or work noun ending at `position` is the employer's: 'our' opens its
    clause, at most three words before ('Our engineers', 'Our data scientists', 'Our mission
    is'); 'you will join our team and be responsible for' is the role's.

    >>> _company_voice("Our data scientists design rules", 0, 19)
    True
    >>> _company_voice("With our team, you build", 0, 18)
    False
    >>> _company_voice("join our team and be", 0, 20)
    False
    """
    return bool(_company_owner().search(text[start:position]))


def _page_role_ends_at(doc: Document, start: int, position: int) -> bool:
    """Whether the page's own role ends at `position`: 'Our MLEs write the features' on an ML
    engineer's posting says what the posted role does there."""
    return any(
        end == position and role == document_role(doc)
        for _, end, role in roles_in(doc.text, start, position)
    )


@cache
def _company_owner() -> re.Pattern[str]:
    owners = _pattern("company_owners").pattern
    return re.compile(rf"(?:\A|[,;:(])[\W_]*{owners}(?:\s+[\w-]+){{0,3}}\s*\Z", re.IGNORECASE)


def _acted(text: str, start: int, match: re.Match[str], actors: list[int]) -> bool:
    """Whether a role or an actor word comes before the match in the sentence."""
    return any(at <= match.start() for at in actors) or bool(roles_in(text, start, match.start()))


def _verbs_after_actors(
    text: str, end: int, roles: tuple[Role, ...], actors: list[int]
) -> list[VerbMatch]:
    """Work verbs right after a role (`roles`: the sentence's) or actor word (`actors`: where
    each ends), past bridging words, in text order: only these can start a duty, so the rest
    of the sentence is never looked up."""
    ends = {r[1] for r in roles}
    ends.update(actors)
    verbs = {}
    for position in ends:
        for after in _actor_continuations(text, position, end):
            bridge = _bridge_after().match(text, after, end)
            verb = verb_at(text, bridge.end() if bridge else after, end)
            if verb is not None:
                verbs[verb.start] = verb
                break
    return [verbs[position] for position in sorted(verbs)]


def _actor_continuations(text: str, position: int, end: int) -> Iterator[int]:
    """Where the actor's verb may start after `position`: there, else past a postmodifier
    (looked for only when no verb follows the actor itself)."""
    yield position
    yield from _past_postmodifier(text, position, end)


def _past_postmodifier(text: str, position: int, end: int) -> list[int]:
    """Where a short phrase after the actor may end: 'engineers [on call] also triage',
    'an ML engineer [on this team] spends time ...' (one to three words after the preposition)."""
    match = _POSTMODIFIER.match(text, position, end)
    if match is None:
        return []
    return [match.start(1) + word.end() for word in re.finditer(r"[\w-]+", match.group(1))]


def _actor(
    doc: Document,
    sentence: Sentence,
    previous: Sentence | None,
    verb: VerbMatch,
    section: SectionType,
) -> str | None:
    """The role doing `verb`: a role or actor word right before it, past bridging words."""
    text, start = doc.text, sentence.start
    bridge = _bridge_before(text, start, verb.start)
    if bridge is None:
        return None
    bridge_start, bridge_words = bridge
    if _WHAT_ACTOR.search(text, max(start, bridge_start - _WINDOW), bridge_start):
        return None  # 'how the roles differ in what they build': the verb's object is 'what'
    if _company_voice(text, start, bridge_start) and not _page_role_ends_at(
        doc, start, bridge_start
    ):
        return None  # 'Our engineers build tools that ...': the employer's staff, a blurb
    if not _actor_ends_at(text, start, bridge_start):
        postmodifier = _POSTMODIFIER_BEFORE.search(
            text, max(start, bridge_start - 40), bridge_start
        )
        if postmodifier is not None:  # 'engineers on call also triage': the actor is before
            bridge_start = postmodifier.start()
    modal = bool(_MODAL.search(bridge_words))
    if verb.base in _weak_verbs() and not modal and section != "responsibilities":
        following = verb_at(text, skip_space(text, verb.end, sentence.end), sentence.end)
        if (following is None or following.form != "ing") and not _strong_item_after(
            text, verb, sentence.end
        ):
            return None  # 'work on projects' is vague; 'work on developing X' names the work
    roles = [r for r in roles_in(text, start, bridge_start) if r[1] == bridge_start]
    if roles:
        plural = text[roles[-1][0] : roles[-1][1]].lower().endswith("s")
        if _conjoined(text, start, roles[-1][0]):
            return None  # 'ML engineers and data scientists collaborate': shared, not a duty
        if modal or (verb.form == "base") == plural:
            return roles[-1][2]
        return None
    word = _actor_before(text, start, bridge_start)
    if word is None:
        return None
    if word == "i":  # 'I triage the alerts': the writer speaks as the role, on their own account
        return document_role(doc) if _first_person_account(doc) else None
    if word == "they" and _organization_before(text, start, bridge_start):
        return None  # '2 of 3 companies say they plan to hire ...': the companies' plan
    # the reader's work only where a modal or a duties section says so, or a heading names
    # the role they would hold ('Stage 1 · 0–1 years · Entry-level ML Engineer' / 'You clean
    # training data ...', a career stage)
    staged = word == "you" and _stage_heading_role(doc, sentence.block)
    if word in ("you", "we") and not modal and section != "responsibilities" and not staged:
        return None
    singular = word not in _PLURAL_ACTORS
    if not modal and (verb.form == "s") != singular:
        return None
    personal = singular or word in ("you", "we")  # a person in the page's role, not 'they'
    if word == "you":  # the reader in the post's role, unless their own sentence names one
        named = roles_in(text, start, bridge_start)  # 'As a data engineer, you will ...'
        return (
            named[-1][2]
            if named
            else section_role(doc, sentence.block, default=None) or (document_role(doc))
        )
    return (
        _role_before(doc, sentence, previous, bridge_start, None, singular=singular)
        or (document_role(doc) if section == "responsibilities" or personal else None)
        or _recent_role(doc, sentence.start, singular=singular)
    )


def _stage_heading_role(doc: Document, block: Block) -> bool:
    """Whether the block's section heading is a sub-heading that names a role (a career
    stage's, 'Stage 2 · 2–4 years · ML Engineer II'), not the page's own first heading (a
    posting's title over its requirements: 'You communicate clearly ...')."""
    section = block.section
    first = next((i for i, b in enumerate(doc.blocks) if b.kind == "heading"), None)
    return section is not None and section != first and bool(section_role(doc, block, default=None))


# An actor whose verb's object is 'what' before it: 'in what they build', 'what ML engineers do'.
_WHAT_ACTOR = re.compile(
    r"\bwhat\s+(?:the\s+)?(?:they|you|we|(?:[\w-]+\s+){0,2}(?:engineers?|scientists?|roles?))\s*$",
    re.IGNORECASE,
)


def _strong_item_after(text: str, verb: VerbMatch, end: int) -> bool:
    """Whether a later item of the list a weak verb opens starts with a work verb of the same
    form that is not weak: 'frame business questions, design experiments and build models'
    lists duties, so its first item is one too."""
    reach = min(end, verb.end + _LIST_REACH)
    for joint in (
        *_SEPARATOR.finditer(text, verb.end, reach),
        *_FINAL_CONJUNCTION.finditer(text, verb.end, reach),
    ):
        later = verb_at(text, joint.end(), end)
        if later is not None and later.form == verb.form and later.base not in _weak_verbs():
            return True
    return False


# How far after a weak verb the next items of its list are looked for.
_LIST_REACH = 120


@lru_cache(maxsize=8)
def _first_person_account(doc: Document) -> bool:
    """Whether the page is its writer's account of doing the role ('My week as an ML engineer',
    'A day in the life of a data scientist'): its title or first heading names a role and a
    first-person or day-in-the-life phrase, so its 'I' is the role."""
    headings = [doc.span_text(block) for block in doc.blocks if block.kind == "heading"][:1]
    titled = any(
        (roles_in(line) and _pattern("first_person_titles").search(line)) or _asks_holders(line)
        for line in (doc.title or "", *headings)
    )
    return titled or any(_says_i_am(doc.text, claim) for claim in _SAYS_I_AM.finditer(doc.text))


def _asks_holders(line: str) -> bool:
    """Whether a title asks a role's holders, named in the plural before the question, about
    their work ('Data engineers, what do you actually do?')."""
    asked = _pattern("asked_titles").search(line)
    return asked is not None and any(
        line[start:end].lower().endswith("s") for start, end, _ in roles_in(line, 0, asked.start())
    )


def _says_i_am(text: str, claim: re.Match[str]) -> bool:
    """Whether a role starts within a word or two of 'I am a' ('a senior ML engineer'), and,
    after 'As a', 'I' follows the role."""
    found = roles_in(text, claim.end(), claim.end() + 60)
    if not found or not _LEVEL_WORDS.fullmatch(text, claim.end(), found[0][0]):
        return False
    return claim.group("as") is None or bool(_I_AFTER.match(text, found[0][1]))


# 'I am an ML engineer', 'I've been an MLE', 'I work as a data engineer', 'As an MLE, I ...':
# the writer says they do the role.
_SAYS_I_AM = re.compile(
    r"\b(?:I\s+am|I['’]m|I\s+have\s+been|I['’]ve\s+been|I\s+work\s+as|(?P<as>[Aa]s))\s+an?\s+"
)
_LEVEL_WORDS = re.compile(r"(?:[A-Za-z-]+\s+){0,2}")
_I_AFTER = re.compile(r"\s*,?\s*I\b")


def _recent_role(doc: Document, position: int, *, singular: bool = False) -> str | None:
    """The role named last in the few lines before `position`: 'they' after a heading still
    refers to the engineers the paragraph above was about ('she' to no plural mention)."""
    text = doc.text
    roles = roles_in(text, max(0, position - _LOOKBACK), position)
    if singular:
        roles = [r for r in roles if not text[r[0] : r[1]].endswith("s")]
    return roles[-1][2] if roles else None


def _actor_ends_at(text: str, start: int, position: int) -> bool:
    """Whether a role or an actor word ends right at `position`."""
    ends = {r[1] for r in roles_in(text, start, position)}
    return position in ends or _actor_before(text, start, position) is not None


def _bridge_before(text: str, start: int, position: int) -> tuple[int, str] | None:
    """Where the actor must end before a verb at `position`, and the bridging words between."""
    window = max(start, position - _WINDOW)  # actor and bridge are a few words long
    match = _bridge_pattern().search(text[window:position])
    if match is None:
        return None
    return window + match.start(), match.group()


def _actor_before(text: str, start: int, position: int) -> str | None:
    match = _actor_pattern().search(text[max(start, position - _WINDOW) : position])
    return " ".join(match.group(1).lower().split()) if match else None


def _organization_before(text: str, start: int, position: int) -> bool:
    """Whether 'they' at `position` follows an organization named in its sentence with no role
    between ('companies say they plan ...', not 'companies hire engineers, and they build ...').
    """
    found = list(_pattern("organization_nouns").finditer(text, start, position))
    if not found or _PLACED_IN.search(text, max(start, found[-1].start() - 20), found[-1].start()):
        return False  # 'At the banks they write ...': where the role works, not who speaks
    return not roles_in(text, found[-1].end(), position)


# A preposition that makes the organization after it where the work happens ('at the banks',
# 'in most startups').
_PLACED_IN = re.compile(
    r"\b(?:at|in|within|across|inside)\s+(?:(?:the|most|many|some|large|larger|small|smaller)\s+)*$",
    re.IGNORECASE,
)


def _conjoined(text: str, start: int, role_start: int) -> bool:
    return bool(re.search(r"(?:\band|\bboth|&)\W*(?:the\s+)?$", text[start:role_start], re.I))


def _role_before(
    doc: Document,
    sentence: Sentence,
    previous: Sentence | None,
    position: int,
    default: str | None,
    *,
    singular: bool = False,
) -> str | None:
    """The last role named before `position` in the sentence's block, else in the sentence
    before it, else the section heading's role, else `default`. A `singular` actor ('she')
    never refers back to a plural mention ('the data scientists'), and no actor to the object
    of a preposition ('They pick architectures with data scientists. Day to day, they also
    review pull requests': 'they' are not the data scientists)."""
    text = doc.text

    def named(start: int, roles: Sequence[Role]) -> list[Role]:
        """The `roles` found from `start` on that may act (see `_OBJECT_OF`, `singular`)."""
        found = [r for r in roles if not _OBJECT_OF.search(text, start, r[0])]
        return [r for r in found if not text[r[0] : r[1]].endswith("s")] if singular else found

    start = min(sentence.block.start, sentence.start)
    roles = named(start, roles_in(text, start, position))
    if roles:
        return roles[-1][2]
    if previous is not None:
        roles = named(previous.start, sentence_roles(doc, previous.start, previous.end))
        if roles:
            return roles[-1][2]
    return section_role(doc, sentence.block, default=default)


# A preposition right before a role: the role is its object, not who acts ('with data
# scientists', 'alongside the analysts').
_OBJECT_OF = re.compile(
    r"\b(?:with|alongside|to|for|from|than|like|by|between|among|against|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _verb_phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of coordinated verb phrases: 'build A, train B, and deploy C' gives three.

    A comma splits only before another work verb, so 'industries, such as finance' stays one
    phrase; a bare verb joins the phrase after it ('design, train and maintain models' is one
    duty, as is 'clean and label data').
    """
    stop = _SENTENCE_END.search(text, start, end)
    end = stop.start() if stop else end
    colon = text.find(": ", start, end)
    if colon > start and _NEW_CLAUSE.match(text, colon + 2, end):
        end = colon  # 'own the ETA models: most of my week is feature work': a clause of its own
    while end > start and text[end - 1] in ".!?;:*_ \u00a0":
        end -= 1
    first = verb_at(text, start, end)
    cuts: list[tuple[int, int]] = []
    for separator in _SEPARATOR.finditer(text, start, end):
        verb = verb_at(text, separator.end(), end)
        if verb is None and (resumed := _resumed_verb(text, separator.end(), end)) is not None:
            cuts.append((separator.start(), resumed.start))  # '..., then I triage alerts'
            continue
        semicolon = separator.group().strip().startswith(";")
        if verb is None and semicolon:
            end = separator.start()  # '...; the most-requested tools were X': a new clause
            break
        if verb is not None and separator.group().strip().startswith("while"):
            same = verb.form == "ing"  # '..., while also helping them by ...'
        else:
            same = verb is not None and (first is None or _form_class(verb) == _form_class(first))
        if semicolon or same:
            cuts.append((separator.start(), separator.end()))
    spans: list[tuple[int, int]] = []
    cursor = start
    for cut_start, cut_end in cuts:
        spans.append((cursor, cut_start))
        cursor = cut_end
    spans.append((cursor, end))
    return _merge_bare_verbs(text, [piece for span in spans for piece in _split_and(text, *span)])


# A clause with a subject and a verb of its own after a colon ('most of my week is ...'); a list
# of nouns ('three systems: the warehouse, ...') or of duties ('they source data, ...', 'build
# pipelines, tune Spark') goes on with the phrase.
_NEW_CLAUSE = re.compile(r"(?:[\w'’-]+\s+){1,4}(?:is|are|was|were|has|have|had)\b", re.I)


def _resumed_verb(text: str, position: int, end: int) -> VerbMatch | None:
    """The work verb of a clause that names its actor again: '..., then I triage the alerts',
    '..., and they retrain it': the next duty starts at the verb."""
    opener = _RESUMING.match(text, position, end)
    if opener is None:
        return None
    actor = _actor_anywhere().match(text, opener.end(), end)
    if actor is None:
        return None
    bridge = _bridge_after().match(text, actor.end(), end)
    verb = verb_at(text, bridge.end() if bridge else actor.end(), end)
    return verb if verb is not None and verb.form in ("base", "s") else None


# '..., then I triage': words that resume the sentence before its new actor.
_RESUMING = re.compile(r"(?:(?:and\s+)?then\s+|and\s+)?", re.I)


def _split_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'conducts code reviews and guides interns' is two duties, and so is 'serve it behind
    APIs and watch it in production'; 'monitor models and retrain them' (the same object
    again), 'to scale X and handle Y' (one purpose) and 'design and build X' (a bare verb) are
    one."""
    first = verb_at(text, start, end)
    if first is None:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    for conjunction in _FINAL_CONJUNCTION.finditer(text, start, end):
        if conjunction.group().strip() != "and":
            continue
        verb = verb_at(text, conjunction.end(), end)
        resumed = _resumed_verb(text, conjunction.end(), end) if verb is None else None
        if resumed is not None:  # '... for the fraud models and I review drift reports'
            pieces.append((start, conjunction.start()))
            start = resumed.start
            continue
        if verb is None or verb.form != first.form or _bare_verb(text, start, conjunction.start()):
            continue
        if _SAME_OBJECT.search(text, verb.end, end) and not _SAME_OBJECT.search(
            text, start, conjunction.start()
        ):  # 'retrain them' refers to what the duty before names; 'serve it ... and watch it
            # in production' refers to what both refer to
            continue
        if _INFINITIVE.search(text, start, conjunction.start()):
            continue
        pieces.append((start, conjunction.start()))
        start = conjunction.end()
    pieces.append((start, end))
    return pieces


def _merge_bare_verbs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A bare verb joins the phrase after it: 'design, train and maintain models' is one duty."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for span_start, span_end in spans:
        if span_end <= span_start:
            continue
        if _bare_verb(text, span_start, span_end):
            pending = span_start if pending is None else pending
            continue
        merged.append((span_start if pending is None else pending, span_end))
        pending = None
    if pending is not None and spans:
        merged.append((pending, spans[-1][1]))
    return merged


def _range_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'cleaning raw logs to serving predictions behind APIs': each end of the range is a duty;
    the cut is the 'to' before a verb of the first end's form ('to' + noun stays inside)."""
    first = verb_at(text, start, end)
    for cut in re.finditer(r"\s+to\s+", text[start:end]):
        verb = verb_at(text, start + cut.end(), end)
        if first is not None and verb is not None and verb.form == first.form:
            head = _coordinated_items(text, start, start + cut.start())
            return [*_merge_bare_verbs(text, head), *_coordinated_items(text, verb.start, end)]
    return _merge_bare_verbs(text, _coordinated_items(text, start, end))


@cache
def _subordinate() -> re.Pattern[str]:
    """A subordinator a few words before a verb, no comma between: 'before you publish'; one
    that is also a preposition only before a subject ('After lunch she writes' is no clause)."""
    terms = prose_terms()["responsibility"]
    prepositions = set(terms["prepositions"])
    words = vocabulary_regex([w for w in terms["subordinators"] if w not in prepositions])
    openers = vocabulary_regex(terms["clause_openers"])
    before = vocabulary_regex(sorted(prepositions))
    return re.compile(
        rf"(?:(?:{words})(?:\s+[^\s,;:]+){{1,3}}"
        rf"|(?:{before})\s+(?:{openers})(?:\s+[^\s,;:]+){{0,2}})\s*$",
        re.IGNORECASE,
    )


def _coordinated_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of 'A, B, and C' (or 'A, B and C') up to the sentence end.

    Without commas the phrase is one item: 'designing and building models' is one duty.
    """
    while end > start and text[end - 1] in ".!?;: \u00a0":
        end -= 1
    spans: list[tuple[int, int]] = []
    cursor = start
    oxford = False
    for separator in _COORDINATION.finditer(text, start, end):
        if separator.start() > cursor:
            spans.append((cursor, separator.start()))
        cursor = separator.end()
        oxford = bool(separator.group().strip(" ,;"))
    if end > cursor:
        spans.append((cursor, end))
    if len(spans) >= 2 and not oxford:
        last_start, last_end = spans.pop()
        final = [
            conjunction
            for conjunction in _FINAL_CONJUNCTION.finditer(text, last_start, last_end)
            if not _FRAMING.match(text, conjunction.end(), last_end)
        ]
        if final:
            spans.extend([(last_start, final[-1].start()), (final[-1].end(), last_end)])
        else:
            spans.append((last_start, last_end))
    return spans


def _form_class(verb: VerbMatch) -> str:
    """Coordinated verbs share a form: 'build X, train Y' (finite) or 'building X, training Y'."""
    return "finite" if verb.form in ("base", "s") else verb.form


def _bare_verb(text: str, start: int, end: int) -> bool:
    """'design' or 'being able to build': verbs and joining words, with no object."""
    verbs = find_verbs(text, start, end)
    if not verbs or text[start:end].strip() == "":
        return False
    if any(verb.form != verbs[0].form for verb in verbs):
        return False  # 'designing and testing models': 'models' is the object, not a verb
    rest = text[start:end]
    for verb in reversed(verbs):
        rest = rest[: verb.start - start] + " " + rest[verb.end - start :]
    return all(word.lower() in _JOINING for word in re.findall(r"[\w'-]+", rest))


@cache
def _pattern(key: str) -> re.Pattern[str]:
    vocabulary = prose_terms()["responsibility"]
    if key == "contrast":
        terms = prose_terms()["comparison"]
        return vocabulary_pattern(["whereas", *terms["lead_cues"], *terms["adverb_cues"]])
    if key == "list_trigger":
        nouns = vocabulary_regex(vocabulary["work_nouns"])
        verbs = vocabulary_regex(vocabulary["list_verbs"])
        return re.compile(
            rf"{nouns}(?:\s+(?:of|as)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){{0,3}})?\s+"
            rf"(?:(?:\w+ly|also|often)\s+)?{verbs}(?:\s+(?:being\s+able\s+to|the\s+following))?"
            r"\s+",
            re.IGNORECASE,
        )
    return cue_pattern("responsibility", key)


@cache
def _contrast_keys() -> Keys | None:
    terms = prose_terms()["comparison"]
    return word_keys(["whereas", *terms["lead_cues"], *terms["adverb_cues"]])


# The patterns one of which names who does the work: a sentence holding none states no duty
# (outside a responsibilities section).
_ACTING = frozenset({"label", "actors", "work_nouns", "roles"})
_ACTORS = frozenset({"actors", "roles"})


@lru_cache(maxsize=8)
def _sentence_cues(doc: Document) -> dict[int, frozenset[str]]:
    """For each prose sentence (by its start), the patterns of `_cued` whose keys it holds."""
    spans = prose_spans(doc)
    names = (*_CUED, "roles")
    keys = [*(_cued(key)[1] for key in _CUED), role_mention_keys()]
    held = holding_masks(doc.text, spans, keys)  # a bit per pattern: most hold the same few
    lone = _lone_letters()
    if lone is not None:  # 'I', the actor no key can stand for (see `_lone_letters`)
        actor = 1 << _CUED.index("actors")
        folded = folded_page(doc.text)
        held = [
            mask | actor if not mask & actor and lone.search(folded, *span) else mask
            for span, mask in zip(spans, held, strict=True)
        ]
    sets = {
        mask: frozenset(name for bit, name in enumerate(names) if mask >> bit & 1)
        for mask in set(held)
    }
    return {span[0]: sets[mask] for span, mask in zip(spans, held, strict=True) if mask}


def _search(
    key: str, cues: frozenset[str], text: str, start: int, end: int
) -> re.Match[str] | None:
    """`_cued(key)`'s pattern searched in text[start:end], skipped where its keys are not."""
    return _cued(key)[0].search(text, start, end) if key in cues else None


def _finditer(
    key: str, cues: frozenset[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """`_cued(key)`'s pattern's matches in text[start:end], none where its keys are not."""
    return _cued(key)[0].finditer(text, start, end) if key in cues else iter(())


# The patterns that find duties after a work noun or an actor without a verb right after it.
_LISTING = frozenset({"responsible", "list_trigger", "tasks_such_as", "is_to", "role_phrases"})
_CUED = (
    *("label", "responsible", "actors", "work_nouns", "list_trigger", "negations"),
    *("role_phrases", "tasks_such_as", "is_to", "wanted_to"),
)


@cache
def _cued(key: str) -> tuple[re.Pattern[str], Keys | None]:
    """A pattern of this module and its keys (see `cues`): words one of which it always holds."""
    vocabulary = prose_terms()["responsibility"]
    if key == "label":  # 'What they do: design, train and maintain models'
        return _LABEL, Keys((":",))
    if key == "responsible":
        return _RESPONSIBLE_FOR, Keys(("responsible",), word_start=True)
    if key == "tasks_such_as":  # 'they take on tasks such as A, B and C'
        return _TASKS_SUCH_AS, Keys(_TASK_NOUNS, word_start=True)
    if key == "is_to":  # 'their main job is to A'
        return _IS_TO, Keys(_BE, word_start=True)
    if key == "wanted_to":  # 'managers want ML engineers to A'
        return _WANTED_TO, Keys(_WANTING, word_start=True)
    if key == "actors":  # its one-letter words are looked for by `_lone_letters`
        words = [actor for actor in vocabulary["actors"] if not _one_letter(actor)]
        return _actor_anywhere(), word_keys(words)
    if key == "list_trigger":  # a work noun, then a list verb
        return _pattern(key), word_keys(vocabulary["list_verbs"])
    return _pattern(key), word_keys(vocabulary[key])


declare(lambda: [_contrast_keys(), role_mention_keys(), *(_cued(key)[1] for key in _CUED)])


@cache
def _bridge_pattern() -> re.Pattern[str]:
    bridges = vocabulary_regex(prose_terms()["responsibility"]["bridges"])
    return re.compile(rf"(?:['’](?:ll|d|re)\b)?[\s*_,]*(?:{bridges}[\s,*_]+)*$", re.IGNORECASE)


@cache
def _bridge_after() -> re.Pattern[str]:
    bridges = vocabulary_regex(prose_terms()["responsibility"]["bridges"])
    return re.compile(rf"(?:['’](?:ll|d|re)\b)?[\s*_,]*(?:{bridges}[\s,*_]+)*", re.IGNORECASE)


@cache
def _actor_pattern() -> re.Pattern[str]:
    actors = vocabulary_regex(prose_terms()["responsibility"]["actors"])
    return re.compile(rf"({actors})\W*$", re.IGNORECASE)


def _one_letter(word: str) -> bool:
    return len(word) == 1 and word.isascii() and word.isalpha()


@cache
def _lone_letters() -> re.Pattern[str] | None:
    """The actor words of one letter ('I'), each standing alone as the actor pattern matches it,
    in the folded text (`normalize.text.folded_page`, where a letter the pattern would match in
    any case is written in lower case); None when there are none. As a key, 'i' would let
    through every sentence with a word starting in 'i' ('in', 'is', 'it'): most of a page's
    sentences.

    >>> bool(_lone_letters().search("then i build it")), bool(_lone_letters().search("in it"))
    (True, False)
    """
    actors = prose_terms()["responsibility"]["actors"]
    letters = sorted({actor.lower() for actor in actors if _one_letter(actor)})
    return re.compile(rf"[{''.join(letters)}](?<!\w.)(?!\w)") if letters else None


@cache
def _actor_anywhere() -> re.Pattern[str]:
    return vocabulary_pattern(prose_terms()["responsibility"]["actors"])


@cache
def _weak_verbs() -> frozenset[str]:
    return frozenset(prose_terms()["responsibility"]["weak_verbs"])


def _lead_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The 'phase name' part of 'phase name: description', when the name is short."""
    match = _LEAD.match(text, start, end)
    if match is None or len(match.group(1).split()) > _MAX_LEAD_WORDS:
        return None
    return match.start(1), match.end(1)


def _phase_of(doc: Document, parent: Block) -> str:
    start, end = content_span(doc, parent)
    lead = _lead_span(doc.text, start, end)
    return item_text(doc.text[lead[0] : lead[1]] if lead else doc.text[start:end])


def _parent_item(doc: Document, block: Block) -> Block | None:
    if block.parent is None or not 0 <= block.parent < len(doc.blocks):
        return None
    parent = doc.blocks[block.parent]
    return parent if parent.kind == "list_item" else None


def _list_positions(doc: Document) -> dict[int, int]:
    """1-based position of each list item among its siblings; a heading or paragraph restarts."""
    positions: dict[int, int] = {}
    counters: Counter[tuple[int | None, int]] = Counter()
    for index, block in enumerate(doc.blocks):
        if block.kind == "list_item":
            key = (block.parent, block.level)
            counters[key] += 1
            positions[index] = counters[key]
        elif block.kind == "heading" or block.parent is None:
            counters.clear()
    return positions


def _claim(subject: str, start: int, end: int, text: str, qualifiers: dict[str, Any]) -> Claim:
    return Claim(
        kind="responsibility",
        subject=subject,
        attribute="responsibility",
        char_start=start,
        char_end=end,
        extractor=NAME,
        text=text,
        qualifiers=qualifiers,
    )

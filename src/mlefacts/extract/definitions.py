"""Definitions of a role, its field or its market: 'A Machine Learning Engineer is a professional
who ...', 'MLOps refers to ...', 'The machine learning market covers ...'.

Only sentences that open with a role, field or market noun phrase followed by 'is (basically)
a/an/the' or a defining verb ('refers to', 'is defined as', 'covers') and a reasonably long
predicate count ('The work of a data scientist is a blend of ...' defines the role, not
'The salary of ...'); evaluative sentences ('Python is a must', 'X is the biggest slice') do
not. In a glossary, the first sentence under a heading that is just a role name defines that role
('An AI research scientist invents new methods ...').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Document, Table
from mlefacts.extract.claim import Claim, evidence
from mlefacts.extract.context import (
    Sentence,
    find_roles,
    phrase_alternation,
    prose_sentences,
    prose_spans,
    read_each,
)
from mlefacts.extract.cues import Keys, declare, spans_holding, word_keys
from mlefacts.extract.grammar import byline_cue, cue_pattern, prose_terms, roles_in
from mlefacts.extract.sections import (
    clean_text,
    column_described,
    described_as_duties,
    vocabulary_pattern,
)
from mlefacts.extract.titles import title_of
from mlefacts.extract.verbs import verb_at
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import data_words, load_data

NAME = "definitions"
VERSION = "9"


@cache
def _term() -> str:
    """The defined term at a sentence's start, after an opener ('Simply put,', 'In contrast,')
    and before an appositive ('X, also known as Y,', 'X, short for Y,', 'X, or Y,')."""
    terms = prose_terms()
    openers = phrase_alternation(
        [*terms["definition"]["openers"], *terms["comparison"]["adverb_cues"]]
    )
    return (
        # a Q&A page's answer label ('A: An ML engineer is'), or one that says a definition
        # follows ('A useful definition: an ML engineer is someone who ...')
        r"^[*_\s]*(?:(?:a|answer|(?:an?\s+)?(?:[a-z]+\s+)?definition)\s*:\s*)?"
        rf"(?:(?:{openers}|[a-z]+ly),\s*)?"
        r"(?:the\s+term\s+)?"  # 'The term "AI specialist" refers to ...'
        r"(?:the\s+(?P<aspect>[a-z]+)\s+of\s+)?"  # 'the job of a data engineer is a ...'
        r"(?:(?:an?|the)\s+)?[*_]{0,2}[\"“‘]?"  # 'A **machine learning engineer** is ...'
        # The term's words are read whole (possessive: '*+', '++'), so a failed attempt does not
        # try each shorter cut of each word: a cut can only be followed by a '_' that `[*_]*`
        # takes back, from where the whole word stands too (and was tried first), so the
        # matches and their groups are the same.
        r"(?P<term>[A-Za-z][\w/&-]*+(?:\s+(?:\([^)]{1,12}\)|[\w/&-]++)){0,4}?)[\"”’]?"
        r"(?:\s+\((?P<alias>[^)]{1,50})\))?[*_]*(?:\s+(?:itself|themselves))?"
        r"(?P<appositive>,\s*(?:also\s+|sometimes\s+|often\s+)?"
        r"(?:called|known\s+as|referred\s+to\s+as|short\s+for|or)\s[^,]{2,80},)?"
        rf"(?:,\s*(?:{openers}|however|[a-z]+ly),)?"  # 'An AI engineer, meanwhile, is a ...'
        # 'An ML engineer, in most job ads, is a developer ...': where the term is used so
        r"(?:,\s*(?:in|at|across|among|within)\s+(?:most|many|some|all|our|their)\s[^,\d]{2,60},)?"
    )


@cache
def _shape() -> re.Pattern[str]:
    """'X is a/an/the ...', 'X is someone who ...'."""
    return re.compile(
        _term() + r"\s+is\s+(?:(?:basically|essentially|simply|primarily|mainly|generally|"
        r"usually)\s+)?(?:an?\s+|the\s+|(?=(?:someone|somebody|anyone)\s+(?:who|that)\b))"
        r"(?P<predicate>(?P<head>[\w-]+).*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _plural() -> re.Pattern[str]:
    """'Machine learning engineers are professionals who ...': a plural role, a class of people."""
    return re.compile(
        _term() + r"\s+are\s+(?:(?:basically|essentially|simply)\s+)?(?:the\s+)?"
        r"(?P<predicate>(?P<head>[\w-]+)(?:\s+[\w-]+){0,2}?\s+(?:who|that|whose)\b.*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _named() -> re.Pattern[str]:
    """'Think of an AI engineer as a developer who ...', 'We define an ML engineer as someone
    who ...'; 'A developer who specialises in ... is known as a machine learning engineer': the
    term named after (or beside) its description."""
    return re.compile(
        r"^[*_\s]*(?:(?:(?:you\s+can\s+|just\s+)?think\s+of|we\s+define|(?:you|one)\s+can\s+"
        r"define)\s+(?:an?\s+|the\s+)?"
        r"(?P<term>[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,4}?)\s+as\s+(?:an?\s+|the\s+|"
        r"(?=(?:someone|somebody|anyone)\s))(?P<predicate>.+)"
        r"|(?P<described>(?:an?|the|someone|somebody|anyone)\s.+?)\s+is\s+(?:often\s+|commonly\s+"
        r"|also\s+|usually\s+)?(?:known\s+as|called|referred\s+to\s+as|termed)\s+"
        r"(?:an?\s+|the\s+)?(?P<named>[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,4}?)\W*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _term_only() -> re.Pattern[str]:
    """The term alone: 'MLOps refers to ...' (the defining verb comes from the vocabulary)."""
    return re.compile(_term() + r"\s*", re.IGNORECASE)


# A glossary line: 'MLOps: the practice of ...', '**Feature store** — a shared service ...'.
_LABELLED = re.compile(
    r"^[*_\s]*(?P<term>[A-Za-z][\w/&-]*(?:\s+(?:\([^)]{1,30}\)|[\w/&-]+)){0,5}?)"
    r"(?:\s+(?:definition|meaning))?[*_]*\s*"
    r"(?::|—|–|\s-\s)[*_\s]*(?:an?|the)\s+(?P<predicate>(?P<head>[\w-]+).*)$",
    re.IGNORECASE | re.DOTALL,
)
_SPACED_HYPHEN = re.compile(r"\s-\s")


def _label_marked(text: str) -> bool:
    """Whether `text` holds what ends the label of every `_LABELLED` line (a colon, a dash or a
    spaced hyphen): asked first, as most sentences hold none."""
    return (
        ":" in text
        or "—" in text
        or "–" in text
        or bool("-" in text and _SPACED_HYPHEN.search(text))
    )


@cache
def _unnamed() -> re.Pattern[str]:
    """The first sentence under a heading (or a question) that names or asks about a term,
    speaking of it without naming it: 'It is the practice of ...', 'In a nutshell, it's a
    ...', 'A person who writes ...', 'Definition: a field of ...'."""
    openers = phrase_alternation(prose_terms()["definition"]["openers"])
    return re.compile(
        r"^[*_\s]*(?:(?:definition|a|answer)\s*:\s*[*_\s]*)?"
        rf"(?:{openers}\s*,\s*)?(?:"
        r"(?:it['’]s\s+(?:an?|the)\s+|(?:it|this|they)\s+(?:(?:is|are)\s+(?:an?|the)\s+"
        r"|refers?\s+to\s+|means\s+|describes\s+))(?P<head>[\w-]+)"
        r"|(?:an?|the)\s+(?P<noun>[\w-]+)(?:\s+[\w-]+){0,2}?\s+(?:who|that|which|of|in\s+which)"
        r"\s)",
        re.IGNORECASE,
    )


# What follows a label and is a statement, not a definition: 'Deep Learning: the segment was
# worth $14.8 billion', 'NLP: the share grew 12%'.
_STATEMENT = re.compile(r"[\w-]+\s+(?:is|was|are|were|has|had|will|grew|rose|fell)\b|.*\d", re.I)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")

_MAX_TERM_WORDS = 6
_PREPOSITIONS = frozenset({"of", "in", "for", "with", "to", "on", "at", "by", "from", "that"})


def extract(doc: Document) -> list[Claim]:
    """Definition claims from the document's paragraphs, list items and glossary tables."""
    tables = read_each(doc, doc.tables, lambda table: _table_definitions(doc, table), name=NAME)
    shaped = _shaped(doc)  # the sentences a definition may open: most are not read at all
    opening = [sentence for sentence in prose_sentences(doc) if sentence.start in shaped]
    return [
        *read_each(doc, opening, lambda sentence: _read_sentence(doc, sentence), name=NAME),
        *tables,
    ]


def _table_definitions(doc: Document, table: Table) -> list[Claim]:
    """A glossary table ('Term | Definition', 'Term | Meaning', or two columns under a
    'Glossary' heading): each row's cell defines the term in its first column, quoted by its
    first sentence when the cell is too long to quote. Under a 'Description' header a cell that
    opens with a work verb states duties instead."""
    columns = _definition_columns(doc, table)
    claims: list[Claim] = []
    for row in table.rows if columns else ():
        term = clean_text(doc.text[row[0].start : row[0].end])
        for column in columns:
            cell = row[column]
            own = clean_text(doc.text[cell.start : cell.end])
            if not _bare_term(term) or len(own) < _min_predicate() or re.search(r"\d", own):
                continue
            if column_described(doc, table, column) and described_as_duties(
                doc.text, cell.start, cell.end
            ):
                continue  # 'Role | Description' with 'Builds the pipelines': duties
            quotes = evidence(doc.text, cell.start, cell.end)
            if not quotes:
                continue
            start, end = quotes[0]
            claims.append(
                Claim(
                    kind="definition",
                    subject=normalize_subject(term),
                    attribute="definition",
                    char_start=start,
                    char_end=end,
                    extractor=NAME,
                    text=clean_text(doc.text[start:end]),
                )
            )
    return claims


def _definition_columns(doc: Document, table: Table) -> list[int]:
    """The columns after the first that define its terms: by their header, or the second of
    two under a glossary heading."""
    headers = [clean_text(doc.text[span.start : span.end]) for span in table.header]
    named = [
        index
        for index, header in enumerate(headers[1:], start=1)
        if _table_columns().fullmatch(header) or column_described(doc, table, index)
    ]
    if named or len(headers) != 2 or table.section is None:
        return named
    heading = doc.span_text(doc.blocks[table.section])
    return [1] if _glossary_heading().search(heading) else []


@cache
def _table_columns() -> re.Pattern[str]:
    return vocabulary_pattern(prose_terms()["definition"]["table_columns"])


_field_heads = partial(data_words, "salary_terms", "definitions", "field_heads")
_judgements = partial(data_words, "salary_terms", "definitions", "not_definitions")


def _min_predicate() -> int:
    return int(load_data("salary_terms")["definitions"]["min_predicate_chars"])


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    cued = _shaped(doc).get(sentence.start)
    if cued is None:
        return []  # no shape's keys and not its paragraph's first sentence: most sentences
    is_a, plural, verbs, opener, naming, first = cued
    own = doc.text[sentence.start : sentence.end]
    start = sentence.start
    asked = None
    if is_a or plural or verbs:
        line = _asking_line(doc, sentence)
        asked = _question_term(line) if line else None
    term = (
        (_defined_term(own, (is_a, plural), verbs, asked) if is_a or plural or verbs else None)
        or (_glossary_term(doc, sentence) if first else None)
        or (_plain_words_term(own) if opener else None)
        or (_named_term(own) if naming else None)
    )
    if first and term is None and (described := _described_term(doc, sentence)) is not None:
        term, start = described
    if term is None:
        return []
    return [
        Claim(
            kind="definition",
            subject=normalize_subject(term),
            attribute="definition",
            char_start=start,
            char_end=sentence.end,
            extractor=NAME,
            text=" ".join(doc.text[start : sentence.end].split()),
        )
    ]


def _described_term(doc: Document, sentence: Sentence) -> tuple[str, int] | None:
    """A term on a line of its own, its description in the paragraph after it (a glossary's
    `<dt>` / `<dd>`, a bold term line): 'Model drift' / 'The gradual loss of accuracy ...',
    'AI engineer' / 'Builds applications on top of foundation models.'. The term is a role or
    field, or any short noun phrase in a glossary (see `_glossary_blocks`). Gives the term and
    where the quote starts (the term's line, when term and description fit in one quote)."""
    block = sentence.block
    index = sentence.block_index
    if index == 0 or doc.text[block.start : sentence.start].strip(" *_"):
        return None  # not the first sentence of its paragraph
    label = doc.blocks[index - 1]
    if label.kind != "paragraph" or block.kind != "paragraph":
        return None
    if doc.text.find("(", label.start, label.end) < 0 and _NOT_BARE.search(
        doc.text, label.start, label.end
    ):
        return None  # a character no term line holds ('.', '$'): most paragraphs, unread
    term = _bare_term(clean_text(doc.span_text(label)))
    own = doc.text[sentence.start : sentence.end]
    if term is None or not _describes(doc.text, sentence) or len(own) < _min_predicate():
        return None
    if not (_is_role_or_field(term) or index in _glossary_blocks(doc)):
        return None
    start = label.start if sentence.end - label.start <= MAX_QUOTE else sentence.start
    return term, start


# A term alone on its line: one to six words, no sentence punctuation, no figure.
_BARE_TERM = re.compile(
    r"[*_\s]*([A-Za-z][\w/&'’-]*(?:\s+(?:\([^)]{1,30}\)|[\w/&'’-]+)){0,5})[*_:\s]*"
)
# A character that no `_BARE_TERM` line holds outside a bracket, before or after `clean_text`
# (which drops emphasis marks and the braces around a word).
_NOT_BARE = re.compile(r"[^\w\s/&'’*_:{}-]")
# A noun phrase and its verb: 'The team grew ...', 'A recruiter will ...' states, not describes.
_CLAUSE = re.compile(
    r"[*_\s]*(?:an?|the)\s+(?:(?!(?:who|that|which|whose)\b)[\w-]+\s+){1,3}"
    r"(?:is|was|are|were|has|had|will|grew|rose|fell)\b",
    re.I,
)
# A description's opening: a noun phrase ('A shared service that ...', 'The practice of ...',
# 'Someone who ...'), checked against `_STATEMENT`; or a verb of the term ('Builds ...').
_DESCRIPTION = re.compile(
    r"[*_\s]*(?:(?:an?|the)\s+[\w-]+|(?:someone|somebody|anyone)\s+(?:who|that))\b", re.I
)


def _bare_term(line: str) -> str | None:
    match = _BARE_TERM.fullmatch(line)
    if match is None:
        return None
    term = match.group(1)
    words = term.lower().split()
    if words[0] in prose_terms()["definition"]["not_terms"] or _PREPOSITIONS.intersection(words):
        return None
    if term.lower() in _judgements():
        return None
    return term


def _describes(text: str, sentence: Sentence) -> bool:
    """Whether a sentence reads as the description of a term named before it."""
    own = text[sentence.start : sentence.end]
    if (described := _DESCRIPTION.match(own)) is not None:
        head = described.group().split()[-1]
        if not _defining_aspect(head) or head.lower() in _judgements():
            return False  # 'The median pay rose ...' states a figure's news
        return not _STATEMENT.match(own.lstrip(" *_")) and not _CLAUSE.match(own)
    verb = verb_at(text, sentence.start + len(own) - len(own.lstrip(" *_")), sentence.end)
    return verb is not None and verb.form == "s" and not re.search(r"\d", own)


@lru_cache(maxsize=8)
def _glossary_blocks(doc: Document) -> frozenset[int]:
    """The paragraphs of a glossary: on a page titled one, under a heading that names one
    ('Glossary', 'Key terms'),
    in a run of at least two term lines each followed by its description, or in a run of at
    least three labelled lines ('Model card - a short document that records ...'). There any
    short noun phrase is a term ('Feature store', 'Model drift'), not only a role or a field."""
    blocks: set[int] = set()
    glossary = _glossary_heading()
    page = bool(doc.title and glossary.search(doc.title))
    open_headings: list[tuple[int, bool]] = []  # (level, names a glossary)
    pairs: list[int] = []
    labelled: list[int] = []
    before = ""  # the cleaned text of the block before, when that is no heading
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            while open_headings and open_headings[-1][0] >= block.level:
                open_headings.pop()
            named = bool(glossary.search(doc.span_text(block)))
            page = page or (named and block.level == 1 and not blocks)
            open_headings.append((block.level, named))
            continue
        if page or any(named for _, named in open_headings):
            blocks.add(index)
        line = clean_text(doc.span_text(block))
        previous = doc.blocks[index - 1] if index else None
        if (
            previous is not None
            and previous.kind == block.kind == "paragraph"
            and _bare_term(before) is not None
            and not _bare_term(line)
        ):
            pairs.append(index)
        before = line
        entry = _LABELLED.match(line) if _label_marked(line) else None
        predicate = entry.group("predicate") if entry is not None else ""
        if _RELATIVE.search(predicate) and not _STATEMENT.match(predicate):
            labelled.append(index)
    runs = [index for index in pairs if index - 2 in pairs or index + 2 in pairs]
    kinds = {index: doc.blocks[index].kind for index in labelled}
    lines = [
        index
        for index in labelled
        if any(
            all(kinds.get(other) == kinds[index] for other in run)
            for run in ((index - 2, index - 1), (index - 1, index + 1), (index + 1, index + 2))
        )
    ]
    return frozenset(blocks.union(runs, lines))


# A description's relative clause or complement: 'a short document that records ...'.
_RELATIVE = re.compile(r"\b(?:who|that|which|where|whose|of|for|used|to)\b", re.I)


@cache
def _glossary_heading() -> re.Pattern[str]:
    return vocabulary_pattern(prose_terms()["definition"]["glossary_headings"])


@lru_cache(maxsize=8)
def _shaped(doc: Document) -> dict[int, tuple[bool, ...]]:
    """By start, the prose sentences a definition may open: whether each holds the keys of
    each shape (see `_shape_keys`), and whether it opens its paragraph (only such a sentence
    is a glossary entry or a term's description, see `_glossary_term`, `_described_term`).
    A sentence with none of them is left out."""
    sentences = tuple(prose_sentences(doc))
    spans = prose_spans(doc)
    is_a, plural, verbs, opener, naming = (
        {spans[index][0] for index in spans_holding(doc.text, spans, keys)}
        for keys in _shape_keys()
    )
    held = is_a | plural | verbs | opener | naming
    cued = {}
    opens: dict[int, int] = {}  # by block, where its first word or mark starts
    for sentence in sentences:
        start, block_start = sentence.start, sentence.block.start
        if block_start not in opens:
            opens[block_start] = _block_opening(doc.text, block_start)
        # Only blanks or emphasis marks before it in its block (a slice of what comes before
        # each sentence made a 10 MB paragraph quadratic).
        first = start <= opens[block_start]
        if first or start in held:
            flags = start in is_a, start in plural, start in verbs, start in opener
            cued[start] = (*flags, start in naming, first)
    return cued


def _block_opening(text: str, start: int) -> int:
    """Where the block at `start` stops being blank ('  ') or only emphasis marks ('**'):
    a sentence starting there or before it opens its paragraph."""
    blank = _NOT_BLANK.search(text, start)
    marks = _NOT_MARK.search(text, start)
    return max(len(text) if found is None else found.start() for found in (blank, marks))


_NOT_BLANK = re.compile(r"\S")
_NOT_MARK = re.compile(r"[^ *_]")


@cache
def _shape_keys() -> tuple[Keys, Keys, Keys | None, Keys | None, Keys]:
    """The keys of the shapes (see `cues`): 'is' (`_shape`), 'are' (`_plural`), the defining
    verbs, the openers of a plain-words definition (`_opener`), and the words that name a
    term after or beside its description (`_named`: 'think of', 'is known as')."""
    terms = prose_terms()["definition"]
    return (
        Keys(("is",), word_start=True),
        Keys(("are",), word_start=True),
        word_keys(terms["verbs"]),
        word_keys(_literal_words(terms["openers"])),
        Keys(("think", "define", "known", "called", "referred", "termed"), word_start=True),
    )


def _literal_words(phrases: list[str]) -> list[str]:
    """The phrases with each word holding an apostrophe made a wildcard: a pattern matches
    such a word written with either apostrophe, so it is no key ("in layman's terms")."""
    return [
        " ".join("*" if "'" in word or "’" in word else word for word in phrase.split())
        for phrase in phrases
    ]


declare(_shape_keys)


def _defined_term(
    sentence: str,
    is_a: tuple[bool, bool] = (True, True),
    verbs: bool = True,
    asked: str | None = None,
) -> str | None:
    """The role, field or market a sentence defines by its 'X is a ...' or 'X refers to' shape,
    or any term the heading or question above asks about (`asked`: 'What is a feature store?'
    / 'A feature store is a ...'); `is_a` (for 'is' and 'are') and `verbs` False skip a
    shape whose keys the sentence does not hold."""
    match = _shape().match(sentence) if is_a[0] else None
    if match is None and is_a[1]:
        match = _plural().match(sentence)
    if match is not None:
        if match.group("aspect") and not _defining_aspect(match.group("aspect")):
            return None
        term = match.group("term")
        known = _known(term, asked) or _renamed(match)
        if known and _defines(match.group("head"), match.group("predicate")):
            return term
        return None
    for verb in cue_pattern("definition", "verbs").finditer(sentence) if verbs else ():
        term = _term_only().fullmatch(sentence, 0, verb.start())
        predicate = sentence[verb.end() :].strip()
        if term is not None and len(predicate) >= _min_predicate():
            named = term.group("term")
            defining = cue_pattern("definition", "term_verbs").fullmatch(verb.group()) and (
                not re.search(r"\d", predicate)  # 'Estimates refer to May 2024': a scope note
            )
            known = _known(named, asked) or _renamed(term) or (defining and _any_term(named))
            return named if known else None
    return None


def _renamed(match: re.Match[str]) -> bool:
    """'Model serving, or online inference, is ...', 'A feature store (also called a feature
    platform) is ...': a term given another name before its predicate is being defined,
    whatever it names."""
    alias = match.group("alias")
    return _any_term(match.group("term")) and bool(
        match.group("appositive") or (alias and _ALIAS.match(alias))
    )


# A parenthesized other name: '(also called a feature platform)', '(or MLOps)', '(aka ...)'.
_ALIAS = re.compile(
    r"\s*(?:(?:also|sometimes|often|commonly)\s+)?(?:called|known\s+as|referred\s+to\s+as|"
    r"short\s+for|or|aka|a\.k\.a\.|i\.e\.)\s+\D+$",
    re.IGNORECASE,
)


def _any_term(term: str) -> bool:
    """A noun phrase that can be defined: not a pronoun ('This refers to'), a figure's word
    ('The median refers to') or a judgement."""
    words = term.lower().split()
    return (
        words[0] not in prose_terms()["definition"]["pronouns"]
        and not _PREPOSITIONS.intersection(words)
        and all(_defining_aspect(word) and word not in _judgements() for word in words)
    )


def _known(term: str, asked: str | None) -> bool:
    """A role or field, or the term the heading above asks about."""
    if asked is not None and _PLURAL.sub("", term.lower()) == _PLURAL.sub("", asked.lower()):
        return True
    return _is_role_or_field(term)


_PLURAL = re.compile(r"s$")


def _glossary_term(doc: Document, sentence: Sentence) -> str | None:
    """A glossary entry: a line that labels its term ('MLOps: the practice of ...'), or the
    first sentence under a heading that names or asks about a role or field: opening with that
    role and a work verb ('An AI research scientist invents new methods ...') or speaking of the
    term without naming it ('It is the practice of ...', 'A person who writes prompts ...')."""
    block = sentence.block
    if doc.text[block.start : sentence.start].strip():
        return None  # not the entry's first sentence
    own = doc.text[sentence.start : sentence.end]
    labelled = _LABELLED.match(own) if _label_marked(own) else None
    if labelled is not None and not _STATEMENT.match(labelled.group("predicate")):
        term = labelled.group("term")
        glossary = sentence.block_index in _glossary_blocks(doc)
        if (glossary or _is_role_or_field(_PARENTHESES.sub("", term))) and _defines(
            labelled.group("head"), labelled.group("predicate")
        ):
            return term
    if sentence.block.kind == "list_item" and (role := _listed_role(doc, sentence.block_index)):
        return role
    heading = _asking_line(doc, sentence)
    if heading is None:
        return None
    unnamed = _unnamed().match(own)
    if unnamed is not None and len(own) >= _min_predicate():
        word = unnamed.group("head") or unnamed.group("noun")
        if word.lower() not in _judgements() and _defining_aspect(word):
            # (the word asked first: the page's glossary blocks cost more to find)
            term = _asked_term(heading)
            if term is None and sentence.block_index in _glossary_blocks(doc):
                term = _question_term(heading)  # a glossary's heading names any term
            if term:
                return term
    asked_role = _duties_asked(heading)
    if asked_role is not None and len(own) >= _min_predicate() and _answers(own, asked_role):
        return asked_role  # 'What does an ML engineer do?' / 'They take a model ...'
    if len(heading.split()) > 5:
        return None  # a sentence about a role, not a role's name (asked first: it costs less)
    named = roles_in(heading)
    if len(named) != 1 or named[0][1] < len(heading) - 1:
        return None  # the heading is a role name, not a sentence about one
    text = doc.text
    roles = roles_in(text, sentence.start, min(sentence.end, sentence.start + 40))
    if not roles or roles[0][2] != named[0][2] or roles[0][0] - sentence.start > 15:
        return None
    verb = verb_at(text, roles[0][1] + 1, sentence.end)
    if verb is None or verb.form != "s":
        return None
    return heading


def _listed_role(doc: Document, index: int) -> str | None:
    """The role a list item labels when it says in a line what that role does ('**AI
    engineer:** builds products on top of foundation models ...') in a list of at least two
    such lines, each for another role: a glossary of roles, each line its role's definition."""
    role = _role_line(doc, index)
    if role is None:
        return None
    parent = doc.blocks[index].parent
    run = {role}
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(doc.blocks) and doc.blocks[other].kind == "list_item":
            if doc.blocks[other].parent != parent:
                break
            found = _role_line(doc, other)
            if found is None:
                break
            run.add(found)
            other += step
    return role if len(run) >= 2 else None


def _role_line(doc: Document, index: int) -> str | None:
    """The role a block's label names in full when a verb of its work follows the label
    ('Data scientist: answers business questions with data ...'), else None."""
    block = doc.blocks[index]
    label = _ROLE_LABEL.match(doc.text, block.start, block.end)
    if label is None:
        return None
    term = label["term"]
    named = roles_in(term)
    if len(named) != 1 or named[0][0] > 1 or named[0][1] < len(term.rstrip()) - 1:
        return None
    verb = verb_at(doc.text, label.end(), block.end)
    return term.strip() if verb is not None and verb.form == "s" else None


# A list item's label ending in a colon, maybe set in bold: '**Machine learning engineer:** '.
_ROLE_LABEL = re.compile(r"[*_\s]*(?P<term>[A-Za-z][\w /&-]{1,50}?)[*_]*\s*:[*_\s]*")


# The answer's opening: the pronoun for the role asked about, before its work verb.
# What may stand between the subject and its work verb: a space, maybe an adverb of frequency.
_AFTER_SUBJECT_PATTERN = r"\s+(?:(?:also|usually|typically|mainly|mostly|often)\s+)?"
_AFTER_SUBJECT = re.compile(_AFTER_SUBJECT_PATTERN, re.I)
_ANSWER = re.compile(rf"[*_\s]*(?:they|he\s+or\s+she|he/she|she|he){_AFTER_SUBJECT_PATTERN}", re.I)


def _answers(sentence: str, role: str) -> bool:
    """Whether a sentence answers what `role` does: 'They take a model ...', 'An ML engineer
    turns prototypes into ...' (the pronoun or the role, then a work verb)."""
    answer = _ANSWER.match(sentence)
    opening = answer.end() if answer is not None else None
    named = roles_in(sentence, 0, min(len(sentence), 60))
    if opening is None and named and named[0][2] == normalize_subject(role):
        before = _ARTICLE.fullmatch(sentence, 0, named[0][0])
        after = _AFTER_SUBJECT.match(sentence, named[0][1])
        opening = after.end() if before and after else None
    if opening is None:
        return False
    verb = verb_at(sentence, opening, len(sentence))
    return verb is not None and verb.form in ("base", "s")


_ARTICLE = re.compile(r"[*_\s]*(?:(?:an?|the)\s+)?", re.I)


def _duties_asked(heading: str) -> str | None:
    """The role a heading asks the work of ('What does an ML engineer do?'): the paragraph that
    answers it says what the role is by what it does, a definition as a reader lists one."""
    match = _duties_question().match(heading)
    if match is None:
        return None
    role = match.group("role")
    found = roles_in(role)
    return role if len(found) == 1 and found[0][:2] == (0, len(role)) else None


@cache
def _duties_question() -> re.Pattern[str]:
    """'What does an ML engineer do?', 'What do data scientists actually do?'."""
    terms = prose_terms()["definition"]
    asks = phrase_alternation(terms["duties_questions"])
    hedges = phrase_alternation(terms["duties_hedges"])
    tails = phrase_alternation(terms["duties_tails"])
    return re.compile(
        rf"^[*_\s]*(?:{asks})\s+(?:an?\s+|the\s+)?(?P<role>.+?)\s+(?:(?:{hedges})\s+)?"
        rf"do\b(?:\s+(?:{tails}))?\W*$",
        re.IGNORECASE,
    )


def _asking_line(doc: Document, sentence: Sentence) -> str | None:
    """The heading right above the sentence's paragraph, or the question on the line before it
    ('What is MLOps?' / 'It is the practice of ...' in an FAQ without headings), if any."""
    block = sentence.block
    if block.kind != "paragraph":
        return None
    section, index = block.section, sentence.block_index
    if section is not None and index == section + 1 and _byline(doc, section):
        section, index = doc.blocks[section].section, section  # a byline read as a heading
    if section is not None and _first_under(doc, section, index):
        return _QUESTION_LABEL.sub("", clean_text(doc.span_text(doc.blocks[section])))
    before = doc.blocks[sentence.block_index - 1] if sentence.block_index else None
    if before is None or before.kind != "paragraph":
        return None
    text = doc.span_text(before)
    if "?" not in text:
        return None  # no question (cleaning a paragraph adds none): most paragraphs
    line = _QUESTION_LABEL.sub("", clean_text(text))
    return line if line.rstrip(" *_").endswith("?") else None


def _first_under(doc: Document, heading: int, index: int) -> bool:
    """Whether block `index` is the first paragraph under the heading: right after it, or under
    a page title past its byline lines ('By Ana Ruiz', 'Updated 3 March · 6 min read')."""
    if index <= heading + 1:
        return True
    between = doc.blocks[heading + 1 : index] if doc.blocks[heading].level == 1 else None
    return between is not None and all(
        block.boilerplate  # a byline flagged as chrome ('By Ana Ruiz · 12 May 2025')
        or (block.kind == "paragraph" and _BYLINE.fullmatch(clean_text(doc.span_text(block))))
        for block in between
    )


def _byline(doc: Document, index: int) -> bool:
    """Whether a block is a byline or date line ('By Ana Ruiz · Updated 3 March')."""
    return bool(byline_cue().match(clean_text(doc.span_text(doc.blocks[index]))))


# A byline or date line: a few words that end no sentence.
_BYLINE = re.compile(r"(?:\S+\s+){0,11}\S*[^\s.!?:]")


_QUESTION_LABEL = re.compile(r"^[*_\s]*(?:q|question)\s*[:.]\s*", re.I)


def _asked_term(heading: str) -> str | None:
    """The role or field a heading names or asks about ('What is MLOps?', 'Prompt engineer',
    'What does a data steward do?' asks about duties, not a meaning)."""
    term = _question_term(heading)
    return term if term and (_is_role_or_field(term) or title_of(term)) else None


def _question_term(heading: str) -> str | None:
    """The words a heading names or asks about, whatever they are ('What is a feature
    store?' -> 'feature store')."""
    text = heading.strip(" *_#:").rstrip("?").strip()
    lowered = text.lower()
    for question in _heading_questions():
        if lowered.startswith(question + " "):
            text = text[len(question) + 1 :]
            break
    text = _ARTICLE_OR_MEANING.sub("", text)
    term = _PARENTHESES.sub("", text).strip()
    words = term.split()
    return term if words and len(words) <= _MAX_TERM_WORDS else None


@cache
def _heading_questions() -> list[str]:
    """The question words of a heading ('what is', 'defining'), longest first."""
    return sorted(prose_terms()["definition"]["heading_questions"], key=len, reverse=True)


_ARTICLE_OR_MEANING = re.compile(r"^(?:an?|the)\s+|\s+(?:mean|meaning|definition)$", re.I)


def _plain_words_term(sentence: str) -> str | None:
    """'In simple terms, an ML engineer turns a prototype into a product', 'In short, MLOps
    brings DevOps habits to models', 'Put simply, MLOps is DevOps for models': an opener that
    announces a definition, then a role or field and what it does or is."""
    opener = _opener().match(sentence)
    if opener is None or len(sentence) - opener.end() < _min_predicate():
        return None
    start = opener.end()
    roles = roles_in(sentence, start, min(len(sentence), start + 60))
    if roles and roles[0][0] == start:
        return sentence[start : roles[0][1]] if _says_what(sentence, roles[0][1]) else None
    words = list(re.finditer(r"[\w/&-]+", sentence[start : start + 80]))
    for word in words[:_MAX_TERM_WORDS]:
        term = sentence[start : start + word.end()]
        if _says_what(sentence, start + word.end()):
            return term if _is_role_or_field(term) else None
    return None


def _says_what(sentence: str, position: int) -> bool:
    """Whether 'is' or a verb in its '-s' form follows the term ending at `position`."""
    rest = sentence[position:]
    if re.match(r"\s+is\s", rest):
        return True
    verb = verb_at(sentence, position + len(rest) - len(rest.lstrip()), len(sentence))
    return verb is not None and verb.form == "s"


def _named_term(sentence: str) -> str | None:
    """The role or field a sentence names after describing it (see `_named`)."""
    match = _named().match(sentence)
    if match is None:
        return None
    term, description = (
        (match.group("term"), match.group("predicate"))
        if match.group("term")
        else (match.group("named"), match.group("described"))
    )
    if len(description) < _min_predicate() or not _is_role_or_field(term):
        return None
    return term


@cache
def _opener() -> re.Pattern[str]:
    openers = phrase_alternation(prose_terms()["definition"]["openers"])
    return re.compile(rf"^[*_\s]*{openers}\s*,\s*(?:(?:an?|the)\s+)?", re.IGNORECASE)


def _defining_aspect(word: str) -> bool:
    """'The work of an ML engineer is a mix of ...' defines the role; 'the salary of ...' does
    not: a pay or statistic word is a figure's subject, not the role's nature."""
    words = load_data("salary_terms")
    pay = {*words["salary_words"]["strong"], *words["salary_words"]["weak"]}
    return word.lower() not in pay and not _statistic(word)


def _statistic(word: str) -> bool:
    """'average', 'median': 'the average salary' is a figure's subject, not a term of pay."""
    return word.lower() in _statistic_words()


@cache
def _statistic_words() -> frozenset[str]:
    groups = load_data("salary_terms")["statistic"].values()
    return frozenset(word for group in groups for word in group)


def _is_role_or_field(term: str) -> bool:
    words = term.lower().split()
    if _PREPOSITIONS.intersection(words):
        return False
    if words[-1] in _field_heads() or words[-1] in prose_terms()["definition"]["heads"]:
        return True
    if words[-1] in prose_terms()["definition"]["modified_heads"]:
        return len(words) > 1 and not _statistic(words[-2])
    roles = find_roles(term)
    return bool(roles) and roles[0][1] == len(term)


def _defines(head: str, predicate: str) -> bool:
    head = head.lower()
    superlative = head.endswith("est") and len(head) > 5  # 'the biggest slice', 'the fastest'
    return (
        len(predicate.strip()) >= _min_predicate() and head not in _judgements() and not superlative
    )

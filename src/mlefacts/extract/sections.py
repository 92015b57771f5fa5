"""What a section is about, from its heading or a list's lead-in line, and which role it is about.

Structural extractors decide whether a list holds responsibilities or skills by the section it
sits in, not by its wording, so a bullet list under 'Key duties' and one under 'Roles and
Responsibilities' are read alike, and a 'Key takeaways' list is skipped. The vocabulary lives in
`data/sections.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Literal

from mlefacts.document.model import Block, Document, Table
from mlefacts.document.structure import SPEAKER_TURN
from mlefacts.extract.context import (
    alternation,
    char_token,
    discipline_role,
    find_roles,
    rests_by_first,
    scanned_branches,
)
from mlefacts.extract.verbs import verb_at
from mlefacts.normalize._data import case_forms, scanned_class
from mlefacts.toml_files import load_data

SectionType = Literal["responsibilities", "skills", "salary", "market", "offer", "aside", "other"]

# Types a heading can name, besides 'other'; 'aside' (takeaways, contents, related links) wins.
# 'offer': benefits, how to apply, a course's modules (promises to the reader, not duties).
_NAMED_TYPES: tuple[SectionType, ...] = ("responsibilities", "skills", "salary", "market", "offer")


def vocabulary_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Like `context.phrase_pattern`, plus wildcards: 'x*' ends a word, a lone '*' is 1-5 words.

    >>> pattern = vocabulary_pattern(["responsibilit*", "what does * do"])
    >>> bool(pattern.search("What does an ML engineer do?"))
    True
    >>> bool(vocabulary_pattern(["pay"]).search("Payment terms"))
    False
    """
    tokens = _ordered_tokens(phrases)
    rests = rests_by_first(tokens)
    if rests is None:
        return re.compile(vocabulary_regex(phrases), re.IGNORECASE)
    # the first character scanned for (see `context._first_scanned`), no word character before
    chars = frozenset().union(*map(case_forms, rests))
    branches = scanned_branches(rests, checked=len(rests) > 1)
    return re.compile(rf"{scanned_class(chars)}(?<!\w.)(?:{branches})(?![\w])", re.IGNORECASE)


def vocabulary_regex(phrases: Iterable[str]) -> str:
    """`vocabulary_pattern`'s regex, uncompiled: for a pattern that holds it (compiling a large
    vocabulary costs a worker process time it need not spend)."""
    return r"(?<![\w])" + alternation(_ordered_tokens(phrases)) + r"(?![\w])"


def _ordered_tokens(phrases: Iterable[str]) -> list[list[str]]:
    """The phrases' tokens, longest regex first."""
    return sorted((_phrase_tokens(phrase) for phrase in phrases), key=_width, reverse=True)


def _phrase_tokens(phrase: str) -> list[str]:
    """A phrase's regex as tokens for `context.alternation`: characters, whitespace runs and
    wildcards."""
    parts: list[str] = []
    for index, token in enumerate(phrase.split()):
        if index:
            parts.append(r"\s+")
        if token == "*":
            parts.append(r"(?:\S+\s+){0,4}\S+")
        elif token.endswith("*"):
            parts.extend([*map(char_token, token[:-1]), r"[\w'’-]*"])
        else:
            parts.extend(map(char_token, token))
    return parts


def _width(tokens: list[str]) -> int:
    """The length of the regex the tokens spell: the longest phrases are tried first."""
    return sum(map(len, tokens))


@cache
def _section_patterns() -> dict[str, re.Pattern[str]]:
    vocabulary = load_data("sections")
    return {
        name: vocabulary_pattern(vocabulary[name]["phrases"]) for name in ("aside", *_NAMED_TYPES)
    }


_IN_DEMAND = re.compile(r"\bin[- ]demand\b", re.I)


# A comparison's words right before the name of other roles: 'Compared with related jobs', 'How
# it compares to similar roles', 'vs related occupations'.
_COMPARED = re.compile(
    r"\b(?:compar\w*(?:\s+(?:with|to))?|vs\.?|versus|against)\s+(?:the\s+|other\s+)?\Z",
    re.IGNORECASE,
)
_OTHER_ROLES = re.compile(r"(?:related|similar)\s", re.IGNORECASE)


@lru_cache(maxsize=4096)
def classify_heading(text: str) -> SectionType:
    """The section type a heading or lead-in names; the type named first wins (cached: pages
    repeat their headings and lead-ins, and several extractors ask).

    >>> classify_heading("What Does an ML Engineer do? Roles, Responsibilities & Skills")
    'responsibilities'
    >>> [classify_heading(h) for h in ("Key Takeaways", "Tech stack", "Conclusion")]
    ['aside', 'skills', 'other']

    'In-demand' qualifies what follows it and names no demand section:

    >>> classify_heading("The Most In-Demand Skills"), classify_heading("Demand for ML Engineers")
    ('skills', 'market')
    >>> classify_heading("Related jobs"), classify_heading("Compared with related jobs")
    ('aside', 'other')
    >>> classify_heading("ML engineer vs data scientist: common myths")
    'aside'
    """
    patterns = _section_patterns()
    text = _IN_DEMAND.sub(lambda m: " " * len(m.group()), text)  # same offsets, adjective gone
    aside = patterns["aside"].search(text)
    if aside and not (
        _OTHER_ROLES.match(aside.group()) and _COMPARED.search(text, 0, aside.start())
    ):
        return "aside"  # not 'Compared with related jobs': the page's own comparison
    found = [
        (match.start(), name) for name in _NAMED_TYPES if (match := patterns[name].search(text))
    ]
    if not found and _skill_frame().search(text):
        return "skills"  # 'What employers want', unless it names what they want
    if not found and _duty_opening().match(text.strip(" #*_")):
        return "responsibilities"  # 'You will:' over a job posting's duties
    return min(found)[1] if found else "other"  # type: ignore[return-value]


@cache
def _skill_frame() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("sections")["skills"]["frames"])


@cache
def _duty_opening() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("sections")["responsibilities"]["openings"])


def heading_types(doc: Document) -> dict[int, SectionType]:
    """The effective type of every heading block, by block index.

    A heading that names no type inherits from an enclosing heading of a smaller level (never
    from a level-1 page title, but a thread's '5 Answers' and a 'Step 2' do: they answer it), and
    an aside heading passes its type to a heading that follows it with nothing in between
    ('Common Misconceptions' / 'The role'). A page title is never an 'offer' section: 'Applied
    ML Bootcamp' names the page, not a benefits section.
    """
    types: dict[int, SectionType] = {}
    stack: list[tuple[int, SectionType]] = []
    previous: int | None = None
    for index, block in enumerate(doc.blocks):
        if block.kind != "heading":
            continue
        own = classify_heading(doc.span_text(block))
        if own == "offer" and block.level == 1:
            own = "other"  # a page titled 'ML Engineering Bootcamp' still opens with prose
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        effective = own
        if own == "other":
            if previous is not None and previous == index - 1 and types[previous] == "aside":
                effective = "aside"
            elif stack and (stack[-1][0] > 1 or _answers_above(doc.span_text(block))):
                effective = stack[-1][1]  # '5 Answers' under the question they answer
        types[index] = effective
        stack.append((block.level, effective))
        previous = index
    return types


def _answers_above(heading: str) -> bool:
    """Whether a heading goes on answering the heading above it, even a page title: a thread's
    '5 Answers', or a step of the way it sets out ('Step 2 – Classical ML with scikit-learn'
    under 'What should I learn to become an ML engineer?')."""
    return bool(_thread_heading().fullmatch(heading) or _STEP.match(heading))


_STEP = re.compile(r"\W*step\s+\d{1,2}\b", re.IGNORECASE)


@cache
def _thread_heading() -> re.Pattern[str]:
    """'5 Answers', 'Replies (12)': the heading of a thread's answers (sections.toml `thread`)."""
    words = vocabulary_regex(load_data("sections")["thread"]["headings"])
    return re.compile(rf"\W*(?:\d[\d,.]*k?\s+)?(?:{words})(?:\s*\(\d[\d,.]*k?\))?\W*", re.I)


@lru_cache(maxsize=8)
def block_section_types(doc: Document) -> tuple[SectionType, ...]:
    """The type of the section each block sits in; a list's lead-in line overrides its heading
    (cached: the skills and responsibilities extractors both ask).

    'These responsibilities include:' makes the list under it a responsibilities list even under
    a heading that names nothing; an aside heading is never overridden, nor a heading of skills
    or duties by a lead-in that names pay ('Skills that push your offer up' / 'candidates who
    could show these negotiated higher pay:').
    """
    headings = heading_types(doc)
    result: list[SectionType] = []
    aside_above = False  # under a boilerplate heading that names an aside ('Related posts')
    for block in doc.blocks:
        by_heading: SectionType = (
            "other" if block.section is None else headings.get(block.section, "other")
        )
        if block.kind == "heading":
            by_heading = headings.get(len(result), "other")
            aside_above = block.boilerplate and classify_heading(doc.span_text(block)) == "aside"
        elif aside_above:  # a boilerplate heading starts no section, but its list is an aside
            by_heading = "aside"
        lead_in = lead_in_type(doc, block)
        if (
            by_heading != "aside"
            and lead_in not in (None, "other")
            and not (lead_in in _FIGURE_TYPES and by_heading in _LIST_TYPES)
        ):
            result.append(lead_in)
        else:
            result.append(by_heading)
    return tuple(result)


# Sections that list what the role needs or does, and sections of figures about it.
_LIST_TYPES = frozenset({"skills", "responsibilities"})
_FIGURE_TYPES = frozenset({"salary", "market"})


def lead_in_type(doc: Document, block: Block) -> SectionType | None:
    """The type named by the lead-in paragraph ending with ':' that introduces this list item."""
    root = root_parent(doc, block)
    if root is None or root.kind != "paragraph":
        return None
    text = doc.span_text(root).rstrip()
    if not text.endswith(":"):
        return None
    sentences = re.split(r"(?<=[.!?])\s+", text)
    named = classify_heading(sentences[-1])
    if named == "other" and len(sentences) > 1:
        # 'We looked at the skills the top earners listed. The same names kept appearing:'
        named = classify_heading(sentences[-2])
    if (
        named == "other"
        and _ends_with_role(sentences[-1])
        and described_as_duties(doc.text, block.start, block.end)
    ):
        return "responsibilities"  # 'In most teams the MLOps engineer:' over 'owns the ...'
    return named


def _ends_with_role(sentence: str) -> bool:
    """Whether a lead-in ends with a role's name and its colon ('... the MLOps engineer:')."""
    head = sentence.rstrip()[:-1].rstrip(" *_")
    roles = find_roles(head)
    return bool(roles) and roles[-1][1] >= len(head) - 1


def root_parent(doc: Document, block: Block) -> Block | None:
    """The outermost enclosing item or lead-in paragraph of a list item, or None."""
    current: Block | None = None
    seen = 0
    parent = block.parent
    while parent is not None and 0 <= parent < len(doc.blocks) and seen < len(doc.blocks):
        current = doc.blocks[parent]
        parent = current.parent
        seen += 1
    return current


def role_in(text: str) -> str | None:
    """The first role phrase named in text, normalized, or None."""
    roles = find_roles(text)
    return roles[0][2] if roles else None


def document_role(doc: Document) -> str | None:
    """The role the document is about: the role its title and headings name most, else its
    text, else the role whose field its title names ('ML Engineering in Practice: 2025 Survey
    Results' is about ML engineers). A transcript's question set as a heading ('[00:04:35]
    DANA: Is that the "AI engineer" title eating into it?') is a speaker's turn, no heading of
    the page's."""
    headings = [
        doc.span_text(block)
        for block in doc.blocks
        if block.kind == "heading" and not SPEAKER_TURN.match(doc.text, block.start)
    ]
    ranked = Counter(role for text in (doc.title or "", *headings) for role in roles_named(text))
    if not ranked:
        ranked = Counter(role for *_, role in find_roles(doc.text))
    if not ranked and doc.title:
        return discipline_role(doc.title)
    if not ranked:
        return None
    # a page whose headings name several roles as often ('## 1. AI research scientist', '## 2.
    # ML engineer', ...) is about the role the dataset is about, if it is one of them
    most = ranked.most_common(1)[0][1]
    tied = [role for role, count in ranked.items() if count == most]
    focus = [role for role in tied if role in _focus_roles()]
    return (focus or tied)[0]


@cache
def _focus_roles() -> frozenset[str]:
    """The roles the dataset is about (prose_terms `focus_roles`), as `find_roles` names them."""
    return frozenset(
        role
        for name in load_data("prose_terms")["responsibility"]["focus_roles"]
        for *_, role in find_roles(name)
    )


def roles_named(title: str) -> list[str]:
    """The roles a title or heading names, but the one a move starts from: 'Moving from data
    analyst to ML engineer' is about ML engineers."""
    roles = find_roles(title)
    return [
        role
        for index, (_, end, role) in enumerate(roles)
        if not (index + 1 < len(roles) and _MOVE_TO.fullmatch(title, end, roles[index + 1][0]))
    ]


# Between the role a move starts from and the one it ends in: ' to ', ' → ', ' to an '.
_MOVE_TO = re.compile(r"\s*(?:to|into|->|→)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)


def section_role(doc: Document, block: Block, *, default: str | None) -> str | None:
    """The role the block's section heading names, else `default` (usually the document's role)."""
    if block.section is not None and 0 <= block.section < len(doc.blocks):
        role = role_in(doc.span_text(doc.blocks[block.section]))
        if role:
            return role
    return default


_BRACES = re.compile(r"\{+([^{}]*)\}+")
_EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")


def clean_text(text: str) -> str:
    """Text as a reader sees it: template braces, emphasis marks and odd spaces removed.

    >>> clean_text("To  carry out {using}\\u00a0**tests**."), clean_text("Employees¹")
    ('To carry out using tests.', 'Employees')
    """
    if _SUPERSCRIPT.search(text):  # a footnote's mark: 'Employees¹', 'All digital occupations²'
        text = _SUPERSCRIPT.sub("", text)
    if "{" in text:  # most texts hold no brace and no emphasis mark: nothing to substitute
        text = _BRACES.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


_SUPERSCRIPT = re.compile(r"(?<=[^\W\d_])[¹²³⁰⁴⁵⁶⁷⁸⁹]+")
_TO = re.compile(r"^to\s+(?=[a-z])", re.IGNORECASE)


def item_text(text: str) -> str:
    """A list item's statement normalized for comparison: no leading 'To ', no end punctuation.

    >>> item_text("  To design and develop ML {systems}. ")
    'design and develop ML systems'
    """
    text = _TO.sub("", clean_text(text).strip(" .,;:!-–—"))
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


# A list number written without a space before the item ('1.Python', '2)SQL').
_GLUED_NUMBER = re.compile(r"\d{1,3}[.)](?=[^\W\d_])")


def content_span(doc: Document, block: Block) -> tuple[int, int]:
    """A block's span without surrounding whitespace or its list marker."""
    text, start, end = doc.text, block.start, block.end
    while start < end and text[start].isspace():
        start += 1
    if block.marker and text.startswith(block.marker, start):
        start += len(block.marker)
        while start < end and text[start].isspace():
            start += 1
    elif block.kind == "list_item" and (glued := _GLUED_NUMBER.match(text, start, end)):
        start = glued.end()  # '1.Python': a number the parser left in the item's text
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def column_described(doc: Document, table: Table, column: int) -> bool:
    """Whether a table's column header is a description ('Description', 'Summary'), whose
    cells either define their row's term or state its duties."""
    span = table.header[column]
    return bool(_described_columns().fullmatch(clean_text(doc.text[span.start : span.end])))


def described_as_duties(text: str, start: int, end: int) -> bool:
    """Whether a description cell states duties: it opens with a work verb in the present
    ('Builds the pipelines'), where a definition opens otherwise ('A developer who ...'). One
    rule for both readers, so a cell is read as duties or as a definition, never both."""
    verb = verb_at(text, skip_space(text, start, end), end)
    return verb is not None and verb.form in ("s", "base")


def skip_space(text: str, position: int, end: int) -> int:
    """The first position from `position` that is not space or emphasis ('**', '_')."""
    while position < end and text[position] in " \t\n\u00a0*_":
        position += 1
    return position


@cache
def _described_columns() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("prose_terms")["definition"]["described_columns"])

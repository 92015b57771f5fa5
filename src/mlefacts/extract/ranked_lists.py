"""Rankings from numbered lists: '1. AI Engineer', '2. Sustainability Analyst' under a heading
or lead-in that says the list ranks ('the 10 fastest-growing roles', 'Here are the top five').

A run of list items numbered 1, 2, 3 ... is a ranking when its frame (the nearest paragraph
above it and the heading above that) has a ranking cue and no cue of a list that merely counts
things off ('5 steps', 'how to', a table of contents).
Headings and short paragraphs numbered the same way ('## 1. Data Scientist', '**2. AI
Ethicist**') are read alike.
Each item's label is its own first words: a bold or leading name before a dash, colon or comma
('**Data Annotator** — hiring grew 40%'), or a heading inside the item ('<li><h3>AI
Engineer</h3>...'). Items without a short label are left alone; the rank is the item's number.
A rank set alone in its own block right above the name it ranks ('01' over '## AI Engineer',
a card's badge 'No. 1' over '### San Francisco') is read alike.
A list the page split (links, an advert or a table between items 1-5 and an '<ol start="6">')
is one list: its later items keep their ranks and its title.
Each list keeps its own ranks: a list under the same heading as a list before it ('Languages,
ranked the same way:' after a list of frameworks) is named by its lead-in line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from itertools import takewhile

from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Block, Document
from mlefacts.document.structure import DOT_LEADER, TIE_MARK
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import is_place, lead_in, place_name
from mlefacts.extract.cues import has_digit
from mlefacts.extract.grammar import byline_cue
from mlefacts.extract.rank_marks import (
    ORDINAL_ENDING,
    leading_rank,
    marker,
    rank_cell,
    trailing_rank,
)
from mlefacts.extract.sections import clean_text, vocabulary_pattern
from mlefacts.normalize.numbers import cardinal_pattern, cardinal_value
from mlefacts.normalize.quantities import find_years
from mlefacts.normalize.skills import skill_alone
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import data_words, load_data

_NUMBER = re.compile(rf"^\(?(?:#|{TIE_MARK})?(\d{{1,3}})[.):]?$")
# A list item's marker of a tie ('T-11)', '=4.'): the rank the item before holds too.
_TIED_MARKER = re.compile(rf"\s*{TIE_MARK}\d")
# An item's name: its words up to a colon, dash, bar, bracket, comma, dot leader ('Python
# ........ 79%'), the end of a first sentence ('Prompt Engineer. Grew fast.'; not 'St. Louis')
# or of its first line ('Data Engineer' over 'Job Openings: 5,204'), or a sum after a space
# ('1. California    $184,700').
_LABEL = re.compile(
    r"^\W*(?P<label>[^\W\d][^:–—|(·•\n]*?)\s*(?:\*\*|__)?\s*"
    rf"(?:[:–—|(·•]|,(?!\d)|\s-\s|{DOT_LEADER}|(?<=[^\W\d_]{{3}})\.\s+(?=[A-Z])|\n|$"
    r"|(?<=\s)(?=[A-Z]{0,2}[$€£₹¥]\s?\d)"
    # a figure set in a column of its own, maybe signed: 'San Francisco Bay Area  4,720',
    # 'Poland   +37%   (5,380 postings)'
    r"|\s{2,}(?=[+\-−]?\d)"
    # ... or a share ending the item: 'Python 81%' in a bar list
    r"|\s(?=[+\-−]?\d[\d.,]*\s?%\s*$))",
    re.UNICODE,
)


# 'N. Name', 'N) Name', 'N.Name', '1st: Name', 'N - Name', 'N | Name', or a rank marker
# (`rank_marks.marker`): '#N Name', 'No. N: Name', 'n. N: Name', 'Rank #N: Name', 'Rank N - Name'
# (a marker needs no punctuation after the number, and its list may skip ranks: 'n. 1', 'n. 2',
# 'n. 5' are the roles of one kind picked out of a longer list); a tie ('T-4. Amsterdam',
# '=4. Munich', '4=. Munich') is marked too: the rank repeats and the next one is skipped.
@cache
def _heading_numbers() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:(?:{marker()})\s?(?P<marked>\d{{1,3}})\s*[.):–—-]?\s+"
        rf"|{TIE_MARK}(?P<tied>\d{{1,3}})\s*[.):–—-]?\s+|(?P<tied_after>\d{{1,3}})=\s*[.):–—-]?\s+"
        rf"|(?P<plain>\d{{1,3}})(?:{ORDINAL_ENDING}?\s*[.):](?:\s+|(?=[^\W\d_]))|\s+[-–—|]\s+))(?=\S)",
        re.IGNORECASE,
    )


# A heading's number without punctuation: '3 Data Engineer', or glued to the name ('1AI
# Engineer': the page set the number in an element of its own); not '3D Artist'.
_BARE_NUMBER = re.compile(r"^\s*(?P<plain>\d{1,2})(?:\s+(?=[A-Z])|(?=[A-Z][A-Za-z]))")
_MAX_LABEL_WORDS = 6
_MAX_GROUP_WORDS = 4
_EMPHASIS = " *_"
_PARAGRAPH_TIER = -1
# A byline set as its own line ('*Published 9 April 2025 · Careers desk*') is no section heading.
_BYLINE = re.compile(r"\s[·•]\s")


@dataclass(frozen=True, slots=True)
class RankedItem:
    """One item of a ranked list: its rank, label, quote span and the list's title."""

    rank: int
    label: str
    start: int
    end: int
    title: str
    block: int  # the block that holds the item's name (a list item, heading or paragraph)


@lru_cache(maxsize=8)
def ranked_items(doc: Document) -> tuple[RankedItem, ...]:
    """Every labelled item of every numbered list that the page frames as a ranking, list by
    list in page order; each list under its own title (`_own_titles`). Found once per
    document: the figures' readers (`ranked_subject`) and the rankings ask both."""
    lists = [
        items
        for items in _ranked_lists(doc)
        if items and not _posts(doc, items) and not _repeats(items)
    ]
    lists.sort(key=lambda items: items[0].start)
    return tuple(item for items in _own_titles(doc, lists) for item in items)


def _heading_items(doc: Document, run: list[tuple[int, int]]) -> list[RankedItem]:
    """The labelled items of one run of numbered headings ('## 1. Python'), under the title
    above the run."""
    title = _title(doc, run[0][0])
    items = []
    for index, number in run:
        heading = doc.blocks[index]
        line = _first_line(doc, heading)
        label = numbered_label(line, bare=_bare_allowed(doc, heading))
        if label:
            items.append(
                RankedItem(number, label, heading.start, heading.start + len(line), title, index)
            )
    return items


def _run_items(doc: Document, run: list[tuple[int, int]]) -> list[RankedItem]:
    """The labelled items of one run of numbered blocks (block index, number), under the run's
    title."""
    headed = all(index > 0 and _opens_item(doc, index - 1) for index, _ in run)
    first = run[0][0] - 1 if headed else run[0][0]
    title = _title(doc, first)
    holder = doc.blocks[run[0][0]].parent
    if holder is not None and doc.blocks[holder].kind == "list_item":
        title = lead_line(doc, doc.blocks[run[0][0]].start) or title  # the item it is in
    items = []
    for index, number in run:
        found = _item_label(doc, index, headed=headed)
        if found is None:
            continue
        label, start = found
        block = doc.blocks[index]
        start = _with_marker(doc, block, start)
        end = block.end if block.end - start <= MAX_QUOTE else start + len(label)
        items.append(RankedItem(number, label, start, end, title, index))
    return items


def _posts(doc: Document, items: list[RankedItem]) -> bool:
    """Whether numbered lines are a forum thread's post headers, each its number, its writer
    and when it was posted or how long they are a member ('#1  kfold_kat  (Member since 2021)
    14 Mar 2025, 09:12', '#2  data_dhow  |  Member since 2022  |  Posts: 87'), not a ranking;
    one header may say neither ('#9  [MOD] boardkeeper')."""
    headers = sum(1 for item in items if _POST_HEADER.search(doc.text, item.start, item.end))
    return headers >= max(1, len(items) - 1)


def _repeats(items: list[RankedItem]) -> bool:
    """Whether a numbered run names an item twice ('#1 quantlemur' ... '#6 quantlemur'): a
    ranking places each thing once, a thread numbers its posts."""
    labels = [" ".join(item.label.casefold().split()) for item in items]
    return len(set(labels)) < len(labels)


# A time of day in a line, as a post header states when it was written, or its writer's
# standing on the forum ('Member since 2019 | Posts: 1,204', 'Joined Mar 2021').
_POST_HEADER = re.compile(
    r"\b\d{1,2}:\d{2}(?:\s*(?:am|pm))?\b|\bmember\s+since\b|\bjoined\b|\bposts:\s*\d",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def numbered_items(doc: Document) -> tuple[RankedItem, ...]:
    """Every labelled item of every run of numbered list items, headings or short lines, in
    page order, whether or not the page frames the run as a ranking ('## 3. Linear algebra and
    probability' under '12 Skills Every ML Engineer Needs', grouped 'not by how often they
    appear'): what each item names, whatever its number means."""
    return tuple(
        sorted(
            [
                *(item for run in _numbered_runs(doc) for item in _run_items(doc, run)),
                *(item for run in _numbered_headings(doc) for item in _heading_items(doc, run)),
            ],
            key=lambda item: item.start,
        )
    )


def _ranked_lists(doc: Document) -> Iterator[list[RankedItem]]:
    """The items of each ranked list, by the layout that writes it."""
    for run in _numbered_runs(doc):
        headed = all(index > 0 and _opens_item(doc, index - 1) for index, _ in run)
        first = run[0][0] - 1 if headed else run[0][0]
        if not (
            _framed(doc, first, marked=_number(doc, doc.blocks[run[0][0]])[1])
            or _order_noted(doc, run[-1][0] + 1)
        ):
            continue
        yield _run_items(doc, run)
    for index, lines, lead in _numbered_lines(doc):
        marked = _marked_line(doc, lines[0])
        if lead:  # 'Cities with the most posts:' over '1. San Francisco (6,120)' in one block
            if not _frames_ranking(lead, marked=marked):
                continue
            title = lead.strip(" :*_")
        elif not _framed(doc, index, marked=marked):
            continue
        else:
            title = _title(doc, index)
        yield [
            RankedItem(number, label, start, end, title, index)
            for number, label, start, end in lines
        ]
    for run in _bullet_runs(doc):
        frame = _frame(doc, run[0])
        if not ordered(frame) or _record(doc, run):
            continue
        title = _title(doc, run[0])
        labels = [(index, item_name(doc.span_text(doc.blocks[index]))) for index in run]
        items = []
        for rank, (index, label) in enumerate(labels, start=1):
            if label is not None:
                block = doc.blocks[index]
                start = _with_marker(doc, block, block.start)
                end = block.end if block.end - start <= MAX_QUOTE else block.start + len(label)
                items.append(RankedItem(rank, label, start, end, title, index))
        yield items
    for index, items in _inline_runs(doc):
        if _framed(doc, index, marked=False):
            title = _title(doc, index)
            yield [RankedItem(*item, title, index) for item in items]
    for first, rows in [*_numbered_tables(doc), *_numbered_cards(doc)]:
        if not _framed(doc, first, marked=_marked_line(doc, rows[0])):
            continue
        title = _title(doc, first)
        yield [RankedItem(*row, title, first) for row in rows]
    for run in _numbered_headings(doc):
        opening = _first_line(doc, doc.blocks[run[0][0]]).strip(_EMPHASIS)
        if _framed(doc, run[0][0], marked=line_number(opening)[1]):
            yield _heading_items(doc, run)
    for run, marked in _badged_runs(doc):
        first = run[0][0]
        if not _framed(doc, first, marked=marked):
            continue
        title = _title(doc, first)
        items = []
        for index, number in run:
            name = doc.blocks[index + 1]
            label = clean_text(_first_line(doc, name))
            items.append(
                RankedItem(
                    number,
                    label,
                    doc.blocks[index].start,
                    name.start + len(_first_line(doc, name)),
                    title,
                    index + 1,
                )
            )
        yield items


def _own_titles(doc: Document, lists: list[list[RankedItem]]) -> list[list[RankedItem]]:
    """The lists, each under a title no list before it has: a list under the same heading as
    an earlier one ('Frameworks ...' then 'Languages, ranked the same way:') takes its lead-in
    line, else its heading and its place among the lists under it ('Top tools (2)'), so one
    list never holds a rank twice."""
    seen: dict[str, int] = {}
    titled = []
    for items in lists:
        title = items[0].title
        if title in seen:
            lead = lead_line(doc, items[0].start)
            title = lead if lead and lead not in seen else f"{title} ({seen[title] + 1})"
        seen[items[0].title] = seen.get(items[0].title, 0) + 1
        seen.setdefault(title, 1)
        titled.append(
            items if title == items[0].title else [replace(item, title=title) for item in items]
        )
    return titled


def lead_line(doc: Document, position: int) -> str | None:
    """The paragraph right above a list starting at `position` that introduces it ('Languages,
    ranked the same way:'), or the item a nested list sits in ('The five countries with the
    most vacancies were:'), as a title: one line ending with a colon, without the colon."""
    for block in reversed(doc.blocks):
        if block.boilerplate or block.end > position:
            continue
        text = clean_text(doc.span_text(block))
        if block.kind == "heading" or "\n" in text or not text.endswith(":"):
            return None
        return text.rstrip(": ") or None
    return None


def heading_list_lead(doc: Document, block_index: int) -> str:
    """For a heading that is an item of a ranked list ('### 2. SQL — 57%'): the heading of the
    list's first item ('### 1. Python — 84% of postings'), which says once what every item's
    figure is a share of, as a countdown of headings writes it; else ''."""
    first = _first_of_heading_list(doc, block_index)
    return _first_line(doc, doc.blocks[first.block]) if first else ""


def heading_list_frame(doc: Document, block_index: int) -> str:
    """For a heading that is an item of a ranked list ('### 2. Seattle, WA — $181,000'): the
    lead-in and section heading above the list ('We ranked cities by the median base salary
    ...'), which say what every item's figure is; else ''."""
    first = _first_of_heading_list(doc, block_index)
    return _frame(doc, first.block) if first else ""


def _first_of_heading_list(doc: Document, block_index: int) -> RankedItem | None:
    """The first item of the ranked list whose item the heading `block_index` is, or None."""
    items = ranked_items(doc)
    item = next((i for i in items if i.block == block_index), None)
    if item is None or doc.blocks[block_index].kind != "heading":
        return None
    return next(i for i in items if i.title == item.title)


def ranked_subject(doc: Document, position: int) -> str | None:
    """The ranked item whose description holds `position`, as a subject, or None.

    A figure in a ranked item's own words ('1. Machine Learning Engineer - postings up 58%',
    or the paragraph under '## 2. AI Governance Analyst') is about that item, not the page;
    a ranked place ('3. Seattle, Washington' / 'Average salary: $172,300') is where the figure
    holds, not what it is about (None: the page's subject, with the place as a qualifier).
    """
    for start, end, subject in _reaches(doc):
        if start <= position < end:
            return None if is_place(subject) else subject
    return None


@lru_cache(maxsize=16)
def _reaches(doc: Document) -> tuple[tuple[int, int, str], ...]:
    """(start, end, subject) of each ranked item's description: from its name to the next
    item of its list; the last item's ends with its own block, or, when that block is only
    the name, with the paragraph right under it (a heading ends it sooner)."""
    items = ranked_items(doc)
    reaches = []
    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and abs(following.rank - item.rank) == 1:
            end = following.start  # the next item, counting up or down ('10.' then '9.')
        elif index and items[index - 1].block == item.block - 1:
            # the last of a list of bare names ('1. Northwind' / '2. Bluepeak'): the paragraph
            # under it is the page's again, as it is under the items before it
            end = doc.blocks[item.block].end
        else:
            end = _description_end(doc, item)
        reaches.append((item.start, end, item_subject(item.label)))
    return tuple(reaches)


def _description_end(doc: Document, item: RankedItem) -> int:
    block = doc.blocks[item.block]
    if block.kind == "list_item":  # with the items nested in it ('- Median salary: $88,200')
        end = block.end
        for following in doc.blocks[item.block + 1 :]:
            if following.kind != "list_item" or _top_level_item(doc, following):
                break
            end = following.end
        if end > block.end or clean_text(doc.span_text(block)) != item.label:
            return end
        # an item that is only its name: its description is the paragraph under it, as for
        # the items before it ('3. Solutions Architect' over 'Job Openings: 2,906')
    if "\n" in doc.span_text(block).strip():
        return block.end
    following = item.block + 1
    if (
        block.kind == "heading"
        and following < len(doc.blocks)
        and doc.blocks[following].kind == "list_item"
    ):
        # a named heading's list of facts ('### 5. DevOps Engineer' over '- Open roles: 2,310',
        # '- Median base pay: £63,500'): all of it
        end = following
        while end + 1 < len(doc.blocks) and doc.blocks[end + 1].kind == "list_item":
            end += 1
        return doc.blocks[end].end
    if following < len(doc.blocks) and doc.blocks[following].kind != "heading":
        end = following
        if block.kind == "heading" and doc.blocks[following].kind == "paragraph":
            # and the list of facts right under that paragraph ('10. Mortgage Underwriter' /
            # a line on why it grew / '- Median salary: $74,000')
            while end + 1 < len(doc.blocks) and doc.blocks[end + 1].kind == "list_item":
                end += 1
        return doc.blocks[end].end
    return block.end


def ranked_list_claims(doc: Document, *, name: str) -> list[Claim]:
    """One 'ranking' claim per ranked item: value = its number, subject = its label."""
    claims = []
    page_year = _single_year(_page_heading(doc))
    for item in ranked_items(doc):
        # the list's title, else its lead-in ('The five metros with the most open postings at
        # the end of Q3 2025:'), else the page's heading
        year = _single_year(item.title) or _single_year(_list_lead_in(doc, item)) or page_year
        claims.append(
            Claim(
                kind="ranking",
                subject=item_subject(item.label),
                attribute="rank",
                char_start=item.start,
                char_end=item.end,
                extractor=name,
                value=float(item.rank),
                unit="rank",
                text=item.label,
                year=year,
                qualifiers={"list": item.title} if item.title else {},
                context=item.title or None,
            )
        )
    return claims


def _list_lead_in(doc: Document, item: RankedItem) -> str:
    """The lead-in of the list an item of a list of items stands in, else '' (a table's rows,
    cards and headings: their `block` may index no block)."""
    block = doc.blocks[item.block] if item.block < len(doc.blocks) else None
    if block is None or block.kind != "list_item":
        return ""
    if not (item.start < block.end and block.start < item.end):
        return ""
    return lead_in(doc, item.block)


def item_subject(label: str) -> str:
    """A ranked item's subject: a skill by its canonical name ('C#', not 'c'), a place as
    written ('Los Angeles', not made singular), else a normalized title.

    >>> item_subject("C#"), item_subject("Los Angeles"), item_subject("Data Scientists")
    ('c#', 'los angeles', 'data scientist')
    """
    label = leading_rank().sub("", label)  # '3. Machine learning engineer' under '<li value=3>'
    match = skill_alone(label)
    if match is not None:
        return match.canonical.lower()
    return place_name(label).lower() if is_place(label) else normalize_subject(label)


def _single_year(text: str) -> int | None:
    years = {year for _, _, year in find_years(text, 0, len(text))}
    return years.pop() if len(years) == 1 else None


def _page_heading(doc: Document) -> str:
    """The page's own heading (its first top-level one): a list's year, when the list's own
    heading states none ('What employers ask in 2026' over 'Top tools in job ads')."""
    for block in doc.blocks:
        if block.kind == "heading" and block.level == 1 and not block.boilerplate:
            return doc.span_text(block)
    return ""


def _numbered_runs(doc: Document) -> Iterator[list[tuple[int, int]]]:
    """Runs of top-level list items numbered 1, 2, 3 ... (their block index and number);
    what may sit inside an item (`_inside_item`) does not break a run, and a run broken by what
    is no part of the list (an advert, a list of links, a table) goes on where a later run
    takes up its numbering ('<ol start="6">' after five items; see `_takes_up`)."""
    joined: list[tuple[list[tuple[int, int]], bool]] = []
    for run, opened in _item_runs(doc):
        if joined and _takes_up(doc, joined[-1][0], run):
            joined[-1] = (joined[-1][0] + run, joined[-1][1])
        else:
            joined.append((run, opened))
    for run, opened in joined:
        if _complete(run, opened):
            yield run
    yield from _nested_runs(doc)


def _nested_runs(doc: Document) -> Iterator[list[tuple[int, int]]]:
    """Runs of list items numbered 1, 2, 3 ... inside one list item ('6. The five countries
    with the most vacancies were:' over '1. Germany: 21,800', '2. United Kingdom: 18,300')."""
    children: dict[int, list[tuple[int, int]]] = {}
    for index, block in enumerate(doc.blocks):
        holder = block.parent
        if block.kind != "list_item" or block.boilerplate or holder is None:
            continue
        if doc.blocks[holder].kind != "list_item":
            continue
        number, _ = _number(doc, block)
        run = children.setdefault(holder, [])
        if number is None or (run and number != run[-1][1] + 1):
            children[holder] = [(-1, -1)]  # not numbered one by one: no ranking
            continue
        run.append((index, number))
    for run in children.values():
        if run[0][0] >= 0 and _complete(run, False):
            yield run


def _item_runs(doc: Document) -> Iterator[tuple[list[tuple[int, int]], bool]]:
    """Every run of numbered top-level list items, complete or not, and whether its first item
    was written with a rank marker."""
    run: list[tuple[int, int]] = []
    opened = False
    for index, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind == "paragraph":
            continue  # an item's description (`_inside_item`): it never ends a run
        if _top_level_item(doc, block):
            number, marked = _number(doc, block)
            if _continues(run, number, marked, tied=_TIED_MARKER.match(block.marker) is not None):
                run.append((index, number))  # type: ignore[arg-type]
                continue
            if run:
                yield run, opened
            run, opened = ([(index, number)], marked) if number is not None else ([], False)
        elif not _inside_item(doc, block, index) or (
            block.kind == "heading" and run and not _headed(doc, run)
        ):
            if run:
                yield run, opened
            run = []
    if run:
        yield run, opened


def _takes_up(doc: Document, before: list[tuple[int, int]], run: list[tuple[int, int]]) -> bool:
    """Whether `run` goes on with the numbering of the run `before` it (5 then 6, or 6 then 5
    in a countdown) with no heading between them but the one that opens its first item: one
    list that the page split."""
    first = run[0][0]
    if not _continues(before, run[0][1], False):
        return False
    return not any(
        block.kind == "heading" and not block.boilerplate
        for index, block in enumerate(doc.blocks[before[-1][0] + 1 : first], before[-1][0] + 1)
        if not (index == first - 1 and _headed(doc, before) and _opens_item(doc, index))
    )


def _headed(doc: Document, run: list[tuple[int, int]]) -> bool:
    """Whether a run's items open with headings of their own, so that a heading right before
    the next item opens it; else that heading is a section's ('## Pay' over '<ol start="6">'
    after the five items under '## Demand for AI talent'). The heading over the first item may
    be the list's own, so the items after it tell."""
    items = [index for index, _ in run[1:]] or [run[0][0]]
    return all(index > 0 and _opens_item(doc, index - 1) for index in items)


def item_name(item: str) -> str | None:
    """The name a list item gives by its leading words ('Data Labeling Lead — new this year').

    >>> item_name("**Data Labeling Lead** — new this year"), item_name("We hired 40 people.")
    ('Data Labeling Lead', None)
    >>> item_name("Python 81%")
    'Python'
    """
    match = _LABEL.match(item)
    label = clean_text(match.group("label")) if match else ""
    return label if _short(label) else None


def numbered_label(line: str, *, bare: bool = False) -> str | None:
    """The name a numbered heading or line gives ('2. Applied Scientist' -> 'Applied Scientist');
    with `bare`, a heading's number may stand without punctuation ('3 Data Engineer', '1AI
    Engineer', where the page set the number in an element of its own).

    >>> numbered_label("**3. MLOps Engineer**: the builders"), numbered_label("Salaries in 2026")
    ('MLOps Engineer', None)
    >>> numbered_label("1AI Engineer", bare=True), numbered_label("3D Artist", bare=True)
    ('AI Engineer', None)
    >>> numbered_label("Austin (No. 1)")
    'Austin'
    """
    match = _heading_number(line.strip(_EMPHASIS), bare=bare)
    if match is None:
        trailing = trailing_rank(_first(line))
        return trailing[1] if trailing and _short(trailing[1]) else None
    found = _LABEL.match(line.strip(_EMPHASIS)[match.end() :].lstrip(_EMPHASIS))
    label = clean_text(found.group("label")).strip(_EMPHASIS) if found else ""
    return label if _short(label) else None


def _numbered_headings(doc: Document) -> Iterator[list[tuple[int, int]]]:
    """Runs of headings of one level, or of short paragraphs, written 'N. Name' and numbered
    1, 2, 3 ... (or counting down to 1): prose between them does not break a run; a heading of
    their level or above (any heading, for a run of paragraphs) or a number of their tier that
    does not go on does, but not a line the reader took for a heading that the page did not
    mark as one ('**Most common skills:** ...' between '## 1. X' and '## 2. Y')."""
    run: list[tuple[int, int]] = []
    tier, opened, hashed = 0, False, False
    for index, block in enumerate(doc.blocks):
        if block.boilerplate or block.kind == "list_item":
            continue
        number, marked = _line_number(doc, block)
        if number is None and (not run or block.kind != "heading"):
            continue  # a block without a number matters only as a heading that may end a run
        # An emphasised line is one tier whether the parser made it a heading or a paragraph.
        emphasised = doc.text.startswith(("**", "__"), block.start, block.end)
        own_tier = block.level if block.kind == "heading" and not emphasised else _PARAGRAPH_TIER
        tied = number is not None and _written_tied(_first_line(doc, block).strip(_EMPHASIS))
        if run and own_tier == tier and _continues(run, number, marked, tied=tied):
            run.append((index, number))  # type: ignore[arg-type]
            continue
        ends = (
            block.kind == "heading"
            and (tier == _PARAGRAPH_TIER or block.level <= tier)
            and not (hashed and not _hash_marked(doc, block))
        )
        if run and (ends or (number is not None and own_tier == tier)):
            if _complete(run, opened):
                yield run
            run = []
        if number is not None and not _complete(run, opened):
            run, tier, opened = [(index, number)], own_tier, marked
            hashed = block.kind == "heading" and _hash_marked(doc, block)
    if _complete(run, opened):
        yield run


def _line_number(doc: Document, block: Block) -> tuple[int | None, bool]:
    """`line_number` of a block's first line (bare where `_bare_allowed`: a paragraph of one
    short line is a row whose rank the page set in a badge of its own, '<span
    class="rank">1</span> <strong>San Francisco, CA</strong> — $228,000'): a line without a
    digit has none, found without reading the line (most blocks)."""
    end = doc.text.find("\n", block.start, block.end)
    if not has_digit(doc.text, block.start, block.end if end < 0 else end):
        return None, False
    line = _first_line(doc, block)
    return line_number(line.strip(_EMPHASIS), bare=_bare_allowed(doc, block))


def _bare_allowed(doc: Document, block: Block) -> bool:
    """Whether a block's rank may be written without punctuation ('3 Data Engineer'): in a
    heading, or a paragraph of one short line."""
    if block.kind == "heading":
        return True
    return block.end - block.start <= _SHORT_ROW and doc.text.find("\n", block.start, block.end) < 0


# The longest paragraph read as one row of a ranked list when its rank has no punctuation.
_SHORT_ROW = 80


def _hash_marked(doc: Document, block: Block) -> bool:
    """Whether a heading is marked as one with '#' ('## 1. AI engineer'), not guessed from a
    short line."""
    start = doc.text.rfind("\n", 0, block.start) + 1
    return doc.text[start : block.start].lstrip().startswith("#")


def _numbered_lines(
    doc: Document,
) -> Iterator[tuple[int, list[tuple[int, str, int, int]], str]]:
    """Paragraphs whose every line names one item by its rank ('1st: Toronto' / '2nd: Austin',
    'Rank 1 — PyTorch' / 'Rank 2 — TensorFlow'), numbered 1, 2, 3 ... or counting down to 1;
    or whose first line is a lead-in ending in a colon and whose numbered lines follow it, maybe
    with a remark after them ('Cities with the most posts:' / '1. San Francisco (6,120)' / ...):
    (block index, [(rank, label, line start, line end)], the lead-in or '')."""
    for index, block in enumerate(doc.blocks):
        if (
            block.boilerplate
            or block.kind != "paragraph"
            or doc.text.find("\n", block.start, block.end) < 0
        ):
            continue
        lines, run, start, opened = [], [], block.start, False
        written = doc.span_text(block).split("\n")
        first = written[0].strip()
        lead = first if _LEAD_LINE.fullmatch(first) and line_number(first)[0] is None else ""
        if lead:
            start += len(written[0]) + 1
            written = written[1:]
        ended = False
        for line in written:
            number, marked = line_number(line.strip(_EMPHASIS))
            label = numbered_label(line) if number is not None else None
            if label is None or (run and not _continues(run, number, marked)):
                ended = True
                break
            opened = opened or (not run and marked)
            run.append((index, number))
            lines.append((number, label, start, start + len(line.rstrip())))
            start += len(line) + 1
        if (not ended or (lead and run)) and _complete(run, opened):
            yield index, lines, lead


# The first line of a paragraph that leads into numbered lines: a few words and a colon.
_LEAD_LINE = re.compile(r"[^\n]{3,120}:")


def _badged_runs(doc: Document) -> Iterator[tuple[list[tuple[int, int]], bool]]:
    """Runs of ranks each set alone in its block right above the block that names its item
    ('01' / '## AI Engineer', a badge 'No. 1' / '### San Francisco'), numbered 1, 2, 3 ... or
    counting down to 1, with the items' descriptions between them; a heading that no rank
    opens ends a run. ([(rank block index, rank)], whether the first rank has a marker)."""
    run: list[tuple[int, int]] = []
    opened = False
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.boilerplate:
            continue
        found = (
            rank_cell(clean_text(doc.span_text(block))) if block.end - block.start < 12 else None
        )
        if found and index + 1 < len(blocks) and _names_item(doc, blocks[index + 1]):
            number, marked = found.rank, found.marked
            if run and opened and not marked:
                continue  # a bare '4' over 'Top skills' among '#2' ... '#3' is a field's value
            if _continues(run, number, marked):
                run.append((index, number))
                continue
            if _complete(run, opened):
                yield run, opened
            run, opened = [(index, number)], marked
        elif block.kind == "heading" and run and index != run[-1][0] + 1:
            if _complete(run, opened):
                yield run, opened
            run = []
    if _complete(run, opened):
        yield run, opened


def _names_item(doc: Document, block: Block) -> bool:
    """A heading or a one-line paragraph that is only a short name ('San Francisco')."""
    text = doc.span_text(block)
    return (
        not block.boilerplate
        and block.kind in ("heading", "paragraph")
        and "\n" not in text.strip()
        and _short(clean_text(text))
    )


def _record(doc: Document, run: list[int]) -> bool:
    """Whether a run of bullets is one record's fields, not a list of items: each a short
    label and its value, the values of different kinds ('Title: ML Engineer', 'Location:
    Berlin', 'YOE: 4', 'Base: €82,000'), unlike a ranked list's ('Python: 79%', 'SQL: 61%')."""
    fields = [RECORD_FIELD.match(doc.span_text(doc.blocks[index])) for index in run]
    if not all(fields):
        return False
    figured = {any(char.isdigit() for char in field["value"]) for field in fields if field}
    return len(figured) == 2


# A record's field: a label of a few words, a colon and its value ('YOE: 4', '**Base:** €82k').
RECORD_FIELD = re.compile(
    r"[\W_]*(?P<label>[^\W\d][\w /&-]{0,24}?)[*_\s]*:[*_\s]*(?P<value>\S.*)", re.DOTALL
)


def _bullet_runs(doc: Document) -> Iterator[list[int]]:
    """Runs of two or more top-level list items with bullets (no numbers), with the items
    nested in them: a list whose order only its frame can make a ranking."""
    run: list[int] = []
    for index, block in enumerate(doc.blocks):
        if block.boilerplate:
            continue
        if _top_level_item(doc, block) and not _NUMBER.match(block.marker.strip()):
            run.append(index)
        elif not (block.kind == "list_item" and run):
            if len(run) >= 2:
                yield run
            run = []
    if len(run) >= 2:
        yield run


def _numbered_tables(doc: Document) -> Iterator[tuple[int, list[tuple[int, str, int, int]]]]:
    """Lines that the text-table reader took for a table without a header ('#1 San Jose' /
    '#2 Seattle', '1 - Python' / '2 - SQL'): every row, the first included, is a rank and a
    name, numbered 1, 2, 3 ... or counting down to 1. (index of the block after the lines,
    [(rank, label, line start, line end)])."""
    for table in doc.tables:
        lines, run, opened = [], [], False
        for row in (table.header, *table.rows):
            cells = [doc.span_text(cell) for cell in row]
            found = rank_cell(cells[0]) if len(cells) == 2 else None
            number = found.rank if found else None
            marked = bool(found and found.marked)
            label = item_name(cells[1]) if number is not None else None
            if label is None or (run and not _continues(run, number, marked)):
                break
            opened = opened or (not run and marked)
            run.append((0, number))
            lines.append((number, label, row[0].start, row[-1].end))
        else:
            if _complete(run, opened):
                yield _first_block_from(doc, table.start), lines  # type: ignore[misc]


def _numbered_cards(doc: Document) -> Iterator[tuple[int, list[tuple[int, str, int, int]]]]:
    """Cards whose labels are numbered 1, 2, 3 ... (or count down to 1): '1. Data Scientist'
    over 'Job Openings: 1,736' / 'Median Base Salary: $116,840', one card per item, as
    `_numbered_tables` gives rows (the index of the block after the first card)."""
    lines: list[tuple[int, str, int, int]] = []
    run: list[tuple[int, int]] = []
    opened = False
    for card in doc.cards:
        label = doc.span_text(card.label).strip(_EMPHASIS)
        number, marked = line_number(label)
        name = numbered_label(label) if number is not None else None
        tied = number is not None and _written_tied(label)
        if (
            number is None
            or name is None
            or (run and not _continues(run, number, marked, tied=tied))
        ):
            if _complete(run, opened):
                yield _first_block_from(doc, lines[0][2]), lines
            lines, run, opened = [], [], False
            if number is None or name is None:
                continue
        opened = opened or (not run and marked)
        run.append((0, number))
        lines.append((number, name, card.start, card.end))
    if _complete(run, opened):
        yield _first_block_from(doc, lines[0][2]), lines


def _first_block_from(doc: Document, position: int) -> int:
    """The index of the first block that starts at or after `position`."""
    for index, block in enumerate(doc.blocks):
        if block.start >= position:
            return index
    return len(doc.blocks)


def line_number(line: str, *, bare: bool = False) -> tuple[int | None, bool]:
    """The rank a line opens with, and whether a rank marker ('#', 'No.', 'n.') wrote it;
    `bare` as for `numbered_label`; else the rank its first line states after the item's name
    ('Austin (No. 1)', 'Snowflake – ranked 3rd'), which a marker or an ordinal wrote.

    >>> line_number("n. 5: Big Data Developer"), line_number("2.SQL (44%)"), line_number("1.5 m")
    ((5, True), (2, False), (None, False))
    >>> line_number("**Kubernetes** – ranked 3rd")
    (3, True)
    """
    match = _heading_number(line, bare=bare)
    if match is None:
        trailing = trailing_rank(_first(line))
        return (trailing[0], True) if trailing else (None, False)
    groups = match.groupdict()
    marked = groups.get("marked") or groups.get("tied") or groups.get("tied_after")
    return int(marked or match.group("plain")), marked is not None


def _first(text: str) -> str:
    return text.split("\n", 1)[0]


def _written_tied(line: str) -> bool:
    """Whether a line's rank is written as a tie ('T-4. Amsterdam', '=4.', '4=.')."""
    match = _heading_numbers().match(line)
    return bool(match and (match["tied"] or match["tied_after"]))


def _heading_number(line: str, *, bare: bool) -> re.Match[str] | None:
    return _heading_numbers().match(line) or (_BARE_NUMBER.match(line) if bare else None)


def _continues(
    run: list[tuple[int, int]], number: int | None, marked: bool, *, tied: bool = False
) -> bool:
    """Whether `number` goes on a run of ranks: the next one, or, written with a rank marker,
    any later one, or the same one again (a tie: 'T-4. Amsterdam', 'T-4. Munich'), after
    which the next skips the places the tie took ('T-3.', 'T-3.', '5.'); in a countdown
    ('10. Actuary' ... '1. Data Scientist') the one before, or with a marker any earlier one
    ('6. Dublin', 'T-4. Amsterdam')."""
    if number is None or not run:
        return False
    last = run[-1][1]
    before = run[-2][1] if len(run) > 1 else None
    if tied and number == last:
        return True
    if number == last - 1 or (marked and number < last):
        return before is None or before >= last
    tie = sum(1 for _ in takewhile(lambda entry: entry[1] == last, reversed(run)))
    goes_on = number in (last + 1, last + tie) or (marked and number > last)
    return goes_on and (before is None or before <= last)


def _complete(run: list[tuple[int, int]], marked: bool) -> bool:
    """A run of two or more ranks that starts at 1 (or, `marked`, with a rank marker: such a
    list may skip ranks), or counts down to 1."""
    if len(run) < 2:
        return False
    first, last = run[0][1], run[-1][1]
    return last == 1 if last < first else first == 1 or marked


def _first_line(doc: Document, block: Block) -> str:
    """A block's first line: a numbered name set on its own line ('**#2 Cloud Architect**')
    may share its paragraph with the description below it."""
    return doc.span_text(block).split("\n", 1)[0].rstrip()


def _inline_runs(doc: Document) -> Iterator[tuple[int, list[tuple[int, str, int, int]]]]:
    """Numbered items written on one line ('1) Python   2) SQL   3) AWS'): the block that holds
    them and each item's (rank, label, start, end), when they count 1, 2, 3 ... up."""
    for index, block in enumerate(doc.blocks):
        if (
            block.boilerplate
            or block.kind not in ("list_item", "paragraph")
            or doc.text.find("\n", block.start, block.end) >= 0
        ):
            continue
        opening = block.start if block.marker else None
        if opening is None:
            first = _INLINE_FIRST.match(doc.text, block.start, block.end)
            if first is None:
                continue
            opening = first.end()
        elif block.marker.strip(" .)") != "1":
            continue
        parts = list(_INLINE_NEXT.finditer(doc.text, opening, block.end))
        if len(parts) < _MIN_INLINE - 1:
            continue
        bounds = [opening, *(p.start("n") for p in parts), block.end]
        numbers = [1, *(int(p["n"]) for p in parts)]
        if numbers != list(range(1, len(numbers) + 1)):
            continue
        items = []
        for rank, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
            named = doc.text[start:end].rstrip()
            label = _INLINE_NUMBER.sub("", named) if rank > 1 else named
            if not label or len(label.split()) > _MAX_INLINE_WORDS:
                break
            at = start if rank > 1 else _with_marker(doc, block, start)
            items.append((rank, label, at, start + len(named)))
        else:
            yield index, items


# '1) Python   2) SQL': the first item's number, each later item's number, and how few items
# and how short a name make such a line a list.
_INLINE_FIRST = re.compile(r"\s*1[.)]\s+")
_INLINE_NEXT = re.compile(r"\s{2,}(?P<n>\d{1,2})[.)]\s+")
_INLINE_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
_MIN_INLINE = 3
_MAX_INLINE_WORDS = 4


def _with_marker(doc: Document, block: Block, start: int) -> int:
    """Where the quote starts: at the item's number when the text holds it right before the
    item ('3) scikit-learn'), so the quote shows the rank."""
    if start != block.start or not block.marker:
        return start
    at = doc.text.rfind(block.marker, max(0, start - len(block.marker) - 8), start)
    return at if at >= 0 and not doc.text[at + len(block.marker) : start].strip() else start


def _top_level_item(doc: Document, block: Block) -> bool:
    """A list item not nested in another item (its parent may be the list's lead-in)."""
    return block.kind == "list_item" and (
        block.parent is None or doc.blocks[block.parent].kind != "list_item"
    )


def _number(doc: Document, block: Block) -> tuple[int | None, bool]:
    """A list item's number: its marker's ('3.', '(3)'), or, when the marker is a bullet or
    none, the number its text opens with ('n. 5: Big Data Developer', '2.SQL')."""
    match = _NUMBER.match(block.marker.strip())
    if match:
        return int(match.group(1)), False
    if not has_digit(doc.text, block.start, block.end):
        return None, False  # every number is written with a digit: most items hold none
    return line_number(doc.span_text(block))


def _inside_item(doc: Document, block: Block, index: int) -> bool:
    """What may sit between two items of one list: a paragraph (an item's description, even
    when the page did not nest it: the numbering tells whether the list goes on), a nested
    item, or a heading that opens the next item."""
    if block.kind == "heading":
        return _opens_item(doc, index)
    return block.kind == "paragraph" or not _top_level_item(doc, block)


def _opens_item(doc: Document, index: int) -> bool:
    """A heading written as the first line of the list item right after it."""
    following = index + 1
    if following >= len(doc.blocks):
        return False
    after = doc.blocks[following]
    between = doc.text[doc.blocks[index].end : after.start].strip()
    return after.kind == "list_item" and after.section == index and between in ("", after.marker)


def _item_label(doc: Document, index: int, *, headed: bool) -> tuple[str, int] | None:
    """The item's name and where its quote starts: the heading opening the item (when every
    item of the list opens with one), else its leading words."""
    if headed:
        heading = doc.blocks[index - 1]
        label = clean_text(doc.span_text(heading))
        return (label, heading.start) if _short(label) else None
    block = doc.blocks[index]
    text = doc.span_text(block)
    label = numbered_label(text) if not _NUMBER.match(block.marker.strip()) else None
    label = label or item_name(text)
    return (label, block.start) if label else None


def _short(label: str) -> bool:
    """A label that names an item: a few words, not a sentence or a part of the page."""
    return (
        bool(label)
        and len(label.split()) <= _MAX_LABEL_WORDS
        and not label.endswith((".", "?"))
        and label.lower() not in _not_items()
        and not _OPENS_PHRASE.match(label)
    )


# A label opening with a preposition is the opening of a sentence, not a name ('9. In
# Bengaluru, the median ML engineer salary is ₹18 LPA').
_OPENS_PHRASE = re.compile(
    r"(?:in|at|for|of|on|by|from|with|across|among|since|after|before|during)\s", re.IGNORECASE
)


_not_items = partial(data_words, "ranking_terms", "lists", "not_items")


def _frame(doc: Document, first: int) -> str:
    """The lead-in paragraph and the section heading above the list (block `first` opens it);
    when the nearest of these is only a group's label ('**Europe**' under 'Top three cities in
    each region:') without a cue, the lead-in and heading above it, past the groups before
    (labels written like this one)."""
    parts: list[str] = []
    group: tuple[str, int, bool] | None = None  # the label's kind, level and emphasis
    # a list nested in an item is led in by that item ('6. The five countries with the most
    # vacancies were:' over '1. Germany: 21,800')
    opening = doc.blocks[first] if first < len(doc.blocks) else None  # a table's has none
    holder = opening.parent if opening is not None and opening.kind == "list_item" else None
    for index in range(first - 1, -1, -1):
        block = doc.blocks[index]
        text = doc.span_text(block)
        if index == holder and doc.blocks[index].kind == "list_item":
            block = replace(block, kind="paragraph")
        if block.boilerplate or block.kind not in ("paragraph", "heading") or _byline(text):
            continue
        if text.startswith(">"):
            continue  # a quote or a promo set apart between the lead-in and the list
        tier = (block.kind, block.level, text.startswith(("**", "__")))
        if group == tier and len(parts) == 1 and _labels_items(doc, index):
            continue  # the label of the group before ('**Europe**' above '**Asia**')
        if block.kind == "paragraph" and parts and not (group and len(parts) == 1):
            continue
        if group and group[0] == "heading" and block.kind == "heading" and block.level >= group[1]:
            break  # a heading as high as the group's own opens another section ('MARKET CONTEXT')
        if block.kind == "paragraph" and text.rstrip().endswith(":"):
            # 'North America remains the largest market. Regional shares of 2025 revenue:':
            # the sentence that opens the list says how it is ordered, not one before it
            text = _LAST_SENTENCE.search(text.rstrip())[0].strip()
        parts.append(text)
        if not group and len(parts) == 1 and _group_label(text) and not _cued(text):
            group = tier
            continue
        if block.kind == "heading":
            break
    return purpose_blanked(" | ".join(parts))


def _labels_items(doc: Document, index: int) -> bool:
    """Whether block `index` has list items right under it, as a group's label has."""
    return index + 1 < len(doc.blocks) and doc.blocks[index + 1].kind == "list_item"


# The last sentence of a text, or of its last line ('Regional shares:' after a line break).
_LAST_SENTENCE = re.compile(r"(?:(?<=[.!?])\s+|^|(?<=\n))(?!.*[.!?]\s)[^\n]*\Z", re.DOTALL)


def purpose_blanked(text: str) -> str:
    """`text` with its purpose phrases blanked out (`ranking_terms.toml` `lists.purpose`): the
    'in order' of 'In order to stand out, learn:' says nothing of a rank order.

    >>> purpose_blanked("In order to rank, read in order:")
    '            rank, read in order:'
    """
    return _purpose().sub(lambda match: " " * len(match.group()), text)


@cache
def _purpose() -> re.Pattern[str]:
    return vocabulary_pattern(load_data("ranking_terms")["lists"]["purpose"])


def _byline(text: str) -> bool:
    """A byline or date line, which names no list ('Posted 21 April 2026 by the data desk',
    '*By Ana Ruiz · 4 min read*'): parts joined by a dot, or a byline opener and a year."""
    return bool(
        _BYLINE.search(text)
        or (byline_cue().match(clean_text(text)) and find_years(text, 0, len(text)))
    )


def _group_label(text: str) -> bool:
    """A paragraph that only names a group of the list below it: a few words, no sentence."""
    label = clean_text(text)
    return 0 < len(label.split()) <= _MAX_GROUP_WORDS and not label.endswith((".", ":", "?"))


def _title(doc: Document, first: int) -> str:
    """The heading the list sits under (its name, e.g. 'Jobs on the Rise 2025')."""
    for index in range(first - 1, -1, -1):
        block = doc.blocks[index]
        text = doc.span_text(block)
        if block.kind == "heading" and not block.boilerplate and not _byline(text):
            return clean_text(text)
    return ""


def ordered(frame: str) -> bool:
    """A frame that says its bulleted list is in rank order ('Skills, in order of demand',
    'ranked by median pay'), not only that it lists the best ('Top skills')."""
    ordered, unordered = _order_cues()
    return bool(ordered.search(frame)) and not unordered.search(frame) and says_ranked(frame)


@cache
def _order_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lists = load_data("ranking_terms")["lists"]
    return vocabulary_pattern(lists["ordered"]), vocabulary_pattern(lists["unordered"])


def top_n_title(title: str, count: int) -> bool:
    """Whether a title says the `count` things under it are ranked, by naming their number
    beside a ranking cue ('Top 5 AI job titles', 'The ten best-paid jobs').

    >>> top_n_title("Top 5 AI job titles by open postings, Q1 2026", 5)
    True
    >>> top_n_title("Top 5 AI job titles", 4), top_n_title("5 steps to your first ML job", 5)
    (False, False)
    """
    if not says_ranked(title):
        return False
    return any(cardinal_value(number) == count for number in _title_numbers().findall(title))


@cache
def _title_numbers() -> re.Pattern[str]:
    """A number in a title, in digits or words ('Top 5', 'The ten best-paid'), not part of a
    figure ('5.5%', '1,200')."""
    return re.compile(rf"(?<![\w.,])(?:\d{{1,3}}|{cardinal_pattern()})(?![\w.,%])")


def _framed(doc: Document, first: int, *, marked: bool) -> bool:
    """Whether the numbered list that block `first` opens is a ranking: its frame says so
    ('the five cities where AI engineers are paid the most'), or its first item is written with
    a rank marker ('#1 Python', 'No. 1: AI Engineer'), which states a rank by itself; a frame
    of a list that merely counts things off ('5 steps to ...') wins over both."""
    return _frames_ranking(_frame(doc, first), marked=marked)


def _frames_ranking(frame: str, *, marked: bool) -> bool:
    """`_framed`'s answer for the words that frame a list."""
    cued = _cued(frame) or marked or bool(_order_cues()[0].search(frame))
    return cued and not _cues()[1].search(frame)


def _order_noted(doc: Document, after: int) -> bool:
    """Whether the paragraph right after a list says what the list is ordered by ('That list
    is ordered by median total pay', or a note line 'Ranked by average days-to-fill.'), as a
    lead-in would."""
    if after >= len(doc.blocks) or doc.blocks[after].kind not in ("paragraph", "heading"):
        return False
    text = doc.span_text(doc.blocks[after])
    note = _LIST_NOTE.match(text)
    order = note.group("order") if note else text
    return bool(_order_cues()[0].match(order))


# A note that refers back to the list above it and says how it is ordered.
_LIST_NOTE = re.compile(
    r"(?:that|this|the)\s+(?:list|ranking)(?:\s+above)?\s+(?:is|was)\s+(?P<order>.{0,30})",
    re.IGNORECASE,
)


def _marked_line(doc: Document, line: tuple[int, str, int, int]) -> bool:
    """Whether a numbered line ('#1 San Jose', '1st: Toronto') opens with a rank marker."""
    return line_number(doc.text[line[2] : line[3]].strip(_EMPHASIS))[1]


def says_ranked(frame: str) -> bool:
    """Whether a list's or table's title or lead-in says its items are ranked ('Top 5 AI job
    titles', 'the best-paid cities'), not counted off ('5 steps to ...')."""
    return _cued(frame) and not _cues()[1].search(frame)


def _cued(frame: str) -> bool:
    return bool(_cues()[0].search(purpose_blanked(frame)))


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lists = load_data("ranking_terms")["lists"]
    return vocabulary_pattern(lists["cues"]), vocabulary_pattern(lists["not_ranked"])

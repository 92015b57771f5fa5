"""Shares from lists of labelled figures: '- North America: 37.5%' under a lead-in or heading.

An item that is only a short label, a separator and a percentage (a few trailing words allowed,
'of revenue') is one share: the label is its category and comes from the item itself, never from
a neighbour. The whole it is a share of comes from the list's lead-in or section heading (a
market, a role), else the page's market; without one the item is left alone. Items whose own
words already make the figure a share or a growth rate are left to `shares` and `market`, and
money rows to `salary`. The quote is the item; the label goes in `context`. A bar chart drawn
with markup, one short 'Label N%' paragraph a row adding up to a whole, is read as such a list.
"""

from __future__ import annotations

import re
from typing import Any

from mlefacts.document.model import Block, Document
from mlefacts.document.structure import DOT_LEADER
from mlefacts.extract.bands import band_label
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    amounts,
    figure_frame,
    find_city,
    find_experience_level,
    find_places,
    first_role,
    is_place,
    lead_in,
    masked,
    prose_sentences,
    prose_spans,
    section_heading,
    vocabulary,
)
from mlefacts.extract.cues import spans_with_digit
from mlefacts.extract.demand import skill_postings
from mlefacts.extract.rank_marks import marked_rank
from mlefacts.extract.sections import document_role
from mlefacts.extract.shares import (
    JOB_TITLE,
    lead_population,
    names_troubles,
    people_breakdown,
    people_of_page,
    posting_noun,
    roles_of_people,
    row_share_subject,
    share_cue,
    share_noun,
    skill_item,
    surveyed_people,
)
from mlefacts.extract.subjects import main_market, market_phrase
from mlefacts.normalize.quantities import find_years
from mlefacts.normalize.skills import skill_alone

NAME = "lists"
VERSION = "1"

# 'Services: the remaining 11.4%': the rest of the whole, named by its label.
# A label in bold or italics ('**Remote:** 38%', '__Hybrid__ – 45%') is a label all the same.
_LABEL = re.compile(
    rf"^\s*[*_]*(?P<label>[^\W\d][^:–—|\d*]{{0,60}}?)[*_]*\s*(?:[:–—|]|\s-|{DOT_LEADER})[*_\s]*"
    r"(?:(?i:the\s+(?:remaining|rest|other)|another|a\s+further)\s+)?$"
)
# 'North America 37.5%' with no separator: a label only under a lead-in or heading of shares.
_BARE_LABEL = re.compile(r"^\s*(?P<label>[^\W\d][^:–—|\d]{0,60}?)\s+$")
# 'Poor data quality upstream (58%)': a label with its figure in brackets, under a lead-in of
# shares ('Ranked by share of respondents naming each:').
_PAREN_LABEL = re.compile(r"^\s*[*_]*(?P<label>[^\W\d][^:–—|\d*()]{0,60}?)[*_]*\s*\($")
_MAX_LABEL_WORDS = 8
_MAX_TAIL_WORDS = 4
# what a list breaks down 'by' ('by company size'), not what it is sorted by ('ranked by share')
_BY = re.compile(r"(?<!ranked )(?<!sorted )(?<!ordered )\bby\s+([a-z]+)", re.IGNORECASE)


def extract(doc: Document) -> list[Claim]:
    """Share claims from labelled list items, and from lists written as one sentence."""
    claims: list[Claim] = []
    page_market: str | None = None
    bars = _bar_rows(doc)
    runs = _run_claims(doc, bars)
    for index, block in enumerate(doc.blocks):
        claims.extend(runs.get(index, ()))
        if (block.kind != "list_item" and index not in bars) or block.boilerplate:
            continue
        found = amounts(doc.text, block.start, block.end)
        # '#1 Moving prototypes into production – 52%': the rank is no figure of the item, and
        # its label starts after it
        marked = marked_rank().match(doc.span_text(block))
        item_start = block.start + (marked.end() if marked else 0)
        found = [a for a in found if a.start >= item_start]
        figure = found[-1] if found else None
        if figure is None or figure.unit != "percent" or not 0 <= figure.value <= 100:
            continue
        if len(found) > 1 and not band_label(doc.text, found, block.end):
            continue
        intro = lead_in(doc, index) if index not in bars else _lead_of_rows(doc, bars[index])
        items = bars.get(index)  # else the list's items, found when a rule asks
        heading = section_heading(doc, block)
        context = f"{intro} {heading}"
        # 'Roles our graduates were hired into' over 'Data analyst: 21%': the graduates divided
        hired = None if intro else roles_of_people(heading)
        if hired and not _whole_list(doc, items or _list_of(doc, index)):
            hired = None
        breakdown = JOB_TITLE if hired else people_breakdown(heading)
        if breakdown and intro and not _whole_list(doc, items or _list_of(doc, index)):
            breakdown = None  # 'Fully remote, by level:' over 'Junior: 18%', 'Senior: 41%': a
            # rate within each group the lead-in names, not how the people divide
        says_share = bool(share_noun().search(context))
        # a band's digits as letters ('1–50 employees: ' -> 'NNNN employees: '): any label
        head = masked(doc.text, found[:-1], "N", item_start, figure.start)
        label_match = (
            _LABEL.match(head)
            # a bar chart's row is a label and its value by its markup
            or (_BARE_LABEL.match(head) if says_share or breakdown or index in bars else None)
            or (_PAREN_LABEL.match(head) if says_share else None)
        )
        tail = doc.text[figure.end : block.end]
        if label_match is None or len(tail.split()) > _MAX_TAIL_WORDS or re.search(r"\d", tail):
            continue
        label_at = item_start + label_match.start("label")
        label = " ".join(doc.text[label_at : item_start + label_match.end("label")].split())
        if len(label.split()) > _MAX_LABEL_WORDS or skill_item(doc, index, label):
            continue  # a skill's item is its share of what the list counts (`shares`)
        if page_market is None:
            page_market = main_market(doc) or ""
        frame = figure_frame(doc.text, block.start, block.end, found, len(found) - 1)
        cue = share_cue(doc.text, frame, figure)
        population = lead_population(intro) or hired
        # 'Top industries hiring ML engineers, by share of postings:': the role's postings
        postings_of = first_role(intro) if population and posting_noun().search(intro) else None
        if cue is not None and not (
            cue.cue == "label" and (breakdown or population) and (not page_market or postings_of)
        ):
            continue  # its own words make it a share: `shares` reads it ('Technology – 34%'
            # under '## Industry' on a survey page, or 'Public sector: 5%' under 'Share of
            # respondents by employer type:', is a label only this list gives a whole)
        if _says_growth(doc.text[block.start : block.end]):
            continue
        if _says_growth(context) and not says_share:  # '## Regional growth' / '- Europe: 16.3%'
            continue
        subject = (
            market_phrase(intro)
            or market_phrase(heading)
            or postings_of
            or population
            # 'Share of ML engineer postings asking for LLM experience:' / 'Germany — 24%'
            or skill_postings(intro, intro)
            or first_role(intro, heading)
            or page_market
            or (
                people_of_page(doc, index, lead=intro, of_roles=breakdown == JOB_TITLE)
                if breakdown
                else None
            )
            # '## Biggest obstacle' over 'Data quality: 44%' on a page that reports a survey: a
            # part of the people it asked
            or (surveyed_people(doc, index) if names_troubles(intro, heading) else None)
        )
        places = False
        if not subject:
            listed = items or _list_of(doc, index)
            places = (_place_label(label) or _other_places(doc, label, listed)) and _whole_list(
                doc, listed
            )
        if places:  # '#### Where freshers start' / 'Bengaluru — 34%': where the role's people are
            subject = document_role(doc)
        if not subject:
            continue
        qualifiers: dict[str, Any] = {"category": label}
        if places and (level := find_experience_level(heading)):
            qualifiers["experience_level"] = level
        dimension = breakdown if subject != page_market and breakdown else None
        dimension = dimension or _dimension(label, intro, heading)
        if dimension:
            qualifiers["dimension"] = dimension
        claims.append(
            _share(
                figure, subject, block.start, block.end, _year(intro, heading), qualifiers, label
            )
        )
    return claims


def _run_claims(doc: Document, bars: dict[int, range]) -> dict[int, list[Claim]]:
    """The parts of a breakdown written as one sentence after its lead ('Bar chart of languages
    used at work: Python 93%, SQL 61%, Bash 39%.', a chart's alt text; 'Donut chart: AI chip
    market share by chip type, 2025.' / 'GPU 46.7%, ASIC 21.9%, FPGA 9.8%.'): at least three
    labels each with its percentage and nothing else, up to the sentence's end. A skill's label
    is that skill's share of the people the lead or page counts; other labels divide the
    market the lead names, else those people. By the index of the paragraph (bar rows are
    read as a list's items, not here).

    Only the prose sentences with a digit can hold a run (every figure has one): they are found
    once a page, as for its other readers, not asked about one by one. A run with no words of
    its own before it takes the sentence before it in its paragraph as its lead."""
    text = doc.text
    sentences = tuple(prose_sentences(doc))
    claims: dict[int, list[Claim]] = {}
    for at in spans_with_digit(text, prose_spans(doc)):
        sentence = sentences[at]
        index = sentence.block_index
        if sentence.block.kind != "paragraph" or index in bars:
            continue
        run = _run(text, sentence.start, sentence.end)
        if run is None:
            continue
        before = sentences[at - 1] if at else None
        lead = text[before.start : before.end] if before and before.block_index == index else ""
        opening, items = run
        lead = text[sentence.start : opening] if opening > sentence.start else lead
        if not lead or _says_growth(lead):
            continue
        if any(_says_growth(text[start : figure.start]) for start, figure, _ in items):
            continue  # 'Bay Area requisitions were up 52%, New York 38%, ...': changes
        claims.setdefault(index, []).extend(_run_shares(doc, index, lead, items))
    return claims


def _run_shares(
    doc: Document, index: int, lead: str, items: list[tuple[int, Amount, int]]
) -> list[Claim]:
    """The share claims of one run's `items`, under its `lead` (see `_run_claims`)."""
    text = doc.text
    market = market_phrase(lead)
    people = lead_population(lead) or people_of_page(doc, index, lead=lead, of_roles=True)
    role = document_role(doc)
    troubles = names_troubles(lead, section_heading(doc, doc.blocks[index]))
    claims: list[Claim] = []
    for label_start, figure, item_end in items:
        label = text[label_start : figure.start].strip(" (")
        if market:
            subject, qualifiers = market, {"category": label}
        elif people and troubles:  # 'GPU cost (39%)': a part of the people, not a tool
            subject, qualifiers = people, {"category": label}
        elif people and (skill := skill_alone(label)) is not None:
            subject = skill.canonical.lower()  # 'PyTorch 79%': PyTorch's share of them
            qualifiers = {"category": label, "dimension": "skill", "population": people}
        elif people:  # 'hybrid 51%': the role's work arrangement, else a part of them
            subject, extra = row_share_subject(people, label, "", lead, role, False)
            qualifiers = {"category": label, **extra}
        else:
            continue
        if "dimension" not in qualifiers and (dimension := _dimension(label, lead, "")):
            qualifiers["dimension"] = dimension
        claims.append(
            _share(figure, subject, label_start, item_end, _year(lead), qualifiers, lead.strip())
        )
    return claims


def _share(
    figure: Amount,
    subject: str,
    start: int,
    end: int,
    year: int | None,
    qualifiers: dict[str, Any],
    context: str,
) -> Claim:
    """A part's share claim, quoting text[start:end] (its item), with the label or lead that
    gave it its meaning as `context`."""
    return Claim.from_amount(
        figure,
        kind="share",
        subject=subject,
        attribute="share",
        char_start=start,
        char_end=end,
        extractor=NAME,
        unit="percent",
        year=year,
        qualifiers=qualifiers,
        context=context,
    )


def _run(text: str, start: int, end: int) -> tuple[int, list[tuple[int, Amount, int]]] | None:
    """Where a sentence's run of labelled percentages opens (after its colon, else at its start)
    and each item's label start, figure and end; None unless the run is all the sentence holds.
    Figures in brackets ('respondents named data quality (58%), GPU cost (39%) and ...') may
    open after the verb that names the parts, not only after a colon."""
    found = amounts(text, start, end)
    if len(found) < _MIN_RUN or any(a.unit != "percent" for a in found):
        return None
    bracketed = all(_CLOSE.match(text, a.end) for a in found)
    colon = text.find(":", start, found[0].start)
    opening = colon + 1 if colon >= 0 else start
    if bracketed and colon < 0:
        named = list(_NAMING.finditer(text, start, found[0].start))
        if named:
            opening = named[-1].end()
    items: list[tuple[int, Amount, int]] = []
    cursor = opening
    for figure in found:
        label = _BRACKET_LABEL if bracketed else _RUN_LABEL
        item = label.fullmatch(text, cursor, figure.start)
        if item is None or not 0 <= figure.value <= 100:
            return None
        closing = _CLOSE.match(text, figure.end) if bracketed else None
        cursor = closing.end() if closing else figure.end
        items.append((item.start("label"), figure, cursor))
    if not _RUN_END.fullmatch(text, cursor, end):
        return None
    return (opening if bracketed else colon if colon >= 0 else start), items


# An item of a breakdown run: a separator, then a short label of words ('Hugging Face
# Transformers', 'unclear ownership after launch'), then its percentage.
_RUN_LABEL = re.compile(
    r"[\s,;]*(?:(?:and|or)\s+)?(?P<label>[^\W\d][^,;:.%\d()]{0,48}?)\s+(?:at\s+)?",
    re.IGNORECASE,
)
# ... or its percentage in brackets: 'monitoring models in production (44%)'
_BRACKET_LABEL = re.compile(
    r"[\s,;]*(?:(?:and|or)\s+)?(?P<label>[^\W\d][^,;:.%\d()]{0,48}?)\s*\(", re.IGNORECASE
)
_CLOSE = re.compile(r"\s*\)")
# the verb after which a sentence names the parts it counts ('respondents named', 'cited', 'the
# most requested languages are')
_NAMING = re.compile(
    r"\b(?:named|cited|chose|picked|selected|listed|mentioned|pointed\s+to|ranked|are|were|"
    r"include|includes|included|including)\s+",
    re.IGNORECASE,
)
_RUN_END = re.compile(r"[\s.;)]*")
_UP_TO = re.compile(r"\bup\s+to\b", re.IGNORECASE)
_MIN_RUN = 3


def _place_label(label: str) -> bool:
    """A label that names a place, or the rest of the places ('Other cities')."""
    return bool(is_place(label) or find_city(label) or _OTHER_PLACES.fullmatch(label))


_OTHER_PLACES = re.compile(
    r"(?:all\s+)?(?:other|rest\s+of(?:\s+the)?)\s+(?:cities|metros|regions|countries|states|"
    r"locations|world|country)",
    re.IGNORECASE,
)
_OTHER = re.compile(r"others?|rest", re.IGNORECASE)


def _other_places(doc: Document, label: str, items: range) -> bool:
    """'Other' closing a list whose other items all name places ('Europe: 41%', ..., 'Other:
    4%'): the rest of the places."""
    if not _OTHER.fullmatch(label):
        return False
    others = [
        found["label"]
        for i in items
        if (found := _LABEL.match(_before_figure(doc, doc.blocks[i])))
        and not _OTHER.fullmatch(found["label"])
    ]
    return bool(others) and all(_place_label(other) for other in others)


def _before_figure(doc: Document, block: Block) -> str:
    """An item's words before its last figure ('Europe — ' of 'Europe — 41%')."""
    found = amounts(doc.text, block.start, block.end)
    return doc.text[block.start : found[-1].start] if found else ""


def _says_growth(item: str) -> bool:
    """Growth words or a growth rate's name ('Europe: grew 16.3%', 'CAGR: 18.4%'); 'up to' is
    a limit ('asked to pick up to three'), not growth."""
    item = _UP_TO.sub(" ", item)
    return any(
        vocabulary("market_terms", "growth", words).search(item) for words in ("words", "cagr")
    )


def _dimension(label: str, intro: str, heading: str) -> str | None:
    """'region' for a place label, else what the lead-in or heading breaks down 'by'."""
    if find_places(label, "regions") or find_places(label, "countries"):
        return "region"
    if find_city(label):
        return "city"
    if is_place(label):
        return "region"
    for text in (intro, heading):
        by = _BY.search(text)
        if by:  # 'by company size:' names a known breakdown; else its first word ('by region')
            return people_breakdown(text[by.start() :]) or by.group(1).lower()
    return None


def _year(*texts: str) -> int | None:
    for text in texts:
        years = {year for _, _, year in find_years(text, 0, len(text))}
        if len(years) == 1:
            return years.pop()
    return None


def _list_of(doc: Document, index: int) -> range:
    """The indexes of the list's items that item `index` belongs to."""
    blocks = doc.blocks
    first = last = index
    while first > 0 and blocks[first - 1].kind == "list_item":
        first -= 1
    while last + 1 < len(blocks) and blocks[last + 1].kind == "list_item":
        last += 1
    return range(first, last + 1)


def _whole_list(doc: Document, items: range) -> bool:
    """Whether the last percentages of these blocks add up to about 100%."""
    total = 0.0
    for block in (doc.blocks[index] for index in items):
        found = [a for a in amounts(doc.text, block.start, block.end) if a.unit == "percent"]
        total += found[-1].value if found else 0.0
    return _WHOLE_LOW <= total <= _WHOLE_HIGH


def _bar_rows(doc: Document) -> dict[int, range]:
    """Paragraphs that are a list in all but markup: a bar chart's rows ('Data scientist 22%',
    a label and its value in two spans of one row), at least three in a row, each a short label
    and one percentage, adding up to a whole. Each row's index -> the run of rows it is in."""
    rows: dict[int, range] = {}
    blocks = doc.blocks
    index = 0
    while index < len(blocks):
        last = index
        while last < len(blocks) and _bar_row(doc, last):
            last += 1
        run = range(index, last)
        if len(run) >= _MIN_RUN and _whole_list(doc, run):
            rows.update(dict.fromkeys(run, run))
        index = max(last, index + 1)
    return rows


def _bar_row(doc: Document, index: int) -> bool:
    """'Research scientist 9%', '1–50 employees 27%': a paragraph of a label of words (a band's
    numbers allowed) and one percentage, nothing after it."""
    block = doc.blocks[index]
    if block.kind != "paragraph" or block.boilerplate or not doc.span_text(block).endswith("%"):
        return False
    found = amounts(doc.text, block.start, block.end)
    figure = found[-1] if found else None
    if figure is None or figure.unit != "percent" or doc.text[figure.end : block.end].strip():
        return False
    if len(found) > 1 and not band_label(doc.text, found, block.end):
        return False
    label = _BARE_LABEL.match(masked(doc.text, found[:-1], "N", block.start, figure.start))
    return label is not None and len(label.group("label").split()) <= _MAX_LABEL_WORDS


def _lead_of_rows(doc: Document, rows: range) -> str:
    """The paragraph just above a run of bar rows, or ''."""
    if rows.start == 0:
        return ""
    before = doc.blocks[rows.start - 1]
    return doc.span_text(before) if before.kind == "paragraph" and not before.boilerplate else ""


# A list's parts add up to its whole, give or take rounding.
_WHOLE_LOW, _WHOLE_HIGH = 97.0, 103.0

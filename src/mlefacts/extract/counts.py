"""Explicit counts in prose: 'over 9,000 job openings', 'there are 452 machine learning startups',
'job postings in the US reached 412,000', 'Number of jobs, 2024: 38,200'.

Conservative on purpose: a bare whole number counts only when its own words say what it counts,
in one of four frames:

- a counted noun right after it, a few modifier words allowed ('31,400 open machine learning
  engineer positions', '2,417 placements and survey responses');
- a counted noun right before a verb that reports a total ('postings reached 412,000');
- a fact line labelled as a count ('Number of jobs, 2024: 38,200');
- the part of a count of jobs that is for a role ('posted 410,000 AI jobs, and 52,000 of them
  were for ML engineers').

A count may be written in words with a scale ('nearly two million developers').

Years, versions ('Python 3.11'), ranks ('Top 10'), list sizes ('5 steps', 'The 5 best jobs'),
sizes that qualify something else ('firms with over 500 employees', '3 in 5 employers', 'a
team of 8 engineers', '$499 for 12 students', 'our ML group has grown to 140 engineers'), what
a report covers ('profiles 40 vendors'), an organisation's own members ('210 member
companies'), promotion ('trusted by 3,000 companies'), one writer's story ('I interviewed with
12 companies') and pagination ('Showing 4 of 14 roles') are not counts. A count of jobs that
names no role in its sentence is about the role of its section or page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial

from mlefacts.contract import SkipReason
from mlefacts.document.model import Block, Document, Span, Table
from mlefacts.extract.attribution import find_attribution, reporting_clause
from mlefacts.extract.bands import in_band_label
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Amount,
    Frame,
    Sentence,
    Skip,
    amounts,
    collect,
    collect_skips,
    discipline_role,
    escape_phrase,
    fact_lines,
    figure_frame,
    figure_headings,
    find_city,
    find_experience_level,
    find_roles,
    is_place,
    own_city,
    periods,
    plain_years,
    section_heading,
    single_country,
    single_region,
    states_forecast,
    years_level,
)
from mlefacts.extract.count_restatements import restatement, starts_from
from mlefacts.extract.coverage import page_activity
from mlefacts.extract.cues import Keys, declare, may_hold, word_keys
from mlefacts.extract.ranked_lists import item_name, numbered_label, ranked_subject
from mlefacts.extract.sections import (
    block_section_types,
    clean_text,
    document_role,
    section_role,
)
from mlefacts.extract.table_frame import Column, read_column
from mlefacts.extract.titles import find_titles
from mlefacts.months import month_alternation
from mlefacts.normalize._data import gated
from mlefacts.normalize.numbers import general_scales
from mlefacts.normalize.quantities import find_number_words, find_years, hedge_words, optional_hedge
from mlefacts.normalize.text import folded_page, normalize_subject
from mlefacts.toml_files import data_words, load_data

NAME = "counts"
VERSION = "2"

# The people open jobs are for, up to the counted noun: ' for entry-level ML engineers '.
_FOR_PEOPLE = re.compile(r"\s+for\s+(?:[\w-]+\s+){0,5}", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|this|that)\s+", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:and|&)\s*", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"^(?:19|20)\d\d$")
# Searched through a sentence's words before each count: see `gated`.
_RANK_BEFORE = gated(
    re.compile(r"(?:\btop|#|\bno\.|\brank(?:ed)?|\bnumber|\bversion|\bv)\s*$", re.IGNORECASE)
)
# A serial number, not a count: 'Issue 2025/4', 'Vol. 12', 'Edition No. 3'.
_SERIAL_BEFORE = re.compile(
    r"\b(?:issue|vol(?:ume)?|edition|episode|chapter)\.?\s*(?:no\.?\s*|#\s*)?"
    r"(?:(?:19|20)\d\d\s*[/.–-]\s*)?$",
    re.IGNORECASE,
)
_SERIAL_REACH = 24  # the longest serial words before a number ('Volume No. 2025/')
_RATIO_BEFORE = gated(
    re.compile(
        r"(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of|of)"
        r"(?:\s+every)?|\bper)\s+$",  # 'one in every 400 job postings'
        re.I,
    )
)
# A block that is only a label and its number, as stat strips set them side by side.
_STAT_LINE = re.compile(r"\s*(?P<label>[^\W\d][^:\n.!?]{0,60}?)\s+")


@dataclass(frozen=True, slots=True)
class _Counted:
    """What a number counts: the phrase naming it and its head noun."""

    phrase: str
    noun: str
    title: str | None = None  # the job title a bracketed count is of ('analysts (12,650)')
    part_of_openings: bool = False  # the part of a count of open jobs that is for a role


def extract(doc: Document) -> list[Claim]:
    """Count claims from the document's paragraphs and list items, and from fact lines that
    the page set as headings ('Job openings: 4,812' under a numbered role)."""
    found = [
        claim for line in fact_lines(doc) for claim in read_sentence(doc, line, labels_only=True)
    ] + [
        claim
        for line in figure_headings(doc, find_roles)
        for claim in _role_heading_counts(doc, line)
    ]
    found += [claim for table in doc.tables for claim in _fact_rows(doc, table)]
    read = collect(doc, read_sentence, name=NAME, keys=_number_keys())
    return sorted(
        [*read, *found, *_listed_on(doc, read)],
        key=lambda claim: (claim.char_start, claim.figure_start or 0),
    )


def _count_place(before_next: str, own: str) -> dict[str, object]:
    """The country, else the region, a count's own words name: those before the clause's next
    figure ('52,000 openings across Latin America, and 9,400 in Brazil': Brazil is the
    9,400's), else the whole clause ('4,120 ML engineer jobs and 690 MLOps jobs in Canada')."""
    for text in (before_next, own):
        if country := single_country(text):
            return {"country": country}
        if region := single_region(text):
            return {"region": region}
    return {}


def _listed_on(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The items after the first of a list that name their count only there ('Bengaluru —
    5,840 open roles' / 'Hyderabad — 2,910' / 'Pune — 1,720'): each a count of the same things
    as the item before it, in its own place."""
    by_block: dict[int, Claim] = {}
    for claim in claims:
        if claim.kind in ("count", "job_demand"):
            by_block.setdefault(doc.block_at(claim.char_start), claim)
    listed: list[Claim] = []
    for index, block in enumerate(doc.blocks):
        previous = by_block.get(index - 1)
        if block.kind != "list_item" or previous is None or index in by_block:
            continue
        if doc.blocks[index - 1].kind != "list_item":
            continue
        item = _BARE_COUNT_ITEM.fullmatch(doc.span_text(block))
        found = amounts(doc.text, block.start, block.end)
        if item is None or len(found) != 1 or found[0].unit is not None:
            continue
        city = own_city(item["label"])
        place = city or single_country(item["label"])
        if place is None:
            continue
        key = "city" if city else "country"
        qualifiers = {k: v for k, v in previous.qualifiers.items() if k not in ("city", "country")}
        claim = replace(
            previous,
            char_start=block.start,
            char_end=block.end,
            value=found[0].value,
            value_high=None,
            qualifiers={**qualifiers, key: place},
            figure_start=found[0].start,
            figure_end=found[0].end,
        )
        listed.append(claim)
        by_block[index] = claim
    return listed


def _labelled_jobs(doc: Document, block: Block) -> bool:
    """A list item that is only a label and its number of jobs ('London – 612 jobs'), no verb
    that could make them jobs lost or forecast."""
    return block.kind == "list_item" and bool(_LABELLED_JOBS.fullmatch(doc.span_text(block)))


# 'Hyderabad — 2,910': a label, a dash or colon, and a bare number; 'London – 612 jobs' with
# the noun it counts.
_LABEL_AND_NUMBER = r"\s*(?P<label>[^\W\d][^\d:–—|]{0,40}?)\s*[:–—|-]\s*[\d,.]+\+?"
_BARE_COUNT_ITEM = re.compile(rf"{_LABEL_AND_NUMBER}\s*")
_LABELLED_JOBS = re.compile(rf"{_LABEL_AND_NUMBER}\s+[\w-]+\s*")


def _fact_rows(doc: Document, table: Table) -> list[Claim]:
    """Counts in a two-column fact table ('Number of Jobs, 2024 | 1,895,500', 'Employment
    Change, 2024-34 | 287,900' under 'Quick Facts: Software Developers'): a row whose label
    names a count and whose value is one bare number. The role is the caption's, else the
    page's. Only a table whose value column mixes kinds is read here (see `market`)."""
    if not fact_table(doc, table):
        return []
    rows = fact_rows(doc, table)
    if _value_column(doc, table).kind == "percent" and not any(
        "%" in doc.span_text(row.value) for row in rows
    ):
        # 'Company size | %' over 'Under 200 employees | 34': shares, not counts; a column
        # whose cells write their own '%' ('Employed persons | 7'800', 'Share of women | 19%')
        # leaves a bare number a count
        return []
    caption = doc.span_text(table.caption) if table.caption else ""
    roles = find_roles(caption)
    subject = roles[0][2] if roles else document_role(doc)
    claims = []
    for row in rows:
        label = " ".join(doc.span_text(row.label).split())
        found = amounts(doc.text, row.value.start, row.value.end)
        if len(found) != 1 or found[0].unit is not None or found[0].value < 2:
            continue
        if _SERIAL_BEFORE.search(doc.text, max(0, found[0].start - _SERIAL_REACH), found[0].start):
            continue  # 'Machine learning engineers | Issue 2025/4': a newsletter's issue
        noun = _patterns()["noun"].search(label)
        named = noun or _patterns()["label"].search(label)
        if named is None or _patterns()["covers"].search(label) or subject is None:
            continue
        spans = periods(label, 0, len(label))
        years = [y for _, _, y in find_years(label)]
        year = (spans[0][3] or spans[0][2]) if spans else (years[-1] if years else row.year)
        openings = names_openings(label)
        qualifiers: dict[str, object] = {"category": named.group().lower()}
        if spans and spans[0][3] is not None:  # 'Employment Change, 2024-34'
            qualifiers.update(period_start=spans[0][2], period_end=spans[0][3])
        claims.append(
            Claim.from_amount(
                found[0],
                kind="job_demand" if openings else "count",
                subject=subject,
                attribute="job_openings" if openings else "count",
                char_start=row.start,
                char_end=row.end,
                extractor=NAME,
                unit="count",
                year=year,
                qualifiers=qualifiers,
                context=label,
            )
        )
    return claims


def card_count(
    label: str, own: str, amount: Amount, *, figures: int
) -> tuple[str, str, str, dict[str, str]] | None:
    """(kind, attribute, subject, qualifiers) of the one bare whole number (`figures` lines of
    the card hold a figure) on a card whose label names a counted noun other than jobs
    ('Companies hiring ML engineers' / '12,000+' counts companies, 'Survey respondents' /
    '3,150' respondents), or None: jobs, people of a role and other labels are the card
    reader's. The subject is the counted noun, with the field it names ('AI startups')."""
    if figures != 1 or amount.unit is not None or amount.value != int(amount.value):
        return None
    if amount.value < 2 or any(c.isalpha() for c in own.replace(amount.raw, "")):
        return None
    noun = _patterns()["noun"].search(label)
    if noun is None or noun.group().lower() in _job_nouns() or names_openings(label):
        return None
    if noun.group().lower() in _role_bound() or find_roles(label[: noun.end()]):
        return None  # '287,000' / 'people hold the ML engineer title': the role's count
    if _patterns()["covers"].search(label):
        return None
    field = normalize_subject(label[: noun.start()])
    known = next((f for f in field_names() if field.endswith(f)), None)  # 'AI startups'
    subject = normalize_subject(f"{known} {noun.group()}" if known else noun.group())
    return "count", "count", subject, {"category": noun.group().lower()}


def fact_table(doc: Document, table: Table) -> bool:
    """Whether a table is a two-column list of labelled facts whose values are of mixed kinds
    ('2024 Median Pay | $131,450', 'Number of Jobs, 2024 | 1,895,500', 'CAGR (%) | 37.28%'), or
    of such facts written figure first ('**£78,500** | median base salary, UK-wide', '**+5.8%** |
    change against 2024'): each row is a card. A value column of one kind is a table column,
    which `tables` reads."""
    return _fact_layout(doc, table) is not None


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact of a fact table: its label cell, its value cell, the span of both, and the
    header of its value column when the table has one per period ('Same period 2025')."""

    label: Span
    value: Span
    period: str = ""

    @property
    def start(self) -> int:
        return min(self.label.start, self.value.start)

    @property
    def year(self) -> int | None:
        """The one year its period column names ('6 months to 30 Sep 2026'), if any."""
        years = {year for _, _, year in find_years(self.period)}
        return years.pop() if len(years) == 1 else None

    @property
    def end(self) -> int:
        return max(self.label.end, self.value.end)


def fact_rows(doc: Document, table: Table) -> list[FactRow]:
    """The facts of a fact table (see `fact_table`): of a two-column one, each row, its header
    line first, whichever column holds the figures; of one with a value column per period,
    each row's cell in each column, with that column's header; [] for another table."""
    value = _fact_layout(doc, table)
    if value is None:
        return []
    if value == _BY_PERIOD:
        return [
            FactRow(row[0], row[index], clean_text(doc.span_text(table.header[index])))
            for row in table.rows
            for index in range(1, len(table.header))
        ]
    if len(table.header) > 2:  # 'Indicator | Value | Year | Source': each row dated by its cell
        dated = _year_column(doc, table)
        return [
            FactRow(row[0], row[value], _FISCAL.sub("", doc.span_text(row[dated])))
            for row in table.rows
        ]
    return [FactRow(row[1 - value], row[value]) for row in (table.header, *table.rows)]


def _fact_layout(doc: Document, table: Table) -> int | None:
    """The index of a fact table's value column, `_BY_PERIOD` for one with a value column per
    period, or None when the table is none."""
    known = _fact_layouts(doc)
    return known[id(table)] if id(table) in known else _layout(doc, table)


@lru_cache(maxsize=8)
def _fact_layouts(doc: Document) -> dict[int, int | None]:
    """`_fact_layout` of each table of the document, by identity: four extractors ask."""
    return {id(table): _layout(doc, table) for table in doc.tables}


_BY_PERIOD = -1


def _layout(doc: Document, table: Table) -> int | None:
    if len(table.header) > 2 and _by_period(doc, table):
        return _BY_PERIOD
    if len(table.header) != 2:
        return _dated_value(doc, table)
    if _mixed_kinds(doc, table, 1):
        return 1
    labels = {_value_kind(doc, row[1]) for row in table.rows}
    return 0 if labels == {"text"} and _mixed_kinds(doc, table, 0, every=True) else None


def _dated_value(doc: Document, table: Table) -> int | None:
    """The value column of a government page's indicator table: labelled facts of mixed kinds,
    each row with its year (and its source) in a column of its own ('Indicator | Value | Year |
    Source' over 'Employed persons | 142,600 | 2024 | Labour Force Survey', 'Share of women |
    17.9% | 2024 | ...'); None for another table."""
    width = len(table.header)
    if width > _DATED_WIDTH or len(table.rows) < 2 or any(len(r) != width for r in table.rows):
        return None
    dated = _year_column(doc, table)
    if dated is None:
        return None
    rest = [index for index in range(1, width) if index != dated]
    values = [index for index in rest if _mixed_kinds(doc, table, index, every=True)]
    if len(values) != 1 or any(
        _value_kind(doc, row[index]) != "text"
        for row in table.rows
        for index in (0, *rest)
        if index != values[0]
    ):
        return None
    return values[0]


# The most columns an indicator table has: label, value, year and source.
_DATED_WIDTH = 4
# A cell holding a year alone, a fiscal one too ('2024', 'FY2024', '2024/25').
_YEAR_CELL = re.compile(r"\s*(?:FY\s?)?(?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?\s*")


# A fiscal year's mark before its year ('FY2024'): the row is that year's.
_FISCAL = re.compile(r"\bFY\s?(?=(?:19|20)\d{2})")


def _year_column(doc: Document, table: Table) -> int | None:
    """The one column after the first whose every row holds a year alone."""
    found = [
        index
        for index in range(1, len(table.header))
        if all(_YEAR_CELL.fullmatch(doc.span_text(row[index])) for row in table.rows)
    ]
    return found[0] if len(found) == 1 else None


def _by_period(doc: Document, table: Table) -> bool:
    """Whether a table lists labelled facts of mixed kinds with one value column per period
    ('| | 6 months to Sep 2026 | Same period 2025 |' over 'Vacancies | 2,914 | 2,388',
    'Median salary | £78,500 | £75,000', 'Median change | +4.7% | +3.4%')."""
    width = len(table.header)
    if any(len(row) != width or _value_kind(doc, row[0]) != "text" for row in table.rows):
        return False
    return all(
        find_years(doc.span_text(table.header[index])) and _mixed_kinds(doc, table, index)
        for index in range(1, width)
    )


def _mixed_kinds(doc: Document, table: Table, column: int, *, every: bool = False) -> bool:
    """Whether a column's figures are of more than one kind (with `every`, and every row holds
    one). The first line counts as a row only when it states a figure: a header ('Measure |
    Value') over money alone is a column of one kind, which `tables` reads."""
    # an empty cell (a group's heading row, '**By component** | | |') is of no kind
    kinds = {
        _value_kind(doc, row[column])
        for row in table.rows
        if doc.span_text(row[column]).strip(" *_")
    }
    first = _value_kind(doc, table.header[column])
    if first != "text":
        kinds.add(first)
    if every:
        return "text" not in kinds and len(kinds) > 1 and len(table.rows) >= 2
    return len(kinds - {"text"}) >= 1 and len(kinds) > 1


def _value_column(doc: Document, table: Table) -> Column:
    """The (first) value column of a fact table as the table reader sees it."""
    layout = _fact_layout(doc, table)
    index = 1 if layout == _BY_PERIOD else layout or 0
    return read_column(doc, table, index, clean_text(doc.span_text(table.header[index])))


def _value_kind(doc: Document, cell: Span) -> str:
    found = amounts(doc.text, cell.start, cell.end)
    if len(found) != 1:
        return "text"
    return "money" if found[0].is_money else found[0].unit or "number"


def _role_heading_counts(doc: Document, heading: Sentence) -> list[Claim]:
    """The open jobs a role's heading states ('Machine Learning Engineer (4,812 openings)'):
    only job demand, whose subject is the heading's role; other numbers in a heading ('Top 10
    ML Engineer Skills') are its title's."""
    return [c for c in read_sentence(doc, heading) if c.kind == "job_demand"]


def read_sentence(doc: Document, sentence: Sentence, *, labels_only: bool = False) -> list[Claim]:
    """The count claims of one sentence (also a card read as one, see `cards`)."""
    text = doc.text
    own = text[sentence.start : sentence.end]
    claims = []
    found = with_number_words(text, sentence, amounts(text, sentence.start, sentence.end))
    found = [_dot_grouped(text, amount, sentence.end) for amount in found]
    for index, amount in enumerate(found):
        if (
            not _countable(text, sentence, amount)
            or page_activity(text, amount.start, amount.end)
            or _duty_item(doc, sentence)
            or _part_sample(text, sentence, found, amount)
            or _CONDITION.search(text, max(sentence.start, amount.start - 30), amount.start)
            or _RATED_BY.search(text, max(sentence.start, amount.start - 30), amount.start)
            or _NUMBERED_PART.search(text, max(sentence.start, amount.start - 12), amount.start)
            or (
                _NUMBERED_ITEMS.search(text, max(sentence.start, amount.start - 12), amount.start)
                and (amount.value_high is not None or _RUN_ON.match(text, amount.end))
            )
            or _REPORT_PARTS.match(text, amount.end)  # 'Free sample: 30 pages'
        ):
            continue
        labelled = _label_before(text, sentence.start, amount.start, amount.end, sentence.end)
        counted = _sample_label(text, sentence.start, amount.start) or labelled
        if not labels_only:
            counted = (
                _noun_after(text, amount.end, sentence.end)
                or _noun_before(text, sentence.start, amount.start)
                or counted
            )
        if counted is None and not labels_only:
            counted = _bracketed(text, sentence, amount) or _part_for(
                text, amount, sentence.end, claims
            )
        elif (
            counted is not None
            and counted.title is None
            and (title := _bracket_title(text, sentence, amount))
        ):
            counted = replace(counted, title=title)  # 'data analysts (more than 9,700 positions)'
        if counted is None and claims and not labels_only:
            # 'open roles, up from 39,200 a year earlier'; 'doubled from 40,000 to 72,000'
            ahead = states_forecast(text, sentence.start, amount.start)
            other = restatement(text, claims[-1], amount, sentence.end, ahead=ahead)
            if other is not None:
                claims.append(other)
            continue
        if counted is None or _not_field(text, sentence, found, index, amount, counted):
            continue
        if _said_before(text, sentence.start, amount, counted):
            continue  # 'Share of the 4,260 vacancies that ...': the count stated earlier
        frame = figure_frame(text, sentence.start, sentence.end, found, index)
        clause = text[frame.clause_start : frame.clause_end]
        # a count's own words end where a part of it for a role starts ('Of the 410,000
        # postings, 52,000 were for ML engineers': the 410,000 are not ML engineers' postings)
        parts = [
            later.start
            for later in found[index + 1 :]
            if later.start < frame.clause_end and _part_match(text, later, sentence.end)
        ]
        own_clause = text[frame.clause_start : parts[0]] if parts else clause
        owner = _owner(text, frame.clause_start, amount.start, counted)
        employer = owner.sector if owner else None  # a sector's: one organisation's is skipped
        qualifiers: dict[str, object] = {"category": counted.noun}
        level = find_experience_level(counted.phrase)
        if level:  # '1,150 open senior machine learning engineer roles': the level it counts
            qualifiers["experience_level"] = level
        if not _patterns()["worldwide"].search(clause):
            # not for '230K jobs worldwide ..., and over 118K in the U.S.'
            following = found[index + 1].start if index + 1 < len(found) else frame.clause_end
            # not past a colon after the count: what follows it is a list of its parts
            # ('1,812 data engineers answered: Germany 38%, France 27%, ...')
            colon = text.find(":", amount.end, frame.clause_end)
            stop = colon - frame.clause_start if colon >= 0 else len(own)
            before_next = own[: min(following - frame.clause_start, stop)]
            qualifiers |= _count_place(before_next, own[:stop])
        # 'Open roles in Toronto: 2,100'; not 'our London team'; of a clause naming several,
        # the one before the figure ('Austin had 29,800 listings, Denver 27,100 ...')
        city = (
            _bracket_city(text, sentence.start, amount.start)
            or own_city(clause)
            or own_city(text[frame.clause_start : amount.start])
        )
        if city:
            qualifiers["city"] = city
        # a fact line's own words only: not 'Projected job growth: 7%' on the line above
        since = text.rfind("\n", sentence.start, amount.start) + 1 if counted is labelled else 0
        if states_forecast(text, max(sentence.start, since), amount.start) and not starts_from(
            text, amount.start
        ):
            # 'projects ... roughly 21,600 openings a year'; not the level a projection starts
            # from ('is projected to rise from 181,200 in 2024 to ...')
            qualifiers["forecast"] = True

        # '(n = 412 ads)': the ads a figure was worked out from, a sample, no open jobs
        openings = _sample_label(text, sentence.start, amount.start) is None and _counts_openings(
            text,
            sentence,
            frame,
            counted,
            amount.start,
            section_heading(doc, sentence.block) if _labelled_jobs(doc, sentence.block) else "",
        )
        claims.append(
            Claim.from_amount(
                amount,
                kind="job_demand" if openings else "count",
                subject=counted.title
                or employer
                or _field_jobs(text, frame, counted, sentence.start)
                or _skill_jobs(text, frame, counted, amount.start)
                or _subject(doc, sentence, counted, own_clause),
                attribute="job_openings" if openings else "count",
                char_start=sentence.start,
                char_end=sentence.end,
                extractor=NAME,
                unit="count",
                year=_year(text, frame, found, amount),
                qualifiers=qualifiers,
                attributed_to=find_attribution(
                    text, sentence.start, sentence.end, context_start=sentence.block.start
                ),
            )
        )
    return claims


def _part_for(text: str, amount: Amount, end: int, claims: list[Claim]) -> _Counted | None:
    """What a number counts when it is the part of a count of jobs that is for a role ('posted
    410,000 AI jobs, and about 52,000 of them were for ML engineers', '52,000 of those ads were
    for ...'): the noun its 'of the ...' names, else the count of jobs stated before it in the
    sentence."""
    match = _part_match(text, amount, end)
    if match is None:
        return None
    if match["whole"]:
        named = _noun_after(text, match.start("whole"), match.end("whole"))
        return named if named is not None and named.noun in _job_nouns() else None
    whole = claims[-1] if claims else None
    if whole is None or whole.attribute != "job_openings":
        return None
    noun = str(whole.qualifiers["category"])
    # the role right after 'for' is the part's ('..., against 39,500 for ML engineers and
    # 17,800 for AI engineers'), whatever roles the clause names before it
    roles = find_roles(text[match.end() : end])
    role = roles[0][2] if roles and roles[0][0] == 0 else None
    return _Counted(noun, noun, title=role, part_of_openings=True)


def _part_match(text: str, amount: Amount, end: int) -> re.Match[str] | None:
    """The words after a number that make it a part of a count for a role ('... of them were
    for ML engineers'; see `_part_for`)."""
    match = _PART_FOR.match(text, amount.end, end)
    if match is None and _WITH_BEFORE.search(text, max(0, amount.start - 24), amount.start):
        match = _WITH_FOR.match(text, amount.end, end)  # '..., with 61,000 for ML engineer roles'
    return match if match is not None and find_roles(text[match.end() : end]) else None


_PART_FOR = re.compile(
    r"(?:\s+of\s+(?:them|those|these|(?:the|those|these)(?P<whole>(?:\s+[\w-]+){1,3}?)))?"
    r"\s+(?:were|are|was|is)\s+(?:(?:specifically|explicitly|solely|only|just)\s+)?for\s+",
    re.IGNORECASE,
)


# '..., with 61,000 for ML engineer roles': the part set after the whole with 'with'; or
# another role's count set against the whole ('61,000 open postings against 39,500 for ML
# engineers and 17,800 for AI engineers').
_WITH_BEFORE = re.compile(
    r"(?:,\s*(?:and\s+)?with|\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:with|to)"
    rf"|(?<=\w)\s+and)\s+{optional_hedge()}$",
    re.IGNORECASE,
)
_WITH_FOR = re.compile(r"(?P<whole>)\s+for\s+", re.IGNORECASE)


def _said_before(text: str, start: int, amount: Amount, counted: _Counted) -> bool:
    """Whether the count is named with 'the' ('Share of the 4,260 vacancies that name each
    skill') and the page stated the same figure of the same things before `start` ('built from
    4,260 advertised vacancies'): a reference back to that count, listed once."""
    if not _THE_BEFORE.search(text, max(0, amount.start - 12), amount.start):
        return False
    stated = rf"{re.escape(amount.raw)}\s+(?:[\w-]+\s+){{0,2}}{re.escape(counted.noun)}\b"
    return re.search(stated, text[:start], re.IGNORECASE) is not None


_THE_BEFORE = re.compile(r"\b(?:the|these|those|all)\s+\Z", re.IGNORECASE)


def _dot_grouped(text: str, amount: Amount, end: int) -> Amount:
    """A count whose thousands a dot groups, as German and Dutch pages write them ('2.140 open
    vacancies', '2.870 responses'): things counted are whole, so three digits after a dot
    before a counted noun group thousands."""
    if amount.unit is not None or amount.scale or not _DOT_GROUPED.fullmatch(amount.raw):
        return amount
    if _noun_after(text, amount.end, end) is None:
        return amount
    return replace(amount, value=float(amount.raw.replace(".", "")))


_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _read_grouped(amount: Amount) -> bool:
    """Whether `_dot_grouped` read the figure's dots as thousands ('2.140 open vacancies')."""
    return bool(_DOT_GROUPED.fullmatch(amount.raw)) and amount.value == float(
        amount.raw.replace(".", "")
    )


def with_number_words(text: str, sentence: Sentence, found: list[Amount]) -> list[Amount]:
    """The sentence's figures with its counts written as words ('nearly two million')."""
    if not may_hold(text, sentence.start, sentence.end, _number_keys()):
        return found  # no scale word starts a word here, and one follows each count in words
    words = find_number_words(text, sentence.start, sentence.end)
    if not words:
        return found
    counts = [
        Amount(q.start, q.end, q.value, None, None, None, q.scale, q.raw, q.bound)
        for q in words
        if not any(a.start < q.end and q.start < a.end for a in found)
    ]
    return sorted([*found, *counts], key=lambda a: a.start)


@cache
def _number_keys() -> Keys | None:
    """Sentences worth reading: those with a digit or a scale word ('two million'). Without a
    digit only `find_number_words` reads a count, and its scale word follows a space."""
    return word_keys(w for entry in general_scales().values() for w in entry["words"])


declare(lambda: [_number_keys()])


def _publishers_own(sentence: str) -> bool:
    """A sentence in the first person plural that reports no survey or study of the publisher
    speaks of its own business ('We work with 300+ employers'), not of the field."""
    patterns = _patterns()
    return bool(
        patterns["first_person_plural"].search(sentence)
        and not (patterns["survey"].search(sentence) or patterns["sample"].search(sentence))
        and not _CITED_BOARD.search(sentence)
    )


# A source the publisher cites, not its own business: 'Our partner job board, JobsWattle,
# listed 2,730 machine learning engineer roles'.
_CITED_BOARD = re.compile(
    r"\bour\s+partner\s+(?:job\s+board|jobs\s+board|job\s+site|jobs\s+site)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Owner:
    """Who employs or hires the people a number counts: a sector or industry, whose workforce
    is a fact about the field (`sector`: its subject), or one organisation (`sector` None),
    whose own staff or hiring is not."""

    sector: str | None


def _owner(text: str, start: int, at: int, counted: _Counted) -> _Owner | None:
    """The owner the words right before the number name, with an employ, have or hire verb:
    'The UK AI sector employs 64,000 people' -> sector 'ai sector' (its place is the claim's
    country); 'Acme Robotics employs 300 data scientists', 'Google hired more than 2,000 ML
    engineers', 'the company plans to hire 150' -> one organisation; None when they name no
    owner, or a place, a role or a generic noun ('Canada has 12,400 open positions',
    'Employers hired 20,000 ...')."""
    words = load_data("count_terms")
    # people counted ('employees', 'workers') first: the employ pattern is costly to search
    employs = (
        _patterns()["employs"].search(text, start, at) if counted.noun in _role_bound() else None
    )
    if employs:
        # 'The firm estimates that the AI sector employed ...', 'The same report says India's
        # AI services sector employs ...': the sector, not who says so
        said = reporting_clause().split(employs.group("employer").strip())[-1]
        phrase = _DETERMINER.sub("", said.strip())
        if phrase.split()[-1].lower() in words["employer_wholes"]:
            kept = [w for w in phrase.split() if not single_country(re.sub(r"['’]s$", "", w))]
            if kept:
                return _Owner(normalize_subject(" ".join(kept)))
    found = _patterns()["organisation"].search(text, start, at)
    if found is None:
        return None
    name = found.group("name")
    if name is None:
        return _Owner(None)  # 'the company', 'the startup'
    owner = re.sub(r"['’]s\b.*$", "", name).strip()
    last = name.split()[-1].lower()
    place = _PLACE_BEFORE.search(text, start, found.start("name"))
    if (
        is_place(owner)
        or (place is not None and is_place(f"{place[1]}, {owner}"))  # 'Washington, D.C. had'
        or single_country(owner)
        or find_roles(name)
        or last in words["employer_wholes"]
        or last in words["nouns"]  # 'Employers hired 20,000 ...' opens a sentence, names none
    ):
        return None
    return _Owner(None)


# The capitalised words and comma before a name, which may make it part of a place's name.
_PLACE_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*),\s*\Z")


def _needs_role(counted: _Counted, clause: str) -> bool:
    """Whether a count means something only beside a role: '287,000 people hold the ML
    engineer title' counts the role, '40 people joined the meetup' nothing, and '210 member
    companies' an organisation's own members; people a survey asked ('1,500 people responded
    to the survey') are its sample."""
    if counted.noun in _role_bound():
        return not _patterns()["survey"].search(clause)
    return bool(_patterns()["membership"].search(counted.phrase))


def _year(text: str, frame: Frame, found: list[Amount], amount: Amount) -> int | None:
    """The one year the count's clause states ('postings reached 412,000 in the first half of
    2025'), else the one before the clause's next count ('452 startups raised rounds in 2025,
    up from 389 in 2024'), else None: a page's date is not the figure's year."""
    years = _years(text, frame.clause_start, frame.clause_end, found)
    if len(years) > 1:
        later = [a.start for a in found if a.start > amount.end and not _YEAR_LIKE.match(a.raw)]
        stop = min([*later, frame.clause_end])
        years = _years(text, frame.clause_start, stop, found)
    return years.pop() if len(years) == 1 else None


def _years(text: str, start: int, end: int, found: list[Amount]) -> set[int]:
    """The years stated in text[start:end], a period by its last year."""
    ends = {last or first for _, _, first, last in periods(text, start, end) if (last or first)}
    return ends | {y for _, y in plain_years(text, start, end, skip=found)}


def _counts_openings(
    text: str,
    sentence: Sentence,
    frame: Frame,
    counted: _Counted,
    figure_start: int,
    heading: str = "",
) -> bool:
    """Whether the count is of open jobs, i.e. job demand: '26,500 open positions', 'postings
    reached 412,000'; 'jobs' and 'roles' only when said to be open, advertised or listed by a
    job board ('Indeed shows 3,501 "Data Scientist" jobs'; 'Number of jobs' is employment), or
    when the `heading` over a 'London – 612 jobs' item speaks of hiring. A sample a study drew
    on ('1.8 million job postings collected') is a count."""
    # '820 companies posted ... roles' counts companies
    jobs = counted.noun in _job_nouns() or counted.noun in _listed_nouns()
    advertised = jobs and _patterns()["advertised"].match(text, _noun_end(text, frame, counted))
    listed = jobs and (
        _listing(text, frame.clause_start, figure_start, counted)
        # 'Top hiring locations' over the item 'London – 612 jobs': jobs on offer there
        or speaks_of_hiring(heading)
    )
    # 'Demand for AI professionals is projected to reach 10 lakh by 2027': the people wanted
    wanted = _DEMAND_FOR.search(text, frame.clause_start, figure_start) is not None
    if not (
        counted.part_of_openings or names_openings(counted.phrase) or advertised or listed or wanted
    ):
        return False
    return not _is_sample(sentence, text, figure_start)


# The clause's count is of people employers want: 'Demand for AI professionals is projected to
# reach', 'demand for data engineers will hit'.
_DEMAND_FOR = re.compile(r"\bdemand\s+for\s+(?:[\w-]+\s+){0,4}?\w+s\b", re.IGNORECASE)


def _listing(text: str, start: int, end: int, counted: _Counted) -> bool:
    """Whether a job board's verb before a count of jobs lists them ('LinkedIn lists 98,000
    jobs'), or its own word for putting offers up right before it does ('we published 412 new
    offers')."""
    patterns = _patterns()
    return bool(
        patterns["listing"].search(text, start, end)
        or (counted.noun in _listed_nouns() and patterns["offers_listing"].search(text, start, end))
    )


@cache
def _listed_nouns() -> frozenset[str]:
    """Nouns of jobs on offer only when listed or advertised ('offers'): `openings.listed_nouns`."""
    return frozenset(load_data("count_terms")["openings"]["listed_nouns"])


def _is_sample(sentence: Sentence, text: str, figure_start: int | None = None) -> bool:
    """'The ranking draws on 1.8 million job postings collected ...': the data a study used;
    not the method of a source the figure is credited to ('... 198,400 new tech job listings in
    May, according to the institute's analysis of job board data')."""
    credited = _CREDITED.search(text, figure_start or sentence.start, sentence.end)
    end = credited.start() if credited else sentence.end
    return bool(_patterns()["sample"].search(text, sentence.start, end))


_HIRING_HEADING = re.compile(r"\b(?:hiring|vacanc\w*|openings|job\s+board)\b", re.IGNORECASE)
_CREDITED = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
# A column of jobs or roles alone ('Jobs', 'Number of roles'), open ones under a hiring heading.
_JOBS_ALONE = re.compile(r"(?:number\s+of\s+)?(?:jobs|roles)", re.IGNORECASE)


def jobs_alone(header: str) -> bool:
    """Whether a column header names jobs or roles and nothing else ('Jobs', 'Number of
    roles'): open ones only where the table's heading speaks of hiring (`speaks_of_hiring`)."""
    return _JOBS_ALONE.fullmatch(header.strip()) is not None


def speaks_of_hiring(heading: str) -> bool:
    """Whether a heading or a table's caption or lead-in speaks of hiring, so that the jobs it
    counts are open ones ('Top hiring locations' over 'London – 612 jobs', 'Permanent
    vacancies by location:' over 'Location | Jobs'); 'Employment by state' does not."""
    return _HIRING_HEADING.search(heading) is not None


def names_openings(phrase: str) -> bool:
    """Whether a phrase (a counted noun phrase, a card line, a column header) names open jobs:
    'job openings', 'vacancies', 'Open roles', jobs said to be advertised ('Permanent jobs
    citing Machine Learning Engineer', a job-ads tracker's row); 'Number of jobs' does not.

    >>> names_openings("26,500 open positions"), names_openings("Open roles")
    (True, True)
    >>> names_openings("Number of jobs"), names_openings("452 startups")
    (False, False)
    >>> names_openings("Contract jobs citing Data Engineer")
    True
    """
    patterns = _patterns()
    return bool(
        patterns["opening_nouns"].search(phrase)
        or (patterns["open"].search(phrase) and patterns["noun"].search(phrase))
        or any(
            patterns["advertised"].match(phrase, noun.end())
            for noun in patterns["noun"].finditer(phrase)
            if noun.group().lower() in _job_nouns()
        )
    )


def _noun_end(text: str, frame: Frame, counted: _Counted, since: int | None = None) -> int:
    """Where the counted noun ends in the figure's own words (its clause's end if not found);
    from `since` when those words hold none (the level after a change: 'postings for AI roles
    rose 3.1% in September, to 61,200')."""
    # The page folded to lower case at the same length: `str.lower` writes 'İ' as two
    # characters, which would shift every offset after it.
    folded = folded_page(text)
    found = folded.find(counted.noun, frame.before_start, frame.clause_end)
    if found < 0 and since is not None:
        found = folded.find(counted.noun, since, frame.clause_end)
    return frame.clause_end if found < 0 else found + len(counted.noun)


def _field_jobs(text: str, frame: Frame, counted: _Counted, since: int) -> str | None:
    """'48,000 open roles in artificial intelligence' -> 'artificial intelligence role': jobs
    counted in a field (a spelled-out abbreviation of subject_words: AI, ML, NLP, data science)
    belong to the field, not to a role the sentence names later. `since`: the sentence's start."""
    if counted.noun not in _job_nouns() or find_roles(counted.phrase):
        return None
    jobs = _FOR_JOBS.match(text, _noun_end(text, frame, counted, since), frame.clause_end)
    if jobs and jobs["kind"] == "occupations":
        # '487,300 job listings for tech occupations': a field's occupations are no jobs of
        # their own, so the listings are the field's
        field = normalize_subject(jobs["jobs"].rsplit(None, 1)[0])
        return _field_subject(field, counted.noun) if field in field_names() else None
    if jobs and (named := field_jobs(jobs["jobs"])):
        return named  # 'Postings for AI roles reached 31,200': the AI roles' postings
    if _RELATED.search(counted.phrase) and (named := field_jobs(counted.phrase)):
        return named  # '639,000 AI-related job postings
    match = _IN_FIELD.match(text, _noun_end(text, frame, counted), frame.clause_end)
    words = match.group("field").split() if match else []
    fields = [" ".join(words[:size]) for size in range(len(words), 0, -1)]
    known = field_names()
    field = next((normalize_subject(f) for f in fields if normalize_subject(f) in known), None)
    return _field_subject(field, counted.noun.split()[-1]) if field else None


def _skill_jobs(text: str, frame: Frame, counted: _Counted, figure_start: int) -> str | None:
    """'230K jobs worldwide that list machine learning as a required skill' -> 'machine
    learning': jobs counted by a skill they ask for are that skill's demand."""
    if counted.noun not in _job_nouns() or find_roles(counted.phrase):
        return None
    # 'Machine learning is a required skill for almost 45,000 jobs', else the skill after
    found = _SKILL_FOR.search(text, frame.clause_start, figure_start) or _SKILL_ASKED.match(
        text, _noun_end(text, frame, counted), frame.clause_end
    )
    return normalize_subject(found["skill"]) if found else None


_SKILL_ASKED = re.compile(
    r"[^.;]{0,30}?(?:\b(?:that|which)\s+(?:list|lists|mention|mentions|require|requires|ask\s+for)"
    r"|\s(?:listed|mentioned|required|requested|asked\s+for|asking\s+for|mentioning|requiring))"
    r"\s+(?!(?:on|in|at|by|for|from|to)\b)(?P<skill>[\w/+#.-]+(?:\s+[\w/+#.-]+){0,3}?)"
    # ... up to what they are asked as, or the verb that counts them ('... rose from 1,600')
    r"(?=\s+(?:as|skills?|experience|rose|grew|fell|reached|climbed|jumped|increased|"
    r"decreased|doubled|tripled|surged|dropped|hit|totall?ed|numbered)\b|[,.;]|$)",
    re.IGNORECASE,
)
# A skill that jobs ask for, named before their count: 'Machine learning is a required skill
# for almost 45,000 jobs in the US'.
_SKILL_FOR = re.compile(
    r"(?:^|[.;:]\s+|\b)(?P<skill>[\w/+#.-]+(?:\s+[\w/+#.-]+){0,3}?)\s+(?:is|was|remains)\s+an?\s+"
    r"(?:required|requested|listed|needed|key|core|must-have|in-demand)\s+skill\s+(?:for|in)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
# The jobs counted postings are for: 'postings for AI roles', 'openings for ML jobs'.
_FOR_JOBS = re.compile(
    r"\s+for\s+(?P<jobs>[\w/-]+(?:\s+[\w/-]+){0,2}?\s+(?P<kind>roles|jobs|positions|occupations))\b"
)
_IN_FIELD = re.compile(r"\s+in\s+(?P<field>[A-Za-z][\w/-]*(?:\s+[a-z][\w-]*){0,3})\b")


def field_jobs(words: str) -> str | None:
    """'Hiring for AI roles fell 8%' -> 'artificial intelligence role' ('AI-related job
    postings', 'jobs in AI' too): jobs of a field (a spelled-out abbreviation of subject_words)
    that names no role are the field's jobs."""
    for found in _FIELD_JOBS.finditer(words):
        field = _RELATED.sub("", found["field"]).split()
        for size in range(len(field), 0, -1):
            if normalize_subject(" ".join(field[-size:])) in field_names():
                named = " ".join(field[-size:])
                # 'AI and ML postings', 'artificial intelligence and machine learning roles':
                # the jobs of both fields
                joined = len(field) >= size + 2 and field[-size - 1].lower() in ("and", "&", "/")
                before = field[: -size - 1] if joined else []
                other = next(
                    (
                        " ".join(before[-width:])
                        for width in range(min(len(before), 3), 0, -1)
                        if normalize_subject(" ".join(before[-width:])) in field_names()
                    ),
                    None,
                )
                if other is not None:
                    named = f"{other} and {named}"
                return _field_subject(named, found["noun"])
    for found in _JOBS_IN_FIELD.finditer(words):
        field = found["field"].split()
        for size in range(len(field), 0, -1):
            if normalize_subject(" ".join(field[:size])) in field_names():
                return _field_subject(" ".join(field[:size]), found["noun"])
    return None


def _field_subject(field: str, noun: str) -> str:
    """A field's jobs as one subject: 'tech' + 'listings' -> 'tech job listing' (a posting
    noun is a job's: 'tech listings' and 'tech job listings' are the same ads)."""
    noun = " ".join(noun.split())
    if noun.lower() in _POSTING_NOUNS:
        noun = f"job {noun}"
    return normalize_subject(f"{field} {noun}")


_POSTING_NOUNS = frozenset({"postings", "listings", "ads", "adverts", "posts"})
# 'AI-related', 'ML-focused': the field the jobs are of.
_RELATED = re.compile(r"-(?:related|focused|centric|driven)\b", re.IGNORECASE)
_JOBS_IN_FIELD = re.compile(
    r"\b(?P<noun>jobs|roles|positions|openings|postings|vacancies)\s+in\s+"
    r"(?P<field>[A-Za-z][\w/-]*(?:\s+[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)


_FIELD_JOBS = re.compile(
    r"(?P<field>(?:[\w/-]+\s+){1,5}?)(?P<noun>job\s+postings|job\s+openings|job\s+listings|job\s+ads|"
    r"job\s+posts|jobs|roles|"
    r"positions|openings|postings|vacancies|listings|hires)\b",
    re.IGNORECASE,
)


@cache
def field_names() -> frozenset[str]:
    """Fields of work as the pipeline spells them ('machine learning', 'computer vision'): the
    spelled-out abbreviations of subject_words that name no role, and count_terms' `fields`
    ('tech')."""
    spelled = (
        normalize_subject(full)
        for full in load_data("subject_words")["abbreviations"].values()
        if not find_roles(full) and " " in full
    )
    return frozenset([*spelled, *load_data("count_terms")["fields"]])


def _subject(doc: Document, sentence: Sentence, counted: _Counted, clause: str) -> str:
    """The role the counted phrase names, else its clause's role ('over 9,000 openings for
    data scientists'); a count of jobs without one is about its section's or page's role,
    unless its clause counts them across the world or as made or lost by a technology ('AI
    will create 97 million new roles worldwide' is no one role's); else the counted phrase."""
    joined = find_roles(counted.phrase)
    if len(joined) == 2 and _JOINED.fullmatch(counted.phrase[joined[0][1] : joined[1][0]]):
        # '2,140 data scientists and machine learning engineers': one population of both roles
        return f"{joined[0][2]} and {joined[1][2]}"
    # '9,000 openings for data scientists' are the role's; '2,600 employers' stay employers
    roles = joined or (find_roles(clause) if _takes_clause_role(counted) else [])
    if roles:
        return roles[0][2]
    # '285,000 people worldwide held the job title', 'about 41,300 people worked in this
    # occupation' on a role's page: that role's holders
    if (
        counted.noun in _role_bound()
        and _HOLD_THE_TITLE.search(clause)
        and (role := section_role(doc, sentence.block, default=document_role(doc)))
    ):
        return role
    if counted.noun in _role_bound() and (held := _field_roles_held(clause)):
        return held  # 'Roughly 1.9 million people work in AI roles worldwide'
    # 'data engineering is still the biggest market, with about 61,000 open postings': the
    # role of the discipline the clause names, or the one its 'with' elaborates
    if _takes_clause_role(counted):
        own = doc.text[sentence.start : sentence.end]
        at = own.find(clause)
        opened = own[:at] if at > 0 and _WITH_CLAUSE.search(own, 0, at) else ""
        if role := discipline_role(clause) or discipline_role(opened):
            return role
    if (
        counted.noun in _job_nouns()
        and _bare(counted)
        and not _is_sample(sentence, doc.text)
        and not _patterns()["worldwide"].search(clause)  # '97 million new roles worldwide': all
        and not _patterns()["economy"].search(clause)  # 'AI will create 97 million new jobs'
    ):
        # '... employment of data scientists to grow 34%, and roughly 23,400 openings a year'
        named = {role for _, _, role in find_roles(doc.text[sentence.start : sentence.end])}
        role = (
            named.pop()
            if len(named) == 1
            else _numbered_section(doc, sentence)
            or ranked_subject(doc, sentence.start)  # the paragraph under '2. Tax Manager'
            or section_role(doc, sentence.block, default=document_role(doc))
        )
        if role:
            return role
    words = counted.phrase.split()
    while (  # '6,801 new machine learning job openings': 'new' says nothing of what is counted,
        # nor does a place ('450 U.S. hiring managers': the place is a qualifier)
        len(words) > 1
        and (words[0].lower() in _generic() or is_place(words[0]))
        and counted.noun in " ".join(words[1:]).lower()
    ):
        words.pop(0)
    phrase = " ".join(words)
    field = (
        normalize_subject(phrase[: -len(counted.noun)])
        if phrase.lower().endswith(counted.noun)
        else ""
    )
    if field in field_names():
        return _field_subject(field, counted.noun)  # '29,800 active tech listings'
    subject = normalize_subject(phrase)
    workforce = _FIELD_WORKFORCE.search(clause)
    if workforce and subject == normalize_subject(counted.noun):
        # "India's AI workforce stands at 416,000 professionals": the field's professionals
        field = normalize_subject(workforce["field"])
        if field in field_names():
            return f"{field} {subject}"
    return _SAMPLE_ENTRIES.get(subject, subject)


# The entries of a pay survey's sample named by their pay alone: '214 salaries' and '3,184
# salaries reported' count salary reports (what they are called otherwise, 'salary
# submissions', stays).
_SAMPLE_ENTRIES = {"salary": "salary report"}


# A field's people named as a whole before their count: 'AI workforce', 'ML talent pool'.
_FIELD_WORKFORCE = re.compile(
    r"\b(?P<field>[\w/-]+)\s+(?:workforce|talent\s+pool|talent\s+base|labou?r\s+force)\b",
    re.IGNORECASE,
)


# People who hold the title a page is about: '... held the job title', 'hold the title'.
_HOLD_THE_TITLE = re.compile(
    r"\b(?:held|hold|holds|holding)\s+(?:the|that|this)\s+(?:job\s+)?title\b"
    # an occupation profile's 'about 41,300 people worked in this occupation'
    r"|\b(?:work|worked|works|working|were\s+employed|are\s+employed|was\s+employed)\s+"
    r"(?:in|as)\s+(?:this|that|the)\s+(?:occupation|role|profession)\b",
    re.IGNORECASE,
)


def _field_roles_held(text: str) -> str | None:
    """The field's roles the people counted hold, as a subject ('work in AI roles' ->
    'artificial intelligence role'), when the words name a known field; else None."""
    held = _WORK_IN_FIELD.search(text)
    field = normalize_subject(held["field"]) if held else ""
    return _field_subject(field, held["noun"]) if held and field in field_names() else None


# A bound that leaves out what falls short of it: 'with fewer than', 'with at least'.
_THRESHOLD = re.compile(r"\b(?:fewer|less)\s+than\s+$|\bat\s+least\s+$|\bunder\s+$", re.I)
# People who work in a field's jobs: 'work in AI roles', 'are employed in data jobs'.
_WORK_IN_FIELD = re.compile(
    r"\b(?:work|worked|works|working|hold|held|(?:are|were)\s+employed)\s+in\s+"
    r"(?P<field>[A-Za-z][\w/-]*(?:\s+[a-z][\w-]*)?)\s+(?P<noun>roles|jobs|positions)\b",
    re.IGNORECASE,
)
# Where a clause that elaborates the one before it opens: ', with about 61,000 postings'.
_WITH_CLAUSE = re.compile(r",\s*with\s+$", re.IGNORECASE)


def _takes_clause_role(counted: _Counted) -> bool:
    """Jobs and bare people are counted of the role their clause names ('9,000 openings for data
    scientists', '287,000 members hold the ML engineer title'); employers, respondents or
    startups stay what they are ('2,600 employers plan to hire an ML engineer')."""
    return (
        counted.noun in _job_nouns()
        or counted.noun in _role_bound()
        or bool(_patterns()["membership"].search(counted.phrase))
    )


def _numbered_section(doc: Document, sentence: Sentence) -> str | None:
    """The item the count's line belongs to, as a subject: the list item it is nested in
    ('1. Data Labeling Lead' over '- Job openings: 655'), else a numbered heading above."""
    parent = sentence.block.parent
    nested = sentence.block.kind == "list_item" and parent is not None
    if nested and parent is not None and doc.blocks[parent].kind == "list_item":
        name = item_name(doc.span_text(doc.blocks[parent]))
        return normalize_subject(name) if name else None
    section = sentence.block.section
    if section is None or not 0 <= section < len(doc.blocks):
        return None
    label = numbered_label(doc.span_text(doc.blocks[section]))
    return normalize_subject(label) if label else None


def _bare(counted: _Counted) -> bool:
    """A phrase that is its noun with only generic words ('3,300 openings', 'open positions'),
    not 'machine learning vacancies', which names its own field."""
    phrase = _BRACKETED.sub(" ", counted.phrase.lower())  # 'Number employed (US)': a place
    words = phrase.replace(counted.noun, " ").split()
    return all(word in _generic() for word in words)


_BRACKETED = re.compile(r"\([^()]*\)")


def _noun_after(text: str, start: int, end: int) -> _Counted | None:
    """'412 hiring managers', '2,417 placements and survey responses'."""
    match = _patterns()["after"].match(text, start, end)
    if match is None:
        return None
    return _Counted(" ".join(match.group("phrase").split()), match.group("noun").lower())


# A noun counted per another ('applications per role', 'postings per 1,000 workers').
_PER = re.compile(r"\s+per\s+(?!cent\b)\w", re.IGNORECASE)


def _noun_before(text: str, start: int, end: int) -> _Counted | None:
    """'AI and machine learning job postings in the US reached 412,000'; 'the occupation had
    employment of 41,000' (employment of the clause's or page's role)."""
    if _patterns()["employment"].search(text, start, end):
        return _Counted("employment", "employment")
    match = (
        _patterns()["before"].search(text[start:end])
        or _patterns()["put_at"].search(text[start:end])
        or _patterns()["before_far"].search(text[start:end])
    )
    if match is None or _PER.match(text, start + match.end("noun")):
        return None  # 'applications per role dropped to 31': a rate, not a count
    words = text[start:end][: match.start("noun")].split()
    stops = _stops() - set(load_data("count_terms")["joiners"])
    kept: list[str] = []
    for word in reversed(words[-4:]):
        if word.lower() in stops or not re.match(r"[\w&]", word) or word[-1] in ":;,":
            break  # 'most of them: advertised ML roles went ...': the phrase starts after ':'
        kept.insert(0, word)
    while kept and kept[0].lower() in load_data("count_terms")["joiners"]:
        kept.pop(0)
    noun = match.group("noun")
    lead = text[start : start + match.start("noun")]
    for jobs in _patterns()["opening_nouns"].finditer(lead):
        if _FOR_PEOPLE.fullmatch(lead, jobs.end()):
            # 'Job ads for entry-level ML engineers in Noida climbed to 640': the ads are counted
            phrase = text[start + jobs.start() : start + match.end("noun")]
            return _Counted(" ".join(phrase.split()), jobs.group().lower())
    return _Counted(" ".join([*kept, noun]), noun.lower())


def _bracketed(text: str, sentence: Sentence, amount: Amount) -> _Counted | None:
    """A count in brackets right after a job title, in a sentence that names the open jobs it
    counts after its list ('Software developers (41,300), cybersecurity analysts (12,650) and
    ... had the most new postings') or before it: that title's open jobs."""
    if not _CLOSING_BRACKET.match(text, amount.end, sentence.end):
        return None
    titles = find_titles(text[sentence.start : amount.start])
    if not titles or not _OPENING_BRACKET.fullmatch(
        text, sentence.start + titles[-1][1], amount.start
    ):
        return _placed_bracket(text, sentence, amount)
    nouns = _patterns()["opening_nouns"]
    # ... or before them: 'ML engineers (9,420) had the most openings, ahead of data
    # scientists (7,860) and AI engineers (5,310)'
    jobs = nouns.search(text, amount.end, sentence.end) or next(
        reversed(list(nouns.finditer(text, sentence.start, amount.start))), None
    )
    if jobs is None:
        return None
    return _Counted(jobs.group(), jobs.group().lower(), titles[-1][2])


def _placed_bracket(text: str, sentence: Sentence, amount: Amount) -> _Counted | None:
    """A count in brackets right after a city or right after the open jobs it counts, in a
    sentence that names them before it ('Berlin had the most ML engineer vacancies (1,940),
    ahead of Munich (1,610) and Hamburg (780)'): those jobs (in that city, `_bracket_city`)."""
    nouns = _patterns()["opening_nouns"].finditer(text, sentence.start, amount.start)
    jobs = next(reversed(list(nouns)), None)
    if jobs is None:
        return None
    if (
        _bracket_city(text, sentence.start, amount.start) is None
        and (
            not _OPENING_BRACKET.fullmatch(text, jobs.end(), amount.start)
            # the jobs' own bracket counts a city's ('Berlin had the most ... vacancies (1,940)');
            # a back link's 'All open roles (73)' counts a board's listings
            or find_city(text[sentence.start : amount.start]) is None
        )
    ):
        return None
    return _Counted(jobs.group(), jobs.group().lower())


def _bracket_city(text: str, start: int, at: int) -> str | None:
    """The city right before the bracket a count opens ('ahead of Munich (1,610)')."""
    place = _PLACE_BRACKET.search(text, start, at)
    return find_city(place["place"]) if place else None


# A city right before a bracket that opens on a count: 'ahead of Munich (', 'Hamburg ('.
_PLACE_BRACKET = re.compile(r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*\(\s*\Z")


def _bracket_title(text: str, sentence: Sentence, amount: Amount) -> str | None:
    """The job title a bracket that holds a count with its noun opens right after ('followed by
    data analysts (more than 9,700 positions)'): whose count it is, not the clause's first."""
    opening = text.rfind("(", sentence.start, amount.start)
    if opening < 0 or not _HEDGED.fullmatch(text, opening + 1, amount.start):
        return None
    titles = find_titles(text[sentence.start : opening])
    if not titles or text[sentence.start + titles[-1][1] : opening].strip():
        return None
    return titles[-1][2]


_OPENING_BRACKET = re.compile(r"\s*\(\s*")
_HEDGED = re.compile(rf"\s*{optional_hedge()}", re.IGNORECASE)
_CLOSING_BRACKET = re.compile(r"\s*\)")


def _part_sample(text: str, sentence: Sentence, found: list[Amount], amount: Amount) -> bool:
    """Whether a count is the sample behind one part's figure, a part of the page's sample:
    'An early career ML engineer with 1-4 years of experience earns $118,900 based on 1,104
    salaries' (a level's pay), the responses a rating drew ('4.1 out of 5 (based on 388
    responses)'), or those who answered one question ('Salary questions were answered by
    3,112 people', '1,512 salary profiles that reported gender').

    >>> s = "A mid-career engineer earns $139,200 based on 402 salaries."
    >>> from mlefacts.extract.context import amounts
    >>> found = amounts(s, 0, len(s))
    >>> _part_sample(s, Sentence(0, len(s), 0, None), found, found[1])  # type: ignore[arg-type]
    True
    """
    if (
        _ANSWERED_BY.search(text, max(sentence.start, amount.start - 20), amount.start)
        and _QUESTION.search(text, sentence.start, amount.start)
    ) or _WHO_ANSWERED.match(text, amount.end, sentence.end):
        return True  # 'questions were answered by 3,112 people', '1,512 profiles that reported
        # gender'; not 'The survey was answered by 4,870 people'
    based = _BASED_ON.search(text, sentence.start, amount.start)
    if based is None:
        return False
    head = text[sentence.start : based.start()]
    if _RATING.search(head):
        return True
    return any(a.is_money and a.end <= based.start() for a in found) and bool(
        find_experience_level(head) or years_level(head)
    )


# A count a condition sets as a bar, not a count of anything ('we only report a median where
# at least 60 ML engineers answered', 'cities with fewer than 30 responses are left out').
# ('... in Bengaluru, where more than 40,000 ML engineers work' counts them all the same.)
_CONDITION = re.compile(
    r"(?:\b(?:where|when|if|unless|only\s+(?:with|for))\s+(?:at\s+least|a\s+minimum\s+of)"
    r"|\b(?:if|unless|only\s+(?:where|when|if))\s+(?:more|fewer|less)\s+than)\s+\Z",
    re.IGNORECASE,
)
# Those of a sample who answered one question: '... were answered by ', '... profiles that
# reported gender'.
_ANSWERED_BY = re.compile(r"\b(?:answered|completed|filled\s+in)\s+by\s+\Z", re.IGNORECASE)
_WHO_ANSWERED = re.compile(
    r"(?:\s+[\w-]+){1,3}?\s+(?:that|who)\s+(?:answered|reported|disclosed|shared)\b"
    r"(?!\s+(?:[\w-]+\s+){0,2}(?:survey|poll|questionnaire|study)\b)",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\bquestions?\b", re.IGNORECASE)
# A number that names a part of a report, not a count: 'Exhibit 2 Roles executives find
# hardest to fill', 'Figure 3', 'Table 4'.
_NUMBERED_PART = re.compile(
    r"\b(?:exhibit|figure|fig\.|table|chart|graph|panel|appendix)\s*\Z", re.IGNORECASE
)
# A round-up's own numbered items, a run of them: 'Statistics 22–30 cover cloud roles', 'Items 4
# and 5'; not a stat line 'Data points 12,400'.
_NUMBERED_ITEMS = re.compile(
    r"\b(?:statistics|stats|items|questions|sections|chapters|slides)\s*\Z", re.IGNORECASE
)
_RUN_ON = re.compile(r"\s*(?:,|and|&|to)\s*\d")
# The people who gave a rating: 'Rated 4.8 by 620 candidates'.
_RATED_BY = re.compile(r"\brated\s+\d(?:[.,]\d)?(?:\s*/\s*(?:5|10))?\s+by\s+\Z", re.IGNORECASE)
# 'based on' right before a count, maybe in brackets and hedged: what a figure was drawn from.
_BASED_ON = re.compile(
    r"\bbased\s+on\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+)?\Z", re.IGNORECASE
)
# A rating out of a scale: '4.1 out of 5', '4.6/5', '4.2 stars', '★ 4.4'.
_RATING = re.compile(
    r"\d(?:[.,]\d)?\s*(?:out\s+of\s+(?:5|five|10|ten)\b|/\s*(?:5|10)\b|stars?\b)|★"
)


def _sample_label(text: str, start: int, at: int) -> _Counted | None:
    """A survey's sample size ('Sample size: 2,150', '(n = 6,120)'): the respondents counted.

    >>> _sample_label("Developer Survey 2025 (n = 6,120)", 0, 27)
    _Counted(phrase='respondents', noun='respondents', title=None, part_of_openings=False)
    """
    if _patterns()["sample_label"].search(text, start, at) is None:
        return None
    return _Counted("respondents", "respondents")


_FIELD_SEPARATORS = (" | ", " · ", " • ")
# The parts of a report a number after a figure counts: a report's size, no field's count.
_REPORT_PARTS = re.compile(r"\s*(?:pages?|slides?|charts?|exhibits?)\b", re.IGNORECASE)


def _label_before(text: str, start: int, at: int, after: int, end: int) -> _Counted | None:
    """A fact line 'Number of jobs, 2024: 38,200' or 'Companies surveyed: 480' (or a block
    that is only a label and its number, 'Open ML engineer roles 27,800'): the number alone on
    its line after a label that names a count."""
    line_start = text.rfind("\n", start, at) + 1 or start
    line_end = text.find("\n", after, end)
    rest = text[after : end if line_end < 0 else line_end]
    # a field of a line set apart by bars or dots ('Median base: $139,000 | Open roles: 18,900
    # | 3-year growth: 22%') is a line of its own
    for separator in _FIELD_SEPARATORS:
        bar = text.rfind(separator, line_start, at)
        line_start = bar + len(separator) if bar >= 0 else line_start
        rest = rest.split(separator, 1)[0]
    match = _label_line().fullmatch(text[max(line_start, start) : at])
    if match is None and start < line_start and ":" not in text[start:line_start]:
        # a label wrapped over lines of plain text ('Job adverts for ML engineers in the last
        # 90' / 'days: 386.')
        match = _label_line().fullmatch(" ".join(text[start:at].split()) + " ")
    if match is None and line_start <= start and not rest.strip():
        match = _STAT_LINE.fullmatch(text[start:at])  # a stat line 'Open ML roles 27,800'
    if match is None or (re.search(r"[^\W\d_]", rest) and not _LABEL_TAIL.fullmatch(rest)):
        return None
    label = match.group("label")
    # not the days of its window ('Job adverts in the last 90 days: 386')
    figures = [f for f in amounts(label, 0, len(label)) if not _WINDOW.match(label, f.end)]
    if figures and label[figures[-1].end :].strip():
        # 'Bengaluru ₹15.6 LPA Open roles: 3,940': a row of figures, the label after the last
        label = label[figures[-1].end :].strip()
    found = _patterns()["label"].search(label) or _patterns()["noun"].search(label)
    if found is None or _patterns()["covers"].search(label):
        return None  # 'Companies profiled: 25' is what a report covers
    noun = _patterns()["noun"].search(label)
    if noun is not None:
        return _Counted(label[: noun.end()], noun.group().lower())
    return _Counted(_LABEL_DATE.sub("", label), found.group().lower())


# The unit of a count's window after its number: 'in the last 90 days', 'past 12 months'.
_WINDOW = re.compile(r"\s+(?:days|weeks|months|years)\b", re.IGNORECASE)
# What may follow a labelled count on its line: when it was counted ('in the quarter', 'at the
# end of March 2026'), a change set off by a comma ('**1,140**, which is 22% fewer than a year
# earlier'; the change is a claim of its own), or both, ...
_LABEL_WHEN = (
    r"(?:in|during|over|for|as\s+of|as\s+at|at|by)\s+(?:the\s+(?:end|start|close)\s+of\s+)?"
    r"(?:the\s+|this\s+|last\s+)?(?:quarter|month|year|week|half|(?:Q[1-4]|H[12]|[A-Z][a-z]+)"
    r"(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)"
)
_LABEL_CHANGE = r",\s*(?:which\s+(?:is|was)|up|down)\b[^\n]*"
# ... or a remark set off by a dash ('Open roles: 21,700 — the most of any role on this list').
_LABEL_REMARK = r"\s[—–]\s[^\n]*"
_LABEL_TAIL = re.compile(
    rf"[*_]*\s*(?:{_LABEL_WHEN}(?:{_LABEL_CHANGE})?|{_LABEL_CHANGE}|{_LABEL_REMARK})\s*\.?\s*",
)
# A label's date, which says when, not what is counted: 'Number of jobs, 2024', 'Employment
# (2023)', 'Employment change, 2024-34'.
_LABEL_DATE = re.compile(r",?\s*\(?\d[\d\s–-]*\)?$")


@cache
def _label_line() -> re.Pattern[str]:
    """A fact line's label up to its number, a hedge allowed before it ('Openings per year:
    about 20,800'), a quote mark before it too ('> Total employment: 215,400')."""
    return re.compile(
        rf"\s*(?:>\s*)*[*_]*(?P<label>[^\W\d][^:\n*]{{0,80}}?)[*_]*\s*:\s*[*_]*\s*"
        rf"{optional_hedge()}[*_]*"  # 'roughly **1,240**'
    )


def _countable(text: str, sentence: Sentence, amount: Amount) -> bool:
    """A bare whole number of at least 2 that no rule rules out (see `_ruled_out`)."""
    return _bare_whole(amount) and _ruled_out(text, sentence, amount) is None


def _bare_whole(amount: Amount) -> bool:
    return amount.unit is None and amount.value >= 2 and amount.value == int(amount.value)


# After a bare number, the verb of an answer: the number counts those who gave it, a part of
# a sample ('912 said their organizations had hired', '1,204 reported a raise').
_ANSWERED = re.compile(
    r"\s+(?:of\s+(?:them|those|these)\s+)?(?:said|say|says|reported|answered|told\s+us|"
    r"agreed|indicated|responded)\b",
    re.IGNORECASE,
)


def _ruled_out(text: str, sentence: Sentence, amount: Amount) -> SkipReason | None:
    """Why a bare whole number is no count, as a figure's reason code: a year, a version, a
    rank, a step, a band, one writer's story, a criterion for inclusion or a page's navigation;
    None when none says so."""
    if _YEAR_LIKE.match(amount.raw.strip()):
        return "date"
    if "." in amount.raw and amount.scale is None and not _read_grouped(amount):
        return "version_number"
    if _patterns()["navigation"].search(text, sentence.start, amount.start):
        return "navigation"
    if _patterns()["measure"].match(text, amount.end, sentence.end):
        return "measure"  # 'time to hire grew 12% to 48 days'
    if _patterns()["list_size"].match(text, amount.end, sentence.end) or _introduces_list(
        text, sentence, amount
    ):
        return "list_size"
    if _RATIO_BEFORE.search(text, sentence.start, amount.start):
        return "other"  # '3 in 10 ML job listings', '2 of 3 companies': a share, not a count
    if _ANSWERED.match(text, amount.end, sentence.end):
        return "other"  # 'Of those respondents, 912 said ...': the part of a sample that answered
    if in_band_label(text, amount, sentence.end):
        return "band"  # 'Fewer than 5 engineers: 21%': a band of a breakdown, not a count
    if _patterns()["named_list"].search(text, sentence.start, amount.start):
        return "list_size"  # 'Fortune 500 companies': a list's name
    if (
        _patterns()["first_person"].search(text, sentence.start, sentence.end)
        and not _patterns()["listing"].search(text, sentence.start, amount.start)
        and not _patterns()["sample"].search(text, sentence.start, amount.start)
    ):
        # not 'When I searched a job portal, it showed 11,500 openings'; 'I pooled 22,400
        # salary reports from our community survey' is the sample its writer drew on
        return "not_field"

    if _patterns()["criteria"].search(text, sentence.start, sentence.end):
        return "threshold"  # 'titles needed at least 500 adverts to qualify'
    if _SERIAL_BEFORE.search(text, sentence.start, amount.start):
        return "rank"  # 'in Issue 14 we counted 300 postings': a serial number
    rank = _RANK_BEFORE.search(text, sentence.start, amount.start)
    if rank:  # 'Top 10 companies' is a list's length, '#3 employer' a rank
        return "list_size" if rank.group().lower().startswith("top") else "rank"
    return None


def skipped(doc: Document) -> list[Skip]:
    """Numbers beside a counted noun that a rule says are no count, with the rule's reason
    ('Top 10 companies': list_size), so the figures table tells why, not just 'unread'."""
    return collect_skips(doc, _skips, name=NAME, keys=_number_keys())


def _skips(doc: Document, sentence: Sentence) -> list[Skip]:
    text = doc.text
    found = amounts(text, sentence.start, sentence.end)
    out = []
    for index, amount in enumerate(found):
        if not _bare_whole(amount):
            continue
        counted = _noun_after(text, amount.end, sentence.end) or _noun_before(
            text, sentence.start, amount.start
        )
        if counted is None:
            continue
        reason = "not_field" if _duty_item(doc, sentence) else _ruled_out(text, sentence, amount)
        if reason is None:
            reason = _not_field(text, sentence, found, index, amount, counted)
        if reason is not None:
            out.append(Skip(amount.start, amount.end, reason))
    return out


def _duty_item(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence is an item of a list of duties ('Mentor 3-5 engineers'): a number
    there sizes the work, it counts nothing of the field."""
    index = sentence.block_index
    return (
        sentence.block.kind == "list_item"
        and 0 <= index < len(doc.blocks)
        and doc.blocks[index] is sentence.block
        and block_section_types(doc)[index] == "responsibilities"
    )


# After the responses counted: the one question they answered, or that they were left out.
_ONE_QUESTION = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:responses|answers|replies)\s+(?:to\s+(?:this|the|that|each)\s+"
    r"question\b|were\s+(?:removed|excluded|dropped|discarded)\b)",
    re.IGNORECASE,
)
# A survey that covered the people counted after it: its sample ('the survey covered 1,150').
_SURVEY_COVERED = re.compile(
    r"\b(?:survey|poll|questionnaire)\s+(?:\w+\s+){0,2}?(?:covered|covers|reached|reaches)\s+"
    r"(?:(?:about|around|roughly|some|nearly|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def _not_field(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    index: int,
    amount: Amount,
    counted: _Counted,
) -> SkipReason | None:
    """'not_field' for a count of one group, of what a report covers or of the publisher's own
    business; 'no_subject' for people counted without a role; else None (the number is a count)."""
    if _ONE_QUESTION.match(text, amount.end, sentence.end):
        # '38,905 responses to this question', '2,115 responses were removed': one question's
        # base or the answers left out, not the survey's sample
        return "not_field"
    qualifying = _patterns()["qualifying"].search(text, sentence.start, amount.start)
    if (
        qualifying
        # 'the leader with over 135k job openings' states openings; 'roles with fewer than 500
        # ads a year' were left out
        and (not names_openings(counted.phrase) or _THRESHOLD.search(qualifying.group()))
        and not _SKILL_FOR.search(text, sentence.start, amount.start)
        # 'Karoo's survey covered 1,150 data and AI professionals': its sample, people asked
        and not _SURVEY_COVERED.search(text, sentence.start, amount.start)
    ):
        # 'firms with over 500 employees' sizes the firms; 'the leader with over 135k job
        # openings' still states openings
        return "not_field"
    frame = figure_frame(text, sentence.start, sentence.end, found, index)
    clause = text[frame.clause_start : frame.clause_end]
    owner = _owner(text, frame.clause_start, amount.start, counted)
    if owner is not None and owner.sector is None:
        return "not_field"  # 'Acme Robotics employs 300 data scientists': one organisation's
    if (
        owner is None
        and _needs_role(counted, clause)
        # its own words, not a neighbour's: 'Nvidia, with 29,600 employees, hired 400 ML
        # engineers' counts one company's staff beside the engineers
        and not find_roles(text[frame.before_start : frame.after_end])
        and not _HOLD_THE_TITLE.search(text, amount.end, frame.after_end)
        and not _field_roles_held(clause)
    ):
        return "no_subject"
    if _patterns()["covered"].match(text, _noun_end(text, frame, counted), frame.clause_end):
        return "not_field"  # '30+ companies profiled in the report': what the report covers
    own = text[sentence.start : sentence.end]
    # 'Over 500 companies hire from our platform'; not 'we have 38 openings' nor a board's own
    # count of what it listed ('we published 412 new ML engineer offers')
    listed = counted.noun in _listed_nouns() and _listing(
        text, sentence.start, amount.start, counted
    )
    if _publishers_own(own) and not names_openings(counted.phrase) and not listed:
        return "not_field"
    return None


def _introduces_list(text: str, sentence: Sentence, amount: Amount) -> bool:
    """'Here are 10 companies hiring ML engineers:', '15 AI startups to watch': a small number
    in a sentence that announces a list is the list's length."""
    if amount.value >= _LONGEST_LIST:
        return False
    own = text[sentence.start : sentence.end].rstrip()
    return own.endswith(":") or bool(_patterns()["list_intro"].search(own))


# A list a page announces is shorter than this ('Here are 10 companies ...:').
_LONGEST_LIST = 100


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    vocabulary = load_data("count_terms")
    stops = "|".join(escape_phrase(w) for w in vocabulary["modifier_stops"])
    nouns = "|".join(escape_phrase(n) for n in sorted(vocabulary["nouns"], key=len, reverse=True))
    joiners = "|".join(escape_phrase(w) for w in vocabulary["joiners"])
    verbs = "|".join(
        escape_phrase(v) for v in sorted(vocabulary["verbs_before"], key=len, reverse=True)
    )
    changes = "|".join(escape_phrase(v) for v in vocabulary["change_verbs"])
    # what the change is against ('year over year', 'month on month', 'vs last year')
    against = "|".join(
        escape_phrase(w)
        for w in sorted(
            load_data("market_terms")["demand"]["against_before"], key=len, reverse=True
        )
    )
    # 'dropped by 12% to 20,300', 'rose 12% month over month to 5,930', 'fell 9% quarter on
    # quarter, to 410', 'rose 3.1% in September, to 61,200', 'slipped 2.3% quarter-on-quarter
    # in Q3 2025, to 61,400': a change stated before the new level, maybe with what it is
    # against and when; or before the level it started from ('rose 9.4% in the third quarter
    # of 2025 compared with the second quarter, from 7,185 to 7,860')
    quarter = r"the\s+(?:first|second|third|fourth|previous|prior|last)\s+quarter"
    when = (
        rf"in\s+(?:{month_alternation()}|Q[1-4]|(?:19|20)\d\d|{quarter})"
        rf"(?:\s+(?:of\s+)?(?:19|20)\d\d)?|compared\s+(?:with|to)\s+{quarter}"
        r"|since\s+(?:19|20)\d\d"
    )
    # ... or a multiple: 'have doubled since 2021, from about 1,450 in 2021 to 2,900 now'
    verbs = (
        rf"{verbs}|(?:(?:{changes})\s+(?:by\s+)?[\d.,]+\s*(?:%|percent|per\s+cent)"
        r"|doubled|tripled|halved)"
        rf"(?:,?\s+(?:{against}|{when})){{0,2}},?\s+(?:to|from)"
    )
    hedges = "|".join(
        [
            hedge_words(),
            *(escape_phrase(h) for h in sorted(vocabulary["hedges"], key=len, reverse=True)),
        ]
    )
    labels = "|".join(escape_phrase(w) for w in sorted(vocabulary["labels"], key=len, reverse=True))
    navigation = "|".join(escape_phrase(w) for w in vocabulary["navigation"])
    list_size = "|".join(escape_phrase(w) for w in vocabulary["list_size"])
    list_intro = "|".join(escape_phrase(w) for w in vocabulary["list_intro"])
    named_lists = "|".join(escape_phrase(w) for w in vocabulary["named_lists"])
    criteria = "|".join(escape_phrase(w) for w in vocabulary["criteria"])
    measures = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["measures"], key=len, reverse=True)
    )
    employs = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["employs"], key=len, reverse=True)
    )
    economy = "|".join(escape_phrase(w) for w in vocabulary["economy_verbs"])
    org_nouns = "|".join(escape_phrase(w) for w in vocabulary["organisation_nouns"])
    org_verbs = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["organisation_verbs"], key=len, reverse=True)
    )
    promotion = "|".join(escape_phrase(w) for w in vocabulary["promotion"])
    groups = "|".join(escape_phrase(w) for w in vocabulary["groups"])
    group_verbs = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["group_verbs"], key=len, reverse=True)
    )
    membership = "|".join(escape_phrase(w) for w in vocabulary["membership"])
    worldwide = "|".join(escape_phrase(w) for w in vocabulary["worldwide"])
    sample_labels = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["sample_labels"], key=len, reverse=True)
    )
    coverage = "|".join(escape_phrase(w) for w in vocabulary["coverage"])
    survey = "|".join(escape_phrase(w) for w in vocabulary["survey"])
    first_person = "|".join(escape_phrase(w) for w in vocabulary["first_person"])
    first_person_plural = "|".join(
        escape_phrase(form)
        for word in vocabulary["first_person_plural"]
        for form in (word, word.capitalize())
    )
    opening_nouns = "|".join(
        escape_phrase(w) for w in sorted(vocabulary["openings"]["nouns"], key=len, reverse=True)
    )
    openness = "|".join(escape_phrase(w) for w in vocabulary["openings"]["open"])
    advertised = "|".join(escape_phrase(w) for w in vocabulary["openings"]["advertised"])
    sample = "|".join(escape_phrase(w) for w in vocabulary["openings"]["sample"])
    listing = "|".join(escape_phrase(w) for w in vocabulary["openings"]["listing"])
    offers_listing = "|".join(escape_phrase(w) for w in vocabulary["openings"]["offers_listing"])
    # a word, maybe quoted or possessive ('41,000 master's graduates'), or an abbreviation in
    # brackets: 'Artificial Intelligence (AI) jobs'
    # ... or an abbreviation with dots: '450 U.S. hiring managers', or two capitalized names
    # joined: '1.9 million AI and ML job postings'
    modifier = (
        rf"(?:(?!(?:{stops})\b)[\"“'‘]?[A-Za-z][\w/-]*(?:['’]s\b)?[\"”'’]?|\([A-Za-z][\w/&-]{{0,11}}\)"
        r"|(?:[A-Z]\.){2,}|[A-Z][\w/-]*\s+(?:and|&)\s+[A-Z][\w/-]*)"
    )
    most = vocabulary["max_modifiers"]
    patterns = {
        "after": re.compile(  # past a bold or italic mark closing the number ('**52,740** new')
            # or a stat list's dash ('412K — AI job postings in the US in 2024'), or a place's
            # whole it is part of ('accounted for 5,600 of India's ML engineer ads')
            rf"(?:[*_]{{1,3}})?(?:\s+[—–])?(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w.]*['’]s)?"
            rf"\s+(?P<phrase>(?:{modifier}\s+){{0,{most}}}?(?P<noun>{nouns})"
            rf"(?:\s+(?:{joiners})\s+(?:{modifier}\s+){{0,2}}?(?:{nouns}))?)\b",
            re.IGNORECASE,
        ),
        # ... failing that, up to eight words between, a possessive among them ('Postings for
        # ML engineers on Poland's largest IT job board rose from 610')
        "before_far": re.compile(
            rf"\b(?P<noun>{nouns})\b(?:\s+(?!(?:{verbs})\b)[\w.'’]+){{6,8}}"
            rf"\s+(?:{verbs})\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        "before": re.compile(
            rf"\b(?P<noun>{nouns})\b(?:\s+(?!(?:{verbs})\b)[\w.]+){{0,5}}"
            # an aside between the noun and its verb: 'Postings for AI roles, or roles that
            # ask for AI skills, reached 31,200'
            rf"(?:\s*,[^,;.]{{1,60}},)?"
            rf"\s+(?:{verbs})\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        # an estimate that puts the count at a figure ('CareerPulse put U.S. ML engineer
        # openings at 12,750', 'estimates peg the number of data jobs at 41,000')
        "put_at": re.compile(
            rf"\b(?:put|puts|putting|peg|pegs|pegged|pegging|place|places|placed|estimates|"
            rf"estimated)\s+"
            # the last noun before 'at' ('the workforce of data engineers at'): what is counted
            rf"(?:[\w.&-]+\s+){{0,6}}(?P<noun>{nouns})\b(?:\s+[\w.]+){{0,3}}?"
            rf"\s+at\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        "noun": re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])", re.IGNORECASE),
        "employs": re.compile(
            rf"(?P<employer>[^\W\d][\w&'’ -]{{0,60}}?)\s+(?:{employs})\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        "organisation": re.compile(
            rf"(?:\b(?:the|this|that|its|their)\s+(?:{org_nouns})"
            rf"|(?P<name>(?-i:[A-Z][\w&.’'-]*)(?:\s+(?-i:[A-Z][\w&.’'-]*)){{0,3}}"
            rf"(?:['’]s(?:\s+[\w-]+){{1,3}})?))"
            # ('Tessera AI says it will hire 200 ML engineers': its own words)
            rf"(?:,[^,]{{1,40}},)?(?:\s+(?:says|said|announced|expects)\s+(?:it|they))?"
            rf"\s+(?:{org_verbs})\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        "economy": re.compile(rf"\b(?:{economy})\b", re.IGNORECASE),
        "employment": re.compile(
            rf"\bemployment\s+(?:of|(?:{verbs}))\s+(?:(?:{hedges})\s+)?$", re.IGNORECASE
        ),
        "label": re.compile(rf"(?<![\w-])(?:{labels})(?![\w-])", re.IGNORECASE),
        "qualifying": re.compile(
            rf"(?:\bwith\s+(?:{hedges}|fewer than|less than|at least|up to|under)\s+"
            rf"|\b\d+\s+(?:in|out of)\s+"
            # ('demand for 10 lakh AI professionals' counts the people needed)
            rf"|(?<!\bdemand\s)(?<!\bneed\s)\bfor\s+(?:(?:{hedges}|up to)\s+)?"
            rf"|\b(?:{promotion})\s+(?:(?:{hedges})\s+)?"
            rf"|\b(?:{groups})\s+of\s+(?:(?:{hedges})\s+)?"
            rf"|\b(?:{coverage})\s+(?:(?:{hedges})\s+)?"
            rf"|\b(?:{groups})\s+(?:(?:now|already|currently)\s+)?(?:{group_verbs})\s+"
            rf"(?:\d[\d,]*\s+to\s+)?(?:(?:{hedges})\s+)?)$",
            re.IGNORECASE,
        ),
        "opening_nouns": re.compile(rf"(?<![\w-])(?:{opening_nouns})(?![\w-])", re.IGNORECASE),
        "open": re.compile(rf"\b(?:{openness})\b", re.IGNORECASE),
        "advertised": re.compile(
            rf"(?:\s+(?:in\s+(?:the\s+)?)?(?:(?-i:[A-Z])[\w.]*|worldwide|globally|nationwide)){{0,3}}"
            # 'roles were open across Canada': a copula before the word is the same
            rf"\s+(?:(?:were|are|was|is|remain|remained)\s+)?(?:{advertised})\b",
            re.IGNORECASE,
        ),
        "listing": re.compile(rf"\b(?:{listing})\b", re.IGNORECASE),
        # right before the number: 'we published 412 new offers'; not 'who published a profile
        # on our portal received 4 offers'
        "offers_listing": re.compile(
            rf"\b(?:{offers_listing})\s+(?:(?:about|around|over|nearly|almost|some|more\s+than"
            r"|a\s+total\s+of)\s+)?$",
            re.IGNORECASE,
        ),
        "sample": re.compile(rf"\b(?:{sample})\b", re.IGNORECASE),
        "membership": re.compile(rf"\b(?:{membership})\b", re.IGNORECASE),
        "worldwide": re.compile(rf"\b(?:{worldwide})\b", re.IGNORECASE),
        "sample_label": re.compile(rf"(?<![\w-])(?:{sample_labels})\s*[:=]\s*$", re.IGNORECASE),
        "survey": re.compile(rf"\b(?:{survey})\b", re.IGNORECASE),
        "first_person_plural": re.compile(  # case kept: 'us', never 'US'
            rf"(?<![\w'’])(?:{first_person_plural})(?![\w'’])"
        ),
        "first_person": re.compile(rf"(?<![\w'’])(?:{first_person})(?![\w'’])", re.IGNORECASE),
        "list_size": re.compile(rf"\s+(?:{list_size})\b", re.IGNORECASE),
        "covers": re.compile(rf"\b(?:{coverage})\b", re.IGNORECASE),
        "covered": re.compile(rf"\s+(?:(?:are|were|is)\s+)?(?:{coverage})\b", re.IGNORECASE),
        "measure": re.compile(rf"\s+(?:{measures})\b", re.IGNORECASE),
        "named_list": re.compile(rf"\b(?:{named_lists})\s*$", re.IGNORECASE),
        "criteria": re.compile(rf"\b(?:{criteria})\b", re.IGNORECASE),
        "list_intro": re.compile(rf"\b(?:{list_intro})\b", re.IGNORECASE),
        "navigation": re.compile(
            rf"\b(?:{navigation})\s+\d[\d,]*(?:\s*[-–]\s*\d[\d,]*)?\s+of\s*$", re.IGNORECASE
        ),
    }
    # Case-insensitive alternations, most searched through a sentence per figure: see `gated`.
    return {name: gated(pattern) for name, pattern in patterns.items()}


_stops = partial(data_words, "count_terms", "modifier_stops")
_generic = partial(data_words, "count_terms", "generic_modifiers")
_role_bound = partial(data_words, "count_terms", "role_bound")
_job_nouns = partial(data_words, "count_terms", "job_nouns")

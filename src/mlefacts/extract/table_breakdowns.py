"""Table claims about labelled rows: shares (percent columns), counts (count columns) and
rankings (a rank column), one claim per row and column.
"""

from __future__ import annotations

import functools
import re
from functools import cache, partial
from typing import Literal

from mlefacts.document.model import Span
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    SET_AGAINST_YEAR,
    first_role,
    is_place,
    periods,
    vocabulary,
    written_sign,
)
from mlefacts.extract.counts import field_jobs, jobs_alone, names_openings, speaks_of_hiring
from mlefacts.extract.demand import states_change
from mlefacts.extract.label_scale import label_factor
from mlefacts.extract.ranked_lists import ordered, says_ranked, top_n_title
from mlefacts.extract.salary import negated
from mlefacts.extract.shares import (
    JOB_TITLE,
    divides_by_title,
    people_breakdown,
    people_of_page,
    row_share_subject,
    share_noun,
    work_arrangement,
)
from mlefacts.extract.table_frame import (
    EXTRACTOR,
    PLACE_KEYS,
    Column,
    ColumnKind,
    TableFrame,
    cell_amount,
    distinct_cells,
    group_heading,
    is_growth,
    label_column,
    label_key,
    lead_paragraph,
    population,
    rank_column,
    rank_value,
    role_cell_claims,
    role_of_row,
    row_qualifiers,
    says_partial,
    single_year,
    table_attribution,
    table_vocabulary,
)
from mlefacts.extract.table_money import city_label, is_pay, names_statistic
from mlefacts.extract.titles import title_of
from mlefacts.months import month_alternation
from mlefacts.normalize.skills import names_languages, skill_alone
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import data_words

# Shares that add up to less than this list only some parts of their whole.
_COMPLETE_SUM = 97.0
# The most a whole split into rounded parts may add up to.
_WHOLE_MAX = 101.0
_PERCENT_OF = re.compile(r"(?:%|\bpercent|\bper\s+cent)\s+of\b", re.IGNORECASE)


def _grouped(ctx: TableFrame, label: Column) -> tuple[Column | None, Column]:
    """A label column whose cells span several rows ('Segmentation' over 'Component' beside
    'Solutions' and 'Services') groups the rows; the text column right after it names each
    row. (The group column or None, the column that names the rows.)"""
    following = [c for c in ctx.columns if c.index == label.index + 1 and c.kind == "text"]
    rows = ctx.table.rows
    spanning = any(a[label.index] is b[label.index] for a, b in zip(rows, rows[1:], strict=False))
    return (label, following[0]) if following and spanning else (None, label)


def breakdown_claims(
    ctx: TableFrame, *, kinds: tuple[ColumnKind | Literal["share"], ...] = ("percent", "count")
) -> list[Claim]:
    """Share claims (percent columns) and count claims (count columns), one per row each;
    with kind 'share' only the percent columns whose header says they divide a whole
    ('Market share (%)', 'Share of respondents'), as in a pay or market table where other
    percent columns are changes or premiums.

    A count in a row that names a role ('Data Scientist | ... | 9,445 openings') is about that
    role; other counts are about what the table counts ('Number of Startups'). A percent column
    of growth is no share: growth in hiring of a role's row is that role's job demand, other
    growth is left to the market tables."""
    label = label_column(ctx.columns)
    if label is None:
        return []
    group, label = _grouped(ctx, label)
    rank = rank_column(ctx.columns)
    percent = [
        c
        for c in ctx.columns
        if c.kind == "percent"
        and (
            "percent" in kinds
            or "share" in kinds
            and (names_share(c) or is_growth(c) or work_arrangement(c.header))
        )
    ]
    paid = any(c.kind == "money" for c in ctx.columns)
    counts = [
        c
        for c in ctx.columns
        if c.kind == "count"
        and c.kind in kinds
        # 'Median | 90th percentile | Vacancies in sample': how many each row's pay is drawn from
        and not (paid and table_vocabulary()["sample"].search(c.header))
    ]
    count_kinds = {column.index: _count_kind(ctx, column) for column in counts}  # once a column
    partial = says_partial(ctx) or (group is None and _sums_short(ctx, percent))
    short = _short_groups(ctx, group, percent) if group is not None else set()
    source = cache(functools.partial(table_attribution, ctx))  # looked up once, when needed
    titled = _people_by_title(ctx, label) if percent else None
    languages = cache(functools.partial(_languages_alone, ctx, label))
    claims: list[Claim] = []
    heading: str | None = None  # the group the rows below belong to ('By end use')
    for row in ctx.table.rows:
        category = ctx.cell(row, label)
        if not category:
            continue
        if label.index == 0 and (named := group_heading(ctx.doc, row)):
            heading = named
            continue
        for column in distinct_cells(row, [*percent, *counts]):
            amount = cell_amount(ctx, row, column)
            if amount is None:
                continue
            if column.kind == "count" and amount.scale is None:
                # 'Persons employed (thousands)' over '10 262': every cell in that unit
                factor = label_factor(column.header)
                amount = amount if factor is None else amount.times(factor)
            qualifiers = row_qualifiers(ctx, row, label, rank)
            qualifiers.update(category=category, partial=partial)
            if heading:  # '**By end use**' over 'BFSI | 23.7'
                qualifiers["dimension"] = heading
            if group is not None:  # 'Component' spanning 'Solutions' and 'Services'
                qualifiers["dimension"] = ctx.cell(row, group).lower()
                qualifiers["partial"] = partial or row[group.index] in short
            if column.header:  # a table without a header line measures what its title says
                qualifiers["measure"] = column.header
            is_share = column.kind == "percent"
            if is_share and not is_growth(column):
                # 'Junior | 8%' under 'Share of listings': the level is the part, and the
                # whole is every listing, not the junior ones
                qualifiers.pop("experience_level", None)
            if is_share and not is_growth(column) and _whole_row(category):
                continue  # 'Global | 38.4 | 100%': the whole, no part of it
            if is_share and not is_growth(column) and table_vocabulary()["growth"].search(category):
                continue  # 'Software CAGR, 2025-2030 | 25.1%' in a fact table: a rate, no part
            start, end = ctx.quote(row, row[column.index])
            row_role = role_of_row(ctx, row, label) or title_of(category)
            kind, attribute = ("share", "share") if is_share else count_kinds[column.index]
            if kind == "job_demand" or (is_share and is_growth(column)):
                row_role = row_role or _place_row_role(ctx, category, column, label)
            # 'Machine learning engineers | 21.8% | 76.9%' under 'Women | Men': the row's role
            # is the population its shares split
            splits = is_share and row_role is not None and _splits_row(ctx, row, percent)
            if is_share and is_growth(column):
                if row_role is None or not _about_jobs(ctx, column):
                    continue
                kind, attribute = "job_demand", "demand_growth"
                if written_sign(ctx.doc.text, amount) == -1:  # '-4%' under 'YoY change'
                    amount = negated(amount)
            elif is_share and not splits and not (row_role and names_openings(column.header)):
                row_role = None  # 'Share of postings that are remote' in a role's row: its own
            subject = row_role or population(ctx, column, label)
            if is_share and not row_role and _field_openings_column(column.header):
                # 'Share of AI job openings by city:' over 'City | Share of openings': the
                # field's openings, not the page role's
                subject = field_jobs(ctx.caption or lead_paragraph(ctx.doc, ctx.table)) or subject
            if kind == "share" and titled is not None and not splits:
                subject = titled  # 'Job title' / 'Data scientist .... 28%': of those asked
            elif is_share and not splits:  # 'PyTorch | 61%' under '% of job postings': PyTorch's
                lead = ctx.caption or lead_paragraph(ctx.doc, ctx.table)
                subject, extra = row_share_subject(
                    subject, category, column.header, lead, ctx.role, languages()
                )
                qualifiers.update(extra)
            own, later = single_year(column.header), single_year(ctx.caption)
            if own is None and ctx.written is not None:
                # a table read down its columns dates each by its header, now the row's label
                # ('As % of all jobs ads' across '12 months to Nov 2026 | Same period 2025')
                own = single_year(category)
            year = own or later
            period = change_period(ctx, column) if is_growth(column) else None
            if period is not None:  # 'Change, number' between 'Employment 2024' and '... 2034'
                qualifiers.update(period_start=period[0], period_end=period[1])
                year = period[1]
            if kind == "job_demand" and is_share and own and SET_AGAINST_YEAR.search(column.header):
                # 'Change in postings vs 2024' under '(United States, 2025)': the change runs
                # to 2025, the year it is dated by; 2024 is what it is set against
                year = later if later is not None and later > own else None
            claims.append(
                Claim.from_amount(
                    amount,
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=start,
                    char_end=end,
                    extractor=EXTRACTOR,
                    unit="percent" if is_share else "count",
                    year=year,
                    qualifiers=qualifiers,
                    attributed_to=source(),
                    context=ctx.context(column),
                )
            )
    return claims


def _field_openings_column(header: str) -> bool:
    """A share column of openings that may be a field's ('Share of openings'), not one of all
    postings ('AI job postings (% of all job postings)', whose whole is every posting)."""
    return names_openings(header) and _OF_ALL.search(header) is None


_OF_ALL = re.compile(r"\bof\s+all\b", re.IGNORECASE)


def change_period(ctx: TableFrame, column: Column) -> tuple[int, int] | None:
    """The years a change column runs between: the range its header names ('Change, 2024-34'),
    else the first and the last year of a table whose count columns name two ('Employment 2024
    | Employment 2034 | Change, number'), else the range the caption names."""
    own = _period_of(column.header)
    if own is not None:
        return own
    dated = {single_year(c.header) for c in ctx.columns if c.kind == "count"} - {None}
    if len(dated) == 2:
        first, last = sorted(year for year in dated if year is not None)
        return first, last
    return _period_of(ctx.caption)


def _period_of(text: str) -> tuple[int, int] | None:
    """The one range of years a text names ('2024-34', 'from 2024 to 2034')."""
    spans = [span for span in periods(text, 0, len(text)) if span[3] is not None]
    if len(spans) != 1:
        return None
    start, end = spans[0][2], spans[0][3]
    return None if start is None or end is None else (start, end)


def _people_by_title(ctx: TableFrame, label: Column) -> str | None:
    """The people a survey's breakdown by job title divides ('Job title' over 'Machine
    learning engineer .... 34%'), or any breakdown of them on a page that has one ('Years of
    experience'): those its lead-in names, else those the survey asked; None for a table that
    is no such breakdown."""
    breakdowns = (people_breakdown(ctx.caption), people_breakdown(label.header))
    if JOB_TITLE not in breakdowns and not (any(breakdowns) and divides_by_title(ctx.doc)):
        return None
    index = sum(1 for block in ctx.doc.blocks if block.end <= ctx.table.start) - 1
    lead = lead_paragraph(ctx.doc, ctx.table)
    return people_of_page(ctx.doc, max(index, 0), lead=lead, of_roles=True)


def compared_shares(
    ctx: TableFrame, row: tuple[Span, ...], label: str, roles: dict[int, str]
) -> list[Claim]:
    """The share of each role a role-vs-role table's row gives when every role's cell is one
    percentage and its label names no change ("Ads asking for a master's degree" | '38%' |
    '61%'): the part of that role's own ads, people or jobs the label describes. [] for other
    rows (a change is job growth; words compare the roles)."""
    if not label or states_change(label):
        return []
    found = {index: cell_amount(ctx, row, ctx.columns[index]) for index in roles}
    if not all(a is not None and a.unit == "percent" and a.value <= 100 for a in found.values()):
        return []
    return role_cell_claims(
        ctx,
        row,
        found,
        roles,
        {"category": label.lower()},
        kind="share",
        attribute="share",
        extractor=EXTRACTOR,
        unit="percent",
        year=single_year(label) or single_year(ctx.caption),
        attributed_to=table_attribution(ctx),
        context=label,
    )


def names_share(column: Column) -> bool:
    """'Market share (%)', 'Share of respondents', '% of roles': a share of a whole; or a part
    of the people the table counts ('Women (%)', '% female')."""
    return bool(
        share_noun().search(column.header)
        or _PERCENT_OF.search(column.header)
        or _PEOPLE_PART.fullmatch(column.header.strip(" *_"))
    )


# A header naming a part of the people counted, as a percentage: 'Women (%)', '% female'.
_PEOPLE_PART = re.compile(
    r"(?:%\s*)?(?:women|men|female|male|non-binary|under\s+30|over\s+50)(?:\s*\(%\)|\s*%)?",
    re.IGNORECASE,
)


def _count_kind(ctx: TableFrame, column: Column) -> tuple[str, str]:
    """A column of open jobs ('Job openings', 'Open roles', or 'Jobs' under a title, caption
    or lead-in about hiring: 'Permanent vacancies by location:') holds job demand; others
    counts."""
    if names_openings(column.header) or (
        jobs_alone(column.header)
        and speaks_of_hiring(
            f"{ctx.title or ''}\n{ctx.caption or lead_paragraph(ctx.doc, ctx.table)}"
        )
    ):
        return "job_demand", "job_openings"
    return "count", "count"


def _whole_row(label: str) -> bool:
    """Whether a row's label names the whole its table divides ('Total', 'Global')."""
    return " ".join(label.strip(" *_:").lower().split()) in _whole_rows()


_whole_rows = partial(data_words, "table_terms", "whole_row", "labels")


@cache
def _period_row() -> re.Pattern[str]:
    """A row label that is a period: a month (the dates vocabulary's names), a quarter or a
    year ('March', 'Sept. 2025', 'Q2 2026', '2025')."""
    return re.compile(
        rf"(?:{month_alternation()}\.?|Q[1-4])(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d",
        re.IGNORECASE,
    )


# What a place's label leaves out: 'UK excl. London', 'England excluding London'.
_EXCEPT = re.compile(r"\s+(?:excl\.?|excluding|except|ex\.|outside(?:\s+of)?|minus|w/o)\s.*$", re.I)


def _place_row_role(ctx: TableFrame, category: str, column: Column, label: Column) -> str | None:
    """The role whose jobs a row of a place or a period counts or changes ('Bengaluru | 8,200 |
    41%' under 'ML engineer postings by city', 'March | 21,870 | +7.2%' under 'Machine learning
    engineer postings in the US, 2026'): the one the column, caption or title names, else the
    page's; none for other rows. A row under a header of places is a place's ('Metro' over 'SF
    Bay Area', 'Remote (US)')."""
    if not (
        is_place(_EXCEPT.sub("", category))  # 'UK excl. London' is the UK's rest
        or _period_row().fullmatch(category.strip())
        or label_key(label.header) in PLACE_KEYS
    ):
        return None  # a place's row, or a month's ('February | 20,410 | +2.3%')
    return first_role(column.header, ctx.caption, ctx.title or "") or ctx.role


def _about_jobs(ctx: TableFrame, column: Column) -> bool:
    """Growth in hiring, postings or openings: job demand ('Annual hiring growth'), or the
    change of a count of them beside it ('Postings (Q3) | vs Q2'); not a change its own header
    says is of pay ('Median change vs 2024' beside 'Vacancies'), nor one beside pay alone."""
    demand = vocabulary("market_terms", "demand", "words")
    if demand.search(column.header):
        return True
    if is_pay(column.header, "") or names_statistic(column.header):
        return False
    counted = " ".join(c.header for c in ctx.columns if c.kind == "count")
    if not counted and any(c.kind == "money" for c in ctx.columns):
        return False  # 'Median base (USD k) | 1-yr change' over '158 | +4.1%': the pay's change
    return bool(demand.search(f"{ctx.caption} {counted}"))


def ranking_claims(ctx: TableFrame, *, independent: bool = False) -> list[Claim]:
    """One claim per row of a rank + item table: value = the rank, text = the item.

    With `independent`, a table that also holds values ranks its rows only when the rank is a
    fact of its own (see `_rank_restates`); a row that names a role is that role's rank. A
    table without a rank column ranks its rows by their order when its title says they are
    the top N (`_row_order`)."""
    label = label_column(ctx.columns)
    rank = rank_column(ctx.columns)
    if label is None:
        return []
    if rank is None:
        positions = _row_order(ctx, label)
    elif _serial(ctx, rank) or (
        independent
        and _rank_restates(ctx, rank)
        and not _rows_are_jobs(ctx, label)
        and not _rows_are_skills(ctx, label)
    ):
        return []
    else:
        positions = [rank_value(ctx.doc.span_text(row[rank.index])) for row in ctx.table.rows]
    is_partial = cache(functools.partial(says_partial, ctx))  # each looked up once, when needed
    source = cache(functools.partial(table_attribution, ctx))
    languages = _languages_alone(ctx, label)  # once a table: it reads every row
    claims: list[Claim] = []
    for row, position in zip(ctx.table.rows, positions, strict=False):
        item = ctx.cell(row, label)
        if not item or position is None:
            continue
        qualifiers = row_qualifiers(ctx, row, label, None)
        qualifiers.pop("category", None)
        qualifiers["partial"] = is_partial()
        if independent and ctx.title:
            qualifiers["list"] = ctx.title
        cell = row[(rank or label).index]
        start, end = ctx.quote(row, cell)
        row_role = role_of_row(ctx, row, label)
        # a ranked city, state or skill is what the table ranks ('1 | San Francisco Bay Area',
        # '8 | Large language models (LLMs)')
        place = city_label(item) or (item if is_place(item) else None)
        skill = skill_alone(item, languages=languages)
        ranked = normalize_subject(place) if place else skill.canonical.lower() if skill else None
        claims.append(
            Claim(
                kind="ranking",
                subject=row_role or ranked or population(ctx, None, label),
                attribute="rank",
                char_start=start,
                char_end=end,
                extractor=EXTRACTOR,
                value=float(position),
                unit="rank",
                text=item,
                year=(single_year(rank.header) if rank else None) or single_year(ctx.caption),
                qualifiers=qualifiers,
                attributed_to=source(),
                context=ctx.context(rank),
                figure_start=cell.start if rank else None,
                figure_end=cell.end if rank else None,
            )
        )
    return claims


def _row_order(ctx: TableFrame, label: Column) -> list[int | None]:
    """The ranks of a table without a rank column, 1, 2, 3 ... by row, when its title says its
    rows are the top N ('Top 5 AI job titles by open postings', 'The ten best-paid jobs') or,
    without a caption, the paragraph over it says how they are ranked ('Ranked by median base
    pay:'), and
    either no value column holds them (their order is the ranking) or a value column is sorted
    and the rows are jobs or skills (places sorted by pay only restate the pay); else none."""
    rows = ctx.table.rows
    if len(rows) < 2 or not (
        top_n_title(ctx.caption, len(rows))
        or (not ctx.caption and ordered(lead_paragraph(ctx.doc, ctx.table)))
    ):
        return []
    values = [
        [amount.value for row in rows if (amount := cell_amount(ctx, row, column))]
        for column in ctx.columns
        if column.kind in ("percent", "money", "count", "integer")
    ]
    sorted_by = any(
        len(v) == len(rows) and v in (sorted(v), sorted(v, reverse=True)) for v in values
    )
    if values and not (sorted_by and (_rows_are_jobs(ctx, label) or _rows_are_skills(ctx, label))):
        return []
    return list(range(1, len(rows) + 1))


def _rank_restates(ctx: TableFrame, rank: Column) -> bool:
    """Whether the rank column only restates the order of a value column of the same table.

    'Rank | Country | Number of Startups' sorted by the count says nothing the counts do not:
    the rank stays the row's `rank` qualifier. A rank that no value column follows ('Best Jobs':
    a score of salary, openings and reviews), a rank of jobs, or a rank set beside the rank
    each row had before ('2026 rank | 2025 rank | City | Median salary': a ranking that moves)
    is a fact of its own.
    """
    if sum(column.kind == "rank" for column in ctx.columns) > 1:
        return False
    return _sorted_by_value(ctx, rank)


def _serial(ctx: TableFrame, rank: Column) -> bool:
    """A '#' or 'S.No.' column that only numbers the rows ('# | Company | Headquarters' under
    'Key players'): no rank, unless the table's title says it ranks or a value column is in
    its order."""
    if " ".join(rank.header.lower().split()) not in _serial_headers():
        return False
    return not says_ranked(ctx.caption) and not _sorted_by_value(ctx, rank)


_serial_headers = partial(data_words, "table_terms", "columns", "serial")


def _sorted_by_value(ctx: TableFrame, rank: Column) -> bool:
    """Whether a value column of the table is sorted in the rank column's order."""
    positions = [rank_value(ctx.doc.span_text(row[rank.index])) for row in ctx.table.rows]
    for column in ctx.columns:
        if column is rank or column.kind not in ("percent", "money", "count", "integer"):
            continue
        pairs = sorted(
            (position, amount.value)
            for position, row in zip(positions, ctx.table.rows, strict=True)
            if position is not None and (amount := cell_amount(ctx, row, column)) is not None
        )
        values = [value for _, value in pairs]
        if len(values) >= 2 and values in (sorted(values), sorted(values, reverse=True)):
            return True
    return False


def _rows_are_skills(ctx: TableFrame, label: Column) -> bool:
    """Every row is a skill's name alone ('Rank | Skill | % of postings'): the skills' ranking
    is a fact the page states, as a ranked list of them is."""
    languages = _languages_alone(ctx, label)
    return all(skill_alone(ctx.cell(row, label), languages=languages) for row in ctx.table.rows)


def _languages_alone(ctx: TableFrame, label: Column) -> bool:
    """Whether 'Go' or 'R' alone in the label column is the language: its header says the rows
    are languages ('Language'), or two of its other rows name a skill alone ('Python', 'SQL'
    above 'Go'), as a column of skills lists them (`skills` reads tables the same way)."""
    if names_languages(label.header):
        return True
    named = (skill_alone(ctx.cell(row, label)) is not None for row in ctx.table.rows)
    return sum(named) >= 2


def _rows_are_jobs(ctx: TableFrame, label: Column) -> bool:
    """Every row names a role or job title: a ranking of jobs is a fact of its own even when
    a value column is sorted the same way ('Rank | Job title | Hiring growth')."""
    return all(
        role_of_row(ctx, row, label) or title_of(ctx.cell(row, label)) for row in ctx.table.rows
    )


def _short_groups(ctx: TableFrame, group: Column, percent: list[Column]) -> set[Span]:
    """The group cells whose rows' single share column adds up to clearly less than 100%
    ('Application' over three of its uses): each group divides the whole apart."""
    if len(percent) != 1:
        return set()
    sums: dict[Span, float] = {}
    for row in ctx.table.rows:
        if amount := cell_amount(ctx, row, percent[0]):
            sums[row[group.index]] = sums.get(row[group.index], 0.0) + amount.value
    return {cell for cell, total in sums.items() if total < _COMPLETE_SUM}


def _splits_row(ctx: TableFrame, row: tuple[Span, ...], percent: list[Column]) -> bool:
    """Whether a row's two or more shares split the whole of its row ('Machine learning
    engineers | 21.8% | 76.9%' under 'Role | Women | Men'): the row is the population they
    divide, not a part of a whole the columns name."""
    if len(percent) < 2:
        return False
    values = [a.value for column in percent if (a := cell_amount(ctx, row, column))]
    return len(values) == len(percent) and _COMPLETE_SUM <= sum(values) <= _WHOLE_MAX


def _sums_short(ctx: TableFrame, percent: list[Column]) -> bool:
    """A single share column that adds up to clearly less than 100% lists only some categories."""
    if len(percent) != 1:
        return False
    values = [a.value for row in ctx.table.rows if (a := cell_amount(ctx, row, percent[0]))]
    return bool(values) and sum(values) < _COMPLETE_SUM

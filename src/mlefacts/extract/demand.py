"""Growth in demand for a role: '344% increase since 2015', 'grew 9.8 times in 5 years (2012-17)'.

A percentage or multiple is demand growth only when a growth word sits next to it and the
sentence is about jobs (demand, postings, openings, hiring) or names a role; product markets
and pay are left to `market` and `salary`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from mlefacts.document.model import Document, Span, Table
from mlefacts.document.structure import TIMESTAMP
from mlefacts.document.text import FIELD_SEPARATOR
from mlefacts.extract.attribution import find_attribution
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    PAIRED,
    RESPECTIVELY,
    Amount,
    Frame,
    Sentence,
    amounts,
    collect,
    discipline_role,
    figure_frame,
    find_experience_level,
    find_roles,
    first_role,
    heading_city,
    is_city,
    lead_in,
    opening_city,
    own_city,
    periods,
    place_name,
    place_spans,
    plain_years,
    section_heading,
    sentence_before,
    sentence_role,
    single_country,
    single_region,
    vocabulary,
    written_sign,
    years_level,
)
from mlefacts.extract.counts import FactRow, fact_rows, field_jobs, names_openings
from mlefacts.extract.cues import Keys, word_keys
from mlefacts.extract.fractions import fraction_keys, word_shares
from mlefacts.extract.market import (
    label_period,
    multiple_keys,
    multiplies,
    with_word_multiples,
)
from mlefacts.extract.page_frame import EARLIER_FALLS, earlier_way, than_earlier
from mlefacts.extract.ranked_lists import ranked_items, ranked_subject
from mlefacts.extract.salary import (
    names_pay_word,
    negated,
    own_stretch,
    pay_fall,
    pay_growth,
    same_measure,
    to_level,
)
from mlefacts.extract.sections import document_role
from mlefacts.extract.shares import EARLIER_OPENING, in_points, share_cue
from mlefacts.extract.subjects import market_phrase
from mlefacts.extract.table_frame import (
    TableFrame,
    cell_amount,
    place_qualifier,
    role_cell_claims,
    single_year,
    table_vocabulary,
)
from mlefacts.extract.titles import find_titles
from mlefacts.months import month_alternation
from mlefacts.normalize.numbers import cardinal_value
from mlefacts.normalize.quantities import find_years, hedge_words, optional_hedge
from mlefacts.normalize.skills import skill_alone
from mlefacts.normalize.text import normalize_subject

NAME = "demand"
VERSION = "1"

# How far (characters) the growth word may sit from its number.
_REACH = 40
# ... and a verb whose object stands between ('grow their ML engineering headcount by about').
_OBJECT_REACH = 64
_DURATION = re.compile(
    r"\b(?:in|over|within|during)\s+(?:the\s+)?(?:past\s+|last\s+|next\s+)?(\w+)\s+years?\b",
    re.IGNORECASE,
)
_JOB_MARKET = "job market"
# Where postings are listed, between them and what they ask for: 'Listings on Stackline that
# mention'.
_ON_BOARD = r"(?:(?:on|at)\s+\S+\s+)?"
_SKILL_POSTINGS = re.compile(
    rf"\b(?:postings|listings|jobs|openings|vacancies|roles)\s+{_ON_BOARD}(?:that\s+)?"
    r"(?:mention(?:ing|ed)?|requir(?:e|es|ed|ing)|request(?:s|ed|ing)?|ask(?:ing|ed)?\s+for|"
    r"list(?:ing|ed)?)\s+"
    r"(?P<skill>[\w/+.-]+(?:\s+[\w/+.-]+){0,3}?)\s+(?:skills?|expertise|knowledge)\b",
    re.IGNORECASE,
)
# Postings counted by what they ask for, before the name ('Ads asking for', 'Postings that
# ask for experience with', 'job postings mentioning', '..., while those mentioning').
_ASKED_SKILL = re.compile(
    r"\b(?:(?:postings|listings|ads|adverts|jobs|openings|vacancies|roles|those)\s+"
    rf"{_ON_BOARD}(?:that\s+)?"
    r"(?:mention(?:s|ing|ed)?|requir(?:e|es|ed|ing)|request(?:s|ed|ing)?|ask(?:s|ing|ed)?\s+for)"
    # or what the ads ask for, named first ('Mentions of Databricks in job ads', 'Demand for
    # Rust skills'): a role named there is the subject all the same (`_own_roles` first)
    r"|(?:mentions|demand|requests|calls)\s+(?:of|for))"
    r"\s+(?:(?:experience|knowledge|familiarity)\s+(?:with|of|in)\s+)?",
    re.IGNORECASE,
)
_MAX_SKILL_WORDS = 3


def extract(doc: Document) -> list[Claim]:
    """Job demand growth claims from the document's paragraphs and list items, and from the
    rows of its two-column fact tables ('Job Outlook, 2024-34 | 34% (Much faster than
    average)')."""
    facts = [claim for table in doc.tables for claim in _fact_rows(doc, table)]
    return [
        *collect(doc, _read_sentence, name=NAME, keys=_change_keys()),
        *facts,
        *_ranked_counts(doc),
    ]


def _ranked_counts(doc: Document) -> list[Claim]:
    """The postings of each place of a list that ranks places by them ('The metros with the
    most ML engineer ads, ranked by number of postings:' over '1. San Francisco (3,120 ads)',
    '2. New York (2,240)'): a count of the jobs of the lead-in's role, in that place."""
    claims = []
    for item in ranked_items(doc):
        place = place_qualifier(item.label)
        # (a ranked table's or card's item has no block of its own)
        block = doc.blocks[item.block] if item.block < len(doc.blocks) else None
        if not place or block is None or block.kind != "list_item":
            continue
        if not (item.start < block.end and item.end > block.start):
            continue
        # the lead-in, else the list's title ('Cities with the most ML engineer postings')
        lead = next(
            (
                text
                for text in (lead_in(doc, item.block), item.title)
                if _POSTINGS_RANKED.search(text)
            ),
            None,
        )
        if lead is None:
            continue
        counted = _BRACKETED_COUNT.search(doc.text, item.start, item.end) or _LABELLED_COUNT.search(
            doc.text, item.start, item.end
        )
        found = amounts(doc.text, counted.start(1), counted.end(1)) if counted else []
        subject = first_role(lead) or document_role(doc)
        if len(found) != 1 or found[0].unit is not None or subject is None:
            continue
        claims.append(
            Claim.from_amount(
                found[0],
                kind="job_demand",
                subject=subject,
                attribute="job_postings",
                char_start=item.start,
                char_end=item.end,
                extractor=NAME,
                unit="count",
                year=single_year(lead),  # 'the most vacancies in 2025 were:'
                qualifiers={**place, "category": "postings"},
            )
        )
    return claims


# A lead-in that ranks places by their job postings: 'ranked by number of postings', 'the
# metros with the most ML engineer ads', 'Top hiring metros (ranked by Q3 2025 postings)'.
_POSTINGS_RANKED = re.compile(
    r"\b(?:most|number\s+of|count\s+of|by)\s+(?:[\w/-]+\s+){0,4}?"
    r"(?:postings|job\s+ads|ads|openings|vacancies|job\s+listings|listings|jobs)\b",
    re.IGNORECASE,
)
# A count in brackets after an item's name: '(3,120 ads)', '(2,240)'.
_BRACKETED_COUNT = re.compile(r"\(\s*(\d[\d,.]*)(?:\s+[a-z][\w -]{0,20})?\s*\)")
# A count after an item's name and a colon, a dash or a dot leader, or set in a column of its own,
# ending the item: 'Germany: 21,800', 'Seattle ..... 1,380', 'San Francisco Bay Area  4,720'.
_LABELLED_COUNT = re.compile(
    r"(?:[:–—-]\s*|(?:\.{2,}|…+)\s*|(?<=\S)\s{2,})(\d[\d,.]*)(?:\s+[a-z][\w -]{0,20})?\s*$"
)


def _fact_rows(doc: Document, table: Table) -> list[Claim]:
    """The demand growth of a fact table's rows: a label that names a job outlook or the
    growth of jobs ('Projected employment growth, 2024-34') over one percentage, or a change
    under a row that counts jobs ('ML engineer postings, Q3 ... 16,870' / 'Change vs Q2 ...
    +4.2%'). The role is the row's own label's, else the caption's ('Quick Facts: Data
    Scientists'), else the counted row's, else the page's."""
    caption = doc.span_text(table.caption) if table.caption else ""
    subject = first_role(caption) or document_role(doc)
    claims = []
    counted = ""  # the label of the last row that counts jobs, whose changes may follow it
    for row in fact_rows(doc, table):
        label = " ".join(doc.span_text(row.label).split())
        found = amounts(doc.text, row.value.start, row.value.end)
        if len(found) == 1 and found[0].unit != "percent":
            # a row counting jobs, whose change may follow; any other figure ends its run
            words = vocabulary("market_terms", "demand", "words")
            counted = label if found[0].unit is None and words.search(label) else ""
        if subject is not None and (ratio := _ratio_row(doc, row, label, found, subject)):
            claims.append(ratio)
            continue
        if subject is None or len(found) != 1 or found[0].unit != "percent":
            continue
        if _growth_label(label):
            # 'Change in data scientist postings vs Q3 2024 .. -3.1%': the label's own role
            role = first_role(label) or subject
            claims.append(_labelled_growth(doc, found[0], role, label, row.start, row.end))
        elif counted and table_vocabulary()["growth"].search(label):
            role = first_role(label) or first_role(counted) or subject
            claims.append(_labelled_growth(doc, found[0], role, label, row.start, row.end))
    return claims


def _ratio_row(
    doc: Document, row: FactRow, label: str, found: list[Amount], subject: str
) -> Claim | None:
    """A fact row of open jobs per job seeker ('Job openings-to-applicants ratio | 2.61 |
    FY2024'): the role's ratio, dated by the row."""
    if len(found) != 1 or found[0].unit is not None or not names_openings_ratio(label):
        return None
    if not 0 < found[0].value < MAX_OPENINGS_RATIO:
        return None
    return Claim.from_amount(
        replace(found[0], unit="ratio"),
        kind="job_demand",
        subject=first_role(label) or subject,
        attribute=OPENINGS_RATIO,
        char_start=row.start,
        char_end=row.end,
        extractor=NAME,
        year=single_year(label) or row.year,
        qualifiers={"measure": OPENINGS_RATIO_MEASURE},
        context=label,
    )


def compared_growth(
    ctx: TableFrame, row: tuple[Span, ...], label: str, roles: dict[int, str]
) -> list[Claim]:
    """The job growth a role-vs-role table's row states when its label names it and every
    role's cell is one percentage ('Projected job growth, 2024-2034' | '26%' | '34%'): one
    claim per role column; [] for other rows."""
    if not _growth_label(label):
        return []
    found = {index: cell_amount(ctx, row, ctx.columns[index]) for index in roles}
    if not all(amount is not None and amount.unit == "percent" for amount in found.values()):
        return []
    claims = []
    for index, amount in found.items():
        assert amount is not None
        start, end = ctx.quote(row, row[index])
        claims.append(_labelled_growth(ctx.doc, amount, roles[index], label, start, end))
    return claims


def compared_openings(
    ctx: TableFrame, row: tuple[Span, ...], label: str, roles: dict[int, str]
) -> list[Claim]:
    """The open jobs a role-vs-role table's row counts when its label names them and every
    role's cell is a whole number ('Open US job postings, November 2025' | '38,900' |
    '52,400'): one job demand per role column; [] for other rows."""
    if not names_openings(label):
        return []
    found = {index: cell_amount(ctx, row, ctx.columns[index]) for index in roles}
    if not all(a is not None and a.unit is None and a.value >= 2 for a in found.values()):
        return []
    qualifiers: dict[str, Any] = {"measure": "job openings", **place_qualifier(label, "")}
    return role_cell_claims(
        ctx,
        row,
        found,
        roles,
        qualifiers,
        kind="job_demand",
        attribute="job_openings",
        extractor=NAME,
        unit="count",
        year=single_year(label),
        context=label,
    )


def _labelled_growth(
    doc: Document, amount: Amount, subject: str, label: str, start: int, end: int
) -> Claim:
    """A role's job growth a table's label names ('Projected job growth, 2024-2034'), dated
    by the period the label states."""
    qualifiers = label_period(label)
    return Claim.from_amount(
        negated(amount) if written_sign(doc.text, amount) == -1 else amount,
        kind="job_demand",
        subject=subject,
        attribute="demand_growth",
        char_start=start,
        char_end=end,
        extractor=NAME,
        year=qualifiers.get("period_end"),
        qualifiers=qualifiers,
        context=label,
    )


def _growth_label(label: str) -> bool:
    """Whether a fact's label names the growth of jobs: a job outlook, or jobs and growth
    ('Employment growth 2024-34', 'Projected job growth'), not a share of them."""
    if vocabulary("market_terms", "demand", "outlook_labels").search(label):
        return True
    return bool(
        vocabulary("market_terms", "demand", "words").search(label)
        and states_change(label)
        and not vocabulary("share_terms", "nouns").search(label)
    )


def _outlook_line(text: str, sentence: Sentence, amount: Amount) -> bool:
    """A line that labels the figure as a job outlook: 'Job Outlook, 2024-34: 34% (Much
    faster than average)', '**Projected growth:** 26%', or a stat line's last pair
    ('Median salary: $141,000 · Projected growth: 21%')."""
    fields = FIELD_SEPARATOR.split(text[sentence.start : amount.start])
    label = fields[-1].rstrip(" \t*_+\u2212-")  # 'Growth: +41%', 'Growth: −3%'
    if not label.endswith(":"):
        return False
    if vocabulary("market_terms", "demand", "outlook_labels").search(label):
        return True
    # a job card's bare 'Growth:' beside its pay ('Median salary: €72,500 · Growth: +41%'): a
    # market's card states no salary
    return _BARE_GROWTH.fullmatch(label) is not None and any(
        names_pay_word(field) for field in fields[:-1]
    )


_BARE_GROWTH = re.compile(r"(?i)growth(?: rate)?:")


@cache
def _change_keys() -> Keys | None:
    """The words a change without a digit holds: a multiple ('doubled') or a fraction ('up a
    third'); a sentence with neither (nor a digit) is not read."""
    multiples, fractions = multiple_keys(), fraction_keys()
    if multiples is None or fractions is None:
        return None
    return word_keys([*multiples, *fractions])


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    own = text[sentence.start : sentence.end]
    found = with_word_multiples(text, sentence, amounts(text, sentence.start, sentence.end))
    if _PER_APPLICANT_KEY.search(own) and (ratio := _openings_ratio(doc, sentence, found)):
        return [ratio]
    if _EARLIER_RATIO.match(own) and (ratio := _earlier_ratio(doc, sentence, found)):
        return [ratio]  # 'A year earlier it was 2.3.' after the ratio it restates
    fractions = [  # 'is up a third on last year', 'has risen by two-thirds', 'down by a quarter'
        a
        for a in word_shares(text, sentence.start, sentence.end)
        if _CHANGED_BY.search(text, max(sentence.start, a.start - _OBJECT_REACH), a.start)
    ]
    if fractions:
        found = sorted([*found, *fractions], key=lambda a: a.start)
    # a change in percentage points is a share's ('made up 14.7% of IT vacancies, up 3.2
    # percentage points'), not a growth of jobs (`shares` reads it)
    changes = [
        a
        for a in found
        if a.unit in ("percent", "ratio")
        and not in_points(a)
        and not _DISCOUNT.match(text, a.end)  # a course's 'up to 70% off'
    ]
    if not changes:
        return []  # most sentences: no change to read, so no role to find
    mentioned = _mentions_jobs(own)
    referred = None if mentioned else _referred_jobs(doc, sentence)
    # 'Projected growth: 23%' on a role's page names no jobs but is theirs; the outlook line is
    # asked about first, as it costs less than the role
    outlook = _outlook_line(text, sentence, changes[0])
    if not (mentioned or referred or outlook):
        return []
    # a ranked card's outlook line is its job's, one the vocabulary need not know ('3. Heat
    # Pump Technician' / 'Median salary: €48,500 · Growth: +52%')
    role = sentence_role(doc, sentence) or (
        ranked_subject(doc, sentence.start) if outlook else None
    )
    if not (mentioned or referred or role):
        return []
    page_subject = role or _sole_role(doc) or _JOB_MARKET
    source = find_attribution(
        text, sentence.start, sentence.end, context_start=sentence.block.start
    )
    run = _place_run(text, sentence, found) if len(changes) > 1 else {}
    claims = []
    for amount in changes:
        if not (
            _is_growth(text, sentence, found, amount)
            or _run_growth(text, sentence, found, run, amount)
        ) or pay_growth(text, sentence, found, amount):
            continue
        frame = figure_frame(text, sentence.start, sentence.end, found, found.index(amount))
        if amount.unit == "ratio" and _share_multiplied(text, frame.clause_start, amount.start):
            continue  # '21% mentioned LangChain, a share that has doubled': a share's change
        if amount.unit == "ratio" and _stated_exactly(text, found, amount):
            continue  # 'more than doubled in 2025, up 112%': the percent is the change
        stretch = own_stretch(text, frame, found, amount)
        if (
            not _not_market_or_pay(text[frame.clause_start : frame.clause_end])
            and not (_mentions_jobs(stretch) and _not_market_or_pay(stretch))
            and not _outlook_line(text, sentence, amount)
        ):
            continue  # unless the figure's own words (or label) after an earlier figure name jobs
        if _not_demand(text, frame, found, amount):
            continue
        qualifiers = _qualifiers(text, sentence, amount)
        # 'Openings for senior ML engineers rose 9%', 'postings seeking four to seven years of
        # experience rose 52%': the level its own words before it name, else after it
        head = text[frame.before_start : amount.start]
        level = (
            find_experience_level(head)
            or years_level(head)
            or find_experience_level(text[frame.clause_start : frame.after_end])
        )
        if level:
            qualifiers["experience_level"] = level
        clause = text[frame.clause_start : frame.clause_end]
        index = found.index(amount)
        if index in run and not is_city(run[index]) and single_country(run[index]):
            qualifiers["country"] = place_name(run[index])  # '..., Germany 12% and France 9%'
        elif index in run:
            qualifiers["city"] = run[index]  # '52% in the Bay Area, 38% in New York and ...'
        else:
            place = (
                _one_city(clause)
                or opening_city(text, sentence)  # 'In San Francisco, ML engineer postings fell 17%'
                or heading_city(section_heading(doc, sentence.block), own)
            )
            if place:  # 'Openings in Toronto grew 18%', '### Bengaluru' over 'Postings rose 74%'
                qualifiers["city"] = place
            if country := single_country(clause):  # 'Postings in Germany fell 14%'
                qualifiers["country"] = country
            elif region := single_region(clause):  # 'Demand throughout North America rose 27%'
                qualifiers["region"] = region
        # 'up 74%, against 27% for ML engineers': the second figure's subject comes after it
        compared = index and same_measure().match(text, found[index - 1].end, amount.start)
        after = text[amount.end : frame.after_end] if compared else ""
        # 'While postings requiring PyTorch fell 3%, openings for ML engineers rose 9%': the
        # skill the postings before the figure ask for is its subject, not a role after it
        skill = None if compared else skill_postings(own, text[frame.clause_start : amount.start])
        roles = find_roles(after) if compared else _own_roles(text, frame, amount, after=not skill)
        if not compared and (respective := _respective_role(text, sentence, found, index)):
            roles = [(0, 0, respective)]
        if compared and not roles:
            subject = field_jobs(after)
            if subject is None:
                continue  # '..., against 12% for software roles': not the first figure's jobs
            roles = [(0, 0, subject)]
        claims.append(
            Claim.from_amount(
                negated(amount) if _falls(text, sentence, found, index, frame) else amount,
                kind="job_demand",
                subject=roles[-1][2]
                if roles
                else ranked_subject(doc, amount.start)
                or skill
                or field_jobs(text[frame.clause_start : frame.clause_end])
                # 'ML engineering hiring rose 12%', '... grow their ML engineering headcount by
                # 20%': the role of the discipline its clause names
                or discipline_role(text[frame.clause_start : frame.clause_end])
                # the postings the sentence names before the change: 'Employers posted
                # 198,400 tech job listings, up 11%'; not 'General postings fell 17%, while AI
                # job openings surged'
                or field_jobs(text[sentence.start : amount.start])
                # 'U.S. employers listed 518,000 postings for AI roles' / 'That was 24% more
                # than in 2024.': the jobs the sentence refers back to
                or (field_jobs(referred) or first_role(referred) if referred else None)
                # 'Postings asking for zero to two years fell 11%, and graduates compete with
                # laid-off software engineers': a role only a later clause names is not the
                # figure's; the section's or the page's is
                or _context_role(doc, sentence, frame)
                or page_subject,
                attribute="demand_growth",
                char_start=sentence.start,
                char_end=sentence.end,
                extractor=NAME,
                year=qualifiers.get("period_end")
                or _own_year(text, sentence, frame, found, amount)
                or (single_year(referred) if referred else None),
                qualifiers=qualifiers,
                attributed_to=source,
            )
        )
    return claims


def _openings_ratio(doc: Document, sentence: Sentence, found: list[Amount]) -> Claim | None:
    """Open jobs per job seeker, a tightness a recruiter or a labour ministry states ('The
    ratio of job openings to applicants for AI engineers in Japan reached 2.9 in December
    2025', '1.9 - openings per applicant for ML engineer roles'): job demand, a bare ratio."""
    text = doc.text
    ratio = _RATIO_OF.search(text, sentence.start, sentence.end)
    per = None if ratio else _PER_APPLICANT.search(text, sentence.start, sentence.end)
    if ratio is not None:  # the first bare figure after the phrase
        amount = next((a for a in found if a.start >= ratio.end() and a.unit is None), None)
    elif per is not None:  # the bare figure right before it
        amount = next(
            (a for a in found if a.unit is None and _RATIO_GAP.fullmatch(text, a.end, per.start())),
            None,
        )
    else:
        return None
    if amount is None or not 0 < amount.value < MAX_OPENINGS_RATIO:
        return None
    own = text[sentence.start : sentence.end]
    qualifiers: dict[str, Any] = {"measure": OPENINGS_RATIO_MEASURE}
    if country := single_country(own):
        qualifiers["country"] = country
    years = {year for _, _, year in find_years(own)}
    return Claim.from_amount(
        replace(amount, unit="ratio"),
        kind="job_demand",
        subject=first_role(own, section_heading(doc, sentence.block), doc.title or "")
        or _sole_role(doc)
        or _JOB_MARKET,
        attribute=OPENINGS_RATIO,
        char_start=sentence.start,
        char_end=sentence.end,
        extractor=NAME,
        year=years.pop() if len(years) == 1 else None,
        qualifiers=qualifiers,
        attributed_to=find_attribution(
            text, sentence.start, sentence.end, context_start=sentence.block.start
        ),
    )


def names_openings_ratio(text: str) -> bool:
    """Whether a label names open jobs per job seeker ('Openings-to-applicants ratio for ML
    engineers', 'Jobs per applicant')."""
    return bool(_RATIO_OF.search(text) or _PER_APPLICANT.search(text))


def _earlier_ratio(doc: Document, sentence: Sentence, found: list[Amount]) -> Claim | None:
    """The ratio of open jobs to job seekers the sentence before stated, given again for an
    earlier time it does not date ('... reached 2.9 in December 2025.' / 'A year earlier it was
    2.3.'): the same jobs and place, no year."""
    before = sentence_before(doc, sentence)
    bare = [a for a in found if a.unit is None]
    if before is None or len(bare) != 1 or not 0 < bare[0].value < MAX_OPENINGS_RATIO:
        return None
    text = doc.text
    head = _openings_ratio(doc, before, amounts(text, before.start, before.end))
    if head is None:
        return None
    return replace(
        head,
        value=bare[0].value,
        year=None,
        qualifiers=dict(head.qualifiers),
        char_start=sentence.start,
        char_end=sentence.end,
        figure_start=bare[0].start,
        figure_end=bare[0].end,
    )


# 'A year earlier it was ', 'Last year the ratio stood at ': an earlier level of the figure before.
_EARLIER_RATIO = re.compile(
    rf"[\s*_]*(?:{EARLIER_OPENING})\s*,?\s+(?:it|the\s+ratio)\s+(?:was|stood\s+at)\s+\d",
    re.IGNORECASE,
)
_SEEKERS = (
    r"(?:applicants?|job[- ]?seekers?|candidates?|unemployed(?:\s+(?:people|persons?|workers?))?)"
)
_OPENINGS = r"(?:job\s+)?(?:openings|vacancies|jobs|job\s+offers|open\s+roles|positions)"
# 'the ratio of job openings to applicants', 'the job-openings-to-applicants ratio'
_RATIO_OF = re.compile(
    rf"\bratio\s+of\s+{_OPENINGS}\s+to\s+{_SEEKERS}|\b{_OPENINGS}[- ]to[- ]{_SEEKERS}\s+ratio",
    re.IGNORECASE,
)
# '2.9 openings per applicant', '1.9 - openings per applicant'
_PER_APPLICANT = re.compile(
    rf"\b{_OPENINGS}\s+(?:per|for\s+every|for\s+each)\s+(?:one\s+)?{_SEEKERS}", re.IGNORECASE
)
_PER_APPLICANT_KEY = re.compile(r"applicant|seeker|candidate|unemployed", re.IGNORECASE)
# What may stand between the ratio and its words: a space, or a dash of a key-figure line.
_RATIO_GAP = re.compile(r"\s*(?:[-–—:]\s*)?")
# Open jobs per seeker runs to a few; a larger bare figure is a count.
MAX_OPENINGS_RATIO = 20
# The attribute and measure of open jobs per job seeker, wherever a page states it.
OPENINGS_RATIO = "openings_per_applicant"
OPENINGS_RATIO_MEASURE = "openings per applicant"


def _context_role(doc: Document, sentence: Sentence, frame: Frame) -> str | None:
    """The role of a change whose own words name none: named in its sentence up to the end of
    its clause, its list lead-in, its section or the title (`sentence_role` without the
    sentence's later clauses)."""
    return first_role(
        doc.text[sentence.start : frame.clause_end],
        lead_in(doc, sentence.block_index),
        section_heading(doc, sentence.block),
        doc.title or "",
    )


def _respective_role(text: str, sentence: Sentence, found: list[Amount], index: int) -> str | None:
    """The role of a figure of a pair stated 'respectively', when the sentence names one role
    for each figure before them ('data engineer and NLP engineer jobs will grow 28% and 15%,
    respectively')."""
    if not RESPECTIVELY.search(text, found[index].end, sentence.end):
        return None
    first = last = index
    while first and PAIRED.fullmatch(text, found[first - 1].end, found[first].start):
        first -= 1
    while last + 1 < len(found) and PAIRED.fullmatch(text, found[last].end, found[last + 1].start):
        last += 1
    roles = find_roles(text[sentence.start : found[first].start])
    if first == last or len(roles) != last - first + 1:
        return None
    return roles[index - first][2]


def _falls(
    text: str, sentence: Sentence, found: list[Amount], index: int, frame: Frame | None = None
) -> bool:
    """Whether a change is a decrease: written with a minus sign, after a decline word of its
    own words ('postings fell 4%'), named a fall after it ('a 4.2% monthly decline'), or fewer
    than before; the second figure of a pair falls as the first does ('declines of 22% and
    17%')."""
    amount = found[index]
    sign = written_sign(text, amount)
    if sign is not None:
        return sign == -1
    if index and PAIRED.fullmatch(text, found[index - 1].end, amount.start):
        return _falls(text, sentence, found, index - 1)
    frame = frame or figure_frame(text, sentence.start, sentence.end, found, index)
    return (
        pay_fall(text, frame, amount)
        or _fewer(text, amount)
        or bool(_FALL_AFTER.match(text, amount.end))
    )


# A change verb right before a fraction written in words: 'up a third', 'risen by two-thirds'.
# A verb that grows its object by the figure: 'expect to grow their ML engineering headcount
# by about a fifth', 'plan to expand the team by 30%'.
_GROW_OBJECT = (
    r"\b(?:grow|expand|increase|boost)\s+(?:their|its|our|the)\s+(?:[\w-]+\s+){1,4}?by\s+"
)
_GROWN_BY = re.compile(rf"{_GROW_OBJECT}{optional_hedge()}$", re.IGNORECASE)
_CHANGED_BY = re.compile(
    r"\b(?:(?:up|down|rose|risen|rising|grew|grown|growing|fell|fallen|falling|dropped|increased|"
    r"decreased|declined|jumped|climbed|slid|shrank|shrunk)\s+(?:by\s+)?"
    rf"|{_GROW_OBJECT}){optional_hedge()}$",
    re.IGNORECASE,
)
# A fall named right after its figure: 'a 14% drop', 'a 4.2% monthly decline'.
_FALL_AFTER = re.compile(
    r"\s+(?:(?:monthly|annual|yearly|quarterly|weekly|year-over-year|year-on-year|"
    r"month-over-month|month-on-month|quarter-over-quarter|quarter-on-quarter|sharp|steep|"
    r"further|overall|combined|net)\s+)?"
    r"(?:drop|fall|decline|decrease|dip|contraction|reduction|slump|slide)s?\b",
    re.IGNORECASE,
)


def _stated_exactly(text: str, found: list[Amount], amount: Amount) -> bool:
    """Whether a multiple in words is stated again right after it as a percentage ('more than
    doubled in 2025, up 112%'): the change is listed once, as the exact figure."""
    index = found.index(amount)
    following = found[index + 1] if index + 1 < len(found) else None
    return (
        following is not None
        and following.unit == "percent"
        and _RESTATED.fullmatch(text, amount.end, following.start) is not None
    )


# Between a multiple and the percentage that restates it: ' in 2025, up ', ' (an increase of '.
_RESTATED = re.compile(
    r"(?:\s+(?:in|during|over)\s+[\w ]{1,25}?)?\s*[,(;:]\s*(?:or\s+|that\s+is\s+)?"
    r"(?:up|down|an?\s+(?:increase|rise|jump|gain|drop|fall|decline)\s+of|a\s+)?\s*",
    re.IGNORECASE,
)


def _share_multiplied(text: str, start: int, end: int) -> bool:
    """Whether the multiple ending at `end` is of a share: a share noun is the last thing its
    clause names before it ('a share that has doubled'; not 'A large portion of recruiters
    say demand for ML engineers has doubled')."""
    shares = list(vocabulary("share_terms", "nouns").finditer(text, start, end))
    if not shares:
        return False
    after = shares[-1].end()
    return not vocabulary("market_terms", "demand", "words").search(text, after, end)


def _referred_jobs(doc: Document, sentence: Sentence) -> str | None:
    """The sentence before, when this one opens by referring back to it ('That was 24% more
    than in 2024.') and it names jobs: in the same block, else the paragraph or list item
    right above."""
    if not _REFERS_BACK.match(doc.text, sentence.start, sentence.end):
        return None
    before = doc.text[sentence.block.start : sentence.start].strip()
    if _STATISTIC_NUMBER.fullmatch(before):
        before = ""  # '**2.' numbers the statistic: what it refers to is above it
    index = sentence.block_index - 1
    while not before and index >= 0:
        block = doc.blocks[index]
        if _SOURCE_LINE.match(doc.text, block.start, block.end):
            index -= 1  # '*Source: Castellan Labour Data*' under the statistic referred to
            continue
        if block.kind == "heading":
            break
        before = doc.span_text(block)
        if _REFERS_BACK.match(before) and block.kind == "list_item":
            before, index = "", index - 1  # '**+21%** versus Q4 2024' under '**+8.3%** ...'
    return before if before and _mentions_jobs(before) else None


_STATISTIC_NUMBER = re.compile(r"[*_]*\d{1,3}[.)]")
# A statistic's source line, between it and the next: '*Source: Castellan Labour Data*'.
_SOURCE_LINE = re.compile(r"\s*[*_]*\s*(?:sources?|data|via)\s*:", re.IGNORECASE)


# A sentence that opens by referring back to the one before: 'That was', 'This is', 'It marks';
# or a signed change alone against an earlier time, a headline list's next item ('**+8.3%**
# versus Q3 2025' under '**52,740** new ML engineer postings').
# A transcript's turn may open with its time and speaker, and go on with 'And': '[00:02:27]
# ROHIT: And that's up 27 percent from a year earlier'.
_TURN = rf"(?:{TIMESTAMP}\s*)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}:\s+)?"
_REFERS_BACK = re.compile(
    rf"\s*[*_]*(?:\d{{1,3}}\.\s+)?{_TURN}(?:(?:and|but|so)\s+)?"
    r"(?:(?:that|this|it)(?:\s+(?:total|figure|number|count|tally))?"
    r"(?:\s+(?:was|is|were|are|marks|marked|represents|represented)\b|['’]s\b)"
    r"|[*_]*[+\-−–]\d[\d.,]*\s*%[*_]*\s+(?:versus|vs\.?|compared\s+(?:with|to)|against)\s)",
    re.IGNORECASE,
)


def _not_demand(text: str, frame: Frame, found: list[Amount], amount: Amount) -> bool:
    """Whether the change's own words (before it since the previous figure, and after it up to
    the next) name something other than employers' demand: 'an 18% increase in job
    applications', 'jobs with repetitive tasks dropped 13%', '17% greater application growth',
    'the number of AI professionals doubled'."""
    index = found.index(amount)
    stop = found[index + 1].start if index + 1 < len(found) else frame.clause_end
    after = text[amount.end : min(stop, frame.clause_end, amount.end + _REACH)]
    stretch = own_stretch(text, frame, found, amount)
    counted = _NUMBER_OF.search(stretch)
    if (
        counted
        and not vocabulary("market_terms", "demand", "words").search(counted["what"])
        # 'the number of data engineers employed grew 9.4%': employment, as 'Employment
        # change' is
        and not _EMPLOYED.search(counted["what"])
    ):
        return True  # 'the number of AI professionals almost doubled': people, not openings
    words = stretch + " " + after
    return bool(vocabulary("market_terms", "demand", "not_demand").search(words))


_EMPLOYED = re.compile(r"\bemployed\b", re.IGNORECASE)
# 'The number of AI professionals ...': what a change is a change of, in the (up to four)
# words after 'number of'.
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<what>[\w-]+(?:\s+[\w-]+){0,3})", re.IGNORECASE)


# A percentage taken off a price: ' off', ' discount'.
_DISCOUNT = re.compile(r"\s+(?:off|discount)\b", re.IGNORECASE)


def states_change(words: str) -> bool:
    """Whether words say a figure is a change: a growth or decline word, or a comparison with
    an earlier time ('job postings vs. last year', 'year over year').

    >>> states_change("job postings vs. last year"), states_change("of postings are remote")
    (True, False)
    """
    return bool(
        vocabulary("market_terms", "growth", "words").search(words)
        or vocabulary("salary_terms", "change", "decline").search(words)
        or _against_before(words)
    )


def _against_before(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` compares a figure with an earlier time ('year over year', 'vs.
    last year') or names it a change ('Percent change in employment')."""
    end = len(text) if end is None else end
    return bool(
        vocabulary("market_terms", "demand", "against_before").search(text, start, end)
        or vocabulary("market_terms", "demand", "change_nouns").search(text, start, end)
        or _against_month().search(text, start, end)
    )


@cache
def _against_month() -> re.Pattern[str]:
    """A comparison with an earlier month named ('−4.2% vs. August', 'versus March'), as a
    monthly tracker sets a change against the month before."""
    return re.compile(
        rf"\b(?:vs\.?|versus|compared\s+(?:with|to))\s+{month_alternation()}\b", re.IGNORECASE
    )


def _fewer(text: str, amount: Amount) -> bool:
    """A change stated against an earlier time as fewer or lower ('12% fewer than last year',
    '27% below year-ago levels')."""
    return earlier_way(than_earlier().match(text, amount.end)) in EARLIER_FALLS


def _own_roles(
    text: str, frame: Frame, amount: Amount, *, after: bool = True
) -> list[tuple[int, int, str]]:
    """The roles of the change's clause, those before it first (those after it too, with
    `after`): 'Postings for ML engineers grew 74%, far ahead of postings for software engineers'
    is the ML engineers' change; a job title right before the figure's bracket or colon is its
    own ('data scientists (+21%) and database administrators (+12%)', 'Business intelligence
    developer: -14% postings')."""
    titles = find_titles(text[frame.clause_start : amount.start])
    if titles and _OPEN_BRACKET.fullmatch(text, frame.clause_start + titles[-1][1], amount.start):
        start, end, title = titles[-1]
        return [(frame.clause_start + start, frame.clause_start + end, title)]
    before = find_roles(text[frame.clause_start : amount.start])
    outside = [role for role in before if not _in_brackets(text, frame.clause_start + role[0])]
    if outside or before or not after:
        return outside or before
    for start, end, title in titles:  # 'Postings for machine learning compiler engineers rose'
        if _JOBS_FOR.search(text, frame.clause_start, frame.clause_start + start) or (
            _DEMAND_FOR.search(text, frame.clause_start, frame.clause_start + start)
            and title.rsplit(" ", 1)[-1] in _TRADE_HEADS
        ):
            return [(frame.clause_start + start, frame.clause_start + end, title)]
    if _OWN_BRACKET.search(text, frame.clause_start, amount.start):
        return []  # 'machine learning roles (up 64%) and data engineering roles (up 110%)'
    return find_roles(text[amount.end : frame.after_end])


# Job postings for a title, right before it: 'Postings for ', 'openings for the '; and demand
# for a title whose head is a trade ('demand for chip design engineers'), not a product's
# ('Demand for AI agents rose 300%', 'coding assistants').
_JOBS_FOR = re.compile(
    r"\b(?:postings|job\s+ads|vacancies|openings|listings)\s+(?:for|of)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_DEMAND_FOR = re.compile(r"\b(?:demand|hiring)\s+(?:for|of)\s+(?:the\s+)?\Z", re.IGNORECASE)
_TRADE_HEADS = frozenset(
    {"engineer", "scientist", "developer", "architect", "analyst", "researcher", "specialist"}
    | {"technician", "designer", "administrator", "programmer", "consultant", "manager"}
)
# Between a job title and its own figure: a bracket or a label's colon ('database
# administrators (+12%)', 'Business intelligence developer: -14% postings').
_OPEN_BRACKET = re.compile(r"\s*[(:]\s*[+−-]?")
# A figure in brackets of its own ('(up 64%)'): of what the words before the bracket name.
_OWN_BRACKET = re.compile(r"\(\s*(?:(?:up|down)\s+)?[+−-]?$", re.IGNORECASE)


def _in_brackets(text: str, at: int) -> bool:
    """Whether `at` is inside an open '(' of its sentence: 'computer and information research
    scientists (including machine learning engineers)' is about the first role."""
    opened = text.rfind("(", max(0, at - 80), at)
    return opened >= 0 and text.find(")", opened, at) < 0


def _own_year(
    text: str, sentence: Sentence, frame: Frame, found: list[Amount], amount: Amount
) -> int | None:
    """The one year the change's own words after it state, else the one its sentence states
    before the next figure ('Openings rose 21% in 2024, while those for analysts fell 4%'
    dates both 2024; '... were 6% below year-ago levels, short of the peak of 18,900 reached
    in April 2022' dates the peak only); the year a change is measured against ('23% more
    than in 2024') is not its own."""
    than = than_earlier().match(text, amount.end)
    against = range(than.start(), than.end()) if than else range(0)
    following = next((a.start for a in found if a.start > amount.start), sentence.end)
    for start, end in ((amount.end, frame.after_end), (sentence.start, following)):
        years = {
            year for at, year in plain_years(text, start, end, skip=found) if at not in against
        }
        if years:
            return years.pop() if len(years) == 1 else None
    return None


@lru_cache(maxsize=16)
def _sole_role(doc: Document) -> str | None:
    """The one role a page's text names, whose openings its bare 'Openings in Maine rose 8%'
    counts; a round-up naming several roles or titles in passing ('## 1. Prompt Engineer',
    '## 2. Data Annotation Lead') counts the job market's."""
    named = {role for *_, role in find_titles(doc.text)}
    return named.pop() if len(named) == 1 else None


def skill_postings(own: str, head: str) -> str | None:
    """The skill postings are counted by: 'Postings that mention generative AI skills grew
    3.4 times' is demand for generative AI; 'Ads asking for Spark fell 6%' for Spark, a name
    of the skills taxonomy (the longest of up to three words after the last such verb in the
    figure's clause `head` before it); 'Listings that mention Python and SQL' count no one
    skill's, and 'While postings requiring PyTorch fell, openings rose 9%' are not its."""
    found = _SKILL_POSTINGS.search(own)
    if found:
        return normalize_subject(found["skill"])
    asked = [match.end() for match in _ASKED_SKILL.finditer(head)]
    if not asked:
        return None
    words = list(_WORD.finditer(head, asked[-1]))[:_MAX_SKILL_WORDS]
    for count in range(len(words), 0, -1):
        skill = skill_alone(head[words[0].start() : words[count - 1].end()])
        if skill is not None:
            if _MORE_LISTED.match(head, words[count - 1].end()) or "," in head[words[0].end() :]:
                return None  # a list of skills, or a clause of its own before the figure
            if any(start <= words[0].start() < end for start, end, _ in find_titles(head)):
                return None  # 'Demand for Python developers': people, named by their skill
            return normalize_subject(skill.canonical, name=True)  # 'databricks', not singular
    return None


_WORD = re.compile(r"[^\s,;:.]+")
# What follows a name in a list of more: 'Python and SQL', 'Python, SQL', 'Python or R'.
_MORE_LISTED = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)", re.IGNORECASE)


def _mentions_jobs(own: str) -> bool:
    """Jobs are a topic of the sentence: demand words or a named role; not a tenure ('Juniors
    (1-2 years in role) saw the smallest rise': people's time in their jobs)."""
    own = _TENURE.sub(" ", own)
    return bool(vocabulary("market_terms", "demand", "words").search(own) or find_roles(own))


_TENURE = re.compile(
    r"\b(?:years?|yrs?|months?|time)\s+in\s+(?:the\s+|their\s+)?(?:role|post|position|job)\b",
    re.IGNORECASE,
)


def _not_market_or_pay(clause: str) -> bool:
    """The figure's own clause is not about a product market or pay ('salaries grew 5.2%,
    while hiring of data scientists fell 3%' gives the second clause to demand; 'Average raise
    when changing jobs +14.2%' is a change of pay)."""
    return not (
        market_phrase(clause)
        or vocabulary("salary_terms", "salary_words", "strong").search(clause)
        or _PAY_CHANGE.search(clause)
    )


# Nouns of a change that only pay makes: 'raise', 'pay rise', 'hike', 'increment'.
_PAY_CHANGE = re.compile(
    r"\b(?:raises?|pay\s+(?:rises?|cuts?)|(?:salary|wage)\s+(?:hikes?|increases?)|increments?)\b",
    re.IGNORECASE,
)


def _place_run(text: str, sentence: Sentence, found: list[Amount]) -> dict[int, str]:
    """Each figure's own place (by its index in `found`) when a sentence gives two or more
    figures each with a place of its own, after it ('up 52% in the Bay Area, 38% in New York
    and 29% in Austin') or right before it ('Bay Area requisitions were up 52%, New York 38%,
    and Austin 29%'); empty when fewer than two figures have one or two share a place."""
    places: dict[int, str] = {}
    for index, amount in enumerate(found):
        stop = found[index + 1].start if index + 1 < len(found) else sentence.end
        after = _IN_PLACE.match(text, amount.end, stop)
        following = place_spans(text[after.end() : stop]) if after else ()
        if after and following and following[0][0] == 0:
            places[index] = text[after.end() : after.end() + following[0][1]]
            continue
        start = found[index - 1].end if index else sentence.start
        before = text[start : amount.start]
        spans = place_spans(before)
        if not spans:
            continue
        lo, hi = spans[-1]
        opens = index == 0 or _RUN_JOIN.fullmatch(before, 0, lo) is not None
        if opens and _PLACE_TO_FIGURE.fullmatch(before, hi):
            places[index] = before[lo:hi]
    named = list(places.values())
    return places if len(named) > 1 and len(set(named)) == len(named) else {}


# What opens a place's own figure in a run: 'in (the)' after the figure before it.
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?")
# What may stand between the figure before and the next place: ', ', ', and ', ' while '.
_RUN_JOIN = re.compile(r"\W*(?:(?:and|while|whereas|but)\b\W*)?(?:the\s+)?", re.IGNORECASE)
# What may stand between a place and its figure: 'requisitions were up ', ' was up ', ': '.
_PLACE_TO_FIGURE = re.compile(r"[^\d,;.()]{0,40}")


def _run_growth(
    text: str, sentence: Sentence, found: list[Amount], run: dict[int, str], amount: Amount
) -> bool:
    """Whether a figure goes on a run of places whose figure before it is a change of jobs
    ('Bay Area requisitions were up 52%, New York 38%, and Austin 29%')."""
    index = found.index(amount)
    return (
        index in run
        and index - 1 in run
        and found[index - 1].unit == amount.unit
        and (
            _is_growth(text, sentence, found, found[index - 1])
            or _run_growth(text, sentence, found, run, found[index - 1])
        )
    )


def _is_growth(text: str, sentence: Sentence, found: list[Amount], amount: Amount) -> bool:
    index = found.index(amount)
    if _multiplies_levels(text, found, index):
        return False
    start = max(found[index - 1].end if index else sentence.start, amount.start - _REACH)
    stop = min(
        found[index + 1].start if index + 1 < len(found) else sentence.end, amount.end + _REACH
    )
    following = found[index + 1].start if index + 1 < len(found) else sentence.end
    if than_earlier().match(text, amount.end, following) or _outlook_line(text, sentence, amount):
        return True  # '6,350 jobs, 14% more than a year before', 'Job Outlook, 2024-34: 34%'
    if _GROWN_BY.search(text, max(sentence.start, amount.start - _OBJECT_REACH), amount.start):
        return True  # 'grow their ML engineering headcount by about a fifth'
    sign = written_sign(text, amount)
    if sign == 1 or (
        sign
        and (
            _against_before(text, amount.end, stop)
            or _LABEL_ONLY.fullmatch(text, sentence.start, amount.start)
        )
    ):
        return (
            True  # 'postings (+74% in two years)', 'MLOps engineer: -14% postings year over year'
        )
    if (
        sign
        and index
        and found[index - 1].unit == amount.unit
        and written_sign(text, found[index - 1])
        and _is_growth(text, sentence, found, found[index - 1])
    ):
        return True  # 'prompt engineers (−38%) fell furthest, followed by data annotators (−27%)'
    previous, new = _level_patterns()
    if new.search(text, start, amount.start) or (
        # '... falling from a peak of 3.4% in March 2022 to 2.0% in May 2023': the later level
        index
        and to_level().search(text, start, amount.start)
        and previous.search(
            text, max(sentence.start, found[index - 1].start - _REACH), found[index - 1].start
        )
    ):
        return False  # 'fell from 30% to 20%', 'rises to 44%': levels
    if previous.search(text, start, amount.start):
        # 'up from 18% in 2021' is a level, unless it follows a rate of growth: 'slowed to 4%
        # growth in 2024, from 27% in 2023' is the rate a year before
        return bool(
            index
            and found[index - 1].unit == amount.unit
            and amount.start - found[index - 1].end <= _REACH
            and _is_growth(text, sentence, found, found[index - 1])
        )
    frame = figure_frame(text, sentence.start, sentence.end, found, index)
    # a share ('holds a 41.2% share') is no change; asked last, as its cue costs most and most
    # figures fail the cheaper tests (all are pure, so the order does not change the answer)
    return _changes(text, sentence, found, index, frame, (start, stop)) and not (
        amount.unit == "percent" and share_cue(text, frame, amount)
    )


# A label and nothing else before a signed figure: 'Business intelligence analyst: −4%' in a
# list of changes.
_LABEL_ONLY = re.compile(r"[^\d:;,.]{2,60}:\s*[-−–]")


def _changes(
    text: str,
    sentence: Sentence,
    found: list[Amount],
    index: int,
    frame: Frame,
    reach: tuple[int, int],
) -> bool:
    """Whether the words around a figure that is neither a level nor signed state a change of
    jobs (`_is_growth` without its share test): a growth word of its own clause, a multiple,
    or a fall of what its clause names as jobs."""
    amount = found[index]
    start, stop = reach
    if index and (
        PAIRED.fullmatch(text, found[index - 1].end, amount.start)
        or same_measure().match(text, found[index - 1].end, amount.start)
        or (
            _PAIRED_FOR.fullmatch(text, found[index - 1].end, amount.start)
            and find_roles(text[found[index - 1].end : amount.start])
        )
    ):
        # 'AI job postings jumped 42% and 31%, respectively', 'up 74%, against 27% for ML
        # engineers': the second is a change as the first
        return found[index - 1].unit == amount.unit and _is_growth(
            text, sentence, found, found[index - 1]
        )
    if _RATE_OF.search(text, start, amount.start):
        # 'postings have grown at an average annual rate of nearly 27%': the clause's verb
        start = max(found[index - 1].end if index else sentence.start, frame.clause_start)
    # the growth word of the figure's own clause: 'finish tasks 26% faster, and the pay rise
    # was 5.5%' gives 'rise' to the pay
    own_start, own_stop = max(start, frame.clause_start), min(stop, frame.clause_end)
    if vocabulary("market_terms", "growth", "words").search(
        text, own_start, own_stop
    ) or multiplies(text, amount):
        return True  # 'postings rose 32%', 'postings more than doubled'
    # A fall counts only when jobs are what falls: 'postings for X fell 6%', 'a 14% drop in
    # ML engineer openings', not 'the battery drops 20% faster when hiring tools run'.
    if not vocabulary("salary_terms", "change", "decline").search(text, start, stop):
        return False
    jobs = vocabulary("market_terms", "demand", "words")
    return bool(
        jobs.search(text, frame.clause_start, amount.start)
        or (_FALL_AFTER.match(text, amount.end) and jobs.search(text, amount.end, frame.clause_end))
    )


# Between two changes of a run, the next one's jobs: 'hiring for MLOps engineers rose 71%, for
# machine learning engineers 58% and for data scientists 34%'.
_PAIRED_FOR = re.compile(
    r"\s*(?:,\s*|\s(?:and|or)\s+|,\s*(?:and|or)\s+)(?:for|among)\s+[^,;:.\d%()]{2,60}?\s+",
    re.IGNORECASE,
)
# A rate stated as what a change runs at: 'grown at an average annual rate of nearly 27%'.
_RATE_OF = re.compile(
    r"\bat\s+an?\s+(?:[\w-]+\s+){0,3}?rate\s+of\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE
)


def _multiplies_levels(text: str, found: list[Amount], index: int) -> bool:
    """A multiple stated with the percentages it multiplies ('doubled from 24.1% to 45.8%'):
    a change of a share, which `shares` reads, not of the number of jobs."""
    amount = found[index]
    if amount.unit != "ratio" or index + 1 >= len(found) or found[index + 1].unit != "percent":
        return False
    following = found[index + 1]
    return following.start - amount.end <= _REACH and bool(
        _level_patterns()[0].search(text, amount.end, following.start)
    )


@cache
def _level_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What states a figure as a level, not a change: 'from' before it ('up from 18%'), or a
    change verb and 'to' ('the figure rises to 44%'), maybe with a hedge between
    (`quantity_words.toml` `hedges`)."""
    hedge = rf"(?:\s+{hedge_words()})?"
    # ('from a peak of 3.4%': the level a change starts at, named)
    previous = re.compile(
        rf"\b(?:(?:up|down|rising|falling)\s+)?from(?:\s+(?:a|an|the)\s+(?:peak|high|low|record)"
        rf"\s+of)?{hedge}\s*$",
        re.IGNORECASE,
    )
    new = re.compile(
        r"\b(?:rose|rises?|risen|rising|grew|grows?|grown|growing|increased|increases?|climbed|"
        r"climbs?|jumped|jumps?|fell|falls?|fallen|falling|dropped|drops?|declined|declines?|"
        # ('rising steadily to': an adverb may stand between)
        rf"decreased|decreases?|slipped|slips?)(?:\s+\w+ly)?\s+to{hedge}\s*$",
        re.IGNORECASE,
    )
    return previous, new


def _qualifiers(text: str, sentence: Sentence, amount: Amount) -> dict[str, Any]:
    qualifiers: dict[str, Any] = {}
    spans = periods(text, sentence.start, sentence.end)
    after = [p for p in spans if p[0] >= amount.end] or spans
    if after:
        _, _, year_start, year_end = after[0]
        qualifiers["period_start"] = year_start
        if year_end is not None:
            qualifiers["period_end"] = year_end
    duration = _DURATION.search(text, amount.end, sentence.end)
    if duration:
        years = cardinal_value(duration.group(1))
        if years:
            qualifiers["years"] = years
    if vocabulary("market_terms", "growth", "annual").search(text, amount.end, sentence.end):
        qualifiers["annualized"] = True
    return qualifiers


def _one_city(clause: str) -> str | None:
    """The city a clause names, unless it names it in a list of places ('across Auckland and
    Wellington': the figure is of both) or only as where it is not, or as a press release's
    dateline ('DUBLIN, 18 November 2025 --'; see `own_city`).

    >>> _one_city("Openings in Toronto grew 18%"), _one_city("grew 27% in Auckland and Wellington")
    ('Toronto', None)
    >>> _one_city("DUBLIN, 18 November 2025 -- Postings in Ireland rose 19%")
    """
    city = own_city(clause)
    if city is None:
        return None
    name = re.escape(city)
    listed = rf"{name}{_LIST_JOIN}[A-Z]|[A-Z]\w+{_LIST_JOIN}{name}"
    return None if re.search(listed, clause) else city


_LIST_JOIN = r"\s*(?:,|and|or|&|/)\s*"

"""Claims from cards (see `document.cards`): the label line gives the figure its meaning.

Each figure of a card's lines is read in the card's frame: the label ('Entry Level', 'Market Size
2025', 'Data Scientist'), the card's other lines ('per year, gross', 'Billion') and the section
heading above. The kind comes from that frame:

- market figures -> what `market.card_reading` makes of them: money with a market or size
  word in the label is a 'market_size' (a scale word alone on the next line counts: 'USD
  48.62' / 'Billion'), 'CAGR 2025-2032' / '14.5%' a 'growth_rate', 'North America share' /
  '38.2%' a 'share' of the page's market;
- other money below a billion -> 'salary' (role from the label, else the heading or page;
  level from the label, or the line's own label ('Junior: CHF 95'000'), else the heading
  above; statistic and pay period from the card's own lines; a label that is a place, known
  or under a lead such as 'Pay by city', goes in `city`, `country` or `region`);
- a count with a jobs word beside it ('23,757 job openings', or a bare '18,900' over the
  caption 'open data engineer vacancies') -> a 'count' of open jobs;
- a percentage whose label states a change ('27%' / 'rise in data engineer job ads') ->
  'job_demand' when it names jobs, the role's pay 'growth_rate' when it names pay; a decline
  is negative;
- other percentages -> 'share' of the labelled category.

A caption written under its figure is the card's label, read like a sentence; a caption that
goes on as its bare figure's sentence ('64%' / 'of hiring managers say ...') is read as that
sentence by `shares` and `counts`.

The quote is the whole card; the label goes in `context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from mlefacts.document.model import Block, Card, Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    SET_AGAINST_YEAR,
    Amount,
    Sentence,
    amounts,
    find_city,
    find_experience_level,
    find_roles,
    first_role,
    heading_city,
    is_place,
    phrase_pattern,
    single_country,
    vocabulary,
    written_sign,
)
from mlefacts.extract.counts import card_count, field_jobs, names_openings
from mlefacts.extract.counts import read_sentence as read_counts
from mlefacts.extract.coverage import page_activity, reason_cues
from mlefacts.extract.demand import (
    MAX_OPENINGS_RATIO,
    OPENINGS_RATIO,
    OPENINGS_RATIO_MEASURE,
    names_openings_ratio,
    states_change,
)
from mlefacts.extract.label_scale import label_factor
from mlefacts.extract.market import card_reading
from mlefacts.extract.ranked_lists import numbered_label
from mlefacts.extract.salary import (
    EARNED_TO_DATE,
    bare_statistic,
    declines,
    pay_component,
    pay_country,
    too_small_for,
)
from mlefacts.extract.sections import document_role
from mlefacts.extract.shares import read_sentence as read_shares
from mlefacts.extract.subjects import main_market, market_phrase
from mlefacts.extract.table_frame import label_level, percentile, place_qualifier
from mlefacts.extract.titles import heading_title, title_of
from mlefacts.normalize.money import currency_marker
from mlefacts.normalize.numbers import scale_factor
from mlefacts.normalize.quantities import find_years
from mlefacts.toml_files import load_data

NAME = "cards"
VERSION = "1"

_MAX_PAY = 1e9
_JOB_MARKET = "job market"
# A card line that carries its own label before the figure: 'Junior: CHF 95'000 - 115'000'.
# A figure line's own label, after any arrow or bullet: 'Junior: ', '→ Mid (3–5 yrs): '.
_LINE_LABEL = re.compile(r"^[\s→⇒➜▸►•·*-]*(?P<label>[^\W\d][^:\d]{0,40}(?:\([^:()]{1,20}\))?):\s")


def extract(doc: Document) -> list[Claim]:
    """Claims from every card of the document."""
    if not doc.cards:
        return []
    role = document_role(doc)
    captioned = [card for card in doc.cards if _runs_on(doc, card)]
    read = _caption_claims(doc, captioned) if captioned else {}
    claims: list[Claim] = []
    before = ""
    for card in doc.cards:
        claims.extend(read.get(card.start) or _card_claims(doc, card, role, before))
        before = doc.text[card.start : card.end]
    return claims


def _runs_on(doc: Document, card: Card) -> bool:
    """A bare figure line whose caption under it goes on as its sentence: '64%' / 'of hiring
    managers say ...', '4,800' / 'engineers answered the survey'."""
    caption = doc.span_text(card.label).strip("*_ ")
    return (
        bool(card.lines)
        and card.label.start >= card.lines[-1].end
        and caption[:1].islower()
        and not any(c.isalpha() for line in card.lines for c in doc.span_text(line))
    )


def _caption_claims(doc: Document, cards: list[Card]) -> dict[int, list[Claim]]:
    """Each captioned card read as the one sentence it is, as `shares` and `counts` read
    prose ('64% of hiring managers' is a share of hiring managers, '4,800 engineers' a count
    of engineers), by card start. The line break between figure and caption becomes a space
    in a copy of the text of equal length, so every offset and quote stays the document's."""
    text = doc.text
    for card in cards:
        own = text[card.start : card.end].replace("\n", " ")
        text = text[: card.start] + own + text[card.end :]
    joined = replace(doc, text=text)
    read: dict[int, list[Claim]] = {}
    for card in cards:
        block = Block("paragraph", card.start, card.end, section=card.section)
        sentence = Sentence(card.start, card.end, card.section or 0, block)
        caption = doc.span_text(card.label).strip("*_ ")
        shares = [c for c in read_shares(joined, sentence) if isinstance(c, Claim)]
        counts = [  # 'data engineer vacancies in London': the caption's city
            replace(c, qualifiers={**_places_named(caption), **c.qualifiers})
            for c in read_counts(joined, sentence)
        ]
        read[card.start] = [
            replace(claim, extractor=NAME, context=caption) for claim in [*shares, *counts]
        ]
    return read


def _card_claims(doc: Document, card: Card, page_role: str | None, before: str) -> list[Claim]:
    """Claims of one card; `before` is the text of the card before it in the document, whose
    figure a change card ('YoY change' / '−1.5%') may be the change of."""
    text = doc.text
    context = " ".join(doc.span_text(card.label).split())
    label = context.strip("*_ :")  # '**Pune**', 'London:': emphasis and colon are no label
    label = numbered_label(label) or label  # '1. Data Scientist': a ranked card's item
    heading = (
        doc.span_text(doc.blocks[card.section])
        if card.section is not None and 0 <= card.section < len(doc.blocks)
        else ""
    )
    lines = [text[s.start : s.end] for s in card.lines]
    frame = _Frame(
        label=label,
        lead=_lead(doc, card),
        tags=[
            line
            for line, span in zip(lines, card.lines, strict=True)
            if not amounts(text, span.start, span.end)
        ],
        lines=lines,
        heading=heading,
        level_heading="" if _is_page_heading(doc, card.section) else heading,
        before=before,
    )
    claims: list[Claim] = []
    for index, span in enumerate(card.lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        found = amounts(text, span.start, span.end)
        if any(EARNED_TO_DATE.match(text, a.end, span.end) for a in found):
            continue  # a marketplace profile's record: 'Job Success 99% · $210K+ earned'
        for read in found:
            amount = _scaled_by_next_line(read, following)
            kind, attribute, subject, qualifiers = _reading(
                amount, frame, lines[index], doc, page_role
            )
            if kind is None or subject is None:
                continue
            if attribute.endswith("_growth") and (
                declines(label) or written_sign(text, amount) == -1  # '▼ 3.2% vs Q2'
            ):
                amount = replace(amount, value=-amount.value)
            claims.append(
                Claim.from_amount(
                    amount,
                    kind=kind,
                    subject=subject,
                    attribute=attribute,
                    char_start=card.start,
                    char_end=card.end,
                    extractor=NAME,
                    unit="ratio" if attribute == OPENINGS_RATIO else amount.unit or "count",
                    year=_year(label),
                    qualifiers=qualifiers,
                    context=context,
                )
            )
    return claims


# A count's earlier level in brackets after it: '(down from 3,310 in November)'.
_EARLIER_COUNT = re.compile(r"\((?:down|up)\s+from\s[^()]*\)", re.IGNORECASE)


def _whole(amount: Amount) -> bool:
    """A figure that can count jobs: a whole number of at least 2 ('Job Score: 4.7' is none)."""
    return amount.value >= 2 and amount.value == int(amount.value)


def _scaled_by_next_line(amount: Amount, following: str) -> Amount:
    """Money whose scale stands on the next line, alone or as the unit it opens: 'USD 48.62' /
    'Billion', '₹16.2' / 'LPA' (lakh per annum)."""
    if amount.scale is not None or not amount.is_money:
        return amount
    words = following.split()
    # the scale opens the line ('LPA', 'LPA (median)'), not one said of something else in it
    # ('per hour across thousands of gigs')
    factor = scale_factor(following.strip()) or (label_factor(words[0]) if words else None)
    return amount.times(factor) if factor else amount


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a card gives its figures: its label, the heading or paragraph that leads its grid
    ('Pay by city'), its tag lines (the lines without a figure:
    'Senior level', 'per year, gross'), all its lines, the heading above, that heading
    again when it may give a level (a section's, not the page's own title), and the card
    before it."""

    label: str
    lead: str
    tags: list[str]
    lines: list[str]
    heading: str
    level_heading: str
    before: str


def _is_page_heading(doc: Document, section: int | None) -> bool:
    """Whether the heading above a card is the page's own title ('Senior Machine Learning Jobs
    in Texas', a top-level heading): it names the page's filter, not one card's level."""
    if section is None or not 0 <= section < len(doc.blocks):
        return True
    block = doc.blocks[section]
    return block.kind == "heading" and block.level <= 1


def _level(frame: _Frame, own: str) -> str | None:
    """A card's experience level, from its own words only: the figure line's own label
    ('Junior: CHF 95'000'), the card's label ('Entry Level'), its tag lines ('Senior level'),
    else a section heading above ('Senior roles'); never a neighbouring card's."""
    row = _LINE_LABEL.match(own)
    labels = [row["label"].strip()] if row else [frame.label, *frame.tags]
    for label in labels:
        level = label_level(label)  # 'Entry Level', 'Senior', '5-9 years', 'Graduate / Junior'
        if level:
            return level
    heading = frame.level_heading
    return (label_level(heading) or find_experience_level(heading)) if heading else None


def _levelled_head(label: str, page_role: str | None) -> bool:
    """Whether a card's label is a level and the head noun of the page's role only ('Senior
    engineer', 'Staff engineers' on an ML engineer's page): the page's role at that level."""
    words = label.strip(" \t*_:.").lower().split()
    head = page_role.split()[-1] if page_role else None
    return len(words) == 2 and head is not None and words[1].rstrip("s") == head


def _reading(
    amount: Amount,
    frame: _Frame,
    own: str,
    doc: Document,
    page_role: str | None,
) -> tuple[Any, str, str | None, dict[str, Any]]:
    """(kind, attribute, subject, qualifiers) of one figure in its card, kind None to skip."""
    label, lines, heading = frame.label, frame.lines, frame.heading
    value = amount.value
    market_figure = card_reading(doc, label, heading, amount, value, line=own)
    if market_figure is not None:
        return market_figure
    if amount.is_money and value < _MAX_PAY:
        if reason_cues("price_of_product").search(f"{label} {heading}") or (
            not first_role(label) and reason_cues("price_of_product").search(own)
        ):
            # 'Choose License Type' / 'Single User' / 'USD 3,950'; a course's card, 'Graduate
            # Certificate in Applied ML' / '4 units · online · $3,960 per unit · FEE-HELP'
            return None, "", None, {}
        qualifiers: dict[str, Any] = {}
        row = _LINE_LABEL.match(own)
        if row:  # 'Junior: CHF 95'000 - 115'000': the line's own label names its level
            label = row["label"].strip()
        level = _level(frame, own)
        # a lead-in stating no sum of its own frames the grid ('Median monthly salary ... in
        # each city:' over 'Guadalajara' / 'MXN 64,000')
        lead = (
            "" if any(a.is_money for a in amounts(frame.lead, 0, len(frame.lead))) else frame.lead
        )
        statistic = (
            "range"
            if amount.value_high is not None
            else percentile(label)  # 'Bottom 10% earn below' / '₹5,40,000'
            or bare_statistic(" ".join([label, *lines]))
            or bare_statistic(heading)
            or bare_statistic(lead)
        )
        period = (
            amount.pay_period
            or _pay_period(" ".join(lines))
            or _pay_period(label)  # 'Average annual salary' / '$145,000 – $175,000'
            or _pay_period(lead)
        )
        if too_small_for(period, value):
            return None, "", None, {}  # '₹16.2' / 'per year': a scale the card left unsaid
        # 'Base' / '$168,000', 'Equity' / '$62,000/yr': the part of a package its label names
        component = pay_component(label) or ("total" if label.lower() == "total" else None)
        for key, found in (
            ("experience_level", level),
            ("statistic", statistic),
            ("pay_period", period),
            ("component", component),
        ):
            if found:
                qualifiers[key] = found
        place = (
            (place_qualifier(label, frame.lead) or place_qualifier(frame.label, frame.lead))
            if not first_role(label)
            else {}
        )
        if place:  # '🇬🇧 London' over '→ Junior (0–2 yrs): £55k–£70k': its place and level
            qualifiers.update(place)
        elif level is None and component is None and not first_role(label):
            qualifiers["category"] = label
        if "city" not in qualifiers:  # a posting card's tag line 'Lumen Robotics · Austin, TX'
            city = next(filter(None, map(find_city, frame.tags)), None)
            if city:
                qualifiers["city"] = city
        if "city" not in qualifiers and (
            place := heading_city(heading, " ".join((label, *frame.tags, own)))
        ):
            qualifiers["city"] = place  # 'How much does an ML engineer make in Seattle?'
        marker = currency_marker(amount.raw)
        if not {"country", "region"} & qualifiers.keys():
            title = doc.title or ""
            own = (label, *frame.tags, own)
            framing = (frame.lead, heading, title)
            city = qualifiers.get("city")
            country = pay_country(amount, own, framing, title, marker, city=city)
            if country:
                qualifiers["country"] = country
        if marker:
            qualifiers["currency_symbol"] = marker
        title = None if level and _levelled_head(label, page_role) else title_of(label)
        subject = (
            first_role(label)
            or title
            # the card's own label when its line's label names none ('2. Tax Manager' over
            # 'Median Base Salary: $108,000')
            or (first_role(frame.label) or title_of(frame.label) if label != frame.label else None)
            or first_role(heading)
            or heading_title(heading)  # '## Data Centre Technician' over its card of facts
            or page_role
        )
        return "salary", "salary", subject, qualifiers
    tags = " ".join(frame.tags)
    if (
        amount.unit == "percent"
        and _changes(label)
        and (_names_pay(label) or _names_pay(tags) or _change_of_pay(label, frame.before))
    ):
        # '6%' / 'increase in median data engineer pay': a change in pay, before
        # any change in hiring ('Average advertised salary per vacancy, year over year'); so is
        # 'Change since Dec 2024' / '+7.2%' / 'median total comp' (the pay in its unit line),
        # and 'YoY change' / '−1.5%' right after the card 'Median CTC' / '₹16 LPA'.
        subject = first_role(label, heading) or page_role
        return "growth_rate", "salary_growth", subject, {"measure": "salary"}
    if amount.unit == "percent" and _pay_line_change(frame, own):
        # '#1' / 'San Jose, CA' / '$214,000' / '▲ 5.1% vs 2024': the change of the card's pay
        qualifiers = place_qualifier(label, frame.lead) if not first_role(label) else {}
        subject = first_role(label, heading) or page_role
        return "growth_rate", "salary_growth", subject, {"measure": "salary", **qualifiers}
    if amount.unit == "percent" and (
        (
            _changes(label)
            and (_demand_words().search(label) or _change_of_jobs(label, frame.before))
        )
        or (states_change(tags) and _demand_words().search(tags))
        # 'Open ML engineer roles' / '14,820' / '▲ 9.4% vs Q2': the count's change
        or (states_change(own) and _demand_words().search(label))
    ):
        # '27%' / 'rise in data engineer job ads in 2024': a change in hiring, read from the
        # caption as from a sentence ('Data Engineer' / '+14%' / 'job postings vs. last
        # year' from the card's unit line); a decline is negative.
        # 'AI and ML postings, year over year': the jobs of a field, not the page's role
        subject = first_role(label, heading) or field_jobs(label) or page_role or _JOB_MARKET
        return "job_demand", "demand_growth", subject, {}
    if amount.unit is None and 0 < value < MAX_OPENINGS_RATIO and names_openings_ratio(label):
        # 'Openings-to-applicants ratio for ML engineers' / 'September 2025 ...... 3.9'
        subject = first_role(label, heading) or page_role or _JOB_MARKET
        return (
            "job_demand",
            OPENINGS_RATIO,
            subject,
            {"measure": OPENINGS_RATIO_MEASURE},
        )
    if amount.unit is None and page_activity(doc.text, amount.start, amount.end):
        return None, "", None, {}  # a forum byline's '233 posts', a posting's '57 applicants'
    figures = sum(any(map(str.isdigit, line)) for line in lines)
    counted_other = card_count(label, own, amount, figures=figures)
    if counted_other is not None:  # 'Survey respondents' / '3,150'
        return counted_other
    # '38.9k' / 'AI engineer job ads': the caption counts; '2,960 (down from 3,310 in November)'
    # under 'Job ads live right now': the count, and the count it was before
    bare = _EARLIER_COUNT.sub("", own.replace(amount.raw, ""))
    counted = own if _demand_words().search(own) else label if _caption(bare, label) else None
    if amount.unit is None and counted is not None and _whole(amount):
        # '23,757 job openings' on a role's card counts open jobs (job demand); it is not a
        # change in demand. A caption under the figure names what it counts the same way
        # ('18,900' / 'open data engineer vacancies').
        role = title_of(label) or first_role(label, heading) or field_jobs(counted)
        kind = "job_demand" if names_openings(counted) else "count"
        qualifiers = {"measure": "job openings", **_places_named(label)}
        return kind, "job_openings", role or page_role or _JOB_MARKET, qualifiers
    people = _people_counted(bare, label) if amount.unit is None else None
    if people is not None:
        # '287,000' / 'people hold the machine learning engineer title': a count of the role
        return "count", "count", people, _places_named(label)
    if amount.unit == "percent" and 0 <= value <= 100:
        # 'North America' / '37.5%' on a market's page is a share of that market, a region or
        # segment of it; 'Remote roles' / '38%' on a role's page a share of that role's jobs.
        # 'Largest Region' / 'North America (38.6%)': the figure line names its own part
        part = own[: max(own.find(amount.raw), 0)].strip(" \t(:–—-")
        if part and is_place(part):
            label = part
        market = main_market(doc) if _market_share(doc, label, page_role) else None
        subject = first_role(label, heading) or market or page_role or _JOB_MARKET
        qualifiers = {"category": label}
        if is_place(label):
            qualifiers["dimension"] = "region"
        return "share", "share", subject, qualifiers
    return None, "", None, {}


def _pay_line_change(frame: _Frame, own: str) -> bool:
    """Whether a card's line states a change and nothing else ('▲ 5.1% vs 2024', '-1.4% YoY')
    under a line of pay in the same card: the change of that pay. A line naming jobs
    ('▲ 9.4% more postings') is a change in hiring."""
    if not (states_change(own) or SET_AGAINST_YEAR.search(own)) or _demand_words().search(own):
        return False
    others = [line for line in frame.lines if line != own]
    return any(
        a.is_money and a.value < _MAX_PAY for line in others for a in amounts(line, 0, len(line))
    )


def _change_of_pay(label: str, before: str) -> bool:
    """Whether a change card that names no measure ('YoY change') follows a card of pay."""
    if _demand_words().search(label):
        return False
    pay = [a for a in amounts(before, 0, len(before)) if a.is_money and a.value < _MAX_PAY]
    return len(pay) == 1 and (_names_pay(before) or bare_statistic(before) is not None)


def _change_of_jobs(label: str, before: str) -> bool:
    """Whether a change card that names no measure ('YoY change') follows a card counting jobs
    ('Openings' / '2,300')."""
    counts = [a for a in amounts(before, 0, len(before)) if a.unit is None]
    return len(counts) == 1 and not _names_pay(label) and bool(_demand_words().search(before))


def _places_named(caption: str) -> dict[str, str]:
    """{'country': 'Canada'} for 'open ML engineer roles in Canada': the one city or country
    a caption names."""
    city = find_city(caption)
    if city:
        return {"city": city}
    country = single_country(caption)
    return {"country": country} if country else {}


def _people_counted(own: str, caption: str) -> str | None:
    """The role a bare figure's caption counts people of ('287,000' / 'people hold the machine
    learning engineer title', 'ML engineers on LinkedIn'), or None."""
    if any(c.isalpha() for c in own):
        return None
    role = first_role(caption)
    if role and (
        vocabulary("count_terms", "people").search(caption) or _caption_opens_with_role(caption)
    ):
        return role
    return None


def _caption_opens_with_role(caption: str) -> bool:
    """'machine learning engineers in the UK': the caption is the counted people themselves."""
    roles = find_roles(caption)
    return bool(roles) and not caption[: roles[0][0]].strip(" *_")


def _lead(doc: Document, card: Card) -> str:
    """The heading above a card and the paragraph that introduces its grid, if any."""
    parts = [doc.span_text(doc.blocks[card.section])] if card.section is not None else []
    before = [b for b in doc.blocks if b.end <= card.start and b.kind == "paragraph"]
    if before and _introduces(doc, before[-1], card):
        parts.append(doc.span_text(before[-1]))
    return " ".join(parts)


def _introduces(doc: Document, paragraph: Block, card: Card) -> bool:
    """Whether a paragraph before a card introduces its grid: no heading stands between them
    but those under the paragraph's own ('Medians from offers accepted ...' over the cards
    titled '#### Mid-level' and '#### Senior')."""
    own = paragraph.section
    level = doc.blocks[own].level if own is not None and 0 <= own < len(doc.blocks) else 0
    return all(
        block.level > level
        for block in doc.blocks
        if block.kind == "heading" and paragraph.end <= block.start < card.start
    )


def _market_share(doc: Document, label: str, page_role: str | None) -> bool:
    """Whether a share card divides the page's market: a place, any label on a page that
    names no role, or a segment ('Software' / '58.2%') on a page whose title names a market;
    a work arrangement ('Remote roles') is the role's, even on a market page."""
    if is_place(label) or not page_role:
        return True
    if vocabulary("share_terms", "dimensions", "work arrangement").search(label):
        return False
    headings = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"][:1]
    return any(market_phrase(text) for text in (doc.title or "", *headings))


def _demand_words() -> re.Pattern[str]:
    return vocabulary("market_terms", "demand", "words")


def _changes(caption: str) -> bool:
    """Whether a card's label reads as a change: a growth or decline word ('rise in data
    engineer job ads', 'Job postings growth', 'Decline in vacancies', 'Pay increase'), a
    dashboard's 'Change in postings since January', 'YoY', or a comparison with an earlier
    time ('AI and ML postings, year over year')."""
    return bool(states_change(caption) or declines(caption) or _CHANGE_LABEL.search(caption))


_CHANGE_LABEL = re.compile(r"\bchange\b|\byoy\b", re.IGNORECASE)


def _names_pay(caption: str) -> bool:
    words = load_data("salary_terms")["salary_words"]
    return bool(phrase_pattern((*words["strong"], *words["weak"])).search(caption))


def _caption(own: str, label: str) -> bool:
    """Whether a figure line is bare ('18,900') and its card's label names what it counts."""
    return not any(c.isalpha() for c in own) and bool(_demand_words().search(label))


def _pay_period(text: str) -> str | None:
    for period in ("annual", "monthly", "hourly", "daily"):
        if vocabulary("salary_terms", "pay_period", period).search(text):
            return period
    return None


def _year(label: str) -> int | None:
    years = {year for _, _, year in find_years(label, 0, len(label))}
    return years.pop() if len(years) == 1 else None

"""Cards: short stacked lines that state one figure with its label, as stat blocks and salary
cards lay them out.

    Entry Level          Market Size 2025       Data Scientist
    £34,000–£48,000      USD 48.62              23,757 job openings
    per year, gross      Billion                Average $102,069 per year

A paragraph whose every line is short and unpunctuated, with at least one line holding a stated
figure (money, a percentage, a decimal or grouped number), is split into cards: a label line
(no figure) opens a card, the figure lines and the unit lines after it belong to it. A label
written under its figure ('48%' / 'of roles are remote') works too. The card's span is its lines
(one contiguous quote); paragraphs that do not fit the shape stay paragraphs. One-line
paragraphs side by side that are each a label then a bare figure ('Leeds £58,000', a card whose
spans are inline) are cards too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import takewhile

from mlefacts.document.boilerplate import is_boilerplate_text
from mlefacts.document.model import Card, Span
from mlefacts.document.structure import DraftBlock, renumbered
from mlefacts.normalize._data import alternation
from mlefacts.normalize.money import currency_code
from mlefacts.normalize.numbers import GROUP_SPACE
from mlefacts.normalize.quantities import find_quantities, percent_sign
from mlefacts.toml_files import load_data

_MAX_LINE = 60
_MAX_WORDS = 8
_MAX_LINES = 12
# A sentence's end, maybe with its footnote marks after it ('... in 2025.[7]').
_SENTENCE_END = re.compile(r"[.!?;](?:\s?\[\d{1,3}\])*$")
# The label of a one-line card: a few words, no figure and no punctuation that makes it a
# sentence or a 'Label: value' line (those are read as such).
_LABEL = re.compile(r"[^\W\d][^\d:;.!?$€£₹¥%]{0,40}")
_MAX_VALUE_WORDS = 3
# Marks set between a one-line card's label and its figure ('Lyon · €58,500'): not the label.
_LABEL_SEPARATORS = " \t·•|–—-/"


@dataclass(frozen=True, slots=True)
class _Line:
    span: Span
    figure: bool


def split_cards(
    text: str, drafts: list[DraftBlock], *, elements: bool = False
) -> tuple[list[DraftBlock], list[Card]]:
    """The drafts without the paragraphs that are cards, and those cards, in text order.
    `elements`: the drafts are a page's elements (HTML), which the text sets apart by a blank
    line, so a figure's heading and the caption paragraph under it are one blank line apart.

    >>> page = "Entry Level\\n£34,000\\nper year"
    >>> kept, [card] = split_cards(page, [DraftBlock("paragraph", 0, len(page))])
    >>> kept, page[card.label.start:card.label.end], [page[s.start:s.end] for s in card.lines]
    ([], 'Entry Level', ['£34,000', 'per year'])
    """
    kept: list[tuple[int, DraftBlock]] = []
    cards: list[Card] = []
    rows = [_row(text, draft) for draft in drafts]
    labelled = _labelled_figures(text, drafts)
    captioned = _captioned_figure(text, drafts, gap=2 if elements else 1, labelled=set(labelled))
    captioned.update(labelled)
    # the caption under a figure (the figure under a label, and its tag line) is that card's
    inside = {later for index, card in captioned.items() for later in _within(drafts, index, card)}
    for index, draft in enumerate(drafts):
        found = _cards(text, draft) if draft.kind == "paragraph" and draft.parent is None else None
        row = rows[index]
        if row is not None and _in_run(rows, index):
            found = [row]
        if index in captioned:
            found = [captioned[index]]
        elif index in inside:
            continue
        if found and not any(is_boilerplate_text(text[c.start : c.end]) for c in found):
            cards.extend(found)
        else:  # (a related-links line with a sum in its title, '*Related: [Is €70k a good
            # salary in Hamburg?](#) · ...', is chrome, which a block is flagged as)
            kept.append((index, draft))
    return renumbered(kept), cards


def _within(drafts: list[DraftBlock], index: int, card: Card) -> list[int]:
    """The drafts after draft `index` that lie inside `card`, which opens there."""
    return list(takewhile(lambda i: drafts[i].end <= card.end, range(index + 1, len(drafts))))


def _captioned_figure(
    text: str, drafts: list[DraftBlock], *, gap: int, labelled: set[int]
) -> dict[int, Card]:
    """Cards of a figure set alone on its line (a markdown stat block writes it in bold, so it
    reads as a heading; a page's stat tile in a heading element, '<h2>12,400</h2>') with its
    caption on the next line (`gap` line breaks after it: the very next line of a text, the
    next paragraph element of a page): '**38,900**' / 'open machine learning engineer roles in
    Canada (March 2026)'; or a tile's figure paragraph, '<p class="big">61,400</p>', over a
    description that may be a sentence, unless a label above it makes it a labelled card's
    figure (`labelled`: those labels' draft indexes). Keyed by the figure's draft index."""
    found: dict[int, Card] = {}
    for index, (figure, caption) in enumerate(zip(drafts, drafts[1:], strict=False)):
        # a letter first is the value's first too (the strip keeps it), where no bare figure
        # starts: most drafts, prose, go no further
        if (
            caption.kind != "paragraph"
            or caption.parent is not None
            or text[figure.start : figure.start + 1].isalpha()
        ):
            continue
        value = text[figure.start : figure.end].strip("*_ ")
        if not _bare_figure().fullmatch(value):
            continue  # most drafts: no figure alone
        line = text[caption.start : caption.end]
        if (
            "\n" not in text[figure.end : caption.start].strip(" *_#\n")
            and text.count("\n", figure.end, caption.start) == gap
            and (
                (figure.kind == "heading" and _caption_line(line))
                or (
                    figure.kind == "paragraph"
                    and figure.parent is None
                    and index - 1 not in labelled
                    and _marked_figure(value)
                    and _described(line)
                )
            )
        ):
            label = Span(caption.start, caption.end)
            found[index] = Card(
                start=figure.start,
                end=caption.end,
                label=label,
                lines=(Span(figure.start, figure.end),),
            )
    return found


def _labelled_figures(text: str, drafts: list[DraftBlock]) -> dict[int, Card]:
    """Cards of a label set alone on its line, often in bold ('**Junior**', '<p><strong>Senior
    </strong></p>', which a markdown reader takes for a heading), over a figure alone on the
    next ('$82,000 – $101,000', maybe with a unit line under it), two or more such pairs in a
    row, as salary cards and stat blocks are laid out; a card may end in a short tag line of
    its own ('<h3>Perth</h3><p>$152,000</p><p>Mining & energy</p>'). Keyed by the label's draft
    index."""
    pairs: dict[int, Card] = {}
    for index, (label, figure) in enumerate(zip(drafts, drafts[1:], strict=False)):
        if _long_line(text, label.start, label.end, " *_"):
            continue  # too long for a label (`_short`): most drafts are prose
        if index + 2 < len(drafts) and _goes_on(text, drafts[index + 2]):
            continue  # '41,200' / 'openings for ...': the caption under it is its label
        card = _labelled_figure(text, label, figure)
        if card is not None:
            pairs[index] = card
    found = {}
    for index, card in pairs.items():
        if index - 2 in pairs or index + 2 in pairs or _pay_label(text, card):
            # a pair alone is a card when its label names pay ('Average annual salary' over
            # '$145,000 – $175,000', a salary page's headline figure)
            found[index] = card
        elif (index - 3 in pairs or index + 3 in pairs) and index + 2 < len(drafts):
            tag = drafts[index + 2]
            line = text[tag.start : tag.end]
            if tag.kind == "paragraph" and tag.parent is None and _caption_line(line):
                found[index] = replace(
                    card, end=tag.end, lines=(*card.lines, Span(tag.start, tag.end))
                )
    return found


def _pay_label(text: str, card: Card) -> bool:
    """Whether a card's label names pay and its line opens with a sum of money."""
    label = text[card.label.start : card.label.end]
    value = text[card.lines[0].start : card.lines[0].end].strip(" *_")
    return bool(_PAY_LABEL.search(label) and _MONEY.match(value))


# A label that names pay, and a sum of money.
_PAY_LABEL = re.compile(r"\b(?:salary|salaries|pay|wage|wages|compensation|comp|earnings)\b", re.I)
_MONEY = re.compile(r"[$€£₹¥]\s?\d|\b[A-Z]{3}\s?\d|\d\s?[A-Z]{3}\b")


def _goes_on(text: str, caption: DraftBlock) -> bool:
    """Whether a paragraph goes on from the figure above it as its caption, in lower case
    ('openings for machine learning engineers across the US'), not a card's tag line."""
    return caption.kind == "paragraph" and text[caption.start : caption.start + 1].islower()


def _labelled_figure(text: str, label: DraftBlock, figure: DraftBlock) -> Card | None:
    # what the drafts and the gap between them tell first: most pairs are items of a list
    # ('  • ' between them) or a paragraph over a nested one
    if (
        label.parent is not None
        or figure.parent is not None
        or figure.kind != "paragraph"
        or text[label.end : figure.start].strip(" *_\n")
    ):
        return None
    line = text[label.start : label.end]
    name = line.strip("*_ ")
    emphasised = line.startswith(("**", "__")) and line.endswith(("**", "__"))
    # a short line of plain text that the reader took for a heading (no '#' marks it)
    guessed = (
        label.kind == "heading"
        and not text[text.rfind("\n", 0, label.start) + 1 : label.start].strip()
    )
    if (
        not (label.kind == "paragraph" or emphasised or guessed)
        or "\n" in line
        or not name[:1].isalpha()
        or not _short(name)
        or _figure().search(name)
    ):
        return None
    lines = _lines(text, figure) if "\n" in text[figure.start : figure.end] else None
    spans = [line.span for line in lines] if lines else [Span(figure.start, figure.end)]
    first = text[spans[0].start : spans[0].end]
    if not (
        _short(first)
        and (found := _figure().search(first))
        and _bare_value(first[found.start() :])
        and _no_label(first[: found.start()].strip())
        and all(_trails(text[span.start : span.end]) for span in spans[1:])
    ):
        return None
    start = label.start + line.index(name)
    return Card(
        start=label.start,
        end=spans[-1].end,
        label=Span(start, start + len(name)),
        lines=tuple(spans),
    )


# A space between digits and a group of three more: thousands grouped by a space.
_SPACE_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _no_label(before: str) -> bool:
    """Whether the words before a figure on its line are no label of their own: nothing, or a
    currency marker ('R28 000 – R38 000', 'RM 5,200')."""
    return not before or not _LABEL.match(before) or currency_code(before) is not None


@cache
def _figure() -> re.Pattern[str]:
    """A figure worth a card: money (a symbol or an ISO code next to digits), a percentage
    ('38%', '38 percent'), a grouped or decimal number, or a number of three or more digits
    that is not a year."""
    return re.compile(
        rf"[$€£₹¥]\s?\d|\d\s?{percent_sign()}|\b[A-Z]{{3}}\s?\d|\d\s?[A-Z]{{3}}\b|\d[,.]\d"
        # thousands grouped by a space, as South African or French pages write them: 'R28 000'
        r"|\d{1,3}[ \u00a0\u202f]\d{3}(?!\d)"
        r"|(?<![\d])(?!(?:19|20)\d\d\b)\d{3,}"
    )


@cache
def _bare_figure() -> re.Pattern[str]:
    """A figure alone on its line: '38,900', '$1.2M', '64%', '+27 percent', '2.3x'."""
    return re.compile(
        r"[~≈<>+−-]?\s?[$€£₹¥]?\s?\d[\d,.' \u00a0\u2009\u202f]*\s?"
        rf"(?:{percent_sign()}|[kKmMbB]n?|x|\+)?\+?"
    )


_MAX_CAPTION = 120
_MAX_DESCRIPTION = 200
# What makes a figure alone in a paragraph a stat tile's, not a year or a list's number: a
# currency, a percentage, a sign, a scale or a thousands separator ('438,000', '+34%', '−9%').
_FIGURE_MARK = re.compile(r"[$€£₹¥%+−,kKmMbBx]")


def _marked_figure(value: str) -> bool:
    return bool(_FIGURE_MARK.search(value))


def _described(line: str) -> bool:
    """A stat tile's description under its figure: one line that may be a sentence reading on
    from it ('ML engineers were employed worldwide in 2025, according to ...', 'active US job
    postings in December 2025 (HireSignal).'), with no figure of its own."""
    stripped = line.strip()
    return (
        "\n" not in stripped
        and len(stripped) <= _MAX_DESCRIPTION
        and not _SENTENCE_END.search(stripped[:-1])
        and not _figure().search(line)
    )


def _caption_line(line: str) -> bool:
    """A caption under a figure: one line, a few words, not a sentence of its own."""
    return (
        "\n" not in line.strip()
        and len(line) <= _MAX_CAPTION
        and not _SENTENCE_END.search(line.strip())
        and not _figure().search(line)
    )


def _row(text: str, draft: DraftBlock) -> Card | None:
    """A one-line paragraph that is a label then its figure ('Leeds £58,000', a card whose
    label and value are inline), as a card; None for any other paragraph."""
    if (
        draft.kind != "paragraph"
        or draft.parent is not None
        or _long_line(text, draft.start, draft.end)
    ):
        return None
    line = text[draft.start : draft.end]
    stripped = line.strip()
    if "\n" in stripped or not _short(stripped):  # cheap tests first: most paragraphs are prose
        return None
    figure = _figure().search(line)
    if figure is None:
        return None
    label = line[: _figure_start(line, figure.start())]
    value = line[len(label) :].strip()
    change = _CHANGE_NOTE.search(value)  # 'Live vacancies 2,340 +11% on Q2': the count's change
    own = value[: change.start()] if change else value
    if not _LABEL.fullmatch(label.strip()) or not _bare_value(own):
        return None
    label_start = draft.start + len(label) - len(label.lstrip())
    label_end = draft.start + len(label.rstrip(_LABEL_SEPARATORS))
    value_start = draft.start + len(label)
    lines = [Span(value_start, value_start + len(own))]
    if change:
        lines.append(Span(value_start + change.start() + 1, value_start + len(value)))
    return Card(
        start=label_start,
        end=value_start + len(value),
        label=Span(label_start, label_end),
        lines=tuple(lines),
    )


# A change set after a row card's figure ('2,340 +11% on Q2', '£78,500 ▲ 3.2% YoY'): a signed
# percentage and up to three words of what it is against.
_CHANGE_NOTE = re.compile(r"\s(?:[+−▲▼]|-(?=\d))\s?\d[\d.,]*\s?%(?:\s+[\w.]+){0,3}$")


def _figure_start(line: str, at: int) -> int:
    """Where the figure found at `at` starts with its currency marker, which may touch the label
    when the page's HTML ran them together ('CanadaC$130,000': the label is 'Canada'), or with
    its written sign ('YoY change −1.5%': the label is 'YoY change')."""
    for q in find_quantities(line, 0, min(len(line), at + 4)):
        digit = next((i for i in range(q.start, q.end) if line[i].isdigit()), q.end)
        if q.start < digit and q.start <= at < q.end:  # 'C$' of 'CanadaC$130,000'
            return q.start
    if at and line[at - 1] in _SIGNS and (at == 1 or not line[at - 2].isalnum()):
        return at - 1
    return at


_SIGNS = "+-−▲▼"


def _bare_value(value: str) -> bool:
    """Whether a row's value is a figure with at most a unit ('$128,000', '£58k per year',
    'USD 150,000'), not a phrase with a number in it ('$10 parking')."""
    value = GROUP_SPACE.sub("", value)  # '€46\u202f000' is one word
    value = _SPACE_GROUPED.sub("", value)  # so is 'R28 000'
    # a sign or dash standing alone is part of the figure ('€ 46,000 – € 58,000')
    tokens = [word for word in value.split() if any(c.isalnum() for c in word)]
    words = [
        word
        for word in tokens
        if any(c.isalpha() for c in word)
        and not any(c.isdigit() for c in word)
        and not re.fullmatch(r"[A-Z]{3}", word)
        and currency_code(word) is None  # 'R$ 15.200', 'Rs. 12,00,000'
    ]
    return len(tokens) <= _MAX_VALUE_WORDS and (not words or _trails(" ".join(words)))


def _in_run(rows: list[Card | None], index: int) -> bool:
    """Label/value rows are cards only side by side, as a block of cards is laid out: a lone
    'Label £58,000' line is left to the prose readers."""
    return any(
        0 <= other < len(rows) and rows[other] is not None for other in (index - 1, index + 1)
    )


def card_shaped(lines: list[str]) -> bool:
    """Whether short text lines (an HTML container's blocks) read as one or more cards.

    >>> card_shaped(["Market Size 2025", "USD 48.62", "Billion"])
    True
    >>> card_shaped(["Home", "About us"]), card_shaped(["Pay rose 5% last year.", "Why"])
    (False, False)
    >>> card_shaped(["Skills named in these listings", "Python 83% · SQL 52%"])
    False
    """
    if not _fit(lines) or any(_CHART_RUN.search(line) for line in lines):
        return False
    return _groups([_holds_figure(line, 0, len(line)) for line in lines]) is not None


# A line of names with their percentages set apart by marks, as a chart copied as text
# ('Python 83% · SQL 52% · Docker 41%'): a breakdown under its heading, no card's one figure.
_CHART_RUN = re.compile(r"\d\s?%\s*[/·|•]\s*[^\W\d]")


def titled_grid(lines: list[str]) -> bool:
    """Whether a container's first line titles the cards under it rather than labelling the
    first of them: the lines after it are two or more labelled cards by themselves ('Mid-level
    (L4 / E4)' over 'Base' / '$168,000' / 'Bonus' / '$19,000'), so the title is each one's.

    >>> titled_grid(["Senior", "Base", "$204,000", "Bonus", "$31,000"])
    True
    >>> titled_grid(["Entry Level", "£34,000", "per year"]), titled_grid(["A", "B", "$1", "$2"])
    (False, False)
    """
    rest = lines[1:]
    figures = [_holds_figure(line, 0, len(line)) for line in rest]
    if not rest or figures[0] or _holds_figure(lines[0], 0, len(lines[0])):
        return False
    groups = _groups(figures, [_trails(line) for line in rest])
    return groups is not None and len(groups) >= 2


def _fit(lines: list[str]) -> bool:
    """Every line is short, or is the caption under a figure standing alone on its line
    ('21,300' / 'open data engineer positions in the UK (October 2025)')."""
    return all(
        _short(line)
        or index > 0
        and _bare_figure().fullmatch(lines[index - 1].strip("*_ "))
        and _caption_line(line)
        for index, line in enumerate(lines)
    )


def _short(line: str) -> bool:
    """At most `_MAX_LINE` characters and `_MAX_WORDS` words (a dash or a dot between them is
    none), no sentence's end."""
    if len(line) > _MAX_LINE or _SENTENCE_END.search(line):
        return False
    tokens = line.split()
    # no more tokens than the most words: no word to tell from a mark (most lines)
    return len(tokens) <= _MAX_WORDS or (
        sum(1 for word in tokens if any(c.isalnum() for c in word)) <= _MAX_WORDS
    )


def _long_line(text: str, start: int, end: int, chars: str | None = None) -> bool:
    """Whether `text[start:end].strip(chars)` is longer than `_MAX_LINE` (no line `_short`
    takes), known without copying it: when neither end is a character the strip takes, it takes
    nothing. Most of a page's paragraphs are prose, far too long for a card's line."""
    if end - start <= _MAX_LINE:
        return False
    first, last = text[start], text[end - 1]
    if chars is None:  # str.strip() takes whitespace
        return not first.isspace() and not last.isspace()
    return first not in chars and last not in chars


def _lines(text: str, draft: DraftBlock) -> list[_Line] | None:
    if text.find("\n", draft.start, draft.end) < 0:
        return None  # one line (most paragraphs): no two lines to stack
    spans: list[Span] = []
    position = draft.start
    for raw in text[draft.start : draft.end].split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Span(start, end))
    # The shape first, figures last: most paragraphs are one long line of prose.
    if not 2 <= len(spans) <= _MAX_LINES or not _fit([text[s.start : s.end] for s in spans]):
        return None
    return [_Line(span, _holds_figure(text, span.start, span.end)) for span in spans]


def _holds_figure(text: str, start: int, end: int) -> bool:
    """Whether a line states a figure: a label that names a group of earners by a percentage
    ('Bottom 10% earn below', 'Top 1%') states none, its card's figure is on the next line."""
    found = _figure().search(text, start, end)
    return found is not None and not (
        _PERCENT_GROUP.match(text, start, end) and not _figure().search(text, found.end(), end)
    )


# A percentile group named as a label: 'Bottom 10% earn below', 'Top 25%'.
_PERCENT_GROUP = re.compile(r"\W*(?:top|bottom|lowest|highest|upper|lower)\s+\d{1,2}\s?%", re.I)


def _cards(text: str, draft: DraftBlock) -> list[Card] | None:
    lines = _lines(text, draft)
    if lines is None:
        return None
    texts = [text[line.span.start : line.span.end] for line in lines]
    figures = [line.figure for line in lines]
    repeated = _repeated_units(texts, figures)
    groups = _groups(figures, [_trails(t) or r for t, r in zip(texts, repeated, strict=True)])
    if groups is None:
        return None
    return [_card(*_badged(texts, lines, group)) for group in groups]


# A rank badge set on a line of its own above a card's name ('#1' / 'Bengaluru' / '₹17.2 LPA'),
# a tie's too ('T-7', '=7', '7=').
_RANK_BADGE = re.compile(r"(?:#|No\.\s?|T[-–]?|=)\d{1,3}|\d{1,3}(?:st|nd|rd|th|=)", re.IGNORECASE)


def _badged(texts: list[str], lines: list[_Line], group: list[int]) -> tuple[_Line, list[_Line]]:
    """A card's label line and its other lines; a rank badge's label takes the name line under
    it ('#1' over 'Bengaluru' labels the card '#1\\nBengaluru', as '#1 Bengaluru' would)."""
    first, rest = lines[group[0]], [lines[i] for i in group[1:]]
    if _RANK_BADGE.fullmatch(texts[group[0]].strip()) and rest and not rest[0].figure:
        joined = Span(first.span.start, rest[0].span.end)
        return _Line(joined, figure=False), rest[1:]
    return first, rest


def _repeated_units(texts: list[str], figures: list[bool]) -> list[bool]:
    """The unit lines a grid of cards repeats under each figure ('Machine Learning Engineer' /
    '+23%' / 'job ads vs. last year', then 'Data Analyst' / '-9%' / 'job ads vs. last year'):
    a line that follows a figure, and follows another figure again, is its card's unit line.

    >>> figures = [False, True, False, False, True, False]
    >>> _repeated_units(["A", "+2%", "ads", "B", "-9%", "ads"], figures)
    [False, False, True, False, False, True]
    """
    after = [i > 0 and figures[i - 1] and not figures[i] for i in range(len(texts))]
    seen = Counter(" ".join(t.lower().split()) for t, a in zip(texts, after, strict=True) if a)
    return [a and seen[" ".join(t.lower().split())] > 1 for t, a in zip(texts, after, strict=True)]


def _groups(figures: list[bool], trails: list[bool] | None = None) -> list[list[int]] | None:
    """Line indexes per card, label first: a label line (no figure) opens a card when the card
    before it has its figure and a figure line follows, possibly after more label lines (a job
    card's title over its company line); unit and note lines ('per year', 'Billion', 'Source:
    ...') right after a figure stay with its card. Other lines join the open card. When the
    first line is a figure, lines pair as figure / label. None when the lines are no cards.

    >>> _groups([False, True, False, False, True], [False, False, False, False, False])
    [[0, 1], [2, 3, 4]]
    >>> _groups([False, True, True, False, False, True], [False, False, False, True, False, False])
    [[0, 1, 2, 3], [4, 5]]
    """
    if not any(figures) or all(figures) or len(figures) < 2:
        return None
    if figures[0]:
        pairs = len(figures) % 2 == 0 and all(f != (i % 2 == 1) for i, f in enumerate(figures))
        return [[i + 1, i] for i in range(0, len(figures), 2)] if pairs else None
    trails = trails or [False] * len(figures)
    groups: list[list[int]] = []
    for index, figure in enumerate(figures):
        opens = not figure and (
            not groups
            or (
                any(figures[i] for i in groups[-1])
                and not _in_label_run(figures, groups[-1], index)
                and _figure_after_labels(figures, index)
                and (not trails[index] or index + 1 < len(figures) and figures[index + 1])
            )
        )
        if opens:
            groups.append([index])
        else:
            groups[-1].append(index)
    return groups if all(any(figures[i] for i in group) for group in groups) else None


def _in_label_run(figures: list[bool], group: list[int], index: int) -> bool:
    """Whether the line before `index` already opened the card: its label run goes on."""
    return group[0] == index - 1 and not figures[index - 1] and len(group) == 1


def _figure_after_labels(figures: list[bool], index: int) -> bool:
    """A figure line follows after at most two more label lines (title, company, tag)."""
    return any(figures[index + 1 : index + 4]) and not figures[index]


_TRAIL = re.compile(
    r"^(?:per\s|a\s|an\s|p\.?a\.?$|annual|monthly|hourly|daily|yearly|gross|net\b|base\b|"
    r"median\b|average\b|mean\b|typical\b|avg\b|"
    r"billion|million|thousand|trillion|bn\b|mn\b|source|note|estimated|\(|\*)",
    re.IGNORECASE,
)


def _trails(line: str) -> bool:
    """A unit, note or activity line that belongs to the card above it ('per year, gross',
    'Billion', 'Source: ...', 'Posted 4 days ago · 63 applicants'), not a label of the next."""
    return bool(_TRAIL.match(line.strip()) or _activity().search(line))


@cache
def _activity() -> re.Pattern[str]:
    words = load_data("figure_reasons")["page_activity"]
    return re.compile(alternation([*words["cues"], *words["nouns"]], ignore_case=True))


def _card(label: _Line, rest: list[_Line]) -> Card:
    spans = [label.span, *(line.span for line in rest)]
    return Card(
        start=min(s.start for s in spans),
        end=max(s.end for s in spans),
        label=label.span,
        lines=tuple(line.span for line in rest),
    )

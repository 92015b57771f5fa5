"""What an extractor returns: a `Claim` located by character offsets in its document.

Extractors are pure functions `Document -> list[Claim]`. They set what they read; the pipeline
adds the provenance that is the same for the whole document (source_id, run_id, quote,
extractor_version, claim_id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mlefacts.contract import MAX_QUOTE, ClaimKind
from mlefacts.document.sentences import sentence_spans
from mlefacts.frozen import quick_init

if TYPE_CHECKING:
    from mlefacts.extract.context import Amount


@quick_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as the article states it, with its value normalized to base units.

    `char_start`/`char_end` delimit the quote in `Document.text`: the smallest span that shows
    the fact (a sentence, a list item, a table row, a card), at most `MAX_QUOTE` characters.
    `figure_start`/`figure_end` locate the figure itself inside the quote when the claim reads
    one, so two figures of one row or sentence never make the same claim. `context` is the
    header, label or caption that gave the figure its meaning ('Median salary', 'Entry Level').
    `subject` is what the fact is about, in a
    normalized lower-case form ('machine learning engineer', 'global machine learning market');
    `attribute` names the measured property ('salary', 'market_size', 'cagr', 'share', ...).
    `qualifiers` holds JSON-serializable details (period_start, period_end, region, statistic,
    experience_level, company, country, category, dimension, forecast, pay_period, ...).
    """

    kind: ClaimKind
    subject: str
    attribute: str
    char_start: int
    char_end: int
    extractor: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    text: str | None = None
    year: int | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    attributed_to: str | None = None
    context: str | None = None
    figure_start: int | None = None
    figure_end: int | None = None

    @classmethod
    def from_amount(
        cls,
        amount: Amount,
        *,
        kind: ClaimKind,
        subject: str,
        attribute: str,
        char_start: int,
        char_end: int,
        extractor: str,
        unit: str | None = None,
        year: int | None = None,
        qualifiers: dict[str, Any] | None = None,
        attributed_to: str | None = None,
        context: str | None = None,
    ) -> Claim:
        """The claim that reads one figure: its value, high end, unit and place come from the
        `Amount`, so no extractor copies them by hand. `unit` overrides the figure's own
        ('count', 'percent'); a value the frame changes (a scale word on the next line, a fall)
        is given as an adjusted amount (`dataclasses.replace`)."""
        return cls(
            kind=kind,
            subject=subject,
            attribute=attribute,
            char_start=char_start,
            char_end=char_end,
            extractor=extractor,
            value=amount.value,
            value_high=amount.value_high,
            unit=unit or amount.unit,
            year=year,
            qualifiers=qualifiers if qualifiers is not None else {},
            attributed_to=attributed_to,
            context=context,
            figure_start=amount.start,
            figure_end=amount.end,
        )

    def framed(self, year: int | None, qualifiers: dict[str, Any], subject: str) -> Claim:
        """The claim with the year, qualifiers and subject its page frames it with (see
        `page_frame`, which frames most claims of a page). Built directly, in field order:
        half the cost of `dataclasses.replace`, which reads every field by name."""
        return Claim(
            self.kind,
            subject,
            self.attribute,
            self.char_start,
            self.char_end,
            self.extractor,
            self.value,
            self.value_high,
            self.unit,
            self.text,
            year,
            qualifiers,
            self.attributed_to,
            self.context,
            self.figure_start,
            self.figure_end,
        )


def evidence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotes that show what `text[start:end]` states: the whole span when it fits in
    `MAX_QUOTE` characters, else each of its sentences that does (a long table cell or list
    item states its facts sentence by sentence; a sentence longer than a quote proves nothing
    a reader can check).

    >>> evidence("Builds models. Ships them.", 0, 26)
    [(0, 26)]
    >>> long = "Builds models. " + "Tunes them again" * 30 + ". Ships them."
    >>> [long[s:e] for s, e in evidence(long, 0, len(long))]
    ['Builds models.', 'Ships them.']
    """
    if end - start <= MAX_QUOTE:
        return [(start, end)]
    spans = sentence_spans(text, start, end)
    return [(s.start, s.end) for s in spans if s.end - s.start <= MAX_QUOTE]

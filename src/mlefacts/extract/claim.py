"""What an extractor returns: a `Claim` located by character offsets in its document.

Extractors are pure functions `Document -> list[Claim]`. They set what they read; the pipeline
adds the provenance that is the same for the whole document (source_id, run_id, quote,
extractor_version, claim_id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mlefacts.contract import ClaimKind


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

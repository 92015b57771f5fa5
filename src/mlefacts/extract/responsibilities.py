"""Responsibilities: the items of a responsibilities list, and 'responsible for A, B and C' prose.

A list counts when its section heading or its lead-in line is classified as responsibilities
(`sections.classify_heading`), so 'Key duties', 'What does an X do?' and 'These
responsibilities include:' work alike and a 'Key takeaways' list does not. An item written as
'phase: description' states the phase; its nested items carry the phase as a qualifier.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from mlefacts.document.model import Block, Document
from mlefacts.document.sentences import sentence_spans
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import find_roles
from mlefacts.extract.cues import may_hold
from mlefacts.extract.sections import (
    SectionType,
    block_section_types,
    content_span,
    document_role,
    item_text,
    section_role,
)

NAME = "responsibilities"
VERSION = "1"

# 'phase name: description' - a short lead phrase before the first colon.
_LEAD = re.compile(r"\s*([^:.!?]{3,160}?)\s*:\s+\S")
_MAX_LEAD_WORDS = 16
# 'responsible for A, B and C'; 'Their work includes A, B ...'; 'The role involves A and B'.
_RESPONSIBLE_FOR = re.compile(
    r"(?<![\w])(not\s+|solely\s+|only\s+)?(?:responsible\s+for"
    r"|(?:work|job|role|duties|tasks|day-to-day\s+work|responsibilities)\s+(?:typically\s+|often\s+|usually\s+)?"
    r"(?:includes?|involves?|consists?\s+of|covers?))\s+",
    re.I,
)
# Words one of which every `_RESPONSIBLE_FOR` phrase holds: sentences without any are skipped.
_RESPONSIBLE_FOR_KEYS = ("consist", "cover", "include", "involve", "responsible")
_COORDINATION = re.compile(r"\s*(?:,|;)\s*(?:(?:and|or|as well as)\s+)?")
_FINAL_CONJUNCTION = re.compile(r"\s+(?:and|or)\s+")
_UNSPECIFIED_ROLE = "unspecified role"


def extract(doc: Document) -> list[Claim]:
    """Responsibility claims from lists in responsibilities sections and from prose."""
    try:
        types = block_section_types(doc)
        role = document_role(doc) or _UNSPECIFIED_ROLE
    except Exception:  # a malformed document yields nothing rather than failing the run
        return []
    claims: list[Claim] = []
    positions = _list_positions(doc)
    for index, block in enumerate(doc.blocks):
        if block.boilerplate or types[index] == "aside":
            continue
        try:
            if block.kind == "list_item" and types[index] == "responsibilities":
                claims.extend(_item_claims(doc, index, positions[index], role))
            elif block.kind in ("paragraph", "list_item"):
                claims.extend(_prose_claims(doc, block, types[index], role))
        except Exception:  # one odd block must not lose the others' claims
            continue
    return claims


def _item_claims(doc: Document, index: int, position: int, role: str) -> list[Claim]:
    block = doc.blocks[index]
    start, end = content_span(doc, block)
    lead = _lead_span(doc.text, start, end)
    quote_end = lead[1] if lead else end
    text = item_text(doc.text[start:quote_end])
    if not text:
        return []
    qualifiers: dict[str, Any] = {"position": position}
    parent = _parent_item(doc, block)
    if parent is not None:
        qualifiers["phase"] = _phase_of(doc, parent)
    subject = section_role(doc, block, default=role) or role
    return [_claim(subject, start, quote_end, text, qualifiers)]


def _prose_claims(doc: Document, block: Block, section: SectionType, role: str) -> list[Claim]:
    claims: list[Claim] = []
    for sentence in sentence_spans(doc.text, block.start, block.end):
        if not may_hold(doc.text, sentence.start, sentence.end, _RESPONSIBLE_FOR_KEYS):
            continue
        match = _RESPONSIBLE_FOR.search(doc.text, sentence.start, sentence.end)
        if match is None or match.group(1):
            continue
        if doc.text[sentence.start : sentence.end].rstrip().endswith(":"):
            continue  # a list's lead-in ('Duties include the following:'): the items say it
        roles = find_roles(doc.text[sentence.start : match.start()])
        subject = roles[-1][2] if roles else role
        items = _coordinated_items(doc.text, match.end(), sentence.end)
        for position, (start, end) in enumerate(items, start=1):
            text = item_text(doc.text[start:end])
            if text:
                qualifiers = {"position": position, "source_phrase": "responsible for"}
                claims.append(_claim(subject, start, end, text, qualifiers))
    return claims


def _coordinated_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of 'A, B, and C' (or 'A, B and C') up to the sentence end.

    Without commas the phrase is one item: 'designing and building models' is one duty.
    """
    while end > start and text[end - 1] in ".!?;: \u00a0":
        end -= 1
    spans: list[tuple[int, int]] = []
    cursor = start
    oxford = False
    for separator in _COORDINATION.finditer(text, start, end):
        if separator.start() > cursor:
            spans.append((cursor, separator.start()))
        cursor = separator.end()
        oxford = bool(separator.group().strip(" ,;"))
    if end > cursor:
        spans.append((cursor, end))
    if len(spans) >= 2 and not oxford:
        last_start, last_end = spans.pop()
        final = list(_FINAL_CONJUNCTION.finditer(text, last_start, last_end))
        if final:
            spans.extend([(last_start, final[-1].start()), (final[-1].end(), last_end)])
        else:
            spans.append((last_start, last_end))
    return spans


def _lead_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The 'phase name' part of 'phase name: description', when the name is short."""
    match = _LEAD.match(text, start, end)
    if match is None or len(match.group(1).split()) > _MAX_LEAD_WORDS:
        return None
    return match.start(1), match.end(1)


def _phase_of(doc: Document, parent: Block) -> str:
    start, end = content_span(doc, parent)
    lead = _lead_span(doc.text, start, end)
    return item_text(doc.text[lead[0] : lead[1]] if lead else doc.text[start:end])


def _parent_item(doc: Document, block: Block) -> Block | None:
    if block.parent is None or not 0 <= block.parent < len(doc.blocks):
        return None
    parent = doc.blocks[block.parent]
    return parent if parent.kind == "list_item" else None


def _list_positions(doc: Document) -> dict[int, int]:
    """1-based position of each list item among its siblings; a heading or paragraph restarts."""
    positions: dict[int, int] = {}
    counters: Counter[tuple[int | None, int]] = Counter()
    for index, block in enumerate(doc.blocks):
        if block.kind == "list_item":
            key = (block.parent, block.level)
            counters[key] += 1
            positions[index] = counters[key]
        elif block.kind == "heading" or block.parent is None:
            counters.clear()
    return positions


def _claim(subject: str, start: int, end: int, text: str, qualifiers: dict[str, Any]) -> Claim:
    return Claim(
        kind="responsibility",
        subject=subject,
        attribute="responsibility",
        char_start=start,
        char_end=end,
        extractor=NAME,
        text=text,
        qualifiers=qualifiers,
    )

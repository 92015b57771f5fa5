"""Attributed quotations: 'X, Senior Analyst at Y said: “...”' and '“...,” says X'.

The quotation may follow its introduction in the next paragraph and may lack its opening mark
(spun and scraped text often drops it); it then runs to the closing mark or the paragraph's end.
The claim's span covers the quotation text without its marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlefacts.document.model import Block, Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import PROSE_KINDS, first_role, lead_in, read_each
from mlefacts.extract.cues import Keys, declare, spans_holding

NAME = "quotes"
VERSION = "1"


_OPEN = '“"'
_CLOSE = '”"'
_MIN_QUOTE_CHARS = 20
_PERSON = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}"
_TITLE = r"(?:[A-Z][\w&/-]*\s+(?:(?:of|and|for|&)\s+)?){0,4}[A-Z][\w&/-]*"
_ORG = r"[A-Z][\w&.’'-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w&.’'-]*)*"
_VERB = (
    r"(?:said|says|stated|states|noted|notes|explained|explains|added|adds|remarked|wrote"
    r"|writes|commented|observed|told\s+\w+)"
)
# One of these starts a word wherever `_VERB` matches (both patterns put a space before it):
# paragraphs without any hold no quote.
_VERB_KEYS = Keys(
    (
        *("said", "says", "stated", "states", "noted", "notes", "explained", "explains", "added"),
        *("adds", "remarked", "wrote", "writes", "commented", "observed", "told"),
    ),
    word_start=True,
)
declare(lambda: [_VERB_KEYS])
_INTRO = re.compile(
    rf"(?P<speaker>{_PERSON})(?:,\s+(?P<role>{_TITLE})\s+(?:at|of|with|from)\s+(?P<org>{_ORG}))?"
    rf",?\s+{_VERB}\s*[:,]\s*(?P<open>[{_OPEN}])?"
)
_TRAILING = re.compile(
    rf"[{_OPEN}](?P<quote>[^{_OPEN}{_CLOSE}]{{{_MIN_QUOTE_CHARS},}}?)[{_CLOSE}],?\s+"
    rf"(?:(?P<speaker_a>{_PERSON})\s+{_VERB}|{_VERB}\s+(?P<speaker_b>{_PERSON}))"
    rf"(?:,\s+(?P<role>{_TITLE})\s+(?:at|of|with|from)\s+(?P<org>{_ORG}))?"
)


@dataclass(frozen=True, slots=True)
class _Quote:
    start: int
    end: int
    speaker: str
    role: str | None
    organization: str | None


def extract(doc: Document) -> list[Claim]:
    """Quote claims from the document's paragraphs and list items."""

    def read_block(index: int) -> list[Claim]:
        quotes = _introduced(doc, index) + _trailing(doc, doc.blocks[index])
        return [_claim(doc, index, quote) for quote in quotes]

    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for claim in read_each(doc, _quoting_blocks(doc), read_block, name=NAME):
        if (claim.char_start, claim.char_end) not in seen:  # a quotation read twice
            seen.add((claim.char_start, claim.char_end))
            claims.append(claim)
    return claims


def _quoting_blocks(doc: Document) -> list[int]:
    """The indexes of the prose blocks (not boilerplate) that may hold a quote: those that hold
    one of `_VERB_KEYS`, found for all of them at once (`cues.spans_holding`; most hold none)."""
    prose = [i for i, b in enumerate(doc.blocks) if not b.boilerplate and b.kind in PROSE_KINDS]
    spans = [(doc.blocks[i].start, doc.blocks[i].end) for i in prose]
    return [prose[i] for i in spans_holding(doc.text, spans, _VERB_KEYS)]


def _claim(doc: Document, index: int, quote: _Quote) -> Claim:
    words = doc.text[quote.start : quote.end]
    qualifiers = {
        k: v
        for k, v in (
            ("speaker", quote.speaker),
            ("speaker_role", quote.role),
            ("organization", quote.organization),
        )
        if v
    }
    subject = first_role(words, lead_in(doc, index), doc.title or "") or "machine learning"
    return Claim(
        kind="quote",
        subject=subject,
        attribute="quote",
        char_start=quote.start,
        char_end=quote.end,
        extractor=NAME,
        text=" ".join(words.split()),
        qualifiers=qualifiers,
        attributed_to=quote.speaker,
    )


def _introduced(doc: Document, index: int) -> list[_Quote]:
    """'X, Role at Org said: “...”', the quotation inline or in the next paragraph."""
    block = doc.blocks[index]
    found = []
    for match in _INTRO.finditer(doc.text, block.start, block.end):
        start, end = match.end(), block.end
        if end - start < _MIN_QUOTE_CHARS:
            following = _next_prose(doc, index)
            if following is None:
                continue
            start, end = following.start, following.end
        span = _quotation(doc.text, start, end, opened=bool(match.group("open")))
        if span is not None:
            found.append(_Quote(span[0], span[1], *_who(match, "speaker")))
    return found


def _trailing(doc: Document, block: Block) -> list[_Quote]:
    """'“...,” says X, Role at Org' inside one paragraph."""
    found = []
    for match in _TRAILING.finditer(doc.text, block.start, block.end):
        start, end = _trim(doc.text, match.start("quote"), match.end("quote"))
        speaker = "speaker_a" if match.group("speaker_a") else "speaker_b"
        found.append(_Quote(start, end, *_who(match, speaker)))
    return found


def _who(match: re.Match[str], speaker: str) -> tuple[str, str | None, str | None]:
    """Speaker, role and organization with whitespace (incl. no-break spaces) normalized."""
    role, org = match.group("role"), match.group("org")
    return (
        " ".join(match.group(speaker).split()),
        " ".join(role.split()) if role else None,
        " ".join(org.split()) if org else None,
    )


def _next_prose(doc: Document, index: int) -> Block | None:
    for block in doc.blocks[index + 1 :]:
        if block.kind == "paragraph" and not block.boilerplate:
            return block
        if block.kind == "heading":
            return None
    return None


def _quotation(text: str, start: int, end: int, *, opened: bool) -> tuple[int, int] | None:
    """The quotation's span from `start`: past an opening mark, up to the closing mark."""
    while start < end and (text[start].isspace() or text[start] in _OPEN):
        start += 1
    close = min((i for i in (text.find(c, start, end) for c in _CLOSE) if i >= 0), default=-1)
    if close >= 0:
        end = close
    elif opened:
        return None
    start, end = _trim(text, start, end)
    return (start, end) if end - start >= _MIN_QUOTE_CHARS else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end

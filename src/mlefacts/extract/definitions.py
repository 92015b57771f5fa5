"""Definitions of the role or its field: 'A Machine Learning Engineer is a professional who ...'.

Only sentences that open with a role or field noun phrase followed by 'is a/an/the' and a
reasonably long predicate count; evaluative sentences ('Python is a must') do not.
"""

from __future__ import annotations

import re
from functools import cache

from mlefacts.document.model import Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import Sentence, collect, find_roles
from mlefacts.normalize.text import normalize_subject
from mlefacts.toml_files import load_data

NAME = "definitions"
VERSION = "1"

_SHAPE = re.compile(
    r"^(?:(?:simply put|in short|in simple terms|put simply|basically),\s*)?"
    r"(?:(?:an?|the)\s+)?(?P<term>[A-Za-z][\w/&-]*(?:\s+(?:\([^)]{1,12}\)|[\w/&-]+)){0,4}?)"
    r"(?:\s+\((?P<alias>[^)]{1,30})\))?\s+is\s+(?:an?|the)\s+(?P<predicate>(?P<head>[\w-]+).*)$",
    re.IGNORECASE | re.DOTALL,
)
_PREPOSITIONS = frozenset({"of", "in", "for", "with", "to", "on", "at", "by", "from", "that"})


def extract(doc: Document) -> list[Claim]:
    """Definition claims from the document's paragraphs and list items."""
    return collect(doc, _read_sentence, name=NAME)


@cache
def _field_heads() -> frozenset[str]:
    return frozenset(load_data("salary_terms")["definitions"]["field_heads"])


@cache
def _judgements() -> frozenset[str]:
    return frozenset(load_data("salary_terms")["definitions"]["not_definitions"])


def _min_predicate() -> int:
    return int(load_data("salary_terms")["definitions"]["min_predicate_chars"])


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    own = doc.text[sentence.start : sentence.end]
    match = _SHAPE.match(own)
    if match is None:
        return []
    term = match.group("term")
    if not _is_role_or_field(term) or not _defines(match.group("head"), match.group("predicate")):
        return []
    return [
        Claim(
            kind="definition",
            subject=normalize_subject(term),
            attribute="definition",
            char_start=sentence.start,
            char_end=sentence.end,
            extractor=NAME,
            text=" ".join(own.split()),
        )
    ]


def _is_role_or_field(term: str) -> bool:
    words = term.lower().split()
    if _PREPOSITIONS.intersection(words):
        return False
    if words[-1] in _field_heads():
        return True
    roles = find_roles(term)
    return bool(roles) and roles[0][1] == len(term)


def _defines(head: str, predicate: str) -> bool:
    return len(predicate.strip()) >= _min_predicate() and head.lower() not in _judgements()

"""All extractors, run in a fixed order over one document.

Each extractor module exposes `NAME`, `VERSION` and `extract(doc) -> list[Claim]`; a module
that reads figures may also expose `skipped(doc) -> list[Skip]`: the figures it read but did not
claim, each with a reason code. Prose extractors read paragraph and list-item blocks;
structural ones read tables and lists.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from types import ModuleType

from mlefacts.config import package_digest
from mlefacts.contract import MAX_QUOTE
from mlefacts.document.model import Document
from mlefacts.extract import (
    cards,
    comparisons,
    counts,
    coverage,
    definitions,
    demand,
    lists,
    market,
    page_frame,
    pay_gaps,
    prose_rankings,
    quotes,
    responsibilities,
    salary,
    shares,
    skills,
    tables,
)
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import Skip, amounts, clause_bounds, find_city, sign_before
from mlefacts.extract.subjects import market_place
from mlefacts.normalize.quantities import figure_bound
from mlefacts.normalize.text import straight_apostrophes

EXTRACTORS: tuple[ModuleType, ...] = (
    salary,
    market,
    demand,
    shares,
    counts,
    definitions,
    comparisons,
    pay_gaps,
    quotes,
    prose_rankings,
    tables,
    cards,
    lists,
    responsibilities,
    skills,
)

# What the extraction result depends on: the code of the parsing, normalizing and extracting
# packages and the vocabularies in data/. A change to any of them re-extracts every source.
_FINGERPRINTED = ("document", "extract", "normalize", "data")


@dataclass(frozen=True, slots=True)
class ExtractorFailure:
    """An extractor that raised on a document: recorded, never fatal for the run."""

    extractor: str
    message: str


def extractor_versions() -> dict[str, str]:
    """Each extractor's declared version, by name."""
    return {module.NAME: module.VERSION for module in EXTRACTORS}


def extraction_fingerprint() -> str:
    """A short hash of everything extraction output depends on; the cache key besides content."""
    digest = hashlib.sha256(package_digest(_FINGERPRINTED).encode())
    for name, version in sorted(extractor_versions().items()):
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()[:16]


def extract_claims(doc: Document) -> tuple[list[Claim], list[ExtractorFailure]]:
    """Run every extractor; one extractor's exception does not lose the others' claims."""
    claims: list[Claim] = []
    failures: list[ExtractorFailure] = []
    for module in EXTRACTORS:
        try:
            claims.extend(module.extract(doc))
        except Exception as exc:  # an extractor bug must not fail the whole run
            failures.append(ExtractorFailure(module.NAME, f"{type(exc).__name__}: {exc}"))
    framed = page_frame.frame_by_page(doc, _once(_place_runs(doc.text, claims)))
    kept = [
        claim
        for claim in framed
        if not _signed_share(doc.text, claim) and not _weight(doc.text, claim)
    ]
    return [_straight(_bounded(doc.text, _fitted(doc.text, claim))) for claim in kept], failures


# The kinds whose figure may be stated as a bound; a rank or a salary (its extractor reads the
# bound with the sum) is not looked at here.
_BOUNDED_KINDS = frozenset({"market_size", "growth_rate", "share", "job_demand", "count"})


def _bounded(text: str, claim: Claim) -> Claim:
    """A claim whose figure the page states as a bound ('more than 40% of respondents',
    'fewer than 500 vacancies', 'over 140k openings') with that bound as its qualifier `bound`
    ('lower': the true value is at or above the figure; 'upper': at or below), as a salary's."""
    if claim.kind not in _BOUNDED_KINDS or claim.figure_start is None or claim.figure_end is None:
        return claim
    if "bound" in claim.qualifiers:
        return claim
    bound = figure_bound(text, claim.figure_start, claim.figure_end)
    return (
        claim if bound is None else replace(claim, qualifiers={**claim.qualifiers, "bound": bound})
    )


def _once(claims: list[Claim]) -> list[Claim]:
    """Each fact once. A figure two extractors read as the same kind of fact about the same
    subject ('1. San Francisco (3,120 postings)': a ranked item's count and a count in prose) is
    kept from the first; and a part of a run the lists extractor reads ('Python 93%, SQL 61%,
    Bash 39%') defers to a share another extractor read from its sentence's own words ('share of
    postings: AWS 44%, Azure 31% ...')."""
    read = {c.figure_start for c in claims if c.kind == "share" and c.extractor != lists.NAME}
    seen: set[tuple[str, int, float, str]] = set()
    kept = []
    for c in claims:
        if c.kind == "share" and c.extractor == lists.NAME and c.figure_start in read:
            continue
        if c.figure_start is not None and c.value is not None:
            key = (c.kind, c.figure_start, c.value, c.subject)
            if key in seen:
                continue
            seen.add(key)
        kept.append(c)
    return kept


# The kinds whose figure may go on in a run of the same measure in other places.
_RUN_KINDS = frozenset({"growth_rate", "job_demand", "share"})
# A figure's own place right after it ('4.1% in Sweden'), and what may stand between the
# figures of such a run (', ', ' and ', ', while ').
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_RUN_GAP = re.compile(r"\s*(?:[,;]\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)")


def _place_runs(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims with the run of the same measure in other places that goes on after a
    figure and its own place ('Pay rose 4.1% in Sweden, 5.0% in Norway, 3.6% in Denmark and
    2.9% in Finland'): each later figure the same claim in its place, unless an extractor read
    it as that kind already; a reading of another kind gives way to the run."""
    claimed = {c.figure_start: c.kind for c in claims}
    out = list(claims)
    ran: set[int] = set()
    for claim in claims:
        if claim.kind not in _RUN_KINDS or claim.unit != "percent" or claim.figure_end is None:
            continue
        key = next((k for k in ("city", "country", "region") if k in claim.qualifiers), None)
        own = _IN_PLACE.match(text, claim.figure_end, claim.char_end)
        if key is None or own is None or _place(own["place"]) != (key, claim.qualifiers[key]):
            continue
        stop = own.end()
        for figure in amounts(text, stop, claim.char_end):
            gap = _RUN_GAP.fullmatch(text, stop, figure.start)
            after = _IN_PLACE.match(text, figure.end, claim.char_end)
            place = _place(after["place"]) if gap and after and figure.unit == "percent" else None
            if place is None:
                break
            if claimed.get(figure.start) != claim.kind:
                ran.add(figure.start)
                qualifiers = {k: v for k, v in claim.qualifiers.items() if k != key}
                value = -figure.value if (claim.value or 0) < 0 else figure.value
                out.append(
                    replace(
                        claim,
                        value=value,
                        value_high=None,
                        figure_start=figure.start,
                        figure_end=figure.end,
                        qualifiers={**qualifiers, place[0]: place[1]},
                    )
                )
            stop = after.end()
    if not ran:
        return out
    kept = [c for c in out[: len(claims)] if c.figure_start not in ran] + out[len(claims) :]
    return sorted(kept, key=lambda c: (c.char_start, c.figure_start or 0))


def _place(name: str) -> tuple[str, str] | None:
    """('city' | 'country' | 'region', canonical name) of a place named alone."""
    found = market_place(name)
    if found is not None:
        return found
    city = find_city(name)
    return ("city", city) if city is not None and city.lower() == name.lower() else None


def _weight(text: str, claim: Claim) -> bool:
    """A percentage that weighs a part of a ranking's method ('Pay (40%), open roles (35%) ...
    on a 0-100 scale') or says what shares add up to ('so shares add up to more than 100%'):
    no claim, whatever an extractor made of it (its figure is skipped)."""
    if claim.unit != "percent" or claim.figure_start is None:
        return False
    return coverage.method_weight(text, claim.figure_start) or (
        claim.value is not None and coverage.sum_remark(text, claim.figure_start, claim.value)
    )


def _signed_share(text: str, claim: Claim) -> bool:
    """A share is a part of a whole, never written with a sign: '$162,000 +8%' beside a city's
    pay, or '+4.2%' under a count, is a change against another figure, no part of anything."""
    if claim.kind != "share" or claim.figure_start is None:
        return False
    return sign_before(text, claim.figure_start) is not None


def _fitted(text: str, claim: Claim) -> Claim:
    """A claim whose evidence runs longer than a quote may, narrowed to the clause that holds
    its figure, else to the whole words around it ('PUNE, India, March 4, 2026 /NewsWire/ --
    ... stood at USD 58.7 billion in 2025 ... titled "...Report by Component, ..."'): the
    smallest contiguous evidence a reader can check, never a rejected row."""
    low, high = claim.char_start, claim.char_end
    figure_start, figure_end = claim.figure_start, claim.figure_end
    if high - low <= MAX_QUOTE or figure_start is None or figure_end is None:
        return claim
    if not low <= figure_start < figure_end <= high:
        return claim
    start, end = clause_bounds(text, low, high, figure_start)
    if end - start > MAX_QUOTE or not start <= figure_start < figure_end <= end:
        start = max(low, figure_start - (MAX_QUOTE - (figure_end - figure_start)) // 2)
        end = min(high, start + MAX_QUOTE)
        start = max(low, end - MAX_QUOTE)
        if start > low and (space := text.find(" ", start, figure_start)) >= 0:
            start = space + 1  # whole words at both ends
        if end < high and (space := text.rfind(" ", figure_end, end)) >= 0:
            end = space
    return replace(claim, char_start=start, char_end=end)


def _straight(claim: Claim) -> Claim:
    """A claim whose qualifier labels read the same whichever apostrophe the page set: a
    category 'master’s degree' on one page and "master's degree" on another are one part."""
    qualifiers = {
        key: straight_apostrophes(value) if isinstance(value, str) else value
        for key, value in claim.qualifiers.items()
    }
    return claim if qualifiers == claim.qualifiers else replace(claim, qualifiers=qualifiers)


def extract_skips(doc: Document) -> list[Skip]:
    """The figures extractors read but did not claim, with reason codes, for the figures table.

    A figure one extractor skips may still be claimed by another: the caller decides by span.
    """
    skips: list[Skip] = []
    for module in EXTRACTORS:
        reader = getattr(module, "skipped", None)
        if reader is None:
            continue
        try:
            skips.extend(reader(doc))
        except Exception:  # an extractor bug must not fail the whole run
            continue
    return sorted(set(skips), key=lambda skip: (skip.char_start, skip.char_end, skip.reason))

"""Extraction quality: what the pipeline publishes against a careful reader's list of facts.

    python bench/quality.py                    # all three splits, one table each
    python bench/quality.py --split heldout    # pages | heldout | bundled
    python bench/quality.py --verbose          # plus misses and false positives per page
    python bench/quality.py --json             # the figures as JSON, for scripts and tests
    python bench/quality.py --pages DIR        # a folder of pages kept outside the repository

Each page of `tests/fixtures/pages/` and `tests/fixtures/pages_heldout/` (written for the tests,
see the README there) and each bundled article goes through the pipeline's own stages:
`process_batch` (ingest, decode, parse, extract, claim rows), `batch_tables` and `validate_tables`,
so what is scored is what a run would publish. Published claims are then matched one to one
against the page's expected claims:

- a numeric claim matches on **value**: same kind and unit, value and value_high within 0.5%;
  **exact**: also the same subject (case, a leading 'the'/'global'/'worldwide' ignored; for a
  ranking, the ranked item may be the claim's subject or text) and experience level;
- a skill matches on its canonical name (the reader's name taken to the taxonomy's canonical
  one, so 'SageMaker' and 'Amazon SageMaker' are one skill); a responsibility, comparison or
  definition when its text (or quote) contains the expected substring; for these kinds value =
  exact.

precision = published claims that match some expected claim / published claims (numeric kinds:
what the issue's bar counts); value and exact recall = expected claims matched one to one.

Qualifiers are scored apart, on the numeric claims found by value (paired again preferring
claims whose qualifiers agree): for `year` and `qualifiers.city`, `pay_period`, `period_start`
and `period_end`, precision = values published that the reader also states / values published,
recall = stated values published right / values the reader states.
The held-out split is scored the same way and is never used to tune extraction rules. `--pages`
scores any folder of pages with `<page>.expected.json` files beside them (the README's format),
as the kept-aside sets written to measure pages nobody tuned the rules for are scored.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlefacts.extract import extraction_fingerprint
from mlefacts.normalize.skills import canonical_skill
from mlefacts.pipeline import BatchResult, process_batch, validate_tables
from mlefacts.settings import Settings
from mlefacts.sources.manifest import SourceSpec, load_manifest, make_source
from mlefacts.staging import batch_tables

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
PAGE_DIRS = {"pages": FIXTURES / "pages", "heldout": FIXTURES / "pages_heldout"}
BUNDLED_MANIFEST = REPO / "raw" / "bundled" / "sources.toml"
BUNDLED_EXPECTED = FIXTURES / "bundled_expected"
SPLITS = ("pages", "heldout", "bundled")
EXPECTED_SUFFIX = ".expected.json"
PAGE_SUFFIXES = (".html", ".htm", ".md", ".txt")

NUMERIC_KINDS = (
    "salary",
    "market_size",
    "growth_rate",
    "share",
    "job_demand",
    "count",
    "ranking",
)
QUALITATIVE_KINDS = ("skill", "responsibility", "comparison", "definition")
KINDS = NUMERIC_KINDS + QUALITATIVE_KINDS
REL_TOLERANCE = 0.005
_SUBJECT_PREFIXES = re.compile(r"^(?:the|global|worldwide)\s+")
_PLURAL_S = re.compile(r"(?<=[a-z]{3}[^s])s$")


@dataclass(frozen=True, slots=True)
class Page:
    """One scored document: its source spec and the facts a careful reader lists in it."""

    name: str
    spec: SourceSpec
    expected: list[dict[str, Any]]


@dataclass(slots=True)
class PageResult:
    """One page's published claims, its expected claims and how they were paired."""

    name: str
    expected: list[dict[str, Any]]
    published: list[dict[str, Any]]
    value_pairs: dict[int, int] = field(default_factory=dict)  # expected index -> published
    exact_pairs: dict[int, int] = field(default_factory=dict)
    qualifier_pairs: dict[int, int] = field(default_factory=dict)  # value pairs, fields first
    correct: set[int] = field(default_factory=set)  # published claims matching some expected
    problems: list[str] = field(default_factory=list)  # parse/extract/validation rejections


# --- loading -------------------------------------------------------------------------------


def fixture_pages(folder: Path) -> list[Path]:
    """The pages of a fixture folder (every file with a page suffix, README excluded), sorted."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in PAGE_SUFFIXES and path.name.lower() != "readme.md"
    )


def load_expected(path: Path) -> list[dict[str, Any]]:
    """An expected-claims file: a JSON list of claim objects, each with a known kind."""
    claims = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(claims, list):
        raise ValueError(f"{path}: expected a JSON list of claims")
    for claim in claims:
        if claim.get("kind") not in KINDS:
            raise ValueError(f"{path}: unknown kind in {claim}")
        if claim["kind"] in NUMERIC_KINDS and not isinstance(claim.get("value"), int | float):
            raise ValueError(f"{path}: numeric claim without a value: {claim}")
        if claim["kind"] in QUALITATIVE_KINDS and not claim.get("text"):
            raise ValueError(f"{path}: qualitative claim without text: {claim}")
    return claims


def load_split(split: str) -> tuple[Path, list[Page]]:
    """The manifest folder (page uris are relative to it) and the pages of one split."""
    if split == "bundled":
        pages = [
            Page(
                Path(spec.uri).stem,
                spec,
                load_expected(BUNDLED_EXPECTED / f"{Path(spec.uri).stem}.json"),
            )
            for spec in load_manifest(BUNDLED_MANIFEST)
        ]
        return BUNDLED_MANIFEST.parent, pages
    folder = PAGE_DIRS[split]
    pages = [
        Page(path.name, make_source(path.name), load_expected(_expected_path(path)))
        for path in fixture_pages(folder)
    ]
    return folder, pages


def _expected_path(page: Path) -> Path:
    return page.with_name(page.name + EXPECTED_SUFFIX)


# --- running the pipeline ------------------------------------------------------------------


@dataclass(slots=True)
class Extraction:
    """What the pipeline made of a split: published claims, document texts, rejections."""

    claims: list[dict[str, Any]]
    texts: dict[str, str]
    batch: BatchResult
    rejected: list[dict[str, Any]]


def extract_split(folder: Path, specs: Sequence[SourceSpec]) -> Extraction:
    """Run ingest, parse, extract, assemble and validate on the specs in a scratch data dir."""
    with tempfile.TemporaryDirectory(prefix="mlefacts-quality-") as scratch:
        settings = Settings(data_dir=Path(scratch), manifest=folder / "sources.toml")
        batch = process_batch(list(specs), settings=settings, fingerprint=extraction_fingerprint())
        tables = batch_tables(batch, run_id="quality")
        valid, rejected = validate_tables({"claims": tables["claims"]}, run_id="quality")
    claims = valid["claims"].to_dict("records")
    texts = {row["source_id"]: row["text"] for row in batch.documents}
    return Extraction(claims, texts, batch, rejected.to_dict("records"))


# --- matching ------------------------------------------------------------------------------


def _close(expected: float | None, actual: Any) -> bool:
    if expected is None:
        return _missing(actual)
    if _missing(actual):
        return False
    return abs(float(actual) - expected) <= REL_TOLERANCE * max(abs(expected), 1e-9)


def normalize_subject(subject: Any) -> str:
    """Lower case, single spaces, no leading 'the'/'global'/'worldwide', and each word without
    a plural 's' (applied to both sides of a comparison, so only equality matters).

    >>> normalize_subject("The  Global Machine Learning market")
    'machine learning market'
    >>> normalize_subject("AI chips market") == normalize_subject("ai chip market")
    True
    """
    text = " ".join(str(subject or "").lower().split())
    previous = None
    while previous != text:
        previous, text = text, _SUBJECT_PREFIXES.sub("", text)
    return " ".join(_PLURAL_S.sub("", word) for word in text.split())


def _qualifiers(claim: dict[str, Any]) -> dict[str, Any]:
    raw = claim.get("qualifiers")
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _flat(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def value_match(expected: dict[str, Any], claim: dict[str, Any]) -> bool:
    """Same kind and, for numbers, the same unit, value and value_high (0.5%); for skills the
    canonical name; for other qualitative kinds the expected substring in the text or quote."""
    kind = expected["kind"]
    if claim.get("kind") != kind:
        return False
    if kind == "skill":
        named = canonical_skill(expected["text"])
        wanted = _flat(named[0] if named else expected["text"])
        canonical = _qualifiers(claim).get("canonical") or claim.get("text")
        return _flat(canonical) == wanted
    if kind in QUALITATIVE_KINDS:
        wanted = _flat(expected["text"])
        return wanted in _flat(claim.get("text")) or wanted in _flat(claim.get("quote"))
    return (
        claim.get("unit") == expected.get("unit")
        and _close(float(expected["value"]), claim.get("value"))
        and _close(
            None if expected.get("value_high") is None else float(expected["value_high"]),
            claim.get("value_high"),
        )
    )


def exact_match(expected: dict[str, Any], claim: dict[str, Any]) -> bool:
    """A value match that also names the same subject and experience level."""
    if not value_match(expected, claim):
        return False
    if expected["kind"] in QUALITATIVE_KINDS:
        return True
    wanted = normalize_subject(expected.get("subject"))
    subjects = {normalize_subject(claim.get("subject"))}
    if expected["kind"] == "ranking":
        subjects.add(normalize_subject(claim.get("text")))
    level = _qualifiers(claim).get("experience_level")
    return wanted in subjects and (expected.get("experience_level") or None) == (level or None)


def max_pairing(
    n_left: int, n_right: int, fits: Callable[[int, int], bool], seed: dict[int, int]
) -> dict[int, int]:
    """A maximum one-to-one pairing left -> right (augmenting paths), growing `seed`."""
    options = [[j for j in range(n_right) if fits(i, j)] for i in range(n_left)]
    left_of: dict[int, int] = {j: i for i, j in seed.items()}
    pairs = dict(seed)

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in left_of or augment(left_of[j], seen):
                left_of[j] = i
                pairs[i] = j
                return True
        return False

    for i in range(n_left):
        if i not in pairs:
            augment(i, set())
    return pairs


def score_page(
    name: str, expected: list[dict[str, Any]], published: list[dict[str, Any]]
) -> PageResult:
    """Pair one page's published claims with its expected ones (exact first, then by value)."""
    result = PageResult(name, expected, published)
    result.exact_pairs = max_pairing(
        len(expected), len(published), lambda i, j: exact_match(expected[i], published[j]), {}
    )
    result.value_pairs = max_pairing(
        len(expected),
        len(published),
        lambda i, j: value_match(expected[i], published[j]),
        dict(result.exact_pairs),
    )
    result.correct = {
        j for j, claim in enumerate(published) if any(value_match(e, claim) for e in expected)
    }
    numeric = [i for i, claim in enumerate(expected) if claim["kind"] in NUMERIC_KINDS]
    agreeing = max_pairing(
        len(expected),
        len(published),
        lambda i, j: (
            i in numeric
            and value_match(expected[i], published[j])
            and all(
                _field(expected[i], name, expected=True) == _field(published[j], name)
                for name in QUALIFIER_FIELDS
            )
        ),
        {},
    )
    taken = set(agreeing.values())  # kept: an augmenting path must not undo an agreeing pair
    result.qualifier_pairs = max_pairing(
        len(expected),
        len(published),
        lambda i, j: (
            i in numeric
            and i not in agreeing
            and j not in taken
            and value_match(expected[i], published[j])
        ),
        agreeing,
    )
    return result


QUALIFIER_FIELDS = ("year", "city", "pay_period", "period_start", "period_end")


def _field(claim: dict[str, Any], name: str, *, expected: bool = False) -> str | None:
    """A scored qualifier as comparable text: `year` is a column of the claim (a key of the
    expected claim), the others are qualifiers; missing, null and NaN are None."""
    if name == "year":
        raw = claim.get("year")
    else:
        raw = (
            (claim.get("qualifiers") or {}).get(name) if expected else _qualifiers(claim).get(name)
        )
    if _missing(raw) or raw == "":
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return _flat(raw)


def summarize_qualifiers(results: Iterable[PageResult]) -> dict[str, dict[str, Any]]:
    """Per scored qualifier, over expected numeric claims found by value: how many the reader
    states, how many were published, how many agree; precision and recall of those."""
    counts = {name: {"stated": 0, "published": 0, "right": 0} for name in QUALIFIER_FIELDS}
    for result in results:
        for i, j in result.qualifier_pairs.items():
            for name, c in counts.items():
                wanted = _field(result.expected[i], name, expected=True)
                got = _field(result.published[j], name)
                c["stated"] += wanted is not None
                c["published"] += got is not None
                c["right"] += wanted is not None and wanted == got
    return {
        name: {
            **c,
            "precision": _ratio(c["right"], c["published"]),
            "recall": _ratio(c["right"], c["stated"]),
        }
        for name, c in counts.items()
    }


@dataclass(slots=True)
class SplitRun:
    """One split after extraction and scoring."""

    split: str
    results: list[PageResult]
    extraction: Extraction
    seconds: float


def run_split(split: str) -> SplitRun:
    """Run the pipeline on one split and score every page."""
    started = time.perf_counter()
    folder, pages = load_split(split)
    extraction = extract_split(folder, [page.spec for page in pages])
    by_source: dict[str, list[dict[str, Any]]] = {}
    for claim in extraction.claims:
        by_source.setdefault(claim["source_id"], []).append(claim)
    problems: dict[str, list[str]] = {}
    for row in [*extraction.batch.rejections, *extraction.rejected]:
        problems.setdefault(str(row.get("source_id")), []).append(
            f"{row.get('stage')}: {row.get('reason')}"
        )
    results = []
    for page in pages:
        published = sorted(
            by_source.get(page.spec.source_id, []),
            key=lambda c: (c["char_start"], c["char_end"], c["kind"]),
        )
        result = score_page(page.name, page.expected, published)
        result.problems = problems.get(page.spec.source_id, [])
        results.append(result)
    return SplitRun(split, results, extraction, time.perf_counter() - started)


# --- figures -------------------------------------------------------------------------------

MAX_QUOTE_CHARS = 400


def health(run: SplitRun) -> dict[str, int]:
    """What the issue's bar counts besides matching: claims validation rejected (a duplicate
    id loses a real fact) and quotes longer than a reader can check."""
    claims = run.extraction.batch.claims
    return {
        "claims_extracted": len(claims),
        "claims_rejected_by_validation": len(run.extraction.rejected),
        "quotes_over_400_chars": sum(len(c["quote"]) > MAX_QUOTE_CHARS for c in claims),
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def summarize(results: Iterable[PageResult]) -> dict[str, dict[str, Any]]:
    """Per kind, and for 'numeric' and 'qualitative' overall: counts, precision, recalls."""
    counts: dict[str, dict[str, int]] = {
        group: {"expected": 0, "published": 0, "correct": 0, "value": 0, "exact": 0}
        for group in (*KINDS, "numeric", "qualitative")
    }
    for result in results:
        for i, claim in enumerate(result.expected):
            for group in (claim["kind"], _group(claim["kind"])):
                counts[group]["expected"] += 1
                counts[group]["value"] += i in result.value_pairs
                counts[group]["exact"] += i in result.exact_pairs
        for j, claim in enumerate(result.published):
            kind = claim.get("kind")
            if kind not in KINDS:
                continue
            for group in (kind, _group(kind)):
                counts[group]["published"] += 1
                counts[group]["correct"] += j in result.correct
    return {
        group: {
            **c,
            "precision": _ratio(c["correct"], c["published"]),
            "value_recall": _ratio(c["value"], c["expected"]),
            "exact_recall": _ratio(c["exact"], c["expected"]),
        }
        for group, c in counts.items()
        if c["expected"] or c["published"]
    }


def _group(kind: str) -> str:
    return "numeric" if kind in NUMERIC_KINDS else "qualitative"


def _percent(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:5.1f}%"


def render_qualifiers(summary: dict[str, dict[str, Any]]) -> str:
    """One line: precision and recall of each scored qualifier."""
    return "  qualifiers (numeric claims found by value): " + ", ".join(
        f"{name} P {_percent(row['precision']).strip()} R {_percent(row['recall']).strip()}"
        f" ({row['right']}/{row['stated']} stated, {row['published']} published)"
        for name, row in summary.items()
    )


def render_table(split: str, n_pages: int, summary: dict[str, dict[str, Any]]) -> str:
    """A fixed-width table: one row per kind, then the numeric and qualitative totals."""
    lines = [
        f"{split} ({n_pages} pages)",
        f"  {'kind':<14}{'expected':>9}{'published':>10}{'precision':>11}"
        f"{'value rec.':>12}{'exact rec.':>12}",
    ]
    for group in (*KINDS, "numeric", "qualitative"):
        if group not in summary:
            continue
        row = summary[group]
        if group == "numeric":
            lines.append("  " + "-" * 66)
        lines.append(
            f"  {group:<14}{row['expected']:>9}{row['published']:>10}"
            f"{_percent(row['precision']):>11}{_percent(row['value_recall']):>12}"
            f"{_percent(row['exact_recall']):>12}"
        )
    return "\n".join(lines)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(value: Any) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _describe(claim: dict[str, Any]) -> str:
    if claim["kind"] in QUALITATIVE_KINDS:
        return f"{claim['kind']}: {str(claim.get('text'))[:70]!r}"
    high = claim.get("value_high")
    span = _number(claim.get("value")) + ("" if _missing(high) else f"-{_number(high)}")
    level = claim.get("experience_level") or _qualifiers(claim).get("experience_level")
    return f"{claim['kind']}: {span} {claim.get('unit')} | {claim.get('subject')}" + (
        f" | {level}" if level else ""
    )


def render_verbose(results: Iterable[PageResult]) -> str:
    """Per page: expected claims not found (or found without the right subject/level or a
    scored qualifier), and published claims that match nothing the reader listed."""
    out = []
    for result in results:
        lines = []
        for i, claim in enumerate(result.expected):
            if i not in result.value_pairs:
                lines.append(f"  MISS     {_describe(claim)}")
            elif i not in result.exact_pairs:
                got = result.published[result.value_pairs[i]]
                lines.append(f"  INEXACT  {_describe(claim)}  <- got {_describe(got)}")
        for i, j in sorted(result.qualifier_pairs.items()):
            claim, got = result.expected[i], result.published[j]
            wrong = [
                f"{name} {_field(claim, name, expected=True)} <- {_field(got, name)}"
                for name in QUALIFIER_FIELDS
                if _field(claim, name, expected=True) != _field(got, name)
            ]
            if wrong:
                lines.append(f"  QUALIF   {_describe(claim)}  {'; '.join(wrong)}")
        for j, claim in enumerate(result.published):
            if j not in result.correct and claim.get("kind") in (*NUMERIC_KINDS, "skill"):
                quote = " ".join(str(claim.get("quote")).split())[:90]
                lines.append(f"  FALSE+   {_describe(claim)}  [{quote}]")
        lines.extend(f"  PROBLEM  {problem[:150]}" for problem in result.problems)
        if lines:
            out.append(result.name)
            out.extend(lines)
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", choices=SPLITS, action="append", help="default: all three, none with --pages"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list misses per page")
    parser.add_argument(
        "--pages",
        type=Path,
        action="append",
        metavar="DIR",
        help="also score a folder of pages, each with <page>.expected.json beside it",
    )
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    blocks = []
    folders = [str(folder.resolve()) for folder in args.pages or []]
    PAGE_DIRS.update((folder, Path(folder)) for folder in folders)
    splits = [*(args.split or ([] if folders else SPLITS)), *folders]
    for split in splits:
        run = run_split(split)
        summary = summarize(run.results)
        qualifiers = summarize_qualifiers(run.results)
        checks = health(run)
        report[split] = {
            "pages": len(run.results),
            "seconds": round(run.seconds, 2),
            "kinds": summary,
            "qualifiers": qualifiers,
            **checks,
        }
        blocks.append(render_table(split, len(run.results), summary))
        blocks[-1] += "\n" + render_qualifiers(qualifiers)
        blocks[-1] += "\n  " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in checks.items())
        if args.verbose:
            blocks.append(render_verbose(run.results))
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction quality on the fixture pages and bundled articles (bench/quality.py) does not fall
below the floors measured when they were set; every claim on every page quotes its document
exactly; no page makes a stage fail.

Floors are the measured values minus a small margin. When extraction improves, raise them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"

# split -> group -> measure -> floor (fractions); groups are claim kinds or 'numeric'/'qualitative'.
FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "pages": {
        "numeric": {"precision": 0.98, "value_recall": 0.975, "exact_recall": 0.98},
        "qualitative": {"precision": 0.96, "value_recall": 0.97},
        "salary": {"precision": 0.98, "value_recall": 0.98, "exact_recall": 0.98},
        "job_demand": {"precision": 0.98, "value_recall": 0.98, "exact_recall": 0.98},
        "ranking": {"precision": 0.99, "value_recall": 0.98, "exact_recall": 0.98},
        "count": {"precision": 0.98, "value_recall": 0.99, "exact_recall": 0.99},
        "market_size": {"precision": 0.97, "value_recall": 0.98, "exact_recall": 0.98},
        "growth_rate": {"precision": 0.97, "value_recall": 0.98, "exact_recall": 0.96},
        # exact recall 0.987 -> 0.977 when rank6 added eight pages of rankings, counts and
        # demand written from real pages before its rules: three shares of a survey round-up
        # ('picked by 71% of them', 'came second at 58%') are not read
        "share": {"precision": 0.98, "value_recall": 0.98, "exact_recall": 0.975},
        "responsibility": {"precision": 0.95, "value_recall": 0.97},
        "comparison": {"precision": 0.98, "value_recall": 0.98},
        "definition": {"precision": 0.98, "value_recall": 0.98},
        "skill": {"precision": 0.97, "value_recall": 0.975},
    },
    "heldout": {
        "skill": {"precision": 0.82, "value_recall": 0.98},
        "ranking": {"precision": 0.98},
        # exact recall 0.821 -> 0.804 when demand5 added four pages written before its rules
        # (job demand, rankings, counts) and scored only at the end
        # value recall 0.951 -> 0.890 and exact recall 0.843 -> 0.774 when rank6 added four
        # pages (rankings, counts, demand) written from real pages before its rules, scored
        # only at the end
        "numeric": {"precision": 0.95, "value_recall": 0.88, "exact_recall": 0.76},
        "qualitative": {"value_recall": 0.78},
    },
    "bundled": {
        "numeric": {"precision": 1.0, "value_recall": 1.0, "exact_recall": 1.0},
        "qualitative": {"precision": 0.95, "value_recall": 0.98},
        # precision 0.973 -> 0.958 when practices named in prose duties became skills (the
        # newer kept-aside sets' readers list them): the spun article's 'Information Science'
        # for data science is claimed in a second block, and 'work with data pipelines provided
        # by the data engineers' names ETL as the role's own
        "skill": {"precision": 0.955, "value_recall": 0.99},
        "responsibility": {"value_recall": 0.97},
        "comparison": {"value_recall": 0.93},
        "definition": {"value_recall": 0.98},
    },
}


# split -> scored qualifier -> measure -> floor, on numeric claims found by value.
QUALIFIER_FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "pages": {
        "year": {"precision": 0.95, "recall": 0.95},
        "city": {"precision": 0.97, "recall": 0.91},
        "pay_period": {"precision": 0.975, "recall": 0.96},
        "period_start": {"precision": 0.94, "recall": 0.80},
        "period_end": {"precision": 0.97, "recall": 0.77},
    },
    "bundled": {
        "year": {"precision": 0.98, "recall": 0.98},
        "pay_period": {"precision": 0.98, "recall": 0.98},
    },
}


def _load_quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


quality = _load_quality()


@pytest.fixture(scope="module", params=quality.SPLITS)
def run(request: pytest.FixtureRequest) -> Any:
    return quality.run_split(request.param)


def test_quality_floors(run: Any) -> None:
    summary = quality.summarize(run.results)
    for group, floors in FLOORS.get(run.split, {}).items():
        for measure, floor in floors.items():
            measured = summary[group][measure]
            assert measured is not None and measured >= floor, (
                f"{run.split} {group} {measure}: {measured} < floor {floor}\n"
                + quality.render_verbose(run.results)
            )


def test_qualifier_floors(run: Any) -> None:
    scores = quality.summarize_qualifiers(run.results)
    for name, floors in QUALIFIER_FLOORS.get(run.split, {}).items():
        for measure, floor in floors.items():
            measured = scores[name][measure]
            assert measured is not None and measured >= floor, (
                f"{run.split} {name} {measure}: {measured} < floor {floor}\n"
                + quality.render_verbose(run.results)
            )


def test_no_claim_is_rejected_and_no_quote_is_too_long(run: Any) -> None:
    checks = quality.health(run)
    assert checks["claims_rejected_by_validation"] == 0, run.extraction.rejected
    assert checks["quotes_over_400_chars"] == 0


def test_every_quote_is_the_documents_text(run: Any) -> None:
    texts = run.extraction.texts
    claims = run.extraction.batch.claims
    assert claims or run.split == "heldout"
    for claim in claims:
        text = texts[claim["source_id"]]
        assert claim["quote"] == text[claim["char_start"] : claim["char_end"]], claim


def test_no_page_fails_a_stage(run: Any) -> None:
    failures = [
        row
        for row in run.extraction.batch.rejections
        if row["stage"] in ("ingest", "parse", "extract")
    ]
    assert not failures
    names = {result.name for result in run.results}
    assert len(run.extraction.texts) == len(names)


@pytest.mark.parametrize("folder", sorted(quality.PAGE_DIRS.values()))
def test_pages_and_expected_files_pair_up(folder: Path) -> None:
    pages = {path.name for path in quality.fixture_pages(folder)}
    expected = {path.name.removesuffix(quality.EXPECTED_SUFFIX) for path in folder.glob("*.json")}
    assert pages == expected
    for name in pages:
        quality.load_expected(folder / (name + quality.EXPECTED_SUFFIX))


def test_expected_skills_use_canonical_names() -> None:
    from mlefacts.toml_files import load_data

    taxonomy = load_data("skills")
    canonical = {entry["name"] for entry in taxonomy["skill"]}
    files = [
        *quality.PAGE_DIRS["pages"].glob("*.json"),
        *quality.PAGE_DIRS["heldout"].glob("*.json"),
        *quality.BUNDLED_EXPECTED.glob("*.json"),
    ]
    for path in files:
        for claim in json.loads(path.read_text(encoding="utf-8")):
            if claim["kind"] == "skill":
                assert claim["text"] in canonical, (path.name, claim)


def _claim(**fields: Any) -> dict[str, Any]:
    base = {"kind": "salary", "subject": "machine learning engineer", "unit": "USD"}
    return {**base, "value_high": None, "qualifiers": "{}", **fields}


def test_value_match_needs_kind_unit_and_both_ends() -> None:
    expected = {"kind": "salary", "subject": "machine learning engineer", "value": 153000,
                "value_high": 199000, "unit": "USD"}  # fmt: skip
    match = quality.value_match
    assert match(expected, _claim(value=153500.0, value_high=199000.0))
    assert not match(expected, _claim(value=153000.0))
    assert not match(expected, _claim(value=153000.0, value_high=199000.0, unit="CAD"))
    assert not match(expected, _claim(kind="count", value=153000.0, value_high=199000.0))
    assert not match(expected, _claim(value=160000.0, value_high=199000.0))


def test_exact_match_needs_subject_and_level() -> None:
    expected = {"kind": "salary", "subject": "machine learning engineer", "value": 90000,
                "unit": "USD", "experience_level": "senior"}  # fmt: skip
    senior = json.dumps({"experience_level": "senior"})
    assert quality.exact_match(expected, _claim(value=90000.0, qualifiers=senior))
    assert not quality.exact_match(expected, _claim(value=90000.0))
    assert not quality.exact_match(
        expected, _claim(value=90000.0, qualifiers=senior, subject="data scientist")
    )
    market = {"kind": "market_size", "subject": "machine learning market", "value": 5e10,
              "unit": "USD"}  # fmt: skip
    claim = _claim(kind="market_size", subject="global machine learning markets", value=5e10)
    assert quality.exact_match(market, claim)


def test_pairing_is_one_to_one() -> None:
    expected = [{"kind": "skill", "text": "Python"}, {"kind": "skill", "text": "Python"}]
    published = [{"kind": "skill", "text": "Python", "qualifiers": "{}"}]
    result = quality.score_page("p", expected, published)
    assert len(result.value_pairs) == 1
    assert result.correct == {0}
    # the pairing finds the assignment that serves both expected claims
    pairs = quality.max_pairing(2, 2, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)}, {})
    assert pairs == {0: 1, 1: 0}


def test_qualifiers_are_scored_on_value_pairs_preferring_agreement() -> None:
    expected = [
        {"kind": "salary", "value": 90000, "unit": "USD", "year": 2025,
         "qualifiers": {"city": "Austin", "pay_period": "annual"}},
        {"kind": "salary", "value": 90000, "unit": "USD", "year": None,
         "qualifiers": {"city": "Dallas"}},
    ]  # fmt: skip
    published = [
        _claim(value=90000.0, year=None, qualifiers=json.dumps({"city": "Dallas"})),
        _claim(value=90000.0, year=2025.0, qualifiers=json.dumps({"category": "Austin"})),
    ]
    result = quality.score_page("p", expected, published)
    assert result.qualifier_pairs == {0: 1, 1: 0}
    scores = quality.summarize_qualifiers([result])
    assert scores["year"] == {"stated": 1, "published": 1, "right": 1, "precision": 1.0,
                              "recall": 1.0}  # fmt: skip
    assert scores["city"]["stated"] == 2 and scores["city"]["right"] == 1
    assert scores["city"]["precision"] == 1.0 and scores["city"]["recall"] == 0.5
    assert scores["pay_period"]["recall"] == 0.0 and scores["pay_period"]["precision"] is None


def test_command_line_prints_the_figures_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert quality.main(["--split", "bundled", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"bundled"}
    bundled = report["bundled"]
    assert bundled["pages"] == 3 and bundled["claims_rejected_by_validation"] == 0
    assert bundled["kinds"]["numeric"]["expected"] == 56
    assert set(bundled["qualifiers"]) == {"year", "city", "pay_period", "period_start",
                                          "period_end"}  # fmt: skip


def test_command_line_scores_a_folder_of_pages_kept_outside_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "uk_pay.md"
    page.write_text("# ML Engineer Salary in the UK\n\nML engineers in Leeds earn £64,000.\n")
    expected = [
        {"kind": "salary", "subject": "machine learning engineer", "value": 64000,
         "value_high": None, "unit": "GBP", "year": None, "experience_level": None,
         "qualifiers": {"city": "Leeds"}},
        {"kind": "salary", "subject": "machine learning engineer", "value": 99000,
         "value_high": None, "unit": "GBP", "year": None, "experience_level": None,
         "qualifiers": {}},
    ]  # fmt: skip
    (tmp_path / "uk_pay.md.expected.json").write_text(json.dumps(expected))
    assert quality.main(["--pages", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {str(tmp_path.resolve())}
    numeric = report[str(tmp_path.resolve())]["kinds"]["numeric"]
    assert (numeric["expected"], numeric["value_recall"], numeric["precision"]) == (2, 0.5, 1.0)

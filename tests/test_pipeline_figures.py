"""A run publishes `figures` beside `claims`, and the page's own metadata on its source."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import mlefacts
from mlefacts.document.model import Document
from mlefacts.extract import salary
from mlefacts.extract.claim import Claim
from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings
from mlefacts.staging import unclaim_rejected

PAGE = Path(__file__).parent / "fixtures" / "coverage" / "pay_page.html"


def _publish(tmp_path: Path, entry: str) -> duckdb.DuckDBPyConnection:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(PAGE, folder / "pay.html")
    (folder / "sources.toml").write_text(f'[[source]]\nuri = "pay.html"\n{entry}')
    settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    assert run_pipeline(settings).record.status == "completed"
    return mlefacts.connect(tmp_path / "data")


def test_every_claimed_figure_names_published_claims_that_quote_it(tmp_path: Path) -> None:
    con = _publish(tmp_path, "")
    rows = con.execute(
        "SELECT f.text, f.char_start, f.char_end, d.text, f.status, f.reason, f.claim_ids "
        "FROM figures f JOIN documents d USING (source_id) ORDER BY f.char_start"
    ).fetchall()
    claims = {
        claim_id: (start, end)
        for claim_id, start, end in con.execute(
            "SELECT claim_id, char_start, char_end FROM claims"
        ).fetchall()
    }
    assert rows
    for text, start, end, document, status, reason, claim_ids in rows:
        assert document[start:end] == text
        ids = json.loads(claim_ids)
        assert (status == "claimed") == bool(ids) and (reason is None) == bool(ids)
        for claim_id in ids:
            claim_start, claim_end = claims[claim_id]
            assert claim_start <= start and end <= claim_end
    reasons = {text.replace(",", ""): reason for text, *_, reason, _ in rows}
    assert reasons["$1999"] == "price_of_product"


def test_the_page_names_and_dates_a_source_the_manifest_does_not(tmp_path: Path) -> None:
    con = _publish(tmp_path, "")
    title, publisher, published = con.execute(
        "SELECT title, publisher, published FROM sources"
    ).fetchone()
    assert (publisher, published) == ("Northfield Careers", "2025-06-18")
    assert title == "Data roles pay guide | Northfield Careers"
    undated = con.execute("SELECT count(*), count(as_of) FROM claims WHERE year IS NULL").fetchone()
    assert undated[0] >= 1 and undated[0] == undated[1]
    assert con.execute("SELECT DISTINCT as_of FROM claims WHERE year IS NULL").fetchall() == [
        ("2025-06-18",)
    ]


def test_manifest_values_win_over_the_page(tmp_path: Path) -> None:
    con = _publish(
        tmp_path, 'title = "Pay guide"\npublisher = "Analyst desk"\npublished = 2024-01-31\n'
    )
    assert con.execute("SELECT title, publisher, published FROM sources").fetchone() == (
        "Pay guide",
        "Analyst desk",
        "2024-01-31",
    )


def test_a_figure_whose_claim_is_rejected_is_skipped_as_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claim can fail validation after extraction (here an extractor's bug gives its salary
    a year out of the schema's range): its figure must not stay `claimed` by an id `claims`
    lacks."""
    read = salary.extract

    def buggy(doc: Document) -> list[Claim]:
        return [replace(claim, year=2150) for claim in read(doc)]

    monkeypatch.setattr(salary, "extract", buggy)
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "pay.txt").write_text(
        "Machine Learning Engineer Salary\n\n"
        "The average machine learning engineer salary is $150,000 per year.\n"
    )
    (folder / "sources.toml").write_text('[[source]]\nuri = "pay.txt"\n')
    settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    run_pipeline(settings)
    con = mlefacts.connect(tmp_path / "data")
    assert con.execute("SELECT count(*) FROM claims WHERE value = 150000").fetchone() == (0,)
    rejected = con.execute("SELECT reason FROM rejections WHERE stage = 'validate'").fetchall()
    assert any("year" in reason for (reason,) in rejected)
    assert con.execute(
        "SELECT status, reason, claim_ids FROM figures WHERE text LIKE '$150,000%'"
    ).fetchall() == [("skipped", "rejected", "[]")]


def test_unclaim_rejected_keeps_the_ids_that_stayed() -> None:
    figures = pd.DataFrame(
        {
            "claim_ids": ['["c_a", "c_b"]', '["c_b"]', "[]", '["c_a"]'],
            "status": ["claimed", "claimed", "skipped", "claimed"],
            "reason": [None, None, "date", None],
        }
    )
    out = unclaim_rejected(figures, {"c_a"})
    assert out["claim_ids"].tolist() == ['["c_a"]', "[]", "[]", '["c_a"]']
    assert out["status"].tolist() == ["claimed", "skipped", "skipped", "claimed"]
    assert out["reason"].fillna("-").tolist() == ["-", "rejected", "date", "-"]
    assert unclaim_rejected(figures, {"c_a", "c_b"}) is figures

"""The real Prefect flow on the bundled sources: tables, exact quotes, identical re-runs."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from uuid import UUID

import pandas as pd
import pytest

import mlefacts
from mlefacts.flows.mlefacts_flow import mlefacts_run

pytestmark = pytest.mark.e2e

# Tables that are a pure function of the inputs; `runs` and `fetches` are logs with timestamps.
DETERMINISTIC = (
    "sources",
    "documents",
    "claims",
    "conflicts",
    "conflict_claims",
    "facts",
    "fact_claims",
    "consensus",
    "consensus_claims",
    "rejections",
)


def _digests(data_dir: Path) -> dict[str, str]:
    current = data_dir / "curated" / "current"
    return {
        name: hashlib.sha256((current / f"{name}.parquet").read_bytes()).hexdigest()
        for name in DETERMINISTIC
    }


@pytest.fixture(scope="module")
def published(prefect_harness: None, bundled_manifest: Path, tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("e2e")
    summary = mlefacts_run(settings={"sources": str(bundled_manifest), "data_dir": str(data_dir)})
    assert summary["status"] == "completed", summary
    return data_dir


def test_every_source_is_published_with_its_exact_bytes_hash(
    published: Path, bundled_manifest: Path
) -> None:
    sources = mlefacts.load("sources", published)
    assert len(sources) == 3
    assert set(sources["status"]) == {"ok"}
    for row in sources.itertuples():
        data = (bundled_manifest.parent / row.uri).read_bytes()
        assert row.content_sha256 == hashlib.sha256(data).hexdigest()


def test_every_quote_equals_the_document_text_at_its_offsets(published: Path) -> None:
    claims = mlefacts.load("claims", published)
    documents = mlefacts.load("documents", published).set_index("source_id")["text"]
    assert len(claims) > 100
    for claim in claims.itertuples():
        text = documents[claim.source_id]
        assert text[claim.char_start : claim.char_end] == claim.quote, claim.claim_id
    assert claims["claim_id"].is_unique
    assert claims["run_id"].nunique() == 1
    assert claims["extractor_version"].notna().all()


def test_each_bundled_article_yields_the_kinds_a_reader_finds(published: Path) -> None:
    claims = mlefacts.load("claims", published)
    sources = mlefacts.load("sources", published).set_index("uri")["source_id"]
    kinds = claims.groupby("source_id")["kind"].agg(set)
    assert {"salary", "market_size", "growth_rate", "job_demand", "responsibility", "skill"} <= (
        kinds[sources["000_0537a7d22cde5948.txt"]]
    )
    assert {"share", "ranking", "count", "salary", "market_size", "comparison"} <= (
        kinds[sources["001_7c46695f4dd9700d.txt"]]
    )
    assert {"responsibility", "skill"} <= kinds[sources["002_00441e875b9b6758.txt"]]


def test_the_catalog_answers_sql_with_typed_views(published: Path) -> None:
    con = mlefacts.connect(published)
    (n,) = con.execute("SELECT count(*) FROM salaries WHERE currency = 'INR'").fetchone()
    assert n >= 6
    market = con.execute(
        "SELECT value, year FROM market_estimates WHERE kind = 'market_size' ORDER BY year"
    ).fetchall()
    assert (39986700000.0, 2025) in market


def test_a_rerun_publishes_byte_identical_tables(published: Path, bundled_manifest: Path) -> None:
    before = _digests(published)
    summary = mlefacts_run(settings={"sources": str(bundled_manifest), "data_dir": str(published)})
    assert summary["n_cached"] == 3 and summary["n_extracted"] == 0
    assert "unchanged" in summary["message"]
    assert _digests(published) == before
    snapshots = sorted((published / "curated" / "snapshots").iterdir())
    assert len(snapshots) == 1  # a new snapshot (new runs row, same tables) replaced the first
    runs = mlefacts.load("runs", published)
    assert len(runs) == 2 and runs["run_id"].nunique() == 1


def test_a_fresh_data_dir_publishes_the_same_bytes(
    published: Path, bundled_manifest: Path, tmp_path: Path
) -> None:
    summary = mlefacts_run(settings={"sources": str(bundled_manifest), "data_dir": str(tmp_path)})
    assert summary["n_extracted"] == 3
    assert _digests(tmp_path) == _digests(published)


def test_bad_sources_are_recorded_and_the_rest_published(
    prefect_harness: None, bundled_manifest: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(bundled_manifest.parent / "002_00441e875b9b6758.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    manifest = folder / "sources.toml"
    manifest.write_text(
        "\n".join(
            f'[[source]]\nuri = "{name}"\n'
            for name in ("good.txt", "missing.txt", "empty.txt", "binary.html")
        ),
        encoding="utf-8",
    )
    summary = mlefacts_run(
        settings={
            "sources": str(manifest),
            "data_dir": str(tmp_path / "data"),
            "run": {"fail_on": "never"},
        }
    )
    assert summary["status"] == "completed_with_errors" and summary["fail_reason"] is None
    assert summary["n_sources_failed"] == 3
    sources = mlefacts.load("sources", tmp_path / "data").set_index("uri")
    assert sources.loc["good.txt", "status"] == "ok"
    for bad in ("missing.txt", "empty.txt", "binary.html"):
        assert sources.loc[bad, "status"] == "error"
        assert sources.loc[bad, "error"]
    rejections = mlefacts.load("rejections", tmp_path / "data")
    by_source = rejections.merge(sources.reset_index()[["source_id", "uri"]], on="source_id")
    assert set(by_source["uri"]) >= {"missing.txt", "empty.txt", "binary.html"}
    claims = mlefacts.load("claims", tmp_path / "data")
    assert (claims["source_id"] == sources.loc["good.txt", "source_id"]).all()
    assert len(claims) > 10
    records = [json.loads(r) for r in rejections["record"]]
    assert all(record is not None for record in records)


def test_the_flow_file_runs_as_a_script(bundled_manifest: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    flow_file = Path(__file__).resolve().parents[1] / "flows" / "mlefacts_flow.py"
    result = subprocess.run(
        [
            sys.executable,
            str(flow_file),
            "--sources",
            str(bundled_manifest),
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "completed" in result.stdout
    assert pd.read_parquet(tmp_path / "curated" / "current" / "claims.parquet").shape[0] > 100


def _artifacts(flow_run_id: str) -> dict[str, object]:
    """The artifacts one flow run created, by key."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    only_this_run = ArtifactFilterFlowRunId(any_=[UUID(flow_run_id)])
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=only_this_run))
    return {artifact.key: artifact for artifact in artifacts}


def test_every_run_leaves_a_summary_and_its_new_conflicts_as_prefect_artifacts(
    published: Path, bundled_manifest: Path
) -> None:
    mlefacts_run(settings={"sources": str(bundled_manifest), "data_dir": str(published)})
    runs = mlefacts.load("runs", published)
    first, last = (_artifacts(runs["flow_run_id"].iloc[i]) for i in (0, -1))
    keys = {"mlefacts-run-summary", "mlefacts-new-conflicts"}
    assert set(first) == keys and set(last) == keys
    assert "claims:" in first["mlefacts-run-summary"].data

    # The first run found every conflict: a table of them.
    conflicts = mlefacts.load("conflicts", published)
    assert len(conflicts) > 0
    assert first["mlefacts-new-conflicts"].type == "table"
    table = json.loads(first["mlefacts-new-conflicts"].data)
    assert {row["detail"] for row in table} == set(conflicts["detail"])

    # A later run on the same inputs found none, and says so.
    assert last["mlefacts-new-conflicts"].type == "markdown"
    assert "No new conflicts" in last["mlefacts-new-conflicts"].data
    assert f"{len(conflicts)} conflict(s) in all" in last["mlefacts-new-conflicts"].data


def test_the_new_conflicts_artifact_shows_the_most_severe_and_says_how_many_in_all(
    prefect_harness: None,
    bundled_manifest: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mlefacts.flows import mlefacts_flow

    monkeypatch.setattr(mlefacts_flow, "ARTIFACT_CONFLICTS", 2)
    mlefacts_run(settings={"sources": str(bundled_manifest), "data_dir": str(tmp_path)})
    conflicts = mlefacts.load("conflicts", tmp_path)
    assert len(conflicts) > 2
    artifact = _artifacts(mlefacts.load("runs", tmp_path)["flow_run_id"].iloc[-1])
    table = artifact["mlefacts-new-conflicts"]
    rows = json.loads(table.data)
    assert len(rows) == 2
    rank = {"error": 0, "warning": 1, "info": 2}
    worst = sorted(conflicts["severity"], key=rank.__getitem__)[:2]
    assert [row["severity"] for row in rows] == worst
    assert f"the 2 most severe of {len(conflicts)}" in table.description

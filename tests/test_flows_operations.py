"""Operating the flow for real: web sources that change or fail, schedules (the runners are
in `test_runners`)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import mlefacts
from mlefacts.flows.mlefacts_flow import mlefacts_run
from mlefacts.publish.diff import diff_snapshots

pytestmark = pytest.mark.e2e

PAGE = """<html><head><title>ML engineer pay</title></head><body>
<nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav>
<article><h1>Machine Learning Engineer salaries</h1>
<p>According to Payscale, the median salary of a machine learning engineer in the United States
is {salary} per year.</p>
<h2>Responsibilities of a Machine Learning Engineer</h2>
<ul><li>Deploy machine learning models into production.</li>
<li>Monitor model performance and retrain models when data drifts.</li></ul>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def _serve(httpserver: HTTPServer, body: bytes, status: int = 200) -> None:
    """Serve the page (and a robots.txt that allows everything) from a clean server."""
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/pay.html").respond_with_data(
        body, status=status, content_type="text/html"
    )


def _manifest(folder: Path, url: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "sources.toml"
    manifest.write_text(f'[[source]]\nuri = "{url}"\ntitle = "ML engineer pay"\n')
    return manifest


def _run(manifest: Path, data_dir: Path, fail_on: str = "errors") -> dict:
    return mlefacts_run(settings=_settings(manifest, data_dir, fail_on))


def _settings(manifest: Path, data_dir: Path, fail_on: str = "errors") -> dict:
    return {
        "sources": str(manifest),
        "data_dir": str(data_dir),
        "run": {"fail_on": fail_on},
        "fetch": {"allow_private_hosts": True},
    }


def _salaries(data_dir: Path) -> list[float]:
    claims = mlefacts.load("claims", data_dir)
    return sorted(claims.loc[claims["kind"] == "salary", "value"])


def test_a_page_that_changes_keeps_both_versions_and_the_diff_shows_it(
    prefect_harness: None, httpserver: HTTPServer, tmp_path: Path
) -> None:
    manifest = _manifest(tmp_path / "m", httpserver.url_for("/pay.html"))
    data_dir = tmp_path / "data"
    first = PAGE.format(salary="$150,000").encode()
    _serve(httpserver, first)
    assert _run(manifest, data_dir)["status"] == "completed"
    assert _salaries(data_dir) == [150000.0]

    second = PAGE.format(salary="$165,000").encode()
    _serve(httpserver, second)
    assert _run(manifest, data_dir)["status"] == "completed"
    assert _salaries(data_dir) == [165000.0]

    objects = data_dir / "raw" / "objects"
    for version in (first, second):
        sha = hashlib.sha256(version).hexdigest()
        assert (objects / sha[:2] / sha).read_bytes() == version
    changes = diff_snapshots(data_dir / "curated")
    salary_changes = changes[changes["kind"] == "salary"]
    assert not salary_changes.empty
    assert {150000.0, 165000.0} <= set(salary_changes["old_value"]) | set(
        salary_changes["new_value"]
    )
    fetches = mlefacts.load("fetches", data_dir)
    assert len(fetches) == 2 and fetches["content_sha256"].nunique() == 2


def test_a_failing_source_fails_the_flow_run_and_keeps_its_last_good_claims_marked_stale(
    prefect_harness: None, httpserver: HTTPServer, tmp_path: Path
) -> None:
    from prefect.client.orchestration import get_client

    manifest = _manifest(tmp_path / "m", httpserver.url_for("/pay.html"))
    data_dir = tmp_path / "data"
    page = PAGE.format(salary="$150,000").encode()
    _serve(httpserver, page)
    _run(manifest, data_dir)
    before = mlefacts.load("claims", data_dir)

    _serve(httpserver, b"gone", status=404)
    state = mlefacts_run(settings=_settings(manifest, data_dir), return_state=True)
    # What Prefect's API (and so its UI, automations and notifications) sees: a Failed run.
    with get_client(sync_client=True) as client:
        stored = client.read_flow_run(state.state_details.flow_run_id)
    assert stored.state is not None and stored.state.is_failed(), stored.state
    assert "1 of 1 sources failed" in (stored.state.message or "")
    summary = state.result(raise_on_failure=False)
    assert summary["status"] == "completed_with_errors"
    assert summary["fail_reason"].startswith("1 of 1 sources failed")
    sources = mlefacts.load("sources", data_dir)
    assert sources.loc[0, "status"] == "error" and "404" in sources.loc[0, "error"]
    assert bool(sources.loc[0, "stale"]) and sources.loc[0, "last_confirmed_at"]
    after = mlefacts.load("claims", data_dir)
    assert set(after["claim_id"]) == set(before["claim_id"])
    assert after["stale"].all()
    runs = mlefacts.load("runs", data_dir)
    assert list(runs["status"]) == ["completed", "completed_with_errors"]

    # The same outcome with --fail-on never: a Completed flow run.
    assert _run(manifest, data_dir, fail_on="never")["fail_reason"] is None


def test_a_scheduled_deployment_carries_the_cron_and_its_run_completes(
    prefect_harness: None, bundled_manifest: Path, tmp_path: Path
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    from mlefacts.flows.scheduling import Schedule, scheduled_deployment
    from mlefacts.settings import load_settings

    deployment = scheduled_deployment(
        schedule=Schedule("0 6 * * *"),
        name="daily-test",
        settings=load_settings(env={}, sources=bundled_manifest, data_dir=tmp_path),
    )
    deployment_id = deployment.apply()
    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
        assert [s.schedule.cron for s in stored.schedules] == ["0 6 * * *"]
        assert [s.schedule.timezone for s in stored.schedules] == ["UTC"]
        assert stored.parameters["settings"]["data_dir"] == str(tmp_path.resolve())
        flow_run = client.create_flow_run_from_deployment(deployment_id)

    # Executed the way a worker or an operator would: Prefect's public CLI, in its own process.
    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    subprocess.run(
        [sys.executable, "-m", "prefect", "flow-run", "execute", str(flow_run.id)],
        env=env,
        check=True,
        timeout=300,
    )

    with get_client(sync_client=True) as client:
        finished = client.read_flow_run(flow_run.id)
    assert finished.state is not None and finished.state.is_completed(), finished.state
    assert len(mlefacts.load("claims", tmp_path)) > 100

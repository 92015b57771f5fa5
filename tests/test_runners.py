"""Whatever runs the batches (threads, worker processes, a Dask cluster) and however many there
are, a run publishes the same bytes; and a worker process killed mid-batch fails its run
only: the previous snapshot stays current and the next run succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from support.corpus import digests, generator

import mlefacts
from mlefacts import runner as plain_runner
from mlefacts.flows import mlefacts_flow
from mlefacts.flows.workers import WorkerPool
from mlefacts.publish.snapshots import current_snapshot
from mlefacts.runs import run_history
from mlefacts.sources.rawzone import RawZone

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A manifest of 24 generated pages (HTML, text and markdown), plus one that is missing."""
    folder = tmp_path_factory.mktemp("corpus")
    manifest = generator().generate_corpus(folder, 24, seed=11, text_fraction=0.3)
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write('\n[[source]]\nuri = "articles/missing.html"\n')
    return manifest


def test_every_runner_and_batch_size_publishes_the_same_bytes(
    prefect_harness: None, corpus: Path, tmp_path: Path
) -> None:
    found = {}
    for runner, batch_size in (("threads", 100), ("processes", 4), ("dask", 7), ("threads", 5)):
        data_dir = tmp_path / f"{runner}-{batch_size}"
        summary = mlefacts.run(
            sources=corpus,
            data_dir=data_dir,
            runner=runner,
            batch_size=batch_size,
            fail_on="never",
            dask_workers=2,  # a LocalCluster of two processes whatever the cores
        )
        assert summary.status == "completed_with_errors", summary  # the missing page
        assert summary.n_claims > 300
        assert not (data_dir / "staging").exists()
        found[(runner, batch_size)] = digests(data_dir)
    first = next(iter(found.values()))
    for key, tables in found.items():
        assert tables == first, key


def test_reconciles_its_parts_on_worker_processes_and_publishes_the_same_bytes(
    prefect_harness: None, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plain_runner, "RECONCILE_PART_ROWS", 100)  # several parts
    monkeypatch.setattr(mlefacts_flow, "n_worker_processes", lambda: 2)  # whatever the cores
    handed: list[tuple[bool, str, int]] = []  # (to a started pool, what, the pool's size)
    run = WorkerPool.run

    def watched(self, function, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        handed.append((self._pool is not None, function.__name__, self.max_workers))
        return run(self, function, *args, **kwargs)

    sized: list[int] = []  # the reconcile pools' sizes, as `reconcile_workers` gave them

    def workers_for(processes: int, largest: int) -> int:
        sized.append(plain_runner.reconcile_workers(processes, largest))
        return sized[-1]

    monkeypatch.setattr(WorkerPool, "run", watched)
    monkeypatch.setattr(mlefacts_flow, "reconcile_workers", workers_for)
    monkeypatch.setattr(plain_runner, "RECONCILE_CLAIMS_AT_ONCE", 10**9)  # whatever the parts
    found = {}
    for name in ("threads", "processes"):
        mlefacts.run(sources=corpus, data_dir=tmp_path / name, runner=name, fail_on="never")
        found[name] = digests(tmp_path / name)
    assert found["processes"] == found["threads"]
    parts = [(pooled, size) for pooled, what, size in handed if what == "reconcile_tables"]
    assert len(parts) > 2 and all(pooled for pooled, _ in parts), handed
    assert sized == [2] and {size for _, size in parts} == {2}
    # Parts too large to hold two at once: one at a time in the flow's process.
    monkeypatch.setattr(plain_runner, "RECONCILE_CLAIMS_AT_ONCE", 0)
    handed.clear()
    mlefacts.run(sources=corpus, data_dir=tmp_path / "one", runner="processes", fail_on="never")
    assert digests(tmp_path / "one") == found["threads"]
    assert sized == [2, 1] and not [what for _, what, _ in handed if what == "reconcile_tables"]


def test_a_killed_reconcile_worker_fails_its_run_and_the_next_run_succeeds(
    prefect_harness: None, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    mlefacts.run(sources=corpus, data_dir=data_dir, runner="threads", fail_on="never")
    published = current_snapshot(data_dir / "curated")
    before = digests(data_dir)
    # One batch (no worker process extracts), reconciled in parts: every worker is reconcile's.
    monkeypatch.setattr(plain_runner, "RECONCILE_PART_ROWS", 100)
    monkeypatch.setattr(plain_runner, "RECONCILE_CLAIMS_AT_ONCE", 10**9)  # whatever the parts
    monkeypatch.setattr(mlefacts_flow, "n_worker_processes", lambda: 2)
    more = corpus.with_name("more.toml")
    (corpus.parent / "more.html").write_text("<p>ML engineers earn $171,000 a year.</p>")
    more.write_text(corpus.read_text(encoding="utf-8") + '\n[[source]]\nuri = "more.html"\n')
    killed: list[int] = []
    ended = threading.Event()

    def kill_the_first_worker() -> None:
        while not ended.is_set() and not (workers := _workers()):
            time.sleep(0.02)
        for worker in workers[:1]:
            os.kill(worker.pid, signal.SIGKILL)
            killed.append(worker.pid)

    killer = threading.Thread(target=kill_the_first_worker)
    killer.start()
    try:
        with pytest.raises(Exception):  # noqa: B017 - whatever the pool reports, the run fails
            mlefacts.run(sources=more, data_dir=data_dir, runner="processes", fail_on="never")
    finally:
        ended.set()
        killer.join()
    assert killed, "no worker was killed"
    _assert_the_run_failed_and_kept_the_snapshot(data_dir, published, before)

    summary = mlefacts.run(sources=more, data_dir=data_dir, runner="processes", fail_on="never")
    assert current_snapshot(data_dir / "curated") != published
    assert summary.n_claims > 300
    assert (mlefacts.load("claims", data_dir)["value"] == 171_000).any()


def _assert_the_run_failed_and_kept_the_snapshot(
    data_dir: Path, published: str | None, before: dict[str, str]
) -> None:
    assert current_snapshot(data_dir / "curated") == published
    assert digests(data_dir) == before
    assert run_history(data_dir / "raw")[-1]["status"] == "failed"
    assert not (data_dir / "staging").exists()


def _workers() -> list[psutil.Process]:
    """The worker processes of this test's process pool (not Prefect's server, not the
    resource tracker)."""
    return [
        child
        for child in psutil.Process().children(recursive=True)
        if "spawn_main" in " ".join(child.cmdline())
    ]


def _kill_busiest_worker_once_a_shard_exists(staging: Path, killed: list[int]) -> None:
    """Wait until batches have written shards while the slow batch still extracts, then
    SIGKILL the worker using the most CPU (the one extracting the slow page)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if any(staging.glob("*/claims/*.parquet")):
            workers = _workers()
            before = {worker.pid: sum(worker.cpu_times()[:2]) for worker in workers}
            time.sleep(0.5)
            if workers:
                busiest = max(workers, key=lambda w: sum(w.cpu_times()[:2]) - before[w.pid])
                os.kill(busiest.pid, signal.SIGKILL)
                killed.append(busiest.pid)
                return
        time.sleep(0.05)


def test_a_killed_worker_fails_its_run_and_the_next_run_succeeds(
    prefect_harness: None, corpus: Path, tmp_path: Path
) -> None:
    folder = corpus.parent
    data_dir = tmp_path / "data"
    mlefacts.run(sources=corpus, data_dir=data_dir, runner="threads", fail_on="never")
    published = current_snapshot(data_dir / "curated")
    before = digests(data_dir)

    rows = "".join(f"<tr><td>City{i}</td><td>${90_000 + i:,}</td></tr>" for i in range(40_000))
    (folder / "slow.html").write_text(f"<table><tr><th>City</th><th>Salary</th></tr>{rows}</table>")
    slow = folder / "slow.toml"
    slow.write_text('[[source]]\nuri = "slow.html"\n\n' + corpus.read_text(encoding="utf-8"))
    killed: list[int] = []
    killer = threading.Thread(
        target=_kill_busiest_worker_once_a_shard_exists, args=(data_dir / "staging", killed)
    )
    killer.start()
    try:
        with pytest.raises(Exception):  # noqa: B017 - whatever the pool reports, the run fails
            mlefacts.run(
                sources=slow, data_dir=data_dir, runner="processes", batch_size=1, fail_on="never"
            )
    finally:
        killer.join()
    assert killed, "no worker was killed"
    _assert_the_run_failed_and_kept_the_snapshot(data_dir, published, before)
    assert next(RawZone(data_dir / "raw").fetch_log(), None) is not None  # the raw zone reads

    (folder / "slow.html").write_text("<p>Machine learning engineers earn $150,000 a year.</p>")
    summary = mlefacts.run(sources=slow, data_dir=data_dir, runner="processes", fail_on="never")
    assert summary.status == "completed_with_errors", summary
    assert current_snapshot(data_dir / "curated") != published
    claims = mlefacts.load("claims", data_dir)
    assert (claims["value"] == 150_000).any()


def test_worker_processes_report_to_the_runs_temporary_server(corpus: Path, tmp_path: Path) -> None:
    """Without PREFECT_API_URL, `mlefacts run` starts one temporary server and its worker
    processes use it (a worker starting a server of its own costs seconds and memory each)."""
    # Only the Prefect settings of this test: an earlier test's `mlefacts run` in this process
    # may have set PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL=WARNING (no console lines to count).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    command = [str(Path(sys.executable).parent / "mlefacts"), "run", "--verbose"]
    options = ["--sources", str(corpus), "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(
        [*command, *options, "--batch-size", "9", "--fail-on", "never"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert output.count("Starting temporary server") == 1, output[-3000:]
    assert output.count("Task run 'extract-") >= 3, output[-3000:]  # ran in the workers (3 batches)

"""The mlefacts Prefect flow: batches ingest, extract, validate and write shards; then the
whole run reconciles and publishes.

Wiring only: every task calls a plain function of `mlefacts`. Run it with `mlefacts run` or
`python flows/mlefacts_flow.py [--config mlefacts.toml] [--sources MANIFEST] [--data-dir DIR]`.
"""

from __future__ import annotations

from mlefacts.flows.prefect_defaults import apply_prefect_defaults
from mlefacts.pattern_cache import install as install_pattern_cache

apply_prefect_defaults()
install_pattern_cache()  # a deployment's run process: before the pipeline compiles its patterns

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd
from prefect import Flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import State
from prefect.futures import PrefectFuture, as_completed, wait
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL
from prefect.states import Completed, Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from mlefacts.fail_on import failure_reason
from mlefacts.flows.server import use_api
from mlefacts.flows.workers import (
    in_worker,
    prepare_reconcile_worker,
    start_workers,
    stop_workers,
    worker_pool,
)
from mlefacts.pipeline import (
    Batches,
    IngestBatch,
    RunInputs,
    extract_batch,
    ingest_batch,
)
from mlefacts.publish.lock import RunLockedError
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.shards import Reconciled, ReconcilePart, reconcile_tables
from mlefacts.report.summary import new_conflicts_markdown, run_summary_markdown
from mlefacts.results import RunReport
from mlefacts.runner import (
    SHOWN_CONFLICTS,
    GoOn,
    RunOutcome,
    Stages,
    publish_tables,
    publish_unchanged_tables,
    reconcile_workers,
    run_pipeline,
)
from mlefacts.settings import Settings, settings_from_dict
from mlefacts.sources.manifest import SourceSpec
from mlefacts.staging import BatchSummary

T = TypeVar("T")


@task(name="ingest", cache_policy=NO_CACHE)
def ingest(
    batch: list[SourceSpec], settings: Settings, fingerprint: str, n_batches: int
) -> IngestBatch:
    """One batch of sources: read or fetch into the raw zone, check that each is text. The
    first source with new content starts the run's worker processes (they import meanwhile)."""
    ingested = ingest_batch(
        batch,
        settings=settings,
        fingerprint=fingerprint,
        on_new=lambda: start_workers(n_batches),
    )
    get_run_logger().info("ingest: %s", ingested.describe())
    return ingested


@task(name="extract", cache_policy=NO_CACHE)
def extract(batch: IngestBatch, settings: Settings, fingerprint: str, index: int) -> BatchSummary:
    """One batch of ingested sources: parse, extract (or reuse the cached extraction),
    validate, and write the rows as shards (on a worker process of the run, if it has them);
    returns counts and shard paths only."""
    return in_worker(extract_batch, batch, settings=settings, fingerprint=fingerprint, index=index)


@task(name="reconcile", cache_policy=NO_CACHE)
def reconcile(
    claims: Iterable[pd.DataFrame],
    sources: pd.DataFrame,
    run_id: str,
    config: ReconcileConfig,
    folder: Path,
) -> Reconciled:
    """Conflicts between and within sources, facts with a preferred value, consensus groups
    of one part of the claims (frames read as they are used), written into `folder` (on a
    worker process of reconcile, if it has them); returns their files."""
    return in_worker(reconcile_tables, claims, sources, run_id=run_id, folder=folder, config=config)


def reconcile_stage(
    parts: Iterator[ReconcilePart], run_id: str, config: ReconcileConfig, *, processes: int | None
) -> list[Reconciled]:
    """`mlefacts.reconcile.shards.reconcile_parts` as Prefect tasks. With more than one part
    and more than one of `processes` (the 'processes' runner), the parts run on worker
    processes started for reconcile (the batch stage's, ~340 MB each by then, have stopped),
    one per part up to `processes` and as many as parts of the run's largest size may be
    reconciled at once (`reconcile_workers`): each part is handed over as a file of its claims
    (`PartRows.write`) as soon as a process is free, and the flow writes the next while they
    reconcile. Otherwise (one part, one process, or parts too large to hold two at once) one
    after another in the flow's process. The results come in the parts' order either way."""
    opening = deque(islice(parts, processes or 1))
    fit = reconcile_workers(len(opening), opening[0].largest) if len(opening) > 1 else 1
    n_workers = fit if fit > 1 else None
    pending = chain(_drained(opening), parts)  # an opening part is let go once handed over
    with worker_pool(n_workers, prepare_reconcile_worker) as workers:
        if workers is None:
            return [
                reconcile(part.claims, part.sources, run_id, config, part.folder)
                for part in pending
            ]
        workers.start(workers.max_workers)
        results: dict[int, Reconciled] = {}
        with ThreadPoolTaskRunner(max_workers=workers.max_workers) as threads:
            running: dict[PrefectFuture[Reconciled], int] = {}
            for index, part in enumerate(pending):
                if len(running) == workers.max_workers:
                    done = next(as_completed(list(running)))
                    results[running.pop(done)] = done.result()
                part.folder.mkdir(parents=True)
                parameters = {
                    # Written into a file here and read from it there, a frame at a time.
                    "claims": quote(part.claims.write(part.folder / "claims.arrow")),
                    "sources": quote(part.sources),
                    "run_id": run_id,
                    "config": config,
                    "folder": part.folder,
                }
                running[threads.submit(reconcile, parameters)] = index
            results |= {index: future.result() for future, index in running.items()}
        return [results[index] for index in sorted(results)]


def _drained(items: deque[T]) -> Iterator[T]:
    """The items, each taken out of `items` as it is given."""
    while items:
        yield items.popleft()


publish = task(name="publish", cache_policy=NO_CACHE)(publish_tables)
publish_unchanged = task(name="publish-unchanged", cache_policy=NO_CACHE)(publish_unchanged_tables)

RUNNERS = ("processes", "threads", "dask")


def task_runner(
    runner: str = "processes", *, dask_address: str | None = None, dask_workers: int | None = None
) -> TaskRunner:  # type: ignore[type-arg]
    """The task runner of the batch stages: threads of the flow's process (for 'processes',
    one per core, each handing its batch to the run's worker processes, `worker_pool`; for
    'threads', doing the work itself), or a Dask cluster (a LocalCluster of `dask_workers`
    processes, or the scheduler at `dask_address`). Every runner publishes the same bytes."""
    if dask_address and runner != "dask":
        raise ValueError("--dask-address needs --runner dask")
    if runner == "processes":
        return ThreadPoolTaskRunner(max_workers=n_worker_processes())
    if runner == "threads":
        return ThreadPoolTaskRunner()
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        workers = dask_workers or os.cpu_count() or 1
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1})
    raise ValueError(f"unknown runner {runner!r}: use one of {', '.join(RUNNERS)}")


def n_worker_processes() -> int:
    """Worker processes of the 'processes' runner: one per core."""
    return os.cpu_count() or 1


# Ingest fetches pages on this many threads of the flow's process (network waits). Reading local
# files is CPU-bound Python under the GIL: more than one thread only adds contention (measured:
# 2,000 files cost 1.5 CPU seconds on one thread, 4.2 on eight). Either way ingest runs in the
# flow's process, so a run whose sources are all unchanged starts no worker process at all.
FETCH_THREADS = 8


def _ingest_threads(batches: Batches) -> int:
    return min(FETCH_THREADS if batches.fetches else 1, len(batches))


# The ingested batches handed to the task runner and not yet extracted, at most: ingest waits
# for the oldest before it goes on, so that the flow holds a few batches of ingest results
# (~200 KB each) instead of every source of the run (~36 MB at 100,000), and reads no file
# long before a worker needs it. Enough to keep 16 workers busy.
EXTRACT_AHEAD = 32


def _batch_stage(
    batches: Batches,
    settings: Settings,
    fingerprint: str,
    go_on: GoOn,
    *,
    extractors: TaskRunner,  # type: ignore[type-arg]
) -> list[BatchSummary] | None:
    """`mlefacts.runner.run_batches` as Prefect tasks: ingest on threads, each batch with
    sources to extract handed to `extractors` (the task runner the run's settings name,
    started by the flow) as soon as it is ingested (the run's worker processes start with the
    first, and at most `EXTRACT_AHEAD` batches are handed over and not extracted), the others
    once `go_on` says the run goes on.

    A batch's specs and the settings go to the ingest tasks `quote`d: they hold no future,
    and Prefect would otherwise walk every field of every source twice per task run to look
    for one. (Not to extract: on a Dask worker a quoted value arrives as a plain tuple.)"""
    inputs = RunInputs()
    waiting: dict[int, IngestBatch] = {}
    extracting: dict[int, PrefectFuture[BatchSummary]] = {}
    ahead: deque[PrefectFuture[BatchSummary]] = deque()

    def submit(index: int, batch: IngestBatch) -> None:
        if len(ahead) == EXTRACT_AHEAD:
            ahead.popleft().result()  # a failed batch fails the run now
        parameters = {
            "batch": batch,
            "settings": settings,
            "fingerprint": fingerprint,
            "index": index,
        }
        extracting[index] = extractors.submit(extract, parameters)
        ahead.append(extracting[index])

    try:
        n_threads = _ingest_threads(batches)
        with ThreadPoolTaskRunner(max_workers=n_threads) as threads:
            ingesting: deque[PrefectFuture[IngestBatch]] = deque()
            for index in range(len(batches)):
                # Every ingest thread stays busy with a batch after the one awaited.
                while len(ingesting) <= n_threads and index + len(ingesting) < len(batches):
                    specs = batches[index + len(ingesting)]
                    parameters = {
                        "batch": quote(specs),
                        "settings": quote(settings),
                        "fingerprint": fingerprint,
                        "n_batches": len(batches),
                    }
                    ingesting.append(threads.submit(ingest, parameters))
                batch = ingesting.popleft().result()
                inputs.add(batch)
                if batch.n_new:
                    submit(index, batch)
                else:
                    waiting[index] = batch
        going_on = go_on(inputs)
        if going_on:
            for index, batch in waiting.items():
                submit(index, batch)
        summaries = [extracting[index].result() for index in sorted(extracting)]
    except BaseException:
        # The run fails and removes its staging area: first every batch still running ends.
        stop_workers()
        wait(list(extracting.values()))
        raise
    # Every batch is done: the workers' memory is freed before the whole-run stages take theirs.
    stop_workers()
    return summaries if going_on else None


def prefect_stages(extractors: TaskRunner, processes: int | None) -> Stages:  # type: ignore[type-arg]
    """The stages of a flow run: extraction batches on `extractors` (worker processes, threads
    or Dask workers); ingest on threads; reconcile's parts on `processes` worker processes
    (none: in the flow's process); the other whole-run stages in the flow's process."""
    return Stages(
        batches=partial(_batch_stage, extractors=extractors),
        reconcile=partial(reconcile_stage, processes=processes),
        publish=publish,
        publish_unchanged=publish_unchanged,
    )


class SettingsFlow(Flow[..., State]):
    """A flow whose parameters JSON holds as they are (the mlefacts flow's one parameter is
    `Settings.to_dict()`): Prefect stores a flow run's parameters through FastAPI's
    `jsonable_encoder`, and importing FastAPI for it cost a small run ~0.25 s of CPU; other
    values are left to Prefect's own encoding."""

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        try:
            return cast(dict[str, Any], json.loads(json.dumps(parameters, allow_nan=False)))
        except (TypeError, ValueError):
            return super().serialize_parameters(parameters)

    def with_options(self, **options: Any) -> SettingsFlow:
        """Prefect's `with_options`, as a flow of this class (Prefect's makes a plain `Flow`)."""
        flow = super().with_options(**options)
        flow.__class__ = SettingsFlow
        return cast(SettingsFlow, flow)


@partial(SettingsFlow, name="mlefacts-run")
def mlefacts_run(settings: dict[str, Any] | None = None) -> State:
    """Ingest the sources of a manifest and publish curated, validated tables of claims.

    `settings` is the run's `Settings` as `Settings.to_dict()` gives them (the shape of a
    mlefacts.toml file; a key not given takes its default); the batches run on the task runner
    they name (`run.runner`), however the flow is started. The flow run ends Failed when the
    run counts as failed under `run.fail_on` (by default: a source failed), with the data still
    published; its result is `RunReport.to_dict()`. A run refused by another run's lock ends
    Failed without a traceback.
    """
    resolved = settings_from_dict(settings or {})
    run = resolved.run
    processes = n_worker_processes() if run.runner == "processes" else None
    # The runner comes from the settings, not the decorator: Prefect loads a deployed flow
    # (each run of `mlefacts schedule`) afresh from this module, so only the settings reach
    # every run. It lives as long as the flow run, as the decorator's would: a Dask scheduler
    # closed the moment the last batch returns can keep its tasks' arguments (every source of
    # a batch) alive in this process.
    extractors = task_runner(
        run.runner, dask_address=run.dask_address, dask_workers=run.dask_workers
    )
    try:
        with _workers_share_this_api(), worker_pool(processes), extractors:
            outcome = run_pipeline(
                resolved,
                stages=prefect_stages(extractors, processes),
                flow_run_id=str(flow_run.get_id() or ""),
            )
    except RunLockedError as exc:
        return Failed(message=str(exc), data=exc)
    _create_artifacts(outcome)
    reason = failure_reason(outcome.record, outcome.n_new_errors, fail_on=resolved.run.fail_on)
    report = RunReport.from_record(outcome.record, fail_reason=reason, data_dir=resolved.data_dir)
    if reason:
        return Failed(message=f"mlefacts run {report.run_id}: {reason}", data=report.to_dict())
    return Completed(
        message=f"mlefacts run {report.run_id}: {report.status}", data=report.to_dict()
    )


@contextmanager
def _workers_share_this_api() -> Iterator[None]:
    """Point worker processes at the API this flow run reports to. Under Prefect's temporary
    server (the flow called with no PREFECT_API_URL) a spawned worker would start a server of
    its own, costing seconds and memory per worker and recording its task runs where nobody
    looks."""
    if PREFECT_API_URL.value():
        yield
        return
    with get_client(sync_client=True) as client:
        url = str(client.api_url)
    with use_api(url):
        yield


# The new-conflicts table artifact shows at most this many rows, the most severe first (those
# the run's outcome holds): a first run on a large corpus finds every conflict new (100,000 rows
# would be ~60 MB posted to the Prefect API); the artifact says how many there are and where to
# read them all.
ARTIFACT_CONFLICTS = SHOWN_CONFLICTS


def _create_artifacts(outcome: RunOutcome) -> None:
    """A markdown summary of the run and a table of the conflicts it found that the previous
    snapshot did not have (or a note that there are none), shown in the Prefect UI."""
    create_markdown_artifact(
        markdown=run_summary_markdown(outcome.record, outcome.tables),
        key="mlefacts-run-summary",
        description="What this mlefacts run ingested, extracted, rejected and published",
    )
    description = "Conflicts this run found that the previous snapshot did not have"
    new = outcome.new_conflicts
    if new.empty:
        create_markdown_artifact(
            markdown=new_conflicts_markdown(outcome.record),
            key="mlefacts-new-conflicts",
            description=description,
        )
        return
    new = new.iloc[:ARTIFACT_CONFLICTS]
    if outcome.n_new_conflicts > len(new):
        description += (
            f": the {len(new)} most severe of {outcome.n_new_conflicts} "
            "(all of them: `mlefacts conflicts`)"
        )
    columns = ["severity", "kind", "subject", "detail"]
    create_table_artifact(
        table=new[columns].to_dict(orient="records"),
        key="mlefacts-new-conflicts",
        description=description,
    )


def main(argv: list[str] | None = None) -> None:
    """`python flows/mlefacts_flow.py`: the same flow as `mlefacts run`."""
    parser = argparse.ArgumentParser(description=mlefacts_run.description)
    parser.add_argument("--config", help="settings file (TOML), as `mlefacts run --config`")
    parser.add_argument("--sources", help="sources manifest (TOML); default: the bundled one")
    parser.add_argument("--data-dir", help="directory holding raw/ and curated/")
    args = parser.parse_args(argv)
    from mlefacts.api import run

    report = run(args.config, sources=args.sources, data_dir=args.data_dir)
    print(f"run {report.run_id}: {report.status}, {report.n_claims} claims")
    if not report.ok:
        sys.exit(f"failed: {report.fail_reason}")


if __name__ == "__main__":
    main()

"""The worker processes of the batch stage and of reconcile: one per core, started once per
stage of a run, lean.

Parsing and extraction are CPU-bound Python, so the batches of the default runner run in
processes. Prefect's own process pool would import Prefect, the flow module and everything it
imports (DuckDB, reconcile, the report) into every worker (~370 MB each) and make every task
run talk to the API from there. Here the Prefect task of a batch runs on a thread of the flow's
process (its states and logs stay Prefect's) and hands the batch to a pool of plain worker
processes that import only the batch code (`mlefacts.pipeline`: parse, extract, validate, write
shards; ~150 MB each). The pool starts as soon as ingest finds something to extract, so the
workers import while ingest still runs, and serves every batch of the run. Reconcile's parts
run the same way, on a pool of their own started once the batch stage's has stopped.

A worker that dies mid-batch (killed, out of memory) breaks the pool: every batch (or part)
still running fails with `BrokenProcessPool`, so the run fails cleanly and publishes nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from typing import Any, TypeVar

from mlefacts.lean_imports import without_dask_dataframe, without_hypothesis
from mlefacts.long_lived import freeze, frozen_imports
from mlefacts.pattern_cache import install as install_pattern_cache

T = TypeVar("T")


class WorkerPool:
    """A process pool for one stage of a run (its batches, or reconcile's parts), started by
    `start` (never, when every batch reuses cached extractions: reading a cache costs less
    than starting a process); each process runs `prepare` first (the imports of the work it
    will be given)."""

    def __init__(self, max_workers: int, prepare: Callable[[], None]) -> None:
        self.max_workers = max_workers
        self._prepare = prepare
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closing = threading.Lock()  # held until the processes stopped: callers wait
        self._closed = False

    def start(self, n_calls: int) -> None:
        """Start the workers a stage of `n_calls` calls at once can use, now (their imports
        overlap whatever the flow does meanwhile); one call runs in the flow's process. A
        worker dying meanwhile breaks the pool, which the calls then report."""
        n_workers = min(self.max_workers, n_calls)
        with self._lock:
            if self._pool is not None or self._closed or n_workers < 2:
                return
            self._pool = ProcessPoolExecutor(
                max_workers=n_workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=self._prepare,
            )
            # A spawn pool starts a process per submitted call while none is idle.
            with suppress(BrokenProcessPool, OSError, ValueError):
                for _ in range(n_workers):
                    self._pool.submit(os.getpid)

    def run(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """`function(*args, **kwargs)` in a worker process (here if none was started); its
        exceptions raise here, and a dead worker's as `BrokenProcessPool`."""
        with self._lock:
            closed, pool = self._closed, self._pool
        if closed:
            raise RuntimeError("the run's worker processes were stopped")
        if pool is None:
            return function(*args, **kwargs)
        try:
            future = pool.submit(_in_process, function, *args, **kwargs)
        except (OSError, ValueError) as error:  # a worker died as another started: pipes closed
            raise BrokenProcessPool(f"the run's worker processes failed: {error}") from error
        return future.result()

    def close(self) -> None:
        """Cancel the calls not started, wait for those running, end every process and wait
        until it has ended. A pool broken by a dead worker has its processes ended first:
        CPython ends the ones it knew of when the worker died, then waits for all, and one
        started in that moment would keep it (and the run) waiting forever, or (added to the
        pool while CPython counted them) stop it waiting for any."""
        with self._closing:
            with self._lock:
                self._closed = True
                pool, self._pool = self._pool, None
            if pool is None:
                return
            processes = getattr(pool, "_processes", None) or {}  # the pool's own: it adds to it
            if getattr(pool, "_broken", False):
                for process in list(processes.values()):
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
            for process in list(processes.values()):
                if process.is_alive():
                    process.terminate()
                process.join()


_current: ContextVar[WorkerPool | None] = ContextVar("mlefacts_worker_pool", default=None)


@contextmanager
def worker_pool(
    max_workers: int | None, prepare: Callable[[], None] | None = None
) -> Iterator[WorkerPool | None]:
    """Within the block, `in_worker` runs calls on a pool of up to `max_workers` processes
    once `start_workers` started it (none: in the calling thread), each prepared by `prepare`
    (by default for the batch stage). Prefect's thread runner copies this context into its
    task threads."""
    workers = WorkerPool(max_workers, prepare or _prepare_worker) if max_workers else None
    token = _current.set(workers)
    try:
        yield workers
    finally:
        _current.reset(token)
        if workers is not None:
            workers.close()


def in_worker(function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run a batch's (or a part's) work on the stage's worker processes, or right here when it
    has none (the threads runner, or a task already running on a Dask worker: a process that
    serves many batches too, so it freezes its long-lived objects after its first, as ours
    do)."""
    workers = _current.get()
    if workers is not None:
        return workers.run(function, *args, **kwargs)
    if _on_dask_worker():
        install_pattern_cache()  # for what the batch code compiles and builds on first use
        return _in_process(function, *args, **kwargs)
    return function(*args, **kwargs)


def _on_dask_worker() -> bool:
    """Whether this call runs on a Dask worker (the 'dask' runner)."""
    distributed = sys.modules.get("distributed")  # never imported by the other runners
    if distributed is None:
        return False
    try:
        distributed.get_worker()
    except ValueError:
        return False
    return True


def start_workers(n_batches: int) -> None:
    """Start the run's worker processes for `n_batches` batches now, if it has a pool."""
    workers = _current.get()
    if workers is not None:
        workers.start(n_batches)


def stop_workers() -> None:
    """Stop the run's worker processes (if it has any) and wait until none is running: after
    a failed batch, before the run removes its staging area, so that no worker still writes."""
    workers = _current.get()
    if workers is not None:
        workers.close()


def _prepare_worker() -> None:
    """Import the batch code once per worker, before its first batch (without Dask's dataframe
    package and Hypothesis, which Pandera would import for nothing: the worker runs only pandas
    batches), with the patterns the batch code compiles read from the cache of earlier runs
    (`mlefacts.pattern_cache`), and without the garbage collector's walks (`frozen_imports`)."""
    with frozen_imports():
        install_pattern_cache()
        without_dask_dataframe()
        without_hypothesis()
        from mlefacts.pipeline import extract_batch  # noqa: F401 - parse, extract, shards
        from mlefacts.schemas import table_schema
        from mlefacts.staging import SHARD_TABLES

        for name in SHARD_TABLES:
            table_schema(name)
    freeze()  # the middle generation walked ten times more rarely from the first batch on


def prepare_reconcile_worker() -> None:
    """Import reconcile's code once per worker, before its first part (as `_prepare_worker`
    does the batch code's), with the schemas of the tables it derives built. Not extraction's
    patterns: reconcile compiles few, and reading their cache would cost it ~50 MB."""
    with frozen_imports():
        without_dask_dataframe()
        without_hypothesis()
        from mlefacts.assemble import PartFile  # noqa: F401 - what a part comes as
        from mlefacts.reconcile.shards import reconcile_tables  # noqa: F401
        from mlefacts.reconcile.stage import DERIVED
        from mlefacts.schemas import table_schema

        for name in DERIVED:
            table_schema(name)
    freeze()


def _in_process(function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """A call in a worker process (ours or Dask's). After the worker's first call, what it
    built for good by then (its imports, extraction's compiled patterns and vocabularies) is
    frozen out of the garbage collector's walks too (`long_lived.freeze`)."""
    global _first_call_done
    try:
        return function(*args, **kwargs)
    finally:
        if not _first_call_done:
            _first_call_done = True
            freeze()


_first_call_done = False  # in this worker process

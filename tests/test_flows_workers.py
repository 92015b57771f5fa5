"""The batch stage's worker processes (flows/workers.py)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from pathlib import Path

import pytest

from mlefacts.flows.workers import WorkerPool

# A worker's life, in a process of its own: the pool's initializer, then three batch calls.
_WORKER_LIFE = """
import gc
from mlefacts.flows import workers
from mlefacts.extract.cues import as_keys
workers._prepare_worker()
after_imports = gc.get_freeze_count()
workers._in_process(as_keys, ("first", "batch"))  # builds an object that lives on
after_first = gc.get_freeze_count()
workers._in_process(as_keys, ("second", "batch"))
print(after_imports, after_first, gc.get_freeze_count())
"""


def test_a_worker_freezes_its_long_lived_objects_after_imports_and_its_first_batch() -> None:
    # Objects frozen out of the garbage collector's walks are what makes a worker's later
    # collections cheap; freezing after every batch would keep cyclic garbage forever.
    out = subprocess.run(
        [sys.executable, "-c", _WORKER_LIFE], capture_output=True, text=True, check=True
    ).stdout
    after_imports, after_first, after_second = map(int, out.split())
    assert after_imports > 10_000  # modules, schemas
    assert after_first > after_imports  # what the first batch built for good
    assert after_second == after_first  # later batches freeze nothing


# A Dask worker's life (the 'dask' runner): batch calls reach it through `in_worker` with no
# pool of ours, in a worker process of a LocalCluster.
_DASK_WORKER_LIFE = """
import gc
from distributed import Client, LocalCluster
from mlefacts.flows.workers import in_worker
from mlefacts.extract.cues import as_keys


def cache_installed():
    from mlefacts import pattern_cache

    return pattern_cache._installed is not None


if __name__ == "__main__":
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True) as cluster:
        with Client(cluster) as client:
            (before,) = client.run(gc.get_freeze_count).values()
            client.submit(in_worker, as_keys, ("first", "batch"), pure=False).result()
            (after_first,) = client.run(gc.get_freeze_count).values()
            client.submit(in_worker, as_keys, ("second", "batch"), pure=False).result()
            (after_second,) = client.run(gc.get_freeze_count).values()
            here = in_worker(as_keys, ("not", "a worker"))
            (cached,) = client.run(cache_installed).values()
            print(before, after_first, after_second, gc.get_freeze_count(), len(here), int(cached))
"""


@pytest.mark.slow
def test_a_dask_worker_freezes_after_its_first_batch_and_uses_the_pattern_cache(
    tmp_path: Path,
) -> None:
    script = tmp_path / "dask_worker_life.py"
    script.write_text(_DASK_WORKER_LIFE)
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    before, after_first, after_second, in_client, _, cached = map(int, out.split())
    assert before == 0  # Dask does not freeze by itself
    assert after_first > 10_000  # the worker's imports and what its first batch built
    # later batches freeze nothing (Dask's own frozen objects may be freed meanwhile)
    assert after_second <= after_first
    assert in_client == 0  # a call outside any worker (the threads runner) freezes nothing
    assert cached == 1  # the worker reads compiled patterns and kept texts from the cache


def test_closing_a_pool_whose_worker_was_killed_as_it_started_never_hangs() -> None:
    """CPython ends the workers it knows of when one dies, then waits for all of them: one it
    was starting in that moment kept `close` (and the run) waiting forever, 5 tries in 12."""
    for _ in range(5):
        pool = WorkerPool(2, os.getpid)
        known = {child.pid for child in multiprocessing.active_children()}
        killer = threading.Thread(target=_kill_the_first_new_child, args=(known,))
        killer.start()
        pool.start(2)
        killer.join()
        with suppress(BrokenProcessPool):  # the other worker may answer before the pool knows
            pool.run(os.getpid)
        closing = threading.Thread(target=pool.close, daemon=True)
        closing.start()
        closing.join(timeout=60)
        assert not closing.is_alive(), "closing the broken pool hung"
        assert not [c for c in multiprocessing.active_children() if c.pid not in known]


def _kill_the_first_new_child(known: set[int]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        new = [child for child in multiprocessing.active_children() if child.pid not in known]
        if new:
            os.kill(new[0].pid, signal.SIGKILL)
            return
        time.sleep(0.001)

"""The batch stage's worker processes (flows/workers.py)."""

from __future__ import annotations

import subprocess
import sys

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

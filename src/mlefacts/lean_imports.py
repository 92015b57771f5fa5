"""Imports a process can leave out when it only ever validates pandas frames (and never
synthesizes test data)."""

from __future__ import annotations

import sys


def without_dask_dataframe() -> None:
    """Mark Dask's dataframe package absent in this process.

    Pandera's model-to-schema step imports `dask.dataframe` when Dask is installed (it is, for
    the Dask runner) to learn Dask's index types: ~0.3 s of CPU on a quiet machine (~0.9 s
    under load) and ~25 MB for types a pandas frame never has. Only for processes that run
    nothing but pandas work: the batch workers, and `mlefacts run` unless its runner is Dask.
    Must run before Pandera is imported; a later `import dask.dataframe` here raises ImportError.
    """
    sys.modules.setdefault("dask.dataframe", None)  # type: ignore[arg-type]


def without_hypothesis() -> None:
    """Mark Hypothesis absent in this process, unless it is imported already.

    Pandera imports Hypothesis for its data-synthesis strategies whenever it is installed (a
    development dependency of mlefacts, so in every checkout): ~0.15 s of CPU in each process
    that validates a table, for strategies a run never draws from. For the same processes as
    `without_dask_dataframe` (a test process has Hypothesis imported by then: it keeps it).
    """
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]

"""Imports a process can leave out when it only ever validates pandas frames."""

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

"""mlefacts: a validated, traceable, SQL-queryable dataset of facts about the ML Engineer role.

The Python API mirrors the command line, one function per command (`mlefacts.run` is
`mlefacts run`, `mlefacts.query` is `mlefacts sql`, ...):

>>> import mlefacts
>>> report = mlefacts.run(orchestrate=False)             # doctest: +SKIP
>>> claims = mlefacts.load("claims")                     # doctest: +SKIP
>>> con = mlefacts.connect()                             # doctest: +SKIP
>>> con.execute("SELECT * FROM salaries").df()           # doctest: +SKIP
"""

from __future__ import annotations

import os
from typing import Any

__version__ = "0.1.0"

# Arrow's C++ code allocates from Arrow's default memory pool wherever it is given no pool,
# Parquet's writer among it (its pages, encoders, compression: `pa.set_memory_pool` does not
# reach them). That pool is mimalloc unless this variable names another, read once, when
# pyarrow is first imported; mimalloc keeps the pages it freed: at 100,000 articles ~170 MB
# after schema 1's consensus was compacted (in a probe of that step alone, peak 460 -> 389 MB and
# 374 -> 203 MB after it with the system's allocator). Set before anything here imports
# pyarrow (worker processes inherit it); a setting of the user's own wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

# The API, imported on first use so that `import mlefacts` (and the command line) stays cheap.
_API = (
    "add_source",
    "check_schemas",
    "conflict_rows",
    "conflicts",
    "connect",
    "diff",
    "export_schemas",
    "figure_coverage",
    "figure_rows",
    "figures",
    "list_sources",
    "load",
    "query",
    "query_rows",
    "rollback",
    "run",
    "schedule",
    "snapshots",
    "table_rows",
    "tables",
    "verify",
    "write_report",
)
_SETTINGS = ("Settings", "load_settings")
__all__ = [*_API, *_SETTINGS, "__version__"]


def __getattr__(name: str) -> Any:
    """Import the API lazily, so `import mlefacts` stays cheap for the command line."""
    if name in _API:
        from mlefacts import api

        return getattr(api, name)
    if name in _SETTINGS:
        from mlefacts import settings

        return getattr(settings, name)
    raise AttributeError(f"module 'mlefacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

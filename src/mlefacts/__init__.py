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

from typing import Any

__version__ = "0.1.0"

# The API, imported on first use so that `import mlefacts` (and the command line) stays cheap.
_API = (
    "add_source",
    "check_schemas",
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

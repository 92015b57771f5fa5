"""mlefacts: a validated, traceable, SQL-queryable dataset of facts about the ML Engineer role.

>>> import mlefacts
>>> claims = mlefacts.load("claims")                     # doctest: +SKIP
>>> con = mlefacts.connect()                             # doctest: +SKIP
>>> con.execute("SELECT * FROM salaries").df()           # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["connect", "figure_coverage", "figures", "load", "query", "run", "__version__"]


def __getattr__(name: str) -> Any:
    """Import the API lazily, so `import mlefacts` stays cheap for the command line."""
    if name in {"connect", "figure_coverage", "figures", "load", "query", "run"}:
        from mlefacts import api

        return getattr(api, name)
    raise AttributeError(f"module 'mlefacts' has no attribute {name!r}")

"""mlefacts: a validated, traceable, SQL-queryable dataset of facts about the ML Engineer role."""

from __future__ import annotations

__version__ = "0.1.0"

"""The contract every layer reads: how rows are named (ids), and later the kinds, units and
columns of the curated tables. It imports nothing from mlefacts, so any module may import it."""

from __future__ import annotations

import hashlib


def stable_id(*parts: str) -> str:
    """The project's one id hash: 16 hex digits of SHA-256 over the parts joined by a unit
    separator, so the same parts give the same id on every machine.

    >>> stable_id("https://example.org/a")
    'b5b10dd0429e69ac'
    """
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

"""Load the normalize layer's vocabularies from src/mlefacts/data once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse data/<name>.toml; cached because every matcher is built from it once."""
    text = resources.files("mlefacts").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(phrases: list[str] | set[str], *, ignore_case: bool) -> str:
    """A regex alternation of literal phrases, longest first so 'US$' wins over '$'.

    Spaces inside a phrase match any run of spaces, so 'per cent' also reads 'per  cent'.
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return f"(?i:{body})" if ignore_case else f"(?-i:{body})"

"""Regex helpers the normalize layer builds its matchers with (the vocabularies come from
`mlefacts.toml_files.load_data`)."""

from __future__ import annotations

import re


def alternation(phrases: list[str] | set[str], *, ignore_case: bool) -> str:
    """A regex alternation of literal phrases, longest first so 'US$' wins over '$'.

    Spaces inside a phrase match any run of spaces, so 'per cent' also reads 'per  cent'.
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return f"(?i:{body})" if ignore_case else f"(?-i:{body})"

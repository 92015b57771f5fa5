"""The one place that reads TOML: a user's file (manifest, settings) and the package's data files.

Every vocabulary in `src/mlefacts/data/*.toml` is parsed once per process (`load_data` is
cached) because matchers are compiled from it on first use; a user's file is read afresh each time.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mlefacts.pattern_cache import kept

TOMLDecodeError = tomllib.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    """The tables of a TOML text; raises `TOMLDecodeError` (a `ValueError`) on bad syntax."""
    return tomllib.loads(text)


def read_toml(path: Path | str) -> dict[str, Any]:
    """The tables of a UTF-8 TOML file, read now (not cached: a user may edit it between runs)."""
    return parse_toml(Path(path).read_text(encoding="utf-8"))


@cache
@kept
def load_data(name: str) -> dict[str, Any]:
    """Parse the package's data/<name>.toml once per process (and read it back from the kept
    values in a process that installed `mlefacts.pattern_cache`).

    >>> "USD" in load_data("currencies")
    True
    """
    text = resources.files("mlefacts").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return parse_toml(text)


@cache
def data_words(name: str, *keys: str) -> frozenset[str]:
    """The word list at `keys` in data/<name>.toml, as a set: looked up word by word, parsed
    and built once per process.

    >>> "median" in data_words("count_terms", "generic_modifiers")
    False
    """
    table: Any = load_data(name)
    for key in keys:
        table = table[key]
    return frozenset(table)

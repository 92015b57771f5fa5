"""How sentences name a source (pandas-free: `mlefacts conflicts` names the sources of the
sentences it prints with it, without loading the reconcile stage)."""

from __future__ import annotations

from typing import Any

UNLISTED_SOURCE = "an unlisted source"


class SourceNames(dict[str, str]):
    """source_id -> how a sentence names the source; a source the table does not list is
    'an unlisted source', so a sentence never shows an internal id."""

    def __missing__(self, key: str) -> str:
        return UNLISTED_SOURCE


def source_name(title: Any, publisher: Any = None, uri: Any = None) -> str:
    """How a sentence names a source: its quoted title, else its publisher, else its URI.

    >>> source_name("ML pay", "Acme"), source_name(None, "Acme"), source_name("", None, "a.md")
    ('"ML pay"', 'Acme', 'a.md')
    """
    if isinstance(title, str) and title.strip():
        return f'"{title.strip()}"'
    for other in (publisher, uri):
        if isinstance(other, str) and other.strip():
            return other.strip()
    return UNLISTED_SOURCE

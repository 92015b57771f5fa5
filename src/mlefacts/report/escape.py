"""Escaping page text for Markdown: shared by the report and the run summary, and light (no
charting imports), because the flow writes a run summary on every run."""

from __future__ import annotations

import html
import re

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|])")
"""Characters that start Markdown syntax inside a line: a backslash before each makes it
literal, so page text can never become a link, an image, code or emphasis."""


def md_text(text: str) -> str:
    """Text safe in Markdown: no raw HTML, no links or images, no table breaks, no line breaks.

    >>> md_text("a <b> | c\\nd")
    'a &lt;b&gt; \\\\| c d'
    >>> print(md_text("![x](https://t.example/p.png) [click](javascript:alert(1)) *_`"))
    !\\[x\\](https://t.example/p.png) \\[click\\](javascript:alert(1)) \\*\\_\\`
    """
    escaped = html.escape(" ".join(text.split()), quote=False)
    return _MD_PUNCTUATION.sub(r"\\\1", escaped)

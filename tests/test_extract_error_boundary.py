"""One odd block or table never loses the others' claims: the skills, tables and quotes readers
read each unit through `context.read_each`, which logs the unit that raised and goes on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from support.documents import document

from mlefacts.extract import quotes, skills, tables

SKILLS_PAGE = """Machine Learning Engineer

Requirements

- Hands-on experience with PyTorch
- Proficiency in SQL

| Tool | Use |
| --- | --- |
| Docker | packaging models |
| Kubernetes | serving models |
"""

TABLES_PAGE = """Machine Learning Engineer

| Region | Share of respondents |
| --- | --- |
| Europe | 41% |
| Asia | 59% |

| Level | Median salary |
| --- | --- |
| Senior | $180,000 |
| Junior | $110,000 |
"""

QUOTES_PAGE = """Machine learning engineers

“Models only matter once they are running in production,” says Jane Doe, Head of AI at Acme.

“Most of the work is data plumbing rather than modelling,” says John Roe, CTO at Initech.
"""


def _failing_once(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """Make `module.name` raise on its first call only."""
    original: Callable[..., Any] = getattr(module, name)
    calls = []

    def reader(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("an odd unit")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, reader)


def test_a_skills_block_that_raises_loses_only_its_own_skills(monkeypatch, caplog) -> None:
    doc = document(SKILLS_PAGE, "text/markdown")
    assert {"PyTorch", "SQL", "Docker", "Kubernetes"} <= {c.text for c in skills.extract(doc)}
    _failing_once(monkeypatch, skills, "_section_block_claims")
    with caplog.at_level(logging.ERROR):
        found = {c.text for c in skills.extract(doc)}
    assert "PyTorch" not in found
    assert {"SQL", "Docker"} <= found
    assert "skills: skipped a block or table" in caplog.text


def test_a_skills_table_that_raises_keeps_the_prose_skills(monkeypatch, caplog) -> None:
    doc = document(SKILLS_PAGE, "text/markdown")
    _failing_once(monkeypatch, skills, "_table_claims")
    with caplog.at_level(logging.ERROR):
        found = {c.text for c in skills.extract(doc)}
    assert {"PyTorch", "SQL"} <= found
    assert "Docker" not in found
    assert "skills: skipped a block or table" in caplog.text


def test_a_table_that_raises_loses_only_its_own_rows(monkeypatch, caplog) -> None:
    doc = document(TABLES_PAGE, "text/markdown")
    assert {c.kind for c in tables.extract(doc)} == {"share", "salary"}
    _failing_once(monkeypatch, tables, "table_claims")
    with caplog.at_level(logging.ERROR):
        claims = tables.extract(doc)
    assert [(c.kind, c.value) for c in claims] == [("salary", 180000), ("salary", 110000)]
    assert "tables: skipped a block or table" in caplog.text


def test_a_paragraph_that_raises_loses_only_its_own_quote(monkeypatch, caplog) -> None:
    doc = document(QUOTES_PAGE)
    assert [c.attributed_to for c in quotes.extract(doc)] == ["Jane Doe", "John Roe"]
    _failing_once(monkeypatch, quotes, "_trailing")
    with caplog.at_level(logging.ERROR):
        claims = quotes.extract(doc)
    assert [c.attributed_to for c in claims] == ["John Roe"]
    assert "quotes: skipped a block or table" in caplog.text

"""Numbered captions: one list of caption nouns (table_terms' `caption`) serves the caption set
under a table (document/structure) and the number dropped from a table's title (extract/tables)."""

from __future__ import annotations

import pytest

from mlefacts.document.build import build_document
from mlefacts.extract import tables
from mlefacts.toml_files import load_data


@pytest.mark.parametrize("noun", load_data("table_terms")["caption"]["nouns"])
def test_every_caption_noun_numbers_a_caption_and_leaves_the_title(noun: str) -> None:
    label = noun[:1].upper() + noun[1:]
    page = (
        "<h1>How ML engineers work</h1><p>We asked engineers in Canada.</p>"
        "<table><tr><th>Arrangement</th><th>Share of respondents</th></tr>"
        "<tr><td>Hybrid</td><td>57%</td></tr><tr><td>Remote</td><td>43%</td></tr></table>"
        f"<p>{label} 3: Work arrangements of ML engineers</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    (table,) = doc.tables
    assert table.caption is not None
    assert doc.span_text(table.caption) == f"{label} 3: Work arrangements of ML engineers"
    claims = tables.extract(doc)
    assert [c.value for c in claims] == [57, 43]
    assert {c.qualifiers["table_title"] for c in claims} == {"Work arrangements of ML engineers"}


def test_a_line_that_only_mentions_a_figure_is_no_caption() -> None:
    page = (
        "<table><tr><th>Arrangement</th><th>Share</th></tr><tr><td>Hybrid</td><td>57%</td></tr>"
        "<tr><td>Remote</td><td>43%</td></tr></table><p>The figure 3 is rounded.</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert doc.tables[0].caption is None

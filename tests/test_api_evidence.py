"""The sentences `mlefacts conflicts` quotes for the claims of each conflict."""

from __future__ import annotations

import duckdb

from mlefacts.api import _evidence


def test_a_figure_is_quoted_as_stored_and_a_name_in_its_sentence_from_the_text() -> None:
    """A figure's stored quote is its sentence, list item or table row already, so its
    document's text is not read for it ('Mid-Level | EUR 82,000', not the row's '| ... |'); a
    skill's quote is a name alone, so its sentence comes from the text around it."""
    text = "| Mid-Level | EUR 82,000 |\n\nHands-on experience with PyTorch is a must.\n"
    con = duckdb.connect()
    con.execute("CREATE TABLE conflict_claims (conflict_id VARCHAR, claim_id VARCHAR)")
    con.execute("INSERT INTO conflict_claims VALUES ('k1', 'c1'), ('k2', 'c2')")
    con.execute(
        "CREATE TABLE sources (source_id VARCHAR, title VARCHAR, publisher VARCHAR, uri VARCHAR)"
    )
    con.execute("INSERT INTO sources VALUES ('s1', 'Pay guide', NULL, 'file:///g.md')")
    con.execute(
        "CREATE TABLE claims (claim_id VARCHAR, source_id VARCHAR, char_start INTEGER, "
        "char_end INTEGER, quote VARCHAR, value DOUBLE)"
    )
    row = text.index("Mid-Level")
    skill = text.index("PyTorch")
    con.execute(
        "INSERT INTO claims VALUES (?, 's1', ?, ?, ?, 82000), (?, 's1', ?, ?, ?, NULL)",
        ["c1", row, row + 22, text[row : row + 22], "c2", skill, skill + 7, "PyTorch"],
    )
    con.execute("CREATE TABLE documents (source_id VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('s1', ?)", [text])
    claim_ids, sentences = _evidence(con, ["k1", "k2"])
    assert claim_ids == [["c1"], ["c2"]]
    assert [[sentence for _, sentence in found] for found in sentences] == [
        ["Mid-Level | EUR 82,000"],
        ["Hands-on experience with PyTorch is a must."],
    ]

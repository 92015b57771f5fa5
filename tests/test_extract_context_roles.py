"""Role mentions: short forms written with any space run, and spans read from their line."""

from __future__ import annotations

from mlefacts.extract.context import find_roles


def test_a_short_form_with_a_space_run_is_read() -> None:
    # plain text keeps no-break and doubled spaces: 'ML\u00a0Eng' names the role 'ML Eng' does
    found = find_roles("Our ML\u00a0Eng. and an AI  Eng joined")
    assert [role for *_, role in found] == [
        "machine learning engineer",
        "artificial intelligence engineer",
    ]

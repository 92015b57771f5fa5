"""Role mentions: short forms written with any space run, and spans read from their line."""

from __future__ import annotations

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims
from mlefacts.extract.context import find_roles


def test_a_short_form_with_a_space_run_is_read() -> None:
    # plain text keeps no-break and doubled spaces: 'ML\u00a0Eng' names the role 'ML Eng' does
    found = find_roles("Our ML\u00a0Eng. and an AI  Eng joined")
    assert [role for *_, role in found] == [
        "machine learning engineer",
        "artificial intelligence engineer",
    ]


def test_a_role_a_bracket_names_again_is_the_role_before_it() -> None:
    # 'X (also called Y)' names one role, X: its pay and its rank are X's, not Y's
    text = (
        "Data engineers (also known as analytics engineers) earn a median of $128,000. "
        "Data scientists (or AI engineers) ranked third on Hirewell's list. "
        "Data engineers (see below) and AI engineers earn less."
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    claims, _ = extract_claims(doc)
    assert [(c.kind, c.subject, c.value) for c in claims if c.kind != "skill"] == [
        ("salary", "data engineer", 128000.0),
        ("ranking", "data scientist", 3.0),
    ]
    # a bracket that is no other name leaves the next role alone
    assert [role for *_, role in find_roles(text[text.index("Data engineers (see") :])] == [
        "data engineer",
        "artificial intelligence engineer",
    ]


def test_roles_written_head_first_in_romance_languages() -> None:
    """'engenheiro de machine learning', 'ingeniera de datos', 'ingénieur en IA': the head
    first and its field after a preposition (none was a role, so a Brazilian guide's pay had
    no subject)."""
    text = (
        "Um engenheiro de machine learning pleno ganha mais que uma cientista de dados; "
        "una ingeniera de datos y un ingénieur en IA."
    )
    assert [role for *_, role in find_roles(text)] == [
        "machine learning engineer",
        "data scientist",
        "data engineer",
        "artificial intelligence engineer",
    ]
    # French and Italian also set the field right after the head
    assert [
        role for *_, role in find_roles("un ingénieur ML et un ingegnere machine learning")
    ] == [
        "machine learning engineer",
        "machine learning engineer",
    ]
    # a feminine ending written beside the head
    both = "vagas para engenheiro(a) de machine learning e ingeniero/a de datos"
    assert [role for *_, role in find_roles(both)] == [
        "machine learning engineer",
        "data engineer",
    ]


def test_an_occupation_named_by_a_two_word_field_keeps_it() -> None:
    found = find_roles("Operations research analysts earned less than statisticians.")
    assert [role for *_, role in found] == ["operations research analyst"]


def test_an_algorithm_engineer_is_a_role_of_its_own() -> None:
    """The catch-all title Chinese companies give ML roles is a role, not the page's default."""
    found = find_roles("Senior algorithm engineers in Shenzhen earned more.")
    assert [role for *_, role in found] == ["algorithm engineer"]


def test_ict_specialists_are_a_role_of_their_own() -> None:
    found = find_roles("In 2024, 9.8 million people were employed as ICT specialists.")
    assert [role for *_, role in found] == ["ict specialist"]


def test_forum_shorthand_names_software_engineers_and_data_scientists() -> None:
    """'SWEs' and 'a DS', written in capitals as threads write them; 'swe' in a word is none."""
    found = find_roles("Most SWEs here earn less than a DS at the same level; I'm swedish.")
    assert [role for *_, role in found] == ["software engineer", "data scientist"]

"""ReconcileConfig: documented defaults, TOML overrides, and thresholds that change outcomes."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest
from support.claims import claims_frame, make_claim, sources_frame

from mlefacts.reconcile import config as config_module
from mlefacts.reconcile.config import DEFAULT_CONFIG
from mlefacts.reconcile.keys import identifying_qualifiers
from mlefacts.reconcile.stage import reconcile
from mlefacts.settings import SettingsError, load_settings


def load_config(path: Path):
    return load_settings(path, env={}).reconcile


def test_every_field_has_a_default_and_a_docstring():
    tree = ast.parse(Path(config_module.__file__).read_text(encoding="utf-8"))
    body = next(n for n in tree.body if getattr(n, "name", "") == "ReconcileConfig").body
    documented = {
        node.target.id
        for node, after in zip(body, body[1:], strict=False)
        if isinstance(node, ast.AnnAssign)
        and node.value is not None
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
    }
    assert documented == {f.name for f in fields(DEFAULT_CONFIG)}


def test_toml_overrides_and_unknown_keys(tmp_path):
    path = tmp_path / "mlefacts.toml"
    path.write_text('[reconcile]\nvalue_tolerance = 0.5\nqualitative_categories = ["language"]\n')
    config = load_config(path)
    assert config.value_tolerance == 0.5 and config.qualitative_categories == ("language",)
    assert config.value_error == DEFAULT_CONFIG.value_error
    assert load_settings(None, env={}).reconcile == DEFAULT_CONFIG
    path.write_text("[reconcile]\nvalue_tolerence = 0.5\n")
    with pytest.raises(
        SettingsError, match="'reconcile.value_tolerence'.*did you mean 'reconcile.value_tolerance'"
    ):
        load_config(path)


def test_tolerance_decides_whether_values_conflict(tmp_path):
    claims = claims_frame(
        make_claim(source_id="a", value=10e9, unit="USD", year=2024),
        make_claim(source_id="b", value=12e9, unit="USD", year=2024),
    )
    sources = sources_frame({"a": "A", "b": "B"})
    assert len(reconcile(claims, sources).conflicts) == 1
    path = tmp_path / "loose.toml"
    path.write_text("[reconcile]\nvalue_tolerance = 0.25\n")
    assert reconcile(claims, sources, config=load_config(path)).conflicts.empty


def test_a_growth_multiple_is_identified_by_its_period() -> None:
    by_2030 = {"period_start": 2025, "period_end": 2030, "region": "Europe"}
    by_2035 = {**by_2030, "period_end": 2035}
    keys = [
        identifying_qualifiers(q, "growth_multiple", DEFAULT_CONFIG) for q in (by_2030, by_2035)
    ]
    assert keys[0] != keys[1]
    assert keys[0]["period_end"] == 2030


def test_pay_differences_against_two_roles_are_two_quantities_not_a_conflict() -> None:
    """'ML engineers earn 12% more than data scientists' and '... 30% more than software
    engineers' state two differences (compared_with identifies the quantity); the same
    difference stated 12% and 30% by two sources is a conflict."""

    def gap(source: str, value: float, other: str) -> dict[str, object]:
        return make_claim(
            source_id=source,
            kind="comparison",
            subject="machine learning engineer",
            attribute="pay_difference",
            value=value,
            unit="percent",
            text=f"earn {value}% more than {other}s",
            qualifiers={"compared_with": other, "cue": "more than"},
        )

    sources = sources_frame({"a": "A", "b": "B"})
    apart = claims_frame(gap("a", 12.0, "data scientist"), gap("b", 30.0, "software engineer"))
    assert reconcile(apart, sources).conflicts.empty
    same = claims_frame(gap("a", 12.0, "data scientist"), gap("b", 30.0, "data scientist"))
    assert len(reconcile(same, sources).conflicts) == 1

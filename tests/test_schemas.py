from __future__ import annotations

from typing import get_args

import pandas as pd
import pytest
from pandera.errors import SchemaErrors
from support.tables import sample_tables

from mlefacts.contract import PRIMARY_KEYS, SCHEMA_VERSION, TABLE_COLUMNS, TABLE_ORDER, ClaimKind
from mlefacts.schemas import (
    TABLE_MODELS,
    column_specs,
    is_allowed_unit,
    is_json_object,
    logical_type,
    table_schema,
)


def test_every_table_has_a_model_and_sort_order_over_its_columns():
    assert set(TABLE_ORDER) == set(TABLE_MODELS)
    for name, keys in TABLE_ORDER.items():
        columns = set(table_schema(name).columns)
        assert set(keys) <= columns, name
        assert set(PRIMARY_KEYS.get(name, [])) <= columns, name


def test_every_model_declares_the_contract_columns_in_order():
    assert list(TABLE_MODELS) == list(TABLE_COLUMNS)
    for name, columns in TABLE_COLUMNS.items():
        assert list(table_schema(name).columns) == columns, name


def test_schema_version_is_semver():
    major, minor, patch = SCHEMA_VERSION.split(".")
    assert all(part.isdigit() for part in (major, minor, patch))


@pytest.mark.parametrize("name", sorted(TABLE_MODELS))
def test_sample_tables_keep_the_contract(name):
    validated = TABLE_MODELS[name].validate(sample_tables()[name], lazy=True)
    assert len(validated) == len(sample_tables()[name])


def test_claim_kinds_follow_the_claim_contract():
    kind_check = next(c for c in table_schema("claims").columns["kind"].checks)
    assert list(kind_check.statistics["allowed_values"]) == list(get_args(ClaimKind))


def test_contract_columns_of_claims():
    names = [spec["name"] for spec in column_specs("claims")]
    assert names[:3] == ["claim_id", "source_id", "run_id"]
    assert {"quote", "char_start", "char_end", "qualifiers", "stale", "extractor_version"} <= set(
        names
    )


@pytest.mark.parametrize(
    ("unit", "allowed"),
    [("USD", True), ("INR", True), ("percent", True), ("rank", True), ("usd", False), ("$", False)],
)
def test_allowed_units(unit, allowed):
    assert is_allowed_unit(unit) is allowed


def test_json_object_needs_sorted_keys():
    assert is_json_object("{}")
    assert is_json_object('{"a": 1, "b": {"z": 1, "y": 2}}')
    assert not is_json_object('{"b": 1, "a": 2}')
    assert not is_json_object("not json")


def test_logical_types_of_model_columns():
    types = {spec["name"]: spec["type"] for spec in column_specs("claims")}
    assert types["value"] == "number"
    assert types["year"] == "integer"
    assert types["stale"] == "boolean"
    assert types["quote"] == "string"
    assert logical_type("int64") == "integer"


def test_a_claim_quotes_at_most_400_characters_and_may_name_its_context():
    claims = sample_tables()["claims"].head(1)

    def quoting(n: int) -> pd.DataFrame:
        return claims.assign(quote="x" * n, char_end=claims["char_start"] + n)

    assert len(TABLE_MODELS["claims"].validate(quoting(400))) == 1
    with pytest.raises(SchemaErrors) as failed:
        TABLE_MODELS["claims"].validate(quoting(401), lazy=True)
    assert set(failed.value.failure_cases["column"]) == {"quote"}
    assert "str_length" in str(failed.value.failure_cases["check"].iloc[0])
    specs = {spec["name"]: spec for spec in column_specs("claims")}
    assert specs["context"]["nullable"] and specs["context"]["type"] == "string"
    assert len(TABLE_MODELS["claims"].validate(claims.assign(context="Median salary"))) == 1

from __future__ import annotations

import json
from pathlib import Path

from mlefacts.contract import SCHEMA_VERSION
from mlefacts.publish.schema_export import export_schemas, stale_schema_files
from mlefacts.schemas import TABLE_MODELS

COMMITTED = Path(__file__).resolve().parents[1] / "schemas"


def test_committed_schema_files_match_the_models():
    stale = stale_schema_files(COMMITTED)
    assert not stale, f"schemas/ is out of date ({', '.join(stale)}): run `mlefacts schemas export`"


def test_export_writes_one_file_per_table_with_custom_checks(tmp_path):
    paths = export_schemas(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{t}.schema.json" for t in TABLE_MODELS)
    claims = json.loads((tmp_path / "claims.schema.json").read_text())
    assert claims["schema_version"] == SCHEMA_VERSION
    unit = next(c for c in claims["columns"] if c["name"] == "unit")
    assert unit["checks"][0]["name"] == "allowed_unit"
    assert unit["checks"][0]["description"]
    row_checks = {c["name"]: c for c in claims["row_checks"]}
    assert row_checks["share_in_percent"]["columns"] == ["kind", "value", "unit"]
    assert stale_schema_files(tmp_path) == []


def test_drift_is_detected(tmp_path):
    export_schemas(tmp_path)
    (tmp_path / "claims.schema.json").write_text("{}\n")
    (tmp_path / "old_table.schema.json").write_text("{}\n")
    assert stale_schema_files(tmp_path) == ["claims.schema.json", "old_table.schema.json"]

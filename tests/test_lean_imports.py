"""Processes that validate only pandas frames leave Dask's dataframe package out (Pandera would
import it for nothing): the batch workers, and `mlefacts run` unless its runner is Dask; and
Hypothesis (Pandera's data synthesis), which they never use. The flow stores its parameters
without FastAPI's encoder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlefacts.cli.pipeline import _runner

TESTS = Path(__file__).resolve().parent

# Builds every table's Pandera schema, validates a claims frame, and prints whether Dask's
# dataframe package and Hypothesis got loaded.
_BUILD = (
    "import sys\n"
    "{prepare}\n"
    "from mlefacts.schemas import table_schema\n"
    "from mlefacts.contract import TABLE_COLUMNS\n"
    "from mlefacts.validate import validate_table\n"
    "from support.tables import sample_tables\n"
    "for name in TABLE_COLUMNS: table_schema(name)\n"
    "good, bad = validate_table('claims', sample_tables()['claims'], run_id='r_1')\n"
    "assert len(good) == len(sample_tables()['claims']) and bad.empty\n"
    "print(*(sys.modules.get(name) is not None for name in ('dask.dataframe', 'hypothesis')))\n"
)
_LEAN = (
    "from mlefacts.lean_imports import without_dask_dataframe, without_hypothesis\n"
    "without_dask_dataframe(); without_hypothesis()"
)


@pytest.mark.parametrize(("prepare", "loaded"), [("", "True True"), (_LEAN, "False False")])
def test_schemas_build_without_dask_dataframe_or_hypothesis(prepare: str, loaded: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BUILD.format(prepare=prepare)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(TESTS)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == loaded


def test_the_cli_knows_the_runner_before_it_imports_the_pipeline(tmp_path: Path) -> None:
    assert _runner(None, {"runner": None}) == "processes"
    assert _runner(None, {"runner": "dask"}) == "dask"
    config = tmp_path / "mlefacts.toml"
    config.write_text('[run]\nrunner = "dask"\n', encoding="utf-8")
    assert _runner(config, {"runner": None}) == "dask"
    config.write_text('[run]\nrunner = "nonsense"\n', encoding="utf-8")
    assert _runner(config, {"runner": None}) is None  # the run itself reports the bad setting


# The flow as Prefect's `with_options` gives it (its workers call it), its parameters serialized
# as a flow run stores them; prints whether FastAPI got loaded and whether they came back as they
# were.
_SERIALIZE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from mlefacts.flows.mlefacts_flow import mlefacts_run, task_runner\n"
    "from mlefacts.settings import Settings\n"
    "flow = mlefacts_run.with_options(task_runner=task_runner('threads'))\n"
    "settings = Settings(data_dir=Path('data'), manifest=Path('sources.toml')).to_dict()\n"
    "stored = flow.serialize_parameters({'settings': settings})\n"
    "print('fastapi' in sys.modules, stored == {'settings': settings})\n"
    "print(flow.serialize_parameters({'settings': {'path': Path('a')}}))\n"
)


def test_the_flow_stores_its_settings_without_fastapi() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _SERIALIZE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == ["False True", "{'settings': {'path': 'a'}}"]

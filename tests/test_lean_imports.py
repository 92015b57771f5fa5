"""Processes that validate only pandas frames leave Dask's dataframe package out (Pandera would
import it for nothing): the batch workers, and `mlefacts run` unless its runner is Dask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlefacts.cli.pipeline import _runner

# Builds every table's Pandera schema and prints whether Dask's dataframe package got loaded.
_BUILD = (
    "import sys\n"
    "{prepare}\n"
    "from mlefacts.schemas import table_schema\n"
    "from mlefacts.contract import TABLE_COLUMNS\n"
    "for name in TABLE_COLUMNS: table_schema(name)\n"
    "print(sys.modules.get('dask.dataframe') is not None)\n"
)


@pytest.mark.parametrize(
    ("prepare", "loaded"),
    [
        ("", "True"),
        (
            "from mlefacts.lean_imports import without_dask_dataframe; without_dask_dataframe()",
            "False",
        ),
    ],
)
def test_schemas_build_without_dask_dataframe(prepare: str, loaded: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BUILD.format(prepare=prepare)],
        capture_output=True,
        text=True,
        timeout=120,
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

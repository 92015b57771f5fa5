"""Prefect stays in flows/, and the read commands import only what they need: `import mlefacts`
and `mlefacts sql/tables/show/conflicts/figures/--help` never import Prefect, Pandera or
matplotlib, nor a page parser (lxml, BeautifulSoup), and `sql`, `tables`, `show`, `figures` and
`--help` no pandas, pyarrow or pydantic either (checked with `python -X importtime` in a new
process, not by timing: bench/cli_latency.py measures the time).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.runs import FACT, run_plain, write_manifest

SRC = Path(__file__).resolve().parents[1] / "src" / "mlefacts"
HEAVY = ("prefect", "prefect_dask", "pandera", "matplotlib")
# `conflicts` quotes each claim's sentence (`mlefacts.document.sentences`): the package's parsers
# came with it, +0.1 s a command, until importing a module of `mlefacts.document` imported none.
PARSERS = {"lxml", "bs4"}


def imported_modules(*argv: str) -> set[str]:
    """Top-level names of every module a fresh `python -X importtime ...` imported."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", result.stderr, re.M)
    assert names, result.stderr[-500:]
    return {name.split(".")[0] for name in names}


def test_no_module_under_src_imports_prefect() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            offenders += [
                f"{path.relative_to(SRC)}: {name}"
                for name in names
                if name.split(".")[0] in ("prefect", "prefect_dask")
            ]
    assert offenders == []


def test_import_mlefacts_starts_no_prefect() -> None:
    modules = imported_modules("-c", "import mlefacts")
    assert not modules & set(HEAVY), modules & set(HEAVY)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("published")
    (folder / "pay.txt").write_text(FACT, encoding="utf-8")
    run_plain(folder / "data", write_manifest(folder, ["pay.txt"]))
    return folder / "data"


# What a read command must not import: the orchestration, validation and charting libraries
# always; and for the commands that read one table or query, no pandas or pyarrow (numpy) either
# (DuckDB reads the Parquet files itself); and no pydantic (typer 0.29 builds a pydantic
# TypeAdapter for every option: +0.16 s a command, hence typer<0.29 in pyproject.toml).
NO_FRAMES = {"pandas", "pyarrow", "numpy", "pydantic"}


@pytest.mark.parametrize(
    ("command", "forbidden"),
    [
        (["sql", "SELECT count(*) FROM claims"], NO_FRAMES),
        (["sql", "SELECT * FROM salaries", "--format", "json"], NO_FRAMES),
        (["tables"], NO_FRAMES),
        (["show", "claims", "--limit", "5"], NO_FRAMES),
        (["show", "salaries", "--format", "csv"], NO_FRAMES),
        (["conflicts"], NO_FRAMES),
        (["conflicts", "--json"], NO_FRAMES),
        (["figures", "--unclaimed"], NO_FRAMES),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_read_commands_import_only_what_they_need(
    data_dir: Path, command: list[str], forbidden: set[str]
) -> None:
    modules = imported_modules("-m", "mlefacts.cli", *command, "--data-dir", str(data_dir))
    unwanted = set(HEAVY) | PARSERS | forbidden
    assert not modules & unwanted, modules & unwanted


def test_help_imports_no_prefect_pandera_or_matplotlib() -> None:
    for command in ([], ["sql"], ["run"], ["sources", "add"], ["schemas", "export"]):
        modules = imported_modules("-m", "mlefacts.cli", *command, "--help")
        assert not modules & (set(HEAVY) | NO_FRAMES | {"duckdb"}), (command, modules)


def test_the_flow_imports_no_charting() -> None:
    """The flow writes a run summary on every run; only `mlefacts report` draws charts."""
    modules = imported_modules("-c", "import mlefacts.flows.mlefacts_flow")
    assert "matplotlib" not in modules

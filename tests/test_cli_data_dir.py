"""A data directory that does not exist is named as such by every reading command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlefacts.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "command",
    [["tables"], ["sql", "SELECT 1"], ["show", "claims"], ["conflicts"], ["snapshots"], ["diff"]],
)
def test_a_missing_data_dir_is_named_with_a_hint(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    result = runner.invoke(app, [*command, "--data-dir", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: data directory {missing} does not exist")
    assert "no snapshot published yet" not in result.stderr
    assert "hint:" in result.stderr and "mlefacts run --data-dir" in result.stderr
    assert not missing.exists()

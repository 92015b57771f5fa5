"""What a run must never lose or forge across runs: a failing source's last good claims, the
published sources when the manifest shrinks, the history of snapshots, one witness per content.

Runs are the plain pipeline (no Prefect server) on copies of the bundled articles.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import mlefacts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_crash_runs import BUNDLED, FACT, run_plain, write_manifest  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with copies of the bundled articles and a fact of one's own."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in sorted(BUNDLED.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "pay.txt").write_text(FACT)
    return folder


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.txt"))


def test_last_good_claims_survive_any_number_of_consecutive_failures(
    folder: Path, tmp_path: Path
) -> None:
    manifest = write_manifest(folder, _names(folder))
    data_dir = tmp_path / "data"
    run_plain(data_dir, manifest)
    sources = mlefacts.load("sources", data_dir).set_index("uri")
    good = mlefacts.load("claims", data_dir)
    pay_id = sources.loc["pay.txt", "source_id"]
    pay_claims = good[good["source_id"] == pay_id].drop(columns=["run_id", "stale"])
    assert not pay_claims.empty
    (folder / "pay.txt").unlink()
    for _ in range(3):
        run_plain(data_dir, manifest)
        sources = mlefacts.load("sources", data_dir).set_index("uri")
        assert sources.loc["pay.txt", "status"] == "error"
        assert bool(sources.loc["pay.txt", "stale"])
        assert sources.loc["pay.txt", "last_confirmed_at"]
        claims = mlefacts.load("claims", data_dir)
        kept = claims[claims["source_id"] == pay_id]
        assert kept["stale"].all()
        pd.testing.assert_frame_equal(
            kept.drop(columns=["run_id", "stale"]).reset_index(drop=True),
            pay_claims.reset_index(drop=True),
        )
        documents = mlefacts.load("documents", data_dir)
        assert (documents["source_id"] == pay_id).sum() == 1
    write_manifest(folder, [n for n in _names(folder) if n != "pay.txt"])
    run_plain(data_dir, manifest)
    claims = mlefacts.load("claims", data_dir)
    assert not (claims["source_id"] == pay_id).any()  # removed from the manifest: gone

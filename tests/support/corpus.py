"""Generated corpora (bench/generate.py) and the digests of what a run published from them."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"
# Every published table but the logs (`runs`, `fetches`), which hold the time of each fetch.
DETERMINISTIC = (
    "sources",
    "documents",
    "claims",
    "figures",
    "rejections",
    "conflicts",
    "conflict_claims",
    "facts",
    "fact_claims",
    "consensus",
    "consensus_claims",
)


def bench_module(name: str) -> ModuleType:
    """bench/<name>.py, imported from its file (bench/ is not a package), once."""
    qualified = f"bench_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


def generator() -> ModuleType:
    """bench/generate.py: the generated corpora."""
    return bench_module("generate")


def digests(data_dir: Path) -> dict[str, str]:
    """The sha256 of each deterministic table of the current snapshot."""
    current = data_dir / "curated" / "current"
    return {
        name: hashlib.sha256((current / f"{name}.parquet").read_bytes()).hexdigest()
        for name in DETERMINISTIC
    }

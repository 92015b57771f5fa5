"""Where mlefacts keeps its data and the knobs of a run, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import mlefacts

PACKAGE_DIR = Path(mlefacts.__file__).resolve().parent


def repository_root() -> Path | None:
    """The checkout this package was installed from (editable install), if there is one."""
    candidate = PACKAGE_DIR.parents[1]
    if (candidate / "pyproject.toml").is_file() and (candidate / "raw").is_dir():
        return candidate
    return None


def default_data_dir() -> Path:
    """`$MLEFACTS_DATA_DIR`, else the repository root, else the working directory."""
    env = os.environ.get("MLEFACTS_DATA_DIR")
    if env:
        return Path(env).resolve()
    return repository_root() or Path.cwd().resolve()


def user_manifest(data_dir: Path) -> Path:
    """The manifest of one's own sources in a data directory (`mlefacts sources add` writes it)."""
    return data_dir / "sources.toml"


def default_manifest(data_dir: Path | None = None) -> Path:
    """The data directory's own manifest when it has one, else the bundled sources manifest
    shipped with the project."""
    if data_dir is not None and user_manifest(data_dir).is_file():
        return user_manifest(data_dir)
    root = repository_root() or default_data_dir()
    return root / "raw" / "bundled" / "sources.toml"


@dataclass(frozen=True, slots=True)
class RunSettings:
    """Knobs of one pipeline run; every limit is an option with a default, never silent."""

    data_dir: Path
    manifest: Path
    batch_size: int = 100
    keep_snapshots: int = 10
    max_source_bytes: int = 20_000_000
    fetch_deadline: float = 60.0
    # Share of the published sources a run may drop from the manifest without `allow_shrink`.
    max_shrink: float = 0.5
    allow_shrink: bool = False
    allow_private_hosts: bool = False
    allow_outside_paths: bool = False
    respect_robots: bool = True

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def curated_dir(self) -> Path:
        return self.data_dir / "curated"

    @property
    def cache_dir(self) -> Path:
        """Extraction results keyed by content hash and extractor version."""
        return self.raw_dir / "state" / "extracts"

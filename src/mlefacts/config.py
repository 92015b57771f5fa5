"""Where mlefacts keeps its data: the data directory and the manifest it reads by default.

The options of a run are `mlefacts.settings.Settings`."""

from __future__ import annotations

import os
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

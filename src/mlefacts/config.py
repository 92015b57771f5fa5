"""Where mlefacts keeps its data: the data directory and the manifest it reads by default.

The options of a run are `mlefacts.settings.Settings`."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import mlefacts

PACKAGE_DIR = Path(mlefacts.__file__).resolve().parent
_CODE_SUFFIXES = {".py", ".toml", ".csv", ".json"}


@cache
def package_digest(folders: tuple[str, ...] = ("",)) -> str:
    """A sha256 over the code and data files of the package's `folders` (names and bytes, in
    path order; "" is the whole package): what a result computed by that code depends on.
    Read once per process: the code a process runs is the code it loaded."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((PACKAGE_DIR / folder).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and path.is_file():
                digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


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

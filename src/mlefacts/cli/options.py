"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlefacts.cli.render import OutputFormat

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Directory holding raw/ and curated/ (default: $MLEFACTS_DATA_DIR, else the "
        "repository root of an editable install, else the current directory).",
    ),
]
Manifest = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="Sources manifest (TOML). Default: sources.toml in the data directory if it "
        "exists (`sources add` creates it), else the bundled raw/bundled/sources.toml.",
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Read an older snapshot (ids: `mlefacts snapshots`)."),
]
Format = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (readable), csv or json (scripts).")
]

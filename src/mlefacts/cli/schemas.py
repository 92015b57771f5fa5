"""`mlefacts schemas export`: the published table schemas as JSON files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from mlefacts.cli.render import console, errors

schemas_app = typer.Typer(help="The published table schemas (JSON files).", no_args_is_help=True)


@schemas_app.command("export")
def schemas_export(
    out: Annotated[
        Path | None, typer.Option(help="Output folder (default: schemas/ in the repository).")
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Write nothing; exit 1 when the files differ from the code.")
    ] = False,
) -> None:
    """Export the Pandera schema of every table as JSON (run after changing a schema).

    Example: [bold]mlefacts schemas export[/]   (CI: [bold]mlefacts schemas export --check[/])
    """
    from mlefacts.api import check_schemas, export_schemas, schemas_folder

    folder = schemas_folder(out)
    if check:
        stale = check_schemas(folder)
        if stale:
            errors.print(
                f"out of date in {folder}: {', '.join(stale)}", highlight=False, markup=False
            )
            errors.print(
                f"[dim]hint:[/] refresh them with: mlefacts schemas export --out "
                f"{escape(str(folder))}"
            )
            raise typer.Exit(1)
        console.print(f"{folder} matches the schemas in code", highlight=False, markup=False)
        return
    for path in export_schemas(folder):
        console.print(f"wrote {path}", highlight=False, markup=False)

"""`mlefacts report`: the HTML and Markdown report on the published data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlefacts.cli.errors import fail_reading, reading_errors, resolve
from mlefacts.cli.options import AsOf, DataDir
from mlefacts.cli.render import console


def report(
    out: Annotated[
        Path | None,
        typer.Option(
            help="Folder for report.html, report.md and the SVG charts (default: report/ in "
            "the data directory)."
        ),
    ] = None,
    data_dir: DataDir = None,
    as_of: AsOf = None,
) -> None:
    """Write an HTML report (and the same in Markdown) with charts on the published data.

    Sources and their status, claims per kind, the conflicts with their sentences, market
    estimates over the years, salaries, percentage breakdowns, skills. Written to report/ in
    the data directory unless --out says where.

    Example: [bold]mlefacts report --out ./report[/] then open ./report/report.html
    """
    from mlefacts.api import write_report

    folder = resolve(data_dir)
    try:
        files = write_report(folder, out=out, snapshot=as_of)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    console.print(f"wrote {files.html} (open it in a browser)", highlight=False, markup=False)
    console.print(f"wrote {files.markdown}", highlight=False, markup=False)
    console.print(
        f"wrote {len(files.charts)} chart(s) in {Path(files.html).parent}",
        highlight=False,
        markup=False,
    )

"""The `mlefacts` command line: a thin layer over `mlefacts.api`, one module per group of
commands (`pipeline`, `read`, `snapshots`, `sources`, `schemas`, `report`), printed by `render`.

Exit codes: 0 success; 1 the work ran but found problems (a run with failed sources, conflicts
of severity error with --fail-on-error, stale schema files with `schemas export --check`);
2 bad usage or input (unknown table or snapshot, bad or writing SQL, no data published yet,
a locked data directory, a bad manifest, an invalid cron, no reachable Prefect server).
"""

from __future__ import annotations

import atexit
import gc
import inspect

import typer

from mlefacts.cli import pipeline, read, report, snapshots
from mlefacts.cli.schemas import schemas_app
from mlefacts.cli.sources import sources_app

# At exit the collector leaves alone what the command made (a run's Prefect and pandas modules
# and caches): the process ends ~0.6 s of CPU sooner; atexit handlers before this still run.
atexit.register(gc.freeze)

app = typer.Typer(
    name="mlefacts",
    help="Facts about the Machine Learning Engineer role, extracted from web articles with "
    "provenance, validated, reconciled and published as Parquet + DuckDB.\n\n"
    "Quick start: [bold]mlefacts run[/], then [bold]mlefacts tables[/], "
    '[bold]mlefacts sql "SELECT * FROM salaries"[/], [bold]mlefacts conflicts[/], '
    "[bold]mlefacts report[/].",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
# In the order `mlefacts --help` lists them.
for command in (
    pipeline.run,
    read.sql,
    read.tables,
    read.show,
    read.figures,
    read.conflicts,
    snapshots.snapshots,
    snapshots.verify,
    snapshots.rollback,
    snapshots.diff,
    pipeline.schedule,
    report.report,
):
    app.command()(command)
app.add_typer(sources_app, name="sources")
app.add_typer(schemas_app, name="schemas")


def reflowed(text: str) -> str:
    """A docstring with each paragraph on one line: Typer keeps a paragraph's line breaks, so a
    terminal narrower than the source's lines showed them broken mid-sentence."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


for group in (app, sources_app, schemas_app):
    for info in group.registered_commands:
        info.help = reflowed(info.help or info.callback.__doc__ or "")

__all__ = ["app"]

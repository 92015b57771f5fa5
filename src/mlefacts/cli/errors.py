"""How commands fail: one `error:` line (never wrapped) and a `hint:` with the next step, exit 2
for bad usage or input, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer
from rich.markup import escape

from mlefacts.cli.render import errors


def fail(message: str, hint: str | None = None, code: int = 2) -> NoReturn:
    """The error on one line (never wrapped: logs and grep see it whole), then the hint."""
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    if hint:
        errors.print(f"[dim]hint:[/] {escape(hint)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def resolve(data_dir: Path | None) -> Path:
    """The data directory every command uses: the option, else the same default as `run`."""
    from mlefacts.config import default_data_dir

    return (data_dir or default_data_dir()).resolve()


def fail_reading(exc: BaseException, data_dir: Path) -> NoReturn:
    """Exit 2 with a message and the next step for an error reading the curated data."""
    import duckdb

    from mlefacts.publish.catalog import NoSnapshotError, UnknownSnapshotError, UnknownTableError
    from mlefacts.publish.schema_version import IncompatibleSchemaError

    hints: list[tuple[type[BaseException], str]] = [
        (NoSnapshotError, f"publish data first with: mlefacts run --data-dir {data_dir}"),
        (UnknownSnapshotError, "list the snapshots with: mlefacts snapshots"),
        (UnknownTableError, "list the tables with: mlefacts tables"),
        (IncompatibleSchemaError, "publish again with: mlefacts run"),
        (duckdb.ParserException, "check the SQL syntax (DuckDB dialect)"),
        (duckdb.CatalogException, "list the tables and views with: mlefacts tables"),
        (duckdb.BinderException, 'see a table\'s columns with: mlefacts sql "DESCRIBE claims"'),
        (
            duckdb.PermissionException,
            "mlefacts sql only reads the curated tables; save results with --format csv > file",
        ),
    ]
    fail_missing_data_dir(data_dir)
    hint = next((text for kind, text in hints if isinstance(exc, kind)), None)
    fail(str(exc), hint)


def fail_missing_data_dir(data_dir: Path) -> None:
    """A mistyped --data-dir is named as such, not reported as a directory with no data yet."""
    if not data_dir.is_dir():
        fail(
            f"data directory {data_dir} does not exist",
            "check --data-dir and $MLEFACTS_DATA_DIR; to publish data there: "
            f"mlefacts run --data-dir {data_dir}",
        )


def fail_unpublished(data_dir: Path) -> NoReturn:
    fail_missing_data_dir(data_dir)
    fail(
        f"no snapshot published yet in {data_dir / 'curated'}",
        f"publish data first with: mlefacts run --data-dir {data_dir}",
    )


def reading_errors() -> tuple[type[BaseException], ...]:
    """What reading the curated data raises for bad input: caught and passed to `fail_reading`."""
    import duckdb

    from mlefacts.publish.schema_version import IncompatibleSchemaError

    return (FileNotFoundError, LookupError, IncompatibleSchemaError, duckdb.Error)

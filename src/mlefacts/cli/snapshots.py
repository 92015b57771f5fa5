"""The commands over published snapshots: snapshots, verify, rollback, diff."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from mlefacts.cli.errors import fail, fail_reading, fail_unpublished, reading_errors, resolve
from mlefacts.cli.options import DataDir, Format
from mlefacts.cli.render import OutputFormat, console, errors, frame_rows, print_rows, record_rows


def snapshots(data_dir: DataDir = None, fmt: Format = OutputFormat.table) -> None:
    """List the published snapshots, oldest first; the current one is marked.

    Example: [bold]mlefacts snapshots[/]
    """
    from mlefacts.api import snapshots as list_snapshots
    from mlefacts.publish.catalog import NoSnapshotError

    folder = resolve(data_dir)
    try:
        summaries = list_snapshots(folder)
    except NoSnapshotError:
        fail_unpublished(folder)
    columns = ["snapshot", "current", "claims", "conflicts"]
    records = [summary.to_dict() for summary in summaries]
    print_rows(record_rows(records, columns), fmt, title="snapshots")


def verify(
    data_dir: DataDir = None,
    all_snapshots: Annotated[
        bool, typer.Option("--all", help="Every kept snapshot, not only the current one.")
    ] = False,
) -> None:
    """Check published snapshots against the sha256 of every file their manifest recorded.

    Exit code 1 when a file is missing, extra or damaged (a run repairs the current snapshot
    by switching back to the newest sound one; `mlefacts rollback` does it by hand).

    Example: [bold]mlefacts verify --all[/]
    """
    from mlefacts.api import verify as verify_snapshots
    from mlefacts.publish.catalog import NoSnapshotError

    folder = resolve(data_dir)
    try:
        results = verify_snapshots(folder, all_snapshots=all_snapshots)
    except NoSnapshotError:
        fail_unpublished(folder)
    for snapshot, problems in results.items():
        if not problems:
            console.print(f"{snapshot}: ok", highlight=False, markup=False)
        for problem in problems:
            console.print(f"[red]{escape(snapshot)}: {escape(problem)}[/]", highlight=False)
    if any(results.values()):
        errors.print(
            "[dim]hint:[/] switch to a sound snapshot with: mlefacts rollback SNAPSHOT",
            highlight=False,
        )
        raise typer.Exit(1)


def rollback(
    snapshot: Annotated[str, typer.Argument(help="The snapshot to make current again.")],
    data_dir: DataDir = None,
) -> None:
    """Make an earlier snapshot current again (verified first, switched atomically).

    Example: [bold]mlefacts rollback 20260101T060000000000Z-1a2b3c4d[/] (ids: mlefacts snapshots)
    """
    from mlefacts.api import rollback as switch_back
    from mlefacts.publish.lock import RunLockedError
    from mlefacts.publish.snapshots import SnapshotDamagedError

    folder = resolve(data_dir)
    try:
        switch_back(snapshot, folder)
    except SnapshotDamagedError as exc:
        fail(str(exc), "find a sound one with: mlefacts verify --all")
    except LookupError as exc:
        fail(str(exc), "list the snapshots with: mlefacts snapshots")
    except RunLockedError as exc:
        fail(str(exc))
    console.print(f"current snapshot: {snapshot}", highlight=False, markup=False)


# The diff columns a readable table shows; csv and json carry every column.
_DIFF_SHOWN = ["change", "source_id", "kind", "subject", "old_value", "new_value", "quote"]


def diff(
    old: Annotated[str | None, typer.Argument(help="Older snapshot (default: previous).")] = None,
    new: Annotated[str | None, typer.Argument(help="Newer snapshot (default: current).")] = None,
    data_dir: DataDir = None,
    fmt: Format = OutputFormat.table,
) -> None:
    """List the claims added, removed and changed between two snapshots.

    Example: [bold]mlefacts diff[/] (the previous snapshot against the current one)
    """
    from mlefacts.api import diff as diff_claims
    from mlefacts.api import snapshots as published
    from mlefacts.publish.catalog import NoSnapshotError

    folder = resolve(data_dir)
    try:
        frame = diff_claims(old, new, folder)
        kept = published(folder)
    except NoSnapshotError:
        fail_unpublished(folder)
    except reading_errors() as exc:
        fail_reading(exc, folder)
    compared = new or next(s.snapshot for s in kept if s.current)
    if old is None and compared == kept[0].snapshot:  # the oldest kept: after a rollback to it
        errors.print(
            f"[dim]note:[/] no snapshot kept before {escape(compared)}: every claim is listed "
            "as added (name two snapshots to compare: mlefacts diff OLD NEW)",
            highlight=False,
        )
    if fmt is not OutputFormat.table:
        print_rows(frame_rows(frame), fmt)
        return
    if frame.empty:
        console.print(f"no claim changed ({old or 'previous'} -> {new or 'current'})", markup=False)
        return
    title = f"claims {old or 'previous'} -> {new or 'current'}"
    print_rows(frame_rows(frame[_DIFF_SHOWN]), fmt, title=title)
    summary = frame["change"].value_counts().sort_index()
    console.print(", ".join(f"{n} {change}" for change, n in summary.items()))

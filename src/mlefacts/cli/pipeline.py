"""`mlefacts run` and `mlefacts schedule`: the commands that run the flow."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from mlefacts.cli.errors import fail
from mlefacts.cli.options import DataDir, Manifest
from mlefacts.cli.render import console, errors
from mlefacts.fail_on import FailOn
from mlefacts.lean_imports import without_dask_dataframe, without_hypothesis
from mlefacts.long_lived import frozen_imports
from mlefacts.pattern_cache import install as install_pattern_cache

if TYPE_CHECKING:
    from mlefacts.results import RunReport

MANIFEST_HINT = 'a manifest has one [[source]] table per source, with uri = "URL or path"'

# The options of `run` and `schedule`: each is a setting (`mlefacts.settings`); one not given on
# the command line comes from $MLEFACTS_*, else the --config file, else its default.
ConfigFile = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file (TOML, every key in README's Settings table); flags and "
        "MLEFACTS_* variables override it.",
    ),
]
KeepSnapshots = Annotated[
    int | None, typer.Option(min=1, help="Published snapshots to keep (run.keep_snapshots: 10).")
]
Runner = Annotated[
    str | None,
    typer.Option(help="Batch stage: 'processes' (one per core), 'threads' or 'dask' (run.runner)."),
]
DaskAddress = Annotated[
    str | None,
    typer.Option(help="Existing Dask scheduler, e.g. tcp://HOST:8786 (with --runner dask)."),
]
AllowPrivateHosts = Annotated[
    bool | None,
    typer.Option(
        help="Allow URL sources on loopback/private addresses (fetch.allow_private_hosts)."
    ),
]
AllowOutsidePaths = Annotated[
    bool | None,
    typer.Option(
        help="Allow manifest paths outside the manifest's directory (run.allow_outside_paths)."
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        help="What makes a run fail (exit 1, and a Failed flow run in Prefect that automations "
        "can notify on): 'errors' = a source failed; 'conflicts' = that, or a new conflict of "
        "severity error; 'never'. The data is published either way (run.fail_on: errors)."
    ),
]
AllowShrink = Annotated[
    bool | None,
    typer.Option(
        help="Publish even if the manifest drops more than max-shrink of the published sources "
        "(run.allow_shrink)."
    ),
]
MaxShrink = Annotated[
    float | None,
    typer.Option(
        min=0.0, max=1.0, help="Share of the published sources a run may drop (run.max_shrink)."
    ),
]


@contextmanager
def _flow_status(verbose: bool) -> Iterator[Callable[[str], None] | None]:
    """A spinner on stderr showing the flow's latest event (Prefect's own lines with --verbose)."""
    if verbose:
        yield None
        return
    with errors.status(
        "starting Prefect (a temporary server unless PREFECT_API_URL is set)…"
    ) as status:
        yield lambda event: status.update(f"running the mlefacts flow… [dim]{escape(event)}[/]")


def run(
    config: ConfigFile = None,
    sources: Manifest = None,
    data_dir: DataDir = None,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Sources per Prefect task (run.batch_size: 250).")
    ] = None,
    keep_snapshots: KeepSnapshots = None,
    runner: Runner = None,
    dask_address: DaskAddress = None,
    allow_private_hosts: AllowPrivateHosts = None,
    allow_outside_paths: AllowOutsidePaths = None,
    fail_on: FailOnOption = None,
    allow_shrink: AllowShrink = None,
    max_shrink: MaxShrink = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run record as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines.")
    ] = False,
) -> None:
    """Run the pipeline: ingest, extract, validate, reconcile and publish a new snapshot.

    Sources whose bytes did not change since the last run are not extracted again. A run that
    fails under --fail-on (by default: some sources failed; one with an earlier good fetch keeps
    its claims, marked stale) exits 1 and its Prefect flow run ends Failed. Every setting can
    come from a --config file or a MLEFACTS_* variable; a flag wins over both.

    Example: [bold]mlefacts run --config mlefacts.toml --sources my_sources.toml[/]
    """
    options = {
        "sources": sources,
        "data_dir": data_dir,
        "batch_size": batch_size,
        "keep_snapshots": keep_snapshots,
        "runner": runner,
        "dask_address": dask_address,
        "allow_private_hosts": allow_private_hosts,
        "allow_outside_paths": allow_outside_paths,
        "fail_on": fail_on,
        "allow_shrink": allow_shrink,
        "max_shrink": max_shrink,
    }
    from mlefacts.flows.server import early_server

    # The server first: it starts on another core while this process imports the pipeline.
    with _quiet_prefect_console(not verbose), early_server():
        with frozen_imports():
            without_hypothesis()
            install_pattern_cache()  # before the pipeline's imports compile their patterns
            if _runner(config, options) != "dask":
                without_dask_dataframe()
            from mlefacts.api import run as run_pipeline
            from mlefacts.flows.orchestrate import prepare_flow

            prepare_flow()
        _warn_unknown_environment()
        with _run_errors(), _flow_status(verbose) as on_event:
            report = run_pipeline(config, on_event=on_event, **options)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        _print_run(report)
    if not report.ok:
        errors.print(f"[bold red]failed:[/] {escape(report.fail_reason or '')}", highlight=False)
        raise typer.Exit(1)


def _warn_unknown_environment() -> None:
    """A `MLEFACTS_*` variable that names no setting is reported (with the closest one), not
    ignored: the run goes on with the settings it does know."""
    from mlefacts.settings import unknown_environment

    for warning in unknown_environment():
        errors.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False, soft_wrap=True)


@contextmanager
def _quiet_prefect_console(quiet: bool) -> Iterator[None]:
    """Prefect's console lines at WARNING for this run only (its loggers and the Prefect UI's
    logs keep INFO); the variable is taken back after, so a later run in the same process (a
    test, a notebook) is not silenced by this one."""
    name = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"
    if not quiet or name in os.environ:
        yield
        return
    os.environ[name] = "WARNING"
    try:
        yield
    finally:
        os.environ.pop(name, None)


def _runner(config: Path | None, options: dict[str, object]) -> str | None:
    """The run's task runner, or None when its settings do not load (the run reports why)."""
    from mlefacts.settings import SettingsError, load_settings

    try:
        return load_settings(config, **options).run.runner
    except (SettingsError, OSError):
        return None


@contextmanager
def _run_errors() -> Iterator[None]:
    """A run or schedule refused before it starts: one error line and a hint, exit 2."""
    from mlefacts.flows.server import PrefectUnavailableError
    from mlefacts.publish.lock import RunLockedError
    from mlefacts.runner import ShrinkRefusedError
    from mlefacts.settings import SettingsError
    from mlefacts.sources.manifest import ManifestError
    from mlefacts.staging import StagingInUseError

    try:
        yield
    except SettingsError as exc:
        fail(str(exc), "every setting is listed in README's Settings table")
    except (RunLockedError, StagingInUseError) as exc:
        fail(str(exc), "wait for that run to end, or use another --data-dir")
    except PrefectUnavailableError as exc:
        fail(str(exc), exc.hint)
    except ManifestError as exc:
        fail(str(exc), MANIFEST_HINT)
    except ShrinkRefusedError as exc:
        fail(str(exc), "check the manifest, or pass --allow-shrink if the sources are meant to go")


def _print_run(report: RunReport) -> None:
    data_dir = Path(report.data_dir)
    style = "green" if report.status == "completed" else "yellow"
    console.print(
        f"[bold {style}]{report.status}[/] run {report.run_id} -> snapshot {report.snapshot_id}",
        highlight=False,
    )
    console.print(
        f"sources: {report.n_sources} ({report.n_sources_failed} failed, "
        f"{report.n_extracted} extracted, {report.n_cached} unchanged)  "
        f"claims: {report.n_claims}  rejections: {report.n_rejections}  "
        f"conflicts: {report.n_conflicts}",
        highlight=False,
    )
    console.print(
        "tables: " + ", ".join(f"{k}={v}" for k, v in report.counts.items()), highlight=False
    )
    console.print(f"data: {data_dir / 'curated'}", highlight=False, markup=False)
    from mlefacts.api import figure_coverage

    console.print(
        f"figures: {figure_coverage(data_dir)} (the rest: mlefacts figures --unclaimed)",
        highlight=False,
    )
    if report.n_sources_failed:
        from mlefacts.api import load

        sources = load("sources", data_dir)
        for row in sources[sources["status"] == "error"].itertuples(index=False):
            console.print(
                f"[yellow]failed[/] {escape(row.uri)}: {escape(str(row.error))}", highlight=False
            )
        console.print(
            f"[dim]history of each source: mlefacts sources list --data-dir {escape(str(data_dir))}"
        )
    else:
        console.print("[dim]next: mlefacts tables · mlefacts conflicts · mlefacts report[/]")


def schedule(
    cron: Annotated[
        str, typer.Option(help="Cron expression, e.g. '0 6 * * *' (06:00 daily), in --timezone.")
    ],
    timezone: Annotated[
        str,
        typer.Option(help="IANA time zone the cron expression is read in, e.g. Europe/Paris."),
    ] = "UTC",
    config: ConfigFile = None,
    sources: Manifest = None,
    data_dir: DataDir = None,
    keep_snapshots: KeepSnapshots = None,
    runner: Runner = None,
    dask_address: DaskAddress = None,
    allow_private_hosts: AllowPrivateHosts = None,
    allow_outside_paths: AllowOutsidePaths = None,
    fail_on: FailOnOption = None,
    allow_shrink: AllowShrink = None,
    max_shrink: MaxShrink = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "mlefacts-scheduled",
) -> None:
    """Serve the flow on a cron schedule through a running Prefect server (until Ctrl-C).

    The cron expression is read in UTC unless --timezone is given. Each scheduled run takes
    the settings this command resolves (--config, MLEFACTS_* variables, flags), stored as the
    deployment's parameters (a manifest left to its default is found again at each run): its
    batches run on the task runner they name (--runner, --dask-address). One run at a time:
    a run due while another runs is cancelled. The schedule stays active when this command
    stops: start it again (or let a service manager restart it) and it carries on.

    Needs a real Prefect API (schedules never fire on the temporary server): start one with
    `prefect server start` and `export PREFECT_API_URL=http://127.0.0.1:4200/api`.

    Example: [bold]mlefacts schedule --cron "0 6 * * *" --timezone Europe/Paris --config
    mlefacts.toml[/]
    """
    from mlefacts.api import schedule as serve
    from mlefacts.flows.scheduling import UnknownTimezoneError

    _warn_unknown_environment()

    options = {
        "sources": sources,
        "data_dir": data_dir,
        "keep_snapshots": keep_snapshots,
        "runner": runner,
        "dask_address": dask_address,
        "allow_private_hosts": allow_private_hosts,
        "allow_outside_paths": allow_outside_paths,
        "fail_on": fail_on,
        "allow_shrink": allow_shrink,
        "max_shrink": max_shrink,
    }
    with _run_errors():
        try:
            serve(cron, timezone=timezone, name=name, config=config, **options)
        except UnknownTimezoneError as exc:
            fail(str(exc), "use an IANA name such as UTC, Europe/Paris or America/New_York")
        except ValueError as exc:
            if "cron" not in str(exc):
                raise
            fail(str(exc), "a cron expression has five fields, e.g. '0 6 * * *'")

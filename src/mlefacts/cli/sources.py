"""`mlefacts sources list` and `mlefacts sources add`: the manifest's sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from mlefacts.cli.errors import fail, resolve
from mlefacts.cli.options import DataDir, Format, Manifest
from mlefacts.cli.render import OutputFormat, console, errors, print_rows, record_rows

sources_app = typer.Typer(
    help="List and add the sources (articles) of a manifest.", no_args_is_help=True
)


@sources_app.command("list")
def sources_list(
    sources: Manifest = None, data_dir: DataDir = None, fmt: Format = OutputFormat.table
) -> None:
    """Show each source of the manifest with its last fetch status.

    Example: [bold]mlefacts sources list --sources my_sources.toml[/]
    """
    from mlefacts.api import list_sources
    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import ManifestError

    folder = resolve(data_dir)
    try:
        statuses = list_sources(folder, sources=sources)
    except ManifestError as exc:
        fail(str(exc), "add a source with: mlefacts sources add URL --sources FILE")
    columns = ["source_id", "uri", "title", "last_status", "last_fetched", "error"]
    title = str(sources or default_manifest(folder))
    records = [status.to_dict() for status in statuses]
    print_rows(record_rows(records, columns), fmt, title=title)


@sources_app.command("add")
def sources_add(
    uri: Annotated[
        str,
        typer.Argument(help="An http(s) URL, or a file (absolute, or relative to the manifest)."),
    ],
    sources: Manifest = None,
    data_dir: DataDir = None,
    title: Annotated[str | None, typer.Option(help="Title of the article.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    license: Annotated[
        str | None, typer.Option(help="Licence of the content, e.g. CC-BY-4.0.")
    ] = None,
    page_url: Annotated[
        str | None, typer.Option(help="The page a local copy was saved from (http(s) URL).")
    ] = None,
    accessed: Annotated[
        str | None, typer.Option(help="When the page was accessed, YYYY-MM-DD.")
    ] = None,
    citation: Annotated[
        str | None, typer.Option(help="How to cite it (default: composed from the rest).")
    ] = None,
) -> None:
    """Append a source to a manifest: --sources, else sources.toml in the data directory
    (created with the bundled sources its runs read until then; never the bundled file).

    Example: [bold]mlefacts sources add https://example.com/ml --title "ML pay" --sources my.toml[/]
    """
    from mlefacts.api import add_source
    from mlefacts.sources.manifest import ManifestError

    folder = resolve(data_dir)
    try:
        added = add_source(
            uri,
            folder,
            sources=sources,
            title=title,
            publisher=publisher,
            published=published,
            license=license,
            page_url=page_url,
            accessed=accessed,
            citation=citation,
        )
    except FileNotFoundError as exc:
        from mlefacts.config import user_manifest

        folder_of = (sources or user_manifest(folder)).parent
        fail(
            str(exc),
            f"a local source is an absolute path or a path relative to the manifest's folder "
            f"{folder_of}",
        )
    except ManifestError as exc:
        listed = "already listed" in str(exc)
        fail(
            str(exc),
            "mlefacts sources list shows the manifest's sources"
            if listed
            else "a source is an http(s) URL or a file path; dates are YYYY-MM-DD",
        )
    console.print(
        f"added {added.uri} as {added.source_id} to {added.manifest}", highlight=False, markup=False
    )
    for warning in added.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    shown = f"--sources {added.manifest}" if sources else f"--data-dir {folder}"
    for flag in ("--allow-private-hosts", "--allow-outside-paths"):
        if any(flag in warning for warning in added.warnings):
            shown += f" {flag}"  # the run refuses the source without it
    console.print(f"[dim]fetch it with: mlefacts run {escape(shown)}[/]", highlight=False)

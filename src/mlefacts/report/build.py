"""`mlefacts report`: an HTML page and a Markdown file (with SVG charts) on the curated data.

`render_report` is a pure function of the tables, so the same data gives byte-identical files;
`build_report` loads the tables through the public API and writes the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mlefacts.api import load
from mlefacts.report.content import build_content
from mlefacts.report.render import chart_file, to_html, to_markdown

REPORT_TABLES: tuple[str, ...] = (
    "sources",
    "documents",
    "claims",
    "conflicts",
    "conflict_claims",
    "consensus",
    "runs",
)
"""The curated tables the report reads."""

HTML_NAME = "report.html"
MARKDOWN_NAME = "report.md"


@dataclass(frozen=True, slots=True)
class Report:
    """A rendered report: the page, the Markdown and each chart's SVG by file name."""

    html: str
    markdown: str
    charts: dict[str, str]


@dataclass(frozen=True, slots=True)
class ReportPaths:
    """Where `build_report` wrote the report."""

    html: Path
    markdown: Path
    charts: list[Path]


def render_report(tables: Mapping[str, pd.DataFrame]) -> Report:
    """The report on `tables` (name -> DataFrame; a missing table counts as empty)."""
    content = build_content(tables)
    return Report(
        html=to_html(content),
        markdown=to_markdown(content),
        charts={chart_file(chart): chart.svg for chart in content.charts},
    )


def load_tables(data_dir: Path | None, snapshot: str | None) -> dict[str, pd.DataFrame]:
    """The tables the report reads, from the current (or the named) snapshot."""
    return {name: load(name, data_dir, snapshot=snapshot) for name in REPORT_TABLES}


def write_report(report: Report, out_dir: Path) -> ReportPaths:
    """Write the page, the Markdown and the charts to `out_dir`, replacing an older report's
    charts so the folder never holds a chart the current report does not show."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("chart-*.svg"):
        if old.name not in report.charts:
            old.unlink()
    charts = []
    for name, svg in report.charts.items():
        path = out_dir / name
        path.write_text(svg, encoding="utf-8")
        charts.append(path)
    html_path, markdown_path = out_dir / HTML_NAME, out_dir / MARKDOWN_NAME
    html_path.write_text(report.html, encoding="utf-8")
    markdown_path.write_text(report.markdown, encoding="utf-8")
    return ReportPaths(html=html_path, markdown=markdown_path, charts=charts)


def build_report(
    *, data_dir: Path | None = None, out_dir: Path, snapshot: str | None = None
) -> ReportPaths:
    """Render the report on the current (or the named) snapshot into `out_dir`.

    >>> build_report(out_dir=Path("report"))  # doctest: +SKIP
    ReportPaths(html=PosixPath('report/report.html'), markdown=..., charts=[...])
    """
    return write_report(render_report(load_tables(data_dir, snapshot)), out_dir)

"""The report as a real browser shows it: headless Chromium lays out the page rendered from a
real run on the bundled sources, and a script (report_layout.js) measures every section and
chart: visible, inside the page, no two labels on top of each other, no label on a projection
line. Skipped, saying why, where Chromium is not installed (`apt-get install chromium`)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mlefacts.report.build import build_report
from mlefacts.runner import run_pipeline
from mlefacts.settings import Settings

CHROMIUM = next(
    (
        path
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (path := shutil.which(name))
    ),
    None,
)
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="headless Chromium not installed (Debian: apt-get install chromium)",
    ),
    pytest.mark.slow,  # a real run and a browser: seconds
]
LAYOUT_SCRIPT = Path(__file__).with_name("report_layout.js")


def _chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--window-size=1280,2000",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.fixture(scope="module")
def report_dir(bundled_manifest: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("browser-data")
    run_pipeline(Settings(data_dir=data_dir, manifest=bundled_manifest))
    out = data_dir / "report"
    build_report(data_dir=data_dir, out_dir=out)
    return out


@pytest.fixture(scope="module")
def layout(report_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The measurements of report_layout.js, run in the page after it is laid out."""
    page = report_dir / "layout-check.html"
    script = f"<script>\n{LAYOUT_SCRIPT.read_text(encoding='utf-8')}</script>\n</body>"
    page_html = (report_dir / "report.html").read_text(encoding="utf-8")
    page.write_text(page_html.replace("</body>", script), encoding="utf-8")
    dom = _chromium(page, tmp_path_factory.mktemp("chromium"), "--dump-dom").stdout
    found = re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    return json.loads(html.unescape(found.group(1)))


def test_every_section_is_visible(layout: dict[str, Any]) -> None:
    ids = [section["id"] for section in layout["sections"]]
    assert ids == [
        "run",
        "sources",
        "claims",
        "conflicts",
        "markets",
        "salaries",
        "breakdowns",
        "skills",
    ]
    assert all(section["visible"] for section in layout["sections"]), layout["sections"]


def test_every_chart_is_visible_inside_the_page_with_its_caption(
    layout: dict[str, Any], report_dir: Path
) -> None:
    charts = {chart["id"]: chart for chart in layout["charts"]}
    assert set(charts) == {
        f"chart-{p.stem.removeprefix('chart-')}" for p in report_dir.glob("chart-*.svg")
    }
    for chart in charts.values():
        assert chart["visible"] and chart["inside_page"] and chart["caption"], chart
        assert chart["n_texts"] > 5, chart


def test_no_label_overlaps_another_or_a_projection_line(layout: dict[str, Any]) -> None:
    problems = {
        chart["id"]: {
            "text on text": chart["text_overlaps"],
            "text on line": chart["text_on_lines"],
        }
        for chart in layout["charts"]
        if chart["text_overlaps"] or chart["text_on_lines"]
    }
    assert not problems, json.dumps(problems, indent=1)


def test_the_screenshot_shows_the_whole_page(report_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "report.png"
    _chromium(report_dir / "report.html", tmp_path / "profile", f"--screenshot={shot}")
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, badges and charts, not a blank page

"""The report: content, charts, escaping and determinism, from small hand-made curated tables."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mlefacts.report import build
from mlefacts.report.build import Report, build_report, render_report
from mlefacts.report.charts import breakdown_note

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "tables.json"
CLAIM_DEFAULTS: dict[str, Any] = {
    "run_id": "r1",
    "subject": "machine learning engineer",
    "value": None,
    "value_high": None,
    "unit": None,
    "text": None,
    "year": None,
    "attributed_to": None,
    "char_start": 0,
    "extractor": "test",
    "extractor_version": "1",
    "stale": False,
}


def sample_tables(title_a: str | None = None) -> dict[str, pd.DataFrame]:
    """Three sources (two market forecasts with growth rates, salaries in USD and INR, an
    industry breakdown summing to 95%, skills) and a fourth whose fetch failed; conflicts of
    each severity. Claims are written compactly: defaults and qualifiers (an object) filled in."""
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    claims = [
        {
            **CLAIM_DEFAULTS,
            **row,
            "qualifiers": json.dumps(row.get("qualifiers", {}), sort_keys=True),
            "char_end": row.get("char_start", 0) + len(row["quote"]),
        }
        for row in raw.pop("claims")
    ]
    tables = {name: pd.DataFrame(rows) for name, rows in raw.items()}
    tables["claims"] = pd.DataFrame(claims).astype({"year": "Int64"})
    if title_a is not None:
        tables["sources"].loc[0, "title"] = title_a
    return tables


@pytest.fixture(scope="module")
def report() -> Report:
    return render_report(sample_tables())


def section(html: str, anchor: str) -> str:
    start = html.index(f'<section id="{anchor}">')
    return html[start : html.index("</section>", start)]


def test_report_names_the_latest_run(report: Report) -> None:
    run = section(report.html, "run")
    assert "r1" in run and "snap-0042" in run and "2025-03-01T10:02:00+00:00" in run
    assert "completed_with_errors" in run and "r0" not in run
    assert "snap-0042" in report.markdown


def test_failing_source_is_shown_with_its_error(report: Report) -> None:
    sources = section(report.html, "sources")
    row = next(r for r in sources.split("<tr>") if "down.example" in r)
    assert 'class="badge error"' in row and "HTTP 503 Service Unavailable" in row
    assert "HTTP 503 Service Unavailable" in report.markdown


def test_claims_are_counted_per_kind_and_source(report: Report) -> None:
    claims = section(report.html, "claims")
    header = re.findall(r"<th[^>]*>([^<]*)</th>", claims)
    assert header == ["source", "growth_rate", "market_size", "salary", "share", "skill", "total"]
    first = re.findall(r"<td[^>]*>([^<]*)</td>", claims.split("<tr>")[2])
    assert first == ["S1", "1", "2", "2", "3", "2", "10"]
    assert "| total | 2 | 4 | 5 | 4 | 5 | 20 |" in report.markdown


def test_conflicts_are_listed_by_severity_with_their_sentences(report: Report) -> None:
    conflicts = section(report.html, "conflicts")
    order = re.findall(r'<article class="conflict (\w+)">', conflicts)
    assert order == ["error", "warning", "info", "info"]
    assert "S1 implies $51.8B; S2 states $40.0B." in conflicts
    assert "“valued at USD 8.43 bn in 2020”" in conflicts
    assert "“exceed $39,986.7 million by 2025”" in conflicts
    md = report.markdown
    assert md.index("**error**") < md.index("**warning**") < md.index("**info**")
    assert "The industry shares add up to 95%, not 100%." in md


def test_conflict_quotes_are_shown_in_their_sentence() -> None:
    tables = sample_tables()
    claims = tables["claims"]
    first = claims.index[claims["claim_id"] == "c01"][0]
    text = "Intro.\nIn short, the market was " + claims.loc[first, "quote"] + ". Then more."
    claims.loc[first, "char_start"] = text.index("valued")
    tables["documents"] = pd.DataFrame([{"source_id": "s_alpha", "text": text}])
    html = section(render_report(tables).html, "conflicts")
    assert "“In short, the market was valued at USD 8.43 bn in 2020.”" in html
    assert "Then more" not in html and "Intro" not in html


def test_every_chart_kind_is_embedded_and_listed(report: Report) -> None:
    assert set(report.charts) == {
        "chart-market-global-machine-learning-market-usd.svg",
        "chart-salaries-usd-annual.svg",
        "chart-salaries-inr-annual.svg",
        "chart-breakdown-s1-industry.svg",
        "chart-skills-top.svg",
    }
    for anchor in ("markets", "salaries", "breakdowns", "skills"):
        assert "<svg" in section(report.html, anchor), anchor
    assert report.html.count("<svg") == len(report.charts)
    assert "<?xml" not in report.html
    ids = re.findall(r' id="([^"]+)"', report.html)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'url\(#([^)]+)\)|xlink:href="#([^"]+)"', report.html):
        assert "".join(ref) in ids
    for name in report.charts:
        assert f"]({name})" in report.markdown


def test_market_chart_shows_points_and_each_source_projection(report: Report) -> None:
    svg = report.charts["chart-market-global-machine-learning-market-usd.svg"]
    assert "S1 projected at 43.8%/yr" in svg and "S2 projected at 49.7%/yr" in svg
    assert "USD billions" in svg and "forecast (hollow marker)" in svg
    assert "$96.7B" in svg and "$40.0B" in svg


def test_salary_charts_keep_currencies_apart_and_label_rows(report: Report) -> None:
    usd, inr = (
        report.charts["chart-salaries-usd-annual.svg"],
        report.charts["chart-salaries-inr-annual.svg"],
    )
    assert "senior" in usd and "United States · mean (2019)" in usd and "Google" not in usd
    assert "Google · India" in inr and "Infosys · India" in inr and "senior" not in inr
    assert "INR 500,000–800,000" in inr and "range up to the upper figure" in inr


def test_salary_without_pay_period_joins_its_currency_only_period() -> None:
    tables = sample_tables()
    claims = tables["claims"]
    claims.loc[claims["claim_id"] == "c09", "qualifiers"] = json.dumps({"statistic": "mean"})
    rendered = render_report(tables)
    assert "chart-salaries-usd.svg" not in rendered.charts
    assert "mean (2019) *" in rendered.charts["chart-salaries-usd-annual.svg"]
    assert "No pay period stated" in section(rendered.html, "salaries")


def test_breakdown_that_does_not_sum_to_100_has_a_note(report: Report) -> None:
    breakdowns = section(report.html, "breakdowns")
    assert "The shares add up to 95%, not 100%." in breakdowns
    assert "Not charted: 1 percentage claim outside any named breakdown" in breakdowns
    assert breakdown_note(100.0, partial=False) is None
    assert "partial" in (breakdown_note(60.0, partial=True) or "")


def test_skills_chart_ranks_by_sources(report: Report) -> None:
    svg = report.charts["chart-skills-top.svg"]
    assert svg.index("Python") < svg.index("SQL") and "Deployment" not in svg


def test_strings_from_data_are_escaped() -> None:
    hostile = "<script>alert(1)</script> & co"
    rendered = render_report(sample_tables(title_a=hostile))
    assert "<script>" not in rendered.html and "<script>" not in rendered.markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in rendered.html
    assert all("<script>" not in svg for svg in rendered.charts.values())


def test_markdown_images_and_links_from_page_text_stay_text() -> None:
    """report.md read by a renderer that follows any link (markdown-it without its URL check):
    page text yields no image, no link and no script; only the report's own charts are images."""
    from markdown_it import MarkdownIt

    payload = "![pixel](https://tracker.example/p.png) [click me](javascript:alert(1)) <b>x</b>"
    tables = sample_tables(title_a=payload)
    tables["conflicts"].loc[0, "detail"] = payload
    markdown = render_report(tables).markdown
    renderer = MarkdownIt("commonmark").enable("table")
    renderer.validateLink = lambda url: True
    page = renderer.render(markdown)
    assert "<a " not in page and "<b>" not in page and "javascript:" not in page.split('"')[1::2]
    images = re.findall(r'<img src="([^"]*)"', page)
    assert images and all(re.fullmatch(r"chart-[a-z0-9-]+\.svg", src) for src in images)
    assert "![pixel](https://tracker.example/p.png) [click me](javascript:alert(1))" in page


def tick_labels(svg: str, axis: str) -> list[str]:
    """The tick labels of one axis ('x' or 'y') of a chart, in order."""
    groups = re.findall(rf'<g id="{axis}tick_\d+">(.*?)</text>', svg, re.DOTALL)
    return [group.rsplit(">", 1)[-1].strip() for group in groups]


def test_each_axis_labels_its_ticks_in_one_unit(report: Report) -> None:
    for name, svg in report.charts.items():
        for axis in ("x", "y"):
            labels = [label for label in tick_labels(svg, axis) if label != "0"]
            numeric = [label for label in labels if re.fullmatch(r"[\d,.]+[KMBT]?", label)]
            if not numeric:
                continue
            suffixes = {re.sub(r"[\d,.]", "", label) for label in numeric}
            decimals = {
                len(label.split(".")[1].rstrip("KMBT")) if "." in label else 0 for label in numeric
            }
            assert len(suffixes) == 1 and len(decimals) == 1, (name, axis, labels)
    inr = tick_labels(report.charts["chart-salaries-inr-annual.svg"], "x")
    assert inr[0] == "0" and all(label.endswith("M") for label in inr[1:]), inr


def test_the_skills_axis_ends_at_the_number_of_sources(report: Report) -> None:
    ticks = tick_labels(report.charts["chart-skills-top.svg"], "x")
    n_cited = sample_tables()["claims"]["source_id"].nunique()
    assert ticks[0] == "0" and ticks[-1] == str(n_cited)
    assert f"of {n_cited} sources" in report.charts["chart-skills-top.svg"]


def test_a_market_with_two_figures_is_a_small_table_not_a_chart() -> None:
    tables = sample_tables()
    claims = tables["claims"]
    market = claims["kind"] == "market_size"
    keep = claims[market].index[:2]
    tables["claims"] = claims[~market | claims.index.isin(keep)]
    rendered = render_report(tables)
    assert not any(name.startswith("chart-market") for name in rendered.charts)
    markets = section(rendered.html, "markets")
    assert "2 figures, too few for a chart" in markets and "<table>" in markets
    assert "$8.43B" in markets and "$96.7B" in markets
    assert "| year | figure | forecast | source | stated by |" in rendered.markdown


def test_a_lone_salary_in_its_currency_is_a_sentence_not_a_one_bar_chart() -> None:
    tables = sample_tables()
    claims = tables["claims"]
    lone = (
        claims[claims["kind"] == "salary"]
        .iloc[[0]]
        .assign(claim_id="c-eur", unit="EUR", value=70000.0, value_high=None)
    )
    tables["claims"] = pd.concat([claims, lone], ignore_index=True)
    rendered = render_report(tables)
    assert not any("eur" in name for name in rendered.charts)
    salaries = section(rendered.html, "salaries")
    assert "The only salary in EUR (annual): EUR 70,000, entry (S1)." in salaries
    assert "chart-salaries-usd-annual" in salaries and "chart-salaries-inr-annual" in salaries


def test_breakdown_titles_say_what_the_shares_are_of(report: Report) -> None:
    svg = report.charts["chart-breakdown-s1-industry.svg"]
    assert "Share of machine learning engineer by industry (S1)" in " ".join(
        re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    )
    tables = sample_tables()
    claims = tables["claims"]
    shares = claims["qualifiers"].str.contains('"dimension": "industry"')
    claims.loc[shares, "qualifiers"] = claims.loc[shares, "qualifiers"].str.replace(
        '"dimension"', '"measure": "Percentage of Job Postings", "dimension"'
    )
    rendered = render_report(tables)
    assert "Share of job postings by industry (S1)" in rendered.html
    assert "% of job postings" in rendered.charts["chart-breakdown-s1-industry.svg"]


def test_rendering_is_deterministic() -> None:
    first, second = render_report(sample_tables()), render_report(sample_tables())
    assert first == second
    assert "<dc:date>" not in first.charts["chart-skills-top.svg"]


def test_empty_data_renders_every_section() -> None:
    rendered = render_report({})
    for anchor in ("run", "sources", "claims", "conflicts", "markets", "salaries", "skills"):
        assert f'<section id="{anchor}">' in rendered.html
    assert rendered.charts == {} and "No run recorded" in rendered.html


def test_build_report_writes_files_and_drops_stale_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = sample_tables()
    asked: list[tuple[str, Path | None, str | None]] = []

    def fake_load(name: str, data_dir: Path | None, *, snapshot: str | None) -> pd.DataFrame:
        asked.append((name, data_dir, snapshot))
        return tables.get(name, pd.DataFrame())

    monkeypatch.setattr(build, "load", fake_load)
    out = tmp_path / "out"
    out.mkdir()
    (out / "chart-old.svg").write_text("<svg/>")
    paths = build_report(data_dir=tmp_path, out_dir=out, snapshot="snap-0042")
    assert [a[0] for a in asked] == list(build.REPORT_TABLES)
    assert {a[1] for a in asked} == {tmp_path} and {a[2] for a in asked} == {"snap-0042"}
    assert paths.html.read_text(encoding="utf-8") == render_report(tables).html
    assert paths.markdown.parent == out and len(paths.charts) == 5
    assert all(p.read_text(encoding="utf-8").lstrip().startswith("<?xml") for p in paths.charts)
    assert not (out / "chart-old.svg").exists()

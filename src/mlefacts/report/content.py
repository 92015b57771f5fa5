"""What the report says, as a small document model that the HTML and Markdown writers share.

Building the content once and writing it twice keeps both formats saying the same thing; the
writers only decide how it looks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from mlefacts.contract import TABLE_COLUMNS
from mlefacts.document.sentences import quote_sentence
from mlefacts.reconcile.describe import format_value
from mlefacts.report.charts import (
    MIN_CHART_FIGURES,
    PALETTE,
    Chart,
    Market,
    SourceStyle,
    breakdown_charts,
    market_chart,
    markets,
    named_shares,
    plural,
    salary_chart,
    salary_groups,
    salary_label,
    skills_chart,
)

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Conflict severities, most serious first: the order the report lists conflicts in."""

QUOTES_PER_CONFLICT = 6
"""How many of a conflict's claim quotes are shown; the rest are counted, not hidden."""


@dataclass(frozen=True, slots=True)
class Badge:
    """A short status word shown highlighted ('error', 'ok'); `tone` picks its colour."""

    text: str
    tone: str


Cell = str | Badge


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Label-value pairs, e.g. the run's id and status."""

    items: tuple[tuple[str, Cell], ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: right-aligned numbers."""


@dataclass(frozen=True, slots=True)
class Quote:
    source_key: str
    text: str


@dataclass(frozen=True, slots=True)
class Conflict:
    severity: str
    kind: str
    topic: str
    detail: str
    quotes: tuple[Quote, ...]
    more_quotes: int


@dataclass(frozen=True, slots=True)
class Gallery:
    """Charts shown side by side (small multiples)."""

    charts: tuple[Chart, ...]


Block = Paragraph | Facts | Table | Conflict | Chart | Gallery


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Content:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...] = field(default=())


def _text(value: object) -> str:
    """A data value as display text; missing values are empty."""
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return ""
    return str(value)


def _count(value: float | None) -> str:
    """A count as digits ('9000', never '9000.0'); missing is empty."""
    return "" if value is None or pd.isna(value) else str(int(value))


def _json(text: object, default: Any) -> Any:
    try:
        return json.loads(text) if isinstance(text, str) else default
    except ValueError:
        return default


def source_styles(sources: pd.DataFrame, claims: pd.DataFrame) -> dict[str, SourceStyle]:
    """S1, S2, ... in the sources table's order by uri, then any source only claims name."""
    ids: list[str] = []
    titles: dict[str, str] = {}
    if not sources.empty:
        for row in sources.sort_values(["uri", "source_id"], kind="stable").itertuples():
            ids.append(str(row.source_id))
            titles[str(row.source_id)] = _text(row.title) or _text(row.uri)
    if not claims.empty:
        ids += sorted(set(claims["source_id"].astype(str)) - set(ids))
    return {
        sid: SourceStyle(f"S{i + 1}", titles.get(sid, sid), PALETTE[i % len(PALETTE)])
        for i, sid in enumerate(ids)
    }


def latest_run(runs: pd.DataFrame) -> dict[str, Any] | None:
    """The most recently started run, the one that published the data."""
    if runs.empty:
        return None
    return runs.sort_values("started_at", kind="stable").iloc[-1].to_dict()


def _run_section(
    run: dict[str, Any] | None, sources: pd.DataFrame, claims: pd.DataFrame, conflicts: pd.DataFrame
) -> Section:
    items: list[tuple[str, Cell]] = []
    if run is None:
        items.append(("run", "no run recorded"))
    else:
        status = _text(run.get("status"))
        tone = {"completed": "ok", "completed_with_errors": "warning"}.get(status, "error")
        items += [
            ("run", _text(run.get("run_id"))),
            ("status", Badge(status, tone)),
            ("finished", _text(run.get("finished_at")) or "not finished"),
            ("snapshot", _text(run.get("snapshot_id"))),
        ]
        if _text(run.get("message")):
            items.append(("message", _text(run["message"])))
    n_failed = int((sources["status"] == "error").sum()) if not sources.empty else 0
    items.append(("sources", f"{len(sources)} ({n_failed} failed)"))
    items.append(("claims", str(len(claims))))
    by_severity = conflicts["severity"].value_counts() if not conflicts.empty else pd.Series()
    counts = ", ".join(f"{int(by_severity.get(s, 0))} {s}" for s in SEVERITIES)
    items.append(("conflicts", f"{len(conflicts)} ({counts})"))
    return Section("run", "Run", (Facts(tuple(items)),))


def _sources_section(sources: pd.DataFrame, styles: Mapping[str, SourceStyle]) -> Section:
    if sources.empty:
        return Section("sources", "Sources", (Paragraph("No sources in this snapshot."),))
    tones = {"ok": "ok", "not_modified": "ok", "stale": "warning", "error": "error"}
    rows = []
    for row in sources.sort_values(["uri", "source_id"], kind="stable").itertuples():
        status = _text(row.status)
        rows.append(
            (
                styles[str(row.source_id)].key,
                _text(row.title),
                _text(row.uri),
                Badge(status, tones.get(status, "warning")),
                _count(row.n_chars),
                "yes" if bool(row.stale) else "no",
                _text(row.error),
            )
        )
    header = ("", "title", "uri", "status", "chars", "stale", "error")
    numeric = (False, False, False, False, True, False, False)
    return Section("sources", "Sources", (Table(header, tuple(rows), numeric),))


def _claims_section(claims: pd.DataFrame, styles: Mapping[str, SourceStyle]) -> Section:
    if claims.empty:
        return Section("claims", "Claims per kind", (Paragraph("No claims in this snapshot."),))
    counts = pd.crosstab(claims["source_id"].astype(str), claims["kind"])
    kinds = sorted(counts.columns)
    rows = []
    for source_id, style in styles.items():
        if source_id in counts.index:
            line = counts.loc[source_id]
            rows.append((style.key, *(str(int(line[k])) for k in kinds), str(int(line.sum()))))
    rows.append(("total", *(str(int(counts[k].sum())) for k in kinds), str(len(claims))))
    header = ("source", *kinds, "total")
    numeric = (False, *([True] * (len(kinds) + 1)))
    intro = Paragraph("Claims extracted from each source, by kind of fact.")
    return Section("claims", "Claims per kind", (intro, Table(header, tuple(rows), numeric)))


def _claim_quotes(
    claims: pd.DataFrame, documents: pd.DataFrame, styles: Mapping[str, SourceStyle]
) -> dict[str, tuple[int, int, Quote]]:
    """claim_id -> (source rank, offset, the claim's sentence) for listing under conflicts."""
    texts = (
        dict(zip(documents["source_id"], documents["text"], strict=True)) if len(documents) else {}
    )
    rank = {sid: i for i, sid in enumerate(styles)}
    quotes = {}
    for row in claims.itertuples():
        key = styles[str(row.source_id)].key
        text = texts.get(row.source_id)
        start, end = int(row.char_start), int(row.char_start) + len(_text(row.quote))
        sentence = quote_sentence(text, start, end) if text else _text(row.quote)
        quotes[str(row.claim_id)] = (rank[str(row.source_id)], start, Quote(key, sentence))
    return quotes


def _conflicts_section(
    conflicts: pd.DataFrame,
    links: pd.DataFrame,
    claims: pd.DataFrame,
    documents: pd.DataFrame,
    styles: Mapping[str, SourceStyle],
) -> Section:
    if conflicts.empty:
        return Section("conflicts", "Conflicts", (Paragraph("The sources do not disagree."),))
    quotes = _claim_quotes(claims, documents, styles)
    claims_of = (
        links.groupby("conflict_id", sort=False)["claim_id"].agg(list).to_dict()
        if len(links)
        else {}
    )
    order = conflicts.assign(
        _rank=conflicts["severity"].map({s: i for i, s in enumerate(SEVERITIES)}).fillna(9)
    ).sort_values(["_rank", "kind", "subject", "attribute", "conflict_id"], kind="stable")
    blocks: list[Block] = [
        Paragraph(
            f"{len(conflicts)} disagreements between or within sources, most serious first, "
            "each with the sentences of the claims involved."
        )
    ]
    for row in order.itertuples():
        found = sorted(
            (quotes[c] for c in claims_of.get(row.conflict_id, []) if c in quotes),
            key=lambda t: t[:2],
        )
        sentences = list(dict.fromkeys(quote for _, _, quote in found))
        blocks.append(
            Conflict(
                severity=_text(row.severity),
                kind=_text(row.kind).replace("_", " "),
                topic=f"{_text(row.subject)} · {_text(row.attribute)}",
                detail=_text(row.detail),
                quotes=tuple(sentences[:QUOTES_PER_CONFLICT]),
                more_quotes=max(0, len(sentences) - QUOTES_PER_CONFLICT),
            )
        )
    return Section("conflicts", "Conflicts", tuple(blocks))


def _chart_section(anchor: str, title: str, charts: list[Chart], empty: str) -> Section:
    if not charts:
        return Section(anchor, title, (Paragraph(empty),))
    return Section(anchor, title, tuple(charts))


def _market_table(market: Market, styles: Mapping[str, SourceStyle]) -> list[Block]:
    """A market with too few figures for a chart: its figures as a small table."""
    rank = {sid: i for i, sid in enumerate(styles)}
    rows = market.figures.assign(_rank=market.figures["source_id"].map(rank)).sort_values(
        ["year", "_rank", "value"], kind="stable"
    )
    intro = Paragraph(
        f"{market.subject.capitalize()} ({market.unit}): "
        f"{plural(market.n_distinct, 'figure')}, too few for a chart."
    )
    table = Table(
        ("year", "figure", "forecast", "source", "stated by"),
        tuple(
            (
                _count(row.year),
                format_value(float(row.value), market.unit),
                "yes" if row.q.get("forecast") else "no",
                styles[str(row.source_id)].key,
                _text(row.attributed_to),
            )
            for row in rows.itertuples()
        ),
        (True, True, False, False, False),
    )
    return [intro, table]


def _markets_section(
    claims: pd.DataFrame, conflicts: pd.DataFrame, styles: Mapping[str, SourceStyle]
) -> Section:
    blocks: list[Block] = []
    for market in markets(claims, conflicts):
        if market.n_distinct >= MIN_CHART_FIGURES:
            blocks.append(market_chart(market, styles))
        else:
            blocks += _market_table(market, styles)
    if not blocks:
        blocks.append(Paragraph("No market-size figures in this snapshot."))
    return Section("markets", "Market size", tuple(blocks))


def _salaries_section(claims: pd.DataFrame, styles: Mapping[str, SourceStyle]) -> Section:
    """A bar chart per currency and pay period; a lone figure is a line of text, not a chart
    with one bar."""
    blocks: list[Block] = []
    for unit, period, rows in salary_groups(claims):
        if len(rows) >= 2:
            blocks.append(salary_chart(unit, period, rows, styles))
            continue
        row = rows.iloc[0]
        high = f"–{format_value(float(row.value_high), unit)}" if pd.notna(row.value_high) else ""
        blocks.append(
            Paragraph(
                f"The only salary in {unit}{f' ({period})' if period else ''}: "
                f"{format_value(float(row.value), unit)}{high}, "
                f"{salary_label(row.q, _text(row.subject), row.year)} "
                f"({styles[str(row.source_id)].key})."
            )
        )
    if not blocks:
        blocks.append(Paragraph("No salary figures in this snapshot."))
    return Section("salaries", "Salaries", tuple(blocks))


def _breakdowns_section(claims: pd.DataFrame, styles: Mapping[str, SourceStyle]) -> Section:
    charts = breakdown_charts(claims, styles)
    blocks: list[Block] = [Gallery(tuple(charts))] if charts else []
    n_shares = int(((claims["kind"] == "share") & (claims["unit"] == "percent")).sum())
    n_loose = n_shares - len(named_shares(claims))
    if n_loose:
        blocks.append(
            Paragraph(
                f"Not charted: {plural(n_loose, 'percentage claim')} outside any named "
                "breakdown (no dimension or table title)."
            )
        )
    if not blocks:
        blocks.append(Paragraph("No percentage breakdowns in this snapshot."))
    return Section("breakdowns", "Percentage breakdowns", tuple(blocks))


def _with_qualifiers(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with `q`, their qualifiers parsed once; no claims at all is an empty frame."""
    if claims.empty:
        claims = pd.DataFrame({c: pd.Series(dtype=object) for c in TABLE_COLUMNS["claims"]})
    return claims.assign(q=claims["qualifiers"].map(lambda t: _json(t, {}) or {}))


def build_content(tables: Mapping[str, pd.DataFrame]) -> Content:
    """Every section of the report, from the curated tables (missing tables count as empty)."""

    def table(name: str) -> pd.DataFrame:
        frame = tables.get(name)
        return frame if frame is not None else pd.DataFrame()

    sources, conflicts, consensus = table("sources"), table("conflicts"), table("consensus")
    claims = _with_qualifiers(table("claims"))
    styles = source_styles(sources, claims)
    run = latest_run(table("runs"))
    n_cited = max(1, claims["source_id"].nunique())
    skills = skills_chart(consensus, n_sources=n_cited) if not consensus.empty else None
    sections = (
        _run_section(run, sources, claims, conflicts),
        _sources_section(sources, styles),
        _claims_section(claims, styles),
        _conflicts_section(conflicts, table("conflict_claims"), claims, table("documents"), styles),
        _markets_section(claims, conflicts, styles),
        _salaries_section(claims, styles),
        _breakdowns_section(claims, styles),
        _chart_section(
            "skills", "Skills", [skills] if skills else [], "No skills in this snapshot."
        ),
    )
    charts = tuple(
        block
        for section in sections
        for item in section.blocks
        for block in (item.charts if isinstance(item, Gallery) else (item,))
        if isinstance(block, Chart)
    )
    subtitle = (
        f"Snapshot {_text(run.get('snapshot_id')) or '(none)'} · run {_text(run.get('run_id'))}"
        if run
        else "No run recorded"
    )
    return Content("mlefacts report", subtitle, sections, charts)

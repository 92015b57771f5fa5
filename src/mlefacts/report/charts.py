"""The report's charts as SVG text: same data, byte-identical files.

Every chart is drawn on a bare `matplotlib.figure.Figure` (no pyplot, no global backend) inside
one style context, with a fixed hash salt per chart so element ids are stable and do not collide
when several charts are embedded in one HTML page.
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Annotation
from matplotlib.ticker import Formatter, MaxNLocator
from matplotlib.transforms import Bbox

from mlefacts.reconcile.describe import format_value, short_number

STYLE: dict[str, object] = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#888888",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#e3e3e3",
    "grid.linewidth": 0.7,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.frameon": False,
    "legend.fontsize": 8,
}
"""The look shared by all charts (matplotlib rcParams)."""

PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
"""One colour per source, in the order of the sources table (repeats after ten sources)."""

_ACCENT = "#4c72b0"
_BAR_HEIGHT_IN = 0.32
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_PERIOD_WORDS = {"annual": "year", "monthly": "month", "hourly": "hour", "daily": "day"}


@dataclass(frozen=True, slots=True)
class SourceStyle:
    """How a source is named and coloured in every chart and table of a report."""

    key: str
    title: str
    colour: str

    @property
    def legend(self) -> str:
        """'S1 · A shortened title' for legends, where space is scarce."""
        title = self.title if len(self.title) <= 42 else self.title[:41].rstrip() + "…"
        return f"{self.key} · {title}"


@dataclass(frozen=True, slots=True)
class Chart:
    """One rendered chart: `name` is its file stem, `svg` the whole SVG document."""

    name: str
    title: str
    svg: str
    caption: str
    note: str | None = None


def is_currency(unit: object) -> bool:
    """True for an ISO 4217 code, the unit of every money claim.

    >>> is_currency("USD"), is_currency("percent"), is_currency(None)
    (True, False, False)
    """
    return isinstance(unit, str) and bool(_CURRENCY.match(unit))


def plural(count: int, word: str) -> str:
    """'1 salary figure', '3 salary figures'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def slug(text: str) -> str:
    """A file-name-safe lower-case slug: 'Global ML market (USD)' -> 'global-ml-market-usd'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


@contextmanager
def _styled() -> Iterator[None]:
    with matplotlib.rc_context(STYLE):
        yield


def to_svg(figure: Figure, *, salt: str) -> str:
    """The figure as SVG text, without a date, with ids derived from `salt`."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"mlefacts-{salt}", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()


def _style_of(sources: Mapping[str, SourceStyle], source_id: str) -> SourceStyle:
    return sources.get(source_id) or SourceStyle(source_id, source_id, PALETTE[-1])


def _legend_right(ax: Axes, handles: list[object]) -> None:
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0)


_SCALE_SUFFIXES: tuple[tuple[float, str], ...] = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


class UniformFormatter(Formatter):
    """Every tick label of an axis in one scale and with one number of decimals, chosen from
    all the ticks together: '0, 0.5M, 1.0M, 1.5M', never '500,000' beside '1.00M'.

    >>> UniformFormatter().format_ticks([0, 5e5, 1e6, 1.5e6])
    ['0', '0.5M', '1.0M', '1.5M']
    >>> UniformFormatter().format_ticks([0, 25_000, 50_000])
    ['0', '25,000', '50,000']
    """

    def format_ticks(self, values: list[float]) -> list[str]:
        top = max((abs(float(v)) for v in values), default=0.0)
        scale, suffix = next(((s, x) for s, x in _SCALE_SUFFIXES if top >= s), (1.0, ""))
        scaled = [float(v) / scale for v in values]
        decimals = next(
            (
                d
                for d in range(4)
                if all(abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)) for v in scaled)
            ),
            3,
        )
        return ["0" if v == 0 else f"{v:,.{decimals}f}{suffix}" for v in scaled]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]


# Where a value label may go around its point (offset in points, alignment), nearest first.
_LABEL_SPOTS: tuple[tuple[float, float, str, str], ...] = tuple(
    (dx * far, dy * far, ha, va)
    for far in (1.0, 2.2)
    for dx, dy, ha, va in (
        (6, -5, "left", "top"),
        (-6, 5, "right", "bottom"),
        (6, 5, "left", "bottom"),
        (-6, -5, "right", "top"),
        (0, 9, "center", "bottom"),
        (0, -9, "center", "top"),
    )
)
_LABEL_PAD_PX = 3.0


def _label_box(label: Annotation, spot: tuple[float, float, str, str], renderer: object) -> Bbox:
    """Put `label` at `spot` and return the box it covers, padded."""
    dx, dy, ha, va = spot
    label.set_position((dx, dy))
    label.set_horizontalalignment(ha)
    label.set_verticalalignment(va)
    return label.get_window_extent(renderer).padded(_LABEL_PAD_PX)


def _place_labels(figure: Figure, ax: Axes, labels: list[Annotation], lines: list[Line2D]) -> None:
    """Move each value label to the first spot around its point where it covers no data line,
    no marker and no label placed before it, inside the plot if it can (measured with the
    figure's own text metrics, padded for the fonts a browser may substitute)."""
    FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    plot = ax.get_window_extent(renderer)
    paths = [line.get_transform().transform_path(line.get_path()) for line in lines]
    taken = [
        Bbox.from_extents(x - 5, y - 5, x + 5, y + 5)
        for points in ax.collections
        for x, y in points.get_offset_transform().transform(points.get_offsets())
    ]
    for label in labels:
        boxes = {spot: _label_box(label, spot, renderer) for spot in _LABEL_SPOTS}
        clear = [
            spot
            for spot, box in boxes.items()
            if not any(path.intersects_bbox(box, filled=False) for path in paths)
            and not any(box.overlaps(other) for other in taken)
        ]
        inside = [
            spot
            for spot in clear
            if plot.x0 <= boxes[spot].x0
            and boxes[spot].x1 <= plot.x1
            and plot.y0 <= boxes[spot].y0
            and boxes[spot].y1 <= plot.y1
        ]
        spot = (inside or clear or list(_LABEL_SPOTS))[0]
        taken.append(_label_box(label, spot, renderer))


def bar_labels(ax: Axes, labels: list[tuple[str, float]], *, gap: int) -> None:
    """Write each bar's label `gap` points right of where its bar ends (bar i is at y = i)."""
    for position, (text, end) in enumerate(labels):
        ax.annotate(
            text,
            (end, position),
            xytext=(gap, 0),
            textcoords="offset points",
            va="center",
            fontsize=7.5,
        )


# Market sizes ------------------------------------------------------------------------------


PROJECTION_COLUMNS = (
    "subject",
    "unit",
    "source_id",
    "from_year",
    "from_value",
    "rate_percent",
    "extrapolated",
    "year",
    "value",
)


def published_projections(conflicts: pd.DataFrame) -> pd.DataFrame:
    """The projections reconcile published with its forecast conflicts, one row each: a source's
    figure (`from_year`, `from_value`) compounded at its own rate to a `year` another source
    states. The report draws these; it does not project anything itself.

    >>> values = {"projected": {"source_id": "s1", "from_year": 2020, "from_value": 1.0,
    ...     "rate_percent": 10.0, "extrapolated": False, "year": 2021, "value": 1.1, "unit": "USD"}}
    >>> conflicts = pd.DataFrame([{"kind": "forecast_divergence", "subject": "m",
    ...     "values": json.dumps(values)}])
    >>> published_projections(conflicts)[["source_id", "year", "value"]].values.tolist()
    [['s1', 2021, 1.1]]
    """
    rows = []
    if not conflicts.empty:
        forecasts = conflicts[conflicts["kind"] == "forecast_divergence"]
        for subject, values in zip(forecasts["subject"], forecasts["values"], strict=True):
            projected = json.loads(values).get("projected") if isinstance(values, str) else None
            if isinstance(projected, dict):
                rows.append({"subject": subject, **projected})
    frame = pd.DataFrame(rows, columns=list(PROJECTION_COLUMNS))
    return frame.sort_values(["source_id", "from_year", "rate_percent", "year"], kind="stable")


def compound_path(points: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Published projection points joined year by year at the growth that links each pair (the
    curve compound growth draws, not a straight line between them).

    >>> [(y, round(v, 1)) for y, v in compound_path([(2020, 100.0), (2022, 121.0)])]
    [(2020, 100.0), (2021, 110.0), (2022, 121.0)]
    """
    path = points[:1]
    for (start, low), (end, high) in zip(points, points[1:], strict=False):
        steps = end - start
        if steps > 0 and low > 0 and high > 0:
            growth = (high / low) ** (1 / steps)
            path += [(start + k, low * growth**k) for k in range(1, steps)]
        path.append((end, high))
    return path


MIN_CHART_FIGURES = 3
"""A market with fewer distinct figures than this is shown as a small table, not a chart that
would be nearly empty."""


@dataclass(frozen=True, slots=True)
class Market:
    """The figures of one market (subject) in one currency, and the projections reconcile
    published for it."""

    subject: str
    unit: str
    figures: pd.DataFrame
    projections: pd.DataFrame

    @property
    def n_distinct(self) -> int:
        """Distinct (year, value) figures: the points a chart would show."""
        return len(self.figures.drop_duplicates(["year", "value"]))


def markets(claims: pd.DataFrame, conflicts: pd.DataFrame) -> list[Market]:
    """Market-size figures with a year and a currency, by subject and currency, each with the
    projections published for it."""
    figures = claims[
        (claims["kind"] == "market_size")
        & claims["value"].notna()
        & claims["year"].notna()
        & claims["unit"].map(is_currency)
    ]
    projections = published_projections(conflicts)
    return [
        Market(
            str(subject),
            str(unit),
            group,
            projections[(projections["subject"] == subject) & (projections["unit"] == unit)],
        )
        for (subject, unit), group in figures.groupby(["subject", "unit"], sort=True)
    ]


def market_chart(market: Market, sources: Mapping[str, SourceStyle]) -> Chart:
    """Each source's figures of one market over the years, with its projection."""
    subject, unit, figures = market.subject, market.unit, market.figures
    name = f"market-{slug(subject)}-{unit.lower()}"
    title = f"{subject.capitalize()}: estimates and projections"
    projected: list[str] = []
    with _styled():
        figure = Figure(figsize=(7.5, 4.2))
        ax = figure.subplots()
        handles: list[object] = []
        labels: list[Annotation] = []
        lines: list[Line2D] = []
        for source_id, points in figures.groupby("source_id", sort=False):
            style = _style_of(sources, str(source_id))
            points = points.sort_values(["year", "value"], kind="stable").drop_duplicates(
                ["year", "value"]
            )
            forecast = points["q"].map(lambda q: bool(q.get("forecast"))).to_numpy()
            x = points["year"].astype(int).to_numpy()
            y = points["value"].to_numpy() / 1e9
            ax.scatter(x[~forecast], y[~forecast], s=46, color=style.colour, zorder=3)
            ax.scatter(
                x[forecast],
                y[forecast],
                s=46,
                facecolors="white",
                edgecolors=style.colour,
                linewidths=1.6,
                zorder=3,
            )
            for year, value in zip(x, points["value"], strict=True):
                labels.append(
                    ax.annotate(
                        format_value(float(value), unit),
                        (year, value / 1e9),
                        xytext=(6, -5),
                        textcoords="offset points",
                        fontsize=7.5,
                        color=style.colour,
                        zorder=4,
                    )
                )
            handles.append(
                Line2D([], [], marker="o", linestyle="", color=style.colour, label=style.legend)
            )
            own = market.projections[market.projections["source_id"] == source_id]
            for (start, base, rate), line in own.groupby(
                ["from_year", "from_value", "rate_percent"], sort=False
            ):
                years = [int(start), *line["year"].astype(int)]
                path = compound_path(
                    list(zip(years, [float(base), *line["value"].astype(float)], strict=True))
                )
                lines += ax.plot(
                    [year for year, _ in path],
                    [value / 1e9 for _, value in path],
                    linestyle="--",
                    linewidth=1.3,
                    color=style.colour,
                    alpha=0.85,
                    zorder=2,
                )
                handles.append(
                    Line2D(
                        [],
                        [],
                        linestyle="--",
                        color=style.colour,
                        label=f"{style.key} projected at {rate:.3g}%/yr",
                    )
                )
                ends = ", ".join(str(y) for y in years[1:])
                projected.append(f"{style.key} at {rate:.3g}% a year from {int(start)} to {ends}")
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                markeredgecolor="#555555",
                label="forecast (hollow marker)",
            )
        )
        ax.set_title(title)
        ax.set_xlabel("Year")
        ax.set_ylabel(f"Market size ({unit} billions)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
        _legend_right(ax, handles)
        _place_labels(figure, ax, labels, lines)
        svg = to_svg(figure, salt=name)
    caption = (
        "Points are the figures each source states (hollow: forecasts); dashed lines are the "
        "projections reconcile published with its forecast conflicts: a source's figure "
        "compounded at its own growth rate to a year another source states"
        + (f" ({'; '.join(projected)})." if projected else ".")
    )
    return Chart(name, title, svg, caption)


# Salaries ----------------------------------------------------------------------------------


def salary_label(qualifiers: Mapping[str, object], subject: str, year: object) -> str:
    """What a salary is of: level, company and place, else its subject; with its year.

    >>> salary_label({"experience_level": "senior", "company": "Acme"}, "x", 2024)
    'senior · Acme (2024)'
    >>> salary_label({}, "machine learning engineer", None)
    'machine learning engineer'
    """
    keys = ("experience_level", "company", "country", "region", "statistic")
    parts = [str(qualifiers[k]) for k in keys if qualifiers.get(k)]
    label = " · ".join(parts[:3]) or subject
    return f"{label} ({int(year)})" if pd.notna(year) else label


def pay_periods(qualifiers: pd.Series, units: pd.Series) -> pd.Series:
    """Each salary's pay period; one without a stated period joins its currency's only stated
    period (articles state the period once for a table or a paragraph), else stays ''.

    >>> q = pd.Series([{"pay_period": "annual"}, {}, {}])
    >>> pay_periods(q, pd.Series(["USD", "USD", "EUR"])).tolist()
    ['annual', 'annual', '']
    """
    stated = qualifiers.map(lambda q: str(q.get("pay_period", "")))
    only: dict[str, str] = {}
    for unit, periods in stated[stated != ""].groupby(units, sort=False):
        if periods.nunique() == 1:
            only[str(unit)] = str(periods.iloc[0])
    return pd.Series(
        [p or only.get(str(u), "") for p, u in zip(stated, units, strict=True)],
        index=qualifiers.index,
        dtype=object,
    )


def salary_groups(claims: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """Salaries by currency and pay period (currencies never share an axis), largest first."""
    salaries = claims[
        (claims["kind"] == "salary") & claims["value"].notna() & claims["unit"].map(is_currency)
    ]
    salaries = salaries.assign(period=pay_periods(salaries["q"], salaries["unit"]))
    groups = sorted(salaries.groupby(["unit", "period"]), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(str(unit), str(period), rows) for (unit, period), rows in groups]


def salary_chart(
    unit: str, period: str, rows: pd.DataFrame, sources: Mapping[str, SourceStyle]
) -> Chart:
    """One bar per salary figure of a currency and pay period, coloured by source."""
    order = {sid: i for i, sid in enumerate(sources)}
    rows = rows.assign(
        _order=rows["source_id"].map(lambda s: order.get(s, len(order))),
        label=[
            salary_label(q, s, y) + ("" if q.get("pay_period") or not period else " *")
            for q, s, y in zip(rows["q"], rows["subject"], rows["year"], strict=True)
        ],
    ).sort_values(["_order", "value", "label"], kind="stable")
    suffix = f" ({period})" if period else ""
    name = f"salaries-{unit.lower()}" + (f"-{slug(period)}" if period else "")
    title = f"Salaries in {unit}{suffix}"
    colours = [_style_of(sources, s).colour for s in rows["source_id"]]
    has_range = rows["value_high"].notna() & (rows["value_high"] > rows["value"])
    with _styled():
        figure = Figure(figsize=(7.5, 1.3 + _BAR_HEIGHT_IN * len(rows)))
        ax = figure.subplots()
        positions = list(range(len(rows)))
        ax.barh(positions, rows["value"], height=0.62, color=colours)
        high = rows["value_high"].where(has_range)
        ax.barh(
            positions,
            (high - rows["value"]).fillna(0),
            left=rows["value"],
            height=0.62,
            color=colours,
            alpha=0.35,
        )
        bar_labels(
            ax,
            [
                (
                    format_value(low, unit) + (f"–{short_number(top)}" if pd.notna(top) else ""),
                    top if pd.notna(top) else low,
                )
                for low, top in zip(rows["value"], high, strict=True)
            ],
            gap=4,
        )
        ax.set_yticks(positions, labels=rows["label"].tolist())
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.xaxis.set_major_formatter(UniformFormatter())
        ax.set_xlim(right=float(rows[["value", "value_high"]].max().max()) * 1.22)
        ax.set_title(title)
        ax.set_xlabel(f"{unit} per {_PERIOD_WORDS.get(period, 'stated period')}")
        handles: list[object] = [
            Patch(color=_style_of(sources, s).colour, label=_style_of(sources, s).legend)
            for s in dict.fromkeys(rows["source_id"])
        ]
        if has_range.any():
            handles.append(Patch(color="#555555", alpha=0.35, label="range up to the upper figure"))
        _legend_right(ax, handles)
        svg = to_svg(figure, salt=name)
    caption = (
        f"{plural(len(rows), 'salary figure')} in {unit}{suffix}, by experience level, company "
        "and place as the sources qualify them; the lighter part of a bar is a stated range."
        + (
            f" * No pay period stated: shown with the other {unit} salaries, which all "
            f"state {period}."
            if period and (rows["label"].str.endswith(" *")).any()
            else ""
        )
    )
    return Chart(name, title, svg, caption)


# Percentage breakdowns ---------------------------------------------------------------------


def breakdown_note(total: float, *, partial: bool) -> str | None:
    """Why the shares of a breakdown may be read with care.

    >>> breakdown_note(95.0, partial=False)
    'The shares add up to 95%, not 100%.'
    >>> breakdown_note(100.0, partial=False) is None
    True
    """
    if partial:
        return f"A partial (top-N) list: its shares add up to {total:g}%."
    if abs(total - 100.0) > 1e-6:
        return f"The shares add up to {total:g}%, not 100%."
    return None


def breakdown_charts(claims: pd.DataFrame, sources: Mapping[str, SourceStyle]) -> list[Chart]:
    """One small bar chart per named breakdown (source, subject, dimension or table title)."""
    shares = named_shares(claims)
    charts = []
    keys = ["source_id", "subject", "breakdown"]
    for (source_id, subject, breakdown), rows in shares.groupby(keys, sort=False):
        rows = rows.drop_duplicates("category", keep="first")
        if len(rows) >= 2:
            style = _style_of(sources, str(source_id))
            charts.append(_breakdown_chart(style, str(subject), str(breakdown), rows))
    return charts


def named_shares(claims: pd.DataFrame) -> pd.DataFrame:
    """Percentage shares that belong to a named breakdown, with `breakdown` and `category`."""
    shares = claims[
        (claims["kind"] == "share") & (claims["unit"] == "percent") & claims["value"].notna()
    ]
    shares = shares.assign(
        breakdown=shares["q"].map(lambda q: str(q.get("dimension") or q.get("table_title") or "")),
        category=[
            str(q.get("category") or text or quote)
            for q, text, quote in zip(shares["q"], shares["text"], shares["quote"], strict=True)
        ],
    )
    return shares[shares["breakdown"] != ""].sort_values(["source_id", "char_start"], kind="stable")


_SHARE_WORDS = re.compile(r"^\s*(?:percentage|percent|share|proportion|%)\s+of\s+", re.IGNORECASE)


def share_of(measure: object, subject: str) -> str:
    """What the percentages of a breakdown are shares of: its stated measure without the
    'percentage of' wording, else its subject.

    >>> share_of("Percentage of Job Postings", "x"), share_of(None, "machine learning engineers")
    ('job postings', 'machine learning engineers')
    """
    text = _SHARE_WORDS.sub("", str(measure)).strip() if measure else ""
    if not text:
        return subject
    return text.lower() if not any(w.isupper() and len(w) > 1 for w in text.split()) else text


def breakdown_title(what: str, breakdown: str, key: str) -> str:
    """'Share of job postings by region (S2)', wrapped to fit a small chart."""
    return textwrap.fill(f"Share of {what} by {breakdown} ({key})", width=48)


def _breakdown_chart(style: SourceStyle, subject: str, breakdown: str, rows: pd.DataFrame) -> Chart:
    total = float(rows["value"].sum())
    partial = bool(rows["q"].map(lambda q: bool(q.get("partial"))).any())
    name = f"breakdown-{slug(style.key)}-{slug(breakdown)}"
    measures = rows["q"].map(lambda q: q.get("measure")).dropna()
    what = share_of(measures.iloc[0] if len(measures) else None, subject)
    title = breakdown_title(what, breakdown, style.key)
    with _styled():
        figure = Figure(figsize=(4.6, 0.9 + _BAR_HEIGHT_IN * len(rows)))
        ax = figure.subplots()
        positions = list(range(len(rows)))
        ax.barh(positions, rows["value"], height=0.62, color=style.colour)
        bar_labels(ax, [(f"{value:g}%", value) for value in rows["value"]], gap=3)
        ax.set_yticks(positions, labels=rows["category"].tolist())
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, max(float(rows["value"].max()) * 1.2, 10.0))
        ax.set_xlabel(f"% of {what}" if len(what) <= 40 else "Share (%)")
        ax.set_title(title, fontsize=10)
        svg = to_svg(figure, salt=name)
    tables = rows["q"].map(lambda q: q.get("table_title")).dropna()
    origin = f"the table “{tables.iloc[0]}” in " if len(tables) else ""
    caption = f"Shares of {what} by {breakdown}, from {origin}{style.key} ({style.title})."
    return Chart(name, title, svg, caption, breakdown_note(total, partial=partial))


# Skills ------------------------------------------------------------------------------------


def count_ticks(most: int, *, max_ticks: int = 8) -> list[int]:
    """Integer ticks from 0 that end exactly at `most`, the axis's maximum, never past it.

    >>> count_ticks(3), count_ticks(18), count_ticks(20)
    ([0, 1, 2, 3], [0, 5, 10, 15, 18], [0, 5, 10, 15, 20])
    """
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if most / s <= max_ticks - 1)
    ticks = list(range(0, most, step))
    if most - ticks[-1] < step / 2 and len(ticks) > 1:
        ticks.pop()
    return [*ticks, most]


def skills_chart(consensus: pd.DataFrame, *, n_sources: int, top: int = 15) -> Chart | None:
    """The `top` skills named by most sources, from the consensus groups."""
    skills = consensus[consensus["kind"] == "skill"]
    if skills.empty:
        return None
    ranked = skills.sort_values(["n_sources", "label"], ascending=[False, True], kind="stable")
    shown = ranked.head(top)
    name = "skills-top"
    title = "Skills named by most sources"
    with _styled():
        figure = Figure(figsize=(7.0, 1.1 + _BAR_HEIGHT_IN * len(shown)))
        ax = figure.subplots()
        positions = list(range(len(shown)))
        ax.barh(positions, shown["n_sources"], height=0.62, color=_ACCENT)
        ax.set_yticks(positions, labels=shown["label"].tolist())
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        most = max(n_sources, int(shown["n_sources"].max()))
        ax.set_xlim(0, most)
        ax.set_xticks(count_ticks(most))
        ax.set_xlabel(f"Sources naming the skill (of {plural(most, 'source')})")
        ax.set_title(title)
        svg = to_svg(figure, salt=name)
    caption = (
        f"The {len(shown)} skills named by most of the {n_sources} sources "
        f"(of {len(skills)} distinct skills; ties in alphabetical order)."
    )
    return Chart(name, title, svg, caption)

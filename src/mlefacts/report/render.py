"""The report content written as one self-contained HTML page and as Markdown.

Every string that comes from data passes through `html.escape` (HTML) or `md_text` (Markdown);
charts are inlined as SVG in the page and linked as files from the Markdown.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib.resources import files
from string import Template

from mlefacts.report.charts import Chart
from mlefacts.report.content import (
    Badge,
    Block,
    Cell,
    Conflict,
    Content,
    Facts,
    Gallery,
    Paragraph,
    Section,
    Table,
)
from mlefacts.report.escape import md_text


@cache
def _template(name: str) -> str:
    return (files("mlefacts.report") / "templates" / name).read_text(encoding="utf-8")


def chart_file(chart: Chart) -> str:
    """The file name a chart is written to, beside the Markdown."""
    return f"chart-{chart.name}.svg"


def inline_svg(svg: str, *, prefix: str) -> str:
    """The `<svg>` element of an SVG document, without its XML prolog and doctype, with every
    id (and reference to one) prefixed so that several charts on one page never share an id.

    >>> inline_svg('<?xml?>\\n<svg><g id="a" clip-path="url(#c)"/></svg>', prefix="x")
    '<svg><g id="x-a" clip-path="url(#x-c)"/></svg>'
    """
    element = svg[svg.index("<svg") :].strip()
    element = re.sub(r'\bid="', f'id="{prefix}-', element)
    element = element.replace("url(#", f"url(#{prefix}-")
    return element.replace('xlink:href="#', f'xlink:href="#{prefix}-')


# HTML --------------------------------------------------------------------------------------


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_cell(cell: Cell) -> str:
    if isinstance(cell, Badge):
        return f'<span class="badge {_h(cell.tone)}">{_h(cell.text)}</span>'
    return _h(cell)


def _html_table(table: Table) -> str:
    def cls(i: int, extra: str = "") -> str:
        names = " ".join(n for n in ("num" if table.numeric[i] else "", extra) if n)
        return f' class="{names}"' if names else ""

    head = "".join(f"<th{cls(i)}>{_h(h)}</th>" for i, h in enumerate(table.header))
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{cls(i, '' if table.numeric[i] else 'wrap')}>{_html_cell(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>\n"
        for row in table.rows
    )
    return (
        f'<div class="scroll"><table>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table></div>\n"
    )


def _html_chart(chart: Chart) -> str:
    note = f'<span class="note">{_h(chart.note)}</span>' if chart.note else ""
    return (
        f'<figure id="chart-{_h(chart.name)}" aria-label="{_h(chart.title)}">\n'
        f"{inline_svg(chart.svg, prefix=chart.name)}\n"
        f"<figcaption>{note}{_h(chart.caption)}</figcaption>\n</figure>\n"
    )


def _html_conflict(conflict: Conflict) -> str:
    quotes = "".join(
        f'<li><span class="src">{_h(q.source_key)}</span> “{_h(q.text)}”</li>'
        for q in conflict.quotes
    )
    if conflict.more_quotes:
        quotes += f"<li>and {conflict.more_quotes} more claims</li>"
    severity = _h(conflict.severity)
    return (
        f'<article class="conflict {severity}">\n'
        f'<h3><span class="badge {severity}">{severity}</span> {_h(conflict.topic)}'
        f'<span class="kind">{_h(conflict.kind)}</span></h3>\n'
        f"<p>{_h(conflict.detail)}</p>\n"
        + (f"<ul>{quotes}</ul>\n" if quotes else "")
        + "</article>\n"
    )


def _html_block(block: Block) -> str:
    match block:
        case Paragraph():
            return f"<p>{_h(block.text)}</p>\n"
        case Facts():
            items = "".join(f"<dt>{_h(k)}</dt><dd>{_html_cell(v)}</dd>" for k, v in block.items)
            return f'<dl class="facts">{items}</dl>\n'
        case Table():
            return _html_table(block)
        case Conflict():
            return _html_conflict(block)
        case Chart():
            return _html_chart(block)
        case Gallery():
            return '<div class="gallery">\n' + "".join(map(_html_chart, block.charts)) + "</div>\n"
    raise TypeError(f"unknown report block {block!r}")


def _html_section(section: Section) -> str:
    body = "".join(_html_block(b) for b in section.blocks)
    return f'<section id="{_h(section.anchor)}">\n<h2>{_h(section.title)}</h2>\n{body}</section>\n'


def to_html(content: Content) -> str:
    """One self-contained page: embedded CSS, inline SVG charts, no external requests."""
    nav = " ".join(f'<a href="#{_h(s.anchor)}">{_h(s.title)}</a>' for s in content.sections)
    return Template(_template("page.html")).substitute(
        title=_h(content.title),
        subtitle=_h(content.subtitle),
        css=_template("report.css"),
        nav=nav,
        body="".join(map(_html_section, content.sections)),
    )


# Markdown ----------------------------------------------------------------------------------


def _md_cell(cell: Cell) -> str:
    return f"**{md_text(cell.text)}**" if isinstance(cell, Badge) else md_text(cell)


def _md_table(table: Table) -> str:
    rule = ["---:" if n else "---" for n in table.numeric]
    lines = [
        "| " + " | ".join(md_text(h) for h in table.header) + " |",
        "| " + " | ".join(rule) + " |",
        *("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows),
    ]
    return "\n".join(lines) + "\n\n"


def _md_chart(chart: Chart) -> str:
    note = f"**{md_text(chart.note)}** " if chart.note else ""
    return f"![{md_text(chart.title)}]({chart_file(chart)})\n\n_{note}{md_text(chart.caption)}_\n\n"


def _md_conflict(conflict: Conflict) -> str:
    lines = [
        f"- **{md_text(conflict.severity)}** · {md_text(conflict.topic)} "
        f"({md_text(conflict.kind)}): {md_text(conflict.detail)}"
    ]
    lines += [f"  - {md_text(q.source_key)}: “{md_text(q.text)}”" for q in conflict.quotes]
    if conflict.more_quotes:
        lines.append(f"  - and {conflict.more_quotes} more claims")
    return "\n".join(lines) + "\n"


def _md_block(block: Block) -> str:
    match block:
        case Paragraph():
            return md_text(block.text) + "\n\n"
        case Facts():
            return "".join(f"- {md_text(k)}: {_md_cell(v)}\n" for k, v in block.items) + "\n"
        case Table():
            return _md_table(block)
        case Conflict():
            return _md_conflict(block)
        case Chart():
            return _md_chart(block)
        case Gallery():
            return "".join(map(_md_chart, block.charts))
    raise TypeError(f"unknown report block {block!r}")


def _md_section(section: Section) -> str:
    body = "".join(_md_block(b) for b in section.blocks)
    if not body.endswith("\n\n"):
        body += "\n"
    return f"## {md_text(section.title)}\n\n{body}"


def to_markdown(content: Content) -> str:
    """The same content as Markdown, charts linked as the SVG files beside it."""
    head = f"# {md_text(content.title)}\n\n_{md_text(content.subtitle)}_\n\n"
    return (head + "".join(map(_md_section, content.sections))).rstrip("\n") + "\n"

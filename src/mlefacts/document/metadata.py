"""What a page says about itself: title, publisher, publication date and canonical URL.

Publishers state these in standard places (Open Graph and `article:` meta tags, JSON-LD
`Article`/`NewsArticle` objects, `<time datetime>`, `<title>`), and markdown pages in a front
matter block, or, for a text page without one, a byline near its top ('Published 4 May 2026 ·
Developer desk'). They give a source without a manifest title its name and a claim without a
stated year its date (`as_of`). Manifest values always win over what the page says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import cache

import lxml.html
from lxml import etree

from mlefacts.months import month_alternation, month_number

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M)
_MAX_FIELD = 300
# A byline sits in a page's first lines and is short.
_DATELINE_LINES = 8
_MAX_DATELINE = 160
_BYLINE_CUE = re.compile(
    r"\b(?:published|updated|posted|released|reviewed|filed|dated|written)\b", re.IGNORECASE
)
_BYLINE_SEPARATOR = re.compile(r"\s[·|•—]\s")


@cache
def _written_dates() -> re.Pattern[str]:
    """'12 March 2025', 'Mar. 12, 2025': a day, a month name (quantity_words [dates]), a year."""
    month = month_alternation()
    return re.compile(
        rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{month})\.?|(?P<month2>{month})\.?\s+"
        rf"(?P<day2>\d{{1,2}}),?)\s+(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    )


# Where each field is stated, most specific first. Keys are lower-cased meta names/properties.
_TITLE_META = ("og:title", "twitter:title", "dc.title", "citation_title")
_PUBLISHER_META = (
    "og:site_name",
    "publisher",
    "dc.publisher",
    "citation_publisher",
    "application-name",
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
)
_URL_META = ("og:url",)
_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "report", "webpage", "pressrelease", "jobposting"}
)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page states about itself; None where it states nothing readable."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    canonical_url: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


def read_page_metadata(
    text: str, media_type: str, *, tree: etree._Element | None = None
) -> PageMetadata:
    """The page's own metadata: from its HTML head, or a markdown/text front matter block.
    `tree` is the HTML page's tree as `html.parse_html_tree` built it for its document: read
    instead of parsing the page again, so that its metadata and its text come from one reading.

    >>> page = '<title>Pay | Site</title><meta property="og:site_name" content="Site">'
    >>> page += '<meta property="article:published_time" content="2025-03-04T10:00Z">'
    >>> read_page_metadata(page, "text/html")
    PageMetadata(title='Pay | Site', publisher='Site', published='2025-03-04', canonical_url=None)
    >>> read_page_metadata("---\\ntitle: Pay guide\\ndate: 2024-12-01\\n---\\n", "text/markdown")
    PageMetadata(title='Pay guide', publisher=None, published='2024-12-01', canonical_url=None)
    """
    kind = media_type.split(";", 1)[0].strip().lower()
    if kind in {"text/html", "application/xhtml+xml"}:
        return _from_html(text) if tree is None else _from_tree(tree)
    found = _from_front_matter(text)
    if found.published is None:
        found = replace(found, published=_dateline(text.split("\n")[:_DATELINE_LINES]))
    return found


def _dateline(lines: list[str]) -> str | None:
    """The date of a byline near the top of a page ('*Published 4 May 2026 · Developer desk*',
    'Staffing note · 4 April 2025 · Deccan Talent', 'Last reviewed June 3, 2025'): a short line
    holding one full date after a publishing word or beside a separator.

    >>> _dateline(["# Pay guide", "", "_Blog · 22 August 2025 · Rhein Recruiting_"])
    '2025-08-22'
    >>> _dateline(["Updated: March 3, 2025"]), _dateline(["We hired 4 May 2026 staff"])
    ('2025-03-03', None)
    """
    for line in lines:
        line = line.strip(" *_#>")
        if (
            not line
            or len(line) > _MAX_DATELINE
            or not (_BYLINE_CUE.search(line) or _BYLINE_SEPARATOR.search(line))
        ):
            continue
        dates = {iso for iso in map(_written_date, _written_dates().finditer(line)) if iso}
        if len(dates) == 1:
            return dates.pop()
    return None


def _written_date(match: re.Match[str]) -> str | None:
    month = month_number(match["month"] or match["month2"])
    day = match["day"] or match["day2"]
    if month is None:
        return None
    return _iso_date(f"{match['year']}-{month:02d}-{int(day):02d}")


def _from_front_matter(text: str) -> PageMetadata:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return PageMetadata()
    fields = {k.lower(): v.strip("\"'") for k, v in _FRONT_MATTER_LINE.findall(match.group(1))}
    return PageMetadata(
        title=_clean(fields.get("title")),
        publisher=_clean(fields.get("publisher") or fields.get("site")),
        published=_iso_date(fields.get("date") or fields.get("published")),
        canonical_url=_clean(fields.get("canonical_url") or fields.get("url")),
    )


def _from_html(text: str) -> PageMetadata:
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return PageMetadata()
    return _from_tree(root)


def _from_tree(root: etree._Element) -> PageMetadata:
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content")
        if key and content and key.lower() not in meta:
            meta[key.lower()] = content
    linked = _json_ld(root)
    return PageMetadata(
        title=_first(
            *(meta.get(k) for k in _TITLE_META),
            linked.get("headline"),
            linked.get("name"),
            _text_of(root, "//title"),
            _text_of(root, "//h1"),
        ),
        publisher=_first(
            *(meta.get(k) for k in _PUBLISHER_META[:1]),
            _name_of(linked.get("publisher")),
            *(meta.get(k) for k in _PUBLISHER_META[1:]),
        ),
        published=_first_date(
            *(meta.get(k) for k in _DATE_META),
            linked.get("datePublished"),
            linked.get("dateCreated"),
            *(t.get("datetime") for t in root.iter("time")),
        ),
        canonical_url=_first(
            *(link.get("href") for link in root.iter("link") if _is_canonical(link)),
            *(meta.get(k) for k in _URL_META),
            linked.get("url") if isinstance(linked.get("url"), str) else None,
        ),
    )


def _is_canonical(link: etree._Element) -> bool:
    return "canonical" in (link.get("rel") or "").lower().split()


def _json_ld(root: etree._Element) -> dict[str, object]:
    """The first JSON-LD object of an article-like type (searching @graph and lists)."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                return item
    return {}


def _ld_items(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for entry in data:
            yield from _ld_items(entry)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_items(graph)


def _name_of(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    elif isinstance(value, list) and value:
        return _name_of(value[0])
    return value if isinstance(value, str) else None


# What lxml.html's `text_content` is, for the elements of any lxml tree.
_TEXT_CONTENT = etree.XPath("string()", smart_strings=False)


def _text_of(root: etree._Element, path: str) -> str | None:
    found = root.xpath(path)
    return _TEXT_CONTENT(found[0]) if found else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:_MAX_FIELD] or None


def _first(*values: object) -> str | None:
    for value in values:
        cleaned = _clean(value)
        if cleaned:
            return cleaned
    return None


def _first_date(*values: object) -> str | None:
    for value in values:
        iso = _iso_date(value)
        if iso:
            return iso
    return None


def _iso_date(value: object) -> str | None:
    """The calendar date an ISO-like timestamp starts with, if it is a real date."""
    if not isinstance(value, str):
        return None
    match = _DATE.search(value)
    if match is None:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    if not 1990 <= day.year <= 2100:
        return None
    return day.isoformat()

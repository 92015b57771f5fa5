"""Page metadata: what a page says about itself, from its HTML head or front matter."""

from __future__ import annotations

import lxml.html
import pytest

from mlefacts.document.build import build_document_tree
from mlefacts.document.metadata import read_page_metadata


def test_open_graph_and_article_tags_win_over_the_title_tag() -> None:
    page = """<html><head><title>Pay | Site</title>
    <meta property="og:title" content="What ML engineers earn">
    <meta property="og:site_name" content="Example Careers">
    <meta property="article:published_time" content="2024-11-02T08:00:00-05:00">
    <link rel="canonical" href="https://example.org/pay"></head><body><h1>Other</h1></body></html>"""
    meta = read_page_metadata(page, "text/html")
    assert meta.title == "What ML engineers earn"
    assert meta.publisher == "Example Careers"
    assert meta.published == "2024-11-02"
    assert meta.canonical_url == "https://example.org/pay"


def test_json_ld_article_in_a_graph_gives_publisher_and_date() -> None:
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"},
     {"@type": "NewsArticle", "headline": "Market outlook", "datePublished": "2023-05-09",
      "publisher": {"@type": "Organization", "name": "Research Wire"}}]}
    </script></head><body><p>text</p></body></html>"""
    meta = read_page_metadata(page, "text/html")
    assert (meta.title, meta.publisher, meta.published) == (
        "Market outlook",
        "Research Wire",
        "2023-05-09",
    )


def test_time_element_and_title_are_the_fallbacks() -> None:
    page = """<html><head><title> Salary   guide </title></head><body>
    <time datetime="2022-02-30">bad</time>
    <time datetime="2022-03-01T10:00">1 March</time></body></html>"""
    meta = read_page_metadata(page, "text/html")
    assert meta.title == "Salary guide"
    assert meta.published == "2022-03-01"  # 30 February is no date: the next one is used


def test_broken_json_ld_and_empty_pages_give_nothing_not_an_error() -> None:
    page = '<html><head><script type="application/ld+json">{not json</script></head></html>'
    assert read_page_metadata(page, "text/html").published is None
    assert read_page_metadata("", "text/html").title is None
    assert read_page_metadata("plain words", "text/plain").title is None


def test_markdown_front_matter() -> None:
    text = '---\ntitle: "Jobs report"\npublisher: Example Wire\ndate: 2021-07-04\n---\n# Body\n'
    meta = read_page_metadata(text, "text/markdown")
    assert (meta.title, meta.publisher, meta.published) == (
        "Jobs report",
        "Example Wire",
        "2021-07-04",
    )


def test_a_text_page_without_front_matter_is_dated_by_its_byline() -> None:
    page = "# AI titles crowd the list\n\n*Filed 14 March 2026 · Labour desk*\n\nBody 3 May 2024.\n"
    assert read_page_metadata(page, "text/markdown").published == "2026-03-14"
    undated = "# Pay\n\nWe surveyed 4 May 2026 engineers and 12 June 2025 managers.\n"
    assert read_page_metadata(undated, "text/markdown").published is None


def test_a_byline_date_needs_a_month_name_not_a_word_that_starts_like_one() -> None:
    dated = "# Pay\n\n*Updated Sept. 9, 2025 · Careers desk*\n\nBody.\n"
    assert read_page_metadata(dated, "text/markdown").published == "2025-09-09"
    wordy = "# Pay\n\n*Posted in Mayhem 12 2025 · Careers desk*\n\nBody.\n"
    assert read_page_metadata(wordy, "text/markdown").published is None


_HEAD = (
    "<html><head><title>Pay guide</title><meta property='og:site_name' content='Desk'>"
    "</head><body><h1>Pay</h1><p>$90k</p>"
)
# Endings where the document's tree and lxml.html's own parse of the page hold the same.
_ENDINGS = [
    "</body>\n</html>\n",
    "<script src='/app.js'></script></body></html>",
    "<title>Other</body></html>",
    "<xmp>raw</body></html>",
    "<!-- note </body></html>",
    "<time datetime='2024-01-02'>2 Jan</time>",
]


def _tree(page: str):  # the tree the page's document was read from
    tree = build_document_tree(source_id="s", text=page, media_type="text/html")[1]
    assert tree is not None
    return tree


@pytest.mark.parametrize("ending", _ENDINGS)
def test_metadata_read_from_the_document_tree_is_that_of_the_pages_own_parse(ending: str) -> None:
    page = _HEAD + ending
    assert read_page_metadata(page, "text/html", tree=_tree(page)) == read_page_metadata(
        page, "text/html"
    )


def test_metadata_comes_from_the_page_as_its_document_reads_it() -> None:
    """Past '</html>' and past libxml2's nesting limit, as the document's text does (a browser
    reads late elements into the body); lxml.html's own parse would stop there."""
    late = _HEAD + "</body></html><meta name='date' content='2020-02-02'>"
    assert read_page_metadata(late, "text/html", tree=_tree(late)).published == "2020-02-02"
    linked = '<script type="application/ld+json">{"@type": "Article", "headline": "J"}'
    unclosed = _HEAD + linked + "</body></html>"  # the script's own end tag missing
    assert read_page_metadata(unclosed, "text/html", tree=_tree(unclosed)).title == "J"
    deep = "<div>" * 300 + "x" + "</div>" * 300
    page = _HEAD + deep + "<meta name='date' content='2023-01-01'></body></html>"
    assert read_page_metadata(page, "text/html", tree=_tree(page)).published == "2023-01-01"


def test_a_page_with_a_tree_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _HEAD + "<time datetime='2024-01-02'>2 Jan</time></body>\n</html>\n"
    tree = _tree(page)

    def parse_again(_text: str) -> None:
        raise AssertionError("parsed a second time")

    monkeypatch.setattr(lxml.html, "document_fromstring", parse_again)
    meta = read_page_metadata(page, "text/html", tree=tree)
    assert (meta.title, meta.publisher, meta.published) == ("Pay guide", "Desk", "2024-01-02")

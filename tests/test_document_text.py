"""Plain text and markdown -> Document: blocks, nesting, lead-ins, offsets into the text."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.document.model import Document
from mlefacts.extract import extract_claims
from mlefacts.extract.context import list_run

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "raw" / "bundled"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


def load(path: Path, media_type: str = "text/plain") -> Document:
    return build_document(
        source_id=path.stem, text=path.read_text(encoding="utf-8"), media_type=media_type
    )


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.span_text(b) for b in doc.blocks if kind is None or b.kind == kind]


def find(doc: Document, start: str) -> int:
    return next(i for i, b in enumerate(doc.blocks) if doc.span_text(b).startswith(start))


def test_line_ends_are_the_only_change() -> None:
    doc = build_document(source_id="s", text="Pay\r\n\r\nA\u00a0line.\rB", media_type="text/plain")
    assert doc.text == "Pay\n\nA\u00a0line.\nB"
    assert texts(doc) == ["Pay", "A\u00a0line.\nB"]


def test_headings_paragraphs_and_markdown_headings() -> None:
    text = (
        "# Big Title #\n\nWhy it matters\n\nSalaries rose 5% in 2023. Demand grew.\n\n"
        "**Bold claim about pay rising 10%.**\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    assert [(b.kind, b.level, doc.span_text(b)) for b in doc.blocks] == [
        ("heading", 1, "Big Title"),
        ("heading", 1, "Why it matters"),
        ("paragraph", 0, "Salaries rose 5% in 2023. Demand grew."),
        ("paragraph", 0, "**Bold claim about pay rising 10%.**"),
    ]
    assert doc.blocks[2].section == 1
    assert doc.title == "Big Title"


def test_list_markers_nesting_and_lead_in() -> None:
    text = (
        "Skills you need:\n"
        "• Python\n"
        "    - pandas\n"
        "    - numpy\n"
        "· SQL\n"
        "▪ Cloud\n"
        "  a. AWS\n"
        "  b) GCP\n"
        "* Statistics\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    rows = [(b.kind, doc.span_text(b), b.marker, b.level, b.parent) for b in doc.blocks]
    assert rows == [
        ("paragraph", "Skills you need:", "", 0, None),
        ("list_item", "Python", "•", 0, 0),
        ("list_item", "pandas", "-", 1, 1),
        ("list_item", "numpy", "-", 1, 1),
        ("list_item", "SQL", "·", 0, 0),
        ("list_item", "Cloud", "▪", 0, 0),
        ("list_item", "AWS", "a.", 1, 5),
        ("list_item", "GCP", "b)", 1, 5),
        ("list_item", "Statistics", "*", 0, 0),
    ]


def test_numbered_lists_and_hanging_continuation() -> None:
    text = (
        "Steps:\n\n1. Learn the basics\n   of statistics\n2) Build projects\n10. Apply\n\n"
        "Done now.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    items = [(doc.span_text(b), b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("Learn the basics    of statistics", "1."),  # the wrapped line reads on
        ("Build projects", "2)"),
        ("Apply", "10."),
    ]
    assert doc.blocks[-1].kind == "paragraph" and doc.blocks[-1].parent is None


def test_emphasis_lines_and_dashes_are_not_list_items() -> None:
    text = (
        "**Machine Learning Engineers** build models.\n\n-5% is a decline, not a bullet.\n\n"
        "---\n\n*Note* this.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    assert all(b.kind != "list_item" for b in doc.blocks)
    assert "---" not in texts(doc)


def test_numbered_title_alone_is_a_heading_but_numbered_items_are_not() -> None:
    text = "3. Salaries by Region\n\nPay varies a lot.\n\n1. First item\n\n2. Second item\n"
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks] == [
        ("heading", "3. Salaries by Region"),
        ("paragraph", "Pay varies a lot."),
        ("list_item", "First item"),
        ("list_item", "Second item"),
    ]


def test_a_list_run_spans_the_items_around_a_block() -> None:
    text = "Intro line.\n- one\n- two\n- three\n\nBetween.\n\n- four\n"
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    runs = [(doc.span_text(b), list_run(doc, i)) for i, b in enumerate(doc.blocks)]
    assert runs == [
        ("Intro line.", (0, 0)),
        ("one", (1, 3)),
        ("two", (1, 3)),
        ("three", (1, 3)),
        ("Between.", (4, 4)),
        ("four", (5, 5)),
    ]


def test_bundled_000_bullets_and_lead_in() -> None:
    doc = load(next(BUNDLED.glob("000_*.txt")))
    responsibilities = find(doc, "Responsibilities of a Machine Learning Engineer")
    assert doc.blocks[responsibilities].kind == "heading"
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert len(items) == 24
    assert all(b.marker == "•" and b.level == 0 for b in items)
    assert (
        doc.span_text(items[0])
        == "To check\u00a0and convert\u00a0knowledge\u00a0science prototypes."
    )
    chart = find(doc, "{Here}")
    microsoft = find(doc, "Microsoft")
    assert doc.span_text(doc.blocks[microsoft]) == "Microsoft – Rs. 14,62,000 – 22,44,000 LPA"
    assert doc.blocks[microsoft].parent == chart
    assert doc.blocks[microsoft].section == find(doc, "Wage")


def test_bundled_002_nested_bullets() -> None:
    doc = load(next(BUNDLED.glob("002_*.txt")))
    lead = find(doc, "Although a machine learning engineer’s primary role")
    planning = find(doc, "planning, researching, and scoping")
    assert doc.blocks[planning].kind == "list_item"
    assert doc.blocks[planning].level == 0 and doc.blocks[planning].parent == lead
    nested = [b for b in doc.blocks if b.parent == planning and b.kind == "list_item"]
    assert [doc.span_text(b) for b in nested] == [
        "how the problem at hand can be solved using various schemes.",
        "discovering the amount of time needed to develop a well-efficient algorithm.",
        "focusing on how these algorithms are to be built.",
    ]
    assert all(b.level == 1 for b in nested)
    developing = find(doc, "developing, designing, and building ML algorithms")
    assert len([b for b in doc.blocks if b.parent == developing]) == 4
    deploying = find(doc, "deploying artificial intelligence systems")
    assert doc.blocks[deploying].level == 0 and doc.blocks[deploying].parent == lead
    also = find(doc, "Also, software engineering skills")
    assert doc.blocks[also].kind == "paragraph"
    assert doc.blocks[also].parent == find(doc, "Programming skills")
    assert doc.blocks[find(doc, "Responsibilities of ML Engineer.")].kind == "heading"


def test_bundled_001_structure() -> None:
    doc = load(next(BUNDLED.glob("001_*.txt")))
    numbered = [b for b in doc.blocks if b.kind == "list_item" and b.marker[0].isdigit()]
    assert [doc.span_text(b) for b in numbered][0] == (
        "Develop and implement machine learning models and algorithms."
    )
    assert len(numbered) == 6
    titles = [b for b in doc.blocks if doc.span_text(b).startswith("1. World")]
    assert len(titles) == 1 and titles[0].kind == "heading"
    assert "Rank Industry Percentage of Machine Learning Engineers Employed" not in texts(doc)
    assert not any(t.startswith("1 Information Technology") for t in texts(doc))


def test_text_fixture_with_tab_table_and_numbered_list() -> None:
    doc = load(FIXTURES / "text_tab_table.txt")
    assert "\r" not in doc.text
    assert [doc.span_text(b) for b in doc.blocks if b.kind == "list_item"] == [
        "Build a portfolio",
        "Contribute to open source",
        "pick a small issue",
        "open a pull request",
        "Apply to 20 roles",
    ]
    contribute = find(doc, "Contribute")
    assert doc.blocks[find(doc, "pick a small")].parent == contribute
    assert doc.blocks[find(doc, "Build a portfolio")].parent == find(doc, "Steps to get hired:")
    paragraph = doc.blocks[find(doc, "The market for ML talent")]
    assert doc.span_text(paragraph).endswith("This line continues the paragraph.")
    assert len(doc.tables) == 1
    assert doc.blocks[find(doc, "Share this")].boilerplate


def test_markdown_fixture() -> None:
    doc = load(FIXTURES / "markdown_pipe_table.md", "text/markdown")
    assert doc.title == "ML Engineer Salaries in Europe"
    headings = [(doc.span_text(b), b.level) for b in doc.blocks if b.kind == "heading"]
    assert ("Salary by country", 2) in headings
    cloud = find(doc, "Cloud platforms")
    assert [doc.span_text(b) for b in doc.blocks if b.parent == cloud] == ["AWS", "GCP"]
    assert not any("| Germany" in t for t in texts(doc))
    assert doc.blocks[find(doc, "Related Articles")].boilerplate


def test_a_short_line_that_states_a_figure_is_body_text_not_a_heading() -> None:
    text = (
        "Pay by Experience\n\nAverage base salary: $168,400\n\n"
        "Remote availability: 31% of roles offer remote work\n\n"
        "The $1 Trillion AI Market Explained\n\nIt is large and still growing every year.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks] == [
        ("heading", "Pay by Experience"),
        ("paragraph", "Average base salary: $168,400"),
        ("paragraph", "Remote availability: 31% of roles offer remote work"),
        ("heading", "The $1 Trillion AI Market Explained"),
        ("paragraph", "It is large and still growing every year."),
    ]


def test_a_first_line_stating_a_figure_stays_in_its_paragraph() -> None:
    text = "Postings up 61% a year\nMost of the openings were in large cities and at startups.\n"
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_lines_that_are_all_figure_rows_are_an_unmarked_list() -> None:
    text = (
        "Junior (0–2 years): £42,000 – £60,000\nMid-Level (2–5 years): £60,000 – £90,000\n\n"
        "Salaries rose 5% in 2024 and\nare expected to rise again.\n\n"
        "Entry Level\n£34,000–£48,000\nper year, gross\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/markdown")
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks][:3] == [
        ("list_item", "Junior (0–2 years): £42,000 – £60,000"),
        ("list_item", "Mid-Level (2–5 years): £60,000 – £90,000"),
        ("paragraph", "Salaries rose 5% in 2024 and are expected to rise again."),
    ]
    assert len(doc.cards) == 1  # a label line over a figure line is a card, not rows


def test_a_title_over_its_byline_is_the_pages_title() -> None:
    page = (
        "Machine Learning Engineer Pay in Australia — 2026 Edition\n"
        "Southern Cross Careers | Sydney | 11 March 2026\n"
        "Home > Insights > Salary reports\n\nTHE SHORT VERSION\n\nML engineers earn well.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/plain")
    assert doc.title == "Machine Learning Engineer Pay in Australia — 2026 Edition"
    assert [b.kind for b in doc.blocks][:2] == ["heading", "paragraph"]


def test_a_site_s_domain_over_the_page_s_heading_is_no_title() -> None:
    """'PayScope.com.gh' over 'DATA ENGINEER SALARY IN GHANA (2025)': the page's title is its
    own heading, not the site's domain, so the pay its prose states is framed by it."""
    page = (
        "PayScope.com.gh\nSalaries | Jobs | Employers | Sign in\n\n"
        "DATA ENGINEER SALARY IN GHANA (2025)\n"
        "Gross monthly pay in cedis, from salaries that employees submit.\n\n"
        "Data engineers who work remotely for foreign firms\nreport USD 1,800 - 3,500 per month.\n"
    )
    doc = build_document(source_id="s", text=page, media_type="text/plain")
    assert doc.title == "DATA ENGINEER SALARY IN GHANA (2025)"
    library = "ML.NET\n\nMachine learning engineer guide\n\nML.NET is a library for .NET.\n"
    assert build_document(source_id="s", text=library, media_type="text/plain").title == "ML.NET"
    pay = [(c.value, c.value_high) for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert pay == [(1800.0, 3500.0)]


def test_a_title_in_capitals_over_a_line_of_prose_is_a_heading() -> None:
    page = (
        "ML ENGINEER PAY IN CANADA — 2025 EDITION\n"
        "Compiled by the research team. Posted October 2, 2025.\n\nBody text.\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    assert texts(doc, "heading") == ["ML ENGINEER PAY IN CANADA — 2025 EDITION"]
    assert doc.title == "ML ENGINEER PAY IN CANADA — 2025 EDITION"


def test_a_posting_title_over_its_labelled_lines_is_the_title() -> None:
    page = (
        "Acme | Careers | Teams\n\nStaff Machine Learning Engineer, Routing & Forecasting\n"
        "Location: Austin, TX (hybrid, 3 days on site)\nPosted: 03/17/2026\n\nABOUT THE ROLE\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    assert doc.title == "Staff Machine Learning Engineer, Routing & Forecasting"


def test_a_thread_s_title_passes_over_its_site_chrome_and_each_post_ends_the_one_above() -> None:
    page = (
        "**DevTalk UK** › Forums › Careers › Pay\n\nRegister | Log in | Search | FAQ\n\n"
        "# What day rate are ML contractors on?\n\n[ Reply ]  [ Watch ]  [ Page 1 of 3 ]\n\n"
        "**tensor_tess** · 3 Feb 2026\n\n*ML engineer / 5 yrs / Bristol / inside IR35*\n\n"
        "£560 a day inside IR35 for a retailer.\n\n**agency_al** · 4 Feb 2026\n\n"
        "Across the roles we placed last quarter the median was £600 a day.\n\n"
        "**Sponsored:** Contractor accounts from £89/month · Umbrella reviews from £150\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/markdown")
    assert doc.title == "What day rate are ML contractors on?"
    texts = {doc.span_text(b): b for b in doc.blocks}
    flair = next(i for i, b in enumerate(doc.blocks) if doc.span_text(b).startswith("*ML"))
    assert texts["£560 a day inside IR35 for a retailer."].section == flair
    placed = texts["Across the roles we placed last quarter the median was £600 a day."]
    assert doc.span_text(doc.blocks[placed.section]) == doc.title, "not the poster above's"
    chrome = [t for t, b in texts.items() if b.boilerplate]
    assert "Register | Log in | Search | FAQ" in chrome
    assert "[ Reply ]  [ Watch ]  [ Page 1 of 3 ]" in chrome
    assert any(t.startswith("**Sponsored:**") for t in chrome)


def test_arrow_bullets_are_list_items() -> None:
    """A post's '→ ship models ...' lines are items of a list, as '-' or '•' lines are."""
    doc = build_document(
        source_id="t",
        text="What you'll do\n→ build the ranking service\n→ own the evaluation harness\n",
        media_type="text/plain",
    )
    items = [doc.span_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert items == ["build the ranking service", "own the evaluation harness"]


def test_a_plain_text_releases_o_bullets_are_list_items() -> None:
    """'o  Japan's AI market grew ...': a lower-case o set apart by two spaces is a bullet; 'o
    engenheiro' (one space) is a word."""
    doc = build_document(
        source_id="t",
        text="HIGHLIGHTS\n\no  The market grew 41% in 2024.\no  Spending will reach $4 billion.\n\n"
        "Portugal: o engenheiro ganha mais.\n",
        media_type="text/plain",
    )
    items = [doc.span_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert items == ["The market grew 41% in 2024.", "Spending will reach $4 billion."]


def test_a_number_set_apart_by_two_spaces_opens_a_numbered_item() -> None:
    """A post's '1  Python' / '2  PyTorch' under 'Ranked by share of client briefs'; '12 months'
    (one space) is a line's words."""
    doc = build_document(
        source_id="t",
        text="Ranked by share of client briefs\n1  Python\n2  PyTorch\n\n12 months of data.\n",
        media_type="text/plain",
    )
    items = [doc.span_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert items == ["Python", "PyTorch"]


def test_a_bold_label_and_its_sentence_alone_on_a_line_is_a_paragraph_not_a_heading() -> None:
    """'**What they do:** Watch networks for threats.' read as a heading (eight words or fewer,
    two capitals, a full stop): a label with a sentence after it is body text."""
    doc = build_document(
        source_id="t",
        text="## 2. Security Analyst\n\n**What they do:** Watch networks for threats.\n",
        media_type="text/markdown",
    )
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks] == [
        ("heading", "2. Security Analyst"),
        ("paragraph", "**What they do:** Watch networks for threats."),
    ]


def test_a_menu_bar_over_the_page_is_not_its_title() -> None:
    """A text page's first heading is its site's menu ('ACME | Jobs | ...'): the title is the
    heading after it, whose role and pay words frame a headerless table of key figures."""
    page = (
        "PAYSCOPE JOBS  |  Offers  |  Employers  |  Guides  |  Contact : 020 7946 0123\n"
        "==============================================================================\n\n"
        "DATA ENGINEER SALARY GUIDE - UK 2025\n\n"
        "KEY FIGURES\n-----------\n\n"
        "  Median salary, national ..................... £61,500\n"
        "  London (median) ............................. £72,000\n"
    )
    doc = build_document(source_id="t", text=page, media_type="text/plain")
    assert doc.title == "DATA ENGINEER SALARY GUIDE - UK 2025"
    claims = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert sorted((c.value, c.subject, c.qualifiers.get("statistic")) for c in claims) == [
        (61500.0, "data engineer", "median"),
        (72000.0, "data engineer", "median"),
    ]


def test_a_release_s_double_hyphen_bullets_are_list_items() -> None:
    """'-- ' opens a highlight of a plain-text release: each is an item, so one highlight's
    'each year' is no other's."""
    doc = build_document(
        source_id="s",
        text=(
            "Highlights\n\n"
            "  -- Employment of statisticians is projected to grow 11 percent.\n"
            "  -- About 3,500 openings are projected each year.\n"
        ),
        media_type="text/plain",
    )
    items = [doc.span_text(b) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        "Employment of statisticians is projected to grow 11 percent.",
        "About 3,500 openings are projected each year.",
    ]


def test_a_double_hyphen_at_the_margin_is_a_dash_of_the_sentence_above() -> None:
    doc = build_document(
        source_id="s",
        text=(
            "Data engineers in Leeds earn a median salary of £61,000 a year, a figure\n"
            "-- as the survey notes -- that rose 5% since 2024.\n"
        ),
        media_type="text/plain",
    )
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_block_at_finds_the_block_an_offset_falls_in_or_follows() -> None:
    text = "Pay guide\n\nFirst paragraph here.\n\n- one item\n- two item\n"
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert doc.block_at(0) == 0
    assert doc.block_at(-1) == -1
    for index, block in enumerate(doc.blocks):
        assert doc.block_at(block.start) == index
        assert doc.block_at(block.end - 1) == index
    last = doc.blocks[-1]
    assert doc.block_at(len(text)) == len(doc.blocks) - 1 and last.end <= len(text)
    assert texts(doc)[doc.block_at(text.index("two"))] == "two item"


def test_a_numbered_section_title_after_a_set_in_numbered_list_is_a_heading() -> None:
    """'6. COSTS' at the margin after a set-in '1. Python .... 91%' list is the report's next
    section, not the list's sixth item."""
    text = (
        "5. DEMAND\n\n   Top skills:\n     1. Python ...... 91%\n     2. SQL ......... 74%\n\n"
        "6. A NOTE ON COSTS\n\n   Allowances are included.\n"
    )
    doc = build_document(source_id="t", text=text, media_type="text/plain")
    kinds = {doc.span_text(b): b.kind for b in doc.blocks}
    assert kinds["6. A NOTE ON COSTS"] == "heading"
    assert kinds["SQL ......... 74%"] == "list_item"


def test_a_labelled_rule_between_slides_separates_like_a_rule_and_heads_nothing() -> None:
    text = (
        "=============== Slide 4 ===============\n"
        "PAY BY SENIORITY\n"
        "Gross yearly pay (EUR thousand)\n\n"
        "  Level      Salary\n  Junior       48\n  Senior       79\n\n"
        "--- Page 5 ---\n"
        "Notes: figures are medians.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks] == [
        ("heading", "PAY BY SENIORITY"),
        ("paragraph", "Gross yearly pay (EUR thousand)"),
        ("paragraph", "Notes: figures are medians."),
    ]
    assert [doc.span_text(c) for c in doc.tables[0].header] == ["Level", "Salary"]


def test_a_subtitle_over_a_hosted_by_line_under_a_capitals_title_is_a_heading() -> None:
    text = (
        "EVENT NOTES\n"
        "Paying Data Engineers in Chile: 2026 Figures\n"
        "Hosted by Andes Talent Group · Session code 77 310\n"
        "Slides sent to all who registered.\n\n"
        "Senior data engineers earn about CLP 4.1 million a month.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks][:3] == [
        ("heading", "EVENT NOTES"),
        ("heading", "Paying Data Engineers in Chile: 2026 Figures"),
        (
            "paragraph",
            "Hosted by Andes Talent Group · Session code 77 310 Slides sent to all who registered.",
        ),
    ]


def test_a_key_figure_list_gives_one_item_per_figure_with_its_wrapped_caption() -> None:
    text = (
        "THE MONTH IN NUMBERS\n\n"
        "  1,904   open data engineer roles in Ireland on our\n"
        "          board, as of 3 May 2026\n"
        "  6.1%    rise in data engineer ads since March\n"
        "  €74,000 median advertised base salary\n\n"
        "Prose under it wraps at 40\n"
        "characters and stays one paragraph.\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    items = [doc.span_text(b).split()[0] for b in doc.blocks if b.kind == "list_item"]
    assert items == ["1,904", "6.1%", "€74,000"]
    assert texts(doc, "paragraph") == [
        "Prose under it wraps at 40 characters and stays one paragraph."
    ]


def test_a_short_sentence_naming_places_is_a_paragraph_not_a_heading() -> None:
    doc = build_document(
        source_id="t",
        text="Intro.\n\nLisbon pays the most; Porto comes second.\n\nSkills of an ML Engineer."
        "\n\nWhat senior engineers earn in Porto.\n",
        media_type="text/plain",
    )
    assert [(b.kind, doc.span_text(b)) for b in doc.blocks[1:]] == [
        ("paragraph", "Lisbon pays the most; Porto comes second."),
        ("heading", "Skills of an ML Engineer."),
        ("heading", "What senior engineers earn in Porto."),
    ]

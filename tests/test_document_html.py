"""HTML -> Document: chrome dropped, blocks and tables with exact offsets."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.document.html import strip_tags
from mlefacts.document.model import Document
from mlefacts.extract import extract_claims

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


def load(name: str) -> Document:
    page = (FIXTURES / name).read_text(encoding="utf-8")
    return build_document(source_id=name, text=page, media_type="text/html")


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.span_text(b)) for b in doc.blocks]


def cells(doc: Document, index: int) -> list[list[str]]:
    table = doc.tables[index]
    return [[doc.span_text(s) for s in row] for row in (table.header, *table.rows)]


def test_article_chrome_is_dropped() -> None:
    doc = load("article_chrome.html")
    for chrome in (
        "cookies",
        "Menu",
        "Jobs",
        "Share on",
        "$999,999",
        "$500k",
        "Subscribe",
        "Related Posts",
        "All rights reserved",
        "Hidden promo",
        "Also hidden",
        "Enable JavaScript",
        "Tags:",
        "Jane Writer",
        "trackPage",
        "color:",
    ):
        assert chrome not in doc.text, chrome
    assert doc.title == "Data Engineer Pay Guide | Example Careers"


def test_article_blocks_text_and_entities() -> None:
    doc = load("article_chrome.html")
    assert blocks(doc)[:3] == [
        ("heading", "Data Engineer Pay & Demand in 2024"),
        (
            "paragraph",
            "Data engineers in the United States earn a median of $128,000 per year, "
            "according to a 2024 survey.",
        ),
        ("heading", "What the role involves"),
    ]
    assert ("paragraph", "Line one of an address\nLine two of an address") in blocks(doc)
    assert ("paragraph", "Job postings grew 35% between 2021 and 2023.") in blocks(doc)
    assert doc.text.count("\n\n") == len(doc.blocks) - 1


def test_article_lists_and_lead_in() -> None:
    doc = load("article_chrome.html")
    rows = [
        (doc.span_text(b), b.level, b.marker, b.parent) for b in doc.blocks if b.kind == "list_item"
    ]
    lead = next(
        i for i, b in enumerate(doc.blocks) if doc.span_text(b) == "Typical duties include:"
    )
    owning = next(i for i, b in enumerate(doc.blocks) if doc.span_text(b) == "Owning data quality")
    assert rows == [
        ("Building batch & streaming pipelines", 0, "•", lead),
        ("Owning data quality", 0, "•", lead),
        ("writing tests for tables", 1, "•", owning),
        ("tracking freshness", 1, "•", owning),
    ]
    assert "  • writing tests for tables" in doc.text


def test_also_read_link_is_boilerplate() -> None:
    doc = load("article_chrome.html")
    flagged = [doc.span_text(b) for b in doc.blocks if b.boilerplate]
    assert flagged == ["Also read: Ten Tips for Your First Data Job"]


def test_ordered_nested_lists() -> None:
    doc = load("nested_lists.html")
    rows = [(doc.span_text(b), b.kind, b.level, b.marker) for b in doc.blocks]
    assert rows == [
        ("Career path", "heading", 1, ""),
        ("The usual steps are:", "paragraph", 0, ""),
        ("Learn Python", "list_item", 0, "3."),
        ("Ship a model", "list_item", 0, "4."),
        ("train it", "list_item", 1, "•"),
        ("deploy it", "list_item", 1, "•"),
        ("as a batch job", "list_item", 2, "1."),
        ("as an API", "list_item", 2, "2."),
        ("Grow into a lead", "list_item", 0, "5."),
        ("Leads spend 40% of their time mentoring.", "paragraph", 0, ""),
        ("Not a list item: 12 steps in total.", "paragraph", 0, ""),
    ]
    parents = [b.parent for b in doc.blocks]
    assert parents == [None, None, 1, 1, 3, 3, 5, 5, 1, 8, None]


def test_table_with_th_and_colspan() -> None:
    doc = load("table_colspan.html")
    assert len(doc.tables) == 2
    assert cells(doc, 0) == [
        ["Level", "Base salary (USD)", "Base salary (USD)", "Share of roles"],
        ["Junior", "$70,000", "$90,000", "30%"],
        ["Senior", "$150,000", "$150,000", "45%"],
        ["Staff", "$190,000", "", ""],
        ["Principal", "$230,000", "$260,000", "5%"],
    ]
    first = doc.tables[0]
    assert first.rows[1][1] == first.rows[1][2]
    assert doc.span_text(first.caption) == "Salaries by level"
    assert "extra cell" in doc.text
    assert doc.text[first.start : first.end].startswith(
        "Level | Base salary (USD) | Share of roles"
    )


def test_table_caption_and_layout_table() -> None:
    doc = load("table_colspan.html")
    second = doc.tables[1]
    assert doc.span_text(second.caption) == "Top skills"
    assert cells(doc, 1) == [["Skill", "Mentions"], ["SQL", "1,204"], ["Python", "987"]]
    assert ("paragraph", "A layout table with one column holds a paragraph.") in blocks(doc)
    assert all("1,204" not in doc.span_text(b) for b in doc.blocks)


def test_title_falls_back_to_first_h1() -> None:
    doc = build_document(source_id="s", text="<h1>Pay  guide</h1><p>x</p>", media_type="text/html")
    assert doc.title == "Pay guide"


def test_xhtml_media_type_and_parameters() -> None:
    page = "<html><body><p>Median pay is $100k.</p></body></html>"
    doc = build_document(
        source_id="s", text=page, media_type="application/xhtml+xml; charset=utf-8"
    )
    assert blocks(doc) == [("paragraph", "Median pay is $100k.")]


def test_content_after_the_closing_html_tag_does_not_replace_the_page() -> None:
    # Analytics snippets and late widgets follow '</html>' on real pages; a browser reads them
    # into the body. The page's own content must stay, and a late paragraph is read too.
    page = (
        "<html><body><h1>Pay</h1><p>Median pay is $90,000.</p></body></html>\n"
        "<script>track()</script><div>Updated in May.</div>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("heading", "Pay"),
        ("paragraph", "Median pay is $90,000."),
        ("paragraph", "Updated in May."),
    ]
    # The same page with a control character is built from the parser's events: same reading.
    odd = build_document(source_id="s", text=page.replace("May", "May\x01"), media_type="text/html")
    assert [text.replace("\x01", "") for _, text in blocks(odd)] == [t for _, t in blocks(doc)]


def test_strip_tags_fallback_for_deep_or_broken_pages() -> None:
    assert strip_tags("<div><p>Pay &gt; 5%</p><style>p{}</style><p>next") == "Pay > 5%\n\nnext"
    deep = "<div>" * 10_000 + "<p>Deep pay fact: $90,000.</p>" + "</div>" * 10_000
    doc = build_document(source_id="s", text=deep, media_type="text/html")
    assert "Deep pay fact: $90,000." in doc.text
    junk = build_document(source_id="s", text="<p>a\ud800b</p>", media_type="text/html")
    assert junk.text.startswith("a")


def test_names_and_characters_lxml_refuses_keep_the_page() -> None:
    # Word's '<o:p>', Vue's '@click' and ':class', 'xml:lang' and control characters are valid
    # HTML that lxml's tree builder refuses: the page is built again with stand-ins, same text.
    page = (
        '<html xml:lang="en"><body><h1>Pay</h1><p>Median<o:p></o:p> pay is $90k.</p>'
        '<p :class="x" @click="y">Bonus\x01 of 5%\x1fthis year.</p>'
        '<div class="site\x0cnav">Menu</div></body></html>'
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("heading", "Pay"),
        ("paragraph", "Median pay is $90k."),
        ("paragraph", "Bonus\x01 of 5% this year."),
    ]


def test_script_template_and_ruby_strings_are_not_text() -> None:
    page = (
        "<p>Pay <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> rose</p>"
        "<template><p>Hidden template</p></template><p>Last</p>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert blocks(doc) == [("paragraph", "Pay 漢 rose"), ("paragraph", "Last")]


def test_inline_elements_that_meet_with_no_space_keep_figures_apart() -> None:
    page = (
        "<div><span>Median</span><span>$120,000</span><span>per year</span></div>"
        "<p><span>Open ML roles</span><span>27,800</span></p>"
        "<p>Ranked 1<sup>st</sup> at <b>₹</b><b>6–9</b> LPA in Q<span>3</span></p>"
    )
    doc = build_document(source_id="g", text=page, media_type="text/html")
    assert [text for _, text in blocks(doc)] == [
        "Median $120,000 per year",
        "Open ML roles 27,800",
        "Ranked 1st at ₹6–9 LPA in Q3",
    ]


def test_a_numbered_caption_under_a_table_is_its_caption() -> None:
    page = (
        "<h1>How AI engineers work</h1><p>We asked engineers in Germany.</p>"
        "<table><tr><th>Arrangement</th><th>Share</th></tr><tr><td>Hybrid</td><td>57%</td></tr>"
        "<tr><td>Remote</td><td>43%</td></tr></table>"
        "<p><em>Table 1. Work arrangements of AI engineers, 2025.</em></p>"
        "<table><tr><th>Industry</th><th>Share</th></tr><tr><td>Cars</td><td>60%</td></tr>"
        "<tr><td>Other</td><td>40%</td></tr></table><p>Figures are rounded.</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    first, second = doc.tables
    assert first.caption and doc.span_text(first.caption) == (
        "Table 1. Work arrangements of AI engineers, 2025."
    )
    assert second.caption is None


def test_a_reversed_list_counts_down_and_an_item_value_sets_its_number() -> None:
    page = (
        "<ol reversed><li>Trainer</li><li>Engineer</li><li>Scientist</li></ol>"
        "<ol><li value='4'>Analyst</li><li>Architect</li></ol>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [(b.marker, doc.span_text(b)) for b in doc.blocks] == [
        ("3.", "Trainer"),
        ("2.", "Engineer"),
        ("1.", "Scientist"),
        ("4.", "Analyst"),
        ("5.", "Architect"),
    ]


def test_an_item_that_writes_its_own_number_is_numbered_once() -> None:
    """'<ol><li>1. Python</li>': the page's number is the item's marker, not written twice
    ('1. 1. Python'), so the list reads as the ranked list it is."""
    page = "<ol><li>1. Python</li><li>2. SQL</li></ol><ol><li>4. Go</li></ol>"
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [(b.marker, doc.span_text(b)) for b in doc.blocks] == [
        ("1.", "Python"),
        ("2.", "SQL"),
        ("1.", "4. Go"),  # another number than the item's stays the item's text
    ]
    assert doc.text.startswith("1. Python\n\n2. SQL\n\n1. 4. Go")


def test_a_heading_that_opens_an_item_carries_its_number_and_heads_the_rest() -> None:
    """'<li><h3>Python</h3><p>...</p></li>': the heading is the item's first chunk, read with
    the item's number ('1. Python') unless it writes it; the paragraphs after it are the
    heading's, not a list item numbered '1.' that the page never wrote."""
    page = (
        "<ol><li><h3>Python</h3><p>The default language.</p></li>"
        "<li><h3>SQL</h3><p>Every model starts with a query.</p></li></ol>"
        '<ol reversed><li value="8"><h2>8. Data annotation lead</h2>'
        "<p>Median salary: $92,000</p></li></ol>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [(b.kind, doc.span_text(b), b.parent) for b in doc.blocks] == [
        ("heading", "1. Python", None),
        ("paragraph", "The default language.", 0),
        ("heading", "2. SQL", None),
        ("paragraph", "Every model starts with a query.", 2),
        ("heading", "8. Data annotation lead", None),
        ("paragraph", "Median salary: $92,000", 4),
    ]
    assert "8. Median" not in doc.text and "8. 8." not in doc.text


def test_a_heading_in_a_bullet_item_reads_as_written_and_a_number_is_no_marker() -> None:
    """A bullet is no number: '<ul><li><h2>Top hiring cities</h2>' reads 'Top hiring cities';
    '1.5x growth' opening the first numbered item is not its '1.'."""
    page = (
        "<ul><li><h2>Top hiring cities</h2><p>Toronto leads.</p></li></ul>"
        "<ol><li><h3>1.5x growth in postings</h3></li></ol>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    headings = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Top hiring cities", "1. 1.5x growth in postings"]
    assert "•" not in doc.text


def test_a_paragraph_that_is_one_bold_title_is_a_heading() -> None:
    page = (
        "<h2>Best cities by region</h2><p><strong>Europe</strong></p>"
        "<ol><li>Berlin</li><li>Lisbon</li></ol>"
        "<p><b>Median pay: $120,000</b></p><p><strong>Note</strong> the ranks are new.</p>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert [(b.kind, b.level) for b in doc.blocks[:2]] == [("heading", 2), ("heading", 3)]
    assert doc.blocks[2].section == 1  # 'Berlin' is under 'Europe'
    # a bold figure statement and bold words inside a sentence stay body text
    assert [b.kind for b in doc.blocks[4:]] == ["paragraph", "paragraph"]
    page = "<h2>Pay</h2><div><b>Asia-Pacific</b></div><ol><li>Singapore</li></ol>"
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 2),
        ("heading", 3),
        ("list_item", 0),
    ]


def test_two_line_breaks_end_a_paragraph_as_a_blank_line_does() -> None:
    page = (
        "<div>Senior engineers in Berlin earn €95,000 a year.<br><br>"
        "Junior engineers earn €52,000.<br>Figures are medians.</div>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("paragraph", "Senior engineers in Berlin earn €95,000 a year."),
        ("paragraph", "Junior engineers earn €52,000.\nFigures are medians."),
    ]


def test_a_currency_signs_letters_in_their_own_element_stay_on_the_sign() -> None:
    page = "<p>Pay is S<span class='n'>$5,200</span> a month, or US<b>$3,900</b>.</p>"
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert doc.text == "Pay is S$5,200 a month, or US$3,900."


def test_a_space_that_groups_thousands_keeps_the_number_whole() -> None:
    page = (
        "<h1>AI hiring in 2025</h1>"
        "<p>Employers posted 27&#8239;300 job postings for AI engineers in 2025.</p>"
        "<section><div><div>21&nbsp;300</div><div>open data engineer positions in the UK</div>"
        "</div><div><div>9&nbsp;850</div><div>data engineer vacancies in London</div></div>"
        "</section>"
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert "27\u202f300 job postings" in doc.text
    claims, _ = extract_claims(doc)
    values = {c.value for c in claims if c.unit == "count"}
    assert {27300.0, 21300.0, 9850.0} <= values and 300.0 not in values


def test_tag_chips_in_separate_elements_stay_separate_words() -> None:
    # '<span>Python</span><span>PyTorch</span>' is two chips, not 'PythonPyTorch'; a word split
    # into single letters for styling stays whole.
    doc = build_document(
        source_id="t",
        text=(
            "<div><span>Python</span><span>scikit-learn</span><span>Apache Spark</span>"
            "<a href='/t/sql'>SQL</a><a href='/t/aws'>AWS</a></div>"
            "<p><span>A</span><span>I</span> jobs</p>"
        ),
        media_type="text/html",
    )
    assert [doc.span_text(block) for block in doc.blocks] == [
        "Python scikit-learn Apache Spark SQL AWS",
        "AI jobs",
    ]


def test_list_items_typed_as_paragraphs_are_list_items() -> None:
    # Editors that export a list as paragraphs: '• Python' in its own <p>, several bullets
    # split by <br>, or numbered paragraphs one after another.
    page = (
        "<h2>Requirements</h2><p>• Python and SQL</p><p>• Kubernetes</p>"
        "<h2>Duties</h2><p>• Train ranking models<br>• Review model designs</p>"
        "<h2>Top skills</h2><p>1. PyTorch</p><p>2. Docker</p>"
        "<p>3. Where this list comes from is below.</p><p>4. An aside</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    items = [(b.marker, doc.span_text(b)) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("•", "Python and SQL"),
        ("•", "Kubernetes"),
        ("•", "Train ranking models"),
        ("•", "Review model designs"),
        ("1.", "PyTorch"),
        ("2.", "Docker"),
        ("3.", "Where this list comes from is below."),
        ("4.", "An aside"),
    ]
    texts = {(c.kind, c.text) for c in extract_claims(doc)[0] if c.value is None}
    assert ("responsibility", "train ranking models") in texts


def test_one_numbered_paragraph_alone_is_no_list() -> None:
    page = "<p>Our survey found:</p><p>1. Pay rose again this year.</p><p>More text.</p>"
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph"]


def test_a_nested_list_after_a_card_keeps_its_parent() -> None:
    # A card taken out of the blocks must not shift the parent index of the items after it.
    page = (
        "<h1>Pay</h1><div><p>Entry Level</p><p>£34,000</p><p>per year</p></div>"
        "<ul><li>Junior<ul><li>remote</li></ul></li></ul>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert doc.cards
    junior, remote = (b for b in doc.blocks if b.kind == "list_item")
    assert doc.blocks[remote.parent] == junior


def test_a_bold_title_with_a_colon_heads_what_follows_but_not_inside_a_list_item() -> None:
    page = (
        "<h1>ML engineer jobs</h1><p><strong>Key responsibilities:</strong></p>"
        "<ul><li>Train ranking models</li></ul>"
        "<ol><li><p><strong>AI Engineer</strong></p><p>Builds LLM products.</p></li></ol>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert blocks(doc)[:3] == [
        ("heading", "ML engineer jobs"),
        ("heading", "Key responsibilities"),  # the colon leads in; it is no part of the title
        ("list_item", "Train ranking models"),
    ]
    assert blocks(doc)[3] == ("list_item", "AI Engineer")


def test_a_div_its_class_calls_a_title_is_a_heading() -> None:
    page = (
        '<div class="section-title">Pay by city</div><ul><li>Leeds: £61,000</li></ul>'
        '<div class="note">Figures are medians.</div>'
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("heading", "Pay by city"),
        ("list_item", "Leeds: £61,000"),
        ("paragraph", "Figures are medians."),
    ]


def test_a_numbered_title_over_card_lines_stays_one_paragraph() -> None:
    # '1. Data Engineer<br>Job Openings: 5,204<br>Median Base Salary: $128,000' is a ranked
    # card (its title and the figures under it), not a one-line list item.
    page = (
        "<h2>The best jobs in America this year</h2>"
        "<p>1. Machine Learning Engineer<br>Median Base Salary: $162,500</p>"
        "<p>2. Data Engineer<br>Median Base Salary: $128,000</p>"
    )
    doc = build_document(source_id="p", text=page, media_type="text/html")
    assert not [b for b in doc.blocks if b.kind == "list_item"]
    claims, _ = extract_claims(doc)
    assert {(c.kind, c.subject, c.value) for c in claims if c.kind in ("salary", "ranking")} == {
        ("salary", "machine learning engineer", 162500),
        ("salary", "data engineer", 128000),
        ("ranking", "machine learning engineer", 1),
        ("ranking", "data engineer", 2),
    }


def test_a_sidebar_of_key_statistics_is_kept_and_other_sidebars_dropped() -> None:
    page = (
        "<html><body><h1>Speech analytics market</h1><p>The market grows.</p>"
        "<aside><h2>Key market statistics</h2><dl><dt>Market size (2025)</dt>"
        "<dd>USD 3.1 billion</dd></dl></aside>"
        "<aside><h3>Related reports</h3><p>Voice AI market, USD 9 billion</p></aside>"
        "</body></html>"
    )
    doc = build_document(source_id="a", text=page, media_type="text/html")
    assert "USD 3.1 billion" in doc.text
    assert "Related reports" not in doc.text


def test_a_facts_sidebar_heading_with_a_note_of_its_scope_is_kept() -> None:
    page = (
        "<html><body><h1>ML engineer pay</h1><p>Our guide.</p>"
        "<aside><h3>Quick facts (2025 data)</h3><ul><li>Working full-time: 88%</li></ul></aside>"
        "<aside><h3>Key figures, 2024</h3><p>Median age: 34</p></aside>"
        "<aside><h3>Newsletter (weekly)</h3><p>Sign up for 12% off</p></aside>"
        "</body></html>"
    )
    doc = build_document(source_id="a", text=page, media_type="text/html")
    assert "Working full-time: 88%" in doc.text
    assert "Median age: 34" in doc.text
    assert "Sign up" not in doc.text


def test_a_heading_that_numbers_a_statistic_is_a_paragraph_of_its_statement() -> None:
    page = (
        "<html><body><article><h1>31 ML Engineer Statistics</h1><h2>Pay</h2>"
        "<h3>Stat #8: The median base salary for US ML engineers was $161,500 in 2025</h3>"
        "<p>Self-reported data.</p><h3>Statistic 9 of 31 — Entry-level ML engineers earn a "
        "median base of $118,000</h3><h3>Stat #10: Pay</h3><h3>Fact 11: SQL is the second most "
        "requested skill</h3></article></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("heading", "31 ML Engineer Statistics"),
        ("heading", "Pay"),
        ("paragraph", "The median base salary for US ML engineers was $161,500 in 2025"),
        ("paragraph", "Self-reported data."),
        ("paragraph", "Entry-level ML engineers earn a median base of $118,000"),
        ("heading", "Stat #10: Pay"),
        ("paragraph", "SQL is the second most requested skill"),
    ]
    claims, _ = extract_claims(doc)
    salaries = [(c.value, c.year) for c in claims if c.kind == "salary"]
    assert salaries == [(161_500, 2025), (118_000, None)]


def test_a_hidden_tab_panel_is_content_but_other_hidden_elements_are_not() -> None:
    page = (
        "<html><body><h1>Pay by city</h1><div role='tablist'><button role='tab'>Lyon</button>"
        "<button role='tab'>Lille</button></div>"
        "<section role='tabpanel' id='t1'><h3>Lyon</h3><p>Median: €52,000.</p></section>"
        "<section role='tabpanel' id='t2' hidden><h3>Lille</h3><p>Median: €47,000.</p></section>"
        "<div hidden><p>Popup: save 20% today.</p></div>"
        "<div style='display:none' role='tabpanel'><p>Median in Nice: €49,000.</p></div>"
        "</body></html>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    assert "€47,000" in doc.text and "€49,000" in doc.text
    assert "Popup" not in doc.text


def test_a_sidebar_that_ranks_the_page_s_findings_is_kept_but_one_of_other_pages_is_not() -> None:
    page = (
        "<html><body><main><h1>Data engineer pay</h1><p>Median: €61,000.</p></main>"
        "<aside class='sidebar'><h2>Most requested skills in our briefs</h2>"
        "<p>Ranked by how many client briefs named them</p><ol><li>Spark</li><li>dbt</li></ol>"
        "</aside><aside><h2>Most popular posts</h2><ol><li>Pay in Lyon: €48,000</li></ol>"
        "</aside><aside><h3>Newsletter</h3><p>The most common questions, answered weekly.</p>"
        "</aside></body></html>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    assert "Spark" in doc.text and "Ranked by how many" in doc.text
    assert "Lyon" not in doc.text and "Newsletter" not in doc.text


def test_a_charts_alt_text_with_figures_is_a_paragraph_and_a_photos_is_not() -> None:
    page = (
        "<main><p>Results below.</p>"
        '<img src="c.svg" alt="Bar chart of languages used: Python 93%, SQL 61%, Bash 39%.">'
        '<img src="t.jpg" alt="Our team at the 2024 offsite in Lisbon"></main>'
    )
    doc = build_document(source_id="s", text=page, media_type="text/html")
    assert [doc.span_text(b) for b in doc.blocks] == [
        "Results below.",
        "Bar chart of languages used: Python 93%, SQL 61%, Bash 39%.",
    ]


def test_a_cell_spanning_rows_stands_in_its_column_of_the_rows_below() -> None:
    """'<td rowspan="2">Component</td>' is written once and is the first cell of both rows."""
    doc = build_document(
        source_id="t",
        text="<table><tr><th>Group</th><th>Part</th><th>Share</th></tr>"
        '<tr><td rowspan="2">Component</td><td>Solutions</td><td>70%</td></tr>'
        "<tr><td>Services</td><td>30%</td></tr>"
        "<tr><td>Deployment</td><td>Cloud</td><td>64%</td></tr></table>",
        media_type="text/html",
    )
    (table,) = doc.tables
    rows = [[doc.span_text(cell) for cell in row] for row in table.rows]
    assert rows == [
        ["Component", "Solutions", "70%"],
        ["Component", "Services", "30%"],
        ["Deployment", "Cloud", "64%"],
    ]
    assert doc.text.count("Component") == 1


def test_sidebars_of_pay_insights_and_of_the_roles_duties_are_kept() -> None:
    page = (
        "<html><body><h1>ML engineer pay in Leeds</h1><p>Our guide.</p>"
        "<aside><h3>Salary insights</h3><p>Median base: £64,000</p></aside>"
        "<aside><h2>Role snapshot: what you'll be doing</h2><ul><li>Building feature pipelines"
        "</li></ul></aside>"
        "<aside><h3>Latest jobs</h3><p>Data analyst, Leeds, £38,000</p></aside>"
        "</body></html>"
    )
    doc = build_document(source_id="a", text=page, media_type="text/html")
    assert "Median base: £64,000" in doc.text
    assert "Building feature pipelines" in doc.text
    assert "Latest jobs" not in doc.text


def test_review_a_recommendation_sidebar_based_on_searches_is_dropped() -> None:
    page = (
        "<html><body><h1>ML engineer pay</h1><p>Our guide.</p><aside><h3>Recommended jobs</h3>"
        "<p>Based on your recent searches</p><p>ML Engineer at Initech: $175,000</p></aside>"
        "</body></html>"
    )
    assert "Initech" not in build_document(source_id="a", text=page, media_type="text/html").text


def test_a_row_of_tiles_reads_each_tile_as_its_own_card() -> None:
    """Four '<div class="tile">' of label, value and unit in one '<section>': each is a card of
    its own; read as one run of lines, a tile's unit line became the next tile's label."""
    tile = '<div class="tile"><p>{}</p><p>{}</p><p>{}</p></div>'
    html = "<h1>Machine learning engineer pay in Australia</h1><section>{}</section>".format(
        "".join(
            tile.format(*parts)
            for parts in (
                ("Median package", "$158K", "AUD incl. super"),
                ("Annual pay growth", "3.9%", "FY2025 vs FY2024"),
                ("Advertised ML roles", "3,140", "September 2025"),
            )
        )
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    cards = [(doc.span_text(c.label), [doc.span_text(s) for s in c.lines]) for c in doc.cards]
    assert cards == [
        ("Median package", ["$158K", "AUD incl. super"]),
        ("Annual pay growth", ["3.9%", "FY2025 vs FY2024"]),
        ("Advertised ML roles", ["3,140", "September 2025"]),
    ]
    kinds = {c.value: c.kind for c in extract_claims(doc)[0]}
    assert kinds == {158000: "salary", 3.9: "growth_rate", 3140: "job_demand"}


def test_a_tag_list_labelled_with_what_its_tags_are_is_content() -> None:
    """A posting's '<div class="tags">Skills: ...' lists what it asks for; a blog's unlabelled
    post tags stay chrome, and so does a labelled footer, which is no chip list."""
    page = (
        "<h1>Data Engineer, Logistics</h1><div class='tags'><b>Tech stack:</b> <span>Scala</span>"
        "<span>Kafka</span></div><p>We move parcels.</p><div class='post-tags'><a>careers</a>"
        "<a>data</a></div><div class='footer'><b>Languages:</b> <a>English</a> <a>Deutsch</a>"
        "</div>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert blocks(doc) == [
        ("heading", "Data Engineer, Logistics"),
        ("paragraph", "Tech stack: Scala Kafka"),
        ("paragraph", "We move parcels."),
    ]


def test_a_tag_list_right_under_a_heading_naming_skills_is_content() -> None:
    """'<h2>Skills that raise your salary</h2><ul class="tags">': the heading says what the
    chips are, as a label inside the list does; post tags under another heading stay chrome."""
    page = (
        "<h1>ML engineer pay</h1><h2>Skills that raise your salary</h2><ul class='tags'>"
        "<li>Python</li><li>Kubeflow</li></ul><h2>Filed under</h2><ul class='tags'><li>careers"
        "</li><li>pay</li></ul>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [text for _, text in blocks(doc)] == [
        "ML engineer pay",
        "Skills that raise your salary",
        "Python",
        "Kubeflow",
        "Filed under",
    ]


def test_a_callout_on_what_the_findings_mean_for_a_role_is_content() -> None:
    """'<aside>' beside an article is chrome, unless it holds the article's own content: an
    editor's callout on why the findings matter for a role reads as the article."""
    page = (
        "<h1>Edge AI chips</h1><p>Shipments rose.</p><aside class='callout'><h3>Why it matters "
        "for data engineers</h3><p>Teams that stream sensor data need Kafka.</p></aside>"
        "<aside><h3>Popular posts</h3><p>Ten chips to watch</p></aside>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [text for _, text in blocks(doc)] == [
        "Edge AI chips",
        "Shipments rose.",
        "Why it matters for data engineers",
        "Teams that stream sensor data need Kafka.",
    ]


def test_an_id_that_is_a_slug_of_its_cards_title_drops_no_content() -> None:
    """'senior-mle-search' names a job card by its title; 'site-search' names a search bar."""
    page = (
        '<html><body><div id="site-search"><form>Search jobs</form></div><main>'
        '<article id="senior-mle-search"><h3>Senior Machine Learning Engineer, Search</h3>'
        "<p>UK: £98,000 – £122,000</p></article></main></body></html>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    assert "£98,000" in doc.text and "Search jobs" not in doc.text


def test_a_table_with_one_cell_of_text_a_row_is_a_layout_of_paragraphs() -> None:
    """A forum thread's comment sits in a table row beside an empty indent cell: its
    paragraphs are the page's, not one flattened table cell."""
    page = (
        '<html><body><table><tr><td class="ind"></td><td><div>Acme | ML Engineer | $150k'
        "<p>You'd build the ranking models.</p><p>Apply by email.</p></div></td></tr>"
        '<tr><td class="ind"></td><td><div>Is the role remote?</div></td></tr></table>'
        "</body></html>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    assert not doc.tables
    assert [doc.span_text(b) for b in doc.blocks] == [
        "Acme | ML Engineer | $150k",
        "You'd build the ranking models.",
        "Apply by email.",
        "Is the role remote?",
    ]


def test_a_call_to_action_is_chrome() -> None:
    page = (
        "<h1>Data engineer survey</h1><p>Most teams run Airflow.</p><p class='cta'>Get the full "
        "dataset for $49. Our dashboards are built with Looker.</p>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert [text for _, text in blocks(doc)] == ["Data engineer survey", "Most teams run Airflow."]


def test_a_table_of_related_roles_pay_in_a_related_block_is_content_a_link_rail_is_not() -> None:
    page = (
        "<html><body><h1>Data Engineer Salary</h1><p>The average data engineer earns $118,000."
        "</p><section class='related'><h2>Related Job Salaries</h2><table><tr><th>Job Title"
        "</th><th>Avg. Base Salary</th></tr><tr><td>Analytics Engineer</td><td>$112,500</td>"
        "</tr></table></section><aside class='related'><h3>Related Salaries</h3><ul><li><a "
        "href='/x'>Database Administrator — $99,000</a></li></ul></aside></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "Analytics Engineer" in doc.text
    assert "Database Administrator" not in doc.text


def test_related_occupations_whose_table_names_their_pay_are_content_other_related_rails_not() -> (
    None
):
    """'Related occupations' over a table captioned 'Median annual wage' (the table itself
    classed 'related-table') is an occupation profile's data; the same heading over a table of
    links with no pay in its caption or header stays chrome."""
    page = (
        "<html><body><h1>Machine Learning Engineers</h1><p>Median wage $158,430.</p>"
        "<section id='related'><h2>Related occupations</h2><table class='related-table'>"
        "<caption>Median annual wage, May 2025</caption><tr><td>Data Scientists</td>"
        "<td>$121,970</td></tr></table></section>"
        "<section class='related'><h2>Related occupations</h2><table><tr><th>Occupation</th>"
        "<th>Outlook</th></tr><tr><td>Database Architects</td><td>Bright</td></tr></table>"
        "</section></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "Data Scientists | $121,970" in doc.text
    assert "Database Architects" not in doc.text


def test_related_titles_whose_heading_names_their_pay_list_data_a_link_rail_does_not() -> None:
    """A salary calculator's 'Related job titles in Austin (median total pay per year)' over
    items that each state a sum and link nowhere is its data; the same heading over links to
    other pages stays chrome."""
    page = (
        "<html><body><h1>Machine Learning Engineer Salary in Austin</h1><p>Median $168,400."
        "</p><section class='related-titles'><h2>Related job titles in Austin (all levels, "
        "median total pay per year)</h2><ul><li>Data Scientist · $139,200</li><li>MLOps "
        "Engineer · $158,900</li></ul></section><section class='related-titles'><h2>Related "
        "job titles in Denver (median pay)</h2><ul><li><a href='/ds'>Data Analyst · $98,000</a>"
        "</li><li><a href='/de'>Data Engineer · $131,000</a></li></ul></section></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "MLOps Engineer · $158,900" in doc.text
    assert "Data Analyst" not in doc.text


def test_a_job_ads_section_is_content_an_ad_slot_is_not() -> None:
    """'job-ads' names job advertisements, a labour-market page's data, not an advert."""
    page = (
        "<html><body><h1>ML engineers in Colorado</h1><section id='job-ads'><h2>Online job ads"
        "</h2><p>Employers posted 1,940 online job ads for ML engineers.</p></section>"
        "<div class='ad-slot'><p>Buy our course for $99.</p></div></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "Employers posted 1,940 online job ads" in doc.text
    assert "Buy our course" not in doc.text


def test_a_stat_tiles_figure_and_its_caption_starting_with_of_stay_apart() -> None:
    page = (
        "<html><body><h1>Graduate outcomes</h1><div class='tiles'><div class='tile'><span>91%"
        "</span><span>of graduates in work</span></div><div class='tile'><span>164</span><span>"
        "graduates responded</span></div></div></body></html>"
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "91% of graduates in work" in doc.text


def test_a_footnotes_superscript_number_is_left_out_of_the_text() -> None:
    page = (
        "<p>Weekly earnings<sup>3</sup> $2,640, the median<sup>[2]</sup>.</p>"
        "<p>About 10<sup>6</sup> jobs.</p>"
    )
    doc = build_document(source_id="h", text=page, media_type="text/html")
    first, second = doc.text.split("\n\n")
    assert first == "Weekly earnings $2,640, the median."
    assert second.startswith("About 10") and "6" in second  # after a number: no note, kept


_BOARD = """<html><body><main>
<h1>Data engineer jobs in Chile</h1>
<article class="job-card"><h2>Data Engineer</h2><p class="company">Minera Sur</p>
<ul class="tags"><li>Airflow</li><li>dbt</li></ul></article>
<article class="post"><h2>Our blog</h2><ul class="tags"><li>Careers</li><li>News</li></ul>
</article>
</main>
<aside class="insights">
<section><h3>Salary insights: Data Engineer in Chile</h3>
<p>Average: CLP 2,450,000 per month</p></section>
<section><h3>Tools named in these listings</h3><p>Airflow 61% · dbt 44% · Spark 38%</p>
</section>
</aside>
<aside><h3>Popular posts</h3><p>Ten tips for your CV</p></aside>
</body></html>"""


def test_a_job_board_s_sidebar_insights_and_card_tags_are_content() -> None:
    """A sidebar whose first heading is 'Salary insights: <role> in <place>' holds the page's
    own figures (the heading may go on after its colon); a job card's tags are the posting's
    skills while a blog post's tags stay chrome; a chart line of names and percentages is no
    card but a line under its heading."""
    doc = build_document(source_id="b", text=_BOARD, media_type="text/html")
    blocks = [doc.span_text(b) for b in doc.blocks if not b.boilerplate]
    assert "Airflow" in blocks and "dbt" in blocks
    assert "Careers" not in blocks and "Ten tips for your CV" not in blocks
    assert "Airflow 61% · dbt 44% · Spark 38%" in blocks
    assert [doc.text[c.start : c.end] for c in doc.cards] == [
        "Salary insights: Data Engineer in Chile\nAverage: CLP 2,450,000 per month"
    ]


def test_a_note_s_mark_after_a_year_or_a_grouped_number_is_dropped_an_exponent_kept() -> None:
    page = (
        "<ul><li>3 in 10 changed jobs in 2024<sup>5</sup></li><li>12,400<sup>2</sup> open roles"
        "</li><li>10<sup>6</sup> parameters</li></ul>"
    )
    doc = build_document(source_id="n", text=page, media_type="text/html")
    assert [doc.span_text(b).lstrip("• ") for b in doc.blocks] == [
        "3 in 10 changed jobs in 2024",
        "12,400 open roles",
        "106 parameters",
    ]


def test_a_hidden_panel_classed_as_a_tab_s_is_content() -> None:
    page = (
        '<section><div class="tab-panel">Annual: $150,000</div>'
        '<div class="tab-panel" hidden>Monthly: $12,500</div>'
        '<div class="promo" hidden>Sign up today</div></section>'
    )
    doc = build_document(source_id="t", text=page, media_type="text/html")
    assert "Monthly: $12,500" in doc.text and "Sign up today" not in doc.text

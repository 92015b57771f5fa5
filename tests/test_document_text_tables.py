"""Tables written as text lines: typed single-space rows, parallel phrases, tabs, pipes."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlefacts.document.build import build_document
from mlefacts.document.model import Document, Table
from mlefacts.extract import extract_claims

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


def parse(text: str) -> Document:
    return build_document(source_id="t", text=text, media_type="text/plain")


def grid(doc: Document, table: Table) -> list[list[str]]:
    return [[doc.span_text(s) for s in row] for row in (table.header, *table.rows)]


def bundled_001() -> Document:
    path = next((ROOT / "raw" / "bundled").glob("001_*.txt"))
    return parse(path.read_text(encoding="utf-8"))


def caption(doc: Document, table: Table) -> str | None:
    return doc.span_text(table.caption) if table.caption else None


def test_bundled_001_tables_cells_and_captions() -> None:
    doc = bundled_001()
    shapes = [(caption(doc, t), len(t.header), len(t.rows)) for t in doc.tables]
    assert shapes == [
        (None, 2, 3),
        (None, 3, 1),
        ("1. World’s Top Industries Employing Machine Learning Engineers", 3, 5),
        ("2. Average Salary of Machine Learning Engineers", 2, 3),
        ("3. Most In-demand Programming Languages for Machine Learning", 2, 3),
        ("4. Countries with the Highest Number of Machine Learning Startups", 3, 5),
        ("5. Educational Background of Machine Learning Engineers", 2, 3),
        ("6. Machine Learning Engineer Job Satisfaction Rates", 2, 5),
        ("7. Gender Distribution Among Machine Learning Engineers", 2, 3),
        ("8. Most Frequent Industry Certifications Held by Machine Learning Engineers", 2, 3),
        ("9. Age Distribution of Machine Learning Engineers", 2, 5),
        ("10. Global Job Market Demand for Machine Learning Engineers", 2, 5),
    ]


def test_bundled_001_typed_rows_and_headers() -> None:
    doc = bundled_001()
    tables = doc.tables
    assert grid(doc, tables[2])[:2] == [
        ["Rank", "Industry", "Percentage of Machine Learning Engineers Employed"],
        ["1", "Information Technology", "25%"],
    ]
    assert grid(doc, tables[1]) == [
        ["Market Size (2020)", "Estimated Annual Growth Rate", "Predicted Market Size by 2027"],
        ["$8.43 billion", "43.8%", "$96.7 billion"],
    ]
    assert grid(doc, tables[3])[0] == ["Experience Level", "Average Annual Salary"]
    assert grid(doc, tables[3])[1] == ["Entry Level", "$85,000"]
    assert grid(doc, tables[5])[1] == ["1", "United States", "452"]
    assert grid(doc, tables[9])[3] == ["3", "Microsoft Certified: Azure AI Engineer Associate"]
    age = grid(doc, tables[10])
    assert age[0] == ["Age Group", "Percentage of Machine Learning Engineers"]
    assert [row[0] for row in age[1:]] == ["18-24", "25-34", "35-44", "45-54", "55+"]


def test_bundled_001_parallel_comparison_table() -> None:
    doc = bundled_001()
    assert grid(doc, doc.tables[0]) == [
        ["Data Scientist", "Machine Learning Engineer"],
        [
            "Primary focus on data analysis and insights extraction",
            "Primary focus on designing and building ML models",
        ],
        [
            "Strong statistical modeling and visualization skills",
            "Strong programming and software engineering skills",
        ],
        [
            "Proficient in R, Python, and SQL",
            "Proficient in Python, R, and machine learning libraries",
        ],
    ]
    heading = doc.blocks[doc.tables[0].section]
    assert doc.span_text(heading) == "Data Scientist vs. Machine Learning Engineer"


def test_table_lines_are_not_blocks() -> None:
    doc = bundled_001()
    for table in doc.tables:
        for block in doc.blocks:
            assert block.end <= table.start or block.start >= table.end


def test_typed_fixture_with_common_value_width_and_distractor() -> None:
    doc = parse((FIXTURES / "text_typed_tables.txt").read_text(encoding="utf-8"))
    assert len(doc.tables) == 3
    assert grid(doc, doc.tables[0])[0] == ["Rank", "City", "Share of Remote Postings"]
    assert caption(doc, doc.tables[0]) == "Top Cities for Remote Data Jobs"
    assert grid(doc, doc.tables[1]) == [
        ["Company Size", "Median Base Pay (2024)", "Annual Raise"],
        ["Under 50", "$95,000", "3%"],
        ["50-500", "$110,000", "4%"],
        ["500+", "$125,000", "5%"],
    ]
    assert grid(doc, doc.tables[2])[1] == [
        "Reports on past performance",
        "Reports on model accuracy",
    ]
    address = [b for b in doc.blocks if "Jane Doe" in doc.span_text(b)]
    assert len(address) == 1 and address[0].kind == "paragraph"


def test_tab_separated_table_with_caption() -> None:
    doc = parse((FIXTURES / "text_tab_table.txt").read_text(encoding="utf-8"))
    [table] = doc.tables
    assert caption(doc, table) == "2. Salary Bands by Seniority"
    assert grid(doc, table) == [
        ["Seniority", "Min salary", "Max salary"],
        ["Junior", "$80,000", "$100,000"],
        ["Mid", "$110,000", "$140,000"],
        ["Senior", "$150,000", "$200,000"],
    ]
    title = next(b for b in doc.blocks if doc.span_text(b) == "2. Salary Bands by Seniority")
    assert title.kind == "heading"


def test_markdown_pipe_table_pads_short_rows() -> None:
    path = FIXTURES / "markdown_pipe_table.md"
    doc = build_document(
        source_id="t", text=path.read_text(encoding="utf-8"), media_type="text/markdown"
    )
    [table] = doc.tables
    assert caption(doc, table) == "Salary by country"
    assert grid(doc, table) == [
        ["Country", "Median salary", "YoY change"],
        ["Germany", "€72,000", "+4.1%"],
        ["France", "€61,500", "+3.0%"],
        ["Netherlands", "€68,000", ""],
    ]
    assert table.rows[2][2].start == table.rows[2][2].end


def test_two_space_columns_need_two_rows() -> None:
    doc = parse("Role  Pay\nAnalyst  $60k\nEngineer  $90k\n\nOne  line\nonly  here.\n")
    assert [grid(doc, t) for t in doc.tables] == [
        [["Role", "Pay"], ["Analyst", "$60k"], ["Engineer", "$90k"]]
    ]


def test_prose_lines_are_not_tables() -> None:
    text = (
        "Salaries grew in 2023\n"
        "The median engineer earned $120,000 in the survey.\n"
        "The top decile earned far more than that.\n\n"
        "Posted by Jane\n12 comments\n5 shares\n"
    )
    assert parse(text).tables == ()


def test_dot_leader_rows_without_a_header_line_are_a_table_of_rows() -> None:
    text = (
        "PAY BY GRADE (EUR, annual)\n\n"
        "  Graduate ........... €41,000 - €47,000\n"
        "  Experienced ........ €55,000 - €68,000\n"
        "  Principal .......... €90,000+\n"
    )
    doc = parse(text)
    [table] = doc.tables
    assert grid(doc, table) == [
        ["", ""],
        ["Graduate", "€41,000 - €47,000"],
        ["Experienced", "€55,000 - €68,000"],
        ["Principal", "€90,000+"],
    ]
    assert caption(doc, table) == "PAY BY GRADE (EUR, annual)"


def test_a_first_row_in_any_currency_is_a_row_not_a_header() -> None:
    text = (
        "Contract rates (per hour)\n"
        "Intermediate ............ R650 - R850\n"
        "Senior .................. R900 - R1 200\n\n"
        "Permanent roles\n"
        "Lead engineer ........... CHF 160'000+\n"
        "Staff engineer .......... CHF 150'000\n"
    )
    doc = parse(text)
    assert [grid(doc, table) for table in doc.tables] == [
        [["", ""], ["Intermediate", "R650 - R850"], ["Senior", "R900 - R1 200"]],
        [["", ""], ["Lead engineer", "CHF 160'000+"], ["Staff engineer", "CHF 150'000"]],
    ]


def test_rows_under_an_underlined_heading_are_a_table() -> None:
    text = (
        "BY CITY (median CTC)\n--------------------\n"
        "Johannesburg ..... R810k\nCape Town ........ R845k\n"
    )
    doc = parse(text)
    [table] = doc.tables
    assert grid(doc, table)[1:] == [["Johannesburg", "R810k"], ["Cape Town", "R845k"]]
    assert caption(doc, table) == "BY CITY (median CTC)"


def test_an_ellipsis_in_prose_lines_is_not_a_column_break() -> None:
    doc = parse("Wait... what\nthen... more\n")
    assert doc.tables == ()


def test_a_header_underlined_column_by_column_is_no_row() -> None:
    doc = parse(
        "Share of job postings naming each skill:\n\n"
        "  Rank   Skill      % of job postings\n"
        "  ----   --------   -----------------\n"
        "  #1     Python     82.6\n"
        "  #2     SQL        48.1\n"
    )
    [table] = doc.tables
    assert grid(doc, table) == [
        ["Rank", "Skill", "% of job postings"],
        ["#1", "Python", "82.6"],
        ["#2", "SQL", "48.1"],
    ]


def test_a_fixed_width_header_s_second_line_is_kept_under_its_columns() -> None:
    """'(HK$)' under 'Median' is the rest of that header cell: a row under the header, which
    the table reader folds into it, so the column is money in Hong Kong dollars."""
    doc = parse(
        "MONTHLY WAGES BY OCCUPATION, MAY 2025\n\n"
        "Occupation          Workers    Median     Upper quartile\n"
        "                               (HK$)      (HK$)\n"
        "Data analyst        2,150      31,400     40,900\n"
        "Data engineer       1,870      36,200     47,500\n"
    )
    [table] = doc.tables
    assert grid(doc, table)[:2] == [
        ["Occupation", "Workers", "Median", "Upper quartile"],
        ["", "", "(HK$)", "(HK$)"],
    ]
    pay = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    assert [(c.subject, c.value, c.unit) for c in pay][:2] == [
        ("data analyst", 31400, "HKD"),
        ("data analyst", 40900, "HKD"),
    ]
    assert {c.qualifiers.get("pay_period") for c in pay} == {"monthly"}


def test_a_first_row_whose_figure_says_what_it_counts_is_a_row_not_a_header() -> None:
    doc = parse(
        "Skills in demand\n\nRust ............. 71% of postings\nGo ............... 44%\n"
        "Scala ............ 18%\n"
    )
    (table,) = doc.tables
    assert grid(doc, table) == [
        ["", ""],
        ["Rust", "71% of postings"],
        ["Go", "44%"],
        ["Scala", "18%"],
    ]


def test_a_note_in_brackets_after_a_row_s_figure_is_part_of_its_cell() -> None:
    doc = parse(
        "Market size (USD billion)\n\n  Year    Global vector search market\n  2025    2.2\n"
        "  2027    3.9  (estimate)\n  2030    7.4 (forecast)\n"
    )
    (table,) = doc.tables
    assert grid(doc, table)[1:] == [
        ["2025", "2.2"],
        ["2027", "3.9  (estimate)"],
        ["2030", "7.4 (forecast)"],
    ]


def test_an_ascii_grid_ruled_with_plus_joints_is_a_pipe_table() -> None:
    text = (
        "Rate card\n\nBase salary bands by level\n\n"
        "  Level            | London      | Manchester\n"
        "  -----------------+-------------+------------\n"
        "  Junior (1-2 yrs) | £52k - £64k | £42k - £52k\n"
        "  Senior (6+ yrs)  | £92k - £118k | £75k - £95k\n"
    )
    doc = build_document(source_id="s", text=text, media_type="text/plain")
    (table,) = doc.tables
    assert [doc.span_text(c) for c in table.header] == ["Level", "London", "Manchester"]
    assert [doc.span_text(r[2]) for r in table.rows] == ["£42k - £52k", "£75k - £95k"]


def test_a_numbered_title_between_rules_captions_the_rows_under_it_and_is_a_heading() -> None:
    """A plain-text report's section banner ('-----' / '2. BY REGION (median, senior)' /
    '-----') over a blank line and its rows: the banner captions the table, and a banner over
    prose is a heading too, not a numbered list item."""
    rule = "-" * 40
    text = (
        f"{rule}\n1. BY REGION (median, senior)\n{rule}\n\n"
        "  Leeds        £78,500\n  Cardiff      £74,000\n\n"
        f"{rule}\n2. NOTES\n{rule}\n\nRates vary with sector.\n"
    )
    doc = parse(text)
    [table] = doc.tables
    assert caption(doc, table) == "1. BY REGION (median, senior)"
    headings = [doc.span_text(b) for b in doc.blocks if b.kind == "heading"]
    assert headings == ["1. BY REGION (median, senior)", "2. NOTES"]


def test_a_capitalised_title_over_dot_leader_rows_captions_them_and_two_dots_lead_too() -> None:
    """'INDUSTRY MIX OF POSTINGS, Q3 2025' over 'Retail ...... 8%' is the rows' title, not a
    header of two columns; ' .. ' between spaces is a short dot leader."""
    text = (
        "KEY NUMBERS\n"
        "  Postings, all roles ........ 12,400\n"
        "  Change vs Q2 2025 .. +4.1%\n\n"
        "INDUSTRY MIX OF POSTINGS, Q3 2025\n"
        "  Technology ......... 41%\n  Finance ............ 35%\n  All other .......... 24%\n"
    )
    doc = parse(text)
    first, second = doc.tables
    assert grid(doc, first)[1:] == [
        ["Postings, all roles", "12,400"],
        ["Change vs Q2 2025", "+4.1%"],
    ]
    assert caption(doc, second) == "INDUSTRY MIX OF POSTINGS, Q3 2025"
    assert grid(doc, second)[1:] == [
        ["Technology", "41%"],
        ["Finance", "35%"],
        ["All other", "24%"],
    ]


def test_a_leader_table_after_a_title_and_a_lead_in_line_is_a_table() -> None:
    """'PAY BY REGION' / 'Median base pay, NZD:' / 'Auckland ...... 131,000': the rows are a
    table (they were read as one card labelled by the lead-in, and no figure came of them)."""
    doc = parse(
        "Data engineer pay\n\nPAY BY REGION\nMedian base pay, NZD:\n"
        "  Auckland ........ 131,000\n  Wellington ...... 127,500\n  Canterbury ...... 118,000\n"
    )
    assert [grid(doc, table) for table in doc.tables] == [
        [["", ""], ["Auckland", "131,000"], ["Wellington", "127,500"], ["Canterbury", "118,000"]]
    ]
    assert doc.cards == ()


def test_a_currency_code_written_apart_before_its_figure_is_in_the_figures_cell() -> None:
    doc = parse(
        "Data engineer pay\n\nPay by level, 2026\n  Junior      NZD 84K\n  Senior      NZD 131K\n"
        "  Lead        NZD 158K\n"
    )
    rows = [row for table in doc.tables for row in grid(doc, table)[1:]]
    assert rows == [["Junior", "NZD 84K"], ["Senior", "NZD 131K"], ["Lead", "NZD 158K"]]


def test_a_release_table_with_a_two_line_header_set_in_past_its_labels() -> None:
    """A statistics release sets its header in past the labels' column, over two lines
    ('Persons employed' / '(thousands)'): the corner is empty and the second line goes on
    with the first."""
    doc = parse(
        "Data specialists in employment, 2024\n\n"
        "                   Persons employed      Share of total\n"
        "                   (thousands)           employment (%)\n"
        "EU                      9 870                 4.8\n"
        "Austria                   201                 4.3\n"
        "Portugal                  176                 3.5\n"
    )
    [table] = doc.tables
    rows = grid(doc, table)
    assert rows[0] == ["", "Persons employed", "Share of total"]
    assert rows[1] == ["", "(thousands)", "employment (%)"]
    assert rows[2:] == [
        ["EU", "9 870", "4.8"],
        ["Austria", "201", "4.3"],
        ["Portugal", "176", "3.5"],
    ]


RULED_RELEASE = (
    "Table 3. Projected employment in selected computing occupations, 2025 and 2035\n"
    "(Numbers in thousands; wages in dollars)\n"
    "\n"
    "Occupation                   Employment  Employment  Change,   Change,   Median annual\n"
    "                               2025        2035      number    percent   wage, 2025\n"
    "------------------------------------------------------------------------------------\n"
    "Statisticians                   38.9        51.0      12.1      31.1       104,100\n"
    "Network and computer systems   331.2       345.8      14.6       4.4        96,800\n"
    "  administrators\n"
    "Web developers                  97.4       104.3       6.9       7.1        84,900\n"
    "------------------------------------------------------------------------------------\n"
    "Total, all occupations      171,300.0   177,950.2   6,650.2       3.9         --\n"
    "\n"
    "Source: a statistics office's projections programme.\n"
)


def test_a_fixed_width_release_table_under_a_rule_keeps_its_header_rows_and_totals() -> None:
    """A statistics release's table: a two-line header over a rule, a label wrapped onto an
    indented line, a rule before the totals. One table, its title and unit note its caption."""
    doc = parse(RULED_RELEASE)
    [table] = doc.tables
    rows = grid(doc, table)
    assert rows[0] == [
        "Occupation",
        "Employment",
        "Employment",
        "Change,",
        "Change,",
        "Median annual",
    ]
    assert rows[1] == ["", "2025", "2035", "number", "percent", "wage, 2025"]  # the header's
    assert [row[0] for row in rows[2:]] == [
        "Statisticians",
        "Network and computer systems",  # a cell is one stretch of text: the wrap is no cell's
        "Web developers",
        "Total, all occupations",
    ]
    assert rows[-1][1:] == ["171,300.0", "177,950.2", "6,650.2", "3.9", "--"]
    assert caption(doc, table) == (
        "Table 3. Projected employment in selected computing occupations, 2025 and 2035\n"
        "(Numbers in thousands; wages in dollars)"
    )
    texts = [doc.span_text(block) for block in doc.blocks]
    assert "administrators" not in " ".join(texts)  # the wrapped line is the table's
    assert texts[-1] == "Source: a statistics office's projections programme."


def test_a_rule_under_a_heading_over_prose_makes_no_table() -> None:
    doc = parse(
        "Outlook for the decade\n"
        "------------------------------\n"
        "Employment is projected to grow 8 percent, faster than average.\n"
        "About 4,100 openings are projected each year.\n"
    )
    assert doc.tables == ()


def test_a_title_over_a_rule_over_rows_is_their_caption_not_their_header() -> None:
    doc = parse(
        "MEDIAN SALARIES BY CITY (AUD)\n"
        "------------------------------\n"
        "Sydney          $152,000\n"
        "Melbourne       $141,000\n"
    )
    [table] = doc.tables
    assert caption(doc, table) == "MEDIAN SALARIES BY CITY (AUD)"
    assert [[doc.span_text(c) for c in row] for row in table.rows][-1] == ["Melbourne", "$141,000"]


SPANNED_RELEASE = (
    "Table 2. Projected employment, 2025 and 2035\n(Numbers in thousands)\n\n"
    "                          Employment       Change, 2025-35\n"
    "                       ---------------   -----------------\n"
    "Occupation              2025     2035     Number   Percent\n"
    "-----------------------------------------------------------\n"
    "Statisticians           38.9     51.0      12.1     31.1\n"
    "Web developers          97.4    104.3       6.9      7.1\n"
)


def test_a_group_over_dashes_heads_every_column_the_dashes_cover() -> None:
    """'Employment' over a dashed line over '2025   2035' heads both, as an HTML cell spanning
    two columns does; the dashes head none."""
    doc = parse(SPANNED_RELEASE)
    [table] = doc.tables
    assert grid(doc, table)[:3] == [
        ["", "Employment", "Employment", "Change, 2025-35", "Change, 2025-35"],
        ["Occupation", "2025", "2035", "Number", "Percent"],
        ["Statisticians", "38.9", "51.0", "12.1", "31.1"],
    ]


def test_a_sentence_over_a_rule_is_no_header() -> None:
    doc = parse(
        "Median base salary by city, 2025.  Source: our survey of engineers.\n"
        "--------------------------------------------------------------------\n"
        "San Francisco     $185,000\n"
        "Seattle           $172,000\n"
    )
    [table] = doc.tables
    assert "Source: our survey of engineers." not in grid(doc, table)[0]


def test_dashes_alone_over_a_rule_head_nothing_and_the_page_still_parses() -> None:
    doc = parse(
        "Intro line.\n\n-----    -----\n------------------------------\n"
        "Alpha      12\nBeta       14\n"
    )
    assert all(doc.span_text(cell) != "-----" for t in doc.tables for cell in t.header)


def test_one_row_under_a_header_set_in_past_its_label_is_a_table() -> None:
    doc = parse(
        "PAY BY EXPERIENCE (median annual pay, CHF thousand)\n\n"
        "                      0-2 yrs    3-5 yrs    6+ yrs\n"
        "  Median                  98        121       146\n"
    )
    [table] = doc.tables
    assert grid(doc, table) == [
        ["", "0-2 yrs", "3-5 yrs", "6+ yrs"],
        ["Median", "98", "121", "146"],
    ]
    # a line of prose over one figure row at the margin is no table
    assert not parse("Salaries by band\nMedian   98   121   146\n").tables


def test_a_slide_title_over_rows_set_apart_by_spaces_is_their_caption_not_their_header() -> None:
    """A slide deck exported to text: '[Slide 4/9]' / 'HOW THE TEAMS WORK (2025)' over
    'Fully remote   22%' rows, or over '#1   PyTorch' rows: the title is the caption of a
    table without a header line, its words never cut into header cells."""
    doc = parse(
        "Deck export\n\n[Slide 4/9]\nHOW THE TEAMS WORK (2025)\n"
        "  Fully remote   22%\n  Hybrid         61%\n  On-site        12%\n\n"
        "[Slide 5/9]\nMOST-NAMED FRAMEWORKS IN THE ADS\n  #1  PyTorch\n  #2  JAX\n"
    )
    found = [(caption(doc, t), grid(doc, t)) for t in doc.tables]
    assert found == [
        (
            "HOW THE TEAMS WORK (2025)",
            [["", ""], ["Fully remote", "22%"], ["Hybrid", "61%"], ["On-site", "12%"]],
        ),
        ("MOST-NAMED FRAMEWORKS IN THE ADS", [["", ""], ["#1", "PyTorch"], ["#2", "JAX"]]),
    ]
    claims, _ = extract_claims(doc)
    assert {(c.subject, c.value) for c in claims if c.kind == "ranking"} == {
        ("pytorch", 1.0),
        ("jax", 2.0),
    }
    # 'how the teams work' names nobody: the shares divide whoever the page is about
    assert {c.subject for c in claims if c.kind == "share"} == {"unspecified"}


def test_label_and_figure_pairs_in_panes_a_bar_divides_are_one_row_each() -> None:
    """A slide's two columns exported as 'PyTorch   71%   |   Ray   22%' lines (the right pane
    running out first): one headerless row per pair, each skill its share of the ads."""
    doc = parse(
        "Deck\n\n[Slide 3/8]\nTOOLS THE ADS NAME (share of ads, 2025)\n"
        "PyTorch     71%     |   Ray        22%\n"
        "Docker      49%     |   Airflow    18%\n"
        "Spark       35%     |\n"
        "Speaker notes: a small sample.\n"
    )
    [table] = doc.tables
    assert caption(doc, table) == "TOOLS THE ADS NAME (share of ads, 2025)"
    assert grid(doc, table)[1:] == [
        ["PyTorch", "71%"],
        ["Ray", "22%"],
        ["Docker", "49%"],
        ["Airflow", "18%"],
        ["Spark", "35%"],
    ]
    claims, _ = extract_claims(doc)
    shares = {(c.subject, c.value) for c in claims if c.kind == "share"}
    assert shares == {
        ("pytorch", 71.0),
        ("ray", 22.0),
        ("docker", 49.0),
        ("airflow", 18.0),
        ("spark", 35.0),
    }


@pytest.mark.parametrize(
    ("page", "header", "first"),
    [
        ("Pay\n\nCity Median Salary\nLondon  £85,000\nLeeds  £61,000\n", 2, ["London", "£85,000"]),
        (
            "Top roles\n\nRank Role Share of Jobs\n1 Data  Engineer 40%\n2 Analyst 35%\n",
            3,
            ["1", "Data  Engineer", "40%"],
        ),
        (
            "Pay\n\nLevel Base Bonus\nJunior   $90,000 $5,000\nSenior   $150,000 $15,000\n",
            3,
            ["Junior", "$90,000", "$5,000"],
        ),
    ],
)
def test_a_header_in_single_spaces_over_rows_with_double_spaces_stays_a_header(
    page: str, header: int, first: list[str]
) -> None:
    """Only a title in capitals over rows set apart by spaces is no header ('WHERE THE WORK
    HAPPENS'); 'City Median Salary' over 'London  £85,000' heads its rows."""
    doc = parse(page)
    [table] = doc.tables
    assert len([c for c in table.header if c.end > c.start]) == header
    assert [doc.span_text(c) for c in table.rows[0]] == first

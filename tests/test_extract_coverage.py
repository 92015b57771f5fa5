"""The figures audit: every figure once, claimed by the claims that state it, else a reason."""

from __future__ import annotations

from pathlib import Path

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, extract_skips
from mlefacts.extract.context import Skip
from mlefacts.extract.coverage import audit_figures, claimed_share

PAGE = Path(__file__).parent / "fixtures" / "coverage" / "pay_page.html"


def _audit() -> dict[str, tuple[str | None, tuple[int, ...]]]:
    doc = build_document(source_id="pay", text=PAGE.read_text(), media_type="text/html")
    claims, _ = extract_claims(doc)
    figures = audit_figures(doc, claims)
    return {doc.text[f.start : f.end]: (f.reason, f.claims) for f in figures}


def test_a_stated_salary_is_claimed_by_the_claim_that_states_it() -> None:
    found = _audit()
    salary = next(text for text in found if "148,500" in text)
    reason, claims = found[salary]
    assert reason is None and len(claims) >= 1


def test_each_unclaimed_figure_gets_the_reason_its_frame_gives() -> None:
    found = _audit()
    by_digits = {
        text.replace(",", "").replace(" ", ""): reason for text, (reason, _) in found.items()
    }
    assert by_digits["$1999"] == "price_of_product"
    assert by_digits["2.15"] == "version_number"
    assert next(r for t, r in by_digits.items() if t.startswith("020")) == "phone"


def test_a_reply_quoting_a_post_restates_its_pay_and_claims_none_of_it() -> None:
    html = (
        "<h1>Salary thread, Q1</h1><p>u/cy · 1 Jan</p><p>ML engineer in London, 5 YOE. "
        "£85k base, £8k bonus.</p>"
        "<p>u/ada · 2 Jan</p><p>ML engineer in Denver, 4 YOE.<br>Base 150k, bonus 15k, "
        "RSUs around 30k a year.</p>"
        "<p>u/bo · 3 Jan</p><blockquote>Base 150k, bonus 15k, RSUs around 30k a year."
        "</blockquote><p>Nice, that's fair for Denver.</p>"
    )
    doc = build_document(source_id="thread", text=html, media_type="text/html")
    claims = [c for c in extract_claims(doc)[0] if c.kind == "salary"]
    quote = doc.text.rindex("Base 150k")
    denver = [c for c in claims if c.char_start > doc.text.index("Denver")]
    assert sorted(c.value for c in denver) == [15_000, 30_000, 150_000]
    assert all(c.char_start < quote and c.unit == "USD" for c in denver)
    reasons = {f.start: f.reason for f in audit_figures(doc, extract_claims(doc)[0])}
    assert reasons[quote + len("Base ")] == "restated"


def test_figures_in_site_chrome_are_navigation() -> None:
    text = (
        "Pay guide\n\nThe median pay of a data scientist is $120,000 a year.\n\n"
        "Also read: 12 ways to earn 30% more\n"
    )
    doc = build_document(source_id="chrome", text=text, media_type="text/plain")
    figures = audit_figures(doc, extract_claims(doc)[0])
    reasons = {doc.text[f.start : f.end]: f.reason for f in figures}
    assert reasons["30%"] == "navigation" and reasons["12"] == "navigation"
    assert next(r for t, r in reasons.items() if t.startswith("$120,000")) is None


def test_every_figure_is_listed_once_in_text_order() -> None:
    doc = build_document(source_id="pay", text=PAGE.read_text(), media_type="text/html")
    figures = audit_figures(doc, extract_claims(doc)[0])
    spans = [(f.start, f.end) for f in figures]
    assert spans == sorted(set(spans))
    assert all(f.start < f.end for f in figures)
    assert all((f.reason is None) == bool(f.claims) for f in figures)


def test_coverage_counts_only_money_and_percentages() -> None:
    doc = build_document(source_id="pay", text=PAGE.read_text(), media_type="text/html")
    figures = audit_figures(doc, extract_claims(doc)[0])
    claimed, total = claimed_share(figures)
    assert total == sum(1 for f in figures if f.figure_type in {"money", "percent"})
    assert 1 <= claimed < total


def test_list_ordinals_are_layout_not_figures() -> None:
    text = "Steps\n\n1. Deploy models.\n2) Monitor 3 metrics.\n\nPay rose 4.5 times.\n"
    doc = build_document(source_id="list", text=text, media_type="text/plain")
    found = [doc.text[f.start : f.end] for f in audit_figures(doc, extract_claims(doc)[0])]
    assert found == ["3", "4.5 times"]


def test_an_amount_only_a_guess_could_read_is_listed_as_ambiguous() -> None:
    text = "Pay\n\nA data scientist in Kuwait earns KWD 1,250 a month.\n"
    doc = build_document(source_id="kwd", text=text, media_type="text/plain")
    figures = audit_figures(doc, extract_claims(doc)[0])
    (figure,) = [f for f in figures if "1,250" in doc.text[f.start : f.end]]
    assert (figure.reason, figure.value, figure.figure_type) == ("ambiguous", None, "money")
    assert claimed_share(figures) == (0, 1)


def test_an_extractors_own_reason_names_the_figure_it_skipped() -> None:
    text = "Pay\n\nThe average is $120,000 a year, and 38% of them work remotely.\n"
    doc = build_document(source_id="skip", text=text, media_type="text/plain")
    skips = [Skip(doc.text.index("$120,000"), doc.text.index("$120,000") + 8, "no_subject")]
    figures = audit_figures(doc, [], skips)
    reasons = {doc.text[f.start : f.end]: f.reason for f in figures}
    assert next(r for t, r in reasons.items() if t.startswith("$120,000")) == "no_subject"


def test_a_percentage_an_extractor_calls_ambiguous_stays_a_percentage() -> None:
    text = "Pay\n\nThe average is $120,000 a year, and 38% of them work remotely.\n"
    doc = build_document(source_id="skip", text=text, media_type="text/plain")
    at = doc.text.index("38%")
    (figure,) = [
        f for f in audit_figures(doc, [], [Skip(at, at + 3, "ambiguous")]) if f.start == at
    ]
    assert (figure.reason, figure.figure_type) == ("ambiguous", "percent")


def test_a_postings_activity_and_relative_dates_are_skipped_with_their_reason() -> None:
    text = (
        "<h1>ML jobs</h1><div><h3>Machine Learning Engineer</h3><p>Lumen Robotics</p>"
        "<p>$165,000 – $210,000 a year</p><p>Posted 3 days ago · 57 applicants · 120 views</p>"
        "</div><p>We received 1,284 applications for 37 machine learning vacancies.</p>"
    )
    doc = build_document(source_id="j", text=text, media_type="text/html")
    claims, _ = extract_claims(doc)
    reasons = {doc.text[f.start : f.end]: f.reason for f in audit_figures(doc, claims)}
    assert (reasons["3"], reasons["57"], reasons["120"]) == (
        "date",
        "page_activity",
        "page_activity",
    )
    assert reasons["1,284"] is None and reasons["37"] is None


def test_the_weights_of_a_ranking_s_method_are_skipped_not_claimed() -> None:
    """'Pay (40%), open roles (35%) and growth (25%), each converted to a 0-100 scale': how a
    ranking was scored, no growth or demand of anything; the same brackets without a word of
    scoring are facts ('by work arrangement: fully remote (38%), hybrid (41%), on-site (21%)')."""
    text = (
        "The best data jobs of 2026\n\nHow we scored: pay (40%), open roles (35%) and "
        "three-year growth (25%), each converted to a 0-100 scale.\n\nData engineers by work "
        "arrangement: fully remote (38%), hybrid (41%), on-site (21%)."
    )
    doc = build_document(source_id="w", text=text, media_type="text/plain")
    claims, _ = extract_claims(doc)
    assert sorted(c.value for c in claims if c.unit == "percent") == [21, 38, 41]
    reasons = {doc.text[f.start : f.end]: f.reason for f in audit_figures(doc, claims)}
    assert [reasons[w] for w in ("40%", "35%", "25%")] == ["other", "other", "other"]


def test_a_tables_rank_column_and_label_bands_are_layout_not_unread() -> None:
    html = (
        "<h1>Who builds ML</h1><h2>Industries</h2><table><tr><th>Rank</th><th>Industry</th>"
        "<th>Share of ML engineers</th></tr><tr><td>1</td><td>Software</td><td>41%</td></tr>"
        "<tr><td>2</td><td>Banking</td><td>33%</td></tr><tr><td>3</td><td>Retail</td>"
        "<td>26%</td></tr></table><h2>Age</h2><table><tr><th>Age group</th><th>Share of ML "
        "engineers</th></tr><tr><td>25-34</td><td>58%</td></tr><tr><td>35-44</td><td>30%</td>"
        "</tr><tr><td>45+</td><td>12%</td></tr></table>"
    )
    doc = build_document(source_id="t", text=html, media_type="text/html")
    claims, _ = extract_claims(doc)
    figures = audit_figures(doc, claims, extract_skips(doc))
    found = {doc.text[f.start : f.end]: (f.reason, bool(f.claims)) for f in figures}
    assert [found[rank] for rank in ("1", "2", "3")] == [("rank", False)] * 3
    assert [found[band] for band in ("25-34", "35-44", "45+")] == [("band", False)] * 3
    assert found["41%"] == (None, True) and found["12%"] == (None, True)

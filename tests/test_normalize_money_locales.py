"""Money as other countries write it, read through the whole extraction of a document.

tests/fixtures/money/ holds strings CLDR formats in many locales (cldr.tsv, made by Babel through
generate.py) and local forms written by hand (hand.tsv): symbols before and after, codes, local
abbreviations, decimal commas, space, dot and apostrophe grouping. Each is placed in a salary
sentence; a case is read right when a salary claim carries its amount and currency.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.numbers import format_compact_currency, format_currency, get_currency_precision
from hypothesis import given, settings
from hypothesis import strategies as st

from mlefacts.document.build import build_document
from mlefacts.extract import extract_claims, extraction_fingerprint
from mlefacts.normalize.money import currency_codes, currency_digits
from mlefacts.normalize.quantities import find_quantities, find_unread_figures
from mlefacts.pipeline import process_batch
from mlefacts.settings import Settings
from mlefacts.sources.manifest import make_source

FIXTURES = Path(__file__).parent / "fixtures" / "money"
SENTENCES = (
    "The average machine learning engineer salary is {money} {period}.",
    "A machine learning engineer earns {money} {period} on average.",
    "Machine learning engineers are paid a median of {money} {period}.",
)
FLOOR = 0.97  # measured 377 of 378 (99.7%) when raised


@dataclass(frozen=True)
class Case:
    text: str
    amount: float
    currency: str
    origin: str


def _cases() -> list[Case]:
    cases = []
    for name in ("cldr.tsv", "hand.tsv"):
        with (FIXTURES / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                origin = row.get("locale") or row["note"]
                cases.append(Case(row["text"], float(row["amount"]), row["currency"], origin))
    return cases


def _period(amount: float) -> str:
    return "per hour" if amount < 200 else "per month" if amount < 20000 else "per year"


def _sentence(index: int, case: Case) -> str:
    template = SENTENCES[index % len(SENTENCES)]
    return template.format(money=case.text, period=_period(case.amount))


def read_right(index: int, case: Case) -> bool:
    """Whether the document's salary claims include this amount in this currency."""
    doc = build_document(
        source_id=f"money-{index}", text=_sentence(index, case), media_type="text/plain"
    )
    claims, failures = extract_claims(doc)
    assert not failures
    return any(
        c.kind == "salary"
        and c.unit == case.currency
        and c.value is not None
        and math.isclose(c.value, case.amount, rel_tol=1e-9)
        for c in claims
    )


def test_fixture_set_is_large_and_varied() -> None:
    cases = _cases()
    assert len(cases) >= 200
    assert len({c.currency for c in cases}) >= 30


def test_share_of_money_strings_read_right() -> None:
    cases = _cases()
    misses = [case for index, case in enumerate(cases) if not read_right(index, case)]
    share = 1 - len(misses) / len(cases)
    print(f"\nmoney strings read right: {len(cases) - len(misses)} of {len(cases)} ({share:.1%})")
    for case in misses:
        print(f"  missed: {case.text!r} {case.amount} {case.currency} ({case.origin})")
    assert share >= FLOOR


@pytest.mark.parametrize("name", ["cldr.tsv", "hand.tsv"])
def test_fixture_amounts_are_numbers(name: str) -> None:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert rows and all(float(row["amount"]) > 0 and len(row["currency"]) == 3 for row in rows)


def test_currency_minor_units_are_cldrs() -> None:
    for code in currency_codes():
        assert currency_digits(code) == get_currency_precision(code), code


# Locales whose own currency sign names one currency (no bare '$', 'kr' or 'R').
OWN_SIGN = [
    ("en_US", "USD"),
    ("en_GB", "GBP"),
    ("en_IN", "INR"),
    ("de_DE", "EUR"),
    ("fr_FR", "EUR"),
    ("es_ES", "EUR"),
    ("nl_NL", "EUR"),
    ("de_CH", "CHF"),
    ("fr_CH", "CHF"),
    ("pl_PL", "PLN"),
    ("cs_CZ", "CZK"),
    ("hu_HU", "HUF"),
    ("ru_RU", "RUB"),
    ("uk_UA", "UAH"),
    ("tr_TR", "TRY"),
    ("ja_JP", "JPY"),
    ("ko_KR", "KRW"),
    ("id_ID", "IDR"),
    ("ms_MY", "MYR"),
    ("th_TH", "THB"),
    ("vi_VN", "VND"),
    ("pt_BR", "BRL"),
    ("he_IL", "ILS"),
    ("bg_BG", "BGN"),
    ("en_NG", "NGN"),
]


@settings(max_examples=150, deadline=None)
@given(
    pair=st.sampled_from(OWN_SIGN),
    units=st.integers(min_value=1, max_value=9_999_999),
    cents=st.integers(min_value=0, max_value=99),
)
def test_cldr_formatted_money_reads_back(pair: tuple[str, str], units: int, cents: int) -> None:
    locale, currency = pair
    amount = float(f"{units}.{cents:02d}") if get_currency_precision(currency) else float(units)
    written = format_currency(amount, currency, locale=locale)
    found = find_quantities(f"Engineers are paid {written} per month.")
    assert [(q.value, q.unit) for q in found] == [(amount, currency)], written


@pytest.mark.parametrize(
    "text",
    [
        "a salary of KWD 1,250 per month",  # 1.25 or 1250 dinars: three minor units
        "a salary of Rp 8,5 per month",  # rupiah have no minor units: a scale word is missing
    ],
)
def test_ambiguous_money_gives_no_value(text: str) -> None:
    assert [q for q in find_quantities(text) if q.unit] == []


def test_ambiguous_money_is_reported_as_unread_with_its_span() -> None:
    text = "Pay: KWD\u200b 1,250 a month; \u20ac1,250 a month."
    (unread,) = find_unread_figures(text)
    assert (unread.raw, unread.reason) == ("KWD\u200b 1,250", "ambiguous")
    assert text[unread.start : unread.end] == unread.raw
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(1250.0, "EUR")]


@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200f"]
)
def test_invisible_characters_inside_a_figure_through_the_pipeline(
    tmp_path: Path, invisible: str
) -> None:
    text = f"Machine learning engineers earn a median salary of $1{invisible}50,000 a year.\n"
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "pay.txt").write_text(text, encoding="utf-8")
    run_settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    result = process_batch(
        [make_source("pay.txt")], settings=run_settings, fingerprint=extraction_fingerprint()
    )
    salaries = [c for c in result.claims if c["kind"] == "salary"]
    assert [(c["value"], c["unit"]) for c in salaries] == [(150000.0, "USD")]
    document = result.documents[0]["text"]
    assert invisible in document
    claim = salaries[0]
    assert document[claim["char_start"] : claim["char_end"]] == claim["quote"]
    assert f"$1{invisible}50,000" in claim["quote"]


# Locales whose compact money forms (CLDR's short scale words: 'R$ 12 mil', '65 k€', '￥1.2億',
# '₹12L', '12 tys. zł') name one currency, with the largest amount each writes unambiguously.
COMPACT = [
    ("en_US", "USD", 4.5e9),
    ("en_GB", "GBP", 4.5e9),
    ("en_IN", "INR", 4.5e9),
    ("pt_BR", "BRL", 4.5e9),
    ("es_ES", "EUR", 4.5e9),
    ("fr_FR", "EUR", 4.5e9),
    ("fr_CH", "CHF", 4.5e9),
    ("de_DE", "EUR", 4.5e9),
    ("de_CH", "CHF", 4.5e9),
    ("it_IT", "EUR", 4.5e9),
    ("nl_NL", "EUR", 4.5e9),
    ("pl_PL", "PLN", 4.5e9),
    ("ru_RU", "RUB", 4.5e9),
    ("ja_JP", "JPY", 4.5e9),
    ("ko_KR", "KRW", 4.5e9),
    ("id_ID", "IDR", 1.2e8),  # 'Rp4,5 M' is miliar (billions): 'M' means millions elsewhere
    ("cs_CZ", "CZK", 1.5e5),  # 'mil.' (millions) next to Portuguese 'mil' (thousands)
    ("he_IL", "ILS", 4.5e9),
    ("th_TH", "THB", 4.5e9),
    ("en_ZA", "ZAR", 4.5e9),
]
COMPACT_AMOUNTS = (12e3, 65e3, 150e3, 1.2e6, 120e6, 4.5e9)


@pytest.mark.parametrize(("locale", "currency", "largest"), COMPACT)
def test_cldr_compact_money_reads_back(locale: str, currency: str, largest: float) -> None:

    for amount in (a for a in COMPACT_AMOUNTS if a <= largest):
        written = format_compact_currency(amount, currency, locale=locale, fraction_digits=1)
        found = find_quantities(f"Engineers are paid {written} per year.")
        assert [(q.value, q.unit) for q in found] == [(amount, currency)], written

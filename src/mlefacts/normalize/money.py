"""Currency markers: which ISO 4217 code a written symbol, code or currency name stands for.

The vocabulary lives in data/currencies.toml; `find_quantities` uses the patterns built here to
read the currency before or after a figure ("US$ 5.12 billion", "12.5 billion US dollars").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Final

from mlefacts.normalize._data import (
    UNSPACED_SCRIPTS,
    alternation,
    capitalized_alternation,
    case_forms,
    keyed_alternation,
    matches_from,
    scanned_class,
    spaced,
    starts_of,
)
from mlefacts.normalize.text import fold_case, folded_page, vocabulary_key
from mlefacts.toml_files import load_data


@cache
def currency_markers() -> tuple[dict[str, str], dict[str, str]]:
    """(exact symbols and codes -> ISO code, lower-cased currency words -> ISO code)."""
    exact: dict[str, str] = {}
    words: dict[str, str] = {}
    for code, entry in load_data("currencies").items():
        # a shared sign stands for the first currency that writes it, until the page decides
        # (`shared_currency_at`)
        shared = {marker: code for marker in entry.get("shared_symbols", ()) if marker not in exact}
        exact.update(
            {**shared, **{marker: code for marker in (*entry["symbols"], *entry["codes"])}}
        )
        words.update({word.lower(): code for word in entry["words"]})
    return exact, words


@cache
def sign_symbols() -> tuple[str, ...]:
    """The currency symbols written with no Latin letter ('€', '₩', '원', '円'), longest first:
    a note may name its money by them alone ('Figures in 만 원'), as no letters-only sign can
    ('R')."""
    signs = {m for m in currency_markers()[0] if not re.search(r"[A-Za-z]", m)}
    return tuple(sorted(signs, key=lambda m: (-len(m), m)))


def currency_code(marker: str) -> str | None:
    """The ISO 4217 code a currency marker stands for, or None.

    >>> currency_code("US$"), currency_code("Rs."), currency_code("US dollars"), currency_code("€")
    ('USD', 'INR', 'USD', 'EUR')
    >>> currency_code("rupees"), currency_code("kr")  # a shared sign: see shared_currency_at
    ('INR', 'SEK')
    """
    exact, words = currency_markers()
    text = " ".join(marker.split())
    key = vocabulary_key(text)
    return exact.get(text) or words.get(key) or scaled_currency_words().get(key)


@cache
def scaled_currency_words() -> dict[str, str]:
    """Currency names read only after a scale word ('81.2 million won') -> ISO code: each
    entry's `scaled_words`."""
    return {
        word.lower(): code
        for code, entry in load_data("currencies").items()
        for word in entry.get("scaled_words", ())
    }


# A figure's currency sign as written: before it, past any lowercase words ('about $', 'between
# $X and $Y') or a capitalized range or hedge word opening a sentence ('Between $X ...'; a
# capitalized code or sign, 'USD 5,000', 'Rs 5 lakh', is the marker), or after it and any scale
# letter ('52 000 €', '45–55 k€').
_MARKER_BEFORE = re.compile(
    r"^(?:(?:[a-z]+|(?i:between|from|up\s+to|over|under|about|around|roughly))\s+)*"
    r"(?P<marker>\D*)"
)
_MARKER_AFTER = re.compile(r"\d\s*(?:[kKmM](?=\S))?(?P<marker>[^\d\s.,\-–+]+)\s*$")


def currency_marker(raw: str) -> str | None:
    """The currency sign or code a money figure is written with, as written, or None.

    >>> currency_marker("US$145,000"), currency_marker("52 000 €"), currency_marker("45–55 k€")
    ('US$', '€', '€')
    >>> currency_marker("Between $134,000 and $165,000"), currency_marker("USD 5,000")
    ('$', 'USD')
    >>> currency_marker("12 LPA") is None
    True
    """
    before = _MARKER_BEFORE.match(raw)
    if before and before.group("marker").strip():
        return before.group("marker").strip()
    after = _MARKER_AFTER.search(raw)
    return after.group("marker") if after and currency_code(after.group("marker")) else None


def home_currency(text: str, raw: str, code: str) -> str | None:
    """`code`, unless the figure opens with a marker its currency uses only at home and the page
    names no place or word of that home: then the figure carries no currency.

    >>> home_currency("Pay in Johannesburg: R 850 000", "R 850 000", "ZAR")
    'ZAR'
    >>> home_currency("We use R 4.3 and Python", "R 4.3", "ZAR") is None
    True
    """
    homes = _home_markers().get(code)
    if homes is None or not homes[0].match(raw):
        return code
    if _off_form(raw, code):
        return None  # 'N1' names a band, '(N 640)' a sample: no naira
    return code if _names_home(text, code) else None


def names_grade(raw: str, code: str) -> bool:
    """Whether a figure is a home-only sign touching a small number, as a grade or band is
    named ('N1', 'N3'), where the currency writes its sums grouped or scaled: no figure.

    >>> names_grade("N3", "NGN"), names_grade("N380k", "NGN"), names_grade("R4", "ZAR")
    (True, False, False)
    """
    homes = _home_markers().get(code)
    return (
        homes is not None
        and bool(homes[0].match(raw))
        and _off_form(raw, code)
        and raw[1:2].isdigit()
    )


def _off_form(raw: str, code: str) -> bool:
    """Whether a figure opened by a home-only sign lacks the form the currency writes its sums
    in with it (`home_symbols_grouped`: grouped in thousands or scaled)."""
    form = _home_markers()[code][1]
    return form is not None and not form.match(raw)


@lru_cache(maxsize=64)
def _names_home(text: str, code: str) -> bool:
    return bool(_home_markers()[code][2].search(text))


@cache
def _home_markers() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]]:
    """Per currency with home-only symbols: (the symbols opening a figure, the form the figure
    must then have when `home_symbols_grouped`, its home words)."""
    out = {}
    for code, entry in load_data("currencies").items():
        if not entry.get("home_symbols"):
            continue
        signs = alternation(entry["home_symbols"], ignore_case=False)
        form = (
            # touching, and grouped in thousands or scaled: 'N1,520', 'N380k', 'N1.5m'
            re.compile(
                rf"^(?:{signs})(?:\d{{1,3}}(?:,\d{{3}})+|\d{{4,}}|\d+(?:\.\d+)?\s?"
                r"(?:[kKmM]|bn|million|billion)\b)"
            )
            if entry.get("home_symbols_grouped")
            else None
        )
        out[code] = (re.compile(rf"^(?:{signs})\s?\d"), form, _homes()[code])
    return out


def currency_codes() -> frozenset[str]:
    """Every ISO code the data file knows."""
    return frozenset(load_data("currencies"))


@cache
def written_codes() -> frozenset[str]:
    """The codes a page may write for a currency (each entry's `codes`: 'RMB' beside 'CNY'; none
    for PHP, also a programming language)."""
    return frozenset(code for entry in load_data("currencies").values() for code in entry["codes"])


def currency_digits(code: str) -> int:
    """The minor-unit digits of a currency (CLDR's): 2 unless the data file says otherwise.

    >>> currency_digits("EUR"), currency_digits("JPY"), currency_digits("KWD")
    (2, 0, 3)
    """
    entry = load_data("currencies").get(code, {})
    return int(entry.get("decimals", 2))


@cache
def prefix_pattern() -> re.Pattern[str]:
    """A currency marker that ends right before a figure (optionally one space apart)."""
    return _prefix_pattern(*currency_markers())


@cache
def prefix_pattern_ending(last: str) -> re.Pattern[str] | None:
    """`prefix_pattern` for a marker whose last character is `last` (as a case-insensitive
    name's may be, in either case), or None when no marker ends so: the few markers that can
    end there are tried, not all of them at each character of the text before a figure. Kept
    for the process: it is asked only about the last characters of markers, a few dozen."""
    exact, words = currency_markers()
    ending = [m for m in exact if m[-1] == last]
    named = [w for w in words if _may_end(w, last)]
    return _prefix_pattern(ending, named) if ending or named else None


def _may_end(word: str, last: str) -> bool:
    char = word[-1]
    return not (char.isascii() and last.isascii()) or char.lower() == last.lower()


def _prefix_pattern(exact: Iterable[str], words: Iterable[str]) -> re.Pattern[str]:
    lettered = [m for m in exact if m.replace(".", "").replace(" ", "").isalpha()]
    signs = [m for m in exact if m not in lettered]
    upper = [m for m in lettered if m[0].isupper()]
    lower = [m for m in lettered if not m[0].isupper()]
    # A marker may touch the word before it: a card whose label and value ran together when its
    # HTML was flattened ('CanadaC$130,000', 'UK£85,000'; the leftmost, longest marker wins, so
    # 'US$' is no 'S$'); a code of letters only after a lower-case letter ('ZurichCHF 150,000',
    # not the 'RM' of 'ARM64').
    branches = [
        rf"(?<![\w$])(?:{alternation(list(words), ignore_case=True)})\s" if words else "",
        rf"(?:{alternation(signs, ignore_case=False)})\s?" if signs else "",
        # a code may stand two spaces apart, as a fixed-width table pads it ('EUR  78,000')
        rf"(?<![A-Z])(?:{alternation(upper, ignore_case=False)})(?:\s?|[ \t]{{2}})"
        if upper
        else "",
        rf"(?<![A-Za-z])(?:{alternation(lower, ignore_case=False)})\s?" if lower else "",
    ]
    return re.compile(rf"(?:{'|'.join(b for b in branches if b)})\Z")


# Where a figure or a currency sign ends: no word goes on, unless in a script written without
# spaces, so '558.3万円です' and '3,500円です' end at the sign, while 'H100' or '5k1' go on.
WORD_ENDS: Final = rf"(?!(?![{UNSPACED_SCRIPTS}])\w)"


@cache
def suffix_pattern() -> re.Pattern[str]:
    """A currency code, name or symbol written right after a figure or its scale word.

    A symbol followed by another figure belongs to that figure ('5 $100k jobs'), so it is not read
    as the first one's suffix.
    """
    exact, words = currency_markers()
    signs = keyed_alternation(list(exact), ignore_case=False)
    names = keyed_alternation(list(words), ignore_case=True)
    return re.compile(rf"\s?(?:{signs}{WORD_ENDS}(?!\$)|{names}(?![\w$]))(?![ \u00a0]?\d)")


@cache
def suffix_starts() -> frozenset[str]:
    """First characters of every marker `suffix_pattern` reads, in both cases, for cheap checks."""
    exact, words = currency_markers()
    first = {m[0] for m in exact} | {w[0] for w in words}
    return frozenset(first | {c.upper() for c in first} | {c.lower() for c in first})


# Markers that name no particular dollar: they never decide what a bare '$' means.
_GENERIC_DOLLAR = frozenset({"$", "dollar", "dollars"})


@cache
def _explicit_dollar_patterns() -> tuple[
    tuple[str, re.Pattern[str], re.Pattern[str], tuple[str, ...] | None], ...
]:
    """Per dollar currency (USD and the `local_dollar` ones), two patterns that find its
    explicit markers when a text writes one (see `_written_markers`): its symbols and codes as
    written, and its words in any letter case; and pieces a match of the words cannot be
    written without, in `fold_case` (None when a piece holds a character that a case-insensitive
    match may write as one `fold_case` does not fold to it: nothing is ruled out).

    Apart, as the symbols and codes open with capitals ('C$', 'AUD'), their pattern is looked
    for at a page's few capitals, in a few microseconds: no cheaper test is needed before it,
    and a page that writes 'US$' or 'USD' is never searched for the words' lower-case openings
    ('us dollars', 'american dollars'), found at most letters of a page."""
    out = []
    for code, entry in load_data("currencies").items():
        if code != "USD" and not entry.get("local_dollar"):
            continue
        exact = [m for m in (*entry["symbols"], *entry["codes"]) if m not in _GENERIC_DOLLAR]
        words = [w for w in entry["words"] if w.lower() not in _GENERIC_DOLLAR]
        word_keys = [fold_case(_piece(w)) for w in words]
        keys_rule_out = all(map(_folds_exactly, word_keys))
        out.append(
            (
                code,
                _written_markers(exact, ignore_case=False),
                _written_markers(words, ignore_case=True),
                _fewest_pieces(word_keys) if keys_rule_out else None,
            )
        )
    return tuple(out)


def _written_markers(markers: list[str], *, ignore_case: bool) -> re.Pattern[str]:
    r"""A pattern that finds one of the markers (as written, or in any letter case with
    `ignore_case`) with no letter next to it, in a text that writes one, and nothing in any
    other text (nor when there are no markers).

    It opens with the class of the markers' first characters, which the regex engine looks for
    in its own loop, then reads each marker's rest behind a lookbehind for its first character:
    a pattern opening with a lookbehind is entered at every position of a whole page. Which
    match it finds first may differ from the plain alternation's; whether it finds one does not.

    >>> _written_markers(["C$", "CA$"], ignore_case=False).pattern
    '(?-i:[C])(?<![A-Za-z].)(?:(?-i:(?<=C)\\$)|(?-i:(?<=C)A\\$))(?![A-Za-z])'
    >>> _written_markers(["Canadian dollars"], ignore_case=True).pattern
    '(?-i:[Cc])(?<![A-Za-z].)(?:(?i:(?<=C)anadian\\s+dollars))(?![A-Za-z])'
    >>> _written_markers([], ignore_case=True).search("US$5 or CAD 5") is None
    True
    """
    if not markers:
        return re.compile(r"(?!)")
    flag = "i" if ignore_case else "-i"
    rests = "|".join(f"(?{flag}:(?<={re.escape(m[0])}){spaced(m[1:])})" for m in markers)
    firsts = set().union(*(case_forms(m[0]) if ignore_case else {m[0]} for m in markers))
    return re.compile(rf"{scanned_class(firsts)}(?<![A-Za-z].)(?:{rests})(?![A-Za-z])")


def _fewest_pieces(pieces: Iterable[str]) -> tuple[str, ...]:
    """`pieces` without repeats and without those holding another one ('CAD$' holds 'CAD'): a
    text holds one of these exactly when it holds one of `pieces`, found in fewer scans.

    >>> _fewest_pieces(["C$", "CA$", "CAD$", "CAD", "CAD"])
    ('C$', 'CA$', 'CAD')
    """
    unique = set(pieces)
    return tuple(sorted(p for p in unique if not any(q != p and q in p for q in unique)))


def _piece(marker: str) -> str:
    """A part of a marker between spaces, written as is in every match of it: the longest that
    is not 'dollar(s)' ('Hong Kong dollars' -> 'Hong'), which most pages write, nor shorter than
    three characters ('US dollars' -> 'dollars': 'us' is in most pages' words).

    >>> _piece("Hong Kong dollars"), _piece("US dollars"), _piece("dólares")
    ('Hong', 'dollars', 'dólares')
    """
    pieces = marker.split()
    rare = [p for p in pieces if p.lower() not in _GENERIC_DOLLAR and len(p) >= 3]
    return max(rare or pieces, key=len)


def _folds_exactly(piece: str) -> bool:
    """Whether `fold_case` turns every character a case-insensitive match may write for one of
    `piece`'s into that character, so a text it matches in folds to hold `piece` ('dólar':
    'Ó' folds to 'ó'; a match of 'σ' may be a final 'ς'); `fold_case` promises it of ASCII words.

    >>> _folds_exactly("dólar"), _folds_exactly("σ")
    (True, False)
    """
    return all(fold_case(form) == char for char in piece for form in case_forms(re.escape(char)))


def page_dollar(text: str) -> str:
    """The currency a bare '$' stands for on a page: the one local dollar its first line (the
    title) names when it names no other dollar country, however the page writes other dollars
    ('ML pay in Canada' ... 'C$130,000 (about US$95,000)'); else the one local dollar the page
    writes explicitly ('A$', 'AUD', 'Canadian dollars') when it never writes US dollars; else the
    one local dollar whose country and cities the page names, naming no US place; else USD.

    >>> page_dollar("Pay ranges from AUD 90,000; the average is $121,400.")
    'AUD'
    >>> page_dollar("About $90K (US$60K), or C$120K"), page_dollar("$5 for A$7 or C$6")
    ('USD', 'USD')
    >>> page_dollar("ML pay in Canada\\n$120K"), page_dollar("ML pay: US vs Canada\\n$120K")
    ('CAD', 'USD')
    >>> page_dollar("ML pay in Canada\\nC$130K (about US$95K); leads earn $160K")
    'CAD'
    >>> page_dollar("Pay by city\\nSydney: $150K\\nMelbourne: $140K")
    'AUD'
    >>> page_dollar("[Home](/) · [Jobs](/j)\\n\\n# ML pay in Canada\\n\\n$120K")  # nav bar first
    'CAD'
    >>> page_dollar("Career move?\\nI'm in Auckland on $82k. Wellington pays $95k.\\n"
    ...             "Related: ML pay in Sydney?")  # the country named most, past a link
    'NZD'

    A title naming two dollar countries, one of which the page marks where it means it, leaves
    the bare '$' to the other.

    >>> page_dollar("ML pay: Australia and New Zealand\\nSydney: $168,000. Auckland: NZ$135,000.")
    'AUD'

    A scope line that states the page's dollar decides first: 'All amounts are in Canadian
    dollars' on a page that also quotes 'US$158,000'.

    >>> page_dollar("Pay guide\\nAll amounts are in Canadian dollars. US firms pay US$150K.")
    'CAD'
    """
    return _page_dollar(text)


@lru_cache(maxsize=64)
def _page_dollar(text: str) -> str:
    stated = stated_dollar(text)
    if stated is not None:
        return stated  # 'All amounts are in Canadian dollars' ... 'US$158,000' ... '$98,000'
    titled = _title_dollars(text)
    if len(titled) == 1 and "USD" not in titled:
        return titled.pop()  # 'ML pay in Canada' ... 'C$130,000 (US$95,000)' ... '$162,500'
    written: set[str] = set()
    for code, exact, words, keys in _explicit_dollar_patterns():
        if exact.search(text) or (
            (keys is None or any(k in folded_page(text) for k in keys)) and words.search(text)
        ):
            written.add(code)
            if code == "USD":
                return "USD"  # US dollars written: the rest cannot change it
    if len(written) == 1 and len(titled - written) == 1 and written < titled:
        # 'Australia & New Zealand' ... 'NZ$135,000' ... '$168,000': the dollar marked where it
        # is meant is the other; the bare '$' is the title's remaining one
        return (titled - written).pop()
    if not written:  # 'How much do ML engineers earn in Australia?' ... '$121,400'
        # (the country named most, past a related link's 'Sydney' on an Auckland thread)
        written = titled or _main_placed_dollar(text)
    elif len(written) > 1:  # 'A$900 a day' ... 'NZ$135,000' on a page about Australia's pay
        written &= titled or _main_placed_dollar(text)
    elif not titled and _about_the_us(text, next(iter(written))):
        return "USD"  # 'The median US base salary was $161,000' ... 'in Canada was CA$117,000'
    return written.pop() if len(written) == 1 else "USD"


# What a page's scope line says its figures are in, as a statement of its own: 'All amounts
# are in Canadian dollars', 'Salaries are shown in AUD' (not 'firms set their salaries in US
# dollars' inside a sentence about other employers).
_STATED_NOUNS = ("amounts", "figures", "salaries", "numbers", "values", "pay", "rates", "prices")
# What may stand before the scope line's noun in its own sentence: emphasis and 'all'.
_STATEMENT_OPENING = re.compile(r"(?:^|[.!?:]\s+|\n)[*_\s]*(?:all\s+)?\Z", re.IGNORECASE)


# How a scope line says its figures are given: 'Numbers are (shown) in USD', 'Numbers are USD'.
_STATED_VERBS = r"shown\s+|quoted\s+|given\s+|stated\s+|expressed\s+|listed\s+"


@lru_cache(maxsize=64)
def stated_dollar(text: str) -> str | None:
    """The one dollar a page's scope lines state its figures are in ('Numbers are USD unless
    you say otherwise', 'All amounts are in Canadian dollars'), or None.

    >>> stated_dollar("Pay thread\\nNumbers are USD unless you say otherwise."), stated_dollar("$5")
    ('USD', None)
    """
    return _stated(text, dollars=True)


@lru_cache(maxsize=64)
def stated_currency(text: str) -> str | None:
    """The one currency, of any kind, a page's scope lines state its figures are in ('All
    numbers in NIS, gross per month', 'All figures are in euros'), or None: what a forum's bare
    '41k' is in.

    >>> stated_currency("Salaries thread\\nAll numbers in NIS, gross per month.")
    'ILS'
    """
    return _stated(text, dollars=False)


def _sign_alone(sign: str) -> bool:
    """Whether a currency sign names its currency in a scope line by itself: not a bare '$',
    nor letters that are also a word or a language ('R', 'Rs', 'TL', 'RM': 'Numbers in R are
    stored as doubles')."""
    return sign not in _GENERIC_DOLLAR and not sign.replace(".", "").isalpha()


def _stated(text: str, *, dollars: bool) -> str | None:
    pattern, codes = _stated_pattern(dollars)
    # each match starts at one of its nouns, which the folded text holds there in lower case
    nouns = starts_of(folded_page(text), _STATED_NOUNS)
    stated = {
        codes[vocabulary_key(match["marker"])]
        for match in matches_from(pattern, text, nouns)
        if _STATEMENT_OPENING.search(text, max(0, match.start() - 12), match.start())
    }
    return stated.pop() if len(stated) == 1 else None


@cache
def _stated_pattern(dollars: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    """A scope line's noun and the currency it names, with each marker's code, lower case:
    with `dollars`, only USD and the `local_dollar` ones; else every currency, by its words,
    codes and signs (but a bare '$', which says no dollar)."""
    codes: dict[str, str] = {}
    for code, entry in load_data("currencies").items():
        if dollars and code != "USD" and not entry.get("local_dollar"):
            continue
        words = [w for w in entry["words"] if w.lower() not in _GENERIC_DOLLAR and w.isascii()]
        signs = [] if dollars else [m for m in entry["symbols"] if _sign_alone(m)]
        codes.update((marker.lower(), code) for marker in [*words, *entry["codes"], *signs])
    markers = alternation(list(codes), ignore_case=True)
    return (
        re.compile(
            rf"\b(?:{'|'.join(_STATED_NOUNS)})\s+"
            r"(?:on\s+this\s+page\s+|in\s+this\s+(?:guide|report|article)\s+|below\s+)?"
            rf"(?:are\s+(?:{_STATED_VERBS})?(?:in\s+)?|(?:{_STATED_VERBS})?in\s+)"
            rf"(?P<marker>{markers})(?!\w)",
            re.IGNORECASE,
        ),
        codes,
    )


def _about_the_us(text: str, local: str) -> bool:
    """Whether a page names the US or its cities at least twice, and more often than the
    country and cities of the one local dollar it writes out: its bare '$' is the US dollar,
    the local one marked where it is meant ('Seattle ... Austin ... Toronto: CAD 142k')."""
    named = _named_dollars(text)
    us = len(_US_NAMES.findall(text)) + named["USD"]
    return us >= _MIN_PLACE_MENTIONS and us > named[local]


def _main_placed_dollar(text: str) -> set[str]:
    """The dollar of the country whose places the page names most, at least twice as often as
    any other's (its own, beside a comparison with a neighbour); else empty."""
    ranked = _placed_dollars(text).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return set()
    return {ranked[0][0]}


# A page must name its dollar country's places this often before a bare '$' is taken for its
# dollar: one passing mention ('unlike in Toronto') is no page about Canada.
_MIN_PLACE_MENTIONS = 2


def _placed_dollars(text: str) -> Counter[str]:
    """How often a page names each local dollar's country and known cities ('Sydney | $150k',
    'Melbourne ...') when it names no US place: a page about one such country's pay that writes
    only a bare '$' writes its own dollar. Empty when a US name or city appears at all."""
    if _US_NAMES.search(text):
        return Counter()
    found = _named_dollars(text)
    if "USD" in found or found.total() < _MIN_PLACE_MENTIONS:
        return Counter()
    if 2 * len(_other_places().findall(text)) > found.total():
        # freelancers in Lisbon, Bogotá and Pune, rates by region: no one country's page
        return Counter()
    return found


@cache
def _other_places() -> re.Pattern[str]:
    """The countries and world regions that write no dollar of their own as '$', capitalized."""
    places = load_data("market_terms")["places"]
    dollars = set(_dollar_places()[0])
    names = [
        form
        for table in ("countries", "regions")
        for forms in places[table].values()
        for form in forms
        if form not in dollars and len(form) > 2
    ]
    return re.compile(rf"{capitalized_alternation(names)}\b")


def named_dollar(text: str, start: int, end: int) -> str | None:
    """The one dollar whose country or known cities `text[start:end]` names ('Day rates in
    Sydney run from $1,000', on a page whose last section was about New Zealand), else None.
    The span's own words only: a table's rows or a paragraph's other sentences may name
    other places for their own sums; the caller passes the words up to the figure ('..., about
    what their peers in Sydney make' after it names no dollar of it).

    >>> named_dollar("In Sydney: $1,000 a day.", 0, 10), named_dollar("Toronto or Seattle", 0, 18)
    ('AUD', None)
    """
    names, pattern = _dollar_places()
    named = {names[vocabulary_key(m.group())] for m in pattern.finditer(text, start, end)}
    return named.pop() if len(named) == 1 else None


def _named_dollars(text: str) -> Counter[str]:
    """How often the page names each dollar's countries and known cities."""
    names, pattern = _dollar_places()
    return Counter(names[vocabulary_key(m.group())] for m in pattern.finditer(text))


@cache
def _dollar_places() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each dollar country's names and known cities (market_terms' places.cities), lower case,
    with the dollar it writes as '$', and a pattern of them all, capitalized."""
    cities = load_data("market_terms")["places"]["cities"]["countries"]
    names: dict[str, str] = {}
    for code, entry in load_data("currencies").items():
        if code == "USD" or entry.get("local_dollar"):
            places = [*entry.get("countries", ()), *cities.get(entry["issued_in"][0], ())]
            names.update((place.lower(), code) for place in places)
    # Written capitalized ('Sydney', 'NYC'): a lower-case word is no place name.
    return names, re.compile(rf"{capitalized_alternation(list(names))}\b")


def _title_dollars(text: str) -> set[str]:
    """The dollars of the countries the page's title names: its first line, after any lines
    made only of links (a page's navigation bar above its title); on a text page that opens
    with its site's name, menu and breadcrumb, the short lines before its first sentence.

    >>> _title_dollars("Acme Jobs\\nSalaries > Canada\\nML Engineer Salary in Canada\\nOur data.")
    {'CAD'}
    >>> _title_dollars("> **New here?** See the US visa guide.\\n\\n# ML Engineer Pay in Canada")
    {'CAD'}
    """
    lines = [
        line
        for line in text.lstrip().split("\n", 8)[:8]
        if line.strip() and not _LINKS_ONLY.fullmatch(line) and not _COMMENT.fullmatch(line)
    ]
    # a Markdown page's '# Title' line, below any banner or notice above it
    title = next((line for line in lines if _TITLE_HEADING.match(line)), lines[0] if lines else "")
    if not _names_dollar_country(title):
        top = []
        for line in lines:
            if len(line) > _MAX_HEADING_CHARS + 40 or _SENTENCE_END.search(line):
                break
            top.append(line)
        title = "\n".join(top)
    named = {code for code, pattern in _dollar_countries() if pattern.search(title)}
    return named | {"USD"} if _US_NAMES.search(title) else named


def _names_dollar_country(text: str) -> bool:
    return bool(_US_NAMES.search(text)) or any(p.search(text) for _, p in _dollar_countries())


_TITLE_HEADING = re.compile(r"\s{0,3}#\s")
# A line that ends a sentence: the page's text has begun.
_SENTENCE_END = re.compile(r"[.!?]\s*$")


# A line of nothing but Markdown links: '[Home](/) · [Jobs](/jobs) · [Salaries](/salaries)'.
_LINKS_ONLY = re.compile(r"\s*(?:\[[^\]\n]*\]\([^)\n]*\)[\s·|•/–-]*)+")
# An HTML comment left in a Markdown page ('<!-- nav: Home | Salaries -->'): no title.
_COMMENT = re.compile(r"\s*<!--.*?-->\s*")
# 'New Mexico' is a US state, not Mexico, whose peso is written '$' too. Each name's capital
# comes first and the word-start test (the '\b' before it) after it, so that the regex engine
# looks for the three capitals in its own loop ('America' not after 'North ', 'South ', ...).
_US_NAMES = re.compile(
    r"(?:U(?<!\w.)(?:S|\.S\.|SA|nited States)"
    r"|A(?<!\w.)(?<!North A)(?<!South A)(?<!Latin A)(?<!Central A)merica|N(?<!\w.)ew Mexico)\b"
)
# Sums said to be American: 'US numbers', 'U.S. salaries', 'American pay'. Each match opens
# with its capital, the word-start test after it, so it is tried only where a page writes one.
_US_SUMS = re.compile(
    r"(?:U(?<!\w.)(?:S|\.S\.|SA)|A(?<!\w.)merican)\s+(?:numbers|figures|salaries|salary|pay"
    r"|comp|compensation|bands|rates|offers)\b"
)
# What every match of `_US_SUMS` starts with, as written: a page writes a few.
_US_SUMS_OPENINGS = ("U", "American")
# A heading line is short and holds no figure and no sentence end.
_MAX_HEADING_CHARS = 60
_NOT_HEADING = re.compile(r"\d|[.!?]\s*$")
# A section's number before a heading's words ('1. ', '2) ', '3.2 '), which is no figure.
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:[.)]|(?:\.\d{1,2})+\.?)\s+(?=\D)")


def shared_currency_at(text: str, offset: int, marker: str) -> str | None:
    """The currency a sign several currencies write ('kr') stands for at `offset`: the one
    whose home the figure's own line names (a table row 'Sweden | 780 000 kr'), else the last
    heading line before it, else the only one whose home the page names; None when the page
    leaves it open.

    >>> row = "Norway | 72 300 kr\\nSweden | 61 500 kr"
    >>> [shared_currency_at(row, row.index(f), "kr") for f in ("72 300", "61 500")]
    ['NOK', 'SEK']

    >>> page = "Nordic pay\\nSweden (SEK)\\nMedian 61 500 kr\\nNorway (NOK)\\nMedian 72 300 kr"
    >>> [shared_currency_at(page, page.index(f), "kr") for f in ("61 500", "72 300")]
    ['SEK', 'NOK']
    >>> shared_currency_at("Pay in Oslo: 72 300 kr a month", 12, "kr")
    'NOK'
    >>> shared_currency_at("Pay: 72 300 kr a month", 5, "kr") is None
    True
    """
    family = _shared_families().get(marker.strip())
    if family is None:
        return currency_code(marker)
    homes = _homes()
    # the figure's own line first: a table row 'Sweden | 780 000 kr' on a page of many
    line = text[text.rfind("\n", 0, offset) + 1 : _line_end(text, offset)]
    own = [code for code in family if homes[code].search(line)]
    if len(own) == 1:
        return own[0]
    placed = _section_at(_shared_sections(text, family), offset)
    if placed is not None:
        return placed
    named = [code for code in family if homes[code].search(text)]
    return named[0] if len(named) == 1 else None


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


@lru_cache(maxsize=64)
def _shared_sections(text: str, family: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """(line start, currency) of each heading line naming the home of one currency of
    `family` ('Sweden (SEK)', '## Norway')."""
    return _heading_sections(text, tuple((code, _homes()[code]) for code in family))


def borrowed_currency(text: str, offset: int, raw: str, code: str) -> str:
    """`code`, the currency of a figure's sign, unless another currency writes that sign at
    home too (`borrowed_symbols`) and the figure is there: its line names that home and not the
    sign's own, or the heading line above it names it, or the page names it more often than the
    sign's own home.

    >>> page = "ML engineer pay in Pakistan\\nFreshers: Rs. 90,000 a month"
    >>> borrowed_currency(page, page.index("Rs."), "Rs. 90,000", "INR")
    'PKR'
    >>> borrowed_currency("Pune: Rs 9 lakh", 6, "Rs 9 lakh", "INR")
    'INR'
    """
    marker = currency_marker(raw)
    borrowers = _borrowers().get(marker or "")
    if not borrowers:
        return code
    homes = _homes()
    line = text[text.rfind("\n", 0, offset) + 1 : _line_end(text, offset)]
    own = [other for other in borrowers if homes[other].search(line)]
    if own and not (code in homes and homes[code].search(line)):  # 'Lahore | Rs 295,000'
        return own[0]
    family = (code, *borrowers) if code in homes else borrowers
    placed = _section_at(_heading_sections(text, tuple((c, homes[c]) for c in family)), offset)
    if placed is not None:
        return placed
    named = {other: _home_count(text, other) for other in borrowers}
    home = _home_count(text, code) if code in homes else 0
    best = max(named, key=named.__getitem__)
    return best if named[best] > home else code


@lru_cache(maxsize=64)
def _home_count(text: str, code: str) -> int:
    """How often a page names a currency's home: counted once a page, where every figure
    written with a borrowed sign asks."""
    return len(_homes()[code].findall(text))


def shared_sign(raw: str) -> str | None:
    """The sign several currencies share that a money figure is written with, or None.

    >>> shared_sign("61 500 kr"), shared_sign("780.000 kr. a year"), shared_sign("€52,000")
    ('kr', 'kr.', None)
    """
    found = _shared_sign_pattern().search(raw)
    return found.group() if found else None


@cache
def _shared_sign_pattern() -> re.Pattern[str]:
    signs = sorted(_shared_families(), key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, signs))})(?![^\W\d_])")


def _shared_families() -> dict[str, tuple[str, ...]]:
    """Each shared sign ('kr'), with the currencies that write it."""
    return _sign_families("shared_symbols")


def _borrowers() -> dict[str, tuple[str, ...]]:
    """Each sign another currency writes at home too ('Rs.'), with the currencies that do."""
    return _sign_families("borrowed_symbols")


@cache
def _sign_families(key: str) -> dict[str, tuple[str, ...]]:
    """Each sign a list `key` of the currencies' data names, with the currencies naming it."""
    families: dict[str, list[str]] = {}
    for code, entry in load_data("currencies").items():
        for marker in entry.get(key, ()):
            families.setdefault(marker, []).append(code)
    return {marker: tuple(codes) for marker, codes in families.items()}


@cache
def _homes() -> dict[str, re.Pattern[str]]:
    """Per currency with `home` words, a pattern of them."""
    return {
        code: re.compile(rf"\b(?:{alternation(entry['home'], ignore_case=False)})\b")
        for code, entry in load_data("currencies").items()
        if entry.get("home")
    }


def dollar_at(text: str, offset: int) -> str:
    """What a bare '$' at `offset` stands for: on a page whose heading lines name two or more
    dollar countries (a 'United States' section, then a 'Canada' section), the dollar of the
    last such heading before it; else the page's dollar (`page_dollar`).

    >>> page = "ML pay\\nUnited States\\nAbout $150K.\\nCanada\\nAbout $120K."
    >>> dollar_at(page, page.index("$150K")), dollar_at(page, page.index("$120K"))
    ('USD', 'CAD')
    >>> dollar_at("Salaries in Canada\\nAbout $120K in Canada and the US.", 25)
    'CAD'

    A paragraph that says its sums are American before them, naming no other dollar, is in US
    dollars on any page (an answer in a Canadian thread: 'Adding US numbers. New grads start
    around $150k'); 'US$' is a marker of its own, not the paragraph's word.

    >>> page = "ML pay in Canada\\n\\nLeads earn $160K.\\n\\nAdding US numbers: grads get $150k."
    >>> dollar_at(page, page.index("$160K")), dollar_at(page, page.index("$150k"))
    ('CAD', 'USD')
    >>> page = "ML pay in Canada\\n\\nC$130K (about US$95K); leads earn $160K."
    >>> dollar_at(page, page.index("$160K"))
    'CAD'
    """
    return (
        _section_at(_dollar_sections(text), offset)
        or _paragraph_dollar(text, offset)
        or page_dollar(text)
    )


def _paragraph_dollar(text: str, offset: int) -> str | None:
    """'USD' when the paragraph holding `offset` says before it that its sums are American
    ('US numbers', 'American salaries') and writes no other dollar, by country or marker, on a
    page that states no dollar of its own ('All salaries are in Canadian dollars'); else None.
    A US employer ('the office of a US company') says where a firm is from, not the sums."""
    said = _american_paragraphs(text)
    where = bisect_right(said, (offset,)) - 1
    return "USD" if where >= 0 and offset < said[where][1] else None


@lru_cache(maxsize=64)
def _american_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(where a paragraph says its sums are American, where that paragraph ends) for each such
    paragraph that names no other dollar; found once per page (a long table is one paragraph,
    asked about at each of its sums)."""
    if stated_dollar(text) is not None:
        return ()
    others = [
        pattern
        for code, exact, words, _ in _explicit_dollar_patterns()
        if code != "USD"
        for pattern in (exact, words)
    ]
    others += [pattern for _, pattern in _dollar_countries()]
    found: list[tuple[int, int]] = []
    for match in matches_from(_US_SUMS, text, starts_of(text, _US_SUMS_OPENINGS)):
        if found and match.start() < found[-1][1]:
            continue  # the paragraph is listed at its first such words
        start = text.rfind("\n\n", 0, match.start()) + 1
        end = text.find("\n\n", match.end())
        end = len(text) if end < 0 else end
        if not any(pattern.search(text, start, end) for pattern in others):
            found.append((match.start(), end))
    return tuple(found)


@lru_cache(maxsize=64)
def _dollar_sections(text: str) -> tuple[tuple[int, str], ...]:
    """(line start, dollar) of each heading line naming exactly one dollar country, when they
    name at least two different dollars; else none (one country's page keeps `page_dollar`)."""
    headings = "\n".join(line for _, line in _heading_lines(text))
    patterns = [
        (code, pattern)
        for (code, pattern), words in zip(_dollar_countries(), _country_words(), strict=True)
        if any(word in headings for word in words)  # most pages name none: no line is searched
    ]
    patterns.append(("USD", _US_NAMES))
    found = _heading_sections(text, tuple(patterns))
    return found if len({code for _, code in found}) >= 2 else ()


def _heading_sections(
    text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]
) -> tuple[tuple[int, str], ...]:
    """(line start, currency) of each heading line that one currency's pattern alone matches
    ('Canada', 'Norway (NOK)', '## Sweden')."""
    found = []
    for start, line in _heading_lines(text):
        codes = {code for code, pattern in patterns if pattern.search(line)}
        if len(codes) == 1:
            found.append((start, codes.pop()))
    return tuple(found)


@lru_cache(maxsize=64)
def _heading_lines(text: str) -> tuple[tuple[int, str], ...]:
    """(line start, line without its marks) of each line of `text` that may be a heading:
    short, with no figure and no sentence end once its section number is left out. A line
    in capitals is given as written and in title case, so that the names of places, written
    with a capital, are found in it too ('1. WHAT ML ENGINEERS EARN IN SWEDEN').

    >>> _heading_lines("Pay\\n1. PAY IN SWEDEN\\n2.1 Norway\\nMedian 61 500 kr\\n2025 survey")
    ((0, 'Pay'), (4, 'PAY IN SWEDEN Pay In Sweden'), (21, 'Norway'))
    """
    found = []
    start = 0
    for line in text.split("\n"):  # a Python loop over lines: few are short enough to test
        stripped = line.strip(" \t#*_")
        if (numbered := _SECTION_NUMBER.match(stripped)) is not None:
            stripped = stripped[numbered.end() :]
        if stripped and len(stripped) <= _MAX_HEADING_CHARS and not _NOT_HEADING.search(stripped):
            capitals = stripped.isupper() and len(stripped) > 3  # not 'US', 'UK' alone
            found.append((start, f"{stripped} {stripped.title()}" if capitals else stripped))
        start += len(line) + 1
    return tuple(found)


def _section_at(sections: tuple[tuple[int, str], ...], offset: int) -> str | None:
    """The currency of the last section that starts before `offset`, or None."""
    index = bisect_right(sections, (offset, "~")) - 1
    return sections[index][1] if index >= 0 else None


@cache
def _country_words() -> tuple[tuple[str, ...], ...]:
    """For each of `_dollar_countries`, the longest word of each country name: every match of
    its pattern holds one of them as written."""
    return tuple(
        tuple(max(name.split(), key=len) for name in entry["countries"])
        for entry in load_data("currencies").values()
        if entry.get("countries")
    )


@cache
def _dollar_countries() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per local dollar, a pattern of the countries that write it as a bare '$'."""
    return tuple(
        (code, re.compile(rf"\b(?:{alternation(entry['countries'], ignore_case=False)})\b"))
        for code, entry in load_data("currencies").items()
        if entry.get("countries")
    )


def writes_dollar(code: str) -> bool:
    """Whether a currency is written with a bare '$' where it is at home (US, Canadian,
    Australian ... dollars): a header naming it gives a bare '$' under it its code.

    >>> writes_dollar("CAD"), writes_dollar("USD"), writes_dollar("EUR")
    (True, True, False)
    """
    return code == "USD" or any(code == own for own, _ in _dollar_countries())


def currency_country(code: str | None, country: str) -> str | None:
    """The country a figure in `code` may be placed in when its frame names `country`: that
    country, unless the currency is another country's own (see `issued_in` in currencies.toml),
    then the currency's country, or None when several issue it.

    >>> currency_country("GBP", "Canada"), currency_country("EUR", "Canada")
    ('United Kingdom', None)
    >>> currency_country("USD", "India"), currency_country("CAD", "Canada")
    ('India', 'Canada')
    >>> currency_country("GBP", "Nigeria")  # a country whose currency the data does not know
    'Nigeria'
    """
    issuers, worldwide = _issuers()
    own = issuers.get(code or "", ())
    known = any(country in countries for countries in issuers.values())
    if not own or code in worldwide or country in own or not known:
        return country
    return own[0] if len(own) == 1 else None


def country_currency(country: str) -> str | None:
    """The currency that is `country`'s own (the one code whose `issued_in` names it).

    >>> country_currency("United States"), country_currency("Germany"), country_currency("Mars")
    ('USD', 'EUR', None)
    """
    issuers, _ = _issuers()
    codes = [code for code, countries in issuers.items() if country in countries]
    return codes[0] if len(codes) == 1 else None


@cache
def _issuers() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(ISO code -> the countries whose own currency it is, the codes quoted worldwide)."""
    entries = load_data("currencies")
    issuers = {code: tuple(e["issued_in"]) for code, e in entries.items() if e.get("issued_in")}
    return issuers, frozenset(code for code, e in entries.items() if e.get("worldwide"))


def symbol_country(symbol: str) -> str | None:
    """The country a currency symbol names to tell its dollar from others (`country_symbols` in
    currencies.toml), or None for a symbol that names none.

    >>> symbol_country("US$"), symbol_country("C$"), symbol_country("$"), symbol_country("€")
    ('United States', 'Canada', None, None)
    """
    return _symbol_countries().get(symbol)


@cache
def _symbol_countries() -> dict[str, str]:
    return {
        symbol: entry["issued_in"][0]
        for entry in load_data("currencies").values()
        for symbol in entry.get("country_symbols", ())
    }


def country_dollar(country: str) -> str | None:
    """The dollar a country writes as a bare '$': its local dollar, US dollars for the US.

    >>> country_dollar("Canada"), country_dollar("United States"), country_dollar("India")
    ('CAD', 'USD', None)
    """
    if _US_NAMES.fullmatch(country):
        return "USD"
    return next((code for code, pattern in _dollar_countries() if pattern.fullmatch(country)), None)


def header_currency(text: str, dollar: str = "USD", *, scaled: bool = False) -> str | None:
    """The one currency a table header names for its bare-number cells ('Annual base (SGD)',
    'Salary (€)', 'Pay, USD'), or None when it names none, several, or a scale ('USD bn'), whose
    cells are not whole amounts; with `scaled` (the caller multiplies the cells by the header's
    scale) a scale does not hide the currency. `dollar` is what a bare '$' means on the page.

    >>> header_currency("Annual base (SGD)"), header_currency("Salary (€)")
    ('SGD', 'EUR')
    >>> header_currency("Pay, USD"), header_currency("Market size (USD bn)")
    ('USD', None)
    >>> header_currency("Market size (USD bn)", scaled=True)
    'USD'
    >>> header_currency("Salary ($)", dollar="AUD"), header_currency("Level")
    ('AUD', None)
    """
    return _header_currency(text, dollar, scaled)


@lru_cache(maxsize=4096)
def _header_currency(text: str, dollar: str, scaled: bool) -> str | None:
    """`header_currency`, cached: tables of a corpus repeat a few headers, and each is tried
    against every currency's pattern."""
    if not scaled and _scale_words().search(text):
        return None
    if not _header_markers().search(text):
        return None  # most headers name no currency: one scan instead of one per currency
    found = {code for code, pattern in _header_patterns() if pattern.search(text)}
    if len(found) > 1 and "USD" in found and not _explicit_usd(text):
        found.discard("USD")  # the '$' of another dollar's sign: '(em R$)', 'A$'
    if found == {"USD"} and not _explicit_usd(text):
        return dollar  # a bare '$' or 'dollars' is the page's dollar
    return found.pop() if len(found) == 1 else None


@cache
def _header_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (code, _header_marker([*entry["symbols"], *entry["codes"]], entry["words"]))
        for code, entry in load_data("currencies").items()
    )


@cache
def _header_markers() -> re.Pattern[str]:
    """Any currency's header marker: it matches where one of `_header_patterns` does (each
    currency has symbols or codes and words), in one alternation of them all."""
    entries = load_data("currencies").values()
    exact = [m for entry in entries for m in (*entry["symbols"], *entry["codes"])]
    return _header_marker(exact, [word for entry in entries for word in entry["words"]])


def _header_marker(exact: list[str], words: list[str]) -> re.Pattern[str]:
    """A currency's symbol or code (as written) or word (in any case), standing alone (the
    rand's 'R' is no sign of its own in 'R$')."""
    signs = alternation(exact, ignore_case=False)
    names = alternation(words, ignore_case=True)
    return re.compile(rf"(?<![A-Za-z])(?:{signs})(?![A-Za-z$])|\b(?:{names})\b")


@cache
def _scale_words() -> re.Pattern[str]:
    """Scale words and abbreviations written alone in a header ('USD bn', 'EUR m')."""
    scales = load_data("scales").values()
    words = [w for entry in scales for w in entry["words"]]
    symbols = [s for entry in scales for s in (*entry["symbols"], *entry["joined_only"])]
    return re.compile(
        rf"\b(?:{alternation(words, ignore_case=True)}|{alternation(symbols, ignore_case=False)})\b"
    )


def _explicit_usd(text: str) -> bool:
    patterns = _explicit_dollar_patterns()
    return any(
        code == "USD" and bool(exact.search(text) or words.search(text))
        for code, exact, words, _ in patterns
    )

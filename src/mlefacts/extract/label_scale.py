"""The scale a label names for the sums under it: a pay table headed 'Salary by role (LPA)', a
list under 'Average salary by city (in lakhs)', a column '($K)' write '₹6–9', '₹18.5', '$150'
and mean 6-9 lakh, 18.5 lakh, 150 thousand.

A sum is read in its label's scale only when it states none of its own and is small (under
1,000): '$120,000' under '($K)' is a slip of the label, not 120 million. A scale word right
after a number in the label counts something else ('data from 1.2 million offers').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from mlefacts.extract.context import Amount, phrase_pattern
from mlefacts.normalize.money import sign_symbols
from mlefacts.normalize.numbers import general_scales
from mlefacts.toml_files import load_data

_SCALED_BELOW = 1000
_AFTER_NUMBER = re.compile(r"\d\s*$")


def scaled_by_label(amount: Amount, *labels: str | None) -> Amount:
    """The sum in the one scale its labels name, else as written.

    >>> from mlefacts.extract.context import amounts
    >>> [(a.value, a.value_high) for a in amounts("₹6–9", 0, 4)]
    [(6.0, 9.0)]
    >>> cell = amounts("₹6–9", 0, 4)[0]
    >>> scaled = scaled_by_label(cell, "Salary by role (LPA)")
    >>> (scaled.value, scaled.value_high)
    (600000.0, 900000.0)
    >>> scaled_by_label(amounts("₹18.4", 0, 5)[0], "Salary (LPA)").value  # not 1839999.99...
    1840000.0
    """
    if amount.scale is not None or amount.value >= _SCALED_BELOW:
        return amount
    factor = label_factor(*labels)
    return amount if factor is None else amount.times(factor)


@lru_cache(maxsize=4096)  # headers and captions are the pages' words
def label_factor(*labels: str | None) -> float | None:
    """The factor of the one scale the labels name as a unit, else None.

    >>> label_factor("Market size (USD billion)"), label_factor("2030 (USD Mn)", None)
    (1000000000.0, 1000000.0)
    >>> label_factor("Salary"), label_factor("Postings (from 1.2 million ads)")
    (None, None)
    """
    named = {scale for label in labels if label for scale in _scales_named(label)}
    return float(load_data("scales")[named.pop()]["value"]) if len(named) == 1 else None


def label_currency(label: str) -> str | None:
    """The currency of the one salary shorthand a label names ('Average CTC (LPA)': INR), else
    None: the shorthand is that currency's own, so its column needs no currency sign.

    >>> label_currency("Average CTC (LPA)"), label_currency("Salary (USD K)")
    ('INR', None)
    """
    compounds = load_data("quantity_words")["compound_scales"]
    named = {
        compounds[word].get("currency")
        for word, pattern in _compound_words()
        if (match := pattern.search(label)) and not _AFTER_NUMBER.search(label, 0, match.start())
    }
    return named.pop() if len(named) == 1 else None


@cache
def _compound_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per salary shorthand, the shorthand as a whole word."""
    compounds = load_data("quantity_words")["compound_scales"]
    return tuple((word, re.compile(rf"\b{re.escape(word)}\b")) for word in compounds)


def _scales_named(label: str) -> set[str]:
    """The scales a label names as a unit, not after a number ('from 1.2 million postings')."""
    found = [
        (scale, match)
        for scale, pattern in (*_scale_patterns(), *_compound_patterns())
        for match in pattern.finditer(label)
    ]
    return {scale for scale, match in found if not _AFTER_NUMBER.search(label, 0, match.start())}


@cache
def _compound_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per salary shorthand ('LPA', 'L.P.A.'), its scale and the shorthand as a whole word."""
    compounds = load_data("quantity_words")["compound_scales"]
    return tuple((str(compounds[word]["scale"]), pattern) for word, pattern in _compound_words())


@cache
def _scale_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per scale, its words anywhere in a label ('in lakhs', 'USD thousands') or its short
    symbol alone in parentheses, after a currency's sign or code ('($K)', '(€k)', '(₹ L)',
    '(USD k)')."""
    patterns = []
    signs = "|".join(map(re.escape, sign_symbols()))
    for scale, entry in general_scales().items():
        symbols = "|".join(re.escape(s) for s in [*entry["symbols"], *entry["joined_only"]])
        alone = (
            rf"\(\s*(?:[^\w\s]{{0,3}}|(?-i:[A-Z]{{3}}))\s*(?:{symbols})\s*\)" if symbols else None
        )
        named = [f"(?i:{phrase_pattern(tuple(entry['words'])).pattern})"] if entry["words"] else []
        if cjk := [s for s in entry["joined_only"] if not s.isascii()]:
            # a scale of the scripts written without spaces, set a space apart from its sign
            # ('in 만 원'); not a Latin letter ending a word ('Minimum £/day')
            named.append(rf"(?:{'|'.join(map(re.escape, cjk))})\s(?:{signs})")
        patterns.append((scale, re.compile("|".join([*named, *([alone] if alone else [])]))))
    return tuple(patterns)

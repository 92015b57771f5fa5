"""Pay of one role set against another's with a figure: 'ML engineers earn about 12% more than
data scientists', 'AI engineers command a 56% premium over software engineers', 'C$9,500 above
what software developers make'.

One `comparison` claim a figure, attribute `pay_difference`: the role before the figure (its
clause's), `compared_with` the role the comparison names right after it, the value signed
(more, above, a premium: positive; less, below, a discount: negative) in percent or in the
figure's money, with the city or country its sentence names. A sentence must speak of pay
(`salary_terms` pay words): '30% more postings than data scientists' is demand, no pay.
`salary` reads such sums as differences, never as pay; the comparison without a figure stays
`comparisons`'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mlefacts.document.model import Document
from mlefacts.extract.claim import Claim
from mlefacts.extract.context import (
    Sentence,
    amounts,
    clause_bounds,
    collect,
    find_roles,
    own_city,
    single_country,
    vocabulary,
)
from mlefacts.extract.grammar import flat
from mlefacts.extract.salary import negated
from mlefacts.extract.table_frame import single_year

NAME = "pay_gaps"
VERSION = "1"

# Right after the figure: what it is more or less than ('more than', 'higher than what', 'above
# what ... make'), or a premium's or gap's noun and its other side ('premium over', 'pay gap
# with').
_AGAINST = re.compile(
    r"\s+(?:(?P<way>more|less|higher|lower|above|below)(?:\s+on\s+average)?\s+(?:than\s+)?"
    r"|(?:(?:pay|salary|wage)\s+)?(?P<noun>premium|discount|gap)\s+(?:over|on|above|against|"
    r"to|compared\s+(?:with|to)|relative\s+to)\s+)",
    re.IGNORECASE,
)
# How far after that cue the other role may be named ('than what software developers make').
_OTHER_REACH = 40
_FALLS = ("less", "lower", "below", "discount")


def extract(doc: Document) -> list[Claim]:
    """Pay differences between roles in the document's prose sentences with a figure."""
    return collect(doc, _read_sentence, name=NAME, needs_digit=True)


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    claims: list[Claim] = []
    for amount in amounts(text, sentence.start, sentence.end):
        if amount.unit != "percent" and not amount.is_money:
            continue
        against = _AGAINST.match(text, amount.end, sentence.end)
        if against is None:
            continue
        after = min(sentence.end, against.end() + _OTHER_REACH)
        others = find_roles(text[against.end() : after])
        clause_start, _ = clause_bounds(text, sentence.start, sentence.end, amount.start)
        own = find_roles(text[clause_start : amount.start]) or find_roles(
            text[sentence.start : amount.start]
        )
        if not others or not own or others[0][2] == own[-1][2]:
            continue
        if (
            not vocabulary("salary_terms", "salary_words", "strong").search(
                text, sentence.start, sentence.end
            )
            and not against["noun"]
        ):
            continue  # '30% more postings than data scientists': no pay
        way = (against["way"] or against["noun"]).lower()
        own_words = text[sentence.start : sentence.end]
        qualifiers = {"compared_with": others[0][2], "cue": " ".join(against.group().split())}
        if city := own_city(own_words):  # '... 8% less than ML engineers in London'
            qualifiers["city"] = city
        if country := single_country(own_words):
            qualifiers["country"] = country
        claim = Claim.from_amount(
            negated(amount) if way in _FALLS else amount,
            kind="comparison",
            subject=own[-1][2],
            attribute="pay_difference",
            char_start=sentence.start,
            char_end=sentence.end,
            extractor=NAME,
            year=single_year(own_words),
            qualifiers=qualifiers,
        )
        claims.append(replace(claim, text=flat(text[sentence.start : sentence.end])))
    return claims

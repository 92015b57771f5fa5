"""Pay of one role set against another's with a figure: 'ML engineers earn about 12% more than
data scientists', 'AI engineers command a 56% premium over software engineers', 'C$9,500 above
what software developers make', 'ML engineers earn 1.9 times the average for software
developers', '$25,500 a year ahead of software engineers', 'ML engineers
out-earn data scientists by about 10%', or a premium of the two roles named before it
('£78,500 for an ML engineer, against £62,000 for a software engineer: a premium of 27%').

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
    Amount,
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
from mlefacts.extract.page_frame import than_earlier
from mlefacts.extract.salary import OUT_EARNS, names_pay_word, negated
from mlefacts.extract.table_frame import single_year
from mlefacts.normalize.quantities import optional_hedge

NAME = "pay_gaps"
VERSION = "1"

# Right after the figure: what it is more or less than ('more than', 'higher than what', 'above
# what ... make'), or a premium's or gap's noun and its other side ('premium over', 'pay gap
# with').
_AGAINST = re.compile(
    r"(?:\s+(?:a|per)\s+(?:year|month))?"  # '$25,500 a year ahead of'
    r"\s+(?:(?P<way>more|less|higher|lower|above|below|ahead\s+of|behind|de\s+plus|de\s+moins)"
    # '... more a year than', French '€ de plus par an qu'un ...'
    r"(?:\s+on\s+average|\s+(?:a|per)\s+(?:year|month)|\s+par\s+(?:an|mois))?"
    # ('6% more in total compensation than': what is compared, before 'than')
    r"\s+(?:in\s+(?:[\w-]+\s+){1,3}?(?=than\b))?(?:than\s+|qu(?:e\s+|['’]))?"
    r"|(?:(?:pay|salary|wage)\s+)?(?P<noun>premium|discount|gap)\s+(?:over|on|above|against|"
    r"to|compared\s+(?:with|to)|relative\s+to)\s+"
    # a multiple's ('1.9 times the average for software developers', '2x what analysts make')
    r"|(?P<times>(?:the\s+(?:average|median|mean|typical)\s+(?:(?:pay|salary|wage)\s+)?"
    r"(?:for|of)|as\s+much\s+as|what))\s+)",
    re.IGNORECASE,
)
# Right before the figure: a verb that sets the clause's role above another ('ML engineers
# out-earn data scientists by about 10%': `salary.OUT_EARNS`), or a premium's noun whose two
# sides the sentence named before it ('£78,500, against £62,000 for a software engineer: a
# premium of 27%'). (a hedge, `quantity_words.toml` `hedges`, may stand before the figure)
_NOUN_OF = re.compile(
    rf"\b(?P<noun>premium|discount|gap)\s+of\s+{optional_hedge()}$", re.IGNORECASE
)
# What goes on to a second gap of the same role right before its figure: ' and roughly '.
_GOES_ON = re.compile(rf"\s(?:and|while|but)\s+{optional_hedge()}\Z", re.IGNORECASE)
# What makes a multiple one of pay: a pay word or a verb of being paid in its sentence.
_PAID = re.compile(
    r"\b(?:earn\w*|make|makes|made|paid|pay|pays|salar\w*|wages?|take\s+home|takes\s+home|"
    r"compensation|income)\b",
    re.IGNORECASE,
)
# The people a role's pay is set against when they are no role: its peers ('their peers at IT
# services firms', 'other staff at the same firms', 'workers with similar jobs').
_PEERS = re.compile(
    r"(?:their\s+|the\s+)?(?P<group>peers|colleagues|counterparts|other\s+(?:staff|workers|"
    r"employees)|workers\s+(?:with|in)\s+similar\s+jobs)\b",
    re.IGNORECASE,
)
_OVER = re.compile(r"\s+(?:over|above)\s+", re.IGNORECASE)
# How far after that cue the other role may be named ('than what software developers make').
_OTHER_REACH = 40
_FALLS = ("less", "lower", "below", "behind", "discount", "de moins")


def extract(doc: Document) -> list[Claim]:
    """Pay differences between roles in the document's prose sentences with a figure."""
    return collect(doc, _read_sentence, name=NAME, needs_digit=True)


def _read_sentence(doc: Document, sentence: Sentence) -> list[Claim]:
    text = doc.text
    claims: list[Claim] = []
    figures = amounts(text, sentence.start, sentence.end)
    # a sum of money beside the figure is pay ('a median £52,000, 30% above junior software
    # engineers (£40,000)')
    paid = any(a.is_money for a in figures)
    previous: tuple[str, str, int] | None = None  # the last gap's role, other role and end
    for amount in figures:
        if amount.unit not in ("percent", "ratio") and not amount.is_money:
            continue
        sides = _sides(text, sentence, amount)
        if sides is None:
            continue
        own, other, way, cue, of_pay = sides
        if (amount.unit == "ratio") != (way == "times"):
            continue  # a multiple sets pay against pay by its 'times' alone, a percent never
        if way == "times" and not _PAID.search(text, sentence.start, sentence.end):
            continue  # 'receive 3x as much as data scientists in recruiter outreach': no pay
        if (
            previous is not None
            and own == previous[1]
            and _GOES_ON.search(text, previous[2], amount.start)
        ):
            # '16% ahead of data scientists and roughly $25,500 a year ahead of software
            # engineers': the second gap is the first one's role's too
            own = previous[0]
        previous = (own, other, amount.end)
        if own == other:
            continue
        strong = vocabulary("salary_terms", "salary_words", "strong")
        if not (
            of_pay
            or paid
            or strong.search(text, sentence.start, sentence.end)
            or _pay_page(doc, sentence)
        ):
            continue  # '30% more postings than data scientists': no pay
        own_words = text[sentence.start : sentence.end]
        qualifiers = {"compared_with": other, "cue": cue}
        if city := own_city(own_words):  # '... 8% less than ML engineers in London'
            qualifiers["city"] = city
        if country := single_country(own_words):
            qualifiers["country"] = country
        claim = Claim.from_amount(
            negated(amount) if way in _FALLS else amount,
            kind="comparison",
            subject=own,
            attribute="pay_difference",
            char_start=sentence.start,
            char_end=sentence.end,
            extractor=NAME,
            year=single_year(own_words),
            qualifiers=qualifiers,
        )
        claims.append(replace(claim, text=flat(text[sentence.start : sentence.end])))
    return claims


def _pay_page(doc: Document, sentence: Sentence) -> bool:
    """Whether a sentence that names no jobs stands on a page whose title speaks of pay ('Do ML
    engineers really earn more?' over 'Data scientists are advertised at only 4% above software
    engineers'): its gaps between roles are of pay."""
    return names_pay_word(doc.title or "") and not vocabulary(
        "market_terms", "demand", "words"
    ).search(doc.text, sentence.start, sentence.end)


def _sides(text: str, sentence: Sentence, amount: Amount) -> tuple[str, str, str, str, bool] | None:
    """(role, the role it is set against, the way, the cue, whether the cue itself speaks of
    pay: a premium's noun, 'out-earn') of a figure that states a pay difference, else None."""
    if than_earlier().match(text, amount.end, sentence.end):
        return None  # '3.8% higher than a year earlier': a change over time (`salary`'s)
    against = _AGAINST.match(text, amount.end, sentence.end)
    if against is not None:
        after = min(sentence.end, against.end() + _OTHER_REACH)
        others = [role for *_, role in find_roles(text[against.end() : after])]
        clause_start, _ = clause_bounds(text, sentence.start, sentence.end, amount.start)
        own = find_roles(text[clause_start : amount.start]) or find_roles(
            text[sentence.start : amount.start]
        )
        if not others and (peers := _PEERS.match(text, against.end(), sentence.end)):
            # 'a 7.5% premium over peers in similar jobs', '6.8% more than other staff at the
            # same firms': the role's own peers, the group it is set against
            others = [" ".join(peers["group"].lower().split())]
        if not others or not own:
            return None
        way = " ".join((against["way"] or against["noun"] or "times").lower().split())
        cue = " ".join(against.group().split())
        of_pay = bool(against["noun"] or OUT_EARNS.search(text, sentence.start, amount.start))
        return own[-1][2], others[0], way, cue, of_pay
    out_earns = OUT_EARNS.search(text, sentence.start, amount.start)
    if out_earns is not None:  # 'ML engineers out-earn data scientists by about 10%'
        own = find_roles(text[sentence.start : out_earns.start()])
        others = find_roles(out_earns["other"])
        if not own or not others:
            return None
        return own[-1][2], others[0][2], "more", " ".join(out_earns.group().split()), True
    noun_of = _NOUN_OF.search(text, sentence.start, amount.start)
    # '... for an ML engineer, against ... for a software engineer: a premium of 27%'
    if noun_of is not None:
        named = list(
            dict.fromkeys(role for *_, role in find_roles(text[sentence.start : noun_of.start()]))
        )
        over = _OVER.match(text, amount.end, sentence.end)
        peers = over and _PEERS.match(text, over.end(), sentence.end)
        if len(named) == 1 and peers:  # 'earn a premium of 7.5% over peers in similar jobs'
            named.append(" ".join(peers["group"].lower().split()))
        if len(named) != 2:
            return None
        noun = noun_of["noun"].lower()
        return named[0], named[1], noun, " ".join(noun_of.group().split()), True
    return None

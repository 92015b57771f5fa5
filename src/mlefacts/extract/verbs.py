"""Work verbs in all their forms, so 'designs', 'designing' and 'design' are one verb.

The base forms live in `data/prose_terms.toml`; the inflections follow English spelling rules,
with the irregular forms listed beside the verbs. Responsibilities and comparisons read verb
phrases with it ('they build X, train Y, and deploy Z').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from mlefacts.frozen import quick_init
from mlefacts.toml_files import load_data

VerbForm = Literal["base", "s", "ing", "past"]

_VOWELS = frozenset("aeiou")


@quick_init
@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A work verb found in text: its span, base form and which form it was written in."""

    start: int
    end: int
    base: str
    form: VerbForm


def inflections(base: str) -> dict[VerbForm, str]:
    """The -s, -ing and -ed forms of a (possibly multi-word) verb by spelling rule.

    >>> inflections("deploy")["s"], inflections("run")["ing"], inflections("create")["ing"]
    ('deploys', 'running', 'creating')
    >>> inflections("work on")["s"], inflections("apply")["past"]
    ('works on', 'applied')
    """
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    return {
        "base": base,
        "s": _s_form(head) + tail,
        "ing": _ing_form(head) + tail,
        "past": _past_form(head) + tail,
    }


def _s_form(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _doubles(verb: str) -> bool:
    """'run' -> 'running': a short verb ending consonant-vowel-consonant doubles its last letter."""
    return (
        len(verb) <= 4
        and len(verb) >= 3
        and verb[-1] not in _VOWELS | {"w", "x", "y"}
        and verb[-2] in _VOWELS
        and verb[-3] not in _VOWELS
    )


def _ing_form(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + verb[-1] + "ing" if _doubles(verb) else verb + "ing"


def _past_form(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    return verb + verb[-1] + "ed" if _doubles(verb) else verb + "ed"


@cache
def _forms() -> dict[str, tuple[str, VerbForm]]:
    """Every written form of every work verb, lower case, with its base and form."""
    vocabulary = load_data("prose_terms")
    forms: dict[str, tuple[str, VerbForm]] = {}
    for base in vocabulary["responsibility"]["verbs"]:
        for form, written in inflections(base).items():
            forms.setdefault(written, (base, form))  # type: ignore[arg-type]
    for base, written_forms in vocabulary["irregular_verbs"].items():
        for written in written_forms:
            forms.setdefault(written, (base, "ing" if written.endswith("ing") else "past"))
    return forms


@cache
def _by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str, VerbForm], ...]]:
    """Forms indexed by their first word, longest first: a word lookup, not one regex of a
    thousand alternatives (which would dominate extraction time)."""
    index: dict[str, list[tuple[tuple[str, ...], str, VerbForm]]] = {}
    for written, (base, form) in _forms().items():
        words = tuple(written.split())
        index.setdefault(words[0], []).append((words, base, form))
    return {
        word: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for word, entries in index.items()
    }


_WORD = re.compile(r"[A-Za-z](?:[\w-]*\w)?")
_SPACE = re.compile(r"\s+")


def verb_at(text: str, position: int, end: int | None = None) -> VerbMatch | None:
    """The work verb that starts exactly at `position`, if any.

    >>> verb_at("they also deploy models", 10).base
    'deploy'
    >>> verb_at("they also deploy models", 5) is None
    True
    """
    end = len(text) if end is None else end
    if position > 0 and (text[position - 1].isalnum() or text[position - 1] in "_-"):
        return None
    word = _WORD.match(text, position, end)
    return _verb_from(text, word, end) if word else None


def find_verbs(text: str, start: int = 0, end: int | None = None) -> list[VerbMatch]:
    """Every work verb in text[start:end], in order."""
    end = len(text) if end is None else end
    found: list[VerbMatch] = []
    cursor = start
    for word in _WORD.finditer(text, start, end):
        if word.start() < cursor:
            continue
        if word.start() > 0 and text[word.start() - 1] == "-":
            continue
        verb = _verb_from(text, word, end)
        if verb is not None:
            found.append(verb)
            cursor = verb.end
    return found


def _verb_from(text: str, word: re.Match[str], end: int) -> VerbMatch | None:
    entries = _by_first_word().get(word.group().lower())
    if not entries:
        return None
    for words, base, form in entries:
        stop = word.end()
        for following in words[1:]:
            space = _SPACE.match(text, stop, end)
            if space is None:
                break
            nxt = _WORD.match(text, space.end(), end)
            if nxt is None or nxt.group().lower() != following:
                break
            stop = nxt.end()
        else:
            return VerbMatch(word.start(), stop, base, form)
    return None

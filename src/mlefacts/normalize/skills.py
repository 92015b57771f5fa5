"""Skill names in text, mapped to one canonical name and category from data/skills.toml.

The matcher works on word tokens rather than one big regex: an alias is a tuple of lower-cased
tokens, and the words of an alias may be joined by spaces, a hyphen or a slash, so 'scikit-learn',
'scikit learn' and 'Scikit - learn' are one alias. Longest match wins and matches never overlap.
Names that are also common words match only as written (case_sensitive), and single letters such
as 'R' only inside a run of other skills ('Python, R and Java') or after 'language(s)' (in_list).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from mlefacts.frozen import quick_init
from mlefacts.normalize._data import UNSPACED_SCRIPTS, trie
from mlefacts.normalize.text import fold_case, folded_page
from mlefacts.toml_files import load_data

# A word: each character of an unspaced script is one ('Pythonの経験' yields 'Python'), and a
# list marker's digits stand apart from the word glued to them ('1.Python').
_TOKEN: Final = re.compile(
    rf"[{UNSPACED_SCRIPTS}]|\d+(?=\.[^\W\d_])"
    rf"|[^\W_{UNSPACED_SCRIPTS}]+(?:\.[^\W_{UNSPACED_SCRIPTS}]+)*[+#]*|&"
)
# `_TOKEN` on lower-cased ASCII text, where it reads the same (no unspaced script, `\w` is
# [a-z0-9_]); its plain letter ranges test faster than the Unicode classes (most pages are ASCII).
_ASCII_WORD = r"\d+(?=\.[a-z])|[a-z0-9]+(?:\.[a-z0-9]+)*[+#]*|&"
_ASCII_TOKEN_AT: Final = re.compile(_ASCII_WORD)
# The same with the run of text skipped before the token: the next token from where one ends.
_ASCII_TOKEN: Final = re.compile(rf"[^a-z0-9&]*({_ASCII_WORD})")
# Text allowed between the tokens of one alias: spaces around at most one hyphen or slash; a
# hard-wrapped line too, whether its break is kept or read as a space before the next line's
# indent ('data\n    labeling', 'data     labeling').
_JOINER: Final = re.compile(
    r"(?:[ \t\u00a0]{0,3}[-/–][ \t\u00a0]{0,3}|[ \t\u00a0]{0,3}\n[ \t\u00a0]{0,8}|[ \t\u00a0]{0,9})"
)
# Text allowed between two skills of one list: separators, list markers, 'and'/'or' and the
# figure of the skill before ('Python 78%, R 9%').
# A token of lower-cased ASCII text after the text that joins it to the token before: a
# token starts at the first letter, digit or '&' after one ends, and `_JOINER` holds none,
# so it matches where `_JOINER` matches all the text between them.
_ASCII_JOINED: Final = re.compile(rf"{_JOINER.pattern}({_ASCII_WORD})")
# ... or a name and the kind it is one of: 'Feast or another feature store', 'Ray or a similar
# framework'.
_LIST_GAP: Final = re.compile(
    r"[\s,;/|&()•·*\-–—、・，／（）]*(?:\b(?:and|or|and/or|&)\b"
    r"(?:\s+(?:another|other|any\s+other|a\s+similar|similar|an\s+equivalent)\b)?)?"
    r"[\s,;/|&()•·*\-–—、・，／（）\d.%]*",
    re.IGNORECASE,
)
_MAX_LIST_GAP: Final = 16
_LANGUAGE_CUE: Final = re.compile(
    r"\blanguages?\b[\s:,]*(?:such\s+as|like|including|e\.g\.,?)?[\s:,]*\Z", re.IGNORECASE
)
# Words that give an example of a kind of thing ('a feature store such as Feast'): the name after
# them is the example, a product.
_EXAMPLE_CUE: Final = re.compile(
    r"\b(?:such\s+as|e\.g\.|for\s+example|for\s+instance)[\s:,]*\Z", re.IGNORECASE
)


@quick_init
@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One skill named in text: offsets into the text, the taxonomy entry and the alias matched."""

    start: int
    end: int
    canonical: str
    category: str
    alias: str
    exact: bool = False  # the alias matches only as written ('Spark', 'dbt'): a product's name


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str
    category: str
    alias: str
    in_list: bool
    exact: bool = False


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    folded: dict[tuple[str, ...], _Entry]
    exact: dict[tuple[str, ...], _Entry]
    starts: frozenset[str]
    # Every run of an alias's first tokens, lower-cased: a run that is none starts no alias.
    prefixes: frozenset[tuple[str, ...]]
    # The runs that a longer alias goes on from: after any other, no token is read.
    extended: frozenset[tuple[str, ...]]
    # The case-sensitive aliases, lower-cased: a run of words none of them is needs no exact look.
    exact_folded: frozenset[tuple[str, ...]]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(text))


@cache
def _taxonomy() -> _Taxonomy:
    folded: dict[tuple[str, ...], _Entry] = {}
    exact: dict[tuple[str, ...], _Entry] = {}
    for skill in load_data("skills")["skill"]:
        case_sensitive = bool(skill.get("case_sensitive", False))
        for alias in skill["aliases"]:
            entry = _Entry(
                skill["name"],
                skill["category"],
                alias,
                bool(skill.get("in_list")),
                case_sensitive,
            )
            tokens = _tokens(alias)
            if case_sensitive:
                exact[tokens] = entry
            else:
                folded[tuple(t.lower() for t in tokens)] = entry
    keys = [tuple(token.lower() for token in key) for key in (*folded, *exact)]
    return _Taxonomy(
        folded,
        exact,
        frozenset(key[0] for key in keys),
        frozenset(key[:size] for key in keys for size in range(1, len(key) + 1)),
        frozenset(key[:size] for key in keys for size in range(1, len(key))),
        frozenset(tuple(token.lower() for token in key) for key in exact),
    )


def canonical_skill(name: str) -> tuple[str, str] | None:
    """(canonical name, category) of a skill name, or None.

    >>> canonical_skill("Scikit be taught"), canonical_skill("Pytorch"), canonical_skill("R")
    (('scikit-learn', 'ml_library'), ('PyTorch', 'ml_framework'), ('R', 'language'))
    >>> canonical_skill("JavaScript")[0], canonical_skill("cooking") is None
    ('JavaScript', True)
    """
    tokens = _tokens(name)
    taxonomy = _taxonomy()
    entry = taxonomy.exact.get(tokens) or taxonomy.folded.get(tuple(t.lower() for t in tokens))
    return (entry.canonical, entry.category) if entry else None


# A token of lower-cased text, and where it starts and ends (offsets into the text searched).
_Token = tuple[str, int, int]


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, _Entry]]:
    """Longest alias at each token that can start one, left to right, without overlaps."""
    span = text[start:end]
    if not span.isascii():
        return _unicode_candidates(text, start, end)
    # ASCII lower-casing keeps every offset. A word that can open an alias is found by one scan
    # (`_opening_pattern`); the tokens are read only from there.
    low = span.lower()
    places = _places(text, start, end, low)
    starts = _taxonomy().starts
    found: list[tuple[int, int, _Entry]] = []
    free = start  # a token before this is inside the alias found before
    for at in places:
        if start + at < free:
            continue
        word = _ASCII_TOKEN_AT.match(low, at)
        if word is None or word.group() not in starts:
            continue
        if at >= 2 and low[at - 1] == "." and low[at - 2].isalnum() and not _token_at(low, at):
            continue
        token = (word.group(), start + at, start + word.end())
        alias = _alias_at(text, token, _ascii_joined(low, start, word.end()))
        if alias is not None:
            found.append(alias)
            free = alias[1]
    return found


def _places(text: str, start: int, end: int, low: str) -> list[int]:
    """Where an alias may be written in the ASCII span text[start:end] (`low`, its lower case),
    as offsets into `low`: the places `_opening_pattern` finds in the span, and at most some
    that a later token of the alias reaches past the span from (the tokens, read in the span,
    find no alias there, so `_candidates` finds the same).

    A page's places are read from one scan of it (`_page_places`): each is found from the
    character before it (a space at the span's start) and the alias written after it, the
    same characters in the page and in the span, and an alias that the span holds is found
    in the page (the pattern reads past the span only where the span ends with a whole word).
    A span that starts or ends inside a word of the folded page is scanned alone.
    """
    if len(text) >= _PAGE:
        folded = folded_page(text)
        if not (start and folded[start - 1] in _ALNUM) and folded[end : end + 1] not in _ALNUM:
            places = _page_places(text)
            first, stop = bisect_left(places, start), bisect_left(places, end)
            return [at - start for at in places[first:stop]]
    # Each match is the character before a place; the space put first stands for the span's
    # start, so a match there is the place 0.
    return [match.start() for match in _opening_pattern().finditer(" " + low)]


# A text this long is a page, whose places are found by one scan for all its spans.
_PAGE = 1000
# What `_opening_pattern` reads as a letter or digit: no place starts after one.
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=8)
def _page_places(text: str) -> list[int]:
    """Where an alias may be written in a page (see `_opening_pattern`), in its folded text."""
    return [match.start() for match in _opening_pattern().finditer(" " + folded_page(text))]


def _unicode_candidates(text: str, start: int, end: int) -> list[tuple[int, int, _Entry]]:
    """`_candidates` of a span that is not all ASCII, token by token."""
    tokens = [(m.group().lower(), *m.span()) for m in _TOKEN.finditer(text, start, end)]
    starts = _taxonomy().starts
    found: list[tuple[int, int, _Entry]] = []
    free = start
    for index, token in enumerate(tokens):
        if token[0] in starts and token[1] >= free:
            alias = _alias_at(text, token, _joined(text, token, tokens[index + 1 :]))
            if alias is not None:
                found.append(alias)
                free = alias[1]
    return found


def _alias_at(
    text: str, first: _Token, following: Iterator[_Token]
) -> tuple[int, int, _Entry] | None:
    """The longest alias that starts with the token `first`, the tokens after it `following`
    (those joined to the one before as `_JOINER` joins an alias's words)."""
    taxonomy = _taxonomy()
    tokens = [first]
    words = (first[0],)
    while words in taxonomy.extended and (token := next(following, None)) is not None:
        longer = (*words, token[0])
        if longer not in taxonomy.prefixes:
            break
        tokens.append(token)
        words = longer
    for n in range(len(tokens), 0, -1):
        key = words[:n]
        entry = None
        if key in taxonomy.exact_folded:
            entry = taxonomy.exact.get(tuple(text[s:e] for _, s, e in tokens[:n]))
        entry = entry or taxonomy.folded.get(key)
        if entry is not None:
            return tokens[0][1], tokens[n - 1][2], entry
    return None


def _ascii_tokens(low: str, start: int, position: int) -> Iterator[_Token]:
    """The tokens of lower-cased ASCII text `low` from `position`, where one ends or the text
    starts (offsets into `low` plus `start`)."""
    while (match := _ASCII_TOKEN.match(low, position)) is not None:
        yield match.group(1), start + match.start(1), start + match.end(1)
        position = match.end()


def _ascii_joined(low: str, start: int, position: int) -> Iterator[_Token]:
    """`_ascii_tokens` up to the first that `_JOINER` does not join to the one before: what
    it reads between them holds no letter, so reads the same in the lower-cased text."""
    while (match := _ASCII_JOINED.match(low, position)) is not None:
        yield match.group(1), start + match.start(1), start + match.end(1)
        position = match.end()


def _joined(text: str, first: _Token, following: Sequence[_Token]) -> Iterator[_Token]:
    """The tokens `following` the token `first` up to the first that `_JOINER` does not join
    to the one before."""
    before = first
    for token in following:
        if not _JOINER.fullmatch(text, before[2], token[1]):
            return
        yield token
        before = token


def _token_at(low: str, at: int) -> bool:
    """Whether a token starts at `at` in lower-cased ASCII text, right after a dot that follows
    a letter or digit: only where the token before ends there ('1.Python' is two tokens,
    'node.js' one). Elsewhere a word starts a token after any character that is no letter or
    digit."""
    position = at - 1
    while position > 0 and (low[position - 1].isalnum() or low[position - 1] == "."):
        position -= 1  # back to where no token reaches: before the run of letters, digits, dots
    for _, token_start, _ in _ascii_tokens(low, 0, position):
        if token_start >= at:
            return token_start == at
    return False


@cache
def _opening_pattern() -> re.Pattern[str]:
    """Where an alias may be written in lower-cased ASCII text: after a character that is no
    letter or digit (which the regex engine looks for in its own loop), each alias's tokens as
    written, joined as `_JOINER` joins them, a token ending where one can. Every token opens so
    but '&' (no alias opens with it), and an alias's words follow one another so; the scan
    leaves to the tokens only the places where an alias is written. One pattern, compiled once
    a process (it is large): the text's start is read as a space put before it.
    """
    taxonomy = _taxonomy()
    keys = sorted(
        key for key in {*taxonomy.folded, *taxonomy.exact_folded} if "".join(key).isascii()
    )
    signed = [key for key in keys if not key[0][0].isalnum()]
    if signed:
        raise ValueError(f"skill aliases open with a sign, which no scan here finds: {signed}")
    joiner = r"[^a-z0-9]{0,12}"  # what `_JOINER` joins a token to the next with, and more
    written = [
        [
            *(piece for token in key[:-1] for piece in (*map(re.escape, token), joiner)),
            *map(re.escape, key[-1]),
            "" if key[-1].endswith(("+", "#")) else "(?![a-z0-9])",
        ]
        for key in keys
    ]
    return re.compile(f"[^a-z0-9](?={trie(written)})")


def _listed(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] separates two items of one list ('Python, R', 'R or C++')."""
    return hi - lo <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(text, lo, hi) is not None


def _accept_listed(
    text: str, found: list[tuple[int, int, _Entry]], start: int, languages: bool
) -> list[bool]:
    """Keep in_list skills only next to an accepted skill, after 'language(s)' (or in a text
    that stands under a header of languages) or as an example ('such as Feast')."""
    accepted = [languages or not entry.in_list for _, _, entry in found]
    if all(accepted):
        return accepted  # no in_list skill to weigh: most texts
    for index, (s, _, entry) in enumerate(found):
        if entry.in_list and any(
            cue.search(text, max(start, s - 40), s) for cue in (_LANGUAGE_CUE, _EXAMPLE_CUE)
        ):
            accepted[index] = True
    for order in (range(len(found)), range(len(found) - 1, -1, -1)):
        for index in order:
            if accepted[index]:
                continue
            s, e, _ = found[index]
            if index > 0 and accepted[index - 1] and _listed(text, found[index - 1][1], s):
                accepted[index] = True
            if (
                index + 1 < len(found)
                and accepted[index + 1]
                and _listed(text, e, found[index + 1][0])
            ):
                accepted[index] = True
    return accepted


def _acts(
    text: str,
    start: int,
    end: int,
    found: list[tuple[int, int, _Entry]],
    opens: Sequence[int] | None = None,
) -> list[tuple[int, int, _Entry]]:
    """A practice named by what is done to what ('deploys our ranking models', 'put a model
    into production'), where no alias is written inside it: an `acts` form of skills.toml.
    Verbs may share the object ('train, evaluate and retrain models'), and a pronoun stands for
    models named earlier in its sentence ('deploying models and monitoring them', 'deploy
    models and monitor their performance').

    >>> [m.canonical for m in find_skills("I deploy our ranking models.", acts=True)]
    ['model deployment']
    >>> [m.canonical for m in find_skills("monitoring rather than models", acts=True)]
    []
    >>> [m.canonical for m in find_skills("Train, evaluate and retrain models", acts=True)]
    ['model evaluation']
    >>> [m.canonical for m in find_skills("Ship models and monitor them.", acts=True)]
    ['model deployment', 'model monitoring']
    >>> [m.canonical for m in find_skills("Read the reports. Monitor them.", acts=True)]
    []
    >>> [m.canonical for m in find_skills("Deploy them to production.", acts=True)]
    ['model deployment']
    """
    acts = []
    for act in _act_matches(text, start, end, opens):
        if (
            "models?" in act[2].alias
            and _PRONOUN.search(text[act[0] : act[1]])
            and not _models_before(text, start, act[0])
        ):
            # 'deploy them to production' with no models named before: not 'deploy models',
            # but maybe another form that names no models ('deploy ... to production')
            retried = _act_at(text, act[0], end)
            if retried is None:
                continue
            act = retried
        act_start, act_end, entry = act
        if any(
            s < act_end and act_start < e and (s <= act_start or other.canonical == entry.canonical)
            for s, e, other in found
        ):
            continue  # 'deploy models behind an API': the alias names it
        acts.append(act)
    return acts


# An act found: where its form matches in the text, and the form's entry.
_Act = tuple[int, int, _Entry]


def _act_matches(
    text: str, start: int, end: int, opens: Sequence[int] | None = None
) -> Iterator[_Act]:
    """The `acts` forms in text[start:end], left to right and without overlaps, as one regex
    of all the forms would find them: at each place the first form (in skills.toml's order)
    that matches there. One scan of the folded span (`_act_forms`); given `opens` (see
    `find_skills`), a match tried at each instead: the same, since each match of the scan is
    the one character before its form, so it finds every place where a match starts, and a
    form's place is one of `opens`."""
    if opens is not None and not opens:
        return  # no form opens in the span: it need not be folded
    scan, entries = _act_forms()
    folded = _folded_from(text, start, end)  # from the character before `start`
    matches: Iterable[re.Match[str]]
    if opens is None:
        matches = scan.finditer(folded)
    else:  # the character before the word at `at` is folded[at - start]
        matches = [found for at in opens if (found := scan.match(folded, at - start))]
    free = start  # a form found before this is inside the act found before
    opened = start  # where the act found before starts
    for found in matches:
        act = _act_of(found, start, entries)
        if act[0] >= free or _COORDINATED.fullmatch(text, opened, act[0]):
            # 'clean and label training data': the verbs share the object, each its own act
            yield act
            opened, free = act[0], max(free, act[1])


def _act_at(text: str, at: int, end: int) -> _Act | None:
    """The first `acts` form that matches at `at` with no pronoun for models, if any."""
    scan, entries = _act_forms(pronouns=False)
    found = scan.match(_folded_from(text, at, end))
    return None if found is None else _act_of(found, at, entries)


def _folded_from(text: str, start: int, end: int) -> str:
    r"""text[start:end] folded (`fold_case`), after the character before it, which the forms'
    `\b` reads (a space at the text's start, as none there)."""
    return fold_case((text[start - 1] if start else " ") + text[start:end])


def _act_of(found: re.Match[str], start: int, entries: tuple[_Entry, ...]) -> _Act:
    """The act of a match of `_act_forms` in `_folded_from(text, start, end)`: from the place
    after the one character matched to the form's empty group, where it ends (the folded
    string opens one character before `start`), and the form's entry."""
    form = found.lastindex
    return start + found.start(), start - 1 + found.start(form), entries[form - 1]


def _models_before(text: str, start: int, position: int) -> bool:
    """Whether models are named in the sentence before `position` (back to `start`)."""
    opening = max(text.rfind(stop, start, position) for stop in (". ", "! ", "? ", "\n"))
    return _MODELS.search(text, max(start, opening), position) is not None


_PRONOUN = re.compile(r"\b(?:them|it|their|its)\b", re.IGNORECASE)
# The verbs before another that share its object: 'clean and ', 'build, test, '.
# A comma or 'and'/'or' must join them: 'Evaluate deployed models' is one act on deployed models.
_COORDINATED = re.compile(
    r"[\w-]+(?:\s*,\s*[\w-]+)*(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)", re.IGNORECASE
)
_MODELS = re.compile(r"\bmodels?\b", re.IGNORECASE)


@cache
def _act_forms(*, pronouns: bool = True) -> tuple[re.Pattern[str], tuple[_Entry, ...]]:
    r"""Every skill's `acts` forms as one pattern over folded text (`_folded_from`): each match
    is the character before a place where a form matches, with an empty group of its own where
    the first form that matches there (in skills.toml's order) ends, and the entry of each group.

    The forms are read in lower case, case-sensitively, in the folded text: there they match
    what they match case-insensitively in the text, at the same offsets, since folding keeps
    each character's offset and whether it is a word character or a space, and makes a
    character an ASCII letter exactly where a case-insensitive regex matches it to that letter
    (tests/test_normalize_skills.py checks every code point); so the forms must be ASCII, with
    no escape that a lower case changes (`\W`, `\S`) nor flags of their own. Case-sensitive,
    the regex engine passes over the words no form opens with at once, where a
    case-insensitive alternation would try every form at every word.

    `{gap}` in a form stands for up to three words ('our ranking', 'at least one'), none of
    them a conjunction ('monitoring rather than models' monitors nothing) or one that opens a
    clause ('keep an eye on documentation so that models ...'), after up to two verbs that
    share the object (', evaluate and retrain'); a form's 'models' may also be 'them' or 'it'
    (`_acts` checks that models were named before), unless not `pronouns`."""
    forms: list[tuple[str, _Entry, list[str]]] = []  # lower-cased form, entry and first words
    for skill in load_data("skills")["skill"]:
        for form in skill.get("acts", ()):
            if not form.isascii() or re.search(r"\\[A-Z]|\(\?", form):
                raise ValueError(f"an acts form the folded text cannot be read for: {form}")
            entry = _Entry(skill["name"], skill["category"], form, in_list=False)
            forms.append((form.lower(), entry, _first_words(form.lower())))
    words = sorted({word for *_, firsts in forms for word in firsts})
    if not words:
        return re.compile(r"(?!)"), ()
    unread = [word for word in words if not _LETTERS_WRITTEN.match(word)]
    if unread:
        raise ValueError(f"acts forms open with words the scan cannot find: {unread}")
    # Every match opens with one of the forms' first words: a lookahead of them as a trie rules
    # out the other words at once. Then the forms are tried in their order, each once for each
    # letter its first words open with, cut to the first words of that letter (`_opening_cut`),
    # in one group a letter: each group opens with its letter, which the regex engine compares
    # before it enters one, so only the forms of the letter there are tried (and the others
    # are passed over once a letter, not once a form).
    opening = trie([list(w) if w.isalpha() else [w.replace(" ", r"\s+")] for w in words])
    letters = sorted({word[0] for word in words})
    chosen = [
        [
            (_form_regex(_opening_cut(form, letter), pronouns=pronouns), entry)
            for form, entry, firsts in forms
            if any(word[0] == letter for word in firsts)
        ]
        for letter in letters
    ]
    body = "|".join(f"(?:{'|'.join(regex for regex, _ in group)})" for group in chosen)
    scan = re.compile(rf"[^a-z0-9_](?=(?<!\w)(?={opening}\b)(?:{body}))")
    return scan, tuple(entry for group in chosen for _, entry in group)


# A word of an `acts` form's gap, read whole (`++`): a space, which must follow it, is none of
# its characters, so no shorter word could be followed by one.
_GAP = (
    r"(?:(?!(?:and|or|but|rather|than|not|instead|without|so|that|which|who|whose|when"
    r"|where|while|if|whether)\b)[\w'’-]++\s+){0,3}?"
)
# Verbs that share the object, before the first gap.
_SHARED = r"(?:\s*,\s*[\w-]+|\s+(?:and|or)\s+[\w-]+){0,2}"


def _form_regex(form: str, *, pronouns: bool) -> str:
    r"""The regex of a lower-cased `acts` form (see `_act_forms`). It ends in an empty group,
    the form's own: a group around it would open before its first letter, which the regex
    engine could then no longer compare before it tries the form. It needs no `\b` before it:
    `_act_forms` asserts `(?<!\w)` there, and a letter follows."""
    written = re.sub(r"\((?!\?)", "(?:", form)
    written = written.replace(" {gap} ", _SHARED + r"\s+" + _GAP, 1)
    written = written.replace(" {gap} ", r"\s+" + _GAP).replace(" ", r"\s+")
    if pronouns:
        written = written.replace("models?", "(?:models?|them|it)")
    return rf"{written}\b()"


def _opening_cut(form: str, letter: str) -> str:
    """A lower-cased `acts` form whose opening group holds only its first words that open with
    `letter`: where a word opens with that letter, the others cannot match there.

    >>> _opening_cut("(deploy|serve|deploys) {gap} models?", "d")
    '(deploy|deploys) {gap} models?'
    """
    opening = re.match(r"\(([^()]*)\)", form)
    if opening is None:
        return form  # one first word, which opens with the letter
    kept = [word for word in opening.group(1).split("|") if word[0] == letter]
    return f"({'|'.join(kept)}){form[opening.end() :]}"


def _first_words(form: str) -> list[str]:
    """The first words of a lower-cased `acts` form, as regexes: its opening group's
    alternatives ('(deploy|deploys)'), else its first word."""
    opening = re.match(r"\(([^()]*)\)|[\w-]+", form)
    return opening.group(1).split("|") if opening.group(1) else [opening.group()]


@cache
def act_openings() -> tuple[str, ...]:
    """What the `acts` forms' first words open with, written out letter by letter up to a
    letter made optional or any other sign ('deploy'; 'alarm' of 'alarms?', 'containeri' of
    'containeri[sz]e'): every match of a form has one of them where a word starts in the
    folded text, right after the one character the match opens with. `find_skills`'s `opens`
    are where they are.

    >>> {"deploy", "alarm", "containeri"} <= set(act_openings())
    True
    """
    forms = (
        form.lower() for skill in load_data("skills")["skill"] for form in skill.get("acts", ())
    )
    return tuple(sorted({_written_letters(word) for form in forms for word in _first_words(form)}))


def _written_letters(word: str) -> str:
    """The letters a first word of a form opens with as written (see `act_openings`)."""
    letters = _LETTERS_WRITTEN.match(word)
    if letters is None:
        raise ValueError(f"acts forms open with words the scan cannot find: {[word]}")
    return letters.group()


# Letters a regex matches as written: each one that no quantifier makes optional. A form's
# first word must open with one: where it is written in folded text is read by that letter.
_LETTERS_WRITTEN = re.compile(r"(?:[a-z](?![?*{]))+")


def skill_alone(label: str, *, languages: bool = False) -> SkillMatch | None:
    """The one skill a label names and nothing else, its emphasis and separators aside
    ('PyTorch', '**SQL**', 'scikit-learn'); None for 'Python developers' or 'Python, SQL'.

    >>> skill_alone("**scikit-learn**").canonical, skill_alone("Python developers")
    ('scikit-learn', None)
    >>> skill_alone("Large language models (LLMs)").canonical
    'large language models'
    """
    name = label.strip(_LABEL_EDGES)
    found = find_skills(name, languages=languages) if name else []
    if len(found) == 1 and found[0].start == 0 and names_all(name, found[0].end, len(name)):
        return found[0]
    if len(found) == 2 and found[0].canonical == found[1].canonical:
        # 'Large language models (LLMs)': the name and its abbreviation in brackets
        rest = name[: found[0].start] + name[found[0].end : found[1].start] + name[found[1].end :]
        if found[0].start == 0 and _BRACKETS.fullmatch(rest):
            return found[0]
    return None


_BRACKETS = re.compile(r"\s*\(\s*\)\s*")
# What may follow a skill's name in a label that names it alone: a slash and a generic word
# in lower case ('Bash/shell', 'Jupyter / notebooks').
_SLASHED_WORD = re.compile(r"\s*/\s*[a-z][a-z-]{1,15}\s*")


_LANGUAGES_HEADER = re.compile(r"\blanguages?\b", re.IGNORECASE)


def names_languages(header: str) -> bool:
    """Whether a column header says its cells are languages ('Language', 'Top languages'),
    where 'Go' or 'R' alone is the language."""
    return _LANGUAGES_HEADER.search(header) is not None


def names_all(text: str, skill_end: int, label_end: int) -> bool:
    """Whether a skill ending at `skill_end` is all its label (up to `label_end`) names."""
    return skill_end == label_end or bool(_SLASHED_WORD.fullmatch(text, skill_end, label_end))


# What may stand around a label's name: emphasis, separators, a colon ('.NET' keeps its dot).
_LABEL_EDGES = " \t*_:;,–—-•·"


def find_skills(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    languages: bool = False,
    acts: bool = False,
    opens: Sequence[int] | None = None,
) -> list[SkillMatch]:
    """Skills named in text[start:end], longest alias first, offsets into `text`; with
    `languages` (a cell under a header of languages), 'Go' and 'R' alone are languages; with
    `acts`, practices named by what is done too ('deploys our ranking models': `_acts`), which
    only the skills extractor reads (a share's or a ranking's item is named, not done). A
    caller that knows where in the span the `act_openings` start a word of the folded text
    (from its index of the page) gives those positions as `opens`, in order: the forms are
    tried only there instead of at every word.

    >>> [m.canonical for m in find_skills("Programming experience in Python, R, Java, C++, etc.")]
    ['Python', 'R', 'Java', 'C++']
    >>> [m.canonical for m in find_skills("Knowledge of Huge Information frameworks like Hadoop")]
    ['big data', 'Hadoop']
    """
    end = len(text) if end is None else end
    found = _candidates(text, start, end)
    if acts and (done := _acts(text, start, end, found, opens)):
        found = sorted([*found, *done], key=lambda item: item[0])
    if not found:
        return []
    accepted = _accept_listed(text, found, start, languages)
    other = _initials_of_other_things(text) if "(" in text else frozenset()
    named = [
        SkillMatch(s, e, entry.canonical, entry.category, entry.alias, entry.exact)
        for (s, e, entry), ok in zip(found, accepted, strict=True)
        if ok and text[s:e] not in other
    ]
    platforms = [platform for match in named if (platform := _platform_named(text, match))]
    return sorted([*named, *platforms], key=lambda m: (m.start, m.end)) if platforms else named


_PLATFORM_CATEGORY = "cloud"


def _platform_named(text: str, match: SkillMatch) -> SkillMatch | None:
    """The cloud platform a product's name opens with ('AWS SageMaker', 'Azure Machine
    Learning', 'Google Cloud Vertex AI'): the page names the platform too.

    >>> [m.canonical for m in find_skills("Deploy on AWS SageMaker.")]
    ['AWS', 'Amazon SageMaker']
    """
    if match.category == _PLATFORM_CATEGORY:
        return None
    written = text[match.start : match.end]
    opening = written.lstrip(_LABEL_EDGES)
    # A word lower-cased opens with its first character lower-cased (no character before it
    # changes how it folds): one that no platform's word opens with rules out the word unread.
    if opening[:1].lower()[:1] not in _platform_initials():
        return None
    first = _TOKEN.match(opening)
    if first is None or first.group().lower() not in _platform_starts():
        return None  # each opening asked about starts with this word: none names a platform
    for word in list(re.finditer(r"\S+", written))[:-1]:
        platform = skill_alone(written[: word.end()])
        if platform is not None and platform.category == _PLATFORM_CATEGORY:
            end = match.start + word.end()
            return SkillMatch(
                match.start, end, platform.canonical, platform.category, text[match.start : end]
            )
    return None


@cache
def _platform_starts() -> frozenset[str]:
    """The first words (lower-cased) of the platforms' aliases: `skill_alone` finds a platform
    only in a label that opens with one (its match, or the product whose name opens with it,
    starts the label)."""
    taxonomy = _taxonomy()
    return frozenset(
        key[0].lower()
        for table in (taxonomy.folded, taxonomy.exact)
        for key, entry in table.items()
        if entry.category == _PLATFORM_CATEGORY
    )


@cache
def _platform_initials() -> frozenset[str]:
    """The first characters of `_platform_starts`."""
    return frozenset(word[0] for word in _platform_starts())


# An abbreviation a text defines in brackets after the words it abbreviates.
_DEFINED = re.compile(r"\(([A-Z][A-Z0-9&]{1,6})\)")
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "&", "to", "in", "on"})


@lru_cache(maxsize=64)
def _initials_of_other_things(text: str) -> frozenset[str]:
    """The abbreviations a text defines as the initials of words that name no skill: after
    'Annual Wage Supplement (AWS)', 'AWS' is that payment, not Amazon Web Services (which
    'Amazon Web Services (AWS)' defines as the skill it is).

    >>> sorted(_initials_of_other_things("a one-month Annual Wage Supplement (AWS) on top"))
    ['AWS']
    >>> sorted(_initials_of_other_things("Annual Wage Supplement (AWS), Amazon Web Services (AWS)"))
    []
    """
    defined: dict[str, bool] = {}
    for match in _DEFINED.finditer(text):
        abbreviation = match.group(1)
        words = text[max(0, match.start() - 80) : match.start()].split()
        letters = [w for w in words if w.lower() not in _MINOR_WORDS]
        phrase = letters[-len(abbreviation) :]
        if len(phrase) < len(abbreviation) or "".join(w[0] for w in phrase).upper() != abbreviation:
            continue
        named = {m.canonical for m in find_skills(" ".join(phrase))}
        alias = {m.canonical for m in find_skills(abbreviation)}
        defined[abbreviation] = defined.get(abbreviation, False) or bool(named & alias)
    return frozenset(abbreviation for abbreviation, skill in defined.items() if not skill)

"""Qualitative consensus: which skills and responsibilities sources agree on.

Skills group by canonical name (qualifiers.canonical, else text), case- and punctuation-blind.
Responsibilities group into the themes of `data/responsibility_themes.toml` (the method is
described at the top of that file); those matching no theme form one group per normalized text.
A group's row counts its claims and sources; `consensus_claims` lists them, one row per claim (a
skill that every article names would make a list in its row grow with the corpus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from mlefacts.contract import TABLE_COLUMNS, stable_id
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import group_codes, text_key, tokens
from mlefacts.toml_files import load_data

CONSENSUS_COLUMNS = TABLE_COLUMNS["consensus"]
CONSENSUS_CLAIM_COLUMNS = TABLE_COLUMNS["consensus_claims"]
# Rows of consensus_claims `Consensus.claims` gives at a time.
CONSENSUS_CLAIM_CHUNK_ROWS = 20_000
_SUFFIXES = ("ments", "ment", "ings", "ing", "ions", "ion", "ed")
_MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Theme:
    """A responsibility theme and the keywords that put a responsibility in it."""

    id: str
    label: str
    keywords: tuple[str, ...]


@lru_cache(maxsize=1)
def responsibility_themes() -> tuple[Theme, ...]:
    """The themes in file order (earlier themes win ties)."""
    data = load_data("responsibility_themes")
    return tuple(Theme(t["id"], t["label"], tuple(t["keywords"])) for t in data["theme"])


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A light suffix stripper so inflections meet: deploying, deployment, deploys -> deploy.

    >>> [stem(t) for t in ("deploying", "deployment", "deploys", "processes", "evaluate")]
    ['deploy', 'deploy', 'deploy', 'process', 'evaluat']
    """
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            token = token[: -len(suffix)]
            break
    else:
        if token.endswith("es") and token[:-2].endswith(("s", "x", "z", "ch", "sh")):
            token = token[:-2]
        elif token.endswith("s") and not token.endswith("ss") and len(token) > _MIN_STEM:
            token = token[:-1]
    if token.endswith("e") and len(token) > _MIN_STEM:
        token = token[:-1]
    return token


def stemmed(text: str) -> str:
    """Lower-case, tokenized, stemmed text: the form themes are matched on."""
    return " ".join(stem(t) for t in tokens(text))


def assign_themes(texts: list[str], *, threshold: float) -> list[str | None]:
    """The theme id of each responsibility text, or None when no keyword matches.

    A keyword matches when rapidfuzz token_set_ratio(keyword, text) >= threshold (both stemmed;
    keywords that stem alike count once); the theme with most matched keywords wins, ties to
    the earlier theme.
    """
    if not texts:
        return []
    themes = responsibility_themes()
    unique = sorted(set(texts))
    pairs = sorted({(i, stemmed(k)) for i, t in enumerate(themes) for k in t.keywords})
    keyword_theme = np.array([i for i, _ in pairs])
    keywords = [k for _, k in pairs]
    scores = process.cdist(
        keywords, [stemmed(t) for t in unique], scorer=fuzz.token_set_ratio, dtype=np.uint8
    )
    matched = scores >= threshold
    counts = np.zeros((len(themes), len(unique)), dtype=np.int32)
    np.add.at(counts, keyword_theme, matched)
    best = counts.argmax(axis=0)
    found = {
        text: themes[best[i]].id if counts[best[i], i] > 0 else None
        for i, text in enumerate(unique)
    }
    return [found[t] for t in texts]


def responsibility_groups(texts: list[str], config: ReconcileConfig) -> tuple[list[str], list[str]]:
    """The group key and label of each responsibility text: its theme, else its stemmed text."""
    themes = {t.id: t.label for t in responsibility_themes()}
    theme_ids = assign_themes(texts, threshold=config.theme_threshold)
    # Each distinct text is stemmed once: a responsibility many articles state recurs.
    unthemed = {
        t: f"text:{stemmed(t)}" for t in {t for i, t in zip(theme_ids, texts, strict=True) if not i}
    }
    keys = [
        f"theme:{tid}" if tid else unthemed[text]
        for tid, text in zip(theme_ids, texts, strict=True)
    ]
    labels = [themes[tid] if tid else text for tid, text in zip(theme_ids, texts, strict=True)]
    return keys, labels


@dataclass(slots=True)
class _Group:
    """What one group needs of its claims: their ids and sources (for consensus_claims), the
    distinct sources, and counts."""

    labels: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    claim_ids: list[str] = field(default_factory=list)
    claim_sources: list[str] = field(default_factory=list)


class Consensus:
    """The consensus and consensus_claims tables of prepared witness claims fed in any number
    of chunks (`add`): a group holds its claims' ids and sources, not their rows (a skill that
    every article names grows with the corpus)."""

    def __init__(self, config: ReconcileConfig) -> None:
        self._config = config
        self._groups: dict[tuple[int, str, str], _Group] = {}

    def add(self, claims: pd.DataFrame) -> None:
        skills = claims[(claims["kind"] == "skill") & claims["label"].notna()]
        labels = [str(label) for label in skills["label"]]
        self._add(0, skills, [text_key(label) for label in labels], labels)
        duties = claims[(claims["kind"] == "responsibility") & claims["label"].notna()]
        keys, labels = responsibility_groups([str(t) for t in duties["label"]], self._config)
        self._add(1, duties, keys, labels)

    def _add(self, kind: int, claims: pd.DataFrame, keys: list[str], labels: list[str]) -> None:
        """Claims with their group keys and labels, taken a group at a time (a group has many
        claims: a skill that most articles name), in their order within each group."""
        if claims.empty:
            return
        skeys, subjects, sources, ids = (
            claims[c].to_numpy(dtype=object) for c in ("skey", "subject", "source_id", "claim_id")
        )
        names = np.asarray(labels, dtype=object)
        codes, first = group_codes(skeys, np.asarray(keys, dtype=object))
        order = np.argsort(codes, kind="stable")
        sizes = np.bincount(codes, minlength=len(first))
        ends = np.cumsum(sizes)
        for row, start, end in zip(
            first.tolist(), (ends - sizes).tolist(), ends.tolist(), strict=True
        ):
            at = order[start:end]
            group = self._groups.get((kind, skeys[row], keys[row]))
            if group is None:
                group = self._groups[(kind, skeys[row], keys[row])] = _Group()
            group.labels.update(names[at].tolist())
            group.subjects.update(subjects[at].tolist())
            group.sources.update(sources[at].tolist())
            group.claim_ids += ids[at].tolist()
            group.claim_sources += sources[at].tolist()

    def table(self) -> pd.DataFrame:
        rows = [
            _row(_KINDS[kind], skey, key, group)
            for (kind, skey, key), group in sorted(self._groups.items(), key=lambda i: i[0])
        ]
        frame = pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)
        frame = frame.astype({"n_sources": "int64", "n_claims": "int64"})
        if frame.empty:
            return frame
        frame = frame.assign(_neg=-frame["n_sources"]).sort_values(
            ["kind", "subject", "_neg", "group_key"], kind="stable"
        )
        return frame.drop(columns="_neg").reset_index(drop=True)

    def claims(self, rows: int = CONSENSUS_CLAIM_CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        """The consensus_claims rows (unsorted), `rows` at a time; one empty frame when there
        are none (a run's table has at least one file)."""
        held: dict[str, list[str]] = {c: [] for c in CONSENSUS_CLAIM_COLUMNS}
        given = 0
        for (kind, skey, key), group in sorted(self._groups.items(), key=lambda i: i[0]):
            group_id = stable_id(_KINDS[kind], str(skey), str(key))
            for claim_id, source in zip(group.claim_ids, group.claim_sources, strict=True):
                held["group_id"].append(group_id)
                held["claim_id"].append(claim_id)
                held["source_id"].append(source)
                if len(held["claim_id"]) >= rows:
                    yield pd.DataFrame(held, columns=CONSENSUS_CLAIM_COLUMNS, dtype=object)
                    held = {c: [] for c in CONSENSUS_CLAIM_COLUMNS}
                    given += 1
        if held["claim_id"] or not given:
            yield pd.DataFrame(held, columns=CONSENSUS_CLAIM_COLUMNS, dtype=object)


def consensus_claims_frame(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """consensus_claims rows as the table: sorted by group and claim."""
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return frame.sort_values(["group_id", "claim_id"], kind="stable").reset_index(drop=True)


_KINDS = ("skill", "responsibility")


def _row(kind: str, skey: str, group_key: str, group: _Group) -> dict[str, object]:
    label = min(group.labels, key=lambda name: (-group.labels[name], name))
    subject = min(group.subjects, key=lambda name: (-group.subjects[name], name))
    return {
        "group_id": stable_id(kind, str(skey), str(group_key)),
        "kind": kind,
        "subject": str(subject),
        "group_key": str(group_key),
        "label": label,
        "n_sources": len(group.sources),
        "n_claims": len(group.claim_ids),
    }

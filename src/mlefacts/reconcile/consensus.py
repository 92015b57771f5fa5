"""Qualitative consensus: which skills and responsibilities sources agree on.

Skills group by canonical name (qualifiers.canonical, else text), case- and punctuation-blind.
Responsibilities group into the themes of `data/responsibility_themes.toml` (the method is
described at the top of that file); those matching no theme form one group per normalized text.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from mlefacts.contract import TABLE_COLUMNS, stable_id
from mlefacts.reconcile.config import ReconcileConfig
from mlefacts.reconcile.keys import text_key, tokens
from mlefacts.toml_files import load_data

CONSENSUS_COLUMNS = TABLE_COLUMNS["consensus"]
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
    keys = [
        f"theme:{tid}" if tid else f"text:{stemmed(text)}"
        for tid, text in zip(theme_ids, texts, strict=True)
    ]
    labels = [themes[tid] if tid else text for tid, text in zip(theme_ids, texts, strict=True)]
    return keys, labels


def consensus(claims: pd.DataFrame, config: ReconcileConfig) -> pd.DataFrame:
    """Groups of skill and responsibility claims, with how many sources name each."""
    skills = claims[(claims["kind"] == "skill") & claims["label"].notna()]
    skills = skills.assign(
        group_key=[text_key(str(label)) for label in skills["label"]],
        group_label=skills["label"].astype(str),
    )
    duties = claims[(claims["kind"] == "responsibility") & claims["label"].notna()]
    texts = [str(t) for t in duties["label"]]
    keys, labels = responsibility_groups(texts, config)
    duties = duties.assign(group_key=keys, group_label=labels)
    rows = [*_groups(skills, "skill"), *_groups(duties, "responsibility")]
    frame = pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)
    frame["n_sources"] = frame["n_sources"].astype("int64")
    if frame.empty:
        return frame
    frame = frame.assign(_neg=-frame["n_sources"]).sort_values(
        ["kind", "subject", "_neg", "group_key"], kind="stable"
    )
    return frame.drop(columns="_neg").reset_index(drop=True)


def _groups(members: pd.DataFrame, kind: str) -> list[dict[str, object]]:
    rows = []
    for (skey, group_key), group in members.groupby(["skey", "group_key"], sort=True):
        labels = Counter(group["group_label"])
        label = min(labels, key=lambda name: (-labels[name], name))
        subjects = Counter(group["subject"])
        subject = min(subjects, key=lambda name: (-subjects[name], name))
        sources = sorted({str(s) for s in group["source_id"]})
        rows.append(
            {
                "group_id": stable_id(kind, str(skey), str(group_key)),
                "kind": kind,
                "subject": str(subject),
                "group_key": str(group_key),
                "label": label,
                "n_sources": len(sources),
                "source_ids": json.dumps(sources),
                "claim_ids": json.dumps(sorted(str(c) for c in group["claim_id"])),
            }
        )
    return rows

"""Reconcile a run's claims part by part into validated shards of the tables reconcile derives.

Apart from the batch code (`mlefacts.pipeline`): the processes that reconcile (the flow's, or
reconcile's worker processes under the default runner) import this, not parsing and
extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from mlefacts.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from mlefacts.reconcile.stage import reconcile_chunks
from mlefacts.staging import shard_path, write_shard
from mlefacts.validate import concat_rejections, validate_table

if TYPE_CHECKING:
    from mlefacts.assemble import PartRows


@dataclass(frozen=True, slots=True)
class ReconcilePart:
    """One part of a run's claims to reconcile (`mlefacts.reconcile.parts`): its claims, in
    frames read as they are used; the sources they name (and those of the same bytes); the
    folder its tables are written into; the claims of the run's largest part (how many parts
    may be reconciled at once: `mlefacts.runner.reconcile_workers`)."""

    claims: PartRows
    sources: pd.DataFrame
    folder: Path
    largest: int


# What reconciling a part gives: each of its tables' files, and the rows they rejected.
Reconciled = tuple[dict[str, list[str]], pd.DataFrame]


def reconcile_parts(
    parts: Iterable[ReconcilePart], run_id: str, config: ReconcileConfig
) -> list[Reconciled]:
    """Each part reconciled here, one after another (`reconcile_tables`), in their order."""
    return [
        reconcile_tables(
            part.claims, part.sources, run_id=run_id, folder=part.folder, config=config
        )
        for part in parts
    ]


def reconcile_tables(
    claims: pd.DataFrame | Iterable[pd.DataFrame],
    sources: pd.DataFrame,
    *,
    run_id: str,
    folder: Path,
    config: ReconcileConfig | None = None,
) -> Reconciled:
    """Conflicts, facts and consensus from the validated claims, whole or in frames (under
    `config`, else the default tolerances), validated in turn and written chunk by chunk into
    `folder`
    (`reconcile.reconcile_chunks`): returns each table's files and the rejected rows. A
    chunk's tables are validated and written one at a time, each validated copy let go before
    the next table's is made (the first chunk of a part holds its conflicts, facts and
    consensus; a conflict's or a group's claims come after, 20,000 at a time, as
    conflict_claims, fact_claims and consensus_claims)."""
    files: dict[str, list[str]] = {}
    rejected = []
    parts = reconcile_chunks(claims, sources, config=config or DEFAULT_CONFIG)
    for index, tables in enumerate(parts):
        for name in list(tables):
            valid, bad = validate_table(name, tables.pop(name), run_id=run_id)
            rejected.append(bad)
            path = shard_path(folder, name, index)
            write_shard(path, name, valid)
            files.setdefault(name, []).append(str(path))
            del valid
    return files, concat_rejections(rejected)

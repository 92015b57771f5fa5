"""Whether compaction's sort of a table too large for DuckDB grows with the corpus, not its square.

    .venv/bin/python bench/bucket_sort.py [--rows 1000000] [--times 3]

Rows of ~300 bytes of text (a claim's size) in a random order go through the buckets
`RunTables._sorted_by_keys` sorts by (`_scatter`, then `_gather` per bucket) at `--rows` rows
and at `--times` as many; the CPU seconds per million rows of each are printed, and their
ratio, which stays near 1 where the work grows with the rows. Each bucket's file holds a batch
per `SCATTER_BYTES` of the whole table, so a bucket's reading that costs something per batch
and frame grows with the square of the corpus: the claims of 100,000 articles took 1,122 s to
compact against 39 s at 10,000 that way (2026-12-06).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from mlefacts import assemble


def sort_seconds(n: int) -> tuple[float, float]:
    """CPU seconds to scatter `n` shuffled rows into sorting buckets and to gather them back
    in order."""
    place = np.random.default_rng(0).permutation(n)
    sizes = 200 + np.arange(n) % 200
    rows = pa.table(
        {
            "quote": pa.array(["x" * int(size) for size in sizes]),
            "_place": pa.array(place, pa.int64()),
        }
    )
    bucket_of_place = np.cumsum(sizes[np.argsort(place)]) // assemble.SORT_BUCKET_BYTES
    read_rows = min(assemble.SORT_READ_ROWS, n * assemble.SORT_READ_BYTES // int(sizes.sum()))
    with tempfile.TemporaryDirectory() as folder:
        started = time.process_time()
        buckets = assemble._scatter(
            (rows.slice(start, 20_000) for start in range(0, n, 20_000)),
            lambda batch: bucket_of_place[batch["_place"].to_numpy()],
            Path(folder),
            ["_place"],
        )
        scattered = time.process_time()
        gathered = 0
        for bucket in sorted(buckets):
            for frame in assemble._gather(buckets[bucket], ["_place"], read_rows):
                gathered += frame.num_rows
        done = time.process_time()
    if gathered != n:
        raise RuntimeError(f"{gathered} rows came back of {n}")
    return scattered - started, done - scattered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the smaller table")
    parser.add_argument("--times", type=int, default=3, help="the larger table's rows / --rows")
    args = parser.parse_args()
    per_million = []
    for n in (args.rows, args.rows * args.times):
        scatter, gather = sort_seconds(n)
        per_million.append((scatter + gather) * 1e6 / n)
        print(
            f"{n:>10,} rows  scatter {scatter:6.2f} s  gather {gather:6.2f} s  "
            f"{per_million[-1]:5.2f} CPU s per million rows"
        )
    print(f"per-row cost at {args.times}x the rows: {per_million[1] / per_million[0]:.2f}x")


if __name__ == "__main__":
    main()

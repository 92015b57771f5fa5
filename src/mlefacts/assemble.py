"""The run's global stages over its shards, in DuckDB: what no single batch can see.

Each batch validated its own rows. Here the run stamps its id on them and checks what needs the
whole corpus, as SQL over the shards: an id repeated across batches (the first batch keeps it,
the repeats become rejections), sources that failed this run keeping their last published rows
(marked stale), the inputs of reconcile, and the final sort order in which each table is
compacted into one Parquet file. DuckDB streams and spills to the staging area, so memory does
not grow with the corpus.
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mlefacts.contract import TABLE_ORDER
from mlefacts.publish.parquet import (
    canonical_schema,
    to_arrow,
    to_pandas,
    write_row_groups,
)
from mlefacts.publish.snapshots import current_snapshot, snapshot_dir
from mlefacts.schemas import column_specs
from mlefacts.sources.rawzone import RawZone
from mlefacts.staging import SHARD_TABLES, UNSTAMPED, BatchSummary
from mlefacts.validate import (
    concat_rejections,
    orphan_rejections,
    repeat_rejections,
    unique_columns,
)

# Where each row came from, so that reconcile reads the rows in the order one process would
# have made them (batch after batch, then the carried stale rows); never published.
_ORIGIN = ("_carried", "_file", "_row")
# A part's rows in order: by part, then as made.
_PART_KEYS = ("_part", *_ORIGIN)
# What a source that failed this run keeps of its last good publish: its content's columns.
_CARRIED_SOURCE_COLUMNS = ("content_sha256", "n_chars", "media_type", "charset", "fetched_at")
# Origin columns: what the manifest states wins, as on a good fetch (a failed fetch's row holds
# only that, `pipeline._stated_origin`); else the last good publish's, read from its page or
# composed (a reader still finds and cites the source by them).
_STATED_SOURCE_COLUMNS = (
    "title",
    "publisher",
    "published",
    "license",
    "page_url",
    "accessed",
    "citation",
)
_CARRIED_TABLES = ("documents", "claims", "figures")
# One thread: the sorts of the compaction hold one thread's buffers, ~100 MB less at 5,000
# articles than two (the memory limit, spilling to the staging area, bounds the rest).
MEMORY_LIMIT = "256MB"
# DuckDB gives its allocator's freed memory back to the system after a statement that took more
# than this (its default, 128 MB, kept what the run's large joins and sorts had taken: at
# 100,000 articles ~145 MB more RSS while reconcile read its parts).
ALLOCATOR_FLUSH = "4MB"
# What DuckDB's allocator keeps of freed memory goes back to the system from a thread of its
# own, as it ages: without it, after the documents' rows were scattered at 100,000 articles,
# DuckDB kept ~80 MB that no statement used while compaction's buffers came on top.
ALLOCATOR_BACKGROUND_THREADS = True
# Every table is compacted sorting only its keys (`RunTables._sorted_by_keys`): DuckDB cannot
# sort whole rows within its memory limit at 100,000 articles (documents: ~1.5 GB of text,
# "failed to pin block" at 256 and 512 MB; claims: 4 million rows with their quotes). The rows
# come through buckets of this much text, read in rows of at most this many at a time (each
# read of a bucket takes a slice of every batch it was written in: reads of 1,000 rows took
# three times as long to sort 3 million claim-sized rows).
SORT_BUCKET_BYTES = 32 * 2**20
SORT_READ_ROWS = 10_000
# Fewer rows at a time where rows are wide, so that one read holds about this much text on
# average: 1,000 rows of schema 1's consensus of 100,000 articles (100 rows, each listing every
# claim of its group: 106 MB) were the whole table at once, where at 10,000 articles it was
# ~10 MB; schema 2's conflict rows named every source they compared (up to 16 MB there).
SORT_READ_BYTES = 4 * 2**20
# Sorted keys read at a time (24 bytes a row).
KEY_READ_ROWS = 100_000
# DuckDB's memory limit while it sorts a table's keys: a sort takes all the memory it may before
# it spills, so at 100,000 articles the claims' keys (4.4 million rows) took the whole
# `MEMORY_LIMIT` (+190 MB of RSS against this limit) where the 10,000 run's fit in less.
SORT_MEMORY_LIMIT = "128MB"
# The table of every source's reconcile columns that `RunTables.sources_of` looks parts up in.
_SOURCES_OF = "_sources_of"
# Rows of a part (`RunTables.parts`) read at a time: a part is as large as its largest group,
# which grows with the corpus.
PART_READ_ROWS = 20_000
# Distinct values of a part's `by` (`RunTables.parts`) read at a time (a multiple of DuckDB's
# 2,048-row vectors).
PROFILE_READ_ROWS = 10_240
# Files open at once while rows are written into buckets (`_scatter`): consecutive parts share
# a bucket beyond this many parts.
MAX_BUCKETS = 256
# Rows `_scatter` holds before writing them out, each bucket's as one batch. Writing each batch
# read (`SORT_READ_ROWS`) bucket by bucket made writes of a few rows, as many per batch as
# there are buckets, so their number grew with the square of the corpus (at 100,000 articles
# 71 s of reconcile's 498 went to writing the parts, 2.5 s at 10,000).
SCATTER_BYTES = 8 * 2**20


@dataclass(slots=True)
class RunTables:
    """The run's shard-backed tables as DuckDB views named like the tables (`sources`,
    `documents`, `claims`, `figures`, `rejections`): each row once, stale rows carried."""

    con: duckdb.DuckDBPyConnection
    folder: Path
    # Rows the whole-run checks rejected: ids repeated across batches, orphans.
    rejected: pd.DataFrame
    n_sources_failed: int

    def count(self, name: str) -> int:
        return int(self.con.sql(f"SELECT count(*) FROM {name}").fetchall()[0][0])

    def frame(
        self, name: str, *, columns: Sequence[str] | None = None, where: str = ""
    ) -> pd.DataFrame:
        """A table's `columns` (else all but derived ones: what validation saw, not what
        publishing adds) as pandas, rows matching the SQL `where`, in the order they were made."""
        if columns is None:
            columns = [spec["name"] for spec in column_specs(name) if "derived_from" not in spec]
        filtered = f" WHERE {where}" if where else ""
        table = self.con.sql(
            f"SELECT {_names(columns)} FROM {name}{filtered} ORDER BY {', '.join(_ORIGIN)}"
        ).to_arrow_table()
        return to_pandas(name, table)

    def sources_of(self, source_ids: pa.Array, columns: Sequence[str]) -> pd.DataFrame:
        """The `columns` of the sources of these ids and of every source with the same bytes
        (`content_sha256`) as one of them, as pandas, in the order they were made: what
        reconcile reads of the sources of one part of the claims (whether a source is a copy
        depends on the lowest id among those of its bytes). Looked up in a table of `columns`
        of every source, made at the first call (`forget_sources` drops it): a part costs the
        lookup, not a read of every source."""
        table = _SOURCES_OF
        if not self.con.sql(
            f"SELECT count(*) FROM duckdb_tables() WHERE table_name = '{table}'"
        ).fetchall()[0][0]:
            self.con.execute(
                f"CREATE TEMP TABLE {table} AS SELECT {_names(columns)}, "
                f"{', '.join(_ORIGIN)} FROM sources"
            )
        self.con.register("_sources_of_ids", pa.table({"source_id": source_ids}))
        try:
            found = self.con.sql(
                f"SELECT {_names(columns)} FROM {table} WHERE source_id IN "
                "(SELECT source_id FROM _sources_of_ids) OR content_sha256 IN "
                f"(SELECT s.content_sha256 FROM {table} s JOIN _sources_of_ids USING (source_id)) "
                f"ORDER BY {', '.join(_ORIGIN)}"
            ).to_arrow_table()
        finally:
            self.con.unregister("_sources_of_ids")
        return to_pandas("sources", found)

    def forget_sources(self) -> None:
        """Drop the table `sources_of` looks up (30 MB of DuckDB's memory at 100,000
        sources, 4 MB at 10,000, held until the connection closed): once the parts are
        reconciled, compaction's sorts have that memory."""
        self.con.execute(f"DROP TABLE IF EXISTS {_SOURCES_OF}")

    def counts(self, name: str, by: str) -> pd.DataFrame:
        """Rows per value of `by` (sorted by it), without reading the rows."""
        query = f"SELECT {_names([by])}, count(*) AS n FROM {name} GROUP BY ALL ORDER BY 1"
        return self.con.sql(query).df()

    def parts(
        self,
        name: str,
        columns: Sequence[str],
        *,
        by: Mapping[str, str],
        assign: Callable[[Iterator[pd.DataFrame]], Sequence[int] | np.ndarray],
        rows: int = PART_READ_ROWS,
    ) -> Iterator[PartRows]:
        """A table's `columns` as pandas, part by part, each part in frames of at most `rows`
        rows (read as they are used: one part's frames before the next part; see `PartRows`):
        `by` names SQL expressions over the table; `assign`, given their distinct values in
        frames (columns named like `by`, and `n`, the rows having them; `PROFILE_READ_ROWS`
        at a time, held in DuckDB, not in Python), gives each its part number, from 0, in
        the order given; each row goes to the part of its values. Within a part the rows keep
        the order they were made in. At least one part, maybe empty (one empty frame)."""
        computed = ", ".join(f"{sql} AS _by_{i}" for i, sql in enumerate(by.values()))
        keyed = f"(SELECT *, {computed} FROM {name})"
        keys = ", ".join(f'_by_{i} AS "{key}"' for i, key in enumerate(by))
        profiles = f"_profiles_of_{name}"
        # Grouping the profiles and the join that sends each row to its part take what memory
        # they may, like the sorts: under the sorts' limit.
        with memory_limit(self.con, SORT_MEMORY_LIMIT):
            self.con.execute(
                f"CREATE OR REPLACE TEMP TABLE {profiles} AS "
                f"SELECT {keys}, count(*) AS n FROM {keyed} GROUP BY ALL"
            )
            ids: list[np.ndarray] = []
            result = self.con.execute(f"SELECT rowid AS _profile, * FROM {profiles}")

            def chunks() -> Iterator[pd.DataFrame]:
                while not (chunk := result.fetch_df_chunk(PROFILE_READ_ROWS // 2048)).empty:
                    ids.append(chunk.pop("_profile").to_numpy(dtype=np.int64))
                    yield chunk

            numbers = np.asarray(assign(chunks()), dtype=np.int64)
            profile_ids = np.concatenate(ids) if ids else np.zeros(0, np.int64)
            if len(numbers) != len(profile_ids):
                raise ValueError("a part number for each distinct value, in the order given")
            self.con.register(
                f"part_of_{name}",
                pa.table({"_profile": profile_ids, "_part": numbers}),
            )
            matched = " AND ".join(
                f't._by_{i} IS NOT DISTINCT FROM p."{key}"' for i, key in enumerate(by)
            )
            selected = ", ".join(f't."{column}"' for column in columns)
            origin = ", ".join(f"t.{column}" for column in _ORIGIN)
            # One pass over the shards, unsorted (DuckDB sorting whole claims runs out of memory
            # at 100,000 articles), each row into the file of its bucket of consecutive parts.
            n_parts = int(numbers.max(initial=0)) + 1
            n_buckets = min(n_parts, MAX_BUCKETS)
            reader = self.con.sql(
                f"SELECT q._part, {origin}, {selected} FROM {keyed} t "
                f"JOIN (SELECT rowid AS _profile, * FROM {profiles}) p ON {matched} "
                f"JOIN part_of_{name} q USING (_profile)"
            ).to_arrow_reader(SORT_READ_ROWS)
            buckets = _scatter(
                (pa.Table.from_batches([batch]) for batch in reader),
                lambda rows: rows["_part"].to_numpy() * n_buckets // n_parts,
                self.folder / "parts" / name,
                _PART_KEYS,
            )
            schema = reader.schema
            # A DuckDB result holds its buffers while it lives (here the join's hash table, up
            # to the memory limit): let go before the parts are read, not after the last; so are
            # the profiles (87 MB in DuckDB at 100,000 articles, held until the connection closed;
            # dropped, their memory serves the statements that follow).
            del reader
            self.con.execute(f"DROP TABLE {profiles}")
            self.con.unregister(f"part_of_{name}")
        part = 0
        for bucket in range(n_buckets):
            # The bucket's rows as written (mapped from its file, not read: `_MappedRows`),
            # and their order (by part, then as made): each frame is taken in that order as it
            # is read, the bucket is not copied sorted.
            held, order = _mapped_order(buckets.get(bucket), schema, _PART_KEYS)
            parts_in_order = held.rows["_part"].to_numpy()[order]
            starts = np.searchsorted(parts_in_order, np.arange(n_parts + 1))
            del parts_in_order
            held.rows = held.rows.select(list(columns))
            held.release()
            ready = []
            while part < n_parts and part * n_buckets // n_parts == bucket:
                ready.append(PartRows(name, held, rows, order[starts[part] : starts[part + 1]]))
                part += 1
            # Only the parts hold the bucket's mapped rows, each until its last frame is read.
            del held, order
            ready.reverse()
            while ready:
                yield ready.pop()

    def attach(self, name: str, files: Sequence[Path]) -> None:
        """View `name` over Parquet files the run wrote (reconcile's parts), to compact like
        the shard-backed tables."""
        paths = ", ".join(sql_literal(path) for path in files)
        self.con.execute(
            f"CREATE VIEW {name} AS SELECT * EXCLUDE (filename, file_row_number), "
            "false AS _carried, filename AS _file, file_row_number AS _row "
            f"FROM read_parquet([{paths}], filename = true, file_row_number = true)"
        )

    def compact(self, name: str, *, extra: pd.DataFrame | None = None) -> Path:
        """Write a table (plus `extra` rows) sorted for publishing, in row groups, into the
        staging area: the file publish moves into the snapshot."""
        schema = canonical_schema(name)
        path = self.folder / "out" / f"{name}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        source = name
        if extra is not None and not extra.empty:
            self.con.register(f"extra_{name}", to_arrow(name, extra, sort=False))
            columns = _names(schema.names)
            source = f"compacted_{name}"
            self.con.execute(
                f"CREATE OR REPLACE TEMP VIEW {source} AS "
                f"SELECT {columns}, {', '.join(_ORIGIN)} FROM {name} UNION ALL "
                f"SELECT {columns}, true AS _carried, '' AS _file, "
                f"row_number() OVER () AS _row FROM extra_{name}"
            )
        write_row_groups(self._sorted_by_keys(name, source), schema, path)
        return path

    def _sorted_by_keys(self, name: str, source: str) -> Iterator[pa.Table]:
        """A table's rows (from the view `source`) in publishing order, sorting only the keys:
        DuckDB sorts the sort columns and where each row is (its file as a hash), read a
        batch at a time into where each row comes in that order (4 bytes a row: `_Places`)
        and the first place of each bucket (buckets of `SORT_BUCKET_BYTES` of text,
        consecutive places); one pass over the rows writes each into the file of its bucket,
        and each bucket, sorted by place, comes out in turn. A table no larger than one read
        (`SORT_READ_ROWS`, `SORT_READ_BYTES`) is sorted whole by DuckDB, in the same order and
        with no bucket file, where the keys' way took ~12 ms a table of the bundled run."""
        schema = canonical_schema(name)
        texts = " + ".join(
            f'coalesce(strlen("{field.name}"), 0)'
            for field in schema
            if pa.types.is_string(field.type)
        )
        files = self.con.sql(
            f"SELECT hash(_file) AS _at, max(_row) + 1 AS _rows FROM {source} GROUP BY 1"
        ).to_arrow_table()
        if (pc.sum(files["_rows"]).as_py() or 0) <= SORT_READ_ROWS:
            ((text,),) = self.con.sql(f"SELECT sum({texts or '0'}) FROM {source}").fetchall()
            if (text or 0) <= SORT_READ_BYTES:  # one read's worth: DuckDB sorts it whole
                yield self.con.sql(
                    f"SELECT {_names(schema.names)} FROM {source} "
                    f"ORDER BY {_order(name)}, {', '.join(_ORIGIN)}"
                ).to_arrow_table()
                return
        places = _Places.of(files["_at"], files["_rows"])
        del files
        # Bucket `numbers[i]` starts at place `starts[i]`: the bucket of a place is that of
        # the text of the places before it (`SORT_BUCKET_BYTES` each).
        starts: list[int] = []
        numbers: list[int] = []
        placed = text = 0
        with memory_limit(self.con, SORT_MEMORY_LIMIT):
            keys = self.con.sql(
                f"SELECT hash(_file) AS _at, _row, {texts or '0'} AS _bytes FROM {source} "
                f"ORDER BY {_order(name)}, {', '.join(_ORIGIN)}"
            ).to_arrow_reader(KEY_READ_ROWS)
            for batch in keys:
                sizes = batch.column("_bytes").to_numpy().astype(np.int64)
                bucket = (text + np.cumsum(sizes) - sizes) // SORT_BUCKET_BYTES
                new = np.flatnonzero(np.diff(bucket, prepend=numbers[-1] if numbers else -1))
                starts += (placed + new).tolist()
                numbers += bucket[new].tolist()
                places.put(batch.column("_at"), batch.column("_row"), placed)
                placed += batch.num_rows
                text += int(sizes.sum())
            # The sorted keys (DuckDB's sort, up to the memory limit) are let go before the
            # rows are read, and those before the buckets come out: a generator holds its
            # locals.
            del keys
        first_places, bucket_numbers = np.array(starts, np.int64), np.array(numbers, np.int64)
        del starts, numbers
        # The rows' average text gives how many to read at a time (`SORT_READ_BYTES`).
        read_rows = max(1, min(SORT_READ_ROWS, placed * SORT_READ_BYTES // max(text, 1)))
        reader = self.con.sql(
            f"SELECT hash(_file) AS _at, _row, {_names(schema.names)} FROM {source}"
        ).to_arrow_reader(read_rows)

        def placed_rows(places: _Places, reader: pa.RecordBatchReader) -> Iterator[pa.Table]:
            for batch in reader:
                rows = pa.Table.from_batches([batch])
                place = places.find(rows["_at"], rows["_row"])
                yield rows.drop_columns(["_at", "_row"]).append_column(
                    "_place", pa.array(place, pa.int64())
                )

        def bucket_of(rows: pa.Table) -> np.ndarray:
            place = rows["_place"].to_numpy()
            return bucket_numbers[np.searchsorted(first_places, place, side="right") - 1]

        buckets = _scatter(
            placed_rows(places, reader), bucket_of, self.folder / "sorting" / name, ["_place"]
        )
        del places, reader  # every row is in its bucket
        for bucket in sorted(buckets):
            for rows in _gather(buckets[bucket], ["_place"], read_rows):
                yield rows.drop_columns(["_place"])


@contextmanager
def memory_limit(con: duckdb.DuckDBPyConnection, limit: str) -> Iterator[None]:
    """DuckDB's memory limit set to `limit` within, `MEMORY_LIMIT` again after."""
    con.execute(f"SET memory_limit = {sql_literal(limit)}")
    try:
        yield
    finally:
        con.execute(f"SET memory_limit = {sql_literal(MEMORY_LIMIT)}")


def _scatter(
    tables: Iterable[pa.Table],
    bucket_of: Callable[[pa.Table], np.ndarray],
    folder: Path,
    keys: Sequence[str],
) -> dict[int, Path]:
    """Write each row of `tables` into the Arrow file of its bucket (`bucket_of` a table's
    rows) in `folder`, `SCATTER_BYTES` of rows at a time, each bucket's as one batch sorted
    by `keys` (rows of equal keys in the order they came); returns the files by bucket.
    Sorted batches let the bucket sorted whole be read by slices of them (see `_take`)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[int, Path] = {}
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}

    def write(held: list[pa.Table]) -> None:
        # One chunk: a take from several joins them first, once per bucket.
        rows = pa.concat_tables(held).combine_chunks()
        if not rows.num_rows:
            return
        buckets = bucket_of(rows)
        by_keys = pc.sort_indices(rows, sort_keys=[(key, "ascending") for key in keys])
        by_keys = by_keys.to_numpy()
        order = by_keys[np.argsort(buckets[by_keys], kind="stable")]
        ends = np.flatnonzero(np.diff(buckets[order])) + 1
        for taken in np.split(order, ends):
            bucket = int(buckets[taken[0]])
            part = rows.take(taken)
            if bucket not in writers:
                files[bucket] = folder / f"{bucket:08d}.arrow"
                writers[bucket] = open_files.enter_context(
                    pa.ipc.new_file(files[bucket], part.schema)
                )
            writers[bucket].write_table(part)

    with ExitStack() as open_files:
        held: list[pa.Table] = []
        size = 0
        for rows in tables:
            held.append(rows)
            size += rows.nbytes
            if size >= SCATTER_BYTES:
                write(held)
                held, size = [], 0
        if held:
            write(held)
    return files


def _gather(path: Path, keys: Sequence[str], rows: int) -> Iterator[pa.Table]:
    """The rows of one bucket file of `_scatter` (deleted once mapped), sorted by `keys`, `rows`
    at a time: mapped, not read (`_MappedRows`), each slice taken from the file's batches as it
    is asked for. Read whole and sorted, a bucket was held twice over (three times while
    Arrow's `take` joined its batches) beside the rows being written: at 100,000 articles
    schema 1's consensus (100 rows of 106 MB) took ~350 MB to compact."""
    mapped = _MappedRows.of(path)
    order = pc.sort_indices(mapped.rows, sort_keys=[(key, "ascending") for key in keys]).to_numpy()
    mapped.release()
    for start in range(0, len(order), rows):
        yield _take(mapped.rows, order[start : start + rows], mapped.release)


class PartRows:
    """The rows of one part of `RunTables.parts`: iterated (or written, `write`) once, pandas
    frames of at most
    `size` rows, each made (taken from the rows of the part's bucket, in the part's `order`)
    as it is read, one empty frame when there are none, the bucket's rows let go after the
    last; `distinct` gives a column's values without making frames (before they are read)."""

    __slots__ = ("_name", "_order", "_rows", "_size")

    def __init__(self, name: str, rows: _MappedRows, size: int, order: np.ndarray) -> None:
        self._name, self._rows, self._size, self._order = name, rows, size, order

    def __iter__(self) -> Iterator[pd.DataFrame]:
        return (to_pandas(self._name, rows) for rows in self._taken())

    def _taken(self) -> Iterator[pa.Table]:
        """The frames' rows, as Arrow."""
        for start in range(0, max(len(self._order), 1), self._size):
            yield _take(
                self._rows.rows, self._order[start : start + self._size], self._rows.release
            )
        self._rows = _MappedRows(self._rows.rows.schema.empty_table())

    def write(self, path: Path) -> PartFile:
        """The part's rows written into an Arrow file at `path`, a frame at a time (in place
        of iterating it): for another process to read."""
        with pa.ipc.new_file(str(path), self._rows.rows.schema) as writer:
            for rows in self._taken():
                writer.write_table(rows.combine_chunks())  # a frame, one record batch
        return PartFile(self._name, path)

    def __len__(self) -> int:
        return len(self._order)

    def distinct(self, column: str) -> pa.Array:
        """The distinct values of `column` in the part, sorted."""
        values = pc.unique(_take(self._rows.rows.select([column]), self._order)[column])
        self._rows.release()
        return values.take(pc.sort_indices(values))


class PartFile:
    """A part's rows as `PartRows.write` wrote them: iterated once (in any process: it pickles
    as its path), the same pandas frames the part gives, each read from the mapped file as it
    is used, one empty frame when there are none; the file is removed once mapped."""

    __slots__ = ("name", "path")

    def __init__(self, name: str, path: Path) -> None:
        self.name, self.path = name, path

    def __iter__(self) -> Iterator[pd.DataFrame]:
        mapped = _MappedRows.of(self.path)
        batches = mapped.rows.to_batches() or [mapped.rows.schema.empty_table()]
        for batch in batches:
            yield to_pandas(self.name, pa.table(batch))
            mapped.release()


def _take(
    rows: pa.Table, indices: np.ndarray, release: Callable[[], None] | None = None
) -> pa.Table:
    """`rows.take(indices)`, each of the table's batches taken from apart (`release`, if
    given, called once the rows are copied): Arrow's `take` joins a table's batches into one
    first, a copy of every row of the bucket (~100 MB for the largest part of the claims at
    100,000 articles) for each frame of a few. Where a batch's rows come consecutive (a frame
    of a bucket whose batches `_scatter` sorted) they are a slice of it, not a take: a take
    per batch and frame, each paging its batch in again, made the bucket's reading grow with
    the square of the corpus (a batch per `SCATTER_BYTES` of the table in each bucket)."""
    batches = rows.to_batches()
    if len(batches) <= 1 or not len(indices):
        taken = rows.take(indices) if len(batches) <= 1 else rows.schema.empty_table()
        if release is not None:
            release()
        return taken
    indices = np.asarray(indices, dtype=np.int64)
    offsets = np.cumsum([0, *(batch.num_rows for batch in batches)], dtype=np.int64)
    batch_of = np.searchsorted(offsets, indices, side="right") - 1
    by_batch = np.argsort(batch_of, kind="stable")
    grouped = indices[by_batch]
    found, starts = np.unique(batch_of[by_batch], return_index=True)
    lengths = np.diff(starts, append=len(grouped))
    firsts = grouped[starts] - offsets[found]
    # Each batch's rows one after another (no gap, nothing taken twice): slices of the batches.
    steps = np.flatnonzero(np.diff(grouped) != 1) + 1
    if np.isin(steps, starts).all():
        pieces = [
            batches[batch].slice(first, n)
            for batch, first, n in zip(
                found.tolist(), firsts.tolist(), lengths.tolist(), strict=True
            )
        ]
    else:
        pieces = [
            batches[batch].take(grouped[start : start + n] - offsets[batch])
            for batch, start, n in zip(
                found.tolist(), starts.tolist(), lengths.tolist(), strict=True
            )
        ]
    # The pieces in the order asked for: a take of the frame's rows only.
    taken = pa.Table.from_batches(pieces, schema=rows.schema).combine_chunks()
    if release is not None:
        release()
    if (by_batch[1:] > by_batch[:-1]).all():
        return taken
    return taken.take(np.argsort(by_batch, kind="stable"))


class _MappedRows:
    """Rows of a bucket file of `_scatter`, mapped into memory rather than read (or rows in
    memory, `mapped` None): the pages a read of them touches come in from the file (the
    system's page cache) and `release` lets them go again. Read whole, the bucket of the
    largest part of the claims (one group of ~265,000 claims, a skill's, at 100,000
    articles) held ~100 MB while every frame of it was reconciled."""

    __slots__ = ("mapped", "rows")

    def __init__(self, rows: pa.Table, mapped: mmap.mmap | None = None) -> None:
        self.rows, self.mapped = rows, mapped

    @classmethod
    def of(cls, path: Path) -> _MappedRows:
        """The rows of the file at `path` (deleted: the mapping keeps them until let go)."""
        with path.open("rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        path.unlink()
        rows = pa.ipc.open_file(pa.BufferReader(pa.py_buffer(mapped))).read_all()
        return cls(rows, mapped)

    def release(self) -> None:
        """Drop the pages of the file read so far from the process (read again from the file
        when used again)."""
        if self.mapped is not None and _DONTNEED is not None:
            self.mapped.madvise(_DONTNEED)


# Where the system can drop a mapping's pages from a process (Linux, macOS).
_DONTNEED = getattr(mmap, "MADV_DONTNEED", None)


def _mapped_order(
    path: Path | None, schema: pa.Schema, keys: Sequence[str]
) -> tuple[_MappedRows, np.ndarray]:
    """The rows of one bucket file of `_scatter` as written, mapped (`_MappedRows`; none: an
    empty table of `schema`), and the indices that sort them by `keys`."""
    if path is None:
        return _MappedRows(schema.empty_table()), np.zeros(0, np.int64)
    rows = _MappedRows.of(path)
    order = pc.sort_indices(rows.rows, sort_keys=[(key, "ascending") for key in keys])
    return rows, order.to_numpy()


@dataclass(frozen=True, slots=True)
class _Places:
    """Where each row (a shard file and row number) comes in a sorted order, as one flat
    array (4 bytes a row while there are fewer than 2**31): a file's rows start at its
    offset. Filled a batch of sorted rows at a time (`put`)."""

    files: pa.Array
    offsets: np.ndarray
    place: np.ndarray

    @classmethod
    def of(cls, files: pa.ChunkedArray, rows: pa.ChunkedArray) -> _Places:
        """For the rows of these files (each file's hash and its largest row number plus
        one: rows left out leave their slot unused), no place known yet."""
        offsets = np.concatenate([[0], np.cumsum(rows.to_numpy().astype(np.int64))])
        kind = np.int32 if offsets[-1] < 2**31 else np.int64
        return cls(files.combine_chunks(), offsets, np.full(offsets[-1], -1, dtype=kind))

    def put(self, files: pa.ChunkedArray, rows: pa.ChunkedArray, first: int) -> None:
        """These rows (in sorted order) come at places `first`, `first + 1`, ..."""
        slots = self._slots(files, rows)
        self.place[slots] = np.arange(first, first + len(slots), dtype=self.place.dtype)

    def find(self, files: pa.ChunkedArray, rows: pa.ChunkedArray) -> np.ndarray:
        """The places of these rows (each must be one of the sorted rows)."""
        found = self.place[self._slots(files, rows)].astype(np.int64)
        if (found < 0).any():
            raise ValueError("a row outside the sorted keys")
        return found

    def _slots(self, files: pa.ChunkedArray, rows: pa.ChunkedArray) -> np.ndarray:
        codes = pc.index_in(files, value_set=self.files)
        if codes.null_count:
            raise ValueError("a row outside the sorted keys")
        return self.offsets[codes.to_numpy()] + rows.to_numpy()


@contextmanager
def open_run(
    summaries: Sequence[BatchSummary], *, data_dir: Path, run_id: str, folder: Path
) -> Iterator[RunTables]:
    """The run's tables over the shards of `summaries` (written into `folder`), with repeats
    across batches set aside and the last good rows of failed sources carried."""
    # Arrow buffers from the system allocator: pyarrow's default (mimalloc) keeps the pages of
    # freed buffers, ~150 MB more RSS from reconcile through compaction at 10,000 articles.
    pa.set_memory_pool(pa.system_memory_pool())
    spill = folder / "duckdb.tmp"
    con = duckdb.connect(
        config={
            "memory_limit": MEMORY_LIMIT,
            "threads": 1,
            "temp_directory": str(spill),
            "allocator_flush_threshold": ALLOCATOR_FLUSH,
            "allocator_background_threads": ALLOCATOR_BACKGROUND_THREADS,
        }
    )
    try:
        ordered = sorted(summaries, key=lambda summary: summary.index)
        # The checks for ids repeated across batches sort each id column (a window over
        # every claim): under the sorts' limit, like the compaction's keys.
        with memory_limit(con, SORT_MEMORY_LIMIT):
            rejected = [_fresh_view(con, name, ordered, run_id=run_id) for name in SHARD_TABLES]
        failed = con.sql("SELECT count(*) FROM fresh_sources WHERE status = 'error'")
        n_failed = int(failed.fetchall()[0][0])
        if not (n_failed and _carry_stale(con, data_dir)):
            for name in ("sources", *_CARRIED_TABLES):
                con.execute(f"CREATE VIEW all_{name} AS SELECT * FROM fresh_{name}")
        con.execute("CREATE VIEW sources AS SELECT * FROM all_sources")
        con.execute("CREATE VIEW rejections AS SELECT * FROM fresh_rejections")
        rejected += [_source_view(con, name, run_id=run_id) for name in _CARRIED_TABLES]
        yield RunTables(con, folder, concat_rejections(rejected), n_failed)
    finally:
        con.close()


def _fresh_view(
    con: duckdb.DuckDBPyConnection, name: str, summaries: Sequence[BatchSummary], *, run_id: str
) -> pd.DataFrame:
    """View `fresh_<name>` over the table's shards, each unique value once (the first batch
    keeps it); returns the rejections of the repeats (none unless an id spans batches)."""
    files = ", ".join(sql_literal(summary.shards[name]) for summary in summaries)
    con.execute(
        f"CREATE VIEW shard_{name} AS SELECT * EXCLUDE (filename, file_row_number)"
        f"{_stamped(name, run_id)}, false AS _carried, filename AS _file, file_row_number AS _row "
        f"FROM read_parquet([{files}], filename = true, file_row_number = true)"
    )
    _check_columns(con, name)
    repeats = []
    keep = []
    # A batch's own validation kept one row of each value: only several batches can repeat one.
    for column in unique_columns(name) if len(summaries) > 1 else ():
        ranked = f"row_number() OVER (PARTITION BY {_names([column])} ORDER BY _file, _row)"
        # The window sorts only the key and where each row is; whole rows (document texts)
        # are read for the repeats alone.
        found = con.sql(
            f"SELECT * EXCLUDE ({', '.join(_ORIGIN)}) FROM shard_{name} "
            f"WHERE (_file, _row) IN (SELECT (_file, _row) FROM shard_{name} "
            f"WHERE {_names([column])} IS NOT NULL QUALIFY {ranked} > 1) ORDER BY _file, _row"
        ).to_arrow_table()
        if found.num_rows:
            repeats.append(repeat_rejections(name, to_pandas(name, found), column, run_id=run_id))
            keep.append(f"({_names([column])} IS NULL OR {ranked} = 1)")
    qualify = f" QUALIFY {' AND '.join(keep)}" if keep else ""
    con.execute(f"CREATE VIEW fresh_{name} AS SELECT * FROM shard_{name}{qualify}")
    return concat_rejections(repeats)


def _stamped(name: str, run_id: str) -> str:
    """The REPLACE clause that puts the run's id where a batch wrote `UNSTAMPED` (batches start
    before the id is known): the `run_id` column, and in a rejection's `record` (a row as JSON,
    keys sorted) the `run_id` key, whose quotes only the key itself has unescaped."""
    names = canonical_schema(name).names
    if "run_id" not in names:
        return ""
    stamped = [f"{sql_literal(run_id)} AS run_id"]
    if "record" in names:
        pending, final = (json.dumps({"run_id": value})[1:-1] for value in (UNSTAMPED, run_id))
        stamped.append(f"replace(record, {sql_literal(pending)}, {sql_literal(final)}) AS record")
    return f" REPLACE ({', '.join(stamped)})"


def _source_view(con: duckdb.DuckDBPyConnection, name: str, *, run_id: str) -> pd.DataFrame:
    """View `<name>` of the rows whose source is in `sources` (the foreign key); returns the
    rejections of the others (none unless a source's own row was rejected)."""
    orphans = con.sql(
        f"SELECT * EXCLUDE ({', '.join(_ORIGIN)}) FROM all_{name} "
        "WHERE source_id NOT IN (SELECT source_id FROM sources) ORDER BY _carried, _file, _row"
    ).to_arrow_table()
    if not orphans.num_rows:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM all_{name}")
        return concat_rejections([])
    con.execute(
        f"CREATE VIEW {name} AS SELECT * FROM all_{name} "
        "WHERE source_id IN (SELECT source_id FROM sources)"
    )
    return orphan_rejections(name, to_pandas(name, orphans), "source_id", "sources", run_id=run_id)


def _check_columns(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Shards hold exactly the table's columns; anything else is a bug in the code that built
    the rows, not a column to publish."""
    found = {row[0] for row in con.execute(f"DESCRIBE shard_{name}").fetchall()}
    unknown = sorted(found - set(canonical_schema(name).names) - set(_ORIGIN))
    if unknown:
        raise ValueError(f"shards of {name!r} hold column(s) outside its model: {unknown}")


def _carry_stale(con: duckdb.DuckDBPyConnection, data_dir: Path) -> bool:
    """A source that failed this run keeps its last published rows, its claims marked stale:
    views `all_sources`, `all_documents`, `all_claims`, `all_figures` with them. False (and no
    view) when none is kept."""
    curated = data_dir / "curated"
    current = current_snapshot(curated)
    old = snapshot_dir(curated, current) if current else None
    if old is None or not (old / "sources.parquet").is_file():
        return False
    # Carried while it has published claims: good last time, or already carried (stale)
    # since its last good fetch, however many runs ago that was.
    kept = con.execute(
        f"SELECT o.source_id FROM read_parquet({sql_literal(old / 'sources.parquet')}) o "
        "JOIN fresh_sources s USING (source_id) "
        "WHERE s.status = 'error' AND (o.status <> 'error' OR coalesce(o.stale, false)) "
        "ORDER BY o.source_id"
    ).fetchall()
    if not kept:
        return False
    raw = RawZone(data_dir / "raw")
    ids = [row[0] for row in kept]
    confirmed = [(raw.last_good_fetch(source_id) or {}).get("time") for source_id in ids]
    con.register(
        "kept_confirmed",
        pa.table(
            {"source_id": pa.array(ids, pa.string()), "time": pa.array(confirmed, pa.string())}
        ),
    )
    con.execute(
        "CREATE TABLE kept AS SELECT o.*, k.time AS _confirmed "
        f"FROM read_parquet({sql_literal(old / 'sources.parquet')}) o "
        "JOIN kept_confirmed k USING (source_id)"
    )
    columns = []
    for column in canonical_schema("sources").names:
        if column == "stale":
            value = "k.source_id IS NOT NULL OR s.stale"
        elif column == "last_confirmed_at":
            value = "CASE WHEN k.source_id IS NULL THEN s.last_confirmed_at ELSE k._confirmed END"
        elif column in _CARRIED_SOURCE_COLUMNS:
            value = f'CASE WHEN k.source_id IS NULL THEN s."{column}" ELSE k."{column}" END'
        elif column in _STATED_SOURCE_COLUMNS:
            value = f'coalesce(s."{column}", k."{column}")'
        else:
            value = f's."{column}"'
        columns.append(f'{value} AS "{column}"')
    con.execute(
        f"CREATE VIEW all_sources AS SELECT {', '.join(columns)}, s._carried, s._file, s._row "
        "FROM fresh_sources s LEFT JOIN kept k USING (source_id)"
    )
    for name in _CARRIED_TABLES:
        path = old / f"{name}.parquet"
        stale = " REPLACE (true AS stale)" if name == "claims" else ""
        carried = (
            f"SELECT * EXCLUDE (filename, file_row_number){stale}, "
            "true AS _carried, filename AS _file, file_row_number AS _row "
            f"FROM read_parquet({sql_literal(path)}, filename = true, file_row_number = true) "
            "WHERE source_id IN (SELECT source_id FROM kept)"
        )
        union = f" UNION ALL BY NAME {carried}" if path.is_file() else ""
        con.execute(f"CREATE VIEW all_{name} AS SELECT * FROM fresh_{name}{union}")
    return True


def _order(name: str) -> str:
    """The ORDER BY of a table's publishing order."""
    return ", ".join(f'"{column}" ASC NULLS LAST' for column in TABLE_ORDER[name])


def _names(columns: Sequence[str]) -> str:
    return ", ".join(f'"{column}"' for column in columns)


def sql_literal(value: object) -> str:
    """A SQL string literal (paths are inlined: DuckDB binds no parameters in a view)."""
    return "'" + str(value).replace("'", "''") + "'"

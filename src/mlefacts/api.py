"""The Python API the command line wraps: run the pipeline, query and load the curated data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from mlefacts.config import default_data_dir
from mlefacts.publish.catalog import UnknownTableError
from mlefacts.publish.catalog import connect as _connect
from mlefacts.publish.catalog import load as _load
from mlefacts.results import (
    AddedSource,
    FigureCoverage,
    ReportFiles,
    Rows,
    RunReport,
    SnapshotSummary,
    SourceStatus,
    TableCount,
)

if TYPE_CHECKING:  # the functions that return DataFrames import pandas (through `load`)
    import pandas as pd

    from mlefacts.settings import Settings


def run(
    config: Path | str | None = None,
    *,
    orchestrate: bool = True,
    on_event: Callable[[str], None] | None = None,
    **options: Any,
) -> RunReport:
    """Run the pipeline once and return its report (`report.ok`, `report.to_dict()`).

    `config` is a mlefacts.toml settings file; `options` override any setting by name
    (`batch_size=50`, `fail_on="never"`, `value_tolerance=0.1`: the keys of `mlefacts.settings`),
    after the environment's `MLEFACTS_*` variables. With `orchestrate` the run is the Prefect
    flow `mlefacts-run` (a temporary server unless PREFECT_API_URL is set; `on_event` receives
    its flow and task events); without, the same stages run here, with no Prefect at all.

    A run that could not run at all raises before anything starts: `SettingsError`,
    `ManifestError`, `RunLockedError`, `ShrinkRefusedError` for a manifest that drops more
    than `max_shrink` of the published sources (unless `allow_shrink`), or, orchestrated,
    `PrefectUnavailableError` when PREFECT_API_URL names an API that does not answer.
    """
    from mlefacts.settings import load_settings

    settings = load_settings(config, **options)
    check_can_run(settings)
    if not orchestrate:
        from mlefacts.fail_on import failure_reason
        from mlefacts.runner import run_pipeline

        outcome = run_pipeline(settings)
        reason = failure_reason(outcome.record, outcome.n_new_errors, fail_on=settings.run.fail_on)
        return RunReport.from_record(outcome.record, fail_reason=reason, data_dir=settings.data_dir)
    from mlefacts.flows.orchestrate import run_flow

    if on_event is None:
        return RunReport.from_dict(run_flow(settings))
    from mlefacts.flows.progress import flow_events

    with flow_events(on_event):
        return RunReport.from_dict(run_flow(settings))


def check_can_run(settings: Settings) -> None:
    """Refuse a bad manifest, a locked data directory or a manifest that would unpublish most
    sources before anything starts (the run checks again under its lock)."""
    from mlefacts.publish.lock import run_lock
    from mlefacts.runner import check_shrink
    from mlefacts.sources.manifest import load_manifest

    specs = load_manifest(settings.manifest, hand_over=True)  # the run takes them if unchanged
    with run_lock(settings.data_dir):
        check_shrink(specs, settings)


def schedule(
    cron: str,
    *,
    timezone: str = "UTC",
    name: str = "mlefacts-scheduled",
    config: Path | str | None = None,
    **options: Any,
) -> None:
    """Serve the flow on a cron schedule (read in `timezone`) through a running Prefect server,
    until interrupted; every scheduled run uses the settings resolved here (`config`, the
    environment, `options`, as for `run`). Raises ValueError for a malformed cron,
    `UnknownTimezoneError`, `PrefectUnavailableError` when no Prefect API answers, and what
    `run` raises for settings and manifests.
    """
    from mlefacts.flows.scheduling import Schedule, serve_schedule
    from mlefacts.settings import load_settings
    from mlefacts.sources.manifest import load_manifest

    when = Schedule(cron, timezone)
    settings = load_settings(config, **options)
    load_manifest(settings.manifest)
    serve_schedule(schedule=when, name=name, settings=settings)


def connect(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection with one view per curated table and the typed views.

    >>> con = mlefacts.connect()                                   # doctest: +SKIP
    >>> con.execute("SELECT kind, count(*) FROM claims GROUP BY kind").fetchall()  # doctest: +SKIP
    """
    return _connect(Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def load(
    table: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """One curated table as a pandas DataFrame (the current snapshot unless `snapshot`)."""
    return _load(table, Path(data_dir) if data_dir else default_data_dir(), snapshot=snapshot)


def query(
    sql: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> pd.DataFrame:
    """The result of one read-only SQL statement over the curated tables, as a DataFrame; a
    statement that would write raises ValueError. `query_rows` gives the same as plain rows."""
    read_only_statements(sql)
    with connect(data_dir, snapshot=snapshot) as con:
        return con.execute(sql).df()


def query_rows(
    sql: str, data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> Rows:
    """`query` as plain Python rows with their DuckDB types (`mlefacts sql`: no pandas)."""
    read_only_statements(sql)
    with connect(data_dir, snapshot=snapshot) as con:
        return _rows(con.execute(sql))


def table_rows(
    table: str,
    data_dir: Path | str | None = None,
    *,
    limit: int | None = None,
    snapshot: str | None = None,
) -> Rows:
    """The first `limit` rows (all when None) of a table or typed view, in published order, as
    plain rows with its row count (`mlefacts show`); `load` gives the whole table as a DataFrame.
    Raises `UnknownTableError` naming the known ones."""
    with connect(data_dir, snapshot=snapshot) as con:
        known = [row[0] for row in con.execute(_VIEWS).fetchall()]
        if table not in known:
            raise UnknownTableError(
                f"unknown table {table!r}; known tables and views: {', '.join(known)}"
            )
        return _limited(con, f'SELECT * FROM "{table}"', [], limit)


# The tables and typed views of a connection, by name.
_VIEWS = "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1"


def _limited(
    con: duckdb.DuckDBPyConnection, sql: str, parameters: list[Any], limit: int | None
) -> Rows:
    """The first `limit` rows (all when None) of `sql`, with the number of all."""
    total = con.execute(f"SELECT count(*) FROM ({sql})", parameters).fetchone()
    shown = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = _rows(con.execute(sql + shown, parameters))
    return Rows(rows.columns, rows.types, rows.values, total[0] if total else 0)


def _rows(result: duckdb.DuckDBPyConnection) -> Rows:
    """The rows of an executed statement, with its column names and DuckDB types."""
    description = result.description or []
    values = result.fetchall()
    return Rows(
        [column[0] for column in description],
        [str(column[1]) for column in description],
        values,
        len(values),
    )


def verify(
    data_dir: Path | str | None = None, *, all_snapshots: bool = False
) -> dict[str, list[str]]:
    """Each published snapshot (the current one unless `all_snapshots`) checked against the
    sha256 and size its manifest recorded for every file: {snapshot id: problems}, [] if sound.

    Raises `NoSnapshotError` when nothing has been published yet.
    """
    from mlefacts.publish.catalog import NoSnapshotError
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots, verify_snapshot

    curated = (Path(data_dir) if data_dir else default_data_dir()) / "curated"
    current = current_snapshot(curated)
    if current is None:
        raise NoSnapshotError(f"no snapshot published yet in {curated}")
    ids = list_snapshots(curated) if all_snapshots else [current]
    return {snapshot: verify_snapshot(curated, snapshot) for snapshot in ids}


def rollback(snapshot: str, data_dir: Path | str | None = None) -> None:
    """Make an earlier snapshot current again, atomically, after verifying its files; under
    the run lock, so never in the middle of a run. Raises `LookupError` for an unknown id,
    `SnapshotDamagedError` for a damaged snapshot, `RunLockedError` while a run holds the lock.
    """
    from mlefacts.publish.catalog import write_catalog
    from mlefacts.publish.lock import run_lock
    from mlefacts.publish.snapshots import rollback as switch_back

    folder = Path(data_dir) if data_dir else default_data_dir()
    with run_lock(folder):
        switch_back(folder / "curated", snapshot)
        write_catalog(folder / "curated")


def figures(
    data_dir: Path | str | None = None,
    *,
    unclaimed: bool = False,
    source: str | None = None,
    snapshot: str | None = None,
) -> pd.DataFrame:
    """The `figures` table with each figure's sentence: what every page states, claimed or not.

    `unclaimed` keeps the skipped figures only; `source` one source (by id, or a part of its
    URI or title). The `sentence` column is the figure's line of the document, for reading.
    `figure_rows` gives the same as plain rows.
    """
    with connect(data_dir, snapshot=snapshot) as con:
        frame = con.execute(*_figures_sql(unclaimed, source)).df()
        spans = zip(frame["source_id"], frame["char_start"], frame["char_end"], strict=True)
        frame["sentence"] = _sentences(con, list(spans))
    return frame


def figure_rows(
    data_dir: Path | str | None = None,
    *,
    unclaimed: bool = False,
    source: str | None = None,
    limit: int | None = None,
    snapshot: str | None = None,
) -> Rows:
    """`figures` as plain rows, the first `limit` (all when None) with the number of all
    (`mlefacts figures`: no pandas)."""
    sql, parameters = _figures_sql(unclaimed, source)
    with connect(data_dir, snapshot=snapshot) as con:
        rows = _limited(con, sql, parameters, limit)
        at = [rows.columns.index(name) for name in ("source_id", "char_start", "char_end")]
        sentences = _sentences(con, [tuple(row[i] for i in at) for row in rows.values])
    return Rows(
        [*rows.columns, "sentence"],
        [*rows.types, "VARCHAR"],
        [(*row, sentence) for row, sentence in zip(rows.values, sentences, strict=True)],
        rows.total,
    )


def _figures_sql(unclaimed: bool, source: str | None) -> tuple[str, list[Any]]:
    """The figures (skipped only when `unclaimed`; of the sources whose id is `source` or whose
    URI or title contains it), in published order."""
    from mlefacts.contract import TABLE_ORDER

    where, parameters = [], []
    if unclaimed:
        where.append("status = 'skipped'")
    if source:
        where.append(
            "source_id IN (SELECT source_id FROM sources WHERE source_id = ? "
            "OR contains(uri, ?) OR contains(coalesce(title, ''), ?))"
        )
        parameters += [source, source, source]
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    order = ", ".join(TABLE_ORDER["figures"])
    return f"SELECT * FROM figures{condition} ORDER BY {order}", parameters


def _sentences(con: duckdb.DuckDBPyConnection, spans: list[tuple[Any, ...]]) -> list[str]:
    """The line of its document around each (source_id, char_start, char_end), reading only
    the documents these spans are in."""
    ids = sorted({source_id for source_id, _, _ in spans})
    found = "SELECT source_id, text FROM documents WHERE list_contains(?, source_id)"
    texts = dict(con.execute(found, [ids]).fetchall())
    return [_line_around(texts[source_id], start, end) for source_id, start, end in spans]


def figure_coverage(
    data_dir: Path | str | None = None, *, snapshot: str | None = None
) -> FigureCoverage:
    """Claimed vs all money and percentage figures in the published snapshot."""
    with connect(data_dir, snapshot=snapshot) as con:
        row = con.execute(
            "SELECT count(*) FILTER (status = 'claimed'), count(*) FROM figures "
            "WHERE figure_type IN ('money', 'percent')"
        ).fetchone()
    return FigureCoverage(*row) if row else FigureCoverage(0, 0)


def _line_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The line of `text` holding [start, end), cut to about `limit` characters around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = max(line_start, start - limit // 2)
    line_end = min(line_end, end + limit // 2)
    return " ".join(text[line_start:line_end].split())


# Statement types `query` runs; everything else (CREATE, DROP, COPY, ATTACH...) is refused.
READ_ONLY_STATEMENTS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "CALL", "MULTI"})


def read_only_statements(sql: str) -> list[str]:
    """The statement types of `sql`; raises ValueError naming the first one that would write.

    >>> read_only_statements("SELECT 1; DESCRIBE claims")
    ['SELECT', 'SELECT']
    >>> read_only_statements("DROP VIEW claims")
    Traceback (most recent call last):
    ...
    ValueError: mlefacts sql is read-only: DROP statements are not allowed
    """
    types = [statement.type.name for statement in duckdb.extract_statements(sql)]
    if not types:
        raise ValueError("no SQL statement given")
    for kind in types:
        if kind not in READ_ONLY_STATEMENTS:
            raise ValueError(f"mlefacts sql is read-only: {kind} statements are not allowed")
    return types


def tables(data_dir: Path | str | None = None, *, snapshot: str | None = None) -> list[TableCount]:
    """Every curated table and typed view with its row count (`mlefacts tables`)."""
    with connect(data_dir, snapshot=snapshot) as con:
        names = [row[0] for row in con.execute(_VIEWS).fetchall()]
        return [
            TableCount(name, con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names
        ]


def conflict_rows(
    data_dir: Path | str | None = None,
    *,
    severity: str | None = None,
    limit: int | None = None,
    snapshot: str | None = None,
) -> Rows:
    """The conflicts as plain rows, most serious first (`mlefacts conflicts`: no pandas), the
    first `limit` (all when None) with the number of all, each with `claim_ids` (from
    conflict_claims) and `sentences`: the (source name, sentence) its claims were read from, in
    claim order, without repeats (read for the rows returned only: a large corpus has tens of
    thousands of conflicts)."""
    with _connect(_folder(data_dir), snapshot=snapshot) as con:
        rows = _limited(con, *_conflicts_sql(severity), limit)
        at = rows.columns.index("conflict_id")
        claim_ids, sentences = _evidence(con, [row[at] for row in rows.values])
    return Rows(
        [*rows.columns, "claim_ids", "sentences"],
        [*rows.types, "VARCHAR[]", "STRUCT(source VARCHAR, sentence VARCHAR)[]"],
        [(*row, *more) for row, *more in zip(rows.values, claim_ids, sentences, strict=True)],
        rows.total,
    )


def conflicts(
    data_dir: Path | str | None = None,
    *,
    severity: str | None = None,
    snapshot: str | None = None,
) -> pd.DataFrame:
    """`conflict_rows` as a DataFrame."""
    with _connect(_folder(data_dir), snapshot=snapshot) as con:
        frame = con.execute(*_conflicts_sql(severity)).df()
        frame["claim_ids"], frame["sentences"] = _evidence(con, list(frame["conflict_id"]))
    return frame


SEVERITIES = ("error", "warning", "info")


def _conflicts_sql(severity: str | None) -> tuple[str, list[Any]]:
    """The conflicts (of one severity when given), most serious first, then by kind and id."""
    where = " WHERE severity = ?" if severity else ""
    return (
        f"SELECT * FROM conflicts{where} ORDER BY list_position(?, severity), kind, conflict_id",
        [*([severity] if severity else []), list(SEVERITIES)],
    )


def _evidence(
    con: duckdb.DuckDBPyConnection, conflict_ids: list[str]
) -> tuple[list[list[str]], list[list[tuple[str, str]]]]:
    """Each conflict's claim ids, and the (source name, sentence) they were read from in claim
    order without repeats. Only the claims these conflicts name are read: a figure's quote is
    its sentence already, a name's sentence comes from its document's text, read a batch at a
    time: memory follows the batch, not the corpus."""
    from mlefacts.document.sentences import quote_sentence
    from mlefacts.reconcile.names import SourceNames, source_name

    listed: dict[str, list[str]] = {}
    for conflict_id, claim_id in con.execute(
        "SELECT conflict_id, claim_id FROM conflict_claims "
        "JOIN (SELECT unnest(?) AS conflict_id) USING (conflict_id) ORDER BY conflict_id, claim_id",
        [conflict_ids],
    ).fetchall():
        listed.setdefault(conflict_id, []).append(claim_id)
    claim_ids = [listed.get(conflict_id, []) for conflict_id in conflict_ids]
    wanted = sorted({claim_id for ids in claim_ids for claim_id in ids})
    names = SourceNames(
        (source_id, source_name(title, publisher, uri))
        for source_id, title, publisher, uri in con.execute(
            "SELECT source_id, title, publisher, uri FROM sources"
        ).fetchall()
    )
    read_from = {}
    located = []
    for claim_id, source_id, start, end, quote, value in con.execute(
        "SELECT c.claim_id, c.source_id, c.char_start, c.char_end, c.quote, c.value "
        "FROM claims c JOIN (SELECT unnest(?) AS claim_id) USING (claim_id) ORDER BY c.source_id",
        [wanted],
    ).fetchall():
        if value is not None:
            # a figure's quote is its sentence, list item, row or card already: no text to read
            read_from[claim_id] = (names[source_id], quote)
        else:
            located.append((claim_id, source_id, start, end, quote))
    # a name's (a skill's) sentence is read from its document's text, each document once for
    # all its claims of a batch, not once a claim
    for at in range(0, len(located), _CLAIMS_PER_BATCH):
        batch = located[at : at + _CLAIMS_PER_BATCH]
        texts = dict(
            con.execute(
                "SELECT source_id, text FROM documents "
                "JOIN (SELECT unnest(?) AS source_id) USING (source_id)",
                [sorted({row[1] for row in batch})],
            ).fetchall()
        )
        for claim_id, source_id, start, end, quote in batch:
            text = texts.get(source_id)
            sentence = quote_sentence(text, start, end) if text else quote
            read_from[claim_id] = (names[source_id], sentence)
    sentences = [
        list(dict.fromkeys(read_from[c] for c in ids if c in read_from)) for ids in claim_ids
    ]
    return claim_ids, sentences


_CLAIMS_PER_BATCH = 2_000


def snapshots(data_dir: Path | str | None = None) -> list[SnapshotSummary]:
    """The published snapshots, oldest first, the current one marked (`mlefacts snapshots`).
    Raises `NoSnapshotError` when nothing has been published yet."""
    from mlefacts.publish.catalog import NoSnapshotError
    from mlefacts.publish.snapshots import current_snapshot, list_snapshots, table_rows

    curated = _folder(data_dir) / "curated"
    ids = list_snapshots(curated)
    if not ids:
        raise NoSnapshotError(f"no snapshot published yet in {curated}")
    current = current_snapshot(curated)
    summaries = []
    for snapshot in ids:
        counts = table_rows(curated, snapshot)  # {} for a damaged manifest: see `verify`
        summaries.append(
            SnapshotSummary(
                snapshot, snapshot == current, counts.get("claims"), counts.get("conflicts")
            )
        )
    return summaries


def diff(
    old: str | None = None, new: str | None = None, data_dir: Path | str | None = None
) -> pd.DataFrame:
    """Claims added, removed and changed from snapshot `old` (default: the previous one) to
    `new` (default: the current one) (`mlefacts diff`)."""
    from mlefacts.publish.catalog import NoSnapshotError
    from mlefacts.publish.diff import diff_snapshots
    from mlefacts.publish.snapshots import current_snapshot

    curated = _folder(data_dir) / "curated"
    if current_snapshot(curated) is None:
        raise NoSnapshotError(f"no snapshot published yet in {curated}")
    return diff_snapshots(curated, old, new)


def list_sources(
    data_dir: Path | str | None = None, *, sources: Path | str | None = None
) -> list[SourceStatus]:
    """Each source of the manifest (`sources`, else the data directory's default) with its
    last fetch (`mlefacts sources list`); a title the manifest does not state is the one the
    current snapshot publishes (read from the page). Raises `ManifestError` for a manifest
    that does not load."""
    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import load_manifest
    from mlefacts.sources.rawzone import RawZone

    folder = _folder(data_dir)
    raw = RawZone(folder / "raw")
    published = _published_titles(folder / "curated" / "current" / "sources.parquet")
    statuses = []
    for spec in load_manifest(Path(sources) if sources else default_manifest(folder)):
        last = raw.last_fetch(spec.source_id) or {}
        statuses.append(
            SourceStatus(
                source_id=spec.source_id,
                uri=spec.uri,
                title=spec.title or published.get(spec.source_id),
                last_status=last.get("status", "never fetched"),
                last_fetched=last.get("time"),
                error=last.get("error"),
            )
        )
    return statuses


def add_source(
    uri: str,
    data_dir: Path | str | None = None,
    *,
    sources: Path | str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    license: str | None = None,
    page_url: str | None = None,
    accessed: str | None = None,
    citation: str | None = None,
) -> AddedSource:
    """Append a source to a manifest (`mlefacts sources add`): `sources`, else sources.toml
    in the data directory, created with the bundled sources its runs read until then (the
    bundled manifest itself is never edited). Raises `FileNotFoundError` for a local file
    that does not exist, `ManifestError` for a bad URI or manifest."""
    from mlefacts.config import user_manifest
    from mlefacts.sources.manifest import add_source as append_source
    from mlefacts.sources.manifest import make_source

    folder = _folder(data_dir)
    manifest = Path(sources) if sources else user_manifest(folder)
    if not make_source(uri).is_url and not (manifest.parent / uri).is_file():
        raise FileNotFoundError(f"no file {manifest.parent / uri}")
    if sources is None and not manifest.exists():
        _seed_user_manifest(manifest)
    spec = append_source(
        manifest,
        uri,
        title=title,
        publisher=publisher,
        published=published,
        license=license,
        page_url=page_url,
        accessed=accessed,
        citation=citation,
    )
    return AddedSource(spec.source_id, spec.uri, str(manifest), _refusals_ahead(spec.uri, manifest))


def _published_titles(path: Path) -> dict[str, str]:
    """Source id -> title of the published sources table at `path` ({} before a publish)."""
    if not path.is_file():
        return {}
    rows = duckdb.execute(
        "SELECT source_id, title FROM read_parquet(?) WHERE title IS NOT NULL", [str(path)]
    ).fetchall()
    return dict(rows)


def _seed_user_manifest(manifest: Path) -> None:
    """A data directory's first own manifest starts with the bundled sources (its runs read
    them until then), so that adding one source does not drop them from the next run: by
    path relative to it when inside the data directory, else in full (runs read the bundled
    folder from any manifest). Each keeps its id (their paths, written from another folder,
    would give new ones): the same sources, not new."""
    from mlefacts.config import default_manifest
    from mlefacts.sources.manifest import DATE_KEYS, TEXT_KEYS, load_manifest
    from mlefacts.sources.manifest import add_source as append_source

    bundled = default_manifest()
    if not bundled.is_file():
        return  # an install without the example sources
    for spec in load_manifest(bundled):
        origin = {key: getattr(spec, key) for key in (*TEXT_KEYS, *DATE_KEYS)}
        append_source(manifest, str(bundled.parent / spec.uri), **origin, id=spec.source_id)


def _refusals_ahead(uri: str, manifest: Path) -> list[str]:
    """Why a run with default settings would refuse this source (a private or loopback host,
    a path outside the manifest's folder), to say so when it is added rather than at the run."""
    from mlefacts.sources.manifest import is_url
    from mlefacts.sources.safety import UnresolvableHostError, UnsafeSourceError, check_url

    if is_url(uri):
        try:
            check_url(uri)
        except UnresolvableHostError:
            return []
        except UnsafeSourceError as exc:
            return [f"{exc}; runs refuse it unless --allow-private-hosts"]
        return []
    folder = manifest.parent.resolve()
    if not (folder / uri).resolve().is_relative_to(folder):
        return [f"{uri} is outside {folder}; runs refuse it unless --allow-outside-paths"]
    return []


REPORT_FOLDER = "report"
"""Where `report` writes by default: a folder of the data directory it reports on."""


def write_report(
    data_dir: Path | str | None = None,
    *,
    out: Path | str | None = None,
    snapshot: str | None = None,
) -> ReportFiles:
    """Write report.html, report.md and the SVG charts on the published data (`mlefacts
    report`) into `out` (default: report/ in the data directory)."""
    from mlefacts.report.build import build_report

    folder = _folder(data_dir)
    paths = build_report(
        data_dir=folder, out_dir=Path(out) if out else folder / REPORT_FOLDER, snapshot=snapshot
    )
    return ReportFiles(str(paths.html), str(paths.markdown), [str(p) for p in paths.charts])


def export_schemas(out: Path | str | None = None) -> list[Path]:
    """Write the JSON schema of every table into `out` (default: schemas/ in the repository)
    (`mlefacts schemas export`); returns the paths written."""
    from mlefacts.publish.schema_export import export_schemas as write_schemas

    return write_schemas(schemas_folder(out))


def check_schemas(out: Path | str | None = None) -> list[str]:
    """The schema files in `out` that differ from the code, [] when current (`mlefacts schemas
    export --check`)."""
    from mlefacts.publish.schema_export import stale_schema_files

    return stale_schema_files(schemas_folder(out))


def schemas_folder(out: Path | str | None = None) -> Path:
    """`out`, else schemas/ in the repository (else in the working directory)."""
    from mlefacts.config import repository_root

    return Path(out) if out else (repository_root() or Path.cwd()) / "schemas"


def _folder(data_dir: Path | str | None) -> Path:
    """The data directory every function uses: the argument, else the default one."""
    return (Path(data_dir) if data_dir else default_data_dir()).resolve()

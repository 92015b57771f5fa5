"""A run republishes the last snapshot as it is only when nothing its tables depend on changed:
the sources' bytes, what the manifest says of them, the code, and the reconcile tolerances."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import mlefacts
from mlefacts import pipeline, runner
from mlefacts.publish import datapackage, parquet, schema_version, snapshots
from mlefacts.publish.catalog import load
from mlefacts.results import RunReport
from mlefacts.settings import load_settings

_SURVEY = (
    "{name} Market Survey\n\n"
    "The global machine learning market was valued at USD {value} billion in 2024.\n"
)


def _corpus(folder: Path, *, title: str = "Survey A") -> Path:
    """Two sources whose market sizes differ by 4%: within the default 5% tolerance."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(_SURVEY.format(name="First", value="10.0"), encoding="utf-8")
    (folder / "b.txt").write_text(_SURVEY.format(name="Second", value="10.4"), encoding="utf-8")
    manifest = folder / "sources.toml"
    manifest.write_text(
        f'[[source]]\nuri = "a.txt"\ntitle = "{title}"\n\n'
        '[[source]]\nuri = "b.txt"\ntitle = "Survey B"\n',
        encoding="utf-8",
    )
    return manifest


def _run(folder: Path, **options: object) -> RunReport:
    return mlefacts.run(
        orchestrate=False,
        fail_on="never",
        data_dir=folder,
        sources=folder / "sources.toml",
        **options,  # type: ignore[arg-type]
    )


def test_a_changed_tolerance_reconciles_again(tmp_path: Path) -> None:
    _corpus(tmp_path)
    first = _run(tmp_path)
    assert len(load("conflicts", tmp_path)) == 0
    assert _run(tmp_path).run_id == first.run_id  # nothing changed: the same inputs
    stricter = _run(tmp_path, value_tolerance=0.01)
    assert stricter.run_id != first.run_id
    conflicts = load("conflicts", tmp_path)
    assert len(conflicts) == 1 and conflicts["kind"].iloc[0] == "cross_source_value"
    assert stricter.n_cached == 2  # extraction did not change: its cache still serves


def test_a_manifest_edit_is_published(tmp_path: Path) -> None:
    _corpus(tmp_path)
    first = _run(tmp_path)
    _corpus(tmp_path, title="Survey A, second edition")
    edited = _run(tmp_path)
    assert edited.run_id != first.run_id
    titles = load("sources", tmp_path).sort_values("uri")["title"].tolist()
    assert titles == ["Survey A, second edition", "Survey B"]


def test_new_code_publishes_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus(tmp_path)
    first = _run(tmp_path)
    real = pipeline.results_fingerprint
    monkeypatch.setattr(pipeline, "results_fingerprint", lambda s: real(s) + "-next-release")
    monkeypatch.setattr(runner, "results_fingerprint", pipeline.results_fingerprint)
    assert _run(tmp_path).run_id != first.run_id


def test_the_results_fingerprint_follows_code_and_tolerances(tmp_path: Path) -> None:
    settings = load_settings(env={}, data_dir=str(tmp_path))
    stricter = load_settings(env={}, data_dir=str(tmp_path), value_tolerance=0.01)
    same = load_settings(env={"MLEFACTS_RUN_BATCH_SIZE": "7"}, data_dir=str(tmp_path))
    assert pipeline.results_fingerprint(settings) == pipeline.results_fingerprint(same)
    assert pipeline.results_fingerprint(settings) != pipeline.results_fingerprint(stricter)


def test_a_snapshot_of_another_schema_major_is_published_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade to a new schema major version, the old snapshot cannot be read; the
    run that the error message asks for must publish a new one, not fail on reading it."""
    _corpus(tmp_path)
    first = _run(tmp_path)
    try:
        for module in (schema_version, parquet, datapackage, snapshots):
            monkeypatch.setattr(module, "SCHEMA_VERSION", "99.0.0")
        parquet.canonical_schema.cache_clear()  # the files' metadata holds the version
        with pytest.raises(schema_version.IncompatibleSchemaError):
            load("claims", tmp_path)
        upgraded = _run(tmp_path)
        assert upgraded.status == "completed" and upgraded.snapshot_id != first.snapshot_id
        assert len(load("claims", tmp_path)) == first.n_claims
    finally:
        monkeypatch.undo()
        parquet.canonical_schema.cache_clear()


def _market_subjects(folder: Path) -> dict[str, str]:
    claims = load("claims", folder)
    titles = load("sources", folder).set_index("source_id")["title"]
    sizes = claims[claims["kind"] == "market_size"]
    return {titles[row.source_id]: row.subject for row in sizes.itertuples()}


def test_the_same_bytes_under_another_title_are_extracted_again(tmp_path: Path) -> None:
    """A page that names no market ('the market') takes it from its title: two sources with the
    same bytes and different titles read differently, and so does a source whose title the
    manifest corrects later. The cache of the bytes must not answer for another title."""
    page = "Outlook\n\nThe market is projected to reach USD 5.2 billion by 2030.\n"
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8")
    manifest = tmp_path / "sources.toml"
    entry = '[[source]]\nuri = "{uri}"\ntitle = "{title}"\n\n'
    manifest.write_text(
        entry.format(uri="one.txt", title="Computer Vision Market Report")
        + entry.format(uri="two.txt", title="Machine Learning Market Report"),
        encoding="utf-8",
    )
    _run(tmp_path)
    assert _market_subjects(tmp_path) == {
        "Computer Vision Market Report": "computer vision market",
        "Machine Learning Market Report": "machine learning market",
    }
    manifest.write_text(
        entry.format(uri="one.txt", title="Speech Recognition Market Report"), encoding="utf-8"
    )
    corrected = _run(tmp_path, allow_shrink=True)
    assert corrected.n_extracted == 1
    assert _market_subjects(tmp_path) == {
        "Speech Recognition Market Report": "speech recognition market"
    }


def test_a_run_keeps_only_its_own_extraction_cache(tmp_path: Path) -> None:
    _corpus(tmp_path)
    settings = load_settings(env={}, data_dir=str(tmp_path), sources=str(tmp_path / "sources.toml"))
    older = settings.cache_dir / "0123456789abcdef" / "ab"
    older.mkdir(parents=True)
    (older / "ab12.json").write_text("{}", encoding="utf-8")
    first = _run(tmp_path)
    assert [path.name for path in settings.cache_dir.iterdir()] == [first.extractor_version]
    assert _run(tmp_path, value_tolerance=0.01).n_cached == 2  # its own entries stay


def test_a_no_change_run_publishes_its_own_fetch_attempts(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The `fetches` log grows with every run, the runs that republish a snapshot too: a URL
    that answers 304 is one more attempt. A record of the log that fails validation is a
    rejection in those runs as in a full one."""
    page = f"<html><body><p>{_SURVEY.format(name='Web', value='11.0')}</p></body></html>"

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(page, content_type="text/html", headers={"ETag": '"v1"'})

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/survey").respond_with_handler(answer)
    _corpus(tmp_path)
    with (tmp_path / "sources.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(f'\n[[source]]\nuri = "{httpserver.url_for("/survey")}"\n')
    options = {"allow_private_hosts": True}
    _run(tmp_path, **options)  # the page: fetched
    second = _run(tmp_path, **options)  # not modified: a new status, so a full run
    third = _run(tmp_path, **options)
    assert third.run_id == second.run_id and third.n_extracted == 0
    fetches = load("fetches", tmp_path)
    web = fetches[fetches["uri"].str.startswith("http")]
    # Three attempts, the fetch first; the table orders attempts by their time to the second,
    # so attempts within one second (a quiet machine) sort by status among themselves.
    assert sorted(web["status"]) == ["not_modified", "not_modified", "ok"]
    fetched_at = web.loc[web["status"] == "ok", "attempted_at"].iloc[0]
    assert (web.loc[web["status"] == "not_modified", "attempted_at"] >= fetched_at).all()
    log = tmp_path / "raw" / "state" / "fetch_log.jsonl"
    with log.open("a", encoding="utf-8") as lines:
        lines.write('{"time": "not a time", "source_id": "s_x", "uri": "x", "status": "ok"}\n')
    fourth = _run(tmp_path, **options)
    assert fourth.run_id == second.run_id
    rejections = load("rejections", tmp_path)
    assert rejections["reason"].str.startswith("[fetches]").sum() == 1
    assert len(load("fetches", tmp_path)) == len(fetches) + 1  # the fourth run's 304

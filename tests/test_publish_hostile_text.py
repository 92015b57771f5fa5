"""What a source says is data, never code: titles, URIs and text reach the published tables and
the SQL catalog as plain strings, and nothing in them is executed or used to build a path.
(Schemes, internal hosts, redirects and escaping paths: tests/test_sources_safety.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from support.runs import FACT, run_plain

import mlefacts
from mlefacts.publish.catalog import connect

SQL = "'; DROP TABLE claims; --"
SHELL = "$(rm -rf /)"
TICKS = "`touch pwned`"


def test_injection_strings_end_up_as_plain_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "sources"
    folder.mkdir()
    name = "a b;$(x) 'q'.txt"
    text = f"{FACT} The firm {SQL} and {SHELL} {TICKS} said so."
    (folder / name).write_text(text)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    path = f"/p/{SQL}{SHELL}"
    httpserver.expect_request(path).respond_with_data(f"<p>{text}</p>", content_type="text/html")
    url = httpserver.url_for(path)
    manifest = folder / "sources.toml"
    manifest.write_text(
        f"[[source]]\nuri = {name!r}\ntitle = {SQL + SHELL!r}\npublisher = {TICKS!r}\n\n"
        f"[[source]]\nuri = {url!r}\ntitle = {SHELL!r}\n",
        encoding="utf-8",
    )
    data_dir = tmp_path / "data"
    run_plain(data_dir, manifest, allow_private_hosts=True)

    sources = mlefacts.load("sources", data_dir).set_index("uri")
    assert set(sources["status"]) == {"ok"}
    assert sources.loc[name, "title"] == SQL + SHELL
    assert sources.loc[name, "publisher"] == TICKS
    assert sources.loc[url, "title"] == SHELL
    claims = mlefacts.load("claims", data_dir)
    assert len(claims) >= 2 and claims["value"].eq(150000.0).any()
    documents = mlefacts.load("documents", data_dir)
    assert all(SQL in doc and SHELL in doc for doc in documents["text"])
    with connect(data_dir) as con:
        titles = {row[0] for row in con.execute("SELECT title FROM sources").fetchall()}
        assert titles == {SQL + SHELL, SHELL}
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(claims)
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    made = {p.name for p in tmp_path.rglob("*")}
    assert not any("rm -rf" in p or "DROP" in p for p in made - {name})
    assert (data_dir / "raw" / "objects").is_dir()

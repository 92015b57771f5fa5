"""Hostile documents through the ingest layer and `process_batch`: the run goes on, a clear reason
is recorded or the content is handled, and no claim is kept without an exact quote.

Every input is generated in a temporary directory (the big ones sparse or repeated), never
committed.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from mlefacts.extract import extraction_fingerprint
from mlefacts.pipeline import BatchResult, process_batch
from mlefacts.settings import Settings, load_settings
from mlefacts.sources.http import FetchSettings
from mlefacts.sources.manifest import make_source

FACT = "Machine learning engineers earn a median salary of $150,000 a year."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def run(tmp_path: Path, files: dict[str, bytes], **options: object) -> BatchResult:
    """Write the files next to a manifest and ingest/extract them as one batch."""
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    settings = load_settings(
        env={}, data_dir=tmp_path / "data", sources=folder / "sources.toml", **options
    )
    specs = [make_source(name) for name in files]
    result = process_batch(specs, settings=settings, fingerprint=extraction_fingerprint())
    assert_sound(result)
    return result


def assert_sound(result: BatchResult) -> None:
    """Every claim quotes its document exactly; every failed source says why."""
    texts = {row["source_id"]: row["text"] for row in result.documents}
    for claim in result.claims:
        text = texts[claim["source_id"]]
        assert text[claim["char_start"] : claim["char_end"]] == claim["quote"]
        assert claim["quote"].strip()
        for key in ("value", "value_high"):
            assert claim[key] is None or math.isfinite(claim[key]), claim
    reasons = {row["source_id"]: row["reason"] for row in result.rejections}
    for row in result.sources:
        if row["status"] == "error":
            assert row["error"] and reasons[row["source_id"]]


def only_source(result: BatchResult) -> dict[str, object]:
    assert len(result.sources) == 1
    return result.sources[0]


def test_empty_file_is_recorded_as_having_no_text(tmp_path: Path) -> None:
    result = run(tmp_path, {"empty.html": b"", "good.txt": FACT.encode()})
    by_uri = {row["uri"]: row for row in result.sources}
    assert by_uri["empty.html"]["status"] == "error"
    assert "no text" in str(by_uri["empty.html"]["error"])
    assert by_uri["good.txt"]["status"] == "ok"
    assert [claim["value"] for claim in result.claims] == [150000.0]


def test_png_renamed_html_is_refused_as_binary(tmp_path: Path) -> None:
    row = only_source(run(tmp_path, {"chart.html": PNG}))
    assert row["status"] == "error"
    assert "PNG image" in str(row["error"])


def test_100_mb_file_is_refused_by_the_size_limit(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    with (folder / "huge.html").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to disk
    result = run(tmp_path, {}, max_bytes=20_000_000)
    assert result.sources == []
    specs = [make_source("huge.html")]
    settings = Settings(data_dir=tmp_path / "data", manifest=folder / "sources.toml")
    result = process_batch(specs, settings=settings, fingerprint=extraction_fingerprint())
    row = only_source(result)
    assert row["status"] == "error"
    assert "larger than 20000000 bytes" in str(row["error"])
    assert result.rejections[0]["stage"] == "ingest"


def test_size_limit_is_an_option(tmp_path: Path) -> None:
    row = only_source(run(tmp_path, {"a.txt": FACT.encode()}, max_bytes=10))
    assert row["status"] == "error" and "larger than 10 bytes" in str(row["error"])


def test_utf16_with_bom(tmp_path: Path) -> None:
    result = run(tmp_path, {"wide.txt": FACT.encode("utf-16")})  # BOM + UTF-16-LE
    row = only_source(result)
    assert row["status"] == "ok" and str(row["charset"]).startswith("utf-16")
    assert result.documents[0]["text"] == FACT
    assert [claim["value"] for claim in result.claims] == [150000.0]


def test_latin1_without_declared_charset(tmp_path: Path) -> None:
    text = f"{FACT} Les ingénieurs débutants gagnent moins à Zürich."
    result = run(tmp_path, {"latin.txt": text.encode("latin-1")})
    assert only_source(result)["status"] == "ok"
    assert result.documents[0]["text"] == text


def test_cp1252_html_without_declared_charset(tmp_path: Path) -> None:
    page = f"<html><body><p>{FACT} It is “typical” pay — a mid-level figure.</p></body></html>"
    result = run(tmp_path, {"legacy.html": page.encode("cp1252")})
    assert only_source(result)["charset"] == "cp1252"
    assert "“typical” pay — a" in result.documents[0]["text"]
    assert [claim["value"] for claim in result.claims] == [150000.0]


def test_utf8_with_stray_cp1252_bytes_keeps_both(tmp_path: Path) -> None:
    data = f"{FACT} Engineers in Zürich and São Paulo ✓ ".encode() + "said “it’s fair”.".encode(
        "cp1252"
    )
    result = run(tmp_path, {"mixed.txt": data})
    text = result.documents[0]["text"]
    assert "Zürich and São Paulo ✓" in text
    assert "“it’s fair”" in text
    assert only_source(result)["charset"] == "utf-8"


def test_html_nested_10000_deep(tmp_path: Path) -> None:
    page = "<div>" * 10_000 + f"<p>{FACT}</p>" + "</div>" * 10_000
    result = run(tmp_path, {"deep.html": page.encode()})
    assert only_source(result)["status"] == "ok"
    assert [claim["quote"] for claim in result.claims] == [FACT]


def test_unclosed_tags_10000_deep(tmp_path: Path) -> None:
    page = "<ul><li>" * 10_000 + FACT
    result = run(tmp_path, {"open.html": page.encode()})
    assert only_source(result)["status"] == "ok"
    assert FACT in result.documents[0]["text"]


@pytest.mark.slow
def test_table_of_50000_rows(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>City{i}</td><td>${100_000 + i:,}</td></tr>" for i in range(50_000))
    page = (
        "<h2>Machine learning engineer salary by city</h2>"
        f"<table><tr><th>City</th><th>Median salary</th></tr>{rows}</table>"
    )
    result = run(tmp_path, {"big-table.html": page.encode()})
    assert only_source(result)["status"] == "ok"
    values = sorted(claim["value"] for claim in result.claims)
    assert values == [float(100_000 + i) for i in range(50_000)]


@pytest.mark.slow
def test_line_of_10_mb(tmp_path: Path) -> None:
    filler = (
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 12_000
    )
    fact = " machine learning engineers earn a median salary of $150,000 a year "
    line = ((fact + filler) * 11)[:10_000_000]
    assert "\n" not in line and len(line) == 10_000_000
    result = run(tmp_path, {"line.txt": line.encode()})
    assert only_source(result)["n_chars"] == 10_000_000
    assert len(result.claims) == line.count("$150,000") == 11
    for claim in result.claims:
        assert claim["value"] == 150000.0
        assert "$150,000 a year" in claim["quote"] and len(claim["quote"]) <= 2_000


def test_script_and_style_content_gives_no_claim(tmp_path: Path) -> None:
    page = (
        "<html><head><style>.pay:after{content:'Machine learning engineers earn $120,000'}"
        '</style><script>var salary = "$120,000"; // machine learning engineer median salary'
        "</script></head><body><p>Welcome.</p>"
        '<script type=\'application/ld+json\'>{"baseSalary": "ML engineer salary $130,000"}'
        "</script><template><p>Machine learning engineers earn $140,000 a year.</p></template>"
        "</body></html>"
    )
    result = run(tmp_path, {"scripted.html": page.encode()})
    assert result.claims == []
    text = result.documents[0]["text"]
    assert "$1" not in text and "var salary" not in text


@pytest.mark.parametrize(
    "sentence",
    [
        "The global machine learning market will reach 1e308 billion by 2030.",
        "Machine learning engineers earn 10^400 dollars a year.",
        "The global machine learning market is worth $" + "9" * 400 + " billion in 2024.",
        "Machine learning engineers earn a median salary of $" + "1," * 150 + "000 a year.",
        "The market grows at a CAGR of " + "9" * 320 + "% from 2023 to 2030.",
        "Machine learning engineers earn 1.7976931348623157e308 USD a year.",
    ],
)
def test_absurd_exponents_and_digit_runs_give_no_claim(tmp_path: Path, sentence: str) -> None:
    result = run(tmp_path, {"absurd.txt": f"{sentence} {FACT}".encode()})
    assert [claim["value"] for claim in result.claims] == [150000.0]


def test_hostile_pages_over_http(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/png").respond_with_data(PNG, content_type="text/html")
    httpserver.expect_request("/wide").respond_with_data(
        FACT.encode("utf-16"), content_type="text/plain"
    )
    httpserver.expect_request("/empty").respond_with_data(b"", content_type="text/html")
    settings = Settings(
        data_dir=tmp_path / "data",
        manifest=tmp_path / "sources.toml",
        fetch=FetchSettings(allow_private_hosts=True),
    )
    specs = [make_source(httpserver.url_for(path)) for path in ("/png", "/wide", "/empty")]
    result = process_batch(specs, settings=settings, fingerprint=extraction_fingerprint())
    assert_sound(result)
    by_path = {str(row["uri"]).rsplit("/", 1)[1]: row for row in result.sources}
    assert "PNG image" in str(by_path["png"]["error"])
    assert by_path["wide"]["status"] == "ok"
    assert "no text" in str(by_path["empty"]["error"])
    assert [claim["value"] for claim in result.claims] == [150000.0]


def test_every_hostile_file_at_once_does_not_stop_the_batch(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "png.html": PNG,
        "nul.txt": b"abc\x00def" * 100,
        "bom-only.txt": b"\xef\xbb\xbf",
        "garbage.html": os.urandom(4096).replace(b"\x00", b"\x01").replace(b"\x89", b"\x8a"),
        "good.txt": FACT.encode(),
    }
    result = run(tmp_path, files)
    assert len(result.sources) == len(files)
    by_uri = {row["uri"]: row for row in result.sources}
    assert by_uri["good.txt"]["status"] == "ok"
    for name in ("empty.txt", "png.html", "nul.txt", "bom-only.txt"):
        assert by_uri[name]["status"] == "error", name
    assert 150000.0 in [claim["value"] for claim in result.claims]

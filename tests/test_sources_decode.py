"""decode_bytes and sniff_media_type: BOMs, declared charsets, detection, binary refusal."""

from __future__ import annotations

import codecs
import struct
import zlib

import pytest

from mlefacts.sources.decode import DecodeError, decode_bytes, sniff_media_type

LATIN = "Le café du coin: a naïve estimate puts the salary at £45,000 per annum."


def png_bytes() -> bytes:
    """A real 1x1 PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + "Salary: ₹12 lakh per annum".encode("utf-16-le")
    decoded = decode_bytes(data, declared_charset=None, media_type="text/plain")
    assert decoded.text == "Salary: ₹12 lakh per annum"
    assert decoded.charset == "utf-16-le"
    assert decoded.confident


def test_utf8_bom_is_stripped() -> None:
    data = codecs.BOM_UTF8 + "naïve".encode()
    decoded = decode_bytes(data, declared_charset="iso-8859-1", media_type="text/plain")
    assert decoded.text == "naïve"
    assert decoded.charset == "utf-8"


def test_cp1252_smart_quotes_without_charset() -> None:
    text = "He said “machine learning” isn’t magic – it’s engineering…"
    decoded = decode_bytes(text.encode("cp1252"), declared_charset=None, media_type="text/plain")
    assert decoded.text == text
    assert decoded.charset == "cp1252"
    assert not decoded.confident


def test_latin1_without_charset() -> None:
    decoded = decode_bytes(LATIN.encode("latin-1"), declared_charset=None, media_type="text/html")
    assert decoded.text == LATIN
    assert not decoded.confident


def test_meta_charset() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{LATIN}</p></body></html>'
    decoded = decode_bytes(page.encode("latin-1"), declared_charset=None, media_type="text/html")
    assert LATIN in decoded.text
    assert decoded.confident


def test_http_equiv_charset() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<p>Инженер машинного обучения</p>"
    )
    decoded = decode_bytes(page.encode("cp1251"), declared_charset=None, media_type="text/html")
    assert "Инженер машинного обучения" in decoded.text
    assert decoded.charset == "cp1251"


def test_xml_declaration_charset() -> None:
    page = '<?xml version="1.0" encoding="koi8-r"?><html><p>Инженер данных</p></html>'
    decoded = decode_bytes(page.encode("koi8-r"), declared_charset=None, media_type="text/html")
    assert "Инженер данных" in decoded.text
    assert decoded.confident


def test_meta_ignored_for_plain_text() -> None:
    data = '<meta charset="koi8-r"> café'.encode()
    decoded = decode_bytes(data, declared_charset=None, media_type="text/plain")
    assert decoded.text.endswith("café")
    assert decoded.charset == "utf-8"


def test_declared_header_beats_meta() -> None:
    page = '<meta charset="koi8-r"><p>café</p>'.encode()
    decoded = decode_bytes(page, declared_charset="utf-8", media_type="text/html")
    assert "café" in decoded.text


def test_wrong_declared_charset_falls_through() -> None:
    decoded = decode_bytes(b"caf\xe9 \xa345", declared_charset="utf-8", media_type="text/plain")
    assert decoded.text == "café £45"
    assert not decoded.confident


def test_strict_utf8() -> None:
    decoded = decode_bytes("₹12 lakh".encode(), declared_charset=None, media_type="text/plain")
    assert (decoded.text, decoded.charset, decoded.confident) == ("₹12 lakh", "utf-8", True)


def test_png_renamed_html_is_refused() -> None:
    data = png_bytes()
    assert sniff_media_type(data, filename="article.html") == "text/html"
    with pytest.raises(DecodeError, match="PNG image"):
        decode_bytes(data, declared_charset=None, media_type="text/html")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "GZIP"),
        (b"ELF\x00\x01\x02 text", "NUL bytes"),
    ],
)
def test_binary_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=what):
        decode_bytes(data, declared_charset=None, media_type="text/plain")


def test_utf16_declared_without_bom_is_not_binary() -> None:
    data = "salary".encode("utf-16-le")
    decoded = decode_bytes(data, declared_charset="utf-16le", media_type="text/plain")
    assert decoded.text == "salary"


def test_empty_data_is_empty_text() -> None:
    decoded = decode_bytes(b"", declared_charset=None, media_type="text/plain")
    assert decoded.text == ""


@pytest.mark.parametrize(
    ("data", "filename", "declared", "expected"),
    [
        (b"plain words", "a.txt", None, "text/plain"),
        (b"# Heading", "a.md", None, "text/markdown"),
        (b"<p>x</p>", "a.htm", None, "text/html"),
        (b"anything", None, "text/html; charset=utf-8", "text/html"),
        (b"anything", None, "application/xhtml+xml", "text/html"),
        (b"  <!DOCTYPE html><title>x</title>", None, None, "text/html"),
        (b"<body>hello</body>", None, "application/octet-stream", "text/html"),
        (b"Salary: 5 < 6 and 7 > 3", None, None, "text/plain"),
        (b"<p>First paragraph", "page", None, "text/html"),
    ],
)
def test_sniff_media_type(
    data: bytes, filename: str | None, declared: str | None, expected: str
) -> None:
    assert sniff_media_type(data, filename=filename, declared=declared) == expected

"""Bytes -> text, with an explicit fallback chain and an honest confidence flag.

Order: byte-order mark, declared charset (HTTP header, then `<meta>` for HTML), strict UTF-8,
UTF-8 with a few stray cp1252 bytes, statistical detection (charset_normalizer), and finally
cp1252, which decodes anything.
Clearly binary data (images, PDFs, archives, NUL bytes) is refused instead of turned into noise.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "GZIP-compressed data"),
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
EXTENSION_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}
DECLARABLE_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
}
HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<p>", b"<head")
# WHATWG Encoding: these labels mean windows-1252 on the web, whose extra characters (curly
# quotes, dashes, the euro) sit where Latin-1 has control codes.
WEB_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
SNIFF_BYTES = 4096
NUL_WINDOW = 1024
DETECTION_TIE = 0.01
_SURROGATE = re.compile("[\ud800-\udfff]")


class DecodeError(ValueError):
    """The bytes are not text (an image, an archive, a PDF...)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the Python codec name used, and whether that choice was more than a guess."""

    text: str
    charset: str
    confident: bool


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Map bytes cp1252 leaves undefined to the same code points, as browsers do."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("latin-1"), error.end


codecs.register_error("mlefacts-latin1-fallback", _latin1_fallback)


def decode_bytes(data: bytes, *, declared_charset: str | None, media_type: str) -> Decoded:
    """Decode a document's bytes; raise `DecodeError` for binary data.

    >>> decode_bytes("café".encode("cp1252"), declared_charset=None, media_type="text/plain")
    Decoded(text='café', charset='cp1252', confident=False)
    >>> decode_bytes(b"", declared_charset=None, media_type="text/plain").text
    ''
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], codec)
    declared = _codec_name(declared_charset)
    _refuse_binary(data, wide_declared=declared is not None and declared.startswith("utf_"))
    for charset in (declared, _html_declared(data, media_type)):
        if charset is not None:
            try:
                text = data.decode(charset)
            except UnicodeError:  # also codecs that fail with a bare UnicodeError (punycode)
                continue
            return Decoded(_refuse_surrogates(text, charset), _web_name(charset), True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    detected = _detect(data)
    if detected is not None:
        _refuse_surrogates(detected.text, detected.charset)
        return detected
    return Decoded(data.decode("cp1252", "mlefacts-latin1-fallback"), "cp1252", False)


def sniff_media_type(
    data: bytes, *, filename: str | None = None, declared: str | None = None
) -> str:
    """One of text/html, text/plain, text/markdown: declared type, then extension, then content.

    >>> sniff_media_type(b"<!DOCTYPE html><p>x</p>")
    'text/html'
    >>> sniff_media_type(b"# Title", filename="notes.md")
    'text/markdown'
    """
    if declared:
        base = declared.split(";", 1)[0].strip().lower()
        if base in DECLARABLE_TYPES:
            return DECLARABLE_TYPES[base]
    if filename:
        by_extension = EXTENSION_TYPES.get(
            PurePosixPath(filename.replace("\\", "/")).suffix.lower()
        )
        if by_extension:
            return by_extension
    head = data[:SNIFF_BYTES].lower()
    if any(marker in head for marker in HTML_MARKERS):
        return "text/html"
    return "text/plain"


def _decode_with_bom(body: bytes, codec: str) -> Decoded:
    try:
        return Decoded(body.decode(codec), codec, True)
    except UnicodeDecodeError:
        return Decoded(body.decode(codec, "replace"), codec, False)


def _refuse_binary(data: bytes, *, wide_declared: bool) -> None:
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise DecodeError(f"not text: the bytes look like {what}")
    if not wide_declared and b"\x00" in data[:NUL_WINDOW]:
        raise DecodeError(
            f"not text: NUL bytes in the first {NUL_WINDOW} bytes and no UTF-16/32 byte-order mark "
            "(looks like binary data)"
        )


def _html_declared(data: bytes, media_type: str) -> str | None:
    """The charset a `<meta>` tag or XML declaration names in the first 4 KB of an HTML page."""
    if media_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
        return None
    # BeautifulSoup's detector reads the XML declaration and both forms of `<meta>` charset
    # (imported here: ~0.08 s of CPU that a run of text and markdown sources never needs).
    from bs4.dammit import EncodingDetector

    label = EncodingDetector.find_declared_encoding(data[:SNIFF_BYTES], is_html=True)
    if label is None:
        return None
    codec = _codec_name(label)
    # A page that can state its charset in ASCII is not UTF-16/32, whatever it claims (HTML spec).
    if codec is not None and codec.startswith(("utf_16", "utf_32")):
        return "utf_8"
    return codec


def _codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when the label is unknown.

    A label naming a codec that does not decode bytes to text (hex, base64, zlib, rot13,
    undefined...) is refused: the page says its bytes are something other than text.

    >>> _codec_name("hex")
    Traceback (most recent call last):
    ...
    mlefacts.sources.decode.DecodeError: declared charset 'hex' is not a text encoding
    """
    if not label:
        return None
    cleaned = label.strip().strip("\"'")
    try:
        info = codecs.lookup(cleaned)
    except LookupError:
        return None
    # CodecInfo._is_text_encoding is what makes bytes.decode refuse 'hex'; 'undefined' always fails.
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise DecodeError(f"declared charset {cleaned!r} is not a text encoding")
    name = info.name.replace("-", "_")
    return WEB_ALIASES.get(name, name)


def _refuse_surrogates(text: str, charset: str) -> str:
    """Lone surrogates (UTF-7's `+2D3-`, `\\ud800` escapes) are not text: no UTF-8 encodes them.

    >>> _refuse_surrogates("pay \\ud83d here", "utf-7")
    Traceback (most recent call last):
    ...
    mlefacts.sources.decode.DecodeError: decoding as utf-7 gives lone surrogates (not text)
    """
    if _SURROGATE.search(text):
        raise DecodeError(f"decoding as {charset} gives lone surrogates (not text)")
    return text


def _web_name(codec: str) -> str:
    return codecs.lookup(codec).name


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects one at a time as cp1252 (Latin-1 where cp1252 has none)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start : error.start + 1]
    return byte.decode("cp1252", "mlefacts-latin1-fallback"), error.start + 1


codecs.register_error("mlefacts-cp1252-fallback", _cp1252_fallback)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """A UTF-8 page with a few cp1252 bytes pasted in (a quote, a dash from another editor):
    UTF-8 for the valid sequences, cp1252 for the stray bytes. Only when the valid multi-byte
    sequences are at least half as many as the invalid bytes; legacy single-byte text has
    almost none of them (an accented capital followed by a curly quote, at most).

    >>> page = "naïve café, résumé ".encode() + "“quoted”".encode("cp1252")
    >>> _mostly_utf8(page)
    Decoded(text='naïve café, résumé “quoted”', charset='utf-8', confident=False)
    """
    text = data.decode("utf-8", "mlefacts-cp1252-fallback")
    strict = data.decode("utf-8", "replace")
    invalid = strict.count("\ufffd") - data.count("\ufffd".encode())
    valid_multibyte = sum(1 for ch in strict if ord(ch) > 0x7F and ch != "\ufffd")
    if valid_multibyte == 0 or 2 * valid_multibyte < invalid:
        return None
    return Decoded(text, "utf-8", False)


def _detect(data: bytes) -> Decoded | None:
    """charset_normalizer's guess; among equally plausible guesses prefer cp1252, the legacy
    encoding of most Western web pages (short Latin-1 texts otherwise come back as cp1250)."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    plausible = [match for match in matches if match.chaos <= least_chaos + DETECTION_TIE]
    if any("cp1252" in match.could_be_from_charset for match in plausible):
        return Decoded(data.decode("cp1252", "mlefacts-latin1-fallback"), "cp1252", False)
    best = min(plausible, key=lambda match: (match.chaos, -match.coherence))
    return Decoded(str(best), _web_name(best.encoding), False)

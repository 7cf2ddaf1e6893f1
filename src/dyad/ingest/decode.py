"""From bytes to text: binary sniffing, encodings, Unicode normalisation."""

from __future__ import annotations

import codecs
import re
import unicodedata

from dyad.errors import BinaryInputError, ConfigurationError, EmptyInputError, EncodingError

# Leading bytes of common non-text formats, and how to name them in an error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)
# Bytes of a valid multi-byte UTF-8 sequence; their presence beside invalid bytes means mixed encodings.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13}


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when every other byte of the head is NUL, as in ASCII text in UTF-16."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def sniff_binary(data: bytes) -> str | None:
    """What non-text format the bytes are in, or ``None`` when they may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and sum(b in _CONTROL for b in head) > 0.05 * len(head):
        return "binary data (control characters)"
    return None


def decode(data: bytes, where: str, encoding: str = "auto") -> str:
    """Decode an input's bytes to NFC text, or raise a typed :class:`~dyad.errors.InputError`.

    With ``encoding="auto"`` the bytes must be UTF-8 (a byte-order mark is dropped) or UTF-16 with a
    byte-order mark or plain ASCII content; anything else is an error that says which byte is wrong and
    whether the file mixes encodings. A named codec is used as given.
    """
    if not data:
        raise EmptyInputError(where, "empty file")
    binary = sniff_binary(data)
    if binary:
        raise BinaryInputError(where, f"not text: {binary}")
    if encoding != "auto":
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise ConfigurationError(f"unknown encoding {encoding!r}") from exc
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                where, f"cannot be decoded as {encoding} (byte 0x{data[exc.start]:02X} at offset {exc.start})"
            ) from exc
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(where, f"broken UTF-16 (offset {exc.start})") from exc
    elif utf16 := _utf16_without_bom(data[:8192]):
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise EncodingError(where, f"broken UTF-16 (offset {exc.start})") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad = data[exc.start]
            if _UTF8_MULTIBYTE.search(data):
                reason = (
                    f"mixed encodings: UTF-8 text with bytes that are not UTF-8 "
                    f"(first 0x{bad:02X} at offset {exc.start})"
                )
            else:
                reason = (
                    f"not UTF-8 (byte 0x{bad:02X} at offset {exc.start}); "
                    "if it is Latin-1 or Windows-1252, pass --encoding cp1252"
                )
            raise EncodingError(where, reason) from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyInputError(where, "empty file (only white space)")
    return normalize(text)


def normalize(text: str) -> str:
    """Unicode NFC; curly quotes, dashes and line breaks are kept as they are."""
    return unicodedata.normalize("NFC", text)

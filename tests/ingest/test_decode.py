from __future__ import annotations

import codecs

import pytest

from dyad.errors import BinaryInputError, EmptyInputError, EncodingError
from dyad.ingest.decode import decode


def test_utf8_with_bom_is_read_without_the_mark() -> None:
    assert decode(codecs.BOM_UTF8 + b"Kabul", "a.txt") == "Kabul"


def test_utf16_with_and_without_bom_is_read() -> None:
    text = "Talks in Kabul on 17 April."
    assert decode(text.encode("utf-16"), "a.txt") == text
    assert decode(text.encode("utf-16-le"), "a.txt") == text


def test_text_is_nfc_normalised_and_curly_quotes_kept() -> None:
    decomposed = "Kabore\u0301 said \u201chello\u201d \u2014 twice"
    assert decode(decomposed.encode(), "a.txt") == "Kaboré said \u201chello\u201d \u2014 twice"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"some text\x00\x00\x01\x02 and more", "NUL bytes"),
    ],
)
def test_binary_input_is_refused_and_named(data: bytes, reason: str) -> None:
    with pytest.raises(BinaryInputError, match=reason):
        decode(data, "a.bin")


def test_latin1_file_is_refused_with_the_offending_byte_and_a_hint() -> None:
    with pytest.raises(EncodingError) as info:
        decode("Le ministre a visité Kaboul.".encode("cp1252"), "fr.txt")
    assert info.value.where == "fr.txt"
    assert "0xE9 at offset 19" in info.value.reason
    assert "--encoding cp1252" in info.value.reason


def test_mixed_encodings_are_named_as_such() -> None:
    data = "Kaboré said “no”. ".encode() + "Visité".encode("cp1252")
    with pytest.raises(EncodingError, match="mixed encodings"):
        decode(data, "mixed.txt")


def test_a_named_encoding_is_used() -> None:
    assert decode("visité".encode("cp1252"), "a.txt", "cp1252") == "visité"


@pytest.mark.parametrize("data", [b"", b"  \n\n\t "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode(data, "empty.txt")

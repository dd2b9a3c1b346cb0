"""Bytes of unknown encoding to text: byte-order marks, UTF-8, detected code pages, binary data."""

from __future__ import annotations

import codecs

import pytest

from framing.corpus.decode import decode_bytes, stream_encoding

RUSSIAN = "Министр иностранных дел заявил, что переговоры продолжатся в понедельник."
FRENCH = "Le ministre a déclaré que les négociations reprendraient lundi à Genève."


@pytest.mark.parametrize("raw, text", [
    ("Kyiv – Київ".encode("utf-16"), "Kyiv – Київ"),  # with its byte-order mark
    (codecs.BOM_UTF16_BE + "Kyiv – Київ".encode("utf-16-be"), "Kyiv – Київ"),
    ("Kyiv – Київ".encode("utf-32"), "Kyiv – Київ"),  # not taken for UTF-16, whose mark begins it
    (codecs.BOM_UTF8 + "Café".encode(), "Café"),  # the mark is not part of the text
    (RUSSIAN.encode("utf-8"), RUSSIAN),
    (RUSSIAN.encode("cp1251"), RUSSIAN),
    (FRENCH.encode("cp1252"), FRENCH),
    ("“Peace talks” – a statement.".encode("cp1252"), "“Peace talks” – a statement."),
])
def test_text_is_decoded_in_its_encoding(raw, text):
    assert decode_bytes(raw) == text


def test_line_endings_are_normalised_and_nul_bytes_dropped():
    assert decode_bytes(b"First line.\r\nSecond line.\rThird\x00 line.\n") == "First line.\nSecond line.\nThird line.\n"


def test_invalid_bytes_after_a_byte_order_mark_are_replaced():
    assert decode_bytes(codecs.BOM_UTF8 + b"caf\xe9 au lait") == "caf\ufffd au lait"


@pytest.mark.parametrize("raw", [
    b"\x89PNG\r\n\x1a\n" + bytes(64),
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"\x1f\x8b\x08\x00" + bytes(16),  # gzip
    b"II*\x00" + bytes(16),  # TIFF, little-endian
    b"\x80\x81\x82" + bytes(100),  # mostly NUL bytes, not UTF-8
])
def test_binary_data_is_not_text(raw):
    assert decode_bytes(raw) is None


@pytest.mark.parametrize("sample, encoding", [
    (codecs.BOM_UTF8 + b"text,outlet\n", "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "text,outlet\n".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF32_LE + "text,outlet\n".encode("utf-32-le"), "utf-32"),
    ("text,outlet\nКиїв,RT\n".encode(), "utf-8"),
    ("text,outlet\nКиїв".encode()[:-1], "utf-8"),  # the sample ends inside a character
    (f"text;outlet\n{RUSSIAN};ТАСС\n".encode("cp1251"), "cp1251"),
])
def test_stream_encoding_from_the_first_bytes(sample, encoding):
    assert stream_encoding(sample) == encoding

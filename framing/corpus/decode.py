"""Turn bytes of unknown encoding into text, or tell that they are not text.

Examples
--------
>>> decode_bytes("Привет, как дела? Это тестовое сообщение.".encode("cp1251"))
'Привет, как дела? Это тестовое сообщение.'
>>> decode_bytes("Café déjà vu, naïve façade.".encode("latin-1"))
'Café déjà vu, naïve façade.'
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(range(256))) is None
True
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from typing import Any

# Signatures of common binary formats that arrive with a text extension.
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b",
    b"RIFF", b"\x7fELF", b"BM", b"II*\x00", b"MM\x00*",
)


# Byte-order marks, longest first (the UTF-32 LE mark starts with UTF-16 LE's).
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def stream_encoding(sample: bytes) -> str:
    """The encoding to stream a record file with, judged from its first bytes.

    >>> stream_encoding(codecs.BOM_UTF16_LE + "text".encode("utf-16-le"))
    'utf-16'
    >>> stream_encoding("текст,источник;Привет, как дела? Это тестовое сообщение.".encode("cp1251"))
    'cp1251'
    """
    encoding = _bom_encoding(sample)
    if encoding is not None:
        return encoding
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3:  # the sample ends inside a character
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best is not None else "utf-8"


def decode_bytes(raw: bytes) -> str | None:
    """Decode ``raw``: BOM first, then UTF-8, then a detected encoding.

    Returns ``None`` for binary data.  NUL bytes are dropped and line endings
    normalised to ``\\n``.
    """
    text = _decode(raw)
    if text is None:
        return None
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


# Marks of UTF-8 text once read as Windows-1252 ("â€™" for "’", "Ã©" for "é"): only text holding one
# is handed to ftfy, so clean text costs one substring search.
_MOJIBAKE_MARKS = ("Ã", "Â", "â€")


def without_mojibake(text: str) -> str:
    """``text`` with UTF-8 that was once decoded as Windows-1252 or Latin-1 put right (ftfy).

    A title that passed through such a step reads "Benghazi-Gate Ã¢â‚¬â€œ time"; its words are
    what the report shows and scores.

    >>> without_mojibake("Benghazi-Gate Ã¢â‚¬â€œ time for the White House"), without_mojibake("São Paulo")
    ('Benghazi-Gate – time for the White House', 'São Paulo')
    """
    if not any(mark in text for mark in _MOJIBAKE_MARKS):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def _decode(raw: bytes) -> str | None:
    encoding = _bom_encoding(raw)
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            return raw.decode(encoding, errors="replace")
    if _has_binary_magic(raw):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_detected(raw)


def _bom_encoding(raw: bytes) -> str | None:
    """The encoding named by the byte-order mark ``raw`` starts with, or None."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _has_binary_magic(raw: bytes) -> bool:
    """Whether ``raw`` starts with the signature of a binary format (the TIFF ones are exactly 4 bytes)."""
    return raw.startswith(BINARY_MAGIC[:-2]) or raw[:4] in BINARY_MAGIC[-2:]


def _decode_detected(raw: bytes) -> str | None:
    """Decode ``raw`` in the encoding charset-normalizer finds; None when it looks binary."""
    sample = raw[:65536]
    if sample.count(b"\x00") > len(sample) // 10:
        return None
    from charset_normalizer import from_bytes

    matches = from_bytes(raw[:1_000_000])
    best = matches.best()
    if best is None:
        return None
    encoding = _preferred_encoding(matches, best)
    try:
        return raw.decode(encoding, errors="replace")
    except LookupError:
        return None


def _preferred_encoding(matches: Iterable[Any], best: Any) -> str:
    """The detector's best encoding, or cp1252 when it found that just as plausible.

    Latin code pages are often indistinguishable on short texts; prefer the
    web's most common one when the detector found it for the same language.
    """
    encoding = best.encoding
    for match in matches:
        if match.encoding == "cp1252" and match.language == best.language:
            encoding = "cp1252"
    return encoding

"""Find exact and near duplicates (the same wire story on two sites) while streaming.

Each article gets a MinHash signature of its word 5-grams; locality-sensitive
hashing over bands of the signature finds candidate pairs without comparing
every pair; the index keeps no text, and keeps it on disk (see :class:`DuplicateIndex`).

Examples
--------
>>> index = DuplicateIndex()
>>> words = "nato said on monday that cooperation with russia has ceased completely".split()
>>> index.check("a", "RT", signature(words)) is None
True
>>> index.check("b", "TASS", signature(words)).of
'a'
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SHINGLE = 5
N_HASHES = 64
BANDS = 16
ROWS = N_HASHES // BANDS
NEAR_THRESHOLD = 0.8
_MASK = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20190415)  # fixed: signatures must agree across processes and runs
_A = _rng.integers(1, 1 << 61, N_HASHES, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 1 << 61, N_HASHES, dtype=np.uint64)
_B_COLUMN = _B[:, None]


@dataclass(frozen=True)
class Signature:
    """What the index keeps of an article: an exact-text digest and a MinHash signature."""

    digest: str
    # N_HASHES little-endian uint64 values (512 bytes: compact in the index of
    # a 100,000-article run); empty when the text is too short for shingles.
    minhash: bytes


@dataclass(frozen=True)
class Duplicate:
    """``article`` repeats ``of`` (exactly, or with similarity ``similarity``)."""

    article: str
    of: str
    kind: str  # "exact" or "near"
    similarity: float
    same_outlet: bool


def signature(tokens: Sequence[str]) -> Signature:
    """The signature of an article from its lower-cased word tokens."""
    digest = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
    if len(tokens) < SHINGLE:
        return Signature(digest, b"")
    ids = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))  # UTF-8
    shingles = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    for offset in range(SHINGLE):
        shingles = shingles * np.uint64(1_000_003) + ids[offset:offset + len(shingles)]
    # No np.unique: a repeated shingle cannot change a minimum, and sorting costs more than the repeats.
    # One row per hash function, so each minimum is taken over contiguous memory.
    with np.errstate(over="ignore"):
        hashed = np.multiply.outer(_A, shingles)
        hashed += _B_COLUMN
        hashed &= _MASK
    return Signature(digest, hashed.min(axis=1).astype("<u8").tobytes())


class DuplicateIndex:
    """Articles seen so far, to tell whether the next one repeats one of them.

    It holds every article of a run, so it lives on disk: a private SQLite
    database in a temporary file (deleted when the index is closed or
    dropped), of which memory holds SQLite's page cache alone, so a run's
    memory does not grow with its articles (in memory it took about 2.2 kB an
    article).  Each band's values are kept as a 64-bit key: two band values
    that share a key only add a candidate, which its whole signature then
    rules out, and an earlier article as similar as :data:`NEAR_THRESHOLD`
    shares at least three whole bands, so the duplicates found are those of
    comparing every pair.
    """

    def __init__(self) -> None:
        # "" is SQLite's private temporary database: on disk, removed when it is closed.
        self._db = sqlite3.connect("")
        self._db.executescript(_SCHEMA)
        self._articles = 0

    def close(self) -> None:
        """Drop the database (an index is also closed when it is garbage collected)."""
        self._db.close()

    def check(self, article_id: str, outlet: str, sig: Signature) -> Duplicate | None:
        """Add an article; return the earlier article it duplicates, if any."""
        digest = bytes.fromhex(sig.digest)
        first = self._db.execute("SELECT id, outlet FROM article WHERE digest = ?", (digest,)).fetchone()
        if first is not None:
            return Duplicate(article_id, first[0], "exact", 1.0, first[1] == outlet)
        number = self._articles
        self._articles += 1
        keys = band_keys(sig.minhash) if sig.minhash else []
        best = self._most_similar(sig.minhash, keys) if keys else None
        self._db.execute("INSERT INTO article VALUES (?, ?, ?, ?, ?)",
                         (number, digest, article_id, outlet, sig.minhash or None))
        if keys:
            self._db.execute(_ADD_BANDS, [value for key in keys for value in (key, number)])
        if best is None:
            return None
        similarity, of, of_outlet = best
        return Duplicate(article_id, of, "near", round(similarity, 3), of_outlet == outlet)

    def _most_similar(self, minhash: bytes, keys: list[int]) -> tuple[float, str, str] | None:
        """(similarity, id, outlet) of the earlier article sharing a band key whose signature is most
        similar (the first of equals), if it reaches :data:`NEAR_THRESHOLD`."""
        rows = self._db.execute(_CANDIDATES, keys).fetchall()
        if not rows:
            return None
        others = np.frombuffer(b"".join(row[2] for row in rows), dtype="<u8").reshape(len(rows), N_HASHES)
        same = (others == np.frombuffer(minhash, dtype="<u8")).sum(axis=1)
        at = int(same.argmax())  # the first of the most similar, in the order they were added
        similarity = int(same[at]) / N_HASHES
        return (similarity, rows[at][0], rows[at][1]) if similarity >= NEAR_THRESHOLD else None


# No journal and one transaction for the whole run: the database is private and temporary.
_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE article (number INTEGER PRIMARY KEY, digest BLOB UNIQUE, id TEXT, outlet TEXT, minhash BLOB);
CREATE TABLE band (key INTEGER, number INTEGER, PRIMARY KEY (key, number)) WITHOUT ROWID;
"""
_CANDIDATES = ("SELECT id, outlet, minhash FROM article WHERE number IN "
               f"(SELECT number FROM band WHERE key IN ({', '.join('?' * BANDS)})) ORDER BY number")
_ADD_BANDS = f"INSERT OR IGNORE INTO band VALUES {', '.join(['(?, ?)'] * BANDS)}"
_VALUES = struct.Struct(f"<{N_HASHES}Q")


def band_keys(minhash: bytes) -> list[int]:
    """A 64-bit key for each LSH band of a signature: the hash of its number and its ROWS values.

    Python's hash of a tuple of integers is the same in every process (only
    text hashes are salted), and the index lives in one process anyway.

    >>> keys = band_keys(signature("nato said on monday that cooperation had ceased".split()).minhash)
    >>> len(keys), len(set(keys)), all(-2**63 <= key < 2**63 for key in keys)
    (16, 16, True)
    """
    values = _VALUES.unpack(minhash)
    return [hash((band, values[band * ROWS:(band + 1) * ROWS])) for band in range(BANDS)]

"""Find exact and near duplicates (the same wire story on two sites) while streaming.

Each article gets a MinHash signature of its word 5-grams; locality-sensitive
hashing over bands of the signature finds candidate pairs without comparing
every pair, so the index grows with the corpus but never holds its text.

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
import zlib
from array import array
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

    It holds every article of a run, so it is kept compact (about 2.4 kB an
    article, where a list per band value and a tuple per article took 3.7 kB):
    ids and outlets in lists (each outlet name stored once), the MinHash
    signatures end to end in one bytearray, and a band value met once maps to
    its article's position alone, a list only once another article shares it.
    """

    def __init__(self) -> None:
        self._first: dict[str, int] = {}  # exact-text digest -> article number
        self._ids: list[str] = []
        self._outlets: list[str] = []
        self._outlet_names: dict[str, str] = {}
        self._minhashes = bytearray()  # N_HASHES * 8 bytes per article with a signature, in order
        self._signed = array("q")  # its position -> article number
        self._bands: list[dict[bytes, int | list[int]]] = [{} for _ in range(BANDS)]

    def check(self, article_id: str, outlet: str, sig: Signature) -> Duplicate | None:
        """Add an article; return the earlier article it duplicates, if any."""
        first = self._first.get(sig.digest)
        if first is not None:
            return Duplicate(article_id, self._ids[first], "exact", 1.0, self._outlets[first] == outlet)
        number = len(self._ids)
        self._first[sig.digest] = number
        self._ids.append(article_id)
        self._outlets.append(self._outlet_names.setdefault(outlet, outlet))
        if not sig.minhash:
            return None
        best = self._most_similar(sig.minhash)
        self._add(sig.minhash, number)
        if best is None:
            return None
        first = self._signed[best[1]]
        return Duplicate(article_id, self._ids[first], "near", round(best[0], 3), self._outlets[first] == outlet)

    def _most_similar(self, minhash: bytes) -> tuple[float, int] | None:
        """(similarity, position) of the earlier signature sharing a band that is most similar (the first
        of equals), if it reaches :data:`NEAR_THRESHOLD`."""
        candidates: set[int] = set()
        for band, table in enumerate(self._bands):
            found = table.get(_band(minhash, band))
            if found is not None:
                candidates.update((found,) if type(found) is int else found)
        values = np.frombuffer(minhash, dtype="<u8")
        size = N_HASHES * 8
        best: tuple[float, int] | None = None
        for index in sorted(candidates):
            other = np.frombuffer(bytes(self._minhashes[index * size:(index + 1) * size]), dtype="<u8")
            similarity = int((values == other).sum()) / N_HASHES
            if similarity >= NEAR_THRESHOLD and (best is None or similarity > best[0]):
                best = (similarity, index)
        return best

    def _add(self, minhash: bytes, number: int) -> None:
        """Note article ``number``'s signature under each of its band values."""
        position = len(self._signed)  # one int object, shared by the sixteen tables
        self._signed.append(number)
        self._minhashes += minhash
        for band, table in enumerate(self._bands):
            key = _band(minhash, band)
            found = table.get(key)
            if found is None:
                table[key] = position
            elif type(found) is int:
                table[key] = [found, position]
            else:
                found.append(position)


def _band(minhash: bytes, band: int) -> bytes:
    """The bytes of one LSH band (ROWS consecutive hash values)."""
    return minhash[band * ROWS * 8:(band + 1) * ROWS * 8]

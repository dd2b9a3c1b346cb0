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
    ids = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    shingles = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    for offset in range(SHINGLE):
        shingles = shingles * np.uint64(1_000_003) + ids[offset:offset + len(shingles)]
    # No np.unique: a repeated shingle cannot change a minimum, and sorting costs more than the repeats.
    with np.errstate(over="ignore"):
        hashed = np.multiply.outer(shingles, _A)
        hashed += _B
        hashed &= _MASK
    return Signature(digest, hashed.min(axis=0).astype("<u8").tobytes())


class DuplicateIndex:
    """Articles seen so far, to tell whether the next one repeats one of them."""

    def __init__(self) -> None:
        self._digests: dict[str, tuple[str, str]] = {}
        self._bands: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS)]
        self._seen: list[tuple[str, str, bytes]] = []

    def check(self, article_id: str, outlet: str, sig: Signature) -> Duplicate | None:
        """Add an article; return the earlier article it duplicates, if any."""
        if sig.digest in self._digests:
            first, first_outlet = self._digests[sig.digest]
            return Duplicate(article_id, first, "exact", 1.0, first_outlet == outlet)
        self._digests[sig.digest] = (article_id, outlet)
        if not sig.minhash:
            return None
        best: tuple[float, int] | None = None
        candidates: set[int] = set()
        for band, table in enumerate(self._bands):
            candidates.update(table.get(_band(sig.minhash, band), ()))
        values = np.frombuffer(sig.minhash, dtype="<u8")
        for index in sorted(candidates):
            other = np.frombuffer(self._seen[index][2], dtype="<u8")
            similarity = int((values == other).sum()) / N_HASHES
            if similarity >= NEAR_THRESHOLD and (best is None or similarity > best[0]):
                best = (similarity, index)
        position = len(self._seen)
        self._seen.append((article_id, outlet, sig.minhash))
        for band, table in enumerate(self._bands):
            table.setdefault(_band(sig.minhash, band), []).append(position)
        if best is None:
            return None
        first, first_outlet, _ = self._seen[best[1]]
        return Duplicate(article_id, first, "near", round(best[0], 3), first_outlet == outlet)


def _band(minhash: bytes, band: int) -> bytes:
    """The bytes of one LSH band (ROWS consecutive hash values)."""
    return minhash[band * ROWS * 8:(band + 1) * ROWS * 8]

"""One article's terms packed for the main process: their 64-bit digests, counts, first sentences and text.

A worker counts an article's terms (:class:`~framing.compare.term_counts.TermCounts`)
and sends them as a few arrays and one string (:class:`PackedTerms`), which
:meth:`~framing.compare.term_table.TermTable.add_packed` merges without a
Python object per term.  A term is known by its 64-bit BLAKE2b digest, the
same in every process.

Examples
--------
>>> packed = pack_terms({"crimea": 2}, {"crimea": ("a1", 0)}, "a1")
>>> bool(packed.hashes[0] == term_hash("crimea")), packed.counts.tolist()
(True, [2])
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from framing.compare.term_counts import term_order


def term_hashes(terms: Sequence[str]) -> np.ndarray:
    """Each term's 64-bit BLAKE2b digest, as unsigned integers (the same in every process).

    >>> term_hashes(["crimea", "annexation"]).dtype, bool(term_hashes(["crimea"])[0] == term_hash("crimea"))
    (dtype('uint64'), True)
    """
    digests = b"".join([hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest() for term in terms])
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


def term_hash(term: str) -> np.uint64:
    """One term's digest (see :func:`term_hashes`)."""
    return np.uint64(int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big"))


@dataclass
class PackedTerms:
    """One document's term counts as arrays and one string: cheap to send from a worker and to add.

    ``sentences`` holds each term's first sentence in ``article_id`` (-1: none);
    ``text`` the terms, UTF-8, term ``i`` ending at byte ``ends[i]``.
    """

    article_id: str
    hashes: np.ndarray
    counts: np.ndarray
    sentences: np.ndarray
    orders: np.ndarray
    text: bytes
    ends: np.ndarray


def pack_terms(counts: Mapping[str, int], examples: Mapping[str, tuple[str, int]] | None = None,
               article_id: str = "") -> PackedTerms:
    """One document's counts (a :class:`TermCounts` group's ``counts`` and ``examples``, whose examples
    are all in ``article_id``) packed for :meth:`TermTable.add_packed`.

    >>> packed = pack_terms({"crimea": 2, "of crimea": 1}, {"crimea": ("a1", 3)}, "a1")
    >>> packed.counts.tolist(), packed.sentences.tolist(), packed.orders.tolist(), packed.text
    ([2, 1], [3, -1], [1, 2], b'crimeaof crimea')
    """
    terms = list(counts)
    examples = examples or {}
    encoded = [term.encode("utf-8") for term in terms]
    return PackedTerms(
        article_id=article_id,
        hashes=term_hashes(terms),
        counts=np.fromiter(counts.values(), dtype=np.int64, count=len(terms)),
        sentences=np.fromiter((examples[t][1] if t in examples else -1 for t in terms), dtype=np.int64,
                              count=len(terms)),
        orders=np.fromiter((min(term_order(t), 255) for t in terms), dtype=np.uint8, count=len(terms)),
        text=b"".join(encoded),
        ends=np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(terms))),
    )

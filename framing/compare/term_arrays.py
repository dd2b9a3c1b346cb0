"""One group's term counts as sorted arrays, and the numpy steps that add them up.

:class:`~framing.compare.term_table.TermTable` holds each group's counts as a
:class:`Counts`: sorted 64-bit term digests with each one's count, n-gram
order, example place and peak (its uses in the one article that uses it
most).  :func:`combine` sums an article batch's terms, :func:`merge_sorted`
adds them to what a group holds, keeping the smaller example and the larger
peak, and :func:`comparable_places` orders example places as
``(article_id, sentence_index)`` tuples order.

>>> held = combine(np.array([5, 3, 5], dtype=np.uint64), np.array([1, 2, 1]), np.array([1, 1, 1], dtype=np.uint8),
...                np.array([2, 1, 0]), np.array([1, 2, 1]), ranks=np.array([0]))
>>> held.hashes.tolist(), held.counts.tolist(), held.places.tolist(), held.peaks.tolist()
([3, 5], [2, 2], [1, 0], [2, 1])
"""

from __future__ import annotations

import numpy as np

# An example's place packs the article's number (in the order first seen) and the sentence index.
SENTENCE_BITS = 24
NO_EXAMPLE = np.iinfo(np.int64).max


class Counts:
    """One group's counts: sorted digests, with each one's count, n-gram order, example place and peak
    (the most uses in one article)."""

    __slots__ = ("hashes", "counts", "orders", "places", "peaks")

    def __init__(self, hashes: np.ndarray | None = None, counts: np.ndarray | None = None,
                 orders: np.ndarray | None = None, places: np.ndarray | None = None,
                 peaks: np.ndarray | None = None) -> None:
        self.hashes = np.zeros(0, dtype=np.uint64) if hashes is None else hashes
        self.counts = np.zeros(0, dtype=np.int64) if counts is None else counts
        self.orders = np.zeros(0, dtype=np.uint8) if orders is None else orders
        self.places = np.zeros(0, dtype=np.int64) if places is None else places
        self.peaks = np.zeros(0, dtype=np.int64) if peaks is None else peaks

    def keep(self, kept: np.ndarray) -> None:
        self.hashes, self.counts, self.orders, self.places, self.peaks = (
            self.hashes[kept], self.counts[kept], self.orders[kept], self.places[kept], self.peaks[kept])


def contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each of ``keys`` is in ``sorted_keys``."""
    at = np.searchsorted(sorted_keys, keys)
    inside = at < len(sorted_keys)
    found = np.zeros(len(keys), dtype=bool)
    found[inside] = sorted_keys[at[inside]] == keys[inside]
    return found


def comparable_places(places: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """Example places as numbers that order as ``(article_id, sentence_index)`` tuples do (none: largest)."""
    has = places != NO_EXAMPLE
    found = np.full(len(places), NO_EXAMPLE, dtype=np.int64)
    found[has] = (ranks[places[has] >> SENTENCE_BITS] << SENTENCE_BITS) | (places[has] & ((1 << SENTENCE_BITS) - 1))
    return found


def combine(hashes: np.ndarray, counts: np.ndarray, orders: np.ndarray, places: np.ndarray,
            peaks: np.ndarray, *, ranks: np.ndarray) -> Counts:
    """Distinct sorted digests with their summed counts, smallest example and largest peak."""
    if not len(hashes):
        return Counts()
    order = np.argsort(hashes, kind="stable")
    hashes, counts, orders, places, peaks = hashes[order], counts[order], orders[order], places[order], peaks[order]
    starts = np.flatnonzero(np.concatenate([[True], hashes[1:] != hashes[:-1]]))
    comparable = comparable_places(places, ranks)
    best = np.minimum.reduceat(comparable, starts)
    # Any place with the smallest value is the same article and sentence: take one.
    segment = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(hashes))))
    chosen = np.empty(len(starts), dtype=np.int64)
    winners = np.flatnonzero(comparable == best[segment])
    chosen[segment[winners]] = winners
    return Counts(hashes[starts], np.add.reduceat(counts, starts), orders[starts], places[chosen],
                  np.maximum.reduceat(peaks, starts))


def merge_sorted(held: Counts, adding: Counts, ranks: np.ndarray) -> Counts:
    """``adding`` (distinct, sorted) added into ``held``: counts summed, the smaller example and larger peak kept."""
    at = np.searchsorted(held.hashes, adding.hashes)
    known = np.zeros(len(at), dtype=bool)
    inside = at < len(held.hashes)
    known[inside] = held.hashes[at[inside]] == adding.hashes[inside]
    where = at[known]
    held.counts[where] += adding.counts[known]
    held.peaks[where] = np.maximum(held.peaks[where], adding.peaks[known])
    earlier = comparable_places(adding.places[known], ranks) < comparable_places(held.places[where], ranks)
    held.places[where[earlier]] = adding.places[known][earlier]
    fresh, to = ~known, at[~known]
    return Counts(np.insert(held.hashes, to, adding.hashes[fresh]), np.insert(held.counts, to, adding.counts[fresh]),
                   np.insert(held.orders, to, adding.orders[fresh]), np.insert(held.places, to, adding.places[fresh]),
                   np.insert(held.peaks, to, adding.peaks[fresh]))

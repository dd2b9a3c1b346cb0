"""A run's term counts per group in flat arrays: the counts of :class:`TermCounts` without a string per count.

:class:`~framing.compare.term_counts.TermCounts` keeps a ``Counter`` of
strings per group and a tuple per example.  In a run's main process those
strings and tuples arrive one article at a time, and the few that stay are
scattered among the many that go, so the counts of a 10,000-article run (a
million at most, their bound) held over 200 MB.  :class:`TermTable` holds no
Python object per count: each group's counts are five sorted arrays (the
term's 64-bit BLAKE2b digest, its count, its n-gram order, the place of
its first sentence and its peak: its uses in the one article that uses it
most), about 33 bytes a count, and the terms' text goes to an
anonymous temporary file, read back only for the groups a report shows.
Workers send each article's terms packed (:func:`pack_terms`: arrays and
one string).

It counts exactly as ``TermCounts`` does, including the bound ("lossy
counting": once more than ``max_entries`` counts are held after an article
is added, every count of one is dropped with its example): articles are
merged in batches, and within a batch the number of counts held after each
article is worked out, so the counts are pruned after the very article
after which ``TermCounts`` prunes them.  The example of a count is the
smallest ``(article_id, sentence_index)``, article ids compared as strings,
as ``TermCounts`` compares them.  So :mod:`framing.compare.distinctive` finds
the same words, z-scores and examples from either (tested on real articles,
with and without pruning).  The one difference: two different terms whose
64-bit digests are equal would be counted as one; for the 2 to 3 million
distinct terms of 10,000 articles (5,000 AllSides articles have 1.3 million)
the chance of that is about 2 in 10 million.

Examples
--------
>>> table = TermTable()
>>> table.add("A", {"annexation": 2, "crimea": 1}, {"annexation": ("a1", 0), "crimea": ("a1", 1)})
>>> table.add("B", {"reunification": 1, "crimea": 3}, {"crimea": ("b1", 0)})
>>> table.group_counts("B"), table.example("A", "crimea"), table.groups
({'crimea': 3, 'reunification': 1}, ('a1', 1), ['A', 'B'])
>>> totals, by_order = table.set_totals(["A"])
>>> totals["crimea"], dict(by_order)
(4, {1: 7})
"""

from __future__ import annotations

import struct
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO

import numpy as np

from framing.compare.term_arrays import NO_EXAMPLE, SENTENCE_BITS, Counts, combine, contains, merge_sorted
from framing.compare.term_counts import DEFAULT_MAX_ENTRIES
from framing.compare.term_packing import PackedTerms, pack_terms, term_hash

# Terms buffered before they are merged into the arrays (a few hundred articles' terms).
BATCH_TERMS = 200_000
# Before each block of the text file: how many terms it holds and the bytes of their text.
_BLOCK = struct.Struct("<QQ")


# A pending document: its group's number, then its digests, counts, orders, example places and peaks.
_Pending = tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


class TermTable:
    """Term counts per group, with the first sentence of each, in flat arrays (see the module).

    Add one article's counts at a time with :meth:`add` or :meth:`add_packed`;
    read a group's counts (:meth:`group_counts`), the whole set's totals
    (:meth:`set_totals`) and examples (:meth:`example`).  :attr:`counts` is a
    read-only mapping of group to its counts, each built when read.
    """

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, batch_terms: int = BATCH_TERMS) -> None:
        self.max_entries = max_entries
        self.batch_terms = batch_terms
        self.n_documents: Counter = Counter()
        self._n_pruned = 0
        self._group_numbers: dict[str, int] = {}
        self._groups: list[Counts] = []
        self._article_numbers: dict[str, int] = {}
        self._article_ids: list[str] = []
        self._pending: list[_Pending] = []
        self._pending_text: list[tuple[np.ndarray, bytes, np.ndarray]] = []
        self._n_pending = 0
        self._text: IO[bytes] = tempfile.TemporaryFile()
        self._n_blocks = 0
        self._shown: tuple[str, dict[str, int]] | None = None

    def add(self, group: str, counter: Mapping[str, int] | Iterable[str],
            examples: Mapping[str, tuple[str, int]] | None = None, n_documents: int = 1,
            peaks: Mapping[str, int] | None = None) -> None:
        """Add one document's terms to ``group`` (as :meth:`TermCounts.add`; examples may be in any article)."""
        counts = counter if isinstance(counter, Mapping) else Counter(counter)
        packed = pack_terms(counts)
        places = np.fromiter((self._place(*examples[t]) if examples and t in examples else NO_EXAMPLE
                              for t in counts), dtype=np.int64, count=len(counts))
        most = packed.counts if peaks is None else np.fromiter((peaks.get(t, counts[t]) for t in counts),
                                                               dtype=np.int64, count=len(counts))
        self._queue(group, packed, places, n_documents, most)

    def add_packed(self, group: str, packed: PackedTerms, n_documents: int = 1) -> None:
        """Add one document's packed terms (:func:`pack_terms`) to ``group``."""
        number = self._article_number(packed.article_id)
        places = np.where(packed.sentences >= 0, (number << SENTENCE_BITS) | packed.sentences, NO_EXAMPLE)
        self._queue(group, packed, places, n_documents, packed.counts)

    def _queue(self, group: str, packed: PackedTerms, places: np.ndarray, n_documents: int,
               peaks: np.ndarray) -> None:
        number = self._group_numbers.get(group)
        if number is None:
            number = self._group_numbers[group] = len(self._groups)
            self._groups.append(Counts())
        self.n_documents[group] += n_documents
        self._pending.append((number, packed.hashes, packed.counts, packed.orders, places, peaks))
        self._pending_text.append((packed.hashes, packed.text, packed.ends))
        self._n_pending += len(packed.hashes)
        self._shown = None
        if self._n_pending >= self.batch_terms:
            self._flush()

    def _article_number(self, article: str) -> int:
        number = self._article_numbers.get(article)
        if number is None:
            number = self._article_numbers[article] = len(self._article_ids)
            self._article_ids.append(article)
        return number

    def _place(self, article: str, sentence: int) -> int:
        return (self._article_number(article) << SENTENCE_BITS) | int(sentence)

    @property
    def n_pruned(self) -> int:
        """How many times the counts of one were dropped."""
        self._flush()
        return self._n_pruned

    @n_pruned.setter
    def n_pruned(self, value: int) -> None:
        self._n_pruned = value

    @property
    def n_entries(self) -> int:
        """How many (group, term) counts are held."""
        self._flush()
        return self._held()

    def _held(self) -> int:
        return sum(len(counts.hashes) for counts in self._groups)

    @property
    def groups(self) -> list[str]:
        """The groups, sorted."""
        return sorted(self._group_numbers)

    @property
    def counts(self) -> GroupCounts:
        """``{group: {term: count}}`` as a read-only mapping (each group's counts built when read)."""
        return GroupCounts(self)

    def group_counts(self, group: str) -> dict[str, int]:
        """``{term: count}`` of ``group`` (empty for a group never added); the last one read is kept."""
        if self._shown is not None and self._shown[0] == group:
            return self._shown[1]
        self._flush()
        number = self._group_numbers.get(group)
        found: dict[str, int] = {}
        if number is not None:
            held = self._groups[number]
            texts = self._texts(held.hashes)
            found = dict(zip([texts[h] for h in held.hashes.tolist()], held.counts.tolist()))
        self._shown = (group, found)
        return found

    def group_peaks(self, group: str) -> dict[str, int]:
        """``{term: uses in the one article of ``group`` that uses it most}``.

        >>> table = TermTable()
        >>> table.add("A", {"kroger": 9, "gun": 1})
        >>> table.add("A", {"gun": 2})
        >>> sorted(table.group_counts("A").items()), sorted(table.group_peaks("A").items())
        ([('gun', 3), ('kroger', 9)], [('gun', 2), ('kroger', 9)])
        """
        own = self.group_counts(group)
        number = self._group_numbers.get(group)
        return {} if number is None else dict(zip(own, self._groups[number].peaks.tolist()))

    def set_totals(self, groups: Iterable[str] | None = None) -> tuple[Mapping[str, int], Counter]:
        """Each term's count over the whole set and the summed counts of each n-gram order (every group).

        ``groups`` is there for the interface of :meth:`TermCounts.set_totals`: here the totals of every
        term cost one array, whichever terms are asked for.
        """
        self._flush()
        hashes = np.concatenate([counts.hashes for counts in self._groups] or [np.zeros(0, np.uint64)])
        counts = np.concatenate([c.counts for c in self._groups] or [np.zeros(0, np.int64)])
        orders = np.concatenate([c.orders for c in self._groups] or [np.zeros(0, np.uint8)])
        distinct, where = np.unique(hashes, return_inverse=True)
        totals = np.zeros(len(distinct), dtype=np.int64)
        np.add.at(totals, where, counts)
        by_order = np.zeros(256, dtype=np.int64)
        np.add.at(by_order, orders, counts)
        order_totals = Counter({order: n for order, n in enumerate(by_order.tolist()) if n})
        return TermTotals(distinct, totals), order_totals

    def group_totals(self, group: str, totals: TermTotals) -> dict[str, int]:
        """``{term: totals[term]}`` for every term of ``group`` (``totals`` from :meth:`set_totals`), looked
        up all at once rather than a digest per term.

        >>> table = TermTable()
        >>> table.add("A", {"crimea": 1, "annexation": 2})
        >>> table.add("B", {"crimea": 3})
        >>> table.group_totals("A", table.set_totals()[0]) == {"annexation": 2, "crimea": 4}
        True
        """
        own = self.group_counts(group)
        number = self._group_numbers.get(group)
        if number is None:
            return {}
        at = np.searchsorted(totals.hashes, self._groups[number].hashes)
        return dict(zip(own, totals.totals[at].tolist()))

    def example(self, group: str, term: str) -> tuple[str, int] | None:
        """``(article_id, sentence_index)`` of the first sentence of ``group`` using ``term``."""
        self._flush()
        number = self._group_numbers.get(group)
        if number is None:
            return None
        held = self._groups[number]
        key = term_hash(term)
        at = int(np.searchsorted(held.hashes, key))
        if at == len(held.hashes) or held.hashes[at] != key or held.places[at] == NO_EXAMPLE:
            return None
        place = int(held.places[at])
        return self._article_ids[place >> SENTENCE_BITS], place & ((1 << SENTENCE_BITS) - 1)

    def merged_groups(self, aliases: Mapping[str, str]) -> TermTable:
        """A new table with each group of ``aliases`` counted in the group it is shown as (same text file)."""
        self._flush()
        merged = TermTable(self.max_entries, self.batch_terms)
        merged.n_pruned = self._n_pruned
        merged._article_numbers, merged._article_ids = dict(self._article_numbers), list(self._article_ids)
        merged._text, merged._n_blocks = self._text, self._n_blocks
        parts: dict[str, list[Counts]] = {}
        for group, number in self._group_numbers.items():
            shown = aliases.get(group, group)
            parts.setdefault(shown, []).append(self._groups[number])
            merged.n_documents[shown] += self.n_documents[group]
        ranks = self._article_ranks()
        for shown, held in parts.items():
            merged._group_numbers[shown] = len(merged._groups)
            merged._groups.append(combine(*(np.concatenate([getattr(c, name) for c in held])
                                             for name in Counts.__slots__), ranks=ranks))
        return merged

    def close(self) -> None:
        """Delete the terms' text file (it also goes when the table is garbage-collected)."""
        self._text.close()

    def _article_ranks(self) -> np.ndarray:
        """Each article number's place among the article ids in string order (as ``TermCounts`` compares)."""
        ranks = np.empty(len(self._article_ids), dtype=np.int64)
        ranks[sorted(range(len(self._article_ids)), key=self._article_ids.__getitem__)] = np.arange(len(ranks))
        return ranks

    def _flush(self) -> None:
        """Merge the buffered documents into the arrays, pruning after the document that passes the bound."""
        if not self._pending:
            return
        self._write_text()
        pending, self._pending, self._n_pending = self._pending, [], 0
        ranks = self._article_ranks()
        start = 0
        while start < len(pending):
            end = self._prune_point(pending, start)
            self._merge(pending[start:end], ranks)
            if self._held() > self.max_entries:
                self._prune()
            start = end

    def _prune_point(self, pending: list[_Pending], start: int) -> int:
        """The end of the run of ``pending[start:]`` after whose last document the counts are pruned
        (``len(pending)`` when they are not)."""
        rest = pending[start:]
        new = np.zeros(len(rest), dtype=np.int64)
        for number, positions in _by_group(rest).items():
            hashes = np.concatenate([rest[i][1] for i in positions])
            owner = np.repeat(positions, [len(rest[i][1]) for i in positions])
            distinct, first = np.unique(hashes, return_index=True)
            fresh = first[~contains(self._groups[number].hashes, distinct)]
            new += np.bincount(owner[fresh], minlength=len(rest))
        over = np.flatnonzero(self._held() + np.cumsum(new) > self.max_entries)
        return start + int(over[0]) + 1 if len(over) else len(pending)

    def _merge(self, documents: list[_Pending], ranks: np.ndarray) -> None:
        for number, positions in _by_group(documents).items():
            adding = combine(*(np.concatenate([documents[i][k] for i in positions]) for k in range(1, 6)),
                              ranks=ranks)
            self._groups[number] = merge_sorted(self._groups[number], adding, ranks)

    def _prune(self) -> None:
        """Drop every count of one, with its example (as :meth:`TermCounts.prune`)."""
        for counts in self._groups:
            counts.keep(counts.counts >= 2)
        self._n_pruned += 1

    def _write_text(self) -> None:
        """Append the text of the buffered documents' distinct terms to the text file, one block."""
        documents, self._pending_text = self._pending_text, []
        bases = np.cumsum([0] + [len(text) for _, text, _ in documents])
        hashes = np.concatenate([h for h, _, _ in documents])
        ends = np.concatenate([e + base for (_, _, e), base in zip(documents, bases)])
        starts = np.concatenate([np.concatenate([[0], e[:-1]]).astype(np.int64) + base
                                 for (_, _, e), base in zip(documents, bases)])
        text = np.frombuffer(b"".join(t for _, t, _ in documents), dtype=np.uint8)
        distinct, first = np.unique(hashes, return_index=True)
        lengths = ends[first] - starts[first]
        kept_ends = np.cumsum(lengths)
        gather = np.repeat(starts[first] - (kept_ends - lengths), lengths) + np.arange(int(lengths.sum()))
        block = text[gather].tobytes()
        self._text.seek(0, 2)
        self._text.write(_BLOCK.pack(len(distinct), len(block)))
        self._text.write(distinct.astype("<u8").tobytes())
        self._text.write(kept_ends.astype("<u8").tobytes())
        self._text.write(block)
        self._n_blocks += 1

    def _texts(self, wanted: np.ndarray) -> dict[int, str]:
        """The text of each of the ``wanted`` digests (sorted, distinct), read from the text file."""
        found: dict[int, str] = {}
        remaining = wanted
        self._text.seek(0)
        for _ in range(self._n_blocks):
            n_terms, n_bytes = _BLOCK.unpack(self._text.read(_BLOCK.size))
            hashes = np.frombuffer(self._text.read(8 * n_terms), dtype="<u8")
            ends = np.frombuffer(self._text.read(8 * n_terms), dtype="<u8").tolist()
            block = self._text.read(n_bytes)
            if not len(remaining):
                break
            hits = np.flatnonzero(contains(remaining, hashes))
            for i in hits.tolist():
                found[int(hashes[i])] = block[ends[i - 1] if i else 0:ends[i]].decode("utf-8")
            remaining = np.setdiff1d(remaining, hashes[hits], assume_unique=True)
        self._text.seek(0, 2)
        return found


def _by_group(documents: Sequence[_Pending]) -> dict[int, list[int]]:
    """Positions of ``documents`` per group number, in order."""
    found: dict[int, list[int]] = {}
    for position, document in enumerate(documents):
        found.setdefault(document[0], []).append(position)
    return found


class GroupCounts(Mapping):
    """A :class:`TermTable`'s counts as ``{group: {term: count}}``, each group's built when read."""

    def __init__(self, table: TermTable) -> None:
        self._table = table

    def __getitem__(self, group: str) -> dict[str, int]:
        if group not in self._table._group_numbers:
            raise KeyError(group)
        return self._table.group_counts(group)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table._group_numbers)

    def __len__(self) -> int:
        return len(self._table._group_numbers)


class TermTotals(Mapping):
    """Each held term's count over the whole set, looked up by its text (sorted digests behind a mapping)."""

    def __init__(self, hashes: np.ndarray, totals: np.ndarray) -> None:
        self._hashes, self._totals = hashes, totals

    @property
    def hashes(self) -> np.ndarray:
        """The terms' digests, sorted."""
        return self._hashes

    @property
    def totals(self) -> np.ndarray:
        """Each digest's count over the whole set."""
        return self._totals

    def __getitem__(self, term: str) -> int:
        key = term_hash(term)
        at = int(np.searchsorted(self._hashes, key))
        if at == len(self._hashes) or self._hashes[at] != key:
            raise KeyError(term)
        return int(self._totals[at])

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the totals are looked up by term; their terms are not listed")

    def __len__(self) -> int:
        return len(self._hashes)


def as_term_table(counts: object) -> TermTable:
    """A :class:`TermTable` with the counts of a :class:`TermCounts` (for tests and comparisons)."""
    table = TermTable(counts.max_entries)  # type: ignore[attr-defined]
    for group, counter in counts.counts.items():  # type: ignore[attr-defined]
        table.add(group, counter, counts.examples.get(group), n_documents=counts.n_documents[group],  # type: ignore[attr-defined]
                  peaks=counts.group_peaks(group))  # type: ignore[attr-defined]
    table.n_pruned = counts.n_pruned  # type: ignore[attr-defined]
    return table

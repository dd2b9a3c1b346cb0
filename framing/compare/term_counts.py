"""The terms an article set uses, counted per group: the counts behind its distinctive words.

A term is a unigram that is not a stop word, a bigram of two such words or a
trigram whose first and last words are not stop words, never across
punctuation (:func:`term_lists`).  Counting is streaming and mergeable:
:func:`count_terms` reads one parsed :class:`~framing.document.parse.Document`,
:class:`TermCounts` sums those counts per group and two ``TermCounts`` built on
different partitions merge by addition (the Dask engine reduces them that
way).  :mod:`framing.compare.distinctive` scores them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import HOUSE_STYLE_WORDS, STOPWORDS
from framing.features.attribution.passes import paragraph_label

# Beyond this many (group, term) counts the counts seen once are dropped (and
# with them their example sentences): about 250 bytes each, so a few hundred
# megabytes at most; below it every count is exact.
DEFAULT_MAX_ENTRIES = 1_000_000
MAX_NGRAM = 3


def load_stopwords() -> frozenset[str]:
    """The packaged stop words (``framing/data/vocabulary/stopwords.txt``).

    >>> "the" in load_stopwords(), "annexation" in load_stopwords()
    (True, False)
    """
    return STOPWORDS


def normalise_token(token: str) -> str:
    """A token as counted: straight apostrophes, possessive ``'s`` removed.

    >>> normalise_token("Moscow’s"), normalise_token("it's")
    ('moscow', "it's")
    """
    token = token.lower().replace("’", "'")
    if token.endswith("'s") and len(token) > 4 and token not in load_stopwords():
        token = token[:-2]
    return token


def term_lists(doc: Document, stopwords: frozenset[str] | None = None,
               normaliser: TokenNormaliser | None = None) -> tuple[list[str], list[int]]:
    """Every counted n-gram of ``doc`` and the index of its sentence, sentence by sentence.

    Terms are unigrams that are not stop words, bigrams of two such words and
    trigrams whose first and last words are not stop words ("reunification
    with crimea", "special military operation").  N-grams stay inside one
    sentence and never cross punctuation or quotation marks, so "NATO, Russia"
    is not a bigram.  Tokens without a letter (numbers) break n-grams, and so
    do the words of a house style or page layout
    (``framing/data/vocabulary/house_style_words.txt``: "Mr.", "says", a photo
    credit's "Getty"), and a transcript's labels ("AMY GOODMAN:"): they are
    not counted, so "Mr. Trump" counts as "trump".

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Moscow's reunification with Crimea, they said.")
    >>> sorted(term_lists(doc)[0])  # doctest: +NORMALIZE_WHITESPACE
    ['crimea', 'moscow', 'moscow reunification', 'reunification', 'reunification with crimea']
    >>> sorted(term_lists(build_document("y", "Mr Trump says Mrs Clinton lost."))[0])
    ['clinton', 'clinton lost', 'lost', 'trump']
    """
    stop = load_stopwords() if stopwords is None else stopwords
    normalised = normaliser or TokenNormaliser()
    tokens = doc.tokens
    cuts = phrase_breaks(doc)
    labels = label_tokens(doc)
    terms: list[str] = []
    where: list[int] = []
    for sentence in doc.sentences:
        span = doc.tokens_between(sentence.start, sentence.end)
        lo, hi = span.start, span.stop
        if lo == hi:
            continue
        words = normalised(tokens[lo:hi])
        for k in labels[bisect.bisect_left(labels, lo):bisect.bisect_left(labels, hi)]:
            words[k - lo] = None  # a transcript's "AMY GOODMAN:" labels a turn; it is not the outlet's wording
        # None marks a phrase boundary (punctuation before the token) and a number.
        for cut in reversed(cuts[bisect.bisect_right(cuts, lo):bisect.bisect_left(cuts, hi)]):
            words.insert(cut - lo, None)
        content = [w is not None and w not in stop for w in words]
        found = [w for w, c in zip(words, content) if c]
        found += [f"{a} {b}" for a, b, ca, cb in zip(words, words[1:], content, content[1:]) if ca and cb]
        found += [
            f"{a} {m} {b}"
            for a, m, b, ca, cb in zip(words, words[1:], words[2:], content, content[2:])
            if ca and cb and m is not None
        ]
        terms += found
        where += [sentence.index] * len(found)
    return terms, where


def label_tokens(doc: Document) -> list[int]:
    """Sorted indices of the tokens of the labels in capitals opening paragraphs ("AMY GOODMAN:", "UPDATE:").

    >>> from framing.document.parse import build_document
    >>> label_tokens(build_document("x", "AMY GOODMAN: Welcome.\\n\\nREP. JOHN LEWIS: Thank you."))
    [0, 1, 3, 4, 5]
    """
    out: list[int] = []
    for start, end in doc.paragraphs:
        label = paragraph_label(doc.body, start, end)
        if label is not None:
            out += doc.tokens_between(*label.span("name"))
    return out


# Anything but a word character or white space between two tokens ends a phrase.
PHRASE_BREAK_RE = re.compile(r"[^\w\s]|_")


def phrase_breaks(doc: Document) -> list[int]:
    """Sorted indices of the tokens that punctuation separates from the token before."""
    spans = doc.token_spans
    starts = [start for start, _ in spans]
    breaks = set()
    for match in PHRASE_BREAK_RE.finditer(doc.body):
        position = match.start()
        after = bisect.bisect_right(starts, position)
        if after and spans[after - 1][1] > position:
            continue  # inside a token ("u.s", "us-led")
        breaks.add(after)
    return sorted(breaks)


class TokenNormaliser:
    """:func:`normalise_token` over many tokens, remembering each token's form.

    A scorer owns one and reuses it for every document; the memory is bounded
    and a token's form never depends on what was seen before.

    >>> TokenNormaliser()(["Moscow’s", "2019", "it's", "Mr"])
    ['moscow', None, "it's", None]
    """

    def __init__(self, max_tokens: int = 500_000) -> None:
        self.max_tokens = max_tokens
        self.known: dict[str, str | None] = {}

    def __call__(self, tokens: Iterable[str]) -> list[str | None]:
        """Each token's counted form; None for a token without a letter or of a house style (it breaks n-grams)."""
        known = self.known
        return [known[t] if t in known else self._learn(t) for t in tokens]

    def _learn(self, token: str) -> str | None:
        found = normalise_token(token) if any(ch.isalpha() for ch in token) else None
        if found in HOUSE_STYLE_WORDS:
            found = None
        if len(self.known) > self.max_tokens:
            self.known.clear()
        self.known[token] = found
        return found


def count_terms(doc: Document, stopwords: frozenset[str] | None = None) -> Counter:
    """Counts of the terms of one document (see :func:`term_lists`).

    >>> from framing.document.parse import build_document
    >>> count_terms(build_document("x", "Annexation. The annexation of Crimea."))["annexation"]
    2
    """
    return Counter(term_lists(doc, stopwords)[0])


@dataclass
class TermCounts:
    """Term counts per group, with the first sentence each term was seen in and its peak (its uses in
    the one article of the group that uses it most).

    Build it one document at a time (:meth:`add_document`) or from counters
    (:meth:`add`); combine partial counts with :meth:`merge` or ``+``.  The
    example kept for a (group, term) is the smallest ``(article_id,
    sentence_index)``, so it does not depend on the order of merging.

    Memory is bounded: when more than ``max_entries`` (group, term) pairs are
    held, the pairs seen only once are dropped ("lossy counting", Manku &
    Motwani 2002), which can only lower a count that was already tiny.  Below
    the bound every count is exact.
    """

    counts: dict[str, Counter] = field(default_factory=dict)
    examples: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)
    n_documents: Counter = field(default_factory=Counter)
    peaks: dict[str, Counter] = field(default_factory=dict)
    max_entries: int = DEFAULT_MAX_ENTRIES
    n_pruned: int = 0
    # Running count of (group, term) entries, so add() need not sum every counter.
    _n_entries: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._n_entries = self.n_entries

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data; :meth:`from_json` reads it back."""
        return {
            "counts": {group: dict(counter) for group, counter in self.counts.items()},
            "examples": {group: {term: list(where) for term, where in kept.items()}
                         for group, kept in self.examples.items()},
            "n_documents": dict(self.n_documents),
            # Only the peaks below their count: one article's (a worker's, a cache's) have none.
            "peaks": {group: {term: n for term, n in counter.items() if n != self.counts[group].get(term)}
                      for group, counter in self.peaks.items()},
            "max_entries": self.max_entries,
            "n_pruned": self.n_pruned,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TermCounts:
        """The counts stored by :meth:`to_json` (a count stored without a peak is its own peak)."""
        counts = {group: Counter(counter) for group, counter in data["counts"].items()}
        lower = data.get("peaks", {})
        peaks = {group: Counter({**counter, **lower.get(group, {})}) for group, counter in counts.items()}
        return cls(
            counts=counts,
            peaks=peaks,
            examples={group: {term: (where[0], int(where[1])) for term, where in kept.items()}
                      for group, kept in data["examples"].items()},
            n_documents=Counter(data["n_documents"]),
            max_entries=int(data["max_entries"]),
            n_pruned=int(data["n_pruned"]),
        )

    @property
    def n_entries(self) -> int:
        """How many (group, term) counts are held."""
        return sum(len(counter) for counter in self.counts.values())

    def add(
        self,
        group: str,
        counter: Mapping[str, int] | Iterable[str],
        examples: Mapping[str, tuple[str, int]] | None = None,
        n_documents: int = 1,
        peaks: Mapping[str, int] | None = None,
    ) -> None:
        """Add one document's terms to ``group``.

        ``counter`` is a mapping of counts or an iterable of terms (each
        counted once per appearance); ``examples`` maps terms to
        ``(article_id, sentence_index)``; ``peaks`` the most uses of each
        term in one article, when ``counter`` sums several (by default each
        count is its own peak, as for one article).
        """
        if not isinstance(counter, Mapping):
            counter = Counter(counter)
        target = self.counts.setdefault(group, Counter())
        before = len(target)
        target.update(counter)
        _keep_larger(self.peaks.setdefault(group, Counter()), counter if peaks is None else peaks)
        self.n_documents[group] += n_documents
        if examples:
            self._keep_examples(group, examples)
        self._n_entries += len(target) - before
        if self._n_entries > self.max_entries:
            self.prune()

    def add_document(self, group: str, doc: Document, stopwords: frozenset[str] | None = None,
                     normaliser: TokenNormaliser | None = None) -> None:
        """Count ``doc``'s terms into ``group`` and remember where each first occurs."""
        terms, sentence_indices = term_lists(doc, stopwords, normaliser)
        # dict() keeps the last value of a repeated key: reversed, the first use.
        first = dict(zip(reversed(terms), zip(repeat(doc.article_id), reversed(sentence_indices))))
        self.add(group, terms, first)  # a list: Counter counts it in C

    def _keep_examples(self, group: str, examples: Mapping[str, tuple[str, int]]) -> None:
        kept = self.examples.setdefault(group, {})
        earlier = {term: kept[term] for term in examples.keys() & kept.keys() if kept[term] < examples[term]}
        kept.update(examples)
        kept.update(earlier)

    def prune(self, below: int = 2) -> None:
        """Drop every (group, term) count under ``below``, with its example."""
        for group, counter in self.counts.items():
            rare = [term for term, n in counter.items() if n < below]
            kept = self.examples.get(group, {})
            peaks = self.peaks.get(group, {})
            for term in rare:
                del counter[term]
                kept.pop(term, None)
                peaks.pop(term, None)
        self.n_pruned += 1
        self._n_entries = self.n_entries

    def merge(self, other: TermCounts) -> TermCounts:
        """Add ``other``'s counts into this object (in place) and return it."""
        for group, counter in other.counts.items():
            self.add(group, counter, other.examples.get(group), n_documents=other.n_documents[group],
                     peaks=other.group_peaks(group))
        self.n_pruned += other.n_pruned
        return self

    def __add__(self, other: TermCounts) -> TermCounts:
        return TermCounts(max_entries=self.max_entries).merge(self).merge(other)

    @property
    def groups(self) -> list[str]:
        """The groups, sorted."""
        return sorted(self.counts)

    def example(self, group: str, term: str) -> tuple[str, int] | None:
        """``(article_id, sentence_index)`` of the first sentence of ``group`` using ``term``."""
        return self.examples.get(group, {}).get(term)

    def merged_groups(self, aliases: Mapping[str, str]) -> TermCounts:
        """New counts with each group of ``aliases`` counted in the group it is shown as."""
        merged = TermCounts(max_entries=self.max_entries, n_pruned=self.n_pruned)
        for group, counter in self.counts.items():
            merged.add(aliases.get(group, group), counter, self.examples.get(group),
                       n_documents=self.n_documents[group], peaks=self.group_peaks(group))
        return merged

    def group_counts(self, group: str) -> Mapping[str, int]:
        """``{term: count}`` of ``group`` (empty for a group never added)."""
        return self.counts.get(group, {})

    def group_peaks(self, group: str) -> Mapping[str, int]:
        """``{term: uses in the one article of ``group`` that uses it most}``.

        >>> counts = TermCounts()
        >>> counts.add("A", {"kroger": 9, "gun": 1})
        >>> counts.add("A", {"gun": 2})
        >>> dict(counts.group_counts("A")), dict(counts.group_peaks("A"))
        ({'kroger': 9, 'gun': 3}, {'kroger': 9, 'gun': 2})
        """
        return self.peaks.get(group, {})

    def set_totals(self, groups: Iterable[str] | None = None) -> tuple[Mapping[str, int], Counter]:
        """Each term's count over the whole set (``y_w``), for the terms ``groups`` use (every term when None),
        and the summed counts of each n-gram order over the whole set.

        Counting only the listed groups' terms keeps a report of a few groups from
        holding a second copy of the whole vocabulary.

        >>> counts = TermCounts()
        >>> counts.add("A", {"annexation": 3, "of crimea": 1})
        >>> counts.add("B", {"annexation": 1, "crimea": 3})
        >>> totals, by_order = counts.set_totals(["A"])
        >>> totals, dict(by_order)
        ({'annexation': 4, 'of crimea': 1}, {1: 7, 2: 1})
        """
        if groups is None:
            everything: Counter = Counter()
            for counter in self.counts.values():
                everything.update(counter)
            return everything, totals_by_order(everything)
        totals: dict[str, int] = {}
        for group in groups:
            totals.update(dict.fromkeys(self.counts[group], 0))
        order_totals: Counter = Counter()
        for counter in self.counts.values():
            order_totals.update(totals_by_order(counter))
            for term, count in counter.items():
                if term in totals:
                    totals[term] += count
        return totals, order_totals


def _keep_larger(peaks: Counter, counts: Mapping[str, int]) -> None:
    """Raise each of ``peaks`` to the count of the same term in ``counts`` where that is larger."""
    if not peaks:
        peaks.update(counts)
        return
    for term, count in counts.items():
        if count > peaks.get(term, 0):
            peaks[term] = count


def term_order(term: str) -> int:
    """The n of an n-gram: 1 for "annexation", 3 for "reunification with crimea"."""
    return term.count(" ") + 1


def totals_by_order(counts: Mapping[str, int]) -> Counter:
    """The summed counts of each n-gram order: ``{1: unigram uses, 2: bigram uses, ...}``.

    >>> dict(totals_by_order({"annexation": 3, "of crimea": 1}))
    {1: 3, 2: 1}
    """
    by_order: Counter = Counter()
    for term, count in counts.items():
        by_order[term_order(term)] += count
    return by_order


def find_sentence(doc: Document, term: str) -> Sentence | None:
    """The first sentence of ``doc`` in which ``term`` is counted, or None.

    Use it when the counts did not keep the example (e.g. after pruning).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "NATO met. Moscow's reunification with Crimea followed.")
    >>> find_sentence(doc, "reunification with crimea").text
    "Moscow's reunification with Crimea followed."
    """
    for found, sentence_index in zip(*term_lists(doc)):
        if found == term:
            return doc.sentences[sentence_index]
    return None

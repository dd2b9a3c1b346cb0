"""Page furniture learned from the article set: lines and sentences an outlet repeats across its pages.

A site's template puts the same caption, sign-up box, copyright notice or
"Story Continued Below" into many of its pages; the rule-based cleaning
(``boilerplate.toml``) can't know every site.  This module finds them the way
boilerplate is found across the pages of one site: by counting, per outlet, in
how many articles each normalised line and sentence appears.  A *segment* is
page furniture of an outlet when

1. it appears in at least ``max(min_articles, min_share × the outlet's
   articles)`` distinct articles of that outlet (identical texts count once),
   so a sentence two articles share is never furniture; and
2. it has a furniture shape: a whole line of at most ``SHORT_LINE_WORDS``
   words; a whole line of at most ``LABEL_LINE_WORDS`` words that does not
   end like a sentence (a label, a credit, a caption without a full stop);
   or a line or sentence (at most ``MAX_SEGMENT_WORDS`` words) that names a
   page feature (sign-up, copyright, caption, "contributed to this report"…:
   the ``[furniture]`` pattern of ``boilerplate.toml``).

A longer repeated sentence that names no page feature is kept: it is news the
outlet repeats (a syndicated background paragraph, a quote it runs again),
and how an outlet repeats its background is part of the framing the report
measures.  A segment that names a page feature, once learned for one outlet,
is furniture in every outlet's articles: a site's boxes travel with its
syndicated columns (a columnist listed as an outlet of their own carries
"Story Continued Below" from Politico in two articles, under the threshold).

Segments are compared by a normalised key (lower case, punctuation dropped,
digits as ``0``, so "Copyright © 2019" and "© 2020" match) and kept as
64-bit BLAKE2b hashes, never as text (the lowest bit says whether the
segment names a page feature); per outlet at most ``MAX_TRACKED``
segments are counted at once (singletons are dropped first when the cap is
reached), so memory stays bounded on any number of articles.  The same
articles in the same order give the same furniture.

Examples
--------
>>> from framing.corpus.article import Article
>>> box = "Sign up for our daily newsletter."
>>> news = ["Talks resumed.", "Prices rose.", "The vote failed.", "Rain fell."]
>>> articles = [Article(f"a{i}", f"{text}\\n{box}", outlet="Daily") for i, text in enumerate(news)]
>>> furniture = learn_furniture(articles)
>>> len(furniture), furniture.of("Daily").furniture_spans(box), furniture.of("Daily").furniture_spans(news[0])
(1, [(0, 33)], [])
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from framing.datafiles import line_of
from framing.document.clean import normalise, packaged_boilerplate
from framing.document.parse import split_sentences
from framing.errors import DataFileError

# A segment must be in at least this many distinct articles of an outlet…
MIN_ARTICLES = 3
# …and in at least this share of them (2 % of a 5,000-article outlet is 100).
MIN_SHARE = 0.02
# A repeated line this short is furniture whatever it says ("Story Continued Below").
SHORT_LINE_WORDS = 8
# A repeated line up to this long that does not end like a sentence is a label or a credit.
LABEL_LINE_WORDS = 25
# Longer segments are never counted: page furniture is a box, not a page.
MAX_SEGMENT_WORDS = 80
# Distinct segments counted per outlet at once (about 100 bytes each).
MAX_TRACKED = 10_000

_KEY_PUNCTUATION_RE = re.compile(r"[\W_]+")
_CLOSING_MARKS = "\"”’')]"
_SENTENCE_END = ".!?…"
_DIGITS_RE = re.compile(r"\d+")


class ArticleLike(Protocol):
    """What learning needs of an article: its outlet and raw text."""

    outlet: str
    text: str


@lru_cache(maxsize=1)
def page_feature_pattern() -> re.Pattern:
    """The ``[furniture]`` pattern of ``boilerplate.toml``: words that name a page feature.

    It is written in lower case and searched in the lower-cased text: three
    times faster than a case-insensitive search, which matters on every line
    of every article.
    """
    data, text, label = packaged_boilerplate()
    pattern = data.get("furniture", {}).get("pattern")
    line = line_of(text, "[furniture]")
    if not isinstance(pattern, str):
        raise DataFileError(f"{label}, line {line}: [furniture] needs a pattern — "
                            "add pattern = '...' naming page features")
    letters = re.sub(r"\\.", "", pattern)
    if letters != letters.lower():
        raise DataFileError(f"{label}, line {line}: [furniture] pattern has capital letters — "
                            "write it in lower case (it is matched against lower-cased text)")
    try:
        return re.compile(pattern)
    except re.error as error:
        raise DataFileError(f"{label}, line {line}: [furniture] pattern: {error} — "
                            "fix the regular expression") from None


def names_page_feature(text: str) -> bool:
    """Whether ``text`` names a page feature (sign-up, copyright, caption…).

    >>> names_page_feature("Click here for reprint permission."), names_page_feature("The talks resumed.")
    (True, False)
    """
    return page_feature_pattern().search(text.lower()) is not None


def segment_key(text: str) -> str:
    """The form segments are compared in: lower case, words only, every number ``0``.

    >>> segment_key("Copyright © 2019 The Washington Times, LLC.")
    'copyright 0 the washington times llc'
    """
    return _DIGITS_RE.sub("0", _KEY_PUNCTUATION_RE.sub(" ", text.lower())).strip()


def segment_hash(text: str, names_feature: bool | None = None) -> int:
    """A stable 64-bit hash of the segment's key, its lowest bit set when it names a page feature.

    Python's ``hash`` changes between processes, so BLAKE2b.  ``names_feature``
    is :func:`names_page_feature` of ``text``, when the caller knows it.

    >>> segment_hash("Story Continued Below") & 1, segment_hash("From the Left") & 1
    (1, 0)
    """
    if names_feature is None:
        names_feature = names_page_feature(text)
    value = int.from_bytes(hashlib.blake2b(segment_key(text).encode("utf-8"), digest_size=8).digest(), "big")
    return value & ~1 | int(names_feature)


def names_feature_bit(segment: int) -> bool:
    """Whether the hashed segment names a page feature (then it is furniture in every outlet once learned)."""
    return bool(segment & 1)


# The hash of a segment with no words ("_", "* * *"): never furniture, since it holds no words to leak.
EMPTY_SEGMENT = segment_hash("")


def candidate_segments(text: str) -> Iterator[tuple[int, int, int]]:
    """Segments of a normalised line that may be furniture: the line, then its sentences that name a page feature.

    Each is ``(start, end, hash)``.  The whole line is a candidate when it
    has a furniture shape; its sentences only when it names a page feature
    (a cheap search decides before the line is split), so most news lines
    cost one search.

    >>> line = "Trump spoke on Monday. Click here for reprint permission."
    >>> [line[start:end] for start, end, _ in candidate_segments(line)]
    ['Trump spoke on Monday. Click here for reprint permission.', 'Click here for reprint permission.']
    """
    n_words = len(text.split())
    names_feature = names_page_feature(text)
    if (n_words <= SHORT_LINE_WORDS or (names_feature and n_words <= MAX_SEGMENT_WORDS)
            or (n_words <= LABEL_LINE_WORDS and not ends_like_sentence(text))):
        yield 0, len(text), segment_hash(text, names_feature)
    if not names_feature:
        return
    sentences = split_sentences(text, [(0, len(text))])
    if len(sentences) < 2:
        return
    for sentence in sentences:
        if len(sentence.text.split()) <= MAX_SEGMENT_WORDS and names_page_feature(sentence.text):
            yield sentence.start, sentence.end, segment_hash(sentence.text, True)


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with a full stop, question or exclamation mark (closing quotes aside).

    >>> ends_like_sentence('He said: “We will vote.”'), ends_like_sentence("(Photo by Jane Doe/Daily Ledger)")
    (True, False)
    """
    stripped = text.rstrip(_CLOSING_MARKS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def article_segments(text: str) -> set[int]:
    """The hashes of every candidate segment of an article's raw text (each once)."""
    found = set()
    for line in text.split("\n"):
        line = normalise(line)
        if line:
            found.update(segment for _, _, segment in candidate_segments(line))
    found.discard(EMPTY_SEGMENT)
    return found


@dataclass(frozen=True)
class OutletFurniture:
    """One outlet's furniture, as segment hashes; finds it in a line of that outlet's articles."""

    hashes: frozenset[int] = frozenset()

    def furniture_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the normalised line ``text`` that are furniture: ``[(0, len(text))]`` for the whole line.

        >>> box = OutletFurniture(frozenset({segment_hash("Story Continued Below")}))
        >>> box.furniture_spans("Story Continued Below"), box.furniture_spans("The story continued.")
        ([(0, 21)], [])
        """
        if not self.hashes:
            return []
        spans = []
        for start, end, segment in candidate_segments(text):
            if segment in self.hashes:
                if (start, end) == (0, len(text)):
                    return [(start, end)]
                spans.append((start, end))
        return spans


@dataclass(frozen=True)
class Furniture:
    """The page furniture learned from an article set, per outlet; picklable and compared by value.

    ``outlets`` holds ``(outlet, hashes)`` pairs sorted by outlet; an empty
    ``Furniture()`` removes nothing.  The segments that name a page feature
    are removed from every outlet's articles (:meth:`of`).
    """

    outlets: tuple[tuple[str, frozenset[int]], ...] = ()
    # Per outlet, and under None for any other outlet: built once, not compared or pickled.
    _by_outlet: dict[str | None, OutletFurniture] = field(default_factory=dict, init=False, repr=False,
                                                          compare=False)

    def __post_init__(self) -> None:
        shared = frozenset(h for _, hashes in self.outlets for h in hashes if names_feature_bit(h))
        self._by_outlet[None] = OutletFurniture(shared)
        self._by_outlet.update((outlet, OutletFurniture(hashes | shared)) for outlet, hashes in self.outlets)

    def of(self, outlet: str) -> OutletFurniture:
        """The furniture of ``outlet``: its own, and what names a page feature in any outlet's."""
        return self._by_outlet.get(outlet) or self._by_outlet[None]

    def __len__(self) -> int:
        """The number of furniture segments, over all outlets."""
        return sum(len(hashes) for _, hashes in self.outlets)

    def digest(self) -> str:
        """SHA-256 of the furniture (outlets and sorted hashes): part of the ``--resume`` cache key.

        >>> Furniture().digest() == Furniture(()).digest()
        True
        """
        digest = hashlib.sha256()
        for outlet, hashes in self.outlets:
            digest.update(outlet.encode("utf-8") + b"\0")
            digest.update(b"".join(h.to_bytes(8, "big") for h in sorted(hashes)) + b"\0")
        return digest.hexdigest()

    def __reduce__(self):  # the lookup table is rebuilt, not pickled
        return (Furniture, (self.outlets,))


class SegmentCounts:
    """Per outlet: its articles, and in how many of them each segment appears (at most ``cap`` segments)."""

    def __init__(self, cap: int = MAX_TRACKED) -> None:
        self.cap = cap
        self.articles: dict[str, int] = {}
        self.counts: dict[str, dict[int, int]] = {}
        self._texts_seen: set[int] = set()

    def add(self, outlet: str, text: str) -> None:
        """Count one article's segments, unless the outlet's same text was counted already."""
        self.add_found(*found_segments(outlet, text))

    def add_found(self, outlet: str, text_key: int, segments: Iterable[int]) -> None:
        """Count one article's segments as :func:`found_segments` gives them (in order: made anywhere, e.g.
        in a worker process, then counted here in the articles' order, which gives what :meth:`add` gives)."""
        if text_key in self._texts_seen:
            return
        self._texts_seen.add(text_key)
        self.articles[outlet] = self.articles.get(outlet, 0) + 1
        counts = self.counts.setdefault(outlet, {})
        for segment in segments:
            counts[segment] = counts.get(segment, 0) + 1
        if len(counts) > self.cap:
            _prune(counts, self.cap // 2)

    def furniture(self, min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE) -> Furniture:
        """The segments counted often enough, per outlet."""
        outlets = []
        for outlet in sorted(self.counts):
            needed = max(min_articles, math.ceil(min_share * self.articles[outlet]))
            hashes = frozenset(h for h, n in self.counts[outlet].items() if n >= needed)
            if hashes:
                outlets.append((outlet, hashes))
        return Furniture(tuple(outlets))


def _prune(counts: dict[int, int], keep: int) -> None:
    """Drop the rarest segments (seen once, then twice…) until at most ``keep`` remain.

    A segment repeated across the outlet's pages is seen again soon after;
    one dropped at its first sighting starts counting again the next time.
    """
    floor = 1
    while len(counts) > keep:
        for segment in [h for h, n in counts.items() if n <= floor]:
            del counts[segment]
        floor += 1


def learn_furniture(articles: Iterable[ArticleLike], min_articles: int = MIN_ARTICLES,
                    min_share: float = MIN_SHARE, cap: int = MAX_TRACKED) -> Furniture:
    """Read ``articles`` once and return the page furniture of each outlet.

    Parameters
    ----------
    articles : iterable of Article
        Anything with ``outlet`` and ``text``; read once.
    min_articles, min_share : int, float
        A segment must be in ``max(min_articles, min_share × n)`` of an
        outlet's ``n`` distinct articles.
    cap : int
        Distinct segments counted per outlet at once (bounds memory).
    """
    return furniture_of((found_segments(article.outlet, article.text) for article in articles),
                        min_articles, min_share, cap)


def furniture_of(found: Iterable[tuple[str, int, tuple[int, ...]]], min_articles: int = MIN_ARTICLES,
                 min_share: float = MIN_SHARE, cap: int = MAX_TRACKED) -> Furniture:
    """The page furniture of each outlet from its articles' segments, in the articles' order.

    ``found`` gives :func:`found_segments` of each article (made here, or by
    :class:`SegmentFinder` in worker processes); the parameters are those of
    :func:`learn_furniture`, which this is once the segments are found.
    """
    if min_articles < 2:
        raise ValueError(f"min_articles={min_articles!r}: must be at least 2 — "
                         "a segment in one article is that article's text")
    counts = SegmentCounts(cap)
    for outlet, text_key, segments in found:
        counts.add_found(outlet, text_key, segments)
    return counts.furniture(min_articles, min_share)


def found_segments(outlet: str, text: str) -> tuple[str, int, tuple[int, ...]]:
    """What learning counts of an article: its outlet, a hash of the outlet and text (an identical text
    counts once) and its candidate segments, sorted.

    >>> outlet, _, segments = found_segments("Daily", "Talks resumed.\\nSign up for our daily newsletter.")
    >>> outlet, len(segments)
    ('Daily', 2)
    """
    text_key = int.from_bytes(hashlib.blake2b(f"{outlet}\0{text}".encode("utf-8", "surrogatepass"),
                                              digest_size=8).digest(), "big")
    return outlet, text_key, tuple(sorted(article_segments(text)))


class SegmentFinder:
    """Finds articles' segments for learning, in worker processes: a picklable factory of itself whose
    ``score(article)`` is :func:`found_segments` (see :func:`framing.run.engine.map_ordered`).

    >>> from framing.corpus.article import Article
    >>> SegmentFinder()().score(Article("a", "Story Continued Below", outlet="Politico"))[2] == (
    ...     segment_hash("Story Continued Below"),)
    True
    """

    def __call__(self) -> SegmentFinder:
        return self

    def score(self, article: ArticleLike) -> tuple[str, int, tuple[int, ...]]:
        return found_segments(article.outlet, article.text)

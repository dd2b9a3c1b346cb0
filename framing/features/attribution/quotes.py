"""Quoted speech as attribution counts it: each quoted word once, whatever the quote parse.

The :class:`~framing.document.parse.Document` records a quote for every
closing mark a paragraph leaves unmatched, each from the paragraph's start:
'“A,” he said. ”B.”' (a closing mark typed for the second opening one) gives
three quotes that open at “ and end after "A,”", after "said. ”" and after
"B.”".  Counted as they are, the words of "A" are quoted three times and the
cue "he said" sits inside quoted speech.  :func:`speech_quotes` keeps one
span per quotation (the innermost), and :func:`quoted_tokens` counts words,
not quote-word pairs, so the quoted words of a text are never more than its
words.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "“We are ready,” he said. ”The talks are over.”")
>>> [(q.start, q.end) for q in doc.quotes if q.mark == "double"]
[(0, 46), (0, 26), (0, 15)]
>>> [(q.start, q.end) for q in speech_quotes(doc)]
[(0, 15)]
>>> QuoteIndex(speech_quotes(doc)).tokens(doc, [(0, len(doc.body))])
{0, 1, 2}
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence

from framing.document.parse import Document, Quote

Span = tuple[int, int]


def speech_quotes(doc: Document) -> list[Quote]:
    """One double-quoted span per quotation of ``doc``, in text order.

    Of the spans that open at one position, the shortest whose inner opening
    marks are all closed ('“A,” he said. ”B.”' ends after "A,”"; '“I’d rather
    live in what he calls “hell” than ...”' ends at the last mark); then a span
    that still holds another is dropped (quoted speech nests in single marks,
    so a double quote inside a double quote is a parse artefact).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'He said "we will win" and "we will stay."')
    >>> [doc.body[q.start:q.end] for q in speech_quotes(doc)]
    ['"we will win"', '"we will stay."']
    >>> doc = build_document("x", "“I’d rather live in what he calls “hell” than here.”")
    >>> [doc.body[q.start:q.end] for q in speech_quotes(doc)]
    ['“I’d rather live in what he calls “hell” than here.”']
    """
    doubles = sorted((q for q in doc.quotes if q.mark == "double"), key=lambda q: (q.start, q.end))
    chosen = [_closed_variant(doc.body, list(group)) for _, group in itertools.groupby(doubles, lambda q: q.start)]
    return [q for i, q in enumerate(chosen) if not _holds_another(q, chosen[i + 1 :])]


def _holds_another(q: Quote, following: Sequence[Quote]) -> bool:
    """Whether one of ``following`` (sorted by start) opens and closes inside ``q``."""
    for other in following:
        if other.start >= q.end:
            return False
        if other.end <= q.end:
            return True
    return False


def _closed_variant(body: str, variants: list[Quote]) -> Quote:
    """The shortest of ``variants`` (one start, ends ascending) in which every inner “ has its ”."""
    for q in variants:
        inner = body[q.start + 1 : q.end - 1]
        if inner.count("“") <= inner.count("”"):
            return q
    return variants[-1]


class QuoteIndex:
    """Quotes sorted by start, searchable for the ones overlapping a span (nested quotes allowed)."""

    def __init__(self, quotes: Iterable[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
        self._starts = [q.start for q in self.quotes]
        # The furthest end among the quotes up to each index: a quote nested in
        # an earlier, longer one ends sooner, so ends alone are not sorted.
        self._reach = list(itertools.accumulate((q.end for q in self.quotes), max))

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """The quotes that share at least one character with ``start:end``."""
        i = bisect.bisect_left(self._starts, end)
        first = bisect.bisect_right(self._reach, start, 0, i)
        return [q for q in self.quotes[first:i] if q.end > start]

    def containing(self, pos: int) -> Quote | None:
        """The first quote whose span holds the character at ``pos``, if any."""
        found = self.overlapping(pos, pos + 1)
        return found[0] if found else None

    def tokens(self, doc: Document, spans: Sequence[Span]) -> set[int]:
        """Indices of the word tokens of ``spans`` that lie inside a quote, each once."""
        out: set[int] = set()
        for start, end in spans:
            for q in self.overlapping(start, end):
                out.update(doc.tokens_between(max(start, q.start), min(end, q.end)))
        return out


def quoted_tokens(doc: Document, spans: Sequence[Span]) -> set[int]:
    """Indices of the word tokens of ``spans`` inside quoted speech (see :func:`speech_quotes`).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", 'He called it "a total deadlock" on Monday.')
    >>> sorted(quoted_tokens(doc, [(0, len(doc.body))]))
    [3, 4, 5]
    """
    return QuoteIndex(speech_quotes(doc)).tokens(doc, spans)

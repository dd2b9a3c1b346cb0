"""The text the attribution rules read: the body, its speech quotations, and the position helpers they share.

:class:`BodyText` is the base of the content rules
(:class:`~framing.features.attribution.content.ContentRules`) and of the
document-wide passes (:mod:`framing.features.attribution.passes`).
"""

from __future__ import annotations

import bisect

from framing.document.parse import Document, Sentence
from framing.features.attribution.quotes import QuoteIndex, speech_quotes

Span = tuple[int, int]
OPEN_QUOTES = '"“'
CLOSE_QUOTES = '"”'
# Marks that may end or open speech next to a cue: also the apostrophe that
# ends a '' pair (the quote itself is always looked up in the Document).
OPEN_MARKS = OPEN_QUOTES + "'"
CLOSE_MARKS = CLOSE_QUOTES + "'"


class BodyText:
    """A document's text, its quotation spans, and position helpers shared by the rules."""

    def __init__(self, doc: Document, verb_forms: frozenset[str]):
        self.doc = doc
        self.verb_forms = verb_forms
        self.body = doc.body
        # One span per quotation: the Document may hold several from one opening mark.
        self.speech_quotes = speech_quotes(doc)
        self._quote_starts = [q.start for q in self.speech_quotes]
        self._speech = QuoteIndex(self.speech_quotes)
        # Any quotation, single or double, makes content "mixed" ("adding that
        # the old 'Russian threat' narrative ...").
        self._any_quote = QuoteIndex([*self.speech_quotes, *(q for q in doc.quotes if q.mark != "double")])

    def in_speech(self, pos: int) -> bool:
        """Whether the character at ``pos`` lies inside double-quoted speech."""
        return self._speech.containing(pos) is not None

    def _quote_ending_at(self, pos: int):
        """The speech quote whose closing mark is at ``pos``."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        while i >= 0:
            q = self.speech_quotes[i]
            if q.start <= pos < q.end:
                return q
            if q.end < pos - 2000:
                break
            i -= 1
        return None

    def _quote_closing_before(self, pos: int):
        """The speech quote whose closing mark is the last thing before ``pos``."""
        end = self._back_space(pos, 0)
        if end == 0 or self.body[end - 1] not in CLOSE_MARKS:
            return None
        quote = self._quote_ending_at(end - 1)
        return quote if quote is not None and quote.end == end else None

    def _quote_starting_at(self, pos: int):
        i = bisect.bisect_left(self._quote_starts, pos)
        if i < len(self.speech_quotes) and self.speech_quotes[i].start == pos:
            return self.speech_quotes[i]
        return None

    def _skip_space(self, pos: int, end: int) -> int:
        while pos < end and self.body[pos].isspace():
            pos += 1
        return pos

    def _back_space(self, pos: int, start: int) -> int:
        while pos > start and self.body[pos - 1].isspace():
            pos -= 1
        return pos

    def _trim(self, start: int, end: int) -> Span:
        body = self.body
        while start < end and (body[start].isspace() or body[start] in ",:;—-–"):
            start += 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:—-–"):
            end -= 1
        return start, end


def inner_span(body: str, q) -> Span:
    """The text span of a quote without its marks (a quote may lack its opening mark)."""
    start, end = q.start, q.end
    for _ in range(2):  # one mark, or a '' pair
        if start < end and body[start] in OPEN_QUOTES + "'":
            start += 1
        if end > start and body[end - 1] in CLOSE_QUOTES + "'":
            end -= 1
    return start, end


def starts_upper(body: str, pos: int) -> bool:
    return body[pos].isupper() or body[pos].isdigit()


def is_headline(doc: Document, sentence: Sentence) -> bool:
    """Title Case lines ("Russia Has Ceased 'All' Cooperation, Official Says") are headlines."""
    idx = doc.tokens_between(sentence.start, sentence.end)
    if len(idx) < 4:
        return False
    body, spans = doc.body, doc.token_spans
    caps = sum(1 for k in idx if body[spans[k][0]].isupper())
    return caps >= 0.7 * len(idx)

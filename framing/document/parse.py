"""One parse per article: paragraphs, sentences, word tokens and quotation spans.

Every feature family reads a :class:`Document`; none of them splits or scans the
raw text again.  All offsets are character offsets into ``Document.body``.

Examples
--------
>>> doc = build_document("a1", 'Mr. Smith arrived in the U.S. on Monday. "It is fine," he said.')
>>> [s.text for s in doc.sentences]
['Mr. Smith arrived in the U.S. on Monday.', '"It is fine," he said.']
>>> doc.quotes[0].text
'It is fine,'
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Protocol

from framing.document.clean import CleanResult, FurnitureMatcher, clean_text
from framing.document.vocabulary import ABBREVIATIONS

WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, then white space.
BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
# The first non-space character from a position on (as ``str.lstrip()[0]``).
_NEXT_CHARACTER_RE = re.compile(r"\s*(\S)")
_DOUBLE_MARK_RE = re.compile("''|‘‘|’’|[\"“”]")
_LINE_RE = re.compile(r"[^\n]+")
DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
# Pairs of marks that stand for one double mark.
_PAIRED = {"''": '"', "‘‘": DOUBLE_OPEN, "’’": DOUBLE_CLOSE}
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body, with its character span and paragraph number."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Quote:
    """A quotation span.  ``start``/``end`` include the marks; ``text`` does not."""

    start: int
    end: int
    text: str
    mark: str  # "double" or "single"
    n_words: int

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.end > self.start + 1 else self.end


@dataclass
class Document:
    """An article parsed once: title, body, sentences, tokens and quotes."""

    article_id: str
    title: str
    body: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    token_spans: tuple[tuple[int, int], ...]
    tokens: tuple[str, ...]  # lower-cased word tokens, parallel to token_spans
    quotes: tuple[Quote, ...]
    date: str = ""  # the article's publication date as given (e.g. "2014-03-18"); "" when unknown
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    _quote_reach: list[int] = field(default_factory=list, repr=False)  # running max of quote ends
    _token_starts: list[int] = field(default_factory=list, repr=False)
    # tokens_between's answers: the attribution rules ask about a thousand times an article, a third of
    # them different spans, so a look-up beats the two binary searches.
    _between: dict[tuple[int, int], range] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        # Read by tokens_between, which the attribution rules call about a thousand times an article.
        self._token_starts = [start for start, _ in self.token_spans]
        self._quote_starts = [q.start for q in self.quotes]
        self._quote_reach = list(itertools.accumulate((q.end for q in self.quotes), max))

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (or the last one starting before it)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def quote_at(self, offset: int) -> Quote | None:
        """The outermost quotation span containing ``offset``, if any."""
        i = bisect.bisect_right(self._quote_starts, offset)
        # The first quote reaching past ``offset`` contains it if it starts at
        # or before it: a binary search, not a scan (long articles have
        # thousands of quotes).
        j = bisect.bisect_right(self._quote_reach, offset, 0, i)
        return self.quotes[j] if j < i else None

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens that lie inside ``[start, end)``."""
        found = self._between.get((start, end))
        if found is None:
            starts = self._token_starts
            found = self._between[start, end] = range(bisect.bisect_left(starts, start),
                                                      bisect.bisect_left(starts, end))
        return found


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``body`` (each line is a paragraph)."""
    spans = []
    for m in _LINE_RE.finditer(body):
        start, end = m.start(), m.end()
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _ends_sentence(text: str, match: re.Match) -> bool:
    """Whether the punctuation in ``match`` ends a sentence (not an abbreviation)."""
    punct = match.group()
    if not punct.startswith("."):
        return True
    # Look at the word before the full stop.
    j = match.start()
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    word = text[i:j].lower()
    if not word:
        return True
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        # "U.S." at the very end of a sentence is followed by a capital too;
        # only treat it as an end when the next word starts a new clause.
        nxt = text[match.end():].lstrip()[:12]
        return word in {"u.s", "u.k", "u.n", "e.u"} and bool(re.match(r"(The|It|He|She|But|In|A|On)\b", nxt))
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    return True


def split_sentences(body: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Split each paragraph into sentences.

    Robust to abbreviations ("U.S.", "Dr."), quotes that end in ``."`` and
    initials.  A paragraph break always ends a sentence.
    """
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        text = body[p_start:p_end]
        cut = 0
        for m in BOUNDARY_RE.finditer(text):
            # The first character after the white space (matched, not sliced:
            # slicing the rest of a long paragraph at every full stop is quadratic).
            following = _NEXT_CHARACTER_RE.match(text, m.end())
            if following is None:
                continue
            first = following.group(1)
            # A new sentence starts with a capital, a digit or an opening quote/bracket.
            if not (first.isupper() or first.isdigit() or first in "\"“‘'(["):
                continue
            if not _ends_sentence(text, m):
                continue
            _add_sentence(sentences, body, p_start + cut, p_start + m.end(), p_index)
            cut = m.end()
        _add_sentence(sentences, body, p_start + cut, p_end, p_index)
    return sentences


def _add_sentence(out: list[Sentence], body: str, start: int, end: int, paragraph: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, body[start:end], paragraph))


def find_quotes(body: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Find double- and single-quoted spans.

    A double quote left open at a paragraph's end is closed there (the
    newspaper convention for quotes running over paragraphs: the next
    paragraph opens again); a closing mark with no opening one in its paragraph quotes from the
    paragraph's start (text pasted without its first mark).  Single quotes are
    only taken when short and on one line, so apostrophes are not mistaken for
    quotes.
    """
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs:
        para_open: int | None = None
        # Only the quotation marks matter: visit them, not every character.
        # Two apostrophes stand for a straight double quote in some archives
        # (the New York Times' ''...'' convention), two single marks for a
        # double one ("‘‘…’’", the Boston Globe's wire copy).
        for mark in _DOUBLE_MARK_RE.finditer(body, p_start, p_end):
            i = mark.start()
            width = mark.end() - i
            ch = _PAIRED.get(mark.group(), mark.group())
            if mark.group() == "’’" and para_open is None:
                continue  # "the Americans’’ problem", a nested quote's end: no double quote opened
            if ch == DOUBLE_OPEN or (ch == '"' and para_open is None):
                if para_open is None:
                    para_open = i
            elif ch == DOUBLE_CLOSE or ch == '"':
                start = para_open
                if start is None:  # unmatched close: the quote runs from the paragraph start
                    quotes.append(_make_quote(body, p_start, i + width, "double", leading_mark=False))
                else:
                    quotes.append(_make_quote(body, start, i + width, "double"))
                para_open = None
        if para_open is not None:
            # Unclosed at paragraph end: the quote continues in the next paragraph
            # if that one opens with a quotation mark; record this part now.
            quotes.append(_make_quote(body, para_open, p_end, "double", trailing_mark=False))
    quotes.extend(_find_single_quotes(body))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _make_quote(body: str, start: int, end: int, mark: str, leading_mark: bool = True,
                trailing_mark: bool = True) -> Quote:
    inner_start = start + 1 if leading_mark else start
    inner_end = end - 1 if trailing_mark else min(end, len(body))
    text = body[inner_start:inner_end].strip()
    if mark == "double":
        text = text.strip("'‘’").strip()  # the second mark of a pair
    return Quote(start, end, text, mark, len(WORD_RE.findall(text)))


# The opening mark first, the look-behind after it: a pattern that starts with a character class lets the
# search skip to the next quotation mark, where one that starts with a look-behind is tried at every
# character (five times slower on an article).
SINGLE_RE = re.compile(r"['‘](?<![\w’']['‘])([^\W\d_][^'‘’\n]{0,60}?[\w.,!?])['’](?![\w’'])")


def _find_single_quotes(body: str) -> list[Quote]:
    found = []
    for m in SINGLE_RE.finditer(body):
        inner = m.group(1)
        n = len(WORD_RE.findall(inner))
        if n == 0 or n > 8:
            continue
        found.append(Quote(m.start(), m.end(), inner, "single", n))
    return found


def word_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of ``WORD_RE``'s words in ``text`` and the words lower-cased.

    ``str.lower`` maps each character on its own, except a capital sigma
    (final or not by its neighbours); when no character changes length, each
    word's lower case is the slice of the lower-cased text, which is cheaper
    than lower-casing every word.

    Examples
    --------
    >>> word_tokens("NATO's Chief, ΟΔΟΣ")
    ([(0, 6), (7, 12), (14, 18)], ["nato's", 'chief', 'οδος'])
    """
    spans = [match.span() for match in WORD_RE.finditer(text)]
    lower = text.lower()
    if len(lower) == len(text) and "Σ" not in text:
        return spans, [lower[start:end] for start, end in spans]
    return spans, [text[start:end].lower() for start, end in spans]


def build_document(article_id: str, body: str, title: str = "", date: str = "") -> Document:
    """Parse ``body`` once into a :class:`Document` (``date`` is kept as given)."""
    paragraphs = split_paragraphs(body)
    sentences = split_sentences(body, paragraphs)
    spans, tokens = word_tokens(body)
    quotes = find_quotes(body, paragraphs)
    return Document(
        article_id=article_id,
        title=title,
        body=body,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        token_spans=tuple(spans),
        tokens=tuple(tokens),
        quotes=tuple(quotes),
        date=date,
    )


class ArticleText(Protocol):
    """What parsing needs of an article: its id, title and raw text."""

    id: str
    title: str
    text: str


class FurnitureSource(Protocol):
    """The page furniture learned from an article set (:class:`framing.document.furniture.Furniture`)."""

    def of(self, outlet: str) -> FurnitureMatcher: ...


def parse_article(article: ArticleText, furniture: FurnitureSource | None = None) -> tuple[Document, CleanResult]:
    """The one way an article becomes a :class:`Document`: clean it, then parse the body.

    ``furniture`` is the page furniture learned from the article set; the
    part of it for the article's outlet is removed too.
    """
    outlet_furniture = furniture.of(getattr(article, "outlet", "")) if furniture is not None else None
    cleaned = clean_text(article.text, article.title, furniture=outlet_furniture)
    return build_document(article.id, cleaned.body, cleaned.title, getattr(article, "date", "")), cleaned

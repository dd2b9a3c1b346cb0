"""What decides a term's sense around a match: words in its scope, proper names and capitals.

The matcher asks these questions of every candidate match:

- :func:`words_in_scope`: is one of a set of words in the match's scope
  (``window`` words either side, its sentence, its paragraph or the whole
  article)?  The match's
  own words never count, so a term can never be its own context.
- :func:`inside_name`: is a capitalised match part of a longer capitalised
  name in running text ("the National Alliance for Public Charter Schools",
  "the Great Barrier Reef")?  Headline-case lines ("Russia's Annexation Of
  Crimea Angers West") are not running text, so they never count as names.
- :func:`starts_sentence`: does the match open its sentence (where a capital
  letter says nothing about the sense)?

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "Members of the National Alliance for Public Charter Schools met.")
>>> start = doc.body.index("Alliance")
>>> inside_name(doc, start, start + len("Alliance"))
True
>>> doc = build_document("x", "The Alliance met in Brussels.")
>>> inside_name(doc, 4, 12)
False
"""

from __future__ import annotations

import bisect
import re

from framing.document.parse import Document
from framing.document.vocabulary import STOPWORDS

SCOPES = ("window", "sentence", "paragraph", "article")
TOKEN_PARTS_RE = re.compile(r"[-'’‐‑]")
# A line is in headline case when at least this share of its words that are
# not function words (and at least HEADLINE_MIN_WORDS of them) are capitalised.
HEADLINE_SHARE = 0.9
HEADLINE_MIN_WORDS = 4
# Scopes of at most this many tokens are scanned; longer ones (an article) are
# looked up in an index of the document's words, built once per document.
SCAN_LIMIT = 400
OPENING_MARKS = "\"'“‘([«"
# Capitalised words that stand next to a term without making a name with it
# ("separatists Wednesday exited", "the bloc in March").
NOT_NAME_PARTS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december i""".split())
# A "paragraph" longer than this (characters) is a text without paragraph breaks: the paragraph scope
# is then the match's sentence and NEAR_SENTENCES on each side (news paragraphs run to about 600).
LONG_PARAGRAPH = 1500
NEAR_SENTENCES = 2
# Lower-case words inside a name: "Panel on Climate Change", "Department of Homeland Security".
NAME_CONNECTORS = frozenset({"of", "on", "for", "and", "de"})
NAME_GAP_RE = re.compile(r"[ \u00a0]+(?:(?:" + "|".join(sorted(NAME_CONNECTORS)) + r")[ \u00a0]+)?")


def words_in_scope(document: Document, start: int, end: int, words: frozenset[str], scope: str,
                   window: int) -> bool:
    """Whether one of ``words`` (lower case) is in the scope of the match ``[start, end)``.

    A token counts when it, or one of its hyphen or apostrophe parts, is one
    of ``words`` ("Crimea-based" has the part "crimea"); the match's own
    tokens never count.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "The bloc voted. NATO met later.")
    >>> words_in_scope(doc, 4, 8, frozenset({"nato"}), "sentence", 15)
    False
    >>> words_in_scope(doc, 4, 8, frozenset({"nato"}), "paragraph", 15)
    True
    >>> words_in_scope(doc, 4, 8, frozenset({"bloc"}), "paragraph", 15)
    False
    """
    own = document.tokens_between(start, end)
    first, last = _scope_bounds(document, start, own, scope, window)
    if last - first <= SCAN_LIMIT:
        return any(_holds(document.tokens[i], words) for i in range(first, last)
                   if not own.start <= i < own.stop)
    positions = _word_positions(document)
    for word in words:
        found = positions.get(word, ())
        # the positions in [first, last), skipping the match's own tokens
        i = bisect.bisect_left(found, first)
        while i < len(found) and found[i] < last:
            if not own.start <= found[i] < own.stop:
                return True
            i += 1
    return False


def _scope_bounds(document: Document, start: int, own: range, scope: str, window: int) -> tuple[int, int]:
    """The token range ``[first, last)`` of the match's scope."""
    if scope == "window":
        return max(0, own.start - window), min(own.stop + window, len(document.tokens))
    if scope == "article":
        return 0, len(document.tokens)
    tokens = document.tokens_between(*_enclosing_span(document, start, scope))
    return tokens.start, tokens.stop


def _holds(token: str, words: frozenset[str]) -> bool:
    """Whether ``token`` or one of its hyphen or apostrophe parts is one of ``words``."""
    return token in words or (not token.isalnum() and any(p in words for p in TOKEN_PARTS_RE.split(token)))


# The word index of the last document looked at: scoring looks at one document
# at a time, so one entry is enough (kept by identity: documents are not hashable).
_LAST_INDEX: tuple[Document | None, dict[str, list[int]]] = (None, {})


def _word_positions(document: Document) -> dict[str, list[int]]:
    """Each word and word part of ``document`` -> the indices of the tokens holding it, ascending."""
    global _LAST_INDEX
    cached_document, index = _LAST_INDEX
    if cached_document is document:
        return index
    index = {}
    for i, token in enumerate(document.tokens):
        index.setdefault(token, []).append(i)
        if not token.isalnum():
            for part in set(TOKEN_PARTS_RE.split(token)) - {token}:
                index.setdefault(part, []).append(i)
    _LAST_INDEX = (document, index)
    return index


def _enclosing_span(document: Document, offset: int, scope: str) -> tuple[int, int]:
    """The character span of the sentence or paragraph holding ``offset``.

    A paragraph longer than ``LONG_PARAGRAPH`` characters is read as the sentence and ``NEAR_SENTENCES``
    on each side of it.
    """
    sentence = document.sentence_at(offset)
    if sentence is None:
        return 0, len(document.body)
    if scope == "sentence":
        return sentence.start, sentence.end
    if 0 <= sentence.paragraph < len(document.paragraphs):
        start, end = document.paragraphs[sentence.paragraph]
        if end - start <= LONG_PARAGRAPH:
            return start, end
        # A text without paragraph breaks (a transcript, a pasted page): the sentences around the match.
        near = document.sentences[max(0, sentence.index - NEAR_SENTENCES) : sentence.index + NEAR_SENTENCES + 1]
        return max(start, near[0].start), min(end, near[-1].end)
    return sentence.start, sentence.end


def inside_name(document: Document, start: int, end: int) -> bool:
    """Whether the capitalised match ``[start, end)`` is part of a longer capitalised name.

    It is when a capitalised word stands right before or after it (only
    spaces between) in the same sentence, in running text, or across a
    connector ("Panel on Climate Change", "Alliance for Securing Democracy").  A sentence's first word
    is not taken as part of a name when it is a function word ("The
    Alliance met").
    """
    if not document.body[start:start + 1].isupper():
        return False
    sentence = document.sentence_at(start)
    if sentence is None:
        return False
    line = document.tokens_between(sentence.start, sentence.end)
    if headline_case(document, line):
        return False
    own = document.tokens_between(start, end)
    before, after = own.start - 1, own.stop
    if before > line.start and document.tokens[before] in NAME_CONNECTORS:
        before -= 1  # "Convention on Climate Change": the word before the connector
    if before >= line.start and _adjoins(document, before, own.start) and _name_part(document, before):
        if before != line.start or document.tokens[before] not in STOPWORDS:
            return True
    if after + 1 < line.stop and document.tokens[after] in NAME_CONNECTORS:
        after += 1  # "Alliance for Securing Democracy": the word after the connector
    return after < line.stop and _adjoins(document, own.stop - 1, after) and _name_part(document, after)


def headline_case(document: Document, line: range) -> bool:
    """Whether the tokens ``line`` are written in headline case (most content words capitalised)."""
    content = [i for i in line if document.tokens[i] not in STOPWORDS and document.tokens[i][:1].isalpha()]
    if len(content) < HEADLINE_MIN_WORDS:
        return False
    capitalised = sum(_capitalised(document, i) for i in content)
    return capitalised >= HEADLINE_SHARE * len(content)


def starts_sentence(document: Document, start: int) -> bool:
    """Whether ``start`` opens its sentence (after opening quotes or brackets), or a headline-case line."""
    sentence = document.sentence_at(start)
    if sentence is None:
        return True
    if not document.body[sentence.start:start].strip(OPENING_MARKS + " "):
        return True
    return headline_case(document, document.tokens_between(sentence.start, sentence.end))


def _capitalised(document: Document, index: int) -> bool:
    first = document.token_spans[index][0]
    return document.body[first].isupper()


def _name_part(document: Document, index: int) -> bool:
    """Whether token ``index`` is capitalised and could be part of a name (not a weekday or month)."""
    return _capitalised(document, index) and document.tokens[index] not in NOT_NAME_PARTS


def _adjoins(document: Document, left: int, right: int) -> bool:
    """Whether only spaces (and connectors) separate token ``left`` from token ``right``."""
    if left < 0 or right >= len(document.token_spans):
        return False
    gap = document.body[document.token_spans[left][1]:document.token_spans[right][0]]
    return NAME_GAP_RE.fullmatch(gap) is not None


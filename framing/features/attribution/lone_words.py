"""One-word sources that name nobody: a participle or an imperative's opener before the cue.

"Asked about the bill, the president …" and "Go tell parents …" put a word
where the rules look for a speaker; :mod:`framing.features.attribution.source_check`
and :mod:`framing.features.attribution.spans` refuse it.
"""

from __future__ import annotations

from framing.document.parse import Document
from framing.features.attribution.body_text import Span


def participle_alone(doc: Document, span: Span, verb_forms: frozenset[str]) -> bool:
    """Whether the source is one reporting verb's participle opening a clause: "Asked about the bill, …".

    "According to reports" keeps its source.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Asked about it, the president appeared irritated, citing the crisis.")
    >>> participle_alone(doc, (0, 5), frozenset({"asked"})), participle_alone(doc, (16, 29), frozenset({"asked"}))
    (True, False)
    >>> doc = build_document("x", "Reports say the talks failed.")
    >>> participle_alone(doc, (0, 7), frozenset({"reports", "say"}))
    False
    """
    words = doc.tokens_between(*span)
    word = doc.body[span[0] : span[1]]
    return len(words) == 1 and word[:1].isupper() and word.endswith(("ed", "ing")) and word.lower() in verb_forms


def imperative_opening(doc: Document, sentence_start: int, span: Span, cue: Span) -> bool:
    """Whether the "source" is a verb that opens an imperative before a base-form cue: "Go tell parents …".

    One word at the sentence's start, right before the cue, that opens imperatives ("Go", "Just", "Now"):
    "Police believe" and "Democrats say" keep their speaker.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Go tell arachnophobic parents that you must.")
    >>> imperative_opening(doc, 0, (0, 2), (3, 7))
    True
    """
    return (doc.body[span[0] : span[1]].lower() in _IMPERATIVE_OPENERS
            and not doc.body[sentence_start : span[0]].strip(" \"“‘'") and not doc.body[span[1] : cue[0]].strip())


# Words that open an imperative right before a reporting verb's base form ("Go tell", "Just say", "Now imagine").
_IMPERATIVE_OPENERS = frozenset("go come just please now then so imagine remember try".split())

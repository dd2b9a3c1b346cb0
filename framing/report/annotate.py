"""Marks in an article's text: spans of what framing found, rendered as properly nested HTML.

A :class:`Mark` is a character span of the cleaned body with the name of what
was found there (``kind``), a CSS class and a title (the words come from the
template ``article.html.j2``).  Marks may nest or overlap (a contested term
inside a quotation, a quotation running over two sentences); :func:`render_span`
cuts the text at every mark boundary and closes and reopens elements so that
the HTML is always well nested.  Every piece of text is escaped here.

Examples
--------
>>> marks = [Mark(0, 11, "quote", "quote", "Quoted"), Mark(4, 17, "term", "term side-0", "Term")]
>>> print(render_span("Bad weather today", 0, 17, marks).replace("><", ">\\n<"))
<span class="quote" title="Quoted">Bad <mark class="term side-0" title="Term">weather</mark>
</span>
<mark class="term side-0" title="Term"> today</mark>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

# Which finding kinds are drawn in the text, and their CSS class (styled in report.css).
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed")
LOADED_FAMILY = "loaded"
# Outer marks first when two start together and are as long: a quotation holds the
# speaker's words, a term or a loaded word sits inside them.
RANK = {"quote": 0, "speaker": 1, "cue": 1, "scare": 2, "term": 3, "loaded": 4}
# Sentence tone bands, on VADER's compound: "clearly" as in the sentiment scorer
# (framing.features.sentiment.scorer.CLEAR_TONE), "slightly" from VADER's own ±0.05.
SLIGHT_TONE = 0.05


@dataclass(frozen=True, order=True)
class Mark:
    """A span ``[start, end)`` of the body to draw as ``<span class=css title=title>``."""

    start: int
    end: int
    kind: str
    css: str = field(compare=False)
    title: str = field(compare=False)


def tone_band(compound: float, clear: float) -> str:
    """The band of a sentence's tone: ``clearly-negative`` … ``neutral`` … ``clearly-positive``.

    >>> [tone_band(c, 0.25) for c in (-0.6, -0.1, 0.0, 0.2, 0.25)]
    ['clearly-negative', 'slightly-negative', 'neutral', 'slightly-positive', 'clearly-positive']
    """
    if compound <= -clear:
        return "clearly-negative"
    if compound >= clear:
        return "clearly-positive"
    if compound <= -SLIGHT_TONE:
        return "slightly-negative"
    if compound >= SLIGHT_TONE:
        return "slightly-positive"
    return "neutral"


def record_spans(record: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """The spans ``(start, end, role)`` an evidence record marks in the text; none for other records.

    A quotation gives its content spans (``quote``), its speaker (``speaker``)
    and its reporting verb (``cue``); a contested term, a scare quote and a
    loaded word give their own span.

    >>> record_spans({"family": "lexicon", "kind": "contested_term", "start": 80, "end": 84})
    [(80, 84, 'term')]
    >>> record_spans({"family": "attribution", "kind": "direct", "start": 5, "end": 9,
    ...               "detail": {"content_spans": [[5, 9]], "source_start": 11, "source_end": 18,
    ...                          "cue_start": 19, "cue_end": 23}})
    [(5, 9, 'quote'), (11, 18, 'speaker'), (19, 23, 'cue')]
    """
    family, kind = record.get("family"), record.get("kind")
    start, end = int(record.get("start", 0)), int(record.get("end", 0))
    if family == "lexicon" and kind == "contested_term":
        return [(start, end, "term")]
    if family == "lexicon" and kind == "scare_quote":
        return [(start, end, "scare")]
    if family == LOADED_FAMILY:
        return [(start, end, "loaded")]
    if family == "attribution" and kind in ATTRIBUTION_KINDS:
        return _attribution_spans(record.get("detail") or {}, start, end)
    return []


def _attribution_spans(detail: Mapping[str, Any], start: int, end: int) -> list[tuple[int, int, str]]:
    spans = [(int(s), int(e), "quote") for s, e in detail.get("content_spans") or [(start, end)]]
    for role, key in (("speaker", "source"), ("cue", "cue")):
        s, e = detail.get(f"{key}_start"), detail.get(f"{key}_end")
        if s is not None and e is not None and int(e) > int(s):
            spans.append((int(s), int(e), role))
    return spans


def render_span(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    """``text[start:end]`` as HTML with ``marks`` (clipped to the span) drawn as nested ``<span>``s.

    An element that overlaps another one without containing it is closed
    and opened again, so the output is well nested; empty and reversed
    marks are ignored.

    >>> render_span("a <b> & c", 0, 9, [Mark(2, 5, "term", "term", 'say "b"')])
    'a <mark class="term" title="say &quot;b&quot;">&lt;b&gt;</mark> &amp; c'
    """
    clipped = overlapping(marks, start, end)
    cuts = sorted({start, end, *(max(m.start, start) for m in clipped), *(min(m.end, end) for m in clipped)})
    out: list[str] = []
    stack: list[Mark] = []
    for left, right in zip(cuts, cuts[1:]):
        active = sorted((m for m in clipped if m.start <= left and m.end >= right), key=_nesting)
        keep = _common_prefix(stack, active)
        out.extend(_close(m) for m in reversed(stack[keep:]))
        out.extend(_open(m) for m in active[keep:])
        stack = active
        out.append(escape(text[left:right], quote=False))
    out.extend(_close(m) for m in reversed(stack))
    return "".join(out)


def _nesting(mark: Mark) -> tuple[int, int, int, str]:
    """Outer (earlier, longer) marks first, so that as few elements as possible are cut."""
    return (mark.start, -mark.end, RANK.get(mark.kind, len(RANK)), mark.css)


def _common_prefix(stack: Sequence[Mark], active: Sequence[Mark]) -> int:
    n = 0
    for opened, wanted in zip(stack, active):
        if opened is not wanted:
            break
        n += 1
    return n


def _tag(mark: Mark) -> str:
    """Contested terms are ``<mark>`` (highlighted for a reason); the rest ``<span>``."""
    return "mark" if mark.kind == "term" else "span"


def _open(mark: Mark) -> str:
    return f'<{_tag(mark)} class="{escape(mark.css)}" title="{escape(mark.title)}">'


def _close(mark: Mark) -> str:
    return f"</{_tag(mark)}>"


def overlapping(marks: Sequence[Mark], start: int, end: int) -> list[Mark]:
    """The marks that overlap ``[start, end)``.

    >>> overlapping([Mark(0, 4, "term", "t", ""), Mark(6, 9, "cue", "c", "")], 4, 7)
    [Mark(start=6, end=9, kind='cue', css='c', title='')]
    """
    return [m for m in marks if m.start < end and m.end > start]


def marks_in(spans: Iterable[tuple[int, int, str, str, str]]) -> list[Mark]:
    """:class:`Mark` objects from ``(start, end, kind, css, title)``, sorted, duplicates dropped.

    >>> marks_in([(4, 9, "term", "term", "T"), (4, 9, "term", "term", "T"), (0, 0, "cue", "cue", "")])
    [Mark(start=4, end=9, kind='term', css='term', title='T')]
    """
    unique = {(s, e, k, c, t) for s, e, k, c, t in spans if e > s}
    return [Mark(s, e, k, c, t) for s, e, k, c, t in sorted(unique)]

"""An attribution record (source, cue, contents, all body offsets) and the rules that order and compare records.

:mod:`framing.features.attribution.spans` finds them; these helpers keep one
record per content and tell where contents run and overlap.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from framing.features.attribution.body_text import Span
from framing.features.attribution.cues import CueVerb


@dataclass
class Attribution:
    """One attribution relation; spans are body offsets."""

    kind: str  # direct, indirect, mixed
    source: Span | None
    cue: Span | None
    contents: list[Span]
    verb: CueVerb | None
    sentence_index: int
    continues: Attribution | None = field(default=None, repr=False)
    # Whether the content was chosen by the learned span model, not read by the rules.
    learned_content: bool = field(default=False, repr=False)
    # Whether the cue lies inside the content of another attribution ("X said [they hoped ...]").
    nested: bool = field(default=False, repr=False)
    # The cue detector's probability for a learned cue (None for a cue of the verb list or a mark).
    cue_probability: float | None = field(default=None, repr=False)
    # Whether the content is the speaker's own words without quotation marks (a transcript's turn).
    verbatim: bool = field(default=False, repr=False)

    @property
    def cue_text(self) -> str:
        return self.verb.form if self.verb and self.cue is None else self._cue_written

    _cue_written: str = ""

    @property
    def content_span(self) -> Span:
        return self.contents[0][0], self.contents[-1][1]


def one_per_content(found: list[Attribution]) -> list[Attribution]:
    """``found`` with one attribution per content: the same words are one statement.

    Two cues can reach the same words ("Pompeo responded ..., writing ...",
    "wrote James Kalb" read from either side); a content the rules read
    beats one the span model chose, then the cue nearest the words keeps
    them, the first in text order on a tie.

    >>> a = Attribution("indirect", (0, 6), (7, 11), [(12, 30)], None, 0)
    >>> b = Attribution("indirect", (40, 42), (43, 50), [(12, 30)], None, 0)
    >>> one_per_content([a, b]) == [a]
    True
    """
    best: dict[tuple[Span, ...], Attribution] = {}
    for a in sorted(found, key=lambda a: (a.learned_content, cue_distance(a), a.cue or (0, 0))):
        best.setdefault(tuple(a.contents), a)
    kept = {id(a) for a in best.values()}
    return [a for a in found if id(a) in kept]


def mark_nested(found: list[Attribution]) -> None:
    """Set ``nested`` on each attribution whose cue lies inside the content of another.

    >>> outer = Attribution("indirect", (0, 5), (6, 10), [(11, 40)], None, 0)
    >>> inner = Attribution("indirect", (11, 15), (16, 22), [(23, 40)], None, 0)
    >>> mark_nested([outer, inner]); (outer.nested, inner.nested)
    (False, True)
    """
    contents = sorted((s, e, id(a)) for a in found for s, e in a.contents)
    starts = [s for s, _, _ in contents]
    for a in found:
        if a.cue is None:
            continue
        at = bisect.bisect_right(starts, a.cue[0])
        a.nested = any(e > a.cue[0] and owner != id(a) for _, e, owner in contents[:at])


def cue_distance(a: Attribution) -> int:
    """Characters between the cue of ``a`` and the nearest end of its contents (0 without a cue)."""
    if a.cue is None:
        return 0
    start, end = a.content_span
    return max(0, start - a.cue[1], a.cue[0] - end)


def cued_by_sentence(found: list[Attribution]) -> list[list[Attribution]]:
    """Attributions that have a cue and a content, grouped by sentence (in order of first appearance)."""
    by_sentence: dict[int, list[Attribution]] = {}
    for a in found:
        if a.cue is not None and a.contents:
            by_sentence.setdefault(a.sentence_index, []).append(a)
    return list(by_sentence.values())


def clause_head(a: Attribution) -> int:
    """Where the clause of a cued attribution starts: its source, or its cue when the source follows it."""
    if a.source and a.source[0] > a.cue[0]:
        return a.cue[0]  # inverted: the clause starts at the cue
    return (a.source or a.cue)[0]


def runs_past(a: Attribution, joint: int) -> bool:
    """Whether the last content of ``a`` runs across ``joint``, with its cue (if any) before ``joint``."""
    start, end = a.contents[-1]
    return start < joint < end and (a.cue is None or a.cue[1] <= joint)


def end_of(a: Attribution) -> int:
    ends = [a.contents[-1][1] if a.contents else 0]
    if a.cue:
        ends.append(a.cue[1])
    if a.source:
        ends.append(a.source[1])
    return max(ends)


def overlaps(spans: list[Span], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    for s, e in spans[max(0, i - 50) : i]:
        if s < end and e > start:
            return True
    return False

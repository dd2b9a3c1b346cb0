"""The findings the report states, as frozen dataclasses its templates read by ``kind``.

:mod:`framing.compare.findings` builds them: the largest differences of the
summary (:class:`WordingDifference`, :class:`VoiceDifference`,
:class:`MeasureSpread`, :class:`NoClearMeasure`) and the questions for
discussion (:class:`WordingQuestion`, :class:`SourcesQuestion`,
:class:`ScareQuoteQuestion`, :class:`ToneQuestion`). The sentences are written
by ``framing/report/templates/findings.md.j2``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class WordingUse:
    """Groups whose most used wording of a concept is ``variant``, in ``voice`` (own, quoted, scare_quote).

    ``n_uses`` and ``n_articles`` count the uses of ``variant`` by these
    groups and the articles they are in; ``side_uses`` and ``side_articles``
    the same for every term of ``side`` (the support of the difference, which
    is between sides); ``tied`` lists other variants a group uses exactly as
    often (the report names them, it does not pick one).
    """

    groups: tuple[str, ...]
    variant: str
    side: str
    voice: str
    n_uses: int = 0
    n_articles: int = 0
    tied: tuple[str, ...] = ()
    side_uses: int = 0
    side_articles: int = 0


@dataclass(frozen=True)
class WordingDifference:
    """A concept the groups word differently: each wording and the groups that use it most."""

    kind: ClassVar[str] = "wording"
    pack: str
    concept: str
    label: str
    description: str
    uses: tuple[WordingUse, ...]
    supported: bool = True  # every wording has enough uses in enough articles to be called a difference


@dataclass(frozen=True)
class SpeakerShare:
    """The identified side a group quotes most often and its share of the group's attributed statements.

    ``unidentified_share`` is the share of unidentified speakers when it is
    larger than ``share`` (None otherwise): the report adds it in brackets.
    ``tied`` names the other sides quoted exactly as often, so that a tie is
    said, not broken by the sides' names.
    """

    group: str
    side: str
    share: float
    unidentified_share: float | None = None
    tied: tuple[str, ...] = ()


@dataclass(frozen=True)
class VoiceDifference:
    """Whom each group lets speak most, highest share first."""

    kind: ClassVar[str] = "voices"
    shares: tuple[SpeakerShare, ...]

    @property
    def same_side(self) -> bool:
        """Whether every group quotes the same side most."""
        return len({share.side for share in self.shares}) == 1

    @property
    def by_side(self) -> tuple[tuple[str, tuple[str, ...], tuple[SpeakerShare, ...]], ...]:
        """The shares grouped by the side quoted most (and the sides tied with it), sides in the order
        of their highest share: ``(side, tied, shares)``."""
        sides: dict[tuple[str, tuple[str, ...]], list[SpeakerShare]] = {}
        for share in self.shares:
            sides.setdefault((share.side, share.tied), []).append(share)
        return tuple((side, tied, tuple(shares)) for (side, tied), shares in sides.items())

    @property
    def unidentified(self) -> tuple[SpeakerShare, ...]:
        """The groups whose unidentified speakers outnumber the side they quote most."""
        return tuple(share for share in self.shares if share.unidentified_share is not None)


@dataclass(frozen=True)
class MeasureSpread:
    """The groups with the highest and lowest mean on a measure.

    ``spread`` is the gap in units of the article-level standard deviation
    (so measures on different scales rank against each other); ``clear`` is
    False when either group has a single article or their intervals overlap.
    """

    kind: ClassVar[str] = "measure"
    measure: Any
    high: str
    high_mean: float
    low: str
    low_mean: float
    spread: float
    clear: bool


@dataclass(frozen=True)
class NoClearMeasure:
    """No measure separates the groups beyond their uncertainty."""

    kind: ClassVar[str] = "no_clear_measure"


@dataclass(frozen=True)
class GroupWording:
    """The wording a group uses most for a concept, whose term it is, in which voice, how often and where.

    ``tied`` lists the group's other variants used exactly as often;
    ``side_uses`` and ``side_articles`` count all its uses of ``side``'s terms.
    """

    group: str
    variant: str
    side: str
    voice: str
    n_uses: int = 0
    n_articles: int = 0
    tied: tuple[str, ...] = ()
    side_uses: int = 0
    side_articles: int = 0


@dataclass(frozen=True)
class WordingQuestion:
    """Two groups that use different sides' wordings of a concept."""

    kind: ClassVar[str] = "wording"
    label: str
    first: GroupWording
    second: GroupWording


@dataclass(frozen=True)
class SourcesQuestion:
    """``group`` quotes ``speaker`` of a side no other group quotes; ``other`` is a group to compare."""

    kind: ClassVar[str] = "sources"
    group: str
    speaker: str
    side: str
    other: str


@dataclass(frozen=True)
class ScareQuoteQuestion:
    """The phrase ``group`` puts in scare quotes most often."""

    kind: ClassVar[str] = "scare_quote"
    group: str
    phrase: str


@dataclass(frozen=True)
class ToneQuestion:
    """Whose tone is it: the outlet's own or a speaker's (asked of every set)."""

    kind: ClassVar[str] = "tone"

"""The topic gate: whether a pack applies to an article, and why.

A pack with a ``[pack.topic]`` table applies to an article only when its
topic anchors (names and words of the topic: "Crimea", "Kremlin", "NATO")
are mentioned at least ``min_mentions`` times in the title and body.  When a
pack does not apply, none of its terms count for that article: "bloc" in an
article on school funding is not Russia's word for NATO.  A pack without a
topic table applies to every article.

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.lexicons.matcher import TermMatcher
>>> from framing.lexicons.packs import load_pack
>>> pack = load_pack("russia_ukraine_nato")
>>> matcher = TermMatcher(pack.all_terms())
>>> doc = build_document("x", "NATO troops arrived. Russia protested; the Kremlin warned of a bloc.")
>>> decision = topic_decision(pack, matcher.find(doc))
>>> decision.applied, decision.mentions, decision.anchors
(True, 3, {'Kremlin': 1, 'NATO': 1, 'Russia': 1})
>>> topic_decision(pack, matcher.find(build_document("y", "A voting bloc in Ohio."))).reason
'too_few_mentions'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from framing.lexicons.matcher import TermMatch
from framing.lexicons.pack_types import Pack

APPLIED_REASONS = ("no_topic_gate", "enough_mentions")


@dataclass(frozen=True)
class TopicDecision:
    """Whether ``pack`` applies to one article, with the anchor counts behind the decision.

    ``reason`` is ``"no_topic_gate"`` (the pack has no topic table),
    ``"enough_mentions"`` or ``"too_few_mentions"``.
    """

    pack: str
    applied: bool
    reason: str
    mentions: int
    min_mentions: int
    anchors: dict[str, int] = field(default_factory=dict)  # anchor as written -> mentions

    def as_detail(self) -> dict[str, object]:
        """The decision as an evidence record's ``detail``."""
        return {"pack": self.pack, "applied": self.applied, "reason": self.reason,
                "mentions": self.mentions, "min_mentions": self.min_mentions,
                "anchors": dict(sorted(self.anchors.items()))}


def topic_decision(pack: Pack, matches: Iterable[TermMatch]) -> TopicDecision:
    """Decide whether ``pack`` applies, from the matches found in an article (title and body).

    Only the matches of ``pack``'s topic anchors are counted; other matches are ignored.
    """
    if pack.topic is None:
        return TopicDecision(pack.name, True, "no_topic_gate", 0, 0)
    anchors = Counter(m.term.term for m in matches if m.term.role == "anchor" and m.term.pack == pack.name)
    mentions = sum(anchors.values())
    applied = mentions >= pack.topic.min_mentions
    return TopicDecision(pack.name, applied, APPLIED_REASONS[1] if applied else "too_few_mentions",
                         mentions, pack.topic.min_mentions, dict(sorted(anchors.items())))

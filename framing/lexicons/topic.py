"""The topic gate: whether a pack applies to an article, and why.

A pack with a ``[pack.topic]`` table applies to an article only when its
topic anchors (names and words of the topic: "Crimea", "Kremlin", "NATO")
are mentioned at least ``min_mentions`` times in the title and body, one of
them in the title or the lead (the first ``lead_words`` words), and at least
``min_per_1k`` times per 1,000 words: an article that mentions the topic in
passing, deep in a story about something else, is not about it.  When a
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

from framing.document.parse import Document
from framing.lexicons.matcher import TermMatch
from framing.lexicons.pack_types import Pack

APPLIED_REASONS = ("no_topic_gate", "enough_mentions")
NOT_APPLIED_REASONS = ("too_few_mentions", "not_in_title_or_lead", "too_sparse")


@dataclass(frozen=True)
class TopicDecision:
    """Whether ``pack`` applies to one article, with the anchor counts behind the decision.

    ``reason`` is ``"no_topic_gate"`` (the pack has no topic table),
    ``"enough_mentions"``, or one of :data:`NOT_APPLIED_REASONS`: too few
    mentions, none in the title or lead, or too few per 1,000 words.
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


def topic_decision(pack: Pack, matches: Iterable[TermMatch], title_matches: Iterable[TermMatch] = (),
                   document: Document | None = None) -> TopicDecision:
    """Decide whether ``pack`` applies, from the matches found in an article's body and title.

    Only the matches of ``pack``'s topic anchors are counted; other matches
    are ignored.  ``document`` (the body) places the lead and gives the length
    for the lead and density rules; without it they are not applied.
    """
    topic = pack.topic
    if topic is None:
        return TopicDecision(pack.name, True, "no_topic_gate", 0, 0)
    body = [m for m in matches if m.term.role == "anchor" and m.term.pack == pack.name]
    title = [m for m in title_matches if m.term.role == "anchor" and m.term.pack == pack.name]
    anchors = Counter(m.term.term for m in body + title)
    mentions = sum(anchors.values())
    reason = APPLIED_REASONS[1]
    if mentions < topic.min_mentions:
        reason = NOT_APPLIED_REASONS[0]
    elif document is not None and topic.lead_words and not title and not _in_lead(body, document, topic.lead_words):
        reason = NOT_APPLIED_REASONS[1]
    elif document is not None and 1000 * mentions / max(document.n_words, 1) < topic.min_per_1k:
        reason = NOT_APPLIED_REASONS[2]
    return TopicDecision(pack.name, reason == APPLIED_REASONS[1], reason, mentions, topic.min_mentions,
                         dict(sorted(anchors.items())))


def _in_lead(anchors: list[TermMatch], document: Document, lead_words: int) -> bool:
    """Whether an anchor starts within the first ``lead_words`` words of the body."""
    if not document.token_spans:
        return False
    lead_end = document.token_spans[min(lead_words, len(document.token_spans)) - 1][1]
    return any(m.start < lead_end for m in anchors)

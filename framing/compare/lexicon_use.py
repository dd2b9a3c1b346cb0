"""Which lexicon packs applied to how many articles, and which dated terms were read without a date.

The report states both, so a reader knows why a pack found nothing (the set
is not about its topic) and which convention an undated article was read by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from framing.compare.aggregate import as_float
from framing.features.base import feature_column
from framing.features.lexicon import FAMILY


@dataclass(frozen=True)
class PackUse:
    """One pack: how many of the counted articles were about its topic, and the gate's rule."""

    pack: str
    applied: int
    articles: int
    min_mentions: int
    anchors: tuple[str, ...]  # the first few topic anchors, to say what the topic is
    lead_words: int = 0  # one mention must be in the title or these first words (0: anywhere)
    min_per_1k: float = 0.0  # mentions per 1,000 words needed (0: any)


def packs_applied(rows: Sequence[Mapping[str, Any]], packs: Iterable[Any], n_anchors: int = 5) -> list[PackUse]:
    """Per pack (in load order): the counted articles it applied to, from the ``<pack>.applied`` feature.

    >>> from framing.lexicons.packs import load_pack
    >>> rows = [{"lexicon__russia_ukraine_nato.applied": "1.0"}, {"lexicon__russia_ukraine_nato.applied": "0.0"}]
    >>> use = packs_applied(rows, [load_pack("russia_ukraine_nato")])[0]
    >>> use.applied, use.articles, use.min_mentions, use.anchors[:2]
    (1, 2, 3, ('Russia', 'Russian'))
    """
    uses = []
    for pack in packs:
        column = feature_column(FAMILY, f"{pack.name}.applied")
        flags = [as_float(row.get(column)) for row in rows]
        topic = pack.topic
        uses.append(PackUse(pack.name, sum(1 for f in flags if f == 1.0), len(rows),
                            topic.min_mentions if topic else 0,
                            tuple(a.term for a in topic.anchors[:n_anchors]) if topic else (),
                            topic.lead_words if topic else 0, topic.min_per_1k if topic else 0.0))
    return uses


def undated_readings(evidence: Mapping[str, Any]) -> list[tuple[str, int]]:
    """Dated terms found in undated articles (so counted as descriptive), with their article counts.

    ``evidence`` maps groups to :class:`~framing.compare.summaries.GroupEvidence`.
    """
    articles: dict[str, set[str]] = {}
    for group in evidence.values():
        for term, ids in group.undated_readings.items():
            articles.setdefault(term, set()).update(ids)
    return sorted(((term, len(ids)) for term, ids in articles.items()), key=lambda kv: (-kv[1], kv[0]))

"""What every feature family shares: findings with evidence, results, the transformer.

A family is a *scorer* (built once, holding analyzers and compiled lexicons)
whose ``score(document)`` returns a :class:`FamilyResult`: a flat dict of
numeric features and the :class:`Finding` behind them.  The scikit-learn
transformer (:mod:`framing.features.transformers`) is a thin shell over the
scorer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from framing.document.parse import Document


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: what was found, where, and the details behind it.

    ``start``/``end`` are character offsets into the document body (or the
    title when ``detail["in_title"]`` is true); ``sentence_index`` is -1 when
    the finding is not tied to a body sentence.
    """

    family: str
    kind: str
    text: str
    sentence_index: int
    start: int
    end: int
    detail: Mapping[str, Any] = field(default_factory=dict)

    def to_record(self, document: Document, outlet: str) -> dict[str, Any]:
        """The JSON-ready evidence record written to ``evidence.jsonl``."""
        if 0 <= self.sentence_index < len(document.sentences):
            sentence = document.sentences[self.sentence_index].text
        else:
            sentence = ""
        return {
            "id": document.article_id,
            "outlet": outlet,
            "family": self.family,
            "kind": self.kind,
            "text": self.text,
            "sentence": sentence,
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "detail": dict(self.detail),
        }


@dataclass
class FamilyResult:
    """A family's output for one document: numeric features and their evidence.

    ``samples`` holds per-unit values behind a feature (e.g. every sentence's
    tone) for distribution charts; they are not written to ``features.csv``.
    """

    features: dict[str, float]
    findings: list[Finding] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)


class Scorer(Protocol):
    """The interface of a family scorer."""

    family: str

    @property
    def feature_names(self) -> Sequence[str]: ...

    def score(self, document: Document) -> FamilyResult: ...
def per_thousand_words(count: float, n_words: int) -> float:
    """``count`` per 1,000 words; NaN when there are no words.

    >>> per_thousand_words(3, 600)
    5.0
    """
    return count * 1000.0 / n_words if n_words else float("nan")


# Separates the family from the feature in a column name: ``sentiment__sentence_mean``.
COLUMN_SEPARATOR = "__"


def feature_column(family: str, feature: str) -> str:
    """The ``features.csv`` column of ``feature`` in ``family``; the one place names are made.

    >>> feature_column("readability", "n_words")
    'readability__n_words'
    """
    return f"{family}{COLUMN_SEPARATOR}{feature}"


def split_feature_column(column: str) -> tuple[str, str]:
    """``(family, feature)`` of a column made by :func:`feature_column`.

    >>> split_feature_column("lexicon__russia_ukraine_nato.crimea_2014.russia_per_1k")
    ('lexicon', 'russia_ukraine_nato.crimea_2014.russia_per_1k')
    """
    family, _, feature = column.partition(COLUMN_SEPARATOR)
    return family, feature

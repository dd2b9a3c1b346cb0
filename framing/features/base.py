"""What every feature family shares: findings with evidence, results, the transformer.

A family is a *scorer* (built once, holding analyzers and compiled lexicons)
whose ``score(document)`` returns a :class:`FamilyResult`: a flat dict of
numeric features and the :class:`Finding` behind them.  The scikit-learn
transformer is a thin shell over the scorer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.document import Document


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


class FamilyTransformer(TransformerMixin, BaseEstimator):
    """Base of the per-family transformers: documents in, one row per document out.

    Subclasses implement ``_make_scorer()``.  ``fit`` builds the scorer
    (loading lexicons and analyzers once); ``transform`` is pure.  Output
    column names are ``<family>__<feature>``, so a
    ``FeatureUnion(..., verbose_feature_names_out=False)`` with
    ``set_output(transform="pandas")`` gives a named DataFrame.
    """

    def _make_scorer(self) -> Scorer:  # pragma: no cover - abstract
        raise NotImplementedError

    def fit(self, X: Sequence[Document], y: Any = None) -> FamilyTransformer:
        self.scorer_ = self._make_scorer()
        self.feature_names_ = [f"{self.scorer_.family}__{n}" for n in self.scorer_.feature_names]
        return self

    def transform(self, X: Sequence[Document]) -> np.ndarray:
        names = list(self.scorer_.feature_names)
        rows = []
        for document in X:
            features = self.scorer_.score(document).features
            rows.append([features[n] for n in names])
        return np.asarray(rows, dtype=float).reshape(len(rows), len(names))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray(self.feature_names_, dtype=object)

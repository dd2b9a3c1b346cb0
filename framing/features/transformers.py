"""scikit-learn transformers over the feature families: documents in, one row per document out.

Kept apart from the scorers so that scoring (the CLI, worker processes) never
imports scikit-learn, which costs about a second of start-up.  Each class is
also reachable from its family's module (``framing.features.sentiment.scorer.SentimentFeatures``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.document.parse import Document
from framing.features.attribution.scorer import AttributionScorer
from framing.features.base import Scorer, feature_column
from framing.features.lexicon import LexiconScorer
from framing.features.loaded import LoadedLanguageScorer
from framing.features.readability.scorer import ReadabilityScorer
from framing.features.sentiment.scorer import SentimentScorer


class FamilyTransformer(TransformerMixin, BaseEstimator, ABC):
    """Base of the per-family transformers: documents in, one row per document out.

    Subclasses implement ``_make_scorer()``.  ``fit`` builds the scorer
    (loading lexicons and analyzers once); ``transform`` is pure.  Output
    column names are ``<family>__<feature>``, so a
    ``FeatureUnion(..., verbose_feature_names_out=False)`` with
    ``set_output(transform="pandas")`` gives a named DataFrame.
    """

    @abstractmethod
    def _make_scorer(self) -> Scorer:
        """The family's scorer, built with this transformer's parameters."""

    def fit(self, X: Sequence[Document], y: Any = None) -> FamilyTransformer:
        self.scorer_ = self._make_scorer()
        self.feature_names_ = [feature_column(self.scorer_.family, n) for n in self.scorer_.feature_names]
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


class SentimentFeatures(FamilyTransformer):
    """scikit-learn transformer over :class:`SentimentScorer` (columns ``sentiment__<feature>``)."""

    def __init__(self, targets: Sequence[str] = ()) -> None:
        self.targets = targets

    def _make_scorer(self) -> SentimentScorer:
        return SentimentScorer(targets=tuple(self.targets))


class LexiconFeatures(FamilyTransformer):
    """scikit-learn transformer for the contested-term family.

    >>> from framing.document.parse import build_document
    >>> t = LexiconFeatures(packs=["climate"]).fit([])
    >>> about = "The climate crisis is real: global warming comes from greenhouse gases."
    >>> round(float(t.transform([build_document("a", about)])[0][0]), 1)  # 1 use in 11 words
    90.9
    >>> float(t.transform([build_document("b", "The climate crisis is real.")])[0][0])  # not about climate
    0.0
    """

    def __init__(self, lexicon_files: Sequence[str | Path] = (), packs: list[str] | None = None):
        self.lexicon_files = lexicon_files
        self.packs = packs

    def _make_scorer(self) -> LexiconScorer:
        return LexiconScorer(lexicon_files=self.lexicon_files, packs=self.packs)


class LoadedLanguageFeatures(FamilyTransformer):
    """scikit-learn transformer for the loaded-language family."""

    def _make_scorer(self) -> LoadedLanguageScorer:
        return LoadedLanguageScorer()


class AttributionFeatures(FamilyTransformer):
    """scikit-learn transformer: documents in, one row of attribution features out.

    Parameters
    ----------
    actor_files : sequence of paths
        Extra actor registries, passed to :class:`AttributionScorer`.
    """

    def __init__(self, actor_files: Sequence[str | Path] = ()):
        self.actor_files = actor_files

    def _make_scorer(self) -> AttributionScorer:
        return AttributionScorer(actor_files=tuple(self.actor_files))


class ReadabilityFeatures(FamilyTransformer):
    """scikit-learn transformer over :class:`ReadabilityScorer` (columns ``readability__<feature>``)."""

    def _make_scorer(self) -> ReadabilityScorer:
        return ReadabilityScorer()

"""The feature families: sentiment, contested terms, loaded language, attribution and readability.

Each family is a scorer (``features/<family>``) whose ``score(document)``
returns features and the findings behind them.  Their scikit-learn
transformers are exported here and imported only when asked for, so that
scoring never loads scikit-learn:

>>> from framing.features import ReadabilityFeatures
>>> ReadabilityFeatures().fit([]).get_feature_names_out()[0]
'readability__flesch_reading_ease'
"""

from __future__ import annotations

from typing import Any

TRANSFORMERS = ("FamilyTransformer", "SentimentFeatures", "LexiconFeatures", "LoadedLanguageFeatures",
                "AttributionFeatures", "ReadabilityFeatures")
__all__ = list(TRANSFORMERS)


def __getattr__(name: str) -> Any:
    if name in TRANSFORMERS:
        from framing.features import transformers

        return getattr(transformers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

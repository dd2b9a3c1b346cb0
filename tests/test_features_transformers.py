"""The scikit-learn face of the families: a FeatureUnion gives the pipeline's own features."""

import math

from sklearn.pipeline import FeatureUnion

from framing.corpus.reader import CorpusReader
from framing.features import (
    AttributionFeatures,
    LexiconFeatures,
    LoadedLanguageFeatures,
    ReadabilityFeatures,
    SentimentFeatures,
)
from framing.run.scorer import ArticleScorer


def test_feature_union_matches_the_pipeline_on_the_seeds(seeds_dir):
    scorer = ArticleScorer()
    articles = list(CorpusReader(seeds_dir))
    documents = [scorer.parse(article)[0] for article in articles]
    union = FeatureUnion(
        [("sentiment", SentimentFeatures()), ("lexicon", LexiconFeatures()), ("loaded", LoadedLanguageFeatures()),
         ("attribution", AttributionFeatures()), ("readability", ReadabilityFeatures())],
        verbose_feature_names_out=False,
    ).set_output(transform="pandas")
    table = union.fit_transform(documents)
    assert list(table.columns) == scorer.feature_names and len(table) == 5
    for row, article in zip(table.to_dict("records"), articles):
        expected = scorer.score(article).features
        for name, value in row.items():
            assert (math.isnan(value) and math.isnan(expected[name])) or value == expected[name], name

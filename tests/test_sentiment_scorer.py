"""Sentiment family: article tone aggregates, quotes vs own voice, extremes, seeds."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.document.parse import build_document
from framing.features import SentimentFeatures
from framing.features.sentiment.scorer import (
    ARTICLE_FEATURES,
    SentimentScorer,
    article_tone,
    speech_sentences,
)


@pytest.fixture(scope="module")
def scorer():
    return SentimentScorer()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_whole_text_compound_is_plain_vader(scorer, seed_document, prefix):
    document = seed_document(prefix)
    expected = SentimentIntensityAnalyzer().polarity_scores(document.body)["compound"]
    assert scorer.score(document).features["compound_whole"] == expected


def test_whole_text_saturates_where_sentence_mean_does_not(scorer, seed_document):
    # RT's piece: VADER on the whole text says -0.889, its sentences average near zero.
    features = scorer.score(seed_document("000")).features
    assert features["compound_whole"] < -0.8
    assert -0.2 < features["sentence_mean"] < 0.0


def test_article_tone_table():
    # Compounds checked by hand: mean 0.0, median of (-0.6, -0.1, 0.1, 0.6) = 0.0;
    # -0.6 and 0.6 are clear (|c| >= 0.25), -0.1 and 0.1 are not.
    tone = article_tone([0.6, -0.1, 0.1, -0.6], [False, False, True, True])
    assert tone["sentence_mean"] == 0.0
    assert tone["sentence_median"] == 0.0
    assert tone["share_negative"] == 0.25
    assert tone["share_positive"] == 0.25
    assert tone["lead"] == pytest.approx(0.25)
    assert tone["body_after_lead"] == pytest.approx(-0.25)
    assert tone["quoted_mean"] == pytest.approx(-0.25)
    assert tone["own_voice_mean"] == pytest.approx(0.25)


def test_no_sentences_gives_nan_not_zero():
    tone = article_tone([], [])
    assert all(math.isnan(v) for v in tone.values())


def test_speech_not_scare_quotes():
    doc = build_document("a", 'The so-called "Russian threat" grew. "We will answer every provocation," he said.')
    assert speech_sentences(doc) == [False, True]


def test_quoted_anger_is_not_own_voice(scorer):
    text = ('"This is a disgusting, shameful and dangerous provocation," the minister said. '
            "The meeting lasted two hours. Delegates met in Brussels.")
    features = scorer.score(build_document("a", text)).features
    assert features["quoted_mean"] < -0.8
    assert features["own_voice_mean"] == 0.0


def test_headline_scored_separately(scorer):
    doc = build_document("a", "The talks took place on Monday.", title="Great success for peace")
    features = scorer.score(doc).features
    assert features["headline"] > 0.5 and features["sentence_mean"] == 0.0
    assert math.isnan(scorer.score(build_document("b", "Talks.")).features["headline"])


def test_extreme_sentences_of_rt(scorer, seed_document):
    findings = {f.kind: f for f in scorer.score(seed_document("000")).findings if f.kind.startswith("most_")}
    negative = findings["most_negative"]
    assert negative.text.startswith("While cooperation between Russia and NATO has been put on hold before")
    assert negative.detail["compound"] == -0.8555
    assert findings["most_positive"].detail["compound"] > 0
    assert negative.sentence_index >= 0 and negative.end > negative.start


def test_every_feature_is_a_float_and_named(scorer, seed_document):
    features = scorer.score(seed_document("004")).features
    assert list(features) == scorer.feature_names
    assert scorer.feature_names[:len(ARTICLE_FEATURES)] == list(ARTICLE_FEATURES)
    assert all(isinstance(v, float) for v in features.values())


def test_transformer_names_and_user_target(seed_document):
    documents = [seed_document("000"), seed_document("002")]
    transformer = SentimentFeatures(targets=("Grushko",)).fit(documents)
    table = transformer.transform(documents)
    names = list(transformer.get_feature_names_out())
    assert table.shape == (2, len(names))
    assert "sentiment__tone_toward_grushko" in names
    assert table[0, names.index("sentiment__mentions_grushko")] > 0

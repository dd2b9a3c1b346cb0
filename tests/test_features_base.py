"""What every family shares: evidence records, column names, rates per thousand words."""

import math
from types import MappingProxyType

import pytest

from framing.document.parse import build_document
from framing.features.base import (
    COLUMN_SEPARATOR,
    Finding,
    feature_column,
    per_thousand_words,
    split_feature_column,
)
from framing.run.scorer import ArticleScorer

BODY = ("Russia has stopped all cooperation with NATO, Deputy Foreign Minister Alexander Grushko said on Monday.\n\n"
        "The alliance reportedly plans new exercises near the border.")


@pytest.fixture(scope="module")
def document():
    return build_document("mt-1", BODY, "Russia Has Ceased 'All' Cooperation With NATO")


def test_to_record_fields_and_the_sentence_of_the_finding(document):
    start = BODY.index("reportedly")
    finding = Finding("loaded", "hedge", "reportedly", 1, start, start + len("reportedly"),
                      MappingProxyType({"category": "hedges"}))
    record = finding.to_record(document, "The Moscow Times")
    assert record == {
        "id": "mt-1", "outlet": "The Moscow Times", "family": "loaded", "kind": "hedge", "text": "reportedly",
        "sentence": "The alliance reportedly plans new exercises near the border.", "sentence_index": 1,
        "start": 118, "end": 128,  # a 103-character first sentence, a blank line, "The alliance "
        "detail": {"category": "hedges"},
    }
    assert BODY[record["start"]:record["end"]] == record["text"]  # offsets point into the body
    assert type(record["detail"]) is dict  # JSON-ready, and a copy: the finding is not changed through it
    record["detail"]["category"] = "changed"
    assert finding.detail["category"] == "hedges"


@pytest.mark.parametrize("index", [-1, 2, 99])
def test_a_finding_outside_the_body_sentences_has_no_sentence(document, index):
    finding = Finding("readability", "too_short", "24 words, 2 sentences", index, 0, len(BODY))
    record = finding.to_record(document, "TASS")
    assert record["sentence"] == "" and record["sentence_index"] == index
    assert record["detail"] == {}


@pytest.mark.parametrize(("family", "feature", "column"), [
    ("readability", "n_words", "readability__n_words"),
    ("sentiment", "tone_toward_nato", "sentiment__tone_toward_nato"),
    ("lexicon", "russia_ukraine_nato.crimea_2014.russia_per_1k",
     "lexicon__russia_ukraine_nato.crimea_2014.russia_per_1k"),
    ("lexicon", "pack__with__separators", "lexicon__pack__with__separators"),  # split at the first only
])
def test_feature_column_and_split_feature_column(family, feature, column):
    assert feature_column(family, feature) == column
    assert split_feature_column(column) == (family, feature)


def test_every_column_of_a_run_splits_back_into_its_family():
    scorers = ArticleScorer().scorers
    for scorer in scorers:
        assert COLUMN_SEPARATOR not in scorer.family
        for name in scorer.feature_names:
            assert split_feature_column(feature_column(scorer.family, name)) == (scorer.family, name)


@pytest.mark.parametrize(("count", "n_words", "rate"), [
    (3, 600, 5.0),
    (0, 250, 0.0),
    (2, 47, 2000 / 47),  # 42.55…: two attributions in a 47-word paragraph
    (1, 1000, 1.0),
    (0.5, 100, 5.0),
])
def test_per_thousand_words(count, n_words, rate):
    assert per_thousand_words(count, n_words) == pytest.approx(rate)


def test_per_thousand_words_of_no_words_is_nan():
    assert math.isnan(per_thousand_words(0, 0)) and math.isnan(per_thousand_words(4, 0))

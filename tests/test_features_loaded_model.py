"""The sentence loaded-language model: packaged weights, scores, reasons and findings on real text.

Sentences and the words expected among the reasons were checked by hand.
"""

from __future__ import annotations

import math

import pytest

from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.loaded import FLAGGED, LoadedLanguageScorer
from framing.features.loaded_model import (
    LoadedModel,
    char_ngrams,
    load_model,
    score_sentences,
    top_words,
    word_ngrams,
)


@pytest.fixture(scope="module")
def scorer():
    return LoadedLanguageScorer()


def flagged(scorer, text):
    """(probability, reason words) of each flagged sentence of ``text``."""
    findings = scorer.score(build_document("t", text)).findings
    return [(f.detail["probability"], f.detail["words"]) for f in findings if f.kind == FLAGGED]


@pytest.mark.parametrize("text", [
    "The council approved the budget on Tuesday by a vote of seven to two.",
    "Unemployment fell to 3.5 percent in September, the Labor Department said.",
    "Scientists said the vaccine was 95 percent effective in the trial.",
])
def test_plain_reports_are_not_flagged(scorer, text):
    assert flagged(scorer, text) == []


@pytest.mark.parametrize("text, words", [
    ("The radical left mob is waging a shameful war on common sense.", {"mob", "shameful"}),
    ("The senator's outrageous and dishonest attack on voters was a disgrace.", {"outrageous", "dishonest"}),
])
def test_loaded_sentences_are_flagged_with_their_words(scorer, text, words):
    (probability, reasons), = flagged(scorer, text)
    assert probability > 0.8 and words <= set(reasons) and len(reasons) <= 3


def test_reasons_are_content_words_with_offsets_in_the_sentence(scorer):
    doc = build_document("t", "The council met. It is a shameful and outrageous stunt by a radical mob.")
    finding, = [f for f in scorer.score(doc).findings if f.kind == FLAGGED]
    sentence = doc.sentences[finding.sentence_index].text
    assert finding.sentence_index == 1 and (finding.start, finding.end) == (17, len(doc.body))
    assert [sentence[a:b] for a, b in finding.detail["spans"]] == finding.detail["words"]
    assert not {"it", "is", "a", "by"} & {w.lower() for w in finding.detail["words"]}


def test_share_and_mean_probability(scorer):
    doc = build_document("t", "The council met on Tuesday. The radical left mob is waging a shameful war on sense.")
    features = scorer.score(doc).features
    assert features["flagged_sentence_share"] == 0.5
    verdicts = score_sentences(load_model(), doc, scorer.hits(doc))
    assert features["mean_sentence_probability"] == pytest.approx(sum(v.probability for v in verdicts) / 2)
    assert math.isnan(scorer.score(build_document("e", "")).features["flagged_sentence_share"])


def test_shares_add_up_to_the_score():
    model = load_model()
    tokens = ("the", "radical", "mob", "staged", "a", "bizarre", "stunt")
    score, shares = model.contributions(tokens, "The radical mob staged a bizarre stunt!", [("emotive", 5, 6)])
    # The rest (intercept, length, the "!") plus the words' shares is the score, and scoring is repeatable.
    assert model.contributions(tokens, "The radical mob staged a bizarre stunt!", [("emotive", 5, 6)]) == (
        score, shares)
    assert len(shares) == len(tokens) and shares[2] > 0 and shares[5] > 0
    assert 0 < model.probability((score, shares)) < 1


def test_seeds_fort_russ_so_called_sentence(seed_document, scorer):
    doc = seed_document("003")
    findings = {f.sentence_index: f for f in scorer.score(doc).findings if f.kind == FLAGGED}
    index = next(i for i, s in enumerate(doc.sentences) if "so-called defense" in s.text)
    assert {"dangerous", "so-called"} <= set(findings[index].detail["words"])


def test_ngrams():
    assert word_ngrams(["cold", "war"]) == [("cold", 0, 1), ("war", 1, 2), ("cold war", 0, 2)]
    assert char_ngrams("war") == [" wa", "war", "ar ", " war", "war ", " war "]
    assert top_words(["a", "mob"], [0.3, -0.1]) == []


def test_malformed_model_names_the_file_and_key():
    with pytest.raises(DataFileError, match="loaded_model.json: missing key.*threshold"):
        LoadedModel.from_dict({"intercept": 0, "words": {}, "chars": {}, "dense": {}, "marked_rates": {},
                               "calibration": [1, 0], "emotive_words": []})
    with pytest.raises(DataFileError, match="malformed value"):
        LoadedModel.from_dict({"intercept": "x", "words": {}, "chars": {}, "dense": {}, "marked_rates": {},
                               "calibration": [1, 0], "threshold": 0.5, "emotive_words": []})


def reference_score(model, tokens, text, list_hits):
    """The linear score from model_dense_values (as training computes the counts), term by term."""
    from framing.features.loaded_model import MIN_LENGTH, model_dense_values

    scale = 1 / math.sqrt(max(len(tokens), MIN_LENGTH))
    score = model.intercept
    for gram, _, _ in word_ngrams(tokens):
        score += model.words.get(gram, 0.0) * scale
    for token in tokens:
        score += sum(model.chars.get(g, 0.0) for g in char_ngrams(token)) * scale
    parts = model_dense_values(tokens, text, list_hits, model.marked_rates, model.emotive_words)
    for name, values in parts.items():
        score += model.dense.get(name, 0.0) * sum(v for v, _ in values)
    return score


def test_scoring_computes_the_counts_as_training_does(seed_document, scorer):
    model = load_model()
    for prefix in ("000", "001", "002", "003"):
        doc = seed_document(prefix)
        hits = scorer.hits(doc)
        for index, sentence in enumerate(doc.sentences):
            span = doc.tokens_between(sentence.start, sentence.end)
            tokens = doc.tokens[span.start:span.stop]
            local = [(k, a - span.start, b - span.start) for k, s, a, b in hits
                     if s == index and span.start <= a and b <= span.stop]
            score, shares = model.contributions(tokens, sentence.text, local)
            assert score == pytest.approx(reference_score(model, tokens, sentence.text, local), abs=1e-9)

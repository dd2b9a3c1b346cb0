"""Tone toward a target (framing.features.sentiment.target_tone): the packaged model and its errors."""

from __future__ import annotations

import json
import math

import pytest

from framing.datafiles import packaged_text
from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.sentiment import target_tone
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_context import WINDOW, mention_features, mention_ngrams
from framing.features.sentiment.target_tone import MODEL_FILE, TargetTone, TargetToneModel, TargetToneScorer


@pytest.fixture(scope="module")
def analyzer():
    return make_analyzer()


@pytest.fixture(scope="module")
def scorer(analyzer):
    return TargetToneScorer(analyzer.lexicon)


def nato_findings(scorer, analyzer, text):
    document = build_document("a", text)
    vader = [analyzer.polarity_scores(s.text) for s in document.sentences]
    result = scorer.score(document, vader)
    return result, [f for f in result.findings if f.detail["target"] == "nato"]


def test_packaged_model_loads():
    model = TargetToneModel.load()
    assert model.classes == (-1, 0, 1)
    assert model.window == WINDOW
    assert len(model.intercept) == 3
    assert {"compound", "agent_neg", "patient_neg", "speaker", "quote_pos"} <= set(model.feature_weights)
    assert all(len(w) == 3 for w in (*model.feature_weights.values(), *model.ngram_weights.values()))


@pytest.mark.parametrize("text, polarity", [
    ("Protesters accused NATO of killing civilians in a brutal bombing campaign.", -1),
    ("NATO's reckless expansion provoked a deadly war.", -1),
    ("Ukrainians welcomed NATO's strong support.", 1),
    ("NATO helped save thousands of lives.", 1),
])
def test_clear_tone_toward_nato(scorer, analyzer, text, polarity):
    result, (finding,) = nato_findings(scorer, analyzer, text)
    assert finding.text == "NATO" and finding.detail["polarity"] == polarity
    assert math.copysign(1, result.features["tone_toward_nato"]) == polarity
    assert result.features["mentions_nato"] == 1.0


def test_article_tone_is_the_mean_over_mentions_pronouns_included(scorer, analyzer):
    result, found = nato_findings(
        scorer, analyzer, "Kyiv thanked NATO for its generous support and praised the alliance's courage.")
    assert [(f.text, f.detail["pronoun"]) for f in found] == [("NATO", False), ("its", True), ("the alliance", False)]
    assert result.features["mentions_nato"] == 2.0  # named mentions only
    mean = sum(f.detail["score"] for f in found) / 3
    assert result.features["tone_toward_nato"] == pytest.approx(mean, abs=1e-4)
    assert math.isnan(result.features["tone_toward_china"]) and result.features["mentions_china"] == 0.0


def tiny_model(intercept, features=None, ngrams=None):
    return TargetToneModel({"classes": [-1, 0, 1], "intercept": intercept, "features": features or {},
                            "ngrams": ngrams or {}, "window": 4})


def test_probabilities_sum_to_one_by_hand():
    # Logits ln 1, ln 2, ln 3: P = 1/6, 2/6, 3/6, which sum to 1; score 3/6 - 1/6.
    model = tiny_model([0.0, math.log(2), math.log(3)])
    assert model.predict({}, set()) == TargetTone(1, pytest.approx(1 / 3))
    # A feature's weight times its value, and a window word's weight, add to the logits:
    # ln 3 + 2 * ln 2 - ln 2 = ln 6 for class -1, so P = 6/11, 2/11, 3/11.
    model = tiny_model([0.0, math.log(2), math.log(3)],
                       features={"compound": [math.log(2), 0.0, 0.0]}, ngrams={"slammed": [math.log(3) - math.log(2),
                                                                                           0.0, 0.0]})
    tone = model.predict({"compound": 2.0, "unknown": 5.0}, {"slammed", "never-seen"})
    assert tone.polarity == -1 and tone.score == pytest.approx(3 / 11 - 6 / 11)


def test_packaged_model_probabilities_sum_to_one(scorer, analyzer):
    # Rebuild P from the model's own coefficients: P(pos) - P(neg) is the score,
    # and P(neutral) = 1 - the other two lies in [0, 1].
    model = scorer.model
    document = build_document("a", "Critics slammed NATO over the failed mission.")
    ctx, m0, m1, quote = target_tone.mention_context(document, 16, 20, analyzer.lexicon, {})
    tone = model.tone(ctx, m0, m1, analyzer.polarity_scores(document.body), quote)
    features = mention_features(ctx, m0, m1, analyzer.polarity_scores(document.body), False)
    logits = list(model.intercept)
    for name, value in features.items():
        for k, w in enumerate(model.feature_weights.get(name, (0.0, 0.0, 0.0))):
            logits[k] += w * value
    for gram in mention_ngrams(ctx, m0, m1):
        for k, w in enumerate(model.ngram_weights.get(gram, (0.0, 0.0, 0.0))):
            logits[k] += w
    exp = [math.exp(v) for v in logits]
    probs = [e / sum(exp) for e in exp]
    assert math.fsum(probs) == pytest.approx(1.0)
    assert tone.score == pytest.approx(probs[2] - probs[0])
    assert tone.polarity == -1 and probs[0] == max(probs)


def doubled_comma_on_line_4(text):
    # The file is written with sort_keys and indent=0: "classes" first, one value a line.
    lines = text.splitlines()
    assert lines[:6] == ["{", '"classes": [', "-1,", "0,", "1", "],"]
    lines[3] = "0,,"
    return "\n".join(lines)


@pytest.mark.parametrize("damage, line", [
    (doubled_comma_on_line_4, 4),
    (lambda text: '{\n"classes": [-1, 0, 1],\n"intercept": [0.1, 0.2 0.3],\n"window": 4\n}\n', 3),
    (lambda text: "", 1),
])
def test_damaged_model_file_names_the_line(monkeypatch, damage, line):
    text = packaged_text(MODEL_FILE)
    monkeypatch.setattr(target_tone, "packaged_text", lambda name: damage(text))
    with pytest.raises(DataFileError, match=rf"^framing/data/target_model\.json, line {line}: not valid JSON .* — "
                                            r"rebuild it with python -m framing\.evaluate\.train_targets$"):
        TargetToneModel.load()


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("window"), r"malformed model \(KeyError\('window'\)\) — retrain it"),
    (lambda d: d.update(window="four"), r"malformed model \(ValueError"),
    (lambda d: d["features"].update(compound=[1.0, 2.0]), r"expected 3 weights .* \(bad: \['compound'\]\)"),
    (lambda d: d.update(classes=[0, 1, 2]), r"expected 3 weights per entry for classes -1, 0, 1"),
])
def test_malformed_model_is_a_data_file_error(change, message):
    data = json.loads(packaged_text(MODEL_FILE))
    change(data)
    with pytest.raises(DataFileError, match=message):
        TargetToneModel(data)


def test_features_as_a_list_is_a_data_file_error():
    data = json.loads(packaged_text(MODEL_FILE))
    data["features"] = []
    with pytest.raises(DataFileError, match="malformed model"):
        TargetToneModel(data)


def test_score_does_not_depend_on_the_order_of_the_ngrams(scorer):
    # N-grams come as a set, whose order follows the hash seed; the score must not.
    grams = sorted(scorer.model.ngram_weights)[:400]
    forward = scorer.model.predict({"compound": 0.3}, grams)
    backward = scorer.model.predict({"compound": 0.3}, grams[::-1])
    assert forward == backward

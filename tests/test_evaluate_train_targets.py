"""Training the target-tone model (framing.evaluate.train_targets) on a tiny NewsMTSC-format file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framing.datafiles import packaged_text
from framing.document.parse import build_document
from framing.errors import EvaluationError
from framing.evaluate.train_targets import fit, main, model_json, newsmtsc_inputs, train
from framing.features.sentiment import target_tone
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_tone import MODEL_FILE, TargetToneModel, TargetToneScorer

ROOT = Path(__file__).resolve().parent.parent

# (sentence, the target's words in it, polarity toward the target), labelled by hand.
SENTENCES = [
    ("Critics accused NATO of provoking a needless war.", "NATO", -1),
    ("Protesters blamed NATO for the deadly strikes.", "NATO", -1),
    ("Moscow said NATO had betrayed its promises.", "NATO", -1),
    ("The senator attacked Biden over the failed withdrawal.", "Biden", -1),
    ("Voters punished Biden for the painful price rises.", "Biden", -1),
    ("Analysts condemned Russia for the brutal invasion.", "Russia", -1),
    ("Kyiv accused Russia of shelling a crowded market.", "Russia", -1),
    ("Farmers blamed the EU for the chaotic new rules.", "EU", -1),
    ("Critics slammed the EU over its weak response.", "EU", -1),
    ("Officials accused Trump of spreading dangerous lies.", "Trump", -1),
    ("Ministers praised NATO for its swift support.", "NATO", 1),
    ("Kyiv thanked NATO for the generous help.", "NATO", 1),
    ("Allies welcomed NATO as a strong partner.", "NATO", 1),
    ("Supporters praised Biden for the successful deal.", "Biden", 1),
    ("Workers thanked Biden for protecting their jobs.", "Biden", 1),
    ("Exporters welcomed the EU trade agreement as a great success.", "EU", 1),
    ("Economists praised the EU for its bold recovery plan.", "EU", 1),
    ("Fans cheered Trump as a brave and honest leader.", "Trump", 1),
    ("Beijing praised Russia as a loyal friend.", "Russia", 1),
    ("Refugees thanked Poland for its kind welcome.", "Poland", 1),
    ("NATO ministers will meet in Brussels on Thursday.", "NATO", 0),
    ("The summit of NATO leaders begins next week.", "NATO", 0),
    ("Biden flew to Ohio on Monday afternoon.", "Biden", 0),
    ("Biden is expected to speak at noon.", "Biden", 0),
    ("Russia held elections in March.", "Russia", 0),
    ("Russia and Ukraine share a long border.", "Russia", 0),
    ("The EU has 27 member states.", "EU", 0),
    ("Talks between the EU and Britain resume in June.", "EU", 0),
    ("Trump spoke to reporters in Florida.", "Trump", 0),
    ("Poland borders Germany to the west.", "Poland", 0),
]


def newsmtsc_rows(sentences=SENTENCES):
    return [{"sentence": s, "from": s.index(t), "to": s.index(t) + len(t), "polarity": p} for s, t, p in sentences]


@pytest.fixture
def train_file(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in newsmtsc_rows()), encoding="utf-8")
    return path


@pytest.fixture
def model_file(train_file, tmp_path):
    out = tmp_path / "model.json"
    main(["--newsmtsc", str(train_file), "--out", str(out)])
    return out


def test_writes_a_sorted_json_model(capsys, model_file):
    text = model_file.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=0, sort_keys=True) + "\n"
    assert (data["classes"], data["window"], data["n_train"]) == ([-1, 0, 1], 4, 30)
    assert data["description"].startswith("Target tone: multinomial logistic regression")
    # Every context feature mention_features() returns (35), and the 36 n-grams found in three or
    # more sentences: 23 of the masked sentence (<t>, <t> as, <t> for, <t> of, a, accused, accused <t>,
    # and, as, as a, for, for its, for the, in, its, of, praised, praised <t>, thanked, thanked <t>,
    # the, the <t>, to) and 13 by their place beside the mention (L1|accused, L1|praised,
    # L1|thanked, L1|the, R1|as, R1|for, R1|of, R2|a, R2|its, R2|the, R12|as a, R12|for its, R12|for the).
    assert capsys.readouterr().out == f"wrote {model_file}: 35 context features, 36 n-grams\n"


@pytest.mark.parametrize("gram, kept", [
    # In three sentences (Critics/Kyiv/Officials accused …): kept, and so is the pair with the mask.
    ("accused", True),
    ("accused <t>", True),
    ("thanked", True),
    ("thanked <t>", True),
    # In only two sentences each: below MIN_NGRAM_COUNT.
    ("blamed", False),
    ("welcomed", False),
    ("withdrawal", False),
    # The target's own name is masked, never a feature.
    ("nato", False),
])
def test_ngrams_need_three_mentions(model_file, gram, kept):
    assert (gram in json.loads(model_file.read_text(encoding="utf-8"))["ngrams"]) is kept


def test_the_target_tone_scorer_loads_the_trained_model(model_file, monkeypatch):
    trained = model_file.read_text(encoding="utf-8")
    monkeypatch.setattr(target_tone, "packaged_text",
                        lambda name: trained if name == MODEL_FILE else packaged_text(name))
    analyzer = make_analyzer()
    scorer = TargetToneScorer(analyzer.lexicon)
    assert scorer.model.ngram_weights == TargetToneModel(json.loads(trained)).ngram_weights
    polarities = {}
    for text in ("Lawmakers accused NATO of betraying Ukraine.", "NATO ministers met in Vilnius on Friday.",
                 "Kyiv praised NATO for its support."):
        document = build_document("a", text)
        vader = [analyzer.polarity_scores(s.text) for s in document.sentences]
        polarities[text] = [f.detail["polarity"] for f in scorer.score(document, vader).findings if f.text == "NATO"]
    assert list(polarities.values()) == [[-1], [0], [1]]


def test_naive_bayes_folds_into_the_shipped_weights():
    # The shipped JSON (n-gram weights with naive Bayes folded in, features unscaled) gives the
    # probabilities scikit-learn gives on the fitted pieces.
    rows = newsmtsc_rows()
    inputs = newsmtsc_inputs(rows, make_analyzer())
    fitted = fit(inputs, [row["polarity"] for row in rows])
    model = TargetToneModel(model_json(fitted, len(rows)))
    expected = fitted.regression.predict_proba(fitted.matrix(inputs))
    for mention, probabilities in zip(inputs, expected):
        tone = model.predict(mention.features, mention.ngrams)
        assert tone.score == pytest.approx(probabilities[2] - probabilities[0], abs=1e-4)
        assert tone.polarity == (-1, 0, 1)[probabilities.argmax()]


def test_out_of_fold_groups_are_articles_or_sentences():
    rows = newsmtsc_rows()[:2]
    rows[0]["id"] = "allsides_3447_1422_11_Ted Cruz_88_92"
    assert [i.group for i in newsmtsc_inputs(rows, make_analyzer())] == ["allsides_3447_1422", rows[1]["sentence"]]


def test_training_twice_gives_byte_identical_files(train_file, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    main(["--newsmtsc", str(train_file), "--out", str(first)])
    main(["--newsmtsc", str(train_file), "--out", str(second)])
    assert first.read_bytes() == second.read_bytes()


def test_same_bytes_from_another_process_and_hash_seed(model_file, train_file, tmp_path):
    # N-grams are sets: their order must not reach the file.
    out = tmp_path / "other.json"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "framing.evaluate.train_targets", "--newsmtsc", str(train_file),
                    "--out", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)
    assert out.read_bytes() == model_file.read_bytes()


def test_labels_must_cover_all_three_classes():
    without_neutral = [row for row in newsmtsc_rows() if row["polarity"] != 0]
    with pytest.raises(EvaluationError, match=r"training labels must cover the classes \(-1, 0, 1\)"):
        train(without_neutral)

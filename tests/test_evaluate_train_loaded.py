"""Training the sentence loaded-language model (framing.evaluate.train_loaded).

A tiny BABE-format file checks the procedure; the whole development part,
when present in ../shared/eval, checks that the script reproduces the shipped
model byte for byte (``$FRAMING_EVAL``, default ../shared/eval).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framing.datafiles import packaged_text
from framing.document.parse import build_document
from framing.evaluate.loaded import read_babe
from framing.evaluate.train_loaded import THRESHOLDS, babe_units, calibrate, fit_model, main, train
from framing.features.loaded import LoadedLanguageScorer
from framing.features.loaded_model import MODEL_FILE, LoadedModel, score_sentences

EVAL = Path(os.environ.get("FRAMING_EVAL") or Path(__file__).resolve().parents[1].parent / "shared" / "eval")
BABE = EVAL / "babe" / "babe.csv"
needs_babe = pytest.mark.skipif(not BABE.is_file(), reason="BABE not present in ../shared/eval")

# Hand-written sentences in BABE's format: loaded ones (with the words an
# annotator would mark) and plain reports, on two topics.
BIASED = [
    ("The radical mob smashed windows in a shameful rampage.", "['radical', 'mob', 'shameful']"),
    ("Lawmakers pushed a disastrous and reckless spending spree.", "['disastrous', 'reckless']"),
    ("The mob's shameful tantrum embarrassed the city.", "['mob', 'shameful', 'tantrum']"),
    ("Critics slammed the reckless scheme as a disaster.", "['slammed', 'reckless']"),
    ("A radical fringe hijacked the debate with outrageous lies.", "['radical', 'outrageous']"),
    ("The senator's disgraceful stunt was a shameful display.", "['disgraceful', 'shameful']"),
]
PLAIN = [
    "The city council approved the budget on Tuesday.",
    "Lawmakers voted 52 to 48 to pass the spending bill.",
    "The mayor said repairs to the windows would cost $2,000.",
    "The committee will meet again next month.",
    "Officials said the new rules take effect in January.",
    "The senator spoke to reporters after the vote.",
]


def tiny_babe(path: Path) -> Path:
    lines = ["text,news_link,outlet,topic,type,label_bias,label_opinion,biased_words"]
    for k, (text, words) in enumerate(BIASED):
        lines.append(f'"{text}",,,{"taxes" if k % 2 else "gun-control"},,Biased,,"{words}"')
    for k, text in enumerate(PLAIN):
        lines.append(f'"{text}",,,{"taxes" if k % 2 else "gun control"},,Non-biased,,[]')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_tiny_model_learns_the_loaded_words(tmp_path):
    rows = read_babe(tiny_babe(tmp_path / "babe.csv"))
    units = babe_units(rows)
    assert [u.topic for u in units[:2]] == ["gun control", "taxes"]
    assert units[0].marked == {"radical", "mob", "shameful"}
    model = LoadedModel.from_dict(fit_model(units))
    assert model.threshold in THRESHOLDS and model.marked_rates["shameful"] == pytest.approx(3 / 4)
    scorer = LoadedLanguageScorer(model=model)
    doc = build_document("t", "The council met on Tuesday. A shameful and reckless mob rampage.")
    plain, loaded = score_sentences(model, doc, scorer.hits(doc))
    assert loaded.probability > plain.probability
    assert {doc.tokens[i] for i in loaded.reasons} & {"shameful", "reckless", "mob"}


def test_training_is_deterministic(tmp_path):
    path = tiny_babe(tmp_path / "babe.csv")
    out = tmp_path / "model.json"
    main(["--babe", str(path), "--out", str(out)])
    first = out.read_bytes()
    main(["--babe", str(path), "--out", str(out)])
    assert out.read_bytes() == first
    data = json.loads(first)
    assert data["n_train"] == 12 and data["n_biased"] == 6 and "BABE" in data["description"]


def test_calibration_and_threshold():
    slope, threshold = calibrate([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0], [False, False, True, False, True, True])
    assert slope[0] > 0 and threshold in THRESHOLDS


@needs_babe
def test_the_script_reproduces_the_shipped_model():
    data = train(read_babe(BABE))
    assert json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n" == packaged_text(MODEL_FILE)


def test_topic_ngrams_are_those_concentrated_in_one_topic():
    import numpy as np
    import scipy.sparse as sp

    from framing.evaluate import train_loaded

    # Columns: "vaccine" (all 6 in topic a), "said" (spread evenly), "rare" (twice, in a).
    topics = ["a"] * 6 + ["b"] * 6 + ["c"] * 6
    present = np.zeros((18, 3))
    present[:6, 0] = 1
    present[::3, 1] = 1
    present[:2, 2] = 1
    original = train_loaded.TOPIC_LIFT
    try:
        train_loaded.TOPIC_LIFT = 2.0
        assert list(train_loaded.topic_ngrams(sp.csr_matrix(present), topics)) == [True, False, False]
        assert not train_loaded.topic_ngrams(sp.csr_matrix(present), ["a"] * 9 + ["b"] * 9).any()
        train_loaded.TOPIC_LIFT = 0.0
        assert not train_loaded.topic_ngrams(sp.csr_matrix(present), topics).any()
    finally:
        train_loaded.TOPIC_LIFT = original

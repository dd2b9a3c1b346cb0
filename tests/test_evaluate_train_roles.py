"""Training the role fallback (framing.evaluate.train_roles): its fit on hand-made rows, and what it never reads."""

from __future__ import annotations

import gzip
import json

from framing.datafiles import packaged_text
from framing.evaluate import train_roles
from framing.evaluate.train_roles import HELD_OUT_LABELS, TRAINING_LABELS, fit
from framing.features.attribution.role_model import MODEL_FILE

# (features, role, origin, the rules' role): weak rows carry the rules' role, labelled rows their file.
EXAMPLES = [
    (["w:senator", "w:vote"], "politician", "weak", "politician"),
    (["w:senator", "w:bill"], "politician", "weak", "politician"),
    (["w:campaign", "w:vote"], "politician", "weak", "politician"),
    (["w:professor", "w:study"], "expert", "weak", "expert"),
    (["w:study", "w:data"], "expert", "weak", "expert"),
    (["w:researchers", "w:data"], "expert", "role_labels.csv", "unknown"),
    (["w:residents", "w:storm"], "citizen", "weak", "citizen"),
    (["w:storm", "w:home"], "citizen", "role_labels_heldout.csv", "unknown"),
]


def test_fit_gives_sorted_sparse_weights_and_the_same_file_twice():
    model = fit(EXAMPLES, c=10.0, gold_weight=5.0, threshold=0.6)
    assert model["roles"] == ["citizen", "expert", "politician"] and len(model["intercepts"]) == 3
    assert list(model["weights"]) == sorted(model["weights"]) and model["n_gold"] == 2
    assert model["weights"]["w:senator"]["politician"] > 0
    assert json.dumps(model, sort_keys=True) == json.dumps(fit(EXAMPLES, 10.0, 5.0, 0.6), sort_keys=True)


def test_the_fourth_held_out_set_is_never_a_training_set():
    assert "role_labels_heldout4.csv" in HELD_OUT_LABELS and not set(HELD_OUT_LABELS) & set(TRAINING_LABELS)


def test_articles_before_the_first_position_are_never_read(tmp_path, monkeypatch):
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for number in range(4):
            handle.write(json.dumps({"ID": f"a{number}", "content_original": "Jones said no."}) + "\n")
    monkeypatch.setattr(train_roles, "FIRST_POSITION", 2)
    read = [doc.article_id for doc in train_roles._documents(path, skip={"a3"})]
    assert read == ["a2"]


def test_the_packaged_model_was_trained_with_the_script_defaults():
    data = json.loads(packaged_text(MODEL_FILE))
    assert (data["c"], data["gold_weight"], data["threshold"]) == (train_roles.C, train_roles.GOLD_WEIGHT,
                                                                   train_roles.THRESHOLD)

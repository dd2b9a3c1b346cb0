"""Training the learned role fallback (framing.evaluate.train_roles).

Tiny hand-made examples check the procedure; the AllSides articles, when present
in ../shared/eval (``$FRAMING_EVAL``), check that the script reproduces the
shipped model byte for byte from the committed labels.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framing.datafiles import packaged_text
from framing.evaluate.train_roles import TRAINING_SETS, Example, combined_role, examples, fit, leave_one_set_out
from framing.features.attribution.role_model import MODEL_FILE, RoleModel

EVAL = Path(os.environ.get("FRAMING_EVAL") or Path(__file__).resolve().parents[1].parent / "shared" / "eval")
ALLSIDES = EVAL / "allsides" / "articles_10k.jsonl.gz"
needs_allsides = pytest.mark.skipif(not ALLSIDES.is_file(), reason="AllSides not present in ../shared/eval")


def _example(label_set, role, rule_role, *words):
    return Example(label_set, (f"rule={rule_role}", *(f"src:{w}" for w in words)), role, rule_role)


EXAMPLES = [
    *(_example(s, "politician", "politician", "sen.", "cruz") for s in "ab"),
    *(_example(s, "politician", "unknown", "they", "campaign") for s in "ab"),
    *(_example(s, "citizen", "unknown", "mendez", "mom") for s in "ab"),
    *(_example(s, "expert", "expert", "professor", "yale") for s in "ab"),
]


def test_fit_writes_every_seen_role_and_features_seen_often_enough():
    data = fit(EXAMPLES, c=1.0, min_count=2)
    assert sorted(data["intercept"]) == ["citizen", "expert", "politician"]
    assert data["n_train"] == 8 and data["label_sets"] == ["a", "b"]
    assert "src:mom" in data["weights"]["citizen"] and data["weights"]["citizen"]["src:mom"] > 0
    assert fit(EXAMPLES, c=1.0, min_count=2) == data
    assert all("src:cruz" not in w for w in fit(EXAMPLES, c=1.0, min_count=3)["weights"].values())


def test_the_model_decides_only_where_the_rules_say_unknown():
    model = RoleModel.from_json(fit(EXAMPLES, c=1.0, min_count=1))
    assert combined_role(model, _example("c", "citizen", "unknown", "mendez")) == "citizen"
    # A role the rules found stays, whatever the words.
    assert combined_role(model, _example("c", "expert", "expert", "mendez", "mom")) == "expert"


def test_leave_one_set_out_counts_rules_and_model_per_set():
    result = leave_one_set_out(EXAMPLES, c=1.0, min_count=1)
    assert result == {"a": {"n": 4, "rules": 2, "rules_and_model": 4},
                      "b": {"n": 4, "rules": 2, "rules_and_model": 4}}


def test_the_held_out_set_is_not_a_training_set():
    assert "role_labels_heldout5.csv" not in TRAINING_SETS and len(TRAINING_SETS) == 5


@needs_allsides
def test_the_script_reproduces_the_shipped_model():
    data = fit(examples(ALLSIDES))
    assert json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n" == packaged_text(MODEL_FILE)

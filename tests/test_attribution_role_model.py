"""The learned role fallback: its features, the packaged model, and when the scorer asks it."""

from __future__ import annotations

import json

import pytest

from framing.datafiles import packaged_text
from framing.document.parse import build_document
from framing.features.attribution.role_lexicon import SPEAKER_ROLES, UNKNOWN_ROLE
from framing.features.attribution.role_model import MODEL_FILE, RoleModel, context_features
from framing.features.attribution.scorer import AttributionScorer

# From an AllSides article (Hurricane Harvey): nobody gives Mendez a title.
TEXT = ("Olga Mendez, who remembers riding out storms as a young girl, waited to board a bus with her husband "
        "and their young daughter.\n\n\"My mom never leaves,\" Mendez told the paper.")


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def test_context_features_read_the_sentence_the_words_before_and_the_source():
    doc = build_document("x", TEXT)
    start = doc.body.rindex("Mendez")
    features = context_features(doc, (start, start + len("Mendez")))
    assert {"s:mendez", "w:told", "w:paper", "b:husband", "b:storms"} <= set(features)
    assert features == sorted(features)


def test_the_packaged_model_names_speaker_roles_only():
    model = RoleModel.load()
    assert set(model.roles) <= set(SPEAKER_ROLES) and 0.5 <= model.threshold < 1
    doc = build_document("x", TEXT)
    start = doc.body.rindex("Mendez")
    probabilities = model.probabilities(doc, (start, start + 6))
    assert set(probabilities) == set(model.roles) and sum(probabilities.values()) == pytest.approx(1.0)


def test_the_model_only_places_speakers_the_rules_leave_unknown(scorer):
    doc = build_document("x", "Sen. Ted Cruz said the bill would fail. " + TEXT)
    with_model = [f.detail["role"] for f in scorer.score(doc).findings]
    rules = AttributionScorer()
    rules.role_model = None
    rules_only = [f.detail["role"] for f in rules.score(doc).findings]
    assert with_model[0] == rules_only[0] == "politician"
    assert rules_only[-1] == UNKNOWN_ROLE and with_model[-1] in (UNKNOWN_ROLE, *SPEAKER_ROLES)


def test_a_threshold_above_every_probability_leaves_the_speaker_unknown():
    model = RoleModel.load()
    doubtful = RoleModel(model.roles, model.intercepts, model.weights, threshold=1.01)
    doc = build_document("x", TEXT)
    start = doc.body.rindex("Mendez")
    assert doubtful.role(doc, (start, start + 6)) is None


def test_the_packaged_file_is_written_the_way_the_training_script_writes_it():
    text = packaged_text(MODEL_FILE)
    data = json.loads(text)
    assert json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n" == text
    assert data["n_gold"] >= 600 and data["threshold"] == RoleModel.load().threshold

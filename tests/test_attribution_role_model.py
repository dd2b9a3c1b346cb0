"""The learned role fallback: its features, the shipped weights, and where the scorer asks it."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.features.attribution.role_lexicon import SPEAKER_ROLES, UNKNOWN_ROLE
from framing.features.attribution.role_model import RoleModel, role_features, role_words
from framing.features.attribution.scorer import AttributionScorer

TEXT = ("They said the vote was close. Jane Doe, a professor of economics at Yale, said the tariffs would hurt "
        "farmers. Sen. Ted Cruz said the bill would fail.")


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def _findings(scorer, text, model=True):
    saved = scorer.role_model
    scorer.role_model = saved if model else None
    try:
        return scorer.score(build_document("x", text)).findings
    finally:
        scorer.role_model = saved


def test_words_keep_short_abbreviations_only():
    assert role_words("Gov. Jay Inslee told the U.S. press.") == ["gov.", "jay", "inslee", "told", "the", "u.s.",
                                                                   "press"]


def test_features_read_the_source_its_surroundings_and_the_mentions(scorer):
    document = build_document("x", TEXT)
    detail = next(f.detail for f in _findings(scorer, TEXT) if f.detail["speaker_text"].startswith("Jane"))
    features = role_features(document, detail)
    assert features == sorted(set(features))
    assert {"first:jane", "head:yale", "src:professor", "right:said", "right:tariffs", "kind=person",
            "rule=expert", "verb=say"} <= set(features)
    assert {"app:a", "app:professor", "app:economics"} <= set(features)


def test_a_source_of_no_words_is_marked():
    document = build_document("x", "It rained.")
    detail = {"speaker": "", "speaker_text": "", "speaker_kind": "unresolved", "named": False,
              "anonymous": False, "verb": "announce", "verb_class": "neutral", "kind": "said",
              "role": UNKNOWN_ROLE, "source_start": -1, "source_end": -1}
    features = role_features(document, detail)
    assert "nosource" in features and not any(f.startswith(("left:", "right:")) for f in features)


def test_the_model_fills_only_what_the_rules_leave_unknown(scorer):
    rules = {f.detail["speaker_text"]: f.detail["role"] for f in _findings(scorer, TEXT, model=False)}
    both = {f.detail["speaker_text"]: f.detail["role"] for f in _findings(scorer, TEXT)}
    assert rules["They"] == UNKNOWN_ROLE and both["They"] in SPEAKER_ROLES
    assert {k: v for k, v in both.items() if k != "They"} == {k: v for k, v in rules.items() if k != "They"}
    assert rules["Sen. Ted Cruz"] == "politician"


def test_the_shipped_model_knows_every_role_and_places_a_speaker_with_no_title(scorer):
    assert sorted(RoleModel.load().intercepts) == sorted(SPEAKER_ROLES)
    # A person quoted about her family, with no title anywhere: the rules cannot tell, the words can.
    text = "“My mom never leaves,” Mendez told the paper. “She is always here.”"
    assert [f.detail["role"] for f in _findings(scorer, text, model=False)][:1] == [UNKNOWN_ROLE]
    assert [f.detail["role"] for f in _findings(scorer, text)][:1] == ["citizen"]


def test_ties_go_to_the_first_role_in_sorted_order():
    model = RoleModel.from_json({"intercept": {"media": 0.5, "expert": 0.5}, "weights": {"media": {"x": 1.0}}})
    assert model.role([]) == "expert" and model.role(["x"]) == "media"


def test_a_weight_for_no_role_is_refused():
    with pytest.raises(ValueError, match="role 'villain' is not one of"):
        RoleModel.from_json({"intercept": {"villain": 0.0}, "weights": {"villain": {"x": 1.0}}})

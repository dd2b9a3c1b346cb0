"""The learned span model: contents for cues the rules leave without one, and the keeper of attributions."""

from __future__ import annotations

import json

import pytest

from framing.datafiles import packaged_text
from framing.document.parse import build_document
from framing.evaluate.train_spans import CandidateRecorder, candidate_label, train
from framing.features.attribution.content import ContentRules
from framing.features.attribution.cue_model import CueModel, learned_cue
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.records import Attribution
from framing.features.attribution.span_model import (
    LogisticPart,
    SpanModel,
    attribution_features,
    candidate_features,
    is_learned,
    keeper_judges,
    source_kind,
)
from framing.features.attribution.spans import find_attributions


@pytest.fixture(scope="module")
def model():
    return SpanModel.load()


def _found(text, model):
    doc = build_document("x", text)
    found = find_attributions(doc, CueLexicon.load(), CueModel.load(), model)
    return [(doc.body[slice(*a.source)] if a.source else None, a.cue_text, [doc.body[s:e] for s, e in a.contents])
            for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PolNeAR dev sentences the rules alone left without content: a noun phrase after the cue.
        ("Donald Trump has mentioned refinancing student loans and forcing universities to spend more.",
         [("Donald Trump", "mentioned", ["refinancing student loans and forcing universities to spend more"])]),
        # The seeds (The Moscow Times): "warned NATO against ..." is what the diplomat said.
        ("The diplomat warned NATO against military conflict with Russia.",
         [("The diplomat", "warned", ["NATO against military conflict with Russia"])]),
    ],
)
def test_the_model_finds_content_the_rules_do_not(model, text, expected):
    assert _found(text, model) == expected
    assert _found(text, None) == []


def test_a_cue_inside_found_content_is_left_to_that_content(model):
    # TASS (seeds/004): "observes" is part of what Grushko said, not Moscow's own statement.
    found = _found("According to Grushko, Moscow observes NATO activities comparable only to those "
                   "during the Cold War.", model)
    assert [(source, cue) for source, cue, _ in found] == [("Grushko", "According to")]


def test_quoted_speech_is_never_dropped_by_the_keeper(model):
    text = '"It would be a humanitarian catastrophe," Grushko said.'
    expected = [("Grushko", "said", ["It would be a humanitarian catastrophe"])]
    assert _found(text, model) == _found(text, None) == expected


def test_content_candidates_clause_phrase_and_left():
    doc = build_document("x", "Voters, the poll found, prefer Clinton, who leads by four points.")
    rules = ContentRules(doc, frozenset())
    cue = doc.body.index("prefer")
    candidates = rules.content_candidates(doc.sentences[0], cue, cue + 6, (0, 6))
    assert [(kind, doc.body[slice(*span)]) for kind, span in candidates] == [
        ("clause", "Clinton, who leads by four points"), ("phrase", "Clinton")]


def test_the_source_kinds():
    doc = build_document("x", "The AP, which reported it, and his claim.")
    assert [source_kind(doc, span) for span in ((8, 13), (0, 6), (31, 34), None)] == [
        "relative", "phrase", "possessive", "none"]


def test_candidate_and_attribution_features_name_cue_kind_and_speaker():
    doc = build_document("x", "Trump said the race is close.")
    said = CueLexicon.load().lookup("said")
    features = candidate_features(doc, "clause", (11, 28), (6, 10), said, (0, 5))
    assert {"kind=clause", "cue=say", "first=the", "src=phrase", "src_head=trump", "prev=trump", "next=the"} <= set(
        features)
    a = Attribution("indirect", (0, 5), (6, 10), [(11, 28)], said, 0)
    assert {"cue=say", "side=right", "src=phrase", "src_head=trump", "src_cap", "cue_first=say|the"} <= set(
        attribution_features(doc, a))
    assert keeper_judges(a) and not keeper_judges(Attribution("direct", (0, 5), (6, 10), [(11, 28)], said, 0))


def test_the_keeper_holds_the_rules_findings_to_a_lower_threshold():
    said = CueLexicon.load().lookup("said")
    doc = build_document("x", "Trump said the race is close.")
    keeper = LogisticPart({}, 0.0, 0.6)  # every attribution at probability 0.5
    model = SpanModel(LogisticPart({}, 0.0, 0.5), keeper, rule_threshold=0.2)
    rules = Attribution("indirect", (0, 5), (6, 10), [(11, 28)], said, 0)
    chosen = Attribution("indirect", (0, 5), (6, 10), [(11, 28)], said, 0, learned_content=True)
    assert not is_learned(rules) and is_learned(chosen)
    assert model.keeps(doc, rules) and not model.keeps(doc, chosen)


def test_the_keeper_holds_a_learned_cue_to_its_own_threshold():
    doc = build_document("x", "Trump seemed to suggest the race is close.")
    keeper = LogisticPart({}, 0.0, 0.4)  # every attribution at probability 0.5
    model = SpanModel(LogisticPart({}, 0.0, 0.5), keeper, rule_threshold=0.2, learned_cue_threshold=0.6)
    seemed = learned_cue("seemed")
    learned = Attribution("indirect", (0, 5), (6, 12), [(13, 41)], seemed, 0, cue_probability=0.8)
    assert "cue_p=8" in attribution_features(doc, learned)
    assert not model.keeps(doc, learned)
    assert SpanModel(LogisticPart({}, 0.0, 0.5), keeper, 0.2, learned_cue_threshold=0.45).keeps(doc, learned)


def test_a_learned_cue_carries_its_probability():
    doc = build_document("x", "Trump seemed to suggest that the election was rigged.")
    found = find_attributions(doc, CueLexicon.load(), CueModel.load(), SpanModel.load())
    assert [(a.cue_text, a.cue_probability is not None and a.cue_probability >= 0.55) for a in found] == [
        ("seemed", True)]


def test_the_chooser_takes_the_most_probable_candidate_over_its_threshold():
    chooser = LogisticPart({"good": 2.0, "bad": -2.0}, 0.0, 0.5)
    model = SpanModel(chooser)
    assert model.choose((0, 1), [((2, 3), ["bad"]), ((4, 5), ["good"])]) == 1
    assert model.choose((0, 1), [((2, 3), ["bad"])]) is None


ANN = ("T1\tSource 0 5\tTrump\nT2\tCue 10 19\tmentioned\nT3\tContent 20 30\tthe loans\n"
       "T4\tAttribution 10 19\tmentioned\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def test_candidate_labels_follow_the_evaluation():
    from framing.evaluate.polnear import parse_ann

    doc = build_document("x", "Trump has mentioned the loans.")
    gold = parse_ann(ANN)
    assert candidate_label(doc, (10, 19), (20, 29), gold) == 1
    assert candidate_label(doc, (10, 19), (0, 5), gold) == 0
    assert candidate_label(doc, (0, 5), (20, 29), gold) == 0  # another cue's content


def test_the_recorder_chooses_nothing_and_keeps_everything():
    recorder = CandidateRecorder()
    doc = build_document("x", "Trump has mentioned the loans.")
    assert find_attributions(doc, CueLexicon.load(), CueModel.load(), recorder) == []
    assert recorder.offered and recorder.offered[0][0] == (10, 19)


def test_training_is_deterministic(tmp_path):
    # Annotated: the first relation only; the rules also find the second, and offer the third's words.
    text = "Trump has mentioned the loans. Smith said the vote was fair. Jones has mentioned Tuesday.\n"
    (tmp_path / "train" / "text").mkdir(parents=True)
    (tmp_path / "train" / "attributions").mkdir()
    for n in range(3):
        (tmp_path / "train" / "text" / f"d{n}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "train" / "attributions" / f"d{n}_a.ann").write_text(ANN, encoding="utf-8")
    first, second = train(tmp_path, c=10.0), train(tmp_path, c=10.0)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["chooser"]["n_train_positive"] == 3 and first["chooser"]["n_train"] == 6
    assert first["keeper"]["n_train_positive"] == 3 and first["keeper"]["n_train"] == 6


def test_packaged_model_says_where_it_comes_from():
    data = json.loads(packaged_text("span_model.json"))
    assert "PolNeAR train" in data["description"]
    assert 0 < data["chooser"]["threshold"] < 1 and 0 < data["keeper"]["threshold"] < 1

"""The learned cue detector: which words it adds to the verb list's cues, and how it is trained."""

from __future__ import annotations

import json

import pytest

from framing.document.parse import build_document
from framing.evaluate.train_cues import train
from framing.features.attribution.cue_model import CueModel, is_cue_word, learned_cue, token_features
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.scorer import AttributionScorer
from framing.features.attribution.spans import find_attributions


@pytest.fixture(scope="module")
def model():
    return CueModel.load()


def _learned(model, text):
    doc = build_document("x", text)
    return [doc.tokens[i] for i in model.cue_tokens(doc, CueLexicon.load().one_word_forms(include_strict=True))]


@pytest.mark.parametrize(
    ("text", "learned"),
    [
        # PolNeAR train annotates "seemed to", "citing" and "endorsed" as cues; none is in the verb list.
        ("Trump seemed to suggest that the election was rigged.", ["seemed"]),
        ("Sanders railed against the banks on Friday.", ["railed"]),
        # A word after "be" is the writer's description, not a cue (RT, seeds/000).
        ("While NATO is eager to drag Russia into it, Moscow will not follow.", []),
        # Function words and -ly adverbs of "has also repeatedly said" are never cues.
        ("She has also repeatedly gone.", []),
    ],
)
def test_learned_cues_on_real_sentences(model, text, learned):
    assert [w for w in _learned(model, text) if w not in CueLexicon.load().verbs] == learned


def test_a_learned_cue_gets_source_and_content_from_the_rules(model):
    doc = build_document("x", "Trump seemed to suggest that the election was rigged.")
    found = find_attributions(doc, CueLexicon.load(), model)
    assert [(doc.body[slice(*a.source)], a.cue_text) for a in found] == [("Trump", "seemed")]
    assert find_attributions(doc, CueLexicon.load()) == []


def test_a_learned_cue_has_no_verb_class_and_reports_said():
    finding = AttributionScorer().score(build_document("x", "Trump mocked the reporter on Friday.")).findings
    assert [(f.detail["verb"], f.detail["verb_class"], f.detail["kind"]) for f in finding] == [("mocked", "", "said")]


@pytest.mark.parametrize(("word", "form"), [("seemed", "past"), ("citing", "ing"), ("decision", "base"),
                                            ("endorses", "present"), ("address", "base")])
def test_learned_cue_form(word, form):
    assert learned_cue(word).form_type == form


def test_cue_words():
    assert [is_cue_word(w) for w in ("seemed", "has", "also", "repeatedly", "in", "u.s.")] == [
        True, False, False, False, False, False]


def test_features_name_the_word_its_neighbours_and_the_quotes():
    doc = build_document("x", '"We are ready," Grushko stated.')
    features = token_features(doc, doc.tokens.index("stated"), frozenset({"stated"}))
    assert {"w=stated", "p=grushko", "listed", "p_cap", "n=</s>"} <= set(features)
    assert "quote_before" in token_features(doc, doc.tokens.index("grushko"), frozenset())


ANN = ("T1\tSource 0 5\tTrump\nT2\tCue 6 12\tseemed\nT3\tContent 13 45\tto suggest\n"
       "T4\tAttribution 6 12\tseemed\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def test_training_is_deterministic_and_learns_the_cue(tmp_path):
    text = "Trump seemed to suggest the vote was rigged. The vote was held on Tuesday in Ohio.\n"
    for split in ("train",):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir()
        for n in range(3):
            (tmp_path / split / "text" / f"d{n}.txt").write_text(text, encoding="utf-8")
            (tmp_path / split / "attributions" / f"d{n}_a.ann").write_text(ANN, encoding="utf-8")
    first, second = train(tmp_path, c=10.0), train(tmp_path, c=10.0)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["n_train_cue_tokens"] == 3 and first["weights"]["w=seemed"] > 0


def test_packaged_model_says_where_it_comes_from():
    from framing.datafiles import packaged_text

    data = json.loads(packaged_text("cue_model.json"))
    assert "PolNeAR train" in data["description"] and 0 < data["threshold"] < 1

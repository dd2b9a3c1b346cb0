"""The topic gate: a pack applies only to articles about its topic, and says why (checked by hand)."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.features.lexicon import LexiconScorer
from framing.lexicons.matcher import TermMatcher
from framing.lexicons.packs import list_packs, load_pack
from framing.lexicons.topic import topic_decision


@pytest.fixture(scope="module")
def scorer():
    return LexiconScorer()


def decisions(result):
    return {f.detail["pack"]: f for f in result.findings if f.kind in ("pack_applied", "pack_not_applied")}


def test_every_shipped_pack_has_a_documented_gate():
    for name in list_packs():
        topic = load_pack(name).topic
        assert topic is not None and topic.anchors and topic.min_mentions == 3, name
        assert "AllSides development set" in topic.note, name


def test_three_mentions_open_the_gate_and_the_anchors_are_counted():
    pack = load_pack("russia_ukraine_nato")
    matcher = TermMatcher(pack.all_terms())
    two = topic_decision(pack, matcher.find(build_document("a", "Russia and NATO met; the bloc was split.")))
    assert (two.applied, two.reason, two.mentions, two.min_mentions) == (False, "too_few_mentions", 2, 3)
    three = topic_decision(pack, matcher.find(build_document("b", "Russia and NATO met in Moscow.")))
    assert (three.applied, three.reason, three.anchors) == (True, "enough_mentions",
                                                            {"Moscow": 1, "NATO": 1, "Russia": 1})


def test_a_pack_without_a_topic_table_applies_everywhere(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[pack]\nname = "mine"\nversion = "1"\nauthor = "me"\ndescription = "Mine."\n'
                    '[pack.sides]\nx = "X"\ny = "Y"\n[[concept]]\nid = "tax"\ndescription = "d"\n'
                    'note = "n"\nsource = "s"\n[concept.terms]\nx = ["death tax"]\ny = ["estate tax"]\n',
                    encoding="utf-8")
    pack = load_pack(path)
    decision = topic_decision(pack, [])
    assert (decision.applied, decision.reason, decision.as_detail()["anchors"]) == (True, "no_topic_gate", {})


def test_off_topic_article_counts_no_term_and_says_why(scorer):
    # An education article from the issue: "Alliance" and "bloc" in other senses, no Russia.
    text = ("The National Alliance for Public Charter Schools welcomed the vote. "
            "Parents are a growing voting bloc in the suburbs.")
    result = scorer.score(build_document("school", text))
    assert not [f for f in result.findings if f.kind == "contested_term"]
    russia = decisions(result)["russia_ukraine_nato"]
    assert (russia.kind, russia.detail["mentions"], russia.detail["reason"]) == (
        "pack_not_applied", 0, "too_few_mentions")
    assert result.features["russia_ukraine_nato.applied"] == 0.0
    assert result.features["russia_ukraine_nato.alliance_naming.russia_per_1k"] == 0.0


def test_title_mentions_count_toward_the_gate(scorer):
    body = "The alliance met on Tuesday, NATO said."
    without = scorer.score(build_document("a", body))
    with_title = scorer.score(build_document("a", body, title="Moscow warns Russia's neighbours"))
    assert decisions(without)["russia_ukraine_nato"].kind == "pack_not_applied"
    assert decisions(with_title)["russia_ukraine_nato"].detail["anchors"] == {"Moscow": 1, "NATO": 1,
                                                                               "Russia": 1}
    assert [f.text for f in with_title.findings if f.kind == "contested_term"] == ["alliance"]


def test_every_seed_article_is_about_russia_and_nato_and_no_other_pack(scorer, seed_document):
    for prefix in ("000", "001", "002", "003", "004"):
        found = decisions(scorer.score(seed_document(prefix)))
        assert found["russia_ukraine_nato"].kind == "pack_applied", prefix
        assert {p for p, f in found.items() if f.kind == "pack_not_applied"} == {
            "abortion", "climate", "gun_policy", "immigration", "israel_palestine"}, prefix
    # The Moscow Times spells NATO out once and names the Crimean peninsula once.
    anchors = decisions(scorer.score(seed_document("002")))["russia_ukraine_nato"].detail["anchors"]
    assert anchors["North Atlantic Treaty Organization"] == 1 and anchors["Crimean"] == 1
    # TASS quotes "a climate of confrontation": one mention, not an article about the climate.
    climate = decisions(scorer.score(seed_document("003")))["climate"]
    assert (climate.detail["mentions"], climate.detail["anchors"]) == (1, {"climate": 1})


FILLER = "The city council met on Tuesday to debate the school budget and the new bus routes. "


def test_a_topic_named_only_deep_in_an_article_does_not_apply_the_pack():
    scorer = LexiconScorer(packs=["russia_ukraine_nato"])
    # 112 words about a school budget, then Russia, NATO and the Kremlin in passing
    body = FILLER * 7 + "A teacher compared the fight to Russia and NATO, or to the Kremlin's bloc politics."
    decision = scorer.score(build_document("x", body)).findings[0]
    assert decision.kind == "pack_not_applied" and decision.detail["reason"] == "not_in_title_or_lead"
    # the same words in the title: the article says what it is about
    titled = scorer.score(build_document("x", body, title="Russia, NATO and our schools")).findings[0]
    assert titled.kind == "pack_applied"


def test_a_topic_mentioned_too_sparsely_does_not_apply_the_pack():
    scorer = LexiconScorer(packs=["russia_ukraine_nato"])
    body = "Russia, NATO and the Kremlin came up once. " + FILLER * 80  # 3 mentions in about 1,300 words
    decision = scorer.score(build_document("x", body)).findings[0]
    assert decision.detail["reason"] == "too_sparse" and decision.detail["mentions"] == 3

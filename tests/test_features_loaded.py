"""General loaded language: word lists, categories, agentless passives (checked by hand)."""

from __future__ import annotations

import math

import pytest

from framing.document.parse import build_document
from framing.features import LoadedLanguageFeatures
from framing.features.loaded import (
    FLAGGED,
    LoadedLanguageScorer,
    load_wordlist,
    wordlist_names,
)


@pytest.fixture(scope="module")
def scorer():
    return LoadedLanguageScorer()


def kinds(scorer, text):
    """The word-list and passive findings (the model's flagged sentences are tested in test_features_loaded_model)."""
    return [(f.kind, f.text) for f in scorer.score(build_document("t", text)).findings if f.kind != FLAGGED]


def test_every_wordlist_has_a_header_and_loads():
    assert wordlist_names() == ["assertive", "emotive", "factive", "hedges", "intensifiers",
                                "so_called"]
    for name in wordlist_names():
        assert load_wordlist(name)


@pytest.mark.parametrize("text, expected", [
    ("The senator claimed the plan was utterly bizarre.",
     [("assertive", "claimed"), ("intensifiers", "utterly"), ("emotive", "bizarre")]),
    ("The report revealed that costs apparently rose.",
     [("factive", "revealed"), ("hedges", "apparently")]),
    ("The so called experts met the self-styled leader.",
     [("so_called", "so called"), ("so_called", "self-styled")]),
    ("The minister said the budget rose by 3%.", []),
])
def test_categories(scorer, text, expected):
    assert kinds(scorer, text) == expected


@pytest.mark.parametrize("text, passives", [
    ("Three civilians were killed on Monday.", ["were killed"]),
    ("Three civilians were killed by a shell.", []),
    ("The village was badly hit overnight.", ["was badly hit"]),
    ("She was interested in the talks.", []),
])
def test_agentless_passives(scorer, text, passives):
    assert [t for k, t in kinds(scorer, text) if k == "agentless_passive"] == passives


def test_rates_and_sentence_scores(scorer):
    doc = build_document("t", "A truly shocking result. Nothing else happened here today.")
    result = scorer.score(doc)
    # 9 words: "truly" (intensifier) and "shocking" (emotive).
    assert result.features["intensifiers_per_1k"] == pytest.approx(1000 / 9)
    assert result.features["loaded_per_1k"] == pytest.approx(2000 / 9)
    assert result.features["loaded_sentence_share"] == 0.5
    assert scorer.sentence_scores(doc) == [2.0, 0.0]
    assert list(result.features) == scorer.feature_names
    assert all(f.sentence_index == 0 for f in result.findings if f.kind != FLAGGED)
    assert math.isnan(scorer.score(build_document("e", "")).features["loaded_per_1k"])


def test_transformer():
    transformer = LoadedLanguageFeatures().fit([])
    names = list(transformer.get_feature_names_out())
    assert names[0] == "loaded__assertive_per_1k"
    row = transformer.transform([build_document("a", "They claimed victory.")])[0]
    assert row[0] == pytest.approx(1000 / 3)


def test_wordlists_replace_one_category():
    doc = build_document("t", "The plan was bizarre and utterly new.")
    scorer = LoadedLanguageScorer(wordlists={"emotive": ["plan"]})
    assert [(f.kind, f.text) for f in scorer.score(doc).findings if f.kind != FLAGGED] == [
        ("emotive", "plan"), ("intensifiers", "utterly")]
    with pytest.raises(ValueError, match="unknown category 'emotional'"):
        LoadedLanguageScorer(wordlists={"emotional": ["plan"]})


# Real AllSides sentences (Politico, NPR, HotAir, Associated Press; Chicago
# Sun-Times, Salon, MarketWatch): "supposed to" is expected or obliged and the
# verb "supposed that" is a guess; only "supposed" before a name doubts it.
@pytest.mark.parametrize("text, so_called", [
    ("North Korea was never supposed to get the bomb.", []),
    ("The Sierra Nevada snowpack is supposed to be a storage bank.", []),
    ("In some states, just one insurer has signed up for the SHOP exchanges, which are supposed to foster "
     "competition and make it easier for small businesses to purchase coverage.", []),
    ("It’s been that way since before the virus spread widely in the United States, when he supposed that "
     "the warmer weather of April might have it soon gone.", []),
    ("An impeached president orders the assassination of a leading Iranian general as he is meeting with "
     "the leader of Iraq, a supposed ally.", ["supposed"]),
    ("Elected Republicans have generally used their influence more subtly, by drawing attention to the "
     "hassles and supposed dangers of using Healthcare.gov.", ["supposed"]),
    ("First, for all the reasons cited above, the supposed Phase One deal is clearly still so tentative.",
     ["supposed"]),
])
def test_supposed_is_a_so_called_label_only_before_a_name(scorer, text, so_called):
    assert [t for k, t in kinds(scorer, text) if k == "so_called"] == so_called


def test_exceptions_are_validated(monkeypatch):
    from framing.errors import DataFileError
    from framing.features import loaded

    monkeypatch.setattr(loaded, "packaged_text",
                        lambda *parts: "# category: x\n# except: supposed to, unlisted word\nsupposed\n")
    with pytest.raises(DataFileError, match=r"so_called.txt, line 2: exception 'unlisted word'"):
        loaded.wordlist_exceptions("so_called")

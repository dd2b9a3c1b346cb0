"""ReadabilityScorer (framing.features.readability.scorer): counts, shortness flags and findings."""

from __future__ import annotations

import math

import pytest

from framing.document.parse import build_document
from framing.features.readability.formulas import FORMULAS, readability_scores
from framing.features.readability.scorer import FEATURE_NAMES, ReadabilityScorer

# Words per sentence counted by hand ("two-day" and "Ukraine's" are one word each):
# 17, 28, 14, 21, 18, 11 = 109 words in 6 sentences.
SENTENCES = [
    "NATO leaders gathered in Vilnius on Tuesday for a two-day summit dominated by the war in Ukraine.",
    "Ukraine's president had hoped to leave with a clear timetable for membership, but the allies offered "
    "only a promise that an invitation would come when conditions were met.",
    "Several eastern members pressed for firmer language, arguing that vague wording only encouraged Moscow.",
    "Germany and the United States were more cautious, warning that a fixed date could draw the alliance "
    "directly into the conflict.",
    "The final communique also pledged more air defence systems and a new council for regular consultations "
    "with Kyiv.",
    "Officials said the talks had been difficult but ended in agreement.",
]
PARAGRAPH = " ".join(SENTENCES)
FIRST_FIVE = " ".join(SENTENCES[:5])  # 98 words
SHORT = "NATO leaders met in Vilnius on Tuesday. Ukraine asked for a date to join."  # 7 + 7 words


@pytest.fixture(scope="module")
def scorer():
    return ReadabilityScorer()


def score(scorer, text):
    return scorer.score(build_document("a", text))


@pytest.mark.parametrize("text, n_words, n_sentences, too_short, smog_too_short", [
    (SHORT, 14, 2, 1.0, 1.0),
    (PARAGRAPH, 109, 6, 0.0, 1.0),
    # The thresholds: 100 words for every formula, 30 sentences for SMOG.
    (FIRST_FIVE + " Talks ended.", 100, 6, 0.0, 1.0),
    (FIRST_FIVE.replace(" also", "") + " Talks ended.", 99, 6, 1.0, 1.0),
    (" ".join([PARAGRAPH] * 5), 545, 30, 0.0, 0.0),
    (" ".join([PARAGRAPH] * 5 + SENTENCES[:5]), 643, 35, 0.0, 0.0),
    (" ".join([PARAGRAPH] * 4 + SENTENCES[:5]), 534, 29, 0.0, 1.0),
])
def test_counts_and_flags(scorer, text, n_words, n_sentences, too_short, smog_too_short):
    features = score(scorer, text).features
    assert (features["n_words"], features["n_sentences"]) == (n_words, n_sentences)
    assert features["mean_sentence_length"] == n_words / n_sentences
    assert (features["too_short"], features["smog_too_short"]) == (too_short, smog_too_short)


def test_short_paragraph_keeps_hand_checked_values(scorer):
    # Syllables: na-to 2, lead-ers 2, met 1, in 1, vil-ni-us 3, on 1, tues-day 2,
    # u-kraine 2, asked 1, for 1, a 1, date 1, to 1, join 1 = 20 in 14 words, 2 sentences.
    features = score(scorer, SHORT).features
    # 206.835 - 1.015 * 7 - 84.6 * 20 / 14
    assert features["flesch_reading_ease"] == pytest.approx(78.8729, abs=1e-4)
    # 0.39 * 7 + 11.8 * 20 / 14 - 15.59
    assert features["flesch_kincaid_grade"] == pytest.approx(3.9971, abs=1e-4)
    assert features["mean_sentence_length"] == 7.0


def test_short_paragraph_findings_say_which_formulas_and_why(scorer):
    findings = score(scorer, SHORT).findings
    assert [(f.family, f.kind, f.text, f.detail["formulas"], f.detail["reason"]) for f in findings] == [
        ("readability", "too_short", "14 words, 2 sentences", list(FORMULAS),
         "the body has 14 words; the readability formulas need at least 100"),
        ("readability", "too_short", "14 words, 2 sentences", ["smog_index"],
         "the body has 2 sentences; SMOG is defined on 30"),
    ]


def test_normal_paragraph_has_only_the_smog_finding(scorer):
    result = score(scorer, PARAGRAPH)
    assert [(f.text, f.detail["formulas"]) for f in result.findings] == [("109 words, 6 sentences", ["smog_index"])]
    assert (result.findings[0].start, result.findings[0].end) == (0, len(PARAGRAPH))
    # The formulas are computed on the body, all five present and finite.
    assert {name: result.features[name] for name in FORMULAS} == readability_scores(PARAGRAPH)
    assert not any(math.isnan(result.features[name]) for name in FORMULAS)


def test_thirty_sentences_have_no_finding(scorer):
    assert score(scorer, " ".join([PARAGRAPH] * 5)).findings == []


@pytest.mark.parametrize("text", ["", "  \n  "])
def test_empty_document_has_nan_formulas(scorer, text):
    result = score(scorer, text)
    assert all(math.isnan(result.features[name]) for name in (*FORMULAS, "mean_sentence_length"))
    assert (result.features["n_words"], result.features["n_sentences"]) == (0.0, 0.0)
    assert (result.features["too_short"], result.features["smog_too_short"]) == (1.0, 1.0)
    assert [f.text for f in result.findings] == ["0 words, 0 sentences"] * 2
    assert result.findings[0].detail["reason"] == "the body has 0 words; the readability formulas need at least 100"


def test_punctuation_only_body_has_nan_formulas(scorer):
    # No word at all, though the parser keeps "— …" as a sentence.
    features = score(scorer, "— …").features
    assert all(math.isnan(features[name]) for name in FORMULAS)
    assert (features["n_words"], features["too_short"]) == (0.0, 1.0)


def test_singular_in_finding_text(scorer):
    result = score(scorer, "Vote!")
    assert result.findings[0].text == "1 word, 1 sentence"
    assert result.findings[1].detail["reason"] == "the body has 1 sentence; SMOG is defined on 30"


def test_feature_order_is_formulas_then_counts_then_flags(scorer):
    expected = [*FORMULAS, "n_words", "n_sentences", "mean_sentence_length", "too_short", "smog_too_short"]
    assert scorer.feature_names == list(FEATURE_NAMES) == expected
    assert FORMULAS == ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                        "dale_chall_readability_score")
    for text in (SHORT, PARAGRAPH, ""):
        features = score(scorer, text).features
        assert list(features) == expected
        assert all(type(value) is float for value in features.values())
    # A caller changing the list it got does not change the scorer's.
    scorer.feature_names.append("extra")
    assert scorer.feature_names == expected


def test_scoring_twice_gives_the_same_result(scorer):
    document = build_document("a", PARAGRAPH)
    assert scorer.score(document) == scorer.score(document)
    assert ReadabilityScorer().score(document) == scorer.score(document)

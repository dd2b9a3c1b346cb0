"""framing.features.sentiment.vader gives exactly vaderSentiment 3.3.2's polarity_scores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_articles import allsides_texts
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.document.parse import build_document
from framing.features.sentiment.vader import FastSentimentAnalyzer, load_lexicons

LIBRARY = SentimentIntensityAnalyzer()
FAST = FastSentimentAnalyzer()

# Each case exercises one of VADER's rules.
CASES = [
    "",
    "   ",
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "good good but good good bad bad but bad good",  # equal values around "but"
    # The library rescales the first *equal* value (list.index): "lol" (1.8)
    # halved is 0.9, the value of "wilco", so "lol" is halved twice and
    # "wilco", after "but", is not raised.
    "lol but wilco",
    "agony and more agony, but blocks",
    "no problem, no good, no or nor bad, no",
    "At least it isn't a horrible book. It was the least bad.",
    "never so good, never this bad, without doubt great, it is so very good",
    "That was the shit and the bomb, a kiss of death, to die for; sort of nice, kind of sad",
    "Today SUX! But I'll get by, lol :) :D",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "😁start 😁😁 end😁",
    "copyright ©2019 Reuters™ — all good",
    "Really??? Is it good?? Wow!!!!!",
    "I don't like it. Ain't nobody happy. Can't stand it.",
]


@pytest.mark.parametrize("text", CASES)
def test_rules_match_the_library(text):
    assert FAST.polarity_scores(text) == LIBRARY.polarity_scores(text)


def test_values_checked_by_hand():
    # "good" is 1.9 in the lexicon: compound = 1.9 / sqrt(1.9² + 15) = 0.4404.
    assert FAST.polarity_scores("good") == {"neg": 0.0, "neu": 0.0, "pos": 1.0, "compound": 0.4404}
    # One emoji, described as "grinning face" ("grinning" scores 1.4 in the lexicon).
    assert FAST.polarity_scores("😀")["compound"] == LIBRARY.polarity_scores("grinning face")["compound"]


def test_identical_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        doc = build_document("seed", text)
        units = [text, doc.body] + [s.text for s in doc.sentences]
        for unit in units:
            assert FAST.polarity_scores(unit) == LIBRARY.polarity_scores(unit)


def test_identical_on_real_articles():
    texts = allsides_texts(200)
    mismatches = []
    for number, text in enumerate(texts):
        units = [s.text for s in build_document(str(number), text).sentences]
        if number < 100:  # the library is quadratic on whole texts: a hundred is enough
            units.append(text)
        mismatches += [unit for unit in units if FAST.polarity_scores(unit) != LIBRARY.polarity_scores(unit)]
    assert mismatches == []


VOCABULARY = ["good", "bad", "great", "horrible", "not", "no", "never", "but", "BUT", "very", "VERY",
              "kind", "of", "sort", "least", "at", "so", "this", "without", "doubt", "the", "shit",
              "GOOD", "isn't", "nor", "or", "!", "?", "😁", "💔", ":)", "a", "Good!", "(bad)", "\n",
              # valences 1.8, 0.9, 1.2, -1.8, -0.9: halved or times 1.5 they equal another
              "lol", "wilco", "ok", "agony", "blocks"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=40), st.lists(st.booleans(), max_size=40))
def test_random_word_sequences_match(words, glue):
    # Glue some words together (no space) so emojis and punctuation touch words.
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue + [False] * len(words)))
    assert FAST.polarity_scores(text) == LIBRARY.polarity_scores(text)


def test_lexicon_is_loaded_once_per_process():
    assert FastSentimentAnalyzer().lexicon is FAST.lexicon
    lexicon, emojis = load_lexicons()
    assert lexicon == LIBRARY.lexicon and emojis == LIBRARY.emojis

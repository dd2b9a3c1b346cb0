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


def _sentence_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    doc = build_document("spans", text)
    return doc.body, [(s.start, s.end) for s in doc.sentences]


# Sentence edges: capitals in one sentence only, "kind of", "no", "but",
# "least" and idioms next to a sentence boundary, a sentence of one word.
SPAN_CASES = [
    "The deal is GREAT. It was not good at all. Bad!",
    "It was kind. Of course it was good. No. Good people came, but the bad ones too.",
    "Least. At least it was fine. Very least bad. Kiss. Of death was near. Sort of nice.",
    "Never. So good. Without. Doubt great. This was the SHIT and the bomb.",
    "VERY good. VERY GOOD. Very GOOD news, but NOT great. It was not VERY bad.",
    "Good.\n\nBad.\nBut good? Really?? Wow!!!",
    # Emojis become words (the description of 🔛 holds a "!"); © is common in news.
    "Great day 😁. 😁Start here. End😁😁 🔛 now. Sad 💔 but fine.\n© 2019 Reuters. Not 👍 at all.",
]


@pytest.mark.parametrize("text", SPAN_CASES)
def test_span_scores_are_each_span_scored_alone(text):
    body, spans = _sentence_spans(text)
    scores, whole = FAST.span_scores(body, spans)
    assert scores == [LIBRARY.polarity_scores(body[start:end]) for start, end in spans]
    assert whole == LIBRARY.polarity_scores(body)


def test_span_scores_by_hand():
    # "not a failure": "failure" (-2.3) negated by N_SCALAR (-0.74) is 1.702,
    # compound 1.702 / sqrt(1.702² + 15) = 0.4023; "Sadly" (-1.8) alone:
    # -1.8 / sqrt(1.8² + 15) = -0.4215.
    text = "It was not a failure. Sadly, the talks go on."
    scores, whole = FAST.span_scores(text, [(0, 21), (22, 45)])
    assert [s["compound"] for s in scores] == [0.4023, -0.4215]
    assert whole == LIBRARY.polarity_scores(text)


def test_spans_off_word_boundaries_are_scored_alone():
    text = "Not bad at all. Very GOOD 😁 indeed, but sad."
    spans = [(0, 15), (2, 10), (16, 44), (16, 20)]
    scores, whole = FAST.span_scores(text, spans)
    assert scores == [LIBRARY.polarity_scores(text[start:end]) for start, end in spans]
    assert whole == LIBRARY.polarity_scores(text)
    plain = text.replace("😁 ", "")
    scores, whole = FAST.span_scores(plain, [(2, 10), (16, 20)])
    assert scores == [LIBRARY.polarity_scores(plain[2:10]), LIBRARY.polarity_scores(plain[16:20])]


def test_span_scores_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        body, spans = _sentence_spans(text)
        scores, whole = FAST.span_scores(body, spans)
        assert scores == [LIBRARY.polarity_scores(body[start:end]) for start, end in spans]
        assert whole == LIBRARY.polarity_scores(body)


def test_span_scores_on_real_articles():
    mismatches = []
    for number, text in enumerate(allsides_texts(150)):
        body, spans = _sentence_spans(text)
        scores, whole = FAST.span_scores(body, spans)
        mismatches += [(number, start) for (start, end), got in zip(spans, scores)
                       if got != LIBRARY.polarity_scores(body[start:end])]
        if whole != FAST.polarity_scores(body):  # the library is quadratic on whole texts
            mismatches.append((number, "whole"))
    assert mismatches == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY + ["."] * 6), max_size=50))
def test_random_sentences_match(words):
    # Full stops glued to the previous word end sentences wherever they fall.
    text = " ".join(words).replace(" .", ".")
    body, spans = _sentence_spans(text)
    scores, whole = FAST.span_scores(body, spans)
    assert scores == [LIBRARY.polarity_scores(body[start:end]) for start, end in spans]
    assert whole == LIBRARY.polarity_scores(body)

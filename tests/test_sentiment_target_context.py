"""Context of a target mention (framing.features.sentiment.target_context) on hand-made sentences.

Valences are VADER's lexicon entries: attacked -2.0, rebels -0.8, help 1.7,
promised 1.5, refused -1.2, war -2.9, threat -2.4, angrily -1.8, won 2.7, lost -1.3.
"""

from __future__ import annotations

import math

import pytest

from framing.document.parse import Quote, build_document
from framing.features.sentiment.scorer import make_analyzer
from framing.features.sentiment.target_context import (
    SentenceContext,
    is_speech,
    masked_ngrams,
    masked_tokens,
    mention_features,
    mention_ngrams,
    position_ngrams,
    sentence_context,
)

NEUTRAL = {"compound": 0.0, "pos": 0.0, "neg": 0.0, "neu": 1.0}


@pytest.fixture(scope="module")
def lexicon():
    return make_analyzer().lexicon


def features(lexicon, text, m0, m1=None, in_quote=False, quote_words=None):
    ctx = sentence_context(text, lexicon)
    return mention_features(ctx, m0, m0 + 1 if m1 is None else m1, NEUTRAL, in_quote, quote_words)


@pytest.mark.parametrize("text, m0, speaker", [
    ("NATO said it would defend every member.", 0, 1.0),
    ("Russia told reporters the talks had failed.", 0, 1.0),
    ("According to Russia, the war is over.", 2, 1.0),
    ("The alliance has warned Moscow twice.", 1, 1.0),
    # Spoken about, not speaking: the reporting verb comes before the mention.
    ("Critics said NATO failed.", 2, 0.0),
    ("NATO attacked Yugoslavia.", 0, 0.0),
])
def test_who_speaks(lexicon, text, m0, speaker):
    assert features(lexicon, text, m0)["speaker"] == speaker


def test_speaker_carries_the_tone_of_what_it_says(lexicon):
    # "the war is over" is another clause (after the comma): -2.9 outside the speaker's clause.
    f = features(lexicon, "According to Russia, the war is over.", 2)
    assert f["speaker_outside_neg"] == f["outside_neg"] == -2.9
    assert f["subject"] == 0.0  # "according to" opens the clause, so Russia is not its subject


def test_passive_subject_and_by_agent(lexicon):
    text = "Russia was attacked by rebels."
    russia = features(lexicon, text, 0)
    assert (russia["passive"], russia["subject"], russia["speaker"]) == (1.0, 0.0, 0.0)
    # Everything to its right is done to it: attacked -2.0 + rebels -0.8.
    assert russia["patient_neg"] == pytest.approx(-2.8)
    assert russia["agent_neg"] == 0.0
    # Distance-weighted: -2.0 / (1 + 2/3) + -0.8 / (1 + 4/3).
    assert russia["weighted_neg"] == pytest.approx(-1.2 - 0.8 * 3 / 7)
    rebels = features(lexicon, text, 4)
    assert (rebels["passive"], rebels["by_agent_neg"], rebels["patient_neg"]) == (0.0, -2.0, 0.0)
    assert rebels["position"] == 0.8 and rebels["log_length"] == math.log1p(5)


@pytest.mark.parametrize("text, passive", [
    ("Russia was attacked by rebels.", 1.0),
    ("Russia has been attacked again.", 1.0),
    ("Russia got punished for it.", 1.0),
    ("Russia attacked rebels.", 0.0),
    ("Russia is a large country.", 0.0),
])
def test_passive_table(lexicon, text, passive):
    assert features(lexicon, text, 0)["passive"] == passive


def test_contrast_word_splits_the_sentence(lexicon):
    text = "NATO promised help, but Russia refused."
    assert sentence_context(text, lexicon).clauses == (0, 0, 0, 1, 1, 1)
    nato = features(lexicon, text, 0)
    assert (nato["before_contrast"], nato["after_contrast"]) == (1.0, 0.0)
    assert (nato["clause_pos"], nato["clause_neg"], nato["outside_neg"]) == (pytest.approx(3.2), 0.0, -1.2)
    assert nato["agent_pos"] == pytest.approx(3.2)  # NATO does the promising
    russia = features(lexicon, text, 4)
    assert (russia["before_contrast"], russia["after_contrast"]) == (0.0, 1.0)
    assert (russia["clause_pos"], russia["clause_neg"], russia["outside_pos"]) == (0.0, -1.2, pytest.approx(3.2))


@pytest.mark.parametrize("text, words, clauses", [
    ("NATO, which grew, met.", ("nato", "which", "grew", "met"), (0, 1, 1, 2)),
    ("Russia won while Ukraine lost.", ("russia", "won", "while", "ukraine", "lost"), (0, 0, 1, 1, 1)),
    ("Ukraine - the victim - fought back.", ("ukraine", "the", "victim", "fought", "back"), (0, 1, 1, 2, 2)),
    # A hyphen inside a word joins it; only a spaced dash cuts the clause.
    ("Russia-backed forces left.", ("russia-backed", "forces", "left"), (0, 0, 0)),
])
def test_clauses_table(lexicon, text, words, clauses):
    ctx = sentence_context(text, lexicon)
    assert (ctx.words, ctx.clauses) == (words, clauses)


def test_possessive_mention(lexicon):
    # "NATO's" is one word; failure -2.3 and shocked -1.3 follow it.
    f = features(lexicon, "NATO's failure shocked Kyiv.", 0)
    assert f["possessive_neg"] == pytest.approx(-3.6)


def test_quote_features_only_inside_speech(lexicon):
    text = "“NATO is a threat,” Lavrov said angrily."
    outside = features(lexicon, text, 0)
    assert (outside["in_quote"], outside["quote_pos"], outside["quote_neg"]) == (0.0, 0.0, 0.0)
    inside = features(lexicon, text, 0, in_quote=True, quote_words=(0, 4))
    assert inside["in_quote"] == 1.0
    # The frame's "angrily" lies in another clause, outside the quote.
    assert inside["outside_neg"] == -1.8


def test_quote_neg_counts_the_negative_words_of_the_quote(lexicon):
    inside = features(lexicon, "“NATO is a threat,” Lavrov said angrily.", 0, in_quote=True, quote_words=(0, 4))
    assert inside["quote_neg"] == -2.4  # "threat", the speaker's own word; not the frame's "angrily"


def test_curly_apostrophe_negates_like_a_straight_one(lexicon):
    straight = sentence_context("It isn't a disaster.", lexicon).valences
    curly = sentence_context("It isn’t a disaster.", lexicon).valences
    assert curly == straight


@pytest.mark.parametrize("text, expected", [
    ("“We will not accept this,” Lavrov said.", [True]),  # 5 words
    ("“Stop the war now,” she said.", [True]),  # 4 words: the threshold
    ("Kyiv called it “business as usual” on Monday.", [False]),  # 3 words: a scare quote
    ("He said ‘we will not accept this at all’ and left.", [False]),  # single marks are not speech
])
def test_is_speech_on_parsed_quotes(text, expected):
    assert [is_speech(q) for q in build_document("a", text).quotes] == expected


@pytest.mark.parametrize("quote, expected", [
    (None, False),
    (Quote(0, 20, "We will stand firm", "double", 4), True),
    (Quote(0, 15, "We stand firm", "double", 3), False),
    (Quote(0, 20, "We will stand firm", "single", 4), False),
])
def test_is_speech_table(quote, expected):
    assert is_speech(quote) is expected


CTX = SentenceContext(("critics", "in", "kyiv", "slammed", "the", "alliance", "again", "on", "friday"),
                      (0.0,) * 9, (0,) * 9)


@pytest.mark.parametrize("m0, m1, expected", [
    (4, 6, ["critics", "in", "kyiv", "slammed", "<t>", "again", "on", "friday"]),  # "the alliance" is one <t>
    (0, 1, ["<t>", "in", "kyiv", "slammed", "the", "alliance", "again", "on", "friday"]),
    (8, 8, ["critics", "in", "kyiv", "slammed", "the", "alliance", "again", "on", "<t>"]),  # empty span: one word
])
def test_masked_tokens_table(m0, m1, expected):
    assert masked_tokens(CTX, m0, m1) == expected


@pytest.mark.parametrize("text, m0, m1, expected", [
    # Three words after a negation are marked; the fourth is not.
    ("NATO did not help the people of Kyiv", 0, 1, ["<t>", "did", "not", "not_help", "not_the", "not_people", "of",
                                                   "kyiv"]),
    # The scope ends with the clause ("," here), so "praised" stays unmarked.
    ("Russia never attacked, others praised Kyiv", 5, 6, ["russia", "never", "not_attacked", "others", "praised",
                                                         "<t>"]),
])
def test_masked_tokens_mark_negation_within_its_clause(lexicon, text, m0, m1, expected):
    assert masked_tokens(sentence_context(text, lexicon), m0, m1) == expected


def test_masked_ngrams_are_words_and_word_pairs():
    assert masked_ngrams(CTX, 4, 6) == {"critics", "in", "kyiv", "slammed", "<t>", "again", "on", "friday",
                                        "critics in", "in kyiv", "kyiv slammed", "slammed <t>", "<t> again",
                                        "again on", "on friday"}


@pytest.mark.parametrize("tokens, expected", [
    # "slammed <t>" and "<t> slammed" are different places: who slams whom.
    (["critics", "slammed", "<t>"], {"L1|slammed", "L2|critics", "L12|critics slammed"}),
    (["<t>", "slammed", "critics"], {"R1|slammed", "R2|critics", "R12|slammed critics"}),
    # One word on each side; negation marks are kept.
    (["not_<x>", "<t>", "lost"], {"L1|not_<x>", "R1|lost"}),
    # The mention alone, or (past the sentence's last word) no mention at all.
    (["<t>"], set()),
    (["critics", "slammed"], set()),
])
def test_position_ngrams_table(tokens, expected):
    assert position_ngrams(tokens) == expected


def test_mention_ngrams_add_places_to_the_masked_ngrams():
    assert mention_ngrams(CTX, 4, 6) == masked_ngrams(CTX, 4, 6) | {
        "L1|slammed", "L2|kyiv", "L12|kyiv slammed", "R1|again", "R2|on", "R12|again on"}


@pytest.mark.parametrize("text, word, sign", [
    # Seeds, RT: a positive word that a shifter drops reads negative (VADER's positive 1.3 times -0.74).
    ("NATO itself has dropped any positive agenda in relations with Russia.", "positive", -1),
    ("Moscow abandoned its peace plan.", "peace", -1),
    ("The EU lacks support.", "support", -1),
    # Negative words are left alone: "ended the war" is no praise of war.
    ("Kyiv ended the war.", "war", -1),
    # Only within the shifter's clause.
    ("They dropped the charges, a good outcome.", "good", 1),
    # More than three words after the shifter: out of reach.
    ("NATO dropped the plan for a new positive agenda.", "positive", 1),
])
def test_polarity_shifters(lexicon, text, word, sign):
    ctx = sentence_context(text, lexicon)
    assert math.copysign(1, ctx.valences[ctx.words.index(word)]) == sign

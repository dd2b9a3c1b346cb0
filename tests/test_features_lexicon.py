"""Contested terms, their voice and scare quotes, pinned on the seeds corpus (checked by hand)."""

from __future__ import annotations

import math

import pytest

from framing.document.parse import build_document
from framing.features import LexiconFeatures
from framing.features.lexicon import LexiconScorer, quote_kinds


@pytest.fixture(scope="module")
def scorer():
    return LexiconScorer()


def hits(result, **want):
    return [f for f in result.findings if f.kind == "contested_term"
            and all(f.detail[k] == v for k, v in want.items())]


def test_rt_reunification_in_own_voice_military_bloc_and_scare_quoted_threat(scorer, seed_document):
    result = scorer.score(seed_document("000"))
    (reunification,) = hits(result, concept="crimea_2014")
    assert (reunification.text, reunification.detail["side"], reunification.detail["voice"]) == (
        "reunification", "russia", "own")
    assert [f.text for f in hits(result, variant="military bloc")] == ["military bloc"]
    # "the diplomat said, adding that the old, trusty 'Russian threat' narrative …" is the diplomat's
    # phrase; "to further peddle the 'Russian threat' narrative" is RT's own.  "The military bloc
    # claimed there can be no "business as usual"" and "Grushko said that … has become "business as
    # usual"" quote the speaker of their clause.
    threats = hits(result, concept="russian_threat")
    assert [(f.text, f.detail["voice"]) for f in threats] == [("Russian threat", "quoted"),
                                                             ("Russian threat", "scare_quote")]
    scare = [f.text for f in result.findings if f.kind == "scare_quote"]
    assert scare == ["eastern flank", "Russian threat"]
    assert result.features["n_scare_quotes"] == 2.0


def test_moscow_times_annexation(scorer, seed_document):
    result = scorer.score(seed_document("002"))
    (annexation,) = hits(result, concept="crimea_2014")
    assert (annexation.text, annexation.detail["side"], annexation.detail["voice"]) == (
        "annexation", "ukraine_west", "own")
    sentence = seed_document("002").sentences[annexation.sentence_index].text
    assert "annexation of the Crimean peninsula" in sentence


def test_a_term_with_brace_alternatives_is_named_by_its_forms_not_its_pattern(scorer):
    # NPR (AllSides corpus): the lexicon writes annex{|es|ed|ing}; the report must not show the braces.
    doc = build_document("npr", "Those looks disappeared once Russia annexed Crimea. Moscow denied it. "
                                "Russia's troops stayed in Crimea, and the Kremlin said so.")
    (annexed,) = hits(scorer.score(doc), concept="crimea_2014")
    assert (annexed.text, annexed.detail["variant"]) == ("annexed", "annex / annexed / annexes / annexing")


def test_tass_eastern_flank_inside_a_quote(scorer, seed_document):
    result = scorer.score(seed_document("004"))
    flanks = hits(result, concept="nato_eastern_members")
    assert [(f.text, f.detail["voice"]) for f in flanks] == [("eastern flank", "quoted")] * 2
    assert [f.text for f in hits(result, concept="russian_threat")] == ["non-existent threat"]
    assert not [f for f in result.findings if f.kind == "scare_quote"]


def test_fort_russ_so_called_russian_threat(scorer, seed_document):
    result = scorer.score(seed_document("001"))
    scare = [f for f in result.findings if f.kind == "scare_quote"]
    # the so-called “Russian threat” (narrator) and ‘Russian threat’ nested in Grushko's quote
    assert [(f.text, f.detail["so_called"], f.detail["mark"]) for f in scare] == [
        ("Russian threat", True, "double"), ("Russian threat", False, "single")]
    assert {f.detail["voice"] for f in hits(result, concept="russian_threat")} == {"scare_quote"}


def test_partial_quote_of_a_speaker_is_not_a_scare_quote(seed_document):
    # There was “very active cooperation” ... but “now our partners, ...,” he pointed out.
    doc = seed_document("003")
    kinds = dict(zip((q.text for q in doc.quotes), quote_kinds(doc), strict=True))
    assert kinds["very active cooperation"] == "speech"


def test_rates_per_thousand_words_and_fixed_names(scorer):
    doc = build_document("t", "Kyiv rejected the annexation of Crimea. Kyiv said so.")
    result = scorer.score(doc)
    # 9 words; "annexation" once and "Kyiv" twice.
    assert result.features["russia_ukraine_nato.crimea_2014.ukraine_west_per_1k"] == pytest.approx(
        1000 / 9)
    assert result.features["russia_ukraine_nato.place_name_spelling.ukraine_west_per_1k"] == (
        pytest.approx(2000 / 9))
    assert result.features["russia_ukraine_nato.ukraine_west_own_per_1k"] == pytest.approx(3000 / 9)
    assert result.features["contested_own_share"] == 1.0
    assert list(result.features) == scorer.feature_names
    empty = scorer.score(build_document("e", ""))
    assert math.isnan(empty.features["contested_per_1k"])
    assert math.isnan(empty.features["contested_own_share"])


def test_user_lexicon_file_adds_features(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text('''[pack]
name = "mine"
version = "1"
author = "me"
description = "Mine."
[pack.sides]
x = "X"
y = "Y"
[[concept]]
id = "tax"
description = "Estate tax."
note = "n"
source = "s"
[concept.terms]
x = ["death tax"]
y = ["estate tax"]
''', encoding="utf-8")
    scorer = LexiconScorer(lexicon_files=[pack], packs=[])
    assert scorer.feature_names[:2] == ["mine.tax.x_per_1k", "mine.tax.y_per_1k"]
    result = scorer.score(build_document("d", "They call the estate tax a death tax."))
    assert result.features["mine.tax.x_per_1k"] == pytest.approx(1000 / 8)


def test_transformer_names_columns():
    transformer = LexiconFeatures(packs=["climate"]).fit([])
    names = list(transformer.get_feature_names_out())
    assert names[0] == "lexicon__climate.climate_phenomenon.urgent_per_1k"
    # 10 words, about the climate (warming, climate, greenhouse: three anchor mentions)
    about, passing = transformer.transform([
        build_document("a", "Global warming, the climate crisis and greenhouse gases rise fast."),
        build_document("b", "Global warming, the climate crisis: no one talks of anything else.")])
    assert about[names.index("lexicon__climate.climate_phenomenon.descriptive_per_1k")] == 100.0
    assert about[names.index("lexicon__climate.applied")] == 1.0
    # two mentions: the pack does not apply, so its terms count for nothing
    assert passing[names.index("lexicon__climate.applied")] == 0.0
    assert passing[names.index("lexicon__climate.climate_phenomenon.descriptive_per_1k")] == 0.0


def test_a_short_quote_inside_a_speakers_quotation_is_marked_nested(scorer):
    # CNN (AllSides corpus): 'dirt' is inside the FBI's quoted words, not CNN's own marks.
    doc = build_document("cnn", "In court records unsealed on Monday, the FBI said George Papadopoulos \"falsely "
                                "described his interactions with a certain foreign contact who discussed 'dirt' "
                                "related to emails\" concerning Hillary Clinton. "
                                "Republicans passed the 'reform' in March.")
    scare = [(f.text, f.detail["nested"]) for f in scorer.score(doc).findings if f.kind == "scare_quote"]
    assert scare == [("dirt", True), ("reform", False)]


def test_a_quoted_name_is_not_a_scare_quote(scorer):
    # Breitbart News (AllSides corpus): "Gang of Eight" names the senators' bill, the marks keep no distance;
    # the bare 'amnesty' two sentences on is the writer's scare quote.
    doc = build_document("breitbart", "On immigration, he expects a legislative solution that has all the parts of "
                                      "the massively controversial “Gang of Eight” immigration bill. "
                                      "Critics call it the “Amnesty for Illegal Immigrants” act. "
                                      "The senators' 'amnesty' for immigrants failed in the House.")
    assert quote_kinds(doc) == ["name", "name", "scare"]
    result = scorer.score(doc)
    assert [f.text for f in result.findings if f.kind == "scare_quote"] == ["amnesty"]
    assert [(f.text, f.detail["voice"]) for f in hits(result)] == [("amnesty", "scare_quote")]


def test_a_quoted_letter_is_a_grade_not_a_scare_quote(scorer):
    # Washington Times (AllSides corpus): the NRA's "A" rating.
    doc = build_document("wt", "Mr. Paul has not received any formal endorsements or money from the gun lobby "
                               "despite his “A” voting record rating from the NRA.")
    assert quote_kinds(doc) == ["name"]
    assert not [f for f in scorer.score(doc).findings if f.kind == "scare_quote"]


@pytest.mark.parametrize("text", [
    # Townhall, Politico and The Hill (AllSides corpus): a word quoted as a word.
    "YouGov should have followed up by asking people to define “semiautomatic” and presenting them with four "
    "possible definitions.",
    "Turns out, not only did the word “donations” not appear in Manafort’s notes, but the word “donor” didn’t, "
    "either.",
    "Obama will tighten the definition of what it means to be “engaged in the business” of firearms sales.",
])
def test_a_word_quoted_as_a_word_is_not_a_scare_quote(text):
    assert "scare" not in quote_kinds(build_document("x", text))


@pytest.mark.parametrize("text, kinds", [
    # Reuters, Associated Press, Vox and USA TODAY (AllSides corpus): a lower-case phrase
    # quoted before "policy", "law", "rule" or "movement" names the measure.
    ('Immigrant children, many of whom have been separated from their parents under a new "zero tolerance" '
     'policy by the Trump administration, are shown walking in single file.', ["name"]),
    ("All four Florida residents had their guns taken away by judges under a “red flag” law the state passed "
     "three weeks after the shooting.", ["name"]),
    ("Immigrants will likely end up relying on public benefits under the “public charge” rule, which went "
     "into effect in February.", ["name"]),
    ('A Biden campaign spokesman staked out the former vice president\'s position on the "defund the police" '
     'movement for the first time.', ["name"]),
    # Townhall, the Washington Times and Fox News: one quoted word before the noun still doubts it.
    ('They’re taking their children out of this "educational" program.', ["scare"]),
    ("On Thursday, the GOP accepted defeat, passing a bill that gives Mr. Obama a “clean” bill to reopen "
     "government through January.",
     ["scare"]),
    ("President Obama has never made a secret of his “counter-terrorism” policy.", ["scare"]),
    # Christian Science Monitor: Paul Ryan's words before "strategy" stay his.
    ("He stated that the House is “serious” about immigration reform because it’s a “pro-growth” strategy "
     "that, if left unaddressed, denies the country of its “intellectual capital.”", ["speech"] * 3),
])
def test_a_quoted_phrase_before_policy_or_law_names_the_measure(text, kinds):
    assert quote_kinds(build_document("x", text)) == kinds


def test_a_contested_term_in_a_quoted_policy_name_is_the_writers_wording(scorer):
    doc = build_document("reuters", 'Children were separated from their parents at the border under the '
                                    '"zero tolerance" policy of the Trump administration on immigration.')
    assert not [f for f in scorer.score(doc).findings if f.kind == "scare_quote"]
    assert {f.detail["voice"] for f in hits(scorer.score(doc))} <= {"own"}


# AllSides articles (ramybaly/Article-Bias-Prediction): a short quote after a speech verb a few words
# back in its own clause is the speaker's words; "calls for" names no one's words, and a clause of
# the writer's own after ";" keeps its scare quote.
@pytest.mark.parametrize("text, kinds", [
    ('Trump says the Senate bill will “stabilize” the insurance market.', ["speech"]),
    ("On Thursday, Obama said that not passing immigration reform was the “biggest failure” of his term.",
     ["speech"]),
    ('Trump called Michael Atkinson a “disgrace” after informing Congress late Friday night.', ["speech"]),
    ("Friday, in a series of tweets, he suggested it was time to \"liberate\" Michigan, Minnesota and Virginia.",
     ["speech"]),
    ('The Justice in Police Act of 2020 also calls for the end of "qualified immunity" for officers.', ["scare"]),
    ('He says the inquiry is a "witch hunt"; the "reform" was passed anyway.', ["speech", "scare"]),
])
def test_a_short_quote_in_a_clause_that_says_who_speaks_is_speech(text, kinds):
    assert quote_kinds(build_document("x", text)) == kinds


# AllSides Middle East articles: a short quote whose speaker the sentence names after it, and a nickname.
@pytest.mark.parametrize("text, kinds", [
    ("“Israel is safer” as a result of the accord, Mr. Kerry said on MSNBC.", ["speech"]),
    ("France will supply arms to Iraq's Kurds \"in the coming hours\", French President Francois Hollande has "
     "announced.", ["speech"]),
    ('U.S. warplanes have a "green light" to go after perceived ISIS threats to the Kurdish capital, Irbil, '
     "said deputy national security adviser Ben Rhodes.", ["speech"]),
    ("An officer made the “bad decision” to open fire on the plane after mistaking it for a cruise missile, "
     "he added.", ["speech"]),
    ("With the latest negotiating deadline passed, Moscow will dispatch the S-300s “promptly” to the Islamic "
     "Republic, according to the Russian Defense Ministry.", ["speech"]),
    ('The deal was a "win-win", the official said — but critics disagreed.', ["speech"]),
])
def test_a_short_quote_whose_speaker_the_sentence_names_after_it_is_speech(text, kinds):
    assert quote_kinds(build_document("x", text)) == kinds


@pytest.mark.parametrize("text, kinds", [
    # Another clause's verb, a relative or "to" clause, a participle or a passive is no attribution of the quote.
    ('Al-Baghdadi, the self-proclaimed "caliph" of the Islamic State, made news in August when the family of '
     "Kayla Mueller, an American aid worker, claimed their daughter had been raped by the ISIL leader.", ["scare"]),
    ('The "independent" commission, led by a former Trump aide, said the election was clean.', ["scare"]),
    ('The "reform" failed, a setback for a president who said he would fix health care.', ["scare"]),
    ('The "migrant caravan" reached the border, prompting Trump to announce new troops.', ["scare"]),
    ("California received funding targeted for “medication-assisted treatment” like buprenorphine, and more "
     "physicians received licenses to prescribe the medication around the state.", ["scare"]),
    ('Children separated under a new "zero tolerance" policy by the Trump administration, are shown walking in '
     "single file.", ["name"]),
])
def test_a_quote_that_no_part_after_it_attributes_keeps_its_kind(text, kinds):
    assert quote_kinds(build_document("x", text)) == kinds


@pytest.mark.parametrize("text, kinds", [
    ("One of those hawks — Rep. Howard P. “Buck” McKeon, California Republican — spoke on Thursday.", ["name"]),
    ("He called Iran's \"Moderate\" President a fraud.", ["speech"]),
])
def test_a_nickname_inside_a_name_is_a_name_but_a_word_after_a_possessive_is_not(text, kinds):
    assert quote_kinds(build_document("x", text)) == kinds

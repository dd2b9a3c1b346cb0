"""What framing.compare.findings finds, as data, on tiny hand-made aggregates.

Two outlets: RT writes "reunification" (the Russian side's term) in its own
voice, The Moscow Times "annexation" (the Western side's term); RT mostly
quotes the Russian government, The Moscow Times mostly the Ukrainian one.
The sentences are written by the report's templates (tests/test_report_findings.py).
"""

from collections import Counter
from dataclasses import dataclass

import pytest

from framing.compare import finding_types, findings, group_findings
from framing.compare.aggregate import Estimate
from framing.compare.summaries import GroupEvidence, Speaker, TermUse

PACK = "russia_ukraine_nato"
RT, MT = "RT", "The Moscow Times"
ORDER = [RT, MT]
TONE = "sentiment__sentence_mean"
NAN = float("nan")


@dataclass(frozen=True)
class Measure:
    column: str
    label: str
    unit: str
    digits: int


SENTENCE_TONE = Measure(TONE, "Sentence tone", "mean VADER compound, −1 to +1", 2)


def term(concept, side, variant, articles=("a1",), **voices):
    return TermUse(PACK, concept, side, variant, Counter(voices), articles=set(articles))


def evidence_of(*uses, speakers=(), side_kinds=None, scare=None):
    ev = GroupEvidence()
    ev.terms = {(u.pack, u.concept, u.variant): u for u in uses}
    ev.speakers = {s.name: s for s in speakers}
    ev.side_kinds = Counter(side_kinds or {})
    for phrase, n in (scare or {}).items():
        ev.scare_quotes[phrase] = n
        ev.scare_examples[phrase] = {"text": phrase, "sentence": f"They call it “{phrase}”.", "id": "x"}
    return ev


@pytest.fixture
def evidence():
    rt = evidence_of(
        term("crimea_2014", "russia", "reunification", ("rt1", "rt2"), own=3),
        speakers=[Speaker("Sergei Lavrov", "russia_gov", True, Counter(direct=3), Counter(said=2, stressed=1))],
        side_kinds={("russia_gov", "direct"): 3, ("ukraine_gov", "indirect"): 1})
    mt = evidence_of(
        term("crimea_2014", "west", "annexation", ("mt1", "mt2"), own=2, quoted=1),
        term("crimea_2014", "russia", "reunification", ("mt1",), quoted=1),
        speakers=[Speaker("Dmytro Kuleba", "ukraine_gov", True, Counter(indirect=2), Counter(claimed=2))],
        side_kinds={("ukraine_gov", "indirect"): 2, ("russia_gov", "direct"): 1},
        scare={"peacekeepers": 2, "referendum": 1})
    return {RT: rt, MT: mt}


def tone_table(rt, mt):
    """Per group a sentence-tone estimate ``(mean, low, high, n)``."""
    return {RT: {TONE: Estimate(*rt)}, MT: {TONE: Estimate(*mt)}}


ROWS = [{"group": RT, TONE: v} for v in (0.1, 0.2, 0.3)] + [{"group": MT, TONE: v} for v in (-0.4, -0.3, -0.2)]


def test_group_terms_give_voice_keys_not_wording(evidence):
    terms = group_findings.group_terms(evidence[MT])
    assert [(t["variant"], t["side"], t["total"], t["voices"]) for t in terms] == [
        ("annexation", "west", 3, [("own", 2), ("quoted", 1)]),
        ("reunification", "russia", 1, [("quoted", 1)]),
    ]


def test_group_speakers_give_verb_counts_most_used_first(evidence):
    (lavrov,) = group_findings.group_speakers(evidence[RT])
    assert lavrov["verbs"] == [("said", 2), ("stressed", 1)]
    assert (lavrov["side"], lavrov["direct"], lavrov["indirect"]) == ("Russian government", 3, 0)


def test_largest_difference_is_which_outlet_uses_which_term(evidence):
    table = tone_table((0.2, 0.1, 0.3, 3), (-0.3, -0.4, -0.2, 3))
    differences = findings.largest_differences(ORDER, ROWS, table, evidence, [SENTENCE_TONE])
    assert [d.kind for d in differences] == ["wording", "voices", "measure"]
    wording = differences[0]
    assert (wording.concept, wording.label) == ("crimea_2014", "Crimea 2014")
    # Each outlet's most used wording (own voice first): alphabetical among equally many groups.
    # With their support: 3 uses in 2 articles each, enough to be stated.
    assert wording.uses == (finding_types.WordingUse((MT,), "annexation", "west", "own", 3, 2, (), 3, 2),
                            finding_types.WordingUse((RT,), "reunification", "russia", "own", 3, 2, (), 3, 2))
    assert wording.supported


def test_whom_each_outlet_lets_speak(evidence):
    voices = findings.largest_differences(ORDER, ROWS, tone_table((0, 0, 0, 1), (0, 0, 0, 1)), evidence, [])[1]
    # RT: 3 of 4 statements from the Russian government; The Moscow Times: 2 of 3 from the Ukrainian one.
    assert voices.shares == (finding_types.SpeakerShare(RT, "Russian government", 0.75),
                             finding_types.SpeakerShare(MT, "Ukrainian government", 2 / 3))
    assert not voices.same_side


def test_measure_spread_names_highest_and_lowest_and_how_clear(evidence):
    table = tone_table((0.2, 0.1, 0.3, 3), (-0.3, -0.4, -0.2, 3))
    spread = findings.largest_differences(ORDER, ROWS, table, evidence, [SENTENCE_TONE])[-1]
    assert (spread.measure, spread.high, spread.high_mean, spread.low, spread.low_mean) == (
        SENTENCE_TONE, RT, 0.2, MT, -0.3)
    # Gap 0.5 over the standard deviation of the six articles (0.263): intervals apart, so clear.
    assert spread.spread == pytest.approx(1.901, abs=1e-3)
    assert spread.clear


def test_overlapping_intervals_are_not_a_clear_difference(evidence):
    table = tone_table((0.2, -0.35, 0.3, 3), (-0.3, -0.4, -0.2, 3))
    *_, spread, none_clear = findings.largest_differences(ORDER, ROWS, table, evidence, [SENTENCE_TONE])
    assert (spread.high, spread.low, spread.clear) == (RT, MT, False)
    assert none_clear == finding_types.NoClearMeasure()


def test_single_articles_or_equal_means_give_no_clear_measure(evidence):
    single = tone_table((0.2, NAN, NAN, 1), (-0.3, NAN, NAN, 1))
    assert [d.kind for d in findings.largest_differences(ORDER, ROWS, single, evidence, [SENTENCE_TONE])][-2:] == [
        "measure", "no_clear_measure"]
    level = tone_table((0.1, 0.0, 0.2, 3), (0.1, 0.0, 0.2, 3))
    assert [d.kind for d in findings.largest_differences(ORDER, ROWS, level, evidence, [SENTENCE_TONE])] == [
        "wording", "voices"]


def test_one_outlet_has_nothing_to_differ_from(evidence):
    table = tone_table((0.2, 0.1, 0.3, 3), (-0.3, -0.4, -0.2, 3))
    assert findings.largest_differences([RT], ROWS, table, evidence, [SENTENCE_TONE]) == []


def test_discussion_questions_as_data(evidence):
    questions = findings.discussion_questions(ORDER, evidence)
    assert questions == [
        finding_types.WordingQuestion("Crimea 2014",
                                      finding_types.GroupWording(RT, "reunification", "russia", "own", 3, 2, (), 3, 2),
                                      finding_types.GroupWording(MT, "annexation", "west", "own", 3, 2, (), 3, 2)),
        finding_types.SourcesQuestion(RT, "Sergei Lavrov", "Russian government", MT),
        finding_types.SourcesQuestion(MT, "Dmytro Kuleba", "Ukrainian government", RT),
        finding_types.ScareQuoteQuestion(MT, "peacekeepers"),
        finding_types.ToneQuestion(),
    ]


def test_questions_stop_at_the_maximum(evidence):
    many = {**evidence, "TASS": evidence_of(speakers=[Speaker("Jens Stoltenberg", "nato_or_western_gov", True,
                                                              Counter(direct=1))]),
            "Meduza": evidence_of(speakers=[Speaker("An analyst", "independent_expert", False, Counter(direct=1))])}
    questions = findings.discussion_questions([RT, MT, "TASS", "Meduza"], many)
    assert len(questions) == findings.MAX_QUESTIONS
    assert [q.kind for q in questions] == ["wording", "sources", "sources", "sources", "sources", "scare_quote"]


def test_outlets_alike_give_only_the_tone_question():
    alike = {g: evidence_of(term("crimea_2014", "west", "annexation", own=1)) for g in ORDER}
    assert findings.discussion_questions(ORDER, alike) == [finding_types.ToneQuestion()]


def test_the_scare_quote_question_skips_marks_inside_a_speakers_quotation():
    quoted = GroupEvidence()  # CNN: 'dirt' twice, both inside the FBI's quoted words
    quoted.scare_quotes.update(dirt=2)
    quoted.nested_scare_quotes.update(dirt=2)
    quoted.scare_examples["dirt"] = {"text": "dirt"}
    own = GroupEvidence()
    own.scare_quotes.update(reform=1, dirt=1)
    own.nested_scare_quotes.update(dirt=1)
    own.scare_examples.update(reform={"text": "reform"}, dirt={"text": "dirt"})
    questions = findings.discussion_questions(["CNN", "Vox"], {"CNN": quoted, "Vox": own})
    assert [q for q in questions if q.kind == "scare_quote"] == [finding_types.ScareQuoteQuestion("Vox", "reform")]


def thin(rt_articles=("rt1",), rt_uses=1):
    """RT uses "reunification" ``rt_uses`` times in ``rt_articles``; The Moscow Times "annexation" 3 times in 2."""
    return {RT: evidence_of(term("crimea_2014", "russia", "reunification", rt_articles, own=rt_uses)),
            MT: evidence_of(term("crimea_2014", "west", "annexation", ("mt1", "mt2"), own=3))}


@pytest.mark.parametrize(("articles", "uses"), [(("rt1",), 1), (("rt1",), 4), (("rt1", "rt2"), 2)])
def test_a_wording_with_too_few_uses_or_articles_never_leads(articles, uses):
    table = tone_table((0.2, 0.1, 0.3, 3), (-0.3, -0.4, -0.2, 3))
    differences = findings.largest_differences(ORDER, ROWS, table, thin(articles, uses), [SENTENCE_TONE])
    # Kept, with its counts, after the measures: the report says it is too few to call a difference.
    assert [d.kind for d in differences] == ["measure", "wording"]
    assert not differences[-1].supported
    assert differences[-1].uses[1] == finding_types.WordingUse((RT,), "reunification", "russia", "own",
                                                               uses, len(articles), (), uses, len(articles))
    assert [q.kind for q in findings.discussion_questions(ORDER, thin(articles, uses))] == ["tone"]


def test_three_uses_in_two_articles_are_enough():
    (wording,) = findings.largest_differences(ORDER, ROWS, {}, thin(("rt1", "rt2"), 3), [])
    assert wording.supported
    assert findings.discussion_questions(ORDER, thin(("rt1", "rt2"), 3))[0].kind == "wording"


def test_a_tie_is_listed_not_broken():
    rt = evidence_of(term("russian_threat", "russia", "non-existent threat", ("rt1", "rt2"), own=3),
                     term("russian_threat", "russia", "phantom threat", ("rt2", "rt3"), own=3))
    mt = evidence_of(term("russian_threat", "west", "Russian aggression", ("mt1", "mt2"), own=4))
    (wording,) = findings.largest_differences(ORDER, ROWS, {}, {RT: rt, MT: mt}, [])
    # RT's two wordings are used equally often: the first alphabetically is shown, the other named with it.
    # The difference's support counts every use of the side's terms: 6 uses in 3 articles.
    assert wording.uses[1] == finding_types.WordingUse((RT,), "non-existent threat", "russia", "own", 3, 2,
                                                       ("phantom threat",), 6, 3)


def test_groups_share_a_wording_line_only_with_the_same_ties():
    # AllSides abortion articles by bias: "right and left write 'fetal heartbeat' (as often as 'heartbeat
    # bill')" -- the tie was right's (1 and 1); left wrote "fetal heartbeat" 4 times and never the other.
    tass = "TASS"
    rt = evidence_of(term("russian_threat", "russia", "non-existent threat", ("rt1",), own=1),
                     term("russian_threat", "russia", "phantom threat", ("rt2",), own=1))
    ta = evidence_of(term("russian_threat", "russia", "non-existent threat", ("t1", "t2"), own=4))
    mt = evidence_of(term("russian_threat", "west", "Russian aggression", ("mt1", "mt2"), own=4))
    rows = ROWS + [{"group": tass, TONE: v} for v in (0.0, 0.1, 0.2)]
    (wording,) = findings.largest_differences([RT, MT, tass], rows, {}, {RT: rt, MT: mt, tass: ta}, [])
    lines = {(use.groups, use.variant, use.tied) for use in wording.uses}
    assert ((RT,), "non-existent threat", ("phantom threat",)) in lines
    assert ((tass,), "non-existent threat", ()) in lines


def test_a_difference_is_supported_by_all_of_a_sides_terms():
    # RT: "reunification" once in rt1 and "reunion" twice in rt2 -- one variant each too thin, the side is not
    rt = evidence_of(term("crimea_2014", "russia", "reunification", ("rt1",), own=1),
                     term("crimea_2014", "russia", "reunion", ("rt2",), own=2))
    mt = evidence_of(term("crimea_2014", "west", "annexation", ("mt1", "mt2"), own=3))
    (wording,) = findings.largest_differences(ORDER, ROWS, {}, {RT: rt, MT: mt}, [])
    assert wording.supported
    assert wording.uses[1] == finding_types.WordingUse((RT,), "reunion", "russia", "own", 2, 1, (), 3, 2)


def test_only_named_speakers_are_suggested_for_an_actor_file():
    evidence = GroupEvidence(speakers={
        "they": Speaker("they", "unknown", False, kinds=Counter(direct=9)),
        "Gordon Sondland": Speaker("Gordon Sondland", "unknown", True, kinds=Counter(indirect=4)),
        "NATO": Speaker("NATO", "nato_west", True, kinds=Counter(direct=3)),
    })
    assert findings.unknown_speakers({"center": evidence}) == [("Gordon Sondland", "center", 4)]
    # A registry's person in an article its topic gate left out has no side there, but is no actor to add.
    assert findings.unknown_speakers({"center": evidence}, registered={"Gordon Sondland"}) == []


def test_a_pronoun_or_determiner_nobody_was_found_for_is_marked_unresolved():
    ev = GroupEvidence()
    ev.speakers.update({"they": Speaker("they", "unknown", False, Counter(indirect=3)),
                        "The": Speaker("The", "unknown", False, Counter(indirect=1)),
                        "which": Speaker("which", "unknown", False, Counter(indirect=5)),
                        "some critics": Speaker("some critics", "anonymous", False, Counter(indirect=2)),
                        "Ted Cruz": Speaker("Ted Cruz", "republican", True, Counter(direct=2))})
    rows = {row["name"]: row["unresolved"] for row in group_findings.group_speakers(ev)}
    assert rows == {"they": True, "The": True, "which": True, "some critics": False, "Ted Cruz": False}


def _voices(republican: int, unknown: int, democrat: int = 0) -> GroupEvidence:
    ev = GroupEvidence()
    ev.side_kinds.update({("republican", "direct"): republican, ("unknown", "indirect"): unknown,
                          ("democrat", "direct"): democrat})
    return ev


def test_the_same_side_quoted_most_about_as_often_everywhere_is_no_difference():
    # 2,000 AllSides articles by bias: "statements from Republicans make up 16% of center's, 16% of left's
    # and 16% of right's" had been one of the largest differences.
    same = {"left": _voices(16, 60, 10), "center": _voices(16, 61, 9), "right": _voices(17, 56, 12)}
    assert findings._voice_difference(["left", "center", "right"], same) is None
    apart = {"left": _voices(16, 60, 10), "center": _voices(16, 61, 9), "right": _voices(30, 56, 12)}
    assert findings._voice_difference(["left", "center", "right"], apart) is not None

"""The sentences of the findings, written by templates/findings.md.j2 from the data of compare.findings."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from framing.compare.finding_types import (
    GroupWording,
    MeasureSpread,
    NoClearMeasure,
    ScareQuoteQuestion,
    SourcesQuestion,
    SpeakerShare,
    ToneQuestion,
    VoiceDifference,
    WordingDifference,
    WordingQuestion,
    WordingUse,
)
from framing.compare.findings import discussion_questions, largest_differences
from framing.compare.summaries import read_evidence, summarise
from framing.report.write import template_macros

CRIMEA = "The change of Crimea's status in March 2014."
REPORTS = Path(__file__).resolve().parent.parent / "reports"


@dataclass(frozen=True)
class Measure:
    column: str
    label: str
    unit: str
    digits: int


@pytest.fixture(scope="module")
def say():
    return template_macros("findings.md.j2")


def wording(description, *uses):
    return WordingDifference("russia_ukraine_nato", "crimea_2014", "Crimea 2014", description, tuple(uses))


def test_wording_difference_names_who_writes_what_in_which_voice_and_how_often(say):
    difference = wording(CRIMEA, WordingUse(("The Moscow Times",), "annexation", "west", "own", 3, 2),
                         WordingUse(("Fort Russ News", "RT"), "reunification", "russia", "scare_quote", 4, 3))
    assert say.difference(difference) == (
        "The change of Crimea's status in March 2014: The Moscow Times writes “annexation” (in its own voice; "
        "3 uses in 2 articles); Fort Russ News and RT write “reunification” (in scare quotes; 4 uses in 3 articles).")


def test_a_wording_with_too_few_uses_says_so_and_gives_its_counts(say):
    difference = WordingDifference("russia_ukraine_nato", "crimea_2014", "Crimea 2014", CRIMEA,
                                   (WordingUse(("The Moscow Times",), "annexation", "west", "own", 1, 1),
                                    WordingUse(("RT",), "reunification", "russia", "own", 1, 1)), supported=False)
    assert say.difference(difference) == (
        "The change of Crimea's status in March 2014, with too few uses to call it a difference: The Moscow Times "
        "writes “annexation” (in its own voice; 1 use in 1 article); RT writes “reunification” (in its own voice; "
        "1 use in 1 article).")


def test_a_tie_is_said_not_broken(say):
    difference = wording("", WordingUse(("right",), "non-existent threat", "russia", "own", 3, 3,
                                        ("Russian threat",)),
                         WordingUse(("left",), "Russian aggression", "west", "own", 5, 4))
    assert say.difference(difference) == (
        "Crimea 2014: right writes “non-existent threat” (as often as “Russian threat”) (in its own voice; "
        "3 uses in 3 articles); left writes “Russian aggression” (in its own voice; 5 uses in 4 articles).")


def test_past_four_groups_the_rest_are_counted_and_the_label_stands_in_for_a_description(say):
    many = tuple(f"Outlet {n}" for n in range(1, 7))
    difference = wording("", WordingUse(many, "reunification", "russia", "quoted", 6, 6))
    assert say.difference(difference) == (
        "Crimea 2014: Outlet 1, Outlet 2, Outlet 3 and 3 others write “reunification” (inside a quote; "
        "6 uses in 6 articles).")


def test_same_side_quoted_most_everywhere(say):
    voices = VoiceDifference((SpeakerShare("Fort Russ News", "Russian government", 0.96),
                              SpeakerShare("RT", "Russian government", 0.89),
                              SpeakerShare("TASS", "Russian government", 0.53)))
    assert say.difference(voices) == (
        "Whom each outlet lets speak: statements from Russian government make up 96% of Fort Russ News's, "
        "89% of RT's and 53% of TASS's attributed statements.")


def test_different_sides_quoted_most(say):
    voices = VoiceDifference((SpeakerShare("RT", "Russian government", 0.75),
                              SpeakerShare("Kyiv Post", "Ukrainian government", 2 / 3)))
    assert say.difference(voices) == (
        "Whom each outlet lets speak: statements from Russian government make up 75% of RT's attributed "
        "statements; statements from Ukrainian government make up 67% of Kyiv Post's attributed statements.")


def test_measure_highest_and_lowest_with_its_digits_and_unit(say):
    length = Measure("readability__n_words", "Length", "words", 0)
    clear = MeasureSpread(length, "TASS", 1731.4, "The Moscow Times", 253.0, 2.1, True)
    assert say.difference(clear) == "Length: highest for TASS (1731 words), lowest for The Moscow Times (253 words)."
    tone = Measure("sentiment__sentence_mean", "Sentence tone", "mean VADER compound, −1 to +1", 2)
    unclear = MeasureSpread(tone, "TASS", 0.083, "The Moscow Times", -0.356, 1.2, False)
    assert say.difference(unclear) == (
        "Sentence tone: highest for TASS (0.08 mean VADER compound, −1 to +1), lowest for The Moscow Times "
        "(-0.36 mean VADER compound, −1 to +1) (single articles or overlapping intervals: not a clear difference).")
    assert say.difference(NoClearMeasure()) == (
        "No measure separates the outlets clearly: with this few articles per outlet, differences in tone, "
        "sourcing and readability may be chance.")


@pytest.mark.parametrize(("question", "text"), [
    (WordingQuestion("Russian threat", GroupWording("Fort Russ News", "Russian threat", "russia", "scare_quote", 3, 2),
                     GroupWording("TASS", "non-existent threat", "west", "quoted", 4, 2, ("threat",))),
     "Fort Russ News puts in scare quotes “Russian threat” where TASS quotes a speaker saying “non-existent threat” "
     "(as often as “threat”) (Russian threat; Fort Russ News: 3 uses in 2 articles, TASS: 4 uses in 2 articles). "
     "What does each wording assume about what happened? Which would you use, and why?"),
    (WordingQuestion("Crimea 2014", GroupWording("RT", "reunification", "russia", "own", 3, 2),
                     GroupWording("The Moscow Times", "annexation", "west", "headline", 5, 3)),
     "RT writes “reunification” where The Moscow Times writes “annexation” (Crimea 2014; RT: 3 uses in 2 articles, "
     "The Moscow Times: 5 uses in 3 articles). What does each wording assume about what happened? Which would you "
     "use, and why?"),
    (SourcesQuestion("The Moscow Times", "James Stavridis", "independent experts", "Fort Russ News"),
     "The Moscow Times quotes James Stavridis (independent experts); which sources does Fort Russ News quote? "
     "Why might that matter for how a reader sees the story?"),
    (ScareQuoteQuestion("Fort Russ News", "Russian threat"),
     "Fort Russ News puts ‘Russian threat’ in quotation marks without saying who said it. Do the marks quote a "
     "document or a term of art, or keep a distance from the phrase? What in the article tells you?"),
    (ToneQuestion(),
     "Pick one sentence from the tone section of two outlets. Is the tone the writer's own, or that of someone the "
     "article quotes? How can you tell?"),
])
def test_questions_for_discussion(say, question, text):
    assert say.question(question) == text


def test_voice_labels_for_the_outlet_pages(say):
    assert [say.voice_label(v) for v in ("own", "quoted", "scare_quote", "headline")] == [
        "in its own voice", "inside a quote", "in scare quotes", "headline"]


def test_the_seeds_evidence_keeps_the_crimea_contrast_with_its_counts_and_last(say):
    # The seeds use each word once: the contrast stays in the summary, after the rest, with its
    # counts, and no question is asked about it (a question needs several uses in several articles).
    records = list(read_evidence(REPORTS / "evidence.jsonl"))
    group_of = {r["id"]: r["outlet"] for r in records}
    order = sorted(set(group_of.values()))
    evidence = summarise(records, group_of, {})
    summary = largest_differences(order, [], {}, evidence, [])
    crimea = next(d for d in summary if getattr(d, "concept", "") == "crimea_2014")
    assert say.difference(crimea) == (
        "Crimea 2014, with too few uses to call it a difference: The Moscow Times writes “annexation” (in its own "
        "voice; 1 use in 1 article); RT writes “reunification” (in its own voice; 1 use in 1 article).")
    assert summary[0].kind != "wording"
    assert not [q for q in discussion_questions(order, evidence) if q.kind == "wording"]

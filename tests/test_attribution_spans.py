"""Spans: whole attribution relations (source, cue, contents) found in a document."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.spans import find_attributions


@pytest.fixture(scope="module")
def lexicon():
    return CueLexicon.load()


def _found(lexicon, text):
    doc = build_document("t", text)
    return [
        (
            doc.body[a.source[0] : a.source[1]] if a.source else None,
            a.cue_text,
            [doc.body[s:e] for s, e in a.contents],
        )
        for a in find_attributions(doc, lexicon)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A coordinated clause with its own attribution ends the first content.
        (
            "Lavrov said talks were over but Stoltenberg said the door was open.",
            [("Lavrov", "said", ["talks were over"]), ("Stoltenberg", "said", ["the door was open"])],
        ),
        (
            "Lavrov said talks were over; Stoltenberg said the door was open.",
            [("Lavrov", "said", ["talks were over"]), ("Stoltenberg", "said", ["the door was open"])],
        ),
        (
            "Analysts said the ruble would fall, and officials said it would not.",
            [("Analysts", "said", ["the ruble would fall"]), ("officials", "said", ["it would not"])],
        ),
        # A semicolon outside quoted speech, or a comma before the writer's contrast, ends the content
        # (PolNeAR dev: "said the timing of the immunity news was not intentional; they only learned ...").
        (
            "Officials said the timing was not intentional; they only learned of the deal on Friday.",
            [("Officials", "said", ["the timing was not intentional"])],
        ),
        (
            "Lavrov said the talks would go on, but few diplomats expect progress.",
            [("Lavrov", "said", ["the talks would go on"])],
        ),
        (
            "Officials said fathers would not be eligible for the leave, and when pressed on why, they gave no answer.",
            [("Officials", "said", ["fathers would not be eligible for the leave"])],
        ),
        (
            'Lavrov said: "Talks are over; we leave today."',
            [("Lavrov", "said", ["Talks are over; we leave today"])],
        ),
        # A quotation its cue splits in two: both halves are the content.
        (
            '"Every time you say that," Tester said, "you give ammunition to the people."',
            [("Tester", "said", ["Every time you say that", "you give ammunition to the people"])],
        ),
        (
            '"We are ready," said Grushko, "and we will not back down."',
            [("Grushko", "said", ["We are ready", "and we will not back down"])],
        ),
        # ", adding that": a second statement by the same source
        (
            "Lavrov said talks were over, adding that NATO was to blame.",
            [("Lavrov", "said", ["talks were over"]), ("Lavrov", "adding", ["that NATO was to blame"])],
        ),
        (
            "Lavrov said talks were over. Stoltenberg disagreed, saying the door was open.",
            [("Lavrov", "said", ["talks were over"]), ("Stoltenberg", "saying", ["the door was open"])],
        ),
        # "quoted X as saying": X speaks, the content on either side
        (
            'The AP quoted Stavridis as saying: "We are in danger of stumbling backward."',
            [("Stavridis", "quoted", ["We are in danger of stumbling backward"])],
        ),
        ('"We are in danger," the AP quoted Stavridis as saying.', [("Stavridis", "quoted", ["We are in danger"])]),
        # passives report no speaker
        ("It is said that talks are over.", []),
        ("Lavrov was told that talks were over.", []),
    ],
)
def test_find_attributions(lexicon, text, expected):
    assert _found(lexicon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after the statement: its content reads as after a finite cue
        ('"This became personal," he said, adding he would never vote for Clinton.',
         [("he", "said", ["This became personal"]), ("he", "adding", ["he would never vote for Clinton"])]),
        # no statement before it: the subject of the clause speaks
        ("Trump revised his plan, promising to focus its benefits on average Americans.",
         [("Trump", "promising", ["to focus its benefits on average Americans"])]),
    ],
)
def test_participle_after_the_clause(lexicon, text, expected):
    assert _found(lexicon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content of a headline cue may come first, before a comma
        ("Clinton Hid Past Health Problems From Public, Former White House Doctor Says.\n\nMore follows here.",
         [("Former White House Doctor", "Says", ["Clinton Hid Past Health Problems From Public"])]),
        # a verb the list holds strict is a cue in a headline too, unless a particle follows
        ("Obama Seeks More Muslim Refugees As He Marks Holiday.\n\nMore follows here.",
         [("Obama", "Seeks", ["More Muslim Refugees As He Marks Holiday"])]),
        ("Trump Calls Off Rally In Chicago After Protests.\n\nMore follows here.", []),
    ],
)
def test_headline_cues(lexicon, text, expected):
    assert _found(lexicon, text) == expected


def test_transcript_turns(lexicon):
    # each paragraph opened by a name in capitals and a colon is that speaker's turn
    text = ('Partial transcript as follows:\n"WALLACE: Will Gennifer Flowers be there tomorrow night?\n'
            '"PENCE: Well, look, she will not be attending the debate.\nUPDATE: The debate starts at nine.')
    assert _found(lexicon, text) == [
        ("WALLACE", ":", ["Will Gennifer Flowers be there tomorrow night?"]),
        ("PENCE", ":", ["Well, look, she will not be attending the debate"]),
    ]


def test_a_transcript_turn_is_direct_speech(lexicon):
    # Democracy Now! transcripts: "AMY GOODMAN: …" had counted as paraphrase, for want of quotation marks
    text = "AMY GOODMAN: We spend today’s hour looking at the struggle to obtain voting rights.\n\nAnd more."
    found = find_attributions(build_document("x", text), lexicon)
    assert [(a.kind, a.cue_text) for a in found] == [("direct", ":")]


def test_passive_with_its_agent(lexicon):
    # "by" names the speaker of a passive cue; the subject is what was endorsed
    assert _found(lexicon, "Clinton has been endorsed by dozens of papers.") == [
        ("dozens of papers", "endorsed", ["Clinton"])
    ]


def test_quote_paragraph_continues_an_indirect_statement(lexicon):
    text = 'He said talks were over.\n"We were always ready, and we remain ready today."'
    first, second = find_attributions(build_document("t", text), lexicon)
    assert (first.kind, second.kind) == ("indirect", "direct")
    assert second.continues is first and second.source == first.source
    # the quote continues the statement of "said": it keeps that cue (PolNeAR annotates it so)
    assert (second.cue, second.cue_text) == (first.cue, "said")


def test_a_signed_paragraph_with_a_mistyped_opening_mark(lexicon):
    # HuffPost (PolNeAR dev): the quotation opens with a closing mark, so the Document reads no quote.
    text = ("Readers wrote in.\n\n”Mr. Trump embodies the lasting legacy of racism. He represents our "
            "greatest shame.” ― Sonya Herridge\n“During the debate he insulted us.”― Pamela Padilla")
    assert _found(lexicon, text) == [
        ("Sonya Herridge", "―", ["Mr. Trump embodies the lasting legacy of racism. He represents our greatest shame"]),
        ("Pamela Padilla", "―", ["During the debate he insulted us"]),
    ]


def test_an_idiom_after_a_verb_is_no_cue(lexicon):
    # reporting_verbs.toml: "show" is no cue before "no sign" (not_before)
    assert _found(lexicon, "The growth in jobs shows no sign of slowing down.") == []
    assert _found(lexicon, "The poll shows that the race is close.") == [
        ("The poll", "shows", ["that the race is close"])]

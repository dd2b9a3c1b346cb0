"""Lining up one statement as different articles render it."""

from __future__ import annotations

import pytest

from framing.compare.statements import align_statements, content_words

GRUSHKO = "Alexander Grushko"
RT_AGENDA = "NATO itself has dropped any positive agenda in relations with Russia."
MT_AGENDA = "NATO has itself abandoned a positive agenda in its relations with Russia."


def said(article: str, outlet: str, content: str, speaker: str = GRUSHKO, kind: str = "direct",
         verb: str = "say", start: int = 0) -> dict:
    """An attribution evidence record as ``Finding.to_record`` writes it."""
    detail = {"speaker": speaker, "verb": verb, "cue": verb, "content": content}
    return {"id": article, "outlet": outlet, "family": "attribution", "kind": kind, "text": content,
            "sentence_index": 0, "start": start, "end": start + len(content), "detail": detail}


@pytest.mark.parametrize("text, words", [
    ("Russia’s ‘aggressive’ policy", {"russia’s", "aggressive", "policy"}),  # quote marks are not letters
    # One word, not "u" and "s" (a Wall Street Journal statement's "left out" had listed both).
    ("the well-known U.S. position", {"well-known", "u.s.", "position"}),
    ("It was not what they had said.", {"said"}),
    ("", set()),
])
def test_content_words(text, words):
    assert content_words(text) == words


@pytest.mark.parametrize("other, aligned", [
    # 5 of the 7 content words of the shorter rendering are shared: 5/7 >= 0.6.
    ("NATO expansion threatens Russian security, officials warned today.", True),
    # 4 of 7 shared: 4/7 < 0.6.
    ("NATO expansion threatens Russian economy badly today overall.", False),
])
def test_renderings_align_when_most_of_their_content_words_are_shared(other, aligned):
    first = said("rt1", "RT", "NATO expansion threatens Russian security interests in Europe.")
    assert len(align_statements([first, said("mt1", "The Moscow Times", other)])) == (1 if aligned else 0)


def test_each_sentence_of_a_content_is_its_own_piece():
    rt = said("rt1", "RT", RT_AGENDA + " Military cooperation between Moscow and the alliance is frozen.")
    mt = said("mt1", "The Moscow Times", MT_AGENDA, verb="tell")
    [statement] = align_statements([rt, mt])
    assert statement["n_articles"] == 2
    assert [(r["outlet"], r["text"], r["left_out"]) for r in statement["renderings"]] == [
        ("RT", RT_AGENDA, ["abandoned"]), ("The Moscow Times", MT_AGENDA, ["dropped"])]


def test_one_article_repeating_itself_is_not_a_statement_of_two():
    records = [said("rt1", "RT", RT_AGENDA, start=0), said("rt1", "RT", RT_AGENDA, start=400)]
    assert align_statements(records) == []


def test_other_families_and_short_pieces_are_left_out():
    finding = dict(said("mt1", "The Moscow Times", MT_AGENDA), family="lexicon")
    short = [said("rt1", "RT", "NATO is hostile."), said("mt1", "The Moscow Times", "NATO is hostile.")]
    assert align_statements([said("rt1", "RT", RT_AGENDA), finding] + short) == []


def test_the_most_frequent_named_speaker_and_the_order_of_renderings():
    records = [said("tass1", "TASS", MT_AGENDA, speaker=""),
               said("frn2", "Fort Russ News", RT_AGENDA, speaker="Grushko"),
               said("frn1", "Fort Russ News", RT_AGENDA),
               said("rt1", "RT", RT_AGENDA)]
    [statement] = align_statements(records)
    assert statement["speaker"] == GRUSHKO  # two renderings name him so, one by his surname
    # A rendering with no speaker is not aligned (issue 14): "the same statement" needs a speaker.
    assert [(r["outlet"], r["id"]) for r in statement["renderings"]] == [
        ("Fort Russ News", "frn1"), ("Fort Russ News", "frn2"), ("RT", "rt1")]
    # The fullest rendering stands for the statement; both have seven content words, so the
    # first article id (frn1) decides.
    assert statement["statement"] == RT_AGENDA


def test_statements_in_more_articles_come_first():
    expansion = "NATO expansion threatens Russian security interests in Europe."
    records = [said("rt1", "RT", expansion), said("tass1", "TASS", expansion),
               said("rt1", "RT", RT_AGENDA, start=200), said("mt1", "The Moscow Times", MT_AGENDA),
               said("frn1", "Fort Russ News", RT_AGENDA)]
    assert [(s["n_articles"], s["statement"]) for s in align_statements(records)] == [
        (3, RT_AGENDA), (2, expansion)]


def test_only_named_resolved_speakers_align():
    they = said("mt1", "The Moscow Times", MT_AGENDA, speaker="NATO")
    they["detail"].update(speaker_text="they")
    place = said("tass1", "TASS", MT_AGENDA, speaker="California")
    place["detail"].update(speaker_text="California", speaker_kind="institution", role="unknown", named=True)
    assert align_statements([said("rt1", "RT", RT_AGENDA, speaker="NATO"), they, place]) == []


def test_the_same_words_by_another_speaker_are_another_statement():
    records = [said("rt1", "RT", RT_AGENDA), said("mt1", "The Moscow Times", MT_AGENDA, speaker="Jens Stoltenberg")]
    assert align_statements(records) == []


def test_a_disclaimer_an_outlet_repeats_is_furniture():
    disclaimer = "The views expressed in this column are solely those of the author and not of this outlet."
    records = [said(f"op{i}", "Outlet", disclaimer, speaker="Jane Columnist") for i in range(3)]
    records.append(said("x1", "Other", disclaimer, speaker="Jane Columnist"))
    assert align_statements(records) == []



def test_a_shared_name_does_not_make_two_statements_one():
    # AllSides health care (Christian Science Monitor, Washington Times): one says Sebelius declined to
    # testify, the other what she told the committee; only the committee's name is shared.
    declined = said("csm1", "Christian Science Monitor", "to testify before the House Energy and Commerce Committee",
                    speaker="Kathleen Sebelius", kind="indirect", verb="decline")
    told = said("wt1", "Washington Times", "the House Energy and Commerce Committee she stands by the Affordable "
                "Care Act but cannot release reliable enrollment figures", speaker="Kathleen Sebelius",
                kind="indirect", verb="tell")
    assert align_statements([declined, told]) == []
    # Obama on two occasions (CNN, Townhall): the same law's name, two different sentences.
    cnn = said("cnn1", "CNN", "If you had or have one of these plans before the Affordable Care Act came into law "
               "and you really like that plan, what we said was, you could keep it if hasn't changed since the "
               "law's passed", speaker="Barack Obama")
    townhall = said("th1", "Townhall", "Already people who pre-date the Affordable Care Act can keep those plans if "
                    "they haven’t changed, that was already in the law.", speaker="Barack Obama")
    assert align_statements([cnn, townhall]) == []

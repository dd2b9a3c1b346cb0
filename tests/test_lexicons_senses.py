"""Sense and form, inside articles about the pack's topic: the cases of issue 13, checked by hand.

Each case opens with a sentence that makes its pack apply (three anchor
mentions), then the sentence under test; only the terms found in that
sentence are compared.  The rules are data in the packs (exclusions with
their notes, context words and scopes, case and names), not code.
"""

from __future__ import annotations

import pytest
from pack_sentences import terms_in_sentence

from framing.features.lexicon import LexiconScorer


@pytest.fixture(scope="module")
def scorer():
    return LexiconScorer()


def hits_in_last_sentence(scorer, pack, sentence):
    return [(f.detail["concept"], f.text) for f in terms_in_sentence(scorer, pack, sentence)]


@pytest.mark.parametrize("pack, sentence, expected", [
    # An organisation's name is not how a text names NATO.
    ("russia_ukraine_nato", "The National Alliance for Public Charter Schools backed the bill.", []),
    ("russia_ukraine_nato", "The alliance will meet in Brussels.", [("alliance_naming", "alliance")]),
    # A bloc of voters, or the EU, is not NATO.
    ("russia_ukraine_nato", "Suburban parents are a growing voting bloc.", []),
    ("russia_ukraine_nato", "He could not find any bloc of votes to pass it.", []),
    ("russia_ukraine_nato", "Britain paid 9 billion euros more than it paid into the bloc.", []),
    ("russia_ukraine_nato", "The bloc has moved troops east.", [("alliance_naming", "bloc")]),
    ("russia_ukraine_nato", "Moscow calls it a military bloc.", [("alliance_naming", "military bloc")]),
    # Plain restrictions are anyone's measures (ABC, 2018: US "restrictions on flights from the
    # Russian Aeroflot airline"); "unilateral restrictions" is Russia's word for sanctions.
    ("russia_ukraine_nato", "Moscow lifted its coronavirus restrictions in June.", []),
    ("russia_ukraine_nato", "If Moscow violates the sanctions it could see restrictions on Aeroflot flights.",
     [("sanctions", "sanctions")]),
    ("russia_ukraine_nato", "Moscow called the sanctions unilateral restrictions.",
     [("sanctions", "sanctions"), ("sanctions", "unilateral restrictions")]),
    # Generic barriers are not Israel's separation barrier.
    ("israel_palestine", "Israeli lawmakers removed background-check barriers.", []),
    ("israel_palestine", "Israel built the barrier through the West Bank.",
     [("separation_barrier", "barrier"), ("west_bank_status", "West Bank")]),
    # An assassination attempt on a US president is not a targeted killing.
    ("israel_palestine", "John Hinckley made an assassination attempt on President Ronald Reagan.", []),
    ("israel_palestine", "Israel's assassination of a Hamas commander drew protests.",
     [("targeted_killing", "assassination")]),
    # Colonies of an empire, and a peace settlement, are not settlements.
    ("israel_palestine", "The American colonies rebelled against Britain.", []),
    ("israel_palestine", "The two sides must reach a negotiated settlement.", []),
    ("israel_palestine", "Palestinian officials call the Israeli settlements colonies.",
     [("settlements", "settlements"), ("settlements", "colonies")]),
    # Lebanon's or Syria's armed groups are not the Palestinian ones (AllSides, Middle East).
    ("israel_palestine", "Damascus and the Lebanese Shiite militant group appear to have drawn closer together.", []),
    ("israel_palestine", "Palestinian militants fired rockets from Gaza.", [("armed_groups", "militants")]),
    # "Illegal" is any unlawful act; only the noun names people.
    ("immigration", "A new law makes it illegal to move them across state lines.", []),
    ("immigration", "He called the migrants illegals.", [("people_without_status", "illegals")]),
    # Skeptics of a tax bill are not climate doubters.
    ("climate", "Tax skeptics in the Senate doubted the bill.", []),
    ("climate", "Skeptics of the tax bill, unlike climate skeptics, said little.",
     [("climate_doubters", "climate skeptics")]),
    ("climate", "Skeptics say the climate is not warming.", [("climate_doubters", "Skeptics")]),
])
def test_sense_in_an_article_about_the_topic(scorer, pack, sentence, expected):
    assert hits_in_last_sentence(scorer, pack, sentence) == expected


def test_every_exclusion_table_says_why():
    from framing.lexicons.packs import list_packs, load_pack

    for name in list_packs():
        for concept in load_pack(name).concepts:
            for exclusion in concept.exclusions:
                assert exclusion.note, (name, concept.id, exclusion.phrases)

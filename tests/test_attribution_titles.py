"""Sides from titles and clauses: a title decides a speaker's side, a relative clause about someone else does not.

Each rule is an entry of ``framing/data/actors.toml`` ([[affiliation]] words
and titles, [[clause]] words); the sentences are from 2014 Crimea coverage.
"""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.attribution.actors import ActorRegistry
from framing.features.attribution.scorer import AttributionScorer
from framing.features.attribution.speakers import SpeakerResolver

RU, UA, WEST = "russia_gov", "ukraine_gov", "nato_or_western_gov"


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def _speakers(scorer, text):
    return [(f.detail["speaker"], f.detail["side"]) for f in scorer.score(build_document("t", text)).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # [[affiliation]] "Crimean leader": the title, not the unregistered name, gives the side.
        ("Crimean leader Sergei Aksyonov said the vote would go ahead.", [("Sergei Aksyonov", RU)]),
        ("Crimean Leader Sergei Aksyonov Says Vote Will Go Ahead", [("Sergei Aksyonov", RU)]),  # a headline
        # [[affiliation]] "State Duma", in an apposition: the name is the one before the comma.
        ("Sergei Neverov, the deputy speaker of the State Duma, said Russia would respond.",
         [("Sergei Neverov", RU)]),
        # "Kremlin" names no person: "a Kremlin spokesman" is a source of the Kremlin's side.
        ("A Kremlin spokesman said talks were over.", [("a Kremlin spokesman", RU)]),
        # [[clause]] "which": what the Ukrainian parliament did is not the assembly's side.
        ("Crimea's regional assembly, which was dissolved by the Ukrainian parliament, said it would hold a vote.",
         [("Crimea's regional assembly", "unknown")]),
        # [[clause]] "who": nor is whom the ambassador met; the registry's Lavrov is not the speaker.
        ("Kyiv's ambassador, who met Lavrov on Monday, said talks were over.", [("Kyiv's ambassador", UA)]),
        # "Crimean Tatar leader" is not "Crimean leader".
        ("Crimean Tatar leader Mustafa Dzhemilev said the vote was illegal.", [("Mustafa Dzhemilev", "unknown")]),
    ],
)
def test_title_decides_the_side_and_a_clause_does_not(scorer, text, expected):
    assert _speakers(scorer, text) == expected


def test_a_title_met_later_gives_every_mention_its_side(scorer):
    text = "Aksyonov said the vote would go ahead. Crimean leader Sergei Aksyonov added that it was legal."
    assert _speakers(scorer, text) == [("Sergei Aksyonov", RU), ("Sergei Aksyonov", RU)]


def test_a_described_official_of_another_side_is_not_the_last_person(registry):
    resolver = SpeakerResolver(registry)
    zelensky = resolver.resolve("Zelensky")
    spokesman = resolver.resolve("The Kremlin spokesman")
    assert (zelensky.side, spokesman.side) == (UA, RU) and spokesman != zelensky


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the deputy speaker of the State Duma", RU),
        ("Crimea's prime minister", RU),
        ("Crimea’s prime minister", RU),  # either apostrophe
        ("head of Crimea Sergei Aksyonov", RU),
        ("a Verkhovna Rada deputy", UA),
        ("Crimean Tatar leader", None),
        ("Crimean residents", None),
        ("Kremlin-backed leader", None),  # a word of its own, as before
        ("Ukrainian and Russian officials", UA),  # the first in the phrase decides
    ],
)
def test_affiliation_titles(registry, text, side):
    assert registry.affiliation_side(text) == side


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crimea's regional assembly, which was dissolved by the Ukrainian parliament,", "Crimea's regional assembly"),
        ("Graham, who", "Graham"),
        ("the official who spoke on condition of anonymity", "the official"),
        ("Aksyonov, who was installed on Feb. 27, the Crimean leader", "Aksyonov the Crimean leader"),
        ("a source close to that office", "a source close to that office"),  # "that" opens no clause
    ],
)
def test_without_clauses(registry, text, expected):
    assert registry.without_clauses(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[affiliation]]\nwords = ["Crimean  leader"]\nside = "russia_gov"\n',
         r"bad.toml, line 1: \[\[affiliation\]\]: 'Crimean  leader' is not a word or a title of words"),
        ('[[affiliation]]\nwords = ["Crimean leader"]\nside = "russia_gov"\nsince = 2014\n',
         r"bad.toml, line 1: \[\[affiliation\]\]: unknown key\(s\) \['since'\] — remove them"),
        ('version = 1\n\n[[clause]]\nwords = ["Which"]\nnote = "x"\n',
         r"bad.toml, line 3: \[\[clause\]\]: words must be a list of lower-case words"),
        ('[[clause]]\nwords = ["which"]\n', r"bad.toml, line 1: \[\[clause\]\]: note is missing"),
        ('[[clause]]\nwords = ["which"]\nnote = "x"\nuntil = 1\n',
         r"bad.toml, line 1: \[\[clause\]\]: unknown key\(s\) \['until'\]"),
    ],
)
def test_bad_title_or_clause_entry_names_file_and_line(tmp_path, text, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        ActorRegistry.load([bad])


def test_a_user_file_adds_titles_and_clause_words(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[[affiliation]]\nwords = ["Donetsk separatist leader"]\nside = "other"\nnote = "x"\n\n'
                    '[[clause]]\nwords = ["whereby"]\nnote = "x"\n', encoding="utf-8")
    registry = ActorRegistry.load([mine])
    assert registry.affiliation_side("Donetsk separatist leader Denis Pushilin") == "other"
    assert registry.without_clauses("the council, whereby Kyiv acts,") == "the council"

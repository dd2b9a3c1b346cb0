"""Sources: the speaker of a reporting cue, read from the cue's clause."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.sources import SourceRules


@pytest.fixture(scope="module")
def lexicon():
    return CueLexicon.load()


def _rules(lexicon, text):
    doc = build_document("t", text)
    return doc, SourceRules(doc, frozenset(lexicon.verbs))


def _text(doc, span):
    return None if span is None else doc.body[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # text, cue word, (source, inverted, relative clause)
        (
            "NATO Secretary General Jens Stoltenberg said on Monday that the alliance was ready.",
            "said",
            ("NATO Secretary General Jens Stoltenberg", False, None),
        ),
        ("Graham, who says the deal is bad, tweeted on Sunday.", "says", ("Graham, who", False, "Graham, who")),
        ('"We are ready," said the deputy minister.', "said", ("the deputy minister", True, None)),
        ("Lavrov rejected the idea and said talks were over.", "said", ("Lavrov", False, None)),
        ("In a statement on Monday, the ministry said talks were over.", "said", ("the ministry", False, None)),
        (
            "The spokesman, who declined to be named, said talks were over.",
            "said",
            ("The spokesman, who declined to be named,", False, None),
        ),
        ("Voters are opposing the plan.", "opposing", ("Voters", False, None)),  # a progressive is finite
        ("The minister say the race is close.", "say", None),  # a base form needs a plural subject
    ],
)
def test_cue_source(lexicon, text, cue, expected):
    doc, rules = _rules(lexicon, text)
    start = text.index(cue)
    found = rules.cue_source(doc.sentence_at(start), start, start + len(cue), lexicon.lookup(cue))
    if expected is None:
        assert found is None
    else:
        source, inverted, relative = found
        assert (_text(doc, source), inverted, _text(doc, relative)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rep. Adam Schiff (D-CA) said the memo was misleading.", "Rep. Adam Schiff (D-CA)"),
        ("42% say the race is close.", "42"),
        ("MOSCOW – Russian officials said talks were over.", "Russian officials"),  # after the dateline
        ("In a statement on Monday, the ministry said talks were over.", "the ministry"),  # after the comma
        # the verbs of a relative clause do not make a clause of their own
        ("The spokesman, who declined to be named, said talks were over.", "The spokesman, who declined to be named"),
        ("Talks were over and Lavrov said so.", None),  # "were": a clause, not a subject
        ("When Lavrov said talks were over, NATO left.", None),  # a subordinator opens it
        ('"We are ready" the minister said.', None),  # a quotation: content, not subject
        ("NATO's said nothing.", None),  # a possessive
    ],
)
def test_clause_subject(lexicon, text, expected):
    doc, rules = _rules(lexicon, text)
    cue = text.index(" said" if " said" in text else " say") + 1
    assert _text(doc, rules._clause_subject(doc.sentence_at(cue), cue)) == expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a non-finite cue tied to its clause speaks for the clause's subject
        ("Ham went on to explain how the cuts hurt.", "explain", "Ham"),
        ("She started off by emphasizing economic fairness.", "emphasizing", "She"),
        ("MOSCOW – European leaders gathered Friday to discuss the test.", "discuss", "European leaders"),
        # a finite cue after an aside or a fused auxiliary
        ("Younger black voters, in particular, have expressed doubts.", "expressed", "Younger black voters"),
        ("He’s claiming that fraud is a problem.", "claiming", "He"),
        # a relative pronoun opening the cue's clause is the speaker
        ("The Saudi government, which has strongly denied any involvement, objected.", "denied", "which"),
        ("Many families, many of whom say the claims are unfounded, wrote.", "say", "whom"),
        ("Explained nothing.", "Explained", None),  # nothing before the cue
        # a bare participle after a subordinator is a passive: the subject was asked, it did not ask
        ("Shoigu told Rossiya 1 when asked about the state of relations.", "asked", None),
    ],
)
def test_opening_subject(lexicon, text, cue, expected):
    doc, rules = _rules(lexicon, text)
    start = text.index(cue)
    assert _text(doc, rules.opening_subject(doc.sentence_at(start), start)) == expected

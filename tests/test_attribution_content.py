"""Content spans: where reported speech starts after a cue, where its clause ends, and its kind."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from framing.document.parse import build_document
from framing.features.attribution.body_text import inner_span, is_headline
from framing.features.attribution.content import ContentRules, _ends_lead_in
from framing.features.attribution.cues import CueLexicon


@pytest.fixture(scope="module")
def verb_forms():
    return frozenset(CueLexicon.load().verbs)


def _rules(verb_forms, text):
    doc = build_document("t", text)
    return doc, ContentRules(doc, verb_forms)


@pytest.mark.parametrize(
    ("text", "cue", "objects", "expected"),
    [
        # text, cue, whether the verb takes an object ("told reporters"), (content onward, opened by a complement)
        (
            "NATO Secretary General Jens Stoltenberg said on Monday that the alliance was ready.",
            "said",
            False,
            ("that the alliance was ready.", True),
        ),
        ("The minister said in a statement on Monday that talks were over.", "said", False,
         ("that talks were over.", True)),
        ("Lavrov told reporters on Monday that talks were over.", "told", True, ("that talks were over.", True)),
        ('Grushko said: "We are ready."', "said", False, ('"We are ready."', True)),
        ('Grushko said, "We are ready."', "said", False, ('"We are ready."', True)),
        ("Grushko said: talks are over.", "said", False, ("talks are over.", True)),
        ('The diplomat said at the briefing "we are ready".', "said", False, ('"we are ready".', True)),
        ("He said he was sure it would fail.", "said", False, ("he was sure it would fail.", False)),
        # a subordinator ends the search: "that" belongs to "concerns", not to "told"
        ("He told MSNBC when asked about concerns that it was fine.", "told", True,
         ("MSNBC when asked about concerns that it was fine.", False)),
    ],
)
def test_complement(verb_forms, text, cue, objects, expected):
    doc, rules = _rules(verb_forms, text)
    pos = text.index(cue) + len(cue)
    start, opened = rules._complement(pos, len(text), objects)
    assert (text[start:], opened) == expected


@pytest.mark.parametrize(
    ("word", "n", "objects", "expected"),
    [
        ("when", 3, False, True),  # a subordinator, wherever it comes
        ("he", 0, False, True),  # "said he was ...": the content starts here
        ("on", 0, False, False),  # "said on Monday that"
        ("reporters", 0, True, False),  # "told reporters that"
        ("reporters", 1, False, False),  # only the first word is checked
    ],
)
def test_ends_lead_in(word, n, objects, expected):
    assert _ends_lead_in(word, n, objects) is expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Stoltenberg said the alliance was ready, adding that Russia was to blame.", "said",
         " the alliance was ready"),
        ("Clinton says she respects Sanders but argues that he is wrong.", "says", " she respects Sanders "),
        # "and" before no cue: one statement
        ("Stoltenberg said the alliance was ready, and Russia was to blame.", "said",
         " the alliance was ready, and Russia was to blame."),
    ],
)
def test_region_end_stops_at_a_second_statement(verb_forms, text, cue, expected):
    doc, rules = _rules(verb_forms, text)
    pos = text.index(cue) + len(cue)
    assert text[pos : rules._region_end(doc.sentences[0], pos)] == expected


def test_single_quotes_make_content_mixed(verb_forms):
    text = "Grushko warned that the old 'Russian threat' narrative was back."
    content = "the old 'Russian threat' narrative was back"
    start = text.index(content)
    _, rules = _rules(verb_forms, text)
    assert rules.kind_of([(start, start + len(content))]) == "mixed"


def test_two_quoted_spans_are_direct(verb_forms):
    text = '"We are ready," Grushko said. "We were always ready."'
    first, second = text.index("We are"), text.index("We were")
    _, rules = _rules(verb_forms, text)
    contents = [(first, first + len("We are ready")), (second, second + len("We were always ready"))]
    assert rules.kind_of(contents) == "direct"


@pytest.mark.parametrize(
    ("body", "start", "end", "expected"),
    [
        ('"We are ready," Grushko said.', 0, 15, "We are ready,"),
        ("''We are ready,'' he said.", 0, 17, "We are ready,"),  # a '' pair
        ('We are ready," he said.', 0, 14, "We are ready,"),  # no opening mark
    ],
)
def test_inner_span(body, start, end, expected):
    inner = inner_span(body, SimpleNamespace(start=start, end=end))
    assert body[inner[0] : inner[1]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia Has Ceased 'All' Cooperation, Official Says", True),
        ("The Kremlin said on Monday that talks were over.", False),
        ("NATO Says No", False),  # under four words
    ],
)
def test_is_headline(text, expected):
    doc = build_document("t", text)
    assert is_headline(doc, doc.sentences[0]) is expected


@pytest.fixture(scope="module")
def models():
    from framing.features.attribution.cue_model import CueModel
    from framing.features.attribution.cues import CueLexicon
    from framing.features.attribution.span_model import SpanModel

    return CueLexicon.load(), CueModel.load(), SpanModel.load()


# A noun-phrase content ends where the adjuncts after it start (PolNeAR annotates the noun phrase).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Obama has articulated these themes before, most notably in his speech at Selma.",
         [("articulated", "these themes")]),
        ("Trump denounced the deal amid growing concerns about jobs.", [("denounced", "the deal")]),
        ("Trump backed Clinton, who won.", [("backed", "Clinton")]),
        # "as" stays with the noun phrase: it says how the speaker described it.
        ("The senator condemned the test as provocative.", [("condemned", "the test as provocative")]),
    ],
)
def test_a_noun_phrase_content_ends_before_its_adjuncts(models, text, expected):
    from framing.features.attribution.spans import find_attributions

    doc = build_document("x", text)
    found = [(a.cue_text, " … ".join(doc.body[s:e] for s, e in a.contents)) for a in find_attributions(doc, *models)]
    assert found == expected

"""Reporting cues: verb forms, the packaged lexicon, finding cues on tokens, and verb-file errors."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.features.attribution.cues import CueLexicon, _form_type, regular_forms


@pytest.fixture(scope="module")
def lexicon():
    return CueLexicon.load()


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("push", ["push", "pushes", "pushed", "pushing"]),
        ("fix", ["fix", "fixes", "fixed", "fixing"]),
        ("reply", ["reply", "replies", "replied", "replying"]),
        ("obey", ["obey", "obeys", "obeyed", "obeying"]),  # a vowel before the y
        ("argue", ["argue", "argues", "argued", "arguing"]),
        ("play down", ["play down", "plays down", "played down", "playing down"]),
    ],
)
def test_regular_forms(lemma, forms):
    assert regular_forms(lemma) == forms


@pytest.mark.parametrize(
    ("form", "lemma", "expected"),
    [
        ("say", "say", "base"),
        ("says", "say", "present"),
        ("said", "say", "past"),
        ("saying", "say", "ing"),
        ("points out", "point out", "present"),
        ("pointed out", "point out", "past"),
    ],
)
def test_form_type(form, lemma, expected):
    assert _form_type(form, lemma) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # written form, (lemma, class, form type)
        ("claims", ("claim", "distancing", "present")),
        ("admitted", ("admit", "endorsing", "past")),
        ("told", ("tell", "neutral", "past")),
        ("Says", ("say", "neutral", "present")),  # case ignored
        ("According  To", ("according to", "neutral", "phrase")),  # inner spacing ignored
        ("believes", ("believe", "belief", "present")),
        ("hello", None),
    ],
)
def test_lookup(lexicon, written, expected):
    verb = lexicon.lookup(written)
    assert (verb and (verb.lemma, verb.verb_class, verb.form_type)) == expected


@pytest.mark.parametrize(
    ("written", "flags"),
    [
        # written form, (strict, noun_content, infinitive)
        ("said", (False, False, False)),
        ("wants", (True, False, True)),  # "wants to win"
        ("declined", (True, False, True)),  # "declined to say more"
        ("states", (True, False, False)),  # "states" is mostly a noun
    ],
)
def test_packaged_flags(lexicon, written, flags):
    verb = lexicon.lookup(written)
    assert (verb.strict, verb.noun_content, verb.infinitive) == flags


def test_idioms_in_which_a_verb_is_no_cue(lexicon):
    assert "no sign" in lexicon.lookup("shows").not_before
    assert lexicon.lookup("said").not_before == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov pointed out that talks were over.", [("pointed out", "point out")]),  # the longest cue wins
        ("Stoltenberg Said It Was Over", [("Said", "say")]),
        ("The statement said nothing new.", [("said", "say")]),  # whole tokens: no cue in "statement"
        ("NATO was ready, according to TASS.", [("according to", "according to")]),
    ],
)
def test_find(lexicon, text, expected):
    doc = build_document("t", text)
    assert [(doc.body[s:e], verb.lemma) for s, e, verb in lexicon.find(doc)] == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[verb]\nlemma = "say"\n', r"verbs.toml: \[verb\] must be an array of tables — write \[\[verb\]\]"),
        ("version = 1\n", r"verbs.toml: no \[\[verb\]\] entries — add at least one"),
        (
            '[[verb]]\nclass = "neutral"\nnote = "x"\n',
            r'verbs.toml: a \[\[verb\]\] entry has no lemma — add lemma = "..."',
        ),
        (
            '[[verb]]\nlemma = "say"\nclass = "neutral"\n',
            r"verbs.toml, line 2: entry 'say': note is missing — say why the verb is neutral",
        ),
        (
            '[[verb]]\nlemma = "say"\nclass = "neutral"\nnote = "x"\nforms = "said"\n',
            r"verbs.toml, line 2: entry 'say': forms must be a list of words",
        ),
        (
            '[[verb]]\nlemma = "show"\nclass = "endorsing"\nnote = "x"\nnot_before = "no sign"\n',
            r"verbs.toml, line 2: entry 'show': not_before must be a list of words",
        ),
        (
            '[[verb]]\nlemma = "say"\nclass = "neutral"\nnote = "x"\ntense = "past"\n',
            r"verbs.toml, line 2: entry 'say': unknown key\(s\) \['tense'\] — remove them",
        ),
        (
            '[[verb]]\nlemma = "say"\nclass = "neutral"\nnote = "x"\nforms = ["say", "said"]\n\n'
            '[[verb]]\nlemma = "state"\nclass = "neutral"\nnote = "y"\nforms = ["state", "said"]\n',
            r"verbs.toml, line 8: entry 'state': form 'said' is already a form of 'say' — keep it in one entry",
        ),
    ],
)
def test_bad_verb_file_says_how_to_fix(tmp_path, text, message):
    bad = tmp_path / "verbs.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        CueLexicon.load(bad)

"""The lexicon pack format: loading, validation messages, symmetry, matching."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.errors import DataFileError
from framing.lexicons.forms import expand_forms
from framing.lexicons.matcher import TermMatcher
from framing.lexicons.packs import check_pack, list_packs, load_pack, load_packs

GOOD = """\
[pack]
name = "tiny"
version = "0.1"
author = "test"
description = "A tiny pack."

[pack.sides]
a = "Side A"
b = "Side B"

[[concept]]
id = "crimea"
description = "Crimea 2014."
note = "A note."
source = "A source."
near = ["Crimea"]
window = 5

[concept.terms]
a = ["reunification", { term = "return", window = 3 }]
b = ["annexation", "illegal annexation", "annex{|ed}"]
"""


def write(tmp_path, text, name="tiny.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_packs_are_valid_and_listed():
    shipped = set(list_packs())
    assert {"russia_ukraine_nato", "immigration", "israel_palestine", "climate"} <= shipped
    for name in list_packs():
        assert check_pack(name) == [], name


def test_every_shipped_concept_is_symmetric_and_documented():
    for name in list_packs():
        pack = load_pack(name)
        assert pack.version and pack.author == "framing project" and pack.sources
        for concept in pack.concepts:
            sides_with_terms = [s for s, terms in concept.terms.items() if terms]
            assert len(sides_with_terms) >= 2, (name, concept.id)
            assert concept.note and concept.source, (name, concept.id)


def test_seed_concepts_present():
    pack = load_pack("russia_ukraine_nato")
    ids = {c.id for c in pack.concepts}
    assert {"crimea_2014", "war_in_ukraine", "donbas_forces", "place_name_spelling", "kiev_regime",
            "nato_enlargement", "alliance_naming", "nato_eastern_members", "russian_threat",
            "sanctions"} <= ids


@pytest.mark.parametrize("term, inflect, forms", [
    ("militia", True, ["militia", "militias"]),
    ("Russian proxy", True, ["Russian proxies", "Russian proxy"]),
    ("bus", True, ["bus", "buses"]),
    ("Kiev", False, ["Kiev"]),
    ("annex{|es|ed}", True, ["annex", "annexed", "annexes"]),
])
def test_expand_forms(term, inflect, forms):
    assert expand_forms(term, inflect) == forms


def test_user_pack_loads_by_path(tmp_path):
    pack = load_pack(write(tmp_path, GOOD))
    assert pack.name == "tiny"
    assert [t.term for t in pack.concepts[0].terms["b"]] == ["annexation", "illegal annexation",
                                                            "annex{|ed}"]


@pytest.mark.parametrize("edit, line, fragment", [
    (('a = "Side A"', 'a = ""'), 8, "[pack.sides].a"),
    (('b = ["annexation"', 'c = ["annexation"'), 21, "side 'c' is not declared"),
    (('window = 5', 'window = "five"'), 17, "window = 'five'"),
    (('note = "A note."\n', ''), 11, "note is missing"),
    (('near = ["Crimea"]', 'nearby = ["Crimea"]'), 16, "unknown key 'nearby'"),
    (('b = ["annexation", "illegal annexation", "annex{|ed}"]', 'b = ["reunifications"]'), 21,
     "also listed for side 'a'"),
])
def test_errors_name_file_line_and_entry(tmp_path, edit, line, fragment):
    path = write(tmp_path, GOOD.replace(*edit))
    problems = check_pack(path)
    assert problems, edit
    assert problems[0].startswith(f"{path}, line {line}: entry "), problems[0]
    assert fragment in problems[0]
    with pytest.raises(DataFileError, match="tiny.toml, line"):
        load_pack(path)


def test_one_sided_concept_is_rejected(tmp_path):
    text = GOOD.replace('b = ["annexation", "illegal annexation", "annex{|ed}"]\n', "")
    problems = check_pack(write(tmp_path, text))
    assert any("at least two sides" in p and "entry crimea" in p for p in problems)


def test_toml_syntax_error_names_the_line(tmp_path):
    problems = check_pack(write(tmp_path, GOOD.replace('version = "0.1"', "version = ")))
    assert len(problems) == 1 and "line 3" in problems[0]


def test_missing_pack_and_duplicate_names(tmp_path):
    with pytest.raises(DataFileError, match="no lexicon pack named 'nope'"):
        load_pack("nope")
    path = write(tmp_path, GOOD.replace('name = "tiny"', 'name = "climate"'), "c.toml")
    with pytest.raises(DataFileError, match="already used"):
        load_packs(["climate"], (path,))


def test_matcher_context_case_and_longest_match(tmp_path):
    pack = load_pack(write(tmp_path, GOOD))
    matcher = TermMatcher(pack.all_terms())
    doc = build_document("x", "The illegal annexation of Crimea. Russia annexed Crimea. Meanwhile "
                              "the tax return was filed late today. Crimea saw a return of calm.")
    found = [(m.text, m.term.side) for m in matcher.find(doc)]
    # The tax "return" is more than 3 words from "Crimea": outside its window.
    assert found == [("illegal annexation", "b"), ("annexed", "b"), ("return", "a")]


def test_spellings_are_case_sensitive_and_nested_in_phrases():
    matcher = TermMatcher(load_pack("russia_ukraine_nato").all_terms())
    doc = build_document("x", "Officials in Kyiv denounced the Kiev regime label; the KIEV sign "
                              "and the Cold War were mentioned.")
    found = [(m.text, m.term.concept, m.term.side) for m in matcher.find(doc)]
    assert found == [("Kyiv", "place_name_spelling", "ukraine_west"),
                     ("Kiev regime", "kiev_regime", "russia"),
                     ("Kiev", "place_name_spelling", "russia")]

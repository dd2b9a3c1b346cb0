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
    found = [(m.text, m.term.concept, m.term.side) for m in matcher.find(doc) if m.term.role == "term"]
    assert found == [("Kyiv", "place_name_spelling", "ukraine_west"),
                     ("Kiev regime", "kiev_regime", "russia"),
                     ("Kiev", "place_name_spelling", "russia")]


def test_a_term_that_is_its_own_context_word_is_rejected(tmp_path):
    # The shipped alliance_naming once listed "bloc" among its own context words.
    text = GOOD.replace('near = ["Crimea"]', 'near = ["Crimea", "annexation"]')
    path = write(tmp_path, text)
    problems = check_pack(path)
    assert len(problems) == 2  # "annexation" and "illegal annexation"
    assert problems[0].startswith(f"{path}, line 16: entry crimea.b: term 'annexation' contains its own "
                                  "context word(s) 'annexation'")
    assert "near = []" in problems[0]
    # A term's own near list (here none: it names its referent) is the fix.
    fixed = text.replace('b = ["annexation", "illegal annexation"',
                         'b = [{ term = "annexation", near = ["Crimea"] }, { term = "illegal annexation", near = [] }')
    assert check_pack(write(tmp_path, fixed)) == []


TOPIC = '''
[pack.topic]
anchors = ["Crimea", "Sevastopol", { term = "RF", case_sensitive = true }]
min_mentions = 2
note = "Two mentions of the peninsula."
'''


def test_topic_table_is_loaded(tmp_path):
    pack = load_pack(write(tmp_path, GOOD.replace("\n[pack.sides]", TOPIC + "\n[pack.sides]")))
    assert [a.term for a in pack.topic.anchors] == ["Crimea", "Sevastopol", "RF"]
    assert pack.topic.min_mentions == 2 and pack.topic.anchors[2].case_sensitive
    assert {a.role for a in pack.topic.anchors} == {"anchor"}


@pytest.mark.parametrize("edit, fragment", [
    (("min_mentions = 2", "min_mentions = 0"), "min_mentions = 0 must be a whole number of at least 1"),
    (('anchors = ["Crimea", "Sevastopol", { term = "RF", case_sensitive = true }]', "anchors = []"),
     "[pack.topic].anchors: list the words or names"),
    (('note = "Two mentions of the peninsula."', 'notes = "x"'), "unknown key"),
])
def test_topic_table_errors(tmp_path, edit, fragment):
    text = GOOD.replace("\n[pack.sides]", TOPIC.replace(*edit) + "\n[pack.sides]")
    problems = check_pack(write(tmp_path, text))
    assert any(fragment in p for p in problems), problems


EXCLUDE = '''
[[concept.exclude]]
near = ["tax"]
terms = ["return"]
scope = "sentence"
note = "A tax return is not Crimea's return."
'''


def test_exclusion_tables_are_loaded_and_applied(tmp_path):
    pack = load_pack(write(tmp_path, GOOD + EXCLUDE))
    (exclusion,) = pack.concepts[0].exclusions
    assert exclusion.note.startswith("A tax return") and exclusion.terms == ("return",)
    returned = [t for t in pack.concepts[0].terms["a"] if t.term == "return"][0]
    assert [c.words for c in returned.unless] == [frozenset({"tax"})]
    matcher = TermMatcher(pack.all_terms())
    doc = build_document("x", "In Crimea the tax return was late. Crimea saw a return of calm.")
    assert [(m.text, m.start) for m in matcher.find(doc)] == [("return", 48)]  # the second, not the tax return


@pytest.mark.parametrize("edit, fragment", [
    (('note = "A tax return is not Crimea\'s return."\n', ""), "note is missing"),
    (('terms = ["return"]', 'terms = ["retour"]'), "'retour' is not one of the concept's terms"),
    (('near = ["tax"]', 'near = ["return"]'), "contains the exclusion word 'return'"),
    (('scope = "sentence"', 'scope = "page"'), "scope = 'page' must be one of"),
    (('near = ["tax"]', 'nearby = ["tax"]'), "unknown key 'nearby'"),
])
def test_exclusion_table_errors(tmp_path, edit, fragment):
    problems = check_pack(write(tmp_path, GOOD + EXCLUDE.replace(*edit)))
    assert any(fragment in p for p in problems), problems


def test_scope_of_a_concept_is_checked(tmp_path):
    problems = check_pack(write(tmp_path, GOOD.replace("window = 5", 'scope = "chapter"')))
    assert problems and "scope = 'chapter' must be one of 'window', 'sentence', 'paragraph', 'article'" in problems[0]


def test_case_sensitive_lower_case_term_may_open_a_sentence(tmp_path):
    text = GOOD.replace('a = ["reunification"', 'a = [{ term = "reunification", case_sensitive = true }')
    matcher = TermMatcher(load_pack(write(tmp_path, text)).all_terms())
    doc = build_document("x", "Reunification with Crimea came. The Reunification of Crimea Day was marked.")
    assert [m.start for m in matcher.find(doc) if m.term.side == "a"] == [0]

"""The one compiled matcher: offsets, separators, whole words, nesting, exclusions and ``near``."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.lexicons.forms import expand_forms
from framing.lexicons.matcher import TermMatch, TermMatcher
from framing.lexicons.packs import Term


def term(text: str, concept: str = "crimea_2014", side: str = "ukraine_west", near: tuple[str, ...] = (),
         window: int = 15, inflect: bool = True) -> Term:
    """A term as a pack would load it (``side=""`` makes it an exclusion)."""
    return Term("tiny", concept, side, text, tuple(expand_forms(text, inflect)), frozenset(near), window, False,
                role="term" if side else "exclude")


def found(terms: list[Term], text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.text) for m in TermMatcher(terms).find(build_document("x", text))]


def test_a_phrase_is_found_with_its_offsets_and_term():
    crimea = term("annexation of Crimea")
    text = "Kyiv condemned the annexation of Crimea in March 2014."
    matches = TermMatcher([crimea, term("annexation")]).find(build_document("x", text))
    # "annexation" inside the longer term of the same concept is not counted again.
    assert matches == [TermMatch(19, 39, "annexation of Crimea", crimea)]
    assert text[19:39] == "annexation of Crimea"


@pytest.mark.parametrize("form, text, matched", [
    ("annexation of Crimea", "the annexation  of\nCrimea", "annexation  of\nCrimea"),  # any white space
    ("Kiev regime", "the Kiev-regime forces", "Kiev-regime"),  # a space also matches a hyphen
    ("de-escalation", "calls for deescalation now", "deescalation"),  # the hyphen is optional
    ("de-escalation", "calls for de escalation now", "de escalation"),
    ("Russia's war", "he denounced Russia’s war", "Russia’s war"),  # either apostrophe
    ("annexation", "THE ANNEXATION WAS CONDEMNED", "ANNEXATION"),  # case-insensitive by default
    ("annexation", "both annexations were condemned", "annexations"),  # the regular plural
])
def test_separators_case_and_plural_in_running_text(form, text, matched):
    assert [m[2] for m in found([term(form)], text)] == [matched]


@pytest.mark.parametrize("form, text", [
    ("annexation", "Reannexation was never discussed."),
    ("annexation", "An annexationist party won."),
    ("occupation", "Reunification with Crimea."),
])
def test_only_whole_words_match(form, text):
    assert found([term(form)], text) == []


def test_an_exclusion_blocks_its_concepts_terms_inside_it_only():
    terms = [term("war", concept="war"), term("Cold War", concept="war", side="")]
    # The exclusion itself is never reported; the second "war" is.
    assert found(terms, "The Cold War ended; the war in Donbas did not.") == [(24, 27, "war")]


def test_near_counts_the_parts_of_a_hyphenated_token():
    returned = term("return", concept="crimea_2014", side="russia", near=("crimea",), window=3)
    assert found([returned], "The return of Crimea-based units.") == [(4, 10, "return")]
    assert found([returned], "The return of the units was slow, said officials in Crimea.") == []


def test_matches_come_in_text_order_across_concepts():
    terms = [term("sanctions", concept="sanctions"), term("annexation", concept="crimea_2014")]
    text = "After the annexation, sanctions followed; a second annexation was feared."
    assert found(terms, text) == [(10, 20, "annexation"), (22, 31, "sanctions"), (51, 61, "annexation")]


def test_a_matcher_without_terms_finds_nothing():
    assert TermMatcher([]).find(build_document("x", "The annexation of Crimea.")) == []


@pytest.mark.parametrize("text, scanned", [
    # Curly marks and dashes have no case: the lower-cased scan.
    ("THE “ANNEXATION” — 2014’s ANNEXATION OF CRIMEA", ["ANNEXATION", "ANNEXATION OF CRIMEA"]),
    # A cased letter beyond ASCII: the case-insensitive scan.
    ("Köln saw the ANNEXATION OF CRIMEA differently", ["ANNEXATION OF CRIMEA"]),
    # "ſ" (long s) matches "s" case-insensitively, so "annexationſ" reads as the plural.
    ("both annexationſ were condemned", ["annexationſ"]),
])
def test_the_lower_cased_scan_finds_what_the_case_insensitive_one_finds(text, scanned):
    matcher = TermMatcher([term("annexation of Crimea"), term("annexation", "other")])
    spans = matcher._scan(text)
    assert spans == [raw.span(1) for raw in matcher._regex.finditer(text)]
    assert [text[start:end] for start, end in spans] == scanned

"""The surface forms a lexicon term expands to, and the key matches are looked up by."""

from __future__ import annotations

import pytest

from framing.lexicons.forms import expand_forms, match_key


@pytest.mark.parametrize("term, forms", [
    ("policy", ["policies", "policy"]),  # consonant + y -> ies
    ("blockade", ["blockade", "blockades"]),
    ("day", ["day", "days"]),  # vowel + y -> s
    ("box", ["box", "boxes"]),
    ("church", ["church", "churches"]),
    ("people's militia", ["people's militia", "people's militias"]),  # only the last word
    ("NGO", ["NGO", "NGOs"]),
    ("ISIS", ["ISIS"]),  # an acronym ending in S is left alone
    ("Resolution 2202", ["Resolution 2202"]),  # a number has no plural
])
def test_inflect_adds_the_regular_plural_of_the_last_word(term, forms):
    assert expand_forms(term, inflect=True) == forms


@pytest.mark.parametrize("term, forms", [
    # Brace alternatives are the forms: no plural is added to them.
    ("occupied {Crimea|Donbas}", ["occupied Crimea", "occupied Donbas"]),
    ("{pro|anti}-Russian {rebel|separatist}",
     ["anti-Russian rebel", "anti-Russian separatist", "pro-Russian rebel", "pro-Russian separatist"]),
    ("sanction{|s|ed}", ["sanction", "sanctioned", "sanctions"]),
])
def test_brace_alternatives_expand_to_every_combination(term, forms):
    assert expand_forms(term, inflect=True) == forms


def test_white_space_inside_a_term_is_collapsed():
    assert expand_forms("  Russian \n  proxy ", inflect=False) == ["Russian proxy"]


@pytest.mark.parametrize("text, key", [
    ("Russia’s war", "russiaswar"),  # curly apostrophe dropped like a straight one
    ("Kiev-regime", "kievregime"),
    ("  Kyiv  ", "kyiv"),
    ("Resolution 68/262", "resolution68262"),
    ("coup d'état", "coupdétat"),  # accented letters are letters
    ("NATO_expansion", "natoexpansion"),
])
def test_match_key_keeps_lower_case_letters_and_digits(text, key):
    assert match_key(text) == key


def test_forms_of_one_term_that_differ_in_spelling_only_share_a_key():
    assert {match_key(form) for form in expand_forms("de-{escalation|escalations}", False)} == {
        "deescalation", "deescalations"}
    assert match_key("de escalation") == match_key("De-Escalation")

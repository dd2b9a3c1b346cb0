"""Context around a match: words in scope (never the match itself), capitalised names, sentence starts."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.lexicons.context import headline_case, inside_name, starts_sentence, words_in_scope

TEXT = ("NATO met in Brussels.\nThe bloc voted on Tuesday. Members left.\n"
        "Moscow objected to the bloc.")


def span(doc, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.body.index(word, start + 1)
    return start, start + len(word)


@pytest.mark.parametrize("scope, window, nth, found", [
    ("window", 4, 0, False),  # "NATO" is 5 words before the first "bloc"
    ("window", 5, 0, True),
    ("sentence", 15, 0, False),  # another sentence
    ("paragraph", 15, 0, False),  # another paragraph (line)
    ("article", 15, 0, True),
    ("article", 15, 1, True),
])
def test_scopes(scope, window, nth, found):
    doc = build_document("x", TEXT)
    start, end = span(doc, "bloc", nth)
    assert words_in_scope(doc, start, end, frozenset({"nato"}), scope, window) is found


def test_the_match_is_never_its_own_context():
    doc = build_document("x", "The bloc met.")
    start, end = span(doc, "bloc")
    assert not words_in_scope(doc, start, end, frozenset({"bloc"}), "article", 15)
    # ... but another use of the word is
    doc = build_document("x", "The bloc met. The bloc left.")
    start, end = span(doc, "bloc")
    assert words_in_scope(doc, start, end, frozenset({"bloc"}), "article", 15)


def test_a_paragraph_without_breaks_is_read_as_the_sentences_around_the_match():
    # A video transcript with no paragraph breaks (AllSides): "Ukraine" five sentences away made
    # "the terrorists of the Islamic State" a term for the armed groups of Donbas.
    sentences = ["VO - Putin sent troops to Ukraine in 2014."] + [
        f"VO - The Berlin wall falls and crowds storm the compound number {n}." for n in range(40)]
    sentences.insert(6, "VO - Putin has declared Russia’s intervention in Syria as a fight against the terrorists.")
    doc = build_document("x", " ".join(sentences))
    start, end = span(doc, "terrorists")
    assert not words_in_scope(doc, start, end, frozenset({"ukraine"}), "paragraph", 15)
    near = build_document("x", " ".join(sentences[:1] + sentences[6:]))
    start, end = span(near, "terrorists")
    assert words_in_scope(near, start, end, frozenset({"ukraine"}), "paragraph", 15)


def test_hyphenated_parts_count_as_context():
    doc = build_document("x", "The return of Crimea-based units.")
    start, end = span(doc, "return")
    assert words_in_scope(doc, start, end, frozenset({"crimea"}), "window", 3)


@pytest.mark.parametrize("text, word, inside", [
    ("Members of the National Alliance for Public Charter Schools met.", "Alliance", True),
    ("Bret Schafer of the Alliance for Securing Democracy spoke.", "Alliance", True),
    ("It bleached the Great Barrier Reef.", "Barrier", True),
    ("A report by the Intergovernmental Panel on Climate Change came out.", "Climate Change", True),
    ("Obama's Clean Power Plan was repealed.", "Clean Power", True),
    ("The Alliance met in Brussels.", "Alliance", False),  # sentence-initial "The"
    ("Officials said the Alliance would meet.", "Alliance", False),
    ("Pro-Russian separatists Wednesday exited three towns.", "Pro-Russian separatists", False),  # a weekday
    ("the alliance of National parties", "alliance", False),  # lower case: never a name
    ("Russia's Annexation Of Crimea Angers The West", "Annexation", False),  # headline case
])
def test_inside_a_capitalised_name(text, word, inside):
    doc = build_document("x", text)
    assert inside_name(doc, *span(doc, word)) is inside


def test_headline_case_and_sentence_starts():
    doc = build_document("x", "Russia's Annexation Of Crimea Angers The West\n\nResistance grew. The Resistance met.")
    assert headline_case(doc, doc.tokens_between(doc.sentences[0].start, doc.sentences[0].end))
    assert not headline_case(doc, doc.tokens_between(doc.sentences[1].start, doc.sentences[1].end))
    first, second = span(doc, "Resistance"), span(doc, "Resistance", 1)
    assert starts_sentence(doc, first[0]) and not starts_sentence(doc, second[0])

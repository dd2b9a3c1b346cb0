"""Shared English vocabulary: one data file per list in ``framing/data/vocabulary/``, read once per process.

Every module that needs one of these lists imports it from here, so a list
has one home and one version (each file's header names its source).

>>> "those" in DETERMINERS, "was" in PASSIVE_AUXILIARIES, "u.s" in ABBREVIATIONS
(True, True, True)
"""

from __future__ import annotations

from framing.datafiles import packaged_word_list

DETERMINERS = packaged_word_list("vocabulary", "determiners.txt")
PASSIVE_AUXILIARIES = packaged_word_list("vocabulary", "passive_auxiliaries.txt")
ABBREVIATIONS = packaged_word_list("vocabulary", "abbreviations.txt")
FREQUENT_FUNCTION_WORDS = packaged_word_list("vocabulary", "frequent_function_words.txt")
# Function words left out of vocabulary statistics and statement matching.
STOPWORDS = packaged_word_list("vocabulary", "stopwords.txt")
# Words between a speaker and the reporting verb ("has repeatedly", "himself").
BETWEEN_SUBJECT_AND_VERB = packaged_word_list("vocabulary", "between_subject_and_verb.txt")
NOT_IN_SPEAKER_NAMES = packaged_word_list("vocabulary", "not_in_speaker_names.txt")
TITLES = packaged_word_list("vocabulary", "titles.txt")
# The word after "General" that makes a company or body ("General Motors", "the General Assembly").
GENERAL_BODIES = packaged_word_list("vocabulary", "general_bodies.txt")
# The word that ends a body's name ("the Department of Health", "the Senate"): never a person.
BODY_WORDS = packaged_word_list("vocabulary", "body_words.txt")
# Head nouns of an institution described by its kind ("the ministry said", "the Kremlin said").
INSTITUTION_WORDS = packaged_word_list("vocabulary", "institution_words.txt")
# The first word of a paragraph's label that is furniture, not a transcript's speaker ("UPDATE:", "THE FACTS:").
LABEL_FURNITURE = packaged_word_list("vocabulary", "label_furniture.txt")
# Singulars whose plural names a group of people ("Americans", "Tories").
GROUP_WORDS = packaged_word_list("vocabulary", "groups.txt")
# The last word of a newspaper's name ("The Washington Times", "the Post"): a news organisation, not a person.
MASTHEAD_WORDS = packaged_word_list("vocabulary", "masthead_words.txt")
# Days named between a speaker and the reporting verb ("Hannity on Monday called"): when, not who.
TIME_WORDS = packaged_word_list("vocabulary", "time_words.txt")
# Adverbs, conjunctions and particles at the edge of a speaker's phrase ("FEMA similarly", "But"), and
# the lower-case nouns in -ly that are no adverbs ("a close ally"): attribution's source check.
NOT_SPEAKER_EDGES = packaged_word_list("vocabulary", "not_speaker_edges.txt")
NOUNS_IN_LY = packaged_word_list("vocabulary", "nouns_in_ly.txt")
# Honorifics, attribution habits, spellings and page furniture: never a group's distinctive words.
HOUSE_STYLE_WORDS = packaged_word_list("vocabulary", "house_style_words.txt")
# Nouns after a quoted phrase that make it a name (the "zero tolerance" policy): scare quotes.
MEASURE_NOUNS = packaged_word_list("vocabulary", "measure_nouns.txt")
# Given names (coreference tells a person's gender by them; own names, a person from an outlet).
MALE_FIRST_NAMES = packaged_word_list("vocabulary", "male_first_names.txt")
FEMALE_FIRST_NAMES = packaged_word_list("vocabulary", "female_first_names.txt")
# Countries and US states: never a person's name (a place may still speak, as an institution).
PLACES = packaged_word_list("vocabulary", "places.txt", max_words=3)

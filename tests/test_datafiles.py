"""Packaged data files: word lists and TOML, validated with file, line and a fix in every error."""

from importlib import resources

import pytest

from framing.datafiles import line_of, load_toml, packaged_word_list, parse_toml, parse_word_list
from framing.errors import DataFileError


@pytest.mark.parametrize("text, message", [
    ("# header\nvery\nVery\n", r"x.txt, line 3: entry 'Very': write one lower-case word per line"),
    ("# header\nvery\nvery\n", r"x.txt, line 3: entry 'very': listed twice — remove the repeat"),
    ("very\n", r"x.txt, line 1: no header"),
    ("# header\nso much\n", r"line 2: entry 'so much': write one lower-case word"),
])
def test_word_list_errors_name_line_entry_and_fix(text, message):
    with pytest.raises(DataFileError, match=message):
        parse_word_list(text, "x.txt")


def test_word_list_entries_are_normalised_and_phrases_allowed_when_asked():
    text = "# hedges, by hand\n\nreportedly\n  so   much \n"
    assert parse_word_list(text, "x.txt", max_words=2) == {"reportedly", "so much"}


def test_every_packaged_vocabulary_list_loads():
    folder = resources.files("framing").joinpath("data", "vocabulary")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".txt"))
    assert names == ["abbreviations.txt", "between_subject_and_verb.txt", "body_words.txt", "determiners.txt",
                     "female_first_names.txt", "frequent_function_words.txt", "general_bodies.txt", "groups.txt",
                     "house_style_words.txt", "institution_words.txt", "label_furniture.txt",
                     "male_first_names.txt",
                     "masthead_words.txt", "measure_nouns.txt", "not_in_speaker_names.txt", "not_speaker_edges.txt",
                     "nouns_in_ly.txt",
                     "passive_auxiliaries.txt", "places.txt", "polarity_shifters.txt", "stopwords.txt",
                     "time_words.txt", "titles.txt"]
    longest = {"places.txt": 3}  # "united arab emirates"
    sizes = {name: len(packaged_word_list("vocabulary", name, max_words=longest.get(name, 1))) for name in names}
    assert sizes["passive_auxiliaries.txt"] == 12 and sizes["determiners.txt"] == 26


def test_toml_errors_and_line_lookup():
    with pytest.raises(DataFileError, match=r"my.toml: .* — fix the TOML syntax"):
        parse_toml("version = ", "my.toml")
    assert line_of("a = 1\nb = 2\n", "b =") == 2 and line_of("a = 1\n", "zzz") == 0
    data, _, label = load_toml("measures.toml")
    assert label == "framing/data/measures.toml" and data["measure"][0]["column"] == "sentiment__sentence_mean"


def test_reporting_verb_file_header_names_every_class_the_code_accepts():
    from framing.datafiles import packaged_text
    from framing.features.attribution.cues import VERB_CLASSES

    header = [line for line in packaged_text("reporting_verbs.toml").splitlines() if line.startswith("#   class")]
    assert header and header[0].split()[2:] == " | ".join(VERB_CLASSES).split()

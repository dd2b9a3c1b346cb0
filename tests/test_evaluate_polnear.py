"""PolNeAR reader (framing.evaluate.polnear): brat .ann/.txt pairs written in tmp_path, and the real dev split."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.errors import EvaluationError
from framing.evaluate.polnear import GoldAttribution, parse_ann, read_split, split_folder

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear"

# Offsets are characters, not bytes: "’" before "Spicer" is one character.
TEXT = ("Trump’s campaign manager said the race was tightening. "
        "The polls, Spicer insisted, were “fake news” and “totally rigged.”\n")
ANN = (
    "T1\tSource 0 24\tTrump’s campaign manager\n"
    "T2\tCue 25 29\tsaid\n"
    "T3\tContent 30 53\tthe race was tightening\n"
    "T4\tAttribution 25 29\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 66 72\tSpicer\n"
    "T6\tCue 73 81\tinsisted\n"
    "T7\tContent 55 64;83 121\tThe polls were “fake news” and “totally rigged.”\n"
    "T8\tAttribution 73 81\tinsisted\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "#1\tAnnotatorNotes T7\tsplit around the speaker\n"
    "T9\tDiscard 0 5\tTrump\n"
)


def written_split(tmp_path, files: dict[str, str], split: str = "dev") -> Path:
    for name, content in files.items():
        path = tmp_path / split / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return tmp_path


def test_spans_read_back_the_annotated_words():
    first, second = parse_ann(ANN)
    assert [TEXT[s:e] for s, e in first.sources] == ["Trump’s campaign manager"]
    assert [TEXT[s:e] for s, e in first.cues] == ["said"]
    assert [TEXT[s:e] for s, e in first.contents] == ["the race was tightening"]
    # A discontinuous content: two fragments, around "Spicer insisted".
    assert [TEXT[s:e] for s, e in second.contents] == ["The polls", "were “fake news” and “totally rigged.”"]
    assert (second.sources, second.cues) == (((66, 72),), ((73, 81),))


@pytest.mark.parametrize("ann, expected", [
    # A relation without a source (brat's Attribution-no-source).
    ("T1\tCue 0 4\tsaid\nT2\tContent 5 9\tyes\nT3\tAttribution-no-source 0 4\tsaid\n"
     "E1\tAttribution-no-source:T3 Content:T2 Cue:T1\n",
     [GoldAttribution(((5, 9),), (), ((0, 4),))]),
    # Numbered roles (Content2) add to their role; spans come out sorted.
    ("T1\tContent 40 50\tb\nT2\tContent 10 20\ta\nT3\tSource 0 5\tx\nT4\tAttribution 6 9\ty\n"
     "E1\tAttribution:T4 Content:T1 Content2:T2 Source:T3\n",
     [GoldAttribution(((10, 20), (40, 50)), ((0, 5),), ())]),
    # No content: not an attribution we can score, so skipped.
    ("T1\tSource 0 5\tx\nT2\tAttribution 6 9\ty\nE1\tAttribution:T2 Source:T1\n", []),
    # A reference to an undefined span is ignored, not an error.
    ("T1\tContent 5 9\tyes\nT2\tAttribution 0 4\tsaid\nE1\tAttribution:T2 Content:T1 Source:T99\n",
     [GoldAttribution(((5, 9),), (), ())]),
    ("", []),
])
def test_parse_ann_table(ann, expected):
    assert parse_ann(ann) == expected


def test_read_split_pairs_texts_and_annotations(tmp_path):
    root = written_split(tmp_path, {
        "text/cnn_2016-09-12_race-tightens.txt": TEXT,
        "attributions/cnn_2016-09-12_race-tightens_b7c1.ann": ANN,
        # The same text by a second annotator: the file that sorts first (_a3f0) is read.
        "attributions/cnn_2016-09-12_race-tightens_a3f0.ann": ANN.split("T5")[0],
        "text/breitbart_2016-09-15_polls.txt": "No attribution here.\n",
        "attributions/breitbart_2016-09-15_polls_ef2d.ann": "",
        # An annotation without its text is left out.
        "attributions/fox_2016-09-20_orphan_0001.ann": ANN,
    })
    documents = list(read_split(root, "dev"))
    assert [(d.name, len(d.attributions)) for d in documents] == [
        ("breitbart_2016-09-15_polls", 0), ("cnn_2016-09-12_race-tightens", 1)]
    assert documents[1].text == TEXT
    assert [d.name for d in read_split(root, "dev", limit=1)] == ["breitbart_2016-09-15_polls"]


@pytest.mark.parametrize("folders", [[], ["dev"], ["dev/text"], ["dev/attributions"], ["train/text"]])
def test_missing_split_says_what_to_pass(tmp_path, folders):
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    expected = (rf"^{re.escape(str(tmp_path / 'dev'))}: no PolNeAR 'dev' split here "
                r"\(expected text/ and attributions/\) — "
                r"pass --polnear the folder that holds train/ and dev/, e\.g\. \.\./shared/eval/polnear$")
    with pytest.raises(EvaluationError, match=expected):
        split_folder(tmp_path, "dev")
    # The reader is a generator: the error comes on the first document asked for.
    documents = read_split(tmp_path, "dev")
    with pytest.raises(EvaluationError):
        next(documents)


def test_complete_split_folder_is_returned(tmp_path):
    (tmp_path / "train" / "text").mkdir(parents=True)
    (tmp_path / "train" / "attributions").mkdir()
    assert split_folder(tmp_path, "train") == tmp_path / "train"
    assert list(read_split(tmp_path, "train")) == []


@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="../shared/eval/polnear is not present")
def test_first_dev_document():
    document = next(read_split(POLNEAR, "dev"))
    # Checked against breitbart_2016-09-12_stealth-over-health-hillary-clin_ef2d.ann: E1 to E6.
    assert document.name == "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    assert len(document.text) == 1273 and len(document.attributions) == 6
    first = document.attributions[0]
    assert [document.text[s:e] for s, e in first.sources] == ["The New York Post"]
    assert [document.text[s:e] for s, e in first.cues] == ["reports"]
    assert document.text[slice(*first.contents[0])].startswith("that Hillary Clinton’s team avoided")
    assert [document.text[s:e] for a in document.attributions[2:] for s, e in a.cues] == [
        "said", "said", "said", "added"]

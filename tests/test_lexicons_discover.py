"""Discovery of contested labels and the draft pack, on the seeds and tiny texts."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from framing.document.parse import build_document
from framing.errors import CorpusError
from framing.lexicons.discover import discover_labels, side_by_side
from framing.lexicons.packs import check_pack
from framing.lexicons.suggest import slug, suggest_pack

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_groups():
    groups = defaultdict(list)
    with open(SEEDS / "articles.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (SEEDS / row["file"]).read_text(encoding="utf-8")
            groups[row["outlet"]].append(build_document(row["file"], text, row["title"]))
    return dict(groups)


def entity(entities, key):
    return next(e for e in entities if e.entity == key)


def test_seeds_crimea_side_by_side(seed_groups):
    crimea = entity(discover_labels(seed_groups), "crimea")
    assert crimea.groups == ["RT", "The Moscow Times"]
    assert crimea.phrases("RT", "governs") == ["reunification with Crimea"]
    assert crimea.phrases("The Moscow Times", "governs") == ["annexation of the Crimean peninsula"]
    # "Crimean" is Crimea's adjective, counted as a name of Crimea.
    assert crimea.names["The Moscow Times"] == {"Crimean": 1}
    assert crimea.examples[("RT", "reunification with Crimea")] == ("000_ba4c7e0c4217ab86.txt", 10)


def test_seeds_acronym_and_demonym_merge(seed_groups):
    entities = discover_labels(seed_groups)
    nato = entity(entities, "nato")
    assert nato.names["The Moscow Times"]["North Atlantic Treaty Organization"] == 1
    russia = entity(entities, "russia")
    assert "Russian threat" in russia.phrases("RT") and "Russian threat" in russia.phrases("Fort Russ News")
    # Verbs after a name are not labels ("NATO knows how").
    assert "NATO knows" not in nato.phrases("RT")
    assert "Moscow's annexation" in entity(entities, "moscow").phrases("The Moscow Times")


def test_descriptor_before_a_name():
    groups = {
        "A": [build_document("a", "Pompeo met with North Korean leader Kim Jong Un. Kim Jong Un smiled.")],
        "B": [build_document("b", "Pompeo met the North Korean dictator Kim Jong Un. Kim Jong Un waved.")],
    }
    kim = entity(discover_labels(groups), "kim jong un")
    assert kim.phrases("A", "describes") == ["North Korean leader"]
    assert kim.phrases("B", "describes") == ["North Korean dictator"]


def test_sentence_openers_are_not_names():
    groups = {"A": [build_document("a", "Relations worsened. The relations with Crimea.")],
              "B": [build_document("b", "Relations improved. The talks on Crimea.")]}
    assert [e.entity for e in discover_labels(groups)] == ["crimea"]
    assert side_by_side(discover_labels(groups)[0]) == "crimea\n  A: relations with Crimea\n  B: talks on Crimea"


def test_suggest_pack_passes_the_checker(seed_groups, tmp_path):
    text = suggest_pack(seed_groups, name="seeds draft", source="seeds")
    path = tmp_path / "draft.toml"
    path.write_text(text, encoding="utf-8")
    assert check_pack(path) == []
    assert 'id = "crimea_governs"' in text
    block = text.split('id = "crimea_governs"')[1].split("[[concept]]")[0]
    assert 'rt = ["reunification"]' in block
    assert 'the_moscow_times = ["annexation"]' in block
    assert 'near = ["Crimea", "Crimean"]' in block


def test_suggest_pack_needs_two_groups():
    with pytest.raises(CorpusError, match="at least two outlets"):
        suggest_pack({"A": [build_document("a", "Crimea. The annexation of Crimea.")]})


def test_slug():
    assert slug("Fort Russ News") == "fort_russ_news"
    assert slug("20 Minutes") == "group_20_minutes"

"""Drafting concepts from discovered labels: which head words become terms of which side."""

from __future__ import annotations

from collections import Counter

import pytest

from framing.lexicons.discover import EntityLabels
from framing.lexicons.suggest import documents_by_outlet, draft_concepts, slug


def crimea(labels: dict[str, dict[tuple[str, str, str], int]], key: str = "crimea") -> EntityLabels:
    """An entity as discovery files it: each group names it "Crimea" and uses ``labels``."""
    names = {group: Counter({"Crimea": 2}) for group in labels}
    return EntityLabels(key, names=names, labels={group: Counter(found) for group, found in labels.items()})


@pytest.mark.parametrize("text, prefix, expected", [
    ("RT", "group", "rt"),
    ("  Fox News! ", "group", "fox_news"),
    ("Ведомости", "group", "group"),  # no Latin letter left
    ("9/11", "entity", "entity_9_11"),
    ("kim jong un", "entity", "kim_jong_un"),
])
def test_slug(text, prefix, expected):
    assert slug(text, prefix) == expected


def test_each_side_gets_the_head_words_only_it_uses():
    entity = crimea({
        "RT": {("governs", "reunification", "reunification with Crimea"): 2},
        "The Moscow Times": {("governs", "annexation", "annexation of Crimea"): 1,
                             ("governs", "annexation", "illegal annexation of Crimea"): 1,
                             ("governs", "status", "status of Crimea"): 1},
        "TASS": {("governs", "status", "status of Crimea"): 1},
    })
    entity.names["The Moscow Times"]["Crimean"] = 1
    assert draft_concepts([entity]) == [{
        "id": "crimea_governs",
        "entity": "crimea",
        "relation": "governs",
        # "status" is used by two groups: no side's own word; TASS is left with none.
        "terms": {"RT": ["reunification"], "The Moscow Times": ["annexation"]},
        "near": ["Crimea", "Crimean"],
        # The most frequent phrase with the word, then the alphabetically first.
        "examples": ["RT: 'reunification with Crimea'", "The Moscow Times: 'annexation of Crimea'"],
    }]


def test_a_plural_of_a_word_kept_for_an_earlier_side_is_dropped():
    entity = crimea({
        "A": {("modifies", "sanction", "Crimea sanction"): 1},
        "B": {("modifies", "sanctions", "Crimea sanctions"): 3, ("modifies", "blockade", "Crimea blockade"): 1},
    })
    [concept] = draft_concepts([entity])
    assert concept["id"] == "crimea_modifies"
    assert concept["terms"] == {"A": ["sanction"], "B": ["blockade"]}


def test_own_words_are_listed_most_frequent_first():
    entity = crimea({
        "A": {("governs", "annexation", "annexation of Crimea"): 1,
              ("governs", "occupation", "occupation of Crimea"): 3},
        "B": {("governs", "reunification", "reunification with Crimea"): 1},
    })
    assert draft_concepts([entity])[0]["terms"]["A"] == ["occupation", "annexation"]


def test_nothing_is_drafted_from_shared_words_or_descriptions():
    shared = crimea({"A": {("governs", "annexation", "annexation of Crimea"): 1},
                     "B": {("governs", "annexation", "annexation of Crimea"): 1}})
    described = crimea({"A": {("describes", "peninsula", "the peninsula"): 1},
                        "B": {("describes", "region", "the region"): 1}})
    assert draft_concepts([shared, described]) == []


def test_drafting_stops_at_max_concepts():
    labels = {"A": {("governs", "annexation", "annexation of Crimea"): 1},
              "B": {("governs", "reunification", "reunification with Crimea"): 1}}
    entities = [crimea(labels, "crimea"), crimea(labels, "sevastopol")]
    assert [c["id"] for c in draft_concepts(entities)] == ["crimea_governs", "sevastopol_governs"]
    assert [c["id"] for c in draft_concepts(entities, max_concepts=1)] == ["crimea_governs"]


def test_documents_by_outlet_groups_the_seeds(seeds_dir):
    groups = documents_by_outlet(seeds_dir)
    assert {outlet: len(docs) for outlet, docs in groups.items()} == {
        "RT": 1, "Fort Russ News": 2, "The Moscow Times": 1, "TASS": 1}
    assert [doc.article_id for doc in groups["Fort Russ News"]] == ["001_6d2487ecfb3683dc", "003_c93ca4cd981dbd98"]

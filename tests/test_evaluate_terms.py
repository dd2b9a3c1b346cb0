"""framing evaluate terms: off-topic hits, precision on hand-checked hits, on tiny samples."""

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import EvaluationError
from framing.evaluate import terms
from framing.features.lexicon import LexiconScorer

ALLSIDES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "allsides" / "articles_10k.jsonl.gz"
COLUMNS = ["pack", "concept", "term", "article_id", "sentence", "label", "reason"]
ON_RUSSIA = ("Russia and NATO met in Moscow. The annexation of Crimea by Russia was condemned. "
             "Putin spoke later.")


@pytest.fixture(scope="module")
def scorer():
    return LexiconScorer(packs=["russia_ukraine_nato"])


def write_labels(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS + ["context"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_allsides(path, articles):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n, (topic, text) in enumerate(articles):
            handle.write(json.dumps({"ID": f"a{n}", "topic": topic, "title": "", "source": "X",
                                     "content_original": text}) + "\n")
    return path


@pytest.mark.parametrize(("right", "n", "low", "high"), [
    (9, 10, 0.596, 0.982),   # by hand: centre 0.789, half-width 0.193
    (20, 20, 0.839, 1.0),
    (54, 60, 0.799, 0.953),
])
def test_wilson_interval(right, n, low, high):
    assert [round(x, 3) for x in terms.wilson_interval(right, n)] == [low, high]


def test_precision_rematches_each_sentence_with_the_packs_as_they_are(tmp_path, scorer):
    labels = write_labels(tmp_path / "labels.csv", [
        {"pack": "russia_ukraine_nato", "concept": "crimea_2014", "term": "annexation", "article_id": "1",
         "sentence": "The annexation of Crimea was condemned.", "label": "right", "reason": "Crimea 2014"},
        {"pack": "russia_ukraine_nato", "concept": "crimea_2014", "term": "reunification", "article_id": "2",
         "sentence": "Moscow celebrated the reunification with Crimea.", "label": "wrong", "reason": "a test"},
        # "rebel" needs Donetsk (or the like) in its paragraph: given as context, the hit is still found.
        {"pack": "russia_ukraine_nato", "concept": "donbas_forces", "term": "rebel", "article_id": "3",
         "sentence": "The rebels withdrew.", "context": "Shelling hit Donetsk.", "label": "right",
         "reason": "armed groups in Donetsk"},
        # No Crimea anywhere: the packs no longer find this hit, so it leaves the figure.
        {"pack": "russia_ukraine_nato", "concept": "crimea_2014", "term": "annexation", "article_id": "4",
         "sentence": "The annexation of the Sudetenland.", "label": "wrong", "reason": "not Crimea"},
    ])
    result = terms.labelled_precision(labels, scorer)["russia_ukraine_nato"]
    assert (result["n_labelled"], result["n_dropped"], result["n"], result["n_right"]) == (4, 1, 3, 2)
    assert result["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["wrong_terms"] == {"crimea_2014: reunification": 1}


def test_a_bad_label_names_the_file_and_line(tmp_path):
    labels = write_labels(tmp_path / "labels.csv", [
        {"pack": "p", "concept": "c", "term": "t", "article_id": "1", "sentence": "s", "label": "maybe",
         "reason": "r"}])
    with pytest.raises(EvaluationError, match="labels.csv line 2: label 'maybe'"):
        terms.read_labels(labels)


def test_off_topic_hits_count_only_articles_on_unrelated_topics(tmp_path, scorer):
    allsides = write_allsides(tmp_path / "a.jsonl.gz", [
        ("education", ON_RUSSIA),             # an unrelated topic: its hit counts against the pack
        ("education", "Schools reopened in Ohio."),
        ("russia", ON_RUSSIA),                # the pack's own topic: not judged here
    ])
    result = terms.off_topic_rates(allsides, scorer)["russia_ukraine_nato"]
    assert (result["n_articles"], result["n_hits"], result["hits_per_1k_articles"]) == (2, 1, 500.0)
    assert result["top_terms"] == {"crimea_2014: annexation": 1}


def test_the_committed_labels_are_valid_and_every_pack_has_a_sample():
    rows = terms.read_labels(terms.DEFAULT_LABELS)
    assert len(rows) >= 200
    assert {r["pack"] for r in rows} == set(terms.UNRELATED_TOPICS)
    assert all(r["reason"].strip() and len(r["sentence"]) < 600 for r in rows)


def test_the_command_prints_json_from_small_samples(tmp_path):
    allsides = write_allsides(tmp_path / "a.jsonl.gz", [("taxes", ON_RUSSIA), ("healthcare", "Premiums rose.")])
    result = CliRunner().invoke(main, ["evaluate", "terms", "--allsides", str(allsides), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["off_topic"]["russia_ukraine_nato"]["n_hits"] == 1
    assert figures["precision"]["climate"]["n_labelled"] == 60
    text = CliRunner().invoke(main, ["evaluate", "terms"]).output
    assert "Precision on hand-checked hits" in text


@pytest.mark.skipif(not ALLSIDES.exists(), reason="AllSides set not beside the checkout")
def test_on_the_first_thousand_allsides_lines():
    result = terms.evaluate_terms(ALLSIDES, limit=1000)
    assert set(result["off_topic"]) == set(terms.UNRELATED_TOPICS)
    assert all(f["n_articles"] > 0 for f in result["off_topic"].values())

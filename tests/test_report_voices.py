"""The voices chart speaks one vocabulary: sides when the registries name most speakers, roles otherwise."""

import os
from pathlib import Path

import pytest

from framing.compare.summaries import summarise
from framing.document.parse import build_document
from framing.evaluate.roles import allsides_documents
from framing.features.attribution.scorer import AttributionScorer
from framing.report import chart_data

# FRAMING_EVAL names the evaluation data folder (a worktree has no ../shared beside it).
EVAL = Path(os.environ.get("FRAMING_EVAL") or Path(__file__).resolve().parents[2] / "shared" / "eval")
ALLSIDES = EVAL / "allsides" / "articles_10k.jsonl.gz"


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def evidence_of(scorer, documents):
    """Per outlet, the summary of the attribution records of ``documents`` (outlet, Document) pairs."""
    records, group_of = [], {}
    for outlet, document in documents:
        group_of[document.article_id] = outlet
        for f in scorer.score(document).findings:
            records.append({"id": document.article_id, "family": "attribution", "kind": f.kind, "text": f.text,
                            "detail": f.detail})
    return summarise(records, group_of, {})


def legend(evidence):
    figure = chart_data._voices(sorted(evidence), evidence, chart_data.chart_text("voices"),
                                chart_data.voices_vocabulary(evidence))
    return figure.axes[0].get_title(), [t.get_text() for t in figure.legends[0].get_texts()]


def test_the_seeds_are_shown_by_side(scorer, seed_document):
    outlets = {"000": "RT", "001": "The Moscow Times", "002": "Fort Russ News", "003": "Fort Russ News",
               "004": "TASS"}
    evidence = evidence_of(scorer, [(outlets[p], seed_document(p)) for p in outlets])
    assert chart_data.voices_vocabulary(evidence) == "side"
    title, names = legend(evidence)
    assert title == "Voices by speaker side"
    assert "Russian government" in names and "NATO / Western governments" in names
    assert not {"politician", "government", "expert", "anonymous"} & set(names)


def test_a_run_off_the_registries_topics_is_shown_by_role(scorer):
    # Sentences as AllSides articles write them (health insurance, a storm, a police shooting, talks).
    text = ("“This all looks a lot like the landscape in 2013,” said David Anderson, a research associate at "
            "Duke University.\n\n“We were lucky,” said Olga Mendez, 54, who lives nearby.\n\nA spokeswoman "
            "for the county sheriff's office said two deputies were hurt.\n\nThe talks have stalled, according "
            "to a person familiar with the negotiations.")
    evidence = evidence_of(scorer, [("Vox", build_document("a", text))])
    assert chart_data.voices_vocabulary(evidence) == "role"
    title, names = legend(evidence)
    assert title == "Voices by speaker role"
    assert sorted(names) == ["anonymous", "citizen", "expert", "government"]


def test_one_name_for_not_known_in_either_vocabulary():
    assert chart_data.voice_label("side", "unknown") == chart_data.voice_label("role", "unknown") == "unidentified"


@pytest.mark.skipif(not ALLSIDES.exists(), reason="the AllSides sample is not here (set FRAMING_EVAL)")
def test_an_allsides_sample_is_shown_by_role_with_one_name_per_category(scorer):
    documents = [(doc.article_id[:2], doc) for doc in allsides_documents(ALLSIDES, limit=60)]
    evidence = evidence_of(scorer, documents)
    assert chart_data.voices_vocabulary(evidence) == "role"
    title, names = legend(evidence)
    assert title == "Voices by speaker role"
    assert set(names) <= {"politician", "government", "expert", "advocacy", "business", "citizen", "media",
                          "anonymous", "unidentified"}
    assert len(names) == len(set(names))

"""Distinctive vocabulary: the log-odds statistic, streaming counts, the seeds."""

import csv
import math
from pathlib import Path

import pytest

from framing.compare.distinctive import distinctive_terms, log_odds_z
from framing.compare.term_counts import TermCounts, count_terms, find_sentence, term_lists
from framing.document.parse import build_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_log_odds_z_by_hand():
    # Group A says "a" 3 times and "b" once; group B the reverse.  Prior = the
    # set's counts: alpha_a = 4, alpha_0 = 8.  For "a" in A:
    # delta = log(7/5) - log(5/7) = 0.672944, variance = 1/7 + 1/5.
    expected = 2 * math.log(1.4) / math.sqrt(1 / 7 + 1 / 5)
    assert expected == pytest.approx(1.149271, abs=1e-6)
    assert log_odds_z(3, 4, 1, 4, 4, 8) == pytest.approx(expected)
    counts = TermCounts()
    counts.add("A", {"a": 3, "b": 1})
    counts.add("B", {"a": 1, "b": 3})
    result = distinctive_terms(counts, min_count=1)
    assert result["A"] == [("a", pytest.approx(expected), 3)]
    assert result["B"] == [("b", pytest.approx(expected), 3)]


def test_one_group_has_nothing_to_compare():
    counts = TermCounts()
    counts.add("A", {"a": 3})
    assert distinctive_terms(counts, min_count=1) == {"A": []}


def test_ties_are_broken_by_term():
    counts = TermCounts()
    counts.add("A", {"zebra": 2, "apple": 2, "common": 1})
    counts.add("B", {"common": 4, "other": 2})
    assert [term for term, _, _ in distinctive_terms(counts, min_count=1)["A"]] == ["apple", "zebra"]


def test_ngrams_stay_inside_phrases():
    doc = build_document("x", 'In 2014, Moscow’s "reunification" with Crimea. The US-led military bloc, NATO, grew.')
    terms = set(term_lists(doc)[0])
    assert {"moscow", "reunification", "crimea", "us-led military bloc", "military bloc"} <= terms
    # Quotation marks and commas are phrase boundaries; numbers are not terms.
    assert "reunification with crimea" not in terms
    assert "bloc nato" not in terms
    assert "2014" not in terms
    assert not {"in", "the", "with"} & terms


def test_count_terms_and_trigrams_with_a_stop_word_inside():
    counts = count_terms(build_document("x", "The annexation of Crimea. Annexation of Crimea again."))
    assert counts["annexation of crimea"] == 2
    assert counts["annexation"] == 2
    assert "of" not in counts


def test_merge_is_order_independent_and_equals_one_pass():
    texts = {
        "a1": ("X", "The bloc expands. The bloc grows eastward."),
        "a2": ("Y", "The alliance expands."),
        "a3": ("X", "Eastward the alliance grows."),
    }
    docs = {key: (group, build_document(key, text)) for key, (group, text) in texts.items()}
    whole = TermCounts()
    for group, doc in docs.values():
        whole.add_document(group, doc)
    left, right = TermCounts(), TermCounts()
    left.add_document(*docs["a3"])
    right.add_document(*docs["a1"])
    right.add_document(*docs["a2"])
    for merged in (left + right, right + left):
        assert merged.counts == whole.counts
        assert merged.examples == whole.examples
        assert merged.n_documents == whole.n_documents == {"X": 2, "Y": 1}
        assert merged.peaks == whole.peaks and merged.peaks["X"]["bloc"] == 2
        assert TermCounts.from_json(merged.to_json()).peaks == whole.peaks
    # The example kept is the earliest (article, sentence), whatever the order.
    assert (left + right).example("X", "eastward") == ("a1", 1)


def test_memory_bound_prunes_singletons():
    counts = TermCounts(max_entries=5)
    counts.add("A", {"kept": 3, "rare1": 1, "rare2": 1})
    counts.add("B", {"kept": 2, "rare3": 1, "rare4": 1}, examples={"rare3": ("b", 0)})
    assert counts.n_pruned == 1
    assert counts.counts == {"A": {"kept": 3}, "B": {"kept": 2}}
    assert counts.example("B", "rare3") is None
    assert counts.n_entries == 2


@pytest.fixture(scope="module")
def seed_counts():
    counts = TermCounts()
    docs = {}
    with open(SEEDS / "articles.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            doc = build_document(row["file"], (SEEDS / row["file"]).read_text(encoding="utf-8"), row["title"])
            docs[row["file"]] = doc
            counts.add_document(row["outlet"], doc)
    return counts, docs


def test_seeds_distinctive_terms(seed_counts):
    counts, _ = seed_counts
    assert counts.n_documents["Fort Russ News"] == 2
    top = distinctive_terms(counts, top=3, min_count=2)
    # TASS: "Council" 9 times, 5 of them in "NATO-Russia Council" (checked with grep).
    assert top["TASS"][0][0] == "council" and top["TASS"][0][2] == 9
    assert top["Fort Russ News"][0][:1] == ("northern fleet",)
    every = distinctive_terms(counts, top=1000, min_count=1)
    terms = {group: {term for term, _, _ in listed} for group, listed in every.items()}
    assert "annexation" in terms["The Moscow Times"]
    assert "reunification with crimea" in terms["RT"]
    assert "annexation" not in terms["RT"] | terms["TASS"]
    assert "reunification" not in terms["The Moscow Times"]


def test_a_word_from_one_article_cannot_lead_a_groups_list(seed_counts):
    # Fort Russ News has two seed articles; "Northern Fleet" is 3 times in one (003) and never in the
    # other, "certain", "need" and "pointed" are in both (2 + 1 each, checked with grep).
    counts, _ = seed_counts
    assert counts.group_peaks("Fort Russ News")["northern fleet"] == 3
    assert counts.group_peaks("Fort Russ News")["certain"] == 2
    plain = distinctive_terms(counts, top=5, min_count=2)
    spread = distinctive_terms(counts, top=5, min_count=2, one_article_out=True)
    assert plain["Fort Russ News"][0][0] == "northern fleet"
    assert [term for term, _, _ in spread["Fort Russ News"][:3]] == ["certain", "need", "pointed"]
    assert "northern fleet" not in {term for term, _, _ in spread["Fort Russ News"]}
    # The counts shown stay the group's uses; a group of one article keeps its own list (leaving its
    # one article out left every such group of a 30-article AllSides sample with no list at all).
    assert spread["Fort Russ News"][0][2] == 3
    assert spread["RT"] == plain["RT"] and spread["TASS"] == plain["TASS"] and spread["RT"]


def test_seeds_example_sentence(seed_counts):
    counts, docs = seed_counts
    article_id, sentence_index = counts.example("The Moscow Times", "annexation")
    sentence = docs[article_id].sentences[sentence_index]
    assert "Moscow's annexation of the Crimean peninsula" in sentence.text
    assert find_sentence(docs[article_id], "annexation") == sentence
    assert find_sentence(docs[article_id], "reunification") is None


def test_distinctive_terms_of_some_groups_are_those_of_the_whole_computation(seed_counts):
    counts, _ = seed_counts
    every = distinctive_terms(counts, top=5, min_count=2)
    some = distinctive_terms(counts, top=5, min_count=2, groups=["TASS", "RT", "no such outlet"])
    assert some == {"RT": every["RT"], "TASS": every["TASS"]}


def test_house_style_words_are_not_counted_and_break_phrases():
    # The Washington Times writes "Mr. Trump", BBC News "Mr Trump" and "Dr Fauci", NPR's photo
    # captions "toggle caption" (AllSides corpus): style and page furniture, not wording.
    doc = build_document("bbc", "Ms Daniels claims she had an affair with Mr Trump, and he and his lawyers made "
                                "attempts to buy her silence. Enlarge this image toggle caption Charles Dharapak/AP")
    terms = set(term_lists(doc)[0])
    assert {"daniels", "daniels claims", "trump", "charles dharapak"} <= terms
    assert not {t for t in terms if {"ms", "mr", "toggle", "affair with mr"} & {t, *t.split()}}


def test_a_transcripts_fillers_are_not_counted():
    # A New York Times video script in the AllSides corpus.
    doc = build_document("nyt", "My top science advisor periodically will issue some chart or report or graph ah, "
                                "in the morning meetings, and um, they are terrifying.")
    terms = set(term_lists(doc)[0])
    assert "graph" in terms and "morning meetings" in terms and not {"ah", "um"} & terms


def test_clock_times_and_time_zones_are_not_counted():
    # CNN's live blog of the 2013 health-care hearings (AllSides corpus): 48 "ET" time stamps made "et"
    # and "a.m" CNN's first distinctive words among 355 health-care articles.
    doc = build_document("cnn", "Updated 3:18 p.m. ET, 11/5/13\n\n11:57 a.m. ET - Campbell says the last "
                                "modification for the website happened in August.")
    terms = set(term_lists(doc)[0])
    assert {"campbell", "last modification", "website happened"} <= terms
    assert not {t for t in terms if {"a.m", "p.m", "et"} & set(t.split())}


def test_a_tables_vs_is_not_counted():
    # An NPR table of House races (AllSides corpus): 55 such lines made "vs" its first distinctive word.
    terms = set(term_lists(build_document("npr", "AZ 09 (new) Kyrsten Sinema vs. Vernon Parker"))[0])
    assert {"kyrsten sinema", "vernon parker"} <= terms and not {t for t in terms if "vs" in t.split()}


def test_an_honorific_is_not_a_groups_distinctive_word():
    counts = TermCounts()
    washington_times = [
        "There is not a difference between what Mr. Trump is saying and what the NRA’s position is.",
        "On Saturday, Mr. Trump said the former heads of the FBI, the CIA and the Office of the Director of National "
        "Intelligence were “hacks” whose judgment he questioned on the matter of Russian meddling.",
        "Yeonmi Park, a human rights activist who fled North Korea in 2007, took aim at Mr. Trump in an op-ed "
        "written in response to his unprecedented trip abroad last week."]
    reuters = [
        "In a White House speech, Trump said the Internal Revenue Service had advised that if he signs the bill into "
        "law before Christmas, the tax cuts would take effect in February.",
        "A day after the Chinese parliament approved moving forward with legislation tackling secession and "
        "subversion in the territory, Trump said he would hold PRC officials linked to “smothering Hong Kong’s "
        "freedom” responsible but didn’t provide details.",
        "Asked about Bannon before a meeting of his Cabinet on Monday, Trump said he could “understand where Steve "
        "Bannon’s coming from” and took a jab at the Republican-led Congress in the process."]
    for group, sentences in (("Washington Times", washington_times), ("Reuters", reuters)):
        for k, text in enumerate(sentences):
            counts.add_document(group, build_document(f"{group}{k}", text))
    listed = {term for terms in distinctive_terms(counts, min_count=1).values() for term, _, _ in terms}
    assert counts.group_counts("Washington Times")["trump"] == 3
    assert listed and not {t for t in listed if {"mr", "said"} & set(t.split())}

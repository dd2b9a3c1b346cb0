"""The compact term table counts, prunes and keeps examples exactly as TermCounts does."""

import csv
from pathlib import Path

import pytest

from framing.compare.distinctive import distinctive_terms
from framing.compare.findings import distinctive_vocabulary
from framing.compare.term_counts import TermCounts, term_lists
from framing.compare.term_table import TermTable, as_term_table
from framing.document.parse import build_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_paragraph_documents():
    """The seeds cut into paragraphs: 40-odd real documents, five groups, ids whose string order is not
    their order of arrival ("p10" sorts before "p9")."""
    documents = []
    with open(SEEDS / "articles.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (SEEDS / row["file"]).read_text(encoding="utf-8")
            for paragraph in (p for p in text.split("\n\n") if len(p.split()) > 5):
                documents.append((row["outlet"], build_document(f"p{len(documents)}", paragraph)))
    return documents


def _one_document(doc):
    terms, where = term_lists(doc)
    counts = TermCounts()
    counts.add("", terms, {t: (doc.article_id, i) for t, i in reversed(list(zip(terms, where)))})
    return counts.counts[""], counts.examples[""]


def _assert_same(old: TermCounts, new: TermTable):
    assert (new.n_pruned, new.n_entries, new.groups) == (old.n_pruned, old.n_entries, old.groups)
    assert new.n_documents == old.n_documents
    for group, counter in old.counts.items():
        assert new.group_counts(group) == dict(counter)
        assert new.group_peaks(group) == dict(old.group_peaks(group))
        for term, where in old.examples.get(group, {}).items():
            assert new.example(group, term) == where
    totals, _ = new.set_totals()
    old_totals, _ = old.set_totals()
    for group in old.groups:
        assert new.group_totals(group, totals) == {term: old_totals[term] for term in old.counts[group]}
    shown = old.groups[:3]
    assert distinctive_terms(new, min_count=1, groups=shown) == distinctive_terms(old, min_count=1, groups=shown)
    assert distinctive_terms(new, min_count=2) == distinctive_terms(old, min_count=2)
    assert (distinctive_terms(new, min_count=2, one_article_out=True)
            == distinctive_terms(old, min_count=2, one_article_out=True))


@pytest.fixture(scope="module")
def documents():
    return [(group, *_one_document(doc)) for group, doc in _seed_paragraph_documents()]


@pytest.mark.parametrize("max_entries, batch_terms", [(1_000_000, 50), (1_000_000, 10**6), (400, 30),
                                                      (400, 10**6), (150, 7)])
def test_the_same_counts_prunes_and_examples_as_term_counts(documents, max_entries, batch_terms):
    old, new = TermCounts(max_entries=max_entries), TermTable(max_entries, batch_terms)
    for group, counter, examples in documents:
        old.add(group, counter, examples)
        new.add(group, counter, examples)
    _assert_same(old, new)
    assert (old.n_pruned > 0) == (max_entries < 1_000_000)


def test_pruning_happens_after_the_article_that_passes_the_bound():
    # As TermCounts' own test: five entries held, the second article makes six, the ones are dropped.
    table = TermTable(max_entries=5, batch_terms=100)
    table.add("A", {"kept": 3, "rare1": 1, "rare2": 1})
    table.add("B", {"kept": 2, "rare3": 1, "rare4": 1}, examples={"rare3": ("b", 0)})
    table.add("B", {"rare5": 1})
    assert table.n_pruned == 1
    assert dict(table.counts) == {"A": {"kept": 3}, "B": {"kept": 2, "rare5": 1}}
    assert table.example("B", "rare3") is None


def test_the_smallest_article_id_is_the_example_as_strings_compare():
    table = TermTable(batch_terms=1)
    table.add("A", {"crimea": 1}, {"crimea": ("a9", 4)})
    table.add("A", {"crimea": 1}, {"crimea": ("a10", 7)})
    table.add("A", {"crimea": 1}, {"crimea": ("a9", 2)})
    assert table.example("A", "crimea") == ("a10", 7)
    assert table.example("A", "annexation") is None and table.example("B", "crimea") is None


def test_merging_groups_gives_what_term_counts_gives(documents):
    old = TermCounts()
    for group, counter, examples in documents:
        old.add(group, counter, examples)
    aliases = {old.groups[0]: old.groups[1], old.groups[2]: old.groups[1]}
    _assert_same(old.merged_groups(aliases), as_term_table(old).merged_groups(aliases))


def test_the_seeds_distinctive_vocabulary_with_its_examples(documents):
    old, new = TermCounts(), TermTable()
    for group, counter, examples in documents:
        old.add(group, counter, examples)
        new.add(group, counter, examples)
    order = old.groups
    outlets = {group: {group} for group in order}
    found = distinctive_vocabulary(new, order, outlets=outlets)
    assert found == distinctive_vocabulary(old, order, outlets=outlets)
    # TASS's report on the NATO-Russia Council names the council nine times.
    assert [(t["term"], t["count"]) for t in found["TASS"][:2]] == [("council", 9), ("ready", 8)]

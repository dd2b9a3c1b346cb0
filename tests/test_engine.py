"""Local engine: worker processes give the in-process results, in input order; small sets stay in-process."""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.corpus import CorpusReader
from framing.engine import SMALL_SET, map_ordered
from framing.errors import DataFileError
from framing.output import format_value
from framing.pipeline import ScoreOptions
from framing.seeds import default_corpus


def many_articles(n: int) -> list:
    """The seeds repeated under new ids until there are ``n`` articles."""
    seeds = list(CorpusReader(default_corpus()))
    return [replace(seeds[i % len(seeds)], id=f"{seeds[i % len(seeds)].id}~{i}") for i in range(n)]


def cells(scored) -> list[str]:
    return [format_value(value) for value in scored.row().values()]


def test_worker_processes_give_the_same_rows_and_evidence_in_order():
    articles = many_articles(SMALL_SET + 9)
    here = list(map_ordered(ScoreOptions(), articles, jobs=1))
    workers = list(map_ordered(ScoreOptions(), articles, jobs=2, compact=True))
    assert [s.meta["id"] for s in workers] == [a.id for a in articles]
    # As written to features.csv (NaN != NaN, so compare the cells).
    assert [cells(s) for s in workers] == [cells(s) for s in here]
    assert [s.evidence_text() for s in workers] == [s.evidence_text() for s in here]
    # Compact results carry the evidence as lines only.
    assert all(s.evidence == [] and s.evidence_lines for s in workers)


def test_a_small_set_is_scored_in_this_process_with_full_evidence():
    articles = many_articles(SMALL_SET)
    scored = list(map_ordered(ScoreOptions(), articles, jobs=2, compact=True))
    assert [s.meta["id"] for s in scored] == [a.id for a in articles]
    assert all(s.evidence and s.evidence_lines is None for s in scored)


def test_a_worker_error_reaches_the_caller(tmp_path):
    options = ScoreOptions(lexicon_files=(str(tmp_path / "missing.toml"),))
    with pytest.raises(DataFileError):
        list(map_ordered(options, many_articles(SMALL_SET + 1), jobs=2))

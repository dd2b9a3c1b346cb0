"""Local engine: worker processes give the in-process results, in input order; small sets stay in-process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from framing.corpus.reader import CorpusReader
from framing.corpus.seeds import default_corpus
from framing.errors import DataFileError, WorkerError
from framing.run.cache import ScorerFactory
from framing.run.engine import SMALL_SET, map_ordered
from framing.run.output import format_value
from framing.run.scorer import ScoreOptions


def many_articles(n: int) -> list:
    """The seeds repeated under new ids until there are ``n`` articles."""
    seeds = list(CorpusReader(default_corpus()))
    return [replace(seeds[i % len(seeds)], id=f"{seeds[i % len(seeds)].id}~{i}") for i in range(n)]


def cells(scored) -> list[str]:
    return [format_value(value) for value in scored.row().values()]


def test_worker_processes_give_the_same_rows_and_evidence_in_order():
    articles = many_articles(SMALL_SET + 9)
    here = list(map_ordered(ScorerFactory(ScoreOptions()), articles, jobs=1))
    workers = list(map_ordered(ScorerFactory(ScoreOptions()), articles, jobs=2, compact=True))
    assert [s.meta["id"] for s in workers] == [a.id for a in articles]
    # As written to features.csv (NaN != NaN, so compare the cells).
    assert [cells(s) for s in workers] == [cells(s) for s in here]
    assert [s.evidence_text() for s in workers] == [s.evidence_text() for s in here]
    # Compact results carry the evidence as lines only.
    assert all(s.evidence == [] and s.evidence_lines for s in workers)


def test_a_small_set_is_scored_in_this_process_with_full_evidence():
    articles = many_articles(SMALL_SET)
    scored = list(map_ordered(ScorerFactory(ScoreOptions()), articles, jobs=2, compact=True))
    assert [s.meta["id"] for s in scored] == [a.id for a in articles]
    assert all(s.evidence and s.evidence_lines is None for s in scored)


def test_a_worker_error_reaches_the_caller(tmp_path):
    options = ScoreOptions(lexicon_files=(str(tmp_path / "missing.toml"),))
    with pytest.raises(DataFileError):
        list(map_ordered(ScorerFactory(options), many_articles(SMALL_SET + 1), jobs=2))


class DyingScorer:
    """Its own factory; the worker that gets article ``~20`` dies on it, as if killed."""

    def __call__(self):
        return self

    def score(self, article):
        if article.id.endswith("~20"):
            os._exit(9)
        return article.id


def test_a_worker_that_dies_is_an_error_not_a_wait():
    articles = many_articles(SMALL_SET + 9)
    with pytest.raises(WorkerError, match="^--jobs 2: a worker process stopped .* — run again with fewer --jobs"):
        list(map_ordered(DyingScorer(), articles, jobs=2))


def test_a_caller_that_stops_early_leaves_no_worker_behind():
    articles = [article for article in many_articles(SMALL_SET + 9) if not article.id.endswith("~20")]
    results = map_ordered(DyingScorer(), articles, jobs=2)
    assert next(results).endswith("~0")
    results.close()
    assert multiprocessing.active_children() == []


UNGUARDED_SCRIPT = """\
import framing
features, evidence = framing.score("corpus", jobs=2)
print(len(features), features["outlet"].nunique())
"""


def write_small_corpus(folder, n: int) -> None:
    """``n`` short articles from three outlets, as Markdown files with front matter."""
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.md").write_text(
            f"---\noutlet: Outlet {i % 3}\n---\nNATO said on Monday that the alliance would hold talks "
            f"with Russia in Brussels (report {i}), officials told reporters. The Kremlin said it "
            "welcomed the move but warned that the talks could fail.\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["script", "stdin"])
def test_a_script_without_a_main_guard_scores_with_workers_and_ends(tmp_path, how):
    write_small_corpus(tmp_path / "corpus", SMALL_SET + 8)
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_SCRIPT)
    args = [sys.executable, str(script)] if how == "script" else [sys.executable, "-"]
    done = subprocess.run(args, input=None if how == "script" else UNGUARDED_SCRIPT, capture_output=True,
                          text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(SMALL_SET + 8), "3"]


def test_score_finds_the_bundled_seeds_from_any_folder(tmp_path):
    done = subprocess.run([sys.executable, "-c", "import framing; print(len(framing.score()[0]))"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"

"""Stream an article set through the scorer, in order, marking duplicates on the way.

:func:`score_articles` hands the articles to an engine (this process, worker
processes, or a Dask cluster) with a :class:`~framing.run.cache.ScorerFactory`,
so the engines know nothing of what scoring is; :func:`score` is the library
call that returns a DataFrame and the evidence.  Before scoring, a run reads
its articles once to learn each outlet's page furniture
(:func:`run_furniture`); the factory carries it to every scorer.

Examples
--------
>>> features, evidence = score("seeds")
>>> features.loc[features["outlet"] == "TASS", "id"].tolist()
['004_f3d4c5d178d2a1ea']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from framing.corpus.article import Article
from framing.corpus.reader import CorpusReader
from framing.document.furniture import Furniture, SegmentFinder, furniture_of, learn_furniture
from framing.errors import CorpusError
from framing.run.cache import ScorerFactory
from framing.run.dedupe import DuplicateIndex
from framing.run.engine import map_ordered
from framing.run.scorer import ScoredArticle, ScoreOptions


def run_furniture(articles: Iterable[Article], options: ScoreOptions, jobs: int = 1) -> Furniture:
    """The page furniture a run removes: learned by reading ``articles`` once, or none when turned off.

    ``articles`` must be readable again afterwards (a reader, a list), since
    scoring reads them a second time.  With ``jobs`` > 1 each article's
    segments are found in worker processes and counted here, in the
    articles' order: the same furniture as one process learns.
    """
    if not options.learn_furniture:
        return Furniture()
    if jobs <= 1:
        return learn_furniture(articles)
    return furniture_of(map_ordered(SegmentFinder(), articles, jobs))


def score_articles(articles: Iterable[Article], options: ScoreOptions | None = None,
                   jobs: int = 1, engine: Any = None, compact: bool = False,
                   make_scorer: Callable[[], Any] | None = None,
                   furniture: Furniture | None = None) -> Iterator[ScoredArticle]:
    """Score ``articles`` in order, marking duplicates; ``jobs`` > 1 uses worker processes.

    With ``compact``, results from worker processes carry their evidence as
    JSON lines only (:meth:`ScoredArticle.compact`), which is cheaper to send.

    ``engine``, when given, scores instead of the local processes: an object
    with ``map_ordered(make_scorer, articles, compact=...)`` (e.g. :class:`framing.run.engine_dask.DaskEngine`).
    ``make_scorer`` replaces the scorer the options describe (a benchmark's timed one).
    ``furniture`` is the page furniture cleaning removes (see :func:`run_furniture`).
    """
    options = options or ScoreOptions()
    make_scorer = make_scorer or ScorerFactory(options, furniture or Furniture())
    index = DuplicateIndex()
    if engine is not None:
        results = engine.map_ordered(make_scorer, articles, compact=compact)
    else:
        results = map_ordered(make_scorer, articles, jobs, compact)
    for scored in results:
        duplicate = index.check(scored.meta["id"], scored.meta["outlet"], scored.signature)
        counted = True
        if duplicate is not None:
            scored.meta["duplicate_of"] = duplicate.of
            scored.meta["duplicate_kind"] = duplicate.kind
            counted = options.keep_duplicates or not duplicate.same_outlet
        scored.meta["counted"] = "yes" if counted else "no"
        yield scored


def score(path: str | Path = "seeds", *, manifest: str | Path | None = None,
          columns: dict[str, str] | None = None, options: ScoreOptions | None = None,
          jobs: int = 1) -> tuple[Any, list[dict[str, Any]]]:
    """Score every article under ``path``: a DataFrame (one row per article) and the evidence.

    Parameters
    ----------
    path : str or Path
        A folder or file of articles (default: the bundled seeds).
    manifest, columns
        See :class:`framing.corpus.reader.CorpusReader`.
    options : ScoreOptions, optional
        Extra lexicons, actor files and targets; with ``learn_furniture=False``
        no page furniture is learned from the set (only the rule-based cleaning runs).
    jobs : int
        Worker processes.
    """
    import pandas as pd

    reader = CorpusReader(path, manifest=manifest, columns=columns)
    options = options or ScoreOptions()
    furniture = run_furniture(reader, options)
    rows, evidence = [], []
    for scored in score_articles(reader, options, jobs, furniture=furniture):
        rows.append(scored.row())
        evidence.extend(scored.evidence)
    if not rows:
        raise CorpusError(f"{path}: nothing could be scored — " + "; ".join(reader.warnings[:3]))
    return pd.DataFrame(rows), evidence

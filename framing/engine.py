"""Run the per-article scoring in this process or in worker processes, in order.

Each worker builds its :class:`~framing.pipeline.ArticleScorer` once (the
initializer), then scores chunks of articles; results come back in input
order so output files are the same whatever ``jobs`` is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.corpus import Article
    from framing.pipeline import ScoredArticle, ScoreOptions

_worker_scorer = None
_worker_error: Exception | None = None
CHUNK_SIZE = 8


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(options: ScoreOptions) -> None:
    global _worker_scorer, _worker_error
    from framing.cache import make_scorer

    try:
        _worker_scorer = make_scorer(options)
    except Exception as error:  # noqa: BLE001 - raised again with the first article, below
        # A failing initializer makes multiprocessing.Pool start new workers
        # forever: keep the error (e.g. a missing --lexicon) for the parent.
        _worker_error = error


def _score_in_worker(article: Article) -> ScoredArticle:
    if _worker_error is not None:
        raise _worker_error
    return _worker_scorer.score(article)


def map_ordered(options: ScoreOptions, articles: Iterable[Article], jobs: int = 1) -> Iterator[ScoredArticle]:
    """Score ``articles`` with ``jobs`` processes, yielding results in input order."""
    from framing.cache import make_scorer

    if jobs <= 1:
        scorer = make_scorer(options)
        for article in articles:
            yield scorer.score(article)
        return
    import multiprocessing

    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_score_in_worker, articles, chunksize=CHUNK_SIZE)

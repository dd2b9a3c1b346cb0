"""Run the per-article scoring in this process or in worker processes, in order.

The engine is given a scorer factory (a picklable callable, e.g.
:class:`~framing.run.cache.ScorerFactory`) and an iterable of articles, and
knows nothing else of scoring.  Each worker builds its scorer once (the
initializer), then scores chunks of articles; results come back in input
order so output files are the same whatever ``jobs`` is.

Only a bounded number of chunks is in flight at a time (``Pool.imap`` would
read the whole input ahead of the workers, so memory would grow with the
corpus), and a set of a few articles is scored in this process: starting
worker processes would cost more than it saves.

The workers are a :class:`concurrent.futures.ProcessPoolExecutor`, not a
``multiprocessing.Pool``: when a worker dies (killed, out of memory) the
executor says so, where a pool replaces the worker and waits for ever on the
chunk it had.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from framing.errors import WorkerError

# A worker process's scorer, built once by the pool's initializer.
_worker_scorer = None
_worker_error: Exception | None = None
CHUNK_SIZE = 16
# Chunks waiting or being scored, per worker: enough to keep every worker
# busy while the parent writes, few enough to keep memory flat.
CHUNKS_IN_FLIGHT = 4
# Sets with at most this many articles are scored in this process.
SMALL_SET = 2 * CHUNK_SIZE


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_ONE_PROCESS_WARNING = (
    "framing: scoring in one process — worker processes would re-run this program's main script, "
    "which is not a file they can import safely; put the call under `if __name__ == \"__main__\":`")


def worker_context():
    """The multiprocessing context for worker processes, or None when none is safe.

    ``fork`` starts workers without re-running the main script, so a script
    without an ``if __name__ == "__main__":`` guard, or one fed through stdin,
    works; it is used only while this process has a single thread (forking a
    threaded process can deadlock).  Otherwise ``forkserver``/``spawn`` are
    used when the main module can be re-imported, else None.

    >>> worker_context() is not None
    True
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if not _main_is_importable():
        return None
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _main_is_importable() -> bool:
    """Whether worker processes could import ``__main__`` without re-running its work.

    True for a module run with ``-m``, an interactive session (no file), or a
    script file that has a ``__main__`` guard; False for stdin or a script
    without one.
    """
    main = sys.modules.get("__main__")
    if getattr(getattr(main, "__spec__", None), "name", None):
        return True
    path = getattr(main, "__file__", None)
    if path is None:
        return True
    try:
        with open(path, encoding="utf-8", errors="replace") as source:
            return "__main__" in source.read()
    except OSError:
        return False


def _init_worker(make_scorer: Callable[[], Any]) -> None:
    global _worker_scorer, _worker_error
    try:
        _worker_scorer = make_scorer()
    except Exception as error:  # noqa: BLE001 - raised again with the first article, below
        # A failing initializer breaks the executor with a message that says
        # nothing: keep the error (e.g. a missing --lexicon) for the parent.
        _worker_error = error


def _score_chunk(articles: list[Any], compact: bool) -> list[Any]:
    if _worker_error is not None:
        raise _worker_error
    scored = [_worker_scorer.score(article) for article in articles]
    return [item.compact() for item in scored] if compact else scored


def map_ordered(make_scorer: Callable[[], Any], articles: Iterable[Any], jobs: int = 1,
                compact: bool = False) -> Iterator[Any]:
    """Score ``articles`` with ``jobs`` processes, yielding results in input order.

    ``make_scorer()`` builds an object whose ``score(article)`` gives a
    result; in worker processes it is called once per process, so it must be
    picklable.  With ``compact``, results from worker processes are sent in
    their compact form (``result.compact()``).
    """
    articles = iter(articles)
    first = list(islice(articles, SMALL_SET + 1)) if jobs > 1 else []
    if jobs <= 1 or len(first) <= SMALL_SET:
        scorer = make_scorer()
        for article in first:
            yield scorer.score(article)
        for article in articles:
            yield scorer.score(article)
        return
    context = worker_context()
    if context is None:
        warnings.warn(_ONE_PROCESS_WARNING, RuntimeWarning, stacklevel=2)
        yield from map_ordered(make_scorer, [*first, *articles], jobs=1, compact=compact)
        return
    chunks = _chunks(first, articles)
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(make_scorer,))
    try:
        yield from _in_order(executor, chunks, jobs, compact)
    except BrokenProcessPool as error:  # from a result or from the next submit: a worker died
        raise WorkerError(_WORKER_STOPPED.format(jobs=jobs)) from error
    finally:
        # An error, or a caller that stops early: the chunks not started are dropped.
        executor.shutdown(wait=True, cancel_futures=True)


_WORKER_STOPPED = ("--jobs {jobs}: a worker process stopped before its articles were scored (killed, or out of "
                   "memory?) — run again with fewer --jobs, or --jobs 1")


def _in_order(executor: ProcessPoolExecutor, chunks: Iterator[list[Any]], jobs: int, compact: bool) -> Iterator[Any]:
    """The scored chunks in input order, with at most ``jobs * CHUNKS_IN_FLIGHT`` of them submitted at a time."""
    pending = deque(executor.submit(_score_chunk, chunk, compact) for chunk in islice(chunks, jobs * CHUNKS_IN_FLIGHT))
    while pending:
        done = pending.popleft().result()
        chunk = next(chunks, None)
        if chunk is not None:
            pending.append(executor.submit(_score_chunk, chunk, compact))
        yield from done


def _chunks(first: list[Any], rest: Iterator[Any]) -> Iterator[list[Any]]:
    """``first`` then ``rest``, in lists of ``CHUNK_SIZE`` articles."""
    chunk: list[Any] = []
    for source in (first, rest):
        for article in source:
            chunk.append(article)
            if len(chunk) == CHUNK_SIZE:
                yield chunk
                chunk = []
    if chunk:
        yield chunk

"""Run one step of the report for each of a few items in forked worker processes, results in order.

The HTML report annotates each group's articles (read, cleaned and parsed
again, each sentence scored, every finding marked) and then writes the
group's page; annotating is most of the report's time on a large set, and
the groups are independent.  :func:`map_in_order` annotates the next groups
in worker processes while this process writes the pages of those already
done, so a run given ``--jobs 2`` keeps both cores busy after scoring too.

The work is handed over by ``fork``: the children inherit the function and
everything it reads (the run's rows, the open reader, the Jinja macros), so
nothing but the item's position goes to a worker and only the result comes
back, pickled.  :func:`in_background` starts one such step (the charts, the
distinctive words' example sentences) while this process does the next.  Where ``fork`` is not safe (see
:func:`framing.run.engine.worker_context`) or one process is asked for, the
items are done here, one at a time; the results are the same either way.

Examples
--------
>>> with map_in_order(str.upper, ["rt", "tass", "bbc"], jobs=2) as results:
...     list(results)
['RT', 'TASS', 'BBC']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from framing.errors import WorkerError
from framing.run.engine import worker_context

# Items done or being done ahead of the one this process waits for, per worker: their results
# (a group's annotated articles, a few MB) are all that is held.
AHEAD = 1

_WORKER_STOPPED = ("a worker process writing the report stopped (killed, or out of memory?) — run again with "
                   "fewer --jobs, or --jobs 1")

# The function of the map being started and its items, inherited by its forked workers (set in a worker:
# a worker's own steps are done in it, never forked again).
_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def map_in_order(function: Callable[[Any], Any], items: Sequence[Any], jobs: int = 1) -> InOrder:
    """``function(item)`` for each of ``items``, in order; in up to ``jobs`` forked processes when
    more than one is asked for and forking is safe.

    The first items are handed to the workers at once (before the result is
    iterated), so this process can do other work meanwhile; use the result
    in a ``with`` block, which stops the workers however it is left.  The
    results must be picklable; an error in a worker is raised here, at its item.
    """
    items = list(items)
    context = worker_context() if jobs > 1 and items and _work is None else None
    if context is None or context.get_start_method() != "fork":
        return InOrder(map(function, items))
    return InOrder.forked(function, items, min(jobs, len(items)), context)


def in_background(function: Callable[[], Any], jobs: int = 1) -> InOrder:
    """``function()`` started in a forked worker process when ``jobs`` > 1, so this process can go on;
    ask for its value with :meth:`InOrder.result` (with one job, ``function`` runs then, here).

    >>> with in_background(lambda: sum(range(10)), jobs=2) as total:
    ...     total.result()
    45
    """
    return map_in_order(lambda _: function(), [None], jobs)


class InOrder:
    """The results of :func:`map_in_order`, in order: an iterator and a context manager."""

    def __init__(self, results: Iterator[Any], executor: ProcessPoolExecutor | None = None) -> None:
        self._results, self._executor = results, executor
        self._first: list[Any] = []

    @property
    def in_worker(self) -> bool:
        """Whether the items are done in worker processes (else here, as each result is asked for)."""
        return self._executor is not None

    @classmethod
    def forked(cls, function: Callable[[Any], Any], items: list[Any], jobs: int, context: Any) -> InOrder:
        global _work
        # The first submit forks every worker (a fork pool starts them all at once): they inherit the work,
        # and this process lets go of it (and of what it holds), so another map may start meanwhile.
        _work = (function, items)
        try:
            executor = ProcessPoolExecutor(jobs, mp_context=context)
            pending = deque(executor.submit(_do, position)
                            for position in range(min(len(items), jobs * (1 + AHEAD))))
        finally:
            _work = None
        return cls(_in_order(executor, pending, len(items)), executor)

    def __iter__(self) -> InOrder:
        return self

    def __next__(self) -> Any:
        return next(self._results)

    def result(self) -> Any:
        """The first result (the only one, of :func:`in_background`): waited for, or made, once."""
        if not self._first:
            self._first.append(next(self._results))
        return self._first[0]

    def __enter__(self) -> InOrder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (items not started are dropped)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._results = iter(())  # nor is the work held any longer (what it reads may then be let go)


def _do(position: int) -> Any:
    function, items = _work
    return function(items[position])


def _in_order(executor: ProcessPoolExecutor, pending: deque[Future], total: int) -> Iterator[Any]:
    submitted = len(pending)
    while pending:
        try:
            done = pending.popleft().result()
        except BrokenProcessPool as error:
            raise WorkerError(_WORKER_STOPPED) from error
        if submitted < total:
            pending.append(executor.submit(_do, submitted))
            submitted += 1
        yield done

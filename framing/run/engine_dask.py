"""Score articles on a Dask cluster: the per-article work spread, results streamed in order.

The article set is cut into ranges of articles (partitions of the input, in
reading order); each Dask task reads its range with the same
:class:`~framing.corpus.reader.CorpusReader` and scores it with the scorer
that the given factory builds, once per worker process.  The
scored articles come back to the driver partition by partition, in input
order, so everything downstream (duplicate marks, ``features.csv``,
``evidence.jsonl``, the report) is the same as with the local engine.  Per-
outlet totals (articles, and per feature the sum and count of defined values)
are computed on the cluster as a reduction over partitions
(``Bag.foldby``), beside the rows, from the same scoring tasks.

Dask is an optional extra: ``pip install 'framing[dask]'``.  Point the engine
at a running cluster with its scheduler address (``tcp://host:8786``); the
input path must be readable by the workers (a shared file system).  Without
an address, a local cluster with one single-threaded worker process per core
is started and closed around the run.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from framing.run.engine import default_jobs

# Articles per partition when the caller gives no count: enough to amortise
# a task's overhead, small enough to spread a few thousand articles.
ARTICLES_PER_PARTITION = 250

# A worker process's scorer and the factory that built it: one at a time, so
# a long-lived worker serving several runs holds only the current one.
_worker_scorer: tuple[Any, Any] | None = None


def partition_ranges(n_articles: int, n_partitions: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` ranges of article positions, as even as possible.

    Examples
    --------
    >>> partition_ranges(10, 3)
    [(0, 4), (4, 7), (7, 10)]
    >>> partition_ranges(2, 5)
    [(0, 1), (1, 2)]
    """
    n_partitions = max(1, min(n_partitions, n_articles))
    size, extra = divmod(n_articles, n_partitions)
    ranges, start = [], 0
    for index in range(n_partitions):
        stop = start + size + (index < extra)
        ranges.append((start, stop))
        start = stop
    return [r for r in ranges if r[1] > r[0]]


def add_to_totals(totals: dict[str, Any] | None, features: Mapping[str, float]) -> dict[str, Any]:
    """Fold one article's features into running totals (articles; per feature sum and count).

    NaN (a measure that does not apply) is left out of the feature's sum and count.

    Examples
    --------
    >>> totals = add_to_totals(None, {"a": 1.0, "b": float("nan")})
    >>> add_to_totals(totals, {"a": 2.0, "b": 4.0})
    {'articles': 2, 'sum': {'a': 3.0, 'b': 4.0}, 'count': {'a': 2, 'b': 1}}
    """
    if totals is None:
        totals = {"articles": 0, "sum": {}, "count": {}}
    totals["articles"] += 1
    sums, counts = totals["sum"], totals["count"]
    for name, value in features.items():
        if not math.isnan(value):
            sums[name] = sums.get(name, 0.0) + value
            counts[name] = counts.get(name, 0) + 1
        else:
            sums.setdefault(name, 0.0)
            counts.setdefault(name, 0)
    return totals


def merge_totals(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any] | None:
    """Combine the totals of two partitions.

    Examples
    --------
    >>> a = add_to_totals(None, {"x": 1.0})
    >>> merge_totals(a, add_to_totals(None, {"x": 3.0}))
    {'articles': 2, 'sum': {'x': 4.0}, 'count': {'x': 2}}
    """
    if left is None or right is None:
        return right if left is None else left
    merged = {"articles": left["articles"] + right["articles"], "sum": dict(left["sum"]),
              "count": dict(left["count"])}
    for name, value in right["sum"].items():
        merged["sum"][name] = merged["sum"].get(name, 0.0) + value
        merged["count"][name] = merged["count"].get(name, 0) + right["count"][name]
    return merged


def totals_by_outlet(scored: Iterator[Any]) -> dict[str, dict[str, Any]]:
    """The same totals computed in one process (the reference for the reduction)."""
    totals: dict[str, dict[str, Any]] = {}
    for item in scored:
        outlet = item.meta["outlet"]
        totals[outlet] = add_to_totals(totals.get(outlet), item.features)
    return totals


def _scorer(make_scorer: Any) -> Any:
    global _worker_scorer
    if _worker_scorer is None or _worker_scorer[0] != make_scorer:
        _worker_scorer = (make_scorer, make_scorer())
    return _worker_scorer[1]


def _score_partition(ranges: list[tuple[int, int]], reader: Any, make_scorer: Any, compact: bool) -> list[Any]:
    scorer = _scorer(make_scorer)
    scored = []
    for start, stop in ranges:
        # Reading from the start keeps ids (and renamed duplicate ids) as
        # the local engine gives them; parsing records is cheap next to scoring.
        scored.extend(scorer.score(article) for article in islice(reader, start, stop))
    return [item.compact() for item in scored] if compact else scored


def _outlet_and_features(item: Any) -> tuple[str, dict[str, float]]:
    return item.meta["outlet"], item.features


def _fold(totals: dict[str, Any] | None, pair: tuple[str, dict[str, float]]) -> dict[str, Any]:
    return add_to_totals(totals, pair[1])


class DaskEngine:
    """Score on a Dask cluster; ``map_ordered`` streams results like the local engine.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler; by default a local cluster is started.
    partitions : int, optional
        How many pieces to cut the article set into (default: one per
        :data:`ARTICLES_PER_PARTITION` articles, at least two per worker).
    """

    def __init__(self, scheduler: str | None = None, partitions: int | None = None) -> None:
        self.scheduler = scheduler
        self.partitions = partitions
        self.outlet_totals: dict[str, dict[str, Any]] = {}

    def map_ordered(self, make_scorer: Any, reader: Any, compact: bool = False) -> Iterator[Any]:
        """Score every article of ``reader`` on the cluster, yielding results in input order.

        ``make_scorer`` is a picklable factory of the scorer (compared by value,
        e.g. :class:`~framing.run.cache.ScorerFactory`); ``reader`` is a
        re-iterable article set that the workers can read too.  With
        ``compact``, the workers turn each result into its compact form
        (``result.compact()``: the evidence as JSON lines, and for a report its
        summary), so that work is done on the cluster, not on the driver.

        When the iteration ends, :attr:`outlet_totals` holds the per-outlet
        totals reduced on the cluster.
        """
        import dask.bag as db
        from distributed import Client

        n_articles = sum(1 for _ in reader)
        if n_articles == 0:
            return
        client = Client(self.scheduler) if self.scheduler else _local_client()
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            wanted = self.partitions or max(2 * n_workers, -(-n_articles // ARTICLES_PER_PARTITION))
            ranges = partition_ranges(n_articles, wanted)
            bag = db.from_sequence(ranges, npartitions=len(ranges)).map_partitions(
                _score_partition, reader, make_scorer, compact)
            totals = bag.map(_outlet_and_features).foldby(
                0, _fold, None, merge_totals, None)
            # Unoptimised graphs keep the scoring tasks' keys, so rows and
            # totals share them and every article is scored once.
            parts = bag.to_delayed(optimize_graph=False)
            futures = client.compute([*parts, *totals.to_delayed(optimize_graph=False)],
                                     optimize_graph=False)
            for future in futures[: len(parts)]:
                yield from future.result()
                future.release()
            self.outlet_totals = {outlet: total for future in futures[len(parts):]
                                  for outlet, total in future.result()}
        finally:
            if not self.scheduler:
                cluster = client.cluster
                client.close()
                if cluster is not None:
                    cluster.close()
            else:
                client.close()


def _local_client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster)

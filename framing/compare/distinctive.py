"""Distinctive vocabulary per group: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", *Political
Analysis* 16(4).  Each group (an outlet, usually) is compared with all the
other groups together; the prior is the whole article set's own counts, so a
word is distinctive only when a group uses it more than the set as a whole
would lead one to expect, and a word seen a handful of times cannot top the
list by chance.

Word counts are bursty: one article about a shooting at a Kroger store says
"Kroger" two dozen times, and on token counts alone that one article makes
"kroger" a whole group's leading word.  With ``one_article_out`` each term is
scored as if the article of the group that uses it most had not used it (its
uses there, its peak, taken out of the group's and the set's counts): a term
only one article of the group uses scores nothing, and a term must be spread
over the group's articles to lead its list.  This is a leave-one-out (jackknife)
check of the kind Kilgarriff (2001, "Comparing corpora") asks of any keyword
method: a word should not be "distinctive" because of one document.

The counts come from :mod:`framing.compare.term_counts` (streaming and
mergeable, per group).

Examples
--------
>>> from framing.document.parse import build_document
>>> counts = TermCounts()
>>> counts.add_document("A", build_document("a1", "The annexation of Crimea. The annexation."))
>>> counts.add_document("B", build_document("b1", "The reunification with Crimea. Reunification."))
>>> distinctive_terms(counts, top=1, min_count=1)  # doctest: +ELLIPSIS
{'A': [('annexation', 1.188..., 2)], 'B': [('reunification', 1.188..., 2)]}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from itertools import islice

from framing.compare.term_counts import TermCounts, term_order, totals_by_order


def log_odds_z(y_i: float, n_i: float, y_j: float, n_j: float, alpha_w: float, alpha_0: float) -> float:
    """The z-score of a term's log-odds ratio between group i and group j.

    Monroe et al. (2008), eq. 16 and 19-20: with counts ``y`` of the term,
    totals ``n`` and the prior ``alpha_w`` (whose sum over the vocabulary is
    ``alpha_0``)::

        delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
        z = delta / sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))

    >>> round(log_odds_z(3, 4, 1, 4, 4, 8), 6)
    1.149271
    """
    delta = math.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - math.log(
        (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    )
    variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta / math.sqrt(variance)


def distinctive_terms(
    term_counts: TermCounts,
    top: int = 20,
    min_count: int = 3,
    prior_scale: float = 1.0,
    orders: Iterable[int] = (1, 2, 3),
    collapse_nested: bool = True,
    left_out: Callable[[str, str], bool] | None = None,
    groups: Iterable[str] | None = None,
    one_article_out: bool = False,
) -> dict[str, list[tuple[str, float, int]]]:
    """The terms each group over-uses compared with all the other groups.

    Parameters
    ----------
    term_counts : TermCounts or TermTable
        Counts per group (a :class:`~framing.compare.term_table.TermTable` counts the same, compactly).
    top : int
        How many terms to return per group.
    min_count : int
        Terms used fewer times than this in the whole set are ignored.
    prior_scale : float
        Strength of the informative prior: ``alpha_w = prior_scale * y_w``,
        the term's count in the whole set (its own n-gram order).
    orders : iterable of int
        Which n-gram orders to consider (1 unigrams, 2 bigrams, 3 trigrams).
    collapse_nested : bool
        Leave out a term whose every use in the group lies inside a longer
        listed term used at least twice ("usual" when "business as usual" is
        listed as often).
    left_out : callable, optional
        ``left_out(group, term)`` is true for terms not to list for the group
        (its own outlets' names: :func:`framing.compare.own_names.own_name_filter`).
    groups : iterable of str, optional
        Only these groups' lists (each still against all the other groups);
        by default every group's.  A report asks for the groups it shows.
    one_article_out : bool
        Score each term without the uses of the one article of the group that
        uses it most (see the module), so that no single article can lead a
        group's list; the counts returned are still all the group's uses.  A
        group of one article is scored on its counts (its list is that
        article's words).

    Returns
    -------
    dict
        ``{group: [(term, z, count_in_group), ...]}``, every z positive,
        sorted by z descending, then term (so ties are broken stably).  A
        group compared with nothing (only one group) gets an empty list.

    Examples
    --------
    >>> counts = TermCounts()
    >>> counts.add("A", {"annexation": 3, "crimea": 1})
    >>> counts.add("B", {"annexation": 1, "crimea": 3})
    >>> distinctive_terms(counts, min_count=1)  # doctest: +ELLIPSIS
    {'A': [('annexation', 1.149..., 3)], 'B': [('crimea', 1.149..., 3)]}

    One article of group A repeats "kroger"; "gun" is spread over A's articles:

    >>> counts = TermCounts()
    >>> for words in (["kroger"] * 9 + ["gun"], ["gun", "gun"], ["gun", "gun"]):
    ...     counts.add("A", words)
    >>> counts.add("B", ["gun"] + ["crimea"] * 9)
    >>> [term for term, _, _ in distinctive_terms(counts, min_count=1)["A"]]
    ['kroger', 'gun']
    >>> [term for term, _, _ in distinctive_terms(counts, min_count=1, one_article_out=True)["A"]]
    ['gun']
    """
    if prior_scale <= 0:
        raise ValueError(f"prior_scale must be positive, got {prior_scale!r}")
    wanted = set(orders)
    listed = term_counts.groups if groups is None else sorted(set(groups) & set(term_counts.groups))
    result: dict[str, list[tuple[str, float, int]]] = {group: [] for group in listed}
    if len(term_counts.groups) < 2:
        return result
    totals, order_totals = term_counts.set_totals(None if groups is None else listed)
    for group in listed:
        own = term_counts.group_counts(group)
        # A TermTable looks the group's totals up at once (TermTable.group_totals); TermCounts holds a dict.
        looked_up = term_counts.group_totals(group, totals) if hasattr(term_counts, "group_totals") else totals
        # A group of one article keeps its counts: leaving that article out would leave nothing to list.
        several = term_counts.n_documents.get(group, 0) > 1
        peaks = term_counts.group_peaks(group) if one_article_out and several else None
        scored = _over_used_terms(own, looked_up, order_totals, wanted, min_count, prior_scale, peaks)
        if collapse_nested:
            redundant = _nested_terms([term for term, _, _ in scored], own)
            scored = [item for item in scored if item[0] not in redundant]
        # Rounded z so that float noise cannot reorder ties; then the term.
        scored.sort(key=lambda item: (-round(item[1], 9), item[0]))
        kept = scored if left_out is None else (item for item in scored if not left_out(group, item[0]))
        result[group] = list(islice(kept, top))
    return result


def _over_used_terms(own: Mapping[str, int], totals: Mapping[str, int], order_totals: Mapping[int, int],
                     orders: set[int], min_count: int, prior_scale: float,
                     peaks: Mapping[str, int] | None = None) -> list[tuple[str, float, int]]:
    """``(term, z, count)`` of the group's terms with a positive z against the rest of the set, unsorted;
    with ``peaks``, z without each term's uses in the group's article that uses it most."""
    own_totals = totals_by_order(own)
    scored = []
    for term, y_i in own.items():
        order = term_order(term)
        y_w = totals[term]
        if order not in orders or y_w < min_count:
            continue
        left_out = peaks.get(term, y_i) if peaks is not None else 0
        if left_out >= y_i:  # every use in one article: nothing left to score
            continue
        alpha_w = prior_scale * (y_w - left_out)
        alpha_0 = prior_scale * (order_totals[order] - left_out)
        n_i = own_totals[order] - left_out
        n_j = order_totals[order] - own_totals[order]
        z = log_odds_z(y_i - left_out, n_i, y_w - y_i, n_j, alpha_w, alpha_0)
        if z > 0:
            scored.append((term, z, y_i))
    return scored


def _nested_terms(terms: Iterable[str], own: Mapping[str, int]) -> set[str]:
    """Terms every use of which lies inside a longer listed term ("usual" in "business as usual").

    Only repeated phrases count: a word seen once is always inside some
    phrase seen once, and the word is then the better vocabulary item.
    """
    redundant = set()
    for term in terms:
        if own[term] < 2:
            continue
        words = term.split(" ")
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start:start + size])
                if own.get(part) == own[term]:
                    redundant.add(part)
    return redundant

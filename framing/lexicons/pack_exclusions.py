"""A concept's exclusions: the words that show another sense, and the terms they apply to.

:mod:`framing.lexicons.packs` reads each exclusion's phrases as terms; here its
``near`` words become a :class:`~framing.lexicons.pack_types.Context` and are
attached to the terms they apply to (``Term.unless``), reporting a word that is
part of such a term (it would exclude every use).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from framing.lexicons.pack_checks import Reporter, context_words, form_words, read_options
from framing.lexicons.pack_types import Context, Exclusion, Term


def exclusion_context(table: dict[str, Any], entry: str, defaults: dict[str, Any], report: Reporter,
                       line: int) -> Context | None:
    """The words of an exclusion that, in its scope, show another sense (None when it has none)."""
    if "near" not in table:
        return None
    options = read_options({k: table[k] for k in ("scope", "window") if k in table}, defaults,
                           f"{entry}.exclude", report, lambda key: line)
    words = context_words(table["near"], "near", f"{entry}.exclude", report, line)
    return Context(words, options["scope"], options["window"]) if words else None


def with_exclusions(by_side: dict[str, tuple[Term, ...]], exclusions: tuple[Exclusion, ...], entry: str,
                     report: Reporter, index: int) -> dict[str, tuple[Term, ...]]:
    """Each term with the exclusion words that apply to it; words that are the term itself reported."""
    out = {}
    for side, terms in by_side.items():
        built = []
        for term in terms:
            unless = tuple(e.near for e in exclusions
                           if e.near is not None and (not e.terms or term.term in e.terms))
            for context in unless:
                own = sorted(context.words & form_words(term.forms))
                if own:
                    report.add(report.line(term.term, index), f"{entry}.{side}", f"term {term.term!r} "
                               f"contains the exclusion word {own[0]!r}: every use would be excluded — "
                               "remove the word, or name the other terms in the exclusion's terms")
            built.append(replace(term, unless=unless) if unless else term)
        out[side] = tuple(built)
    return out

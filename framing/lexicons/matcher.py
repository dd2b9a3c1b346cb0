"""One compiled matcher over every term of every loaded lexicon pack.

All surface forms go into a single regular expression built as a character
trie (so at each position only the branches for the next letter are tried),
longest form first, whole words only.  The scan is a look-ahead, so a phrase
("Kiev regime") and a shorter term of another concept starting at the same
word ("Kiev", a spelling concept) are both found; a shorter term of the *same*
concept inside a longer one ("annexation" in "illegal annexation") is not
counted twice, nor is a term inside one of its concept's ``exclude`` phrases
("war" in "Cold War").  Per match, :meth:`TermMatcher.find` then checks the
term's letter case (a lower-case term with ``case_sensitive`` may still open a
sentence with a capital), its context words (``near``, in its scope; never
the match's own words), the words of its exclusions (``unless``) and, for a
term written in lower case without ``in_names``, that it is not part of a
capitalised name (:mod:`framing.lexicons.context`).  Topic anchors are
found in the same scan and returned like terms (``term.role == "anchor"``).

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.lexicons.packs import load_pack
>>> matcher = TermMatcher(load_pack("russia_ukraine_nato").all_terms())
>>> doc = build_document("x", "Moscow's reunification with Crimea angered the Kiev regime.")
>>> for m in matcher.find(doc):
...     print(m.text, m.term.concept, m.term.side or m.term.role)
Moscow [topic] anchor
reunification crimea_2014 russia
Crimea [topic] anchor
Kiev [topic] anchor
Kiev regime kiev_regime russia
Kiev place_name_spelling russia
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from framing.document.parse import Document
from framing.lexicons.context import inside_name, starts_sentence, words_in_scope
from framing.lexicons.forms import match_key
from framing.lexicons.packs import Term

# How the separators inside a form are matched in running text.
SYMBOL_PATTERNS = {" ": r"[\s\-‐‑–]+", "-": r"[\s\-‐‑–]?", "'": r"['’]", "’": r"['’]"}


@dataclass(frozen=True)
class TermMatch:
    """A term found in a document body: offsets, matched text and the term."""

    start: int
    end: int
    text: str
    term: Term


def _symbols(form: str) -> tuple[str, ...]:
    return tuple(SYMBOL_PATTERNS.get(ch, ch.lower()) for ch in " ".join(form.split()))


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regular expression matching any of ``forms``, longest alternative first."""
    trie: dict = {}
    for form in forms:
        node = trie
        for symbol in _symbols(form):
            node = node.setdefault(symbol, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    terminal = "" in node
    branches = []
    for symbol in sorted((s for s in node if s), key=lambda s: (-len(s), s)):
        fragment = symbol if symbol in SYMBOL_PATTERNS.values() else re.escape(symbol)
        branches.append(fragment + _node_pattern(node[symbol]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:  # a form ends here; a longer one is tried first (greedy "?")
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


# Letters that match an ASCII letter case-insensitively besides its own upper and lower case.
_CASE_FOLD_SURPRISES = frozenset("\u0130\u0131\u017f\u212a")


def _lowers_plainly(text: str) -> bool:
    """Whether ``text.lower()`` has ``text``'s length and a case-sensitive match of a lower-case pattern
    on it finds what a case-insensitive one finds on ``text``: every character ASCII or without case.

    >>> _lowers_plainly("NATO’s “reform” — 2014"), _lowers_plainly("Zelenskyy in Kyiv"), _lowers_plainly("Köln")
    (True, True, False)
    """
    if text.isascii():
        return True
    return all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in set(text))


def _case_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


class TermMatcher:
    """Find every term of ``terms`` in a document, honouring case and ``near``.

    Build it once (it compiles one regular expression) and call :meth:`find`
    per document.
    """

    def __init__(self, terms: Iterable[Term]):
        self.terms = tuple(terms)
        self._by_key: dict[str, list[Term]] = defaultdict(list)
        self._exact: dict[Term, frozenset[str]] = {}
        forms: set[str] = set()
        for term in self.terms:
            for form in term.forms:
                key = match_key(form)
                if term not in self._by_key[key]:
                    self._by_key[key].append(term)
                forms.add(" ".join(form.split()))
            self._exact[term] = frozenset(_case_key(f) for f in term.forms)
        self._prefixes = self._find_prefixes(forms)
        pattern = r"(?<![\w])(?=(" + (_trie_pattern(forms) if forms else r"(?!x)x") + r")(?![\w]))"
        self._regex = re.compile(pattern, re.IGNORECASE)
        # The trie is written in lower case: on a lower-cased body a case-sensitive scan finds the same
        # matches about twice as fast, wherever lower-casing is all that case-insensitive matching does
        # (see _lowers_plainly; not for a pattern holding a letter that matches an ASCII one besides
        # its own case, such as "ſ").
        self._lower_regex = None if _CASE_FOLD_SURPRISES.intersection(pattern) else re.compile(pattern)

    def _find_prefixes(self, forms: set[str]) -> dict[str, list[tuple[re.Pattern, list[Term]]]]:
        """For each form, the shorter forms that begin it (word-wise) and their terms."""
        by_first: dict[str, list[str]] = defaultdict(list)
        for form in forms:
            by_first[re.split(r"[\s\-']", form.lower())[0]].append(form)
        prefixes: dict[str, list[tuple[re.Pattern, list[Term]]]] = {}
        for group in by_first.values():
            if len(group) < 2:
                continue
            for long in group:
                found = []
                for short in group:
                    lowered = long.lower()
                    if (len(short) < len(long) and lowered.startswith(short.lower())
                            and not lowered[len(short)].isalnum()):
                        regex = re.compile(_trie_pattern([short]) + r"(?![\w])", re.IGNORECASE)
                        found.append((regex, self._by_key[match_key(short)]))
                if found:
                    prefixes.setdefault(match_key(long), []).extend(found)
        return prefixes

    def find(self, document: Document) -> list[TermMatch]:
        """Matches in ``document.body``, in text order (then by pack, concept, side)."""
        body = document.body
        covered: dict[tuple[str, str], int] = {}
        found: list[TermMatch] = []
        for start, end in self._scan(body):
            text = body[start:end]
            key = match_key(text)
            candidates = [(text, t) for t in self._by_key.get(key, ())]
            for regex, terms in self._prefixes.get(key, ()):
                sub = regex.match(body, start)
                if sub:
                    candidates.extend((sub.group(), t) for t in terms)
            taken: set[tuple[str, str]] = set()
            for matched, term in candidates:  # longest first: the full match leads
                concept = (term.pack, term.concept)
                if concept in taken or covered.get(concept, -1) > start:
                    continue
                end = start + len(matched)
                if not self._counts(document, term, matched, start, end):
                    continue
                taken.add(concept)
                covered[concept] = end
                if term.role != "exclude":  # an exclusion ("Cold War") only blocks the concept's terms
                    found.append(TermMatch(start, end, matched, term))
        found.sort(key=lambda m: (m.start, m.term.pack, m.term.concept, m.term.side))
        return found

    def _scan(self, body: str) -> list[tuple[int, int]]:
        """The start and end of the longest form found at each position of ``body`` where one begins."""
        if self._lower_regex is not None and _lowers_plainly(body):
            return [raw.span(1) for raw in self._lower_regex.finditer(body.lower())]
        return [raw.span(1) for raw in self._regex.finditer(body)]

    def _counts(self, document: Document, term: Term, matched: str, start: int, end: int) -> bool:
        """Whether ``matched`` at ``[start, end)`` is a use of ``term``: case, context, exclusions, names."""
        if term.case_sensitive and _case_key(matched) not in self._exact[term]:
            opening = _case_key(matched[:1].lower() + matched[1:]) in self._exact[term]
            if not (opening and starts_sentence(document, start)):
                return False
        if term.near and not words_in_scope(document, start, end, term.near, term.scope, term.window):
            return False
        if any(words_in_scope(document, start, end, c.words, c.scope, c.window) for c in term.unless):
            return False
        return term.in_names or not term.term[:1].islower() or not inside_name(document, start, end)

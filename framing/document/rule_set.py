"""Whole-line cleaning rules (``framing/data/boilerplate.toml``'s ``[[rule]]`` entries) and how a line is tried.

:class:`Rule` is one rule; :class:`RuleSet` tries a line against the rules in order with one compiled
alternation per set of rules its literals let through.  :mod:`framing.document.clean` loads the rules
and applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Rule:
    """A whole-line rule: ``reason`` and ``pattern``.

    ``contains_any`` are lower-case literals of which a matching line holds
    one (the line lower-cased): a line holding none is not tried against the
    pattern.  Empty: every line is tried.
    """

    reason: str
    pattern: re.Pattern
    contains_any: tuple[str, ...] = ()



_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\(\?P=")
# The characters an ASCII letter matches case-insensitively whose str.lower() is no ASCII letter
# ("İ", "ı", "ſ": "ſ" matches "s"; the Kelvin sign lowers to "k" and needs nothing): a line holding
# one is tried against every rule, as lower-casing it may hide a literal the pattern matches.
_CASE_FOLD_SURPRISE_RE = re.compile("[\u0130\u0131\u017f]")


class RuleSet:
    """Whole-line rules tried in order (the first that matches wins), each line against one compiled pattern.

    Each line was matched against every rule in turn; one alternation of the
    rules does the same work in one call.  A line is tried only against the
    rules whose ``contains_any`` it satisfies (a rule leading with ``.*``
    scans the whole line, however long, before it fails), with one
    alternation per such set of rules, compiled once.  A rule with a
    backreference can't be combined (its group numbers would shift): then
    the rules are tried one by one.

    Examples
    --------
    >>> credit = Rule("credit line", re.compile("(?:.* contributed to this report[.]?)$", re.I), ("contributed",))
    >>> menu = Rule("navigation", re.compile("(?:menu|home)$", re.I))
    >>> rules = RuleSet((credit, menu))
    >>> rules.reason("Reuters contributed to this report."), rules.reason("Menu"), rules.reason("Talks resumed.")
    ('credit line', 'navigation', None)
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.combinable = bool(rules) and not any(_BACKREFERENCE_RE.search(rule.pattern.pattern) for rule in rules)
        self._filters = [(number, rule.contains_any) for number, rule in enumerate(rules) if rule.contains_any]
        self._alternations: dict[tuple[int, ...], tuple[tuple[int, ...], re.Pattern | None]] = {}

    def reason(self, text: str) -> str | None:
        """The reason of the first rule matching all of ``text``, or None."""
        passed = self._passed_filters(text)
        tried = self._alternations.get(passed)
        if tried is None:
            tried = self._alternations[passed] = self._alternation(passed)
        numbers, pattern = tried
        if not self.combinable:
            return next((self.rules[number].reason for number in numbers
                         if self.rules[number].pattern.match(text)), None)
        found = pattern.match(text)
        return self.rules[int(found.lastgroup[1:])].reason if found else None

    def _passed_filters(self, text: str) -> tuple[int, ...]:
        """The rules with a ``contains_any`` whose literals ``text`` holds one of."""
        if not self._filters:
            return ()
        if not text.isascii() and _CASE_FOLD_SURPRISE_RE.search(text):
            return tuple(number for number, _ in self._filters)
        folded = text.lower()
        passed = []
        for number, literals in self._filters:
            for literal in literals:
                if literal in folded:
                    passed.append(number)
                    break
        return tuple(passed)

    def _alternation(self, passed: tuple[int, ...]) -> tuple[tuple[int, ...], re.Pattern | None]:
        """The rules a line is tried against, in order, and their alternation (None when not combinable)."""
        numbers = tuple(number for number, rule in enumerate(self.rules)
                        if not rule.contains_any or number in passed)
        if not self.combinable:
            return numbers, None
        parts = []
        for number in numbers:
            rule = self.rules[number]
            flag = "i" if rule.pattern.flags & re.IGNORECASE else "-i"
            parts.append(f"(?P<r{number}>(?{flag}:{rule.pattern.pattern}))")
        # No rule left to try: a pattern that fails at once.
        return numbers, re.compile("|".join(parts) or r"(?!)")


@lru_cache(maxsize=8)
def combined_rules(rules: tuple[Rule, ...]) -> RuleSet:
    """The rules as a :class:`RuleSet`, built once per set of rules."""
    return RuleSet(rules)

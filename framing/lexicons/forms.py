"""The surface forms a lexicon term matches, and the key matches are looked up by.

A term expands to its brace alternatives (``annex{|es|ed|ing}``) or, when
inflected, to its regular plural; texts and forms are compared by
:func:`match_key`, and reports name a term by :func:`term_label`.
"""

from __future__ import annotations

import re

BRACE_RE = re.compile(r"\{([^{}]*)\}")


def expand_forms(term: str, inflect: bool) -> list[str]:
    """The surface forms of ``term``: brace alternatives, else the regular plural.

    >>> expand_forms("Russian proxy", inflect=True)
    ['Russian proxies', 'Russian proxy']
    >>> expand_forms("Kiev", inflect=False)
    ['Kiev']
    """
    term = " ".join(term.split())
    match = BRACE_RE.search(term)
    if match:
        forms: list[str] = []
        for option in match.group(1).split("|"):
            forms.extend(expand_forms(term[: match.start()] + option + term[match.end():], False))
        return sorted(set(forms))
    if not inflect:
        return [term]
    return sorted({term, _plural_phrase(term)})


def term_label(term: str) -> str:
    """How ``term`` is named in reports: brace alternatives written out, joined by a slash.

    >>> term_label("annex{|es|ed|ing}"), term_label("Russian  proxy")
    ('annex / annexed / annexes / annexing', 'Russian proxy')
    """
    term = " ".join(term.split())
    return " / ".join(expand_forms(term, False)) if BRACE_RE.search(term) else term


def _plural_phrase(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if not last[-1:].isalpha() or last.isupper() and len(last) > 1 and last.endswith("S"):
        return phrase
    lower = last.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def match_key(text: str) -> str:
    """The form of a phrase used to look matches up: lower case, letters and digits only.

    >>> match_key("De-escalation"), match_key("Russia’s  aggression")
    ('deescalation', 'russiasaggression')
    """
    return re.sub(r"[\W_]+", "", text.lower())

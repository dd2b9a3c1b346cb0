"""Side by side: the groups' own sentences for the same concept or the same statement, next to each other.

For a contested concept, each group that names it gets a column with its
wordings and a few of its sentences, the term marked in the colour and
pattern of its side.  For a statement several groups report, each rendering
gets a column with the words no other rendering has marked
(:func:`mark_differences`), so a class sees at once what each version adds or
leaves out.  Everything returned is escaped HTML or plain data; the page
around it is ``templates/side_by_side.html.j2``.

Examples
--------
>>> print(mark_differences("Moscow annexed Crimea", ["Crimea rejoined Russia"]))
<em class="differs">Moscow</em> <em class="differs">annexed</em> Crimea
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from framing.report.annotate import Mark, render_span

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Sentences shown per group and concept, and concepts shown (the Markdown tables list them all).
EXAMPLES_PER_GROUP = 2
MAX_CONCEPTS = 12


def words_of(text: str) -> set[str]:
    """The lower-cased words of ``text``.

    >>> sorted(words_of("Moscow's 'reunification' with Crimea"))
    ['crimea', "moscow's", 'reunification', 'with']
    """
    return {w.lower() for w in WORD.findall(text)}


def mark_differences(text: str, others: Sequence[str]) -> str:
    """``text`` as escaped HTML with every word that none of ``others`` has wrapped in ``<em class="differs">``.

    >>> mark_differences("a <b>", ["a"])
    'a &lt;<em class="differs">b</em>&gt;'
    """
    shared = set().union(*(words_of(o) for o in others)) if others else set()
    out, at = [], 0
    for match in WORD.finditer(text):
        out.append(escape(text[at:match.start()], quote=False))
        word = escape(match.group(0), quote=False)
        out.append(word if match.group(0).lower() in shared else f'<em class="differs">{word}</em>')
        at = match.end()
    out.append(escape(text[at:], quote=False))
    return "".join(out)


def statement_columns(statement: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One column per rendering of an aligned statement, its differing words marked (``html``).

    ``statement`` is one of :func:`framing.compare.findings.aligned_statements`.

    >>> columns = statement_columns({"renderings": [
    ...     {"group": "RT", "id": "a", "kind": "direct", "cue": "said", "text": "NATO went too far",
    ...      "sentence_index": 2},
    ...     {"group": "TASS", "id": "b", "kind": "indirect", "cue": "noted", "text": "NATO went far",
    ...      "sentence_index": 0}]})
    >>> columns[0]["html"], columns[1]["html"]
    ('NATO went <em class="differs">too</em> far', 'NATO went far')
    """
    renderings = statement["renderings"]
    columns = []
    for n, rendering in enumerate(renderings):
        others = [r["text"] for m, r in enumerate(renderings) if m != n]
        columns.append({**rendering, "html": mark_differences(rendering["text"], others)})
    return columns


def concept_columns(concept: Mapping[str, Any], uses: Mapping[str, Sequence[Mapping[str, Any]]],
                    style: Callable[[str, str], str], title: Callable[[Mapping[str, Any]], str],
                    limit: int = EXAMPLES_PER_GROUP) -> list[dict[str, Any]]:
    """One column per group that uses ``concept``: its wordings (``wordings``) and example sentences.

    ``uses`` maps each group to its contested-term records of the concept, in
    article order; ``style(pack, side)`` gives a side's CSS class and
    ``title(record)`` a term's title.  An example is ``{"id", "sentence_index",
    "html"}``, the sentence with the term marked.
    """
    columns = []
    for group in concept["users"]:
        wordings = [{"variant": row["variant"], "side": row["side"], "count": row["counts"][group],
                     "css": style(concept["pack"], row["side"])}
                    for row in concept["rows"] if row["counts"][group]]
        examples = [_example(r, style, title) for r in _one_per_sentence(uses.get(group, ()))[:limit]]
        columns.append({"group": group, "wordings": wordings, "examples": examples})
    return columns


def _one_per_sentence(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    seen, kept = set(), []
    for record in records:
        key = (record["id"], record["sentence_index"])
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept


def _example(record: Mapping[str, Any], style: Callable[[str, str], str],
             title: Callable[[Mapping[str, Any]], str]) -> dict[str, Any]:
    """The record's sentence with its term marked: the term is found at its offset within the sentence."""
    sentence, term = str(record.get("sentence", "")), str(record.get("text", ""))
    at = _term_position(sentence, term, record.get("sentence_start"), int(record.get("start", 0)))
    detail = record.get("detail") or {}
    marks = [Mark(at, at + len(term), "term", f"term {style(detail.get('pack', ''), detail.get('side', ''))}",
                  title(record))] if at >= 0 else []
    return {"id": record["id"], "sentence_index": record["sentence_index"],
            "html": render_span(sentence, 0, len(sentence), marks)}


def _term_position(sentence: str, term: str, sentence_start: Any, start: int) -> int:
    """Where ``term`` stands in ``sentence``: by offset when the sentence's start is known, else its first use."""
    if sentence_start is not None and sentence[start - sentence_start:start - sentence_start + len(term)] == term:
        return start - int(sentence_start)
    return sentence.find(term) if term else -1


def term_uses(records: Iterable[Mapping[str, Any]],
              group_of: Mapping[str, str]) -> dict[tuple[str, str], dict[str, list]]:
    """Contested-term records by ``(pack, concept)`` and group, in the order read.

    >>> uses = term_uses([{"family": "lexicon", "kind": "contested_term", "id": "a",
    ...                    "detail": {"pack": "p", "concept": "c"}}], {"a": "RT"})
    >>> list(uses[("p", "c")])
    ['RT']
    """
    found: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.get("kind") != "contested_term" or record.get("id") not in group_of:
            continue
        detail = record.get("detail") or {}
        found[(detail.get("pack", ""), detail.get("concept", ""))][group_of[record["id"]]].append(record)
    return found

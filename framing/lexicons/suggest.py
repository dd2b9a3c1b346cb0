"""Draft a lexicon pack from discovered labels (``framing lexicon suggest``).

The draft lists, for each salient entity, the head words each group alone
uses in the same relation to it ("reunification" with Crimea in one outlet,
"annexation" of it in another), in the format of :mod:`framing.lexicons.packs`, so
that ``framing lexicon check`` accepts it.  It is a starting point for a
person to edit: two words around one name need not name the same thing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from framing.corpus.reader import CorpusReader
from framing.document.parse import Document, parse_article
from framing.errors import CorpusError
from framing.lexicons.discover import EntityLabels, discover_labels
from framing.lexicons.forms import expand_forms, match_key

DRAFT_RELATIONS = ("governs", "modifies")


def slug(text: str, prefix: str = "group") -> str:
    """A lower_snake_case id for ``text`` ("The Moscow Times" -> "the_moscow_times").

    >>> slug("The Moscow Times"), slug("20 Minutes")
    ('the_moscow_times', 'group_20_minutes')
    """
    value = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return value if value[:1].isalpha() else f"{prefix}_{value}".rstrip("_")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def draft_concepts(entities: Iterable[EntityLabels], max_concepts: int = 30) -> list[dict]:
    """Concepts where at least two groups use head words no other group uses."""
    concepts = []
    for entity in entities:
        for relation in DRAFT_RELATIONS:
            concept = _draft_concept(entity, relation)
            if concept is None:
                continue
            concepts.append(concept)
            if len(concepts) >= max_concepts:
                return concepts
    return concepts


def _draft_concept(entity: EntityLabels, relation: str) -> dict | None:
    """The draft concept of one entity and relation, or None unless two groups have words of their own."""
    heads = {group: entity.heads(group, relation) for group in entity.groups}
    own = _own_heads(heads)
    if len(own) < 2:
        return None
    examples = [f"{group}: '{_example_phrase(entity, group, relation, own[group])}'" for group in sorted(own)]
    return {"id": f"{slug(entity.entity, 'entity')}_{relation}", "entity": entity.entity,
            "relation": relation, "terms": own, "near": _near_words(entity), "examples": examples}


def _head_users(heads: Mapping[str, Counter]) -> dict[str, set[str]]:
    """Head word -> the groups that use it."""
    users: dict[str, set[str]] = {}
    for group, counter in heads.items():
        for head in counter:
            users.setdefault(head, set()).add(group)
    return users


def _own_heads(heads: Mapping[str, Counter]) -> dict[str, list[str]]:
    """Group -> the head words only it uses, most frequent first; groups left with none are dropped.

    A word whose forms match a word kept earlier (groups in sorted order) is
    dropped: it is a plural of another side's word.
    """
    users = _head_users(heads)
    own: dict[str, list[str]] = {}
    taken: set[str] = set()
    for group in sorted(heads):
        words = sorted((h for h in heads[group] if users[h] == {group}),
                       key=lambda h: (-heads[group][h], h))
        kept, taken = _without_taken_forms(words, taken)
        if kept:
            own[group] = kept
    return own


def _without_taken_forms(words: list[str], taken: set[str]) -> tuple[list[str], set[str]]:
    """``words`` less those sharing a form with ``taken`` or an earlier word, and the forms now taken."""
    kept = []
    taken = set(taken)
    for word in words:
        keys = {match_key(form) for form in expand_forms(word, True)}
        if keys & taken:
            continue
        taken |= keys
        kept.append(word)
    return kept, taken


def _example_phrase(entity: EntityLabels, group: str, relation: str, words: list[str]) -> str:
    """The group's most frequent label phrase containing one of ``words``."""
    return next(p for p in entity.phrases(group, relation) if any(w in p.lower().split() for w in words))


def _near_words(entity: EntityLabels) -> list[str]:
    """The last word of each of the entity's names, straight apostrophes, sorted."""
    return sorted({name.split()[-1].replace("’", "'") for counter in entity.names.values() for name in counter})


def suggest_pack(documents_by_group: Mapping[str, Iterable[Document]], name: str = "draft",
                 source: str = "the article set") -> str:
    """A draft TOML lexicon pack of the labels that differ between groups.

    Raises
    ------
    CorpusError
        When no two groups use different words around a shared name.
    """
    concepts = draft_concepts(discover_labels(documents_by_group))
    if not concepts:
        raise CorpusError("no contested labels found: lexicon suggest needs at least two outlets "
                          "naming the same people, places or organisations — add articles")
    sides: dict[str, str] = {}
    for group in sorted({g for c in concepts for g in c["terms"]}):
        side = slug(group)
        while side in sides.values():
            side += "_x"
        sides[group] = side
    lines = [
        "# Draft lexicon pack written by `framing lexicon suggest`: edit before use.",
        "# Each concept lists the head words each outlet alone uses around one name;",
        "# keep the pairs that name the same thing, merge sides, fix notes and sources,",
        "# then check it with `framing lexicon check FILE`.",
        "",
        "[pack]",
        f"name = {_q(slug(name, 'draft'))}",
        'version = "0.1"',
        'author = "framing lexicon suggest (draft)"',
        f"description = {_q('Labels that differ between outlets, discovered in ' + source + '.')}",
        f"sources = [{_q(source)}]",
        "",
        "[pack.sides]",
    ]
    lines += [f"{side} = {_q('Words used by ' + group + ' in ' + source)}" for group, side in sides.items()]
    for concept in concepts:
        relation = "around" if concept["relation"] == "modifies" else "governing"
        describe = f"Words {relation} '{concept['entity']}', by outlet."
        lines += [
            "",
            "[[concept]]",
            f"id = {_q(concept['id'])}",
            f"description = {_q(describe)}",
            f"note = {_q('Discovered: ' + '; '.join(concept['examples']))}",
            f"source = {_q(source + ' (framing lexicon suggest)')}",
            f"near = [{', '.join(_q(w) for w in concept['near'])}]",
            "",
            "[concept.terms]",
        ]
        for group in sorted(concept["terms"]):
            lines.append(f"{sides[group]} = [{', '.join(_q(t) for t in concept['terms'][group])}]")
    return "\n".join(lines) + "\n"


def documents_by_outlet(path: str | Path, **reader_options: Any) -> dict[str, list[Document]]:
    """Read, clean and parse an article set into documents grouped by outlet."""
    groups: dict[str, list[Document]] = {}
    for article in CorpusReader(path, **reader_options):
        groups.setdefault(article.outlet, []).append(parse_article(article)[0])
    return groups

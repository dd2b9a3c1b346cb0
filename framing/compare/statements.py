"""Line up the same statement as rendered by different articles (and outlets).

Works on evidence records (``Finding.to_record`` dicts of the attribution
family), so it runs on a saved ``evidence.jsonl`` as well as in the pipeline.
Each attribution's content is cut into sentence-sized pieces; pieces from
different articles that share most of their content words and have the same
speaker are one statement.  In the share of words two pieces have in common a name
of several words ("Affordable Care Act", "House of Representatives") counts
once: it says what a statement is about, and sharing it does not make two
statements one.  Only named, resolved speakers count (not "they",
a vague group or a place), and a piece an outlet prints word for word in
several articles (a disclaimer, a sign-off) is page furniture, not a statement.
For each rendering the result says who quoted directly and who paraphrased,
with which verb, and which of the other renderings' words it left out.

Examples
--------
>>> def rec(i, outlet, kind, verb, text):
...     detail = {"speaker": "Alexander Grushko", "verb": verb, "cue": verb, "content": text}
...     return {"id": i, "outlet": outlet, "family": "attribution", "kind": kind,
...             "sentence_index": 0, "start": 0, "end": len(text), "detail": detail}
>>> groups = align_statements([
...     rec("a", "RT", "direct", "state", "NATO itself has dropped any positive agenda in relations with Russia."),
...     rec("b", "The Moscow Times", "direct", "tell", "NATO has itself abandoned a positive agenda in its relations with Russia."),
... ])
>>> [(r["outlet"], r["verb"], r["left_out"]) for r in groups[0]["renderings"]]
[('RT', 'state', ['abandoned']), ('The Moscow Times', 'tell', ['dropped'])]
"""  # noqa: E501

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

# A word, or an abbreviation written with dots ("U.S.", read as one word, not "u" and "s").
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*")
_PIECE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+|\s+…\s+")
# Words that do not make two renderings the same statement.  Shorter than the shared
# stop words (framing/data/vocabulary/stopwords.txt) on purpose: with those, "far",
# "signs" and "get" stop counting and the seeds' NATO quotes align differently.
_FUNCTION_WORDS = frozenset(
    """a an the and or but if of in on at to for with by from as is are was were be been being it its
    this that these those there here has have had do does did not no so than then too very can could
    will would should may might must i we you he she they them us our your his her their my me all any
    which who whom what when where why how also just about into out up over such only own same""".split()
)
# Lower-case words inside a name of several capitalised words ("House of Representatives"); not "and",
# which as often joins two names ("Russia and NATO").
_INSIDE_NAMES = frozenset(("of", "for", "the"))
MIN_SHARED_WORDS = 4
# Shared content words or names, fewer than which no share is worth working out (one name or two is no
# statement; "Michelle Snyder", "responsible", "debacle" are Blackburn's question in two outlets).
MIN_SHARED_UNITS = 3
# Two capitalised words in a row, maybe with "of", "for" or "the" between: a text that may hold a name.
_TWO_CAPITALS = re.compile(r"[A-Z][\w'’.-]*[ \t]+(?:(?:of|for|the)[ \t]+)*[A-Z]")
MIN_OVERLAP = 0.6
# A piece an outlet prints word for word in this many of its articles is page furniture
# (a columnist's disclaimer, a sign-off), not a statement.
FURNITURE_REPEATS = 3
# Sources that name nobody by themselves, whatever the resolver made of them.
_VAGUE_SOURCES = frozenset("they them it we you".split())
# Speakers that are not a named, resolved person or body.
_UNRESOLVED_KINDS = frozenset({"unresolved", "group", "role"})


def is_named_speaker(record: Mapping[str, Any]) -> bool:
    """Whether an attribution record's speaker is named and resolved: a person, a body or an outlet.

    Not "they" or "it" (whatever they were resolved to), not a vague group,
    not a capitalised name with no role that may be a place ("California").

    Examples
    --------
    >>> is_named_speaker({"detail": {"speaker": "Donald Trump", "named": True, "speaker_text": "Trump"}})
    True
    >>> is_named_speaker({"detail": {"speaker": "California", "named": True, "speaker_text": "they",
    ...                              "speaker_kind": "institution", "role": "unknown"}})
    False
    """
    detail = record["detail"]
    if not detail.get("speaker") or not detail.get("named", True) or detail.get("anonymous", False):
        return False
    if detail.get("speaker_text", "").lower() in _VAGUE_SOURCES:
        return False
    kind = detail.get("speaker_kind", "")
    return kind not in _UNRESOLVED_KINDS and not (kind == "institution" and detail.get("role") == "unknown")


def _surname(speaker: str) -> str:
    return speaker.split()[-1].lower() if speaker else ""


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of ``text`` without function words; a name of several capitalised words is one.

    Examples
    --------
    >>> sorted(content_words("NATO itself has dropped any positive agenda"))
    ['agenda', 'dropped', 'itself', 'nato', 'positive']
    >>> sorted(content_words("She declined to testify before the House Energy and Commerce Committee"))
    ['before', 'commerce committee', 'declined', 'house energy', 'testify']
    """
    if _TWO_CAPITALS.search(text) is None:  # no name of several words: each word is one
        return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _FUNCTION_WORDS)
    return frozenset(w for w in (" ".join(name).lower() for name in _names_and_words(text))
                     if w not in _FUNCTION_WORDS)


def _names_and_words(text: str) -> list[list[str]]:
    """The words of ``text``, each capitalised run ("House of Representatives") as one list of words."""
    out: list[list[str]] = []
    joinable = False  # whether the last item is a name a following capitalised word may extend
    pending: list[str] = []  # lower-case words inside a name, waiting for its next capitalised word
    last_end = 0
    for m in _WORD.finditer(text):
        word, gap = m.group(), text[last_end:m.start()]
        last_end = m.end()
        adjacent = joinable and not gap.strip()
        capital = word[0].isupper() and word.lower() not in _FUNCTION_WORDS
        if capital and adjacent:
            out[-1].extend(pending + [word])
        elif word in _INSIDE_NAMES and adjacent:
            pending.append(word)
            continue
        else:
            out.extend([w] for w in pending)
            out.append([word])
        pending, joinable = [], capital
    out.extend([w] for w in pending)
    return out


def _pieces(record: Mapping[str, Any]) -> list[tuple[str, frozenset[str]]]:
    content = record["detail"].get("content") or record.get("text", "")
    out = []
    for piece in _PIECE_END.split(content):
        piece = piece.strip()
        words = content_words(piece)
        if _n_words(words) >= MIN_SHARED_WORDS:
            out.append((piece, words))
    return out


def _n_words(units: Iterable[str]) -> int:
    """How many words ``units`` (content words and names) hold."""
    return sum(unit.count(" ") + 1 for unit in units)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter piece's content words and names that the other shares (0 below
    :data:`MIN_SHARED_WORDS` shared words)."""
    shared = a & b
    if _n_words(shared) < MIN_SHARED_WORDS:
        return 0.0
    return len(shared) / min(len(a), len(b))


def align_statements(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Group attribution records of different articles that render the same statement.

    Parameters
    ----------
    records : iterable of dict
        Evidence records; only ``family == "attribution"`` ones with a named,
        resolved speaker (:func:`is_named_speaker`) are used.

    Returns
    -------
    list of dict
        One dict per statement found in at least two articles: ``statement``
        (the fullest rendering), ``speaker`` (most frequent), ``n_articles``
        and ``renderings`` (one per article: ``id``, ``outlet``, ``speaker``,
        ``kind``, ``verb``, ``cue``, ``text``, ``sentence_index``, ``start``,
        ``end``, ``left_out``), sorted by outlet then id.
    """
    pieces = []
    for record in records:
        if record.get("family") != "attribution" or not is_named_speaker(record):
            continue
        for text, words in _pieces(record):
            pieces.append((record, text, words))
    pieces = _without_furniture(pieces)
    # Fullest pieces first, so each group is seeded by its most complete rendering.
    pieces.sort(key=lambda p: (-len(p[2]), str(p[0]["id"]), p[0]["start"], p[1]))
    groups: list[list[tuple[Mapping[str, Any], str, frozenset[str]]]] = []
    index: dict[str, set[int]] = defaultdict(set)
    for piece in pieces:
        best = _best_group(piece, groups, index)
        words = piece[2]
        if best is None:
            groups.append([piece])
            best = len(groups) - 1
        else:
            groups[best].append(piece)
        for w in words:
            index[w].add(best)
    out = [_describe(members) for members in groups if len({m[0]["id"] for m in members}) >= 2]
    out.sort(key=lambda g: (-g["n_articles"], g["statement"]))
    return out


def _best_group(piece, groups: list[list], index: Mapping[str, set[int]]) -> int | None:
    """The group ``piece`` joins: the same speaker, another article, most of its content words shared."""
    record, _, words = piece
    candidates = Counter(g for w in words for g in index.get(w, ()))
    best, best_score = None, 0.0
    for g, shared in sorted(candidates.items()):
        if shared < MIN_SHARED_UNITS or any(m[0]["id"] == record["id"] for m in groups[g]):
            continue
        if _surname(groups[g][0][0]["detail"]["speaker"]) != _surname(record["detail"]["speaker"]):
            continue  # the same words by another speaker are another statement
        score = max(_overlap(words, m[2]) for m in groups[g])
        if score >= MIN_OVERLAP and score > best_score:
            best, best_score = g, score
    return best


def _without_furniture(pieces: list) -> list:
    """``pieces`` without those one outlet prints word for word in :data:`FURNITURE_REPEATS` articles or more."""
    articles: dict[tuple[str, str], set] = defaultdict(set)
    for record, text, _ in pieces:
        articles[(record.get("outlet", ""), text)].add(record["id"])
    return [p for p in pieces if len(articles[(p[0].get("outlet", ""), p[1])]) < FURNITURE_REPEATS]


def _describe(members) -> dict[str, Any]:
    renderings = []
    for record, text, words in members:
        others = frozenset().union(*(m[2] for m in members if m[0] is not record))
        detail = record["detail"]
        renderings.append(
            {
                "id": record["id"],
                "outlet": record.get("outlet", ""),
                "speaker": detail.get("speaker", ""),
                "kind": record.get("kind", ""),
                "verb": detail.get("verb", ""),
                "cue": detail.get("cue", ""),
                "text": text,
                "sentence_index": record.get("sentence_index", -1),
                "start": record.get("start", -1),
                "end": record.get("end", -1),
                "left_out": sorted(others - words),
            }
        )
    renderings.sort(key=lambda r: (r["outlet"], str(r["id"]), r["start"]))
    speakers = Counter(r["speaker"] for r in renderings if r["speaker"])
    return {
        "statement": members[0][1],
        "speaker": min(speakers, key=lambda s: (-speakers[s], s)) if speakers else "",
        "n_articles": len({r["id"] for r in renderings}),
        "renderings": renderings,
    }

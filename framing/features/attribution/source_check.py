"""Whether a source span reads as a speaker: one noun phrase with a nominal or pronoun head.

The rules of :mod:`framing.features.attribution.sources` and
:mod:`framing.features.attribution.phrases` read a speaker from the words
around a cue; where the clause is unusual they return words that name nobody:
an adverb ("largely agreed"), a dateline ("WASHINGTON — The parties ..."), the
writer's expletive "it" ("It’s worth noting that ..."), a bare number ("64%
said"), a determiner or preposition ("The", "of Democratic voters").
:func:`checked_source` repairs what can be repaired (a trailing or leading
adverb, a dateline, a contraction, a predicate the rules ran into, the quantity
before "of") and refuses the rest, so a report never names such words as a
speaker; the word classes and clauses it asks about (an auxiliary, the subject
of a passive cue) are in :mod:`framing.features.attribution.cue_clause`.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "FEMA similarly emphasized that supplies are short.")
>>> span = checked_source(doc, (0, 14), (15, 25))
>>> doc.body[slice(*span)]
'FEMA'
>>> doc = build_document("x", "It’s worth noting that the law is new.")
>>> checked_source(doc, (0, 10), (11, 18)) is None
True
"""

from __future__ import annotations

import re

from framing.document.parse import Document
from framing.document.vocabulary import DETERMINERS, NOT_IN_SPEAKER_NAMES, TIME_WORDS
from framing.features.attribution.body_text import Span
from framing.features.attribution.content import is_adverb
from framing.features.attribution.cue_clause import (
    AUXILIARIES,
    CATENATIVES,
    SPEAKING_WORDS,
    infinitive_verb,
    is_auxiliary,
    modifies_cue,
    passive_subject,
)
from framing.features.attribution.lone_words import participle_alone
from framing.features.attribution.passes import names_speaker, paragraph_label
from framing.features.attribution.phrases import PRONOUNS, noun_phrase_start, source_before, without_contraction

# Prepositions that end a source's head noun ("a Clinton ad in 2008").
_HEAD_ENDS = frozenset("of in on at for from with about over among to by".split())
# Prepositions that open a lead-in, not a speaker ("During the event, ...", "Amid the turmoil, ...").
_OPENING_PREPOSITIONS = frozenset("during across amid under through since after before despite given including "
                                  "unlike like as".split())
# Articles and demonstratives: a source never ends in one.
_ARTICLES = frozenset("the a an this these those every each no any".split())
_POSSESSIVES = frozenset("his her their its my our your".split())
_BE = frozenset("is was were are ’s 's".split())
# Words for a share or a count before "of" ("57% of Republicans", "two-thirds (67 percent) of voters").
_QUANTITY_WORDS = frozenset(
    "percent half third thirds quarter majority minority most many some all none few share number plurality "
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred dozen dozens".split()
)
_QUANTITY_LEAD = frozenset("nearly about almost roughly only just some over around fully".split())
# Cues of the writer's expletive "it": "It seems", "it appears".
_EXPLETIVE_CUES = frozenset("seem seems seemed appear appears appeared".split())
# "WASHINGTON —", "WASHINGTON (Reuters) -", "NEW YORK, Feb. 3 —": a dateline opening a report.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,[^—–\n]{0,30}?)?(?:\s*\([^()\n]{1,30}\))?(?:\s*[—–]\s*|\s+-+\s+)")
# The end of a parenthesis after a source's last word ("(D-Calif.)").
_CLOSING = re.compile(r"\.?\)")
# How a pronoun fused with its auxiliary is written ("they’ve", "I’m").
_APOSTROPHES = "’'"


def checked_source(
    doc: Document, source: Span, cue: Span | None, verb_forms: frozenset[str] = frozenset()
) -> Span | None:
    """``source`` trimmed to the noun phrase that speaks, or None when it names nobody.

    Parameters
    ----------
    doc : Document
        The parsed document the offsets refer to.
    source : tuple of int
        The speaker's span as the rules read it.
    cue : tuple of int or None
        The cue's span (the expletive "it" is told by it and by the words
        between them).
    verb_forms : frozenset of str
        The written forms of the listed reporting verbs: one inside a source
        ends it ("a photo showing" -> "a photo").

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "In the poll, 57% of Republicans say they back him.")
    >>> span = checked_source(doc, (17, 31), (32, 35))
    >>> doc.body[slice(*span)]
    '57% of Republicans'
    >>> doc = build_document("x", "Democrats, however, are calling the cuts sabotage.")
    >>> doc.body[slice(*checked_source(doc, (0, 19), (24, 31)))]
    'Democrats'
    """
    if passive_subject(doc, source, cue):
        return None  # "The race hadn't been called", "They were expected to": acted on, not speaking
    words = doc.tokens_between(*source)
    if len(words) == 1 and doc.tokens[words[0]] in SPEAKING_WORDS - {"it"}:
        return source  # "he", "they", "who": a fifth of all sources, nothing more to check
    span: Span | None = source
    if infinitive_verb(doc, source, cue) or modifies_cue(doc, source, cue):
        return None  # "to win", "the sickening feeling": no speaker before the cue
    for step in (_without_dateline, _without_label, _without_edges, _with_quantity, _without_by_phrase):
        span = step(doc, span)
        if span is None:
            return None
    span = _before_predicate(doc, span, verb_forms)
    if span is None:
        return None
    span = _possessive_alone(doc, span, cue)
    if not _has_head(doc, span, cue) or writer_expletive(doc, span, cue) or participle_alone(doc, span, verb_forms):
        return None
    return span


def _words(doc: Document, span: Span) -> list[int]:
    return list(doc.tokens_between(*span))


def _without_dateline(doc: Document, span: Span) -> Span | None:
    """``span`` without a dateline that opens it ("WASHINGTON —"); None when it is nothing else.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "WASHINGTON — The national parties are embracing it.")
    >>> _without_dateline(doc, (0, 10)) is None, doc.body[slice(*_without_dateline(doc, (0, 33)))]
    (True, 'The national parties')
    """
    match = _DATELINE.match(doc.body, span[0])
    if match is None or not any(c.isalpha() for c in match.group()):
        return span
    rest = _words(doc, (match.end(), span[1]))
    if not rest:
        return None
    return doc.token_spans[rest[0]][0], span[1]


def _without_label(doc: Document, span: Span) -> Span | None:
    """``span`` without a heading's label opening its paragraph ("THE FACTS:", "UPDATE:"); None if nothing else.

    A transcript's turn ("PENCE:") is a speaker and stays (:func:`~framing.features.attribution.passes.names_speaker`).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "THE FACTS: The children in question arrived alone.")
    >>> _without_label(doc, (0, 9)) is None, doc.body[slice(*_without_label(doc, (0, 23)))]
    (True, 'The children')
    """
    if span[0] > 0 and doc.body[span[0] - 1] != "\n":
        return span
    label = paragraph_label(doc.body, span[0], min(len(doc.body), span[1] + 2))
    if label is None or names_speaker(label):
        return span
    rest = _words(doc, (label.end(), span[1]))
    return (doc.token_spans[rest[0]][0], span[1]) if rest else None


def _without_edges(doc: Document, span: Span) -> Span | None:
    """``span`` without adverbs, conjunctions, auxiliaries and asides at either end ("Democrats, however,").

    A quantifier standing alone ("Most", "Many") stays: it speaks as a pronoun.
    """
    words = _words(doc, span)
    if len(words) == 1 and doc.tokens[words[0]] in SPEAKING_WORDS:
        return span
    while words and is_adverb(doc, words[0]):
        words.pop(0)
    if len(words) > 2 and _DURATION.fullmatch(f"{doc.tokens[words[0]]} {doc.tokens[words[1]]}") \
            and doc.body[doc.token_spans[words[2]][0]].isupper():
        del words[:2]  # "for at least 72 hours Russia has decided": two lines run together; the name speaks
    trimmed = False
    # Inside an apposition or a relative clause only asides go ("Democrats, however,"): "who served
    # until earlier this year," is the clause's own.
    clause = _inside_clause(doc, words)
    while words and (not _in_name(doc, words, words[-1]) or doc.tokens[words[-1]] in TIME_WORDS) and (
            is_adverb(doc, words[-1]) or not clause and (
            is_auxiliary(doc.tokens[words[-1]]) or _is_time(doc, words) or doc.tokens[words[-1]] in _HEAD_ENDS)):
        if doc.tokens[words[-1]] in ("week", "month", "year"):
            words.pop()  # "last month": both words go
        words.pop()  # "Nancy Pelosi (D-Calif.) on [Tuesday delivered]": a preposition ends no speaker
        trimmed = True
    if not words:
        return None
    start, end = doc.token_spans[words[0]][0], doc.token_spans[words[-1]][1]
    if not trimmed:
        end = span[1]  # keep the rules' own end ("Grushko, Moscow's envoy to NATO,")
    closing = _CLOSING.match(doc.body, end, span[1])
    end = closing.end() if closing else end  # "Nancy Pelosi (D-Calif.)"
    return start, _without_contraction_end(doc, words[-1], end)


# A number of time units: "72 hours", "two weeks".
_DURATION = re.compile(r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few) "
                       r"(?:seconds|minutes|hours|days|weeks|months|years|decades)")


def _is_time(doc: Document, words: list[int]) -> bool:
    """Whether the last words say when ("on Monday", "this week"), not who."""
    word = doc.tokens[words[-1]]
    if word in TIME_WORDS:
        return len(words) > 1
    return word in ("week", "month", "year") and len(words) > 1 and doc.tokens[words[-2]] in ("this", "last")


def _without_contraction_end(doc: Document, last: int, end: int) -> int:
    """The end of a source whose last word is a pronoun fused with its verb ("they’ve" -> "they")."""
    word = doc.tokens[last]
    base = without_contraction(word)
    if base != word and base in PRONOUNS and end == doc.token_spans[last][1]:
        return doc.token_spans[last][0] + len(base)
    return end


def _before_predicate(doc: Document, span: Span, verb_forms: frozenset[str] = frozenset()) -> Span | None:
    """``span`` up to a predicate inside it; None when one opens it.

    An auxiliary ("It has also stoked" -> "It", "Police haven’t" -> "Police"),
    a verb that takes the cue after it ("what she kept calling" -> "she")
    or a reporting verb's participle after a noun ("a photo showing" -> "a
    photo"; not after a determiner: "the ruling party").
    """
    words = _words(doc, span)
    for n, k in enumerate(words[1:], 1):
        word = doc.tokens[k]
        # A participle only: "report", "state", "claims" are nouns as often as verbs ("an analyst report").
        verb = (word in verb_forms and word.endswith(("ing", "ed")) and doc.body[doc.token_spans[k][0]].islower()
                and doc.tokens[words[n - 1]] not in DETERMINERS and _opens_predicate(doc, words, n))
        auxiliary = (word in AUXILIARIES or word.replace("’", "'").endswith("n't")
                     or (word in CATENATIVES and doc.body[doc.token_spans[k][0]].islower()))
        if verb or (auxiliary and not _in_name(doc, words, k)):
            if _inside_clause(doc, words[:n]):
                return span  # "Graham, who has ...": the relative clause belongs to the speaker
            return _without_edges(doc, (span[0], doc.token_spans[words[n - 1]][1]))
    return span


def _opens_predicate(doc: Document, words: list[int], n: int) -> bool:
    """Whether the participle ``words[n]`` ends the source or is followed by its object, not its noun.

    "a photo showing" ends; "an anonymous alleged victim" goes on with the noun "alleged" describes.
    """
    if n + 1 >= len(words):
        return True
    nxt = doc.tokens[words[n + 1]]
    return nxt in DETERMINERS or nxt in SPEAKING_WORDS or nxt in _POSSESSIVES


def _without_by_phrase(doc: Document, span: Span) -> Span:
    """``span`` without a "by ..." phrase after its head ("independents by more than 4-1")."""
    words = _words(doc, span)
    for n, k in enumerate(words[1:], 1):
        if doc.tokens[k] == "by" and not _inside_clause(doc, words[:n]):
            return span[0], doc.token_spans[words[n - 1]][1]
    return span


def _possessive_alone(doc: Document, span: Span, cue: Span | None) -> Span:
    """The possessive that ends a source right before its noun cue ("other side of your reporting" -> "your")."""
    words = _words(doc, span)
    if len(words) > 1 and doc.tokens[words[-1]] in _POSSESSIVES and cue is not None:
        if not doc.body[span[1] : cue[0]].strip():
            return doc.token_spans[words[-1]]
    return span


def _inside_clause(doc: Document, words: list[int]) -> bool:
    """Whether ``words`` hold a relative pronoun or a comma: an auxiliary after them is the clause's."""
    if any(doc.tokens[k] in ("who", "which", "that", "whose") for k in words):
        return True
    return any("," in doc.body[doc.token_spans[a][1] : doc.token_spans[b][0]] for a, b in zip(words, words[1:]))


def _with_quantity(doc: Document, span: Span) -> Span | None:
    """A source after a preposition with the noun phrase it belongs to; None when there is none.

    "of Republicans" with the share before it ("57% of Republicans") or the
    noun phrase ("the head of the agency"); a year or number after a
    preposition with what it qualifies ("A Clinton ad in 2008").
    """
    words = _words(doc, span)
    first = words[0]
    if doc.tokens[first] == "of":
        return _quantity_before(doc, span, first) or _phrase_before(doc, span, first)
    if doc.tokens[first] in _HEAD_ENDS | _OPENING_PREPOSITIONS:
        return _after_lead_in(doc, span, words)
    alone = len(words) == 1 or "," in doc.body[doc.token_spans[first][1] : doc.token_spans[words[1]][0]]
    if doc.tokens[first][:1].isdigit() and alone and doc.body[: span[0]].rstrip().endswith(","):
        # "Schiff, 56, who has served ...": an age in apposition to the name before it.
        return _phrase_before(doc, span, first, comma=True) or span
    before = first - 1
    if (len(words) == 1 and doc.tokens[first][:1].isdigit() and before >= 0 and doc.tokens[before] in _HEAD_ENDS
            and not doc.body[doc.token_spans[before][1] : span[0]].strip()):
        return _phrase_before(doc, span, before) or span
    return span


def _quantity_before(doc: Document, span: Span, of: int) -> Span | None:
    """``span`` from the share or count before its "of" ("nearly 60% of Democratic voters")."""
    first = of
    k = first - 1
    while k >= 0 and _is_quantity(doc, k) and _quantity_gap(doc, k, first):
        first = k
        k -= 1
    if first == of:
        return None
    if k >= 0 and doc.tokens[k] in _QUANTITY_LEAD and _quantity_gap(doc, k, first):
        first = k
    return doc.token_spans[first][0], span[1]


def _phrase_before(doc: Document, span: Span, word: int, comma: bool = False) -> Span | None:
    """``span`` from the noun phrase that ends just before the token ``word`` (and a comma, with ``comma``)."""
    at = doc.token_spans[word][0]
    if comma:
        at = doc.body.rindex(",", 0, at)
    sentence = doc.sentence_at(at)
    if sentence is None:
        return None
    found = source_before(doc, sentence, at)  # "Rep. Hal Rogers (R) of Kentucky"
    if found is not None and found[1] <= at and not doc.body[found[1] : at].strip():
        return found[0], span[1]
    before = list(doc.tokens_between(sentence.start, at))
    if not before or doc.body[doc.token_spans[before[-1]][1] : at].strip():
        return None
    start = noun_phrase_start(doc, before)  # "Schiff, 56": a name just before a comma
    return None if start is None else (doc.token_spans[before[start]][0], span[1])


def _after_lead_in(doc: Document, span: Span, words: list[int]) -> Span | None:
    """A source opened by a prepositional phrase without it ("At first, regulators ..."); None without a comma."""
    for a, b in zip(words, words[1:]):
        if "," in doc.body[doc.token_spans[a][1] : doc.token_spans[b][0]]:
            return _without_edges(doc, (doc.token_spans[b][0], span[1]))
    return None


def _is_quantity(doc: Document, k: int) -> bool:
    word = doc.tokens[k]
    return word[:1].isdigit() or word in _QUANTITY_WORDS or word.split("-")[-1] in _QUANTITY_WORDS


def _quantity_gap(doc: Document, k: int, nxt: int) -> bool:
    """Whether only spaces, "%" or parentheses stand between tokens ``k`` and ``nxt``."""
    gap = doc.body[doc.token_spans[k][1] : doc.token_spans[nxt][0]]
    return not gap.strip(" %()")


def _has_head(doc: Document, span: Span, cue: Span | None) -> bool:
    """Whether the source's head (its last word before "of") can name a speaker.

    Not a determiner, preposition, conjunction or adverb alone, not a bare
    number ("64% said": a share of whom?), not a possessive unless a noun
    cue follows it ("his claim"), and a capitalised function word only as
    the last word of a name ("Theresa May", not "The" or "2021 MORE").
    """
    words = _words(doc, span)
    if not words or _ends_in_bare_number(doc, span, words):
        return False
    if len(words) > 1 and doc.tokens[words[-1]] in _ARTICLES:
        return False  # "Many of the [suspects]": the cue is the noun of the phrase
    head = _head(doc, words)
    word = doc.tokens[head]
    if word in SPEAKING_WORDS or without_contraction(word) in PRONOUNS:
        return True
    if word in _POSSESSIVES or (head == words[-1] and _possessive(word)):
        # "his claim", "Clinton's comments": a possessive speaks only for the noun cue right after it.
        return cue is not None and not doc.body[span[1] : cue[0]].strip()
    if word[:1].isdigit():
        return _share_of(doc, words, head)
    if word in DETERMINERS or word in NOT_IN_SPEAKER_NAMES or is_adverb(doc, head) or is_auxiliary(word):
        return _in_name(doc, words, head)
    return True


def _ends_in_bare_number(doc: Document, span: Span, words: list[int]) -> bool:
    """Whether the source's last part, after a comma, is a number alone ("In metros of 1 million people, 64")."""
    last = words[-1]
    if len(words) < 2 or not doc.tokens[last][:1].isdigit() or doc.body[: span[1]].rstrip().endswith(","):
        return False
    return "," in doc.body[doc.token_spans[words[-2]][1] : doc.token_spans[last][0]]


def _possessive(word: str) -> bool:
    """Whether ``word`` is a possessive ("Clinton's"), not a pronoun fused with "is" or "has" ("who’s")."""
    base, mark, rest = word.replace("’", "'").rpartition("'")
    return bool(mark) and rest == "s" and base not in SPEAKING_WORDS | {"there", "what", "where", "here"}


def _share_of(doc: Document, words: list[int], head: int) -> bool:
    """Whether a number heads a share of a group ("57% of Republicans"), not a bare count or year ("64", "2015")."""
    at = words.index(head)
    return (at + 1 < len(words) and doc.tokens[words[at + 1]] == "of"
            and "%" in doc.body[doc.token_spans[head][1] : doc.token_spans[words[at + 1]][0]])


def _head(doc: Document, words: list[int]) -> int:
    """The head of a source: its last word before a preposition or a comma.

    "one of her contractors" -> one, "A Clinton ad in 2008" -> ad, "Quina Jones, 25," -> Jones,
    "Seven out of 10" -> Seven.
    """
    for n, k in enumerate(words[1:], 1):
        before = words[n - 1]
        if "," in doc.body[doc.token_spans[before][1] : doc.token_spans[k][0]]:
            return before
        if doc.tokens[k] in _HEAD_ENDS:
            return words[n - 2] if doc.tokens[before] == "out" and n > 1 else before
    return words[-1]


def _in_name(doc: Document, words: list[int], head: int) -> bool:
    """Whether a function word is the last of a capitalised name ("Theresa May"), not all capitals ("MORE")."""
    text = doc.body[doc.token_spans[head][0] : doc.token_spans[head][1]]
    at = words.index(head)
    if not text[:1].isupper() or text.isupper() or at == 0:
        return False
    before = doc.body[doc.token_spans[words[at - 1]][0]]
    return before.isupper()


def writer_expletive(doc: Document, span: Span, cue: Span | None) -> bool:
    """Whether the source is the writer's expletive "it": "It seems", "it is worth noting", "it was well known".

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "It seems that way to me.")
    >>> writer_expletive(doc, (0, 2), (3, 8))
    True
    """
    if cue is None or "it" not in doc.body[span[0] : span[1]].lower():
        return False  # most sources: no "it" at all
    span = _without_edges(doc, span) or span
    if cue[0] < span[1] or doc.body[span[0] : span[1]].lower() != "it":
        return False
    between = [doc.tokens[k] for k in doc.tokens_between(span[1], cue[0])]
    fused = doc.tokens[doc.tokens_between(span[0], cue[1])[0]].replace("’", "'") == "it's"
    cue_word = " ".join(doc.tokens[k] for k in doc.tokens_between(*cue))
    return fused or cue_word in _EXPLETIVE_CUES or "worth" in between or any(w in _BE for w in between)

"""Noun phrases that speak: the source span next to a reporting cue, and the personal name in it.

Rule based and local to a sentence: :func:`source_before` and
:func:`source_after` find the noun phrase that speaks, left of the cue
("Russian Deputy Foreign Minister Alexander Grushko said", "Grushko, Moscow's
envoy to NATO, said") or right of it ("said Grushko", "according to the deputy
minister"); :func:`~framing.features.attribution.person_names.person_name` takes the
personal name out of such a phrase.
:mod:`framing.features.attribution.speakers` resolves the phrases to speakers.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "The minister, a veteran diplomat, said talks would go on.")
>>> start, end = source_before(doc, doc.sentences[0], doc.body.index("said"))
>>> doc.body[start:end]
'The minister, a veteran diplomat,'
"""

from __future__ import annotations

import re

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import (
    BETWEEN_SUBJECT_AND_VERB,
    DETERMINERS,
    NOT_IN_SPEAKER_NAMES,
    STOPWORDS,
    TIME_WORDS,
)
from framing.features.attribution.person_names import POSSESSIVE, TITLE_ENDS_AFTER_IN, is_given_name, is_title

PRONOUNS = frozenset("he she they we i you it".split())
# Verbs contracted onto a pronoun that speaks ("I’ve", "we're").
CONTRACTED_VERBS = frozenset("ve m re d ll s".split())
_NAME_APPOSITION = re.compile(r",\s+((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+),")
# Abbreviated words that end a name and keep their full stop before a cue: "Casey Jr. said", "Apple Inc. said".
_NAME_SUFFIXES = frozenset("jr sr inc corp co ltd llc".split())
# A US lawmaker's party and state after the name: "(R-Ill.)", ", D-N.Y.,", "(I-Vt.)", ", R-Texas,".
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def is_capitalised(text: str) -> bool:
    """Whether ``text`` starts with a capital letter or a digit."""
    return text[:1].isupper() or text[:1].isdigit()


def in_capitalised_name(doc: Document, k: int) -> bool:
    """Whether token ``k``, capitalised after a name's word, belongs to the name ("Theresa May", "Mrs. May").

    A function word so written ("May", "Will") is then a name, not the auxiliary the lists take it for.
    The word before is a name's on the same line: not one that opens the sentence only because it
    opens it ("In May Pelosi said", "Last May"), unless it is a given name or a title.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Mrs. May said Theresa May may go. Go. May I? Planned Parenthood\\n\\nAs she said")
    >>> [in_capitalised_name(doc, k) for k in (1, 4, 5, 8, 12)]
    [True, True, False, False, False]
    >>> doc = build_document("x", "In May Pelosi said it.")
    >>> in_capitalised_name(doc, 1)
    False
    """
    if k == 0:
        return False
    body, spans, low = doc.body, doc.token_spans, doc.tokens[k - 1]
    text, before = body[spans[k][0] : spans[k][1]], body[spans[k - 1][0] : spans[k - 1][1]]
    gap = body[spans[k - 1][1] : spans[k][0]]
    after_title = gap.rstrip(" ") == "." and low in _ABBREVIATED  # "Mrs. May", not "Americans. As"
    if not (text[:1].isupper() and not text.isupper() and before[:1].isupper() and not before.isupper()
            and (gap.strip(" ") == "" or after_title)):  # on one line: not a heading before "As"
        return False
    sentence = doc.sentence_at(spans[k - 1][0])
    opens = sentence is not None and sentence.start == spans[k - 1][0]
    return not opens or (low not in STOPWORDS and (is_given_name(low) or is_title(low)))


_ABBREVIATED = frozenset("mr mrs ms dr sen rep gov lt gen col sgt capt adm st jr sr prof rev".split())


def _gap_is_space(body: str, end: int, start: int) -> bool:
    """Whether only white space (or the full stop of "Mr." or an initial, or the "/" of "9/11") separates two words."""
    if end >= start or body[end:start].isspace() or body[end:start] == "/":
        return True
    if body[end] == "." and body[end + 1 : start].isspace():
        i = end
        while i > 0 and body[i - 1].isalpha():
            i -= 1
        word = body[i:end]
        return word.lower() in _ABBREVIATED or (len(word) == 1 and word.isupper())
    return False


def _sentence_tokens(doc: Document, sentence: Sentence, start: int, end: int) -> list[int]:
    return list(doc.tokens_between(max(start, sentence.start), min(end, sentence.end)))


def noun_phrase_start(doc: Document, idxs: list[int], limit: int = 9) -> int | None:
    """Index into ``idxs`` (token indices) where the noun phrase ending at ``idxs[-1]`` starts, or None.

    Examples
    --------
    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Russian envoy Alexander Grushko")
    >>> noun_phrase_start(doc, list(range(len(doc.tokens))))
    0
    """
    start, has_cap, has_det = _phrase_left_edge(doc, idxs, limit)
    if start is None or (not has_det and _bare_lowercase_phrase(doc, idxs, start, has_cap)):
        return None
    return start


def _phrase_left_edge(doc: Document, idxs: list[int], limit: int) -> tuple[int | None, bool, bool]:
    """Walk left from ``idxs[-1]`` over the words of a noun phrase (at most ``limit``).

    Returns the index into ``idxs`` of its leftmost word (None if none
    belongs), whether a capitalised word is in it and whether a determiner
    opens it.  The walk stops at a determiner, a stopword or auxiliary, more
    than three lowercase words in a row, or punctuation between words; it
    carries on through "of" ("the head of the agency") and the "in" of a
    title ("Special Agent in Charge Matthew DeSarno", "Editor in Chief").
    """
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    start = None
    has_cap = has_det = False
    lowercase_run = 0
    i = len(idxs) - 1
    while i >= 0 and len(idxs) - i <= limit:
        k = idxs[i]
        if i < len(idxs) - 1 and not _gap_is_space(body, spans[k][1], spans[idxs[i + 1]][0]):
            break
        text = body[spans[k][0] : spans[k][1]]
        low = tokens[k]
        if low in DETERMINERS and low not in ("that", "one"):
            start, has_det = i, True
            # "the head of the agency", "Democrats in the House": carry on through "of" or a group's "in".
            if i >= 2 and _inside_title(tokens[idxs[i - 1]], low, tokens[idxs[i - 2]]):
                i -= 2
                continue
            break
        if is_capitalised(text) and (low not in NOT_IN_SPEAKER_NAMES or in_capitalised_name(doc, k)):
            start, has_cap, lowercase_run = i, True, 0
        elif low in NOT_IN_SPEAKER_NAMES or low in BETWEEN_SUBJECT_AND_VERB:
            if start is not None and i >= 1 and _inside_title(low, tokens[idxs[i + 1]], tokens[idxs[i - 1]]):
                i -= 1
                continue
            break
        else:
            lowercase_run += 1
            if lowercase_run > 3:
                break
            start = i
        i -= 1
    return start, has_cap, has_det




def _inside_title(word: str, next_word: str, previous_word: str = "") -> bool:
    """Whether ``word``, between ``previous_word`` and ``next_word`` in a noun phrase, lies inside it.

    "of" always does ("the head of the agency"); "in" inside a title ("Special
    Agent in Charge") or after a group of people ("Republicans in Congress",
    "officials in Kyiv": who speaks is the group, not the place).

    >>> _inside_title("of", "state"), _inside_title("in", "charge"), _inside_title("in", "congress")
    (True, True, False)
    >>> _inside_title("in", "congress", "republicans"), _inside_title("in", "the", "democrats")
    (True, True)
    >>> _inside_title("in", "ohio", "man")
    True
    """
    return word == "of" or (word == "in" and (next_word in TITLE_ENDS_AFTER_IN or previous_word in _PEOPLE))


def _bare_lowercase_phrase(doc: Document, idxs: list[int], start: int, has_cap: bool) -> bool:
    """Whether a phrase with no determiner is only lowercase words that name no source.

    Such words are not a speaker ("jobs" in "the growth in jobs shows"),
    unless the head names a vague source ("officials") or a comma sets the
    phrase off on its left.
    """
    body, spans = doc.body, doc.token_spans
    if is_capitalised(body[spans[idxs[start]][0] :]):
        return False
    left = body[spans[idxs[start - 1]][1] : spans[idxs[start]][0]] if start else ","
    return not has_cap and doc.tokens[idxs[-1]] not in _VAGUE_HEADS and "," not in left


_VAGUE_HEADS = frozenset(
    """officials sources experts analysts critics observers people residents witnesses diplomats
    some others many lawmakers insiders economists scientists researchers polls surveys data
    studies reports voters democrats republicans""".split()
)
# People "in" a place speak, not the place: "a man in Ohio", "doctors in Wuhan", "officials in Kyiv".
_PEOPLE = _VAGUE_HEADS | frozenset(
    """man woman men women mother father parents student students teacher teachers worker workers
    doctor doctors nurse nurses farmer farmers official officer officers owner owners resident voter
    family families leader leaders activists protesters spokesman spokeswoman spokesperson soldier
    soldiers diplomat authorities police analyst commander commanders civilians""".split()
)


def source_before(doc: Document, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """The span of the subject that speaks, ending just before the cue at ``cue_start``.

    A short parenthesis between them belongs to the subject: "Rep. Gwen Moore (D-Wis.) said".
    """
    opening = _before_parenthesis(doc.body, sentence.start, cue_start)
    if opening != cue_start:
        found = _subject_before(doc, sentence, opening)
        if found is not None:
            return found[0], doc.body.rindex(")", opening, cue_start) + 1
    found = _subject_before(doc, sentence, cue_start)
    if found and doc.body.startswith(".", found[1]) and doc.body[slice(*found)].split()[-1].lower() in _NAME_SUFFIXES:
        return found[0], found[1] + 1  # the full stop of "Jr."
    return found


def _skip_to_subject(doc: Document, idxs: list[int], cue_start: int) -> int:
    """Drop from ``idxs`` the words between subject and verb; return where the verb group now starts.

    Auxiliaries and adverbs ("has also said"), and a day ("on Monday called", "The Senate Monday voted").
    """
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    while idxs and _gap_is_space(body, spans[idxs[-1]][1], cue_start):
        if tokens[idxs[-1]] in BETWEEN_SUBJECT_AND_VERB and not in_capitalised_name(doc, idxs[-1]):
            cue_start = spans[idxs.pop()][0]
        elif tokens[idxs[-1]] in TIME_WORDS and len(idxs) > 2 and tokens[idxs[-2]] == "on":
            cue_start = spans[idxs[-2]][0]
            del idxs[-2:]
        elif tokens[idxs[-1]] in TIME_WORDS and len(idxs) > 1:
            cue_start = spans[idxs.pop()][0]
        else:
            break
    return cue_start


def _subject_before(doc: Document, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    idxs = _sentence_tokens(doc, sentence, sentence.start, cue_start)
    cue_start = _skip_to_subject(doc, idxs, cue_start)
    if not idxs:
        return None
    last = idxs[-1]
    gap = body[spans[last][1] + (tokens[last] in _NAME_SUFFIXES) : cue_start]  # "Sen. Robert P. Casey Jr. said"
    if gap.strip() == ",":
        return _apposition_subject(doc, idxs)
    if gap.strip():
        return None
    low = tokens[last]
    if POSSESSIVE.search(low) and low[-2:] in ("’s", "'s"):
        return None  # "NATO’s declared readiness": a possessive, not a subject
    if low in PRONOUNS:
        return spans[last]
    if low == "who" and len(idxs) > 1:
        return _apposition_subject(doc, idxs[:-1]) or _plain_subject(doc, idxs[:-1])
    return _plain_subject(doc, idxs)


def _before_parenthesis(body: str, start: int, cue_start: int) -> int:
    """Where a short parenthesis just before a cue opens ("Rep. Gwen Moore (D-Wis.) said"), else ``cue_start``.

    >>> _before_parenthesis("Moore (D-Wis.) said", 0, 15)
    6
    """
    end = cue_start
    while end > start and body[end - 1].isspace():
        end -= 1
    if end <= start or body[end - 1] != ")":
        return cue_start
    opening = body.rfind("(", max(start, end - 25), end)
    return opening if opening > start else cue_start


def _plain_subject(doc: Document, idxs: list[int]) -> tuple[int, int] | None:
    spans = doc.token_spans
    gap = doc.body[spans[idxs[-1]][1] : spans[idxs[-1]][1] + 1]
    if gap == ",":
        return _apposition_subject(doc, idxs)
    start = noun_phrase_start(doc, idxs)
    if start is None:
        return None
    return spans[idxs[start]][0], spans[idxs[-1]][1]


def _apposition_subject(doc: Document, idxs: list[int]) -> tuple[int, int] | None:
    """``Name, apposition,`` before a verb: the span from the name through the last comma."""
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    end = spans[idxs[-1]][1]
    close = body.find(",", end)
    # Find the comma that opens the apposition.
    for i in range(len(idxs) - 1, 0, -1):
        between = body[spans[idxs[i - 1]][1] : spans[idxs[i]][0]]
        if "," in between:
            if any(c in between for c in '"“”;:'):
                return None
            first = tokens[idxs[i]]
            i = _before_party_tag(doc, idxs, i)
            head = noun_phrase_start(doc, idxs[:i])
            if head is None:
                return None
            if len(idxs) - i > 25:
                return None
            head_is_name = is_capitalised(body[spans[idxs[i - 1]][0] :])
            if not (
                head_is_name
                or first in DETERMINERS
                or first in ("who", "which")
                or is_capitalised(body[spans[idxs[i]][0] :])
                or POSSESSIVE.search(tokens[idxs[i]])
                or first[:1].isdigit()
            ):
                return None
            return spans[idxs[head]][0], close + 1 if close >= 0 else end
        if len(idxs) - i > 25:
            return None
    return None


def _before_party_tag(doc: Document, idxs: list[int], i: int) -> int:
    """``i``, or the index of a party tag's first token when one ends the phrase before ``idxs[i]``.

    In "Rep. Mike Pompeo, R-Kan., who …" and "Sen. Tim Scott (R-S.C.), the only …" the
    apposition's head is the name before the tag, not the tag.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Rep. Mike Pompeo, R-Kan., who")
    >>> _before_party_tag(doc, list(range(len(doc.tokens))), 4)
    3
    """
    body, spans = doc.body, doc.token_spans
    tag = idxs[i - 1] if i > 1 else None
    if tag is None or not PARTY_TAG.fullmatch(body[spans[tag][0] : spans[tag][1]]):
        return i
    opening = body[spans[idxs[i - 2]][1] : spans[tag][0]].strip()
    return i - 1 if opening in ("(", ",") else i


def source_after(
    doc: Document, sentence: Sentence, pos: int, verb_forms: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """The noun phrase that starts at ``pos`` (after an inverted cue or "according to")."""
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    idxs = _sentence_tokens(doc, sentence, pos, sentence.end)
    if not idxs or body[pos : spans[idxs[0]][0]].strip():
        return None
    first = tokens[idxs[0]]
    if first in PRONOUNS:
        return spans[idxs[0]]
    if not (first in DETERMINERS or is_capitalised(body[spans[idxs[0]][0] :]) or first in _VAGUE_HEADS):
        return None
    end = spans[idxs[_last_phrase_word(doc, idxs, verb_forms)]][1]
    # "Russia's new ambassador to the UK, Andrei Kelin," — a name in apposition.
    appo = _NAME_APPOSITION.match(body, end, sentence.end)
    if appo:
        end = appo.end(1)
    return spans[idxs[0]][0], end


def _last_phrase_word(doc: Document, idxs: list[int], verb_forms: frozenset[str]) -> int:
    """Index into ``idxs`` of the last word of the noun phrase that opens at ``idxs[0]`` (within 12 words).

    "of" joins the phrase, and so do "to", "at" and "and" before a capitalised
    word or "the" ("the head of the agency", "Russia's ambassador to the UK");
    punctuation or a word that starts a predicate ends it.
    """
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    end_i = 0
    for n, k in enumerate(idxs[:12]):
        if n and not _gap_is_space(body, spans[idxs[n - 1]][1], spans[k][0]):
            break
        low = tokens[k]
        if low in ("of", "to", "at", "and") and n and n + 1 < len(idxs):
            nxt = idxs[n + 1]
            if low == "of" or is_capitalised(body[spans[nxt][0] :]) or tokens[nxt] == "the":
                continue
            break
        if n and _starts_predicate(doc, k, verb_forms):
            break
        end_i = n
    return end_i


def _starts_predicate(doc: Document, k: int, verb_forms: frozenset[str]) -> bool:
    """Whether token ``k`` starts a predicate: a stopword, an auxiliary, a lowercase "-ed" verb or a cue."""
    low = doc.tokens[k]
    if (low in NOT_IN_SPEAKER_NAMES or low in BETWEEN_SUBJECT_AND_VERB) and not in_capitalised_name(doc, k):
        return True  # not "May" of '…," said Theresa May'
    if low.endswith("ed") and not is_capitalised(doc.body[doc.token_spans[k][0] :]):
        return True  # a verb: "The diplomat warned ..."
    return low in verb_forms


def without_contraction(low: str) -> str:
    """A lower-case pronoun without its contracted verb; any other text as it is.

    >>> without_contraction("i’ve"), without_contraction("we're"), without_contraction("o'brien")
    ('i', 'we', "o'brien")
    """
    base, mark, rest = low.replace("’", "'").partition("'")
    return base if mark and base in PRONOUNS and rest in CONTRACTED_VERBS else low

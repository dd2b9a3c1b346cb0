"""The clause around a cue: which words before it belong to no speaker, and when its subject did not speak.

:mod:`framing.features.attribution.source_check` trims a source span and
refuses one that names nobody; these are the word classes it trims at (an
adverb, an auxiliary, a verb that takes the cue after it) and the clauses
whose subject is not the speaker (the verb of an infinitive, the subject of a
passive cue).

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", "The race hadn't been definitively called for Trump.")
>>> passive_subject(doc, (0, 8), (34, 40)), is_adverb(doc, 4), is_auxiliary("hadn't")
(True, True, True)
"""

from __future__ import annotations

from framing.document.parse import Document
from framing.document.vocabulary import BETWEEN_SUBJECT_AND_VERB, DETERMINERS
from framing.features.attribution.body_text import Span
from framing.features.attribution.content import BE, is_adverb
from framing.features.attribution.phrases import PRONOUNS

# Words that speak on their own: pronouns, relative pronouns, quantifiers used as pronouns ("Many say").
SPEAKING_WORDS = PRONOUNS | frozenset(
    "me him us them who whom which that some many most both all others several few one none".split()
)
# Auxiliaries and modals: a source never ends in one ("Police haven’t", "the VA has so far").
AUXILIARIES = frozenset("is was were are be been being am has have had will would could should can may might "
                        "must shall did does do".split())
# Verbs that take the cue after them, as an auxiliary does: "what she kept calling", "he began warning".
CATENATIVES = frozenset("keep keeps kept continue continues continued begin begins began start starts started "
                        "stop stops stopped try tries tried".split())


def is_auxiliary(word: str) -> bool:
    """Whether ``word`` is an auxiliary, negated or not ("has", "didn’t", "won't")."""
    base = word.replace("’", "'")
    if base.endswith("n't"):
        return True
    return word in AUXILIARIES or word in BETWEEN_SUBJECT_AND_VERB and word not in SPEAKING_WORDS


def infinitive_verb(doc: Document, span: Span, cue: Span | None) -> bool:
    """Whether the source is a verb after "to" ("using it to implement vows"), not "according to officials"."""
    first = doc.tokens_between(*span)[0]
    if not first or doc.tokens[first - 1] != "to":
        return False
    if cue is not None and cue[0] <= doc.token_spans[first - 1][0] < cue[1]:
        return False  # the "to" of "according to"
    text = doc.body[doc.token_spans[first][0] : doc.token_spans[first][1]]
    word = doc.tokens[first]
    return text.islower() and word not in SPEAKING_WORDS and word not in DETERMINERS


# Participles that say how the subject stands or feels ("Doctors are increasingly worried that",
# "Americans are strongly opposed"): the subject holds the view, so it stays the source.
_STATIVE_PARTICIPLES = frozenset("worried concerned opposed convinced pleased disappointed divided determined "
                                 "committed frustrated alarmed satisfied interested confused surprised troubled "
                                 "dismayed encouraged prepared inclined outraged angered shocked relieved heartened "
                                 "appalled horrified delighted thrilled saddened incensed offended unconvinced "
                                 "persuaded".split())


def passive_subject(doc: Document, span: Span, cue: Span | None) -> bool:
    """Whether the source is the subject of a passive cue: who was acted on, not who spoke.

    "The presidential race hadn't been definitively called for Donald
    Trump": the race called nobody.  "Was quoted as saying" keeps its
    subject (the quoted person speaks), and so does a participle that says how
    the subject stands ("Doctors are increasingly worried that …").

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "The race hadn't been definitively called for Trump.")
    >>> passive_subject(doc, (0, 8), (34, 40))
    True
    >>> doc = build_document("x", "Putin was quoted as saying the talks failed.")
    >>> passive_subject(doc, (0, 5), (10, 16))
    False
    """
    if cue is None or span[1] > cue[0]:  # a source after its cue ("said Smith") is no subject
        return False
    between, cue_words = doc.tokens_between(span[1], cue[0]), doc.tokens_between(*cue)
    if not between or not cue_words:
        return False
    participle = doc.tokens[cue_words[0]]
    if not participle.endswith("ed") or participle == "quoted" or participle in _STATIVE_PARTICIPLES:
        return False
    # Between the subject and its participle: "hadn't been", "was not", "has been widely".
    words = [doc.tokens[k] for k in between]
    return any(word in BE for word in words) and all(is_auxiliary(word) or is_adverb(doc, k)
                                                     for word, k in zip(words, between))


def modifies_cue(doc: Document, span: Span, cue: Span | None) -> bool:
    """Whether ``span`` is an article and a participle describing the cue as a noun ("the sickening feeling").

    The "-ing" cue is then the head of a noun phrase, not a verb, and the
    words before it say what kind of feeling, not who feels it.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "There is the sickening feeling it engenders.")
    >>> modifies_cue(doc, (9, 22), (23, 30))
    True
    >>> doc = build_document("x", "The spokesman saying so was wrong.")
    >>> modifies_cue(doc, (0, 13), (14, 20))
    False
    """
    if cue is None or not doc.body[cue[0]:cue[1]].endswith("ing") or doc.body[span[1]:cue[0]].strip():
        return False
    words = [doc.tokens[k] for k in doc.tokens_between(*span)]
    return (len(words) > 1 and words[0] in ("the", "a", "an")
            and all(w.islower() and w.endswith(("ing", "ed")) for w in words[1:]))

"""Sources of attribution: who speaks, found from the cue in the same clause.

:class:`SourceRules` reads the speaker of a reporting cue: a noun phrase
before it ("Grushko said", "Graham, who says"), after it ("..., said the
deputy minister"), the first subject of a coordinated clause ("X rejected
the idea and said") or a subject the noun-phrase rules of
:mod:`framing.features.attribution.phrases` do not parse ("Sen. Elizabeth Warren (D-MA) said",
"42% say").  It also tells when a cue word is not a reporting verb here: a
passive ("it is said"), a word of a name ("the United States").

Examples
--------
>>> from framing.document.parse import build_document
>>> from framing.features.attribution.cues import CueLexicon
>>> doc = build_document("x", "Most voters polled on Tuesday say the race is close.")
>>> cue = doc.body.index("say")
>>> source, inverted, relative = SourceRules(doc, frozenset({"say"})).cue_source(
...     doc.sentences[0], cue, cue + 3, CueLexicon.load().lookup("say"))
>>> doc.body[slice(*source)], inverted
('Most voters polled on Tuesday', False)
"""

from __future__ import annotations

import re

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import BETWEEN_SUBJECT_AND_VERB, DETERMINERS, NOT_IN_SPEAKER_NAMES
from framing.features.attribution.body_text import CLOSE_MARKS, OPEN_MARKS, BodyText, Span, starts_upper
from framing.features.attribution.content import BE, COMPLEMENTIZERS, DATELINE, FINITE, SUBORDINATORS
from framing.features.attribution.cues import CueVerb
from framing.features.attribution.person_names import person_name
from framing.features.attribution.phrases import (
    PRONOUNS,
    noun_phrase_start,
    source_after,
    source_before,
)

# Heads of plural subjects without a plural -s ("half of those polled say").
_GROUP_WORDS = frozenset("percent half third quarter majority minority most many all few both people".split())
# Words ending in "s" that are no plural noun ("who was involved in the House report").
_NOT_PLURAL = frozenset("is was has does his its this thus us as yes unless whereas always perhaps less".split())
# Cue classes whose verbs are also common outside reports ("the opposing campaign").
_MENTAL = frozenset(("belief", "stance"))
# One-word speakers a cue may follow directly: pronouns, relative pronouns, possessives.
_MAX_FALLBACK_WORDS = 8
_CLAUSE_WORDS = SUBORDINATORS | COMPLEMENTIZERS | frozenset("and but or to if".split())
_POSSESSIVE_WORDS = frozenset("his her their its my our your".split())
# Words that cannot open a speaker: prepositions and the like ("of Democratic claims").
_NOT_FIRST = (NOT_IN_SPEAKER_NAMES - PRONOUNS - frozenset(("this", "these", "those"))) | frozenset(("of",))
_SPEAKER_WORDS = PRONOUNS | frozenset("who which that".split())
# Relative pronouns that speak for the noun before them ("which has strongly denied"), also fused ("who’s called").
_RELATIVES = frozenset("who whom which".split())
_FUSED_RELATIVE = re.compile(r"(?:who|which)[’'](?:s|ve|d|ll|re)")
# A pronoun fused with its auxiliary: "He’s claiming", "they’ve said".
_FUSED_AUXILIARY = re.compile(r"(he|she|they|we|i|you|it)(?:[’'](?:s|ve|d|ll|re|m))$")


class SourceRules(BodyText):
    """Rules that find the speaker of a reporting cue in its clause."""

    def cue_source(
        self, sentence: Sentence, start: int, end: int, verb: CueVerb
    ) -> tuple[Span, bool, Span | None] | None:
        """The speaker of the cue at ``start:end``, whether it follows the cue, and its relative-clause span.

        None when the clause has no speaker for the cue, or the cue word is
        not used as a finite reporting verb there.
        """
        relative = self._relative_subject(sentence, start)
        source = relative or source_before(self.doc, sentence, start) or self._coordinated_subject(sentence, start)
        inverted = False
        if source is None:
            source = self._inverted_subject(sentence, start, end, verb)
            inverted = source is not None
        if source is None and not verb.strict and (verb.form_type == "past" or verb.lemma in ("say", "tell")):
            source = self._clause_subject(sentence, start)
        if source is None:
            return None
        if verb.form_type == "base" and not self._base_form_ok(source, start):
            # "Majorities of Democrats in five states ... Tuesday say": the noun
            # phrase rules stopped at "Tuesday"; the plural subject is further left.
            source = None if inverted else self._clause_subject(sentence, start)
            if source is None or not self._plural_subject(source):
                return None
        if self._not_a_cue(sentence, start, verb, source):
            return None
        return source, inverted, relative

    def fallback_source(self, sentence: Sentence, cue_start: int, verb: CueVerb) -> Span | None:
        """A speaker the phrase rules leave out: the pronoun, relative pronoun or possessive just before a cue.

        "the AP, which first reported the story", "his claim that ...", "Clinton's comments"; a
        possessive only before a noun-like cue ("NATO's declared readiness" is no speech of NATO's).
        Else the words back to the clause's start, when they hold no reporting verb.
        """
        doc = self.doc
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and (doc.tokens[idx[-1]] in BETWEEN_SUBJECT_AND_VERB or doc.tokens[idx[-1]] in ("not", "n't")):
            idx.pop()
        if not idx or self.body[doc.token_spans[idx[-1]][1] : cue_start].strip(" ’'"):
            return None
        word = doc.tokens[idx[-1]]
        possessive = word in _POSSESSIVE_WORDS or word.endswith(("'s", "’s"))
        if possessive:
            return doc.token_spans[idx[-1]] if verb.form_type in ("base", "present") else None
        if word in _SPEAKER_WORDS:
            return doc.token_spans[idx[-1]]
        return self._words_since_boundary(idx)

    def opening_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """The subject that opens the clause of a cue the phrase rules leave without one: the last resort.

        A fused auxiliary ("He’s claiming"), a relative pronoun that opens the
        cue's clause ("which has strongly denied", "many of whom say"), else
        the first noun phrase of the sentence, or of its part after a comma,
        that ends before the cue: the subject of a non-finite cue tied to its
        clause ("Ham went on to explain", "She started off by emphasizing") or
        of a finite one after an aside ("Younger black voters, in particular,
        have expressed").  Whether to trust it is the span model's to judge
        (it sees how far the speaker stands from the cue).
        """
        doc = self.doc
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and (doc.tokens[idx[-1]] in BETWEEN_SUBJECT_AND_VERB or doc.tokens[idx[-1]] in BE | {"even"}):
            idx.pop()
        if not idx:
            return None
        last = doc.tokens[idx[-1]]
        fused = _FUSED_AUXILIARY.fullmatch(last)
        if fused:
            start = doc.token_spans[idx[-1]][0]
            return start, start + len(fused.group(1))
        if last in SUBORDINATORS and self.body[cue_start:].split(maxsplit=1)[0].endswith("ed"):
            return None  # "when asked", "as predicted": a passive with no speaker of its own
        relative = self._relative_in_clause(idx)
        if relative is not None:
            return relative
        return self._first_subject(sentence, idx)

    def _relative_in_clause(self, idx: list[int]) -> Span | None:
        """A relative pronoun that opens the cue's clause ("which has strongly denied", "many of whom say")."""
        doc, body = self.doc, self.body
        for j in range(len(idx) - 1, -1, -1):
            word = doc.tokens[idx[j]]
            if word in _RELATIVES or _FUSED_RELATIVE.fullmatch(word):
                start = doc.token_spans[idx[j]][0]
                return start, start + len(word.split("’")[0].split("'")[0])
            if j and any(c in body[doc.token_spans[idx[j - 1]][1] : doc.token_spans[idx[j]][0]] for c in ",;:—–("):
                return None
        return None

    def _first_subject(self, sentence: Sentence, idx: list[int]) -> Span | None:
        """The first noun phrase (at the sentence start, else after a comma) that ends before ``idx[-1]``."""
        doc, body = self.doc, self.body
        dateline = DATELINE.match(body, sentence.start, doc.token_spans[idx[-1]][0])
        starts = [dateline.end() if dateline else sentence.start] + [
            doc.token_spans[k][0] for j, k in enumerate(idx[1:], 1)
            if "," in body[doc.token_spans[idx[j - 1]][1] : doc.token_spans[k][0]]
        ]
        limit = doc.token_spans[idx[-1]][0]
        for pos in starts:
            words = doc.tokens_between(pos, limit)
            if not words or doc.tokens[words[0]] in _NOT_FIRST | _CLAUSE_WORDS:
                continue
            source = source_after(doc, sentence, self._skip_space(pos, sentence.end), self.verb_forms)
            if source is not None and source[1] <= limit:
                return self._without_verb_tail(source)
        return None

    def _without_verb_tail(self, source: Span) -> Span:
        """``source`` without a last lowercase word after a name when a function word follows it.

        "Ham went on to ...", "Donald Trump needs to ...": the verb the
        phrase rules took for a noun.
        """
        doc = self.doc
        words = doc.tokens_between(*source)
        if len(words) < 2 or words[-1] + 1 >= len(doc.tokens):
            return source
        last, before = doc.token_spans[words[-1]], doc.token_spans[words[-2]]
        if (self.body[last[0]].islower() and self.body[before[0]].isupper()
                and doc.tokens[words[-1] + 1] in NOT_IN_SPEAKER_NAMES):
            return source[0], before[1]
        if tuple(doc.tokens[words[-1] + 1 : words[-1] + 3]) == ("on", "to"):
            return source[0], before[1]  # "The senator went on to propose", "Kristol's group goes on to"
        return source

    def _words_since_boundary(self, idx: list[int]) -> Span | None:
        """The words before a cue back to the last punctuation or clause word, when they may name someone.

        "Cruz has long said": the phrase rules stop at "long"; "Cruz has long" holds the speaker.
        """
        doc, body = self.doc, self.body
        first = len(idx) - 1
        while first > 0 and len(idx) - first < _MAX_FALLBACK_WORDS:
            gap = body[doc.token_spans[idx[first - 1]][1] : doc.token_spans[idx[first]][0]]
            if gap.strip() or doc.tokens[idx[first - 1]] in _CLAUSE_WORDS:
                break
            first -= 1
        words = idx[first:]
        first, last = doc.tokens[words[0]], doc.tokens[words[-1]]
        if first in _CLAUSE_WORDS or first in _NOT_FIRST or last in NOT_IN_SPEAKER_NAMES or last in DETERMINERS:
            return None  # "of Democratic claims", "the demand": a phrase that names nobody
        if any(doc.tokens[k] in self.verb_forms for k in words):
            return None  # "officers expressed concern": the speaker of "expressed", not of "concern"
        if first in PRONOUNS:
            return doc.token_spans[words[0]]  # "I spent most of my life believing": the subject is "I"
        return doc.token_spans[words[0]][0], doc.token_spans[words[-1]][1]

    def _not_a_cue(self, sentence: Sentence, start: int, verb: CueVerb, source: Span) -> bool:
        """Whether the cue word is a modifier or a noun here, not a finite verb."""
        if verb.form_type == "ing" and verb.verb_class in _MENTAL and not self._after_be(sentence, start):
            return True  # "the opposing campaign", "Many clubs offering ...": not a finite verb
        source_words = self.doc.tokens_between(*source)
        # "his support of", "the questions": a noun after a determiner.
        return len(source_words) == 1 and self.doc.tokens[source_words[0]] in DETERMINERS

    def _inverted_subject(self, sentence: Sentence, start: int, end: int, verb: CueVerb) -> Span | None:
        """The subject after a cue that follows a comma or a quote: '"...," said the deputy minister'."""
        before = self.body[sentence.start : start].rstrip()
        if not before or before[-1] not in "," + CLOSE_MARKS or verb.form_type not in ("past", "present"):
            return None
        source = source_after(self.doc, sentence, self._skip_space(end, sentence.end), self.verb_forms)
        if source is not None and not self._ends_inverted(source, sentence):
            # "..., said they had no problem" / "..., said the program is":
            # the words after the cue are a clause, not an inverted subject.
            return None
        return source

    def _after_be(self, sentence: Sentence, cue_start: int) -> bool:
        """Whether a cue follows a form of "be": a progressive ("is seeking") or a passive ("was told")."""
        idx = self.doc.tokens_between(sentence.start, cue_start)
        for k in reversed(idx):
            if self.doc.tokens[k] in BE:
                return True
            if self.doc.tokens[k] not in BETWEEN_SUBJECT_AND_VERB:
                return False
        return False

    def _relative_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """The speaker of a cue in a relative clause: "Graham, who says ..." -> "Graham, who"."""
        doc = self.doc
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and doc.tokens[idx[-1]] in BETWEEN_SUBJECT_AND_VERB:
            idx.pop()
        if len(idx) < 2 or doc.tokens[idx[-1]] != "who":
            return None
        who = doc.token_spans[idx[-1]]
        comma = self.body.rfind(",", doc.token_spans[idx[-2]][1], who[0])
        if comma == -1:
            return None
        before = list(doc.tokens_between(sentence.start, comma))
        head = noun_phrase_start(doc, before)
        if head is None:
            return None
        return doc.token_spans[before[_named_before(doc, before, head, self.verb_forms)]][0], who[1]

    def _clause_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """A subject the noun-phrase rules do not parse, from the clause start to the cue.

        "Sen. Elizabeth Warren (D-MA) said", "42% say", "Democrats — and some
        Republicans — say", "Rich Heffley, a top operative who ... , said".
        """
        doc, body = self.doc, self.body
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and doc.tokens[idx[-1]] in BETWEEN_SUBJECT_AND_VERB:
            idx.pop()
        if not idx or not self._may_end_subject(idx[-1], cue_start):
            return None
        end = doc.token_spans[idx[-1]][1]
        start = self._subject_start(sentence, idx, end)
        if start is None or start >= end or not self._reads_as_subject(start, end):
            return None
        if body[end:cue_start].lstrip().startswith(")"):
            end = body.index(")", end) + 1
        return start, end

    def _may_end_subject(self, last: int, cue_start: int) -> bool:
        """Whether token ``last`` can end a subject of the cue at ``cue_start``.

        Not a stopword, determiner or possessive ("NATO's declared readiness"),
        and followed by nothing but ")", "%" or a comma before the cue.
        """
        word = self.doc.tokens[last]
        if word in NOT_IN_SPEAKER_NAMES or word in DETERMINERS or word.endswith(("'s", "’s", "s'", "s’")):
            return False
        return self.body[self.doc.token_spans[last][1] : cue_start].strip() in ("", ")", "%", ",", "),")

    def _subject_start(self, sentence: Sentence, idx: list[int], end: int) -> int | None:
        """Start of the clause ending at ``idx[-1]``: after a dateline or the last comma that opens a phrase.

        None when a quotation mark comes first: the words before the cue are content.
        """
        doc, body = self.doc, self.body
        start = sentence.start
        dateline = DATELINE.match(body, start, end)
        if dateline:
            start = dateline.end()
        for k in reversed(idx[:-1]):
            gap = body[doc.token_spans[k][1] : doc.token_spans[k + 1][0]]
            if any(c in gap for c in ",;:") and ")" not in gap:
                if doc.tokens[k + 1] in DETERMINERS or starts_upper(body, doc.token_spans[k + 1][0]):
                    return doc.token_spans[k + 1][0]
            if any(c in gap for c in OPEN_MARKS + CLOSE_MARKS):
                return None
        return start

    def _reads_as_subject(self, start: int, end: int) -> bool:
        """Whether the words in ``start:end`` read as a subject, not a clause of their own.

        At most 30 words, not opened by a subordinator, complementizer or "to",
        no finite verb or cue outside a relative clause, and a capitalised
        word or a determiner among them.
        """
        doc = self.doc
        words = doc.tokens_between(start, end)
        if len(words) > 30 or doc.tokens[words[0]] in SUBORDINATORS | COMPLEMENTIZERS | {"to"}:
            return False
        for k in words:
            if doc.tokens[k] in ("who", "which", "that"):
                break  # "X, who played ... and is now running ...,": verbs of a relative clause
            if doc.tokens[k] in FINITE or doc.tokens[k] in self.verb_forms:
                return False
        return any(starts_upper(self.body, doc.token_spans[k][0]) or doc.tokens[k] in DETERMINERS for k in words)

    def _coordinated_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """The subject of "X rejected the idea and said ...": the clause's first noun phrase."""
        doc = self.doc
        idx = [k for k in doc.tokens_between(sentence.start, cue_start)]
        while idx and doc.tokens[idx[-1]] in BETWEEN_SUBJECT_AND_VERB:
            idx.pop()
        if not idx or doc.tokens[idx[-1]] not in ("and", "but"):
            return None
        starts = [sentence.start]
        comma = self.body.find(",", sentence.start, doc.token_spans[idx[min(len(idx) - 1, 10)]][0])
        if comma != -1:
            starts.insert(0, comma + 1)
        for pos in starts:
            pos = self._skip_space(pos, cue_start)
            source = source_after(doc, sentence, pos, self.verb_forms)
            if source is not None and source[1] < cue_start:
                return source
        return None

    def _base_form_ok(self, source: Span, cue_start: int) -> bool:
        text = self.body[source[0] : source[1]].lower()
        between = self.body[source[1] : cue_start].lower().split()
        if any(w in BETWEEN_SUBJECT_AND_VERB for w in between):
            return True
        return text in PRONOUNS - {"he", "she", "it"} or text.endswith("s")

    def _plural_subject(self, source: Span) -> bool:
        """Whether a subject read by :meth:`_clause_subject` is plural ("most voters", "42%")."""
        for k in self.doc.tokens_between(*source):
            word = self.doc.tokens[k]
            if word in _GROUP_WORDS or word[:1].isdigit():
                return True
            if word.endswith("s") and not word.endswith(("'s", "’s", "ss")) and word not in _NOT_PLURAL:
                return True
        return False

    def _inside_name(self, sentence: Sentence, start: int) -> bool:
        """Whether a capitalised cue word sits mid-sentence (not after a quote, colon or dash)."""
        before = self.body[sentence.start : start].rstrip()
        if not before or before[-1] in OPEN_MARKS + CLOSE_MARKS + ":—–-,(":
            return False
        return DATELINE.fullmatch(self.body, sentence.start, start) is None

    def _ends_inverted(self, source: Span, sentence: Sentence) -> bool:
        """Whether an inverted subject ("said Grushko") is followed by punctuation or the end."""
        idx = self.doc.tokens_between(self._skip_space(source[1], sentence.end), sentence.end)
        return not idx or self.doc.tokens[idx[0]] not in FINITE


def _named_before(doc: Document, idx: list[int], head: int, verb_forms: frozenset[str]) -> int:
    """``head``, or where the person opens whom a description at ``head`` follows after a comma.

    "said Sen. Mitch McConnell of Kentucky, the minority leader, who described": the one who
    described is McConnell, whom "the minority leader" describes.  Only a name that opens the
    sentence or follows an inverted cue: in "After meeting Netanyahu, the protesters, who said …"
    Netanyahu is an object.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "said Sen. Mitch McConnell of Kentucky, the minority leader")
    >>> words = list(range(len(doc.tokens)))
    >>> _named_before(doc, words, 6, frozenset({"said"})), _named_before(doc, words[1:], 5, frozenset())
    (1, 0)
    """
    if head == 0 or doc.tokens[idx[head]] not in ("the", "a", "an"):
        return head
    spans = doc.token_spans
    if doc.body[spans[idx[head - 1]][1] : spans[idx[head]][0]].strip() != ",":
        return head
    name = noun_phrase_start(doc, idx[:head])
    if name is None or person_name(doc.body[spans[idx[name]][0] : spans[idx[head - 1]][1]]) is None:
        return head
    return name if name == 0 or doc.tokens[idx[name - 1]] in verb_forms else head

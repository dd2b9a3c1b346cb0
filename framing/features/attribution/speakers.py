"""Who is speaking: find the source span next to a reporting cue and resolve it to a speaker.

Two jobs, both rule based and local to a sentence:

* :func:`source_before` and :func:`source_after` find the noun phrase that
  speaks, left of the cue ("Russian Deputy Foreign Minister Alexander Grushko
  said", "Grushko, Moscow's envoy to NATO, said") or right of it ("said
  Grushko", "according to the deputy minister").
* :class:`SpeakerResolver` follows one article in reading order and turns each
  source text into a canonical speaker: registry names and spelling variants
  merge ("Aleksandr Grushko" = "Grushko"), "he" and "the diplomat" go to the
  last named speaker, "the NATO source" to "a NATO source".

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
from dataclasses import dataclass, field

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import BETWEEN_SUBJECT_AND_VERB, DETERMINERS, NOT_IN_SPEAKER_NAMES, TITLES
from framing.features.attribution.actors import UNKNOWN_SIDE, Actor, ActorRegistry

PRONOUNS = frozenset("he she they we i you it".split())
PERSON_PRONOUNS = frozenset("he she i".split())
_CAP_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|bin|da|la|le))*")
_NAME_APPOSITION = re.compile(r",\s+((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+),")
_POSSESSIVE = re.compile(r"[’']s?$")


def _is_cap(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


_ABBREVIATED = frozenset("mr mrs ms dr sen rep gov lt gen col sgt capt adm st jr sr prof rev".split())


def _gap_is_space(body: str, end: int, start: int) -> bool:
    """Whether only white space (or the full stop of "Mr." or an initial) separates two words."""
    if end >= start or body[end:start].isspace():
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
    carries on through "of" ("the head of the agency").
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
            # "the head of the agency": carry on through "of".
            if i >= 2 and tokens[idxs[i - 1]] == "of":
                i -= 2
                continue
            break
        if _is_cap(text) and low not in NOT_IN_SPEAKER_NAMES:
            start, has_cap, lowercase_run = i, True, 0
        elif low in NOT_IN_SPEAKER_NAMES or low in BETWEEN_SUBJECT_AND_VERB:
            if low == "of" and start is not None and i >= 1:
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


def _bare_lowercase_phrase(doc: Document, idxs: list[int], start: int, has_cap: bool) -> bool:
    """Whether a phrase with no determiner is only lowercase words that name no source.

    Such words are not a speaker ("jobs" in "the growth in jobs shows"),
    unless the head names a vague source ("officials") or a comma sets the
    phrase off on its left.
    """
    body, spans = doc.body, doc.token_spans
    if _is_cap(body[spans[idxs[start]][0] :]):
        return False
    left = body[spans[idxs[start - 1]][1] : spans[idxs[start]][0]] if start else ","
    return not has_cap and doc.tokens[idxs[-1]] not in _VAGUE_HEADS and "," not in left


_VAGUE_HEADS = frozenset(
    """officials sources experts analysts critics observers people residents witnesses diplomats
    some others many lawmakers insiders economists scientists researchers polls surveys data
    studies reports voters democrats republicans""".split()
)


def source_before(doc: Document, sentence: Sentence, cue_start: int) -> tuple[int, int] | None:
    """The span of the subject that speaks, ending just before the cue at ``cue_start``."""
    body, spans, tokens = doc.body, doc.token_spans, doc.tokens
    idxs = _sentence_tokens(doc, sentence, sentence.start, cue_start)
    # Skip auxiliaries and adverbs between subject and verb ("has also said").
    while idxs and tokens[idxs[-1]] in BETWEEN_SUBJECT_AND_VERB and _gap_is_space(body, spans[idxs[-1]][1], cue_start):
        cue_start = spans[idxs[-1]][0]
        idxs.pop()
    if not idxs:
        return None
    last = idxs[-1]
    gap = body[spans[last][1] : cue_start]
    if gap.strip() == ",":
        return _apposition_subject(doc, idxs)
    if gap.strip():
        return None
    low = tokens[last]
    if _POSSESSIVE.search(low) and low[-2:] in ("’s", "'s"):
        return None  # "NATO’s declared readiness": a possessive, not a subject
    if low in PRONOUNS:
        return spans[last]
    if low == "who" and len(idxs) > 1:
        return _apposition_subject(doc, idxs[:-1]) or _plain_subject(doc, idxs[:-1])
    return _plain_subject(doc, idxs)


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
            head = noun_phrase_start(doc, idxs[:i])
            if head is None:
                return None
            if len(idxs) - i > 25:
                return None
            head_is_name = _is_cap(body[spans[idxs[i - 1]][0] :])
            if not (
                head_is_name
                or first in DETERMINERS
                or first in ("who", "which")
                or _is_cap(body[spans[idxs[i]][0] :])
                or _POSSESSIVE.search(tokens[idxs[i]])
                or first[:1].isdigit()
            ):
                return None
            return spans[idxs[head]][0], close + 1 if close >= 0 else end
        if len(idxs) - i > 25:
            return None
    return None


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
    if not (first in DETERMINERS or _is_cap(body[spans[idxs[0]][0] :]) or first in _VAGUE_HEADS):
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
            if low == "of" or _is_cap(body[spans[nxt][0] :]) or tokens[nxt] == "the":
                continue
            break
        if n and _starts_predicate(doc, k, verb_forms):
            break
        end_i = n
    return end_i


def _starts_predicate(doc: Document, k: int, verb_forms: frozenset[str]) -> bool:
    """Whether token ``k`` starts a predicate: a stopword, an auxiliary, a lowercase "-ed" verb or a cue."""
    low = doc.tokens[k]
    if low in NOT_IN_SPEAKER_NAMES or low in BETWEEN_SUBJECT_AND_VERB:
        return True
    if low.endswith("ed") and not _is_cap(doc.body[doc.token_spans[k][0] :]):
        return True  # a verb: "The diplomat warned ..."
    return low in verb_forms


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker."""

    name: str  # canonical
    side: str
    named: bool
    anonymous: bool
    kind: str  # person, institution, media, group, unresolved


@dataclass
class SpeakerResolver:
    """Resolve source texts to speakers, one article at a time, in reading order."""

    registry: ActorRegistry
    _by_surname: dict[str, Speaker] = field(default_factory=dict)
    _titles: dict[str, str] = field(default_factory=dict)
    _last_person: Speaker | None = None
    _last_speaker: Speaker | None = None
    _anonymous: list[tuple[str, Speaker]] = field(default_factory=list)
    # "the deputy minister" met before anyone is named: (role words, side, provisional speaker)
    _ahead: list[tuple[list[str], str, Speaker]] = field(default_factory=list)

    def resolve(self, source: str) -> Speaker:
        """The speaker behind ``source`` as written (updates the article's context)."""
        speaker = self._resolve(source)
        if speaker.kind != "unresolved":
            self._last_speaker = speaker
            if speaker.kind == "person" and speaker.named:
                self._last_person = speaker
                self._titles[speaker.name] = self._titles.get(speaker.name, "") + " " + source.lower()
        return speaker

    def _resolve(self, source: str) -> Speaker:
        text = " ".join(source.strip().strip(",").split())
        low = text.lower()
        if low in PRONOUNS or low == "who":
            return self._pronoun(low)
        actor = self._registered_actor(text)
        if actor is not None:
            return self._actor_speaker(actor)
        name = person_name(text)
        side = self.registry.affiliation_side(text)
        roles = self.registry.role_words(text)
        if name:
            return self._named_person(name, side)
        first = low.split(" ", 1)[0]
        vague = [w for w, named in roles if not named]
        if vague or first in ("a", "an", "some", "several", "many", "one", "two", "three"):
            return self._anonymous_source(text, side)
        if first in ("the", "this") and roles:
            head_words = [w for w, _ in roles]
            if not any(w in _INSTITUTIONS for w in head_words):
                return self._described_person(text, head_words, side)
        return _unnamed_speaker(text, side, bool(roles))

    def _pronoun(self, low: str) -> Speaker:
        """Resolve a pronoun: "he", "she", "I" to the last named person, "they", "it", "we" to the last body."""
        if low in PERSON_PRONOUNS and self._last_person:
            return self._last_person
        if low in ("they", "it", "we") and self._last_speaker and self._last_speaker.kind != "person":
            return self._last_speaker
        return Speaker(low, UNKNOWN_SIDE, False, False, "unresolved")

    def _registered_actor(self, text: str) -> Actor | None:
        """The registry actor named in ``text``: a body only when ``text`` is its name, not a source of it."""
        actor = self.registry.find_actor(text)
        if (
            actor is not None
            and actor.kind != "person"
            and not (self.registry.actor_named(text) or self.registry.actor_named(_strip_article(text)))
        ):
            return None  # "a NATO source" names a source, not NATO itself
        return actor

    def _actor_speaker(self, actor: Actor) -> Speaker:
        """The speaker of a registry actor; a person is remembered under each spelling's surname."""
        speaker = Speaker(actor.name, actor.side, True, False, actor.kind)
        if actor.kind == "person":
            for spelling in (actor.name, *actor.aliases):
                self._by_surname[_surname(spelling)] = speaker
        return speaker

    def _named_person(self, name: str, side: str | None) -> Speaker:
        """The person met earlier under the same surname, or a new one."""
        known = self._by_surname.get(_surname(name))
        if known:
            return known
        speaker = Speaker(name, side or UNKNOWN_SIDE, True, False, "person")
        self._by_surname[_surname(name)] = speaker
        return speaker

    def _anonymous_source(self, text: str, side: str | None) -> Speaker:
        """A vague source: "the NATO source" is the earlier "a NATO source"; else a new group."""
        low = text.lower()
        first = low.split(" ", 1)[0]
        if first in ("the", "this", "that"):
            earlier = self._earlier_anonymous(low, side)
            if earlier is not None:
                return earlier
        speaker = Speaker(_indefinite(text), side or "anonymous", False, True, "group")
        self._anonymous.append((low, speaker))
        return speaker

    def _earlier_anonymous(self, low: str, side: str | None) -> Speaker | None:
        """The latest vague source with the same head word (and side, when ``low`` has one)."""
        for key, speaker in reversed(self._anonymous):
            if key.split()[-1] == low.split()[-1] and (side is None or speaker.side == side):
                return speaker
        return None

    def _described_person(self, text: str, head_words: list[str], side: str | None) -> Speaker:
        """Resolve a description ("the minister"): the latest person with that title, else the last named person.

        With nobody named yet, a provisional role that :meth:`settle` may match later.
        """
        for title_name, titles in reversed(list(self._titles.items())):
            if any(w in titles for w in head_words) and (side is None or side in self._side_of(title_name)):
                return self._by_surname.get(_surname(title_name)) or self._last_person  # type: ignore[return-value]
        if self._last_person:
            return self._last_person
        # Named only later in the article (a lead's "the Russian deputy FM says"):
        # provisional until settle() looks ahead.
        provisional = Speaker(_strip_article(text), side or UNKNOWN_SIDE, False, False, "role")
        self._ahead.append((head_words, side or "", provisional))
        return provisional

    def settle(self, speaker: Speaker) -> Speaker:
        """``speaker``, or the person named later whose titles match it (a description met first)."""
        for head_words, side, provisional in self._ahead:
            if provisional is speaker:
                people = {p.name: p for p in self._by_surname.values() if p.kind == "person" and p.named}
                for title_name, titles in self._titles.items():
                    person = people.get(title_name)
                    if person and any(w in titles for w in head_words) and (not side or person.side == side):
                        return person
                # No title to match: the one person of that side quoted in the article.
                same_side = [p for p in people.values() if side and p.side == side]
                if len(same_side) == 1:
                    return same_side[0]
        return speaker

    def _side_of(self, name: str) -> str:
        speaker = self._by_surname.get(_surname(name))
        return speaker.side if speaker else ""


_INSTITUTIONS = frozenset(
    """ministry ministries government kremlin embassy department office agency council command
    fleet army navy military headquarters parliament duma cabinet administration mission
    delegation secretariat commission""".split()
)


def _unnamed_speaker(text: str, side: str | None, has_roles: bool) -> Speaker:
    """A source that is neither a registry actor, a person nor a vague source.

    An institution when it has a role word and a side ("the Russian Defense
    Ministry") or is capitalised ("Kremlin"), unresolved otherwise.

    Examples
    --------
    >>> _unnamed_speaker("the Kremlin", None, False).kind
    'unresolved'
    >>> _unnamed_speaker("Kremlin", None, False)
    Speaker(name='Kremlin', side='unknown', named=True, anonymous=False, kind='institution')
    """
    if has_roles and side:
        return Speaker(_strip_article(text), side, True, False, "institution")
    if _is_cap(text):
        return Speaker(_strip_article(text), side or UNKNOWN_SIDE, True, False, "institution")
    return Speaker(_strip_article(text), side or UNKNOWN_SIDE, False, False, "unresolved")


def _indefinite(text: str) -> str:
    """The name of a vague source: lowercase, "the"/"this"/"that" turned into "a", later words as written.

    Examples
    --------
    >>> _indefinite("The NATO source")
    'a NATO source'
    >>> _indefinite("Some Western diplomats")
    'some Western diplomats'
    """
    low = text.lower()
    if low.split(" ", 1)[0] in ("the", "this", "that"):
        return _keep_case(text, re.sub(r"^(the|this|that)\s+", "a ", low))
    return _keep_case(text, low)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _keep_case(original: str, folded: str) -> str:
    words = original.split()
    out = folded.split()
    for i in range(1, min(len(words), len(out))):
        if words[i].lower() == out[i]:
            out[i] = words[i]
    return " ".join(out)


def _surname(name: str) -> str:
    words = name.replace("’", "'").split()
    return _POSSESSIVE.sub("", words[-1]).lower() if words else ""


def person_name(text: str) -> str | None:
    """The personal name in a source phrase, without titles, or None.

    Examples
    --------
    >>> person_name("Retired Lt. Gen. Michael Flynn")
    'Michael Flynn'
    >>> person_name("Hillary Clinton’s campaign manager Robby Mook")
    'Robby Mook'
    >>> person_name("the deputy foreign minister Russian") is None
    True
    """
    best = None
    for match in _CAP_RUN.finditer(text):
        words = match.group().split()
        if _POSSESSIVE.search(words[-1]) and not words[-1].endswith("s's"):
            if words[-1][-2:] in ("’s", "'s"):
                continue
        while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in _NOT_NAMES):
            words.pop(0)
        if any(w.lower().rstrip(".,") in TITLES or w.lower() in _NOT_NAMES for w in words):
            continue  # "Russian Northern Fleet": an office or a place, not a person
        if not words or not words[-1][:1].isupper():
            continue
        if any(w.isupper() and len(w) > 1 for w in words) or any(w[:1].isdigit() for w in words):
            continue  # acronyms ("NATO") and numbers are not people
        if len(words) == 1 and words[0].lower() in _NOT_NAMES:
            continue
        best = " ".join(words).rstrip(",.")
    return best


_NOT_NAMES = frozenset(
    """russian russia moscow american western european ukrainian ukraine kiev kyiv british french
    german washington brussels nato us the a an he she they it we i monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december according but and meanwhile however in on at""".split()
)

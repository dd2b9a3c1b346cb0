"""Who is speaking: resolve the source next to a reporting cue to a speaker.

:class:`SpeakerResolver` follows one article in reading order and turns each
source text into a canonical speaker: registry names and spelling variants
merge ("Aleksandr Grushko" = "Grushko"), "he" and "she" go to the person the
article names before them (:mod:`framing.features.attribution.coreference`;
nobody fitting leaves them unresolved), "the diplomat" to the last named
speaker with that title, "the president" to the one registered president the
article names, "the NATO source" to "a NATO source".  The source texts are
found by :mod:`framing.features.attribution.phrases`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from framing.document.parse import Document
from framing.document.vocabulary import (
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    INSTITUTION_WORDS,
    MALE_FIRST_NAMES,
    STOPWORDS,
)
from framing.features.attribution.actors import UNKNOWN_SIDE, Actor, ActorRegistry
from framing.features.attribution.coreference import CoreferenceRules, PronounResolver
from framing.features.attribution.passes import names_speaker, paragraph_label
from framing.features.attribution.person_names import is_common_word, names_general_body, person_name, surname
from framing.features.attribution.phrases import PRONOUNS, noun_phrase_start, without_contraction
from framing.features.attribution.registry_names import (
    not_a_name,
    office_holders,
    only_modifies,
    other_first_name,
    registry_genders,
)
from framing.features.attribution.speaker_text import (
    Speaker,
    from_capitals,
    heads_phrase,
    indefinite,
    led_body,
    masthead,
    place_named,
    strip_article,
    unnamed_speaker,
)

PERSON_PRONOUNS = frozenset("he she i".split())
# A relative pronoun speaking: the phrase before its comma, else nobody named ("people who say").
RELATIVES = frozenset("who whom which that".split())
# How many paragraphs a transcript's turn may run on after its "NAME:" label.
TURN_PARAGRAPHS = 10
# The article's writer, speaking as "I" or "we" outside quotation marks.
WRITER = "the writer"


@dataclass
class SpeakerResolver:
    """Resolve source texts to speakers, one article at a time, in reading order.

    With the ``document`` and each source's offsets, a speaking "he" or "she"
    is the person the article names before it (see
    :mod:`framing.features.attribution.coreference`) and "I" or "we" outside
    quotation marks the writer; without them, the last named person speaking.
    """

    registry: ActorRegistry
    document: Document | None = None
    _coreference: PronounResolver | None = None
    _by_surname: dict[str, Speaker] = field(default_factory=dict)
    _titles: dict[str, str] = field(default_factory=dict)
    _last_person: Speaker | None = None
    _last_speaker: Speaker | None = None
    _anonymous: list[tuple[str, Speaker]] = field(default_factory=list)
    # "the deputy minister" met before anyone is named: (role words, side, provisional speaker)
    _ahead: list[tuple[list[str], str, Speaker]] = field(default_factory=list)
    # A person → the same person with the side or fuller name a later mention gave.
    _revisions: dict[Speaker, Speaker] = field(default_factory=dict)
    _paragraph_starts: list[int] = field(default_factory=list)
    _labels: list[re.Match | None] | None = None
    _given_surnames: dict[str, bool] = field(default_factory=dict)  # place -> a person of that surname is named
    _turns: int = 0  # paragraphs opened by a speaker's "NAME:" label

    def resolve(self, source: str, at: tuple[int, int] | None = None) -> Speaker:
        """The speaker behind ``source`` as written, found at offsets ``at`` (updates the article's context)."""
        low = without_contraction(" ".join(source.split()).lower())
        speaker = self._in_document(low, at[0]) if at and self.document and low in PRONOUNS else None
        if low in RELATIVES and at and self.document:
            speaker = self._relative(at[0])
        speaker = speaker or self._resolve(source)
        labelled = from_capitals(source) != source  # a transcript's "NAME:": their "he" is someone else
        if at and self.document and speaker.kind == "person" and speaker.named and low not in PRONOUNS and not labelled:
            self._pronouns().note_speaker(at[0], source, speaker.name)
        if speaker.kind != "unresolved":
            self._last_speaker = speaker
            if speaker.kind == "person" and speaker.named:
                self._last_person = speaker
                self._titles[speaker.name] = self._titles.get(speaker.name, "") + " " + source.lower()
        return speaker

    def _resolve(self, source: str) -> Speaker:
        text = self._as_written(source)
        low = without_contraction(text.lower())
        if low in PRONOUNS or low in RELATIVES:
            return self._pronoun(low)
        # "X, which was dissolved by the Ukrainian parliament,": the clause names someone else.
        text = self.registry.without_clauses(text)
        low = text.lower()
        actor = self._registered_actor(text)
        if actor is not None and actor.kind == "person" and led_body(text):
            # "The Trump administration", "the Clinton Foundation": the body the person leads speaks.
            side = self.registry.affiliation_side(text) or actor.side
            return Speaker(strip_article(text), side, True, False, "institution")
        if actor is not None:
            return self._actor_speaker(actor)
        newspaper = masthead(text)
        if newspaper:
            return Speaker(newspaper, UNKNOWN_SIDE, True, False, "media")
        place = self._place_speaker(text)
        if place is not None:
            return place
        name = self._person_name(text)
        # The title decides the side: "Crimean leader Sergei Aksyonov", "the deputy speaker of the State Duma";
        # else a party tag after the name, "Sen. Tim Scott (R-S.C.)".
        side = self.registry.affiliation_side(text) or self._tagged_side(text)
        roles = self.registry.role_words(text)
        if name:
            return self._named_person(name, side)
        first = low.split(" ", 1)[0]
        vague = [w for w, named in roles if not named]
        if vague or first in ("a", "an", "some", "several", "many", "one", "two", "three"):
            return self._anonymous_source(text, side)
        if first in ("the", "this") and roles and not names_general_body(text):
            head_words = [w for w, _ in roles]
            if not any(w in INSTITUTION_WORDS for w in head_words):
                return self._described_person(text, head_words, side)
        # A capitalised common word ("But", "One") is no institution's name.
        bare = strip_article(text)
        return unnamed_speaker(text, side, bool(roles), common=not_a_name(bare, self.registry) or is_common_word(bare))

    def _in_document(self, low: str, at: int) -> Speaker | None:
        """A pronoun resolved from where it stands: "I"/"we" of the writer, "he"/"she" by coreference.

        None leaves it to :meth:`_pronoun` ("they", "it", and "I" inside a quotation).
        """
        assert self.document is not None
        turn = self._turn_label(at) if low in ("i", "we") else None
        if turn:
            return self._resolve(turn) if low == "i" else Speaker(low, UNKNOWN_SIDE, False, False, "unresolved")
        quoted = self.document.quote_at(at) is not None
        if low in ("i", "we") and not quoted:
            return Speaker(WRITER, UNKNOWN_SIDE, False, False, "unresolved")  # role media: see pronoun_role
        if low not in ("he", "she"):
            return None
        mention = self._pronouns().antecedent(low, at)
        speaker = self._resolve(mention.text) if mention else None
        if mention and speaker and speaker.kind != "person":  # "Still Professor Nou": a person who has spoken
            known = self._by_surname.get(surname(mention.name))
            speaker = known if known and known.kind == "person" else speaker
        if speaker is None or speaker.kind != "person" or not speaker.named:
            return Speaker(low, UNKNOWN_SIDE, False, False, "unresolved")
        return speaker

    def _as_written(self, source: str) -> str:
        """``source`` on one line, a name in capitals ("REP. JOHN LEWIS", a registered "CRUZ") in title case."""
        text = from_capitals(" ".join(source.strip().strip(",").split()))
        if text.isupper() and " " not in text and self.registry.find_actor(text.title()):
            return text.title()  # a transcript's "CRUZ:", not an acronym such as "NATO"
        return text

    def _tagged_side(self, text: str) -> str | None:
        """The side of a US party tag in ``text`` ("R-S.C."), as the registry reads the party's name; else None.

        Only a registry that names the parties gives one: in a story on Russia "(D-Calif.)" gives no side.
        """
        tag = _PARTY_TAG.search(text)
        return self.registry.affiliation_side(_PARTY_NAMES[tag.group(1)]) if tag else None

    def _place_speaker(self, text: str) -> Speaker | None:
        """A country or state speaking as an institution ("North Korea said"); a person of that surname stays one."""
        place = place_named(text)
        if not place or self._person_name(text):
            return None
        if self._person_named(place):  # "Montana said" after "Joe Montana"
            return self._named_person(place, self.registry.affiliation_side(text))
        return Speaker(place, self.registry.affiliation_side(place) or UNKNOWN_SIDE, True, False, "institution")

    def _person_named(self, place: str) -> bool:
        """Whether the article names a person with ``place`` as surname ("Joe Montana", "Jimmy Wales")."""
        if surname(place) in self._by_surname:
            return True
        if " " in place or self.document is None:
            return False
        if place not in self._given_surnames:  # the body is searched once per place and article
            self._given_surnames[place] = any(
                m.group(1).lower() in MALE_FIRST_NAMES or m.group(1).lower() in FEMALE_FIRST_NAMES
                for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(place)}\b", self.document.body))
        return self._given_surnames[place]

    def _turn_label(self, at: int) -> str | None:
        """The label of the transcript's turn ``at`` lies in ("REP. JOHN LEWIS: I think …"): whose "I" it is.

        In a transcript (two speakers' labels or more), a turn runs on over
        the paragraphs after its label, up to the next label of any kind
        ("Q:", "UPDATE:") and at most :data:`TURN_PARAGRAPHS` of them.
        """
        assert self.document is not None
        body, paragraphs = self.document.body, self.document.paragraphs
        if self._labels is None:  # each paragraph's label, matched once per article
            self._paragraph_starts = [start for start, _ in paragraphs]
            self._labels = [paragraph_label(body, start, end) for start, end in paragraphs]
            self._turns = sum(label is not None and names_speaker(label) for label in self._labels)
        k = bisect.bisect_right(self._paragraph_starts, at) - 1
        for back in range(k, max(k - TURN_PARAGRAPHS, -1), -1):
            label = self._labels[back]
            if label is None:
                if self._turns < 2:
                    return None
                continue
            speaking = names_speaker(label) and (back < k or at >= label.end())
            return label.group("name") if speaking else None
        return None

    def _relative(self, at: int) -> Speaker | None:
        """Whom a speaking "who" or "which" stands for: the noun phrase before its comma ("Republicans, who say …").

        Only a phrase that opens its clause ("Republicans in Congress, who …": the group in its
        place, see :func:`~framing.features.attribution.phrases.noun_phrase_start`).
        """
        assert self.document is not None
        doc = self.document
        sentence = doc.sentence_at(at)
        before = doc.body[sentence.start:at].rstrip() if sentence is not None else ""
        # "President Daniel Ortega - who won his third term - said": a dash sets the clause off like a comma.
        if not before.endswith((",", " -", "—", "–")):
            return None
        idxs = list(doc.tokens_between(sentence.start, sentence.start + len(before.rstrip("-—– ")) - 1))
        start = noun_phrase_start(doc, idxs) if idxs else None
        if start is None or (start > 0 and doc.tokens[idxs[start - 1]].isalpha()
                             and doc.tokens[idxs[start - 1]] not in ("and", "but")):
            return None
        speaker = self._resolve(doc.body[doc.token_spans[idxs[start]][0]:doc.token_spans[idxs[-1]][1]])
        return speaker if speaker.kind != "unresolved" else None

    def _pronouns(self) -> PronounResolver:
        """The article's pronoun resolver (its person mentions are found when a pronoun first needs them)."""
        if self._coreference is None:
            assert self.document is not None
            self._coreference = PronounResolver(self.document, CoreferenceRules.load(), self._known_genders)
        return self._coreference

    def _known_genders(self) -> dict[str, str]:
        """Surname → gender of the registry's people (the people speaking are noted as they speak)."""
        return registry_genders(self.registry)

    def _person_name(self, text: str) -> str | None:
        """The person named in ``text``: in "Name, title," the name before the comma; never a body's name.

        "Sergei Neverov, the deputy speaker of the State Duma" is Sergei
        Neverov, and "a Kremlin spokesman" names nobody.
        """
        head, comma, _ = text.partition(",")
        for part in (head, text) if comma else (text,):
            name = person_name(part)
            if not name or self.registry.is_affiliation(name):
                continue
            # "Mrs May" is a name, "May" opening a sentence a common word
            if not_a_name(name, self.registry) and not CoreferenceRules.load().after_honorific(name, part):
                continue
            return None if self._common_noun_before_of(name, part) else name
        return None

    def _common_noun_before_of(self, name: str, text: str) -> bool:
        """Whether a lone word opening "X of Y" is a common noun capitalised as the sentence's first word.

        "Members of the Freedom Caucus", "Supporters of the measure" name no
        person; "Hoyer of Maryland" does where the article names a Hoyer with a given name.
        """
        return (" " not in name and text.startswith(name + " of ") and not self._person_named(name)
                and self._registered_actor(name) is None)

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
        if actor is None and _MIDDLE_INITIAL.search(text):
            actor = self.registry.find_actor(_MIDDLE_INITIAL.sub(" ", text))  # "Kamala D. Harris"
        if (
            actor is not None
            and actor.kind != "person"
            and not (self.registry.actor_named(text) or self.registry.actor_named(strip_article(text)))
        ):
            return None  # "a NATO source" names a source, not NATO itself
        if actor is not None and actor.kind == "person" and not self._may_be(text, actor):
            return None  # "Sara Flynn" is not Michael Flynn, "Steve Deace, an anti-Trump host" not Trump
        return actor

    def _may_be(self, text: str, actor: Actor) -> bool:
        """Whether the person ``actor`` found in ``text`` is the one it names.

        Not when another first name stands before the surname ("Sara Flynn"),
        when the actor is only in the description of someone named before
        the comma ("Steve Deace, an anti-Trump radio host", "Mr Navarro, an
        adviser to Mr Trump"), nor when it only describes the one speaking
        ("Trump adviser Peter Navarro", "Trump's lawyer").
        """
        head, comma, _ = text.partition(",")
        named = self._person_name(head) if comma else None
        if named and heads_phrase(head, named) and self.registry.find_actor(head) is not actor:
            return False
        return not (other_first_name(text, actor) or only_modifies(head, actor))

    def _actor_speaker(self, actor: Actor) -> Speaker:
        """The speaker of a registry actor; a person is remembered under each spelling's surname."""
        speaker = Speaker(actor.name, actor.side, True, False, actor.kind)
        if actor.kind == "person":
            for spelling in (actor.name, *actor.aliases):
                self._by_surname[surname(spelling)] = speaker
        return speaker

    def _named_person(self, name: str, side: str | None) -> Speaker:
        """The person met earlier under the same surname, or a new one.

        A title met later gives a person of no side yet its side, and a
        fuller name its name, for every mention (see :meth:`settle`).
        """
        known = self._by_surname.get(surname(name))
        if known:
            fuller = name if len(name) > len(known.name) and name.endswith(known.name) else known.name
            sided = side if side and known.side == UNKNOWN_SIDE else known.side
            if (fuller, sided) != (known.name, known.side):
                return self._revised(known, replace(known, name=fuller, side=sided))
            return known
        speaker = Speaker(name, side or UNKNOWN_SIDE, True, False, "person")
        self._by_surname[surname(name)] = speaker
        return speaker

    def _revised(self, person: Speaker, revised: Speaker) -> Speaker:
        """``revised`` in place of ``person`` from now on and, through :meth:`settle`, for earlier mentions."""
        self._revisions[person] = revised
        if person.name != revised.name and person.name in self._titles:
            self._titles[revised.name] = self._titles.pop(person.name) + self._titles.get(revised.name, "")
        for key, known in list(self._by_surname.items()):
            if known == person:
                self._by_surname[key] = revised
        if self._last_person == person:
            self._last_person = revised
        if self._last_speaker == person:
            self._last_speaker = revised
        return revised

    def _anonymous_source(self, text: str, side: str | None) -> Speaker:
        """A vague source: "the NATO source" is the earlier "a NATO source"; else a new group."""
        low = text.lower()
        first = low.split(" ", 1)[0]
        if first in ("the", "this", "that"):
            earlier = self._earlier_anonymous(low, side)
            if earlier is not None:
                return earlier
        first = text.split(" ", 1)[0]
        common = first.lower() in DETERMINERS or first.lower() in STOPWORDS or first.lower() in self.registry.roles
        proper = first[:1].isupper() and not common  # "Trump officials", not "Officials" opening a sentence
        speaker = Speaker(indefinite(text, keep_first=proper), side or "anonymous", False, True, "group")
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
                return self._by_surname.get(surname(title_name)) or self._last_person  # type: ignore[return-value]
        holder = self._office_holder(head_words)
        if holder is not None:
            return holder
        if self._last_person and (side is None or self._last_person.side == side):
            return self._last_person
        # Named only later in the article (a lead's "the Russian deputy FM says"),
        # or the last person is of another side ("the Kremlin spokesman" after
        # Zelensky is not Zelensky): provisional until settle() looks ahead.
        provisional = Speaker(strip_article(text), side or UNKNOWN_SIDE, False, False, "role")
        self._ahead.append((head_words, side or "", provisional))
        return provisional

    def _office_holder(self, head_words: list[str]) -> Speaker | None:
        """The one registered person the article names whose note gives that office ("the president": Trump).

        None without the article, or when none or several fit (Obama and Trump both named).
        """
        if self.document is None:
            return None
        body = self.document.body
        found = {a for a in office_holders(self.registry, tuple(head_words))
                 if any(spelling in body and re.search(rf"\b{re.escape(spelling)}\b", body)
                        for spelling in (a.name, *a.aliases))}
        return self._actor_speaker(found.pop()) if len(found) == 1 else None

    def settle(self, speaker: Speaker) -> Speaker:
        """``speaker``, or the person named later whose titles match it (a description met first).

        A person whose side or fuller name a later mention gave is returned with them.
        """
        while speaker in self._revisions:
            speaker = self._revisions[speaker]
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
        speaker = self._by_surname.get(surname(name))
        return speaker.side if speaker else ""


# A US party tag after a name, "(R-S.C.)" or ", D-Calif.," (not "D-Day"), and the party each letter names.
_PARTY_TAG = re.compile(r"(?:^|[\s(,])([RD])[-–](?!Day\b)[A-Z][A-Za-z.]*(?=[\s),]|$)")
_PARTY_NAMES = {"R": "Republican", "D": "Democrat"}
# Middle initials, all of them: "Kamala D. Harris", "George H. W. Bush" (not "George W. Bush").
_MIDDLE_INITIAL = re.compile(r"(?<=[a-z])(?: [A-Z]\.)+ (?=[A-Z][a-z])")


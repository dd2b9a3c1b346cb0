"""Discover contested labels: the phrases each group uses around the same entities.

For every salient entity of an article set (a capitalised name several groups
mention: "Crimea", "NATO", "Kim Jong Un"), collect the noun phrases that
govern, modify or describe it, per group, and line them up side by side:

- *governs*: a noun with a preposition before the entity ("reunification with
  Crimea", "annexation of the Crimean peninsula");
- *modifies*: a noun after the entity or its possessive ("NATO expansion",
  "Moscow's annexation", "the Russian threat");
- *describes*: a descriptor before a name ("North Korean leader Kim") or an
  apposition after it ("Grushko, Moscow's permanent representative at NATO,").

Patterns are pure Python over the parsed :class:`~framing.document.parse.Document`
tokens (no tagger): a capitalised run is a name, an adjective of a name
("Crimean", "Ukrainian") counts as the name, a single name inside a longer
one ("Kim" in "Kim Jong Un") or an acronym given in brackets ("North Atlantic
Treaty Organization (NATO)") is merged with it.  Words seen right after a
pronoun ("it knows", "he warned") are taken for verbs and never for labels.

Examples
--------
>>> from framing.document.parse import build_document
>>> groups = {
...     "A": [build_document("a", "Moscow's reunification with Crimea came in 2014. Crimea voted.")],
...     "B": [build_document("b", "Moscow's annexation of the Crimean peninsula. Crimea was seized.")],
... }
>>> crimea = [e for e in discover_labels(groups) if e.entity == "crimea"][0]
>>> crimea.phrases("A", "governs"), crimea.phrases("B", "governs")
(['reunification with Crimea'], ['annexation of the Crimean peninsula'])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from framing.compare.term_counts import load_stopwords, normalise_token, phrase_breaks
from framing.document.parse import Document
from framing.document.vocabulary import DETERMINERS

GOVERNING_PREPOSITIONS = frozenset(
    "of with against over for on in from toward towards into by about".split()
)
HONORIFICS = frozenset("mr mrs ms dr mr. mrs. ms. dr.".split())
PRONOUNS = frozenset("he she it they who we i you".split())
# Words after which a noun phrase "ENTITY NOUN" may go on; any other stop word
# after it ("NATO knows how", "Russia continues to") means the noun was a verb.
PHRASE_CONTINUATIONS = frozenset("and or of in on at for with from against over is are was were has have".split())
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")
RELATIONS = ("governs", "modifies", "describes")


@dataclass(frozen=True)
class Label:
    """One phrase around one entity mention, with where it was found."""

    entity: str
    relation: str
    head: str
    phrase: str
    article_id: str
    sentence_index: int


@dataclass
class EntityLabels:
    """An entity's names and labels per group, side by side."""

    entity: str
    names: dict[str, Counter] = field(default_factory=dict)  # group -> surface name -> count
    labels: dict[str, Counter] = field(default_factory=dict)  # group -> (relation, head, phrase) -> count
    examples: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    @property
    def groups(self) -> list[str]:
        return sorted(set(self.names) | set(self.labels))

    @property
    def n_mentions(self) -> int:
        return sum(sum(c.values()) for c in self.names.values())

    def phrases(self, group: str, relation: str | None = None) -> list[str]:
        """The group's label phrases, most frequent first, then alphabetical."""
        counter = Counter()
        for (rel, _, phrase), n in self.labels.get(group, {}).items():
            if relation is None or rel == relation:
                counter[phrase] += n
        return [p for p, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]

    def heads(self, group: str, relation: str) -> Counter:
        """How often the group uses each head word in ``relation`` to this entity."""
        counter: Counter = Counter()
        for (rel, head, _), n in self.labels.get(group, {}).items():
            if rel == relation:
                counter[head] += n
        return counter


@dataclass
class _Mention:
    key: str
    surface: str
    lo: int
    hi: int
    possessive: bool
    adjectival: bool
    initial: bool = False


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


class _Scanner:
    """Finds name mentions and the phrases around them in one document."""

    def __init__(self, doc: Document, stop: frozenset[str]):
        self.doc = doc
        self.stop = stop
        self.body = doc.body
        self.spans = doc.token_spans
        self.raw = [self.body[s:e] for s, e in self.spans]
        self.words = [normalise_token(t) for t in doc.tokens]
        self.breaks = set(phrase_breaks(doc))
        self.verbs: set[str] = set()
        self.sentence_of = [0] * len(self.spans)
        self.sentence_start = set()
        for sentence in doc.sentences:
            span = doc.tokens_between(sentence.start, sentence.end)
            if len(span):
                self.sentence_start.add(span.start)
            for i in span:
                self.sentence_of[i] = sentence.index

    def capitalised(self, i: int) -> bool:
        return self.raw[i][:1].isupper()

    def lower_content(self, i: int) -> bool:
        """A lower-case word that is not a stop word: a candidate noun."""
        word = self.words[i]
        return (not self.capitalised(i)) and _is_word(word) and word not in self.stop

    def nounish(self, i: int) -> bool:
        """A lower-case content word that does not look like a verb or an adverb."""
        word = self.words[i]
        return self.lower_content(i) and len(word) > 2 and not word.endswith(("ed", "ly")) \
            and word not in self.verbs

    def ends_noun_phrase(self, i: int) -> bool:
        """Whether a noun phrase may end before token ``i`` ("NATO countries, ..." but not "NATO knows how")."""
        return i >= len(self.raw) or not self.joined(i) or self.words[i] in PHRASE_CONTINUATIONS \
            or self.nounish(i) and False

    def joined(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` with only white space between."""
        return i > 0 and i not in self.breaks and self.sentence_of[i] == self.sentence_of[i - 1]

    def mentions(self) -> list[_Mention]:
        found = []
        i, n = 0, len(self.raw)
        while i < n:
            if not (self.capitalised(i) and _is_word(self.words[i])):
                i += 1
                continue
            j = i + 1
            while j < n and self.capitalised(j) and _is_word(self.words[j]) and self.joined(j) \
                    and not self.raw[j - 1].endswith(("'s", "’s")):
                j += 1
            lo = i
            while lo < j and (self.words[lo] in self.stop or self.words[lo] in HONORIFICS):
                lo += 1
            if lo < j and not (j - lo == 1 and lo in self.sentence_start and lo == i
                               and self.words[lo] in self.stop):
                key = " ".join(self.words[lo:j])
                surface = self.body[self.spans[lo][0]:self.spans[j - 1][1]]
                possessive = self.raw[j - 1].endswith(("'s", "’s"))
                if possessive:
                    surface = surface[:-2]
                found.append(_Mention(key, surface, lo, j, possessive, False, lo in self.sentence_start))
            i = j
        return found

    def labels(self, mention: _Mention) -> list[tuple[str, str, str, int]]:
        """(relation, head, phrase, sentence_index) around one mention."""
        end = self._phrase_end(mention)
        sentence = self.sentence_of[mention.lo]
        found = (self._governing_label(mention, end), self._modifying_label(mention, end),
                 self._descriptor_label(mention), self._apposition_label(mention))
        return [(relation, head, phrase, sentence) for relation, head, phrase in filter(None, found)]

    def _phrase_end(self, mention: _Mention) -> int:
        """Where the mention's phrase ends: one noun past an adjectival name ("the Crimean peninsula")."""
        hi = mention.hi
        if mention.adjectival and hi < len(self.raw) and self.joined(hi) and self.lower_content(hi):
            return hi + 1
        return hi

    def _preposition_before(self, lo: int) -> int:
        """The index of the word before the name, skipping one determiner ("of [the] Crimea")."""
        k = lo - 1
        if k >= 0 and self.joined(lo) and self.words[k] in DETERMINERS:
            k -= 1
        return k

    def _governing_label(self, mention: _Mention, end: int) -> tuple[str, str, str] | None:
        """governs: HEAD prep (det) ENTITY ("reunification with Crimea")."""
        k = self._preposition_before(mention.lo)
        if not (k >= 1 and self.joined(k + 1) and self.words[k] in GOVERNING_PREPOSITIONS and self.joined(k)
                and self.lower_content(k - 1)):
            return None
        start = k - 1
        if start >= 1 and self.joined(start) and self.lower_content(start - 1):
            start -= 1  # one modifier: "illegal annexation of Crimea"
        if self.words[k - 1].endswith("ing") or not self.nounish(k - 1):
            return None
        return "governs", self.words[k - 1], self._text(start, end)

    def _modifying_label(self, mention: _Mention, end: int) -> tuple[str, str, str] | None:
        """modifies: ENTITY('s) HEAD ("NATO expansion", "Moscow's annexation")."""
        lo, hi = mention.lo, mention.hi
        if end == hi and hi < len(self.raw) and self.joined(hi) and self.nounish(hi):
            last = self._second_noun(hi)
            if mention.possessive or self.ends_noun_phrase(last + 1):
                return "modifies", self.words[last], self._text(lo, last + 1)
            return None
        if mention.adjectival and end > hi:
            return "modifies", self.words[hi], self._text(lo, end)
        return None

    def _second_noun(self, hi: int) -> int:
        """The last noun of a two-noun head after a name ("NATO military operations"), else ``hi``."""
        if not self.words[hi].endswith("s") and hi + 1 < len(self.raw) and self.joined(hi + 1) \
                and self.nounish(hi + 1):
            return hi + 1
        return hi

    def _descriptor_label(self, mention: _Mention) -> tuple[str, str, str] | None:
        """describes: a descriptor before a name ("North Korean leader Kim")."""
        lo, hi = mention.lo, mention.hi
        if mention.adjectival or lo < 1 or not self.joined(lo) or not self.nounish(lo - 1):
            return None
        start = self._descriptor_start(lo)
        # Only after a determiner or preposition ("with North Korean leader Kim"), and not when
        # the name itself modifies a noun ("the top NATO commander").
        named_noun = hi < len(self.raw) and self.joined(hi) and self.lower_content(hi)
        before = self.words[start - 1] if start > 0 and self.joined(start) else ""
        if named_noun or not (before in DETERMINERS or before in GOVERNING_PREPOSITIONS):
            return None
        return "describes", self.words[lo - 1], self._text(start, lo)

    def _descriptor_start(self, lo: int) -> int:
        """The first word of the descriptor ending before token ``lo``: at most three words."""
        start = lo - 1
        while start >= 1 and lo - start < 3 and self.joined(start) and (
                self.nounish(start - 1) or (self.capitalised(start - 1)
                                            and self.words[start - 1] not in self.stop)):
            start -= 1
        return start

    def _apposition_label(self, mention: _Mention) -> tuple[str, str, str] | None:
        """describes: an apposition ("Grushko, Moscow's permanent representative at NATO,")."""
        hi = mention.hi
        if not self._opens_apposition(hi):
            return None
        stop_at = hi + 1
        while stop_at < len(self.raw) and stop_at - hi < 8 and self.joined(stop_at):
            stop_at += 1
        head = next((self.words[i] for i in range(stop_at - 1, hi, -1) if self.lower_content(i)), "")
        if not head:
            return None
        return "describes", head, self._text(hi, stop_at)

    def _opens_apposition(self, hi: int) -> bool:
        """Whether a comma and an article follow the name at ``hi`` (", the ...")."""
        return hi < len(self.raw) and hi in self.breaks \
            and "," in self.body[self.spans[hi - 1][1]:self.spans[hi][0]] and self.words[hi] in {"the", "a", "an"}

    def _text(self, lo: int, hi: int) -> str:
        return " ".join(self.body[self.spans[lo][0]:self.spans[hi - 1][1]].split())

    def verb_like(self) -> set[str]:
        """Words right after a pronoun here ("it knows"): verbs, not labels."""
        return {self.words[i + 1] for i in range(len(self.words) - 1)
                if self.words[i] in PRONOUNS and self.joined(i + 1)}


def _demonym_of(word: str, names: set[str]) -> str | None:
    """The name a demonym belongs to: "crimean" -> "crimea", "ukrainian" -> "ukraine"."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 4 or word == name:
            continue
        for stem in (name, name[:-1] if name[-1] in "ae" else None):
            if stem and word.startswith(stem) and word[len(stem):] in DEMONYM_ENDINGS:
                return name
    return None


def discover_labels(documents_by_group: Mapping[str, Iterable[Document]], min_mentions: int = 2,
                    min_groups: int = 2) -> list[EntityLabels]:
    """Salient entities and the phrases each group uses around them.

    Parameters
    ----------
    documents_by_group : mapping
        Group name (an outlet, usually) to its parsed documents.
    min_mentions : int
        An entity must be named at least this often in the whole set.
    min_groups : int
        ... and by at least this many groups.

    Returns
    -------
    list of EntityLabels
        Most mentioned first, ties by entity key.
    """
    stop = load_stopwords()
    mentions_by_key, verbs, acronyms = _collect_mentions(documents_by_group, stop)
    single = {key for key in mentions_by_key if " " not in key}
    canonical = _canonical_keys(mentions_by_key, single, acronyms)
    entities: dict[str, EntityLabels] = {}
    for key, uses in mentions_by_key.items():
        if _only_opens_sentences(key, uses):
            continue  # a capitalised word only ever opening a sentence: not a name
        target = canonical.get(key, key)
        entity = entities.setdefault(target, EntityLabels(target))
        for use in uses:
            _add_use(entity, use, target != key and _is_demonym(key, target), verbs, stop)
    salient = [e for e in entities.values()
               if len(e.groups) >= min_groups and e.n_mentions >= min_mentions]
    return sorted(salient, key=lambda e: (-e.n_mentions, e.entity))


def _collect_mentions(documents_by_group: Mapping[str, Iterable[Document]], stop: frozenset[str]
                      ) -> tuple[dict[str, list], set[str], dict[str, str]]:
    """Every name mention by key, the verb-like words and the bracketed acronyms of the set.

    All scanners share the one ``verbs`` set, so each sees the verbs of every
    document once labels are read.
    """
    mentions_by_key: dict[str, list] = defaultdict(list)  # key -> [(group, article_id, scanner, mention)]
    verbs: set[str] = set()
    acronyms: dict[str, str] = {}
    for group in sorted(documents_by_group):
        for doc in documents_by_group[group]:
            scanner = _Scanner(doc, stop)
            scanner.verbs = verbs
            verbs |= scanner.verb_like()
            found = scanner.mentions()
            acronyms.update(_bracketed_acronyms(doc, found))
            for mention in found:
                mentions_by_key[mention.key].append((group, doc.article_id, scanner, mention))
    return mentions_by_key, verbs, acronyms


def _bracketed_acronyms(doc: Document, found: list[_Mention]) -> dict[str, str]:
    """Long form -> acronym for names followed by a bracketed acronym ("North Atlantic Treaty Organization (NATO)")."""
    acronyms: dict[str, str] = {}
    for before, after in zip(found, found[1:]):
        gap = doc.body[doc.token_spans[before.hi - 1][1]:doc.token_spans[after.lo][0]]
        if gap.strip() == "(" and after.hi - after.lo == 1 and after.surface.isupper() \
                and before.hi - before.lo > 1:
            acronyms[before.key] = after.key
    return acronyms


def _only_opens_sentences(key: str, uses: list) -> bool:
    """Whether a one-word key is only ever seen opening a sentence ("However", "Still")."""
    return " " not in key and all(mention.initial for *_, mention in uses)


def _is_label_head(head: str, verbs: set[str], stop: frozenset[str]) -> bool:
    """Whether ``head`` may head a label: not a verb, a past participle or a stop word."""
    return not (head in verbs or head.endswith("ed") or head in stop)


def _add_use(entity: EntityLabels, use: tuple, adjectival: bool, verbs: set[str], stop: frozenset[str]) -> None:
    """Count one mention's name and labels into ``entity``."""
    group, article_id, scanner, mention = use
    mention.adjectival = adjectival
    entity.names.setdefault(group, Counter())[mention.surface] += 1
    for relation, head, phrase, sentence_index in scanner.labels(mention):
        if _is_label_head(head, verbs, stop):
            _add_label(entity, group, (relation, head, phrase), (article_id, sentence_index))


def _add_label(entity: EntityLabels, group: str, label: tuple[str, str, str], where: tuple[str, int]) -> None:
    """Count one label of ``group`` and keep its earliest sentence, whatever the order."""
    entity.labels.setdefault(group, Counter())[label] += 1
    phrase = label[2]
    known = entity.examples.get((group, phrase))
    if known is None or where < known:
        entity.examples[(group, phrase)] = where


def _is_demonym(key: str, name: str) -> bool:
    """Whether ``key`` is the adjective of ``name`` ("north korean" of "north korea")."""
    words, names = key.split(), name.split()
    return len(words) == len(names) and words[:-1] == names[:-1] and \
        _demonym_of(words[-1], {names[-1]}) is not None


def _canonical_keys(mentions_by_key: Mapping[str, list], single: set[str],
                    acronyms: Mapping[str, str]) -> dict[str, str]:
    """Map demonyms, acronyms' long forms and lone names to one entity key."""
    counts = {key: len(uses) for key, uses in mentions_by_key.items()}
    canonical: dict[str, str] = {}
    for long_form, short in acronyms.items():
        canonical[long_form] = short
    multi = [key for key in counts if " " in key and key not in canonical]
    for key in sorted(single):
        name = _demonym_of(key, single - {key})
        if name is not None:
            canonical[key] = name
            continue
        containing = [m for m in multi if key in (m.split()[0], m.split()[-1])]
        if len(containing) == 1 and counts[containing[0]] >= 2:
            canonical[key] = containing[0]  # "Kim" -> "Kim Jong Un"
    for key in multi:
        for other in multi:
            if other != key and _is_demonym(key, other):
                canonical[key] = other  # "north korean" -> "north korea"
    return canonical


def side_by_side(entity: EntityLabels, limit: int = 6) -> str:
    """A plain-text table of one entity's labels, one line per group.

    >>> from framing.document.parse import build_document
    >>> groups = {"A": [build_document("a", "The reunification with Crimea.")],
    ...           "B": [build_document("b", "The annexation of Crimea.")]}
    >>> print(side_by_side(discover_labels(groups)[0]))
    crimea
      A: reunification with Crimea
      B: annexation of Crimea
    """
    lines = [entity.entity]
    for group in entity.groups:
        phrases = entity.phrases(group)[:limit]
        lines.append(f"  {group}: {'; '.join(phrases) if phrases else '(names it only)'}")
    return "\n".join(lines)

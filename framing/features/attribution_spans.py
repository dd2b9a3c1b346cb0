"""Find attribution relations (source, cue, content) in a parsed document.

Rule based, one pass over the reporting cues found by a single compiled
matcher, then one pass over the quotation spans the :class:`Document`
already holds.  The patterns (PARC / PolNeAR scheme):

* ``SOURCE CUE (that) CONTENT`` — "Grushko said that confrontation ..."
* ``CONTENT, SOURCE CUE`` and ``CONTENT, CUE SOURCE`` — "..., Grushko said" /
  "..., said the deputy minister"
* ``according to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``
* ``..., adding that CONTENT`` — a second statement by the same source
* ``"CONTENT," X quoted SOURCE as saying``
* a quotation that runs on after its cue (``"A," he said. "B."``) joins that
  attribution; a quote-only paragraph continues the previous speaker.

Examples
--------
>>> from framing.document import build_document
>>> from framing.features.attribution_cues import CueLexicon
>>> doc = build_document("x", '"We are ready," Grushko said. He added that talks were over.')
>>> found = find_attributions(doc, CueLexicon.load())
>>> [(a.kind, doc.body[slice(*a.source)], a.cue_text) for a in found]
[('direct', 'Grushko', 'said'), ('indirect', 'He', 'added')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from framing.document import Document, Sentence
from framing.features.attribution_cues import CueLexicon, CueVerb
from framing.speakers import (
    AUXILIARIES,
    DETERMINERS,
    PRONOUNS,
    STOPWORDS,
    noun_phrase_start,
    person_name,
    source_after,
    source_before,
)

Span = tuple[int, int]
COMPLEMENTIZERS = frozenset("that whether if how why what".split())
# First words of what may follow a cue that ends its clause ("said on Monday.").
ADJUNCT_STARTS = frozenset(
    """on in at during to last earlier later this yesterday today tonight recently late after before
    while when monday tuesday wednesday thursday friday saturday sunday from via through with
    afterwards again also regret concern confidence doubt hope surprise outside inside near over
    here there afterward shortly""".split()
)
_BE = frozenset("is was were are been being be".split())
# Words that open a predicate: after "said X" they show X began a clause.
_FINITE = _BE | frozenset("has have had will would could should can may might must did does do".split())
# Heads of plural subjects without a plural -s ("half of those polled say").
_GROUP_WORDS = frozenset("percent half third quarter majority minority most many all few both people".split())
# Words that turn a cue into another verb ("backed away", "called off") or
# start an adjunct rather than its object.
_PARTICLES = frozenset("up away down off out back in into from by at of on over".split())
# What follows the comma that ends a content: ", adding that ...", ", he said".
_SECOND_STATEMENT = tuple(
    """adding saying noting stressing warning arguing explaining insisting claiming echoing
    citing""".split()
) + ("pointing out", "according to", "he said", "she said")
# Lead words of "Label: text" lines that are not speakers.
_NOT_SPEAKERS = frozenset(
    """note update updated correction editor editors photo photos video watch read related source
    sources warning disclaimer clarification image caption credit advertisement subscribe share
    q a question answer transcript paid breaking exclusive watch live""".split()
)
_NAME_PARTS = frozenset("of the de van von al bin da la le and".split())
_COORDINATORS = frozenset("and but while whereas yet".split())
# Cue classes whose verbs are also common outside reports ("the opposing campaign").
_MENTAL = frozenset(("belief", "stance"))
# Pronouns that open a clause ("believes he will", "told reporters they were").
_SUBJECTS = frozenset("he she they we i it there".split())
_SUBORDINATORS = frozenset("when while as after before because since although though unless".split())
OBJECT_VERBS = frozenset("tell ask warn urge remind assure inform accuse promise".split())
OPEN_QUOTES = '"“'
CLOSE_QUOTES = '"”'
# Marks that may end or open speech next to a cue: also the apostrophe that
# ends a '' pair (the quote itself is always looked up in the Document).
OPEN_MARKS = OPEN_QUOTES + "'"
CLOSE_MARKS = CLOSE_QUOTES + "'"
# "MOSCOW –" / "MOSCOW, February 16. /TASS/." opening a report.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^–—\n]{0,30}?)?\s*(?:[–—-]|/[A-Z]+/\.?)\s+")
# Words that may sit between a cue and its complement ("said on Monday that").
_ADVERBIAL_LIMIT = 10


@dataclass
class Attribution:
    """One attribution relation; spans are body offsets."""

    kind: str  # direct, indirect, mixed
    source: Span | None
    cue: Span | None
    contents: list[Span]
    verb: CueVerb | None
    sentence_index: int
    continues: Attribution | None = field(default=None, repr=False)

    @property
    def cue_text(self) -> str:
        return self.verb.form if self.verb and self.cue is None else self._cue_written

    _cue_written: str = ""

    @property
    def content_span(self) -> Span:
        return self.contents[0][0], self.contents[-1][1]


def find_attributions(doc: Document, cues: CueLexicon) -> list[Attribution]:
    """Every attribution in ``doc``, in reading order (by content start)."""
    finder = _Finder(doc, frozenset(cues.verbs))
    for start, end, verb in cues.find(doc):
        quote = doc.quote_at(start)
        if quote is not None and quote.mark == "double":
            continue  # a verb inside quoted speech belongs to the content
        finder.cue(start, end, verb)
    finder.colon_leads()
    finder.continuations()
    finder.split_coordinated()
    found = [a for a in finder.found if a.contents]
    for a in found:
        a.kind = finder.kind_of(a.contents)
    found.sort(key=lambda a: (a.content_span[0], a.cue or (0, 0)))
    return found


class _Finder:
    def __init__(self, doc: Document, verb_forms: frozenset[str]):
        self.doc = doc
        self.verb_forms = verb_forms
        self._headlines: dict[int, bool] = {}
        self.body = doc.body
        self.found: list[Attribution] = []
        self.speech_quotes = [q for q in doc.quotes if q.mark == "double"]
        self._quote_starts = [q.start for q in self.speech_quotes]
        # Any quotation, single or double, makes content "mixed" ("adding that
        # the old 'Russian threat' narrative ...").
        self.all_quotes = list(doc.quotes)
        self._all_starts = [q.start for q in self.all_quotes]

    # ------------------------------------------------------------ helpers
    def _quote_ending_at(self, pos: int):
        """The speech quote whose closing mark is at ``pos``."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        while i >= 0:
            q = self.speech_quotes[i]
            if q.start <= pos < q.end:
                return q
            if q.end < pos - 2000:
                break
            i -= 1
        return None

    def _quote_closing_before(self, pos: int):
        """The speech quote whose closing mark is the last thing before ``pos``."""
        end = self._back_space(pos, 0)
        if end == 0 or self.body[end - 1] not in CLOSE_MARKS:
            return None
        quote = self._quote_ending_at(end - 1)
        return quote if quote is not None and quote.end == end else None

    def _quote_starting_at(self, pos: int):
        i = bisect.bisect_left(self._quote_starts, pos)
        if i < len(self.speech_quotes) and self.speech_quotes[i].start == pos:
            return self.speech_quotes[i]
        return None

    def _skip_space(self, pos: int, end: int) -> int:
        while pos < end and self.body[pos].isspace():
            pos += 1
        return pos

    def _back_space(self, pos: int, start: int) -> int:
        while pos > start and self.body[pos - 1].isspace():
            pos -= 1
        return pos

    def _trim(self, start: int, end: int) -> Span:
        body = self.body
        while start < end and (body[start].isspace() or body[start] in ",:;—-–"):
            start += 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;:—-–"):
            end -= 1
        return start, end

    def _region_end(self, sentence: Sentence, pos: int) -> int:
        """End of the clause after a cue: the sentence end or a following ", adding"."""
        end = sentence.end
        # "says she respects X but argues that ...": the next cue starts a new clause.
        for k in self.doc.tokens_between(pos, end):
            if self.doc.tokens[k] in ("and", "but") and k + 1 < len(self.doc.tokens):
                if self.doc.tokens[k + 1] in self.verb_forms and self.doc.token_spans[k + 1][1] <= end:
                    end = self.doc.token_spans[k][0]
                    break
        nxt = self.body.find(",", pos, end)
        while nxt != -1:
            after = self.body[nxt + 1 : nxt + 12].lstrip().lower()
            if after.startswith(_SECOND_STATEMENT):
                return nxt
            nxt = self.body.find(",", nxt + 1, end)
        return end

    def _complement(self, pos: int, end: int, objects: bool = False) -> tuple[int, bool] | None:
        """Where the content starts after a cue, and whether it opened with a complement."""
        body, doc = self.body, self.doc
        start = self._skip_space(pos, end)
        if start >= end:
            return None
        if body[start] in ":,":
            after = self._skip_space(start + 1, end)
            if after < end and body[after] in OPEN_MARKS:
                return after, True
            if body[start] == ":":
                return after, True
        if body[start] in OPEN_QUOTES or self._quote_starting_at(start):
            return start, True
        for n, k in enumerate(doc.tokens_between(start, end)):
            if n > _ADVERBIAL_LIMIT:
                break
            tok_start = doc.token_spans[k][0]
            if body[tok_start - 1 : tok_start] in OPEN_QUOTES and n:
                return tok_start - 1, True
            gap = body[start:tok_start]
            if ":" in gap and not any(c in gap for c in '"“”;'):
                return self._skip_space(start + gap.index(":") + 1, end), True
            if any(c in gap for c in '"“”;'):
                break
            if doc.tokens[k] in COMPLEMENTIZERS:
                return tok_start, True
            if doc.tokens[k] in _SUBORDINATORS:
                break  # "told MSNBC when asked about concerns that ...": not the content
            # Only "when, where, to whom" words may stand between a cue and its
            # clause ("said on Monday that", "told reporters that"); "said he
            # was sure that" starts its content at "he".
            if n == 0 and doc.tokens[k] not in ADJUNCT_STARTS and not objects:
                break
        return start, False

    def kind_of(self, contents: list[Span]) -> str:
        total = quoted = 0
        first_quoted = self.doc.quote_at(contents[0][0]) is not None or (
            self.body[contents[0][0] - 1 : contents[0][0]] in OPEN_QUOTES + "‘'"
        )
        for start, end in contents:
            idx = self.doc.tokens_between(start, end)
            total += len(idx)
            i = bisect.bisect_right(self._all_starts, end) - 1
            while i >= 0:
                q = self.all_quotes[i]
                if q.end > start:
                    quoted += len(self.doc.tokens_between(max(start, q.start), min(end, q.end)))
                if q.end < start - 2000:
                    break
                i -= 1
        if total == 0 or quoted == 0:
            return "indirect"
        return "direct" if first_quoted and quoted >= 0.9 * total else "mixed"

    def _left_content(self, sentence: Sentence, before: int) -> list[Span] | None:
        """Content that ends before ``before`` (the comma ahead of the source or cue)."""
        body = self.body
        end = self._back_space(before, sentence.start)
        if end > sentence.start and body[end - 1] == ",":
            end -= 1
        end = self._back_space(end, sentence.start)
        mark = end - 1
        if mark >= 0 and body[mark] in CLOSE_MARKS:
            q = self._quote_ending_at(mark)
            if q is not None:
                # The quote may open sentences earlier: measure the lead-in from
                # the start of the sentence where it opens.
                opening = self.doc.sentence_at(q.start)
                first = opening.start if opening and opening.start < sentence.start else sentence.start
                lead = body[first : q.start].strip()
                if q.start <= first or not lead or lead in ("But", "And", "So"):
                    return [self._trim(*_inner(self.body, q))]
                return [self._trim(first, q.end)]
        elif mark >= 0 and end > sentence.start and body[end - 1] in ",":
            end -= 1
        start = sentence.start
        dateline = _DATELINE.match(body, start, end)
        if dateline:
            start = dateline.end()
        span = self._trim(start, end)
        if len(self.doc.tokens_between(*span)) < 2:
            return None
        return [span]

    def _right_content(self, start: int, end: int) -> list[Span] | None:
        q = self._quote_starting_at(start)
        if q is not None and self.body[q.end : end].strip(" .,") == "":
            return [self._trim(*_inner(self.body, q))]
        span = self._trim(start, end)
        if len(self.doc.tokens_between(*span)) < 2:
            return None
        return [span]

    def _add(self, kind_hint, source, cue, contents, verb, sentence, cue_text, continues=None):
        a = Attribution("indirect", source, cue, contents, verb, sentence.index, continues)
        a._cue_written = cue_text
        self.found.append(a)
        return a

    # ------------------------------------------------------------ cues
    def cue(self, start: int, end: int, verb: CueVerb) -> None:
        doc, body = self.doc, self.body
        sentence = doc.sentence_at(start)
        if sentence is None or start >= sentence.end:
            return
        written = " ".join(body[start:end].split())
        headline = self._headlines.get(sentence.index)
        if headline is None:
            headline = self._headlines[sentence.index] = _is_headline(doc, sentence)
        if headline:
            self._headline(sentence, start, end, verb, written)
            return
        if body[start].isupper() and not verb.form_type == "phrase" and self._inside_name(sentence, start):
            return  # "the United States", "Bush Says" inside a title: a name, not a cue
        if verb.form_type == "phrase":
            self._according(sentence, start, end, verb, written)
            return
        if verb.form_type == "ing" and self._participle(sentence, start, end, verb, written):
            return
        if verb.lemma == "quote" and self._quoted_as_saying(sentence, start, end, verb, written):
            return
        if verb.form_type == "past" and self._passive(sentence, start):
            return  # "it is said", "was told": no speaker in the clause
        relative = self._relative_subject(sentence, start)
        source = relative or source_before(doc, sentence, start) or self._coordinated_subject(sentence, start)
        inverted = False
        if source is None:
            before = body[sentence.start : start].rstrip()
            if before and before[-1] in "," + CLOSE_MARKS and verb.form_type in ("past", "present"):
                source = source_after(doc, sentence, self._skip_space(end, sentence.end), self.verb_forms)
                if source is not None and not self._ends_inverted(source, sentence):
                    # "..., said they had no problem" / "..., said the program is":
                    # the words after the cue are a clause, not an inverted subject.
                    source = None
                inverted = source is not None
        if source is None and not verb.strict and (verb.form_type == "past" or verb.lemma in ("say", "tell")):
            source = self._clause_subject(sentence, start)
        if source is None:
            return
        if verb.form_type == "base" and not self._base_form_ok(source, start):
            # "Majorities of Democrats in five states ... Tuesday say": the noun
            # phrase rules stopped at "Tuesday"; the plural subject is further left.
            source = None if inverted else self._clause_subject(sentence, start)
            if source is None or not self._plural_subject(source):
                return
        if verb.form_type == "ing" and verb.verb_class in _MENTAL and not self._progressive(sentence, start):
            return  # "the opposing campaign", "Many clubs offering ...": not a finite verb
        source_words = doc.tokens_between(*source)
        if len(source_words) == 1 and doc.tokens[source_words[0]] in DETERMINERS:
            return  # "his support of", "the questions": a noun after a determiner
        region_start = source[1] if inverted else end
        region_end = self._region_end(sentence, region_start)
        if relative is not None:
            # "Graham, who says X, tweeted ...": the relative clause ends at its comma.
            comma = body.find(",", self._skip_space(end, region_end) + 1, region_end)
            region_end = comma if comma != -1 else region_end
        complement = self._complement(region_start, region_end, verb.lemma in OBJECT_VERBS)
        # "..., X said" or '"...," said X': the content is on the left.
        left_anchor = start if inverted else source[0]
        lead = body[sentence.start : left_anchor].rstrip()
        parenthetical = bool(lead) and lead[-1] in "," + CLOSE_MARKS
        contents = None
        closes_clause = complement is None or (
            not complement[1]
            and not (verb.infinitive and self._infinitive(region_start, region_end) is not None)
            and (
                self._adjunct_only(region_start, region_end, verb)
                or body[self._skip_space(region_start, region_end)] == ","
            )
        )
        if not lead and closes_clause:
            # '"Why's he attacking me?" Trump said.': the splitter ended the
            # sentence inside the quote, which closes just before this one.
            quote = self._quote_closing_before(sentence.start)
            if quote is not None and quote.start >= self.doc.paragraphs[sentence.paragraph][0]:
                self._add(None, source, (start, end), [self._trim(*_inner(body, quote))], verb, sentence, written)
                return
        quote_before = bool(lead) and lead.rstrip(",")[-1:] in CLOSE_MARKS
        if parenthetical and quote_before and (complement is None or not complement[1]):
            closes_clause = True
        if inverted or (parenthetical and closes_clause):
            contents = self._left_content(sentence, left_anchor)
            after = self._skip_space(region_start, region_end)
            if not quote_before and after < region_end and body[after] == ",":
                # "Even then, he said, he's learned enough ...": content on both sides.
                right = self._right_content(self._skip_space(after + 1, region_end), region_end)
                if right:
                    contents = (contents or [self._trim(sentence.start, left_anchor)]) + right
            if contents is None:
                return
        elif complement is not None:
            c_start, opened = complement
            infinitive = self._infinitive(region_start, region_end) if verb.infinitive else None
            if infinitive is not None:
                c_start, opened = infinitive, True
            elif not opened:
                clause = self._bare_clause(c_start, region_end, verb.lemma in OBJECT_VERBS)
                if clause is not None:
                    c_start, opened = clause, True
            if not opened and (verb.strict or verb.lemma in OBJECT_VERBS):
                if not verb.noun_content or self._particle_follows(c_start, region_end):
                    return
                region_end = self._phrase_end(c_start, region_end)
                contents = [self._trim(c_start, region_end)]  # "backed Clinton": one word will do
            else:
                contents = self._right_content(c_start, region_end)
        if not contents:
            return
        self._add(None, source, (start, end), contents, verb, sentence, written)

    def _infinitive(self, start: int, end: int) -> int | None:
        """Start of a "to" clause after the cue: "wants to win", "urged the ministry to act"."""
        doc, body = self.doc, self.body
        idx = doc.tokens_between(self._skip_space(start, end), end)
        for n, k in enumerate(idx[:8]):
            if doc.tokens[k] == "to" and n + 1 < len(idx):
                nxt = idx[n + 1]
                word = doc.tokens[nxt]
                if word in DETERMINERS or word in PRONOUNS or _starts_upper(body, doc.token_spans[nxt][0]):
                    return None  # "agreed to the deal", "talked to Trump"
                return doc.token_spans[idx[0]][0]
            if n and not _gap_is_word_space(body, doc.token_spans[idx[n - 1]][1], doc.token_spans[k][0]):
                return None
            if doc.tokens[k] in STOPWORDS and doc.tokens[k] not in ("the", "his", "her", "their", "its", "of"):
                return None
        return None

    def _bare_clause(self, start: int, end: int, objects: bool) -> int | None:
        """Start of a clause with no "that": "believe Beijing has ...", "told reporters he was ..."."""
        doc = self.doc
        idx = doc.tokens_between(start, end)
        first = 0
        if objects:
            # "told reporters he would": the clause opens at the first subject pronoun.
            first = next((n for n, k in enumerate(idx[1:5], 1) if doc.tokens[k] in _SUBJECTS), -1)
            if first < 0:
                return None
        if first >= len(idx):
            return None
        if doc.tokens[idx[first]] in _SUBJECTS:
            return doc.token_spans[idx[first]][0]
        if objects:
            return None
        for k in idx[first + 1 : first + 8]:
            if "," in self.body[doc.token_spans[k - 1][1] : doc.token_spans[k][0]]:
                return None
            if doc.tokens[k] in _FINITE:
                return doc.token_spans[idx[first]][0]
        return None

    def _particle_follows(self, start: int, end: int) -> bool:
        """Whether the words after a cue make it a phrasal verb ("backed away", "called On Sunday")."""
        idx = self.doc.tokens_between(start, end)
        if not idx or self.doc.tokens[idx[0]] in _PARTICLES:
            return True
        return self.body[start].isupper() and self.doc.tokens[idx[0]] in ADJUNCT_STARTS

    def _phrase_end(self, start: int, end: int) -> int:
        """End of a noun-phrase content ("backed Clinton, who ..."): the first comma or clause word."""
        doc, body = self.doc, self.body
        for k in doc.tokens_between(start, end):
            if any(c in body[doc.token_spans[k - 1][1] : doc.token_spans[k][0]] for c in ",;:—(") and k:
                if doc.token_spans[k - 1][1] > start:
                    return doc.token_spans[k - 1][1]
            if doc.tokens[k] in _SUBORDINATORS and doc.token_spans[k][0] > start:
                return doc.token_spans[k][0]
        return end

    def _inside_name(self, sentence: Sentence, start: int) -> bool:
        """Whether a capitalised cue word sits mid-sentence (not after a quote, colon or dash)."""
        before = self.body[sentence.start : start].rstrip()
        if not before or before[-1] in OPEN_MARKS + CLOSE_MARKS + ":—–-,(":
            return False
        return _DATELINE.fullmatch(self.body, sentence.start, start) is None

    def _ends_inverted(self, source: Span, sentence: Sentence) -> bool:
        """Whether an inverted subject ("said Grushko") is followed by punctuation or the end."""
        idx = self.doc.tokens_between(self._skip_space(source[1], sentence.end), sentence.end)
        return not idx or self.doc.tokens[idx[0]] not in _FINITE

    def _headline(self, sentence: Sentence, start: int, end: int, verb: CueVerb, written: str) -> None:
        """A Title Case headline "Bellwether County Says Trump Should Win": speaker, cue, rest."""
        if verb.form_type != "present" or verb.strict:
            return
        source = source_before(self.doc, sentence, start)
        if source is None or self.doc.tokens[self.doc.tokens_between(*source)[0]] in PRONOUNS:
            return
        contents = self._right_content(self._skip_space(end, sentence.end), sentence.end)
        if contents:
            self._add(None, source, (start, end), contents, verb, sentence, written)

    def _relative_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """The speaker of a cue in a relative clause: "Graham, who says ..." -> "Graham, who"."""
        doc = self.doc
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and doc.tokens[idx[-1]] in AUXILIARIES:
            idx.pop()
        if len(idx) < 2 or doc.tokens[idx[-1]] != "who":
            return None
        who = doc.token_spans[idx[-1]]
        comma = self.body.rfind(",", doc.token_spans[idx[-2]][1], who[0])
        if comma == -1:
            return None
        before = list(doc.tokens_between(sentence.start, comma))
        head = noun_phrase_start(doc, before)
        return (doc.token_spans[before[head]][0], who[1]) if head is not None else None

    def _clause_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """A subject the noun-phrase rules do not parse, from the clause start to the cue.

        "Sen. Elizabeth Warren (D-MA) said", "42% say", "Democrats — and some
        Republicans — say", "Rich Heffley, a top operative who ... , said".
        """
        doc, body = self.doc, self.body
        idx = list(doc.tokens_between(sentence.start, cue_start))
        while idx and doc.tokens[idx[-1]] in AUXILIARIES:
            idx.pop()
        if not idx or doc.tokens[idx[-1]] in STOPWORDS or doc.tokens[idx[-1]] in DETERMINERS:
            return None
        if doc.tokens[idx[-1]].endswith(("'s", "’s", "s'", "s’")):
            return None  # "NATO's declared readiness": a possessive before a participle
        end = doc.token_spans[idx[-1]][1]
        if body[end:cue_start].strip() not in ("", ")", "%", ",", "),"):
            return None
        start = sentence.start
        dateline = _DATELINE.match(body, start, end)
        if dateline:
            start = dateline.end()
        for k in reversed(idx[:-1]):
            gap = body[doc.token_spans[k][1] : doc.token_spans[k + 1][0]]
            if any(c in gap for c in ",;:") and ")" not in gap:
                if doc.tokens[k + 1] in DETERMINERS or _starts_upper(body, doc.token_spans[k + 1][0]):
                    start = doc.token_spans[k + 1][0]
                    break
            if any(c in gap for c in OPEN_MARKS + CLOSE_MARKS):
                return None  # a quotation: the words before the cue are content
        if start >= end:
            return None
        words = doc.tokens_between(start, end)
        if len(words) > 30 or doc.tokens[words[0]] in _SUBORDINATORS | COMPLEMENTIZERS | {"to"}:
            return None
        for k in words:
            if doc.tokens[k] in ("who", "which", "that"):
                break  # "X, who played ... and is now running ...,": verbs of a relative clause
            if doc.tokens[k] in _FINITE or doc.tokens[k] in self.verb_forms:
                return None  # a clause of its own, not a subject
        if not any(_starts_upper(body, doc.token_spans[k][0]) or doc.tokens[k] in DETERMINERS for k in words):
            return None
        if body[end:cue_start].lstrip().startswith(")"):
            end = body.index(")", end) + 1
        return start, end

    def _coordinated_subject(self, sentence: Sentence, cue_start: int) -> Span | None:
        """The subject of "X rejected the idea and said ...": the clause's first noun phrase."""
        doc = self.doc
        idx = [k for k in doc.tokens_between(sentence.start, cue_start)]
        while idx and doc.tokens[idx[-1]] in AUXILIARIES:
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

    def _progressive(self, sentence: Sentence, cue_start: int) -> bool:
        """Whether an -ing cue follows a form of "be" ("is seeking", "were quietly hoping")."""
        idx = self.doc.tokens_between(sentence.start, cue_start)
        for k in reversed(idx):
            if self.doc.tokens[k] in _BE:
                return True
            if self.doc.tokens[k] not in AUXILIARIES:
                return False
        return False

    def _passive(self, sentence: Sentence, cue_start: int) -> bool:
        idx = self.doc.tokens_between(sentence.start, cue_start)
        for k in reversed(idx):
            low = self.doc.tokens[k]
            if low in _BE:
                return True
            if low not in AUXILIARIES:
                return False
        return False

    def _adjunct_only(self, start: int, end: int, verb: CueVerb) -> bool:
        """Whether the words after a cue only say when, where or to whom it was said."""
        doc = self.doc
        idx = doc.tokens_between(start, end)
        if not idx:
            return True
        first = doc.tokens[idx[0]]
        if first in ADJUNCT_STARTS:
            return True
        return verb.lemma in OBJECT_VERBS and len(idx) <= 16

    def _base_form_ok(self, source: Span, cue_start: int) -> bool:
        text = self.body[source[0] : source[1]].lower()
        between = self.body[source[1] : cue_start].lower().split()
        if any(w in AUXILIARIES for w in between):
            return True
        return text in PRONOUNS - {"he", "she", "it"} or text.endswith("s")

    def _plural_subject(self, source: Span) -> bool:
        """Whether a subject read by :meth:`_clause_subject` is plural ("most voters", "42%")."""
        for k in self.doc.tokens_between(*source):
            word = self.doc.tokens[k]
            if word in _GROUP_WORDS or word[:1].isdigit():
                return True
            if word.endswith("s") and not word.endswith(("'s", "’s", "ss")):
                return True
        return False

    def _participle(self, sentence, start, end, verb, written) -> bool:
        body = self.body
        before = body[sentence.start : start].rstrip()
        if before.endswith(" as") or before.lower().endswith(" as"):
            return True  # "quoted X as saying": handled at "quoted"
        if not before.endswith(","):
            return False
        source = None
        for a in reversed(self.found):
            if a.sentence_index != sentence.index:
                break
            if a.source is not None and a.cue is not None and a.cue[1] <= start:
                source = a.source
                break
        if source is None:
            source = source_after(self.doc, sentence, sentence.start, self.verb_forms)
            if source is None or source[1] > start:
                return True
        region_end = self._region_end(sentence, end)
        complement = self._complement(end, region_end)
        if complement is None or (verb.strict and not complement[1]):
            return True
        contents = self._right_content(complement[0], region_end)
        if contents:
            self._add(None, source, (start, end), contents, verb, sentence, written)
        return True

    def _quoted_as_saying(self, sentence, start, end, verb, written) -> bool:
        body = self.body
        rest = body[end : sentence.end]
        at = rest.find(" as saying")
        if at == -1:
            return False
        source = source_after(self.doc, sentence, self._skip_space(end, sentence.end))
        if source is None:
            return False
        source = (source[0], self._back_space(end + at, source[0]))
        left_anchor = source_before(self.doc, sentence, start)
        anchor = left_anchor[0] if left_anchor else start
        after = end + at + len(" as saying")
        complement = self._complement(after, sentence.end)
        if complement and complement[1]:
            contents = self._right_content(complement[0], sentence.end)
        else:
            contents = self._left_content(sentence, anchor)
        if contents:
            self._add(None, source, (start, end), contents, verb, sentence, written)
        return True

    def _according(self, sentence, start, end, verb, written) -> None:
        body = self.body
        source = source_after(self.doc, sentence, self._skip_space(end, sentence.end))
        if source is None:
            return
        lead = body[sentence.start : start].strip()
        if not lead or lead in ("But", "And", "So", "Yet", "However,"):
            comma = body.find(",", source[1], sentence.end)
            if comma == -1:
                return
            contents = self._right_content(self._skip_space(comma + 1, sentence.end), sentence.end)
        else:
            contents = self._left_content(sentence, start)
        if contents:
            self._add(None, source, (start, end), contents, verb, sentence, written)

    def colon_leads(self) -> None:
        """'Kasich: "We are going all the way."' and 'Gingrich: Trump Must Decide': a name, a colon, words."""
        doc, body = self.doc, self.body
        for sentence in doc.sentences:
            colon = body.find(":", sentence.start, min(sentence.end, sentence.start + 60))
            if colon == -1:
                continue
            source = self._trim(sentence.start, colon)
            words = doc.tokens_between(*source)
            if not 1 <= len(words) <= 7 or doc.tokens[words[0]] in _NOT_SPEAKERS | DETERMINERS:
                continue
            if not all(_starts_upper(body, doc.token_spans[k][0]) or doc.tokens[k] in _NAME_PARTS for k in words):
                continue
            name = person_name(body[source[0] : source[1]])
            if name is None or len(name.split()) > 3 or not body[source[0] : source[1]].endswith(name.split()[-1]):
                continue
            after = self._skip_space(colon + 1, sentence.end)
            if after >= sentence.end or (body[after] not in OPEN_MARKS + "‘" and not _is_headline(doc, sentence)):
                continue  # a quotation or a headline follows a speaker's name; lists and labels do not
            if len(words) == 1 and doc.tokens.count(doc.tokens[words[0]]) < 2:
                continue  # a one-word label ("Remember:") unless the name recurs in the article
            content = self._right_content(after, sentence.end)
            if content and len(doc.tokens_between(*content[0])) >= 3:
                self._add(None, source, (colon, colon + 1), content, None, sentence, ":")

    def split_coordinated(self) -> None:
        """End a content where a coordinated clause starts its own attribution.

        "Six in 10 said Clinton is honest, and three-quarters said the same of
        Sanders": the first content stops before ", and three-quarters".
        """
        doc, body = self.doc, self.body
        by_sentence: dict[int, list[Attribution]] = {}
        for a in self.found:
            if a.cue is not None and a.contents:
                by_sentence.setdefault(a.sentence_index, []).append(a)
        for group in by_sentence.values():
            for b in group:
                head = (b.source or b.cue)[0]
                if b.source and b.source[0] > b.cue[0]:
                    head = b.cue[0]  # inverted: the clause starts at the cue
                idx = doc.tokens_between(doc.sentences[b.sentence_index].start, head)
                if not idx:
                    continue
                last = idx[-1]
                joint = doc.token_spans[last][0] if doc.tokens[last] in _COORDINATORS else None
                if joint is None and ";" in body[doc.token_spans[last][1] : head]:
                    joint = doc.token_spans[last][1]
                if joint is None:
                    continue
                for a in group:
                    s, e = a.contents[-1]
                    if a is not b and s < joint < e and (a.cue is None or a.cue[1] <= joint):
                        a.contents[-1] = self._trim(s, joint)

    # ------------------------------------------------------------ quotes
    def continuations(self) -> None:
        """Attach run-on quotes to their attribution; quote-only paragraphs continue a speaker."""
        doc = self.doc
        if not self.found:
            return
        self.found.sort(key=lambda a: _end_of(a))
        ends = [_end_of(a) for a in self.found]
        claimed = sorted(s for a in self.found for s in a.contents)
        claimed_starts = [s for s, _ in claimed]
        for q in self.speech_quotes:
            if q.n_words < 1 or _overlaps(claimed, claimed_starts, q.start, q.end):
                continue
            i = bisect.bisect_right(ends, q.start) - 1
            if i < 0:
                continue
            parent = self.found[i]
            sentence = doc.sentence_at(q.start)
            if sentence is None:
                continue
            parent_paragraph = doc.sentences[parent.sentence_index].paragraph
            whole_sentence = q.start <= sentence.start + 1 and q.end >= sentence.end - 2
            starts_paragraph = doc.paragraphs[sentence.paragraph][0] == q.start or whole_sentence
            content = self._trim(*_inner(self.body, q))
            if (
                sentence.paragraph == parent_paragraph
                and starts_paragraph
                and self.kind_of(parent.contents) != "indirect"
            ):
                parent.contents.append(content)
            elif starts_paragraph and q.n_words >= 4 and sentence.paragraph - parent_paragraph <= 2:
                root = parent.continues or parent
                a = Attribution("direct", root.source, None, [content], None, sentence.index, root)
                self.found.append(a)
            ends = ends  # positions of earlier attributions are unchanged


def _inner(body: str, q) -> Span:
    """The text span of a quote without its marks (a quote may lack its opening mark)."""
    start, end = q.start, q.end
    for _ in range(2):  # one mark, or a '' pair
        if start < end and body[start] in OPEN_QUOTES + "'":
            start += 1
        if end > start and body[end - 1] in CLOSE_QUOTES + "'":
            end -= 1
    return start, end


def _gap_is_word_space(body: str, end: int, start: int) -> bool:
    return end >= start or body[end:start].isspace()


def _starts_upper(body: str, pos: int) -> bool:
    return body[pos].isupper() or body[pos].isdigit()


def _is_headline(doc: Document, sentence: Sentence) -> bool:
    """Title Case lines ("Russia Has Ceased 'All' Cooperation, Official Says") are headlines."""
    idx = doc.tokens_between(sentence.start, sentence.end)
    if len(idx) < 4:
        return False
    body, spans = doc.body, doc.token_spans
    caps = sum(1 for k in idx if body[spans[k][0]].isupper())
    return caps >= 0.7 * len(idx)


def _end_of(a: Attribution) -> int:
    ends = [a.contents[-1][1] if a.contents else 0]
    if a.cue:
        ends.append(a.cue[1])
    if a.source:
        ends.append(a.source[1])
    return max(ends)


def _overlaps(spans: list[Span], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    for s, e in spans[max(0, i - 50) : i]:
        if s < end and e > start:
            return True
    return False

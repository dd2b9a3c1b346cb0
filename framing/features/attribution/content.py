"""Content spans of attribution: where reported speech starts and ends around a cue.

:class:`ContentRules` (on :class:`~framing.features.attribution.body_text.BodyText`,
the text and the position helpers every rule shares) reads the
clause a cue governs (``said that ...``, ``told reporters he ...``, ``wants to
...``), the content to the left of a parenthetical cue (``"...," he said``)
and whether a content is direct, indirect or mixed speech.  The speaker side
is in :mod:`framing.features.attribution.sources`; the rules that combine
them are in :mod:`framing.features.attribution.spans`.

Examples
--------
>>> from framing.document.parse import build_document
>>> doc = build_document("x", '"We are ready," Grushko said. He said the army was ready.')
>>> rules = ContentRules(doc, frozenset({"said"}))
>>> rules.kind_of([(1, 14)]), rules.kind_of([(38, 57)])
('direct', 'indirect')
"""

from __future__ import annotations

import re

from framing.document.parse import Document, Sentence
from framing.document.vocabulary import DETERMINERS, NOT_IN_SPEAKER_NAMES, NOT_SPEAKER_EDGES, NOUNS_IN_LY
from framing.features.attribution.body_text import (
    CLOSE_MARKS,
    OPEN_MARKS,
    OPEN_QUOTES,
    BodyText,
    Span,
    inner_span,
    starts_upper,
)
from framing.features.attribution.cues import CueVerb
from framing.features.attribution.phrases import PRONOUNS

COMPLEMENTIZERS = frozenset("that whether if how why what".split())
# First words of what may follow a cue that ends its clause ("said on Monday.").
ADJUNCT_STARTS = frozenset(
    """on in at during to last earlier later this yesterday today tonight recently late after before
    while when monday tuesday wednesday thursday friday saturday sunday from via through with
    afterwards again also regret concern confidence doubt hope surprise outside inside near over
    here there afterward shortly""".split()
)
BE = frozenset("is was were are been being be".split())
# Words that open a predicate: after "said X" they show X began a clause.
FINITE = BE | frozenset("has have had will would could should can may might must did does do".split())
# Words that turn a cue into another verb ("backed away", "called off") or
# start an adjunct rather than its object.
_PARTICLES = frozenset("up away down off out back in into from by at of on over".split())
# What follows the comma that ends a content: ", adding that ...", ", he said".
_SECOND_STATEMENT = tuple(
    """adding saying noting stressing warning arguing explaining insisting claiming echoing
    citing""".split()
) + ("pointing out", "according to", "he said", "she said")
# After a comma outside quoted speech, words that open the writer's contrast, not more of the content.
_CONTRAST = frozenset(("but", "while", "although", "though", "whereas"))
# Pronouns that open a clause ("believes he will", "told reporters they were").
_SUBJECTS = frozenset("he she they we i it there".split())
SUBORDINATORS = frozenset("when while as after before because since although though unless".split())
OBJECT_VERBS = frozenset("tell ask warn urge remind assure inform accuse promise".split())
# Words that open an adjunct after a noun-phrase content: when, why or despite what it was said
# ("rejected that argument during the hearing", "mentioned Machado since the debate"). Not "as"
# ("condemned the test as provocative") nor in, on, at, which as often belong to the noun phrase.
_OBJECT_ENDS = (SUBORDINATORS - {"as"}) | frozenset(
    "during amid until following despite last earlier yesterday today tonight".split())
# "MOSCOW –" / "MOSCOW, February 16. /TASS/." opening a report.
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^–—\n]{0,30}?)?\s*(?:[–—-]|/[A-Z]+/\.?)\s+")
# Words that may sit between a cue and its complement ("said on Monday that").
_ADVERBIAL_LIMIT = 10
# Quotes or a semicolon between a cue and a word: that word is past the cue's clause.
_GAP_BREAKS = '"“”;'


class ContentRules(BodyText):
    """Rules that find the content spans of an attribution around its cue."""

    def _region_end(self, sentence: Sentence, pos: int) -> int:
        """End of the clause after a cue: the sentence end or a following ", adding"."""
        end = sentence.end
        # "says she respects X but argues that ...": the next cue starts a new clause.
        for k in self.doc.tokens_between(pos, end):
            if self.doc.tokens[k] in ("and", "but") and k + 1 < len(self.doc.tokens):
                if self.doc.tokens[k + 1] in self.verb_forms and self.doc.token_spans[k + 1][1] <= end:
                    end = self.doc.token_spans[k][0]
                    break
        end = self._semicolon_before(pos, end)
        nxt = self.body.find(",", pos, end)
        while nxt != -1:
            after = self.body[nxt + 1 : nxt + 12].lstrip().lower()
            if after.startswith(_SECOND_STATEMENT) or self._writer_clause_after(nxt):
                return nxt
            nxt = self.body.find(",", nxt + 1, end)
        return end

    def _semicolon_before(self, pos: int, end: int) -> int:
        """The first semicolon outside quoted speech in ``pos:end``, else ``end``.

        "said the timing was not intentional; they only learned on Friday ...": a semicolon ends the
        reported clause.
        """
        semicolon = self.body.find(";", pos, end)
        while semicolon != -1 and self.in_speech(semicolon):
            semicolon = self.body.find(";", semicolon + 1, end)
        return end if semicolon == -1 else semicolon

    def _writer_clause_after(self, comma: int) -> bool:
        """Whether the words after ``comma`` (outside quoted speech) open the writer's own clause.

        A contrast (", but ...", ", while ..."), not one that goes on with the reported clause's
        predicate (", but is the longest"): not more of what was said.
        """
        if self.in_speech(comma):
            return False
        idx = self.doc.tokens_between(comma + 1, min(len(self.body), comma + 30))
        if len(idx) > 1 and self.doc.tokens[idx[0]] == "and" and self.doc.tokens[idx[1]] in SUBORDINATORS:
            return True  # ", and when pressed on why ...": the writer's next clause
        if not idx or self.doc.tokens[idx[0]] not in _CONTRAST:
            return False
        # "is not the first, but is the longest": a second predicate of the reported clause.
        return len(idx) < 2 or self.doc.tokens[idx[1]] not in FINITE

    def _complement(self, pos: int, end: int, objects: bool = False) -> tuple[int, bool] | None:
        """Where the content starts after a cue, and whether it opened with a complement."""
        start = self._skip_space(pos, end)
        if start >= end:
            return None
        opened = self._opening_mark(start, end)
        if opened is not None:
            return opened, True
        return self._complement_in_words(start, end, objects)

    def _opening_mark(self, start: int, end: int) -> int | None:
        """Content start when the cue is followed by a colon or a quotation (': "...', ', "...')."""
        body = self.body
        if body[start] in ":,":
            after = self._skip_space(start + 1, end)
            if after < end and body[after] in OPEN_MARKS:
                return after
            if body[start] == ":":
                return after
        if body[start] in OPEN_QUOTES or self._quote_starting_at(start):
            return start
        return None

    def _complement_in_words(self, start: int, end: int, objects: bool) -> tuple[int, bool]:
        """Content start among the first words after a cue: a quote, colon or complementizer, else ``start``."""
        body, doc = self.body, self.doc
        for n, k in enumerate(doc.tokens_between(start, end)):
            if n > _ADVERBIAL_LIMIT:
                break
            tok_start = doc.token_spans[k][0]
            gap = body[start:tok_start]
            opened = self._opened_before_word(gap, start, end, tok_start, n)
            if opened is not None:
                return opened, True
            if any(c in gap for c in _GAP_BREAKS):
                break
            if doc.tokens[k] in COMPLEMENTIZERS:
                return tok_start, True
            if _ends_lead_in(doc.tokens[k], n, objects):
                break
        return start, False

    def _opened_before_word(self, gap: str, start: int, end: int, tok_start: int, n: int) -> int | None:
        """Content start at an open quote just before the ``n``-th word, or after a colon in ``gap``."""
        if self.body[tok_start - 1 : tok_start] in OPEN_QUOTES and n:
            return tok_start - 1
        if ":" in gap and not any(c in gap for c in _GAP_BREAKS):
            return self._skip_space(start + gap.index(":") + 1, end)
        return None

    def kind_of(self, contents: list[Span]) -> str:
        first_quoted = self._any_quote.containing(contents[0][0]) is not None or (
            self.body[contents[0][0] - 1 : contents[0][0]] in OPEN_QUOTES + "‘'"
        )
        total = sum(len(self.doc.tokens_between(start, end)) for start, end in contents)
        quoted = len(self._any_quote.tokens(self.doc, contents))
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
                    return [self._trim(*inner_span(self.body, q))]
                return [self._trim(first, q.end)]
        elif mark >= 0 and end > sentence.start and body[end - 1] in ",":
            end -= 1
        start = sentence.start
        dateline = DATELINE.match(body, start, end)
        if dateline:
            start = dateline.end()
        span = self._trim(start, end)
        if len(self.doc.tokens_between(*span)) < 2:
            return None
        return [span]

    def _right_content(self, start: int, end: int) -> list[Span] | None:
        q = self._quote_starting_at(start)
        if q is not None and (self.body[q.end : end].strip(" .,") == "" or self._another_speaker_after(q.end, end)):
            return [self._trim(*inner_span(self.body, q))]
        span = self._trim(start, end)
        if len(self.doc.tokens_between(*span)) < 2:
            return None
        return [span]

    def _another_speaker_after(self, pos: int, end: int) -> bool:
        """Whether a comma after a quotation leads to another speaker's cue: '…?", Sebelius responded "no".'."""
        if not (self.body[pos:end].lstrip().startswith(",") or self.body[pos - 2 : pos - 1] == ","):
            return False  # '…?", Sebelius responded' or '"We will win," he added
        idx = self.doc.tokens_between(pos, end)[:4]
        if len(idx) < 2 or not any(self.doc.tokens[k] in self.verb_forms for k in idx[1:]):
            return False
        return starts_upper(self.body, self.doc.token_spans[idx[0]][0]) or self.doc.tokens[idx[0]] in PRONOUNS

    def _infinitive(self, start: int, end: int) -> int | None:
        """Start of a "to" clause after the cue: "wants to win", "urged the ministry to act"."""
        doc, body = self.doc, self.body
        idx = doc.tokens_between(self._skip_space(start, end), end)
        for n, k in enumerate(idx[:8]):
            if doc.tokens[k] == "to" and n + 1 < len(idx):
                nxt = idx[n + 1]
                word = doc.tokens[nxt]
                if (word in DETERMINERS or word in PRONOUNS or word in _INDEFINITES or word[:1].isdigit()
                        or starts_upper(body, doc.token_spans[nxt][0])):
                    return None  # "agreed to the deal", "talked to Trump", "plans available to someone"
                return doc.token_spans[idx[0]][0]
            if n and not _gap_is_word_space(body, doc.token_spans[idx[n - 1]][1], doc.token_spans[k][0]):
                return None
            word = doc.tokens[k]
            if word in NOT_IN_SPEAKER_NAMES and word not in ("the", "his", "her", "their", "its", "of"):
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
            if doc.tokens[k] in FINITE:
                # A subject before the verb: "plans undeniably have big deductibles" is a noun and its verb.
                has_subject = any(not is_adverb(doc, j) for j in range(idx[first], k))
                return doc.token_spans[idx[first]][0] if has_subject else None
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
            if doc.tokens[k] in SUBORDINATORS and doc.tokens[k] != "as" and doc.token_spans[k][0] > start:
                return doc.token_spans[k][0]  # "as" stays: "condemned the test as provocative"
        return end

    def _object_end(self, start: int, end: int) -> int:
        """End of a noun-phrase content at ``start``: before punctuation, an adjunct or a second predicate.

        A comma, semicolon, dash or parenthesis outside quoted speech ("declined
        that assignment, and ..."), a word of :data:`_OBJECT_ENDS` ("these themes
        before"), or "and"/"or" before a verb ("a veto and has since ...").

        Examples
        --------
        >>> from framing.document.parse import build_document
        >>> doc = build_document("x", "She rejected that argument during the hearing.")
        >>> rules = ContentRules(doc, frozenset({"rejected"}))
        >>> doc.body[13:rules._object_end(13, 45)]
        'that argument'
        """
        doc, body = self.doc, self.body
        idx = doc.tokens_between(start, end)
        for n, k in enumerate(idx[1:], 1):
            before = doc.token_spans[idx[n - 1]][1]
            if self.in_speech(doc.token_spans[k][0]):
                continue
            gap = body[before : doc.token_spans[k][0]]
            if any(c in gap for c in ",;—–(") or " - " in gap or doc.tokens[k] in _OBJECT_ENDS:
                return before
            if doc.tokens[k] in ("and", "or") and n + 1 < len(idx) and self._verb_at(idx[n + 1]):
                return before
        return end

    def _verb_at(self, k: int) -> bool:
        """Whether token ``k`` is a reporting verb or an auxiliary: a second predicate starts there."""
        return self.doc.tokens[k] in self.verb_forms or self.doc.tokens[k] in FINITE

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

    def _closes_clause(self, complement, region_start: int, region_end: int, verb: CueVerb) -> bool:
        """Whether nothing after a cue is its content ("he said on Monday.", "she said, ...")."""
        return complement is None or (
            not complement[1]
            and not (verb.infinitive and self._infinitive(region_start, region_end) is not None)
            and (
                self._adjunct_only(region_start, region_end, verb)
                or self.body[self._skip_space(region_start, region_end)] == ","
            )
        )

    def _contents_around(
        self, sentence: Sentence, left_anchor: int, region_start: int, region_end: int, quote_before: bool
    ) -> list[Span] | None:
        """The content of a parenthetical or inverted cue: on its left, and on its right after a comma."""
        body = self.body
        contents = self._left_content(sentence, left_anchor)
        after = self._skip_space(region_start, region_end)
        if after < region_end and body[after] == ",":
            right_start = self._skip_space(after + 1, region_end)
            if not quote_before or (contents and self._quote_starting_at(right_start)):
                # "Even then, he said, he's learned enough ...", '"A," said X, "B."': content on both sides.
                right = self._right_content(right_start, region_end)
                if right:
                    contents = (contents or [self._trim(sentence.start, left_anchor)]) + right
        return contents

    def content_candidates(
        self, sentence: Sentence, start: int, end: int, source: Span | None
    ) -> list[tuple[str, Span]]:
        """Spans that may be the content of the cue at ``start:end`` where the rules found none.

        ``clause``: from the cue (or an inverted speaker after it) to the end
        of its clause; ``phrase``: the same up to its first comma or
        subordinator, when shorter; ``left``: the words before the speaker
        (before the cue when the speaker follows it or is unknown).  Each
        holds at least one word token.
        """
        after_source = source is not None and source[0] >= end
        region_start = self._skip_space(source[1] if after_source else end, sentence.end)
        region_end = self._region_end(sentence, region_start)
        out: list[tuple[str, Span]] = []
        clause = self._trim(region_start, region_end)
        if self.doc.tokens_between(*clause):
            out.append(("clause", clause))
            phrase = self._trim(region_start, self._phrase_end(region_start, region_end))
            if phrase != clause and self.doc.tokens_between(*phrase):
                out.append(("phrase", phrase))
        anchor = start if source is None or after_source else source[0]
        left = self._left_content(sentence, anchor)
        if left:
            out.append(("left", left[0]))
        return out

    def _contents_after(
        self, complement: tuple[int, bool], region_start: int, region_end: int, verb: CueVerb
    ) -> list[Span] | None:
        """The content that follows a cue: a clause, a "to" clause or, for some verbs, a noun phrase."""
        c_start, opened = complement
        infinitive = self._infinitive(region_start, region_end) if verb.infinitive else None
        if infinitive is not None:
            c_start, opened = infinitive, True
        elif not opened:
            clause = self._bare_clause(c_start, region_end, verb.lemma in OBJECT_VERBS)
            if clause is not None:
                c_start, opened = clause, True
        if opened:
            return self._right_content(c_start, region_end)
        if not (verb.strict or verb.lemma in OBJECT_VERBS):
            # "rejected that argument in a ruling released Thursday": the noun phrase, not the adjuncts after it.
            return self._right_content(c_start, self._object_end(c_start, region_end))
        if not verb.noun_content or self._particle_follows(c_start, region_end):
            return None
        # "backed Clinton": one word will do.
        return [self._trim(c_start, self._object_end(c_start, region_end))]


def is_adverb(doc: Document, k: int) -> bool:
    """Whether token ``k`` is an adverb or conjunction that belongs to no speaker ("similarly", "however")."""
    word = doc.tokens[k]
    if word in NOT_SPEAKER_EDGES:
        return True
    start, end = doc.token_spans[k]
    if not word.endswith("ly") or len(word) <= 4 or word in NOUNS_IN_LY:
        return False
    # "Obviously, ...": a capitalised -ly word is an adverb only before a comma (not "Kelly").
    return doc.body[start:end].islower() or doc.body[end : end + 1] == ","


# Indefinite pronouns: "to someone" is no "to" clause.
_INDEFINITES = frozenset("""someone anyone everyone somebody anybody everybody nobody something anything everything
    nothing""".split())


def _ends_lead_in(word: str, n: int, objects: bool) -> bool:
    """Whether the ``n``-th word after a cue ends the search for a complementizer.

    A subordinator starts another clause ("told MSNBC when asked about concerns
    that ..."); only "when, where, to whom" words may stand between a cue and
    its clause ("said on Monday that", "told reporters that"), so "said he was
    sure that" starts its content at "he".

    Examples
    --------
    >>> _ends_lead_in("when", 2, False), _ends_lead_in("on", 0, False), _ends_lead_in("he", 0, False)
    (True, False, True)
    """
    if word in SUBORDINATORS:
        return True
    return n == 0 and word not in ADJUNCT_STARTS and not objects


def _gap_is_word_space(body: str, end: int, start: int) -> bool:
    return end >= start or body[end:start].isspace()

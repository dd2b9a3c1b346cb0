"""The role of a speaker named by no name: a pronoun, or a word pointing back at someone named before.

"he" takes the role of the nearest role word before it in its paragraph, "they" of a plural one, "the
statement" or "14 percent" of the speaker it points back at; :mod:`framing.features.attribution.roles`
gives the roles of named speakers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from framing.document.parse import Document
from framing.document.vocabulary import STOPWORDS, TITLES
from framing.features.attribution.phrases import without_contraction
from framing.features.attribution.role_lexicon import UNKNOWN_ROLE, RoleLexicon
from framing.features.attribution.roles import AFTER, BEFORE, QUOTED, person_context, speaker_role

# A source that opens with a capitalised name's possessive: "Clinton’s", "Trump's evolving".
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\b")
# How far back an unresolved "he" or "she" looks for a title.
_PRONOUN_WINDOW = 250


def pronoun_role(lexicon: RoleLexicon, document: Document, source: tuple[int, int]) -> str:
    """The role of an unresolved speaker from where it stands: a pronoun, or a word pointing back at someone.

    "I think" outside quotation marks is the article's writer speaking: media.
    "he", "she" or "they" that names nobody quoted before takes the role of
    the nearest role word before it in its paragraph ("Jane Doe is a
    professor at Yale. Math, she says, …"), a plural one for "they"
    ("officials"); "it" the nearest one before it in its sentence.  A
    pointing word of the role file ("the statement", "his office", "14
    percent") takes the nearest role word before it (a plural one for a
    share: "percent of voters"), in the paragraph or just before it.  "you"
    and anything else stay unknown.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Jane Doe is a professor at Yale. Math, she says, is hard.")
    >>> pronoun_role(RoleLexicon.load(), doc, (39, 42))
    'expert'
    >>> doc = build_document("x", "The agency issued a statement.\\n\\n“No,” the statement said.")
    >>> pronoun_role(RoleLexicon.load(), doc, (38, 51))
    'government'
    """
    start, end = source
    body = document.body
    possessor = _POSSESSOR.match(body, start, end)
    found = _article_role(lexicon, document, possessor.group(1)) if possessor else None
    if found:
        return found  # "Clinton's claim", "Trump's evolving views": the span stopped on what the person said
    words = [without_contraction(w) for w in body[start:end].lower().replace("’", "'").split()]
    word = words[-1] if words else ""
    if words == [word] and word in ("i", "we") and document.quote_at(start) is None:
        introduced = _introduced_by(document, start)
        if introduced is None:
            return "media"
        # A passage set off after a colon ("…, arguing that the law is hurting seniors:") is the quoted
        # writer's, whom the introduction names.
        return _role_before(lexicon, body, introduced[0], introduced[1], word == "we") or UNKNOWN_ROLE
    # "that" opening a sentence points back further ("That is why"): only a relative "that" is read.
    if words == [word] and word in ("who", "which", "that") and body[start : start + 1].islower():
        return _antecedent_role(lexicon, document, start) or UNKNOWN_ROLE
    if words == [word] and word in ("he", "she", "they", "it"):
        plural = word == "they"
        if word == "it":
            sentence_start = getattr(document.sentence_at(start), "start", start)
            return _role_before(lexicon, body, sentence_start, start, plural) or UNKNOWN_ROLE
        paragraph = max((s for s, e in document.paragraphs if s <= start), default=0)
        # Nothing in its paragraph: the one before, where news often names the speaker it goes on quoting.
        earlier = max((s for s, e in document.paragraphs if s < paragraph), default=paragraph)
        return (_role_before(lexicon, body, paragraph, start, plural)
                or _role_before(lexicon, body, earlier, paragraph, plural) or UNKNOWN_ROLE)
    if _pointer(lexicon, word) or (word.isdigit() and words == [word]):
        # A bare number is a share whose "%" or "percent" the source left out ("64% said").
        plural = word.isdigit() or lexicon.pointers[_pointer(lexicon, word)] == "plural"
        # Its owner may be named in the source itself: "Mr. Cruz's filings", "His office".
        start = body.rfind(" ", start, end) if len(words) > 1 else start
        return (_role_before(lexicon, body, 0, start, plural)
                or _first_named(lexicon, body, _pointer(lexicon, word), start) or UNKNOWN_ROLE)
    return UNKNOWN_ROLE


def _introduced_by(document: Document, start: int) -> tuple[int, int] | None:
    """The paragraph before the one at ``start`` when it ends with a colon: a quoted passage's introduction.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "The governors wrote:\\n\\nWe know the law fails.")
    >>> doc.body[slice(*_introduced_by(doc, doc.body.index("We")))]
    'The governors wrote:'
    """
    here = max((s for s, e in document.paragraphs if s <= start), default=0)
    before = [(s, e) for s, e in document.paragraphs if e <= here]
    last = document.body[before[-1][0] : before[-1][1]].rstrip() if before else ""
    # "… for an off-the-record discussion:" opens the writer's own account; "…, arguing that …:" a quotation.
    if last.endswith(":") and _SAYING.search(last[-_INTRODUCTION :]):
        return before[-1]
    return None


# How far back from its colon an introduction names the act of saying, and the words that name it.
_INTRODUCTION = 200
_SAYING = re.compile(r"\b(?:wrote|writes|write|said|says|say|argu\w+|stat\w+|explain\w+|declar\w+|not\w+|add\w+|"
                     r"put it|as follows)\b")


# Where the words that may title a name begin: a comma, a colon or a reporting verb before them.
_TITLE_BEFORE = re.compile(r"[,;:()]|\b(?:says|said|told|according to)\b")
# A verb of telling or asking right before a name: that name is the listener ("told Chris Wallace").
_TOLD = re.compile(r"\b(?:told|tells|asked|asks|urged|urges|informed|assured|reminded)\s+$")
# A capitalised name of up to four words ("House Speaker John A. Boehner", "Mr. Romney", "Obama").
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")


def sourceless_role(lexicon: RoleLexicon, document: Document, cue_start: int,
                    known: Callable[[str], str] | None = None) -> str:
    """The role of a statement found without a source span, read from the subject of its sentence.

    A cue with no source of its own ("Mr. Romney softened his rhetoric,
    promising …", "Obama, responding to this, announced …") was made by
    whoever the sentence is about: the first name before the cue that a
    title right before it, the registry (``known``, a person's registry
    role by name, "" when none) or its own words give a role, else the
    first role word of the clause ("Historically, companies tend to …,
    fearing …").
    Quotations are not read: what a quote says is not who says it.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Germany's foreign minister, Sigmar Gabriel, laced his welcome, saying no.")
    >>> sourceless_role(RoleLexicon.load(), doc, doc.body.index("saying"))
    'government'
    >>> doc = build_document("x", "Historically, companies steer clear of protest movements, fearing a backlash.")
    >>> sourceless_role(RoleLexicon.load(), doc, doc.body.index("fearing"))
    'business'
    """
    sentence = document.sentence_at(cue_start)
    start = sentence.start if sentence else 0
    clause = QUOTED.sub(lambda quote: " " * len(quote.group()), document.body[start:cue_start])
    for name in _NAME.finditer(clause):
        if _TOLD.search(clause, 0, name.start()):
            break  # "Chaffetz told Chris Wallace that …": the one told is no speaker
        title = _TITLE_BEFORE.split(clause[: name.start()])[-1]  # the words right before the name
        found = lexicon.role_in(title, "last") or _known_role(name.group(), document.body, known) \
            or lexicon.role_in(name.group()) or _article_role(lexicon, document, name.group())
        if found:
            return found
    return lexicon.role_in(clause) or UNKNOWN_ROLE


def _article_role(lexicon: RoleLexicon, document: Document, name: str) -> str | None:
    """The role the article's titles give the person ``name`` ("Rep. Jason Chaffetz" for "Chaffetz"), if any.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Rep. Jason Chaffetz spoke. Chaffetz declined to say who asked him.")
    >>> _article_role(RoleLexicon.load(), doc, "Chaffetz"), _article_role(RoleLexicon.load(), doc, "On")
    ('politician', None)
    """
    if name.lower() in STOPWORDS or name.lower().rstrip(".") in TITLES:
        return None
    role = speaker_role(lexicon, [name], person_context(document, name), kind="person")
    return None if role == UNKNOWN_ROLE else role


# The lower-case word right after a source span: "Many O'Rourke| supporters believe".
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w-]*s)\b")


def people_after(lexicon: RoleLexicon, body: str, end: int) -> str | None:
    """``"citizen"`` when the source ending at ``end`` is followed by a plural noun of private people.

    "Many O'Rourke supporters believe", "Baltimore residents said": the span stopped at the name, but
    those who speak are the supporters or the residents, not O'Rourke or the city.

    >>> body = "Many O'Rourke supporters believe he can win."
    >>> people_after(RoleLexicon.load(), body, 13), people_after(RoleLexicon.load(), body, 24)
    ('citizen', None)
    """
    word = _NEXT_WORD.match(body, end)
    return "citizen" if word and lexicon.role_in(word.group(1)) == "citizen" else None


def _known_role(name: str, body: str, known: Callable[[str], str] | None) -> str:
    """The registry role of ``name`` or of its last word ("Mr. Romney": Romney), "" when none."""
    name = re.sub(r"['’]s$", "", name)
    if known is None:
        return ""
    return known(name) or (known(name.split()[-1]) if " " in name else "")


# What may stand between a relative pronoun and the phrase it stands for: ", who", " — of which".
_RELATIVE_GAP = re.compile(r"[\s,—–-]*(?:of|among|including|some of|many of|most of)?[\s,—–-]*$")


def _antecedent_role(lexicon: RoleLexicon, document: Document, start: int) -> str | None:
    """The role of the phrase a relative pronoun stands for, when it ends with a title or a body.

    "Rep. Jan Schakowsky, who …", "the spokesperson for US Central Command,
    which oversees troops": the phrase right before the pronoun, read as a
    title (its role word followed by names only); "The president also
    retweeted the account @slandinsocal, who posted …" names nobody there.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "And the Ohio Prosecuting Attorneys Association, which backs it, agreed.")
    >>> _antecedent_role(RoleLexicon.load(), doc, 48)
    'advocacy'
    """
    sentence = document.sentence_at(start)
    before = document.body[sentence.start if sentence else 0 : start]
    before = before[: _RELATIVE_GAP.search(before).start()]
    phrase = re.split(r"[,;:()\"“”—–]", before)[-1].strip()
    return lexicon.title_role(phrase) if phrase else None


def _role_before(lexicon: RoleLexicon, body: str, window_start: int, start: int, plural: bool) -> str | None:
    """The role word nearest before ``start`` within the pronoun window from ``window_start``, outside quotations."""
    # What a quotation says is not who says it: "… the bill," the statement said.
    window = QUOTED.sub(" ", body[max(window_start, start - _PRONOUN_WINDOW) : start])
    return lexicon.role_in(window, "last", plural=plural)


def _first_named(lexicon: RoleLexicon, body: str, pointer: str, start: int) -> str | None:
    """The role of a document where the article first names it ("the inspector general's report"), if before ``start``.

    >>> body = "A report by the inspector general came out. Later, the report said"
    >>> _first_named(RoleLexicon.load(), body, "report", 60)
    'government'
    """
    first = re.search(rf"\b{re.escape(pointer)}s?\b", body[:start], re.IGNORECASE) if pointer else None
    if first is None:
        return None
    # Its owner stands before it ("the inspector general's report") or after it ("a report by the IG").
    after = re.split(r"[.;:“”\"]", body[first.end() : first.end() + AFTER])[0]
    return lexicon.role_in(body[max(0, first.start() - BEFORE) : first.start()], "last") or lexicon.role_in(after)


def _pointer(lexicon: RoleLexicon, word: str) -> str:
    """The pointing word ``word`` is, in the singular ("filings": "filing"), or "".

    >>> _pointer(RoleLexicon.load(), "filings"), _pointer(RoleLexicon.load(), "bills")
    ('filing', '')
    """
    for form in (word, word[:-1] if word.endswith("s") else ""):
        if form and form in lexicon.pointers:
            return form
    return ""

"""Speaker roles: in what capacity a source speaks (government, politician, expert, …), on any topic.

The words of each role are package data (``framing/data/roles.toml``, with its
rule note).  :func:`speaker_roles` gives every speaker of an article one role
from its registry entry or from the words around it: its source phrases, the
words next to its first mention, and a registry actor's note.

The role words themselves are :class:`~framing.features.attribution.role_lexicon.RoleLexicon`.

Examples
--------
>>> lexicon = RoleLexicon.load()
>>> speaker_role(lexicon, ["Sen. Ted Cruz"]), speaker_role(lexicon, ["Jane Doe"])
('politician', 'unknown')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial

from framing.document.parse import Document
from framing.document.vocabulary import STOPWORDS, TITLES
from framing.features.attribution.body_names import full_name_role, own_title, title_owner, without_given_names
from framing.features.attribution.role_lexicon import UNKNOWN_ROLE, RoleLexicon

# How far before a first mention its title may stand ("Republican Sen. …", "said Jane Doe").
BEFORE = 60
AFTER = 120
# ", 34," after a name: an age, how news introduces people speaking for themselves; ", 285,127" is a number.
_AGE = re.compile(r"\d{1,3}$")
_THOUSANDS = re.compile(r",\d")
# A title stands right before a name: the words before it end at punctuation or a reporting verb.
_TITLE_BEFORE = re.compile(r"[,;:\"“”()]|\b(?:says|said|told|tells|according to|writes|wrote|asked|added)\b")
# An apposition that is a relative clause, or a predicate after the subject's comma ("Johnnie
# Langendorff, was driving near the church"), tells what happened, not who the speaker is.
# A clause after the comma, not a description: a relative, a verb, or a conjunction ("I’m Amy Goodman, as I
# continue my interview with Democratic Congressmember John Lewis": Goodman is no Democratic politician).
_CLAUSE = re.compile(r"(?:who|which|whose|where|when|that|was|is|were|are|has|have|had|will|would|said|says|told"
                     r"|as|while|because|since|if|although|though|after|before|and|but|so|even)\b")
# An apposition that gives a past capacity: "a former Army Ranger", "ex-FBI agent".
_PAST = re.compile(r"(?:(?:a|an|the)\s+)?(?:former|formerly|ex-|onetime|one-time|retired)\b", re.IGNORECASE)
# "…, who was legislative director in the Clinton administration,": a relative clause that describes.
_DESCRIBING = re.compile(r"who\s+(?:is|was|has been|had been|served as|serves as|works as|worked as)\s+")
# One that opens the description and says where the person works or what they lead describes too ("Steve
# Sailer, who writes for Unz Review", "…, who heads the Cato Institute").
_WORKPLACE = re.compile(r"who\s+(?:writes for|wrote for|works for|worked for|works at|worked at|heads|headed|leads|led"
                        r"|runs|ran|founded|co-founded|chairs|chaired|directs|directed)\s+")
# A quotation, or the end of one whose opening mark lies before the window.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|^[^“”\"]*”")
# A title set before the name by a comma opens with an article or a possessive.
_TITLE_FIRST = re.compile(r"\s*(?:the|a|an|another|one|his|her|its|their)\s", re.IGNORECASE)
# Abbreviated titles only: they stand before a name and never end a sentence.
_TITLE_STOP = re.compile(r"\b(?:Sens?|Reps?|Govs?|Gens?|Lt|Col|Capt|Sgt|Adm|Cmdr|Maj|Prof|Rev|Dr|Amb|Atty|Supt|Ret)"
                         r"\.\s*$")
_CLAUSE_AFTER = re.compile(r",?\s+(?:who|which|whose|where|when)\b")
# ", a professor at Yale," — to the next comma or sentence end ("U.S." is no end).
# A period inside an abbreviation of initials goes on before a capitalised word ("president of the U.S.
# Conference of Catholic Bishops"); any other period followed by a space ends the description.
_INNER_PERIOD = r"\.(?=\S)|(?<=[A-Z]\.[A-Z])\.(?= [A-Z])"
# A comma inside a place's name goes on too: "a Washington, D.C.-based entrepreneur", "a Fresno, Calif.-based group".
_PLACE_COMMA = r",(?=\s*D\.C\.|\s*[A-Z][a-z]{1,5}\.?-based)"
_APPOSITION = re.compile(rf"\s*,\s*(?P<words>(?:[^,.;:“”\"]|{_INNER_PERIOD}|{_PLACE_COMMA}){{1,{AFTER}}})")
# "Lerner was the director of …", "Doe is a nurse": a description after a copula, read like an apposition.
_COPULA = re.compile(rf"\s+(?:is|was|has been|had been|became|serves as|served as|works as|worked as)\s+"
                     rf"(?:(?:now|also|then|currently|still)\s+)?(?P<words>(?:a|an|the)\s(?:[^,.;:“”\"]|{_INNER_PERIOD}){{1,{AFTER}}})")
# A parenthesis right after a name: a party code ("Rand Paul (R-Ky.)") or an affiliation.
_PARENTHESIS = re.compile(r"\s*\((?P<words>[^()]{1,60})\)")
# The rest of a name after a mention of its first part ("Sohn| Yong-woo").
_NAME_REST = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}(?=,)|")
# "Owen Daniels of the Atlantic Council", "Nathan Craig and Margaret Vega of the immigrant rights group …".
_AFFILIATION = re.compile(r"(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
                          rf"\s+(?P<words>(?:of|from|at)\s+(?:the\s|[A-Z])(?:[^,.;:“”\"]|{_INNER_PERIOD}){{1,{AFTER}}})")
# An affiliation ends where a verb or a clause starts ("of Missouri | told reporters …").
_VERB_CUT = re.compile(r"\s(?:who|which|that|has|have|had|is|was|were|will|would|said|says|told|tells|added|wrote)\b"
                      r"|\sin\s+(?:the\s+)?[A-Z]")  # "of Mount Sinai | in New York City": a place, not the body
# An apposition ends at a dash (an aside) or a relative clause: "a security policy expert at the Heritage
# Foundation| who believes the U.S. should …", "most nations negotiating the treaty|—which include Russia".
_APPOSITION_END = re.compile(r"\s*[—–―]|\s+--?\s|\s(?:who|which|that|whose|where|when)\b")
# A quantifier opens no person's apposition: "notes Bromund, most nations negotiating the treaty …" is
# what he notes.
_QUANTIFIED = re.compile(r"(?:most|many|some|all|several|both|few|each|every|none|no|other|others|these|those)\b",
                         re.IGNORECASE)
# A second apposition is read when it describes: "…, a coalition of liberal advocacy groups".
_DESCRIPTION = re.compile(r"(?:a|an|the|one of)\s")
# "GOP Sens. Ron Johnson of Wisconsin and Richard Burr": a plural title, then a list of names ending at the mention.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
_LISTED = re.compile(rf"(?P<title>\S+s\.?)\s+(?:{_NAME}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+(?:[A-Z][\w.'’-]*\s+)*$")


def mention_context(document: Document, name: str, mentions: int = 3) -> tuple[list[str], list[str]]:
    """What stands next to the first ``mentions`` mentions of ``name``: appositions, and the words before each.

    The words before a mention are read within its sentence ("Health
    Secretary Kathleen …"); a headline's mention has no title, so more than
    the first mention is read.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Officials met. Jane Doe, a nurse from Ohio, said no.\\n\\nOhio Gov. Jane Doe left.")
    >>> mention_context(doc, "Jane Doe")
    (['a nurse from Ohio'], ['', 'Ohio Gov.'])
    """
    appositions: list[str] = []
    before: list[str] = []
    body = document.body
    at = body.find(name) if name else -1
    while at >= 0 and len(before) < mentions:
        before.extend(_words_before(document, at))
        end = at + len(name)
        appositions.extend(_words_after(body, end))
        at = body.find(name, end)
    return appositions, before


def _words_before(document: Document, at: int) -> list[str]:
    """The words before a mention that may hold its title, nearest first (see :func:`mention_context`)."""
    body = document.body
    sentence_start = _title_sentence_start(document, at)
    parts = _TITLE_BEFORE.split(body[max(sentence_start, at - BEFORE) : at])
    out = [parts[-1].strip()]
    if len(parts) > 1 and not parts[-1].strip() and _TITLE_FIRST.match(parts[-2]):
        out.append(parts[-2].strip())  # "The mayor of Washington, Muriel Bowser, …"
    wide = max(sentence_start, at - 2 * BEFORE)
    # A list of names needs "and" or a comma before the mention: most mentions skip the search.
    listed = _LISTED.search(body, wide, at) if " and " in body[wide:at] or "," in body[wide:at] else None
    if listed:
        out.append(_TITLE_BEFORE.split(body[wide : listed.end("title")])[-1])
    return out


def _words_after(body: str, end: int) -> list[str]:
    """The descriptions after a mention ending at ``end``: appositions, a copula's, an "of …" affiliation.

    The rest of a name is skipped ("Sohn| Yong-woo, a professor"); a second
    apposition that opens with an article is read too ("…, director of Win
    Without War, a coalition of advocacy groups").
    """
    end = _NAME_REST.match(body, end).end()
    out = []
    for pattern in (_APPOSITION, _PARENTHESIS, _COPULA, _AFFILIATION):
        after = pattern.match(body, end)
        words = _description(after.group("words")) if after else ""
        words = _VERB_CUT.split(words, maxsplit=1)[0] if pattern is _AFFILIATION else words
        if pattern is _APPOSITION:
            words = "" if _QUANTIFIED.match(words) else _APPOSITION_END.split(words, maxsplit=1)[0]
        if words and not _CLAUSE.match(words) and not _THOUSANDS.match(body, after.end()):
            out.append(words.strip())
            # "…, director of Win Without War, a coalition …"; "Bob Corker of Tennessee, the ranking Republican …".
            more = _APPOSITION.match(body, after.end()) if pattern in (_APPOSITION, _AFFILIATION) else None
            if more and _DESCRIPTION.match(more.group("words")):
                out.append(more.group("words").strip())
    return out


def _description(words: str) -> str:
    """``words`` without the relative-clause opener that only introduces a description ("who was", "who heads").

    >>> _description("who heads the Cato Institute"), _description("a former agent who heads a lab")
    ('the Cato Institute', 'a former agent who heads a lab')
    """
    words = _WORKPLACE.sub("", words, count=1) if _WORKPLACE.match(words) else words
    return _DESCRIBING.sub("", words, count=1)


def _title_sentence_start(document: Document, at: int) -> int:
    """Where the sentence of ``at`` starts, or the one before when the split followed a title ("Sens.")."""
    sentence = document.sentence_at(at)
    start = sentence.start if sentence else 0
    if start and _TITLE_STOP.search(document.body, max(0, start - 8), start):
        before = document.sentence_at(max(0, start - 2))
        return before.start if before else start
    return start


Context = tuple[list[str], list[str]]


def speaker_role(lexicon: RoleLexicon, sources: Iterable[str], context: Context | Callable[[], Context] = ([], []),
                 *, registry_role: str = "", note: str = "", kind: str = "", anonymous: bool = False,
                 name: str = "") -> str:
    """The role of one speaker from its registry role, its source phrases, its mentions and its kind.

    Parameters
    ----------
    sources : the speaker's source phrases in the article, as written.
    context : :func:`mention_context` of its name (nothing for a pronoun or a group), or a function
        that gives it: read only when the registry and the source phrases leave the role open.
    registry_role, note : the registry actor's role and note, if any.
    kind : the speaker's kind (person, institution, media, group, role, unresolved).
    name : the name the speaker is resolved to, if any ("Alberto Cairo" for the source "Cairo").

    Examples
    --------
    >>> lexicon = RoleLexicon.load()
    >>> speaker_role(lexicon, ["Smith"], (["a spokeswoman for the agency"], ["Republicans met"]), kind="person")
    'government'
    >>> speaker_role(lexicon, ["critics"], kind="group", anonymous=True)
    'anonymous'
    >>> speaker_role(lexicon, ["a NATO source"], kind="group", anonymous=True)
    'anonymous'
    >>> speaker_role(lexicon, ["they"], kind="unresolved")
    'unknown'
    """
    titled = (text.split(",", 1)[0] for text in _without_clauses(sources))  # not an apposition: another's titles
    if registry_role == "government" and (_first_role(lexicon, titled, "first") == "politician"
                                          or kind == "person" and _titles_say(lexicon, context) == "politician"):
        # "Sen. Jeff Sessions" before he was attorney general: the article's title is its date's.
        return "politician"
    if registry_role:
        return registry_role
    if any(lexicon.is_camp(text) for text in sources):
        return "media"  # "The left argues …": its commentators
    if anonymous and any(lexicon.has_role_word("anonymous", text) for text in sources):
        return "anonymous"  # "a NATO source": unnamed first, whoever it speaks for
    if (not name or lexicon.is_state(name)) and any(lexicon.is_state(text) for text in sources):
        # "Iran said", "California sued": a state speaks through its government; "Cairo says" of a speaker
        # resolved to Alberto Cairo is a person with a state's name.
        return "government"
    found = _source_role(lexicon, sources, context)
    if found:
        return found
    appositions, before = context() if callable(context) else context
    # The nearest words first: the source phrase, an age, the appositions, the titles before a mention, the note.
    if any(_AGE.fullmatch(a) for a in appositions):
        return "citizen"
    # A past capacity ("McCarthy, a former Army Ranger") gives way to a title held now ("Army Secretary Ryan
    # McCarthy"); with no title before the name it still tells (rule 4: a former official is expert).
    current = [text for text in appositions if not _PAST.match(text)]
    found = _first_role(lexicon, current, "first")
    found = found or next((role for text in before if text and (role := lexicon.title_role(text))), None)
    found = found or _first_role(lexicon, [text for text in appositions if _PAST.match(text)], "first")
    found = found or _first_role(lexicon, [note], "first")
    if found:
        return found
    if kind == "media":
        return "media"
    # "A full 30 percent said": a share of a group named before, which pronoun_role reads.
    return "anonymous" if anonymous and not any(lexicon.is_share(text) for text in sources) else UNKNOWN_ROLE


def _source_role(lexicon: RoleLexicon, sources: Iterable[str], context: Context | Callable[[], Context]) -> str | None:
    """The role the source phrases give; a past capacity there gives way to an apposition held now.

    >>> _source_role(RoleLexicon.load(), ["Former Senate aide Mike Davis"], (["a group called Article III"], []))
    'advocacy'
    """
    described = [text for text in _without_clauses(sources) if _role_in(lexicon, text, "first")]
    if described and all(_PAST.match(text) for text in described):
        # "Former senior Republican Senate aide Mike Davis, who runs a group called …": what he does now tells.
        now = [own_title(text) for text in (context() if callable(context) else context)[0] if not _PAST.match(text)]
        described = [*now, *described]
    return _first_role(lexicon, described, "first")


def _titles_say(lexicon: RoleLexicon, context: Context | Callable[[], Context]) -> str | None:
    """The one role the article's titles for a person give (its own titles held now, before a mention or after).

    Not a given name ("Attorney General Bill": no bill), nor another's title in an apposition ("President
    Obama's deputy adviser", "a top adviser to President Obama"; :func:`.body_names.own_title`).

    >>> _titles_say(RoleLexicon.load(), ([], ["Trump's campaign manager", "", "the Republican Kellyanne"]))
    'politician'
    >>> _titles_say(RoleLexicon.load(), (["President Obama's deputy adviser"], ["Attorney General Bill"]))
    'government'
    """
    appositions, before = context() if callable(context) else context
    found = {_first_role(lexicon, [own_title(text)], "first") for text in appositions if not _PAST.match(text)}
    found |= {lexicon.title_role(without_given_names(text)) for text in before if text}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _without_clauses(sources: Iterable[str]) -> Iterator[str]:
    """Each source phrase up to a relative clause ("Smith, who …"): the words that describe the speaker."""
    return (_CLAUSE_AFTER.split(text)[0] for text in sources)


def _first_role(lexicon: RoleLexicon, texts: Iterable[str], nearest: str) -> str | None:
    """The role found in the first of ``texts`` that has one."""
    return next((found for text in texts if text and (found := _role_in(lexicon, text, nearest))), None)


def _role_in(lexicon: RoleLexicon, text: str, nearest: str) -> str | None:
    """``lexicon.role_in(text, nearest)``, each answer kept: a pure function of the text, and many texts
    recur within an article and across articles ("a spokesman for the company", "President")."""
    held, found = _ROLES_IN
    if held is not lexicon or len(found) > _MAX_ROLES_KEPT:
        found = {}
        _ROLES_IN[:] = [lexicon, found]
    key = (text, nearest)
    if key not in found:
        found[key] = lexicon.role_in(text, nearest)
    return found[key]


# The role lexicon whose role_in answers are kept, and the answers by (text, nearest); bounded.
_ROLES_IN: list = [None, {}]
_MAX_ROLES_KEPT = 50_000


def person_context(document: Document, name: str) -> tuple[list[str], list[str]]:
    """:func:`mention_context` of the full name, then of the surname alone ("Stewart" for "Jon Stewart").

    A speaker known by a surname alone ("Krammer said") is read where the
    article gives the full name first ("virologist Florian Krammer").

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "“No,” says virologist Florian Krammer of the Icahn School. Krammer agreed.")
    >>> person_context(doc, "Krammer")[1][0]
    'virologist'
    """
    held, known = _CONTEXTS.get(id(document), (None, {}))
    if held is not document:
        known = {}
        _CONTEXTS.clear()  # one article at a time; holding it keeps its id from being reused
        _CONTEXTS[id(document)] = (document, known)
    if name not in known:
        known[name] = _person_context(document, name)
    appositions, before = known[name]
    return list(appositions), list(before)


# The person contexts of the article being scored, read once: its roles and its sides
# (scorer.context_sides) both ask for them.
_CONTEXTS: dict[int, tuple[Document, dict[str, Context]]] = {}


def _person_context(document: Document, name: str) -> Context:
    # "Mr. Chaffetz’s speculation": the person is Chaffetz.
    name = re.sub(r"['’]s$", "", name) if name[:1].isupper() else name
    name = _full_name(document.body, name) if " " not in name else name
    appositions, before = mention_context(document, name)
    surname = name.split()[-1] if " " in name else ""
    if surname and surname[0].isupper():
        more_appositions, more_before = mention_context(document, surname)
        appositions, before = appositions + more_appositions, before + more_before
    return appositions, before


# A first name (and an initial) right before a surname: "Florian |Krammer", "John Q. |Public".
_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][a-z][\w'’-]*)(?:\s+[A-Z]\.)?\s+$")


def _full_name(body: str, surname: str) -> str:
    """The first full name in ``body`` that ends with ``surname`` ("Florian Krammer"), else ``surname``.

    >>> _full_name("Sen. Rand Paul (R-Ky.) spoke. Paul left.", "Paul"), _full_name("Mr. Paul left.", "Paul")
    ('Rand Paul', 'Paul')
    """
    if not surname[:1].isupper():
        return surname
    at = body.find(surname)
    while at >= 0:
        end = at + len(surname)
        first = _FIRST_NAME_BEFORE.search(body, max(0, at - 40), at)
        if first and not body[end : end + 1].isalnum() and first.group(1).lower() not in TITLES \
                and first.group(1).lower() not in STOPWORDS:
            return body[first.start() : end]
        at = body.find(surname, end)
    return surname


def speaker_roles(lexicon: RoleLexicon, document: Document, speakers: Sequence[tuple[object, str]],
                  describe: Mapping[object, tuple[str, str, str, bool, str]],
                  known: Callable[[str], str] | None = None) -> dict[object, str]:
    """One role per speaker of an article.

    ``speakers`` pairs each attribution's speaker key with its source phrase;
    ``describe`` gives for a key (name, kind, registry role, anonymous, note);
    ``known`` the registry role of a person by name ("" when none), for the
    person a spokesperson or adviser speaks for.
    """
    phrases: dict[object, list[str]] = {}
    for key, source in speakers:
        phrases.setdefault(key, [])
        if source and source not in phrases[key]:
            phrases[key].append(source)
    out = {}
    for key, sources in phrases.items():
        name, kind, registry_role, anonymous, note = describe[key]
        context = partial(person_context, document, name) if kind in ("person", "institution") else ([], [])
        out[key] = speaker_role(lexicon, sources, context, registry_role=registry_role, note=note,
                                kind=kind, anonymous=anonymous, name=name)
        owned = not registry_role and owner_role(lexicon, document, sources)
        if owned:
            out[key] = owned  # "The Speech First president": the body speaks, the generic title says little
        if out[key] == UNKNOWN_ROLE and kind in ("person", "institution"):
            appositions, before = person_context(document, name)
            out[key] = principal_role(lexicon, document, [*sources, *appositions, *before], known)
        if out[key] == UNKNOWN_ROLE:
            # A body known by a short name, or the body before a person's generic title ("TransAsia chief").
            shorts = sources if kind != "person" else [title_owner(lexicon, text) for text in context()[1]]
            out[key] = next((role for text in shorts if (role := full_name_role(lexicon, document.body, text))),
                            UNKNOWN_ROLE)
    return out


def owner_role(lexicon: RoleLexicon, document: Document, sources: Iterable[str]) -> str | None:
    """The role of a body whose generic title a source phrase ends with, when only the article tells it.

    "The Speech First president" is a body's president: a generic title says little (rule 3), and a
    body whose name holds no role word is read where the article describes it ("Speech First, an
    advocacy group") or names it in full (:func:`full_name`).

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "Speech First, an advocacy group, sued. The Speech First president said no.")
    >>> owner_role(RoleLexicon.load(), doc, ["The Speech First president"])
    'advocacy'
    """
    for text in sources:
        owner = title_owner(lexicon, text)
        if owner and not lexicon.role_in(owner):
            found = _first_role(lexicon, mention_context(document, owner)[0], "first") \
                or full_name_role(lexicon, document.body, owner)
            if found:
                return found
    return None


def principal_role(lexicon: RoleLexicon, document: Document, descriptions: Iterable[str],
                   known: Callable[[str], str] | None = None) -> str:
    """The role of the person a spokesperson or aide speaks for, read where the article names that person.

    "Doug Heye, a spokesman for Cantor": Cantor's role ("House Majority
    Leader Eric Cantor" elsewhere: politician), else unknown.  "Longtime
    Trump adviser Roger Stone": Trump's, which ``known`` (the registry) may
    give when the article gives him no title.

    >>> from framing.document.parse import build_document
    >>> doc = build_document("x", "House Majority Leader Eric Cantor met. Doug Heye, a spokesman for Cantor, said no.")
    >>> principal_role(RoleLexicon.load(), doc, ["a spokesman for Cantor"])
    'politician'
    """
    for text in descriptions:
        principal = lexicon.principal(text)
        if principal:
            role = (known(principal) if known else "") or speaker_role(
                lexicon, [principal], person_context(document, principal), kind="person")
            if role != UNKNOWN_ROLE:
                return role
    return UNKNOWN_ROLE

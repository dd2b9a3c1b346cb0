"""Reporting cues: the verb list with its classes, loaded once into a word-token lookup.

The data lives in ``framing/data/reporting_verbs.toml``: each verb has a class
(neutral, emphatic, distancing, endorsing) and a note.  :class:`CueLexicon`
turns it into a table from each written form to its :class:`CueVerb` and finds
cues on the Document's word tokens (one dictionary look-up per token).

Examples
--------
>>> lexicon = CueLexicon.load()
>>> lexicon.lookup("warned").lemma, lexicon.lookup("warned").verb_class
('warn', 'emphatic')
>>> lexicon.lookup("Pointed out").form_type
'past'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from framing.datafiles import line_of, load_toml
from framing.document.parse import Document
from framing.errors import DataFileError

VERB_CLASSES = ("neutral", "emphatic", "distancing", "endorsing", "belief", "stance")
VERBS_FILE = "reporting_verbs.toml"


@dataclass(frozen=True)
class CueVerb:
    """One written form of a reporting cue."""

    form: str
    lemma: str
    verb_class: str
    note: str
    strict: bool
    form_type: str  # "base", "present", "past", "ing" or "phrase"
    noun_content: bool = False  # "criticized the plan": a noun phrase can be the content
    infinitive: bool = False  # "wants to win": a "to" clause can be the content
    not_before: tuple[str, ...] = ()  # words after which the verb is no cue ("shows no sign of")


def regular_forms(lemma: str) -> list[str]:
    """The regular written forms of an English verb (phrasal verbs inflect the first word).

    Examples
    --------
    >>> regular_forms("warn")
    ['warn', 'warns', 'warned', 'warning']
    >>> regular_forms("state")
    ['state', 'states', 'stated', 'stating']
    >>> regular_forms("deny")
    ['deny', 'denies', 'denied', 'denying']
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return [head + tail, third + tail, past + tail, ing + tail]


def _form_type(form: str, lemma: str) -> str:
    head = form.split(" ")[0]
    lemma_head = lemma.split(" ")[0]
    if head == lemma_head:
        return "base"
    if head.endswith("ing"):
        return "ing"
    if head.endswith("s") and not lemma_head.endswith("s"):
        return "present"
    return "past"


class CueLexicon:
    """Reporting cues compiled into one matcher, with a form → verb table."""

    def __init__(self, verbs: dict[str, CueVerb]):
        self.verbs = verbs
        # Cues are found on the Document's word tokens: first word -> the
        # cue's words, longest first, so "pointed out" wins over "pointed".
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for form in sorted(verbs, key=lambda f: (-len(f.split()), f)):
            words = tuple(form.split())
            self._by_first.setdefault(words[0], []).append(words)

    def find(self, document: Document) -> Iterator[tuple[int, int, CueVerb]]:
        """Every cue in ``document`` as (start, end, verb), in text order.

        Examples
        --------
        >>> from framing.document.parse import build_document
        >>> doc = build_document("x", "He pointed out, according to TASS, that ...")
        >>> [(doc.body[s:e], v.lemma) for s, e, v in CueLexicon.load().find(doc)]
        [('pointed out', 'point out'), ('according to', 'according to')]
        """
        tokens, spans, by_first = document.tokens, document.token_spans, self._by_first
        n = len(tokens)
        i = 0
        while i < n:
            candidates = by_first.get(tokens[i])
            if candidates is not None:
                for words in candidates:
                    end = i + len(words)
                    if end <= n and (len(words) == 1 or tuple(tokens[i:end]) == words):
                        yield spans[i][0], spans[end - 1][1], self.verbs[" ".join(words)]
                        i = end - 1
                        break
            i += 1

    def one_word_forms(self, include_strict: bool = False) -> frozenset[str]:
        """Every one-word written form of the cues (``said``, ``warns``), strict verbs only when asked.

        >>> forms = CueLexicon.load().one_word_forms()
        >>> "said" in forms, "showed" in forms, "pointed" in forms
        (True, False, False)
        """
        key = "_forms_all" if include_strict else "_forms"
        if key not in self.__dict__:
            self.__dict__[key] = frozenset(form for form, verb in self.verbs.items()
                                           if " " not in form and (include_strict or not verb.strict))
        return self.__dict__[key]

    def lookup(self, written: str) -> CueVerb | None:
        """The cue for a written form (case and inner spacing ignored)."""
        return self.verbs.get(" ".join(written.lower().split()))

    @classmethod
    def load(cls, source: str | Path = VERBS_FILE) -> CueLexicon:
        """Read and validate a reporting-verb file (the packaged one by default)."""
        data, text, label = load_toml(source)
        verbs: dict[str, CueVerb] = {}
        for table in ("verb", "phrase"):
            entries = data.get(table, [])
            if not isinstance(entries, list):
                raise DataFileError(f"{label}: [{table}] must be an array of tables — write [[{table}]]")
            for entry in entries:
                for verb in _validate_entry(entry, table, text, label):
                    if verb.form in verbs and verbs[verb.form].lemma != verb.lemma:
                        line = line_of(text, f'lemma = "{verb.lemma}"')
                        raise DataFileError(
                            f"{label}, line {line}: entry {verb.lemma!r}: form {verb.form!r} is "
                            f"already a form of {verbs[verb.form].lemma!r} — keep it in one entry"
                        )
                    verbs[verb.form] = verb
        if not verbs:
            raise DataFileError(f"{label}: no [[verb]] entries — add at least one")
        return cls(verbs)


class _EntryProblem(ValueError):
    """What is wrong with an entry; :func:`_validate_entry` adds the file and line."""


def _validate_entry(entry: dict, table: str, text: str, label: str) -> list[CueVerb]:
    lemma = entry.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip():
        raise DataFileError(f'{label}: a [[{table}]] entry has no lemma — add lemma = "..."')
    try:
        return _entry_verbs(entry, table, lemma)
    except _EntryProblem as problem:
        # The line is looked up only for a message: a search of the file per entry was a tenth of start-up.
        line = line_of(text, f'lemma = "{lemma}"')
        raise DataFileError(f"{label}, line {line}: {problem}") from None


def _entry_verbs(entry: dict, table: str, lemma: str) -> list[CueVerb]:
    """The cues of a valid entry whose lemma is ``lemma``; :class:`_EntryProblem` for an invalid one."""
    verb_class = entry.get("class")
    if verb_class not in VERB_CLASSES:
        raise _EntryProblem(
            f"entry {lemma!r}: class {verb_class!r} is not one of {', '.join(VERB_CLASSES)} — use one of them"
        )
    note = entry.get("note")
    if not isinstance(note, str) or not note.strip():
        raise _EntryProblem(f"entry {lemma!r}: note is missing — say why the verb is {verb_class}")
    forms = entry.get("forms")
    if forms is None:
        forms = regular_forms(lemma) if table == "verb" else [lemma]
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
        raise _EntryProblem(f'entry {lemma!r}: forms must be a list of words — e.g. forms = ["say", "said"]')
    flags = {}
    for flag in ("strict", "noun_content", "infinitive"):
        flags[flag] = entry.get(flag, False)
        if not isinstance(flags[flag], bool):
            raise _EntryProblem(
                f"entry {lemma!r}: {flag} must be true or false — write {flag} = true or {flag} = false"
            )
    unknown = set(entry) - {"lemma", "class", "note", "forms", "strict", "noun_content", "infinitive", "not_before"}
    if unknown:
        raise _EntryProblem(f"entry {lemma!r}: unknown key(s) {sorted(unknown)} — remove them")
    idioms = _idioms(entry, lemma)
    out = []
    for form in forms:
        norm = " ".join(form.lower().split())
        form_type = "phrase" if table == "phrase" else _form_type(norm, lemma.lower())
        out.append(
            CueVerb(norm, lemma.lower(), verb_class, note.strip(), form_type=form_type, not_before=idioms, **flags)
        )
    return out


def _idioms(entry: dict, lemma: str) -> tuple[str, ...]:
    """The entry's ``not_before`` words, lowercased with single spaces (none when absent)."""
    not_before = entry.get("not_before", [])
    if not isinstance(not_before, list) or not all(isinstance(w, str) and w.strip() for w in not_before):
        raise _EntryProblem(
            f'entry {lemma!r}: not_before must be a list of words — e.g. not_before = ["no sign"]'
        )
    return tuple(" ".join(w.lower().split()) for w in not_before)

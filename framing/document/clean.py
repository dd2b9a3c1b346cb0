"""Strip page furniture from article text and record every line removed, and why.

The rules are data (``framing/data/boilerplate.toml``); positional rules that
need context (the headline, a caption repeating a photo credit, a line of
topic tags above the headline) are here.  Lines and sentences an outlet
repeats across its articles (learned from the article set by
:mod:`framing.document.furniture`) are removed when ``clean_text`` is given
that outlet's furniture.

Examples
--------
>>> result = clean_text("Big news today\\n\\nThe minister said so on Monday.\\nComments (0)\\n")
>>> result.title, result.body
('Big news today', 'The minister said so on Monday.')
>>> [(r.reason, r.text) for r in result.removed]
[('headline', 'Big news today'), ('comment widget', 'Comments (0)')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from framing.datafiles import line_of, load_toml
from framing.document.embeds import EmbedRule, embed_rules, quoted_post
from framing.document.rule_set import Rule, RuleSet, combined_rules
from framing.errors import DataFileError

MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^)\n]*)\)")
MARKDOWN_EMPHASIS_RE = re.compile(r"\*\*|__")
HEADING_RE = re.compile(r"^#{1,6}\s+")
_KEY_SEPARATORS_RE = re.compile(r"[\W_]+")
_KEY_WORD_RE = re.compile(r"[^\W_]+")  # a word of a key: what _KEY_SEPARATORS_RE does not replace
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_SPACES_RE = re.compile(r" {2,}")
_CREDIT_SPLIT_RE = re.compile(r"\s{2,}|\b[A-Z]{2,}/")
# Two sentences run together by a lost space ("was in place.But when", "ever generated.\"The agency"):
# a word of two or more lower-case letters, the end mark (and a closing quote), a capitalised word.
# (The end mark first, the look-behind after it, so the search skips to the next end mark: see parse.SINGLE_RE.)
_JOINED_SENTENCES_RE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[.!?]*[\"”’]?(?=[A-Z][a-z])")
# A web or mail address, where such a run is part of the address ("facebook.com/Warner.Todd").
_ADDRESS_RE = re.compile(r"[/@]|www\.")
TERMINAL_PUNCTUATION = ".!?\"”’:;"
MAX_HEADLINE_WORDS = 25
# The cleaning log's reason for a line or sentence learned as the outlet's page furniture.
FURNITURE_REASON = "repeated page furniture"
# A short line an article repeats this often, as a whole line, is a label: a transcript's speaker ("michael
# barbaro" before each of his turns in a New York Times podcast transcript, "Sean Illing" in a Vox
# conversation), a table's header or a live blog's signature; prose does not repeat itself word for word.
LABEL_MIN_REPEATS = 3
LABEL_MAX_WORDS = 6
LABEL_REASON = "repeated label line"


@dataclass(frozen=True)
class Removal:
    """A line removed from the raw text: its 1-based line number, text and reason."""

    line: int
    text: str
    reason: str


@dataclass
class CleanResult:
    """The cleaned body, the headline (if one was found) and the cleaning log."""

    title: str
    body: str
    removed: list[Removal] = field(default_factory=list)


@dataclass(frozen=True)
class InlineRule:
    """A span removed from inside a line: the group ``furniture`` of ``pattern`` (or the whole match).

    ``contains`` is a literal the line must hold before the pattern is tried.
    """

    reason: str
    pattern: re.Pattern
    contains: str = ""


class FurnitureMatcher(Protocol):
    """What cleaning needs of an outlet's learned furniture (:class:`framing.document.furniture.OutletFurniture`)."""

    def furniture_spans(self, text: str) -> list[tuple[int, int]]: ...


@lru_cache(maxsize=1)
def packaged_boilerplate() -> tuple[dict[str, Any], str, str]:
    """``boilerplate.toml``, read once: its data, text (for line numbers) and label."""
    return load_toml("boilerplate.toml")


@lru_cache(maxsize=1)
def packaged_rules() -> tuple[Rule, ...]:
    """The boilerplate rules shipped with framing, compiled once."""
    data, text, label = packaged_boilerplate()
    return tuple(Rule(reason, compiled, _contains_any(entry, text, label, number))
                 for number, (reason, compiled, entry) in
                 enumerate(_compiled_entries(data.get("rule", []), text, label, "rule", r"(?:{})\Z"), start=1))


def _contains_any(entry: dict[str, Any], text: str, label: str, number: int) -> tuple[str, ...]:
    """A rule's ``contains_any``: non-empty lower-case literals (a line holding none is not tried)."""
    literals = entry.get("contains_any", [])
    if not isinstance(literals, list) or not all(
            isinstance(literal, str) and literal and literal == literal.lower() for literal in literals):
        line = line_of(text, str(entry.get("pattern"))[:30]) or 0
        raise DataFileError(f"{label}, line {line}: rule {number}: contains_any must be a list of non-empty "
                            f"lower-case strings, not {literals!r} — write e.g. contains_any = [\"/\", \":\"]")
    return tuple(literals)


@lru_cache(maxsize=1)
def packaged_inline_rules() -> tuple[InlineRule, ...]:
    """The inline rules shipped with framing (``[[inline]]``), compiled once."""
    data, text, label = packaged_boilerplate()
    return tuple(InlineRule(reason, compiled, entry.get("contains", "")) for reason, compiled, entry in
                 _compiled_entries(data.get("inline", []), text, label, "inline", "{}"))


@lru_cache(maxsize=1)
def packaged_embed_rules() -> tuple[EmbedRule, ...]:
    """The embedded-post rules shipped with framing (``[[embed]]``, :mod:`framing.document.embeds`), compiled once."""
    return embed_rules(*packaged_boilerplate())


def _compiled_entries(entries: list[dict[str, Any]], text: str, label: str, table: str,
                      template: str) -> list[tuple[str, re.Pattern, dict[str, Any]]]:
    """Each ``[[table]]`` entry's reason and compiled pattern, with the file and line in errors."""
    compiled_entries = []
    for number, entry in enumerate(entries, start=1):
        reason, pattern = entry.get("reason"), entry.get("pattern")
        line = line_of(text, str(pattern)[:30]) if pattern else 0
        if not isinstance(reason, str) or not isinstance(pattern, str):
            raise DataFileError(f"{label}, line {line}: {table} {number} needs a reason and a pattern — "
                                f'add reason = "..." and pattern = \'...\' to the [[{table}]]')
        flags = 0 if entry.get("case") else re.IGNORECASE
        try:
            compiled = re.compile(template.format(pattern), flags)
        except re.error as error:
            raise DataFileError(f"{label}, line {line}: {table} {number}: bad pattern ({error}) — fix the "
                                "regular expression (write it in single quotes so backslashes stay literal)") from None
        compiled_entries.append((reason, compiled, entry))
    return compiled_entries


def normalise(line: str) -> str:
    """A line as compared with rules and titles: no Markdown marks, folded space.

    Examples
    --------
    >>> normalise("  ## **Breaking**   news ")
    'Breaking news'
    """
    return " ".join(_without_markdown(line.strip()).split())


def _without_markdown(line: str) -> str:
    """``line`` without a heading mark and bold marks (the patterns only run where they can match)."""
    if line.startswith("#"):
        line = HEADING_RE.sub("", line)
    if "**" in line or "__" in line:
        line = MARKDOWN_EMPHASIS_RE.sub("", line)
    return line


def _key(text: str) -> str:
    return _KEY_SEPARATORS_RE.sub(" ", text.lower()).strip()


def _first_key_word(text: str) -> str:
    """The first word of ``_key(text)`` ("" when the key is empty), read without making the whole key.

    >>> _first_key_word("  “Breaking” — news"), _key("  “Breaking” — news"), _first_key_word("—")
    ('breaking', 'breaking news', '')
    """
    found = _KEY_WORD_RE.search(text.lower())
    return found.group() if found else ""


def _could_match_key(text: str, keys: Iterable[str]) -> bool:
    """Whether ``_key(text)`` may be one of ``keys``: a key starts with the same word.

    Most lines are body paragraphs that share no first word with the headline or a caption: their
    whole key (a substitution over the paragraph) is not made.
    """
    first = _first_key_word(text)
    return any(key.split(" ", 1)[0] == first for key in keys)


def clean_text(raw: str, title: str = "", rules: tuple[Rule, ...] | None = None,
               furniture: FurnitureMatcher | None = None,
               inline_rules: tuple[InlineRule, ...] | None = None) -> CleanResult:
    """Remove boilerplate lines from ``raw``; keep the headline apart as the title.

    Parameters
    ----------
    raw : str
        The article as read (line breaks normalised to ``\\n``).
    title : str
        The title from metadata, if any; a line repeating it is removed.
    rules, inline_rules
        Line and inline rules (default: those of ``boilerplate.toml``).
    furniture : FurnitureMatcher, optional
        The outlet's learned page furniture: lines and sentences it finds are
        removed with the reason ``FURNITURE_REASON``.
    """
    rules = packaged_rules() if rules is None else rules
    inline_rules = packaged_inline_rules() if inline_rules is None else inline_rules
    lines = raw.split("\n")
    texts = [normalise(line) for line in lines]  # each line normalised once, for the labels and the rules
    context = _LineContext(lines, _key(title), combined_rules=combined_rules(rules), labels=_repeated_keys(texts))
    removed: list[Removal] = []
    kept: list[tuple[int, str]] = []
    for number, (line, text) in enumerate(zip(lines, texts), start=1):
        if not text:
            kept.append((number, ""))
            continue
        spans = furniture.furniture_spans(text) if furniture is not None else []
        reason = _line_reason(text, number, kept, spans, context)
        if reason:
            removed.append(Removal(number, line.strip(), reason))
            continue
        kept.append((number, _as_quoted_post(_kept_line(line, text, number, spans, inline_rules, removed),
                                             number, removed)))
    body = "\n".join(text for _, text in kept)
    body = _BLANK_LINES_RE.sub("\n\n", body).strip()
    return CleanResult(title=title or context.found_title, body=body, removed=removed)


@dataclass
class _LineContext:
    """What the positional rules know of the article so far."""

    lines: list[str]
    title_key: str
    found_title: str = ""
    found_key: str = ""  # _key(found_title), made once
    body_seen: bool = False  # whether a kept line has text (kept lines only grow, so it stays so)
    credit_captions: set[str] = field(default_factory=set)
    # The rules as a RuleSet (see combined_rules), looked up once per text, not per line.
    combined_rules: RuleSet = field(default_factory=lambda: RuleSet(()))
    labels: frozenset[str] = frozenset()


def repeated_labels(lines: list[str]) -> frozenset[str]:
    """The short lines (keys) that ``lines`` repeat at least ``LABEL_MIN_REPEATS`` times: labels, not prose.

    A short line has at most ``LABEL_MAX_WORDS`` words and no closing punctuation.

    >>> transcript = ["michael barbaro", "Hey.", "mark landler", "How are you?", "michael barbaro",
    ...               "Good.", "mark landler", "Same to you.", "michael barbaro", "Yeah."]
    >>> sorted(repeated_labels(transcript))
    ['michael barbaro']
    """
    return _repeated_keys([normalise(line) for line in lines])


def _repeated_keys(texts: list[str]) -> frozenset[str]:
    """:func:`repeated_labels` of lines already normalised."""
    counts = Counter(_key(text) for text in texts
                     if text and len(text.split()) <= LABEL_MAX_WORDS and text[-1] not in TERMINAL_PUNCTUATION)
    return frozenset(key for key, n in counts.items() if key and n >= LABEL_MIN_REPEATS)


def _line_reason(text: str, number: int, kept: list[tuple[int, str]],
                 spans: list[tuple[int, int]], context: _LineContext) -> str | None:
    """Why the whole line goes (a rule, learned furniture, its position), or None when it stays."""
    reason = context.combined_rules.reason(text)
    if reason == "photo credit":
        context.credit_captions.add(_key(_CREDIT_SPLIT_RE.split(text)[0]))
    elif reason is None and spans == [(0, len(text))]:
        reason = FURNITURE_REASON
    elif reason is None and context.labels and _could_match_key(text, context.labels) and _key(text) in context.labels:
        reason = LABEL_REASON
    elif reason is None:
        reason = _positional_reason(text, number, kept, context)
        if reason == "headline" and not context.found_title:
            context.found_title, context.found_key = text, _key(text)
    return reason


def _kept_line(line: str, text: str, number: int, spans: list[tuple[int, int]],
               inline_rules: tuple[InlineRule, ...], removed: list[Removal]) -> str:
    """The line as kept: Markdown marks and links unwrapped, furniture sentences and inline links cut out."""
    cuts = [(start, end, FURNITURE_REASON) for start, end in spans] + _inline_cuts(text, inline_rules)
    if cuts:
        kept = _cut(text, cuts, number, removed)
    else:
        kept = _without_markdown(line.strip())
    kept = MARKDOWN_LINK_RE.sub(r"\1", kept) if "](" in kept else kept
    return separate_sentences(kept)


def _as_quoted_post(text: str, number: int, removed: list[Removal]) -> str:
    """``text``, or the embedded post it is as its author's quotation (see :mod:`framing.document.embeds`)."""
    for rule in packaged_embed_rules():
        found = quoted_post(text, rule)
        if found is not None:
            removed.extend(Removal(number, piece, rule.reason) for piece in found.cut)
            return found.text
    return text


def separate_sentences(text: str) -> str:
    """``text`` with a space put back between sentences that lost theirs, outside web addresses.

    Scraped articles often lose the space after a full stop; the two
    sentences would then be read as one and their joining word as one token.

    >>> separate_sentences('It was in place.But when asked, he said "no."The agency at facebook.com/Warner.Todd')
    'It was in place. But when asked, he said "no." The agency at facebook.com/Warner.Todd'
    """
    if not _JOINED_SENTENCES_RE.search(text):
        return text
    return _JOINED_SENTENCES_RE.sub(lambda m: m.group() if _in_address(text, m.start()) else _spaced(text, m), text)


def _spaced(text: str, match: re.Match) -> str:
    """The joint with its space: after a closing mark, or before a straight quote that opens the next sentence.

    'attack Obamacare."Republicans voted …," Obama said': the paragraph's last straight quote before the
    mark closed a quotation (or there is none), so this one opens the next.

    >>> separate_sentences('He left."Republicans voted," Obama said. She said "no."The agency')
    'He left. "Republicans voted," Obama said. She said "no." The agency'
    """
    joint = match.group()
    if joint.endswith('"'):
        start = text.rfind("\n", 0, match.start()) + 1
        before = text.rfind('"', start, match.start())
        if before == -1 or (before > start and not text[before - 1].isspace() and text[before - 1] not in "(—–"):
            return joint[:-1] + ' "'
    return joint + " "


def _in_address(text: str, at: int) -> bool:
    """Whether the word run (no white space) around ``at`` is a web or mail address."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    return bool(_ADDRESS_RE.search(text, start, len(text) if end < 0 else end))


def _inline_cuts(text: str, inline_rules: tuple[InlineRule, ...]) -> list[tuple[int, int, str]]:
    cuts = []
    for rule in inline_rules:
        if rule.contains and rule.contains not in text:
            continue
        for found in rule.pattern.finditer(text):
            group = "furniture" if "furniture" in rule.pattern.groupindex else 0
            cuts.append((*found.span(group), rule.reason))
    return cuts


def _cut(text: str, cuts: list[tuple[int, int, str]], number: int, removed: list[Removal]) -> str:
    """``text`` without the spans in ``cuts`` (the first of overlapping spans wins); each is logged."""
    pieces, position = [], 0
    for start, end, reason in sorted(cuts):
        if start < position:
            continue
        pieces.append(text[position:start])
        removed.append(Removal(number, text[start:end].strip(), reason))
        position = end
    pieces.append(text[position:])
    return _SPACES_RE.sub(" ", "".join(pieces)).strip()


def _positional_reason(text: str, number: int, kept: list[tuple[int, str]], context: _LineContext) -> str | None:
    title_key, found_title = context.title_key, context.found_title
    if not context.body_seen:
        context.body_seen = any(t for _, t in kept)
    has_body_before = context.body_seen
    # The line's key is made only when there is a key it may equal.
    compared = [*([title_key] if title_key else []), *([context.found_key] if found_title else []),
                *context.credit_captions]
    if compared and _could_match_key(text, compared):
        key = _key(text)
        if title_key and key == title_key:
            return "headline" if not has_body_before else "repeated headline"
        if found_title and key == context.found_key:
            return "repeated headline"
        if key in context.credit_captions:
            return "photo caption"
    words = text.split()
    if not has_body_before:
        # Lower-case only (and so in a script with case): tags like "nato russia".
        if text == text.lower() != text.upper() and len(words) <= 5 and not any(c in text for c in ".,!?:;\"“”"):
            return "topic tags"
        if not found_title and not title_key and _looks_like_headline(text, words, number, context.lines):
            return "headline"
    return None


def _looks_like_headline(text: str, words: list[str], number: int, lines: list[str]) -> bool:
    """A short line without final punctuation, followed by more text, at the top."""
    if len(words) > MAX_HEADLINE_WORDS or text[-1] in TERMINAL_PUNCTUATION:
        return False
    rest = "\n".join(lines[number:])
    return len(rest.split()) > 2 * len(words)

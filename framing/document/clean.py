"""Strip page furniture from article text and record every line removed, and why.

The rules are data (``framing/data/boilerplate.toml``); positional rules that
need context (the headline, a caption repeating a photo credit, a line of
topic tags above the headline) are here.

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
from dataclasses import dataclass, field
from functools import lru_cache

from framing.datafiles import line_of, load_toml
from framing.errors import DataFileError

MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^)\n]*)\)")
MARKDOWN_EMPHASIS_RE = re.compile(r"\*\*|__")
HEADING_RE = re.compile(r"^#{1,6}\s+")
TERMINAL_PUNCTUATION = ".!?\"”’:;"
MAX_HEADLINE_WORDS = 25


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
class Rule:
    reason: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def packaged_rules() -> tuple[Rule, ...]:
    """The boilerplate rules shipped with framing, compiled once."""
    data, text, label = load_toml("boilerplate.toml")
    rules = []
    for number, entry in enumerate(data.get("rule", []), start=1):
        reason, pattern = entry.get("reason"), entry.get("pattern")
        line = line_of(text, str(pattern)[:30]) if pattern else 0
        if not isinstance(reason, str) or not isinstance(pattern, str):
            raise DataFileError(f"{label}, line {line}: rule {number} needs a reason and a pattern — "
                                'add reason = "..." and pattern = \'...\' to the [[rule]]')
        flags = 0 if entry.get("case") else re.IGNORECASE
        try:
            compiled = re.compile(rf"(?:{pattern})\Z", flags)
        except re.error as error:
            raise DataFileError(f"{label}, line {line}: rule {number}: bad pattern ({error}) — fix the regular "
                                "expression (write it in single quotes so backslashes stay literal)") from None
        rules.append(Rule(reason, compiled))
    return tuple(rules)


def normalise(line: str) -> str:
    """A line as compared with rules and titles: no Markdown marks, folded space."""
    line = HEADING_RE.sub("", line.strip())
    line = MARKDOWN_EMPHASIS_RE.sub("", line)
    return " ".join(line.split())


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def clean_text(raw: str, title: str = "", rules: tuple[Rule, ...] | None = None) -> CleanResult:
    """Remove boilerplate lines from ``raw``; keep the headline apart as the title.

    Parameters
    ----------
    raw : str
        The article as read (line breaks normalised to ``\\n``).
    title : str
        The title from metadata, if any; a line repeating it is removed.
    """
    rules = packaged_rules() if rules is None else rules
    lines = raw.split("\n")
    removed: list[Removal] = []
    kept: list[tuple[int, str]] = []
    credit_captions: set[str] = set()
    found_title = ""
    title_key = _key(title)
    for number, line in enumerate(lines, start=1):
        text = normalise(line)
        if not text:
            kept.append((number, ""))
            continue
        reason = _rule_reason(text, rules)
        if reason == "photo credit":
            credit_captions.add(_key(re.split(r"\s{2,}|\b[A-Z]{2,}/", text)[0]))
        elif reason is None:
            reason = _positional_reason(text, number, kept, title_key, found_title, credit_captions, lines)
            if reason == "headline" and not found_title:
                found_title = text
        if reason:
            removed.append(Removal(number, line.strip(), reason))
            continue
        unmarked = MARKDOWN_EMPHASIS_RE.sub("", HEADING_RE.sub("", line.strip()))
        kept.append((number, MARKDOWN_LINK_RE.sub(r"\1", unmarked)))
    body = "\n".join(text for _, text in kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return CleanResult(title=title or found_title, body=body, removed=removed)


def _rule_reason(text: str, rules: tuple[Rule, ...]) -> str | None:
    reasons, combined = _combined(rules)
    if combined is None:
        for rule in rules:
            if rule.pattern.match(text):
                return rule.reason
        return None
    found = combined.match(text)
    return reasons[found.lastgroup] if found else None


_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\(\?P=")


@lru_cache(maxsize=8)
def _combined(rules: tuple[Rule, ...]) -> tuple[dict[str, str], re.Pattern | None]:
    """One alternation of all rules, tried in order: the first rule that matches wins, as in a loop.

    Each line was matched against every rule in turn; one compiled pattern
    does the same work in a single call.  A rule with a backreference can't
    be combined (its group numbers would shift): then None, and the loop runs.
    """
    if not rules or any(_BACKREFERENCE_RE.search(rule.pattern.pattern) for rule in rules):
        return {}, None
    parts, reasons = [], {}
    for number, rule in enumerate(rules):
        flag = "i" if rule.pattern.flags & re.IGNORECASE else "-i"
        parts.append(f"(?P<r{number}>(?{flag}:{rule.pattern.pattern}))")
        reasons[f"r{number}"] = rule.reason
    return reasons, re.compile("|".join(parts))


def _positional_reason(text: str, number: int, kept: list[tuple[int, str]], title_key: str,
                       found_title: str, credit_captions: set[str], lines: list[str]) -> str | None:
    key = _key(text)
    has_body_before = any(t for _, t in kept)
    if title_key and key == title_key:
        return "headline" if not has_body_before else "repeated headline"
    if found_title and key == _key(found_title):
        return "repeated headline"
    if key in credit_captions:
        return "photo caption"
    words = text.split()
    if not has_body_before:
        # Lower-case only (and so in a script with case): tags like "nato russia".
        if text == text.lower() != text.upper() and len(words) <= 5 and not any(c in text for c in ".,!?:;\"“”"):
            return "topic tags"
        if not found_title and not title_key and _looks_like_headline(text, words, number, lines):
            return "headline"
    return None


def _looks_like_headline(text: str, words: list[str], number: int, lines: list[str]) -> bool:
    """A short line without final punctuation, followed by more text, at the top."""
    if len(words) > MAX_HEADLINE_WORDS or text[-1] in TERMINAL_PUNCTUATION:
        return False
    rest = "\n".join(lines[number:])
    return len(rest.split()) > 2 * len(words)

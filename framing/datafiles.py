"""Read packaged data files (TOML, word lists) with importlib.resources, validated, with file and line in errors."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

from framing.errors import DataFileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def packaged_text(*parts: str) -> str:
    """The text of ``framing/data/<parts…>`` from the installed package, e.g. ``("lexicons", "x.toml")``."""
    return resources.files("framing").joinpath("data", *parts).read_text(encoding="utf-8")


def template_text(name: str) -> str:
    """The text of the report template or style file ``framing/report/templates/<name>``."""
    return resources.files("framing.report").joinpath("templates", name).read_text(encoding="utf-8")


def parse_toml(text: str, label: str) -> dict[str, Any]:
    """Parse TOML ``text``; syntax errors become :class:`DataFileError` naming ``label``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{label}: {error} — fix the TOML syntax") from None


def load_toml(source: str | Path) -> tuple[dict[str, Any], str, str]:
    """Load a packaged data file by name, or a user file by path.

    Returns the parsed data, the raw text (to find line numbers for later
    validation errors) and a label for messages.
    """
    if isinstance(source, Path) or "/" in str(source) or str(source).endswith(".toml") and Path(source).exists():
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DataFileError(f"{path}: file not found — check the path") from None
        except (UnicodeDecodeError, OSError) as error:
            raise DataFileError(f"{path}: cannot read ({error}) — save it as UTF-8 text") from None
        label = str(path)
    else:
        text = packaged_text(str(source))
        label = f"framing/data/{source}"
    return parse_toml(text, label), text, label


def line_of(text: str, needle: str) -> int:
    """1-based line number of the first line containing ``needle`` (0 if absent).

    Line breaks are those of :meth:`str.splitlines`.  Validation asks this of
    every actor of a registry as it is read, so it finds the needle once
    instead of searching line by line.

    >>> line_of('a = 1\\r\\n[topic]\\nname = "x"', 'name = "x"'), line_of("a = 1", "b")
    (3, 0)
    """
    if needle.splitlines() != [needle]:  # empty, or holding a line break: no single line holds it whole
        return next((number for number, line in enumerate(text.splitlines(), start=1) if needle in line), 0)
    at = text.find(needle)
    # The lines before the needle's, and the start of its own line up to the needle.
    return 0 if at < 0 else len((text[:at] + "x").splitlines())


def parse_word_list(text: str, label: str, max_words: int = 1) -> frozenset[str]:
    """The entries of a word list: ``#`` lines are its header (required), then one entry per line.

    Entries are lower case, at most ``max_words`` words, each listed once.

    >>> sorted(parse_word_list("# what: x; source: y\\nvery\\nso much\\n", "x.txt", max_words=2))
    ['so much', 'very']
    """
    if not text.lstrip().startswith("#"):
        raise DataFileError(f"{label}, line 1: no header — start the file with # lines saying what the "
                            "list is and where it comes from")
    entries: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = " ".join(line.split())
        if not entry or entry.startswith("#"):
            continue
        if entry != entry.lower() or len(entry.split()) > max_words:
            shape = "one lower-case word" if max_words == 1 else f"lower-case entries of at most {max_words} words"
            raise DataFileError(f"{label}, line {number}: entry {entry!r}: write {shape} per line")
        if entry in entries:
            raise DataFileError(f"{label}, line {number}: entry {entry!r}: listed twice — remove the repeat")
        entries.add(entry)
    return frozenset(entries)


def packaged_word_list(*parts: str, max_words: int = 1) -> frozenset[str]:
    """A packaged word list, e.g. ``packaged_word_list("vocabulary", "determiners.txt")``.

    >>> "the" in packaged_word_list("vocabulary", "determiners.txt")
    True
    """
    return parse_word_list(packaged_text(*parts), "framing/data/" + "/".join(parts), max_words)

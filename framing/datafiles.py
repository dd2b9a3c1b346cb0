"""Read packaged data files (TOML) with importlib.resources, validated, with file and line in errors."""

from __future__ import annotations

import re
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
    """1-based line number of the first line containing ``needle`` (0 if absent)."""
    pattern = re.compile(re.escape(needle))
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 0

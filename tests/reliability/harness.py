"""Run hostile inputs through framing and keep the counts printed at the end of the run.

Every test of the suite goes through :func:`read_and_score` (the library) or
:func:`run_cli` (the command line), so the summary counts every hostile input
tried, every article scored or skipped (and why) and every crash: an
exception escaping the library, or a CLI run ending in an undocumented way.
"""

from __future__ import annotations

import csv
import math
import re
import traceback
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from framing.cli import main
from framing.corpus.reader import CorpusReader
from framing.errors import FramingError

# The exit statuses documented in `framing --help` (see framing.cli.EXIT_STATUSES).
DOCUMENTED_EXIT_STATUSES = {0, 1, 2, 3, 4, 5, 6, 130}


@dataclass
class Tally:
    """What the reliability run tried and what came of it."""

    inputs: Counter = field(default_factory=Counter)
    scored: int = 0
    injected: int = 0  # failures caused on purpose (crash, Ctrl-C, full disk mid-run)
    read_only: int = 0  # articles read through CorpusReader only (the large-set tests)
    skipped: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)

    def tried(self, name: str, n: int = 1) -> None:
        self.inputs[name] += n

    def lines(self) -> list[str]:
        lines = [
            f"hostile inputs tried: {sum(self.inputs.values())} ({len(self.inputs)} kinds)",
            f"articles scored: {self.scored}",
            f"articles read but not scored (large-set reading tests): {self.read_only}",
            f"articles or records skipped: {sum(self.skipped.values())}",
        ]
        lines += [f"  {n:>7}  {reason}" for reason, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append(f"failures injected on purpose (each handled as documented): {self.injected}")
        lines.append(f"crashes: {len(self.crashes)}")
        lines += [f"  {crash}" for crash in self.crashes]
        return lines


TALLY = Tally()


def skip_reason(warning: str) -> str:
    """The reason of a reader warning, without file names, line numbers or details.

    >>> skip_reason("a/b.jsonl line 3: not valid JSON (Expecting value) — fix or remove the line")
    'not valid JSON'
    """
    what = warning.split(" — ")[0]
    what = what.rsplit(": ", 1)[-1] if ": " in what else what
    what = re.sub(r"\s*\([^)]*\)", "", what)
    what = re.sub(r"\d[\d,]*", "N", what)
    return re.sub(r"'[^']*'|\"[^\"]*\"", "…", what).strip()


@lru_cache(maxsize=1)
def shared_scorer():
    """One ArticleScorer for the whole suite: lexicons and analyzers load once."""
    from framing.run.scorer import ArticleScorer

    return ArticleScorer()


def read_and_score(name: str, path: Path, **reader_options: Any) -> tuple[list, list[str]]:
    """Read ``path`` with :class:`CorpusReader` and score every article; count everything.

    Returns the scored articles and the reader's warnings.  Any exception
    other than a :class:`FramingError` counts as a crash and is re-raised.
    """
    TALLY.tried(name)
    scored = []
    try:
        reader = CorpusReader(path, **reader_options)
        scorer = shared_scorer()
        for article in reader:
            scored.append(scorer.score(article))
    except FramingError:
        raise
    except Exception as error:
        TALLY.crashes.append(f"{name}: {type(error).__name__}: {error}")
        raise
    count_results(scored, reader.warnings)
    return scored, reader.warnings


def count_results(scored: Iterable, warnings: Iterable[str]) -> None:
    """Add scored articles and skipped ones (reader warnings, language notes) to the tally."""
    for item in scored:
        language = item.meta.get("language") if hasattr(item, "meta") else item.get("language")
        if language == "en":
            TALLY.scored += 1
        else:
            evidence = item.evidence if hasattr(item, "evidence") else []
            notes = [e["text"] for e in evidence if e["family"] == "language"]
            TALLY.skipped[f"English-only measures skipped: {notes[0] if notes else 'not English'}"] += 1
    for warning in warnings:
        TALLY.skipped[skip_reason(warning)] += 1


def run_cli(name: str, args: list[str], injected: bool = False, **kwargs: Any) -> Result:
    """Run the CLI in-process; an exit status not documented in --help, or a traceback, is a crash.

    ``injected`` marks a run whose failure the test caused on purpose; it is
    counted apart.  The articles of a successful run's ``features.csv`` are
    counted as scored or skipped.
    """
    TALLY.tried(name)
    result = CliRunner().invoke(main, args, **kwargs)
    exception = result.exception
    undocumented = result.exit_code not in DOCUMENTED_EXIT_STATUSES
    escaped = exception is not None and not isinstance(exception, SystemExit)
    if injected:
        TALLY.injected += 1
    elif undocumented or escaped or "unexpected" in result.output or "Traceback" in result.output:
        detail = "".join(traceback.format_exception(exception)) if escaped else result.output
        TALLY.crashes.append(f"{name}: exit {result.exit_code}: {detail.strip()[-500:]}")
    if result.exit_code == 0 and "--out" in args:
        table = Path(args[args.index("--out") + 1]) / "features.csv"
        if table.is_file():
            with open(table, encoding="utf-8", newline="") as handle:
                count_results(csv.DictReader(handle), [])
    return result


def feature_ranges_problems(features: dict[str, float]) -> list[str]:
    """Every feature outside its documented range (see the family modules).

    Shares lie in [0, 1]; tones (VADER compounds) in [-1, 1]; counts and rates
    are >= 0; every value is a float, NaN when undefined, never infinite.
    """
    problems = []
    for name, value in features.items():
        short = name.split("__", 1)[-1]
        if not isinstance(value, float):
            problems.append(f"{name}={value!r} is not a float")
            continue
        if math.isnan(value):
            continue
        if math.isinf(value):
            problems.append(f"{name}={value} is infinite")
        elif _is_share(short) and not 0.0 <= value <= 1.0:
            problems.append(f"{name}={value} outside [0, 1]")
        elif _is_tone(name, short) and not -1.0 <= value <= 1.0:
            problems.append(f"{name}={value} outside [-1, 1]")
        elif _is_count_or_rate(short) and value < 0:
            problems.append(f"{name}={value} is negative")
    return problems


def _is_share(short: str) -> bool:
    return "share" in short or short in ("too_short", "smog_too_short")


def _is_tone(name: str, short: str) -> bool:
    return name.startswith("sentiment__") and not _is_share(short) and not _is_count_or_rate(short)


def _is_count_or_rate(short: str) -> bool:
    return (short.startswith(("n_", "mentions_"))
            or short.endswith(("_per_1k", "_per_1000_words", "mean_sentence_length"))
            or short == "max_sentence_score")

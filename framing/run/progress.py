"""Progress of a run on stderr that a person can trust: total, share done, rate and time left.

On a terminal, scoring is a tqdm bar that updates in place; otherwise (a log
file, CI, a pipe) a plain line every ``PLAIN_INTERVAL`` seconds, so a log
shows the run is alive without thousands of lines. Writing the report is a
visible step of its own. The total comes from :func:`count_articles`, a cheap
count that neither cleans nor parses any text; when it cannot be known the bar
shows the count and the rate.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from framing.corpus.reader import CorpusReader
from framing.corpus.records import iter_records, open_text

# Seconds between plain progress lines when stderr is not a terminal.
PLAIN_INTERVAL = 15.0
LINE_SUFFIXES = (".jsonl", ".ndjson")  # one article a line: counted without parsing
RECORD_SUFFIXES = (".json", ".csv")  # counted by reading their records (no cleaning)


def count_articles(reader: CorpusReader) -> int | None:
    """How many articles ``reader`` will give, counted cheaply; None when that is not known.

    A text or HTML file is one article; a JSON Lines file has one per
    non-blank line; JSON and CSV files are read record by record (their text is
    not cleaned or parsed). Records the reader later skips (no text, a broken
    line) are counted too, so the total can be slightly high, never low.
    """
    total = 0
    try:
        for file in reader.files():
            total += _articles_in(file, reader.delimiter)
    except (OSError, EOFError, ValueError, gzip.BadGzipFile):
        return None
    return total


def _articles_in(file: Path, delimiter: str | None) -> int:
    suffix = _suffix(file)
    if suffix in LINE_SUFFIXES:
        opener = gzip.open if file.name.lower().endswith(".gz") else open
        with opener(file, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix in RECORD_SUFFIXES:
        with open_text(file) as handle:
            return sum(1 for _ in iter_records(handle, suffix, file.name, [], delimiter))
    return 1


def _suffix(file: Path) -> str:
    """The suffix that says how a file is read: ``a.jsonl.gz`` → ``.jsonl``."""
    suffixes = [s.lower() for s in file.suffixes]
    if len(suffixes) > 1 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def screen_size(stream: TextIO) -> tuple[int, int]:
    """Columns and lines of the terminal ``stream`` writes to; 80 × 24 where it tells none.

    A pseudo-terminal without a size (``script``, some containers) reports
    0 × 0, and tqdm then draws nothing at all.
    """
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return 80, 24
    return size.columns or 80, size.lines or 24


def duration(seconds: float) -> str:
    """A duration as a person says it.

    >>> duration(4.2), duration(75), duration(3725)
    ('4 s', '1 min 15 s', '1 h 2 min')
    """
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


def plain_line(n: int, total: int | None, elapsed: float) -> str:
    """One line of plain progress: done, share, rate and time left (count and rate without a total).

    >>> plain_line(300, 1500, 12.0)
    'Scoring: 300 of 1,500 articles (20 %), 25.0 articles/s, about 48 s left'
    >>> plain_line(300, None, 12.0)
    'Scoring: 300 articles, 25.0 articles/s'
    """
    rate = n / elapsed if elapsed > 0 else 0.0
    speed = f"{rate:.1f} articles/s"
    if not total:
        return f"Scoring: {n:,} articles, {speed}"
    left = f", about {duration((total - n) / rate)} left" if rate and n < total else ""
    return f"Scoring: {n:,} of {total:,} articles ({100 * n / total:.0f} %), {speed}{left}"


class RunProgress:
    """Progress of scoring (call it with the number of articles scored so far), then of the report's steps.

    Parameters
    ----------
    total : int or None
        Articles expected (see :func:`count_articles`).
    stream : text stream, optional
        Where to write (default: stderr).
    interactive : bool, optional
        A terminal (a bar updated in place) or not (plain lines); by default
        whether ``stream`` is a terminal.
    clock : callable
        Seconds, for the rate and the interval between plain lines.

    Examples
    --------
    >>> import io
    >>> out, now = io.StringIO(), iter([0.0, 1.0, 20.0, 21.0, 30.0])
    >>> progress = RunProgress(40, stream=out, interactive=False, clock=lambda: next(now))
    >>> progress(1); progress(20); progress(40); progress.finish_scoring()
    >>> print(out.getvalue().strip())
    Scoring 40 articles…
    Scoring: 20 of 40 articles (50 %), 1.0 articles/s, about 20 s left
    Scoring: 40 articles in 30 s
    """

    def __init__(self, total: int | None, stream: TextIO | None = None, interactive: bool | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.total = total or None
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.clock = clock
        self.scored = 0
        self._bar: Any = None
        self._started: float | None = None
        self._last_line = 0.0
        self._step_started = 0.0

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """On an error or Ctrl-C mid-run, end the bar's line so that the message is on a line of its own."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __call__(self, n: int) -> None:
        if self._started is None:
            self._start()
        if self._bar is not None:
            self._bar.update(n - self.scored)
        else:
            now = self.clock()
            if now - self._last_line >= PLAIN_INTERVAL:
                self._last_line = now
                self._write(plain_line(n, self.total, now - self._started))
        self.scored = n

    def _start(self) -> None:
        """The first article: open the bar, or say what is being scored."""
        self._started = self._last_line = self.clock()
        if self.interactive:
            from tqdm import tqdm

            known = "{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} articles [{elapsed}<{remaining}, {rate_fmt}]"
            columns, lines = screen_size(self.stream)
            self._bar = tqdm(total=self.total, desc="Scoring", unit=" articles", file=self.stream, ncols=columns,
                             nrows=lines, bar_format="{desc}: " + (known if self.total else
                                                                   "{n_fmt} articles [{elapsed}, {rate_fmt}]"))
        else:
            self._write(f"Scoring {self.total:,} articles…" if self.total else "Scoring articles…")

    def finish_scoring(self) -> None:
        """Close the bar at the count reached (the total was an estimate) or say how long scoring took."""
        if self._bar is not None:
            self._bar.total = self.scored
            self._bar.refresh()
            self._bar.close()
            self._bar = None
        elif self._started is not None:
            self._write(f"Scoring: {self.scored:,} articles in {duration(self.clock() - self._started)}")

    def step(self, what: str) -> None:
        """A step of writing the report, e.g. "drawing the charts" (on a terminal, one line updated in place)."""
        if not self._step_started:
            self._step_started = self.clock()
        if self.interactive:
            self.stream.write(f"\r\033[KWriting the report: {what}…")
            self.stream.flush()
        else:
            self._write(f"Writing the report: {what}")

    def finish_report(self) -> None:
        """Say how long writing the report took (after :meth:`step`)."""
        if not self._step_started:
            return
        took = f"Wrote the report in {duration(self.clock() - self._step_started)}"
        if self.interactive:
            self.stream.write("\r\033[K")
        self._write(took)

    def _write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

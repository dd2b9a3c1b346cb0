"""Write an output folder safely: into a temporary sibling, swapped in only on success.

An interrupted run leaves the previous folder as it was.  A non-empty folder
that framing did not make (no marker file) is never replaced without
``force``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from framing.errors import OutputError

MARKER = ".framing-output"
# Marks a --resume cache folder (framing.cache); https://bford.info/cachedir/
CACHEDIR_TAG = "CACHEDIR.TAG"


def check_writable(out: Path, force: bool = False) -> None:
    """Raise :class:`OutputError` unless ``out`` may be (re)written."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder — choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise OutputError(
            f"{out}: folder is not empty and was not made by framing — "
            "choose another --out or pass --force to replace it"
        )


@contextlib.contextmanager
def staged_output(out: str | Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``out``, on failure it is removed."""
    out = Path(out)
    check_writable(out, force)
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
        # mkdtemp makes a private folder; the report is for sharing, as any new folder would be.
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
    except OSError as error:
        raise OutputError(f"{out}: cannot create the output folder ({error.strerror}) — check --out") from None
    try:
        yield staging
        (staging / MARKER).write_text("This folder was written by framing; it may be replaced by the next run.\n")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out``; the old folder is removed only afterwards."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    try:
        os.replace(staging, out)
    except OSError:
        if old is not None:
            os.replace(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

"""Write an output folder safely: into a temporary sibling, swapped in only on success.

The rules, checked on resolved paths (so ``.``, ``$(pwd)``, ``..``, symlinks
and relative paths are all caught):

- the output never is, contains or sits inside the article folder, and never
  is or contains an input file (the manifest, an extra lexicon or actor file);
- it never is or contains the current folder, the home folder or ``/``;
- only a folder framing made (it holds :data:`MARKER`) or an empty one is
  replaced; any other non-empty folder is refused, ``force`` or not;
- an interrupted or failed run leaves the previous folder as it was, and
  when there was none, no folder at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from framing.errors import OutputError

MARKER = ".framing-output"
# Marks a --resume cache folder (framing.run.cache); https://bford.info/cachedir/
CACHEDIR_TAG = "CACHEDIR.TAG"


def check_outside_inputs(folder: str | Path, inputs: Sequence[str | Path] = (), option: str = "--out") -> None:
    """Raise :class:`OutputError` when writing ``folder`` could replace an input or a folder in use.

    Parameters
    ----------
    folder : str or Path
        The folder a run writes (``--out``, or the ``--resume`` cache).
    inputs : sequence of str or Path
        What the run reads: the article folder or file, the manifest, extra
        lexicon and actor files.  Paths that do not exist are ignored.
    option : str
        The option that named ``folder``, used in the message.

    Raises
    ------
    OutputError
        When ``folder`` is, contains or is inside an input folder, is or
        contains an input file, or is or contains the current folder, the
        home folder or the filesystem root.

    Examples
    --------
    >>> check_outside_inputs(".")
    Traceback (most recent call last):
    ...
    framing.errors.OutputError: .: --out is the current folder — choose a new folder for --out, e.g. reports/
    """
    target = Path(folder).resolve()
    problem = _clash_with_places(target, option) or _clash_with_inputs(target, inputs, option)
    if problem:
        raise OutputError(f"{folder}: {problem}")


def _clash_with_places(target: Path, option: str) -> str | None:
    """What is wrong when ``target`` is or contains the current folder, the home folder or the root."""
    places = (("the filesystem root", Path(target.anchor)), ("the current folder", Path.cwd().resolve()),
              ("the home folder", Path(os.path.expanduser("~")).resolve()))
    for name, place in places:
        if target == place or target in place.parents:
            relation = "is" if target == place else "contains"
            example = ", e.g. reports/" if option == "--out" else ""
            return f"{option} {relation} {name} — choose a new folder for {option}{example}"
    return None


def _clash_with_inputs(target: Path, inputs: Sequence[str | Path], option: str) -> str | None:
    """What is wrong when writing ``target`` could replace an input, or mix output into the article folder."""
    for given in inputs:
        path = Path(given).resolve()
        if not path.exists():
            continue
        if path.is_dir() and (target == path or path in target.parents):
            relation = "is" if target == path else "is inside"
            return (f"{option} {relation} the article folder {given} — "
                    f"choose another {option} outside the article folder")
        if target == path or target in path.parents:
            return f"{option} holds the input {given} — choose another {option} that does not contain it"
    return None


def check_writable(out: str | Path, force: bool = False, inputs: Sequence[str | Path] = ()) -> None:
    """Raise :class:`OutputError` unless ``out`` may be (re)written.

    Parameters
    ----------
    out : str or Path
        The output folder.
    force : bool
        Whether ``--force`` was passed; it only changes the message, since a
        non-empty folder framing did not make is never replaced.
    inputs : sequence of str or Path
        What the run reads (see :func:`check_outside_inputs`).

    Examples
    --------
    >>> import tempfile
    >>> check_writable(Path(tempfile.mkdtemp()) / "reports")  # a new folder: fine
    """
    out = Path(out)
    check_outside_inputs(out, inputs)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder — choose another --out")
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        if force:
            raise OutputError(f"{out}: folder is not empty and was not made by framing; --force replaces only "
                              "a folder framing made or an empty one — choose another --out")
        raise OutputError(f"{out}: folder is not empty and was not made by framing — choose another --out "
                          "(framing replaces only a folder it made or an empty one)")


@contextlib.contextmanager
def staged_output(out: str | Path, force: bool = False, inputs: Sequence[str | Path] = ()) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``out``, on failure it is removed.

    Parameters
    ----------
    out : str or Path
        The output folder; checked by :func:`check_writable` first.
    force : bool
        Whether ``--force`` was passed (see :func:`check_writable`).
    inputs : sequence of str or Path
        What the run reads; ``out`` must keep clear of it.

    Yields
    ------
    Path
        The folder to write into.  When the block raises, it is removed, and
        so are the parent folders this call created: a failed run leaves no
        new folder behind.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "new" / "reports"
    >>> with staged_output(out) as folder:
    ...     _ = (folder / "index.md").write_text("# Report")
    >>> sorted(p.name for p in out.iterdir())
    ['.framing-output', 'index.md']
    """
    check_writable(out, force, inputs)
    shown, out = out, Path(out).resolve()
    created = _first_missing(out.parent)
    try:
        staging = _make_staging(out)
    except OSError as error:
        _remove_created(out.parent, created)
        raise OutputError(f"{shown}: cannot create the output folder ({error.strerror}) — check --out") from None
    try:
        yield staging
        (staging / MARKER).write_text("This folder was written by framing; it may be replaced by the next run.\n")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_created(out.parent, created)
        raise


def _first_missing(folder: Path) -> Path | None:
    """The outermost of ``folder`` and its parents that does not exist yet (None if it exists)."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing


def _remove_created(folder: Path, created: Path | None) -> None:
    """Remove ``folder`` and its parents up to ``created``, the ones this run made, while they are empty."""
    if created is None:
        return
    for candidate in (folder, *folder.parents):
        try:
            candidate.rmdir()
        except OSError:  # not empty (something else was put there) or already gone
            return
        if candidate == created:
            return


def _make_staging(out: Path) -> Path:
    """Make the temporary sibling of ``out`` (and ``out``'s parent folders), readable as a new folder is."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    # mkdtemp makes a private folder; the report is for sharing, as any new folder would be.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


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

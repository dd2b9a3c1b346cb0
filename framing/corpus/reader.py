"""Read article sets: folders or files of text, Markdown, HTML, JSON, JSONL and CSV.

Articles stream one at a time (a 100,000-article JSONL file is never held in
memory); problems with single files or records become warnings in
``CorpusReader.warnings`` and the rest of the set is still read.

Examples
--------
>>> reader = CorpusReader("seeds")
>>> [(a.id, a.outlet) for a in reader][:2]
[('000_ba4c7e0c4217ab86', 'RT'), ('001_6d2487ecfb3683dc', 'Fort Russ News')]
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from framing.corpus.article import FIELDS, Article, parse_columns, parse_delimiter, split_front_matter
from framing.corpus.decode import decode_bytes, without_mojibake
from framing.corpus.html import extract_html
from framing.corpus.outlets import OutletRegistry
from framing.corpus.problems import (
    READABLE,
    KeyTally,
    failure_warning,
    file_count,
    first_line,
    install_hint,
    listing,
    most_first,
    unsupported_warnings,
)
from framing.corpus.records import DELIMITERS, SNIFF_CHARS, iter_records, open_text, sniff_delimiter
from framing.errors import CorpusError
from framing.run.outdir import CACHEDIR_TAG, MARKER

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
MANIFEST_NAME = "articles.csv"
# Folders holding framing's own output or --resume cache are never read back
# as articles (e.g. when --out lies inside the article folder).
OUTPUT_MARKERS = (MARKER, CACHEDIR_TAG)
# About 160,000 words, ten times the longest news features: a longer "article"
# is a dump of many, and scoring all of it would take minutes for figures that
# mean nothing.  Longer texts are cut at a paragraph and the cut is reported.
MAX_ARTICLE_CHARS = 1_000_000








class CorpusReader:
    """Iterate over the articles under ``path`` (a folder, read recursively, or a file).

    Parameters
    ----------
    path : str or Path
        A folder or a single file.
    manifest : str or Path, optional
        A CSV with a ``file`` column and metadata columns; by default
        ``articles.csv`` inside the folder, if present.
    columns : mapping, optional
        Field → column name for JSON/CSV records, e.g. ``{"text": "content_original"}``.
    delimiter : str, optional
        The delimiter of CSV article files (``;``, ``tab``…); by default each
        file's is sniffed from its first lines.
    """

    def __init__(self, path: str | Path, manifest: str | Path | None = None,
                 columns: Mapping[str, str] | None = None, delimiter: str | None = None) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise CorpusError(f"{self.path}: no such file or folder — check the path")
        self.root = self.path if self.path.is_dir() else self.path.parent
        self.aliases = parse_columns(columns)
        self.named_columns = dict(columns or {})
        self.delimiter = parse_delimiter(delimiter)
        self.warnings: list[str] = []
        self.unsupported: Counter[str] = Counter()  # suffix → files skipped in the last listing
        self._import_failures: dict[str, list[str]] = {}  # reason → files it skipped
        self._html_unavailable = ""  # why the HTML extractor cannot load, once known
        self.outlets = OutletRegistry.packaged()
        manifest_path = Path(manifest) if manifest else self.root / MANIFEST_NAME
        if manifest and not manifest_path.is_file():
            raise CorpusError(f"{manifest_path}: manifest not found — check --manifest")
        self.manifest_path = manifest_path if manifest_path.is_file() else None
        self._manifest_used: set[str] = set()
        self.manifest = self._read_manifest(self.manifest_path) if self.manifest_path else {}
        self._manifest_warnings = len(self.warnings)
        self._ids: set[str] = set()

    # -- discovery -------------------------------------------------------
    def files(self) -> Iterator[Path]:
        """The readable files under the path, in a stable order, skipping hidden ones.

        Files of other types are counted by suffix in ``unsupported``.
        """
        self.unsupported = Counter()
        if self.path.is_file():
            yield self.path
            return
        seen_dirs: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(self.path, followlinks=False):
            stat = os.stat(dirpath)
            if (stat.st_dev, stat.st_ino) in seen_dirs:
                dirnames[:] = []
                continue
            seen_dirs.add((stat.st_dev, stat.st_ino))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                 and not any(os.path.exists(os.path.join(dirpath, d, m)) for m in OUTPUT_MARKERS))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                file = Path(dirpath) / name
                if self.manifest_path and file.resolve() == self.manifest_path.resolve():
                    continue
                if _suffix(file) in TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES:
                    yield file
                else:
                    self.unsupported[_suffix(file)] += 1

    def __iter__(self) -> Iterator[Article]:
        # Each pass starts afresh, so a second read gives the same ids.
        self._ids = set()
        self._manifest_used = set()
        self.warnings = self.warnings[: self._manifest_warnings]
        self._import_failures = {}
        found = False
        n_files = 0
        for file in self.files():
            n_files += 1
            for article in self._read_file(file):
                found = True
                yield article
        self.warnings.extend(self._unused_manifest_rows())
        self.warnings.extend(f"{listing(labels)}: skipped — {reason}"
                             for reason, labels in self._import_failures.items())
        if not found and (n_files == 0 or not self.warnings):
            self.warnings.append(self._no_articles())
        self.warnings.extend(unsupported_warnings(self.unsupported))

    def _unused_manifest_rows(self) -> list[str]:
        return [f"{self.manifest_path}: row for {relative!r} names a missing file — fix the file name or remove the row"
                for relative in sorted(self.manifest) if relative not in self._manifest_used]

    def _no_articles(self) -> str:
        if not self.unsupported:
            return f"{self.path}: no articles found — add {READABLE} files"
        counts = [file_count(suffix, n) for suffix, n in sorted(self.unsupported.items(), key=most_first)]
        found = " and ".join([", ".join(counts[:-1]), counts[-1]] if len(counts) > 1 else counts)
        return f"{self.path}: no articles found — it holds {found} but no {READABLE} files"

    # -- manifest --------------------------------------------------------
    def _read_manifest(self, path: Path) -> dict[str, dict[str, str]]:
        text = decode_bytes(path.read_bytes())
        if text is None:
            raise CorpusError(f"{path}: manifest is not text — save it as UTF-8 CSV")
        rows: dict[str, dict[str, str]] = {}
        reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(text[:SNIFF_CHARS]))
        if not reader.fieldnames or not ({"file", "path"} & set(reader.fieldnames)):
            raise CorpusError(f"{path}: manifest has no 'file' column — add a header row with file,outlet,...")
        base = path.parent.resolve()
        for line, row in enumerate(reader, start=2):
            name = (row.get("file") or row.get("path") or "").strip()
            if not name:
                self.warnings.append(f"{path} line {line}: file is empty — add a file name or remove the row")
                continue
            target = (path.parent / name).resolve()
            if Path(name).is_absolute() or not _is_within(target, base):
                self.warnings.append(
                    f"{path} line {line}: {name!r} points outside the article folder — "
                    "use a path relative to the manifest"
                )
                continue
            key = target.relative_to(base).as_posix()
            if key in rows:
                self.warnings.append(f"{path} line {line}: {name!r} is listed twice — the first row is used")
                continue
            rows[key] = {k.strip(): (v or "").strip() for k, v in row.items() if k and k not in ("file", "path")}
        return rows

    def _manifest_row(self, file: Path) -> dict[str, str]:
        if not self.manifest or not self.manifest_path:
            return {}
        try:
            key = file.resolve().relative_to(self.manifest_path.parent.resolve()).as_posix()
        except ValueError:
            return {}
        row = self.manifest.get(key)
        if row is not None:
            self._manifest_used.add(key)
        return row or {}

    # -- files -----------------------------------------------------------
    def _relative(self, file: Path) -> str:
        try:
            return file.relative_to(self.root).as_posix()
        except ValueError:
            return file.name

    def _read_file(self, file: Path) -> Iterator[Article]:
        """The articles of one file; when its reader or extractor fails, a warning and none (or no more)."""
        label = self._relative(file)
        if not file.is_file():
            # /dev/zero or a named pipe would never end; a broken link can't be read.
            self.warnings.append(f"{label}: not a regular file (a device, a pipe or a broken link) — skipped")
            return
        if self._html_unavailable and _suffix(file) in HTML_SUFFIXES:
            self._import_failures.setdefault(self._html_unavailable, []).append(label)  # no retry of a failed import
            return
        read = 0
        try:
            for article in self._read_content(file, label):
                read += 1
                yield article
        except ImportError as error:
            self._note_import_failure(label, _suffix(file), error)
        except MemoryError:
            raise
        except Exception as error:  # noqa: BLE001 - one file that breaks its reader must not stop the set
            self.warnings.append(failure_warning(label, error, read))

    def _note_import_failure(self, label: str, suffix: str, error: ImportError) -> None:
        what = "the HTML extractor" if suffix in HTML_SUFFIXES else "a library needed to read it"
        reason = f"{what} could not be loaded ({first_line(error)}): {install_hint(error)}"
        self._import_failures.setdefault(reason, []).append(label)
        if suffix in HTML_SUFFIXES:
            self._html_unavailable = reason

    def _read_content(self, file: Path, label: str) -> Iterator[Article]:
        suffix = _suffix(file)
        try:
            if suffix in RECORD_SUFFIXES:
                yield from self._read_records(file, label, suffix)
                return
            raw = _open_bytes(file)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            reason = getattr(error, "strerror", None) or error
            self.warnings.append(f"{label}: cannot read ({reason}) — check the file and its permissions")
            return
        text = decode_bytes(raw)
        if text is None:
            self.warnings.append(f"{label}: not text (binary or image data) — skipped; remove it or convert it")
            return
        meta: dict[str, str] = {}
        if suffix in HTML_SUFFIXES:
            text, meta = extract_html(text)
        else:
            text, meta = split_front_matter(text)
        if not text.strip():
            self.warnings.append(f"{label}: empty — skipped")
            return
        meta.update({k: v for k, v in self._manifest_row(file).items() if v})
        stem = label.rsplit(".", 2 if label.endswith(".gz") else 1)[0]
        yield self._article(meta.pop("id", "") or stem, text, meta, label)

    def _read_records(self, file: Path, label: str, suffix: str) -> Iterator[Article]:
        with open_text(file) as handle:
            records = iter_records(handle, suffix, label, self.warnings, self.delimiter)
            yield from self._articles_from_records(records, file, label, "column" if suffix == ".csv" else "key")

    def _articles_from_records(self, records: Iterable[tuple[int, Mapping[str, Any]]], file: Path, label: str,
                               kind: str) -> Iterator[Article]:
        """The articles of a record file; ``kind`` ("column" or "key") words its warnings."""
        manifest_meta = {k: v for k, v in self._manifest_row(file).items() if v}
        n_warnings = len(self.warnings)
        keys = KeyTally(self.named_columns.values())
        text_found = False
        no_text: list[int] = []  # lines of records without a text key, reported at the end
        for line, record in records:
            keys.add(record)
            if not any(name in record for name in self.aliases["text"]):
                no_text.append(line)  # a whole file without text is one warning, below
                continue
            text_found = True
            article = self._record_article(record, line, label, manifest_meta)
            if article is not None:
                yield article
        if text_found:
            self.warnings.extend(f"{label} line {line}: no text key or column — skipped; add the text"
                                 for line in no_text)
            self.warnings.extend(self._missing_named(label, keys, kind))
        elif keys.n_records:
            self.warnings.append(self._no_text_key(label, keys, kind))
        elif len(self.warnings) == n_warnings:  # not already explained (a broken file)
            self.warnings.append(f"{label}: no records — skipped")

    def _record_article(self, record: Mapping[str, Any], line: int, label: str,
                        manifest_meta: Mapping[str, str]) -> Article | None:
        raw = next((record[n] for n in self.aliases["text"] if record.get(n) not in (None, "")), "")
        if not isinstance(raw, str):
            kind = {list: "a list", dict: "an object", bool: "true or false"}.get(type(raw), "a number")
            self.warnings.append(f"{label} line {line}: text is {kind}, not a string — skipped; fix the record")
            return None
        fields = self._fields(record)
        body = fields.pop("text", "")
        if not body.strip():
            self.warnings.append(f"{label} line {line}: text is empty — skipped")
            return None
        meta = {**fields, **manifest_meta}
        return self._article(meta.pop("id", "") or f"{label}#{line}", body, meta, f"{label} line {line}")

    def _no_text_key(self, label: str, keys: KeyTally, kind: str) -> str:
        """Why no record of a file has text: the keys it has instead, and the --column to name one."""
        only = list(keys.longest)[0] if len(keys.longest) == 1 else ""
        delimiter = next((d for d in DELIMITERS if d in only), None) if kind == "column" else None
        if delimiter:  # one column whose name holds a delimiter: the file was split at the wrong one
            return (f"{label}: one column {only!r} — the delimiter looks like {delimiter!r}; "
                    f"read it with --delimiter {shlex.quote(delimiter)}")
        named = self.named_columns.get("text")
        head = f"{label}: no {kind} {named!r} (--column text={named})" if named else f"{label}: no text {kind}"
        guess = keys.likely_text()
        option = shlex.quote(f"text={guess}") if guess else "text=NAME"
        return (f"{head} — its {kind}s are {keys.names()}; name the one holding the article text "
                f"with --column {option}")

    def _missing_named(self, label: str, keys: KeyTally, kind: str) -> list[str]:
        return [f"{label}: no {kind} {column!r} (--column {field}={column}) — its {kind}s are {keys.names()}; "
                "fix the name" for field, column in self.named_columns.items() if column in keys.missing]

    def _present(self, record: Mapping[str, Any]) -> set[str]:
        return {key for key, names in self.aliases.items() if any(n in record for n in names)}

    def _fields(self, record: Mapping[str, Any]) -> dict[str, str]:
        fields: dict[str, str] = {}
        used: set[str] = set()
        for key, names in self.aliases.items():
            for name in names:
                if name in record and record[name] not in (None, ""):
                    fields[key] = _as_text(record[name])
                    used.add(name)
                    break
        for name, value in record.items():
            if name not in used and isinstance(name, str) and isinstance(value, (str, int, float)):
                fields.setdefault(f"extra:{name}", _as_text(value))
        return fields

    def _article(self, article_id: str, text: str, meta: dict[str, str], source: str) -> Article:
        article_id = article_id.strip() or source
        if len(text) > MAX_ARTICLE_CHARS:
            text = _truncated(text, source, self.warnings)
        if article_id in self._ids:
            n = 2
            while f"{article_id}~{n}" in self._ids:
                n += 1
            self.warnings.append(f"{source}: id {article_id!r} is used twice — renamed to '{article_id}~{n}'")
            article_id = f"{article_id}~{n}"
        self._ids.add(article_id)
        extra = {k.removeprefix("extra:"): v for k, v in meta.items() if k not in FIELDS}
        outlet = " ".join(meta.get("outlet", "").split())
        inferred = ""
        if not outlet:
            guess = self.outlets.infer(text, meta.get("url", ""))
            if guess:
                outlet, inferred = guess
            else:
                outlet = "unknown"
        return Article(
            id=article_id,
            text=without_mojibake(text),
            outlet=outlet,
            title=without_mojibake(meta.get("title", "").strip()),
            date=meta.get("date", "").strip(),
            url=meta.get("url", "").strip(),
            source=source,
            outlet_inferred=inferred,
            extra=extra,
        )






















def read_corpus(path: str | Path, **options: Any) -> tuple[list[Article], list[str]]:
    """Read every article under ``path`` into memory; returns articles and warnings."""
    reader = CorpusReader(path, **options)
    articles = list(reader)
    return articles, reader.warnings




def _suffix(file: Path) -> str:
    suffixes = [s.lower() for s in file.suffixes]
    if suffixes and suffixes[-1] == ".gz" and len(suffixes) > 1:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def _open_bytes(file: Path) -> bytes:
    if file.name.lower().endswith(".gz"):
        with gzip.open(file, "rb") as handle:
            return handle.read()
    return file.read_bytes()


def _truncated(text: str, source: str, warnings: list[str]) -> str:
    """``text`` cut at the last paragraph (or line) break before MAX_ARTICLE_CHARS, with a warning."""
    cut = text.rfind("\n\n", 0, MAX_ARTICLE_CHARS)
    if cut < MAX_ARTICLE_CHARS // 2:
        cut = text.rfind("\n", 0, MAX_ARTICLE_CHARS)
    if cut < MAX_ARTICLE_CHARS // 2:
        cut = MAX_ARTICLE_CHARS
    warnings.append(f"{source}: {len(text):,} characters, far longer than an article — only the first "
                    f"{cut:,} are scored; split it into one file per article")
    return text[:cut]


def _is_within(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
        return True
    except ValueError:
        return False


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)

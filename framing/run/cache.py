"""Per-article results kept on disk, so an interrupted long run resumes where it stopped.

With ``--resume`` every scored article is written to a cache folder (by
default ``<out>.cache`` beside the output folder) as one JSON file named by
the SHA-256 of everything its result depends on: the article's text and
metadata, the scoring options, the contents of any extra lexicon or actor
file, and the framing code and data files themselves.  Running the same
command again loads what is there and scores only the rest; a changed
article, option or framing version simply misses the cache.

Entries are written atomically (a temporary file renamed into place), so a
run killed mid-write never leaves a half entry; an unreadable entry is
scored again.  Entries are plain JSON, never pickles: loading a cache can't
run code.

Examples
--------
>>> import tempfile
>>> from framing.corpus.article import Article
>>> from framing.run.scorer import ScoreOptions
>>> folder = tempfile.mkdtemp()
>>> scorer = CachingScorer(ScoreOptions(), folder)
>>> article = Article("a1", "The minister said the talks would resume on Monday.", outlet="TASS")
>>> first = scorer.score(article)
>>> resumed = CachingScorer(ScoreOptions(), folder)
>>> resumed.score(article).meta == first.meta
True
>>> (scorer.misses, resumed.hits, resumed.misses)
(1, 1, 0)
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from framing import __version__
from framing.corpus.article import Article
from framing.document.furniture import Furniture
from framing.run.outdir import CACHEDIR_TAG
from framing.run.scorer import JSON_FORMAT, ArticleScorer, ScoredArticle, ScoreOptions

CACHE_SUFFIX = ".cache"
# Backup tools skip folders holding CACHEDIR_TAG with this signature.
CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55\n"
CODE_SUFFIXES = (".py", ".toml", ".txt", ".j2")


def default_cache_dir(out: str | Path) -> Path:
    """The cache folder used with ``--resume``: ``<out>.cache`` beside the output folder.

    >>> default_cache_dir("reports").as_posix()
    'reports.cache'
    """
    out = Path(out)
    return out.with_name(out.name + CACHE_SUFFIX)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 over framing's own code and data files: any change to them misses the cache."""
    digest = hashlib.sha256(__version__.encode("utf-8"))
    root = resources.files("framing")
    stack = [(root, "")]
    files = []
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, name + "/"))
            elif entry.name.endswith(CODE_SUFFIXES):
                files.append((name, entry))
    for name, entry in sorted(files, key=lambda item: item[0]):
        digest.update(name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


def options_digest(options: ScoreOptions, furniture: Furniture | None = None) -> str:
    """SHA-256 of the options, of the contents of the extra files they name and of the learned furniture."""
    files = {}
    for path in (*options.lexicon_files, *options.actor_files):
        try:
            files[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            files[path] = "unreadable"  # the scorer reports it; the key must still be stable
    payload = {"format": JSON_FORMAT, "code": code_digest(), "options": options.as_dict(), "files": files,
               "furniture": (furniture or Furniture()).digest()}
    if not options.for_report:
        payload["for_report"] = False  # results without the report's parts must not stand in for a report's
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def article_key(article: Article, options_key: str) -> str:
    """The cache key of ``article`` scored under options with digest ``options_key``."""
    fields = dataclasses.asdict(article)
    fields["extra"] = dict(sorted(article.extra.items()))
    payload = json.dumps([options_key, fields], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """A folder of scored articles, one JSON file per article, keyed by :func:`article_key`."""

    def __init__(self, folder: str | Path, options: ScoreOptions, furniture: Furniture | None = None) -> None:
        self.folder = Path(folder)
        self.options_key = options_digest(options, furniture)

    def key(self, article: Article) -> str:
        return article_key(article, self.options_key)

    def path(self, key: str) -> Path:
        # Two-level fan-out keeps folders small on 100,000-article runs.
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> ScoredArticle | None:
        """The cached result for ``key``, or ``None`` when absent or unreadable."""
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            return ScoredArticle.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, scored: ScoredArticle) -> None:
        """Store ``scored`` atomically: readers see the whole entry or none."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        tag = self.folder / CACHEDIR_TAG
        if not tag.exists():
            tag.write_text(CACHEDIR_SIGNATURE + "# framing --resume: per-article results; safe to delete.\n",
                           encoding="utf-8")
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(scored.to_json(), stream)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class CachingScorer:
    """Scores like :class:`~framing.run.scorer.ArticleScorer`, loading and storing results in a cache.

    The real scorer (lexicons, analyzers) is built only at the first miss, so
    resuming a run that had nearly finished starts at once.
    """

    def __init__(self, options: ScoreOptions, folder: str | Path, furniture: Furniture | None = None) -> None:
        self.options = options
        self.furniture = furniture or Furniture()
        self.cache = ResultCache(folder, options, self.furniture)
        self._scorer: ArticleScorer | None = None
        self.hits = 0
        self.misses = 0

    def score(self, article: Article) -> ScoredArticle:
        key = self.cache.key(article)
        cached = self.cache.get(key)
        if cached is not None:
            self.hits += 1
            return cached
        if self._scorer is None:
            self._scorer = ArticleScorer(self.options, self.furniture)
        scored = self._scorer.score(article)
        self.misses += 1
        self.cache.put(key, scored)
        return scored


def make_scorer(options: ScoreOptions, furniture: Furniture | None = None) -> ArticleScorer | CachingScorer:
    """The scorer for a run: cached when ``options.cache_dir`` is set."""
    if options.cache_dir:
        return CachingScorer(options, options.cache_dir, furniture)
    return ArticleScorer(options, furniture)


@dataclass(frozen=True)
class ScorerFactory:
    """Builds a run's scorer; picklable and compared by value, so engines can send it to workers.

    ``furniture`` is the page furniture learned from the article set before
    scoring: every worker cleans with the same.

    >>> ScorerFactory(ScoreOptions()) == ScorerFactory(ScoreOptions(), Furniture())
    True
    """

    options: ScoreOptions
    furniture: Furniture = Furniture()

    def __call__(self) -> ArticleScorer | CachingScorer:
        return make_scorer(self.options, self.furniture)

"""CPU time per article of cleaning, parsing and each feature family, over one article set, in this process.

Where ``benchmarks/benchmark.py`` times whole processes and one pass, this
times the stages again and again over the same articles: cleaning
(``clean_text`` with the set's learned furniture), parsing (``build_document``
of the cleaned bodies) and each family's ``score`` over the parsed documents.
The first pass fills the per-word caches (VADER's tokens, the loaded-language
weights, readability's syllables): it is shown apart as ``cold``; ``best`` is
the fastest of the passes after it.  CPU time, so the figures hold better
than wall time when other work shares the machine; compare two versions of
the code by running each in turn, twice.

Example: FRAMING_EVAL=../shared/eval python benchmarks/stage_times.py --limit 500 --passes 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmark import COLUMNS, DEFAULT_INPUT, write_subset  # noqa: E402 - after the path is set


def cpu_per_item(function: Callable, items: Sequence, passes: int) -> tuple[float, float]:
    """CPU milliseconds per item of ``function`` over ``items``: the first pass, and the best later one."""
    times = []
    for _ in range(max(passes, 2)):
        started = time.process_time()
        for item in items:
            function(item)
        times.append(1000 * (time.process_time() - started) / max(len(items), 1))
    return times[0], min(times[1:])


def stage_times(path: Path, passes: int) -> list[tuple[str, float, float]]:
    """``(stage, cold ms, best ms)`` per article for cleaning, parsing and each family of ``path``'s articles."""
    from framing.corpus.reader import CorpusReader
    from framing.document.clean import clean_text
    from framing.document.furniture import learn_furniture
    from framing.document.language import is_english
    from framing.document.parse import build_document
    from framing.run.scorer import ArticleScorer

    articles = list(CorpusReader(path, columns=COLUMNS))
    furniture = learn_furniture(articles)
    rows = [("clean", *cpu_per_item(lambda a: clean_text(a.text, a.title, furniture=furniture.of(a.outlet)),
                                    articles, passes))]
    cleaned = [(a, clean_text(a.text, a.title, furniture=furniture.of(a.outlet))) for a in articles]
    rows.append(("parse (Document)", *cpu_per_item(lambda pair: build_document(pair[0].id, pair[1].body,
                                                                               pair[1].title), cleaned, passes)))
    documents = [build_document(a.id, c.body, c.title) for a, c in cleaned]
    documents = [d for d in documents if d.tokens and is_english(d.tokens[:400])]
    for scorer in ArticleScorer(furniture=furniture).scorers:
        rows.append((f"family: {scorer.family}", *cpu_per_item(scorer.score, documents, passes)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="JSONL(.gz) with content_original, source and ID (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=500, help="Only the first N articles (default: 500).")
    parser.add_argument("--passes", type=int, default=3, help="Passes over the articles, at least 2 (default: 3).")
    args = parser.parse_args(argv)
    if not args.input.exists():
        parser.error(f"{args.input} not found — pass --input PATH or set FRAMING_EVAL")
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "articles.jsonl"
        n = write_subset(args.input, args.limit, 1, subset)
        rows = stage_times(subset, args.passes)
    print(f"CPU ms an article over {n} articles: first pass (cold caches), best of the {max(args.passes, 2) - 1} after")
    for stage, cold, best in rows:
        print(f"  {stage:<24} {cold:8.3f} {best:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

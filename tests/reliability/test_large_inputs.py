"""Large inputs: a 50 MB single article and 100,000 tiny files.

The 50 MB article is read, cut at a paragraph to ``MAX_ARTICLE_CHARS`` with
a warning naming the file, and scored; the 100,000 files stream through the
reader (scoring that many would take minutes of CI time and says nothing new
about reading them).
"""

from __future__ import annotations

import json
import os

import pytest

from framing.corpus.reader import MAX_ARTICLE_CHARS, CorpusReader

from .harness import TALLY, count_results, read_and_score

FIFTY_MB = 50 * 1024 * 1024
N_TINY_FILES = 100_000


def fifty_mb_of_news(seed_texts: dict[str, str]) -> str:
    """The seed articles' paragraphs, numbered and repeated to 50 MB."""
    paragraphs = [p for text in seed_texts.values() for p in text.split("\n\n") if p.strip()]
    block = "\n\n".join(paragraphs)
    parts, size, n = [], 0, 0
    while size < FIFTY_MB:
        part = f"Part {n}.\n\n{block}\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


@pytest.mark.slow
def test_a_50_mb_article_is_cut_with_a_warning_and_scored(tmp_path, seed_texts):
    text = fifty_mb_of_news(seed_texts)
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "dump.txt").write_text(text, encoding="utf-8")
    assert (folder / "dump.txt").stat().st_size >= FIFTY_MB
    [scored], warnings = read_and_score("a 50 MB single article", folder)
    [warning] = warnings
    assert warning.startswith(f"dump.txt: {len(text):,} characters, far longer than an article — only the first ")
    assert warning.endswith(" are scored; split it into one file per article")
    assert scored.meta["language"] == "en"
    n_words = scored.features["readability__n_words"]
    assert 100_000 < n_words < MAX_ARTICLE_CHARS / 4


@pytest.mark.slow
def test_a_50_mb_record_is_cut_the_same_way(tmp_path, seed_texts):
    text = fifty_mb_of_news(seed_texts)
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "A short story said little.", "outlet": "A"}) + "\n")
        handle.write(json.dumps({"text": text, "outlet": "B"}) + "\n")
    TALLY.tried("a 50 MB JSON record")
    reader = CorpusReader(path)
    articles = list(reader)
    assert [a.outlet for a in articles] == ["A", "B"]
    cut = articles[1].text
    assert len(cut) <= MAX_ARTICLE_CHARS and text.startswith(cut) and text[len(cut):].startswith("\n\n")
    assert len(reader.warnings) == 1 and reader.warnings[0].startswith("big.jsonl line 2: ")
    TALLY.read_only += 2


@pytest.mark.slow
def test_100000_tiny_files_stream_through_the_reader(tmp_path):
    root = tmp_path / "tiny"
    root.mkdir()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for i in range(N_TINY_FILES):
        if i % 1000 == 0:
            folder = root / f"{i // 1000:03d}"
            folder.mkdir()
        # os.open/os.write: a Path.write_text per file would triple the set-up time.
        handle = os.open(folder / f"{i:06d}.txt", flags, 0o644)
        os.write(handle, b"" if i % 10_000 == 7 else f"Story {i}: the minister said talks failed.\n".encode())
        os.close(handle)
    TALLY.tried(f"{N_TINY_FILES:,} tiny files")
    reader = CorpusReader(root)
    n, last_id = 0, ""
    for article in reader:  # a generator: never all in memory
        assert article.id > last_id  # a stable, sorted order
        last_id = article.id
        n += 1
    assert n == N_TINY_FILES - N_TINY_FILES // 10_000
    assert reader.warnings == [f"{i // 1000:03d}/{i:06d}.txt: empty — skipped" for i in range(7, N_TINY_FILES, 10_000)]
    TALLY.read_only += n
    count_results([], reader.warnings)

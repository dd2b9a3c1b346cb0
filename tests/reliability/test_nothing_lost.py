"""Nothing lost: interrupted runs keep the previous report, inputs are never touched, --resume continues.

Failures are injected in-process (the CLI runs with ``--jobs 1``): a crash
or Ctrl-C while articles are being scored, a full disk while the report is
written.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from framing.errors import WorkerError
from framing.run.outdir import MARKER
from framing.run.scorer import ArticleScorer

from .harness import run_cli


def tree(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder``."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Hash and modification time of every file: an input must keep both."""
    return {name: (digest, (folder / name).stat().st_mtime_ns) for name, digest in tree(folder).items()}


@pytest.fixture
def corpus(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    return folder


def fail_at(monkeypatch, n: int, error: BaseException) -> list[str]:
    """Make the n-th article scored raise ``error``; return the ids scored (a spy)."""
    scored: list[str] = []
    original = ArticleScorer.score

    def score(self, article):
        if len(scored) + 1 == n:
            raise error
        scored.append(article.id)
        return original(self, article)

    monkeypatch.setattr(ArticleScorer, "score", score)
    return scored


def error_lines(output: str) -> list[str]:
    """The output without the progress lines a log gets (issue 16): what is left must be the one-line error."""
    return [line for line in output.strip().splitlines() if not line.startswith(("Scoring", "Writing the report"))]


def staging_leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("error, status, message", [
    (RuntimeError("disk on fire"), 1,
     "Error: unexpected RuntimeError: disk on fire — run again with --verbose and report the traceback"),
    (KeyboardInterrupt(), 130, "Interrupted: nothing was overwritten."),
    (WorkerError("--jobs 2: a worker process stopped — run again with --jobs 1"), 6,
     "Error: --jobs 2: a worker process stopped — run again with --jobs 1"),
])
def test_a_run_interrupted_mid_way_leaves_the_previous_report(corpus, tmp_path, monkeypatch, error, status,
                                                              message):
    out = tmp_path / "reports"
    first = run_cli("report, then an interrupted run", ["report", str(corpus), "--out", str(out), "--jobs", "1"])
    assert first.exit_code == 0, first.output
    before = tree(out)
    fail_at(monkeypatch, 3, error)
    second = run_cli("a run interrupted while scoring", ["report", str(corpus), "--out", str(out), "--jobs", "1"],
                     injected=True)
    assert second.exit_code == status
    assert error_lines(second.output) == [message]
    assert tree(out) == before
    assert staging_leftovers(tmp_path) == []


def test_a_full_disk_while_writing_the_report_leaves_the_previous_one(corpus, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    assert run_cli("score before a full disk", ["score", str(corpus), "--out", str(out), "--jobs", "1"]).exit_code == 0
    before = tree(out)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(out / "index.md"))

    monkeypatch.setattr("framing.report.write.write_report", full_disk)
    result = run_cli("a full disk while writing", ["report", str(corpus), "--out", str(out), "--jobs", "1"],
                     injected=True)
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        f"Error: {out / 'index.md'} No space left on device — check the path, permissions and free disk space "
        "(--verbose shows the traceback)"]
    assert tree(out) == before and staging_leftovers(tmp_path) == []


def test_a_foreign_folder_is_refused_even_forced_and_an_own_folder_is_replaced(corpus, tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"years of work")
    work = {"chapter1.docx": hashlib.sha256(b"years of work").hexdigest()}
    refused = run_cli("a foreign output folder", ["score", str(corpus), "--out", str(out), "--jobs", "1"])
    assert refused.exit_code == 5
    assert refused.output.strip().splitlines() == [
        f"Error: {out}: folder is not empty and was not made by framing — choose another --out "
        "(framing replaces only a folder it made or an empty one)"]
    assert tree(out) == work
    # --force replaces only a folder framing made or an empty one: the thesis survives.
    forced = run_cli("--force", ["score", str(corpus), "--out", str(out), "--jobs", "1", "--force"])
    assert forced.exit_code == 5 and tree(out) == work

    own = tmp_path / "scores"
    assert run_cli("a new folder", ["score", str(corpus), "--out", str(own), "--jobs", "1"]).exit_code == 0
    (own / "stale.csv").write_text("left from an old run")
    again = run_cli("an own output folder", ["score", str(corpus), "--out", str(own), "--jobs", "1"])
    assert again.exit_code == 0 and not (own / "stale.csv").exists()
    assert sorted(tree(own)) == [MARKER, "evidence.jsonl", "features.csv"]


def test_input_files_are_never_modified(corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"text": "The minister said talks failed."}\n{broken\n')
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    before = snapshot(corpus)
    for command in ("score", "report"):
        result = run_cli(f"inputs untouched by {command}", [command, str(corpus), "--out", str(tmp_path / command),
                                                            "--jobs", "1", "--resume"])
        assert result.exit_code == 0, result.output
    assert snapshot(corpus) == before


def test_resume_continues_an_interrupted_run_and_gives_the_same_report(corpus, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    fail_at(monkeypatch, 4, KeyboardInterrupt())
    interrupted = run_cli("--resume, interrupted", ["report", str(corpus), "--out", str(out), "--jobs", "1",
                                                    "--resume"], injected=True)
    assert interrupted.exit_code == 130 and not out.exists()
    cache = tmp_path / "reports.cache"
    assert len(list(cache.glob("*/*.json"))) == 3

    monkeypatch.undo()
    rescored = fail_at(monkeypatch, 0, RuntimeError("never"))
    resumed = run_cli("--resume, continued", ["report", str(corpus), "--out", str(out), "--jobs", "1", "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert rescored == ["003_c93ca4cd981dbd98", "004_f3d4c5d178d2a1ea"]  # only what was left
    assert len(list(cache.glob("*/*.json"))) == 5

    monkeypatch.undo()
    fresh = run_cli("a fresh run to compare", ["report", str(corpus), "--out", str(tmp_path / "fresh"), "--jobs", "1"])
    assert fresh.exit_code == 0
    assert tree(out) == tree(tmp_path / "fresh")


def test_resume_rescores_what_changed(corpus, tmp_path, monkeypatch):
    out = tmp_path / "scores"
    args = ["score", str(corpus), "--out", str(out), "--jobs", "1", "--cache", str(tmp_path / "kept")]
    assert run_cli("--cache DIR", args).exit_code == 0
    path = corpus / "002_f00be18f7071aa6d.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe ministry said it would respond.\n", encoding="utf-8")
    rescored = fail_at(monkeypatch, 0, RuntimeError("never"))
    assert run_cli("--cache after an edit", args).exit_code == 0
    assert rescored == ["002_f00be18f7071aa6d"]
    rescored.clear()
    assert run_cli("--cache with another option", [*args, "--target", "Gazprom"]).exit_code == 0
    assert len(rescored) == 5


def test_a_cache_inside_the_output_folder_is_refused(corpus, tmp_path):
    out = tmp_path / "scores"
    result = run_cli("--cache inside --out", ["score", str(corpus), "--out", str(out), "--cache", str(out / "c")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"Error: Invalid value for --cache: {out / 'c'} is inside --out {out}, which each run replaces — "
        "choose a folder outside it")

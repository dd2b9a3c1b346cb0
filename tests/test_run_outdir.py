import hashlib
import os

import pytest

from framing.errors import OutputError
from framing.run.outdir import MARKER, check_outside_inputs, staged_output


def tree(folder):
    """Relative path → SHA-256 of every file under ``folder``: inputs must survive byte for byte."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def articles(tmp_path):
    """An article folder as a user has it: texts and a manifest."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "001.txt").write_text("The minister said the talks would resume on Monday.")
    (folder / "articles.csv").write_text("file,outlet\n001.txt,TASS\n")
    return folder


def written(out, **kwargs):
    with staged_output(out, **kwargs) as folder:
        (folder / "index.md").write_text("# Report")


def test_failed_run_leaves_previous_output(tmp_path):
    out = tmp_path / "reports"
    with staged_output(out) as folder:
        (folder / "index.md").write_text("first")
    with pytest.raises(RuntimeError):
        with staged_output(out) as folder:
            (folder / "index.md").write_text("half")
            raise RuntimeError("disk full")
    assert (out / "index.md").read_text() == "first" and (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_failed_run_leaves_no_folder_nor_the_parents_it_made(tmp_path):
    (tmp_path / "kept").mkdir()
    with pytest.raises(RuntimeError):
        with staged_output(tmp_path / "kept" / "new" / "deeper" / "reports") as folder:
            (folder / "index.md").write_text("half")
            raise RuntimeError("nothing could be scored")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["kept"]


@pytest.mark.parametrize("force", [False, True])
def test_out_is_the_input_folder(articles, force):
    before = tree(articles)
    with pytest.raises(OutputError, match="--out is the article folder .* choose another --out outside"):
        written(articles, force=force, inputs=[articles])
    assert tree(articles) == before


def test_out_marked_by_an_earlier_run_is_still_refused_when_it_holds_the_articles(articles):
    (articles / MARKER).write_text("")
    before = tree(articles)
    with pytest.raises(OutputError, match="is the article folder"):
        written(articles, force=True, inputs=[articles])
    assert tree(articles) == before


def test_out_inside_the_input_folder(articles):
    with pytest.raises(OutputError, match="--out is inside the article folder"):
        written(articles / "reports", inputs=[articles])
    assert not (articles / "reports").exists()


def test_out_containing_the_input_folder(tmp_path, articles):
    before = tree(articles)
    with pytest.raises(OutputError, match="--out holds the input"):
        written(tmp_path, force=True, inputs=[articles])
    assert tree(articles) == before


def test_out_containing_an_input_file_but_report_beside_it_is_fine(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "articles.jsonl").write_text('{"text": "x"}\n')
    lexicon = tmp_path / "topic.toml"
    lexicon.write_text("")
    with pytest.raises(OutputError, match="holds the input .*topic.toml"):
        written(tmp_path, inputs=[lexicon])
    with pytest.raises(OutputError, match="holds the input .*articles.jsonl"):
        written(data, force=True, inputs=[data / "articles.jsonl", lexicon])
    written(data / "report", inputs=[data / "articles.jsonl", lexicon])  # nothing read from there
    assert (data / "articles.jsonl").read_text() == '{"text": "x"}\n' and (data / "report" / MARKER).exists()


def test_out_through_a_symlink_or_relative_path_to_the_input_folder(tmp_path, articles, monkeypatch):
    (tmp_path / "link").symlink_to(articles, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    before = tree(articles)
    for out in (tmp_path / "link", "articles", "link/reports", "./link/../link"):
        with pytest.raises(OutputError, match="the article folder"):
            written(out, force=True, inputs=[tmp_path / "link"])
    assert tree(articles) == before


@pytest.mark.parametrize("out", [".", "", "absolute"])
def test_out_is_the_current_folder(tmp_path, monkeypatch, out):
    work = tmp_path / "work"
    work.mkdir()
    (work / "thesis.docx").write_bytes(b"years of work")
    monkeypatch.chdir(work)
    out = os.getcwd() if out == "absolute" else out
    with pytest.raises(OutputError, match="--out is the current folder"):
        written(out, force=True)
    assert tree(work) == {"thesis.docx": hashlib.sha256(b"years of work").hexdigest()}


def test_out_contains_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    with pytest.raises(OutputError, match="--out contains the current folder"):
        written("..", force=True)
    assert (tmp_path / "work").is_dir()


def test_out_is_the_home_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / MARKER).write_text("")  # even a folder that looks like framing's
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(OutputError, match="--out is the home folder"):
        written(home)
    assert home.is_dir() and (home / MARKER).exists()


def test_out_is_the_filesystem_root():
    with pytest.raises(OutputError, match="--out is the filesystem root"):
        written("/", force=True)


def test_force_on_a_foreign_folder_is_refused_and_leaves_it_untouched(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    for force in (False, True):
        with pytest.raises(OutputError, match="not made by framing"):
            written(out, force=force)
    assert tree(out) == {"thesis.docx": hashlib.sha256(b"precious").hexdigest()}


def test_force_on_a_framing_folder_replaces_it(tmp_path):
    out = tmp_path / "reports"
    with staged_output(out) as folder:
        (folder / "stale.md").write_text("old")
    written(out, force=True)
    assert sorted(tree(out)) == [MARKER, "index.md"]


def test_force_on_an_empty_folder_is_fine(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    written(out, force=True)
    assert sorted(tree(out)) == [MARKER, "index.md"]


def test_cache_folder_must_keep_clear_of_the_articles(articles):
    with pytest.raises(OutputError, match="--cache is inside the article folder"):
        check_outside_inputs(articles / "cache", [articles], "--cache")
    check_outside_inputs(articles.parent / "reports.cache", [articles], "--cache")

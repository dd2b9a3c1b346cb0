"""Report edge cases: one article, one outlet, unsafe outlet names, --group-by, an empty set."""

import json

from click.testing import CliRunner

from framing.cli import main

TEXT = ("NATO said on Monday that the alliance would hold talks with Russia next week. "
        "\"We are open to dialogue,\" the secretary general said. Moscow called the offer a step back "
        "and said the annexation of Crimea was not on the table.")


def run_report(folder, out, *extra):
    return CliRunner().invoke(main, ["report", str(folder), "--out", str(out), "--jobs", "1", *extra])


def test_one_article_one_outlet(make_corpus, tmp_path):
    folder = make_corpus({"a.md": f"---\noutlet: Reuters\ntitle: Talks\n---\n{TEXT}"})
    result = run_report(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "1 article from 1 outlet" in index and "there is only one outlet" in index
    page = (tmp_path / "out" / "reuters.md").read_text(encoding="utf-8")
    assert "one article: figures are that article's own, with no interval" in page


def test_unsafe_outlet_names_get_safe_pages(make_corpus, tmp_path):
    names = ["../../etc", "A/B", "\u202eevil\u202c", "<script>x</script>"]
    files = {f"{i}.json": json.dumps({"text": TEXT, "outlet": name}) for i, name in enumerate(names)}
    result = run_report(make_corpus(files), tmp_path / "out")
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.md"))
    assert pages == ["a-b.md", "etc.md", "evil.md", "index.md", "script-x-script.md"]
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "<script>" not in index and "\u202e" not in index
    assert not (tmp_path / "etc").exists()


def test_group_by_a_manifest_column(make_corpus, tmp_path):
    manifest = "file,outlet,country\na.txt,RT,Russia\nb.txt,TASS,Russia\nc.txt,Reuters,UK\n"
    folder = make_corpus({"a.txt": TEXT, "b.txt": TEXT.replace("Monday", "Tuesday"),
                          "c.txt": TEXT.replace("annexation", "reunification"), "articles.csv": manifest})
    result = run_report(folder, tmp_path / "out", "--group-by", "country")
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.md"))
    assert pages == ["index.md", "russia.md", "uk.md"]
    # Issue 16: the column's name made readable, never the raw name ("Country", "country groups").
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "3 articles from 2 country groups" in index and "| Country | Articles |" in index


def test_empty_set_says_why_and_leaves_no_folder(tmp_path):
    (tmp_path / "in").mkdir()
    result = run_report(tmp_path / "in", tmp_path / "out")
    assert result.exit_code == 2
    assert "nothing could be scored" in result.output and "no articles found" in result.output
    assert not (tmp_path / "out").exists()

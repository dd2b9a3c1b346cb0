"""Issue 16: a report that stays readable with many outlets: focus, aliases, wide tables, the group's name."""

import json
import re

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.compare.focus import DEFAULT_TOP, Focus, load_aliases, select_groups
from framing.errors import CorpusError, DataFileError
from framing.report.groups import group_names, readable_column

# Real sentences in the seeds' manner: one contested wording each, so every outlet has a concept to count.
SENTENCES = [
    "NATO said on Monday that the alliance would hold talks with Russia next week.",
    "Moscow called the offer a step back and said the annexation of Crimea was not on the table.",
    "\"We are open to dialogue,\" the secretary general said.",
    "Officials in Kyiv said the reunification of Crimea with Russia was never recognised.",
]


def article(outlet: str, n: int, **extra) -> str:
    text = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(3))
    return json.dumps({"text": f"Talks {n}\n\n{text}", "outlet": outlet, **extra}) + "\n"


def corpus_of(make_corpus, sizes: dict[str, int], **extra) -> object:
    lines = [article(outlet, i, **extra) for outlet, n in sizes.items() for i in range(n)]
    return make_corpus({"set.jsonl": "".join(lines)})


def run_report(folder, out, *options):
    result = CliRunner().invoke(main, ["report", str(folder), "--out", str(out), "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return result


# -- choosing the groups -------------------------------------------------------
SIZES = {"CNN": 9, "Fox News": 7, "Vox": 2, "Blog": 1}


@pytest.mark.parametrize(("focus", "shown", "left_out"), [
    (Focus(), ["CNN", "Fox News", "Vox", "Blog"], []),
    (Focus(top=2), ["CNN", "Fox News"], ["Vox", "Blog"]),
    (Focus(top=0, min_articles=2), ["CNN", "Fox News", "Vox"], ["Blog"]),
    (Focus(names=("Vox", "Blog")), ["Vox", "Blog"], ["CNN", "Fox News"]),
    (Focus(top=1, names=("Vox", "Blog")), ["Vox"], ["CNN", "Fox News", "Blog"]),
    (Focus(min_articles=2, names=("Vox", "Blog")), ["Vox"], ["CNN", "Fox News", "Blog"]),
])
def test_select_groups(focus, shown, left_out):
    chosen = select_groups(list(SIZES), SIZES, focus)
    assert chosen.shown == shown
    assert chosen.left_out == [(g, SIZES[g]) for g in left_out]


def test_default_top_leaves_out_beyond_twelve():
    sizes = {f"Outlet {i:02d}": 20 - i for i in range(15)}
    chosen = select_groups(list(sizes), sizes, Focus())
    assert len(chosen.shown) == DEFAULT_TOP == 12 and [g for g, _ in chosen.left_out] == [
        "Outlet 12", "Outlet 13", "Outlet 14"]


def test_outlet_names_go_through_aliases_and_unknown_ones_are_named():
    chosen = select_groups(list(SIZES), SIZES, Focus(names=("Fox Online News", "cnn", "Voxx")),
                           aliases={"Fox Online News": "Fox News"})
    assert chosen.shown == ["Fox News"]
    assert chosen.unknown == [("cnn", "CNN"), ("Voxx", "Vox")]


def test_a_focus_that_keeps_nothing_says_which_option_to_change():
    with pytest.raises(CorpusError, match=r"--min-articles 50: no outlet or group .* \(the most is 9\) — lower"):
        select_groups(list(SIZES), SIZES, Focus(min_articles=50))
    with pytest.raises(CorpusError, match=r"--outlet 'Fxo News': no outlet or group of that name .* e.g. 'Fox News'"):
        select_groups(list(SIZES), SIZES, Focus(names=("Fxo News",)))


# -- alias files ---------------------------------------------------------------
def test_alias_file(tmp_path):
    file = tmp_path / "aliases.toml"
    file.write_text('# one outlet, several names\n"Fox News" = ["Fox Online News", "Fox News (Online)", "Fox News"]\n'
                    '"New York Times" = ["New York Times - News"]\n', encoding="utf-8")
    assert load_aliases(file) == {"Fox Online News": "Fox News", "Fox News (Online)": "Fox News",
                                  "New York Times - News": "New York Times"}


@pytest.mark.parametrize(("text", "message"), [
    ('"Fox News" = "Fox Online News"\n',
     r"aliases.toml, line 1: 'Fox News' needs a list of names, e.g. \"Fox News\" = \["),
    ('"Fox News" = ["Fox"]\n"Fox Online" = ["Fox"]\n',
     r"aliases.toml, line 1: 'Fox' is listed under both 'Fox News' and 'Fox Online' — keep it under one name"),
    ('"Fox News" = ["Fox"]\n"Fox Nation" = ["Fox News"]\n',
     r"line 1: 'Fox News' is shown for 'Fox' but is itself merged into 'Fox Nation'"),
])
def test_alias_file_errors_name_the_line_and_the_fix(tmp_path, text, message):
    file = tmp_path / "aliases.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_aliases(file)


def test_a_broken_alias_file_fails_before_scoring(tmp_path, seeds_dir):
    file = tmp_path / "aliases.toml"
    file.write_text('"RT" = "Russia Today"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(seeds_dir), "--out", str(tmp_path / "out"),
                                       "--aliases", str(file)])
    assert result.exit_code == 3 and "Scoring" not in result.output
    assert result.output.startswith(f"Error: {file}, line 1: 'RT' needs a list of names")


# -- the report ----------------------------------------------------------------
def test_top_leaves_out_and_the_index_says_how_to_include(make_corpus, tmp_path):
    folder = corpus_of(make_corpus, {"Daily Planet": 3, "Globe": 2, "Sentinel": 2, "Courier": 1})
    run_report(folder, tmp_path / "out", "--top", "2")
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.md"))
    assert pages == ["daily-planet.md", "globe.md", "index.md"]
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Framing report: 5 articles from 2 outlets (of 8 from 4)\n")
    assert "**Shown:** the 2 outlets with most articles: 5 of the 8 articles counted." in index
    assert ("**Left out:** 2 outlets with 3 articles (in `features.csv`, `evidence.jsonl` and `outlets.csv` "
            "all the same), by number of articles:\nSentinel (2), Courier (1).\n") in index
    assert ("run the report again with `--top 4` (the 4 outlets with most articles), `--top 0` (every outlet) "
            "or `--outlet \"Sentinel\"`") in index
    # The data files keep every outlet; figures compare with every other article.
    outlets = (tmp_path / "out" / "outlets.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in outlets[1:]] == ["Daily Planet", "Globe", "Sentinel", "Courier"]
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["options"]["focus"] == {"top": 2, "min_articles": 1, "outlets": [], "shown": 2, "left_out": 2,
                                       "merged": {}, "group_label": ""}


def test_outlet_and_aliases_merge_names_and_unknown_names_are_warned(make_corpus, tmp_path):
    folder = corpus_of(make_corpus, {"Fox Online News": 2, "Fox News Opinion": 1, "Globe": 2, "Courier": 1})
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('"Fox News" = ["Fox Online News", "Fox News Opinion"]\n', encoding="utf-8")
    result = run_report(folder, tmp_path / "out", "--aliases", str(aliases), "--outlet", "Fox News",
                        "--outlet", "Globe", "--outlet", "Curier")
    assert "Warning: --outlet 'Curier': no outlet of that name in the set — did you mean 'Courier'?" in result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.md")) == ["fox-news.md", "globe.md", "index.md"]
    page = (tmp_path / "out" / "fox-news.md").read_text(encoding="utf-8")
    assert ("3 articles counted · names counted as one (`--aliases`): Fox Online News (2), "
            "Fox News Opinion (1).") in page
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "**Shown:** the outlets named with `--outlet`: 5 of the 6 articles counted." in index
    assert "one more `--outlet \"Courier\"` for each" in index
    assert "- Names counted as one outlet (`--aliases`): Fox News (Fox Online News, Fox News Opinion)." in index


def test_many_outlets_turn_the_terms_tables_and_keep_lines_short(make_corpus, tmp_path):
    names = [f"Regional Gazette of Town Number {i:02d}" for i in range(DEFAULT_TOP + 2)]
    folder = corpus_of(make_corpus, dict.fromkeys(names, 1))
    run_report(folder, tmp_path / "out", "--top", "0")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert len(list((tmp_path / "out").glob("*.md"))) == len(names) + 1  # every outlet its page
    assert "**Left out:**" not in index
    assert "each table has one row per outlet that uses any of the concept's wordings" in index
    # One column per wording, with whose term it is: | Outlet | “annexation” (ukraine-west) | …
    assert re.search(r"^\| Outlet \| “[^”]+” \([\w\\-]+\) \|", index, re.MULTILINE)
    assert max(len(line) for line in index.splitlines()) < 1500


def test_group_by_speaks_the_groups_name(make_corpus, tmp_path):
    folder = make_corpus({"set.jsonl": "".join(
        article(outlet, i, bias_text=bias) for i, (outlet, bias) in
        enumerate([("Globe", "left"), ("Sentinel", "right"), ("Courier", "right"), ("Daily", "center")]))})
    run_report(folder, tmp_path / "out", "--group-by", "bias_text")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Framing report: 4 articles from 3 bias groups\n")
    assert "| Bias | Articles |" in index and "compares how each bias group words the story" in index
    right = (tmp_path / "out" / "right.md").read_text(encoding="utf-8")
    assert right.startswith("# Bias: right\n\n[← Comparison of all bias groups](index.md)")
    assert "## Figures against the other bias groups" in right
    for page in (tmp_path / "out").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "bias_text" not in text and "Bias_text" not in text, page.name


def test_group_label_names_the_groups(make_corpus, tmp_path):
    manifest = "file,outlet,country\na.txt,RT,Russia\nb.txt,TASS,Russia\nc.txt,Reuters,UK\n"
    text = " ".join(SENTENCES)
    folder = make_corpus({"a.txt": text, "b.txt": text, "c.txt": text, "articles.csv": manifest})
    run_report(folder, tmp_path / "out", "--group-by", "country", "--group-label", "country")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "3 articles from 2 countries" in index and "| Country | Articles |" in index


@pytest.mark.parametrize(("group_by", "label", "names"), [
    ("outlet", None, ("outlet", "outlets", "Outlet")),
    ("bias_text", None, ("bias group", "bias groups", "Bias")),
    ("source_country_code", None, ("source country group", "source country groups", "Source country")),
    ("side", "political side", ("political side", "political sides", "Political side")),
    ("bias_text", "Bias", ("bias", "biases", "Bias")),
    ("region", "EU member", ("EU member", "EU members", "EU member")),
])
def test_group_names(group_by, label, names):
    assert tuple(group_names(group_by, label).values()) == names


@pytest.mark.parametrize(("column", "words"), [
    ("bias_text", "bias"), ("Country", "country"), ("sourceCountry", "source country"), ("text", "text"),
    ("outlet-name", "outlet"), ("period", "period"),
])
def test_readable_column(column, words):
    assert readable_column(column) == words

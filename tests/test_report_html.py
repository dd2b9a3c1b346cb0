"""The HTML report: the seeds' pages with their annotated articles, side by side, safe and navigable."""

import re
from html.parser import HTMLParser
from importlib import resources

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.report import html as report_html
from framing.report.annotate import Mark, render_span
from framing.report.html import CSP, stylesheet
from framing.report.markdown_html import table_of_contents

VOID = {"meta", "img", "br", "hr", "input", "link"}


class Checker(HTMLParser):
    """Collects what the tests look at: tags, ids, links, headings and whether elements nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.hrefs, self.headings = [], [], [], [], []
        self.tags, self.imgs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "img":
            self.imgs.append(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def check(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    return checker


def make_report(out, source, *options):
    result = CliRunner().invoke(main, ["report", str(source), "--out", str(out), "--jobs", "1", "--format", "html",
                                       *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, seeds_dir):
    return make_report(tmp_path_factory.mktemp("html") / "seeds", seeds_dir)


@pytest.fixture(scope="module")
def page(seeds_report):
    return (seeds_report / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def split_report(tmp_path_factory, seeds_dir):
    """The seeds as a larger set is written: one page per outlet (the limit lowered to 2 articles)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_html, "ONE_PAGE_ARTICLES", 2)
        return make_report(tmp_path_factory.mktemp("html") / "split", seeds_dir)


def article(page: str, article_id: str) -> str:
    start = page.index(f'<h4 id="art-{article_id}">')
    return page[start:page.index("</article>", start)]


def test_the_stylesheet_is_the_packaged_file_inlined(page):
    css = resources.files("framing.report").joinpath("templates", "report.css").read_text(encoding="utf-8")
    assert stylesheet() == css and "@media print" in css and ":focus-visible" in css
    assert f"<style>\n{css}</style>" in page and "<link" not in page


def test_the_page_runs_no_script_and_fetches_nothing(page):
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP and "script-src" not in CSP and "img-src data:" in CSP
    checker = check(page)
    assert "script" not in checker.tags and "iframe" not in checker.tags
    assert all(re.match(r"https?://|#", href) for href in checker.hrefs), checker.hrefs
    assert all(img["src"].startswith("data:image/png;base64,") for img in checker.imgs)


def test_all_five_articles_are_shown_with_the_crimea_terms_marked_in_their_sentences(page):
    ids = ["000_ba4c7e0c4217ab86", "001_6d2487ecfb3683dc", "002_f00be18f7071aa6d", "003_c93ca4cd981dbd98",
           "004_f3d4c5d178d2a1ea"]
    assert page.count('<article class="article"') == 5
    for article_id in ids:
        assert f'<h4 id="art-{article_id}">' in page
    rt, moscow_times = article(page, ids[0]), article(page, ids[2])
    reunification = re.search(r'<mark class="term (side-\d)" title="([^"]+)">reunification</mark>', rt)
    annexation = re.search(r'<mark class="term (side-\d)" title="([^"]+)">annexation</mark>', moscow_times)
    assert reunification and annexation
    assert reunification.group(1) != annexation.group(1)  # two sides, two styles
    assert reunification.group(2).startswith("Contested term “reunification”: Crimea 2014 — the russia wording")
    assert "the ukraine-west wording" in annexation.group(2)
    # Marked inside its sentence, which is a link target with its tone.
    sentence = rt[:rt.index(">reunification</mark>")].rsplit('<span class="sentence', 1)[1]
    assert sentence.startswith(' tone-') and 'id="s-000_ba4c7e0c4217ab86-8"' in sentence


def test_quotations_carry_speaker_side_and_verb_and_nest_with_the_terms_inside(page):
    rt = article(page, "000_ba4c7e0c4217ab86")
    assert ('<span class="quote quote-direct" title="Direct quotation of Alexander Grushko (russia gov), reporting '
            'verb “stated” (neutral)">Civil and military cooperation has ceased <span class="loaded') in rt
    assert '<span class="speaker" title="Speaker: Alexander Grushko (russia gov)">Grushko</span>' in rt
    # "business as usual" is the military bloc's own words inside its (partly quoted) claim, no scare quote.
    claim = rt[rt.index("Partly quoted paraphrase of NATO"):]
    assert claim.index("business as usual") < claim.index("reunification")
    assert '<span class="scare"' not in claim[:claim.index("reunification")]
    assert check(page).errors == []


def test_each_sentence_has_its_tone_and_loaded_words_their_reason(page):
    rt = article(page, "000_ba4c7e0c4217ab86")
    assert re.search(r'<span class="sentence tone-clearly-negative" id="s-000_ba4c7e0c4217ab86-7" '
                     r'title="Sentence tone -0\.86 \(VADER\): clearly negative">', rt)
    assert ('<span class="loaded loaded-intensifiers" title="“completely”: intensifier: it raises the force of the '
            'statement">completely</span>') in rt


def test_what_cleaning_removed_is_folded_away_struck_through(page):
    moscow_times = article(page, "002_f00be18f7071aa6d")
    removed = moscow_times[moscow_times.index('<details class="removed">'):]
    assert "<del>April 15, 2019</del> <span class=\"why\">line 5, date line</span>" in removed
    assert "<del>Original url:</del>" in removed


def test_side_by_side_puts_the_outlets_wordings_next_to_each_other(page):
    view = page[page.index('<section class="side-by-side"'):page.index("</section>",
                                                                       page.index('<section class="side-by-side"'))]
    crimea = view[view.index("<strong>Crimea 2014</strong>"):]
    crimea = crimea[:crimea.index("</figure>")]
    assert crimea.count('<div class="column">') == 2
    assert '<p class="who">RT</p>' in crimea and '<p class="who">The Moscow Times</p>' in crimea
    assert re.search(r'<mark class="term side-\d">reunification</mark> <span class="side-name">\(russia, 1×\)</span>',
                     crimea)
    assert 'href="#s-002_f00be18f7071aa6d-' in crimea  # each sentence links to its place in the article


def test_every_link_inside_the_page_has_its_target(page):
    checker = check(page)
    ids = set(checker.ids)
    assert len(ids) == len(checker.ids), "ids are unique"
    assert {href[1:] for href in checker.hrefs if href.startswith("#")} <= ids
    assert 'href="#notes"' in page  # the Markdown's own anchors still work
    # An article's id in the outlet's tables and examples leads to the annotated article.
    assert '<a href="#art-000_ba4c7e0c4217ab86"><code>000_ba4c7e0c4217ab86</code></a>' in page
    # "sentence 2" of an example leads to that sentence (index 1) in the annotated article.
    assert ('<a href="#art-000_ba4c7e0c4217ab86"><code>000_ba4c7e0c4217ab86</code></a>, '
            '<a href="#s-000_ba4c7e0c4217ab86-1">sentence 2</a>)</p>\n<p>') in page


def test_headings_descend_one_level_at_a_time(page):
    levels = check(page).headings
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))


def test_charts_have_a_sentence_describing_them_as_alt_text(page):
    alts = [img["alt"] for img in check(page).imgs]
    assert len(alts) == 7
    # The seeds' voices chart is by side: the registries name the speakers of most statements.
    assert ("Share of each outlet's attributed statements (direct and indirect) by the speaker's side, from the "
            "actor registries that apply to the articles (unidentified: no registry names the speaker); shown by "
            "side because the registries name the speakers of most statements of this run.") in alts
    assert all(alt.endswith(".") and len(alt) > 40 for alt in alts)


def test_a_larger_set_gets_one_self_contained_page_per_outlet(split_report):
    index = (split_report / "report.html").read_text(encoding="utf-8")
    rt = (split_report / "rt.html").read_text(encoding="utf-8")
    assert "<article" not in index and '<a href="rt.html">RT</a>' in index
    assert f'content="{CSP}"' in rt and "<style>" in rt and '<a href="report.html">Comparison</a>' in rt
    assert rt.count('<article class="article"') == 1 and '<h3 id="art-000_ba4c7e0c4217ab86">' in rt
    assert '<a href="#art-000_ba4c7e0c4217ab86"><code>' in rt
    # Sentences of the side-by-side view link into the outlet pages, where they are.
    for page_name, anchor in re.findall(r'href="([a-z-]+\.html)#(s-[^"]+)"', index):
        assert f'id="{anchor}"' in (split_report / page_name).read_text(encoding="utf-8")
    for name in ("report.html", "rt.html", "tass.html"):
        text = (split_report / name).read_text(encoding="utf-8")
        assert check(text).errors == [] and "<script" not in text


def test_article_text_is_escaped_and_only_http_links_kept(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = ('<script>alert(1)</script> NATO said the "annexation" of Crimea was illegal, officials said. '
               'Russia calls it <b onmouseover="x()">reunification</b>. Moscow rejects the claim & more.\n')
    (folder / "a.txt").write_text(hostile * 3, encoding="utf-8")
    (folder / "b.txt").write_text("Russia says the reunification with Crimea was legal, officials said.\n",
                                  encoding="utf-8")
    (folder / "articles.csv").write_text("file,outlet,url,title\na.txt,Evil <i>Outlet</i>,javascript:alert(1),"
                                         "\"<img src=x onerror=alert(1)>\"\nb.txt,Other,https://ex.org/b,B\n",
                                         encoding="utf-8")
    out = make_report(tmp_path / "out", folder)
    page = (out / "report.html").read_text(encoding="utf-8")
    checker = check(page)
    assert checker.errors == []
    assert not {"script", "b", "i"} & checker.tags
    assert all(img["src"].startswith("data:") for img in checker.imgs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "javascript:" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="https://ex.org/b"' in page


def test_overlapping_marks_are_closed_and_reopened_so_the_html_nests():
    text = "Moscow's reunification with Crimea, he said."
    marks = [Mark(0, 34, "quote", "quote", "Paraphrase"), Mark(9, 22, "term", "term side-0", "Term"),
             Mark(28, 43, "loaded", "loaded", "overlaps the quote's end")]
    html = render_span(text, 0, len(text), marks)
    assert check(html).errors == []
    assert html.count('<span class="loaded"') == 2  # cut where the quotation ends
    assert re.sub(r"<[^>]+>", "", html) == text


def test_the_table_of_contents_lists_sections_with_their_subsections():
    toc = table_of_contents('<h1 id="t">T</h1><h2 id="a">A</h2><h3 id="b">B</h3><h2 id="c">C</h2>')
    assert [(e["id"], [c["id"] for c in e["children"]]) for e in toc] == [("a", ["b"]), ("c", [])]


def test_a_large_group_page_annotates_the_articles_it_cites_and_says_so(tmp_path, seeds_dir):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_html, "ONE_PAGE_ARTICLES", 2)
        patch.setattr(report_html, "MAX_ANNOTATED", 0)
        out = make_report(tmp_path / "capped", seeds_dir)
    pages = {path.name: path.read_text(encoding="utf-8") for path in out.glob("*.html")}
    markdown = "".join(path.read_text(encoding="utf-8") for path in out.glob("*.md"))
    annotated = set(re.findall(r'<article class="article" aria-labelledby="art-([^"]+)"', "".join(pages.values())))
    cited = set(re.findall(r"`([^`\n]+)`, sentence \d+", markdown))
    assert annotated == cited and annotated
    # Every link into an article or a sentence still lands on an anchor that exists.
    for name, page in pages.items():
        for target, anchor in re.findall(r'href="([a-z-]*\.html)?#((?:art|s)-[^"]+)"', page):
            assert f'id="{anchor}"' in pages[target or name], (name, target, anchor)


def test_beyond_the_limit_a_page_annotates_the_cited_articles_then_the_first_others(tmp_path, monkeypatch):
    (tmp_path / "index.md").write_text("> A statement. (`c`, sentence 2)\n", encoding="utf-8")
    (tmp_path / "g.md").write_text("| `a` | `b` | `c` | `d` |\n> Another. (`d`, sentence 1)\n", encoding="utf-8")
    groups = [{"slug": "g", "articles": [{"id": i} for i in "abcd"]}]
    monkeypatch.setattr(report_html, "MAX_ANNOTATED", 3)
    assert [r["id"] for r in report_html._annotated_rows(groups, tmp_path, {})["g"]] == ["a", "c", "d"]
    monkeypatch.setattr(report_html, "MAX_ANNOTATED", 1)
    assert [r["id"] for r in report_html._annotated_rows(groups, tmp_path, {})["g"]] == ["c", "d"]
    statements = {"statements": [{"renderings": [{"id": "b"}]}]}
    assert [r["id"] for r in report_html._annotated_rows(groups, tmp_path, statements)["g"]] == ["b", "c", "d"]


def test_two_processes_write_the_report_one_writes(split_report, tmp_path, seeds_dir):
    # --jobs 2: the distinctive words, the charts and each outlet's annotated articles are made in forked
    # worker processes (framing.report.in_processes); every file is the one --jobs 1 writes.
    from framing.report import in_processes

    forked = []
    started = in_processes.InOrder.forked

    def noted(function, items, jobs, context):
        forked.append(len(items))
        return started(function, items, jobs, context)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_html, "ONE_PAGE_ARTICLES", 2)
        patch.setattr(in_processes.InOrder, "forked", noted)
        result = CliRunner().invoke(main, ["report", str(seeds_dir), "--out", str(tmp_path / "two"), "--jobs", "2",
                                           "--format", "html"])
    assert result.exit_code == 0, result.output
    assert forked == [1, 1, 4]  # the distinctive words, the charts, then the four outlets' articles
    written = sorted(p.relative_to(split_report) for p in split_report.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert {"rt.html", "tass.html", "charts/sentence_tone.png"} <= {p.as_posix() for p in written}
    for name in written:
        assert (tmp_path / "two" / name).read_bytes() == (split_report / name).read_bytes(), name


def test_the_articles_to_annotate_are_read_once_and_parsed_as_in_scoring(seeds_dir):
    from framing.corpus.reader import CorpusReader
    from framing.report.articles import ArticleSource, parse_articles

    reader = CorpusReader(seeds_dir)
    readings = []

    class Counted:
        def __iter__(self):
            readings.append(1)
            return iter(reader)

    ids = [article.id for article in reader]
    source = ArticleSource(Counted())
    source.keep(ids[1:])
    groups = [[ids[3], ids[1]], [ids[2]], [ids[4]]]
    parsed = [[(article_id, document.body) for article_id, document in source(group)] for group in groups]
    assert len(readings) == 1  # keep read the set; the groups' calls did not
    assert parsed == [[(article_id, document.body) for article_id, document in parse_articles(reader, group)]
                      for group in groups]
    assert [article_id for article_id, _ in parsed[0]] == [ids[1], ids[3]]  # in the set's order
    list(source([ids[0]]))  # an article not kept is read from the set
    assert len(readings) == 2

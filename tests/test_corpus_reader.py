import gzip
import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.corpus.problems import check_group_column
from framing.corpus.reader import CorpusReader, read_corpus
from framing.errors import CorpusError

BODY = "The minister said on Monday that the talks would continue next week in Geneva."


def test_seeds_are_read_with_manifest_metadata(seeds_dir):
    articles, warnings = read_corpus(seeds_dir)
    assert warnings == []
    assert [a.outlet for a in articles] == ["RT", "Fort Russ News", "The Moscow Times", "Fort Russ News", "TASS"]
    tass = articles[4]
    assert tass.id == "004_f3d4c5d178d2a1ea"
    assert tass.date == "2018-02-16" and tass.url == "https://tass.com/politics/990329"
    assert articles[2].title == "Russia Has Ceased 'All' Cooperation With NATO, Foreign Ministry Official Says"


def test_outlet_inferred_from_dateline_and_original_url(make_corpus, seed_texts):
    folder = make_corpus({"a.txt": seed_texts["004_f3d4c5d178d2a1ea"], "b.txt": seed_texts["002_f00be18f7071aa6d"],
                          "c.txt": BODY})
    articles = {a.id: a for a in CorpusReader(folder)}
    assert (articles["a"].outlet, articles["a"].outlet_inferred) == ("TASS", 'dateline "/TASS/"')
    assert articles["b"].outlet == "The Moscow Times" and "Original url" in articles["b"].outlet_inferred
    assert articles["c"].outlet == "unknown" and articles["c"].outlet_inferred == ""


def test_jsonl_with_allsides_columns_and_a_broken_line(make_corpus):
    lines = [json.dumps({"ID": "x1", "source": "NPR", "content_original": BODY, "title": "T"}),
             "{broken",
             json.dumps({"ID": "x2", "source": "Fox News", "content_original": BODY + " More."})]
    folder = make_corpus({"set.jsonl": "\n".join(lines)})
    reader = CorpusReader(folder)
    articles = list(reader)
    assert [(a.id, a.outlet) for a in articles] == [("x1", "NPR"), ("x2", "Fox News")]
    assert reader.warnings == ["set.jsonl line 2: not valid JSON (Expecting property name enclosed in double quotes)"
                               " — fix or remove the line"]


def test_utf8_once_read_as_windows_1252_is_put_right(make_corpus):
    # Two AllSides titles as the data set holds them.
    lines = [json.dumps({"ID": "t1", "source": "Fox News", "content_original": BODY + " Itâ€™s late.",
                         "title": "Benghazi-Gate Ã¢â‚¬â€œ time for the White House to say what they know"}),
             json.dumps({"ID": "t2", "source": "NPR", "content_original": BODY, "title": "São Paulo votes"})]
    articles = list(CorpusReader(make_corpus({"set.jsonl": "\n".join(lines)})))
    assert [a.title for a in articles] == ["Benghazi-Gate – time for the White House to say what they know",
                                           "São Paulo votes"]
    assert articles[0].text.endswith("It’s late.")


def test_gzip_jsonl_and_csv_without_text_column(make_corpus, tmp_path):
    folder = make_corpus({"b.csv": "title,outlet\nA,RT\n"})
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": BODY, "outlet": "RT"}) + "\n")
    reader = CorpusReader(folder)
    articles = list(reader)
    assert [a.id for a in articles] == ["a.jsonl.gz#1"]
    assert any("b.csv: no text column" in w and "--column text=NAME" in w for w in reader.warnings)


def test_columns_option_names_keys(make_corpus):
    folder = make_corpus({"a.json": json.dumps([{"body_text": BODY, "site": "RT"}])})
    articles = list(CorpusReader(folder, columns={"text": "body_text", "outlet": "site"}))
    assert [(a.outlet, a.text) for a in articles] == [("RT", BODY)]
    with pytest.raises(CorpusError, match="unknown field 'txt'"):
        CorpusReader(folder, columns={"txt": "x"})


def test_encodings_binary_and_empty_files(make_corpus):
    folder = make_corpus({
        "cp1251.txt": "Министр заявил, что переговоры продолжатся в понедельник.".encode("cp1251"),
        "utf16.txt": BODY.encode("utf-16"),  # with its byte-order mark
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "empty.txt": "",
        "crlf.txt": BODY.replace(" ", "\r\n", 2) + "\x00",
    })
    reader = CorpusReader(folder)
    articles = {a.id: a for a in reader}
    assert articles["cp1251"].text.startswith("Министр заявил")
    assert articles["utf16"].text == BODY
    assert "\r" not in articles["crlf"].text and "\x00" not in articles["crlf"].text
    assert "image" not in articles and "empty" not in articles
    assert any(w.startswith("image.txt: not text") for w in reader.warnings)
    assert "empty.txt: empty — skipped" in reader.warnings


def test_manifest_rejects_path_traversal_and_reports_missing_files(make_corpus):
    folder = make_corpus({"a.txt": BODY, "articles.csv": "file,outlet\na.txt,RT\n../../etc/passwd,X\nmissing.txt,Y\n"})
    reader = CorpusReader(folder)
    articles = list(reader)
    assert [(a.id, a.outlet) for a in articles] == [("a", "RT")]
    assert any("'../../etc/passwd' points outside the article folder" in w for w in reader.warnings)
    assert any("'missing.txt' names a missing file" in w for w in reader.warnings)


def test_front_matter_and_duplicate_ids(make_corpus):
    folder = make_corpus({"a.md": f"---\noutlet: Reuters\nid: same\n---\n{BODY}",
                          "b.md": f"---\noutlet: AP\nid: same\n---\n{BODY}"})
    reader = CorpusReader(folder)
    assert [(a.id, a.outlet) for a in reader] == [("same", "Reuters"), ("same~2", "AP")]
    assert any("id 'same' is used twice" in w for w in reader.warnings)


def test_symlink_loop_and_missing_path(make_corpus):
    folder = make_corpus({"sub/a.txt": BODY})
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    assert [a.id for a in CorpusReader(folder)] == ["sub/a"]
    with pytest.raises(CorpusError, match="no such file or folder"):
        CorpusReader(folder / "nope")


def test_reading_twice_gives_the_same_ids(seeds_dir):
    reader = CorpusReader(seeds_dir)
    assert [a.id for a in reader] == [a.id for a in reader]


# -- nothing lost, nothing wrong (issue 11) ------------------------------------
PAGE = f"<html><body><article><p>{BODY}</p></article></body></html>"
LXML_SPLIT = ("lxml.html.clean module is now a separate project lxml_html_clean.\n"
              "Install lxml[html-clean] or lxml_html_clean directly.")


def test_html_whose_extractor_cannot_load_is_skipped_and_the_txt_beside_it_is_read(make_corpus, monkeypatch):
    calls = []

    def broken_extractor(html):
        calls.append(html)
        raise ImportError(LXML_SPLIT)

    monkeypatch.setattr("framing.corpus.reader.extract_html", broken_extractor)
    folder = make_corpus({"a.html": PAGE, "b.txt": BODY, "c.htm": PAGE})
    articles, warnings = read_corpus(folder)
    assert [(a.id, a.text) for a in articles] == [("b", BODY)]
    assert warnings == ["a.html and c.htm: skipped — the HTML extractor could not be loaded (lxml.html.clean module "
                        "is now a separate project lxml_html_clean): pip install lxml_html_clean"]
    assert len(calls) == 1  # the failed import is not tried again for every file


def test_an_extractor_error_skips_only_its_file(make_corpus, monkeypatch):
    def extractor(html):
        raise ValueError("Document is empty")

    monkeypatch.setattr("framing.corpus.reader.extract_html", extractor)
    articles, warnings = read_corpus(make_corpus({"a.html": PAGE, "b.txt": BODY}))
    assert [a.id for a in articles] == ["b"]
    assert warnings == ["a.html: skipped — it could not be read (ValueError: Document is empty); "
                        "check the file or remove it"]


def test_semicolon_csv_is_read_with_its_outlets_and_texts(make_corpus):
    csv_text = ("outlet;text;bias_text\n"
                "RT;The minister said, on Monday, that the talks would go on.;left\n"
                "TASS;Officials said, again, that nothing had changed.;right\n")
    articles, warnings = read_corpus(make_corpus({"set.csv": csv_text}))
    assert warnings == []
    assert [(a.outlet, a.text, a.extra["bias_text"]) for a in articles] == [
        ("RT", "The minister said, on Monday, that the talks would go on.", "left"),
        ("TASS", "Officials said, again, that nothing had changed.", "right")]


def test_delimiter_option_overrides_the_sniffing(make_corpus):
    folder = make_corpus({"set.csv": "outlet;text\nRT;The minister said, on Monday, that the talks would go on.\n"})
    articles, warnings = read_corpus(folder, delimiter=",")
    assert articles == []
    assert warnings == ["set.csv line 2: more cells than columns — skipped"]
    with pytest.raises(CorpusError, match="--delimiter ';;': not a delimiter"):
        CorpusReader(folder, delimiter=";;")


def test_column_naming_a_missing_key_lists_the_keys_the_file_has(make_corpus):
    folder = make_corpus({"set.jsonl": json.dumps({"body_text": BODY, "site": "RT"}) + "\n"})
    articles, warnings = read_corpus(folder, columns={"text": "content"})
    assert articles == []
    assert warnings == ["set.jsonl: no key 'content' (--column text=content) — its keys are body_text, site; "
                        "name the one holding the article text with --column text=body_text"]


def test_csv_without_a_text_column_suggests_the_column_holding_the_text(make_corpus):
    folder = make_corpus({"stories.csv": f'Story,Site\n"{BODY}",RT\n'})
    articles, warnings = read_corpus(folder)
    assert articles == []
    assert warnings == ["stories.csv: no text column — its columns are Story, Site; "
                        "name the one holding the article text with --column text=Story"]
    assert [(a.outlet, a.text) for a in CorpusReader(folder, columns={"text": "Story", "outlet": "Site"})] == [
        ("RT", BODY)]


def test_column_naming_a_missing_outlet_key_is_reported(make_corpus):
    folder = make_corpus({"set.csv": f'text,site\n"{BODY}",RT\n'})
    articles, warnings = read_corpus(folder, columns={"outlet": "sitee"})
    assert [a.text for a in articles] == [BODY]
    assert warnings == ["set.csv: no column 'sitee' (--column outlet=sitee) — its columns are text, site; fix the name"]


def test_a_folder_of_pdfs_and_word_files_says_what_it_found(make_corpus):
    folder = make_corpus({"a.pdf": b"%PDF-1.4 x", "b.pdf": b"%PDF-1.4 y", "sub/c.pdf": b"%PDF-1.4 z",
                          "notes.docx": b"PK\x03\x04"})
    articles, warnings = read_corpus(folder)
    assert articles == []
    assert warnings == [
        f"{folder}: no articles found — it holds 3 .pdf files and 1 .docx file but no "
        ".txt, .md, .html, .json, .jsonl or .csv files",
        "1 .docx file was found and skipped: Word is not supported — save it as .txt or .html",
        "3 .pdf files were found and skipped: PDF is not supported — convert them to .txt or .html",
    ]


def test_unsupported_files_beside_articles_are_one_warning_per_type(make_corpus):
    articles, warnings = read_corpus(make_corpus({"a.txt": BODY, "photo.jpg": b"\xff\xd8\xff", "LICENSE": "MIT"}))
    assert [a.id for a in articles] == ["a"]
    assert warnings == ["1 file without an extension was found and skipped — add .txt to the names of "
                        "plain-text articles",
                        "1 .jpg file was found and skipped: JPG is not supported — framing reads "
                        ".txt, .md, .html, .json, .jsonl or .csv files"]


def test_group_by_a_column_no_article_has_lists_the_columns_that_exist(make_corpus):
    folder = make_corpus({"set.jsonl": json.dumps({"text": BODY, "outlet": "RT", "bias_text": "left"}) + "\n"})
    with pytest.raises(CorpusError) as error:
        check_group_column(CorpusReader(folder), "bias")
    assert str(error.value) == ("--group-by bias: no article has a column 'bias' — use outlet, date, title, url "
                                "or bias_text (did you mean bias_text?)")
    for column in ("outlet", "date", "bias_text"):
        check_group_column(CorpusReader(folder), column)  # no error


def test_group_by_a_manifest_column_is_valid_and_a_missing_one_is_a_one_line_error(make_corpus, tmp_path):
    folder = make_corpus({"a.txt": BODY, "articles.csv": "file,outlet,country\na.txt,RT,Russia\n"})
    check_group_column(CorpusReader(folder), "country")
    result = CliRunner().invoke(main, ["report", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1",
                                       "--group-by", "side"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "Error: --group-by side: no article has a column 'side' — use outlet, date, title, url or country"]
    assert not (tmp_path / "out").exists()


def test_a_csv_read_with_the_wrong_delimiter_suggests_the_right_one(make_corpus):
    folder = make_corpus({"set.csv": f"outlet;text\nRT;{BODY}\n"})
    assert read_corpus(folder, delimiter="tab")[1] == [
        "set.csv: one column 'outlet;text' — the delimiter looks like ';'; read it with --delimiter ';'"]

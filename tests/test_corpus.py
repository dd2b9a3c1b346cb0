import gzip
import json

import pytest

from framing.corpus import CorpusReader, read_corpus
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

"""Record files with missing keys, wrong types and broken lines; hostile manifests and outlet names.

One broken line skips one record, with its line number, never the file.
"""

from __future__ import annotations

import json

import pytest

from framing.corpus.reader import CorpusReader
from framing.errors import CorpusError

from .harness import read_and_score

STORY = "The minister said on {day} that the talks had failed, according to the agency."


def story(day: str) -> str:
    return STORY.format(day=day)


def test_jsonl_broken_lines_cost_one_record_each(make_corpus):
    lines = [
        json.dumps({"text": story("Monday"), "outlet": "A"}),
        '{"text": "The minister said', 'not json at all',
        json.dumps({"text": story("Tuesday"), "outlet": "B"}),
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no text here", "outlet": "C"}),
        json.dumps({"text": 42, "outlet": "D"}),
        json.dumps({"text": {"nested": "object"}, "outlet": "E"}),
        json.dumps({"text": "   ", "outlet": "F"}),
        json.dumps({"text": story("Friday"), "outlet": None, "title": 7, "date": [2019], "url": {"x": 1}}),
        json.dumps({"text": story("Sunday"), "outlet": "G"})[:-1],
    ]
    folder = make_corpus({"dump.jsonl": "\n".join(lines) + "\n"})
    scored, warnings = read_and_score("JSONL with broken lines, missing keys, wrong types", folder)
    assert [(s.article.id, s.article.outlet) for s in scored] == [
        ("dump.jsonl#1", "A"), ("dump.jsonl#4", "B"), ("dump.jsonl#11", "unknown")]
    friday = scored[2].article
    assert (friday.title, friday.date, friday.url) == ("7", "[2019]", '{"x": 1}')
    assert sorted(warnings) == sorted([
        "dump.jsonl line 2: not valid JSON (Invalid control character at) — fix or remove the line",
        "dump.jsonl line 3: not valid JSON (Expecting value) — fix or remove the line",
        "dump.jsonl line 6: not a JSON object — skipped",
        "dump.jsonl line 7: no text key or column — skipped; add the text",
        "dump.jsonl line 8: text is a number, not a string — skipped; fix the record",
        "dump.jsonl line 9: text is an object, not a string — skipped; fix the record",
        "dump.jsonl line 10: text is empty — skipped",
        "dump.jsonl line 12: not valid JSON (Expecting ',' delimiter) — fix or remove the line",
    ])


def test_json_array_with_odd_items(make_corpus):
    items = [{"text": story("Monday"), "source": "A"}, "a string", None, {"content": story("Tuesday")},
             {"text": [story("Wednesday")]}]
    folder = make_corpus({"set.json": json.dumps(items, indent=1)})
    scored, warnings = read_and_score("JSON array with odd items", folder)
    assert [(s.article.id, s.article.outlet) for s in scored] == [("set.json#1", "A"), ("set.json#4", "unknown")]
    assert warnings == ["set.json item 2: not a JSON object — skipped", "set.json item 3: not a JSON object — skipped",
                        "set.json line 5: text is a list, not a string — skipped; fix the record"]


def test_a_broken_json_array_is_one_warning_with_its_line(make_corpus):
    folder = make_corpus({"set.json": '[\n{"text": "The minister said so."},\n{"text": oops}\n]\n'})
    scored, warnings = read_and_score("broken JSON array", folder)
    assert scored == []
    assert warnings == ["set.json line 3: not valid JSON (Expecting value) — fix the file"]


def test_csv_with_missing_cells_extra_cells_and_wrong_columns(make_corpus):
    csv_text = ("text,outlet,title\n"
                f'"{story("Monday")}",A,First\n'
                f'"{story("Tuesday")}",B\n'                      # a missing cell: fine
                f'"{story("Wednesday")}",C,Third,surplus,more\n'  # more cells than columns
                ',D,Empty text\n'
                f'"{story("Friday")}, with ""quotes"" inside",E,Fifth\n')
    folder = make_corpus({"set.csv": csv_text, "other.csv": "headline,source\nNo text,X\n"})
    scored, warnings = read_and_score("CSV with missing and surplus cells", folder)
    assert [(s.article.id, s.article.outlet, s.article.title) for s in scored] == [
        ("set.csv#2", "A", "First"), ("set.csv#3", "B", ""), ("set.csv#6", "E", "Fifth")]
    assert warnings == [
        "other.csv: no text column — its columns are headline, source; name the one holding the article text "
        "with --column text=NAME",
        "set.csv line 4: more cells than columns — skipped",
        "set.csv line 5: text is empty — skipped",
    ]


def test_csv_with_an_unclosed_quote_keeps_the_records_before_it(make_corpus):
    csv_text = f'text,outlet\n"{story("Monday")}",A\n"{story("Tuesday")},B\n"{story("Friday")}",C\n'
    folder = make_corpus({"set.csv": csv_text})
    scored, warnings = read_and_score("CSV with an unclosed quote", folder)
    assert scored[0].article.outlet == "A"
    assert len(scored) + len(warnings) >= 2  # the damage is visible: a merged record or a warning


def test_a_csv_in_another_encoding_is_read(make_corpus):
    folder = make_corpus({"set.csv": ("text,outlet\n" + f'"{story("Monday")} Café",Ле Монд\n').encode("utf-16")})
    scored, warnings = read_and_score("UTF-16 CSV", folder)
    assert warnings == []
    assert [(s.article.outlet) for s in scored] == ["Ле Монд"]


# -- manifests ---------------------------------------------------------------
def test_manifest_path_traversal_absolute_paths_and_duplicates(make_corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret said nothing to anyone at all about the plan.")
    manifest = "\n".join([
        "file,outlet,title,id",
        "a.txt,Alpha,First,same-id",
        "../secret.txt,Thief,Stolen,",
        f"{secret},Thief,Absolute,",
        "../../../../../../etc/passwd,Thief,Passwd,",
        "sub/../b.txt,Beta,Second,same-id",
        "a.txt,Gamma,Again,",
        ",Nobody,Empty,",
        "missing.txt,Ghost,Missing,",
    ])
    folder = make_corpus({"articles.csv": manifest, "a.txt": story("Monday"), "b.txt": story("Tuesday")})
    scored, warnings = read_and_score("manifest: traversal, absolute paths, duplicate rows and ids", folder)
    assert [(s.article.id, s.article.outlet, s.article.title) for s in scored] == [
        ("same-id", "Alpha", "First"), ("same-id~2", "Beta", "Second")]
    m = f"{folder / 'articles.csv'}"
    assert warnings == [
        f"{m} line 3: '../secret.txt' points outside the article folder — use a path relative to the manifest",
        f"{m} line 4: '{secret}' points outside the article folder — use a path relative to the manifest",
        f"{m} line 5: '../../../../../../etc/passwd' points outside the article folder — "
        "use a path relative to the manifest",
        f"{m} line 7: 'a.txt' is listed twice — the first row is used",
        f"{m} line 8: file is empty — add a file name or remove the row",
        "b.txt: id 'same-id' is used twice — renamed to 'same-id~2'",
        f"{m}: row for 'missing.txt' names a missing file — fix the file name or remove the row",
    ]
    assert all("secret" not in s.article.title.lower() for s in scored)


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "manifest is not text — save it as UTF-8 CSV"),
    ("outlet,title\nA,B\n", "manifest has no 'file' column — add a header row with file,outlet,..."),
    ("", "manifest has no 'file' column — add a header row with file,outlet,..."),
])
def test_an_unusable_manifest_is_one_error(make_corpus, content, message):
    folder = make_corpus({"articles.csv": content, "a.txt": story("Monday")})
    with pytest.raises(CorpusError) as raised:
        read_and_score("unusable manifest", folder)
    assert str(raised.value) == f"{folder / 'articles.csv'}: {message}"


# -- outlet names ------------------------------------------------------------
HOSTILE_OUTLETS = {
    "empty": "",
    "spaces": "   \t ",
    "very long": "The Very Long Outlet Name " * 400,
    "slash": "News/Views",
    "dot-dot": "../../etc",
    "control characters": "Bell\x07\x1b[31mRed\x1b[0m\x08Outlet",
    "right-to-left marks": "\u202eTAM\u202c \u200fNews\u200e \u2067Isolate\u2069",
    "newline": "Two\nLines",
}


def test_hostile_outlet_names_are_kept_as_data(make_corpus):
    rows = ["file,outlet"] + [f'{i}.txt,"{name}"' for i, name in enumerate(HOSTILE_OUTLETS.values())]
    files = {f"{i}.txt": story(day) for i, day in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today"])}
    folder = make_corpus({"articles.csv": "\n".join(rows) + "\n", **files})
    scored, warnings = read_and_score("hostile outlet names", folder)
    assert warnings == []
    outlets = [s.article.outlet for s in scored]
    assert outlets[0] == outlets[1] == "unknown"  # empty: nothing inferable from the text
    assert outlets[2] == ("The Very Long Outlet Name " * 400).strip()
    assert outlets[3:5] == ["News/Views", "../../etc"]
    assert outlets[7] == "Two Lines"  # white space folded
    assert all(s.meta["language"] == "en" for s in scored)


def test_reading_twice_gives_the_same_articles_and_warnings(make_corpus):
    folder = make_corpus({"a.jsonl": json.dumps({"text": story("Monday")}) + "\n{bad\n", "b.txt": b""})
    reader = CorpusReader(folder)
    first = (list(reader), list(reader.warnings))
    second = (list(reader), list(reader.warnings))
    assert first == second and len(first[1]) == 2

"""Hostile files: empty, boilerplate only, binary, odd encodings, odd bytes, odd folders, HTML.

Each test hands one kind of bad input to the reader and the scorer and
checks that nothing escapes, that what is read is read correctly, and that
what is skipped is said, with the file.
"""

from __future__ import annotations

import codecs
import gzip
import os
import random
import struct
import zlib

import pytest

from framing.corpus.reader import CorpusReader

from .harness import read_and_score

ENGLISH = ("Russia's deputy foreign minister said on Monday that cooperation with NATO had stopped. "
           "He told reporters that the alliance was to blame for the crisis, according to the ministry.")


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def test_empty_files_are_skipped_with_their_names(make_corpus):
    folder = make_corpus({"empty.txt": b"", "blank.md": "  \n\n\t\n", "empty.jsonl": b"",
                          "empty.csv": b"", "empty.json": b"", "empty.html": b"",
                          "real.txt": ENGLISH})
    scored, warnings = read_and_score("empty files", folder)
    assert [s.article.id for s in scored] == ["real"]
    for name in ("empty.txt", "blank.md", "empty.html"):
        assert f"{name}: empty — skipped" in warnings
    for name in ("empty.jsonl", "empty.csv", "empty.json"):
        assert f"{name}: no records — skipped" in warnings


def test_a_file_of_only_boilerplate_is_read_but_not_scored(make_corpus):
    furniture = "\n".join(["Notify of", "Comments (0)", "All news", "Related article: NATO summit",
                           "Original url: https://example.com/a", "Subscribe to our newsletter today",
                           "© Global Look Press", "https://example.com/only-a-link", "Share this article"])
    folder = make_corpus({"furniture.txt": furniture})
    [scored], warnings = read_and_score("only boilerplate", folder)
    assert warnings == []
    assert scored.meta["language"] == "other"
    assert all(v != v for v in scored.features.values())  # every feature NaN: nothing to measure
    reasons = {e["kind"] for e in scored.evidence if e["family"] == "cleaning"}
    assert {"comment widget", "navigation", "related-article link", "source link", "newsletter",
            "photo credit", "link-only line"} <= reasons
    [note] = [e for e in scored.evidence if e["family"] == "language"]
    assert note["text"] == "no text left after cleaning"


@pytest.mark.parametrize("name, content", [
    ("photo.txt", png_bytes()),
    ("scan.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4),
    ("anim.txt", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(200)),
    ("paper.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))),
    ("program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(512)),
    ("noise.txt", random.Random(7).randbytes(4096)),
    ("packed.txt.gz", gzip.compress(png_bytes(), mtime=0)),
])
def test_binary_data_with_a_text_extension_is_skipped(make_corpus, name, content):
    folder = make_corpus({name: content, "real.txt": ENGLISH})
    scored, warnings = read_and_score(f"binary file ({name.split('.', 1)[1]})", folder)
    assert [s.article.id for s in scored] == ["real"]
    assert warnings == [f"{name}: not text (binary or image data) — skipped; remove it or convert it"]


def test_a_file_of_nul_bytes_is_empty(make_corpus):
    folder = make_corpus({"zeros.md": bytes(10_000)})
    scored, warnings = read_and_score("a file of NUL bytes", folder)
    assert scored == [] and warnings == ["zeros.md: empty — skipped"]


def test_a_broken_gzip_file_is_a_warning(make_corpus):
    folder = make_corpus({"cut.txt.gz": gzip.compress(ENGLISH.encode(), mtime=0)[:30], "real.txt": ENGLISH})
    scored, warnings = read_and_score("truncated gzip", folder)
    assert [s.article.id for s in scored] == ["real"]
    assert len(warnings) == 1 and warnings[0].startswith("cut.txt.gz: cannot read")


RUSSIAN = ("Заместитель министра иностранных дел России заявил, что сотрудничество с НАТО прекращено. "
           "По его словам, альянс сам выбрал путь конфронтации.")
ACCENTED = ("The café owner in Liège said the naïve façade of détente was over, according to the "
            "mayor's résumé of the meeting. He told the crowd that the rôle of the alliance had changed.")


@pytest.mark.parametrize("name, content, expected, english", [
    ("utf16le.txt", codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"), ACCENTED, True),
    ("utf16be.txt", codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"), ACCENTED, True),
    ("utf8bom.md", codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), ACCENTED, True),
    ("latin1.txt", ACCENTED.encode("latin-1"), ACCENTED, True),
    ("cp1251.txt", RUSSIAN.encode("cp1251"), RUSSIAN, False),
])
def test_encodings_are_decoded_to_the_same_text(make_corpus, name, content, expected, english):
    folder = make_corpus({name: content})
    [scored], warnings = read_and_score(f"encoding ({name.split('.')[0]})", folder)
    assert warnings == []
    [article] = list(CorpusReader(folder))
    assert article.text == expected
    assert scored.meta["language"] == ("en" if english else "other")


def test_mixed_line_endings_and_nul_bytes_are_normalised(make_corpus):
    raw = (b"Talks collapsed on Monday.\r\n\r\nThe minister said\x00 the alliance had\x00 failed.\r"
           b"\rHe told reporters that nothing would change.\n\nOfficials said the talks would resume.")
    folder = make_corpus({"mixed.txt": raw})
    [scored], warnings = read_and_score("mixed line endings and NUL bytes", folder)
    assert warnings == []
    [article] = list(CorpusReader(folder))
    assert "\r" not in article.text and "\x00" not in article.text
    assert article.text.split("\n\n")[1] == "The minister said the alliance had failed."
    assert scored.meta["language"] == "en"
    assert scored.features["readability__n_sentences"] == 4.0


def test_nul_bytes_inside_json_and_csv_records(make_corpus):
    folder = make_corpus({
        "a.jsonl": '{"text": "The minister said\\u0000 that talks had failed.\\r\\nOfficials agreed.", '
                   '"outlet": "X"}\n',
        "b.csv": b"text,outlet\n\"The envoy said\x00 talks had failed on Monday.\",Y\n",
    })
    scored, warnings = read_and_score("NUL bytes in records", folder)
    assert warnings == []
    assert sorted(s.article.outlet for s in scored) == ["X", "Y"]
    assert all(s.meta["language"] == "en" for s in scored)


def test_deeply_nested_folders_are_read(make_corpus):
    deep = "/".join(f"level{i}" for i in range(120))
    folder = make_corpus({f"{deep}/bottom.txt": ENGLISH, "top.txt": ENGLISH.replace("Monday", "Tuesday")})
    scored, warnings = read_and_score("120 nested folders", folder)
    assert warnings == []
    assert sorted(s.article.id for s in scored) == [f"{deep}/bottom", "top"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_symlink_loops_and_odd_links_do_not_hang(make_corpus, tmp_path):
    folder = make_corpus({"a/b/story.txt": ENGLISH})
    os.symlink(folder, folder / "a" / "b" / "loop")  # a folder that contains itself
    os.symlink("..", folder / "a" / "up")
    os.symlink(folder / "a" / "b" / "story.txt", folder / "again.txt")  # a link to a file: read it
    os.symlink(tmp_path / "nowhere.txt", folder / "dangling.txt")
    os.symlink("/dev/zero", folder / "endless.txt")  # would never end if read
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)  # would block forever if opened
    scored, warnings = read_and_score("symlink loops, dangling links, devices, pipes", folder)
    assert sorted(s.article.id for s in scored) == ["a/b/story", "again"]
    assert sorted(warnings) == [
        "dangling.txt: not a regular file (a device, a pipe or a broken link) — skipped",
        "endless.txt: not a regular file (a device, a pipe or a broken link) — skipped",
        "pipe.txt: not a regular file (a device, a pipe or a broken link) — skipped",
    ]


def test_hidden_files_and_framing_own_output_folders_are_not_input(make_corpus):
    folder = make_corpus({"story.txt": ENGLISH, ".draft.txt": ENGLISH,
                          "reports/index.md": "# Framing report", "reports/.framing-output": "",
                          "reports/features.csv": "id,outlet\na,b\n",
                          "reports.cache/CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n",
                          "reports.cache/ab/ab12.json": '{"text": "cached"}'})
    scored, warnings = read_and_score("output folders inside the input", folder)
    assert [s.article.id for s in scored] == ["story"] and warnings == []


HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Talks collapse</title>
<script>document.write('SCRIPT-' + 'RAN'); fetch('http://127.0.0.1:9/steal')</script>
<style>body { background: url(http://127.0.0.1:9/bg.png) }</style></head>
<body onload="alert('onload')">
<iframe src="http://127.0.0.1:9/frame"></iframe>
<article>
<h1>Talks between Russia and NATO collapse</h1>
<p onclick="alert('click')">Russia's deputy foreign minister said on Monday that all military and civilian
cooperation with NATO had stopped, according to a statement published by the ministry.</p>
<p>He told reporters that the alliance had chosen confrontation and that Moscow would respond to any
new deployments near its borders. <img src="x" onerror="alert('img')"> Officials in Brussels said the
alliance remained open to dialogue with Moscow.</p>
<p>The minister added that there were no plans to resume talks this year, and said that the
responsibility for the crisis lay with the West.<script>alert('inline')</script></p>
</article></body></html>"""


def test_html_scripts_iframes_and_event_handlers_never_reach_the_text(make_corpus):
    folder = make_corpus({"page.html": HOSTILE_HTML})
    [scored], warnings = read_and_score("HTML with scripts, iframes and event handlers", folder)
    assert warnings == []
    [article] = list(CorpusReader(folder))
    assert "deputy foreign minister said on Monday" in article.text
    for leaked in ("SCRIPT", "alert", "onclick", "onerror", "<", "iframe", "fetch", "127.0.0.1", "background"):
        assert leaked not in article.text, leaked
    assert scored.meta["language"] == "en"


@pytest.mark.parametrize("language, text", [
    ("Russian", RUSSIAN * 3),
    ("German", "Der stellvertretende Außenminister erklärte am Montag, die Zusammenarbeit mit der NATO sei "
               "beendet. Nach seinen Worten habe das Bündnis selbst den Weg der Konfrontation gewählt."),
    ("Chinese", "俄罗斯副外长周一表示，与北约的所有合作已经停止。他说，北约选择了对抗的道路。"),
    ("Arabic", "قال نائب وزير الخارجية الروسي يوم الاثنين إن التعاون مع حلف الناتو قد توقف تماما."),
])
def test_non_english_text_is_read_and_the_english_measures_skipped_with_a_note(make_corpus, language, text):
    folder = make_corpus({"story.txt": text})
    [scored], warnings = read_and_score(f"non-English text ({language})", folder)
    assert warnings == []
    assert scored.meta["language"] == "other"
    assert all(v != v for v in scored.features.values())
    [note] = [e for e in scored.evidence if e["family"] == "language"]
    assert note["detail"]["note"] == "not English: the English-only measures were not computed"

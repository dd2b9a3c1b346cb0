from framing.report.markup import md_escape, md_highlight, md_link, safe_url, unique_slugs


def test_hostile_text_is_shown_not_rendered():
    text = "<script>alert(1)</script> [click](javascript:alert(1)) ![](http://t.example/p.gif) | # H"
    escaped = md_escape(text)
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "\\[click\\]" in escaped and "\\!\\[\\]" in escaped and "\\|" in escaped


def test_only_http_urls_become_links():
    assert safe_url("javascript:alert(1)") == "" and safe_url("data:text/html,x") == ""
    assert safe_url("https://a.example/x (y)") == "https://a.example/x%20%28y%29"
    assert md_link("T", "ftp://x") == "T"
    assert md_link("T", "https://tass.com/a") == "[T](<https://tass.com/a>)"


def test_outlet_names_become_safe_unique_file_names():
    names = ["RT", "R/T", "..", "\u202eevil", "index", "Ведомости", "A" * 200]
    slugs = unique_slugs(names)
    assert slugs["RT"] == "rt" and slugs["R/T"] == "r-t" and slugs[".."] == "outlet"
    assert slugs["index"] == "index-2" and slugs["Ведомости"] == "outlet-2"
    assert all("/" not in s and not s.startswith(".") and len(s) <= 60 for s in slugs.values())


def test_line_start_markers_are_escaped_only_at_the_start():
    assert md_escape("2019-04-15") == "2019-04-15"
    assert md_escape("1. Not a list") == "1\\. Not a list"
    assert md_escape("# Not a heading") == "\\# Not a heading"
    assert md_escape("- not an item") == "\\- not an item"


def test_highlight_bolds_the_spans_escapes_the_rest_and_cuts_long_sentences():
    text = "The so-called [reform] was a disaster, critics said."
    assert md_highlight(text, [[4, 13], [29, 37]]) == (
        "The **so-called** \\[reform\\] was a **disaster**, critics said.")
    # A span past the cut is dropped with the text; the cut is marked.
    assert md_highlight(text, [[4, 13], [29, 37]], limit=20) == "The **so-called** […]"

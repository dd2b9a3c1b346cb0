"""How users name article fields: front matter, --column and --delimiter."""

import pytest

from framing.corpus.article import FIELD_ALIASES, parse_columns, parse_delimiter, split_front_matter
from framing.errors import CorpusError

BODY = "Russia has stopped all cooperation with NATO, Grushko said."


@pytest.mark.parametrize(("text", "body", "meta"), [
    (f"---\noutlet: RT\ndate: 2019-04-15\n---\n{BODY}", BODY, {"outlet": "RT", "date": "2019-04-15"}),
    # keys are lower-cased, values stripped of spaces and of the quotes around them
    (f'---\nOutlet:  The Moscow Times \nTitle: "Russia Has Ceased Cooperation With NATO"\n---\n{BODY}', BODY,
     {"outlet": "The Moscow Times", "title": "Russia Has Ceased Cooperation With NATO"}),
    # only the first colon separates key and value
    (f"---\nurl: https://tass.com/politics/1\n---\n{BODY}", BODY, {"url": "https://tass.com/politics/1"}),
    (f"---\r\noutlet: TASS\r\n---\r\n{BODY}", BODY, {"outlet": "TASS"}),
    ("---\noutlet: RT\n---", "", {"outlet": "RT"}),
    (f"---\n---\n{BODY}", BODY, {}),
    # a later rule is body text
    (f"---\noutlet: RT\n---\n{BODY}\n---\nMore", f"{BODY}\n---\nMore", {"outlet": "RT"}),
    # not front matter: the text comes back whole
    (BODY, BODY, {}),
    (f"---\noutlet: RT\n{BODY}", f"---\noutlet: RT\n{BODY}", {}),  # never closed
    (f"---\noutlet: RT\nno colon here\n---\n{BODY}", f"---\noutlet: RT\nno colon here\n---\n{BODY}", {}),
    (f" ---\noutlet: RT\n---\n{BODY}", f" ---\noutlet: RT\n---\n{BODY}", {}),  # must start the text
])
def test_split_front_matter(text, body, meta):
    assert split_front_matter(text) == (body, meta)


@pytest.mark.parametrize("title", ["Lavrov calls sanctions 'illegal'", '"Nonexistent": Russia on NATO ties'])
def test_front_matter_keeps_quotes_inside_a_value(title):
    assert split_front_matter(f"---\ntitle: {title}\n---\n{BODY}") == (BODY, {"title": title})


def test_parse_columns_replaces_only_the_named_field():
    aliases = parse_columns({"text": "content_original", "outlet": "Source Name"})
    assert aliases["text"] == ("content_original",) and aliases["outlet"] == ("Source Name",)
    assert aliases["title"] == ("title", "headline")
    assert FIELD_ALIASES["text"][0] == "text"  # the defaults are not changed
    assert parse_columns(None) == FIELD_ALIASES


@pytest.mark.parametrize(("pairs", "given", "field"), [
    ({"body": "content"}, "body=content", "'body'"),
    ({"Text": "content_original"}, "Text=content_original", "'Text'"),  # field names are lower-case
])
def test_parse_columns_names_the_unknown_field(pairs, given, field):
    with pytest.raises(CorpusError) as error:
        parse_columns(pairs)
    assert str(error.value) == (f"--column {given}: unknown field {field} — "
                                "use one of text, outlet, title, date, url, id")


@pytest.mark.parametrize(("value", "delimiter"), [
    ("tab", "\t"), ("TAB", "\t"), ("\\t", "\t"), ("\t", "\t"),
    ("comma", ","), ("semicolon", ";"), ("Pipe", "|"),
    (";", ";"), ("|", "|"),
    (None, None), ("", None),  # sniffed from the file
])
def test_parse_delimiter_names(value, delimiter):
    assert parse_delimiter(value) == delimiter


@pytest.mark.parametrize("value", ['"', "\n", "\r", ";;", "space"])
def test_parse_delimiter_refuses_what_cannot_delimit(value):
    with pytest.raises(CorpusError) as error:
        parse_delimiter(value)
    assert str(error.value) == (f"--delimiter {value!r}: not a delimiter — give one character, e.g. ';' or '|', "
                                "or tab")

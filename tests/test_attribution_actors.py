"""Actor registry: look-ups on source spans, user files that extend it, and errors that name file and line."""

from __future__ import annotations

import pytest

from framing.errors import DataFileError
from framing.features.attribution.actors import ActorRegistry, _read_affiliation, _read_role, _table_line


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg"),  # the longest spelling wins over "NATO"
        ("Russian Deputy Foreign Minister Aleksandr Grushko", "Alexander Grushko"),
        ("the Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Russia’s Foreign Ministry", "Russian Foreign Ministry"),  # curly and straight apostrophes alike
        ("Russia's Foreign Ministry", "Russian Foreign Ministry"),
        ("the  Kremlin", "Kremlin"),  # inner spacing
        ("Grushkov", None),  # whole words only
        ("kremlin", None),  # case as written
    ],
)
def test_find_actor(registry, text, expected):
    actor = registry.find_actor(text)
    assert (actor.name if actor else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Grushko", "Alexander Grushko"), ("Aleksandr  Grushko", "Alexander Grushko"), ("a NATO source", None)],
)
def test_actor_named_is_exact(registry, name, expected):
    actor = registry.actor_named(name)
    assert (actor.name if actor else None) == expected


@pytest.mark.parametrize(
    ("text", "side", "roles"),
    [
        ("a NATO source", "nato_or_western_gov", [("source", False)]),
        ("nato source", None, [("source", False)]),  # affiliation words keep their case
        ("Moscow’s envoy", "russia_gov", [("envoy", True)]),
        ("Kyiv officials", "ukraine_gov", [("officials", False)]),
        ("Russian and Ukrainian officials", "russia_gov", [("officials", False)]),  # the first word decides
        ("the Pentagon spokesman", "nato_or_western_gov", [("spokesman", True)]),
        ("an expert", None, []),
    ],
)
def test_affiliation_side_and_role_words(registry, text, side, roles):
    assert (registry.affiliation_side(text), registry.role_words(text)) == (side, roles)


def test_later_file_overrides_a_packaged_actor(tmp_path):
    mine = tmp_path / "mine.toml"
    entry = '[[actor]]\nname = "Alexander Grushko"\nside = "other"\nnote = "x"\n'
    mine.write_text("version = 2\n" + entry, encoding="utf-8")
    actor = ActorRegistry.load([mine]).actor_named("Alexander Grushko")
    assert (actor.side, actor.aliases) == ("other", ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[people]]\nname = "x"\n', r"bad.toml: unknown table\(s\) \['people'\] — use \[sides\], \[\[actor\]\]"),
        ('[[actor]]\nside = "other"\n', r'bad.toml: an \[\[actor\]\] has no name — add name = "..."'),
        (
            '[[actor]]\nname = "Jane Roe"\nside = "other"\naliases = "Roe"\nnote = "x"\n',
            r"bad.toml, line 2: entry 'Jane Roe': aliases must be a list of names",
        ),
        (
            '[[actor]]\nname = "Jane Roe"\nside = "other"\n',
            r"bad.toml, line 2: entry 'Jane Roe': note is missing — say who this is",
        ),
        (
            '[[actor]]\nname = "Jane Roe"\nside = "other"\nnote = "x"\ncolour = "red"\n',
            r"bad.toml, line 2: entry 'Jane Roe': unknown key\(s\) \['colour'\] — remove them",
        ),
        (
            '[[actor]]\nname = "Jane Roe"\nside = "other"\nnote = "x"\naliases = ["Roe"]\n\n'
            '[[actor]]\nname = "Rick Roe"\nside = "other"\nnote = "y"\naliases = ["Roe"]\n',
            r"bad.toml, line 8: entry 'Rick Roe': 'Roe' is also a spelling of 'Jane Roe' — keep it in one entry",
        ),
    ],
)
def test_bad_actor_entry_names_file_and_line(tmp_path, text, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        ActorRegistry.load([bad])


def test_affiliation_words_get_both_apostrophes():
    words = _read_affiliation({"words": ["Riga's"], "side": "other"}, "", "f.toml", 0, {"other": "other"})
    assert words == {"Riga's": "other", "Riga’s": "other"}


def test_role_words_are_lowercased():
    assert _read_role({"words": ["Aide", "Whistleblower"], "named": False}, "", "f.toml", 0) == {
        "aide": False,
        "whistleblower": False,
    }


@pytest.mark.parametrize(("number", "expected"), [(0, 1), (1, 4), (2, 0)])
def test_table_line(number, expected):
    text = '[[role]]\nwords = ["aide"]\n\n[[role]]\nwords = ["envoy"]\n'
    assert _table_line(text, "role", number) == expected


REPUBLICANS = '''\
version = 1

[sides]
republican = "Republican Party"

[[actor]]
name = "Mitch McConnell"
aliases = ["McConnell"]
side = "republican"
kind = "person"
note = "US Senate Republican leader 2007-2025."
'''


def test_a_registry_file_can_add_a_side_and_use_it(tmp_path):
    from framing.document.parse import build_document
    from framing.features.attribution.scorer import AttributionScorer

    extra = tmp_path / "us.toml"
    extra.write_text(REPUBLICANS, encoding="utf-8")
    registry = ActorRegistry.load([extra])
    assert registry.side_names()[-2:] == ("republican", "unknown")
    assert registry.side_label("republican") == "Republican Party"
    assert registry.side_label("russia_gov") == "Russian government"
    scorer = AttributionScorer(actor_files=[extra])
    doc = build_document("a", "McConnell said the Senate would vote on the bill next week.")
    features = scorer.score(doc).features
    assert features["side_republican_share"] == 1.0 and features["side_unknown_share"] == 0.0


def test_a_side_no_file_declares_is_refused_with_the_fix(tmp_path):
    extra = tmp_path / "us.toml"
    extra.write_text(REPUBLICANS.replace('[sides]\nrepublican = "Republican Party"\n', ""), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"us.toml, line \d+: entry 'Mitch McConnell': side 'republican' is not "
                                              r"one of .* add it under \[sides\]"):
        ActorRegistry.load([extra])

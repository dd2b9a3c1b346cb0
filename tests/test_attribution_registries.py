"""Which actor registries an article reads: the topic gates."""

from __future__ import annotations

import pytest

from framing.errors import DataFileError
from framing.features.attribution.registries import RegistrySet

RUSSIA_NATO, US_POLITICS, ISRAEL_PALESTINE = 0, 1, 2

# Fox News (AllSides corpus, gun control): a story on the UN arms-trade treaty that names the State Department
# three times and Russia once; Ted Bromund is a Heritage Foundation analyst, not a voice of either government.
ARMS_TREATY = (
    "(A State Department official insisted to Fox News that the vote only came after the U.S. elections due to "
    "the disruption caused by Hurricane Sandy; otherwise, it would have taken place earlier.)\n\n"
    "The State Department itself, on a web page that also lists its “red line” reservations in the "
    "negotiations, calls it a “complex but critical issue.”\n\n"
    "Critics of the treaty effort, however, see something equally bad: a nebulous international agreement that "
    "does nothing to improve U.S. security, no matter what the State Department may currently say about "
    "defending both.\n\n"
    "For one thing, notes Bromund, most nations negotiating the treaty—which include Russia, China and Iran—“do "
    "not recognize the human right of self-defense” against tyrannical or murderous regimes.")
# Politico (AllSides corpus, gun control): the White House three times, a network that is "an alliance".
FAITH_LEADERS = (
    "It’s an unusual strategy but one the Obama administration has used before: projecting strength on an issue "
    "by trying to create the perception that the White House is riding a wave of momentum from the American "
    "people. Participants in Vice President Joe Biden’s meetings have said the White House is seeking to mount "
    "an aggressive effort to back the gun control push. Biden has made a point of highlighting the broad "
    "diversity of organizations now backing the White House gun efforts. During one session with a dozen "
    "religious leaders on Wednesday, Biden made a specific request to those gathered to preach to their "
    "congregations about the importance of enacting stronger gun control laws, said the Rev. Michael McBride, "
    "a participant in the meeting and a community organizer for the PICO Network, an alliance of faith-based "
    "organizations.")


@pytest.fixture(scope="module")
def registries() -> RegistrySet:
    return RegistrySet.load()


def test_us_bodies_and_descriptions_do_not_make_a_story_about_russia_and_nato(registries):
    assert RUSSIA_NATO not in registries.applicable(ARMS_TREATY)
    assert RUSSIA_NATO not in registries.applicable(FAITH_LEADERS)
    assert registries.for_text(FAITH_LEADERS).affiliation_side("an alliance of faith-based organizations") is None


def test_a_story_on_russia_and_nato_still_reads_its_registry(registries, seed_texts):
    for text in seed_texts.values():
        assert RUSSIA_NATO in registries.applicable(text)


def test_the_white_house_counts_once_for_us_politics(registries):
    gate = registries.gates[US_POLITICS]
    assert gate.mentions("The White House said so.") == 1


# Fox News (AllSides corpus, Middle East), 2014: both sides' voices in one story.
GAZA_CEASEFIRE = (
    "Israel withdrew all its remaining forces from Gaza on Tuesday after troops neutralized cross-border "
    "tunnels, said Lt. Col. Peter Lerner, an Israeli military spokesman. Hamas officials said the group would "
    "not lay down its weapons. Palestinian U.N. Ambassador Riyad Mansour said the council should have adopted "
    "a strong resolution long ago. Prime Minister Benjamin Netanyahu said Israel would respond with force to "
    "any rocket fire from Gaza.")


def test_a_story_on_israel_and_gaza_reads_both_sides_in_its_registry(registries):
    assert registries.applicable(GAZA_CEASEFIRE) == (ISRAEL_PALESTINE,)
    sides = registries.for_text(GAZA_CEASEFIRE)
    assert sides.find_actor("Lt. Col. Peter Lerner").side == sides.find_actor("Benjamin Netanyahu").side == "israel"
    assert sides.find_actor("Riyad Mansour").side == "palestinian"
    assert sides.affiliation_side("Hamas officials") == "palestinian"
    assert ISRAEL_PALESTINE not in registries.applicable(FAITH_LEADERS)


def test_not_anchors_must_name_the_files_actors(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[sides]\nx = "X"\n\n[topic]\nanchors = ["Gazprom"]\nnot_anchors = ["Pentagon"]\n\n'
                   '[[actor]]\nname = "Gazprom"\nside = "x"\nkind = "institution"\nnote = "A firm."\n',
                   encoding="utf-8")
    with pytest.raises(DataFileError, match="not_anchors names no \\[\\[actor\\]\\] of the file"):
        RegistrySet.load([bad])


@pytest.mark.parametrize(
    ("name", "role", "side"),
    [
        # Version 3 of the US registry: recurring speakers of the AllSides set, by full name off the topic too.
        ("Amy Goodman", "media", "media"),
        ("Paul Manafort", "politician", "republican"),
        ("Gordon Sondland", "government", "republican"),
        ("Valerie Jarrett", "government", "democrat"),
        ("Paul LePage", "politician", "republican"),
        # Version 4: news anchors, hosts and commentators.
        ("Anderson Cooper", "media", "media"),
        ("Laura Ingraham", "media", "media"),
        ("Jon Stewart", "media", "media"),
    ],
)
def test_recurring_us_speakers_are_known_by_full_name(registries, name, role, side):
    actor = registries.known_person(name)
    assert (actor.role, actor.side) == (role, side)


def test_a_transcript_host_speaks_as_media():
    from framing.document.parse import build_document
    from framing.features.attribution.scorer import AttributionScorer

    # Democracy Now! (AllSides corpus): the host's turn in a transcript.
    text = ("AMY GOODMAN: After the Civil Rights and the Voting Rights Act were signed, Dr. King increasingly started "
            "speaking out against the Vietnam War.\n\nCLAYBORNE CARSON: That's right.")
    roles = {f.detail["speaker"]: f.detail["role"]
             for f in AttributionScorer().score(build_document("t", text)).findings}
    assert roles.get("Amy Goodman") == "media"


@pytest.mark.parametrize(("phrase", "side"), [
    # AllSides gun-policy articles: "U.S. Rep. Chris Murphy" and "a federal judge" had spoken for the
    # administration, by "U.S." and "federal"; a member of Congress's party decides, courts are nonpartisan.
    ("U.S. Sen. Chris Murphy, a Connecticut Democrat,", "democrat"),
    ("U.S. Rep. Bill Flores of Texas", None),
    ("Jed Rakoff, a federal judge from New York", "us_nonpartisan"),
    ("U.S. District Judge Ketanji Brown Jackson", "us_nonpartisan"),
    ("U.S. officials", "us_administration"),
    ("Federal officials", "us_administration"),
])
def test_a_member_of_congress_or_a_court_is_not_the_administration(registries, phrase, side):
    story = "Trump and Pelosi met at the White House, and Democrats and Republicans in Congress spoke. "
    assert registries.for_text(story + phrase).affiliation_side(phrase) == side


@pytest.mark.parametrize(("phrase", "side"), [
    # AllSides immigration articles by bias: "Homeland Security" and "ICE" spoke for nobody in particular.
    ("Homeland Security", "us_administration"),
    ("ICE", "us_administration"),
    ("the Border Patrol", "us_administration"),
    ("The 9th Circuit", "us_nonpartisan"),
])
def test_executive_agencies_speak_for_the_administration_and_courts_for_none(phrase, side):
    from framing.document.parse import build_document
    from framing.features.attribution.scorer import AttributionScorer

    text = f"Trump met Pelosi at the White House. {phrase} said the policy would stay."
    found = [f.detail["side"] for f in AttributionScorer().score(build_document("x", text)).findings
             if f.family == "attribution"]
    assert found[-1] == side

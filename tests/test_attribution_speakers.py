"""Speakers: the source span next to a cue, personal names, and resolving sources across an article."""

from __future__ import annotations

import pytest

from framing.document.parse import build_document
from framing.features.attribution.actors import ActorRegistry
from framing.features.attribution.cues import CueLexicon
from framing.features.attribution.person_names import person_name
from framing.features.attribution.phrases import noun_phrase_start, source_after, source_before
from framing.features.attribution.scorer import AttributionScorer
from framing.features.attribution.speakers import SpeakerResolver


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load()


@pytest.fixture(scope="module")
def verb_forms():
    return frozenset(CueLexicon.load().verbs)


@pytest.fixture(scope="module")
def scorer():
    return AttributionScorer()


def attributions(scorer, text):
    """The attribution findings of ``text`` scored as one article."""
    return [f for f in scorer.score(build_document("x", text)).findings if f.family == "attribution"]


def _text(doc, span):
    return None if span is None else doc.body[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NATO Secretary General Jens Stoltenberg said on Monday that the alliance was ready.",
            "NATO Secretary General Jens Stoltenberg",
        ),
        ("The head of the agency said the data were wrong.", "The head of the agency"),  # through "of"
        ("He has also said the talks failed.", "He"),  # auxiliaries between subject and verb
        ("In Brussels on Monday the minister said talks would go on.", "the minister"),
        ("Mr. Trump said the plan was dead.", "Mr. Trump"),  # the full stop of "Mr."
        ("U.S. officials said the plan was dead.", "U.S. officials"),
    ],
)
def test_source_before(text, expected):
    doc = build_document("t", text)
    assert _text(doc, source_before(doc, doc.sentences[0], text.index("said"))) == expected


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        (
            '"We are ready," said Russian Deputy Foreign Minister Alexander Grushko.',
            "said ",
            "Russian Deputy Foreign Minister Alexander Grushko",
        ),
        ('"We are ready," said the deputy minister, adding that talks were over.', "said ", "the deputy minister"),
        ('"We are ready," said he.', "said ", "he"),
        ('"It is over," said Stoltenberg and Lavrov.', "said ", "Stoltenberg and Lavrov"),
        # a name in apposition after the title
        (
            "According to Russia's new ambassador to the UK, Andrei Kelin, talks are over.",
            "According to ",
            "Russia's new ambassador to the UK, Andrei Kelin",
        ),
        ("According to officials in Kyiv, talks are over.", "According to ", "officials"),
        ("According to data released on Monday, talks are over.", "According to ", "data"),  # "-ed" verb ends it
        ("The diplomat warned the alliance and said talks were over.", "", "The diplomat"),
    ],
)
def test_source_after(verb_forms, text, after, expected):
    doc = build_document("t", text)
    pos = text.index(after) + len(after) if after else 0
    assert _text(doc, source_after(doc, doc.sentences[0], pos, verb_forms)) == expected


@pytest.mark.parametrize(
    ("words", "limit", "expected"),
    [
        ("the head of the agency", 9, 0),
        ("a veteran diplomat", 9, 0),
        ("Russian envoy Alexander Grushko", 2, 2),  # at most ``limit`` words
        ("growth in jobs", 9, None),  # lowercase words with no determiner are no speaker ...
        ("forecasts by economists", 9, 2),  # ... unless they name a vague source
    ],
)
def test_noun_phrase_start(words, limit, expected):
    doc = build_document("t", words)
    assert noun_phrase_start(doc, list(range(len(doc.tokens))), limit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg"),
        ("Mr. Trump", "Trump"),
        ("Sen. Elizabeth Warren (D-MA)", "Elizabeth Warren"),
        ("Jean-Claude Juncker", "Jean-Claude Juncker"),
        ("Donald Trump's campaign manager", None),  # the manager speaks, not Trump
        ("Russian Northern Fleet", None),
        ("Monday", None),
        # AllSides: a reporter or fellow after the outlet's possessive is the person, not "CNN's Jake Tapper".
        ("The Heritage Foundation’s Ed Haislmaier", "Ed Haislmaier"),
        ("CNN's Jake Tapper", "Jake Tapper"),
        ("Los Angeles County Sheriff Jim McDonnell", "Jim McDonnell"),
        ("WDBJ General Manager Jeff Marks", "Jeff Marks"),
        ("North Korea", None),
    ],
)
def test_person_name(text, expected):
    assert person_name(text) == expected


def _resolve_all(registry, sources):
    resolver = SpeakerResolver(registry)
    return [resolver.resolve(source) for source in sources]


@pytest.mark.parametrize(
    ("sources", "names"),
    [
        (["Jens Stoltenberg", "he"], ["Jens Stoltenberg"] * 2),
        (["NATO", "they"], ["NATO"] * 2),  # "they" goes to the last body, not a person
        (["he"], ["he"]),  # nobody named yet: unresolved
        (["John Smith", "Smith", "Mr. Smith"], ["John Smith"] * 3),  # surnames merge
        (["a NATO source", "the NATO source", "the source"], ["a NATO source"] * 3),
        (["a NATO source", "the Russian source"], ["a NATO source", "a Russian source"]),  # sides differ
        # a description goes to the person written with that title, not to the last one named ...
        (
            ["NATO Secretary General Jens Stoltenberg", "Sergei Lavrov", "the secretary general"],
            ["Jens Stoltenberg", "Sergei Lavrov", "Jens Stoltenberg"],
        ),
        # ... and to the last named person when nobody was written with it
        (
            ["Jens Stoltenberg", "Sergei Lavrov", "the secretary general"],
            ["Jens Stoltenberg", "Sergei Lavrov", "Sergei Lavrov"],
        ),
    ],
)
def test_resolver_follows_the_article(registry, sources, names):
    assert [s.name for s in _resolve_all(registry, sources)] == names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Russian Deputy Foreign Minister Aleksandr Grushko",
            ("Alexander Grushko", "russia_gov", True, False, "person"),
        ),
        ("the Russian Defense Ministry", ("Russian Defence Ministry", "russia_gov", True, False, "institution")),
        ("the Kremlin", ("Kremlin", "russia_gov", True, False, "institution")),
        ("Some Western diplomats", ("some Western diplomats", "nato_or_western_gov", False, True, "group")),
        ("two senior officials", ("two senior officials", "anonymous", False, True, "group")),
        ("who", ("who", "unknown", False, False, "unresolved")),
    ],
)
def test_resolve_one_source(registry, source, expected):
    speaker = SpeakerResolver(registry).resolve(source)
    assert (speaker.name, speaker.side, speaker.named, speaker.anonymous, speaker.kind) == expected


@pytest.mark.parametrize(("source", "name"), [
    ("The Washington Times", "Washington Times"), ("the Post", "the Post"),
    ("The New York Daily News", "New York Daily News"), ("Fox News host Sean Hannity", None),
])
def test_a_newspaper_named_by_its_masthead_is_media_not_a_person(registry, source, name):
    # AllSides: "…, The Washington Times reported Friday." had been the person "Times", of the US administration.
    speaker = SpeakerResolver(registry).resolve(source)
    assert (speaker.kind == "media") == bool(name)
    if name:
        assert speaker.name == name


def test_i_and_we_outside_quotation_marks_are_the_writer_with_or_without_a_contraction(scorer):
    # Deseret News and an AllSides column: "I’ve" had been a named speaker. The source is the
    # pronoun without its fused verb ("I’ve" -> "I").
    text = "I think the remedy is to simply listen. I’ve found that voters want more. We’re told the plan will pass."
    found = [(f.detail["speaker"], f.detail["speaker_text"], f.detail["role"], f.detail["named"])
             for f in attributions(scorer, text)]
    assert found == [("the writer", "I", "media", False), ("the writer", "I", "media", False),
                     ("the writer", "We", "media", False)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Some critics, who believe the plan will fail, want a vote.", "some critics"),
    # The phrase before the comma is the group in its place, not the place.
    ("Republicans in Congress, who say the bill is too costly, voted no.", "Republicans in Congress"),
    ("There are people who say the border is open.", "who"),
])
def test_a_speaking_who_is_the_phrase_that_opens_its_clause(scorer, text, speaker):
    found = [f.detail["speaker"] for f in attributions(scorer, text)]
    assert found == [speaker]


def test_a_name_particle_is_a_whole_word():
    from framing.features.attribution.person_names import _CAP_RUN

    # "Comey described" had been read as the name "Comey de".
    runs = [m.group() for m in _CAP_RUN.finditer("Comey described the memo. Mayor Bill de Blasio said so.")]
    assert runs == ["Comey", "Mayor Bill de Blasio"]


def test_the_countrys_name_inside_another_name_gives_no_side():
    from framing.features.attribution.registries import RegistrySet

    us = RegistrySet.load().for_text("Trump, Obama, Republicans and Democrats in Congress. " * 3)
    sides = {text: us.affiliation_side(text) for text in (
        "Arthur Brooks, president of the American Enterprise Institute", "The Washington Post",
        "a U.S. District Judge", "U.S. officials", "U.S. Ambassador Kelly Craft", "Washington")}
    assert sides == {"Arthur Brooks, president of the American Enterprise Institute": None,
                     "The Washington Post": None, "a U.S. District Judge": "us_nonpartisan",
                     "U.S. officials": "us_administration", "U.S. Ambassador Kelly Craft": "us_administration",
                     "Washington": "us_administration"}


@pytest.mark.parametrize("source", ["But", "One", "Some"])
def test_a_capitalised_common_word_is_no_institution(registry, source):
    # "But, he said, …" and "One, who asked not to be named, said …" as the splitter leaves them.
    speaker = SpeakerResolver(registry).resolve(source)
    assert not speaker.named and speaker.kind != "institution"


@pytest.mark.parametrize("text, speaker", [
    # AllSides sentences where "Monday" was taken for the speaker.
    ("Fox News host Sean Hannity on Monday called McConnell weak and said he needs to retire.", "Sean Hannity"),
    ("The Supreme Court on Monday decided that Oklahoma may continue the use of the sedative.", "Supreme Court"),
])
def test_a_day_between_speaker_and_verb_is_not_the_speaker(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)][:1] == [speaker]


@pytest.mark.parametrize("phrase, name", [
    ("John Smith of Ohio", "John Smith"),            # the place after "of" is not the person
    ("the Department of Health", None),              # a body, not a person named "Health"
    ("Health officials", None),                      # a run that only qualifies the noun after it
    ("Trump aides", None),                           # the aides speak, not Trump
    ("Sen. Ted Cruz (R-Texas)", "Ted Cruz"),         # not the party code in the parenthesis
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
    ("Hillary Clinton’s campaign manager Robby Mook", "Robby Mook"),
])
def test_the_person_named_in_a_source_phrase(phrase, name):
    assert person_name(phrase) == name


@pytest.mark.parametrize("text, source, speaker", [
    # AllSides sentences: a title with "in" inside it ("Special Agent in Charge") had cut the source
    # phrase at "in", so the speaker came out as "Charge Richard DesLauriers".
    ("FBI Special Agent in Charge Richard DesLauriers said the FBI identified one individual at first, but after "
     "reviewing video and other evidence they determined that another individual was also implicated.",
     "FBI Special Agent in Charge Richard DesLauriers", "Richard DesLauriers"),
    ("Mateen was interviewed three times by FBI agents -- twice in 2013, once in 2014 -- as part of two separate "
     "investigations, FBI Assistant Special Agent in Charge Ron Hopper said.",
     "FBI Assistant Special Agent in Charge Ron Hopper", "Ron Hopper"),
])
def test_the_in_of_a_title_is_inside_the_source_phrase(scorer, text, source, speaker):
    found = attributions(scorer, text)
    assert [(f.detail["speaker_text"], f.detail["speaker"]) for f in found][:1] == [(source, speaker)]


# AllSides sentences: a title inside a run of capitals, hyphenated or not, is not the speaker's
# name; a group "in" an institution is the group, not the institution.
@pytest.mark.parametrize(("text", "speaker"), [
    ("BuzzFeed Editor-in-Chief Ben Smith defended the decision to publish the dossier.", "Ben Smith"),
    ("Senate Majority Leader Mitch McConnell said the Senate would take up the bill.", "Mitch McConnell"),
    ("Republicans in Congress said the bill would cut taxes for the middle class.", "Republicans in Congress"),
    ("Democrats in the House said the vote was a test of the party's resolve.", "Democrats in the House"),
    ("One man in Pennsylvania said he would vote for the first time.", "one man in Pennsylvania"),
    ("A security official in Cairo said the curfew would be lifted.", "a security official in Cairo"),
])
def test_a_speakers_name_without_inner_titles_and_a_group_in_its_place(scorer, text, speaker):
    found = [f.detail["speaker"] for f in attributions(scorer, text)]
    assert found == [speaker]


# AllSides sentences: a registered person who only describes the one speaking ("Trump adviser
# Peter Navarro", "Mr Navarro, an adviser to Mr Trump") had made Trump the speaker.
@pytest.mark.parametrize(("text", "speaker"), [
    ("Trump adviser Peter Navarro told CBS News that the tariffs would stay.", "Peter Navarro"),
    ("Clinton campaign chairman John Podesta said the emails were stolen.", "John Podesta"),
    ("Mr Navarro, an economic adviser to Mr Trump, said the deal was close.", "Navarro"),
    ("Michigan Rep. Debbie Dingell, another Pelosi ally, said the caucus was united.", "Debbie Dingell"),
    ("Trump’s lawyer said the president would not testify.", "Trump’s lawyer"),
    ("President Donald Trump said the wall would be built.", "Donald Trump"),
    ("Sen. Bernie Sanders (I-Vt.) said the bill was a giveaway.", "Bernie Sanders"),
    ("Chairman of the Senate Armed Services Committee, Republican John McCain, said the troops would stay.",
     "John McCain"),
])
def test_a_registered_person_who_only_describes_the_speaker_is_not_the_speaker(scorer, text, speaker):
    found = [f.detail["speaker"] for f in attributions(scorer, text)]
    assert found == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The indictment, which alleges a wide-ranging conspiracy, raises the stakes.", "indictment"),
    ("There are groups which say the border is open.", "which"),
])
def test_a_speaking_which_is_the_phrase_before_its_comma_or_nobody(scorer, text, speaker):
    found = [(f.detail["speaker"], f.detail["speaker_kind"]) for f in attributions(scorer, text)]
    assert found[0][0] == speaker
    assert (found[0][1] == "unresolved") == (speaker == "which")


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    # AllSides: "North Korea" had been a person, whom a later "he said" and a title
    # ("Washington's approach to North Korea") made a US-administration speaker.
    ("North Korea said the talks were over. That's what we're doing now, he said.", "North Korea", "institution"),
    ("Iran, often considered one of the most repressive regimes, denied the report.", "Iran", "institution"),
])
def test_a_country_or_state_speaks_as_an_institution_not_a_person(scorer, text, speaker, kind):
    found = [(f.detail["speaker"], f.detail["speaker_kind"]) for f in attributions(scorer, text)]
    assert found[0] == (speaker, kind)
    assert all(name != speaker for name, _ in found[1:])


def test_i_in_a_transcripts_turn_is_the_turns_speaker_not_the_writer(scorer):
    # Democracy Now!: Rep. John Lewis's "I think …" had been the writer's, over his turn and the
    # paragraphs it runs on; "I’m Amy Goodman, as I continue with … Democratic Congressmember John
    # Lewis" no longer makes the host a Democratic politician (a clause is no apposition).
    text = ("I’m Amy Goodman, as I continue my interview with Democratic Congressmember John Lewis.\n\n"
            "AMY GOODMAN: Tell us about the march.\n\n"
            "REP. JOHN LEWIS: We were marching for the right to vote.\n\n"
            "I thought I saw death, and I believe we had to keep going.")
    found = [(f.detail["speaker_text"], f.detail["speaker"], f.detail["side"]) for f in attributions(scorer, text)]
    assert found == [("AMY GOODMAN", "Amy Goodman", "media"), ("REP. JOHN LEWIS", "John Lewis", "democrat"),
                     ("I", "John Lewis", "democrat"), ("I", "John Lewis", "democrat")]


@pytest.mark.parametrize(("text", "expected"), [
    # A reporter's question in a briefing is no official's "I".
    ("MR. PRICE: Good afternoon.\n\nQ: Thanks, Ned. I want to ask about the aid package.\n\n"
     "MR. PRICE: We will see.\n\nQUESTION: Ned, I think the Russians say the talks are dead.",
     ("I", "the writer")),
    # One host's label does not make the writer's later "I think" the host's.
    ("JAKE TAPPER: Welcome back.\n\nTapper pressed the senator on the vote.\n\n"
     "I think the exchange showed how divided Republicans are.", ("I", "the writer")),
])
def test_a_turn_ends_at_any_label_and_runs_on_only_in_a_transcript(scorer, text, expected):
    found = [(f.detail["speaker_text"], f.detail["speaker"]) for f in attributions(scorer, text)]
    assert expected in found and all(name != "Price" for source, name in found if source == "I")


@pytest.mark.parametrize(("text", "speaker"), [
    ("A Trump adviser said the tariffs would stay.", "a Trump adviser"),
    ("Some Clinton allies said the stories were baloney.", "some Clinton allies"),
    ("Former quarterback Joe Montana endorsed the candidate. Montana said the race was close.", "Joe Montana"),
])
def test_aides_of_a_registered_person_and_a_person_named_like_a_place(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)][-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # AllSides sentences whose speaker had been the party tag ("R-Ala", "R-S.C.), the only …").
    ("Sen. Jeff Sessions, R-Ala., meanwhile, reiterated his concerns that the president would be acting "
     "outside the law.", "Jeff Sessions"),
    ("Sen. Tim Scott (R-S.C.), the only African American Republican in the Senate, says reparations for "
     "slavery are a “non-starter.”", "Tim Scott"),
    ("Rep. Jeff Duncan (R-SC), who left the practice early, said in a Facebook post that he saw the shooter "
     "before the attack.", "Jeff Duncan"),
    # "was" is no plural that makes "report" a verb: the report is the House's, the words Pompeo's.
    ("Rep. Mike Pompeo, R-Kan., who was involved in the House report, said Thursday the data was clearly "
     "“manipulated.”", "Mike Pompeo"),
])
def test_a_party_tag_after_a_name_is_not_the_speaker(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)] == [speaker]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Wilson County Sheriff Joe D. Tackitt Jr. said the gunman fled. Tackitt said more would be known soon.",
     ["Joe D. Tackitt Jr.", "Joe D. Tackitt Jr."]),
    ("Sen. Kamala D. Harris (D-Calif.), also a black lawmaker on Biden’s list of potential vice presidents, "
     "said she would not comment. Harris said later that she had spoken to him.",
     ["Kamala D. Harris", "Kamala D. Harris"]),
])
def test_a_middle_initial_and_a_generational_suffix_stay_in_the_name(scorer, text, speakers):
    assert [f.detail["speaker"] for f in attributions(scorer, text)] == speakers


def test_a_relative_after_a_description_speaks_for_the_person_described(scorer):
    text = ("Senate Majority Leader Harry Reid, D-Nevada, said the bill was fair. “We think it is the wrong way "
            "of going about dealing with this issue,” said Sen. Mitch McConnell of Kentucky, the minority "
            "leader, who described the measure as a reward for pro-Democratic trial lawyers.")
    assert [f.detail["speaker"] for f in attributions(scorer, text)] == ["Harry Reid", "Mitch McConnell",
                                                                         "Mitch McConnell"]


@pytest.mark.parametrize(("text", "expected"), [
    # Vox and Washington Examiner sentences (AllSides healthcare) whose speaker had been junk.
    ("None of this is bad, reaching an estimated 72,000 drug overdose deaths in 2017.", []),
    ("Harvey dumped an estimated 20 trillion gallons of rain on the Houston area.", []),
    ("The Obamacare plans undeniably have big deductibles.", []),
    ("For example: I looked at the short-term plans available to someone like me.", []),
    ("Go tell arachnophobic parents that you must put spiders on their child.", []),
    ("Kristol's group goes on to propose a trillion-dollar replacement.", [("Kristol's group", "propose")]),
    ("I spent most of my life believing that.", [("I", "believing")]),
    # ... while a plural subject, a plan with its "to" and a noun cue after an article stay.
    ("Police believe 22-year-old Salman Abedi was given the explosive he used.", [("Police", "believe")]),
    ("The company plans to cut 500 jobs.", [("The company", "plans")]),
])
def test_an_adjective_a_noun_or_an_imperative_is_no_cue_and_a_clause_subject_ends_before_its_verb(
        scorer, text, expected):
    assert [(f.detail["speaker_text"], f.detail["cue"]) for f in attributions(scorer, text)] == expected


def test_a_question_and_its_answer_in_one_sentence_are_two_speakers_words(scorer):
    # CNN's live blog of a hearing (AllSides healthcare): the answer had been given the question as its words.
    text = ("Snyder's boss did not directly defend her but when Rep. Marsha Blackburn, R-Tennessee, asked, "
            "\"So is Michelle Snyder responsible for this debacle?\", Sebelius responded \"no\".")
    found = {f.detail["speaker"]: f.detail["content"] for f in attributions(scorer, text)}
    assert found["Marsha Blackburn"] == "So is Michelle Snyder responsible for this debacle?"
    assert found["Sebelius"] == "no"


@pytest.mark.parametrize(("text", "speaker"), [
    # Every middle initial goes before the registry is asked: "George H. W. Bush" is not "George W. Bush".
    ("Democrats and Republicans in Congress met. Former President George H. W. Bush said he would vote.",
     "George H. W. Bush"),
    # A name before the comma that is an object, not the one described, keeps the relative clause off it.
    ("After meeting Netanyahu, the protesters, who said they were hopeful, went home.", "protesters"),
])
def test_a_name_is_only_what_its_words_say(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)] == [speaker]


def test_a_masthead_with_of_and_a_place_is_the_newspaper(scorer):
    text = ("Israel struck Gaza and Hamas fired rockets at Israel, Netanyahu said. "
            "The Times of Israel reported that the talks failed.")
    found = [(f.detail["speaker"], f.detail["role"], f.detail["side"]) for f in attributions(scorer, text)]
    assert found[-1] == ("Times of Israel", "media", "unknown")


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    # AllSides: "General Motors" had been a person named "Motors", and "the General Assembly"
    # a person named "Assembly" (general_bodies.txt); a general named by surname alone stays one.
    ("General Motors said on Tuesday that it would cut 4,000 jobs.", "General Motors", "institution"),
    ("Ron Dermer said the vote was a farce. The General Assembly condemned human rights abuses in Iran.",
     "General Assembly", "institution"),
    ("General Petraeus said the surge worked.", "Petraeus", "person"),
    ("Attorney General Sessions said the law was clear.", "Sessions", "person"),
])
def test_general_written_out_before_one_word_names_a_company_or_body(scorer, text, speaker, kind):
    found = [(f.detail["speaker"], f.detail["speaker_kind"]) for f in attributions(scorer, text)]
    assert found[-1] == (speaker, kind)


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    # AllSides: offices, ranks and callings had stayed in the name ("Texas Governor Rick Perry",
    # "Officer Mark Zuckerberg" of "Chief Executive Officer …"); a two-word name ending in one is a surname.
    ("Texas Governor Rick Perry said the border was open.", "Rick Perry", "person"),
    ("Chief Executive Officer Mark Zuckerberg said the company would change.", "Mark Zuckerberg", "person"),
    ("Justice Stephen Breyer said the law stood.", "Stephen Breyer", "person"),
    ("Mark Judge said he did not remember.", "Mark Judge", "person"),
    ("West Virginia Gov. Jim Justice said schools would close.", "Jim Justice", "person"),
    ("Tory Burch said the brand would grow.", "Tory Burch", "person"),
    ("Willie Mays said the game was over.", "Willie Mays", "person"),
    # A name ending in a body's word, or the plural of a title or party word, is no person.
    ("The World Health Organization said the virus was spreading.", "World Health Organization", "institution"),
    ("House Republicans said the bill was dead.", "House Republicans", "institution"),
    ("The Senate said it would adjourn.", "Senate", "institution"),
    ("Many MPs said they would vote against it.", "many MPs", "group"),
    ("Congressmen said the bill was dead.", "Congressmen", "institution"),
    # A lone capitalised word opening "X of Y" is a common noun, not a person named "Members".
    ("Members of the Freedom Caucus said they would vote no.", "Members of the Freedom Caucus", "institution"),
    ("Owen Daniels spoke first. Daniels of the Atlantic Council said the plan was sound.", "Daniels", "person"),
])
def test_titles_bodies_and_groups_are_not_the_persons_name(scorer, text, speaker, kind):
    found = [(f.detail["speaker"], f.detail["speaker_kind"]) for f in attributions(scorer, text)]
    assert found[-1] == (speaker, kind)


def test_a_pronoun_after_a_titled_surname_is_the_person_who_spoke_before(scorer):
    # AllSides: "Still Professor Nou says she …" then "…," she adds: "she" had been left unresolved.
    text = ("Jennifer Nou, a law professor at the University of Chicago, said the case was close. "
            "Still Professor Nou says she is surprised. “The Court seemed divided,” she adds.")
    assert [f.detail["speaker"] for f in attributions(scorer, text)] == ["Jennifer Nou"] * 3


@pytest.mark.parametrize(("text", "expected"), [
    # AllSides gun-policy articles: "the NRA" mid-sentence had been an unnamed, unresolved speaker while
    # "The NRA" opening a sentence was a named institution; "The report" was a named one.
    ("For its part, the NRA says it is not backing down.", ("NRA", "institution", True)),
    ("The NRA opposes any kind of weapons ban.", ("NRA", "institution", True)),
    ("The report says that another source confirmed the incident.", ("report", "institution", False)),
    ("The SEC said the rule stood.", ("SEC", "institution", True)),
    ("The Ministry of Justice said the rule stood.", ("Ministry of Justice", "institution", True)),
])
def test_a_body_is_named_by_its_name_with_or_without_the_article(scorer, text, expected):
    found = [(f.detail["speaker"], f.detail["speaker_kind"], f.detail["named"]) for f in attributions(scorer, text)]
    assert found[0] == expected


def test_a_participle_opening_the_sentence_is_no_speaker(scorer):
    # "Asked" had been a person, and the "he" and "she" after it were "Asked" too.
    text = ("Asked about the call for repeal, presidential spokeswoman Sarah Sanders said, “The president "
            "still fully supports the Second Amendment.” Asked bluntly about it, the president appeared "
            "irritated, citing the economic crisis.")
    assert "Asked" not in [f.detail["speaker"] for f in attributions(scorer, text)]


@pytest.mark.parametrize(("text", "speaker", "named"), [
    # First 2,000 AllSides articles: "Americans" (61 attributions), "Police", "House", "Party", "The Fed"
    # were named persons; "Thursday" of "said Thursday" and "Anyone" were named institutions.
    ("Most Americans thought that was a pretty stupid idea.", "Americans", False),
    ("Police say those killed were drug dealers.", "Police", True),
    ("The Fed surprised investors by announcing that it would postpone any retreat.", "Fed", True),
    ("Leaders agreed to add tax credits.", "Leaders", False),
    ("Anyone who wants a copy must submit a waiver request.", "Anyone", False),
])
def test_common_words_groups_and_bodies_are_no_named_persons(scorer, text, speaker, named):
    found = [(f.detail["speaker"], f.detail["speaker_kind"], f.detail["named"]) for f in attributions(scorer, text)]
    assert found[0][0] == speaker and found[0][1] != "person" and found[0][2] is named


@pytest.mark.parametrize(("text", "side"), [
    # AllSides: 2,745 party tags in the 10,000 articles; a member of Congress the registry does not name
    # had no side. The tag gives the party as the applicable registry reads it, and none without one.
    ("Trump met Pelosi in the White House. Rep. Bill Flores (R-Texas) said the bill was dead.", "republican"),
    ("Trump met Pelosi in the White House. Rep. Diana DeGette (D-Colo.) said the bill was dead.", "democrat"),
    ("Putin met Lavrov in the Kremlin. Rep. Adam Smith (D-Wash.) said the sanctions would stay.", "unknown"),
    ("Trump met Pelosi in the White House. Smith, a D-Day veteran, said the war was hard.", "unknown"),
])
def test_a_party_tag_gives_the_party_a_registry_names(scorer, text, side):
    assert [f.detail["side"] for f in attributions(scorer, text)][-1] == side


@pytest.mark.parametrize(("label", "speaker"), [
    # AP's fact checks (59 "THE FACTS:" headings in the 10,000 AllSides articles) each gave an attribution
    # to a person named "Facts"; Axios's "WHY IT MATTERS:" one named "Why It Matters".
    ("THE FACTS", None), ("WHY IT MATTERS", None), ("POLICING THE USA", None),
    # ... while a transcript's turns stay, "the" or not.
    ("THE VICE PRESIDENT", "Vice President"), ("THE COURT", "Court"), ("AMY GOODMAN", "Amy Goodman"),
])
def test_a_heading_is_no_speaker_a_turn_is(scorer, label, speaker):
    text = (f"MODERATOR: Welcome to the debate.\n\n{label}: The nearly 1,500 children arrived at the border "
            "without their parents, and the officials saw no sign of it.\n\nMODERATOR: Thank you.")
    found = [f.detail["speaker"] for f in attributions(scorer, text) if "children" in f.detail["content"]]
    assert (found[0] if found else None) == speaker


def test_a_heading_opening_a_source_is_cut_off_it(scorer):
    # A cue later in the paragraph took the heading as its subject ("Facts" promising $4 trillion).
    text = ("ROMNEY: “Obama will cut Medicare.”\n\n"
            "THE FACTS: In promising $4 trillion, Obama is already banking more than $2 trillion.")
    assert "Facts" not in [f.detail["speaker"] for f in attributions(scorer, text)]


@pytest.mark.parametrize(("text", "speaker"), [
    # First 2,000 AllSides articles: "Theresa May said" was "Theresa" (the modal "may" ended the source),
    # "Mrs May told" was an institution named "Mrs", and "Rep. Will Hurd" was "Hurd".
    ("Prime Minister Theresa May said on Tuesday that the deal was done.", "Theresa May"),
    ("Theresa May said she would stay. Mrs May told reporters the deal was done.", "Theresa May"),
    ("Rep. Will Hurd said the wall was a third-century solution.", "Will Hurd"),
    ("“The deal is done,” said Theresa May.", "Theresa May"),
    ("Rep. June Smith said the bill was dead.", "June Smith"),
    ("April Ryan asked whether the bill was dead.", "April Ryan"),
    # ... but a sentence's first word is no given name: "In May Pelosi" is Pelosi.
    ("Trump met Pelosi in the White House. In May Pelosi said the bill was dead.", "Nancy Pelosi"),
])
def test_a_month_or_auxiliary_written_as_a_name_is_part_of_it(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)][-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # ... while a day after a name is when it spoke, not part of the name ("The Senate Monday" and
    # "Twitter Tuesday" were speakers).
    ("He said the deal was done. But Israel Monday said the talks would go on.", "Israel"),
    ("He said the deal was done. The Senate Monday said the talks would go on.", "Senate"),
    # A capitalised object of a preposition is no speaker: "took to Twitter", "close to Pelosi".
    ("Sen. Marco Rubio took to Twitter to say that the deal was a mistake.", "Marco Rubio"),
    ("Trump met Pelosi in the White House. “No,” said a source close to Pelosi.", "a source close to Pelosi"),
])
def test_a_day_or_an_object_is_no_part_of_a_name(scorer, text, speaker):
    assert [f.detail["speaker"] for f in attributions(scorer, text)][-1] == speaker

"""An outlet's own name is not one of its distinctive words; a common word of its name still can be."""

from framing.compare.findings import distinctive_vocabulary
from framing.compare.own_names import name_phrases, own_name_filter
from framing.compare.term_counts import TermCounts, term_lists
from framing.document.parse import build_document

# Sentences of the AllSides corpus: Fox News names itself; the other outlets write about the same unions.
FOX = [
    "\"We've been very focused this term on both United States Senate races,\" White told Fox News.",
    "\"As you know, educators can't write million-dollar checks,\" White told Fox News.",
    "A Fox News poll found the union vote split. Fox News reached the teachers' union for comment.",
    "The fox ran across the union hall, a union official said.",
]
OTHERS = [
    "The teachers' union will spend $20 million on the midterm election, a union official said.",
    "Union leaders said the election would decide education policy in many states.",
    "Teachers marched to the state capitol, union leaders said.",
]


def counts_of(groups):
    counts = TermCounts()
    for group, texts in groups.items():
        for i, text in enumerate(texts):
            terms, _ = term_lists(build_document(f"{group}-{i}", text))
            counts.add(group, terms)
    return counts


def test_name_phrases_are_ordered_words_of_the_name_and_its_acronyms():
    # "times" alone is the plural of an everyday word: "three times" says nothing of the Times.
    assert sorted(name_phrases("The New York Times")) == ["new times", "new york", "new york times", "york times"]
    left_out = own_name_filter({"left": ["The New York Times"]}, {"left": {"times": 40, "three times": 9}})
    assert not left_out("left", "three times") and left_out("left", "new york times")
    assert name_phrases("Politico") == frozenset({"politico"})
    # AllSides' labels: the text says "NPR" and "Fox News".
    assert {"npr", "npr news"} <= name_phrases("NPR Online News")
    assert "fox news" in name_phrases("Fox Online News") and "fox" not in name_phrases("Fox Online News")


def test_the_outlets_own_name_is_left_out_of_its_distinctive_words():
    counts = counts_of({"Fox News": FOX, "Reuters": OTHERS})
    before = [t["term"] for t in distinctive_vocabulary(counts, ["Fox News", "Reuters"], top=50)["Fox News"]]
    assert {"fox news", "told fox news", "fox"} <= set(before)
    after = [t["term"] for t in distinctive_vocabulary(counts, ["Fox News", "Reuters"], top=50,
                                                         outlets={"Fox News": ["Fox News"],
                                                                  "Reuters": ["Reuters"]})["Fox News"]]
    assert not {"fox news", "told fox news", "fox news poll", "fox"} & set(after)
    # Every term holding "fox" or "news" (here always in "Fox News") goes, "white told fox" and "news poll"
    # (cut from "White told Fox News", "A Fox News poll") too; nothing else.
    assert set(before) - set(after) == {t for t in before if {"fox", "news"} & set(t.split())}
    assert "news poll" in before
    assert "white told fox" in before


def test_a_word_of_the_name_used_mostly_elsewhere_stays():
    counts = counts_of({"right": FOX, "left": OTHERS})
    left_out = own_name_filter({"right": ["Fox News", "Union Leader"]}, counts.counts)
    # "union" is in "Union Leader" (an outlet of the group) but never used inside that name here.
    assert not left_out("right", "union")
    assert left_out("right", "fox")  # 5 of its 6 uses are in "fox news"
    assert not left_out("left", "fox news")  # another group's page naming Fox News is not self-reference


def test_a_known_outlets_dateline_names_it():
    # AllSides: the Associated Press writes "told the AP" and "WASHINGTON (AP) —"; "ap" had been the
    # center group's third distinctive word in the first 2,000 articles.
    assert "ap" in name_phrases("Associated Press") and "tass" in name_phrases("TASS")
    left_out = own_name_filter({"center": ["Associated Press", "Reuters"]}, {"center": {"ap": 126, "told": 300}})
    assert left_out("center", "ap") and left_out("center", "told the ap")
    assert not left_out("center", "told") and not left_out("left", "ap")


def test_an_outlet_named_by_its_last_word_or_with_the():
    # AllSides: the Christian Science Monitor writes "the Monitor" (43 uses in 2,000 articles),
    # The Hill "told The Hill" (18 uses); a person's name or a common last word is no such name.
    monitor = [
        "Her November commentary for the Monitor, titled \u201cImmigration reform,\u201d is a road map.",
        "Officials told the Monitor that the monitor on the border was broken.",
    ]
    hill = ["Sen. Dianne Feinstein, the top-ranking Democrat, told The Hill last month that Biden would "
            "have handled the hearings differently.", "The vote on the Hill was close."]
    counts = counts_of({"Christian Science Monitor": monitor, "The Hill": hill, "Reuters": OTHERS})
    outlets = {name: [name] for name in ("Christian Science Monitor", "The Hill", "Reuters")}
    left_out = own_name_filter(outlets, counts.counts)
    assert left_out("Christian Science Monitor", "monitor") and not left_out("Christian Science Monitor", "border")
    assert left_out("The Hill", "told the hill") and not left_out("The Hill", "hill")
    # "the" is a stop word: terms holding it stay unless they hold the whole name.
    assert not left_out("The Hill", "handled the hearings")
    assert not name_phrases("Barack Obama") & {"obama"} and "dougherty" not in name_phrases("Michael Brendan Dougherty")
    assert "editorial" not in name_phrases("Scriberr Media - Opinion/Editorial")


def test_an_outlets_web_address_is_its_own_name():
    # AllSides health care: Fox News writes 'told FoxNews.com' (4 of its articles); "foxnews.com" had been
    # the third distinctive word of Fox News among 355 articles. Another site's address stays.
    terms = set(term_lists(build_document("fox", "Robert Zirkelbach, spokesman with America's Health Insurance "
                                                 "Plans, told FoxNews.com that all the plans would fail."))[0])
    assert "foxnews.com" in terms
    left_out = own_name_filter({"Fox News": ["Fox News"], "CNN": ["CNN (Web News)"]}, {})
    assert left_out("Fox News", "foxnews.com") and left_out("Fox News", "told foxnews.com")
    assert not left_out("CNN", "foxnews.com") and not left_out("Fox News", "healthcare.gov")
    assert left_out("CNN", "www.cnn.com")

"""Page furniture learned from the article set: what one outlet repeats across its articles is removed and logged."""

import json
import pickle
import random

import pytest

from framing.compare.findings import distinctive_vocabulary
from framing.corpus.article import Article
from framing.corpus.reader import CorpusReader
from framing.corpus.seeds import default_corpus
from framing.document.clean import FURNITURE_REASON, clean_text
from framing.document.furniture import (
    Furniture,
    OutletFurniture,
    SegmentCounts,
    SegmentFinder,
    furniture_of,
    learn_furniture,
    names_page_feature,
    segment_hash,
)
from framing.run.cache import ScorerFactory, options_digest
from framing.run.runner import EVIDENCE_FILE, lookup_sentences, run_scoring
from framing.run.scorer import ArticleScorer, ScoreOptions

CAPTION = "Members of the city council listen to public comment at City Hall. (Photo by Jane Doe/Daily Ledger)"
SIGN_UP = "Sign up for the Daily Ledger morning newsletter to get the day's top stories in your inbox."
APP = "Download the Daily Ledger app for breaking news alerts."
# A plain news sentence the outlet repeats in every article (syndicated background): news, kept.
BACKGROUND = "Springfield has faced a budget shortfall since the Hadley paper mill closed in 2019."
# A line that would be furniture if a third article had it.
IN_TWO = "Download the council's full budget proposal from the city clerk's website."

LEDGER_NEWS = [
    ("The city council voted 5-2 on Tuesday to raise water rates by 8 percent starting in July.",
     "Council member Ruth Alvarez said the increase would pay for replacing lead pipes on the east side."),
    ("Springfield police arrested two men after a break-in at a pharmacy on Maple Avenue early Sunday.",
     "Officers recovered prescription drugs and cash, according to a department spokesman."),
    ("The school board approved a plan to start high school classes an hour later next fall.",
     "Parents who spoke at the meeting were divided over the effect on after-school jobs and sports."),
    ("A fire destroyed a vacant warehouse near the rail yard on Friday night, fire officials said.",
     "No one was injured, and investigators have not determined the cause of the blaze."),
    ("Mayor Tom Reilly proposed cutting the library's hours to close a gap in next year's budget.",
     "Library director Anita Shah warned that the cuts would fall hardest on students without internet at home."),
    ("The county health department reported a sharp rise in flu cases among young children this month.",
     "Doctors urged families to get vaccinated before the holidays."),
    ("Construction of the new bridge over the Sangamon River is three months behind schedule.",
     "State engineers blamed a shortage of steel and a wet spring for the delay."),
    ("The farmers market will move to the old train depot when it reopens in May, organizers said.",
     "Vendors welcomed the larger space but worried about parking for shoppers."),
    ("A local nonprofit opened a shelter for homeless veterans in a former motel on Route 4.",
     "The shelter has 30 beds and will offer job training and counseling."),
    ("The city's unemployment rate fell to 4.1 percent in March, the lowest level in a decade.",
     "Economists credited new hiring at the hospital and at two distribution centers."),
    ("Springfield University raised tuition by 3 percent, citing higher costs for heating and salaries.",
     "Student leaders said they would ask the trustees to expand financial aid."),
    ("Residents packed a hearing on a proposed gravel quarry north of town on Thursday night.",
     "Opponents said truck traffic and dust would harm nearby farms and a wildlife refuge."),
]

POST_NEWS = [
    ("The state legislature passed a bill to expand broadband service in rural counties.",
     "Supporters said thousands of homes still rely on slow satellite connections."),
    ("Lakeview firefighters rescued a family of four from a burning apartment building on Elm Street.",
     "Two residents were treated for smoke inhalation at Mercy Hospital."),
    ("The governor signed an executive order freezing hiring at state agencies for six months.",
     "Union leaders called the order short-sighted and said services would suffer."),
    ("A heat wave pushed temperatures above 100 degrees across the valley for a third straight day.",
     "Cooling centers opened at libraries and community halls."),
    ("Lakeview voters will decide in November whether to fund a new police headquarters.",
     "The police chief said the current building has leaking roofs and no room for evidence storage."),
    ("The regional airport announced daily nonstop flights to Denver beginning this summer.",
     "Airport officials expect the route to draw business travelers from three counties."),
    ("Teachers in the Lakeview district reached a tentative contract with a 4 percent raise.",
     "The agreement ends weeks of tense negotiations that had threatened a strike."),
    ("A jury convicted a former city treasurer of embezzling nearly $300,000 in parking fees.",
     "Sentencing is scheduled for next month, prosecutors said."),
    ("The Lakeview zoo welcomed two red panda cubs, the first born there in twenty years.",
     "Keepers said the cubs would be shown to visitors in the fall."),
    ("Drought has cut the reservoir to half its usual level, water managers warned on Monday.",
     "They asked residents to limit lawn watering to two days a week."),
    ("A new bus line will connect downtown Lakeview with the community college starting in August.",
     "Transit officials said fares would stay at two dollars."),
    ("The county fair drew a record crowd despite rain on its opening weekend.",
     "Organizers credited a new concert stage and free admission for children."),
]
FURNITURE_WORDS = ("jane doe", "photo", "newsletter", "inbox", "breaking news", "ledger app", "public comment")


def ledger_article(index: int) -> Article:
    lead, follow = LEDGER_NEWS[index]
    lines = [lead, CAPTION, BACKGROUND, f"{follow} {APP}", SIGN_UP]
    if index < 2:
        lines.insert(3, IN_TWO)
    return Article(f"ledger{index:02d}", "\n\n".join(lines), outlet="Daily Ledger")


def post_article(index: int) -> Article:
    lead, follow = POST_NEWS[index]
    return Article(f"post{index:02d}", f"{lead}\n\n{follow}", outlet="Evening Post")


ARTICLES = [ledger_article(i) for i in range(12)] + [post_article(i) for i in range(12)]


@pytest.fixture(scope="module")
def furniture() -> Furniture:
    return learn_furniture(ARTICLES)


def test_the_caption_box_and_app_sentence_are_learned_for_their_outlet(furniture):
    assert furniture.outlets[0][0] == "Daily Ledger" and len(furniture.outlets) == 1
    ledger = furniture.of("Daily Ledger")
    # The caption's credit is learned as a sentence too (it names a page feature); the whole line matches first.
    credit = "(Photo by Jane Doe/Daily Ledger)"
    assert ledger.hashes == {segment_hash(text) for text in (CAPTION, SIGN_UP, APP, credit)}


def test_what_names_a_page_feature_is_furniture_in_every_outlet_a_plain_line_only_in_its_own():
    # A columnist listed as an outlet of their own carries their host site's box in two articles.
    host = [Article(f"h{i}", f"{lead}\n\nFrom the Left\n\n{SIGN_UP}", outlet="Daily Ledger")
            for i, (lead, _) in enumerate(LEDGER_NEWS[:4])]
    furniture = learn_furniture(host)
    column = furniture.of("Ruth Alvarez (columnist)")
    assert column.furniture_spans(SIGN_UP) == [(0, len(SIGN_UP))]
    assert column.furniture_spans("From the Left") == []
    assert furniture.of("Daily Ledger").furniture_spans("From the Left") == [(0, 13)]


def test_furniture_is_removed_and_logged_with_its_reason(furniture):
    article = ledger_article(0)
    result = clean_text(article.text, furniture=furniture.of(article.outlet))
    assert [(r.line, r.reason, r.text) for r in result.removed] == [
        (3, FURNITURE_REASON, CAPTION),
        (9, FURNITURE_REASON, APP),  # a sentence cut from its line; the line's news stays
        (11, FURNITURE_REASON, SIGN_UP),
    ]
    assert result.body.split("\n\n") == [LEDGER_NEWS[0][0], BACKGROUND, IN_TWO, LEDGER_NEWS[0][1]]


def test_a_line_in_two_articles_and_a_repeated_news_sentence_are_kept(furniture):
    ledger = furniture.of("Daily Ledger")
    assert ledger.furniture_spans(IN_TWO) == []  # in 2 of 12 articles: below the minimum of 3
    assert ledger.furniture_spans(BACKGROUND) == []  # in all 12, but a sentence of news


def test_furniture_never_reaches_distinctive_words_or_evidence(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "text": a.text}) + "\n"
                              for a in ARTICLES), encoding="utf-8")

    def run(options: ScoreOptions, name: str):
        out = tmp_path / name
        out.mkdir()
        result = run_scoring(CorpusReader(corpus), out, options)
        terms = [t["term"] for t in distinctive_vocabulary(result.term_counts, ["Daily Ledger", "Evening Post"])
                 ["Daily Ledger"]]
        return result, terms, [json.loads(line) for line in (out / EVIDENCE_FILE).open(encoding="utf-8")]

    result, terms, evidence = run(ScoreOptions(), "learned")
    assert not [t for t in terms if any(word in t for word in FURNITURE_WORDS)], terms
    logged = [r for r in evidence if r["family"] == "cleaning" and r["kind"] == FURNITURE_REASON]
    assert len(logged) == 3 * 12 and {r["text"] for r in logged} == {CAPTION, SIGN_UP, APP}
    others = [r for r in evidence if r["family"] != "cleaning"]
    assert not [r for r in others if any(word in json.dumps(r).lower() for word in FURNITURE_WORDS)]
    # The example sentences, looked up again with the run's furniture, are those scoring saw.
    wanted = {"ledger00": {0, 1, 2, 3}}
    assert list(lookup_sentences(CorpusReader(corpus), wanted, result.furniture).values()) == [
        LEDGER_NEWS[0][0], BACKGROUND, IN_TWO, LEDGER_NEWS[0][1]]
    # Without learning, the same words top the outlet's distinctive words: the check above has teeth.
    _, unlearned, _ = run(ScoreOptions(learn_furniture=False), "unlearned")
    assert [t for t in unlearned if any(word in t for word in FURNITURE_WORDS)]


def test_learning_is_deterministic_and_order_free():
    shuffled = list(ARTICLES)
    random.Random(7).shuffle(shuffled)
    assert learn_furniture(shuffled) == learn_furniture(ARTICLES)
    assert learn_furniture(shuffled).digest() == learn_furniture(ARTICLES).digest()


def test_identical_texts_count_once_and_the_share_scales_with_the_outlet():
    copies = [Article(f"c{i}", f"News of the day.\n{SIGN_UP}", outlet="Copycat") for i in range(5)]
    assert len(learn_furniture(copies)) == 0  # one text, five times: one article
    box = [Article(f"b{i}", f"Story {word} happened today.\n{SIGN_UP}", outlet="Big")
           for i, word in enumerate(["one", "two", "three"])]
    names = ["".join(chr(97 + i // 26 ** k % 26) for k in range(3)) for i in range(200)]  # 200 different words
    others = [Article(f"o{i}", f"Another story about {name}.", outlet="Big") for i, name in enumerate(names)]
    assert len(learn_furniture(box + others)) == 0  # 3 of 203 articles: under 2 %
    assert len(learn_furniture(box + others, min_share=0.01)) == 1


def test_pruning_bounds_memory_but_keeps_a_recurring_segment():
    counts = SegmentCounts(cap=20)
    for i in range(60):
        counts.add("Daily", f"Unique headline number {i} {'z' * i}.\n{SIGN_UP}")
    assert len(counts.counts["Daily"]) <= 20
    assert counts.furniture().of("Daily").hashes == {segment_hash(SIGN_UP)}


def test_min_articles_below_two_is_refused_with_its_value():
    with pytest.raises(ValueError, match="min_articles=1"):
        learn_furniture(ARTICLES, min_articles=1)


def test_the_seeds_learn_nothing():
    assert learn_furniture(CorpusReader(default_corpus())) == Furniture()


def test_the_factory_carries_furniture_to_workers_and_the_cache_key(furniture):
    factory = ScorerFactory(ScoreOptions(), furniture)
    copy = pickle.loads(pickle.dumps(factory))
    assert copy == factory and copy != ScorerFactory(ScoreOptions())
    scored = copy().score(ledger_article(3))
    assert [e["text"] for e in scored.evidence if e.get("kind") == FURNITURE_REASON] == [CAPTION, APP, SIGN_UP]
    assert options_digest(ScoreOptions(), furniture) != options_digest(ScoreOptions())
    assert options_digest(ScoreOptions(), Furniture()) == options_digest(ScoreOptions())
    # A scorer built without the set's furniture (a lone article) removes none.
    assert not [e for e in ArticleScorer().score(ledger_article(3)).evidence if e.get("kind") == FURNITURE_REASON]


def test_an_outlet_without_furniture_keeps_every_line():
    article = ledger_article(5)
    assert clean_text(article.text, furniture=OutletFurniture()).removed == []


@pytest.mark.parametrize("line, kept, reason", [
    # The Hill's name tooltip: full name, three headlines, "MORE".
    ("Sen. Marco Rubio Marco Antonio RubioGOP senators plan to tune out impeachment week Republicans warn "
     "election results are 'wake-up call' for Trump MORE (Fla.) said no.", "Sen. Marco Rubio (Fla.) said no.",
     "inline link"),
    ("Obama avoided an endorsement of Hillary Clinton Hillary Diane Rodham ClintonGiuliani consulted with Manafort "
     "on Ukraine info: report MORE’s campaign.", "Obama avoided an endorsement of Hillary Clinton’s campaign.",
     "inline link"),
    ("JUST WATCHED Congress wants power to review Iran nuclear deal Replay More Videos ... MUST WATCH Congress "
     "wants power to review Iran nuclear deal 03:33", "", "video embed"),
    ("Photos: Walker wins recall – Supporters cheer in Waukesha. Hide Caption 1 of 16", "", "photo gallery"),
    ("Story highlights Paul Ryan emerges with a key role in the standoff", "Paul Ryan emerges with a key role in the "
     "standoff", "section label"),
    ("The MORE party said it would vote no.", "The MORE party said it would vote no.", None),
])
def test_rules_for_furniture_no_set_repeats_exactly(line, kept, reason):
    result = clean_text("The council met on Monday to discuss the budget for next year.\n" + line)
    assert result.body.split("\n")[1:] == ([kept] if kept else [])
    assert [r.reason for r in result.removed] == ([reason] if reason else [])


def test_segments_found_in_worker_processes_give_the_same_furniture(furniture):
    # run_furniture with --jobs 2: the segments are found in two worker processes and counted here in
    # the articles' order (more articles than a set scored in one process, with repeats and pruning).
    from framing.run.engine import SMALL_SET
    from framing.run.stream import run_furniture

    articles = ARTICLES * (SMALL_SET // len(ARTICLES) + 2)
    assert len(articles) > SMALL_SET
    assert run_furniture(articles, ScoreOptions(), jobs=2) == run_furniture(articles, ScoreOptions()) == furniture
    pruned = [ledger_article(i % 12) if i % 3 else post_article(i % 12) for i in range(60)]
    assert furniture_of(map(SegmentFinder().score, pruned), cap=8) == learn_furniture(pruned, cap=8)


# One line per first letter of the [furniture] words (boilerplate.toml groups them by it), then lines
# that name none: a word inside a longer word, or the start of a listed phrase alone.
@pytest.mark.parametrize("line, names", [
    ("© 2019 Cable News Network.", True),
    ("All Rights Reserved.", True),
    ("Become a member today.", True),
    ("Continue reading the main story", True),
    ("Donations page: support our reporting", True),
    ("Editor's note: this column was updated.", True),
    ("E-mail alerts for breaking news", True),
    ("Follow the Hill on Twitter", True),
    ("Full coverage of the summit", True),
    ("Gallery: the storm in pictures", True),
    ("Hide caption", True),
    ("Image courtesy of NASA", True),
    ("Just watched", True),
    ("Listen to this article", True),
    ("More stories from the campaign", True),
    ("Get our newsletter", True),
    ("The opinions expressed are the author's own.", True),
    ("Photo:Getty Images", True),
    ("Related coverage", True),
    ("Sign-up for breaking news", True),
    ("Tap here to play", True),
    ("Unsubscribe at any time", True),
    ("The views expressed are his own.", True),
    ("WATCH:Trump speaks in Ohio", True),
    ("The senators signaled support for the bill.", False),
    ("Prices rose as the gallerist sold the painting.", False),
    ("More than 300 people were detained.", False),
    ("He said the views of voters had shifted.", False),
])
def test_page_feature_words_are_found_whatever_their_first_letter(line, names):
    assert names_page_feature(line) is names

"""Chart wording comes from templates/charts.toml, looked up by chart name."""

from collections import Counter
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

from framing.compare.summaries import GroupEvidence
from framing.errors import DataFileError
from framing.report import chart_data, charts

REPORTS = Path(__file__).resolve().parent.parent / "reports"


def packaged_wording() -> str:
    return resources.files("framing.report").joinpath("templates", "charts.toml").read_text(encoding="utf-8")


def test_every_chart_has_its_wording():
    wording = chart_data.chart_wording()
    assert list(wording) == list(chart_data.CHART_WORDING_KEYS)
    assert wording["voices"] == {
        "title": "Who speaks, by side or role",
        "caption": "Share of each {group}'s attributed statements (direct and indirect) by the speaker's side, "
                   "from the actor registries that apply to the articles (unidentified: no registry names the "
                   "speaker); shown by side because the registries name the speakers of most statements of "
                   "this run.",
        "figure_title": "Voices by speaker side",
        "roles_caption": "Share of each {group}'s attributed statements (direct and indirect) by the speaker's "
                         "role (politician, government, expert, advocacy, business, citizen, media, anonymous; "
                         "unidentified: no title or context tells); shown by role because the actor registries "
                         "name the speakers of fewer than half of this run's statements.",
        "roles_figure_title": "Voices by speaker role",
        "axis_label": "share of attributed statements (%)",
    }
    # A caption wrapped over several lines of the file is one line of text.
    assert wording["outlet_map"]["caption"].startswith(
        "Each {group} at the average of its articles on the two axes along which the articles differ most "
        "(principal")
    assert all("\n" not in text for entry in wording.values() for text in entry.values())


def test_the_committed_report_shows_the_files_titles_and_captions():
    index = (REPORTS / "index.md").read_text(encoding="utf-8")
    for name in ("contested_terms", "voices", "verb_classes", "sentence_tone", "target_tone", "readability",
                 "outlet_map"):
        entry = chart_data.chart_text(name, "outlet")
        assert f"### {entry['title']}\n\n![{entry['title']}](charts/{name}.png)\n\n{entry['caption']} (" in index


def two_outlets_quoting():
    rt, tass = GroupEvidence(), GroupEvidence()
    rt.side_kinds = Counter({("russia_gov", "direct"): 3, ("ukraine_gov", "indirect"): 1})
    tass.side_kinds = Counter({("russia_gov", "indirect"): 2})
    return {"RT": rt, "TASS": tass}


def test_charts_take_titles_captions_and_axis_labels_from_the_wording(monkeypatch, tmp_path):
    wording = {name: dict(entry) for name, entry in chart_data.chart_wording().items()}
    wording["voices"].update(title="Wer spricht", caption="Anteil der Aussagen je {Group}.", figure_title="Stimmen",
                             axis_label="Anteil (%)")
    monkeypatch.setattr(chart_data, "chart_wording", lambda: wording)
    drawn = {}
    monkeypatch.setattr(charts, "save", lambda figure, folder, name: drawn.setdefault(name, figure))
    run = SimpleNamespace(feature_names=[], samples={})
    # Only whom each outlet quotes is known: of all charts, only "voices" has data.
    made = chart_data.draw_charts(tmp_path, [], ["RT", "TASS"], {}, two_outlets_quoting(), run,
                                  group_label="Medium")
    assert made == [{"name": "voices", "title": "Wer spricht", "file": "charts/voices.png",
                     "svg": "charts/voices.svg", "caption": "Anteil der Aussagen je Medium."}]
    axes = drawn["voices"].axes[0]
    assert (axes.get_title(), axes.get_xlabel()) == ("Stimmen", "Anteil (%)")


def test_a_missing_key_names_the_file_line_and_what_to_add():
    text = packaged_wording().replace('axis_label = "share of attributed statements (%)"\n', "")
    line = text.splitlines().index("[voices]") + 1
    with pytest.raises(DataFileError, match=rf'^my.toml, line {line}: chart voices needs axis_label as text — '
                                            r'add axis_label = "\.\.\."$'):
        chart_data.parse_chart_wording(text, "my.toml")


def test_a_missing_chart_says_which_table_to_add():
    text = packaged_wording().replace("[readability]", "[readability_old]")
    with pytest.raises(DataFileError, match=r"^my.toml: no \[readability\] table — add one with title, caption"):
        chart_data.parse_chart_wording(text, "my.toml")


def test_bad_toml_names_the_file():
    with pytest.raises(DataFileError, match=r"^my.toml: .* fix the TOML syntax$"):
        chart_data.parse_chart_wording('[voices\ntitle = "x"', "my.toml")


def test_tone_toward_actors_shows_the_actors_most_groups_name_then_the_most_mentioned(monkeypatch):
    # Six actors named by both outlets: the five most mentioned are drawn, not the first five by name.
    def estimate(mean, n=3):
        return SimpleNamespace(mean=mean, low=mean - 0.1, high=mean + 0.1, n=n)
    mentions = {"china": 0.2, "trump": 9.0, "us": 4.0, "obama": 2.0, "democrats": 1.5, "biden": 0.5}
    table = {g: {**{chart_data.TONE_TOWARD + k: estimate(-0.2) for k in mentions},
                 **{chart_data.MENTIONS + k: estimate(m) for k, m in mentions.items()}} for g in ("CNN", "Fox News")}
    features = [chart_data.TONE_TOWARD + k for k in sorted(mentions)]
    drawn = {}
    monkeypatch.setattr(charts, "estimates_chart", lambda groups, panels, *args, **kwargs: drawn.setdefault(
        "panels", [name for name, _ in panels]))
    chart_data._target_tone(["CNN", "Fox News"], table, features, chart_data.target_names(),
                            {"figure_title": "t", "axis_label": "a"})
    assert drawn["panels"] == ["Donald Trump", "the US", "Barack Obama", "the Democrats", "Joe Biden"]


# Two outlets' reports of one week of Middle East diplomacy: Israel, Iran, the US, Russia and China are named
# more often than the Palestinians, so the five most mentioned actors leave them out.
MIDEAST_ARTICLES = {
    "Wire A": [
        "Israel warned Iran on Monday that it would act alone. Israel's prime minister said Iran was close to a "
        "bomb. Iran denied it. The United States urged Israel to wait, and Russia said Iran had a right to "
        "nuclear power. China backed Russia. The Palestinians said the talks ignored them.",
        "Israel and Iran traded threats again. Washington said Israel has a right to defend itself, and the US "
        "sent an envoy. Russia warned Israel. China called for calm, and the EU urged both sides to talk. Israel "
        "said it would not wait.",
    ],
    "Wire B": [
        "Israel rejected the deal with Iran. Israel's cabinet said Iran would cheat. The US defended the deal, "
        "and Russia and China signed it. Iran welcomed it. The EU said it would lift sanctions on Iran.",
        "Israel lobbied Congress against the deal. Iran said Israel was isolated. Russia sold missiles to Iran, "
        "and the US protested. China bought Iranian oil. Israel said the world had been fooled. The "
        "Palestinians appealed to the United Nations.",
    ],
}


def test_tone_toward_actors_shows_the_palestinians_beside_israel_on_real_text(monkeypatch):
    from framing.compare.aggregate import aggregate
    from framing.corpus.article import Article
    from framing.run.scorer import ArticleScorer

    scorer = ArticleScorer()
    rows = [{**scorer.score(Article(f"{outlet}-{number}", text, outlet=outlet)).row(), "group": outlet}
            for outlet, texts in MIDEAST_ARTICLES.items() for number, text in enumerate(texts)]
    table = aggregate(rows, scorer.feature_names)
    groups = list(MIDEAST_ARTICLES)
    named = [key for key in chart_data.target_names() if table["Wire A"][chart_data.TONE_TOWARD + key].n]
    by_mentions = sorted(named, key=lambda key: -chart_data._mentions(groups, table, key))
    assert by_mentions[0] == "israel" and by_mentions.index("palestinians") >= 5  # not among the five most named
    drawn = {}
    monkeypatch.setattr(charts, "estimates_chart", lambda groups, panels, *args, **kwargs: drawn.setdefault(
        "panels", [name for name, _ in panels]))
    chart_data._target_tone(groups, table, scorer.feature_names, chart_data.target_names(),
                            {"figure_title": "t", "axis_label": "a"})
    # The five most named, then Israel brings the Palestinian side's most named actor and Russia the Western
    # side's (the EU): seven, the most the chart shows.
    assert drawn["panels"] == ["Iran", "Israel", "Russia", "the US", "China", "the EU", "the Palestinians"]

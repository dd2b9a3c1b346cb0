"""Issue 16: progress a person can trust: a total, a share, a rate and the time left; plain lines in a log."""

import io
import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.corpus.reader import CorpusReader
from framing.run import progress as progress_module
from framing.run.progress import RunProgress, count_articles, duration, plain_line


class Clock:
    """A clock that moves only when told: the test says how long each article took."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeTerminal(io.StringIO):
    """A terminal with no size, as ``script`` or a container gives: tqdm must still draw."""

    def isatty(self) -> bool:
        return True


def test_count_articles_without_reading_the_text(make_corpus):
    folder = make_corpus({
        "a.txt": "One article.",
        "b.html": "<html><body><p>Another.</p></body></html>",
        "set.jsonl": '{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n',
        "table.csv": 'text,outlet\n"a\nlong, quoted cell",RT\nb,TASS\n',
        "array.json": json.dumps([{"text": "p"}, {"text": "q"}]),
        "notes.pdf": b"%PDF-1.4",
    })
    assert count_articles(CorpusReader(folder)) == 1 + 1 + 3 + 2 + 2


def test_count_articles_of_the_seeds(seeds_dir):
    assert count_articles(CorpusReader(seeds_dir)) == 5


def test_plain_lines_every_interval_with_share_rate_and_time_left(monkeypatch):
    monkeypatch.setattr(progress_module, "PLAIN_INTERVAL", 10.0)
    clock, out = Clock(), io.StringIO()
    progress = RunProgress(1500, stream=out, interactive=False, clock=clock)
    for n in range(1, 1501):
        clock.now += 1 / 32  # 32 articles a second (a power of two: no rounding in the sums)
        progress(n)
    progress.finish_scoring()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Scoring 1,500 articles…"
    # 10 s after the first article, 320 more are done.
    assert lines[1] == "Scoring: 321 of 1,500 articles (21 %), 32.1 articles/s, about 37 s left"
    assert [line.split(" of ")[0] for line in lines[2:-1]] == ["Scoring: 641", "Scoring: 961", "Scoring: 1,281"]
    assert lines[-1] == "Scoring: 1,500 articles in 47 s"


def test_without_a_total_count_and_rate():
    assert plain_line(40, None, 8.0) == "Scoring: 40 articles, 5.0 articles/s"


def test_report_steps_and_their_time():
    clock, out = Clock(), io.StringIO()
    progress = RunProgress(5, stream=out, interactive=False, clock=clock)
    progress.step("drawing the charts")
    clock.now += 12.4
    progress.step("writing the pages")
    progress.finish_report()
    assert out.getvalue().splitlines() == ["Writing the report: drawing the charts",
                                           "Writing the report: writing the pages", "Wrote the report in 12 s"]


def test_a_terminal_gets_a_bar_that_ends_at_the_count_reached():
    out = FakeTerminal()
    progress = RunProgress(6, stream=out)  # the estimate: one record had no text
    for n in range(1, 6):
        progress(n)
    progress.finish_scoring()
    progress.step("writing the pages")
    progress.finish_report()
    last_bar = out.getvalue().split("\n")[0].split("\r")[-1]
    assert last_bar.startswith("Scoring: 100%|") and "| 5/5 articles [" in last_bar and "articles/s]" in last_bar
    assert "\r\033[KWriting the report: writing the pages…" in out.getvalue()
    assert out.getvalue().endswith("\r\033[KWrote the report in 0 s\n")


@pytest.mark.parametrize(("seconds", "said"), [(0.4, "0 s"), (59.6, "1 min 0 s"), (3599, "59 min 59 s"),
                                               (7260, "2 h 1 min")])
def test_duration(seconds, said):
    assert duration(seconds) == said


def test_report_in_a_log_says_what_it_is_doing(tmp_path, seeds_dir):
    result = CliRunner().invoke(main, ["report", str(seeds_dir), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Scoring 5 articles…" and lines[1].startswith("Scoring: 5 articles in ")
    assert "Writing the report: drawing the charts" in lines and "Writing the report: writing the pages" in lines
    assert lines[-2].startswith("Wrote the report in ") and lines[-1].startswith("Scored 5 articles from 4 outlets")


def test_an_interrupted_run_ends_the_bar_line_so_the_message_stands_alone():
    out = FakeTerminal()
    with pytest.raises(KeyboardInterrupt), RunProgress(10, stream=out) as progress:
        progress(3)
        raise KeyboardInterrupt
    assert out.getvalue().endswith("\n") and "| 3/10 articles [" in out.getvalue()

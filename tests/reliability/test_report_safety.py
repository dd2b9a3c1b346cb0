"""The report is safe to open: a hostile corpus shows up as text, never as markup, scripts or requests.

The corpus (:mod:`hostile_corpus`) puts scripts, ``javascript:`` links,
tracking images, headings, table pipes and odd names into article text,
titles, outlet names and URLs.  The Markdown is parsed as a permissive
viewer would (raw HTML allowed) and the HTML as a browser would; when
Chromium is installed, the page is opened headless and must neither run a
script nor make a request to the local server that every attack points at.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .harness import run_cli
from .hostile_corpus import MARKER, SCRIPT, write_hostile_corpus

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome")
                 if shutil.which(name)), None)


class RecordingServer(http.server.ThreadingHTTPServer):
    """A server on 127.0.0.1 that answers 404 and records every request path."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                server.hits.append(self.path)
                self.send_error(404)

            do_POST = do_HEAD = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def server():
    recording = RecordingServer()
    thread = threading.Thread(target=recording.serve_forever, daemon=True)
    thread.start()
    yield recording
    recording.shutdown()
    recording.server_close()


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory, server) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(root / "corpus", server.base)
    out = root / "report"
    result = run_cli("hostile corpus report (Markdown and HTML)",
                     ["report", str(corpus), "--out", str(out), "--format", "html", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


def markdown_tokens(text: str):
    """Tokens as a permissive Markdown viewer sees them: raw HTML allowed, tables on."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(text)


def walk(tokens):
    for token in tokens:
        yield token
        yield from walk(token.children or [])


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def test_report_files_stay_inside_the_output_folder(hostile_report):
    names = sorted(p.relative_to(hostile_report).as_posix() for p in hostile_report.rglob("*"))
    assert all(".." not in name and "\\" not in name for name in names)
    pages = [n for n in names if n.endswith(".md")]
    assert "index.md" in pages and len(pages) == 11  # index and ten outlet pages (one of them "unknown")
    assert all(len(Path(n).name) <= 64 for n in names)
    assert not (hostile_report.parent / "etc").exists()


def test_markdown_shows_every_attack_as_text(hostile_report):
    pages = sorted(hostile_report.glob("*.md"))
    seen_text = ""
    for page in pages:
        tokens = list(walk(markdown_tokens(page.read_text(encoding="utf-8"))))
        kinds = {t.type for t in tokens}
        assert not kinds & {"html_block", "html_inline"}, page.name
        for token in tokens:
            if token.type == "link_open":
                href = token.attrGet("href")
                local = href.startswith("#") or (hostile_report / href.split("#")[0]).is_file()
                assert is_web_url(href) or local, (page.name, href)
            if token.type == "image":
                src = token.attrGet("src")
                assert src.startswith("charts/") and (hostile_report / src).is_file(), (page.name, src)
            if token.type == "inline" and token.map is not None:
                assert "INJECTED HEADING" not in token.content or not _is_heading(tokens, token), page.name
            if token.type == "text":
                seen_text += token.content + "\n"
        _check_tables(tokens, page.name)
    # The attacks are still there to read, as text.
    assert f"<script>{SCRIPT}</script>" in seen_text
    assert "# INJECTED HEADING" in seen_text
    assert "javascript:" in seen_text
    assert "| pipe | outlet |" in seen_text


def _is_heading(tokens, inline) -> bool:
    index = tokens.index(inline)
    return index > 0 and tokens[index - 1].type == "heading_open"


def _check_tables(tokens, page: str) -> None:
    """Every row of every table has as many cells as its header: pipes in data split nothing."""
    header, cells = None, 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            header = cells if header is None else header
            assert cells == header, page
        elif token.type == "table_close":
            header = None


class PageAudit(HTMLParser):
    """Every tag, attribute and URL of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.urls: list[tuple[str, str]] = []
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href"):
                self.urls.append((name, value or ""))
            if tag == "meta" and name == "content" and ("http-equiv", "Content-Security-Policy") in attrs:
                self.csp = value


def test_html_report_has_no_active_content(hostile_report):
    audit = PageAudit()
    audit.feed((hostile_report / "report.html").read_text(encoding="utf-8"))
    assert not audit.tags & {"script", "iframe", "frame", "object", "embed", "svg", "link", "base", "form",
                             "video", "audio", "source"}
    assert audit.handlers == []
    for name, url in audit.urls:
        if name == "src":
            assert url.startswith("data:image/png;base64,"), url
        else:
            assert url.startswith("#") or is_web_url(url), url
    assert "default-src 'none'" in audit.csp and "script-src" not in audit.csp
    assert MARKER not in (hostile_report / "report.html").read_text(encoding="utf-8")


def run_chromium(url: str, profile: Path) -> str:
    """The DOM of ``url`` after Chromium ran it headless (scripts get 3 s of virtual time)."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
               "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check",
               f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); "
                                               "see README 'Checking the HTML report in a browser'")
def test_chromium_runs_no_script_and_sends_no_request(hostile_report, server, tmp_path):
    # The control proves the check can fail: the same attacks, unescaped, do run and do call out.
    control = tmp_path / "control.html"
    control.write_text(f'<!DOCTYPE html><html><body><p>control</p><script>{SCRIPT}</script>'
                       f'<img src="{server.base}/control.png"></body></html>', encoding="utf-8")
    server.hits.clear()
    dom = run_chromium(control.as_uri(), tmp_path / "profile-control")
    assert f'data-pwned="{MARKER}"' in dom and "/control.png" in server.hits

    server.hits.clear()
    dom = run_chromium((hostile_report / "report.html").as_uri(), tmp_path / "profile")
    assert "Framing report" in dom and "<script>" not in dom.split("<body", 1)[1].replace("&lt;script&gt;", "")
    assert MARKER not in dom
    assert server.hits == []

"""A corpus built to attack the report: markup, scripts, tracking images and odd names everywhere.

Every attack that would run a script sets ``data-pwned`` to a marker that
only exists once the script has run (it is split in the source), and every
request goes to a local server that records it, so a test can tell whether
anything ran or left the page.
"""

from __future__ import annotations

import csv
from pathlib import Path

SCRIPT = "document.documentElement.setAttribute('data-pwned', 'PW' + 'NED')"
MARKER = "PWNED"  # appears only if a script ran


def attacks(base: str) -> dict[str, str]:
    """Named pieces of hostile text; ``base`` is the recording server's URL."""
    return {
        "script": f"<script>{SCRIPT}</script>",
        "img_onerror": f'<img src="{base}/onerror.png" onerror="{SCRIPT}">',
        "iframe": f'<iframe src="{base}/frame.html"></iframe>',
        "js_link": "[read the statement](javascript:" + SCRIPT.replace(" ", "") + ")",
        "tracking_image": f"![]({base}/track.png)",
        "ref_image": f"![logo][t]\n\n[t]: {base}/reference.png",
        "autolink": f"<{base}/autolink>",
        "heading": "# INJECTED HEADING",
        "table_pipes": "| forged | table |",
        "html_entity": "&lt;script&gt;&#106;avascript:",
        "svg": f'<svg onload="{SCRIPT}"><image href="{base}/svg.png"/></svg>',
        "style": f"<style>@import url({base}/style.css);</style>",
    }


def hostile_outlets(base: str) -> list[str]:
    return [
        f"<script>{SCRIPT}</script> Daily",
        "[Click Me](javascript:alert(1)) News",
        f"![tracker]({base}/outlet.png) Herald",
        "| pipe | outlet |",
        "# Heading Outlet",
        "../../etc/passwd",
        "News/Views",
        "Bell\x07\x1b[31m Outlet\u202e txeT",
        "The Very Long Outlet " * 60,
        "",
    ]


def body(day: str, attack: str, base: str) -> str:
    """An English article with ``attack`` inside sentences that end up as evidence in the report."""
    return "\n\n".join([
        f"Talks collapse on {day} {attack}",
        f"The foreign minister said on {day} that talks with the alliance had failed {attack}, according to "
        "the ministry. Officials called the annexation of Crimea illegal, while Moscow spoke of reunification.",
        f'He told reporters that the "so-called reforms" were a terrible disaster and a shameful failure {attack}.',
        f'"We warned them again and again, and they did not listen {attack}," the minister said.',
        f"Analysts said the wonderful progress of earlier years was a great success {attack}.",
        f"The talks may resume next year {attack}.",
    ])


def write_hostile_corpus(folder: Path, base: str) -> Path:
    """Write the articles and a manifest (``articles.csv``) with hostile titles, outlets and URLs."""
    folder.mkdir(parents=True, exist_ok=True)
    names = list(attacks(base).items())
    outlets = hostile_outlets(base)
    urls = [
        "javascript:" + SCRIPT, "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        f"{base}/plain-http-is-allowed", "https://example.com/a) [x](javascript:alert(1)",
        "https://example.com/<script>", "file:///etc/passwd", "vbscript:msgbox(1)", "//evil.example/x",
        "https://example.com/ok?a=1&b=<b>", "",
    ]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    rows = []
    for i, (name, attack) in enumerate(names):
        file = f"{i:02d}_{name}.txt"
        (folder / file).write_text(body(days[i % len(days)], attack, base), encoding="utf-8")
        rows.append({"file": file, "outlet": outlets[i % len(outlets)],
                     "title": f"{attack} {name} title", "url": urls[i % len(urls)], "date": f"2019-04-{i + 1:02d}"})
    with open(folder / "articles.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["file", "outlet", "title", "url", "date"])
        writer.writeheader()
        writer.writerows(rows)
    return folder

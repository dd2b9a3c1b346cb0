"""Contested terms found in one sentence, read inside an article about its pack's topic."""

from __future__ import annotations

from framing.document.parse import build_document

# A sentence per pack that makes it apply (three mentions of its topic words).
ABOUT = {
    "russia_ukraine_nato": "Russia warned NATO on Monday, the Kremlin said.",
    "israel_palestine": "Israel and the Palestinians met in Jerusalem.",
    "immigration": "Immigration agents detained migrants seeking asylum.",
    "climate": "Climate scientists link warming to greenhouse gases.",
    "gun_policy": "Gun owners and the NRA argued over firearm laws.",
    "abortion": "Abortion opponents and Planned Parenthood argued over pregnancy.",
}


def terms_in_sentence(scorer, pack, sentence):
    """The contested-term findings of ``pack`` in ``sentence``, after the sentence that makes it apply."""
    text = ABOUT[pack] + "\n" + sentence
    result = scorer.score(build_document("x", text))
    applied = {f.detail["pack"] for f in result.findings if f.kind == "pack_applied"}
    assert pack in applied, "the lead-in sentence should make the pack apply"
    offset = len(ABOUT[pack]) + 1
    return [f for f in result.findings
            if f.kind == "contested_term" and f.detail["pack"] == pack and f.start >= offset]

"""Which distinctive terms only name a group's own outlets ("told fox news" on Fox News pages).

An outlet names itself in its own articles ("White told Fox News", "a Fox News
poll"), so its name comes out as its most distinctive phrase: a fact about the
page, not about how the story is told.  A term is left out of a group's
distinctive words when

1. it holds a *name phrase* of one of the group's outlets (:func:`name_phrases`:
   "fox news" of "Fox Online News", "npr", "vox"); or
2. it holds a word of such a name that the group uses, at least half the
   time, inside that name ("fox", used 152 times, 131 of them in "fox news"),
   so "white told fox", cut from "White told Fox News", goes too.  A common
   word of a name ("american" of "American Thinker") stays when the group
   mostly uses it elsewhere; or
3. it holds the outlet's web address: a name phrase written as one word, with
   a domain after it ("foxnews.com", "www.cnn.com").

Names are read the way :mod:`framing.compare.term_counts` counts terms: lower
case, possessive "'s" removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from itertools import combinations

from framing.compare.term_counts import load_stopwords, normalise_token
from framing.corpus.outlets import OutletRegistry
from framing.document.vocabulary import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from framing.features.readability.formulas import easy_words

WORD_RE = re.compile(r"[\w'’]+")
# Where a label after an outlet's name begins: "CNN (Web News)", "CNN - Editorial".
LABEL_RE = re.compile(r"\s*\(|\s+[-–—]\s+")
# Longer names are read by their first words (the phrases of a name are its words' ordered subsets).
MAX_NAME_WORDS = 6
# A word of an outlet's name is taken for the name when at least this share of the group's uses are in it.
NAME_SHARE = 0.5
# A web address as counted: the site's name (group 1), then its domain.
SITE_RE = re.compile(r"(?:www\.)?([\w-]+)\.(?:com|org|net|news|co\.uk|com\.au|ca|us)")


def name_phrases(outlet: str) -> frozenset[str]:
    """The phrases that name ``outlet`` in running text.

    Its whole name, two or more of its words in their order ("fox news" of
    "Fox Online News"), and a word written in capitals ("npr" of "NPR Online
    News").  Stop words at either end of a phrase are dropped; a one-word name
    is a phrase unless it is an everyday word (Dale–Chall's easy words: "hill"
    of "The Hill" is also Capitol Hill's; see below for "the hill").

    >>> sorted(name_phrases("Fox Online News"))
    ['fox news', 'fox online', 'fox online news', 'online news']
    >>> sorted(name_phrases("The Washington Times")), sorted(name_phrases("Vox"))
    (['washington times'], ['vox'])

    A label after the name, in brackets or after a dash, is not part of the
    name the text uses: "CNN (Web News)" and "CNN - Editorial" name "cnn".

    >>> sorted(name_phrases("CNN (Web News)"))
    ['cnn', 'cnn news', 'cnn web', 'cnn web news', 'web news']

    A known outlet's dateline names it too ("(AP)" of the Associated Press,
    ``framing/data/outlets.toml``): "told the AP" on its own pages.

    >>> sorted(name_phrases("Associated Press"))
    ['ap', 'associated press']

    An outlet calls itself by the last word of a longer name ("the Monitor"
    of the Christian Science Monitor): that word is a phrase when the name has
    three words or more, none of them a stop word, the first no first name
    (not a person's name) and the last no everyday word.  A name "The" opens
    names the outlet with it ("told The Hill"), though its word alone is an
    everyday word.

    >>> sorted(name_phrases("Christian Science Monitor"))[-2:], sorted(name_phrases("The Hill"))
    (['monitor', 'science monitor'], ['the hill'])
    """
    short = LABEL_RE.split(outlet, maxsplit=1)[0]
    return (_phrases(outlet) | (_phrases(short) if short != outlet else frozenset())
            | _dateline_names().get(short, frozenset()) | _last_word_name(short))


@cache
def _dateline_names() -> dict[str, frozenset[str]]:
    """Per known outlet, the words of its datelines as counted: "(AP)" → "ap", "/TASS/" → "tass"."""
    names: dict[str, frozenset[str]] = {}
    for dateline, outlet in OutletRegistry.packaged().datelines:
        words = {normalise_token(word) for word in WORD_RE.findall(dateline)}
        names[outlet] = names.get(outlet, frozenset()) | words
    return names


def _phrases(outlet: str) -> frozenset[str]:
    stopwords = load_stopwords()
    written = WORD_RE.findall(outlet)[:MAX_NAME_WORDS]
    words = [normalise_token(w) for w in written]
    phrases = {word for word, original in zip(words, written, strict=True)
               if len(original) > 1 and original.isupper()}  # "NPR", "CNN"
    content = [w for w in words if w not in stopwords]
    if len(content) == 1 and content[0] not in easy_words():  # "Vox"; not "The Hill"
        phrases.add(content[0])
    elif len(content) == 1 and words[0] == "the":  # "told the hill" of "The Hill"
        phrases.add(" ".join(words))
    for size in range(2, len(words) + 1):
        for chosen in combinations(words, size):
            if chosen[0] not in stopwords and chosen[-1] not in stopwords:
                phrases.add(" ".join(chosen))
    return frozenset(phrases)


def _last_word_name(name: str) -> frozenset[str]:
    """The last word of ``name`` when it names the outlet alone ("the Monitor"), else nothing.

    Not a person's surname (the first word is a first name), nor a common
    word or the plural of one ("times" of the New York Times: "three times"),
    nor the last word of a short name or of one with a stop word inside.

    >>> sorted(_last_word_name("Christian Science Monitor")), sorted(_last_word_name("New York Times"))
    (['monitor'], [])
    """
    words = [normalise_token(w) for w in WORD_RE.findall(name)]
    words = words[1:] if words[:1] == ["the"] else words
    stopwords = load_stopwords()
    if (len(words) >= 3 and not any(w in stopwords for w in words)
            and words[0] not in MALE_FIRST_NAMES and words[0] not in FEMALE_FIRST_NAMES and not _everyday(words[-1])):
        return frozenset({words[-1]})
    return frozenset()


def _everyday(word: str) -> bool:
    """Whether ``word`` is an everyday word (Dale–Chall's easy words) or the plural of one."""
    easy = easy_words()
    return word in easy or (word.endswith("s") and word[:-1] in easy)




def _site_name(word: str) -> str | None:
    """The site's name in a web address as counted ("foxnews" of "foxnews.com"), else None.

    >>> _site_name("www.cnn.com"), _site_name("foxnews.com"), _site_name("fox")
    ('cnn', 'foxnews', None)
    """
    found = SITE_RE.fullmatch(word)
    return found.group(1) if found else None


def own_name_filter(outlets: Mapping[str, Iterable[str]],
                    counts: Mapping[str, Mapping[str, int]]) -> Callable[[str, str], bool]:
    """``left_out(group, term)``: whether ``term`` only names one of ``group``'s outlets.

    ``outlets`` maps each group to its outlets' names, ``counts`` each group to
    its term counts (:attr:`framing.compare.term_counts.TermCounts.counts`).

    >>> left_out = own_name_filter({"right": ["Fox News", "American Thinker"]},
    ...                            {"right": {"fox": 152, "fox news": 131, "american": 40,
    ...                                       "american thinker": 2}})
    >>> [t for t in ("fox", "fox news", "told fox", "american", "american voters") if left_out("right", t)]
    ['fox', 'fox news', 'told fox']
    >>> left_out("right", "foxnews.com"), left_out("right", "healthcare.gov")
    (True, False)
    """
    phrases = {group: frozenset().union(*(name_phrases(o) for o in names)) for group, names in outlets.items()}
    sites = {group: frozenset(p.replace(" ", "") for p in held) for group, held in phrases.items()}
    known: dict[tuple[str, str], bool] = {}

    def name_word(group: str, word: str) -> bool:
        """Whether ``group`` uses ``word`` mostly inside the name phrases holding it."""
        if (group, word) not in known:
            holding = [p for p in phrases[group] if f" {word} " in f" {p} "]
            # Uses of "fox news opinion" are uses of "fox news" too: count the shortest phrases only.
            shortest = [p for p in holding if not any(q != p and f" {q} " in f" {p} " for q in holding)]
            group_counts = counts.get(group, {})
            inside = sum(group_counts.get(phrase, 0) for phrase in shortest)
            # A stop word is never counted alone ("the" of "told the hill"): it never names the outlet.
            known[group, word] = (bool(holding) and word not in load_stopwords()
                                  and inside >= NAME_SHARE * group_counts.get(word, 0))
        return known[group, word]

    def left_out(group: str, term: str) -> bool:
        if not phrases.get(group):
            return False
        padded = f" {term} "
        return (any(f" {phrase} " in padded for phrase in phrases[group])
                or any(name_word(group, word) or _site_name(word) in sites[group] for word in term.split(" ")))

    return left_out

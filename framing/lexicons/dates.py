"""When a dated term belongs to its side: an article's date against the term's ``since``/``until``.

Some conventions changed at a known time: "Kiev" was the ordinary English
spelling until Western outlets moved to "Kyiv" (between 2019 and the 2022
invasion), so in a 2014 article it is plain description, in a 2023 one the
Russian-derived form.  A
pack marks such a term with ``since`` and/or ``until`` (ISO dates) and says
where the change is documented (``date_note``); outside its dates the term
counts as descriptive.  An article without a readable date cannot say which
convention it follows, so a dated term in it counts as descriptive too, and
its finding says it was read undated: a report never files an old spelling
under a side on a guess.

Examples
--------
>>> article_day("2014-03-18T09:30:00Z"), article_day("March 18, 2014"), article_day("soon")
('2014-03-18', '2014-03-18', None)
>>> reading_of("2019-08-14", "", "2014-03-18"), reading_of("2019-08-14", "", None)
(('descriptive', 'dated'), ('descriptive', 'undated'))
"""

from __future__ import annotations

import datetime
import re
from email.utils import parsedate_to_datetime

ISO_DAY_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
# Month-name dates as news sites write them ("March 18, 2014", "18 March 2014", "Mar 18 2014").
WRITTEN_FORMATS = ("%B %d, %Y", "%B %d %Y", "%d %B %Y", "%b %d, %Y", "%b %d %Y", "%d %b %Y",
                   "%Y/%m/%d", "%d.%m.%Y")


def article_day(text: str) -> str | None:
    """An article's date as an ISO day, or None when it has none that can be read.

    ISO dates and timestamps, RFC 2822 dates (feeds, e-mail) and the common
    written forms are read; a bare year or month is not a day and gives None.
    """
    text = (text or "").strip()
    if not text:
        return None
    match = ISO_DAY_RE.match(text)
    if match:
        return _valid(match.group(1))
    for pattern in WRITTEN_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid(day: str) -> str | None:
    try:
        return datetime.date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def reading_of(since: str, until: str, day: str | None) -> tuple[str, str]:
    """Whether a term dated ``[since, until)`` counts for its side on ``day``, and on what basis.

    Returns ``("side", reading)`` when it does and ``("descriptive", reading)``
    when it does not; ``reading`` is ``"dated"`` when the article's day
    decided and ``"undated"`` when the article has no date (then the term is
    descriptive: which convention it follows cannot be known).
    """
    if day is None:
        return "descriptive", "undated"
    holds = (not since or since <= day) and (not until or day < until)
    return ("side" if holds else "descriptive"), "dated"


def date_rule(since: str, until: str) -> str:
    """The dates of a term in words, for evidence and reports.

    >>> date_rule("2019-08-14", ""), date_rule("", "2022-02-24"), date_rule("2014-03-01", "2022-02-24")
    ('since 2019-08-14', 'until 2022-02-24', 'from 2014-03-01 until 2022-02-24')
    """
    if since and until:
        return f"from {since} until {until}"
    return f"since {since}" if since else f"until {until}"

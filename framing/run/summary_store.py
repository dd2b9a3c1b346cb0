"""Keep each counted article's evidence summary on disk while scoring; fold the shown groups' at the end.

A report shows a few groups (the ``DEFAULT_TOP`` with most articles, or
those chosen), but which ones is known only once every article is scored.
Holding every group's summary in memory until then made a 10,000-article,
282-outlet run keep 243 MB of summaries of which the report used 12 groups'.
So the run appends each article's summary (pickled where it was made: in the
worker, or on the Dask cluster) to an anonymous temporary file, with its
group, in the run's order; :meth:`SummaryStore.summaries` then reads the file
once and adds up only the groups asked for, in that order, which gives what
adding them while scoring gave (:func:`~framing.compare.summaries.add_summary`).
Memory then grows with the groups shown, not with the set.

Examples
--------
>>> from framing.compare.summaries import summarise_article
>>> store = SummaryStore()
>>> def scare(article, phrase):
...     record = {"id": article, "family": "lexicon", "kind": "scare_quote", "text": phrase, "sentence": "s"}
...     return pack_summary(summarise_article([record]))
>>> store.add("RT", scare("a", "threat"))
>>> store.add("TASS", scare("b", "threat"))
>>> store.add("RT", scare("c", "Threat"))
>>> summaries = store.summaries({"RT"})
>>> list(summaries), summaries["RT"].scare_quotes["threat"]
(['RT'], 2)
>>> store.summaries({"RT", "TASS"}, aliases={"TASS": "RT"})["RT"].scare_quotes["threat"]
3
"""

from __future__ import annotations

import pickle
import struct
import tempfile
from collections.abc import Collection, Mapping

from framing.compare.summaries import GroupEvidence, add_summary

# Before each entry: the byte lengths of its group's name (UTF-8) and of its pickled summary.
_HEADER = struct.Struct("<II")


def pack_summary(summary: GroupEvidence) -> bytes:
    """An article's summary as the bytes the store keeps (and a worker sends: one string pickles fast)."""
    return pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)


class SummaryStore:
    """The counted articles' evidence summaries, in the run's order, in an anonymous temporary file."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self.n_entries = 0

    def add(self, group: str, packed: bytes) -> None:
        """Append an article's summary (see :func:`pack_summary`) to ``group``."""
        name = group.encode("utf-8")
        self._file.write(_HEADER.pack(len(name), len(packed)))
        self._file.write(name)
        self._file.write(packed)
        self.n_entries += 1

    def summaries(self, groups: Collection[str], aliases: Mapping[str, str] | None = None) -> dict[str, GroupEvidence]:
        """Per group of ``groups``, the sum of its articles' summaries, in the order groups first have one.

        ``aliases`` (``{name: name shown}``) counts an article of a merged name
        in the group it is shown as.  Entries of other groups are skipped
        without being read.
        """
        aliases = aliases or {}
        wanted = set(groups)
        found: dict[str, GroupEvidence] = {}
        handle = self._file
        handle.flush()
        handle.seek(0)
        for _ in range(self.n_entries):
            name_size, size = _HEADER.unpack(handle.read(_HEADER.size))
            name = handle.read(name_size).decode("utf-8")
            group = aliases.get(name, name)
            if group not in wanted:
                handle.seek(size, 1)
                continue
            add_summary(found.setdefault(group, GroupEvidence()), pickle.loads(handle.read(size)))
        handle.seek(0, 2)
        return found

    def close(self) -> None:
        """Delete the file (it also goes when the store is garbage-collected or the process ends)."""
        self._file.close()

"""framing: compare how news outlets frame the same story.

The library API in one call (the bundled seeds when no path is given):

>>> import framing
>>> features, evidence = framing.score("seeds")
>>> features.groupby("outlet").size().to_dict()
{'Fort Russ News': 2, 'RT': 1, 'TASS': 1, 'The Moscow Times': 1}
>>> sorted({e["family"] for e in evidence})[:3]
['attribution', 'cleaning', 'lexicon']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    # One source of the version: pyproject.toml, through the installed package's metadata.
    __version__ = version("framing")
except PackageNotFoundError:  # pragma: no cover - imported from a checkout that was never installed
    __version__ = "0+unknown"
__all__ = ["score", "__version__"]


def score(path: Any = None, **options: Any) -> Any:
    """Score every article under ``path``: ``(features DataFrame, evidence records)``.

    Without ``path``, the bundled seeds (``./seeds`` in a checkout, else the
    installed copy).  See :func:`framing.run.stream.score` for the options
    (``manifest``, ``columns``, ``options``, ``jobs``).
    """
    from framing.corpus.seeds import default_corpus
    from framing.run.stream import score as score_path

    return score_path(default_corpus() if path is None else path, **options)

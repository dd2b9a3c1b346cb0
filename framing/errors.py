"""Exceptions raised by the library; the CLI turns each into a one-line message."""


class FramingError(Exception):
    """Base class for errors a user can fix; the message says what and how."""

    exit_code = 1


class CorpusError(FramingError):
    """The article set cannot be read (missing path, bad manifest, nothing to score)."""

    exit_code = 2


class DataFileError(FramingError):
    """A lexicon, actor registry or word list is malformed (file, line and reason)."""

    exit_code = 3


class EvaluationError(FramingError):
    """An evaluation data set is missing or not in the expected format."""

    exit_code = 4


class OutputError(FramingError):
    """The output folder cannot be written safely."""

    exit_code = 5


class WorkerError(FramingError):
    """A worker process stopped before its articles were scored (killed, out of memory)."""

    exit_code = 6

"""Clean an article's text (recording what was removed) and parse it once into a ``Document``."""

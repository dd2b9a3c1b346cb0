"""Lexicon packs of contested terms: the pack format, term forms, the matcher, discovery and drafts."""

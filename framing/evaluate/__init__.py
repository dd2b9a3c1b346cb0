"""Measure framing against public human-annotated data sets."""

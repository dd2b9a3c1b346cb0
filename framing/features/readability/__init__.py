"""Readability: textstat's formulas over one shared count per text."""

"""Tone: VADER per sentence, and tone toward named actors."""

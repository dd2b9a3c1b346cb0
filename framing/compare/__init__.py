"""Aggregate per group and compute the differences between groups, as data."""

"""Reliability and safety suite: hostile inputs, a safe report, nothing lost, errors for people."""

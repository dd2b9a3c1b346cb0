"""Print the reliability summary at the end of any run that included this suite."""

from __future__ import annotations

from .harness import TALLY


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not TALLY.inputs:
        return
    terminalreporter.write_sep("=", "framing reliability summary")
    for line in TALLY.lines():
        terminalreporter.write_line(line)

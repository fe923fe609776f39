"""Werkalliantie: the working-alliance card game (window, print-and-play PDF, report, history)."""

__version__ = "0.1.0"  # the one place of the version: the wheel's metadata, --version, summaries, printed footer

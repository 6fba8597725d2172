"""Tests of the app: the command line, its Swedish, watching a folder, its help."""

"""Tests of the domain stage: checks, kommun-wide analysis, the tidplan, snapshots."""

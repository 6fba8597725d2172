"""Tests of the read stage: sniffing, reading workbooks, the format."""

"""Benchmarks for underlag (not part of the test run): `python -m bench`."""

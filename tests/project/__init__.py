"""Tests of the project: the package's shape, generated files, dependencies, the bench."""

"""Tests of the shared leaves: Swedish conventions, one source of truth."""

"""Tests of the produce stage: outputs, jobs, the pool, incremental builds, robustness."""

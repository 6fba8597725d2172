"""A build: the one build function, its jobs and worker pool, the manifest, the lock and PDF
export."""

from .runner import BuildReport, build

__all__ = ["BuildReport", "build"]

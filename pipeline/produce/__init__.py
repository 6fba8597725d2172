"""The production stage: the one function that makes a build folder from the inputs, its
output registry, jobs and worker pool, the manifest, the lock and PDF export. (The folder it
writes is build/; this package is named for what it does, so the two never share a name.)"""

from .runner import BuildReport, produce

__all__ = ["BuildReport", "produce"]

"""The PowerPoint template engine (see engine.py)."""

from .engine import ChartSpec, Matrix, PptxTemplate

__all__ = ["ChartSpec", "Matrix", "PptxTemplate"]

"""A PowerPoint template engine on python-pptx and Jinja (see engine.py).

It knows nothing of the application that uses it: the application passes a Jinja environment
and `Options` (the words in shape names, continuation titles, limits), words `EngineError`s
and `Notice`s for its users, and may zip the package its own way (`render(write=…)`).
Names are imported on first use, so that `package` (the deck check) loads without python-pptx.
"""

from __future__ import annotations

from importlib import import_module

_WHERE = {
    "ChartSpec": "bindings", "Matrix": "bindings", "PptxTemplate": "engine",
    "EngineError": "errors", "Kind": "errors", "Location": "errors",
    "CUT": "fitting", "TOO_SMALL": "fitting", "SUMMARISED": "fitting", "SPLIT": "fitting",
    "Notice": "fitting",
    "Binding": "options", "Options": "options", "check_deck": "package",
    "slide_title": "package",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)

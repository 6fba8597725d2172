"""Files that ship with the tool: where the default templates are (their names: the output
registry, produce/outputs.py)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
LOGOS = ("logotyp.png", "logotyp.svg")  # the kommun's logo, in this order (render/logo.py)
EXAMPLE_LOGO = "logotyp.png"  # the shipped one: the example kommun's wordmark


def default_templates() -> Path:
    """Return the folder of the templates shipped with the tool."""
    packaged = _PACKAGE / "templates"  # in an installed wheel
    return packaged if packaged.is_dir() else _PACKAGE.parent / "templates"  # in a checkout


def template(name: str, folder: Path | None) -> Path:
    """Return the working folder's own template if it has one, else the shipped default."""
    if folder is not None and (folder / name).is_file():
        return folder / name
    return default_templates() / name


def logo_folder(folder: Path | None) -> Path:
    """Return the folder a build's logo comes from: the working folder's templates, never the
    tool's (whose logo is the example kommun's), unless the build uses the tool's own."""
    shipped = default_templates()
    if folder is None:
        return shipped
    try:
        return shipped if folder.resolve() == shipped.resolve() else folder
    except OSError:
        return folder

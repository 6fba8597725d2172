"""Files that ship with the tool: the default templates."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
TEMPLATE_NAMES = ("beslutsunderlag.docx", "bilaga.docx", "avrapportering.docx",
                  "bilaga-avrapportering.docx", "avstamning.pptx", "kommunovergripande.pptx",
                  "oversikt.html")  # the build's overview page, build/index.html
LOGO = "logotyp.png"  # placed on the decks' title slides when the templates folder has one


def default_templates() -> Path:
    """Return the folder of the templates shipped with the tool."""
    packaged = _PACKAGE / "templates"  # in an installed wheel
    return packaged if packaged.is_dir() else _PACKAGE.parent / "templates"  # in a checkout


def template(name: str, folder: Path | None) -> Path:
    """Return the working folder's own template if it has one, else the shipped default."""
    if folder is not None and (folder / name).is_file():
        return folder / name
    return default_templates() / name

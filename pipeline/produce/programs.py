"""Where the programs underlag runs are: LibreOffice, Chromium (or Chrome, or Edge) and
pdftoppm, on PATH or where their installers put them, and what to say when one is missing."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

# The folders Windows installs programs in, named by the environment rather than by a drive:
# Program Files (as this Python sees it, and the 64-bit one also from a 32-bit Python),
# Program Files (x86), and the user's own programs (an installation without administrator).
WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMW6432", "PROGRAMFILES(X86)", "LOCALAPPDATA")


def on_windows() -> bool:
    """Return True on Windows, where the messages name Windows' installers."""
    return sys.platform == "win32"


def windows_paths(*relative: str, folders: Iterable[str] = WINDOWS_FOLDERS) -> list[Path]:
    """Return where a program may be on Windows: each relative path under each installation
    folder the environment names, once each, in order."""
    found: list[Path] = []
    for variable in folders:
        base = os.environ.get(variable)
        if not base:
            continue
        for path in relative:
            candidate = Path(base, *path.split("/"))
            if candidate not in found:
                found.append(candidate)
    return found


def find(commands: Iterable[str], paths: Iterable[Path]) -> str | None:
    """Return the first command found on PATH, else the first of the paths that is a file."""
    for command in commands:
        found = shutil.which(command)
        if found:
            return found
    for path in paths:
        if path.is_file():
            return str(path)
    return None


def soffice() -> str | None:
    """Return LibreOffice's command, or None when it is not installed."""
    return find(("soffice", "libreoffice"), [
        *windows_paths("LibreOffice/program/soffice.exe", "Programs/LibreOffice/program/soffice.exe"),
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    ])


def chromium() -> str | None:
    """Return Chromium's, Chrome's or Edge's command, or None when none is installed. Edge is
    on every Windows 10 and 11 and takes Chromium's flags."""
    return find(("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"), [
        *windows_paths("Google/Chrome/Application/chrome.exe", "Chromium/Application/chrome.exe",
                       "Microsoft/Edge/Application/msedge.exe"),
        Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
        Path("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    ])


def pdftoppm() -> str | None:
    """Return poppler's pdftoppm, or None: on PATH, or where winget put it (winget adds it to
    PATH for windows opened afterwards, not for the one it ran in)."""
    local = os.environ.get("LOCALAPPDATA")
    winget = sorted(Path(local, "Microsoft", "WinGet", "Packages").glob(
        "oschwartz10612.Poppler_*/poppler-*/Library/bin/pdftoppm.exe")) if local else []
    return find(("pdftoppm",), reversed(winget))  # the newest version first


# For each program: what it is needed for, then how to install it on Windows and elsewhere
_MISSING = {
    "libreoffice": (
        "LibreOffice behövs för att göra PDF men hittades inte.",
        "Installera det från libreoffice.org (eller i PowerShell: winget install "
        "TheDocumentFoundation.LibreOffice)",
        "Installera det från libreoffice.org (i Debian och Ubuntu: sudo apt install "
        "libreoffice-writer-nogui libreoffice-impress-nogui)"),
    "chromium": (
        "Ingen bild av översiktssidan: Chromium behövs men hittades inte.",
        "Microsoft Edge eller Google Chrome räcker; installera ett av dem",
        "Installera Chromium eller Google Chrome (i Debian och Ubuntu: sudo apt install "
        "chromium)"),
    "pdftoppm": (
        "pdftoppm behövs för att göra bilder av dokumentens sidor men hittades inte.",
        "Installera poppler i PowerShell med winget install oschwartz10612.Poppler (eller "
        "conda install -c conda-forge poppler), öppna ett nytt fönster",
        "Installera poppler-utils (i Debian och Ubuntu: sudo apt install poppler-utils; i "
        "macOS: brew install poppler)"),
}


def missing(program: str, windows: bool | None = None) -> str:
    """Return what to say when a program is missing: what needs it, and how to install it on
    this system (or on Windows, or not)."""
    need, on_windows_how, elsewhere = _MISSING[program]
    how = on_windows_how if (on_windows() if windows is None else windows) else elsewhere
    after = " PDF:er av dokumenten gör underlag bygg --pdf." if program == "pdftoppm" else ""
    return f"{need} {how} och kör kommandot igen.{after}"


LIBREOFFICE = missing("libreoffice")
CHROMIUM = missing("chromium")
PDFTOPPM = missing("pdftoppm")

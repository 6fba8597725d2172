"""A picture of the overview page (build/index.html) by headless Chromium, for reviewers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..diagnostics import UnderlagError
from ..output import atomic_write
from . import programs
from .pdf import run_program

INSTALL = programs.CHROMIUM
# Headless, and quiet: no first-run dialogs, no updates, no sync, no background requests.
# Edge and Chrome take the same flags as Chromium.
FLAGS = ("--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--no-default-browser-check")
WIDTH = 1280
FIRST_HEIGHT = 2000
MAX_HEIGHT = 16000
MARGIN = 24  # pixels of background kept under the content
TIMEOUT = 120


def chromium() -> str | None:
    """Return Chromium's (or Chrome's, or Edge's) command, or None when none is installed."""
    return programs.chromium()


def browser(command: str) -> str:
    """Return the browser's name for a message: "Microsoft Edge", "Google Chrome", "Chromium"."""
    name = Path(command).name.lower()
    return ("Microsoft Edge" if name.startswith("msedge") else
            "Google Chrome" if "chrome" in name and "chromium" not in command.lower() else
            "Chromium")


def _shoot(command: str, page: Path, png: Path, height: int, profile: Path) -> None:
    flags = list(FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    run_program(browser(command), [
        command, *flags, f"--user-data-dir={profile}", f"--window-size={WIDTH},{height}",
        f"--screenshot={png}", page.resolve().as_uri()],
        subject=page.name, task="göra en bild av", timeout=TIMEOUT)
    if not png.is_file():
        raise UnderlagError(f"{browser(command)} gjorde ingen bild av {page.name}.")


def _content_bottom(png: Path) -> int:
    """Return the height the content reaches: rows at the bottom in the page's colour are not."""
    from PIL import Image, ImageChops

    with Image.open(png) as image:
        rgb = image.convert("RGB")
    background = Image.new("RGB", rgb.size, rgb.getpixel((0, rgb.height - 1)))
    box = ImageChops.difference(rgb, background).getbbox()
    return box[3] if box else 0


def screenshot(page: Path, target: Path) -> Path:
    """Write a PNG of a page, 1280 pixels wide and as tall as its content (at most 16 000)."""
    command = chromium()
    if command is None:
        raise UnderlagError(INSTALL)
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="underlag-skarm-") as work:
        work_dir = Path(work)
        png = work_dir / "sida.png"
        height = FIRST_HEIGHT
        while True:
            _shoot(command, page, png, height, work_dir / "profil")
            bottom = _content_bottom(png)
            if bottom + MARGIN <= height or height >= MAX_HEIGHT:
                break
            height = min(height * 2, MAX_HEIGHT)  # the content may go on below the window
        with Image.open(png) as image:
            cropped = image.crop((0, 0, image.width, min(height, max(bottom + MARGIN, 1))))
            cropped.save(work_dir / "beskuren.png", optimize=True)
        atomic_write(target, (work_dir / "beskuren.png").read_bytes())
    return target

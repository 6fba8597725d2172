"""LibreOffice, Chromium (Chrome, Edge) and pdftoppm are found where Windows installs them: the
folders named by PROGRAMFILES, PROGRAMFILES(X86) and LOCALAPPDATA, simulated here on any system."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.produce import pdf, programs, screenshot

WINDOWS = {"PROGRAMFILES": "C:/Program Files", "PROGRAMW6432": "C:/Program Files",
           "PROGRAMFILES(X86)": "C:/Program Files (x86)",
           "LOCALAPPDATA": "C:/Users/anna/AppData/Local"}


@pytest.fixture
def windows(monkeypatch):
    """Return a function that makes these files the only ones there, on a Windows without any
    of the programs on PATH."""
    for variable in programs.WINDOWS_FOLDERS:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in WINDOWS.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr(programs.shutil, "which", lambda command: None)

    def installed(*files: str) -> None:
        present = set(files)
        monkeypatch.setattr(Path, "is_file", lambda self: self.as_posix() in present)
    return installed


@pytest.mark.parametrize("where", [
    "C:/Program Files/LibreOffice/program/soffice.exe",
    "C:/Program Files (x86)/LibreOffice/program/soffice.exe",  # 32-bit LibreOffice
    "C:/Users/anna/AppData/Local/Programs/LibreOffice/program/soffice.exe",  # for one user
])
def test_libreoffice_is_found_where_windows_installs_it(windows, where):
    windows(where)
    assert pdf.soffice() == str(Path(where))


@pytest.mark.parametrize("where", [
    "C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe",  # on every Windows 10, 11
    "C:/Program Files/Google/Chrome/Application/chrome.exe",
    "C:/Users/anna/AppData/Local/Google/Chrome/Application/chrome.exe",  # Chrome for one user
])
def test_a_chromium_browser_is_found_where_windows_installs_it(windows, where):
    windows(where)
    assert screenshot.chromium() == str(Path(where))


def test_chrome_comes_before_edge_and_nothing_installed_is_none(windows):
    windows("C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe",
            "C:/Program Files/Google/Chrome/Application/chrome.exe")
    assert screenshot.chromium() == str(Path("C:/Program Files/Google/Chrome/Application/chrome.exe"))
    windows()
    assert screenshot.chromium() is None
    assert pdf.soffice() is None


def test_the_folders_come_from_the_environment_not_from_a_drive(windows, monkeypatch):
    monkeypatch.setenv("PROGRAMFILES(X86)", "D:/Program")
    windows("D:/Program/LibreOffice/program/soffice.exe",
            "C:/Program Files (x86)/LibreOffice/program/soffice.exe")
    assert pdf.soffice() == str(Path("D:/Program/LibreOffice/program/soffice.exe"))


def test_a_program_on_path_comes_first(windows, monkeypatch):
    windows("C:/Program Files/LibreOffice/program/soffice.exe")
    monkeypatch.setattr(programs.shutil, "which",
                        lambda command: "/usr/bin/soffice" if command == "soffice" else None)
    assert pdf.soffice() == "/usr/bin/soffice"


def test_pdftoppm_is_found_where_winget_put_it_before_path_knows(tmp_path, monkeypatch):
    monkeypatch.setattr(programs.shutil, "which", lambda command: None)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert programs.pdftoppm() is None
    packages = tmp_path / "Microsoft" / "WinGet" / "Packages"
    for version in ("24.08.0", "25.07.0"):
        exe = (packages / "oschwartz10612.Poppler_Microsoft.Winget.Source_8wekyb3d8bbwe"
               / f"poppler-{version}" / "Library" / "bin" / "pdftoppm.exe")
        exe.parent.mkdir(parents=True)
        exe.write_bytes(b"")
    assert programs.pdftoppm() == str(exe)  # the newest


def test_the_browser_is_named_as_it_is_in_messages():
    assert screenshot.browser("C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe") == (
        "Microsoft Edge")
    assert screenshot.browser("/usr/bin/google-chrome-stable") == "Google Chrome"
    assert screenshot.browser("/usr/bin/chromium") == "Chromium"
    assert screenshot.browser("C:/Users/a/AppData/Local/Chromium/Application/chrome.exe") == (
        "Chromium")


def test_without_pdftoppm_bilder_says_how_to_get_it(monkeypatch, tmp_path):
    from pipeline.diagnostics import UnderlagError

    monkeypatch.setattr(programs, "pdftoppm", lambda: None)
    with pytest.raises(UnderlagError) as raised:
        pdf.pictures([tmp_path / "beslutsunderlag-SN.docx"], tmp_path / "bilder")
    assert raised.value.message == programs.PDFTOPPM
    assert "underlag bygg --pdf" in programs.PDFTOPPM
    assert not (tmp_path / "bilder").exists()


def test_the_windows_messages_name_windows_installers():
    assert "winget install oschwartz10612.Poppler" in programs.missing("pdftoppm", windows=True)
    assert "winget install TheDocumentFoundation.LibreOffice" in programs.missing(
        "libreoffice", windows=True)
    assert "Microsoft Edge" in programs.missing("chromium", windows=True)
    assert not any("apt" in programs.missing(p, windows=True) for p in programs._MISSING)
    assert "sudo apt install poppler-utils" in programs.missing("pdftoppm", windows=False)

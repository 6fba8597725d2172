"""A look at an input file before any parser touches it: what it really is, and whether it is safe.

Secretaries drop whatever they have into inputs/. Each kind of file that is not a workbook of
ours gets one Swedish message saying what it is and what to do, and files that would make a
parser run out of memory or time (zip bombs, XML entity bombs) are refused by their declared
sizes before anything is decompressed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and encrypted new ones
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
MAX_MEMBER = 64 * 1024 * 1024  # uncompressed bytes in one part of a workbook
MAX_TOTAL = 256 * 1024 * 1024  # uncompressed bytes in the whole workbook
MAX_RATIO = 100  # compression ratio above which a large part is a bomb, not a spreadsheet
RATIO_FROM = 16 * 1024 * 1024  # the ratio counts for parts at least this large
MAX_OLE = 64 * 1024 * 1024
# Excel's "Strict Open XML Spreadsheet": the same parts with other namespaces; openpyxl finds no
# sheets in it.
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
SAVE_AS = "Öppna den i Excel och välj Spara som › Excel-arbetsbok (.xlsx)."
LOCKED = ("Filen kunde inte läsas: den är låst, kanske öppen i Excel på en annan dator. Stäng "
          "den och bygg igen.")


@dataclass
class Sniffed:
    """What a file is: an error message if it cannot be read, and notes if it can."""

    error: str = ""
    notes: list[str] = field(default_factory=list)


def sniff(path: Path) -> Sniffed:
    """Return why a file cannot be read as a workbook (or "" if it can), and notes about it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except PermissionError:  # Windows: locked by Excel elsewhere, or still being copied in
        return Sniffed(LOCKED)
    except OSError as exc:
        return Sniffed(f"Filen kan inte öppnas ({exc.strerror}). Kontrollera att den inte är "
                       "låst av ett annat program och att du har behörighet att läsa den.")
    if size == 0:
        return Sniffed("Filen är tom (0 byte). Den sparades eller kopierades inte färdigt. "
                       "Spara arbetsboken på nytt och lägg den i mappen igen.")
    if head.startswith(OLE_MAGIC):
        return Sniffed(_ole(path, size))
    if head.startswith(ZIP_MAGIC):
        return _zip(path)
    if path.suffix.lower() == ".xls":
        return Sniffed(f"Filen är inte en Excel-arbetsbok i något format som går att läsa. {SAVE_AS}")
    if b"\x00" not in head:
        renamed = (f", även om namnet slutar på {path.suffix}"
                   if path.suffix.lower() in (".xlsx", ".xlsm") else "")
        return Sniffed(f"Filen är en textfil (till exempel CSV) och inte en Excel-arbetsbok"
                       f"{renamed}. {SAVE_AS}")
    return Sniffed(f"Filen är inte en Excel-arbetsbok. {SAVE_AS}")


def _ole(path: Path, size: int) -> str:
    if size <= MAX_OLE and "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
        return ("Arbetsboken är lösenordsskyddad och kan inte läsas. Öppna den i Excel, ta bort "
                "lösenordet (Arkiv › Info › Skydda arbetsbok › Kryptera med lösenord) och spara "
                "den igen.")
    return f"Filen är i det gamla Excel-formatet (.xls) eller ett annat äldre format. {SAVE_AS}"


def _zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            kind = _office_kind(z, names)
            if kind:
                return Sniffed(kind)
            too_big = _too_big(infos)
            if too_big:
                return Sniffed(too_big)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with z.open(info) as member:
                        start = member.read(2048)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        return Sniffed("Filen innehåller XML med egna definitioner (DOCTYPE), "
                                       "som Excel aldrig skriver, och läses inte av "
                                       f"säkerhetsskäl. {SAVE_AS}")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        return Sniffed("Filen är ofullständig eller skadad, kanske avbröts kopieringen. Kopiera "
                       "den igen från originalet, eller öppna den i Excel och spara den på nytt.")
    notes = []
    if "xl/vbaProject.bin" in names:
        notes.append("Arbetsboken innehåller makron. De körs aldrig; bara cellernas värden läses.")
    return Sniffed(notes=notes)


def _office_kind(z: zipfile.ZipFile, names: set[str]) -> str:
    """Return a message when the zip is an Office file of another kind, or not Office at all."""
    if "word/document.xml" in names:
        return "Filen är ett Word-dokument, inte en Excel-arbetsbok. Lägg arbetsboken i mappen i stället."
    if "ppt/presentation.xml" in names:
        return ("Filen är en PowerPoint-presentation, inte en Excel-arbetsbok. Lägg arbetsboken i "
                "mappen i stället.")
    if "mimetype" in names and b"opendocument" in z.read("mimetype")[:100]:
        return f"Filen är ett OpenDocument-kalkylblad (.ods) från till exempel LibreOffice. {SAVE_AS}"
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        return f"Filen är ett zip-arkiv men ingen Excel-arbetsbok. {SAVE_AS}"
    if "xl/workbook.bin" in names:
        return f"Filen är en binär Excel-arbetsbok (.xlsb). {SAVE_AS}"
    with z.open("xl/workbook.xml") as member:
        head = member.read(4096)
    if STRICT_NAMESPACE in head or b'conformance="strict"' in head:
        return ("Arbetsboken är sparad i formatet Strict Open XML, som inte går att läsa. "
                "Öppna den i Excel och välj Spara som › Excel-arbetsbok (.xlsx), inte "
                "Strict Open XML-kalkylblad.")
    return ""


def _too_big(infos: list[zipfile.ZipInfo]) -> str:
    total = sum(i.file_size for i in infos)
    worst = max(infos, key=lambda i: i.file_size, default=None)
    if worst is None:
        return ""
    ratio = worst.file_size / max(worst.compress_size, 1)
    if worst.file_size > MAX_MEMBER or total > MAX_TOTAL or (
        worst.file_size >= RATIO_FROM and ratio > MAX_RATIO
    ):
        mb = total / 1024 / 1024
        return (f"Filen är för stor för att läsas säkert: uppackad blir den {mb:,.0f} MB, och en "
                "arbetsbok för verksamhetsidé är några hundra kB. Kontrollera att det är rätt "
                "fil.").replace(",", " ")
    return ""

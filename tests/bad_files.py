"""A corpus of bad input files, made from the examples: what secretaries may drop in inputs/.

Used by the tests; run it to get the files for a look by hand:
    python -m tests.bad_files /tmp/trasiga
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "SN.xlsx"


def _example() -> bytes:
    return EXAMPLE.read_bytes()


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None],
           extra: dict[str, bytes] | None = None) -> bytes:
    """Return a copy of a zip with members changed (None drops one) and members added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            blob = change(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(info.filename, blob)
        for name, blob in (extra or {}).items():
            dst.writestr(name, blob)
    return out.getvalue()


def _sheet(name: str) -> str:
    """Return the zip member of a sheet of the example workbook."""
    wb = load_workbook(EXAMPLE, read_only=True)
    try:
        return wb[name]._worksheet_path
    finally:
        wb.close()


def empty() -> bytes:
    return b""


def csv_text() -> bytes:
    return b"Kund;Behov\nBarn och unga;Trygghet\n"


def truncated() -> bytes:
    data = _example()
    return data[: len(data) // 2]


def word() -> bytes:
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Anteckningar från passet")
    document.save(buf)
    return buf.getvalue()


def powerpoint() -> bytes:
    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    return buf.getvalue()


def legacy_xls() -> bytes:
    # the compound-file header every .xls starts with, then sectors of nothing
    return bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 4088


def ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return out.getvalue()


def encrypted() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(_example())).encrypt("hemligt", out)
    return out.getvalue()


def macro_workbook() -> bytes:
    """The example with a VBA project added, as an .xlsm has."""
    return _rezip(_example(), lambda name, blob: blob, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" * 64})


def budget() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Budget 2022"
    ws.append(["Konto", "Belopp"])
    ws.append(["Lokaler", 1200000])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def newer_version() -> bytes:
    wb = load_workbook(EXAMPLE)
    ws = wb["Grunduppgifter"]
    for row in ws.iter_rows(min_col=1, max_col=2):
        if row[0].value == "Formatversion":
            row[1].value = 2
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_bomb() -> bytes:
    """A sheet padded with 70 MB of spaces: 70 kB on disk."""
    target = _sheet("Kunder")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_example())) as src, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename != target:
                dst.writestr(info.filename, blob)
                continue
            head, tail = blob.split(b"</worksheet>")
            with dst.open(info.filename, "w", force_zip64=True) as member:
                member.write(head)
                for _ in range(70):
                    member.write(b" " * (1024 * 1024))
                member.write(b"</worksheet>" + tail)
    return out.getvalue()


def entity_bomb() -> bytes:
    """A "billion laughs" sheet: ten nested entities, each ten times the one before."""
    target = _sheet("Kunder")
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = ("<!DOCTYPE worksheet [" + "".join(entities) + "]>").encode()

    def change(name: str, blob: bytes) -> bytes:
        if name != target:
            return blob
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", blob).replace(b"<is><t>", b"<is><t>&lol9;", 1)
        return b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + body

    return _rezip(_example(), change)


def million_rows() -> bytes:
    """A sheet that claims 1 048 576 rows in its dimension, and has formatting down there."""
    target = _sheet("Kunder")

    def change(name: str, blob: bytes) -> bytes:
        if name != target:
            return blob
        blob = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:Z1048576"/>', blob)
        return blob.replace(b"</sheetData>",
                            b'<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>')

    return _rezip(_example(), change)


def huge_cell() -> bytes:
    wb = load_workbook(EXAMPLE)
    wb["Kunder"]["C2"] = "PLACEHOLDER"
    buf = io.BytesIO()
    wb.save(buf)
    big = ("Ett behov som beskrivs utförligt. " * 160_000).encode()  # about 5 MB
    return _rezip(buf.getvalue(), lambda name, blob: blob.replace(b"PLACEHOLDER", big))


def uncached_formula() -> bytes:
    wb = load_workbook(EXAMPLE)
    wb["Kunder"]["A3"] = '=UPPER("äldre")'
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Transitional namespace -> Strict namespace, as Excel writes them in "Strict Open XML".
STRICT_NAMESPACES = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main":
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main":
        b"http://purl.oclc.org/ooxml/drawingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
}


def strict_ooxml() -> bytes:
    """The example as Excel saves it with "Strict Open XML Spreadsheet (*.xlsx)".

    Every part keeps its name; the namespaces and relationship types are the Strict ones, and the
    workbook says conformance="strict". openpyxl finds no sheets in it.
    """
    def change(name: str, blob: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return blob
        for old, new in STRICT_NAMESPACES.items():
            blob = blob.replace(old, new)
        blob = blob.replace(b"/relationships/extended-properties",
                            b"/relationships/extendedProperties")
        if name == "xl/workbook.xml":
            blob = re.sub(rb"(<workbook\b[^>]*?)(/?>)", rb'\1 conformance="strict"\2', blob,
                          count=1)
        return blob

    return _rezip(_example(), change)


# name in inputs/ -> (maker, a part of the one message the file must get)
CORPUS: dict[str, tuple[Callable[[], bytes], str]] = {
    "tom.xlsx": (empty, "Filen är tom (0 byte)"),
    "text.xlsx": (csv_text, "Filen är en textfil (till exempel CSV)"),
    "avbruten.xlsx": (truncated, "Filen är ofullständig eller skadad"),
    "anteckningar.xlsx": (word, "Filen är ett Word-dokument"),
    "bilder.xlsx": (powerpoint, "Filen är en PowerPoint-presentation"),
    "gammal.xls": (legacy_xls, "Filen är i det gamla Excel-formatet (.xls)"),
    "kalkyl.ods": (ods, "Filen är ett OpenDocument-kalkylblad (.ods)"),
    "losenord.xlsx": (encrypted, "Arbetsboken är lösenordsskyddad"),
    "budget.xlsx": (budget, "Filen är ingen arbetsbok för verksamhetsidé"),
    "ny_version.xlsx": (newer_version, "Arbetsboken har formatversion 2"),
    "zipbomb.xlsx": (zip_bomb, "Filen är för stor för att läsas säkert"),
    "entiteter.xlsx": (entity_bomb, "Filen innehåller XML med egna definitioner (DOCTYPE)"),
    "formel.xlsx": (uncached_formula, "Cellen har en formel utan sparat värde"),
    "strikt.xlsx": (strict_ooxml, "Arbetsboken är sparad i formatet Strict Open XML"),
}
# Files that are read, with a warning: the nämnd is still built.
READABLE: dict[str, tuple[Callable[[], bytes], str]] = {
    "makro.xlsm": (macro_workbook, "Arbetsboken innehåller makron. De körs aldrig"),
    "miljon.xlsx": (million_rows, ""),
    "jattecell.xlsx": (huge_cell, "kortades till 10 000 tecken"),
}


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, (make, _) in {**CORPUS, **READABLE}.items():
        (target / name).write_bytes(make())
        print(f"Skrev {target / name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "trasiga")

"""Starting work: a blank workbook for a nämnd, and a new working folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import model as m
from . import resources
from .diagnostics import UnderlagError
from .produce.outputs import template_names
from .read import schema
from .read.blank_workbook import write_workbook
from .read.cells import CellError, to_kod

GUIDE = """\
Arbetsmapp för nämndernas verksamhetsidé
========================================

inputs/     Här lägger ni arbetsböckerna: kommunarbetsboken (kommun.xlsx) och en
            arbetsbok per nämnd. Filernas namn spelar ingen roll.
templates/  Mallarna för dokumenten. Ändra utseendet i Word och PowerPoint, men låt
            taggarna {{ … }}, {%p … %} och {%slide … %} stå kvar. Tas en mall bort
            används standardmallen. En logotyp.png eller logotyp.svg här hamnar på
            presentationernas titelbilder och i dokumentens sidhuvud.
build/      Här skriver underlag dokumenten. Skapas vid första bygget.

Så här går det till:
1. Fyll i kommun.xlsx: kommunens namn, uppdraget, milstolparna och nämnderna.
2. Skapa en tom arbetsbok per nämnd:   underlag arbetsbok SN -o inputs/SN.xlsx
3. Utvecklingsgruppen fyller i arbetsboken under arbetspassen.
4. Kontrollera:                        underlag kontrollera
   Alla fel visas på en gång, med fil, flik och cell.
5. Bygg dokumenten:                    underlag bygg
   (eller låt underlag bevaka bygga om varje gång en fil ändras)
6. Kontrollera tillgängligheten:       underlag tillganglighet

Hjälp om varje kommando: underlag --help, underlag bygg --help.
"""


def _register(inputs_dir: Path) -> m.Kommun | None:
    """Return the kommun workbook's content from a folder, if there is a readable one."""
    from .domain.inputs import discover
    from .read.workbook import read_workbook

    if not inputs_dir.is_dir():
        return None
    for path in discover(inputs_dir)[0]:
        result = read_workbook(path)
        if result.kind == "kommun" and result.ok:
            return result.value
    return None


def write_blank(kod: str, output: Path | None, inputs_dir: Path, *, replace: bool) -> Path:
    """Write a blank workbook for one nämnd, prefilled from the register when there is one."""
    try:
        kod = to_kod(kod, schema.GRUNDUPPGIFTER.column("kod"))
    except CellError as exc:
        raise UnderlagError(str(exc)) from None
    path = output or Path(f"arbetsbok-{kod}.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise UnderlagError(f"Filen {path} ska sluta på .xlsx.")
    if path.exists() and not replace:
        raise UnderlagError(
            f"Filen {path} finns redan och skrivs inte över. Välj ett annat namn med -o, "
            "eller använd --ersatt."
        )
    kommun = _register(inputs_dir)
    prefill: dict[str, object] = {"kod": kod}
    codes: tuple[str, ...] = ()
    if kommun is not None:
        ref = kommun.namnd(kod)
        codes = kommun.koder
        if ref is None:
            raise UnderlagError(
                f"Nämndkoden {kod} finns inte i kommunarbetsbokens register i {inputs_dir}. "
                f"Använd en av {', '.join(codes)}, eller lägg till nämnden i fliken Nämnder."
            )
        prefill.update(namn=ref.namn, forvaltning=ref.forvaltning)
    write_workbook(schema.NAMND, path, prefill=prefill, codes=codes)
    return path


def new_folder(folder: Path, *, examples: bool = False) -> list[Path]:
    """Create a working folder with the kommun workbook, the templates and a guide."""
    from .examples import KOMMUN, NAMNDER

    if folder.exists() and any(folder.iterdir()):
        raise UnderlagError(f"Mappen {folder} finns redan och är inte tom. Välj en ny mapp.")
    written = []
    kommun_path = folder / "inputs" / "kommun.xlsx"
    write_workbook(schema.KOMMUN, kommun_path, KOMMUN)
    written.append(kommun_path)
    if examples:
        written += write_examples(folder / "inputs", NAMNDER, KOMMUN)
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    for name in template_names():
        target = folder / "templates" / name
        shutil.copyfile(resources.default_templates() / name, target)
        written.append(target)
    guide = folder / "LÄSMIG.txt"
    guide.write_text(GUIDE, encoding="utf-8")
    written.append(guide)
    return written


def write_examples(folder: Path, namnder, kommun: m.Kommun) -> list[Path]:
    """Write one filled workbook per example nämnd, named after its code."""
    codes = kommun.koder
    written = []
    for namnd in namnder:
        path = folder / f"{namnd.kod}.xlsx"
        write_workbook(schema.NAMND, path, namnd, codes=codes)
        written.append(path)
    return written

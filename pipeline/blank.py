"""Starting work: a blank workbook for a nämnd, and a new working folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from . import model as m
from . import resources
from .diagnostics import UnderlagError
from .output import atomic_write, deterministic_zip
from .produce.outputs import template_names
from .read import schema
from .read.blank_workbook import write_workbook
from .read.cells import CellError, to_kod

if TYPE_CHECKING:
    from .render.logo import Logo

GUIDE = """\
Arbetsmapp för nämndernas verksamhetsidé
========================================

inputs/     Här lägger ni arbetsböckerna: kommunarbetsboken (kommun.xlsx) och en
            arbetsbok per nämnd. Filernas namn spelar ingen roll.
templates/  Mallarna för dokumenten. Ändra utseendet i Word och PowerPoint, men låt
            taggarna {{ … }}, {%p … %} och {%slide … %} stå kvar. Tas en mall bort
            används standardmallen.
build/      Här skriver underlag dokumenten. Skapas vid första bygget.

Så här går det till:
1. Fyll i kommun.xlsx: kommunens namn, uppdraget och nämnderna (fliken Nämnder), och
   gärna visionen, frågorna till avstämningarnas dialoger och programmet.
   Fliken Milstolpar har planeringens gemensamma milstolpar som förslag: ändra
   datumen till era egna och fyll i tid och plats.
2. Skapa en tom arbetsbok per nämnd:   underlag arbetsbok SN -o inputs/SN.xlsx
   (med nämndens kod från fliken Nämnder; namn och förvaltning fylls i därifrån)
3. Utvecklingsgruppen fyller i arbetsboken under arbetspassen.
4. Kontrollera:                        underlag kontrollera
   Alla fel visas på en gång, med fil, flik och cell.
5. Bygg dokumenten:                    underlag bygg
   (eller låt underlag bevaka bygga om varje gång en fil ändras)
6. Kontrollera tillgängligheten:       underlag tillganglighet

Logotyp: spara kommunens logotyp som logotyp.png eller logotyp.svg i templates/. Den
hamnar på presentationernas titelbilder och i Word-dokumentens sidhuvud, på mallarnas
plats för logotypen. Utan logotyp står kommunens namn i text där.

Hjälp om varje kommando: underlag --help, underlag bygg --help.
"""

# The planning document's joint milestones, as suggestions for a new kommun: its dates, the
# kind of each and its purpose in the document's words. Times and places are the kommun's.
MILSTOLPAR = (
    m.Milstolpe("Gemensam uppstart", dt.date(2021, 6, 17), typ="Uppstart", beskrivning=(
        "Bygga kunskap om systemsyn och vikten av ett känt syfte. Skapa beredskap för "
        "fortsatt arbete och kännedom om övergripande arbetsprocess och upplägg.")),
    m.Milstolpe("Gemensam avstämning", dt.date(2021, 10, 7), typ="Avstämning", beskrivning=(
        "Skapa förutsättningar för en breddad förståelse för nämndernas uppdrag och nuläge, i "
        "relation till varandra och till kommunens verksamhetsidé och målbilder.")),
    m.Milstolpe("Slutlig avstämning", dt.date(2021, 12, 9), typ="Avstämning",
                beskrivning="Dialog och kvittens av nämndernas formulerade verksamhetsidéer."),
)
# A new kommun's workbook: the process's own defaults, nothing of the example's prose or people.
START = m.Kommun(namn="", uppdrag="", milstolpar=MILSTOLPAR)
# The Word templates' logo slot in a new folder: a light frame where the kommun's logo goes.
PLACEHOLDER_SIZE, PLACEHOLDER_COLOUR = (1200, 240), (0xBF, 0xBF, 0xBF, 255)


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
    """Create a working folder with a kommun workbook to fill in, the templates and a guide;
    with `examples`, the example kommun's workbooks and logo instead."""
    from .examples import KOMMUN, NAMNDER

    if folder.exists() and any(folder.iterdir()):
        raise UnderlagError(f"Mappen {folder} finns redan och är inte tom. Välj en ny mapp.")
    written = []
    kommun_path = folder / "inputs" / "kommun.xlsx"
    write_workbook(schema.KOMMUN, kommun_path, KOMMUN if examples else START)
    written.append(kommun_path)
    if examples:
        written += write_examples(folder / "inputs", NAMNDER, KOMMUN)
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    names = [*template_names(), *([resources.EXAMPLE_LOGO] if examples else [])]
    for name in names:
        target = folder / "templates" / name
        atomic_write(target, _template(name, examples))
        written.append(target)
    guide = folder / "LÄSMIG.txt"
    guide.write_text(GUIDE, encoding="utf-8")
    written.append(guide)
    return written


def _template(name: str, examples: bool) -> bytes:
    """Return a shipped template's bytes for a new folder: a Word template's logo slot holds
    the example's wordmark, so a new kommun's holds a neutral frame instead."""
    data = (resources.default_templates() / name).read_bytes()
    if examples or not name.endswith(".docx"):
        return data
    from .render import docx_logo

    return deterministic_zip(docx_logo.apply(data, _placeholder()))


def _placeholder() -> Logo:
    """Return the neutral logo that marks the slot: a light frame, transparent inside."""
    import io

    from PIL import Image, ImageDraw

    from .render.logo import Logo

    image = Image.new("RGBA", PLACEHOLDER_SIZE, (255, 255, 255, 0))
    width, height = PLACEHOLDER_SIZE
    ImageDraw.Draw(image).rectangle((0, 0, width - 1, height - 1), outline=PLACEHOLDER_COLOUR,
                                    width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return Logo(out.getvalue(), width, height)


def next_step(folder: Path, *, examples: bool = False) -> str:
    """Return what to do after `underlag ny`: fill in the kommun workbook and make the
    nämnder's workbooks (with the examples: build them)."""
    if examples:
        return f"Klart. Fortsätt med: cd {folder} och underlag bygg"
    return (f"Klart. Fyll i {folder / 'inputs' / 'kommun.xlsx'}: kommunens namn, uppdraget och "
            f"nämnderna i fliken Nämnder. Skapa sedan en arbetsbok per nämnd: cd {folder} och "
            "underlag arbetsbok KOD -o inputs/KOD.xlsx")


def write_examples(folder: Path, namnder, kommun: m.Kommun) -> list[Path]:
    """Write one filled workbook per example nämnd, named after its code."""
    codes = kommun.koder
    written = []
    for namnd in namnder:
        path = folder / f"{namnd.kod}.xlsx"
        write_workbook(schema.NAMND, path, namnd, codes=codes)
        written.append(path)
    return written

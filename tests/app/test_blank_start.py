"""A blank start for a new kommun (issue 20, part 5): `underlag ny` gives a folder with nothing of
the example kommun in it, and what a kommun builds from it has nothing of the example either;
`ny --exempel` gives the example, logo included; a folder without a nämnd's workbook says how
to make one."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from pipeline import resources
from pipeline.blank import MILSTOLPAR, next_step
from pipeline.cli import main
from pipeline.examples import KOMMUN, NAMNDER
from pipeline.render import logo
from tests.conftest import EXAMPLES, ROOT, edit, find_row

SHIPPED_LOGO = (ROOT / "templates" / "logotyp.png").read_bytes()


def _person(text: str) -> str:
    """Return the name in "Sara Holmqvist, kvalitetsutvecklare"."""
    return text.split(",")[0].strip()


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.?!])\s", text.strip())[0]


def example_markers() -> set[str]:
    """Return what only the example kommun has: its name, its people, its own prose (the
    programme's points are the planning document's agenda, not the example's)."""
    people = {member.namn for n in NAMNDER for member in n.medlemmar}
    people |= {_person(text) for n in NAMNDER
               for text in (n.handlaggare, n.forvaltningschef, n.processtod) if text}
    people |= {_person(text) for text in (KOMMUN.handlaggare, KOMMUN.forvaltningschef) if text}
    people |= {p.ansvarig for p in KOMMUN.program if p.ansvarig}
    prose = {_first_sentence(getattr(KOMMUN, key)) for key in (
        "vision", "uppdrag", "samordning", "styrmodell", "sammanfattning", "bedomning")}
    prose |= {q.fraga for q in KOMMUN.dialogfragor}
    prose |= {_first_sentence(ms.beskrivning) for ms in KOMMUN.milstolpar}
    prose |= {ms.plats for ms in KOMMUN.milstolpar if ms.plats}
    prose |= {_first_sentence(p.text) for p in KOMMUN.beslutspunkter}
    prose |= {_first_sentence(n.bedomning) for n in NAMNDER if n.bedomning}
    return {"Timrå", *people, *prose} - {""}


MARKERS = example_markers()


def texts(folder: Path):
    """Yield (where, text) for every text file and every XML part of every Office file in a
    folder: as written, and with the tags taken out (a word split over runs joined again)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".docx", ".pptx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith((".xml", ".rels")):
                        xml = z.read(name).decode("utf-8")
                        yield f"{path.name}:{name}", xml + "\n" + re.sub(r"<[^>]+>", "", xml)
        elif path.suffix in (".txt", ".html", ".ics"):
            yield path.name, path.read_text(encoding="utf-8")


def example_traces(folder: Path) -> list[tuple[str, str]]:
    """Return where the example kommun shows in a folder: its texts, and its logo's picture."""
    found = [(where, marker) for where, text in texts(folder) for marker in MARKERS
             if marker in text]
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".docx", ".pptx"):
            with zipfile.ZipFile(path) as z:
                found += [(f"{path.name}:{n}", "the example's logo") for n in z.namelist()
                          if z.read(n) == SHIPPED_LOGO]
        elif path.suffix == ".png" and path.read_bytes() == SHIPPED_LOGO:
            found.append((path.name, "the example's logo"))
    return found


def test_the_markers_find_the_example():
    assert {"Timrå", "Maria Lindfors", "Sara Holmqvist", "Lennart Wittberg"} <= MARKERS
    assert ("Kommunledningsförvaltningen bedömer att uppdraget är genomfört."
            in MARKERS)
    assert example_traces(EXAMPLES)  # the example's own workbooks


def test_ny_gives_a_folder_with_nothing_of_the_example(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["ny", "x"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        f"Klart. Fyll i {Path('x/inputs/kommun.xlsx')}: kommunens namn, uppdraget och nämnderna "
        "i fliken Nämnder. Skapa sedan en arbetsbok per nämnd: cd x och underlag arbetsbok KOD "
        "-o inputs/KOD.xlsx")
    folder = tmp_path / "x"
    assert sorted(p.name for p in (folder / "inputs").iterdir()) == ["kommun.xlsx"]
    assert not any(p.name.startswith("logotyp") for p in (folder / "templates").iterdir())
    assert example_traces(folder) == []
    guide = (folder / "LÄSMIG.txt").read_text(encoding="utf-8")
    assert "logotyp.png eller logotyp.svg i templates/" in guide


def _values(ws) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(min_row=2, values_only=True)
            if any(v is not None for v in row)]


def test_the_blank_kommun_workbook_has_only_the_planning_documents_milestones(runner, tmp_path,
                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.invoke(main, ["ny", "x"], catch_exceptions=False)
    wb = load_workbook(tmp_path / "x/inputs/kommun.xlsx")
    assert [[r[0], r[1].date(), r[2], r[6]] for r in _values(wb["Milstolpar"])] == [
        ["Gemensam uppstart", dt.date(2021, 6, 17), "Uppstart", MILSTOLPAR[0].beskrivning],
        ["Gemensam avstämning", dt.date(2021, 10, 7), "Avstämning", MILSTOLPAR[1].beskrivning],
        ["Slutlig avstämning", dt.date(2021, 12, 9), "Avstämning",
         "Dialog och kvittens av nämndernas formulerade verksamhetsidéer."]]
    assert all(r[3:6] == [None, None, None] for r in _values(wb["Milstolpar"]))  # tid, plats
    for sheet in ("Nämnder", "Dialogfrågor", "Program", "Faser", "Avrapportering beslut"):
        assert _values(wb[sheet]) == [], sheet
    filled = {r[0]: r[1] for r in _values(wb["Kommun"]) + _values(wb["Avrapportering"])
              if r[1] is not None}
    assert filled == {"Bilder per avsnitt": 2, "Formatversion": 1}  # the tool's own defaults


def test_kontrollera_after_ny_says_what_to_fill_in_first(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.invoke(main, ["ny", "x"], catch_exceptions=False)
    monkeypatch.chdir(tmp_path / "x")
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines() == [  # in the order of the workbook's tabs
        'Fel: kommun.xlsx › Kommun!B2: Kolumnen "Kommun" är tom. Skriv kommunens namn.',
        'Fel: kommun.xlsx › Kommun!B4: Kolumnen "Uppdraget" är tom. Skriv uppdragets text.',
        "Fel: kommun.xlsx › Nämnder: Fliken har inga ifyllda rader. Skriv in kommunens nämnder.",
        "Varning: kommun.xlsx › Dialogfrågor: Fliken har inga ifyllda rader. Skriv in frågorna "
        "till avstämningarnas dialoger.",
        "Varning: kommun.xlsx › Program: Fliken har inga ifyllda rader. Skriv in programmet för "
        "de gemensamma mötena.",
        "Varning: kommun.xlsx › Avrapportering beslut: Fliken har inga ifyllda rader. Skriv "
        "avrapporteringens beslutspunkter; utan dem står i avrapporteringen att förslag till "
        "beslut saknas.",
        "Varning: inputs: Det finns ingen arbetsbok för någon nämnd i inputs/. Skapa en per nämnd "
        "med: underlag arbetsbok KOD -o inputs/KOD.xlsx, där KOD är nämndens kod i "
        "kommunarbetsbokens flik Nämnder.",
        "Kontrollerade 1 arbetsbok: 3 fel och 4 varningar."]


def _fill_in(folder: Path, runner) -> None:
    """Fill in a kommun with one nämnd, and that nämnd's workbook, as little as builds."""
    kommun = folder / "inputs/kommun.xlsx"
    edit(kommun, {
        "Kommun": {f"B{find_row(kommun, 'Kommun', 1, 'Kommun')}": "Norrby kommun",
                   f"B{find_row(kommun, 'Kommun', 1, 'Uppdraget')}":
                       "Varje nämnd formulerar sin verksamhetsidé."},
        "Nämnder": {"A2": "AN", "B2": "Arbetsmarknadsnämnden", "C2": "Arbetsmarknadsförvaltningen",
                    "D2": 1}})
    made = runner.invoke(main, ["arbetsbok", "AN", "-o", "inputs/AN.xlsx"], catch_exceptions=False)
    assert made.output == f"Skrev {Path('inputs/AN.xlsx')}\n"
    namnd = folder / "inputs/AN.xlsx"
    edit(namnd, {
        "Grunduppgifter": {
            f"B{find_row(namnd, 'Grunduppgifter', 1, 'Datum för tjänsteskrivelsen')}":
                dt.date(2022, 1, 20)},
        "Verksamhetsidé": {"A2": 1, "B2": dt.date(2021, 11, 30), "C2": "Förslag till beslut",
                           "D2": "Arbetsmarknadsnämnden ger invånarna vägar till arbete."},
        "Förslag till beslut": {"A2": 1, "B2": "Arbetsmarknadsnämnden antar verksamhetsidén."}})


def test_what_a_new_kommun_builds_has_nothing_of_the_example(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.invoke(main, ["ny", "x"], catch_exceptions=False)
    folder = tmp_path / "x"
    monkeypatch.chdir(folder)
    _fill_in(folder, runner)
    result = runner.invoke(main, ["bygg"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    built = {p.relative_to(folder / "build").as_posix() for p in (folder / "build").rglob("*")
             if p.suffix in (".docx", ".pptx", ".ics", ".html")}
    assert built == {"AN/beslutsunderlag-AN.docx", "AN/bilaga-1-AN.docx",
                     "AN/avstamning-AN.pptx", "AN/tidplan-AN.ics", "kommunovergripande.pptx",
                     *(f"AN/arbetsmaterial-pass-{p}-AN.pptx" for p in ("1-2", "3-4", "5")),
                     "tidplan.ics", "avrapportering.docx", "bilaga-avrapportering.docx",
                     "intranat.docx", "intranat.html", "index.html"}
    assert example_traces(folder / "build") == []
    memo = docx.Document(folder / "build/AN/beslutsunderlag-AN.docx")
    header = memo.sections[0].first_page_header
    assert header.paragraphs[0].text.startswith("Norrby kommun")  # the name, as no logo
    assert header._element.xpath(".//a:blip") == []


def test_ny_exempel_gives_the_example_with_its_logo(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["ny", "x", "--exempel"], catch_exceptions=False)
    assert result.output.splitlines()[-1] == next_step(Path("x"), examples=True) == (
        "Klart. Fortsätt med: cd x och underlag bygg")
    folder = tmp_path / "x"
    assert sorted(p.name for p in (folder / "inputs").iterdir()) == [
        "BUN.xlsx", "KS.xlsx", "KTN.xlsx", "MBN.xlsx", "SN.xlsx", "kommun.xlsx"]
    ws = load_workbook(folder / "inputs/kommun.xlsx")["Kommun"]
    assert ws["B2"].value == "Timrå kommun"
    assert (folder / "templates/logotyp.png").read_bytes() == SHIPPED_LOGO
    assert logo.find(folder / "templates") == folder / "templates/logotyp.png"
    for path in (folder / "templates").iterdir():  # the shipped templates as they are
        assert path.read_bytes() == (resources.default_templates() / path.name).read_bytes()


@pytest.mark.parametrize("command", ["bygg", "kontrollera"])
def test_a_folder_with_no_nämnd_workbook_says_how_to_make_one(runner, tmp_path, monkeypatch,
                                                              command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inputs").mkdir()
    empty = runner.invoke(main, [command], catch_exceptions=False)
    assert empty.exit_code == 1
    overview = [f"Översikt: {Path('build', 'index.html')}"] if command == "bygg" else []
    assert empty.output.splitlines() == [
        "Fel: inputs: Kommunarbetsboken saknas (den med flikarna Kommun, Milstolpar och Nämnder). "
        "Lägg den i mappen; en ny skapas med underlag ny.",
        "Varning: inputs: Det finns ingen arbetsbok för någon nämnd i inputs/. Skapa en per nämnd "
        "med: underlag arbetsbok KOD -o inputs/KOD.xlsx, där KOD är nämndens kod i "
        "kommunarbetsbokens flik Nämnder.",
        "Klart: inga dokument, 1 fel och 1 varning." if command == "bygg"
        else "Kontrollerade 0 arbetsböcker: 1 fel och 1 varning.", *overview]
    shutil.copy(EXAMPLES / "kommun.xlsx", tmp_path / "inputs")
    only_kommun = runner.invoke(main, [command], catch_exceptions=False)
    assert only_kommun.exit_code == 0
    line = ("Varning: inputs: Det finns ingen arbetsbok för någon nämnd i inputs/. Skapa en per "
            "nämnd med: underlag arbetsbok KS -o inputs/KS.xlsx, och likadant för SN, BUN, KTN och "
            "MBN.")
    assert only_kommun.output.splitlines() == [
        line, "Klart: inga dokument, 1 varning." if command == "bygg"
        else "Kontrollerade 1 arbetsbok: 1 varning.", *overview]
    if command == "bygg":  # the overview page says it too
        assert line.removeprefix("Varning: inputs: ") in (
            tmp_path / "build/index.html").read_text(encoding="utf-8")


def test_the_next_step_names_another_inputs_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inkomna").mkdir()
    shutil.copy(EXAMPLES / "kommun.xlsx", tmp_path / "inkomna")
    result = runner.invoke(main, ["kontrollera", "--inputs", "inkomna"], catch_exceptions=False)
    assert result.output.splitlines()[0] == (
        "Varning: inkomna: Det finns ingen arbetsbok för någon nämnd i inkomna/. Skapa en per "
        "nämnd med: underlag arbetsbok KS -o inkomna/KS.xlsx --inputs inkomna, och likadant för "
        "SN, BUN, KTN och MBN.")


def test_a_word_template_of_a_new_folder_keeps_its_logo_slot_with_a_neutral_frame(
        runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner.invoke(main, ["ny", "x"], catch_exceptions=False)
    template = docx.Document(tmp_path / "x/templates/beslutsunderlag.docx")
    header = template.sections[0].first_page_header._element
    assert header.xpath(".//wp:docPr/@name") == ["bild:logotyp"]
    [blip] = header.xpath(".//a:blip/@r:embed")
    blob = template.sections[0].first_page_header.part.related_parts[blip].blob
    assert blob != SHIPPED_LOGO
    from PIL import Image

    with Image.open(io.BytesIO(blob)) as img:
        assert img.size == (1200, 240) and img.getpixel((600, 120))[3] == 0  # clear inside

"""The command line: exit codes and the exact Swedish messages users see."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from tests.conftest import ROOT, edit, find_row


@pytest.mark.parametrize("command", [[], *[[name] for name in main.commands]])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [*command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith("Användning: underlag")
    assert "Visa den här hjälpen och avsluta." in result.output
    if command:
        assert "Exempel:" in result.output


def test_bygg_writes_every_beslutsunderlag(runner, workdir):
    result = runner.invoke(main, ["bygg"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == [
        *(line for k in ("KS", "SN", "BUN", "KTN", "MBN")
          for line in (f"Skrev {Path('build', k, f'beslutsunderlag-{k}.docx')}",
                       f"Skrev {Path('build', k, f'bilaga-1-{k}.docx')}",
                       f"Skrev {Path('build', k, f'avstamning-{k}.pptx')}",
                       *(f"Skrev {Path('build', k, f'arbetsmaterial-pass-{p}-{k}.pptx')}"
                         for p in ("1-2", "3-4", "5")),
                       f"Skrev {Path('build', k, f'tidplan-{k}.ics')}")),
        f"Skrev {Path('build', 'kommunovergripande.pptx')}",
        f"Skrev {Path('build', 'tidplan.ics')}",
        f"Skrev {Path('build', 'avrapportering.docx')}",
        f"Skrev {Path('build', 'bilaga-avrapportering.docx')}",
        f"Skrev {Path('build', 'intranat.docx')}",
        f"Skrev {Path('build', 'intranat.html')}",
        "Klart: 5 beslutsunderlag, 5 bilagor, 1 avrapportering med bilaga, 1 intranätstext med "
        "webbsida, 6 presentationer, 15 arbetsmaterial och 6 kalenderfiler, inga problem.",
        f"Översikt: {Path('build', 'index.html')}",
    ]
    assert "Socialnämnden" in docx.Document(workdir / "build/SN/beslutsunderlag-SN.docx").paragraphs[0].text


def test_bygg_with_a_broken_workbook_builds_the_others_and_exits_1(runner, workdir):
    inputs = workdir / "inputs"
    before = {p.name: p.read_bytes() for p in inputs.iterdir()}
    edit(inputs / "SN.xlsx", {"Kunder": {"C3": None}})
    before["SN.xlsx"] = (inputs / "SN.xlsx").read_bytes()
    result = runner.invoke(main, ["bygg"])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        'Fel: SN.xlsx › Kunder!C3: Kolumnen "Behov" är tom. Beskriv vilket behov kunden har.',
        "Fel: SN.xlsx: Byggdes inte på grund av felen ovan.",
    ]
    assert result.output.splitlines()[-2:] == [
        "Klart: 4 beslutsunderlag, 4 bilagor, 1 avrapportering med bilaga, 1 intranätstext med "
        "webbsida, 5 presentationer, 12 arbetsmaterial och 5 kalenderfiler, 1 fel.",
        f"Översikt: {Path('build', 'index.html')}"]
    assert not (workdir / "build/SN").exists()
    assert (workdir / "build/MBN/beslutsunderlag-MBN.docx").exists()
    assert {p.name: p.read_bytes() for p in inputs.iterdir()} == before, "inputs unchanged"


def test_five_mistakes_give_five_messages_at_the_right_cells_and_the_rest_is_built(runner, workdir):
    edit(workdir / "inputs/SN.xlsx", {
        "Kunder": {"C3": None},  # Behov empty
        "Utvecklingsgrupp": {"B2": "Ordf."},  # not a role
        "Verksamhetsidé": {"B3": "den nionde"},  # not a date
        "Beroenden": {"B2": "XYZ"},  # not a registered nämnd (row 2 is internal)
        "Förslag till beslut": {"A3": "två"},  # not a number
    })
    result = runner.invoke(main, ["bygg"])
    assert result.exit_code == 1
    assert result.output.splitlines()[:6] == [  # in the order of the workbook's tabs
        'Fel: SN.xlsx › Utvecklingsgrupp!B2: "Ordf." är inget giltigt värde i kolumnen "Roll". Välj '
        '"Ordförande", "Vice ordförande", "Opposition", "Förvaltningens ledningsgrupp", '
        '"Processtöd" eller "Övrig".',
        'Fel: SN.xlsx › Kunder!C3: Kolumnen "Behov" är tom. Beskriv vilket behov kunden har.',
        "Fel: SN.xlsx › Beroenden!B2: Nämndkoden XYZ finns inte i kommunens register. Använd en av "
        "BUN, KS, KTN, MBN, SN.",
        'Fel: SN.xlsx › Verksamhetsidé!B3: Datumet "den nionde" kan inte läsas. Skriv det som '
        "ÅÅÅÅ-MM-DD, till exempel 2021-10-07.",
        'Fel: SN.xlsx › Förslag till beslut!A3: "två" är inget heltal. Skriv ett heltal i kolumnen "Nr".',
        "Fel: SN.xlsx: Byggdes inte på grund av felen ovan.",
    ]
    assert sorted(p.name for p in (workdir / "build").iterdir() if not p.name.startswith(".")) == [
        "BUN", "KS", "KTN", "MBN", "avrapportering.docx", "bilaga-avrapportering.docx",
        "index.html", "intranat.docx", "intranat.html", "kommunovergripande.pptx", "manifest.json",
        "tidplan.ics"]


def test_kontrollera_writes_nothing_and_reports(runner, workdir):
    datum = find_row(workdir / "inputs/BUN.xlsx", "Grunduppgifter", 1, "Datum för tjänsteskrivelsen")
    edit(workdir / "inputs/BUN.xlsx", {"Grunduppgifter": {f"B{datum}": "snart"}})
    result = runner.invoke(main, ["kontrollera"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f'Fel: BUN.xlsx › Grunduppgifter!B{datum}: Datumet "snart" kan inte läsas. Skriv det som ÅÅÅÅ-MM-DD, '
        "till exempel 2021-10-07.",
        "Kontrollerade 6 arbetsböcker: 1 fel.",
    ]
    assert not (workdir / "build").exists()


def test_kontrollera_is_clean_on_the_examples(runner, workdir):
    result = runner.invoke(main, ["kontrollera"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, "Kontrollerade 6 arbetsböcker: inga problem.\n")


def test_kontrollera_catches_a_misspelled_name_in_a_template(runner, workdir):
    templates = workdir / "templates"
    templates.mkdir()
    document = docx.Document(ROOT / "templates/beslutsunderlag.docx")
    document.add_paragraph("{{ kommun.vison }}")
    document.save(templates / "beslutsunderlag.docx")
    result = runner.invoke(main, ["kontrollera"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        'Fel: beslutsunderlag.docx: Mallen beslutsunderlag.docx, brödtext, vid texten '
        '"{{ kommun.vison }}": namnet "vison" finns inte i underlaget. Rätta stavningen i mallen; '
        "namnen listas i README under Mallar."
    )


def test_kontrollera_names_the_slide_and_shape_of_a_misspelled_name_in_a_deck(runner, workdir):
    from pptx import Presentation

    templates = workdir / "templates"
    templates.mkdir()
    prs = Presentation(ROOT / "templates/avstamning.pptx")
    nr, shape = next((nr, shape) for nr, slide in enumerate(prs.slides, start=1)
                     for shape in slide.shapes  # the verksamhetsidé slide's formulation
                     if shape.has_text_frame and shape.text_frame.text == "{{ ide.formulering }}")
    shape.text_frame.paragraphs[0].runs[0].text = "{{ ide.formulerng }}"
    prs.save(templates / "avstamning.pptx")
    result = runner.invoke(main, ["kontrollera"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f'Fel: avstamning.pptx: Mallen avstamning.pptx, bild {nr}, formen "{shape.name}": namnet '
        '"formulerng" finns inte i underlaget. Rätta stavningen i mallen; namnen listas i README '
        "under Mallar.",
        "Kontrollerade 6 arbetsböcker: 1 fel.",
    ]


def test_arbetsbok_writes_a_prefilled_blank_and_never_overwrites(runner, workdir):
    result = runner.invoke(main, ["arbetsbok", "sn", "-o", "ny.xlsx"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, "Skrev ny.xlsx\n")
    ws = load_workbook(workdir / "ny.xlsx")["Grunduppgifter"]
    assert [ws["B2"].value, ws["B3"].value, ws["B4"].value] == [
        "SN", "Socialnämnden", "Socialförvaltningen"]
    again = runner.invoke(main, ["arbetsbok", "SN", "-o", "ny.xlsx"])
    assert (again.exit_code, again.output) == (
        1, "Fel: Filen ny.xlsx finns redan och skrivs inte över. Välj ett annat namn med -o, "
           "eller använd --ersatt.\n")


def test_arbetsbok_refuses_a_code_the_register_lacks(runner, workdir):
    result = runner.invoke(main, ["arbetsbok", "XN"])
    assert (result.exit_code, result.output) == (
        1, "Fel: Nämndkoden XN finns inte i kommunarbetsbokens register i inputs. Använd en av "
           "KS, SN, BUN, KTN, MBN, eller lägg till nämnden i fliken Nämnder.\n")


def test_usage_errors_exit_2_with_a_swedish_message(runner):
    result = runner.invoke(main, ["arbetsbok"])
    assert (result.exit_code, result.output) == (2, (
        "Användning: underlag arbetsbok [FLAGGOR] KOD\n"
        "Skriv 'underlag arbetsbok --help' för hjälp.\n\n"
        "Fel: Saknar argumentet 'KOD'.\n"))
    assert runner.invoke(main, ["bygg", "--okänd"]).exit_code == 2


def test_a_missing_inputs_folder_is_a_clear_message(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["bygg"])
    assert (result.exit_code, result.output) == (
        1, "Fel: Mappen inputs finns inte. Ange mappen med arbetsböckerna med --inputs, eller "
           "skapa en arbetsmapp med underlag ny.\n")


def test_ny_starts_a_working_folder_that_builds(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["ny", "arbete", "--exempel"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "arbete/templates/beslutsunderlag.docx").exists()
    assert "underlag bygg" in (tmp_path / "arbete/LÄSMIG.txt").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path / "arbete")
    built = runner.invoke(main, ["bygg"], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    again = runner.invoke(main, ["ny", str(tmp_path / "arbete")])
    assert again.exit_code == 1


def test_python_m_pipeline_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    assert result.stdout.startswith("Användning: underlag")


def test_help_and_an_unchanged_rebuild_import_no_office_library(inputs, tmp_path):
    build = tmp_path / "build"
    CliRunner().invoke(main, ["bygg", "--inputs", str(inputs), "--build", str(build)],
                       catch_exceptions=False)
    probe = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "for args in (['--help'], ['bygg', '--inputs', sys.argv[1], '--build', sys.argv[2]]):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted({'pptx', 'docx', 'docxtpl', 'openpyxl', 'lxml', 'babel'} & sys.modules.keys())\n"
        "print('heavy:', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(inputs), str(build)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "Inget har ändrats sedan förra bygget" in done.stdout
    assert done.stdout.splitlines()[-1] == "heavy: []"

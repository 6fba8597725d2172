"""A broken or restyled template in a build: reported with every other problem, and what could
be built is built; `kontrollera` names the template's own slides."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from pipeline.cli import main
from tests.conftest import ROOT, edit


@pytest.fixture
def workdir(workdir):
    """The CLI's working folder, with a templates/ folder for restyled templates."""
    (workdir / "templates").mkdir()
    return workdir


def broken_word_template(workdir) -> None:
    document = docx.Document(ROOT / "templates/beslutsunderlag.docx")
    document.add_paragraph("{{ kommun.vison }}")
    document.save(workdir / "templates/beslutsunderlag.docx")


def test_a_broken_word_template_is_reported_with_the_inputs_problems_and_decks_are_built(
        runner, workdir):
    broken_word_template(workdir)
    edit(workdir / "inputs/SN.xlsx", {"Kunder": {"A2": None}})
    result = runner.invoke(main, ["bygg"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    word_error = ('Fel: beslutsunderlag.docx: Mallen beslutsunderlag.docx, brödtext, vid texten '
                  '"{{ kommun.vison }}": namnet "vison" finns inte i underlaget. Rätta stavningen '
                  "i mallen; namnen listas i README under Mallar.")
    assert lines.count(word_error) == 1  # once, not once per nämnd
    assert any(line.startswith("Fel: SN.xlsx › Kunder!A2") for line in lines)
    build = workdir / "build"
    assert sorted(p.name for p in build.rglob("*.docx")) == [  # bilaga 1 has its own template
        "avrapportering.docx", *(f"bilaga-1-{k}.docx" for k in ("BUN", "KS", "KTN", "MBN")),
        "bilaga-avrapportering.docx", "intranat.docx"]
    assert sorted(p.name for p in build.rglob("*.pptx")
                  if not p.name.startswith("arbetsmaterial-")) == [
        "avstamning-BUN.pptx", "avstamning-KS.pptx", "avstamning-KTN.pptx",
        "avstamning-MBN.pptx", "kommunovergripande.pptx"]
    assert lines[-2:] == ["Klart: 0 beslutsunderlag, 4 bilagor, 1 avrapportering med bilaga, 1 "
                          "intranätstext med webbsida, 5 presentationer, 12 arbetsmaterial och "
                          "5 kalenderfiler, 2 fel.",
                          f"Översikt: {Path('build', 'index.html')}"]


def test_a_fixed_template_is_built_on_the_next_run(runner, workdir):
    broken_word_template(workdir)
    assert runner.invoke(main, ["bygg"]).exit_code == 1
    (workdir / "templates/beslutsunderlag.docx").unlink()  # back to the standard template
    again = runner.invoke(main, ["bygg"])
    assert again.exit_code == 0, again.output
    assert len(list((workdir / "build").rglob("beslutsunderlag-*.docx"))) == 5


def test_a_broken_deck_template_leaves_the_other_outputs_built(runner, workdir):
    prs = Presentation(ROOT / "templates/avstamning.pptx")
    idea = next(sh for s in prs.slides for sh in s.shapes if sh.has_text_frame
                and sh.text_frame.text == "{{ ide.formulering }}")
    idea.text_frame.paragraphs[0].runs[0].text = "{{ ide.formulering "
    prs.save(workdir / "templates/avstamning.pptx")
    result = runner.invoke(main, ["bygg"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines()
              if line.startswith("Fel: avstamning.pptx")]
    assert len(errors) == 1
    number = 1 + next(i for i, s in enumerate(prs.slides) if any(
        sh._element is idea._element for sh in s.shapes))  # the template's own slide
    assert errors[0].startswith(
        f'Fel: avstamning.pptx: Mallen avstamning.pptx, bild {number}, formen "Fråga": felaktig '
        'tagg: en tagg slutar inte i samma stycke som den börjar')
    build = workdir / "build"
    assert len(list(build.rglob("beslutsunderlag-*.docx"))) == 5
    assert (build / "kommunovergripande.pptx").is_file()
    assert not list(build.rglob("avstamning-*.pptx"))


def test_kontrollera_names_the_templates_slide_not_the_rendered_decks(runner, workdir):
    prs = Presentation(ROOT / "templates/avstamning.pptx")
    titles = [s.shapes.title.text if s.shapes.title else "" for s in prs.slides]
    number = titles.index("Kommande möten") + 1  # after the dialogue's slides, when rendered
    prs.slides[number - 1].shapes.title.text_frame.text = ""
    prs.save(workdir / "templates/avstamning.pptx")
    result = runner.invoke(main, ["kontrollera"])
    warnings = [line for line in result.output.splitlines()
                if line.startswith("Varning: avstamning.pptx") and "rubrik" in line.lower()]
    assert warnings and all(f"mallens bild {number}" in line for line in warnings), result.output


def test_a_ten_thousand_character_verksamhetside_builds_in_bounded_time(workdir):
    text = ("Kommunstyrelsen leder, samordnar och följer upp kommunens verksamheter så att "
            "invånarna får god service. " * 100)[:10_000]
    edit(workdir / "inputs/KS.xlsx", {"Verksamhetsidé": {"D4": text}})
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pipeline", "bygg"], cwd=workdir,
                            capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 120
    assert result.returncode == 0, result.stderr
    assert "Verksamhetsidé!D4" in result.stdout  # the warning names the cell
    deck = Presentation(workdir / "build/KS/avstamning-KS.pptx")
    assert len(deck.slides) < 30


def test_kontrollera_warns_of_a_long_verksamhetside_with_its_cell(runner, workdir):
    # the latest version, dated before the last avstämning: the one the decks for it show
    edit(workdir / "inputs/KS.xlsx", {"Verksamhetsidé": {"D4": "Kommunstyrelsen leder. " * 390,
                                                         "B4": dt.date(2021, 12, 1)}})
    result = runner.invoke(main, ["kontrollera"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "Varning: KS.xlsx › Verksamhetsidé!D4: Formuleringen är 8\N{NO-BREAK SPACE}969 tecken "
        "lång; en verksamhetsidé är en mening eller två. I presentationerna kan en så lång text "
        "behöva flera bilder och förkortas. Korta formuleringen.")
    shipped = Presentation(ROOT / "templates" / "kommunovergripande.pptx")
    number = next(i for i, slide in enumerate(shipped.slides, start=1) for sh in slide.shapes
                  if sh.name == "Verksamhetsidé")  # the slide of each nämnd
    assert (f'Varning: kommunovergripande.pptx: Mallens bild {number}, formen "Verksamhetsidé": '
            "texten får inte plats på 2 bilder ens med 16 punkter och förkortas i presentationen. "
            "Korta texten i arbetsboken, eller gör formen större i mallen."
            ) in result.output.splitlines()

"""The `underlag` command: thin click commands that call one library function each."""

from __future__ import annotations

from pathlib import Path

import click

from . import clisv, console
from .diagnostics import UnderlagError

clisv.install()

FOLDER = click.Path(file_okay=False, path_type=Path)
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
COMMAND = {"options_metavar": "[FLAGGOR]"}

inputs_option = click.option("--inputs", "inputs_dir", type=FOLDER, default=Path("inputs"),
                             show_default=True, help="Mappen med arbetsböckerna.")
build_option = click.option("--build", "build_dir", type=FOLDER, default=Path("build"),
                            show_default=True, help="Mappen där dokumenten skrivs.")
built_option = click.option("--build", "build_dir", type=FOLDER, default=Path("build"),
                            show_default=True, help="Mappen med de byggda dokumenten.")
templates_option = click.option(
    "--templates", "templates_dir", type=FOLDER, default=Path("templates"), show_default=True,
    help="Egna mallar; saknas en mall används standardmallen.")


class Underlag(click.Group):
    """The command group; before any command runs, no character can make the output fail."""

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003 - click's signature
        console.never_fail()
        return super().main(*args, **kwargs)


@click.group("underlag", cls=Underlag, context_settings=CONTEXT,
             subcommand_metavar="KOMMANDO [ARGUMENT]...", **COMMAND)
@click.version_option(package_name="underlag", message="underlag %(version)s")
def main() -> None:
    """Underlag för nämndernas verksamhetsidé: arbetsböcker in, Word och PowerPoint ut.

    \b
    Arbetsgång:
      underlag ny verksamhetside         skapa en arbetsmapp med en kommunarbetsbok att fylla i
      underlag arbetsbok SN -o SN.xlsx   ge utvecklingsgruppen en tom arbetsbok
      underlag kontrollera               visa alla fel i inputs/ utan att skriva något
      underlag bygg                      skriv beslutsunderlagen till build/
    """


def _documents(report) -> str:
    from .produce.summary import documents

    return documents(report.written, report.outputs, report.failed)


@main.command(**COMMAND)
@inputs_option
@build_option
@templates_option
@click.option("--pdf", is_flag=True,
              help="Skriv också en tillgänglig PDF bredvid varje dokument (kräver LibreOffice).")
@click.option("--alla", is_flag=True,
              help="Bygg om allt, även det som inte har ändrats sedan förra bygget.")
@click.option("--mote", metavar="ÅÅÅÅ-MM-DD", callback=lambda ctx, param, value: _date(value),
              help="Mötet som presentationerna görs för: datumet för en gemensam milstolpe i "
                   "kommunarbetsboken. Utan flaggan: nästa milstolpe från i dag, och när alla "
                   "har passerat den sista.")
def bygg(inputs_dir: Path, build_dir: Path, templates_dir: Path, pdf: bool, alla: bool,
         mote) -> None:
    """Läs arbetsböckerna och skriv varje nämnds beslutsunderlag och avstämningspresentation,
    och den kommunövergripande presentationen.

    En arbetsbok med fel byggs inte, men alla andra byggs. Alla fel visas på en gång,
    med fil, flik och cell. Slutkoden är 0 när allt byggdes och 1 när något har fel.
    Bara det som har ändrats sedan förra bygget görs om; --alla gör om allt.

    \b
    Exempel:
      underlag bygg
      underlag bygg --pdf
      underlag bygg --mote 2021-12-09
      underlag bygg --inputs H:/verksamhetside/inputs --build H:/verksamhetside/build
    """
    from .produce import produce

    with console.Progress("PDF", build_dir) as made:
        report = produce(inputs_dir, build_dir, templates_dir, pdf=pdf, force=alla,
                         progress=console.bar, pdf_progress=made, mote=mote)
    console.show(report.lines())
    if report.nothing_changed:
        click.echo(f"Inget har ändrats sedan förra bygget; {len(report.unchanged)} dokument i "
                   f"{build_dir} är aktuella.")
    else:
        for path in report.written:
            click.echo(f"Skrev {path}")
        same = f", {len(report.unchanged)} oförändrade" if report.unchanged else ""
        click.echo(f"Klart: {_documents(report)}{same}, {console.summary(*report.counts())}.")
    console.show_overview(build_dir)
    raise SystemExit(report.exit_code)


def _date(value: str | None):
    """Return an option's ÅÅÅÅ-MM-DD date, or refuse it in Swedish."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value} är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till "
                                 "exempel 2021-12-09.") from None


@main.command(**COMMAND)
@inputs_option
@templates_option
@click.option("--mote", metavar="ÅÅÅÅ-MM-DD", callback=lambda ctx, param, value: _date(value),
              help="Kontrollera som inför ett möte: det som ska vara klart till det datumet "
                   "(en gemensam milstolpe i kommunarbetsboken), och mötets presentationer. "
                   "Utan flaggan: det som ska vara klart i dag.")
def kontrollera(inputs_dir: Path, templates_dir: Path, mote) -> None:
    """Läs och kontrollera allt i inputs/ och mallarna, och visa varje problem. Skriver inget.

    Det som ännu inte ska vara klart är inget problem: en tom flik nämns först när den
    skulle ha varit ifylld, och varje nämnd får veta vad som ska vara klart till nästa möte.

    \b
    Exempel:
      underlag kontrollera
      underlag kontrollera --mote 2021-10-07
      underlag kontrollera --inputs inkomna/
    """
    from .produce.template_check import check

    books, problems = check(inputs_dir, templates_dir, mote)
    console.show_problems(problems)
    click.echo(f"Kontrollerade {books} {'arbetsbok' if books == 1 else 'arbetsböcker'}: "
               f"{console.summary(*console.counts(problems))}.")
    raise SystemExit(1 if any(p.is_error for p in problems) else 0)


@main.command(**COMMAND)
@click.argument("kod")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Filen som skrivs. Standard: arbetsbok-KOD.xlsx.")
@click.option("--inputs", "inputs_dir", type=FOLDER, default=Path("inputs"), show_default=True,
              help="Hämta nämndens namn och förvaltning från kommunarbetsboken här.")
@click.option("--ersatt", is_flag=True, help="Skriv över filen om den redan finns.")
def arbetsbok(kod: str, output: Path | None, inputs_dir: Path, ersatt: bool) -> None:
    """Skriv en tom arbetsbok för en nämnd, att ge till utvecklingsgruppen.

    \b
    Exempel:
      underlag arbetsbok SN
      underlag arbetsbok BUN -o BUN.xlsx
    """
    from .blank import write_blank

    path = write_blank(kod, output, inputs_dir, replace=ersatt)
    click.echo(f"Skrev {path}")


@main.command(**COMMAND)
@click.argument("mapp", type=FOLDER)
@click.option("--exempel", is_flag=True,
              help="Skapa exemplet i stället: en ifylld kommunarbetsbok, fem nämnders "
                   "arbetsböcker och exemplets logotyp.")
def ny(mapp: Path, exempel: bool) -> None:
    """Skapa en arbetsmapp: inputs/ med en kommunarbetsbok att fylla i, templates/ med mallar,
    en guide (LÄSMIG.txt).

    Kommunarbetsboken har planeringens gemensamma milstolpar som förslag och är annars tom.
    Kommunens logotyp läggs i templates/ som logotyp.png eller logotyp.svg.

    \b
    Exempel:
      underlag ny verksamhetside
      cd verksamhetside; underlag arbetsbok SN -o inputs/SN.xlsx
      underlag ny prova --exempel; cd prova; underlag bygg
    """
    from .blank import new_folder, next_step

    for path in new_folder(mapp, examples=exempel):
        click.echo(f"Skrev {path}")
    click.echo(next_step(mapp, examples=exempel))


@main.command(**COMMAND)
@inputs_option
@build_option
@templates_option
@click.option("--logg", "log_file", metavar="FIL", type=click.Path(dir_okay=False, path_type=Path),
              help="Skriv också varje rad, med datum och tid, sist i den här filen.")
def bevaka(inputs_dir: Path, build_dir: Path, templates_dir: Path, log_file: Path | None) -> None:
    """Bygg automatiskt om när en arbetsbok eller en mall ändras. Avsluta med Ctrl+C.

    En fil som kopieras in läses först när den har kopierats färdigt. En trasig fil ger
    ett meddelande, och bevakningen fortsätter. Office egna lås- och tillfälliga filer
    (~$SN.xlsx, *.tmp) bygger inte om; en arbetsbok som är öppen i Excel läses som den
    senast sparades. Översiktssidan kan uppdatera sig själv medan bevakningen körs.

    \b
    Exempel:
      underlag bevaka
      underlag bevaka --logg bevaka.log
    """
    from .produce import produce
    from .watch import guarded, logged, timestamp, watch

    def once(reason: str) -> None:
        report = produce(inputs_dir, build_dir, templates_dir, watching=True)
        click.echo(f"{timestamp()} {reason}: {_documents(report)} byggda, "
                   f"{len(report.unchanged)} oförändrade, {console.summary(*report.counts())}.")
        console.show(report.lines())
        console.show_overview(build_dir)

    with logged(log_file):
        watch(guarded(once, click.echo), [inputs_dir, templates_dir], echo=click.echo)


@main.command(**COMMAND)
@built_option
def tillganglighet(build_dir: Path) -> None:
    """Kontrollera att de byggda dokumenten är tillgängliga enligt DOS-lagen.

    Titel, författare och språk, rubriknivåer, rubrikrader i tabeller, alternativtext,
    en unik rubrik på varje bild och kontrast i texten. PDF-filerna ska vara PDF/A-2
    (arkivformat), taggade, med inbäddade typsnitt, titel och språket sv-SE. Varje brist
    visas med dokument, sida eller bild och vad som ska ändras.

    \b
    Exempel:
      underlag bygg --pdf; underlag tillganglighet
    """
    from .produce.template_check import check_accessibility

    problems = check_accessibility(build_dir)
    console.show_problems(problems)
    click.echo(f"Tillgänglighet: {len(problems) or 'inga'} "
               f"{'brist' if len(problems) == 1 else 'brister'}.")
    raise SystemExit(1 if problems else 0)


@main.command(**COMMAND)
@built_option
@click.option("--ut", "out_dir", type=FOLDER, default=None,
              help="Mappen för bilderna. Standard: BUILD/bilder.")
def bilder(build_dir: Path, out_dir: Path | None) -> None:
    """Gör en PNG-bild av översiktssidan och av varje sida och bild i de byggda dokumenten, för
    granskning.

    Kräver LibreOffice och pdftoppm (poppler) för dokumenten och Chromium, Google Chrome
    eller Microsoft Edge för översiktssidan.

    \b
    Exempel:
      underlag bygg; underlag bilder
    """
    from .produce.pdf import pictures
    from .produce.screenshot import INSTALL, chromium, screenshot
    from .produce.template_check import documents_in

    if not build_dir.is_dir():
        raise UnderlagError(f"Mappen {build_dir} finns inte. Kör underlag bygg först.")
    out = out_dir or build_dir / "bilder"
    page = build_dir / "index.html"
    if not page.is_file():
        click.echo(f"Varning: Ingen bild av översiktssidan: {page} finns inte. Kör underlag "
                   "bygg först.")
    elif chromium() is None:
        click.echo(f"Varning: {INSTALL}")
    else:
        click.echo(f"Skrev en bild av översiktssidan till {screenshot(page, out / 'oversikt.png')}")
    with console.Progress("Bilder", build_dir) as pictured:
        pages = pictures(documents_in(build_dir), out, progress=pictured)
    click.echo(f"Skrev {len(pages)} bilder till {out}")


@main.command(name="format", **COMMAND)
def format_() -> None:
    """Visa arbetsböckernas format: flikar, kolumner och vad som måste fyllas i.

    \b
    Exempel:
      underlag format > format.md
    """
    from .read.formatdoc import format_markdown

    click.echo(format_markdown(), nl=False)



def _loaded(inputs_dir: Path):
    """Read the inputs; show the errors of workbooks that are left out."""
    from .domain.inputs import load

    inputs = load(inputs_dir)
    console.show_problems([p for p in inputs.diagnostics if p.is_error])
    if inputs.has_errors:
        click.echo("Arbetsböcker med fel tas inte med. Rätta dem och kör igen.")
    return inputs


@main.command(**COMMAND)
@inputs_option
@click.option("--namn", "namn", default=None,
              help="Namn på ögonblicksbilden; dagens datum sätts först. Standard: bara datumet.")
def arkivera(inputs_dir: Path, namn: str | None) -> None:
    """Spara en ögonblicksbild av varje nämnds arbetsbok i arkiv/ bredvid inputs/.

    En ögonblicksbild skrivs aldrig över och ligger kvar när build/ tas bort.
    Se vad som har ändrats sedan dess med underlag andringar.

    \b
    Exempel:
      underlag arkivera
      underlag arkivera --namn "före nämndsmötet"
    """
    import datetime as dt

    from .domain.snapshot import archive, on_demand_name

    inputs = _loaded(inputs_dir)
    namnder = inputs.namnder
    if not namnder:
        raise UnderlagError(f"Ingen nämnd i {inputs_dir} kan arkiveras. Kör underlag kontrollera.")
    folder = archive(inputs_dir, namnder, on_demand_name(dt.date.today(), namn))
    for namnd in namnder:
        click.echo(f"Skrev {folder / f'{namnd.kod}.json'}")
    raise SystemExit(1 if inputs.has_errors else 0)


@main.command(**COMMAND)
@click.argument("kod", required=False)
@inputs_option
@click.option("--sedan", "sedan", default=None,
              help="Jämför med ögonblicksbilden med detta namn (början räcker, till exempel "
                   "datumet). Standard: den senaste.")
def andringar(kod: str | None, inputs_dir: Path, sedan: str | None) -> None:
    """Visa vad som har ändrats i arbetsböckerna sedan en ögonblicksbild i arkiv/.

    Rader som har lagts till, tagits bort eller ändrats, flik för flik, och hur
    verksamhetsidéns formulering har ändrats: [-borttaget-] {+tillagt+}.

    \b
    Exempel:
      underlag andringar
      underlag andringar SN --sedan 2021-10-07
    """
    from .domain.changes import changes, describe
    from .domain.snapshot import snapshot_names

    if not snapshot_names(inputs_dir):
        click.echo("Inga ögonblicksbilder finns ännu. Skapa en med underlag arkivera.")
        raise SystemExit(0)
    inputs = _loaded(inputs_dir)
    namnder = inputs.namnder
    if kod is not None:
        namnder = [n for n in namnder if n.kod.casefold() == kod.casefold()]
        if not namnder:
            raise UnderlagError(f"Nämnden {kod} finns inte i {inputs_dir} eller har fel. "
                                "Kör underlag kontrollera.")
    found = changes(inputs_dir, namnder, sedan)
    for namnd in namnder:
        if namnd.kod not in found:
            click.echo(f"{namnd.kod} {namnd.namn}: finns inte i ögonblicksbilden.")
            continue
        c = found[namnd.kod]
        click.echo(f"{namnd.kod} {namnd.namn}, sedan {c.since}:")
        for line in describe(c):
            click.echo(f"  {line}")
    raise SystemExit(1 if inputs.has_errors else 0)


__all__ = ["main", "UnderlagError"]

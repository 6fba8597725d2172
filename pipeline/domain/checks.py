"""Checks that need the whole picture: one nämnd's content and the kommun's register."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from .. import model as m
from .. import svenska
from ..read import schema
from ..read.workbook import EMPTY, ReadResult
from . import faser, tidplan

S = schema


def check_kommun(result: ReadResult) -> None:
    """Check the kommun workbook's register and format version."""
    kommun = result.value
    if not isinstance(kommun, m.Kommun):
        return
    sheet = S.KOMMUN.sheet("Nämnder")
    counts = Counter(n.kod for n in kommun.namnder)
    for i, ref in enumerate(kommun.namnder):
        if counts[ref.kod] > 1:
            result.add(f"Nämndkoden {ref.kod} finns på flera rader. Varje nämnd ska ha en egen kod.",
                       sheet.name, result.located.cell(sheet, i, "kod"))
    _check_dialogfragor(result, kommun)
    _check_avrapportering(result, kommun)


def _check_dialogfragor(result: ReadResult, kommun: m.Kommun) -> None:
    """Warn about a discussion question or a programme item whose date is no joint
    milestone's: no deck for a meeting shows it."""
    if any(d.is_error and d.sheet == "Milstolpar" for d in result.diagnostics):
        return  # a milestone with an error was left out; its questions would seem astray
    dates = sorted({s.datum for s in kommun.milstolpar})
    named = svenska.lista([svenska.datum(d) for d in dates])
    where = (f"datumet för en gemensam milstolpe i fliken Milstolpar ({named})" if dates
             else "datumet för en gemensam milstolpe: fliken Milstolpar har inga milstolpar")
    for name, rows, what in (("Dialogfrågor", kommun.dialogfragor, "Frågan"),
                             ("Program", kommun.program, "Punkten")):
        sheet = S.KOMMUN.sheet(name)
        for i, row in enumerate(rows):
            if row.datum in dates:
                continue
            result.add(f"{what} gäller {svenska.datum(row.datum)}, som inte är {where}. "
                       f"{what} visas bara vid mötet med samma datum. Rätta datumet.",
                       sheet.name, result.located.cell(sheet, i, "datum"), warning=True)


_BILAGA = re.compile(r"\bbilaga\s+(\d+)\b", re.IGNORECASE)


def bilaga_refs(text: str) -> list[int]:
    """Return the bilagor a text refers to as "bilaga N" (any case), each once, in order."""
    return list(dict.fromkeys(int(nr) for nr in _BILAGA.findall(text)))


def _check_avrapportering(result: ReadResult, kommun: m.Kommun) -> None:
    """Warn, once the avrapportering is begun (a date, a diarienummer or decision points),
    about one without Förvaltningens bedömning (never generated) or without the
    förvaltningschef who signs it, and about a "bilaga N" in it other than its bilaga 1 (the
    nämnders' verksamhetsidéer and what they share)."""
    form, points = S.KOMMUN.sheet("Avrapportering"), S.KOMMUN.sheet("Avrapportering beslut")
    begun = bool(kommun.datum or kommun.diarienummer.strip() or kommun.beslutspunkter)
    if begun and not kommun.bedomning.strip():
        result.add("Förvaltningens bedömning saknas i avrapporteringen. Skriv den här; verktyget "
                   "skriver den aldrig, och avrapporteringen lämnar avsnittet utan den.",
                   form.name, result.located.fields.get("bedomning", ""), warning=True)
    if begun and not kommun.forvaltningschef.strip():
        result.add("Förvaltningschefen som undertecknar avrapporteringen saknas. Skriv namn och "
                   "titel, till exempel Maria Lind, kommunchef.", form.name,
                   result.located.fields.get("forvaltningschef", ""), warning=True)
    texts = [(points.name, result.located.cell(points, i, "text"), f"Beslutspunkt {p.nr}", p.text)
             for i, p in enumerate(kommun.beslutspunkter)]
    texts += [(form.name, result.located.fields.get(key, ""), f'"{form.column(key).header}"',
               getattr(kommun, key)) for key in ("sammanfattning", "bedomning")]
    for sheet, cell, what, text in texts:
        for nr in bilaga_refs(text):
            if nr == 1:
                continue
            result.add(f"{what} hänvisar till bilaga {nr}, som inte finns. Avrapporteringen har "
                       "bara bilaga 1 (nämndernas verksamhetsidéer och det de har gemensamt, som "
                       "underlag gör); nämndernas tjänsteskrivelser står under Beslutsunderlag. "
                       "Ta bort hänvisningen eller skriv vilken handling som avses.",
                       sheet, cell, warning=True)


def check_namnd(result: ReadResult, kommun: m.Kommun | None,
                today: dt.date | None = None) -> None:
    """Check one nämnd's workbook against itself and the kommun's register, and, as of
    `today`, what the phase model says is due by then and by the next milestone."""
    namnd = result.value
    if not isinstance(namnd, m.Namnd):
        return
    loc = result.located
    grund = S.GRUNDUPPGIFTER
    codes = {n.kod for n in kommun.namnder} if kommun else set()
    if kommun is not None:
        ref = kommun.namnd(namnd.kod)
        if ref is None:
            result.add(
                f"Nämndkoden {namnd.kod} finns inte i kommunarbetsbokens flik Nämnder. "
                f"Använd en av {', '.join(sorted(codes))}, eller lägg till nämnden i registret.",
                grund.name, loc.fields.get("kod", ""))
        elif svenska.folded(ref.namn) != svenska.folded(namnd.namn):
            result.add(f'Nämndens namn skiljer sig från registret, där det är "{ref.namn}".',
                       grund.name, loc.fields.get("namn", ""), warning=True)
    _check_group(result, namnd)
    _check_beroenden(result, namnd, codes)
    moment = today or dt.date.today()
    _check_ideer(result, namnd, kommun is None or S.BESLUT in faser.due(kommun, namnd, moment))
    _check_numbers(result, S.BESLUT, [p.nr for p in namnd.beslutspunkter], "nr",
                   "Beslutspunkt nummer {} finns flera gånger. Numrera punkterna 1, 2, 3 …")
    _check_moten(result, namnd)
    _check_bedomning(result, namnd)
    _check_bilagor(result, namnd)
    _check_beslut(result, namnd, moment)
    if kommun is not None:
        _check_dates(result, namnd, kommun)
        check_due(result, kommun, moment)


def check_due(result: ReadResult, kommun: m.Kommun, today: dt.date) -> None:
    """Say what a workbook lacks of what is due: an empty sheet whose stage was due by today,
    at its sheet, and what the next joint milestone needs that is still empty. A sheet whose
    stage comes later is not missing, and nothing is said of it."""
    namnd = result.value
    tables = [s for s in faser.staged() if not s.is_form]
    for sheet in tables:
        if sheet in faser.due(kommun, namnd, today) and faser.is_empty(namnd, sheet):
            result.add(f"{EMPTY} {sheet.empty_hint}", sheet.name, warning=True)
    coming = faser.next_milestone(kommun, today)
    if coming is None:
        return
    wanted = [s for s in tables if s in faser.due(kommun, namnd, coming.datum)
              and s not in faser.due(kommun, namnd, today) and faser.is_empty(namnd, s)]
    if wanted:
        names = svenska.lista([s.name for s in wanted])
        result.add(f"Till {coming.benamning.lower()} {svenska.datum(coming.datum)} ska "
                   f"{'fliken' if len(wanted) == 1 else 'flikarna'} {names} vara "
                   f"{'ifylld' if len(wanted) == 1 else 'ifyllda'}; "
                   f"{'den' if len(wanted) == 1 else 'de'} är ännu "
                   f"{'tom' if len(wanted) == 1 else 'tomma'}.", warning=True)


def _check_group(result: ReadResult, namnd: m.Namnd) -> None:
    sheet = S.UTVECKLINGSGRUPP
    if not namnd.medlemmar or any(d.is_error and d.sheet == sheet.name for d in result.diagnostics):
        return  # a row with an error was left out; counting roles now would mislead
    roles = Counter(member.roll for member in namnd.medlemmar)
    expected = (("Ordförande", 1, "en ordförande"), ("Vice ordförande", 1, "en vice ordförande"),
                ("Opposition", 2, "två representanter från oppositionen"))
    for roll, count, text in expected:
        if roles[roll] != count:
            result.add(
                f"Gruppen har {roles[roll]} med rollen {roll}; planeringen anger {text}.",
                sheet.name, warning=True)
    if not roles["Förvaltningens ledningsgrupp"]:
        result.add("Ingen från förvaltningens ledningsgrupp finns med; planeringen anger att "
                   "ledningsgruppen ingår i utvecklingsgruppen.", sheet.name, warning=True)
    if not roles["Processtöd"] and not namnd.processtod:
        result.add("Gruppen har inget processtöd. Skriv in processtödet med rollen Processtöd.",
                   sheet.name, warning=True)


def _check_beroenden(result: ReadResult, namnd: m.Namnd, codes: set[str]) -> None:
    sheet, loc = S.BEROENDEN, result.located
    for i, dep in enumerate(namnd.beroenden):
        if dep.typ == "Intern":
            cell = loc.cell(sheet, i, "namnd")
            if not dep.namnd:
                result.add('Kolumnen "Nämnd" är tom. Skriv koden för nämnden ni är beroende av, '
                           "till exempel BUN.", sheet.name, cell or loc.row(sheet, i))
            elif codes and dep.namnd not in codes:
                result.add(f"Nämndkoden {dep.namnd} finns inte i kommunens register. Använd en av "
                           f"{', '.join(sorted(codes))}.", sheet.name, cell)
            elif dep.namnd == namnd.kod:
                result.add("Ett internt beroende ska gälla en annan nämnd, inte den egna.",
                           sheet.name, cell, warning=True)
        elif not dep.intressent:
            result.add('Kolumnen "Intressent" är tom. Skriv vilken extern intressent beroendet '
                       "gäller.", sheet.name,
                       loc.cell(sheet, i, "intressent") or loc.row(sheet, i))


LONG_IDEA = 600  # characters: far beyond the one sentence a verksamhetsidé is


def _check_ideer(result: ReadResult, namnd: m.Namnd, decision_near: bool = True) -> None:
    """Check the formulations; that none is a proposal is said only once the nämnd heads for
    its decision (pass 5 due, or decision points written): before, drafts are the rule."""
    sheet = S.VERKSAMHETSIDE
    if (decision_near or namnd.beslutspunkter) and namnd.verksamhetsideer and not any(
        v.status == m.FORSLAG_TILL_BESLUT for v in namnd.verksamhetsideer
    ):
        chosen = namnd.verksamhetside
        result.add(f'Ingen formulering har status "{m.FORSLAG_TILL_BESLUT}". Version '
                   f"{chosen.version} används tills vidare.", sheet.name, warning=True)
    _check_numbers(result, sheet, [v.version for v in namnd.verksamhetsideer], "version",
                   "Version {} finns flera gånger. Ge varje formulering ett eget versionsnummer.")
    for i, idea in enumerate(namnd.verksamhetsideer):
        if len(idea.formulering) > LONG_IDEA:
            length = f"{len(idea.formulering):,}".replace(",", "\N{NO-BREAK SPACE}")
            result.add(
                f"Formuleringen är {length} tecken lång; en verksamhetsidé är en mening eller "
                "två. I presentationerna kan en så lång text behöva flera bilder och förkortas. "
                "Korta formuleringen.",
                sheet.name, result.located.cell(sheet, i, "formulering"), warning=True)


def _check_bedomning(result: ReadResult, namnd: m.Namnd) -> None:
    """Warn, once the nämnd heads for a decision, that the förvaltningschef who signs the memo
    is missing, or that Förvaltningens bedömning is empty: the memo then only says that it is
    missing, since the tool never writes it."""
    final = namnd.beslutspunkter or any(v.status == m.FORSLAG_TILL_BESLUT
                                        for v in namnd.verksamhetsideer)
    if final and not namnd.forvaltningschef.strip():
        result.add("Förvaltningschefen som undertecknar tjänsteskrivelsen saknas. Skriv namn och "
                   "titel, till exempel Eva Lind, socialchef.", S.GRUNDUPPGIFTER.name,
                   result.located.fields.get("forvaltningschef", ""), warning=True)
    if namnd.bedomning.strip() or not final:
        return
    result.add("Förvaltningens bedömning är tom. Tjänsteskrivelsen visar då bara att "
               "bedömningen saknas; underlag skriver den aldrig själv. Skriv förvaltningens "
               "egen, motiverade bedömning innan ärendet går till nämnden.",
               S.BEDOMNING.name, result.located.fields.get("bedomning", ""), warning=True)


def _check_beslut(result: ReadResult, namnd: m.Namnd, today: dt.date) -> None:
    """Check the decision as recorded from the minutes (sheet Nämndens beslut): a date, and
    with it the paragraph; none in the future; and say when a planned decision has passed
    without one, since the avrapportering then states the decision as planned."""
    sheet, fields = S.NAMNDENS_BESLUT, result.located.fields
    when = namnd.beslutad
    written = [key for key in ("paragraf", "antagen", "protokoll") if getattr(namnd, key).strip()]
    if when is None:
        if written:
            result.add("Fliken har uppgifter om beslutet men inget beslutsdatum. Skriv dagen då "
                       "nämnden fattade beslutet; utan den står beslutet som planerat.",
                       sheet.name, fields.get("beslutad", ""), warning=True)
        elif namnd.beslutsdatum is not None and namnd.beslutsdatum < today:
            result.add(f"Beslutet var planerat till {svenska.datum(namnd.beslutsdatum)}. När "
                       f"nämnden har beslutat: skriv in beslutet i fliken {sheet.name}, så att "
                       "avrapporteringen kan ange det. Till dess står det som planerat.",
                       S.GRUNDUPPGIFTER.name, fields.get("beslutsdatum", ""), warning=True)
        return
    if when > today:
        result.add(f"Beslutsdatumet {svenska.datum(when)} har inte kommit ännu. Skriv in beslutet "
                   "när nämnden har fattat det.", sheet.name, fields.get("beslutad", ""),
                   warning=True)
    if not namnd.paragraf.strip():
        result.add("Beslutet saknar paragraf. Skriv beslutets paragraf i protokollet, till "
                   "exempel § 14; avrapporteringen anger beslutet med datum och paragraf.",
                   sheet.name, fields.get("paragraf", ""), warning=True)
    if not namnd.antagen_formulering:
        result.add("Ett beslut är registrerat, men arbetsboken har ingen formulering av "
                   'verksamhetsidén. Skriv den antagna formuleringen under "Antagen formulering".',
                   sheet.name, fields.get("antagen", ""), warning=True)


def _check_bilagor(result: ReadResult, namnd: m.Namnd) -> None:
    """Warn about a "bilaga N" that is no document of the ärende: bilaga 1 is the group's
    material (the tool's), bilaga 2, 3 … the workbook's Övriga bilagor in their order."""
    loc, beslut = result.located, S.BESLUT
    ovriga = namnd.ovriga_bilagor
    texts = [(beslut.name, loc.cell(beslut, i, "text"), f"Beslutspunkt {p.nr}", p.text)
             for i, p in enumerate(namnd.beslutspunkter)]
    for sheet, key in ((S.GRUNDUPPGIFTER, "sammanfattning"), (S.BEDOMNING, "bedomning"),
                       (S.BEDOMNING, "ekonomi"), (S.BEDOMNING, "barnkonsekvenser")):
        texts.append((sheet.name, loc.fields.get(key, ""), f'"{sheet.column(key).header}"',
                      getattr(namnd, key)))
    own = "bilaga 1 (utvecklingsgruppens underlag, som underlag gör)"
    others = [f"bilaga {nr} ({titel})" for nr, titel in enumerate(ovriga, start=2)]
    existing = (f"Ärendet har {svenska.lista([own, *others])}" if others else
                f"Ärendet har bara {own}")
    column = S.GRUNDUPPGIFTER.column("bilagor").header
    for sheet, cell, what, text in texts:
        for nr in bilaga_refs(text):
            if 1 <= nr <= 1 + len(ovriga):
                continue
            result.add(f"{what} hänvisar till bilaga {nr}, som inte finns. {existing}. Skriv "
                       f'handlingen under "{column}" i fliken {S.GRUNDUPPGIFTER.name}, en per '
                       "rad, eller rätta hänvisningen.", sheet, cell, warning=True)


def _check_numbers(result: ReadResult, sheet: S.Sheet, numbers: list[int], key: str,
                   message: str) -> None:
    seen: dict[int, int] = {}
    for i, nr in enumerate(numbers):
        if nr in seen:
            result.add(message.format(nr), sheet.name, result.located.cell(sheet, i, key))
        seen.setdefault(nr, i)


def _check_moten(result: ReadResult, namnd: m.Namnd) -> None:
    sheet = S.TIDPLAN
    for i, mote in enumerate(namnd.moten):
        if mote.typ == m.PASS and mote.pass_nr is None:
            result.add('Kolumnen "Pass" är tom. Skriv passets nummer, 1–5.', sheet.name,
                       result.located.cell(sheet, i, "pass_nr") or result.located.row(sheet, i),
                       warning=True)
        if mote.start and mote.slut and mote.slut <= mote.start:
            result.add("Mötet slutar innan det börjar. Rätta klockslagen.", sheet.name,
                       result.located.cell(sheet, i, "slut"))


def _check_dates(result: ReadResult, namnd: m.Namnd, kommun: m.Kommun) -> None:
    """Warn about meetings outside their pass weeks, on days off, or outside the assignment."""
    sheet, loc = S.TIDPLAN, result.located
    year = min((s.datum.year for s in kommun.milstolpar), default=None)
    span = tidplan.window(kommun)
    for i, mote in enumerate(namnd.moten):
        cell = loc.cell(sheet, i, "datum")
        when = svenska.datum(mote.datum)
        period = tidplan.pass_period(mote.pass_nr) if mote.typ == m.PASS and mote.pass_nr else None
        if period and year is not None:
            label, first, last = period
            iso = mote.datum.isocalendar()
            inside = (iso.year == year and iso.week >= first and (last is None or iso.week <= last)
                      or (last is None and iso.year > year))
            if not inside:
                weeks = f"v. {first}–{last}" if last else f"v. {first} och framåt"
                result.add(f"{mote.namn} den {when} ligger i v. {iso.week}, utanför "
                           f"veckorna för {label.lower()} ({weeks}). Flytta mötet eller rätta "
                           "passets nummer.", sheet.name, cell, warning=True)
        day_off = tidplan.helgdag(mote.datum)
        if day_off:
            what = f"en {day_off}" if day_off in ("lördag", "söndag") else f"{day_off} (helgdag)"
            result.add(f"Mötet den {when} infaller på {what}. Kontrollera datumet.",
                       sheet.name, cell, warning=True)
        if span and not span[0] <= mote.datum <= span[1]:
            result.add(f"Mötet den {when} ligger utanför uppdragets tid, {svenska.datum(span[0])}–"
                       f"{svenska.datum(span[1])}. Kontrollera datumet.", sheet.name, cell,
                       warning=True)
    if any(d.is_error and d.sheet == sheet.name for d in result.diagnostics):
        return  # a meeting with an error was left out; "no meeting" now would mislead
    points = tidplan.avstamningar(kommun)
    for a, b in zip(points, points[1:], strict=False):
        if not any(a.datum < mote.datum < b.datum for mote in namnd.moten):
            result.add(f"Nämnden har inget möte mellan avstämningarna {svenska.datum(a.datum)} och "
                       f"{svenska.datum(b.datum)}. Planera in ett arbetspass däremellan.",
                       sheet.name, warning=True)


def check_duplicates(results: list[ReadResult]) -> None:
    """Report two workbooks for the same nämnd (or two kommun workbooks), naming both files."""
    groups: dict[str, list[ReadResult]] = defaultdict(list)
    for r in results:
        if isinstance(r.value, m.Namnd):
            groups[r.value.kod].append(r)
        elif isinstance(r.value, m.Kommun):
            groups[""].append(r)
    for kod, group in groups.items():
        if len(group) < 2:
            continue
        names = " och ".join(r.name for r in group)
        what = f"nämnden {kod}" if kod else "kommunen"
        for r in group:
            cell = r.located.fields.get("kod", "") if kod else ""
            sheet = S.GRUNDUPPGIFTER.name if kod else S.KOMMUN.sheets[0].name
            r.add(f"Det finns två arbetsböcker för {what}: {names}. Ta bort den som inte gäller.",
                  sheet, cell)

"""What each template sees, declared as one type per template: the contracts.

A context function returns one of these; its fields are the names the template may use, and
each field's `doc` is what README's table of names says about it (`names_markdown`). A test
reads every shipped template and fails on a name it uses that its contract lacks. A contract
is also a read-only mapping of its names, which is how the renderers hand it to Jinja.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

_NAMES: dict[type, tuple[str, ...]] = {}  # each contract's field names, read once


def doc(text: str) -> Any:
    """Return a contract field described for README's table of names."""
    return dataclasses.field(metadata={"doc": text})


@dataclasses.dataclass(frozen=True)
class Contract(Mapping):
    """The names one template sees, readable as a mapping (name -> value)."""

    def __getitem__(self, name: str) -> Any:
        if name in self._names():
            return getattr(self, name)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    @classmethod
    def _names(cls) -> tuple[str, ...]:
        names = _NAMES.get(cls)
        if names is None:
            names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
        return names

    @classmethod
    def of(cls, names: Mapping[str, Any]):
        """Return the contract holding these names: every field, and no other (TypeError)."""
        return cls(**dict(names))


# What several templates see alike, described once
KOMMUN = "`namn`, `vision`, `uppdrag`, `samordning`, `milstolpar`, `namnder`"
BESLUTSPUNKTER = "beslutspunkterna i nummerordning: `nr`, `text`"
VECKOSCHEMA = "ett eget stycke med bara `{{ veckoschema }}` blir veckoöversikten"
LOGOTYP = "bilderna som former med namnet `bild:…` får: `logotyp`"


@dataclasses.dataclass(frozen=True)
class NamndNamn(Contract):
    """The names every template about one nämnd sees."""

    kommun: Any = doc(KOMMUN)
    namnd: Any = doc(
        "`kod`, `namn`, `forvaltning`, `datum`, `diarienummer`, `handlaggare`, "
        "`forvaltningschef`, `processtod`, `beslutsdatum`, `sammanfattning`, `bedomning`, "
        "`ekonomi`, `barnkonsekvenser`, `ovriga_bilagor`, `medlemmar`, `ansvar`, `styrdokument`, "
        "`intentioner`, `kunder`, `utmaningar`, `endast_utmaningar`, `mojligheter`, `beroenden`, "
        "`synergier`, `verksamhetsideer`, `reflektioner`, `beslutspunkter`, `moten`, `mottagare`")
    titel: Any = doc("ärendemeningen")
    ide: Any = doc("verksamhetsidén som används: `formulering`, `datum`, `version`, `status`")
    beslutspunkter: Any = doc(BESLUTSPUNKTER)
    tidplan: Any = doc("milstolpar och nämndens möten i datumordning: `datum`, `tid`, "
                       "`aktivitet`, `plats`")
    reflektioner: Any = doc("pass 5: reflektionerna, `text`")
    nasta_steg: Any = doc("pass 5: nästa steg, `text`")
    bilaga_titel: Any = doc('bilaga 1:s titel, "Utvecklingsgruppens underlag och förslag till '
                            'verksamhetsidé"')
    beslutsunderlag: Any = doc("listan över beslutsunderlag: tjänsteskrivelsen, bilaga 1 och "
                               "övriga bilagor")


@dataclasses.dataclass(frozen=True)
class Tjansteskrivelse(NamndNamn):
    """The beslutsunderlag (the tjänsteskrivelse) and its bilaga 1."""

    veckoschema_forklaring: Any = doc("veckoöversiktens förklaring, byggd ur översikten")
    tidigare_versioner: Any = doc("formuleringarna före förslaget")
    bedomning_saknas: Any = doc("fliken där förvaltningens bedömning saknas, tom när den finns")
    forvaltningschef: Any = doc("underskriften: `namn` och `titel`")
    handlaggare: Any = doc("underskriften: `namn` och `titel`")
    gruppen: Any = doc("utvecklingsgruppen i en mening")
    processtod: Any = doc("processtödet, när gruppen inte redan nämner det")
    sammandrag: Any = doc("vad gruppens underlag i bilaga 1 beskriver, i en mening utan antal")
    genomforda: Any = doc("tidplanens rader till och med tjänsteskrivelsens datum")
    planerade: Any = doc("tidplanens rader efter tjänsteskrivelsens datum")
    planerat_beslut: Any = doc("det planerade beslutsdatumet, när det ligger efter "
                               "tjänsteskrivelsens datum")
    veckoschema: Any = doc(VECKOSCHEMA)


@dataclasses.dataclass(frozen=True)
class Avstamning(NamndNamn):
    """A nämnd's deck for a joint meeting."""

    veckoschema_forklaring: Any = doc("tidslinjens förklaring, med passen")
    versioner: Any = doc("verksamhetsidéns versioner")
    tidigare: Any = doc("versionerna före förslaget")
    kommande: Any = doc("tidplanens rader från mötets datum och framåt")
    utmaningar_forst: Any = doc("utmaningar före möjligheter")
    bilder: Any = doc(LOGOTYP)
    matriser: Any = doc("matriserna som former med namnet `matris:…` får: `tidslinje`")
    mote: Any = doc("mötet: `rubrik` (Avstämning 7 oktober 2021), `namn`, `benamning`, `datum`, "
                    "`datum_text`, `detaljer` (tid och plats), `start`, `slut`, `plats`, `fas` "
                    "(`uppstart`, `avstamning`, `slutlig`, `beslut` eller `ovrigt`)")
    agenda: Any = doc("mötets egna avsnitt med innehåll, i ordning, efter vad mötet är till för "
                      "(`mote.fas`): `nummer`, `rubrik`, `fraga`")
    avsnitt: Any = doc("samma per nyckel: `uppdraget`, `processen`, `begreppet`, `gruppen`, "
                       "`forslaget`, `vad`, `for_vem`, `utmaningar`, `beroenden`, `synergier`, "
                       "`verksamhetside`, `beslut`, `dialog`, `kvittens`, `tidplan`, `mer`")
    dialogfragor: Any = doc("mötets dialogfrågor: `nummer`, `antal`, `fraga`, `stod`")
    mer: Any = doc("tabellerna som står under Mer underlag, efter mötets egen del: `gruppen`, "
                   "`ansvar`, `styrdokument`, `intentioner`, `kunder`, `utmaningar`, "
                   "`beroenden`, `synergier`, `tidigare`, `tidslinje`")
    begrepp: Any = doc("Vad är en verksamhetsidé? De tre frågorna: `rubrik`, `text`")
    milstolpar: Any = doc("de gemensamma milstolparna i datumordning")
    vad_for_vem_varfor: Any = doc("förslaget läst mot nämndens underlag: `rubrik` (Vad, För "
                                  "vem, Varför) och `text` (ansvarsområden, kunder, värde)")
    senare: Any = doc("avsnitten som kommer senare i arbetet, tomma och inte klara till mötet: "
                      "`rubrik`, `nar` (\"formuleras under pass 3–4\")")


@dataclasses.dataclass(frozen=True)
class Arbetsmaterial(NamndNamn):
    """A nämnd's working material for one period of its passes (pass 1–2, 3–4 or 5)."""

    arbetspass: Any = doc("passen materialet är till för: `nyckel` (`1-2`, `3-4` eller `5`), "
                          "`rubrik` (Pass 1 och 2), `period` (Pass 1–2), `veckor` (v. 33–39), "
                          "`datum` (dagen materialet visar arbetsboken per: periodens sista "
                          "pass), `detaljer`, `moten` (nämndens pass i perioden: `namn`, "
                          "`datum`, `detaljer`)")
    bilder: Any = doc(LOGOTYP)
    avstamning: Any = doc("den första gemensamma avstämningen, som mötet i nämndens "
                          "presentation (tom utan en sådan milstolpe)")
    dialogfragor: Any = doc("avstämningens dialogfrågor: `nummer`, `antal`, `fraga`, `stod`")
    andras_synergier: Any = doc("synergierna andra nämnder har skrivit med nämnden: `namnd` "
                                "(den som skrev), `process`, `synergi`, `nasta_steg`")
    andras_beroenden: Any = doc("beroendena andra nämnder har skrivit till nämnden, sedda från "
                                "nämnden: `namnd`, `riktning` (Socialnämnden är beroende av "
                                "oss), `beskrivning`")
    gemensamma_kunder: Any = doc("kunderna nämnden delar med andra nämnder: `kund`, `av`")
    insikter: Any = doc("gruppens reflektioner och nästa steg till materialets dag (en utan "
                        "datum räknas till pass 5): `typ`, `text`, `datum`")
    versioner: Any = doc("verksamhetsidéns formuleringar hittills: `version`, `datum`, "
                         "`status`, `formulering`")
    vad_for_vem_varfor: Any = doc("gruppens underlag om vad, för vem och varför: `rubrik` och "
                                  "`text`")
    flikar: Any = doc("arbetsbokens flikar som passen fyller i: `flik`, `lage` (6 rader, "
                      "ifylld eller tom)")
    klar_till: Any = doc('när flikarna ska vara ifyllda: "gemensam avstämning 7 oktober 2021" '
                         "(tom när inget datum är känt)")
    saknas: Any = doc("det beslutsunderlaget ännu saknar: `rubrik`, `text`")
    kommande: Any = doc("tidplanens rader efter passen, med nämndens planerade beslut")


@dataclasses.dataclass(frozen=True)
class Kommunovergripande(Contract):
    """The deck of every nämnd together, for the joint meeting."""

    kommun: Any = doc(KOMMUN)
    mote: Any = doc("mötet, som i nämndens presentation")
    agenda: Any = doc("dagordningen: kommunens program för mötet (fliken Program) när det "
                      "finns, annars mötets egna delar: `nummer` (tid eller nummer), `rubrik`, "
                      "`fraga` (vem som leder punkten, eller vad delen svarar på)")
    agenda_rubrik: Any = doc("Dagordning när programmet har tider, annars Innehåll")
    avsnitt: Any = doc("mötets egna delar med innehåll, efter vad mötet är till för "
                       "(`mote.fas`), per nyckel: `uppdraget`, `styrmodell`, `begreppet`, "
                       "`processen`, `grupperna`, `ideer`, `namnderna`, `kunder`, `beroenden`, "
                       "`synergier`, `nasta_steg`, `dialog`, `kvittens`, `mer`; med `nummer`, "
                       "`rubrik`, `fraga`")
    mer: Any = doc("det som står under Mer underlag: `status`, `milstolpar`, `tidplan`, "
                   "`kunder`, `beroenden`, `externa`, `synergier`, `processteg`, `nasta_steg`")
    namnder: Any = doc(
        'per nämnd `kod`, `namn`, `formulering`, `kunder` (de första sex), `fler_kunder`, `ide` '
        '("Version 3 · Förslag till beslut", eller när den formuleras), `version` (tom utan '
        "formulering), `ide_datum` (\"Version 2, 9 december 2021\"), `ifyllt`, `paborjat`, "
        "`saknas` (av det som ska vara klart till mötet), `kommer` (det som kommer senare, med "
        "när), `nasta_mote` (nästa möte eller det planerade beslutet, det som kommer först), "
        "`beslut`, `klart` och `aterstar` (antal avsnitt klara och kvar till mötet), "
        "`vad_for_vem_varfor` (`rubrik`, `text`), `grupp` (antal i utvecklingsgruppen), "
        "`ordforande`, `processtod`, `antal_kunder`, `antal_beroenden`, `antal_synergier`, "
        "`status`")
    med_ide: Any = doc("nämnderna som har en formulering daterad till mötet")
    milstolpar: Any = doc("de gemensamma milstolparna i datumordning")
    veckoschema_forklaring: Any = doc("veckoöversiktens förklaring")
    gemensamma_kunder: Any = doc("`kund`, `namnder` med koder, `av` med namn")
    synergier: Any = doc("`process`, `namnder`, `externa`, `parter`, och `synergier` och "
                         "`nasta_steg` med `av` och `text` per rad")
    synergier_med_steg: Any = doc("de synergier som har nästa steg")
    externa: Any = doc("externa parter: `namn`, `namnder`, `av`")
    nasta_steg: Any = doc("varje nämnds nästa steg: `kod`, `namn`, `text`")
    steg_per_namnd: Any = doc("nästa steg per nämnd: `kod`, `namn`, `steg`")
    forkortningar: Any = doc("nämndkoderna: `av` koden, `namn`")
    dialogfragor: Any = doc("mötets dialogfrågor: `nummer`, `antal`, `fraga`, `stod`")
    begrepp: Any = doc("Vad är en verksamhetsidé? De tre frågorna: `rubrik`, `text`")
    kommande: Any = doc("det som kommer efter mötet: de gemensamma milstolparna och nämndernas "
                        "planerade beslut, `datum` och `text`")
    rubriker: Any = doc("rubriker räknade ur underlaget: `uppdraget`, `grupperna`, `ideer`, "
                        "`kunder`, `beroenden`, `synergier`, `status`, `lage`, `avslutning` "
                        "(de som underlaget ger)")
    diagram: Any = doc("diagrammen som former med namnet `diagram:…` får: `lage`")
    matriser: Any = doc("matriserna som former med namnet `matris:…` får: `beroenden`, "
                        "`tidplan`")
    bilder: Any = doc(LOGOTYP)


@dataclasses.dataclass(frozen=True)
class Avrapportering(Contract):
    """Kommunstyrelsen's avrapportering (a tjänsteskrivelse)."""

    kommun: Any = doc(KOMMUN)
    titel: Any = doc("ärendemeningen")
    bilaga_titel: Any = doc("bilaga 1:s titel")
    vision: Any = doc("visionen, tom när styrmodellens text redan nämner den")
    namnd: Any = doc("kommunstyrelsens namn")
    forvaltning: Any = doc("kommunstyrelsens förvaltning")
    beslutspunkter: Any = doc(BESLUTSPUNKTER)
    namnder: Any = doc("varje nämnd: `namn`, `formulering` (den antagna, annars förslaget), "
                       "`beslut_text` (Antagen 22 februari 2022, § 14, eller när beslutet är "
                       "planerat), `antagen`, `protokoll`")
    ideer_inledning: Any = doc("raden före tabellen över verksamhetsidéerna, efter hur "
                               "besluten står")
    kort: Any = doc("avrapporteringens korta meningar: `beslut`, `gemensamt`, `nasta_steg`")
    gemensamma_kunder: Any = doc("`vad` och `parter`")
    beroenden: Any = doc("`vad` och `parter`")
    synergier: Any = doc("`vad` och `parter`")
    externa: Any = doc("`vad` och `parter`")
    nasta_steg: Any = doc("`namnd`, `text`, `punkter`")
    milstolpar: Any = doc("de gemensamma milstolparna: `datum`, `tid`, `benamning`, `plats`")
    beslutsunderlag: Any = doc("listan över beslutsunderlag")
    underskrifter: Any = doc("`namn` och `titel`")


@dataclasses.dataclass(frozen=True)
class BilagaAvrapportering(Avrapportering):
    """Bilaga 1 of the avrapportering."""

    veckoschema: Any = doc(VECKOSCHEMA)
    veckoschema_forklaring: Any = doc("veckoöversiktens förklaring")
    liggande: Any = doc("sant när veckoöversikten behöver en liggande sida")


@dataclasses.dataclass(frozen=True)
class Intranat(Contract):
    """The intranet text at the October avstämning, for the communicator (Word) and to paste
    into the intranet (HTML)."""

    kommun: Any = doc(KOMMUN)
    titel: Any = doc("rubriken: kommunarbetsbokens (fliken Intranät), annars \"Arbetet med "
                     "nämndernas verksamhetsidéer – läget inför avstämningen 7 oktober\"")
    ingress: Any = doc("ingressen ur fliken Intranät, tom när den saknas")
    citat: Any = doc("citatet ur fliken Intranät, utan citattecken, tomt när det saknas")
    citat_av: Any = doc("vem som citeras, namn och titel")
    avstamning: Any = doc("den första gemensamma avstämningen efter uppstarten: `rubrik` "
                          "(Avstämningen 7 oktober), `nar` (datum, tid och plats), "
                          "`beskrivning` (tom utan en sådan milstolpe)")
    uppdrag: Any = doc("uppdragets stycken")
    vision: Any = doc("kommunens vision")
    samordning: Any = doc("hur uppdraget samordnas")
    lage_inledning: Any = doc("meningen före nämnderna: läget inför avstämningen")
    namnder: Any = doc("varje nämnd i registrets ordning som den stod på avstämningens dag: "
                       "`namn`, `text` (vad den har gjort, med namn och utan antal)")
    kunder: Any = doc("kunder som flera nämnder har, med nämnderna: en rad var")
    beroenden: Any = doc("vilka nämnder varje nämnd är beroende av: en mening var")
    processer: Any = doc("processer som går över nämndgränserna, med parterna: en rad var")
    nasta_steg: Any = doc("nästa del av arbetet efter avstämningen, med när den ska vara klar")
    kommande: Any = doc("det som kommer efter avstämningen: `datum`, `nar` (datum och tid), "
                        "`vad` (milstolpen, eller nämndernas planerade beslut)")
    om_texten: Any = doc("till kommunikatören: vad texten bygger på och vad som saknas")


@dataclasses.dataclass(frozen=True)
class Oversikt(Contract):
    """The overview page, build/index.html."""

    kommun: Any = doc("kommunen, när kommunarbetsboken kunde läsas")
    rubrik: Any = doc("sidans rubrik")
    byggd: Any = doc("när sidan byggdes, i ord")
    byggd_iso: Any = doc("samma, ÅÅÅÅ-MM-DDTHH:MM")
    idag: Any = doc("byggdagen")
    milstolpar: Any = doc("`datum`, `tid`, `benamning`, `plats`, `lage`, `nasta`")
    namnder: Any = doc("varje arbetsbok: `rubrik`, `fil`, `kod`, `namnd`, `byggd`, `fel`, "
                       "`varningar`, `avsnitt`, `ide`, `ifyllda`, `paborjade`, `saknade`, "
                       "`nasta_mote`, `dokument` (`text`, `href`, `kvar`: sant när filen var "
                       "öppen i ett annat program och är kvar från ett tidigare bygge), "
                       "`andringar`")
    olasbara: Any = doc("filer som inte kunde läsas som nämndens arbetsbok")
    kommunbocker: Any = doc("kommunarbetsböckerna med sina fel och varningar")
    allmanna: Any = doc("problem som inte hör till en arbetsbok")
    mallproblem: Any = doc("mallarnas problem")
    ej_ersatta: Any = doc("filerna som var öppna i ett annat program och inte kunde ersättas")
    antal_fel: Any = doc("antal fel")
    antal_varningar: Any = doc("antal varningar")
    gemensamt: Any = doc("länkarna till de gemensamma dokumenten: `text`, `href`, `kvar`")
    andringar: Any = doc("vad som har ändrats sedan den senaste ögonblicksbilden: `sedan`")
    bevakas: Any = doc("sant när `underlag bevaka` skrev sidan: den kan då uppdatera sig själv")


# Each shipped template and its contract, in README's order
CONTRACTS: dict[str, type[Contract]] = {
    "beslutsunderlag.docx": Tjansteskrivelse,
    "bilaga.docx": Tjansteskrivelse,
    "avstamning.pptx": Avstamning,
    "kommunovergripande.pptx": Kommunovergripande,
    "arbetsmaterial.pptx": Arbetsmaterial,
    "avrapportering.docx": Avrapportering,
    "bilaga-avrapportering.docx": BilagaAvrapportering,
    "intranat.docx": Intranat,
    "intranat.html": Intranat,
    "oversikt.html": Oversikt,
}


def names_markdown() -> str:
    """Return README's tables of names, one per contract, from the contracts' fields."""
    out = []
    for contract in dict.fromkeys(CONTRACTS.values()):
        templates = ", ".join(f"`{t}`" for t, c in CONTRACTS.items() if c is contract)
        out += [f"**{templates}**", "", "| Namn | Innehåll |", "|---|---|"]
        out += [f"| `{f.name}` | {f.metadata['doc']} |" for f in dataclasses.fields(contract)]
        out.append("")
    return "\n".join(out)
